//! GEXF 1.3 exporter, for Gephi and networkx, valid against the 1.3 RelaxNG.
//!
//! - Namespace `http://gexf.net/1.3` (networkx reads it; Gephi ignores
//!   namespaces), viz `http://gexf.net/1.3/viz` bound on the root.
//! - Node ids are the kgexport ids (GEXF ids may be any string); colour by
//!   kind and size by degree in `viz:`; the same attribute columns as the
//!   GraphML export, declared in `<attributes>`.
//! - Every node has a `viz:position` from [`crate::layout`], so Gephi,
//!   Gephi Lite and sigma.js open the file laid out.
//! - Edge `kind` and `label` are the relation: Gephi makes `kind` the edge
//!   type, which keeps two relations between the same nodes apart.
//! - Characters XML 1.0 forbids are dropped; the rest is escaped.

use std::io::{self, Write};

use quick_xml::events::BytesText;
use quick_xml::Writer;

use super::style::{self, Column, EDGE_COLUMNS, NODE_COLUMNS};
use super::{xml, ExportOptions};
use crate::graph::KnowledgeGraph;
use crate::layout;

const GEXF_NS: &str = "http://gexf.net/1.3";
const VIZ_NS: &str = "http://gexf.net/1.3/viz";

/// Writes `graph` as GEXF 1.3.
pub fn write(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let root_attributes = [
        ("xmlns", GEXF_NS),
        ("xmlns:viz", VIZ_NS),
        ("version", "1.3"),
    ];
    xml::write_document(out, "gexf", &root_attributes, |xml| {
        xml.create_element("meta").write_inner_content(|xml| {
            let creator = concat!("kgexport ", env!("CARGO_PKG_VERSION"));
            xml.create_element("creator")
                .write_text_content(BytesText::new(creator))?;
            xml.create_element("description")
                .write_text_content(BytesText::new(
                    "Knowledge graph extracted from news articles; nodes coloured by kind",
                ))?;
            Ok(())
        })?;
        xml.create_element("graph")
            .with_attributes([("defaultedgetype", "directed"), ("idtype", "string")])
            .write_inner_content(|xml| write_graph(xml, graph, options))?;
        Ok(())
    })
}

fn write_graph<W: Write>(
    xml: &mut Writer<W>,
    graph: &KnowledgeGraph,
    options: &ExportOptions,
) -> io::Result<()> {
    write_attribute_decls(xml, "node", &NODE_COLUMNS)?;
    write_attribute_decls(xml, "edge", &EDGE_COLUMNS)?;

    let node_count = graph.node_count().to_string();
    let positions = layout::layout(graph);
    xml.create_element("nodes")
        .with_attribute(("count", node_count.as_str()))
        .write_inner_content(|xml| {
            for (&ix, position) in graph.sorted_node_indices().iter().zip(&positions) {
                let node = graph.node(ix);
                let values = style::node_values(graph, node, options);
                let colour = style::kind_colour(node.kind);
                let size = style::node_size(style::degree(graph, ix));
                let id = node.id();
                xml.create_element("node")
                    .with_attributes([
                        ("id", xml::clean_text(&id).as_ref()),
                        ("label", xml::clean_text(&node.label).as_ref()),
                    ])
                    .write_inner_content(|xml| {
                        write_attvalues(xml, &NODE_COLUMNS, &values)?;
                        xml.create_element("viz:color")
                            .with_attributes([
                                ("r", colour.r.to_string().as_str()),
                                ("g", colour.g.to_string().as_str()),
                                ("b", colour.b.to_string().as_str()),
                            ])
                            .write_empty()?;
                        xml.create_element("viz:size")
                            .with_attribute(("value", size.as_str()))
                            .write_empty()?;
                        xml.create_element("viz:position")
                            .with_attributes([
                                ("x", style::coordinate(position.x).as_str()),
                                ("y", style::coordinate(position.y).as_str()),
                                ("z", "0.0"),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;

    let edges = graph.edges_in_order();
    let edge_count = edges.len().to_string();
    xml.create_element("edges")
        .with_attribute(("count", edge_count.as_str()))
        .write_inner_content(|xml| {
            for (i, e) in edges.enumerate() {
                let values = style::edge_values(graph, &e, options)?;
                let relation = e.edge.relation.as_str();
                xml.create_element("edge")
                    .with_attributes([
                        ("id", format!("e{i}").as_str()),
                        ("source", xml::clean_text(&e.source.id()).as_ref()),
                        ("target", xml::clean_text(&e.target.id()).as_ref()),
                        ("kind", relation),
                        ("label", relation),
                        ("weight", style::weight(&e, options).to_string().as_str()),
                    ])
                    .write_inner_content(|xml| write_attvalues(xml, &EDGE_COLUMNS, &values))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<attributes class="node|edge">`, one `<attribute>` per column; the
/// column name is both id and title.
fn write_attribute_decls<W: Write>(
    xml: &mut Writer<W>,
    class: &str,
    columns: &[Column],
) -> io::Result<()> {
    xml.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|xml| {
            for column in columns {
                xml.create_element("attribute")
                    .with_attributes([
                        ("id", column.name),
                        ("title", column.name),
                        ("type", column.ty.gexf()),
                    ])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<attvalues>` with the present values; absent ones are left out.
fn write_attvalues<W: Write>(
    xml: &mut Writer<W>,
    columns: &[Column],
    values: &[Option<String>],
) -> io::Result<()> {
    xml.create_element("attvalues").write_inner_content(|xml| {
        for (column, value) in columns.iter().zip(values) {
            if let Some(value) = value {
                xml.create_element("attvalue")
                    .with_attributes([
                        ("for", column.name),
                        ("value", xml::clean_text(value).as_ref()),
                    ])
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}
