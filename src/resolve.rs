//! Entity resolution: one node per real-world thing, within and across
//! documents, then the graph.
//!
//! Two entities of one kind are the same thing when they share a name: a
//! label or an alias (an acronym, a variant spelling, a long form), compared
//! by slug, so case and diacritics do not matter ("Antonio Guterres" and
//! "António Guterres"). Short forms that only name something in the context
//! of their own article ("Lễ mở ký", "Công ước") never link documents. The
//! canonical label of a merged node is chosen from its members' labels by
//! completeness alone, so it does not depend on the order of the input.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rayon::prelude::*;

use crate::extract::{DocFacts, Entity};
use petgraph::graph::NodeIndex;

use crate::graph::{node_id_hash, slug, Aliases, Evidence, KnowledgeGraph, NodeKind};
use crate::lexicon::FastMap;

/// The words of the labels of events and documents, for the containment
/// test: each word of a label's slug as a number (words spelled the same,
/// the same number), all labels' numbers one after another. Four bytes a
/// word and no allocation a label: at 1 GB of news there are a million such
/// labels.
#[derive(Default)]
struct LabelWords {
    /// Number by word.
    numbers: FastMap<Box<str>, u32>,
    /// Every worded label's word numbers, label after label.
    words: Vec<u32>,
    labels: Vec<WordedLabel>,
}

/// One worded entity of [`LabelWords`]: its index, kind and where its words
/// are in [`LabelWords::words`].
#[derive(Clone, Copy)]
struct WordedLabel {
    ix: u32,
    kind: NodeKind,
    start: usize,
    len: u32,
}

impl WordedLabel {
    /// How many words the slug has.
    fn words(&self) -> usize {
        self.len as usize
    }

    /// Its kind and first two words: the bucket it is compared within.
    fn bucket<'w>(&self, words: &'w [u32]) -> (NodeKind, &'w [u32]) {
        (self.kind, &words[self.start..self.start + 2])
    }

    fn word_numbers<'w>(&self, words: &'w [u32]) -> &'w [u32] {
        &words[self.start..self.start + self.words()]
    }

    /// Whether each of its words is one of `other`'s.
    fn words_in(&self, other: &WordedLabel, words: &[u32]) -> bool {
        let theirs = other.word_numbers(words);
        self.word_numbers(words).iter().all(|w| theirs.contains(w))
    }
}

impl LabelWords {
    /// The labels of two words or more among `entities`' events and
    /// documents, slugged in parallel a slice at a time (not all slugs held
    /// at once) and numbered in entity order.
    fn of(entities: &[Entity]) -> Self {
        const SLICE: usize = 16 * 1024;
        let mut label_words = LabelWords::default();
        for (slice_no, slice) in entities.chunks(SLICE).enumerate() {
            let slugs: Vec<(usize, NodeKind, String)> = slice
                .par_iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.kind, NodeKind::Event | NodeKind::Document))
                .map(|(at, e)| (slice_no * SLICE + at, e.kind, slug(&e.label)))
                .collect();
            for (ix, kind, slug) in slugs {
                label_words.push(ix, kind, &slug);
            }
        }
        label_words.labels.shrink_to_fit();
        label_words.words.shrink_to_fit();
        label_words
    }

    /// Adds the entity `ix` of `slug`, if its slug has two words or more.
    fn push(&mut self, ix: usize, kind: NodeKind, slug: &str) {
        if !slug.contains('-') {
            return;
        }
        let start = self.words.len();
        for word in slug.split('-') {
            let next = self.numbers.len() as u32;
            let number = match self.numbers.get(word) {
                Some(&number) => number,
                None => *self.numbers.entry(Box::from(word)).or_insert(next),
            };
            self.words.push(number);
        }
        self.labels.push(WordedLabel {
            ix: ix as u32,
            kind,
            start,
            len: (self.words.len() - start) as u32,
        });
    }
}

/// A name contained in another merges with it only from this many words:
/// shorter ones ("Lễ ký Công ước") are too generic across articles.
const MIN_CONTAINED_WORDS: usize = 6;
/// Buckets larger than this skip the word-containment comparison, which is
/// quadratic.
const MAX_BUCKET: usize = 256;

/// Merges the documents' entities and facts into one graph. `sources[i]` is
/// the name of the document `docs[i]` was read from.
pub fn resolve(sources: &[String], mut docs: Vec<DocFacts>) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for name in sources.iter().take(docs.len()) {
        graph.add_source(name);
    }
    // every entity of every document, its mentions set apart
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<(u32, Evidence)> = Vec::new();
    let mut doc_offsets = Vec::with_capacity(docs.len());
    for doc in &mut docs {
        doc_offsets.push(entities.len());
        for mut entity in std::mem::take(&mut doc.entities) {
            let ix = entities.len() as u32;
            mentions.extend(entity.evidence.drain(..).map(|ev| (ix, ev)));
            entities.push(entity);
        }
    }
    let nodes = resolve_entities(&mut graph, entities);
    let fed: Result<(), ()> = nodes.set_mentions(&mut graph, |each| {
        mentions.iter().for_each(|&(entity, ev)| each(entity, ev));
        Ok(())
    });
    debug_assert!(fed.is_ok());
    for (d, doc) in docs.into_iter().enumerate() {
        for fact in doc.facts {
            let (Some(&s), Some(&o)) = (
                nodes.node_of.get(doc_offsets[d] + fact.subject),
                nodes.node_of.get(doc_offsets[d] + fact.object),
            ) else {
                continue;
            };
            if s != o {
                graph.add_edge(s, fact.relation, o, fact.evidence, &fact.sentence);
            }
        }
    }
    graph
}

/// The node of each entity resolution was given, and each entity's place in
/// the order the nodes' members were merged in (which of two equal mentions
/// a node keeps).
#[derive(Debug)]
pub(crate) struct EntityNodes {
    pub node_of: Vec<NodeIndex>,
    rank: Vec<u32>,
}

impl EntityNodes {
    /// Gives each node the mentions of its members: `feed` hands over
    /// (entity, evidence) in the order the entities were mentioned, the
    /// same each time it is called (once, or twice for summaries); they
    /// are sorted, and of equal mentions the first member's first kept.
    pub(crate) fn set_mentions<E>(
        &self,
        graph: &mut KnowledgeGraph,
        mut feed: impl FnMut(&mut dyn FnMut(u32, Evidence)) -> Result<(), E>,
    ) -> Result<(), E> {
        if graph.sums_up_mentions() {
            return self.set_mention_summaries(graph, feed);
        }
        let mut per_node: Vec<Vec<(Evidence, u32)>> = vec![Vec::new(); graph.node_count()];
        feed(&mut |entity, ev| {
            let entity = entity as usize;
            per_node[self.node_of[entity].index()].push((ev, self.rank[entity]));
        })?;
        for (ix, mut evidence) in per_node.into_iter().enumerate() {
            // stable: of equal (mention, member) the first mentioned stays
            evidence.sort_by_key(|(ev, rank)| (ev.sort_key(), *rank));
            evidence.dedup_by_key(|(ev, _)| ev.sort_key());
            graph.set_node_evidence(
                NodeIndex::new(ix),
                evidence.into_iter().map(|(ev, _)| ev).collect(),
            );
        }
        Ok(())
    }

    /// [`EntityNodes::set_mentions`] into a graph that keeps a summary of
    /// each node's mentions: the mentions of one document at a time are
    /// sorted and told apart as there, then counted, so that no list of a
    /// node's mentions is held. `feed` hands them over document by document,
    /// as the builder collected them, twice: first to count each node's
    /// documents (so that the summaries are made at once, each its exact
    /// size), then to write the documents into them.
    fn set_mention_summaries<E>(
        &self,
        graph: &mut KnowledgeGraph,
        mut feed: impl FnMut(&mut dyn FnMut(u32, Evidence)) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut tallies: Vec<MentionTally> = vec![MentionTally::default(); graph.node_count()];
        // (node, member rank, mention) of the document being read
        let mut document: Vec<(u32, u32, Evidence)> = Vec::new();
        feed(&mut |entity, ev| {
            if document
                .first()
                .is_some_and(|(_, _, first)| first.doc != ev.doc)
            {
                tally_document(&mut document, &mut tallies);
            }
            let entity = entity as usize;
            document.push((self.node_of[entity].index() as u32, self.rank[entity], ev));
        })?;
        tally_document(&mut document, &mut tallies);
        drop(document);
        let summed_up = |tally: &MentionTally| tally.count > 1;
        let words = tallies.iter().filter(|t| summed_up(t));
        graph.reserve_node_summaries(words.map(|t| 2 + t.docs as usize).sum());
        // how many documents each summary has been given, once made
        let mut written: Vec<u32> = Vec::with_capacity(tallies.len());
        for (ix, tally) in tallies.into_iter().enumerate() {
            graph.set_node_summary(
                NodeIndex::new(ix),
                tally.count,
                tally.confidence,
                tally.docs as usize,
                tally.only.filter(|_| tally.count == 1),
            );
            written.push(if summed_up(&tally) { 0 } else { u32::MAX });
        }
        // a node's mentions in one document come together: a document is
        // new to it when it differs from the last one written
        feed(&mut |entity, ev| {
            let node = self.node_of[entity as usize];
            let count = &mut written[node.index()];
            if *count == u32::MAX {
                return;
            }
            let docs = graph.node_summary_docs_mut(node);
            if *count == 0 || docs[*count as usize - 1] != ev.doc {
                docs[*count as usize] = ev.doc;
                *count += 1;
            }
        })?;
        for (ix, count) in written.into_iter().enumerate() {
            if count != u32::MAX {
                // documents come in the order collected, not renumbered
                let docs = graph.node_summary_docs_mut(NodeIndex::new(ix));
                debug_assert_eq!(docs.len(), count as usize);
                docs.sort_unstable();
                debug_assert!(docs.windows(2).all(|w| w[0] < w[1]));
            }
        }
        Ok(())
    }
}

/// What a node's mentions come to: how many, the highest confidence, in
/// how many documents, and the first mention (the only one when there is
/// one).
#[derive(Clone, Copy, Debug, Default)]
struct MentionTally {
    count: u32,
    confidence: f32,
    docs: u32,
    only: Option<Evidence>,
}

/// Adds the mentions of one document, `document` (emptied), to the nodes'
/// tallies: of equal mentions of a node the first member's first is kept,
/// as [`EntityNodes::set_mentions`] keeps it.
fn tally_document(document: &mut Vec<(u32, u32, Evidence)>, tallies: &mut [MentionTally]) {
    document.sort_by_key(|&(node, rank, ev)| (node, ev.sort_key(), rank));
    document.dedup_by_key(|&mut (node, _, ev)| (node, ev.sort_key()));
    for mentions in document.chunk_by(|a, b| a.0 == b.0) {
        let (node, _, first) = mentions[0];
        let tally = &mut tallies[node as usize];
        tally.only.get_or_insert(first);
        tally.count += mentions.len() as u32;
        tally.confidence = mentions
            .iter()
            .map(|(_, _, ev)| ev.confidence)
            .fold(tally.confidence, f32::max);
        tally.docs += 1;
    }
    document.clear();
}

/// Resolves `entities` (their mentions left out) into nodes of `graph`,
/// without evidence: [`EntityNodes::set_mentions`] adds it. The entities'
/// names move into the nodes, so the two are not both held.
pub(crate) fn resolve_entities(graph: &mut KnowledgeGraph, entities: Vec<Entity>) -> EntityNodes {
    let mut parent: Vec<usize> = (0..entities.len()).collect();
    let hasher = foldhash::fast::FixedState::default();
    link_by_name(&entities, &mut parent, |kind, key| {
        hasher.hash_one((kind, key))
    });
    // long names of events and documents that another document's name
    // contains word for word ("Hội nghị cấp cao của Liên hợp quốc về chống
    // tội phạm mạng" in "Hội nghị cấp cao Công ước của Liên hợp quốc về
    // chống tội phạm mạng"): compared within buckets of the first two words
    let LabelWords {
        words, mut labels, ..
    } = LabelWords::of(&entities);
    // within a bucket by index, so that which names join does not depend
    // on how the sort orders equal buckets
    labels.sort_unstable_by(|a, b| (a.bucket(&words), a.ix).cmp(&(b.bucket(&words), b.ix)));
    for members in labels.chunk_by(|a, b| a.bucket(&words) == b.bucket(&words)) {
        if members.len() > MAX_BUCKET {
            continue;
        }
        for a in members.iter().filter(|a| a.words() >= MIN_CONTAINED_WORDS) {
            let mut longer: Vec<&WordedLabel> = members
                .iter()
                .filter(|b| a.words() < b.words() && a.words_in(b, &words))
                .collect();
            // a name that two names apart both contain ("Lễ khai mạc Diễn
            // đàn an ninh mạng" in the forums of 2020 and of 2021) is
            // either's, so neither's: it would join them. Containment is
            // transitive, so the longer names are one thing when each, by
            // length, is in the next
            longer.sort_by_key(|b| b.words());
            if longer
                .windows(2)
                .all(|pair| pair[0].words_in(pair[1], &words))
            {
                for b in longer {
                    union(&mut parent, a.ix as usize, b.ix as usize);
                }
            }
        }
    }
    drop((words, labels));
    // the members of each cluster, clusters in the order of their root
    let mut by_root: Vec<(usize, usize)> = (0..entities.len())
        .map(|ix| (find(&mut parent, ix), ix))
        .collect();
    drop(parent);
    by_root.sort_unstable();
    let clusters: Vec<&[(usize, usize)]> = by_root.chunk_by(|a, b| a.0 == b.0).collect();
    let count = entities.len();
    // the entities put in cluster order in place, each cluster a slice of
    // them: a `Vec` per cluster would copy every entity (and take room for
    // four, most clusters having one)
    let mut entities = entities;
    let mut order: Vec<usize> = by_root.iter().map(|&(_, ix)| ix).collect();
    permute(&mut entities, &mut order);
    drop(order);
    let mut members: Vec<&mut [Entity]> = Vec::with_capacity(clusters.len());
    let mut rest = entities.as_mut_slice();
    for cluster in &clusters {
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(cluster.len());
        members.push(head);
        rest = tail;
    }
    // each cluster's node worked out in parallel, added in cluster order,
    // a slice of clusters at a time: not every cluster's node held at once
    // beside the graph's (1 GB of news: 961 MiB at its top, now 847)
    const CLUSTER_SLICE: usize = 64 * 1024;
    let mut nodes = EntityNodes {
        node_of: vec![NodeIndex::end(); count],
        rank: vec![0; count],
    };
    let mut next_rank = 0u32;
    graph.reserve_nodes(clusters.len());
    // The names are copied for the nodes on a thread of their own, which
    // allocates nothing else: mimalloc (the binary's allocator) gives each
    // thread pages of its own, so the names, held to the end, fill pages
    // of their own instead of the holes the entities' freed names leave
    // behind, and the entities' pages are given back whole (1 GB of news:
    // peak RSS 1275 -> 1039 MB; moved, not copied, 1171 MiB at the
    // graph's end against 933). A panic there is the scope's.
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let slices = clusters
                .chunks(CLUSTER_SLICE)
                .zip(members.chunks_mut(CLUSTER_SLICE));
            for (clusters, members) in slices {
                let made: Vec<Option<ClusterNode>> = members
                    .par_iter_mut()
                    .map(|members| cluster_node(members))
                    .collect();
                for (members, made) in clusters.iter().zip(made) {
                    let Some(made) = made else { continue };
                    let node = graph.add_node_with_id(
                        made.id_hash,
                        made.kind,
                        Box::from(&*made.label),
                        made.label_en.as_deref().map(Box::from),
                        made.aliases.clone(),
                    );
                    for &(_, ix) in members.iter() {
                        nodes.node_of[ix] = node;
                        nodes.rank[ix] = next_rank;
                        next_rank += 1;
                    }
                }
            }
        });
    });
    drop(members);
    drop(entities);
    graph.forget_node_ids();
    nodes
}

/// Unites the entities of one kind that share a merge key. The keys are
/// slugged in parallel and kept as 64-bit hashes, not strings: a hash
/// names the first entity that had a key of that hash, and on a hit the
/// exact keys of both are compared (slugged again); a key whose hash another
/// key took first is looked up by its text. `hash` hashes a kind's key.
fn link_by_name(
    entities: &[Entity],
    parent: &mut [usize],
    hash: impl Fn(NodeKind, &str) -> u64 + Sync,
) {
    let hash = &hash;
    let hashes: Vec<(u32, u64)> = entities
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ix, entity)| {
            merge_keys(entity)
                .into_iter()
                .map(move |key| (ix as u32, hash(entity.kind, &key)))
        })
        .collect();
    let mut first_of: FastMap<u64, u32> = FastMap::default();
    let mut collided: FastMap<(NodeKind, String), usize> = FastMap::default();
    for entity_hashes in hashes.chunk_by(|a, b| a.0 == b.0) {
        let ix = entity_hashes[0].0 as usize;
        let entity = &entities[ix];
        // the entity's keys, slugged again only when one of its hashes hits
        let mut own_keys: Option<Vec<String>> = None;
        for &(_, h) in entity_hashes {
            let other = match first_of.entry(h) {
                Entry::Occupied(other) => *other.get() as usize,
                Entry::Vacant(first) => {
                    first.insert(ix as u32);
                    continue;
                }
            };
            let keys = own_keys.get_or_insert_with(|| merge_keys(entity));
            let other_keys = merge_keys(&entities[other]);
            for key in keys.iter().filter(|key| hash(entity.kind, key) == h) {
                if entities[other].kind == entity.kind && other_keys.contains(key) {
                    union(parent, ix, other);
                    continue;
                }
                match collided.entry((entity.kind, key.clone())) {
                    Entry::Occupied(first) => union(parent, ix, *first.get()),
                    Entry::Vacant(first) => {
                        first.insert(ix);
                    }
                }
            }
        }
    }
}

/// The node a cluster of entities makes, before it is added to the graph.
struct ClusterNode {
    /// Its id's [`node_id_hash`].
    id_hash: u64,
    kind: NodeKind,
    label: Box<str>,
    label_en: Option<Box<str>>,
    aliases: Aliases,
}

/// The node of the entities `members` of one cluster (`None` if there is
/// none). The members' names are freed as it is made, so that they and the
/// nodes' are not all held at once.
fn cluster_node(members: &mut [Entity]) -> Option<ClusterNode> {
    let kind = members.first()?.kind;
    let canonical = canonical_label(members);
    let label_en = members
        .iter()
        .filter_map(|e| e.label_en.as_deref())
        .min_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)))
        .map(Box::from);
    let label = &members[canonical].label;
    let aliases: Aliases = members
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.label)
                .chain(&e.aliases)
                .chain(&e.short_forms)
        })
        .filter(|&name| name != label)
        .collect();
    let label = std::mem::take(&mut members[canonical].label).into_boxed_str();
    for e in members.iter_mut() {
        e.label_en = None;
        e.aliases = Vec::new();
        e.short_forms = Vec::new();
        e.label = String::new();
    }
    Some(ClusterNode {
        id_hash: node_id_hash(kind, &label),
        kind,
        label,
        label_en,
        aliases,
    })
}

/// Reorders `items` so that item `i` is the one that was at `order[i]`
/// (`order` a permutation of the indices, used up), in place.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        // each cycle of the permutation followed once, its slots marked done
        while order[at] != usize::MAX {
            let from = std::mem::replace(&mut order[at], usize::MAX);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The names by which an entity may be the same as another document's: its
/// label and aliases by slug; for documents and events also without
/// "của" ("Công ước của Liên hợp quốc về ..." = "Công ước Liên hợp quốc về
/// ...").
fn merge_keys(e: &Entity) -> Vec<String> {
    let label_words = e.label.split_whitespace().count();
    let mut keys = Vec::new();
    for name in std::iter::once(&e.label).chain(
        e.aliases
            .iter()
            .filter(|a| links_documents(e, a, label_words)),
    ) {
        let key = slug(name);
        if matches!(e.kind, NodeKind::Document | NodeKind::Event) {
            let without_cua: Vec<&str> = key.split('-').filter(|w| *w != "cua").collect();
            keys.push(without_cua.join("-"));
        }
        keys.push(key);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Whether an alias may link `e` to entities of other documents. A date's
/// surface forms ("2/5", "Chiều 2/5") name a day only with their article's
/// year, and a person named by the given name alone ("ông Sang") is that
/// article's Sang: across documents a date links by its ISO label, a person
/// by the full name or a spelling of it with as many words.
fn links_documents(e: &Entity, alias: &str, label_words: usize) -> bool {
    match e.kind {
        NodeKind::Date => false,
        NodeKind::Person => alias.split_whitespace().count() >= label_words.max(2),
        _ => true,
    }
}

/// Which of a cluster's entities (not empty) has the most complete label:
/// the most words, then the most letters with diacritics (more bytes), then
/// the first in Unicode order.
fn canonical_label(entities: &[Entity]) -> usize {
    let key = |e: &Entity| (e.label.chars().count(), e.label.len());
    (0..entities.len())
        .max_by(|&a, &b| {
            let (a, b) = (&entities[a], &entities[b]);
            key(a).cmp(&key(b)).then_with(|| b.label.cmp(&a.label))
        })
        .unwrap_or_default()
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // the smaller index is the root: deterministic
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Fact;
    use crate::graph::{Evidence, Relation};

    fn ev(doc: u32) -> Evidence {
        Evidence {
            doc,
            sentence: 0,
            start: 0,
            end: 1,
            confidence: 0.9,
        }
    }

    fn ent(kind: NodeKind, label: &str, aliases: &[&str], short: &[&str], doc: u32) -> Entity {
        Entity {
            kind,
            label: label.to_string(),
            label_en: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            short_forms: short.iter().map(|s| s.to_string()).collect(),
            evidence: vec![ev(doc)],
        }
    }

    #[test]
    fn label_words_number_each_word_once_across_slices() {
        // more entities than one slice holds, so that numbering goes on
        // from one slice to the next
        let labels = ["Hội chợ Gốm Bát Tràng", "Gốm", "Hội chợ sách", "Lễ hội gốm"];
        let entities: Vec<Entity> = (0..40_000)
            .map(|i| {
                let kind = match i % 3 {
                    0 => NodeKind::Event,
                    1 => NodeKind::Person,
                    _ => NodeKind::Document,
                };
                ent(kind, labels[i % labels.len()], &[], &[], 0)
            })
            .collect();
        let label_words = LabelWords::of(&entities);
        let worded: Vec<usize> = (0..entities.len())
            .filter(|&ix| ix % 3 != 1 && labels[ix % labels.len()] != "Gốm")
            .collect();
        let ixs: Vec<usize> = label_words.labels.iter().map(|l| l.ix as usize).collect();
        assert_eq!(ixs, worded);
        // "hoi", "cho", "gom", "bat", "trang", "sach", "le"
        assert_eq!(label_words.numbers.len(), 7);
        let words = |l: &WordedLabel| l.word_numbers(&label_words.words).to_vec();
        let fair = words(&label_words.labels[0]);
        assert_eq!(fair.len(), 5);
        for label in &label_words.labels {
            let text = labels[label.ix as usize % labels.len()];
            assert_eq!(label.words(), slug(text).split('-').count());
            if text == labels[0] {
                assert_eq!(words(label), fair);
            }
        }
        let [books, festival] = [2, 3].map(|at| {
            let ix = worded
                .iter()
                .position(|&ix| ix % labels.len() == at)
                .unwrap();
            label_words.labels[ix]
        });
        let (hoi, gom) = (fair[0], fair[2]);
        assert_eq!(&words(&books)[..2], &fair[..2]);
        assert_eq!(words(&festival), vec![words(&festival)[0], hoi, gom]);
        assert!(!books.words_in(&label_words.labels[0], &label_words.words));
    }

    #[test]
    fn names_link_the_same_when_every_hash_collides() {
        let entities = vec![
            ent(NodeKind::Person, "Minh Khoa Trần", &[], &[], 0),
            ent(NodeKind::Organization, "Hội Thợ Gốm", &["HTG"], &[], 0),
            ent(NodeKind::Person, "Lưu Bảo Ngân", &[], &[], 0),
            ent(NodeKind::Organization, "HTG", &[], &[], 1),
            ent(NodeKind::Person, "Minh Khoa Tran", &[], &[], 1),
            ent(NodeKind::Place, "HTG", &[], &[], 1),
        ];
        let roots = |hash: &(dyn Fn(NodeKind, &str) -> u64 + Sync)| {
            let mut parent: Vec<usize> = (0..entities.len()).collect();
            link_by_name(&entities, &mut parent, |kind, key| hash(kind, key));
            (0..entities.len())
                .map(|ix| find(&mut parent, ix))
                .collect::<Vec<_>>()
        };
        let hasher = foldhash::fast::FixedState::default();
        let exact = roots(&|kind, key| hasher.hash_one((kind, key)));
        assert_eq!(exact, [0, 1, 2, 1, 0, 5]);
        assert_eq!(roots(&|_, _| 7), exact);
        assert_eq!(roots(&|_, key| key.len() as u64), exact);
    }

    fn two_docs(first_first: bool) -> KnowledgeGraph {
        let a = DocFacts {
            entities: vec![
                ent(NodeKind::Person, "Antonio Ferreira", &[], &[], 0),
                ent(
                    NodeKind::Document,
                    "Hiệp ước Lisboa về nghề cá",
                    &["Hiệp ước Lisboa"],
                    &["Hiệp ước"],
                    0,
                ),
            ],
            facts: vec![Fact {
                subject: 0,
                relation: Relation::Signed,
                object: 1,
                evidence: ev(0),
                sentence: "s".into(),
            }],
        };
        let b = DocFacts {
            entities: vec![
                ent(NodeKind::Person, "António Ferreira", &[], &[], 1),
                ent(NodeKind::Document, "Hiệp ước Lisboa", &[], &[], 1),
                // a different treaty, known by the same short form
                ent(NodeKind::Document, "Hiệp ước Porto", &[], &["Hiệp ước"], 1),
            ],
            facts: vec![],
        };
        let names = vec!["a.txt".to_string(), "b.txt".to_string()];
        if first_first {
            resolve(&names, vec![a, b])
        } else {
            resolve(&names, vec![b, a])
        }
    }

    #[test]
    fn variants_merge_and_short_forms_do_not() {
        let g = two_docs(true);
        let people: Vec<_> = g
            .nodes_sorted()
            .into_iter()
            .filter(|n| n.kind == NodeKind::Person)
            .collect();
        assert_eq!(people.len(), 1);
        assert_eq!(&*people[0].label, "António Ferreira");
        assert!(people[0].aliases.contains("Antonio Ferreira"));
        let docs: Vec<_> = g
            .nodes_sorted()
            .into_iter()
            .filter(|n| n.kind == NodeKind::Document)
            .collect();
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert!(docs
            .iter()
            .any(|d| &*d.label == "Hiệp ước Lisboa về nghề cá"));
        assert_eq!(g.edge_count(), 1);
    }

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        let mut order = vec![2, 0, 1, 3, 5, 4];
        permute(&mut items, &mut order);
        assert_eq!(items, ['c', 'a', 'b', 'd', 'f', 'e']);
    }

    #[test]
    fn labels_do_not_depend_on_input_order() {
        let ids = |g: &KnowledgeGraph| -> Vec<(String, String)> {
            g.nodes_sorted()
                .iter()
                .map(|n| (n.id().to_string(), n.label.to_string()))
                .collect()
        };
        assert_eq!(ids(&two_docs(true)), ids(&two_docs(false)));
    }
}

#[cfg(test)]
mod corpus_tests {
    use crate::graph::NodeKind;
    use crate::{build_graph, Document};

    #[test]
    fn acronyms_spellings_and_roles_agree_across_articles() {
        let a = Document::new(
            "a.txt",
            "Tổng Thư ký Liên hợp quốc Sven Lindahl phát biểu tại Hà Nội ngày 1/6/2024.",
        );
        let b = Document::new(
            "b.txt",
            "Tổng thư ký LHQ Sven Lindahl gặp Thủ tướng Thái Lan. Liên Hiệp Quốc sẽ hỗ trợ.",
        );
        let g = build_graph(vec![a, b]);
        let of = |kind: NodeKind| -> Vec<String> {
            g.nodes_sorted()
                .iter()
                .filter(|n| n.kind == kind)
                .map(|n| n.label.to_string())
                .collect()
        };
        assert_eq!(of(NodeKind::Person), ["Sven Lindahl"]);
        assert_eq!(of(NodeKind::Organization), ["Liên hợp quốc"]);
        assert!(of(NodeKind::Role).contains(&"Tổng Thư ký Liên hợp quốc".to_string()));
        let un = g.find("organization/lien-hop-quoc").expect("one UN node");
        assert_eq!(g.node(un).label_en.as_deref(), Some("United Nations"));
        assert!(g.node(un).aliases.contains("LHQ"));
    }

    #[test]
    fn the_same_documents_in_another_order_give_the_same_graph() {
        let docs = || {
            vec![
                Document::new(
                    "x.txt",
                    "Lễ ký Hiệp ước Azores về nghề cá (Hiệp ước Azores) diễn ra tại Lisbon.",
                ),
                Document::new("y.txt", "Bà Inês Carvalho dự Lễ ký Hiệp ước Azores."),
            ]
        };
        let ids = |g: &crate::KnowledgeGraph| -> Vec<(String, Vec<String>)> {
            g.nodes_sorted()
                .iter()
                .map(|n| {
                    (
                        n.id().to_string(),
                        n.aliases.iter().map(str::to_string).collect(),
                    )
                })
                .collect()
        };
        let forward = build_graph(docs());
        let backward = build_graph(docs().into_iter().rev());
        assert_eq!(ids(&forward), ids(&backward));
    }
}
