"""The seeds' gold pairs must all hold, and the seeds hold no contradiction."""

from __future__ import annotations

import pytest
import yaml

from conftest import shared_path
from gold import score_pairs


def _gold_pairs() -> list[dict]:
    path = shared_path("gold", "seeds.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]


def test_every_gold_pair_holds(seeds_result):
    outcomes = score_pairs(seeds_result, _gold_pairs())
    failed = [f"{o.id} ({o.verdict}): {o.why}" for o in outcomes if not o.ok]
    assert not failed, "\n".join(failed)


def test_seeds_report_no_contradiction(seeds_result):
    bad = [f"{f.id}: {f.explanation}" for f in seeds_result.findings
           if f.verdict == "contradict"]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("verdict", ["agree", "explained"])
def test_seeds_have_each_kind_of_finding(seeds_result, verdict):
    assert any(f.verdict == verdict for f in seeds_result.findings)


def test_a_gold_value_in_pence_meets_a_claim_in_pounds():
    """"6.8p" is read as 0.068 GBP; a gold end written as 6.8 pence is that claim."""
    from factcheck import gold
    from factcheck.pipeline import extract_stream
    from factcheck.schema import Article
    text = "The board recommended a final dividend of 6.8p for the year."
    claims, _, _ = extract_stream([Article(id="r", text=text, path="r.txt")])
    spec = {"article": "r", "text": "final dividend of 6.8p", "value": 6.8, "unit": "pence"}
    assert gold.ends(claims, {"r": text}, spec) == claims["id"].tolist()


@pytest.mark.parametrize("text,span,value,unit", [
    ("The quake struck at a depth of 12 kilometres.", "a depth of 12 kilometres", 12000, "metre"),
    ("Brightwell's shares tumbled 3.4% on Thursday.", "shares tumbled 3.4%", -3.4, "percent"),
])
def test_a_gold_end_in_words_or_as_a_fall_meets_its_claim(text, span, value, unit):
    """A labeller's unit word ("metre") and a fall written negative name the claim read."""
    from factcheck import gold
    from factcheck.pipeline import extract_stream
    from factcheck.schema import Article
    claims, _, _ = extract_stream([Article(id="r", text=text, path="r.txt")])
    spec = {"article": "r", "text": span, "value": value, "unit": unit}
    assert gold.ends(claims, {"r": text}, spec) == claims["id"].tolist()
