"""Shared fixtures: the kgexport binary and its exports of the sample corpus."""
import os
import pathlib
import subprocess

import pytest

from hostile import write_hostile_corpus

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "target" / "tmp" / "xml-interop"


def hostile_export(ext):
    """Path of the hostile-label graph that tests/export_xml.rs exports (run by
    tests/run.sh before pytest) in the format with extension `ext`."""
    path = HOSTILE / f"hostile.{ext}"
    if not path.exists():
        pytest.fail(f"{path} missing: run `cargo test --test export_xml` first")
    return path


@pytest.fixture(scope="session")
def kgexport():
    """Path of the kgexport binary under test (tests/run.sh sets KGEXPORT_BIN)."""
    path = os.environ.get("KGEXPORT_BIN", str(ROOT / "target" / "debug" / "kgexport"))
    if not os.path.exists(path):
        raise RuntimeError(f"kgexport binary not found at {path}: run cargo build first")
    return path


@pytest.fixture(scope="session")
def corpus():
    """The bundled sample corpus folder."""
    return ROOT / "data" / "corpus"


def exporter(kgexport, inputs, tmp_path_factory, inside=False):
    """run(fmt, *extra_args) -> path of `inputs` exported in fmt (a file, or
    a directory for csv). Results are cached per argument list. `inside`
    runs kgexport in the folder `inputs` on `.`, so the source names are the
    bare file names."""
    cache = {}

    def run(fmt, *extra):
        key = (fmt,) + extra
        if key not in cache:
            out = tmp_path_factory.mktemp(fmt) / ("out" if fmt == "csv" else "graph." + fmt)
            subprocess.run([kgexport, "--format", fmt, "--output", str(out), *extra,
                            "." if inside else str(inputs)],
                           check=True, capture_output=True, cwd=inputs if inside else None)
            cache[key] = out
        return cache[key]

    return run


@pytest.fixture(scope="session")
def export(kgexport, corpus, tmp_path_factory):
    """export(fmt, *extra_args) -> path of the sample corpus exported in fmt
    (a file, or a directory for csv). Results are cached per argument list."""
    return exporter(kgexport, corpus, tmp_path_factory)


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory):
    """A folder with the articles of hostile.py (hostile names, sentences and
    file names)."""
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "articles")


@pytest.fixture(scope="session")
def export_hostile(kgexport, hostile_corpus, tmp_path_factory):
    """Like `export`, over the hostile corpus, run inside it: the source names
    are the hostile file names themselves."""
    return exporter(kgexport, hostile_corpus, tmp_path_factory, inside=True)
