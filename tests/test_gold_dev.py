"""Alignment and judgement scored on the dev gold (pairs of figures in ../shared/corpora).

Floors pin what the shipped matcher measures today; they may only go up. The fitted weights'
cross-validated score (by story) is stored beside them in factcheck/data/matcher.json.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from factcheck import gold, model, pipeline

# Right pairs per gold verdict on the dev gold's clusters (plain check, story = cluster id).
# (Lowered once, 190 -> 189: one explained pair, 2,117 career points against 2,129, had held
# only through a misread period: "passing Buford's mark that had stood since 1999, moving him
# into 10th" dated the 2,117 since 1999. Read right, it loses to Buford's own 2,116.)
FLOORS = {"agree": 88, "explained": 25, "contradict": 2, "distinct": 75, "all": 190}
# Contradictions that no gold pair covers: a ceiling that may only go down.
MAX_UNCOVERED = 7


@pytest.fixture(scope="module")
def dev_run():
    """One check run over the dev gold's clusters, and its gold pairs."""
    pairs = gold.load_pairs(shared_path("gold", "dev.yaml"))
    articles = gold.gold_articles(shared_path("corpora"), {p["cluster"] for p in pairs})
    return pipeline.check_articles(articles), pairs


def test_dev_gold_floors(dev_run):
    result, pairs = dev_run
    outcomes = gold.score_pairs(result.articles, result.claims, result.findings, pairs)
    got = {v: r for v, (r, _) in gold.summary(outcomes).items()}
    low = {v: (got[v], floor) for v, floor in FLOORS.items() if got[v] < floor}
    assert not low, f"below floor (got, floor): {low}"


def test_dev_gold_false_alarms_ceiling(dev_run):
    result, pairs = dev_run
    texts = {a.id: a.text for a in result.articles}
    uncovered = gold.uncovered_contradictions(result.claims, texts, result.findings, pairs)
    assert len(uncovered) <= MAX_UNCOVERED, [f.explanation for f in uncovered[:5]]


def test_shipped_weights_name_known_features():
    from factcheck import features

    m = model.load()
    assert set(m.same_measure.weights) == set(features.SAME_MEASURE)
    assert set(m.explained.weights) == set(features.WHY_DIFFERENT)
    assert "cross_validated" in m.meta and m.meta["command"] == "python -m factcheck.fit"


def test_fit_is_deterministic_and_names_every_feature():
    """Refitting on the same stories gives the same weights (the shipped file reproduces)."""
    from factcheck import features, fit

    pairs = gold.load_pairs(shared_path("gold", "dev.yaml"))
    stories = sorted({p["cluster"] for p in pairs})[:12]
    chosen = [p for p in pairs if p["cluster"] in stories]
    corpus = fit.load_corpus(gold.gold_articles(shared_path("corpora"), set(stories)), chosen)
    first, second = fit.fit_models(corpus, chosen), fit.fit_models(corpus, chosen)
    assert first == second
    assert set(first["same_measure_differing"]["weights"]) == set(features.SAME_MEASURE)
    assert first["examples"]["same_measure_positive"] > 0


@pytest.mark.parametrize("text,span,spec_value,spec_unit,found", [
    # A gold end may state the figure in another unit of its kind: 14 days, "two weeks".
    ("Less than two weeks later, he was arrested.", "Less than two weeks later", 14, "day", True),
    ("Total downtime was 1hr 4 mins.", "1hr 4 mins", 64, "minute", True),
    # Not when the value is not the figure's in either unit.
    ("Less than two weeks later, he was arrested.", "Less than two weeks later", 10, "day", False),
])
def test_gold_ends_compare_values_in_one_unit(text, span, spec_value, spec_unit, found):
    from factcheck import normalise

    claims = normalise.extract(text, "2013-01-01", article_id="x")
    spec = {"article": "x", "text": span, "value": spec_value, "unit": spec_unit}
    assert bool(gold.ends(claims, {"x": text}, spec)) is found
