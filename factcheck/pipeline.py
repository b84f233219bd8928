"""Wires the stages one way: ingest -> normalise -> match -> verdict -> report/export."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import arithmetic, export, ingest, match, normalise, report, verdict
from .errors import InputError
from .schema import Article, Finding, Problem

_VERDICT_ORDER = {"contradict": 0, "explained": 1, "agree": 2}


@dataclass(slots=True)
class CheckResult:
    """Everything one run produced, before it is written anywhere."""

    articles: list[Article]
    claims: pd.DataFrame
    findings: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    generated_at: str = ""

    def counts(self) -> dict[str, int]:
        """Findings per verdict, plus articles and claims."""
        out = {v: 0 for v in _VERDICT_ORDER}
        for f in self.findings:
            out[f.verdict] += 1
        out["articles"], out["claims"] = len(self.articles), len(self.claims)
        return out


def _order(findings: list[Finding]) -> list[Finding]:
    """Contradictions first, most severe first; then explained, then agreements; stable ids."""
    def key(f: Finding) -> tuple:
        return (_VERDICT_ORDER[f.verdict], f.kind != "cross-source",
                -float(f.details.get("rel_diff", 0.0)), f.claims)
    ordered = sorted(findings, key=key)
    for n, f in enumerate(ordered, 1):
        f.id = f"F{n:04d}"
    return ordered


def check_articles(articles: list[Article], problems: list[Problem] | None = None,
                   generated_at: str | None = None) -> CheckResult:
    """Run normalise -> match -> verdict over articles already read."""
    claims = normalise.extract_articles(articles)
    pairs = match.candidate_pairs(claims)
    cross = verdict.cross_source_findings(claims, pairs)
    internal = arithmetic.internal_findings(claims)
    findings = cross + internal + verdict.explained_through_arithmetic(claims, cross, internal)
    stamp = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return CheckResult(articles, claims, _order(findings), list(problems or []), stamp)


def check(paths: Sequence[str | os.PathLike], manifest: str | os.PathLike | None = None,
          on_problem: Callable[[Problem], None] | None = None) -> CheckResult:
    """Read the inputs and run the whole check; raise InputError if no article could be read."""
    articles, problems = ingest.load_articles(paths, manifest=manifest)
    if on_problem:
        for p in problems:
            on_problem(p)
    if not articles:
        raise InputError("no article could be read from " + ", ".join(map(str, paths)))
    return check_articles(articles, problems)


def write_outputs(result: CheckResult, out_dir: str | os.PathLike,
                  title: str = "factcheck report") -> dict[str, Path]:
    """Write report.html, findings.json and claims.csv into out_dir; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"report": out / "report.html", "findings": out / "findings.json",
             "claims": out / "claims.csv"}
    doc = export.findings_document(result.articles, result.claims, result.findings,
                                   result.generated_at)
    export.write_findings_json(paths["findings"], doc)
    export.write_claims_csv(paths["claims"], result.claims)
    data = report.build_report_data(result.articles, result.claims, result.findings,
                                    result.problems, result.generated_at, title=title)
    report.write_report(paths["report"], data)
    return paths
