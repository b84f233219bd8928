"""How the periods of two claims relate: the same, a later update, different, or unknown.

Pure functions over claim-table rows (period_start, period_end, period_kind, as_of); used by the
matcher for blocking and by the verdicts for explanations.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from collections.abc import Mapping
from typing import Any

# Two figures reported within this many days, neither saying when it holds, are taken to be
# about the same moment: one news cycle.
SAME_CYCLE_DAYS = 7

_CUMULATIVE = ("year-to-date", "since")
# Stated periods that are spans a figure is counted over ("in 2023", "the year to June"); a day
# is as often only the date of the event a sentence tells of.
SPANS = frozenset({"year", "month", "range", "year-to-date"})


def _date(value: Any) -> dt.date | None:
    if isinstance(value, str) and len(value) >= 10:
        return _parse(value[:10])
    return None


@lru_cache(maxsize=1 << 14)  # the matcher relates the same few dates many times over
def _parse(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _dates(row: Mapping[str, Any]) -> tuple:
    """(start, end, as of) of a claim, parsed once and kept in a dict row (the matcher and
    the verdicts relate each claim to many others)."""
    cached = row.get("_dates") if isinstance(row, dict) else None
    if cached is None:
        cached = (_date(row.get("period_start")), _date(row.get("period_end")),
                  _date(row.get("as_of")))
        if isinstance(row, dict):
            row["_dates"] = cached
    return cached


# Two spans of months whose ends are at most this many days apart are one span told two ways: a
# retailer's 26 weeks and its six months.
SPAN_SLACK_DAYS = 7
SPAN_SLACK_MIN_DAYS = 60


def _close_spans(sa: dt.date, ea: dt.date, sb: dt.date, eb: dt.date) -> bool:
    """Two spans of two months or more whose starts and ends are each within a week."""
    return (min((ea - sa).days, (eb - sb).days) >= SPAN_SLACK_MIN_DAYS
            and abs((sa - sb).days) <= SPAN_SLACK_DAYS and abs((ea - eb).days) <= SPAN_SLACK_DAYS)


def apart_spans(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Both figures are stated for spans (``SPANS``) that differ: the same kind of span at
    different dates, or spans whose dates do not meet ("in 2023", "so far this year").

    >>> y23 = dict(period_kind="year", period_start="2023-01-01", period_end="2023-12-31")
    >>> ytd = dict(period_kind="year-to-date", period_start="2024-01-01", period_end="2024-11-02")
    >>> later = dict(ytd, period_end="2024-11-04")
    >>> apart_spans(y23, ytd), apart_spans(y23, y23), apart_spans(ytd, later)
    (True, False, False)
    """
    if a.get("period_kind") not in SPANS or b.get("period_kind") not in SPANS:
        return False
    (sa, ea, _), (sb, eb, _) = _dates(a), _dates(b)
    if sa and ea and sb and eb:
        if ea < sb or eb < sa:
            return True
        # One kind of span at other dates; a count to date stated at two dates is one count.
        return (a["period_kind"] == b["period_kind"] not in _CUMULATIVE
                and (sa, ea) != (sb, eb)
                and not (a["period_kind"] == "range" and _close_spans(sa, ea, sb, eb)))
    return False


def comparable_spans(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two figures' stated spans are of a like length (at most twice the other), or
    either states none: a month's count and a year's total are two kinds of measure.

    >>> y23 = dict(period_start="2023-01-01", period_end="2023-12-31")
    >>> ytd = dict(period_start="2024-01-01", period_end="2024-10-07")
    >>> sep = dict(period_start="2024-09-01", period_end="2024-09-30")
    >>> comparable_spans(y23, ytd), comparable_spans(sep, y23), comparable_spans(sep, {})
    (True, False, True)
    """
    sa, ea = _date(a.get("period_start")), _date(a.get("period_end"))
    sb, eb = _date(b.get("period_start")), _date(b.get("period_end"))
    if not (sa and ea and sb and eb):
        return True
    la, lb = (ea - sa).days + 1, (eb - sb).days + 1
    return max(la, lb) <= 2 * max(min(la, lb), 1)


def days_between(a: Any, b: Any) -> int | None:
    """Days from date a to date b (ISO strings), or None when either is unknown.

    >>> days_between("2024-10-30", "2024-11-03"), days_between(None, "2024-11-03")
    (4, None)
    """
    da, db = _date(a), _date(b)
    return (db - da).days if da and db else None


def _year_before(row: Mapping[str, Any]) -> bool:
    """The figure holds a year to the day before its report ("a year ago"): a time told
    relative to the report, not a day anyone named."""
    day, published = _date(row.get("period_start")), _date(row.get("published"))
    return bool(day and published) and (published.year - day.year == 1 and (
        published.month, published.day) == (day.month, day.day))


def relation(a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    """Relate the periods of claims a and b: same | update | different | unknown.

    ``update`` is a cumulative count (year to date, "since ...") stated at two dates; ``unknown``
    means neither says when and they were reported in the same news cycle (or undated).

    >>> ytd = dict(period_kind="year-to-date", period_start="2024-01-01")
    >>> relation({**ytd, "period_end": "2024-10-26", "as_of": "2024-10-26"},
    ...          {**ytd, "period_end": "2024-11-01", "as_of": "2024-11-01"})
    'update'
    >>> y = dict(period_kind="year", period_start="2023-01-01", period_end="2023-12-31")
    >>> relation(y, {**y, "period_start": "2022-01-01", "period_end": "2022-12-31"})
    'different'
    >>> relation(dict(period_kind="month"), dict(period_kind="year"))  # neither placed in time
    'unknown'
    """
    ka, kb = a.get("period_kind"), b.get("period_kind")
    (sa, ea, asa), (sb, eb, asb) = _dates(a), _dates(b)
    gap = abs((asa - asb).days) if asa and asb else None

    if ka and kb:
        if ka in _CUMULATIVE and kb in _CUMULATIVE:
            # "Since January 1" and "this year so far" are one count when they start together.
            if sa != sb or (ka != kb and sa is None):
                return "different"
            if gap is not None and gap > 1:
                return "update"
            return "same"
        if ka != kb:
            # (A month and a year neither of which the text places in time say nothing of how
            # they relate: "in April" in an undated report against "this year".)
            return "unknown" if not (sa or ea or sb or eb) else "different"
        if sa and sb and ea and eb:
            if (sa, ea) != (sb, eb) and ka == "day" and _year_before(a) and _year_before(b) and (
                    abs((sa - sb).days) <= SAME_CYCLE_DAYS):
                return "same"  # "a year ago", "a year earlier" in reports days apart: one time
            if ka == "range" and _close_spans(sa, ea, sb, eb):
                return "same"  # "the 26 weeks to August 29", "the six months to August"
            return "same" if (sa, ea) == (sb, eb) else "different"
        # Same kind, unresolved ends (no publication date): only the words can tell. (A
        # quarter whose year is not said, "in the fourth quarter", may be any year's or game's.)
        return "same" if ka == kb and ka != "quarter" else "unknown"
    if ka or kb:
        # One says when, the other does not: the other holds at its as-of date, so they can be
        # the same only if that date falls in the stated period (or is within a cycle of it).
        known_s, known_e, other = (sa, ea, asb) if ka else (sb, eb, asa)
        if other is None or known_e is None:
            return "unknown"
        lo = known_s or known_e
        if lo - dt.timedelta(days=SAME_CYCLE_DAYS) <= other <= known_e + dt.timedelta(
                days=SAME_CYCLE_DAYS):
            return "unknown"
        return "different"
    if gap is None or gap <= SAME_CYCLE_DAYS:
        return "unknown"
    return "different"


# Spans of at most this many days are a quarter's; of at least this many, a year's.
QUARTER_DAYS, YEAR_DAYS = 100, 300


def _span_days(row: Mapping[str, Any]) -> int | None:
    start, end, _ = _dates(row)
    return (end - start).days if start and end else None


def told_for_a_quarter(row: Mapping[str, Any]) -> bool:
    """The figure is told for a quarter ("in the fourth quarter", "in the three months to
    June")."""
    days = _span_days(row)
    return row.get("period_kind") == "quarter" or (
        row.get("period_kind") == "range" and days is not None and days <= QUARTER_DAYS)


def told_for_a_year(row: Mapping[str, Any]) -> bool:
    """The figure is told for a year, or for no stated span (a company's year, said without
    it)."""
    days = _span_days(row)
    return not row.get("period_kind") or row.get("period_kind") == "year" or (
        row.get("period_kind") == "range" and days is not None and days >= YEAR_DAYS)
