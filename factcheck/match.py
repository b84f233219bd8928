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
# Percentages are many and alike in wording (rates, shares, changes), so a would-be contradiction
# between two needs more evidence; durations ("four days of riots", "a seven-year deal") are
# nearly always about different spans, so they are never paired across different values.
MIN_SCORE_DIFFERENT_VALUE = {"default": 0.45, "percent": 0.6, "duration": 2.0, "age": 0.6}
# The very same exact figure, stated by at most this many articles of the run, adds this much.
MAX_ARTICLES_FOR_RARE = 3
SAME_RARE_FIGURE_BONUS = 0.15
# Figures within NEAR_SHARE of each other: most real contradictions are near misses (45,774 vs
# 45,755), while different measures that share a unit are usually far apart (12 vs 23 pirates).
NEAR_SHARE = 0.10
NEAR_FIGURE_BONUS = 0.12
# Both claims count the same specific noun ("democrat", "state", "page"), say the same thing
# happened to it ("crossed", "died"), give one named person's age, or state periods that match.
SAME_NOUN_BONUS = 0.10
SAME_EVENT_BONUS = 0.10
SAME_HOLDER_BONUS = 0.10  # two ages given for the same named person
SAME_PERIOD_BONUS = 0.10
# A would-be contradiction between figures from a sentence holding this many figures needs this
# much more evidence.
CROWDED_SENTENCE = 3
CROWDED_EXTRA = 0.10
# rapidfuzz pre-filter on the measure texts (0..100): pairs below it are not scored further.
PREFILTER_CUTOFF = 20.0

PAIR_COLUMNS = ["a", "b", "score", "fuzzy", "overlap", "period_relation"]

# Roles that state a different kind of figure from a level: they only meet their own kind.
_ROLE_CLASS = {"rate": "rate", "change": "change", "difference": "difference"}


def role_class(role: object) -> str:
    """The blocking class of a role: rate, change and difference only meet their own kind."""
    return _ROLE_CLASS.get(role if isinstance(role, str) else "", "level")


def _different_things(a: dict, b: dict) -> bool:
    """True when the claims name different counted nouns, outcomes or holders ("women" vs
    "children", "arrested" vs "injured", Ford's points vs Hansbrough's): never the same
    measure, however alike the sentences."""
    if a["noun"] and b["noun"] and a["noun"] != b["noun"]:
        return True
    if a["holder"] and b["holder"] and a["holder"] != b["holder"]:
        return True  # Hansbrough's 2,301 points and Ford's 2,290; a daughter's age, a mother's
    return bool(a["event"] and b["event"] and a["event"] != b["event"])


def _idf(contexts: list[list[str]]) -> dict[str, float]:
    df = Counter(w for ctx in contexts for w in set(ctx))
    n = max(len(contexts), 1)
    return {w: math.log(1 + n / c) for w, c in df.items()}


def _weighted_overlap(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """IDF-weighted Jaccard of two word sets: shared rare words count most."""
    if not a or not b:
        return 0.0
    # fsum: exactly rounded whatever the set's order, so scores do not move with the hash seed.
    inter = math.fsum(idf.get(w, 1.0) for w in a & b)
    union = math.fsum(idf.get(w, 1.0) for w in a | b)
    return inter / union if union else 0.0


def _near(a: dict, b: dict) -> bool:
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= NEAR_SHARE * max(abs(va), abs(vb), 1e-9)


def values_close(a: pd.Series | dict, b: pd.Series | dict) -> bool:
    """True when the stated values are within 2% of each other (a cue for the same measure)."""
    va, vb = float(a["value"]), float(b["value"])
    return abs(va - vb) <= 0.02 * max(abs(va), abs(vb), 1e-9)


def candidate_pairs(claims: pd.DataFrame) -> pd.DataFrame:
    """Return aligned cross-article claim pairs (row labels a, b) with their scores."""
    if claims.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    # Ratios ("doubling") and vague amounts ("hundreds") say too little to align on their own.
    eligible = claims[(claims["unit_family"] != "ratio") & ~claims["vague"].astype(bool)]
    contexts = [c.split() for c in eligible["context"].tolist()]
    ctx_sets = dict(zip(eligible.index, (set(c) for c in contexts)))
    stories = [st if isinstance(st, str) else "" for st in eligible["story"]]
    # IDF within each story: a story's topic words are in every claim of it and say nothing
    # about which figures measure the same thing.
    by_story: dict[str, list[list[str]]] = defaultdict(list)
    for story, ctx in zip(stories, contexts):
        by_story[story].append(ctx)
    idf_of = {story: _idf(ctxs) for story, ctxs in by_story.items()}

    # How many articles state each (unit, value): the same figure in two reports is evidence of
    # the same measure only when that figure is rare in the run.
    rarity = (eligible.assign(story=stories).groupby(["story", "unit", "value"])["article"]
              .nunique().to_dict())

    # Figures per sentence: lists and stat lines ("13 homers and 43 RBIs in 54 games") pack
    # many alike figures, and the words near each no longer say which is which.
    per_sentence = eligible.groupby(["article", "sentence_start"])["id"].transform("size")
    crowd = dict(zip(eligible.index, per_sentence))

    blocks: dict[tuple, list] = defaultdict(list)
    # Articles that name their story are only compared with the same story; articles that
    # name none form one story together (a folder given for one event).
    for idx, story, unit, role in zip(eligible.index, eligible["story"], eligible["unit"],
                                      eligible["role"]):
        blocks[(story if isinstance(story, str) else "", unit, role_class(role))].append(idx)

    # best[(claim, other article)] = (score, pair); kept if best from either side.
    best: dict[tuple, tuple[float, tuple]] = {}
    records = eligible.to_dict("index")
    for (story, _, _), members in blocks.items():
        if len(members) < 2:
            continue
        idf = idf_of[story]
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
            if _different_things(ra, rb):
                continue
            prel = periods.relation(ra, rb)
            if prel == "different" and (ra["period_kind"] or rb["period_kind"]):
                continue  # stated periods that differ: not the same figure
            overlap = _weighted_overlap(ctx_sets[ia], ctx_sets[ib], idf)
            fuzzy = matrix[i, j] / 100.0
            score = 0.7 * overlap + 0.3 * fuzzy
            close = values_close(ra, rb)
            if (close and ra["bound"] == "exact" and rb["bound"] == "exact"
                    and rarity.get((story, ra["unit"], ra["value"]), 0) <= MAX_ARTICLES_FOR_RARE):
                score += SAME_RARE_FIGURE_BONUS
            elif _near(ra, rb):
                score += NEAR_FIGURE_BONUS
            if ra["noun"] and ra["noun"] == rb["noun"]:
                score += SAME_NOUN_BONUS
            if ra["event"] and ra["event"] == rb["event"]:
                score += SAME_EVENT_BONUS
            if ra["unit_family"] == "age" and ra["holder"] and ra["holder"] == rb["holder"]:
                # One person has one age; a player's many figures are still many measures.
                score += SAME_HOLDER_BONUS
            if prel in ("same", "update") and ra["period_kind"] and rb["period_kind"]:
                score += SAME_PERIOD_BONUS
            score = min(score, 1.0)
            family = ra["unit_family"]
            if family == "age" and ra["holder"] and ra["holder"] == rb["holder"]:
                family = "default"  # one named holder ("Cowan, 43"): the same person's age
            need = MIN_SCORE_SAME_VALUE if close else MIN_SCORE_DIFFERENT_VALUE.get(
                family, MIN_SCORE_DIFFERENT_VALUE["default"])
            if not close and max(crowd[ia], crowd[ib]) >= CROWDED_SENTENCE:
                need += CROWDED_EXTRA
            if score < need:
                continue
            pair = (ia, ib, score, fuzzy, overlap, prel)
            for key in ((ia, rb["article"]), (ib, ra["article"])):
                if key not in best or score > best[key][0]:
                    best[key] = (score, pair)
    pairs = sorted({p for _, p in best.values()}, key=lambda p: (p[0], p[1]))
    return pd.DataFrame(pairs, columns=PAIR_COLUMNS)
