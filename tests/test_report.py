"""The HTML report: its data first, then the rendered page, on a hand-made run."""

from __future__ import annotations

import os
import re

import jinja2
import pandas as pd
import pytest

from factcheck import report
from factcheck.schema import CLAIM_COLUMNS, Finding, Problem
from test_export import _claim, make_articles, make_claims, make_findings

_S4 = "Some 40 boats were stopped <script>alert(1)</script> at sea."
SECTIONS = ["contradict", "explained", "agree", "internal", "single", "problems", "articles"]


def claims_with_single() -> pd.DataFrame:
    """The four shared claims plus one of article b that no finding uses."""
    extra = _claim("b#2", "b", 40.0, 40.0, 40.0, "boat", "approx", "Some 40 boats", _S4, 200,
                   None, None)
    return pd.concat([make_claims(), pd.DataFrame([extra], columns=list(CLAIM_COLUMNS))],
                     ignore_index=True).astype(CLAIM_COLUMNS)


def make_data(**changes) -> report.ReportData:
    """Report data of the hand-made run; keyword arguments change the first article."""
    articles = make_articles()
    for key, value in changes.items():
        setattr(articles[0], key, value)
    return report.build_report_data(articles, claims_with_single(), make_findings(),
                                    [Problem("in/c.pdf", "unsupported file type .pdf"),
                                     Problem("in/d.json:3", "publication date 'soon' not "
                                             "understood; read without a date", skipped=False)],
                                    "2024-01-06T00:00:00+00:00", title="Channel check")


@pytest.fixture(scope="module")
def html() -> str:
    return report.render_report(make_data())


def test_notes_are_apart_from_inputs_not_read(html):
    """An article read without its date is a note, not an input lost."""
    data = make_data()
    assert data.problems == ["in/c.pdf: unsupported file type .pdf"]
    assert data.notes == ["in/d.json:3: publication date 'soon' not understood; read without "
                          "a date"]
    section = html[html.index('<section id="problems"'):html.index('<section id="articles"')]
    assert "Read, with a note (1)" in section and "in/d.json:3" in section
    assert "<b>1</b>inputs not read" in html


def test_data_is_built_before_rendering():
    data = make_data()
    assert [s.key for s in data.sections] == ["contradict", "explained", "agree", "internal"]
    # The three cross-source findings share claims: one fact, contradicted; the internal
    # check keeps a card of its own.
    assert [[k.id for k in s.facts] for s in data.sections] == [["K0001"], [], [], []]
    assert [[f.id for f in s.findings] for s in data.sections] == [[], [], [], ["F0004"]]
    assert data.counts == {"articles": 2, "claims": 5, "contradict": 1, "explained": 0,
                           "agree": 0, "internal": 1, "findings": 3, "single": 1,
                           "problems": 1, "notes": 1, "new": 0, "needs_review": 0}
    fact = data.sections[0].facts[0]
    assert fact.label == "people crossed in 2023" and fact.sources == 2
    assert fact.severity == "5.3%" and fact.consensus == ""   # one outlet against one
    assert fact.outlets == "The Daily | unknown outlet" and fact.unit == "person"
    assert [f.id for f in fact.findings] == ["F0001", "F0002", "F0003"]
    assert fact.findings[0].score == "0.91" and fact.findings[0].chart is None
    first, last = fact.claims[0], fact.claims[-1]
    assert (first.outlet, first.published, first.article) == (
        "The Daily", "2024-01-05", "Crossings hit record")
    assert (last.outlet, last.published, last.article) == ("unknown outlet", "undated", "b")
    assert first.figure == "at least 31,000 people"
    assert first.period == "year: 2023-01-01 – 2023-12-31"
    assert (first.before, first.highlight, first.after) == (
        "Officials said ", "more than 31,000", " people crossed in 2023.")
    assert fact.claims[1].period == "as of 2024-01-05"
    assert fact.chart is not None and len(fact.chart.marks) == 4 and fact.timeline is None
    assert [(a.id, [c.highlight for c in a.single]) for a in data.single] == [
        ("b", ["Some 40 boats"])]


def test_contradictions_sorted_by_rel_diff():
    findings = make_findings()[:2]
    findings[1].claims = ["a#2", "a#3"]   # a fact apart from the first
    findings[1].verdict, findings[1].details = "contradict", {"rel_diff": 0.4}
    data = report.build_report_data(make_articles(), make_claims(), findings, [], "T")
    assert [(k.id, k.severity) for k in data.sections[0].facts] == [
        ("K0002", "40.0%"), ("K0001", "5.3%")]


def test_fact_card_marks_outliers_and_consensus():
    """Two outlets against one: the consensus is theirs, the third is marked an outlier."""
    claims = make_claims()
    claims.loc[claims["id"] == "a#3", ["source", "article"]] = ["The Daily", "c"]
    claims.loc[claims["id"] == "a#2", ["value", "low", "high", "role", "source", "article"]] = [
        29437.0, 29437.0, 29437.0, None, "Wire", "d"]
    findings = [Finding("F0001", "cross-source", "contradict", ["a#3", "b#1"], "x",
                        details={"rel_diff": 0.05}),
                Finding("F0002", "cross-source", "agree", ["a#2", "b#1"], "y")]
    data = report.build_report_data(make_articles(), claims, findings, [], "T")
    fact = data.sections[0].facts[0]
    assert fact.consensus == "29,437 people" and fact.outliers == 1
    assert [c.outlier for c in fact.claims] == [True, False, False]
    assert [m.outlier for m in fact.chart.marks] == [True, False, False]
    html = report.render_report(data)
    assert 'class="badge outlier"' in html and 'class="consensus"' in html
    assert "Consensus: <b>29,437 people</b>" in html


def test_internal_checks_take_any_verdict():
    findings = make_findings()
    findings[3].verdict = "contradict"
    data = report.build_report_data(make_articles(), make_claims(), findings, [], "T")
    assert [f.id for f in data.sections[3].findings] == ["F0004"]
    assert data.counts["contradict"] == 1


@pytest.mark.parametrize("sentence,text,start,end,sentence_start,expected", [
    ("It rose to 12%.", "12%", 111, 114, 100, ("It rose to ", "12%", ".")),
    ("It rose to 12%.", "12%", 0, 3, 0, ("It rose to ", "12%", ".")),        # stale offsets
    ("12% then 12%.", "12%", 9, 12, 0, ("12% then ", "12%", ".")),           # offsets pick
    ("No figure here.", "12%", 3, 6, 0, ("No figure here.", "", "")),        # never mark wrong
], ids=["offsets", "find", "second-occurrence", "absent"])
def test_split_highlight(sentence, text, start, end, sentence_start, expected):
    assert report.split_highlight(sentence, text, start, end, sentence_start) == expected


def test_sections_in_order(html):
    positions = [html.index(f'<section id="{key}"') for key in SECTIONS]
    assert positions == sorted(positions)
    titles = [t.strip() for t in re.findall(r"<h2[^>]*>([^<]+)", html)]
    assert titles == ["Contradictions", "Explained differences", "Agreements", "Internal checks",
                      "Single-source figures", "Inputs not read", "Articles"]
    for key in SECTIONS:   # the table of contents links each section
        assert f'href="#{key}"' in html


def test_header_counts_and_title(html):
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Channel check</title>" in html and "2024-01-06T00:00:00+00:00" in html
    assert '<b data-total="1">1</b>contradicted facts' in html
    assert "<b>1</b>single-source figures" in html


def test_findings_show_figure_sentence_and_explanation(html):
    assert "<mark>more than 31,000</mark> people crossed in 2023." in html
    assert "at least 31,000 people" in html
    assert "1,200 is this week&#39;s increment; 29,437 is the year&#39;s total." in html
    assert "increment-of-total" in html and "0.91" in html and "5.3%" in html
    assert "2023-01-01 – 2023-12-31" in html
    assert "in/c.pdf: unsupported file type .pdf" in html


def test_cards_carry_filter_attributes(html):
    tag = re.search(r'<article [^>]*id="K0001"[^>]*>', html).group(0)
    assert 'class="card fact contradict"' in tag and 'data-verdict="contradict"' in tag
    assert 'data-outlets="The Daily | unknown outlet"' in tag and 'data-unit="person"' in tag
    assert re.search(r'<article [^>]*id="F0004"[^>]*data-kind="internal"', html)
    # The pairwise findings sit inside their fact's card, each with its explanation.
    card = html[html.index('id="K0001"'):html.index('id="F0004"')]
    assert '<details class="evidence">' in card and "3 pairwise findings" in card
    assert card.count('<div class="pair ') == 3 and 'id="F0001"' in card


def test_single_source_figures_are_grouped_in_details(html):
    single = html[html.index('<section id="single"'):html.index('<section id="problems"')]
    assert "<details>" in single and "<mark>Some 40 boats</mark>" in single
    assert "more than 31,000" not in single


def test_hostile_text_is_escaped():
    hostile = "<script>alert(1)</script>"
    html = report.render_report(make_data(title=hostile, source='"><img src=x onerror=alert(2)>'))
    # The page's own script is the only one, and the policy runs nothing else.
    assert re.findall(r"<script[^>]*>", html) == ["<script>"] and "<img" not in html
    assert "script-src 'sha256-" in html and "default-src 'none'" in html
    assert "<mark>Some 40 boats</mark> were stopped &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</a>" in html   # the article title


def test_only_http_urls_become_links(html):
    assert "javascript:" not in html
    assert report.safe_url(" HTTPS://example.com/x ") == "HTTPS://example.com/x"
    assert report.safe_url("data:text/html,x") is None and report.safe_url(float("nan")) is None
    html = report.render_report(make_data(url="javascript:alert(1)"))
    assert "javascript:" not in html and "<a href=\"http" not in html


def test_self_contained(html):
    refs = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html)
    external = [r for r in refs if not r.startswith("#")]
    assert set(external) == {"https://example.com/a"}   # the one http(s) article link
    assert "src=" not in html and "<link" not in html and "@import" not in html
    assert "url(" not in html and re.findall(r"<script[^>]*>", html) == ["<script>"]
    assert "@media print" in html


def test_write_report_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "out" / "report.html"
    report.write_report(target, make_data())
    assert target.read_text(encoding="utf-8") == report.render_report(make_data())
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        report.write_report(target, make_data())
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_environment_escapes_and_is_strict():
    env = report._environment()
    assert env.autoescape is True
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing }}").render()


def test_limit_caps_agreements_but_not_contradictions_or_counts(seeds_result):
    from factcheck import report

    r = seeds_result
    full = report.build_report_data(r.articles, r.claims, r.findings, r.problems, "t")
    capped = report.build_report_data(r.articles, r.claims, r.findings, r.problems, "t", limit=1)
    assert capped.counts == full.counts
    sec = {s.key: s for s in capped.sections}
    assert len(sec["agree"].facts) == 1
    assert sec["agree"].omitted == sec["agree"].count - 1 > 0
    assert len(sec["contradict"].facts) == sec["contradict"].count
    assert len(sec["explained"].facts) == sec["explained"].count > 0
    assert len(capped.single) <= 1 and capped.single_omitted == len(full.single) - len(capped.single)
    assert "more not shown here" in report.render_report(capped)
