"""The nightly batch: tonight's inbox checked against itself and the last days' reporting.

read inbox -> group stories (tonight + history) -> extract tonight -> match stories that hold
a new article -> verdicts -> store (one transaction) -> dated report folder. The history store
keeps what earlier nights read, so old articles are not re-read or re-extracted, and a finding
first made tonight is flagged "new since last run".
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import copies, export, facts, ingest, pipeline, review, stories
from .engine import Engine
from .errors import InputError
from .progress import Progress
from .schema import Article, Problem
from .store import Store, finding_key

DEFAULT_DAYS = 7
# The nightly page shows every contradiction and explained difference, and this many
# agreements and single-source articles (all of them are in findings.json and claims.csv).
REPORT_LIMIT = 500


@dataclass(slots=True)
class NightlyResult:
    """What one night's run did, for the command line and the tests."""

    run_date: str
    previous_run: str | None
    out_dir: Path
    result: pipeline.CheckResult
    tonight: int
    history: int
    new_findings: int
    paths: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    reviews: dict[str, review.Review] = field(default_factory=dict)   # by fact key

    def counted(self, verdict: str) -> list:
        """Tonight's new findings with this verdict that ``--fail-on`` counts: those of a fact
        an editor dismissed as a false alarm (and whose figures are unchanged) are not."""
        dismissed = {c for k in self.result.facts
                     if k.key in self.reviews and self.reviews[k.key].dismissed
                     for c in k.findings}
        return [f for f in self.result.findings if f.details.get("new")
                and f.verdict == verdict and f.id not in dismissed]


def run_nightly(inbox: Sequence[str | os.PathLike], store_path: str | os.PathLike,
                out_root: str | os.PathLike, run_date: dt.date | None = None,
                days: int = DEFAULT_DAYS, manifest: str | os.PathLike | None = None,
                engine: Engine | None = None, progress: Progress | None = None,
                limit: int | None = REPORT_LIMIT,
                max_bytes: int = ingest.DEFAULT_MAX_BYTES,
                on_problem: Callable[[Problem], None] | None = None,
                budget: float | None = pipeline.ARTICLE_SECONDS,
                follow_symlinks: bool = False) -> NightlyResult:
    """Check tonight's inbox against itself and the store's last ``days`` days; write the
    store and ``out_root/YYYY-MM-DD/``. Raise InputError when the inbox holds no article."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    started = pipeline.now_iso()
    night = (run_date or dt.date.today()).isoformat()
    articles, problems = ingest.load_articles(inbox, manifest=manifest, max_bytes=max_bytes,
                                              follow_symlinks=follow_symlinks)
    articles = _unique(articles, problems)
    if on_problem:  # said at once, before anything can fail
        for p in problems:
            on_problem(p)
    if not articles:
        raise InputError("no article could be read from " + ", ".join(map(str, inbox)))
    timings["read"] = time.perf_counter() - t

    with Store(store_path) as store:
        t = time.perf_counter()
        tonight_ids = {a.id for a in articles}
        history, history_words = store.history(night, days, exclude=tonight_ids)
        # One pass of the workers over tonight's texts gives their claims and their words.
        claims, words, articles = pipeline.extract_stream(
            articles, engine, progress, with_words=True, budget=budget, problems=problems,
            on_problem=on_problem)
        tonight_ids = {a.id for a in articles}  # less any article too slow to read
        given = {a.id for a in articles if a.story}
        timings["extract"] = time.perf_counter() - t
        t = time.perf_counter()
        # Tonight's articles are grouped together with the history, so that a new report
        # joins a story begun on an earlier night.
        grouped = stories.group_stories(articles + history, {**history_words, **words})
        story_of = {a.id: a.story for a in grouped}
        tonight = grouped[:len(articles)]
        pipeline.assign_stories(claims, tonight)
        timings["group"] = time.perf_counter() - t

        t = time.perf_counter()
        focus_stories = {story_of[a.id] for a in tonight}
        past_ids = [a.id for a in history if story_of[a.id] in focus_stories]
        past = store.claims_of(past_ids)
        if len(past):
            pipeline.assign_stories(past, grouped)
        table = pd.concat([claims, past], ignore_index=True) if len(past) else claims
        findings = _check_once_per_copy(table, tonight + history, tonight_ids, engine,
                                        progress)
        claims["copy_of"] = table["copy_of"].iloc[:len(claims)].to_numpy()
        known = store.known_findings(night)
        new_keys = set()
        for f in findings:
            key = finding_key(f)
            f.details["new"] = key not in known
            if f.details["new"]:
                new_keys.add(key)
        findings = pipeline.order_findings(findings)
        timings["match"] = time.perf_counter() - t

        result = _shown(tonight, history, claims, table, findings, problems, timings)
        night_facts = _night_facts(result)

        t = time.perf_counter()
        previous = store.previous_run(night)
        store.save_run(night, started, tonight, words, given, claims, findings, new_keys,
                       night_facts)
        timings["store"] = time.perf_counter() - t
        # Editors' decisions carried to tonight's facts (read after the night is written).
        reviews = review.reviews_for(store, night_facts)

    t = time.perf_counter()
    out_dir = Path(out_root) / night
    title = f"factcheck nightly {night}" + (f" (since {previous})" if previous else "")
    paths = pipeline.write_outputs(result, out_dir, title=title, limit=limit, reviews=reviews)
    timings["report"] = time.perf_counter() - t
    return NightlyResult(night, previous, out_dir, result, len(tonight), len(history),
                         len(new_keys), paths, timings, reviews)


def _check_once_per_copy(table: pd.DataFrame, articles: list[Article], tonight_ids: set[str],
                         engine: Engine | None, progress: Progress | None) -> list:
    """Tonight's findings with wire copies checked once: a copy (tonight's or an earlier
    night's) whose claims repeat its first-published original's is checked through it, and
    the findings name it (``copies``)."""
    groups = pipeline.mark_copies(table, articles)
    # Tonight's copies are checked through their originals, which may be an earlier night's.
    focus = tonight_ids | {groups[a] for a in tonight_ids if a in groups}
    found = pipeline.find_all(table[table["copy_of"] == ""], engine, progress, focus=focus)
    found = copies.with_carriers(found, table)
    article_of = dict(zip(table["id"], table["article"]))
    return [f for f in found if any(article_of.get(c) in tonight_ids for c in f.claims)]


def _shown(tonight: list[Article], history: list[Article], claims: pd.DataFrame,
           table: pd.DataFrame, findings: list, problems: list[Problem],
           timings: dict[str, float]) -> pipeline.CheckResult:
    """What the night's report shows: tonight's articles and the past ones a finding cites,
    with their claims, the findings and the facts they make."""
    cited = {c for f in findings for c in f.claims}
    past_rows = table.iloc[len(claims):] if len(table) > len(claims) else table.iloc[0:0]
    past_cited = past_rows[past_rows["id"].isin(cited)]
    cited_articles = set(past_cited["article"])
    shown = tonight + [a for a in history if a.id in cited_articles]
    shown_claims = (pd.concat([claims, past_cited], ignore_index=True) if len(past_cited)
                    else claims)
    return pipeline.CheckResult(shown, shown_claims, findings, problems, pipeline.now_iso(),
                                timings, facts.build_facts(shown_claims, findings))


def _night_facts(result: pipeline.CheckResult) -> list[dict]:
    """The night's facts as the store keeps them: key, claim identities, figures, and the
    fact with its findings as findings.json records (what the review page renders)."""
    rows = {str(r["id"]): r for r in result.claims[["id", "article", "start", "end", "value"]]
            .to_dict("records")}
    by_finding = {f.id: f for f in result.findings}
    out = []
    for k in result.facts:
        identities = review.identities_of(k, rows)
        out.append({"key": k.key, "fact_id": k.id, "verdict": k.verdict, "label": k.label,
                    "identities": identities, "figures": review.figures_of(identities),
                    "record": {"fact": export.fact_record(k),
                               "findings": [export.finding_record(by_finding[f])
                                            for f in k.findings if f in by_finding]}})
    return out


def _unique(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """One article per id: a second with the same id is reported, not silently merged."""
    seen: dict[str, Article] = {}
    for a in articles:
        if a.id in seen:
            problems.append(Problem(a.path or a.id, f"duplicate article id {a.id!r}; the first "
                                                    f"one read ({seen[a.id].path}) is kept"))
            continue
        seen[a.id] = a
    return list(seen.values())
