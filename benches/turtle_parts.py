#!/usr/bin/env python3
"""Where the bytes of a kgexport Turtle file go.

Usage: benches/turtle_parts.py FILE.ttl [INPUT_BYTES]

Splits the file by subject block, as kgexport writes it (a subject line at
the start of a line, its further triples indented by a tab): the reified
statements (`ev:` subjects, `a rdf:Statement`), the evidence sentences
(`sentence:` subjects), the nodes and sources, and the prefixes; and the
statements' bytes by predicate. With INPUT_BYTES, each part is also given
as a multiple of the input, which is how docs/PERFORMANCE.md reports the
floor of the Turtle size at each --provenance level.
"""

import sys
from collections import Counter


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    path = sys.argv[1]
    input_bytes = int(sys.argv[2]) if len(sys.argv) == 3 else None
    parts: Counter = Counter()
    statement_lines: Counter = Counter()
    statements = 0
    part = "prefixes"
    with open(path, "rb") as turtle:
        for line in turtle:
            if not line.startswith(b"\t"):
                if line.startswith(b"@prefix"):
                    part = "prefixes"
                elif b" a rdf:Statement" in line:
                    part = "statements"
                    statements += 1
                elif line.startswith(b"sentence:"):
                    part = "sentences"
                else:
                    part = "nodes and sources"
                predicate = "subject, type"
            else:
                predicate = line.split(None, 1)[0].decode("utf-8", "replace")
            parts[part] += len(line)
            if part == "statements":
                statement_lines[predicate] += len(line)
    total = sum(parts.values())

    def times(size: int) -> str:
        return f" ({size / input_bytes:.2f}x the input)" if input_bytes else ""

    print(f"{path}: {total} bytes{times(total)}")
    for name, size in parts.most_common():
        print(f"  {name}: {size} bytes, {size / total:.1%}{times(size)}")
    if statements:
        print(f"  {statements} statements, {parts['statements'] / statements:.0f} bytes each:")
        for predicate, size in statement_lines.most_common():
            print(f"    {predicate}: {size / statements:.1f} bytes")


if __name__ == "__main__":
    main()
