"""Apache Jena (Debian's libapache-jena-java 4.5.0, through jena.py's
classpath): `riot --validate --strict` on every RDF export of the sample and
the hostile corpus, the same triples read from each format, and README's
SPARQL queries through `arq`: q.rq on the Turtle, and README's Jena block,
run as it is written (the GRAPH ?g form on the N-Quads)."""
import csv
import io
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from jena import Jena, require

ROOT = pathlib.Path(__file__).resolve().parents[2]
# kgexport format -> riot's --syntax (JSON-LD 1.0: Debian has no JSON-P
# provider for the JSON-LD 1.1 reader)
SYNTAX = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "jsonld": "jsonld10"}
ANSWER = {"corpus": [["name", "role"], ["Lương Tam Quang", "Bộ trưởng Bộ Công an"]],
          "hostile_corpus": [["name", "role"], ["Tô Minh Hòa", "Bộ trưởng Bộ Công an"]]}


@pytest.fixture(scope="module")
def jena(tmp_path_factory):
    require()
    return Jena(tmp_path_factory.mktemp("jena"))


def exported(request, which, fmt):
    fixture = {"corpus": "export", "hostile_corpus": "export_hostile"}[which]
    return request.getfixturevalue(fixture)(fmt)


def with_extension(path, folder):
    """A copy of an export named as arq expects (it picks the syntax by the
    file's extension: .ttl, .nq)."""
    ext = {".turtle": ".ttl", ".nquads": ".nq"}[path.suffix]
    copy = folder / ("graph" + ext)
    shutil.copyfile(path, copy)
    return copy


def sparql_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Oxigraph and Jena (SPARQL)")
    return readme[start:readme.index("\n### ", start + 1)]


def readme_blocks():
    return re.findall(r"```sh\n(.*?)```", sparql_section(), re.S)


@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
@pytest.mark.parametrize("fmt", list(SYNTAX))
def test_riot_validates_strictly(jena, request, which, fmt):
    path = exported(request, which, fmt)
    run = jena.riot("--validate", "--strict", f"--syntax={SYNTAX[fmt]}", path)
    assert run.returncode == 0, run.stderr
    assert "WARN" not in run.stderr and "ERROR" not in run.stderr, run.stderr


@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
def test_riot_reads_the_same_triples_from_each_format(jena, request, which):
    triples = {}
    for fmt in ("turtle", "ntriples", "jsonld"):
        run = jena.riot("--strict", f"--syntax={SYNTAX[fmt]}", "--output=ntriples",
                        exported(request, which, fmt))
        assert run.returncode == 0, run.stderr
        triples[fmt] = sorted(run.stdout.splitlines())
    assert triples["turtle"] and triples["turtle"] == triples["ntriples"] == triples["jsonld"]


@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
def test_arq_answers_readme_query_on_the_turtle(jena, request, which, tmp_path):
    query = re.search(r"cat > q\.rq <<'EOF'\n(.*?)\nEOF\n", readme_blocks()[0], re.S)[1]
    (tmp_path / "q.rq").write_text(query + "\n", encoding="utf-8")
    data = with_extension(exported(request, which, "turtle"), tmp_path)
    run = jena.arq("--data", data, "--query", tmp_path / "q.rq", "--results", "csv")
    assert run.returncode == 0, run.stderr
    assert list(csv.reader(io.StringIO(run.stdout))) == ANSWER[which]


def test_readme_query_over_the_default_graph_of_the_nquads_finds_nothing(jena, export, tmp_path):
    """Why README asks the N-Quads inside GRAPH ?g."""
    query = re.search(r"cat > q\.rq <<'EOF'\n(.*?)\nEOF\n", readme_blocks()[0], re.S)[1]
    (tmp_path / "q.rq").write_text(query + "\n", encoding="utf-8")
    data = with_extension(export("nquads"), tmp_path)
    run = jena.arq("--data", data, "--query", tmp_path / "q.rq", "--results", "csv")
    assert run.returncode == 0, run.stderr
    assert list(csv.reader(io.StringIO(run.stdout))) == [["name", "role"]]


@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
def test_readme_jena_block_runs_as_written(request, which, kgexport, tmp_path):
    require()
    block = readme_blocks()[1]
    assert "riotcmd.riot" in block and "GRAPH ?g" in block
    shutil.copytree(request.getfixturevalue(which), tmp_path / "articles")
    env = dict(os.environ, PATH=str(pathlib.Path(kgexport).parent) + os.pathsep
               + os.environ["PATH"])
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, env=env,
                         capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert run.returncode == 0, run.stderr
    assert "WARN" not in run.stderr and "ERROR" not in run.stderr, run.stderr
    assert list(csv.reader(io.StringIO(run.stdout))) == ANSWER[which]
