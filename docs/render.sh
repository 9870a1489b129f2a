#!/usr/bin/env bash
# Renders the sample corpus's graph through the DOT export and Graphviz into
# docs/sample-graph.png (the picture in README's "Using the output").
# Needs Graphviz (apt-get install graphviz) and python3. Usage: docs/render.sh [KGEXPORT]
set -euo pipefail
cd "$(dirname "$0")/.."
kgexport=${1:-target/debug/kgexport}
[ -x "$kgexport" ] || cargo build --quiet
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
