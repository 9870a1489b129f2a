"""The GEXF export drawn by sigma.js (4.0, WebGL 2) in Debian's Chromium,
headless, with no layout run in the page (tests/interop/node/sigma.js and
sigma_page.js): graphology-gexf's browser parser reads the file, sigma draws
it with its defaults, and the nodes must stand where the file's
viz:position puts them, in the file's viz:color, every one of them.

"Where the file puts them" is computed here from the file alone: sigma fits
the box of the node positions into the viewport, less its stage padding,
keeping the aspect ratio, y pointing up. Sigma's graphToViewport must agree,
and so must the screenshot: wherever no other node is drawn, each node's
disc is there in the node's colour, centre and rim, and not beyond its
radius; that must be seen for two thirds of the nodes at least (the others
are mostly under their neighbours), and every colour of the file drawn."""
import math
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import NODE_DIR, colour_counts, png_rows, require_tool, rgb

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"

# software WebGL (SwiftShader) rounds colours by one step now and then
COLOUR_TOLERANCE = 2
# a node's viewport point from the file against sigma's (which computes in
# 32-bit floats), in pixels
PIXEL_TOLERANCE = 0.5


def file_nodes(path):
    """id -> (x, y, (r, g, b), size) as the GEXF file has them, read by
    Python's XML parser; and the number of edges."""
    root = ET.parse(path).getroot()
    nodes = {}
    for n in root.iter(f"{GEXF}node"):
        position, colour = n.find(f"{VIZ}position"), n.find(f"{VIZ}color")
        nodes[n.get("id")] = (float(position.get("x")), float(position.get("y")),
                              tuple(int(colour.get(c)) for c in "rgb"),
                              float(n.find(f"{VIZ}size").get("value")))
    return nodes, sum(1 for _ in root.iter(f"{GEXF}edge"))


def css_rgb(colour):
    """(r, g, b) of sigma's colour string: `rgb(r,g,b)` as graphology-gexf
    writes it from viz:color, or `#rrggbb`."""
    if colour.startswith("#"):
        return rgb(colour)
    r, g, b = re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*[\d.]+)?\)", colour).groups()
    return int(r), int(g), int(b)


def expected_viewport(nodes, width, height, padding):
    """id -> viewport point of each node's file position, when the box of
    all positions is fitted, centred, into the viewport less `padding`."""
    xs = [x for x, _, _, _ in nodes.values()]
    ys = [y for _, y, _, _ in nodes.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    scale = min((width - 2 * padding) / span_x, (height - 2 * padding) / span_y)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {key: (width / 2 + scale * (x - mid_x), height / 2 - scale * (y - mid_y))
            for key, (x, y, _, _) in nodes.items()}


def near(pixel, colour):
    return max(abs(a - b) for a, b in zip(pixel, colour)) <= COLOUR_TOLERANCE


def free(point, node, drawn):
    """The point is more than 2 px away from every other node's disc."""
    x, y = point
    return all(((x - o["at"]["x"]) ** 2 + (y - o["at"]["y"]) ** 2) ** 0.5 > o["radius"] + 2
               for o in drawn if o["key"] != node["key"])


def disc_points(node, radius_fractions, margin):
    """Points around the node's centre, 16 directions, at radius * fraction + margin."""
    x, y, r = node["at"]["x"], node["at"]["y"], node["radius"]
    return [(x + math.cos(a) * (r * f + margin), y + math.sin(a) * (r * f + margin))
            for f in radius_fractions for a in (math.pi * k / 8 for k in range(16))]


def check_disc(rows, node, colour, drawn):
    """The node's colour at its centre and inside its disc (2 px in from its
    radius), and not 2 px outside it, wherever no other node is drawn: the
    disc is there, with its radius. Returns how many inside points were free."""
    assert node["radius"] > 4, node
    height, width = len(rows), len(rows[0])
    inside = [(node["at"]["x"], node["at"]["y"])] + disc_points(node, (0.5, 1), -2)
    outside = disc_points(node, (1,), 2)
    # a disc may reach out of the viewport (sigma fits the centres, not the discs)
    visible = lambda p: 0 <= p[0] < width and 0 <= p[1] < height and free(p, node, drawn)
    inside, outside = list(filter(visible, inside)), list(filter(visible, outside))
    for x, y in inside:
        assert near(rows[int(y)][int(x)], colour), (node["key"], "not drawn at", x, y)
    for x, y in outside:
        assert not near(rows[int(y)][int(x)], colour), (node["key"], "drawn beyond", x, y)
    return len(inside)


@pytest.fixture(scope="session")
def sigma(in_chromium, tmp_path_factory):
    """sigma(gexf) -> what sigma drew (see sigma_page.js) and the screenshot."""
    require_tool(all((NODE_DIR / "node_modules" / p).is_dir() for p in ("sigma", "esbuild")),
                 "sigma and esbuild in tests/interop/node (npm ci)")

    def run(gexf):
        shot = tmp_path_factory.mktemp("sigma") / "shot.png"
        return in_chromium("sigma.js", gexf, shot), shot

    return run


def check_drawn_as_in_file(sigma, gexf):
    nodes, edge_count = file_nodes(gexf)
    result, shot = sigma(gexf)
    assert result["webgl"].startswith("WebGL 2"), result["webgl"]
    assert (result["order"], result["size"]) == (len(nodes), edge_count)
    drawn = result["nodes"]
    assert sorted(n["key"] for n in drawn) == sorted(nodes)
    assert result["unchanged"], "the page moved, resized or recoloured nodes"

    width, height = result["viewport"]["width"], result["viewport"]["height"]
    want = expected_viewport(nodes, width, height, result["stagePadding"])
    for n in drawn:
        x, y, colour, size = nodes[n["key"]]
        assert (n["x"], n["y"], n["size"]) == (x, y, size), n["key"]
        shown = n["shown"]
        assert shown and not shown["hidden"], n["key"]
        assert css_rgb(shown["color"]) == colour and shown["size"] == size, n["key"]
        at = (n["at"]["x"], n["at"]["y"])
        assert all(abs(a - b) <= PIXEL_TOLERANCE for a, b in zip(at, want[n["key"]])), \
            (n["key"], at, want[n["key"]])

    # the screenshot: each node's disc there, in its colour, with its radius
    _, _, rows = png_rows(shot)
    checked = [n for n in drawn if check_disc(rows, n, nodes[n["key"]][2], drawn) >= 4]
    assert len(checked) >= 2 / 3 * len(drawn), f"only {len(checked)} of {len(drawn)} nodes seen"
    pixels = colour_counts(rows)
    for colour in {c for _, _, c, _ in nodes.values()}:
        assert sum(k for p, k in pixels.items() if near(p, colour)) >= 20, f"{colour} is not drawn"
    return drawn


def test_sample_gexf_is_drawn_where_the_file_puts_it(sigma, export):
    drawn = check_drawn_as_in_file(sigma, export("gexf"))
    assert len(drawn) > 50


def test_hostile_gexf_is_drawn_where_the_file_puts_it(sigma, export_hostile):
    """hostile.py's articles: labels, sentences and file names with quotes,
    &, <>, \\, ;, emoji, NFD letters, U+2028 and U+2029 in the attributes."""
    drawn = check_drawn_as_in_file(sigma, export_hostile("gexf"))
    assert len(drawn) > 10
