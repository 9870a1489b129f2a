//! Shards: what documents say, each resolved within itself, written to a
//! `.kgx` file by `kgexport extract` and resolved across documents by
//! `kgexport merge`. The format (JSON Lines, versioned) is in `docs/KGX.md`.
//!
//! A shard holds, per document, exactly what [`crate::GraphBuilder`] keeps
//! of it in one run (its name, the hash of its text, its entities and
//! facts), so merging any split of a corpus into shards gives the graph of
//! one run over the whole: the builder depends on neither the order nor
//! the grouping of the documents.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::build::{extract_document, text_hash};
use crate::extract::{DocFacts, Entity, Fact};
use crate::graph::{Evidence, NodeKind, Relation};
use crate::input::Document;

/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;

/// How many documents are extracted together (as in [`crate::GraphBuilder`]).
const BATCH_DOCS: usize = 256;

/// The first line of a shard.
#[derive(Serialize, Deserialize)]
struct Header {
    /// The format version: [`VERSION`].
    kgx: u32,
    /// The program that wrote it.
    generator: String,
}

/// One document: one line after the header.
#[derive(Serialize, Deserialize)]
struct DocRecord {
    name: String,
    /// [`text_hash`] of the document's text, 16 hex digits: orders
    /// documents of one name.
    text_hash: String,
    /// The distinct evidence sentences, referred to by index.
    sentences: Vec<String>,
    entities: Vec<EntityRecord>,
    facts: Vec<FactRecord>,
}

/// Where something was read: sentence number, byte start and end in the
/// normalised text, confidence.
type Mention = (u32, u32, u32, f32);

#[derive(Serialize, Deserialize)]
struct EntityRecord {
    kind: String,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    short_forms: Vec<String>,
    mentions: Vec<Mention>,
}

#[derive(Serialize, Deserialize)]
struct FactRecord {
    /// Subject and object: indices into the document's entities.
    subject: usize,
    relation: String,
    object: usize,
    /// Index into the document's sentences.
    sentence: usize,
    at: Mention,
}

fn mention(ev: &Evidence) -> Mention {
    (ev.sentence, ev.start, ev.end, ev.confidence)
}

fn evidence((sentence, start, end, confidence): Mention) -> Evidence {
    Evidence {
        doc: 0,
        sentence,
        start,
        end,
        confidence,
    }
}

fn invalid(line: usize, why: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("not a kgx shard (line {line}): {why}"),
    )
}

/// Writes the header of a shard.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    let header = Header {
        kgx: VERSION,
        generator: concat!("kgexport ", env!("CARGO_PKG_VERSION")).to_string(),
    };
    serde_json::to_writer(&mut *out, &header)?;
    out.write_all(b"\n")
}

/// Writes one document's line.
pub fn write_document(
    out: &mut dyn Write,
    name: &str,
    text_hash: u64,
    facts: &DocFacts,
) -> io::Result<()> {
    let mut sentences: Vec<String> = Vec::new();
    let mut sentence_ix: HashMap<&str, usize> = HashMap::new();
    let fact_records = facts
        .facts
        .iter()
        .map(|fact| {
            let text: &str = &fact.sentence;
            let sentence = *sentence_ix.entry(text).or_insert_with(|| {
                sentences.push(text.to_string());
                sentences.len() - 1
            });
            FactRecord {
                subject: fact.subject,
                relation: fact.relation.as_str().to_string(),
                object: fact.object,
                sentence,
                at: mention(&fact.evidence),
            }
        })
        .collect();
    let record = DocRecord {
        name: name.to_string(),
        text_hash: format!("{text_hash:016x}"),
        sentences,
        entities: facts
            .entities
            .iter()
            .map(|e| EntityRecord {
                kind: e.kind.as_str().to_string(),
                label: e.label.clone(),
                label_en: e.label_en.clone(),
                aliases: e.aliases.clone(),
                short_forms: e.short_forms.clone(),
                mentions: e.evidence.iter().map(mention).collect(),
            })
            .collect(),
        facts: fact_records,
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

/// Reads a shard, handing each document (name, text hash, facts) to `each`
/// in the order written.
pub fn read(
    input: impl BufRead,
    mut each: impl FnMut(String, u64, DocFacts) -> io::Result<()>,
) -> io::Result<()> {
    let mut lines = input.lines();
    let header = lines.next().ok_or_else(|| invalid(1, "empty file"))??;
    let header: Header = serde_json::from_str(&header).map_err(|e| invalid(1, e))?;
    if header.kgx != VERSION {
        return Err(invalid(
            1,
            format!(
                "version {} (this kgexport reads version {VERSION})",
                header.kgx
            ),
        ));
    }
    for (i, line) in lines.enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let number = i + 2;
        let record: DocRecord = serde_json::from_str(&line).map_err(|e| invalid(number, e))?;
        let (name, hash, facts) = document(record).map_err(|e| invalid(number, e))?;
        each(name, hash, facts)?;
    }
    Ok(())
}

/// The document a record describes, checked.
fn document(record: DocRecord) -> Result<(String, u64, DocFacts), String> {
    let hash = u64::from_str_radix(&record.text_hash, 16)
        .map_err(|_| format!("text_hash {:?} is not hex", record.text_hash))?;
    let sentences: Vec<Arc<str>> = record.sentences.into_iter().map(Arc::from).collect();
    let entities = record
        .entities
        .into_iter()
        .map(|e| {
            let kind = NodeKind::ALL
                .into_iter()
                .find(|k| k.as_str() == e.kind)
                .ok_or_else(|| format!("unknown node kind {:?}", e.kind))?;
            Ok(Entity {
                kind,
                label: e.label,
                label_en: e.label_en,
                aliases: e.aliases,
                short_forms: e.short_forms,
                evidence: e.mentions.into_iter().map(evidence).collect(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let facts = record
        .facts
        .into_iter()
        .map(|f| {
            let relation = Relation::ALL
                .into_iter()
                .find(|r| r.as_str() == f.relation)
                .ok_or_else(|| format!("unknown relation {:?}", f.relation))?;
            let sentence = sentences
                .get(f.sentence)
                .cloned()
                .ok_or_else(|| format!("sentence {} out of range", f.sentence))?;
            if f.subject >= entities.len() || f.object >= entities.len() {
                return Err("a fact names an entity out of range".to_string());
            }
            Ok(Fact {
                subject: f.subject,
                relation,
                object: f.object,
                evidence: evidence(f.at),
                sentence,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((record.name, hash, DocFacts { entities, facts }))
}

/// Extracts documents a batch at a time, in parallel, and writes each to a
/// shard: memory holds one batch of text and its facts.
pub struct ShardWriter<W: Write> {
    out: W,
    pending: Vec<Document>,
    /// The first write error: reported by [`ShardWriter::finish`].
    error: Option<io::Error>,
    documents: usize,
}

impl<W: Write> ShardWriter<W> {
    /// Writes the header to `out`.
    pub fn new(mut out: W) -> io::Result<Self> {
        write_header(&mut out)?;
        Ok(ShardWriter {
            out,
            pending: Vec::new(),
            error: None,
            documents: 0,
        })
    }

    /// Queues `doc`; a full batch is extracted and written.
    pub fn push(&mut self, doc: Document) {
        self.pending.push(doc);
        if self.pending.len() >= BATCH_DOCS {
            self.flush_batch();
        }
    }

    fn flush_batch(&mut self) {
        let batch = std::mem::take(&mut self.pending);
        let extracted: Vec<(u64, String, DocFacts)> = batch
            .into_par_iter()
            .map(|doc| {
                (
                    text_hash(&doc.text),
                    doc.name.clone(),
                    extract_document(0, &doc),
                )
            })
            .collect();
        for (hash, name, facts) in &extracted {
            if self.error.is_some() {
                return;
            }
            self.documents += 1;
            if let Err(e) = write_document(&mut self.out, name, *hash, facts) {
                self.error = Some(e);
            }
        }
    }

    /// Writes what is queued and returns the output and how many
    /// documents were written.
    pub fn finish(mut self) -> io::Result<(W, usize)> {
        self.flush_batch();
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()?;
        Ok((self.out, self.documents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_read_back_as_written() {
        let docs = crate::input::sample_corpus();
        let mut out = Vec::new();
        let mut expected = Vec::new();
        write_header(&mut out).unwrap();
        for (i, doc) in docs.iter().enumerate() {
            let facts = extract_document(0, doc);
            write_document(&mut out, &doc.name, i as u64 * 0x1234_5678_9abc, &facts).unwrap();
            expected.push((doc.name.clone(), i as u64 * 0x1234_5678_9abc, facts));
        }
        let mut read_back = Vec::new();
        read(&out[..], |name, hash, facts| {
            read_back.push((name, hash, facts));
            Ok(())
        })
        .unwrap();
        assert_eq!(read_back, expected);
    }

    #[test]
    fn other_versions_and_broken_lines_are_errors() {
        let err = read(&b"{\"kgx\":2,\"generator\":\"x\"}\n"[..], |_, _, _| Ok(())).unwrap_err();
        assert!(err.to_string().contains("version 2"), "{err}");
        let broken = b"{\"kgx\":1,\"generator\":\"x\"}\n{\"name\":3}\n";
        let err = read(&broken[..], |_, _, _| Ok(())).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let out_of_range = "{\"kgx\":1,\"generator\":\"x\"}\n{\"name\":\"a\",\"text_hash\":\"00\",\"sentences\":[],\"entities\":[],\"facts\":[{\"subject\":0,\"relation\":\"about\",\"object\":0,\"sentence\":0,\"at\":[0,0,1,0.5]}]}\n";
        assert!(read(out_of_range.as_bytes(), |_, _, _| Ok(())).is_err());
        assert!(read(&b""[..], |_, _, _| Ok(())).is_err());
    }
}
