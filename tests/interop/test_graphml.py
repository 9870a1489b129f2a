"""The GraphML export read by its real consumers: lxml validates it against
the GraphML 1.0 XSD, networkx and igraph load it, and all agree with each
other and with kgexport's own --stats.

Two inputs: the sample corpus (through the binary; the checks hold for an
empty graph and for a full one), and the hostile-label graph that
tests/export_xml.rs writes to target/tmp/xml-interop/ (cargo test runs first
in tests/run.sh)."""
import collections
import pathlib
import re
import subprocess

import igraph
import networkx as nx
import pytest
from lxml import etree

from conftest import hostile_export as hostile

ROOT = pathlib.Path(__file__).resolve().parents[2]
XSD = ROOT.parent / "shared" / "schemas" / "graphml" / "1.0" / "graphml.xsd"

NODE_ATTRS = {"label", "kgid", "kind", "iri", "r", "g", "b", "size", "mentions"}
EDGE_ATTRS = {"label", "relation", "weight", "confidence"}



def hostile_counts():
    nodes, edges = hostile("counts").read_text().split()
    return int(nodes), int(edges)


def validate_xsd(path):
    if not XSD.exists():
        pytest.fail(f"GraphML schema not found at {XSD}")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log


def corpus_stats(kgexport, corpus, tmp_path):
    """Node counts per kind and edge counts per relation, from --stats."""
    run = subprocess.run(
        [kgexport, "--stats", "--quiet", "--format", "graphml", "-o", str(tmp_path / "g.graphml"),
         str(corpus)],
        check=True, capture_output=True, text=True)
    counts = {"nodes": {}, "edges": {}}
    section = None
    for line in run.stderr.splitlines():
        head = re.fullmatch(r"(nodes|edges): (\d+)", line)
        if head:
            section = head.group(1)
            counts[section]["*"] = int(head.group(2))
        elif section and line.startswith("  "):
            name, n = line.split()
            counts[section][name] = int(n)
    assert counts["nodes"] and counts["edges"], run.stderr
    return counts


def test_sample_graphml_is_valid_against_the_xsd(export):
    validate_xsd(export("graphml"))


def test_sample_graphml_agrees_with_stats_networkx_and_igraph(export, kgexport, corpus, tmp_path):
    path = export("graphml")
    stats = corpus_stats(kgexport, corpus, tmp_path)
    g = nx.read_graphml(path)
    assert g.is_directed()
    assert g.number_of_nodes() == stats["nodes"]["*"]
    assert g.number_of_edges() == stats["edges"]["*"]
    kinds = collections.Counter(d["kind"] for _, d in g.nodes(data=True))
    relations = collections.Counter(d["relation"] for _, _, d in g.edges(data=True))
    for kind, n in stats["nodes"].items():
        if kind != "*":
            assert kinds.get(kind, 0) == n, kind
    for relation, n in stats["edges"].items():
        if relation != "*":
            assert relations.get(relation, 0) == n, relation

    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed()
    assert (ig.vcount(), ig.ecount()) == (g.number_of_nodes(), g.number_of_edges())
    if ig.vcount():
        assert NODE_ATTRS <= set(ig.vs.attributes())
        assert sorted(ig.vs["kgid"]) == sorted(d["kgid"] for _, d in g.nodes(data=True))
    if ig.ecount():
        assert EDGE_ATTRS <= set(ig.es.attributes())


def test_sample_graphml_nodes_and_edges_are_complete(export):
    g = nx.read_graphml(export("graphml"))
    kgids = [d["kgid"] for _, d in g.nodes(data=True)]
    assert len(set(kgids)) == len(kgids)
    assert kgids == sorted(kgids), "nodes in kgexport id order"
    assert list(g.nodes) == [f"n{i}" for i in range(len(kgids))]
    for _, d in g.nodes(data=True):
        assert NODE_ATTRS <= set(d), d
        assert d["iri"].endswith(d["kgid"])
    for _, _, d in g.edges(data=True):
        assert EDGE_ATTRS <= set(d), d
        assert d["label"] == d["relation"]
        assert d["weight"] >= 1
        assert 0 <= d["confidence"] <= 1


def test_hostile_graphml_is_valid_and_read_alike_by_networkx_and_igraph():
    path = hostile("graphml")
    validate_xsd(path)
    nodes, edges = hostile_counts()
    g = nx.read_graphml(path)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    assert (ig.vcount(), ig.ecount()) == (nodes, edges)
    nx_labels = {d["kgid"]: d["label"] for _, d in g.nodes(data=True)}
    ig_labels = {v["kgid"]: v["label"] for v in ig.vs}
    assert nx_labels == ig_labels
    labels = set(nx_labels.values())
    # markup, quotes and newlines survive; forbidden characters are gone
    assert 'Trần Thị <Bích> & "Hạnh"' in labels
    assert "Công ty Sông Lam\nline two\r\nthree" in labels
    assert "Bến Thủy" in labels
    assert "#" in labels
    assert "   Giám đốc   điều hành  " in labels
    # two relations between the same pair stay two edges
    pairs = collections.Counter((s, t) for s, t, _ in g.edges(data=True))
    assert max(pairs.values()) == 2
    assert sorted(d["weight"] for _, _, d in g.edges(data=True))[-1] == 3
    assert sorted(ig.es["weight"]) == sorted(d["weight"] for _, _, d in g.edges(data=True))
