"""Findings -> report.html: build the page's data first, then render it (jinja2, autoescaped).

Nothing is computed in the template: every string it shows, including the three parts of each
highlighted sentence, is prepared here, and autoescaping covers each part.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import charts, formatting, review
from . import facts as facts_mod
from .charts import Chart, Timeline
from .fsutil import atomic_write_text
from .schema import Article, Fact, Finding, Problem

TEMPLATES = Path(__file__).parent / "templates"
_SECTION_ORDER = [
    ("contradict", "Contradictions",
     "Facts whose sources give incompatible figures with no reason found."),
    ("explained", "Explained differences", "Facts whose figures differ for a stated reason."),
    ("agree", "Agreements", "Facts whose figures match, allowing for hedges and rounding."),
    ("internal", "Internal checks", "Arithmetic an article states about its own figures."),
]


@dataclass(slots=True)
class ClaimView:
    """One claim as a finding shows it."""

    outlet: str
    published: str
    article: str               # the article's title, or its id when untitled
    article_id: str
    figure: str
    period: str
    before: str
    highlight: str
    after: str
    url: str | None
    outlier: bool = False      # set against the consensus of its fact
    carried: str = ""          # "carried by 3 outlets: ..." (wire copies of this very sentence)


@dataclass(slots=True)
class FindingView:
    """One finding, ready to render."""

    id: str
    verdict: str
    kind: str
    relation: str
    measure: str
    explanation: str
    score: str
    severity: str              # rel_diff as a percentage, "" when none
    rel_diff: float            # sort key of the contradictions, 0.0 when none
    claims: list[ClaimView]
    outlets: str
    unit: str
    new: bool = False          # first made in this run (nightly runs against a history store)
    story: str = ""
    chart: Chart | None = None


@dataclass(slots=True)
class FactView:
    """One fact card: what is measured, every source's figure, and the findings underneath."""

    id: str
    verdict: str
    label: str
    consensus: str             # the consensus figure in words, "" when there is none
    sources: int
    period: str
    claims: list[ClaimView]
    findings: list[FindingView]   # the pairwise evidence, charts left out
    outlets: str
    unit: str
    severity: str
    rel_diff: float            # sort key: the largest difference of its verdict's findings
    outliers: int = 0
    new: bool = False
    story: str = ""
    chart: Chart | None = None
    timeline: Timeline | None = None
    key: str = ""              # the fact's stable key, what a decision is recorded on
    review: ReviewView | None = None


@dataclass(slots=True)
class DecisionView:
    """One decision or note in a fact's history."""

    what: str                  # "false alarm (misread figure)", "note: ..."
    who: str
    at: str
    night: str
    link: str | None


@dataclass(slots=True)
class ReviewView:
    """Where a fact stands with the editors: the card's review block."""

    status: str                # open | reopened | confirmed | false-alarm | corrected
    words: str                 # the status in words
    by: str                    # who decided, and when ("" while open)
    new_figures: str           # reopened: the figures no editor has seen, in words
    history: list[DecisionView]
    seen: list[str] = field(default_factory=list)   # the nights the fact was reported


@dataclass(slots=True)
class LiveView:
    """What the local review page adds to the report: its filter and the form's token."""

    csrf: str
    night: str
    status: str
    nights: list[str]
    statuses: list[tuple[str, str, int]]   # (value, words, facts of the night under it)
    who: str = ""              # the name last used on this browser
    message: str = ""


@dataclass(slots=True)
class SectionView:
    """A block of fact cards of one verdict (or the internal checks, one card per finding)."""

    key: str
    title: str
    blurb: str
    findings: list[FindingView]
    facts: list[FactView] = field(default_factory=list)
    count: int = 0
    omitted: int = 0           # findings left out of the page (all are in findings.json)


@dataclass(slots=True)
class ArticleClaim:
    """One figure of an article in the per-article view, with the findings it is part of."""

    claim: ClaimView
    findings: list[tuple[str, str]]   # (finding id, verdict)


@dataclass(slots=True)
class ArticleView:
    """One input article in the article list, with its single-source figures."""

    id: str
    outlet: str
    published: str
    title: str
    url: str | None
    single: list[ClaimView] = field(default_factory=list)
    count: int = 0
    claims: list[ArticleClaim] = field(default_factory=list)  # its figures, for its own view
    story: str = ""
    more: int = 0  # figures past ARTICLE_FIGURES_SHOWN, left to claims.csv


@dataclass(slots=True)
class ReportData:
    """Everything the template shows."""

    title: str
    generated_at: str
    counts: dict[str, int]
    sections: list[SectionView]
    articles: list[ArticleView]
    single: list[ArticleView]  # articles holding claims in no finding, in article order
    problems: list[str]  # inputs skipped
    notes: list[str]  # inputs read, without a detail (an unreadable publication date)
    single_omitted: int = 0    # articles with single-source figures left out of the page
    outlets: list[str] = field(default_factory=list)   # filter choices
    units: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    reviewed: bool = False     # the cards carry the editors' decisions
    live: LiveView | None = None   # the review page (forms), not the static report


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: never a javascript: or data: link.

    >>> safe_url("https://example.com/a"), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://example.com/a', None, None)
    """
    if not isinstance(url, str):
        return None
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def split_highlight(sentence: str, text: str, start: int, end: int, sentence_start: int
                    ) -> tuple[str, str, str]:
    """(before, figure, after) of a sentence, from the claim's offsets, else by finding the text.

    >>> split_highlight("It rose to 12%.", "12%", 111, 114, 100)
    ('It rose to ', '12%', '.')
    >>> split_highlight("It rose to 12%.", "12%", 5, 8, 0)
    ('It rose to ', '12%', '.')
    >>> split_highlight("No figure here.", "12%", 5, 8, 0)
    ('No figure here.', '', '')
    """
    a, b = start - sentence_start, end - sentence_start
    if 0 <= a < b <= len(sentence) and sentence[a:b] == text:
        return sentence[:a], sentence[a:b], sentence[b:]
    at = sentence.find(text) if text else -1
    if at >= 0:
        return sentence[:at], text, sentence[at + len(text):]
    # The span is not in the sentence: show the sentence unmarked rather than mark a wrong part.
    return sentence, "", ""


def _text(value: Any) -> str:
    """A cell as display text: NaN/None -> ''."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return str(value)


def _number(value: Any) -> float | None:
    """A finite float, or None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _period(row: Mapping[str, Any]) -> str:
    """The period a figure covers: "2023-01-01 – 2023-12-31", "as of 2024-03-01", or ""."""
    ps, pe = _text(row.get("period_start")), _text(row.get("period_end"))
    kind, as_of = _text(row.get("period_kind")), _text(row.get("as_of"))
    if ps or pe:
        span = ps if ps == pe else f"{ps or '…'} – {pe or '…'}"
        return f"{kind}: {span}" if kind else span
    if as_of:
        return f"as of {as_of}"
    return kind


def _claim_view(row: Mapping[str, Any], art: Article | None) -> ClaimView:
    sentence, text = _text(row.get("sentence")), _text(row.get("text"))
    before, mark, after = split_highlight(sentence, text, int(row["start"]), int(row["end"]),
                                          int(row["sentence_start"]))
    outlet = (art.source if art else None) or _text(row.get("source")) or "unknown outlet"
    published = (art.published_iso if art else None) or _text(row.get("published")) or "undated"
    article_id = _text(row.get("article"))
    return ClaimView(
        outlet=outlet, published=published,
        article=(art.title if art and art.title else article_id), article_id=article_id,
        figure=formatting.claim(row), period=_period(row), before=before, highlight=mark,
        after=after, url=safe_url(art.url) if art else None)


def carried_line(articles: Sequence[str], by_article: Mapping[str, Article]) -> str:
    """The outlets whose wire copies carry a claim, as the card says it.

    >>> carried_line(["b", "c"], {})
    'carried by 2 outlets: article b, article c'
    """
    if not articles:
        return ""
    names = sorted({(by_article[a].source if a in by_article and by_article[a].source
                     else f"article {a}") for a in articles})
    n = len(names)
    return f"carried by {n} outlet{'s' if n > 1 else ''}: " + ", ".join(names)


def _finding_view(f: Finding, rows: Mapping[str, Mapping[str, Any]],
                  by_article: Mapping[str, Article], chart: bool = True) -> FindingView:
    # A wire copy's claim is shown as its original's carrier, not as one more source.
    everything = [rows[c] for c in f.claims if c in rows]
    present = [r for r in everything if not r.get("copy_of")]
    carriers: dict[str, list[str]] = {}
    for r in everything:
        if r.get("copy_of"):
            carriers.setdefault(str(r["copy_of"]), []).append(str(r["article"]))
    views = [_claim_view(r, by_article.get(r["article"])) for r in present]
    for v, r in zip(views, present):
        v.carried = carried_line(carriers.get(str(r["id"]), []), by_article)
    rel = _number(f.details.get("rel_diff"))
    score = _number(f.score)
    units = sorted({_text(r["unit"]) for r in present})
    stories = sorted({_text(r.get("story")) for r in present} - {""})
    drawn = charts.chart_for(present, [v.outlet for v in views]) if chart else None
    return FindingView(
        id=f.id, verdict=f.verdict, kind=f.kind, relation=f.relation or "",
        measure=f.measure or "", explanation=f.explanation,
        score=f"{score:.2f}" if score is not None else "",
        severity=f"{rel:.1%}" if rel is not None and rel > 0 else "",
        rel_diff=rel if rel is not None else 0.0,
        claims=views, outlets=" | ".join(sorted({v.outlet for v in views})),
        unit=" ".join(units), new=bool(f.details.get("new")), story=" ".join(stories),
        chart=drawn)


def _fact_view(k: Fact, rows: Mapping[str, Mapping[str, Any]],
               by_article: Mapping[str, Article], by_finding: Mapping[str, Finding]) -> FactView:
    """One fact card: its claims in date order, its one chart and its findings underneath."""
    present = [rows[c] for c in k.claims if c in rows]
    outliers = set(k.outliers)
    views = [_claim_view(r, by_article.get(r["article"])) for r in present]
    for v, r in zip(views, present):
        v.outlier = r["id"] in outliers
        v.carried = carried_line(k.copies.get(str(r["id"]), []), by_article)
    flags = [v.outlier for v in views]
    # One outlet reporting twice gets its date beside its name, so the chart tells them apart.
    repeated = {v.outlet for v in views if sum(w.outlet == v.outlet for w in views) > 1}
    labels = [f"{v.outlet} {v.published}" if v.outlet in repeated and not k.timeline
              else v.outlet for v in views]
    timeline = (charts.timeline_for(present, [v.outlet for v in views], flags, k.consensus)
                if k.timeline else None)
    chart = None if timeline else charts.chart_for(present, labels, flags, k.consensus)
    evidence = [_finding_view(by_finding[f], rows, by_article, chart=False)
                for f in k.findings if f in by_finding]
    same = [e.rel_diff for e in evidence if e.verdict == k.verdict] or [0.0]
    rel = max(same)
    stories = sorted({_text(r.get("story")) for r in present} - {""})
    return FactView(
        id=k.id, verdict=k.verdict, label=k.label or "figure",
        consensus=formatting.amount(k.consensus, k.unit) if k.consensus is not None else "",
        sources=len(k.sources), period=_fact_period(k), claims=views, findings=evidence,
        outlets=" | ".join(sorted({v.outlet for v in views})), unit=k.unit,
        severity=f"{rel:.1%}" if rel > 0 else "", rel_diff=rel, outliers=len(outliers),
        new=any(e.new for e in evidence), story=" ".join(stories), chart=chart,
        timeline=timeline, key=k.key)


def _fact_period(k: Fact) -> str:
    """When a fact holds: its period, and the date of its latest figure."""
    span = ""
    if k.period_start or k.period_end:
        span = (k.period_start or "…") if k.period_start == k.period_end else (
            f"{k.period_start or '…'} – {k.period_end or '…'}")
    latest = f"latest figure as of {k.as_of}" if k.as_of else ""
    return " · ".join(p for p in (span, latest) if p)


def build_report_data(articles: list[Article], claims: pd.DataFrame, findings: list[Finding],
                      problems: list[Problem], generated_at: str,
                      title: str = "factcheck report", limit: int | None = None,
                      facts: list[Fact] | None = None,
                      reviews: Mapping[str, Any] | None = None,
                      seen: Mapping[str, list[str]] | None = None) -> ReportData:
    """Assemble the page's data from the run's results; the template only lays it out.

    One card per fact (``facts`` default to those the findings make) and one per internal
    check. ``limit`` caps the agreeing facts, internal checks and single-source articles shown
    (a nightly run over thousands of articles); contradictions and explained differences are
    always shown in full, and every finding and fact stays in findings.json. ``reviews``
    (fact key -> ``review.Review``) and ``seen`` (fact key -> the nights it was reported)
    give each card its review block.
    """
    if facts is None:
        facts = facts_mod.build_facts(claims, findings)
    by_article = {a.id: a for a in articles}
    by_finding = {f.id: f for f in findings}
    in_finding = {c for f in findings for c in f.claims}
    sections = {key: SectionView(key, t, blurb, []) for key, t, blurb in _SECTION_ORDER}
    chosen_facts: dict[str, list[Fact]] = {key: [] for key in ("contradict", "explained",
                                                                "agree")}
    for k in facts:
        chosen_facts[k.verdict].append(k)
    internal = [f for f in findings if f.kind == "internal"]
    for key, section in sections.items():
        section.count = len(internal) if key == "internal" else len(chosen_facts[key])
    if limit is not None:
        # Views are built only for what the page shows: a nightly run has tens of thousands
        # of agreements.
        chosen_facts["agree"], internal = chosen_facts["agree"][:limit], internal[:limit]
        sections["agree"].omitted = sections["agree"].count - len(chosen_facts["agree"])
        sections["internal"].omitted = sections["internal"].count - len(internal)

    article_views, views_by_id, shown_single, with_single = _article_views(
        articles, claims, in_finding, limit)
    shown_ids = ({c for fs in chosen_facts.values() for k in fs for c in k.claims}
                 | {c for fs in chosen_facts.values() for k in fs for f in k.findings
                    if f in by_finding for c in by_finding[f].claims}
                 | {c for f in internal for c in f.claims})
    shown_articles = {av.id for av in shown_single}
    needed = claims[claims["id"].isin(shown_ids)
                    | (~claims["id"].isin(in_finding) & claims["article"].isin(shown_articles))]
    rows = {r["id"]: r for r in needed.to_dict("records")}
    for key, chosen in chosen_facts.items():
        sections[key].facts = [_fact_view(k, rows, by_article, by_finding) for k in chosen]
        for view, k in zip(sections[key].facts, chosen):
            if reviews is not None and k.key in reviews:
                view.review = review_view(reviews[k.key], (seen or {}).get(k.key, []))
    # Most severe first; sort is stable, so equal differences keep the pipeline's order.
    sections["contradict"].facts.sort(key=lambda v: -v.rel_diff)
    sections["internal"].findings = [_finding_view(f, rows, by_article) for f in internal]
    for cid, row in rows.items():
        if cid not in in_finding and row["article"] in shown_articles:
            views_by_id[row["article"]].single.append(_claim_view(row, by_article.get(row["article"])))
    _fill_article_claims(article_views, views_by_id, claims, findings, facts, by_article, limit)

    counts = {
        "articles": len(articles), "claims": len(claims),
        # Verdict counts are facts, as the cards are; internal checks are counted on their own.
        "contradict": sections["contradict"].count,
        "explained": sections["explained"].count,
        "agree": sections["agree"].count,
        "internal": sections["internal"].count,
        "findings": sum(1 for f in findings if f.kind == "cross-source"),
        "single": sum(av.count for av in article_views),
        "problems": sum(1 for p in problems if p.skipped),
        "notes": sum(1 for p in problems if not p.skipped),
        "new": sum(1 for f in findings if f.details.get("new")),
        "needs_review": sum(1 for k in facts if reviews is not None and k.key in reviews
                            and reviews[k.key].needs_review),
    }
    cards = [v for sec in sections.values() for v in [*sec.facts, *sec.findings]]
    return ReportData(title=title, generated_at=generated_at, counts=counts,
                      sections=list(sections.values()),
                      articles=[av for av in article_views if av.id in by_article],
                      single=shown_single,
                      problems=[str(p) for p in problems if p.skipped],
                      notes=[str(p) for p in problems if not p.skipped],
                      single_omitted=len(with_single) - len(shown_single),
                      outlets=sorted({c.outlet for v in cards for c in v.claims}),
                      units=sorted({u for v in cards for u in v.unit.split()}),
                      stories=sorted({st for v in cards for st in v.story.split()}),
                      reviewed=reviews is not None)


def review_view(r: Any, seen: list[str]) -> ReviewView:
    """A fact's review (``review.Review``) as its card shows it."""
    history = [DecisionView(review.describe(d), d["who"], d["at"], d.get("night") or "",
                            safe_url(d.get("link"))) for d in reversed(r.history)]
    by = f"{r.decision['who']}, {r.decision['at']}" if r.decision else ""
    return ReviewView(
        status=r.status, words=review.DECISION_WORDS.get(r.status, r.status)
        if r.status in ("open", "reopened") else review.describe(r.decision),
        by=by, new_figures=", ".join(r.new_figures), history=history, seen=list(seen))


def _article_views(articles: list[Article], claims: pd.DataFrame, in_finding: set[str],
                   limit: int | None
                   ) -> tuple[list[ArticleView], dict[str, ArticleView], list[ArticleView],
                              list[ArticleView]]:
    """Every article's view with its count of single-source figures (figures in no finding),
    and the views the page lists as holding some (the first ``limit``)."""
    single = claims[~claims["id"].isin(in_finding)]
    single_count = single.groupby("article", sort=False).size().to_dict()
    article_views = [ArticleView(a.id, a.source or "unknown outlet", a.published_iso or "undated",
                                 a.title or a.id, safe_url(a.url)) for a in articles]
    views_by_id = {av.id: av for av in article_views}
    for aid, source, published in zip(single["article"], single["source"], single["published"]):
        if aid not in views_by_id:   # a claim of an article we were not given: list it anyway
            views_by_id[aid] = ArticleView(_text(aid), _text(source) or "unknown outlet",
                                           _text(published) or "undated", _text(aid), None)
            article_views.append(views_by_id[aid])
    for av in article_views:
        av.count = int(single_count.get(av.id, 0))
    with_single = [av for av in article_views if av.count]
    shown_single = with_single[:limit] if limit is not None else with_single
    return article_views, views_by_id, shown_single, with_single


# Figures listed per article in the page; an article with more (a table, a data dump) has the
# rest in claims.csv, so the page stays readable and quick to write.
ARTICLE_FIGURES_SHOWN = 500


def _fill_article_claims(article_views: list[ArticleView], views_by_id: dict[str, ArticleView],
                         claims: pd.DataFrame, findings: list[Finding], facts: list[Fact],
                         by_article: Mapping[str, Article], limit: int | None) -> None:
    """The per-article view: every figure of the (first ``limit``) articles, with the fact
    cards and internal checks it is part of."""
    member: dict[str, list[tuple[str, str]]] = {}
    for k in facts:
        for c in k.claims:
            member.setdefault(c, []).append((k.id, k.verdict))
    for f in findings:
        if f.kind == "internal":
            for c in f.claims:
                member.setdefault(c, []).append((f.id, "internal"))
    listed = article_views[:limit] if limit is not None else article_views
    listed_ids = {av.id for av in listed}
    story_of = dict(zip(claims["article"], claims["story"].map(_text)))
    for row in claims[claims["article"].isin(listed_ids)].to_dict("records"):
        av = views_by_id[row["article"]]
        if len(av.claims) >= ARTICLE_FIGURES_SHOWN:
            av.more += 1  # a data dump, not a story: the page lists its first figures
            continue
        av.claims.append(ArticleClaim(_claim_view(row, by_article.get(row["article"])),
                                      member.get(row["id"], [])))
    for av in article_views:
        av.story = story_of.get(av.id, "") or _text(by_article[av.id].story
                                                    if av.id in by_article else "")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape=True, not select_autoescape(): the template's .html.j2 name would not match.
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


# The page's one script, allowed by its hash in the page's Content-Security-Policy: a script
# that text from an article managed to inject would have another hash and would not run.
_SCRIPT = (TEMPLATES / "report.js").read_text(encoding="utf-8")
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()


def render_report(data: ReportData) -> str:
    """The report as one self-contained HTML page (the review page when ``data.live``)."""
    return _environment().get_template("report.html.j2").render(
        data=data, script=Markup(_SCRIPT), script_hash=_SCRIPT_HASH,
        # The static page posts nowhere; the review page's forms post to itself only.
        form_action=Markup("'self'" if data.live else "'none'"))


def content_security_policy(form_action: str = "'none'") -> str:
    """The page's Content-Security-Policy, for the review page to send as a header too."""
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_SCRIPT_HASH}'; "
            f"img-src data:; base-uri 'none'; form-action {form_action}; "
            "frame-ancestors 'none'")


def write_report(path: str | os.PathLike, data: ReportData) -> None:
    """Render and write the report atomically."""
    atomic_write_text(path, render_report(data))
