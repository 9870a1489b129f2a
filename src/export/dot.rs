//! Graphviz DOT exporter: a digraph with nodes filled by kind colour, edge
//! labels naming the relation, and a legend cluster of the kinds present.
//!
//! Every id and value is a quoted string with `"` and `\` escaped, `&`
//! written `&amp;` (Graphviz decodes HTML entities in strings) and newlines
//! written as `\n`, so no label can end a string, start a preprocessor line
//! (`#`) or turn into another character. Other control characters, and
//! those XML forbids (Graphviz writes SVG), are dropped.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{style, xml, ExportOptions};
use crate::graph::{KnowledgeGraph, NodeKind};

/// Prefix of the legend's node ids; no kgexport id starts with it, since
/// those start with a kind (`person/`, ...).
const LEGEND_ID_PREFIX: &str = "legend/";

/// Writes `graph` as a DOT digraph.
pub fn write(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "digraph kgexport {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;

    let mut kinds: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for node in graph.nodes_sorted() {
        *kinds.entry(node.kind).or_default() += 1;
        let colour = style::kind_colour(node.kind);
        writeln!(
            out,
            "  {} [label={}, fillcolor=\"{}\", fontcolor=\"{}\", tooltip={}];",
            quote(&node.id()),
            quote(&node.label),
            colour.hex(),
            colour.text_colour().hex(),
            quote(&format!("{} {}", node.kind, node.id())),
        )?;
    }
    for e in graph.edges_in_order() {
        let relation = e.edge.relation.as_str();
        writeln!(
            out,
            "  {} -> {} [label={}, weight={}, tooltip={}];",
            quote(&e.source.id()),
            quote(&e.target.id()),
            quote(relation),
            style::weight(&e, options),
            quote(&match options.provenance.has_sources() {
                true => graph.sentence(e.edge)?,
                false => Default::default(),
            }),
        )?;
    }
    if !kinds.is_empty() {
        writeln!(out, "  subgraph cluster_legend {{")?;
        writeln!(
            out,
            "    graph [label=\"Node kinds\", style=rounded, color=\"#999999\"];"
        )?;
        for (kind, count) in &kinds {
            let colour = style::kind_colour(*kind);
            writeln!(
                out,
                "    {} [label={}, fillcolor=\"{}\", fontcolor=\"{}\"];",
                quote(&format!("{LEGEND_ID_PREFIX}{}", kind.id_prefix())),
                quote(&format!("{kind} ({count})")),
                colour.hex(),
                colour.text_colour().hex(),
            )?;
        }
        writeln!(out, "  }}")?;
    }
    writeln!(out, "}}")?;
    out.flush()
}

/// `text` as a DOT quoted string. Inside quotes DOT gives meaning to `"`,
/// to `\` before some letters (`\n`, `\l`, `\N`...) and Graphviz to `&`
/// starting an entity (`&#1;` would put U+0001 into SVG output), so all
/// three are escaped; a line break (`\n`, `\r\n`, `\r`) becomes `\n` and a
/// tab a space.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() || !xml::is_allowed_char(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_dot_reads() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(quote("a\\nb"), "\"a\\\\nb\"");
        assert_eq!(quote("one\r\ntwo\nthree"), "\"one\\ntwo\\nthree\"");
        assert_eq!(quote("x\u{1}\u{7f}\u{FFFE}y\tz"), "\"xy z\"");
        assert_eq!(quote("#"), "\"#\"");
        assert_eq!(
            quote("A & B &#1; &amp;"),
            "\"A &amp; B &amp;#1; &amp;amp;\""
        );
        assert_eq!(quote("ends with \\"), "\"ends with \\\\\"");
    }
}
