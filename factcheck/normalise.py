"""Article text -> claim table: one row per numeric claim, with unit, interval, period and role.

The lexical work (what is a number, its interval, its currency) is ``numbers``; the time work is
``dates``. This module adds what needs the sentence around the figure: the counted noun, the
role ("a further" = increment, "in total" = total), the words that say what is measured, and the
period, then lays the rows out as the claim table declared in ``schema``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from . import dates, numbers, phrases, units
from .lexicon import (
    AUXILIARIES,
    COUNTS_OF_PEOPLE,
    COMPARATIVES,
    DIMENSION_ADJECTIVES,
    DURATION_NOUNS,
    EVENT_OF_WORD,
    EXTENT_OF_WORD,
    GENERIC_NOUNS,
    INCREMENT_CUES,
    NP_BREAKERS,
    NUMBER_MODIFIERS,
    PERSON_NOUNS,
    PERSON_VERBS,
    POLITICAL,
    PREPOSITIONS,
    SEAT_HOLDERS,
    SEAT_HOLDERS_IN_POLITICS,
    SKIPPED_ADVERBS,
    STOPWORDS,
    STRENGTH_ADJECTIVES,
    TOTAL_CUES,
    singular,
)
from .errors import TooSlow
from .schema import CLAIM_COLUMNS, Article, Problem, check_claims

# --- sentences ---------------------------------------------------------------------------

# A sentence ends at . ! ? (and a closing quote or bracket) followed by space and an opening
# capital, digit, quote or currency sign. Lines are always boundaries: news text puts
# paragraphs, captions and page furniture on lines of their own.
_SENT_END = re.compile(r"""[.!?]['"”’)\]]*\s+(?=['"“‘(\[]?[A-Z0-9£$€])""")
# Abbreviations that end with a dot inside a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Rev|No|Nos|vs|etc|"
    r"Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|U\.S|U\.K|"
    r"[A-Z])\.)$"
)

# "at approximately 9:27 a.m. Sunday": a clock time's dot before its day, month or time zone
# ends no sentence.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_DAY_OR_ZONE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                          r"January|February|March|April|May|June|July|August|September|"
                          r"October|November|December|(?:[A-Z]{1,2}[SDM]?T|GMT|UTC|BST)\b)")


# No sentence of news prose is longer than this (the corpora's longest is about 1,500
# characters); a longer one is a flattened table or a list, and is read as one: split at its
# separators, and pieces still too long at the last space before the cap. Every per-figure
# step reads its sentence, so the cap keeps the cost of an article linear in its length.
MAX_SENTENCE = 2000
MAX_PIECE = 120
_SEPARATORS = re.compile(r"\s*(?:[|;\t•·]|\s{3,})\s*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``; an overlong one comes back as
    the pieces of the list it is (``split_long``).

    >>> t = "Mr. Smith paid £1.5m. It rose 3%.\\nNext line"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Smith paid £1.5m.', 'It rose 3%.', 'Next line']
    """
    out: list[tuple[int, int]] = []
    for start, end in _prose_sentences(text):
        if end - start > MAX_SENTENCE:
            out.extend(split_long(text, start, end))
        else:
            out.append((start, end))
    return out


def split_long(text: str, start: int, end: int, cap: int = MAX_PIECE) -> list[tuple[int, int]]:
    """The pieces of an overlong sentence: its list items (split at ``|``, ``;``, tabs, bullets
    and runs of spaces), each cut at the last space before ``cap`` characters if still longer.

    >>> t = "Leeds 12,345 | York 9,876; Hull 5 " + "and 7 boats " * 3
    >>> [t[a:b] for a, b in split_long(t, 0, len(t), cap=20)]
    ['Leeds 12,345', 'York 9,876', 'Hull 5 and 7 boats', 'and 7 boats and 7', 'boats']
    """
    pieces, at = [], start
    for m in _SEPARATORS.finditer(text, start, end):
        pieces.append((at, m.start()))
        at = m.end()
    pieces.append((at, end))
    out = []
    for a, b in pieces:
        while b - a > cap:
            cut = text.rfind(" ", a + 1, a + cap)
            cut = cut if cut > a else a + cap
            out.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _prose_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence by punctuation and lines, whatever its length."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        start = line_start
        # Skip leading blanks so sentence offsets point at text.
        while start < line_end and text[start].isspace():
            start += 1
        if start >= line_end:
            continue
        for m in _SENT_END.finditer(text, start, line_end):
            if _ABBREV.search(text, max(start, m.start() - 6), m.start() + 1) or (
                    _CLOCK_END.search(text, max(start, m.start() - 4), m.start() + 1)
                    and _DAY_OR_ZONE.match(text, m.end())):
                continue
            end = m.start() + len(m.group().rstrip())
            if end > start:
                spans.append((start, end))
            start = m.end()
        end = line_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


# --- words around a figure -----------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Crude stem for matching context words across outlets ("crossings" ~ "crossing").

    >>> [stem(w) for w in ["crossings", "crossed", "funding", "funds", "smugglers"]]
    ['cross', 'cross', 'fund', 'fund', 'smuggler']
    """
    w = word.lower().strip("'’-")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w


# Nouns a count of jobs goes by: "1,200 roles", "300 posts", "90 positions", "500 redundancies".
_JOB_NOUNS = frozenset("job role post position redundancy layoff".split())
# People counted by the jobs they lose: "1,500 workers face the axe", "200 staff will be laid
# off", "900 employees are to lose their jobs".
_STAFF_NOUNS = frozenset("worker workers employee employees staff staffer staffers".split())
_JOB_LOSS = re.compile(
    r"\b(?:axe|axed|axing|redundan\w*|laid\s+off|lay(?:ing)?\s+off|let\s+go|"
    r"los(?:e|ing|t)\s+(?:their|your|his|her)\s+jobs?|job\s+(?:losses|cuts)|"
    r"(?:be|being|been|are|were)\s+(?:cut|shed|axed)|cut(?:s|ting)?|shed(?:s|ding)?|slash\w*)\b",
    re.IGNORECASE)


def _counts_jobs(sentence: str, q: numbers.Quantity, unit: str, family: str,
                 phrase: list[str]) -> bool:
    """The figure counts jobs, whatever noun it goes by: "cut 1,200 roles", "1,200 job cuts",
    "1,500 workers at her firm face the axe" all count the jobs a firm cuts."""
    if family not in ("count", "person"):
        return False
    words = [w.lower() for w in phrase]
    if unit in _JOB_NOUNS or (unit in ("cut", "loss") and "job" in words):
        return True  # "1,200 job cuts", "300 job losses"
    if family == "person" and words and words[-1] in _STAFF_NOUNS:
        lo, hi = phrases.clause_bounds(sentence, q.start, q.end)
        return bool(_JOB_LOSS.search(sentence, lo, hi))
    return False


# Endings of nouns for people: a people ("Australians"), a trade ("politicians", "civilians").
_PEOPLE_ENDINGS = ("ian", "ican")


def _unit_of_noun(noun: str) -> tuple[str, str]:
    """(unit, unit_family) for a counted noun."""
    s = singular(noun)
    if s in SEAT_HOLDERS:
        return "seat", "count"
    if s == "preference":
        return "vote", "count"  # "418,794 first preferences": votes, in a single transferable vote
    if noun.lower() in PERSON_NOUNS or s in PERSON_NOUNS or s == "person" or s.endswith(
            _PEOPLE_ENDINGS):
        return "person", "person"  # ("three million Australians", "12 politicians")
    if s in DURATION_NOUNS:
        return s, "duration"
    return s, "count"


@dataclass(slots=True)
class _Noun:
    """The counted noun found after a figure, and the words of its noun phrase."""

    unit: str
    family: str
    phrase: list[str]
    implicit: bool = False


_TOKEN = re.compile(r"[A-Za-z0-9][\w'’\-]*")
_COMPOUND = re.compile(r"-([A-Za-z]+(?:-[A-Za-z]+)*)")


_TALLY_AFTER = re.compile(r"-to-[\d,]+")


def _compound_noun(after: str) -> _Noun | None:
    """The unit a hyphenated compound names ("a 15,800-square-metre building", "a 12-nation
    deal"); an adjective is never a unit: "a 1,000-strong unit" counts people, "a 20-mile-long
    convoy" miles, and "-odd", "-plus" leave the noun after to name it."""
    compound = _COMPOUND.match(after)
    if not compound:
        return None
    tally = _TALLY_AFTER.match(after)
    if tally:  # "a 134-to-63 vote": the noun after the second figure
        return _noun_after(after[tally.end():], compounds=False)
    parts = compound.group(1).lower().split("-")
    if parts[-1] in STRENGTH_ADJECTIVES:
        return _Noun("person", "person", [parts[-1]])
    while parts and parts[-1] in DIMENSION_ADJECTIVES:
        parts.pop()
    if not parts:
        return _noun_after(after[compound.end():], compounds=False)
    word = "-".join(parts)
    unit, family = _unit_of_noun(word)
    return _Noun(unit, family, [word])


_DIGIT = re.compile(r"\d")
_PUNCT_AFTER = re.compile(r"\s*([^\sA-Za-z])")




def _noun_after(after: str, compounds: bool = True) -> _Noun | None:
    """Find the counted noun in the words right after a figure ("specialist investigators")."""
    if compounds and _COMPOUND.match(after):
        return _compound_noun(after)
    if _SO_FAR_AFTER.match(after) or _TIME_BACK_AFTER.match(after):
        return None
    # Tokens with digits ("AK-47") are model names inside the phrase, not its head; a clause
    # ends it ("home to 1.51 million people, continues to grow").
    words = [w for w in _TOKEN.findall(_PHRASE_END.split(after[:80], maxsplit=1)[0])
             if not _DIGIT.search(w)]
    m = _PUNCT_AFTER.match(after)
    if m and (m.group(1) not in "-–" or m.start(1) > 0):
        # Punctuation right after the number ("12,000, a record"), or a dash set apart
        # ("27,981 - almost 28,000"): no noun.
        return None
    names = 0
    while names < len(words) and words[names][:1].isupper():
        names += 1
    if names and names < len(words) and phrases.is_verb(words[names].lower()):
        return None  # "the 10.3 million Jeremy Corbyn won": the subject of a clause, no noun
    phrase: list[str] = []
    names_in, titled = 0, set()  # names read into the phrase (not counted to its length)
    for i, w in enumerate(words[:6]):
        lw = w.lower()
        if i == 0 and lw == "of":
            if phrases.PART_OF_THEM.match(after):
                return None  # "seven of them": what an earlier figure counted
            continue  # "tens of thousands of migrants"
        if i <= 1 and lw in ("the", "those", "these") and words and words[0].lower() == "of":
            continue
        if not phrase and lw in PERSON_VERBS and lw != "missing":
            return None  # "1,072 arrive on Saturday": people, told by their verb
        if not phrase and _SHARE_VERB.get(lw, "-") in ("", (words[i + 1].lower()
                                                          if i + 1 < len(words) else "")):
            return None  # "The toll of 41 accounts for a third of ...": a verb, no noun
        if (lw in NUMBER_MODIFIERS or lw in COMPARATIVES) and not phrase:
            phrase.append(lw)  # kept for the role ("two other rifles"), dropped as a head
            continue
        if lw == "us" and i and words[i - 1].lower() == "of":
            return _Noun("person", "person", [])  # "more than 5.5 million of us"
        if lw in NP_BREAKERS or lw in AUXILIARIES or lw in _NUMBER_NAMES:
            break  # (a number names no noun: "two of the six who voted")
        if lw.startswith("-"):
            lw = lw[1:]
        if lw.endswith(("'s", "’s")) and i + 1 < len(words):
            continue  # "seven Hallworth's stores": whose they are, not what is counted
        phrase.append(lw)
        if (w[:1].isupper() and not w.isupper() and lw not in PERSON_NOUNS
                and not singular(lw).endswith(_PEOPLE_ENDINGS)):
            names_in += 1
            titled.add(lw)
            # A name before the head, plural as it may look: "180 Leeds jobs", "38,420 West
            # Midlands households", "612 Penhallow Local convenience shops" (the last word if
            # nothing follows: "40 Democrats")
            continue
        s = singular(lw)
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if lw in PERSON_NOUNS and not lw.endswith("s") and nxt and singular(nxt) != nxt \
                and nxt not in NP_BREAKERS and nxt not in AUXILIARIES:
            continue  # a singular modifier of the plural head: "member nations", "police cars"
        # A plural, a person noun or a time noun ends the phrase: it is the head.
        if lw in PERSON_NOUNS or s in DURATION_NOUNS or s != lw:
            unit, family = _unit_of_noun(lw)
            return _Noun(unit, family, [w for w in phrase if w not in NUMBER_MODIFIERS
                                        and w not in COMPARATIVES])
        if len([w for w in phrase if w not in NUMBER_MODIFIERS and w not in COMPARATIVES]
               ) - names_in >= 3:
            break
    phrase = [w for w in phrase if w not in NUMBER_MODIFIERS and w not in COMPARATIVES]
    # No plural seen: the last noun before the break is the head ("1 boat", "one person",
    # "31 fire apparatus arrived"). A verb, adverb or preposition is never a unit ("$141
    # million already", "8-to-12-week").
    while phrase and _not_a_noun(phrase[-1]):
        phrase.pop()
    while phrase and phrase[-1] in titled and any(w not in titled for w in phrase):
        phrase.pop()  # a name after the head: "the 22,766 majority Sir Keir enjoyed"
    if phrase and phrase[-1] not in _THRESHOLDS:
        head = phrase[-1]
        unit, family = _unit_of_noun(head)
        return _Noun(unit, family, phrase)
    return None


# Where a noun phrase after a figure ends: a clause's punctuation (not a thousands comma).
_PHRASE_END = re.compile(r"[;:()!?\"“”]|,(?!\d)|\s[-–—]\s")
# Number names: never the noun a figure counts.
_NUMBER_NAMES = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions".split())
# A threshold a figure passes ("passed the 5.5 million mark"): it counts what its subject does.
_THRESHOLDS = frozenset("mark milestone barrier threshold".split())


# Verbs of a share that read as plural nouns after a figure, with the word that makes them
# verbs ("41 accounts for", "12 makes up"; '' for always).
_SHARE_VERB = {"accounts": "for", "makes": "up", "represents": "", "comprises": "",
               "constitutes": ""}

_NOT_NOUNS = SKIPPED_ADVERBS | PREPOSITIONS | frozenset(
    "ago again alone apiece each later earlier more less than first last next initially "
    "originally previously already".split())


# Nouns that end as adverbs do ("-ly"): every other such word is an adverb ("$368.0 million
# globally", "grossed over $142 million domestically").
_LY_NOUNS = frozenset("family assembly supply ally rally tally belly monopoly anomaly italy july "
                      "reply fly butterfly jelly lily holly bully folly gully".split())


def _not_a_noun(word: str) -> bool:
    """A word that cannot head a counted noun phrase: a verb form, an adverb, a preposition."""
    return (word in _NOT_NOUNS or phrases.is_verb(word)
            or word.endswith("ly") and word not in _LY_NOUNS)


def _implicit_person(after: str) -> bool:
    """True when the figure is followed by a verb that only people do ("12,000 have crossed")."""
    words = [w.lower() for w in _WORD.findall(after[:40])][:3]
    words = [w for w in words if w not in AUXILIARIES and w not in ("also", "now", "reportedly")]
    return bool(words) and words[0] in PERSON_VERBS


# What follows a bare count that stands for a noun said just before ("..., more than 12,000
# have crossed"): a verb or the end of the clause, not a preposition or another noun.
_BARE_COUNT_FOLLOWS = re.compile(r"\s*(?:$|[.;,:]|(?:have|has|had|were|are|was|is|will|would|"
                                 r"more|still|now|of\s+them|of\s+whom)\b)", re.IGNORECASE)
# "31,535 arrivals to date, compared with 29,437 for the same period in 2023": the figure
# compared with counts what the first one counted.
_COMPARED_WITH_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|"
                                   r"against|versus|vs\.?|(?:more|fewer|less|higher|lower)\s+"
                                   r"than(?:\s+the)?)\s*$", re.IGNORECASE)
# "the toll is 213 so far": time adverbs after a figure are not its noun.
_SO_FAR_AFTER = re.compile(r"\s+(?:so|thus)\s+far\b|\s+to\s+date\b", re.IGNORECASE)
# Money spent up to a date: "had been spent by the end of March", "has already spent".
_SPENT_TO_DATE = re.compile(r"\b(?:already\s+(?:been\s+)?spent|spent\s+(?:so\s+far|to\s+date|"
                            r"already)|(?:has|have|had)\s+(?:been\s+)?spent\b[^.;]{0,40}?\bby\s+"
                            r"(?:the\s+end\s+of\s+)?(?-i:[A-Z0-9]))", re.IGNORECASE)
# "up from 69,480,900 twelve months earlier": a time back from the figure's, no counted noun.
_TIME_BACK_AFTER = re.compile(r"\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                              r"eleven|twelve|\d{1,2})\s+(?:days?|weeks?|months?|years?|"
                              r"decades?)\s+(?:earlier|ago|before|previously|prior)\b",
                              re.IGNORECASE)
# A change stated against "the same period" of another year holds for this one.
_SAME_PERIOD = re.compile(r"\bsame\s+(?:period|time)\b", re.IGNORECASE)
_AUXILIARY_END = re.compile(r"\s+(?:has|have|had|is|are|was|were)\s*$", re.IGNORECASE)
# A level a change took a count to: "grew by 81,100, or 1.5 per cent, to 5,462,800".
_LEVEL_REACHED = re.compile(r"\b(?:rose|risen|grew|grown|fell|fallen|increased|decreased|"
                            r"climbed|dropped|jumped|declined)\b[^;:]{0,60}\bto\s+"
                            r"(?:a\s+(?:record\s+)?(?:high|low)\s+of\s+)?$", re.IGNORECASE)
# "Of the 288 candidates, 286 have...": a figure after such an opening is a part of it.
_OF_THE_WHOLE = re.compile(r"(?:^|[,;]\s*)(?:of|out\s+of)\s+(?:the\s+|these\s+|those\s+)?$",
                           re.IGNORECASE)

_COMPARISON = re.compile(
    r"\s+(?:more|fewer|less|higher|lower|greater|bigger|smaller)\s+than\s+(?:the\s+|a\s+|an\s+)?$"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|fell|fall|falls|falling|fallen|increased?|increases|"
    r"increasing|decreased?|decreases|grew|grow|growing|grown|dropped|drop|jumped|jump|climbed|"
    r"surged|slumped|declined?|cut|cuts|up|down|growth|increase|decrease|reduction|gain|loss|"
    r"gain(?:s|ed|ing)|"  # ("lost 43 votes" is the votes against, not a change)
    # the verbs of a market's moves: "Calder shares rocketed 21.4%", "tumbled 8%"
    r"rocket(?:ed|s|ing)|soar(?:ed|s|ing)|plunge[ds]?|plunging|tumbl(?:ed|es|ing)|"
    r"sank|sink(?:s|ing)?|slid|slide[s]?|sliding|dipped|dip[s]?|edged(?:\s+(?:up|down))?|"
    r"leapt|leaped|shot\s+up|spiked|crashed|plummet(?:ed|s|ing)|advanced|slipped)"
    r"\s+(?:of\s+|by\s+)?(?:almost|nearly|about|around|some|more than|over|just)?\s*$",
    re.IGNORECASE,
)
# "a 0.7p rise in the payout", "a £3bn increase": the figure names the change after it.
_CHANGE_AFTER = re.compile(r"\s*(?:rise|increase|fall|drop|jump|gain|decline|reduction|hike|"
                           r"uplift)\b(?!\s+to\b)", re.IGNORECASE)
# "closed 4.6% higher", "ended 2% lower": the figure is the move (not "5% higher than").
_DIRECTION_AFTER = re.compile(r"\s+(?:higher|lower)\b(?!\s+(?:than|from|to|on)\b)",
                              re.IGNORECASE)
_TO_TOTAL = re.compile(r"\b(?:total|totals|bringing|taking|doubling|tripling|brings|takes|"
                       r"doubled|tripled|double|triple|rising|up)\b[^.;]{0,60}\bto\s*$",
                       re.IGNORECASE)
_PART_BEFORE = re.compile(r"(?:\bof which|\bof whom|\bincluding|\bincludes|\binclude|\(\s*)\s*$",
                          re.IGNORECASE)


# "Riva, 47, of Sterling", "two sons, ages 6 and 16", "aged 63": ages, not counts.
_AGE_BEFORE = re.compile(r"(?:\b(?:aged?|ages)\s+(?:(?:just|only|about|around|nearly|almost)\s+)?"
                         r"(?:\d+\s*(?:,|and)\s*)*|[A-Z][a-z]+,\s*)$")
# "the master, 56, ...", "her husband, 61,": a person named by a role, then the age.
_ROLE_AGE_BEFORE = re.compile(r"\b(?i:the|a|an|his|her|their|its)\s+(?:[a-z'’]+\s+){0,2}"
                              r"(?P<n>[a-z]+),\s*$")
_AGE_AFTER = re.compile(r"\s*(?:,|\)|and\b|$|\.)")


# "a 12-year-old daughter", "he is 35 years old": ages written with the years.
_YEARS_OLD_AFTER = re.compile(r"[\s-]*years?[\s-]+old\b")
# Whose age it is: the word after "-year-old" ("daughter", "Robyn"), the name before "Name, 35,"
# or the noun before "aged 36" ("The driver, aged 36").
_HOLDER_AFTER = re.compile(r"[\s-]*years?[\s-]+old[\s-]+(?P<w>[A-Za-z']+(?:[ -][A-Za-z']+){0,4})")
_HOLDER_BEFORE = re.compile(r"(?P<w>[A-Za-z]+),?\s+(?:aged?\s+(?:(?:just|only|about|around|"
                            r"nearly|almost)\s+)?)?$")
_NOT_HOLDERS = frozenset({"and", "or", "the", "a", "an", "was", "is", "who", "has", "had",
                          "were", "are", "said", "in", "of", "at", "on", "when", "after", "from",
                          "outside", "inside", "near", "during", "while", "into", "behind",
                          "with", "for", "to", "by", "as", "that", "which", "whose", "whom"})
# The story's own country, told generically ("the State's 5.38 million people"): the figure's
# holder is none, not a name said before it in the clause.
_GENERIC_HOLDERS = frozenset({"state", "country", "nation", "government"})
# A possessive on the report a figure comes from names its source, not its holder ("The CSO's
# annual estimates put the population of the region at 801,400").
_SOURCE_AFTER = re.compile(r"\s*(?:(?:annual|latest|new|official|provisional|final|first|"
                           r"monthly|quarterly)\s+)*(?:estimates?|figures?|data|statistics|"
                           r"report|survey|forecasts?|analysis|count|census)\b", re.IGNORECASE)


# "who died yesterday in federal prison at 77,": the age at death.
_DIED_AT = re.compile(r"\b(?:died|dies|passed\s+away)\b[^.;:]{0,50}\bat\s+(?:the\s+age\s+of\s+)?$",
                      re.IGNORECASE)


def _is_age(before: str, after: str, q: numbers.Quantity) -> bool:
    if not (q.unit is None and q.kind == "cardinal" and q.bound == "exact" and q.value <= 120
            and float(q.value).is_integer()):
        return False
    role = _ROLE_AGE_BEFORE.search(before[-60:])
    return bool(_YEARS_OLD_AFTER.match(after)) or (
        bool(_AGE_BEFORE.search(before) or _DIED_AT.search(before)
             or role and role.group("n") in PERSON_NOUNS and role.group("n") != "missing")
        and bool(_AGE_AFTER.match(after)))


# Whose figure it is, in the clause before it: a name with a possessive ("Newton's record of
# 4,051") or a name that has, scored or set it ("Hansbrough now has 2,301 points"). Speakers
# ("Smith said 45,774") are sources, not holders, so speech verbs are not in the list.
_HOLDER_VERBS = ("has|had|have|scored|scores|finished|finishes|ended|set|sets|broke|breaks|"
                 "posted|added|recorded|totaled|totalled|gained|threw|throws|caught|rushed|"
                 "averaged|averages|needs|needed|holds|held|owns|owned|earned|landed|"
                 "connected|completed|completes|won|wins|leads|led")
_NAMED_HOLDER = re.compile(
    r"\b(?P<p>[A-Z][^\W\d_]+)\s*(?:'s|’s|’\s+s|'\s+s)\s"
    r"|\b(?P<s>[A-Z][^\W\d_]+)\s+(?:[a-z]+\s+){0,2}?(?:" + _HOLDER_VERBS + r")\b")


def _named_holder(sentence: str, start: int, end: int) -> str:
    """The name a figure belongs to in its clause ("hansbrough"), lowercased, or ''."""
    listed = _LISTED_HOLDER.search(sentence, max(0, start - 60), start)
    if listed and _LIST_GOES_ON.match(sentence, end):
        # "won 411 seats, the Conservatives 121, the Liberal Democrats 71 and Reform UK four":
        # each item's name holds its figure
        return singular(listed.group("name").split()[-1].lower())
    if _SHARED_AFTER.match(sentence, end):
        return ""  # "Civic Alliance, Comhar and Green Future would have 92 seats between them"
    lo, _ = phrases.clause_bounds(sentence, start, end)
    name = ""
    for m in _NAMED_HOLDER.finditer(sentence, lo, start):
        word = (m.group("p") or m.group("s")).lower()
        if m.group("p") and _SOURCE_AFTER.match(sentence, m.end() - 1):
            continue
        if m.group("s") and _LIST_BEFORE.search(sentence, lo, m.start()):
            name = ""  # several names' figure
            continue
        if word in _GENERIC_HOLDERS:
            name = ""
        elif word not in STOPWORDS and word not in _NOT_HOLDERS:
            name = word
    if not name and (rel := _RELATIVE_HOLDER.search(sentence, max(0, start - 80), start)):
        word = rel.group("n").lower()  # "Labor, which won 31 seats in 2022, was heading ..."
        name = "" if word in STOPWORDS or word in _GENERIC_HOLDERS else word
    return singular(name) if name else ""


# A name, then a relative clause whose verb holds the figure: "Labor, which won 31 seats".
_RELATIVE_HOLDER = re.compile(r"\b(?P<n>[A-Z][^\W\d_]+),\s+(?:which|who)\s+(?:[a-z]+\s+){0,2}?"
                              r"(?:" + _HOLDER_VERBS + r")\s+(?:[^\s,;]+\s+){0,3}$")


# A figure several names hold together: no one of them is its holder.
_SHARED_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:between\s+them|(?:combined|together)"
                           r"(?!\s+with))\b")
# ... or that names hold as one subject: "Civic Alliance, Comhar and Green Future would have".
_LIST_BEFORE = re.compile(r"[A-Z][\w&]*\s+and\s+(?:[A-Z][\w&]*\s+)*$")


# An item of a list that gives its noun once: ", the Conservatives 121", "and Reform UK four".
_LISTED_HOLDER = re.compile(r"(?:,|\band)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&]*\s+){0,2}"
                            r"[A-Z][\w&]*)\s+$")
_LIST_GOES_ON = re.compile(r"\s*(?:[,;.]|and\b|$)")


def _age_holder(before: str, after: str) -> str:
    """Who or what an age belongs to, lowercased; '' when the sentence does not say. Two ages
    of different holders (a daughter and her mother) are never the same measure."""
    m = _HOLDER_AFTER.match(after)
    if m:
        return _phrase_head(m.group("w").split())
    m = _HOLDER_BEFORE.search(before)
    word = m.group("w").lower() if m else ""
    return "" if word in _NOT_HOLDERS or word in STOPWORDS else singular(word)


# Words that end the noun phrase after "N-year-old": what follows is its verb or clause.
_PHRASE_ENDS = frozenset({"fell", "shot", "won", "lost", "lay", "never", "also", "then", "now",
                          "says", "told", "faces", "remains", "will", "would", "could"})


def _ends_phrase(word: str) -> bool:
    low = word.lower()
    return (low in _NOT_HOLDERS or low in STOPWORDS or low in _PHRASE_ENDS
            or (word.islower() and len(low) > 3 and low.endswith(("ed", "ly"))))


def _phrase_head(words: list[str]) -> str:
    """The holder named by the words after an age: the surname of a name ("Englishman Robert
    Buckley" -> buckley, "gang member Jose Luis Orozco" -> orozco), else the head noun
    ("British climber" -> climber), read up to the phrase's verb ("actress checked")."""
    head, i = "", 0
    while i < len(words) and not _ends_phrase(words[i]):
        if words[i].endswith("'s"):  # "the actress's rep": the age is the possessor's
            return singular(words[i][:-2].lower())
        if words[i][:1].isupper():
            j = i
            while j + 1 < len(words) and words[j + 1][:1].isupper() and not _ends_phrase(
                    words[j + 1]):
                j += 1
            follows = words[j + 1] if j + 1 < len(words) else ""
            # Capitalised words before a noun describe it ("Troy resident", "Hawaiian Gardens
            # gang member"): the head comes after them.
            if not (follows and follows.islower() and not _ends_phrase(follows)):
                return singular(words[j].lower())
            i = j + 1
            continue
        head = words[i].lower()
        i += 1
    return singular(head) if head else ""


# An outcome word further than this (in characters) from the figure is not its outcome.
EVENT_WINDOW = 60


# Outcomes only people meet: a counted thing's figure never takes them from its sentence.
_PEOPLES_EVENTS = frozenset({"death", "injury", "missing", "rescue", "arrest"})
# The outcome a toll counts, as the subject of its clause: "the death toll from the floods
# that swept through the north of the country rose to 31".
_TOLL = re.compile(r"\b([a-z]+)\s+toll\b", re.IGNORECASE)


def _event(sentence: str, start: int, end: int, toll: bool = False) -> str:
    """The outcome word nearest the figure in its clause ("died" -> death), or, for a count of
    people (``toll``), the outcome of the toll its clause opens with, or ''."""
    lo, hi = phrases.clause_bounds(sentence, start, end)
    near = _near_event(sentence, start, end, lo, hi)
    if near or not toll:
        return near
    # The toll the sentence opens with, past a relative clause ("The toll, which stood at 312
    # on Wednesday"): a toll is of deaths unless its word says otherwise.
    found = _TOLL.search(sentence, 0, start)
    if found:
        return EVENT_OF_WORD.get(found.group(1).lower(), "death")
    # "The number of people killed by the earthquake that devastated ... has risen to 287":
    # the outcome the counted subject names, however long the subject.
    subject = _NUMBER_OF.match(sentence, 0, start)
    if subject:
        return EVENT_OF_WORD.get(subject.group(1).lower(), "")
    if _TO_TOTAL.search(sentence, max(0, start - 60), start):
        # "A further 240 people made the crossing on Friday, taking the total so far this year
        # to 34,155": the total of what the sentence's count did before it.
        return _near_event(sentence, start, end, 0, start, window=start)
    return ""


# A subject that counts people by their outcome: "The number of people killed by ...".
_NUMBER_OF = re.compile(r"\W*the\s+(?:number|total)\s+of\s+(?:people|persons|residents|"
                        r"migrants|civilians|children)\s+(?:who\s+(?:have\s+|had\s+|were\s+)?)?"
                        r"([a-z]+)", re.IGNORECASE)


def _near_event(sentence: str, start: int, end: int, lo: int, hi: int,
                words: dict[str, str] = EVENT_OF_WORD, window: int = EVENT_WINDOW) -> str:
    """The outcome word (of ``words``) nearest the figure within ``window`` characters in its
    clause, or ''."""
    # Only words within the window of the figure count, so only they are read (from the
    # start of the word the window's edge falls in).
    lo = max(lo, start - window - 1)
    while lo > 0 and sentence[lo - 1].isalpha():
        lo -= 1
    window_end = min(hi, end + EVENT_WINDOW + 1)
    while window_end < hi and (sentence[window_end].isalpha() or sentence[window_end] in "'’-"):
        window_end += 1
    hi = window_end
    best, best_rank, best_d = "", 10**9, 10**9
    for m in _WORD.finditer(sentence, lo, hi):
        ev = words.get(m.group().lower())
        if ev:
            if m.start() >= end and _A_FIGURE.search(sentence, end, m.start()):
                continue  # "rose to 31, with 62 people still unaccounted for": the 62's
            d = m.start() - end if m.start() >= end else start - m.end()
            if m.start() >= end and _OWN_OUTCOME.fullmatch(sentence, end, m.start()):
                d = 0  # "claimed 56 lives with 34 people still missing": its own phrase's
            # "Seven people have died and more than 9,000 have been evacuated": an outcome
            # before a coordinating word is likely the other count's; one after it wins.
            rank = d + window * bool(m.start() < start
                                     and _COORDINATED.search(sentence, m.end(), start))
            if rank < best_rank:
                best, best_rank, best_d = ev, rank, d
    return best if best_d <= window else ""


_COORDINATED = re.compile(r"\b(?:and|but|while|whereas)\b")
# At most two words between a figure and an outcome word after it: the outcome of its own
# phrase ("34 people still missing", "five were killed"), before any word nearer behind it.
_OWN_OUTCOME = re.compile(r"(?:\s+[a-z]+){0,2}\s+")
# Past a comma, another figure: an outcome word after it is that figure's ("rose to 31, with 62
# people still unaccounted for"; not "45,774 people remained in 312 evacuation centres").
_A_FIGURE = re.compile(r"[,;]\s[^\d]*\d")


# The cues as word endings of the text before a figure ("more" alone says too little).
_TOTAL_ENDINGS = tuple(" " + c for c in TOTAL_CUES)
_INCREMENT_WORDS = tuple(c for c in INCREMENT_CUES if c != "more")
_INCREMENT_ENDINGS = tuple(" " + c for c in _INCREMENT_WORDS)
_MORE_AFTER = re.compile(r"\s+(?:(?:of|in)\s+)?(?:more|extra|additional|further|new\s+money)\b")
_TOTAL_AFTER = re.compile(r"\s+(?:in total|in all|altogether|overall)\b")


_ADDED_BEFORE = re.compile(r"\b(?:add|adds|added|adding)\s+(?:an?\s+|another\s+)?$")
_TO_A_WHOLE = re.compile(r"\s+to\s+(?:the|its|their|his|her|this|that)\s+[a-z]", re.IGNORECASE)


_DURATION_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|decades?|hours?)\b",
                             re.IGNORECASE)


def _role(before: str, after: str, q: numbers.Quantity) -> str | None:
    """The figure's role from the words around it: increment, total, change, rate, part."""
    b = before[-60:].lower()
    tail = re.sub(r"\s+", " ", b).rstrip()
    if _ADDED_BEFORE.search(b) and (phrases.named_whole(after, 0, "to")
                                    or _TO_A_WHOLE.match(after)):
        # "That added £149 a year to the typical household's bill", "The board has also added
        # £100m to its share buyback"
        return "increment"
    if q.per:
        return "rate"
    if _TO_TOTAL.search(b):
        return "total"
    if tail.endswith(_TOTAL_ENDINGS) or tail in TOTAL_CUES:
        return "total"
    spanned = bool(_DURATION_AFTER.match(after)) and (
        b.rstrip().endswith(" over") or q.text.lower().startswith("over"))
    if _CHANGE_BEFORE.search(b) and not spanned:
        # ("He rose over 20 years at the bureau": a span of time, not a change by it.)
        return "change"
    if _CHANGE_AFTER.match(after) and re.search(r"\b(?:a|an|the)\s*$", tail):
        return "change"  # ("Shareholders were handed a 0.7p rise in their interim payout")
    if _DIRECTION_AFTER.match(after):
        return "change"  # ("The shares closed 4.6% higher at 406p")
    if tail.endswith(_INCREMENT_ENDINGS) or tail in _INCREMENT_WORDS:
        return "increment"
    a = after[:40].lower()
    if _MORE_AFTER.match(a):
        return "increment"  # "300 more staff", "£40m of extra funding"
    if _TOTAL_AFTER.match(a):
        return "total"
    if _PART_BEFORE.search(b) and q.unit:
        return "part"
    if q.unit != "percent" and phrases.named_whole(after, 0):
        return "part"  # "spend £1.3bn of the savings", "85 of the unit's officers"
    return None


def _context_words(sentence: str, start: int, end: int, limit: int = 12) -> list[str]:
    """Content words nearest the figure within its clause, nearest first, stemmed."""
    # Restrict to the clause holding the figure: other clauses often speak of other figures.
    lo, hi = phrases.clause_bounds(sentence, start, end)
    left = [(start - m.end(), m.group()) for m in _WORD.finditer(sentence, lo, start)]
    right = [(m.start() - end, m.group()) for m in _WORD.finditer(sentence, end, hi)]
    scored = sorted(left + right, key=lambda t: t[0])
    out: list[str] = []
    for _, w in scored:
        lw = w.lower()
        if lw in STOPWORDS or len(lw) < 3:
            continue
        s = stem(lw)
        if s not in out:
            out.append(s)
        if len(out) >= limit:
            break
    return out


def _period_of(sentence: str, q: numbers.Quantity, role: str | None,
               published: dt.date | None) -> dates.Period | None:
    """The figure's period; a change "up 6% on the same period last year" holds for the
    year so far, not for the year it is compared with."""
    period = dates.period_for(sentence, (q.start, q.end), published)
    if (role == "change" and period is not None and period.kind == "year-to-date"
            and _SAME_PERIOD.search(period.text) and published is not None):
        start = dt.date(published.year, 1, 1)
        return dates.Period(start, published, "year-to-date", None, period.text, period.span)
    if (period is not None and period.kind == "range" and period.end is not None
            and period.start is not None and (period.end - period.start).days >= 360
            and role is None and _LEVEL_REACHED.search(sentence, 0, q.start)):
        # "grew by 81,100 to 5,462,800 in the year to April 2025": the level holds at the end
        # of the year the change covers (the population in April), not over the year. (A
        # count over a shorter span, "unemployment rose to 1.48 million in the three months
        # to March", is the span's own.)
        end = period.end
        if (end + dt.timedelta(days=1)).day == 1:
            return dates.Period(end.replace(day=1), end, "month", None, period.text,
                                period.span)
        return dates.Period(end, end, "day", None, period.text, period.span)
    if (role == "total" and period is not None and period.kind == "year" and published
            and period.start is not None and period.end is not None
            and period.start <= published < period.end):
        # "brought the total for 2026 to 33,915" in October 2026: the year so far
        return dates.Period(period.start, published, "year-to-date", published, period.text,
                            period.span)
    return period


# Rates that are no share of 100: "an exchange rate of 1.17", "a birth rate of 1.5".
_NOT_A_SHARE_RATE = re.compile(r"\b(?:exchange|birth|fertility|heart|death|mortality|"
                               r"crime|conversion|strike)\s+$", re.IGNORECASE)


def _linked_unit(sentence: str, start: int, end: int) -> tuple[str, str, str] | None:
    """The unit of a bare figure from the noun it is linked to on its left: "Net migration of
    622,000" counts people, "the number of boats rose to 595" boats."""
    clause = phrases.clause_bounds(sentence, start, end)
    noun = phrases.linked_noun(sentence, start, clause)
    if not noun and phrases.LINK_HEDGE.match(sentence, start):
        # "The number of people killed in the floods tops 200": the hedge is the link verb
        # (its auxiliary too: "the death toll from the earthquake has soared past 300").
        noun = phrases.counted_subject(_AUXILIARY_END.sub(" ", sentence[clause[0]:start]))
    if not noun:
        return None
    at = sentence.lower().rfind(noun, clause[0], start)
    if at > clause[0] and sentence[at].isupper():
        return None  # a name ("Holborn and St Pancras with a majority of 11,572"), no noun
    if noun in COUNTS_OF_PEOPLE or noun in PERSON_NOUNS or singular(noun) == "person":
        return "person", "person", noun
    if noun == "rate" and not _NOT_A_SHARE_RATE.search(sentence, clause[0], at):
        return "percent", "percent", noun  # "her 2014 federal tax rate was 35.72": a share
    if singular(noun) != noun and noun not in GENERIC_NOUNS:
        return (*_unit_of_noun(noun), noun)  # a plural counted noun: "the number of boats"
    return None


def _phrase_fields(sentence: str, q: numbers.Quantity, unit: str, family: str,
                   period: dates.Period | None) -> dict:
    """The governing phrase of a figure, its lemmas, its event and whether it is a running
    count."""
    clause = phrases.clause_bounds(sentence, q.start, q.end)
    phrase = phrases.governing_phrase(sentence, q.start, q.end, clause, unit)
    event = _event(sentence, q.start, q.end, toll=unit in ("person", "count")) \
        if family in ("person", "count") else ""
    area = units.kind({"unit": unit, "unit_family": family}) == "area"
    if area:
        event = _near_event(sentence, q.start, q.end, *clause, words=EXTENT_OF_WORD)
    if family == "count" and unit != "count" and event in _PEOPLES_EVENTS:
        event = ""  # "killed two people and cut power to 1.02 million homes": homes do not die
    running = phrases.is_running(sentence, q.start, q.end, clause, family=family, event=event,
                                 bound=q.bound, period_kind=period.kind if period else None,
                                 period_span=period.span if period else None)
    if (not running and unit in ("person", "count") and event
            and _TOLL.search(sentence, 0, q.start)):
        running = True  # "The toll, which stood at 312 on Wednesday, ...": a toll runs
    # People missing are a count of a developing event as it stands: found, it falls.
    running = running or (family == "person" and event == "missing")
    # An area a developing event has burned or flooded is its extent so far: it runs.
    running = running or (area and bool(event))
    if family == "money" and _SPENT_TO_DATE.search(sentence, *clause):
        # "£2.1bn had been spent by the end of December", "has already spent £63m": money
        # spent so far, a running total of one outlay
        running, event = True, "spend"
    return {"phrase": phrase, "lemmas": phrases.lemmas(phrase), "running": running,
            "event": event}


# --- the claim table ----------------------------------------------------------------------

_FAMILY_OF_LEXICAL = {"percent": "percent", "percentage_point": "percent"}


# Long durations in years, so "two decades" and "20 years" are one figure in one unit.
_YEARS_IN = {"decade": 10.0, "century": 100.0, "millennium": 1000.0,
             "quarter-century": 25.0, "half-century": 50.0}


def _scaled(q: numbers.Quantity, factor: float) -> numbers.Quantity:
    """The quantity with value and interval multiplied by ``factor``."""
    return replace(q, value=q.value * factor,
                   low=None if q.low is None else q.low * factor,
                   high=None if q.high is None else q.high * factor)


def _lexical_family(unit: str) -> str:
    if unit in _FAMILY_OF_LEXICAL:
        return _FAMILY_OF_LEXICAL[unit]
    if unit in DURATION_NOUNS:
        return "duration"  # "an hour and a half"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return "physical"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def extract(text: str, published: dt.date | str | None = None, article_id: str = "text",
            source: str | None = None) -> pd.DataFrame:
    """Return the claim table of one text (columns: ``schema.CLAIM_COLUMNS``).

    >>> df = extract("More than 12,000 people have crossed this year.", "2024-11-04")
    >>> df[["text", "value", "low", "unit", "bound", "period_start"]].values.tolist()
    [['More than 12,000', 12000.0, 12000.0, 'person', 'lower', '2024-01-01']]
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    rows = _claim_rows(text, published, article_id, source)
    return _table(rows)


def extract_articles(articles: Iterable[Article], budget: float | None = None,
                     skipped: dict[str, Problem] | None = None) -> pd.DataFrame:
    """Return the claim table of many articles, built column-wise in one go. With ``budget``
    (seconds), an article that takes longer is left out and named in ``skipped`` (by id)."""
    rows: list[dict] = []
    for art in articles:
        deadline = None if budget is None else time.monotonic() + budget
        try:
            rows.extend(_claim_rows(art.text, art.published, art.id, art.source, art.story,
                                    deadline))
        except TooSlow as exc:
            if skipped is None:
                raise
            skipped[art.id] = Problem(art.path or art.id, (
                f"article {art.id} {exc}: took more than {budget:g} s to read; skipped (a real "
                f"article takes well under a second: raise --article-seconds to read it)"))
    return _table(rows)


_NUMERIC = {c: t for c, t in CLAIM_COLUMNS.items() if t != "object"}


def _table(rows: list[dict]) -> pd.DataFrame:
    """The claim table from row dicts, built column-wise with the declared dtypes."""
    if not rows:
        return check_claims(pd.DataFrame({c: pd.Series(dtype=t)
                                          for c, t in CLAIM_COLUMNS.items()}))
    cols = {c: [r[c] for r in rows] for c in CLAIM_COLUMNS}
    # One constructor call: per-column Series with dtypes cost more than the parsing itself.
    df = pd.DataFrame(cols, dtype=object).astype(_NUMERIC)
    return check_claims(df)


def _unit_of(sentence: str, q: numbers.Quantity,
             recent: tuple[str, str, int] | None) -> tuple[str, str, list[str]]:
    """(unit, unit_family, noun phrase words) of a figure: the lexical unit when the text fixes
    it, else the counted noun after it, a verb only people do, the noun it is linked to, or
    what the figure just before it counted (``recent``)."""
    before, after = sentence[: q.start], sentence[q.end:]
    if q.unit:
        return q.unit, _lexical_family(q.unit), []
    if q.kind == "multiplier":
        return "times", "ratio", []
    if q.kind == "fraction":
        # The fraction it states ("three quarters" = 0.75); a share of something ("three
        # quarters of applicants") becomes a percent once its sentence is read.
        return "fraction", "ratio", []
    if q.kind == "occurrence":
        return "time", "count", []   # "married twice", as "married three times"
    if q.kind == "age" or _is_age(before, after, q):
        return "age", "age", []
    noun = _noun_after(after)
    if noun:
        if noun.unit in SEAT_HOLDERS_IN_POLITICS and POLITICAL.search(sentence):
            return "seat", "count", noun.phrase  # "Green Future's nine TDs"
        return noun.unit, noun.family, noun.phrase
    if _implicit_person(after):
        return "person", "person", []
    if linked := _linked_unit(sentence, q.start, q.end):
        # A number of people told by what it counts ("the population of the region at
        # 801,400", "immigration fell to 131,200"): that noun names it.
        # (A toll counts its outcome, "death toll": the event names it, not the word.)
        noun = linked[2] if linked[2] in COUNTS_OF_PEOPLE and linked[2] != "toll" else ""
        return linked[0], linked[1], [noun] if noun else []
    if recent and float(q.value).is_integer() and (
            _BARE_COUNT_FOLLOWS.match(after) or _COMPARED_WITH_BEFORE.search(before)
            or _LISTED_HOLDER.search(sentence, max(0, q.start - 60), q.start)
            and _LIST_GOES_ON.match(after)):
        # An anaphoric bare count ("more than 12,000 have crossed") counts what the figure
        # just before it counted; so does an item of a list that names its noun once ("411
        # seats, the Conservatives 121, the Liberal Democrats 71 and Reform UK four").
        return recent[0], recent[1], []
    return "count", "count", []


def _unit_of_compared(sentence: str, nxt: numbers.Quantity, unit: str, family: str,
                      phrase: list[str]) -> tuple[str, str, list[str]]:
    """The unit of a difference from the figure it is compared with ("1,310 more than the
    3,870 migrants" counts migrants)."""
    if nxt.unit:
        return nxt.unit, _lexical_family(nxt.unit), phrase
    noun = _noun_after(sentence[nxt.end:])
    if noun:
        return noun.unit, noun.family, noun.phrase
    return unit, family, phrase


# "a deficit of $28.3bn", "growth of about 2 per cent": the noun an amount is of.
_NOUN_OF_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|almost\s+|nearly\s+|"
                             r"some\s+|just\s+|only\s+|more\s+than\s+|over\s+|up\s+to\s+)?"
                             r"(?:[$£€]|US\$|A\$)?\s*$", re.IGNORECASE)
_RELATIVE_OPENS = re.compile(r",\s*(?:which|who)\s*$", re.IGNORECASE)


# What a share of the economy is of ("2.6% of gross domestic product"): its base, never what
# it measures (the deficit, the debt).
_SHARE_BASES = frozenset({"gdp", "product", "output"})
# The base a share is of, after its figure: "87.1 per cent of enrolled voters".
_BASE_AFTER = re.compile(r"\s+of\b")


def _noun_of(before: str) -> str:
    """The noun the figure after ``before`` is "of" ("a deficit of $28.3bn", "a majority of"),
    singular, or ''."""
    m = _NOUN_OF_BEFORE.search(before)
    return singular(m.group(1).lower()) if m and _a_measured_noun(m.group(1).lower()) else ""


def _a_measured_noun(word: str) -> bool:
    """A word that can name what an amount or a rate measures (not "year", "total", "rise")."""
    s = singular(word)
    return (word.isalpha() and len(word) > 2 and s not in GENERIC_NOUNS
            and s not in DURATION_NOUNS and s not in _QUANTITY_WORDS and not _not_a_noun(word))


_QUANTITY_WORDS = frozenset("total number figure amount sum level rate share cent percent "
                            "percentage point billion million thousand".split())


def _lexical_noun(sentence: str, q: numbers.Quantity) -> str:
    """What an amount or a percent measures, when its sentence names it: the noun right after
    it ("a $28.3 billion deficit"), the noun it is "of" ("a deficit of $28.3bn"), or the
    subject its verb links it to, past a relative clause ("Core inflation, which excludes
    energy, rose to 3.3%"); '' otherwise."""
    of = _noun_of(sentence[: q.start])
    if of and _BASE_AFTER.match(sentence, q.end):
        return of  # "a turnout of 87.1 per cent of enrolled voters": a turnout, of voters
    after = _noun_after(sentence[q.end:], compounds=False)
    if after and after.phrase and _a_measured_noun(after.phrase[-1].lower()) and not (
            q.unit == "percent" and after.phrase[-1].lower() in _SHARE_BASES):
        return singular(after.phrase[-1].lower())
    if of:
        return of
    clause = phrases.clause_bounds(sentence, q.start, q.end)
    text, start = sentence, q.start
    rel = _RELATIVE_OPENS.search(sentence, 0, clause[0])
    inner = sentence[clause[0]:q.start]
    comma = inner.rfind(",")
    if rel and comma >= 0:
        # The figure's verb follows the relative clause: its subject stands before "which".
        text = sentence[: rel.start()] + " " + inner[comma + 1:].lstrip()
        start = len(text)
        text += sentence[q.start:]
        clause = (0, len(text))
    noun = phrases.linked_noun(text, start, clause)
    return singular(noun) if noun and _a_measured_noun(noun) else ""


def _measure_fields(sentence: str, q: numbers.Quantity, unit: str, phrase: list[str],
                    family: str = "") -> dict:
    """The measure, context, noun and holder columns of a figure."""
    before, after = sentence[: q.start], sentence[q.end:]
    context = _context_words(sentence, q.start, q.end)
    head = phrase[-1] if phrase else ""
    noun = "" if singular(head) in GENERIC_NOUNS or unit == "count" else singular(head)
    if unit == "job":
        noun = "job"  # "roles", "posts", "workers facing the axe": the jobs cut
    if noun in SEAT_HOLDERS or unit == "seat" and noun in SEAT_HOLDERS_IN_POLITICS:
        noun = "seat"
    if not phrase and not q.unit and family == "count" and unit not in GENERIC_NOUNS \
            and unit not in ("count", "time"):
        # A bare count that counts what the figure before it counted ("29,500 homes ...,
        # the vast majority of the 38,000 still cut off"): the same noun.
        noun = unit
    if not phrase and q.unit and _lexical_family(q.unit) in ("money", "percent"):
        noun = _lexical_noun(sentence, q)
    elif not phrase and unit == "count":
        noun = _noun_of(before)  # a bare count of what it is "of": "a majority of 11,572"
    holder = (_age_holder(before, after) if unit == "age"
              else _named_holder(sentence, q.start, q.end))
    measure_words = [w for w in phrase if w not in STOPWORDS][:3]
    measure_words += [w for w in context if w not in measure_words][:5]
    return {"measure": " ".join([unit] + measure_words + ([f"per {q.per}"] if q.per else [])),
            "context": " ".join(context), "noun": noun, "holder": holder}


@dataclass(frozen=True, slots=True)
class _Origin:
    """Where an article's claims come from: the fields every one of its rows carries."""

    article: str
    source: str | None
    published: dt.date | None
    story: str | None


def _claim_rows(text: str, published: dt.date | None, article_id: str,
                source: str | None, story: str | None = None,
                deadline: float | None = None) -> list[dict]:
    """The claim rows of one article, in text order (``TooSlow`` past ``deadline``, a
    ``time.monotonic()`` reading)."""
    rows: list[dict] = []
    origin = _Origin(article_id, source, published, story)
    recent_count_unit: tuple[str, str, int] | None = None  # (unit, family, sentence index)
    previous: tuple[int, list[dict]] = (-2, [])  # the last sentence with figures, its rows
    for s_idx, (s0, s1) in enumerate(split_sentences(text)):
        if deadline is not None and time.monotonic() > deadline:
            raise TooSlow(f"stopped at character {s0:,} of {len(text):,}, "
                          f"{len(rows):,} figures read")
        sentence = text[s0:s1]
        quantities = numbers.find_quantities(sentence)
        if quantities:
            first = len(rows)
            recent_count_unit = _sentence_rows(rows, sentence, s0, s_idx, quantities,
                                               recent_count_unit, origin)
            _date_back(sentence, rows[first:], rows[:first],
                       previous[1] if previous[0] == s_idx - 1 else [])
            previous = (s_idx, rows[first:])
    for n, row in enumerate(rows, 1):
        row["id"] = f"{article_id}#{n}"
    return rows


# A sentence that opens on what the one before told of: "They arrived in seven boats";
# "The 1,072 people arrived in 16 boats" (a figure the article gave before).
_REFERS_BACK = re.compile(r"^\W*(?:(?:They|These|Those|It)\b|The\s+(?P<figure>\d[\d,.]*)\s)")
_DAY_FIELDS = ("period_start", "period_end", "period_kind", "as_of")


def _date_back(sentence: str, new: list[dict], before: list[dict],
               previous: list[dict]) -> None:
    """Give a sentence's undated figures the day of what it refers back to: the day of the
    sentence just before (one day for all its dated figures), or of the earlier figure it
    repeats. Daily counts ("in 16 boats") are otherwise read as of the report's date."""
    undated = [r for r in new if r["period_kind"] is None]
    m = _REFERS_BACK.match(sentence)
    if not undated or not m:
        return
    if m.group("figure"):
        figure = m.group("figure").rstrip(".,")
        sources = [r for r in before if r["text"].strip() == figure]
    else:
        sources = [r for r in previous if r["period_kind"] is not None]
    days = {(r["period_start"], r["period_end"]) for r in sources if r["period_kind"] == "day"}
    if len(days) != 1 or any(r["period_kind"] != "day" for r in sources):
        return
    for r in undated:
        r.update({k: sources[0][k] for k in _DAY_FIELDS})


def _inside_a_span(sentence: str, q: numbers.Quantity, published: dt.date | None) -> bool:
    """The figure is the length of a span the sentence counts another figure over ("the three
    months to March", "the 12 months to June"), not a claim of its own."""
    return any(p.kind == "range" and p.span[0] <= q.start and q.end <= p.span[1]
               for p in dates.find_periods(sentence, published))


_SHARE_OF = re.compile(r"\s+of\b(?!\s+(?:a|an|one)\b)", re.IGNORECASE)
_ODDS = re.compile(r"\sin\s+(?:every\s+)?\S", re.IGNORECASE)
# "hiked its price cap by a tenth": a change told as a fraction is a percent change.
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)


def _sentence_rows(rows: list[dict], sentence: str, s0: int, s_idx: int,
                   quantities: list[numbers.Quantity],
                   recent_count_unit: tuple[str, str, int] | None,
                   origin: _Origin) -> tuple[str, str, int] | None:
    """Append the rows of one sentence's figures to ``rows``; returns the counted unit the
    next sentences may lend a bare count (the last named count, with its sentence index)."""
    wholes: set[str] = set()  # units of the figures that follow "of the" (a whole)
    for qi, q in enumerate(quantities):
        recent = recent_count_unit if recent_count_unit and \
            s_idx - recent_count_unit[2] <= 2 else None
        unit, family, phrase = _unit_of(sentence, q, recent)
        if _counts_jobs(sentence, q, unit, family, phrase):
            unit, family = "job", "count"
        if family == "duration" and _inside_a_span(sentence, q, origin.published):
            continue  # "in the three months to March": the span a figure is counted over
        if unit == "fraction" and (_SHARE_OF.match(sentence, q.end) or _ODDS.search(q.text)
                                   or _BY_BEFORE.search(sentence, max(0, q.start - 4), q.start)):
            # "More than three quarters of applicants" is a share: 75 percent, as "nearly 80
            # percent of asylum-seekers" (not "two-tenths of a mile", a length); so are odds,
            # "one in every 500 Windows users" (0.2 percent).
            q, unit, family = _scaled(q, 100.0), "percent", "percent"
        if unit in _YEARS_IN:
            q, unit = _scaled(q, _YEARS_IN[unit]), "year"  # "two decades" is 20 years
        nxt = quantities[qi + 1] if qi + 1 < len(quantities) else None
        if unit == "count" and not phrase and not float(q.value).is_integer() and nxt \
                and nxt.unit and _lexical_family(nxt.unit) not in ("money", "percent"):
            # "It was initially put at 7.1, but the agency now says a magnitude of 6.8": a
            # bare reading in the unit of the one it is set against (things come whole).
            unit, family = nxt.unit, _lexical_family(nxt.unit)
        if unit == "count" and not phrase and _QUAKE_READING.search(sentence, 0, q.start) \
                and _QUAKE.search(sentence) and 1 <= float(q.value) < 10 \
                and re.fullmatch(r"\d\.\d", q.text):
            # "The Seismological Service measured Sunday's quake at 6.8", "put it at 7.0": a
            # quake's reading is its magnitude.
            unit, family = "magnitude", _lexical_family("magnitude")
        role, unit, family, phrase = _role_in_sentence(sentence, q, nxt, unit, family, phrase,
                                                       wholes)
        if unit == "job" and role == "change":
            role = None  # "is to cut 2,300 jobs": the jobs cut, counted, not a level's change
        if family in ("person", "count") and unit != "count" and not (
                family == "count" and recent_count_unit is not None
                and recent_count_unit[1] == "person" and recent_count_unit[2] == s_idx):
            # A sentence's people, not the boats they came in, are what a bare total after
            # them counts ("669 people crossed in 11 boats, taking the total to 27,281").
            recent_count_unit = (unit, family, s_idx)
        rows.append(_claim_row(sentence, s0, q, unit, family, phrase, role, origin))
    return recent_count_unit


# A reading told after "at" ("measured ... at 6.8"), in a sentence about a quake.
_QUAKE_READING = re.compile(r"\bat\s+$", re.IGNORECASE)
_QUAKE = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|seismic|seismolog\w*|"
                    r"geological\s+survey)\b", re.IGNORECASE)


def _role_in_sentence(sentence: str, q: numbers.Quantity, nxt: numbers.Quantity | None,
                      unit: str, family: str, phrase: list[str], wholes: set[str]
                      ) -> tuple[str | None, str, str, list[str]]:
    """The figure's role, from its cue words and the figures beside it: (role, unit, family,
    phrase), the unit taken from the next figure for a difference; notes a whole in ``wholes``."""
    role = _role(sentence[: q.start], sentence[q.end:], q)
    if role is None and ("other" in phrase or phrases.of_them(sentence, q.end)):
        role = "part"  # "two other rifles", "seven of them": some of a larger set
    # "1,310 more than the 3,870 migrants": a difference, counted in the next noun (not "the
    # total of 29,578 is already higher than the 29,437", a level compared with another).
    # ("About 9.7 million votes, fewer than the 10.3 million": a comma sets a level apart.)
    if nxt and (cmp := _COMPARISON.search(sentence[q.end: nxt.start])) and not any(
            w.lower() in AUXILIARIES or w.lower() in SKIPPED_ADVERBS or phrases.is_verb(w)
            for w in _WORD.findall(sentence[q.end: q.end + cmp.start()])) \
            and "," not in sentence[q.end: q.end + cmp.start()]:
        role = "difference"
        if unit == "count" or not phrase:
            unit, family, phrase = _unit_of_compared(sentence, nxt, unit, family, phrase)
    # "Of the 23 pirates arrested, 12 are Somali": later same-unit figures are parts.
    if role is None and unit in wholes:
        role = "part"
    if _OF_THE_WHOLE.search(sentence, max(q.start - 40, 0), q.start):
        wholes.add(unit)
    return role, unit, family, phrase


_POSSESSIVE = re.compile(r"\s?['’]\s?s\b")  # "Saturday's", "Saturday ’ s"
_CLOSED_SPANS = frozenset({"year", "month", "week", "range"})


def _claim_row(sentence: str, s0: int, q: numbers.Quantity, unit: str, family: str,
               phrase: list[str], role: str | None, origin: _Origin) -> dict:
    """One claim row (its id is set once the article's rows are all read)."""
    period = _period_of(sentence, q, role, origin.published)
    words = _measure_fields(sentence, q, unit, phrase, family)
    phrase_fields = _phrase_fields(sentence, q, unit, family, period)
    if (period is not None and period.kind in _CLOSED_SPANS and period.end is not None
            and origin.published is not None and period.end < origin.published):
        # "compared with 45,774 in 2022": a total of a span that is over no longer runs,
        # whatever "so far" its sentence says of another figure.
        phrase_fields["running"] = False
    as_of = None
    if period is not None:
        as_of = period.as_of or (
            period.end if period.kind in ("year-to-date", "since") else None)
        if (as_of is None and period.kind == "day" and phrase_fields["running"]
                and origin.published is not None and period.end is not None
                and period.end < origin.published
                and not _POSSESSIVE.match(sentence, period.span[1])):
            # "the death toll hitting nine last night": a running count told for a past day
            # is that day's count, not the report's (not "2,129 points heading into
            # Saturday's semi-finals": that day is the next game's)
            as_of = period.end
    pub_iso = _iso(origin.published)
    return {
        "id": "",
        "article": origin.article,
        "value": float(q.value),
        "low": float("nan") if q.low is None else float(q.low),
        "high": float("nan") if q.high is None else float(q.high),
        "unit": unit,
        "unit_family": family,
        "bound": q.bound,
        "text": q.text,
        "start": s0 + q.start,
        "end": s0 + q.end,
        "sentence": sentence,
        "sentence_start": s0,
        **words,
        # (jobs cut are what the count counts, whatever outcome word the sentence uses)
        "event": phrase_fields.pop("event") or ("job" if unit == "job" else ""),
        "period_start": _iso(period.start) if period else None,
        "period_end": _iso(period.end) if period else None,
        "period_kind": period.kind if period else None,
        "as_of": _iso(as_of) or pub_iso,
        "role": role,
        **phrase_fields,
        "vague": q.vague,
        "source": origin.source,
        "published": pub_iso,
        "story": origin.story,
    }
