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

# Graphviz renders the DOT export in the interop tests.
if ! command -v dot >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "tests/run.sh: installing Graphviz" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq graphviz >/dev/null
fi

cargo build --quiet
cargo test --quiet
KGEXPORT_BIN="$PWD/target/debug/kgexport" "$venv/bin/python" -m pytest -q tests/interop
