//! Per-stage benchmarks on a fixed generated corpus (seed 1, about 2 MB):
//! normalisation, segmentation, extraction, resolution, every exporter,
//! and the in-process pipeline. Run with `cargo bench --bench stages`.
//!
//! Each stage gets the previous stages' output, computed once outside the
//! timing, and reports its throughput in input bytes per second, so stages
//! compare directly with each other and with the end-to-end figures of
//! `benches/run.sh`.

#[allow(dead_code)] // the generator has more than the benches use
#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::io;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use kgexport::export::{self, ExportOptions, Format};
use kgexport::{extract, normalize, resolve, segment, Document, GraphBuilder};

/// Bytes of generated text the stages run on.
const CORPUS_BYTES: u64 = 2_000_000;

struct Fixture {
    docs: Vec<Document>,
    bytes: u64,
    normalized: Vec<String>,
    sentences: Vec<Vec<segment::Sentence>>,
    names: Vec<String>,
    facts: Vec<extract::DocFacts>,
}

fn fixture() -> Fixture {
    let lexicon = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
    let generator = corpus::ArticleGenerator::new(corpus::Vocabulary::load(&lexicon), 1);
    let docs: Vec<Document> = corpus::articles_in_memory(&generator, CORPUS_BYTES)
        .into_iter()
        .map(|(name, text)| Document::new(name, text))
        .collect();
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    let normalized: Vec<String> = docs.iter().map(|d| normalize::normalize(&d.text)).collect();
    let sentences: Vec<Vec<segment::Sentence>> =
        normalized.iter().map(|t| segment::segment(t)).collect();
    let facts = normalized
        .iter()
        .zip(&sentences)
        .enumerate()
        .map(|(i, (t, s))| extract::extract(i as u32, t, s))
        .collect();
    Fixture {
        names: docs.iter().map(|d| d.name.clone()).collect(),
        docs,
        bytes,
        normalized,
        sentences,
        facts,
    }
}

fn stages(c: &mut Criterion) {
    let f = fixture();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(f.bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));

    group.bench_function("normalize", |b| {
        b.iter(|| {
            for d in &f.docs {
                black_box(normalize::normalize(&d.text));
            }
        });
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            for t in &f.normalized {
                black_box(segment::segment(t));
            }
        });
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for (i, (t, s)) in f.normalized.iter().zip(&f.sentences).enumerate() {
                black_box(extract::extract(i as u32, t, s));
            }
        });
    });
    group.bench_function("resolve", |b| {
        b.iter_batched(
            || f.facts.clone(),
            |facts| resolve::resolve(&f.names, facts),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("pipeline_in_memory", |b| {
        b.iter_batched(
            || f.docs.clone(),
            |docs| {
                let mut builder = GraphBuilder::new();
                builder.add_batch(docs);
                builder.finish()
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();

    let graph = resolve::resolve(&f.names, f.facts.clone());
    let options = ExportOptions::default();
    let mut group = c.benchmark_group("export");
    // in input bytes too, to compare with the other stages
    group.throughput(Throughput::Bytes(f.bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    let formats = [
        ("turtle", Format::Turtle),
        ("ntriples", Format::Ntriples),
        ("nquads", Format::Nquads),
        ("graphml", Format::Graphml),
        ("gexf", Format::Gexf),
        ("dot", Format::Dot),
    ];
    for (name, format) in formats {
        group.bench_function(name, |b| {
            b.iter(|| export::write_stream(&graph, format, &options, &mut io::sink()));
        });
    }
    group.bench_function("csv", |b| {
        b.iter(|| {
            export::csv::write_nodes(&graph, &options, &mut io::sink())?;
            export::csv::write_edges(&graph, &options, &mut io::sink())
        });
    });
    group.finish();
    eprintln!(
        "stages: {} documents, {} bytes, graph of {} nodes and {} edges",
        f.docs.len(),
        f.bytes,
        graph.node_count(),
        graph.edge_count()
    );
}

criterion_group!(benches, stages);
criterion_main!(benches);
