//! The RDF syntaxes the exporter writes — Turtle, N-Triples, N-Quads —
//! written straight into bytes: the same bytes oxttl 0.2.5's serializers
//! write for the triples the exporter makes (IRI subjects, IRI or literal
//! objects, no blank nodes, no base IRI), which the tests check against
//! oxttl itself, without their formatter machinery and per-term
//! allocations.
//!
//! Turtle: the prefixes once, ahead of the first triple; a prefixed name
//! wherever the longest prefix whose local name Turtle can spell (with
//! `\` escapes) matches; `a` for `rdf:type`; consecutive triples of a
//! subject grouped with `;`, of a predicate with `,`; `xsd:integer`,
//! `xsd:decimal`, `xsd:double` and `xsd:boolean` literals whose lexical
//! form is a Turtle token written bare.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::io::Write;

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{LiteralRef, NamedNodeRef, TermRef};

/// Which syntax a [`RdfWriter`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    Turtle,
    NTriples,
    NQuads,
}

/// Turtle prefixes in the order they are tried: longest namespace first,
/// as oxttl orders them (ties in its order too, though two namespaces of
/// one length cannot both match an IRI unless they are equal).
#[derive(Clone, Debug, Default)]
pub(crate) struct Prefixes {
    list: Vec<Prefix>,
}

#[derive(Clone, Debug)]
struct Prefix {
    name: String,
    namespace: String,
    /// `name:`, what a prefixed name starts with.
    written: String,
}

impl Prefixes {
    /// The prefixes `(name, namespace)`; a later namespace for the same
    /// name replaces the earlier. The namespaces must be valid IRIs (the
    /// caller checks them).
    pub(crate) fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let by_name: BTreeMap<String, String> = pairs.into_iter().collect();
        let mut list: Vec<(String, String)> = by_name.into_iter().collect();
        // the very sort oxttl does, so that equal lengths end up alike
        list.sort_unstable_by_key(|(_, namespace)| Reverse(namespace.len()));
        let list: Vec<Prefix> = list
            .into_iter()
            .map(|(name, namespace)| Prefix {
                written: format!("{name}:"),
                name,
                namespace,
            })
            .collect();
        Prefixes { list }
    }

    /// The prefix declarations written ahead of the first triple.
    pub(crate) fn prelude(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for Prefix {
            name, namespace, ..
        } in &self.list
        {
            out.extend_from_slice(b"@prefix ");
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b": <");
            out.extend_from_slice(namespace.as_bytes());
            out.extend_from_slice(b"> .\n");
        }
        out
    }

    /// The prefixes (name, namespace), in the order they are tried.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.list
            .iter()
            .map(|p| (p.name.as_str(), p.namespace.as_str()))
    }
}

/// Writes triples (and, in N-Quads, quads) in one syntax into bytes.
pub(crate) struct RdfWriter {
    syntax: Syntax,
    prefixes: Prefixes,
    out: Vec<u8>,
    /// Turtle: whether the prefixes are written.
    prelude_written: bool,
    /// Turtle: whether a statement is open (its ` .` not written yet),
    /// with `subject` and `predicate` its last triple's.
    open: bool,
    subject: String,
    predicate: String,
    /// Turtle: how the predicates and classes written lately are spelled
    /// (a few dozen IRIs written over and over).
    spelled: Spellings,
}

/// The Turtle spellings of recently written IRIs, in [`SPELLINGS`] slots
/// chosen by where the IRI's text lies: the exporter passes the same few
/// vocabulary terms again and again, so their address finds their slot
/// without hashing the text, and the text, compared, confirms it.
#[derive(Default)]
struct Spellings {
    slots: Vec<Option<Spelling>>,
}

/// An IRI and its Turtle spelling.
type Spelling = (Box<str>, Box<[u8]>);

/// How many IRIs a Turtle writer remembers the spelling of.
const SPELLINGS: usize = 256;

impl Spellings {
    fn slot(iri: &str) -> usize {
        let address = iri.as_ptr() as usize;
        (address >> 3 ^ address >> 11 ^ iri.len()) % SPELLINGS
    }
}

impl RdfWriter {
    /// A writer of `syntax`; `prefixes` are used by Turtle only.
    /// Its output starts with room for `bytes`.
    pub(crate) fn with_capacity(syntax: Syntax, prefixes: Prefixes, bytes: usize) -> Self {
        RdfWriter {
            syntax,
            prefixes,
            out: Vec::with_capacity(bytes),
            prelude_written: false,
            open: false,
            subject: String::new(),
            predicate: String::new(),
            spelled: Spellings::default(),
        }
    }

    /// Writes the triple `subject predicate object`; N-Quads writes it once
    /// into each of `graphs`, or into the default graph when there is none
    /// (the other syntaxes ignore `graphs`).
    pub(crate) fn write(
        &mut self,
        subject: NamedNodeRef<'_>,
        predicate: NamedNodeRef<'_>,
        object: TermRef<'_>,
        graphs: &[NamedNodeRef<'_>],
    ) {
        let out = &mut self.out;
        match self.syntax {
            Syntax::Turtle => self.write_turtle(subject, predicate, object),
            Syntax::NQuads if !graphs.is_empty() => {
                let line_start = out.len();
                write_line_triple(out, subject, predicate, object);
                let triple_end = out.len();
                for (i, graph) in graphs.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_within(line_start..triple_end);
                    }
                    out.extend_from_slice(b" <");
                    out.extend_from_slice(graph.as_str().as_bytes());
                    out.extend_from_slice(b"> .\n");
                }
            }
            Syntax::NTriples | Syntax::NQuads => {
                write_line_triple(out, subject, predicate, object);
                out.extend_from_slice(b" .\n");
            }
        }
    }

    fn write_turtle(
        &mut self,
        subject: NamedNodeRef<'_>,
        predicate: NamedNodeRef<'_>,
        object: TermRef<'_>,
    ) {
        let out = &mut self.out;
        let prefixes = &self.prefixes;
        if !self.prelude_written {
            self.prelude_written = true;
            out.extend_from_slice(&prefixes.prelude());
        }
        let same_subject = self.open && self.subject == subject.as_str();
        if same_subject && self.predicate == predicate.as_str() {
            out.extend_from_slice(b" , ");
        } else {
            if same_subject {
                out.extend_from_slice(b" ;\n\t");
            } else {
                if self.open {
                    out.extend_from_slice(b" .\n");
                }
                write_turtle_iri(out, prefixes, subject.as_str());
                out.push(b' ');
                self.subject.clear();
                self.subject.push_str(subject.as_str());
            }
            if predicate == rdf::TYPE {
                out.push(b'a');
            } else {
                write_spelled_iri(out, &mut self.spelled, prefixes, predicate.as_str());
            }
            out.push(b' ');
            self.predicate.clear();
            self.predicate.push_str(predicate.as_str());
        }
        match object {
            TermRef::NamedNode(class) if predicate == rdf::TYPE => {
                write_spelled_iri(out, &mut self.spelled, prefixes, class.as_str())
            }
            _ => write_turtle_term(out, prefixes, object),
        }
        self.open = true;
    }

    /// Ends the output (the last statement's ` .`) and hands back the bytes.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        if self.open {
            self.out.extend_from_slice(b" .\n");
        }
        self.out
    }
}

/// `subject predicate object` as N-Triples and N-Quads spell them.
fn write_line_triple(
    out: &mut Vec<u8>,
    subject: NamedNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
    object: TermRef<'_>,
) {
    write_iri(out, subject.as_str());
    out.push(b' ');
    write_iri(out, predicate.as_str());
    out.push(b' ');
    match object {
        TermRef::NamedNode(node) => write_iri(out, node.as_str()),
        TermRef::Literal(literal) => {
            write_quoted(out, literal.value());
            write_literal_suffix(out, literal, write_iri);
        }
        TermRef::BlankNode(node) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(node.as_str().as_bytes());
        }
    }
}

/// What follows a literal's quoted value: `@language`, nothing for a plain
/// string, else `^^` and the datatype as `datatype_iri` writes it.
fn write_literal_suffix(
    out: &mut Vec<u8>,
    literal: LiteralRef<'_>,
    datatype_iri: impl FnOnce(&mut Vec<u8>, &str),
) {
    if let Some(language) = literal.language() {
        out.push(b'@');
        out.extend_from_slice(language.as_bytes());
    } else if literal.datatype() != xsd::STRING {
        out.extend_from_slice(b"^^");
        datatype_iri(out, literal.datatype().as_str());
    }
}

/// `<iri>`: IRIs are written as they are, as oxrdf writes them.
fn write_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

/// A Turtle object: an IRI, or a literal, bare where it is a Turtle number
/// or boolean token of its datatype.
fn write_turtle_term(out: &mut Vec<u8>, prefixes: &Prefixes, term: TermRef<'_>) {
    match term {
        TermRef::NamedNode(node) => write_turtle_iri(out, prefixes, node.as_str()),
        TermRef::Literal(literal) => {
            let value = literal.value();
            let bare = match literal.datatype() {
                xsd::BOOLEAN => matches!(value, "true" | "false"),
                xsd::INTEGER => is_turtle_integer(value),
                xsd::DECIMAL => is_turtle_decimal(value),
                xsd::DOUBLE => is_turtle_double(value),
                _ => false,
            };
            if bare {
                out.extend_from_slice(value.as_bytes());
            } else {
                write_quoted(out, value);
                write_literal_suffix(out, literal, |out, datatype| {
                    write_turtle_iri(out, prefixes, datatype)
                });
            }
        }
        TermRef::BlankNode(node) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(node.as_str().as_bytes());
        }
    }
}

/// [`write_turtle_iri`] through `spelled`, the spellings of the IRIs
/// written before.
fn write_spelled_iri(out: &mut Vec<u8>, spelled: &mut Spellings, prefixes: &Prefixes, iri: &str) {
    if spelled.slots.is_empty() {
        spelled.slots.resize_with(SPELLINGS, || None);
    }
    let slot = &mut spelled.slots[Spellings::slot(iri)];
    if let Some((known, spelling)) = slot {
        if **known == *iri {
            out.extend_from_slice(spelling);
            return;
        }
    }
    let start = out.len();
    write_turtle_iri(out, prefixes, iri);
    *slot = Some((iri.into(), out[start..].into()));
}

/// An IRI in Turtle: `prefix:local` with the first (longest) prefix whose
/// local name Turtle can spell, else `<iri>`.
fn write_turtle_iri(out: &mut Vec<u8>, prefixes: &Prefixes, iri: &str) {
    let bytes = iri.as_bytes();
    for prefix in &prefixes.list {
        let namespace = prefix.namespace.as_bytes();
        // the last byte first: it tells most namespaces apart at once
        let candidate = match namespace.last() {
            Some(last) => bytes.get(namespace.len() - 1) == Some(last),
            None => true,
        };
        if candidate && write_prefixed_name(out, prefix, iri) {
            return;
        }
    }
    write_iri(out, iri);
}

/// Writes `iri` as a name with `prefix` if it is one; whether it was.
fn write_prefixed_name(out: &mut Vec<u8>, prefix: &Prefix, iri: &str) -> bool {
    let Some(local) = iri.strip_prefix(prefix.namespace.as_str()) else {
        return false;
    };
    let written = out.len();
    out.reserve(prefix.written.len() + 2 * local.len());
    out.extend_from_slice(prefix.written.as_bytes());
    if write_local_name(out, local) {
        return true;
    }
    out.truncate(written);
    false
}

/// How an ASCII character may appear in a local name (PN_LOCAL) as oxttl
/// writes one, as bits: as it is first ([`FIRST`]), as it is later
/// ([`LATER`]; `.` also, when not last), after a `\` ([`ESCAPED`]);
/// 0 for bytes beyond ASCII (see [`write_local_name`]).
const LOCAL_ASCII: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_alphanumeric() || b == b'_' || b == b':' {
            FIRST | LATER
        } else if b == b'-' {
            LATER | ESCAPED
        } else if matches!(
            b,
            b'~' | b'.'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'/'
                | b'?'
                | b'#'
                | b'@'
                | b'%'
        ) {
            ESCAPED
        } else {
            0
        };
        c += 1;
    }
    table
};
const FIRST: u8 = 1;
const LATER: u8 = 2;
const ESCAPED: u8 = 4;

/// Writes the non-empty `local` as a prefixed name's local part,
/// `\`-escaping what needs it; false (and something written) when some
/// character cannot be in a local name at all.
fn write_local_name(out: &mut Vec<u8>, local: &str) -> bool {
    let bytes = local.as_bytes();
    // the common case, a slug or a hash: nothing to escape
    if let Some((&first, rest)) = bytes.split_first() {
        let plain = LOCAL_ASCII[usize::from(first)] & FIRST != 0
            && rest
                .iter()
                .all(|&b| LOCAL_ASCII[usize::from(b)] & LATER != 0);
        if plain {
            out.extend_from_slice(bytes);
            return true;
        }
    }
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        if at > 0 {
            // the common case: a run of letters, digits, `-`, `_`, `:`
            while bytes
                .get(at)
                .is_some_and(|&b| LOCAL_ASCII[usize::from(b)] & LATER != 0)
            {
                at += 1;
            }
            if at == bytes.len() {
                break;
            }
        }
        let byte = bytes[at];
        if byte >= 0x80 {
            // no character beyond ASCII is ever escaped
            let Some(c) = local[at..].chars().next() else {
                return false;
            };
            let plain = if at == 0 {
                is_pn_chars_u(c)
            } else {
                is_pn_chars(c)
            };
            if !plain {
                return false;
            }
            at += c.len_utf8();
            continue;
        }
        let class = LOCAL_ASCII[usize::from(byte)];
        let plain = if at == 0 {
            class & FIRST != 0
        } else {
            class & LATER != 0 || (byte == b'.' && at + 1 < bytes.len())
        };
        if !plain {
            if class & ESCAPED == 0 {
                return false;
            }
            out.extend_from_slice(&bytes[run_start..at]);
            out.push(b'\\');
            run_start = at;
        }
        at += 1;
    }
    out.extend_from_slice(&bytes[run_start..]);
    true
}

// [163s] PN_CHARS_BASE, as oxttl's lexer has it
fn is_pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

// [164s] PN_CHARS_U
fn is_pn_chars_u(c: char) -> bool {
    is_pn_chars_base(c) || c == '_'
}

// [166s] PN_CHARS
fn is_pn_chars(c: char) -> bool {
    is_pn_chars_u(c)
        || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// The bytes [`write_quoted`] may have to escape: control characters,
/// `"`, `\\`, DEL, and the first byte of U+FFFE and U+FFFF.
const LOOK_CLOSER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || matches!(b as u8, b'"' | b'\\' | 0x7F | 0xEF);
        b += 1;
    }
    table
};

/// `"value"` with the escapes oxrdf writes: `\b \t \n \f \r \" \\`, and
/// `\uXXXX` for the other control characters, DEL, U+FFFE and U+FFFF.
fn write_quoted(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if !LOOK_CLOSER[usize::from(byte)] {
            at += 1;
            continue;
        }
        let (escape_len, escape): (usize, Option<&[u8]>) = match byte {
            b'\x08' => (1, Some(b"\\b")),
            b'\t' => (1, Some(b"\\t")),
            b'\n' => (1, Some(b"\\n")),
            b'\x0C' => (1, Some(b"\\f")),
            b'\r' => (1, Some(b"\\r")),
            b'"' => (1, Some(b"\\\"")),
            b'\\' => (1, Some(b"\\\\")),
            0..=0x1F | 0x7F => (1, None),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF
            0xEF if bytes.get(at + 1) == Some(&0xBF)
                && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
            {
                (3, None)
            }
            _ => {
                at += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run_start..at]);
        match escape {
            Some(escape) => out.extend_from_slice(escape),
            None => {
                let c = value[at..].chars().next().map_or(0, u32::from);
                // infallible: writing into a Vec
                let _ = write!(out, "\\u{c:04X}");
            }
        }
        at += escape_len;
        run_start = at;
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

/// Strips one leading `+` or `-`.
fn unsigned(value: &[u8]) -> &[u8] {
    match value.first() {
        Some(b'+' | b'-') => &value[1..],
        _ => value,
    }
}

/// `value` without its leading ASCII digits, and how many there were.
fn skip_digits(value: &[u8]) -> (&[u8], usize) {
    let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
    (&value[digits..], digits)
}

// [19] INTEGER ::= [+-]? [0-9]+
fn is_turtle_integer(value: &str) -> bool {
    let value = unsigned(value.as_bytes());
    !value.is_empty() && value.iter().all(u8::is_ascii_digit)
}

// [20] DECIMAL ::= [+-]? [0-9]* '.' [0-9]+
fn is_turtle_decimal(value: &str) -> bool {
    let (rest, _) = skip_digits(unsigned(value.as_bytes()));
    let Some(fraction) = rest.strip_prefix(b".") else {
        return false;
    };
    !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit)
}

// [21] DOUBLE ::= [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)
fn is_turtle_double(value: &str) -> bool {
    let (mut rest, before) = skip_digits(unsigned(value.as_bytes()));
    let mut after = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        (rest, after) = skip_digits(fraction);
    }
    let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) else {
        return false;
    };
    let exponent = unsigned(exponent);
    (before > 0 || after > 0) && !exponent.is_empty() && exponent.iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{GraphNameRef, Literal, NamedNode, QuadRef, TripleRef};
    use oxttl::{NQuadsSerializer, NTriplesSerializer, TurtleSerializer};
    use proptest::prelude::*;

    /// (subject, predicate, object, graphs)
    type Quad = (NamedNode, NamedNode, oxrdf::Term, Vec<NamedNode>);

    /// Test prefixes; `delimited`: only namespaces ending in `/` or `#`
    /// (like the exporter's), else also one ending in `:`.
    fn prefixes(delimited: bool) -> Prefixes {
        Prefixes::new(
            [
                ("ex", "http://example.org/"),
                ("exp", "http://example.org/p/"),
                ("xsd", "http://www.w3.org/2001/XMLSchema#"),
                ("kg", "https://w3id.org/kgexport/ontology#"),
                ("h", "http://example.org/h#"),
                ("s", "https://example.org/s/"),
                ("u", "urn:x:"),
            ]
            .into_iter()
            .filter(|(n, _)| !delimited || *n != "u")
            .map(|(n, i)| (n.to_owned(), i.to_owned())),
        )
    }

    /// Both sets of test prefixes.
    fn both_prefixes() -> [Prefixes; 2] {
        [prefixes(true), prefixes(false)]
    }

    fn ours(syntax: Syntax, prefixes: &Prefixes, quads: &[Quad]) -> String {
        let mut writer = RdfWriter::with_capacity(syntax, prefixes.clone(), 0);
        for (s, p, o, graphs) in quads {
            let graphs: Vec<NamedNodeRef<'_>> = graphs.iter().map(NamedNode::as_ref).collect();
            writer.write(s.as_ref(), p.as_ref(), o.as_ref(), &graphs);
        }
        String::from_utf8(writer.finish()).unwrap()
    }

    fn oxttl(syntax: Syntax, prefixes: &Prefixes, quads: &[Quad]) -> String {
        let triples = quads
            .iter()
            .map(|(s, p, o, _)| TripleRef::new(s.as_ref(), p.as_ref(), o.as_ref()));
        let bytes = match syntax {
            Syntax::Turtle => {
                let mut serializer = TurtleSerializer::new();
                for (name, iri) in prefixes.iter() {
                    serializer = serializer.with_prefix(name, iri).unwrap();
                }
                let mut serializer = serializer.for_writer(Vec::new());
                triples.for_each(|t| serializer.serialize_triple(t).unwrap());
                serializer.finish().unwrap()
            }
            Syntax::NTriples => {
                let mut serializer = NTriplesSerializer::new().for_writer(Vec::new());
                triples.for_each(|t| serializer.serialize_triple(t).unwrap());
                serializer.finish()
            }
            Syntax::NQuads => {
                let mut serializer = NQuadsSerializer::new().for_writer(Vec::new());
                for (triple, (.., graphs)) in triples.zip(quads) {
                    if graphs.is_empty() {
                        let quad = triple.in_graph(GraphNameRef::DefaultGraph);
                        serializer.serialize_quad(quad).unwrap();
                    }
                    for graph in graphs {
                        let quad: QuadRef<'_> = triple.in_graph(graph.as_ref());
                        serializer.serialize_quad(quad).unwrap();
                    }
                }
                serializer.finish()
            }
        };
        String::from_utf8(bytes).unwrap()
    }

    fn assert_same(quads: &[Quad]) {
        for prefixes in both_prefixes() {
            for syntax in [Syntax::Turtle, Syntax::NTriples, Syntax::NQuads] {
                let expected = oxttl(syntax, &prefixes, quads);
                assert_eq!(ours(syntax, &prefixes, quads), expected, "{syntax:?}");
            }
        }
    }

    fn iri(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    fn quad(s: &str, p: &str, o: impl Into<oxrdf::Term>) -> Quad {
        (iri(s), iri(p), o.into(), Vec::new())
    }

    #[test]
    fn literals_escape_as_oxttl_does() {
        let s = "http://example.org/s";
        let p = "http://example.org/p";
        let texts = [
            "",
            "plain words",
            "say \"hi\"",
            "back\\slash \\\\ two",
            "line\nnext\r\nend",
            "tab\there",
            "bell\u{7} null\u{0} esc\u{1b} del\u{7f} unit\u{1f} bs\u{8} ff\u{c}",
            "Đỗ Hữu Khang — “quoted”",
            "non-BMP 😀 \u{10FFFF} \u{20000}",
            "nonchars \u{FFFE}\u{FFFF}\u{FFFD}\u{EFBF}",
            "\"",
            "\\",
        ];
        let mut quads = Vec::new();
        for text in texts {
            quads.push(quad(s, p, Literal::new_simple_literal(text)));
            quads.push(quad(
                s,
                p,
                Literal::new_language_tagged_literal(text, "vi").unwrap(),
            ));
            quads.push(quad(
                s,
                "http://example.org/q",
                Literal::new_typed_literal(text, iri("http://www.w3.org/2001/XMLSchema#date")),
            ));
            quads.push(quad(
                s,
                p,
                Literal::new_typed_literal(text, iri("http://other.example/dt")),
            ));
        }
        quads.push(quad(
            s,
            p,
            Literal::new_language_tagged_literal("hello", "en-GB").unwrap(),
        ));
        assert_same(&quads);
    }

    #[test]
    fn numbers_are_bare_only_when_turtle_has_the_token() {
        let s = "http://example.org/s";
        let p = "http://example.org/p";
        let cases = [
            (
                xsd::INTEGER,
                ["1", "-7", "+0", "007", "1.0", "", "1e3", "x", "+", "٣"],
            ),
            (
                xsd::DECIMAL,
                [
                    "0.7", "1.0", ".5", "-.5", "1.", "1", "+1.25", ".", "1.2.3", "",
                ],
            ),
            (
                xsd::DOUBLE,
                [
                    "1e3", "1.5E-2", ".5e1", "1.e2", "e3", "1.5", "-1E+9", "1e", "NaN", "INF",
                ],
            ),
            (
                xsd::BOOLEAN,
                [
                    "true", "false", "1", "0", "True", "", "yes", "true ", "f", "t",
                ],
            ),
        ];
        let mut quads = Vec::new();
        for (datatype, values) in cases {
            for value in values {
                quads.push(quad(s, p, Literal::new_typed_literal(value, datatype)));
            }
        }
        assert_same(&quads);
    }

    #[test]
    fn iris_take_the_prefix_oxttl_takes() {
        let p = "http://example.org/p";
        let objects = [
            "http://example.org/",
            "http://example.org/plain",
            "http://example.org/p/longer",
            "http://example.org/p/",
            "http://example.org/a%2Fb",
            "http://example.org/a/b",
            "http://example.org/end.",
            "http://example.org/mid.dle",
            "http://example.org/.start",
            "http://example.org/-start",
            "http://example.org/_start",
            "http://example.org/9lives",
            "http://example.org/:colon:",
            "http://example.org/tilde~x",
            "http://example.org/q?x=1&y=(2)*3+4,5;6!$'@",
            "http://example.org/h#frag",
            "http://example.org/hash#frag",
            "http://example.org/đỗ-hữu-khang",
            "http://example.org/x\u{00B7}y\u{0301}\u{203F}",
            "http://example.org/\u{00B7}first",
            "http://example.org/\u{0301}first",
            "http://example.org/😀",
            "http://example.org/x\u{00D7}y",
            "http://example.org/x\u{2000}y",
            "https://w3id.org/kgexport/ontology#mentionedIn",
            "https://example.org/s/person/x",
            "https://example.org/s/x",
            "urn:x:y",
            "urn:x:",
            "urn:xy",
            "http://other.example/thing",
        ];
        let mut quads = Vec::new();
        for object in objects {
            quads.push(quad(object, p, iri(object)));
            quads.push(quad("http://example.org/s", object, iri(object)));
        }
        quads.push(quad(
            "http://example.org/s",
            rdf::TYPE.as_str(),
            iri("http://example.org/Thing"),
        ));
        assert_same(&quads);
    }

    #[test]
    fn statements_group_and_graphs_repeat_as_oxttl_does() {
        let s = "http://example.org/s";
        let t = "http://example.org/t";
        let p = "http://example.org/p";
        let q = rdf::TYPE.as_str();
        let o = || iri("http://example.org/o");
        let lit = || Literal::new_simple_literal("v");
        let g = |names: &[&str]| -> Vec<NamedNode> {
            names
                .iter()
                .map(|n| iri(&format!("http://example.org/g/{n}")))
                .collect()
        };
        let quads = vec![
            (iri(s), iri(q), o().into(), g(&["a"])),
            (iri(s), iri(q), lit().into(), g(&["a", "b"])),
            (iri(s), iri(p), o().into(), g(&[])),
            (iri(s), iri(p), o().into(), g(&["b"])),
            (iri(t), iri(p), o().into(), g(&["a", "b", "c"])),
            (iri(s), iri(p), lit().into(), g(&[])),
            (iri(s), iri(q), lit().into(), g(&[])),
        ];
        assert_same(&quads);
        assert_same(&quads[..1]);
        assert_same(&[]);
    }

    /// Strings from the characters where the escaping rules differ.
    fn tricky_string() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just(".".to_owned()),
            Just("%2F".to_owned()),
            Just("\u{FFFE}".to_owned()),
            Just("\u{FFFF}".to_owned()),
            Just("\u{00B7}".to_owned()),
            Just("\u{0300}".to_owned()),
            prop::char::range('\0', '\u{7f}').prop_map(String::from),
            prop::char::range('\u{80}', '\u{3000}').prop_map(String::from),
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
    }

    /// An IRI under one of the test prefixes (or none) ending in `tail`,
    /// when that is a valid IRI.
    fn some_iri(namespace: usize, tail: &str) -> Option<NamedNode> {
        let namespaces = [
            "http://example.org/",
            "http://example.org/p/",
            "http://example.org/h#",
            "urn:x:",
            "http://other.example/",
        ];
        NamedNode::new(format!(
            "{}{tail}",
            namespaces[namespace % namespaces.len()]
        ))
        .ok()
    }

    proptest! {
        #[test]
        fn random_terms_write_as_oxttl_writes_them(
            items in prop::collection::vec(
                (0usize..5, tricky_string(), 0usize..5, 0usize..6, tricky_string(), 0usize..3),
                1..6,
            )
        ) {
            let mut quads = Vec::new();
            for (ns, tail, pns, kind, text, graphs) in items {
                let subject = some_iri(ns, &tail).unwrap_or_else(|| iri("http://example.org/s"));
                let predicate = some_iri(pns, "p").unwrap_or_else(|| iri("http://example.org/p"));
                let object: oxrdf::Term = match kind {
                    0 => some_iri(pns, &text).unwrap_or_else(|| iri("http://example.org/o")).into(),
                    1 => Literal::new_simple_literal(&text).into(),
                    2 => Literal::new_language_tagged_literal_unchecked(&text, "vi").into(),
                    3 => Literal::new_typed_literal(&text, xsd::DECIMAL).into(),
                    4 => Literal::new_typed_literal(&text, xsd::INTEGER).into(),
                    _ => Literal::new_typed_literal(&text, xsd::G_YEAR).into(),
                };
                let graphs = (0..graphs)
                    .filter_map(|g| some_iri(g, &format!("g{g}{tail}")))
                    .collect();
                quads.push((subject, predicate, object, graphs));
            }
            for prefixes in both_prefixes() {
                for syntax in [Syntax::Turtle, Syntax::NTriples, Syntax::NQuads] {
                    let expected = oxttl(syntax, &prefixes, &quads);
                    prop_assert_eq!(ours(syntax, &prefixes, &quads), expected);
                }
            }
        }
    }
}
