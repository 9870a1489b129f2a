//! Input: the documents to read, from files, directories, stdin or the
//! sample corpus compiled into the binary.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// One article file: its name (the path as given, or `<stdin>`) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
}

impl Document {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            name: name.into(),
            text: text.into(),
        }
    }
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

/// Where a document comes from, before it is read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Expands INPUT arguments into the files to read: a file as is, a directory
/// walked recursively for `.txt` files, `-` for stdin. Files come sorted by
/// path, so the output does not depend on argument or directory order.
pub fn expand_inputs(args: &[PathBuf]) -> Result<Vec<Source>, Error> {
    let mut sources = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let meta = fs::metadata(arg).map_err(|e| Error::io(arg, e))?;
        if meta.is_dir() {
            walk_dir(arg, &mut sources)?;
        } else {
            sources.push(Source::File(arg.clone()));
        }
    }
    sources.sort();
    sources.dedup();
    Ok(sources)
}

fn walk_dir(dir: &Path, out: &mut Vec<Source>) -> Result<(), Error> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| Error::io(dir, e)))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        // symlinked directories are not followed: no loops
        let meta = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
        if meta.is_dir() {
            walk_dir(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "txt") {
            out.push(Source::File(path));
        }
    }
    Ok(())
}

/// The name a source's document carries in provenance.
pub fn source_name(source: &Source) -> String {
    match source {
        Source::Stdin => "<stdin>".to_string(),
        Source::File(path) => {
            let shown = path.to_string_lossy();
            shown.strip_prefix("./").unwrap_or(&shown).to_string()
        }
    }
}

/// Reads one source as UTF-8 text (a leading byte order mark is dropped).
pub fn read_source(source: &Source) -> Result<Document, Error> {
    let name = source_name(source);
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(&name, e))?;
            buf
        }
        Source::File(path) => fs::read(path).map_err(|e| Error::io(path, e))?,
    };
    decode(&name, bytes).map(|text| Document::new(name, text))
}

/// UTF-8 text of `bytes`, or an error naming the document and the offset of
/// the first byte that is not UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let mut text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
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
        assert_eq!(
            err.to_string(),
            "x.txt: not UTF-8 text (invalid byte at offset 2)"
        );
        assert_eq!(decode("y", "\u{FEFF}hi".into()).unwrap(), "hi");
    }
}
