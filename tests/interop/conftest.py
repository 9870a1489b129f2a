"""Shared fixtures: the kgexport binary and its exports of the sample corpus."""
import os
import pathlib
import shutil
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


NODE_DIR = ROOT / "tests" / "interop" / "node"


def require_tool(available, what):
    """Skip a test whose tool is missing, but fail under CI=true, where
    tests/run.sh must have installed it (tests/setup/)."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} missing under CI=true: tests/setup/ should have installed it")
    pytest.skip(f"{what} missing (tests/run.sh installs it)")


@pytest.fixture(scope="session")
def node_script():
    """node_script(name, *args) -> stdout of tests/interop/node/NAME run by
    Node with the pinned packages (tests/setup/node.sh installs them)."""
    node = shutil.which("node")
    require_tool(node and (NODE_DIR / "node_modules" / "graphology").is_dir(),
                 "node with the packages of tests/interop/node (npm ci)")

    def run(name, *args, timeout=120):
        done = subprocess.run([node, str(NODE_DIR / name), *map(str, args)],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            pytest.fail(f"node {name} failed ({done.returncode}):\n{done.stderr}")
        return done.stdout

    return run


def read_csv_export(folder):
    """(node rows, edge rows) of a Gephi-dialect CSV export, as dicts."""
    import csv
    tables = []
    for name in ("nodes.csv", "edges.csv"):
        with open(folder / name, newline="", encoding="utf-8") as f:
            tables.append(list(csv.DictReader(f)))
    return tuple(tables)


def page_data(path):
    """The graph embedded in a --format html page (JSON, lists as arrays)."""
    import json
    text = path.read_text(encoding="utf-8")
    tag = '<script type="application/json" id="kg-data">'
    start = text.index(tag) + len(tag)
    return json.loads(text[start:text.index("</script>", start)])
