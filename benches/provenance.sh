#!/usr/bin/env bash
# Output size, speed and peak RSS per provenance level, and the cost of
# shards (extract of two halves, then merge), on one generated corpus.
#
#   benches/provenance.sh            a 20 MB corpus
#   benches/provenance.sh 100        100 MB (MB of text)
#   SEED=2 FORMAT=nquads benches/provenance.sh 50
#
# Corpora are shared with benches/run.sh (target/bench-corpus/). For each
# level (none, edge, full) it prints MB/s of input, × the read floor (cat
# of the same files from the page cache), peak RSS (/usr/bin/time -v) and
# the output's size against the input's; then extract + merge of two
# halves, and whether the merge gives the bytes of the one run.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-20}
seed=${SEED:-1}
format=${FORMAT:-turtle}
corpus=target/bench-corpus/${mb}mb-seed${seed}
out=target/bench-out/provenance
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "benches/provenance.sh: needs GNU time (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin kgexport --example gen_corpus
bin=target/release/kgexport
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    target/release/examples/gen_corpus "$corpus" "$mb" --seed "$seed" >&2
    touch "$corpus/.complete"
fi
files=$(find "$corpus" -name '*.txt' | wc -l)
input_bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
input_mb=$(echo "scale=1; $input_bytes / 1000000" | bc)

read_all() { find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 cat >/dev/null; }
read_all
start=$(date +%s%N); read_all; end=$(date +%s%N)
floor=$(echo "scale=3; ($end - $start) / 1000000000" | bc)

# timed CMD...: prints "wall_seconds peak_rss_mb"
timed() {
    local log start end
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -v "$@" 2>"$log" >/dev/null
    end=$(date +%s%N)
    echo "$(echo "scale=2; ($end - $start) / 1000000000" | bc) $(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$log")"
    rm -f "$log"
}

size_of() { du -sb "$1" | cut -f1; }

echo "corpus: $corpus, $files articles, $input_mb MB; read floor ${floor} s; format $format"
echo
echo "| level | time (s) | MB/s | × floor | peak RSS (MB) | output (MB) | × input |"
echo "|---|---|---|---|---|---|---|"
for level in none edge full; do
    target=$out/one-$level.$format
    read -r wall rss < <(timed "$bin" -q -f "$format" --provenance "$level" -o "$target" "$corpus")
    bytes=$(size_of "$target")
    echo "| $level | $wall | $(echo "scale=1; $input_mb / $wall" | bc) | $(echo "scale=1; $wall / $floor" | bc)× | $rss | $(echo "scale=1; $bytes / 1000000" | bc) | $(echo "scale=2; $bytes / $input_bytes" | bc)× |"
done

# shards: the files in two halves (hard links in two folders), extracted
# apart, merged, against one run over both folders
rm -rf "$out/a" "$out/b"
mkdir -p "$out/a" "$out/b"
find "$corpus" -name '*.txt' | sort > "$out/files"
half=$(( files / 2 ))
head -n "$half" "$out/files" | xargs -d '\n' ln -t "$out/a"
tail -n +"$((half + 1))" "$out/files" | xargs -d '\n' ln -t "$out/b"
echo
echo "| step | time (s) | peak RSS (MB) | output (MB) |"
echo "|---|---|---|---|"
for part in a b; do
    read -r wall rss < <(timed "$bin" extract -q -o "$out/$part.kgx" "$out/$part")
    echo "| extract half $part | $wall | $rss | $(echo "scale=1; $(size_of "$out/$part.kgx") / 1000000" | bc) |"
done
read -r wall rss < <(timed "$bin" merge -q -f "$format" -o "$out/merged.$format" "$out/a.kgx" "$out/b.kgx")
echo "| merge (edge) | $wall | $rss | $(echo "scale=1; $(size_of "$out/merged.$format") / 1000000" | bc) |"
"$bin" -q -f "$format" -o "$out/one-ab.$format" "$out/a" "$out/b"
if cmp -s "$out/merged.$format" "$out/one-ab.$format"; then
    echo; echo "merge of the shards = one run: yes"
else
    echo; echo "merge of the shards = one run: NO"; exit 1
fi
