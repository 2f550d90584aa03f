#!/usr/bin/env python3
"""Where does a treebank hang the comma after a fronted phrase?

For every comma whose left neighbour ends a fronted `obl`, `advcl` or `advmod` (a phrase
that depends on a word after the comma: "In early October, the team used ..."), count
whether the gold tree hangs the comma on that phrase (EWT's way) or on the word the phrase
depends on (PUD's way). Usage: scripts/punct_conventions.py FILE.conllu...
"""
import sys


def sentences(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if rows:
                yield rows
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    if rows:
        yield rows


def count(path):
    on_phrase = on_head = other = 0
    for rows in sentences(path):
        head = [0] + [int(r[6]) for r in rows]
        rel = [""] + [r[7].split(":")[0] for r in rows]
        n = len(rows)
        last = list(range(n + 1))  # the last word of each word's subtree
        for w in sorted(range(1, n + 1), key=lambda w: -depth(head, w)):
            last[head[w]] = max(last[head[w]], last[w])
        for p in range(2, n + 1):
            if rows[p - 1][1] != "," or rel[p] != "punct":
                continue
            # the highest word left of the comma whose subtree ends just before it
            u = p - 1
            while head[u] and head[u] < p and last[head[u]] == p - 1:
                u = head[u]
            if rel[u] not in ("obl", "advcl", "advmod") or head[u] <= p:
                continue
            if head[p] == u:
                on_phrase += 1
            elif head[p] == head[u]:
                on_head += 1
            else:
                other += 1
    return on_phrase, on_head, other


def depth(head, w):
    d = 0
    while head[w]:
        w = head[w]
        d += 1
    return d


for path in sys.argv[1:]:
    a, b, c = count(path)
    total = max(a + b + c, 1)
    print(f"{path}: commas after a fronted obl/advcl/advmod {a + b + c}: "
          f"on the phrase {a} ({100 * a / total:.0f}%), on its head {b} "
          f"({100 * b / total:.0f}%), elsewhere {c}")
