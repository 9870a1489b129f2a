//! The example corpora of the extraction families, run as tests.
//!
//! Each file in `tests/families/` holds the examples of one construction
//! family (names, titles, events, participation, dates, ...), in the spirit
//! of Duckling's `Corpus.hs`: a sentence written for the test (invented
//! people and bodies) and the facts the whole pipeline must (`+`) or must not
//! (`-`) give for it. Adding a construction is adding a rule and its examples.
//!
//! ```text
//! # a comment
//! == a chain of titles shares its body          (starts an example, names it)
//! Ông Jonas Berg, Chủ tịch, Tổng Giám đốc Tập đoàn Nordvik, phát biểu.
//! + Person | Jonas Berg                          (an entity: kind | label)
//! + Jonas Berg | holdsRole | Chủ tịch Tập đoàn Nordvik   (an edge by labels)
//! - Person | Nordvik                              (must not be there)
//! ```
//!
//! Any other line of an example is its text (several lines make one
//! article). Labels are the node labels of the graph; a relation is named as
//! in the exports (`holdsRole`, `participatedIn`, ...).

use std::fs;
use std::path::Path;

use kgexport::graph::KnowledgeGraph;
use kgexport::{build_graph, Document};

struct Example {
    file: String,
    line: usize,
    name: String,
    text: String,
    checks: Vec<(bool, Vec<String>, usize)>,
}

fn parse_corpus(file: &str, body: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    for (n, raw) in body.lines().enumerate() {
        let line = raw.trim_end();
        if let Some(name) = line.strip_prefix("== ") {
            out.push(Example {
                file: file.to_string(),
                line: n + 1,
                name: name.trim().to_string(),
                text: String::new(),
                checks: Vec::new(),
            });
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let ex = out
            .last_mut()
            .unwrap_or_else(|| panic!("{file}:{}: text before the first '== name'", n + 1));
        let check = match line.as_bytes()[0] {
            b'+' => Some(true),
            b'-' if line.starts_with("- ") => Some(false),
            _ => None,
        };
        match check {
            Some(want) => {
                let fields: Vec<String> =
                    line[1..].split('|').map(|f| f.trim().to_string()).collect();
                assert!(
                    fields.len() == 2 || fields.len() == 3,
                    "{file}:{}: a check is 'Kind | label' or 'subject | relation | object'",
                    n + 1
                );
                ex.checks.push((want, fields, n + 1));
            }
            None => {
                ex.text.push_str(line);
                ex.text.push('\n');
            }
        }
    }
    out
}

fn holds(g: &KnowledgeGraph, fields: &[String]) -> bool {
    if fields.len() == 2 {
        g.nodes_sorted()
            .iter()
            .any(|n| n.kind.as_str() == fields[0] && *n.label == fields[1])
    } else {
        g.edges_sorted().iter().any(|e| {
            *e.source.label == fields[0]
                && e.edge.relation.as_str() == fields[1]
                && *e.target.label == fields[2]
        })
    }
}

fn dump(g: &KnowledgeGraph) -> String {
    let mut s = String::new();
    for n in g.nodes_sorted() {
        s.push_str(&format!("    {} | {}\n", n.kind.as_str(), n.label));
    }
    for e in g.edges_sorted() {
        s.push_str(&format!(
            "    {} | {} | {}\n",
            e.source.label,
            e.edge.relation.as_str(),
            e.target.label
        ));
    }
    s
}

#[test]
fn family_corpora() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/families");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/families")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let only = std::env::var("FAMILY").ok();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if only.as_ref().is_some_and(|f| !file.starts_with(f.as_str())) {
            continue;
        }
        let body = fs::read_to_string(path).unwrap();
        for ex in parse_corpus(&file, &body) {
            count += 1;
            let g = build_graph(vec![Document::new("t.txt", &ex.text)]);
            let wrong: Vec<String> = ex
                .checks
                .iter()
                .filter(|(want, fields, _)| holds(&g, fields) != *want)
                .map(|(want, fields, line)| {
                    format!(
                        "  line {line}: {} {}",
                        if *want { "missing" } else { "unwanted" },
                        fields.join(" | ")
                    )
                })
                .collect();
            if !wrong.is_empty() {
                failures.push(format!(
                    "{}:{} «{}»\n{}\n  the graph:\n{}",
                    ex.file,
                    ex.line,
                    ex.name,
                    wrong.join("\n"),
                    dump(&g)
                ));
            }
        }
    }
    assert!(count > 0, "no examples in tests/families");
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
