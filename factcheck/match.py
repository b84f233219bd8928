"""Claim table -> candidate pairs: the same measure reported by two articles.

Cost stays far below all-pairs by blocking: claims are only compared inside a block of the same
unit and role class ("GBP, plain or total" never meets "person, change"), and inside a block
rapidfuzz scores the measure texts of all pairs in one vectorised call. A pair is kept when it is
each claim's best counterpart in the other article and its score clears the threshold for its
kind: figures that already agree need less evidence than figures that would contradict.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from . import periods

# Minimum alignment score (0..1) to pair two claims whose values agree, and whose values differ
# (a would-be contradiction must rest on stronger evidence that it is the same measure).
MIN_SCORE_SAME_VALUE = 0.30
MIN_SCORE_DIFFERENT_VALUE = 0.45
# rapidfuzz pre-filter on the measure texts (0..100): pairs below it are not scored further.
PREFILTER_CUTOFF = 20.0

PAIR_COLUMNS = ["a", "b", "score", "fuzzy", "overlap", "period_relation"]

# Roles that state a different kind of figure from a level: they only meet their own kind.
_ROLE_CLASS = {"rate": "rate", "change": "change", "difference": "difference"}


def role_class(role: object) -> str:
    """The blocking class of a role: rate, change and difference only meet their own kind."""
    return _ROLE_CLASS.get(role if isinstance(role, str) else "", "level")


def _idf(contexts: list[list[str]]) -> dict[str, float]:
    df = Counter(w for ctx in contexts for w in set(ctx))
    n = max(len(contexts), 1)
    return {w: math.log(1 + n / c) for w, c in df.items()}


def _weighted_overlap(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """IDF-weighted Jaccard of two word sets: shared rare words count most."""
    if not a or not b:
        return 0.0
    inter = sum(idf.get(w, 1.0) for w in a & b)
    union = sum(idf.get(w, 1.0) for w in a | b)
    return inter / union if union else 0.0


def values_close(a: pd.Series | dict, b: pd.Series | dict) -> bool:
    """True when the stated values are within 2% of each other (a cue for the same measure)."""
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= 0.02 * max(abs(va), abs(vb), 1e-9)


def candidate_pairs(claims: pd.DataFrame) -> pd.DataFrame:
    """Return aligned cross-article claim pairs (row labels a, b) with their scores."""
    if claims.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    eligible = claims[(claims["unit_family"] != "ratio")]
    contexts = [c.split() for c in eligible["context"].tolist()]
    idf = _idf(contexts)
    ctx_sets = dict(zip(eligible.index, (set(c) for c in contexts)))

    blocks: dict[tuple, list] = defaultdict(list)
    for idx, unit, role in zip(eligible.index, eligible["unit"], eligible["role"]):
        blocks[(unit, role_class(role))].append(idx)

    # best[(claim, other article)] = (score, pair); kept if best from either side.
    best: dict[tuple, tuple[float, tuple]] = {}
    records = eligible.to_dict("index")
    for members in blocks.values():
        if len(members) < 2:
            continue
        articles = [records[i]["article"] for i in members]
        if len(set(articles)) < 2:
            continue
        measures = [records[i]["measure"] for i in members]
        matrix = process.cdist(measures, measures, scorer=fuzz.token_set_ratio,
                               score_cutoff=PREFILTER_CUTOFF, dtype=np.uint8, workers=1)
        ii, jj = np.nonzero(np.triu(matrix, k=1))
        for i, j in zip(ii.tolist(), jj.tolist()):
            ia, ib = members[i], members[j]
            ra, rb = records[ia], records[ib]
            if ra["article"] == rb["article"]:
                continue
            prel = periods.relation(ra, rb)
            if prel == "different" and (ra["period_kind"] or rb["period_kind"]):
                continue  # stated periods that differ: not the same figure
            overlap = _weighted_overlap(ctx_sets[ia], ctx_sets[ib], idf)
            fuzzy = matrix[i, j] / 100.0
            score = 0.6 * overlap + 0.4 * fuzzy
            close = values_close(ra, rb)
            if close and ra["bound"] == "exact" and rb["bound"] == "exact":
                score += 0.15  # the very same figure is itself evidence of the same measure
            if prel in ("same", "update"):
                score += 0.05
            score = min(score, 1.0)
            need = MIN_SCORE_SAME_VALUE if close else MIN_SCORE_DIFFERENT_VALUE
            if score < need:
                continue
            pair = (ia, ib, score, fuzzy, overlap, prel)
            for key in ((ia, rb["article"]), (ib, ra["article"])):
                if key not in best or score > best[key][0]:
                    best[key] = (score, pair)
    pairs = sorted({p for _, p in best.values()}, key=lambda p: (p[0], p[1]))
    return pd.DataFrame(pairs, columns=PAIR_COLUMNS)
