//! Replays every file under `tests/regressions/`: `crashes/` (inputs that
//! once broke the pipeline, found by the fuzzer or the property tests),
//! `hostile/` (hand-written hostile articles, also the fuzzer's seeds) and
//! `corpus/` (the fuzzer's minimised corpus) through the
//! pipeline as the CLI reads a file: decode, build the graph, write every
//! format, and check each export against the graph (`check.rs`).

mod check;

use std::fs;
use std::path::{Path, PathBuf};

/// The files of `tests/regressions/<dir>`, sorted; none when the directory
/// is missing (git keeps no empty `crashes/`).
fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions")
        .join(dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

/// Runs one file; a panic names it.
fn replay(path: &Path) -> bool {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let outcome = std::panic::catch_unwind(|| match check::graph_of_bytes(&name, &bytes) {
        Some(graph) => {
            check::check_graph(&graph);
            true
        }
        None => false,
    });
    match outcome {
        Ok(decoded) => decoded,
        Err(_) => panic!("regression input {} breaks the pipeline", path.display()),
    }
}

/// The hand-written hostile inputs, and any crash input kept since.
#[test]
fn hostile_and_crash_inputs_go_through_the_pipeline() {
    let hostile = files("hostile");
    assert!(hostile.len() >= 10, "hostile inputs missing");
    for path in hostile.iter().chain(&files("crashes")) {
        replay(path);
    }
}

#[test]
fn fuzz_corpus_goes_through_the_pipeline() {
    let files = files("corpus");
    assert!(files.len() >= 10, "fuzz corpus missing");
    let decoded = files.iter().filter(|p| replay(p)).count();
    // the corpus is mostly text the pipeline reads, not refused bytes
    assert!(
        decoded * 2 >= files.len(),
        "{decoded} of {} decode",
        files.len()
    );
}
