"""Candidate pairs -> findings: agree, contradict or explained, each with a sentence for editors.

A pair of aligned claims agrees when the intervals their wording allows overlap (a round figure
may stand for anything it rounds from) and the figures are close; otherwise the verdict looks for
a reason before calling it a contradiction: one figure is an increment and the other a total,
one is a part of the other, a running count was updated between reports, or the reports are
far apart in time. Only a difference with no reason is a contradiction.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from . import features, formatting, model, periods, phrases, units
from .components import components
from .schema import Finding, rows_by_index

# Point values further apart than this (relative) are not called an agreement even when the
# intervals overlap: "more than 700" and "more than 12,000" are both true of 12,417, but an
# editor gains nothing from seeing them paired.
AGREE_MAX_REL_DIFF = 0.12
# Outlets' figures for one measure differ by at most this factor in every labelled set (141
# contradictions: one 10x decimal slip, three at 2.5-3x, the rest closer): figures further
# apart count different things, or a part of the other.
SLIP_RATIO = 4.0
# Hedged figures ("about 200") are read as this share either side unless the parser said more.
APPROX_SHARE = 0.10


# The interval arithmetic is the features' own: one definition of what a wording allows.
rounding_tolerance = features.rounding
interval = features.interval
rel_diff = features.rel_diff
_overlap = features.overlap


def _who(row: Mapping[str, Any]) -> str:
    src = row.get("source")
    name = src if isinstance(src, str) and src else f"article {row['article']}"
    pub = row.get("published")
    return f"{name} ({pub})" if isinstance(pub, str) and pub else name


def _when(row: Mapping[str, Any]) -> str:
    kind, start, end = row.get("period_kind"), row.get("period_start"), row.get("period_end")
    if kind == "year-to-date" and isinstance(end, str):
        return f" for the year to {end}"
    if kind in ("year", "month", "week", "day", "range") and isinstance(start, str):
        return f" for {start}" + (f" to {end}" if isinstance(end, str) and end != start else "")
    if kind == "since" and isinstance(start, str):
        return f" since {start}"
    if kind == "future":  # a forecast or guidance: "next year", "in the current year"
        return (f" for the period ahead, {start} to {end}"
                if isinstance(start, str) and isinstance(end, str) else " for a period ahead")
    if kind == "quarter":
        return " for a quarter"  # ("in the fourth quarter": its year not said)
    return ""


def quoted(row: Mapping[str, Any], words: int = 2) -> str:
    """The figure with the few words before it in its sentence, as the article wrote it.

    >>> quoted({"sentence": "He pledged a further £40 million today.", "text": "£40 million",
    ...         "start": 121, "sentence_start": 100})
    'a further £40 million'
    """
    at = int(row["start"]) - int(row["sentence_start"])
    sentence = row["sentence"]
    if not (0 <= at <= len(sentence)) or not sentence[at:].startswith(row["text"]):
        return row["text"]
    before = sentence[:at].split()[-words:]
    return " ".join(before + [row["text"]])


def _days_between(a: Mapping[str, Any], b: Mapping[str, Any]) -> int | None:
    try:
        return (dt.date.fromisoformat(b["as_of"]) - dt.date.fromisoformat(a["as_of"])).days
    except (TypeError, ValueError):
        return None


def _opposite_moves(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two changes of one size in percent, each stated exactly, one told as a rise and the
    other as a fall ("closed 3.4% higher", "tumbled 3.4%")."""
    if not all(r.get("role") == "change" and r.get("unit") == "percent"
               and r.get("bound") == "exact" for r in (a, b)):
        return False
    if float(a["value"]) != float(b["value"]):
        return False
    return phrases.direction(a) * phrases.direction(b) == -1


def _way(row: Mapping[str, Any]) -> str:
    """"up" or "down", as the change's words tell it."""
    return "up" if phrases.direction(row) > 0 else "down"


def judge_pair(a: Mapping[str, Any], b: Mapping[str, Any], period_relation: str,
               score: float, claims: pd.DataFrame | None = None,
               reasons: str = "", rule: str = "") -> Finding | None:
    """The finding for two aligned claims, or None when pairing them tells an editor nothing."""
    # Compare in the kind's base unit ("three months" and "90 days"); show as written.
    ca, cb = _in_base(a), _in_base(b)
    va, vb = float(ca["value"]), float(cb["value"])
    diff = rel_diff(va, vb)
    details: dict[str, Any] = {"rel_diff": round(diff, 6)}
    base = dict(kind="cross-source", claims=[a["id"], b["id"]], measure=a["measure"],
                score=round(score, 3), details=details)
    agreed = _agreement(a, b, ca, cb, diff, base)
    if agreed is False and _two_nouns(a, b) and rule != "slip":
        # "53,100 births" and "between 44,000 and 53,000 new homes": two counts (not where
        # the matcher found two digits swapped: "24,612 operations", "26,412 procedures")
        return None
    if agreed is None and a.get("running") and b.get("running"):
        # "At least 92" one day and 158 the next: compatible, but the toll was updated.
        return _risen(a, b, ca, cb, period_relation, claims, base)
    if agreed and a.get("running") and b.get("running") and period_relation != "different":
        # "At least 52 have died" on Monday and 54 on Thursday: the wording allows both, but
        # a running count that a later report puts higher was updated in between.
        # Only when the wording says so: the later figure is outside what the earlier allows
        # ("27,281", then "more than 27,300"), or it is told as a rise ("bringing the number of
        # deaths this year to 54"). "More than 12,000" and then 12,417 still agree.
        order = _later(a, b)
        if order and _point(order[1]) > _point(order[0]) and (
                not _overlap(_interval_of(ca, False), _interval_of(cb, False))
                or _told_as_rise(order[1])):
            return _stated_reason(a, b, ca, cb, "update", claims, base) or agreed
    if agreed and _opposite_moves(a, b):
        return Finding(id="", verdict="contradict", explanation=(
            f"{_who(a)} says {formatting.claim(a)} {_way(a)}; {_who(b)} says "
            f"{formatting.claim(b)} {_way(b)}. The same move told in opposite directions: one "
            f"of them is wrong."), **base)
    if agreed is not False:
        return agreed
    # (A swap of digits is one figure miscopied even where only one report states a period:
    # "781,000 in the December-to-February period", "vacancies have slumped to 718,000".)
    slip = features.digit_slip(a, b, features.Story()) if period_relation != "different" or (
        not (a["period_kind"] and b["period_kind"])) else 0
    if rule == "slip":
        slip = 1.0  # two digits swapped in one phrase (``features.short_slip``)
    if slip == 1.0 or slip and not (_counting(a) and _counting(b) and a["as_of"] != b["as_of"]):
        # "£2.37bn" and "£2.73bn" spent by the end of March: a count that moved, a part, an
        # earlier figure would not swap two digits; one of them is miscopied (a tally to date
        # may change one digit between two days: "27,281", then "27,981")
        return _contradiction(a, b, diff, base, slip=True)
    if rule == "payout-same":
        return _contradiction(a, b, diff, base)  # "a final dividend of" two sums
    if rule == "payout-part":
        part, whole = (a, b) if features.payout_kind(b) == "total" else (b, a)
        return Finding(id="", verdict="explained", relation="part-of-whole", explanation=(
            f"{_who(part)} says {formatting.claim(part)}, the {features.payout_kind(part)} "
            f"dividend; {_who(whole)} says {formatting.claim(whole)}, the total for the year. "
            f"Not a conflict: the {features.payout_kind(part)} dividend is a part of the "
            f"year's total."), **base)
    if rule == "coreferent-age" or features.same_person_age(a, b, features.Story()):
        return _ages_apart(a, b, ca, cb, diff, base, accuse=rule != "coreferent-age")
    in_place = rule in ("closest-place", "place")
    # (A place's toll against the whole's is a part of it, not the toll at another moment.)
    explained = None if in_place and a.get("running") and b.get("running") else (
        _stated_reason(a, b, ca, cb, period_relation, claims, base))
    if explained is not None:
        return explained
    if in_place:
        local, whole = (a, b) if features.scope(a) and not features.told_as_whole(a) else (b, a)
        if not features.scope(local):
            # a region holding its figure ("Manabí's death toll"): the smaller is the part
            local, whole = (a, b) if float(ca["value"]) < float(cb["value"]) else (b, a)
        place = ", ".join(sorted(features.scope(local))) or str(local.get("holder") or
                                                                "").title()
        wider = ", ".join(sorted(features.scope(whole)))
        told = (wider if wider in ("nationwide", "worldwide", "overall") else
                f"across {wider}" if wider else "with no place named")
        return Finding(id="", verdict="explained", relation="part-of-whole", explanation=(
            f"{_who(local)} says {formatting.claim(local)} in {place}; {_who(whole)} says "
            f"{formatting.claim(whole)} {told}. Probably not a conflict: the first "
            f"is counted in one place of the whole; worth a look."), **base)
    if rule == "closest" and a.get("unit_family") == "age":
        return _ages_apart(a, b, ca, cb, diff, base, accuse=False, closest=True)
    if rule == "closest":
        # Aligned only as each other's closest count of one noun: a reason, or nothing.
        found = _fitted_reason(a, b, ca, cb, diff, base)
        if found.verdict == "explained" and "times_apart" not in found.details:
            return found
        return (_risen_between_reports(a, b, base) or _standing_between_reports(a, b, base)
                or _quarter_of_a_year(a, b, base))
    if a.get("running") and b.get("running") and a["as_of"] and a["as_of"] == b["as_of"]:
        return _contradiction(a, b, diff, base)  # one toll, one day, two figures
    return _fitted_reason(a, b, ca, cb, diff, base)


# A revised version of what a figure is of: "The improved offer ... represents a premium of
# 36.8%", "the raised bid", "its revised forecast".
_REVISED = re.compile(r"\b(?:improved|revised|raised|sweetened|upgraded|downgraded|lowered|"
                      r"new)\s+(?:\w+\s+)?(?:offer|bid|proposal|terms|forecast|estimate|"
                      r"guidance|target|outlook)\b", re.IGNORECASE)


def _revised_one(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple | None:
    """(earlier, later) when only the later report's sentence tells its figure as that of a
    revised version ("The improved offer ... represents a premium of 36.8%", the first report's
    "a premium of 29.4%"): an update of the figure, not a conflict; else None."""
    days = _days_between(a, b)
    if not days:
        return None
    early, late = (a, b) if days > 0 else (b, a)
    if _REVISED.search(str(late.get("sentence") or "")) and not _REVISED.search(
            str(early.get("sentence") or "")):
        return early, late
    return None


def _two_nouns(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Counts of two different things, each named ("births", "homes"): never one measure in
    dispute, whatever aligned them (a job is what a worker facing the axe loses, a seat what a
    member holds: those nouns are read as one unit already)."""
    return (a.get("unit_family") == b.get("unit_family") == "count" and a["unit"] != b["unit"]
            and "count" not in (a["unit"], b["unit"]) and not units.comparable(a["unit"], b["unit"]))


def _counting(row: Mapping[str, Any]) -> bool:
    """A count still being made: a toll, or a tally to date ("so far this year")."""
    return bool(row.get("running")) and (row.get("period_kind") in ("year-to-date", "since")
                                         or bool(features.toll_of(row)))


# A figure told as where a count has just risen to.
_RISEN_TO = re.compile(r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)|jump(?:ed|s|ing)|"
                       r"bring(?:s|ing)?|brought|tak(?:es|ing)|took|push(?:ed|es|ing)|"
                       r"increas(?:ed|es|ing))\b[^.;]{0,60}?\bto\s+(?:about\s+|around\s+|"
                       r"more\s+than\s+|over\s+|at\s+least\s+)?$", re.IGNORECASE)


def _told_as_rise(row: Mapping[str, Any]) -> bool:
    """True when the sentence says the count rose to this figure ("bringing ... to 54")."""
    at = int(row["start"]) - int(row["sentence_start"])
    return bool(_RISEN_TO.search(str(row["sentence"])[max(at - 80, 0):at]))


def _point(row: Mapping[str, Any]) -> float:
    """A claim's figure in its kind's base unit."""
    return float(_in_base(row)["value"])


def _risen(a: Mapping[str, Any], b: Mapping[str, Any], ca: Mapping[str, Any],
           cb: Mapping[str, Any], period_relation: str, claims: pd.DataFrame | None,
           base: dict) -> Finding | None:
    """Two running counts whose wording allows both but whose figures are far apart: a toll
    that rose between the reports, or None. A lower figure that only says "at least" may come
    from a report whose date is unknown: it reads as the earlier one."""
    if _later(a, b) is not None:
        if period_relation == "different":
            return None  # dated, but for two stated periods
        found = _stated_reason(a, b, ca, cb, "update", claims, base)
        # A later "at least 3" after 10 is still true of the toll: no finding, not a fall.
        return found if found is not None and found.verdict == "explained" else None
    low, high = (a, b) if float(ca["value"]) < float(cb["value"]) else (b, a)
    if period_relation == "different" or low["bound"] != "lower" or high["bound"] == "upper":
        return None
    if low.get("as_of") and high.get("as_of"):
        return None  # one day: "at least 5" and 11 are both true of it
    return Finding(id="", verdict="explained", relation="later-update", explanation=(
        f"A running count: {_who(low)} says {formatting.claim(low)}, {_who(high)} says "
        f"{formatting.claim(high)}. The lower figure only says \"at least\" and one report's "
        f"date is unknown: read as the toll before it rose."),
        **dict(base, details={**base["details"], "order": "assumed"}))


# With no dates to go by, one person's ages this many years apart may be from different times.
AGE_YEARS_UNDATED = 2


# Two ages aligned only as each other's closest are one person's a year apart only in reports
# at least this many days apart for each year.
CLOSEST_AGE_DAYS_A_YEAR = 300


def _ages_apart(a: Mapping[str, Any], b: Mapping[str, Any], ca: Mapping[str, Any],
                cb: Mapping[str, Any], diff: float, base: dict, accuse: bool = True,
                closest: bool = False) -> Finding | None:
    """One named person's age given as two figures: a year older per year between the reports
    is a different moment; more than that, or two ages on one day, is a contradiction (unless
    ``accuse`` is off: an unnamed age only taken for the person's is then no finding). Two
    ages aligned only as each other's ``closest`` in two dated reports are explained by the
    years between them, or nothing."""
    years = abs(float(ca["value"]) - float(cb["value"]))
    days = periods.days_between(a.get("published"), b.get("published"))
    say_a, say_b = f"{_who(a)} says {formatting.claim(a)}", f"{_who(b)} says {formatting.claim(b)}"
    if closest:
        # (a birthday or more between the two reports: a year apart for every year older)
        if days is None or not 0 < years <= abs(days) / CLOSEST_AGE_DAYS_A_YEAR:
            return None
        return Finding(id="", verdict="explained", relation="different-period", explanation=(
            f"{say_a}; {say_b}. Probably one person's age (each is the other's closest age in "
            f"the two reports) in reports {abs(days)} days apart: a person grows a year older "
            f"each year."), **base)
    if days is None:
        if years <= AGE_YEARS_UNDATED:
            return Finding(id="", verdict="explained", relation="different-period", explanation=(
                f"{say_a}; {say_b}. The same person's age; a report's date is unknown, and "
                f"ages {years:g} years apart may be from different times."), **base)
    elif years <= math.ceil(abs(days) / 365.25):  # birthdays between the two reports
        return Finding(id="", verdict="explained", relation="different-period", explanation=(
            f"{say_a}; {say_b}. The same person's age in reports {abs(days)} days apart: "
            f"a person grows a year older each year."), **base)
    return _contradiction(a, b, diff, base) if accuse else None


def _agreement(a: Mapping[str, Any], b: Mapping[str, Any], ca: Mapping[str, Any],
               cb: Mapping[str, Any], diff: float, base: dict) -> Finding | None | bool:
    """An agree finding when the figures are compatible, None when they are compatible but
    too far apart to tell an editor anything, False when they are not compatible."""
    fa, fb = formatting.claim(a), formatting.claim(b)
    say_a, say_b = f"{_who(a)} says {fa}", f"{_who(b)} says {fb}"
    strict = _overlap(_interval_of(ca, False), _interval_of(cb, False))
    tolerant = _overlap(_interval_of(ca, True), _interval_of(cb, True))
    if not tolerant and (features.converted(ca, cb) or features.decimal_rounding(a, b)
                         or features.price_point(ca, cb)):
        # "600 metres (2,000 feet)": conversions are rounded by the writer; so is "35.7
        # percent" for 35.72, and "$99" for a price of $99.99
        tolerant = True
    if not tolerant:
        return False
    if diff > AGREE_MAX_REL_DIFF and not (a["bound"] == b["bound"] == "exact") and not (
            features.satisfied_bound(ca, cb)):
        return None  # bounds far apart: compatible, but not evidence of one figure
    # Sums per day, week, month or year are compared a year at a time (``units.in_base``).
    ya, yb = _yearly(a), _yearly(b)
    spans = bool(ya and yb and ya[1] != yb[1])
    yearly = (f" Put a year at a time, both come to about "
              f"{formatting.amount(float(ca['value']), str(a['unit']))} a year."
              if spans else "")
    if strict:
        if float(ca["value"]) == float(cb["value"]):
            text = (f"{_who(a)} and {_who(b)} both report {fa}" if fa == fb
                    else f"{say_a}; {say_b}: the same sum a year" if spans
                    else f"{say_a}; {say_b}: the same figure")
            return Finding(id="", verdict="agree", explanation=text + ".", **base)
        return Finding(id="", verdict="agree", explanation=(
            f"{say_a}; {say_b}. The wording of one allows the other, so they agree.{yearly}"),
            **base)
    return Finding(id="", verdict="agree", relation="rounding", explanation=(
        f"{say_a}; {say_b}. The difference is within the rounding of the round figure."
        f"{yearly}"), **base)


def _later(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[Any, Any] | None:
    """(earlier, later) when the two claims hold at different dates, else None."""
    days = _days_between(a, b)
    if days is None or days == 0:
        return None
    return (a, b) if days > 0 else (b, a)


def _by_tense(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[Any, Any] | None:
    """(earlier, later) when one figure is told as past ("It gave him 2,117 career points") and
    the other as it stands ("McDermott now has 2,129 points"), else None."""
    past_a, past_b = features.told_as_past(a), features.told_as_past(b)
    if past_a == past_b:
        return None
    return (a, b) if past_a else (b, a)


def _one_stated_day(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Both figures are said to hold on one named day ("the toll hit 38 on Tuesday", "On
    Tuesday the coast guard had put the toll at 36"): a past tense then orders nothing."""
    if a.get("period_kind") == "day" == b.get("period_kind"):
        return bool(a.get("period_end")) and a.get("period_end") == b.get("period_end")
    # ("Seven people have died" on Monday, "By Monday night six had been confirmed dead")
    return a["as_of"] == b["as_of"] and (_recalled(a) or _recalled(b))


def _recalled(r: Mapping[str, Any]) -> bool:
    """The figure is told for a day before its report's (\"by Monday night\", told Wednesday)."""
    return bool(r.get("published")) and str(r["as_of"]) < str(r["published"])


# Outcomes people leave as well as enter: a later report may count fewer ("14 people remain
# missing" on Wednesday, "six are still missing" on Friday), unlike the dead or the arrested.
STOCK_EVENTS = frozenset({"missing", "displacement"})


def _stated_reason(a: Mapping[str, Any], b: Mapping[str, Any], ca: Mapping[str, Any],
                   cb: Mapping[str, Any], period_relation: str, claims: pd.DataFrame | None,
                   base: dict) -> Finding | None:
    """An explained finding (or a falling running count) when the words give the reason."""
    say_a, say_b = f"{_who(a)} says {formatting.claim(a)}", f"{_who(b)} says {formatting.claim(b)}"
    roles = {a["role"], b["role"]}
    if "increment" in roles and roles != {"increment"}:
        inc, other = (a, b) if a["role"] == "increment" else (b, a)
        why = _increment_evidence(inc, other, claims)
        return Finding(id="", verdict="explained", relation="increment-of-total", explanation=(
            f"{say_a}; {say_b}. Not a conflict: \"{quoted(inc)}\" is additional money or "
            f"numbers, {formatting.claim(other)} the total it makes{why}."), **base)
    if "part" in roles and roles != {"part"}:
        part, whole = (ca, cb) if a["role"] == "part" else (cb, ca)
        # (a part all but the other figure is no part of it: "46,318" against "46,381")
        if float(part["value"]) < features.PART_SHARE_MAX * float(whole["value"]):
            return Finding(id="", verdict="explained", relation="part-of-whole", explanation=(
                f"{say_a}; {say_b}. {formatting.claim(part).capitalize()} is a part "
                f"(\"{part['sentence'][:80]}\") of the {formatting.claim(whole)} total."), **base)
    running = bool(a.get("running")) or bool(b.get("running"))
    order = _later(a, b)
    by_tense = None
    recalled = None
    if order is None and running and _day_end_recalled(a, b):
        # "Seven people have died" (Monday's report), "By Monday night eight had died" (told
        # on Wednesday): the recalled figure is the day's last count
        order = recalled = (b, a) if str(a["as_of"]) < str(a.get("published") or "") else (a, b)
    if order is None and (running or period_relation == "update") and not _one_stated_day(a, b):
        order = by_tense = _by_tense(a, b)
    # (A toll of the dead on two days is one toll at two moments, whatever else differs.)
    if period_relation == "update" or (running and order is not None and (
            period_relation != "different" or _fallen_toll(*order))):
        early, late = order or ((a, b) if (a["as_of"] or "") <= (b["as_of"] or "") else (b, a))
        ce, cl = _in_base(early), _in_base(late)
        if float(cl["value"]) >= float(ce["value"]):
            when = (f"{formatting.claim(early)} as of {early['as_of']}, "
                    f"{formatting.claim(late)} as of {late['as_of']}")
            if by_tense is not None:
                when = (f"{formatting.claim(early)} told as past (\"{quoted(early, 3)}\"), "
                        f"{formatting.claim(late)} as it stands (\"{quoted(late, 3)}\")")
            elif recalled is not None:
                when = (f"{formatting.claim(early)} told on {early['as_of']} as it stood then, "
                        f"{formatting.claim(late)} recalled by a later report as that day's "
                        f"last count (\"{quoted(late, 3)}\")")
            return Finding(id="", verdict="explained", relation="later-update", explanation=(
                f"A running count updated: {when}."), **base)
        if early.get("event") in STOCK_EVENTS and early.get("event") == late.get("event") \
                and order is not None:
            return Finding(id="", verdict="explained", relation="later-update", explanation=(
                f"A count of people in a state they leave updated: {formatting.claim(early)} "
                f"as of {early['as_of']}, {formatting.claim(late)} as of {late['as_of']} (the "
                f"missing are found, the displaced go home)."), **base)
        times = _far_apart(a, b)
        if times is not None:
            return _far_apart_finding(a, b, times, base)
        if _fallen_toll(early, late):
            base["details"]["fallen_toll"] = True
        return Finding(id="", verdict="contradict", explanation=(
            f"A running count that falls: {formatting.claim(early)} as of {early['as_of']} but "
            f"only {formatting.claim(late)} as of {late['as_of']}. A cumulative count cannot go "
            f"down; one of them is wrong or counts something else."), **base)
    revised = _revised_one(a, b)
    if revised is not None:
        early, late = revised
        return Finding(id="", verdict="explained", relation="later-update", explanation=(
            f"{say_a}; {say_b}. {_who(late)} gives its figure for a revised version "
            f"(\"{_REVISED.search(str(late['sentence'])).group(0)}\"), {_who(early)} "
            f"the one before it: not a conflict."), **base)
    staged = features.stages(a, b)
    if staged is not None:
        early, late = staged
        return Finding(id="", verdict="explained", relation="later-update", explanation=(
            f"{_who(early)} gives {formatting.claim(early)} as an early figure (\""
            f"{features.stage_words(early)}\"), {_who(late)} {formatting.claim(late)} as the "
            f"final one (\"{features.stage_words(late)}\"): the figure moved between them."),
            **base)
    if period_relation == "different":
        if a.get("period_kind") or b.get("period_kind"):
            return Finding(id="", verdict="explained", relation="different-period", explanation=(
                f"{say_a}{_when(a) or ' (no period stated)'}; {say_b}"
                f"{_when(b) or ' (no period stated)'}. Not a conflict: the figures are for "
                f"different periods."), **base)
        days = _days_between(a, b)
        gap = f"{abs(days)} days apart" if days is not None else "at different times"
        return Finding(id="", verdict="explained", relation="different-period", explanation=(
            f"{say_a}; {say_b}. The reports are {gap} and neither says when its figure holds, "
            f"so the difference may be a change over time."), **base)
    return None


def _risen_between_reports(a: Mapping[str, Any], b: Mapping[str, Any],
                           base: dict) -> Finding | None:
    """For two counts of one noun aligned only as each other's closest: the later report's
    figure is higher, days later (seats as a count goes on, a toll), so probably an update;
    else None."""
    days = _days_between(a, b)
    if not days or _announced(a) or _announced(b):
        return None
    early, late = (a, b) if days > 0 else (b, a)
    if _point(late) <= _point(early):
        return None
    return Finding(id="", verdict="explained", relation="later-update", explanation=(
        f"{_who(early)} says {formatting.claim(early)}; {_who(late)}, {_later_by(days)}, "
        f"says {formatting.claim(late)}. Probably not a conflict: the later report's higher "
        f"figure is likely an update of the count; worth a look."), **base)


# A figure told as what a plan of cuts will do ("will cut 1,200 jobs", "putting about 2,100
# roles at risk", "1,500 workers face the axe", "is to close 94 branches"): an announcement,
# fixed when made, not a count that grows from one report to the next (unlike "23 executive
# actions that will be taken", a plan still being drawn up).
_PLANNED = re.compile(r"\b(?:(?:will|would|is\s+to|are\s+to|plans?\s+to|set\s+to|intends?\s+to|"
                      r"to)\s+(?:cut|axe|shed|close|shut|slash|scrap)|at\s+risk|"
                      r"fac(?:e|es|ing)\s+the\s+axe)\b", re.IGNORECASE)


# A later toll of the dead at least this share of the earlier one, both stated exactly, is
# that toll told lower; far below it, it is more likely a part of the dead or another count.
FALLEN_TOLL_SHARE = 0.85


def _fallen_toll(early: Mapping[str, Any], late: Mapping[str, Any]) -> bool:
    """The later of two exact counts of the dead, with no place named, is a little lower
    ("rose to 11 on Monday", the next day "which has claimed ten lives"): the dead are never
    fewer, so one report is wrong, whatever else aligned them."""
    if not all(r.get("event") == "death" and r.get("bound") == "exact" and r.get("unit") ==
               "person" and not features.scope(r) for r in (early, late)):
        return False
    return FALLEN_TOLL_SHARE * _point(early) <= _point(late) < _point(early)


def _announced(row: Mapping[str, Any]) -> bool:
    """The figure's clause tells it as what a plan will do (``_PLANNED``)."""
    sentence, _, _, lo, hi = phrases.in_clause(row)
    return bool(_PLANNED.search(sentence, lo, hi))


def _standing_between_reports(a: Mapping[str, Any], b: Mapping[str, Any],
                              base: dict) -> Finding | None:
    """For two counts of one noun aligned only as each other's closest, each told as what
    still stands on its report's day ("161,000 homes remain without power", the next day "the
    38,000 still cut off"): a count being worked down, so the later one is an update."""
    days = _days_between(a, b)
    if not days or not (phrases.told_as_standing(a) and phrases.told_as_standing(b)):
        return None
    early, late = (a, b) if days > 0 else (b, a)
    return Finding(id="", verdict="explained", relation="later-update", explanation=(
        f"{_who(early)} says {formatting.claim(early)}; {_who(late)}, {_later_by(days)}, says "
        f"{formatting.claim(late)}. Probably not a conflict: both count what still holds on "
        f"the report's day (\"remain\", \"still\"), which changes from day to day; worth a "
        f"look."), **base)


def _quarter_of_a_year(a: Mapping[str, Any], b: Mapping[str, Any],
                       base: dict) -> Finding | None:
    """For two sums aligned only as each other's closest: one told for a quarter, the larger
    for a year or for no span ("£1.62bn of it earned in the fourth quarter", "a pre-tax profit
    of £7.84bn for 2024"): a quarter's figure and a year's; else None."""
    q, y = (a, b) if periods.told_for_a_quarter(a) else (b, a)
    if not (q.get("unit_family") == "money" == y.get("unit_family")
            and periods.told_for_a_quarter(q) and periods.told_for_a_year(y)
            and _point(q) < _point(y)):
        return None
    return Finding(id="", verdict="explained", relation="different-period", explanation=(
        f"{_who(q)} says {formatting.claim(q)}{_when(q) or ' for a quarter'}; {_who(y)} says "
        f"{formatting.claim(y)}{_when(y) or ' (no period stated)'}. Probably not a conflict: "
        f"a quarter's figure is a part of the year's; worth a look."), **base)


def _later_by(days: int) -> str:
    """ "1 day later", "4 days later"."""
    n = abs(days)
    return f"{n} day later" if n == 1 else f"{n} days later"


def _fitted_reason(a: Mapping[str, Any], b: Mapping[str, Any], ca: Mapping[str, Any],
                   cb: Mapping[str, Any], diff: float, base: dict) -> Finding:
    """No reason in the words: the fitted model says whether editors would still see one
    (a part of a whole, an age a birthday apart, a figure from another moment); otherwise the
    difference is a contradiction."""
    say_a, say_b = f"{_who(a)} says {formatting.claim(a)}", f"{_who(b)} says {formatting.claim(b)}"
    matcher = model.current()
    names = list(features.WHY_DIFFERENT)
    values = features.vector(features.WHY_DIFFERENT, ca, cb, features.Story())
    p = matcher.explained.probability(names, values)
    base["details"]["p_explained"] = round(p, 3)
    if p >= 0.5:
        small, large = (a, b) if float(ca["value"]) < float(cb["value"]) else (b, a)
        cues = ", ".join(matcher.explained.reasons(names, values)) or "the pattern of the figures"
        if a["unit_family"] == "age" or (_days_between(a, b) or 0) > periods.SAME_CYCLE_DAYS:
            return Finding(id="", verdict="explained", relation="different-period", explanation=(
                f"{say_a}; {say_b}. Probably not a conflict: the figures are likely from "
                f"different moments ({cues})."), **base)
        return Finding(id="", verdict="explained", relation="part-of-whole", explanation=(
            f"{say_a}; {say_b}. Probably not a conflict: {formatting.claim(small)} is likely "
            f"a part of the {formatting.claim(large)} or counted differently ({cues}); "
            f"worth a look."), **base)
    return _contradiction(a, b, diff, base)


def _far_apart(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """How many times the larger figure is the smaller, where that is more than outlets'
    figures for one measure ever differ by (``SLIP_RATIO``) and no digit slip (a factor of
    ten, a hundred, a thousand) explains it; else None."""
    ca, cb = _in_base(a), _in_base(b)
    low, high = sorted((abs(float(ca["value"])), abs(float(cb["value"]))))
    if low <= 0 or high <= SLIP_RATIO * low:
        return None
    power = round(math.log10(high / low))
    if power >= 1 and math.isclose(high / low, 10 ** power, rel_tol=0.02):
        return None  # "1.2 miles" and "12 miles": a slipped decimal point, a real error
    return high / low


def _far_apart_finding(a: Mapping[str, Any], b: Mapping[str, Any], times: float,
                       base: dict) -> Finding:
    """Two figures too far apart to be one measure misreported: probably a part of the
    other, or counted differently; not an accusation."""
    ca, cb = _in_base(a), _in_base(b)
    small, large = (a, b) if abs(float(ca["value"])) < abs(float(cb["value"])) else (b, a)
    base = {**base, "details": {**base["details"], "times_apart": round(times, 1)}}
    return Finding(id="", verdict="explained", relation="part-of-whole", explanation=(
        f"{_who(a)} says {formatting.claim(a)}; {_who(b)} says {formatting.claim(b)}. "
        f"Probably not a conflict: the figures are {times:.0f} times apart, far more than "
        f"outlets misreport one figure by, so {formatting.claim(small)} likely counts a part "
        f"of the {formatting.claim(large)} or something else; worth a look."), **base)


def _contradiction(a: Mapping[str, Any], b: Mapping[str, Any], diff: float,
                   base: dict, slip: bool = False) -> Finding:
    """The contradict finding: the same measure, and no reason for the difference."""
    times = _far_apart(a, b)
    if times is not None:
        return _far_apart_finding(a, b, times, base)
    when = _when(a) or _when(b)
    why = ""
    if slip:
        scaled = features.significant(a["value"])[0] != features.significant(b["value"])[0]
        why = (" The figures have the same digits a decimal point (or a thousand) apart: one of "
               "them is likely miscopied." if scaled else " The figures differ by two swapped "
               "digits (or one of many): one of them is likely miscopied.")
    return Finding(id="", verdict="contradict", explanation=(
        f"{_who(a)} says {formatting.claim(a)}; {_who(b)} says {formatting.claim(b)}{when}. "
        f"They appear to report the same measure and no reason for the difference "
        f"({diff:.1%}) was found.{why}"), **base)


def _increment_evidence(inc: Mapping[str, Any], other: Mapping[str, Any],
                        claims: pd.DataFrame | None) -> str:
    """Arithmetic that shows the increment leads to the other figure, as a clause, or ''."""
    vi, vo = float(inc["value"]), float(other["value"])
    if claims is not None:
        same = claims[(claims["article"] == inc["article"]) & (claims["unit"] == inc["unit"])
                      & (claims["role"] == "total")]
        for _, t in same.iterrows():
            if rel_diff(float(t["value"]), vo) <= 0.01:
                prior = vo - vi
                return (f": the same report gives the total as {formatting.claim(t)} "
                        f"({formatting.amount(prior, inc['unit'])} + "
                        f"{formatting.amount(vi, inc['unit'])} = "
                        f"{formatting.amount(vo, inc['unit'])})")
    if vi and abs(vo / vi - 2) < 0.01:
        return f" ({formatting.amount(vi, inc['unit'])} doubled)"
    return ""


def _compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when the two claims' figures agree (overlapping tolerant intervals, close values)."""
    ca, cb = _in_base(a), _in_base(b)
    return (_overlap(_interval_of(ca, True), _interval_of(cb, True))
            and rel_diff(float(ca["value"]), float(cb["value"])) <= AGREE_MAX_REL_DIFF)


def _in_base(row: Mapping[str, Any]) -> Mapping[str, Any]:
    """The claim in its kind's base unit, kept in a claim record (the findings of a story ask
    it of each figure many times)."""
    if not isinstance(row, dict):
        return units.in_base(row)
    if "_base" not in row:
        row["_base"] = units.in_base(row)
    return row["_base"]


def _interval_of(base: Mapping[str, Any], tolerant: bool) -> tuple[float, float]:
    """``interval`` of a claim in base units, kept in it."""
    key = "_tolerant_interval" if tolerant else "_strict_interval"
    if not isinstance(base, dict):
        return interval(base, tolerant)
    if key not in base:
        base[key] = interval(base, tolerant)
    return base[key]


def _allows(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when the wordings allow one figure, however far apart ("at least 3" and 50)."""
    return _overlap(_interval_of(_in_base(a), True), _interval_of(_in_base(b), True))


def confirmed_elsewhere(a: Mapping[str, Any], b: Mapping[str, Any],
                        by_article_unit: Mapping[tuple, list]) -> bool:
    """True when b's article also states a figure compatible with a (or a's article with b).

    An outlet that reports 12 and 11 Yemeni pirates does not contradict another's 12 by also
    saying 11: lists, breakdowns and several offers in one story share unit and words, and the
    figure each outlet really disputes is one it states nowhere in a compatible form.
    """
    for x, y in ((a, b), (b, a)):
        for other in by_article_unit.get((y["article"], y["unit"]), []):
            if (other["id"] != y["id"] and not other.get("vague") and _compatible(x, other)
                    # (a bound confirms no figure: "above the 50% legal threshold" is one
                    # both a 57.3% and a 53.7% turnout pass)
                    and other.get("bound") not in ("lower", "upper")
                    # (nor a figure of another period: "fallen by about a fifth over the past
                    # two years" is no repeat of "rocketed 21.4% on Monday")
                    and features.relation(other, y) != "different"
                    and not _other_outcome(x, other)
                    # (a change is no repeat of a level: "closed up 3.9%" beside "from 4.6%")
                    and _role_kind(other) == _role_kind(y)
                    # (a final dividend beside the year's total is no repeat of the total)
                    and features.payout_kind(other) == features.payout_kind(y)):
                return True
    return False


def _role_kind(row: Mapping[str, Any]) -> str:
    """A change, a rate or a difference, else a level."""
    role = row.get("role")
    return role if role in ("change", "rate", "difference") else "level"


def _other_outcome(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    """Both say what happened to what they count, and not the same ("24 rescued" is no
    "24 died")."""
    return bool(x.get("event")) and bool(y.get("event")) and x["event"] != y["event"]


def cross_source_findings(claims: pd.DataFrame, pairs: pd.DataFrame) -> list[Finding]:
    """Judge every aligned pair; findings come back without ids (the pipeline numbers them)."""
    out: list[Finding] = []
    if pairs.empty:
        return out
    records = rows_by_index(claims)
    by_article_unit: dict[tuple, list] = {}
    for r in records.values():
        by_article_unit.setdefault((r["article"], r["unit"]), []).append(r)
    reasons = pairs["reasons"] if "reasons" in pairs else [""] * len(pairs)
    rules = pairs["rule"] if "rule" in pairs else [""] * len(pairs)
    matcher = model.current()
    for a, b, score, prel, why, rule in zip(pairs["a"], pairs["b"], pairs["score"],
                                            pairs["period_relation"], reasons, rules):
        ra, rb = records[a], records[b]
        f = judge_pair(ra, rb, prel, float(score), claims, why, rule)
        if f is None:
            continue
        far = "times_apart" in f.details
        if f.details.get("fallen_toll") and rule in ("", "closest"):
            pass  # a toll of the dead told lower later: aligned as one toll, it cannot fall
        elif rule in ("closest", "closest-place", "other-period"):
            if f.verdict != "explained" or far:
                continue  # aligned for a reason only, never to accuse or to confirm
            f.details["closest"] = True
            if rule == "other-period" and why:
                f.explanation += f" ({why}.)"
        elif (f.score or 0.0) < matcher.threshold("contradict" if far else f.verdict,
                                                  "p_explained" in f.details):
            continue  # (figures too far apart to accuse are judged as an accusation would be)
        if f.verdict == "contradict" and confirmed_elsewhere(ra, rb, by_article_unit):
            continue  # the outlet also gives the other's figure: a list, not a dispute
        if why and f.verdict != "agree":
            # Why the two were taken for one measure: what an editor checks before acting on a
            # difference (agreements, the bulk of a run, do without it).
            f.details["alignment"] = why
        out.append(f)
    return out


def explained_through_arithmetic(claims: pd.DataFrame, cross: list[Finding],
                                 internal: list[Finding]) -> list[Finding]:
    """Carry an article's own arithmetic across sources.

    When article A states "a further X, doubling the total to T" (an internal finding that holds)
    and another source's figure agrees with T, that source's figure and X differ for a stated
    reason: X is the increment, T the total. One explained finding per such pair.
    """
    if not any(f.verdict == "agree" and f.relation == "arithmetic" for f in internal):
        return []  # no article states a sum to carry across
    records = rows_by_index(claims)
    by_id = {r["id"]: r for r in records.values()}
    agreed: dict[str, list[str]] = {}
    for f in cross:
        if f.verdict == "agree" and f.kind == "cross-source":
            # An agreement of several outlets ties each of its figures to every other.
            for a in f.claims:
                agreed.setdefault(a, []).extend(b for b in f.claims if b != a)
    out, seen = [], set()
    for f in internal:
        if f.verdict != "agree" or f.relation != "arithmetic":
            continue
        members = [by_id[c] for c in f.claims]
        totals = [m for m in members if m["role"] == "total"]
        increments = [m for m in members if m["role"] == "increment"]
        for t in totals:
            for other_id in agreed.get(t["id"], []):
                other = by_id[other_id]
                for inc in increments:
                    key = (inc["id"], other_id)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(Finding(
                        id="", kind="cross-source", verdict="explained",
                        relation="increment-of-total", claims=[inc["id"], other_id],
                        measure=other["measure"], score=f.score,
                        details={"rel_diff": round(rel_diff(float(inc["value"]),
                                                            float(other["value"])), 6)},
                        explanation=(
                            f"{_who(inc)} says {formatting.claim(inc)}; {_who(other)} says "
                            f"{formatting.claim(other)}. Not a conflict: \"{quoted(inc)}\" is "
                            f"the new amount, and the same report puts the total at "
                            f"{formatting.claim(t)}, the figure {_who(other)} gives. "
                            f"{f.explanation}")))
    return out


# How far a change may be from the difference of two levels and still be it: the change's
# own rounding, and at least this share of it.
CHANGE_MATCH_SHARE = 0.005


def explained_through_changes(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """A change one report gives and the two levels another gives, whose difference it is.

    "Shareholders were handed a 0.7p rise in their interim payout" in one report; "an interim
    dividend of 4.2p per share, compared with 3.5p" in another: 4.2p - 3.5p = 0.7p, so the
    0.7p is the rise and 4.2p the payout it led to (and every other outlet's 4.2p with it). One
    explained finding (increment-of-total) per change and pair of levels; the levels must share
    a word of what they measure with the change.
    """
    if "change" not in set(claims["role"].dropna()):
        return []
    records = rows_by_index(claims)
    rows = [r for r in records.values() if not r.get("vague")
            and r["unit_family"] in ("money", "count", "person")]
    changes = [r for r in rows if r["role"] == "change" and float(r["value"]) > 0]
    if not changes:
        return []
    grouped: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["role"] in (None, "total", "rate") and r["bound"] == "exact":
            grouped.setdefault((r["article"], r["unit"]), []).append(r)
    levels = {}
    for key, members in grouped.items():
        members.sort(key=lambda r: float(r["value"]))
        levels[key] = ([float(r["value"]) for r in members], members)
    agreed = _agreements(cross)
    out, seen = [], set()
    for c in changes:
        value = float(c["value"])
        tol = max(rounding_tolerance(value), CHANGE_MATCH_SHARE * value)
        said = features.measure_words(c)
        for (article, unit), (values, members) in levels.items():
            if article == c["article"] or unit != c["unit"] or len(members) < 2:
                continue
            for hi in members:
                # the levels lo with hi - lo within tol of the change (values sorted)
                target = float(hi["value"]) - value
                for lo in members[bisect.bisect_left(values, target - tol):
                                  bisect.bisect_right(values, target + tol)]:
                    diff = float(hi["value"]) - float(lo["value"])
                    if (hi is lo or hi.get("story") != c.get("story")
                            or units.per_span(hi) != units.per_span(lo)
                            or not said & (features.measure_words(hi)
                                           | features.measure_words(lo))
                            or not _two_levels(hi, lo)):
                        continue
                    key = (c["id"], hi["id"], lo["id"])
                    if key in seen:
                        continue
                    seen.add(key)
                    ids = [c["id"], hi["id"], lo["id"]]
                    ids += sorted(agreed.get(hi["id"], set()) - set(ids))
                    out.append(Finding(
                        id="", kind="cross-source", verdict="explained",
                        relation="increment-of-total", claims=ids, measure=c["measure"],
                        score=None, details={"rel_diff": round(rel_diff(value, float(
                            hi["value"])), 6), "change_of": [hi["id"], lo["id"]]},
                        explanation=(
                            f"{_who(c)} says \"{quoted(c)}\"; {_who(hi)} gives "
                            f"{formatting.claim(hi)} and {formatting.claim(lo)}, "
                            f"{formatting.amount(diff, unit)} apart. Not a conflict: the first "
                            f"is the change between the two levels the second report gives.")))
    return out


# Counts a report tells an increase of beside their level (not a player's games or points).
_RISING_COUNTS = frozenset({"seat", "vote", "job", "home", "household"})
# Words that tell an increase near the figure (not "has dropped $100").
_RISE_WORDS = re.compile(r"\b(?:increase[sd]?|rise|rose|risen|gain(?:ed|ing|s)?|grew|growth|"
                         r"up|add(?:s|ed|ing)?|extra|additional|further|lift(?:s|ed|ing)?|"
                         r"rais(?:es|ed|ing)|boost(?:s|ed)?|more)\b", re.IGNORECASE)
# An increase is at most this share of the level it took the measure to.
RISE_SHARE_MAX = 0.5


def _around(row: Mapping[str, Any]) -> str:
    """The words of a figure's sentence within 30 characters either side of it."""
    s0 = int(row["sentence_start"])
    at, end = int(row["start"]) - s0, int(row["end"]) - s0
    return str(row["sentence"])[max(0, at - 30):end + 30]


def explained_through_own_total(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """An increase one report gives beside the level it took the measure to, and another
    report's figure agreeing with that level.

    "Van Rijn has raised its offer, lifting the value of the deal to £4.7bn, and the increase
    adds £256m to the price" in one report; "£4.7bn" in another: the £256m is the increase,
    the other's £4.7bn the total it makes ("46 seats, gaining seven seats on its 2024 tally";
    "a $1.47bn increase, from $13.35bn to $14.82bn"). One explained finding (increment-of-total)
    per increase and agreeing figure; the level is the largest of the unit in the increase's
    sentence.
    """
    records = rows_by_index(claims)
    rises = [r for r in records.values() if r["role"] in ("increment", "change")
             and not r.get("vague") and float(r["value"]) > 0
             and (r["unit_family"] in ("money", "person") or r["unit"] in _RISING_COUNTS)
             and _RISE_WORDS.search(_around(r))]
    if not rises:
        return []
    by_sentence: dict[tuple, list[dict]] = {}
    for r in records.values():
        if r["role"] in (None, "total") and not r.get("vague"):
            by_sentence.setdefault((r["article"], r["sentence_start"], r["unit"]), []).append(r)
    agreed = _agreements(cross)
    paired = {frozenset((a, b)) for f in cross if f.kind == "cross-source"
              for a in f.claims for b in f.claims if a != b}
    by_id = {r["id"]: r for r in records.values()}
    out = []
    for rise in rises:
        levels = by_sentence.get((rise["article"], rise["sentence_start"], rise["unit"]), [])
        if not levels:
            continue
        level = max(levels, key=lambda r: float(r["value"]))
        if float(rise["value"]) > RISE_SHARE_MAX * float(level["value"]):
            continue  # ("$3.6bn ..., with another $2.5 billion": a second part, no increase)
        # Another report's figure agreeing with one of the two meets the other: an increase
        # agreeing with this one meets this level ("6 seats"; "194 seats, up just six"), a
        # level agreeing with this one meets this increase.
        for mine, theirs_of in ((level, rise), (rise, level)):
            for other_id in sorted(agreed.get(theirs_of["id"], set())):
                other = by_id[other_id]
                if (other["article"] == rise["article"] or other["unit"] != theirs_of["unit"]
                        or frozenset((mine["id"], other_id)) in paired):
                    continue
                paired.add(frozenset((mine["id"], other_id)))
                out.append(_increase_of_total(rise, level, other, other_is_rise=mine is level))
    return out


def _increase_of_total(rise: Mapping[str, Any], level: Mapping[str, Any],
                       other: Mapping[str, Any], other_is_rise: bool) -> Finding:
    """The explained finding of an increase and a total one report gives in one sentence,
    against another report's figure agreeing with one of them: the other's figure meets the
    one it does not agree with."""
    if other_is_rise:
        increase, total = other, level
        says = (f"{_who(other)} says {formatting.claim(other)}; {_who(level)} says "
                f"{formatting.claim(level)} beside \"{quoted(rise)}\"")
        whose, key, shown = "second", "increase_in_sentence", rise
    else:
        increase, total = rise, other
        says = (f"{_who(rise)} says \"{quoted(rise)}\" beside {formatting.claim(level)}; "
                f"{_who(other)} says {formatting.claim(other)}")
        whose, key, shown = "first", "total_in_sentence", level
    return Finding(
        id="", kind="cross-source", verdict="explained", relation="increment-of-total",
        claims=[increase["id"], total["id"]], measure=increase["measure"], score=None,
        details={"rel_diff": round(rel_diff(float(increase["value"]), float(total["value"])), 6),
                 key: shown["id"]},
        explanation=(f"{says}. Not a conflict: the first is the increase, the second the total "
                     f"it makes, as the {whose} report itself gives it."))


def _agreements(cross: list[Finding]) -> dict[str, set[str]]:
    """Each claim's agreeing claims in other reports (an agreement of several outlets ties each
    of its figures to every other)."""
    agreed: dict[str, set[str]] = {}
    for f in cross:
        if f.verdict == "agree" and f.kind == "cross-source":
            for a in f.claims:
                agreed.setdefault(a, set()).update(b for b in f.claims if b != a)
    return agreed


def _two_levels(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """One report gives the two as one measure's levels: one compared with the other in one
    sentence ("4.2p per share, compared with 3.5p a year earlier"), or for two stated periods
    ("£6.1bn in 2022")."""
    if a["article"] == b["article"] and a["sentence_start"] == b["sentence_start"]:
        first, second = sorted((a, b), key=lambda r: int(r["start"]))
        s0 = int(first["sentence_start"])
        between = str(first["sentence"])[int(first["end"]) - s0:int(second["start"]) - s0]
        return bool(_COMPARED_FROM.match(between) or _THAN.match(between))
    return bool(a.get("period_kind") or b.get("period_kind")) and periods.relation(
        a, b) == "different"


def same_day_conflicts(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """Contradictions inside one running count: figures the findings tie to one toll (as later
    updates of it, or agreeing with such figures) that two reports give differently on the
    same day. A toll rises between reports, never within one day's reports; a floor ("at
    least 24") may be a later hour's count, so only two exact figures are set against each
    other.
    """
    running = claims[claims["running"].astype(bool)] if "running" in claims else claims[:0]
    records = {r["id"]: r for r in running.to_dict("records")}
    judged = {frozenset(f.claims) for f in cross}
    # An update whose order was only assumed (one report undated) ties nothing: it says the
    # figures are one toll, not when each held.
    root = components(f.claims for f in cross
                      if f.verdict == "agree" or (f.relation == "later-update"
                                                  and f.details.get("order") != "assumed"))
    toll_groups: dict[str, list[dict]] = {}
    for cid, group in sorted(root.items()):
        r = records.get(cid)
        if r is not None and isinstance(r.get("as_of"), str):
            toll_groups.setdefault(group, []).append(r)
    out = []
    for members in toll_groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a["article"] == b["article"] or a["as_of"] != b["as_of"]
                        or "exact" != a["bound"] or "exact" != b["bound"]
                        or _other_outcome(a, b)  # the missing are not the dead
                        or _day_end_recalled(a, b)
                        or frozenset((a["id"], b["id"])) in judged or _allows(a, b)
                        or confirmed_elsewhere_pair(a, b, members)):
                    continue
                out.append(Finding(
                    id="", kind="cross-source", verdict="contradict",
                    claims=sorted([a["id"], b["id"]]), measure=a["measure"], score=None,
                    details={"rel_diff": round(rel_diff(float(a["value"]),
                                                        float(b["value"])), 6)},
                    explanation=(
                        f"{_who(a)} says {formatting.claim(a)}; {_who(b)} says "
                        f"{formatting.claim(b)}, on the same day, for one running count that "
                        f"other reports tie together. A toll can rise between reports but not "
                        f"differ within one day's; one of them is out of line.")))
    return out


def _day_end_recalled(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """One report recalls a past day's count ("by Monday night eight had died", told on
    Wednesday), the other gave it on that day as it stood when written: the recalled count
    is the day's last and may be higher without either being wrong."""
    for late, same in ((a, b), (b, a)):
        if (_recalled(late) and not _recalled(same)
                and float(late["value"]) > float(same["value"])):
            return True
    return False


def confirmed_elsewhere_pair(a: Mapping[str, Any], b: Mapping[str, Any],
                             members: list[dict]) -> bool:
    """True when a's article also gives b's figure for the count, or b's article a's."""
    return any(m["id"] not in (a["id"], b["id"]) and
               ((m["article"] == a["article"] and _compatible(m, b))
                or (m["article"] == b["article"] and _compatible(m, a))) for m in members)


def _one_figure(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two figures that agree and are not stated for two different spans."""
    if a.get("unit_family") != "age" and periods.apart_spans(a, b):
        return False
    return _compatible(a, b)


def _mutually_agreeing(fs: list[Finding], rows: Mapping[str, Mapping[str, Any]]
                       ) -> list[list[Finding]]:
    """Agreements of one reading in groups whose figures all agree with each other: a reading
    can chain "40 hours" to "30 hours" through a figure near both, and one finding must not say
    that 40 and 30 agree. Each agreement joins the first group it fits, in rank order."""
    if len(fs) == 1:
        return [fs]
    out: list[tuple[list[Finding], list[str]]] = []
    known: dict[tuple[str, str], bool] = {}

    def alike(c: str, m: str) -> bool:
        if (c, m) not in known:
            known[(c, m)] = known[(m, c)] = (c in rows and m in rows
                                             and _one_figure(rows[c], rows[m]))
        return known[(c, m)]

    for f in fs:
        for group, members in out:
            if all(c in members or alike(c, m) for c in f.claims for m in members):
                group.append(f)
                members.extend(c for c in f.claims if c not in members)
                break
        else:
            out.append(([f], list(f.claims)))
    return [group for group, _ in out]


# A merged finding's explanation names this many more outlets' figures; the rest are counted.
ALSO_NAMED = 6


def one_per_reading(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """Findings per fact, not per pair of outlets. Figures the findings agree on are one
    reading of a measure: the agreements inside a reading become one agree finding holding
    all its figures ("five outlets report 213"), and the differences explained alike between
    two readings become one finding holding both readings' figures. Contradictions stay one
    per pair of figures: a finding holds the figures it says are in dispute, and two of one
    reading are not. Agreements merge only figures that all agree with each other. Each leads
    with the pair an editor reads best (the surest alignment, then the most alike sentences),
    then names every other outlet's figure."""
    pairs = [f for f in cross if f.kind == "cross-source" and len(f.claims) == 2]
    if len(pairs) < 2:
        return cross
    reading = components(f.claims for f in pairs if f.verdict == "agree")
    sentence = {c: " ".join(str(s).lower().split())
                for c, s in zip(claims["id"], claims["sentence"])}

    def rank(f: Finding) -> tuple:
        a, b = f.claims
        alike = fuzz.token_set_ratio(sentence.get(a, ""), sentence.get(b, ""))
        return (-(f.score or 0.0), -alike, a, b)

    unit = dict(zip(claims["id"], claims["unit"]))
    groups: dict[tuple, list[Finding]] = {}
    for f in sorted(pairs, key=rank):
        sides = frozenset(reading.get(c, c) for c in f.claims)
        # Agreements merge within one reading and one pair of units as written: "2 goals"
        # and "2 throws" may agree by chance, and one finding must not say they are one.
        relation = (tuple(sorted(str(unit.get(c)) for c in f.claims)) if f.verdict == "agree"
                    else f.relation)
        groups.setdefault((f.verdict, relation, sides), []).append(f)
    rows = {r["id"]: r for r in claims[claims["id"].isin(
        {c for fs in groups.values() if len(fs) > 1 for f in fs for c in f.claims})
        ].to_dict("records")}
    kept = set()
    merged: list[list[Finding]] = []
    for (verdict_, _, _), fs in groups.items():
        if verdict_ == "contradict":
            # A contradiction holds one figure of each side: a finding that held two figures of
            # one reading would say those two, which agree, are in dispute. The fact shows the
            # whole discrepancy; each pair of outlets in it is its own piece of evidence.
            kept.update(id(f) for f in fs)
        elif verdict_ == "agree":
            merged += _mutually_agreeing(fs, rows)
        else:
            merged.append(fs)
    for fs in merged:
        first = fs[0]
        more = [c for c in dict.fromkeys(c for f in fs[1:] for c in f.claims)
                if c not in first.claims]
        if more:
            first.claims = list(first.claims) + more
            said = [f"{_who(rows[c])} says {formatting.claim(rows[c])}" for c in more
                    if c in rows]
            rest = len(said) - ALSO_NAMED
            first.explanation += " Also: " + "; ".join(said[:ALSO_NAMED]) + (
                f"; and {rest} more." if rest > 0 else ".")
            first.details["pairs"] = len(fs)
        kept.add(id(first))
    return [f for f in cross if f.kind != "cross-source" or len(f.claims) != 2
            or id(f) in kept]


# The hedges a linked figure may carry ("to about £40m"), and the same with "over".
_HEDGED = r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?"
_HEDGED_OVER = (r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|"
                r"just\s+(?:over|under)\s+|over\s+)?")


# A figure an article compares with an earlier one in the same sentence: "just under 60%, down
# from 67.3% in 2019", "£212m, compared with £301m a year earlier", "up from 1.7 per cent".
_COMPARED_FROM = re.compile(r"^[^.;]{0,50}?\b(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|"
                            r"against|versus|vs\.?)\s+(?:the\s+)?(?:[^.;\d]{0,40}?\bwhen\s+)?"
                            # ("up from previous guidance of around £205m")
                            r"(?:(?:previous|earlier|original|prior|its|their|the)\s+"
                            r"(?:[a-z-]+\s+){0,2}of\s+)?"
                            r"(?:about\s+|around\s+|some\s+|just\s+|nearly\s+|almost\s+)?$",
                            re.IGNORECASE)
# A total an increment brings something to: "a further £40m, bringing its total budget to
# £115m", "29 more clinics, taking the total to 87", "taking the total wasted to a staggering
# £85million".
_BRINGING_TO = re.compile(r"^[^.;]{0,160}?\b(?:bring(?:s|ing)?|brought|tak(?:es|ing)|took|"
                          r"lift(?:s|ing)?|rais(?:es|ing)|push(?:es|ing)?|to\s+rise)\b"
                          r"[^.;\d]{0,60}?\bto\s+(?:an?\s+(?:staggering|whopping|record|total\s+of|"
                          r"massive|huge|hefty|eye-watering)\s+)?" + _HEDGED + "$", re.IGNORECASE)


# An estimate revised: "put losses at €40m, raised its estimate on Thursday to €85m", "cut its
# forecast to 1.1%". The second figure is the later reading of the first.
_REVISED_TO = re.compile(r"^[^.;\d]{0,80}?\b(?:raised|revised|lowered|cut|upgraded|downgraded|"
                         r"increased|lifted|trimmed)\s+(?:up\s+|down\s+)?(?:its|their|the|his|"
                         r"her)\s+(?:[a-z-]+\s+)?(?:estimate|forecast|projection|figure|tally|"
                         r"guidance|prediction)s?\b[^.;\d]{0,40}?\bto\s+(?:between\s+)?"
                         + _HEDGED + "$", re.IGNORECASE)


# A level and the change that led to it, in either order: "1.86 million people were
# unemployed, up 71,000 on the previous quarter", "ended with 52 seats, having gained 14";
# "Forward Ireland was down 13 to 44", "rose by 71,000 to 1.86 million".
_THEN_CHANGE = re.compile(r"^[^.;\d]{0,90}?(?:\b(?:up|down)|\bhaving\s+(?:gained|lost|added|shed|"
                          r"risen|fallen|grown|dropped)|\ba\s+(?:net\s+|further\s+)?"
                          r"(?:rise|fall|gain|drop|increase|decrease|loss)\s+of|"
                          r"\ban\s+(?:increase|decrease)\s+of)\s+(?:by\s+)?"
                          + _HEDGED + "$", re.IGNORECASE)
_CHANGE_TO = re.compile(r"^[^.;\d]{0,30}?\bto\s+(?:a\s+record\s+|a\s+total\s+of\s+)?" + _HEDGED
                        + "$", re.IGNORECASE)


# "£640m next year as part of the Chancellor's £8.2bn increase": the first is a part.
_AS_PART_OF = re.compile(r"^[^.;\d]{0,60}?\b(?:as|is|are|was|were)\s+(?:a\s+)?part\s+of\b"
                         r"[^.;\d]{0,60}$", re.IGNORECASE)


# "The province's toll of 41 accounts for more than a third of the 112 deaths", "is the
# region's share of the £15.6bn fund": the first is a part.
_SHARE = (r"(?:accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|represents?|represented|"
          r"is|are|was|were|forms?|formed)\s+(?:just\s+|more\s+than\s+|less\s+than\s+|"
          r"almost\s+|nearly\s+|about\s+|around\s+|over\s+|under\s+|roughly\s+)?"
          r"(?:a\s+third|a\s+quarter|half|a\s+fifth|a\s+tenth|two-thirds|three-quarters|"
          r"an?\s+(?:\w+\s+)?(?:share|part|slice|portion|fraction|proportion)|"
          r"(?:(?:the|its|their|his|her)\s+)?(?:[\w-]+['’]s?\s+)?(?:\w+\s+)?"
          r"(?:share|part|slice|portion))\s+of")
_OUT_OF = re.compile(r"^[^.;\d]{0,160}?\bout\s+of\s+(?:the\s+|all\s+|a\s+total\s+of\s+|"
                     r"(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}(?:total|toll|tally|count)"
                     r"\s+of\s+)?" + _HEDGED_OVER + "$", re.IGNORECASE)  # "out of a national toll of"
_SHARE_OF = re.compile(r"^[^.;\d]{0,40}?\b" + _SHARE + r"\s+(?:the\s+|all\s+)?" + _HEDGED
                       + "$", re.IGNORECASE)


# "More than 2,000 firefighters, including about 300 from Oregon": the second is a part.
_INCLUDING = re.compile(r"^[^.;\d]{0,60}?\bincluding\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                        r"almost\s+|more\s+than\s+|at\s+least\s+)?$", re.IGNORECASE)


# A figure named as the one before the other's: "down on the 6.7 million the year before".
_PREVIOUS_AFTER = re.compile(r"\s+(?:the\s+(?:year|month|week|quarter)\s+before|the\s+previous\s+"
                             r"(?:year|month|week|quarter)|a\s+(?:year|month|week)\s+(?:earlier|"
                             r"ago|before)|(?:twelve|12)\s+months\s+(?:earlier|before))\b",
                             re.IGNORECASE)
# A move from one figure to another: "grows from €23.7 billion this year to just over €30
# billion" (the second is the later figure).
_FROM_BEFORE = re.compile(r"\b(?:grows?|grew|rises?|rose|falls?|fell|climbs?|climbed|drops?|"
                          r"dropped|increases?|increased|decreases?|decreased|widens?|widened|"
                          r"narrows?|narrowed|goes|went|jumps?|jumped)\s+from\s+" + _HEDGED
                          + "$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^[^.;\d]{0,40}?\bto\s+" + _HEDGED_OVER + "$", re.IGNORECASE)


# "about 9.7 million votes, fewer than the 10.3 million Corbyn won in 2019": a comparison that
# is a different period only when the second figure states one of its own.
_THAN = re.compile(r"^[^.;]{0,40}?\b(?:more|fewer|less|higher|lower|greater|smaller|bigger|"
                   r"larger|up|down)\s+(?:on|than)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+)?$",
                   re.IGNORECASE)


# One sentence tells a figure's first reading and its later one: "It was initially put at 7.1,
# but the agency now says 6.8".
_FIRST_STAGE = re.compile(r"\b(?:initially|first|originally|provisional(?:ly)?|preliminary|"
                          r"early|earlier)\b", re.IGNORECASE)
_LATER_STAGE = re.compile(r"\b(?:now|later|since|revised|final(?:ly)?|closed|closing|"
                          r"eventually)\b", re.IGNORECASE)
def _first_then_later(before_x: str, between: str) -> bool:
    """The words around a sentence's first figure call it a first reading ("initially put at",
    "in early trading") and the words before the second a later one ("now", "closed")."""
    first = _FIRST_STAGE.search(between)
    if first is None and not _FIRST_STAGE.search(before_x):
        return False
    return bool(_LATER_STAGE.search(between, first.end() if first else 0))


def _later_then_first(between: str) -> bool:
    """The clause before a sentence's second figure calls it the first reading of the one
    before ("..., which originally had rated the quake as 4.4")."""
    tail = re.split(r"[,;:]", between)[-1]
    return bool(_FIRST_STAGE.search(tail)) and not _LATER_STAGE.search(tail) and bool(
        re.search(r"\b(?:rated|put|estimated|reported|given|gave|said|measured|recorded)\b",
                  tail, re.IGNORECASE))


# A whole the sentence opens on: "Of the £1,270m, some £420m was spent on land".
_OF_THE_WHOLE = re.compile(r"(?:^|[,;]\s*)\W*(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+)?$",
                           re.IGNORECASE)


# A sentence that may state a link at all (most do not; they are skipped unread).
_LINK_CUE = re.compile(r"\b(?:from|compared|against|versus|vs|bring|brought|tak|took|lift|rais|"
                       r"account|share|make|made|represent|out\s+of|"
                       r"up|down|having|gain|rose|fell|increas|decreas|grew|climb|jump|"
                       r"push|rise|of\s+(?:them|whom|those|these|which)|than|on|including|part|"
                       r"initial|first|original|provisional|preliminary|early|earlier)"
                       r"|(?:^\W*|[,;]\s*)(?:out\s+)?of\s+the\b|\d\s+of\s+(?:the|all)\s+\S*\d",
                       re.IGNORECASE)


def _other_period(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    """y states a period, and x does not state the same one."""
    return bool(y.get("period_kind")) and (x.get("period_kind"), x.get("period_start")) != (
        y.get("period_kind"), y.get("period_start"))


def stated_links(claims: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(figure, figure, relation) links one sentence (or one and the sentence before it,
    ``_links_to_the_sentence_before``) states between two figures of one unit:
    a figure and the earlier one it is compared with ("60%, down from 67.3% in 2019":
    different-period), an increment and the total it brings something to ("a further £40m,
    bringing the total to £115m": increment-of-total), a part and its whole ("nine killed,
    seven of them in the town": part-of-whole)."""
    out: list[tuple[str, str, str]] = []
    if len(claims) < 2:
        return out
    out += _links_to_the_sentence_before(claims)
    cols = ["id", "article", "sentence_start", "start", "end", "unit", "unit_family", "value",
            "role", "sentence", "period_kind", "period_start", "running"]
    # The sentences that hold two figures and a cue first, then their rows (most hold neither).
    starts = claims["sentence_start"].tolist()
    arts = claims["article"].tolist()
    sentences = claims["sentence"].tolist()
    seen: dict[tuple, int] = {}
    for i, key in enumerate(zip(arts, starts)):
        seen[key] = seen.get(key, 0) + 1
    cued: dict[tuple, bool] = {}
    keep = []
    for i, key in enumerate(zip(arts, starts)):
        if seen[key] > 1:
            if key not in cued:
                cued[key] = bool(_LINK_CUE.search(str(sentences[i])))
            if cued[key]:
                keep.append(i)
    if not keep:
        return out
    by_sentence: dict[tuple, list[dict]] = {}
    for r in claims.iloc[keep][cols].to_dict("records"):
        by_sentence.setdefault((r["article"], r["sentence_start"]), []).append(r)
    for rows in by_sentence.values():
        rows.sort(key=lambda r: int(r["start"]))
        for x, y in zip(rows, rows[1:]):
            s0 = int(x["sentence_start"])
            if (_OF_THE_NEXT.match(str(x["sentence"]), int(x["end"]) - s0, int(y["start"]) - s0)
                    and abs(float(x["value"])) < abs(float(y["value"]))
                    and (x["unit"] == y["unit"] or x["unit"] == "count"
                         and y["unit_family"] in ("person", "count"))):
                # "About 400 of the 1,200 jobs being cut will go at its head office"
                out.append((x["id"], y["id"], "part-of-whole"))
        for x, y in _next_of_each_unit(rows):
            # A bare count after a named one counts the same ("2,000 firefighters, including
            # about 300 from Oregon").
            bare = y["unit"] == "count" and x["unit_family"] in ("person", "count")
            # ... and so does a bare change before its level ("down 13 to 44 seats").
            bare_change = x["unit"] == "count" and y["unit_family"] in ("person", "count")
            if (x["unit"] != y["unit"] and not (bare or bare_change)
                    or float(x["value"]) == float(y["value"])):
                continue
            between = str(x["sentence"])[int(x["end"]) - int(x["sentence_start"]):
                                         int(y["start"]) - int(y["sentence_start"])]
            after_y = str(y["sentence"])[int(y["end"]) - int(y["sentence_start"]):]
            before_x = str(x["sentence"])[:int(x["start"]) - int(x["sentence_start"])]
            if (phrases.PART_OF_THEM.match(after_y) and len(between) <= 160
                    or _INCLUDING.match(between)
                    or y["role"] == "part" and _OF_THE_WHOLE.search(before_x)
                    ) and float(y["value"]) < float(x["value"]):
                # ("Of the £1,270m, some £420m was spent buying land")
                out.append((y["id"], x["id"], "part-of-whole"))
            elif ((_SHARE_OF.match(between) or _OUT_OF.match(between))
                  and float(x["value"]) < float(y["value"])):
                # ("The province's toll of 41 accounts for more than a third of the 112 deaths";
                # "The force recorded 5,214 offences ..., out of more than 51,000 across England")
                out.append((x["id"], y["id"], "part-of-whole"))
            elif _AS_PART_OF.match(between) and float(x["value"]) < float(y["value"]):
                # ("an extra £640m next year as part of the Chancellor's £8.2bn increase")
                out.append((x["id"], y["id"], "part-of-whole"))
            elif (x["role"] not in ("change", "difference", "rate")
                  and abs(float(y["value"])) < abs(float(x["value"]))
                  and _THEN_CHANGE.match(between)):
                # ("1.86 million people were unemployed, up 71,000 on the previous quarter";
                # the words before the second figure say it is the change)
                out.append((y["id"], x["id"], "increment-of-total"))
            elif (x["role"] == "change" and y["role"] not in ("change", "difference", "rate")
                  and abs(float(x["value"])) < abs(float(y["value"]))
                  and _CHANGE_TO.match(between)):
                # ("Forward Ireland was down 13 to 44")
                out.append((x["id"], y["id"], "increment-of-total"))
            elif (x["role"] not in ("difference", "increment") and _THAN.match(between)
                  and _PREVIOUS_AFTER.match(after_y)):
                # ("6.5 million crimes, down on the 6.7 million the year before")
                out.append((x["id"], y["id"], "different-period"))
            elif (bare or bare_change) and x["unit"] != y["unit"]:
                continue
            elif _REVISED_TO.match(between):
                # ("which on Wednesday put insured losses at around €40m, raised its estimate
                # on Thursday to between €85m and €110m")
                out.append((x["id"], y["id"], "later-update"))
            elif _first_then_later(before_x[-60:], between):
                # ("It was initially put at 7.1, but the agency now says it had a magnitude of
                # 6.8"; "fell as much as 6.1 per cent in early trading ... and closed 2.4 per
                # cent lower")
                out.append((x["id"], y["id"], "later-update"))
            elif _later_then_first(between):
                # ("The 4.2-magnitude earthquake ..., which originally had rated the quake as
                # 4.4 in magnitude")
                out.append((y["id"], x["id"], "later-update"))
            elif (x["role"] == "increment" or x["role"] is None
                  and float(x["value"]) < float(y["value"])) and _BRINGING_TO.match(between):
                # ("a final dividend of 6.8p, taking the full-year payout to 10.2p")
                out.append((x["id"], y["id"], "increment-of-total"))
                w = _added_to(rows, x)
                if w is not None and float(w["value"]) < float(y["value"]):
                    # ("a final dividend of 6.2p which, added to the 2.8p interim, brings
                    # the total payout to 9p": both dividends are parts of the total)
                    out.append((w["id"], y["id"], "increment-of-total"))
            elif x["role"] not in ("difference", "increment") and (
                    _COMPARED_FROM.match(between)
                    or _THAN.match(between) and _other_period(x, y)):
                out.append((x["id"], y["id"], "different-period"))
            elif _FROM_BEFORE.search(before_x[-30:]) and _TO_AFTER.match(between):
                # ("the shortfall grows from €23.7 billion this year to just over €30 billion";
                # a running count's move is its update: "the toll rose from 12 to 15")
                out.append((y["id"], x["id"], "later-update" if x["running"] and y["running"]
                            else "different-period"))
    return out


# A sentence that opens on a part of what the sentence before gave: "Of that sum, €12m is
# earmarked for farmers"; "The biggest single element is $13.7bn in tax incentives".
_PART_OPENS = re.compile(
    r"^\W*(?:of\s+(?:that|this|the|those|these|which|it)\b(?:\s+[a-z]+){0,2}\s*,"
    r"|(?:the|its)\s+(?:single\s+)?(?:biggest|largest|main|single\s+biggest)\s+"
    r"(?:single\s+)?(?:element|item|part|share|component|chunk|slice|portion)\b)",
    re.IGNORECASE)


# A sentence that opens on the share the figure before is of a whole: "The money is the
# region's share of the £15.6 billion City Region Transport Fund".
_SHARE_OPENS = re.compile(r"^\W*(?:the|this|that|it|which)\s+(?:[a-z]+\s+)?" + _SHARE + r"\b",
                          re.IGNORECASE)


# A sentence that opens on what the sentence before added and takes it to a total: "That will
# take the total budget of the department to £212.6 billion", "The boost will take the
# department's budget to a whopping £24bn".
_TAKES_OPENS = re.compile(r"^\W*(?:that|this|it|which|(?:the|this|that)\s+(?:boost|increase|rise|"
                          r"money|cash|funding|extra|injection|uplift|addition))\s+"
                          r"(?:will\s+|would\s+)?(?:take|takes|took|bring|brings|brought|lift|"
                          r"lifts|raise|raises|push|pushes)\b", re.IGNORECASE)


# A sentence that opens on a comparison with the figure before: "That is double the $13.9bn
# deficit forecast ...", "This compares with 4.6 per cent a year earlier".
_COMPARED_OPENS = re.compile(
    r"^\W*(?:that|this|it)\s+(?:compares?\s+(?:with|to)\b|(?:is|was|would\s+be)\s+"
    r"(?:almost\s+|nearly\s+|more\s+than\s+|roughly\s+|about\s+)?"
    r"(?:double|twice|treble|triple|three\s+times|half|up\s+from|down\s+from|"
    r"(?:higher|lower|more|less|bigger|smaller)\s+than)\b)", re.IGNORECASE)
# ... an earlier estimate of the same thing: "forecast ... in last year's budget".
_EARLIER_ESTIMATE = re.compile(r"\b(?:forecast|estimated?|projected|predicted|expected)\b.*"
                               r"\b(?:last\s+year'?s?|previous(?:ly)?|earlier|original(?:ly)?|"
                               r"initial(?:ly)?|a\s+year\s+ago)\b", re.IGNORECASE)


def _links_to_the_sentence_before(claims: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Links a sentence states to a figure of the sentence just before it (the last there
    of its unit): (part, whole, "part-of-whole") for a sentence that opens on a part of
    it ("Of that sum, €12m ..."), (increment, total, "increment-of-total") for one that
    takes it to a total ("That will take the total budget to £212.6 billion")."""
    sentences = claims["sentence"].tolist()
    # (A rate in such a sentence is no part: "... will save the average household £150 a year".)
    roles = claims["role"].tolist()
    opens = [i for i, text in enumerate(sentences)
             if (_PART_OPENS.match(str(text)) or _TAKES_OPENS.match(str(text))
                 or _COMPARED_OPENS.match(str(text)) or _SHARE_OPENS.match(str(text)))
             and roles[i] != "rate"]
    if not opens:
        return []
    arts, starts = claims["article"].tolist(), claims["sentence_start"].tolist()
    by_sentence: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(arts, starts)):
        by_sentence.setdefault(key, []).append(i)
    # The sentence each sentence with figures follows, where that one has figures too.
    follows: dict[tuple, tuple] = {}
    for art, start in sorted(by_sentence):
        i = by_sentence[(art, start)][0]
        end = int(start) + len(str(sentences[i]))
        follows[(art, end)] = (art, start)
    ids, units, values = claims["id"].tolist(), claims["unit"].tolist(), claims["value"].tolist()
    at = claims["start"].tolist()
    periods_of = list(zip(claims["period_kind"].tolist(), claims["period_start"].tolist()))
    # A part may count its whole under another noun ("1,900 roles would be affected. The
    # largest single element is the closure of a depot where 640 people work"): counts meet.
    counted = [f in ("count", "person") for f in claims["unit_family"].tolist()]
    out = []
    for i in opens:
        art, start = arts[i], int(starts[i])
        before = next((follows[(art, end)] for end in range(start, start - 4, -1)
                       if (art, end) in follows), None)
        if before is None:
            continue
        if _COMPARED_OPENS.match(str(sentences[i])):
            # "That is double the $13.9bn deficit forecast for 2024-25 in last year's budget":
            # the sentence's first figure of the unit is the one the figure before is set
            # against, an earlier estimate of it or another period's
            first = min((j for j in by_sentence[(art, start)] if units[j] == units[i]),
                        key=lambda j: int(at[j]))
            compared = [j for j in sorted(by_sentence[before], key=lambda j: int(at[j]))
                        if units[j] == units[i] and float(values[j]) != float(values[i])]
            # (of several, the one for the period this one states: "$28.3bn for 2024-25 and
            # $42.8bn in 2025-26. That is double the $13.9bn forecast for 2024-25")
            compared = [j for j in compared if periods_of[j] == periods_of[i]] or compared
            if first == i and compared:
                if _EARLIER_ESTIMATE.search(str(sentences[i])):
                    out.append((ids[i], ids[compared[-1]], "later-update"))
                else:
                    out.append((ids[compared[-1]], ids[i], "different-period"))
            continue
        if _SHARE_OPENS.match(str(sentences[i])):
            # "The money is the region's share of the £15.6 billion fund": the sentence's first
            # figure of the unit is the whole the last smaller one before is a part of
            first = min((j for j in by_sentence[(art, start)] if units[j] == units[i]),
                        key=lambda j: int(at[j]))
            parts = [j for j in sorted(by_sentence[before], key=lambda j: int(at[j]))
                     if units[j] == units[i] and float(values[j]) < float(values[i])]
            if first == i and parts:
                out.append((ids[parts[-1]], ids[i], "part-of-whole"))
            continue
        takes = bool(_TAKES_OPENS.match(str(sentences[i])))
        earlier = [j for j in sorted(by_sentence[before], key=lambda j: int(at[j]))
                   if (units[j] == units[i] or counted[j] and counted[i])
                   and (float(values[j]) < float(values[i])) == takes
                   and float(values[j]) != float(values[i])]
        if earlier and takes:
            out.append((ids[earlier[-1]], ids[i], "increment-of-total"))
        elif earlier:
            out.append((ids[i], ids[earlier[-1]], "part-of-whole"))
    return out


_OF_THE_NEXT = re.compile(r"\s+of\s+(?:the\s+|all\s+)?$")


# What joins a figure to the one after it as two parts of one sum: "6.2p which, added to the
# 2.8p interim", "£50m, on top of the £20m", "€12m plus €3m".
_ADDED_TO = re.compile(r"^\W*(?:[a-z]+\s+){0,3}?(?:which|that)?\W*(?:when\s+)?(?:added\s+to|on\s+top\s+of|"
                       r"plus|together\s+with|combined\s+with)\s+(?:the\s+|an?\s+|its\s+|their\s+)?$",
                       re.IGNORECASE)


def _added_to(rows: list[dict], x: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The figure of x's unit right before x that the sentence adds x to, or None."""
    before = [r for r in rows if int(r["end"]) <= int(x["start"])]
    if not before or before[-1]["unit"] != x["unit"]:
        return None
    w = before[-1]
    s0 = int(w["sentence_start"])
    between = str(w["sentence"])[int(w["end"]) - s0:int(x["start"]) - s0]
    return w if _ADDED_TO.match(between) else None


def _next_of_each_unit(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Each figure of a sentence with the next one, and with the next one of its unit when
    figures of other units stand between ("5.2 per cent in the three months to March, from 5.0
    per cent")."""
    out = []
    whole_of_previous = False
    for i, x in enumerate(rows):
        later = rows[i + 1:]
        if not later:
            break
        of_next = _OF_THE_NEXT.match(str(x["sentence"]), int(x["end"]) - int(
            x["sentence_start"]), int(later[0]["start"]) - int(later[0]["sentence_start"]))
        if of_next and len(later) > 1:
            # "won 411 of the 650 seats, a net gain of 211": the whole the figure is counted
            # of stands between it and the figure set against it, and is read as part of it
            out.append((dict(x, end=later[0]["end"]), later[1]))
        elif not whole_of_previous:
            out.append((x, later[0]))
        whole_of_previous = bool(of_next)
        if whole_of_previous:
            continue
        same = next((y for y in later if y["unit"] == x["unit"]), None)
        if same is not None and same is not later[0]:
            out.append((x, same))
    return out


def explained_through_stated_links(claims: pd.DataFrame, cross: list[Finding],
                                   links: list[tuple[str, str, str]] | None = None
                                   ) -> tuple[list[Finding], list[Finding]]:
    """Carry what one article states between two of its figures across sources.

    When article A says "X, down from Y in 2019" (or "a further X, bringing the total to Y",
    or "Y killed, X of them in the town"), the figures of other sources that agree with X
    and those that agree with Y differ for the reason A states. One explained finding per
    such link holds X, Y and every figure agreeing with either; the cross-source findings
    that set one side against the other are dropped.
    """
    links = stated_links(claims) if links is None else links
    if not links:
        return cross, []
    ends = {c for x, y, _ in links for c in (x, y)}
    agreed: dict[str, set[str]] = {}
    for f in cross:
        if f.verdict == "agree" and f.kind == "cross-source" and ends.intersection(f.claims):
            for a in ends.intersection(f.claims):
                agreed.setdefault(a, set()).update(b for b in f.claims if b != a)
    linked = set(ends)
    linked |= {c for x in list(linked) for c in agreed.get(x, ())}
    needed = linked | {c for f in cross if f.verdict == "agree" and linked.intersection(f.claims)
                       for c in f.claims}
    by_id = {r["id"]: r for r in claims[claims["id"].isin(needed)].to_dict("records")}
    new, across, done, sides = [], set(), set(), []
    for x_id, y_id, relation in links:
        xs = [x_id] + sorted(agreed.get(x_id, set()) - {y_id})
        ys = [y_id] + sorted(agreed.get(y_id, set()) - set(xs))
        pairs = {frozenset((z, w)) for z in xs for w in ys
                 if by_id[z]["article"] != by_id[w]["article"]}
        if relation == "different-period" and by_id[y_id]["bound"] in _PRECISE:
            stale = [z for z in ys[1:] if z not in ends
                     and float(by_id[z]["value"]) == float(by_id[y_id]["value"])
                     and _told_as_current(by_id[z], by_id[x_id], by_id[y_id])]
            ys = [c for c in ys if c not in stale]
            new += [_stale_finding(by_id[z], by_id[x_id], by_id[y_id]) for z in stale]
        if not pairs or frozenset(xs + ys) in done:
            continue  # no other source holds either figure: the article's own business
        done.add(frozenset(xs + ys))
        across |= pairs
        sides.append((set(xs), set(ys)))
        new.append(_stated_link_finding([by_id[c] for c in xs], [by_id[c] for c in ys],
                                        relation))
    kept = []
    for f in cross:
        if f.verdict != "agree":
            if frozenset(f.claims[:2] if f.verdict == "contradict" else f.claims) not in across:
                kept.append(f)
            continue
        if not linked.intersection(f.claims):
            kept.append(f)
            continue
        # An agreement never holds both sides of a stated link: the side that holds fewer of
        # its figures leaves it.
        claims_in = list(f.claims)
        for x_ids, y_ids in sides:
            on_x = [c for c in claims_in if c in x_ids]
            on_y = [c for c in claims_in if c in y_ids]
            if on_x and on_y:
                drop = set(on_y if len(on_y) <= len(on_x) else on_x)
                claims_in = [c for c in claims_in if c not in drop]
        if len({by_id[c]["article"] for c in claims_in}) >= 2:
            kept.append(f if claims_in == list(f.claims)
                        else dataclasses.replace(f, claims=claims_in))
    return kept, new


def explained_through_the_rest(claims: pd.DataFrame, cross: list[Finding],
                               links: list[tuple[str, str, str]] | None = None) -> list[Finding]:
    """A figure that is the rest of a total another report splits.

    "The national funds come on top of €20m already committed by the region and bring the aid
    package to €70m" in one report; "the government has pledged €50 million in emergency aid"
    in another: €70m - €20m = €50m, so the €50m is the new money and €70m the total it brings
    the package to. One explained finding (increment-of-total) per such figure and total; the
    figure must share a word of what it measures with the total or its stated part.
    """
    if links is None:
        links = stated_links(claims)
    sums = [(x, y) for x, y, rel in links if rel == "increment-of-total"]
    if not sums:
        return []
    by_id = {r["id"]: r for r in rows_by_index(claims).values()}
    judged = {frozenset(f.claims[:2]) for f in cross if f.verdict == "contradict"
              or len(f.claims) == 2}
    candidates: dict[str, list[dict]] = {}
    for r in by_id.values():
        if not r.get("vague") and r["bound"] in ("exact", "approx"):
            candidates.setdefault(r["unit"], []).append(r)
    out, seen = [], set()
    for x_id, y_id in sums:
        part, total = by_id[x_id], by_id[y_id]
        rest = float(total["value"]) - float(part["value"])
        if rest <= 0 or part["unit"] != total["unit"] or part["role"] in ("change", "difference"):
            continue  # ("has dropped $100 to $1,199": a move, not a part of a sum)
        said = features.measure_words(total) | features.measure_words(part)
        for z in candidates.get(total["unit"], []):
            value = float(z["value"])
            if (z["article"] == total["article"] or z.get("story") != total.get("story")
                    or abs(value - rest) > max(rounding_tolerance(value), CHANGE_MATCH_SHARE * rest)
                    or frozenset((z["id"], y_id)) in judged or (z["id"], y_id) in seen
                    or not said & features.measure_words(z)):
                continue
            seen.add((z["id"], y_id))
            told = (_span_quote(part, total) if part["sentence_start"] == total["sentence_start"]
                    else quoted(total, words=6))
            out.append(Finding(
                id="", kind="cross-source", verdict="explained", relation="increment-of-total",
                claims=[z["id"], y_id, x_id], measure=total["measure"], score=None,
                details={"rel_diff": round(rel_diff(value, float(total["value"])), 6),
                         "rest_of": [y_id, x_id]},
                explanation=(
                    f"{_who(z)} says \"{quoted(z)}\"; {_who(total)} gives "
                    f"{formatting.claim(total)} and counts {formatting.claim(part)} in it "
                    f"(\"{told}\"). Not a "
                    f"conflict: {formatting.claim(total)} less {formatting.claim(part)} is "
                    f"{formatting.amount(rest, str(total['unit']))}, the first report's "
                    f"figure: the rest of the total.")))
    return out


def _told_as_current(z: Mapping[str, Any], x: Mapping[str, Any],
                     y: Mapping[str, Any]) -> bool:
    """A later report gives, as it stands, the figure an earlier report named as the one its
    current figure is compared with: "consumer price inflation running at 3.1 per cent" three
    days after "inflation rose to 3.4 per cent in October, up from 3.1 per cent in September".
    Its words must name that measure ("pay growth slowed to 4.7 per cent" is no unemployment
    rate that "rose to 4.9 per cent, from 4.7 per cent")."""
    return (z["article"] != x["article"] and z["bound"] == "exact"
            and str(z.get("published") or "") > str(x.get("published") or "") != ""
            and not z.get("running") and not features.told_as_past(z)
            and (not z.get("period_kind") or periods.relation(z, x) in ("same", "update"))
            and bool(_measure_stems(z) & (_measure_stems(x) | _measure_stems(y))))


# Words of time and share that name no measure ("in the three months to May", "per cent").
_TIME_STEMS = frozenset(w[:4] for w in (
    "month year week day quarter time cent percent per period earlier ago last january february "
    "march april may june july august september october november december").split())


def _measure_stems(row: Mapping[str, Any]) -> frozenset[str]:
    """The first four letters of the words a figure's measure is told in ("pric" for "prices"
    and "price"), leaving out words of time and share."""
    said = features.lemmas(row) + str(row.get("measure") or "").split()[1:]
    return frozenset(w[:4] for w in said) - _TIME_STEMS


_PRECISE = frozenset({"exact", "approx"})  # not a bound: "at least 40,000" allows too much


def _stale_finding(z: Mapping[str, Any], x: Mapping[str, Any], y: Mapping[str, Any]) -> Finding:
    """The contradict finding for a figure told as current that an earlier report had already
    replaced (``_told_as_current``)."""
    return Finding(
        id="", kind="cross-source", verdict="contradict", claims=[z["id"], x["id"]],
        measure=x["measure"], score=None,
        details={"rel_diff": round(rel_diff(float(z["value"]), float(x["value"])), 6),
                 "superseded_by": x["article"]},
        explanation=(
            f"{_who(z)} says {formatting.claim(z)} as it stands; {_who(x)}, earlier, gives "
            f"{formatting.claim(x)}{_when(x)} and names {formatting.claim(y)} as the figure "
            f"before it (\"{_span_quote(x, y) if x['sentence_start'] == y['sentence_start'] else quoted(x)}\"). "
            f"The later report appears to give the superseded figure as current."))


def _stated_link_finding(xs: list[Mapping[str, Any]], ys: list[Mapping[str, Any]],
                         relation: str) -> Finding:
    """The explained finding for a link x -> y one article states (x, y first in their
    lists), holding the other sources' figures that agree with either side."""
    x, y = xs[0], ys[0]
    told = f"\"{_span_quote(x, y)}\""
    if relation == "increment-of-total":
        why = (f"{formatting.claim(x)} is the addition and {formatting.claim(y)} the total it "
               f"brings the count to")
    elif relation == "part-of-whole":
        why = f"{formatting.claim(x)} are a part of the {formatting.claim(y)}"
    elif relation == "later-update":
        why = (f"{formatting.claim(x)} was the first figure and {formatting.claim(y)} the later "
               f"one")
    else:
        why = f"{formatting.claim(y)} is the earlier figure {formatting.claim(x)} is compared with"
    others = [f"{_who(r)} says {formatting.claim(r)}" for r in xs[1:] + ys[1:]]
    also = (" Other reports give one side or the other: " + "; ".join(others) + ".") \
        if others else ""
    return Finding(
        id="", kind="cross-source", verdict="explained", relation=relation,
        claims=[r["id"] for r in xs + ys], measure=x["measure"], score=None,
        details={"rel_diff": round(rel_diff(float(x["value"]), float(y["value"])), 6),
                 "stated_in": x["article"]},
        explanation=(f"{_who(x)} writes {told}{_when(y)}: {why}, so the figures differ for a "
                     f"stated reason.{also}"))


# How much of a sentence a stated link quotes at most, and how many words before its first
# figure.
QUOTE_CHARS, QUOTE_WORDS_BEFORE = 160, 2


def _span_quote(a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    """The words of one sentence from a little before the first of two figures to the end of
    the second (the link as the article wrote it), shortened in the middle when long."""
    first, last = sorted((a, b), key=lambda r: int(r["start"]))
    s0, sentence = int(first["sentence_start"]), str(first["sentence"])
    lo, hi = int(first["start"]) - s0, int(last["end"]) - s0
    if not (0 <= lo <= hi <= len(sentence)):
        return f"{quoted(first)} ... {quoted(last)}"
    tail = phrases.PART_OF_THEM.match(sentence, hi)
    hi = tail.end() if tail else hi  # "seven of them"
    before = sentence[:lo].split()[-QUOTE_WORDS_BEFORE:]
    text = " ".join(before + [sentence[lo:hi]])
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS // 2].rstrip() + " ... " + text[-QUOTE_CHARS // 2:].lstrip()
    return text


def with_repeats(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """Findings that also hold a figure's repeats in the same report: an article states its
    key figure more than once (headline, opening, body), and the matcher pairs one of them. A
    repeat is the same figure of the same unit and outcome ("a total of 26,612" in the
    headline, "26,612 people" below). One contradiction per dispute: the same two figures set
    against each other again through their repeats are dropped."""
    key_of = {cid: (art, unit, float(value), _text(event)) for cid, art, unit, value, event in
              zip(claims["id"].tolist(), claims["article"].tolist(), claims["unit"].tolist(),
                  claims["value"].tolist(), claims["event"].tolist())}
    by_key: dict[tuple, list[str]] = {}
    for cid, key in key_of.items():
        by_key.setdefault(key, []).append(cid)
    repeats = {cid: ids for ids in by_key.values() if len(ids) > 1 for cid in ids}
    out = []
    disputes: set[frozenset] = set()
    for f in cross:
        if f.verdict == "contradict" and f.kind == "cross-source":
            # A contradiction holds the two figures in dispute, each with its repeats in its
            # report; the same dispute found again through a repeat is the same finding.
            dispute = frozenset(key_of.get(c) for c in f.claims)
            if dispute in disputes:
                continue
            disputes.add(dispute)
        elif f.kind != "cross-source":
            out.append(f)
            continue
        extra = [s for c in f.claims for s in repeats.get(c, ()) if s not in f.claims]
        if extra:
            f = dataclasses.replace(f, claims=list(f.claims) + sorted(set(extra)))
        out.append(f)
    return out


def _text(x: object) -> str:
    return x if isinstance(x, str) else ""


_OVER_YEARS = re.compile(r"(?:\s+[a-z][a-z-]*){0,5}?\s*over\s+(?:the\s+next\s+|the\s+)?"
                         r"(?P<n>\d{1,2}|two|three|four|five|"
                         r"six|seven|eight|nine|ten)\s+years\b", re.IGNORECASE)
_SMALL_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}
# How close two amounts must come once both are put per year.
RATE_AGREEMENT = 0.03


def _yearly(row: Mapping[str, Any]) -> tuple[float, str] | None:
    """(the amount a year, how it was written) for an amount stated per day, week, month or
    year ("$36 a week") or over a number of years ("$1.9 billion over five years"), else None."""
    per = units.per_span(row)
    if per:
        return float(row["value"]) * units.PER_YEAR[per], f"a {per}"
    sentence, at = str(row.get("sentence") or ""), int(row["end"]) - int(row["sentence_start"])
    over = _OVER_YEARS.match(sentence, at) if 0 <= at <= len(sentence) else None
    if over:
        n = over.group("n").lower()
        years = float(_SMALL_WORDS.get(n) or n)
        if years > 0:
            return float(row["value"]) / years, f"over {years:g} years"
    return None


def explained_through_rates(claims: pd.DataFrame, cross: list[Finding]) -> list[Finding]:
    """Amounts of one currency that two outlets state over different spans and that come to
    the same amount a year: "$1.9 billion over five years" and "about $380 million a year".
    One explained finding per such pair of claims. (Two sums per day, week, month or year,
    "$36 a week" and "$1,888 a year", are compared a year at a time by the matcher itself:
    ``units.in_base``.)"""
    money = claims[(claims["unit_family"] == "money") & (
        claims["measure"].str.contains(r"\bper (?:day|week|month|year)$", regex=True, na=False)
        | claims["sentence"].str.contains("over", regex=False, na=False))]
    if len(money) < 2:
        return []
    rows = []
    for r in money.to_dict("records"):
        y = _yearly(r)
        if y is not None:
            rows.append((r, *y))
    held = {frozenset(f.claims[:2]) for f in cross if f.verdict == "contradict"
            or len(f.claims) == 2}
    out = []
    for i, (a, ya, wa) in enumerate(rows):
        for b, yb, wb in rows[i + 1:]:
            if (a["article"] == b["article"] or a["unit"] != b["unit"] or wa == wb
                    or wa.startswith("a ") and wb.startswith("a ")  # the matcher's, per year
                    or a.get("story") != b.get("story") or frozenset((a["id"], b["id"])) in held
                    or rel_diff(ya, yb) > RATE_AGREEMENT):
                continue
            out.append(Finding(
                id="", kind="cross-source", verdict="explained", relation="different-period",
                claims=[a["id"], b["id"]], measure=a["measure"], score=None,
                details={"rel_diff": round(rel_diff(float(a["value"]), float(b["value"])), 6),
                         "per_year": [round(ya, 2), round(yb, 2)]},
                explanation=(
                    f"{_who(a)} says {formatting.claim(a)} {wa}; {_who(b)} says "
                    f"{formatting.claim(b)} {wb}. Not a conflict: both come to about "
                    f"{formatting.amount(ya, a['unit'])} a year, told over different spans.")))
    return out
