//! The command line through the real binary: hostile input, failing output,
//! usage errors, exit codes and messages.
//!
//! Extraction and the exporters are developed elsewhere; tests that need
//! output content assert what holds for any exporter (exit codes, messages,
//! files present or absent, byte identity), and the text the pipeline sees
//! is checked through the library's own reading and normalisation.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::assert::OutputAssertExt;
use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

use kgexport::input::{self, Source};
use kgexport::normalize::normalize;

/// Generous bound on any run: a test that hangs (blocked on a FIFO, reading
/// a huge file, walking a symlink loop) fails instead.
const TIMEOUT: Duration = Duration::from_secs(60);

fn kgexport() -> Command {
    let mut cmd = Command::cargo_bin("kgexport").expect("binary built");
    cmd.timeout(TIMEOUT);
    cmd
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

/// "Hà Nội hôm nay" in Latin-1 / Windows-1258 (both put à at 0xE0, ô at
/// 0xF4; "ộ" is simplified to "ô"): the first byte that is not UTF-8 is the
/// 0xE0 at offset 1.
const LATIN1: &[u8] = b"H\xe0 N\xf4i h\xf4m nay";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn article(dir: &Path, name: &str) -> PathBuf {
    write(
        dir,
        name,
        "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn đã ký Công ước tại Hà Nội ngày 25/10/2025.\n"
            .as_bytes(),
    )
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A document's text as extraction sees it: read, then normalised.
fn pipeline_text(path: &Path) -> String {
    let loaded = input::read_source(&Source::File(path.into()), 1 << 20).unwrap();
    normalize(&loaded.doc.text)
}

/// Runs `kgexport a.txt --stats` in two subdirectories of `dir` (so the
/// document names agree) and asserts byte-identical results.
fn assert_same_output(dir: &Path, subdirs: [&str; 2]) {
    let [a, b] = subdirs.map(|sub| {
        kgexport()
            .current_dir(dir.join(sub))
            .args(["a.txt", "--stats"])
            .output()
            .unwrap()
    });
    assert_eq!(a.status.code(), Some(0), "{}", stderr_of(&a));
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.stderr, b.stderr);
}

/// Runs kgexport on `path` alone; asserts the exit code and a part of the
/// messages.
fn expect_run_on(path: &Path, code: i32, message: &str) {
    kgexport()
        .arg(path)
        .assert()
        .code(code)
        .stderr(contains(message));
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// ---------------------------------------------------------------- encodings

#[test]
fn not_utf8_fails_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", LATIN1);
    let out = dir.path().join("out.ttl");
    kgexport()
        .arg(&bad)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "kgexport: {}: not UTF-8 text (invalid byte 0xE0 at offset 1)",
            bad.display()
        )))
        .stderr(contains("WINDOWS-1258"));
    assert!(!out.exists(), "no output after a failed run");
    assert_eq!(listing(dir.path()), ["bad.txt"], "no temporary files left");
}

#[test]
fn not_utf8_is_skipped_with_a_warning_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_bad.txt", LATIN1);
    article(dir.path(), "b_good.txt");
    let out = dir.path().join("out.ttl");
    kgexport()
        .args(["--on-error", "skip", "-q", "-o"])
        .arg(&out)
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(contains("kgexport: warning: skipped "))
        .stderr(contains(
            "a_bad.txt: not UTF-8 text (invalid byte 0xE0 at offset 1)",
        ));
    assert!(out.is_file());
    // the default is to fail
    kgexport()
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(contains("a_bad.txt: not UTF-8"));
}

#[test]
fn skip_fails_when_nothing_at_all_could_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", LATIN1);
    let bin = write(dir.path(), "bin.txt", b"\x00\x01\x02\x03\x04");
    kgexport()
        .args(["--on-error", "skip"])
        .args([&bad, &bin])
        .assert()
        .code(1)
        .stderr(contains("kgexport: no input could be read (2 skipped)"));
}

#[test]
fn binary_files_are_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06",
    );
    expect_run_on(
        &png,
        1,
        &format!("kgexport: {}: binary file (", png.display()),
    );
    // valid UTF-8 and no NUL, but mostly control bytes
    let controls = write(
        dir.path(),
        "controls.txt",
        b"\x01\x02\x03\x04\x05\x06 text\n",
    );
    expect_run_on(
        &controls,
        1,
        "controls.txt: binary file (6 control bytes in the first 12 bytes), not text",
    );
    // few control bytes, but a NUL in something that is not UTF-8 either
    let mixed = write(
        dir.path(),
        "mixed.txt",
        b"mostly text, mostly text, mostly text\x00\xff\xfe",
    );
    expect_run_on(&mixed, 1, "mixed.txt: binary file (NUL byte at offset 37");
}

#[test]
fn utf16_is_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Hà Nội".encode_utf16().flat_map(u16::to_le_bytes));
    let path = write(dir.path(), "wide.txt", &bytes);
    expect_run_on(&path, 1, "wide.txt: UTF-16 text");
}

#[test]
fn stray_nul_bytes_in_text_are_read_as_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "nul.txt",
        "Hà Nội\0 hôm nay trời đẹp, Bộ Ngoại giao họp báo.".as_bytes(),
    );
    expect_run_on(
        &path,
        0,
        "nul.txt: 1 NUL byte(s) in the text, read as spaces",
    );
    let doc = input::read_source(&Source::File(path), 1 << 20)
        .unwrap()
        .doc;
    assert!(normalize(&doc.text).starts_with("Hà Nội  hôm nay"));
}

#[test]
fn truncated_last_character_is_dropped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Hội nghị tại Hà Nộ".as_bytes().to_vec();
    bytes.extend_from_slice(&"ộ".as_bytes()[..2]);
    let path = write(dir.path(), "cut.txt", &bytes);
    expect_run_on(&path, 0, "cut.txt: incomplete UTF-8 character at the end");
}

#[test]
fn empty_files_get_a_note_and_no_facts() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b" \r\n\t\n");
    kgexport()
        .args([&empty, &blank])
        .arg("--stats")
        .assert()
        .code(0)
        .stderr(contains(format!(
            "kgexport: {}: empty, no facts",
            empty.display()
        )))
        .stderr(contains(format!(
            "kgexport: {}: empty, no facts",
            blank.display()
        )))
        .stderr(contains("documents: 0 read, 2 empty, 0 skipped"));
}

#[test]
fn byte_order_mark_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let plain = article(dir.path(), "plain.txt");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&plain).unwrap());
    let bom = write(dir.path(), "bom.txt", &bytes);
    // read cleanly: no error, no note
    kgexport().arg(&bom).assert().code(0).stderr("");
    let read = |p: &Path| input::read_source(&Source::File(p.into()), 1 << 20).unwrap();
    assert_eq!(read(&bom).doc.text, read(&plain).doc.text);
    assert_eq!(pipeline_text(&bom), pipeline_text(&plain));
    // a file holding only the mark is empty
    let only = write(dir.path(), "only_bom.txt", b"\xEF\xBB\xBF");
    expect_run_on(&only, 0, "only_bom.txt: empty, no facts");
    // offsets stay file offsets, counting the mark
    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(LATIN1);
    let bad = write(dir.path(), "bom_latin1.txt", &bad);
    expect_run_on(&bad, 1, "invalid byte 0xE0 at offset 4");
}

#[test]
fn crlf_and_lf_give_the_same_text_and_output() {
    let dir = tempfile::tempdir().unwrap();
    let lf_text = "Dòng một.\nDòng hai.\n\nDòng bốn.\n";
    let lf = write(dir.path(), "lf/a.txt", lf_text.as_bytes());
    let crlf = write(
        dir.path(),
        "crlf/a.txt",
        lf_text.replace('\n', "\r\n").as_bytes(),
    );
    assert_eq!(pipeline_text(&crlf), pipeline_text(&lf));
    assert!(!pipeline_text(&crlf).contains('\r'));
    assert_same_output(dir.path(), ["lf", "crlf"]);
}

#[test]
fn html_tags_and_entities_give_the_plain_text_and_output() {
    let dir = tempfile::tempdir().unwrap();
    // what the HTML below comes to, line ends included, so that byte
    // spans in the provenance agree too
    let plain = write(
        dir.path(),
        "plain/a.txt",
        "\nBộ trưởng Bộ Công an & Bộ Quốc phòng họp tại Hà Nội.\n\nPhiên họp thứ hai.\n".as_bytes(),
    );
    let html = write(
        dir.path(),
        "html/a.txt",
        b"<p>B&#7897; tr&#x1B0;&#7903;ng <b>B\xe1\xbb\x99 C&ocirc;ng an</b> &amp; B\xe1\xbb\x99 Qu\xe1\xbb\x91c&nbsp;ph\xc3\xb2ng h\xe1\xbb\x8dp t\xe1\xba\xa1i H&agrave; N\xe1\xbb\x99i.</p>\n<script>var x = '<p>';</script>Phi&ecirc;n h\xe1\xbb\x8dp th\xe1\xbb\xa9 hai.<br>",
    );
    assert_eq!(pipeline_text(&html), pipeline_text(&plain));
    assert_same_output(dir.path(), ["plain", "html"]);
}

// ------------------------------------------------------------------- sizes

#[test]
fn documents_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", &[b'a'; 101]);
    kgexport()
        .args(["--max-doc-bytes", "100"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "kgexport: {}: too large (101 bytes; the per-document limit is 100 bytes, set with --max-doc-bytes)",
            path.display()
        )));
    kgexport()
        .args(["--max-doc-bytes", "101"])
        .arg(&path)
        .assert()
        .code(0);
    // an endless device named on the command line: the limit holds while reading
    #[cfg(unix)]
    kgexport()
        .args(["--max-doc-bytes", "1K", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(contains(
            "kgexport: /dev/zero: too large (more than 1024 bytes; the per-document limit is 1024 bytes",
        ));
    // stdin has no size to look at: the limit holds while reading
    kgexport()
        .args(["--max-doc-bytes", "1K"])
        .write_stdin(vec![b'a'; 5000])
        .assert()
        .code(1)
        .stderr(contains(
            "kgexport: <stdin>: too large (more than 1024 bytes; the per-document limit is 1024 bytes",
        ));
}

#[test]
fn default_limit_refuses_a_huge_file_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // sparse: 64 GiB that take no disk, and could not be read in time or memory
    let file = fs::File::create(&path).unwrap();
    file.set_len(64 << 30).unwrap();
    drop(file);
    let started = std::time::Instant::now();
    kgexport()
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{}: too large (68719476736 bytes; the per-document limit is 33554432 bytes",
            path.display()
        )));
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn default_limit_holds_on_one_long_stdin_line() {
    // 40 MB on one line, over the 32 MiB default, generated as it is sent
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..40 {
            // the reader stops at the limit: a closed pipe is expected
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>: too large (more than 33554432 bytes"),
        "{stderr}"
    );
}

// ------------------------------------------------------ unreadable entries

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn fifo_in_a_directory_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.txt");
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    kgexport()
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(contains(format!(
            "kgexport: {}: not a regular file (a FIFO)",
            fifo.display()
        )));
    kgexport()
        .args(["--on-error", "skip"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(contains("warning: skipped"))
        .stderr(contains("pipe.txt: not a regular file (a FIFO)"));
}

#[cfg(unix)]
#[test]
fn fifo_named_on_the_command_line_is_read() {
    // as `kgexport <(curl ...)` does
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("stream");
    mkfifo(&fifo);
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .unwrap();
        f.write_all(b"H\xe0 N\xf4i").unwrap();
    });
    // the bytes are not UTF-8: the error shows the stream was read
    expect_run_on(
        &fifo,
        1,
        "stream: not UTF-8 text (invalid byte 0xE0 at offset 1)",
    );
    writer.join().unwrap();
}

#[cfg(unix)]
#[test]
fn dangling_symlink_and_missing_file_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("dead.txt");
    std::os::unix::fs::symlink("gone.txt", &link).unwrap();
    expect_run_on(
        &link,
        1,
        &format!(
            "kgexport: {}: dangling symbolic link (to \"gone.txt\", which does not exist)",
            link.display()
        ),
    );
    let missing = dir.path().join("missing.txt");
    expect_run_on(&missing, 1, &format!("kgexport: {}: ", missing.display()));
}

#[cfg(unix)]
#[test]
fn directory_where_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // stdin that is a directory
    std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .arg("-")
        .stdin(fs::File::open(dir.path()).unwrap())
        .assert()
        .code(1)
        .stderr(contains("kgexport: <stdin>: Is a directory"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_directory_end() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("articles");
    article(&root, "a.txt");
    std::os::unix::fs::symlink(&root, root.join("again")).unwrap();
    std::os::unix::fs::symlink("..", root.join("up")).unwrap();
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
    expect_run_on(
        &root,
        1,
        &format!(
            "kgexport: {}: symbolic link loop",
            root.join("self.txt").display()
        ),
    );
    kgexport()
        .args(["--on-error", "skip", "--stats"])
        .arg(&root)
        .assert()
        .code(0)
        .stderr(contains(
            "again: symbolic link to a directory, not followed",
        ))
        .stderr(contains("up: symbolic link to a directory, not followed"))
        .stderr(contains("documents: 1 read, 0 empty, 1 skipped"));
}

#[cfg(unix)]
#[test]
fn permission_denied_is_named_and_skippable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.txt");
    let locked = write(dir.path(), "locked.txt", b"secret");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // root reads anything: the FIFO, link and directory cases above
        // cover unreadable entries there
        return;
    }
    kgexport()
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(contains(format!(
            "kgexport: {}: Permission denied",
            locked.display()
        )));
    kgexport()
        .args(["--on-error", "skip", "--stats"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(contains("documents: 1 read, 0 empty, 1 skipped"));
}

#[cfg(unix)]
#[test]
fn what_cannot_be_read_stops_the_run_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // sorted first, but only reading it shows it is bad
    write(dir.path(), "a_latin1.txt", LATIN1);
    std::os::unix::fs::symlink("gone.txt", dir.path().join("b_dead.txt")).unwrap();
    let assert = kgexport().arg(dir.path()).assert().code(1);
    let stderr = stderr_of(assert.get_output());
    assert!(
        stderr.contains("b_dead.txt: dangling symbolic link"),
        "{stderr}"
    );
    assert!(!stderr.contains("a_latin1.txt"), "{stderr}");
}

#[test]
fn directory_without_articles_is_an_error_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.md", b"not an article");
    let out = dir.path().join("graph.ttl");
    kgexport()
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!(
            "kgexport: no articles found in {:?}",
            dir.path().display().to_string()
        )))
        .stderr(contains("--allow-empty"));
    assert!(!out.exists(), "nothing is written on the error");
    // two inputs, neither holding an article: both are named
    let other = tempfile::tempdir().unwrap();
    kgexport()
        .args([dir.path(), other.path()])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{:?}, {:?}",
            dir.path().display().to_string(),
            other.path().display().to_string()
        )));
    kgexport()
        .arg(dir.path())
        .args(["--allow-empty", "--format", "csv", "-o"])
        .arg(dir.path().join("csv"))
        .assert()
        .code(0)
        .stderr(contains("no .txt or .jsonl files found"));
    let nodes = fs::read_to_string(dir.path().join("csv").join("nodes.csv")).unwrap();
    assert_eq!(nodes.lines().count(), 1, "only the header: {nodes}");
}

// ------------------------------------------------------------------ stdin

#[test]
fn piped_stdin_is_read_when_no_input_is_given() {
    // were the sample corpus read instead, this would succeed
    kgexport()
        .write_stdin(LATIN1)
        .assert()
        .code(1)
        .stderr(contains(
            "kgexport: <stdin>: not UTF-8 text (invalid byte 0xE0 at offset 1)",
        ));
    kgexport()
        .write_stdin("")
        .assert()
        .code(0)
        .stderr(contains("kgexport: <stdin>: empty, no facts"))
        .stderr(contains("sample corpus").not());
}

#[test]
fn no_input_and_no_stdin_data_reads_the_sample_corpus() {
    // /dev/null is neither a terminal nor a pipe: a job runner with no input
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kgexport"))
        .arg("--stats")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("reading the bundled sample corpus"),
        "{stderr}"
    );
    assert!(stderr.contains("documents: 5 read"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("@prefix"));
}

#[test]
fn dash_reads_stdin_alongside_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), "a.txt");
    kgexport()
        .arg(&a)
        .arg("-")
        .arg("--stats")
        .write_stdin(LATIN1)
        .assert()
        .code(1)
        .stderr(contains("<stdin>: not UTF-8"));
    kgexport()
        .arg("-")
        .arg(&a)
        .arg("-")
        .arg("--stats")
        .write_stdin("Hà Nội hôm nay.")
        .assert()
        .code(0)
        .stderr(contains("documents: 2 read"));
}

// ------------------------------------------------------------------ output

#[cfg(unix)]
#[test]
fn dev_full_is_an_error_naming_it_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let is_device = || {
        fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    };
    assert!(is_device());
    let dir = tempfile::tempdir().unwrap();
    // csv always writes its header rows: through a link to /dev/full
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink("/dev/full", out.join("nodes.csv")).unwrap();
    kgexport()
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .arg(corpus())
        .assert()
        .code(1)
        .stderr(contains("nodes.csv: No space left on device"));
    assert!(is_device());
    // a single-stream format: an error whenever the exporter writes anything
    let wrote = !kgexport().arg(corpus()).output().unwrap().stdout.is_empty();
    let run = kgexport().args(["-o", "/dev/full"]).arg(corpus()).assert();
    if wrote {
        run.code(1)
            .stderr(contains("kgexport: /dev/full: No space left on device"));
    } else {
        run.code(0);
    }
    assert!(is_device(), "/dev/full must not be replaced by a file");
    // the same through stdout
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
        .arg(corpus())
        .stdout(
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .assert();
    if wrote {
        run.code(1)
            .stderr(contains("kgexport: <stdout>: No space left on device"));
    } else {
        run.code(0);
    }
}

#[test]
fn unwritable_target_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    // a path under a regular file cannot be created, even by root
    let file = write(dir.path(), "somefile", b"x");
    let target = file.join("out.ttl");
    // found before reading: the input error that would come first is not
    kgexport()
        .arg("-o")
        .arg(&target)
        .write_stdin(LATIN1)
        .assert()
        .code(1)
        .stderr(format!(
            "kgexport: {}: cannot be created, {} is not a directory\n",
            target.display(),
            file.display()
        ));
    let csv_dir = file.join("out").join("deeper");
    kgexport()
        .args(["--format", "csv", "-o"])
        .arg(&csv_dir)
        .write_stdin(LATIN1)
        .assert()
        .code(1)
        .stderr(format!(
            "kgexport: {}: cannot be created, {} is not a directory\n",
            csv_dir.display(),
            file.display()
        ));
    // a directory where the output file should go
    kgexport()
        .arg("-o")
        .arg(dir.path())
        .arg(corpus())
        .assert()
        .code(1)
        .stderr(contains(format!("kgexport: {}: ", dir.path().display())));
    assert_eq!(listing(dir.path()), ["somefile"]);
}

#[test]
fn existing_output_is_kept_when_the_run_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", LATIN1);
    let out = write(dir.path(), "out.ttl", b"old graph");
    kgexport().arg(&bad).arg("-o").arg(&out).assert().code(1);
    assert_eq!(fs::read(&out).unwrap(), b"old graph");
    assert_eq!(listing(dir.path()), ["bad.txt", "out.ttl"]);
}

#[test]
fn csv_files_are_written_both_or_neither() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(&out, "nodes.csv", b"old nodes");
    // edges.csv cannot be written: a directory is in the way
    write(&out, "edges.csv/keep", b"");
    kgexport()
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .arg(corpus())
        .assert()
        .code(1)
        .stderr(contains("edges.csv"));
    assert_eq!(fs::read(out.join("nodes.csv")).unwrap(), b"old nodes");
    assert_eq!(listing(&out), ["edges.csv", "nodes.csv"]);
    // once the way is clear both are written
    fs::remove_dir_all(out.join("edges.csv")).unwrap();
    kgexport()
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .arg(corpus())
        .assert()
        .code(0);
    assert_eq!(listing(&out), ["edges.csv", "nodes.csv"]);
    assert_ne!(fs::read(out.join("nodes.csv")).unwrap(), b"old nodes");
}

#[test]
fn cypher_dialect_writes_a_file_per_kind_and_relation_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // the last file cannot be written: a directory is in the way
    write(&out, "relationships/about.csv/keep", b"");
    let run = || {
        kgexport()
            .args(["--format", "csv", "--csv-dialect", "cypher", "-o"])
            .arg(&out)
            .arg(corpus())
            .assert()
    };
    run().code(1).stderr(contains("about.csv"));
    assert!(!out.join("nodes/Person.csv").exists());
    fs::remove_dir_all(out.join("relationships/about.csv")).unwrap();
    run().code(0);
    assert_eq!(listing(&out), ["nodes", "relationships"]);
    assert_eq!(
        listing(&out.join("nodes")),
        [
            "Country.csv",
            "Date.csv",
            "Document.csv",
            "Event.csv",
            "Organization.csv",
            "Person.csv",
            "Place.csv",
            "Role.csv"
        ]
    );
    assert_eq!(listing(&out.join("relationships")).len(), 10);
    let people = fs::read_to_string(out.join("nodes/Person.csv")).unwrap();
    assert!(people.starts_with("id:ID,name:string,"), "{people}");
    assert!(people.contains("\nperson/luong-tam-quang,Lương Tam Quang,"));
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // enough input for plenty of output, once extraction finds things
    for i in 0..40 {
        for entry in fs::read_dir(corpus()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let name = format!("{i:02}_{}", path.file_name().unwrap().to_string_lossy());
                fs::copy(&path, dir.path().join(name)).unwrap();
            }
        }
    }
    for format in ["turtle", "ntriples", "nquads"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
            .args(["--format", format])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // like `| head -c 1`: read a byte at most, then close
        let mut stdout = child.stdout.take().unwrap();
        let _ = stdout.read(&mut [0u8; 1]);
        drop(stdout);
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

// ------------------------------------------------------------------- usage

#[test]
fn usage_errors_exit_2() {
    let cases: [(&[&str], &str); 6] = [
        (&["--format", "bogus"], "invalid value 'bogus'"),
        (&["--format", "csv"], "give the directory with --output"),
        (
            &["--base-iri", "not an iri"],
            "--base-iri \"not an iri\" is not an absolute IRI",
        ),
        (&["--max-doc-bytes", "lots"], "is not a size"),
        (&["--on-error", "ignore"], "invalid value 'ignore'"),
        (&["--no-such-flag"], "unexpected argument '--no-such-flag'"),
    ];
    for (args, message) in cases {
        // with input that would read fine: the arguments alone are wrong
        kgexport()
            .args(args)
            .arg(corpus())
            .assert()
            .code(2)
            .stderr(contains(message));
    }
}

#[test]
fn help_shows_examples_and_policies() {
    kgexport()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Examples:"))
        .stdout(contains("kgexport --format csv -o out/ articles/"))
        .stdout(contains("--on-error <POLICY>"))
        .stdout(contains(
            "exit status 1 only if no input at all could be read",
        ))
        .stdout(contains("--max-doc-bytes <SIZE>"))
        .stdout(contains("Exit status: 0 ok"));
}

#[test]
fn stats_list_every_kind_and_relation() {
    let assert = kgexport().arg(corpus()).arg("--stats").assert().code(0);
    let stderr = stderr_of(assert.get_output());
    assert!(
        stderr.contains("documents: 5 read, 0 empty, 0 skipped"),
        "{stderr}"
    );
    for kind in kgexport::NodeKind::ALL {
        assert!(stderr.contains(&format!("  {kind} ")), "{kind}: {stderr}");
    }
    for relation in kgexport::Relation::ALL {
        assert!(
            stderr.contains(&format!("  {relation} ")),
            "{relation}: {stderr}"
        );
    }
}

#[test]
fn quiet_silences_notes_but_not_warnings_or_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let bad = write(dir.path(), "bad.txt", LATIN1);
    expect_run_on(&empty, 0, "empty, no facts");
    kgexport().arg(&empty).arg("-q").assert().code(0).stderr("");
    kgexport()
        .args(["-q", "--on-error", "skip"])
        .args([&empty, &bad])
        .assert()
        .code(0)
        .stderr(contains("empty").not())
        .stderr(contains("warning: skipped"));
    kgexport()
        .arg("-q")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(contains("bad.txt: not UTF-8"));
}

// ------------------------------------------------------------- determinism

#[test]
fn output_does_not_depend_on_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_files: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = fs::read_dir(corpus())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        v
    };
    // copies in a directory created in reverse order (a different listing order)
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    for path in corpus_files.iter().rev() {
        fs::copy(path, articles.join(path.file_name().unwrap())).unwrap();
    }
    let names: Vec<String> = corpus_files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut reversed = names.clone();
    reversed.reverse();
    for format in ["turtle", "ntriples", "nquads"] {
        let run = |args: &[String]| {
            let out = kgexport()
                .current_dir(&articles)
                .args(["--format", format, "--stats"])
                .args(args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
            out
        };
        let forward = run(&names);
        let backward = run(&reversed);
        let twice = run(&[names.clone(), names.clone()].concat());
        let walked = run(&[".".to_string()]);
        for other in [&backward, &twice, &walked] {
            assert_eq!(forward.stdout, other.stdout, "{format}");
            assert_eq!(forward.stderr, other.stderr, "{format}");
        }
    }
    let csv = |args: &[String], out: &str| {
        kgexport()
            .current_dir(&articles)
            .args(["--format", "csv", "-o", out])
            .args(args)
            .assert()
            .code(0);
        let out = articles.join(out);
        (
            fs::read(out.join("nodes.csv")).unwrap(),
            fs::read(out.join("edges.csv")).unwrap(),
        )
    };
    assert_eq!(csv(&names, "../csv_a"), csv(&reversed, "../csv_b"));
}

#[cfg(unix)]
#[test]
fn interrupted_run_leaves_no_temporary_file() {
    for signal in ["TERM", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, "nodes.csv", b"old nodes");
        // edges.csv is a FIFO nobody reads: the run stops there, with
        // nodes.csv written to its temporary file and waiting to be renamed
        mkfifo(&out.join("edges.csv"));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kgexport"))
            .args(["--format", "csv", "-o"])
            .arg(&out)
            .arg(corpus())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let temporary = || {
            listing(&out)
                .into_iter()
                .any(|name| name.starts_with(".nodes.csv.") && name.ends_with(".tmp"))
        };
        let started = std::time::Instant::now();
        while !temporary() {
            assert!(started.elapsed() < TIMEOUT, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
        let killed = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        let expected = if signal == "TERM" { 128 + 15 } else { 128 + 2 };
        assert_eq!(status.code(), Some(expected), "SIG{signal}");
        assert_eq!(listing(&out), ["edges.csv", "nodes.csv"], "SIG{signal}");
        assert_eq!(fs::read(out.join("nodes.csv")).unwrap(), b"old nodes");
    }
}

#[test]
fn output_that_is_also_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(dir.path(), "a.txt");
    let before = fs::read(&a).unwrap();
    kgexport()
        .arg(&a)
        .arg("-o")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "kgexport: {}: is both an input and the output",
            a.display()
        )));
    // also when found by a walk and named another way
    kgexport()
        .current_dir(dir.path())
        .args([".", "-o", "./a.txt"])
        .assert()
        .code(2);
    assert_eq!(fs::read(&a).unwrap(), before);
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let run = |threads: &str| {
        kgexport()
            .args(["-q", "--format", "nquads", "--threads", threads])
            .arg(corpus())
            .output()
            .unwrap()
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    kgexport().args(["--threads", "0"]).assert().code(2);
}
