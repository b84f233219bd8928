"""Editors' decisions on facts: recorded in the history store, carried from night to night.

A decision is made on a fact's stable key (``facts.fact_key``: its claims' articles, spans and
values) and keeps the claim identities and the figures the editor saw. A later night's fact
inherits the latest decision made on any fact it shares a claim with: a new article that only
repeats a figure already seen leaves the decision standing; one that brings a figure the editor
did not see reopens the fact, marked with the new figures. Notes are kept in the fact's history
and never change its status.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from .errors import UsageError
from .facts import claim_identity
from .schema import Fact
from .store import Store

DECISIONS = ("confirmed", "false-alarm", "corrected", "note")
REASONS = ("not-same-measure", "misread-figure", "other")
# What the filters offer: "needs-review" is a fact with no decision, or one reopened.
STATUSES = ("needs-review", "reviewed", "confirmed", "false-alarm", "corrected", "all")
EXPORT_SCHEMA = "factcheck/decisions@1"
DECISION_WORDS = {"confirmed": "confirmed discrepancy", "false-alarm": "false alarm",
                  "corrected": "corrected", "note": "note", "open": "needs review",
                  "reopened": "reopened: new figure"}
REASON_WORDS = {"not-same-measure": "not the same measure", "misread-figure": "misread figure",
                "other": "other reason"}
MAX_WHO, MAX_TEXT = 100, 4000
_FACT_ID = re.compile(r"K\d{4,}")


class ReviewError(UsageError):
    """A decision that cannot be recorded: unknown fact, bad field, unreadable import."""


@dataclass(slots=True)
class Review:
    """Where one fact stands: its status and the decisions behind it."""

    status: str                         # open | reopened | confirmed | false-alarm | corrected
    decision: dict[str, Any] | None = None   # the decision in force (or the one reopened)
    new_figures: list[str] = field(default_factory=list)   # figures the editor did not see
    history: list[dict[str, Any]] = field(default_factory=list)   # every decision and note

    @property
    def needs_review(self) -> bool:
        """True while no decision stands for the fact's current figures."""
        return self.status in ("open", "reopened")

    @property
    def dismissed(self) -> bool:
        """True for a false alarm still standing: ``--fail-on`` does not count it."""
        return self.status == "false-alarm"

    def matches(self, wanted: str) -> bool:
        """True when the fact belongs under the filter ``wanted`` (one of STATUSES)."""
        return (wanted == "all" or (wanted == "needs-review" and self.needs_review)
                or (wanted == "reviewed" and not self.needs_review) or wanted == self.status)


def figures_of(identities: Iterable[str]) -> list[str]:
    """The distinct figures of a fact, from its claim identities.

    >>> figures_of(["a|0-2|92", "b|4-7|213", "c|1-4|213"])
    ['213', '92']
    """
    return sorted({i.rsplit("|", 1)[-1] for i in identities})


def identities_of(fact: Fact, rows: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The claim identities of a fact, from the claim rows by id (a claim without a row
    stands as its id, as in ``facts.fact_key``)."""
    return sorted(claim_identity(rows[c]) if c in rows else c for c in fact.claims)


def review_of(figures: Sequence[str], decisions: Sequence[Mapping[str, Any]]) -> Review:
    """The status of a fact with these figures, given the decisions made on it (oldest first).

    >>> d = {"decision": "false-alarm", "figures": ["213", "92"]}
    >>> review_of(["213", "92"], [d]).status
    'false-alarm'
    >>> r = review_of(["213", "240", "92"], [d]); (r.status, r.new_figures)
    ('reopened', ['240'])
    >>> review_of(["1"], [{"decision": "note", "figures": ["1"]}]).status
    'open'
    """
    history = [dict(d) for d in decisions]
    standing = [d for d in history if d["decision"] != "note"]
    if not standing:
        return Review("open", history=history)
    last = standing[-1]
    new = sorted(set(figures) - set(last["figures"]))
    return Review("reopened" if new else last["decision"], last, new, history)


def reviews_for(store: Store, facts: Sequence[Mapping[str, Any]]) -> dict[str, Review]:
    """Fact key -> its review, for night facts (dicts with key, identities, figures)."""
    every = store.decisions_touching(i for k in facts for i in k["identities"])
    by_claim: dict[str, list[int]] = {}
    for n, d in enumerate(every):
        for c in d["identities"]:
            by_claim.setdefault(c, []).append(n)
    out = {}
    for k in facts:
        mine = sorted({n for c in k["identities"] for n in by_claim.get(c, [])})
        out[k["key"]] = review_of(k["figures"], [every[n] for n in mine])
    return out


def check_decision(row: Mapping[str, Any]) -> dict[str, Any]:
    """A decision's fields checked and cleaned; ReviewError names the first bad one."""
    decision = str(row.get("decision") or "").strip()
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    who = " ".join(str(row.get("who") or "").split())
    if not who or len(who) > MAX_WHO:
        raise ReviewError(f"say who decides (--by NAME, at most {MAX_WHO} characters)")
    reason = str(row.get("reason") or "").strip() or None
    link = str(row.get("link") or "").strip() or None
    note = str(row.get("note") or "").strip() or None
    if decision == "false-alarm" and reason not in REASONS:
        raise ReviewError(f"a false alarm needs a reason: {', '.join(REASONS)}")
    if decision != "false-alarm":
        reason = None
    if decision == "corrected" and not _http(link):
        raise ReviewError("a correction needs a link to it (an http or https URL)")
    if link is not None and not _http(link):
        raise ReviewError(f"a link must be an http or https URL, not {link!r}")
    if decision == "note" and not note:
        raise ReviewError("a note needs its text")
    if any(len(v or "") > MAX_TEXT for v in (link, note)):
        raise ReviewError(f"a note or a link may be at most {MAX_TEXT} characters")
    return {"decision": decision, "who": who, "reason": reason, "link": link, "note": note}


def _http(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlparse(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def now() -> str:
    """The current time in UTC, as an ISO string to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def find_fact(store: Store, ref: str, night: str | None = None) -> dict[str, Any]:
    """The night fact ``ref`` names: a key, a unique key prefix of 6 or more characters, or a
    fact id (K0001) of ``night`` (default: the latest night). Its latest appearance for a key."""
    ref = ref.strip()
    if _FACT_ID.fullmatch(ref):
        day = night or latest_night(store)
        found = [k for k in store.night_facts(day) if k["fact_id"] == ref]
        if not found:
            raise ReviewError(f"no fact {ref} on the night of {day}")
        return found[0]
    if len(ref) < 6:
        raise ReviewError(f"give a fact key (or 6 of its first characters), not {ref!r}")
    keys = store.fact_keys(ref)
    if not keys:
        raise ReviewError(f"no fact with key {ref!r} in {store.path} "
                          "(factcheck review list shows the keys)")
    if len(keys) > 1:
        raise ReviewError(f"{ref!r} is the start of {len(keys)} keys; give more of it")
    nights = store.fact_nights(keys[0])
    if night:
        nights = [k for k in nights if k["night"] == night] or nights
    return nights[0]


def latest_night(store: Store) -> str:
    """The date of the latest night run; ReviewError when the store has none."""
    runs = store.runs()
    if not runs:
        raise ReviewError(f"{store.path} holds no night yet: run factcheck nightly first")
    return runs[0]


def record(store: Store, ref: str, decision: str, who: str, reason: str | None = None,
           link: str | None = None, note: str | None = None,
           night: str | None = None) -> dict[str, Any]:
    """Record one decision on the fact ``ref`` names (one transaction); return the row."""
    fields = check_decision({"decision": decision, "who": who, "reason": reason,
                             "link": link, "note": note})
    fact = find_fact(store, ref, night)
    row = {**fields, "key": fact["key"], "at": now(), "night": fact["night"],
           "label": fact["label"], "identities": fact["identities"],
           "figures": fact["figures"]}
    row["id"] = store.add_decision(row)
    return row


def night_listing(store: Store, night: str | None = None, status: str = "needs-review"
                  ) -> tuple[str, list[tuple[dict[str, Any], Review]]]:
    """The night (default: latest) and its facts under the filter ``status``, in report
    order, each with its review."""
    if status not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}")
    day = night or latest_night(store)
    if day not in store.runs():
        raise ReviewError(f"no night {day} in {store.path}")
    facts = store.night_facts(day)
    reviews = reviews_for(store, facts)
    return day, [(k, reviews[k["key"]]) for k in facts if reviews[k["key"]].matches(status)]


def export_decisions(store: Store) -> dict[str, Any]:
    """Every decision of the store as a JSON-ready document."""
    rows = [{k: v for k, v in d.items() if k != "id"} for d in store.decisions()]
    return {"schema": EXPORT_SCHEMA, "exported_at": now(), "decisions": rows}


def import_decisions(store: Store, text: str) -> tuple[int, int]:
    """Read an exported document and add its decisions (one transaction each); return
    (added, already there). Everything is checked before anything is written."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewError(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != EXPORT_SCHEMA \
            or not isinstance(doc.get("decisions"), list):
        raise ReviewError(f"not a {EXPORT_SCHEMA} document (an object with \"schema\": "
                          f"\"{EXPORT_SCHEMA}\" and a \"decisions\" list)")
    rows = [_imported(n, d) for n, d in enumerate(doc["decisions"], 1)]
    added = sum(store.add_decision(r) is not None for r in rows)
    return added, len(rows) - added


def _imported(n: int, d: Any) -> dict[str, Any]:
    """One decision of an import, checked; ReviewError names it by its position."""
    try:
        if not isinstance(d, dict):
            raise ReviewError("not an object")
        fields = check_decision(d)
        key, at = d.get("key"), d.get("at")
        ids, figures = d.get("identities"), d.get("figures")
        if not isinstance(key, str) or not key.strip():
            raise ReviewError("no fact key")
        if not isinstance(at, str) or not _iso_time(at):
            raise ReviewError(f"'at' must be an ISO date and time, not {at!r}")
        if not (isinstance(ids, list) and ids and all(isinstance(i, str) for i in ids)):
            raise ReviewError("'identities' must be a list of the claims' identities")
        if not (isinstance(figures, list) and all(isinstance(f, str) for f in figures)):
            raise ReviewError("'figures' must be a list of figures")
    except ReviewError as exc:
        raise ReviewError(f"decision {n}: {exc}") from exc
    return {**fields, "key": key.strip(), "at": at, "night": _text(d.get("night")),
            "label": _text(d.get("label")), "identities": ids, "figures": figures}


def _iso_time(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def describe(d: Mapping[str, Any]) -> str:
    """A decision in words, as the page and the terminal show it.

    >>> describe({"decision": "false-alarm", "reason": "misread-figure", "note": None,
    ...           "link": None})
    'false alarm (misread figure)'
    """
    words = DECISION_WORDS[d["decision"]]
    if d.get("reason"):
        words += f" ({REASON_WORDS.get(d['reason'], d['reason'])})"
    if d.get("note") and d["decision"] != "note":
        words += f": {d['note']}"
    elif d["decision"] == "note":
        words += f": {d.get('note') or ''}"
    return words
