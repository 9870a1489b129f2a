//! Property tests of the whole pipeline on hostile input: documents made of
//! realistic Vietnamese news sentences (written for these tests: titles
//! before names, organisations, events with dates and places, documents
//! signed) whose names and surroundings carry arbitrary Unicode: combining
//! marks, bidi marks, emoji, control characters, NUL, code points XML
//! forbids, markup and syntax characters, very long tokens.
//!
//! Each case goes through the public API (`build_graph`, `export::*`) and
//! every export is read back with an independent reader (see
//! `regressions/check.rs`). A modest number of cases by default keeps
//! `cargo test` fast; `PROPTEST_CASES=5000 cargo test --test properties`
//! runs more.

#[path = "regressions/check.rs"]
mod check;

use kgexport::graph::NodeKind;
use kgexport::{build_graph, Document, GraphBuilder};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use check::{check_graph, export_all, graph_of_bytes};

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 32;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        // failures are kept as files under tests/regressions/ instead
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- pieces

/// Fragments that break naive code: controls and NUL, what XML forbids,
/// bidi and zero-width marks, combining marks (alone and stacked), emoji
/// sequences, characters whose case fold or NFC changes their length
/// (`İ`, `ẞ`, Kelvin sign, Ångström sign, `ﬁ`), markup and RDF/CSV/DOT
/// syntax, spreadsheet formulas, line and paragraph separators.
const HOSTILE: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{B}",
    "\u{C}",
    "\u{1B}[31m",
    "\u{1F}",
    "\u{7F}",
    "\u{85}",
    "\u{9F}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{200B}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "\u{061C}",
    "\u{2028}",
    "\u{2029}",
    "\u{301}",
    "\u{303}\u{323}",
    "\u{302}\u{301}\u{323}\u{300}\u{309}",
    "e\u{302}\u{301}",
    "\u{1F600}",
    "👨\u{200D}👩\u{200D}👧",
    "🇻🇳",
    "<",
    ">",
    "&",
    "&amp;",
    "&#1;",
    "\"",
    "'",
    "#",
    "%",
    "%00",
    "\\",
    "\\u0041",
    "\\n",
    "]]>",
    "<!--",
    "<![CDATA[",
    "^^",
    "@vi",
    "_:b0",
    "<http://x/>",
    " ",
    "   ",
    "\t",
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    ".",
    ",",
    ";",
    ":",
    "/",
    "..",
    "-",
    "(",
    ")",
    "İ",
    "ẞ",
    "ß",
    "ﬁ",
    "\u{212A}",
    "\u{212B}",
    "ǅ",
    "Σ",
    "ΐ",
    "ᾯ",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{E0001}",
    "\u{1D11E}",
    "가",
    "\u{1100}\u{1161}\u{11A8}",
    "漢字",
    "العربية",
    "עברית",
    "Ꙭ",
    "=HYPERLINK(\"x\")",
    "+1",
    "@SUM(1)",
    "Bộ",
    "Hội nghị",
    "ngày",
    "tại",
    "TP.",
];

/// A hostile fragment: a listed one, a few arbitrary characters, or a very
/// long token.
fn hostile() -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(HOSTILE).prop_map(str::to_string),
        3 => prop::collection::vec(any::<char>(), 1..6).prop_map(String::from_iter),
        1 => (select(&["x", "ạ", "\u{301}", "😀", "Nguyễn ", "-", "\u{0}"][..]), 300usize..6000)
            .prop_map(|(unit, n)| unit.repeat(n)),
    ]
    .boxed()
}

/// How a hostile fragment is worked into a name.
#[derive(Clone, Debug)]
enum Mutation {
    None,
    /// At a character boundary chosen by the index.
    Insert(Index, String),
    /// In place of the last word.
    ReplaceLast(String),
    Prepend(String),
    Append(String),
}

fn mutation() -> BoxedStrategy<Mutation> {
    prop_oneof![
        4 => Just(Mutation::None),
        3 => (any::<Index>(), hostile()).prop_map(|(i, h)| Mutation::Insert(i, h)),
        1 => hostile().prop_map(Mutation::ReplaceLast),
        1 => hostile().prop_map(Mutation::Prepend),
        1 => hostile().prop_map(Mutation::Append),
    ]
    .boxed()
}

fn apply(base: &str, m: &Mutation) -> String {
    match m {
        Mutation::None => base.to_string(),
        Mutation::Insert(i, h) => {
            let bounds: Vec<usize> = base
                .char_indices()
                .map(|(b, _)| b)
                .chain([base.len()])
                .collect();
            let at = bounds[i.index(bounds.len())];
            format!("{}{h}{}", &base[..at], &base[at..])
        }
        Mutation::ReplaceLast(h) => match base.rsplit_once(' ') {
            Some((head, _)) => format!("{head} {h}"),
            None => h.clone(),
        },
        Mutation::Prepend(h) => format!("{h}{base}"),
        Mutation::Append(h) => format!("{base}{h}"),
    }
}

/// `base` chosen from `options`, then perhaps mutated.
fn mutated(options: &'static [&'static str]) -> BoxedStrategy<String> {
    (select(options), mutation())
        .prop_map(|(b, m)| apply(b, &m))
        .boxed()
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Phan", "Trịnh", "Đinh", "Mai", "Tạ", "Võ", "Quách", "Kiều",
];
const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Đức", "Xuân", "Thu", "Kim", "Bảo",
    "Thế", "Diệu",
];
const GIVEN: &[&str] = &[
    "Khải", "Lộc", "Nhàn", "Tuyết", "Phong", "Khuê", "Sơn", "Vy", "Tấn", "Diệp", "Hằng", "Quyên",
    "Thắng", "Toàn", "Uyên", "Nghĩa",
];

/// A Vietnamese person's name (made up), perhaps with a hostile fragment.
fn person() -> BoxedStrategy<String> {
    (select(SURNAMES), select(MIDDLES), select(GIVEN), mutation())
        .prop_map(|(s, m, g, x)| apply(&format!("{s} {m} {g}"), &x))
        .boxed()
}

const KNOWN_ORGS: &[&str] = &[
    "Bộ Y tế",
    "Bộ Tài chính",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Bộ Công Thương",
    "Ủy ban nhân dân tỉnh Lâm Đồng",
    "Ngân hàng Nhà nước Việt Nam",
    "Liên hợp quốc",
    "Tổ chức Y tế thế giới",
    "Ngân hàng Phát triển châu Á",
    "Hội Chữ thập đỏ Việt Nam",
];
const ORG_HEADS: &[&str] = &[
    "Công ty cổ phần",
    "Tập đoàn",
    "Tổng công ty",
    "Viện",
    "Trường Đại học",
    "Trung tâm",
    "Cục",
    "Hội đồng",
];
const ORG_NAMES: &[&str] = &[
    "Sông Hồng",
    "Ánh Dương",
    "Hoa Sen Vàng",
    "Trường Sơn",
    "Năng lượng Mặt Trời",
    "Nghiên cứu Biển",
    "Kiểm định Chất lượng",
    "Đường sắt Bắc Nam",
];

fn organization() -> BoxedStrategy<String> {
    prop_oneof![
        select(KNOWN_ORGS).prop_map(str::to_string),
        (select(ORG_HEADS), mutated(ORG_NAMES)).prop_map(|(h, n)| format!("{h} {n}")),
    ]
    .boxed()
}

const OFFICES: &[&str] = &[
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Tổng Giám đốc",
    "Viện trưởng",
    "Cục trưởng",
];
const RANKS: &[&str] = &[
    "Thủ tướng",
    "Phó Thủ tướng",
    "Đại sứ",
    "Thượng tướng",
    "Trung tướng",
    "Chủ tịch nước",
    "Tổng Bí thư",
];

/// A title: an office of an organisation, or a rank alone.
fn title() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (select(OFFICES), organization()).prop_map(|(o, org)| format!("{o} {org}")),
        1 => select(RANKS).prop_map(str::to_string),
    ]
    .boxed()
}

const EVENT_HEADS: &[&str] = &[
    "Hội nghị",
    "Hội thảo quốc tế",
    "Diễn đàn",
    "Lễ khánh thành",
    "Triển lãm",
    "Đại hội",
    "Phiên họp",
];
const TOPICS: &[&str] = &[
    "Kinh tế Xanh",
    "về chuyển đổi số trong nông nghiệp",
    "Hợp tác Nghề cá",
    "Thương mại Biên giới",
    "Cầu Mỹ Lợi",
    "thường kỳ tháng Ba",
    "Đổi mới Sáng tạo",
];

fn event() -> BoxedStrategy<String> {
    (select(EVENT_HEADS), mutated(TOPICS))
        .prop_map(|(h, t)| format!("{h} {t}"))
        .boxed()
}

const DOC_HEADS: &[&str] = &[
    "Hiệp định",
    "Bản ghi nhớ",
    "Nghị định",
    "Công ước",
    "Tuyên bố chung",
    "Kế hoạch",
];
const DOC_TOPICS: &[&str] = &[
    "Thương mại Tự do",
    "về hợp tác phòng chống thiên tai",
    "số 17/2031/NĐ-CP",
    "Bảo tồn Rạn san hô",
    "Hàng không",
];

fn legal_document() -> BoxedStrategy<String> {
    (select(DOC_HEADS), mutated(DOC_TOPICS))
        .prop_map(|(h, t)| format!("{h} {t}"))
        .boxed()
}

/// A date phrase: well-formed ones in several spellings, ranges, and
/// impossible ones (day 0, month 13, five-digit years).
fn date() -> BoxedStrategy<String> {
    prop_oneof![
        (1u32..=31, 1u32..=12, 1990u32..2040).prop_map(|(d, m, y)| format!("ngày {d}/{m}/{y}")),
        (1u32..=28, 1u32..=12, 1990u32..2040)
            .prop_map(|(d, m, y)| format!("ngày {d} tháng {m} năm {y}")),
        (1u32..=27, 1u32..=12, 1990u32..2040)
            .prop_map(|(d, m, y)| format!("từ ngày {d}-{}/{m}/{y}", d + 1)),
        (1u32..=31, 1u32..=12).prop_map(|(d, m)| format!("sáng {d}/{m}")),
        (0u32..100, 0u32..100, 0u32..100_000).prop_map(|(d, m, y)| format!("ngày {d}/{m}/{y}")),
        (any::<u64>(), any::<u64>()).prop_map(|(d, m)| format!("ngày {d}/{m}")),
    ]
    .boxed()
}

const KNOWN_PLACES: &[&str] = &[
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Đà Nẵng",
    "Cần Thơ",
    "tỉnh Gia Lai",
    "Trung tâm Hội nghị Quốc gia",
];
const PLACE_HEADS: &[&str] = &["tỉnh", "thành phố", "Khách sạn", "Trụ sở", "Nhà hát"];
const PLACE_NAMES: &[&str] = &["Bình Minh", "Hòa Lạc", "Sao Mai", "Phú Quý", "Tây Nguyên"];

fn place() -> BoxedStrategy<String> {
    prop_oneof![
        select(KNOWN_PLACES).prop_map(str::to_string),
        (select(PLACE_HEADS), mutated(PLACE_NAMES)).prop_map(|(h, n)| format!("{h} {n}")),
    ]
    .boxed()
}

/// One sentence: a template filled with generated pieces.
fn sentence() -> BoxedStrategy<String> {
    let people = (person(), person(), title(), title());
    let things = (
        organization(),
        organization(),
        event(),
        date(),
        place(),
        legal_document(),
        hostile(),
    );
    (0usize..10, people, things)
        .prop_map(|(template, (p1, p2, t1, t2), things)| {
            let (o1, o2, ev, date, place, doc, noise) = things;
            match template {
                0 => format!("{t1} {p1} chủ trì {ev} tại {place} {date}."),
                1 => format!(
                    "{}, tại {place}, {t1} {p1} đã tiếp {t2} {p2}.",
                    capitalise(&date)
                ),
                2 => format!("Ông {p1}, {t1}, phát biểu khai mạc {ev}."),
                3 => format!("Bà {p2}, {t2}, cho biết {o1} sẽ triển khai {doc}."),
                4 => format!("{o1} và {o2} đã ký {doc} tại {place} {date}."),
                5 => format!("Tham dự {ev} có {t1} {p1} và {t2} {p2}."),
                6 => format!("{ev} diễn ra {date} tại {place}, do {o1} tổ chức."),
                7 => format!("Theo {t1} {p1}, {doc} được thông qua {date} {noise}."),
                8 => format!("{noise}{p1}{noise}"),
                _ => format!("{t1} {p1} {noise} {t2} {p2}."),
            }
        })
        .boxed()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text of one article: perhaps a headline line, sentences joined by
/// spaces or line breaks, perhaps hostile text before and after.
fn article() -> BoxedStrategy<String> {
    let separators = select(&[" ", "\n", "\n\n", "\r\n", " \u{0} ", "\u{2029}", "\t"][..]);
    (
        prop::option::of(sentence()),
        prop::collection::vec(sentence(), 1..6),
        separators,
        prop::option::of(hostile()),
        prop::option::of(hostile()),
    )
        .prop_map(|(headline, body, sep, before, after)| {
            let mut text = before.unwrap_or_default();
            if let Some(h) = headline {
                text += h.trim_end_matches('.');
                text += "\n\n";
            }
            text += &body.join(sep);
            text += &after.unwrap_or_default();
            text
        })
        .boxed()
}

/// One to three articles. Names are often hostile and sometimes shared:
/// two documents of one name must not make the output depend on their
/// order either.
fn documents() -> BoxedStrategy<Vec<Document>> {
    let name = (0u8..3, prop::option::of(hostile()))
        .prop_map(|(n, h)| format!("{n:02}-{}.txt", h.unwrap_or_default()));
    prop::collection::vec((name, article()), 1..4)
        .prop_map(|docs| {
            docs.into_iter()
                .map(|(name, text)| Document::new(name, text))
                .collect()
        })
        .boxed()
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(config())]

    /// Every export parses with an independent reader and agrees with the
    /// graph and with the other exports.
    #[test]
    fn every_export_reads_back_and_agrees(docs in documents()) {
        check_graph(&build_graph(docs));
    }

    /// The same documents give the same bytes: built twice, in reverse and
    /// rotated order, and one at a time through `GraphBuilder`.
    #[test]
    fn output_does_not_depend_on_run_or_order(docs in documents(), turn in any::<Index>()) {
        let first = export_all(&build_graph(docs.clone()));
        first.assert_same(&export_all(&build_graph(docs.clone())), "built twice");
        let mut reversed = docs.clone();
        reversed.reverse();
        first.assert_same(&export_all(&build_graph(reversed)), "reversed");
        let mut rotated = docs.clone();
        rotated.rotate_left(turn.index(docs.len()));
        let mut builder = GraphBuilder::new();
        for doc in &rotated {
            builder.add(doc);
        }
        first.assert_same(&export_all(&builder.finish()), "rotated, one at a time");
    }

    /// Arbitrary bytes go through decoding like a file on the command line;
    /// whatever decodes is built and exported without a panic and checked.
    #[test]
    fn arbitrary_bytes_never_break_the_pipeline(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Some(graph) = graph_of_bytes("bytes.txt", &bytes) {
            check_graph(&graph);
        }
    }

    /// A realistic article with a few bytes overwritten: decoding's repair
    /// paths (truncated characters, stray NULs) on text that still yields
    /// entities.
    #[test]
    fn damaged_articles_never_break_the_pipeline(
        text in article(),
        damage in prop::collection::vec((any::<Index>(), any::<u8>()), 0..4),
        cut in any::<Index>(),
    ) {
        let mut bytes = text.into_bytes();
        for (at, byte) in damage {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
        }
        if cut.index(4) == 0 {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        if let Some(graph) = graph_of_bytes("damaged.txt", &bytes) {
            check_graph(&graph);
        }
    }
}

/// The generators are not vacuous: most generated documents yield people
/// and facts, and some keep a hostile character (some even a control or
/// XML-forbidden one) in a node label, so the properties above are
/// exercised on real graphs with hostile labels. With the fixed seed: 117,
/// 116 and 36 of 120 when written.
#[test]
fn generated_documents_yield_entities_with_hostile_labels() {
    // a fixed seed: the shares below are the same on every run
    let mut runner = TestRunner::deterministic();
    let strategy = documents();
    let samples = 120;
    let (mut with_people, mut with_edges, mut hostile_labels, mut forbidden_labels) = (0, 0, 0, 0);
    for _ in 0..samples {
        let docs = strategy.new_tree(&mut runner).expect("a sample").current();
        let graph = build_graph(docs);
        let nodes = graph.nodes_sorted();
        with_people += usize::from(nodes.iter().any(|n| n.kind == NodeKind::Person));
        with_edges += usize::from(graph.edge_count() > 0);
        hostile_labels += usize::from(nodes.iter().any(|n| {
            n.label
                .chars()
                .any(|c| !(c.is_alphanumeric() || " -./,()'".contains(c)))
        }));
        // what XML cannot hold at all, or a control character
        forbidden_labels += usize::from(nodes.iter().any(|n| {
            n.label
                .chars()
                .any(|c| c.is_control() || !kgexport::export::xml::is_allowed_char(c))
        }));
    }
    assert!(
        with_people * 4 >= samples * 3,
        "{with_people}/{samples} with people"
    );
    assert!(
        with_edges * 4 >= samples * 3,
        "{with_edges}/{samples} with edges"
    );
    assert!(
        hostile_labels * 8 >= samples,
        "{hostile_labels}/{samples} with a hostile label"
    );
    assert!(
        forbidden_labels > 0,
        "no label with a control or XML-forbidden character"
    );
}

/// Found by `output_does_not_depend_on_run_or_order`: two documents of one
/// name (which `build_graph` accepts) gave evidence IRIs that depended on
/// which came first, since resolution numbered them in input order.
#[test]
fn documents_of_one_name_give_the_same_output_in_either_order() {
    let a = Document::new(
        "02-.txt",
        "Ngày 1/1/1990, tại Hà Nội, Phó Chủ tịch Liên hợp quốc Nguyễn Văn Khải đã tiếp Bộ trưởng Bộ Y tế Nguyễn Văn Khải.",
    );
    let b = Document::new(
        "02-.txt",
        "Ngày 25 tháng 2 năm 2019, tại Cần Thơ, Trung tướng \u{200e}Nguyễn Văn Tuyết đã tiếp Phó Chủ tịch Liên hợp quốc Ngô Thị `Uyên.\u{9f}",
    );
    let forward = check_graph(&build_graph(vec![a.clone(), b.clone()]));
    let backward = check_graph(&build_graph(vec![b, a]));
    forward.assert_same(&backward, "two documents of one name, swapped");
}

/// Found by `every_export_reads_back_and_agrees`: a document named
/// `00-;.txt` became two sources, `00-` and `.txt`, in the neo4j tables,
/// whose `string[]` cells neo4j-admin splits on every `;`.
#[test]
fn a_source_named_with_a_semicolon_stays_one_neo4j_array_element() {
    let doc = Document::new(
        "00-;.txt",
        "Bộ trưởng Bộ Y tế Trần Văn Khải chủ trì Hội nghị Kinh tế Xanh tại Hà Nội ngày 12/3/2031.",
    );
    let graph = build_graph(vec![doc]);
    assert!(graph.edge_count() > 0);
    let exports = check_graph(&graph);
    let edges = String::from_utf8(exports.edges_neo4j).unwrap();
    assert!(edges.contains(",00-\u{FF1B}.txt\n"), "{edges}");
}
