"""ontology/shapes.ttl with pyshacl: the sample corpus's export conforms, and
graphs broken in the ways the shapes forbid do not."""
import pathlib

import pyshacl
import pytest
import rdflib
from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHAPES = ROOT / "ontology" / "shapes.ttl"
KG = Namespace("https://w3id.org/kgexport/ontology#")
ID = "https://w3id.org/kgexport/id/"


@pytest.fixture(scope="module")
def shapes():
    graph = rdflib.Graph()
    graph.parse(SHAPES, format="turtle")
    return graph


def validate(data, shapes):
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.mark.parametrize("level", ["none", "edge", "full"])
@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_the_sample_export_conforms(export, shapes, fmt, parser, level):
    data = rdflib.Graph()
    data.parse(export(fmt, "--provenance", level), format=parser)
    conforms, text = validate(data, shapes)
    assert conforms, text
    statements = set(data.subjects(RDF.type, RDF.Statement))
    relations = [t for t in data if str(t[1]).startswith(str(KG)) and isinstance(t[2], URIRef)
                 and t[1] not in (KG.mentionedIn, KG.evidence)]
    sentences = set(data.subjects(RDF.type, KG.Sentence))
    if level != "none":
        # each sentence once, and pointed at
        assert sentences == set(data.objects(None, KG.evidence))
        texts = list(data.objects(None, KG.text))
        assert len(texts) == len(set(texts)) == len(sentences) > 0
    if level == "none":
        assert not statements and not list(data.triples((None, KG.mentionedIn, None)))
        assert not sentences
    elif level == "edge":
        # one statement per relation, with its number of mentions
        assert len(statements) == len([t for t in relations if "/source/" not in str(t[2])])
        assert all(data.value(s, KG.weight) is not None for s in statements)
    else:
        assert all(data.value(s, KG.sentenceIndex) is not None for s in statements)


def first(data, kind):
    return sorted(data.subjects(RDF.type, KG[kind]))[0]


def break_vi_label(data):
    node = first(data, "Person")
    data.remove((node, RDFS.label, None))
    data.add((node, RDFS.label, Literal("Tên", lang="en")))


def break_holds_role_target(data):
    person = first(data, "Person")
    data.add((person, KG.holdsRole, first(data, "Place")))


def break_role_in_target(data):
    data.add((first(data, "Role"), KG.roleIn, first(data, "Event")))


def break_date_value(data):
    date = first(data, "Date")
    data.remove((date, KG.dateValue, None))
    data.add((date, KG.dateValue, Literal("25/10/2025")))


def break_date_target(data):
    data.add((first(data, "Event"), KG.date, first(data, "Place")))


def add_second_vi_label(data):
    data.add((first(data, "Organization"), RDFS.label, Literal("Tên khác", lang="vi")))


def add_role_without_label(data):
    role = URIRef(ID + "role/khong-ten")
    data.add((role, RDF.type, KG.Role))
    data.add((role, KG.id, Literal("role/khong-ten")))


def break_confidence(data):
    statement = sorted(data.subjects(RDF.type, RDF.Statement))[0]
    data.remove((statement, KG.confidence, None))
    data.add((statement, KG.confidence, Literal("1.5", datatype=XSD.decimal)))


def drop_a_mention(data):
    node = first(data, "Person")
    data.remove((node, KG.mentionedIn, None))


def break_weight(data):
    statement = sorted(data.subjects(RDF.type, RDF.Statement))[0]
    data.remove((statement, KG.weight, None))


def add_second_text(data):
    sentence = sorted(data.subjects(RDF.type, KG.Sentence))[0]
    data.add((sentence, KG.text, Literal("Một câu khác.")))


def point_at_a_node(data):
    statement = sorted(data.subjects(RDF.type, RDF.Statement))[0]
    data.add((statement, KG.evidence, first(data, "Person")))


def drop_the_statements_of_a_sentence(data):
    sentence = sorted(data.subjects(RDF.type, KG.Sentence))[0]
    data.remove((None, KG.evidence, sentence))


def add_offsets_to_edge_evidence(data):
    statement = sorted(data.subjects(RDF.type, RDF.Statement))[0]
    data.add((statement, KG.sentenceIndex, Literal(3)))


@pytest.mark.parametrize("level,breakage", [
    (level, breakage) for level in ("edge", "full") for breakage in (
        break_vi_label, break_holds_role_target, break_role_in_target, break_date_value,
        break_date_target, add_second_vi_label, add_role_without_label, break_confidence,
        drop_a_mention, add_second_text, point_at_a_node, drop_the_statements_of_a_sentence)
] + [("edge", break_weight), ("edge", add_offsets_to_edge_evidence)])
def test_a_broken_graph_does_not_conform(export, shapes, level, breakage):
    data = rdflib.Graph()
    data.parse(export("turtle", "--provenance", level), format="turtle")
    breakage(data)
    conforms, _ = validate(data, shapes)
    assert not conforms, breakage.__name__


# Columns that carry no term of the graph: the node IRI itself, Gephi's edge
# direction, and GraphML's visual keys (colour, size, layout position).
NOT_TERMS = {"iri", "type", "r", "g", "b", "size", "x", "y"}


def export_columns(export):
    """Every column name the table and graph-viewer formats write."""
    import csv as csv_module
    from lxml import etree
    columns = set()
    for extra in ((), ("--csv-dialect", "neo4j")):
        folder = export("csv", *extra)
        for name in ("nodes.csv", "edges.csv"):
            with open(folder / name, encoding="utf-8", newline="") as f:
                columns |= set(next(csv_module.reader(f)))
    graphml = etree.parse(str(export("graphml")))
    columns |= {k.get("attr.name") for k in graphml.iter("{*}key")}
    gexf = etree.parse(str(export("gexf")))
    columns |= {a.get("title") for a in gexf.iter("{*}attribute")}
    return columns


def test_the_ontology_names_every_column_of_the_table_formats(export):
    onto = rdflib.Graph()
    onto.parse(ROOT / "ontology" / "kgexport.ttl", format="turtle")
    documented = {str(o) for o in onto.objects(None, KG.tableColumn)}
    columns = export_columns(export)
    assert len(columns) > 20
    assert columns - NOT_TERMS - documented == set()
    # and nothing documented that no format writes
    assert documented - columns == set()
