#!/usr/bin/env bash
# Regenerates everything in README that comes from the build, from the
# sample corpus:
# - docs/sample-graph.png: the DOT export through Graphviz (fdp);
# - docs/viewer.png: the --format html page in headless Chromium, after a
#   search for "Bộ Công an" (tests/interop/node/browser.js);
# - README.md's numbers block (docs/readme_numbers.py --write);
# - docs/pictures.stats: the counts the pictures were made from, which
#   tests/interop/test_readme.py compares with the build.
# Installs Graphviz, Node with tests/interop/node's packages and Chromium
# through tests/setup/ when missing (as root). Usage: docs/render.sh [KGEXPORT]
set -euo pipefail
cd "$(dirname "$0")/.."
kgexport=${1:-target/debug/kgexport}
[ -x "$kgexport" ] || cargo build --quiet
. tests/setup/lib.sh
for setup in graphviz node chromium; do
    . "tests/setup/$setup.sh"
done

# Long event names are wrapped at 28 characters so the picture stays square;
# fdp (force-directed, unlike sfdp/neato it keeps the legend cluster together)
# with prism overlap removal. With these settings the picture is the same from
# run to run here (some node font sizes, e.g. 13, made fdp vary between runs).
"$kgexport" --quiet --format dot </dev/null |
    python3 -c '
import re, sys, textwrap
def wrap(m):
    text = m.group(1)
    return "label=\"" + "\\n".join(textwrap.wrap(text, 28)) + "\"" if len(text) > 28 else m.group(0)
sys.stdout.write(re.sub(r"(?<![a-z])label=\"([^\"\\\\]*)\"", wrap, sys.stdin.read()))' |
    fdp -Goverlap=prism -Gsplines=true -Gsep=+4 -Gsize=20,20 -Gdpi=110 -Gpad=0.3 \
        -Nfontsize=14 -Efontsize=9 -Earrowsize=0.6 -Tpng -o docs/sample-graph.png
echo "docs/sample-graph.png written" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kgexport" --quiet --format html -o "$work/graph.html" </dev/null
printf '{"search": "Bộ Công an", "finalScreenshot": "%s"}\n' "$PWD/docs/viewer.png" >"$work/plan.json"
node tests/interop/node/browser.js "$work/graph.html" "$work/first.png" "$work/plan.json" >/dev/null
echo "docs/viewer.png written" >&2

"$kgexport" --quiet --stats --format ntriples </dev/null 2>docs/pictures.stats >/dev/null
python3 docs/readme_numbers.py --kgexport "$kgexport" --write
