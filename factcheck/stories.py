"""Story grouping: articles about the same event, so that claims are only compared within one.

Comparing every claim of a night's feed with every other is quadratic; comparing claims within
a story is about linear in the number of articles, because stories stay small as the feed grows.
An article that names its story (a JSONL ``cluster_id``, a manifest ``story``) keeps it. The
others are linked when their signatures share words and their vocabularies are alike (a
signature is the words of an article that are rarest in the batch: names of people, places,
bodies), and only articles published within ``WINDOW_DAYS`` of each other are linked. Links are found through
an inverted index keyed by (word, week), so the cost grows with the number of articles, not
with its square.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from .lexicon import STOPWORDS
from .schema import Article

# How much of an article is read for its words: the title and (nearly always) the whole text.
LEAD_CHARS = 8000
# Words per signature, and how many two signatures must share to be the same story.
SIGNATURE_WORDS = 30
MIN_SHARED = 2
# ... and how alike their vocabularies must be (IDF-weighted Jaccard, 0..1).
MIN_SIMILARITY = 0.10
# A word in more than this share of the batch's articles (or this many) names no single event.
MAX_DOC_SHARE = 0.02
MIN_DOC_CAP = 25
# Articles further apart than this are different events even when their words agree.
WINDOW_DAYS = 7

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{2,}")
# Words that open news copy on every subject; they would link unrelated stories.
_FURNITURE = {"said", "says", "told", "news", "report", "reports", "reported", "according",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "june", "july", "august", "september",
              "october", "november", "december", "year", "years", "people", "time", "new",
              "first", "last", "week", "day", "today", "yesterday", "updated", "published"}


def article_words(article: Article) -> str:
    """The distinct content words of an article's title and text, lower-cased, sorted and
    joined by spaces (one string: cheap to send between processes and to keep in a store)."""
    text = f"{article.title or ''}\n{article.text[:LEAD_CHARS]}"
    out = set()
    for w in _WORD.findall(text):
        low = w.lower().strip("'’-")
        if len(low) > 2 and low not in STOPWORDS and low not in _FURNITURE:
            out.add(low)
    return " ".join(sorted(out))


def _similarity(a: np.ndarray, b: np.ndarray, idf: np.ndarray, weight_a: float,
                weight_b: float) -> float:
    """IDF-weighted Jaccard of two sorted word-id arrays (given each one's total weight):
    shared names count, shared common words barely."""
    # Sorted ids give the intersection in one order whatever the hash seed, so the sum (and
    # every link) is the same run after run.
    inter = float(idf[np.intersect1d(a, b, assume_unique=True)].sum())
    union = weight_a + weight_b - inter
    return inter / union if union > 0 else 0.0


def _week(article: Article) -> int | None:
    return article.published.toordinal() // WINDOW_DAYS if article.published else None


class _Components:
    """Union-find over article indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _close_in_time(a: Article, b: Article) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= WINDOW_DAYS


def group_stories(articles: Sequence[Article],
                  known_words: Mapping[str, str] | None = None) -> list[Article]:
    """Return the articles with ``story`` set: kept where given, found where missing.

    ``known_words`` gives the content words of articles whose text is not at hand (the history
    store keeps words, not texts, in memory). A found story is named ``auto-`` and a short hash
    of its smallest article id, so the same articles give the same names in any order.
    """
    todo = [i for i, a in enumerate(articles) if not a.story]
    if not todo:
        return list(articles)
    known = known_words or {}
    text = {i: known[articles[i].id] if articles[i].id in known else article_words(articles[i])
            for i in todo}
    df = Counter(w for i in todo for w in text[i].split())
    cap = max(MIN_DOC_CAP, int(MAX_DOC_SHARE * len(todo)))
    # Words no other article of the batch uses cannot be shared; leaving them out keeps a long
    # article from looking unlike a short one about the same event. The rest get ids in sorted
    # order, and each article keeps a sorted array of ids: a few hundred bytes, not a set.
    vocab = sorted(w for w, c in df.items() if c >= 2)
    word_id = {w: k for k, w in enumerate(vocab)}
    idf = np.array([math.log(1 + len(todo) / df[w]) for w in vocab])
    ids: dict[int, np.ndarray] = {}
    weight: dict[int, float] = {}
    signature: dict[int, list[str]] = {}
    for i in todo:
        shared = [w for w in text[i].split() if w in word_id]
        # The words are sorted and so are their ids: intersections need no further sort.
        ids[i] = np.array([word_id[w] for w in shared], dtype=np.int32)
        weight[i] = float(idf[ids[i]].sum())
        # Rarest first, ties broken by the word, so the signature is deterministic.
        signature[i] = [w for _, w in heapq.nsmallest(
            SIGNATURE_WORDS, ((df[w], w) for w in shared if df[w] <= cap))]
    del text

    index: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for i in todo:
        wk = _week(articles[i])
        for w in signature[i]:
            index[(w, wk)].append(i)

    comp = _Components(len(articles))
    for i in todo:
        wk = _week(articles[i])
        weeks = (wk,) if wk is None else (wk - 1, wk, wk + 1)
        counts: Counter[int] = Counter()
        for w in signature[i]:
            for k in weeks:
                for j in index.get((w, k), ()):
                    if j > i:
                        counts[j] += 1
        for j, n in counts.items():
            if (n >= MIN_SHARED and _close_in_time(articles[i], articles[j])
                    and _similarity(ids[i], ids[j], idf, weight[i], weight[j])
                    >= MIN_SIMILARITY):
                comp.union(i, j)

    # A story is named after the smallest id among its articles: the same articles give the
    # same name whatever order they come in.
    first_id: dict[int, str] = {}
    for i in todo:
        root = comp.find(i)
        aid = articles[i].id
        if root not in first_id or aid < first_id[root]:
            first_id[root] = aid
    out = list(articles)
    for i in todo:
        name = "auto-" + hashlib.sha1(first_id[comp.find(i)].encode("utf-8")).hexdigest()[:10]
        out[i] = replace(articles[i], story=name)
    return out


def pair_scores(truth: Sequence[str], found: Sequence[str]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against true labels (for the benchmark)."""
    def same_pairs(groups: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in groups.values())

    both = same_pairs(Counter(zip(truth, found)))
    in_found, in_truth = same_pairs(Counter(found)), same_pairs(Counter(truth))
    precision = both / in_found if in_found else 1.0
    recall = both / in_truth if in_truth else 1.0
    return precision, recall
