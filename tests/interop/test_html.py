"""`--format html` in a real browser: Debian's Chromium, headless, driven by
playwright-core (tests/interop/node/browser.js). The page must draw the
graph (pixels of every kind's colour in a screenshot), need no network,
find a node by name (diacritics and case ignored) and show the aliases,
sources and evidence sentences of what is searched or clicked."""
import json
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from conftest import hostile_export, page_data, png_pixels, read_csv_export, rgb


@pytest.fixture(scope="session")
def browser(in_chromium, tmp_path_factory):
    """browser(page, plan) -> what the page showed (see browser.js), and the
    path of the screenshot taken once it drew."""

    def run(page, plan):
        folder = tmp_path_factory.mktemp("browser")
        (folder / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
        shot = folder / "shot.png"
        return in_chromium("browser.js", page, shot, folder / "plan.json"), shot

    return run


def fold(text):
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D").lower()


def kind_colours(page):
    """The legend's colours, and the data embedded in the page."""
    data = page_data(page)
    return {k["kind"]: k["colour"] for k in data["kinds"]}, data


def test_sample_page_draws_searches_and_shows_details(browser, export):
    page = export("html")
    nodes, edges = read_csv_export(export("csv"))
    people = sorted((n for n in nodes if n["kind"] == "Person"), key=lambda n: -int(n["mentions"]))
    searched = people[0]
    with_aliases = max(nodes, key=lambda n: (len(n["aliases"].split(";")) if n["aliases"] else 0,
                                             int(n["mentions"])))
    assert with_aliases["aliases"], "no node of the sample has an alias"
    result, shot = browser(page, {
        "search": fold(searched["label"]),
        "clickNode": with_aliases["id"],
        "clickEdge": True,
    })
    assert result["title"] == "kgexport: knowledge graph"
    assert (result["nodeCount"], result["edgeCount"]) == (len(nodes), len(edges))
    kinds = Counter(n["kind"] for n in nodes)
    assert result["legend"] == [f"{k} ({c})" for k, c in sorted(kinds.items(), key=lambda kc: order(kc[0]))]

    # the graph drew: every kind's colour covers pixels of the screenshot
    colours, _ = kind_colours(page)
    pixels = png_pixels(shot)
    for kind, colour in colours.items():
        assert pixels[rgb(colour)] >= 20, f"{kind} ({colour}) is not drawn"

    # search without diacritics, Enter: the person's details
    assert result["searchResults"][0].startswith(searched["label"])
    details = result["afterSearch"]
    assert details.startswith(searched["label"])
    for source in searched["sources"].split(";"):
        assert source in details
    for e in edges:
        if searched["id"] in (e["source"], e["target"]):
            assert e["evidence"] in details

    # click on the node: aliases, sources, evidence of its edges
    details = result["afterNodeClick"]
    assert details.startswith(with_aliases["label"])
    for alias in with_aliases["aliases"].split(";"):
        assert alias in details
    for source in with_aliases["sources"].split(";"):
        assert source in details

    # click on an edge: its relation, ends, sources and sentence
    edge = edges[result["clickedEdge"]]
    label = {n["id"]: n["label"] for n in nodes}
    details = result["afterEdgeClick"]
    assert details.startswith(f'{label[edge["source"]]} —{edge["relation"]}→ {label[edge["target"]]}')
    assert edge["evidence"] in details
    for source in edge["sources"].split(";"):
        assert source in details


KIND_ORDER = ["Person", "Organization", "Country", "Place", "Role", "Event", "Date", "Document"]


def order(kind):
    return KIND_ORDER.index(kind)


def test_hostile_page_shows_labels_as_text(browser):
    """Labels with <, >, &, quotes and </script>-like text arrive as text:
    the page runs, and the searched person's details hold the label exactly."""
    page = hostile_export("html")
    gexf = ET.parse(hostile_export("gexf")).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    labels = {n.get("id"): n.get("label") for n in gexf.iterfind(".//g:node", ns)}
    person = next(label for node_id, label in labels.items() if node_id.startswith("person/"))
    result, _ = browser(page, {"search": person, "clickEdge": True})
    nodes, edges = map(int, hostile_export("counts").read_text().split())
    assert (result["nodeCount"], result["edgeCount"]) == (nodes, edges)
    assert result["title"] == "kgexport: knowledge graph"
    assert result["afterSearch"].startswith(person)
    assert "clickedEdge" in result
    # the page keeps what XML must drop (U+0001, U+FFFE...): JSON escapes it
    _, data = kind_colours(page)
    assert {n["id"]: xml_chars(n["label"]) for n in data["nodes"]} == labels


def xml_chars(text):
    return "".join(c for c in text if c in "\t\n\r" or "\x20" <= c <= "\ud7ff"
                   or "\ue000" <= c <= "\ufffd" or c >= "\U00010000")


def test_hostile_corpus_page_shows_sentences_and_file_names_exact(browser, export_hostile):
    """Over hostile.py's articles: a person found by a search without
    diacritics shows its hostile file names and evidence sentences as text."""
    page = export_hostile("html")
    _, data = kind_colours(page)
    people = [n for n in data["nodes"] if n["kind"] == "Person"]
    # the person with the most hostile characters in its sentences and sources
    def hostility(i):
        n = data["nodes"][i]
        texts = [e["sentence"] for e in data["edges"] if i in (e["source"], e["target"])]
        return sum(sum(c in t for c in '"&<>\\;😀=') for t in texts + n["sources"])
    index = max((data["nodes"].index(n) for n in people), key=hostility)
    person = data["nodes"][index]
    assert hostility(index) > 0
    result, _ = browser(page, {"search": fold(person["label"]), "clickNode": person["id"]})
    for details in (result["afterSearch"], result["afterNodeClick"]):
        assert details.startswith(person["label"])
        for source in person["sources"]:
            assert source in details
        for e in data["edges"]:
            if index in (e["source"], e["target"]):
                assert e["sentence"] in details
