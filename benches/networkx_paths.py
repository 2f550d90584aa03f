#!/usr/bin/env python3
"""NetworkX's shortest_path on the graph and pairs of the `queries` bench, beside ours.

    QUERIES_BENCH_EXPORT=/tmp/qb cargo bench --bench queries
    python3 benches/networkx_paths.py /tmp/qb

The bench writes DIR/edges.tsv (source, relation, target: each edge once, meets-with with
the smaller id first), DIR/pairs.tsv and DIR/ours.tsv (source, target, our hop count or -1,
the method, `graph` for Graph::shortest_path or `adjacency` for Adjacency::shortest_path,
then one time in microseconds per repetition). Here the edges go into an nx.DiGraph the
way `path` walks them: each edge the way it points, meets-with both ways. Each pair is
timed with nx.shortest_path as many times as ours was (after one warm-up pass), and the
medians over every call are printed side by side. Hop counts are compared: ours stops at
6 hops (PathQuery's default), so a pair NetworkX joins in more hops is one we call
unconnected.
"""

import statistics
import sys
import time
from pathlib import Path

import networkx as nx

MAX_HOPS = 6


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: networkx_paths.py DIR (written by QUERIES_BENCH_EXPORT=DIR cargo bench --bench queries)", file=sys.stderr)
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
    print(
        f"loaded {g.number_of_nodes()} nodes, {g.number_of_edges()} directed pairs "
        f"in {time.perf_counter() - start:.1f} s (networkx {nx.__version__})"
    )
    ours = []
    methods = {}
    with open(d / "ours.tsv", encoding="utf-8") as f:
        for line in f:
            a, b, hops, method, *times = line.rstrip("\n").split("\t")
            times = [float(t) for t in times]
            methods.setdefault(method, []).extend(times)
            if method == "graph":
                ours.append((a, b, int(hops), times))
    repeats = len(ours[0][3])

    def hops_of(a, b):
        try:
            return len(nx.shortest_path(g, a, b)) - 1
        except nx.NetworkXNoPath:
            return -1

    theirs = [hops_of(a, b) for a, b, _, _ in ours]  # also the warm-up pass
    times = [[] for _ in ours]
    for _ in range(repeats):
        for i, (a, b, _, _) in enumerate(ours):
            t = time.perf_counter()
            try:
                nx.shortest_path(g, a, b)
            except nx.NetworkXNoPath:
                pass
            times[i].append((time.perf_counter() - t) * 1e6)

    agree = 0
    for (a, b, h, _), n in zip(ours, theirs):
        if h == n or (h == -1 and (n == -1 or n > MAX_HOPS)):
            agree += 1
        else:
            print(f"hop counts differ for {a} -> {b}: ours {h}, networkx {n}")
    beyond = sum(1 for (_, _, h, _), n in zip(ours, theirs) if h == -1 and n > MAX_HOPS)
    nx_med = statistics.median(t for ts in times for t in ts)
    print(f"pairs {len(ours)}, {repeats} calls each; hop counts agree on {agree}"
          f" ({beyond} joined only beyond {MAX_HOPS} hops, unconnected for us)")
    print(f"{'':36}{'median':>10}  against networkx")
    print(f"{'networkx shortest_path':36}{nx_med:>7.1f} µs")
    for method, ts in methods.items():
        med = statistics.median(ts)
        ratio = f"{nx_med / med:.1f}x faster" if med <= nx_med else f"{med / nx_med:.1f}x slower"
        name = "Graph" if method == "graph" else "Adjacency"
        print(f"{'actorgraph ' + name + '::shortest_path':36}{med:>7.1f} µs  {ratio}")
    return 0 if agree == len(ours) else 1


if __name__ == "__main__":
    sys.exit(main())
