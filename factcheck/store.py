"""The history store of nightly runs: articles, claims and findings in one SQLite file.

SQLite ships with Python, needs no server and keeps a night's writes in one transaction, so a
run that fails half-way leaves the store as it was. Every write is keyed (article id, claim id,
finding key), so running the same night twice leaves the same rows.

Schema 2 adds what an editor's review needs: the facts of each night (``night_facts``, keyed by
the fact's stable key) and the editors' decisions (``decisions``, one row and one transaction
per decision, with the claim identities it was made on in ``decision_claims``). A schema 1
store gains the new tables when it is opened; nothing in it is changed.
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

SCHEMA_VERSION = 2

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

# Schema 2: the facts of each night and the editors' decisions on them.
_DDL_2 = """
CREATE TABLE IF NOT EXISTS night_facts (
    run_date TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, fact_id TEXT NOT NULL,
    verdict TEXT NOT NULL, label TEXT NOT NULL, identities TEXT NOT NULL, figures TEXT NOT NULL,
    record TEXT NOT NULL, PRIMARY KEY (run_date, key));
CREATE INDEX IF NOT EXISTS night_facts_by_key ON night_facts (key);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, decision TEXT NOT NULL,
    reason TEXT, link TEXT, note TEXT, who TEXT NOT NULL, at TEXT NOT NULL, night TEXT,
    label TEXT, identities TEXT NOT NULL, figures TEXT NOT NULL,
    UNIQUE (key, decision, who, at));
CREATE TABLE IF NOT EXISTS decision_claims (
    claim TEXT NOT NULL, decision INTEGER NOT NULL REFERENCES decisions (id),
    PRIMARY KEY (claim, decision));
"""
DECISION_FIELDS = ("id", "key", "decision", "reason", "link", "note", "who", "at", "night",
                   "label", "identities", "figures")


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

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file")
        if not create and not self.path.exists():
            raise StoreError(f"{self.path} does not exist: run 'factcheck nightly ... --store "
                             f"{self.path}' first")
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # check_same_thread=False: the review page opens one store per request, and a
            # threaded server may finish a request on another thread than the one that began it.
            self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() \
                if self._has_meta() else None
            if row is not None and int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer factcheck "
                                 f"(schema {row[0]})")
            self._migrate(int(row[0]) if row else None)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path} is not a factcheck store ({exc})") from exc

    def _has_meta(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND "
                               "name='meta'").fetchone() is not None

    def _migrate(self, version: int | None) -> None:
        """Create a new store, or bring an older one to this schema, in one transaction."""
        if version == SCHEMA_VERSION:
            return
        with self.db:
            # executescript would commit on its own; statements one by one stay in this
            # transaction, so a kill mid-migration leaves the old schema whole.
            for ddl in (_DDL + _DDL_2).split(";"):
                if ddl.strip():
                    self.db.execute(ddl)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                            (str(SCHEMA_VERSION),))

    def schema(self) -> int:
        """The store's schema version."""
        return int(self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0])

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
        return _claim_frame(rows)

    def claims_by_id(self, claim_ids: Sequence[str]) -> pd.DataFrame:
        """The stored claim rows with these ids, as a claim table."""
        rows: list[dict] = []
        ids = sorted(set(claim_ids))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows += [json.loads(r) for (r,) in self.db.execute(
                f"SELECT row FROM claims WHERE id IN ({','.join('?' * len(part))}) ORDER BY id",
                part)]
        return _claim_frame(rows)

    def articles_by_id(self, article_ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids (texts left out), in id order."""
        out: list[Article] = []
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for aid, source, published, title, url, story, path in self.db.execute(
                    "SELECT id, source, published, title, url, story, path FROM articles "
                    f"WHERE id IN ({','.join('?' * len(part))}) ORDER BY id", part):
                out.append(Article(id=aid, text="", path=path or "", source=source,
                                   published=dt.date.fromisoformat(published) if published
                                   else None, title=title, url=url, story=story))
        return out

    def runs(self) -> list[str]:
        """The dates of every night run, latest first."""
        return [d for (d,) in self.db.execute("SELECT run_date FROM runs ORDER BY run_date DESC")]

    def run_finished(self, run_date: str) -> str | None:
        """When the night of ``run_date`` was written (UTC, ISO), or None."""
        row = self.db.execute("SELECT finished FROM runs WHERE run_date = ?",
                              (run_date,)).fetchone()
        return row[0] if row else None

    def night_facts(self, run_date: str) -> list[dict[str, Any]]:
        """The facts of one night in report order: key, fact id, verdict, label, claim
        identities, figures and the stored record (the fact and its findings)."""
        return [_night_fact(r) for r in self.db.execute(
            "SELECT key, fact_id, verdict, label, identities, figures, record, run_date "
            "FROM night_facts WHERE run_date = ? ORDER BY position", (run_date,))]

    def fact_nights(self, key: str) -> list[dict[str, Any]]:
        """Every night a fact with this key was reported, latest first."""
        return [_night_fact(r) for r in self.db.execute(
            "SELECT key, fact_id, verdict, label, identities, figures, record, run_date "
            "FROM night_facts WHERE key = ? ORDER BY run_date DESC", (key,))]

    def fact_keys(self, prefix: str) -> list[str]:
        """The distinct fact keys that start with ``prefix``."""
        return [k for (k,) in self.db.execute(
            "SELECT DISTINCT key FROM night_facts WHERE substr(key, 1, ?) = ? ORDER BY key",
            (len(prefix), prefix))]

    # --- decisions (one transaction each) ---------------------------------------------------

    def add_decision(self, row: dict[str, Any]) -> int | None:
        """Record one decision and the claims it was made on, all or nothing; return its row
        id, or None when the same decision (key, decision, who, at) is already recorded."""
        with self.db:
            cur = self.db.execute(
                "INSERT OR IGNORE INTO decisions (key, decision, reason, link, note, who, at, "
                "night, label, identities, figures) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (row["key"], row["decision"], row.get("reason"), row.get("link"),
                 row.get("note"), row["who"], row["at"], row.get("night"), row.get("label"),
                 json.dumps(list(row["identities"])), json.dumps(list(row["figures"]))))
            if not cur.rowcount:
                return None
            did = cur.lastrowid
            self.db.executemany("INSERT OR IGNORE INTO decision_claims VALUES (?, ?)",
                                [(c, did) for c in row["identities"]])
        return did

    def decisions(self) -> list[dict[str, Any]]:
        """Every decision, oldest first."""
        return [_decision(r) for r in self.db.execute(
            f"SELECT {', '.join(DECISION_FIELDS)} FROM decisions ORDER BY at, id")]

    def decisions_touching(self, identities: Iterable[str]) -> list[dict[str, Any]]:
        """The decisions made on a fact that shares a claim with ``identities``, oldest first."""
        ids = sorted(set(identities))
        found: set[int] = set()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            found.update(d for (d,) in self.db.execute(
                f"SELECT decision FROM decision_claims WHERE claim IN "
                f"({','.join('?' * len(part))})", part))
        rows: list[dict[str, Any]] = []
        ordered = sorted(found)
        for i in range(0, len(ordered), 500):
            part = ordered[i:i + 500]
            rows += [_decision(r) for r in self.db.execute(
                f"SELECT {', '.join(DECISION_FIELDS)} FROM decisions WHERE id IN "
                f"({','.join('?' * len(part))})", part)]
        return sorted(rows, key=lambda d: (d["at"], d["id"]))

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
                 findings: Sequence[Finding], new_keys: set[str],
                 facts: Sequence[dict[str, Any]] = ()) -> None:
        """Write tonight's articles, their claims, the findings made and the night's facts
        (dicts of key, fact_id, verdict, label, identities, figures, record), all or nothing."""
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
            self.db.execute("DELETE FROM night_facts WHERE run_date = ?", (run_date,))
            self.db.executemany(
                "INSERT INTO night_facts (run_date, key, position, fact_id, verdict, label, "
                "identities, figures, record) VALUES (?,?,?,?,?,?,?,?,?)",
                [(run_date, k["key"], n, k["fact_id"], k["verdict"], k["label"],
                  json.dumps(k["identities"]), json.dumps(k["figures"]),
                  json.dumps(k["record"], default=_json_default)) for n, k in enumerate(facts)])
            self.db.execute(
                "INSERT OR REPLACE INTO runs VALUES (?,?,?,?,?,?,?)",
                (run_date, started, finished, len(articles), int(len(mine)), len(findings),
                 len(new_keys)))


def _claim_frame(rows: list[dict]) -> pd.DataFrame:
    """Stored claim rows as a claim table with every column and dtype."""
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in CLAIM_COLUMNS.items()})
    # Rows stored by an older version lack newer text columns: they read as "".
    df = pd.DataFrame(rows).reindex(columns=list(CLAIM_COLUMNS))
    text = [c for c, t in CLAIM_COLUMNS.items() if t == "object" and df[c].isna().all()]
    df[text] = df[text].astype(object).fillna("")
    numeric = {c: t for c, t in CLAIM_COLUMNS.items() if t != "object"}
    return df.astype(numeric)


def _night_fact(r: tuple) -> dict[str, Any]:
    key, fact_id, verdict, label, identities, figures, record, run_date = r
    return {"key": key, "fact_id": fact_id, "verdict": verdict, "label": label,
            "identities": json.loads(identities), "figures": json.loads(figures),
            "record": json.loads(record), "night": run_date}


def _decision(r: tuple) -> dict[str, Any]:
    row = dict(zip(DECISION_FIELDS, r))
    row["identities"], row["figures"] = json.loads(row["identities"]), json.loads(row["figures"])
    return row
