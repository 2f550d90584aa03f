#!/usr/bin/env bash
# Peak memory (max RSS, from /usr/bin/time -v) of `actorgraph ingest` on JSONL corpora of
# growing size, built from the test articles in tests/fixtures/articles/.
#
#   benches/ingest_rss.sh [N...]     (default: 1000 10000)
#
# For each N, three corpora:
#   distinct  N articles with distinct ids: the graph (and its evidence) grows with N;
#   same-ids  N articles cycling through 10 ids: each replaces an earlier version, so the
#             graph stays small and any growth in RSS would come from reading the input;
#   1MB-lines N/100 lines of about 1 MB each (some 740 articles joined per line, so N/100
#             documents of 1 MB and 7.4 N articles' worth of text): very long lines.
# Prints one line per run: corpus, N, input MB, seconds, max RSS MB, graph file MB.
# Environment: INGEST_GRAPH_EXT (db, the default, for an SQLite database; json for a JSON
# file), INGEST_FLAGS (more ingest flags, e.g. --no-trees), INGEST_MODES (the corpora to
# run, default "distinct same-ids 1MB-lines").
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time)" >&2; exit 2; }
cargo build --release -q
bin=target/release/actorgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gen() { # gen MODE N OUT
    python3 - "$1" "$2" "$3" <<'EOF'
import json, pathlib, sys
mode, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
arts = [p.read_text() for p in sorted(pathlib.Path("tests/fixtures/articles").glob("*.txt"))]
def variant(k):
    a = arts[k % len(arts)]
    paras = a.split("\n\n")
    r = (k // len(arts)) % len(paras)
    text = "\n\n".join(paras[r:] + paras[:r])
    shift = k // len(arts)
    return "".join(str((int(c) + shift) % 10) if c.isdigit() else c for c in text)
with open(out, "w") as f:
    if mode == "1MB-lines":
        k = 0
        for line in range(max(1, n // 100)):
            parts, size = [], 0
            while size < 1_000_000:
                t = variant(k); k += 1
                parts.append(t); size += len(t.encode())
            f.write(json.dumps({"id": f"big-{line}", "date": "2024-12-05", "text": "\n\n".join(parts)}) + "\n")
    else:
        for k in range(n):
            doc_id = f"a{k}" if mode == "distinct" else f"a{k % 10}"
            f.write(json.dumps({"id": doc_id, "date": "2024-12-05", "title": f"Report {k}", "text": variant(k)}) + "\n")
EOF
}

[ $# -gt 0 ] || set -- 1000 10000
printf '%-10s %7s %9s %8s %12s %9s\n' corpus N input_MB seconds max_RSS_MB graph_MB
for n in "$@"; do
    for mode in ${INGEST_MODES:-distinct same-ids 1MB-lines}; do
        input="$work/$mode-$n.jsonl"
        graph="$work/g-$mode-$n.${INGEST_GRAPH_EXT:-db}"
        gen "$mode" "$n" "$input"
        # shellcheck disable=SC2086 # INGEST_FLAGS is a list of flags
        /usr/bin/time -v "$bin" --graph "$graph" ingest -q ${INGEST_FLAGS:-} "$input" >/dev/null 2>"$work/time.txt"
        rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
        secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
        printf '%-10s %7s %9.1f %8.1f %12.1f %9.1f\n' "$mode" "$n" \
            "$(echo "$(stat -c %s "$input") / 1000000" | bc -l)" "$secs" \
            "$(echo "$rss_kb / 1024" | bc -l)" \
            "$(echo "$(stat -c %s "$graph") / 1000000" | bc -l)"
        rm -f "$input" "$graph" "$graph-wal" "$graph-shm"
    done
done
