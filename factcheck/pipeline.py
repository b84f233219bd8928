"""Wires the stages one way: ingest -> normalise -> match -> verdict -> report/export."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from . import arithmetic, copies, export, facts, ingest, match, normalise, report, stories, verdict
from .engine import Engine, SerialEngine, chunked
from .errors import InputError
from .progress import Progress
from .schema import Article, Fact, Finding, Problem

# Articles per extraction task: large enough that a worker process is busy, not pickling.
EXTRACT_CHUNK = 200
# An article that takes longer than this to read is skipped and named (a real one takes well
# under a second; only a hostile shape of text could take longer).
ARTICLE_SECONDS = 30.0
# Claims per matching task; a task holds whole stories, so no pair is ever split across two.
MATCH_CHUNK = 2_000

_VERDICT_ORDER = {"contradict": 0, "explained": 1, "agree": 2}


@dataclass(slots=True)
class CheckResult:
    """Everything one run produced, before it is written anywhere."""

    articles: list[Article]
    claims: pd.DataFrame
    findings: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    generated_at: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    facts: list[Fact] = field(default_factory=list)   # the findings grouped per measured quantity
    copy_groups: dict[str, str] = field(default_factory=dict)  # copy article -> representative

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


def extract_chunk(articles: Sequence[Article], budget: float | None = None
                  ) -> tuple[pd.DataFrame, dict[str, str], dict[str, Problem]]:
    """The claim table of a chunk of articles and the articles skipped as too slow to read,
    by id (a task for any engine)."""
    skipped: dict[str, Problem] = {}
    return normalise.extract_articles(articles, budget, skipped), {}, skipped


def extract_chunk_with_words(articles: Sequence[Article], budget: float | None = None
                             ) -> tuple[pd.DataFrame, dict[str, str], dict[str, Problem]]:
    """``extract_chunk`` with each article's content words for story grouping: both read the
    whole text, so the workers that extract do the grouping's heavy part too."""
    claims, _, skipped = extract_chunk(articles, budget)
    return claims, {a.id: stories.article_words(a) for a in articles}, skipped


def story_findings(claims: pd.DataFrame) -> list[Finding]:
    """Cross-source and internal findings over the claims of whole stories (a task for any
    engine): matching never crosses a story, so stories can be checked apart."""
    pairs = match.candidate_pairs(claims)
    cross = verdict.cross_source_findings(claims, pairs)
    cross += verdict.same_day_conflicts(claims, cross)
    cross = verdict.with_repeats(claims, verdict.one_per_reading(claims, cross))
    links = verdict.stated_links(claims)  # read once: the rest of a split total needs them too
    cross, stated = verdict.explained_through_stated_links(claims, cross, links)
    internal = arithmetic.internal_findings(claims)
    found = (cross + stated + verdict.explained_through_rates(claims, cross) + internal
             + verdict.explained_through_arithmetic(claims, cross, internal)
             + verdict.explained_through_changes(claims, cross)
             + verdict.explained_through_the_rest(claims, cross, links))
    # (last: a pair another finding already explains is not explained twice)
    return found + verdict.explained_through_own_total(claims, found)


def story_chunks(claims: pd.DataFrame, size: int = MATCH_CHUNK) -> list[pd.DataFrame]:
    """The claim table cut into tasks of whole stories, about ``size`` claims each."""
    if claims.empty:
        return []
    story = claims["story"].fillna("").astype(str)
    groups = sorted(claims.groupby(story, sort=True).indices.items())
    chunks, current, n = [], [], 0
    for _, idx in groups:
        current.append(idx)
        n += len(idx)
        if n >= size:
            chunks.append(claims.iloc[sorted(i for part in current for i in part)])
            current, n = [], 0
    if current:
        chunks.append(claims.iloc[sorted(i for part in current for i in part)])
    return chunks


def extract_stream(articles: Iterable[Article], engine: Engine | None = None,
                   progress: Progress | None = None, with_words: bool = False,
                   keep_text: bool = True, budget: float | None = ARTICLE_SECONDS,
                   problems: list[Problem] | None = None,
                   on_problem: Callable[[Problem], None] | None = None
                   ) -> tuple[pd.DataFrame, dict[str, str], list[Article]]:
    """Extract articles pulled lazily from an iterable (a stream from disk need never be held
    whole): the claim table, each article's content words (with ``with_words``) and the
    articles read; with ``keep_text=False`` those come back without their text, which nothing
    after extraction needs, so memory holds only the chunks in flight. An article that takes
    more than ``budget`` seconds is left out, added to ``problems`` and told to
    ``on_problem``."""
    engine = engine or SerialEngine()
    read: list[Article] = []

    def chunks() -> Iterator[list[Article]]:
        for chunk in chunked(articles, EXTRACT_CHUNK):
            read.extend(chunk if keep_text else [replace(a, text="") for a in chunk])
            yield chunk

    fn = partial(extract_chunk_with_words if with_words else extract_chunk, budget=budget)
    total = len(articles) if isinstance(articles, Sized) else None
    parts = []
    with (progress or Progress(enabled=False)).stage("extract", total) as bar:
        for part in engine.imap(fn, chunks(), bar):
            parts.append(part)
            for p in part[2].values():
                if problems is not None:
                    problems.append(p)
                if on_problem:
                    on_problem(p)
    too_slow = {aid for part in parts for aid in part[2]}
    if too_slow:
        read = [a for a in read if a.id not in too_slow]
    return (_concat([p[0] for p in parts]), {k: v for p in parts for k, v in p[1].items()},
            read)


def assign_stories(claims: pd.DataFrame, articles: Sequence[Article]) -> None:
    """Set the claims' story column from their (grouped) articles."""
    story_of = {a.id: a.story for a in articles}
    claims["story"] = claims["article"].map(story_of).astype(object)


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return normalise.extract_articles([])
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def find_all(claims: pd.DataFrame, engine: Engine | None = None,
             progress: Progress | None = None, focus: set[str] | None = None) -> list[Finding]:
    """All findings over the claim table, story by story; with ``focus`` (article ids), only
    the stories holding one of those articles are checked, and only findings that involve
    one of them are kept (a nightly run checks tonight's articles against the history)."""
    engine = engine or SerialEngine()
    progress = progress or Progress(enabled=False)
    if focus is not None:
        stories_in_focus = set(claims.loc[claims["article"].isin(focus), "story"].fillna(""))
        claims = claims[claims["story"].fillna("").isin(stories_in_focus)]
    tasks = story_chunks(claims)
    findings: list[Finding] = []
    with progress.stage("match", len(claims)) as bar:
        for part in engine.map(story_findings, tasks, bar):
            findings.extend(part)
    if focus is not None:
        article_of = dict(zip(claims["id"], claims["article"]))
        findings = [f for f in findings if any(article_of.get(c) in focus for c in f.claims)]
    return findings


def check_articles(articles: Iterable[Article], problems: list[Problem] | None = None,
                   generated_at: str | None = None, engine: Engine | None = None,
                   progress: Progress | None = None, group: bool | str = False,
                   keep_text: bool = True, budget: float | None = ARTICLE_SECONDS,
                   on_problem: Callable[[Problem], None] | None = None) -> CheckResult:
    """Run (group ->) normalise -> match -> verdict over articles (a list or a lazy stream).

    ``engine`` runs extraction and matching (default: this process); ``group`` finds stories
    for articles that name none (otherwise those form one story together, as a folder given
    for one event does); ``group="auto"`` finds them only when more than ``ONE_STORY_MAX``
    articles name none (a feed, not one event's folder); ``keep_text=False`` drops each text
    once it is extracted (the result's articles then carry metadata only), so a stream of any
    length is never held in memory.
    An article that takes more than ``budget`` seconds to read is skipped: it joins
    ``problems`` and is told to ``on_problem``.
    """
    timings: dict[str, float] = {}
    t = time.perf_counter()
    problems = problems if problems is not None else []
    claims, words, read = extract_stream(articles, engine, progress, with_words=bool(group),
                                         keep_text=keep_text, budget=budget,
                                         problems=problems, on_problem=on_problem)
    timings["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = mark_copies(claims, read)
    timings["copies"] = time.perf_counter() - t
    if group == "auto":
        group = sum(not a.story for a in read) > ONE_STORY_MAX
    if group:
        t = time.perf_counter()
        read = _group_with_copies(read, words, groups, claims["article"].unique())
        assign_stories(claims, read)
        timings["group"] = time.perf_counter() - t
    t = time.perf_counter()
    findings = find_once_per_copy(claims, engine, progress)
    timings["match"] = time.perf_counter() - t
    ordered = _order(findings)   # facts cite finding ids, so they come after the ordering
    return CheckResult(read, claims, ordered, list(problems or []), generated_at or now_iso(),
                       timings, facts.build_facts(claims, ordered), copy_groups=groups)


def mark_copies(claims: pd.DataFrame, articles: Sequence[Article]) -> dict[str, str]:
    """Find the wire copies among the articles; set the claims' ``copy_of`` column (the
    representative's claim a copy's claim repeats, or ''). Returns copy -> representative."""
    groups = copies.copy_groups(claims, {a.id: a.published for a in articles})
    claims["copy_of"] = copies.carried(claims, groups)
    return groups


def find_once_per_copy(claims: pd.DataFrame, engine: Engine | None = None,
                       progress: Progress | None = None) -> list[Finding]:
    """``find_all`` over the claims no copy carries; each finding then also holds the claims
    of the copies that carry its figures (see ``mark_copies``)."""
    if "copy_of" not in claims:
        return find_all(claims, engine, progress)
    found = find_all(claims[claims["copy_of"] == ""], engine, progress)
    return copies.with_carriers(found, claims)


# Up to this many articles that name no story are read as one story (a folder given for one
# event: every pair of its reports is compared, a few seconds at most); a larger input is a
# feed, and its stories are found.
ONE_STORY_MAX = 400


def _group_with_copies(read: list[Article], words: dict[str, str], groups: dict[str, str],
                       claims_articles: Iterable[str]) -> list[Article]:
    """Stories found over the representatives of copy groups (a copy published weeks later
    must not chain two weeks' stories together); each copy joins its representative's."""
    # An article with no figure takes part in no finding; left out, its copies (never found,
    # as copies are found from figures) cannot chain weeks together either.
    with_claims = set(claims_articles)
    reps = [a for a in read if groups.get(a.id, a.id) == a.id and a.id in with_claims]
    story_of = {a.id: a.story for a in stories.group_stories(reps, words)}
    return [a if a.story else replace(a, story=story_of.get(groups.get(a.id, a.id)))
            for a in read]


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def order_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in report order with ids F0001...: contradictions first, most severe first."""
    return _order(findings)


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
                  title: str = "factcheck report", limit: int | None = None,
                  reviews: Mapping[str, Any] | None = None) -> dict[str, Path]:
    """Write report.html, findings.json and claims.csv into out_dir; return their paths.

    ``limit`` caps the agreements and single-source figures the HTML page shows (the JSON and
    CSV files always hold everything); ``reviews`` (fact key -> ``review.Review``) shows the
    editors' decisions on the cards, read-only."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"report": out / "report.html", "findings": out / "findings.json",
             "claims": out / "claims.csv"}
    # A result built by hand may carry findings without their facts.
    found = result.facts or facts.build_facts(result.claims, result.findings)
    export.write_findings_stream(paths["findings"], result.articles, result.claims,
                                 result.findings, result.generated_at, found)
    export.write_claims_csv(paths["claims"], result.claims, found)
    data = report.build_report_data(result.articles, result.claims, result.findings,
                                    result.problems, result.generated_at, title=title,
                                    limit=limit, facts=found, reviews=reviews)
    report.write_report(paths["report"], data)
    return paths
