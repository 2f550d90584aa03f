#!/usr/bin/env python3
"""Builds data/syntax/clusters.tsv.gz (gzip-compressed text), the word clusters the tagger
and parser read, from the Brown clusters that ExplosionAI publishes in the PyPI package
spacy-lookups-data (MIT licence; `en_lexeme_cluster`: 1,000 clusters of about 190,000
English words, learned from a large web corpus of raw text). They group words that occur
in similar contexts, so a word the treebank never showed ("annexed", "insurgency") lands
next to words it did.

    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/lookups
    python3 scripts/brown_clusters.py /tmp/lookups/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

One line per cluster, sorted: `path<TAB>word word ...` (the words with their case, as the
clusters were learned), where path is the cluster's bit string in the binary tree of
clusters, read from its first bit (the low bit of spaCy's integer, which stores the string
reversed). Words with no cluster, and words with white space, are left out. Deterministic:
the same package gives the same file.
"""

import gzip
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "syntax" / "clusters.tsv.gz"
MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main():
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        clusters = json.loads(gzip.decompress(wheel.read(MEMBER)))
    groups = {}
    for word, value in clusters.items():
        if not value or not word or any(c.isspace() for c in word):
            continue
        # spaCy stores int(path[::-1], 2): bit k of the integer is the path's k-th bit;
        # trailing zeros of the path are lost, so the path is as long as the integer
        path = "".join("1" if value >> k & 1 else "0" for k in range(value.bit_length()))
        groups.setdefault(path, []).append(word)
    text = "".join(f"{p}\t{' '.join(sorted(ws))}\n" for p, ws in sorted(groups.items()))
    # gzip without a timestamp, so the same package gives the same bytes
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {sum(map(len, groups.values()))} words in {len(groups)} clusters")


if __name__ == "__main__":
    main()
