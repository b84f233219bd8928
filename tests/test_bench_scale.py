"""The scale benchmark: its synthetic feed is made of distinct articles, and a tiny run yields a
complete row. No timing is asserted: machines are too noisy for that."""

from __future__ import annotations

import datetime as dt

from conftest import SHARED, shared_path
from factcheck import bench


def test_feed_has_the_size_asked_and_unique_ids_without_stories():
    shared_path("corpora")
    feed = bench.build_feed(SHARED, 300)
    assert len(feed) == 300
    assert len({a.id for a in feed}) == 300
    assert all(a.story is None for a in feed)
    assert all(a.published is not None for a in feed)


def test_replicas_are_shifted_in_time_not_copies():
    shared_path("corpora")
    base = bench.base_articles(SHARED)
    # Two full replicas past the base and a part of a third.
    feed = bench.build_feed(SHARED, 3 * len(base) + 10)
    assert len(feed) == 3 * len(base) + 10
    assert len({a.id for a in feed}) == len(feed)
    by_id = {a.id: a for a in feed}
    for k in (1, 2, 3):
        replica = [a for a in feed if a.id.endswith(f"~r{k}")]
        assert replica, f"no replica {k}"
        shift = dt.timedelta(days=bench.REPLICA_SHIFT_DAYS * k)
        for a in replica:
            original = by_id[a.id.rsplit("~r", 1)[0]]
            assert a.published == original.published + shift
            assert a.text == original.text
    assert all(a.story is None for a in feed)


def test_syndicated_copies_are_weeks_apart():
    shared_path("corpora")
    base = bench.base_articles(SHARED)
    feed = bench.build_feed(SHARED, 2 * len(base) + 5, "syndicated")
    by_id = {a.id: a for a in feed}
    copies = [a for a in feed if a.id.endswith("~r1")]
    assert len(copies) == len(base)
    for a in copies:
        original = by_id[a.id.rsplit("~r", 1)[0]]
        gap = (a.published - original.published).days
        assert 7 <= gap <= 13 and a.text == original.text and a.story is None
    # The extra days differ between copies: a feed, not a fixed grid.
    assert len({(a.published - by_id[a.id.rsplit("~r", 1)[0]].published).days
                for a in copies}) == 7


def test_run_scale_gives_one_complete_row(capsys):
    shared_path("corpora")
    rows = bench.run_scale(SHARED, [200], workers=1, feed_shapes=("syndicated",))
    assert len(rows) == 1
    row = rows[0]
    assert row["shape"] == "syndicated" and row["stories"] > 0 and row["largest"] > 0
    assert row["facts"] > 0 and row["copy_groups"] >= 0
    assert row["articles"] == 200
    assert row["claims"] > 0
    assert row["total"] > 0 and row["articles_per_s"] > 0 and row["ms_per_article"] > 0
    assert all(row[s] >= 0 for s in bench.SCALE_STAGES)
    assert row["extract"] > 0 and row["report"] > 0
    assert row["peak_mb"] > 0
    assert "articles" in capsys.readouterr().out
