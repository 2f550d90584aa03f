#!/usr/bin/env bash
# Scores the release binary on the shared dev set: all 25 articles, the older 15 and the
# newer 10 (../shared/eval/dev-newer.txt) on their own lines. Usage: scripts/eval-dev.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${ACTORGRAPH_EVAL:-../shared/eval}
bin=target/release/actorgraph
out=$(mktemp -d); old=$(mktemp -d); new=$(mktemp -d); og=$(mktemp -d); ng=$(mktemp -d)
trap 'rm -rf "$out" "$old" "$new" "$og" "$ng"' EXIT
for t in "$eval_dir"/dev/*.txt; do
    n=$(basename "$t" .txt)
    "$bin" extract "$t" --format json > "$out/$n.json"
    if grep -qx "$n" "$eval_dir/dev-newer.txt"; then d=$new; g=$ng; else d=$old; g=$og; fi
    cp "$out/$n.json" "$d/"; cp "$eval_dir/dev/$n.gold.json" "$g/"
done
python3 "$eval_dir/score.py" "$eval_dir/dev" "$out" "$@"
for part in older:$og:$old newer:$ng:$new; do
    IFS=: read -r name g d <<<"$part"
    python3 "$eval_dir/score.py" "$g" "$d" --json | python3 -c "
import json,sys; j=json.load(sys.stdin)
print('$name', ' '.join(f'{k}={j[k]:.3f}' if isinstance(j[k], float) else f'{k}={j[k]}' for k in ('precision','recall','f1','traps') if k in j))"
done
