"""No article can stall a night: hostile shapes of text are read in time linear in their size,
an article over its time budget is named and skipped, and the rest of the run goes on."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import cli, normalise, pipeline, shapes
from factcheck.schema import Article


@pytest.mark.parametrize("text, pieces", [
    # A flattened results table: one row per piece.
    ("Leeds Central Labour 21,345 Conservative 9,876 | York Outer Labour 18,002 Reform 3,210",
     ["Leeds Central Labour 21,345 Conservative 9,876", "York Outer Labour 18,002 Reform 3,210"]),
    # Semicolons, tabs and runs of spaces are the separators of lists too.
    ("Hull 5; Bath 7\tDover 9     Wells 11", ["Hull 5", "Bath 7", "Dover 9", "Wells 11"]),
])
def test_an_overlong_sentence_is_read_as_the_list_it_is(text, pieces, monkeypatch):
    monkeypatch.setattr(normalise, "MAX_SENTENCE", 20)
    assert [text[a:b] for a, b in normalise.split_sentences(text)] == pieces


def test_prose_sentences_are_never_split():
    # The corpora's longest real sentence is about 1,500 characters: below the cap.
    sentence = "The council said that " + "the new road, " * 100 + "costs £5m."
    assert len(sentence) < normalise.MAX_SENTENCE
    assert normalise.split_sentences(sentence) == [(0, len(sentence))]


def test_a_piece_without_separators_is_cut_at_spaces_below_the_cap():
    text = "More than 31,000 people crossed and " * 300
    spans = normalise.split_sentences(text)
    assert all(b - a <= normalise.MAX_PIECE for a, b in spans)
    assert all(text[a] != " " and text[b - 1] != " " for a, b in spans)
    # No figure is cut in two: every one of them is read, whole.
    claims = normalise.extract(text, "2024-10-25")
    assert len(claims) == 300 and set(claims["value"]) == {31000.0}


def test_every_figure_of_a_flattened_table_is_read(tmp_path):
    shapes.flattened_table(tmp_path, shapes.SMALL)
    text = (tmp_path / "table.txt").read_text(encoding="utf-8")
    claims = normalise.extract(text, "2024-07-05")
    # Each row: three party votes and a turnout (a constituency number is a name, or a count).
    assert (claims["unit"] == "percent").sum() == shapes.SMALL["rows"]
    assert len(claims) >= 4 * shapes.SMALL["rows"]


def _article(text: str, aid: str) -> Article:
    return Article(id=aid, text=text, path=f"{aid}.txt", source=aid,
                   published=dt.date(2024, 10, 25))


def test_an_article_over_its_time_budget_is_named_and_skipped_and_the_rest_goes_on():
    slow = _article("Arrivals by week: " + ", ".join(f"{i:,} boats" for i in range(5000)),
                    "slow")
    fine = [_article("The toll rose to 12 people on Monday.", "a"),
            _article("The toll rose to 12 people on Monday, officials said.", "b")]
    told = []
    result = pipeline.check_articles([fine[0], slow, fine[1]], budget=0.05,
                                     on_problem=told.append)
    assert [a.id for a in result.articles] == ["a", "b"]
    assert set(result.claims["article"]) == {"a", "b"}
    assert [f.verdict for f in result.findings] == ["agree"]
    assert len(told) == 1 and told == result.problems
    assert told[0].path == "slow.txt" and "took more than 0.05 s" in told[0].reason


def test_the_cli_names_a_slow_article_on_stderr(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "list.txt").write_text(", ".join(f"{i:,} boats" for i in range(5000)),
                                    encoding="utf-8")
    (inbox / "story.txt").write_text("The toll rose to 12 people.", encoding="utf-8")
    code = cli.main(["check", str(inbox), "--out", str(tmp_path / "out"),
                     "--article-seconds", "0.05", "--workers", "1", "-q"])
    assert code == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "list.txt" in err and "--article-seconds" in err


def test_a_budget_must_be_positive(tmp_path, capsys):
    code = cli.main(["check", str(tmp_path), "--out", str(tmp_path / "o"),
                     "--article-seconds", "0"])
    assert code == cli.EXIT_USAGE
    assert "--article-seconds must be more than 0" in capsys.readouterr().err


@pytest.mark.parametrize("name", list(shapes.SHAPES))
def test_each_hostile_shape_is_checked_in_a_fresh_process(name, tmp_path):
    run = shapes.check_shape(name, tmp_path, shapes.SMALL)
    assert run.seconds > 0 and run.peak_mb >= run.base_mb
    if name == "symlinks out and in a loop":
        assert 99.0 not in run.values  # the file outside the inbox is never read
        assert run.articles == 1
    elif name == "invisible characters":
        assert run.values[:1] == [12.0] and 1.0 not in run.values and 2.0 not in run.values
    elif name == "nested HTML":
        assert run.values == [12.0]
    else:
        assert run.claims > 0 and not run.problems


@pytest.mark.parametrize("follow, read", [(False, False), (True, True)])
def test_the_cli_reads_a_symlink_out_of_the_inbox_only_when_told(tmp_path, capsys, follow,
                                                                 read):
    outside = tmp_path / "passwd.txt"
    outside.write_text("The secret toll rose to 99 people.", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "story.txt").write_text("The toll rose to 12 people.", encoding="utf-8")
    (inbox / "link.txt").symlink_to(outside)
    out = tmp_path / "out"
    argv = ["check", str(inbox), "--out", str(out), "--workers", "1", "-q"]
    assert cli.main(argv + (["--follow-symlinks"] if follow else [])) == cli.EXIT_OK
    claims = (out / "claims.csv").read_text(encoding="utf-8")
    assert ("secret toll" in claims) is read
    assert ("--follow-symlinks" in capsys.readouterr().err) is not read


def test_a_jsonl_record_over_the_size_limit_is_named_and_the_others_read(tmp_path, capsys):
    shapes.long_jsonl_line(tmp_path, {"line_mb": 1.2})
    code = cli.main(["check", str(tmp_path / "feed.jsonl"), "--out", str(tmp_path / "o"),
                     "--max-mb", "1", "--workers", "1", "-q"])
    assert code == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "feed.jsonl:2" in err and "over the 1 MB" in err
    claims = (tmp_path / "o" / "claims.csv").read_text(encoding="utf-8")
    assert {"before", "after"} <= {line.split(",")[1] for line in claims.splitlines()[1:]}
