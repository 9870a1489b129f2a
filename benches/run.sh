#!/usr/bin/env bash
# End-to-end benchmark: the release binary to Turtle on generated corpora of
# 10 MB, 100 MB and 1 GB, against the time to merely read the same files.
#
#   benches/run.sh                 all three sizes
#   benches/run.sh 10 100          only these sizes (in MB of text)
#   SEED=2 benches/run.sh 10       another corpus
#   ONE_THREAD_MAX_MB=100 benches/run.sh   the 1-thread run (and the
#                                  identical-output check) only up to 100 MB
#   LEVELS=edge benches/run.sh     only the default --provenance level (the
#                                  default, "none edge full", also runs the
#                                  other two levels and tables their sizes)
#
# Corpora go to target/bench-corpus/<MB>mb-seed<SEED>/ and are reused while
# the generator and the lexicons are unchanged. For each size it prints
# MB/s of input, articles/s, nodes and edges (--stats), peak RSS
# (/usr/bin/time -v), the read floor (cat of the same files, after a warm-up
# read, so both read from the page cache), the time with one thread
# (RAYON_NUM_THREADS=1) and with all, and whether the two outputs are
# byte-identical. A second table gives, per --provenance level, the time,
# MB/s, peak RSS and Turtle size (all threads). Tables are printed at the
# end, in Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000)
seed=${SEED:-1}
one_thread_max_mb=${ONE_THREAD_MAX_MB:-1000000}
read -r -a levels <<<"${LEVELS:-none edge full}"
corpus_root=target/bench-corpus
out_root=target/bench-out
mkdir -p "$corpus_root" "$out_root"

if [ ! -x /usr/bin/time ]; then
    echo "benches/run.sh: installing GNU time for peak RSS" >&2
    apt-get install -y -qq time >/dev/null
fi

cargo build --release --quiet --bin kgexport --example gen_corpus
bin=target/release/kgexport
gen=target/release/examples/gen_corpus

# A corpus is stale when the generator or the lexicons change.
generator_hash=$( {
    cat benches/support/corpus.rs examples/gen_corpus.rs
    cat data/lexicon/*.txt 2>/dev/null || true
} | sha256sum | cut -c1-16)

# Seconds (with decimals) that the command takes.
seconds() {
    local start end
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

read_all() {
    find "$1" -name '*.txt' -print0 | sort -z | xargs -0 cat >/dev/null
}

# Runs kgexport on $1 with RAYON_NUM_THREADS=$2 (empty: all), writing Turtle
# to $3 at --provenance $4 (default edge); prints
# "wall_seconds peak_rss_kb nodes edges".
run_kgexport() {
    local dir=$1 threads=$2 out=$3 level=${4:-edge} log
    log=$(mktemp)
    local start end
    start=$(date +%s%N)
    if [ -n "$threads" ]; then
        RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" "$dir" --format turtle --provenance "$level" -o "$out" --stats -q 2>"$log"
    else
        env -u RAYON_NUM_THREADS /usr/bin/time -v "$bin" "$dir" --format turtle --provenance "$level" -o "$out" --stats -q 2>"$log"
    fi
    end=$(date +%s%N)
    local wall rss nodes edges
    wall=$(echo "scale=3; ($end - $start) / 1000000000" | bc)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    nodes=$(awk '/^nodes:/ {print $2}' "$log")
    edges=$(awk '/^edges:/ {print $2}' "$log")
    rm -f "$log"
    echo "$wall $rss ${nodes:-0} ${edges:-0}"
}

cpus=$(nproc)
echo "== machine: $cpus cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(uptime)" >&2
rows=()
level_rows=()
# One row of the per-level table.
level_row() { # mb bytes level wall rss_kb turtle_bytes
    awk -v mb="$1" -v bytes="$2" -v level="$3" -v w="$4" -v r="$5" -v t="$6" 'BEGIN {
        printf "| %s MB | %s | %.2f | %.1f | %.0f | %.1f | %.2f× |", mb, level, w, bytes / 1e6 / w,
            r / 1024, t / 1e6, t / bytes
    }'
}
for mb in "${sizes[@]}"; do
    dir="$corpus_root/${mb}mb-seed$seed"
    if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$generator_hash" ]; then
        echo "== generating $mb MB into $dir" >&2
        rm -rf "$dir"
        "$gen" "$dir" "$mb" --seed "$seed"
        echo "$generator_hash" >"$dir/.complete"
    fi
    articles=$(find "$dir" -name '*.txt' | wc -l)
    bytes=$(find "$dir" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

    echo "== $mb MB: warm-up read, then the read floor" >&2
    read_all "$dir"
    floor=$(seconds read_all "$dir")

    echo "== $mb MB: kgexport, all $cpus threads" >&2
    read -r wall_n rss_n nodes edges < <(run_kgexport "$dir" "" "$out_root/${mb}mb-all.ttl")
    if [ "$mb" -le "$one_thread_max_mb" ]; then
        echo "== $mb MB: kgexport, 1 thread" >&2
        read -r wall_1 rss_1 _ _ < <(run_kgexport "$dir" 1 "$out_root/${mb}mb-1.ttl")
        if cmp -s "$out_root/${mb}mb-all.ttl" "$out_root/${mb}mb-1.ttl"; then
            identical=yes
        else
            identical=NO
        fi
        rm -f "$out_root/${mb}mb-1.ttl"
    else
        wall_1=0 rss_1=0 identical="not run"
    fi
    ttl_bytes=$(stat -c %s "$out_root/${mb}mb-all.ttl")
    ttl_mb=$(echo "scale=1; $ttl_bytes / 1000000" | bc)
    # not kept: the Turtle is several times the input
    rm -f "$out_root/${mb}mb-all.ttl"
    for level in "${levels[@]}"; do
        if [ "$level" = edge ]; then
            level_rows+=("$(level_row "$mb" "$bytes" edge "$wall_n" "$rss_n" "$ttl_bytes")")
            continue
        fi
        echo "== $mb MB: kgexport, all $cpus threads, --provenance $level" >&2
        read -r wall_l rss_l _ _ < <(run_kgexport "$dir" "" "$out_root/${mb}mb-$level.ttl" "$level")
        level_rows+=("$(level_row "$mb" "$bytes" "$level" "$wall_l" "$rss_l" \
            "$(stat -c %s "$out_root/${mb}mb-$level.ttl")")")
        rm -f "$out_root/${mb}mb-$level.ttl"
    done

    rows+=("$(awk -v mb="$mb" -v bytes="$bytes" -v articles="$articles" -v floor="$floor" \
        -v wn="$wall_n" -v w1="$wall_1" -v rn="$rss_n" -v r1="$rss_1" -v nodes="$nodes" \
        -v edges="$edges" -v same="$identical" -v ttl="$ttl_mb" -v cpus="$cpus" 'BEGIN {
        m = bytes / 1e6
        one = w1 > 0 ? sprintf("%.2f | %.2f× | %.0f", w1, w1 / wn, r1 / 1024) : "– | – | –"
        printf "| %s MB | %d | %.2f | %.2f | %.1f | %.0f | %.1f× | %s | %.0f | %d | %d | %s | %s |",
            mb, articles, floor, wn, m / wn, articles / wn, wn / floor, one,
            rn / 1024, nodes, edges, ttl, same
    }')")
done

echo "== done; $(uptime)" >&2
echo
echo "| corpus | articles | read floor (s) | time, all threads (s) | MB/s | articles/s | × floor | time, 1 thread (s) | speed-up | peak RSS, 1 thread (MB) | peak RSS, all (MB) | nodes | edges | Turtle (MB) | same output |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| corpus | --provenance | time, all threads (s) | MB/s | peak RSS (MB) | Turtle (MB) | × input |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${level_rows[@]}"
