"""Claim table -> candidate pairs: the same measure reported by two articles.

Claims only meet inside their story and inside a block of one kind of quantity (money in one
currency; durations, lengths or masses in any of their units; every count of things or people).
A rate, change or difference meets a level only where their figures agree ("a 29.6% fall",
"fell almost 30 per cent"). Inside a block, a cheap filter keeps the pairs
whose measure texts are alike (rapidfuzz, all pairs of the block in one vectorised call), whose
figures are close (or one a bound the other satisfies), or that are one named person's ages or
two reports' running counts of one outcome; each pair kept is described by the named features
of ``features`` and scored
by the fitted logistic model of ``model``. A claim keeps its best counterpart in each other
article when the probability that both measure the same quantity clears the threshold: higher
for figures that would contradict than for figures that already agree, which must also be each
other's best counterpart. Below the threshold, two counts of one noun or outcome that are each
other's closest figure in the two reports ("86 arrests", "more than 200 people arrested") are
still aligned, for a reason the verdicts may find for their difference, never to accuse. So
is a figure and another report's figure for another period or stage, where that report also
gives one agreeing with the first for its own ("1,072 on Saturday" in one report; "1,072 on
Saturday" and "655 on Thursday" in the other).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from . import features, model, periods, phrases, units
from .schema import rows_by_index

# rapidfuzz pre-filter on the measure texts (0..100); pairs below it are still scored when their
# figures are within NEAR_VALUE of each other.
PREFILTER_CUTOFF = 70.0
NEAR_VALUE = 0.12
# Two counts of one noun or outcome that are each other's closest figure in two reports are
# aligned from this probability of one measure on (below the matcher's thresholds), for a
# reason only: most of the dev gold's parts of a whole and updates that the model misses are
# such pairs. (0.02 added findings and no labelled pair on the dev stories; 0.05 lost one.)
CLOSEST_MIN = 0.03
# ... and only for nouns or outcomes a report gives at most this many figures of, and
# figures at most this many times each other.
CLOSEST_PER_REPORT = 2
CLOSEST_RATIO = 10.0
# An increment meets the sums of its unit up to this many times it (an extra 0.4p on a 4.8p
# dividend; an extra £14m on a £164m budget).
INCREMENT_RATIO = 50.0
# A figure against another report's figure for another period or stage, where that report
# itself gives one agreeing with the first: aligned from this probability on.
OTHER_PERIOD_MIN = 0.02
# Two figures whose digits are one another's swapped or a decimal point or a thousand apart
# ("$307 million", "$3.07 billion") are aligned from this probability on: such slips are rare
# by chance, and a crowded story of sums scores every pair low. (One digit changed needs
# ``CLOSEST_MIN``: it meets by chance more often.)
SLIP_MIN = 0.01

PAIR_COLUMNS = ["a", "b", "score", "period_relation", "reasons", "rule"]

# Roles that state a different kind of figure from a level: they only meet their own kind.
_ROLE_CLASS = {"rate": "rate", "change": "change", "difference": "difference"}
_NAMES = list(features.SAME_MEASURE)
_NO_STORY = features.Story()
# Where ``one_count_one_period``'s feature sits in a pair's vector (read, not computed twice).
_UNIQUE_MATCH = _NAMES.index("unique_match")
_PHRASE_OVERLAP = _NAMES.index("phrase_overlap")
_SAME_PHRASE = _NAMES.index("same_phrase")
_NAMES_SHARED = _NAMES.index("names_shared")
_ONLY_ONE_EACH = _NAMES.index("only_one_each")


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
    for (idx, rec), n in zip(rows_by_index(eligible).items(), crowd):
        row = units.in_base(rec)
        row["index"], row["crowd"] = idx, int(n)
        rows.append(features.prepare(row))
    return rows, [r["_kind"] for r in rows]


def candidates(block: list[dict]) -> list[tuple[int, int]]:
    """Index pairs of a block worth scoring: other article, and alike words or close figures."""
    keep, _ = _candidate_matrices(block, _NO_STORY)
    ii, jj = np.nonzero(keep)
    return list(zip(ii.tolist(), jj.tolist()))


def _candidate_matrices(block: list[dict], story: features.Story
                        ) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of a block worth scoring (upper triangle, other article), and the pairs of
    counts of one noun or outcome beside them, scored for ``closest`` alignment only."""
    measures = [r["measure"] for r in block]
    matrix = process.cdist(measures, measures, scorer=fuzz.token_set_ratio,
                           score_cutoff=PREFILTER_CUTOFF, dtype=np.uint8, workers=1)
    values = np.array([float(r["value"]) for r in block])
    scale = np.maximum(np.abs(values)[:, None], np.abs(values)[None, :])
    gap = np.abs(values[:, None] - values[None, :])
    close = gap <= NEAR_VALUE * np.maximum(scale, 1e-9)
    keep = (matrix > 0) | close
    # A bound and an exact figure that satisfies it ("less than two weeks", "12 days").
    bound = np.array([r["bound"] in ("lower", "upper") for r in block])
    if bound.any():
        lows = np.array([r["_tolerant"][0] for r in block])
        highs = np.array([r["_tolerant"][1] for r in block])
        exact = np.array([r["bound"] == "exact" for r in block])
        one_bound = (bound[:, None] & exact[None, :]) | (exact[:, None] & bound[None, :])
        meet = (lows[:, None] <= highs[None, :]) & (lows[None, :] <= highs[:, None])
        keep |= one_bound & meet & (gap <= features.BOUND_SHARE * np.maximum(scale, 1e-9))
    # A narrow range and an exact figure at one of its ends ("8- to 12-week-old", "12-week-old").
    ranged = np.array([r["bound"] == "range" and r["unit"] != "count" for r in block])
    if ranged.any():
        exact = np.array([r["bound"] == "exact" for r in block])
        ends = np.array([(r["low"], r["high"]) if r["bound"] == "range" else (np.nan, np.nan)
                         for r in block], dtype=float)
        low, high = ends[:, 0], ends[:, 1]
        narrow = ranged & (low > 0) & (high <= features.RANGE_SPAN * low)
        near = features.RANGE_END * np.maximum(np.abs(values)[None, :], 1e-9)
        at_end = ((np.abs(low[:, None] - values[None, :]) <= near)
                  | (np.abs(high[:, None] - values[None, :]) <= near))
        inside = narrow[:, None] & exact[None, :] & at_end
        keep |= inside | inside.T
    # One named person's ages always meet (the features say whether they are one person);
    # ages are few in a story, and an unnamed one may be a named person's: all of them meet;
    # so do the running counts of one outcome (the tolls of a developing event).
    # ... and so do figures of one unit whose digits are the same, in another order or at
    # another scale: a swap of two digits ("£14.1bn", "£11.4bn") or a slipped decimal point
    # ("$307 million", "$3.07 billion") is one figure miscopied, whatever the words around it.
    for tag in (_person_tag, _age_tag, features.toll_of, _digits_tag, _payout_tag):
        tags = np.array([tag(r) for r in block], dtype=object)
        if (tags != "").any():
            keep |= (tags[:, None] == tags[None, :]) & (tags != "")[:, None]
    # Figures of one unit named at two stages of a count, an early one and the final one
    # ("fell 7.4% in early trading", "closed 5.9% lower"): few, scored whatever their words.
    staged = np.array([bool(features.stage_of(r)) for r in block])
    if staged.sum() > 1:
        row_units = np.array([r["unit"] for r in block], dtype=object)
        keep |= staged[:, None] & staged[None, :] & (row_units[:, None] == row_units[None, :])
    # Amounts and rates that name one measure (its noun and stated period: "a deficit in
    # 2024-25") are scored whatever their other words and values: the features judge them.
    # (Counts of things share nouns by chance too often: "4 games", "10 games".)
    by_signature: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(block):
        for sig in _amount_signatures(r):
            by_signature[sig].append(i)
    for members in by_signature.values():
        if 1 < len(members) < len(block):
            idx = np.array(members)
            keep[np.ix_(idx, idx)] = True
        elif len(members) == len(block):
            keep[:] = True
    # Figures each the one figure of a measure (its noun and outcome, or a stated period) in
    # its report are scored whatever their words and values: ``one_count_one_period`` aligns
    # them ("said it would cut 1,200 roles", "1,500 workers at her firm face the axe").
    # (Counts of a hundred or more, or sums, given as they are, within half as much again of
    # each other: a few games, boats or days meet by chance.)
    values_of: dict[tuple, set[float]] = defaultdict(set)
    for r in block:
        for sig in features.cached_signatures(r):
            if features.counts_for(r, sig):
                values_of[(r["article"], r["unit"], sig)].add(float(r["value"]))
    by_sig: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(block):
        if not _one_of_a_measure(r):
            continue
        for sig in features.cached_signatures(r):
            if features.counts_for(r, sig) and len(values_of[(r["article"], r["unit"], sig)]) == 1:
                by_sig[(r["unit"], sig)].append(i)
    for members in by_sig.values():
        if len(members) > 1:
            idx = np.array(members)
            av = np.abs(values[idx])
            keep[np.ix_(idx, idx)] |= (np.maximum(av[:, None], av[None, :])
                                       <= ONE_MEASURE_RATIO * np.minimum(av[:, None], av[None, :]))
    arts = np.array([hash(r["article"]) for r in block])
    other = np.triu(arts[:, None] != arts[None, :], k=1)
    all_tags = [counted_tag(r) for r in block]
    # A count whose noun its report gives many figures of ("four games", "ten games") has no
    # one closest figure: only the nouns a report counts once or twice (for one holder: a
    # party's seats among every party's) are tried ...
    # (A report's counts of its places, "412,000 Scottish homes", leave its whole's count
    # one: they meet the whole's below.)
    # (People counted in a place meet the whole's people, nouns or none: "180,000 people in
    # the West Midlands", "1.61 million people".)
    place_tags = [t or ("person" if r["unit_family"] == "person" else "")
                  for r, t in zip(block, all_tags)]
    local = np.array([bool(t) and features.local_count(r, story)
                      for r, t in zip(block, place_tags)])
    per_report = Counter((r["article"], t, r["holder"])
                         for r, t, here in zip(block, all_tags, local) if t and not here)
    tags = np.array([t if t and per_report[(r["article"], t, r["holder"])] <= CLOSEST_PER_REPORT
                     else "" for r, t in zip(block, all_tags)], dtype=object)
    counted = (tags[:, None] == tags[None, :]) & (tags != "")[:, None]
    # ... and, whatever their number, the counts of a noun against one counted in a place of
    # the whole ("412,000 Scottish homes", "at Glasgow Airport").
    if local.any():
        named = np.array(place_tags, dtype=object)
        counted |= ((named[:, None] == named[None, :]) & (named != "")[:, None]
                    & (local[:, None] | local[None, :]))
    # ... of one holder, where both name one (two players' points are two counts) ...
    holders = np.array([str(r["holder"] or "") for r in block], dtype=object)
    counted &= ((holders[:, None] == holders[None, :]) | (holders == "")[:, None]
                | (holders == "")[None, :])
    # A part of a whole it names ("£1.3bn of the savings") meets every larger figure: the
    # features and ``part_of_named`` judge them. (Few figures name one.)
    named_part = np.array([bool(features.whole_of(r)) for r in block])
    if named_part.any():
        larger = np.abs(values)[:, None] < np.abs(values)[None, :]
        keep |= (named_part[:, None] & larger) | (named_part[:, None] & larger).T
    # Physical figures that are the only one of their kind in both reports ("412mm of rain in
    # the 24 hours", "736mm of rain over three days"): each other's closest (``sole_of_kind``).
    in_report = Counter(r["article"] for r in block)
    sole = np.array([in_report[r["article"]] == 1 and r["unit_family"] == "physical"
                     for r in block])
    counted |= sole[:, None] & sole[None, :]
    # ... within a few times each other: a part, an update or a rival figure, not a count of
    # another scale ("three Gazans" and "1 million Gazans").
    counted &= np.maximum(np.abs(values)[:, None], np.abs(values)[None, :]) <= CLOSEST_RATIO * (
        np.minimum(np.abs(values)[:, None], np.abs(values)[None, :]))
    # A sum told as an increment ("an extra £14m for children's services") meets the larger sums
    # of its unit, up to ``INCREMENT_RATIO`` times it: the level it adds to may be in another
    # report ("the children's services budget, set at £164m").
    added = np.array([r["role"] == "increment" and r.get("unit_family") == "money"
                      for r in block])
    if added.any():
        av = np.abs(values)
        reach = (av[:, None] < av[None, :]) & (av[None, :] <= INCREMENT_RATIO * av[:, None])
        counted |= (added[:, None] & reach) | (added[:, None] & reach).T
    # A quarter's sum meets the larger sums of its currency for a year or for no stated span
    # ("£1.62bn of it earned in the fourth quarter", "a pre-tax profit of £7.84bn for 2024").
    quarter = np.array([_a_quarters_sum(r) for r in block])
    if quarter.any():
        av = np.abs(values)
        yearly = np.array([_a_years_sum(r) for r in block])
        reach = ((av[:, None] < av[None, :]) & (av[None, :] <= QUARTER_RATIO * av[:, None])
                 & quarter[:, None] & yearly[None, :])
        counted |= reach | reach.T
    return keep & other, counted & ~keep & other


# A year's sum is at most this many times a quarter's of it (a strong quarter is half of it).
QUARTER_RATIO = 10.0


def _a_quarters_sum(r: dict) -> bool:
    """A sum told for a quarter ("in the fourth quarter", "in the three months to June")."""
    return (r.get("unit_family") == "money" and r["role"] in (None, "total")
            and periods.told_for_a_quarter(r))


def _a_years_sum(r: dict) -> bool:
    """A sum told for a year, or for no stated span."""
    return (r.get("unit_family") == "money" and r["role"] in (None, "total")
            and periods.told_for_a_year(r))


def _quarter_and_year(ra: dict, rb: dict) -> bool:
    """One sum told for a quarter, a larger one of its unit for a year (or no span), their
    words sharing what they measure ("profit", "revenue")."""
    q, y = (ra, rb) if _a_quarters_sum(ra) else (rb, ra)
    return (_a_quarters_sum(q) and _a_years_sum(y) and q["unit"] == y["unit"]
            and abs(float(q["value"])) < abs(float(y["value"]))
            and bool(features.measure_words(q) & features.measure_words(y)))


def _amount_signatures(r: dict) -> frozenset:
    """The signatures of an amount of money or a percent, none for other figures."""
    if r.get("unit_family") not in ("money", "percent"):
        return frozenset()
    return features.cached_signatures(r)


def _person_tag(r: dict) -> str:
    return (r.get("_person") or "").rpartition(" ")[2]


# What a count counts, for the ``closest`` alignment.
counted_tag = features.counted_tag


# How far apart two reports' one figures of a measure may be to be scored whatever their words.
ONE_MEASURE_RATIO = 1.5


def _one_of_a_measure(r: dict) -> bool:
    """A figure the one-figure-of-a-measure search may pair: a sum, or a count of a hundred or
    more, given as it is or hedged, or bounded close to it ("almost 2,000"), not "more than"."""
    return (r["bound"] in ("exact", "approx") or features.tight_hedge(r)) and (
        r.get("unit_family") == "money"
        or r.get("unit_family") in ("count", "person") and abs(float(r["value"])) >= 100)


def _digits_tag(r: dict) -> str:
    """The unit and sorted significant digits of a figure of two or more of them
    ("GBP 114" for £14.1bn, £11.4bn and £1.41bn), or ''."""
    if r.get("unit_family") not in features.SLIP_FAMILIES:
        return ""  # (a length or a duration is held in a base unit: its digits are no one's)
    digits = features.significant(r["value"])[1]
    return f"{r['unit']} {''.join(sorted(digits))}" if len(digits) >= 2 else ""


def _payout_tag(r: dict) -> str:
    """The currency of a dividend told as a part of the year's or its whole, or ''."""
    return f"{r['unit']} payout" if features.payout_kind(r) else ""


def _age_tag(r: dict) -> str:
    return "age" if r.get("unit_family") == "age" else ""


def blocks_of(rows: list[dict], kinds: list[str]) -> list[list[dict]]:
    """One story's claims in blocks that may hold the same measure (one kind each), leaving
    out blocks that hold a single article."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for row, k in zip(rows, kinds):
        blocks[k].append(row)
    return [b for _, b in sorted(blocks.items()) if len({r["article"] for r in b}) >= 2]


def agreeing(a: dict, b: dict, story: features.Story) -> bool:
    """Whether two figures agree closely enough to be scored by the model for agreeing ones."""
    if (features.converted(a, b) or features.satisfied_bound(a, b)
            or features.decimal_rounding(a, b) or features.price_point(a, b)):
        return True  # a writer's rounded conversion or decimals, or a bound it satisfies
    return bool(features.compatible(a, b, story)
                and features.rel_diff(float(a["value"]), float(b["value"])) <= NEAR_VALUE)


def one_count_one_period(a: dict, b: dict, story: features.Story, prel: str,
                         unique: float | None = None) -> bool:
    """A rule beside the model: the two name the same measure (two of noun, outcome and
    stated period), nothing of it differs, their periods agree, and each is the only such
    figure in its report. Two reports of one year-to-date count or one toll are then aligned,
    whatever their other words. (``unique``: ``features.unique_match`` when already known.)"""
    if unique is None:
        unique = features.unique_match(a, b, story)
    return prel in ("same", "update", "unknown") and bool(unique)


def roles_meet(a: dict, b: dict, agree: bool, prel: str) -> bool:
    """Whether two figures' roles let them be one measure: a change against a level ("rose by
    0.2%", "4.3%") is two measures, unless the figures agree ("a 29.6% fall", "fell almost 30
    per cent") or a rate is stated for two periods ("prices rose by 2.3%" this year, "the rate
    stood at 4.6%" a year ago)."""
    return (agree or role_class(a["role"]) == role_class(b["role"])
            or a["unit_family"] == "percent" and prel == "different"
            # "will cut 420 jobs", "180 jobs are to go": one outcome, counted either way (never
            # a toll's rise against the toll: "rose by 5 to 50")
            or bool(counted_tag(a)) and bool(a.get("event")) and a.get("event") == b.get("event")
            and not (a.get("running") or b.get("running")))


def is_candidate(a: dict, b: dict) -> bool:
    """Whether ``candidates`` would score this pair: alike measure texts or close figures."""
    va, vb = abs(float(a["value"])), abs(float(b["value"]))
    close = abs(float(a["value"]) - float(b["value"])) <= NEAR_VALUE * max(va, vb, 1e-9)
    return (close or features.satisfied_bound(a, b)
            or bool(features.same_person_age(a, b, features.Story()))
            or bool(_amount_signatures(a) & _amount_signatures(b))
            or fuzz.token_set_ratio(a["measure"], b["measure"]) >= PREFILTER_CUTOFF)


def candidate_pairs(claims: pd.DataFrame, matcher: model.Matcher | None = None) -> pd.DataFrame:
    """Return aligned cross-article claim pairs (row labels a, b) with their scores."""
    if claims.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    matcher = matcher or model.current()
    # A story told by one article has no other source to meet: its claims are never prepared.
    story = claims["story"].fillna("").astype(str)
    claims = claims[claims.groupby(story)["article"].transform("nunique") > 1]
    if claims.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    rows, kinds = prepared(claims)
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_story[r["story"] if isinstance(r["story"], str) else ""].append(i)
    # best[(claim, other article, agrees)] = (score, pair): a claim's best counterpart in each
    # other article, among the figures that agree with it and among those that differ.
    best: dict[tuple, tuple[float, tuple]] = {}
    floor = min(matcher.min_same_value, matcher.min_different_value)
    scorers = {agree: matcher.pairing(agree).scorer(_NAMES) for agree in (True, False)}
    # closest[(claim, other article)] = (score, pair): a count's closest differing count of
    # the same noun or outcome there, however low the score.
    closest: dict[tuple, tuple[float, tuple]] = {}
    # other[(claim, claim)] = (score, pair): a figure against another article's figure for
    # another period, where that article agrees with it for its own period.
    other: dict[tuple, tuple[float, tuple]] = {}
    for members in by_story.values():
        story_rows, story_kinds = [rows[i] for i in members], [kinds[i] for i in members]
        story = features.Story.of(story_rows, story_kinds)
        for block in blocks_of(story_rows, story_kinds):
            keep, counted = _candidate_matrices(block, story)
            agreeing_pairs: list[tuple[dict, dict]] = []
            for i, j in zip(*np.nonzero(keep)):
                if _score_pair(block[i], block[j], story, matcher, scorers, floor, best,
                               closest):
                    agreeing_pairs.append((block[i], block[j]))
            for i, j in zip(*np.nonzero(counted)):  # no threshold met: for closest only
                ra, rb = block[i], block[j]
                if ((ra["index"], rb["article"], False) in best
                        or (rb["index"], ra["article"], False) in best):
                    continue  # already aligned there with a figure that differs: no closest
                _score_pair(ra, rb, story, matcher, scorers, math.inf, best, closest)
            _other_periods(block, agreeing_pairs, story, scorers[False], matcher.min_same_value,
                           best, other)
    kept = set()
    by_index = {r["index"]: r for r in rows}
    for (ia, _, agree), (_, pair) in best.items():
        ib = pair[1] if pair[0] == ia else pair[0]
        # Figures that would contradict must be each other's best counterpart: one good word
        # match from one side is not enough to accuse an outlet.
        if agree:
            kept.add(pair)
        elif _mutual(best[(ib, claims.at[ia, "article"], agree)][1], pair, ia, ib, by_index):
            if not pair[5] and features.local_part(by_index[ia], by_index[ib], _NO_STORY):
                pair = pair[:5] + ("place",)  # a place's figure against the whole's
            kept.add(pair)
    reading = {r["index"]: (r["article"], float(r["value"]), r["unit"]) for r in rows}
    kept |= _closest_pairs(closest, best, claims["article"], reading)
    # A pair the other-period search found is aligned for that reason, also where the model
    # aligned it as two differing figures: the second report tells them apart itself.
    differing = {pair[:2]: pair for pair in kept if not pair[5]
                 and not agreeing(by_index[pair[0]], by_index[pair[1]], _NO_STORY)}
    for key, (_, pair) in other.items():
        if key in differing:
            kept.discard(differing[key])
    aligned = {pair[:2] for pair in kept}
    kept |= {pair for key, (_, pair) in other.items() if key not in aligned}
    pairs = sorted(kept, key=lambda p: (p[0], p[1]))
    return pd.DataFrame(pairs, columns=PAIR_COLUMNS)


def _mutual(back: tuple, pair: tuple, ia: int, ib: int, by_index: dict[int, dict]) -> bool:
    """Whether ``back`` (the best pair of ib in ia's report) is ``pair``, or pairs ib with a
    repeat of ia there (the same figure in the headline and the body is one figure, and ties
    between the two must not break the alignment)."""
    if back == pair:
        return True
    other = back[1] if back[0] == ib else back[0]
    ra, ro = by_index[ia], by_index.get(other)
    return (ro is not None and ro["article"] == ra["article"] and ro["unit"] == ra["unit"]
            and float(ro["value"]) == float(ra["value"]) and back[2] == pair[2])


def _closest_pairs(closest: dict[tuple, tuple[float, tuple]],
                   best: dict[tuple, tuple[float, tuple]], article: pd.Series,
                   reading: dict[int, tuple]) -> set[tuple]:
    """The pairs of counts that are each other's closest in the two reports, where neither
    has a differing counterpart the model aligns there already. (An agreeing one may stand
    beside it: a report can give the whole and, elsewhere, the part another report gives.)"""
    out = set()
    for (ia, art_b), (_, pair) in closest.items():
        ib = pair[1] if pair[0] == ia else pair[0]
        art_a = article.at[ia]
        back = closest[(ib, art_a)][1]
        partner = back[1] if back[0] == ib else back[0]
        # Each other's closest, where a report's repeat of the figure ("more than 300" in the
        # headline and in the text) stands for it.
        if ((partner == ia or reading.get(partner) == reading.get(ia))
                and (ia, art_b, False) not in best and (ib, art_a, False) not in best):
            out.add(pair)
    return out


def _other_periods(block: list[dict], agreed: list[tuple[dict, dict]],
                   story: features.Story, differing: Callable[[list[float]], float], min_agreeing: float,
                   best: dict[tuple, tuple[float, tuple]],
                   other: dict[tuple, tuple[float, tuple]]) -> None:
    """Align a figure with another report's figure for a different period or stage of one
    measure, where that report also gives a figure agreeing with it for its own: "1,072 people
    crossed on Saturday" in one report; "1,072 on Saturday" and "655 on Thursday" in another
    ("fell 7.4% in early trading"; "closed 4.1% lower, having been down by as much as 7.4% in
    early trading"). The second report tells them apart itself; aligned for that reason only.
    (``agreed``: the block's agreeing pairs kept as candidates; ``differing``: the scorer of
    figures that differ.)"""
    if not agreed:
        return
    # The figures of the reports that agree with another for their own period or stage, each
    # with what the tests below read of it (unit, noun or outcome, size, words).
    wanted = {r["article"] for pair in agreed for r in pair}
    dated: dict[str, list[tuple]] = defaultdict(list)
    for r in block:
        if r["article"] in wanted and role_class(r["role"]) == "level" and (
                r["period_kind"] or features.stage_of(r)):
            dated[r["article"]].append((r, r["unit"], counted_tag(r), abs(float(r["value"])),
                                        r["_lemmas"], features.measure_words(r),
                                        r["unit_family"] in _COUNTS))
    if not dated:
        return
    for a, b in agreed:
        if not (dated.get(a["article"]) or dated.get(b["article"])):
            continue  # neither report gives a figure for a stated period
        for mine, theirs in ((a, b), (b, a)):
            figures = dated.get(theirs["article"])
            if not figures:
                continue
            p_best, pair = best.get((mine["index"], theirs["article"], True), (0.0, ()))
            if theirs["index"] not in pair[:2] or p_best < min_agreeing:
                continue  # theirs is not the figure the matcher agrees mine with there
            lemmas = theirs["_lemmas"] | mine["_lemmas"]
            said = features.measure_words(theirs) | features.measure_words(mine)
            tag, unit = counted_tag(theirs), theirs["unit"]
            counts = theirs["unit_family"] in _COUNTS
            size = abs(float(mine["value"]))
            for x, x_unit, x_tag, x_size, x_lemmas, x_said, x_counts in figures:
                # (the cheap tests first: most of a report's dated figures fail one)
                same_tag = bool(tag) and x_tag == tag
                if (x is theirs or x_unit != unit and not (
                        same_tag or "count" in (x_unit, unit) and x_counts and counts)
                        or not (x_lemmas & lemmas or x_said & said or same_tag
                                or x_lemmas and x_lemmas <= _ANAPHORIC)
                        or not size or not x_size
                        or max(size, x_size) > CLOSEST_RATIO * min(size, x_size)):
                    continue
                if (not (features.relation(mine, x) == "different" and not (
                        theirs["period_kind"] and features.relation(theirs, x) != "different")
                         # (mine, stating no time, holds for the time of theirs it agrees with)
                         or not mine["period_kind"] and theirs["period_kind"]
                         and features.relation(theirs, x) == "different"
                         or features.stages(mine, x) is not None or _ahead_of(x, theirs, mine))
                        or agreeing(mine, x, story) or _clash(mine, x, story)):
                    continue
                first, second = (mine, x) if mine["index"] < x["index"] else (x, mine)
                key = (first["index"], second["index"])
                if key in other:
                    continue
                p = differing(features.vector(features.SAME_MEASURE, mine, x, story))
                if p < OTHER_PERIOD_MIN:
                    continue
                other[key] = (p, (first["index"], second["index"], round(p, 6), "different",
                                  f"{x['source'] or 'the other report'} itself gives "
                                  f"{theirs['text']}, agreeing with {mine['text']}, beside "
                                  f"{x['text']}",
                                  "other-period"))


_COUNTS = ("count", "person")
# What a figure measures told by a word that points back ("A year ago the rate stood at
# 4.6 per cent"): in its report, the measure that report is about.
_ANAPHORIC = frozenset({"rate", "figure", "total", "number", "level", "tally"})


def _ahead_of(x: dict, theirs: dict, mine: dict) -> bool:
    """x is a figure its report gives for a time ahead ("between £320m and £340m in the
    current year"), beside one for no stated time that agrees with mine (last year's £312m)."""
    return (x["period_kind"] == "future" and theirs["period_kind"] != "future"
            and mine["period_kind"] != "future")


def _payouts(ra: dict, rb: dict) -> str:
    """How two differing sums of a dividend relate by the payment each is told as: one payment
    ("payout-same": final and final, total and total), a part and the year's total it is less
    than ("payout-part"), or '' (not both told, or nothing follows)."""
    ka, kb = features.payout_kind(ra), features.payout_kind(rb)
    if not ka or not kb or ra["unit"] != rb["unit"]:
        return ""
    if ka == kb:
        return "payout-same"
    if "total" in (ka, kb):
        part, whole = (ra, rb) if kb == "total" else (rb, ra)
        if abs(float(part["value"])) < abs(float(whole["value"])):
            return "payout-part"
    return ""


def sole_of_kind(ra: dict, rb: dict, story: features.Story) -> bool:
    """Each is the only figure of its physical kind in its report (a rainfall in millimetres,
    an area burned): two such figures of one story are one measure, or two that the words
    tell apart. (Not counts, paired by what they count; nor durations, sums or shares, of
    which one report's only figure and another's are seldom one measure.)"""
    return (ra["unit_family"] == "physical"
            and story.kind_in_article[(ra["article"], ra["_kind"])] == 1
            and story.kind_in_article[(rb["article"], rb["_kind"])] == 1)


def _increment_and_level(ra: dict, rb: dict) -> bool:
    """One sum told as an increment and a larger sum of its unit told as a level; where the
    increment's sentence gives another sum, at least twice as large ("another $2.5 billion"
    beside "$3.6bn" is a second part, not what takes the $3.6bn somewhere)."""
    inc, level = (ra, rb) if ra["role"] == "increment" else (rb, ra)
    if not (inc["role"] == "increment" and level["role"] in (None, "total")
            and inc.get("unit_family") == "money" and inc["unit"] == level["unit"]):
        return False
    vi, vl = abs(float(inc["value"])), abs(float(level["value"]))
    return vi < vl and (2 * vi <= vl or not _another_sum(inc))


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def _another_sum(row: dict) -> bool:
    """The figure's sentence gives another sum of its currency (by its sign)."""
    sign = _SYMBOLS.get(str(row["unit"]))
    sentence, at, end, _, _ = phrases.in_clause(row)
    return sign is None or sign in sentence[:at] + sentence[end:]


def _one_a_region(ra: dict, rb: dict, story: features.Story) -> bool:
    """One figure is held by a region the story names and the other not by it ("Manabí's
    death toll", the country's): a part of the toll, not the toll at another moment."""
    return bool(story.places) and ra["holder"] != rb["holder"] and bool(
        features.holder_place(ra, story) or features.holder_place(rb, story))


def _clash(ra: dict, rb: dict, story: features.Story) -> bool:
    """Two holders', outcomes', places' or differently qualified measures' figures."""
    return bool(features.holder_clash(ra, rb, story) or features.event_clash(ra, rb, story)
                or features.scope_clash(ra, rb, story)
                or features.qualifier_clash(ra, rb, story))


# Figures of this many significant digits or more swapped meet by chance too rarely to need
# one unit ("24,612 operations", "26,412 procedures"); fewer need it ("121 seats" for a
# majority and a margin of "112 votes" are two figures).
SLIP_ANY_UNIT_DIGITS = 4


def _slip_of_one_unit(ra: dict, rb: dict) -> bool:
    """Two figures a slip of digits may tie: of one unit, or precise enough for any, or of one
    kind of thing: people, or a bare count whose sentence names the other's unit ("rose 6.5% to
    24.6 million" beside "Passengers", against "26.4 million passengers"); not two named
    things ("121 seats", "112 votes") nor a bare count whose sentence names another ("ten short
    of the 121 needed for a majority", told of seats, against "112 votes")."""
    if ra["unit"] == rb["unit"] or len(
            features.significant(ra["value"])[1]) >= SLIP_ANY_UNIT_DIGITS:
        return True
    named = [r for r in (ra, rb) if r["unit"] not in _ANY_THING]
    if len(named) != 1:
        return not named
    bare = rb if named[0] is ra else ra
    # (people may be any named thing's count: "53,100 babies born", "51,300 births")
    return bare["unit"] == "person" or str(named[0]["unit"]).lower() in str(
        bare.get("sentence") or "").lower()


# Units that name no one thing: a bare count, or people.
_ANY_THING = frozenset({"count", "person"})


def _sized(r: dict) -> bool:
    """A share, a sum or a count of a hundred or more, given as it is or hedged: few such
    figures share a phrase by chance (games, hours and seasons do)."""
    return r["bound"] in ("exact", "approx") and (
        r.get("unit_family") in ("money", "percent")
        or r.get("unit_family") in ("count", "person") and abs(float(r["value"])) >= 100)


def _one_phrase_each(ra: dict, rb: dict, values: list[float], prel: str) -> bool:
    """Near figures told in one governing phrase, the only figure of its noun in each report
    ("the 3.2 per cent consensus among City economists", "the 3.3 per cent consensus among
    City economists"): one measure, whatever else the story counts."""
    if not (values[_SAME_PHRASE] and values[_ONLY_ONE_EACH] and prel in ("same", "unknown")
            and _sized(ra) and _sized(rb)):
        return False
    va, vb = abs(float(ra["value"])), abs(float(rb["value"]))
    if max(va, vb) > ONE_MEASURE_RATIO * min(va, vb):
        return False
    # A count told as it stands so far may have changed between two reports' days ("140 homes
    # have been destroyed", the next day "163 homes have been destroyed"): only its own words
    # could tie the two.
    return not (ra["unit_family"] in ("count", "person") and ra.get("as_of") != rb.get("as_of")
                and (phrases.told_as_so_far(ra) or phrases.told_as_so_far(rb)))


def _score_pair(ra: dict, rb: dict, story: features.Story, matcher: model.Matcher,
                scorers: dict, floor: float, best: dict[tuple, tuple[float, tuple]],
                closest: dict[tuple, tuple[float, tuple]]) -> bool:
    """Score one candidate pair and keep it where it is a claim's best counterpart so far,
    and, for two counts of one noun or outcome that differ, where it is a claim's closest.
    (The verdicts apply each kind of finding's own threshold; ``floor`` is the lowest.)
    True when the two agree and were kept."""
    agree = agreeing(ra, rb, story)
    if agree and (floor == math.inf or features.event_clash(ra, rb, story)
                  or ra["unit_family"] != "age" and periods.apart_spans(ra, rb)
                  and not (features.stage_of(ra) or features.stage_of(rb))):
        # Agreeing figures are kept for no closest alignment; six killed and six missing are
        # two counts that happen to be equal; one figure for two stated spans ("the year to
        # June 2023", "to June 2024"; "in 2023", "so far this year") is two measures that
        # happen to agree; but not where one is an estimate at a stage, whose time may be when
        # it was made ("first estimated at 79,800 last August"). (Asked before scoring:
        # nothing scored would keep them.)
        return False
    prel = features.relation(ra, rb)
    payout = "" if agree else _payouts(ra, rb)
    if payout == "payout-same" and prel == "different":
        payout = ""  # this year's final dividend and last year's
    if not payout and not roles_meet(ra, rb, agree, prel):
        return False
    values = features.vector(features.SAME_MEASURE, ra, rb, story)
    p = scorers[agree](values)
    rule = slip = ""
    slipped = False
    if features.coreferent_age(ra, rb, story):
        rule = "coreferent-age"  # the verdict never accuses an outlet on this alignment alone
    if (one_count_one_period(ra, rb, story, prel, values[_UNIQUE_MATCH])
            or features.same_count_to_date(ra, rb, story)
            or features.same_person_age(ra, rb, story)
            or features.same_sentence_slot(ra, rb, story) or features.same_close(ra, rb, story)
            or features.same_tally(ra, rb, story) or _one_phrase_each(ra, rb, values, prel)
            or rule):
        p = max(p, matcher.min_contradict)  # the rules align them whatever the words
    elif payout:
        # "a final dividend of 9.1p" and "a final dividend of 13.3p": one payment in dispute;
        # "a final dividend of 8.4p" and "a total dividend of 12.6p": a part of the year's
        p = max(p, matcher.min_contradict if payout == "payout-same" else
                matcher.min_different_value)
        rule = payout
    elif (not agree and p >= SLIP_MIN and (found := features.digit_slip(ra, rb, story))
          and (found == 1.0 or p >= CLOSEST_MIN) and _slip_of_one_unit(ra, rb)):
        # "672,600 births", "627,600 babies were born": one figure with two digits swapped
        # (on the 1,271 corpus articles it adds no contradiction: such slips are rare by chance)
        if found == 1.0 and p >= CLOSEST_MIN:
            # Two digits swapped: one figure miscopied, whatever else would explain the two
            # (periods read from the words around them, "reported pretax profit of £412m in
            # April"; "claimed 1,314 extra lives"), also of two nouns ("24,612 operations",
            # "26,412 procedures")
            slip = "slip"
        p = max(p, matcher.min_contradict)
        slipped = True
    elif (not agree and values[_PHRASE_OVERLAP] >= features.SHORT_SLIP_OVERLAP
          and features.short_slip(ra, rb)):
        # "360 people evacuated from beaches by coastguard boats", "630 people taken off
        # beaches by coastguard boats": two digits swapped in one phrase
        p, slip = max(p, matcher.min_contradict), "slip"
    elif not agree and (features.part_of_named(ra, rb) or features.part_of_named(rb, ra)):
        p = max(p, matcher.min_different_value)  # the words state the link: part, whole
    elif features.same_running_count(ra, rb, story) and not _one_a_region(ra, rb, story):
        # One toll at two moments: aligned for the update it shows (or, on one day, for the
        # conflict the tolls tied together show), not for an accusation on this alone.
        p = max(p, matcher.min_different_value)
    # (Spans of unlike length, a month's count and a year's, are two measures; but the only
    # rainfall each report gives, for a day and for three, is one told for two periods.)
    sole = not agree and sole_of_kind(ra, rb, story)
    quarter_year = not agree and _quarter_and_year(ra, rb)
    if (not agree and p >= CLOSEST_MIN and (prel != "different" or sole or quarter_year
                                             or periods.comparable_spans(ra, rb))):
        pair = None
        tag = counted_tag(ra)
        if (features.places_of(ra) or features.places_of(rb) or story.places and (
                features.holder_place(ra, story) or features.holder_place(rb, story))
                ) and features.local_part(ra, rb, story):
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    "figure of its kind, one counted in a place of the whole", "closest-place")
        elif tag and tag == counted_tag(rb) and not _clash(ra, rb, story):
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    f"figure of {tag} in the two reports", "closest")
        elif (features.stage_of(ra) and features.stage_of(rb) and ra["unit"] == rb["unit"]
              and features.stages(ra, rb) is not None
              and features.measure_words(ra) & features.measure_words(rb)
              and not _clash(ra, rb, story)):
            # "fell 7.4% in early trading", "closed 5.9% lower": two stages of one move
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    "figure of its kind, at two stages", "closest")
        elif sole and not _clash(ra, rb, story):
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the only figure of "
                    "its kind in the two reports", "closest")
        elif quarter_year and not _clash(ra, rb, story):
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    "figure of its kind, a quarter's sum and a year's", "closest")
        elif (_increment_and_level(ra, rb) and not _clash(ra, rb, story)
              and (values[_PHRASE_OVERLAP] or values[_NAMES_SHARED]
                   or features.measure_words(ra) & features.measure_words(rb))):
            # (what it adds to shares words with it: "an extra £14m for children's services",
            # "the children's services budget set at £164m"; not two products' prices)
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    "figure of its kind, an increment and a larger sum", "closest")
        elif ra["unit_family"] == "age" == rb["unit_family"] and not _clash(ra, rb, story):
            # (a person's age a year or more later: the verdict says whether birthdays explain)
            pair = (ra["index"], rb["index"], round(p, 6), prel, "each is the other's closest "
                    "age in the two reports", "closest")
        # One named holder's two counts are each other's closest before any other pair of
        # that noun ("Green Future's eight seats", "the Greens' nine TDs").
        rank = p + (features.same_holder(ra, rb, story) if tag else 0.0)
        if pair and pair[5] == "closest-place" and min(
                abs(float(ra["value"])), abs(float(rb["value"]))) >= features.PLACED_MIN:
            # A count in a place meets its whole before another count of its noun there ("38,420
            # households in the region" with "the 312,640 households that signed up", not
            # "46,318 households" whose work is unfinished); a handful of the dead in one
            # district may be one of several parts of a toll.
            rank += 1.0
        for key in ((ra["index"], rb["article"]), (rb["index"], ra["article"])):
            if pair and (key not in closest or rank > closest[key][0]):
                closest[key] = (rank, pair)
    if p < floor:
        return False
    if not agree and not rule and (_clash(ra, rb, story) if not slipped else (
            features.holder_clash(ra, rb, story) or features.event_clash(ra, rb, story))):
        # Two holders', outcomes' or places' figures differ without contradicting; but a
        # place or qualifier read beside one figure of a slip of its digits does not make two
        # measures ("$5,687.75 on Martha's Vineyard Holistic Retreat", "a $5,587.75 vacation
        # at the Martha's Vineyard Holistic Retreat" in 2008)
        return False
    ia, ib = ra["index"], rb["index"]
    # Why they were taken for one measure: only findings of a difference carry it.
    why = "" if agree else "; ".join(matcher.same_measure_differing.reasons(_NAMES, values))
    pair = (ia, ib, round(p, 6), prel, why, rule or slip)
    for key in ((ia, rb["article"], agree), (ib, ra["article"], agree)):
        if key not in best or p > best[key][0]:
            best[key] = (p, pair)
    return agree
