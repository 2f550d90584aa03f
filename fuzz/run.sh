#!/usr/bin/env bash
# Runs fuzz targets one after another, each single-process for SECONDS (default 600), and
# logs start, end and the last status line of each to LOGDIR (default /tmp/actorgraph-fuzz).
# Usage: fuzz/run.sh [TARGET...]   (default: all five)
set -u
cd "$(dirname "$0")"
secs=${SECONDS_PER_TARGET:-600}
logdir=${LOGDIR:-/tmp/actorgraph-fuzz}
mkdir -p "$logdir"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract graph_load jsonl_import lexicon conllu)
for t in "${targets[@]}"; do
    log="$logdir/$t-$(date -u +%Y%m%dT%H%M%S).log"
    start=$(date -u +%FT%TZ)
    cargo +nightly fuzz run -s none -a "$t" -- \
        -max_total_time="$secs" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1
    rc=$?
    end=$(date -u +%FT%TZ)
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    echo "$t start=$start end=$end rc=$rc execs=${execs:-?} log=$log" | tee -a "$logdir/summary.txt"
done
