"""--csv-dialect neo4j against the header format of neo4j-admin database
import (neo4j docs-operations import/header-format.adoc, FORMATS.md §4).
Neo4j itself needs a JVM and is not on PyPI, so the files are checked by a
parser of that grammar instead of a real import."""
import csv
import re
import subprocess

import pytest

# the property types neo4j-admin import knows, each also as an array (type[])
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
HEADER_FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?"
                          r"(?:\((?P<group>[^)]*)\))?)?$")
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}


def parse_header(fields):
    """[(name, type, is_array)] of a neo4j-admin header; raises on what the
    grammar does not allow."""
    parsed = []
    for field in fields:
        m = HEADER_FIELD.match(field)
        assert m, f"not name:type: {field!r}"
        name, kind = m["name"], m["type"] or "string"
        if kind in SPECIAL:
            assert not m["array"], field
        else:
            assert kind.lower() in TYPES, f"unknown type in {field!r}"
            assert name, f"a property needs a name: {field!r}"
        parsed.append((name, kind, bool(m["array"])))
    return parsed


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def convert(value, kind, is_array):
    """A cell as neo4j-admin would import it (the types kgexport writes)."""
    if is_array:
        return [convert(v, kind, False) for v in value.split(";")] if value else None
    return {"int": int, "long": int, "float": float, "double": float}.get(kind, str)(value)


@pytest.fixture(scope="module")
def tables(export):
    out = export("csv", "--csv-dialect", "neo4j")
    return read(out / "nodes.csv"), read(out / "edges.csv")


def test_headers_follow_the_grammar(tables):
    (node_header, _), (edge_header, _) = tables
    nodes = parse_header(node_header)
    edges = parse_header(edge_header)
    assert [k for _, k, _ in nodes].count("ID") == 1
    assert [k for _, k, _ in nodes].count("LABEL") == 1
    for special in ("START_ID", "END_ID", "TYPE"):
        assert [k for _, k, _ in edges].count(special) == 1
    assert ("aliases", "string", True) in nodes
    assert ("confidence", "float", False) in edges
    assert ("weight", "int", False) in edges


def test_values_convert_to_their_declared_types(tables, export):
    (node_header, node_rows), (edge_header, edge_rows) = tables
    gephi_nodes = read(export("csv") / "nodes.csv")[1]
    gephi = {r[0]: r for r in gephi_nodes}
    nodes = parse_header(node_header)
    ids = set()
    for row in node_rows:
        assert len(row) == len(nodes)
        record = {(name or kind): convert(cell, kind, arr) for (name, kind, arr), cell
                  in zip(nodes, row)}
        ids.add(record["id"])
        assert record["LABEL"] in {"Person", "Organization", "Country", "Place", "Role",
                                   "Event", "Date", "Document"}
        # the array splits back into the aliases of the Gephi table
        expected = gephi[record["id"]][3]
        assert record["aliases"] == (expected.split(";") if expected else None)
    assert len(ids) == len(node_rows), "ids are unique in the (single) ID space"
    edges = parse_header(edge_header)
    for row in edge_rows:
        record = {(name or kind): convert(cell, kind, arr) for (name, kind, arr), cell
                  in zip(edges, row)}
        assert record["START_ID"] in ids and record["END_ID"] in ids
        assert 0 <= record["confidence"] <= 1 and record["weight"] >= 1
        assert re.fullmatch(r"[a-z][A-Za-z]+", record["TYPE"])


def test_same_rows_as_the_gephi_dialect(tables, export):
    (_, node_rows), (_, edge_rows) = tables
    gephi = export("csv")
    assert [r[0] for r in node_rows] == [r[0] for r in read(gephi / "nodes.csv")[1]]
    assert [r[:3] for r in edge_rows] == [r[:3] for r in read(gephi / "edges.csv")[1]]


def test_the_grammar_check_can_fail():
    for bad in (["id:ID", "age:integer"], ["name:"], [":float"]):
        with pytest.raises(AssertionError):
            parse_header(bad)


def test_spreadsheet_safe_is_opt_in(kgexport, tmp_path):
    # the file name lands in the sources cells
    (tmp_path / "=cmd.txt").write_text("Ông Lý Văn Tám thăm Hà Nội.", encoding="utf-8")
    for extra, cell_start in (([], "="), (["--spreadsheet-safe"], "'=")):
        out = tmp_path / ("out" + "".join(extra))
        subprocess.run([kgexport, "--format", "csv", "--csv-dialect", "neo4j", "-o", str(out),
                        *extra, "=cmd.txt"], check=True, capture_output=True, cwd=tmp_path)
        cells = [c for row in read(out / "nodes.csv")[1] for c in row]
        formula = [c for c in cells if c.lstrip("'").startswith(("=", "+", "-", "@"))]
        assert formula and all(c.startswith(cell_start) for c in formula), formula


def test_the_scorer_reads_the_neo4j_dialect_like_the_gephi_one(export):
    """eval/score.py picks `:LABEL` as the node type and `:TYPE` as the relation."""
    import importlib.util
    import os
    import pathlib
    score_py = pathlib.Path(os.environ.get("KGEXPORT_EVAL_DIR", "/work/shared/eval")) / "score.py"
    if not score_py.exists():
        pytest.skip(f"no scorer at {score_py} (set KGEXPORT_EVAL_DIR)")
    spec = importlib.util.spec_from_file_location("kgscore", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    neo4j = score.read_prediction(str(export("csv", "--csv-dialect", "neo4j")))
    gephi = score.read_prediction(str(export("csv")))
    assert neo4j == gephi
    assert neo4j[1], "edges were read"


@pytest.mark.parametrize("which", ["export", "export_hostile"])
def test_cypher_dialect_follows_the_grammar_with_labels_and_types_from_the_command(which, request):
    """--csv-dialect cypher (also FalkorDB's, tests/interop/test_falkordb.py):
    no :LABEL or :TYPE column, the label and type are given per file
    (`--nodes=Person=nodes/Person.csv`), every column typed."""
    out = request.getfixturevalue(which)("csv", "--csv-dialect", "cypher")
    ids = {}
    for path in sorted((out / "nodes").glob("*.csv")):
        header, body = read(path)
        fields = parse_header(header)
        assert [k for _, k, _ in fields].count("ID") == 1
        assert "LABEL" not in [k for _, k, _ in fields]
        assert all(":" in f for f in header), "FalkorDB's --enforce-schema types every column"
        for row in body:
            assert len(row) == len(fields)
            record = {(n or k): convert(c, k, a) for (n, k, a), c in zip(fields, row)}
            assert record["id"] not in ids, "ids are unique in the (single) ID space"
            ids[record["id"]] = path.stem
    assert set(ids.values()) <= {"Person", "Organization", "Country", "Place", "Role", "Event",
                                 "Date", "Document"}
    edges = 0
    for path in sorted((out / "relationships").glob("*.csv")):
        header, body = read(path)
        fields = parse_header(header)
        kinds = [k for _, k, _ in fields]
        assert kinds.count("START_ID") == 1 and kinds.count("END_ID") == 1
        assert "TYPE" not in kinds
        assert all(":" in f for f in header)
        assert re.fullmatch(r"[a-z][A-Za-z]+", path.stem)
        for row in body:
            record = {(n or k): convert(c, k, a) for (n, k, a), c in zip(fields, row)}
            assert record["START_ID"] in ids and record["END_ID"] in ids
            edges += 1
    assert edges == len(read(request.getfixturevalue(which)("csv") / "edges.csv")[1])
