#!/usr/bin/env python3
"""NetworkX on the graph of the `store` bench: load time, peak memory, shortest_path.

    cargo bench --bench store        # runs this itself at the end when NetworkX is there
    python3 benches/networkx_store.py DIR

DIR/edges.tsv holds source, relation, target (each edge once, meets-with with the smaller
id first); DIR/pairs.tsv the pairs the bench asked `actorgraph path` for. The edges go into
an nx.DiGraph the way `path` walks them (meets-with both ways). Printed: the load time, the
process's peak resident memory after it, and for each pair the hop count and the time of
nx.shortest_path (median of 5 calls), then the median over pairs and load + that median,
which is what one `path` command must beat to answer as fast as a script that loads the
graph and asks once.
"""

import resource
import statistics
import sys
import time
from pathlib import Path

import networkx as nx


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: networkx_store.py DIR", file=sys.stderr)
        return 2
    d = Path(sys.argv[1])
    start = time.perf_counter()
    g = nx.DiGraph()
    with open(d / "edges.tsv", encoding="utf-8") as f:
        for line in f:
            s, r, t = line.rstrip("\n").split("\t")
            g.add_edge(s, t)
            if r == "meets-with":
                g.add_edge(t, s)
    load = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"NetworkX {nx.__version__}: loaded {g.number_of_nodes()} nodes, {g.number_of_edges()} edges in {load:.1f} s, peak RSS {rss:.0f} MB")
    times = []
    for line in open(d / "pairs.tsv", encoding="utf-8"):
        a, b = line.split()
        calls = []
        hops = -1
        for _ in range(5):
            t0 = time.perf_counter()
            try:
                hops = len(nx.shortest_path(g, a, b)) - 1
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                hops = -1
            calls.append(time.perf_counter() - t0)
        m = statistics.median(calls)
        times.append(m)
        print(f"  shortest_path {a} {b}: {hops} hops, {m * 1000:.2f} ms")
    med = statistics.median(times)
    print(f"NetworkX shortest_path median {med * 1000:.2f} ms; load + one query {load + med:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
