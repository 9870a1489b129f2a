//! What the graph-viewer formats (GraphML, GEXF, DOT) show beyond the graph
//! itself: a colour per node kind, a node size from the degree, and the
//! attribute columns with their values. Kept in one place so the three
//! formats colour alike and GraphML and GEXF carry the same columns.

use std::io;

use petgraph::graph::NodeIndex;
use petgraph::Direction;

use super::{node_iri, ExportOptions};
use crate::graph::{EdgeRef, EvidenceRef, KnowledgeGraph, Node, NodeKind};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    /// `#rrggbb`, as Graphviz and CSS write it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Black or white, whichever reads better on this colour (WCAG relative
    /// luminance, threshold where both contrasts are equal).
    pub fn text_colour(self) -> Rgb {
        fn linear(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        let luminance = 0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b);
        if luminance > 0.179 {
            Rgb { r: 0, g: 0, b: 0 }
        } else {
            Rgb {
                r: 255,
                g: 255,
                b: 255,
            }
        }
    }
}

/// The fill colour of nodes of `kind`: the Tableau 10 palette, eight
/// colours told apart also by most colour-blind readers.
pub fn kind_colour(kind: NodeKind) -> Rgb {
    let (r, g, b) = match kind {
        NodeKind::Person => (0x4e, 0x79, 0xa7),
        NodeKind::Organization => (0xf2, 0x8e, 0x2b),
        NodeKind::Country => (0xe1, 0x57, 0x59),
        NodeKind::Place => (0x76, 0xb7, 0xb2),
        NodeKind::Role => (0x59, 0xa1, 0x4f),
        NodeKind::Event => (0xed, 0xc9, 0x48),
        NodeKind::Date => (0xb0, 0x7a, 0xa1),
        NodeKind::Document => (0x9c, 0x75, 0x5f),
    };
    Rgb { r, g, b }
}

/// Number of edges touching node `ix`, both directions.
pub fn degree(graph: &KnowledgeGraph, ix: NodeIndex) -> usize {
    let g = graph.petgraph();
    g.edges_directed(ix, Direction::Outgoing).count()
        + g.edges_directed(ix, Direction::Incoming).count()
}

/// Node size for Gephi: grows with the square root of the degree, so hubs
/// stand out without dwarfing the rest. Written with two decimals.
pub fn node_size(degree: usize) -> String {
    format!("{:.2}", 10.0 + 5.0 * (degree as f64).sqrt())
}

/// A layout coordinate as the viewer formats write it: two decimals, and
/// never `-0.00` (so a coordinate reads the same in every parser).
pub fn coordinate(value: f64) -> String {
    let text = format!("{value:.2}");
    if text == "-0.00" {
        "0.00".to_string()
    } else {
        text
    }
}

/// The value type of an attribute column; each format spells it its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    String,
    Int,
    Double,
}

impl ColumnType {
    /// GraphML `attr.type`.
    pub fn graphml(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Int => "int",
            ColumnType::Double => "double",
        }
    }

    /// GEXF `attribute/@type`.
    pub fn gexf(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Int => "integer",
            ColumnType::Double => "double",
        }
    }
}

/// An attribute column. `name` is an NMTOKEN (GraphML needs one) and none
/// is a name Gephi takes for a visual property (`label`, `size`, `r`, ...),
/// so each one stays a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
}

/// The node columns, in the order they are declared.
pub const NODE_COLUMNS: [Column; 6] = [
    Column {
        name: "kind",
        ty: ColumnType::String,
    },
    Column {
        name: "iri",
        ty: ColumnType::String,
    },
    Column {
        name: "label_en",
        ty: ColumnType::String,
    },
    Column {
        name: "aliases",
        ty: ColumnType::String,
    },
    Column {
        name: "mentions",
        ty: ColumnType::Int,
    },
    Column {
        name: "sources",
        ty: ColumnType::String,
    },
];

/// The edge columns, in the order they are declared.
pub const EDGE_COLUMNS: [Column; 4] = [
    Column {
        name: "relation",
        ty: ColumnType::String,
    },
    Column {
        name: "confidence",
        ty: ColumnType::Double,
    },
    Column {
        name: "sources",
        ty: ColumnType::String,
    },
    Column {
        name: "sentence",
        ty: ColumnType::String,
    },
];

/// Separates the items of a list written into one string column (aliases,
/// sources): neither GraphML nor networkx has a list type.
pub const LIST_SEPARATOR: &str = "; ";

/// The values of [`NODE_COLUMNS`] for `node`, `None` where there is nothing
/// to say (no English label, no alias, no provenance asked for), so readers
/// see a missing value rather than an empty string.
pub fn node_values(
    graph: &KnowledgeGraph,
    node: &Node,
    options: &ExportOptions,
) -> [Option<String>; 6] {
    let aliases: Vec<&str> = node.aliases.iter().collect();
    let provenance = options.provenance.has_sources();
    [
        Some(node.kind.as_str().to_string()),
        Some(node_iri(options, &node.id())),
        node.label_en.as_deref().map(str::to_string),
        non_empty(aliases.join(LIST_SEPARATOR)),
        provenance.then(|| graph.node_evidence(node).len().to_string()),
        non_empty(source_names(graph, graph.node_evidence(node))).filter(|_| provenance),
    ]
}

/// The values of [`EDGE_COLUMNS`] for `edge`: at `--provenance none` the
/// relation alone. Fails only if its sentence cannot be read back.
pub fn edge_values(
    graph: &KnowledgeGraph,
    edge: &EdgeRef<'_>,
    options: &ExportOptions,
) -> io::Result<[Option<String>; 4]> {
    let provenance = options.provenance.has_sources();
    let sentence = match provenance {
        true => non_empty(graph.sentence(edge.edge)?.into_owned()),
        false => None,
    };
    Ok([
        Some(edge.edge.relation.as_str().to_string()),
        provenance.then(|| confidence(edge)),
        non_empty(source_names(graph, edge.evidence)).filter(|_| provenance),
        sentence,
    ])
}

/// Edge weight: the number of supporting sentences, never 0 (Gephi drops
/// edges of weight 0); 1 for every edge at `--provenance none`.
pub fn weight(edge: &EdgeRef<'_>, options: &ExportOptions) -> usize {
    if options.provenance.has_sources() {
        edge.weight().max(1)
    } else {
        1
    }
}

/// The edge confidence as an `xsd:double` lexical form: clamped to 0..=1,
/// 0 when not a number, so no `NaN` or `inf` reaches a reader.
pub fn confidence(edge: &EdgeRef<'_>) -> String {
    let c = edge.confidence();
    let c = if c.is_finite() {
        c.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // f32 Display is the shortest form that reads back as the same f32.
    format!("{c}")
}

/// Names of the distinct source documents of `evidence`, in index order.
pub fn source_list<'a>(graph: &'a KnowledgeGraph, evidence: EvidenceRef<'_>) -> Vec<&'a str> {
    evidence
        .docs()
        .into_iter()
        .filter_map(|d| graph.sources().get(d as usize).map(String::as_str))
        .collect()
}

/// [`source_list`] as one string column.
fn source_names(graph: &KnowledgeGraph, evidence: EvidenceRef<'_>) -> String {
    source_list(graph, evidence).join(LIST_SEPARATOR)
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn kinds_have_distinct_colours() {
        let colours: BTreeSet<String> = NodeKind::ALL
            .iter()
            .map(|&k| kind_colour(k).hex())
            .collect();
        assert_eq!(colours.len(), NodeKind::ALL.len());
        assert_eq!(kind_colour(NodeKind::Person).hex(), "#4e79a7");
    }

    #[test]
    fn text_colour_contrasts() {
        let black = Rgb { r: 0, g: 0, b: 0 };
        let white = Rgb {
            r: 255,
            g: 255,
            b: 255,
        };
        assert_eq!(white.text_colour(), black);
        assert_eq!(black.text_colour(), white);
        assert_eq!(kind_colour(NodeKind::Event).text_colour(), black);
    }

    #[test]
    fn node_size_grows_with_degree() {
        assert_eq!(node_size(0), "10.00");
        assert_eq!(node_size(4), "20.00");
    }

    #[test]
    fn coordinates_have_two_decimals_and_no_negative_zero() {
        assert_eq!(coordinate(-0.001), "0.00");
        assert_eq!(coordinate(12.345_6), "12.35");
        assert_eq!(coordinate(-3.0), "-3.00");
    }
}
