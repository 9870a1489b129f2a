//! Exporters: the graph written in the formats users load it into. Every
//! exporter walks nodes and edges in id order, so the same graph gives the
//! same bytes.

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
mod in_order;
pub mod jsonld;
pub mod rdf;
mod rdf_syntax;
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
    /// JSON-LD: the Turtle triples, with a context of short terms
    Jsonld,
    /// nodes.csv and edges.csv (or a file per kind and relation) in the --output
    /// directory (see --csv-dialect)
    Csv,
    /// GraphML for Gephi, networkx, igraph, yEd: coloured by node kind
    Graphml,
    /// GEXF 1.3 for Gephi and networkx: coloured by kind, sized by degree
    Gexf,
    /// Graphviz DOT: nodes filled by kind, with a legend
    Dot,
    /// One self-contained HTML page drawing the graph laid out, with search and details
    Html,
}

impl Format {
    /// True when the format writes a directory of files rather than one stream.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::Csv)
    }
}

/// How much of where each fact was read the output carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Provenance {
    /// The facts alone: nodes with their names, relations, no sources,
    /// counts, confidences or sentences
    None,
    /// Per relation its source articles, number of mentions, confidence and
    /// one evidence sentence; per node its sources and mentions
    #[default]
    Edge,
    /// Everything: in RDF every mention of a relation reified with its
    /// article, sentence number, offsets and confidence
    Full,
}

impl Provenance {
    /// True when sources, counts, confidences and sentences are written.
    pub fn has_sources(self) -> bool {
        self != Provenance::None
    }

    /// What of the evidence a graph written at this level needs to keep.
    pub fn evidence_kept(self) -> crate::graph::EvidenceKept {
        use crate::graph::EvidenceKept;
        match self {
            Provenance::None => EvidenceKept::Nothing,
            Provenance::Edge => EvidenceKept::Summary,
            Provenance::Full => EvidenceKept::Statements,
        }
    }
}

/// Settings shared by the exporters.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Node IRIs are this base followed by the node id.
    pub base_iri: String,
    /// What of the evidence is written.
    pub provenance: Provenance,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            base_iri: DEFAULT_BASE_IRI.to_string(),
            provenance: Provenance::default(),
        }
    }
}

/// The IRI of the node with id `node_id`, as every format writes it: the
/// base followed by the id, with what an IRI may not hold percent-encoded.
pub fn node_iri(options: &ExportOptions, node_id: &str) -> String {
    format!(
        "{}{}",
        options.base_iri,
        rdf::encode_iri_path(node_id, true)
    )
}

/// XML plumbing shared by the GraphML and GEXF writers.
pub mod xml {
    use std::borrow::Cow;
    use std::io::{self, Write};

    use quick_xml::events::{BytesDecl, Event};
    use quick_xml::Writer;

    /// True for the characters XML 1.0 allows in a document (§2.2 `Char`):
    /// tab, newline, carriage return, and everything from U+0020 except
    /// U+FFFE and U+FFFF (surrogates cannot occur in a Rust string).
    pub fn is_allowed_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
    }

    /// `text` without the characters XML 1.0 forbids, which no parser
    /// accepts even as character references. Everything else is left to the
    /// writer's escaping.
    pub fn clean_text(text: &str) -> Cow<'_, str> {
        if text.chars().all(is_allowed_char) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.chars().filter(|&c| is_allowed_char(c)).collect())
        }
    }

    /// Writes a UTF-8 XML document, indented by two spaces: the declaration,
    /// then the `root` element with `attributes` around what `body` writes,
    /// then a final newline.
    pub fn write_document(
        out: &mut dyn Write,
        root: &str,
        attributes: &[(&str, &str)],
        body: impl FnOnce(&mut Writer<&mut dyn Write>) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut xml = Writer::new_with_indent(out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        xml.create_element(root)
            .with_attributes(attributes.iter().copied())
            .write_inner_content(body)?;
        let out = xml.into_inner();
        out.write_all(b"\n")?;
        out.flush()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn clean_text_drops_forbidden_characters_only() {
            assert_eq!(clean_text("a\u{1}b\u{FFFE}c\u{FFFF}d\u{B}"), "abcd");
            let allowed = "tab\tnl\ncr\r<&>\u{FFFD}\u{10FFFF}😀";
            assert_eq!(clean_text(allowed), allowed);
            assert!(matches!(clean_text("plain"), Cow::Borrowed(_)));
        }
    }
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
        Format::Jsonld => jsonld::write(graph, options, out),
        Format::Graphml => graphml::write(graph, options, out),
        Format::Gexf => gexf::write(graph, options, out),
        Format::Dot => dot::write(graph, options, out),
        Format::Html => html::write(graph, options, out),
        Format::Csv => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "csv writes a directory, not a stream",
        )),
    }
}
