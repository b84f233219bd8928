"""Periods resolved against the publication date, with granularity kept."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.dates import find_periods, period_for
from factcheck.numbers import find_quantities

PUB = dt.date(2024, 11, 4)

CASES = [
    ("In total this year, 31,094 people have crossed", "year-to-date", "2024-01-01",
     "2024-11-04", None),
    ("As of November 2, more than 31,000 have crossed this year.", "year-to-date", "2024-01-01",
     "2024-11-02", "2024-11-02"),
    ("A total of 29,437 people entered Britain on small boats in 2023.", "year", "2023-01-01",
     "2023-12-31", None),
    ("Almost 100,000 migrants crossed the Western Balkans last year", "year", "2023-01-01",
     "2023-12-31", None),
    ("5,417 people crossing in 99 boats in October", "month", "2024-10-01", "2024-10-31", None),
    ("4,192 migrants who arrived in Britain in December", "month", "2023-12-01", "2023-12-31",
     None),
    ("doubling the total funding to £150 million over the next two years", "future",
     "2024-11-04", "2026-11-04", None),
    ("growing in the year to mid-2023 by almost 610,000", "range", "2022-07-01", "2023-06-30",
     None),
    ("More than 1,100 migrants have crossed since 5 July", "since", "2024-07-05", "2024-11-04",
     None),
    ("29,578 people had crossed on 26 October", "day", "2024-10-26", "2024-10-26", None),
    ("200 arrests last week", "week", "2024-10-28", "2024-11-03", None),
]


@pytest.mark.parametrize("sentence,kind,start,end,as_of", CASES, ids=[c[0][:40] for c in CASES])
def test_period(sentence, kind, start, end, as_of):
    figure = find_quantities(sentence)[0]  # the first figure of the sentence
    p = period_for(sentence, (figure.start, figure.end), PUB)
    assert p is not None
    assert (p.kind, str(p.start), str(p.end)) == (kind, start, end)
    assert (str(p.as_of) if p.as_of else None) == as_of


@pytest.mark.parametrize("sentence", [
    "held in the UK for the first time in over 50 years",
    "a career spanning five decades",
    "£4billion per year",
    "It may rise further.",
])
def test_not_periods(sentence):
    assert [p for p in find_periods(sentence, PUB) if p.kind] == []


def test_relative_without_publication_date_is_unresolved():
    (p,) = find_periods("31,000 have crossed this year", None)
    assert p.kind == "year-to-date" and p.start is None


def test_never_raises_on_odd_dates():
    assert find_periods("on February 30 and 99 Octember", PUB) is not None
