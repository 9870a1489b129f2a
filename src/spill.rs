//! Evidence kept out of memory between extraction and resolution: what the
//! documents said (each mention of an entity, each statement of a fact) is
//! appended to a buffer that goes to a temporary file whenever it outgrows
//! its share of the memory budget, and is read back in the order written
//! when resolution has made the nodes and edges it belongs to.
//!
//! The file is created unnamed (`tempfile::tempfile`): the system removes it
//! when the run ends, however it ends.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use crate::graph::{fnv1a, Evidence};

/// One record: what the evidence belongs to (an entity or a fact, by
/// index) and the evidence.
pub(crate) type Record = (u32, Evidence);

/// A record on disk: six little-endian 32-bit words.
const RECORD_BYTES: usize = 24;

/// Records in the order pushed: the latest in memory, the earlier ones in
/// a temporary file once the memory held more than the limit.
#[derive(Debug)]
pub(crate) struct RecordSpill {
    buffer: Vec<Record>,
    /// How many records memory holds before they go to the file.
    limit: usize,
    file: Option<BufWriter<File>>,
    /// How many records are in the file.
    spilled: usize,
}

impl RecordSpill {
    /// A spill holding at most `bytes` of records in memory (at least one);
    /// `usize::MAX`: never spills.
    pub(crate) fn new(bytes: usize) -> Self {
        RecordSpill {
            buffer: Vec::new(),
            limit: (bytes / std::mem::size_of::<Record>()).max(1),
            file: None,
            spilled: 0,
        }
    }

    pub(crate) fn push(&mut self, owner: u32, evidence: Evidence) -> io::Result<()> {
        self.buffer.push((owner, evidence));
        if self.buffer.len() >= self.limit {
            self.spill()?;
        }
        Ok(())
    }

    /// How many records were spilled to the file so far.
    #[cfg(test)]
    pub(crate) fn spilled(&self) -> usize {
        self.spilled
    }

    fn spill(&mut self) -> io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self
                .file
                .insert(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)),
        };
        for (owner, ev) in self.buffer.drain(..) {
            let mut bytes = [0u8; RECORD_BYTES];
            let words = [
                owner,
                ev.doc,
                ev.sentence,
                ev.start,
                ev.end,
                ev.confidence.to_bits(),
            ];
            for (chunk, word) in bytes.chunks_exact_mut(4).zip(words) {
                chunk.copy_from_slice(&word.to_le_bytes());
            }
            file.write_all(&bytes)?;
            self.spilled += 1;
        }
        // memory goes back to the budget, not to a high-water mark
        if self.buffer.capacity() > self.limit {
            self.buffer.shrink_to(self.limit);
        }
        Ok(())
    }

    /// Hands every record to `each`, in the order pushed.
    pub(crate) fn drain(self, mut each: impl FnMut(u32, Evidence)) -> io::Result<()> {
        if let Some(file) = self.file {
            let mut file = file.into_inner().map_err(|e| e.into_error())?;
            file.rewind()?;
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let mut bytes = [0u8; RECORD_BYTES];
            for _ in 0..self.spilled {
                reader.read_exact(&mut bytes)?;
                let mut words = bytes
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
                let mut word = || words.next().unwrap_or_default();
                let owner = word();
                let evidence = Evidence {
                    doc: word(),
                    sentence: word(),
                    start: word(),
                    end: word(),
                    confidence: f32::from_bits(word()),
                };
                each(owner, evidence);
            }
        }
        for (owner, evidence) in self.buffer {
            each(owner, evidence);
        }
        Ok(())
    }
}

/// Which sentence of a [`SentenceStore`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceId(u32);

/// The texts of evidence sentences, numbered in the order pushed: the
/// latest in memory, the earlier ones in a temporary file once memory held
/// more than its share of the budget. Each text is read back on its own
/// (by the writers, in any order and from any thread), so the graph holds
/// 8 bytes a sentence instead of its text.
#[derive(Debug)]
pub struct SentenceStore {
    /// Where each sentence ends, counted in bytes from the first; it
    /// begins where the one before ends.
    ends: Vec<u64>,
    /// Each sentence's [`fnv1a`] hash, so that a writer naming sentences
    /// by their text's hash reads only the texts it writes.
    hashes: Vec<u64>,
    /// The texts after the first `flushed` bytes, concatenated.
    buffer: String,
    /// How many bytes memory holds before they go to the file.
    limit: usize,
    file: Option<File>,
    /// How many bytes are in the file: a text lies wholly in the file or
    /// wholly in `buffer`.
    flushed: u64,
    /// The first failure to write the file, after which texts stay in
    /// memory: the builder fails the run with it.
    error: Option<io::Error>,
}

impl Default for SentenceStore {
    /// A store that never spills.
    fn default() -> Self {
        SentenceStore::new(usize::MAX)
    }
}

impl SentenceStore {
    /// A store holding at most about `bytes` of text in memory (at least
    /// the text being added); `usize::MAX`: never spills.
    pub fn new(bytes: usize) -> Self {
        SentenceStore {
            ends: Vec::new(),
            hashes: Vec::new(),
            buffer: String::new(),
            limit: bytes.max(1),
            file: None,
            flushed: 0,
            error: None,
        }
    }

    /// Adds `text` and returns its number. A failure to write the file is
    /// kept for [`SentenceStore::take_error`], and the text stays readable.
    pub fn push(&mut self, text: &str) -> SentenceId {
        let id = SentenceId(self.ends.len() as u32);
        self.buffer.push_str(text);
        self.ends.push(self.flushed + self.buffer.len() as u64);
        self.hashes.push(fnv1a(text.as_bytes()));
        if self.buffer.len() >= self.limit && self.error.is_none() {
            if let Err(e) = self.flush() {
                self.error = Some(e);
            }
        }
        id
    }

    /// The first failure to write the temporary file, if any.
    pub(crate) fn take_error(&mut self) -> Option<io::Error> {
        self.error.take()
    }

    fn flush(&mut self) -> io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(tempfile::tempfile()?),
        };
        // a text is in the file only once all of it is
        file.write_all(self.buffer.as_bytes())?;
        self.flushed += self.buffer.len() as u64;
        self.buffer.clear();
        // memory goes back to the budget, not to a high-water mark
        if self.buffer.capacity() > self.limit {
            self.buffer.shrink_to(self.limit);
        }
        Ok(())
    }

    /// How many sentences were pushed.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The [`fnv1a`] hash of sentence `id`'s text (0 for an unknown id).
    pub fn text_hash(&self, id: SentenceId) -> u64 {
        self.hashes.get(id.0 as usize).copied().unwrap_or_default()
    }

    /// The text of sentence `id`: borrowed while it is in memory, read from
    /// the temporary file otherwise.
    pub fn text(&self, id: SentenceId) -> io::Result<Cow<'_, str>> {
        let ix = id.0 as usize;
        let end = *self.ends.get(ix).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("no sentence {ix} in the store"),
            )
        })?;
        let start = match ix {
            0 => 0,
            _ => self.ends[ix - 1],
        };
        if start >= self.flushed {
            let (from, to) = (
                (start - self.flushed) as usize,
                (end - self.flushed) as usize,
            );
            return Ok(Cow::Borrowed(&self.buffer[from..to]));
        }
        let file = self.file.as_ref().ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, "sentence store lost its file")
        })?;
        let mut bytes = vec![0u8; (end - start) as usize];
        read_exact_at(file, &mut bytes, start)?;
        String::from_utf8(bytes)
            .map(Cow::Owned)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// Reads `buf.len()` bytes of `file` at `offset`, without moving a shared
/// cursor: the writers read sentences from several threads at once.
#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(i: u32) -> Evidence {
        Evidence {
            doc: i,
            sentence: i * 3,
            start: i * 5,
            end: u32::MAX - i,
            confidence: 1.0 / (i as f32 + 1.0),
        }
    }

    #[test]
    fn sentences_come_back_whatever_the_limit_and_the_order_read() {
        let texts: Vec<String> = (0..200)
            .map(|i| match i % 4 {
                0 => String::new(),
                1 => format!("Câu thứ {i} nói về Hội nghị Đà Lạt."),
                2 => "ờ".repeat(i),
                _ => format!("{i}"),
            })
            .collect();
        for bytes in [1, 100, usize::MAX] {
            let mut store = SentenceStore::new(bytes);
            let ids: Vec<SentenceId> = texts.iter().map(|t| store.push(t)).collect();
            assert!(store.take_error().is_none());
            assert_eq!(store.file.is_some(), bytes != usize::MAX);
            assert_eq!(store.len(), texts.len());
            for (id, text) in ids.iter().zip(&texts).rev() {
                assert_eq!(store.text(*id).unwrap(), text.as_str(), "{bytes}");
                assert_eq!(store.text_hash(*id), fnv1a(text.as_bytes()));
            }
        }
        let store = SentenceStore::default();
        assert!(store.text(SentenceId(0)).is_err());
    }

    #[test]
    fn records_come_back_in_the_order_pushed_whatever_the_limit() {
        for bytes in [1, 24 * 7, usize::MAX] {
            let mut spill = RecordSpill::new(bytes);
            for i in 0..100 {
                spill.push(i * 2, ev(i)).unwrap();
            }
            assert_eq!(spill.spilled() > 0, bytes != usize::MAX);
            let mut back = Vec::new();
            spill.drain(|owner, e| back.push((owner, e))).unwrap();
            let expected: Vec<Record> = (0..100).map(|i| (i * 2, ev(i))).collect();
            assert_eq!(back, expected, "{bytes}");
        }
    }
}
