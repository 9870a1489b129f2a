//! Output files, written whole or not at all: into a temporary file beside
//! the target, renamed over it at the end.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

use crate::error::Error;

/// Writes one output file's content.
pub type WriteFn<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// Writes `path` through `write`, atomically: on any error the temporary
/// file is removed and an existing `path` is left as it was.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    write_all_atomically(vec![(path.to_path_buf(), Box::new(write))])
}

/// Writes several files, all or none: every file is first written in full
/// to a temporary file beside its target, and only then are they renamed
/// into place; if a rename fails, the files already renamed are put back as
/// they were. A target that exists and is not a regular file (`/dev/null`,
/// `/dev/full`, a FIFO) is written in place, as a rename would replace the
/// device itself. A target that is a symbolic link is written through it.
pub fn write_all_atomically(files: Vec<(PathBuf, WriteFn<'_>)>) -> Result<(), Error> {
    let mut temporaries = Vec::new();
    let outcome = stage(files, &mut temporaries).and_then(commit);
    // renamed or removed by now: nothing left for the signal handler
    in_flight().retain(|p| !temporaries.contains(p));
    outcome
}

/// Writes each file to its temporary file, noting their paths in
/// `temporaries`.
fn stage(
    files: Vec<(PathBuf, WriteFn<'_>)>,
    temporaries: &mut Vec<PathBuf>,
) -> Result<Vec<Staged>, Error> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, write) in files {
        let target = follow_symlink(&path);
        match fs::metadata(&target) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::io(&path, io::ErrorKind::IsADirectory.into()));
            }
            Ok(meta) if !meta.is_file() => {
                write_in_place(&path, write)?;
                continue;
            }
            _ => {}
        }
        let tmp = write_temp(&path, &target, write, temporaries)?;
        staged.push(Staged { path, target, tmp });
    }
    Ok(staged)
}

/// Temporary files of this process not yet renamed into place: what an
/// interrupted run must remove.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn in_flight() -> MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files being written
/// and ends the process with status 128 + the signal number, so that an
/// interrupted run leaves no partial file. A commit under way (the renames
/// of [`write_all_atomically`]) is finished first, so csv output is never
/// left half renamed. Does nothing on systems without these signals.
pub fn remove_temporaries_on_signals() -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // held until exit: no commit can start after this
                let pending = in_flight();
                for path in pending.iter() {
                    let _ = fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
    }
    Ok(())
}

/// A file written to its temporary name, waiting to be renamed.
struct Staged {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// Where it goes, symbolic links followed.
    target: PathBuf,
    tmp: NamedTempFile,
}

fn follow_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn parent_dir(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The prefix of temporary names beside `target`: `.name.`, hidden.
fn temp_prefix(target: &Path) -> Result<std::ffi::OsString, Error> {
    let file_name = target
        .file_name()
        .ok_or_else(|| Error::Usage(format!("{}: not a file path", target.display())))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    Ok(prefix)
}

fn write_temp(
    path: &Path,
    target: &Path,
    write: WriteFn<'_>,
    temporaries: &mut Vec<PathBuf>,
) -> Result<NamedTempFile, Error> {
    let prefix = temp_prefix(target)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the usual mode (0666 less the umask), a replaced file
    // keeps its own, rather than the temporary file's private 0600.
    let existing = fs::metadata(target).ok().map(|meta| meta.permissions());
    if let Some(permissions) = existing.clone().or_else(default_permissions) {
        builder.permissions(permissions);
    }
    let tmp = builder
        .tempfile_in(parent_dir(target))
        .map_err(|e| Error::io(path, e))?;
    temporaries.push(tmp.path().to_path_buf());
    in_flight().push(tmp.path().to_path_buf());
    let mut writer = BufWriter::new(tmp);
    write(&mut writer).map_err(|e| Error::io(path, e))?;
    let tmp = writer
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    if let Some(permissions) = existing {
        // set again: the umask applied at creation may have taken bits off
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    Ok(tmp)
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

fn write_in_place(path: &Path, write: WriteFn<'_>) -> Result<(), Error> {
    let file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let mut writer = BufWriter::new(file);
    write(&mut writer)
        .and_then(|()| writer.flush())
        .map_err(|e| Error::io(path, e))
}

/// Renames the staged files into place, undoing the renames already done
/// if one fails.
fn commit(staged: Vec<Staged>) -> Result<(), Error> {
    // A signal now waits for the renames to be over; declared first, the
    // guard is released last, after the backups are removed.
    let _no_signal_cleanup_meanwhile = in_flight();
    // Backups are only needed when a later rename could fail after an
    // earlier one succeeded.
    let need_backups = staged.len() > 1;
    let mut done: Vec<(PathBuf, Option<NamedTempFile<()>>)> = Vec::new();
    for file in staged {
        let backup = if need_backups {
            backup_of(&file.target).map_err(|e| Error::io(&file.path, e))?
        } else {
            None
        };
        if let Err(e) = file.tmp.persist(&file.target) {
            for (target, backup) in done.into_iter().rev() {
                // best effort: the error reported is the rename's
                let _ = match backup {
                    Some(backup) => backup.persist(&target).map(drop).map_err(|e| e.error),
                    None => fs::remove_file(&target),
                };
            }
            return Err(Error::io(&file.path, e.error));
        }
        done.push((file.target, backup));
    }
    Ok(())
}

/// A hidden hard link (or, where links are not possible, a copy) of an
/// existing `target`, removed when dropped; `None` when there is no target.
fn backup_of(target: &Path) -> io::Result<Option<NamedTempFile<()>>> {
    if !target.is_file() {
        return Ok(None);
    }
    let prefix = temp_prefix(target).map_err(|e| io::Error::other(e.to_string()))?;
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".old")
        .make_in(parent_dir(target), |backup| {
            fs::hard_link(target, backup).or_else(|_| fs::copy(target, backup).map(drop))
        })
        .map(Some)
}

/// Checks, before any input is read, that `path` can be written: its
/// directory exists and it is not itself a directory. A run over a large
/// corpus then fails at once rather than at the end.
pub fn check_file_target(path: &Path) -> Result<(), Error> {
    let parent = parent_dir(path);
    let meta = fs::metadata(parent).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        return Err(not_a_directory(path, parent));
    }
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Error::io(path, io::ErrorKind::IsADirectory.into()));
    }
    Ok(())
}

/// Checks, before any input is read, that the output directory of a
/// directory format is one or can be created.
pub fn check_dir_target(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        return check_is_dir(dir);
    }
    let existing = dir
        .ancestors()
        .skip(1)
        .find(|a| a.as_os_str().is_empty() || a.exists());
    match existing {
        Some(a) if !a.as_os_str().is_empty() && !a.is_dir() => Err(not_a_directory(dir, a)),
        _ => Ok(()),
    }
}

fn not_a_directory(path: &Path, ancestor: &Path) -> Error {
    Error::io(
        path,
        io::Error::new(
            io::ErrorKind::NotADirectory,
            format!(
                "cannot be created, {} is not a directory",
                ancestor.display()
            ),
        ),
    )
}

fn check_is_dir(dir: &Path) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{}: exists and is not a directory (csv writes nodes.csv and edges.csv into a directory)",
        dir.display()
    )))
}

/// Creates the output directory of a directory format if needed.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        return check_is_dir(dir);
    }
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn failed_write_keeps_old_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ttl");
        fs::write(&target, "old").unwrap();
        let err = write_atomically(&target, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("out.ttl"));
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(listing(dir.path()), ["out.ttl"]);
        write_atomically(&target, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_usual_mode_and_old_files_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.ttl");
        write_atomically(&fresh, |w| w.write_all(b"x")).unwrap();
        let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        // 0600 is the temporary file's mode; any sane umask leaves more
        assert_ne!(mode, 0o600);
        let kept = dir.path().join("kept.ttl");
        fs::write(&kept, "old").unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&kept, |w| w.write_all(b"new")).unwrap();
        let mode = fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn files_are_written_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("nodes.csv");
        let second = dir.path().join("edges.csv");
        fs::write(&first, "old nodes").unwrap();
        // the second fails while writing
        let err = write_all_atomically(vec![
            (
                first.clone(),
                Box::new(|w: &mut dyn Write| w.write_all(b"new")),
            ),
            (
                second.clone(),
                Box::new(|_: &mut dyn Write| Err(io::Error::other("boom"))),
            ),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("edges.csv"), "{err}");
        assert_eq!(fs::read_to_string(&first).unwrap(), "old nodes");
        assert_eq!(listing(dir.path()), ["nodes.csv"]);
        // the second fails at the rename (a directory is in the way): the
        // first, already renamed, is put back
        fs::create_dir(&second).unwrap();
        fs::write(second.join("keep"), "").unwrap();
        let third = dir.path().join("z.csv");
        let err = write_all_atomically(vec![
            (
                first.clone(),
                Box::new(|w: &mut dyn Write| w.write_all(b"new")),
            ),
            (
                third.clone(),
                Box::new(|w: &mut dyn Write| w.write_all(b"new")),
            ),
            (
                second.clone(),
                Box::new(|w: &mut dyn Write| w.write_all(b"new")),
            ),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("edges.csv"), "{err}");
        assert_eq!(fs::read_to_string(&first).unwrap(), "old nodes");
        assert_eq!(listing(dir.path()), ["edges.csv", "nodes.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_in_place_and_links_followed() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        // a FIFO of our own rather than /dev/null: a bug here must not
        // replace a device the whole machine uses
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || fs::read(reader_path).unwrap());
        write_atomically(&fifo, |w| w.write_all(b"through the pipe")).unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        let err =
            write_atomically(Path::new("/dev/full"), |w| w.write_all(&[b'x'; 10_000])).unwrap_err();
        assert!(err.to_string().starts_with("/dev/full: "), "{err}");
        let real = dir.path().join("real.ttl");
        let link = dir.path().join("link.ttl");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, |w| w.write_all(b"new")).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
