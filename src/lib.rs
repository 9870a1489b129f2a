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
//! 7. [`layout`]: positions for the viewers' formats (deterministic
//!    ForceAtlas2-like layout);
//! 8. [`export`]: RDF (Turtle, N-Triples, N-Quads, JSON-LD), CSV, GraphML,
//!    GEXF, DOT and a self-contained HTML viewer.
//!
//! [`build`] runs stages 2 to 5 over many documents in parallel; [`shard`]
//! writes what stage 4 gave to a file that another run resolves.
//!
//! ```
//! use kgexport::{build_graph, Document};
//! let graph = build_graph(vec![Document::new("a.txt", "Bộ trưởng Bộ Công an Nguyễn Văn An phát biểu.")]);
//! assert!(graph.node_count() <= 10);
//! ```

pub mod build;
pub mod cli;
pub mod error;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod graph;
mod hash;
pub mod input;
pub mod jsonl;
pub mod layout;
pub mod lexicon;
pub mod normalize;
pub mod output;
pub mod resolve;
pub mod segment;
mod sentence_store;
pub mod shard;
mod spill;

pub use build::{build_graph, extract_document, GraphBuilder};
pub use error::Error;
pub use graph::{EvidenceKept, KnowledgeGraph, NodeKind, Relation};
pub use input::Document;
