"""Which units meet, and in what base: each figure read from a sentence as news writes it."""

from __future__ import annotations

import pytest

from factcheck import units
from factcheck.normalise import extract


def _claim(sentence: str) -> dict:
    """The sentence's first claim (the one with the unit)."""
    return extract(sentence).to_dict("records")[0]


# (sentence, sentence with the same figure in another unit, kind); the first of each pair is a
# phrase of ../shared/corpora where the corpora hold one of that unit (checked below).
SAME_MEASURE = [
    ("The wall is 10 dm thick.", "The wall is 1 metre thick.", "length"),
    ("a 320GB hard drive", "a 0.32TB hard drive", "data"),
    ("6 MB of on-chip L2 cache", "6,000 kilobytes of cache", "data"),
    ("a 2.66-GHz Core 2 Duo processor", "a 2,660 MHz processor", "frequency"),
    ("a 5kW heat pump", "a 0.005 MW heat pump", "power"),
    ("275 pound-feet of torque", "372.85 Nm of torque", "torque"),
    ("broadband speeds of 30Mbps", "speeds of 30,000 kbps", "data rate"),
    ("at speeds up to 120 mph before he finally pulled over",
     "at speeds up to 193.12 km/h before", "speed"),
    ("an area of about 8.7 acres near downtown", "an area of about 3.52 hectares near", "area"),
    ("the structure at 12,000 square feet.", "the structure at 1,114.8 square metres.", "area"),
    ("holds 100,000 gallons of petroleum products", "holds 378,541 litres of petroleum",
     "volume"),
    ("a dose of 150 micrograms", "a dose of 0.15 mg", "mass"),
]


@pytest.mark.parametrize("a,b,kind", SAME_MEASURE, ids=[c[0][:30] for c in SAME_MEASURE])
def test_one_measure_in_two_units(a, b, kind):
    ra, rb = _claim(a), _claim(b)
    assert units.kind(ra) == units.kind(rb) == kind
    assert units.in_base(ra)["value"] == pytest.approx(units.in_base(rb)["value"], rel=1e-3)


@pytest.mark.parametrize("a,b", [
    ("an area of about 8.7 acres", "a 8.7-mile drive"),         # area is not length
    ("highs of 30C", "highs of 86F"),                           # no factor turns C into F
    ("the 16-bit 8088 chip", "a 16MB chip"),                    # a word size is not data
    ("a 320GB hard drive", "broadband speeds of 320Mbps"),     # data is not a data rate
])
def test_different_measures_never_meet(a, b):
    assert units.kind(_claim(a)) != units.kind(_claim(b))


FROM_CORPORA = ["a 320GB hard drive", "6 MB of on-chip L2 cache", "a 2.66-GHz Core 2 Duo processor",
                "at speeds up to 120 mph before he finally pulled over",
                "an area of about 8.7 acres near downtown", "the structure at 12,000 square feet.",
                "holds 100,000 gallons of petroleum products"]


def test_phrases_come_from_the_corpora():
    import json

    from conftest import shared_path

    text = "\n".join(json.loads(line)["text"] for f in sorted(shared_path("corpora").glob("*.jsonl"))
                     for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    assert [p for p in FROM_CORPORA if p not in text] == []
