"""Score a check run against a gold file of claim pairs (../shared/gold/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.pipeline import CheckResult


@dataclass
class PairOutcome:
    """How one gold pair fared."""

    id: str
    verdict: str
    ok: bool
    why: str


def locate(result: CheckResult, spec: dict) -> str | None:
    """The id of the claim the gold spec names: right article, right value, inside its text."""
    art = next((a for a in result.articles if a.id == spec["article"]), None)
    if art is None:
        return None
    spans = []
    at = art.text.find(spec["text"])
    while at >= 0:
        spans.append((at, at + len(spec["text"])))
        at = art.text.find(spec["text"], at + 1)
    c = result.claims
    rows = c[(c["article"] == spec["article"])]
    for _, r in rows.iterrows():
        if abs(r["value"] - spec["value"]) > 1e-6 * max(1.0, abs(spec["value"])):
            continue
        if any(r["start"] < e and s < r["end"] for s, e in spans):
            return r["id"]
    return None


def score_pairs(result: CheckResult, pairs: list[dict]) -> list[PairOutcome]:
    """Check each gold pair against the run's findings."""
    out = []
    for p in pairs:
        a, b = locate(result, p["a"]), locate(result, p["b"])
        if a is None or b is None:
            missing = p["a"]["text"] if a is None else p["b"]["text"]
            out.append(PairOutcome(p["id"], p["verdict"], p["verdict"] == "distinct",
                                   f"claim not extracted: {missing!r}"))
            continue
        together = [f for f in result.findings if a in f.claims and b in f.claims]
        if p["verdict"] == "distinct":
            bad = [f for f in together if f.verdict == "contradict"]
            out.append(PairOutcome(p["id"], "distinct", not bad,
                                   f"contradict finding {bad[0].id}" if bad else "kept apart"))
            continue
        hits = [f for f in together if f.verdict == p["verdict"]
                and (p.get("relation") in (None, f.relation)
                     or (p["relation"] == "arithmetic" and f.kind == "internal"))]
        why = "found" if hits else "not in one finding with that verdict: " + ", ".join(
            f"{f.id}={f.verdict}/{f.relation}" for f in together) or "never paired"
        out.append(PairOutcome(p["id"], p["verdict"], bool(hits), why))
    return out
