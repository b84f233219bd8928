"""The history store of nightly runs: articles, claims and findings in one SQLite file.

SQLite ships with Python, needs no server and keeps a night's writes in one transaction, so a
run that fails half-way leaves the store as it was. Every write is keyed (article id, claim id,
finding key), so running the same night twice leaves the same rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import CLAIM_COLUMNS, Article, Finding

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_date TEXT PRIMARY KEY, started TEXT, finished TEXT,
    articles INTEGER, claims INTEGER, findings INTEGER, new_findings INTEGER);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, digest TEXT NOT NULL, source TEXT, published TEXT, title TEXT, url TEXT,
    story TEXT, given_story INTEGER NOT NULL, path TEXT, words TEXT NOT NULL, text TEXT NOT NULL,
    first_run TEXT NOT NULL, last_run TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_run ON articles (first_run);
CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY, article TEXT NOT NULL, row TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims (article);
CREATE TABLE IF NOT EXISTS findings (
    key TEXT PRIMARY KEY, kind TEXT, verdict TEXT, relation TEXT, claims TEXT, measure TEXT,
    score REAL, explanation TEXT, details TEXT, first_run TEXT NOT NULL, last_run TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS findings_by_run ON findings (last_run);
"""


class StoreError(RuntimeError):
    """The store file cannot be used (not a factcheck store, or a newer schema)."""


def digest(article: Article) -> str:
    """A fingerprint of what an article says and when: a changed text is a changed article."""
    h = hashlib.sha256()
    for part in (article.text, article.published_iso or "", article.source or "",
                 article.title or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def finding_key(f: Finding) -> str:
    """A finding's identity across runs: its kind, relation and claims (not its verdict text)."""
    raw = "|".join([f.kind, f.relation or "", *sorted(f.claims)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot store {type(value).__name__}")


class Store:
    """One SQLite history file; use as a context manager so it is always closed."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file")
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(_DDL)
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a factcheck store ({exc})") from exc
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer factcheck (schema {row[0]})")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    # --- reading ---------------------------------------------------------------------------

    def previous_run(self, before: str) -> str | None:
        """The date of the last run before ``before`` (YYYY-MM-DD), or None."""
        row = self.db.execute("SELECT max(run_date) FROM runs WHERE run_date < ?",
                              (before,)).fetchone()
        return row[0] if row else None

    def history(self, run_date: str, days: int, exclude: Iterable[str] = ()
                ) -> tuple[list[Article], dict[str, str]]:
        """Articles first seen in the ``days`` days before ``run_date`` (texts left out), and
        their content words for story grouping."""
        since = (dt.date.fromisoformat(run_date) - dt.timedelta(days=days)).isoformat()
        skip = set(exclude)
        articles, words = [], {}
        for (aid, source, published, title, url, story, given, path,
             w) in self.db.execute(
                "SELECT id, source, published, title, url, story, given_story, path, words "
                "FROM articles WHERE first_run >= ? AND first_run < ? ORDER BY id",
                (since, run_date)):
            if aid in skip:
                continue
            articles.append(Article(id=aid, text="", path=path or "", source=source,
                                    published=dt.date.fromisoformat(published) if published
                                    else None, title=title, url=url,
                                    story=story if given else None))
            words[aid] = w
        return articles, words

    def claims_of(self, article_ids: Sequence[str]) -> pd.DataFrame:
        """The stored claim rows of these articles, as a claim table."""
        rows: list[dict] = []
        ids = list(article_ids)
        for i in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            part = ids[i:i + 500]
            marks = ",".join("?" * len(part))
            rows += [json.loads(r) for (r,) in self.db.execute(
                f"SELECT row FROM claims WHERE article IN ({marks}) ORDER BY article, id",
                part)]
        if not rows:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in CLAIM_COLUMNS.items()})
        # Rows stored by an older version lack newer text columns: they read as "".
        df = pd.DataFrame(rows).reindex(columns=list(CLAIM_COLUMNS))
        text = [c for c, t in CLAIM_COLUMNS.items() if t == "object" and df[c].isna().all()]
        df[text] = df[text].astype(object).fillna("")
        numeric = {c: t for c, t in CLAIM_COLUMNS.items() if t != "object"}
        return df.astype(numeric)

    def known_findings(self, before: str) -> set[str]:
        """Keys of findings first made in a run before ``before``."""
        return {k for (k,) in self.db.execute("SELECT key FROM findings WHERE first_run < ?",
                                              (before,))}

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("runs", "articles", "claims", "findings")}

    # --- writing (one transaction per night) ------------------------------------------------

    def save_run(self, run_date: str, started: str, articles: Sequence[Article],
                 words: dict[str, str], given: set[str], claims: pd.DataFrame,
                 findings: Sequence[Finding], new_keys: set[str]) -> None:
        """Write tonight's articles, their claims and the findings made, all or nothing."""
        finished = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        ids = [a.id for a in articles]
        with self.db:
            self.db.executemany(
                "INSERT INTO articles (id, digest, source, published, title, url, story, "
                "given_story, path, words, text, first_run, last_run) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "digest=excluded.digest, source=excluded.source, published=excluded.published, "
                "title=excluded.title, url=excluded.url, story=excluded.story, "
                "given_story=excluded.given_story, path=excluded.path, words=excluded.words, "
                "text=excluded.text, last_run=excluded.last_run, "
                "first_run=min(first_run, excluded.first_run)",
                [(a.id, digest(a), a.source, a.published_iso, a.title, a.url, a.story,
                  int(a.id in given), a.path, words.get(a.id, ""), a.text,
                  run_date, run_date) for a in articles])
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                self.db.execute(f"DELETE FROM claims WHERE article IN ({','.join('?' * len(part))})",
                                part)
            mine = claims[claims["article"].isin(set(ids))]
            self.db.executemany(
                "INSERT OR REPLACE INTO claims (id, article, row) VALUES (?,?,?)",
                [(r["id"], r["article"], json.dumps(r, default=_json_default, allow_nan=True))
                 for r in mine.to_dict("records")])
            # A re-run of the same night replaces that night's findings.
            self.db.execute("DELETE FROM findings WHERE first_run = ? AND last_run = ?",
                            (run_date, run_date))
            self.db.executemany(
                "INSERT INTO findings (key, kind, verdict, relation, claims, measure, score, "
                "explanation, details, first_run, last_run) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET verdict=excluded.verdict, "
                "explanation=excluded.explanation, details=excluded.details, "
                "score=excluded.score, last_run=excluded.last_run",
                [(finding_key(f), f.kind, f.verdict, f.relation, json.dumps(f.claims),
                  f.measure, f.score, f.explanation,
                  json.dumps(f.details, default=_json_default), run_date, run_date)
                 for f in findings])
            self.db.execute(
                "INSERT OR REPLACE INTO runs VALUES (?,?,?,?,?,?,?)",
                (run_date, started, finished, len(articles), int(len(mine)), len(findings),
                 len(new_keys)))
