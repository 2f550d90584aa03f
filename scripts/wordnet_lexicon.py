#!/usr/bin/env python3
"""Builds data/syntax/wordnet.tsv.gz (gzip-compressed text), the part-of-speech lexicon the
tagger reads, from WordNet 3.0 as Debian's wordnet-base package installs it
(/usr/share/wordnet).

    apt-get install wordnet-base && python3 scripts/wordnet_lexicon.py

One line per single-word lemma or irregular form, lowercased, sorted:
`word<TAB>flags`, flags a decimal bit set (src/syntax/wordnet.rs reads it):

    bit 0..3  a lemma of WordNet's nouns, verbs, adjectives, adverbs
    bit 4     every noun sense is written capitalized (a proper name: "Paris")
    bit 5..7  an irregular form of a noun, verb, adjective ("mice", "went", "worse")
    bit 8..9  the part of speech with the most sense-tagged uses in WordNet's corpus
    bit 10    set when bits 8..9 say something (some sense was tagged)

Regular inflections ("attacked", "towns") are not listed: the tagger strips WordNet's
own suffix rules at run time and looks the stem up. Deterministic: the same WordNet gives
the same file.
"""

import gzip
import sys
from pathlib import Path

WN = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
OUT = Path(__file__).resolve().parent.parent / "data" / "syntax" / "wordnet.tsv.gz"
POS = ["noun", "verb", "adj", "adv"]


def single(word):
    return "_" not in word and word.isascii()


def main():
    flags = {}
    best = {}  # word -> (tagged count, pos index)
    for k, pos in enumerate(POS):
        for line in open(WN / f"index.{pos}", encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            word = f[0]
            if not single(word):
                continue
            flags[word] = flags.get(word, 0) | (1 << k)
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets
            p_cnt = int(f[3])
            tagged = int(f[5 + p_cnt])
            if tagged > 0 and tagged > best.get(word, (0, 0))[0]:
                best[word] = (tagged, k)
    capital, lower = set(), set()
    for line in open(WN / "data.noun", encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        for j in range(int(f[3], 16)):
            word = f[4 + 2 * j]
            if single(word):
                (capital if word[0].isupper() else lower).add(word.lower())
    for word in capital - lower:
        if word in flags:
            flags[word] |= 1 << 4
    for k, pos in enumerate(POS[:3]):
        for line in open(WN / f"{pos}.exc", encoding="latin-1"):
            f = line.split()
            if f and single(f[0]):
                flags[f[0]] = flags.get(f[0], 0) | (1 << (5 + k))
    for word, (_, k) in best.items():
        flags[word] |= (k << 8) | (1 << 10)
    text = "".join(f"{word}\t{flags[word]}\n" for word in sorted(flags))
    # gzip without a timestamp, so the same WordNet gives the same bytes
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(flags)} words -> {OUT}")


if __name__ == "__main__":
    main()
