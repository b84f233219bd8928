"""Findings -> report.html: build the page's data first, then render it (jinja2, autoescaped).

Nothing is computed in the template: every string it shows, including the three parts of each
highlighted sentence, is prepared here, and autoescaping covers each part.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import formatting
from .fsutil import atomic_write_text
from .schema import Article, Finding, Problem

TEMPLATES = Path(__file__).parent / "templates"
_SECTION_ORDER = [
    ("contradict", "Contradictions", "Same measure, incompatible figures, no reason found."),
    ("explained", "Explained differences", "Figures differ for a stated reason."),
    ("agree", "Agreements", "Figures that match, allowing for hedges and rounding."),
    ("internal", "Internal checks", "Arithmetic an article states about its own figures."),
]


@dataclass(slots=True)
class ClaimView:
    """One claim as a finding shows it."""

    outlet: str
    published: str
    article: str
    figure: str
    period: str
    before: str
    highlight: str
    after: str
    url: str | None


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
    severity: str
    claims: list[ClaimView]
    outlets: str
    unit: str


@dataclass(slots=True)
class SectionView:
    """A block of findings of one verdict (or the internal checks)."""

    key: str
    title: str
    blurb: str
    findings: list[FindingView]


@dataclass(slots=True)
class ArticleView:
    """One input article in the article list, with its single-source figures."""

    id: str
    outlet: str
    published: str
    title: str
    url: str | None
    single: list[ClaimView] = field(default_factory=list)


@dataclass(slots=True)
class ReportData:
    """Everything the template shows."""

    title: str
    generated_at: str
    counts: dict[str, int]
    sections: list[SectionView]
    articles: list[ArticleView]
    problems: list[str]


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
    """(before, figure, after) of a sentence, from the claim's offsets.

    >>> split_highlight("It rose to 12%.", "12%", 111, 114, 100)
    ('It rose to ', '12%', '.')
    """
    a, b = start - sentence_start, end - sentence_start
    if 0 <= a < b <= len(sentence) and sentence[a:b] == text:
        return sentence[:a], sentence[a:b], sentence[b:]
    at = sentence.find(text)
    if at >= 0:
        return sentence[:at], text, sentence[at + len(text):]
    return sentence + " ", text, ""


def _period(row: dict) -> str:
    ps, pe, kind = row.get("period_start"), row.get("period_end"), row.get("period_kind")
    if isinstance(ps, str) and isinstance(pe, str):
        span = ps if ps == pe else f"{ps} – {pe}"
        return f"{kind}: {span}" if kind else span
    if isinstance(kind, str):
        return kind
    return ""


def _claim_view(row: dict, art: Article | None) -> ClaimView:
    before, mark, after = split_highlight(row["sentence"], row["text"], int(row["start"]),
                                          int(row["end"]), int(row["sentence_start"]))
    return ClaimView(
        outlet=(art.source if art and art.source else "unknown outlet"),
        published=(art.published_iso if art and art.published else "undated"),
        article=(art.title if art and art.title else row["article"]),
        figure=formatting.claim(row), period=_period(row), before=before, highlight=mark,
        after=after, url=safe_url(art.url) if art else None)


def build_report_data(articles: list[Article], claims: pd.DataFrame, findings: list[Finding],
                      problems: list[Problem], generated_at: str,
                      title: str = "factcheck report") -> ReportData:
    """Assemble the page's data from the run's results."""
    by_article = {a.id: a for a in articles}
    rows = {r["id"]: r for r in claims.to_dict("records")}
    in_finding: set[str] = set()
    sections = {key: SectionView(key, t, blurb, []) for key, t, blurb in _SECTION_ORDER}
    for f in findings:
        in_finding.update(f.claims)
        views = [_claim_view(rows[c], by_article.get(rows[c]["article"])) for c in f.claims]
        rel = f.details.get("rel_diff")
        view = FindingView(
            id=f.id, verdict=f.verdict, kind=f.kind, relation=f.relation or "",
            measure=f.measure or "", explanation=f.explanation,
            score=f"{f.score:.2f}" if f.score is not None else "",
            severity=f"{rel:.1%}" if isinstance(rel, float) and rel > 0 else "",
            claims=views, outlets=" | ".join(sorted({v.outlet for v in views})),
            unit=str(rows[f.claims[0]]["unit"]))
        sections["internal" if f.kind == "internal" else f.verdict].findings.append(view)
    sections["contradict"].findings.sort(key=lambda v: -float(v.severity.rstrip("%") or 0))

    article_views = []
    for a in articles:
        av = ArticleView(a.id, a.source or "unknown outlet", a.published_iso or "undated",
                         a.title or a.id, safe_url(a.url))
        article_views.append(av)
    views_by_id = {av.id: av for av in article_views}
    for cid, row in rows.items():
        if cid not in in_finding and row["article"] in views_by_id:
            views_by_id[row["article"]].single.append(
                _claim_view(row, by_article.get(row["article"])))

    counts = {
        "articles": len(articles), "claims": len(claims),
        # Verdict counts follow the sections: internal checks are counted on their own.
        "contradict": sum(f.verdict == "contradict" and f.kind != "internal" for f in findings),
        "explained": sum(f.verdict == "explained" and f.kind != "internal" for f in findings),
        "agree": sum(f.verdict == "agree" and f.kind != "internal" for f in findings),
        "internal": sum(f.kind == "internal" for f in findings),
        "single": sum(len(av.single) for av in article_views),
        "problems": len(problems),
    }
    return ReportData(title=title, generated_at=generated_at, counts=counts,
                      sections=list(sections.values()), articles=article_views,
                      problems=[str(p) for p in problems])


def _environment() -> Environment:
    # autoescape=True, not select_autoescape(): the template's .html.j2 name would not match.
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_report(data: ReportData) -> str:
    """The report as one self-contained HTML page."""
    return _environment().get_template("report.html.j2").render(data=data)


def write_report(path: str | os.PathLike, data: ReportData) -> None:
    """Render and write the report atomically."""
    atomic_write_text(path, render_report(data))
