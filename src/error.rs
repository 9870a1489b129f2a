//! Errors, each naming the file it is about.

use std::io;
use std::path::Path;

/// What can go wrong reading input or writing output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    /// Usually a Windows-1258 or Latin-1 file: the byte and its offset let
    /// the user find it with a hex viewer.
    #[error(
        "{path}: not UTF-8 text (invalid byte 0x{byte:02X} at offset {offset}); \
         if it is Windows-1258 or Latin-1, convert it first, e.g. iconv -f WINDOWS-1258 -t UTF-8"
    )]
    NotUtf8 {
        path: String,
        offset: usize,
        byte: u8,
    },
    #[error("{path}: UTF-16 text (byte order mark at offset 0); kgexport reads UTF-8, convert it first, e.g. iconv -f UTF-16 -t UTF-8")]
    Utf16 { path: String },
    #[error("{path}: binary file ({why}), not text")]
    Binary { path: String, why: String },
    #[error("{path}: too large ({size}; the per-document limit is {limit} bytes, set with --max-doc-bytes)")]
    TooLarge {
        path: String,
        /// The size when known ("4294967296 bytes"), else what was seen.
        size: String,
        limit: u64,
    },
    /// A path that is there but cannot be read as a document: a dangling
    /// symlink, a FIFO met in a directory walk, a device.
    #[error("{path}: {why}")]
    Unreadable { path: String, why: String },
    /// With `--on-error skip`, every input was skipped.
    #[error("no input could be read ({skipped} skipped)")]
    NothingRead { skipped: usize },
    /// The inputs hold no article at all (a folder without `.txt` files),
    /// which is most often a wrong path; `--allow-empty` accepts it.
    #[error("no articles found in {inputs} (directories are searched for .txt and .jsonl files); pass --allow-empty to write an empty graph")]
    NoArticles { inputs: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl AsRef<Path>, source: io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// The process exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// True when the error is a closed pipe on output (`kgexport | head`),
    /// which ends the run quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}
