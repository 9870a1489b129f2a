//! GraphML exporter, written for what Gephi's importer, networkx and igraph
//! read, and valid against the GraphML 1.0 XSD.
//!
//! - Every attribute is a `<key>` with `for="node"` or `for="edge"` and an
//!   `attr.type` (Gephi makes a key without them a node-only column).
//! - Gephi's visual keys: node `label`, `r`/`g`/`b` (colour by kind) and
//!   `size` (by degree); edge `label` (the relation) and `weight` (number of
//!   supporting sentences, never 0: Gephi drops weight-0 edges).
//! - Node `x`/`y` keys hold the position from [`crate::layout`] (Gephi
//!   reads them as coordinates, graphology and sigma.js as attributes
//!   `x`/`y`), so the file opens laid out.
//! - Node ids are `n0`, `n1`, ... in id order, since the XSD wants NMTOKENs
//!   and `person/x` is not one; the kgexport id is in the `kgid` key.
//! - Characters XML 1.0 forbids are dropped; the rest is escaped.

use std::io::{self, Write};

use quick_xml::events::BytesText;
use quick_xml::Writer;

use super::style::{self, Column, ColumnType, EDGE_COLUMNS, NODE_COLUMNS};
use super::{xml, ExportOptions};
use crate::graph::KnowledgeGraph;
use crate::layout;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Key ids of edge attributes get this prefix, so a node key and an edge key
/// of the same name (`label`, `sources`) have distinct ids. Gephi then
/// matches its visual keys by `attr.name`.
const EDGE_KEY_PREFIX: &str = "e_";

/// Node keys Gephi reads as visual properties, before the data columns.
const NODE_VISUAL_KEYS: [Column; 7] = [
    Column {
        name: "label",
        ty: ColumnType::String,
    },
    Column {
        name: "r",
        ty: ColumnType::Int,
    },
    Column {
        name: "g",
        ty: ColumnType::Int,
    },
    Column {
        name: "b",
        ty: ColumnType::Int,
    },
    Column {
        name: "size",
        ty: ColumnType::Double,
    },
    Column {
        name: "x",
        ty: ColumnType::Double,
    },
    Column {
        name: "y",
        ty: ColumnType::Double,
    },
];

/// The key holding the kgexport node id (`person/x`).
const KGID_KEY: Column = Column {
    name: "kgid",
    ty: ColumnType::String,
};

/// Edge keys Gephi reads as visual properties.
const EDGE_VISUAL_KEYS: [Column; 2] = [
    Column {
        name: "label",
        ty: ColumnType::String,
    },
    Column {
        name: "weight",
        ty: ColumnType::Double,
    },
];

/// Writes `graph` as GraphML.
pub fn write(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let root_attributes = [
        ("xmlns", GRAPHML_NS),
        ("xmlns:xsi", XSI_NS),
        ("xsi:schemaLocation", SCHEMA_LOCATION),
    ];
    xml::write_document(out, "graphml", &root_attributes, |xml| {
        write_keys(xml)?;
        xml.create_element("graph")
            .with_attributes([("id", "kgexport"), ("edgedefault", "directed")])
            .write_inner_content(|xml| write_graph(xml, graph, options))?;
        Ok(())
    })
}

fn write_keys<W: Write>(xml: &mut Writer<W>) -> io::Result<()> {
    let node_keys = NODE_VISUAL_KEYS
        .iter()
        .chain([&KGID_KEY])
        .chain(NODE_COLUMNS.iter());
    for key in node_keys {
        write_key(xml, key.name, "node", key)?;
    }
    for key in EDGE_VISUAL_KEYS.iter().chain(EDGE_COLUMNS.iter()) {
        write_key(xml, &edge_key_id(key.name), "edge", key)?;
    }
    Ok(())
}

fn write_key<W: Write>(
    xml: &mut Writer<W>,
    id: &str,
    domain: &str,
    key: &Column,
) -> io::Result<()> {
    xml.create_element("key")
        .with_attributes([
            ("id", id),
            ("for", domain),
            ("attr.name", key.name),
            ("attr.type", key.ty.graphml()),
        ])
        .write_empty()?;
    Ok(())
}

fn edge_key_id(name: &str) -> String {
    format!("{EDGE_KEY_PREFIX}{name}")
}

fn write_graph<W: Write>(
    xml: &mut Writer<W>,
    graph: &KnowledgeGraph,
    options: &ExportOptions,
) -> io::Result<()> {
    let nodes = graph.sorted_node_indices();
    // each node's place in id order (its GraphML id `n<place>`), by index
    let mut place = vec![0usize; nodes.len()];
    let positions = layout::layout(graph);
    for (i, (&ix, position)) in nodes.iter().zip(&positions).enumerate() {
        let node = graph.node(ix);
        place[ix.index()] = i;
        let id = format!("n{i}");
        let colour = style::kind_colour(node.kind);
        let visual = [
            node.label.to_string(),
            colour.r.to_string(),
            colour.g.to_string(),
            colour.b.to_string(),
            style::node_size(style::degree(graph, ix)),
            style::coordinate(position.x),
            style::coordinate(position.y),
        ];
        let values = style::node_values(graph, node, options);
        xml.create_element("node")
            .with_attribute(("id", id.as_str()))
            .write_inner_content(|xml| {
                for (key, value) in NODE_VISUAL_KEYS.iter().zip(&visual) {
                    write_data(xml, key.name, value)?;
                }
                write_data(xml, KGID_KEY.name, &node.id())?;
                for (key, value) in NODE_COLUMNS.iter().zip(&values) {
                    if let Some(value) = value {
                        write_data(xml, key.name, value)?;
                    }
                }
                Ok(())
            })?;
    }
    let visual_key_ids: Vec<String> = EDGE_VISUAL_KEYS
        .iter()
        .map(|k| edge_key_id(k.name))
        .collect();
    let column_key_ids: Vec<String> = EDGE_COLUMNS.iter().map(|k| edge_key_id(k.name)).collect();
    for (i, e) in graph.edges_in_order().enumerate() {
        let source = format!("n{}", place[e.source_index.index()]);
        let target = format!("n{}", place[e.target_index.index()]);
        let id = format!("e{i}");
        let visual = [
            e.edge.relation.as_str().to_string(),
            style::weight(&e, options).to_string(),
        ];
        let values = style::edge_values(graph, &e, options)?;
        xml.create_element("edge")
            .with_attributes([
                ("id", id.as_str()),
                ("source", source.as_str()),
                ("target", target.as_str()),
            ])
            .write_inner_content(|xml| {
                for (key, value) in visual_key_ids.iter().zip(&visual) {
                    write_data(xml, key, value)?;
                }
                for (key, value) in column_key_ids.iter().zip(&values) {
                    if let Some(value) = value {
                        write_data(xml, key, value)?;
                    }
                }
                Ok(())
            })?;
    }
    Ok(())
}

fn write_data<W: Write>(xml: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    xml.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml::clean_text(value)))?;
    Ok(())
}
