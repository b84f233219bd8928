"""The nightly batch: two nights of real articles, a history store, idempotent re-runs."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import jsonschema
import pytest

from conftest import SEEDS, shared_path
from factcheck import cli, ingest, nightly
from factcheck.store import Store, StoreError


def _write_night(folder, articles):
    """An inbox as a newsroom feed writes it: one JSONL file of the night's articles."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title,
                                 "source": a.source, "date": a.published_iso}) + "\n")
    return folder


@pytest.fixture()
def nights(tmp_path):
    """Night 1: two seed articles of 4 November; night 2: the one of 7 November."""
    seeds, _ = ingest.load_articles([SEEDS])
    by_day: dict[str, list] = {}
    for a in seeds:
        by_day.setdefault(a.published_iso, []).append(a)
    one = _write_night(tmp_path / "inbox" / "2024-11-04", by_day["2024-11-04"])
    two = _write_night(tmp_path / "inbox" / "2024-11-07", by_day["2024-11-07"])
    return one, two, tmp_path / "history.sqlite", tmp_path / "reports"


def _run(inbox, store, out, day, **kw):
    return nightly.run_nightly([inbox], store, out, run_date=dt.date.fromisoformat(day), **kw)


def test_second_night_is_checked_against_the_first(nights):
    one, two, store, out = nights
    first = _run(one, store, out, "2024-11-04")
    assert first.tonight == 2 and first.history == 0 and first.previous_run is None
    second = _run(two, store, out, "2024-11-07")
    assert second.history == 2 and second.previous_run == "2024-11-04"
    tonight = {a.id for a in ingest.load_articles([two])[0]}
    claim_article = dict(zip(second.result.claims["id"], second.result.claims["article"]))
    across = [f for f in second.result.findings if f.kind == "cross-source"
              and {claim_article[c] in tonight for c in f.claims} == {True, False}]
    assert across, "no finding pairs tonight's article with an article of an earlier night"
    assert all(f.details["new"] for f in across)
    assert (out / "2024-11-07" / "report.html").exists()


def test_same_night_twice_is_idempotent(nights):
    one, two, store, out = nights
    _run(one, store, out, "2024-11-04")
    before = _run(two, store, out, "2024-11-07")
    with Store(store) as s:
        rows = s.counts()
    again = _run(two, store, out, "2024-11-07")
    with Store(store) as s:
        assert s.counts() == rows
    assert [(f.id, f.verdict, f.claims, f.details["new"]) for f in again.result.findings] == \
        [(f.id, f.verdict, f.claims, f.details["new"]) for f in before.result.findings]


def test_a_later_night_flags_only_what_is_new(nights):
    one, two, store, out = nights
    _run(one, store, out, "2024-11-04")
    _run(two, store, out, "2024-11-07")
    # The same inbox a night later: every finding was made before, none is new.
    later = _run(two, store, out, "2024-11-08")
    assert later.result.findings and later.new_findings == 0
    assert not any(f.details["new"] for f in later.result.findings)


def test_history_window_is_respected(nights):
    one, two, store, out = nights
    _run(one, store, out, "2024-11-04")
    late = _run(two, store, out, "2024-11-30", days=7)
    assert late.history == 0


def test_nightly_findings_meet_the_contract(nights):
    one, two, store, out = nights
    _run(one, store, out, "2024-11-04")
    run = _run(two, store, out, "2024-11-07")
    doc = json.loads(run.paths["findings"].read_text(encoding="utf-8"))
    schema = json.loads(shared_path("contract", "findings.schema.json").read_text())
    jsonschema.validate(doc, schema)
    claim_ids = {c["id"] for c in doc["claims"]}
    assert all(c in claim_ids for f in doc["findings"] for c in f["claims"])


def test_cli_nightly(nights, capsys):
    one, two, store, out = nights
    argv = ["nightly", str(one), "--store", str(store), "--out", str(out),
            "--date", "2024-11-04", "--workers", "1"]
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    assert "2024-11-04: 2 articles tonight" in printed and "report:" in printed
    assert cli.main(argv + ["--quiet"]) == 0
    assert capsys.readouterr().out == ""
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


@pytest.mark.parametrize("extra,code", [
    (["--days", "-1"], 2), (["--workers", "0"], 2), (["--engine", "dask"], 2),
    (["--date", "04/11/2024"], 2)])
def test_cli_nightly_usage_errors(nights, extra, code, capsys):
    one, _, store, out = nights
    assert cli.main(["nightly", str(one), "--store", str(store), "--out", str(out),
                     *extra]) == code
    assert "error" in capsys.readouterr().err


def test_a_file_that_is_not_a_store_is_refused(tmp_path, nights):
    one, _, _, out = nights
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError):
        Store(bogus)
    assert cli.main(["nightly", str(one), "--store", str(bogus), "--out", str(out)]) == 2
    assert bogus.read_text().startswith("these are my notes")


def test_empty_inbox_is_an_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    assert cli.main(["nightly", str(tmp_path / "empty"), "--store", str(tmp_path / "h.db"),
                     "--out", str(tmp_path / "r")]) == 1


def test_an_inbox_of_bad_files_names_them_before_giving_up(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes(bytes(range(256)))
    (inbox / "b.jsonl").write_text("{broken\n")
    assert cli.main(["nightly", str(inbox), "--store", str(tmp_path / "h.db"),
                     "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "a.txt: binary file" in err and "b.jsonl:1: malformed JSON line" in err
    assert "no article could be read" in err


def test_a_feed_may_be_larger_than_an_article(tmp_path):
    from factcheck import ingest

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"a{i}", "text": f"{i} boats crossed."})
                              for i in range(200)) + "\n")
    size = feed.stat().st_size
    arts, problems = ingest.load_articles([feed], max_bytes=size // 10)
    assert len(arts) == 200 and problems == []
    arts, problems = ingest.load_articles([feed], max_bytes=size // (ingest.FEED_SIZE_FACTOR + 5))
    assert arts == [] and "over the limit" in problems[0].reason


def test_claims_stored_before_a_column_was_added_still_read(nights):
    """A store written by an older version (claim rows without a newer column) is read, the
    missing text column as ""."""
    one, _, store, out = nights
    _run(one, store, out, "2024-11-04")
    db = sqlite3.connect(store)
    rows = db.execute("SELECT rowid, row FROM claims").fetchall()
    for rowid, row in rows:
        old = json.loads(row)
        del old["holder"]
        db.execute("UPDATE claims SET row = ? WHERE rowid = ?", (json.dumps(old), rowid))
    db.commit()
    db.close()
    with Store(store) as s:
        ids = sorted({json.loads(r)["article"] for _, r in rows})
        claims = s.claims_of(ids)
    assert len(claims) == len(rows) and set(claims["holder"]) == {""}


def test_a_wire_copy_carried_the_next_night_is_checked_through_its_original(tmp_path):
    """Night 1: the wire story and an outlet's own report. Night 2: another outlet carries the
    wire story word for word. The copy makes no pair of its own: tonight's finding is the
    wire's, holding the copy's figure, and the fact names the copy."""
    from factcheck.schema import Article

    wire = ("Rescuers said 213 people had died in the floods by Sunday. About 1,200 homes "
            "were damaged in the valley, officials said.")
    own = ("The death toll from the floods rose to 213 by Sunday, officials said, and 1,200 "
           "homes were damaged.")
    day1 = [Article(id="wire", text=wire, path="w", source="Wire Agency",
                    published=dt.date(2025, 3, 10)),
            Article(id="own", text=own, path="o", source="Coast Times",
                    published=dt.date(2025, 3, 10))]
    day2 = [Article(id="copy", text="Floods: toll rises\n\n" + wire, path="c",
                    source="Daily One", published=dt.date(2025, 3, 11))]
    store, out = tmp_path / "h.sqlite", tmp_path / "out"
    _run(_write_night(tmp_path / "in1", day1), store, out, "2025-03-10")
    second = _run(_write_night(tmp_path / "in2", day2), store, out, "2025-03-11")
    claims = second.result.claims
    carried = claims[(claims["article"] == "copy") & (claims["copy_of"] != "")]
    assert len(carried) == 2 and set(carried["copy_of"].str.split("#").str[0]) == {"wire"}
    assert second.result.findings
    for f in second.result.findings:
        arts = {c.split("#")[0] for c in f.claims}
        assert {"wire", "copy"} <= arts      # the wire's finding, carried by the copy
    assert any(k.copies for k in second.result.facts)
