//! Evidence kept out of memory between extraction and resolution: what the
//! documents said (each mention of an entity, each statement of a fact) is
//! appended to a buffer that goes to a temporary file whenever it outgrows
//! its share of the memory budget, and is read back in the order written
//! when resolution has made the nodes and edges it belongs to.
//!
//! Statements of facts are then sorted by edge with [`RunSorter`], an
//! external sort within the same share: a share's worth is sorted at a
//! time and written as a run, and the runs are merged as they are read.
//!
//! The files are created unnamed (`tempfile::tempfile`): the system removes
//! them when the run ends, however it ends.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use rayon::slice::ParallelSliceMut;

use crate::graph::Evidence;
use crate::sentence_store::read_exact_at;

/// A record of fixed size on disk, little-endian.
pub(crate) trait FixedRecord: Sized + Send {
    /// How many bytes a record takes on disk.
    const BYTES: usize;
    fn encode(&self, out: &mut [u8]);
    /// The record of `bytes`, or an error for bytes no record encodes to.
    fn decode(bytes: &[u8]) -> io::Result<Self>;
}

/// Little-endian 32-bit words `words` into `out`.
pub(crate) fn put_words(out: &mut [u8], words: &[u32]) {
    for (chunk, word) in out.chunks_exact_mut(4).zip(words) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
}

/// The first `N` little-endian 32-bit words of `bytes` (0 past its end).
pub(crate) fn words<const N: usize>(bytes: &[u8]) -> [u32; N] {
    let mut words = [0u32; N];
    for (word, c) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *word = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    words
}

/// One record: what the evidence belongs to (an entity, by index) and the
/// evidence.
pub(crate) type Record = (u32, Evidence);

/// Six words: the owner, then the evidence's.
impl FixedRecord for Record {
    const BYTES: usize = 24;

    fn encode(&self, out: &mut [u8]) {
        let (owner, ev) = self;
        put_words(
            out,
            &[
                *owner,
                ev.doc,
                ev.sentence,
                ev.start,
                ev.end,
                ev.confidence.to_bits(),
            ],
        );
    }

    fn decode(bytes: &[u8]) -> io::Result<Self> {
        let [owner, doc, sentence, start, end, confidence] = words(bytes);
        let evidence = Evidence {
            doc,
            sentence,
            start,
            end,
            confidence: f32::from_bits(confidence),
        };
        Ok((owner, evidence))
    }
}

/// Records in the order pushed: the latest in memory, the earlier ones in
/// a temporary file once the memory held more than the limit.
#[derive(Debug)]
pub(crate) struct RecordSpill<R = Record> {
    buffer: Vec<R>,
    /// How many records memory holds before they go to the file.
    limit: usize,
    file: Option<BufWriter<File>>,
    /// How many records are in the file.
    spilled: usize,
}

/// What a [`RecordSpill`] holds once pushing is over.
pub(crate) enum Spilled<R> {
    /// Every record, in memory (nothing was spilled).
    Memory(Vec<R>),
    /// Every record, read back from the file in the order pushed.
    File(RecordReader<R>),
}

/// The records of a file, read in order.
pub(crate) struct RecordReader<R> {
    reader: BufReader<File>,
    /// How many records the file holds, and how many are left to read.
    records: usize,
    remaining: usize,
    bytes: Vec<u8>,
    _record: std::marker::PhantomData<R>,
}

impl<R: FixedRecord> Iterator for RecordReader<R> {
    type Item = io::Result<R>;

    fn next(&mut self) -> Option<io::Result<R>> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        Some(
            self.reader
                .read_exact(&mut self.bytes)
                .and_then(|()| R::decode(&self.bytes)),
        )
    }
}

impl<R: FixedRecord + Copy> Spilled<R> {
    /// Hands every record to `each`, in the order pushed; again at each
    /// call (a file is read from its start), so that a reader may go over
    /// them twice without holding them.
    pub(crate) fn replay(&mut self, mut each: impl FnMut(R)) -> io::Result<()> {
        match self {
            Spilled::Memory(records) => records.iter().copied().for_each(each),
            Spilled::File(reader) => {
                reader.reader.rewind()?;
                reader.remaining = reader.records;
                for record in reader {
                    each(record?);
                }
            }
        }
        Ok(())
    }
}

impl<R: FixedRecord> RecordSpill<R> {
    /// A spill holding at most `bytes` of records in memory (at least one);
    /// `usize::MAX`: never spills.
    pub(crate) fn new(bytes: usize) -> Self {
        RecordSpill {
            buffer: Vec::new(),
            limit: (bytes / std::mem::size_of::<R>().max(1)).max(1),
            file: None,
            spilled: 0,
        }
    }

    pub(crate) fn push_record(&mut self, record: R) -> io::Result<()> {
        self.buffer.push(record);
        if self.buffer.len() >= self.limit {
            self.spill()?;
        }
        Ok(())
    }

    /// How many records were pushed.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.spilled + self.buffer.len()
    }

    /// How many records were spilled to the file so far.
    #[cfg(test)]
    pub(crate) fn spilled(&self) -> usize {
        self.spilled
    }

    fn spill(&mut self) -> io::Result<()> {
        append_records(&mut self.file, &self.buffer)?;
        self.spilled += self.buffer.len();
        self.buffer.clear();
        // memory goes back to the budget, not to a high-water mark
        if self.buffer.capacity() > self.limit {
            self.buffer.shrink_to(self.limit);
        }
        Ok(())
    }

    /// Every record, in the order pushed: in memory if none was spilled,
    /// else all of them in the file (the buffer written out, its memory
    /// freed), to be read back.
    pub(crate) fn finish(mut self) -> io::Result<Spilled<R>> {
        if self.file.is_none() {
            return Ok(Spilled::Memory(self.buffer));
        }
        self.spill()?;
        self.buffer = Vec::new();
        let Some(file) = self.file.take() else {
            return Ok(Spilled::Memory(Vec::new()));
        };
        let mut file = file.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(Spilled::File(RecordReader {
            reader: BufReader::with_capacity(1 << 16, file),
            records: self.spilled,
            remaining: self.spilled,
            bytes: vec![0u8; R::BYTES],
            _record: std::marker::PhantomData,
        }))
    }
}

impl RecordSpill<Record> {
    pub(crate) fn push(&mut self, owner: u32, evidence: Evidence) -> io::Result<()> {
        self.push_record((owner, evidence))
    }
}

/// How many runs are merged at once: more runs are first merged this many
/// at a time into longer ones (each run read through a buffer of its own).
const MERGE_FAN_IN: usize = 64;

/// Bytes read at a time from each run while merging.
const RUN_READ_BYTES: usize = 1 << 16;

/// An external sort: records pushed in any order come out sorted by `key`,
/// which must tell every two records apart (the order is then the same
/// whatever the memory). Memory holds at most `bytes` of records (at least
/// `min_run` of them); beyond, each memory's worth is sorted and written
/// to a temporary file as a run, and the runs are merged at the end.
pub(crate) struct RunSorter<R, K, F> {
    buffer: Vec<R>,
    /// Records a run holds.
    limit: usize,
    key: F,
    /// Every run written so far, one after the other.
    file: Option<BufWriter<File>>,
    /// How many records each run in the file holds, in order.
    runs: Vec<u64>,
    fan_in: usize,
    _key: std::marker::PhantomData<K>,
}

impl<R, K, F> RunSorter<R, K, F>
where
    R: FixedRecord,
    K: Ord + Copy + Send,
    F: Fn(&R) -> K + Sync,
{
    /// A sorter holding at most `bytes` of records (at least `min_run`) in
    /// memory; `records`: the first of them, already in memory.
    pub(crate) fn new(bytes: usize, min_run: usize, records: Vec<R>, key: F) -> Self {
        let limit = (bytes / std::mem::size_of::<R>().max(1))
            .max(min_run)
            .max(1);
        RunSorter {
            buffer: records,
            limit,
            key,
            file: None,
            runs: Vec::new(),
            fan_in: MERGE_FAN_IN,
            _key: std::marker::PhantomData,
        }
    }

    /// The same sorter merging at most `fan_in` runs at once (at least 2).
    #[cfg(test)]
    fn with_fan_in(mut self, fan_in: usize) -> Self {
        self.fan_in = fan_in.max(2);
        self
    }

    pub(crate) fn push(&mut self, record: R) -> io::Result<()> {
        self.buffer.push(record);
        if self.buffer.len() >= self.limit {
            self.write_run()?;
        }
        Ok(())
    }

    /// How many records were pushed.
    pub(crate) fn len(&self) -> usize {
        self.buffer.len() + self.runs.iter().sum::<u64>() as usize
    }

    /// How many runs were written so far.
    #[cfg(test)]
    fn runs(&self) -> usize {
        self.runs.len()
    }

    fn sort_buffer(&mut self) {
        let key = &self.key;
        self.buffer.par_sort_unstable_by_key(|r| key(r));
    }

    fn write_run(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        self.sort_buffer();
        append_records(&mut self.file, &self.buffer)?;
        self.runs.push(self.buffer.len() as u64);
        self.buffer.clear();
        // memory goes back to the budget, not to a high-water mark
        if self.buffer.capacity() > self.limit {
            self.buffer.shrink_to(self.limit);
        }
        Ok(())
    }

    /// Hands every record to `each`, sorted; stops at `each`'s first error.
    pub(crate) fn finish(mut self, each: impl FnMut(R) -> io::Result<()>) -> io::Result<()> {
        if self.runs.is_empty() {
            self.sort_buffer();
            return self.buffer.into_iter().try_for_each(each);
        }
        self.write_run()?;
        self.buffer = Vec::new();
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let mut file = file.into_inner().map_err(|e| e.into_error())?;
        let mut runs = std::mem::take(&mut self.runs);
        // merged `fan_in` at a time into a new file until few enough remain
        while runs.len() > self.fan_in {
            let mut merged = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
            let mut bytes = vec![0u8; R::BYTES];
            let mut longer = Vec::new();
            let mut start = 0u64;
            for group in runs.chunks(self.fan_in) {
                let readers = run_readers(&file, start, group);
                start += group.iter().sum::<u64>();
                merge(readers, &self.key, |record| {
                    record.encode(&mut bytes);
                    merged.write_all(&bytes)
                })?;
                longer.push(group.iter().sum());
            }
            file = merged.into_inner().map_err(|e| e.into_error())?;
            runs = longer;
        }
        merge(run_readers(&file, 0, &runs), &self.key, each)
    }
}

/// Readers of the runs of `lengths` records, one after the other in `file`
/// from record `start`.
fn run_readers<'a, R: FixedRecord>(
    file: &'a File,
    start: u64,
    lengths: &[u64],
) -> Vec<RunReader<'a, R>> {
    let mut offset = start * R::BYTES as u64;
    lengths
        .iter()
        .map(|&records| {
            let reader = RunReader {
                file,
                offset,
                end: offset + records * R::BYTES as u64,
                buffer: Vec::new(),
                position: 0,
                _record: std::marker::PhantomData,
            };
            offset = reader.end;
            reader
        })
        .collect()
}

/// One run of a sorter's file, read a buffer at a time at its own offset.
struct RunReader<'a, R> {
    file: &'a File,
    /// Where the part not read yet begins, and where the run ends.
    offset: u64,
    end: u64,
    buffer: Vec<u8>,
    position: usize,
    _record: std::marker::PhantomData<R>,
}

impl<R: FixedRecord> RunReader<'_, R> {
    fn next(&mut self) -> io::Result<Option<R>> {
        if self.position == self.buffer.len() {
            if self.offset == self.end {
                return Ok(None);
            }
            let records = (RUN_READ_BYTES / R::BYTES).max(1) as u64;
            let length = (self.end - self.offset).min(records * R::BYTES as u64);
            self.buffer.resize(length as usize, 0);
            read_exact_at(self.file, &mut self.buffer, self.offset)?;
            self.offset += length;
            self.position = 0;
        }
        let bytes = &self.buffer[self.position..self.position + R::BYTES];
        self.position += R::BYTES;
        R::decode(bytes).map(Some)
    }
}

/// Merges the sorted `runs` into `each`, in `key` order (of equal keys the
/// earlier run's first).
fn merge<R, K, F>(
    mut runs: Vec<RunReader<'_, R>>,
    key: &F,
    mut each: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    R: FixedRecord,
    K: Ord + Copy,
    F: Fn(&R) -> K,
{
    let mut heads: Vec<Option<R>> = Vec::with_capacity(runs.len());
    let mut heap = BinaryHeap::with_capacity(runs.len());
    for (run, reader) in runs.iter_mut().enumerate() {
        let head = reader.next()?;
        if let Some(record) = &head {
            heap.push(Reverse((key(record), run)));
        }
        heads.push(head);
    }
    while let Some(Reverse((_, run))) = heap.pop() {
        let next = runs[run].next()?;
        if let Some(record) = &next {
            heap.push(Reverse((key(record), run)));
        }
        if let Some(record) = std::mem::replace(&mut heads[run], next) {
            each(record)?;
        }
    }
    Ok(())
}
/// Appends `records` to `file`, a temporary file made on first use.
fn append_records<R: FixedRecord>(
    file: &mut Option<BufWriter<File>>,
    records: &[R],
) -> io::Result<()> {
    let file = match file {
        Some(file) => file,
        None => file.insert(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)),
    };
    let mut bytes = vec![0u8; R::BYTES];
    for record in records {
        record.encode(&mut bytes);
        file.write_all(&bytes)?;
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
    fn records_come_back_in_the_order_pushed_whatever_the_limit() {
        for bytes in [1, 24 * 7, usize::MAX] {
            let mut spill = RecordSpill::new(bytes);
            for i in 0..100 {
                spill.push(i * 2, ev(i)).unwrap();
            }
            assert_eq!(spill.spilled() > 0, bytes != usize::MAX);
            assert_eq!(spill.len(), 100);
            let mut spilled = spill.finish().unwrap();
            let expected: Vec<Record> = (0..100).map(|i| (i * 2, ev(i))).collect();
            // the same records again at each replay
            for _ in 0..2 {
                let mut back = Vec::new();
                spilled.replay(|record| back.push(record)).unwrap();
                assert_eq!(back, expected, "{bytes}");
            }
        }
    }

    /// A record sorted by its first two words, the third telling apart
    /// records of equal keys by the order pushed.
    impl FixedRecord for (u32, u32, u32) {
        const BYTES: usize = 12;
        fn encode(&self, out: &mut [u8]) {
            put_words(out, &[self.0, self.1, self.2]);
        }
        fn decode(bytes: &[u8]) -> io::Result<Self> {
            let [a, b, c] = words(bytes);
            Ok((a, b, c))
        }
    }

    #[test]
    fn many_tiny_runs_merge_into_the_order_of_one() {
        // keys repeat (17 distinct first words), the push order breaks ties
        let records: Vec<(u32, u32, u32)> = (0..5000u32)
            .map(|i| ((i * 7919) % 17, (i * 31) % 5, i))
            .collect();
        let sorted = |bytes: usize, min_run: usize, fan_in: usize| {
            let mut sorter = RunSorter::new(bytes, min_run, Vec::new(), |r: &(u32, u32, u32)| *r)
                .with_fan_in(fan_in);
            for &r in &records {
                sorter.push(r).unwrap();
            }
            assert_eq!(sorter.len(), records.len());
            (sorter.runs(), sorted_out(sorter))
        };
        let (runs, one) = sorted(usize::MAX, 1, 64);
        assert_eq!(runs, 0);
        let mut expected = records.clone();
        expected.sort();
        assert_eq!(one, expected);
        // one record a run: 5000 runs merged 64 then 3 at a time
        for (bytes, fan_in) in [(1, 64), (1, 3), (12 * 100, 2), (12 * 2400, 64)] {
            let (runs, out) = sorted(bytes, 1, fan_in);
            assert!(runs > 1, "{bytes} {fan_in}");
            assert_eq!(out, one, "{bytes} {fan_in}");
        }
        // records already in memory count as pushed
        let mut sorter = RunSorter::new(24, 1, records[..10].to_vec(), |r: &(u32, u32, u32)| *r);
        for &r in &records[10..] {
            sorter.push(r).unwrap();
        }
        assert_eq!(sorted_out(sorter), one);
    }

    /// What `sorter` hands out, in order.
    fn sorted_out<R: FixedRecord, K: Ord + Copy + Send, F: Fn(&R) -> K + Sync>(
        sorter: RunSorter<R, K, F>,
    ) -> Vec<R> {
        let mut out = Vec::new();
        sorter
            .finish(|r| {
                out.push(r);
                Ok(())
            })
            .unwrap();
        out
    }
}
