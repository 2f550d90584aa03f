#!/usr/bin/env bash
# Rebuilds the example graph, its DOT and its SVG from graphs/example.jsonl.
# Run from the repository root: graphs/build.sh
set -euo pipefail
ag() { cargo run -q --release -- --graph graphs/example.json "$@"; }
rm -f graphs/example.json
ag import graphs/example.jsonl
ag alias "Hayat Tahrir al-Sham" HTS
ag alias "Bashar al-Assad" Assad
ag alias "Abu Mohammed al-Jolani" "Ahmed al-Sharaa"
ag alias Russia Moscow
ag alias Iran Tehran
ag alias Turkey Ankara
ag export --format dot -o graphs/example.dot
dot -Tsvg graphs/example.dot -o graphs/example.svg
ag render -o graphs/example.png --title "Syria, November-December 2024"
