//! RDF exporters (Turtle, N-Triples, N-Quads), written by the crate's own
//! `rdf_syntax` module: oxttl's bytes, at a fifth of the cost.
//!
//! The three formats carry the same triples:
//!
//! - each node: `rdf:type kg:<Kind>`, `rdfs:label` (`@vi`, or the plain ISO
//!   string for dates), `rdfs:label …@en`, `skos:altLabel …@vi` per alias,
//!   `kg:id`, `kg:dateValue` (dates), `kg:mentionedIn` per source document;
//! - each edge: the direct triple `subject kg:<relation> object`, and, by
//!   the `--provenance` level: at `full` one `rdf:Statement` per piece of
//!   evidence (the reified triple, the source document, its sentence
//!   number, offsets and confidence, and `kg:evidence` its sentence where
//!   the graph keeps the text), at `edge` one per edge (the reified
//!   triple, every source, the number of mentions as `kg:weight`, the
//!   highest confidence, `kg:evidence` one sentence), at `none` nothing;
//! - each source document: a `prov:Entity` with its file name (not at
//!   `none`, which also leaves out `kg:mentionedIn` and puts every N-Quads
//!   triple in the default graph);
//! - each distinct evidence sentence: a `kg:Sentence` with its `kg:text`,
//!   written once however many statements point at it (a sentence stating
//!   five facts was five copies of its text), named by a hash of the text.
//!
//! N-Quads puts every triple into the named graph of each source document
//! that supports it (the graph is named by the document's IRI; a sentence
//! is in the graphs of the statements that point at it); what no
//! document supports, like the description of the documents themselves,
//! goes into the default graph. Dropping the graph names gives back the
//! Turtle and N-Triples triples exactly.
//!
//! The subjects are cut into fixed-size chunks that are serialised in
//! parallel and written in order, which is byte for byte what one serializer
//! writing everything gives. The writer puts triples in the order given
//! and groups only consecutive ones (as oxttl does), so all the triples of
//! a subject are written together, sorted:
//! `rdf:type`, labels and the id ahead of the other predicates. Subjects
//! come in a fixed order: source documents, nodes by id (each with its
//! outgoing edges), evidence by edge, then sentences by IRI.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;
use std::rc::Rc;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, LiteralRef, NamedNode, NamedNodeRef, TermRef};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::in_order::render_in_order;
use super::rdf_syntax::{Prefixes, RdfWriter, Syntax};
use super::{ExportOptions, Format, Provenance, ONTOLOGY_IRI};
use crate::graph::{
    fnv1a, fnv1a_extend, Edge, EdgeOrder, EdgeRef, Evidence, EvidenceRef, KnowledgeGraph, Node,
    NodeKind, Relation,
};
use crate::lexicon::FastMap;

// Namespaces of the vocabularies the output uses or the ontology aligns to.
const PROV_IRI: &str = "http://www.w3.org/ns/prov#";
const SKOS_IRI: &str = "http://www.w3.org/2004/02/skos/core#";
const SCHEMA_IRI: &str = "https://schema.org/";
const ORG_IRI: &str = "http://www.w3.org/ns/org#";
const RDF_IRI: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS_IRI: &str = "http://www.w3.org/2000/01/rdf-schema#";
const XSD_IRI: &str = "http://www.w3.org/2001/XMLSchema#";

/// Path segment under the base IRI of the source documents' IRIs.
const SOURCE_SEGMENT: &str = "source/";
/// Path segment under the base IRI of the evidence statements' IRIs.
const EVIDENCE_SEGMENT: &str = "evidence/";
/// Path segment under the base IRI of the evidence sentences' IRIs.
const SENTENCE_SEGMENT: &str = "sentence/";

/// Writes the graph as RDF in `format`.
pub fn write(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    Exporter::new(graph, format, options)?.write_all(out)?;
    out.flush()
}

/// The IRI of the node with id `id`: the base IRI, then the id with what an
/// IRI may not hold percent-encoded.
pub fn node_iri(base_iri: &str, id: &str) -> io::Result<NamedNode> {
    checked_iri(format!("{base_iri}{}", encode_iri_path(id, true)))
}

/// The IRI of a source document (and, in N-Quads, of its named graph):
/// `<base>source/<name>`, with the name in NFC (a file name may be NFD on
/// disk) and everything but unreserved ASCII percent-encoded, `/` included,
/// so that different names give different IRIs and the strictest parsers
/// (Jena's N-Triples and N-Quads) take them.
pub fn source_iri(base_iri: &str, name: &str) -> io::Result<NamedNode> {
    let name: String = name.nfc().collect();
    let encoded = match name.as_str() {
        // whole-segment dots would be removed by IRI normalisation
        "." | ".." => name.replace('.', "%2E"),
        _ => percent_encode(&name, |_| false),
    };
    checked_iri(format!("{base_iri}{SOURCE_SEGMENT}{encoded}"))
}

/// The IRI of a term of the project ontology, `kg:<local>`.
pub fn ontology_term(local: &str) -> io::Result<NamedNode> {
    checked_iri(format!("{ONTOLOGY_IRI}{local}"))
}

fn checked_iri(iri: String) -> io::Result<NamedNode> {
    NamedNode::new(iri.as_str()).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a valid IRI: <{iri}>: {e}"),
        )
    })
}

/// `text` with every character an IRI path segment may not hold as is
/// (RFC 3987) percent-encoded as UTF-8: unreserved ASCII and non-ASCII
/// `ucschar` of the Basic Multilingual Plane stay, bidirectional formatting
/// marks do not (§4.1), and `/` stays only when `keep_slash`. Characters
/// beyond the BMP are valid `ucschar` too, but Jena 4.5's strict parser
/// checks IRIs by UTF-16 unit and rejects their surrogates.
pub(crate) fn encode_iri_path(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    encode_iri_path_into(&mut out, text, keep_slash);
    out
}

/// [`encode_iri_path`] appended to `out`.
fn encode_iri_path_into(out: &mut String, text: &str, keep_slash: bool) {
    percent_encode_into(out, text, |c| {
        (c == '/' && keep_slash) || (c <= '\u{FFFF}' && is_ucschar(c) && !is_bidi_format(c))
    })
}

/// `text` with every character but unreserved ASCII and those `keep`
/// accepts percent-encoded as UTF-8.
fn percent_encode(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    percent_encode_into(&mut out, text, keep);
    out
}

/// [`percent_encode`] appended to `out`.
fn percent_encode_into(out: &mut String, text: &str, keep: impl Fn(char) -> bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let keep_slash = keep('/');
    // the common case, a slug: every byte stays
    let table = if keep_slash {
        &UNRESERVED_OR_SLASH
    } else {
        &UNRESERVED
    };
    if text.bytes().all(|b| table[usize::from(b)]) {
        out.push_str(text);
        return;
    }
    let stays = |b: u8| UNRESERVED[usize::from(b)] || (b == b'/' && keep_slash);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // runs of ASCII that stays (most often a whole id) copied at once
        let plain = rest.bytes().take_while(|&b| stays(b)).count();
        if plain > 0 {
            out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if keep(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for &byte in c.encode_utf8(&mut buf).as_bytes() {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
    }
}

/// The unreserved ASCII of RFC 3986 (letters, digits, `-._~`), by byte.
const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

/// [`UNRESERVED`] and `/`.
const UNRESERVED_OR_SLASH: [bool; 256] = {
    let mut table = UNRESERVED;
    table[b'/' as usize] = true;
    table
};

/// The `ucschar` production of RFC 3987.
fn is_ucschar(c: char) -> bool {
    let c = u32::from(c);
    matches!(c, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (0x10000..0xE0000).contains(&c) && (c & 0xFFFF) <= 0xFFFD
        || (0xE1000..=0xEFFFD).contains(&c)
}

/// Characters RFC 3987 §4.1 forbids in IRIs although `ucschar` holds them.
fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The source documents of `evidence` that the graph knows, sorted, each
/// once. Evidence naming an unregistered document gives no provenance.
pub(crate) fn evidence_docs(graph: &KnowledgeGraph, evidence: EvidenceRef<'_>) -> Vec<u32> {
    let known = graph.sources().len();
    let mut docs = evidence.docs();
    docs.retain(|&d| (d as usize) < known);
    docs
}

/// A confidence as an `xsd:decimal` lexical form with a decimal point
/// (`0.85`, `1.0`), clamped to 0..=1; NaN counts as 0.
pub(crate) fn confidence_decimal(confidence: f32) -> String {
    let clamped = if confidence > 0.0 {
        confidence.min(1.0)
    } else {
        0.0
    };
    // most confidences are hundredths: the f32 nearest k/100 is what f32's
    // Display writes as k/100 with its trailing zero dropped (one digit
    // when k is a multiple of ten), and that without formatting machinery
    let hundredths = (clamped * 100.0).round();
    if hundredths / 100.0 == clamped {
        let k = hundredths as u8; // 0..=100
        if k == 100 {
            return "1.0".to_string();
        }
        let mut text = String::from("0.");
        text.push(char::from(b'0' + k / 10));
        if !k.is_multiple_of(10) {
            text.push(char::from(b'0' + k % 10));
        }
        return text;
    }
    // f32's Display never uses an exponent
    let mut text = clamped.to_string();
    if !text.contains('.') {
        text.push_str(".0");
    }
    text
}

/// The typed literal of an ISO 8601 date label: `xsd:date` for
/// `YYYY-MM-DD`, `xsd:gYearMonth` for `YYYY-MM`, `xsd:gYear` for `YYYY`;
/// `None` when the label is none of these or not a real date.
pub fn date_literal(label: &str) -> Option<Literal> {
    let number = |s: &str| -> Option<u32> {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let parts: Vec<&str> = label.split('-').collect();
    // year 0000 is valid in XSD 1.1 only: rather no value than a doubtful one
    let year = number(parts.first().filter(|y| y.len() == 4)?).filter(|&y| y > 0)?;
    let month = match parts.get(1) {
        Some(m) if m.len() == 2 => Some(number(m).filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
        None => None,
    };
    let day_ok = match parts.get(2) {
        Some(d) if d.len() == 2 => {
            let day = number(d)?;
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month? {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (1..=days).contains(&day)
        }
        Some(_) => return None,
        None => true,
    };
    let datatype = match parts.len() {
        1 => xsd::G_YEAR,
        2 => xsd::G_YEAR_MONTH,
        3 if day_ok => xsd::DATE,
        _ => return None,
    };
    Some(Literal::new_typed_literal(label, datatype))
}

/// The vocabulary terms the exporter writes, built (and checked) once.
struct Vocab {
    id: NamedNode,
    date_value: NamedNode,
    mentioned_in: NamedNode,
    file_name: NamedNode,
    evidence: NamedNode,
    sentence: NamedNode,
    text: NamedNode,
    confidence: NamedNode,
    sentence_index: NamedNode,
    start_offset: NamedNode,
    end_offset: NamedNode,
    weight: NamedNode,
    alt_label: NamedNode,
    prov_entity: NamedNode,
    was_derived_from: NamedNode,
    /// The class of each node kind, indexed like [`NodeKind::ALL`].
    kinds: Vec<NamedNode>,
}

impl Vocab {
    fn new() -> io::Result<Self> {
        Ok(Vocab {
            kinds: NodeKind::ALL
                .iter()
                .map(|kind| ontology_term(kind.as_str()))
                .collect::<io::Result<_>>()?,
            id: ontology_term("id")?,
            date_value: ontology_term("dateValue")?,
            mentioned_in: ontology_term("mentionedIn")?,
            file_name: ontology_term("fileName")?,
            evidence: ontology_term("evidence")?,
            sentence: ontology_term("Sentence")?,
            text: ontology_term("text")?,
            confidence: ontology_term("confidence")?,
            sentence_index: ontology_term("sentenceIndex")?,
            start_offset: ontology_term("startOffset")?,
            end_offset: ontology_term("endOffset")?,
            weight: ontology_term("weight")?,
            alt_label: checked_iri(format!("{SKOS_IRI}altLabel"))?,
            prov_entity: checked_iri(format!("{PROV_IRI}Entity"))?,
            was_derived_from: checked_iri(format!("{PROV_IRI}wasDerivedFrom"))?,
        })
    }

    fn kind(&self, kind: NodeKind) -> NamedNodeRef<'_> {
        let index = NodeKind::ALL.iter().position(|&k| k == kind);
        self.kinds[index.unwrap_or_default()].as_ref()
    }
}

/// A triple, borrowed from the graph and the block being written, and the
/// source documents that support it (indices into
/// [`KnowledgeGraph::sources`]); none means the default graph in N-Quads.
struct Statement<'a> {
    subject: NamedNodeRef<'a>,
    predicate: NamedNodeRef<'a>,
    object: TermRef<'a>,
    docs: &'a [u32],
}

impl<'a> Statement<'a> {
    fn new(
        subject: NamedNodeRef<'a>,
        predicate: NamedNodeRef<'a>,
        object: impl Into<TermRef<'a>>,
        docs: &'a [u32],
    ) -> Self {
        Statement {
            subject,
            predicate,
            object: object.into(),
            docs,
        }
    }

    /// The order of the triples of one subject: `rdf:type`, labels and the
    /// id first (see [`predicate_rank`]), then by predicate and object.
    fn sort_key(&self) -> (u8, &'a str, u8, &'a str, &'a str) {
        let (object_kind, value, qualifier) = match self.object {
            TermRef::NamedNode(n) => (0, n.as_str(), ""),
            TermRef::Literal(l) => (
                1,
                l.value(),
                l.language().unwrap_or_else(|| l.datatype().as_str()),
            ),
            // the exporter writes no blank nodes or triple terms
            #[allow(unreachable_patterns)]
            _ => (2, "", ""),
        };
        (
            predicate_rank(self.predicate),
            self.predicate.as_str(),
            object_kind,
            value,
            qualifier,
        )
    }
}

fn integer_literal(lexical: &str) -> LiteralRef<'_> {
    LiteralRef::new_typed_literal(lexical, xsd::INTEGER)
}

/// A literal tagged `vi` or `en`, borrowed: both tags are well-formed.
fn tagged_literal<'a>(value: &'a str, language: &'static str) -> LiteralRef<'a> {
    LiteralRef::new_language_tagged_literal_unchecked(value, language)
}

/// Where the triples go: one of the three syntaxes, rendered in memory.
struct Sink {
    writer: RdfWriter,
}

impl Sink {
    fn new(format: Format, options: &ExportOptions) -> io::Result<Self> {
        let (syntax, prefixes) = match format {
            Format::Turtle => (Syntax::Turtle, turtle_prefixes(options)?),
            Format::Ntriples => (Syntax::NTriples, Prefixes::default()),
            Format::Nquads => (Syntax::NQuads, Prefixes::default()),
            other => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{other:?} is not an RDF format"),
                ))
            }
        };
        Ok(Sink {
            writer: RdfWriter::with_capacity(syntax, prefixes, CHUNK_BYTES),
        })
    }

    /// Writes the triple of `statement`; N-Quads writes it once into each
    /// of `graphs`, or into the default graph when there is none.
    fn write(&mut self, statement: &Statement<'_>, graphs: &[NamedNodeRef<'_>]) -> io::Result<()> {
        let Statement {
            subject,
            predicate,
            object,
            ..
        } = *statement;
        self.writer.write(subject, predicate, object, graphs);
        Ok(())
    }

    /// Ends the output and hands back its bytes.
    fn finish(self) -> Vec<u8> {
        self.writer.finish()
    }
}

/// How many nodes (with their outgoing edges) or edges (with their
/// evidence) one rendering task writes. Fixed, so the chunks and thus the
/// bytes do not depend on the number of threads.
const CHUNK_ITEMS: usize = 2048;

/// About how many statements a chunk of nodes holds at most (one node
/// with more is a chunk of its own): ~16 a node, a few MB a chunk.
const CHUNK_STATEMENTS: usize = 32 * 1024;

/// The room a chunk's output starts with: about what a chunk of nodes or
/// edges takes, so that its buffer is seldom grown (and copied) as it is
/// rendered.
const CHUNK_BYTES: usize = 1 << 20;

/// How many chunks may be rendered (or being rendered) and not yet
/// written, per rendering thread: the output held in memory, a few
/// megabytes a chunk, and the slack that keeps the renderers busy while
/// the writer writes a large chunk.
const CHUNKS_PER_THREAD: usize = 4;

/// A run of consecutive subjects, rendered on its own.
#[derive(Clone, Copy)]
enum Chunk {
    /// Sources `start..end` of the IRI order
    /// ([`Exporter::ranked_sources`]).
    Sources(usize, usize),
    /// Nodes `start..end` of the id order, each with its outgoing edges.
    Nodes(usize, usize),
    /// The evidence of edges `start..end` of the edge order.
    Evidence(usize, usize),
    /// Sentences `start..end` of the IRI order.
    Sentences(usize, usize),
}

/// No sentence, in [`Sentences::number_of`] and the places of
/// [`sentences_by_place`].
const NO_SENTENCE: u32 = u32::MAX;

/// The sentences are numbered by the hash of their text a share of the
/// hashes at a time, by its top this many bits: the list sorted is an
/// eighth of them (at 1 GB of news, 7 MB instead of 56 MB).
const HASH_SHARE_BITS: u32 = 3;

/// The distinct evidence sentences, in IRI order, as flat arrays of edge
/// positions and of the graph's stored sentences (a few bytes each): a
/// sentence's text is read from an edge pointing at it, its IRI minted and
/// its documents gathered when it is written. The number in a sentence's
/// IRI (its name) is the hash of its text, plus one per text before it
/// with the same hash: made from the edge it is read from when asked,
/// not held (8 bytes a sentence, 3 M sentences at 1 GB of news).
struct Sentences<'g> {
    /// Which edges' statements are written with a sentence.
    written: WrittenStatements,
    /// How many distinct texts there are.
    count: usize,
    /// The hash of the text of an edge's sentence.
    text_hash: Box<dyn Fn(&Edge) -> u64 + Sync + 'g>,
    /// The names of the sentences whose name is not their text's hash
    /// (texts after the first of one hash), by sentence.
    renamed: FastMap<u32, u64>,
    /// Where the edges pointing at each sentence start in `pointing`, and
    /// one last entry, its length; empty when one edge points at each.
    starts: Vec<u32>,
    /// Positions in the edge order of the edges whose statements point at
    /// a sentence, sentence after sentence: every one in N-Quads (whose
    /// graphs a sentence is in), else the first (to read the text from).
    pointing: Vec<u32>,
    /// For each sentence the graph stores, its number among the distinct
    /// texts ([`NO_SENTENCE`]: no written statement points at it); empty
    /// at `--provenance none`.
    number_of: Vec<u32>,
}

/// Which edges' statements are written with a sentence: those with a
/// known document and a sentence, at `edge` any of their documents, at
/// `full` their first mention's (only it has its sentence's text).
#[derive(Clone, Copy, Default)]
struct WrittenStatements {
    provenance: Provenance,
    /// How many source documents there are: a larger number is unknown.
    known: usize,
}

impl WrittenStatements {
    fn of(graph: &KnowledgeGraph, provenance: Provenance) -> Self {
        let known = graph.sources().len();
        WrittenStatements { provenance, known }
    }

    /// The stored sentence of `edge` if its statement is written with one.
    fn sentence(self, graph: &KnowledgeGraph, edge: &Edge) -> Option<usize> {
        let is_known = |doc: u32| (doc as usize) < self.known;
        let evidence = graph.edge_evidence(edge);
        let written = match self.provenance {
            Provenance::None => false,
            Provenance::Full => evidence.first().is_some_and(|e| is_known(e.doc)),
            Provenance::Edge => evidence.first_doc().is_some_and(is_known),
        };
        (written && graph.sentence_len(edge) > 0).then(|| edge.sentence.index() as usize)
    }
}

impl Sentences<'_> {
    /// No sentences (at `--provenance none`).
    fn none() -> Self {
        Sentences {
            written: WrittenStatements::default(),
            count: 0,
            text_hash: Box::new(|_| 0),
            renamed: FastMap::default(),
            starts: Vec::new(),
            pointing: Vec::new(),
            number_of: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.count
    }

    /// The edge positions pointing at sentence `sentence` (see
    /// [`Sentences::pointing`]).
    fn pointing_at(&self, sentence: usize) -> &[u32] {
        if self.starts.is_empty() {
            return &self.pointing[sentence..sentence + 1];
        }
        let start = self.starts[sentence] as usize;
        let end = self.starts[sentence + 1] as usize;
        &self.pointing[start..end]
    }

    /// The number in the IRI of sentence `sentence`, of `graph` whose
    /// edges are in the order `edges`.
    fn name(&self, graph: &KnowledgeGraph, edges: &EdgeOrder, sentence: u32) -> u64 {
        if let Some(&name) = self.renamed.get(&sentence) {
            return name;
        }
        let position = self.pointing_at(sentence as usize)[0] as usize;
        (self.text_hash)(&graph.petgraph()[edges.get(position)])
    }

    /// The sentence `edge`'s statement points at, if it is written.
    fn of_edge(&self, graph: &KnowledgeGraph, edge: &Edge) -> Option<u32> {
        let stored = self.written.sentence(graph, edge)?;
        self.number_of
            .get(stored)
            .copied()
            .filter(|&s| s != NO_SENTENCE)
    }
}

/// The distinct sentences the evidence statements of `edges` point at, in
/// IRI order (hash, then text), and for each edge its sentence among
/// them: at `edge` that of every relation with a source, at `full` that
/// of each relation's first mention (the only one whose text the graph
/// keeps; later mentions read in the same sentence point at it too).
/// `every_pointer`: whether to keep every edge pointing at a sentence or
/// only the first. Texts are read only to tell apart sentences of one
/// hash.
fn collect_sentences<'g>(
    graph: &'g KnowledgeGraph,
    edges: &EdgeOrder,
    provenance: Provenance,
    every_pointer: bool,
) -> io::Result<Sentences<'g>> {
    // parts_hash(&[text]), from the hash the graph keeps of the text
    let hash = |edge: &Edge| fnv1a_extend(graph.sentence_hash(edge), &[PART_END]);
    collect_sentences_hashed(graph, edges, provenance, every_pointer, hash)
}

/// [`collect_sentences`] with the hash that names the sentences given
/// (tests make texts collide).
fn collect_sentences_hashed<'g>(
    graph: &KnowledgeGraph,
    edges: &EdgeOrder,
    provenance: Provenance,
    every_pointer: bool,
    text_hash: impl Fn(&Edge) -> u64 + Sync + 'g,
) -> io::Result<Sentences<'g>> {
    if provenance == Provenance::None {
        return Ok(Sentences::none());
    }
    let petgraph = graph.petgraph();
    let written = WrittenStatements::of(graph, provenance);
    // the first position pointing at each stored sentence: many edges share
    // one (a sentence stating several facts), so the sentences are sorted,
    // not the edges
    let mut first_at: Vec<u32> = Vec::new();
    for position in 0..edges.len() {
        if let Some(id) = written.sentence(graph, &petgraph[edges.get(position)]) {
            if id >= first_at.len() {
                first_at.resize(id + 1, NO_SENTENCE);
            }
            if first_at[id] == NO_SENTENCE {
                first_at[id] = position as u32;
            }
        }
    }
    let edge_at = |position: u32| &petgraph[edges.get(position as usize)];
    // each stored sentence's share by the top bits of its text's hash
    // ([`HASH_SHARES`] of them, `NO_SHARE`: not pointed at), so that the
    // sentences are sorted by hash a share at a time
    const NO_SHARE: u8 = u8::MAX;
    let share_of = |hash: u64| (hash >> (64 - HASH_SHARE_BITS)) as u8;
    let share: Vec<u8> = first_at
        .par_iter()
        .map(|&position| match position {
            NO_SENTENCE => NO_SHARE,
            _ => share_of(text_hash(edge_at(position))),
        })
        .collect();
    // each distinct text numbered, in the order of (hash, text, first
    // position): the number of each stored sentence's text (in the room
    // of its first position, no longer needed once its share is done),
    // and each text's first position
    let mut number_of = first_at;
    let mut count = 0u32;
    let mut renamed: FastMap<u32, u64> = FastMap::default();
    let mut firsts: Vec<u32> = Vec::new();
    // the hash of the text before and its first position
    let mut previous: Option<(u64, u32)> = None;
    // texts before this one with the same hash (1 in 30 million among a
    // million sentences): each gets the next number, so none is lost
    let mut colliding = 0u64;
    let mut failure = None;
    for this_share in 0..1u8 << HASH_SHARE_BITS {
        // (hash, first position) of each stored sentence of the share,
        // made once beside it (looked up inside the comparisons, they cost
        // cache misses a comparison on large graphs)
        let mut keyed: Vec<(u64, u32)> = number_of
            .par_iter()
            .zip(&share)
            .filter(|&(_, &share)| share == this_share)
            .map(|(&position, _)| (text_hash(edge_at(position)), position))
            .collect();
        keyed.par_sort_unstable();
        // by hash, text and position: texts compared only within a run of
        // equal hashes
        for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_by(|a, b| {
                    text_order(graph, edge_at(a.1), edge_at(b.1), &mut failure).then(a.1.cmp(&b.1))
                });
            }
        }
        if let Some(failure) = failure {
            return Err(failure);
        }
        for &(hash, position) in &keyed {
            let same_hash = previous.is_some_and(|(previous, _)| previous == hash);
            let new = !(same_hash
                && previous.is_some_and(|(_, p)| {
                    let order = text_order(graph, edge_at(p), edge_at(position), &mut failure);
                    order == std::cmp::Ordering::Equal
                }));
            if new {
                colliding = if same_hash { colliding + 1 } else { 0 };
                if colliding > 0 {
                    renamed.insert(count, hash.wrapping_add(colliding));
                }
                count += 1;
                firsts.push(position);
                previous = Some((hash, position));
            }
            let stored = petgraph[edges.get(position as usize)].sentence.index() as usize;
            number_of[stored] = count - 1;
        }
        if let Some(failure) = failure {
            return Err(failure);
        }
    }
    let mut sentences = Sentences {
        written,
        count: count as usize,
        text_hash: Box::new(text_hash),
        renamed,
        starts: Vec::new(),
        pointing: Vec::new(),
        number_of,
    };
    let sentence_at = |position: usize| sentences.of_edge(graph, &petgraph[edges.get(position)]);
    let (starts, pointing) = match every_pointer {
        // every position pointing at each text, in edge order (a counting
        // sort of the positions by sentence)
        true => {
            let mut starts = vec![0u32; sentences.len() + 1];
            for sentence in (0..edges.len()).filter_map(sentence_at) {
                starts[sentence as usize + 1] += 1;
            }
            for i in 1..starts.len() {
                starts[i] += starts[i - 1];
            }
            let mut next = starts.clone();
            let mut pointing = vec![0u32; starts[sentences.len()] as usize];
            for position in 0..edges.len() {
                if let Some(sentence) = sentence_at(position) {
                    pointing[next[sentence as usize] as usize] = position as u32;
                    next[sentence as usize] += 1;
                }
            }
            (starts, pointing)
        }
        false => (Vec::new(), firsts),
    };
    sentences.starts = starts;
    sentences.pointing = pointing;
    Ok(sentences)
}

/// The order of the texts of `a`'s and `b`'s sentences, read only when
/// they are not the same sentence; a failed read is kept in `failure`.
fn text_order(
    graph: &KnowledgeGraph,
    a: &Edge,
    b: &Edge,
    failure: &mut Option<io::Error>,
) -> std::cmp::Ordering {
    if a.sentence == b.sentence {
        return std::cmp::Ordering::Equal;
    }
    match (graph.sentence(a), graph.sentence(b)) {
        (Ok(a), Ok(b)) => a.cmp(&b),
        (Err(e), _) | (_, Err(e)) => {
            failure.get_or_insert(e);
            std::cmp::Ordering::Equal
        }
    }
}

/// The sentence of each (document, sentence number) some relation's first
/// mention was read in, from `sentences` (see [`collect_sentences`]):
/// (document, sentence number, sentence) sorted, the sentence
/// [`NO_SENTENCE`] where two relations disagree on its text.
fn sentences_by_place(
    graph: &KnowledgeGraph,
    edges: &EdgeOrder,
    sentences: &Sentences,
) -> Vec<(u32, u32, u32)> {
    let petgraph = graph.petgraph();
    let mut places: Vec<(u32, u32, u32)> = (0..edges.len())
        .filter_map(|position| {
            let edge = &petgraph[edges.get(position)];
            let sentence = sentences.of_edge(graph, edge)?;
            let first = graph.edge_evidence(edge).first()?;
            Some((first.doc, first.sentence, sentence))
        })
        .collect();
    places.sort_unstable();
    places.dedup();
    // what is left of one place has different sentences
    places.dedup_by(|later, kept| {
        let same_place = (later.0, later.1) == (kept.0, kept.1);
        if same_place {
            kept.2 = NO_SENTENCE;
        }
        same_place
    });
    places.shrink_to_fit();
    places
}

/// Whether every IRI made by appending to `base` characters an IRI path
/// takes as they are (unreserved, `ucschar`, percent-encodings, `/`) is
/// valid once `base` followed by a letter is: when `base` ends in its
/// path, query or fragment, not in its scheme or authority (a port takes
/// digits only).
fn appends_to_path(base: &str) -> bool {
    let Some((_, rest)) = base.split_once(':') else {
        return false;
    };
    let in_authority = rest
        .strip_prefix("//")
        .is_some_and(|authority| !authority.contains(['/', '?', '#']));
    !in_authority && NamedNode::new(format!("{base}x")).is_ok()
}

/// Makes the IRIs of nodes, evidence statements and sentences as they are
/// written instead of holding them for the whole graph. Under a base IRI
/// that [`appends_to_path`] they need no checking (oxiri's parse costs
/// more than making them); under any other, each is checked.
struct IriMaker<'g> {
    base: &'g str,
    checked: bool,
}

impl<'g> IriMaker<'g> {
    fn new(base: &'g str) -> Self {
        IriMaker {
            base,
            checked: !appends_to_path(base),
        }
    }

    fn make(&self, iri: String) -> io::Result<NamedNode> {
        if self.checked {
            checked_iri(iri)
        } else {
            Ok(NamedNode::new_unchecked(iri))
        }
    }

    /// The IRI of the node with id `id`, as [`node_iri`] makes it.
    fn node(&self, id: &str) -> io::Result<NamedNode> {
        let mut iri = String::with_capacity(self.base.len() + id.len());
        iri.push_str(self.base);
        encode_iri_path_into(&mut iri, id, true);
        self.make(iri)
    }

    /// `<base><segment><hash as 16 hex digits>`.
    fn hashed(&self, segment: &str, hash: u64) -> io::Result<NamedNode> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut iri = String::with_capacity(self.base.len() + segment.len() + 16);
        iri.push_str(self.base);
        iri.push_str(segment);
        // what `{hash:016x}` writes, without the formatting machinery
        for shift in (0..16).rev() {
            iri.push(char::from(HEX[(hash >> (4 * shift)) as usize & 0xF]));
        }
        self.make(iri)
    }
}

/// Slots of [`NodeNames`]: twice a chunk's items, room for a chunk's nodes
/// and the hubs (dates, countries, roles) their edges point at.
const NODE_NAME_SLOTS: usize = 2 * CHUNK_ITEMS;

/// A node's id and IRI, made once for the chunk that writes it.
struct NodeName {
    id: String,
    iri: NamedNode,
}

/// The names of the nodes a chunk met last, by node index, direct-mapped:
/// an id folds the node's whole label, and an edge names both its ends,
/// so a chunk of edges would otherwise fold the same hub again and again.
struct NodeNames {
    slots: Vec<Option<(NodeIndex, Rc<NodeName>)>>,
}

impl NodeNames {
    fn new() -> Self {
        NodeNames {
            slots: vec![None; NODE_NAME_SLOTS],
        }
    }

    /// The name of node `ix` (`node`), made by `iris` unless held.
    fn get(&mut self, iris: &IriMaker, ix: NodeIndex, node: &Node) -> io::Result<Rc<NodeName>> {
        let slot = &mut self.slots[ix.index() % NODE_NAME_SLOTS];
        if let Some((held, name)) = slot {
            if *held == ix {
                return Ok(Rc::clone(name));
            }
        }
        let id = node.id();
        let iri = iris.node(&id)?;
        let name = Rc::new(NodeName { id, iri });
        *slot = Some((ix, Rc::clone(&name)));
        Ok(name)
    }

    /// The names of `edge`'s source and target.
    fn of_edge(
        &mut self,
        iris: &IriMaker,
        edge: &EdgeRef,
    ) -> io::Result<(Rc<NodeName>, Rc<NodeName>)> {
        let source = self.get(iris, edge.source_index, edge.source)?;
        let target = self.get(iris, edge.target_index, edge.target)?;
        Ok((source, target))
    }
}

/// Writes one graph, a subject at a time: the source documents (by IRI),
/// each node with its outgoing edges (by node id), then the evidence of
/// each edge (by edge). The subjects are cut into chunks of fixed size,
/// rendered in parallel into buffers and written in order: the output is
/// that of one serializer writing everything in turn, never held whole in
/// memory, whatever the number of threads. Besides the graph it holds a
/// few bytes an edge and a node (positions, not IRIs or texts).
struct Exporter<'g> {
    graph: &'g KnowledgeGraph,
    format: Format,
    options: &'g ExportOptions,
    vocab: Vocab,
    /// Each source's position among the distinct source IRIs in IRI order
    /// (the order of N-Quads graph names); equal IRIs, equal positions.
    source_rank: Vec<u32>,
    /// The distinct source IRIs in IRI order, as indices into
    /// `graph.sources()` (of the first source of each).
    ranked_sources: Vec<u32>,
    /// The distinct source IRIs in IRI order.
    source_iris: RankedIris,
    iris: IriMaker<'g>,
    /// The predicate of each relation, indexed like [`Relation::ALL`].
    relations: Vec<NamedNode>,
    nodes: Cow<'g, [NodeIndex]>,
    edges: EdgeOrder,
    /// For each node of `nodes`, where its outgoing edges start in `edges`.
    first_edge: Vec<u32>,
    sentences: Sentences<'g>,
    /// At `full`, the sentence of each (document, sentence number) some
    /// relation's first mention was read in (see [`sentences_by_place`]):
    /// what the other mentions read in it point at.
    mention_sentences: Vec<(u32, u32, u32)>,
    /// What a Turtle serializer writes before its first triple (the
    /// prefixes): written once, cut from every chunk but the first.
    turtle_prelude: Vec<u8>,
    /// Nodes or edges per chunk ([`CHUNK_ITEMS`]; tests use others).
    chunk_items: usize,
    /// About how many statements a chunk holds at most
    /// ([`CHUNK_STATEMENTS`]; tests use others).
    chunk_statements: usize,
}

impl<'g> Exporter<'g> {
    fn new(
        graph: &'g KnowledgeGraph,
        format: Format,
        options: &'g ExportOptions,
    ) -> io::Result<Self> {
        let base = options.base_iri.as_str();
        let sources: Vec<NamedNode> = graph
            .sources()
            .iter()
            .map(|name| source_iri(base, name))
            .collect::<io::Result<_>>()?;
        let mut ranked_sources: Vec<u32> = (0..sources.len() as u32).collect();
        ranked_sources.sort_by(|&a, &b| {
            sources[a as usize]
                .as_str()
                .cmp(sources[b as usize].as_str())
        });
        ranked_sources.dedup_by(|a, b| sources[*a as usize] == sources[*b as usize]);
        let source_rank = sources
            .iter()
            .map(|iri| {
                let rank = ranked_sources
                    .binary_search_by(|&r| sources[r as usize].as_str().cmp(iri.as_str()));
                rank.unwrap_or_default() as u32
            })
            .collect();
        let source_iris = RankedIris::new(
            ranked_sources
                .iter()
                .map(|&source| sources[source as usize].as_str()),
        );
        drop(sources);
        let petgraph = graph.petgraph();
        let iris = IriMaker::new(base);
        if iris.checked {
            // a node IRI the base makes invalid fails before anything is written
            for node in petgraph.node_weights() {
                iris.node(&node.id())?;
            }
        }
        let relations = Relation::ALL
            .iter()
            .map(|r| ontology_term(r.as_str()))
            .collect::<io::Result<_>>()?;
        let nodes = graph.sorted_node_indices();
        let edges = graph.edge_order();
        // both sorted by id: each node's outgoing edges are a run of `edges`
        // (in the order made, read one after another)
        let source = |position: usize| petgraph.edge_endpoints(edges.get(position)).map(|e| e.0);
        let mut first_edge = Vec::with_capacity(nodes.len() + 1);
        let mut next = 0;
        for &node in nodes.iter() {
            first_edge.push(next as u32);
            while next < edges.len() && source(next) == Some(node) {
                next += 1;
            }
        }
        first_edge.push(edges.len() as u32);
        let every_pointer = format == Format::Nquads;
        let sentences = collect_sentences(graph, &edges, options.provenance, every_pointer)?;
        let mention_sentences = if options.provenance == Provenance::Full {
            sentences_by_place(graph, &edges, &sentences)
        } else {
            Vec::new()
        };
        let turtle_prelude = if format == Format::Turtle {
            turtle_prelude(options)?
        } else {
            Vec::new()
        };
        Ok(Exporter {
            graph,
            format,
            options,
            vocab: Vocab::new()?,
            source_rank,
            ranked_sources,
            source_iris,
            iris,
            relations,
            nodes,
            edges,
            first_edge,
            sentences,
            mention_sentences,
            turtle_prelude,
            chunk_items: CHUNK_ITEMS,
            chunk_statements: CHUNK_STATEMENTS,
        })
    }

    fn write_all(&self, out: &mut dyn Write) -> io::Result<()> {
        let with_sources = self.options.provenance.has_sources();
        let by_count = |_| 0;
        let mut chunks = Vec::new();
        if with_sources {
            let sources = self.cut(self.ranked_sources.len(), by_count);
            chunks.extend(sources.map(|(start, end)| Chunk::Sources(start, end)));
        }
        // nodes cut by count and by statements: a node mentioned in many
        // documents writes a source link for each (18 MB for one node at
        // 1 GB of input), and the chunks of a round are held at once
        let nodes = self.cut(self.nodes.len(), |at| self.node_statements(at));
        chunks.extend(nodes.map(|(start, end)| Chunk::Nodes(start, end)));
        // and edges alike: a fact stated in thousands of articles writes a
        // source link for each
        if with_sources {
            let evidence = self.cut(self.edges.len(), |at| self.evidence_statements(at));
            chunks.extend(evidence.map(|(start, end)| Chunk::Evidence(start, end)));
        }
        let sentences = self.cut(self.sentences.len(), by_count);
        chunks.extend(sentences.map(|(start, end)| Chunk::Sentences(start, end)));
        // chunks rendered on every core while this thread writes them out
        // in order, at most a window of them ahead
        let window = CHUNKS_PER_THREAD * rayon::current_num_threads();
        let mut first = true;
        render_in_order(
            chunks.len(),
            window,
            |i| self.render(chunks[i]),
            |bytes| {
                let bytes = bytes?;
                let body = match bytes.strip_prefix(self.turtle_prelude.as_slice()) {
                    Some(body) if !first => body,
                    _ => &bytes[..],
                };
                first &= bytes.is_empty();
                out.write_all(body)
            },
        )
    }

    /// `0..len` cut into runs of at most [`Exporter::chunk_items`] items
    /// and about [`Exporter::chunk_statements`] statements (`statements`
    /// of each item; an item of more is a run of its own).
    fn cut(
        &self,
        len: usize,
        statements: impl Fn(usize) -> usize,
    ) -> impl Iterator<Item = (usize, usize)> {
        let size = self.chunk_items.max(1);
        let limit = self.chunk_statements;
        let (mut start, mut held) = (0, 0);
        (0..len).filter_map(move |at| {
            held += statements(at);
            let last = at + 1 == len;
            (at + 1 - start >= size || held >= limit || last).then(|| {
                let run = (start, at + 1);
                (start, held) = (at + 1, 0);
                run
            })
        })
    }

    /// The serialisation of one chunk on its own, prelude included.
    fn render(&self, chunk: Chunk) -> io::Result<Vec<u8>> {
        let mut sink = Sink::new(self.format, self.options)?;
        let mut names = NodeNames::new();
        match chunk {
            Chunk::Sources(start, end) => self.write_sources(&mut sink, start..end)?,
            Chunk::Nodes(start, end) => {
                for position in start..end {
                    self.write_node(&mut sink, &mut names, position)?;
                }
            }
            Chunk::Evidence(start, end) => {
                for position in start..end {
                    match self.options.provenance {
                        Provenance::Full => self.write_evidence(&mut sink, &mut names, position)?,
                        Provenance::Edge => {
                            self.write_edge_provenance(&mut sink, &mut names, position)?
                        }
                        Provenance::None => {}
                    }
                }
            }
            Chunk::Sentences(start, end) => {
                for sentence in start..end {
                    self.write_sentence(&mut sink, sentence)?;
                }
            }
        }
        Ok(sink.finish())
    }

    /// Sources `positions` of the IRI order, each IRI once (the first
    /// source of it).
    fn write_sources(&self, sink: &mut Sink, positions: Range<usize>) -> io::Result<()> {
        for rank in positions {
            let iri = self.source_iris.get(rank);
            let name = &self.graph.sources()[self.ranked_sources[rank] as usize];
            let block = vec![
                Statement::new(iri, rdf::TYPE, self.vocab.prov_entity.as_ref(), &[]),
                Statement::new(
                    iri,
                    self.vocab.file_name.as_ref(),
                    LiteralRef::new_simple_literal(name),
                    &[],
                ),
            ];
            self.write_block(sink, block)?;
        }
        Ok(())
    }

    /// About how many statements [`Exporter::write_node`] writes for node
    /// `position`: at most one source link per mention.
    fn node_statements(&self, position: usize) -> usize {
        let node = self.graph.node(self.nodes[position]);
        let sources = match self.options.provenance.has_sources() {
            true => self.graph.node_evidence(node).len(),
            false => 0,
        };
        let edges = (self.first_edge[position + 1] - self.first_edge[position]) as usize;
        5 + node.aliases.len() + sources + edges
    }

    /// About how many statements the evidence of edge `position` of the
    /// edge order writes: at most one source link per mention.
    fn evidence_statements(&self, position: usize) -> usize {
        8 + self.graph.edge_evidence(self.edge(position).edge).len()
    }

    /// Node `position` of the id order with its outgoing edges.
    fn write_node(
        &self,
        sink: &mut Sink,
        names: &mut NodeNames,
        position: usize,
    ) -> io::Result<()> {
        let vocab = &self.vocab;
        let ix = self.nodes[position];
        let node = self.graph.node(ix);
        let name = names.get(&self.iris, ix, node)?;
        let iri = name.iri.as_ref();
        let docs = self.supporting_docs(self.graph.node_evidence(node));
        let docs = docs.as_slice();
        let kind = self.vocab.kind(node.kind);
        let edges = self.first_edge[position] as usize..self.first_edge[position + 1] as usize;
        let size = 5 + node.aliases.len() + edges.len();
        let mut block = Vec::with_capacity(size);
        block.push(Statement::new(iri, rdf::TYPE, kind, docs));
        let label = if node.kind == NodeKind::Date {
            LiteralRef::new_simple_literal(&node.label)
        } else {
            tagged_literal(&node.label, "vi")
        };
        block.push(Statement::new(iri, rdfs::LABEL, label, docs));
        if let Some(label_en) = &node.label_en {
            block.push(Statement::new(
                iri,
                rdfs::LABEL,
                tagged_literal(label_en, "en"),
                docs,
            ));
        }
        for alias in &node.aliases {
            let alias = tagged_literal(alias, "vi");
            block.push(Statement::new(iri, vocab.alt_label.as_ref(), alias, docs));
        }
        let id = LiteralRef::new_simple_literal(&name.id);
        block.push(Statement::new(iri, vocab.id.as_ref(), id, docs));
        let date_value = date_literal(&node.label).filter(|_| node.kind == NodeKind::Date);
        if let Some(value) = &date_value {
            block.push(Statement::new(
                iri,
                vocab.date_value.as_ref(),
                value.as_ref(),
                docs,
            ));
        }
        let mentions = self.source_links(iri, vocab.mentioned_in.as_ref(), docs);
        let edges: Vec<EdgeRef<'_>> = edges.map(|position| self.edge(position)).collect();
        let targets: Vec<Rc<NodeName>> = edges
            .iter()
            .map(|edge| names.get(&self.iris, edge.target_index, edge.target))
            .collect::<io::Result<_>>()?;
        // an edge's documents only name N-Quads graphs
        let edge_docs: Vec<Vec<u32>> = edges
            .iter()
            .map(|edge| match self.format {
                Format::Nquads => self.supporting_docs(edge.evidence),
                _ => Vec::new(),
            })
            .collect();
        for ((edge, target), docs) in edges.iter().zip(&targets).zip(&edge_docs) {
            block.push(Statement::new(
                iri,
                self.relation(edge.edge.relation),
                target.iri.as_ref(),
                docs,
            ));
        }
        self.write_block_with(sink, block, Some(mentions))
    }

    /// Every piece of evidence of edge `position` of the edge order, each
    /// the reified fact with where it was read and, where the graph keeps
    /// its text, the sentence.
    fn write_evidence(
        &self,
        sink: &mut Sink,
        names: &mut NodeNames,
        position: usize,
    ) -> io::Result<()> {
        let vocab = &self.vocab;
        let edge = self.edge(position);
        let sentence = self.sentence_iri(position)?;
        let (source, target) = names.of_edge(&self.iris, &edge)?;
        let (source_id, target_id) = (source.id.as_str(), target.id.as_str());
        let subject = source.iri.as_ref();
        let predicate = self.relation(edge.edge.relation);
        let object = target.iri.as_ref();
        for (mention, evidence) in edge.evidence.pieces().iter().enumerate() {
            let doc = evidence.doc as usize;
            let (Some(source), Some(doc_name)) =
                (self.source_iri_of(doc), self.graph.sources().get(doc))
            else {
                continue;
            };
            let numbers = [evidence.sentence, evidence.start, evidence.end].map(|n| n.to_string());
            let fact_and_place = [
                source_id,
                edge.edge.relation.as_str(),
                target_id,
                doc_name,
                &numbers[0],
                &numbers[1],
                &numbers[2],
            ];
            let hash = parts_hash(&fact_and_place);
            let iri = self.iris.hashed(EVIDENCE_SEGMENT, hash)?;
            let iri = iri.as_ref();
            let docs = std::slice::from_ref(&evidence.doc);
            let confidence = confidence_decimal(evidence.confidence);
            let mut block = Vec::with_capacity(10);
            block.extend([
                Statement::new(iri, rdf::TYPE, rdf::STATEMENT, docs),
                Statement::new(iri, rdf::SUBJECT, subject, docs),
                Statement::new(iri, rdf::PREDICATE, predicate, docs),
                Statement::new(iri, rdf::OBJECT, object, docs),
                Statement::new(iri, vocab.was_derived_from.as_ref(), source, docs),
            ]);
            // the graph keeps the text of each relation's earliest sentence
            // only: a later mention has one where it was read in another
            // relation's earliest
            let first = sentence.as_ref().filter(|_| mention == 0);
            let read_in = match first {
                Some(_) => None,
                None => self.sentence_read_in(evidence)?,
            };
            let sentence = first.or(read_in.as_ref()).map(NamedNode::as_ref);
            let confidence = LiteralRef::new_typed_literal(&confidence, xsd::DECIMAL);
            push_in_written_order(
                &mut block,
                iri,
                docs,
                [
                    (&vocab.confidence, Some(confidence.into())),
                    (&vocab.end_offset, Some(integer_literal(&numbers[2]).into())),
                    (&vocab.evidence, sentence.map(TermRef::from)),
                    (
                        &vocab.sentence_index,
                        Some(integer_literal(&numbers[0]).into()),
                    ),
                    (
                        &vocab.start_offset,
                        Some(integer_literal(&numbers[1]).into()),
                    ),
                ],
            );
            self.write_block(sink, block)?;
        }
        Ok(())
    }

    /// What the evidence of edge `position` of the edge order comes to at
    /// `--provenance edge`: one reified triple per relation with every
    /// source article, the number of mentions (`kg:weight`), the highest
    /// confidence and the sentence the graph keeps. Its IRI hashes the
    /// relation alone, so shards and runs agree on it.
    fn write_edge_provenance(
        &self,
        sink: &mut Sink,
        names: &mut NodeNames,
        position: usize,
    ) -> io::Result<()> {
        let vocab = &self.vocab;
        let edge = self.edge(position);
        let docs = evidence_docs(self.graph, edge.evidence);
        if docs.is_empty() {
            return Ok(());
        }
        let (source, target) = names.of_edge(&self.iris, &edge)?;
        let (source_id, target_id) = (source.id.as_str(), target.id.as_str());
        let subject = source.iri.as_ref();
        let predicate = self.relation(edge.edge.relation);
        let object = target.iri.as_ref();
        let fact = [source_id, edge.edge.relation.as_str(), target_id];
        let iri = self.iris.hashed(EVIDENCE_SEGMENT, parts_hash(&fact))?;
        let iri = iri.as_ref();
        let docs = docs.as_slice();
        let confidence = confidence_decimal(edge.confidence());
        let weight = edge.weight().to_string();
        // pushed in the order written (prov: before kg:), so that the
        // block is most often sorted already
        let mut block = Vec::with_capacity(7);
        block.extend([
            Statement::new(iri, rdf::TYPE, rdf::STATEMENT, docs),
            Statement::new(iri, rdf::SUBJECT, subject, docs),
            Statement::new(iri, rdf::PREDICATE, predicate, docs),
            Statement::new(iri, rdf::OBJECT, object, docs),
        ]);
        let sources = self.source_links(iri, vocab.was_derived_from.as_ref(), docs);
        let sentence = self.sentence_iri(position)?;
        let confidence = LiteralRef::new_typed_literal(&confidence, xsd::DECIMAL);
        push_in_written_order(
            &mut block,
            iri,
            docs,
            [
                (&vocab.confidence, Some(confidence.into())),
                (
                    &vocab.evidence,
                    sentence.as_ref().map(|s| s.as_ref().into()),
                ),
                (&vocab.weight, Some(integer_literal(&weight).into())),
            ],
        );
        self.write_block_with(sink, block, Some(sources))
    }

    /// The IRI of source document `doc`.
    fn source_iri_of(&self, doc: usize) -> Option<NamedNodeRef<'_>> {
        let rank = *self.source_rank.get(doc)?;
        Some(self.source_iris.get(rank as usize))
    }

    /// Edge `position` of the edge order.
    fn edge(&self, position: usize) -> EdgeRef<'g> {
        self.graph.edge_ref(self.edges.get(position))
    }

    /// The IRI of sentence `sentence`.
    fn sentence_name(&self, sentence: u32) -> io::Result<NamedNode> {
        let name = self.sentences.name(self.graph, &self.edges, sentence);
        self.iris.hashed(SENTENCE_SEGMENT, name)
    }

    /// The IRI of the sentence edge `position` of the edge order points at.
    fn sentence_iri(&self, position: usize) -> io::Result<Option<NamedNode>> {
        self.sentences
            .of_edge(self.graph, self.edge(position).edge)
            .map(|sentence| self.sentence_name(sentence))
            .transpose()
    }

    /// At `full`, the sentence a mention other than a relation's first
    /// points at: the one some relation's first mention was read in at
    /// the same place, if all such relations agree on it.
    fn sentence_read_in(&self, evidence: &Evidence) -> io::Result<Option<NamedNode>> {
        let place = (evidence.doc, evidence.sentence);
        let Ok(found) = self
            .mention_sentences
            .binary_search_by(|p| (p.0, p.1).cmp(&place))
        else {
            return Ok(None);
        };
        let sentence = self.mention_sentences[found].2;
        if sentence == NO_SENTENCE {
            return Ok(None);
        }
        self.sentence_name(sentence).map(Some)
    }

    /// Sentence `sentence` of the IRI order with its text, in the graphs
    /// of the statements that point at it.
    fn write_sentence(&self, sink: &mut Sink, sentence: usize) -> io::Result<()> {
        let pointing = self.sentences.pointing_at(sentence);
        let Some(&first) = pointing.first() else {
            return Ok(());
        };
        let iri = self.sentence_name(sentence as u32)?;
        let iri = iri.as_ref();
        // the documents only name N-Quads graphs
        let mut docs = Vec::new();
        if self.format == Format::Nquads {
            let known = self.graph.sources().len();
            for &position in pointing {
                let evidence = self.edge(position as usize).evidence;
                match self.options.provenance {
                    Provenance::Full => docs.extend(
                        evidence
                            .first()
                            .map(|e| e.doc)
                            .filter(|&d| (d as usize) < known),
                    ),
                    _ => docs.extend(evidence_docs(self.graph, evidence)),
                }
            }
            docs.sort_unstable();
            docs.dedup();
        }
        let docs = docs.as_slice();
        let text = self.graph.sentence(self.edge(first as usize).edge)?;
        let text = LiteralRef::new_simple_literal(&text);
        let block = vec![
            Statement::new(iri, rdf::TYPE, self.vocab.sentence.as_ref(), docs),
            Statement::new(iri, self.vocab.text.as_ref(), text, docs),
        ];
        self.write_block(sink, block)
    }

    /// The source documents of `evidence` a triple is put in the named
    /// graphs of: none at `--provenance none` (the default graph).
    fn supporting_docs(&self, evidence: EvidenceRef<'_>) -> Vec<u32> {
        if self.options.provenance.has_sources() {
            evidence_docs(self.graph, evidence)
        } else {
            Vec::new()
        }
    }

    fn relation(&self, relation: Relation) -> NamedNodeRef<'_> {
        let index = Relation::ALL
            .iter()
            .position(|&r| r == relation)
            .unwrap_or_default();
        self.relations[index].as_ref()
    }

    /// The triples `subject predicate source` of the sources of `docs`
    /// (`kg:mentionedIn`, `prov:wasDerivedFrom`), as the ranks of the
    /// sources' IRIs, each once: 4 bytes a document, made into triples
    /// only as they are written (a country is mentioned in nearly every
    /// article, and a fact about it stated in thousands).
    fn source_links<'a>(
        &self,
        subject: NamedNodeRef<'a>,
        predicate: NamedNodeRef<'a>,
        docs: &[u32],
    ) -> SourceLinks<'a> {
        let mut ranks: Vec<u32> = docs
            .iter()
            .filter_map(|&doc| self.source_rank.get(doc as usize).copied())
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        SourceLinks {
            subject,
            predicate,
            ranks,
        }
    }

    /// Writes the triples of one subject, sorted, each once (in N-Quads
    /// into the graphs of every document that supports one of its copies).
    fn write_block(&self, sink: &mut Sink, block: Vec<Statement<'_>>) -> io::Result<()> {
        self.write_block_with(sink, block, None)
    }

    /// [`Exporter::write_block`] with the subject's links to sources, none
    /// of them in `block`, written in their place in the order (each in
    /// N-Quads in the graph of its source).
    fn write_block_with(
        &self,
        sink: &mut Sink,
        block: Vec<Statement<'_>>,
        links: Option<SourceLinks<'_>>,
    ) -> io::Result<()> {
        let mut links_in_order = links.iter().flat_map(|links| {
            links.ranks.iter().map(|&rank| {
                let source = self.source_iris.get(rank as usize);
                let link = Statement::new(links.subject, links.predicate, source, &[]);
                (link, source)
            })
        });
        let mut next_link = links_in_order.next();
        let mut write_links_before = |sink: &mut Sink, key: Option<&_>| -> io::Result<()> {
            while let Some((link, source)) = &next_link {
                if key.is_some_and(|key| link.sort_key() >= *key) {
                    break;
                }
                match self.format {
                    Format::Nquads => sink.write(link, &[*source])?,
                    _ => sink.write(link, &[])?,
                }
                next_link = links_in_order.next();
            }
            Ok(())
        };
        // each key made once; with the position, the order of a stable sort
        let mut order: Vec<_> = block
            .iter()
            .map(Statement::sort_key)
            .zip(0usize..)
            .collect();
        if !order.is_sorted() {
            order.sort_unstable();
        }
        let mut graphs: Vec<u32> = Vec::new();
        let mut iris: Vec<NamedNodeRef<'_>> = Vec::new();
        // equal keys are copies of one triple
        for copies in order.chunk_by(|a, b| a.0 == b.0) {
            write_links_before(sink, Some(&copies[0].0))?;
            let statement = &block[copies[0].1];
            if self.format != Format::Nquads {
                sink.write(statement, &[])?;
                continue;
            }
            graphs.clear();
            for &(_, copy) in copies {
                let ranks = block[copy]
                    .docs
                    .iter()
                    .filter_map(|&d| self.source_rank.get(d as usize));
                graphs.extend(ranks);
            }
            graphs.sort_unstable();
            graphs.dedup();
            iris.clear();
            iris.extend(graphs.iter().map(|&r| self.source_iris.get(r as usize)));
            sink.write(statement, &iris)?;
        }
        write_links_before(sink, None)
    }
}

/// IRIs in one string, one after another (a string and 8 bytes an IRI,
/// not an allocation each: 250,000 sources at 1 GB of news).
struct RankedIris {
    text: String,
    /// Where each IRI ends in `text`; it begins where the one before ends.
    ends: Vec<usize>,
}

impl RankedIris {
    fn new<'a>(iris: impl Iterator<Item = &'a str>) -> Self {
        let mut text = String::new();
        let mut ends = Vec::new();
        for iri in iris {
            text.push_str(iri);
            ends.push(text.len());
        }
        RankedIris { text, ends }
    }

    /// IRI `rank` (a valid IRI: only IRIs are put in).
    fn get(&self, rank: usize) -> NamedNodeRef<'_> {
        let start = rank.checked_sub(1).map_or(0, |before| self.ends[before]);
        NamedNodeRef::new_unchecked(&self.text[start..self.ends[rank]])
    }
}

/// A subject's triples linking it to sources ([`Exporter::source_links`]):
/// the ranks of the sources' IRIs ([`Exporter::ranked_sources`]), ascending.
struct SourceLinks<'a> {
    subject: NamedNodeRef<'a>,
    predicate: NamedNodeRef<'a>,
    ranks: Vec<u32>,
}

/// Pushes `iri`'s triples of `described` that have a value onto `block`.
/// They come in the order written (kg: terms by name), so that a block
/// built this way is most often sorted already and
/// [`Exporter::write_block`] does not sort it.
fn push_in_written_order<'a, const N: usize>(
    block: &mut Vec<Statement<'a>>,
    iri: NamedNodeRef<'a>,
    docs: &'a [u32],
    described: [(&'a NamedNode, Option<TermRef<'a>>); N],
) {
    for (predicate, value) in described {
        if let Some(value) = value {
            block.push(Statement::new(iri, predicate.as_ref(), value, docs));
        }
    }
}

/// The hash that names evidence statements and sentences: FNV-1a 64 of
/// `parts`, each followed by a unit separator. For a statement, the fact
/// (subject, relation and object ids) and, at `full`, where it was read
/// (document name, sentence, offsets); for a sentence, its text. So the
/// same evidence gets the same IRI in every run and whatever else is in
/// the input, and shards merge by union.
fn parts_hash(parts: &[&str]) -> u64 {
    parts.iter().fold(fnv1a(b""), |hash, part| {
        fnv1a_extend(fnv1a_extend(hash, part.as_bytes()), &[PART_END])
    })
}

/// The byte after each part that [`parts_hash`] hashes: a unit separator.
const PART_END: u8 = 0x1f;

/// Orders predicates within a subject: type, labels and id first, then the
/// reified triple in subject, predicate, object order, then the rest.
fn predicate_rank(predicate: NamedNodeRef<'_>) -> u8 {
    match predicate {
        rdf::TYPE => 0,
        rdfs::LABEL => 1,
        p if p.as_str().starts_with(SKOS_IRI) => 2,
        p if p.as_str().strip_prefix(ONTOLOGY_IRI) == Some("id") => 3,
        rdf::SUBJECT => 4,
        rdf::PREDICATE => 5,
        rdf::OBJECT => 6,
        _ => 7,
    }
}

/// The prefix declarations Turtle writes ahead of its first triple.
fn turtle_prelude(options: &ExportOptions) -> io::Result<Vec<u8>> {
    Ok(turtle_prefixes(options)?.prelude())
}

/// The Turtle prefixes: the vocabularies, one per id space (as prefixed
/// names cannot hold a `/`), the sources, evidence and sentences.
fn turtle_prefixes(options: &ExportOptions) -> io::Result<Prefixes> {
    let base = options.base_iri.as_str();
    let mut pairs: Vec<(String, String)> = [
        ("kg", ONTOLOGY_IRI),
        ("rdf", RDF_IRI),
        ("rdfs", RDFS_IRI),
        ("xsd", XSD_IRI),
        ("skos", SKOS_IRI),
        ("prov", PROV_IRI),
        ("schema", SCHEMA_IRI),
        ("org", ORG_IRI),
    ]
    .iter()
    .map(|&(prefix, iri)| (prefix.to_owned(), iri.to_owned()))
    .collect();
    for kind in NodeKind::ALL {
        let prefix = kind.id_prefix();
        pairs.push((prefix.to_owned(), format!("{base}{prefix}/")));
    }
    for (prefix, segment) in [
        ("src", SOURCE_SEGMENT),
        ("ev", EVIDENCE_SEGMENT),
        ("sentence", SENTENCE_SEGMENT),
    ] {
        pairs.push((prefix.to_owned(), format!("{base}{segment}")));
    }
    for (_, namespace) in &pairs {
        checked_iri(namespace.clone())?;
    }
    Ok(Prefixes::new(pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_paths_percent_encode_what_iris_forbid() {
        assert_eq!(
            encode_iri_path("person/luong-tam-quang", true),
            "person/luong-tam-quang"
        );
        assert_eq!(encode_iri_path("a/b", false), "a%2Fb");
        assert_eq!(encode_iri_path("a b#c%", true), "a%20b%23c%25");
        assert_eq!(
            encode_iri_path("<\"{|}\\^`>", true),
            "%3C%22%7B%7C%7D%5C%5E%60%3E"
        );
        assert_eq!(encode_iri_path("\u{1}\u{7f}", true), "%01%7F");
        // letters beyond ASCII stay; bidi marks and private use do not
        assert_eq!(encode_iri_path("lương", true), "lương");
        assert_eq!(encode_iri_path("a\u{200F}b", true), "a%E2%80%8Fb");
        assert_eq!(encode_iri_path("\u{E000}", true), "%EE%80%80");
        assert_eq!(encode_iri_path("😀", true), "%F0%9F%98%80");
        assert_eq!(encode_iri_path("\u{20000}", true), "%F0%A0%80%80");
        assert_eq!(encode_iri_path("\u{FFEF}", true), "\u{FFEF}");
    }

    #[test]
    fn source_iris_are_distinct_and_valid() {
        let base = super::super::DEFAULT_BASE_IRI;
        let names = [
            "a b.txt",
            "a-b.txt",
            "a/b.txt",
            "a%2Fb.txt",
            ".",
            "..",
            "",
            "<stdin>",
        ];
        let iris: std::collections::BTreeSet<String> = names
            .iter()
            .map(|n| source_iri(base, n).unwrap().into_string())
            .collect();
        assert_eq!(iris.len(), names.len());
        assert!(iris.contains("https://w3id.org/kgexport/id/source/%2E%2E"));
        assert!(iris.contains("https://w3id.org/kgexport/id/source/a%2Fb.txt"));
        // NFC, and ASCII only: an NFD name gives the IRI of its NFC form
        let nfd = source_iri(base, "Lu\u{31b}\u{301}o\u{31b}ng 😀.txt").unwrap();
        assert_eq!(nfd, source_iri(base, "Lứơng 😀.txt").unwrap());
        assert!(nfd.as_str().is_ascii(), "{nfd}");
    }

    #[test]
    fn chunked_rendering_writes_what_one_serializer_writes() {
        let graph = crate::build::build_graph(crate::input::sample_corpus());
        let render = |format, provenance, (chunk_items, chunk_statements)| {
            let options = ExportOptions {
                provenance,
                ..ExportOptions::default()
            };
            let mut exporter = Exporter::new(&graph, format, &options).unwrap();
            exporter.chunk_items = chunk_items;
            exporter.chunk_statements = chunk_statements;
            let mut out = Vec::new();
            exporter.write_all(&mut out).unwrap();
            out
        };
        for provenance in [Provenance::Edge, Provenance::Full] {
            for format in [Format::Turtle, Format::Ntriples, Format::Nquads] {
                // one chunk per kind of subject: what a single serializer writes
                let whole = render(format, provenance, (usize::MAX, usize::MAX));
                assert!(whole.len() > 10_000, "{format:?}");
                // cut by count, by statements (nodes of more than 20 alone)
                for chunks in [
                    (1, usize::MAX),
                    (7, usize::MAX),
                    (100, 20),
                    (usize::MAX, 20),
                ] {
                    assert!(
                        render(format, provenance, chunks) == whole,
                        "{format:?}, {provenance:?}, {chunks:?}"
                    );
                }
            }
        }
        // the prefixes come once, at the top
        let turtle = String::from_utf8(render(Format::Turtle, Provenance::Edge, (3, 20))).unwrap();
        assert_eq!(turtle.matches("@prefix kg:").count(), 1);
        assert!(turtle.starts_with("@prefix "));
    }

    #[test]
    fn texts_of_one_hash_get_distinct_sentence_iris() {
        let mut graph = KnowledgeGraph::new();
        let doc = graph.add_source("a.txt");
        let evidence = |sentence| Evidence {
            doc,
            sentence,
            start: 0,
            end: 1,
            confidence: 0.9,
        };
        let person = graph.add_node(NodeKind::Person, "Trần Văn Bình", None, [], []);
        let texts = ["câu thứ ba", "câu một", "câu hai", "câu một"];
        for (i, text) in texts.into_iter().enumerate() {
            let event = format!("Hội nghị số {i}");
            let event = graph.add_node(NodeKind::Event, &event, None, [], []);
            let fact = evidence(i as u32);
            graph.add_edge(person, Relation::ParticipatedIn, event, fact, text);
        }
        let edges = graph.edge_order();
        let text = |position: usize| {
            let text = graph
                .sentence(&graph.petgraph()[edges.get(position)])
                .unwrap();
            text.into_owned()
        };
        // one hash for all: the texts in order, numbered on from it
        let one = collect_sentences_hashed(&graph, &edges, Provenance::Edge, true, |_| 7).unwrap();
        let names = |sentences: &Sentences<'_>| -> Vec<u64> {
            (0..sentences.len() as u32)
                .map(|s| sentences.name(&graph, &edges, s))
                .collect()
        };
        assert_eq!(names(&one), [7, 8, 9]);
        let first_texts: Vec<String> = (0..one.len())
            .map(|s| text(one.pointing_at(s)[0] as usize))
            .collect();
        assert_eq!(first_texts, ["câu hai", "câu một", "câu thứ ba"]);
        for position in 0..edges.len() {
            let edge = &graph.petgraph()[edges.get(position)];
            let sentence = one.of_edge(&graph, edge).unwrap() as usize;
            assert_eq!(text(one.pointing_at(sentence)[0] as usize), text(position));
        }
        assert_eq!(one.pointing_at(1).len(), 2);
        // hashes that differ in their low half only: ordered by hash, not text
        let by_length = |t: &str| 1 << 32 | (100 - t.len() as u64);
        let edge_by_length = |e: &Edge| by_length(&graph.sentence(e).unwrap());
        let high =
            collect_sentences_hashed(&graph, &edges, Provenance::Edge, false, edge_by_length)
                .unwrap();
        let expected: Vec<u64> = ["câu thứ ba", "câu một", "câu hai"]
            .iter()
            .map(|t| by_length(t))
            .collect();
        assert_eq!(names(&high), expected);
        assert_eq!(high.pointing.len(), 3);
    }

    #[test]
    fn bad_base_iri_is_an_error_not_a_panic() {
        assert!(node_iri("not an iri", "person/x").is_err());
        assert!(node_iri("https://example.org/", "person/x").is_ok());
        // a base the ids cannot follow fails before anything is written
        let graph = crate::build::build_graph(crate::input::sample_corpus());
        for base in ["http://example.org:", "http://[::1]"] {
            let options = ExportOptions {
                base_iri: base.to_string(),
                ..ExportOptions::default()
            };
            assert!(
                Exporter::new(&graph, Format::Turtle, &options).is_err(),
                "{base}"
            );
        }
    }

    #[test]
    fn iris_made_unchecked_only_under_bases_ids_can_follow() {
        for base in [
            "https://w3id.org/kgexport/id/",
            "http://example.org/kg",
            "http://example.org/?q=",
            "http://example.org/#",
            "urn:kg:",
            "tag:",
        ] {
            assert!(appends_to_path(base), "{base}");
        }
        for base in [
            "http://example.org",
            "http://example.org:",
            "not an iri",
            "a b:",
        ] {
            assert!(!appends_to_path(base), "{base}");
        }
        // what the exporter makes is what the checked functions make
        let base = super::super::DEFAULT_BASE_IRI;
        let iris = IriMaker::new(base);
        assert!(!iris.checked);
        for id in [
            "person/lương-tâm-quang",
            "org/a b#c%",
            "x/\u{200F}😀",
            "date/2025-10-25",
        ] {
            assert_eq!(iris.node(id).unwrap(), node_iri(base, id).unwrap());
        }
        for hash in [0, 1, 0xfedc_ba98_7654_3210, u64::MAX] {
            let iri = iris.hashed(SENTENCE_SEGMENT, hash).unwrap();
            assert_eq!(iri.as_str(), format!("{base}{SENTENCE_SEGMENT}{hash:016x}"));
        }
    }

    #[test]
    fn dates_get_the_datatype_of_their_iso_form() {
        let dt = |s| date_literal(s).map(|l| l.datatype().into_owned());
        assert_eq!(dt("2025-10-25"), Some(xsd::DATE.into_owned()));
        assert_eq!(dt("2024-02-29"), Some(xsd::DATE.into_owned()));
        assert_eq!(dt("2024-12"), Some(xsd::G_YEAR_MONTH.into_owned()));
        assert_eq!(dt("2019"), Some(xsd::G_YEAR.into_owned()));
        for bad in [
            "2023-02-29",
            "0000",
            "0000-01-01",
            "2025-13",
            "2025-00-10",
            "2025-04-31",
            "19",
            "2019-",
            "2019-1-02",
            "20x9",
            "",
            "2025-10-25-1",
            "+201",
            "２０１９",
        ] {
            assert_eq!(dt(bad), None, "{bad}");
        }
    }

    #[test]
    fn confidence_is_a_decimal_with_a_point() {
        assert_eq!(confidence_decimal(0.85), "0.85");
        assert_eq!(confidence_decimal(1.0), "1.0");
        assert_eq!(confidence_decimal(7.0), "1.0");
        assert_eq!(confidence_decimal(-0.0), "0.0");
        assert_eq!(confidence_decimal(f32::NAN), "0.0");
        assert_eq!(confidence_decimal(1e-7), "0.0000001");
        // the hundredths written without formatting agree with Display, and
        // what is near them is written by Display
        let shown = |value: f32| {
            let mut text = value.to_string();
            if !text.contains('.') {
                text.push_str(".0");
            }
            text
        };
        for k in 0..=100u8 {
            let value = f32::from(k) / 100.0;
            assert_eq!(confidence_decimal(value), shown(value), "{k}/100");
            let near = f32::from_bits(value.to_bits() + 1).min(1.0);
            assert_eq!(confidence_decimal(near), shown(near), "{k}/100 + 1 ulp");
        }
        assert_eq!(confidence_decimal(0.651), "0.651");
    }
}
