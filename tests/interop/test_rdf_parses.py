"""The Turtle export of the sample corpus parses in rdflib."""
import rdflib


def test_turtle_parses_in_rdflib(export):
    g = rdflib.Graph()
    g.parse(export("turtle"), format="turtle")
    assert len(g) >= 0
