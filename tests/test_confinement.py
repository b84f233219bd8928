"""No input can reach outside what was given, hide a figure, or stall a night."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck import ingest, normalise
from factcheck.ingest import (
    OUTSIDE_SYMLINK,
    cap_depth,
    clean_text,
    html_to_text,
    iter_articles,
    load_articles,
    stream_articles,
)

TOLL = "The toll rose to 12 people."
SENTENCE = "The toll rose to 12 people on Monday."

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                    reason="symlinks need privileges on Windows")


def values(text: str) -> list[float]:
    return normalise.extract(text, "2024-10-25")["value"].tolist()


def ids(articles) -> list[str]:
    return [a.id for a in articles]


def via_iter(paths, **kw):
    problems: list = []
    return list(iter_articles(paths, problems=problems, **kw)), problems


def via_stream(paths, **kw):
    problems: list = []
    told: list = []
    arts = list(stream_articles(paths, problems, on_problem=told.append, **kw))
    assert told == problems
    return arts, problems


READERS = pytest.mark.parametrize("read", [load_articles, via_iter, via_stream],
                                  ids=["load_articles", "iter_articles", "stream_articles"])


@pytest.fixture
def inbox(tmp_path):
    """An inbox with one article, beside an outside folder holding a secret (like /etc)."""
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "passwd.txt").write_text(TOLL)
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "a.txt").write_text("5 boats sank.")
    return box


# --- symlinks ---------------------------------------------------------------------------

@needs_symlinks
@READERS
def test_symlink_to_outside_file_is_skipped_with_one_problem(inbox, read):
    link = inbox / "passwd.txt"
    link.symlink_to(inbox.parent / "etc" / "passwd.txt")
    arts, problems = read([inbox])
    assert ids(arts) == ["a"]
    assert [(p.path, p.reason) for p in problems] == [(str(link), OUTSIDE_SYMLINK)]
    assert "outside the given folders" in OUTSIDE_SYMLINK and "--follow-symlinks" in OUTSIDE_SYMLINK


@needs_symlinks
@READERS
def test_follow_symlinks_reads_outside_file(inbox, read):
    (inbox / "passwd.txt").symlink_to(inbox.parent / "etc" / "passwd.txt")
    arts, problems = read([inbox], follow_symlinks=True)
    assert ids(arts) == ["a", "passwd"] and problems == []
    assert values(arts[1].text) == [12.0]


@needs_symlinks
def test_symlink_to_outside_folder_is_skipped_unless_followed(inbox):
    (inbox / "etc").symlink_to(inbox.parent / "etc", target_is_directory=True)
    arts, problems = load_articles([inbox])
    assert ids(arts) == ["a"] and [p.reason for p in problems] == [OUTSIDE_SYMLINK]
    arts, problems = load_articles([inbox], follow_symlinks=True)
    assert ids(arts) == ["a", "passwd"] and problems == []


@needs_symlinks
def test_symlink_named_as_a_path_is_read(inbox):
    """A link given on the command line is the user's own choice."""
    (inbox / "passwd.txt").symlink_to(inbox.parent / "etc" / "passwd.txt")
    (inbox / "etc").symlink_to(inbox.parent / "etc", target_is_directory=True)
    for path in (inbox / "passwd.txt", inbox / "etc"):
        arts, problems = load_articles([path])
        assert ids(arts) == ["passwd"] and problems == []


@needs_symlinks
@pytest.mark.parametrize("follow", [False, True], ids=["default", "follow"])
def test_symlink_loops_end_and_read_each_file_once(inbox, follow):
    sub = inbox / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("7 boats sank.")
    (sub / "up").symlink_to(inbox, target_is_directory=True)  # inside: a loop to an ancestor
    (sub / "self").symlink_to(sub, target_is_directory=True)
    (inbox / "top").symlink_to(inbox.parent, target_is_directory=True)  # outside: above the inbox
    (inbox / "x.txt").symlink_to(inbox / "y.txt")  # a loop of links
    (inbox / "y.txt").symlink_to(inbox / "x.txt")
    arts, problems = load_articles([inbox], follow_symlinks=follow)
    assert ids(arts) == (["a", "b", "passwd"] if follow else ["a", "b"])
    loops = sorted(Path(p.path).name for p in problems if "loop" in p.reason)
    outside = [Path(p.path).name for p in problems if p.reason == OUTSIDE_SYMLINK]
    assert loops == ["x.txt", "y.txt"] and outside == ([] if follow else ["top"])
    assert len(problems) == len(loops) + len(outside)


@needs_symlinks
def test_symlink_inside_is_read_once_under_the_file_s_own_name(inbox):
    (inbox / "z.txt").write_text("9 boats sank.")
    (inbox / "0-latest.txt").symlink_to(inbox / "z.txt")  # sorts before its target
    sub = inbox / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("7 boats sank.")
    (inbox / "0-alias").symlink_to(sub, target_is_directory=True)
    arts, problems = load_articles([inbox, sub / "b.txt"])
    assert ids(arts) == ["a", "b", "z"] and problems == []
    assert all(Path(a.path).resolve() == Path(a.path) for a in arts)


@needs_symlinks
def test_symlink_inside_to_a_file_not_read_otherwise_is_read(inbox):
    hidden = inbox / ".archive"
    hidden.mkdir()
    (hidden / "old.txt").write_text(TOLL)  # hidden folders are not walked
    (inbox / "old.txt").symlink_to(hidden / "old.txt")
    arts, problems = load_articles([inbox])
    assert ids(arts) == ["a", "old"] and problems == []


@needs_symlinks
def test_broken_symlink_is_a_problem(inbox):
    (inbox / "gone.txt").symlink_to(inbox / "nowhere.txt")
    arts, problems = load_articles([inbox])
    assert ids(arts) == ["a"] and [p.reason for p in problems] == ["broken symlink; skipped"]


@needs_symlinks
def test_symlinked_manifest_is_not_an_article(inbox):
    (inbox.parent / "etc" / "list.csv").write_text("file,id\na.txt,x\n")
    (inbox / "manifest.csv").symlink_to(inbox.parent / "etc" / "list.csv")
    arts, problems = load_articles([inbox])  # (as a manifest it is read: see _Manifests)
    assert len(arts) == 1 and problems == []


# --- invisible characters ---------------------------------------------------------------

INVISIBLE = [
    ("zero-width-space", "\u200b"), ("zwnj", "\u200c"), ("zwj", "\u200d"),
    ("word-joiner", "\u2060"), ("bom-inside", "\ufeff"), ("lrm", "\u200e"), ("rlm", "\u200f"),
    ("alm", "\u061c"), ("lre", "\u202a"), ("rle", "\u202b"), ("pdf", "\u202c"),
    ("lro", "\u202d"), ("rlo", "\u202e"), ("lri", "\u2066"), ("rli", "\u2067"),
    ("fsi", "\u2068"), ("pdi", "\u2069"),
]
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def write_article(folder: Path, kind: str, text: str) -> None:
    """One article holding ``text`` as a plain file, an HTML page or a JSON/JSONL record."""
    if kind == "txt":
        (folder / "a.txt").write_text(text, encoding="utf-8")
    elif kind == "html":
        (folder / "a.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    elif kind == "jsonl-text":  # json.dumps writes "\u200b" escapes: decoded after the file
        (folder / "a.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n")
    elif kind == "jsonl-html":
        (folder / "a.jsonl").write_text(json.dumps({"id": "a", "html": f"<p>{text}</p>"}) + "\n")
    else:
        (folder / "a.json").write_text(json.dumps([{"id": "a", "text": text}]))


KINDS = ["txt", "html", "jsonl-text", "jsonl-html", "json"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("char", [c[1] for c in INVISIBLE], ids=[c[0] for c in INVISIBLE])
def test_invisible_character_inside_a_figure_is_removed(tmp_path, kind, char):
    write_article(tmp_path, kind, f"The toll rose to 1{char}2 people on Monday.")
    arts, problems = load_articles([tmp_path])
    assert problems == [] and arts[0].text == SENTENCE
    assert values(arts[0].text) == [12.0]


@pytest.mark.parametrize("kind", KINDS)
def test_bidi_controls_never_reach_article_text(tmp_path, kind):
    write_article(tmp_path, kind, f"{BIDI}The toll {BIDI}rose to \u202e21\u202c people.{BIDI}")
    arts, problems = load_articles([tmp_path])
    assert problems == [] and not set(arts[0].text) & set(BIDI)


def test_invisible_characters_leave_the_title_too(tmp_path):
    (tmp_path / "a.html").write_text("<title>Toll\u200b \u202eup</title><p>x</p>",
                                     encoding="utf-8")
    assert load_articles([tmp_path])[0][0].title == "Toll up"


def test_invisible_characters_leave_a_record_title(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "x", "title": "Toll\u200b \u2067up"}))
    assert load_articles([tmp_path])[0][0].title == "Toll up"


# --- thin and narrow no-break spaces between digit groups --------------------------------

THOUSANDS = [
    ("thin", "12\u2009345 people", "12,345 people", [12345.0]),
    ("narrow-nbsp", "12\u202f345 people", "12,345 people", [12345.0]),
    ("millions", "1\u2009234\u2009567 people", "1,234,567 people", [1234567.0]),
    ("one-digit-head", "5\u202f000 people", "5,000 people", [5000.0]),
    ("decimal-point", "12\u2009345.5 tonnes", "12,345.5 tonnes", [12345.5]),
    ("end-of-sentence", "rose to 12\u2009345.", "rose to 12,345.", [12345.0]),
    ("ascii-space", "in 2023 2,000 people", "in 2023 2,000 people", [2000.0]),
    ("ascii-groups", "12 345 people", "12 345 people", None),
    ("four-digit-group", "12\u20093456 people", "12\u20093456 people", None),
    ("four-digit-head", "1234\u2009567 people", "1234\u2009567 people", None),
    ("after-a-decimal", "3.141\u2009592 units", "3.141\u2009592 units", None),
    ("decimal-comma", "12\u202f345,67 euros", "12\u202f345,67 euros", None),
    ("long-tail", "12\u2009345\u20096789 people", "12\u2009345\u20096789 people", None),
]


@pytest.mark.parametrize("raw,cleaned,claims", [c[1:] for c in THOUSANDS],
                         ids=[c[0] for c in THOUSANDS])
def test_thin_space_thousands(tmp_path, raw, cleaned, claims):
    assert clean_text(raw) == cleaned
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    text = load_articles([tmp_path])[0][0].text
    assert text == cleaned
    if claims is not None:
        assert values(text) == claims


@pytest.mark.parametrize("entity", ["&thinsp;", "&#8201;", "&#x202F;", "\u2009", "\u202f"])
def test_thin_space_thousands_in_html(tmp_path, entity):
    """HTML collapses every space to one, so the grouping is read before that."""
    (tmp_path / "a.html").write_text(f"<p>The toll rose to 12{entity}345 people.</p>",
                                     encoding="utf-8")
    text = load_articles([tmp_path])[0][0].text
    assert text == "The toll rose to 12,345 people." and values(text) == [12345.0]


def test_html_plain_spaces_between_digit_groups_stay_apart():
    text, _ = html_to_text("<p>In 2023&nbsp;2,000 people and 12 345 others</p>")
    assert text == "In 2023 2,000 people and 12 345 others"


# --- deeply nested HTML -----------------------------------------------------------------

def test_deeply_nested_html_is_read(tmp_path):
    depth = 20_000
    html = "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth
    assert html_to_text(html)[0] == SENTENCE
    (tmp_path / "deep.html").write_text(html)
    arts, problems = load_articles([tmp_path])
    assert problems == [] and arts[0].text == SENTENCE


@pytest.mark.parametrize("open_tag,close_tag", [
    ("<div>", ""), ("<ul><li>", "</li></ul>"), ("<section>", "</section>"),
    ("<table><tr><td>", "</td></tr></table>"), ("<div>x</b>", ""),
], ids=["unclosed-div", "list", "section", "table", "stray-end-tags"])
def test_other_deep_shapes_are_read(open_tag, close_tag):
    depth = 15_000
    text, _ = html_to_text(open_tag * depth + f"<p>{SENTENCE}</p>" + close_tag * depth)
    assert SENTENCE in text


def test_normal_pages_are_not_rewritten():
    page = "<title>T</title>" + "<div><p>One <b>two</b></p><ul><li>3<li>4</ul></div>" * 3000
    assert cap_depth(page) is page


def test_flattening_keeps_the_text_and_its_paragraphs(monkeypatch):
    """Past 512 levels tags are dropped, but the text reads as the full parse reads it."""
    inner = ("<section><h2>Head</h2><p>31,<b>094</b> people</p><nav>menu</nav>"
             "<table><tr><td>2023</td><td>29,437</td></tr></table><script>x=1</script>"
             "<p>Next</p></section>")
    page = "<div>" * 600 + inner * 3 + "</div>" * 600
    full, _ = html_to_text(page)  # too few tags to be checked: lexbor reads all 600 levels
    monkeypatch.setattr(ingest, "_DEPTH_CHECK_TAGS", 0)
    assert cap_depth(page) != page
    assert html_to_text(page)[0] == full
    assert full.startswith("Head\n\n31,094 people\n\n2023 29,437\n\nNext") and "menu" not in full
