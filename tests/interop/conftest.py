"""Shared fixtures: the kgexport binary and its exports of the sample corpus."""
import json
import os
import pathlib
import shutil
import struct
import subprocess
import zlib
from collections import Counter

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


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def in_chromium(node_script):
    """in_chromium(name, *args) -> the JSON that tests/interop/node/NAME
    printed after driving Debian's Chromium (through chromium.js), which
    must hold no page error and no request to the network."""
    require_tool(shutil.which(CHROMIUM) or os.path.exists(CHROMIUM), "chromium (apt)")

    def run(name, *args):
        result = json.loads(node_script(name, *args, timeout=180))
        assert result["errors"] == [], result["errors"]
        assert result["requests"] == [], "the page reached for the network"
        return result

    return run


def png_rows(path):
    """(width, height, rows) of a non-interlaced 8-bit RGB or RGBA PNG (what
    Chromium writes), rows[y][x] = (r, g, b); decoded here so the tests need
    no imaging library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        filter_type, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if filter_type == 1:
                line[i] = (line[i] + left) & 0xFF
            elif filter_type == 2:
                line[i] = (line[i] + up) & 0xFF
            elif filter_type == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([(line[x], line[x + 1], line[x + 2]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def colour_counts(rows):
    """Counter of (r, g, b) over the rows of png_rows."""
    return Counter(pixel for row in rows for pixel in row)


def png_pixels(path):
    """Counter of (r, g, b) over a PNG screenshot (see png_rows)."""
    return colour_counts(png_rows(path)[2])


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


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
