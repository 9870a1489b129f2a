//! The texts of evidence sentences, kept out of memory beyond a budget:
//! appended to a buffer that goes to an unnamed temporary file whenever it
//! outgrows its share of `--memory`, and read back one text at a time by
//! the writers. The file is removed when the run ends, however it ends.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};

use crate::hash::fnv1a;

/// Which evidence sentence: its text is [`crate::graph::KnowledgeGraph::sentence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceId(u32);

impl SentenceId {
    /// The number, to write the id to a temporary file.
    pub(crate) fn index(self) -> u32 {
        self.0
    }

    /// The id of number `index` (see [`SentenceId::index`]).
    pub(crate) fn from_index(index: u32) -> Self {
        SentenceId(index)
    }
}

/// The texts of evidence sentences, numbered in the order pushed: the
/// latest in memory, the earlier ones in a temporary file once memory held
/// more than its share of the budget. Each text is read back on its own
/// (by the writers, in any order and from any thread), so the graph holds
/// 16 bytes a sentence (where it ends, its hash) instead of its text.
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

    /// The length in bytes of sentence `id`'s text (0 for an unknown id).
    pub fn text_len(&self, id: SentenceId) -> usize {
        let ix = id.0 as usize;
        let start = match ix {
            0 => 0,
            _ => self.ends.get(ix - 1).copied().unwrap_or_default(),
        };
        let end = self.ends.get(ix).copied().unwrap_or(start);
        (end - start) as usize
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
pub(crate) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(crate) fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
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
                assert_eq!(store.text_len(*id), text.len());
            }
        }
        let store = SentenceStore::default();
        assert!(store.text(SentenceId(0)).is_err());
    }
}
