"""Reading inputs: every bad file is one clear problem line and the rest still loads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import SEEDS, shared_path
from factcheck.errors import InputError
from factcheck.ingest import load_articles

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(scope="module")
def loaded():
    return load_articles([DATA])


def test_manifest_fills_metadata(loaded):
    arts = {a.id: a for a in loaded[0]}
    a = arts["art-a"]
    assert (a.source, a.published, a.title, a.url) == (
        "Outlet A", dt.date(2024, 11, 4), "Title A", "https://example.com/a")
    assert a.text.startswith("In total this year, 31,094")


def test_html_keeps_article_text_and_drops_furniture(loaded):
    b = next(a for a in loaded[0] if a.id == "b")
    assert "More than 31,000 people" in b.text
    assert "var x" not in b.text and "Home 1 2 3" not in b.text
    assert b.title == "Page & title"


@pytest.mark.parametrize("article_id,fragment", [
    ("cp1252", "Café owners paid £5m – a record."),
    ("utf16", "UTF-16 text with 12 boats."),
    ("j1", "A total of 29,437 people"),
    ("feed-4", "Up to 100 boats"),
])
def test_encodings_and_records(loaded, article_id, fragment):
    arts = {a.id: a for a in loaded[0]}
    assert fragment in arts[article_id].text


def test_jsonl_metadata(loaded):
    arts = {a.id: a for a in loaded[0]}
    assert (arts["j1"].story, arts["j1"].published) == ("s1", dt.date(2024, 11, 7))
    assert arts["feed-4"].published == dt.date(2024, 11, 8)


@pytest.mark.parametrize("where,reason", [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file"),
    ("feed.jsonl:2", "malformed JSON line"),
    ("feed.jsonl:3", "neither text nor html"),
    ("manifest.csv:3", "leaves its folder"),
])
def test_each_bad_input_is_one_problem(loaded, where, reason):
    hits = [p for p in loaded[1] if p.path.endswith(where) and reason in p.reason]
    assert len(hits) == 1, [str(p) for p in loaded[1]]


def test_limits_and_missing(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("12 boats. " * 100)
    arts, problems = load_articles([big, tmp_path / "nope.txt", tmp_path / "x.pdf"], max_bytes=100)
    assert arts == []
    reasons = " | ".join(p.reason for p in problems)
    assert "over the limit of 100" in reasons and "no such file" in reasons
    with pytest.raises(InputError):
        load_articles([])


def test_duplicate_ids(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_text('{"id": "same", "text": "5 boats"}\n')
    arts, problems = load_articles([tmp_path])
    assert len(arts) == 1 and "duplicate id" in problems[0].reason


def test_seeds_folder():
    arts, problems = load_articles([SEEDS])
    assert problems == [] and len(arts) == 4
    old = next(a for a in arts if a.id == "003_7907c1b8cd37bcb3")
    assert (old.source, old.published) == ("Daily Express", dt.date(2024, 7, 17))


def test_real_corpus_jsonl():
    arts, problems = load_articles([shared_path("corpora", "basil_all.jsonl")])
    assert len(arts) == 300 and problems == []
    assert all(a.story for a in arts)
