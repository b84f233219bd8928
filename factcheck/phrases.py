"""What a figure measures, in the sentence's own words: its governing phrase and lemmas.

The counted noun alone ("person") cannot tell "12,417 people in 240 boats" from "more than 50
people have died"; the words around the figure can, if they are the right ones. This module
picks them by light chunking (word lists and suffixes, no tagger model): the noun phrase the
figure counts or prices, with its verb and a short prepositional phrase, or, when nothing is
counted after it ("Net migration of 622,000", "the death toll rose to 213"), the noun phrase the
figure is linked to on its left. Everything stays inside the figure's clause and within
``MAX_WORDS`` words. ``running`` tells a running count of a developing event (a death toll, a
count "so far") from a settled figure: such counts may rise between two reports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import simplemma

from .lexicon import (
    AUXILIARIES,
    COUNTS_OF_PEOPLE,
    DETERMINERS,
    IRREGULAR_VERBS,
    NOT_VERBS_ED,
    NP_BREAKERS,
    NUMBER_MODIFIERS,
    PAST_IRREGULAR,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRESENT_MARKERS,
    SKIPPED_ADVERBS,
    STOPWORDS,
    WHOLE_NOUNS,
    singular,
)

MAX_WORDS = 8

# Words, figures and punctuation of a clause, in order.
_TOKEN = re.compile(r"[A-Za-z][\w'’\-]*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
# What links a figure to the noun phrase on its left: "X of N", "X rose to N", "X stood at N",
# "X was N", "X: N". Read on the words just before the figure (its hedge is part of the figure).
_LINK = re.compile(
    r"(?:\b(?:has|have|had|having)\s+(?:now\s+)?)?"
    r"(?:\b(?:rose|risen|rise|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|"
    r"increases|grew|grown|soared|surged|fell|fallen|falls|dropped|drops|declined|decreased|"
    r"stood|stand|stands|standing|was|were|is|are|be|been|came|comes|amounted|amounts|put|"
    r"estimated|set|reached|reaches|hit|hits|totalled|totaled|totals|topped|tops|"
    r"exceeded|exceeds|passed|numbered|numbers)\b\s*(?:at|to|by|of)?"
    r"|\b(?:of|at|to)\b|:)\s*$",
    re.IGNORECASE,
)
# Where a clause ends: the words of a figure are read inside its clause.
# (", taking the total so far to 27,281": a participle clause says what a figure led to.)
_CLAUSE_BREAK = re.compile(r"[;:–—()\[\]]|,\s+(?:while|which|but|although|whereas|and)\b"
                           r"|,\s+(?=(?:taking|bringing|pushing|lifting|raising)\b)")


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause holding sentence[start:end]: other clauses speak of other things."""
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end and hi == len(sentence):
            hi = m.start()
    return lo, hi


# A clause-ending mark: the phrase never crosses it.
_PUNCT = frozenset(",;:()[]–—\"“”")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


@lru_cache(maxsize=1 << 15)
def is_verb(word: str) -> bool:
    """A past tense, participle or common news verb ("died", "made", "crossing")."""
    lw = word.lower()
    if lw in IRREGULAR_VERBS:
        return True
    if lw in NOT_VERBS_ED or lw in PERSON_NOUNS:
        return False
    return len(lw) > 4 and lw.endswith("ed")


def _is_head(word: str) -> bool:
    """A noun that ends the phrase it heads: a plural or a word for people (not a possessive,
    "the country's eligible voters")."""
    lw = word.lower()
    if lw.endswith(("'s", "’s", "'", "’")):
        return False
    return lw in PERSON_NOUNS or singular(lw) != lw


def _is_nominal(tok: str) -> bool:
    lw = tok.lower()
    return (_is_word(tok) and lw not in NP_BREAKERS and lw not in AUXILIARIES
            and lw not in SKIPPED_ADVERBS and lw not in _NOT_NOUNS)


# Adverbs that follow a measure ("13 nautical miles away", "two weeks ago"): never its noun.
_NOT_NOUNS = frozenset("away ago later earlier apart ahead back behind apiece each old".split())


def _noun_words_after(toks: list[str]) -> tuple[list[str], int]:
    """The noun phrase a figure counts, right after it ("people", "funding pot"), and where
    the walk stopped."""
    i, words = 0, []
    if toks[:1] and toks[0].lower() == "of":   # "tens of thousands of migrants", "31 of those"
        i = 2 if toks[1:2] and toks[1].lower() in DETERMINERS else 1
    while i < len(toks) and toks[i].lower() in NUMBER_MODIFIERS:
        i += 1
    while i < len(toks) and len(words) < 4:
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if words and tok[0].isdigit() and _is_nominal(nxt):
            words.append(tok)   # a model number inside the phrase: "AK 47 rifles"
            i += 1
            continue
        if not _is_nominal(tok):
            break
        if is_verb(tok) and not (_is_nominal(nxt) and not is_verb(nxt)):
            break   # "people died"; but "armed officers", "organised crime" are adjectives
        words.append(tok)
        i += 1
        if _is_head(tok) and not (tok.lower() in PERSON_NOUNS and _is_nominal(nxt)
                                  and _is_head(nxt)):
            break   # the head, unless a modifier of the next ("member nations")
    return words, i


# Words that make a prepositional phrase say when rather than what or where.
_TIME_WORD = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"morning|afternoon|evening|night|week|weekend|month|year|decade|time|period|past|"
    r"(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december|"
    r"(?:19|20)\d\d)")


def _prep_phrase(toks: list[str], i: int, limit: int) -> list[str]:
    """A short prepositional or purpose phrase at toks[i] ("in 240 boats" -> in boats,
    "to tackle organised immigration crime"), figures dropped, or []."""
    if i >= len(toks) or toks[i].lower() not in PREPOSITIONS:
        return []
    out, j = [toks[i]], i + 1
    if toks[i].lower() == "to" and j < len(toks) and _is_nominal(toks[j]) \
            and toks[j][0].islower() and not _is_head(toks[j]):
        out.append(toks[j])   # "to tackle ...": a purpose, then its object
        j += 1
    while j < len(toks) and not _is_word(toks[j]) and toks[j][0].isdigit():
        j += 1   # "in 240 boats": the figure is another claim
    if j < len(toks) and toks[j].lower() in DETERMINERS:
        out.append(toks[j])
        j += 1
    if j < len(toks) and _TIME_WORD.fullmatch(toks[j]):
        return []   # "on Friday", "in October", "this year": when, not what
    nouns = []
    while (j < len(toks) and len(nouns) < 4 and _is_nominal(toks[j])
           and len(out) + len(nouns) < limit):
        nouns.append(toks[j])
        if _is_head(toks[j]) and toks[j][0].islower():
            break
        j += 1
    return out + nouns if nouns else []


def _verb_phrase(toks: list[str], i: int, limit: int) -> list[str]:
    """The verb that follows a counted noun and its short object ("have died" -> died,
    "crossed the Channel"), or []."""
    while i < len(toks) and (toks[i].lower() in AUXILIARIES or toks[i].lower() in SKIPPED_ADVERBS
                             or toks[i].lower() in ("been", "being", "not")):
        i += 1
    if i >= len(toks) or not _is_word(toks[i]):
        return []
    verb = toks[i]
    if not (is_verb(verb) or verb.lower().endswith("ing")):
        return []
    rest = _prep_phrase(toks, i + 1, limit - 1)
    if not rest:
        j = i + 1
        det = [toks[j]] if j < len(toks) and toks[j].lower() in DETERMINERS else []
        j += len(det)
        obj = []
        while j < len(toks) and len(obj) < 3 and _is_nominal(toks[j]) and not is_verb(toks[j]):
            obj.append(toks[j])
            j += 1
            if _is_head(toks[j - 1]):
                break
        rest = det + obj if obj else []
    return [verb] + rest[: limit - 1]


def _noun_phrase_before(toks: list[str]) -> list[str]:
    """The noun phrase ending right before ``toks`` ends, walking left: "the total budget for
    the Coastal Rescue Agency" -> total budget for the Coastal Rescue Agency."""
    words: list[str] = []
    used_prep = False
    i = len(toks) - 1
    while i >= 0 and len(words) < MAX_WORDS:
        tok, lw = toks[i], toks[i].lower()
        prev = toks[i - 1].lower() if i > 0 else ""
        if not _is_word(tok):
            break
        if lw in DETERMINERS:
            if words and not used_prep and prev in PREPOSITIONS and prev not in ("to", "of") \
                    or words and not used_prep and prev == "of":
                words[:0] = [toks[i - 1], tok]
                used_prep = True
                i -= 2
                continue
            break
        if lw in PREPOSITIONS:
            if not words or used_prep:
                break
            used_prep = True
        elif lw in NP_BREAKERS or lw in AUXILIARIES or is_verb(tok):
            break
        words.insert(0, tok)
        i -= 1
    while words and words[0].lower() in PREPOSITIONS:
        words.pop(0)
    return words


# Heads that stand for the noun of their "of" phrase: "the number of boats was 595".
_QUANTITY_HEADS = frozenset("number total count tally figure".split())


# Hedges that are verbs linking a figure to its subject ("the toll tops 200").
LINK_HEDGE = re.compile(r"(?:tops|topped|topping|exceeds|exceeded|passes|passed|surpasses|"
                         r"surpassed|(?:soared|soars|rose|risen|climbed|jumped)\s+past)\b",
                        re.IGNORECASE)
# A subject that counts people, with what it is of after it: "the death toll from
# catastrophic flooding in Spain", "the number of people killed in the floods".
_COUNTED_SUBJECT = re.compile(
    r"\b(?:(?:number|total|count|tally)\s+of\s+(?:the\s+)?(?P<noun>[a-z][\w-]*)"
    r"|(?P<head>" + "|".join(sorted(COUNTS_OF_PEOPLE)) + r"))\b", re.IGNORECASE)
# Words that end a subject: a finite verb between it and the figure's link starts a clause
# of its own ("the toll was lower in towns that had 200").
_FINITE = frozenset("has have had is are was were said says will would could".split())


_TRAILING_TIME = re.compile(r"\s+(?:(?:this|last|next)\s+(?:year|month|week)|so\s+far|to\s+date|"
                            r"now|already|in\s+(?:19|20)\d\d)\s*$", re.IGNORECASE)


def counted_subject(text: str) -> str:
    """The counted noun of a subject that counts people and is followed only by what it is
    of (prepositional phrases, a participle), or ''."""
    m = _COUNTED_SUBJECT.search(text)
    if not m:
        return ""
    rest = [w.lower() for w in _tokens(text[m.end():]) if _is_word(w)]
    if rest and rest[0] in ("who", "that", "which"):
        # "the number of people who have crossed ... has passed 30,000": a relative clause
        # says who is counted; it holds verbs of its own.
        rest = []
    if any(w in _FINITE for w in rest) or len(rest) > 2 * MAX_WORDS:
        return ""
    noun = (m.group("noun") or m.group("head")).lower()
    if m.group("noun") and noun not in PERSON_NOUNS and noun not in COUNTS_OF_PEOPLE:
        return ""  # "the number of boats" is left to the phrase before the link
    return noun


def linked_noun(sentence: str, start: int, clause: tuple[int, int]) -> str:
    """The head noun of the phrase a figure is linked to on its left, lower-case, or ''.

    >>> linked_noun("Net migration of 622,000 was recorded", 17, (0, 37))
    'migration'
    >>> linked_noun("The number of boats rose to 595", 28, (0, 31))
    'boats'
    """
    before = sentence[clause[0]:start]
    link = _LINK.search(before)
    if not link or link.start() == 0:
        return ""
    subject = counted_subject(before[: link.start()])
    if subject:
        return subject
    # "Arrivals this year stand at 12,417": the time phrase is not the noun.
    head = _TRAILING_TIME.sub("", before[: link.start()])
    words = [w.lower() for w in _noun_phrase_before(_tokens(head))]
    if "of" in words and words.index("of") > 0 and words[words.index("of") - 1] in _QUANTITY_HEADS:
        rest = [w for w in words[words.index("of") + 1:] if w not in DETERMINERS]
        return rest[-1] if rest else ""
    for i, w in enumerate(words):
        if w in PREPOSITIONS:
            return words[i - 1] if i else ""
    return words[-1] if words else ""


def _age_phrase(before: str, after: str) -> str:
    """ "age of <whose>" for an age: "Reid, 33," -> age of Reid; "33-year-old actress" -> age of
    actress."""
    m = re.match(r"[\s-]*years?[\s-]+old[\s-]+((?:[A-Za-z]+[ -]?){1,3})", after)
    words: list[str] = []
    if m:
        for w in re.split(r"[ -]", m.group(1).strip()):
            if not w or w.lower() in NP_BREAKERS or w.lower() in AUXILIARIES:
                break
            words.append(w)
            if _is_head(w) or w[0].isupper() and len(words) > 1:
                break
    else:
        m = re.search(r"([A-Za-z]+),?\s+(?:aged?\s+)?$", before)
        if m and m.group(1).lower() not in NP_BREAKERS and m.group(1).lower() not in STOPWORDS:
            words = [m.group(1)]
    return "age of " + " ".join(words) if words else "age"


def governing_phrase(sentence: str, start: int, end: int, clause: tuple[int, int],
                     unit: str = "") -> str:
    """What the figure at sentence[start:end] measures, in the sentence's words.

    >>> s = "In total this year, 12,417 people in 240 boats have made the crossing."
    >>> governing_phrase(s, 20, 26, (0, len(s)))
    'people in boats'
    >>> s = "Net migration of 622,000 was recorded"
    >>> governing_phrase(s, 17, 24, (0, len(s)))
    'net migration'
    """
    lo, hi = clause
    before, after = sentence[lo:start], sentence[end:hi]
    if unit == "age":
        return _age_phrase(sentence[:start], sentence[end:])
    right = _tokens(after)
    noun, i = _noun_words_after(right)
    if noun and (_is_head(noun[-1]) or unit not in ("count", "")):
        tail = _prep_phrase(right, i, MAX_WORDS - len(noun)) or _verb_phrase(
            right, i, MAX_WORDS - len(noun))
        return _tidy(noun + tail, sentence, lo)
    link = _LINK.search(before)
    # "... tops 200": the figure's own hedge is the verb that links it to its subject.
    linked_at = link.start() if link else (len(before) if LINK_HEDGE.match(
        sentence, start) else 0)
    if linked_at > 0:
        subject = _COUNTED_SUBJECT.search(before[:linked_at])
        if subject and counted_subject(before[:linked_at]):
            # "The death toll from catastrophic flooding in Spain rose to 158": the toll,
            # with what it is of.
            words = _tokens(before[subject.start(): linked_at])
            head = _noun_phrase_before(_tokens(before[: subject.start()]))
            adjective = head[-1:] if head and head[-1].lower() not in PREPOSITIONS else []
            return _tidy((adjective + [w for w in words if _is_word(w)])[:MAX_WORDS],
                         sentence, lo)
        left = _noun_phrase_before(_tokens(_TRAILING_TIME.sub("", before[:linked_at])))
        if left:
            return _tidy(left, sentence, lo)
    if noun:
        return _tidy(noun + _prep_phrase(right, i, MAX_WORDS - len(noun)), sentence, lo)
    return _tidy(_verb_before(_tokens(before)) + _prep_phrase(right, 0, MAX_WORDS // 2),
                 sentence, lo)


def _verb_before(toks: list[str]) -> list[str]:
    """The verb governing a figure with no noun, and its object ("costing taxpayers")."""
    out: list[str] = []
    for tok in reversed(toks[-4:]):
        if not _is_word(tok) or tok.lower() in DETERMINERS or tok.lower() in NUMBER_MODIFIERS:
            if out:
                break
            continue
        if tok.lower() in NP_BREAKERS or tok.lower() in AUXILIARIES:
            break
        out.insert(0, tok)
        if is_verb(tok) or tok.lower().endswith("ing"):
            return out
    # No verb form seen: the word right before the figure ("pledge a further £75 million").
    return out[-1:] if out and out[-1][:1].islower() else []


def _tidy(words: list[str], sentence: str, lo: int) -> str:
    """Join the words; a capital that only starts the sentence is lowered ("Net migration")."""
    words = words[:MAX_WORDS]
    while words and words[-1].lower() in PREPOSITIONS | DETERMINERS:
        words.pop()
    if not words:
        return ""
    first = words[0]
    if first[:1].isupper() and not first.isupper() and sentence.lstrip().startswith(first):
        words[0] = first.lower()
    return " ".join(w.strip("'’") for w in words)


# Time nouns and ordinals say what is measured ("years", "first weekend"): kept as lemmas.
LEMMA_STOPWORDS = STOPWORDS - frozenset(
    "year years month months week weeks day days first last new".split())

# Plural and irregular forms simplemma leaves as they are.
_LEMMA_OVERRIDES = {"people": "person", "persons": "person", "police": "police",
                    "data": "data", "media": "media", "news": "news"}


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """Lower-case lemma of one word ("died" -> die, "people" -> person).

    >>> [lemma(w) for w in ["people", "died", "organised", "Boats", "funding"]]
    ['person', 'die', 'organise', 'boat', 'funding']
    """
    lw = word.lower().strip("'’-")
    if lw in _LEMMA_OVERRIDES:
        return _LEMMA_OVERRIDES[lw]
    try:
        return simplemma.lemmatize(lw, lang="en").lower()
    except Exception:  # noqa: BLE001  (a lemmatiser failure must never lose a claim)
        return lw


def lemmas(phrase: str) -> str:
    """Space-separated lemmas of the phrase's content words, stopwords dropped.

    >>> lemmas("people died")
    'person die'
    >>> lemmas("funding pot to tackle organised immigration crime")
    'funding pot tackle organise immigration crime'
    """
    out = []
    for w in phrase.split():
        lw = w.lower()
        if lw in LEMMA_STOPWORDS or lw in PREPOSITIONS or len(lw) < 2:
            continue
        out.append(lemma(lw))
    return " ".join(out)


# --- running counts -------------------------------------------------------------------------

# Said anywhere in the figure's clause: the count holds "so far" and may still grow.
_RUNNING_ANY = re.compile(
    r"\b(?:so\s+far|thus\s+far|to\s+date|as\s+of|up\s+to\s+now|until\s+now|"
    r"year[-\s]to[-\s]date|continu(?:es|ed|ing)\s+to\s+(?:rise|climb|grow|mount)|"
    r"(?:is|are|was|were)\s+(?:still\s+)?(?:expected|likely|feared)\s+to\s+(?:rise|climb|grow)|"
    r"(?:votes?|ballots?)\s+(?:counted|tallied|were\s+counted))\b",
    re.IGNORECASE,
)
# Said just before the figure of a count: "the death toll rose to", "bringing the total to".
_RUNNING_BEFORE = re.compile(
    r"(?:\btoll\b[^.;]{0,40}|\b(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|grown|reached)\s+"
    r"(?:to\s+)?|\b(?:rose|climbed|rises|climbs|risen|mounted|jumped)\s+to\s+|"
    r"\b(?:bring(?:ing|s)?|brought|tak(?:ing|es|e)|took)\s+(?:the|its|their)\s+(?:[\w'’]+\s+){0,2}"
    r"(?:toll|total|tally|number|count)\b[^.;\d]{0,50}?\s+to\s+)$",
    re.IGNORECASE,
)
# A perfect tense: a count "since" a date or "this year" that is still being added to.
_PERFECT = re.compile(r"\b(?:have|has|had|'ve|’ve)\b|\w['’]s\s+(?:been|risen|reached|\w+ed)\b",
                      re.IGNORECASE)
# Outcomes of a developing event that a later report may count higher.
RUNNING_EVENTS = frozenset({"death", "injury", "missing", "displacement", "arrest", "rescue",
                            "arrival", "vote"})


@lru_cache(maxsize=256)
def _running_anywhere(sentence: str, lo: int, hi: int) -> bool:
    """Whether a clause says its counts run ("so far", "to date"): asked once per clause,
    not once per figure of a list."""
    return bool(_RUNNING_ANY.search(sentence, lo, hi))


_STANDS_AT = re.compile(r"\b(?:stands?|is|are)\s+(?:now\s+)?at\b|\btotals?\b", re.IGNORECASE)


def is_running(sentence: str, start: int, end: int, clause: tuple[int, int], *,
               family: str, event: str, bound: str, period_kind: str | None,
               period_span: tuple[int, int] | None = None) -> bool:
    """True when the figure is a running count of a developing event, which can rise between
    reports: a death toll, a count "so far" or "as of", a year-to-date count. Only counts (of
    people or things) run, and money or shares said to hold "so far"; a period makes a count
    running only when it is said in the figure's own clause.

    >>> s = "The death toll rose to 213 on Friday."
    >>> is_running(s, 23, 26, (0, len(s)), family="person", event="death", bound="exact",
    ...            period_kind="day")
    True
    """
    lo, hi = clause
    if family not in ("person", "count", "money", "percent"):
        return False
    if _running_anywhere(sentence, lo, hi):
        return True   # "so far", "to date", "with 95% of votes counted"
    if family in ("money", "percent"):
        return False
    if period_kind in ("year-to-date", "since") and period_span is not None \
            and lo <= period_span[0] and period_span[1] <= hi \
            and (_PERFECT.search(sentence, lo, hi) or _STANDS_AT.search(sentence, lo, hi)):
        # "have killed 147 people since Sunday", "arrivals this year stand at 12,417"; not
        # "waged since 1955"
        return True
    if _RUNNING_BEFORE.search(sentence[max(lo, start - 60):start]):
        return True
    if _NOW_BEFORE.search(sentence[max(lo, start - 40):start]):
        return True  # "the state of calamity now covers 26 municipalities": as it stands
    if _CAREER_AFTER.match(sentence, end):
        return True  # "2,117 career points": a total that grows while the career lasts
    if event in RUNNING_EVENTS and _BY_THEN.search(sentence, lo, start) \
            and _PERFECT.search(sentence, lo, hi):
        # "By Monday night eight people had been confirmed dead": the count as it stood then
        return True
    if event in RUNNING_EVENTS and _STILL.search(sentence, max(lo, start - 30), min(hi, end + 30)):
        # "14 people remain missing", "six are still unaccounted for", "38 are now confirmed
        # dead"
        return True
    # "at least 50 dead", "more than 30 missing": a floor of a count still being made.
    return bound == "lower" and event in RUNNING_EVENTS and event not in ("arrival", "vote")


# "now covers", "now has", "now stands at": a count as it stands on the report's day.
_NOW_BEFORE = re.compile(r"\bnow\s+(?:[a-z]+s|has|have|stands\s+at|totals?)\s+(?:at\s+|more\s+than\s+|"
                         r"about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?$",
                         re.IGNORECASE)
_CAREER_AFTER = re.compile(r"\s+career\s+(?!high|best|low)[a-z]", re.IGNORECASE)
# "By Monday night", "by late afternoon", "by 6pm", "by yesterday evening": a count as it stood.
_BY_THEN = re.compile(
    r"\bby\s+(?:(?:late|early|mid)[-\s]?)?(?:(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|last|this|tonight|nightfall|dawn|midday|noon|midnight|"
    r"the\s+(?:end|evening|morning|afternoon|time))\b|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b|"
    r"(?:morning|afternoon|evening|night)\b)", re.IGNORECASE)
_STILL = re.compile(r"\b(?:remain|remains|remained|still|now)\b", re.IGNORECASE)
_STANDING = re.compile(r"\b(?:remain|remains|remained|still)\b", re.IGNORECASE)


def in_clause(row: Mapping[str, Any]) -> tuple[str, int, int, int, int]:
    """A claim's sentence, the figure's offsets in it and its clause's bounds."""
    sentence = str(row.get("sentence") or "")
    start = int(row["start"]) - int(row["sentence_start"])
    end = int(row["end"]) - int(row["sentence_start"])
    return (sentence, start, end) + clause_bounds(sentence, start, end)


def told_as_standing(row: Mapping[str, Any]) -> bool:
    """The figure's clause tells it as what still stands on the report's day ("161,000 homes
    remain without power", "the 38,000 still cut off"): a count that can fall.

    >>> s = "Around 161,000 homes remain without power on Friday."
    >>> told_as_standing({"sentence": s, "sentence_start": 0, "start": 7, "end": 14})
    True
    """
    sentence, start, end, lo, hi = in_clause(row)
    return bool(_STANDING.search(sentence, max(lo, start - 30), min(hi, end + 40)))


# A clause that tells its figure as a count so far or as it now stands: it may still change.
_AS_IT_STANDS = re.compile(r"\b(?:remain|remains|remained|still|now|so\s+far|to\s+date|"
                           r"(?:have|has|had)(?:\s+now)?\s+been)\b", re.IGNORECASE)


def told_as_so_far(row: Mapping[str, Any]) -> bool:
    """The figure's clause tells it as a count so far or as it now stands ("140 homes have
    been destroyed", "Around 2,300 firefighters are still working"): it may grow or fall
    between two reports, unlike "The unit has 260 officers".

    >>> s = "The regional government says 163 homes have been destroyed."
    >>> told_as_so_far({"sentence": s, "sentence_start": 0, "start": 29, "end": 32})
    True
    """
    sentence, start, end, lo, hi = in_clause(row)
    # (The verb may come after a long subject: "Some 1,800 rescuers, including firefighters
    # with sniffer dogs, have been combing the rubble".)
    return bool(_AS_IT_STANDS.search(sentence, max(lo, start - 30), min(hi, end + 80)))


# The words that tell a change's direction, just before the figure ("rose 3.4%", "tumbled
# 8%", "down 6 per cent") or just after it ("closed 3.4% higher", "6% down on the year").
_UP = (r"rose|risen|rises|rising|up|higher|increased|grew|gained|jumped|climbed|surged|soared|"
       r"rocketed|leapt|leaped|advanced|rallied")
_DOWN = (r"fell|fallen|falls|falling|down|lower|decreased|declined|dropped|slumped|tumbled|"
         r"plunged|plummeted|sank|slid|dipped|slipped|shed|lost|crashed")
_DIRECTION_BEFORE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b"
                               r"(?:\s+(?:by|of|almost|nearly|about|around|some|more\s+than|"
                               r"over|just|a|an|further|another|sharply))*\s*$", re.IGNORECASE)
_DIRECTION_AFTER = re.compile(rf"^\s*(?:(?P<up>higher|up)|(?P<down>lower|down))\b",
                              re.IGNORECASE)


def direction(row: Mapping[str, Any]) -> int:
    """The direction a change's words give it: 1 up ("rose 3.4%", "closed 3.4% higher"), -1
    down ("tumbled 3.4%"), 0 not said.

    >>> s = "Brightwell's shares tumbled 3.4% on Thursday."
    >>> direction({"sentence": s, "sentence_start": 0, "start": 28, "end": 32})
    -1
    """
    sentence, start, end, lo, hi = in_clause(row)
    for found in (_DIRECTION_AFTER.match(sentence[end:hi][:12]),
                  _DIRECTION_BEFORE.search(sentence[max(lo, start - 40):start])):
        if found:
            return 1 if found.group("up") else -1
    return 0


# --- where a figure holds ----------------------------------------------------------------------

_PLACE_NOUN = (r"(?:countries|nations|states|provinces|districts|regions|cities|towns|villages|"
               r"islands|counties|constituencies|boroughs|wards|province|country|state|district|"
               r"region|city|town|village|island|area|world|county|capital|constituency|"
               r"borough|ward)")
_PLACE_COUNT = (r"(?:\d[\d,]*|a\s+dozen|dozens\s+of|several|many|two|three|four|five|six|seven|"
                r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)")
# "in the province", "in 13 countries", "across Asia", "around the Indian Ocean", "nationwide",
# "in Sumatra alone": the place a figure is counted over.
_SCOPE = re.compile(
    r"\b(?:in|across|around|throughout|inside|outside)\s+(?:the\s+|a\s+|an\s+|all\s+)?"
    r"(?P<place>" + _PLACE_COUNT + r"\s+" + _PLACE_NOUN
    + r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*|" + _PLACE_NOUN + r")\b"
    r"|\b(?P<adverb>nationwide|worldwide|globally|domestically|internationally|overseas|abroad|"
    r"alone)\b"
    # "180 jobs are to go at Glasgow Airport": a named site (never "at 7 a.m.", "at the time").
    r"|\bat\s+(?P<site>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
    # "the population of the South-West region at 801,400": a named place the count is of.
    r"|\bof\s+the\s+(?P<of_place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+" + _PLACE_NOUN + r")\b")
# A people's or place's adjective right after the figure: "412,000 Scottish homes", "300
# Canadian firefighters" (not "two Republican senators", "three Christian churches").
DEMONYM_ENDINGS = ("ish", "ian", "ese", "ean", "ican")
_DEMONYM = re.compile(r"\s+(?P<place>[A-Z][a-z]+(?:" + "|".join(DEMONYM_ENDINGS) + r"))\s+[a-z]")
_NOT_DEMONYMS = frozenset("republican christian victorian edwardian georgian librarian "
                          "veterinarian vegetarian".split())
NUMBER_WORD = re.compile(
    r"\b\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|dozens?)\b", re.IGNORECASE)
_NOT_PLACES = frozenset(
    "the a an january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday".split())
_PLACE_NOUNS = frozenset(re.findall(r"\w+", _PLACE_NOUN))
# A sentence that opens on a place: "In neighbouring Central Aceh district, ...".
_OPENING_SCOPE = re.compile(
    r"\s*(?:In|Across|Throughout|Elsewhere in)\s+(?P<place>(?:the\s+)?(?:[a-z]+\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:\s+" + _PLACE_NOUN + r")?)\s*,")
# A time word just before "alone" ("on Monday alone", "this year alone").
_TIME_BEFORE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|"
                          r"week|month|year|quarter|today|yesterday|night|weekend|january|"
                          r"february|march|april|may|june|july|august|september|october|"
                          r"november|december|\d{4})\s+$", re.IGNORECASE)
# How far from the figure a place is still its own (characters before it, after it).
SCOPE_BEFORE, SCOPE_AFTER = 60, 100


def place_scope(sentence: str, start: int, end: int, clause: tuple[int, int]) -> frozenset[str]:
    """The places a figure is counted over, as lower-case phrases: a place phrase between the
    previous figure and this one, or after this one and before the next ("killed 170,000
    people in the province and tens of thousands more in countries around the Indian Ocean"
    gives the first figure "province" only).

    >>> sorted(place_scope("It killed 230,000 people in 13 countries.", 10, 17, (0, 40)))
    ['13 countries']
    """
    lo = max([clause[0], start - SCOPE_BEFORE]
             + [m.end() for m in NUMBER_WORD.finditer(sentence, 0, start)][-1:])
    following = NUMBER_WORD.search(sentence, end)
    stop = following.start() if following else len(sentence)
    hi = min(clause[1], end + SCOPE_AFTER)
    out = set()
    opening = _OPENING_SCOPE.match(sentence)
    if opening and opening.end() <= start:
        # "In neighbouring Central Aceh district, 10 people were killed, 140 were injured and
        # about 1,500 houses ... were damaged": the opening place holds for every figure.
        words = [w.lower() for w in re.findall(r"[\w'’-]+", opening.group("place"))]
        place = [w for w in words if w not in _NOT_PLACES and (
            w in _PLACE_NOUNS or w.capitalize() in opening.group("place"))]
        if place:
            out.add(" ".join(place))
    demonym = _DEMONYM.match(sentence, end)
    if demonym and demonym.group("place").lower() not in _NOT_DEMONYMS:
        out.add(demonym.group("place").lower())
    for text, offset, limit in ((sentence[lo:start], lo, start), (sentence[end:hi], end, stop)):
        for m in _SCOPE.finditer(text):
            if offset + m.start() >= limit:
                break
            if m.group("adverb") == "alone" and _TIME_BEFORE.search(text, 0, m.start()):
                continue  # "evacuated on Monday alone": a day's share, no place
            words = [w.lower() for w in re.findall(r"[\w'’-]+", m.group("place") or
                                                   m.group("adverb") or m.group("site")
                                                   or m.group("of_place"))]
            words = [w for w in words if w not in _NOT_PLACES]
            if words and not all(w.isdigit() for w in words):
                out.add(" ".join(words))
    return frozenset(out)


# --- when a figure's event happened --------------------------------------------------------

_SO_FAR = re.compile(r"\b(?:so far|to date|as of|thus far|up to now)\b", re.IGNORECASE)
_PAST_WORDS = frozenset("was were had did ago yesterday".split())


def is_settled(sentence: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """Whether the figure counts an event told as over: its clause is in the simple past ("He
    served four months", "she returned 12 weeks ago") with nothing present, perfect or future
    in it ("has grossed", "now has", "so far", "will join"). A settled figure does not change
    between two reports, so their dates alone are no reason for two figures to differ.

    >>> s = "He served four months in federal prison."
    >>> is_settled(s, 10, 21, (0, len(s)))
    True
    >>> s = "The film has grossed $368 million so far."
    >>> is_settled(s, 21, 33, (0, len(s)))
    False
    """
    text = sentence[clause[0]:clause[1]]
    if _SO_FAR.search(text):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’]*", text)]
    if any(w in PRESENT_MARKERS or w.endswith(("'s", "’s")) and w[:-2] in ("it", "he", "she",
                                                                          "that", "there")
           for w in words):
        return False
    return any(w in _PAST_WORDS or w in PAST_IRREGULAR
               or (w.endswith("ed") and is_verb(w)) for w in words)


# Words that make one measure of a company's or a government's figures another: "underlying
# profit" and "statutory pre-tax profit", "core inflation" and "headline inflation".
QUALIFIERS = {
    "underlying": "adjusted", "adjusted": "adjusted", "statutory": "statutory",
    "reported": "statutory", "core": "core", "headline": "headline", "pre-tax": "pre-tax",
    "post-tax": "post-tax", "operating": "operating", "net": "net", "gross": "gross",
    "like-for-like": "like-for-like", "basic": "basic", "diluted": "diluted",
    "services": "services", "food": "food", "energy": "energy",
}
_QUALIFIER = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len,
                                                            reverse=True)) + r")(?![\w-])",
                        re.IGNORECASE)
# A capitalised word there is a name's: after a preposition or another capitalised word.
_NAMED_AT = re.compile(r"(?:\b(?:for|of|the|and|at|by|from)|[A-Z][\w'’-]*)\s+$")
_SPEAKER_AFTER = re.compile(r"\s+(?:said|says|say|told|reported|warned|estimated)\b",
                            re.IGNORECASE)
# How far before a figure a qualifier may stand in its clause, and after it.
QUALIFIER_BEFORE, QUALIFIER_AFTER = 60, 30


def measure_qualifiers(sentence: str, start: int, end: int, clause: tuple[int, int]
                       ) -> frozenset[str]:
    """The qualifiers of the measure a figure states, from its clause near it ("underlying
    profit before tax rose to £308 million" -> {"adjusted", "pre-tax"}); "before tax" is
    pre-tax."""
    lo, hi = max(clause[0], start - QUALIFIER_BEFORE), min(clause[1], end + QUALIFIER_AFTER)
    following = NUMBER_WORD.search(sentence, end, hi)
    hi = following.start() if following else hi
    text = sentence[lo:start] + " " + sentence[end:hi]
    # (A capital inside a sentence names something: "the Department for Energy" qualifies no
    # measure.)
    # (Nor does a speaker: "Emergency services said 2,840 people were evacuated".)
    found = {QUALIFIERS[m.group().lower()] for m in _QUALIFIER.finditer(text)
             if not (m.group()[:1].isupper() and _NAMED_AT.search(text, 0, m.start())
                     or _SPEAKER_AFTER.match(text, m.end()))}
    if re.search(r"\bbefore\s+tax", text, re.IGNORECASE):
        found.add("pre-tax")
    return frozenset(found)


_A_WHOLE = re.compile(r"\s+(?P<link>of|to)\s+(?:the|its|their|this|that|these|those)\s+"
                      r"(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,4})")


def named_whole(sentence: str, end: int, link: str = "of") -> str:
    """The whole a figure is said to be a part of (``link`` "of") or added to ("to"), named
    right after it ("£1.3bn of the savings": "saving"; "85 of the Joint Maritime Enforcement
    Unit": "unit"; "added £149 a year to the typical household's bill": "bill"), or ''.

    >>> named_whole("It will spend £1.3bn of the savings on buses.", 20)
    'saving'
    """
    m = _A_WHOLE.match(sentence, end)
    if not m or m.group("link") != link:
        return ""
    for word in m.group("words").split():
        word = re.sub(r"['’]s?$", "", word).lower()
        if word in WHOLE_NOUNS:
            return "saving" if word == "savings" else singular(word)
        if not word[:1].isalpha() or word in STOPWORDS:
            break  # the whole's name ends before another word
    return ""


# "seven of them", "five of whom", "208,000 of which": a part of the count just before.
PART_OF_THEM = re.compile(r"\s+of\s+(?P<pronoun>them|whom|those|these|which)\b", re.IGNORECASE)


def of_them(text: str, at: int = 0) -> bool:
    """True when ``text`` at ``at`` says "of them", "of whom", "of those" or "of these" ("of
    which" names a part too, but the normaliser leaves its role to the verdicts' links)."""
    m = PART_OF_THEM.match(text, at)
    return bool(m) and m.group("pronoun").lower() != "which"
