"""Benchmarks: ``python -m factcheck.bench extraction`` scores ``factcheck.extract`` on public
number/money suites and measures the normaliser's throughput on the real corpora;
``python -m factcheck.bench scale`` runs the whole pipeline on synthetic feeds of growing size
built from those corpora, one fresh process per size, and reports time per stage and peak memory.

Suites are read at run time, never copied into the project: the Recognizers-Text English specs
from ``../shared/benchmarks/recognizers-text`` and quantulum3's own test suite from its wheel
(``pip download --no-deps quantulum3==0.10.0``; skipped with a message when offline).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import multiprocessing
import os
import platform
import queue
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import gold, model, shapes
from .engine import ProcessEngine
from .ingest import load_articles
from .normalise import extract, extract_articles
from .pipeline import check_articles, write_outputs
from .schema import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Stories written and labelled blind to the code, in the project: regression sets.
NEWSROOM = Path(__file__).resolve().parents[1] / "tests" / "data" / "newsroom"
NEWSROOM_SETS = (NEWSROOM, NEWSROOM.with_name("newsroom2"))
DEFAULT_SIZES = (1_000, 10_000, 50_000)
# Replica k of the base set is moved 30*k days later (undated articles are put at this date +
# 30*k): a month apart, replicas are separate events to story grouping, as a newsroom's feed
# is. At 10 days apart, the few clusters whose own dates spread over several days chained their
# replicas into one story, which no real feed does.
REPLICA_SHIFT_DAYS = 30
# Feed shapes of the scale benchmark: replicas far apart in time, and wire copies that meet.
SCALE_SHAPES = ("spread", "syndicated")
UNDATED_BASE = dt.date(2024, 1, 1)
# Findings the scale run's HTML page lists in full; the JSON and CSV files still hold everything.
SCALE_REPORT_LIMIT = 500
RT_SPECS = ("benchmarks", "recognizers-text", "Specs")
QUANTULUM_VERSION = "0.10.0"

# Recognizers-Text / quantulum unit names -> the units factcheck writes.
UNIT_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR",
    "pound": "GBP", "british pound": "GBP", "pound sterling": "GBP", "penny": "GBP",
    "pence": "GBP", "japanese yen": "JPY", "yen": "JPY", "finnish markka": "FIM",
    "canadian dollar": "CAD", "australian dollar": "AUD", "swiss franc": "CHF",
    "indian rupee": "INR", "sri lankan rupee": "LKR", "chinese yuan": "CNY", "yuan": "CNY",
    "renminbi": "CNY",
    "kilometer": "km", "kilometre": "km", "mile": "mile", "meter": "m", "metre": "m",
    "centimeter": "cm", "centimetre": "cm", "millimeter": "mm", "millimetre": "mm",
    "decimeter": "dm", "decimetre": "dm",
    "foot": "ft", "inch": "inch", "yard": "yard", "kilogram": "kg", "gram": "g", "ton": "ton",
    "tonne": "tonne", "metric ton": "tonne", "hectare": "hectare", "acre": "acre",
    "mile per hour": "mph", "kilometer per hour": "km/h", "kilometre per hour": "km/h",
    "liter": "litre", "litre": "litre", "gallon": "gallon", "barrel": "barrel",
    "square kilometer": "km2", "square kilometre": "km2", "square mile": "mile2",
    "square meter": "m2", "square metre": "m2", "square foot": "ft2", "cubic foot": "ft3",
    "cubic meter": "m3", "cubic metre": "m3",
    "degree celsius": "degree_celsius", "degree fahrenheit": "degree_fahrenheit",
    "percentage": "percent", "percent": "percent", "ounce": "oz", "megabyte": "MB",
    "gigabyte": "GB", "terabyte": "TB", "milligram": "mg",
    # Currencies named unambiguously in the specs (a bare "franc" or "rupee" is one of
    # _NAMELESS: the name alone does not say whose).
    "bitcoin": "BTC", "turkish lira": "TRY", "mexican peso": "MXN", "hong kong dollar": "HKD",
    "peseta": "ESP", "netherlands guilder": "NLG", "costa rican colón": "CRC",
    "georgian lari": "GEL", "lao kip": "LAK", "new zealand dollar": "NZD",
    "south korean won": "KRW", "russian ruble": "RUB", "nigerian naira": "NGN",
}


# Names a Dimension spec means physically where the same word is money elsewhere.
_DIMENSION_NAMES = {"pound": "lb", "ounce": "oz", "milliliter": "ml", "millilitre": "ml"}
# A subunit the specs write, its currency and how many make one: factcheck keeps money in the
# currency itself ("470 pence" is 4.70 GBP, "2 satoshis" 2e-8 BTC).
_SUBUNITS = {"pence": ("pound", 100), "penny": ("pound", 100), "cent": ("dollar", 100),
             "cents": ("dollar", 100), "satoshi": ("bitcoin", 1e8)}
# A currency the specs name without its nation ("1,015 francs", "35 lakh rupees") is answered
# by any currency of that name: the suite leaves the nation open, factcheck has to choose one.
_NAMELESS = {
    "franc": frozenset({"CHF", "FRF", "BEF", "LUF", "XOF", "XAF", "XPF", "CDF", "RWF", "BIF",
                        "DJF", "GNF", "KMF"}),
    "rupee": frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}),
}


@dataclass
class Case:
    """One benchmark sentence and the figures it holds."""

    text: str
    values: list[float]
    units: list[str | frozenset | None] = field(default_factory=list)  # a set: any of
    intervals: list[tuple[float | None, float | None]] = field(default_factory=list)
    bounds: list[str | None] = field(default_factory=list)  # where the suite says it


@dataclass
class Score:
    """Precision, recall and F1 of values, plus bound/interval and unit accuracy."""

    suite: str
    cases: int
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_hits: int = 0
    unit_total: int = 0
    interval_hits: int = 0
    interval_total: int = 0
    bound_hits: dict[str, int] = field(default_factory=dict)
    bound_total: dict[str, int] = field(default_factory=dict)
    misses: Counter = field(default_factory=Counter)  # kind -> values missed or read wrongly

    @property
    def precision(self) -> float:
        """Share of predicted values that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold values found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0..100."""
        p, r = self.precision, self.recall
        return 100 * 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        """One printable row."""
        unit = (f"{100 * self.unit_hits / self.unit_total:5.1f}" if self.unit_total else "  n/a")
        ivl = (f"{100 * self.interval_hits / self.interval_total:5.1f}"
               if self.interval_total else "  n/a")
        total = sum(self.bound_total.values())
        bound = f"{100 * sum(self.bound_hits.values()) / total:5.1f}" if total else "  n/a"
        return (f"{self.suite:<22}{self.cases:>6}{100 * self.precision:>8.1f}"
                f"{100 * self.recall:>8.1f}{self.f1:>8.1f}{bound:>8}{ivl:>10}{unit:>8}")

    def misses_line(self) -> str | None:
        """The misses by kind, largest first, or None when there are none."""
        if not self.misses:
            return None
        parts = [f"{kind} {n}" for kind, n in self.misses.most_common()]
        return f"  {self.suite} misses by kind: " + ", ".join(parts)

    def bound_line(self) -> str | None:
        """Bound accuracy per kind of bound the suite states, or None if it states none."""
        if not self.bound_total:
            return None
        parts = [f"{b} {self.bound_hits.get(b, 0)}/{n}" for b, n in sorted(self.bound_total.items())]
        return f"  {self.suite} bounds right: " + ", ".join(parts)


# The kinds of figure the issue tracker sorts misses into, tested in this order on the words
# of a case with a miss (a missed value or a value read that the suite does not hold).
MISS_KINDS = (
    ("negative", re.compile(r"(?i)\bminus\b|\bnegative\b|−\d|(?<![\w\d])-\.?\d|<-")),
    ("range", re.compile(r"(?i)\bbetween\b|\bfrom\b.+\bto\b|\d\s?(?:-|–|to)\s?\$?\d|"
                         r"\b(?:more|less|fewer|greater|higher|lower)\s+(?:or\s+equal\s+)?than\b|"
                         r"\bor\s+(?:more|less|greater)\b")),
    ("multiplier or notation", re.compile(r"(?i)fold\b|\btimes\b|×|\d[eE][+-]?\d|"
                                          r"\d\s+(?:hundred|thousand|million|billion)\b|\d\s?B\b")),
    ("currency mark", re.compile(r"[$£€¥₹]|\b(?:[A-Z]{2,3}|Rs|RM|sen|cents?|pence|kuai|mao|"
                                 r"satoshis?)(?:\b|(?=\d))")),
    ("unit glued to the figure", re.compile(r"\d(?:[a-zA-Z°]|\s(?:m|dm|mm|cm|km|t|g)\b)")),
    ("name with a number", re.compile(r"[A-Za-z]&[A-Za-z]|\b[a-z]+[A-Z]|\b[A-Z][a-z]+\s\d+\b")),
)


def miss_kind(text: str) -> str:
    """The kind of figure a case with a miss holds ("other" when none of ``MISS_KINDS``)."""
    return next((kind for kind, pattern in MISS_KINDS if pattern.search(text)), "other")


HEADER = (f"{'suite':<22}{'cases':>6}{'P':>8}{'R':>8}{'F1':>8}{'bound':>8}{'interval':>10}"
          f"{'unit':>8}")


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _unit_name(name: str | None) -> str | None:
    if not name:
        return None
    key = name.lower().strip()
    return UNIT_NAMES.get(key, UNIT_NAMES.get(key.rstrip("s"), key))


def _interval(spec: str) -> tuple[float | None, float | None] | None:
    """'(20,35]' -> (20, 35); '[30,)' -> (30, None)."""
    m = re.fullmatch(r"[\[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]", spec.strip())
    if not m:
        return None
    return _num(m.group(1)) if m.group(1) else None, _num(m.group(2)) if m.group(2) else None


def load_recognizers(shared: Path, name: str) -> list[Case]:
    """Cases of one Recognizers-Text English spec (Number, Percent, NumberRange, Currency,
    Dimension)."""
    folder = "NumberWithUnit" if name in ("Currency", "Dimension") else "Number"
    path = shared.joinpath(*RT_SPECS, folder, "English", f"{name}Model.json")
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    cases = []
    for item in data:
        case = Case(item["Input"], [])
        for res in item.get("Results", []):
            r = res.get("Resolution") or {}
            if name == "NumberRange":
                ivl = _interval(str(r.get("value", "")))
                if ivl:
                    case.intervals.append(ivl)
                    case.values.append(ivl[0] if ivl[0] is not None else ivl[1])
                    case.bounds.append(_bound_of(ivl))
                continue
            v = _num(str(r.get("value", "")).rstrip("%"))
            if v is None:
                continue
            unit_name = str(r.get("unit", "")).lower()
            if unit_name in _SUBUNITS:
                currency, many = _SUBUNITS[unit_name]
                v, r = v / many, {**r, "unit": currency}
            case.values.append(v)
            if name == "Dimension":
                case.units.append(_DIMENSION_NAMES.get(str(r.get("unit", "")).lower())
                                  or _unit_name(r.get("unit")))
            else:
                unit = _unit_name(r.get("unit"))
                case.units.append(_NAMELESS.get(unit or "", unit) if name == "Currency"
                                  else ("percent" if name == "Percent" else None))
        cases.append(case)
    return cases


def load_quantulum(cache: Path | None = None) -> list[Case] | None:
    """quantulum3's own English test cases, from its wheel on the package index; None offline."""
    tmp = Path(cache or tempfile.mkdtemp(prefix="factcheck-bench-"))
    wheels = list(tmp.glob(f"quantulum3-{QUANTULUM_VERSION}-*.whl"))
    if not wheels:
        try:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                            f"quantulum3=={QUANTULUM_VERSION}", "-d", str(tmp)],
                           check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError):
            return None
        wheels = list(tmp.glob(f"quantulum3-{QUANTULUM_VERSION}-*.whl"))
        if not wheels:
            return None
    with zipfile.ZipFile(wheels[0]) as z:
        data = json.loads(z.read("quantulum3/_lang/en_US/tests/quantities.json"))
    # The suite marks a range ("8- to 16-meter") by an uncertainty; other bounds it leaves unsaid.
    return [Case(item["req"], [float(r["value"]) for r in item["res"]],
                 [_unit_name(r.get("unit")) for r in item["res"]],
                 bounds=["range" if r.get("uncertainty") else None for r in item["res"]])
            for item in data]


def _bound_of(ivl: tuple[float | None, float | None]) -> str:
    """The bound a gold interval states: (30, None) is a lower bound, (20, 35) a range."""
    low, high = ivl
    if high is None:
        return "lower"
    if low is None:
        return "upper"
    return "exact" if _same(low, high) else "range"


def _predictions(text: str, suite: str) -> list[dict]:
    """Claims extract() reads in a benchmark sentence, as plain dicts."""
    rows = extract(text).to_dict("records")
    if suite == "Currency":
        rows = [r for r in rows if r["unit_family"] == "money"]
    elif suite == "Percent":
        rows = [r for r in rows if r["unit_family"] == "percent"]
    elif suite == "Dimension":
        rows = [r for r in rows if r["unit_family"] == "physical"]
    elif suite == "NumberRange":
        rows = [r for r in rows if r["bound"] in ("lower", "upper", "range")]
    if suite != "Percent":
        # factcheck states a share written as a fraction ("more than 1/2 of the people") as a
        # percent, as editors do; the number suites state it as the fraction.
        rows = [_as_fraction(r) if r["unit"] == "percent" and not _PERCENT_WORD.search(r["text"])
                else r for r in rows]
    return rows


_PERCENT_WORD = re.compile(r"%|per\s*cent|percent|pct", re.IGNORECASE)


def _as_fraction(row: dict) -> dict:
    """A share claim read back as the fraction its text wrote."""
    out = dict(row)
    for col in ("value", "low", "high"):
        if isinstance(out.get(col), (int, float)) and math.isfinite(out[col]):
            out[col] = out[col] / 100.0
    return out


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score(suite: str, cases: Iterable[Case]) -> Score:
    """Score extract() on the cases: values matched one to one, then units and intervals."""
    cases = list(cases)
    s = Score(suite, len(cases))
    for case in cases:
        tp_before = s.tp
        preds = _predictions(case.text, suite)
        free = list(range(len(preds)))
        for i, expected in enumerate(case.values):
            hit = next((j for j in free if _same(preds[j]["value"], expected)
                        or (case.intervals and _same(_side(preds[j], case.intervals[i]),
                                                     expected))
                        or _range_end_is(preds[j], expected)),
                       None)
            if hit is None:
                s.fn += 1
                continue
            free.remove(hit)
            s.tp += 1
            p = preds[hit]
            if i < len(case.units) and case.units[i]:
                s.unit_total += 1
                s.unit_hits += _unit_is(p["unit"], case.units[i])
            if case.intervals:
                s.interval_total += 1
                s.interval_hits += _interval_matches(p, case.intervals[i])
            if i < len(case.bounds) and case.bounds[i]:
                b = case.bounds[i]
                s.bound_total[b] = s.bound_total.get(b, 0) + 1
                s.bound_hits[b] = s.bound_hits.get(b, 0) + (p["bound"] == b)
        s.fp += len(free)
        missed = len(free) + len(case.values) - (s.tp - tp_before)
        if missed:
            s.misses[miss_kind(case.text)] += missed
    return s


def _unit_is(unit: str | None, gold: str | frozenset) -> bool:
    """Whether a claim's unit is the suite's: its very unit, or one currency of a nameless set."""
    return unit in gold if isinstance(gold, frozenset) else unit == gold


def _range_end_is(pred: dict, gold: float) -> bool:
    """A suite that reads "eight to 10 feet" as 10 alone is answered by the range's high end."""
    low, high = pred.get("low"), pred.get("high")
    if pred.get("bound") != "range" or not all(isinstance(x, float) and not math.isnan(x)
                                               for x in (low, high)):
        return False
    # quantulum3's suite writes a range as its middle ("8- to 16-meter" is 12 +/- 4).
    return _same(high, gold) or _same((low + high) / 2, gold)


def _side(pred: dict, ivl: tuple[float | None, float | None]) -> float:
    """The end of the predicted interval that corresponds to the gold's stated end."""
    value = pred["low"] if ivl[0] is not None else pred["high"]
    return value if isinstance(value, float) and not math.isnan(value) else float("nan")


def _interval_matches(pred: dict, ivl: tuple[float | None, float | None]) -> bool:
    def end(x: float) -> float | None:
        return None if x is None or (isinstance(x, float) and math.isnan(x)) else x
    lo, hi = end(pred["low"]), end(pred["high"])
    return all((g is None and p is None) or (g is not None and p is not None and _same(g, p))
               for g, p in ((ivl[0], lo), (ivl[1], hi)))


def corpus_texts(shared: Path) -> list[str]:
    """The article texts of the real corpora in ../shared/corpora."""
    texts = []
    for f in sorted(shared.joinpath("corpora").glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def throughput(run: Callable[[], object], chars: int, repeats: int = 3) -> float:
    """Median characters a second of ``run()`` over ``chars`` characters, ``repeats`` times."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return chars / statistics.median(times)


def _each(fn: Callable[[str], object], texts: list[str]) -> Callable[[], None]:
    def run() -> None:
        for t in texts:
            fn(t)
    return run


def _quantulum_parser() -> Callable[[str], object] | None:
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None
    return parser.parse


def run_extraction(shared: Path, repeats: int, with_quantulum_suite: bool = True) -> list[Score]:
    """Print and return the extraction benchmark."""
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"python {platform.python_version()}, {sys.platform}")
    scores = [score(name, load_recognizers(shared, name))
              for name in ("Currency", "Percent", "NumberRange", "Dimension", "Number")]
    if with_quantulum_suite:
        q = load_quantulum()
        if q is None:
            print(f"quantulum3 suite: skipped (could not download quantulum3=={QUANTULUM_VERSION};"
                  " offline?)")
        else:
            scores.append(score("quantulum3-suite", q))
    print(HEADER)
    for s in scores:
        print(s.line())
    for s in scores:
        if s.bound_line():
            print(s.bound_line())
    for s in scores:
        if s.misses_line():
            print(s.misses_line())
    texts = corpus_texts(shared)
    mb = sum(len(t) for t in texts) / 1e6
    # The whole normaliser as a batch run uses it: every article into one claim table.
    articles = [Article(id=str(i), text=t, path="") for i, t in enumerate(texts)]
    chars = sum(len(t) for t in texts)
    ours = throughput(lambda: extract_articles(articles), chars, repeats)
    single = throughput(_each(extract, texts), chars, 1)
    print(f"throughput: normaliser (extract_articles, one table) {ours / 1e6:.2f} MB/s, median "
          f"of {repeats}; factcheck.extract one text at a time {single / 1e6:.2f} MB/s "
          f"({mb:.1f} MB of real news, one core)")
    qparse = _quantulum_parser()
    if qparse:
        sample = texts[: max(1, len(texts) // 10)]
        theirs = throughput(_each(qparse, sample), sum(len(t) for t in sample), 1)
        print(f"throughput: quantulum3 {theirs / 1e6:.3f} MB/s; ratio {ours / theirs:.1f}x")
    else:
        print("throughput: quantulum3 not installed (pip install quantulum3) - no ratio")
    return scores


SCALE_STAGES = ("read", "extract", "copies", "group", "match", "report")
SCALE_HEADER = (f"{'shape':>11}{'articles':>9}{'claims':>9}{'findings':>9}{'total s':>9}{'art/s':>8}"
                f"{'claims/s':>9}" + "".join(f"{s:>8}" for s in SCALE_STAGES)
                + f"{'ms/art':>8}{'main MB':>9}{'worker':>8}{'all MB':>8}")


def base_articles(shared: Path) -> list[Article]:
    """The project's seed articles, then every article of the real corpora in ../shared."""
    seeds, _ = load_articles([SEEDS])
    # The JSONL files by name: the folder itself also holds a README that ingest would read
    # as one more article. Records ingest cannot use (no text, odd dates) are its problems.
    corpora, _ = load_articles(sorted(shared.joinpath("corpora").glob("*.jsonl")))
    return seeds + corpora


def iter_feed(base: list[Article], n: int, shape: str = "spread") -> Iterator[Article]:
    """A feed of ``n`` articles made lazily from the base set: replicas, each with its own ids
    and dates (a feed streamed in, as a newsroom's inbox is read, not built in memory).

    ``spread``: replica k is published ``REPLICA_SHIFT_DAYS`` x k days later, so replicas never
    meet. ``syndicated``: copy k is published k weeks after the first plus 0-6 days, as wire
    copy is carried again by other outlets on later days, so copies of one story meet."""
    if not base:
        raise ValueError(f"no article could be read from the corpora or {SEEDS}")
    if shape not in SCALE_SHAPES:
        raise ValueError(f"unknown feed shape {shape!r}: one of {', '.join(SCALE_SHAPES)}")
    made, k = 0, 0
    while made < n:
        for a in base[: n - made]:
            # story=None: the corpora's cluster ids would make grouping free; the pipeline
            # must find the stories itself.
            yield replace(a, id=a.id if k == 0 else f"{a.id}~r{k}", story=None,
                          published=(a.published or UNDATED_BASE) + _shift(a.id, k, shape))
            made += 1
        k += 1


def _shift(article_id: str, k: int, shape: str) -> dt.timedelta:
    """How much later replica k of an article is published, in the feed's shape."""
    if shape == "spread" or k == 0:
        return dt.timedelta(days=REPLICA_SHIFT_DAYS * k)
    # 0-6 extra days, the same for the same article and copy in every run.
    extra = int(hashlib.sha1(f"{article_id}~{k}".encode()).hexdigest(), 16) % 7
    return dt.timedelta(weeks=k, days=extra)


def build_feed(shared: Path, n: int, shape: str = "spread") -> list[Article]:
    """A feed of ``n`` articles: replicas of the base set, each with its own ids and dates."""
    return list(iter_feed(base_articles(shared), n, shape))


def _scale_child(shared: str, n: int, workers: int, shape: str,
                 out: multiprocessing.Queue) -> None:
    """One size, end to end, in a fresh process (so ru_maxrss is this size's peak alone)."""
    try:
        t = time.perf_counter()
        base = base_articles(Path(shared))
        read = time.perf_counter() - t
        engine = ProcessEngine(workers)
        try:
            # Streamed as the command line streams files: texts are dropped once extracted.
            result = check_articles(iter_feed(base, n, shape), engine=engine, group=True,
                                    keep_text=False)
        finally:
            # Closed before measuring: RUSAGE_CHILDREN only covers workers already waited for.
            engine.close()
        t = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as tmp:
            write_outputs(result, tmp, limit=SCALE_REPORT_LIMIT)
        report = time.perf_counter() - t
        # ru_maxrss is in KB on Linux. For RUSAGE_CHILDREN it is the largest single worker, not
        # a sum; "all" adds one such worker per worker process to this one's peak: an upper
        # bound of the run's total (peaks need not coincide, and forked pages are shared).
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        # Articles with no figure join no story (they take part in no finding).
        per_story = Counter(a.story for a in result.articles if a.story)
        out.put({"shape": shape, "articles": len(result.articles), "claims": len(result.claims),
                 "findings": len(result.findings), "facts": len(result.facts),
                 "stories": len(per_story), "largest": max(per_story.values(), default=0),
                 "copy_groups": len(set(result.copy_groups.values())),
                 "copy_articles": len(result.copy_groups), "read": read,
                 "group": result.timings.get("group", 0.0),
                 "copies": result.timings.get("copies", 0.0),
                 "extract": result.timings.get("extract", 0.0),
                 "match": result.timings.get("match", 0.0), "report": report,
                 "rss_main_mb": own, "rss_workers_mb": kids,
                 "peak_mb": own + workers * kids if workers > 1 else own})
    except BaseException as exc:  # the parent must hear of it, not wait for a row forever
        out.put({"error": f"{type(exc).__name__}: {exc}"})
        raise


def _run_one(shared: Path, n: int, workers: int, shape: str = "spread") -> dict:
    """The row of one size, measured in a spawned child process."""
    # spawn, not fork: a forked child would start with this process's memory already counted.
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=_scale_child, args=(str(shared), n, workers, shape, out))
    child.start()
    while True:
        try:
            row = out.get(timeout=1)
            break
        except queue.Empty:
            if not child.is_alive():
                raise RuntimeError(f"scale run of {n} articles died (exit {child.exitcode})")
    child.join()
    if "error" in row:
        raise RuntimeError(f"scale run of {n} articles failed: {row['error']}")
    row["total"] = sum(row[s] for s in SCALE_STAGES)
    row["articles_per_s"] = row["articles"] / row["total"]
    row["claims_per_s"] = row["claims"] / row["total"]
    row["ms_per_article"] = 1000 * row["total"] / row["articles"]
    row["workers"] = workers
    return row


def scale_line(row: dict) -> str:
    """One printable row of the scale benchmark."""
    return (f"{row['shape']:>11}{row['articles']:>9}{row['claims']:>9}{row['findings']:>9}"
            f"{row['total']:>9.2f}{row['articles_per_s']:>8.0f}{row['claims_per_s']:>9.0f}"
            + "".join(f"{row[s]:>8.2f}" for s in SCALE_STAGES)
            + f"{row['ms_per_article']:>8.2f}{row['rss_main_mb']:>9.0f}"
            f"{row['rss_workers_mb']:>8.0f}{row['peak_mb']:>8.0f}")


def shape_line(row: dict) -> str:
    """What the run made of the feed: stories, the largest, copy groups, facts, findings."""
    return (f"{'':>11}{row['stories']} stories (largest {row['largest']} articles), "
            f"{row['copy_groups']} copy groups holding {row['copy_articles']} articles, "
            f"{row['facts']} facts, {row['findings']} findings "
            f"({row['findings'] / max(row['facts'], 1):.1f} per fact)")


def run_scale(shared: Path, sizes: list[int], workers: int,
              feed_shapes: Iterable[str] = SCALE_SHAPES) -> list[dict]:
    """Print and return the scale benchmark: one row per feed shape and size."""
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"{os.cpu_count()} cpus, python {platform.python_version()}, {sys.platform}; "
          f"{workers} workers")
    print(SCALE_HEADER)
    rows = []
    for shape in feed_shapes:
        for n in sizes:
            rows.append(_run_one(shared, n, workers, shape))
            print(scale_line(rows[-1]), flush=True)
            print(shape_line(rows[-1]), flush=True)
    print("stages in seconds; read = building the feed from the corpora; "
          "main MB = peak RSS of the run's process; worker = the largest worker's; all MB = "
          "main + workers x worker, an upper bound of the whole run")
    return rows


# --- story: one big story alone ----------------------------------------------------------

# A big news day's story: this many distinct reports that the input names as one story.
STORY_ARTICLES = 400


def _story_child(shared: str, n: int, out: multiprocessing.Queue) -> None:
    """One story of ``n`` distinct articles checked in this fresh process (one core)."""
    try:
        story = [replace(a, story="one big story") for a in base_articles(Path(shared))[:n]]
        t = time.perf_counter()
        result = check_articles(story)
        seconds = time.perf_counter() - t
        out.put({"articles": len(result.articles), "claims": len(result.claims),
                 "findings": len(result.findings), "facts": len(result.facts),
                 "seconds": seconds, "match": result.timings.get("match", 0.0),
                 "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    except BaseException as exc:
        out.put({"error": f"{type(exc).__name__}: {exc}"})
        raise


def run_story(shared: Path, n: int, repeats: int) -> dict:
    """Print and return the median time of one story of ``n`` distinct articles, checked
    alone in one process: every pair of its reports may be compared."""
    ctx = multiprocessing.get_context("spawn")
    rows = []
    for _ in range(max(1, repeats)):
        out = ctx.Queue()
        child = ctx.Process(target=_story_child, args=(str(shared), n, out))
        child.start()
        row = out.get()
        child.join()
        if "error" in row:
            raise RuntimeError(f"story run failed: {row['error']}")
        rows.append(row)
    row = dict(rows[0], seconds=statistics.median(r["seconds"] for r in rows),
               match=statistics.median(r["match"] for r in rows),
               peak_mb=max(r["peak_mb"] for r in rows))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, python "
          f"{platform.python_version()}; one process; median of {len(rows)}")
    print(f"one story of {row['articles']} articles, {row['claims']} claims: "
          f"{row['seconds']:.2f} s (matching {row['match']:.2f} s), peak {row['peak_mb']:.0f} MB; "
          f"{row['facts']} facts, {row['findings']} findings")
    return row


# --- stress: a feed with bad files in it -------------------------------------------------

# The size limit of the stress run; its "huge" bad files are just over it.
STRESS_MAX_BYTES = 200_000
# Kinds of bad file, taken in turn: (file name suffix, content). Each must be named, once.
_BAD_KINDS: list[tuple[str, bytes]] = [
    (".txt", b""),                                                   # empty
    (".txt", bytes(range(256)) * 8),                                 # binary, NULs and all
    (".txt", b"12 boats crossed. " * (STRESS_MAX_BYTES // 18 + 100)),  # over the size limit
    (".jsonl", b'{"id": "x", "text": "5 boats"\n{not json at all}\n'),  # malformed JSONL
    (".pdf", b"%PDF-1.4 not a format we read"),                     # unsupported type
    (".html", b"<html><head><script>var x = 1;</script></head><body></body></html>"),  # no text
    (".json", b"[1, 2, 3"),                                          # truncated JSON
    (".txt", b" \n\t \r\n  \n"),                                  # only white space
]


def build_stress_inbox(folder: Path, shared: Path, n: int, bad_share: float = 0.05
                       ) -> tuple[set[str], set[Path]]:
    """Write ``n`` article files into ``folder`` (the scale benchmark's feed, as text files with
    a manifest of outlets and dates), ``bad_share`` of them broken in turn in each way a feed
    breaks; return the ids of the good articles and the paths of the bad files."""
    feed = build_feed(shared, n)
    folder.mkdir(parents=True, exist_ok=True)
    n_bad = round(n * bad_share)
    bad_every = n / n_bad if n_bad else n + 1
    good, bad = set(), set()
    rows = ["file,id,source,published,title"]
    k_bad = 0
    for i, art in enumerate(feed):
        if k_bad < n_bad and int(k_bad * bad_every) == i:
            suffix, data = _BAD_KINDS[k_bad % len(_BAD_KINDS)]
            path = folder / f"bad-{i:05d}{suffix}"
            path.write_bytes(data)
            bad.add(path)
            k_bad += 1
            continue
        name = f"good-{i:05d}.txt"
        (folder / name).write_text(art.text, encoding="utf-8")
        good.add(art.id)
        rows.append(",".join(_csv_cell(v) for v in (name, art.id, art.source or "",
                                                     art.published_iso or "", art.title or "")))
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return good, bad


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value


def run_stress(shared: Path, n: int, bad_share: float, workers: int) -> dict:
    """Print and return the stress run: every bad file named, no good article lost."""
    with tempfile.TemporaryDirectory(prefix="factcheck-stress-") as tmp:
        inbox = Path(tmp) / "inbox"
        good, bad = build_stress_inbox(inbox, shared, n, bad_share)
        t = time.perf_counter()
        articles, problems = load_articles([inbox], max_bytes=STRESS_MAX_BYTES)
        engine = ProcessEngine(workers)
        try:
            result = check_articles(articles, problems, engine=engine, group=True)
        finally:
            engine.close()
        write_outputs(result, Path(tmp) / "out", limit=SCALE_REPORT_LIMIT)
        seconds = time.perf_counter() - t
    named = {Path(p.path.split(":")[0]) for p in problems}
    row = {"files": n, "bad": len(bad), "good": len(good),
           "read": sum(1 for a in articles if a.id in good),
           "lost": sorted(good - {a.id for a in articles}),
           "unnamed": sorted(str(p) for p in bad - named),
           "problems": len(problems), "claims": len(result.claims),
           "findings": len(result.findings), "seconds": seconds}
    print(f"stress: {n} files, {len(bad)} bad ({bad_share:.0%}): {row['read']} of {len(good)} "
          f"good articles read, {len(row['lost'])} lost; {len(bad) - len(row['unnamed'])} of "
          f"{len(bad)} bad files named ({len(problems)} problem lines); {row['claims']} claims, "
          f"{row['findings']} findings; {seconds:.1f} s end to end with {workers} workers")
    return row


# What each hostile shape may cost, per article (issue "No article can stall a night").
SHAPE_SECONDS, SHAPE_MB = 2.0, 300.0


def run_shapes(repeats: int) -> bool:
    """Print each hostile shape's median time and peak memory; True when all are in bounds."""
    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, python "
          f"{platform.python_version()}, {sys.platform}; median of {repeats} runs, each in a "
          f"fresh process (the time excludes start-up: a night run is warm)")
    ok = True
    for name in shapes.SHAPES:
        runs = []
        for _ in range(repeats):
            with tempfile.TemporaryDirectory(prefix="factcheck-shape-") as tmp:
                runs.append(shapes.check_shape(name, Path(tmp)))
        run = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
        within = run.seconds <= SHAPE_SECONDS and run.peak_mb <= SHAPE_MB
        ok &= within or name == "long JSONL line"  # a 50 MB record is named, not checked
        print(shapes.shape_line(run) + ("" if within else "  [over]"))
    return ok


def _print_outcomes(name: str, outcomes: list, uncovered: list, verbose: bool) -> None:
    """One gold set's scores per verdict, its misses by kind and the uncovered contradictions."""
    summ = gold.summary(outcomes)
    right, total = summ["all"]
    parts = [f"{v} {r}/{t}" for v, (r, t) in summ.items() if v != "all" and t]
    print(f"{name}: {right}/{total} ({right / max(total, 1):.1%}): " + ", ".join(parts))
    explained = [o for o in outcomes if o.verdict == "explained" and o.ok]
    if explained:
        print(f"  explained with the gold relation: "
              f"{sum(o.relation_ok for o in explained)}/{len(explained)}")
    kinds = Counter((o.verdict, o.kind) for o in outcomes if not o.ok)
    for (verdict_, kind), n in sorted(kinds.items()):
        print(f"  missed {verdict_:<10} {kind:<14} {n}")
    print(f"  contradictions no gold pair covers: {len(uncovered)}")
    if verbose:
        for o in outcomes:
            if not o.ok:
                print(f"    {o.id} [{o.story}] {o.verdict}/{o.kind}: {o.why}")
        for f in uncovered:
            print(f"    uncovered {f.id}: {f.explanation[:200]}")


def newsroom_outcomes(root: Path) -> tuple[list, list]:
    """The newsroom set's gold outcomes and its contradictions that no gold pair covers."""
    pairs = gold.load_pairs(root / "gold.yaml")
    articles = gold.story_folder_articles(root)
    res = check_articles(articles)
    texts = {a.id: a.text for a in articles}
    located = gold.locate_all(res.claims, texts, pairs)
    return (gold.score_pairs(articles, res.claims, res.findings, pairs, located),
            gold.uncovered_contradictions(res.claims, texts, res.findings, pairs, located))


def run_gold(shared: Path, verbose: bool = False) -> dict:
    """Score the seeds and the dev gold's clusters; print and return the outcomes."""
    out = {}
    seeds_pairs = gold.load_pairs(shared / "gold" / "seeds.yaml")
    seeds_articles, _ = load_articles([SEEDS])
    res = check_articles(seeds_articles)
    texts = {a.id: a.text for a in seeds_articles}
    out["seeds"] = gold.score_pairs(seeds_articles, res.claims, res.findings, seeds_pairs)
    _print_outcomes("seeds", out["seeds"],
                    [f for f in res.findings if f.verdict == "contradict"], verbose)
    dev_pairs = gold.load_pairs(shared / "gold" / "dev.yaml")
    articles = gold.gold_articles(shared / "corpora", {p["cluster"] for p in dev_pairs})
    t = time.perf_counter()
    res = check_articles(articles)
    seconds = time.perf_counter() - t
    texts = {a.id: a.text for a in articles}
    located = gold.locate_all(res.claims, texts, dev_pairs)
    out["dev"] = gold.score_pairs(articles, res.claims, res.findings, dev_pairs, located)
    uncovered = gold.uncovered_contradictions(res.claims, texts, res.findings, dev_pairs,
                                              located)
    _print_outcomes("dev", out["dev"], uncovered, verbose)
    merged, distinct = gold.merged_distinct(res.findings, dev_pairs, located)
    print(f"  distinct pairs whose figures share one fact: {merged}/{distinct}; "
          f"{len(res.facts)} facts")
    print(f"  ({len(articles)} articles, {len(res.claims)} claims, {len(res.findings)} findings,"
          f" {seconds:.1f} s)")
    out["dev_uncovered"] = uncovered
    for root in NEWSROOM_SETS:
        if (root / "gold.yaml").is_file():
            out[root.name], out[f"{root.name}_uncovered"] = newsroom_outcomes(root)
            _print_outcomes(root.name, out[root.name], out[f"{root.name}_uncovered"], verbose)
    meta = model.load().meta
    if "cross_validated" in meta:
        cv = meta["cross_validated"]
        print(f"cross-validated by story ({cv.get('folds')} folds, from factcheck/data/"
              f"matcher.json; refit with python -m factcheck.fit): "
              + ", ".join(f"{k} {v}" for k, v in cv.items() if k not in ("folds", "by")))
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line of the benchmarks."""
    p = argparse.ArgumentParser(prog="python -m factcheck.bench",
                                description="Benchmarks of factcheck (medians, with the machine).")
    p.add_argument("what", choices=["extraction", "scale", "story", "stress", "gold"],
                   help="which benchmark to run")
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                   help="the shared folder with benchmarks/ and corpora/ (default: ../shared)")
    p.add_argument("--repeats", type=int, default=3, help="timing runs; the median is reported")
    p.add_argument("--offline", action="store_true", help="skip the quantulum3 suite download")
    p.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                   help="scale: articles per synthetic feed (default: 1000 10000 50000)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="scale: worker processes of the engine (default: one per cpu)")
    p.add_argument("--shape", choices=SCALE_SHAPES + ("both",), default="both",
                   help="scale: the feed's shape: replicas a month apart (spread), wire copies "
                        "carried again over eight weeks (syndicated), or both (default)")
    p.add_argument("--n", type=int, default=None,
                   help="stress: files in the inbox (default: 10000); story: its articles "
                        f"(default: {STORY_ARTICLES})")
    p.add_argument("--shapes", action="store_true",
                   help="stress: check each hostile shape of input (flattened tables, a "
                        "sentence of 10,000 figures, deep HTML, a 50 MB JSONL line, symlinks, "
                        "invisible characters) in a fresh process; time and peak memory")
    p.add_argument("--bad-share", type=float, default=0.05,
                   help="stress: share of the files that are broken (default 0.05)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="gold: list every missed pair and uncovered contradiction")
    args = p.parse_args(argv)
    if args.what == "gold":
        if not args.shared.joinpath("gold", "dev.yaml").is_file():
            print(f"factcheck.bench: {args.shared} has no gold/dev.yaml", file=sys.stderr)
            return 1
        run_gold(args.shared, args.verbose)
        return 0
    if args.what == "stress" and args.shapes:
        return 0 if run_shapes(args.repeats) else 1
    if args.what == "stress":
        if not args.shared.joinpath("corpora").is_dir():
            print(f"factcheck.bench: {args.shared} has no corpora/", file=sys.stderr)
            return 1
        row = run_stress(args.shared, args.n or 10_000, args.bad_share, max(1, args.workers))
        return 0 if not row["lost"] and not row["unnamed"] else 1
    if args.what == "story":
        if not args.shared.joinpath("corpora").is_dir():
            print(f"factcheck.bench: {args.shared} has no corpora/", file=sys.stderr)
            return 1
        run_story(args.shared, args.n or STORY_ARTICLES, args.repeats)
        return 0
    if args.what == "scale":
        if not args.shared.joinpath("corpora").is_dir():
            print(f"factcheck.bench: {args.shared} has no corpora/", file=sys.stderr)
            return 1
        run_scale(args.shared, args.sizes, max(1, args.workers),
                  SCALE_SHAPES if args.shape == "both" else (args.shape,))
        return 0
    if not args.shared.joinpath(*RT_SPECS).is_dir():
        print(f"factcheck.bench: {args.shared} has no benchmarks/recognizers-text", file=sys.stderr)
        return 1
    run_extraction(args.shared, args.repeats, not args.offline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
