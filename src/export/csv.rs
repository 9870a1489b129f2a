//! CSV exporter: `nodes.csv` and `edges.csv`, RFC 4180 (fields holding a
//! comma, quote or line break are quoted, quotes doubled), UTF-8, no BOM.
//!
//! The headers suit Gephi's spreadsheet importer as they are (it matches
//! `Id`, `Label`, `Source`, `Target`, `Type` and `Weight` case-insensitively;
//! `Type` is the edge direction, so the relation has its own column) and the
//! scorer in `eval/score.py` (`kind` is the node type, `relation` the edge
//! relation).
//!
//! List cells (`aliases`, `sources`) are `;`-separated and sorted. Cells that
//! look like spreadsheet formulas are written as they are.

use std::io::{self, Write};

use super::rdf::{confidence_decimal, evidence_docs, node_iri};
use super::ExportOptions;
use crate::graph::{Evidence, KnowledgeGraph};

/// File names written into the output directory.
pub const NODES_FILE: &str = "nodes.csv";
pub const EDGES_FILE: &str = "edges.csv";

/// Columns of `nodes.csv`.
pub const NODE_COLUMNS: [&str; 8] = [
    "id", "label", "kind", "aliases", "label_en", "iri", "sources", "mentions",
];

/// Columns of `edges.csv`.
pub const EDGE_COLUMNS: [&str; 8] = [
    "source",
    "target",
    "relation",
    "type",
    "weight",
    "confidence",
    "evidence",
    "sources",
];

/// What the `type` column holds: Gephi reads it as the edge direction.
const DIRECTED: &str = "Directed";

/// Separator of the values in a list cell.
const LIST_SEPARATOR: &str = ";";

/// Writes the node table.
pub fn write_nodes(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(NODE_COLUMNS)?;
    for node in graph.nodes_sorted() {
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        writer.write_record([
            node.id.as_str(),
            node.label.as_str(),
            node.kind.as_str(),
            &aliases.join(LIST_SEPARATOR),
            node.label_en.as_deref().unwrap_or(""),
            node_iri(&options.base_iri, &node.id)?.as_str(),
            &source_list(graph, &node.evidence),
            &node.evidence.len().to_string(),
        ])?;
    }
    writer.flush()
}

/// Writes the edge table.
pub fn write_edges(
    graph: &KnowledgeGraph,
    // the edge table names nodes by id, not IRI: nothing depends on the base
    _options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(EDGE_COLUMNS)?;
    for edge in graph.edges_sorted() {
        writer.write_record([
            edge.source.id.as_str(),
            edge.target.id.as_str(),
            edge.edge.relation.as_str(),
            DIRECTED,
            &edge.edge.weight().to_string(),
            &confidence_decimal(edge.edge.confidence()),
            edge.edge.sentence.as_str(),
            &source_list(graph, &edge.edge.evidence),
        ])?;
    }
    writer.flush()
}

/// The names of the source documents of `evidence`, sorted, `;`-separated.
fn source_list(graph: &KnowledgeGraph, evidence: &[Evidence]) -> String {
    let mut names: Vec<&str> = evidence_docs(graph, evidence)
        .into_iter()
        .filter_map(|d| graph.sources().get(d as usize))
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    names.dedup();
    names.join(LIST_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{NodeKind, Relation};

    fn ev(doc: u32, sentence: u32, confidence: f32) -> Evidence {
        Evidence {
            doc,
            sentence,
            start: 3,
            end: 9,
            confidence,
        }
    }

    fn tables(graph: &KnowledgeGraph) -> (String, String) {
        let options = ExportOptions::default();
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        write_nodes(graph, &options, &mut nodes).unwrap();
        write_edges(graph, &options, &mut edges).unwrap();
        (
            String::from_utf8(nodes).unwrap(),
            String::from_utf8(edges).unwrap(),
        )
    }

    #[test]
    fn rows_hold_lists_sorted_and_quote_what_needs_it() {
        let mut g = KnowledgeGraph::new();
        let b = g.add_source("b.txt");
        let a = g.add_source("a.txt");
        let p = g.add_node(
            NodeKind::Person,
            "Trần \"Bốn\", Thị",
            Some("Tran Bon"),
            ["TB".to_string(), "=SUM(A1)".to_string()],
            [ev(b, 0, 0.5), ev(a, 2, 0.5), ev(b, 4, 0.5)],
        );
        let o = g.add_node(
            NodeKind::Organization,
            "Hội Cờ Tướng",
            None,
            [],
            [ev(a, 2, 1.0)],
        );
        g.add_edge(
            p,
            Relation::MemberOf,
            o,
            ev(b, 1, 0.25),
            "line one\nline two",
        );
        g.add_edge(p, Relation::MemberOf, o, ev(a, 2, 0.75), "earlier doc");
        let (nodes, edges) = tables(&g);
        assert_eq!(
            nodes,
            "id,label,kind,aliases,label_en,iri,sources,mentions\n\
             organization/hoi-co-tuong,Hội Cờ Tướng,Organization,,,\
             https://w3id.org/kgexport/id/organization/hoi-co-tuong,a.txt,1\n\
             person/tran-bon-thi,\"Trần \"\"Bốn\"\", Thị\",Person,=SUM(A1);TB,Tran Bon,\
             https://w3id.org/kgexport/id/person/tran-bon-thi,a.txt;b.txt,3\n"
        );
        // the kept sentence is the earliest evidence's: document 0 (b.txt)
        assert_eq!(
            edges,
            "source,target,relation,type,weight,confidence,evidence,sources\n\
             person/tran-bon-thi,organization/hoi-co-tuong,memberOf,Directed,2,0.75,\
             \"line one\nline two\",a.txt;b.txt\n"
        );
    }

    #[test]
    fn empty_graph_has_headers_only() {
        let (nodes, edges) = tables(&KnowledgeGraph::new());
        assert_eq!(nodes, format!("{}\n", NODE_COLUMNS.join(",")));
        assert_eq!(edges, format!("{}\n", EDGE_COLUMNS.join(",")));
    }
}
