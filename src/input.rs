//! Input: the documents to read, from files, directories, stdin or the
//! sample corpus compiled into the binary.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Component, Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::Error;

/// One article: its name (see [`SourceNames`], `<stdin>`, or the URL of
/// a JSON Lines article), its text, and its publication date when the
/// input gives one (JSON Lines), which dates the days it names without a
/// year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
    pub published: Option<(i32, u32, u32)>,
}

impl Document {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            name: name.into(),
            text: text.into(),
            published: None,
        }
    }
}

/// How the documents of files are named in the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceNames {
    /// Relative to the INPUT given: a directory's files by their path
    /// under it, a file by its file name; the same on every machine and
    /// from any working directory.
    #[default]
    Relative,
    /// The absolute path, symbolic links resolved (machine and user names
    /// included).
    Absolute,
}

/// The five sample articles, embedded so the default run works anywhere.
const SAMPLE_CORPUS: [(&str, &str); 5] = [
    (
        "000_e0c7c4af0bd676c7.txt",
        include_str!("../data/corpus/000_e0c7c4af0bd676c7.txt"),
    ),
    (
        "001_b4557408310acd83.txt",
        include_str!("../data/corpus/001_b4557408310acd83.txt"),
    ),
    (
        "002_5ae89442fbcfa615.txt",
        include_str!("../data/corpus/002_5ae89442fbcfa615.txt"),
    ),
    (
        "003_6a4ef6c756e494f1.txt",
        include_str!("../data/corpus/003_6a4ef6c756e494f1.txt"),
    ),
    (
        "004_187bee9378cff2a5.txt",
        include_str!("../data/corpus/004_187bee9378cff2a5.txt"),
    ),
];

/// The bundled sample corpus.
pub fn sample_corpus() -> Vec<Document> {
    SAMPLE_CORPUS
        .iter()
        .map(|(name, text)| Document::new(*name, *text))
        .collect()
}

/// The per-document size limit unless `--max-doc-bytes` says otherwise:
/// far above any news article, far below what would exhaust memory.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 32 * 1024 * 1024;

/// Where a document comes from, before it is read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    /// A regular file, or a stream named on the command line (a FIFO from
    /// `<(...)`, `/dev/stdin`).
    File(PathBuf),
}

/// What an INPUT argument or a directory entry turned out to be.
#[derive(Debug)]
pub enum Found {
    /// Something to read.
    Source(Source),
    /// Something that cannot be read (an input error).
    Failed(Error),
    /// Something left out on purpose, with the note saying why.
    LeftOut(String),
}

/// One thing found while expanding INPUT, under the name it is shown and
/// sorted by.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    /// The path itself (`-` for stdin), which tells apart two paths whose
    /// names only look alike once made UTF-8 for display.
    pub path: PathBuf,
    pub found: Found,
}

/// Expands INPUT arguments into what to read: a file as is, a directory
/// walked recursively for `.txt` and `.jsonl` files (any case), `-` for
/// stdin. Entries are named relative to their INPUT (see
/// [`SourceNames::Relative`]), and come sorted by name and deduplicated
/// (one file given twice, however spelled, is read once), so neither the
/// argument order nor the directory order changes anything. Symbolic links
/// to files are read; symbolic links to directories met in a walk are not
/// followed (no loops).
pub fn expand_inputs(args: &[PathBuf]) -> Vec<Entry> {
    expand_inputs_named(args, SourceNames::Relative)
}

/// [`expand_inputs`], with documents named as `names` says.
pub fn expand_inputs_named(args: &[PathBuf], names: SourceNames) -> Vec<Entry> {
    let mut entries = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            entries.push(Entry {
                name: source_name(&Source::Stdin),
                path: PathBuf::from("-"),
                found: Found::Source(Source::Stdin),
            });
            continue;
        }
        let namer = Namer { root: arg, names };
        match fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => walk_dir(&namer, arg, &mut entries),
            Ok(_) => entries.push(namer.entry(arg)),
            Err(e) => entries.push(namer.failed(arg, metadata_error(arg, e))),
        }
    }
    entries.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    // one file under two spellings (`a.txt`, `./a.txt`, `/abs/a.txt`) has
    // one name: looked up only then
    entries.dedup_by(|a, b| a.name == b.name && same_path(&a.path, &b.path));
    entries
}

fn same_path(a: &Path, b: &Path) -> bool {
    a == b || matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// Names what is found under one INPUT argument.
struct Namer<'a> {
    root: &'a Path,
    names: SourceNames,
}

impl Namer<'_> {
    /// The name of `path`, the root or a path under it: in NFC, with `/`
    /// between its parts, relative to the root (the root's own file name
    /// for the root), or absolute.
    fn name(&self, path: &Path) -> String {
        let name = match self.names {
            SourceNames::Absolute => {
                let absolute = fs::canonicalize(path)
                    .or_else(|_| std::path::absolute(path))
                    .unwrap_or_else(|_| path.to_path_buf());
                absolute.to_string_lossy().into_owned()
            }
            SourceNames::Relative => match path.strip_prefix(self.root) {
                Ok(under) if !under.as_os_str().is_empty() => slash_joined(under),
                // the root itself: a file by its file name
                _ => match path.file_name() {
                    Some(file) => file.to_string_lossy().into_owned(),
                    None => path_name(path),
                },
            },
        };
        name.nfc().collect()
    }

    fn entry(&self, path: &Path) -> Entry {
        Entry {
            name: self.name(path),
            path: path.to_path_buf(),
            found: Found::Source(Source::File(path.to_path_buf())),
        }
    }

    fn failed(&self, path: &Path, error: Error) -> Entry {
        Entry {
            name: self.name(path),
            path: path.to_path_buf(),
            found: Found::Failed(error),
        }
    }
}

/// The normal parts of `path` joined by `/`, whatever the platform.
fn slash_joined(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// Whether a walk reads the file: `.txt` articles and `.jsonl` archives.
fn is_input_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("jsonl"))
}

/// Whether the file is read as JSON Lines, one article a line.
pub fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"))
}

fn walk_dir(namer: &Namer<'_>, dir: &Path, out: &mut Vec<Entry>) {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) => return out.push(namer.failed(dir, Error::io(dir, e))),
    };
    let mut paths = Vec::new();
    for item in listing {
        match item {
            Ok(item) => paths.push(item.path()),
            Err(e) => return out.push(namer.failed(dir, Error::io(dir, e))),
        }
    }
    paths.sort();
    for path in paths {
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            // gone since the listing: nothing to read
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                out.push(namer.failed(&path, Error::io(&path, e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk_dir(namer, &path, out);
        } else if meta.file_type().is_symlink() {
            match fs::metadata(&path) {
                Ok(target) if target.is_dir() => out.push(Entry {
                    name: namer.name(&path),
                    path: path.clone(),
                    found: Found::LeftOut(format!(
                        "{}: symbolic link to a directory, not followed",
                        path_name(&path)
                    )),
                }),
                Ok(target) if is_input_file(&path) => out.push(walked_file(namer, &path, &target)),
                Ok(_) => {}
                Err(e) if is_input_file(&path) => {
                    out.push(namer.failed(&path, metadata_error(&path, e)))
                }
                Err(_) => {}
            }
        } else if is_input_file(&path) {
            out.push(walked_file(namer, &path, &meta));
        }
    }
}

/// A `.txt` or `.jsonl` name met in a walk: read if it is a regular file.
/// Anything else (a FIFO, a socket, a device) is refused without being
/// opened, since opening a FIFO with no writer blocks forever.
fn walked_file(namer: &Namer<'_>, path: &Path, meta: &fs::Metadata) -> Entry {
    if meta.is_file() {
        return namer.entry(path);
    }
    let what = special_file_kind(meta);
    namer.failed(
        path,
        Error::Unreadable {
            path: path_name(path),
            why: format!("not a regular file ({what}); name it on the command line to read it"),
        },
    )
}

#[cfg(unix)]
fn special_file_kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn special_file_kind(_meta: &fs::Metadata) -> &'static str {
    "not a file"
}

/// Why `path` could not be looked at: dangling and looping symbolic links
/// are said so, other errors passed on.
fn metadata_error(path: &Path, e: io::Error) -> Error {
    let name = path_name(path);
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Error::io(path, e);
    }
    // ELOOP has no stable ErrorKind yet; its number differs between systems
    const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };
    if e.raw_os_error() == Some(ELOOP) {
        return Error::Unreadable {
            path: name,
            why: "symbolic link loop".into(),
        };
    }
    if e.kind() == io::ErrorKind::NotFound {
        let target = fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return Error::Unreadable {
            path: name,
            why: format!("dangling symbolic link (to {target:?}, which does not exist)"),
        };
    }
    Error::io(path, e)
}

/// A path as messages show it: as given, without a leading `./`.
pub(crate) fn path_name(path: &Path) -> String {
    let shown = path.to_string_lossy();
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

/// The name a source's document carries in provenance when it is not
/// found under an INPUT: `<stdin>`, or the file's name.
pub fn source_name(source: &Source) -> String {
    match source {
        Source::Stdin => "<stdin>".to_string(),
        Source::File(path) => Namer {
            root: path,
            names: SourceNames::Relative,
        }
        .name(path),
    }
}

/// A document as read, with notes on what was done to make it readable.
#[derive(Debug)]
pub struct Loaded {
    pub doc: Document,
    pub notes: Vec<String>,
}

/// Reads one source as UTF-8 text, refusing anything larger than
/// `max_bytes` (checked from the metadata before reading when it can be,
/// and while reading otherwise, so memory stays bounded).
pub fn read_source(source: &Source, max_bytes: u64) -> Result<Loaded, Error> {
    read_named(source, &source_name(source), max_bytes)
}

/// One source's text as the document `name`; errors name the path as given.
fn read_named(source: &Source, name: &str, max_bytes: u64) -> Result<Loaded, Error> {
    let (shown, bytes) = match source {
        Source::Stdin => {
            let shown = source_name(source);
            let bytes = read_limited(io::stdin().lock(), &shown, max_bytes, 0)?;
            (shown, bytes)
        }
        Source::File(path) => {
            let shown = path_name(path);
            let bytes = read_file(path, &shown, max_bytes)?;
            (shown, bytes)
        }
    };
    let (text, notes) = decode(&shown, bytes)?;
    Ok(Loaded {
        doc: Document::new(name, text),
        notes,
    })
}

/// The articles of what an [`Entry`] found, named `name`: one for a text
/// file or stdin; for a `.jsonl` file (see [`crate::jsonl`]) one per line,
/// read as they are asked for, each line's failure its own error. The
/// outer error: the source could not be opened or read at all.
pub fn read_documents<'a>(
    source: &Source,
    name: &str,
    max_bytes: u64,
) -> Result<Box<dyn Iterator<Item = Result<Loaded, Error>> + 'a>, Error> {
    match source {
        Source::File(path) if is_jsonl(path) => {
            let file = fs::File::open(path).map_err(|e| metadata_error(path, e))?;
            let reader = io::BufReader::new(file);
            Ok(Box::new(crate::jsonl::articles(
                reader,
                path_name(path),
                max_bytes,
            )))
        }
        _ => Ok(Box::new(std::iter::once(read_named(
            source, name, max_bytes,
        )))),
    }
}

/// Reads one line of at most `max_bytes` (its `\n` aside) into `line`
/// (emptied first). `Ok(None)` at the end; `Ok(Some(false))` for a line
/// too long, which is skipped to its end.
pub(crate) fn read_line_limited(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    max_bytes: u64,
) -> io::Result<Option<bool>> {
    line.clear();
    let n = reader
        .by_ref()
        .take(max_bytes.saturating_add(2))
        .read_until(b'\n', line)?;
    if n == 0 {
        return Ok(None);
    }
    let ended = line.last() == Some(&b'\n');
    if ended {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    if line.len() as u64 <= max_bytes {
        return Ok(Some(true));
    }
    // too long: the rest of the line is not kept
    if !ended {
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = reader.by_ref().take(1 << 16).read_until(b'\n', &mut rest)?;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
    }
    line.clear();
    Ok(Some(false))
}

fn read_file(path: &Path, name: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let meta = fs::metadata(path).map_err(|e| metadata_error(path, e))?;
    check_readable(&meta, name, max_bytes)?;
    let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // the file may have been replaced since: look again at what was opened
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    check_readable(&meta, name, max_bytes)?;
    let expected = if meta.is_file() { meta.len() } else { 0 };
    read_limited(file, name, max_bytes, expected)
}

fn check_readable(meta: &fs::Metadata, name: &str, max_bytes: u64) -> Result<(), Error> {
    if meta.is_dir() {
        return Err(Error::Unreadable {
            path: name.to_string(),
            why: "is a directory, where a file was expected".into(),
        });
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(too_large(name, Some(meta.len()), max_bytes));
    }
    Ok(())
}

fn too_large(name: &str, size: Option<u64>, limit: u64) -> Error {
    Error::TooLarge {
        path: name.to_string(),
        size: match size {
            Some(size) => format!("{size} bytes"),
            None => format!("more than {limit} bytes"),
        },
        limit,
    }
}

/// Reads at most `max_bytes` from `reader`; one byte more is an error.
fn read_limited(
    reader: impl Read,
    name: &str,
    max_bytes: u64,
    expected: u64,
) -> Result<Vec<u8>, Error> {
    let capacity = usize::try_from(expected.min(max_bytes)).unwrap_or(0);
    let mut buf = Vec::with_capacity(capacity);
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(name, e))?;
    if buf.len() as u64 > max_bytes {
        return Err(too_large(name, None, max_bytes));
    }
    Ok(buf)
}

/// How much of the start of a document the binary test looks at.
const BINARY_SNIFF_BYTES: usize = 64 * 1024;
/// Share of control bytes (in percent) above which a document is binary.
const BINARY_CONTROL_PERCENT: usize = 10;

/// The UTF-8 text of `bytes`, with notes on what was repaired, or an error
/// naming the document: UTF-16, binary (more than 10% control bytes at the
/// start, or NUL bytes in something that is not UTF-8), or not UTF-8 (with
/// the offset of the first bad byte). A leading byte order mark is dropped;
/// an incomplete character at the very end (a truncated file) is dropped
/// with a note; stray NUL bytes in valid text are kept (normalisation turns
/// them into spaces) with a note.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<(String, Vec<String>), Error> {
    let mut notes = Vec::new();
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Utf16 {
            path: name.to_string(),
        });
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    let controls = sniff
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if controls * 100 > sniff.len() * BINARY_CONTROL_PERCENT {
        return Err(Error::Binary {
            path: name.to_string(),
            why: format!(
                "{controls} control bytes in the first {} bytes",
                sniff.len()
            ),
        });
    }
    let mut bytes = bytes;
    // validated by SIMD first (std's check takes ~10 instructions a byte of
    // Vietnamese text); the rare invalid input is checked again by std for
    // where and why
    let checked = match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: simdutf8 has just validated every byte as UTF-8
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(_) => String::from_utf8(bytes),
    };
    let text = match checked {
        Ok(text) => text,
        Err(e) => {
            let err = e.utf8_error();
            let offset = err.valid_up_to();
            bytes = e.into_bytes();
            if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                return Err(Error::Binary {
                    path: name.to_string(),
                    why: format!("NUL byte at offset {nul} and not UTF-8"),
                });
            }
            if err.error_len().is_some() {
                return Err(Error::NotUtf8 {
                    path: name.to_string(),
                    offset,
                    byte: bytes[offset],
                });
            }
            notes.push(format!(
                "{name}: incomplete UTF-8 character at the end (offset {offset}) dropped: the file looks truncated"
            ));
            bytes.truncate(offset);
            String::from_utf8(bytes).unwrap_or_default()
        }
    };
    let nuls = text.bytes().filter(|&b| b == 0).count();
    if nuls > 0 {
        notes.push(format!(
            "{name}: {nuls} NUL byte(s) in the text, read as spaces"
        ));
    }
    let mut text = text;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok((text, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_corpus_has_five_articles() {
        let docs = sample_corpus();
        assert_eq!(docs.len(), 5);
        assert!(docs.iter().all(|d| d.text.contains("Công ước")));
    }

    #[test]
    fn decode_reports_offset_and_strips_bom() {
        let err = decode("x.txt", b"ab\xffcd".to_vec()).unwrap_err();
        assert!(matches!(
            err,
            Error::NotUtf8 {
                offset: 2,
                byte: 0xFF,
                ..
            }
        ));
        assert!(err
            .to_string()
            .starts_with("x.txt: not UTF-8 text (invalid byte 0xFF at offset 2)"));
        assert_eq!(decode("y", "\u{FEFF}hi".into()).unwrap().0, "hi");
        // the offset counts the byte order mark: it is a file offset
        let err = decode("z", b"\xEF\xBB\xBFab\xE0c".to_vec()).unwrap_err();
        assert!(matches!(err, Error::NotUtf8 { offset: 5, .. }));
    }

    #[test]
    fn decode_tells_binary_utf16_and_truncation() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
        assert!(matches!(decode("p", png), Err(Error::Binary { .. })));
        // one NUL in text that is not UTF-8 either
        assert!(matches!(
            decode("b", b"abcdefghijklmnopqrstuvwxyz\0\xff".to_vec()),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            decode("u", b"\xFF\xFEa\0b\0".to_vec()),
            Err(Error::Utf16 { .. })
        ));
        // a stray NUL in valid text is kept, with a note
        let (text, notes) = decode("n", b"Ha Noi\0 hom nay, troi dep qua".to_vec()).unwrap();
        assert!(text.contains('\0'));
        assert_eq!(notes.len(), 1);
        // cut inside "ộ": the two bytes of it that arrived are dropped
        let mut cut = "Bộ".as_bytes().to_vec();
        cut.pop();
        let (text, notes) = decode("t", cut).unwrap();
        assert_eq!(text, "B");
        assert!(notes[0].contains("truncated"));
    }

    #[test]
    fn read_limits_size_and_refuses_directories() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "0123456789").unwrap();
        let source = Source::File(file);
        assert_eq!(read_source(&source, 10).unwrap().doc.text, "0123456789");
        assert!(matches!(
            read_source(&source, 9),
            Err(Error::TooLarge { limit: 9, .. })
        ));
        let over = read_limited(&b"0123456789"[..], "s", 4, 0).unwrap_err();
        assert_eq!(
            over.to_string(),
            "s: too large (more than 4 bytes; the per-document limit is 4 bytes, \
             set with --max-doc-bytes)"
        );
        let err = read_source(&Source::File(dir.path().to_path_buf()), 100).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn expansion_is_sorted_and_survives_links() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/b.TXT"), "b").unwrap();
        fs::write(root.join("a.txt"), "a").unwrap();
        fs::write(root.join("notes.md"), "not read").unwrap();
        symlink(root, root.join("sub/loop")).unwrap();
        symlink("nowhere.txt", root.join("dead.txt")).unwrap();
        symlink("self.txt", root.join("self.txt")).unwrap();
        let entries = expand_inputs(&[root.to_path_buf()]);
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        // named relative to the directory given
        assert_eq!(
            names,
            ["a.txt", "dead.txt", "self.txt", "sub/b.TXT", "sub/loop"]
        );
        let message = |i: usize| match &entries[i].found {
            Found::Failed(e) => e.to_string(),
            Found::LeftOut(note) => note.clone(),
            Found::Source(s) => format!("source {s:?}"),
        };
        assert!(message(1).contains("dangling symbolic link"));
        assert!(message(2).contains("symbolic link loop"));
        assert!(message(4).contains("not followed"));
        // argument order changes nothing
        let a = root.join("a.txt");
        let b = root.join("sub/b.TXT");
        let forward: Vec<String> = expand_inputs(&[a.clone(), b.clone(), a.clone()])
            .into_iter()
            .map(|e| e.name)
            .collect();
        let backward: Vec<String> = expand_inputs(&[b, a]).into_iter().map(|e| e.name).collect();
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn names_alike_only_for_display_are_kept_apart() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for raw in [&b"\xff.txt"[..], b"\xfe.txt"] {
            fs::write(dir.path().join(std::ffi::OsStr::from_bytes(raw)), "x").unwrap();
        }
        let entries = expand_inputs(&[dir.path().to_path_buf()]);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, entries[1].name);
        // while `./x` is `x`
        let same = expand_inputs(&[PathBuf::from("Cargo.toml"), PathBuf::from("./Cargo.toml")]);
        assert_eq!(same.len(), 1);
    }
}
