"""Internal checks: the arithmetic an article states about its own figures.

Only arithmetic the text itself announces is checked, so a coincidence of numbers never makes a
finding: "X more than the Y" (a difference, checked against a nearby Z = Y + X), a total reached
by an increment ("a further X, doubling the total to T"; "an additional X on top of the Y already
committed"), and a percent change stated with its two levels ("up 15% from 100 to 115").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from . import formatting
from .schema import Finding, rows_by_index
from .verdict import rounding_tolerance

# How many sentences back a difference may look for the figure it is the difference of.
DIFFERENCE_WINDOW = 2

_DOUBLING = re.compile(r"\bdoubl(?:e|ed|es|ing)\b", re.IGNORECASE)
_FEWER = re.compile(r"\b(?:fewer|less|lower|smaller)\s+than\b", re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\b", re.IGNORECASE)


def _equal(x: float, y: float, *rounded: float) -> bool:
    """x equals y allowing for the rounding of the figures that made them."""
    tol = sum(rounding_tolerance(r) for r in rounded) + 1e-9 * max(abs(x), abs(y), 1)
    return abs(x - y) <= tol


def _finding(relation: str, claims: list[Mapping[str, Any]], verdict: str, text: str) -> Finding:
    return Finding(id="", kind="internal", verdict=verdict, relation=relation,
                   claims=[c["id"] for c in claims], measure=claims[0]["measure"],
                   explanation=text, score=1.0)


def _sentence_index(rows: dict[Any, Mapping[str, Any]]) -> dict[Any, int]:
    """Each claim's sentence as an ordinal within its article (0 = the first with a figure)."""
    order = {s: i for i, s in enumerate(sorted({r["sentence_start"] for r in rows.values()}))}
    return {idx: order[r["sentence_start"]] for idx, r in rows.items()}


def internal_findings(claims: pd.DataFrame) -> list[Finding]:
    """Check the arithmetic each article states; return agree/contradict internal findings."""
    out: list[Finding] = []
    # One conversion of the whole table, then plain dicts per article: a pandas group per
    # article costs more than the arithmetic.
    by_article: dict[Any, dict[Any, Mapping[str, Any]]] = {}
    for idx, r in rows_by_index(claims).items():
        by_article.setdefault(r["article"], {})[idx] = r
    for rows in by_article.values():
        order = list(rows)
        sent = _sentence_index(rows)
        out += _differences(rows, order, sent)
        out += _totals(rows, order, sent)
        out += _percent_changes(rows, order)
    return out


def _differences(rows: dict, order: list, sent: dict) -> list[Finding]:
    """ "X more than the Y": find Z = Y + X (or Y - X) nearby and say whether it holds."""
    out = []
    for pos, i in enumerate(order):
        d = rows[i]
        if d["role"] != "difference" or pos + 1 >= len(order):
            continue
        y = rows[order[pos + 1]]
        if y["sentence_start"] != d["sentence_start"]:
            continue
        between = d["sentence"][d["end"] - d["sentence_start"]: y["start"] - y["sentence_start"]]
        sign = -1 if _FEWER.search(between) else 1
        want = float(y["value"]) + sign * float(d["value"])
        candidates = [rows[j] for j in order
                      if j not in (i, order[pos + 1]) and rows[j]["unit"] == d["unit"]
                      and 0 <= sent[i] - sent[j] <= DIFFERENCE_WINDOW]
        for z in candidates:
            if _equal(float(z["value"]), want, z["value"], y["value"], d["value"]):
                op = "−" if sign > 0 else "+"
                out.append(_finding("arithmetic", [z, d, y], "agree", (
                    f"The article's own arithmetic holds: {formatting.claim(z)} {op} "
                    f"{formatting.claim(y)} = {formatting.claim(d)}.")))
                break
    return out


def _totals(rows: dict, order: list, sent: dict) -> list[Finding]:
    """A total reached by an increment: doubling, or increment + what was there before."""
    out = []
    totals = [i for i in order if rows[i]["role"] == "total"]
    increments = [i for i in order if rows[i]["role"] == "increment"]
    for t_idx in totals:
        t = rows[t_idx]
        vt = float(t["value"])
        same_unit = [i for i in increments if rows[i]["unit"] == t["unit"]]
        # "a further X ..., doubling the total to T" in one sentence: T must be 2X.
        if _DOUBLING.search(t["sentence"]):
            for i in same_unit:
                inc = rows[i]
                if inc["sentence_start"] != t["sentence_start"]:
                    continue
                ok = _equal(vt, 2 * float(inc["value"]), t["value"], inc["value"])
                verdict = "agree" if ok else "contradict"
                tail = ("" if ok else f", not {formatting.claim(t)}: the figures do not add up")
                out.append(_finding("arithmetic", [t, inc], verdict, (
                    f"Doubling: {formatting.claim(inc)} added to the {formatting.claim(inc)} "
                    f"already there makes {formatting.amount(2 * float(inc['value']), inc['unit'])}"
                    f"{tail}.")))
        # "an additional X on top of the Y already committed": X + Y = T anywhere in the article.
        for i in same_unit:
            inc = rows[i]
            if inc["sentence_start"] == t["sentence_start"] and _DOUBLING.search(t["sentence"]):
                continue  # already checked as a doubling
            prior = [rows[j] for j in order if j not in (i, t_idx)
                     and rows[j]["unit"] == t["unit"] and rows[j]["role"] is None
                     and abs(sent[j] - sent[i]) <= 0 and rows[j]["start"] > inc["start"]]
            for p in prior:
                if _equal(float(inc["value"]) + float(p["value"]), vt,
                          t["value"], inc["value"], p["value"]):
                    out.append(_finding("arithmetic", [t, inc, p], "agree", (
                        f"The total adds up: {formatting.claim(p)} already there plus "
                        f"{formatting.claim(inc)} more makes {formatting.claim(t)}.")))
                    break
    return out


def _percent_changes(rows: dict, order: list) -> list[Finding]:
    """ "up 15% from 100 to 115": the percent change must match its two levels."""
    out = []
    for pos, i in enumerate(order):
        pct = rows[i]
        if pct["unit"] != "percent" or pct["role"] != "change":
            continue
        levels = [rows[j] for j in order[pos + 1: pos + 3]
                  if rows[j]["sentence_start"] == pct["sentence_start"]
                  and rows[j]["unit"] != "percent"]
        if len(levels) != 2 or levels[0]["unit"] != levels[1]["unit"]:
            continue
        first, second = levels
        gap = pct["sentence"][first["end"] - first["sentence_start"]:
                              second["start"] - second["sentence_start"]]
        # "from A to B" or "to B from A": the level after "from" is the old one.
        before_first = pct["sentence"][:first["start"] - first["sentence_start"]][-8:]
        if _FROM_TO.search(before_first):
            old, new = first, second
        elif _FROM_TO.search(gap):
            old, new = second, first
        else:
            continue
        vo, vn = float(old["value"]), float(new["value"])
        if vo == 0:
            continue
        actual = (vn - vo) / abs(vo) * 100
        stated = float(pct["value"])
        if re.search(r"\b(?:fell|fall|down|drop|dropped|declined?|decrease|cut|lower)\b",
                     pct["sentence"][:pct["start"] - pct["sentence_start"]][-30:], re.I):
            stated = -stated
        # Allow the rounding of the stated percent and of the two levels.
        slack = 0.5 + 100 * (rounding_tolerance(vo) + rounding_tolerance(vn)) / abs(vo)
        ok = abs(actual - stated) <= max(slack, 0.05 * abs(stated))
        verdict = "agree" if ok else "contradict"
        out.append(_finding("percent-change", [pct, old, new], verdict, (
            f"From {formatting.claim(old)} to {formatting.claim(new)} is a change of "
            f"{actual:+.1f}%; the article says {stated:+g}%"
            + ("." if ok else ": the stated change does not match its own figures."))))
    return out
