//! The run: documents extracted in parallel batches, what they say kept
//! (their text dropped), then resolved into one graph. The graph depends on
//! neither the order documents come in nor the number of threads.

use std::collections::HashMap;
use std::hash::BuildHasher;

use rayon::prelude::*;

use crate::extract::{self, DocFacts, Entity};
use crate::graph::{self, EvidenceKept, KnowledgeGraph, NodeKind, Relation};
use crate::input::Document;
use crate::lexicon::FastMap;
use crate::sentence_store::{SentenceId, SentenceStore};
use crate::spill::{self, FixedRecord, RecordSpill, RunSorter, Spilled};
use crate::{normalize, resolve, segment};

/// Runs normalisation, segmentation and extraction on one document, which
/// is document number `doc_index` of the run.
pub fn extract_document(doc_index: u32, doc: &Document) -> DocFacts {
    let text = normalize::normalize(&doc.text);
    let sentences = segment::segment(&text);
    extract::extract_dated(doc_index, &text, &sentences, doc.published)
}

/// How many documents are extracted together: enough to keep every core
/// busy, few enough that their text stays a few megabytes.
const BATCH_DOCS: usize = 256;

/// How many extracted batches may wait for the collector thread.
const BATCHES_QUEUED: usize = 2;

/// Collects documents, extracts them in parallel in batches, and keeps what
/// was extracted and not the text; resolves them into one graph at the end.
///
/// Memory holds a batch or two of text at a time, and what was extracted
/// with what repeats across documents kept once (see `Collected`). What
/// a batch gave is collected on a thread of its own, in batch order, while
/// the next batch is read and extracted. The graph does not depend on the
/// thread count or on the order documents come in.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    /// Documents given to [`GraphBuilder::add`], not extracted yet.
    pending: Vec<Document>,
    /// How many pending documents make a batch (0: [`BATCH_DOCS`]).
    batch_size: usize,
    /// How many documents were extracted and sent to the collector.
    extracted_docs: usize,
    /// The collector thread, started with the first batch.
    collector: Option<Collector>,
    /// Documents extracted elsewhere (read from shards), not sent yet.
    pending_extracted: Vec<Extracted>,
    /// Bytes of evidence held in memory before it is spilled to temporary
    /// files (`None`: never spilled).
    memory: Option<usize>,
    /// How much of the evidence the graph keeps.
    kept: EvidenceKept,
}

/// The thread that folds extracted batches into a [`Collected`], and the
/// queue that feeds it.
#[derive(Debug)]
struct Collector {
    batches: std::sync::mpsc::SyncSender<Vec<Extracted>>,
    thread: std::thread::JoinHandle<Collected>,
}

impl Collector {
    fn start(memory: usize, kept: EvidenceKept) -> Self {
        let (batches, received) = std::sync::mpsc::sync_channel::<Vec<Extracted>>(BATCHES_QUEUED);
        let thread = std::thread::spawn(move || {
            let mut collected = Collected::new(memory, kept);
            for batch in received {
                for (hash, name, facts) in batch {
                    collected.add(name, hash, facts);
                }
            }
            collected
        });
        Collector { batches, thread }
    }

    /// Everything collected, once the batches sent so far are in.
    fn finish(self) -> Collected {
        drop(self.batches);
        match self.thread.join() {
            Ok(collected) => collected,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

impl GraphBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder that extracts every `docs` documents given to
    /// [`GraphBuilder::add`] together (at least 1): more use more memory,
    /// fewer leave cores idle at the end of each batch.
    pub fn with_batch_size(docs: usize) -> Self {
        GraphBuilder {
            batch_size: docs.max(1),
            ..Self::default()
        }
    }

    /// Holds at most about `bytes` of the documents' evidence in memory
    /// between extraction and resolution, a third each for the mentions
    /// (24 bytes each), the statements of facts (40 bytes each, sorted by
    /// edge within the same third, in runs of at least 1024) and the
    /// sentences' texts; the rest waits in temporary files.
    /// The graph is the same whatever the bound.
    pub fn with_memory(mut self, bytes: usize) -> Self {
        self.memory = Some(bytes);
        self
    }

    /// Keeps of the evidence only what `kept` says (all of it by default):
    /// what the output does not write need not be held.
    pub fn keeping(mut self, kept: EvidenceKept) -> Self {
        self.kept = kept;
        self
    }

    /// Extracts `doc`. Documents may come in any order: they are sorted by
    /// name (then text) before resolution, so the graph does not depend on it.
    /// Extraction happens a batch at a time, in parallel.
    pub fn add(&mut self, doc: &Document) {
        self.push(doc.clone());
    }

    /// Like [`GraphBuilder::add`], without copying the text.
    pub fn push(&mut self, doc: Document) {
        self.pending.push(doc);
        let batch_size = if self.batch_size == 0 {
            BATCH_DOCS
        } else {
            self.batch_size
        };
        if self.pending.len() >= batch_size {
            let batch = std::mem::take(&mut self.pending);
            self.add_batch(batch);
        }
    }

    /// Extracts `docs` in parallel on the rayon thread pool
    /// (`RAYON_NUM_THREADS` threads, every core by default). Each text is
    /// dropped as soon as it is extracted.
    pub fn add_batch(&mut self, docs: Vec<Document>) {
        let extracted: Vec<Extracted> = docs
            .into_par_iter()
            .map(|doc| {
                let facts = extract_document(0, &doc);
                (text_hash(&doc.text), doc.name, facts)
            })
            .collect();
        self.collect(extracted);
    }

    /// Hands `extracted` to the collector thread, in order.
    fn collect(&mut self, extracted: Vec<Extracted>) {
        if extracted.is_empty() {
            return;
        }
        self.extracted_docs += extracted.len();
        let (memory, kept) = (self.memory.unwrap_or(usize::MAX), self.kept);
        let collector = self
            .collector
            .get_or_insert_with(|| Collector::start(memory, kept));
        if collector.batches.send(extracted).is_err() {
            // the collector stops early only by panicking: raise its panic here
            if let Some(collector) = self.collector.take() {
                collector.finish();
            }
        }
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
        let extracted: Vec<Result<Extracted, E>> = items
            .par_iter()
            .map(|item| {
                let doc = load(item)?;
                let facts = extract_document(0, &doc);
                Ok((text_hash(&doc.text), doc.name, facts))
            })
            .collect();
        let extracted: Vec<Extracted> = extracted.into_iter().collect::<Result<_, E>>()?;
        self.collect(extracted);
        Ok(())
    }

    /// Adds a document extracted elsewhere (by `kgexport extract`, read
    /// back from its shard): `text_hash` is the hash of its text that the
    /// extracting run computed, `facts` what [`extract_document`] gave.
    /// The graph is that of a run that extracted the document itself.
    pub fn add_extracted(&mut self, name: String, text_hash: u64, facts: DocFacts) {
        self.pending_extracted.push((text_hash, name, facts));
        if self.pending_extracted.len() >= BATCH_DOCS {
            let batch = std::mem::take(&mut self.pending_extracted);
            self.collect(batch);
        }
    }

    /// How many documents were given so far.
    pub fn len(&self) -> usize {
        self.extracted_docs + self.pending.len() + self.pending_extracted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The graph of every document given.
    ///
    /// # Panics
    ///
    /// If evidence spilled to a temporary file (only with
    /// [`GraphBuilder::with_memory`]) cannot be written or read back:
    /// [`GraphBuilder::try_finish`] returns that error instead.
    pub fn finish(self) -> KnowledgeGraph {
        match self.try_finish() {
            Ok(graph) => graph,
            Err(e) => panic!("kgexport: temporary file of evidence: {e}"),
        }
    }

    /// The graph of every document given, or the error of a temporary
    /// file of evidence that could not be written or read back.
    pub fn try_finish(mut self) -> std::io::Result<KnowledgeGraph> {
        let batch = std::mem::take(&mut self.pending);
        self.add_batch(batch);
        let extracted = std::mem::take(&mut self.pending_extracted);
        self.collect(extracted);
        match self.collector.take() {
            Some(collector) => collector.finish().resolve(),
            None => Collected::new(usize::MAX, self.kept).resolve(),
        }
    }
}

/// What a batch hands over per document: the hash of its text, its name
/// and what was extracted.
type Extracted = (u64, String, DocFacts);

/// A hash of a document's text: what orders documents of one name, so that
/// the output does not depend on their order while the text is not kept.
/// FNV-1a, not the standard library's hasher, whose output may change
/// between Rust releases: shards written on other machines must agree.
pub(crate) fn text_hash(text: &str) -> u64 {
    crate::graph::fnv1a(text.as_bytes())
}

/// Identical entities of different documents (same kind, label and English
/// label) are one entity to resolution, which merges entities sharing a
/// name; so they are kept once, with their aliases and evidence unioned.
/// Looked up by a hash of the key, so that the labels are not held twice.
#[derive(Debug, Default)]
struct EntityIndex<S = foldhash::fast::RandomState> {
    hasher: S,
    /// The first entity of each key's hash.
    by_hash: FastMap<u64, u32>,
    /// Entities whose key's hash an earlier entity of another key has.
    collisions: HashMap<(NodeKind, String, Option<String>), u32>,
}

impl<S: BuildHasher> EntityIndex<S> {
    /// The entity of `kind`, `label` and `label_en` among `entities`, if any.
    fn get(&self, entities: &[Entity], entity: &Entity) -> Option<usize> {
        let first = *self.by_hash.get(&self.hash(entity))? as usize;
        let known = &entities[first];
        if (known.kind, &known.label, &known.label_en)
            == (entity.kind, &entity.label, &entity.label_en)
        {
            return Some(first);
        }
        let key = (entity.kind, entity.label.clone(), entity.label_en.clone());
        self.collisions.get(&key).map(|&ix| ix as usize)
    }

    /// Records `entity` as entity number `ix` (not known yet).
    fn insert(&mut self, entity: &Entity, ix: usize) {
        let hash = self.hash(entity);
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Vacant(first) => {
                first.insert(ix as u32);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                let key = (entity.kind, entity.label.clone(), entity.label_en.clone());
                self.collisions.insert(key, ix as u32);
            }
        }
    }

    fn hash(&self, entity: &Entity) -> u64 {
        self.hasher
            .hash_one((entity.kind, &entity.label, &entity.label_en))
    }
}

/// What the documents said, with identical entities kept once. The
/// entities are in memory; their mentions and every statement of a fact
/// are in two [`RecordSpill`]s, and the facts' sentences in a
/// [`SentenceStore`], which go to temporary files beyond their third of
/// the memory budget each. The mentions are read back once resolution has
/// made the nodes; the statements, sorted by edge within their third (see
/// [`RunSorter`]), make the edges, each once, with its evidence in order.
#[derive(Debug)]
struct Collected {
    /// Document names in the order they came: the index is the
    /// provisional [`graph::Evidence::doc`] until [`Collected::resolve`].
    names: Vec<String>,
    /// Hash of each document's text, which orders documents of one name.
    text_hashes: Vec<u64>,
    /// The entities, without their mentions (in `mentions`).
    entities: Vec<Entity>,
    entity_index: EntityIndex,
    /// (entity, mention) in the order they came.
    mentions: RecordSpill,
    /// Every statement of a fact, in the order they came.
    statements: RecordSpill<Statement>,
    /// The bytes of statements memory holds while they are sorted.
    sort_memory: usize,
    /// The texts of the sentences stating facts, each once per document.
    sentences: SentenceStore,
    /// How much of the evidence the graph keeps: what it does not keep
    /// (mentions, sentences' texts) is not collected.
    kept: EvidenceKept,
    /// The first failure to spill: the run fails with it.
    error: Option<std::io::Error>,
}

/// `text` in `sentences`, once per document: `stored` holds what this
/// document's texts (by address, as its facts share them) were stored as.
fn store(
    sentences: &mut SentenceStore,
    stored: &mut FastMap<*const u8, SentenceId>,
    text: &std::sync::Arc<str>,
) -> SentenceId {
    *stored
        .entry(std::sync::Arc::as_ptr(text) as *const u8)
        .or_insert_with(|| sentences.push(text))
}

/// One statement of a fact: (subject, relation, object) entities of
/// [`Collected::entities`] as collected, nodes once resolved; where it was
/// read and its sentence; `stated`, its number in the order statements
/// came (once resolved), which keeps the first of equal evidence first.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Statement {
    subject: u32,
    relation: Relation,
    object: u32,
    evidence: graph::Evidence,
    sentence: SentenceId,
    stated: u32,
}

impl Statement {
    /// The order the edges are made in: by fact, then the fact's
    /// evidence in the graph's order, then as stated.
    fn sort_key(&self) -> (u32, Relation, u32, (u32, u32, u32, u32), u32) {
        let (s, r, o) = (self.subject, self.relation, self.object);
        (s, r, o, self.evidence.sort_key(), self.stated)
    }
}

/// Ten words: subject, relation, object, the evidence's five, sentence,
/// order stated.
impl FixedRecord for Statement {
    const BYTES: usize = 40;

    fn encode(&self, out: &mut [u8]) {
        let ev = &self.evidence;
        spill::put_words(
            out,
            &[
                self.subject,
                self.relation as u32,
                self.object,
                ev.doc,
                ev.sentence,
                ev.start,
                ev.end,
                ev.confidence.to_bits(),
                self.sentence.index(),
                self.stated,
            ],
        );
    }

    fn decode(bytes: &[u8]) -> std::io::Result<Self> {
        let w: [u32; 10] = spill::words(bytes);
        let relation = Relation::ALL.get(w[1] as usize).copied().ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, "no such relation")
        })?;
        Ok(Statement {
            subject: w[0],
            relation,
            object: w[2],
            evidence: graph::Evidence {
                doc: w[3],
                sentence: w[4],
                start: w[5],
                end: w[6],
                confidence: f32::from_bits(w[7]),
            },
            sentence: SentenceId::from_index(w[8]),
            stated: w[9],
        })
    }
}

/// The fewest statements a sorted run holds, whatever the memory: runs of
/// one statement (`--memory 1`) would be merged in as many passes.
const MIN_RUN_STATEMENTS: usize = 1024;

impl Collected {
    /// Keeps at most `memory` bytes of evidence in memory (a third each
    /// for the mentions, the statements and the sentences' texts; the
    /// statements are sorted within their third, their spill's buffer
    /// written out or sorted in place first), and of the evidence what
    /// `kept` says.
    fn new(memory: usize, kept: EvidenceKept) -> Self {
        Collected {
            names: Vec::new(),
            text_hashes: Vec::new(),
            entities: Vec::new(),
            entity_index: EntityIndex::default(),
            mentions: RecordSpill::new(memory / 3),
            statements: RecordSpill::new(memory / 3),
            sort_memory: memory / 3,
            sentences: SentenceStore::new(memory / 3),
            kept,
            error: None,
        }
    }

    fn add(&mut self, name: String, text_hash: u64, facts: DocFacts) {
        let doc = self.names.len() as u32;
        self.names.push(name);
        self.text_hashes.push(text_hash);
        let (keeps_mentions, keeps_sentences) =
            (self.kept.keeps_mentions(), self.kept.keeps_sentences());
        let mut ids = Vec::with_capacity(facts.entities.len());
        for mut entity in facts.entities {
            let mentions = std::mem::take(&mut entity.evidence);
            let id = self.add_entity(entity);
            let mentions = mentions.into_iter().filter(|_| keeps_mentions);
            for ev in mentions {
                let pushed = self.mentions.push(id as u32, graph::Evidence { doc, ..ev });
                self.keep_error(pushed);
            }
            ids.push(id as u32);
        }
        // a sentence stating several facts is stored once (the facts of
        // a document share its text)
        let mut stored: FastMap<*const u8, SentenceId> = FastMap::default();
        for fact in facts.facts {
            // resolution drops facts about entities the document lacks
            let (Some(&subject), Some(&object)) = (ids.get(fact.subject), ids.get(fact.object))
            else {
                continue;
            };
            let sentence = match keeps_sentences {
                true => store(&mut self.sentences, &mut stored, &fact.sentence),
                false => *stored
                    .entry(std::ptr::null())
                    .or_insert_with(|| self.sentences.push("")),
            };
            let pushed = self.statements.push_record(Statement {
                subject,
                relation: fact.relation,
                object,
                evidence: graph::Evidence {
                    doc,
                    ..fact.evidence
                },
                sentence,
                stated: 0,
            });
            self.keep_error(pushed);
        }
    }

    fn keep_error(&mut self, result: std::io::Result<()>) {
        if let Err(e) = result {
            self.error.get_or_insert(e);
        }
    }

    fn add_entity(&mut self, entity: Entity) -> usize {
        match self.entity_index.get(&self.entities, &entity) {
            Some(ix) => {
                let known = &mut self.entities[ix];
                for alias in entity.aliases {
                    if !known.aliases.contains(&alias) {
                        known.aliases.push(alias);
                    }
                }
                for form in entity.short_forms {
                    if !known.short_forms.contains(&form) {
                        known.short_forms.push(form);
                    }
                }
                ix
            }
            None => {
                self.entity_index.insert(&entity, self.entities.len());
                self.entities.push(entity);
                self.entities.len() - 1
            }
        }
    }

    /// Sorts the documents by name, resolves the entities into nodes and
    /// the facts into edges, then reads the evidence back into them,
    /// renumbered in document-name order. What resolution has used is
    /// dropped before the next step, so the facts and the graph are not
    /// both held whole.
    fn resolve(self) -> std::io::Result<KnowledgeGraph> {
        let Collected {
            names,
            text_hashes,
            entities,
            entity_index,
            mentions,
            statements,
            sort_memory,
            mut sentences,
            kept,
            error,
        } = self;
        if let Some(e) = error.or_else(|| sentences.take_error()) {
            return Err(e);
        }
        drop(entity_index);
        // Documents of one name are ordered by text, so the output does not
        // depend on the order they came in; stable for equal texts, whose
        // facts are the same either way (64-bit hash collisions aside).
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        let key = |d: u32| (&names[d as usize], text_hashes[d as usize]);
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
        let mut final_index = vec![0u32; names.len()];
        for (i, &provisional) in order.iter().enumerate() {
            final_index[provisional as usize] = i as u32;
        }
        drop(text_hashes);
        let renumber = |ev: graph::Evidence| graph::Evidence {
            doc: final_index[ev.doc as usize],
            ..ev
        };
        let mut graph = KnowledgeGraph::new();
        graph.keep_evidence(kept);
        let mut names: Vec<Option<String>> = names.into_iter().map(Some).collect();
        for &provisional in &order {
            graph.add_source(&names[provisional as usize].take().unwrap_or_default());
        }
        drop(names);
        drop(order);
        graph.set_sentences(sentences);
        let nodes = resolve::resolve_entities(&mut graph, entities);
        // Every statement of a fact between two nodes, by edge: each edge
        // made once, its evidence in order (of equal evidence the first
        // stated), its sentence that of its first evidence. Nodes are
        // numbered by their place in id order, so that the edges are made
        // in the exporters' order and need no sorting there.
        let by_id = graph.node_indices_sorted();
        let mut place = vec![0u32; by_id.len()];
        for (position, ix) in by_id.iter().enumerate() {
            place[ix.index()] = position as u32;
        }
        let node = |entity: u32| place[nodes.node_of[entity as usize].index()];
        let mut stated = 0u32;
        let mut resolved = |st: &mut Statement| -> bool {
            let (s, o) = (node(st.subject), node(st.object));
            st.subject = s;
            st.object = o;
            st.evidence = renumber(st.evidence);
            st.stated = stated;
            // (beyond 2^32 statements, ties would follow no order)
            stated = stated.wrapping_add(1);
            s != o
        };
        let sorter = match statements.finish()? {
            Spilled::Memory(mut all) => {
                all.retain_mut(&mut resolved);
                RunSorter::new(sort_memory, MIN_RUN_STATEMENTS, all, Statement::sort_key)
            }
            Spilled::File(read) => {
                let mut sorter = RunSorter::new(
                    sort_memory,
                    MIN_RUN_STATEMENTS,
                    Vec::new(),
                    Statement::sort_key,
                );
                for st in read {
                    let mut st = st?;
                    if resolved(&mut st) {
                        sorter.push(st)?;
                    }
                }
                sorter
            }
        };
        // at most one edge per statement: no doubling of petgraph's edge
        // list (the pages of edges never made are never touched)
        drop(place);
        graph.reserve_edges(sorter.len());
        let mut evidence: Vec<graph::Evidence> = Vec::new();
        let mut edge: Option<Statement> = None;
        let push = |graph: &mut KnowledgeGraph, first: &Statement, evidence: &[graph::Evidence]| {
            graph.push_new_edge(
                by_id[first.subject as usize],
                first.relation,
                by_id[first.object as usize],
                evidence,
                first.sentence,
            );
        };
        sorter.finish(|st| {
            let fact = |st: &Statement| (st.subject, st.relation, st.object);
            match &edge {
                Some(first) if fact(first) == fact(&st) => {
                    // of equal evidence the first stated stays
                    if evidence.last().map(graph::Evidence::sort_key)
                        != Some(st.evidence.sort_key())
                    {
                        evidence.push(st.evidence);
                    }
                }
                _ => {
                    if let Some(first) = &edge {
                        push(&mut graph, first, &evidence);
                    }
                    evidence.clear();
                    evidence.push(st.evidence);
                    edge = Some(st);
                }
            }
            Ok(())
        })?;
        if let Some(first) = &edge {
            push(&mut graph, first, &evidence);
        }
        drop(evidence);
        let mut mentions = mentions.finish()?;
        nodes.set_mentions(&mut graph, |each| {
            mentions.replay(|(entity, ev)| each(entity, renumber(ev)))
        })?;
        graph.seal(by_id);
        Ok(graph)
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
    use crate::{export, input};

    use self::bench_corpus as corpus;

    /// Generated articles (more than one batch' worth) and the samples.
    fn documents() -> Vec<Document> {
        let lexicon = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let generator = corpus::ArticleGenerator::new(corpus::Vocabulary::load(&lexicon), 11);
        let mut docs: Vec<Document> = (0..60)
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
            // the nodes' evidence as read, not where the store keeps it
            graph
                .nodes_sorted()
                .iter()
                .map(|n| (
                    n.id(),
                    n.kind,
                    &n.label,
                    &n.label_en,
                    &n.aliases,
                    graph.node_evidence(n)
                ))
                .collect::<Vec<_>>(),
            // not the petgraph indices, which follow the order of insertion
            graph
                .edges_sorted()
                .iter()
                // the sentence's text, not its number in the store
                .map(|e| {
                    let sentence = graph.sentence(e.edge).unwrap();
                    let edge = (e.edge.relation, e.evidence, sentence);
                    (e.source.id(), edge, e.target.id())
                })
                .collect::<Vec<_>>()
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
            let mut builder = GraphBuilder::with_batch_size(16);
            docs.iter().for_each(|d| builder.add(d));
            builder.finish()
        });
        assert_eq!(dump(&one_by_one), expected);

        // Reversed input, uneven batches, four threads on two cores.
        let batched = with_threads(4, || {
            let mut builder = GraphBuilder::new();
            let mut reversed = docs.clone();
            reversed.reverse();
            for chunk in reversed.chunks(17) {
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
    fn a_graph_keeping_what_a_level_writes_writes_the_same_at_that_level() {
        use crate::export::Provenance;
        // the samples and some generated articles: facts stated in several
        // documents, and spilled (4 KB of memory)
        let docs = &documents()[40..];
        let build = |kept: EvidenceKept| {
            let mut builder = GraphBuilder::with_batch_size(16)
                .with_memory(1 << 12)
                .keeping(kept);
            docs.iter().for_each(|d| builder.add(d));
            builder.finish()
        };
        let every = build(EvidenceKept::Every);
        for provenance in [Provenance::None, Provenance::Edge, Provenance::Full] {
            let kept = build(provenance.evidence_kept());
            let options = ExportOptions {
                provenance,
                ..ExportOptions::default()
            };
            for format in [
                Format::Turtle,
                Format::Nquads,
                Format::Graphml,
                Format::Html,
            ] {
                let write = |graph: &KnowledgeGraph| {
                    let mut out = Vec::new();
                    export::write_stream(graph, format, &options, &mut out).unwrap();
                    out
                };
                assert!(write(&kept) == write(&every), "{format:?} {provenance:?}");
            }
        }
    }

    #[test]
    fn entities_whose_keys_share_a_hash_stay_apart() {
        /// Every key hashes to 0: each entity after the first collides.
        #[derive(Default)]
        struct Zero;
        impl std::hash::Hasher for Zero {
            fn finish(&self) -> u64 {
                0
            }
            fn write(&mut self, _: &[u8]) {}
        }
        let entity = |kind, label: &str, label_en: Option<&str>| Entity {
            kind,
            label: label.to_string(),
            label_en: label_en.map(str::to_string),
            aliases: Vec::new(),
            short_forms: Vec::new(),
            evidence: Vec::new(),
        };
        let entities = vec![
            entity(NodeKind::Person, "Lê Văn Tám", None),
            entity(NodeKind::Place, "Lê Văn Tám", None),
            entity(NodeKind::Person, "Lê Văn Tám", Some("Le Van Tam")),
        ];
        let mut index: EntityIndex<std::hash::BuildHasherDefault<Zero>> = EntityIndex {
            hasher: Default::default(),
            by_hash: FastMap::default(),
            collisions: HashMap::new(),
        };
        for (ix, e) in entities.iter().enumerate() {
            assert_eq!(index.get(&entities[..ix], e), None);
            index.insert(e, ix);
        }
        for (ix, e) in entities.iter().enumerate() {
            assert_eq!(index.get(&entities, &e.clone()), Some(ix));
        }
        let unknown = entity(NodeKind::Role, "Lê Văn Tám", None);
        assert_eq!(index.get(&entities, &unknown), None);
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
