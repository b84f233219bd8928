"""findings.json against the shared contract, claims.csv, and atomic writes, on a hand-made table."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from factcheck import export, fsutil
from factcheck import facts as facts_mod
from factcheck.schema import CLAIM_COLUMNS, Article, Finding

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "shared/contract/findings.schema.json"

_S1 = "Officials said more than 31,000 people crossed in 2023."
_S2 = "Home Office data show 29,437 people crossed the Channel in 2023."
_S3 = "Another 1,200 people arrived this week, taking the total to 31,000."


def _claim(cid, article, value, low, high, unit, bound, text, sentence, sentence_start,
           source, published, **extra):
    start = sentence_start + sentence.index(text)
    row = {c: None for c in CLAIM_COLUMNS}
    row.update(id=cid, article=article, value=value, low=low, high=high, unit=unit,
               unit_family="person", bound=bound, text=text, start=start, end=start + len(text),
               sentence=sentence, sentence_start=sentence_start, measure="people crossed",
               noun="person", event="crossing", context="channel small boats",
               period_start=None, period_end=None, period_kind=None, as_of=published,
               role=None, vague=False, source=source, published=published, story=None)
    row.update(extra)
    return row


def make_articles() -> list[Article]:
    """Two articles: one dated with an https URL, one undated with a hostile URL."""
    return [
        Article(id="a", text=_S1 + " " + _S3, path="in/a.txt", source="The Daily",
                published=dt.date(2024, 1, 5), title="Crossings hit record",
                url="https://example.com/a"),
        Article(id="b", text=_S2, path="in/b.txt", source=None, published=None,
                title=None, url="javascript:alert(1)", story="s1"),
    ]


def make_claims() -> pd.DataFrame:
    """Four claims in all contract columns and dtypes; a#1 is open above (high NaN)."""
    nan = float("nan")
    gap = len(_S1) + 1
    rows = [
        _claim("a#1", "a", 31000.0, 31000.0, nan, "person", "lower", "more than 31,000", _S1, 0,
               "The Daily", "2024-01-05", period_start="2023-01-01", period_end="2023-12-31",
               period_kind="year"),
        _claim("a#2", "a", 1200.0, 1200.0, 1200.0, "person", "exact", "1,200", _S3, gap,
               "The Daily", "2024-01-05", role="increment"),
        _claim("a#3", "a", 31000.0, 31000.0, 31000.0, "person", "exact", "31,000", _S3, gap,
               "The Daily", "2024-01-05", role="total"),
        _claim("b#1", "b", 29437.0, 29437.0, 29437.0, "person", "exact", "29,437", _S2, 0,
               None, None, period_start="2023-01-01", period_end="2023-12-31",
               period_kind="year", as_of=None),
    ]
    df = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    return df.astype(CLAIM_COLUMNS)


def make_findings() -> list[Finding]:
    """One contradict, one agree, one explained (increment-of-total), one internal finding."""
    return [
        Finding("F0001", "cross-source", "contradict", ["a#1", "b#1"],
                "The Daily says more than 31,000 people; b says 29,437 people.",
                measure="people crossed", score=np.float64(0.91),
                details={"rel_diff": np.float64(0.053), "gap": float("nan")}),
        Finding("F0002", "cross-source", "explained", ["a#2", "b#1"],
                "1,200 is this week's increment; 29,437 is the year's total.",
                relation="increment-of-total", measure="people crossed", score=0.7),
        Finding("F0003", "cross-source", "agree", ["a#3", "a#1"],
                "Both say about 31,000 people.", measure="people crossed", score=None),
        Finding("F0004", "internal", "explained", ["a#2", "a#3"],
                "1,200 added to the earlier count gives the stated total of 31,000.",
                relation="arithmetic", details={"terms": [np.int64(1200), 29800]}),
    ]


def make_doc(generated_at: str = "2024-01-06T00:00:00+00:00") -> dict:
    """The findings document of the hand-made run."""
    return export.findings_document(make_articles(), make_claims(), make_findings(), generated_at)


def test_document_meets_the_contract():
    if not SCHEMA_PATH.exists():
        pytest.skip(f"{SCHEMA_PATH} not found: ../shared is not beside this checkout")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(make_doc(), schema)


def test_document_shape():
    doc = make_doc()
    assert doc["schema"] == "factcheck/findings@1"
    assert [a["id"] for a in doc["articles"]] == ["a", "b"]
    assert doc["articles"][0]["published"] == "2024-01-05"
    assert doc["articles"][1]["published"] is None and doc["articles"][1]["story"] == "s1"
    assert set(doc["articles"][0]) >= {"id", "source", "title", "published", "url", "path",
                                       "story"}
    for rec in doc["claims"]:
        assert list(rec) == list(CLAIM_COLUMNS)
        assert all(type(rec[c]) is int for c in ("start", "end", "sentence_start"))
        assert type(rec["value"]) is float and type(rec["vague"]) is bool
    f = doc["findings"][0]
    assert set(f) == {"id", "kind", "verdict", "relation", "claims", "measure", "explanation",
                      "score", "details"}
    assert type(f["score"]) is float and type(f["details"]["rel_diff"]) is float
    assert doc["findings"][2]["score"] is None
    assert doc["findings"][3]["details"] == {"terms": [1200, 29800]}


def test_nan_becomes_null():
    doc = make_doc()
    first = doc["claims"][0]
    assert first["high"] is None and first["low"] == 31000.0
    assert doc["claims"][3]["source"] is None and doc["claims"][3]["as_of"] is None
    assert doc["findings"][0]["details"]["gap"] is None
    text = json.dumps(doc, allow_nan=False)   # raises if any NaN survived
    assert "NaN" not in text


def test_document_is_deterministic(tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    export.write_findings_json(one, make_doc())
    export.write_findings_json(two, make_doc())
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert json.dumps(make_doc()) == json.dumps(make_doc())


def test_findings_json_is_utf8_indented_and_refuses_nan(tmp_path):
    path = tmp_path / "out" / "findings.json"
    doc = make_doc()
    doc["articles"][0]["title"] = "Crossings hit record — £150m"
    export.write_findings_json(path, doc)
    text = path.read_text(encoding="utf-8")
    assert "— £150m" in text and '\n  "schema"' in text
    assert json.loads(text) == doc
    doc["findings"][0]["score"] = float("nan")
    with pytest.raises(ValueError):
        export.write_findings_json(path, doc)
    assert json.loads(path.read_text(encoding="utf-8"))["findings"][0]["score"] == 0.91


def test_claims_csv_round_trips(tmp_path):
    claims = make_claims()
    claims = claims[list(reversed(CLAIM_COLUMNS))]   # column order comes from the contract
    path = tmp_path / "claims.csv"
    export.write_claims_csv(path, claims)
    back = pd.read_csv(path, keep_default_na=False, na_values={"high": [""]})
    assert list(back.columns) == list(CLAIM_COLUMNS) + ["fact", "copy_of"]
    assert list(back["fact"]) == ["", "", "", ""]   # no facts given
    assert len(back) == 4
    assert list(back["id"]) == ["a#1", "a#2", "a#3", "b#1"]
    assert math.isnan(back.loc[0, "high"]) and back.loc[1, "high"] == 1200.0
    assert list(back["sentence"]) == list(make_claims()["sentence"])
    assert list(back["start"]) == list(make_claims()["start"])
    assert b"\r\n" not in path.read_bytes()


def test_missing_column_fails_clearly(tmp_path):
    with pytest.raises(ValueError, match="sentence_start"):
        export.write_claims_csv(tmp_path / "c.csv", make_claims().drop(columns="sentence_start"))
    assert not (tmp_path / "c.csv").exists()


def test_atomic_write_creates_folders_and_replaces(tmp_path):
    target = tmp_path / "deep" / "er" / "x.bin"
    fsutil.atomic_write_bytes(target, b"one")
    fsutil.atomic_write_text(target, "twö")
    assert target.read_bytes() == "twö".encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["x.bin"]


def test_atomic_write_keeps_old_file_when_replace_fails(tmp_path, monkeypatch):
    target = tmp_path / "findings.json"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export.write_findings_json(target, make_doc())
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]


def test_atomic_write_keeps_old_file_when_write_fails_midway(tmp_path, monkeypatch):
    target = tmp_path / "claims.csv"
    target.write_text("old")

    def broken_fsync(fd):
        raise OSError("I/O error")   # after the data went to the temporary, before the rename

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="I/O error"):
        export.write_claims_csv(target, make_claims())
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_facts_in_the_document_and_in_claims_csv(tmp_path):
    doc = make_doc()
    assert [k["id"] for k in doc["facts"]] == ["K0001"]
    fact = doc["facts"][0]
    # The stable key is a digest of the claims' articles, spans and values (run ids left out).
    rows = make_claims().set_index("id")
    identities = [facts_mod.claim_identity({"article": rows.loc[c, "article"], **rows.loc[c]})
                  for c in fact["claims"]]
    assert fact.pop("key") == facts_mod.fact_key(identities)
    assert fact == {
        "id": "K0001", "label": "people crossed in 2023", "unit": "person",
        "verdict": "contradict", "claims": ["a#1", "a#2", "a#3", "b#1"],
        "findings": ["F0001", "F0002", "F0003"], "sources": 2,
        "outlets": ["The Daily", "article b"], "consensus": None, "outliers": [],
        "period_start": "2023-01-01", "period_end": "2023-12-31", "as_of": "2024-01-05",
        "timeline": False, "carried_by": {}}
    # The internal check is no fact; every cross-source finding is in exactly one.
    cross = [f["id"] for f in doc["findings"] if f["kind"] == "cross-source"]
    assert sorted(f for k in doc["facts"] for f in k["findings"]) == cross
    path = tmp_path / "claims.csv"
    export.write_claims_csv(path, make_claims(), facts_mod.build_facts(make_claims(),
                                                                       make_findings()))
    back = pd.read_csv(path, keep_default_na=False)
    assert list(back["fact"]) == ["K0001"] * 4


def test_streamed_document_matches_with_facts(tmp_path):
    """The streamed findings.json is the same text as the whole document, facts included."""
    path = tmp_path / "findings.json"
    export.write_findings_stream(path, make_articles(), make_claims(), make_findings(), "T")
    doc = make_doc("T")
    assert path.read_text(encoding="utf-8") == export.dumps_document(doc)
