"""The Gephi-dialect CSV loaded into LadybugDB (PyPI `ladybug`, the
maintained successor of Kùzu) and Kùzu with COPY FROM (FORMATS.md §5):
columns are positional, ESCAPE='"' for RFC 4180 quoting, HEADER=true,
PARALLEL=FALSE (the parallel reader refuses quoted line breaks), node tables
before rel tables. The code run is README's LadybugDB snippet itself, taken
from README.md, as a script in a folder where `articles/` is the corpus and
`kgexport` is on PATH; for Kùzu only its import line changes. Each run is a
process of its own: the two modules cannot be loaded into one."""
import csv
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMPORT_LINE = "import ladybug as lb\n"

# appended to the snippet: every node and edge, as JSON, to dump.json
DUMP = '''
import json
def _all(query):
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out
with open("dump.json", "w", encoding="utf-8") as f:
    json.dump({
        "nodes": _all("MATCH (n:Node) RETURN n.id, n.label, n.kind, n.aliases, n.label_en, "
                      "n.iri, n.sources, n.mentions"),
        "edges": _all("MATCH (a)-[e:Edge]->(b) RETURN a.id, b.id, e.relation, e.kind, e.type, "
                      "e.weight, e.confidence, e.evidence, e.sources"),
    }, f)
'''


def readme_snippet(module="ladybug"):
    """The python block of README's LadybugDB section, importing `module`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### LadybugDB and Kùzu"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)[1]
    assert IMPORT_LINE in code
    return code.replace(IMPORT_LINE, f"import {module} as lb\n")


def run_python(code, folder, kgexport):
    """Runs `code` as a script in `folder` with kgexport on PATH."""
    env = dict(os.environ, PATH=str(pathlib.Path(kgexport).parent) + os.pathsep
               + os.environ["PATH"])
    return subprocess.run([sys.executable, "-c", code], cwd=folder, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("module", ["ladybug", "kuzu"])
@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
def test_readme_snippet_loads_every_cell_exactly(module, which, request, kgexport, tmp_path):
    shutil.copytree(request.getfixturevalue(which), tmp_path / "articles")
    run = run_python(readme_snippet(module) + DUMP, tmp_path, kgexport)
    assert run.returncode == 0, run.stderr
    if which == "corpus":
        # gold, doc 001: Lương Tam Quang, Bộ trưởng Bộ Công an
        assert run.stdout == "Lương Tam Quang, Bộ trưởng Bộ Công an\n"
    else:
        assert run.stdout == "Tô Minh Hòa, Bộ trưởng Bộ Công an\n"
    dump = json.loads((tmp_path / "dump.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    assert sorted(map(tuple, dump["nodes"])) == sorted(
        (r["id"], r["label"], r["kind"], r["aliases"] or None, r["label_en"] or None,
         r["iri"], r["sources"] or None, int(r["mentions"])) for r in rows(out / "nodes.csv"))
    assert sorted(map(tuple, dump["edges"])) == sorted(
        (r["source"], r["target"], r["relation"], r["kind"], r["type"], int(r["weight"]),
         float(r["confidence"]), r["evidence"] or None, r["sources"] or None)
        for r in rows(out / "edges.csv"))
    if which == "hostile_corpus":
        evidence = {e[7] for e in dump["edges"]}
        assert any("C:\\tin\\;" in e and '"' in e for e in evidence), evidence
        sources = {n[6] for n in dump["nodes"]}
        assert "a\\b;c 😀.txt" in sources, sources  # named under articles/


def test_without_parallel_false_quoted_line_breaks_stop_the_load(kgexport, tmp_path):
    """Why README passes PARALLEL=FALSE: a cell may hold a line break (here
    the sources cell: a file name with one)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "phố\nmới.txt").write_text(
        "Bà Trần Thị Bốn dự Lễ khai mạc tại Hà Nội.", encoding="utf-8")
    code = readme_snippet().replace("PARALLEL=FALSE", "PARALLEL=TRUE")
    run = run_python(code, tmp_path, kgexport)
    assert any("\n" in r["sources"] for r in rows(tmp_path / "out" / "edges.csv"))
    assert run.returncode != 0 and "Quoted newlines" in run.stderr, run.stderr


@pytest.mark.parametrize("module", ["ladybug", "kuzu"])
def test_a_dangling_endpoint_aborts_the_copy(module, corpus, kgexport, tmp_path):
    """Why kgexport never writes an edge to a node it has not written."""
    shutil.copytree(corpus, tmp_path / "articles")
    dangling = ("person/nobody,place/ha-noi,location,location,Directed,1,0.5,,x.txt\n")
    code = readme_snippet(module).replace(
        "db = lb.Database",
        f"open('out/edges.csv', 'a', encoding='utf-8').write({dangling!r})\ndb = lb.Database")
    run = run_python(code, tmp_path, kgexport)
    assert run.returncode != 0 and "person/nobody" in run.stderr, run.stderr
