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
# Characters that show nothing but split what a reader sees as one word or figure ("1\u200b2" is
# 12 on screen): zero-width spaces and joiners, the word joiner, invisible operators, stray BOMs,
# and the bidirectional marks, embeddings, overrides and isolates (which can also make a line
# read differently from the characters it holds).
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
# A lone surrogate (a JSON "\\ud800" escape with no pair) is no character: written out, it
# would stop the report; it becomes the replacement character.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A figure grouped with thin or narrow no-break spaces ("12\u2009345", as style guides and French
# pages write it): certain only when every later group has exactly three digits and the run is not
# part of a longer one (before it, a digit, a decimal point or another group; after it, a digit or a
# decimal comma). Once the spaces are collapsed "12 345" is two figures, so the separators become
# commas first.
_THIN_THOUSANDS = re.compile(r"(?<![0-9])(?<![0-9][.,\u2009\u202f])[0-9]{1,3}"
                             r"(?:[\u2009\u202f][0-9]{3})+(?![0-9]|[\u2009\u202f,][0-9])")
_THIN = re.compile(r"[\u2009\u202f]")
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
    """Newlines to \\n, control and invisible characters out, thin-space thousands to commas.

    >>> clean_text("a\\r\\nb\\x00c\\rd\\u2028e\\x9f")
    'a\\nbc\\nd\\ne'
    >>> clean_text("1\\u200b2, \\u202e21\\u202c and 12\\u2009345 but 2023 2\\u202f000\\u202f0")
    '12, 21 and 12,345 but 2023 2\\u202f000\\u202f0'
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = _INVISIBLE.sub("", _CONTROL.sub("", _NEWLINES.sub("\n", text)))
    if "\u2009" in text or "\u202f" in text:
        text = _THIN_THOUSANDS.sub(lambda m: _THIN.sub(",", m.group()), text)
    return text


# --- pathologically deep HTML ------------------------------------------------------------
# lexbor's tree builder searches its stack of open elements at each block tag, so a page of
# 100,000 nested <div>s takes seconds to parse (time grows with the square of the depth). Like
# Chrome's parser (which stops nesting at 512), a page deeper than _MAX_DEPTH is flattened
# first. A page with fewer tags than _DEPTH_CHECK_TAGS cannot cost much (10,000 nested <div>s
# parse in under 0.1 s), so only larger pages pay for the check.
_MAX_DEPTH = 512
_DEPTH_CHECK_TAGS = 10_000
_TAG = re.compile(r"<(?:!--.*?(?:-->|\Z)|[!?][^>]*(?:>|\Z)|(/?)([A-Za-z][^\t\n\f\r />]*)"
                  r"([^>]*)(?:>|\Z))", re.DOTALL)
# Elements whose content is text, not tags, up to their end tag.
_RAW_TAGS = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
             "plaintext"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr", "keygen", "html", "head", "body"}
# Start tags that end an open element of the kind named (the usual unclosed <p>, <li>, <td>...).
_IMPLIED_END = {**{t: {"p"} for t in _BLOCK_TAGS if t != "br"},
                "li": {"li", "p"}, "dd": {"dd", "dt", "p"}, "dt": {"dd", "dt", "p"},
                "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"},
                "option": {"option"}}


class _DepthCap:
    """One pass over an HTML page that drops the tags nesting deeper than _MAX_DEPTH.

    A dropped block tag becomes a paragraph break and a dropped cell tag a space, so the text
    reads as before; a dropped furniture element (<nav>, <svg>...) goes with its content.
    """

    def __init__(self, html: str) -> None:
        self.html = html
        self.stack: list[str] = []
        self.open: dict[str, int] = {}  # open elements by name: an end tag pops only these
        self.dropped: dict[str, int] = {}  # dropped start tags whose end tags are still to come
        self.skip: list[Any] = []  # [name, nesting] of a dropped furniture element
        self.changed = False

    def run(self) -> str:
        html, out, pos = self.html, [], 0
        while (m := _TAG.search(html, pos)) is not None:
            if not self.skip:
                out.append(html[pos:m.start()])
            pos = m.end()
            name = (m.group(2) or "").lower()
            if name in _RAW_TAGS and not m.group(1):
                close = re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE).search(html, pos)
                end = html.find(">", close.end() - 1) + 1 if close else len(html)
                pos = end or len(html)
                if not self.skip:  # text only, nothing nests inside: kept at any depth
                    out.append(html[m.start():pos])
                continue
            if not name:  # a comment or doctype
                out.append("" if self.skip else m.group())
            elif m.group(1):
                out.append(self._end(name, m.group()))
            else:
                out.append(self._start(name, m.group(), m.group(3).endswith("/")))
        if not self.skip:
            out.append(html[pos:])
        return "".join(out) if self.changed else html

    def _start(self, name: str, tag: str, self_closing: bool) -> str:
        if self.skip:
            if name == self.skip[0] and not self_closing:
                self.skip[1] += 1
            return ""
        while self.stack and self.stack[-1] in _IMPLIED_END.get(name, ()):
            self._pop()
        foreign = self.open.get("svg") or self.open.get("math")
        if name in _VOID_TAGS or (self_closing and foreign):
            return tag
        if len(self.stack) < _MAX_DEPTH:
            self.stack.append(name)
            self.open[name] = self.open.get(name, 0) + 1
            return tag
        self.changed = True
        if name in _DROP_TAGS:
            self.skip = [name, 1]
            return ""
        self.dropped[name] = self.dropped.get(name, 0) + 1
        return _replacement(name)

    def _end(self, name: str, tag: str) -> str:
        if self.skip:
            if name == self.skip[0]:
                self.skip[1] -= 1
                if not self.skip[1]:
                    self.skip = []
            return ""
        if self.dropped.get(name):
            self.dropped[name] -= 1
            return _replacement(name)
        if self.open.get(name):
            while self._pop() != name:
                pass
        return tag

    def _pop(self) -> str:
        name = self.stack.pop()
        self.open[name] -= 1
        return name


def _replacement(name: str) -> str:
    """What a dropped tag leaves in the text: the break or space its element would have made."""
    return "\n\n" if name in _BLOCK_TAGS else " " if name in _CELL_TAGS else ""


def cap_depth(html: str) -> str:
    """The page with its tags nested deeper than 512 dropped (their text and breaks kept).

    >>> cap_depth("<p>x</p>") == "<p>x</p>"
    True
    >>> deep = cap_depth("<div>" * 20000 + "<p>12 people</p>" + "</div>" * 20000)
    >>> deep.count("<div>"), deep.count("</div>"), "\\n\\n12 people\\n\\n" in deep
    (512, 512, True)
    """
    if html.count("<") <= _DEPTH_CHECK_TAGS:
        return html
    return _DepthCap(html).run()


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
    tree = LexborHTMLParser(cap_depth(html))
    title = None
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            # strip=True would strip each text node and glue "Only <i>head</i>" to "Onlyhead".
            text = clean_text(node.text(strip=False)).replace("\n", " ")
            title = _SPACES.sub(" ", text).strip() or None
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
    # Cleaned before the spaces collapse: "12&thinsp;345" must become 12,345, not "12 345".
    raw = clean_text(root.text(separator="", strip=False))
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
    return _SURROGATE.sub("\ufffd", value.strip()) if isinstance(value, str) and value.strip() \
        else None


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
    return _SURROGATE.sub("\ufffd", str(value).strip()) or None


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
    given_title = meta.get("title")  # a JSON escape can hold what the file's cleaning did not
    if isinstance(given_title, str):
        title = _none_if_blank(clean_text(given_title)) or title
    return Article(id=_record_id(meta.get("id")) or default_id, text=text, path=str(path),
                   source=_none_if_blank(meta.get("source")), published=published,
                   title=title,
                   url=_none_if_blank(meta.get("url")),
                   story=_record_id(story))


def _records(path: Path, text: str, problems: list[Problem], max_bytes: int = DEFAULT_MAX_BYTES
             ) -> Iterator[tuple[str, str, Any]]:
    """(where, default id, record) for each record of a JSONL or JSON file; a JSONL line longer
    than one article may be (``max_bytes``) is named and skipped unparsed."""
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
    # Lines are cut out one at a time (never all at once), so a feed costs its text once.
    at, n = 0, 0
    while at <= len(text):
        n += 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if end - at > max_bytes:
            problems.append(Problem(f"{path}:{n}", (
                f"record of {(end - at) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB an "
                f"article may be (--max-mb); skipped")))
            at = end + 1
            continue
        line, at = text[at:end], end + 1
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
        for where, default_id, rec in _records(path, text, problems, max_bytes):
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


# The reason given for a symlink that leads out of what was named on the command line.
OUTSIDE_SYMLINK = ("symlink to a path outside the given folders; skipped "
                   "(use --follow-symlinks to read it)")


def _article_type(f: Path, problems: list[Problem]) -> bool:
    """True if the file's suffix is an article type; other types (not CSV) become problems."""
    suffix = f.suffix.lower()
    if suffix in SUFFIXES:
        return True
    if suffix != ".csv":  # CSV files are manifests (the folder's own, or one named with --manifest)
        # Named, not silently passed over: a PDF in tonight's inbox is an article the run did
        # not read, and the editor should know.
        problems.append(Problem(str(f), f"{f.suffix or 'no suffix'} is not an article type "
                                        f"({', '.join(sorted(SUFFIXES))})"))
    return False


def _walk(folder: Path, problems: list[Problem], visited: set[Path],
          links: list[Path]) -> list[Path]:
    """Article files under a folder, sorted, not following symlinks (they go to ``links``)."""
    found: list[Path] = []
    todo = [folder]
    while todo:
        d = todo.pop()
        try:
            key = d.resolve()
            if key in visited:  # named twice, or inside a folder already walked
                continue
            visited.add(key)
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(str(exc.filename or d),
                                    f"cannot read folder: {exc.strerror or exc}"))
            continue
        for e in entries:
            # Hidden entries are tool droppings (.git, macOS ._resource forks), never articles.
            if e.name.startswith("."):
                continue
            f = Path(d, e.name)
            if e.is_symlink():
                links.append(f)
            elif e.is_dir(follow_symlinks=False):
                todo.append(f)
            elif e.is_file(follow_symlinks=False) and _article_type(f, problems):
                found.append(f)  # sockets and FIFOs are not articles at all
    return sorted(found)


def _inside(target: Path, roots: set[Path]) -> bool:
    return target in roots or not roots.isdisjoint(target.parents)


def _linked(links: list[tuple[Path, Path]], roots: set[Path], follow: bool,
            problems: list[Problem], visited: set[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for the symlinks met in folders; those leading outside ``roots`` are
    refused unless ``follow`` (an article folder must not become a way to read /etc)."""
    for link, root in links:  # walking a linked folder appends the links found in it
        if link.suffix.lower() == ".csv":
            continue  # a manifest, never an article (see _article_type)
        try:
            target = link.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a loop of links, on Python < 3.13
            problems.append(Problem(str(link), "symlink loop; skipped"))
            continue
        if not follow and not _inside(target, roots):
            problems.append(Problem(str(link), OUTSIDE_SYMLINK))
        elif target.is_dir():
            # A folder already walked (the link is a loop, or leads to a folder read anyway)
            # is not walked again: visited holds every folder read so far.
            found: list[Path] = []
            files = _walk(link, problems, visited, found)
            links.extend((f, root) for f in found)
            yield from ((f, root) for f in files)
        elif target.is_file():
            if _article_type(link, problems):
                yield link, root
        elif not target.exists():
            problems.append(Problem(str(link), "broken symlink; skipped"))


def _files(paths: Iterable[PathLike], problems: list[Problem], follow_symlinks: bool = False
           ) -> Iterator[tuple[Path, Path | None]]:
    """(file, root of its manifest search) for every input file, each file once.

    Symlinks inside the named folders are read last, so a file reached both ways is read under
    its own name; a path named on the command line is the user's choice even if it is a link."""
    given = [Path(raw) for raw in paths]
    roots = {p.resolve() for p in given if p.exists()}
    seen: set[Path] = set()
    visited: set[Path] = set()
    links: list[tuple[Path, Path]] = []

    def once(pairs: Iterable[tuple[Path, Path | None]]) -> Iterator[tuple[Path, Path | None]]:
        for f, root in pairs:
            key = f.resolve()
            if key not in seen:  # a folder and a file inside it both named: read it once
                seen.add(key)
                yield f, root

    for p in given:
        if p.is_dir():
            found: list[Path] = []
            files = _walk(p, problems, visited, found)
            links.extend((f, p) for f in found)
            yield from once((f, p) for f in files)
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                problems.append(Problem(str(p), f"unsupported file type {p.suffix or '(none)'}; "
                                                f"expected one of {', '.join(sorted(SUFFIXES))}"))
                continue
            yield from once([(p, None)])
        elif p.exists():
            problems.append(Problem(str(p), "not a regular file or folder"))
        else:
            problems.append(Problem(str(p), "no such file or folder"))
    yield from once(_linked(links, roots, follow_symlinks, problems, visited))


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
                  max_bytes: int = DEFAULT_MAX_BYTES, problems: list[Problem] | None = None,
                  *, follow_symlinks: bool = False) -> Iterator[Article]:
    """Stream the articles of files and folders; bad inputs are appended to ``problems``."""
    # follow_symlinks: a symlink met in a folder is read only if it leads inside the given paths
    # (an inbox anyone can drop files into must not read /etc); one named as a path always is.
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not a sequence of characters
    paths = list(paths)
    if not paths:
        raise InputError("no input paths given")  # raised at the call, not at first next()
    return _iter(paths, manifest, max_bytes, problems if problems is not None else [],
                 follow_symlinks)


def _iter(paths: list[PathLike], manifest: PathLike | None, max_bytes: int,
          problems: list[Problem], follow_symlinks: bool) -> Iterator[Article]:
    explicit: dict[Path, dict[str, Any]] | None = None
    if manifest is not None:
        if Path(manifest).is_file():
            explicit = read_manifest(Path(manifest), problems)
        else:
            problems.append(Problem(str(manifest), "manifest not found"))
            explicit = {}
    folders = _Manifests(problems)
    seen: dict[str, str] = {}
    for path, root in _files(paths, problems, follow_symlinks):
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
                    on_problem: Callable[[Problem], None] | None = None,
                    *, follow_symlinks: bool = False) -> Iterator[Article]:
    """Like iter_articles, but each problem is also told to ``on_problem`` as soon as it is
    met (a long batch names a bad file when it reaches it, not at the end)."""
    told = 0
    for art in iter_articles(paths, manifest, max_bytes, problems,
                             follow_symlinks=follow_symlinks):
        if on_problem:
            for p in problems[told:]:
                on_problem(p)
        told = len(problems)
        yield art
    if on_problem:
        for p in problems[told:]:
            on_problem(p)


def load_articles(paths: Iterable[PathLike] | PathLike, manifest: PathLike | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, *, follow_symlinks: bool = False
                  ) -> tuple[list[Article], list[Problem]]:
    """Read every article of the inputs; return them with the problems met on the way."""
    problems: list[Problem] = []
    articles = list(iter_articles(paths, manifest, max_bytes, problems,
                                  follow_symlinks=follow_symlinks))
    return articles, problems
