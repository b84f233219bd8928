"""Score a run's findings against gold pairs of claims (``../shared/gold/*.yaml``).

A gold pair names two figures by article, a verbatim span holding the figure and its value. An
end is any claim of that article whose span overlaps the gold text and whose value is within
0.5% of the gold value; a pair is judged by the findings that hold a claim at each end:

- agree needs an agree finding and no contradict;
- explained needs an explained finding and no contradict;
- contradict needs a contradict finding;
- distinct needs no contradict.

The relation of an explained pair is reported beside the score, not required by it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import units
from .components import components
from .schema import Article, Finding

# An end's value may differ from the gold value by this share (rounding in the gold file).
VALUE_TOLERANCE = 0.005
GOLD_VERDICTS = ("agree", "explained", "contradict", "distinct")


@dataclass(slots=True)
class PairOutcome:
    """How one gold pair fared, and why, in words."""

    id: str
    verdict: str
    ok: bool
    why: str
    kind: str  # found | wrong-verdict | not-extracted | never-paired | false-alarm
    story: str = ""
    relation_ok: bool = True


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where needle occurs in text.

    >>> _spans("a 5 and a 5", "a 5")
    [(0, 3), (8, 11)]
    """
    out, at = [], text.find(needle)
    while at >= 0 and needle:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


# Gold values written in a currency's hundredth, against claims in the currency (ISO code).
_SUBUNITS = {"pence": 100.0, "penny": 100.0, "p": 100.0, "cent": 100.0, "cents": 100.0}
# Units a labeller writes as words, by the unit factcheck reads ("value: 12000, unit: metre"
# for "at a depth of 12km").
_UNIT_WORDS = {"metre": "m", "meter": "m", "metres": "m", "meters": "m", "kilometre": "km",
               "kilometer": "km", "kilometres": "km", "kilometers": "km", "millimetre": "mm",
               "millimeter": "mm", "centimetre": "cm", "centimeter": "cm", "kilogram": "kg",
               "gram": "g", "foot": "ft", "feet": "ft", "miles": "mile", "hectares": "hectare"}


def ends(claims: pd.DataFrame, texts: Mapping[str, str], spec: Mapping[str, Any]) -> list[str]:
    """Ids of the claims that can stand for a gold end: its article, its span, its value."""
    text = texts.get(spec["article"])
    if text is None:
        return []
    spans = _spans(text, spec["text"])
    # (A fall labelled as a negative change, "tumbled 3.4%" as -3.4, is read as its size.)
    value = abs(float(spec["value"]))
    gold_unit = str(spec.get("unit") or "")
    gold_unit = _UNIT_WORDS.get(gold_unit.lower(), gold_unit)
    rows = claims[claims["article"] == spec["article"]]
    found = []
    for cid, start, end, v, unit in zip(rows["id"], rows["start"], rows["end"], rows["value"],
                                        rows["unit"]):
        if units.comparable(str(unit), gold_unit):
            # "Less than two weeks" for a gold value of 14 days: one duration in two units.
            v = float(v) * units.factor(str(unit)) / units.factor(gold_unit)
        elif gold_unit.lower() in _SUBUNITS and len(str(unit)) == 3 and str(unit).isupper():
            v = float(v) * _SUBUNITS[gold_unit.lower()]  # "6.8p" for a gold value of 6.8 pence
        if abs(abs(float(v)) - value) > VALUE_TOLERANCE * max(value, 1e-9):
            continue
        if any(start < e and s < end for s, e in spans):
            found.append(cid)
    return found


def locate_all(claims: pd.DataFrame, texts: Mapping[str, str],
               pairs: Sequence[Mapping[str, Any]]) -> dict[str, tuple[list[str], list[str]]]:
    """The ends of every gold pair, by pair id (to score many runs of one claim table)."""
    return {p["id"]: (ends(claims, texts, p["a"]), ends(claims, texts, p["b"])) for p in pairs}


def score_pairs(articles: Iterable[Article], claims: pd.DataFrame, findings: Sequence[Finding],
                pairs: Sequence[Mapping[str, Any]],
                located: Mapping[str, tuple[list[str], list[str]]] | None = None
                ) -> list[PairOutcome]:
    """Judge every gold pair by the findings that hold a claim at each of its ends."""
    texts = {a.id: a.text for a in articles}
    located = located or locate_all(claims, texts, pairs)
    holding: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        for c in f.claims:
            holding[c].append(f)
    out = []
    for p in pairs:
        story = str(p.get("cluster", ""))
        a, b = located[p["id"]]
        want = p["verdict"]
        if not a or not b:
            missing = [e["text"] for e, found in ((p["a"], a), (p["b"], b)) if not found]
            out.append(PairOutcome(p["id"], want, want == "distinct",
                                   "not extracted: " + " | ".join(repr(m) for m in missing),
                                   "found" if want == "distinct" else "not-extracted", story))
            continue
        bset = set(b)
        together = {id(f): f for c in a for f in holding.get(c, ())
                    if bset.intersection(f.claims)}.values()
        got = Counter(f.verdict for f in together)
        seen = ", ".join(f"{f.id or '?'}={f.verdict}/{f.relation}" for f in together)
        if want == "distinct":
            ok = not got["contradict"]
            kind = "found" if ok else "false-alarm"
        elif want == "contradict":
            ok = bool(got["contradict"])
            kind = "found" if ok else ("never-paired" if not together else "wrong-verdict")
        else:
            ok = bool(got[want]) and not got["contradict"]
            kind = "found" if ok else ("never-paired" if not together else "wrong-verdict")
        relation_ok = True
        if want == "explained" and ok:
            relation_ok = any(f.relation == p.get("relation") for f in together
                              if f.verdict == "explained")
        out.append(PairOutcome(p["id"], want, ok, seen or "never paired", kind, story,
                               relation_ok))
    return out


def uncovered_contradictions(claims: pd.DataFrame, texts: Mapping[str, str],
                             findings: Sequence[Finding], pairs: Sequence[Mapping[str, Any]],
                             located: Mapping[str, tuple[list[str], list[str]]] | None = None
                             ) -> list[Finding]:
    """Contradictions that no gold pair covers (no pair has a claim of it at each end)."""
    return [f for f in uncovered(claims, texts, findings, pairs, located)
            if f.verdict == "contradict"]


def uncovered(claims: pd.DataFrame, texts: Mapping[str, str], findings: Sequence[Finding],
              pairs: Sequence[Mapping[str, Any]],
              located: Mapping[str, tuple[list[str], list[str]]] | None = None
              ) -> list[Finding]:
    """Contradictions and explained differences that no gold pair covers."""
    located = located or locate_all(claims, texts, pairs)
    covered: set[frozenset] = set()
    for p in pairs:
        for x in located[p["id"]][0]:
            for y in located[p["id"]][1]:
                covered.add(frozenset((x, y)))
    out = []
    for f in findings:
        if f.verdict == "agree" or f.kind != "cross-source":
            continue
        cs = f.claims
        if not any(frozenset((x, y)) in covered for i, x in enumerate(cs) for y in cs[i + 1:]):
            out.append(f)
    return out


def merged_distinct(findings: Sequence[Finding], pairs: Sequence[Mapping[str, Any]],
                    located: Mapping[str, tuple[list[str], list[str]]]) -> tuple[int, int]:
    """(distinct pairs whose ends the findings put in one fact, distinct pairs with both ends
    found): a fact must not mix different measures."""
    root = components(f.claims for f in findings if f.kind == "cross-source")
    merged = total = 0
    for p in pairs:
        if p["verdict"] != "distinct":
            continue
        a, b = located.get(p["id"], ([], []))
        if not a or not b:
            continue
        total += 1
        merged += any(root.get(x) is not None and root.get(x) == root.get(y)
                      for x in a for y in b)
    return merged, total


def summary(outcomes: Sequence[PairOutcome]) -> dict[str, tuple[int, int]]:
    """(right, total) per gold verdict and overall."""
    out = {v: (sum(o.ok for o in outcomes if o.verdict == v),
               sum(o.verdict == v for o in outcomes)) for v in GOLD_VERDICTS}
    out["all"] = (sum(o.ok for o in outcomes), len(outcomes))
    return out


def load_pairs(path: Any) -> list[dict]:
    """The pairs of a gold YAML file (pyyaml is needed only here, for the benchmark)."""
    import yaml  # a test/benchmark dependency: the checker itself never reads YAML

    with open(path, encoding="utf-8") as fh:
        return list(yaml.safe_load(fh)["pairs"])


def story_folder_articles(root: Any) -> list[Article]:
    """The articles of each story folder under ``root`` (a manifest.csv each), with the
    folder's name as their story."""
    from .ingest import load_articles

    out: list[Article] = []
    for folder in sorted(p for p in Path(root).iterdir() if (p / "manifest.csv").is_file()):
        articles, _ = load_articles([folder])
        out += [replace(a, story=folder.name) for a in articles]
    return out


def gold_articles(corpora: Any, stories: set[str]) -> list[Article]:
    """The articles of ``corpora`` (a folder of JSONL files) whose story is in ``stories``, with
    the ids factcheck's JSONL reader gives them (``<file stem>-<line>``)."""
    from .ingest import load_articles

    articles, _ = load_articles(sorted(str(p) for p in Path(corpora).glob("*.jsonl")))
    return [a for a in articles if a.story in stories]
