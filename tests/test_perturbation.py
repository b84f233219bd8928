"""Hand-made perturbations: change one figure in a copy of an article, and an agreement must
become a contradiction. On the seeds, and on real multi-outlet clusters from ../shared/corpora."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import defaultdict

import pytest

from conftest import SEEDS, shared_path
from factcheck import features, match, model, pipeline
from factcheck.schema import Article

# (seed file, text as written, text written instead, claim before, claim after, claim in the
# other article). Near misses: the slips an editor most needs caught.
SEED_PERTURBATIONS = [
    ("001_6f21b80cc08b4ea9.txt", "31,094 people", "30,094 people", "31,094", "30,094",
     "more than 31,000"),
    ("000_fef85eed45f85421.txt", "100 specialist investigators",
     "108 specialist investigators", "100", "108", "100"),
    ("002_21be18865220f42c.txt", "more than 31,000 have", "more than 32,000 have",
     "more than 31,000", "more than 32,000", "31,094"),
]


def _verdicts_between(result, a_text, b_text):
    c = result.claims
    ids_a = set(c[c["text"] == a_text]["id"])
    ids_b = set(c[c["text"] == b_text]["id"])
    return {f.verdict for f in result.findings
            if ids_a & set(f.claims) and ids_b & set(f.claims)}


@pytest.mark.parametrize("name,old,new,old_figure,new_figure,other", SEED_PERTURBATIONS,
                         ids=[getattr(p, "values", p)[4] for p in SEED_PERTURBATIONS])
def test_seed_perturbation_turns_agree_into_contradict(tmp_path, name, old, new, old_figure,
                                                       new_figure, other):
    before = pipeline.check([SEEDS])
    assert "agree" in _verdicts_between(before, old_figure, other)

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    after = pipeline.check([folder])
    assert "contradict" in _verdicts_between(after, new_figure, other)


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _clusters(limit: int):
    """Real clusters with dated articles from two or more outlets."""
    path = shared_path("corpora", "basil_all.jsonl")
    groups = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            r = json.loads(line)
            groups[r["cluster_id"]].append(Article(
                id=f"b{i}", text=r["text"], path=str(path), source=r["source"],
                published=dt.date.fromisoformat(r["date"][:10])))
    return [arts for _, arts in sorted(groups.items())][:limit]


def _holds_when_moved(claims, pair, share=1.07):
    """True when the matcher would still pair the two claims with one figure moved by 7%."""
    rows, kinds = match.prepared(claims)
    story = features.Story.of(rows, kinds)
    a, b = (next(r for r in rows if r["id"] == c) for c in pair)
    moved = {**a, "value": a["value"] * share, "low": a["low"] * share,
             "high": a["high"] * share}
    m = model.current()
    names = list(features.SAME_MEASURE)
    return m.same_measure.probability(
        names, features.vector(features.SAME_MEASURE, moved, b, story)) >= m.min_contradict


@pytest.mark.xfail(strict=True, reason="known miss of the fitted matcher (issue 11): the "
                   "dev gold cannot tell a moved figure from chance near figures; 2 of 29")
def test_corpus_perturbations_turn_agreements_into_contradictions():
    """In each real cluster with a strong exact, unround agreement, move one figure by 7%."""
    tried = flipped = 0
    for arts in _clusters(100):
        result = pipeline.check_articles(arts)
        recs = result.claims.set_index("id").to_dict("index")
        agree = next((f for f in result.findings if f.verdict == "agree" and f.kind ==
                      "cross-source" and all(_DIGITS.search(recs[c]["text"]) and
                                             recs[c]["bound"] == "exact" and
                                             recs[c]["value"] >= 10 and
                                             recs[c]["value"] % 10 != 0 for c in f.claims)
                      # Agreements whose alignment would hold for differing figures too; the
                      # ones resting on the identical figure alone cannot flip by design.
                      and _holds_when_moved(result.claims, f.claims)), None)
        if agree is None:
            continue
        a_id, b_id = agree.claims
        a = recs[a_id]
        number = _DIGITS.search(a["text"])
        # Move the figure by 7%, written the way it was (separators, decimals).
        decimals = len(number.group().split(".")[1]) if "." in number.group() else 0
        changed = float(number.group().replace(",", "")) * 1.07
        written = f"{changed:,.{decimals}f}" if "," in number.group() else f"{changed:.{decimals}f}"
        art = next(x for x in arts if x.id == a["article"])
        # A copy that reports a different figure says it wherever the original said it.
        same = re.compile(rf"(?<![\d,.]){re.escape(number.group())}(?![\d]|[,.]\d)")
        mutated = Article(id=art.id, text=same.sub(written, art.text), path=art.path,
                          source=art.source, published=art.published)
        after = pipeline.check_articles([mutated if x.id == art.id else x for x in arts])
        c = after.claims
        moved = set(c[(c["article"] == art.id) & (c["start"] == a["start"])]["id"])
        tried += 1
        if any(f.verdict == "contradict" and moved & set(f.claims) and b_id in f.claims
               for f in after.findings):
            flipped += 1
    assert tried >= 5, "too few clusters with an exact agreement to test"
    # Floor: at least this share of perturbations must be caught (only ever raise it).
    assert flipped / tried >= 0.5, f"{flipped} of {tried} perturbations caught"
