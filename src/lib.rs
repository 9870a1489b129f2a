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

/// Runs normalisation, segmentation and extraction on one document, which
/// is document number `doc_index` of the run.
pub fn extract_document(doc_index: u32, doc: &Document) -> DocFacts {
    let text = normalize::normalize(&doc.text);
    let sentences = segment::segment(&text);
    extract::extract(doc_index, &text, &sentences)
}

/// Collects documents one at a time, keeping what was extracted and not the
/// text, then resolves them into one graph.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    /// Name, hash of the text (orders documents of one name), facts.
    docs: Vec<(String, u64, DocFacts)>,
}

impl GraphBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts `doc`. Documents may come in any order: they are sorted by
    /// name, then by text (documents of one name), before resolution, so
    /// the graph does not depend on it.
    pub fn add(&mut self, doc: &Document) {
        // The index is fixed in `finish`, once the order is known.
        let facts = extract_document(0, doc);
        // only a hash of the text is kept: equal hashes mean equal texts,
        // whose facts are the same in either order (64-bit collisions aside)
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&doc.text, &mut hasher);
        let text_hash = std::hash::Hasher::finish(&hasher);
        self.docs.push((doc.name.clone(), text_hash, facts));
    }

    pub fn finish(mut self) -> KnowledgeGraph {
        self.docs.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let mut names = Vec::with_capacity(self.docs.len());
        let mut facts = Vec::with_capacity(self.docs.len());
        for (i, (name, _, mut doc)) in self.docs.into_iter().enumerate() {
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

/// Builds the graph of `docs`.
pub fn build_graph(docs: impl IntoIterator<Item = Document>) -> KnowledgeGraph {
    let mut builder = GraphBuilder::new();
    for doc in docs {
        builder.add(&doc);
    }
    builder.finish()
}
