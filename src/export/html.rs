//! `--format html`: one self-contained page that draws the graph, laid out
//! by [`crate::layout`] and coloured by kind, with a legend, a search by
//! name, and the aliases, sources and evidence sentences of what is clicked.
//!
//! The page's script and style are `viewer/viewer.js` and `viewer/viewer.css`
//! (written for kgexport, no library), inlined, so the file opens with no
//! network. The graph travels as JSON in a `<script type="application/json">`
//! element, with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX`, so
//! no label can close the element or start markup; the script puts every
//! text into the page through `textContent`, never as HTML.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{node_iri, style, ExportOptions};
use crate::graph::{KnowledgeGraph, NodeKind};
use crate::layout;

const TEMPLATE: &str = include_str!("viewer/viewer.html");
const SCRIPT: &str = include_str!("viewer/viewer.js");
const STYLE: &str = include_str!("viewer/viewer.css");

#[derive(Serialize)]
struct Page<'a> {
    kinds: Vec<KindEntry>,
    nodes: Vec<NodeEntry<'a>>,
    edges: Vec<EdgeEntry<'a>>,
}

#[derive(Serialize)]
struct KindEntry {
    kind: &'static str,
    colour: String,
    count: usize,
}

#[derive(Serialize)]
struct NodeEntry<'a> {
    id: String,
    label: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_en: Option<&'a str>,
    iri: String,
    aliases: Vec<&'a str>,
    sources: Vec<&'a str>,
    x: f64,
    y: f64,
    size: f64,
}

#[derive(Serialize)]
struct EdgeEntry<'a> {
    /// Index of the source node in `nodes`.
    source: usize,
    /// Index of the target node in `nodes`.
    target: usize,
    relation: &'static str,
    confidence: f64,
    sources: Vec<&'a str>,
    sentence: Cow<'a, str>,
}

/// Writes `graph` as a self-contained HTML page.
pub fn write(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let json = serde_json::to_string(&page(graph, options)?).map_err(io::Error::other)?;
    let html = TEMPLATE
        .replace("/*STYLE*/", STYLE)
        .replace("/*SCRIPT*/", SCRIPT)
        .replace("/*DATA*/", &script_safe(&json));
    out.write_all(html.as_bytes())?;
    out.flush()
}

fn page<'a>(graph: &'a KnowledgeGraph, options: &ExportOptions) -> io::Result<Page<'a>> {
    let with_sources = options.provenance.has_sources();
    // at --provenance none the panel shows no sources or sentences
    let sources = |graph: &'a KnowledgeGraph, evidence: crate::graph::EvidenceRef<'_>| {
        if with_sources {
            style::source_list(graph, evidence)
        } else {
            Vec::new()
        }
    };
    let nodes = graph.sorted_node_indices();
    let positions = layout::layout(graph);
    // each node's place in `nodes`, by index
    let mut place = vec![0usize; nodes.len()];
    let mut counts: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for (i, &ix) in nodes.iter().enumerate() {
        place[ix.index()] = i;
        *counts.entry(graph.node(ix).kind).or_default() += 1;
    }
    let kinds = counts
        .into_iter()
        .map(|(kind, count)| KindEntry {
            kind: kind.as_str(),
            colour: style::kind_colour(kind).hex(),
            count,
        })
        .collect();
    let node_entries = nodes
        .iter()
        .zip(&positions)
        .map(|(&ix, p)| {
            let node = graph.node(ix);
            let id = node.id();
            NodeEntry {
                iri: node_iri(options, &id),
                id,
                label: &node.label,
                kind: node.kind.as_str(),
                label_en: node.label_en.as_deref(),
                aliases: node.aliases.iter().collect(),
                sources: sources(graph, graph.node_evidence(node)),
                x: round2(p.x),
                y: round2(p.y),
                size: style::node_size(style::degree(graph, ix))
                    .parse()
                    .unwrap_or(10.0),
            }
        })
        .collect();
    let edges = graph
        .edges_in_order()
        .map(|e| {
            let entry = |source, target| {
                Ok(EdgeEntry {
                    source,
                    target,
                    relation: e.edge.relation.as_str(),
                    confidence: style::confidence(&e).parse().unwrap_or(0.0),
                    sources: sources(graph, e.evidence),
                    sentence: match with_sources {
                        true => graph.sentence(e.edge)?,
                        false => Cow::Borrowed(""),
                    },
                })
            };
            entry(place[e.source_index.index()], place[e.target_index.index()])
        })
        .collect::<io::Result<_>>()?;
    Ok(Page {
        kinds,
        nodes: node_entries,
        edges,
    })
}

/// The coordinate as written by the other viewer formats, as a number.
fn round2(value: f64) -> f64 {
    style::coordinate(value).parse().unwrap_or(0.0)
}

/// `json` made safe inside a `<script>` element: `<`, `>` and `&` as
/// `\u003c`, `\u003e`, `\u0026` (no `</script>` or `<!--` can form), and the
/// line and paragraph separators as `\u2028`, `\u2029` (which older
/// JavaScript parsers took for line ends). Only ever inside JSON strings, so
/// the value read back is the same.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_leaves_no_markup() {
        let json = serde_json::to_string("</script><!-- & \u{2028}\u{2029}").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert!(!safe.contains('\u{2028}') && !safe.contains('\u{2029}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}\u{2029}");
    }

    #[test]
    fn template_has_its_slots() {
        for slot in ["/*STYLE*/", "/*SCRIPT*/", "/*DATA*/"] {
            assert_eq!(TEMPLATE.matches(slot).count(), 1, "{slot}");
        }
        // the inlined script and style must not end their own elements
        assert!(!SCRIPT.contains("</script") && !STYLE.contains("</style"));
    }
}
