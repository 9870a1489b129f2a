//! Where nodes and edges were read (their evidence), how much of it a
//! graph keeps, and where it keeps it: in one store for all nodes and one
//! for all edges, so that an edge is 16 bytes and most nodes and edges take
//! no allocation of their own.

use std::fmt;

/// Where a node or edge was read: a document (index into
/// [`KnowledgeGraph::sources`](crate::KnowledgeGraph::sources)), the sentence number within it, and the byte
/// span of the mention or sentence in the document's normalised text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub doc: u32,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    /// How sure the extractor is, in 0..=1.
    pub confidence: f32,
}

impl Evidence {
    /// The order of evidence in a node or edge: document, sentence, span.
    pub(crate) fn sort_key(&self) -> (u32, u32, u32, u32) {
        (self.doc, self.sentence, self.start, self.end)
    }
}

/// How much of the evidence a graph keeps: all of it, or only what the
/// output writes at a lower `--provenance` level. The graph's nodes, edges
/// and names are the same whatever is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EvidenceKept {
    /// Every mention and statement, with its place and confidence.
    #[default]
    Every,
    /// Every statement of a fact; of a node its documents and how many
    /// mentions (what `--provenance full` writes).
    Statements,
    /// Per node and edge its documents and how many mentions or statements
    /// there are; per edge the highest confidence and its first statement
    /// (`--provenance edge`).
    Summary,
    /// Per edge how many statements, the highest confidence and the first
    /// statement; of a node nothing (`--provenance none`).
    Nothing,
}

/// What [`EvidenceKept`] keeps of one node's or edge's evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    Every,
    /// How many pieces and the highest confidence, and with `docs` the
    /// documents.
    Summary {
        docs: bool,
    },
    Nothing,
}

impl EvidenceKept {
    pub(crate) fn of_nodes(self) -> Keep {
        match self {
            EvidenceKept::Every => Keep::Every,
            EvidenceKept::Statements | EvidenceKept::Summary => Keep::Summary { docs: true },
            EvidenceKept::Nothing => Keep::Nothing,
        }
    }

    pub(crate) fn of_edges(self) -> Keep {
        match self {
            EvidenceKept::Every | EvidenceKept::Statements => Keep::Every,
            EvidenceKept::Summary => Keep::Summary { docs: true },
            EvidenceKept::Nothing => Keep::Summary { docs: false },
        }
    }

    /// Whether nodes keep their mentions' documents: if not, the mentions
    /// need not be collected at all.
    pub(crate) fn keeps_mentions(self) -> bool {
        self.of_nodes() != Keep::Nothing
    }

    /// Whether the texts of the edges' first sentences are kept.
    pub(crate) fn keeps_sentences(self) -> bool {
        self != EvidenceKept::Nothing
    }
}

/// Where a summary's documents start, after how many pieces there are
/// and the bits of the highest confidence.
const SUMMARY_DOCS: usize = 2;

/// The evidence of a node or an edge as read, whichever way it is held:
/// every piece, or a summary of them.
#[derive(Clone, Copy)]
pub struct EvidenceRef<'a>(Read<'a>);

#[derive(Clone, Copy)]
enum Read<'a> {
    Pieces(&'a [Evidence]),
    /// How many pieces, the bits of the highest confidence, then the
    /// documents, sorted, each once (from [`SUMMARY_DOCS`]).
    Summary(&'a [u32]),
    /// One piece summed up: its document, if the documents are kept.
    One {
        doc: Option<u32>,
        confidence: f32,
    },
}

impl<'a> EvidenceRef<'a> {
    /// Every piece, sorted; none when only a summary is kept.
    pub fn pieces(self) -> &'a [Evidence] {
        match self.0 {
            Read::Pieces(pieces) => pieces,
            Read::Summary(_) | Read::One { .. } => &[],
        }
    }

    /// The first piece (in document, sentence, span order), if kept.
    pub fn first(self) -> Option<&'a Evidence> {
        self.pieces().first()
    }

    /// The lowest of the pieces' documents (the first in their order), if
    /// the documents are kept.
    pub fn first_doc(self) -> Option<u32> {
        match self.0 {
            Read::Pieces(pieces) => pieces.first().map(|e| e.doc),
            Read::Summary(summary) => summary.get(SUMMARY_DOCS).copied(),
            Read::One { doc, .. } => doc,
        }
    }

    /// How many pieces there are (mentions of a node, statements of a fact).
    pub fn len(self) -> usize {
        match self.0 {
            Read::Pieces(pieces) => pieces.len(),
            Read::Summary(summary) => summary[0] as usize,
            Read::One { .. } => 1,
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The documents of the pieces, sorted, each once.
    pub fn docs(self) -> Vec<u32> {
        match self.0 {
            Read::Pieces(pieces) => {
                // sorted by document first
                let mut docs: Vec<u32> = pieces.iter().map(|e| e.doc).collect();
                docs.dedup();
                docs
            }
            Read::Summary(summary) => summary[SUMMARY_DOCS..].to_vec(),
            Read::One { doc, .. } => doc.into_iter().collect(),
        }
    }

    /// The highest confidence among the pieces (0 without any).
    pub fn confidence(self) -> f32 {
        match self.0 {
            Read::Pieces(pieces) => pieces.iter().map(|e| e.confidence).fold(0.0, f32::max),
            Read::Summary(summary) => f32::from_bits(summary[1]),
            Read::One { confidence, .. } => confidence,
        }
    }
}

impl fmt::Debug for EvidenceRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Read::Pieces(pieces) => f.debug_list().entries(pieces).finish(),
            _ => f
                .debug_struct("Summary")
                .field("len", &self.len())
                .field("confidence", &self.confidence())
                .field("docs", &self.docs())
                .finish(),
        }
    }
}

/// What an [`StoredEvidence`] points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Held {
    /// Pieces `a..a + b` of [`EvidenceStore::pieces`].
    Pieces,
    /// A summary at `a..a + b` of [`EvidenceStore::summaries`].
    Summary,
    /// One piece summed up: document `a` ([`NO_DOC`]: not kept),
    /// confidence of bits `b`.
    One,
    /// List `a` of [`EvidenceStore::lists`], grown a piece at a time.
    Listed,
}

/// [`Held::One`]'s document when the documents are not kept.
const NO_DOC: u32 = u32::MAX;

/// Where a node's or an edge's evidence is in its [`EvidenceStore`]: what
/// is there and two numbers. Packed (9 bytes), so that an edge with its
/// relation and sentence is 16 bytes: the graph of 1 GB of news holds
/// nine million. The default is no evidence.
#[derive(Clone, Copy)]
#[repr(C, packed)]
pub(crate) struct StoredEvidence {
    held: Held,
    a: u32,
    b: u32,
}

impl Default for StoredEvidence {
    fn default() -> Self {
        StoredEvidence {
            held: Held::Pieces,
            a: 0,
            b: 0,
        }
    }
}

impl fmt::Debug for StoredEvidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (held, a, b) = (self.held, self.a, self.b);
        write!(f, "{held:?}({a}, {b})")
    }
}

/// The evidence of every edge (or every node) of a graph: pieces and
/// summaries one after another in two lists, instead of an allocation
/// each. The builder gives each edge and node all its evidence at once;
/// one given evidence a piece at a time
/// ([`KnowledgeGraph::add_edge`](crate::KnowledgeGraph::add_edge),
/// [`KnowledgeGraph::add_node`](crate::KnowledgeGraph::add_node)) has a
/// list of its own, so that adding to it copies nothing else.
#[derive(Debug, Default)]
pub(crate) struct EvidenceStore {
    pieces: Vec<Evidence>,
    /// How many pieces, the bits of the highest confidence, then the
    /// documents (as [`EvidenceRef`] reads them), one summary after another.
    summaries: Vec<u32>,
    lists: Vec<Vec<Evidence>>,
}

/// A position in the store's lists as the `u32` an [`StoredEvidence`] holds.
fn position(at: usize) -> u32 {
    u32::try_from(at).expect("fewer than 2^32 pieces of evidence in a graph")
}

impl EvidenceStore {
    /// Holds `pieces` (sorted, each once, not empty) as `keep` keeps them.
    pub(crate) fn hold(&mut self, pieces: &[Evidence], keep: Keep) -> StoredEvidence {
        let list = EvidenceRef(Read::Pieces(pieces));
        match (keep, pieces) {
            (Keep::Every, _) => {
                let start = position(self.pieces.len());
                self.pieces.extend_from_slice(pieces);
                let len = position(pieces.len());
                StoredEvidence {
                    held: Held::Pieces,
                    a: start,
                    b: len,
                }
            }
            (Keep::Summary { docs }, [one]) => StoredEvidence {
                held: Held::One,
                a: if docs { one.doc } else { NO_DOC },
                b: one.confidence.to_bits(),
            },
            (Keep::Summary { docs }, _) => {
                let docs = if docs { list.docs() } else { Vec::new() };
                let count = position(pieces.len());
                let held = self.hold_summary_room(count, list.confidence(), docs.len(), None);
                self.summary_docs_mut(held).copy_from_slice(&docs);
                held
            }
            (Keep::Nothing, _) => self.hold(&[], Keep::Every),
        }
    }

    /// The evidence `held` points at.
    pub(crate) fn get(&self, held: StoredEvidence) -> EvidenceRef<'_> {
        let (a, b) = (held.a as usize, held.b as usize);
        EvidenceRef(match held.held {
            Held::Pieces => Read::Pieces(&self.pieces[a..a + b]),
            Held::Summary => Read::Summary(&self.summaries[a..a + b]),
            Held::One => Read::One {
                doc: (held.a != NO_DOC).then_some(held.a),
                confidence: f32::from_bits(held.b),
            },
            Held::Listed => Read::Pieces(&self.lists[a]),
        })
    }

    /// Room for summaries of `words` words in all (two a summary and one
    /// a document), so that the list of them is not grown by doubling.
    pub(crate) fn reserve_summaries(&mut self, words: usize) {
        self.summaries.reserve_exact(words);
    }

    /// Holds the summary of `count` pieces in `docs` documents, the highest
    /// confidence `confidence`, with room for the documents, which
    /// [`EvidenceStore::summary_docs_mut`] writes in (sorted, each once);
    /// `only` the piece when there is one, held as [`EvidenceStore::hold`]
    /// holds a single piece (no room).
    pub(crate) fn hold_summary_room(
        &mut self,
        count: u32,
        confidence: f32,
        docs: usize,
        only: Option<Evidence>,
    ) -> StoredEvidence {
        match (count, only) {
            (0, _) => StoredEvidence::default(),
            (1, Some(piece)) => self.hold(&[piece], Keep::Summary { docs: true }),
            _ => {
                let start = position(self.summaries.len());
                self.summaries.extend([count, confidence.to_bits()]);
                self.summaries.resize(self.summaries.len() + docs, 0);
                let len = position(self.summaries.len()) - start;
                StoredEvidence {
                    held: Held::Summary,
                    a: start,
                    b: len,
                }
            }
        }
    }

    /// The documents of the summary `held`, to write in; none for
    /// evidence held otherwise.
    pub(crate) fn summary_docs_mut(&mut self, held: StoredEvidence) -> &mut [u32] {
        match held.held {
            Held::Summary => {
                let (a, b) = (held.a as usize, held.b as usize);
                &mut self.summaries[a + SUMMARY_DOCS..a + b]
            }
            _ => &mut [],
        }
    }

    /// Adds `more` to the pieces `held` points at, kept sorted and each
    /// once (in a list of their own, made first if need be). A summary
    /// takes no more.
    pub(crate) fn extend(
        &mut self,
        held: &mut StoredEvidence,
        more: impl IntoIterator<Item = Evidence>,
    ) {
        if !self.own_list(held) {
            return;
        }
        let list = &mut self.lists[held.a as usize];
        list.extend(more);
        list.sort_by_key(Evidence::sort_key);
        list.dedup_by_key(|ev| ev.sort_key());
    }

    /// Moves the pieces `held` points at to a list of their own, if not
    /// there yet; `false` for a summary, which has no pieces to add to.
    fn own_list(&mut self, held: &mut StoredEvidence) -> bool {
        match held.held {
            Held::Listed => true,
            Held::Pieces => {
                let pieces = self.get(*held).pieces().to_vec();
                self.lists.push(pieces);
                *held = StoredEvidence {
                    held: Held::Listed,
                    a: position(self.lists.len() - 1),
                    b: 0,
                };
                true
            }
            Held::Summary | Held::One => false,
        }
    }

    /// A list of its own holding `first`, to add more to.
    pub(crate) fn list(&mut self, first: Evidence) -> StoredEvidence {
        self.lists.push(vec![first]);
        StoredEvidence {
            held: Held::Listed,
            a: position(self.lists.len() - 1),
            b: 0,
        }
    }

    /// Adds `ev` to the pieces `held` points at (to a list of their own,
    /// made first if need be): where among them it went, `None` if the
    /// same evidence is there already. A summary takes no more.
    pub(crate) fn insert(&mut self, held: &mut StoredEvidence, ev: Evidence) -> Option<usize> {
        if !self.own_list(held) {
            return None;
        }
        let list = &mut self.lists[held.a as usize];
        match list.binary_search_by_key(&ev.sort_key(), Evidence::sort_key) {
            Ok(_) => None,
            Err(at) => {
                list.insert(at, ev);
                Some(at)
            }
        }
    }

    /// Whether `held` holds more than `keep` keeps.
    pub(crate) fn holds_more(held: StoredEvidence, keep: Keep) -> bool {
        keep != Keep::Every && matches!(held.held, Held::Pieces | Held::Listed)
    }

    /// `held` as `keep` keeps it (see [`EvidenceStore::hold`]).
    pub(crate) fn kept(&mut self, held: StoredEvidence, keep: Keep) -> StoredEvidence {
        if !Self::holds_more(held, keep) {
            return held;
        }
        let pieces = self.get(held).pieces().to_vec();
        self.hold(&pieces, keep)
    }

    /// Makes every one of `held` as `keep` keeps it, and frees the pieces
    /// none of them points at any more.
    pub(crate) fn sum_up<'a>(
        &mut self,
        held: impl Iterator<Item = &'a mut StoredEvidence>,
        keep: Keep,
    ) {
        if keep == Keep::Every {
            return;
        }
        for held in held {
            *held = self.kept(*held, keep);
        }
        self.pieces = Vec::new();
        self.lists = Vec::new();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A piece of document `doc`, sentence `sentence`.
    pub(crate) fn ev(doc: u32, sentence: u32) -> Evidence {
        Evidence {
            doc,
            sentence,
            start: 0,
            end: 1,
            confidence: 0.5,
        }
    }

    #[test]
    fn the_store_holds_an_edge_s_evidence_as_kept() {
        let mut store = EvidenceStore::default();
        let mut pieces = vec![ev(1, 2), ev(1, 3), ev(4, 0)];
        pieces[1].confidence = 0.75;
        let every = store.hold(&pieces, Keep::Every);
        assert_eq!(store.get(every).pieces(), &pieces[..]);
        let summary = store.hold(&pieces, Keep::Summary { docs: true });
        let read = store.get(summary);
        assert_eq!(
            (read.len(), read.docs(), read.confidence()),
            (3, vec![1, 4], 0.75)
        );
        assert!(read.pieces().is_empty());
        let counted = store.hold(&pieces, Keep::Summary { docs: false });
        let counted = store.get(counted);
        assert_eq!((counted.len(), counted.docs()), (3, vec![]));
        // one piece: no room taken in the store
        let before = (store.pieces.len(), store.summaries.len());
        let one = store.hold(&[ev(7, 1)], Keep::Summary { docs: true });
        let read = store.get(one);
        assert_eq!(
            (read.len(), read.docs(), read.confidence()),
            (1, vec![7], 0.5)
        );
        let one = store.hold(&[ev(7, 1)], Keep::Summary { docs: false });
        let one = store.get(one);
        assert_eq!((one.len(), one.docs()), (1, vec![]));
        assert_eq!(before, (store.pieces.len(), store.summaries.len()));
        // summed up when sealed; the pieces of others untouched
        let kept = store.kept(every, Keep::Summary { docs: true });
        assert_eq!(store.get(kept).docs(), vec![1, 4]);
        assert_eq!(store.get(every).len(), 3);
        assert_eq!(store.kept(summary, Keep::Every).held, Held::Summary);
    }

    #[test]
    fn a_summary_made_with_room_takes_its_documents_afterwards() {
        let mut store = EvidenceStore::default();
        store.reserve_summaries(2 + 3);
        let held = store.hold_summary_room(5, 0.25, 3, None);
        store.summary_docs_mut(held).copy_from_slice(&[2, 8, 9]);
        let read = store.get(held);
        assert_eq!(
            (read.len(), read.docs(), read.confidence()),
            (5, vec![2, 8, 9], 0.25)
        );
        // one mention is held whole, with no room; none, as nothing
        let one = store.hold_summary_room(1, 0.5, 1, Some(ev(4, 1)));
        assert!(store.summary_docs_mut(one).is_empty());
        assert_eq!(store.get(one).docs(), vec![4]);
        let none = store.hold_summary_room(0, 0.0, 0, None);
        assert!(store.get(none).is_empty());
        assert_eq!(store.summaries.len(), 5);
    }

    #[test]
    fn pieces_extended_stay_sorted_once_each_and_others_untouched() {
        let mut store = EvidenceStore::default();
        let mut node = store.hold(&[ev(3, 0)], Keep::Every);
        let other = store.hold(&[ev(5, 0)], Keep::Every);
        store.extend(&mut node, [ev(1, 0), ev(3, 0), ev(2, 0)]);
        assert_eq!(store.get(node).docs(), vec![1, 2, 3]);
        assert_eq!(store.get(other).docs(), vec![5]);
        let mut summed = store.hold(&[ev(1, 0), ev(2, 0)], Keep::Summary { docs: true });
        store.extend(&mut summed, [ev(7, 0)]);
        assert_eq!(store.get(summed).docs(), vec![1, 2]);
    }

    #[test]
    fn evidence_added_a_piece_at_a_time_is_kept_sorted_once_each() {
        let mut store = EvidenceStore::default();
        let mut first = store.list(ev(2, 0));
        let mut other = store.hold(&[ev(5, 0), ev(6, 0)], Keep::Every);
        assert_eq!(store.insert(&mut first, ev(3, 0)), Some(1));
        assert_eq!(store.insert(&mut first, ev(1, 0)), Some(0));
        assert_eq!(store.insert(&mut first, ev(3, 0)), None);
        // pieces held with others' get a list of their own
        assert_eq!(store.insert(&mut other, ev(4, 0)), Some(0));
        let docs = |held| store.get(held).docs();
        assert_eq!((docs(first), docs(other)), (vec![1, 2, 3], vec![4, 5, 6]));
        let mut summed = store.hold(&[ev(1, 0), ev(2, 0)], Keep::Summary { docs: true });
        assert_eq!(store.insert(&mut summed, ev(3, 0)), None);
    }
}
