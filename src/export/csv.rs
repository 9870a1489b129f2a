//! CSV exporter: `nodes.csv` and `edges.csv`.

use std::io::{self, Write};

use super::ExportOptions;
use crate::graph::KnowledgeGraph;

/// File names written into the output directory.
pub const NODES_FILE: &str = "nodes.csv";
pub const EDGES_FILE: &str = "edges.csv";

/// Writes the node table.
pub fn write_nodes(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let _ = (graph, options);
    out.write_all(b"id,label,kind,aliases\n")
}

/// Writes the edge table.
pub fn write_edges(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let _ = (graph, options);
    out.write_all(b"source,target,relation\n")
}
