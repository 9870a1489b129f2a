//! The whole pipeline on one input and every export checked against the
//! graph, shared by `tests/properties.rs` and the regression replay so that
//! a case found by either is held to the same standard.
//!
//! Each check reads an export back with an independent reader (oxttl for
//! RDF, oxjsonld for JSON-LD, quick-xml for GraphML and GEXF, the `csv` crate, a line reader for
//! DOT) and compares what it finds with the graph: the same node ids, the
//! same labels where the format can hold them, the same node and edge
//! counts. Any failure panics with the export that broke it.

#![allow(dead_code)] // each test binary uses its own part

use std::collections::{BTreeMap, BTreeSet, HashSet};

use kgexport::export::csv::{CsvDialect, CsvOptions};
use kgexport::export::{self, csv as csv_export, ExportOptions, Format};
use kgexport::graph::{EvidenceRef, KnowledgeGraph, NodeKind, Relation};
use kgexport::input::{self, Document};
use oxjsonld::JsonLdParser;
use oxrdf::{Literal, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

const ONTOLOGY: &str = export::ONTOLOGY_IRI;
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";

/// Every export of one graph, as bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exports {
    pub turtle: Vec<u8>,
    pub ntriples: Vec<u8>,
    pub nquads: Vec<u8>,
    pub jsonld: Vec<u8>,
    pub graphml: Vec<u8>,
    pub gexf: Vec<u8>,
    pub dot: Vec<u8>,
    pub nodes_csv: Vec<u8>,
    pub edges_csv: Vec<u8>,
    pub nodes_neo4j: Vec<u8>,
    pub edges_neo4j: Vec<u8>,
}

impl Exports {
    fn named(&self) -> [(&'static str, &[u8]); 11] {
        [
            ("Turtle", &self.turtle),
            ("N-Triples", &self.ntriples),
            ("N-Quads", &self.nquads),
            ("JSON-LD", &self.jsonld),
            ("GraphML", &self.graphml),
            ("GEXF", &self.gexf),
            ("DOT", &self.dot),
            ("nodes.csv", &self.nodes_csv),
            ("edges.csv", &self.edges_csv),
            ("nodes.csv (neo4j)", &self.nodes_neo4j),
            ("edges.csv (neo4j)", &self.edges_neo4j),
        ]
    }

    /// Panics, naming the format and the first line that differs, unless
    /// `other` holds the same bytes in every format.
    pub fn assert_same(&self, other: &Exports, what: &str) {
        for ((name, a), (_, b)) in self.named().into_iter().zip(other.named()) {
            if a != b {
                let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
                let (n, (x, y)) = a
                    .lines()
                    .zip(b.lines())
                    .enumerate()
                    .find(|(_, (x, y))| x != y)
                    .unwrap_or((0, ("(length differs)", "")));
                panic!("{what}: {name} differs at line {}:\n  {x}\n  {y}", n + 1);
            }
        }
    }
}

/// Writes every format into memory. An exporter error is a failure too:
/// nothing the pipeline builds may be unwritable.
pub fn export_all(graph: &KnowledgeGraph) -> Exports {
    let options = ExportOptions::default();
    let stream = |format| {
        let mut out = Vec::new();
        export::write_stream(graph, format, &options, &mut out)
            .unwrap_or_else(|e| panic!("{format:?} export failed: {e}"));
        out
    };
    let mut nodes_csv = Vec::new();
    csv_export::write_nodes(graph, &options, &mut nodes_csv).expect("nodes.csv export");
    let mut edges_csv = Vec::new();
    csv_export::write_edges(graph, &options, &mut edges_csv).expect("edges.csv export");
    let neo4j = CsvOptions {
        dialect: CsvDialect::Neo4j,
        spreadsheet_safe: false,
    };
    let mut nodes_neo4j = Vec::new();
    csv_export::write_nodes_with(graph, &options, neo4j, &mut nodes_neo4j)
        .expect("neo4j nodes.csv export");
    let mut edges_neo4j = Vec::new();
    csv_export::write_edges_with(graph, &options, neo4j, &mut edges_neo4j)
        .expect("neo4j edges.csv export");
    Exports {
        turtle: stream(Format::Turtle),
        ntriples: stream(Format::Ntriples),
        nquads: stream(Format::Nquads),
        jsonld: stream(Format::Jsonld),
        graphml: stream(Format::Graphml),
        gexf: stream(Format::Gexf),
        dot: stream(Format::Dot),
        nodes_csv,
        edges_csv,
        nodes_neo4j,
        edges_neo4j,
    }
}

/// What the CLI does with the bytes of one file: decode, then build the
/// graph of that one document. `None` when decoding refuses the bytes
/// (binary, UTF-16, not UTF-8), which the CLI reports as an input error.
pub fn graph_of_bytes(name: &str, bytes: &[u8]) -> Option<KnowledgeGraph> {
    let (text, _notes) = input::decode(name, bytes.to_vec()).ok()?;
    Some(kgexport::build_graph(vec![Document::new(name, text)]))
}

/// Exports `graph` in every format and checks each export against it.
pub fn check_graph(graph: &KnowledgeGraph) -> Exports {
    let exports = export_all(graph);
    check_rdf(graph, &exports);
    check_csv(graph, &exports);
    check_graphml(graph, &exports.graphml);
    check_gexf(graph, &exports.gexf);
    check_dot(graph, &exports.dot);
    exports
}

fn utf8<'a>(what: &str, bytes: &'a [u8]) -> &'a str {
    std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"))
}

// ---------------------------------------------------------------- RDF

fn sorted_ids(graph: &KnowledgeGraph) -> Vec<String> {
    graph
        .nodes_sorted()
        .iter()
        .map(|n| n.id().to_string())
        .collect()
}

/// The four RDF exports parse, hold the same triples (N-Quads once its
/// graph names are dropped; JSON-LD once expanded with its own context),
/// one `kg:id` per node, the node's label, and one direct triple per edge.
fn check_rdf(graph: &KnowledgeGraph, exports: &Exports) {
    let turtle: HashSet<Triple> = TurtleParser::new()
        .for_slice(&exports.turtle)
        .map(|t| {
            t.unwrap_or_else(|e| panic!("Turtle does not parse: {e}\n{}", lossy(&exports.turtle)))
        })
        .collect();
    let ntriples: HashSet<Triple> = NTriplesParser::new()
        .for_slice(&exports.ntriples)
        .map(|t| {
            t.unwrap_or_else(|e| {
                panic!(
                    "N-Triples does not parse: {e}\n{}",
                    lossy(&exports.ntriples)
                )
            })
        })
        .collect();
    let nquads: HashSet<Triple> = NQuadsParser::new()
        .for_slice(&exports.nquads)
        .map(|q| {
            Triple::from(q.unwrap_or_else(|e| {
                panic!("N-Quads does not parse: {e}\n{}", lossy(&exports.nquads))
            }))
        })
        .collect();
    let jsonld: HashSet<Triple> = JsonLdParser::new()
        .for_slice(&exports.jsonld)
        .map(|q| {
            let q = q.unwrap_or_else(|e| {
                panic!("JSON-LD does not parse: {e}\n{}", lossy(&exports.jsonld))
            });
            assert!(q.graph_name.is_default_graph(), "JSON-LD named graph");
            Triple::from(q)
        })
        .collect();
    assert!(turtle == ntriples, "Turtle and N-Triples differ");
    if jsonld != ntriples {
        let missing = ntriples.difference(&jsonld).next();
        let extra = jsonld.difference(&ntriples).next();
        panic!("JSON-LD and N-Triples differ: missing {missing:?}, extra {extra:?}");
    }
    assert!(nquads == ntriples, "N-Quads and N-Triples differ");

    let options = ExportOptions::default();
    let id_predicate = format!("{ONTOLOGY}id");
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut labels: BTreeMap<String, Vec<Literal>> = BTreeMap::new();
    let relations: BTreeSet<String> = Relation::ALL
        .iter()
        .map(|r| format!("{ONTOLOGY}{}", r.as_str()))
        .collect();
    let mut direct = 0;
    for t in &ntriples {
        let NamedOrBlankNode::NamedNode(subject) = &t.subject else {
            panic!("blank or nested subject in {t}");
        };
        let predicate = t.predicate.as_str();
        if predicate == id_predicate {
            let Term::Literal(l) = &t.object else {
                panic!("kg:id is not a literal: {t}")
            };
            let before = ids.insert(subject.as_str().to_string(), l.value().to_string());
            assert!(before.is_none(), "two kg:id for {subject}");
        } else if predicate == RDFS_LABEL {
            if let Term::Literal(l) = &t.object {
                labels
                    .entry(subject.as_str().to_string())
                    .or_default()
                    .push(l.clone());
            }
        } else if relations.contains(predicate) {
            direct += 1;
        }
    }
    assert_eq!(ids.len(), graph.node_count(), "nodes with kg:id in RDF");
    assert_eq!(direct, graph.edge_count(), "direct relation triples in RDF");
    for node in graph.nodes_sorted() {
        let iri = export::node_iri(&options, &node.id());
        NamedNodeRef::new(&iri).unwrap_or_else(|e| panic!("node IRI <{iri}>: {e}"));
        assert_eq!(
            ids.get(&iri).map(String::as_str),
            Some(&*node.id()),
            "kg:id of <{iri}>"
        );
        let label = labels
            .get(&iri)
            .into_iter()
            .flatten()
            .find(|l| match node.kind {
                NodeKind::Date => l.language().is_none(),
                _ => l.language() == Some("vi"),
            });
        assert_eq!(
            label.map(Literal::value),
            Some(&*node.label),
            "rdfs:label of <{iri}>"
        );
    }
}

fn lossy(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    // enough to see what broke without drowning the report
    text.chars().take(4000).collect()
}

// ---------------------------------------------------------------- CSV

/// Reads a CSV table with the `csv` crate: header and rows.
fn read_csv(what: &str, bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("{what} header: {e}"))
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{what} row: {e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

/// A neo4j `string[]` cell as neo4j-admin reads it: split on `;`.
fn array(cell: &str) -> BTreeSet<String> {
    cell.split(';')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// `values` as the elements of a neo4j array: a `;` inside one is written
/// as a stand-in, since neo4j-admin has no escape for it.
fn elements<'a>(values: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    values
        .into_iter()
        .filter(|v| !v.is_empty())
        .map(|v| v.replace(';', csv_export::NEO4J_SEPARATOR_STAND_IN))
        .collect()
}

/// The names of the documents `evidence` comes from.
fn source_names<'g>(
    graph: &'g KnowledgeGraph,
    evidence: EvidenceRef<'_>,
) -> impl Iterator<Item = &'g str> + use<'g> {
    let docs: Vec<u32> = evidence.pieces().iter().map(|e| e.doc).collect();
    docs.into_iter()
        .filter_map(|d| graph.sources().get(d as usize))
        .map(String::as_str)
}

/// Both tables of both dialects re-read with the `csv` crate: a header,
/// then one row per node (edge) in id order with the graph's ids, labels,
/// kinds and endpoints. A neo4j `string[]` cell splits on `;` into the
/// values it stands for, as neo4j-admin reads it.
fn check_csv(graph: &KnowledgeGraph, exports: &Exports) {
    let tables = [
        (
            "nodes.csv",
            &exports.nodes_csv,
            &csv_export::NODE_COLUMNS,
            "edges.csv",
            &exports.edges_csv,
            &csv_export::EDGE_COLUMNS[..],
        ),
        (
            "nodes.csv (neo4j)",
            &exports.nodes_neo4j,
            &csv_export::NEO4J_NODE_COLUMNS,
            "edges.csv (neo4j)",
            &exports.edges_neo4j,
            &csv_export::NEO4J_EDGE_COLUMNS[..],
        ),
    ];
    for (node_file, nodes, node_columns, edge_file, edges, edge_columns) in tables {
        let (header, rows) = read_csv(node_file, nodes);
        assert_eq!(header, node_columns);
        assert_eq!(rows.len(), graph.node_count(), "rows of {node_file}");
        let neo4j = node_columns[0] == "id:ID";
        for (row, node) in rows.iter().zip(graph.nodes_sorted()) {
            assert_eq!(row.len(), node_columns.len());
            assert_eq!(row[0], &*node.id(), "{node_file} id");
            assert_eq!(row[1], &*node.label, "{node_file} label of {}", node.id());
            assert_eq!(row[2], node.kind.as_str());
            if neo4j {
                let aliases: BTreeSet<&str> = row[3].split(';').filter(|a| !a.is_empty()).collect();
                let expected: BTreeSet<&str> = node.aliases.iter().collect();
                assert_eq!(aliases, expected, "{node_file} aliases of {}", node.id());
            }
        }
        let (header, rows) = read_csv(edge_file, edges);
        assert_eq!(header, edge_columns);
        assert_eq!(rows.len(), graph.edge_count(), "rows of {edge_file}");
        for (row, edge) in rows.iter().zip(graph.edges_sorted()) {
            assert_eq!(row.len(), edge_columns.len());
            assert_eq!(
                (row[0].as_str(), row[1].as_str(), row[2].as_str()),
                (
                    &*edge.source.id(),
                    &*edge.target.id(),
                    edge.edge.relation.as_str()
                ),
                "{edge_file} endpoints"
            );
            if neo4j {
                let expected = elements(source_names(graph, edge.evidence));
                assert_eq!(array(&row[6]), expected, "{edge_file} sources");
            }
        }
    }
}

// ---------------------------------------------------------------- XML

/// One element as quick-xml read it: name and unescaped attributes.
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
}

fn xml_allowed(c: char) -> bool {
    export::xml::is_allowed_char(c)
}

/// Reads `bytes` as XML 1.0 with quick-xml, failing on what it detects
/// (mismatched or unclosed tags, bad attributes, bad references) and on
/// what it does not: characters XML forbids, raw or as references. Returns
/// every element in document order.
fn read_xml(what: &str, bytes: &[u8]) -> Vec<Element> {
    let text = utf8(what, bytes);
    if let Some(c) = text.chars().find(|&c| !xml_allowed(c)) {
        panic!("{what}: forbidden character {c:?}");
    }
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let open = |e: &BytesStart| {
        let mut attrs = BTreeMap::new();
        for a in e.attributes().with_checks(true) {
            let a = a.unwrap_or_else(|e| panic!("{what}: bad attribute: {e}"));
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .unwrap_or_else(|e| panic!("{what}: attribute value: {e}"))
                .into_owned();
            assert!(
                value.chars().all(xml_allowed),
                "{what}: forbidden character in attribute"
            );
            let key = a.key.as_ref().to_string();
            assert!(
                attrs.insert(key, value).is_none(),
                "{what}: duplicate attribute"
            );
        }
        Element {
            name: e.name().as_ref().to_string(),
            attrs,
        }
    };
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut roots = 0;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{what} is not well-formed: {e}"))
        {
            Event::Start(e) => {
                roots += usize::from(depth == 0);
                depth += 1;
                elements.push(open(&e));
            }
            Event::Empty(e) => {
                roots += usize::from(depth == 0);
                elements.push(open(&e));
            }
            Event::End(_) => depth = depth.checked_sub(1).expect("balanced tags"),
            Event::Text(t) => {
                assert!(
                    depth > 0 || t.xml10_content().trim().is_empty(),
                    "{what}: text outside the root"
                );
            }
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().expect("valid character reference") {
                    assert!(xml_allowed(c), "{what}: reference to forbidden {c:?}");
                } else {
                    let name = r.xml10_content();
                    assert!(
                        matches!(&*name, "lt" | "gt" | "amp" | "apos" | "quot"),
                        "{what}: undeclared entity &{name};"
                    );
                }
            }
            Event::CData(_) | Event::DocType(_) => panic!("{what}: unexpected CDATA or DOCTYPE"),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    assert_eq!(depth, 0, "{what}: unclosed elements");
    assert_eq!(roots, 1, "{what}: one root element");
    elements
}

/// GraphML: one `<node>` per node and one `<edge>` per edge, node ids
/// unique and every edge endpoint a node.
fn check_graphml(graph: &KnowledgeGraph, bytes: &[u8]) {
    let elements = read_xml("GraphML", bytes);
    let nodes: Vec<&Element> = elements.iter().filter(|e| e.name == "node").collect();
    let edges: Vec<&Element> = elements.iter().filter(|e| e.name == "edge").collect();
    assert_eq!(nodes.len(), graph.node_count(), "GraphML nodes");
    assert_eq!(edges.len(), graph.edge_count(), "GraphML edges");
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.attrs["id"].as_str()).collect();
    assert_eq!(ids.len(), nodes.len(), "GraphML node ids are unique");
    for e in edges {
        assert!(
            ids.contains(e.attrs["source"].as_str()),
            "GraphML edge source"
        );
        assert!(
            ids.contains(e.attrs["target"].as_str()),
            "GraphML edge target"
        );
    }
}

/// GEXF: the node ids are the graph's, in order, with the graph's labels
/// less what XML forbids; one `<edge>` per edge between known ids.
fn check_gexf(graph: &KnowledgeGraph, bytes: &[u8]) {
    let elements = read_xml("GEXF", bytes);
    let nodes: Vec<&Element> = elements.iter().filter(|e| e.name == "node").collect();
    let edges: Vec<&Element> = elements.iter().filter(|e| e.name == "edge").collect();
    let ids: Vec<&str> = nodes.iter().map(|n| n.attrs["id"].as_str()).collect();
    assert_eq!(ids, sorted_ids(graph), "GEXF node ids");
    for (el, node) in nodes.iter().zip(graph.nodes_sorted()) {
        assert_eq!(
            el.attrs["label"],
            export::xml::clean_text(&node.label),
            "GEXF label of {}",
            node.id()
        );
    }
    assert_eq!(edges.len(), graph.edge_count(), "GEXF edges");
    let known: BTreeSet<&str> = ids.iter().copied().collect();
    for e in edges {
        assert!(
            known.contains(e.attrs["source"].as_str()),
            "GEXF edge source"
        );
        assert!(
            known.contains(e.attrs["target"].as_str()),
            "GEXF edge target"
        );
    }
}

// ---------------------------------------------------------------- DOT

/// DOT: one statement per line, so the top-level lines starting with a
/// quoted id are the node and edge statements. No line may start with `#`
/// (Graphviz would drop it) and no control character may be written.
fn check_dot(graph: &KnowledgeGraph, bytes: &[u8]) {
    let text = utf8("DOT", bytes);
    assert!(text.starts_with("digraph kgexport {\n") && text.ends_with("}\n"));
    let mut nodes = Vec::new();
    let mut edges = 0;
    for line in text.lines() {
        assert!(!line.starts_with('#'), "DOT preprocessor line {line:?}");
        assert!(
            !line.chars().any(|c| c.is_control() || !xml_allowed(c)),
            "DOT control character in {line:?}"
        );
        let Some(rest) = line.strip_prefix("  \"") else {
            continue;
        };
        // ids are slugs: no quote or backslash inside
        let (id, after) = rest.split_once('"').expect("closed id");
        if after.starts_with(" -> ") {
            edges += 1;
        } else {
            nodes.push(id.to_string());
        }
    }
    assert_eq!(nodes, sorted_ids(graph), "DOT node statements");
    assert_eq!(edges, graph.edge_count(), "DOT edge statements");
}
