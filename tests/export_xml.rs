//! GraphML, GEXF and DOT exports of graphs built through the public
//! `KnowledgeGraph` API, with hostile labels: parsed back with quick-xml
//! (and a small DOT tokenizer) and checked against the graph.
//!
//! The hostile exports are also written to `target/tmp/xml-interop/`, where
//! the Python interop tests load them into lxml, networkx, igraph and pydot.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::PathBuf;

use kgexport::export::style::{coordinate, kind_colour, node_size};
use kgexport::export::{write_stream, ExportOptions, Format};
use kgexport::graph::{Evidence, KnowledgeGraph, NodeKind, Relation};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

// ---------------------------------------------------------------- graphs

fn ev(doc: u32, sentence: u32, confidence: f32) -> Evidence {
    Evidence {
        doc,
        sentence,
        start: sentence * 10,
        end: sentence * 10 + 5,
        confidence,
    }
}

/// Labels that break naive writers: markup, quotes, newlines, control
/// characters, non-characters, a lone `#`, runs of spaces, `]]>`, `\`.
const PERSON: &str = "Trần Thị <Bích> & \"Hạnh\"";
const ORG: &str = "Công ty Sông Lam\nline two\r\nthree";
const PLACE: &str = "Bến\u{1}\u{8}\u{B} Thủy\u{FFFE}\u{FFFF}\u{1F}";
const EVENT: &str = "#";
const ROLE: &str = "   Giám đốc   điều hành  ";
const DATE: &str = "2031-04-17";
const DOCUMENT: &str = "Hiệp ước ]]> <!-- x --> &amp; &#1;";
const COUNTRY: &str = "Xứ 'Mơ' \\ back\tslash \\n";

/// Arguments of one `add_node` call: kind, label, English label, aliases,
/// evidence.
type NodeSpec = (
    NodeKind,
    &'static str,
    Option<&'static str>,
    Vec<String>,
    Vec<Evidence>,
);

/// One node of each kind and one edge of each relation, with two parallel
/// relations between the same pair and evidence from two documents.
/// `reverse` adds everything in the opposite order, which must not change
/// any export.
fn hostile_graph(reverse: bool) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let d0 = g.add_source("tin-tức/bài <1> & \"một\".txt");
    let d1 = g.add_source("hai\u{2}.txt");
    let nodes: Vec<NodeSpec> = vec![
        (
            NodeKind::Person,
            PERSON,
            Some("Tran Thi \"Bich\" Hanh"),
            vec!["Bích Hạnh".into(), "cô <Hạnh>".into()],
            vec![ev(d0, 0, 0.9), ev(d1, 2, 0.8)],
        ),
        (
            NodeKind::Organization,
            ORG,
            None,
            vec![],
            vec![ev(d0, 1, 0.7)],
        ),
        (
            NodeKind::Place,
            PLACE,
            None,
            vec!["\u{FFFE}".into()],
            vec![],
        ),
        (NodeKind::Event, EVENT, None, vec![], vec![ev(d1, 0, 0.5)]),
        (NodeKind::Role, ROLE, Some(" CEO "), vec![], vec![]),
        (NodeKind::Date, DATE, None, vec![], vec![ev(d1, 1, 1.0)]),
        (NodeKind::Document, DOCUMENT, None, vec![], vec![]),
        (NodeKind::Country, COUNTRY, None, vec![], vec![]),
    ];
    let order: Vec<usize> = if reverse {
        (0..nodes.len()).rev().collect()
    } else {
        (0..nodes.len()).collect()
    };
    for &i in &order {
        let (kind, label, en, aliases, evidence) = nodes[i].clone();
        g.add_node(kind, label, en, aliases, evidence);
    }
    let ix = |g: &KnowledgeGraph, kind, label| {
        g.find(&kgexport::graph::node_id(kind, label))
            .expect("node added above")
    };
    let p = ix(&g, NodeKind::Person, PERSON);
    let o = ix(&g, NodeKind::Organization, ORG);
    let pl = ix(&g, NodeKind::Place, PLACE);
    let e = ix(&g, NodeKind::Event, EVENT);
    let r = ix(&g, NodeKind::Role, ROLE);
    let dt = ix(&g, NodeKind::Date, DATE);
    let doc = ix(&g, NodeKind::Document, DOCUMENT);
    let c = ix(&g, NodeKind::Country, COUNTRY);
    let sentence = "Bà <Hạnh> nói: \"A & B\"\n\u{7}tiếp\u{FFFF} #";
    let mut edges = vec![
        (p, Relation::HoldsRole, r, ev(d0, 0, 0.9)),
        (p, Relation::HoldsRole, r, ev(d0, 3, 0.6)),
        (p, Relation::HoldsRole, r, ev(d1, 2, 0.95)),
        (r, Relation::RoleIn, o, ev(d0, 0, 0.9)),
        (p, Relation::MemberOf, o, ev(d0, 1, f32::NAN)),
        (p, Relation::ParticipatedIn, o, ev(d0, 4, 1.5)),
        (p, Relation::ParticipatedIn, e, ev(d1, 0, 0.5)),
        (e, Relation::OrganizedBy, o, ev(d1, 0, 0.5)),
        (e, Relation::Date, dt, ev(d1, 1, 0.75)),
        (e, Relation::Location, pl, ev(d1, 1, 0.25)),
        (pl, Relation::PartOf, c, ev(d1, 1, 0.5)),
        (p, Relation::Signed, doc, ev(d0, 5, 0.5)),
        (doc, Relation::About, c, ev(d0, 5, 0.5)),
    ];
    if reverse {
        edges.reverse();
    }
    for (s, rel, t, evidence) in edges {
        g.add_edge(s, rel, t, evidence, sentence);
    }
    g
}

fn export(graph: &KnowledgeGraph, format: Format) -> String {
    let mut out = Vec::new();
    write_stream(graph, format, &ExportOptions::default(), &mut out).expect("export");
    String::from_utf8(out).expect("UTF-8 output")
}

/// What a label must read as after a round trip: the characters XML 1.0
/// forbids dropped, nothing else changed. Written here independently of the
/// exporter's own filter.
fn xml_clean(text: &str) -> String {
    text.chars().filter(|&c| xml_allowed(c)).collect()
}

fn xml_allowed(c: char) -> bool {
    let u = u32::from(c);
    u == 0x9
        || u == 0xA
        || u == 0xD
        || (0x20..=0xD7FF).contains(&u)
        || (0xE000..=0xFFFD).contains(&u)
        || (0x10000..=0x10FFFF).contains(&u)
}

// ---------------------------------------------------------------- a tiny DOM

#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }

    fn child(&self, name: &str) -> &Element {
        self.children
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name))
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

/// Parses `xml` with quick-xml, failing on any well-formedness error it
/// detects (mismatched tags, bad references, bad attributes).
fn parse_xml(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let open = |e: &quick_xml::events::BytesStart| {
        let mut el = Element {
            name: e.name().as_ref().to_string(),
            ..Element::default()
        };
        for a in e.attributes().with_checks(true) {
            let a = a.expect("well-formed attribute");
            let key = a.key.as_ref().to_string();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .expect("attribute value unescapes")
                .into_owned();
            assert!(
                el.attrs.insert(key.clone(), value).is_none(),
                "duplicate attribute {key}"
            );
        }
        el
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let el = open(&e);
                stack.last_mut().unwrap().children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().expect("balanced").children.push(el);
            }
            Event::Text(t) => stack.last_mut().unwrap().text += &t.xml10_content(),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("valid char ref") {
                    Some(c) => c,
                    None => match &*r.xml10_content() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => panic!("undeclared entity &{other};"),
                    },
                };
                assert!(xml_allowed(c), "reference to forbidden char {c:?}");
                stack.last_mut().unwrap().text.push(c);
            }
            Event::CData(_) | Event::DocType(_) => panic!("unexpected CDATA/DOCTYPE"),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

fn assert_only_xml_chars(out: &str) {
    if let Some(c) = out.chars().find(|&c| !xml_allowed(c)) {
        panic!("forbidden character {c:?} in output");
    }
}

/// NMTOKEN: one or more XML name characters (ASCII subset is all we emit).
fn is_nmtoken(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
}

// ---------------------------------------------------------------- GraphML

/// GraphML `data` of an element, by key id.
fn data(el: &Element) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for d in el.all("data") {
        assert!(
            map.insert(d.attr("key").to_string(), d.text.clone())
                .is_none(),
            "key {} given twice on one element",
            d.attr("key")
        );
    }
    map
}

#[test]
fn graphml_keys_are_declared_once_with_types() {
    let root = parse_xml(&export(&hostile_graph(false), Format::Graphml));
    assert_eq!(root.name, "graphml");
    assert_eq!(root.attr("xmlns"), "http://graphml.graphdrawing.org/xmlns");
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    let mut domain_of = HashMap::new();
    for key in root.all("key") {
        let id = key.attr("id");
        assert!(is_nmtoken(id), "key id {id:?} is not an NMTOKEN");
        assert!(ids.insert(id.to_string()), "key {id} declared twice");
        let domain = key.attr("for");
        assert!(domain == "node" || domain == "edge", "for={domain}");
        let name = key.attr("attr.name");
        assert!(is_nmtoken(name), "attr.name {name:?}");
        assert!(
            names.insert((domain.to_string(), name.to_string())),
            "{domain} attribute {name} declared twice"
        );
        assert!(
            ["boolean", "int", "long", "float", "double", "string"]
                .contains(&key.attr("attr.type")),
            "bad attr.type on {id}"
        );
        domain_of.insert(id.to_string(), domain.to_string());
    }
    // Gephi's visual keys are there, on the right elements
    for (domain, name) in [
        ("node", "label"),
        ("node", "r"),
        ("node", "g"),
        ("node", "b"),
        ("node", "size"),
        ("node", "kgid"),
        ("node", "kind"),
        ("edge", "label"),
        ("edge", "weight"),
        ("edge", "relation"),
        ("edge", "confidence"),
    ] {
        assert!(
            names.contains(&(domain.to_string(), name.to_string())),
            "no {domain} key {name}"
        );
    }
    // every data element uses a declared key of its own domain
    let graph = root.child("graph");
    for el in graph.all("node").into_iter().chain(graph.all("edge")) {
        for d in el.all("data") {
            assert_eq!(
                domain_of.get(d.attr("key")).map(String::as_str),
                Some(el.name.as_str()),
                "data key {} on <{}>",
                d.attr("key"),
                el.name
            );
        }
    }
}

#[test]
fn graphml_round_trips_hostile_labels_and_counts() {
    let graph = hostile_graph(false);
    let out = export(&graph, Format::Graphml);
    assert_only_xml_chars(&out);
    let root = parse_xml(&out);
    let g = root.child("graph");
    assert_eq!(g.attr("edgedefault"), "directed");
    let nodes = g.all("node");
    let edges = g.all("edge");
    assert_eq!(nodes.len(), graph.node_count());
    assert_eq!(edges.len(), graph.edge_count());
    assert_eq!(edges.len(), 11, "three holdsRole sentences make one edge");

    let mut by_graphml_id = HashMap::new();
    for (i, el) in nodes.iter().enumerate() {
        let id = el.attr("id");
        assert_eq!(id, format!("n{i}"), "ids numbered in id order");
        let d = data(el);
        let kgid = &d["kgid"];
        let node = graph.node(graph.find(kgid).expect("kgid names a node"));
        assert_eq!(d["label"], xml_clean(&node.label));
        assert_eq!(d["kind"], node.kind.as_str());
        let colour = kind_colour(node.kind);
        assert_eq!(d["r"], colour.r.to_string());
        assert_eq!(d["g"], colour.g.to_string());
        assert_eq!(d["b"], colour.b.to_string());
        assert_eq!(d["iri"], format!("https://w3id.org/kgexport/id/{kgid}"));
        assert_eq!(d["mentions"], graph.node_evidence(node).len().to_string());
        assert_eq!(
            d.get("label_en").cloned(),
            node.label_en.as_deref().map(str::to_string)
        );
        by_graphml_id.insert(id.to_string(), node.id().to_string());
    }
    let kgids: Vec<&String> = by_graphml_id.values().collect();
    assert_eq!(
        kgids.iter().collect::<BTreeSet<_>>().len(),
        graph.node_count()
    );

    let person = nodes
        .iter()
        .map(|el| data(el))
        .find(|d| d["kind"] == "Person")
        .unwrap();
    assert_eq!(person["label"], PERSON);
    assert_eq!(person["aliases"], "Bích Hạnh; cô <Hạnh>");
    assert_eq!(person["sources"], "tin-tức/bài <1> & \"một\".txt; hai.txt");
    assert_eq!(person["label_en"], "Tran Thi \"Bich\" Hanh");
    let org = nodes
        .iter()
        .map(|el| data(el))
        .find(|d| d["kind"] == "Organization")
        .unwrap();
    assert_eq!(org["label"], ORG, "newlines and \\r survive");
    assert!(!org.contains_key("aliases"), "no empty aliases value");
    let place = nodes
        .iter()
        .map(|el| data(el))
        .find(|d| d["kind"] == "Place")
        .unwrap();
    assert_eq!(place["label"], "Bến Thủy");
    assert_eq!(place.get("aliases"), Some(&String::new()));

    let relations: Vec<String> = edges
        .iter()
        .map(|el| data(el)["e_relation"].clone())
        .collect();
    for el in &edges {
        let d = data(el);
        assert_eq!(d["e_label"], d["e_relation"]);
        assert!(by_graphml_id.contains_key(el.attr("source")));
        assert!(by_graphml_id.contains_key(el.attr("target")));
        let confidence: f64 = d["e_confidence"].parse().expect("confidence is a double");
        assert!((0.0..=1.0).contains(&confidence));
        assert_eq!(d["e_sentence"], "Bà <Hạnh> nói: \"A & B\"\ntiếp #");
    }
    let all: BTreeSet<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        relations
            .iter()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        all
    );
}

#[test]
fn graphml_weights_count_sentences_and_are_never_zero() {
    let graph = hostile_graph(false);
    let root = parse_xml(&export(&graph, Format::Graphml));
    let mut weights = BTreeMap::new();
    for el in root.child("graph").all("edge") {
        let d = data(el);
        let w: f64 = d["e_weight"].parse().expect("weight is a number");
        assert!(w >= 1.0, "weight {w}");
        weights.insert(d["e_relation"].clone(), w);
    }
    assert_eq!(weights["holdsRole"], 3.0);
    assert_eq!(weights["about"], 1.0);
}

#[test]
fn graphml_ids_are_nmtokens_and_unique() {
    let root = parse_xml(&export(&hostile_graph(false), Format::Graphml));
    let g = root.child("graph");
    let mut seen = BTreeSet::new();
    for el in g.all("node").into_iter().chain(g.all("edge")) {
        let id = el.attr("id");
        assert!(is_nmtoken(id), "{id:?}");
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
    }
}

// ---------------------------------------------------------------- GEXF

fn attvalues(el: &Element) -> HashMap<String, String> {
    let mut map = HashMap::new();
    if let Some(values) = el.children.iter().find(|c| c.name == "attvalues") {
        for v in values.all("attvalue") {
            map.insert(v.attr("for").to_string(), v.attr("value").to_string());
        }
    }
    map
}

#[test]
fn gexf_is_1_3_with_viz_colours_sizes_and_attributes() {
    let graph = hostile_graph(false);
    let out = export(&graph, Format::Gexf);
    assert_only_xml_chars(&out);
    let root = parse_xml(&out);
    assert_eq!(root.name, "gexf");
    assert_eq!(root.attr("xmlns"), "http://gexf.net/1.3");
    assert_eq!(root.attr("xmlns:viz"), "http://gexf.net/1.3/viz");
    assert_eq!(root.attr("version"), "1.3");
    let g = root.child("graph");
    assert_eq!(g.attr("defaultedgetype"), "directed");

    let mut declared: HashMap<String, BTreeSet<String>> = HashMap::new();
    for attrs in g.all("attributes") {
        let class = attrs.attr("class").to_string();
        for a in attrs.all("attribute") {
            assert!(
                declared
                    .entry(class.clone())
                    .or_default()
                    .insert(a.attr("id").to_string()),
                "attribute {} declared twice",
                a.attr("id")
            );
            assert!(["string", "integer", "double"].contains(&a.attr("type")));
        }
    }
    // structure order: attributes, nodes, edges
    let order: Vec<&str> = g.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(order, ["attributes", "attributes", "nodes", "edges"]);

    let nodes = g.child("nodes");
    assert_eq!(nodes.attr("count"), graph.node_count().to_string());
    assert_eq!(nodes.all("node").len(), graph.node_count());
    for el in nodes.all("node") {
        let node = graph.node(graph.find(el.attr("id")).expect("id is the kgexport id"));
        assert_eq!(el.attr("label"), xml_clean(&node.label));
        let values = attvalues(el);
        assert_eq!(values["kind"], node.kind.as_str());
        for key in values.keys() {
            assert!(declared["node"].contains(key), "undeclared {key}");
        }
        let colour = el.child("viz:color");
        let expected = kind_colour(node.kind);
        assert_eq!(colour.attr("r"), expected.r.to_string());
        assert_eq!(colour.attr("g"), expected.g.to_string());
        assert_eq!(colour.attr("b"), expected.b.to_string());
        let degree = graph
            .edges_sorted()
            .iter()
            .filter(|e| e.source.id() == node.id())
            .count()
            + graph
                .edges_sorted()
                .iter()
                .filter(|e| e.target.id() == node.id())
                .count();
        assert_eq!(el.child("viz:size").attr("value"), node_size(degree));
    }
    let person = nodes
        .all("node")
        .into_iter()
        .find(|el| attvalues(el)["kind"] == "Person")
        .unwrap();
    assert_eq!(person.attr("label"), PERSON);
    assert_eq!(attvalues(person)["aliases"], "Bích Hạnh; cô <Hạnh>");
    // 5 edges touch the person: size 10 + 5 * sqrt(5)
    assert_eq!(person.child("viz:size").attr("value"), "21.18");

    let edges = g.child("edges");
    assert_eq!(edges.attr("count"), graph.edge_count().to_string());
    assert_eq!(edges.all("edge").len(), graph.edge_count());
    for el in edges.all("edge") {
        assert!(graph.find(el.attr("source")).is_some());
        assert!(graph.find(el.attr("target")).is_some());
        assert_eq!(el.attr("kind"), el.attr("label"));
        assert_eq!(attvalues(el)["relation"], el.attr("kind"));
        let w: f64 = el.attr("weight").parse().unwrap();
        assert!(w >= 1.0);
        for key in attvalues(el).keys() {
            assert!(declared["edge"].contains(key), "undeclared {key}");
        }
    }
}

/// Every node is laid out: GEXF `viz:position` and GraphML `x`/`y` hold
/// the same coordinates, those of `kgexport::layout`, and they are spread.
#[test]
fn gexf_and_graphml_place_every_node_at_the_layout_position() {
    let graph = hostile_graph(false);
    let expected: Vec<(String, String)> = kgexport::layout::layout(&graph)
        .iter()
        .map(|p| (coordinate(p.x), coordinate(p.y)))
        .collect();
    let ids: Vec<String> = graph
        .nodes_sorted()
        .iter()
        .map(|n| n.id().to_string())
        .collect();

    let gexf = parse_xml(&export(&graph, Format::Gexf));
    let nodes = gexf.child("graph").child("nodes");
    for (el, (x, y)) in nodes.all("node").into_iter().zip(&expected) {
        let position = el.child("viz:position");
        assert_eq!(
            (position.attr("x"), position.attr("y")),
            (x.as_str(), y.as_str())
        );
        assert_eq!(position.attr("z"), "0.0");
    }

    let graphml = parse_xml(&export(&graph, Format::Graphml));
    let keys: Vec<(&str, &str)> = graphml
        .all("key")
        .into_iter()
        .filter(|k| k.attr("for") == "node" && ["x", "y"].contains(&k.attr("attr.name")))
        .map(|k| (k.attr("id"), k.attr("attr.type")))
        .collect();
    assert_eq!(keys, [("x", "double"), ("y", "double")]);
    let nodes = graphml.child("graph").all("node");
    assert_eq!(nodes.len(), ids.len());
    for ((el, (x, y)), id) in nodes.into_iter().zip(&expected).zip(&ids) {
        let values = data(el);
        assert_eq!(&values["kgid"], id);
        assert_eq!((&values["x"], &values["y"]), (x, y));
    }
    let distinct: BTreeSet<&(String, String)> = expected.iter().collect();
    assert_eq!(distinct.len(), expected.len(), "two nodes share a position");
}

#[test]
fn gexf_and_graphml_carry_the_same_columns() {
    let graph = hostile_graph(false);
    let graphml = parse_xml(&export(&graph, Format::Graphml));
    let gexf = parse_xml(&export(&graph, Format::Gexf));
    let gx = gexf.child("graph");
    for (class, prefix) in [("node", ""), ("edge", "e_")] {
        let gexf_cols: BTreeSet<String> = gx
            .all("attributes")
            .into_iter()
            .filter(|a| a.attr("class") == class)
            .flat_map(|a| a.all("attribute"))
            .map(|a| format!("{prefix}{}", a.attr("id")))
            .collect();
        let graphml_keys: BTreeSet<String> = graphml
            .all("key")
            .into_iter()
            .filter(|k| k.attr("for") == class)
            .map(|k| k.attr("id").to_string())
            .collect();
        assert!(
            gexf_cols.is_subset(&graphml_keys),
            "{class}: {gexf_cols:?} not all in {graphml_keys:?}"
        );
    }
    // and the same values, node by node
    let graphml_nodes: HashMap<String, HashMap<String, String>> = graphml
        .child("graph")
        .all("node")
        .into_iter()
        .map(|el| {
            let d = data(el);
            (d["kgid"].clone(), d)
        })
        .collect();
    for el in gx.child("nodes").all("node") {
        let d = &graphml_nodes[el.attr("id")];
        assert_eq!(el.attr("label"), d["label"]);
        for (k, v) in attvalues(el) {
            assert_eq!(&d[&k], &v, "{k}");
        }
        assert_eq!(el.child("viz:size").attr("value"), d["size"]);
    }
}

// ---------------------------------------------------------------- both

#[test]
fn exports_are_byte_identical_whatever_the_insertion_order() {
    for format in [Format::Graphml, Format::Gexf, Format::Dot, Format::Html] {
        let a = export(&hostile_graph(false), format);
        let b = export(&hostile_graph(false), format);
        let c = export(&hostile_graph(true), format);
        assert_eq!(a, b, "{format:?} differs between two runs");
        assert_eq!(a, c, "{format:?} depends on insertion order");
    }
}

#[test]
fn empty_graph_exports_are_valid() {
    let graph = KnowledgeGraph::new();
    let graphml = parse_xml(&export(&graph, Format::Graphml));
    assert!(graphml.child("graph").children.is_empty());
    let gexf = parse_xml(&export(&graph, Format::Gexf));
    assert_eq!(gexf.child("graph").child("nodes").attr("count"), "0");
    let dot = parse_dot(&export(&graph, Format::Dot));
    assert!(dot.nodes.is_empty() && dot.edges.is_empty());
    let data = html_data(&export(&graph, Format::Html));
    assert_eq!(data["nodes"], serde_json::json!([]));
    assert_eq!(data["kinds"], serde_json::json!([]));
}

/// The graph a --format html page embeds, parsed back.
fn html_data(page: &str) -> serde_json::Value {
    let tag = r#"<script type="application/json" id="kg-data">"#;
    let start = page.find(tag).expect("data element") + tag.len();
    let end = start + page[start..].find("</script>").expect("end of the data");
    serde_json::from_str(&page[start..end]).expect("the data is JSON")
}

/// The page carries every node and edge with the layout's positions, and no
/// label (`<Bích>`, `<!-- x -->`, ...) can close the data element or start
/// markup: no `<` or `>` is left raw in the JSON.
#[test]
fn html_embeds_the_graph_as_json_that_no_label_breaks_out_of() {
    let graph = hostile_graph(false);
    let page = export(&graph, Format::Html);
    assert_eq!(
        page.matches("</script>").count(),
        2,
        "data and script elements only"
    );
    let tag = r#"<script type="application/json" id="kg-data">"#;
    let start = page.find(tag).unwrap() + tag.len();
    let raw = &page[start..start + page[start..].find("</script>").unwrap()];
    assert!(!raw.contains(['<', '>', '\u{2028}', '\u{2029}']), "{raw}");
    let data = html_data(&page);
    let nodes = data["nodes"].as_array().unwrap();
    let sorted = graph.nodes_sorted();
    assert_eq!(nodes.len(), sorted.len());
    let positions = kgexport::layout::layout(&graph);
    for ((json, node), p) in nodes.iter().zip(&sorted).zip(&positions) {
        assert_eq!(json["id"], &*node.id());
        assert_eq!(json["label"], &*node.label);
        assert_eq!(json["x"].as_f64().map(coordinate), Some(coordinate(p.x)));
        assert_eq!(json["y"].as_f64().map(coordinate), Some(coordinate(p.y)));
    }
    assert_eq!(data["edges"].as_array().unwrap().len(), graph.edge_count());
}

/// Labels drawn at random (fixed seed) from an alphabet of troublemakers:
/// every export still parses, with every node and edge, and every label
/// reads back as written less the characters XML forbids.
#[test]
fn random_hostile_labels_round_trip_in_every_format() {
    const ALPHABET: &[char] = &[
        '<',
        '>',
        '&',
        '"',
        '\'',
        '\\',
        '#',
        ' ',
        '\n',
        '\r',
        '\t',
        '\u{0}',
        '\u{1}',
        '\u{1F}',
        '\u{7F}',
        '\u{85}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{FFFD}',
        '\u{D7FF}',
        '\u{E000}',
        '\u{10FFFF}',
        ']',
        '-',
        ';',
        '=',
        '{',
        '}',
        'đ',
        'Ư',
        '😀',
        'a',
        'Z',
        '0',
        '/',
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let mut g = KnowledgeGraph::new();
    let d = g.add_source("ngẫu nhiên.txt");
    let mut ixs = Vec::new();
    for i in 0..200u32 {
        let len = next(12);
        let label: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
        let kind = NodeKind::ALL[next(NodeKind::ALL.len())];
        ixs.push(g.add_node(kind, &label, None, [label.repeat(2)], [ev(d, i, 0.5)]));
    }
    for i in 0..400u32 {
        let (a, b) = (ixs[next(ixs.len())], ixs[next(ixs.len())]);
        let relation = Relation::ALL[next(Relation::ALL.len())];
        let sentence = g.node(a).label.to_string() + &g.node(b).label;
        g.add_edge(a, relation, b, ev(d, i, 0.5), sentence.as_str());
    }

    let graphml = export(&g, Format::Graphml);
    assert_only_xml_chars(&graphml);
    let root = parse_xml(&graphml);
    let gm = root.child("graph");
    assert_eq!(gm.all("node").len(), g.node_count());
    assert_eq!(gm.all("edge").len(), g.edge_count());
    for el in gm.all("node") {
        let d = data(el);
        let node = g.node(g.find(&d["kgid"]).unwrap());
        assert_eq!(d["label"], xml_clean(&node.label));
    }

    let gexf = export(&g, Format::Gexf);
    assert_only_xml_chars(&gexf);
    let root = parse_xml(&gexf);
    let gx = root.child("graph");
    assert_eq!(gx.child("nodes").all("node").len(), g.node_count());
    assert_eq!(gx.child("edges").all("edge").len(), g.edge_count());
    for el in gx.child("nodes").all("node") {
        let node = g.node(g.find(el.attr("id")).unwrap());
        assert_eq!(el.attr("label"), xml_clean(&node.label));
    }

    let dot = parse_dot(&export(&g, Format::Dot));
    assert_eq!(dot.edges.len(), g.edge_count());
    assert_eq!(dot.nodes.len() - dot.legend.len(), g.node_count());
}

// ---------------------------------------------------------------- DOT

#[derive(Debug, Default)]
struct Dot {
    /// node statements: id → attributes
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    /// edge statements: (source, target, attributes)
    edges: Vec<(String, String, BTreeMap<String, String>)>,
    /// ids of the nodes inside `subgraph cluster_legend`
    legend: Vec<String>,
}

/// A DOT token: a quoted string (unescaped the way Graphviz reads it) or a
/// bare word / punctuation.
#[derive(Debug, PartialEq)]
enum Tok {
    Str(String),
    Word(String),
}

/// Tokenizes DOT, failing on an unterminated string, a raw newline inside
/// one, or a `#` at the start of a line (which Graphviz would discard).
fn dot_tokens(text: &str) -> Vec<Tok> {
    for line in text.lines() {
        assert!(!line.starts_with('#'), "preprocessor line {line:?}");
    }
    let mut toks = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' => {
                let mut s = String::new();
                loop {
                    match chars.next().expect("unterminated string") {
                        '"' => break,
                        '\\' => match chars.next().expect("dangling backslash") {
                            '"' => s.push('"'),
                            '\\' => s.push('\\'),
                            'n' => s.push('\n'),
                            other => panic!("unexpected escape \\{other}"),
                        },
                        '\n' | '\r' => panic!("raw newline inside a string"),
                        c => s.push(c),
                    }
                }
                // Graphviz decodes entities; the exporter writes only &amp;
                toks.push(Tok::Str(s.replace("&amp;", "&")));
            }
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                toks.push(Tok::Word("->".into()));
            }
            '{' | '}' | '[' | ']' | '=' | ',' | ';' => toks.push(Tok::Word(c.to_string())),
            c => {
                let mut w = c.to_string();
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' || n == '.' || n == '#' {
                        w.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                toks.push(Tok::Word(w));
            }
        }
    }
    toks
}

/// Parses the statement forms the exporter writes: `digraph NAME { ... }`
/// with default attribute statements, node and edge statements, and one
/// `subgraph cluster_legend { ... }`.
fn parse_dot(text: &str) -> Dot {
    let toks = dot_tokens(text);
    let word = |t: &Tok| match t {
        Tok::Word(w) => w.clone(),
        Tok::Str(s) => s.clone(),
    };
    assert_eq!(toks[0], Tok::Word("digraph".into()));
    assert_eq!(toks[2], Tok::Word("{".into()));
    assert_eq!(toks.last(), Some(&Tok::Word("}".into())));
    let mut dot = Dot::default();
    let mut i = 3;
    let mut in_legend = false;
    let attrs = |i: &mut usize| -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        if toks.get(*i) != Some(&Tok::Word("[".into())) {
            return map;
        }
        *i += 1;
        while toks[*i] != Tok::Word("]".into()) {
            let key = word(&toks[*i]);
            assert_eq!(toks[*i + 1], Tok::Word("=".into()));
            let value = word(&toks[*i + 2]);
            assert!(map.insert(key, value).is_none(), "duplicate attribute");
            *i += 3;
            if toks[*i] == Tok::Word(",".into()) {
                *i += 1;
            }
        }
        *i += 1;
        map
    };
    while i < toks.len() - 1 {
        match &toks[i] {
            Tok::Word(w) if w == "graph" || w == "node" || w == "edge" => {
                i += 1;
                attrs(&mut i);
            }
            Tok::Word(w) if w == "subgraph" => {
                assert_eq!(toks[i + 1], Tok::Word("cluster_legend".into()));
                assert_eq!(toks[i + 2], Tok::Word("{".into()));
                assert!(!in_legend);
                in_legend = true;
                i += 3;
                continue;
            }
            Tok::Word(w) if w == "}" => {
                assert!(in_legend, "unbalanced }}");
                in_legend = false;
                i += 1;
                continue;
            }
            Tok::Str(id) => {
                if toks[i + 1] == Tok::Word("->".into()) {
                    let Tok::Str(target) = &toks[i + 2] else {
                        panic!("edge target is not quoted")
                    };
                    i += 3;
                    let a = attrs(&mut i);
                    dot.edges.push((id.clone(), target.clone(), a));
                } else {
                    i += 1;
                    let a = attrs(&mut i);
                    if in_legend {
                        dot.legend.push(id.clone());
                    }
                    assert!(dot.nodes.insert(id.clone(), a).is_none(), "node {id} twice");
                }
            }
            other => panic!("unexpected token {other:?}"),
        }
        assert_eq!(toks[i], Tok::Word(";".into()), "statement not ended");
        i += 1;
    }
    assert!(!in_legend, "legend not closed");
    dot
}

#[test]
fn dot_escapes_every_string_and_colours_by_kind() {
    let graph = hostile_graph(false);
    let out = export(&graph, Format::Dot);
    let dot = parse_dot(&out);
    assert_eq!(dot.edges.len(), graph.edge_count());
    let kinds: BTreeSet<NodeKind> = graph.nodes_sorted().iter().map(|n| n.kind).collect();
    assert_eq!(dot.legend.len(), kinds.len());
    assert_eq!(dot.nodes.len(), graph.node_count() + kinds.len());
    for node in graph.nodes_sorted() {
        let a = &dot.nodes[&*node.id()];
        let expected: String = node
            .label
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\t', " ")
            .chars()
            .filter(|&c| c == '\n' || (!c.is_control() && xml_allowed(c)))
            .collect();
        assert_eq!(a["label"], expected);
        assert_eq!(a["fillcolor"], kind_colour(node.kind).hex());
    }
    for (s, t, a) in &dot.edges {
        assert!(graph.find(s).is_some() && graph.find(t).is_some());
        assert!(Relation::ALL.iter().any(|r| r.as_str() == a["label"]));
        assert!(a["weight"].parse::<u32>().unwrap() >= 1);
    }
    let country = graph
        .nodes_sorted()
        .into_iter()
        .find(|n| n.kind == NodeKind::Country)
        .unwrap();
    assert_eq!(
        dot.nodes[&*country.id()]["label"],
        "Xứ 'Mơ' \\ back slash \\n"
    );
    let legend_labels: Vec<&str> = dot
        .legend
        .iter()
        .map(|id| dot.nodes[id]["label"].as_str())
        .collect();
    assert!(legend_labels.contains(&"Person (1)"), "{legend_labels:?}");
}

// ---------------------------------------------------------------- CLI, fixtures

#[test]
fn cli_writes_each_format_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tin.txt");
    fs::write(
        &input,
        "Ông Lê Văn Tý, Giám đốc Công ty Hoa Sen, đến Huế hôm qua.\n",
    )
    .unwrap();
    for (format, root) in [("graphml", "graphml"), ("gexf", "gexf")] {
        let out = dir.path().join(format!("g.{format}"));
        assert_cmd::Command::cargo_bin("kgexport")
            .unwrap()
            .args(["--quiet", "--format", format, "-o"])
            .arg(&out)
            .arg(&input)
            .assert()
            .success();
        let text = fs::read_to_string(&out).unwrap();
        assert_eq!(parse_xml(&text).name, root);
    }
    let out = assert_cmd::Command::cargo_bin("kgexport")
        .unwrap()
        .args(["--quiet", "--format", "dot"])
        .arg(&input)
        .assert()
        .success();
    parse_dot(std::str::from_utf8(&out.get_output().stdout).unwrap());
}

/// Writes the hostile graph's exports for the Python interop tests, with
/// its node and edge counts in `hostile.counts` (`nodes edges`).
#[test]
fn writes_hostile_fixtures_for_interop_tests() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xml-interop");
    fs::create_dir_all(&dir).unwrap();
    let graph = hostile_graph(false);
    for (format, ext) in [
        (Format::Graphml, "graphml"),
        (Format::Gexf, "gexf"),
        (Format::Dot, "dot"),
        (Format::Html, "html"),
    ] {
        fs::write(dir.join(format!("hostile.{ext}")), export(&graph, format)).unwrap();
    }
    fs::write(
        dir.join("hostile.counts"),
        format!("{} {}\n", graph.node_count(), graph.edge_count()),
    )
    .unwrap();
}
