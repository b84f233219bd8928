"""Resolve the time a figure refers to, against the article's publication date.

One compiled pattern finds the time expressions of a sentence ("this year", "in October",
"as of November 2", "since July", "over the next two years"); calendar arithmetic resolves the
relative ones and dateparser reads explicit day-month strings. All dateparser calls live here,
with every setting we depend on fixed in ``DATEPARSER_SETTINGS`` (its own defaults, "now" and the
local timezone, would make runs irreproducible). Granularity is kept: a month is a period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser


@dataclass(frozen=True, slots=True)
class Period:
    """The time span a figure covers, as far as the sentence says."""

    start: dt.date | None     # first day covered, None if unknown
    end: dt.date | None       # last day covered, None if unknown
    kind: str | None          # year | month | week | day | year-to-date | since | future | range
    as_of: dt.date | None     # the date the figure is said to hold at, when stated
    text: str                 # the time expression as written ("this year", "in October")
    span: tuple[int, int]     # offsets of text in the sentence


DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TIMEZONE": "UTC",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month"],
}

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES["sept"] = 9
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAYNAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?|"
        rf"{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,]\d)(?:,?\s+{_YEAR})?)")

_PATTERN = re.compile(
    rf"(?P<asof>\b(?:as\s+of|as\s+at|as\s+on|up\s+to|until|by)\s+(?P<asof_d>{_DAY}|"
    rf"(?:the\s+end\s+of\s+)?{_MON}(?:\s+{_YEAR})?))"
    rf"|(?P<ytd>\b(?:(?:so\s+far|in\s+total|thus\s+far)\s+)?this\s+year(?:\s+(?:so\s+far|to\s+"
    rf"date))?\b|\byear[-\s]to[-\s]date\b|\bso\s+far\s+in\s+(?P<ytd_y>{_YEAR})\b)"
    rf"|(?P<yearto>\bin\s+the\s+(?:year|12\s+months|twelve\s+months)\s+to\s+(?:(?P<yt_mid>mid|"
    rf"end)[-\s])?(?P<yt_mon>{_MON}\s+)?(?P<yt_y>{_YEAR})?)"
    rf"|(?P<between>\b(?:between|from)\s+(?P<b1>{_YEAR})\s+(?:and|to|until)\s+(?P<b2>{_YEAR})\b)"
    rf"|(?P<future>\b(?:over|in|during|within|for)\s+the\s+(?:next|coming)\s+(?P<fn>\w+)\s+"
    rf"(?P<fu>years?|months?|weeks?|days?)\b|\bnext\s+year\b|\bby\s+(?P<fy>{_YEAR})\b)"
    rf"|(?P<since>\bsince\s+(?P<since_d>{_DAY}|{_MON}(?:\s+{_YEAR})?|{_YEAR}|[^,.;:()]{{2,40}}))"
    rf"|(?P<lastyear>\blast\s+year\b|\bthe\s+previous\s+year\b)"
    rf"|(?P<fiscal>\b(?P<fy1>{_YEAR})[/–-](?P<fy2>\d{{2}}|{_YEAR})\b)"
    rf"|(?P<day>\b(?:on\s+)?{_DAY}|\byesterday\b|\btoday\b|\b(?:on|last)\s+(?P<wd>Monday|Tuesday|"
    rf"Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    rf"|(?P<week>\b(?:last|this)\s+week\b)"
    rf"|(?P<relmonth>\b(?:last|this)\s+month\b)"
    rf"|(?P<month>\b(?:in|during|for|throughout|last|this|of)\s+(?P<mon>{_MON})(?:\s+(?P<mon_y>"
    rf"{_YEAR}))?(?!\s*\d))"
    rf"|(?P<year>\b(?:in|during|for|throughout|of|since|before|after|across)?\s*(?<![\d£$€.,])"
    rf"(?P<y>{_YEAR})(?![\d/%,]|\.\d|\s*(?:people|million|billion|bn|m\b)))",
    re.IGNORECASE)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _recent_month(month: int, published: dt.date) -> int:
    """The year of the most recent ``month`` not after ``published``."""
    return published.year if month <= published.month else published.year - 1


@lru_cache(maxsize=4096)
def parse_day(text: str, published: dt.date | None) -> dt.date | None:
    """An explicit day-month string resolved against ``published`` with dateparser.

    >>> parse_day("November 2", dt.date(2024, 11, 4))
    datetime.date(2024, 11, 2)
    >>> parse_day("26 October", dt.date(2024, 11, 4)), parse_day("February 30", None)
    (datetime.date(2024, 10, 26), None)
    """
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12))
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=base)
    try:
        parsed = dateparser.parse(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text),
                                  languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001  (dateparser raises assorted errors on odd strings)
        return None
    if parsed is None:
        return None
    day = parsed.date()
    if published is None and not re.search(_YEAR, text):
        return None  # a day without a year cannot be placed without a publication date
    if published and day > published and not re.search(_YEAR, text):
        day = day.replace(year=day.year - 1)
    return day


def _resolve(m: re.Match, published: dt.date | None) -> Period | None:
    """One matched time expression as a Period."""
    g = m.groupdict()
    text, span = m.group().strip(), (m.start() + len(m.group()) - len(m.group().lstrip()),
                                     m.end())
    pub = published
    if g["asof"]:
        raw = g["asof_d"]
        mon = re.fullmatch(rf"(?:the\s+end\s+of\s+)?({_MON})(?:\s+({_YEAR}))?", raw, re.I)
        if mon:
            month = _MONTH_NAMES[mon.group(1).rstrip(".").lower()]
            year = int(mon.group(2)) if mon.group(2) else (_recent_month(month, pub) if pub
                                                           else None)
            day = _month_end(year, month) if year else None
        else:
            day = parse_day(raw, pub)
        return Period(None, None, None, day, text, span) if day else None
    if g["ytd"]:
        year = int(g["ytd_y"]) if g["ytd_y"] else (pub.year if pub else None)
        return Period(dt.date(year, 1, 1) if year else None, pub, "year-to-date", None, text,
                      span)
    if g["yearto"]:
        year = int(g["yt_y"]) if g["yt_y"] else (pub.year if pub else None)
        if year is None:
            return Period(None, None, "range", None, text, span)
        if g["yt_mid"] and g["yt_mid"].lower() == "mid":
            end = dt.date(year, 6, 30)
        elif g["yt_mon"]:
            end = _month_end(year, _MONTH_NAMES[g["yt_mon"].strip().rstrip(".").lower()])
        else:
            end = dt.date(year, 12, 31)
        start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
        return Period(start, end, "range", None, text, span)
    if g["between"]:
        return Period(dt.date(int(g["b1"]), 1, 1), dt.date(int(g["b2"]), 12, 31), "range",
                      None, text, span)
    if g["future"]:
        if g["fy"]:
            return Period(pub, dt.date(int(g["fy"]), 12, 31), "future", None, text, span)
        if g["fn"]:
            n = _NUM_WORDS.get(g["fn"].lower()) or (int(g["fn"]) if g["fn"].isdigit() else None)
            if n is None or pub is None:
                return Period(pub, None, "future", None, text, span)
            unit = g["fu"].lower().rstrip("s")
            days = {"year": 365 * n, "month": 30 * n, "week": 7 * n, "day": n}[unit]
            return Period(pub, pub + dt.timedelta(days=days), "future", None, text, span)
        return Period(dt.date(pub.year + 1, 1, 1) if pub else None,
                      dt.date(pub.year + 1, 12, 31) if pub else None, "future", None, text, span)
    if g["since"]:
        raw = g["since_d"].strip()
        start = None
        if re.fullmatch(_YEAR, raw):
            start = dt.date(int(raw), 1, 1)
        elif re.fullmatch(rf"{_MON}(?:\s+{_YEAR})?", raw, re.I):
            parts = raw.split()
            month = _MONTH_NAMES[parts[0].rstrip(".").lower()]
            year = int(parts[1]) if len(parts) > 1 else (_recent_month(month, pub) if pub
                                                         else None)
            start = dt.date(year, month, 1) if year else None
        elif re.match(r"\d|" + _MON, raw, re.I):
            start = parse_day(raw, pub)
        return Period(start, pub, "since", None, text, span)
    if g["lastyear"]:
        if pub is None:
            return Period(None, None, "year", None, text, span)
        return Period(dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year", None,
                      text, span)
    if g["fiscal"]:
        y1, y2 = int(g["fy1"]), g["fy2"]
        y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2i != y1 + 1:
            return None
        return Period(dt.date(y1, 1, 1), dt.date(y2i, 12, 31), "range", None, text, span)
    if g["day"]:
        low = text.lower()
        if pub is None and ("yesterday" in low or "today" in low or g["wd"]):
            return Period(None, None, "day", None, text, span)
        if "yesterday" in low:
            day = pub - dt.timedelta(days=1)
        elif "today" in low:
            day = pub
        elif g["wd"]:
            back = (pub.weekday() - _DAYNAMES.index(g["wd"].lower())) % 7
            day = pub - dt.timedelta(days=back or (7 if low.startswith("last") else 0))
        else:
            day = parse_day(re.sub(r"(?i)^on\s+", "", text), pub)
        return Period(day, day, "day", None, text, span) if day else None
    if g["week"]:
        if pub is None:
            return Period(None, None, "week", None, text, span)
        monday = pub - dt.timedelta(days=pub.weekday())
        if text.lower().startswith("last"):
            monday -= dt.timedelta(days=7)
        return Period(monday, monday + dt.timedelta(days=6), "week", None, text, span)
    if g["relmonth"]:
        if pub is None:
            return Period(None, None, "month", None, text, span)
        year, month = pub.year, pub.month
        if text.lower().startswith("last"):
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return Period(dt.date(year, month, 1), _month_end(year, month), "month", None, text, span)
    if g["month"]:
        if g["mon"].lower().rstrip(".") == "may" and not g["mon_y"] and not re.match(
                r"(?i)(?:in|during|throughout|last|this)\s", text):
            return None  # "may" the verb
        month = _MONTH_NAMES[g["mon"].rstrip(".").lower()]
        year = int(g["mon_y"]) if g["mon_y"] else (_recent_month(month, pub) if pub else None)
        if year is None:
            return Period(None, None, "month", None, text, span)
        return Period(dt.date(year, month, 1), _month_end(year, month), "month", None, text, span)
    if g["year"]:
        y = int(g["y"])
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", None, text, span)
    return None


def find_periods(sentence: str, published: dt.date | None) -> list[Period]:
    """Return every time expression in the sentence, resolved against ``published``.

    >>> [(p.kind, str(p.start), str(p.end)) for p in find_periods(
    ...     "5,417 crossed in October, 29,437 in 2023.", dt.date(2024, 11, 4))]
    [('month', '2024-10-01', '2024-10-31'), ('year', '2023-01-01', '2023-12-31')]
    """
    out = []
    for m in _PATTERN.finditer(sentence):
        try:
            p = _resolve(m, published)
        except (ValueError, OverflowError, KeyError):
            p = None
        if p is not None:
            out.append(p)
    return out


_CLAUSE = re.compile(r"[;:–—()]|,\s+(?:while|which|but|although|whereas)\b")


def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def period_for(sentence: str, span: tuple[int, int], published: dt.date | None) -> Period | None:
    """The period that applies to the figure at ``span`` of ``sentence``, or None.

    >>> s = "As of November 2, more than 31,000 have crossed this year."
    >>> p = period_for(s, (18, 34), dt.date(2024, 11, 7))
    >>> p.kind, str(p.start), str(p.end), str(p.as_of)
    ('year-to-date', '2024-01-01', '2024-11-02', '2024-11-02')
    >>> period_for("in over 50 years", (3, 10), dt.date(2024, 11, 4)) is None
    True
    """
    periods = [p for p in find_periods(sentence, published)
               if not (p.span[0] < span[1] and span[0] < p.span[1])]
    if not periods:
        return None
    as_of = next((p.as_of for p in periods if p.as_of), None)
    spans = [p for p in periods if p.kind]
    if not spans:
        return Period(None, as_of, None, as_of, periods[0].text, periods[0].span)
    lo, hi = _clause_of(sentence, span[0])
    in_clause = [p for p in spans if lo <= p.span[0] and p.span[1] <= hi]
    pool = in_clause or spans

    def distance(p: Period) -> int:
        return p.span[0] - span[1] if p.span[0] >= span[1] else span[0] - p.span[1]

    best = min(pool, key=distance)
    if as_of and best.kind in ("year-to-date", "since"):
        return Period(best.start, as_of, best.kind, as_of, best.text, best.span)
    return Period(best.start, best.end, best.kind, as_of or None, best.text, best.span)
