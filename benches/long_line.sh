#!/usr/bin/env bash
# Regression benchmark for superlinear input: one document of N MB on a
# single line (generated Vietnamese news articles joined by spaces, no line
# break at all), through the release binary to Turtle. Time must grow
# linearly with the size: the s/MB column stays flat.
#
#   benches/long_line.sh              2, 4, 8 and 32 MB
#   benches/long_line.sh 2 4          only these sizes (10^6 bytes, at most
#                                     32: --max-doc-bytes is 32 MiB)
#
# The documents go to target/bench-corpus/long-line/ and are reused while
# the generator and the lexicons are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2 4 8 32)
max=0
for mb in "${sizes[@]}"; do [ "$mb" -gt "$max" ] && max=$mb; done

if [ ! -x /usr/bin/time ]; then
    echo "benches/long_line.sh: installing GNU time for peak RSS" >&2
    apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet --bin kgexport --example gen_corpus
bin=target/release/kgexport

hash=$({ cat benches/support/corpus.rs examples/gen_corpus.rs data/lexicon/*.txt; } | sha256sum | cut -c1-16)
root=target/bench-corpus/long-line
mkdir -p "$root"
articles=$root/articles-$hash-${max}mb
if [ ! -d "$articles" ]; then
    rm -rf "$root"/articles-*
    target/release/examples/gen_corpus "$articles" $((max + 1)) >/dev/null
fi

# CPU seconds (user + system) beside the wall time: on a shared machine
# the wall time also counts waiting for a core
echo "| MB | seconds | CPU seconds | s/MB | MB/s | peak RSS MB | Turtle MB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for mb in "${sizes[@]}"; do
    doc=$root/line-$hash-${mb}mb.txt
    if [ ! -f "$doc" ]; then
        # one line; cut at a character boundary (iconv -c drops a cut
        # character); head closes the pipe early, on purpose
        set +o pipefail
        find "$articles" -name '*.txt' -print0 | sort -z | xargs -0 cat 2>/dev/null | tr '\n' ' ' |
            head -c $((mb * 1000000)) | { iconv -c -f utf-8 -t utf-8 2>/dev/null || true; } >"$doc"
        set -o pipefail
    fi
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -v "$bin" -q "$doc" -o "$root/out.ttl" 2>"$log"
    end=$(date +%s%N)
    secs=$(echo "scale=2; ($end - $start) / 1000000000" | bc)
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$log")
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$log")
    out=$(stat -c %s "$root/out.ttl")
    rm -f "$log"
    echo "| $mb | $secs | $cpu | $(echo "scale=2; $secs / $mb" | bc) | $(echo "scale=1; $mb / $secs" | bc) | $rss | $((out / 1000000)) |"
done
rm -f "$root/out.ttl"
