"""Alignment and judgement on the newsroom sets: stories of the kinds factcheck is run on,
written and labelled blind to the code. tests/data/newsroom: a flood, a population estimate, a
scheme's cancellation, small-boat crossings, a budget, company results; tests/data/newsroom2: a
supermarket's results, a typhoon, an election count, a spending review, a population release, a
scheme's cancellation, river floods, a budget, crime statistics.

Floors pin what the shipped code measures today; they may only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import bench, gold

DATA = Path(__file__).parent / "data"
# Right pairs per gold verdict, and the contradictions that no gold pair covers (a ceiling
# that may only go down), per set, with its size. Blind first scores: newsroom 89 of 130
# (agree 51, explained 10, contradict 0, distinct 28); newsroom2 133 of 180 in three sets of
# 60 (44, 45, 44).
SETS = {
    # (Its uncovered contradictions, read: one is a toll told lower in a later report; one,
    # "The unit has 260 officers" against "The unit's 320 officers" from another outlet than
    # the labelled pair's, is the labelled discrepancy. Raised from 1 to 2 when near figures
    # told in one phrase, the only ones of their noun in each report, became one measure.)
    "newsroom": dict(floors={"agree": 53, "explained": 33, "contradict": 2, "distinct": 28,
                             "all": 116}, max_uncovered=2, articles=30, pairs=130),
    # (Its uncovered contradictions, read: three are the labelled discrepancies between other
    # outlets than the labelled pair's, one "672,600 births" against "627,600 babies" from a
    # third outlet giving the same 672,600, since a swap of digits is also judged where only
    # one report states a period; one, 81.7% against 87.1%, is a chance swap of digits between
    # a region's turnout and another outlet's misreported state turnout; one, "closed up 3.9%
    # at 403p" against "closed 4.6% higher at 406p", is the labelled closing move's own
    # sentences, whose closing prices differ too; one, Labor's 29 seats in 2022 against 31, is
    # the labelled discrepancy between another outlet than the labelled pair's and the one
    # that gives 31. Raised from 4 to 5 when one day's close of a company's shares became one
    # measure and to 6 when a figure of another period stopped confirming one ("the 31 seats
    # needed for a majority" is no repeat of Labor's 31 seats in 2022), all six read and real.)
    "newsroom2": dict(floors={"agree": 70, "explained": 38, "contradict": 16, "distinct": 36,
                              "all": 160}, max_uncovered=6, articles=45, pairs=180),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def newsroom(request):
    return request.param, bench.newsroom_outcomes(DATA / request.param)


def test_newsroom_floors(newsroom):
    name, (outcomes, _) = newsroom
    got = {v: r for v, (r, _) in gold.summary(outcomes).items()}
    low = {v: (got[v], floor) for v, floor in SETS[name]["floors"].items() if got[v] < floor}
    assert not low, f"{name} below floor (got, floor): {low}"


def test_newsroom_false_alarms_ceiling(newsroom):
    name, (_, uncovered) = newsroom
    assert len(uncovered) <= SETS[name]["max_uncovered"], [f.explanation for f in uncovered]


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_end_is_in_its_article(name):
    """The labels quote their articles word for word (a gold end is found by its text)."""
    root = DATA / name
    texts = {a.id: a.text for a in gold.story_folder_articles(root)}
    pairs = gold.load_pairs(root / "gold.yaml")
    missing = [(p["id"], end["text"]) for p in pairs for end in (p["a"], p["b"])
               if end["text"] not in texts[end["article"]]]
    assert (len(texts), len(pairs)) == (SETS[name]["articles"], SETS[name]["pairs"])
    assert not missing, missing
