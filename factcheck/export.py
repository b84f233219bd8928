"""Findings -> findings.json (the factcheck/findings@1 contract) and claims.csv."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from . import facts as facts_mod
from .fsutil import atomic_write_text, atomic_writer
from .schema import CLAIM_COLUMNS, FINDINGS_SCHEMA, Article, Fact, Finding, check_claims

_INT_COLUMNS = ("start", "end", "sentence_start")


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: NaN/NA -> None, numpy scalars -> Python, dates -> ISO.

    >>> import numpy as np
    >>> _plain(np.float64("nan")), _plain(np.int64(3)), _plain({"b": [np.bool_(True)], "a": 1.5})
    (None, 3, {'a': 1.5, 'b': [True]})
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, Mapping):
        # Sorted keys: the same details give the same JSON text whatever their insertion order.
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):   # pd.Timestamp is a datetime
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()   # numpy scalar -> Python scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def claim_records(claims: pd.DataFrame) -> list[dict[str, Any]]:
    """The claim table as JSON-ready dicts with every contract column, in contract order."""
    return [rec for part in _record_slices(claims) for rec in part]


def _record_slices(claims: pd.DataFrame, size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """JSON-ready claim records, a slice of the table at a time (bounded memory)."""
    table = check_claims(claims)[list(CLAIM_COLUMNS)]
    for i in range(0, len(table), size):
        yield _records_of(table.iloc[i:i + size])


def _records_of(table: pd.DataFrame) -> list[dict[str, Any]]:
    # Column-wise to Python scalars (NaN/NA -> None) in one pass; a per-cell conversion costs
    # seconds on a nightly run.
    columns = {}
    for c in CLAIM_COLUMNS:
        col = table[c]
        values = col.astype(object).where(col.notna(), None).tolist()
        if c in _INT_COLUMNS:
            values = [int(v) for v in values]
        elif c == "value":
            values = [float(v) for v in values]
        elif col.dtype == object:
            values = [_plain(v) if v is not None and not isinstance(v, (str, bool, int, float))
                      else (None if isinstance(v, float) and not math.isfinite(v) else v)
                      for v in values]
        else:
            values = [None if isinstance(v, float) and not math.isfinite(v) else _plain(v)
                      for v in values]
        columns[c] = values
    return [dict(zip(CLAIM_COLUMNS, row)) for row in zip(*columns.values())] if len(table) else []


def _article_record(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "title": a.title, "published": a.published_iso,
            "url": a.url, "path": str(a.path), "story": a.story}


def finding_record(f: Finding) -> dict[str, Any]:
    """One finding as its findings.json record."""
    return {"id": f.id, "kind": f.kind, "verdict": f.verdict, "relation": f.relation,
            "claims": [str(c) for c in f.claims], "measure": f.measure,
            "explanation": f.explanation, "score": _plain(f.score),
            "details": _plain(dict(f.details))}


def fact_record(k: Fact) -> dict[str, Any]:
    """One fact as its findings.json record (with its stable ``key``)."""
    # The contract counts sources; the names travel beside the count as "outlets".
    return {"id": k.id, "label": k.label, "unit": k.unit, "verdict": k.verdict,
            "claims": list(k.claims), "findings": list(k.findings), "sources": len(k.sources),
            "outlets": list(k.sources), "consensus": _plain(k.consensus),
            "outliers": list(k.outliers), "period_start": k.period_start,
            "period_end": k.period_end, "as_of": k.as_of, "timeline": k.timeline,
            "carried_by": {c: list(a) for c, a in sorted(k.copies.items())}, "key": k.key}


def findings_document(articles: list[Article], claims: pd.DataFrame, findings: list[Finding],
                      generated_at: str, facts: list[Fact] | None = None) -> dict[str, Any]:
    """The findings.json document; the same inputs give the same document but for generated_at.

    ``facts`` default to those the findings make (``facts.build_facts``)."""
    if facts is None:
        facts = facts_mod.build_facts(claims, findings)
    return {
        "schema": FINDINGS_SCHEMA,
        "generated_at": generated_at,
        "articles": [_article_record(a) for a in articles],
        "claims": claim_records(claims),
        "findings": [finding_record(f) for f in findings],
        "facts": [fact_record(k) for k in facts],
    }


def write_findings_stream(path: str | os.PathLike, articles: list[Article],
                          claims: pd.DataFrame, findings: list[Finding],
                          generated_at: str, facts: list[Fact] | None = None) -> None:
    """Write findings.json record by record (the same text as ``dumps_document`` of
    ``findings_document``), atomically, without holding the document in memory."""
    if facts is None:
        facts = facts_mod.build_facts(claims, findings)
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    def records() -> Iterator[tuple[str, Iterator[Any]]]:
        yield "articles", (_article_record(a) for a in articles)
        yield "claims", (rec for part in _record_slices(claims) for rec in part)
        yield "findings", (finding_record(f) for f in findings)
        yield "facts", (fact_record(k) for k in facts)

    with atomic_writer(path) as fh:
        fh.write(f"{{\n  {one('schema')}: {one(FINDINGS_SCHEMA)},\n"
                 f"  {one('generated_at')}: {one(generated_at)}")
        for key, items in records():
            fh.write(f",\n  {one(key)}: ")
            first = True
            for item in items:
                fh.write(("[\n    " if first else ",\n    ") + one(item))
                first = False
            fh.write("[]" if first else "\n  ]")
        fh.write("\n}\n")


def dumps_document(doc: dict[str, Any]) -> str:
    """The document as JSON text with one record per line: readable and diffable, and fast
    (json's C encoder writes each record; ``indent=`` would force the pure-Python one, ten
    times slower on a nightly run's hundred thousand records)."""
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            body = ",\n".join("    " + one(item) for item in value)
            parts.append(f"  {one(key)}: [\n{body}\n  ]")
        else:
            parts.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_findings_json(path: str | os.PathLike, doc: dict[str, Any]) -> None:
    """Write the findings document atomically as UTF-8 JSON (NaN refused, not written)."""
    atomic_write_text(path, dumps_document(doc))


CSV_SLICE = 20_000  # claims per slice written to claims.csv


def write_claims_csv(path: str | os.PathLike, claims: pd.DataFrame,
                     facts: list[Fact] | None = None) -> None:
    """Write the claim table atomically as CSV: the contract columns in contract order, then
    ``fact``, the id of the fact a claim is part of (empty when it is in none, or when no
    ``facts`` are given), and ``copy_of``, the claim a wire copy's claim repeats word for word
    (it is part of that claim's fact)."""
    table = check_claims(claims)[list(CLAIM_COLUMNS)]
    copy_of = (claims["copy_of"] if "copy_of" in claims else pd.Series("", index=claims.index)
               ).fillna("").astype(object)
    table = table.assign(copy_of=copy_of)
    fact_of = facts_mod.fact_of_claims(facts or [])
    with atomic_writer(path) as fh:
        # In slices: a night's claim table as one CSV string would double the run's memory.
        for at in range(0, max(len(table), 1), CSV_SLICE):
            part = table.iloc[at: at + CSV_SLICE]
            fact = [fact_of.get(str(rep or c), "") for c, rep in zip(part["id"], part["copy_of"])]
            part = part.drop(columns="copy_of").assign(fact=fact, copy_of=part["copy_of"])
            # lineterminator fixed: pandas defaults to os.linesep, which is platform-bound.
            part.to_csv(fh, index=False, header=at == 0, lineterminator="\n")
