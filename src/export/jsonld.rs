//! JSON-LD exporter: the triples of the RDF exporters, compacted with a
//! fixed `@context`.
//!
//! The triples come from [`super::rdf::write`] itself (as N-Triples through a pipe,
//! parsed back by oxttl), so JSON-LD can never describe another graph than
//! Turtle does. oxjsonld's serializer was not used: it writes every
//! predicate as a full IRI and puts no terms in the context.
//!
//! The context gives every ontology term a short name (`Person`,
//! `holdsRole`, `label`, ...), types the relations as `@id`, and binds the
//! prefixes of the vocabularies the ontology is aligned to (schema.org, ORG,
//! PROV; the alignment itself, `kg:Person rdfs:subClassOf schema:Person` and
//! so on, is in `ontology/kgexport.ttl`). Node ids are written as full IRIs,
//! which stay right whatever `--base-iri` is. Literals are written as
//! strings (never JSON numbers, which would change their datatype), with
//! their language or datatype. rdf.rs writes the triples of a subject
//! together and sorted, so each subject becomes one object in `@graph`, in
//! the same order as in Turtle: the output is deterministic.

use std::io::{self, BufWriter, Write};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{Literal, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxttl::NTriplesParser;

use super::{rdf as rdf_export, ExportOptions, Format, ONTOLOGY_IRI};

/// How the context coerces the values of a term.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Coercion {
    /// None: values carry their language or datatype themselves.
    None,
    /// Values are IRIs, written as plain strings.
    Id,
    /// Values are literals of this datatype, written as plain strings.
    Datatype(NamedNodeRef<'static>),
}

/// A term of the context: its name, the IRI it stands for and the
/// coercion of its values.
struct ContextTerm {
    name: &'static str,
    iri: String,
    coercion: Coercion,
}

/// Prefixes declared in the context: the vocabularies of the output and
/// those the ontology is aligned to.
const PREFIXES: [(&str, &str); 8] = [
    ("kg", ONTOLOGY_IRI),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("schema", "https://schema.org/"),
    ("org", "http://www.w3.org/ns/org#"),
];

/// The terms of the context, in the order written.
fn context_terms() -> Vec<ContextTerm> {
    use crate::graph::{NodeKind, Relation};
    let kg = |local: &str| format!("{ONTOLOGY_IRI}{local}");
    let term = |name: &'static str, iri: String, coercion| ContextTerm {
        name,
        iri,
        coercion,
    };
    let mut terms: Vec<ContextTerm> = NodeKind::ALL
        .iter()
        .map(|kind| term(kind.as_str(), kg(kind.as_str()), Coercion::None))
        .collect();
    terms.extend(
        Relation::ALL
            .iter()
            .map(|relation| term(relation.as_str(), kg(relation.as_str()), Coercion::Id)),
    );
    let integer = Coercion::Datatype(xsd::INTEGER);
    terms.extend([
        term("Statement", rdf::STATEMENT.as_str().into(), Coercion::None),
        term("Entity", format!("{}Entity", PREFIXES[5].1), Coercion::None),
        term("label", format!("{}label", PREFIXES[2].1), Coercion::None),
        term(
            "altLabel",
            format!("{}altLabel", PREFIXES[4].1),
            Coercion::None,
        ),
        term("nodeId", kg("id"), Coercion::None),
        term("dateValue", kg("dateValue"), Coercion::None),
        term("mentionedIn", kg("mentionedIn"), Coercion::Id),
        term("fileName", kg("fileName"), Coercion::None),
        term("subject", rdf::SUBJECT.as_str().into(), Coercion::Id),
        term("predicate", rdf::PREDICATE.as_str().into(), Coercion::Id),
        term("object", rdf::OBJECT.as_str().into(), Coercion::Id),
        term(
            "wasDerivedFrom",
            format!("{}wasDerivedFrom", PREFIXES[5].1),
            Coercion::Id,
        ),
        term("evidence", kg("evidence"), Coercion::Id),
        term("Sentence", kg("Sentence"), Coercion::None),
        term("text", kg("text"), Coercion::None),
        term(
            "confidence",
            kg("confidence"),
            Coercion::Datatype(xsd::DECIMAL),
        ),
        term("sentenceIndex", kg("sentenceIndex"), integer),
        term("startOffset", kg("startOffset"), integer),
        term("endOffset", kg("endOffset"), integer),
    ]);
    terms
}

/// Writes the graph as JSON-LD.
pub fn write(
    graph: &crate::KnowledgeGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (reader, writer) = io::pipe()?;
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let mut writer = BufWriter::new(writer);
            rdf_export::write(graph, Format::Ntriples, options, &mut writer)
        });
        let written = write_triples(NTriplesParser::new().for_reader(reader), out);
        // the reader is gone: a producer still writing stops on a broken pipe
        let produced = producer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the RDF writer panicked")));
        match (produced, written) {
            // the producer's own failure explains a parse error downstream
            (Err(cause), _) if cause.kind() != io::ErrorKind::BrokenPipe => Err(cause),
            // a producer cut off because the output failed: the output's error
            (_, Err(output)) => Err(output),
            (produced, Ok(())) => produced,
        }
    })
}

/// Writes `triples`, grouped by consecutive subject, as a JSON-LD document.
fn write_triples<E: Into<io::Error>>(
    triples: impl Iterator<Item = Result<Triple, E>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let terms = context_terms();
    let mut out = BufWriter::new(out);
    write_context(&terms, &mut out)?;
    out.write_all(b",\n  \"@graph\": [")?;
    let mut block: Vec<Triple> = Vec::new();
    let mut first = true;
    for triple in triples {
        let triple = triple.map_err(Into::into)?;
        if block.first().is_some_and(|t| t.subject != triple.subject) {
            write_subject(&terms, &block, first, &mut out)?;
            first = false;
            block.clear();
        }
        block.push(triple);
    }
    if !block.is_empty() {
        write_subject(&terms, &block, first, &mut out)?;
        first = false;
    }
    out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
    out.flush()
}

fn write_context(terms: &[ContextTerm], out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"{\n  \"@context\": {")?;
    let mut separator = "\n";
    for (prefix, iri) in PREFIXES {
        write!(out, "{separator}    {}: {}", json(prefix), json(iri))?;
        separator = ",\n";
    }
    for term in terms {
        let iri = compact_iri(&term.iri);
        write!(out, "{separator}    {}: ", json(term.name))?;
        match term.coercion {
            Coercion::None => write!(out, "{}", json(&iri))?,
            Coercion::Id => write!(out, "{{\"@id\": {}, \"@type\": \"@id\"}}", json(&iri))?,
            Coercion::Datatype(datatype) => write!(
                out,
                "{{\"@id\": {}, \"@type\": {}}}",
                json(&iri),
                json(&compact_iri(datatype.as_str()))
            )?,
        }
    }
    out.write_all(b"\n  }")
}

/// Writes the triples of one subject as one node object. Triples of a
/// predicate are consecutive (rdf.rs sorts them), so keys come once each.
fn write_subject(
    terms: &[ContextTerm],
    block: &[Triple],
    first: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let id = match &block[0].subject {
        NamedOrBlankNode::NamedNode(node) => node.as_str().to_string(),
        NamedOrBlankNode::BlankNode(node) => node.to_string(),
        #[allow(unreachable_patterns)]
        _ => {
            return Err(io::Error::other(
                "JSON-LD output has no RDF 1.2 triple terms",
            ))
        }
    };
    let comma = if first { "" } else { "," };
    write!(out, "{comma}\n    {{\n      \"@id\": {}", json(&id))?;
    for group in block.chunk_by(|a, b| a.predicate == b.predicate) {
        let predicate = group[0].predicate.as_ref();
        let term = terms.iter().find(|t| t.iri == predicate.as_str());
        let (key, coercion) = if predicate == rdf::TYPE {
            ("@type".to_string(), Coercion::Id)
        } else if let Some(term) = term {
            (term.name.to_string(), term.coercion)
        } else {
            (predicate.as_str().to_string(), Coercion::None)
        };
        let values: Vec<String> = group
            .iter()
            .map(|t| match (&t.object, predicate == rdf::TYPE) {
                (Term::NamedNode(class), true) => Ok(json(&type_name(terms, class.as_str()))),
                (object, _) => value(object, coercion),
            })
            .collect::<io::Result<_>>()?;
        if let [only] = values.as_slice() {
            write!(out, ",\n      {}: {only}", json(&key))?;
        } else {
            write!(out, ",\n      {}: [{}]", json(&key), values.join(", "))?;
        }
    }
    out.write_all(b"\n    }")
}

/// A class as `@type` writes it: its term, or else its IRI.
fn type_name(terms: &[ContextTerm], iri: &str) -> String {
    terms
        .iter()
        .find(|t| t.iri == iri && t.coercion == Coercion::None)
        .map_or_else(|| iri.to_string(), |t| t.name.to_string())
}

/// The JSON of one object under a term with `coercion`.
fn value(object: &Term, coercion: Coercion) -> io::Result<String> {
    Ok(match object {
        Term::NamedNode(node) if coercion == Coercion::Id => json(node.as_str()),
        Term::NamedNode(node) => format!("{{\"@id\": {}}}", json(node.as_str())),
        Term::BlankNode(node) => format!("{{\"@id\": {}}}", json(&node.to_string())),
        Term::Literal(literal) => literal_value(literal, coercion),
        #[allow(unreachable_patterns)]
        _ => {
            return Err(io::Error::other(
                "JSON-LD output has no RDF 1.2 triple terms",
            ))
        }
    })
}

fn literal_value(literal: &Literal, coercion: Coercion) -> String {
    let text = json(literal.value());
    if let Some(language) = literal.language() {
        return format!("{{\"@value\": {text}, \"@language\": {}}}", json(language));
    }
    let datatype = literal.datatype();
    match coercion {
        Coercion::Datatype(coerced) if coerced == datatype => text,
        // a plain string is an xsd:string only where the term coerces nothing
        Coercion::None if datatype == xsd::STRING => text,
        _ => format!(
            "{{\"@value\": {text}, \"@type\": {}}}",
            json(&compact_iri(datatype.as_str()))
        ),
    }
}

/// `iri` as `prefix:local` when a declared prefix covers it and the local
/// part cannot be mistaken for something else, else the IRI itself.
fn compact_iri(iri: &str) -> String {
    PREFIXES
        .iter()
        .find_map(|(prefix, namespace)| {
            let local = iri.strip_prefix(namespace)?;
            let simple =
                !local.is_empty() && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            simple.then(|| format!("{prefix}:{local}"))
        })
        .unwrap_or_else(|| iri.to_string())
}

/// `text` as a JSON string.
fn json(text: &str) -> String {
    // serializing a str cannot fail
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Evidence, KnowledgeGraph, NodeKind, Relation};
    use oxrdf::Graph;

    fn document(graph: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        write(graph, &ExportOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn sample() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let doc = g.add_source("tin \"một\".txt");
        let ev = |sentence| Evidence {
            doc,
            sentence,
            start: 0,
            end: 12,
            confidence: 0.9,
        };
        let p = g.add_node(
            NodeKind::Person,
            "Lương Tam Quang",
            Some("Luong Tam Quang"),
            ["ông Quang".to_string()],
            [ev(0)],
        );
        let r = g.add_node(NodeKind::Role, "Bộ trưởng", None, [], [ev(0)]);
        let e = g.add_node(NodeKind::Event, "Lễ mở ký", None, [], [ev(1)]);
        let d = g.add_node(NodeKind::Date, "2025-10-25", None, [], [ev(1)]);
        g.add_edge(
            p,
            Relation::HoldsRole,
            r,
            ev(0),
            "Bộ trưởng \"Lương\"\n Tam Quang",
        );
        g.add_edge(e, Relation::Date, d, ev(1), "ngày 25/10");
        g
    }

    #[test]
    fn the_document_is_json_with_the_context_and_one_object_per_subject() {
        let text = document(&sample());
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let context = &value["@context"];
        assert_eq!(context["kg"], ONTOLOGY_IRI);
        assert_eq!(context["schema"], "https://schema.org/");
        assert_eq!(context["holdsRole"]["@type"], "@id");
        assert_eq!(context["Person"], "kg:Person");
        let graph = value["@graph"].as_array().unwrap();
        let ids: Vec<&str> = graph.iter().map(|o| o["@id"].as_str().unwrap()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "one object per subject");
        let person = graph
            .iter()
            .find(|o| o["@id"] == "https://w3id.org/kgexport/id/person/luong-tam-quang")
            .unwrap();
        assert_eq!(person["@type"], "Person");
        assert_eq!(
            person["holdsRole"],
            "https://w3id.org/kgexport/id/role/bo-truong"
        );
        let languages: Vec<&str> = person["label"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["@language"].as_str().unwrap())
            .collect();
        assert_eq!(languages, ["en", "vi"]);
        assert_eq!(text, document(&sample()), "deterministic");
    }

    /// A writer that fails like a full disk after `room` bytes.
    struct FullDisk {
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn errors_name_their_cause() {
        // the output fails: its error, not the producer's broken pipe
        let mut big = KnowledgeGraph::new();
        let doc = big.add_source("a.txt");
        for i in 0..2000 {
            let evidence = Evidence {
                doc,
                sentence: i,
                start: 0,
                end: 1,
                confidence: 1.0,
            };
            big.add_node(
                NodeKind::Person,
                &format!("Người {i}"),
                None,
                [],
                [evidence],
            );
        }
        let err = write(
            &big,
            &ExportOptions::default(),
            &mut FullDisk { room: 4096 },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        // the producer fails: its error, not a parse error of what it left
        let bad = ExportOptions {
            base_iri: "not an iri ".to_string(),
            ..Default::default()
        };
        let err = write(&sample(), &bad, &mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn the_empty_graph_is_an_empty_document() {
        let text = document(&KnowledgeGraph::new());
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["@graph"], serde_json::json!([]));
    }

    #[test]
    fn literals_keep_their_datatype_and_language() {
        let lit = |l: Literal, c| literal_value(&l, c);
        let decimal = Literal::new_typed_literal("0.9", xsd::DECIMAL);
        assert_eq!(
            lit(decimal.clone(), Coercion::Datatype(xsd::DECIMAL)),
            "\"0.9\""
        );
        assert_eq!(
            lit(decimal, Coercion::None),
            "{\"@value\": \"0.9\", \"@type\": \"xsd:decimal\"}"
        );
        let date = Literal::new_typed_literal("2025-10", xsd::G_YEAR_MONTH);
        assert_eq!(
            lit(date, Coercion::None),
            "{\"@value\": \"2025-10\", \"@type\": \"xsd:gYearMonth\"}"
        );
        let vi = Literal::new_language_tagged_literal("Hà Nội", "vi").unwrap();
        assert_eq!(
            lit(vi, Coercion::None),
            "{\"@value\": \"Hà Nội\", \"@language\": \"vi\"}"
        );
        // a string under a coerced term must say it is a string
        let plain = Literal::new_simple_literal("7");
        assert_eq!(
            lit(plain.clone(), Coercion::Datatype(xsd::INTEGER)),
            "{\"@value\": \"7\", \"@type\": \"xsd:string\"}"
        );
        assert_eq!(lit(plain, Coercion::None), "\"7\"");
    }

    #[test]
    fn compact_iris_only_for_simple_local_names() {
        assert_eq!(
            compact_iri(&format!("{ONTOLOGY_IRI}holdsRole")),
            "kg:holdsRole"
        );
        assert_eq!(
            compact_iri("https://schema.org/a/b"),
            "https://schema.org/a/b"
        );
        assert_eq!(
            compact_iri("https://example.org/x"),
            "https://example.org/x"
        );
    }

    #[test]
    fn one_object_per_subject_of_the_ntriples_export() {
        let g = sample();
        let mut nt = Vec::new();
        rdf_export::write(&g, Format::Ntriples, &ExportOptions::default(), &mut nt).unwrap();
        let expected: Graph = NTriplesParser::new()
            .for_slice(&nt)
            .collect::<Result<_, _>>()
            .unwrap();
        // the writer's input, read back through this module's grouping
        let value: serde_json::Value = serde_json::from_str(&document(&g)).unwrap();
        let objects = value["@graph"].as_array().unwrap().len();
        let subjects: std::collections::BTreeSet<String> =
            expected.iter().map(|t| t.subject.to_string()).collect();
        assert_eq!(objects, subjects.len());
    }
}
