"""Files, folders, HTML, JSONL and manifests -> Articles.

Every bad input becomes one ``Problem`` (path and reason) and the batch goes on; nothing here
raises for a bad file. The text handed on is the article text exactly: later character offsets
refer to ``Article.text``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from . import dates
from .errors import InputError
from .schema import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("id", "source", "published", "title", "url")
DEFAULT_MAX_BYTES = 20_000_000
# A JSON/JSONL file is a feed of many articles (a night's 10,000 is about 30 MB), so its limit
# is this many times the per-article one.
FEED_SIZE_FACTOR = 50
SNIFF_BYTES = 8192

PathLike = str | os.PathLike

# C0 and C1 controls except \t and \n; \r, NEL and the Unicode separators are newlines first.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# Every horizontal space HTML text may carry (nbsp, thin, narrow nbsp...) collapses to one.
_SPACES = re.compile(r"[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "template", "iframe", "svg", "button")
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section",
               "blockquote", "article", "main", "ul", "ol", "dl", "dd", "dt", "table", "pre",
               "figure", "figcaption", "hr")
_CELL_TAGS = ("td", "th")
_BOMS = (  # longest first: a UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


# --- decoding ---------------------------------------------------------------------------

def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding: UTF-8, UTF-16 by BOM, then cp1252, then latin-1.

    >>> decode("café".encode("cp1252")), decode("\\ufeffcafé".encode("utf-8"))
    ('café', 'café')
    >>> decode("café".encode("utf-16")), decode(b"\\xff\\xfea\\x00b")  # odd length: no raise
    ('café', 'a\\ufffd')
    >>> decode(b"\\x81\\x8d")  # bytes cp1252 leaves undefined
    '\\x81\\x8d'
    """
    bom = _bom_encoding(data)
    if bom:
        # A truncated UTF-16 file must not raise; the damage is one replacement character.
        return data.decode(bom, errors="replace")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def clean_text(text: str) -> str:
    """Newlines to \\n and control characters out (tabs and newlines stay).

    >>> clean_text("a\\r\\nb\\x00c\\rd\\u2028e\\x9f")
    'a\\nbc\\nd\\ne'
    """
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


def _pick_root(tree: LexborHTMLParser) -> Any:
    """The node holding the story: the longest <article>, else <main>, else <body>."""
    articles = tree.css("article")
    if articles:
        # Pages often carry teaser <article> cards next to the story; the story is the longest.
        return max(articles, key=lambda n: len(n.text(strip=True)))
    return tree.css_first("main") or tree.body or tree.root


def html_to_text(html: str) -> tuple[str, str | None]:
    """Readable text of an HTML page (blocks as paragraphs) and its title.

    >>> html_to_text("<title>T &amp; co</title><nav>menu</nav><p>£5m&nbsp;<b>paid</b></p>"
    ...              "<script>x=1</script><p>Next</p>")
    ('£5m paid\\n\\nNext', 'T & co')
    >>> html_to_text("<h1>Head</h1>a<br>b<table><tr><td>1</td><td>2</td></tr></table>")
    ('Head\\n\\na\\n\\nb\\n\\n1 2', 'Head')
    """
    tree = LexborHTMLParser(html)
    title = None
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            # strip=True would strip each text node and glue "Only <i>head</i>" to "Onlyhead".
            title = _SPACES.sub(" ", node.text(strip=False).replace("\n", " ")).strip() or None
        if title:
            break
    root = _pick_root(tree)
    if root is None:
        return "", title
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for tag in _BLOCK_TAGS:
        for node in root.css(tag):
            node.insert_before("\n\n")
            node.insert_after("\n\n")
    for tag in _CELL_TAGS:
        for node in root.css(tag):
            node.insert_after(" ")
    raw = root.text(separator="", strip=False)
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    paragraphs: list[str] = []
    blank = False
    for line in lines:
        # Source newlines inside a paragraph are soft wraps; only block boundaries (blank
        # lines after the inserts above) separate paragraphs.
        if not line:
            blank = True
            continue
        if paragraphs and not blank:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        blank = False
    return "\n\n".join(paragraphs), title


def parse_published(value: Any) -> dt.date | None:
    """A publication date from YYYY-MM-DD or an ISO timestamp; None if unreadable.

    >>> parse_published("2024-11-04T10:00:00Z"), parse_published("soon")
    (datetime.date(2024, 11, 4), None)
    >>> parse_published("2024-11-04 23:30:00-05:00"), parse_published("2024-11-04junk")
    (datetime.date(2024, 11, 4), None)
    >>> parse_published("DECEMBER 16, 2008")
    datetime.date(2008, 12, 16)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        # The date as written, not converted to UTC: that is the day the outlet published.
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    # Feeds also write dates out ("DECEMBER 16, 2008", "16 Dec 2008"): dateparser reads those,
    # but only with a year, since there is no publication date to place it against.
    return dates.parse_written_date(s)


# --- manifests --------------------------------------------------------------------------

def _none_if_blank(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_manifest(path: Path, problems: list[Problem]) -> dict[Path, dict[str, Any]]:
    """Rows of a manifest keyed by the resolved article path; bad rows become problems."""
    rows: dict[Path, dict[str, Any]] = {}
    try:
        base = path.parent.resolve()
        text = clean_text(decode(path.read_bytes()))
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames or []
        # Hand-made manifests come with " File" or "ID" headers; match them loosely.
        reader.fieldnames = [(f or "").strip().lower() for f in fields]
        if "file" not in reader.fieldnames:
            problems.append(Problem(str(path), "manifest has no 'file' column"))
            return rows
        for n, row in enumerate(reader, start=2):
            name = _none_if_blank(row.get("file"))
            if not name:
                problems.append(Problem(f"{path}:{n}", "manifest row without a file"))
                continue
            target = (base / name).resolve()
            if base != target and base not in target.parents:
                problems.append(Problem(f"{path}:{n}",
                                        f"manifest path {name!r} leaves its folder; refused"))
                continue
            if target in rows:
                problems.append(Problem(f"{path}:{n}",
                                        f"{name!r} listed again; first row kept"))
                continue
            if not target.exists():
                problems.append(Problem(f"{path}:{n}", f"manifest lists {name!r}, not found"))
            rows[target] = {k: _none_if_blank(row.get(k)) for k in MANIFEST_FIELDS}
    except (OSError, csv.Error) as exc:
        problems.append(Problem(str(path), f"cannot read manifest: {exc}"))
    return rows


# --- reading ----------------------------------------------------------------------------

def _read_text(path: Path, max_bytes: int, problems: list[Problem]) -> str | None:
    """The decoded, cleaned text of a file, or None after recording why not."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            problems.append(Problem(str(path), f"file is {size:,} bytes, over the limit of "
                                               f"{max_bytes:,}"))
            return None
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        problems.append(Problem(str(path), f"cannot read: {exc.strerror or exc}"))
        return None
    if len(data) > max_bytes:
        problems.append(Problem(str(path), f"file is over the limit of {max_bytes:,} bytes"))
        return None
    bom = _bom_encoding(data)
    if b"\x00" in data[:SNIFF_BYTES] and not bom:
        problems.append(Problem(str(path), "binary file, not text"))
        return None
    text = clean_text(decode(data))
    if not text.strip("\ufeff \t\n"):
        problems.append(Problem(str(path), "empty file"))
        return None
    return text


def _record_id(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _article(meta: dict[str, Any], text: str, path: Path, problems: list[Problem],
             where: str, default_id: str, title: str | None = None) -> Article | None:
    text = clean_text(text)
    if not text.strip():
        problems.append(Problem(where, "no article text found"))
        return None
    raw_date = meta.get("published")
    if raw_date in (None, ""):
        raw_date = meta.get("date")
    published = parse_published(raw_date)
    if raw_date not in (None, "") and published is None:
        problems.append(Problem(where, f"publication date {raw_date!r} not understood; "
                                       "read without a date", skipped=False))
    story = next((meta[k] for k in ("story", "cluster_id", "cluster")
                  if _record_id(meta.get(k)) is not None), None)
    return Article(id=_record_id(meta.get("id")) or default_id, text=text, path=str(path),
                   source=_none_if_blank(meta.get("source")), published=published,
                   title=_none_if_blank(meta.get("title")) or title,
                   url=_none_if_blank(meta.get("url")),
                   story=_record_id(story))


def _records(path: Path, text: str, problems: list[Problem]
             ) -> Iterator[tuple[str, str, Any]]:
    """(where, default id, record) for each record of a JSONL or JSON file."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(Problem(f"{path}:{exc.lineno}", f"malformed JSON: {exc.msg}"))
            return
        items = doc.get("articles", [doc]) if isinstance(doc, dict) else doc
        if not isinstance(items, list):
            problems.append(Problem(str(path), "JSON is neither a record nor a list of records"))
            return
        for n, item in enumerate(items, start=1):
            yield f"{path} record {n}", f"{path.stem}-{n}", item
        return
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(f"{path}:{n}", f"malformed JSON line: {exc.msg}"))
            continue
        yield f"{path}:{n}", f"{path.stem}-{n}", rec


def _from_file(path: Path, meta: dict[str, Any], max_bytes: int,
               problems: list[Problem]) -> Iterator[tuple[str, Article]]:
    """(where, article) for each article in one file."""
    suffix = path.suffix.lower()
    limit = max_bytes * FEED_SIZE_FACTOR if suffix in JSON_SUFFIXES else max_bytes
    text = _read_text(path, limit, problems)
    if text is None:
        return
    if suffix in JSON_SUFFIXES:
        for where, default_id, rec in _records(path, text, problems):
            if not isinstance(rec, dict):
                problems.append(Problem(where, "record is not an object"))
                continue
            body, title = rec.get("text"), None
            if not isinstance(body, str) or not body.strip():
                html = rec.get("html")
                if not isinstance(html, str) or not html.strip():
                    problems.append(Problem(where, "record has neither text nor html"))
                    continue
                body, title = html_to_text(html)
            art = _article(rec, body, path, problems, where, default_id, title)
            if art:
                yield where, art
        return
    body, title = html_to_text(text) if suffix in HTML_SUFFIXES else (text, None)
    art = _article(meta, body, path, problems, str(path), path.stem, title)
    if art:
        yield str(path), art


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """Article files under a folder, sorted; unreadable subfolders become problems."""
    found: list[Path] = []

    def report(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename or folder),
                                f"cannot read folder: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=report):
        # Hidden entries are tool droppings (.git, macOS ._resource forks), never articles.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            f = Path(dirpath, name)
            # CSV files are manifests (the folder's own, or one named with --manifest).
            if name.startswith(".") or f.suffix.lower() == ".csv" or not f.is_file():
                continue
            if f.suffix.lower() in SUFFIXES:
                found.append(f)
            else:
                # Named, not silently passed over: a PDF in tonight's inbox is an article the
                # run did not read, and the editor should know.
                problems.append(Problem(str(f), f"{f.suffix or 'no suffix'} is not an "
                                                f"article type ({', '.join(sorted(SUFFIXES))})"))
    return sorted(found)


def _files(paths: Iterable[PathLike], problems: list[Problem]
           ) -> Iterator[tuple[Path, Path | None]]:
    """(file, root of its manifest search) for every input file, each file once."""
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            pairs = [(f, p) for f in _walk(p, problems)]
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                problems.append(Problem(str(p), f"unsupported file type {p.suffix or '(none)'}; "
                                                f"expected one of {', '.join(sorted(SUFFIXES))}"))
                continue
            pairs = [(p, None)]
        elif p.exists():
            problems.append(Problem(str(p), "not a regular file or folder"))
            continue
        else:
            problems.append(Problem(str(p), "no such file or folder"))
            continue
        for f, root in pairs:
            key = f.resolve()
            if key not in seen:  # a folder and a file inside it both named: read it once
                seen.add(key)
                yield f, root


class _Manifests:
    """Folder manifests, each read once; the nearest one listing a file describes it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.cache: dict[Path, dict[Path, dict[str, Any]]] = {}

    def rows(self, manifest: Path) -> dict[Path, dict[str, Any]]:
        if manifest not in self.cache:
            self.cache[manifest] = read_manifest(manifest, self.problems)
        return self.cache[manifest]

    def meta(self, path: Path, root: Path | None) -> dict[str, Any]:
        key = path.resolve()
        folder = path.parent
        stop = root.resolve() if root is not None else folder.resolve()
        while True:
            manifest = folder / MANIFEST_NAME
            if manifest.is_file() and key in self.rows(manifest):
                return self.rows(manifest)[key]
            if folder.resolve() == stop or folder.parent == folder:
                return {}
            folder = folder.parent


def iter_articles(paths: Iterable[PathLike] | PathLike, manifest: PathLike | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, problems: list[Problem] | None = None
                  ) -> Iterator[Article]:
    """Stream the articles of files and folders; bad inputs are appended to ``problems``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not a sequence of characters
    paths = list(paths)
    if not paths:
        raise InputError("no input paths given")  # raised at the call, not at first next()
    return _iter(paths, manifest, max_bytes, problems if problems is not None else [])


def _iter(paths: list[PathLike], manifest: PathLike | None, max_bytes: int,
          problems: list[Problem]) -> Iterator[Article]:
    explicit: dict[Path, dict[str, Any]] | None = None
    if manifest is not None:
        if Path(manifest).is_file():
            explicit = read_manifest(Path(manifest), problems)
        else:
            problems.append(Problem(str(manifest), "manifest not found"))
            explicit = {}
    folders = _Manifests(problems)
    seen: dict[str, str] = {}
    for path, root in _files(paths, problems):
        if explicit is not None:  # the named manifest replaces every folder manifest
            meta = explicit.get(path.resolve(), {})
        else:
            meta = folders.meta(path, root)
        for where, art in _from_file(path, meta, max_bytes, problems):
            if art.id in seen:
                problems.append(Problem(where, f"duplicate id {art.id!r}, first in "
                                               f"{seen[art.id]}"))
                continue
            seen[art.id] = where
            yield art


def stream_articles(paths: Iterable[PathLike] | PathLike, problems: list[Problem],
                    manifest: PathLike | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                    on_problem: Callable[[Problem], None] | None = None) -> Iterator[Article]:
    """Like iter_articles, but each problem is also told to ``on_problem`` as soon as it is
    met (a long batch names a bad file when it reaches it, not at the end)."""
    told = 0
    for art in iter_articles(paths, manifest, max_bytes, problems):
        if on_problem:
            for p in problems[told:]:
                on_problem(p)
        told = len(problems)
        yield art
    if on_problem:
        for p in problems[told:]:
            on_problem(p)


def load_articles(paths: Iterable[PathLike] | PathLike, manifest: PathLike | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Problem]]:
    """Read every article of the inputs; return them with the problems met on the way."""
    problems: list[Problem] = []
    articles = list(iter_articles(paths, manifest, max_bytes, problems))
    return articles, problems
