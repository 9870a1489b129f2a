//! Shards (`kgexport extract`, `kgexport merge`): for any split of a corpus
//! into shards, merging their extracts gives, byte for byte, the output of
//! one run over the whole; through the library (a property over random
//! splits) and through the command line.

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::sync::OnceLock;

use kgexport::export::{self, ExportOptions, Format, Provenance};
use kgexport::extract::DocFacts;
use kgexport::shard::{self, ShardWriter};
use kgexport::{build_graph, extract_document, Document, GraphBuilder, KnowledgeGraph};
use proptest::prelude::*;

/// Generated articles (some sharing people and organisations, two sharing
/// a name) and the sample corpus.
fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let lexicon = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let generator = corpus::ArticleGenerator::new(corpus::Vocabulary::load(&lexicon), 5);
        let mut docs: Vec<Document> = (0..40)
            .map(|i| Document::new(format!("gen/{i:03}.txt"), generator.article(i)))
            .collect();
        // one name, two texts: ordered by text hash in either way
        docs.push(Document::new("gen/000.txt", generator.article(99)));
        docs.extend(kgexport::input::sample_corpus());
        docs
    })
}

/// Each document's name, text hash (through a shard of its own) and facts.
fn extracted() -> &'static [(String, u64, DocFacts)] {
    static EXTRACTED: OnceLock<Vec<(String, u64, DocFacts)>> = OnceLock::new();
    EXTRACTED.get_or_init(|| {
        let mut out = Vec::new();
        for doc in documents() {
            let mut writer = ShardWriter::new(Vec::new()).unwrap();
            writer.push(doc.clone());
            let (bytes, _) = writer.finish().unwrap();
            shard::read(&bytes[..], |name, hash, facts| {
                assert_eq!(facts, extract_document(0, doc));
                out.push((name, hash, facts));
                Ok(())
            })
            .unwrap();
        }
        out
    })
}

/// The graph as Turtle at every level, and as N-Quads and GEXF with all
/// the provenance (every mention, its document and offsets).
fn outputs(graph: &KnowledgeGraph) -> Vec<Vec<u8>> {
    let mut all = Vec::new();
    for (format, provenance) in [
        (Format::Turtle, Provenance::None),
        (Format::Turtle, Provenance::Edge),
        (Format::Turtle, Provenance::Full),
        (Format::Nquads, Provenance::Full),
        (Format::Gexf, Provenance::Edge),
    ] {
        let options = ExportOptions {
            provenance,
            ..ExportOptions::default()
        };
        let mut out = Vec::new();
        export::write_stream(graph, format, &options, &mut out).unwrap();
        all.push(out);
    }
    all
}

fn one_run() -> &'static [Vec<u8>] {
    static ONE: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    ONE.get_or_init(|| outputs(&build_graph(documents().iter().cloned())))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// Documents dealt to up to 6 shards in any way, the shards written,
    /// read back in any order and merged: the bytes of one run.
    #[test]
    fn any_split_into_shards_merges_to_one_run(
        shard_of in proptest::collection::vec(0usize..6, 46),
        reversed in any::<bool>(),
    ) {
        let docs = extracted();
        let mut shards: Vec<Vec<u8>> = vec![Vec::new(); 6];
        for s in &mut shards {
            shard::write_header(s).unwrap();
        }
        for (i, (name, hash, facts)) in docs.iter().enumerate() {
            let s = shard_of.get(i).copied().unwrap_or(0);
            shard::write_document(&mut shards[s], name, *hash, facts).unwrap();
        }
        if reversed {
            shards.reverse();
        }
        let mut builder = GraphBuilder::new();
        for bytes in &shards {
            shard::read(&bytes[..], |name, hash, facts| {
                builder.add_extracted(name, hash, facts);
                Ok(())
            })
            .unwrap();
        }
        prop_assert_eq!(builder.len(), docs.len());
        let merged = outputs(&builder.finish());
        prop_assert!(merged == one_run(), "merged shards differ from one run");
    }
}

#[test]
fn a_shard_writer_over_many_batches_merges_to_one_run() {
    let mut writer = ShardWriter::new(Vec::new()).unwrap();
    // more than a batch: every document several times under other names
    for round in 0..6 {
        for doc in documents() {
            writer.push(Document::new(
                format!("{round}/{}", doc.name),
                doc.text.clone(),
            ));
        }
    }
    let (bytes, written) = writer.finish().unwrap();
    assert_eq!(written, 6 * documents().len());
    let mut builder = GraphBuilder::new();
    shard::read(&bytes[..], |name, hash, facts| {
        builder.add_extracted(name, hash, facts);
        Ok(())
    })
    .unwrap();
    let merged = builder.finish();
    let whole = build_graph((0..6).flat_map(|round| {
        documents()
            .iter()
            .map(move |doc| Document::new(format!("{round}/{}", doc.name), doc.text.clone()))
    }));
    assert_eq!(outputs(&merged), outputs(&whole));
}

/// The command line: `kgexport extract` of two halves, `kgexport merge` in
/// Turtle and CSV, against one plain run over the same files.
#[test]
fn extract_then_merge_on_the_command_line_gives_one_run() {
    use assert_cmd::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, doc) in documents().iter().enumerate().step_by(3) {
        let path = dir.path().join(format!("{i:03}.txt"));
        std::fs::write(&path, &doc.text).unwrap();
        files.push(path);
    }
    let kgexport = || Command::cargo_bin("kgexport").unwrap();
    let (first, second) = files.split_at(files.len() / 2);
    for (name, part) in [("a.kgx", first), ("b.kgx", second)] {
        kgexport()
            .arg("extract")
            .arg("-o")
            .arg(dir.path().join(name))
            .args(part)
            .assert()
            .success();
    }
    for (format, extra) in [("turtle", vec![]), ("nquads", vec!["--provenance", "full"])] {
        let merged = kgexport()
            .args(["merge", "-f", format])
            .args(&extra)
            .arg(dir.path().join("b.kgx"))
            .arg(dir.path().join("a.kgx"))
            .assert()
            .success();
        let one = kgexport()
            .args(["-q", "-f", format])
            .args(&extra)
            .args(&files)
            .assert()
            .success();
        assert_eq!(
            merged.get_output().stdout,
            one.get_output().stdout,
            "{format}"
        );
    }
    let (merged_csv, one_csv) = (dir.path().join("m"), dir.path().join("o"));
    kgexport()
        .args(["merge", "-f", "csv", "-o"])
        .arg(&merged_csv)
        .arg(dir.path().join("a.kgx"))
        .arg(dir.path().join("b.kgx"))
        .assert()
        .success();
    kgexport()
        .args(["-q", "-f", "csv", "-o"])
        .arg(&one_csv)
        .args(&files)
        .assert()
        .success();
    for file in ["nodes.csv", "edges.csv"] {
        assert_eq!(
            std::fs::read(merged_csv.join(file)).unwrap(),
            std::fs::read(one_csv.join(file)).unwrap()
        );
    }
    // not a shard: an error naming the file
    let bogus = dir.path().join("000.txt");
    kgexport()
        .arg("merge")
        .arg(&bogus)
        .assert()
        .failure()
        .code(1)
        .stderr(predicates::str::contains("000.txt"));
}
