"""Hostile shapes of input, for ``python -m factcheck.bench stress --shapes``.

Real feeds sometimes carry text no reporter wrote: a results table flattened into one line, a
sentence of thousands of figures, HTML nested a hundred thousand deep, a feed record of 50 MB,
symlinks that leave the inbox or loop, invisible characters inside figures. Each builder writes
one such input into a folder; ``check_shape`` checks that folder in a fresh process, as a
night run would, and measures its time and peak memory.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import Any

# Sizes of the shapes, as the stress benchmark builds them; the tests build smaller ones.
FULL = {"rows": 650, "figures": 10_000, "repeats": 5_000, "depth": 100_000,
        "line_mb": 50.0}
SMALL = {"rows": 60, "figures": 500, "repeats": 200, "depth": 5_000, "line_mb": 0.5}

_PARTIES = ("Labour", "Conservative", "Reform", "Liberal Democrat", "Green", "SNP")
_PROSE = ("More than 31,000 people have crossed the Channel in small boats so far this year, "
          "according to Home Office figures published on Monday. ")


def flattened_table(folder: Path, size: dict[str, Any]) -> None:
    """A results table whose line breaks a feed collapsed: one "sentence" of many rows."""
    rng = random.Random(0)
    rows = []
    for i in range(size["rows"]):
        cells = [f"Constituency {i + 1}"]
        cells += [f"{p} {rng.randint(100, 30_000):,}" for p in rng.sample(_PARTIES, 3)]
        rows.append(" ".join(cells + [f"turnout {rng.randint(40, 80)}%"]))
    (folder / "table.txt").write_text(" | ".join(rows), encoding="utf-8")


def figure_list(folder: Path, size: dict[str, Any]) -> None:
    """One sentence listing thousands of figures."""
    rng = random.Random(1)
    items = ", ".join(f"{rng.randint(1, 99_999):,} boats" for _ in range(size["figures"]))
    (folder / "list.txt").write_text(f"Arrivals by week: {items}.", encoding="utf-8")


def repeated_clause(folder: Path, size: dict[str, Any]) -> None:
    """One clause repeated without a full stop: a sentence with a figure every 36 characters."""
    (folder / "repeated.txt").write_text("More than 31,000 people crossed and " * size["repeats"],
                                         encoding="utf-8")


def nested_html(folder: Path, size: dict[str, Any]) -> None:
    """A page whose story sits under a hundred thousand nested elements."""
    depth = size["depth"]
    page = ("<html><body>" + "<div>" * depth + "<p>The toll rose to 12 people on Monday.</p>"
            + "</div>" * depth + "</body></html>")
    (folder / "nested.html").write_text(page, encoding="utf-8")


def long_jsonl_line(folder: Path, size: dict[str, Any]) -> None:
    """A feed whose one record holds tens of megabytes of text, between two ordinary ones."""
    n = max(1, int(size["line_mb"] * 1e6 / len(_PROSE)))
    records = [{"id": "before", "text": _PROSE, "published": "2024-10-25"},
               {"id": "huge", "text": _PROSE * n, "published": "2024-10-25"},
               {"id": "after", "text": _PROSE, "published": "2024-10-26"}]
    with open(folder / "feed.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)


def symlinks(folder: Path, size: dict[str, Any]) -> None:
    """An inbox with a symlink to a file outside it and a symlink looping to its own folder."""
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("The secret toll rose to 99 people.", encoding="utf-8")
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / "story.txt").write_text(_PROSE, encoding="utf-8")
    os.symlink(outside, inbox / "secret.txt")
    os.symlink(inbox, inbox / "loop")


def invisible(folder: Path, size: dict[str, Any]) -> None:
    """Zero-width and bidirectional control characters inside and around figures."""
    text = ("The toll rose to 1\u200b2 people on Monday. \u202eOfficials said 3\u200d4 "
            "homes were lost.\u202c A narrow space: 12\u202f345 people were moved.")
    (folder / "invisible.txt").write_text(text, encoding="utf-8")


SHAPES: dict[str, Callable[[Path, dict[str, Any]], None]] = {
    "flattened table": flattened_table,
    "sentence of many figures": figure_list,
    "repeated clause": repeated_clause,
    "nested HTML": nested_html,
    "long JSONL line": long_jsonl_line,
    "symlinks out and in a loop": symlinks,
    "invisible characters": invisible,
}


@dataclass(slots=True)
class ShapeRun:
    """What checking one shape cost and what came of it."""

    shape: str
    seconds: float          # reading, checking and writing the outputs, in a warm process
    peak_mb: float          # peak resident memory of the process that checked it
    base_mb: float          # the same process before it read the shape
    articles: int
    claims: int
    problems: list[str]
    values: list[float]     # the figures read (the first 20)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(folder: str, out: Any) -> None:
    """Check one shape's folder in this (fresh) process and send back a ShapeRun as a dict."""
    import datetime as dt
    import tempfile

    from . import ingest, pipeline
    from .schema import Article

    warm = Article(id="warm", text="The toll rose to 12 people on Monday. It cost £5m.",
                   path="warm", published=dt.date(2024, 10, 25))
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.write_outputs(pipeline.check_articles([warm]), tmp)
    base = _rss_mb()
    t = time.perf_counter()
    root = Path(folder) / "inbox" if (Path(folder) / "inbox").is_dir() else Path(folder)
    articles, problems = ingest.load_articles([root])
    result = pipeline.check_articles(articles, problems)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.write_outputs(result, tmp)
    seconds = time.perf_counter() - t
    out.put({"seconds": seconds, "peak_mb": _rss_mb(), "base_mb": base,
             "articles": len(result.articles), "claims": len(result.claims),
             "problems": [str(p) for p in result.problems],
             "values": [float(v) for v in result.claims["value"].head(20)]})


def check_shape(name: str, workdir: Path, size: dict[str, Any] = FULL) -> ShapeRun:
    """Build one shape under ``workdir`` and check it in a fresh process."""
    folder = workdir / name.replace(" ", "-")
    folder.mkdir(parents=True)
    ctx = multiprocessing.get_context("spawn")
    # Built in a process of its own: a child starts from its parent's memory (Linux keeps the
    # peak across exec), so the parent must never hold a 50 MB shape.
    builder = ctx.Process(target=SHAPES[name], args=(folder, size))
    builder.start()
    builder.join()
    if builder.exitcode != 0:
        raise RuntimeError(f"building the shape {name!r} failed")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(str(folder), queue))
    proc.start()
    while True:
        try:
            got = queue.get(timeout=1.0)
            break
        except Empty:
            if not proc.is_alive():
                raise RuntimeError(f"checking the shape {name!r} failed (exit code "
                                   f"{proc.exitcode})") from None
    proc.join()
    return ShapeRun(name, **got)


def shape_line(run: ShapeRun) -> str:
    """One line of the benchmark's table."""
    said = f"; {len(run.problems)} named: {run.problems[0][:90]}" if run.problems else ""
    return (f"  {run.shape:<28} {run.seconds:6.2f} s  peak {run.peak_mb:5.0f} MB "
            f"(+{run.peak_mb - run.base_mb:4.0f} MB)  {run.articles} articles, "
            f"{run.claims} claims{said}")
