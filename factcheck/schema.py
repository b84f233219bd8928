"""The data shapes that cross stage boundaries, declared once.

ingest -> Article; normalise -> claim table (CLAIM_COLUMNS); verdict -> Finding.
Every stage that produces a claim table ends with ``check_claims`` so a missing or
misnamed column fails at the boundary that made it, not three stages later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

FINDINGS_SCHEMA = "factcheck/findings@1"

# Column -> pandas dtype. Dates are ISO strings (YYYY-MM-DD) or None so they survive CSV/JSON
# unchanged; low/high are NaN when the wording leaves that side unbounded.
CLAIM_COLUMNS: dict[str, str] = {
    "id": "object",            # "<article id>#<n>", n counts claims in text order
    "article": "object",       # Article.id
    "value": "float64",        # the figure as stated, in base units (£240m -> 150000000)
    "low": "float64",          # lower end of the interval the wording allows (NaN = unbounded)
    "high": "float64",         # upper end (NaN = unbounded)
    "unit": "object",          # ISO 4217 code, 'percent', 'percentage_point', or singular noun
    "unit_family": "object",   # money | percent | duration | person | count | physical
    "bound": "object",         # exact | approx | lower | upper | range
    "text": "object",          # surface span exactly as in the article text
    "start": "int64",          # char offset of text in the article text
    "end": "int64",
    "sentence": "object",      # the sentence holding the claim
    "sentence_start": "int64", # char offset of the sentence in the article text
    "measure": "object",       # short normalised description of what is measured
    "noun": "object",          # the counted noun as written, singular ("migrant"), or ""
    "event": "object",         # what happened to what is counted (death, injury, arrest...), or ""
    "holder": "object",        # whose figure it is ("hansbrough" has 2,301 points), or ""
    "context": "object",       # content words near the figure, space separated, for matching
    "period_start": "object",  # YYYY-MM-DD or None
    "period_end": "object",
    "period_kind": "object",   # year | month | day | year-to-date | since | future | range | None
    "as_of": "object",         # YYYY-MM-DD the figure is stated to hold at (default: published)
    "role": "object",          # total | increment | difference | rate | change | part | None
    "phrase": "object",        # what the figure measures, words as written ("people in boats")
    "lemmas": "object",        # lemmas of the phrase's content words ("person boat"), or ""
    "running": "bool",         # a running count of a developing event (toll, "so far", to date)
    "vague": "bool",           # a vague amount ("hundreds", "tens of thousands"), never aligned
    "source": "object",        # Article.source, copied for matching and the report
    "published": "object",     # Article.published as YYYY-MM-DD or None
    "story": "object",         # Article.story: claims of different stories are never compared
}

BOUNDS = ("exact", "approx", "lower", "upper", "range")
VERDICTS = ("agree", "contradict", "explained")
KINDS = ("cross-source", "internal")


@dataclass(slots=True)
class Article:
    """One news article after ingest: its text and what we know of where it came from."""

    id: str
    text: str
    path: str
    source: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    story: str | None = None   # same-event cluster id when the input names one (JSONL cluster_id)

    @property
    def published_iso(self) -> str | None:
        """Publication date as YYYY-MM-DD, or None."""
        return self.published.isoformat() if self.published else None


@dataclass(slots=True)
class Problem:
    """An input that could not be used, and why: reported in one line, never fatal to the batch.

    ``skipped`` is False for a note on an input that was still read (a publication date that
    could not be understood): the article is checked, without that detail."""

    path: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Finding:
    """One verdict over two or more claims, with the explanation an editor reads."""

    id: str
    kind: str                  # cross-source | internal
    verdict: str               # agree | contradict | explained
    claims: list[str]          # claim ids
    explanation: str
    relation: str | None = None
    measure: str | None = None
    score: float | None = None
    details: dict = field(default_factory=dict)  # extra numbers for the report (e.g. rel. difference)


@dataclass(slots=True)
class Fact:
    """One measured quantity (what, where, when) with every source's figure: the unit an
    editor reviews. Its cross-source findings are the pairwise evidence."""

    id: str                    # K0001..., contradict first, then explained, then agree
    label: str                 # what is measured, in words an editor reads
    unit: str
    verdict: str               # contradict | explained | agree (the worst of its findings)
    claims: list[str]          # claim ids by publication date, then article, then position
    findings: list[str]        # finding ids
    sources: list[str]         # distinct outlets (article ids where the outlet is unknown)
    consensus: float | None = None   # the value most sources support; None when none leads
    outliers: list[str] = field(default_factory=list)   # claim ids set against the consensus
    period_start: str | None = None
    period_end: str | None = None
    as_of: str | None = None   # the latest date a figure of the fact holds at
    timeline: bool = False     # a running count reported at two or more dates
    copies: dict[str, list[str]] = field(default_factory=dict)  # claim id -> articles that carry
    # it word for word (wire copies, checked once through the claim)
    key: str = ""              # stable across runs: from its claims' articles, spans and values


def empty_claims() -> pd.DataFrame:
    """An empty claim table with every column and dtype in place."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in CLAIM_COLUMNS.items()})


def check_claims(df: pd.DataFrame) -> pd.DataFrame:
    """Return the claim table with columns in contract order, raising if one is missing."""
    missing = [c for c in CLAIM_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"claim table lacks columns: {', '.join(missing)}")
    extra = [c for c in df.columns if c not in CLAIM_COLUMNS]
    return df[list(CLAIM_COLUMNS) + extra]


def rows_by_index(table: pd.DataFrame) -> dict:
    """The table's rows as dicts keyed by index, built column-wise: ``to_dict("index")`` boxes
    every value one by one, and the matcher and the verdicts read every claim of a run."""
    columns = list(table.columns)
    values = [table[c].tolist() for c in columns]
    return {idx: dict(zip(columns, row)) for idx, row in zip(table.index.tolist(), zip(*values))}
