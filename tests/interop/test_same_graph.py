"""Every format describes the same graph: as many nodes and edges as
`--stats` counts, and the same node ids, read back by each format's usual
reader (rdflib and pyoxigraph for RDF, csv for the CSV dialects, networkx
for GraphML and GEXF), on the sample and the hostile corpus."""
import csv
import re
import subprocess
import urllib.parse

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF
from test_rdf import rdflib_triples

KG = "https://w3id.org/kgexport/ontology#"
BASE = "https://w3id.org/kgexport/id/"
KINDS = ["Person", "Organization", "Country", "Place", "Role", "Event", "Date", "Document"]
RELATIONS = ["holdsRole", "roleIn", "memberOf", "participatedIn", "organizedBy",
             "date", "location", "partOf", "signed", "about"]


def stats(kgexport, folder):
    """(node count, edge count) as --stats prints them."""
    run = subprocess.run([kgexport, "--stats", "-q", "-o", "/dev/null", str(folder)],
                         check=True, capture_output=True, text=True)
    nodes = int(re.search(r"^nodes: (\d+)$", run.stderr, re.M).group(1))
    edges = int(re.search(r"^edges: (\d+)$", run.stderr, re.M).group(1))
    return nodes, edges


def csv_ids(export):
    with open(export("csv") / "nodes.csv", encoding="utf-8", newline="") as f:
        return {r["id"] for r in csv.DictReader(f)}


def node_id(iri):
    """The node id inside a node IRI (percent-encoding undone)."""
    assert iri.startswith(BASE), iri
    return urllib.parse.unquote(iri[len(BASE):])


def rdflib_jsonld(path):
    graph = rdflib.Graph()
    graph.parse(path, format="json-ld")
    return set(graph)


def oxigraph_read(path, fmt):
    return {(rdflib.URIRef(q.subject.value), rdflib.URIRef(q.predicate.value),
             rdflib.URIRef(q.object.value) if isinstance(q.object, ox.NamedNode) else None)
            for q in ox.parse(path=str(path), format=fmt)}


def rdf_counts(triples):
    classes = {rdflib.URIRef(KG + k) for k in KINDS}
    relations = {rdflib.URIRef(KG + r) for r in RELATIONS}
    nodes = {node_id(str(s)) for s, p, o in triples if p == RDF.type and o in classes}
    edges = {t for t in triples if t[1] in relations}
    return nodes, len(edges)


READERS = {
    "turtle/rdflib": lambda e: rdf_counts(rdflib_triples(e("turtle"), "turtle")),
    "ntriples/rdflib": lambda e: rdf_counts(rdflib_triples(e("ntriples"), "ntriples")),
    "nquads/rdflib": lambda e: rdf_counts(rdflib_triples(e("nquads"), "nquads")),
    "jsonld/rdflib": lambda e: rdf_counts(rdflib_jsonld(e("jsonld"))),
    "turtle/pyoxigraph": lambda e: rdf_counts(oxigraph_read(e("turtle"), ox.RdfFormat.TURTLE)),
    "nquads/pyoxigraph": lambda e: rdf_counts(oxigraph_read(e("nquads"), ox.RdfFormat.N_QUADS)),
    "jsonld/pyoxigraph": lambda e: rdf_counts(oxigraph_read(e("jsonld"), ox.RdfFormat.JSON_LD)),
}


def csv_graph(folder, id_column, start, end):
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as f:
        ids = {r[id_column] for r in csv.DictReader(f)}
    with open(folder / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert all(r[start] in ids and r[end] in ids for r in edges)
    return ids, len(edges)


READERS["csv/gephi"] = lambda e: csv_graph(e("csv"), "id", "source", "target")
READERS["csv/neo4j"] = lambda e: csv_graph(e("csv", "--csv-dialect", "neo4j"), "id:ID",
                                           ":START_ID", ":END_ID")


def cypher_graph(folder):
    ids, edges = set(), 0
    for path in (folder / "nodes").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            ids |= {r["id:ID"] for r in csv.DictReader(f)}
    for path in (folder / "relationships").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rows)
        edges += len(rows)
    return ids, edges


READERS["csv/cypher"] = lambda e: cypher_graph(e("csv", "--csv-dialect", "cypher"))


def graphml_graph(path):
    graph = nx.read_graphml(path)
    return {data["kgid"] for _, data in graph.nodes(data=True)}, graph.number_of_edges()


def gexf_graph(path):
    graph = nx.read_gexf(path)
    return set(graph.nodes), graph.number_of_edges()


READERS["graphml/networkx"] = lambda e: graphml_graph(e("graphml"))
READERS["gexf/networkx"] = lambda e: gexf_graph(e("gexf"))


@pytest.mark.parametrize("which", ["corpus", "hostile_corpus"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_format_holds_the_same_graph(kgexport, request, which, reader):
    fixture = {"corpus": "export", "hostile_corpus": "export_hostile"}[which]
    export = request.getfixturevalue(fixture)
    ids, edge_count = READERS[reader](export)
    assert (len(ids), edge_count) == stats(kgexport, request.getfixturevalue(which))
    assert ids == csv_ids(export)
