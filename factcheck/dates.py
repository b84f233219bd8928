"""Resolve the time a figure refers to, against the article's publication date.

One compiled pattern finds the time expressions of a sentence ("this year", "in October",
"as of November 2", "since July", "over the next two years"); calendar arithmetic resolves the
relative ones and dateparser reads explicit day-month strings. All dateparser calls live here,
with every setting we depend on fixed in ``DATEPARSER_SETTINGS`` (its own defaults, "now" and the
local timezone, would make runs irreproducible). Granularity is kept: a month is a period.

Durations and rates ("in over 50 years", "for five decades", "per year", "annual") are not
periods and are not matched. Nothing here raises: an expression that cannot be read is dropped,
one that cannot be placed without a publication date keeps its kind with unknown ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
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


# Every dateparser setting we depend on. RELATIVE_BASE is the one per-article value: it is set
# to the publication date (as a datetime) on each call, so "now" is never consulted.
DATEPARSER_SETTINGS = {
    "RELATIVE_BASE": None,                  # filled with the publication date per call
    "PREFER_DATES_FROM": "past",            # news reports what has happened
    "DATE_ORDER": "DMY",                    # "2/11" is 2 November in our (British) sources
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TIMEZONE": "UTC",                      # never the machine's local zone
    "TO_TIMEZONE": "UTC",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month"],      # strict enough: a bare "July" is not a day
    "STRICT_PARSING": False,                # strict would also demand a year ("26 October")
    "PARSERS": ["absolute-time"],           # no "2 days ago", timestamps or "now"
}
DATEPARSER_LANGUAGES = ["en"]

# --- vocabulary ----------------------------------------------------------------------------

_MONTH_NUM = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NUM.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NUM["sept"] = 9
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUM_WORDS.update({"a": 1, "an": 1, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                   "fifty": 50, "couple of": 2})
_ORDINAL_PART = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": -1, "last": -1}

# Month and weekday names are matched case-sensitively, so "may" the verb is never a month.
_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November|"
               "December")
_MONB = rf"(?-i:(?:{_MONTH_FULL})\b)"                  # a full name, usable on its own
_MON = rf"(?-i:(?:{_MONTH_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WD = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_DAY = (rf"(?:{_DAYNUM}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"
        rf"|{_MON}\s+{_DAYNUM}(?![,.]\d)(?:,?\s+{_YEAR})?)")
_ISO = r"(?<![\d-])\d{4}-\d\d-\d\d(?![\d-])"
_N = r"(?:\d{1,3}|couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|" \
     r"twelve|fifteen|twenty|thirty|forty|fifty|few|several)"
_UNIT = r"(?:years?|months?|weeks?|days?|decades?)\b"
# A year directly followed by one of these is a count ("2000 people"), not a year.
_COUNT_NOUN = (r"(?:people|persons|men|women|children|adults|jobs|homes|votes|troops|workers|"
               r"staff|cases|deaths|times|units|copies|per\s*cent|percent|million|billion|"
               r"thousand|m|bn|k|km|miles|tonnes|pounds|dollars|euros)\b")

# Every alternative below starts at the beginning of a word that is a digit, a capitalised word
# or one of these; checking that first lets the scanner skip most positions (about 5x faster).
_GATE = (r"(?<!\w)(?=\d|(?-i:[A-Z])|(?:as|up|until|till|by|at|over|in|during|within|for|across|"
         r"next|later|so|thus|to|earlier|this|the|year|between|from|ever|since|last|on|yesterday|"
         r"today|tonight|throughout|of|early|late|mid|first|second|third|fourth|final)\b)")

_ALTERNATIVES = (
    # "as of November 2", "by 1 November", "at the end of October", "by 2030"
    rf"(?P<asof>\b(?:(?P<asof_w>as\s+(?:of|at|on)|up\s+to|until|till|by)\s+"
    rf"(?P<asof_end>the\s+end\s+of\s+)?|(?P<asof_at>at\s+the\s+end\s+of\s+))"
    rf"(?P<asof_t>{_DAY}|{_ISO}|{_MONB}(?:,?\s+{_YEAR}|\s+(?:this|last)\s+year\b)?|{_MON}\s+{_YEAR}"
    rf"|{_YEAR}|(?:this|last|next|the)\s+(?:year|month|decade)\b|yesterday\b|today\b|tonight\b"
    rf"|last\s+night\b|(?:last\s+)?{_WD}(?:\s+(?:morning|afternoon|evening|night)\b)?))"
    # "over the next two years", "next year", "later this year"
    rf"|(?P<future>\b(?:over|in|during|within|for|across)\s+the\s+(?:next|coming)\s+"
    rf"(?:(?P<fn>{_N})\s+)?(?P<fu>{_UNIT})|\bnext\s+(?P<nx>year|month|week|decade)\b"
    rf"|\blater\s+this\s+(?P<lt>year|month|week)\b"
    # "profit in the current year", "this financial year": a company's guidance, ahead
    rf"|\b(?:in|for|during|over)\s+the\s+(?P<cur>current|coming)\s+(?:financial\s+|fiscal\s+)?"
    rf"year\b|\bthis\s+(?P<cur2>financial|fiscal)\s+year\b)"
    # "this year", "so far this year", "year to date"
    rf"|(?P<ytd>\b(?:(?:so|thus)\s+far|in\s+total|to\s+date|earlier)\s+this\s+year\b"
    rf"|\bthis\s+year(?:\s+(?:so\s+far|to\s+date|alone))?\b|\b(?:the\s+)?year[-\s]to[-\s]date\b"
    rf"|\bthe\s+year\s+so\s+far\b|\b(?:(?:so|thus)\s+far|to\s+date)\s+in\s+(?P<ytd_y>{_YEAR}))"
    # "compared with the same period in 2023 / last year": that year, up to the same day
    rf"|(?P<sameperiod>\b(?:(?:the\s+)?same\s+(?:period|time|point|stage)|this\s+time)\s+"
    rf"(?:in|of|last|a)\s*(?P<sp_y>{_YEAR}|year\b)?)"
    # "31,535 arrivals to date": the year so far when the sentence compares the same period
    rf"|(?P<todate>\b(?:(?:so|thus)\s+far|to\s+date)\b)"
    # "in the year to mid-2023", "in the 12 months to June"
    rf"|(?P<yearto>\b(?:(?:in|over|for|during)\s+)?the\s+(?:year|12\s+months|twelve\s+months|"
    rf"52\s+weeks|53\s+weeks|(?P<yt_n>three|six|nine|3|6|9)\s+months)\s+"
    rf"(?:to|ending|ended|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:(?P<yt_mid>mid|end)[-\s]?)?"
    rf"(?:{_DAYNUM}\s+(?:of\s+)?)?(?P<yt_mon>{_MON})?\s*(?:{_DAYNUM}\b,?\s*)?(?P<yt_y>{_YEAR})?)"
    # "in the week to Saturday", "the seven days to 25 October": the week ending then
    rf"|(?P<weekto>\b(?:(?:in|over|for|during)\s+)?the\s+(?:week|seven\s+days|7\s+days|"
    rf"(?P<wt_n>13|26|thirteen|twenty-six)\s+weeks)\s+"
    rf"(?:to|ending|ended|up\s+to)\s+(?P<wt_end>{_WD}|{_DAY}))"
    # "in the past 12 months"
    rf"|(?P<trail>\b(?:in|over|during|within|across|throughout)\s+the\s+(?:past|last)\s+"
    rf"(?:(?P<tn>{_N})\s+)?(?P<tu>{_UNIT}))"
    # "nearly 900 in two days", "over three weeks": a count over the days up to the report's
    # (a plural span, so "in a day" or "in a year's time" is none)
    rf"|(?P<trailbare>\b(?:in|over|across)\s+(?P<bn>two|three|four|five|six|seven|[2-9]|1\d)\s+"
    rf"(?P<bu>days|weeks)\b(?!['’]?\s+(?:time|later|from\s+now)))"
    # "between 2019 and 2021", "from January to March"
    rf"|(?P<between>\b(?:between|from)\s+(?P<b1>{_MONB}(?:\s+{_YEAR})?|{_YEAR})\s+"
    rf"(?:and|to|until|till|through)\s+(?P<b2>{_MONB}(?:\s+{_YEAR})?|{_YEAR})"
    rf"|\b(?:in|for|during|over)\s+(?P<b3>{_MONB})\s+(?:and|to)\s+(?P<b4>{_MONB}(?:\s+{_YEAR})?)"
    rf"(?!\s+{_DAYNUM})"
    # "in the December-to-February period": a rolling quarter
    rf"|\b(?:in\s+|for\s+)?the\s+(?P<b5>{_MONB})[-\s]to[-\s](?P<b6>{_MONB}(?:\s+{_YEAR})?)"
    rf"(?=\s+(?:period|quarter)\b))"
    # "in the third quarter of 2023", "Q3 2023"
    rf"|(?P<quarter>\b(?:in\s+)?the\s+(?P<q>first|second|third|fourth|final|last)\s+"
    rf"(?P<qu>quarter|half)\s+of\s+(?P<qy>{_YEAR}|this\s+year|last\s+year)"
    rf"|\b(?P<qq>(?-i:[QH])[1-4])\s+(?P<qy2>{_YEAR})"
    # "in the fourth quarter", "fourth-quarter revenue": a quarter whose year is not said
    rf"|\b(?:in\s+the\s+|the\s+)?(?P<qb>first|second|third|fourth|final)[-\s]quarter\b"
    rf"(?!\s+of\b))"
    # "since 5 July", "since July", "since the election"
    rf"|(?P<since>\b(?:ever\s+)?since\s+(?P<since_t>{_DAY}|{_ISO}"
    rf"|{_MONB}(?:,?\s+{_YEAR}|\s+(?:this|last)\s+year\b)?|{_MON}\s+{_YEAR}|{_YEAR}(?![/%])"
    rf"|the\s+(?:start|beginning)\s+of\s+(?:the|this|last)\s+year\b|last\s+(?:year|month|week)\b"
    rf"|(?:last\s+)?{_WD}|yesterday\b"
    rf"|(?P<since_free>(?=[^\W_]))))"
    rf"|(?P<lastyear>\blast\s+year\b)"
    # "a year ago", "a year earlier": one point, a year before the report
    rf"|(?P<yearago>(?<=\ba\s|\bA\s)year\s+(?:ago|earlier|before)\b"
    rf"|(?<=\bone\s)year\s+(?:ago|earlier|before)\b)"
    rf"|(?P<decade>\b(?:in\s+)?the\s+(?P<dec>(?:1[89]|20)\d0)s\b)"
    # "2023/24", "2019-2021"
    rf"|(?P<fiscal>(?<![\d./-])(?P<fy1>{_YEAR})\s?[/–-]\s?(?P<fy2>{_YEAR}|\d\d(?!\d))(?![/-]\d))"
    # "on 26 October", "on Friday", "yesterday", "2024-11-02"
    rf"|(?P<day>(?:\bon\s+)?(?:{_WD},?\s+)?(?:the\s+)?(?P<day_t>{_DAY})"
    rf"|(?:\bon\s+)?(?P<iso>{_ISO})"
    rf"|\b(?P<rel_day>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"
    rf"|(?:\b(?P<wd_pre>on|last|this\s+past|this)\s+)?(?P<wd>{_WD})"
    rf"(?:\s+(?:morning|afternoon|evening|night)\b)?)"
    rf"|(?P<week>\b(?P<wk>last|this|earlier\s+this)\s+week\b)"
    rf"|(?P<relmonth>\b(?P<rm>last|this|earlier\s+this)\s+month\b)"
    # "in October", "October 2023", "in December last year"
    rf"|(?P<month>(?:\b(?P<mon_pre>in|during|for|throughout|of|last|this|next|early|late|mid)"
    rf"[-\s]+)?"
    rf"(?:(?P<mon>{_MONB})|(?P<mon_ab>{_MON})(?=,?\s+{_YEAR}))"
    rf"(?:,?\s+(?P<mon_y>{_YEAR})|\s+(?P<mon_rel>this|last)\s+year\b)?"
    rf"(?!\s+{_DAYNUM}(?![,.]\d)))"
    # "in 2023", "during 2023", "the 2023 total"
    rf"|(?P<year>(?:\b(?:in|during|for|throughout|of|across|mid|early|late)[-\s]+)?"
    rf"(?<![\d£$€.,/:])(?<![x×]\s)(?P<y>{_YEAR})(?![/%:–-]|[.,]\d|\s+{_COUNT_NOUN}"
    rf"|\s*[x×]\s*\d))")
_PATTERN = re.compile(f"{_GATE}(?:{_ALTERNATIVES})", re.IGNORECASE)

# Words that cut a free-text "since ..." short: what follows them is another clause.
_SINCE_STOP = re.compile(r"\s(?:and|but|or|while|which|who|when|as|because|with|than|to|in|"
                         r"on|at|for|from)\b", re.IGNORECASE)
_SINCE_ADVERB = re.compile(r"(?:\b(?:has|have|had|having|long)|'s|’s|'ve|’ve)\s+$",
                           re.IGNORECASE)
# Present tense or a modal after "since" makes it "because": "since the supply doesn't have to".
_CAUSAL = re.compile(r"\b(?:is|are|am|isn't|aren't|isn’t|aren’t|can|can't|can’t|cannot|could|"
                     r"couldn't|couldn’t|will|won't|won’t|would|wouldn't|wouldn’t|may|might|"
                     r"must|should|shall|does|do|doesn't|don't|doesn’t|don’t)\b", re.IGNORECASE)
# Future tense nearby makes "by 1 December" a deadline ahead rather than a date behind.
_FUTURE_CUE = re.compile(r"\b(?:will|would|shall|'ll|expect(?:s|ed)?|aims?|plans?|target|"
                         r"set\s+to|forecast|projected|due\s+to)\b", re.IGNORECASE)

# Clause boundaries: ; : dashes, brackets, and a comma before a conjunction or relative word.
_CLAUSE = re.compile(r";|:(?!\d)|(?<!\d)[–—](?!\d)|\s-\s|[()\[\]]|,\s+(?=(?:while|which|but|"
                     r"although|though|whereas|who|when|where|and|or|compared|up\s+from|down\s+from|"
                     r"after|before|because|as(?!\s+of))\b)", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A clause break that starts a statement of its own: what it dates is its own business.
_NEW_CLAUSE = re.compile(r";|(?:,|\s?[–—]|\s-)\s+(?:and|but|while|whereas|where)\b", re.IGNORECASE)
# Other figures in the sentence (digits only: spelled numbers are rarely rival figures).
_FIGURE = re.compile(r"(?<![\w.,/:])\d+(?:[,.]\d+)*")
# Between two figures, one of these means the second starts its own statement ("X in October,
# Y in 2023"; "1,310 more than the 3,870 who arrived in September"; "up from Y in 2023"). A
# plain "and" does not: "earned X and paid Y from 2007 to 2014" dates both.
_SEPARATOR = re.compile(r"[,;:()–—]|\b(?:but|while|whereas|than|from|compared|versus|vs|"
                        r"against)\b", re.IGNORECASE)


# --- calendar helpers ----------------------------------------------------------------------

def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(day: dt.date, months: int = 0) -> dt.date:
    """``day`` moved by whole months, clamped to the month's length (31 Jan + 1 = 29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _recent_year(month: int, published: dt.date, strictly_before: bool = False) -> int:
    """The year of the most recent ``month`` not after (or strictly before) ``published``."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def _month_num(name: str) -> int:
    return _MONTH_NUM[name.strip().rstrip(".").lower()]


def _count(word: str | None, unit: str) -> int | None:
    """How many ``unit``: "two" -> 2, "12" -> 12, "a" -> 1, none before "year" -> 1;
    None when it is not said ("few", "several", "the coming years")."""
    if word is None:
        return None if unit.lower().endswith("s") else 1
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return _NUM_WORDS.get(word)


def _months_in(unit: str) -> int | None:
    unit = unit.lower().rstrip("s")
    return {"year": 12, "decade": 120, "month": 1}.get(unit)


def _as_date(value: object) -> dt.date | None:
    """A publication date as a plain date: accepts date, datetime, pandas Timestamp, ISO text."""
    try:
        if value is None or value != value:  # NaN / NaT
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return dt.date.fromisoformat(value.strip()[:10])
    except (ValueError, TypeError, AttributeError):
        return None
    return None


_DAY_PARTS = re.compile(rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON})"
                        rf"|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
                        rf"(?:,?\s+(?P<y>{_YEAR}))?", re.IGNORECASE)


@lru_cache(maxsize=8192)
def parse_day(text: str, published: dt.date | None) -> dt.date | None:
    """An explicit day-month string resolved against ``published`` with dateparser, or None.

    A day without a year is the most recent such day not after ``published``; without a
    publication date it cannot be placed. Impossible days are None.

    >>> parse_day("November 2", dt.date(2024, 11, 4))
    datetime.date(2024, 11, 2)
    >>> parse_day("26th of October", dt.date(2024, 11, 4))
    datetime.date(2024, 10, 26)
    >>> parse_day("December 5", dt.date(2024, 11, 4))
    datetime.date(2023, 12, 5)
    >>> parse_day("2 November 2024", None), parse_day("26 October", None)
    (datetime.date(2024, 11, 2), None)
    >>> parse_day("February 30", dt.date(2024, 11, 4)), parse_day("Octember 3", None)
    (None, None)
    """
    parts = _DAY_PARTS.fullmatch(text.strip()) if isinstance(text, str) else None
    if parts is None:
        return None
    day = int(parts["d1"] or parts["d2"])
    month = _month_num(parts["m1"] or parts["m2"])
    year = int(parts["y"]) if parts["y"] else None
    # Check the day exists before asking dateparser (2000 is a leap year: 29 Feb may exist).
    if day > calendar.monthrange(year or 2000, month)[1]:
        return None
    if year is None and published is None:
        return None
    base = published or dt.date(year, 12, 31)  # type: ignore[arg-type]
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=dt.datetime.combine(base, dt.time(12)))
    try:
        parsed = dateparser.parse(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.strip()),
                                  languages=DATEPARSER_LANGUAGES, settings=settings)
    except Exception:  # noqa: BLE001  (dateparser raises assorted errors on odd strings)
        return None
    if parsed is None or (parsed.day, parsed.month, parsed.year) != (
            day, month, year or parsed.year):
        return None
    result = parsed.date()
    if year is None and published is not None and result > published:
        try:  # dateparser already prefers the past; this only guards its edge cases
            result = result.replace(year=result.year - 1)
        except ValueError:
            return None
    return result


# --- resolving one match -------------------------------------------------------------------

_Make = Callable[..., Period]  # builds the Period of the match being resolved
_Groups = dict[str, str | None]  # a time-expression match's named groups
# Resolves one kind of time expression: (match, its groups, sentence, publication date,
# the Period maker of the match) -> Period, or None when it is not one after all.
_Resolver = Callable[[re.Match[str], _Groups, str, dt.date | None, _Make], Period | None]


def _future_ahead(sentence: str, start: int, end: int) -> bool:
    """Whether the words around ``start:end`` (same clause) speak of the future."""
    lo, hi = _clause_of(sentence, start)
    return bool(_FUTURE_CUE.search(sentence[max(lo, start - 80):min(hi, end + 80)]))


def _target_date(raw: str, pub: dt.date | None, ahead: bool) -> tuple[bool, dt.date | None]:
    """Read the date after "as of"/"by"/"at the end of": (readable, date or None if unplaced).

    ``ahead`` resolves a date without a year forwards (the next such date) instead of back.
    """
    raw = re.sub(r"\s+", " ", raw.strip())
    low = raw.lower()
    if re.fullmatch(_ISO, raw):
        return True, dt.date.fromisoformat(raw)
    if re.fullmatch(_YEAR, raw):
        return True, dt.date(int(raw), 12, 31)
    wd = re.fullmatch(r"(last )?(\w+day)(?: \w+)?|(yesterday|today|tonight|last night)", low)
    if wd and (wd.group(3) or wd.group(2) in _WEEKDAYS):
        if pub is None:
            return True, None
        if wd.group(3):
            return True, pub - dt.timedelta(days=wd.group(3) in ("yesterday", "last night"))
        back = (pub.weekday() - _WEEKDAYS.index(wd.group(2))) % 7
        return True, pub - dt.timedelta(days=back or (7 if wd.group(1) else 0))
    rel = re.fullmatch(r"(this|last|next|the) (year|month|decade)", low)
    if rel:
        if pub is None:
            return True, None
        step = {"this": 0, "the": 0, "last": -1, "next": 1}[rel.group(1)]
        if rel.group(2) == "year":
            return True, dt.date(pub.year + step, 12, 31)
        if rel.group(2) == "decade":
            return True, dt.date(pub.year // 10 * 10 + 9 + 10 * step, 12, 31)
        first = _shift(pub.replace(day=1), step)
        return True, _month_end(first.year, first.month)
    mon = re.fullmatch(rf"({_MON}),?(?: ({_YEAR})| (this|last) year)?", raw, re.IGNORECASE)
    if mon:
        month = _month_num(mon.group(1))
        if mon.group(2):
            return True, _month_end(int(mon.group(2)), month)
        if pub is None:
            return True, None
        if mon.group(3):
            return True, _month_end(pub.year - (mon.group(3).lower() == "last"), month)
        year = _recent_year(month, pub)
        if ahead and month < pub.month:
            year += 1
        elif ahead and year < pub.year:
            year = pub.year
        return True, _month_end(year, month)
    if _DAY_PARTS.fullmatch(raw) is None:
        return False, None
    has_year = re.search(_YEAR, raw) is not None
    if pub is None and not has_year:
        no_year = re.sub(rf",?\s+{_YEAR}", "", raw)
        return parse_day(no_year + " 2000", None) is not None, None
    day = parse_day(raw, pub)
    if day is not None and ahead and not has_year and day < pub:  # type: ignore[operator]
        try:
            day = day.replace(year=day.year + 1)
        except ValueError:
            return False, None
    return day is not None, day


def _as_of(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
           period: _Make) -> Period | None:
    """ "as of November 2", "by the end of March", "until 2030": the date a figure holds at,
    or a deadline ahead."""
    word = (g["asof_w"] or "").lower()
    deadline = word in ("by", "until", "till")
    raw = g["asof_t"] or ""
    if word.startswith("up") and re.fullmatch(_YEAR, raw):
        return None  # "up to 2000" is a count far more often than a year
    if re.match(r"(?i)the\s", raw) and not (g["asof_end"] or g["asof_at"]):
        return None  # "by the year" without "the end of"
    if word == "by" and _AGENT_DAY.match(sentence, m.end()):
        return None  # "killed by Monday's earthquake": the day of what acted, no deadline
    ahead = deadline and _future_ahead(sentence, m.start(), m.end())
    ok, day = _target_date(raw, pub, ahead)
    if not ok:
        return None
    if (day is not None and pub is not None and day > pub and re.match(r"(?i)the\s", raw)
            and not deadline and not _future_ahead(sentence, m.start(), m.end())
            and _told_as_done(sentence, m.start())):
        # "employed 61,785 people at the end of the year" in February: told of as done, the
        # year (or month) whose end has come, not the one ahead (a deadline, "by the end of
        # the year", is ahead)
        day = _target_date("last" + raw[3:], pub, False)[1]
    if day is not None and pub is not None and day > pub:
        return period(pub, day, "future")
    if day is None and deadline and re.fullmatch(_YEAR, raw.strip()):
        return period(None, dt.date(int(raw), 12, 31), "future")
    return period(None, day, None, day)


# A day's possessive after "by" that is no point in time ("killed by Monday's earthquake"),
# unlike "by Monday's close".
_AGENT_DAY = re.compile(r"['’]s\s+(?!(?:close|end|deadline|finish)\b)", re.IGNORECASE)

# A verb in the past before the time: "employed", "stood", "was".
_PAST_VERB = re.compile(r"\b(?:was|were|had|stood|[a-z]{3,}ed)\b", re.IGNORECASE)


def _told_as_done(sentence: str, at: int) -> bool:
    """Whether the clause before ``at`` tells of something done ("The bank employed 61,785
    people at the end of the year"), not what is or will be ("The scheme closes at the end of
    the year")."""
    lo, _ = _clause_of(sentence, at)
    return bool(_PAST_VERB.search(sentence, lo, at))


def _next_or_rest(g: _Groups, pub: dt.date | None, period: _Make) -> Period:
    """ "next year", "later this month": the next calendar unit, or the rest of this one."""
    unit = (g["nx"] or g["lt"] or "").lower()
    if pub is None:
        return period(None, None, "future")
    if unit == "year":
        if g["lt"]:
            return period(pub, dt.date(pub.year, 12, 31), "future")
        return period(dt.date(pub.year + 1, 1, 1), dt.date(pub.year + 1, 12, 31), "future")
    if unit == "decade":
        start = dt.date(pub.year // 10 * 10 + 10, 1, 1)
        return period(start, dt.date(start.year + 9, 12, 31), "future")
    if unit == "month":
        if g["lt"]:
            return period(pub, _month_end(pub.year, pub.month), "future")
        first = _shift(pub.replace(day=1), 1)
        return period(first, _month_end(first.year, first.month), "future")
    monday = pub - dt.timedelta(days=pub.weekday())
    if g["lt"]:
        return period(pub, monday + dt.timedelta(days=6), "future")
    return period(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13), "future")


def _future(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
            period: _Make) -> Period | None:
    """ "next year", "in the next three months": a period ahead of the publication date."""
    if g["nx"] or g["lt"]:
        return _next_or_rest(g, pub, period)
    if g["cur"] or g["cur2"]:  # the (financial) year in progress, as guidance sees it
        return period(pub, _shift(pub, 12) if pub else None, "future")
    unit = g["fu"] or ""
    n = _count(g["fn"], unit)
    if pub is None or n is None:
        return period(pub, None, "future")
    months = _months_in(unit)
    if months is not None:
        return period(pub, _shift(pub, months * n), "future")
    days = n * (7 if unit.lower().startswith("week") else 1)
    return period(pub, pub + dt.timedelta(days=days), "future")


def _year_to_date(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
                  period: _Make) -> Period | None:
    """ "this year", "so far in 2024": from 1 January to the publication date."""
    if g["ytd_y"]:
        year = int(g["ytd_y"])
        end = min(pub, dt.date(year, 12, 31)) if pub and pub.year >= year else None
        return period(dt.date(year, 1, 1), end, "year-to-date")
    if pub is None:
        return period(None, None, "year-to-date")
    if re.fullmatch(r"(?i)this\s+year", m.group(0)) and _FORECAST_BEFORE.search(
            sentence, max(0, m.start() - 80), m.start()):
        # "The Bank now expects growth of just 0.9 per cent this year": a forecast of the
        # whole year, not a count of it so far
        return period(dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31), "year")
    return period(dt.date(pub.year, 1, 1), pub, "year-to-date")


# A forecast's verb before "this year" in its clause: the year is the whole one forecast.
_FORECAST_BEFORE = re.compile(r"\b(?:expects?|expected|forecasts?|forecast(?:ing)?|predicts?|"
                              r"predicted|projects?|projected|will|would|set\s+to|on\s+course\s+"
                              r"to|on\s+track\s+to|targets?|targeting|aims?\s+to|guidance)\b"
                              r"(?:[^.;:,]|(?<=\d)[.,](?=\d))*$", re.IGNORECASE)


def _year_to(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
             period: _Make) -> Period | None:
    """ "in the year to June", "the year to mid-2024": the twelve months ending then; "the
    three months to March" the three."""
    if not (g["yt_mon"] or g["yt_y"]):
        return None
    if g["yt_y"]:
        year = int(g["yt_y"])
    elif pub is not None:
        year = _recent_year(_month_num(g["yt_mon"] or ""), pub)
    else:
        return period(None, None, "range")
    if g["yt_mon"]:
        end = _month_end(year, _month_num(g["yt_mon"]))
    elif g["yt_mid"] and g["yt_mid"].lower() == "mid":
        end = dt.date(year, 6, 30)
    else:
        end = dt.date(year, 12, 31)
    months = {"three": 3, "six": 6, "nine": 9}.get((g["yt_n"] or "").lower()) or int(
        g["yt_n"] or 12)
    return period(_shift(end.replace(day=1), 1 - months), end, "range")


def _week_to(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
             period: _Make) -> Period | None:
    """ "in the week to Saturday", "the seven days to 25 October": the seven days ending on
    that day (a weekday is the last one on or before the report's date); "the 26 weeks to
    August 29" the 182."""
    raw = (g["wt_end"] or "").strip()
    if pub is None:
        return period(None, None, "range")
    if raw.lower() in _WEEKDAYS:
        end = pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS.index(raw.lower())) % 7)
    else:
        end = parse_day(re.sub(r",\s*$", "", raw), pub)
        if end is None:
            return None
    # ("the 26 weeks to August 29": a retailer's half year, counted in weeks)
    weeks = {"thirteen": 13, "twenty-six": 26}.get((g["wt_n"] or "").lower()) or int(
        g["wt_n"] or 1)
    return period(end - dt.timedelta(days=7 * weeks - 1), end, "range")


def _trailing(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
              period: _Make) -> Period | None:
    """ "in the past three months", "over the last 12 days": back from the publication date."""
    unit = g["tu"] or ""
    n = _count(g["tn"], unit)
    if pub is None or n is None:
        return period(None, pub, "range")
    months = _months_in(unit)
    if months is not None:
        start = _shift(pub, -months * n) + dt.timedelta(days=1)
    else:
        start = pub - dt.timedelta(days=n * (7 if unit.lower().startswith("week") else 1) - 1)
    return period(start, pub, "range")


def _quarter(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
             period: _Make) -> Period | None:
    """ "Q3 2024", "the first half of last year": a quarter or a half of a year; a quarter
    whose year is not said ("in the fourth quarter") is a quarter of no known dates (a
    company's year may not be the calendar's)."""
    if g["qb"]:
        return period(None, None, "quarter")
    if g["qq"]:
        letter, num = g["qq"][0].upper(), int(g["qq"][1])
        year = int(g["qy2"] or 0)
    else:
        letter = "Q" if (g["qu"] or "").lower() == "quarter" else "H"
        num = _ORDINAL_PART[(g["q"] or "").lower()]
        if num == -1:
            num = 4 if letter == "Q" else 2
        qy = (g["qy"] or "").lower()
        if qy[:1].isdigit():
            year = int(qy)
        elif pub is None:
            return None if letter == "H" and num > 2 else period(None, None, "range")
        else:
            year = pub.year - qy.startswith("last")
    if letter == "H" and num > 2:
        return None
    size = 3 if letter == "Q" else 6
    first = dt.date(year, size * (num - 1) + 1, 1)
    last = _shift(first, size - 1)
    return period(first, _month_end(last.year, last.month), "range")


def _last_year(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
               period: _Make) -> Period | None:
    """ "last year": the previous calendar year."""
    if pub is None:
        return period(None, None, "year")
    return period(dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year")


def _year_ago(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
              period: _Make) -> Period | None:
    """ "a year ago": the report's day, a year before (unknown without its date)."""
    if pub is None:
        return None
    day = pub.replace(year=pub.year - 1) if not (pub.month == 2 and pub.day == 29) \
        else dt.date(pub.year - 1, 2, 28)
    return period(day, day, "day", day)


def _decade(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
            period: _Make) -> Period | None:
    """ "the 1990s": ten years."""
    first = int(g["dec"] or 0)
    return period(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range")


def _fiscal(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
            period: _Make) -> Period | None:
    """ "2023/24", "1999/00": a span of years written with a slash."""
    y1, raw2 = int(g["fy1"] or 0), g["fy2"] or ""
    y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
    if len(raw2) == 2 and y2 < y1:
        y2 += 100  # "1999/00"
    if not y1 < y2 <= y1 + 50:
        return None
    return period(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range")


def _week(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
          period: _Make) -> Period | None:
    """ "this week", "last week": Monday to Sunday."""
    if pub is None:
        return period(None, None, "week")
    monday = pub - dt.timedelta(days=pub.weekday())
    if (g["wk"] or "").lower() == "last":
        monday -= dt.timedelta(days=7)
    return period(monday, monday + dt.timedelta(days=6), "week")


def _relative_month(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
                    period: _Make) -> Period | None:
    """ "this month", "last month": a calendar month."""
    if pub is None:
        return period(None, None, "month")
    first = _shift(pub.replace(day=1), -1 if (g["rm"] or "").lower() == "last" else 0)
    return period(first, _month_end(first.year, first.month), "month")


def _calendar_year(m: re.Match[str], g: _Groups, sentence: str, pub: dt.date | None,
                   period: _Make) -> Period | None:
    """ "in 2023": the calendar year."""
    y = int(g["y"] or 0)
    return period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


# A sentence about what will happen: "in two days" there is a time ahead, not a span counted.
# (Lower case: "May" is also a month.)
_AHEAD_BEFORE = re.compile(r"\b(?:will|would|shall|could|may|might|expects?|plans?)\b")


# Each kind of time expression, by the pattern group that marks it, in the order they are
# tried (a match may fill more than one group: the first wins).
_RESOLVERS: tuple[tuple[tuple[str, ...], _Resolver], ...] = (
    (("asof",), _as_of),
    (("future",), _future),
    (("ytd",), _year_to_date),
    (("sameperiod", "todate"), lambda m, g, s, pub, period: _same_period(g, s, pub, period)),
    (("yearto",), _year_to),
    (("weekto",), _week_to),
    (("trail",), _trailing),
    (("trailbare",), lambda m, g, s, pub, period: None if _AHEAD_BEFORE.search(
        s, 0, m.start()) else _trailing(m, {**g, "tn": g["bn"], "tu": g["bu"]}, s, pub, period)),
    (("between",), lambda m, g, s, pub, period: _between(
        g["b1"] or g["b3"] or g["b5"] or "", g["b2"] or g["b4"] or g["b6"] or "", pub, period)),
    (("quarter",), _quarter),
    (("since",), lambda m, g, s, pub, period: _since(m, s, pub, period)),
    (("lastyear",), _last_year),
    (("yearago",), _year_ago),
    (("decade",), _decade),
    (("fiscal",), _fiscal),
    (("day",), lambda m, g, s, pub, period: _day(g, pub, period, _ahead_of(s, m))),
    (("week",), _week),
    (("relmonth",), _relative_month),
    (("month",), lambda m, g, s, pub, period: _month(m, s, pub, period)),
    (("year",), _calendar_year),
)


def _resolve(m: re.Match[str], sentence: str, pub: dt.date | None) -> Period | None:
    """One matched time expression as a Period, or None when it is not one after all."""
    g = m.groupdict()
    lead = len(m.group()) - len(m.group().lstrip())
    span = (m.start() + lead, m.end())
    text = sentence[span[0]:span[1]]

    def period(start: dt.date | None, end: dt.date | None, kind: str | None,
               as_of: dt.date | None = None, text: str = text,
               span: tuple[int, int] = span) -> Period:
        return Period(start, end, kind, as_of, text, span)

    for groups, resolver in _RESOLVERS:
        if any(g[name] for name in groups):
            return resolver(m, g, sentence, pub, period)
    return None


_COMPARES_SAME_PERIOD = re.compile(r"\bsame\s+(?:period|time|point|stage)\s+(?:in|of|last|a)\b",
                                   re.IGNORECASE)


def _same_period(g: dict[str, str | None], sentence: str, pub: dt.date | None,
                 period: _Make) -> Period | None:
    """A year-to-date comparison: "31,535 arrivals to date, compared with the same period in
    2023" is this year so far for the first figure and 2023 up to the same day for the second.
    "To date" alone, with no such comparison, leaves the period unstated."""
    if g["todate"]:
        if not _COMPARES_SAME_PERIOD.search(sentence):
            return None
        if pub is None:
            return period(None, None, "year-to-date")
        return period(dt.date(pub.year, 1, 1), pub, "year-to-date")
    raw = (g["sp_y"] or "").lower()
    if not raw or raw == "year" and "last" not in (g["sameperiod"] or "").lower():
        return None   # "at the same time as", "the same period a year ago" stay unread
    if raw == "year":
        if pub is None:
            return period(None, None, "year-to-date")
        year = pub.year - 1
    else:
        year = int(raw)
    end = None
    if pub is not None and year <= pub.year:
        end = dt.date(year, pub.month, min(pub.day, calendar.monthrange(year, pub.month)[1]))
    return period(dt.date(year, 1, 1), end, "year-to-date")


def _between(b1: str, b2: str, pub: dt.date | None, period: _Make) -> Period | None:
    """ "between 2019 and 2021", "from January to March 2024" as a range."""
    def parts(raw: str) -> tuple[int | None, int | None]:
        bits = raw.split()
        if bits[0][0].isdigit():
            return None, int(bits[0])
        return _month_num(bits[0]), int(bits[1]) if len(bits) > 1 else None

    (m1, y1), (m2, y2) = parts(b1), parts(b2)
    if m1 is None and m2 is None:
        if y2 < y1:  # type: ignore[operator]
            return None
        return period(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range")
    if m1 is None or m2 is None:
        return None  # "from 2019 to March" mixes granularities: leave it
    if y2 is None:
        if pub is None and y1 is None:
            return period(None, None, "range")
        y2 = (y1 + (m2 < m1)) if y1 is not None else _recent_year(m2, pub)  # type: ignore
    if y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    start, end = dt.date(y1, m1, 1), _month_end(y2, m2)
    return period(start, end, "range") if start <= end else None


def _since(m: re.Match[str], sentence: str, pub: dt.date | None, period: _Make) -> Period | None:
    """ "since 5 July", "since July", "since 2018", or "since <an event>" (start unknown)."""
    raw = m.group("since_t")
    low = re.sub(r"\s+", " ", raw.strip().lower())
    start: dt.date | None = None
    dated = True
    if re.fullmatch(_YEAR, low):
        start = dt.date(int(low), 1, 1)
    elif re.fullmatch(_ISO, low):
        start = dt.date.fromisoformat(low)
    elif re.fullmatch(r"the (?:start|beginning) of (?:the|this|last) year", low):
        if pub is not None:
            start = dt.date(pub.year - low.endswith("last year"), 1, 1)
    elif re.fullmatch(r"last (year|month|week)", low):
        if pub is not None:
            unit = low.split()[1]
            if unit == "year":
                start = dt.date(pub.year - 1, 1, 1)
            elif unit == "month":
                start = _shift(pub.replace(day=1), -1)
            else:
                start = pub - dt.timedelta(days=pub.weekday() + 7)
    elif low == "yesterday" or low.rsplit(" ", 1)[-1] in _WEEKDAYS:
        if pub is not None:
            back = 1 if low == "yesterday" else (
                pub.weekday() - _WEEKDAYS.index(low.rsplit(" ", 1)[-1])) % 7
            start = pub - dt.timedelta(days=back or (7 if low.startswith("last") else 0))
    elif m.group("since_free") is None:
        mon = re.fullmatch(rf"({_MON}),?(?:\s+({_YEAR})|\s+(this|last)\s+year)?", raw.strip(),
                           re.IGNORECASE)
        if mon:
            month = _month_num(mon.group(1))
            if mon.group(2):
                start = dt.date(int(mon.group(2)), month, 1)
            elif pub is not None:
                year = (pub.year - (mon.group(3).lower() == "last") if mon.group(3)
                        else _recent_year(month, pub))
                start = dt.date(year, month, 1)
        elif _DAY_PARTS.fullmatch(raw.strip()):
            start = parse_day(raw.strip(), pub)
            if start is None and pub is not None:
                return None  # an impossible day ("since February 30")
    else:
        dated = False
    text, span = m.group(), (m.start(), m.end())
    if not dated:
        if _SINCE_ADVERB.search(sentence, 0, m.start()):
            return None  # "has since been removed": an adverb, no start is named
        # A start that is not a date ("since the election"): the match stops at "since " so
        # that time expressions further on stay visible; the text runs to the next clause.
        rest = re.match(r"[^,.;:()\[\]–—!?“”\"\n]*", sentence[m.end():]).group()
        cut = _SINCE_STOP.search(rest)
        words = list(re.finditer(r"\S+", rest[:cut.start()] if cut else rest))[:6]
        if not words or _CAUSAL.search(rest[:words[-1].end()]):
            return None
        span = (m.start(), m.end() + words[-1].end())
        text = sentence[span[0]:span[1]]
    return period(start, pub, "since", text=text, span=span)


# A modal just before a weekday tells a day ahead: "a hosepipe ban would come into force on
# Friday" (not "said on Friday it would cut": the day is the saying's).
_AHEAD_BEFORE = re.compile(r"\b(?:will|would|'ll|shall|is\s+due\s+to|are\s+due\s+to|"
                           r"is\s+set\s+to|are\s+set\s+to)\s+(?:not\s+)?(?:\w+\s+){0,4}"
                           r"(?:(?:on|from|by|until)\s+)?$", re.IGNORECASE)
_SAID_BETWEEN = re.compile(r"\b(?:said|says|told|announced|confirmed|warned)\b", re.IGNORECASE)


def _ahead_of(sentence: str, m: re.Match[str]) -> bool:
    """The weekday is told as a day ahead of the report (``_AHEAD_BEFORE``)."""
    before = sentence[max(0, m.start() - 60):m.start()]
    found = _AHEAD_BEFORE.search(before + ("" if before.endswith(" ") else " "))
    return bool(found) and not _SAID_BETWEEN.search(before, found.start())


def _day(g: dict[str, str | None], pub: dt.date | None, period: _Make,
         ahead: bool = False) -> Period | None:
    """A single day: an explicit date, "yesterday", "on Tuesday" (the next one where the words
    tell it ahead, ``ahead``)."""
    if g["iso"]:
        day = dt.date.fromisoformat(g["iso"])
        return period(day, day, "day")
    if g["day_t"]:
        raw = g["day_t"]
        if pub is None and not re.search(_YEAR, raw):
            # Unplaceable without a publication date, but only if it is a real day at all.
            if parse_day(re.sub(r",\s*$", "", raw) + " 2000", None) is None:
                return None
            return period(None, None, "day")
        day = parse_day(raw, pub)
        return period(day, day, "day") if day else None
    if pub is None:
        return period(None, None, "day")
    if g["rel_day"]:
        back = 1 if g["rel_day"].lower() in ("yesterday", "last night") else 0
        day = pub - dt.timedelta(days=back)
        return period(day, day, "day")
    if ahead and not (g["wd_pre"] or "").lower().startswith(("last", "this past")):
        forward = (_WEEKDAYS.index(g["wd"].lower()) - pub.weekday()) % 7
        day = pub + dt.timedelta(days=forward or 7)
        return period(day, day, "day")
    back = (pub.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
    if back == 0 and (g["wd_pre"] or "").lower().startswith(("last", "this past")):
        back = 7
    day = pub - dt.timedelta(days=back)
    return period(day, day, "day")


def _month(m: re.Match[str], sentence: str, pub: dt.date | None, period: _Make) -> Period | None:
    """A calendar month: "in October", "October 2023", "in December last year"."""
    name = m.group("mon") or m.group("mon_ab")
    pre = (m.group("mon_pre") or "").lower()
    if not pre and not m.group("mon_y") and not m.group("mon_rel"):
        # A bare capitalised month right after another capitalised word is most likely a
        # name ("Theresa May"); "May" alone is too often a verb or a name to read as a month.
        before = sentence[:m.start()].rstrip()
        if name == "May" or re.search(r"\b[A-Z][a-z]+$", before) and not re.search(
                r"(?:^|[.!?]\s*)[A-Z][a-z]+$", before):
            return None
    month = _month_num(name)
    if m.group("mon_y"):
        year = int(m.group("mon_y"))
    elif pub is None:
        return period(None, None, "month")
    elif m.group("mon_rel"):
        year = pub.year - (m.group("mon_rel").lower() == "last")
    elif pre == "this":
        year = pub.year
    elif pre == "next":
        year = pub.year + (month <= pub.month)
    else:
        year = _recent_year(month, pub, strictly_before=(pre == "last"))
    return period(dt.date(year, month, 1), _month_end(year, month), "month")


@lru_cache(maxsize=16384)
def _periods(sentence: str, published: dt.date | None) -> tuple[Period, ...]:
    """All periods of a sentence; cached because the normaliser asks once per figure."""
    out = []
    for m in _PATTERN.finditer(sentence):
        try:
            p = _resolve(m, sentence, published)
        except Exception:  # noqa: BLE001  (one unreadable expression must not stop the batch)
            p = None
        if p is not None:
            out.append(_to_the_same_day(p, sentence, published))
    return tuple(out)


# "last year, when 25,101 people had arrived by the same date": that year up to the report's day.
_BY_THE_SAME_DAY = re.compile(r"\b(?:by|at|to)\s+(?:the\s+)?same\s+(?:date|day|point|stage)\b|"
                              r"\bby\s+this\s+(?:time|point|stage|date)\b", re.IGNORECASE)


def _to_the_same_day(p: Period, sentence: str, published: dt.date | None) -> Period:
    """A past year in a sentence that counts "by the same date" is that year up to the
    report's day of the year, not the whole year."""
    if (p.kind != "year" or published is None or p.start is None
            or p.start.year >= published.year or not _BY_THE_SAME_DAY.search(sentence)):
        return p
    year = p.start.year
    day = min(published.day, calendar.monthrange(year, published.month)[1])
    return replace(p, end=dt.date(year, published.month, day), kind="year-to-date")


def find_periods(sentence: str, published: dt.date | None) -> list[Period]:
    """Return every time expression in the sentence, resolved against ``published``.

    >>> [(p.kind, str(p.start), str(p.end)) for p in find_periods(
    ...     "5,180 crossed in October, 8,215 in 2023.", dt.date(2024, 11, 4))]
    [('month', '2024-10-01', '2024-10-31'), ('year', '2023-01-01', '2023-12-31')]
    >>> find_periods("the first time in over 50 years", dt.date(2024, 11, 4))
    []
    """
    if not isinstance(sentence, str) or not sentence:
        return []
    return list(_periods(sentence, _as_date(published)))


# --- choosing the period of one figure ----------------------------------------------------

def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def _masked(sentence: str, periods: tuple[Period, ...] | list[Period]) -> str:
    """The sentence with time expressions blanked, so their digits and commas do not count."""
    chars = list(sentence)
    for p in periods:
        chars[p.span[0]:p.span[1]] = "_" * (p.span[1] - p.span[0])
    return "".join(chars)


def _blocked(p: Period, span: tuple[int, int], masked: str,
             figures: list[tuple[int, int]]) -> bool:
    """Whether another figure sits between the figure and ``p`` and starts its own statement."""
    lo, hi = (span[1], p.span[0]) if p.span[0] >= span[1] else (p.span[1], span[0])
    for f in figures:
        if lo <= f[0] and f[1] <= hi:
            gap = masked[span[1]:f[0]] if f[0] >= span[1] else masked[f[1]:span[0]]
            if _SEPARATOR.search(gap):
                return True
    return False


def period_for(sentence: str, span: tuple[int, int], published: dt.date | None) -> Period | None:
    """The period that applies to the figure at ``span`` of ``sentence``, or None.

    >>> s = "As of November 2, more than 12,000 have crossed this year."
    >>> p = period_for(s, (18, 34), dt.date(2024, 11, 7))
    >>> p.kind, str(p.start), str(p.end), str(p.as_of)
    ('year-to-date', '2024-01-01', '2024-11-02', '2024-11-02')
    >>> period_for("in over 50 years", (8, 10), dt.date(2024, 11, 4)) is None
    True
    """
    if not isinstance(sentence, str) or not sentence:
        return None
    try:
        fig = (max(0, int(span[0])), min(len(sentence), int(span[1])))
    except (TypeError, ValueError, IndexError):
        return None
    pub = _as_date(published)
    every = find_periods(sentence, pub)
    periods = [p for p in every if not (p.span[0] < fig[1] and fig[0] < p.span[1])]
    if not periods:
        return None

    def distance(p: Period) -> int:
        return p.span[0] - fig[1] if p.span[0] >= fig[1] else fig[0] - p.span[1]

    # "as of X" anywhere in the sentence dates the figure; the nearest one if there are two.
    # (Not one across a clause that starts a statement of its own: "By Monday night eight had
    # died, and officials said this morning that the toll had risen to 12".)
    stamps = [p for p in periods if p.kind is None and p.as_of is not None
              and not _NEW_CLAUSE.search(sentence, min(p.span[1], fig[1]),
                                         max(p.span[0], fig[0]))]
    as_of = min(stamps, key=distance).as_of if stamps else None
    masked = _masked(sentence, every)
    # A bracketed figure is an aside ("30bn euros (£25.7bn)"), not a rival statement.
    asides = [b.span() for b in _BRACKETED.finditer(sentence)]
    figures = [(f.start(), f.end()) for f in _FIGURE.finditer(masked)
               if not (f.start() < fig[1] and fig[0] < f.end())
               and not any(a <= f.start() and f.end() <= b for a, b in asides)]
    spans = [p for p in periods if p.kind and not _blocked(p, fig, masked, figures)
             and not _baseline(sentence, p, fig) and not _owned(sentence, p, fig, figures)
             and not (p.kind == "day" and p.span[1] <= fig[0]
                      and _NOW.search(sentence, p.span[1], fig[0]))
             and not _with_a_figure_of_its_own(masked, p, fig, figures)
             and not (p.kind == "day" and _DAYS_EVENT.match(sentence, p.span[1])
                      and _EVENT_PREPOSITION.search(sentence, 0, p.span[0]))]
    if not spans:
        return _stamped(stamps, as_of, distance)
    lo, hi = _clause_of(sentence, fig[0])
    pool = [p for p in spans if lo <= p.span[0] and p.span[1] <= hi]
    if not pool:
        # A period the sentence states elsewhere frames the figure ("In 2023, ... 12,000"),
        # but not one a later clause of its own states ("had forecast 3.2%, and the reading
        # prompted bets on a cut next month").
        pool = [p for p in spans if not (p.span[0] >= hi and _NEW_CLAUSE.match(sentence, hi))]
    if not pool:
        return _stamped(stamps, as_of, distance)
    best = min(pool, key=distance)
    if as_of is None:
        return best
    if best.start is not None and as_of < best.start:
        # "said in a report in March that £2.1bn had been spent by the end of December": a
        # figure as of a day before the span cannot be the span's; the span is the report's
        return _stamped(stamps, as_of, distance)
    if best.kind in ("year-to-date", "since"):
        start = best.start
        if start is None and best.kind == "year-to-date" and pub is None:
            start = dt.date(as_of.year, 1, 1)  # the stated date fixes which year it is
        return Period(start, as_of, best.kind, as_of, best.text, best.span)
    if best.kind == "year" and best.start and best.end and best.start <= as_of < best.end:
        # "by 1 November, 30,661 had crossed in 2024": the year so far.
        return Period(best.start, as_of, "year-to-date", as_of, best.text, best.span)
    return Period(best.start, best.end, best.kind, as_of, best.text, best.span)


def _stamped(stamps: list[Period], as_of: dt.date | None,
             distance: Callable[[Period], int]) -> Period | None:
    """The figure's period where no span applies: the nearest "as of" date, or None."""
    if as_of is None:
        return None
    stamp = min(stamps, key=distance)
    return Period(None, as_of, None, as_of, stamp.text, stamp.span)


# "The state of calamity declared on Monday now covers 26": the day is the subject's, the
# figure holds now.
_NOW = re.compile(r"\bnow\b", re.IGNORECASE)


# A period a figure is measured against, not in: "the lowest since 2001", "up two points on
# 2019", "compared with last year".
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:lowest|highest|biggest|largest|smallest|worst|best|most|fewest|least|deadliest|"
    r"busiest|record|first\s+time)\b[^.;,]{0,80}\bsince(?:\s+[^\s.;,\d]+){0,4}\s*$",
    re.IGNORECASE)  # (also "since the summer of 2021": the year inside the baseline)
_CHANGE_ON = re.compile(
    r"\b(?:up|down|rise|rose|fall|fell|higher|lower|more|fewer|less|increase[ds]?|"
    r"decrease[ds]?|gain(?:ed|s|ing)?|los(?:t|ing|es?)|drop(?:ped|s)?)\b[^.;,]{0,40}\b(?:on|"
    r"than|compared\s+(?:with|to)|against|from)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:same\s+\w+\s+(?:of|in)\s+)?$", re.IGNORECASE)  # "gaining seven seats on its 2024 tally"


# "up from 3.1 per cent in March and above the 3.2 per cent economists expected": the figure
# after the period opens a comparison of its own.
_AND_COMPARED = re.compile(r"\s+(?:and|but)\s+(?:well\s+|just\s+|slightly\s+)?(?:above|below|"
                           r"ahead\s+of|short\s+of|higher\s+than|lower\s+than|against)\s+"
                           r"(?:the\s+|an?\s+)?(?:\S+\s+){0,2}$", re.IGNORECASE)


def _with_a_figure_of_its_own(masked: str, p: Period, fig: tuple[int, int],
                              figures: list[tuple[int, int]]) -> bool:
    """True when the period comes after the figure, past a comma, and another figure shares
    its stretch between commas: "burned 23,800 hectares, dwarfing the previous record, a blaze
    in 2019 that burned 14,000 hectares" dates the 14,000, not the figure a clause before."""
    cuts = [m.start() for m in _SEGMENT_CUT.finditer(masked)]
    lo = max([c for c in cuts if c < p.span[0]], default=-1)
    if p.span[0] < fig[1] or lo < fig[1]:
        return False
    hi = min([c for c in cuts if c >= p.span[1]], default=len(masked))
    return any(lo < f[0] and f[1] <= hi for f in figures)


# A day that names an event in a phrase after a preposition dates the event, not the figure:
# "the death toll from Saturday night's capsizing rose to 31", "heading into Saturday's
# semi-finals" (not "Thursday's crossings brought the total to 33,915", the count's subject).
_DAYS_EVENT = re.compile(r"\s?['’]\s?s\s+[a-z]")
_EVENT_PREPOSITION = re.compile(r"\b(?:from|of|in|after|since|into|before|during|following|"
                                r"over|ahead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_SEGMENT_CUT = re.compile(r"[,;:](?!\d)|[()\u2013\u2014]")  # not "14,000"


# "Labor won 29 seats in 2022 and has been reduced to 22": a new verb after "and" starts the
# figure's own clause; the period before it closes the first figure's.
_AND_NEW_VERB = re.compile(r"\s+(?:and|but)\s+(?:has|have|had|was|were|is|are|will|would)\s",
                           re.IGNORECASE)


def _owned(sentence: str, p: Period, fig: tuple[int, int],
           figures: list[tuple[int, int]]) -> bool:
    """True when the period, before the figure, closes another figure's phrase ("from £301m a
    year earlier, after £96m of charges"; "a £2.1million pay package last year, with sales up
    4.2 per cent"): it dates that figure."""
    if p.span[1] > fig[0] or not (re.search(r"[,;:–—-]", sentence[p.span[1]:fig[0]])
                                  or _AND_COMPARED.match(sentence, p.span[1], fig[0])
                                  or _AND_NEW_VERB.match(sentence, p.span[1], fig[0])):
        return False  # ("669 people crossed on Tuesday in 11 boats": both that day's)
    for f in figures:
        gap = sentence[f[1]:p.span[0]]
        if f[1] <= p.span[0] and len(gap) <= 30 and not re.search(r"[,;:.]|\d", gap):
            return True
    return False


def _baseline(sentence: str, p: Period, fig: tuple[int, int]) -> bool:
    """True when the period is what a later comparison measures against ("33.7%, up two points
    on 2019"; "turnout of 59.7%, the lowest since 2001"), not the figure's own period."""
    if p.span[0] < fig[1]:
        return False  # a comparison before the figure frames the figure ("since 2001, 12 ...")
    before = sentence[fig[1]:p.span[0]]
    if re.search(r"\bsame\s+(?:period|point|time|months?|weeks?)\b", before + " " + p.text,
                 re.IGNORECASE):
        return False  # "up 6% compared with the same period in 2023": read by the caller
    head = (p.text.split() or [""])[0].lower()
    if head in ("since", "on", "from", "than"):
        before += " " + head  # the period's own opening word
    moved = p.kind != "day" and _CHANGE_ON.search(
        # the move told before the figure ("gaining seven seats on its 2024 tally"; never a
        # day's: "fell 3% on Monday" is Monday's)
        sentence[max(0, fig[0] - 30):fig[0]] + "N" + before) and not re.search(r"\d", before)
    return bool(_SUPERLATIVE_SINCE.search(before) or _COMPARED_AFTER.match(before)
                or _THAN_BEFORE.search(before) or moved
                or (_CHANGE_ON.search(before) and not re.search(r"\d", before[:8])))


# "4.8% higher than a year earlier", "up 3% more than in 2023": the time compared with.
_THAN_BEFORE = re.compile(r"^[^.;\d]{0,30}?\bthan\s+(?:in\s+|at\s+|on\s+|a\s+|the\s+)?$",
                          re.IGNORECASE)


# "31,535 arrivals to date, compared with the same period in 2023": the period compared with.
_COMPARED_AFTER = re.compile(r"^[^.;\d]{0,40}?\b(?:compared\s+(?:with|to)|against|versus|vs\.?)"
                             r"\s+(?:the\s+)?(?:same\s+\w+\s+(?:of|in)\s+)?$", re.IGNORECASE)


_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WRITTEN_DATE = re.compile(
    rf"(?i)\b(?P<m1>{_MONTH_WORD})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_WORD})\.?,?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b")
# "04 / 28 / 09", "14/09/2013": digits only, read when one of the first two cannot be a month.
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)\s?/\s?(?P<b>[0-3]?\d)\s?/\s?"
                           r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
_MONTH_NUMBER = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _unambiguous_numeric_date(text: str) -> dt.date | None:
    """The first all-digit date whose order of day and month is certain (one part over 12)."""
    m = _NUMERIC_DATE.search(text)
    if not m:
        return None
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if (a > 12) == (b > 12):  # both could be months (or neither): the order is a guess
        return None
    day, month = (a, b) if a > 12 else (b, a)
    year = y if y >= 100 else (2000 + y if y < 70 else 1900 + y)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_written_date(text: str) -> dt.date | None:
    """A full date written out, as feeds give publication dates; None without a year.

    >>> parse_written_date("DECEMBER 16, 2008")
    datetime.date(2008, 12, 16)
    >>> parse_written_date("on Tuesday, 16 December 2008 13:45.")
    datetime.date(2008, 12, 16)
    >>> parse_written_date("soon"), parse_written_date("16 December")
    (None, None)
    >>> parse_written_date("PUBLISHED : WEDNESDAY, MARCH 13, 2013, 2:29 PM UPDATED : ...")
    datetime.date(2013, 3, 13)
    >>> parse_written_date("21 July 2013 Last updated at 11:11 GMT")
    datetime.date(2013, 7, 21)
    >>> parse_written_date("Updated 04 / 28 / 09 07:35 PM ET"), parse_written_date("14/09/2013")
    (datetime.date(2009, 4, 28), datetime.date(2013, 9, 14))
    >>> parse_written_date("Posted 4 / 9 / 2007 6:04 PM") is None  # April 9 or 4 September
    True
    """
    if isinstance(text, str):
        # Feeds wrap the date in furniture ("Published : November 10, 2011", "21 July 2013
        # Last updated at 11:11 GMT", "published : 2012-04-04 11:47"): the first full date
        # written out (month by name, or ISO) is the date. "04 / 28 / 09" stays unread: the
        # order of day and month is not certain.
        m = _WRITTEN_DATE.search(text)
        if m:
            if m.group("y3"):
                year, month, day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
            else:
                month = _MONTH_NUMBER[(m.group("m1") or m.group("m2")).lower()[:3]]
                day = int(m.group("d1") or m.group("d2"))
                year = int(m.group("y1") or m.group("y2"))
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
        numeric = _unambiguous_numeric_date(text)
        if numeric:
            return numeric
    # A month name and a year, or nothing: "04/11/2024" is ambiguous between orders.
    if (not isinstance(text, str) or len(text) > 60
            or not re.search(r"\b(?:1[89]|20)\d\d\b", text)
            or not re.search(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b",
                             text)):
        return None
    cleaned = re.sub(r"(?i)^\s*(?:on|posted|published|updated)\s+|[.,]\s*$", "", text.strip())
    settings = dict(DATEPARSER_SETTINGS, RELATIVE_BASE=dt.datetime(2000, 1, 1),
                    REQUIRE_PARTS=["day", "month", "year"], PARSERS=["absolute-time"])
    try:
        parsed = dateparser.parse(cleaned, languages=DATEPARSER_LANGUAGES, settings=settings)
    except Exception:  # noqa: BLE001  (dateparser raises assorted errors on odd strings)
        return None
    return parsed.date() if parsed else None
