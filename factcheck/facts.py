"""Findings -> facts: one measured quantity with every source's figure, what an editor reviews.

A fact is a connected component of the graph whose nodes are claims and whose edges are the
cross-source findings (a finding links all its claims), so every cross-source finding belongs to
exactly one fact; a finding that explains two periods of one measure ("60%, down from 67.3% in
2019") links no facts and goes with the fact of its first figure. Internal findings are one article's arithmetic, never a fact. A death toll
reported as 92, then 147, then 213 over four days is one fact with a timeline, its pairwise
findings the evidence.

The consensus is the value most sources support: claims are grouped by compatible figures
(``verdict._compatible``, the same test an agreement passes), a figure's support is the number
of distinct sources whose claims are compatible with it, and the best supported figure is the
consensus unless another figure incompatible with it is as well supported (then there is none:
one outlet against one other is a dispute, not a majority). A timeline's consensus is taken at
its latest date, where the running count now stands. Outliers are the claims a contradiction
sets against a claim of the consensus: an increment, a part or an earlier count of a running
total differs from the consensus for a stated reason and is no outlier.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from . import copies, formatting
from .components import components
from .lexicon import AUXILIARIES, NP_BREAKERS, PERSON_VERBS
from .schema import Fact, Finding
from .verdict import _compatible

_VERDICT_ORDER = {"contradict": 0, "explained": 1, "agree": 2}
_CUMULATIVE = ("year-to-date", "since")
# A label is a short noun phrase: longer tails run into the next clause.
LABEL_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]\"“”‘’—–]|\s-\s")
# Words that start a new clause or a time expression after what is counted.
_TAIL_STOPS = frozenset("said says told according since who which while when whom whose "
                        "as after before".split())
# Words that close no phrase: a label never ends on them ("people killed in the").
_DANGLING = (NP_BREAKERS | AUXILIARIES) - {"it", "them", "this", "that"}
_VERB_ENDINGS = ("ed", "en")


_FACT_COLUMNS = ("id", "copy_of", "article", "value", "low", "high", "unit", "unit_family", "bound", "text",
                 "start", "end", "sentence", "sentence_start", "noun", "event", "phrase",
                 "period_start", "period_end", "period_kind", "as_of", "running", "source",
                 "published", "measure", "role")


def build_facts(claims: pd.DataFrame, findings: Sequence[Finding]) -> list[Fact]:
    """The facts of a run: the components of its cross-source findings, ordered contradict,
    explained, agree (each in the order of its first finding) and numbered K0001..."""
    cross = [f for f in findings if f.kind == "cross-source" and len(f.claims) >= 2]
    if not cross:
        return []
    # Two periods of one measure ("60% turnout, down from 67.3% in 2019") are two facts: the
    # finding that explains them goes with the fact of its first figure, and links no facts.
    core = [f for f in cross if not _bridges(f)]
    root = components(f.claims for f in core)
    loose = [f for f in cross if _bridges(f)
             and not any(str(c) in root for c in f.claims)]
    root.update(components(f.claims for f in loose))
    groups: dict[str, list[tuple[int, Finding]]] = {}
    for n, f in enumerate(cross):
        owner = next(root[str(c)] for c in f.claims if str(c) in root)
        groups.setdefault(owner, []).append((n, f))
    wanted = {str(c) for f in cross for c in f.claims}
    table = claims[claims["id"].astype(str).isin(wanted)]
    # Only the columns a fact reads: a run's facts can hold most of its claims, and a dict per
    # claim with every column is the largest thing a big run keeps in memory.
    table = table[[c for c in _FACT_COLUMNS if c in table.columns]]
    rows = {str(r["id"]): r for r in table.to_dict("records")}
    facts = [_fact([f for _, f in members], rows,
                   {c for _, f in members for c in map(str, f.claims) if root.get(c) == key})
             for key, members in groups.items()]
    first_at = [members[0][0] for members in groups.values()]
    order = sorted(range(len(facts)),
                   key=lambda i: (_VERDICT_ORDER.get(facts[i].verdict, 3), first_at[i]))
    ordered = [facts[i] for i in order]
    carried = copies.carriers(claims, wanted)
    for n, fact in enumerate(ordered, 1):
        fact.id = f"K{n:04d}"
        fact.copies = {c: carried[c] for c in fact.claims if c in carried}
    return ordered


def fact_of_claims(facts: Sequence[Fact]) -> dict[str, str]:
    """Claim id -> the id of the fact it is part of."""
    return {c: fact.id for fact in facts for c in fact.claims}


def _source(row: Mapping[str, Any]) -> str:
    """The outlet of a claim, or its article where the outlet is unknown."""
    src = row.get("source")
    return src if isinstance(src, str) and src.strip() else f"article {row.get('article')}"


def _sources(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The distinct outlets of a fact; when one outlet made every report, its reports (an
    outlet's story followed over days is still two reports, and the contract counts two)."""
    outlets = sorted({_source(r) for r in rows})
    if len(outlets) > 1:
        return outlets
    return sorted({f"{_source(r)}, {_iso(r.get('published')) or r.get('article')}"
                   if _iso(r.get("published")) else f"{_source(r)}, article {r.get('article')}"
                   for r in rows})


def _iso(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _claim_order(row: Mapping[str, Any]) -> tuple:
    # Undated articles go last: "~" sorts after every digit.
    return (_iso(row.get("published")) or "~", str(row.get("article")), int(row.get("start", 0)),
            str(row.get("id")))


def _bridges(f: Finding) -> bool:
    """An explained difference of periods, or of two counts aligned only as each other's
    closest: it explains two facts, it does not make one."""
    return f.verdict == "explained" and (f.relation == "different-period"
                                         or bool(f.details.get("closest")))


def _fact(findings: list[Finding], rows: Mapping[str, Mapping[str, Any]],
          ids: set[str]) -> Fact:
    """One fact from the findings of one component and the claims it holds (id assigned by
    the caller)."""
    # A wire copy's claim is named among the fact's copies, not as one more source.
    ids = {c for c in ids if not (c in rows and rows[c].get("copy_of"))}
    present = sorted((rows[c] for c in ids if c in rows), key=_claim_order)
    missing = sorted(ids - set(rows))   # a claim not in the table still belongs to the fact
    # A comparison with another period explains nothing about this fact's own figures.
    verdicts = {f.verdict for f in findings if not _bridges(f)} or {"explained"}
    verdict = next((v for v in _VERDICT_ORDER if v in verdicts), "agree")
    units = Counter(str(r.get("unit") or "") for r in present)
    as_ofs = sorted({a for r in present if (a := _iso(r.get("as_of")))})
    timeline = len(as_ofs) >= 2 and (
        any(f.relation == "later-update" for f in findings)
        or any(r.get("period_kind") in _CUMULATIVE or r.get("running") is True
               for r in present))
    pool = [r for r in present if _iso(r.get("as_of")) == as_ofs[-1]] if timeline else present
    consensus = consensus_claim(pool)
    starts = sorted({s for r in present if (s := _iso(r.get("period_start")))})
    ends = sorted({e for r in present if (e := _iso(r.get("period_end")))})
    return Fact(
        id="", label=label_of(present), unit=units.most_common(1)[0][0] if units else "",
        verdict=verdict, claims=[str(r["id"]) for r in present] + missing,
        findings=[f.id for f in findings],
        sources=_sources(present),
        consensus=float(consensus["value"]) if consensus is not None else None,
        outliers=_outliers(findings, rows, consensus, present),
        period_start=starts[0] if starts else None, period_end=ends[-1] if ends else None,
        as_of=as_ofs[-1] if as_ofs else None, timeline=timeline,
        key=fact_key([claim_identity(r) for r in present] + missing))


def claim_identity(row: Mapping[str, Any]) -> str:
    """A claim's identity across runs: its article, its span in the text and its value.

    Claim ids count claims in text order, so an edit earlier in an article renumbers them; an
    article id with a span and a value names the same figure night after night.

    >>> claim_identity({"article": "vh-1", "start": 20, "end": 22, "value": 92.0})
    'vh-1|20-22|92'
    >>> claim_identity({"article": "a", "start": 0, "end": 5, "value": 1.5e8})
    'a|0-5|150000000'
    """
    value = row.get("value")
    number = float(value) if isinstance(value, (int, float)) else math.nan
    shown = format(number, ".15g") if math.isfinite(number) else "nan"
    return f"{row.get('article')}|{int(row.get('start', 0))}-{int(row.get('end', 0))}|{shown}"


def fact_key(identities: Sequence[str]) -> str:
    """A fact's stable key: a digest of its claims' identities, in any order.

    >>> fact_key(["b|1-2|3", "a|0-1|2"]) == fact_key(["a|0-1|2", "b|1-2|3"])
    True
    >>> len(fact_key(["a|0-1|2"]))
    16
    """
    raw = "\n".join(sorted(set(identities)))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _signature(row: Mapping[str, Any]) -> tuple:
    return (row.get("value"), row.get("low"), row.get("high"), row.get("bound"))


def consensus_claim(rows: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The claim whose figure most sources support, or None when no figure leads.

    >>> def c(v, src, bound="exact"):
    ...     return {"value": v, "low": v, "high": v if bound == "exact" else float("nan"),
    ...             "bound": bound, "source": src, "article": src}
    >>> consensus_claim([c(213.0, "A"), c(213.0, "B"), c(231.0, "C")])["value"]
    213.0
    >>> consensus_claim([c(45774.0, "A"), c(45755.0, "B")]) is None
    True
    >>> consensus_claim([c(12000.0, "A", "lower"), c(12417.0, "B")])["value"]   # exact wins
    12417.0
    """
    # Figures are compared once per distinct wording, not once per claim: a story repeated
    # by many outlets states few distinct figures.
    by_sig: dict[tuple, list[Mapping[str, Any]]] = {}
    for r in rows:
        by_sig.setdefault(_signature(r), []).append(r)
    sigs = list(by_sig)
    reps = [by_sig[s][0] for s in sigs]
    compatible = [[_compatible(a, b) for b in reps] for a in reps]
    support = [len({_source(r) for j, s in enumerate(sigs) if compatible[i][j]
                    for r in by_sig[s]}) for i in range(len(sigs))]
    if not support:
        return None
    best = max(support)
    top = [i for i, n in enumerate(support) if n == best]
    if any(not compatible[i][j] for i in top for j in top):
        return None   # two camps equally supported: no consensus
    # Among equally supported wordings of one figure, the exact one stated most often.
    pick = min(top, key=lambda i: (reps[i]["bound"] != "exact", -len(by_sig[sigs[i]]), i))
    return reps[pick]


def _outliers(findings: Sequence[Finding], rows: Mapping[str, Mapping[str, Any]],
              consensus: Mapping[str, Any] | None,
              present: Sequence[Mapping[str, Any]]) -> list[str]:
    """Claims a contradiction sets against a claim of the consensus, in the fact's order."""
    if consensus is None:
        return []
    agrees = {str(r["id"]): _compatible(r, consensus) for r in present}
    out: set[str] = set()
    for f in findings:
        if f.verdict != "contradict":
            continue
        ids = [str(c) for c in f.claims if str(c) in agrees]
        if any(agrees[c] for c in ids):
            out.update(c for c in ids if not agrees[c])
    return [str(r["id"]) for r in present if str(r["id"]) in out]


def label_of(rows: Sequence[Mapping[str, Any]]) -> str:
    """What a fact measures, in words: the claims' most common ``phrase`` when the table has
    one, else the most common label read from the sentences (the first claim's on a tie)."""
    phrases = [p.strip() for r in rows if isinstance(p := r.get("phrase"), str) and p.strip()]
    labels = phrases or [lab for r in rows if (lab := claim_label(r))]
    # A one-word label names only the unit ("people"); any longer one says more.
    longer = [lab for lab in labels if " " in lab]
    return _most_common(longer or labels) if labels else ""


def _most_common(items: Sequence[str]) -> str:
    counts = Counter(items)
    best = max(counts.values())
    return next(i for i in items if counts[i] == best)


def claim_label(row: Mapping[str, Any]) -> str:
    """A readable label for what one claim counts, from the words around its figure as written.

    >>> def row(sentence, text, **kw):
    ...     return {"sentence": sentence, "text": text, "start": sentence.index(text),
    ...             "sentence_start": 0, "unit": "person", "noun": "", **kw}
    >>> claim_label(row("At least 147 people have died in the floods since Sunday.", "At least 147"))
    'people have died in the floods'
    >>> claim_label(row("As of November 2, more than 31,000 have crossed this year.",
    ...                 "more than 31,000"))
    'people have crossed this year'
    >>> claim_label(row("The death toll from the floods has risen to 92, officials said.", "92"))
    'death toll from the floods'
    >>> claim_label(row("The minister pledged a further £75 million for the border command.",
    ...                 "£75 million", unit="GBP"))
    'money for the border command'
    """
    sentence, text = str(row.get("sentence") or ""), str(row.get("text") or "")
    at = int(row.get("start", 0)) - int(row.get("sentence_start", 0))
    if not (0 <= at <= len(sentence) and sentence[at:].startswith(text)):
        at = sentence.find(text)
    if at < 0 or not text:
        return _unit_words(row)
    tail = _tail(sentence[at + len(text):])
    if len(tail) >= 2 or (tail and not _weak(tail[0])):
        words = tail if not _weak(tail[0]) else [_unit_words(row)] + tail
        return " ".join(w for w in words if w)
    head = _head(sentence[:at])
    return " ".join(head) if head else _unit_words(row)


def _tail(after: str) -> list[str]:
    """The words after a figure up to the end of its clause, without a dangling end."""
    words: list[str] = []
    for w in _CLAUSE_END.split(after, maxsplit=1)[0].split():
        if w.lower() in _TAIL_STOPS or len(words) == LABEL_WORDS:
            break
        words.append(w)
    if words and words[0].lower() == "of":   # "£75 million of new funding"
        words = words[1:]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return words


def _head(before: str) -> list[str]:
    """The noun phrase before a figure: "The death toll from the floods has risen to" gives
    "death toll from the floods" (the verb and its particles dropped)."""
    clause = _CLAUSE_END.split(before)[-1].split()
    while clause and (clause[-1].lower() in _DANGLING or _verbal(clause[-1])):
        clause.pop()
    clause = clause[-LABEL_WORDS:]
    while clause and clause[0].lower() in _DANGLING:
        clause = clause[1:]
    return clause


def _verbal(word: str) -> bool:
    w = word.lower()
    return w in PERSON_VERBS or w in ("rose", "reached", "stood", "hit", "climbed", "stands",
                                      "jumped", "grew", "fell") or (
        w.endswith(_VERB_ENDINGS) and len(w) > 4 and w not in ("children", "women", "men"))


def _weak(word: str) -> bool:
    """True for a first word that names nothing: a preposition, auxiliary or verb."""
    w = word.lower()
    return w in _DANGLING or w in PERSON_VERBS or w.endswith("ed")


def _unit_words(row: Mapping[str, Any]) -> str:
    """The unit in words: "people", "money", "boats"."""
    unit, noun = str(row.get("unit") or ""), str(row.get("noun") or "")
    if unit == "person":
        return "people"
    if len(unit) == 3 and unit.isupper():
        return "money"
    if unit in ("percent", "percentage_point"):
        return "share"
    word = noun or unit
    return formatting.amount(2, word).split(" ", 1)[-1] if word and word != "count" else ""
