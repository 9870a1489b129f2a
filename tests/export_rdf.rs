//! The RDF and CSV exporters through the public API: every output re-parses,
//! the four formats describe the same graph, output is byte-stable, hostile
//! labels stay valid, and every ontology term the exporter writes is
//! declared in `ontology/kgexport.ttl`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use kgexport::export::csv as csv_export;
use kgexport::export::rdf::{node_iri, source_iri};
use kgexport::export::{self, ExportOptions, Format, Provenance, ONTOLOGY_IRI};
use kgexport::graph::{node_id, Evidence};
use kgexport::{KnowledgeGraph, NodeKind, Relation};
use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use oxttl::{NQuadsParser, NTriplesParser, TurtleParser};

const PROV: &str = "http://www.w3.org/ns/prov#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";

/// Labels meant to break an exporter: syntax characters of every format,
/// line breaks, control characters, emoji, bidi marks, names that fold to
/// nothing, formula-looking cells.
const HOSTILE: [&str; 24] = [
    "<Nhóm \"Sao Mai\"> & Cộng sự",
    "C:\\thư mục\\ \\\" cuối\\",
    "dòng một\ndòng hai\r\ndòng ba\r",
    "điều khiển\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}",
    "#thẻ # dấu thăng",
    "  có   khoảng trắng  ",
    "Đội Mèo Con 😺🇻🇳 👩‍👩‍👧",
    "\u{202E}txt.exe \u{200F}שלום עולם مرحبا\u{200E}",
    "",
    " ",
    "\t",
    "-",
    "\u{200B}\u{FEFF}",
    "=HYPERLINK(\"http://x\")",
    "+84 912",
    "@Phòng Thí Nghiệm",
    "a,b;c\"d'e",
    "\"\"\"ba dấu nháy\"\"\"",
    "Москва ЖЖ",
    "İstanbul Ősz",
    "Công ty Dũng Tiến.",
    "x:y/z?q=1&r=%20",
    "\u{FFFE}\u{FFFF}\u{E000}",
    "'; DROP TABLE nodes; --",
];

/// A node of the test graph: kind, label, English label, aliases, and the
/// documents (by name) and sentences it is mentioned in.
struct NodeSpec {
    kind: NodeKind,
    label: String,
    label_en: Option<String>,
    aliases: Vec<String>,
    mentions: Vec<(&'static str, u32)>,
}

/// An edge of the test graph: node positions in the node list, relation,
/// evidence as (document name, sentence, confidence), and its sentence.
struct EdgeSpec {
    source: usize,
    relation: Relation,
    target: usize,
    evidence: Vec<(&'static str, u32, f32)>,
    sentence: String,
}

const DOCS: [&str; 4] = [
    "bao/tin 1.txt",
    "tin#2<x>.txt",
    "ghi chú \"mới\"\n.txt",
    "<stdin>",
];

/// Every kind, every relation, hostile labels, several documents, facts
/// with several pieces of evidence, and one node with no evidence at all.
fn specs() -> (Vec<NodeSpec>, Vec<EdgeSpec>) {
    let plain = |kind, label: &str, mentions: Vec<(&'static str, u32)>| NodeSpec {
        kind,
        label: label.to_string(),
        label_en: None,
        aliases: Vec::new(),
        mentions,
    };
    let mut nodes = vec![
        NodeSpec {
            kind: NodeKind::Person,
            label: "Vũ Thị Hạnh Nguyên".into(),
            label_en: Some("Vu Thi Hanh Nguyen".into()),
            aliases: vec!["bà Hạnh Nguyên".into(), "V.T.H. Nguyên".into()],
            mentions: vec![(DOCS[0], 0), (DOCS[1], 2)],
        },
        NodeSpec {
            kind: NodeKind::Role,
            label: "Giám đốc Sở Thủy sản".into(),
            label_en: Some("Director of the Fisheries Department".into()),
            aliases: vec![],
            mentions: vec![(DOCS[0], 0)],
        },
        NodeSpec {
            kind: NodeKind::Organization,
            label: "Sở Thủy sản Hải Lăng".into(),
            label_en: None,
            aliases: vec!["STS".into()],
            mentions: vec![(DOCS[0], 0), (DOCS[2], 1)],
        },
        plain(NodeKind::Country, "Cộng hòa Xanh Lam", vec![(DOCS[1], 0)]),
        plain(NodeKind::Place, "Cảng Bến Sỏi", vec![(DOCS[1], 0)]),
        plain(
            NodeKind::Event,
            "Hội thảo Cá Ngừ Đại Dương",
            vec![(DOCS[1], 0)],
        ),
        plain(NodeKind::Event, "Phiên bế mạc", vec![(DOCS[1], 1)]),
        plain(NodeKind::Date, "2031-02-28", vec![(DOCS[1], 0)]),
        plain(NodeKind::Date, "2030-11", vec![(DOCS[2], 0)]),
        plain(NodeKind::Date, "2029", vec![]),
        plain(NodeKind::Date, "28/2 <không rõ năm>", vec![(DOCS[3], 0)]),
        plain(
            NodeKind::Document,
            "Hiệp định Nghề cá Ven bờ",
            vec![(DOCS[2], 3)],
        ),
    ];
    let kinds = NodeKind::ALL;
    for (i, label) in HOSTILE.iter().enumerate() {
        nodes.push(NodeSpec {
            kind: kinds[i % kinds.len()],
            label: label.to_string(),
            label_en: (i % 3 == 0).then(|| format!("{label} (en)")),
            aliases: vec![
                HOSTILE[(i + 5) % HOSTILE.len()].to_string(),
                label.repeat(2),
            ],
            mentions: vec![(DOCS[i % DOCS.len()], i as u32)],
        });
    }
    let edge =
        |source, relation, target, evidence: &[(usize, u32, f32)], sentence: &str| EdgeSpec {
            source,
            relation,
            target,
            evidence: evidence.iter().map(|&(d, s, c)| (DOCS[d], s, c)).collect(),
            sentence: sentence.to_string(),
        };
    use Relation as R;
    #[rustfmt::skip]
    let mut edges = vec![
        edge(0, R::HoldsRole, 1, &[(0, 0, 0.9), (1, 2, 0.6)], "Bà Nguyên, Giám đốc Sở, phát biểu."),
        edge(1, R::RoleIn, 2, &[(0, 0, 0.8)], "Giám đốc Sở Thủy sản Hải Lăng."),
        edge(0, R::MemberOf, 2, &[(2, 1, 1.0)], "Bà là thành viên."),
        edge(3, R::ParticipatedIn, 5, &[(1, 0, 0.7)], "Cộng hòa Xanh Lam dự hội thảo."),
        edge(5, R::OrganizedBy, 2, &[(1, 0, 0.5)], "Sở đăng cai."),
        edge(5, R::Date, 7, &[(1, 0, 0.95)], "Ngày 28/2/2031."),
        edge(5, R::Location, 4, &[(1, 0, 0.95)], "Tại Cảng Bến Sỏi."),
        edge(5, R::Location, 3, &[(1, 0, 0.4)], "Tại Cộng hòa Xanh Lam."),
        edge(6, R::PartOf, 5, &[(1, 1, 0.85)], ""),
        edge(3, R::Signed, 11, &[(2, 3, 0.75), (2, 4, 0.8), (0, 5, 0.3)], "Xanh Lam ký Hiệp định."),
        edge(5, R::About, 11, &[(1, 0, 0.6)], "Hội thảo bàn về Hiệp định."),
    ];
    let first_hostile = nodes.len() - HOSTILE.len();
    for i in 0..HOSTILE.len() {
        let j = (i + 1) % HOSTILE.len();
        edges.push(edge(
            first_hostile + i,
            Relation::ALL[i % Relation::ALL.len()],
            first_hostile + j,
            &[((i + 1) % DOCS.len(), i as u32, i as f32 / 30.0)],
            HOSTILE[(i + 2) % HOSTILE.len()],
        ));
    }
    (nodes, edges)
}

fn evidence(doc: u32, sentence: u32, confidence: f32) -> Evidence {
    Evidence {
        doc,
        sentence,
        start: sentence * 100,
        end: sentence * 100 + 42,
        confidence,
    }
}

/// Builds the test graph, inserting nodes, edges and evidence in the given
/// order (`reversed` or not): the exports must not depend on it. (Sources
/// keep their order: it decides which evidence is a fact's earliest.)
fn build(reversed: bool) -> KnowledgeGraph {
    let (mut nodes, mut edges) = specs();
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    if reversed {
        order.reverse();
        edges.reverse();
        edges.iter_mut().for_each(|e| e.evidence.reverse());
    }
    let mut g = KnowledgeGraph::new();
    let doc_index: BTreeMap<&str, u32> = DOCS.iter().map(|&d| (d, g.add_source(d))).collect();
    let mut index = vec![None; nodes.len()];
    for &i in &order {
        let n = &mut nodes[i];
        let ev: Vec<Evidence> = n
            .mentions
            .iter()
            .map(|&(d, s)| evidence(doc_index[d], s, 1.0))
            .collect();
        index[i] = Some(g.add_node(
            n.kind,
            &n.label,
            n.label_en.as_deref(),
            std::mem::take(&mut n.aliases),
            ev,
        ));
    }
    for e in &edges {
        for &(d, s, c) in &e.evidence {
            g.add_edge(
                index[e.source].unwrap(),
                e.relation,
                index[e.target].unwrap(),
                evidence(doc_index[d], s, c),
                e.sentence.as_str(),
            );
        }
    }
    g
}

/// `graph` in `format` at `--provenance full`: every piece of evidence
/// reified, which most tests here check.
fn export(graph: &KnowledgeGraph, format: Format) -> Vec<u8> {
    export_at(graph, format, Provenance::Full)
}

fn export_at(graph: &KnowledgeGraph, format: Format, provenance: Provenance) -> Vec<u8> {
    let options = ExportOptions {
        provenance,
        ..ExportOptions::default()
    };
    let mut out = Vec::new();
    export::write_stream(graph, format, &options, &mut out).unwrap();
    out
}

fn export_csv(graph: &KnowledgeGraph) -> (Vec<u8>, Vec<u8>) {
    let options = ExportOptions::default();
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    csv_export::write_nodes(graph, &options, &mut nodes).unwrap();
    csv_export::write_edges(graph, &options, &mut edges).unwrap();
    (nodes, edges)
}

fn parse_turtle(bytes: &[u8]) -> HashSet<Triple> {
    TurtleParser::new()
        .for_slice(bytes)
        .map(|t| t.expect("Turtle output parses"))
        .collect()
}

fn parse_ntriples(bytes: &[u8]) -> HashSet<Triple> {
    NTriplesParser::new()
        .for_slice(bytes)
        .map(|t| t.expect("N-Triples output parses"))
        .collect()
}

fn parse_nquads(bytes: &[u8]) -> Vec<Quad> {
    NQuadsParser::new()
        .for_slice(bytes)
        .map(|q| q.expect("N-Quads output parses"))
        .collect()
}

/// The Turtle, N-Triples and N-Quads exports of `g`, parsed back, named
/// graphs dropped.
fn parsed_rdf_exports(g: &KnowledgeGraph) -> [HashSet<Triple>; 3] {
    [
        parse_turtle(&export(g, Format::Turtle)),
        parse_ntriples(&export(g, Format::Ntriples)),
        parse_nquads(&export(g, Format::Nquads))
            .into_iter()
            .map(Triple::from)
            .collect(),
    ]
}

/// The values of the literals that are objects of `predicate`.
fn literal_values(triples: &HashSet<Triple>, predicate: &NamedNode) -> BTreeSet<String> {
    triples
        .iter()
        .filter(|t| &t.predicate == predicate)
        .filter_map(|t| match &t.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .collect()
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("CSV output parses");
            assert_eq!(r.len(), header.len());
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

fn kg(local: &str) -> NamedNode {
    NamedNode::new(format!("{ONTOLOGY_IRI}{local}")).unwrap()
}

fn named(term: &Term) -> Option<&NamedNode> {
    match term {
        Term::NamedNode(n) => Some(n),
        _ => None,
    }
}

/// Subjects typed with one of the eight node classes.
fn typed_nodes(triples: &HashSet<Triple>) -> BTreeSet<String> {
    let classes: HashSet<NamedNode> = NodeKind::ALL.iter().map(|k| kg(k.as_str())).collect();
    triples
        .iter()
        .filter(|t| {
            t.predicate == rdf::TYPE && named(&t.object).is_some_and(|c| classes.contains(c))
        })
        .map(|t| t.subject.to_string())
        .collect()
}

/// Triples whose predicate is one of the ten relations.
fn relation_triples(triples: &HashSet<Triple>) -> HashSet<&Triple> {
    let relations: HashSet<NamedNode> = Relation::ALL.iter().map(|r| kg(r.as_str())).collect();
    triples
        .iter()
        .filter(|t| relations.contains(&t.predicate))
        .collect()
}

/// The texts of the sentences `statement` points at (`kg:evidence/kg:text`).
fn sentence_texts(triples: &HashSet<Triple>, statement: &NamedNode) -> Vec<String> {
    objects(triples, statement, &kg("evidence"))
        .into_iter()
        .flat_map(|sentence| objects(triples, named(sentence).unwrap(), &kg("text")))
        .map(|text| match text {
            Term::Literal(l) => l.value().to_string(),
            other => panic!("text {other} is not a literal"),
        })
        .collect()
}

fn objects<'a>(
    triples: &'a HashSet<Triple>,
    subject: &NamedNode,
    predicate: &NamedNode,
) -> Vec<&'a Term> {
    triples
        .iter()
        .filter(|t| t.subject.to_string() == subject.to_string() && &t.predicate == predicate)
        .map(|t| &t.object)
        .collect()
}

#[test]
fn every_rdf_format_reparses_to_the_same_triples() {
    let g = build(false);
    let turtle = parse_turtle(&export(&g, Format::Turtle));
    let ntriples_bytes = export(&g, Format::Ntriples);
    let ntriples = parse_ntriples(&ntriples_bytes);
    let quads = parse_nquads(&export(&g, Format::Nquads));
    let from_quads: HashSet<Triple> = quads.iter().cloned().map(Triple::from).collect();
    assert!(turtle.len() > 500, "{} triples", turtle.len());
    assert_eq!(turtle, ntriples);
    assert_eq!(turtle, from_quads);
    // each triple written once
    assert_eq!(
        ntriples_bytes.iter().filter(|&&b| b == b'\n').count(),
        ntriples.len()
    );
}

#[test]
fn all_formats_describe_the_same_graph() {
    let g = build(false);
    let [turtle, ntriples, quads] = parsed_rdf_exports(&g);
    let (nodes_csv, edges_csv) = export_csv(&g);
    let (_, node_rows) = csv_rows(&nodes_csv);
    let (_, edge_rows) = csv_rows(&edges_csv);

    // the graph itself merges what shares an id: count from the specs
    let (node_specs, edge_specs) = specs();
    let ids: Vec<String> = node_specs
        .iter()
        .map(|n| node_id(n.kind, &n.label))
        .collect();
    let facts: BTreeSet<(&str, Relation, &str)> = edge_specs
        .iter()
        .map(|e| (ids[e.source].as_str(), e.relation, ids[e.target].as_str()))
        .collect();
    assert_eq!(g.node_count(), ids.iter().collect::<BTreeSet<_>>().len());
    assert_eq!(g.edge_count(), facts.len());
    for triples in [&turtle, &ntriples, &quads] {
        assert_eq!(typed_nodes(triples).len(), g.node_count());
        assert_eq!(relation_triples(triples).len(), g.edge_count());
    }
    assert_eq!(node_rows.len(), g.node_count());
    assert_eq!(edge_rows.len(), g.edge_count());

    // and the same nodes and edges, not just as many
    let base = ExportOptions::default().base_iri;
    let node_iris: BTreeSet<String> = node_rows
        .iter()
        .map(|r| {
            let iri = node_iri(&base, &r["id"]).unwrap();
            assert_eq!(r["iri"], iri.as_str());
            iri.to_string()
        })
        .collect();
    assert_eq!(node_iris, typed_nodes(&turtle));
    let csv_edges: BTreeSet<String> = edge_rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                node_iri(&base, &r["source"]).unwrap(),
                kg(&r["relation"]),
                node_iri(&base, &r["target"]).unwrap()
            )
        })
        .collect();
    let rdf_edges: BTreeSet<String> = relation_triples(&turtle)
        .iter()
        .map(|t| format!("{} {} {}", t.subject, t.predicate, t.object))
        .collect();
    assert_eq!(csv_edges, rdf_edges);
}

#[test]
fn output_is_byte_identical_whatever_the_insertion_order_of_nodes_and_edges() {
    let a = build(false);
    let b = build(true);
    for format in [Format::Turtle, Format::Ntriples, Format::Nquads] {
        let first = export(&a, format);

        assert_eq!(first, export(&a, format), "{format:?} twice");
        assert_eq!(first, export(&b, format), "{format:?} reordered");
    }
    assert_eq!(export_csv(&a), export_csv(&a));
    assert_eq!(export_csv(&a), export_csv(&b));
}

#[test]
fn hostile_labels_round_trip_in_every_format() {
    let g = build(false);
    let turtle = parse_turtle(&export(&g, Format::Turtle));
    let (_, node_rows) = csv_rows(&export_csv(&g).0);
    let (_, edge_rows) = csv_rows(&export_csv(&g).1);
    let base = ExportOptions::default().base_iri;
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        node_rows.iter().map(|r| (r["id"].as_str(), r)).collect();
    for node in g.nodes_sorted() {
        let iri = node_iri(&base, &node.id()).unwrap();
        let labels: HashSet<Literal> = objects(&turtle, &iri, &rdfs::LABEL.into_owned())
            .into_iter()
            .map(|t| match t {
                Term::Literal(l) => l.clone(),
                other => panic!("label {other} is not a literal"),
            })
            .collect();
        let mut expected = HashSet::new();
        expected.insert(if node.kind == NodeKind::Date {
            Literal::new_simple_literal(&*node.label)
        } else {
            Literal::new_language_tagged_literal(&*node.label, "vi").unwrap()
        });
        if let Some(en) = node.label_en.as_deref() {
            expected.insert(Literal::new_language_tagged_literal(en, "en").unwrap());
        }
        assert_eq!(labels, expected, "{}", node.id());
        let alt: BTreeSet<String> = objects(
            &turtle,
            &iri,
            &NamedNode::new("http://www.w3.org/2004/02/skos/core#altLabel").unwrap(),
        )
        .into_iter()
        .map(|t| match t {
            Term::Literal(l) => l.value().to_string(),
            other => panic!("alias {other} is not a literal"),
        })
        .collect();
        assert_eq!(
            alt,
            node.aliases
                .iter()
                .map(str::to_string)
                .collect::<BTreeSet<_>>()
        );

        let row = by_id[&*node.id()];
        assert_eq!(row["label"], &*node.label);
        assert_eq!(row["kind"], node.kind.as_str());
        assert_eq!(
            row["label_en"],
            node.label_en.as_deref().unwrap_or_default()
        );
        let aliases: Vec<&str> = node.aliases.iter().collect();
        assert_eq!(row["aliases"], aliases.join(";"));
        assert_eq!(row["mentions"], g.node_evidence(node).len().to_string());
    }
    // formula-looking cells are written as they are
    assert!(node_rows
        .iter()
        .any(|r| r["label"] == "=HYPERLINK(\"http://x\")"));
    for (row, e) in edge_rows.iter().zip(g.edges_sorted()) {
        assert_eq!(row["evidence"], g.sentence(e.edge).unwrap());
        assert_eq!(row["type"], "Directed");
        assert_eq!(row["relation"], e.edge.relation.as_str());
    }
}

/// The fact of the test graph read in three places of two documents: its
/// subject and object IRIs and the IRIs of those two documents.
fn three_document_fact(g: &KnowledgeGraph) -> (NamedNode, NamedNode, BTreeSet<String>) {
    let base = ExportOptions::default().base_iri;
    let fact = g
        .edges_sorted()
        .into_iter()
        .find(|e| e.edge.relation == Relation::Signed && e.evidence.len() == 3)
        .unwrap();
    let documents = [DOCS[0], DOCS[2]]
        .iter()
        .map(|d| source_iri(&base, d).unwrap().to_string())
        .collect();
    (
        node_iri(&base, &fact.source.id()).unwrap(),
        node_iri(&base, &fact.target.id()).unwrap(),
        documents,
    )
}

#[test]
fn turtle_reifies_each_piece_of_evidence_with_its_provenance() {
    let g = build(false);
    let turtle = parse_turtle(&export(&g, Format::Turtle));
    let base = ExportOptions::default().base_iri;
    let statements: BTreeSet<String> = turtle
        .iter()
        .filter(|t| t.predicate == rdf::TYPE && t.object == rdf::STATEMENT.into_owned().into())
        .map(|t| t.subject.to_string())
        .collect();
    let total_evidence: usize = g.edges_sorted().iter().map(|e| e.evidence.len()).sum();
    assert_eq!(statements.len(), total_evidence);

    let (subject, object, expected) = three_document_fact(&g);
    let about_it: Vec<NamedNode> = turtle
        .iter()
        .filter(|t| t.predicate == rdf::SUBJECT && t.object == subject.clone().into())
        .filter_map(|t| match &t.subject {
            oxrdf::NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
        .filter(|s| {
            objects(&turtle, s, &rdf::PREDICATE.into_owned()) == vec![&Term::from(kg("signed"))]
        })
        .collect();
    assert_eq!(about_it.len(), 3);
    let mut texts = Vec::new();
    let mut sources = BTreeSet::new();
    for s in &about_it {
        assert!(s.as_str().starts_with(&format!("{base}evidence/")));
        assert_eq!(
            objects(&turtle, s, &rdf::OBJECT.into_owned()),
            vec![&Term::from(object.clone())]
        );
        let derived = objects(
            &turtle,
            s,
            &NamedNode::new(format!("{PROV}wasDerivedFrom")).unwrap(),
        );
        assert_eq!(derived.len(), 1);
        sources.insert(derived[0].to_string());
        let confidence = objects(&turtle, s, &kg("confidence"));
        assert!(matches!(confidence[..], [Term::Literal(ref l)] if l.datatype() == xsd::DECIMAL));
        for offset in ["sentenceIndex", "startOffset", "endOffset"] {
            let value = objects(&turtle, s, &kg(offset));
            assert!(
                matches!(value[..], [Term::Literal(ref l)] if l.datatype() == xsd::INTEGER),
                "{offset}"
            );
        }
        texts.extend(sentence_texts(&turtle, s));
    }
    assert_eq!(
        texts,
        ["Xanh Lam ký Hiệp định."],
        "the graph keeps one sentence per fact"
    );
    assert_eq!(sources, expected);
}

#[test]
fn edge_provenance_gives_each_relation_one_statement_with_its_sources_and_count() {
    let g = build(false);
    let turtle = parse_turtle(&export_at(&g, Format::Turtle, Provenance::Edge));
    let statements: BTreeSet<String> = turtle
        .iter()
        .filter(|t| t.predicate == rdf::TYPE && t.object == rdf::STATEMENT.into_owned().into())
        .map(|t| t.subject.to_string())
        .collect();
    assert_eq!(statements.len(), g.edge_count());
    let (subject, object, expected) = three_document_fact(&g);
    let about_it: Vec<NamedNode> = turtle
        .iter()
        .filter(|t| t.predicate == rdf::SUBJECT && t.object == subject.clone().into())
        .filter_map(|t| match &t.subject {
            oxrdf::NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
        .filter(|s| {
            objects(&turtle, s, &rdf::OBJECT.into_owned()) == vec![&Term::from(object.clone())]
        })
        .filter(|s| {
            objects(&turtle, s, &rdf::PREDICATE.into_owned()) == vec![&Term::from(kg("signed"))]
        })
        .collect();
    assert_eq!(about_it.len(), 1);
    let s = &about_it[0];
    let derived: BTreeSet<String> = objects(
        &turtle,
        s,
        &NamedNode::new(format!("{PROV}wasDerivedFrom")).unwrap(),
    )
    .iter()
    .map(|t| t.to_string())
    .collect();
    assert_eq!(derived, expected);
    let weight = objects(&turtle, s, &kg("weight"));
    assert!(
        matches!(weight[..], [Term::Literal(ref l)] if l.value() == "3" && l.datatype() == xsd::INTEGER)
    );
    assert_eq!(sentence_texts(&turtle, s), ["Xanh Lam ký Hiệp định."]);
    assert_eq!(objects(&turtle, s, &kg("confidence")).len(), 1);
    assert!(objects(&turtle, s, &kg("sentenceIndex")).is_empty());
    // the three RDF syntaxes agree at this level too
    let ntriples = parse_ntriples(&export_at(&g, Format::Ntriples, Provenance::Edge));
    assert_eq!(turtle, ntriples);
}

#[test]
fn no_provenance_writes_the_facts_alone() {
    let g = build(false);
    let turtle = parse_turtle(&export_at(&g, Format::Turtle, Provenance::None));
    let full = parse_turtle(&export(&g, Format::Turtle));
    assert!(turtle.iter().all(|t| t.predicate != rdf::SUBJECT
        && t.predicate != kg("mentionedIn")
        && !t.predicate.as_str().starts_with(PROV)));
    // every triple of a node or relation is kept
    let facts: HashSet<Triple> = full
        .iter()
        .filter(|t| {
            let subject = t.subject.to_string();
            !["/evidence/", "/source/", "/sentence/"]
                .iter()
                .any(|segment| subject.contains(segment))
                && t.predicate != kg("mentionedIn")
        })
        .cloned()
        .collect();
    assert_eq!(turtle, facts);
    // N-Quads: everything in the default graph
    let quads = parse_nquads(&export_at(&g, Format::Nquads, Provenance::None));
    assert!(quads
        .iter()
        .all(|q| q.graph_name == GraphName::DefaultGraph));
    assert_eq!(quads.len(), turtle.len());
}

/// Two articles, one sentence of the first stating three facts, the second
/// repeating it word for word for a fourth (and a later mention of the
/// first), and a sentence of its own; the first `facts` of these six.
fn shared_sentence_graph(facts: usize) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let docs = [g.add_source("a.txt"), g.add_source("b.txt")];
    let ev = |doc, sentence| Evidence {
        doc,
        sentence,
        start: 0,
        end: 10,
        confidence: 0.8,
    };
    let shared = "Ông Trần Văn Bảo, bà Lê Thị Cúc và ông Đỗ Minh Dũng dự Hội nghị Sen Vàng.";
    let event = g.add_node(
        NodeKind::Event,
        "Hội nghị Sen Vàng",
        None,
        [],
        [ev(docs[0], 0)],
    );
    let place = g.add_node(NodeKind::Place, "Hà Đông", None, [], [ev(docs[0], 0)]);
    let people = ["Trần Văn Bảo", "Lê Thị Cúc", "Đỗ Minh Dũng"]
        .map(|name| g.add_node(NodeKind::Person, name, None, [], [ev(docs[0], 0)]));
    let own = "Ông Dũng ở Hà Đông.";
    // (subject, relation, object, document, sentence number, text)
    let all = [
        (
            people[0],
            Relation::ParticipatedIn,
            event,
            docs[0],
            0,
            shared,
        ),
        (
            people[1],
            Relation::ParticipatedIn,
            event,
            docs[0],
            0,
            shared,
        ),
        (event, Relation::Location, place, docs[0], 0, shared),
        (
            people[2],
            Relation::ParticipatedIn,
            event,
            docs[1],
            0,
            shared,
        ),
        (people[2], Relation::Location, place, docs[1], 1, own),
        // a later mention keeps no text (as build.rs gives it): fact four's
        (people[0], Relation::ParticipatedIn, event, docs[1], 0, ""),
    ];
    for &(source, relation, target, doc, sentence, text) in &all[..facts] {
        g.add_edge(source, relation, target, ev(doc, sentence), text);
    }
    g
}

#[test]
fn each_evidence_sentence_is_written_once_and_pointed_at() {
    let g = shared_sentence_graph(6);
    let base = ExportOptions::default().base_iri;
    for (provenance, statements) in [(Provenance::Edge, 5), (Provenance::Full, 6)] {
        let bytes = export_at(&g, Format::Turtle, provenance);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(text.matches("Sen Vàng.").count(), 1, "{text}");
        let turtle = parse_turtle(&bytes);
        let sentences: BTreeSet<String> = turtle
            .iter()
            .filter(|t| t.predicate == rdf::TYPE && t.object == kg("Sentence").into())
            .map(|t| t.subject.to_string())
            .collect();
        assert_eq!(sentences.len(), 2, "{provenance:?}");
        let pointed: Vec<String> = turtle
            .iter()
            .filter(|t| t.predicate == kg("evidence"))
            .map(|t| t.object.to_string())
            .collect();
        // at full, the later mention too: it was read in fact four's sentence
        assert_eq!(pointed.len(), statements, "one per statement");
        assert_eq!(pointed.iter().cloned().collect::<BTreeSet<_>>(), sentences);
        for sentence in &sentences {
            let hash = sentence
                .strip_prefix(&format!("<{base}sentence/"))
                .and_then(|rest| rest.strip_suffix('>'))
                .unwrap();
            assert!(hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
        }
        // the three RDF syntaxes agree, and N-Quads puts the shared sentence
        // in the graphs of both articles, the other in that of the second
        let ntriples = parse_ntriples(&export_at(&g, Format::Ntriples, provenance));
        assert_eq!(turtle, ntriples);
        let quads = parse_nquads(&export_at(&g, Format::Nquads, provenance));
        let graphs_of = |needle: &str| -> BTreeSet<String> {
            quads
                .iter()
                .filter(|q| q.predicate == kg("text"))
                .filter(|q| q.object.to_string().contains(needle))
                .map(|q| q.graph_name.to_string())
                .collect()
        };
        let doc = |name| source_iri(&base, name).unwrap().to_string();
        assert_eq!(
            graphs_of("Sen Vàng"),
            BTreeSet::from([doc("a.txt"), doc("b.txt")])
        );
        assert_eq!(graphs_of("Ông Dũng"), BTreeSet::from([doc("b.txt")]));
    }
    // none: no sentence at all
    let none = parse_turtle(&export_at(&g, Format::Turtle, Provenance::None));
    assert!(none.iter().all(|t| t.predicate != kg("text")));
}

#[test]
fn a_later_mention_points_at_no_sentence_when_relations_disagree_on_its_text() {
    let mut g = KnowledgeGraph::new();
    let doc = g.add_source("a.txt");
    let ev = |sentence| Evidence {
        doc,
        sentence,
        start: 0,
        end: 10,
        confidence: 0.8,
    };
    let [a, b, c] = ["Hồ Văn An", "Tạ Thị Bình", "Lò Văn Cường"]
        .map(|name| g.add_node(NodeKind::Person, name, None, [], [ev(0)]));
    let org = g.add_node(NodeKind::Organization, "Hội Cờ Tướng", None, [], [ev(0)]);
    // two relations whose first mentions claim sentence 1 with two texts
    g.add_edge(a, Relation::MemberOf, org, ev(1), "Câu thứ hai.");
    g.add_edge(b, Relation::MemberOf, org, ev(1), "Câu khác hẳn.");
    // a third read first in sentence 0, then in sentence 1
    g.add_edge(c, Relation::MemberOf, org, ev(0), "Câu thứ nhất.");
    g.add_edge(c, Relation::MemberOf, org, ev(1), "");
    let turtle = parse_turtle(&export_at(&g, Format::Turtle, Provenance::Full));
    let statements = turtle
        .iter()
        .filter(|t| t.predicate == rdf::TYPE && t.object == rdf::STATEMENT.into_owned().into())
        .count();
    let pointing = turtle
        .iter()
        .filter(|t| t.predicate == kg("evidence"))
        .count();
    assert_eq!((statements, pointing), (4, 3));
}

#[test]
fn a_sentence_is_named_by_its_text_alone() {
    let sentence_iris = |g: &KnowledgeGraph| -> BTreeSet<String> {
        parse_turtle(&export_at(g, Format::Turtle, Provenance::Edge))
            .iter()
            .filter(|t| t.predicate == kg("text"))
            .map(|t| t.subject.to_string())
            .collect()
    };
    let one = sentence_iris(&shared_sentence_graph(1));
    assert_eq!(one.len(), 1);
    assert!(one.is_subset(&sentence_iris(&shared_sentence_graph(6))));
}

#[test]
fn nquads_put_each_triple_in_the_graphs_of_its_documents() {
    let g = build(false);
    let base = ExportOptions::default().base_iri;
    let quads = parse_nquads(&export(&g, Format::Nquads));
    let graphs: BTreeSet<String> = quads
        .iter()
        .filter_map(|q| match &q.graph_name {
            GraphName::NamedNode(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    let described: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.graph_name.is_default_graph())
        .filter(|q| {
            q.predicate == rdf::TYPE
                && q.object == NamedNode::new(format!("{PROV}Entity")).unwrap().into()
        })
        .map(|q| q.subject.to_string())
        .collect();
    assert_eq!(described.len(), DOCS.len());
    assert!(
        graphs.is_subset(&described),
        "every named graph is a described document"
    );

    // the three-document fact is in exactly its documents' graphs
    let (subject, object, expected) = three_document_fact(&g);
    let fact = Triple::new(subject, kg("signed"), object);
    let in_graphs: BTreeSet<String> = quads
        .iter()
        .filter(|q| Triple::from((*q).clone()) == fact)
        .map(|q| q.graph_name.to_string())
        .collect();
    assert_eq!(in_graphs, expected);

    // a node no document mentions is described in the default graph only
    let orphan = node_iri(&base, "date/2029").unwrap();
    let orphan_graphs: BTreeSet<bool> = quads
        .iter()
        .filter(|q| q.subject.to_string() == orphan.to_string())
        .map(|q| q.graph_name.is_default_graph())
        .collect();
    assert_eq!(orphan_graphs, BTreeSet::from([true]));
}

#[test]
fn turtle_is_prefixed_and_dates_are_typed() {
    let g = build(false);
    let text = String::from_utf8(export(&g, Format::Turtle)).unwrap();
    for prefix in [
        "kg", "rdf", "rdfs", "xsd", "skos", "prov", "schema", "org", "person", "src", "ev",
    ] {
        assert!(text.contains(&format!("@prefix {prefix}: <")), "{prefix}");
    }
    assert!(
        text.contains("person:vu-thi-hanh-nguyen a kg:Person ;"),
        "{text}"
    );
    assert!(text.contains("kg:dateValue \"2031-02-28\"^^xsd:date"));
    assert!(text.contains("kg:dateValue \"2030-11\"^^xsd:gYearMonth"));
    assert!(text.contains("kg:dateValue \"2029\"^^xsd:gYear"));
    // a date label that is no ISO date keeps its label and gets no value
    let turtle = parse_turtle(text.as_bytes());
    let base = ExportOptions::default().base_iri;
    let odd = g
        .nodes_sorted()
        .into_iter()
        .find(|n| n.label.starts_with("28/2"))
        .unwrap();
    assert!(objects(
        &turtle,
        &node_iri(&base, &odd.id()).unwrap(),
        &kg("dateValue")
    )
    .is_empty());
}

#[test]
fn base_iri_option_moves_every_minted_iri() {
    let g = build(false);
    let options = ExportOptions {
        base_iri: "http://example.org/đồ-thị#".to_string(),
        ..Default::default()
    };
    let mut out = Vec::new();
    export::write_stream(&g, Format::Ntriples, &options, &mut out).unwrap();
    let triples = parse_ntriples(&out);
    let minted: Vec<String> = triples
        .iter()
        .map(|t| t.subject.to_string())
        .filter(|s| s.contains("example.org"))
        .collect();
    assert!(!minted.is_empty());
    assert!(!String::from_utf8(out)
        .unwrap()
        .contains("w3id.org/kgexport/id/"));

    let bad = ExportOptions {
        base_iri: "not an iri ".to_string(),
        ..Default::default()
    };
    for format in [Format::Turtle, Format::Ntriples, Format::Nquads] {
        let err = export::write_stream(&g, format, &bad, &mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    }
    assert!(csv_export::write_nodes(&g, &bad, &mut Vec::new()).is_err());
}

#[test]
fn empty_graph_exports_cleanly() {
    let g = KnowledgeGraph::new();
    for format in [Format::Turtle, Format::Ntriples, Format::Nquads] {
        assert!(export(&g, format).is_empty());
    }
    let (nodes, edges) = export_csv(&g);
    assert_eq!(csv_rows(&nodes).0, csv_export::NODE_COLUMNS);
    assert_eq!(csv_rows(&edges).0, csv_export::EDGE_COLUMNS);
}

/// The triples of `ontology/kgexport.ttl`, with look-ups of a term's types
/// and of the languages of its labels and comments.
struct Ontology {
    triples: HashSet<Triple>,
}

impl Ontology {
    fn load() -> Self {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/kgexport.ttl");
        let bytes = std::fs::read(path).unwrap();
        Ontology {
            triples: parse_turtle(&bytes),
        }
    }

    fn types(&self, term: &NamedNode) -> BTreeSet<String> {
        objects(&self.triples, term, &rdf::TYPE.into_owned())
            .into_iter()
            .map(|t| t.to_string())
            .collect()
    }

    fn languages(&self, term: &NamedNode, predicate: oxrdf::NamedNodeRef<'_>) -> BTreeSet<String> {
        objects(&self.triples, term, &predicate.into_owned())
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => l.language().map(String::from),
                _ => None,
            })
            .collect()
    }
}

#[test]
fn ontology_declares_every_term_the_exporter_writes() {
    let ontology = Ontology::load();
    let g = build(false);
    let written = parse_turtle(&export(&g, Format::Turtle));
    let owl = |local: &str| format!("<{OWL}{local}>");
    let mut classes: HashSet<NamedNode> = NodeKind::ALL.iter().map(|k| kg(k.as_str())).collect();
    let mut relations: HashSet<NamedNode> = Relation::ALL.iter().map(|r| kg(r.as_str())).collect();
    let mut others = HashSet::new();
    for t in &written {
        if t.predicate == rdf::TYPE {
            if let Some(class) = named(&t.object).filter(|c| c.as_str().starts_with(ONTOLOGY_IRI)) {
                classes.insert(class.clone());
            }
        } else if t.predicate == rdf::PREDICATE {
            relations.insert(named(&t.object).unwrap().clone());
        } else if t.predicate.as_str().starts_with(ONTOLOGY_IRI)
            && !relations.contains(&t.predicate)
        {
            others.insert(t.predicate.clone());
        }
    }
    // the eight node kinds and kg:Sentence
    assert_eq!(classes.len(), 9);
    assert_eq!(relations.len(), 10);
    assert!(others.len() >= 9, "{others:?}");
    let check = |term: &NamedNode, kinds: &[String]| {
        let types = ontology.types(term);
        assert!(
            kinds.iter().any(|k| types.contains(k)),
            "{term} declared as one of {kinds:?}, is {types:?}"
        );
        let both = BTreeSet::from(["en".to_string(), "vi".to_string()]);
        assert_eq!(ontology.languages(term, rdfs::LABEL), both, "{term} labels");
        assert_eq!(
            ontology.languages(term, rdfs::COMMENT),
            both,
            "{term} comments"
        );
    };
    for c in &classes {
        check(c, &[owl("Class")]);
    }
    for r in &relations {
        check(r, &[owl("ObjectProperty")]);
        assert!(
            !objects(&ontology.triples, r, &rdfs::DOMAIN.into_owned()).is_empty(),
            "{r} domain"
        );
        assert!(
            !objects(&ontology.triples, r, &rdfs::RANGE.into_owned()).is_empty(),
            "{r} range"
        );
    }
    for p in &others {
        check(p, &[owl("DatatypeProperty"), owl("ObjectProperty")]);
    }
}

#[test]
fn ontology_aligns_with_schema_org_org_and_prov() {
    let ontology = Ontology::load();
    let has = |s: &str, p: oxrdf::NamedNodeRef<'_>, o: &str| {
        objects(&ontology.triples, &kg(s), &p.into_owned())
            .iter()
            .any(|t| t.to_string() == format!("<{o}>"))
    };
    assert!(has(
        "Person",
        rdfs::SUB_CLASS_OF,
        "https://schema.org/Person"
    ));
    assert!(has("Event", rdfs::SUB_CLASS_OF, "https://schema.org/Event"));
    assert!(has(
        "Role",
        rdfs::SUB_CLASS_OF,
        "http://www.w3.org/ns/org#Post"
    ));
    assert!(has(
        "holdsRole",
        rdfs::SUB_PROPERTY_OF,
        "http://www.w3.org/ns/org#holds"
    ));
    assert!(has(
        "roleIn",
        rdfs::SUB_PROPERTY_OF,
        "http://www.w3.org/ns/org#postIn"
    ));
    assert!(has(
        "memberOf",
        rdfs::SUB_PROPERTY_OF,
        "http://www.w3.org/ns/org#memberOf"
    ));
    assert!(has(
        "organizedBy",
        rdfs::SUB_PROPERTY_OF,
        "https://schema.org/organizer"
    ));
    assert!(has(
        "location",
        rdfs::SUB_PROPERTY_OF,
        "https://schema.org/location"
    ));
    // provenance: source documents are PROV entities, evidence is reified
    assert!(has("fileName", rdfs::DOMAIN, &format!("{PROV}Entity")));
    assert!(has("mentionedIn", rdfs::RANGE, &format!("{PROV}Entity")));
    for property in [
        "evidence",
        "confidence",
        "sentenceIndex",
        "startOffset",
        "endOffset",
    ] {
        assert!(
            has(property, rdfs::DOMAIN, rdf::STATEMENT.as_str()),
            "{property}"
        );
    }
    // participatedIn ⊑ inverse(schema:attendee), through a blank node
    let inverse = NamedNode::new(format!("{OWL}inverseOf")).unwrap();
    let supers = objects(
        &ontology.triples,
        &kg("participatedIn"),
        &rdfs::SUB_PROPERTY_OF.into_owned(),
    );
    assert!(supers.iter().any(|s| match s {
        Term::BlankNode(b) => ontology
            .triples
            .iter()
            .any(|t| t.subject == b.clone().into()
                && t.predicate == inverse
                && t.object.to_string() == "<https://schema.org/attendee>"),
        _ => false,
    }));
}

/// The binary, on article files whose names hold what IRIs and CSV cells
/// must escape (names are provenance: they become IRIs and literals).
mod cli {
    use super::*;
    use assert_cmd::Command;

    const NAMES: [&str; 3] = ["tin số 1 #a.txt", "b<\"q\">\\.txt", "dòng\nmới %41.txt"];

    fn articles() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (i, name) in NAMES.iter().enumerate() {
            let text = format!("Ông Đỗ Văn Khải số {i} đến thăm Hợp tác xã Bình Minh.");
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    fn run(dir: &std::path::Path, args: &[&str]) -> Vec<u8> {
        let out = Command::cargo_bin("kgexport")
            .unwrap()
            .current_dir(dir)
            .args(args)
            .args(NAMES)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    #[test]
    fn every_format_from_the_binary_parses_and_repeats_byte_for_byte() {
        let dir = articles();
        let turtle = run(dir.path(), &["--format", "turtle"]);
        assert_eq!(turtle, run(dir.path(), &["--format", "turtle"]));
        let ntriples = run(dir.path(), &["--format", "ntriples"]);
        let nquads = run(dir.path(), &["--format", "nquads"]);
        assert_eq!(nquads, run(dir.path(), &["--format", "nquads"]));
        let triples = parse_turtle(&turtle);
        assert_eq!(triples, parse_ntriples(&ntriples));
        let quads = parse_nquads(&nquads);
        assert_eq!(
            triples,
            quads
                .iter()
                .cloned()
                .map(Triple::from)
                .collect::<HashSet<_>>()
        );
        // each article is described, under its own name, in the default graph
        let names: BTreeSet<String> = quads
            .iter()
            .filter(|q| q.graph_name.is_default_graph() && q.predicate == kg("fileName"))
            .map(|q| match &q.object {
                Term::Literal(l) => l.value().to_string(),
                other => panic!("{other}"),
            })
            .collect();
        assert_eq!(names, NAMES.iter().map(|n| n.to_string()).collect());

        run(dir.path(), &["--format", "csv", "--output", "out"]);
        let nodes = std::fs::read(dir.path().join("out/nodes.csv")).unwrap();
        let edges = std::fs::read(dir.path().join("out/edges.csv")).unwrap();
        let (header, node_rows) = csv_rows(&nodes);
        assert_eq!(header, csv_export::NODE_COLUMNS);
        assert_eq!(csv_rows(&edges).0, csv_export::EDGE_COLUMNS);
        assert_eq!(node_rows.len(), typed_nodes(&triples).len());
        assert_eq!(csv_rows(&edges).1.len(), relation_triples(&triples).len());
    }

    #[test]
    fn base_iri_flag_reaches_the_exporter() {
        let dir = articles();
        let out = run(
            dir.path(),
            &[
                "--format",
                "ntriples",
                "--base-iri",
                "http://example.org/kg/",
            ],
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("<http://example.org/kg/source/tin%20s%E1%BB%91%201%20%23a.txt>"));
        assert!(!text.contains("w3id.org/kgexport/id/"));
    }
}

/// Every code point of the Basic Multilingual Plane and of plane 1 (emoji,
/// historic scripts), plane 14 (tags, variation selectors), the ends of the
/// private-use planes and the last code point, 512 at a time, as a node
/// label and as a document name, in every format: each output parses and
/// gives the strings back. (The other planes hold more of the same CJK.)
#[test]
fn every_code_point_survives_as_label_and_document_name() {
    let all: Vec<char> = (0..=0x1FFFFu32)
        .chain(0xE0000..=0xE0FFF)
        .chain(0xF0000..=0xF01FF)
        .chain(0x10FE00..=0x10FFFF)
        .filter_map(char::from_u32)
        .collect();
    let chunks: Vec<String> = all.chunks(512).map(|c| c.iter().collect()).collect();
    let mut g = KnowledgeGraph::new();
    // mentions name a short document: its IRI is written with every triple
    let article = g.add_source("bai.txt");
    for (i, chunk) in chunks.iter().enumerate() {
        g.add_source(chunk);
        let kind = NodeKind::ALL[i % NodeKind::ALL.len()];
        g.add_node(kind, chunk, None, [], [evidence(article, 0, 0.5)]);
    }
    let names: BTreeSet<String> = chunks.iter().cloned().collect();
    let [turtle, ntriples, quads] = parsed_rdf_exports(&g);
    for triples in [&turtle, &ntriples, &quads] {
        assert_eq!(literal_values(triples, &rdfs::LABEL.into_owned()), names);
        let mut documents = names.clone();
        documents.insert("bai.txt".to_string());
        assert_eq!(literal_values(triples, &kg("fileName")), documents);
        assert_eq!(typed_nodes(triples).len(), g.node_count());
    }
    let (_, rows) = csv_rows(&export_csv(&g).0);
    let csv_labels: BTreeSet<String> = rows.iter().map(|r| r["label"].clone()).collect();
    assert_eq!(csv_labels, names);
}
