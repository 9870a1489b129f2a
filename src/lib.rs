//! kgexport reads news articles, Vietnamese first, and writes the knowledge
//! graph inside them: people, organisations, countries, places, roles,
//! events, dates and documents, and who holds which office where, who took
//! part in which event, when and where, and which treaty it was about.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`input`]: files, directories, stdin or the bundled sample corpus;
//! 2. [`normalize`]: one spelling per word (NFC, Vietnamese tone placement);
//! 3. [`segment`]: article body told apart from page furniture, sentences;
//! 4. [`extract`]: entity mentions and relations, per document;
//! 5. [`resolve`]: one node per real-world thing across documents;
//! 6. [`graph`]: the petgraph knowledge graph with provenance;
//! 7. [`export`]: RDF (Turtle, N-Triples, N-Quads) and CSV.
//!
//! ```
//! use kgexport::{build_graph, Document};
//! let graph = build_graph(vec![Document::new("a.txt", "Bộ trưởng Bộ Công an Nguyễn Văn An phát biểu.")]);
//! assert!(graph.node_count() <= 10);
//! ```

pub mod cli;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod normalize;
pub mod output;
pub mod resolve;
pub mod segment;

pub use error::Error;
pub use graph::{KnowledgeGraph, NodeKind, Relation};
pub use input::Document;

use extract::DocFacts;
use rayon::prelude::*;

/// Runs normalisation, segmentation and extraction on one document, which
/// is document number `doc_index` of the run.
pub fn extract_document(doc_index: u32, doc: &Document) -> DocFacts {
    let text = normalize::normalize(&doc.text);
    let sentences = segment::segment(&text);
    extract::extract(doc_index, &text, &sentences)
}

/// How many documents are extracted together: enough to keep every core
/// busy, few enough that their text stays a few megabytes.
const BATCH_DOCS: usize = 256;

/// Collects documents, extracts them in parallel in batches, and keeps what
/// was extracted and not the text; resolves them into one graph at the end.
///
/// Memory holds one batch of text at a time plus the facts. The graph does
/// not depend on the thread count or on the order documents come in.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    /// Documents given to [`GraphBuilder::add`], not extracted yet.
    pending: Vec<Document>,
    docs: Vec<(String, DocFacts)>,
}

impl GraphBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts `doc`. Documents may come in any order: they are sorted by
    /// name before resolution, so the graph does not depend on it.
    /// Extraction happens a batch at a time, in parallel.
    pub fn add(&mut self, doc: &Document) {
        self.push(doc.clone());
    }

    /// Like [`GraphBuilder::add`], without copying the text.
    pub fn push(&mut self, doc: Document) {
        self.pending.push(doc);
        if self.pending.len() >= BATCH_DOCS {
            let batch = std::mem::take(&mut self.pending);
            self.add_batch(batch);
        }
    }

    /// Extracts `docs` in parallel on the rayon thread pool
    /// (`RAYON_NUM_THREADS` threads, every core by default). Each text is
    /// dropped as soon as it is extracted.
    pub fn add_batch(&mut self, docs: Vec<Document>) {
        let extracted: Vec<(String, DocFacts)> = docs
            .into_par_iter()
            .map(|doc| {
                // The index is fixed in `finish`, once the order is known.
                let facts = extract_document(0, &doc);
                (doc.name, facts)
            })
            .collect();
        self.docs.extend(extracted);
    }

    /// Loads and extracts `items` in parallel: `load` (reading a file, say)
    /// runs on the worker threads too, so reading overlaps extraction and
    /// only the texts being worked on are in memory. On failure nothing of
    /// the batch is kept and the error of the first failing item, in
    /// `items` order, is returned, whatever the thread count.
    pub fn try_add_batch<T, E>(
        &mut self,
        items: &[T],
        load: impl Fn(&T) -> Result<Document, E> + Sync,
    ) -> Result<(), E>
    where
        T: Sync,
        E: Send,
    {
        let extracted: Vec<Result<(String, DocFacts), E>> = items
            .par_iter()
            .map(|item| {
                let doc = load(item)?;
                let facts = extract_document(0, &doc);
                Ok((doc.name, facts))
            })
            .collect();
        let extracted: Vec<(String, DocFacts)> = extracted.into_iter().collect::<Result<_, E>>()?;
        self.docs.extend(extracted);
        Ok(())
    }

    /// How many documents were given so far.
    pub fn len(&self) -> usize {
        self.docs.len() + self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn finish(mut self) -> KnowledgeGraph {
        let batch = std::mem::take(&mut self.pending);
        self.add_batch(batch);
        // Stable: documents of the same name keep the order they came in.
        self.docs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut names = Vec::with_capacity(self.docs.len());
        let mut facts = Vec::with_capacity(self.docs.len());
        for (i, (name, mut doc)) in self.docs.into_iter().enumerate() {
            let i = i as u32;
            for e in &mut doc.entities {
                e.evidence.iter_mut().for_each(|ev| ev.doc = i);
            }
            for f in &mut doc.facts {
                f.evidence.doc = i;
            }
            names.push(name);
            facts.push(doc);
        }
        resolve::resolve(&names, facts)
    }
}

/// Builds the graph of `docs`, extracting them in parallel a batch at a
/// time: only one batch of text is held at once when `docs` is lazy.
pub fn build_graph(docs: impl IntoIterator<Item = Document>) -> KnowledgeGraph {
    let mut builder = GraphBuilder::new();
    for doc in docs {
        builder.push(doc);
    }
    builder.finish()
}

/// The benchmark corpus generator, to test the builder on realistic news.
#[cfg(test)]
#[allow(dead_code)] // the generator has more than the tests use
#[path = "../benches/support/corpus.rs"]
mod bench_corpus;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportOptions, Format};

    use crate::bench_corpus as corpus;

    /// Generated articles (more than one batch' worth) and the samples.
    fn documents() -> Vec<Document> {
        let lexicon = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let generator = corpus::ArticleGenerator::new(corpus::Vocabulary::load(&lexicon), 11);
        let mut docs: Vec<Document> = (0..BATCH_DOCS as u64 + 37)
            .map(|i| Document::new(format!("gen/{i:04}.txt"), generator.article(i)))
            .collect();
        docs.extend(input::sample_corpus());
        docs
    }

    /// The graph built one document at a time on this thread, the way the
    /// pipeline is specified: sorted by name, extracted, resolved.
    fn sequential_graph(docs: &[Document]) -> KnowledgeGraph {
        let mut sorted: Vec<&Document> = docs.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let names: Vec<String> = sorted.iter().map(|d| d.name.clone()).collect();
        let facts = sorted
            .iter()
            .enumerate()
            .map(|(i, d)| extract_document(i as u32, d))
            .collect();
        resolve::resolve(&names, facts)
    }

    /// Everything in the graph, provenance included, and its Turtle.
    fn dump(graph: &KnowledgeGraph) -> (String, Vec<u8>) {
        let mut turtle = Vec::new();
        export::write_stream(
            graph,
            Format::Turtle,
            &ExportOptions::default(),
            &mut turtle,
        )
        .unwrap();
        let text = format!(
            "{:?}\n{:?}\n{:?}",
            graph.sources(),
            graph.nodes_sorted(),
            graph.edges_sorted()
        );
        (text, turtle)
    }

    fn with_threads<R: Send>(threads: usize, work: impl FnOnce() -> R + Send) -> R {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(work)
    }

    #[test]
    fn parallel_builder_gives_the_sequential_graph_whatever_the_threads() {
        let docs = documents();
        let expected = sequential_graph(&docs);
        assert!(expected.node_count() > 100 && expected.edge_count() > 100);
        let expected = dump(&expected);

        let one_by_one = with_threads(1, || {
            let mut builder = GraphBuilder::new();
            docs.iter().for_each(|d| builder.add(d));
            builder.finish()
        });
        assert_eq!(dump(&one_by_one), expected);

        // Reversed input, uneven batches, four threads on two cores.
        let batched = with_threads(4, || {
            let mut builder = GraphBuilder::new();
            let mut reversed = docs.clone();
            reversed.reverse();
            for chunk in reversed.chunks(97) {
                builder.add_batch(chunk.to_vec());
            }
            assert_eq!(builder.len(), docs.len());
            builder.finish()
        });
        assert_eq!(dump(&batched), expected);

        let streamed = with_threads(3, || build_graph(docs.iter().cloned()));
        assert_eq!(dump(&streamed), expected);

        let loaded = with_threads(2, || {
            let mut builder = GraphBuilder::new();
            let indices: Vec<usize> = (0..docs.len()).collect();
            builder
                .try_add_batch(&indices, |&i| Ok::<_, ()>(docs[i].clone()))
                .unwrap();
            builder.finish()
        });
        assert_eq!(dump(&loaded), expected);
    }

    #[test]
    fn failed_batch_reports_its_first_error_and_keeps_nothing() {
        let docs = documents();
        let mut builder = GraphBuilder::new();
        builder.add_batch(docs[..3].to_vec());
        let indices: Vec<usize> = (0..40).collect();
        let result = with_threads(2, || {
            builder.try_add_batch(&indices, |&i| {
                if i % 7 == 5 {
                    Err(i)
                } else {
                    Ok(docs[i].clone())
                }
            })
        });
        assert_eq!(result, Err(5));
        assert_eq!(builder.len(), 3);
    }
}
