"""Reading inputs: every bad file is one clear problem line and the rest still loads."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.errors import InputError
from factcheck.ingest import iter_articles, load_articles

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared(*parts: str) -> Path:
    """A path inside ../shared; the test is skipped when that folder is not beside the repo."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared is not beside this checkout")
    return path


def by_id(articles):
    return {a.id: a for a in articles}


def reasons(problems):
    return " | ".join(str(p) for p in problems)


@pytest.fixture(scope="module")
def loaded():
    return load_articles([DATA])


# --- the fixture folder -----------------------------------------------------------------

def test_fixture_folder_ids_in_sorted_order(loaded):
    # manifest.csv is metadata, not an article; files come in sorted path order.
    assert [a.id for a in loaded[0]] == ["art-a", "b", "cp1252", "j1", "feed-4", "utf16"]


def test_manifest_fills_metadata(loaded):
    a = by_id(loaded[0])["art-a"]
    assert (a.source, a.published, a.title, a.url) == (
        "Outlet A", dt.date(2024, 11, 4), "Title A", "https://example.com/a")
    assert a.text.startswith("In total this year, 31,094")


def test_without_manifest_row_id_is_stem_and_no_date(loaded):
    b = by_id(loaded[0])["b"]
    assert (b.published, b.source, b.url) == (None, None, None)
    assert b.path.endswith("b.html")


def test_html_keeps_article_text_and_drops_furniture(loaded):
    b = by_id(loaded[0])["b"]
    assert b.text == ("Head\n\nMore than 31,000 people have crossed this year, costing £5m – "
                      "the Home Office’s figure.\n\nSecond\n\nline")
    assert b.title == "Page & title"


@pytest.mark.parametrize("article_id,fragment", [
    ("cp1252", "Café owners paid £5m – a record."),
    ("utf16", "UTF-16 text with 12 boats."),
    ("j1", "A total of 29,437 people"),
    ("feed-4", "Up to 100 boats"),
], ids=["cp1252", "utf16-bom", "jsonl-text", "jsonl-html"])
def test_encodings_and_records(loaded, article_id, fragment):
    assert fragment in by_id(loaded[0])[article_id].text


def test_jsonl_metadata(loaded):
    arts = by_id(loaded[0])
    assert (arts["j1"].story, arts["j1"].published, arts["j1"].source) == (
        "s1", dt.date(2024, 11, 7), "Feed")
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
    assert len(hits) == 1, reasons(loaded[1])


def test_fixture_folder_has_no_other_problems(loaded):
    assert len(loaded[1]) == 5, reasons(loaded[1])


# --- bad files, built in tmp_path -------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \r\n\t \n", "empty file"),
    ("bom-only.txt", "\ufeff  \n".encode("utf-8"), "empty file"),
    ("utf16-blank.txt", "  \n".encode("utf-16"), "empty file"),
    ("bin.txt", b"PK\x03\x04\x00\x00 zip", "binary file"),
    ("bin.html", b"<p>12 boats</p>\x00\x00", "binary file"),
    ("bin.jsonl", b'{"text": "x"}\x00', "binary file"),
    ("noscript.html", b"<script>var a = 1;</script><nav>menu</nav>", "no article text"),
    ("broken.json", b'{"text": ', "malformed JSON"),
    ("scalar.json", b'"just a string"', "neither a record nor a list"),
    ("list.jsonl", b"[1, 2]\n", "not an object"),
]


@pytest.mark.parametrize("name,data,reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_one_problem(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    arts, problems = load_articles([tmp_path])
    assert arts == []
    assert len(problems) == 1 and reason in problems[0].reason, reasons(problems)
    assert problems[0].path.startswith(str(tmp_path / name))


def test_size_limit_names_size_and_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("12 boats. " * 100)
    arts, problems = load_articles([big], max_bytes=100)
    assert arts == [] and "1,000 bytes, over the limit of 100" in problems[0].reason
    assert load_articles([big], max_bytes=1000)[0][0].id == "big"


@pytest.mark.parametrize("name,reason", [
    ("nope.txt", "no such file or folder"),
    ("missing-folder", "no such file or folder"),
    ("report.pdf", "unsupported file type .pdf"),
    ("README", "unsupported file type (none)"),
])
def test_explicit_path_problems(tmp_path, name, reason):
    if not name.startswith(("nope", "missing")):
        (tmp_path / name).write_bytes(b"%PDF-1.4 12 boats")
    (tmp_path / "ok.txt").write_text("5 boats")
    arts, problems = load_articles([tmp_path / name, tmp_path / "ok.txt"])
    assert [a.id for a in arts] == ["ok"]
    assert len(problems) == 1 and reason in problems[0].reason, reasons(problems)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_special_file_does_not_block_or_raise(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    arts, problems = load_articles([tmp_path / "pipe.txt"])
    assert arts == [] and "not a regular file" in problems[0].reason
    assert load_articles([tmp_path]) == ([], [])  # in a folder it is not an article at all


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads every file")
def test_unreadable_file_is_a_problem(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text("12 boats")
    f.chmod(0)
    try:
        arts, problems = load_articles([tmp_path])
    finally:
        f.chmod(0o644)
    assert arts == [] and "cannot read" in problems[0].reason


def test_only_empty_paths_raise():
    with pytest.raises(InputError):
        load_articles([])
    with pytest.raises(InputError):
        iter_articles([])  # at the call, not at the first next()


def test_iter_articles_streams_and_collects_problems(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    (tmp_path / "b.txt").write_text("")
    problems: list = []
    stream = iter_articles(str(tmp_path), problems=problems)  # one path, not a list, is fine
    assert next(stream).id == "a" and problems == []
    assert list(stream) == [] and [p.reason for p in problems] == ["empty file"]


# --- encodings and text cleaning --------------------------------------------------------

ENCODINGS = [
    ("utf8", "Café £5m – 12 boats".encode("utf-8"), "Café £5m – 12 boats"),
    ("utf8-bom", "\ufeffCafé 12 boats".encode("utf-8"), "Café 12 boats"),
    ("utf16-le-bom", "Café 12 boats".encode("utf-16-le").join([b"\xff\xfe", b""]),
     "Café 12 boats"),
    ("utf16-be-bom", b"\xfe\xff" + "Café 12 boats".encode("utf-16-be"), "Café 12 boats"),
    ("cp1252", "“Café” £5m – 12 boats".encode("cp1252"), "“Café” £5m – 12 boats"),
    ("latin1", b"caf\xe9 \x81 12 boats", "café  12 boats"),  # C1 control dropped
    ("crlf-and-controls", b"one\r\ntwo\rthree\x07\x0c\tfour", "one\ntwo\nthree\tfour"),
]


@pytest.mark.parametrize("data,expected", [e[1:] for e in ENCODINGS],
                         ids=[e[0] for e in ENCODINGS])
def test_decoding_and_cleaning(tmp_path, data, expected):
    (tmp_path / "x.txt").write_bytes(data)
    arts, problems = load_articles([tmp_path / "x.txt"])
    assert problems == [] and arts[0].text == expected


# --- JSON and JSONL ---------------------------------------------------------------------

JSON_SHAPES = [
    ("list", [{"id": "r1", "text": "5 boats"}, {"text": "6 boats"}], ["r1", "feed-2"]),
    ("single", {"id": "r1", "text": "5 boats"}, ["r1"]),
    ("articles-key", {"articles": [{"text": "5 boats"}, {"html": "<p>6 boats</p>"}]},
     ["feed-1", "feed-2"]),
]


@pytest.mark.parametrize("doc,ids", [s[1:] for s in JSON_SHAPES], ids=[s[0] for s in JSON_SHAPES])
def test_json_shapes(tmp_path, doc, ids):
    (tmp_path / "feed.json").write_text(json.dumps(doc))
    arts, problems = load_articles([tmp_path])
    assert problems == [] and [a.id for a in arts] == ids


@pytest.mark.parametrize("record,field,expected", [
    ({"story": "s9"}, "story", "s9"),
    ({"cluster_id": "c1"}, "story", "c1"),
    ({"cluster": 7}, "story", "7"),
    ({"date": "2024-07-17"}, "published", dt.date(2024, 7, 17)),
    ({"published": "2024-07-17T23:30:00+01:00"}, "published", dt.date(2024, 7, 17)),
    ({"published": "2024-07-17 08:00:00"}, "published", dt.date(2024, 7, 17)),
    ({"id": 42}, "id", "42"),
    ({"title": "T", "url": "https://x", "source": "S"}, "title", "T"),
    ({"html": "<title>HT</title><p>5 boats</p>", "text": ""}, "title", "HT"),
    ({"source": "  "}, "source", None),
])
def test_jsonl_fields(tmp_path, record, field, expected):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "5 boats", **record}) + "\n")
    arts, problems = load_articles([tmp_path])
    assert problems == [] and getattr(arts[0], field) == expected


def test_jsonl_bad_lines_keep_the_rest(tmp_path):
    lines = ['{"id": "a", "text": "5 boats"}', "", "{oops", '{"id": "b"}',
             '{"id": "c", "text": "6 boats"}']
    (tmp_path / "feed.jsonl").write_text("\r\n".join(lines))
    arts, problems = load_articles([tmp_path])
    assert [a.id for a in arts] == ["a", "c"]
    assert [p.path.rsplit(":", 1)[1] for p in problems] == ["3", "4"]


@pytest.mark.parametrize("value", ["soon", "2024-13-01", "04/11/2024", "2024-11-04junk", 20241104])
def test_unreadable_date_is_ignored_with_a_problem(tmp_path, value):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "a", "text": "5 boats",
                                                      "published": value}))
    arts, problems = load_articles([tmp_path])
    assert arts[0].published is None
    assert len(problems) == 1 and "read without a date" in problems[0].reason
    assert not problems[0].skipped  # a note: the article itself is read
    assert problems[0].path.endswith("feed.jsonl:1")


# --- HTML -------------------------------------------------------------------------------

HTML_CASES = [
    ("prefers-article", "<header>Site</header><div>Sidebar 9</div><article><p>12 boats</p>"
                        "</article>", "12 boats"),
    ("prefers-main", "<div>Cookie banner</div><main><p>A</p><p>B</p></main>", "A\n\nB"),
    ("longest-article", "<article><p>Teaser</p></article><article><p>The story has 12 boats"
                        "</p></article>", "The story has 12 boats"),
    ("drops-furniture", "<body><p>Keep</p><noscript>js</noscript><form>q</form><iframe>f"
                        "</iframe><footer>foot</footer><aside>ad</aside><style>x</style>"
                        "<template><p>tpl</p></template></body>", "Keep"),
    ("blocks-and-breaks", "<h2>H</h2><ul><li>one</li><li>two</li></ul><blockquote>q</blockquote>"
                          "a<br>b", "H\n\none\n\ntwo\n\nq\n\na\n\nb"),
    ("inline-joins", "<p>31,<b>094</b> people&nbsp;&nbsp; crossed&thinsp;today</p>",
     "31,094 people crossed today"),
    ("entities", "<p>&pound;5m &amp; &lt;10% &mdash; O&#8217;Neil&#x27;s</p>",
     "£5m & <10% — O’Neil's"),
    ("table-cells", "<table><tr><td>2023</td><td>29,437</td></tr><tr><td>2024</td>"
                    "<td>31,094</td></tr></table>", "2023 29,437\n\n2024 31,094"),
]


@pytest.mark.parametrize("html,expected", [c[1:] for c in HTML_CASES],
                         ids=[c[0] for c in HTML_CASES])
def test_html_to_text(tmp_path, html, expected):
    (tmp_path / "page.htm").write_text(html, encoding="utf-8")
    arts, problems = load_articles([tmp_path])
    assert problems == [] and arts[0].text == expected


@pytest.mark.parametrize("html,title", [
    ("<title> A\n  page </title><h1>Head</h1><p>x</p>", "A page"),
    ("<h1>Only <i>head</i></h1><p>x</p>", "Only head"),
    ("<title> </title><h1>Head</h1><p>x</p>", "Head"),
    ("<p>x</p>", None),
])
def test_html_title(tmp_path, html, title):
    (tmp_path / "page.html").write_text(html)
    assert load_articles([tmp_path])[0][0].title == title


def test_manifest_title_beats_html_title(tmp_path):
    (tmp_path / "page.html").write_text("<title>HTML</title><p>x</p>")
    (tmp_path / "manifest.csv").write_text("file,id,title\npage.html,p1,Manifest\n")
    assert load_articles([tmp_path])[0][0].title == "Manifest"


# --- folders and manifests --------------------------------------------------------------

def test_folder_is_recursive_sorted_and_names_other_files(tmp_path):
    for rel in ("b.txt", "a/z.md", "a/y.HTML", "c.csv", "d.pdf", "notes", ".hidden.txt",
                ".git/x.txt", "a/._z.md"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("<p>5 boats</p>")
    arts, problems = load_articles([tmp_path])
    assert [a.id for a in arts] == ["y", "z", "b"]
    # Files of other types are named, once each; hidden tool droppings and CSV manifests are not.
    assert sorted(Path(p.path).name for p in problems) == ["d.pdf", "notes"]
    assert all("is not an article type" in p.reason for p in problems)


def test_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    arts, problems = load_articles([tmp_path, tmp_path / "a.txt", tmp_path])
    assert [a.id for a in arts] == ["a"] and problems == []


def test_duplicate_ids_keep_the_first(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.jsonl").write_text('{"id": "same", "text": "5 boats"}\n')
    arts, problems = load_articles([tmp_path])
    assert len(arts) == 1 and arts[0].path.endswith("a.jsonl")
    assert len(problems) == 1 and "duplicate id 'same'" in problems[0].reason
    assert problems[0].path.endswith("b.jsonl:1")


def test_manifest_columns(tmp_path):
    (tmp_path / "x.txt").write_text("5 boats")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "y.txt").write_text("6 boats")
    (tmp_path / "manifest.csv").write_text(
        "File, ID ,source,published,title,url,extra\n"
        "x.txt,,Outlet,2024-01-02T09:00:00Z,,,ignored\n"
        "sub/y.txt,why,,,Y title,,\n")
    arts, problems = load_articles([tmp_path])
    x, y = by_id(arts)["x"], by_id(arts)["why"]
    assert (x.source, x.published, x.title, x.url) == ("Outlet", dt.date(2024, 1, 2), None, None)
    assert (y.source, y.title) == (None, "Y title")
    assert problems == []


@pytest.mark.parametrize("row,reason", [
    ("../outside.txt,o", "leaves its folder"),
    ("../../../../../etc/passwd,evil", "leaves its folder"),
    ("/etc/passwd,evil", "leaves its folder"),
    (",nofile", "without a file"),
    ("gone.txt,g", "not found"),
    ("a.txt,again", "listed again"),
])
def test_manifest_row_problems(tmp_path, row, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "outside.txt").write_text("secret 99")
    (folder / "a.txt").write_text("5 boats")
    (folder / "manifest.csv").write_text(f"file,id\na.txt,first\n{row}\n")
    arts, problems = load_articles([folder])
    assert [a.id for a in arts] == ["first"]
    assert len(problems) == 1 and reason in problems[0].reason, reasons(problems)
    assert problems[0].path.endswith("manifest.csv:3")


def test_manifest_without_file_column(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    (tmp_path / "manifest.csv").write_text("name,id\na.txt,x\n")
    arts, problems = load_articles([tmp_path])
    assert [a.id for a in arts] == ["a"] and "no 'file' column" in problems[0].reason


def test_manifest_bad_date_keeps_article(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    (tmp_path / "manifest.csv").write_text("file,id,published\na.txt,x,last Tuesday\n")
    arts, problems = load_articles([tmp_path])
    assert (arts[0].id, arts[0].published) == ("x", None)
    assert len(problems) == 1 and "'last Tuesday' not understood; read without a date" in problems[0].reason


def test_manifest_argument_overrides_folder_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    (tmp_path / "manifest.csv").write_text("file,id,source\na.txt,folder,F\n")
    meta = tmp_path / "meta"
    meta.mkdir()
    (meta / "other.csv").write_text("file,id,source\n../a.txt,x,X\n")
    # The named manifest's paths are relative to its own folder, and may not leave it.
    arts, problems = load_articles([tmp_path / "a.txt"], manifest=meta / "other.csv")
    assert [a.id for a in arts] == ["a"] and "leaves its folder" in problems[0].reason
    (tmp_path / "top.csv").write_text("file,id,source\na.txt,named,N\n")
    arts, problems = load_articles([tmp_path], manifest=tmp_path / "top.csv")
    assert [(a.id, a.source) for a in arts] == [("named", "N")] and problems == []
    assert load_articles([tmp_path])[0][0].id == "folder"


def test_missing_manifest_argument_is_a_problem(tmp_path):
    (tmp_path / "a.txt").write_text("5 boats")
    arts, problems = load_articles([tmp_path], manifest=tmp_path / "nope.csv")
    assert [a.id for a in arts] == ["a"]
    assert [p.reason for p in problems] == ["manifest not found"]


def test_explicit_file_uses_its_folder_manifest():
    arts, problems = load_articles([DATA / "a.txt"])
    assert arts[0].id == "art-a" and "leaves its folder" in reasons(problems)


# --- real shared material ---------------------------------------------------------------

def test_seeds_folder():
    arts, problems = load_articles([shared("seeds")])
    assert problems == [] and len(arts) == 4
    old = by_id(arts)["003_7907c1b8cd37bcb3"]
    assert (old.source, old.published) == ("Daily Express", dt.date(2024, 7, 17))
    assert all(a.text.strip() and a.published for a in arts)


def test_real_corpus_jsonl():
    arts, problems = load_articles([shared("corpora", "basil_all.jsonl")])
    assert len(arts) == 300 and problems == []
    assert all(a.story and a.text.strip() for a in arts)


@pytest.mark.parametrize("value,expected", [
    ("Published : November 10, 2011", dt.date(2011, 11, 10)),
    ("PUBLISHED : WEDNESDAY, MARCH 13, 2013, 2:29 PM UPDATED : THURSDAY, MARCH 14, 2013",
     dt.date(2013, 3, 13)),
    ("21 July 2013 Last updated at 11:11 GMT", dt.date(2013, 7, 21)),
    ("Posted : Nov 27, 2005 8:20 AM ET Last Updated : Nov 27, 2005 8:10 PM ET",
     dt.date(2005, 11, 27)),
    ("published : 2012-04-04 11:47 : 35", dt.date(2012, 4, 4)),
    ("MONDAY, JUNE 11TH, 2012 AT 10:49 AM", dt.date(2012, 6, 11)),
    ("04 / 28 / 09 07:35 PM ET", dt.date(2009, 4, 28)),  # 28 cannot be the month
    ("Last updated 13:26 14 / 09 / 2013", dt.date(2013, 9, 14)),
    ("Updated 4 / 9 / 2007 6:04 PM", None),  # 9 April or 4 September: not certain
    ("APR 28", None),                       # no year
])
def test_publication_dates_wrapped_in_feed_furniture(value, expected):
    from factcheck.ingest import parse_published

    assert parse_published(value) == expected


def test_a_lone_surrogate_in_json_is_read_and_written(tmp_path):
    """A JSON "\\ud800" escape with no pair is no character: the record is read with the
    replacement character in its place, and the outputs are written."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x1", "text": "Around 12 boats crossed on Monday \\ud800.", '
                    '"source": "Wire \\udc00", "published": "2024-11-04"}\n'
                    '{"id": "x2", "text": "Some 12 boats crossed on Monday.", '
                    '"source": "Paper", "published": "2024-11-05"}\n', encoding="utf-8")
    arts, problems = load_articles([feed])
    assert not problems and len(arts) == 2
    assert "\ufffd" in arts[0].text and arts[0].source == "Wire \ufffd"
    paths = pipeline.write_outputs(pipeline.check_articles(arts), tmp_path / "out")
    assert all(Path(p).exists() for p in paths.values())
