#!/usr/bin/env bash
# The whole test suite: Rust unit and CLI tests, then the interop tests that
# load kgexport's output into the tools users use (rdflib, pyoxigraph, ...).
# Installs what the Python tests need into target/venv on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/venv
if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/interop/requirements.txt "$venv/requirements.txt"; then
    echo "tests/run.sh: installing Python test dependencies into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
    cp tests/interop/requirements.txt "$venv/requirements.txt"
fi

# Every tool the interop tests need (Graphviz, Jena, Node, ...): one script
# each in tests/setup/, sourced in order with the helpers of lib.sh.
. tests/setup/lib.sh
for setup in tests/setup/[!l]*.sh; do
    . "$setup"
done

cargo build --quiet
cargo test --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
KGEXPORT_BIN="$PWD/target/debug/kgexport" "$venv/bin/python" -m pytest -q tests/interop
