//! The whole pipeline on arbitrary bytes, as the CLI reads a file: decode,
//! build the graph, write every format into memory, and read every export
//! back against the graph (`tests/regressions/check.rs`, shared with the
//! regression replay), so a wrong export is a finding, not only a panic.
#![no_main]

#[path = "../../tests/regressions/check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(graph) = check::graph_of_bytes("fuzz.txt", data) {
        check::check_graph(&graph);
    }
});
