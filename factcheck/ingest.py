"""Files, folders, HTML, JSONL and manifests -> Articles.

Every bad input becomes one ``Problem`` (path and reason) and the batch goes on; nothing here
raises for a bad file. The text handed on is the article text exactly: later character offsets
refer to ``Article.text``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .errors import InputError
from .schema import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MANIFEST_NAME = "manifest.csv"
DEFAULT_MAX_BYTES = 20_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "template", "iframe", "svg", "figcaption", "button")
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
               "blockquote", "article", "main", "ul", "ol", "table", "pre", "dd", "dt")


# --- decoding ---------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding: UTF-8, UTF-16 by BOM, then cp1252, then latin-1.

    >>> decode("café".encode("cp1252")), decode("\\ufeffcafé".encode("utf-8"))
    ('café', 'café')
    >>> decode("café".encode("utf-16"))
    'café'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def clean_text(text: str) -> str:
    """Newlines to \\n and control characters out (tabs and newlines stay).

    >>> clean_text("a\\r\\nb\\x00c\\rd")
    'a\\nbc\\nd'
    """
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def html_to_text(html: str) -> tuple[str, str | None]:
    """Readable text of an HTML page (blocks as paragraphs) and its title.

    >>> html_to_text("<title>T &amp; co</title><nav>menu</nav><p>£5m&nbsp;<b>paid</b></p>"
    ...              "<script>x=1</script><p>Next</p>")
    ('£5m paid\\n\\nNext', 'T & co')
    """
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = title_node.text(strip=True) if title_node else None
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title or None
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for tag in _BLOCK_TAGS:
        for node in root.css(tag):
            node.insert_before("\n\n")
            node.insert_after("\n\n")
    for node in root.css("br"):
        node.insert_after("\n")
    raw = root.text(separator="", strip=False).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, title or None


def parse_published(value: Any) -> dt.date | None:
    """A publication date from YYYY-MM-DD or an ISO timestamp; None if unreadable.

    >>> parse_published("2024-11-04T10:00:00Z"), parse_published("soon")
    (datetime.date(2024, 11, 4), None)
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


# --- manifests --------------------------------------------------------------------------

def _none_if_blank(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_manifest(path: Path, problems: list[Problem]) -> dict[Path, dict[str, Any]]:
    """Rows of a manifest keyed by the resolved article path; bad rows become problems."""
    rows: dict[Path, dict[str, Any]] = {}
    base = path.parent.resolve()
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "file" not in reader.fieldnames:
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
                rows[target] = {k: _none_if_blank(row.get(k))
                                for k in ("id", "source", "published", "title", "url")}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(str(path), f"cannot read manifest: {exc}"))
    return rows


# --- reading ----------------------------------------------------------------------------

def _read_bytes(path: Path, max_bytes: int, problems: list[Problem]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            problems.append(Problem(str(path), f"file is {size:,} bytes, over the limit of "
                                               f"{max_bytes:,}"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), f"cannot read: {exc.strerror or exc}"))
        return None
    if not data.strip():
        problems.append(Problem(str(path), "empty file"))
        return None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(str(path), "binary file, not text"))
        return None
    return data


def _article(meta: dict[str, Any], text: str, path: Path, problems: list[Problem],
             where: str, default_id: str, title: str | None = None) -> Article | None:
    text = clean_text(text)
    if not text.strip():
        problems.append(Problem(where, "no text"))
        return None
    raw_date = meta.get("published") or meta.get("date")
    published = parse_published(raw_date)
    if raw_date and published is None:
        problems.append(Problem(where, f"publication date {raw_date!r} not understood; ignored"))
    story = meta.get("story") or meta.get("cluster_id") or meta.get("cluster")
    return Article(id=str(meta.get("id") or default_id), text=text, path=str(path),
                   source=_none_if_blank(meta.get("source")), published=published,
                   title=_none_if_blank(meta.get("title")) or title,
                   url=_none_if_blank(meta.get("url")),
                   story=str(story) if story is not None else None)


def _records(path: Path, text: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """(line number, record) pairs of a JSONL or JSON file."""
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
            yield n, item
        return
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(f"{path}:{n}", f"malformed JSON line: {exc.msg}"))


def _from_file(path: Path, meta: dict[str, Any], max_bytes: int,
               problems: list[Problem]) -> Iterator[Article]:
    data = _read_bytes(path, max_bytes, problems)
    if data is None:
        return
    text = decode(data)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        for n, rec in _records(path, text, problems):
            where = f"{path}:{n}"
            if not isinstance(rec, dict):
                problems.append(Problem(where, "record is not an object"))
                continue
            body, title = rec.get("text"), None
            if not isinstance(body, str) or not body.strip():
                html = rec.get("html")
                if isinstance(html, str) and html.strip():
                    body, title = html_to_text(html)
                else:
                    problems.append(Problem(where, "record has neither text nor html"))
                    continue
            art = _article(rec, body, path, problems, where, f"{path.stem}-{n}", title)
            if art:
                yield art
        return
    if suffix in HTML_SUFFIXES:
        body, title = html_to_text(text)
    else:
        body, title = text, None
    art = _article(meta, body, path, problems, str(path), path.stem, title)
    if art:
        yield art


def _files(paths: Sequence[str | os.PathLike], problems: list[Problem]
           ) -> Iterator[tuple[Path, Path | None]]:
    """(file, manifest of its folder or None) for every input file, sorted within folders."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES:
                    manifest = f.parent / MANIFEST_NAME
                    yield f, manifest if manifest.is_file() else None
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                problems.append(Problem(str(p), f"unsupported file type {p.suffix or '(none)'}; "
                                                f"expected one of {', '.join(sorted(SUFFIXES))}"))
                continue
            manifest = p.parent / MANIFEST_NAME
            yield p, manifest if manifest.is_file() else None
        else:
            problems.append(Problem(str(p), "no such file or folder"))


def iter_articles(paths: Sequence[str | os.PathLike], manifest: str | os.PathLike | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, problems: list[Problem] | None = None
                  ) -> Iterator[Article]:
    """Stream the articles of files and folders; bad inputs are appended to ``problems``."""
    if not paths:
        raise InputError("no input paths given")
    problems = problems if problems is not None else []
    manifests: dict[Path, dict[Path, dict[str, Any]]] = {}
    explicit = read_manifest(Path(manifest), problems) if manifest else None
    if manifest and not Path(manifest).is_file():
        problems.append(Problem(str(manifest), "manifest not found"))
    seen: dict[str, str] = {}
    for path, folder_manifest in _files(paths, problems):
        if explicit is not None:
            rows = explicit
        elif folder_manifest is not None:
            if folder_manifest not in manifests:
                manifests[folder_manifest] = read_manifest(folder_manifest, problems)
            rows = manifests[folder_manifest]
        else:
            rows = {}
        meta = rows.get(path.resolve(), {})
        for art in _from_file(path, meta, max_bytes, problems):
            if art.id in seen:
                problems.append(Problem(art.path, f"duplicate id {art.id!r}, also in "
                                                  f"{seen[art.id]}; skipped"))
                continue
            seen[art.id] = art.path
            yield art


def load_articles(paths: Sequence[str | os.PathLike], manifest: str | os.PathLike | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Problem]]:
    """Read every article of the inputs; return them with the problems met on the way."""
    problems: list[Problem] = []
    articles = list(iter_articles(paths, manifest, max_bytes, problems))
    return articles, problems
