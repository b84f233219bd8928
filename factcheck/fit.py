"""Fit the matcher's weights on labelled pairs and write ``factcheck/data/matcher.json``.

    python -m factcheck.fit [--shared ../shared] [--folds 5] [--out factcheck/data/matcher.json]

The labelled pairs are ``gold/dev.yaml`` (pairs of figures in ``corpora``, labelled as an editor
would) and ``gold/seeds.yaml``. Two logistic models are fitted (scikit-learn, the ``fit``
extra): *same measure* (agree, contradict and explained pairs against distinct pairs and against
the other figures of the same kind in the partner's article, which the editor did not pick) and
*explained* (explained against contradicted pairs whose figures differ). The thresholds are then
chosen by running the whole matcher over the training stories. Cross-validation holds out whole
stories (GroupKFold), so the score says how the fit does on stories it has never seen. The
output is deterministic: the same inputs write the same bytes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import features, gold, match, model, pipeline
from .ingest import load_articles
from .schema import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "matcher.json"
# L2 strength of the logistic fits (scikit-learn's C): small data, many correlated features.
C = 0.1
# Weight of an unpicked same-kind figure as a negative, against a labelled distinct pair (1.0).
UNPICKED_WEIGHT = 0.3
# Unlabelled candidate pairs whose figures differ, sampled per story as background negatives:
# the matcher meets them at run time, and nearly all are different measures (the few that are
# not weigh little).
BACKGROUND_PER_STORY = 200
BACKGROUND_WEIGHT = 0.2
# Each agreeing labelled pair also teaches the model for figures that differ, with one figure
# moved by these shares: a figure one report changed is still the same measure (the
# perturbation tests ask exactly this of the whole matcher).
MOVED_SHARES = (0.93, 1.07)
MOVED_WEIGHT = 0.5
# The same, unlabelled: same-figure candidate pairs the agreeing model gives at least this
# probability, moved by 7%, each weighing this much.
SELF_CONFIDENCE = 0.8
SELF_WEIGHT = 0.2
THRESHOLDS_SAME = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
THRESHOLDS_DIFFERENT = (0.1, 0.2, 0.3, 0.5)
THRESHOLDS_CONTRADICT = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
THRESHOLDS_FITTED_REASON = (0.2, 0.3, 0.4, 0.5, 0.7, 0.9)
# Contradictions outside the labelled pairs (per 1,000 articles) that the thresholds may cost
# before each one counts against them, and what each one beyond costs, in correctly judged gold
# pairs: false alarms are what teach editors to ignore a report.
FALSE_ALARM_BUDGET = 10
FALSE_ALARM_COST = 0.5
# Explained differences outside the labelled pairs cost less (an editor reads them as "worth a
# look"), but they are noise all the same.
NOISE_BUDGET = 40
NOISE_COST = 0.1
# A distinct pair whose two figures the findings join into one fact costs this much: a fact
# that mixes measures misleads the editor who reviews it.
MERGE_COST = 0.5


@dataclass
class Corpus:
    """Articles, their claim table (rows in base units for the features) and gold pairs."""

    articles: list[Article]
    claims: pd.DataFrame
    pairs: list[dict]
    rows: dict[str, dict]      # claim id -> prepared row
    kinds: dict[str, str]      # claim id -> comparison kind
    stories: dict[str, features.Story]
    located: dict[str, tuple[list[str], list[str]]] | None = None  # gold ends, found once


def load_corpus(articles: list[Article], pairs: list[dict]) -> Corpus:
    """Extract the articles once and prepare what the features need."""
    claims, _, _ = pipeline.extract_stream(articles)
    pipeline.mark_copies(claims, articles)  # matched as a run matches them: copies once
    return _prepare(articles, claims, pairs)


def _prepare(articles: list[Article], claims: pd.DataFrame, pairs: list[dict]) -> Corpus:
    rows, kinds = match.prepared(claims)
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_story[r["story"] if isinstance(r["story"], str) else ""].append(i)
    stories = {s: features.Story.of([rows[i] for i in m], [kinds[i] for i in m])
               for s, m in by_story.items()}
    return Corpus(articles, claims, pairs, {r["id"]: r for r in rows},
                  {r["id"]: k for r, k in zip(rows, kinds)}, stories)


def _story_of(row: dict) -> str:
    return row["story"] if isinstance(row["story"], str) else ""


def examples(corpus: Corpus, pairs: Sequence[dict]) -> tuple[list, list, list, list, list]:
    """Training examples: (X, y, weight, agrees) for same-measure and (X, y) for explained."""
    texts = {a.id: a.text for a in corpus.articles}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in corpus.rows.values():
        by_article[r["article"]].append(r)
    xs, ys, ws, xe, ye = [], [], [], [], []
    for p in pairs:
        a = [c for c in gold.ends(corpus.claims, texts, p["a"]) if c in corpus.rows]
        b = [c for c in gold.ends(corpus.claims, texts, p["b"]) if c in corpus.rows]
        if not a or not b:
            continue
        ra, rb = corpus.rows[a[0]], corpus.rows[b[0]]
        if corpus.kinds[a[0]] != corpus.kinds[b[0]] or not match.is_candidate(ra, rb):
            continue  # never scored: the matcher cannot pair them whatever the weights
        story = corpus.stories[_story_of(ra)]
        same = p["verdict"] != "distinct"
        xs.append(features.vector(features.SAME_MEASURE, ra, rb, story)
                  + [match.agreeing(ra, rb, story)])
        ys.append(int(same))
        ws.append(1.0)
        if p["verdict"] == "agree" and features.same_value(ra, rb, story):
            for share in MOVED_SHARES:
                moved = dict(ra, value=ra["value"] * share, low=ra["low"] * share,
                             high=ra["high"] * share, _tolerant=None)
                if not match.agreeing(moved, rb, story):
                    xs.append(features.vector(features.SAME_MEASURE, moved, rb, story) + [False])
                    ys.append(1)
                    ws.append(MOVED_WEIGHT)
        if same:
            for anchor, partner in ((ra, rb), (rb, ra)):
                for other in by_article[partner["article"]]:
                    if (other["id"] == partner["id"]
                            or corpus.kinds[other["id"]] != corpus.kinds[anchor["id"]]
                            or features.compatible(other, partner, story)
                            or not match.is_candidate(anchor, other)):
                        continue
                    xs.append(features.vector(features.SAME_MEASURE, anchor, other, story)
                              + [match.agreeing(anchor, other, story)])
                    ys.append(0)
                    ws.append(UNPICKED_WEIGHT)
        if p["verdict"] in ("explained", "contradict") and not features.compatible(ra, rb, story):
            xe.append(features.vector(features.WHY_DIFFERENT, ra, rb, story))
            ye.append(int(p["verdict"] == "explained"))
    for ra, rb, story in background(corpus, pairs):
        xs.append(features.vector(features.SAME_MEASURE, ra, rb, story) + [False])
        ys.append(0)
        ws.append(BACKGROUND_WEIGHT)
    return xs, ys, ws, xe, ye


def background(corpus: Corpus, pairs: Sequence[dict]) -> list[tuple[dict, dict, Any]]:
    """A fixed sample of the candidate pairs of the pairs' stories whose figures differ."""
    stories = sorted({p.get("cluster", "") for p in pairs})
    members: dict[str, list[dict]] = defaultdict(list)
    for r in corpus.rows.values():
        members[_story_of(r)].append(r)
    by_story: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for story in stories:
        rows = members.get(story, [])
        for block in match.blocks_of(rows, [corpus.kinds[r["id"]] for r in rows]):
            by_story[story] += [(block[i], block[j]) for i, j in match.candidates(block)]
    rng = random.Random(0)
    out = []
    for story in stories:
        st = corpus.stories.get(story)
        # As the matcher meets them: figures that differ, of roles that may be one measure.
        cands = [(a, b) for a, b in by_story[story]
                 if st is not None and not features.compatible(a, b, st)
                 and match.roles_meet(a, b, False, features.relation(a, b))]
        rng.shuffle(cands)
        out += [(a, b, st) for a, b in cands[:BACKGROUND_PER_STORY]]
    return out


def _logistic(x: list, y: list, w: list | None, names: list[str]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression  # the fit extra; never needed to run

    if len(set(y)) < 2:
        return {"intercept": 0.0, "weights": {n: 0.0 for n in names}}
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit(x, y, sample_weight=w)
    return {"intercept": round(float(lr.intercept_[0]), 4),
            "weights": {n: round(float(c), 4) for n, c in zip(names, lr.coef_[0])}}


def confident_moved(corpus: Corpus, pairs: Sequence[dict], agreeing_model: dict[str, Any]
                    ) -> list[list[float]]:
    """Self-supervision for the model of differing figures: the candidate pairs of the
    training stories that state the very same figure and that the agreeing model is sure
    of, each with one figure moved by 7%. A report that changed the figure would still be
    reporting the same measure; nothing labels these, the agreeing model picks them."""
    scorer = model.Logistic(agreeing_model["intercept"], agreeing_model["weights"]).scorer(
        list(features.SAME_MEASURE))
    stories = sorted({p.get("cluster", "") for p in pairs})
    members: dict[str, list[dict]] = defaultdict(list)
    for r in corpus.rows.values():
        members[_story_of(r)].append(r)
    out = []
    for story in stories:
        rows, st = members.get(story, []), corpus.stories.get(story)
        for block in match.blocks_of(rows, [corpus.kinds[r["id"]] for r in rows]):
            for i, j in match.candidates(block):
                a, b = block[i], block[j]
                if not features.same_value(a, b, st) or scorer(
                        features.vector(features.SAME_MEASURE, a, b, st)) < SELF_CONFIDENCE:
                    continue
                moved = dict(a, value=a["value"] * 1.07, low=a["low"] * 1.07,
                             high=a["high"] * 1.07, _tolerant=None)
                out.append(features.vector(features.SAME_MEASURE, moved, b, st))
    return out


def fit_models(corpus: Corpus, pairs: Sequence[dict]) -> dict[str, Any]:
    """The two logistic models fitted on ``pairs`` (thresholds at their defaults)."""
    xs, ys, ws, xe, ye = examples(corpus, pairs)
    names = list(features.SAME_MEASURE)

    def part(agrees: bool) -> tuple[list, list, list]:
        rows = [(x[:-1], y, w) for x, y, w in zip(xs, ys, ws) if bool(x[-1]) == agrees]
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]

    agreeing_model = _logistic(*part(True), names)
    x_diff, y_diff, w_diff = part(False)
    for vector in confident_moved(corpus, pairs, agreeing_model):
        x_diff.append(vector)
        y_diff.append(1)
        w_diff.append(SELF_WEIGHT)
    return {
        "same_measure": agreeing_model,
        "same_measure_differing": _logistic(x_diff, y_diff, w_diff, names),
        "explained": _logistic(xe, ye, None, list(features.WHY_DIFFERENT)),
        "thresholds": {"same_value": 0.3, "different_value": 0.5, "contradict": 0.7,
                       "fitted_reason": 0.5},
        "examples": {"same_measure": len(ys), "same_measure_positive": sum(ys),
                     "explained": len(ye), "explained_positive": sum(ye)},
    }


def run(corpus: Corpus, doc: dict[str, Any], stories: set[str] | None = None
        ) -> tuple[list[gold.PairOutcome], int, int, int]:
    """Match the corpus (or some of its stories) with ``doc``'s weights; score its gold pairs.
    Returns the outcomes, the numbers of contradictions and explained differences that no
    gold pair covers, and the distinct pairs joined into one fact."""
    return _score(corpus, _match(corpus, doc, stories), stories)


def _subset(corpus: Corpus, stories: set[str] | None) -> tuple[pd.DataFrame, list[dict]]:
    if stories is None:
        return corpus.claims, corpus.pairs
    return (corpus.claims[corpus.claims["story"].fillna("").isin(stories)],
            [p for p in corpus.pairs if p.get("cluster", "") in stories])


def _match(corpus: Corpus, doc: dict[str, Any], stories: set[str] | None) -> list:
    claims, _ = _subset(corpus, stories)
    with model.using(model.Matcher.from_dict(doc)):
        return pipeline.find_once_per_copy(claims)


def _score(corpus: Corpus, findings: list, stories: set[str] | None
           ) -> tuple[list[gold.PairOutcome], int, int, int]:
    claims, pairs = _subset(corpus, stories)
    texts = {a.id: a.text for a in corpus.articles}
    if corpus.located is None:
        corpus.located = gold.locate_all(corpus.claims, texts, corpus.pairs)
    outcomes = gold.score_pairs(corpus.articles, claims, findings, pairs, corpus.located)
    uncovered = gold.uncovered(claims, texts, findings, pairs, corpus.located)
    return (outcomes, sum(f.verdict == "contradict" for f in uncovered),
            sum(f.verdict == "explained" for f in uncovered),
            gold.merged_distinct(findings, pairs, corpus.located)[0])


def moved_probabilities(corpus: Corpus, doc: dict[str, Any], pairs: Sequence[dict]
                        ) -> list[float]:
    """P(same measure) of each agreeing labelled pair with one figure moved by 7%: what a
    report that changed the figure would score (the perturbation tests' question)."""
    scorer = model.Matcher.from_dict(doc).same_measure_differing.scorer(
        list(features.SAME_MEASURE))
    texts = {a.id: a.text for a in corpus.articles}
    out = []
    for p in pairs:
        if p["verdict"] != "agree":
            continue
        a = [c for c in gold.ends(corpus.claims, texts, p["a"]) if c in corpus.rows]
        b = [c for c in gold.ends(corpus.claims, texts, p["b"]) if c in corpus.rows]
        if not a or not b or corpus.kinds[a[0]] != corpus.kinds[b[0]]:
            continue
        ra, rb = corpus.rows[a[0]], corpus.rows[b[0]]
        story = corpus.stories[_story_of(ra)]
        if not features.same_value(ra, rb, story):
            continue
        moved = dict(ra, value=ra["value"] * 1.07, low=ra["low"] * 1.07,
                     high=ra["high"] * 1.07, _tolerant=None)
        out.append(scorer(features.vector(features.SAME_MEASURE, moved, rb, story)))
    return out


def _utility(outcomes: list[gold.PairOutcome], uncovered: int, noise: int, merged: int,
             articles: int, caught: float | None = None) -> float:
    # Each verdict class counts alike, so the thresholds do not trade one class for another;
    # the share of moved figures caught counts as one more class.
    summ = gold.summary(outcomes)
    per_class = [r / t for v, (r, t) in summ.items() if v != "all" and t]
    if caught is not None:
        per_class.append(caught)
    total = summ["all"][1] or 1
    over = max(0.0, uncovered - FALSE_ALARM_BUDGET * articles / 1000)
    noisy = max(0.0, noise - NOISE_BUDGET * articles / 1000)
    return (sum(per_class) / max(len(per_class), 1)
            - (FALSE_ALARM_COST * over + NOISE_COST * noisy + MERGE_COST * merged) / total)


def choose_thresholds(corpus: Corpus, doc: dict[str, Any], stories: set[str] | None) -> None:
    """Set doc's thresholds to those that score best on the given stories: one matching run at
    the lowest thresholds, then each combination filters its findings."""
    low = min(THRESHOLDS_SAME + THRESHOLDS_DIFFERENT + THRESHOLDS_FITTED_REASON)
    doc["thresholds"] = {"same_value": low, "different_value": low, "contradict": low,
                         "fitted_reason": low}
    found = _match(corpus, doc, stories)
    moved = moved_probabilities(corpus, doc, [p for p in corpus.pairs
                                              if stories is None or p.get("cluster") in stories])
    n_articles = sum(1 for a in corpus.articles if stories is None or (a.story or "") in stories)
    best = None
    # Among thresholds that score alike, the first met is kept: the highest for agreements
    # and explained differences (fewer findings, facts that mix less), the lowest for
    # contradictions (the most sensitive to a real discrepancy).
    grid = itertools.product(sorted(THRESHOLDS_SAME, reverse=True),
                             sorted(THRESHOLDS_DIFFERENT, reverse=True), THRESHOLDS_CONTRADICT,
                             sorted(THRESHOLDS_FITTED_REASON, reverse=True))
    for same, diff, contra, fitted in grid:
        th = {"same_value": same, "different_value": diff, "contradict": contra,
              "fitted_reason": fitted}
        m = model.Matcher.from_dict(doc | {"thresholds": th})
        # Findings the matcher made without a score (one toll on one day) always stay.
        kept = [f for f in found if f.kind != "cross-source" or f.score is None
                or f.score >= m.threshold(f.verdict, "p_explained" in f.details)]
        caught = sum(p >= contra for p in moved) / len(moved) if moved else None
        u = _utility(*_score(corpus, kept, stories), n_articles, caught)
        if best is None or u > best[0] + 1e-9:
            best = (u, th)
    assert best is not None
    doc["thresholds"] = best[1]


def cross_validate(corpus: Corpus, folds: int
                   ) -> tuple[list[gold.PairOutcome], int, int, int]:
    """Outcomes of every gold pair, each judged by weights fitted without its story."""
    from sklearn.model_selection import GroupKFold

    pairs = corpus.pairs
    groups = [p.get("cluster", "") for p in pairs]
    outcomes: list[gold.PairOutcome] = []
    uncovered = noise = merged = 0
    for train, test in GroupKFold(n_splits=folds).split(pairs, groups=groups):
        train_pairs = [pairs[i] for i in train]
        doc = fit_models(corpus, train_pairs)
        choose_thresholds(corpus, doc, {groups[i] for i in train})
        got, n, e, m = run(corpus, doc, {groups[i] for i in test})
        outcomes += got
        uncovered += n
        noise += e
        merged += m
    return outcomes, uncovered, noise, merged


def dev_corpus(shared: Path) -> Corpus:
    """The dev gold's stories, extracted."""
    pairs = gold.load_pairs(shared / "gold" / "dev.yaml")
    return load_corpus(gold.gold_articles(shared / "corpora", {p["cluster"] for p in pairs}),
                       pairs)


def seeds_corpus(shared: Path) -> Corpus:
    """The seed articles, extracted, with their gold pairs (one story)."""
    articles, _ = load_articles([SEEDS])
    return load_corpus(articles, gold.load_pairs(shared / "gold" / "seeds.yaml"))


def _scores(outcomes: list[gold.PairOutcome], uncovered: int, noise: int,
            merged: int) -> dict[str, Any]:
    summ = gold.summary(outcomes)
    return {v: f"{r}/{t}" for v, (r, t) in summ.items()} | {
        "uncovered_contradictions": uncovered, "uncovered_explained": noise,
        "distinct_in_one_fact": merged}


def main(argv: list[str] | None = None) -> int:
    """Refit the matcher on the gold pairs and write its JSON file."""
    p = argparse.ArgumentParser(prog="python -m factcheck.fit", description=__doc__.split("\n")[0])
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                   help="the shared folder with gold/ and corpora/ (default: ../shared)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds, by story")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the weights")
    args = p.parse_args(argv)
    if not (args.shared / "gold" / "dev.yaml").is_file():
        print(f"factcheck.fit: {args.shared} has no gold/dev.yaml", file=sys.stderr)
        return 1
    dev = dev_corpus(args.shared)
    cv = _scores(*cross_validate(dev, args.folds))
    print("cross-validated:", cv)
    doc = fit_models(dev, dev.pairs)
    choose_thresholds(dev, doc, None)
    fitted = _scores(*run(dev, doc))
    print("fitted:", fitted)
    out = {"format": "factcheck/matcher@1",
           "fitted_on": "gold/dev.yaml (pairs of ../shared/corpora, by story)",
           "command": "python -m factcheck.fit",
           "cross_validated": {"folds": args.folds, "by": "story"} | cv,
           "fitted": fitted} | doc
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
