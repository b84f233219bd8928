"""Bad input, faults and random text: the run keeps going, loses nothing, and stays exact."""

from __future__ import annotations

import json
import math
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS, SHARED, shared_path
from factcheck import bench, extract, ingest, nightly, pipeline, report
from factcheck.numbers import find_quantities, parse_number
from factcheck.schema import CLAIM_COLUMNS, Article
from factcheck.store import Store

PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news where it matters to the parser: digits, separators, currency
# signs, number words and hedges among arbitrary characters.
NEWSY = st.text(alphabet=st.sampled_from(list("0123456789,.-–%£$€ ")) | st.characters(),
                max_size=300) | st.lists(st.sampled_from([
                    "more than", "about", "1,234", "£1.5bn", "-", "to", "between", "and", "per",
                    "cent", "million", "twenty-one", "half", "doubled", "in 2023", "on 2 May",
                    "10:30", "3-1", "(", ")", "1e400", "9" * 60, ",,,", "..."]),
                    max_size=30).map(" ".join)


@PROPERTY
@given(NEWSY)
def test_parser_never_raises_and_spans_are_true(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert math.isfinite(q.value)
        assert q.low is None or q.high is None or q.low <= q.high


@PROPERTY
@given(NEWSY)
def test_extract_never_raises(text):
    df = extract(text)
    assert list(df.columns)[:len(CLAIM_COLUMNS)] == list(CLAIM_COLUMNS)


@PROPERTY
@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators_parse_back(n):
    assert parse_number(f"{n:,}") == n


@PROPERTY
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["m", "bn", " million",
                                                                  " billion"]))
def test_money_with_magnitude_parses_back(tenths, mag):
    scale = {"m": 1e6, "bn": 1e9, " million": 1e6, " billion": 1e9}[mag]
    amount = tenths / 10
    text = f"The fund is worth £{amount:g}{mag}."
    [q] = find_quantities(text)
    assert q.unit == "GBP" and q.value == pytest.approx(amount * scale, rel=1e-9)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """1..999 in words, as news writes them ("three hundred and forty-two")."""
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10 - 2] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


@PROPERTY
@given(st.integers(min_value=2, max_value=999))
def test_number_words_parse_back(n):
    assert parse_number(_words(n)) == n


@PROPERTY
@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["%", " per cent", " percent"]))
def test_percentages_parse_back(n, sign):
    [q] = find_quantities(f"Turnout rose to {n}{sign} on the day.")
    assert q.unit == "percent" and q.value == n


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, min_size=2, max_size=4))
def test_whole_pipeline_never_raises(texts):
    arts = [Article(id=f"a{i}", text=t or " ", path="", source=f"Outlet {i % 2}")
            for i, t in enumerate(texts)]
    result = pipeline.check_articles(arts, group=True)
    html = report.render_report(report.build_report_data(
        result.articles, result.claims, result.findings, [], "t"))
    assert "<script>" in html and html.count("<script") == 1


# --- a stress run: 5% bad files in a feed -----------------------------------------------

def test_stress_feed_names_every_bad_file_and_keeps_every_good_one():
    shared_path("corpora")
    row = bench.run_stress(SHARED, 300, 0.05, workers=2)
    assert row["bad"] == 15 and row["good"] == 285
    assert row["lost"] == [] and row["unnamed"] == []
    assert row["read"] == row["good"] and row["claims"] > 0


# --- faults: the history store and the outputs survive -----------------------------------

def _night(tmp_path, n=2):
    arts, _ = ingest.load_articles([SEEDS])
    folder = tmp_path / "inbox"
    folder.mkdir(parents=True)
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for a in arts[:n]:
            fh.write(json.dumps({"id": a.id, "text": a.text, "source": a.source,
                                 "date": a.published_iso}) + "\n")
    return folder


def test_a_failed_night_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    import datetime as dt

    from factcheck import store as store_module

    inbox, store = _night(tmp_path), tmp_path / "h.sqlite"
    nightly.run_nightly([inbox], store, tmp_path / "r", run_date=dt.date(2024, 11, 4))
    with Store(store) as s:
        before = s.counts()
    # The disk fills half-way through the night's one transaction: articles are in, some
    # claims are in, then a write fails.
    calls = {"n": 0}
    real_dumps = store_module.json.dumps

    def failing_dumps(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 5:
            raise OSError("disk full")
        return real_dumps(*args, **kwargs)

    monkeypatch.setattr(store_module.json, "dumps", failing_dumps)
    with pytest.raises(OSError):
        nightly.run_nightly([_night(tmp_path / "two", 4)], store, tmp_path / "r",
                            run_date=dt.date(2024, 11, 7))
    monkeypatch.setattr(store_module.json, "dumps", real_dumps)
    assert calls["n"] > 5
    with Store(store) as s:
        assert s.counts() == before
    # And the night runs when the disk is back.
    again = nightly.run_nightly([_night(tmp_path / "three", 4)], store, tmp_path / "r",
                                run_date=dt.date(2024, 11, 7))
    assert again.tonight == 4


_NIGHT = """
import sys, datetime as dt
from factcheck import nightly
nightly.run_nightly(sys.argv[1:2], sys.argv[2], sys.argv[3], run_date=dt.date(2024, 11, 7))
"""


def test_killed_night_leaves_a_sound_store_and_a_rerun_completes(tmp_path):
    shared_path("corpora")
    inbox = SHARED / "corpora" / "basil_all.jsonl"
    store, out = tmp_path / "h.sqlite", tmp_path / "r"
    for delay in (0.8, 2.0, 3.5):
        proc = subprocess.Popen([sys.executable, "-c", _NIGHT, str(inbox), str(store), str(out)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if store.exists():
            with sqlite3.connect(store) as db:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = subprocess.run([sys.executable, "-c", _NIGHT, str(inbox), str(store), str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    doc = json.loads((out / "2024-11-07" / "findings.json").read_text(encoding="utf-8"))
    # The same night run cleanly in a fresh store gives the same findings.
    clean = tmp_path / "clean"
    subprocess.run([sys.executable, "-c", _NIGHT, str(inbox), str(clean / "h.sqlite"),
                    str(clean / "r")], cwd=ROOT, check=True, timeout=600,
                   capture_output=True)
    ref = json.loads((clean / "r" / "2024-11-07" / "findings.json").read_text(encoding="utf-8"))
    assert [(f["verdict"], f["claims"]) for f in doc["findings"]] == \
        [(f["verdict"], f["claims"]) for f in ref["findings"]]
    assert os.path.getsize(store) > 0
