"""The JSON-LD export, read by rdflib and pyoxigraph: the same triples as the
Turtle export, with a context of short terms."""
import json
import pathlib
import subprocess

import pyoxigraph as ox
import pytest
import rdflib

KG = "https://w3id.org/kgexport/ontology#"


def rdflib_graph(path, fmt):
    graph = rdflib.Graph()
    graph.parse(path, format=fmt)
    return graph


def oxigraph_triples(path, fmt):
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}


def test_rdflib_reads_the_turtle_triples(export):
    jsonld = rdflib_graph(export("jsonld"), "json-ld")
    turtle = rdflib_graph(export("turtle"), "turtle")
    assert len(jsonld) > 500
    assert set(jsonld) == set(turtle)


def test_pyoxigraph_reads_the_turtle_triples(export):
    jsonld = oxigraph_triples(export("jsonld"), ox.RdfFormat.JSON_LD)
    turtle = oxigraph_triples(export("turtle"), ox.RdfFormat.TURTLE)
    assert jsonld == turtle


def test_context_gives_short_terms_and_the_aligned_vocabularies(export):
    document = json.loads(export("jsonld").read_text(encoding="utf-8"))
    context = document["@context"]
    assert context["Person"] == "kg:Person"
    assert context["holdsRole"] == {"@id": "kg:holdsRole", "@type": "@id"}
    assert context["schema"] == "https://schema.org/"
    assert context["org"] == "http://www.w3.org/ns/org#"
    nodes = [o for o in document["@graph"] if o.get("@type") == "Person"]
    assert nodes and all(o["@id"].startswith("https://w3id.org/kgexport/id/person/") for o in nodes)
    # one object per subject
    ids = [o["@id"] for o in document["@graph"]]
    assert len(ids) == len(set(ids))


def test_the_same_input_gives_the_same_bytes(export, kgexport, corpus, tmp_path):
    again = tmp_path / "again.jsonld"
    subprocess.run([kgexport, "--format", "jsonld", "-o", str(again), str(corpus)],
                   check=True, capture_output=True)
    assert again.read_bytes() == export("jsonld").read_bytes()


@pytest.mark.parametrize("name", ['q"uote\\back.txt', "dòng\nmới.txt", "tab\there.txt"])
def test_hostile_strings_survive(kgexport, tmp_path, name):
    (tmp_path / name).write_text('Ông "Lý\\Văn" Tám thăm Hà Nội.\u0001', encoding="utf-8")
    out = tmp_path / "g.jsonld"
    subprocess.run([kgexport, "--format", "jsonld", "-o", str(out), name],
                   check=True, capture_output=True, cwd=tmp_path)
    nt = tmp_path / "g.nt"
    subprocess.run([kgexport, "--format", "ntriples", "-o", str(nt), name],
                   check=True, capture_output=True, cwd=tmp_path)
    graph = rdflib_graph(out, "json-ld")
    assert name in {str(o) for o in graph.objects(None, rdflib.URIRef(KG + "fileName"))}
    assert set(graph) == set(rdflib_graph(nt, "nt"))


def test_with_the_ontology_an_rdfs_reasoner_gives_the_schema_org_view(export):
    """What README says: the schema.org mapping is the ontology's subclass and
    subproperty axioms, applied to the JSON-LD by RDFS entailment."""
    import owlrl
    graph = rdflib_graph(export("jsonld"), "json-ld")
    graph.parse(pathlib.Path(__file__).resolve().parents[2] / "ontology" / "kgexport.ttl",
                format="turtle")
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(graph)
    schema = rdflib.Namespace("https://schema.org/")
    kg = rdflib.Namespace(KG)
    people = set(graph.subjects(rdflib.RDF.type, kg.Person))
    assert people and people <= set(graph.subjects(rdflib.RDF.type, schema.Person))
    located = set(graph.subject_objects(kg.location))
    assert located and located <= set(graph.subject_objects(schema.location))
    organizers = set(graph.subject_objects(kg.organizedBy))
    assert organizers and organizers <= set(graph.subject_objects(schema.organizer))
