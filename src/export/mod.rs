//! Exporters: the graph written in the formats users load it into. Every
//! exporter walks nodes and edges in id order, so the same graph gives the
//! same bytes.

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod rdf;
pub mod style;

use std::io::{self, Write};

use crate::graph::KnowledgeGraph;

/// Base of the IRIs minted for nodes, unless `--base-iri` says otherwise.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/kgexport/id/";

/// Namespace of the project ontology (`ontology/kgexport.ttl`).
pub const ONTOLOGY_IRI: &str = "https://w3id.org/kgexport/ontology#";

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RDF Turtle, with prefixes
    Turtle,
    /// RDF N-Triples
    Ntriples,
    /// RDF N-Quads, one named graph per source document
    Nquads,
    /// nodes.csv and edges.csv in the --output directory
    Csv,
    /// GraphML for Gephi, networkx, igraph, yEd: coloured by node kind
    Graphml,
    /// GEXF 1.3 for Gephi and networkx: coloured by kind, sized by degree
    Gexf,
    /// Graphviz DOT: nodes filled by kind, with a legend
    Dot,
}

impl Format {
    /// True when the format writes a directory of files rather than one stream.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::Csv)
    }
}

/// Settings shared by the exporters.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Node IRIs are this base followed by the node id.
    pub base_iri: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            base_iri: DEFAULT_BASE_IRI.to_string(),
        }
    }
}

/// The IRI of the node with id `node_id`: the base followed by the id, whose
/// slug is already IRI-safe (letters, digits, `-`, one `/`).
pub fn node_iri(options: &ExportOptions, node_id: &str) -> String {
    format!("{}{}", options.base_iri, node_id)
}

/// Writes a single-stream format (everything but CSV) to `out`.
pub fn write_stream(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Turtle | Format::Ntriples | Format::Nquads => {
            rdf::write(graph, format, options, out)
        }
        Format::Graphml => graphml::write(graph, options, out),
        Format::Gexf => gexf::write(graph, options, out),
        Format::Dot => dot::write(graph, out),
        Format::Csv => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "csv writes a directory, not a stream",
        )),
    }
}
