"""The GEXF and GraphML exports read by graphology-gexf and graphology-graphml
under Node: the parsers of Gephi Lite and sigma.js. Every node and edge must
arrive exact: labels, typed attributes, parallel edges, layout positions.

The sample corpus is checked against its CSV export (read by Python's csv,
no XML involved); the hostile graph of tests/export_xml.rs against the same
file read by Python's ElementTree."""
import json
import math
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from conftest import hostile_export, page_data, read_csv_export

LIST = "; "


def graphology(node_script, fmt, path):
    return json.loads(node_script("read_graph.js", fmt, path))


def split(value):
    return sorted(value.split(";")) if value else []


def split_xml(value):
    return sorted(value.split(LIST)) if value else []


def expected_from_csv(folder):
    """Nodes by id, and the edge rows, of the Gephi-dialect CSV export."""
    nodes, edges = read_csv_export(folder)
    return {row["id"]: row for row in nodes}, edges


def check_nodes_against_csv(nodes, csv_nodes, id_of):
    assert sorted(id_of(n) for n in nodes) == sorted(csv_nodes)
    for n in nodes:
        a, row = n["attributes"], csv_nodes[id_of(n)]
        assert a["label"] == row["label"]
        assert a["kind"] == row["kind"]
        assert a["iri"] == row["iri"]
        assert a.get("label_en", "") == row["label_en"]
        assert split_xml(a.get("aliases", "")) == split(row["aliases"])
        assert split_xml(a.get("sources", "")) == split(row["sources"])
        assert a["mentions"] == int(row["mentions"]) and isinstance(a["mentions"], int)
        for coordinate in ("x", "y", "size"):
            assert isinstance(a[coordinate], (int, float)) and math.isfinite(a[coordinate])


def check_edges_against_csv(edges, csv_edges, node_id):
    got = Counter((node_id(e["source"]), e["attributes"]["relation"], node_id(e["target"]),
                   e["attributes"]["sentence"], e["attributes"]["confidence"],
                   e["attributes"]["weight"], tuple(split_xml(e["attributes"].get("sources", ""))))
                  for e in edges)
    want = Counter((r["source"], r["relation"], r["target"], r["evidence"], float(r["confidence"]),
                    int(r["weight"]), tuple(split(r["sources"]))) for r in csv_edges)
    assert got == want
    assert all(not e["undirected"] for e in edges)


def test_sample_gexf_arrives_exact(node_script, export):
    g = graphology(node_script, "gexf", export("gexf"))
    assert g["type"] == "directed"
    csv_nodes, csv_edges = expected_from_csv(export("csv"))
    check_nodes_against_csv(g["nodes"], csv_nodes, lambda n: n["key"])
    check_edges_against_csv(g["edges"], csv_edges, lambda k: k)
    for e in g["edges"]:
        assert e["attributes"]["kind"] == e["attributes"]["relation"] == e["attributes"]["label"]


def test_sample_graphml_arrives_exact(node_script, export):
    g = graphology(node_script, "graphml", export("graphml"))
    assert g["type"] == "directed"
    csv_nodes, csv_edges = expected_from_csv(export("csv"))
    kgid = {n["key"]: n["attributes"]["kgid"] for n in g["nodes"]}
    check_nodes_against_csv(g["nodes"], csv_nodes, lambda n: n["attributes"]["kgid"])
    check_edges_against_csv(g["edges"], csv_edges, kgid.get)


def test_hostile_keeps_parallel_edges(node_script):
    """Two relations between the same pair stay two edges in both formats
    (the sample has none)."""
    _, want = elementtree_gexf(hostile_export("gexf"))
    pairs = Counter((source, target) for source, target, _ in want.elements())
    assert max(pairs.values()) >= 2
    for fmt in ("gexf", "graphml"):
        g = graphology(node_script, fmt, hostile_export(fmt))
        assert g["multi"] and len(g["edges"]) == sum(want.values())
        got = Counter((e["source"], e["target"]) for e in g["edges"])
        assert max(got.values()) == max(pairs.values())


def positions(g, id_of):
    return {id_of(n): (n["attributes"]["x"], n["attributes"]["y"]) for n in g["nodes"]}


def check_positions(gexf_path, graphml_path, node_script):
    gexf = graphology(node_script, "gexf", gexf_path)
    graphml = graphology(node_script, "graphml", graphml_path)
    from_gexf = positions(gexf, lambda n: n["key"])
    from_graphml = positions(graphml, lambda n: n["attributes"]["kgid"])
    assert from_gexf == from_graphml
    # as written in the file, read by another XML parser
    viz = "{http://gexf.net/1.3/viz}position"
    written = {n.get("id"): (float(n.find(viz).get("x")), float(n.find(viz).get("y")))
               for n in ET.parse(gexf_path).getroot().iter("{http://gexf.net/1.3}node")}
    assert from_gexf == written
    assert len(set(written.values())) == len(written), "two nodes share a position"


def test_sample_positions_arrive_and_agree(node_script, export):
    check_positions(export("gexf"), export("graphml"), node_script)


def elementtree_gexf(path):
    """Nodes and edges of a GEXF file as Python's XML parser reads them."""
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    types = {a.get("id"): a.get("type") for a in root.iterfind(".//g:attributes/g:attribute", ns)}

    def values(el):
        out = {}
        for v in el.iterfind("g:attvalues/g:attvalue", ns):
            raw = v.get("value")
            ty = types[v.get("for")]
            out[v.get("for")] = int(raw) if ty == "integer" else float(raw) if ty == "double" else raw
        return out

    nodes = {n.get("id"): dict(values(n), label=n.get("label")) for n in root.iterfind(".//g:node", ns)}
    edges = Counter((e.get("source"), e.get("target"), tuple(sorted(values(e).items())))
                    for e in root.iterfind(".//g:edge", ns))
    return nodes, edges


def test_hostile_gexf_and_graphml_arrive_exact(node_script):
    gexf_path, graphml_path = hostile_export("gexf"), hostile_export("graphml")
    want_nodes, want_edges = elementtree_gexf(gexf_path)
    for fmt, path in (("gexf", gexf_path), ("graphml", graphml_path)):
        g = graphology(node_script, fmt, path)
        id_of = (lambda n: n["key"]) if fmt == "gexf" else (lambda n: n["attributes"]["kgid"])
        kgid = {n["key"]: id_of(n) for n in g["nodes"]}
        assert {id_of(n) for n in g["nodes"]} == set(want_nodes)
        for n in g["nodes"]:
            a = n["attributes"]
            for key, value in want_nodes[id_of(n)].items():
                assert a.get(key) == value, (fmt, id_of(n), key)
        columns = ("relation", "confidence", "sources", "sentence")
        got_edges = Counter(
            (kgid[e["source"]], kgid[e["target"]],
             tuple(sorted((k, e["attributes"][k]) for k in columns if k in e["attributes"])))
            for e in g["edges"])
        assert got_edges == want_edges, fmt
    check_positions(gexf_path, graphml_path, node_script)


def test_hostile_corpus_arrives_exact(node_script, export_hostile):
    """The articles of hostile.py (quotes, &, <>, \\, ;, emoji, NFD, U+2028/
    U+2029 and a lone CR in sentences, `=` cells, hostile file names), checked
    against the same graph as JSON (the --format html data): no XML on that
    side, and lists are arrays, so a `;` in a file name stays unambiguous."""
    want = page_data(export_hostile("html"))
    want_nodes = {n["id"]: n for n in want["nodes"]}
    ids = [n["id"] for n in want["nodes"]]
    want_edges = Counter(
        (ids[e["source"]], ids[e["target"]], e["relation"], e["confidence"], e["sentence"],
         LIST.join(e["sources"]))
        for e in want["edges"])
    assert any("\u2028" not in e["sentence"] and ("\\" in e["sentence"] or "&" in e["sentence"])
               for e in want["edges"]), "the hostile sentences did not reach the graph"
    for fmt in ("gexf", "graphml"):
        g = graphology(node_script, fmt, export_hostile(fmt))
        id_of = (lambda n: n["key"]) if fmt == "gexf" else (lambda n: n["attributes"]["kgid"])
        kgid = {n["key"]: id_of(n) for n in g["nodes"]}
        assert sorted(kgid.values()) == sorted(want_nodes)
        for n in g["nodes"]:
            a, w = n["attributes"], want_nodes[id_of(n)]
            assert a["label"] == w["label"], fmt
            assert a["kind"] == w["kind"] and a["iri"] == w["iri"]
            assert a.get("label_en") == w.get("label_en")
            assert a.get("aliases", "") == LIST.join(w["aliases"]), fmt
            assert a.get("sources", "") == LIST.join(w["sources"]), fmt
            assert (a["x"], a["y"]) == (w["x"], w["y"]), fmt
        got = Counter((kgid[e["source"]], kgid[e["target"]], e["attributes"]["relation"],
                       e["attributes"]["confidence"], e["attributes"].get("sentence", ""),
                       e["attributes"].get("sources", ""))
                      for e in g["edges"])
        assert got == want_edges, fmt
