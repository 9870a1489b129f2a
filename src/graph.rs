//! The knowledge graph: typed nodes, typed directed edges, and the provenance
//! of each, held in one petgraph graph.
//!
//! Node ids are made from the node kind and the canonical name alone
//! (`person/luong-tam-quang`), so the same thing gets the same id in every
//! format, every run, and whatever else is in the input.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

pub use crate::evidence::{Evidence, EvidenceKept, EvidenceRef};
use crate::evidence::{EvidenceStore, Keep, StoredEvidence};
pub use crate::hash::{fnv1a, fnv1a_extend};
pub use crate::sentence_store::SentenceId;
use crate::sentence_store::SentenceStore;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use rayon::prelude::*;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Person,
    Organization,
    Country,
    Place,
    Role,
    Event,
    Date,
    Document,
}

impl NodeKind {
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Country,
        NodeKind::Place,
        NodeKind::Role,
        NodeKind::Event,
        NodeKind::Date,
        NodeKind::Document,
    ];

    /// The class name used in every export (`Person`, `Organization`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Country => "Country",
            NodeKind::Place => "Place",
            NodeKind::Role => "Role",
            NodeKind::Event => "Event",
            NodeKind::Date => "Date",
            NodeKind::Document => "Document",
        }
    }

    /// The lower-case prefix of node ids of this kind (`person`, ...).
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Country => "country",
            NodeKind::Place => "place",
            NodeKind::Role => "role",
            NodeKind::Event => "event",
            NodeKind::Date => "date",
            NodeKind::Document => "document",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A directed relation between two nodes; the names are those of
/// `GUIDELINES.md` and of the ontology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    HoldsRole,
    RoleIn,
    MemberOf,
    ParticipatedIn,
    OrganizedBy,
    Date,
    Location,
    PartOf,
    Signed,
    About,
}

impl Relation {
    pub const ALL: [Relation; 10] = [
        Relation::HoldsRole,
        Relation::RoleIn,
        Relation::MemberOf,
        Relation::ParticipatedIn,
        Relation::OrganizedBy,
        Relation::Date,
        Relation::Location,
        Relation::PartOf,
        Relation::Signed,
        Relation::About,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::HoldsRole => "holdsRole",
            Relation::RoleIn => "roleIn",
            Relation::MemberOf => "memberOf",
            Relation::ParticipatedIn => "participatedIn",
            Relation::OrganizedBy => "organizedBy",
            Relation::Date => "date",
            Relation::Location => "location",
            Relation::PartOf => "partOf",
            Relation::Signed => "signed",
            Relation::About => "about",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node's other names, sorted, each once, packed in one string with
/// where each ends: a `String` a name would take 24 bytes and an allocation
/// apiece (most nodes have none or one, some dozens).
#[derive(Clone, Default, PartialEq)]
pub struct Aliases {
    /// The names one after another.
    text: Box<str>,
    /// Where each name ends in `text` (a node's names are far below 4 GB).
    ends: Box<[u32]>,
}

impl Aliases {
    /// The `i`th name in sorted order.
    fn get(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.text[start..self.ends[i] as usize]
    }

    /// Where `alias` is, or would be inserted to keep the names sorted.
    fn position(&self, alias: &str) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.get(mid).cmp(alias) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(low)
    }

    pub fn contains(&self, alias: &str) -> bool {
        self.position(alias).is_ok()
    }

    /// The names in sorted order.
    pub fn iter(&self) -> AliasIter<'_> {
        AliasIter {
            aliases: self,
            next: 0..self.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Packs `names`, sorted and each once, exactly sized.
    fn packed<'a>(names: impl IntoIterator<Item = &'a str> + Clone) -> Self {
        let text: String = names.clone().into_iter().collect();
        let mut end = 0;
        let ends = names
            .into_iter()
            .map(|name| {
                end += name.len() as u32;
                end
            })
            .collect();
        Aliases {
            text: text.into_boxed_str(),
            ends,
        }
    }

    /// Adds the names of `more` but `except` that are not there yet
    /// (repacked: a node is rarely given more names once made).
    fn extend_except(&mut self, more: &Aliases, except: &str) {
        if more
            .iter()
            .any(|name| name != except && !self.contains(name))
        {
            *self = self
                .iter()
                .chain(more.iter().filter(|&name| name != except))
                .collect();
        }
    }

    pub(crate) fn remove(&mut self, alias: &str) {
        if let Ok(at) = self.position(alias) {
            let names = self.iter().take(at).chain(self.iter().skip(at + 1));
            *self = Aliases::packed(names);
        }
    }
}

impl<S: AsRef<str> + Ord> FromIterator<S> for Aliases {
    fn from_iter<I: IntoIterator<Item = S>>(names: I) -> Self {
        let mut names: Vec<S> = names.into_iter().collect();
        names.sort_unstable();
        names.dedup();
        Aliases::packed(names.iter().map(AsRef::as_ref))
    }
}

impl fmt::Debug for Aliases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Aliases {
    type Item = &'a str;
    type IntoIter = AliasIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The names of [`Aliases`], in sorted order.
#[derive(Clone, Debug)]
pub struct AliasIter<'a> {
    aliases: &'a Aliases,
    next: std::ops::Range<usize>,
}

impl<'a> Iterator for AliasIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next.next().map(|i| self.aliases.get(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.next.size_hint()
    }
}

impl DoubleEndedIterator for AliasIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.next.next_back().map(|i| self.aliases.get(i))
    }
}

impl ExactSizeIterator for AliasIter<'_> {}

/// One real-world thing. Its names are boxed, exactly sized: a graph of a
/// large corpus holds millions.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// Canonical name (Vietnamese as written, or ISO 8601 for dates).
    pub label: Box<str>,
    /// English name, where the lexicon knows one.
    pub label_en: Option<Box<str>>,
    /// Every other surface form seen.
    pub aliases: Aliases,
    /// Its mentions are in the graph ([`KnowledgeGraph::node_evidence`]).
    evidence: StoredEvidence,
}

/// One fact between two nodes. Its evidence is in the graph
/// ([`KnowledgeGraph::edge_evidence`], [`EdgeRef::evidence`]).
#[derive(Clone, Debug)]
pub struct Edge {
    pub relation: Relation,
    /// The first evidence sentence; its text is
    /// [`KnowledgeGraph::sentence`]'s.
    pub sentence: SentenceId,
    evidence: StoredEvidence,
}

/// A map only looked up, never walked, so its hasher may be the fast,
/// randomly seeded one: the lexicon's `FastMap`, spelled out because the
/// lexicon uses this module.
type LookupMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Node by id, an id held as its 64-bit hash (the node holds the id
/// itself, so it is not held twice); an id whose hash another took first
/// is kept whole in `collided`.
#[derive(Debug, Default)]
struct NodesById {
    by_hash: LookupMap<u64, NodeIndex>,
    collided: LookupMap<String, NodeIndex>,
}

impl NodesById {
    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        foldhash::fast::FixedState::default().hash_one(id)
    }

    /// The node of the id hashing to `hash`; `id` makes the id, only
    /// when a node has that hash.
    fn get(
        &self,
        graph: &DiGraph<Node, Edge>,
        hash: u64,
        id: impl FnOnce() -> String,
    ) -> Option<NodeIndex> {
        let &ix = self.by_hash.get(&hash)?;
        let id = id();
        match graph[ix].id() == id {
            true => Some(ix),
            false => self.collided.get(&id).copied(),
        }
    }

    /// Every node of `graph`.
    fn of(graph: &DiGraph<Node, Edge>) -> Self {
        let mut by_id = NodesById::default();
        for ix in graph.node_indices() {
            let node = &graph[ix];
            by_id.insert(node_id_hash(node.kind, &node.label), || node.id(), ix);
        }
        by_id
    }

    /// How many nodes it holds.
    fn len(&self) -> usize {
        self.by_hash.len() + self.collided.len()
    }

    /// Adds the node `ix` of the id hashing to `hash`, which
    /// [`NodesById::get`] does not find; `id` makes the id, only when
    /// another node has that hash.
    fn insert(&mut self, hash: u64, id: impl FnOnce() -> String, ix: NodeIndex) {
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Vacant(first) => {
                first.insert(ix);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.collided.insert(id(), ix);
            }
        }
    }
}

/// The hash by which the graph finds the node of `kind` and `label` (the
/// hash of its [`node_id`]), made apart from the node: resolution makes
/// them in parallel.
pub(crate) fn node_id_hash(kind: NodeKind, label: &str) -> u64 {
    NodesById::hash(&node_id(kind, label))
}

impl Node {
    /// `kind/slug` ([`node_id`]), stable across runs and inputs: made from
    /// the kind and the label when asked for, not held (the graph of 1 GB
    /// of news has a million nodes).
    pub fn id(&self) -> String {
        node_id(self.kind, &self.label)
    }
}

/// The merged graph of all input documents.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    /// Node by id while nodes are added; empty once they all are
    /// ([`KnowledgeGraph::forget_node_ids`]) or [`KnowledgeGraph::seal`]ed.
    by_id: NodesById,
    /// Edge by fact of the first `facts_indexed` edges, made when
    /// [`KnowledgeGraph::add_edge`] needs it; empty once sealed.
    by_fact: LookupMap<(NodeIndex, Relation, NodeIndex), EdgeIndex>,
    /// How many edges (from the first) `by_fact` holds: the edges the
    /// builder pushes, each known to be new, are looked up by nothing.
    facts_indexed: usize,
    /// Every node in id order once sealed (4 bytes a node instead of a
    /// copy of its id), else empty.
    sorted_nodes: Vec<NodeIndex>,
    sources: Vec<String>,
    /// The texts of the edges' sentences.
    sentences: SentenceStore,
    /// The evidence of the nodes.
    node_evidence: EvidenceStore,
    /// The evidence of the edges.
    edge_evidence: EvidenceStore,
    /// How much of the evidence nodes and edges keep.
    kept: EvidenceKept,
}

impl KnowledgeGraph {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a source document and returns its index for [`Evidence::doc`].
    pub fn add_source(&mut self, name: &str) -> u32 {
        self.sources.push(name.to_string());
        (self.sources.len() - 1) as u32
    }

    /// Source document names, indexed by [`Evidence::doc`].
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Adds a node, or merges into the node of the same id: aliases and
    /// evidence are unioned, and a missing English label is filled in.
    pub fn add_node(
        &mut self,
        kind: NodeKind,
        label: &str,
        label_en: Option<&str>,
        aliases: impl IntoIterator<Item = String>,
        evidence: impl IntoIterator<Item = Evidence>,
    ) -> NodeIndex {
        let ix = self.add_node_with_id(
            node_id_hash(kind, label),
            kind,
            Box::from(label),
            label_en.map(Box::from),
            aliases.into_iter().collect(),
        );
        // appended then sorted once: a node mentioned in every document
        // (a country, say) would cost a shift per mention inserted one by one
        let node = &mut self.graph[ix];
        self.node_evidence.extend(&mut node.evidence, evidence);
        ix
    }

    /// [`KnowledgeGraph::add_node`] without evidence, of a node whose id
    /// hash ([`node_id_hash`]) the caller made: resolution makes them in
    /// parallel.
    pub(crate) fn add_node_with_id(
        &mut self,
        id_hash: u64,
        kind: NodeKind,
        label: Box<str>,
        label_en: Option<Box<str>>,
        aliases: Aliases,
    ) -> NodeIndex {
        self.unseal();
        if self.by_id.len() < self.graph.node_count() {
            self.by_id = NodesById::of(&self.graph);
        }
        match self
            .by_id
            .get(&self.graph, id_hash, || node_id(kind, &label))
        {
            None => {
                let mut aliases = aliases;
                aliases.remove(&label);
                let ix = self.graph.add_node(Node {
                    kind,
                    label,
                    label_en,
                    aliases,
                    evidence: StoredEvidence::default(),
                });
                let graph = &self.graph;
                self.by_id.insert(id_hash, || graph[ix].id(), ix);
                ix
            }
            Some(ix) => {
                let node = &mut self.graph[ix];
                if node.label_en.is_none() {
                    node.label_en = label_en;
                }
                node.aliases.extend_except(&aliases, &node.label);
                ix
            }
        }
    }

    /// Frees the index of nodes by id, which only adding nodes needs, once
    /// resolution has added them all: not held beside the edges (16 bytes
    /// a node and more). Rebuilt if more are added.
    pub(crate) fn forget_node_ids(&mut self) {
        self.by_id = NodesById::default();
    }

    /// Adds a fact, or adds evidence to the same fact already there.
    /// The kept sentence text is that of the earliest evidence.
    pub fn add_edge(
        &mut self,
        source: NodeIndex,
        relation: Relation,
        target: NodeIndex,
        evidence: Evidence,
        sentence: &str,
    ) -> EdgeIndex {
        let sentence = self.sentences.push(sentence);
        self.add_edge_read_in(source, relation, target, evidence, sentence)
    }

    /// [`KnowledgeGraph::add_edge`] with a sentence of the graph's store
    /// (see [`KnowledgeGraph::set_sentences`]).
    pub(crate) fn add_edge_read_in(
        &mut self,
        source: NodeIndex,
        relation: Relation,
        target: NodeIndex,
        evidence: Evidence,
        sentence: SentenceId,
    ) -> EdgeIndex {
        let key = (source, relation, target);
        self.unseal();
        self.index_facts();
        if let Some(&ex) = self.by_fact.get(&key) {
            let edge = &mut self.graph[ex];
            if self.edge_evidence.insert(&mut edge.evidence, evidence) == Some(0) {
                edge.sentence = sentence;
            }
            return ex;
        }
        let evidence = self.edge_evidence.list(evidence);
        let ex = self.graph.add_edge(
            source,
            target,
            Edge {
                relation,
                evidence,
                sentence,
            },
        );
        self.by_fact.insert(key, ex);
        self.facts_indexed = self.graph.edge_count();
        ex
    }

    /// Puts the edges `by_fact` lacks into it.
    fn index_facts(&mut self) {
        let from = self.facts_indexed;
        for ex in (from..self.graph.edge_count()).map(EdgeIndex::new) {
            if let Some((s, t)) = self.graph.edge_endpoints(ex) {
                self.by_fact.insert((s, self.graph[ex].relation, t), ex);
            }
        }
        self.facts_indexed = self.graph.edge_count();
    }

    /// Adds the edge of a fact not in the graph yet, with its evidence
    /// `evidence` (sorted, each once, not empty) as the graph keeps it and
    /// the sentence of the first: the builder makes each edge once, from
    /// every statement sorted by fact.
    pub(crate) fn push_new_edge(
        &mut self,
        source: NodeIndex,
        relation: Relation,
        target: NodeIndex,
        evidence: &[Evidence],
        sentence: SentenceId,
    ) -> EdgeIndex {
        self.unseal();
        let evidence = self.edge_evidence.hold(evidence, self.kept.of_edges());
        self.graph.add_edge(
            source,
            target,
            Edge {
                relation,
                evidence,
                sentence,
            },
        )
    }

    /// Makes `sentences` the graph's store of sentence texts, replacing
    /// one without edges yet: the builder stores the sentences as it
    /// collects the documents, before it makes the edges.
    pub(crate) fn set_sentences(&mut self, sentences: SentenceStore) {
        self.sentences = sentences;
    }

    /// The [`fnv1a`] hash of [`KnowledgeGraph::sentence`]'s text, without
    /// reading it.
    pub fn sentence_hash(&self, edge: &Edge) -> u64 {
        self.sentences.text_hash(edge.sentence)
    }

    /// The length in bytes of [`KnowledgeGraph::sentence`]'s text, without
    /// reading it.
    pub fn sentence_len(&self, edge: &Edge) -> usize {
        self.sentences.text_len(edge.sentence)
    }

    /// Every sentence that states `edge`'s fact, sorted (or as much as the
    /// graph keeps of them).
    pub fn edge_evidence(&self, edge: &Edge) -> EvidenceRef<'_> {
        self.edge_evidence.get(edge.evidence)
    }

    /// Every mention of `node`, sorted (or as much as the graph keeps of
    /// them).
    pub fn node_evidence(&self, node: &Node) -> EvidenceRef<'_> {
        self.node_evidence.get(node.evidence)
    }

    /// The text of `edge`'s first evidence sentence. Read from a temporary
    /// file when the run kept it out of memory, hence the error.
    pub fn sentence(&self, edge: &Edge) -> std::io::Result<Cow<'_, str>> {
        self.sentences.text(edge.sentence)
    }

    /// Room for `edges` more edges, so that petgraph's list of them is not
    /// grown by doubling (the builder knows how many facts it has).
    pub(crate) fn reserve_edges(&mut self, edges: usize) {
        self.graph.reserve_exact_edges(edges);
    }

    /// Room for `nodes` more nodes (see [`KnowledgeGraph::reserve_edges`]).
    pub(crate) fn reserve_nodes(&mut self, nodes: usize) {
        self.graph.reserve_exact_nodes(nodes);
    }

    /// Gives a node its mentions, sorted and without duplicates (the
    /// builder resolves nodes first and reads their mentions back after).
    pub(crate) fn set_node_evidence(&mut self, ix: NodeIndex, evidence: Vec<Evidence>) {
        let held = self.node_evidence.hold(&evidence, self.kept.of_nodes());
        self.graph[ix].evidence = held;
    }

    /// Whether nodes keep a summary of their mentions rather than each.
    pub(crate) fn sums_up_mentions(&self) -> bool {
        matches!(self.kept.of_nodes(), Keep::Summary { .. })
    }

    /// Room for the summaries of nodes' mentions, `words` words in all (see
    /// [`EvidenceStore::reserve_summaries`]).
    pub(crate) fn reserve_node_summaries(&mut self, words: usize) {
        self.node_evidence.reserve_summaries(words);
    }

    /// Gives a node the summary of its mentions (see
    /// [`KnowledgeGraph::sums_up_mentions`]): `count` of them in `docs`
    /// documents, which [`KnowledgeGraph::node_summary_docs_mut`] writes
    /// in; `only` the mention when there is one.
    pub(crate) fn set_node_summary(
        &mut self,
        ix: NodeIndex,
        count: u32,
        confidence: f32,
        docs: usize,
        only: Option<Evidence>,
    ) {
        let held = self
            .node_evidence
            .hold_summary_room(count, confidence, docs, only);
        self.graph[ix].evidence = held;
    }

    /// The documents of node `ix`'s summary, to write in (sorted, each
    /// once); empty for a node mentioned once or never.
    pub(crate) fn node_summary_docs_mut(&mut self, ix: NodeIndex) -> &mut [u32] {
        self.node_evidence.summary_docs_mut(self.graph[ix].evidence)
    }

    /// Keeps of the evidence only what `kept` says: of what is set from
    /// now on, and of the rest once [`KnowledgeGraph::seal`]ed. The builder
    /// sets it before adding anything; a summary takes no more evidence.
    pub(crate) fn keep_evidence(&mut self, kept: EvidenceKept) {
        self.kept = kept;
    }

    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        if self.sorted_nodes.is_empty() {
            if self.by_id.len() < self.graph.node_count() {
                // forgotten: a walk, rather than an index rebuilt for one look-up
                return self
                    .graph
                    .node_indices()
                    .find(|&ix| self.graph[ix].id() == id);
            }
            return self
                .by_id
                .get(&self.graph, NodesById::hash(id), || id.to_string());
        }
        self.sorted_nodes
            .binary_search_by(|&ix| self.graph[ix].id().as_str().cmp(id))
            .ok()
            .map(|pos| self.sorted_nodes[pos])
    }

    /// Frees what only adding nodes and edges needs (the indexes by id and
    /// by fact) and keeps the nodes in id order instead, for the exporters.
    /// Adding more afterwards rebuilds them. Petgraph's spare capacity is
    /// kept: pages never written take no memory, while shrinking the lists
    /// would copy them whole (both copies held at once: 0.4 GB more at the
    /// peak for the 8.9 M edges of 1 GB of input).
    /// `sorted`: the nodes in id order, as
    /// [`KnowledgeGraph::node_indices_sorted`] gave them (no node added
    /// since), which the builder has already used to order the edges.
    pub(crate) fn seal(&mut self, sorted: Vec<NodeIndex>) {
        debug_assert_eq!(sorted.len(), self.graph.node_count());
        if self.kept != EvidenceKept::Every {
            let (nodes, edges) = (self.kept.of_nodes(), self.kept.of_edges());
            let edges_held = self.graph.edge_weights_mut().map(|e| &mut e.evidence);
            self.edge_evidence.sum_up(edges_held, edges);
            let nodes_held = self.graph.node_weights_mut().map(|n| &mut n.evidence);
            self.node_evidence.sum_up(nodes_held, nodes);
        }
        self.by_fact = LookupMap::default();
        self.facts_indexed = 0;
        self.by_id = NodesById::default();
        self.sorted_nodes = sorted;
    }

    /// The indexes [`KnowledgeGraph::seal`] freed, rebuilt before adding.
    fn unseal(&mut self) {
        if self.sorted_nodes.is_empty() {
            return;
        }
        self.sorted_nodes = Vec::new();
        self.by_id = NodesById::default();
        self.by_id = NodesById::of(&self.graph);
        // by fact again when an edge is added
        self.by_fact = LookupMap::default();
        self.facts_indexed = 0;
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The underlying petgraph graph.
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Nodes in id order: what every exporter walks, for byte-stable output.
    pub fn nodes_sorted(&self) -> Vec<&Node> {
        if !self.sorted_nodes.is_empty() {
            return self
                .sorted_nodes
                .iter()
                .map(|&ix| &self.graph[ix])
                .collect();
        }
        let mut nodes: Vec<&Node> = self.graph.node_weights().collect();
        nodes.sort_by_cached_key(|node| node.id());
        nodes
    }

    /// The indices of [`KnowledgeGraph::nodes_sorted`], in the same order.
    pub fn node_indices_sorted(&self) -> Vec<NodeIndex> {
        if !self.sorted_nodes.is_empty() {
            return self.sorted_nodes.clone();
        }
        let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        // each id made once, not at every comparison
        nodes.par_sort_by_cached_key(|&ix| self.graph[ix].id());
        nodes
    }

    /// [`KnowledgeGraph::node_indices_sorted`] borrowed, not copied, once
    /// the graph is sealed.
    pub fn sorted_node_indices(&self) -> Cow<'_, [NodeIndex]> {
        if self.sorted_nodes.is_empty() {
            Cow::Owned(self.node_indices_sorted())
        } else {
            Cow::Borrowed(&self.sorted_nodes)
        }
    }

    /// Edges in (source id, relation, target id) order.
    pub fn edges_sorted(&self) -> Vec<EdgeRef<'_>> {
        self.edges_in_order().collect()
    }

    /// [`KnowledgeGraph::edges_sorted`] one at a time: nothing held for
    /// the order when the builder made the edges in it (see
    /// [`KnowledgeGraph::edge_order`]).
    pub fn edges_in_order(&self) -> impl ExactSizeIterator<Item = EdgeRef<'_>> + '_ {
        let order = self.edge_order();
        (0..order.len()).map(move |position| self.edge_ref(order.get(position)))
    }

    /// The order of [`KnowledgeGraph::edges_sorted`], for exporters that
    /// look each edge up as they write it.
    pub fn edge_order(&self) -> EdgeOrder {
        // ranks in id order: numbers compared instead of ids (unique, so
        // the order is total and an unstable sort gives the stable one's)
        let mut rank = vec![0u32; self.graph.node_count()];
        for (position, ix) in self.sorted_node_indices().iter().enumerate() {
            rank[ix.index()] = position as u32;
        }
        // each key made once, beside its edge, and sorted in parallel:
        // looking the ends up inside the comparison cost three cache misses
        // a comparison on large graphs
        let raw = self.graph.raw_edges();
        let key = |edge: &petgraph::graph::Edge<Edge>| {
            let (s, t) = (edge.source().index(), edge.target().index());
            (rank[s], edge.weight.relation, rank[t])
        };
        // the builder makes the edges in this order: nothing to sort then
        if raw.par_windows(2).all(|pair| key(&pair[0]) < key(&pair[1])) {
            return EdgeOrder::Made(raw.len());
        }
        let mut keyed: Vec<(u32, Relation, u32, u32)> = raw
            .par_iter()
            .enumerate()
            .map(|(ex, edge)| {
                let (s, relation, t) = key(edge);
                (s, relation, t, ex as u32)
            })
            .collect();
        keyed.par_sort_unstable();
        EdgeOrder::Sorted(
            keyed
                .into_iter()
                .map(|(.., ex)| EdgeIndex::new(ex as usize))
                .collect(),
        )
    }

    /// Edge `ex` with its two ends.
    pub fn edge_ref(&self, ex: EdgeIndex) -> EdgeRef<'_> {
        let (s, t) = self.graph.edge_endpoints(ex).expect("edge index is live");
        EdgeRef {
            source_index: s,
            target_index: t,
            source: &self.graph[s],
            edge: &self.graph[ex],
            target: &self.graph[t],
            evidence: self.edge_evidence(&self.graph[ex]),
        }
    }

    /// Node counts per kind and edge counts per relation, every kind and
    /// relation listed (with 0 where absent).
    pub fn stats(&self) -> GraphStats {
        let mut nodes: BTreeMap<NodeKind, usize> = NodeKind::ALL.iter().map(|&k| (k, 0)).collect();
        let mut edges: BTreeMap<Relation, usize> = Relation::ALL.iter().map(|&r| (r, 0)).collect();
        for n in self.graph.node_weights() {
            *nodes.entry(n.kind).or_default() += 1;
        }
        for e in self.graph.edge_weights() {
            *edges.entry(e.relation).or_default() += 1;
        }
        GraphStats { nodes, edges }
    }
}

/// The edges in (source id, relation, target id) order, as
/// [`KnowledgeGraph::edge_order`] gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeOrder {
    /// The order they were made in, which the builder makes them in: no
    /// list held (it would be 36 MB at 1 GB of news).
    Made(usize),
    /// Their indices sorted, 4 bytes an edge.
    Sorted(Vec<EdgeIndex>),
}

impl EdgeOrder {
    /// How many edges there are.
    pub fn len(&self) -> usize {
        match self {
            EdgeOrder::Made(len) => *len,
            EdgeOrder::Sorted(edges) => edges.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The edge at `position` of the order.
    pub fn get(&self, position: usize) -> EdgeIndex {
        match self {
            EdgeOrder::Made(_) => EdgeIndex::new(position),
            EdgeOrder::Sorted(edges) => edges[position],
        }
    }
}

/// An edge with its two end nodes.
#[derive(Clone, Copy, Debug)]
pub struct EdgeRef<'a> {
    pub source_index: NodeIndex,
    pub target_index: NodeIndex,
    pub source: &'a Node,
    pub edge: &'a Edge,
    pub target: &'a Node,
    /// Every sentence that states the fact, sorted (or as much as the
    /// graph keeps of them).
    pub evidence: EvidenceRef<'a>,
}

impl EdgeRef<'_> {
    /// The highest confidence among the edge's evidence.
    pub fn confidence(&self) -> f32 {
        self.evidence.confidence()
    }

    /// How many sentences support the fact (Gephi's edge weight).
    pub fn weight(&self) -> usize {
        self.evidence.len().max(1)
    }
}

/// Counts per node kind and per relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphStats {
    pub nodes: BTreeMap<NodeKind, usize>,
    pub edges: BTreeMap<Relation, usize>,
}

impl fmt::Display for GraphStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total_nodes: usize = self.nodes.values().sum();
        let total_edges: usize = self.edges.values().sum();
        writeln!(f, "nodes: {total_nodes}")?;
        for (kind, n) in &self.nodes {
            writeln!(f, "  {:<16} {n}", kind.as_str())?;
        }
        writeln!(f, "edges: {total_edges}")?;
        for (rel, n) in &self.edges {
            writeln!(f, "  {:<16} {n}", rel.as_str())?;
        }
        Ok(())
    }
}

/// The id of a node: `kind/slug`, where the slug is the name folded to
/// lower-case ASCII words joined by `-` (`Lương Tam Quang` →
/// `person/luong-tam-quang`). Dates keep their ISO form (`date/2025-10-25`).
/// A name with nothing foldable gets a hash slug, so ids are never empty.
pub fn node_id(kind: NodeKind, label: &str) -> String {
    // one allocation: the writers make an id for every edge end they write
    let prefix = kind.id_prefix();
    let mut id = String::with_capacity(prefix.len() + 1 + label.len());
    id.push_str(prefix);
    id.push('/');
    push_slug(id, label)
}

/// Lower-case ASCII words of `text` joined by `-`: Vietnamese letters lose
/// their marks (`đ` → `d`), anything else that is not a letter or digit
/// separates words.
pub fn slug(text: &str) -> String {
    push_slug(String::with_capacity(text.len()), text)
}

/// `out` followed by [`slug`] of `text`: through the table of precomposed
/// letters where it covers `text`, else through NFD.
fn push_slug(out: String, text: &str) -> String {
    let mut bytes = out.into_bytes();
    let precomposed = append_slug_precomposed(&mut bytes, text);
    let mut out = String::from_utf8(bytes).expect("a string with ASCII appended");
    if !precomposed {
        out.push_str(&slug_nfd(text));
    }
    out
}

/// Appends [`slug`] of a text made of ASCII and precomposed Latin letters
/// only (all of Vietnamese) to `out`, through a table of their ASCII
/// letters instead of NFD; `false`, with `out` as it was, for any other
/// text or an empty slug. NFD of such a text is its letters' decompositions
/// with marks at most reordered among themselves, and [`slug_nfd`] drops
/// marks, so the two agree. Goes over the UTF-8 bytes: the letters of the
/// table are two bytes (U+00C0 to U+024F) or three starting `E1 B8..BB`
/// (U+1E00 to U+1EFF), so no char is decoded. Only ASCII is appended.
// out of line: inlined into `push_slug`, its loop compiles to a fifth more
// instructions (callgrind)
#[inline(never)]
fn append_slug_precomposed(out: &mut Vec<u8>, text: &str) -> bool {
    let table = ascii_letters();
    let bytes = text.as_bytes();
    let start = out.len();
    // a separator after a word: a dash before the next
    let mut pending_dash = false;
    let mut i = 0;
    // the table's letter, none for a character outside it
    let letter = |ix: u32| table.get(ix as usize).copied().filter(|&b| b != 0);
    while let Some(&b0) = bytes.get(i) {
        let base = if b0.is_ascii() {
            i += 1;
            ASCII_SLUG_BYTES[usize::from(b0)]
        } else {
            let letter = match bytes[i..] {
                [0xC0..=0xDF, b1, ..] => {
                    i += 2;
                    let code = u32::from(b0 & 0x1F) << 6 | u32::from(b1 & 0x3F);
                    (LATIN_1_TO_EXTENDED_B..LATIN_EXTENDED_B_END)
                        .contains(&code)
                        .then(|| letter(code - LATIN_1_TO_EXTENDED_B))
                        .flatten()
                }
                [0xE1, b1 @ 0xB8..=0xBB, b2, ..] => {
                    i += 3;
                    letter(FIRST_BLOCK_LEN + (u32::from(b1 - 0xB8) << 6 | u32::from(b2 & 0x3F)))
                }
                _ => None,
            };
            let Some(letter) = letter else {
                out.truncate(start);
                return false;
            };
            letter
        };
        if base != 0 {
            if pending_dash {
                out.push(b'-');
                pending_dash = false;
            }
            out.push(base);
        } else {
            pending_dash = out.len() > start;
        }
    }
    out.len() > start
}

/// By ASCII byte: its lower case if a letter or digit, else 0 (a separator).
const ASCII_SLUG_BYTES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// First code points of the two blocks of precomposed Latin letters, and
/// the end of the first.
const LATIN_1_TO_EXTENDED_B: u32 = 0xC0;
const LATIN_EXTENDED_B_END: u32 = 0x250;
const LATIN_EXTENDED_ADDITIONAL: u32 = 0x1E00;
/// Where the second block starts in [`ascii_letters`].
const FIRST_BLOCK_LEN: u32 = LATIN_EXTENDED_B_END - LATIN_1_TO_EXTENDED_B;

/// By code point in the two blocks (the first, then the second): the lower
/// case of the ASCII letter a precomposed Latin letter decomposes to (`đ` → `d`, as in
/// [`slug_nfd`]), 0 for other characters.
fn ascii_letters() -> &'static [u8] {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use unicode_normalization::UnicodeNormalization;
        (LATIN_1_TO_EXTENDED_B..LATIN_EXTENDED_B_END)
            .chain(LATIN_EXTENDED_ADDITIONAL..0x1F00)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return 0;
                };
                if matches!(c, 'đ' | 'Đ') {
                    return b'd';
                }
                let mut parts = std::iter::once(c).nfd();
                match parts.next() {
                    Some(base)
                        if base.is_ascii_alphanumeric()
                            && parts.all(unicode_normalization::char::is_combining_mark) =>
                    {
                        base.to_ascii_lowercase() as u8
                    }
                    _ => 0,
                }
            })
            .collect()
    })
}

/// [`slug`] through NFD: marks dropped, `đ` folded, other letters kept.
fn slug_nfd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            // a mark dropped by the fold; the letter it sat on is kept
        } else if c.is_alphanumeric() {
            // a letter with no ASCII fold (CJK, Cyrillic...): keep it, the
            // exporters percent-encode what their syntax needs
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        // e.g. a name made only of punctuation: hash it, stably
        out = format!("x{:016x}", fnv1a(text.as_bytes()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::tests::ev;

    #[test]
    fn aliases_stay_sorted_and_unique() {
        let mut aliases: Aliases = ["Hà Nội", "HN", "Hà Nội", "Ha Noi"]
            .map(String::from)
            .into_iter()
            .collect();
        assert_eq!(
            aliases.iter().collect::<Vec<_>>(),
            ["HN", "Ha Noi", "Hà Nội"]
        );
        let more: Aliases = ["Thủ đô", "HN", "Hà Nội"].into_iter().collect();
        aliases.extend_except(&more, "Hà Nội");
        aliases.remove("Ha Noi");
        assert_eq!(
            aliases.iter().collect::<Vec<_>>(),
            ["HN", "Hà Nội", "Thủ đô"]
        );
        assert!(aliases.contains("Thủ đô") && !aliases.contains("Ha Noi"));
        assert_eq!(aliases.iter().next_back(), Some("Thủ đô"));
        assert_eq!(Aliases::default().iter().len(), 0);
    }

    #[test]
    fn an_edge_is_sixteen_bytes() {
        // nine million edges at 1 GB of news
        assert_eq!(std::mem::size_of::<Edge>(), 16);
    }

    #[test]
    fn a_node_is_eighty_bytes() {
        // over a million nodes at 1 GB of news; its id is made from its label
        // and its evidence is in a store
        assert_eq!(std::mem::size_of::<Node>(), 80);
    }

    #[test]
    fn slug_folds_vietnamese_and_diacritics() {
        assert_eq!(slug("Lương Tam Quang"), "luong-tam-quang");
        assert_eq!(slug("António Guterres"), slug("Antonio Guterres"));
        assert_eq!(slug("Bộ Công an"), "bo-cong-an");
        assert_eq!(slug("Đại tướng"), "dai-tuong");
        assert_eq!(slug("2025-10-25"), "2025-10-25");
        assert_eq!(slug("  <&>\"  "), slug("  <&>\"  "));
        assert!(slug("<&>").starts_with('x'));
    }

    #[test]
    fn slug_table_agrees_with_nfd() {
        use unicode_normalization::UnicodeNormalization;
        // every letter of the table's blocks, alone, between words, before
        // a combining mark, in NFD, and next to letters outside the table
        let blocks = (0xA0..0x300).chain(0x1DF0..0x1F10);
        for c in blocks.filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("a {c}b-{c}{c}"),
                format!("{c}\u{301}\u{323}x"),
                format!("{c}").nfd().collect::<String>(),
                format!("Ω{c} ж"),
                format!("-{c}."),
            ] {
                assert_eq!(slug(&text), slug_nfd(&text), "{text:?}");
            }
        }
        assert_eq!(slug("Nguyễn Thị Hoà-Đức"), "nguyen-thi-hoa-duc");
    }

    #[test]
    fn an_id_whose_hash_another_took_is_found_by_its_text() {
        let mut g = KnowledgeGraph::new();
        let a = g.add_node(NodeKind::Person, "Lưu Bảo Ngân", None, [], []);
        let b = g.add_node(NodeKind::Person, "Minh Khoa Trần", None, [], []);
        let b_id = g.node(b).id();
        // as if "b"'s id had the hash of "a"'s: "b" kept whole
        let mut by_id = NodesById::default();
        let b_hash = NodesById::hash(&b_id);
        by_id.by_hash.insert(b_hash, a);
        assert_eq!(by_id.get(&g.graph, b_hash, || b_id.clone()), None);
        by_id.insert(b_hash, || b_id.clone(), b);
        assert_eq!(by_id.get(&g.graph, b_hash, || b_id.clone()), Some(b));
        assert_eq!(by_id.collided.len(), 1);
    }

    #[test]
    fn nodes_merge_by_id_and_edges_by_fact() {
        let mut g = KnowledgeGraph::new();
        let d = g.add_source("a.txt");
        let a = g.add_node(NodeKind::Person, "António Guterres", None, [], [ev(d, 1)]);
        let b = g.add_node(
            NodeKind::Person,
            "Antonio Guterres",
            None,
            ["Antonio Guterres".to_string()],
            [ev(d, 0)],
        );
        assert_eq!(a, b);
        assert_eq!(&*g.node(a).label, "António Guterres");
        assert!(g.node(a).aliases.contains("Antonio Guterres"));
        assert_eq!(g.node_evidence(g.node(a)).pieces()[0].sentence, 0);
        let r = g.add_node(NodeKind::Role, "Tổng Thư ký", None, [], []);
        g.add_edge(a, Relation::HoldsRole, r, ev(d, 3), "later");
        g.add_edge(a, Relation::HoldsRole, r, ev(d, 2), "earlier");
        assert_eq!(g.edge_count(), 1);
        let e = g.edges_sorted()[0];
        assert_eq!(e.weight(), 2);
        assert_eq!(g.sentence(e.edge).unwrap(), "earlier");
        assert_eq!(g.stats().nodes[&NodeKind::Person], 1);
        assert_eq!(g.stats().edges[&Relation::HoldsRole], 1);

        // the index by id forgotten: found by a walk, rebuilt to add
        g.forget_node_ids();
        assert_eq!(g.find("role/tong-thu-ky"), Some(r));
        assert_eq!(
            g.add_node(NodeKind::Person, "Antonio Guterres", None, [], []),
            a
        );
        assert_eq!(g.node_count(), 2);

        // sealed: found by binary search, and adding rebuilds the indexes
        g.seal(g.node_indices_sorted());
        assert_eq!(g.find("person/antonio-guterres"), Some(a));
        assert_eq!(g.find("role/tong-thu-ky"), Some(r));
        assert_eq!(g.find("role/nobody"), None);
        let ids: Vec<String> = g.nodes_sorted().iter().map(|n| n.id()).collect();
        assert_eq!(ids, ["person/antonio-guterres", "role/tong-thu-ky"]);
        assert_eq!(g.add_node(NodeKind::Role, "Tổng thư ký", None, [], []), r);
        g.seal(g.node_indices_sorted());
        g.add_edge(a, Relation::HoldsRole, r, ev(d, 1), "first");
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.sentence(g.edges_sorted()[0].edge).unwrap(), "first");
    }
}
