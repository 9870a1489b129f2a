#!/usr/bin/env python3
"""README's numbers from the current build: the node and edge counts of the
sample corpus, per node kind and per relation, written between the
`<!-- numbers:begin -->` and `<!-- numbers:end -->` lines of README.md.

    docs/readme_numbers.py [--kgexport BIN] --write   # rewrite README.md
    docs/readme_numbers.py [--kgexport BIN] --check   # exit 1 if README drifted

tests/interop/test_readme.py runs --check; docs/render.sh runs --write
(with the pictures, whose legends show the same counts)."""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BEGIN = "<!-- numbers:begin (docs/readme_numbers.py --write; do not edit by hand) -->"
END = "<!-- numbers:end -->"


def stats(kgexport):
    """(kind -> count, relation -> count) of the sample corpus, from --stats."""
    done = subprocess.run([kgexport, "--stats", "--quiet", "--format", "ntriples"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True)
    kinds, relations, section = {}, {}, None
    for line in done.stderr.splitlines():
        if line.startswith("nodes:"):
            section = kinds
        elif line.startswith("edges:"):
            section = relations
        elif section is not None and line.startswith("  "):
            name, count = line.split()
            section[name] = int(count)
    return kinds, relations


def block(kinds, relations):
    rows = max(len(kinds), len(relations))
    kind_rows = [(k, str(c)) for k, c in kinds.items()] + [("", "")] * (rows - len(kinds))
    relation_rows = [(r, str(c)) for r, c in relations.items()] + [("", "")] * (rows - len(relations))
    lines = [
        BEGIN,
        f"The bundled sample corpus gives **{sum(kinds.values())} nodes and "
        f"{sum(relations.values())} edges** with the current build:",
        "",
        "| node kind | nodes | relation | edges |",
        "| --- | ---: | --- | ---: |",
    ]
    for (k, kc), (r, rc) in zip(kind_rows, relation_rows):
        lines.append(f"| {'`' + k + '`' if k else ''} | {kc} | {'`' + r + '`' if r else ''} | {rc} |")
    lines.append(END)
    return "\n".join(lines)


def replace(readme, new_block):
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise SystemExit(f"{README}: no {BEGIN} ... {END} block")
    return pattern.sub(lambda _: new_block, readme, count=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kgexport", default=str(ROOT / "target" / "debug" / "kgexport"))
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    updated = replace(readme, block(*stats(args.kgexport)))
    if args.write:
        README.write_text(updated, encoding="utf-8")
        print("README.md numbers written", file=sys.stderr)
    elif updated != readme:
        print("README.md's numbers differ from the build: run docs/render.sh", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
