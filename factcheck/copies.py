"""Wire copies: articles that repeat another's text, found from the sentences that hold figures.

A press agency's story is carried word for word by many outlets, and again on later days. Its
figures are one report, not many: checking each copy against the others would turn one
agency's figure into dozens of agreements, and make every story as large as its number of
copies. Two articles are copies when most of the sentences holding their figures are the same
sentence (compared in lower case with spacing and quote marks made plain, and digits blanked, so
a reformatted copy, or one that changed a figure, is still one): at least ``COPY_SHARE`` of the
sentences of the shorter one. A headline, a byline, "additional reporting by" or a sentence added or
cut leave that share about where it was. Sentences are found through an index of exact hashes,
so the cost grows with the number of articles, not with its square.

Each group of copies is checked once, through its representative (the first published, then
the smallest id). A copy's claim whose sentence, place in the sentence and figure the
representative also has is carried (``copy_of`` names the representative's claim) and is left
out of matching. A copy that changed a figure keeps that claim in matching: it is exactly what
an editor wants to see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import pandas as pd

from .components import components

# The share of the shorter article's figure sentences the other must hold. (Only its claims in
# those very sentences are left out of matching, so a brief that shares its one figure sentence
# with a longer report loses nothing to being called its copy.)
COPY_SHARE = 0.8
# A sentence held by more articles than this is furniture ("Copyright 2024 ..."), no evidence.
MAX_HOLDERS = 500

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d[\d.,]*")


def sentence_key(sentence: str, figures: bool = True) -> int:
    """A stable 64-bit hash of a sentence in lower case with spacing and quote marks plain;
    with ``figures=False``, its digits blanked (a copy that changed a figure is still a copy).

    >>> sentence_key("He said “12 boats”  crossed.") == sentence_key('he said "12 boats" crossed.')
    True
    >>> sentence_key("12 boats", figures=False) == sentence_key("13 boats", figures=False)
    True
    """
    plain = _SPACE.sub(" ", str(sentence).translate(_QUOTES).lower()).strip()
    if not figures:
        plain = _DIGITS.sub("#", plain)
    # (a lone surrogate, which a JSON "\\ud800" escape can bring in, hashes like any character)
    return int.from_bytes(hashlib.blake2b(plain.encode("utf-8", "surrogatepass"),
                                         digest_size=8).digest(), "big")


def copy_groups(claims: pd.DataFrame, published: Mapping[str, dt.date | None]
                ) -> dict[str, str]:
    """Article id -> its group's representative, for every article in a group of copies (a
    story named by the input is never crossed)."""
    if claims.empty:
        return {}
    story = claims["story"].fillna("").astype(str)
    keys: dict[str, set[int]] = defaultdict(set)
    story_of: dict[str, str] = {}
    for art, s, sentence in zip(claims["article"], story, claims["sentence"]):
        keys[art].add(sentence_key(sentence, figures=False))
        story_of[art] = s
    holders: dict[tuple[str, int], list[str]] = defaultdict(list)
    for art, ks in keys.items():
        for k in ks:
            holders[(story_of[art], k)].append(art)
    links = []
    for art, ks in keys.items():
        shared: Counter[str] = Counter()
        for k in ks:
            arts = holders[(story_of[art], k)]
            if len(arts) <= MAX_HOLDERS:
                shared.update(a for a in arts if a > art)
        for other, n in shared.items():
            if n >= COPY_SHARE * min(len(ks), len(keys[other])):
                links.append((art, other))
    if not links:
        return {}
    root = components(links)
    members: dict[str, list[str]] = defaultdict(list)
    for art, r in root.items():
        members[r].append(art)
    out = {}
    for arts in members.values():
        rep = min(arts, key=lambda a: (_day(published.get(a)), a))
        out.update({a: rep for a in arts})
    return out


def _day(value: dt.date | None) -> str:
    # Undated copies come after dated ones: "~" sorts after every digit.
    return value.isoformat() if isinstance(value, dt.date) else "~"


def carried(claims: pd.DataFrame, groups: Mapping[str, str]) -> pd.Series:
    """Per claim, the id of the representative's claim it repeats (same sentence, same place
    in it, same figure), or '' (the claim is checked as any other)."""
    out = pd.Series("", index=claims.index, dtype=object)
    if not groups:
        return out
    in_group = claims["article"].isin(groups.keys())
    rows = claims[in_group]
    offset = rows["start"] - rows["sentence_start"]
    keyed = list(zip(rows.index, rows["id"], rows["article"], rows["sentence"], offset,
                     rows["value"]))
    own: dict[tuple, str] = {}
    for _, cid, art, sentence, at, value in keyed:
        if groups[art] == art:
            own[(art, sentence_key(sentence), int(at), float(value))] = cid
    for idx, _, art, sentence, at, value in keyed:
        rep = groups[art]
        if rep != art:
            out.at[idx] = own.get((rep, sentence_key(sentence), int(at), float(value)), "")
    return out


def carriers(claims: pd.DataFrame, ids: Iterable[str]) -> dict[str, list[str]]:
    """For the given representative claims, the articles whose copies carry each one."""
    wanted = set(ids)
    if "copy_of" not in claims or not wanted:
        return {}
    out: dict[str, list[str]] = defaultdict(list)
    for rep, art in zip(claims["copy_of"], claims["article"]):
        if rep in wanted:
            out[rep].append(str(art))
    return {k: sorted(set(v)) for k, v in out.items()}


def with_carriers(findings: list, claims: pd.DataFrame) -> list:
    """Each cross-source finding also holds the claims of the copies that carry its figures:
    its judgement is theirs (the same sentence), and no pair among copies is ever made."""
    if "copy_of" not in claims:
        return findings
    carriers_of: dict[str, list[str]] = defaultdict(list)
    for cid, rep in zip(claims["id"], claims["copy_of"]):
        if rep:
            carriers_of[rep].append(str(cid))
    if not carriers_of:
        return findings
    for f in findings:
        if f.kind == "cross-source":
            more = [c for rep in f.claims for c in sorted(carriers_of.get(rep, ()))]
            if more:
                f.claims = list(f.claims) + more
    return findings
