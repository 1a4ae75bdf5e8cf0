#!/usr/bin/env python3
"""NumPy peer of bench/scoring.bench.ts: the same computations, vectorised.

Usage: python3 bench/numpy/scoring_peer.py <data-dir>

<data-dir>/meta.json gives the shapes, weights, criterion types, VIKOR v, SMAA samples and seed;
X.f64 is the m x n raw matrix and V.f64 the SMAA utility matrix (row-major little-endian float64),
written by the TypeScript side from the same seeded generator.

Protocol (so that both sides are timed alternately, under the same machine load): the peer loads
the data, runs every computation once (warm-up), writes each result to <data-dir> for the
TypeScript side to check agreement, prints {"ready": true, "numpy": version}, then for each line
"wsm" | "topsis" | "vikor" | "smaa" on stdin runs that computation once and prints its wall time
in milliseconds. If NumPy is missing it prints {"error": "numpy not available"} and exits.
"""
import json
import os
import sys
import time

try:
    import numpy as np
except ImportError:  # pragma: no cover - depends on the machine
    print(json.dumps({"error": "numpy not available"}), flush=True)
    sys.exit(0)


def rank_desc(s):
    """Competition ranking (1 = largest, ties share the best rank: 1, 2, 2, 4)."""
    order = np.argsort(-s, kind="stable")
    ss = s[order]
    new = np.empty(s.shape[0], dtype=bool)
    new[0] = True
    np.not_equal(ss[1:], ss[:-1], out=new[1:])
    pos = np.arange(s.shape[0])
    start = np.maximum.accumulate(np.where(new, pos, 0))
    ranks = np.empty(s.shape[0], dtype=np.int64)
    ranks[order] = start + 1
    return ranks


def wsm(X, w, cost):
    """WSM with linear (max) normalisation: x/max for benefit, min/x for cost."""
    R = X * (1.0 / X.max(axis=0))
    R[:, cost] = X[:, cost].min(axis=0) / X[:, cost]
    s = R @ w
    return s, rank_desc(s)


def topsis(X, w, cost):
    """Classical TOPSIS, vector normalisation, ideal = max (benefit) / min (cost)."""
    norm = np.sqrt(np.einsum("ij,ij->j", X, X))
    V = X * (w / norm)
    vmax, vmin = V.max(axis=0), V.min(axis=0)
    ideal = np.where(cost, vmin, vmax)
    anti = np.where(cost, vmax, vmin)
    dp = np.sqrt(((V - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((V - anti) ** 2).sum(axis=1))
    c = dm / (dp + dm)
    return c, rank_desc(c)


def vikor(X, w, cost, v):
    """VIKOR S, R, Q, ranking by Q and the compromise set (Opricovic & Tzeng 2004)."""
    xmax, xmin = X.max(axis=0), X.min(axis=0)
    best = np.where(cost, xmin, xmax)
    worst = np.where(cost, xmax, xmin)
    T = (best - X) * (w / (best - worst))
    S = T.sum(axis=1)
    R = T.max(axis=1)
    Q = v * (S - S.min()) / (S.max() - S.min()) + (1 - v) * (R - R.min()) / (R.max() - R.min())
    ranks = rank_desc(-Q)
    order = np.argsort(Q, kind="stable")
    a1 = order[0]
    dq = 1.0 / (X.shape[0] - 1)
    adv = Q[order[1]] - Q[a1] >= dq
    stab = S[a1] == S.min() or R[a1] == R.min()
    if not adv:
        compromise = np.nonzero(Q - Q[a1] < dq)[0]
    elif not stab:
        compromise = np.nonzero(Q <= Q[order[1]])[0]  # a', a'' and any tie with a''

    else:
        compromise = np.array([a1])
    return Q, ranks, compromise


def smaa(V, samples, seed):
    """SMAA-2: flat-Dirichlet weights, rank acceptabilities, central weights, confidence."""
    m, n = V.shape
    rng = np.random.default_rng(seed)
    E = rng.standard_exponential((samples, n))
    W = E / E.sum(axis=1, keepdims=True)
    U = W @ V.T  # samples x m
    order = np.argsort(-U, axis=1)  # alternatives by rank, per sample
    flat = (order * m + np.arange(m)).ravel()
    acc = np.bincount(flat, minlength=m * m).reshape(m, m) / samples  # [alternative, rank]
    first = order[:, 0]
    cnt = np.bincount(first, minlength=m)
    cw = np.zeros((m, n))
    np.add.at(cw, first, W)
    has = cnt > 0
    central = np.full((m, n), np.nan)
    central[has] = cw[has] / cnt[has, None]
    conf = np.zeros(m)
    idx = np.nonzero(has)[0]
    if idx.size:
        Uc = central[idx] @ V.T
        conf[idx] = (Uc.argmax(axis=1) == idx).astype(float)
    return acc, central, conf


def main():
    d = sys.argv[1]
    meta = json.load(open(os.path.join(d, "meta.json")))
    m, n = meta["m"], meta["n"]
    X = np.fromfile(os.path.join(d, "X.f64"), dtype="<f8").reshape(m, n)
    sm, sn = meta["smaa_m"], meta["smaa_n"]
    V = np.fromfile(os.path.join(d, "V.f64"), dtype="<f8").reshape(sm, sn)
    w = np.asarray(meta["weights"], dtype=float)
    w = w / w.sum()
    cost = np.asarray([t == "cost" for t in meta["types"]])
    v = meta["v"]
    samples, seed = meta["samples"], meta["seed"]

    jobs = {
        "wsm": lambda: wsm(X, w, cost),
        "topsis": lambda: topsis(X, w, cost),
        "vikor": lambda: vikor(X, w, cost, v),
        "smaa": lambda: smaa(V, samples, seed),
    }
    # Warm-up, and results for the agreement check.
    s, r = jobs["wsm"]()
    s.astype("<f8").tofile(os.path.join(d, "wsm_scores.f64"))
    r.astype("<i4").tofile(os.path.join(d, "wsm_ranks.i32"))
    c, r = jobs["topsis"]()
    c.astype("<f8").tofile(os.path.join(d, "topsis_closeness.f64"))
    r.astype("<i4").tofile(os.path.join(d, "topsis_ranks.i32"))
    q, r, comp = jobs["vikor"]()
    q.astype("<f8").tofile(os.path.join(d, "vikor_q.f64"))
    r.astype("<i4").tofile(os.path.join(d, "vikor_ranks.i32"))
    acc, _, _ = jobs["smaa"]()
    acc[:, 0].astype("<f8").tofile(os.path.join(d, "smaa_first.f64"))
    print(json.dumps({"ready": True, "numpy": np.__version__, "vikor_compromise": [int(i) for i in comp]}), flush=True)

    for line in sys.stdin:
        job = jobs.get(line.strip())
        if job is None:
            break
        t0 = time.perf_counter()
        job()
        print("%.3f" % ((time.perf_counter() - t0) * 1000.0), flush=True)


if __name__ == "__main__":
    main()
