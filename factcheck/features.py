"""Features of a candidate pair of claims: named, pure functions an editor can read back.

The matcher scores a pair as a weighted sum of these (weights fitted on labelled pairs, shipped in
``data/matcher.json``): "same counted noun: +1.2", "figures far apart: -0.8". Each feature takes
the two claims (rows of the claim table, values already in their kind's base unit) and the
``Story`` they belong to (word rarity and how often each figure occurs), and returns a number,
mostly 0 or 1.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from . import copies, periods, phrases, units
from .lexicon import STOPWORDS, singular

Row = Mapping[str, Any]

# A round figure stands for anything it rounds from, never more than this share of it.
ROUNDING_MAX_SHARE = 0.05
# A bound and the exact figure that satisfies it agree this far apart at most.
BOUND_SHARE = 0.25
# A figure converted by the writer ("600 metres (2,000 feet)") agrees within this share.
CONVERSION_SHARE = 0.05
# Figures within this share of each other are "near": most real discrepancies are near misses.
NEAR_SHARE = 0.10
# A sentence with this many figures is a list or a stat line; its words say less about each.
CROWDED_SENTENCE = 3
# A figure stated by at most this many articles of its story is rare enough to identify a fact.
RARE_ARTICLES = 3
# Ratio beyond which two figures are treated as plainly far apart (log scale is capped here).
MAX_LOG_RATIO = math.log(20)


@dataclass(slots=True)
class Story:
    """What the features need to know about the story a pair comes from."""

    idf: dict[str, float] = field(default_factory=dict)
    figure_articles: Counter = field(default_factory=Counter)  # (kind, value) -> articles
    kind_in_article: Counter = field(default_factory=Counter)  # (article, kind) -> claims
    noun_in_article: Counter = field(default_factory=Counter)  # (article, noun) -> claims
    signature_in_article: Counter = field(default_factory=Counter)  # (article, unit, sig)
    # (article, unit, start) -> the outcomes its counts to date from that start name
    to_date_in_article: dict = field(default_factory=dict)
    names_in_article: dict = field(default_factory=dict)  # article -> names near its figures
    ages_in_article: dict = field(default_factory=dict)   # article -> the ages it gives
    # names the story calls a part of a country ("Manabí province"), lowercased -> the noun
    places: dict = field(default_factory=dict)
    # places few of the story's reports count anything in ("in the West Midlands" in one of
    # five reports of a national release): a part of what the story is about
    minor_places: frozenset = frozenset()
    # article -> the distinct first figures of the vote tallies it gives ("by 42 votes to 17")
    tallies_in_article: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, rows: list[Row], kinds: list[str]) -> Story:
        """Word rarity (IDF over the claims' words) and figure counts of one story's claims."""
        df: Counter = Counter()
        for r in rows:
            df.update(set(words(r)))
        n = max(len(rows), 1)
        idf = {w: math.log(1 + n / c) for w, c in df.items()}
        seen = {(k, float(r["value"]), r["article"]) for r, k in zip(rows, kinds)}
        per_article = Counter((r["article"], k) for r, k in zip(rows, kinds))
        per_noun = Counter((r["article"], r["noun"]) for r in rows if r["noun"])
        # (distinct figures: a headline that repeats the body's figure gives no second one;
        # nor does a part the words state, "about 7,500 of them in Yorkshire")
        per_sig = Counter((a, u, sig) for a, u, sig, _ in {
            (r["article"], r["unit"], sig, float(r["value"])) for r in rows
            if r.get("role") != "part"
            for sig in signatures(r) if counts_for(r, sig)})
        names: dict[str, set[str]] = {}
        ages: dict[str, list[float]] = {}
        for r in rows:
            names.setdefault(r["article"], set()).update(
                singular(n.lower()) for n in _cached(r, "_names", names_near))
            if r.get("unit_family") == "age":
                ages.setdefault(r["article"], []).append(float(r["value"]))
        to_date: dict[tuple, list[str]] = {}
        for r in rows:
            if r.get("period_kind") in _TO_DATE:
                to_date.setdefault((r["article"], r["unit"], r.get("period_start")),
                                   []).append(str(r.get("event") or ""))
        tallies = Counter(a for a, _ in {(r["article"], float(r["value"])) for r in rows
                                         if tally_for(r)})
        return cls(idf, Counter((k, v) for k, v, _ in seen), per_article, per_noun, per_sig,
                   to_date, names, ages, named_places(rows), minor_places(rows), tallies)


# A name the story calls a part of a country: "in Manabí province", "the province of Manabí".
_REGION_NOUNS = ("province", "region", "district", "county", "prefecture", "municipality")
_NAMED_REGION = re.compile(
    r"\b(?:province|region|district|county|prefecture|municipality)\s+of\s+"
    r"(?P<after>[A-Z][^\W\d_]+)|\b(?P<before>[A-Z][^\W\d_]+)\s+(?P<noun>province|region|"
    r"district|county|prefecture|municipality)\b")


def named_places(rows: list[Row]) -> dict[str, str]:
    """The names a story's sentences call a region of a country ("Manabí province"): a figure
    such a name holds ("Manabí's death toll") is counted in a place, a part of the whole."""
    out: dict[str, str] = {}
    seen: set[str] = set()
    for r in rows:
        sentence = str(r.get("sentence") or "")
        if sentence in seen or not any(noun in sentence for noun in _REGION_NOUNS):
            continue  # (a substring test first: most sentences name no region)
        seen.add(sentence)
        for m in _NAMED_REGION.finditer(sentence):
            name = (m.group("after") or m.group("before")).lower()
            if name not in STOPWORDS:
                out[singular(name)] = m.group("noun") or m.group(0).split()[0].lower()
    return out


# A story of at least this many reports tells which of its places are minor ...
MINOR_PLACE_REPORTS = 3
# ... a place is minor where at most this share of them count a figure in it.
MINOR_PLACE_SHARE = 1 / 3


def minor_places(rows: list[Row]) -> frozenset[str]:
    """The places a story's figures are counted in that few of its reports name (``scope``):
    "180,000 people in the West Midlands" in one of five reports of a national jobs release,
    "640 workers in the Austin area" in one of five reports of a company's cuts."""
    named: dict[str, set[str]] = {}
    for r in rows:
        named.setdefault(r["article"], set()).update(places_of(r))
    if len(named) < MINOR_PLACE_REPORTS:
        return frozenset()
    reports = Counter(p for places in named.values() for p in places)
    return frozenset(p for p, n in reports.items() if n <= MINOR_PLACE_SHARE * len(named))


def holder_place(row: Row, story: Story) -> str:
    """The region a figure's holder is, where the story calls it one ("Manabí's death toll":
    "manabí province"), or ''."""
    holder = row.get("holder") or ""
    noun = story.places.get(holder) if holder else None
    return f"{holder} {noun}" if noun else ""


def lemmas(row: Row) -> list[str]:
    """The lemmas of the words that govern a claim's figure (what it counts or prices)."""
    value = row.get("lemmas")
    return value.split() if isinstance(value, str) else []


_PART_SETS = (("noun", "event"), ("noun", "period"), ("event", "period"))


def _parts(row: Row) -> dict[str, str]:
    period = row.get("period_kind")
    # (a period of no known dates, "in the fourth quarter", names no one period)
    when = f"{period}:{row.get('period_start') or ''}" if period and (
        row.get("period_start") or row.get("period_end") or period != "quarter") else ""
    as_of = str(row.get("as_of") or "")[:10]
    if not when and as_of and as_of != str(row.get("published") or "")[:10]:
        when = f"as of:{as_of}"  # a moment the words name ("at the end of 2024")
    return {"noun": row.get("noun") or "", "event": row.get("event") or "", "period": when}


def signatures(row: Row) -> frozenset[tuple]:
    """What identifies a claim's measure beyond its unit: two of its counted noun, what
    happened to it and its stated period ("arrivals, year to date 2024")."""
    parts = _parts(row)
    return frozenset((names, tuple(parts[n] for n in names)) for names in _PART_SETS
                     if all(parts[n] for n in names))


def counts_for(row: Row, sig: tuple) -> bool:
    """Whether a figure counts against others of a signature that names no period: not one
    its report dates to a period of its own ("around 170,000 retail jobs were lost last year"
    beside "2,700 workers facing the axe"), which is another measure by its period."""
    return "period" in sig[0] or not row.get("period_kind")


def cached_signatures(row: Row) -> frozenset[tuple]:
    """``signatures``, computed once per row."""
    return _cached(row, "_signatures", signatures)


def words(row: Row) -> list[str]:
    """Every word that may say what a claim measures: its governing phrase's lemmas and the
    content words near the figure."""
    return lemmas(row) + str(row.get("context") or "").split()


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


def rel_diff(a: float, b: float) -> float:
    """Relative difference 0..1 of two values.

    >>> round(rel_diff(45774, 45755), 5), rel_diff(0, 0)
    (0.00042, 0.0)
    """
    denom = max(abs(a), abs(b))
    return abs(a - b) / denom if denom else 0.0


def rounding(value: float) -> float:
    """Half a unit of the last non-zero digit of a round integer, capped at 5% of it.

    >>> rounding(12000.0), rounding(12417.0), rounding(240e6), rounding(100.0)
    (500.0, 0.0, 5000000.0, 5.0)
    """
    if not _finite(value) or value == 0 or not float(value).is_integer():
        return 0.0
    v, zeros = int(abs(value)), 0
    while v % 10 == 0:
        v //= 10
        zeros += 1
    return min(0.5 * 10 ** zeros, ROUNDING_MAX_SHARE * abs(value)) if zeros else 0.0


# A range at most this many times its low end can agree with a figure at one of its ends
# (within this share of it).
RANGE_SPAN = 2.0
RANGE_END = 0.005


def satisfied_bound(a: Row, b: Row) -> bool:
    """One figure is a bound ("less than two weeks", "more than two dozen") that the other, an
    exact figure within ``BOUND_SHARE`` of it, satisfies (12 days, 31): editors read that as
    agreement, though the figures are further apart than rounding allows."""
    bounds = (a["bound"], b["bound"])
    if sorted(bounds) == ["exact", "range"]:
        # "her 8- to 12-week-old fetus", "the 12-week-old fetus": one report gives an end of
        # the other's narrow range (a figure inside "5-10" or "18-30", or any figure of a wide
        # range, "between 10 and 200", is too often another measure to agree with it).
        rng, exact = (a, b) if a["bound"] == "range" else (b, a)
        low, high = float(rng["low"]), float(rng["high"])
        value = float(exact["value"])
        # (A bare "5-9" is as often a team's record or a score as a range.)
        return (rng["unit"] != "count" and 0 < low < high <= RANGE_SPAN * low
                and (rel_diff(value, low) <= RANGE_END or rel_diff(value, high) <= RANGE_END))
    if sorted(bounds) not in (["exact", "lower"], ["exact", "upper"]):
        return False
    return (overlap(_tolerant(a), _tolerant(b))
            and rel_diff(float(a["value"]), float(b["value"])) <= BOUND_SHARE)


def converted(a: Row, b: Row) -> bool:
    """One figure is likely the other converted by the writer and rounded: units of one kind
    as written differently ("6.6 pounds", "2.99kg"; in base units here) and within
    ``CONVERSION_SHARE``. Counted nouns are never conversions of each other."""
    return (a["unit"] != b["unit"] and a["unit_family"] not in ("count", "person")
            and rel_diff(float(a["value"]), float(b["value"])) <= CONVERSION_SHARE)


def decimal_rounding(a: Row, b: Row) -> bool:
    """Two exact percents, one written with fewer decimals that the other rounds to ("a rate
    of 35.7 percent", "35.72"): one rate, one report rounding it."""
    if (a["unit"] != "percent" or b["unit"] != "percent" or a["bound"] != "exact"
            or b["bound"] != "exact"):
        return False
    da, db = _decimals(str(a.get("text") or "")), _decimals(str(b.get("text") or ""))
    # One decimal more, on a figure that has decimals ("35.7", "35.72"): a whole "2 per cent"
    # is a figure of its own, not 1.75 rounded.
    if da is None or db is None or min(da, db) < 1 or abs(da - db) != 1:
        return False
    coarse, fine = (a, b) if da < db else (b, a)
    places = min(da, db)
    return round(float(fine["value"]), places) == round(float(coarse["value"]), places) and \
        float(fine["value"]) != float(coarse["value"])


def price_point(a: Row, b: Row) -> bool:
    """A price written with its cents and without them ("$99.99 down", "$99 down"), or
    rounded to the whole pound ("£2,071.07", "a band D bill of £2,071"): a price point a
    report shortened, one figure."""
    if a["unit"] != b["unit"] or a.get("unit_family") != "money":
        return False
    va, vb = float(a["value"]), float(b["value"])
    whole, fine = (va, vb) if va.is_integer() else (vb, va)
    if not (whole.is_integer() and not fine.is_integer() and 0 < whole < PRICE_POINT_MAX):
        return False
    # (Rounded only where the pence are a sliver of it: "£2.50" is no "£3".)
    return (math.floor(fine) == whole and fine - whole >= 0.9
            or abs(fine - whole) < 0.5 and abs(fine - whole) <= PRICE_ROUNDING_SHARE * whole)


# A price rounded to its whole unit differs from it by at most this share.
PRICE_ROUNDING_SHARE = 0.005


# Larger amounts than this are sums, not prices a report shortens.
PRICE_POINT_MAX = 10_000


def _decimals(text: str) -> int | None:
    """The decimal places a figure is written with (one figure in the text), else None."""
    found = _FIGURE_DIGITS.findall(text)
    if len(found) != 1:
        return None
    return len(found[0].partition(".")[2])


# A hedge on a figure written to three or more significant digits ("some 30,661", "some 88.41
# percent") quotes a count, not an estimate: it allows this share either side, not the parser's
# share for round figures ("about 200").
PRECISE_APPROX_SHARE = 0.02
# A bound is read to this share past its own side ("more than 1.9 million" for 1.89 million).
BOUND_SLACK_SHARE = 0.01
# A bound said to be close ("just under", "almost", "nearly", "just over") is within this share.
TIGHT_HEDGE_SHARE = 0.05
_TIGHT_HEDGE = re.compile(r"(?i)\s*(?:just|nearly|almost|barely|slightly|close\s+to)\b")
_FIGURE_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def tight_hedge(row: Row) -> bool:
    """A bound said to be close to its figure ("almost 2,000", "just over 7 per cent")."""
    return row["bound"] in ("upper", "lower") and bool(
        _TIGHT_HEDGE.match(str(row.get("text") or "")))


def precise(row: Row) -> bool:
    """The figure is written with three or more significant digits ("30,661", "88.41").

    >>> precise({"text": "Some 30,661"}), precise({"text": "about 30,000"})
    (True, False)
    """
    m = _FIGURE_DIGITS.search(str(row.get("text") or ""))
    digits = re.sub(r"\D", "", m.group()).strip("0") if m else ""
    return len(digits) >= 3


# A share told as a simple fraction ("a third", "half", "two-thirds") rounds it by this much.
_SIMPLE_FRACTION = re.compile(r"(?i)\b(?:half|thirds?|quarters?)\b")
FRACTION_SHARE = 0.04


def interval(row: Row, tolerant: bool = False) -> tuple[float, float]:
    """The interval a claim's wording allows; with ``tolerant``, widened for rounding."""
    low = float(row["low"]) if _finite(row["low"]) else -math.inf
    high = float(row["high"]) if _finite(row["high"]) else math.inf
    tight = tight_hedge(row)
    if row["bound"] == "approx" and precise(row):
        value = float(row["value"])
        low, high = sorted((value * (1 - PRECISE_APPROX_SHARE),
                            value * (1 + PRECISE_APPROX_SHARE)))
    elif tight:
        # "just under 60%", "almost 1,000", "just over 7 per cent": close to the figure.
        value = float(row["value"])
        # (The far edge is the hedge's own reach, not a rounding's: a figure just on it meets
        # it, "almost £5bn" for £4.7bn.)
        reach = TIGHT_HEDGE_SHARE * (1 + 1e-6)
        if row["bound"] == "upper":
            low = min(value * (1 - reach), value * (1 + reach))
        else:
            high = max(value * (1 - reach), value * (1 + reach))
    if tolerant and row["bound"] in ("exact", "lower", "upper"):
        value = float(row["value"])
        tol = rounding(value)
        if not tol and row.get("unit_family") == "percent" and value.is_integer() \
                and abs(value) >= 10:
            # A whole percent of two digits is a share rounded to the unit: "34%" for 33.7
            # per cent (not "2 per cent", a target, for 1.9).
            tol = min(0.5, ROUNDING_MAX_SHARE * abs(value))
        elif row.get("unit_family") == "percent" and _SIMPLE_FRACTION.search(
                str(row.get("text") or "")):
            # "a third of the vote" is a share rounded to a simple fraction: 33.7% is a third.
            tol = FRACTION_SHARE * abs(value)
        # A close bound's far side is the writer's own estimate, not a rounding.
        # A bound's own side allows a writer's slack, not a rounding: "nearly 40,000" for
        # 40,270, but not "nearly $80 million" for $82 million.
        slack = min(tol, BOUND_SLACK_SHARE * abs(value))
        low = low if tight and row["bound"] == "upper" else low - (
            slack if row["bound"] == "lower" else tol)
        high = high if tight and row["bound"] == "lower" else high + (
            slack if row["bound"] == "upper" else tol)
    return low, high


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two intervals meet. Two ranges that only touch do not: "$3.5 billion" and
    "$3.6 billion" meet at 3.55 only as the edges of two writers' roundings, of two figures.

    >>> overlap((3.45, 3.55), (3.55, 3.65)), overlap((12.0, 12.0), (12.0, 12.0))
    (False, True)
    """
    low = a[0] if a[0] > b[0] else b[0]
    high = a[1] if a[1] < b[1] else b[1]
    gap = high - low
    edge = 1e-9 * (abs(low) + 1.0) if -math.inf < low < math.inf else 0.0
    if gap > edge or gap < -edge:
        return gap > 0  # clearly overlapping (an unbounded side too) or clearly apart
    return a[0] == a[1] or b[0] == b[1]  # touching: only a point figure meets a range's edge


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    shared = a & b
    if not shared:
        return 0.0
    # Summed in word order, so the score never moves with the hash seed.
    inter = sum(idf.get(w, 1.0) for w in sorted(shared))
    union = sum(idf.get(w, 1.0) for w in sorted(a | b))
    return inter / union if union else 0.0


def prepare(row: dict) -> dict:
    """Add to a claim row what the features read from it more than once (its word sets,
    names, intervals and kind), so scoring many pairs computes each only once."""
    row["_lemmas"] = frozenset(lemmas(row))
    row["_context"] = frozenset(str(row.get("context") or "").split())
    row["_names"] = names_near(row)
    row["_tolerant"] = interval(row, True)
    row["_kind"] = _kind_of(row)
    row["_signatures"] = signatures(row)
    row["_person"] = named_age(row)
    row["_slot"] = sentence_slot(row)
    return row


def _memo(row: Row, key: str, compute: Callable[[Row], Any]) -> Any:
    """``compute(row)``, kept in the row: for what only some pairs ask (a figure's place, its
    tense), computed the first time one does."""
    if key not in row:
        row[key] = compute(row)  # type: ignore[index]
    return row[key]


def _cached(row: Row, key: str, compute: Callable[[Row], Any]) -> Any:
    value = row.get(key)
    return compute(row) if value is None else value


# Capitalised words that are not names: sentence openers, months, days, titles.
_NOT_NAMES = frozenset(
    "The A An In On At By For From To Of And But Or As It He She They We I This That These "
    "Those His Her Their Its Mr Mrs Ms Dr Sir Lord January February March April May June July "
    "August September October November December Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday After Before When While With About More Than Some Last Next".split())
# Proper names within this many characters of the figure, in its sentence.
NAME_WINDOW = 80


def names_near(row: Row) -> frozenset[str]:
    """Capitalised names near the figure ("Qeshm", "Manokwari", "Hansbrough")."""
    sentence = str(row.get("sentence") or "")
    at = int(row.get("start", 0)) - int(row.get("sentence_start", 0))
    window = sentence[max(at - NAME_WINDOW, 0): at + NAME_WINDOW]
    return frozenset(w for w in _NAME.findall(window) if w not in _NOT_NAMES)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")


def _in_sentence(row: Row) -> tuple[str, int, int] | None:
    """The claim's sentence and the figure's offsets in it, or None when they do not fit."""
    sentence = str(row.get("sentence") or "")
    at = int(row.get("start", 0)) - int(row.get("sentence_start", 0))
    if not (0 <= at <= len(sentence)):
        return None
    return sentence, at, at + len(str(row.get("text") or ""))


def scope(row: Row) -> frozenset[str]:
    """The places the figure is counted over ("province", "13 countries"), from its sentence."""
    found = _in_sentence(row)
    if found is None:
        return frozenset()
    sentence, at, end = found
    return frozenset(_PLACE_NAMES.get(p, p)
                     for p in phrases.place_scope(sentence, at, end, (0, len(sentence))))


# One country under its several names ("across Britain", "across the UK").
_PLACE_NAMES = {"britain": "uk", "great britain": "uk", "united kingdom": "uk", "british": "uk",
                "us": "united states", "usa": "united states", "america": "united states",
                "american": "united states"}


# A figure told as the whole: "across Britain", "across the group", "nationally", "in total".
_WHOLE = re.compile(r"\b(?:across|throughout)\s+(?:the\s+|all\s+|its\s+)?(?:[A-Z][\w'’-]+|"
                    r"country|nation|group|business|company|uk|us)\b|\bnation(?:al(?:ly)?|"
                    r"wide)\b|\b(?:country|group|company)-wide\b|\bin\s+total\b|"
                    r"\baltogether\b|\boverall\b")
WHOLE_BEFORE, WHOLE_AFTER = 60, 80
_CLAUSE_END = re.compile(r"[,;:()]")


def told_as_whole(row: Row) -> bool:
    """The words around the figure tell it as the whole ("1.02 million homes across Britain",
    "420 jobs across the group", "Nationally, the rate rose to 5.2 per cent")."""
    found = _in_sentence(row)
    if found is None:
        return False
    sentence, at, end = found
    # Between the figures either side: "Turnout in Galway West was 58.9 per cent, below the
    # national figure of nearly 63 per cent" tells only the second as the whole.
    before = [m.end() for m in phrases.NUMBER_WORD.finditer(sentence, max(0, at - WHOLE_BEFORE),
                                                             at)]
    after = phrases.NUMBER_WORD.search(sentence, end, end + WHOLE_AFTER)
    stop = _CLAUSE_END.search(sentence, end, end + WHOLE_AFTER)
    lo = before[-1] if before else max(0, at - WHOLE_BEFORE)
    hi = min(m.start() if m else end + WHOLE_AFTER for m in (after, stop))
    return bool(_WHOLE.search(sentence, lo, hi))


def counted_tag(r: Row) -> str:
    """What a count counts: its noun ("rifles") or, failing that, its outcome ("killed");
    '' for figures of any other kind."""
    if r.get("_kind", r.get("unit_family")) not in ("count", "person"):
        return ""
    return str(r.get("noun") or r.get("event") or "")


def _local_place(place: str) -> bool:
    """A place phrase that names a part of a whole ("the province", "Glasgow Airport", a
    people's adjective: "Scottish")."""
    return place.split()[-1] in _LOCAL_PLACES or " " not in place and place.endswith(
        phrases.DEMONYM_ENDINGS)


def measure_words(row: Row) -> frozenset[str]:
    """The words of a claim's measure text after its unit ("cost estimat project"), cut to
    their first five letters ("estimate" and "estimat" are one word); kept in the claim."""
    if "_measure_words" not in row:
        row["_measure_words"] = frozenset(w[:5] for w in str(row["measure"]).split()[1:])
    return row["_measure_words"]


def places_of(row: Row) -> frozenset[str]:
    """``scope``, kept in the claim (the matcher asks it of a figure many times)."""
    return _memo(row, "_scope", scope)


def stage_of(row: Row) -> str:
    """``stage_words``, kept in the claim."""
    return _memo(row, "_stage", stage_words)


def whole_of(row: Row) -> str:
    """The whole a part or an increment names after its figure ("£1.3bn of the savings":
    "saving"; "added £149 a year to the typical household's bill": "bill"), or ''."""
    role = row.get("role")
    if role not in ("part", "increment"):
        return ""

    def named(r: Row) -> str:
        found = _in_sentence(r)
        return phrases.named_whole(found[0], found[2], "of" if role == "part" else "to") \
            if found else ""
    return _memo(row, "_whole_of", named)


def part_of_named(part: Row, whole: Row) -> bool:
    """``part`` is a part of (or an addition to) a whole it names, and ``whole`` a larger
    figure of that whole ("spend £1.3bn of the savings"; "would save £8.1bn"): a link the
    words state across reports."""
    name = whole_of(part)
    if not name or whole.get("role") == "part" or abs(float(whole["value"])) <= abs(
            float(part["value"])):
        return False
    # "savings" and "save", "funding" and "fund": the verb or noun the whole is named from
    stems = {name, name[:-3], name[:-3] + "e"} if name.endswith("ing") else {name}
    # (the whole may be named as its figure's subject: "The average annual bill for a typical
    # household ... rose to £1,717")
    words = whole["_lemmas"] | {w for w in str(whole["measure"]).split()[1:]} | {
        singular(w) for w in _memo(whole, "_words", sentence_words)}
    return bool(stems & words) or whole.get("noun") in stems


def local_count(row: Row, story: Story | None = None) -> bool:
    """The figure is counted in a place that is part of a whole (a local one, or one of the
    story's ``minor_places``), and not told as the whole."""
    minor = story.minor_places if story and _counted_in_places(row) else frozenset()
    return (any(_local_place(p) or p in minor for p in places_of(row))
            and not _memo(row, "_whole", told_as_whole))


# What a national figure is the sum of its places' figures of: people, jobs, homes (not the
# games or points a team scores "in Detroit").
_PLACED_UNITS = frozenset("job home household house property business store shop school "
                          "branch".split())
# ... counted at this scale at least (a handful of people "in Philadelphia" is an incident's).
PLACED_MIN = 100


def _counted_in_places(row: Row) -> bool:
    """A count a place's share of a whole is told in: people, jobs, homes, a hundred or more."""
    return ((row.get("unit_family") == "person" or row.get("unit") in _PLACED_UNITS)
            and abs(float(row["value"])) >= PLACED_MIN)


# The stage of a count its clause names before the figure: an early one ("Provisional turnout
# ... was 61.3 per cent", "fell 7.4% in early trading") or the final one ("The final turnout of
# 62.8 per cent", "closed 4.1% lower").
_EARLY_STAGE = re.compile(r"\b(?:provisional|preliminary|early|initial(?:ly)?|originally|"
                          r"first\s+(?:estimated?|reported)|extended\s+trading|after[-\s]hours|"
                          r"pre-?market|"
                          r"flash\s+estimate|so\s+far\s+counted)\b", re.IGNORECASE)
_FINAL_STAGE = re.compile(r"\b(?:final|revised|closed|closing)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _names_a_stage(sentence: str) -> bool:
    return bool(_EARLY_STAGE.search(sentence) or _FINAL_STAGE.search(sentence))


def stage_words(row: Mapping[str, Any]) -> str:
    """The words of a figure's clause that name its stage, or ''."""
    sentence = str(row.get("sentence") or "")
    if not _names_a_stage(sentence):
        return ""  # most sentences name none: asked once per sentence
    at = int(row["start"]) - int(row["sentence_start"])
    end = at + len(str(row.get("text") or ""))
    lo, hi = phrases.clause_bounds(sentence, at, end)
    # The nearest to the figure: "closed 4.1% lower at 192.9p, having been down by as much as
    # 7.4% in early trading" names the first figure's stage "closed", the second's "early".
    found = [m for pattern in (_EARLY_STAGE, _FINAL_STAGE)
             for m in pattern.finditer(sentence, lo, hi)]
    if not found:
        return ""
    # (and one in the figure's own stretch between commas before one past a comma: "The figure
    # for August, initially estimated at 2.2 per cent, was revised higher" is the early one)
    def rank(m: re.Match[str]) -> tuple[bool, int]:
        gap = (end, m.start()) if m.start() >= end else (m.end(), at)
        return (bool(_COMMA.search(sentence, *gap)), gap[1] - gap[0])
    return min(found, key=rank).group(0)


_COMMA = re.compile(r"[,;]\s")


def stages(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple | None:
    """(early, final) when one figure is named an early stage of a count and the other its
    final stage, else None."""
    wa, wb = stage_words(a), stage_words(b)
    early = [r for r, w in ((a, wa), (b, wb)) if w and _EARLY_STAGE.fullmatch(w)]
    final = [r for r, w in ((a, wa), (b, wb)) if w and _FINAL_STAGE.fullmatch(w)]
    return (early[0], final[0]) if len(early) == 1 and len(final) == 1 else None


# A share price's close: "the shares closed down 7.4%", "closed 4.7 per cent lower at £4.12";
# not an index's ("the FTSE 100 closed 0.3% higher").
_CLOSE = re.compile(r"\b(?:closed|closing)\b", re.IGNORECASE)
_SHARES = frozenset({"shar", "stock"})
_INDEX = re.compile(r"\b(?:index|indices|FTSE|Dow|S&P|Nasdaq|DAX|CAC|Nikkei|Hang\s+Seng|"
                    r"ISEQ|Stoxx|market)\b")


def _day_of(row: Row) -> tuple[str, bool]:
    """The day a figure holds for, and whether its words state it (else its report's date)."""
    if row.get("period_kind") == "day" and row.get("period_start"):
        return str(row["period_start"])[:10], True
    return str(row.get("as_of") or "")[:10], False


def _one_day(a: Row, b: Row) -> bool:
    """The two hold for one day: the same, or a day an undated report of the next morning
    tells ("the shares closed up 3.9%" in a report of the 16th, "on Wednesday" the 15th)."""
    (da, stated_a), (db, stated_b) = _day_of(a), _day_of(b)
    if not da or not db:
        return False
    if da == db:
        return True
    if stated_a and stated_b:
        return False
    days = periods.days_between(da, db)
    return days is not None and abs(days) == 1 and (
        (not stated_a and days < 0) or (not stated_b and days > 0))


# The votes for in a tally: "approved by 42 votes to 17", "cut by six votes to three".
_TALLY_FOR = re.compile(r"\s*votes?\s+to\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|"
                        r"ten|eleven|twelve)\b", re.IGNORECASE)


def tally_for(row: Row) -> bool:
    """The figure is the votes for in a tally ("by 42 votes to 17")."""
    sentence = str(row.get("sentence") or "")
    return bool(_TALLY_FOR.match(sentence, int(row["end"]) - int(row["sentence_start"])))


def same_tally(a: Row, b: Row, story: Story) -> bool:
    """Both are the votes for in the one vote tally each report gives ("approved by 42 votes
    to 17", "by 46 votes to 17"): one vote, whatever else their words say."""
    # (the story's counts first: most reports give no tally, and every pair asks)
    return (story.tallies_in_article[a["article"]] == 1
            and story.tallies_in_article[b["article"]] == 1 and tally_for(a) and tally_for(b))


def same_close(a: Row, b: Row, story: Story) -> bool:
    """Both tell one day's close of a company's shares, as a move or a price ("the shares
    closed down 7.4% at 412 pence", "closed 4.7 per cent lower at £4.12 on Thursday"): a day
    has one close, so two reports of it are one measure whatever their other words."""
    if a["unit"] != b["unit"] or a.get("role") != b.get("role") or not _one_day(a, b):
        return False
    for r in (a, b):
        sentence = str(r.get("sentence") or "")
        if not (_CLOSE.search(stage_of(r)) and measure_words(r) & _SHARES) or \
                _INDEX.search(sentence):
            return False
    return not (holder_clash(a, b, story) or qualifier_clash(a, b, story))


# A place's count is a part of the whole's only where it is clearly less than it.
PART_SHARE_MAX = 0.95
# ... and, in a place few of the story's reports name, at most half of it.
MINOR_PART_SHARE = 0.5


def local_part(a: Row, b: Row, story: Story) -> bool:
    """One figure is counted in a place ("91,000 people in the region", "turnout in Galway
    West"), the other over no place named, and nothing else they name differs: a count of the
    place smaller than the whole's, or a rate of the place beside the whole's, of one noun."""
    if a["unit_family"] not in ("count", "person", "percent", "money") or a["unit"] != b["unit"]:
        return False  # a term served "in federal prison" is no part of a place
    if a["unit_family"] == "percent" and not (a["noun"] and a["noun"] == b["noun"]):
        return False
    # (A region the story names, holding the figure, is a place: "Manabí's death toll".)
    ha, hb = holder_place(a, story), holder_place(b, story)
    sa, sb = places_of(a) | ({ha} if ha else set()), places_of(b) | ({hb} if hb else set())
    wa, wb = _memo(a, "_whole", told_as_whole), _memo(b, "_whole", told_as_whole)
    # The whole names no place, or is told as the whole ("across Britain") where the part is
    # not ("412,000 Scottish homes").
    local_a = bool(sa) and not wa and (not sb or wb and not sa & sb)
    local_b = bool(sb) and not wb and (not sa or wa and not sa & sb)
    if local_a == local_b or (holder_clash(a, b, story) and not (ha or hb)
                              or event_clash(a, b, story) or qualifier_clash(a, b, story)):
        return False
    if a["unit_family"] == "percent":
        return bool(a["noun"]) and a["noun"] == b["noun"]
    local, whole = (a, b) if local_a else (b, a)
    share = PART_SHARE_MAX
    if not (local is a and wb or local is b and wa) and not any(
            _local_place(p) for p in sa | sb):
        # a count "in the Atlantic Division", "in Gaza": not told as a local part (a count of
        # "Scottish homes", "Canadian firefighters" is one) ...
        if not (sa | sb) & story.minor_places or not _counted_in_places(local):
            return False
        # ... unless few of the story's reports name the place: then only a clear part
        share = MINOR_PART_SHARE
    # (A part all but the whole, "45,755" of "45,774", is the whole counted again.)
    return (counted_tag(a) == counted_tag(b)
            and float(local["value"]) < share * float(whole["value"])
            and (bool(counted_tag(a)) or bool(set(words(a)) & set(words(b)) - {a["unit"]})))


def qualifiers(row: Row) -> frozenset[str]:
    """The qualifiers of the measure ("underlying", "core", "pre-tax"), from its clause."""
    found = _in_sentence(row)
    if found is None:
        return frozenset()
    sentence, at, end = found
    return phrases.measure_qualifiers(sentence, at, end, phrases.clause_bounds(sentence, at, end))


def settled(row: Row) -> bool:
    """The figure counts an event told as over (``told_as_past``); never a running count or an
    age (a person grows older)."""
    return not (row.get("running") or row.get("unit_family") == "age") and told_as_past(row)


def told_as_past(row: Row) -> bool:
    """The figure's clause is in the simple past with nothing present in it ("It gave him 2,117
    career points"), whatever the figure counts (``phrases.is_settled``)."""
    found = _in_sentence(row)
    if found is None:
        return False
    sentence, at, end = found
    return phrases.is_settled(sentence, at, end, phrases.clause_bounds(sentence, at, end))


def named_age(row: Row) -> str:
    """The person an age belongs to when the sentence names them, as the name's words
    ("Orozco, 29" -> orozco, "32-year-old Englishman Robert Buckley" -> robert buckley), else
    ''."""
    holder = row.get("holder") or ""
    if row.get("unit_family") != "age" or not holder:
        return ""
    sentence = str(row.get("sentence") or "")
    at = int(row.get("start", 0)) - int(row.get("sentence_start", 0))
    window = sentence[max(at - NAME_WINDOW, 0): at + NAME_WINDOW]
    for m in _FULL_NAME.finditer(window):
        words = m.group().split()
        if singular(words[-1].lower()) == holder:
            given = [w.lower() for w in words[:-1] if w not in _NOT_NAMES]
            return " ".join(given + [holder])
    return ""


_FULL_NAME = re.compile(r"(?:[A-Z][a-z'’]+\s+){0,3}[A-Z][a-zA-Z'’]+")


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname, and the given names of one are among the
    other's ("orozco", "jose luis orozco"; not "katherine gomes", "gary gomes").

    >>> same_person("orozco", "jose luis orozco"), same_person("katherine gomes", "gary gomes")
    (True, False)
    """
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    ga, gb = set(wa[:-1]), set(wb[:-1])
    return ga <= gb or gb <= ga


def _kind_of(row: Row) -> str:
    return units.kind(row)


# --- the features -----------------------------------------------------------------------------

def same_value(a: Row, b: Row, story: Story) -> float:
    """The two figures are the same number ("£150million", "£150 million")."""
    return float(rel_diff(float(a["value"]), float(b["value"])) < 1e-9)


def _tolerant(row: Row) -> tuple[float, float]:
    return interval(row, True)


def compatible(a: Row, b: Row, story: Story) -> float:
    """The wording of one allows the other ("more than 12,000" and 12,417), rounding allowed."""
    if _last_compatible[0] is not a or _last_compatible[1] is not b:
        _last_compatible[:] = [a, b, float(overlap(_cached(a, "_tolerant", _tolerant),
                                                   _cached(b, "_tolerant", _tolerant)))]
    return _last_compatible[2]


# The last pair ``compatible`` was asked of (the matcher asks it twice per pair).
_last_compatible: list = [None, None, 0.0]


def near(a: Row, b: Row, story: Story) -> float:
    """Different figures within 10% of each other (45,774 and 45,755): a near miss."""
    d = rel_diff(float(a["value"]), float(b["value"]))
    return float(0 < d <= NEAR_SHARE)


def log_ratio(a: Row, b: Row, story: Story) -> float:
    """How far apart the figures are, 0 (equal) to 1 (twenty times or more)."""
    va, vb = abs(float(a["value"])), abs(float(b["value"]))
    if va == vb:
        return 0.0
    if min(va, vb) == 0:
        return 1.0
    return min(abs(math.log(va / vb)) / MAX_LOG_RATIO, 1.0)


def same_unit(a: Row, b: Row, story: Story) -> float:
    """Both count the same unit as written ("boat" and "boat", "GBP" and "GBP")."""
    return float(a["unit"] == b["unit"])


def bare_count(a: Row, b: Row, story: Story) -> float:
    """One of them counts no named thing ("more than 12,000 have crossed")."""
    return float("count" in (a["unit"], b["unit"]))


def same_noun(a: Row, b: Row, story: Story) -> float:
    """Both name the same specific counted noun ("juror", "rifle")."""
    return float(bool(a["noun"]) and a["noun"] == b["noun"])


def noun_clash(a: Row, b: Row, story: Story) -> float:
    """Both name a counted noun, and not the same one ("women" and "children")."""
    return float(bool(a["noun"]) and bool(b["noun"]) and a["noun"] != b["noun"])


def same_event(a: Row, b: Row, story: Story) -> float:
    """The same thing happened to what is counted ("killed" and "died")."""
    return float(bool(a["event"]) and a["event"] == b["event"])


def event_clash(a: Row, b: Row, story: Story) -> float:
    """Different outcomes ("killed" and "injured")."""
    return float(bool(a["event"]) and bool(b["event"]) and a["event"] != b["event"])


def same_holder(a: Row, b: Row, story: Story) -> float:
    """The figure belongs to the same named holder ("Buckley, 31" and "Buckley, 32")."""
    return float(bool(a["holder"]) and a["holder"] == b["holder"])


def holder_clash(a: Row, b: Row, story: Story) -> float:
    """Figures of two different holders (a daughter's age, her mother's). An age whose holder
    is no name ("the 29-year-old gang member") may be a named person's: no clash."""
    if a.get("unit_family") == "age" and b.get("unit_family") == "age":
        pa, pb = _cached(a, "_person", named_age), _cached(b, "_person", named_age)
        return float(bool(pa) and bool(pb) and not same_person(pa, pb))
    ha, hb = a["holder"], b["holder"]
    if not (ha and hb) or ha == hb:
        return 0.0
    # Two words of one name, each report ending it elsewhere ("The Cedar Ridge Fire had
    # burned", "the Cedar Ridge fire has burnt"): each holder is in the other's sentence.
    return float(not (ha in _memo(b, "_words", sentence_words)
                      and hb in _memo(a, "_words", sentence_words)))


def sentence_words(row: Row) -> frozenset[str]:
    """The lowercased words of the figure's sentence."""
    return frozenset(re.findall(r"[a-z]+", str(row.get("sentence") or "").lower()))


def scope_clash(a: Row, b: Row, story: Story) -> float:
    """Both say where they are counted, and not the same place ("170,000 in the province",
    "230,000 in 13 countries"): a part of a whole, or two places, never one measure."""
    sa, sb = places_of(a), places_of(b)
    if bool(sa) != bool(sb):
        # "Turnout in the constituency was 53.9%" against a figure said of no place: a local
        # count set against the story's whole.
        return float(any(p.split()[-1] in _LOCAL_PLACES for p in sa | sb))
    return float(bool(sa) and bool(sb) and not sa & sb)


_LOCAL_PLACES = frozenset("constituency ward borough district county town village city "
                          "region province airport site plant factory depot base port mine "
                          "hospital campus".split())


def qualifier_clash(a: Row, b: Row, story: Story) -> float:
    """Both qualify their measure, differently ("underlying profit", "statutory pre-tax
    profit"; "core inflation", "services inflation"): two measures that differ by design."""
    qa, qb = _memo(a, "_qualifiers", qualifiers), _memo(b, "_qualifiers", qualifiers)
    return float(bool(qa) and bool(qb) and qa != qb and not (qa <= qb or qb <= qa)
                 or bool(qa) != bool(qb) and bool((qa | qb) & _EXCLUSIVE))


# A qualifier that names a part or a variant the plain measure is not ("core inflation" is no
# headline rate; "services inflation" no all-items rate).
_EXCLUSIVE = frozenset({"core", "services", "food", "energy", "adjusted"})


def phrase_overlap(a: Row, b: Row, story: Story) -> float:
    """Shared words in the phrases that govern the figures ("specialist investigators"), rare
    words of the story counting most."""
    return _weighted_jaccard(_lemma_set(a), _lemma_set(b), story.idf)


def _lemma_set(row: Row) -> frozenset[str]:
    return _cached(row, "_lemmas", lambda r: frozenset(lemmas(r)))


def _context_set(row: Row) -> frozenset[str]:
    return _cached(row, "_context", lambda r: frozenset(str(r.get("context") or "").split()))


def same_phrase(a: Row, b: Row, story: Story) -> float:
    """The governing phrases have the same lemmas ("people killed", "person kill")."""
    la = _lemma_set(a)
    return float(bool(la) and la == _lemma_set(b))


def context_overlap(a: Row, b: Row, story: Story) -> float:
    """Shared content words near the figures, rare words of the story counting most."""
    return _weighted_jaccard(_context_set(a), _context_set(b), story.idf)


def measure_fuzzy(a: Row, b: Row, story: Story) -> float:
    """How alike the short measure texts read (rapidfuzz token set ratio, 0..1)."""
    return fuzz.token_set_ratio(str(a["measure"]), str(b["measure"])) / 100.0


def sentence_alike(a: Row, b: Row, story: Story) -> float:
    """The two sentences are nearly the same (wire copy, or a fact restated verbatim)."""
    return float(fuzz.ratio(str(a["sentence"]), str(b["sentence"]), score_cutoff=85) > 0)


_last_relation: list = [None, None, ""]


def relation(a: Row, b: Row) -> str:
    """``periods.relation`` of the pair, computed once for the several features that ask."""
    if _last_relation[0] is not a or _last_relation[1] is not b:
        prel = periods.relation(a, b)
        kinds = {a["period_kind"], b["period_kind"]}
        if (prel == "different" and a.get("running") and b.get("running")
                and (kinds <= {None, "day"} or len(kinds) == 2 and kinds & {None, "day"}
                     and kinds & {"year-to-date", "since"})):
            # A running count stamped with the day of each report ("rose to 158 on
            # Thursday", "213 on Saturday"; "the total so far", "the total on Wednesday"): one
            # count at two moments.
            prel = "update"
        elif (prel == "different" and not (a["period_kind"] or b["period_kind"])
                and _memo(a, "_settled", settled) and _memo(b, "_settled", settled)):
            # Two reports of an event told as over ("he served four months"), neither saying
            # when: the days between the reports do not make them two moments' figures.
            prel = "unknown"
        _last_relation[:] = [a, b, prel]
    return _last_relation[2]


def period_same(a: Row, b: Row, story: Story) -> float:
    """Both state a period, and it is the same one (or one cumulative count at two dates)."""
    return float(bool(a["period_kind"]) and bool(b["period_kind"])
                 and relation(a, b) in ("same", "update"))


def period_different(a: Row, b: Row, story: Story) -> float:
    """Their periods differ ("in 2023" against "this year"), or the reports are far apart."""
    return float(relation(a, b) == "different")


def days_apart(a: Row, b: Row, story: Story) -> float:
    """How far apart the reports were published, 0 (same day) to 1 (a year or more)."""
    gap = periods.days_between(a.get("published"), b.get("published"))
    if gap is None:
        return 0.0
    return min(math.log1p(abs(gap)) / math.log1p(365), 1.0)


def undated(a: Row, b: Row, story: Story) -> float:
    """At least one report has no publication date."""
    return float(not a.get("published") or not b.get("published"))


def rare_figure(a: Row, b: Row, story: Story) -> float:
    """The very same exact figure, stated by few articles of the story: likely one fact."""
    if not (same_value(a, b, story) and a["bound"] == "exact" == b["bound"]):
        return 0.0
    return float(story.figure_articles[(_cached(a, "_kind", _kind_of), float(a["value"]))]
                 <= RARE_ARTICLES)


def crowded(a: Row, b: Row, story: Story) -> float:
    """One of the figures sits in a list or stat line of three or more figures."""
    return float(max(int(a.get("crowd", 1)), int(b.get("crowd", 1))) >= CROWDED_SENTENCE)


def role_differs(a: Row, b: Row, story: Story) -> float:
    """One is stated as an increment, part, change or difference and the other is not."""
    return float((a["role"] or "") != (b["role"] or ""))


def both_ages(a: Row, b: Row, story: Story) -> float:
    """Both are ages: many people in a story have one, so an age needs its holder."""
    return float(a["unit_family"] == "age" and b["unit_family"] == "age")


def both_percent(a: Row, b: Row, story: Story) -> float:
    """Both are percentages: rates, shares and changes are many and alike in wording."""
    return float(a["unit_family"] == "percent" and b["unit_family"] == "percent")


def both_money(a: Row, b: Row, story: Story) -> float:
    """Both are sums of money."""
    return float(a["unit_family"] == "money" and b["unit_family"] == "money")


def names_shared(a: Row, b: Row, story: Story) -> float:
    """Both name the same person or place near the figure."""
    return float(bool(_cached(a, "_names", names_near) & _cached(b, "_names", names_near)))


def names_clash(a: Row, b: Row, story: Story) -> float:
    """Both name people or places near the figure, none in common, and one names there what
    the other report names beside another figure (a name only one report gives is its own
    detail, a spokesman or a town, not another holder)."""
    na, nb = _cached(a, "_names", names_near), _cached(b, "_names", names_near)
    if not na or not nb or na & nb:
        return 0.0
    in_a = story.names_in_article.get(a["article"], ())
    in_b = story.names_in_article.get(b["article"], ())
    return float(any(singular(n.lower()) in in_b for n in na)
                 or any(singular(n.lower()) in in_a for n in nb))


def many_alike(a: Row, b: Row, story: Story) -> float:
    """How many figures of the same kind the two articles hold (log scale, 0..1): with one
    each, they are likely the same measure; with twenty, words must say which is which."""
    k = _cached(a, "_kind", _kind_of)
    n = max(story.kind_in_article[(a["article"], k)], story.kind_in_article[(b["article"], k)])
    return min(math.log(max(n, 1)) / math.log(20), 1.0)


def only_one_each(a: Row, b: Row, story: Story) -> float:
    """Both count the same noun, and each article gives one figure of it: "three children"
    and "eight children" are then about the same children, whatever the figures."""
    return float(bool(same_noun(a, b, story))
                 and story.noun_in_article[(a["article"], a["noun"])] == 1
                 and story.noun_in_article[(b["article"], b["noun"])] == 1)


# Which payment of a year's dividend a sum is, told just before it: one of its parts ("a final
# dividend of 8.4p", "the interim payout of 2.8p") or the year's whole ("a total dividend of
# 12.6p", "bringing the total for the year to 12.6 pence", "a full-year payout of 10.2p").
_PAYOUT_PART = re.compile(r"\b(?P<part>final|interim|special|quarterly|half-year|first-half|"
                          r"second-half)\s+(?:cash\s+)?(?:dividend|payout|distribution)s?\b"
                          r"[^.;:\d]{0,30}$", re.IGNORECASE)
_PAYOUT_WHOLE = re.compile(r"\b(?:(?:total|full[-\s]year|annual|whole[-\s]year)\s+(?:cash\s+)?"
                           r"(?:dividend|payout|distribution)s?\b[^.;:\d]{0,30}"
                           r"|\btotal\s+(?:for\s+the\s+(?:full\s+)?year\s+)?(?:to|of|at)\s+)$",
                           re.IGNORECASE)
_PAYOUT_WORDS = re.compile(r"\b(?:dividend|payout|distribution)s?\b", re.IGNORECASE)
PAYOUT_BEFORE = 60


def payout_kind(row: Row) -> str:
    """Which payment of a dividend a sum is: "final", "interim" (a part of the year's), "total"
    (the year's whole), or '' (not a dividend, or not said)."""
    if row.get("unit_family") != "money":
        return ""

    def read(r: Row) -> str:
        found = _in_sentence(r)
        if found is None or not _PAYOUT_WORDS.search(found[0]):
            return ""
        sentence, at, _ = found
        before = sentence[max(0, at - PAYOUT_BEFORE):at]
        before = re.sub(r"^.*(?:\d|[.;])", "", before)  # (not past another figure)
        part = _PAYOUT_PART.search(before)
        if part:
            return part.group("part").lower()
        return "total" if _PAYOUT_WHOLE.search(before) else ""
    return _memo(row, "_payout", read)


def toll_of(row: Row) -> str:
    """The outcome a running count of people counts ("death" for "the death toll rose to
    158"), the extent an area a developing event has burned or flooded measures ("burn"), or
    the outlay money spent so far counts ("spend"); '' for any other figure."""
    if row.get("running") and (row.get("unit_family") == "person" or units.kind(row) == "area"
                               or row.get("unit_family") == "money"):
        return str(row.get("event") or "")
    return ""


def same_running_count(a: Row, b: Row, story: Story) -> float:
    """Both are running counts of people who met one outcome of the story's developing event
    ("at least 92 people killed", "the death toll rose to 158"): one toll, reported as it
    grows, whatever the wording."""
    toll_a, toll_b = toll_of(a), toll_of(b)
    if toll_a == toll_b:
        return float(toll_a != "")
    if not (toll_a or toll_b):
        return 0.0
    # One report tells the toll ("has now claimed five lives"), an earlier or later one the
    # count of that outcome as of its day ("the storm killed two people").
    return float((toll_a or _outcome_of(a)) == (toll_b or _outcome_of(b))
                 and a.get("as_of") is not None and a.get("as_of") != b.get("as_of"))


def _outcome_of(row: Row) -> str:
    """The outcome of a developing event a count of people names, or ''."""
    if row.get("unit_family") == "person" and row.get("event") in phrases.RUNNING_EVENTS:
        return str(row["event"])
    return ""


_TO_DATE = frozenset({"year-to-date", "since"})


def same_count_to_date(a: Row, b: Row, story: Story) -> float:
    """Both count one unit from one start to their reports' dates ("36,954 people crossing
    since January 1", "the total since January 1 now stands at 38,259") stated at two dates,
    nothing they name differs, and each is its report's only such count of that outcome (a
    count of deaths to date beside it counts something else): one count to date, told twice."""
    if (a.get("period_kind") not in _TO_DATE or b.get("period_kind") not in _TO_DATE
            or relation(a, b) != "update"):
        return 0.0
    # A bare total ("the total ... stands at 38,259") counts what the other names.
    if a["unit"] != b["unit"] and "count" not in (a["unit"], b["unit"]):
        return 0.0
    pa, pb = _parts(a), _parts(b)
    if any(pa[n] and pb[n] and pa[n] != pb[n] for n in ("noun", "event")):
        return 0.0
    outcome = pa["event"] or pb["event"]
    return float(all(
        sum(1 for e in story.to_date_in_article.get(
            (r["article"], r["unit"], r.get("period_start")), ()) if e in ("", outcome)) == 1
        for r in (a, b)))


def both_running(a: Row, b: Row, story: Story) -> float:
    """Both are running counts of a developing event (tolls, "so far", "to date")."""
    return float(bool(a.get("running")) and bool(b.get("running")))


def unique_match(a: Row, b: Row, story: Story) -> float:
    """They share what identifies a measure (two of noun, outcome and stated period), nothing
    of it differs, and each is the only figure of its unit with it in
    its article: "30,094 people crossed this year" and "more than 31,000 have crossed this
    year" are then one count, whatever else the articles say."""
    if a["unit"] != b["unit"]:
        return 0.0
    pa, pb = _parts(a), _parts(b)
    if any(pa[n] and pb[n] and pa[n] != pb[n] for n in pa):
        return 0.0
    for sig in cached_signatures(a) & cached_signatures(b):
        if (story.signature_in_article[(a["article"], a["unit"], sig)] == 1
                and story.signature_in_article[(b["article"], b["unit"], sig)] == 1):
            return 1.0
    return 0.0


# How much of their governing phrases two figures of two significant digits must share before a
# swap or a slipped decimal point between them is read as one figure miscopied ("360 people
# evacuated from beaches by coastguard boats", "630 people taken off beaches by coastguard
# boats"): two digits meet by chance far more often than three.
SHORT_SLIP_OVERLAP = 0.45


def short_slip(a: Row, b: Row) -> bool:
    """Two exact figures of two significant digits each, of money or a count or a share, that are
    one figure miscopied if they measure one thing: the digits swapped ("360", "630"; "7.4%",
    "4.7%") or a decimal point apart ("$1.5 million", "$15 million"); counts must name the same
    noun or outcome. The caller asks that their phrases say so (``SHORT_SLIP_OVERLAP``)."""
    if a["bound"] != "exact" or b["bound"] != "exact" or a.get("unit_family") not in SLIP_FAMILIES:
        return False
    pa, da = _cached(a, "_sig", lambda r: significant(r["value"]))
    pb, db = _cached(b, "_sig", lambda r: significant(r["value"]))
    if len(da) != 2 or len(db) != 2:
        return False
    if a.get("unit_family") in ("count", "person") and not (
            a.get("noun") and a.get("noun") == b.get("noun")
            or a.get("event") and a.get("event") == b.get("event")):
        return False  # ("a town of 4,300 people", "430 people had now been injured")
    return (pa == pb and da == db[::-1] and da[0] != da[1]) or (da == db and abs(pa - pb) == 1)


# Families a slip of digits is read in: their figures are kept as written (not lengths or
# durations, held in base units).
SLIP_FAMILIES = frozenset({"money", "count", "person", "percent"})


# One person's ages in one story differ by at most this many years plus the years between the
# reports; further apart, they are two people of one name (a father and his son).
PERSON_AGE_GAP = 5


def same_person_age(a: Row, b: Row, story: Story) -> float:
    """Both are the age of one named person ("Orozco, 27" and "Jose Luis Orozco, 29"): a
    person has one age at a time, whatever else the sentences say."""
    if not same_person(_cached(a, "_person", named_age), _cached(b, "_person", named_age)):
        return 0.0
    days = periods.days_between(a.get("published"), b.get("published")) or 0
    gap = abs(float(a["value"]) - float(b["value"]))
    return float(gap <= PERSON_AGE_GAP + abs(days) / 365.25)


def sentence_slot(row: Row) -> tuple[int, int]:
    """Where a figure sits: its offset in its sentence, and the sentence with its figures
    blanked (``copies.sentence_key``)."""
    return (int(row["start"]) - int(row["sentence_start"]),
            copies.sentence_key(str(row["sentence"]), figures=False))


def same_sentence_slot(a: Row, b: Row, story: Story) -> float:
    """The same sentence, word for word but for its figures, with the figure in the same place:
    a copy of a report that changed the figure ("213 people had died" and "231 people ...")."""
    return float(_cached(a, "_slot", sentence_slot) == _cached(b, "_slot", sentence_slot))


def significant(value: float) -> tuple[int, str]:
    """(the power of ten of the leading digit, the significant digits) of a figure:
    2,370,000,000 -> (9, "237")."""
    v = abs(float(value))
    if v == 0 or not math.isfinite(v):
        return 0, ""
    d = Decimal(repr(v)).normalize()
    return d.adjusted(), "".join(map(str, d.as_tuple().digits)).rstrip("0")


# One digit changed is a slip only in a figure this precise: price points ("$1,099",
# "$1,199") and running tallies ("2,301", "2,302") differ by one digit by design; or with one
# digit fewer in a figure of tens of thousands or more ("481,200" and "491,200" people, "€462.3bn"
# and "€452.3bn"), which no price or player's tally reaches.
SLIP_SUBSTITUTION_DIGITS = 5
SLIP_SUBSTITUTION_LARGE = 10_000
# Powers of ten a figure's digits slip by: a decimal point moved one place, or the wrong word
# of a thousand ("million" for "billion").
SLIP_SCALES = (1, 3)
# Families whose values keep the digits as written (money in its currency, counts); a length,
# a duration or a weight is held in a base unit, whose digits no one wrote ("5 years" and "50
# years" are 1,826.25 and 18,262.5 days).
_AS_WRITTEN = frozenset({"money", "count", "person"})


def digit_slip(a: Row, b: Row, story: Story) -> float:
    """The figures are one figure with a slip of the pen: two neighbouring digits swapped
    ("672,600" and "627,600", "£2.37bn" and "£2.73bn") or, in a figure of five significant
    digits or more (four, from tens of thousands up), one digit changed ("59,177,500" and
    "59,171,500"; "481,200" and "491,200"). Figures that precise
    rarely meet by chance in one story. 1.0 for a swap, 0.5 for a changed digit (which a
    count still being made may show from one day to the next: "27,281", "27,981"); 1.0 also
    for the same three or more digits a decimal point or a thousand apart ("$307 million",
    "$3.07 billion"; "$4.12m", "$4.12bn")."""
    pa, da = _cached(a, "_sig", lambda r: significant(r["value"]))
    pb, db = _cached(b, "_sig", lambda r: significant(r["value"]))
    if (len(da) >= 3 and da == db and abs(pa - pb) in SLIP_SCALES
            and a.get("unit_family") in _AS_WRITTEN):
        return 1.0
    if pa != pb or len(da) != len(db) or len(da) < 3 or da == db:
        return 0.0
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] \
            and da[diff[1]] == db[diff[0]]:
        return 1.0
    precise = len(da) >= SLIP_SUBSTITUTION_DIGITS or (
        len(da) == SLIP_SUBSTITUTION_DIGITS - 1
        and abs(float(a["value"])) >= SLIP_SUBSTITUTION_LARGE)
    return 0.5 if len(diff) == 1 and precise else 0.0


# An unnamed age ("the 29-year-old gang member") is taken for a named person's when its report
# names that person, and it is the one age of that report within this many years of theirs.
COREF_AGE_YEARS = 2


def coreferent_age(a: Row, b: Row, story: Story) -> float:
    """One is a named person's age ("Andrew Lopez, 20"), the other an unnamed age in a report
    that names the same person ("an 18-year-old gang member"), the only age of that report
    within a couple of years of theirs (a birthday per year between the reports allowed)."""
    pa, pb = _cached(a, "_person", named_age), _cached(b, "_person", named_age)
    if bool(pa) == bool(pb) or a.get("unit_family") != "age" or b.get("unit_family") != "age":
        return 0.0
    named, other = (a, b) if pa else (b, a)
    surname = (pa or pb).rpartition(" ")[2]
    if surname not in story.names_in_article.get(other["article"], ()):
        return 0.0
    days = periods.days_between(a.get("published"), b.get("published")) or 0
    window = COREF_AGE_YEARS + abs(days) / 365.25
    near = [v for v in story.ages_in_article.get(other["article"], ())
            if abs(v - float(named["value"])) <= window]
    return float(len(near) == 1 and abs(float(other["value"]) - float(named["value"])) <= window)


def hedged(a: Row, b: Row, story: Story) -> float:
    """One of them is a bound or an estimate ("more than", "about"), not an exact figure."""
    return float(a["bound"] != "exact" or b["bound"] != "exact")


SAME_MEASURE: dict[str, Callable[[Row, Row, Story], float]] = {
    f.__name__: f for f in (
        same_value, compatible, near, log_ratio, same_unit, bare_count, same_noun, noun_clash,
        same_event, event_clash, same_holder, holder_clash, phrase_overlap, same_phrase,
        context_overlap, measure_fuzzy,
        sentence_alike, period_same, period_different, days_apart, undated, rare_figure,
        crowded, role_differs, both_ages, both_percent, both_money, hedged, names_shared,
        names_clash, many_alike, only_one_each, both_running, unique_match)
}


# --- features of why two figures of one measure differ ------------------------------------------

def running(a: Row, b: Row, story: Story) -> float:
    """Either figure is a running count of a developing event (a toll, "so far", "to date")."""
    return float(bool(a.get("running")) or bool(b.get("running")))


def increment_role(a: Row, b: Row, story: Story) -> float:
    """One is stated as an increment ("a further £75 million") and the other is not."""
    return float(("increment" in (a["role"], b["role"])) and a["role"] != b["role"])


def part_role(a: Row, b: Row, story: Story) -> float:
    """One is stated as a part ("of whom", "including") and the other is not."""
    return float(("part" in (a["role"], b["role"])) and a["role"] != b["role"])


def period_update(a: Row, b: Row, story: Story) -> float:
    """One cumulative count stated at two dates."""
    return float(relation(a, b) == "update")


def far_apart(a: Row, b: Row, story: Story) -> float:
    """The larger figure is at least one and a half times the smaller."""
    va, vb = abs(float(a["value"])), abs(float(b["value"]))
    return float(max(va, vb) >= 1.5 * min(va, vb))


WHY_DIFFERENT: dict[str, Callable[[Row, Row, Story], float]] = {
    f.__name__: f for f in (
        log_ratio, near, far_apart, running, increment_role, part_role, period_update,
        period_different, days_apart, undated, both_ages, both_money, both_percent, hedged,
        same_holder, bare_count, crowded)
}


def vector(names: dict[str, Callable[[Row, Row, Story], float]], a: Row, b: Row,
           story: Story) -> list[float]:
    """The values of the named features for one pair, in the order of ``names`` (each
    feature returns a float: the matcher calls this for every candidate pair)."""
    return [f(a, b, story) for f in names.values()]
