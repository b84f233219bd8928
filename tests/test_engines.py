"""Engines: local processes and a Dask cluster give exactly the findings of a serial run."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, SHARED
from factcheck import engine, ingest, pipeline


def _signature(result: pipeline.CheckResult) -> list[tuple]:
    return [(f.id, f.verdict, f.kind, f.relation, tuple(f.claims), f.explanation)
            for f in result.findings]


@pytest.fixture(scope="module")
def articles():
    """The seeds and, when ../shared is beside the checkout, a slice of real clusters."""
    arts, _ = ingest.load_articles([SEEDS])
    corpus = SHARED / "corpora" / "basil_all.jsonl"
    if corpus.exists():
        more, _ = ingest.load_articles([corpus])
        arts += more[:150]
    return arts


@pytest.fixture(scope="module")
def serial(articles):
    return pipeline.check_articles(articles, generated_at="t", group=True)


def test_local_processes_give_serial_findings(articles, serial, monkeypatch):
    monkeypatch.setattr(pipeline, "EXTRACT_CHUNK", 40)  # several chunks, so the workers share
    local = engine.ProcessEngine(workers=2)
    try:
        result = pipeline.check_articles(articles, generated_at="t", engine=local, group=True)
    finally:
        local.close()
    assert len(serial.findings) > 0
    assert _signature(result) == _signature(serial)
    assert result.claims["id"].tolist() == serial.claims["id"].tolist()


def test_dask_cluster_gives_local_findings(articles, serial, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(pipeline, "EXTRACT_CHUNK", 40)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        dask = engine.make_engine("dask", scheduler=cluster.scheduler_address)
        try:
            result = pipeline.check_articles(articles, generated_at="t", engine=dask,
                                             group=True)
        finally:
            dask.close()
    assert _signature(result) == _signature(serial)


def test_a_stream_gives_the_findings_of_a_list_and_keeps_no_text(serial):
    """Articles read lazily from disk, texts dropped once extracted: the same findings."""
    problems: list = []
    stream = ingest.stream_articles([SEEDS], problems)
    corpus = SHARED / "corpora" / "basil_all.jsonl"
    if corpus.exists():
        import itertools
        stream = itertools.chain(stream, itertools.islice(ingest.iter_articles([corpus]), 150))
    local = engine.ProcessEngine(workers=2)
    try:
        result = pipeline.check_articles(stream, problems, generated_at="t", engine=local,
                                         group=True, keep_text=False)
    finally:
        local.close()
    assert _signature(result) == _signature(serial)
    assert [a.id for a in result.articles] == [a.id for a in serial.articles]
    assert all(a.text == "" for a in result.articles)


class _Counted:
    """An iterable of chunks that counts how many have been pulled from it."""

    def __init__(self, n: int) -> None:
        self.n, self.pulled = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.pulled += 1
            yield [i, i]


@pytest.mark.parametrize("make,ahead", [
    (lambda: engine.SerialEngine(), 1),
    (lambda: engine.ProcessEngine(workers=2), engine.AHEAD_PER_WORKER * 2),
])
def test_imap_reads_only_a_few_chunks_ahead(make, ahead):
    chunks = _Counted(50)
    eng = make()
    try:
        results = eng.imap(sum, chunks)
        assert next(results) == 0
        assert chunks.pulled <= ahead  # the stream is not read whole before work starts
        assert list(results) == [2 * i for i in range(1, 50)]
    finally:
        eng.close()
    assert chunks.pulled == 50


def test_story_chunks_never_split_a_story(serial):
    chunks = pipeline.story_chunks(serial.claims, size=50)
    assert len(chunks) > 1
    seen: dict[str, int] = {}
    for n, chunk in enumerate(chunks):
        for story in set(chunk["story"]):
            assert seen.setdefault(story, n) == n, f"story {story} split across chunks"
    assert sum(len(c) for c in chunks) == len(serial.claims)


@pytest.mark.parametrize("name,kwargs,message", [
    ("dask", {}, "--scheduler"),
    ("spark", {}, "unknown engine"),
])
def test_engine_choice_errors_are_clear(name, kwargs, message):
    with pytest.raises(ValueError, match=message):
        engine.make_engine(name, **kwargs)


_DIGEST = """
import hashlib, sys, tempfile
from pathlib import Path
from factcheck import ingest, pipeline
arts, _ = ingest.load_articles(sys.argv[1:])
r = pipeline.check_articles(arts, generated_at="t", group=True)
with tempfile.TemporaryDirectory() as tmp:
    paths = pipeline.write_outputs(r, tmp)
    print(hashlib.sha256(Path(paths["findings"]).read_bytes()).hexdigest())
"""


def test_findings_json_byte_identical_whatever_the_hash_seed():
    inputs = [str(SEEDS)]
    corpus = SHARED / "corpora" / "basil_all.jsonl"
    if corpus.exists():
        inputs.append(str(corpus))
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _DIGEST, *inputs], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True, timeout=300)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed")
    from factcheck.errors import EngineError

    with pytest.raises(EngineError, match="cannot reach the Dask scheduler"):
        engine.DaskEngine("tcp://127.0.0.1:1", timeout=2)


def test_progress_bar_only_on_a_terminal(capsys):
    from factcheck.progress import Progress

    assert Progress(None).enabled is False  # pytest's stderr is not a terminal
    with Progress(True).stage("extract", 3) as advance:
        advance(3)
    assert "extract" in capsys.readouterr().err
    with Progress(False).stage("extract", 3) as advance:
        advance(3)
    assert capsys.readouterr().err == ""


def test_cli_check_groups_stories_on_request(tmp_path):
    import json

    from factcheck import cli

    assert cli.main(["check", str(SEEDS), "--out", str(tmp_path), "--group-stories", "-q",
                     "--workers", "2"]) == 0
    doc = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    stories_found = {a["story"] for a in doc["articles"]}
    assert len(stories_found) == 2 and all(s.startswith("auto-") for s in stories_found)


@pytest.mark.parametrize("flag,stories_found", [
    ([], 1),                       # a folder of four reports: one story, every pair compared
    (["--stories", "one"], 1),
    (["--stories", "find"], 2),    # found: the July report is a story of its own
])
def test_cli_check_stories_default(tmp_path, flag, stories_found):
    import json

    from factcheck import cli

    assert cli.main(["check", str(SEEDS), "--out", str(tmp_path), "-q", "--workers", "1",
                     *flag]) == 0
    doc = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert len({a["story"] for a in doc["articles"]}) == stories_found


def test_auto_finds_the_stories_of_a_feed(monkeypatch):
    """Past ONE_STORY_MAX articles naming no story, an input is a feed: stories are found."""
    from factcheck import pipeline
    from factcheck.ingest import load_articles

    arts, _ = load_articles([SEEDS])
    monkeypatch.setattr(pipeline, "ONE_STORY_MAX", len(arts) - 1)
    found = pipeline.check_articles(arts, group="auto")
    assert len({a.story for a in found.articles}) == 2
    monkeypatch.setattr(pipeline, "ONE_STORY_MAX", len(arts))
    one = pipeline.check_articles(arts, group="auto")
    assert {a.story for a in one.articles} == {None}
