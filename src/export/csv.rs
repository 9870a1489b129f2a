//! CSV exporter: `nodes.csv` and `edges.csv` (or one file per node kind and
//! relation), RFC 4180 (fields holding a comma, quote or line break are
//! quoted, quotes doubled), UTF-8, no BOM, in one of three dialects.
//!
//! - **Gephi** (the default): headers Gephi's spreadsheet importer matches
//!   case-insensitively (`Id`, `Label`, `Source`, `Target`, `Type`, `Kind`,
//!   `Weight`), so nothing needs renaming on import. `type` is the edge
//!   direction to Gephi, so the relation has its own column and is repeated
//!   in `kind`, Gephi's edge type, which keeps parallel relations between
//!   the same pair apart. The scorer in `eval/score.py` reads `kind` as the
//!   node type and `relation` as the edge relation. Kùzu's `COPY FROM` loads
//!   the same files (its columns are positional).
//! - **neo4j**: the header format of `neo4j-admin database import`: `id:ID`,
//!   `:LABEL` (the kind), typed properties, `;`-separated `string[]` arrays;
//!   `:START_ID`, `:END_ID`, `:TYPE` (the relation).
//! - **cypher**: what both `neo4j-admin database import full` and FalkorDB's
//!   bulk loader (`falkordb-bulk-insert --enforce-schema`) load unchanged:
//!   `nodes/<Kind>.csv` and `relationships/<relation>.csv`, one per kind and
//!   relation (header only when empty), the label and type given by the file
//!   (FalkorDB takes them from the file name, neo4j from `--nodes=Kind=…`;
//!   FalkorDB knows no `:LABEL` or `:TYPE` column). Every column is typed
//!   with a type both grammars know (`:ID`, `:START_ID`, `:END_ID`, `string`,
//!   `int`, `float`), so FalkorDB does not guess ("2019" stays a string);
//!   the lists are plain `;`-separated strings, as the two array syntaxes
//!   (`a;b` and `['a', 'b']`) have nothing in common.
//!
//! List cells (`aliases`, `sources`) are `;`-separated and sorted; in the
//! neo4j dialect a `;` inside a value is written `；` (U+FF1B), since
//! neo4j-admin splits `string[]` cells on every `;` and has no escape. Cells that
//! look like spreadsheet formulas are written as they are, unless
//! `spreadsheet_safe` asks for a leading `'` (which the graph tools would
//! keep as part of the value: hence opt-in).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::rdf::{confidence_decimal, evidence_docs, node_iri};
use super::ExportOptions;
use crate::graph::{EvidenceRef, KnowledgeGraph, NodeKind, Relation};

/// File names written into the output directory.
pub const NODES_FILE: &str = "nodes.csv";
pub const EDGES_FILE: &str = "edges.csv";

/// Columns of `nodes.csv` (Gephi dialect).
pub const NODE_COLUMNS: [&str; 8] = [
    "id", "label", "kind", "aliases", "label_en", "iri", "sources", "mentions",
];

/// Columns of `edges.csv` (Gephi dialect).
pub const EDGE_COLUMNS: [&str; 9] = [
    "source",
    "target",
    "relation",
    "kind",
    "type",
    "weight",
    "confidence",
    "evidence",
    "sources",
];

/// Columns of `nodes.csv` for neo4j-admin import, in the order of
/// [`NODE_COLUMNS`]: the same values under typed headers.
pub const NEO4J_NODE_COLUMNS: [&str; 8] = [
    "id:ID",
    "name",
    ":LABEL",
    "aliases:string[]",
    "name_en",
    "iri",
    "sources:string[]",
    "mentions:int",
];

/// Columns of `edges.csv` for neo4j-admin import. No direction column:
/// every neo4j relationship is directed.
pub const NEO4J_EDGE_COLUMNS: [&str; 7] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "weight:int",
    "confidence:float",
    "evidence",
    "sources:string[]",
];

/// Columns of `nodes/<Kind>.csv` in the cypher dialect: those of
/// [`NODE_COLUMNS`] but the kind, which is the file's label.
pub const CYPHER_NODE_COLUMNS: [&str; 7] = [
    "id:ID",
    "name:string",
    "aliases:string",
    "name_en:string",
    "iri:string",
    "sources:string",
    "mentions:int",
];

/// Columns of `relationships/<relation>.csv` in the cypher dialect.
pub const CYPHER_EDGE_COLUMNS: [&str; 6] = [
    ":START_ID",
    ":END_ID",
    "weight:int",
    "confidence:float",
    "evidence:string",
    "sources:string",
];

/// Folders of the cypher dialect's files inside the output directory.
pub const CYPHER_NODES_DIR: &str = "nodes";
pub const CYPHER_RELATIONSHIPS_DIR: &str = "relationships";

/// Which loader the CSV headers are written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvDialect {
    /// Gephi's spreadsheet importer, networkx/pandas, Kùzu COPY FROM, the scorer
    #[default]
    Gephi,
    /// neo4j-admin database import (typed headers, :ID, :LABEL, :TYPE)
    Neo4j,
    /// neo4j-admin import and FalkorDB's bulk loader: a file per kind and relation
    Cypher,
}

/// One file of the CSV output: the node or edge table, whole or (cypher
/// dialect) for one kind or relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Nodes(Option<NodeKind>),
    Edges(Option<Relation>),
}

impl Table {
    /// The tables of `dialect`, in the order they are written.
    pub fn all(dialect: CsvDialect) -> Vec<Table> {
        match dialect {
            CsvDialect::Gephi | CsvDialect::Neo4j => vec![Table::Nodes(None), Table::Edges(None)],
            CsvDialect::Cypher => NodeKind::ALL
                .into_iter()
                .map(|k| Table::Nodes(Some(k)))
                .chain(Relation::ALL.into_iter().map(|r| Table::Edges(Some(r))))
                .collect(),
        }
    }

    /// The table's path inside the output directory.
    pub fn path(self) -> PathBuf {
        match self {
            Table::Nodes(None) => PathBuf::from(NODES_FILE),
            Table::Edges(None) => PathBuf::from(EDGES_FILE),
            Table::Nodes(Some(kind)) => {
                Path::new(CYPHER_NODES_DIR).join(format!("{}.csv", kind.as_str()))
            }
            Table::Edges(Some(relation)) => {
                Path::new(CYPHER_RELATIONSHIPS_DIR).join(format!("{}.csv", relation.as_str()))
            }
        }
    }

    /// Writes the table.
    pub fn write(
        self,
        graph: &KnowledgeGraph,
        options: &ExportOptions,
        csv_options: CsvOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match self {
            Table::Nodes(kind) => write_node_rows(graph, options, csv_options, kind, out),
            Table::Edges(relation) => write_edge_rows(graph, options, csv_options, relation, out),
        }
    }
}

/// Settings of the CSV exporter only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    pub dialect: CsvDialect,
    /// Prefix `'` to cells starting with `=`, `+`, `-`, `@`, tab or carriage
    /// return, which spreadsheet programs would run as formulas.
    pub spreadsheet_safe: bool,
}

/// What the `type` column holds: Gephi reads it as the edge direction.
const DIRECTED: &str = "Directed";

/// Separator of the values in a list cell (also neo4j's array delimiter).
const LIST_SEPARATOR: &str = ";";

/// What a `;` inside a value of a neo4j array cell is written as.
pub const NEO4J_SEPARATOR_STAND_IN: &str = "\u{FF1B}";

/// Writes the node table in the Gephi dialect.
pub fn write_nodes(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_nodes_with(graph, options, CsvOptions::default(), out)
}

/// Writes the edge table in the Gephi dialect.
pub fn write_edges(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_edges_with(graph, options, CsvOptions::default(), out)
}

/// Writes the node table in the dialect of `csv_options` (all kinds in
/// the cypher dialect too: [`Table`] writes its files).
pub fn write_nodes_with(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    csv_options: CsvOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_node_rows(graph, options, csv_options, None, out)
}

/// Writes the edge table in the dialect of `csv_options` (all relations in
/// the cypher dialect too: [`Table`] writes its files).
pub fn write_edges_with(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    csv_options: CsvOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_edge_rows(graph, options, csv_options, None, out)
}

/// The node rows, of one kind or all.
fn write_node_rows(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    csv_options: CsvOptions,
    only: Option<NodeKind>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    match csv_options.dialect {
        CsvDialect::Gephi => writer.write_record(NODE_COLUMNS)?,
        CsvDialect::Neo4j => writer.write_record(NEO4J_NODE_COLUMNS)?,
        CsvDialect::Cypher => writer.write_record(CYPHER_NODE_COLUMNS)?,
    }
    for node in graph.nodes_sorted() {
        if only.is_some_and(|kind| kind != node.kind) {
            continue;
        }
        let aliases = list_cell(node.aliases.iter(), csv_options);
        let iri = node_iri(&options.base_iri, &node.id())?;
        let (sources, mentions) = if options.provenance.has_sources() {
            let sources = source_list(graph, graph.node_evidence(node), csv_options);
            (sources, graph.node_evidence(node).len().to_string())
        } else {
            // --provenance none: the columns stay, empty
            (String::new(), String::new())
        };
        let (id, label, label_en) = (
            &*node.id(),
            &*node.label,
            node.label_en.as_deref().unwrap_or(""),
        );
        let kind = node.kind.as_str();
        let row: &[&str] = match csv_options.dialect {
            CsvDialect::Gephi | CsvDialect::Neo4j => &[
                id,
                label,
                kind,
                &aliases,
                label_en,
                iri.as_str(),
                &sources,
                &mentions,
            ],
            CsvDialect::Cypher => &[
                id,
                label,
                &aliases,
                label_en,
                iri.as_str(),
                &sources,
                &mentions,
            ],
        };
        write_row(&mut writer, row, csv_options)?;
    }
    writer.flush()
}

/// The edge rows, of one relation or all.
fn write_edge_rows(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    csv_options: CsvOptions,
    only: Option<Relation>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    match csv_options.dialect {
        CsvDialect::Gephi => writer.write_record(EDGE_COLUMNS)?,
        CsvDialect::Neo4j => writer.write_record(NEO4J_EDGE_COLUMNS)?,
        CsvDialect::Cypher => writer.write_record(CYPHER_EDGE_COLUMNS)?,
    }
    for edge in graph.edges_in_order() {
        if only.is_some_and(|relation| relation != edge.edge.relation) {
            continue;
        }
        let relation = edge.edge.relation.as_str();
        let with_sources = options.provenance.has_sources();
        // --provenance none: the columns stay, empty
        let (weight, confidence, sources) = if with_sources {
            (
                edge.weight().to_string(),
                confidence_decimal(edge.confidence()),
                source_list(graph, edge.evidence, csv_options),
            )
        } else {
            Default::default()
        };
        let sentence = match with_sources {
            true => graph.sentence(edge.edge)?,
            false => Default::default(),
        };
        let (source, target, evidence) =
            (&*edge.source.id(), &*edge.target.id(), sentence.as_ref());
        let row: &[&str] = match csv_options.dialect {
            CsvDialect::Gephi => &[
                source,
                target,
                relation,
                relation,
                DIRECTED,
                &weight,
                &confidence,
                evidence,
                &sources,
            ],
            CsvDialect::Neo4j => &[
                source,
                target,
                relation,
                &weight,
                &confidence,
                evidence,
                &sources,
            ],
            CsvDialect::Cypher => &[source, target, &weight, &confidence, evidence, &sources],
        };
        write_row(&mut writer, row, csv_options)?;
    }
    writer.flush()
}

/// Writes one record, each cell neutralised first when asked.
fn write_row<W: Write>(
    writer: &mut csv::Writer<W>,
    cells: &[&str],
    csv_options: CsvOptions,
) -> io::Result<()> {
    if csv_options.spreadsheet_safe {
        writer.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
    } else {
        writer.write_record(cells)?;
    }
    Ok(())
}

/// `cell` with a leading `'` when a spreadsheet would read it as a formula
/// (OWASP CSV injection: `=`, `+`, `-`, `@`, tab, carriage return).
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The names of the source documents of `evidence`, sorted, `;`-separated.
fn source_list(
    graph: &KnowledgeGraph,
    evidence: EvidenceRef<'_>,
    csv_options: CsvOptions,
) -> String {
    let mut names: Vec<&str> = evidence_docs(graph, evidence)
        .into_iter()
        .filter_map(|d| graph.sources().get(d as usize))
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    names.dedup();
    list_cell(names, csv_options)
}

/// `values` joined by `;`. A neo4j `string[]` cell is split on every `;`
/// (there is no escape), so in that dialect a `;` inside a value becomes
/// `；` (U+FF1B): a file named `a;b.txt` stays one source, not two.
fn list_cell<'a>(values: impl IntoIterator<Item = &'a str>, csv_options: CsvOptions) -> String {
    let values: Vec<std::borrow::Cow<'a, str>> = values
        .into_iter()
        .map(|v| match csv_options.dialect {
            CsvDialect::Neo4j if v.contains(LIST_SEPARATOR) => {
                v.replace(LIST_SEPARATOR, NEO4J_SEPARATOR_STAND_IN).into()
            }
            _ => v.into(),
        })
        .collect();
    values.join(LIST_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;

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
        tables_with(graph, CsvOptions::default())
    }

    fn tables_with(graph: &KnowledgeGraph, csv_options: CsvOptions) -> (String, String) {
        let options = ExportOptions::default();
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        write_nodes_with(graph, &options, csv_options, &mut nodes).unwrap();
        write_edges_with(graph, &options, csv_options, &mut edges).unwrap();
        (
            String::from_utf8(nodes).unwrap(),
            String::from_utf8(edges).unwrap(),
        )
    }

    /// Two people, one organisation: a formula-like alias, a quoted label,
    /// a two-line evidence sentence, a relation stated in two documents.
    fn sample() -> KnowledgeGraph {
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
        g
    }

    #[test]
    fn rows_hold_lists_sorted_and_quote_what_needs_it() {
        let (nodes, edges) = tables(&sample());
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
            "source,target,relation,kind,type,weight,confidence,evidence,sources\n\
             person/tran-bon-thi,organization/hoi-co-tuong,memberOf,memberOf,Directed,2,0.75,\
             \"line one\nline two\",a.txt;b.txt\n"
        );
    }

    #[test]
    fn neo4j_dialect_types_the_headers_and_keeps_the_values() {
        let neo4j = CsvOptions {
            dialect: CsvDialect::Neo4j,
            spreadsheet_safe: false,
        };
        let (nodes, edges) = tables_with(&sample(), neo4j);
        assert_eq!(
            nodes,
            "id:ID,name,:LABEL,aliases:string[],name_en,iri,sources:string[],mentions:int\n\
             organization/hoi-co-tuong,Hội Cờ Tướng,Organization,,,\
             https://w3id.org/kgexport/id/organization/hoi-co-tuong,a.txt,1\n\
             person/tran-bon-thi,\"Trần \"\"Bốn\"\", Thị\",Person,=SUM(A1);TB,Tran Bon,\
             https://w3id.org/kgexport/id/person/tran-bon-thi,a.txt;b.txt,3\n"
        );
        assert_eq!(
            edges,
            ":START_ID,:END_ID,:TYPE,weight:int,confidence:float,evidence,sources:string[]\n\
             person/tran-bon-thi,organization/hoi-co-tuong,memberOf,2,0.75,\
             \"line one\nline two\",a.txt;b.txt\n"
        );
    }

    #[test]
    fn cypher_dialect_writes_a_typed_file_per_kind_and_relation() {
        let cypher = CsvOptions {
            dialect: CsvDialect::Cypher,
            spreadsheet_safe: false,
        };
        let tables = Table::all(CsvDialect::Cypher);
        assert_eq!(tables.len(), NodeKind::ALL.len() + Relation::ALL.len());
        let written = |table: Table| {
            let mut out = Vec::new();
            table
                .write(&sample(), &ExportOptions::default(), cypher, &mut out)
                .unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            Table::Nodes(Some(NodeKind::Person)).path(),
            Path::new("nodes/Person.csv")
        );
        assert_eq!(
            written(Table::Nodes(Some(NodeKind::Person))),
            "id:ID,name:string,aliases:string,name_en:string,iri:string,sources:string,mentions:int\n\
             person/tran-bon-thi,\"Trần \"\"Bốn\"\", Thị\",=SUM(A1);TB,Tran Bon,\
             https://w3id.org/kgexport/id/person/tran-bon-thi,a.txt;b.txt,3\n"
        );
        assert_eq!(
            Table::Edges(Some(Relation::MemberOf)).path(),
            Path::new("relationships/memberOf.csv")
        );
        assert_eq!(
            written(Table::Edges(Some(Relation::MemberOf))),
            ":START_ID,:END_ID,weight:int,confidence:float,evidence:string,sources:string\n\
             person/tran-bon-thi,organization/hoi-co-tuong,2,0.75,\
             \"line one\nline two\",a.txt;b.txt\n"
        );
        // an empty kind or relation still gets its file, header only
        assert_eq!(
            written(Table::Edges(Some(Relation::Signed))),
            format!("{}\n", CYPHER_EDGE_COLUMNS.join(","))
        );
    }

    #[test]
    fn spreadsheet_safe_quotes_formula_cells_only() {
        for dialect in [CsvDialect::Gephi, CsvDialect::Neo4j, CsvDialect::Cypher] {
            let safe = CsvOptions {
                dialect,
                spreadsheet_safe: true,
            };
            let (nodes, _) = tables_with(&sample(), safe);
            assert!(nodes.contains(",'=SUM(A1);TB,"), "{nodes}");
            let unsafe_ = CsvOptions {
                spreadsheet_safe: false,
                ..safe
            };
            let (plain, _) = tables_with(&sample(), unsafe_);
            assert!(plain.contains(",=SUM(A1);TB,"), "{plain}");
        }
        for (cell, safe) in [
            ("=1+2", "'=1+2"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("", ""),
            ("Hà Nội", "Hà Nội"),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe);
        }
    }

    #[test]
    fn empty_graph_has_headers_only() {
        let (nodes, edges) = tables(&KnowledgeGraph::new());
        assert_eq!(nodes, format!("{}\n", NODE_COLUMNS.join(",")));
        assert_eq!(edges, format!("{}\n", EDGE_COLUMNS.join(",")));
    }
}
