"""Findings -> findings.json (the factcheck/findings@1 contract) and claims.csv."""

from __future__ import annotations

import io
import json
import math
import os
from typing import Any

import pandas as pd

from .fsutil import atomic_write_text
from .schema import CLAIM_COLUMNS, FINDINGS_SCHEMA, Article, Finding

_INT_COLUMNS = {"start", "end", "sentence_start"}


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: NaN -> None, numpy scalars -> Python."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def claim_records(claims: pd.DataFrame) -> list[dict[str, Any]]:
    """The claim table as JSON-ready dicts in contract column order."""
    out = []
    for row in claims[list(CLAIM_COLUMNS)].itertuples(index=False):
        rec = {c: _plain(v) for c, v in zip(CLAIM_COLUMNS, row)}
        for c in _INT_COLUMNS:
            rec[c] = int(rec[c])
        rec["value"] = float(rec["value"])
        out.append(rec)
    return out


def findings_document(articles: list[Article], claims: pd.DataFrame, findings: list[Finding],
                      generated_at: str) -> dict[str, Any]:
    """The findings.json document; the same inputs give the same document but for generated_at."""
    return {
        "schema": FINDINGS_SCHEMA,
        "generated_at": generated_at,
        "articles": [{"id": a.id, "source": a.source, "title": a.title,
                      "published": a.published_iso, "url": a.url, "path": a.path,
                      "story": a.story} for a in articles],
        "claims": claim_records(claims),
        "findings": [{"id": f.id, "kind": f.kind, "verdict": f.verdict, "relation": f.relation,
                      "claims": list(f.claims), "measure": f.measure,
                      "explanation": f.explanation, "score": _plain(f.score),
                      "details": {k: _plain(v) for k, v in sorted(f.details.items())}}
                     for f in findings],
    }


def write_findings_json(path: str | os.PathLike, doc: dict[str, Any]) -> None:
    """Write the findings document atomically as UTF-8 JSON."""
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def write_claims_csv(path: str | os.PathLike, claims: pd.DataFrame) -> None:
    """Write the claim table atomically as CSV, contract columns first."""
    buf = io.StringIO()
    claims[list(CLAIM_COLUMNS)].to_csv(buf, index=False)
    atomic_write_text(path, buf.getvalue())
