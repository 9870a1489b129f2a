"""The Gephi-dialect CSV loaded into Kùzu with COPY FROM (FORMATS.md §5):
columns are positional, ESCAPE='"' for RFC 4180 quoting, HEADER=true, node
tables before rel tables. The statements are those of the README."""
import csv
import subprocess

import kuzu
import pytest

# one column per CSV column, in the CSV's order
CREATE_NODES = ("CREATE NODE TABLE Node(id STRING, label STRING, kind STRING, aliases STRING, "
                "label_en STRING, iri STRING, sources STRING, mentions INT64, PRIMARY KEY(id))")
CREATE_EDGES = ("CREATE REL TABLE Edge(FROM Node TO Node, relation STRING, kind STRING, "
                "type STRING, weight INT64, confidence DOUBLE, evidence STRING, sources STRING)")
OPTIONS = "(HEADER=true, ESCAPE='\"')"


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load(tmp_path, folder):
    db = kuzu.Database(str(tmp_path / "kuzu.db"))
    conn = kuzu.Connection(db)
    conn.execute(CREATE_NODES)
    conn.execute(CREATE_EDGES)
    conn.execute(f"COPY Node FROM '{folder / 'nodes.csv'}' {OPTIONS}")
    conn.execute(f"COPY Edge FROM '{folder / 'edges.csv'}' {OPTIONS}")
    return db, conn


def answers(conn, query):
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(tuple(result.get_next()))
    return out


@pytest.fixture(scope="module")
def loaded(export, tmp_path_factory):
    folder = export("csv")
    db, conn = load(tmp_path_factory.mktemp("kuzu"), folder)
    yield folder, conn
    conn.close()
    db.close()


def test_counts_equal_the_csv_rows(loaded):
    folder, conn = loaded
    assert answers(conn, "MATCH (n:Node) RETURN count(n)") == [(len(rows(folder / "nodes.csv")),)]
    assert answers(conn, "MATCH ()-[e:Edge]->() RETURN count(e)") == [
        (len(rows(folder / "edges.csv")),)]


def test_values_arrive_in_their_columns(loaded):
    folder, conn = loaded
    csv_nodes = {r["id"]: r for r in rows(folder / "nodes.csv")}
    got = answers(conn, "MATCH (n:Node) RETURN n.id, n.label, n.kind, n.iri, n.mentions")
    assert {(i, l, k, iri, str(m)) for i, l, k, iri, m in got} == {
        (r["id"], r["label"], r["kind"], r["iri"], r["mentions"]) for r in csv_nodes.values()}
    # the multi-line, quoted evidence sentences come through whole
    evidence = {e for (e,) in answers(conn, "MATCH ()-[e:Edge]->() RETURN e.evidence")}
    assert evidence == {r["evidence"] or None for r in rows(folder / "edges.csv")}


def test_who_holds_a_role_in_the_ministry_of_public_security(loaded):
    _, conn = loaded
    got = answers(conn, """
        MATCH (p:Node)-[:Edge {relation: 'holdsRole'}]->(r:Node)-[:Edge {relation: 'roleIn'}]->
              (o:Node {label: 'Bộ Công an'})
        RETURN DISTINCT p.label, r.label""")
    # gold, doc 001: Lương Tam Quang, Bộ trưởng Bộ Công an
    assert ("Lương Tam Quang", "Bộ trưởng Bộ Công an") in got
    assert {p for p, _ in got} == {"Lương Tam Quang"}


def test_a_dangling_endpoint_aborts_the_copy(export, tmp_path):
    """Why kgexport never writes an edge to a node it has not written."""
    folder = tmp_path / "broken"
    folder.mkdir()
    source = export("csv")
    (folder / "nodes.csv").write_text((source / "nodes.csv").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    edges = (source / "edges.csv").read_text(encoding="utf-8")
    (folder / "edges.csv").write_text(edges + "person/nobody,place/ha-noi,location,location,"
                                      "Directed,1,0.5,,x.txt\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        load(tmp_path, folder)


def test_quotes_backslashes_commas_semicolons_and_line_breaks_load_as_written(kgexport, tmp_path):
    """FORMATS.md §8: Kùzu's default escape is `\\`; with ESCAPE='"' every cell
    arrives as Python's csv module reads it."""
    name = 'tin "một", số\\1;a.txt'
    (tmp_path / name).write_text('Ông Lý Văn Tám, "Tổng" \\ Giám đốc; thăm Hà Nội.\n'
                                 'Bà Trần Thị Bốn dự Lễ khai mạc tại Hà Nội, "phố\nmới".',
                                 encoding="utf-8")
    folder = tmp_path / "out"
    subprocess.run([kgexport, "--format", "csv", "-o", str(folder), name],
                   check=True, capture_output=True, cwd=tmp_path)
    db, conn = load(tmp_path, folder)
    try:
        nodes = answers(conn, "MATCH (n:Node) RETURN n.id, n.label, n.sources")
        assert sorted(nodes) == sorted((r["id"], r["label"], r["sources"])
                                       for r in rows(folder / "nodes.csv"))
        assert {s for _, _, s in nodes} == {name}
        edges = answers(conn, "MATCH (a)-[e:Edge]->(b) RETURN a.id, b.id, e.evidence, e.sources")
        assert sorted(edges) == sorted((r["source"], r["target"], r["evidence"] or None,
                                        r["sources"]) for r in rows(folder / "edges.csv"))
        assert any('"' in e and "," in e for _, _, e, _ in edges), edges
    finally:
        conn.close()
        db.close()
