//! `--memory`: what the documents say is spilled to temporary files beyond
//! the bound, and the output does not change. Through the command line, on
//! a generated corpus of more than one batch of articles: under the smallest
//! bound (every mention and statement goes to disk) the bytes are those of
//! the default, in every format and for `merge` too; the temporary files
//! are gone when the run ends, also when it fails.

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;

/// More than one batch (256) of generated articles, written once.
fn corpus_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let lexicon = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let generator = corpus::ArticleGenerator::new(corpus::Vocabulary::load(&lexicon), 3);
        for i in 0..260 {
            fs::write(dir.path().join(format!("{i:03}.txt")), generator.article(i)).unwrap();
        }
        dir
    })
    .path()
}

/// The binary, with its temporary files in `tmp`.
fn kgexport(tmp: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kgexport").expect("binary built");
    cmd.timeout(Duration::from_secs(300)).env("TMPDIR", tmp);
    cmd
}

/// What a run writes to stdout with `args`, checking that it succeeds and
/// leaves nothing in its temporary folder.
fn output(args: &[&str]) -> Vec<u8> {
    let tmp = tempfile::tempdir().unwrap();
    let out = kgexport(tmp.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(leftovers(tmp.path()), Vec::<PathBuf>::new(), "{args:?}");
    out.stdout
}

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

#[test]
fn the_smallest_memory_bound_gives_the_bytes_of_the_default() {
    let input = corpus_dir().to_str().unwrap();
    for (format, provenance) in [
        ("turtle", "full"),
        ("gexf", "edge"),
        ("dot", "edge"),
        ("ntriples", "edge"),
    ] {
        let run = |memory: Option<&str>| {
            let mut args = vec!["-q", "-f", format, "--provenance", provenance, input];
            if let Some(memory) = memory {
                args.extend(["--memory", memory]);
            }
            output(&args)
        };
        let default = run(None);
        assert!(default.len() > 100_000, "{format}: a graph to compare");
        // 1 byte: every record goes to disk as it comes; 4K: a few at a time
        assert!(run(Some("1")) == default, "{format} --memory 1");
        if format == "turtle" {
            assert!(run(Some("4K")) == default, "{format} --memory 4K");
        }
    }
}

#[test]
fn merge_under_the_smallest_bound_gives_the_bytes_of_one_run() {
    let work = tempfile::tempdir().unwrap();
    let shard = work.path().join("all.kgx");
    let input = corpus_dir().to_str().unwrap();
    output(&["extract", "-q", "-o", shard.to_str().unwrap(), input]);
    let one_run = output(&["-q", "--provenance", "full", input]);
    let merged = output(&[
        "merge",
        "-q",
        "--provenance",
        "full",
        "--memory",
        "1",
        shard.to_str().unwrap(),
    ]);
    assert!(merged == one_run);
}

#[test]
fn a_failed_run_leaves_no_temporary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus_dir().to_str().unwrap();
    let out = kgexport(tmp.path())
        .args(["-q", "--memory", "1", "-o", "/dev/full", input])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(leftovers(tmp.path()), Vec::<PathBuf>::new());
}

#[test]
fn memory_takes_a_size() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["0", "lots", "-5M"] {
        let out = kgexport(tmp.path())
            .args(["--memory", bad, "-q"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--memory {bad}");
    }
}
