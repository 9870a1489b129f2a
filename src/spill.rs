//! Evidence kept out of memory between extraction and resolution: what the
//! documents said (each mention of an entity, each statement of a fact) is
//! appended to a buffer that goes to a temporary file whenever it outgrows
//! its share of the memory budget, and is read back in the order written
//! when resolution has made the nodes and edges it belongs to.
//!
//! The file is created unnamed (`tempfile::tempfile`): the system removes it
//! when the run ends, however it ends.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use crate::graph::Evidence;

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

    /// How many records were pushed.
    pub(crate) fn len(&self) -> usize {
        self.spilled + self.buffer.len()
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
    fn records_come_back_in_the_order_pushed_whatever_the_limit() {
        for bytes in [1, 24 * 7, usize::MAX] {
            let mut spill = RecordSpill::new(bytes);
            for i in 0..100 {
                spill.push(i * 2, ev(i)).unwrap();
            }
            assert_eq!(spill.spilled() > 0, bytes != usize::MAX);
            assert_eq!(spill.len(), 100);
            let mut back = Vec::new();
            spill.drain(|owner, e| back.push((owner, e))).unwrap();
            let expected: Vec<Record> = (0..100).map(|i| (i * 2, ev(i))).collect();
            assert_eq!(back, expected, "{bytes}");
        }
    }
}
