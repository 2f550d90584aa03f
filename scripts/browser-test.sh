#!/usr/bin/env bash
# The browser test of `actorgraph serve`: builds the release binary (or takes the one
# $ACTORGRAPH_BIN names, as CI does with its debug build), copies the bundled
# example graph into a throwaway SQLite database (with one article ingested), and runs tests/browser/test_serve.py
# (which starts `serve --port 0`, drives headless Chromium and stops the server).
# Screenshots go to $ACTORGRAPH_SCREENSHOTS (default target/browser-screenshots/).
# Without Selenium, Chromium or chromedriver the test prints why and passes, except under
# CI=true. Run from anywhere: scripts/browser-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACTORGRAPH_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release -q
    bin=target/release/actorgraph
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" convert graphs/example.json "$dir/g.db" >/dev/null
# one statement found in text, so that its evidence knows its trigger word
printf 'Belarus backs Serbia.\n' > "$dir/belarus.txt"
"$bin" --graph "$dir/g.db" ingest -q --date 2024-12-01 "$dir/belarus.txt" >/dev/null
python3 tests/browser/test_serve.py "$bin" "$dir/g.db"
