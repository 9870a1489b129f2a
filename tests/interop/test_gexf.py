"""The GEXF 1.3 export: valid against the 1.3 RelaxNG (the XSDs put viz in
the wrong namespace), read by networkx, and holding the same nodes, edges,
colours, sizes and attributes as the GraphML export.

Inputs as in test_graphml.py: the sample corpus through the binary, and the
hostile-label graph written by tests/export_xml.rs."""
import collections
import pathlib

import networkx as nx
import pytest
from lxml import etree

from conftest import hostile_export as hostile

ROOT = pathlib.Path(__file__).resolve().parents[2]
RNG = ROOT.parent / "shared" / "schemas" / "gexf" / "1.3" / "gexf.rng"
GEXF_NS = "http://gexf.net/1.3"



def validate_rng(path):
    if not RNG.exists():
        pytest.fail(f"GEXF schema not found at {RNG}")
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    root = doc.getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf"
    assert root.nsmap.get("viz") == "http://gexf.net/1.3/viz"


def assert_same_as_graphml(gexf_path, graphml_path):
    """networkx reads the same graph from both: ids, labels, colours, sizes,
    attributes, and the same (source, relation, target) edges."""
    gx = nx.read_gexf(gexf_path)
    gm = nx.read_graphml(graphml_path)
    assert gx.is_directed()
    assert (gx.number_of_nodes(), gx.number_of_edges()) == (gm.number_of_nodes(),
                                                              gm.number_of_edges())
    by_kgid = {d["kgid"]: d for _, d in gm.nodes(data=True)}
    assert set(gx.nodes) == set(by_kgid)
    for node, d in gx.nodes(data=True):
        m = by_kgid[node]
        assert d["label"] == m["label"]
        assert d["kind"] == m["kind"]
        assert d["iri"] == m["iri"]
        assert d.get("aliases") == m.get("aliases")
        colour = d["viz"]["color"]
        assert (colour["r"], colour["g"], colour["b"]) == (m["r"], m["g"], m["b"])
        assert d["viz"]["size"] == pytest.approx(m["size"])
    kgid = {n: d["kgid"] for n, d in gm.nodes(data=True)}
    gm_edges = collections.Counter(
        (kgid[s], d["relation"], kgid[t], d["weight"]) for s, t, d in gm.edges(data=True))
    gx_edges = collections.Counter(
        (s, d["relation"], t, d["weight"]) for s, t, d in gx.edges(data=True))
    assert gx_edges == gm_edges
    for _, _, d in gx.edges(data=True):
        assert d["label"] == d["relation"]
        assert d["weight"] >= 1
    return gx


def test_sample_gexf_is_valid_against_the_relaxng(export):
    validate_rng(export("gexf"))


def test_sample_gexf_matches_graphml_in_networkx(export):
    assert_same_as_graphml(export("gexf"), export("graphml"))


def test_sample_gexf_edges_carry_the_relation_as_kind(export):
    doc = etree.parse(str(export("gexf")))
    ns = {"g": GEXF_NS}
    edges = doc.findall(".//g:edges/g:edge", ns)
    assert doc.find(".//g:edges", ns).get("count") == str(len(edges))
    assert doc.find(".//g:nodes", ns).get("count") == str(len(doc.findall(".//g:nodes/g:node", ns)))
    for e in edges:
        assert e.get("kind") == e.get("label")
        assert float(e.get("weight")) >= 1


def test_hostile_gexf_is_valid_and_matches_graphml():
    path = hostile("gexf")
    validate_rng(path)
    g = assert_same_as_graphml(path, hostile("graphml"))
    nodes, edges = map(int, hostile("counts").read_text().split())
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert 'Trần Thị <Bích> & "Hạnh"' in labels
    assert "Bến Thủy" in labels
