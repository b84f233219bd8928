"""Facts: findings grouped per measured quantity, with label, consensus, outliers and timeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck import facts, pipeline
from factcheck.schema import CLAIM_COLUMNS, Finding
from test_export import _claim, make_claims, make_findings

FLOOD = Path(__file__).parent / "data" / "flood"


@pytest.fixture(scope="module")
def flood():
    """Five reports of a flood's death toll over five days, one of them out of line."""
    return pipeline.check([FLOOD])


def test_every_cross_source_finding_is_in_exactly_one_fact(flood):
    cross = [f.id for f in flood.findings if f.kind == "cross-source"]
    listed = [f for k in flood.facts for f in k.findings]
    assert sorted(listed) == sorted(cross) and len(listed) == len(set(listed))
    internal = {f.id for f in flood.findings if f.kind == "internal"}
    assert not internal & set(listed)
    ids = [k.id for k in flood.facts]
    assert ids == [f"K{n:04d}" for n in range(1, len(ids) + 1)]


def test_running_toll_is_one_fact_with_a_timeline(flood):
    toll = flood.facts[0]
    assert toll.id == "K0001" and toll.verdict == "contradict" and toll.timeline
    # The claims' phrase, or the label read from the sentences where there is none.
    assert toll.label in ("people killed in the floods", "people have been killed in the floods")
    assert toll.unit == "person" and toll.consensus == 213.0
    assert toll.sources == ["Coast Times", "Northern Wire", "Valley Herald"]
    # In publication order: the first report's 92 leads, the three reports of the 14th follow.
    assert toll.claims[:2] == ["vh-1#1", "nw-2#1"]
    assert toll.outliers == ["ct-4#1"]            # 231 where two outlets say 213
    assert (toll.period_start, toll.as_of) == ("2025-03-09", "2025-03-14")


def test_facts_are_ordered_contradict_explained_agree(flood):
    order = {"contradict": 0, "explained": 1, "agree": 2}
    ranks = [order[k.verdict] for k in flood.facts]
    assert ranks == sorted(ranks)


def test_one_outlet_reporting_twice_counts_its_reports(flood):
    """The contract counts two or more sources; an outlet's own follow-up is a second report."""
    relief = next(k for k in flood.facts if k.unit == "USD")
    assert relief.sources == ["Northern Wire, 2025-03-12", "Northern Wire, 2025-03-14"]
    assert relief.verdict == "agree" and relief.label in (
        "money for the relief effort", "emergency fund")   # fallback label, or the phrase


def test_facts_are_deterministic(flood):
    again = pipeline.check([FLOOD])
    assert again.facts == flood.facts


def test_verdict_is_the_worst_of_its_findings():
    found = facts.build_facts(make_claims(), make_findings())
    assert [(k.id, k.verdict, k.findings) for k in found] == [
        ("K0001", "contradict", ["F0001", "F0002", "F0003"])]
    findings = [f for f in make_findings() if f.verdict != "contradict"]
    # Without the contradiction that linked them, the other two findings are two facts.
    assert [(k.verdict, k.findings) for k in facts.build_facts(make_claims(), findings)] == [
        ("explained", ["F0002"]), ("agree", ["F0003"])]


def test_no_cross_source_findings_no_facts():
    assert facts.build_facts(make_claims(), make_findings()[3:]) == []


def test_phrase_column_names_the_fact_when_present():
    claims = make_claims()
    claims["phrase"] = ["people who crossed the Channel", "", "people who crossed the Channel",
                        "people crossing in small boats"]
    assert facts.build_facts(claims, make_findings())[0].label == "people who crossed the Channel"
    claims["phrase"] = ["people", "people", "people crossing in small boats", ""]
    assert facts.build_facts(claims, make_findings())[0].label == "people crossing in small boats"
    claims["phrase"] = ""   # no phrase at all: read from the sentences
    assert facts.build_facts(claims, make_findings())[0].label == "people crossed in 2023"


def _row(sentence: str, text: str, unit: str = "person", noun: str = "") -> dict:
    return {"sentence": sentence, "text": text, "start": sentence.index(text),
            "sentence_start": 0, "unit": unit, "noun": noun}


LABELS = [
    ("The floods have killed 147 people since Sunday, according to the agency.", "147",
     "person", "people"),
    ("A total of 213 people have been killed in the floods since Sunday.", "213", "person",
     "people have been killed in the floods"),
    ("More than 1,200 homes have been destroyed, it said.", "More than 1,200", "home",
     "homes have been destroyed"),
    ("The government has set aside $20 million for the relief effort.", "$20 million", "USD",
     "money for the relief effort"),
    ("The death toll from the floods has risen to 92, officials said.", "92", "count",
     "death toll from the floods"),
    ("He will unveil a £150million funding pot to tackle organised immigration crime.",
     "£150million", "GBP", "funding pot to tackle organised immigration crime"),
    ("As of November 2, more than 31,000 have crossed this year.", "more than 31,000",
     "person", "people have crossed this year"),
]


@pytest.mark.parametrize("sentence,text,unit,label", LABELS,
                         ids=[lab for *_, lab in LABELS])
def test_claim_label_is_read_as_written(sentence, text, unit, label):
    assert facts.claim_label(_row(sentence, text, unit)) == label


def test_label_prefers_words_beyond_the_unit():
    rows = [_row("The floods have killed 147 people since Sunday.", "147"),
            _row("A total of 213 people have been killed in the floods.", "213")]
    assert facts.label_of(rows) == "people have been killed in the floods"


def _c(cid: str, value: float, source: str, bound: str = "exact") -> dict:
    s = f"Officials said {value:,.0f} people crossed."
    row = _claim(cid, cid[0], value, value, value if bound != "lower" else float("nan"),
                 "person", bound, f"{value:,.0f}", s, 0, source, "2024-01-05")
    return row


def test_consensus_and_outliers():
    claims = pd.DataFrame([_c("a#1", 213, "A"), _c("b#1", 213, "B"), _c("c#1", 231, "C"),
                           _c("d#1", 150, "D")], columns=list(CLAIM_COLUMNS))
    findings = [Finding("F0001", "cross-source", "contradict", ["c#1", "a#1"], "x"),
                Finding("F0002", "cross-source", "agree", ["a#1", "b#1"], "y"),
                Finding("F0003", "cross-source", "explained", ["d#1", "b#1"], "z",
                        relation="increment-of-total")]
    (fact,) = facts.build_facts(claims, findings)
    assert fact.consensus == 213.0
    # 231 is set against the consensus by a contradiction; 150 differs for a stated reason.
    assert fact.outliers == ["c#1"]


def test_one_against_one_has_no_consensus():
    claims = pd.DataFrame([_c("a#1", 45774, "A"), _c("b#1", 45755, "B")],
                          columns=list(CLAIM_COLUMNS))
    (fact,) = facts.build_facts(claims, [Finding("F0001", "cross-source", "contradict",
                                                 ["a#1", "b#1"], "x")])
    assert fact.consensus is None and fact.outliers == []
