"""Claim table -> candidate pairs: the same measure reported by two articles.

Claims only meet inside their story and inside a block of one kind of quantity (money in one
currency; durations, lengths or masses in any of their units; every count of things or people;
a rate, change or difference only its own kind). Inside a block, a cheap filter keeps the pairs
whose measure texts are alike (rapidfuzz, all pairs of the block in one vectorised call) or whose
figures are close; each pair kept is described by the named features of ``features`` and scored
by the fitted logistic model of ``model``. A claim keeps its best counterpart in each other
article when the probability that both measure the same quantity clears the threshold: higher
for figures that would contradict than for figures that already agree.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from . import features, model, periods, units

# rapidfuzz pre-filter on the measure texts (0..100); pairs below it are still scored when their
# figures are within NEAR_VALUE of each other.
PREFILTER_CUTOFF = 20.0
NEAR_VALUE = 0.12

PAIR_COLUMNS = ["a", "b", "score", "period_relation", "reasons"]

# Roles that state a different kind of figure from a level: they only meet their own kind.
_ROLE_CLASS = {"rate": "rate", "change": "change", "difference": "difference"}
_NAMES = list(features.SAME_MEASURE)


def role_class(role: object) -> str:
    """The blocking class of a role: rate, change and difference only meet their own kind."""
    return _ROLE_CLASS.get(role if isinstance(role, str) else "", "level")


def prepared(claims: pd.DataFrame) -> tuple[list[dict], list[str]]:
    """The claims that can be aligned, as rows in base units with their sentence's crowding,
    and each one's comparison kind."""
    # Ratios ("doubling") and vague amounts ("hundreds") say too little to align on their own.
    eligible = claims[(claims["unit_family"] != "ratio") & ~claims["vague"].astype(bool)]
    crowd = eligible.groupby(["article", "sentence_start"])["id"].transform("size")
    rows = []
    for (idx, rec), n in zip(eligible.to_dict("index").items(), crowd):
        row = units.in_base(rec)
        row["index"], row["crowd"] = idx, int(n)
        rows.append(row)
    return rows, [units.kind(r) for r in rows]


def candidates(block: list[dict]) -> list[tuple[int, int]]:
    """Index pairs of a block worth scoring: other article, and alike words or close figures."""
    measures = [r["measure"] for r in block]
    matrix = process.cdist(measures, measures, scorer=fuzz.token_set_ratio,
                           score_cutoff=PREFILTER_CUTOFF, dtype=np.uint8, workers=1)
    values = np.array([float(r["value"]) for r in block])
    scale = np.maximum(np.abs(values)[:, None], np.abs(values)[None, :])
    close = np.abs(values[:, None] - values[None, :]) <= NEAR_VALUE * np.maximum(scale, 1e-9)
    arts = np.array([hash(r["article"]) for r in block])
    keep = np.triu((matrix > 0) | close, k=1) & (arts[:, None] != arts[None, :])
    ii, jj = np.nonzero(keep)
    return list(zip(ii.tolist(), jj.tolist()))


def candidate_pairs(claims: pd.DataFrame, matcher: model.Matcher | None = None) -> pd.DataFrame:
    """Return aligned cross-article claim pairs (row labels a, b) with their scores."""
    if claims.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    matcher = matcher or model.current()
    rows, kinds = prepared(claims)
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_story[r["story"] if isinstance(r["story"], str) else ""].append(i)
    # best[(claim, other article, agrees)] = (score, pair): a claim's best counterpart in each
    # other article, among the figures that agree with it and among those that differ.
    best: dict[tuple, tuple[float, tuple]] = {}
    floor = min(matcher.min_same_value, matcher.min_different_value)
    for members in by_story.values():
        story = features.Story.of([rows[i] for i in members], [kinds[i] for i in members])
        blocks: dict[tuple, list[dict]] = defaultdict(list)
        for i in members:
            blocks[(kinds[i], role_class(rows[i]["role"]))].append(rows[i])
        for block in blocks.values():
            if len({r["article"] for r in block}) < 2:
                continue
            for i, j in candidates(block):
                _score_pair(block[i], block[j], story, matcher, floor, best)
    kept = set()
    for (ia, _, agree), (_, pair) in best.items():
        ib = pair[1] if pair[0] == ia else pair[0]
        # Figures that would contradict must be each other's best counterpart: one good word
        # match from one side is not enough to accuse an outlet.
        if agree or best[(ib, claims.at[ia, "article"], agree)][1] == pair:
            kept.add(pair)
    pairs = sorted(kept, key=lambda p: (p[0], p[1]))
    return pd.DataFrame(pairs, columns=PAIR_COLUMNS)


def _score_pair(ra: dict, rb: dict, story: features.Story, matcher: model.Matcher,
                floor: float, best: dict[tuple, tuple[float, tuple]]) -> None:
    """Score one candidate pair and keep it where it is a claim's best counterpart so far.
    (The verdicts apply each kind of finding's own threshold; ``floor`` is the lowest.)"""
    values = features.vector(features.SAME_MEASURE, ra, rb, story)
    p = matcher.same_measure.probability(_NAMES, values)
    agree = bool(features.compatible(ra, rb, story) and features.rel_diff(
        float(ra["value"]), float(rb["value"])) <= NEAR_VALUE)
    if p < floor:
        return
    prel = periods.relation(ra, rb)
    if not agree and prel == "different" and (ra["period_kind"] or rb["period_kind"]):
        return  # a stated period that differs ("in 2023" against "this year"): not one figure
    if not agree and (features.holder_clash(ra, rb, story) or features.event_clash(ra, rb, story)):
        return  # two holders' figures, or two outcomes, differ without contradicting
    ia, ib = ra["index"], rb["index"]
    pair = (ia, ib, round(p, 6), prel,
            "; ".join(matcher.same_measure.reasons(_NAMES, values)))
    for key in ((ia, rb["article"], agree), (ib, ra["article"], agree)):
        if key not in best or p > best[key][0]:
            best[key] = (p, pair)
