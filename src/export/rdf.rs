//! RDF exporters (Turtle, N-Triples, N-Quads) through oxttl.
//!
//! The three formats carry the same triples:
//!
//! - each node: `rdf:type kg:<Kind>`, `rdfs:label` (`@vi`, or the plain ISO
//!   string for dates), `rdfs:label …@en`, `skos:altLabel …@vi` per alias,
//!   `kg:id`, `kg:dateValue` (dates), `kg:mentionedIn` per source document;
//! - each edge: the direct triple `subject kg:<relation> object`, and one
//!   `rdf:Statement` per piece of evidence (the reified triple, the source
//!   document, the sentence, its offsets and the confidence);
//! - each source document: a `prov:Entity` with its file name.
//!
//! N-Quads puts every triple into the named graph of each source document
//! that supports it (the graph is named by the document's IRI); what no
//! document supports, like the description of the documents themselves,
//! goes into the default graph. Dropping the graph names gives back the
//! Turtle and N-Triples triples exactly.
//!
//! oxttl writes triples in the order given and groups only consecutive
//! ones, so all the triples of a subject are written together, sorted:
//! `rdf:type`, labels and the id ahead of the other predicates. Subjects
//! come in a fixed order: source documents, nodes by id (each with its
//! outgoing edges), then evidence by edge.

use std::io::{self, Write};

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Term, Triple};
use oxttl::nquads::WriterNQuadsSerializer;
use oxttl::ntriples::WriterNTriplesSerializer;
use oxttl::turtle::WriterTurtleSerializer;
use oxttl::{NQuadsSerializer, NTriplesSerializer, TurtleSerializer};

use super::{ExportOptions, Format, ONTOLOGY_IRI};
use crate::graph::{EdgeRef, Evidence, KnowledgeGraph, Node, NodeKind};

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

/// Writes the graph as RDF in `format`.
pub fn write(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let exporter = Exporter::new(graph, options)?;
    let mut sink = match format {
        Format::Turtle => Sink::Turtle(Box::new(turtle_serializer(options)?.for_writer(&mut *out))),
        Format::Ntriples => Sink::NTriples(NTriplesSerializer::new().for_writer(&mut *out)),
        Format::Nquads => Sink::NQuads(NQuadsSerializer::new().for_writer(&mut *out)),
        other => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{other:?} is not an RDF format"),
            ))
        }
    };
    exporter.write_all(&mut sink)?;
    sink.finish()?;
    out.flush()
}

/// The IRI of the node with id `id`: the base IRI, then the id with what an
/// IRI may not hold percent-encoded.
pub fn node_iri(base_iri: &str, id: &str) -> io::Result<NamedNode> {
    checked_iri(format!("{base_iri}{}", encode_iri_path(id, true)))
}

/// The IRI of a source document (and, in N-Quads, of its named graph):
/// `<base>source/<name>`, with the name percent-encoded, `/` included, so
/// that different names give different IRIs.
pub fn source_iri(base_iri: &str, name: &str) -> io::Result<NamedNode> {
    let encoded = match name {
        // whole-segment dots would be removed by IRI normalisation
        "." | ".." => name.replace('.', "%2E"),
        _ => encode_iri_path(name, false),
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
/// `ucschar` stay, bidirectional formatting marks do not (§4.1), and `/`
/// stays only when `keep_slash`.
pub(crate) fn encode_iri_path(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let unreserved = c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~');
        if unreserved || (c == '/' && keep_slash) || (is_ucschar(c) && !is_bidi_format(c)) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

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
pub(crate) fn evidence_docs(graph: &KnowledgeGraph, evidence: &[Evidence]) -> Vec<u32> {
    let known = graph.sources().len();
    let mut docs: Vec<u32> = evidence
        .iter()
        .map(|e| e.doc)
        .filter(|&d| (d as usize) < known)
        .collect();
    docs.sort_unstable();
    docs.dedup();
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
    evidence_text: NamedNode,
    confidence: NamedNode,
    sentence_index: NamedNode,
    start_offset: NamedNode,
    end_offset: NamedNode,
    alt_label: NamedNode,
    prov_entity: NamedNode,
    was_derived_from: NamedNode,
}

impl Vocab {
    fn new() -> io::Result<Self> {
        Ok(Vocab {
            id: ontology_term("id")?,
            date_value: ontology_term("dateValue")?,
            mentioned_in: ontology_term("mentionedIn")?,
            file_name: ontology_term("fileName")?,
            evidence_text: ontology_term("evidenceText")?,
            confidence: ontology_term("confidence")?,
            sentence_index: ontology_term("sentenceIndex")?,
            start_offset: ontology_term("startOffset")?,
            end_offset: ontology_term("endOffset")?,
            alt_label: checked_iri(format!("{SKOS_IRI}altLabel"))?,
            prov_entity: checked_iri(format!("{PROV_IRI}Entity"))?,
            was_derived_from: checked_iri(format!("{PROV_IRI}wasDerivedFrom"))?,
        })
    }
}

/// A triple and the source documents that support it (indices into
/// [`KnowledgeGraph::sources`]); none means the default graph in N-Quads.
struct Statement {
    triple: Triple,
    docs: Vec<u32>,
}

fn statement(
    subject: &NamedNode,
    predicate: impl Into<NamedNode>,
    object: impl Into<Term>,
    docs: &[u32],
) -> Statement {
    Statement {
        triple: Triple::new(subject.clone(), predicate, object),
        docs: docs.to_vec(),
    }
}

fn language_literal(value: &str, language: &str) -> io::Result<Literal> {
    Literal::new_language_tagged_literal(value, language)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
}

fn integer_literal(value: u32) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

/// Where the triples go: one of the three serializers.
enum Sink<W: Write> {
    // boxed: it is much larger than the line-based serializers
    Turtle(Box<WriterTurtleSerializer<W>>),
    NTriples(WriterNTriplesSerializer<W>),
    NQuads(WriterNQuadsSerializer<W>),
}

impl<W: Write> Sink<W> {
    /// Writes `triple`; N-Quads writes it once into each of `graphs`, or
    /// into the default graph when there is none.
    fn write(&mut self, triple: &Triple, graphs: &[&NamedNode]) -> io::Result<()> {
        match self {
            Sink::Turtle(s) => s.serialize_triple(triple),
            Sink::NTriples(s) => s.serialize_triple(triple),
            Sink::NQuads(s) if graphs.is_empty() => {
                s.serialize_quad(triple.as_ref().in_graph(GraphNameRef::DefaultGraph))
            }
            Sink::NQuads(s) => graphs
                .iter()
                .try_for_each(|g| s.serialize_quad(triple.as_ref().in_graph(g.as_ref()))),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Turtle(s) => s.finish().map(drop),
            // these hand back the writer and cannot fail
            Sink::NTriples(s) => {
                s.finish();
                Ok(())
            }
            Sink::NQuads(s) => {
                s.finish();
                Ok(())
            }
        }
    }
}

/// Writes one graph, a subject at a time: the source documents (by IRI),
/// each node with its outgoing edges (by node id), then the evidence of
/// each edge (by edge). Only the triples of one subject are built and
/// sorted at a time: the output is never held whole in memory.
struct Exporter<'g> {
    graph: &'g KnowledgeGraph,
    base: &'g str,
    vocab: Vocab,
    /// The IRI of each source document, indexed like `graph.sources()`.
    sources: Vec<NamedNode>,
}

impl<'g> Exporter<'g> {
    fn new(graph: &'g KnowledgeGraph, options: &'g ExportOptions) -> io::Result<Self> {
        let sources = graph
            .sources()
            .iter()
            .map(|name| source_iri(&options.base_iri, name))
            .collect::<io::Result<_>>()?;
        Ok(Exporter {
            graph,
            base: &options.base_iri,
            vocab: Vocab::new()?,
            sources,
        })
    }

    fn write_all<W: Write>(&self, sink: &mut Sink<W>) -> io::Result<()> {
        let mut sources: Vec<(&NamedNode, &String)> =
            self.sources.iter().zip(self.graph.sources()).collect();
        sources.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        sources.dedup_by(|a, b| a.0 == b.0);
        for (iri, name) in sources {
            let block = vec![
                statement(iri, rdf::TYPE, self.vocab.prov_entity.clone(), &[]),
                statement(
                    iri,
                    self.vocab.file_name.clone(),
                    Literal::new_simple_literal(name),
                    &[],
                ),
            ];
            self.write_block(sink, block)?;
        }

        // both sorted by id: each node's outgoing edges come next in turn
        let edges = self.graph.edges_sorted();
        let mut outgoing = edges.chunk_by(|a, b| a.source.id == b.source.id).peekable();
        for node in self.graph.nodes_sorted() {
            let mut block = self.node_statements(node)?;
            if let Some(group) = outgoing.next_if(|group| group[0].source.id == node.id) {
                for edge in group {
                    block.push(statement(
                        &node_iri(self.base, &edge.source.id)?,
                        ontology_term(edge.edge.relation.as_str())?,
                        node_iri(self.base, &edge.target.id)?,
                        &evidence_docs(self.graph, &edge.edge.evidence),
                    ));
                }
            }
            self.write_block(sink, block)?;
        }

        for edge in &edges {
            for (position, evidence) in edge.edge.evidence.iter().enumerate() {
                // the graph keeps the text of the earliest sentence only
                let text = (position == 0).then_some(edge.edge.sentence.as_str());
                if let Some(block) = self.evidence_statements(edge, evidence, text)? {
                    self.write_block(sink, block)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the triples of one subject, sorted, each once.
    fn write_block<W: Write>(&self, sink: &mut Sink<W>, block: Vec<Statement>) -> io::Result<()> {
        let mut keyed: Vec<((u8, String, String), Statement)> = block
            .into_iter()
            .map(|s| {
                let predicate = s.triple.predicate.as_ref();
                let key = (
                    predicate_rank(predicate),
                    predicate.to_string(),
                    s.triple.object.to_string(),
                );
                (key, s)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1.docs.append(&mut later.1.docs);
            }
            same
        });
        for (_, s) in keyed {
            let mut graphs: Vec<&NamedNode> = s
                .docs
                .iter()
                .filter_map(|&d| self.sources.get(d as usize))
                .collect();
            graphs.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            graphs.dedup();
            sink.write(&s.triple, &graphs)?;
        }
        Ok(())
    }

    fn node_statements(&self, node: &Node) -> io::Result<Vec<Statement>> {
        let vocab = &self.vocab;
        let iri = node_iri(self.base, &node.id)?;
        let docs = evidence_docs(self.graph, &node.evidence);
        let mut out = vec![statement(
            &iri,
            rdf::TYPE,
            ontology_term(node.kind.as_str())?,
            &docs,
        )];
        let label = if node.kind == NodeKind::Date {
            Literal::new_simple_literal(&node.label)
        } else {
            language_literal(&node.label, "vi")?
        };
        out.push(statement(&iri, rdfs::LABEL, label, &docs));
        if let Some(label_en) = &node.label_en {
            let label_en = language_literal(label_en, "en")?;
            out.push(statement(&iri, rdfs::LABEL, label_en, &docs));
        }
        for alias in &node.aliases {
            let alias = language_literal(alias, "vi")?;
            out.push(statement(&iri, vocab.alt_label.clone(), alias, &docs));
        }
        let id = Literal::new_simple_literal(&node.id);
        out.push(statement(&iri, vocab.id.clone(), id, &docs));
        if let Some(value) = date_literal(&node.label).filter(|_| node.kind == NodeKind::Date) {
            out.push(statement(&iri, vocab.date_value.clone(), value, &docs));
        }
        for &doc in &docs {
            if let Some(source) = self.sources.get(doc as usize) {
                let mention = statement(&iri, vocab.mentioned_in.clone(), source.clone(), &[doc]);
                out.push(mention);
            }
        }
        Ok(out)
    }

    /// The reified fact with one piece of its evidence, and the sentence
    /// text when given; `None` when the evidence names no known document.
    fn evidence_statements(
        &self,
        edge: &EdgeRef<'_>,
        evidence: &Evidence,
        text: Option<&str>,
    ) -> io::Result<Option<Vec<Statement>>> {
        let vocab = &self.vocab;
        let doc = evidence.doc as usize;
        let (Some(source), Some(doc_name)) = (self.sources.get(doc), self.graph.sources().get(doc))
        else {
            return Ok(None);
        };
        let iri = evidence_iri(
            self.base,
            [
                edge.source.id.as_str(),
                edge.edge.relation.as_str(),
                edge.target.id.as_str(),
                doc_name,
                &evidence.sentence.to_string(),
                &evidence.start.to_string(),
                &evidence.end.to_string(),
            ],
        )?;
        let docs = [evidence.doc];
        let confidence =
            Literal::new_typed_literal(confidence_decimal(evidence.confidence), xsd::DECIMAL);
        let mut out = vec![
            statement(&iri, rdf::TYPE, rdf::STATEMENT, &docs),
            statement(
                &iri,
                rdf::SUBJECT,
                node_iri(self.base, &edge.source.id)?,
                &docs,
            ),
            statement(
                &iri,
                rdf::PREDICATE,
                ontology_term(edge.edge.relation.as_str())?,
                &docs,
            ),
            statement(
                &iri,
                rdf::OBJECT,
                node_iri(self.base, &edge.target.id)?,
                &docs,
            ),
            statement(&iri, vocab.was_derived_from.clone(), source.clone(), &docs),
            statement(&iri, vocab.confidence.clone(), confidence, &docs),
            statement(
                &iri,
                vocab.sentence_index.clone(),
                integer_literal(evidence.sentence),
                &docs,
            ),
            statement(
                &iri,
                vocab.start_offset.clone(),
                integer_literal(evidence.start),
                &docs,
            ),
            statement(
                &iri,
                vocab.end_offset.clone(),
                integer_literal(evidence.end),
                &docs,
            ),
        ];
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            let text = Literal::new_simple_literal(text);
            out.push(statement(&iri, vocab.evidence_text.clone(), text, &docs));
        }
        Ok(Some(out))
    }
}

/// A stable IRI for one piece of evidence of one fact: a hash of the fact
/// (subject, relation and object ids) and of where it was read (document
/// name, sentence, offsets), so the same evidence gets the same IRI in
/// every run and whatever else is in the input, and shards merge by union.
fn evidence_iri(base: &str, parts: [&str; 7]) -> io::Result<NamedNode> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a 64
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    checked_iri(format!("{base}{EVIDENCE_SEGMENT}{hash:016x}"))
}

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

fn turtle_serializer(options: &ExportOptions) -> io::Result<TurtleSerializer> {
    let invalid = |e: oxrdf::IriParseError| io::Error::new(io::ErrorKind::InvalidInput, e);
    let base = options.base_iri.as_str();
    let mut serializer = TurtleSerializer::new();
    for (prefix, iri) in [
        ("kg", ONTOLOGY_IRI),
        ("rdf", RDF_IRI),
        ("rdfs", RDFS_IRI),
        ("xsd", XSD_IRI),
        ("skos", SKOS_IRI),
        ("prov", PROV_IRI),
        ("schema", SCHEMA_IRI),
        ("org", ORG_IRI),
    ] {
        serializer = serializer.with_prefix(prefix, iri).map_err(invalid)?;
    }
    // one prefix per id space, as prefixed names cannot hold a `/`
    for kind in NodeKind::ALL {
        let prefix = kind.id_prefix();
        serializer = serializer
            .with_prefix(prefix, format!("{base}{prefix}/"))
            .map_err(invalid)?;
    }
    serializer = serializer
        .with_prefix("src", format!("{base}{SOURCE_SEGMENT}"))
        .map_err(invalid)?
        .with_prefix("ev", format!("{base}{EVIDENCE_SEGMENT}"))
        .map_err(invalid)?;
    Ok(serializer)
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
        assert_eq!(encode_iri_path("😀", true), "😀");
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
    }

    #[test]
    fn bad_base_iri_is_an_error_not_a_panic() {
        assert!(node_iri("not an iri", "person/x").is_err());
        assert!(node_iri("https://example.org/", "person/x").is_ok());
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
    }
}
