"""Word lists the normaliser and matcher share: counted nouns, stopwords, cue words.

These are general English news conventions, not facts about any article. Kept apart from the
logic so a reviewer can read (and extend) them in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Nouns that count people. A claim about any of them has the unit "person", so "12,000 migrants"
# and "12,417 people" can be compared.
PERSON_NOUNS = frozenset(
    """
    people person persons individual individuals man men woman women child children kid kids
    lives life
    adult adults boy boys girl girls baby babies infant infants teenager teenagers youth youths
    migrant migrants refugee refugees immigrant immigrants emigrant emigrants asylum-seeker
    asylum-seekers seeker seekers arrival arrivals applicant applicants deportee deportees
    resident residents citizen citizens national nationals inhabitant inhabitants voter voters
    worker workers employee employees staff staffer staffers personnel officer officers official
    officials investigator investigators agent agents detective detectives specialist specialists
    analyst analysts police policeman policemen soldier soldiers troop troops marine marines
    sailor sailors pilot pilots crew crewmen firefighter firefighters paramedic paramedics
    doctor doctors nurse nurses surgeon surgeons physician physicians patient patients
    teacher teachers student students pupil pupils graduate graduates member members
    customer customers user users subscriber subscribers passenger passengers traveller
    travellers traveler travelers tourist tourists visitor visitors spectator spectators fan fans
    protester protesters protestor protestors demonstrator demonstrators activist activists
    civilian civilians victim victims casualty casualties survivor survivors fatality fatalities
    death deaths dead injured wounded hostage hostages prisoner prisoners inmate inmates
    detainee detainees suspect suspects offender offenders criminal criminals smuggler smugglers
    trafficker traffickers gang-member militant militants fighter fighters rebel rebels
    volunteer volunteers delegate delegates leader leaders minister ministers lawmaker lawmakers
    legislator legislators senator senators mp mps councillor councillors judge judges lawyer
    lawyers player players athlete athletes runner runners candidate candidates recruit recruits
    household-member pensioner pensioners retiree retirees veteran veterans homeowner homeowners
    tenant tenants renter renters driver drivers farmer farmers miner miners journalist
    journalists reporter reporters scientist scientists researcher researchers expert experts
    contractor contractors guard guards inspector inspectors engineer engineers americans
    britons brits youngster youngsters rescuer rescuers residents evacuee evacuees displaced
    homeless jobless unemployed servant servants
    commuter commuters holidaymaker holidaymakers shopper shoppers motorist motorists
    missing captain captains skipper skippers master masters mother mothers father fathers
    daughter daughters son sons wife wives husband husbands owner owners taxpayer taxpayers
    """.split()
)

# Nouns for a number of people that are not people themselves: "Net migration of 622,000",
# "a turnout of 1.2 million", "the death toll rose to 213" all count people.
COUNTS_OF_PEOPLE = frozenset(
    """migration immigration emigration population populations turnout toll attendance crowd
    crowds membership electorate workforce headcount enrolment enrollment enrolments
    enrollments admissions intake audience audiences readership viewership ridership
    caseload""".split()
)

# Members of an elected body, counted as the seats they hold: "taking the party to 72 MPs"
# and "71 seats", "nine TDs" and "eight seats" count one thing. ("TDs" are touchdowns too: a
# seat only where the sentence speaks of parties, seats or a vote, ``POLITICAL``.)
SEAT_HOLDERS = frozenset("seat mp msp mla mep councillor senator".split())
SEAT_HOLDERS_IN_POLITICS = frozenset({"td"})
POLITICAL = re.compile(r"\b(?:part(?:y|ies)|seats?|elect(?:ed|ion|oral)|coalition|government|"
                       r"talks|D[áa]il|parliament|votes?|majority|constituenc(?:y|ies))\b",
                       re.IGNORECASE)

# Nouns for a whole a figure can be a part of, named after it: "spend £1.3bn of the savings",
# "will house 85 of the Joint Maritime Enforcement Unit".
WHOLE_NOUNS = frozenset("""saving savings budget total money cash fund funds funding package
    sum pot pool unit force workforce staff team cost costs spending bill allocation windfall
    grant payout buyback programme program scheme plan aid""".split())

# Irregular plurals and forms the generic rule gets wrong.
SINGULAR = {
    "people": "person", "men": "person", "women": "person", "children": "person",
    "police": "person", "staff": "person", "personnel": "person", "dead": "person",
    "injured": "person", "wounded": "person", "displaced": "person", "homeless": "person",
    "jobless": "person", "unemployed": "person", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "data": "data", "series": "series", "species": "species",
    "news": "news", "nations": "country", "nation": "country", "countries": "country",
    "states": "state", "premises": "premises", "headquarters": "headquarters", "cattle": "cattle",
    "sheep": "sheep", "fish": "fish", "aircraft": "aircraft", "crisis": "crisis", "analyses": "analysis",
    "decades": "decade", "centuries": "century", "yrs": "year", "hrs": "hour", "mins": "minute",
}

# Time nouns: a claim counting them is a duration ("in over 50 years"), unit family "duration".
DURATION_NOUNS = frozenset(
    "second minute hour day week fortnight month quarter year decade century millennium".split()
)

# Words that sit between a number and its noun without being the noun ("300 more staff").
NUMBER_MODIFIERS = frozenset(
    """more extra additional further new other fewer less so such odd plus""".split()
)

# Comparatives after a figure ("1,200 higher than", "300 fewer"): never a unit; the noun after
# them, if any, is ("1,000 more people").
COMPARATIVES = frozenset(
    """higher lower bigger smaller larger greater fewer less more up down ahead behind short
    shy better worse longer shorter older younger""".split()
)

# Adjectives that end a hyphenated figure: "a 1,000-strong force" counts people; "a
# 20-mile-long convoy" counts miles; "-odd" and "-plus" leave the noun after to name the unit.
STRENGTH_ADJECTIVES = frozenset({"strong", "man", "member", "person", "people"})
DIMENSION_ADJECTIVES = frozenset(
    "long high wide deep tall thick odd plus fold large big heavy old".split()
)

# Words that end a noun phrase: a noun cannot be found beyond them.
NP_BREAKERS = frozenset(
    """
    a an the this that these those it its his her their our your my we they he she you i
    and or but nor so yet if then than as at by for from in into of off on onto out over per
    to up upon via with within without under about after against among around before behind
    below beneath beside between beyond during except inside near since through throughout
    toward towards until while who whom whose which what when where why how
    is are was were be been being am has have had having do does did will would shall should
    can could may might must said says say told according
    last next yesterday today tonight
    january february april june july august september october november december
    """.split()
)

# Verbs (and auxiliaries) that follow a bare count of people: "more than 12,000 have crossed";
# headlines tell it in the present ("1,072 arrive on Saturday", "30 die in floods").
PERSON_VERBS = frozenset(
    """
    died killed injured wounded crossed arrived fled drowned perished evacuated arrested
    detained deported rescued missing hurt displaced infected hospitalised hospitalized
    voted signed marched protested applied emigrated immigrated migrated attended joined
    die dies arrive arrives cross crosses flee flees drown drowns perish perishes
    """.split()
)

AUXILIARIES = frozenset("have has had were are was is be been will would".split())

# Stopwords for context and measure text. Kept short: content words carry the matching.
STOPWORDS = frozenset(
    """
    a an the this that these those it its his her their our your my we they he she you i me us
    him them and or but nor so yet if then than as at by for from in into of off on onto out
    over per to up upon via with within without under about after against among around before
    behind below beneath beside between beyond during except inside near since through
    throughout toward towards until while who whom whose which what when where why how
    is are was were be been being am has have had having do does did will would shall should
    can could may might must not no also just only even still already more most less least
    much many some any all each every both either neither other another such own same very
    too here there now then said says say saying told tell according year years month months
    week weeks day days today yesterday tomorrow last next first new one two three mr ms mrs dr
    sir including around nearly almost about over under more than least up down s t
    """.split()
)

# Cue phrases, read in the words just before a figure.
INCREMENT_CUES = ("a further", "further", "an additional", "additional", "an extra", "extra",
                  "another", "a fresh", "fresh", "more")
TOTAL_CUES = ("in total", "a total of", "total of", "totalling", "totaling", "in all",
              "altogether", "overall", "cumulative", "combined", "all told")

# Outcome words: what happened to the people or things counted. Two counts of people with
# different outcomes ("200 arrested" vs "100 injured") are different measures.
EVENTS = {
    "death": "died dead death deaths killed kill killing fatalities fatality perished drowned "
             "lives life toll bodies body murdered slain",
    "injury": "injured injuries injury wounded hurt hospitalised hospitalized casualties",
    "arrest": "arrested arrests arrest detained detention custody charged",
    "missing": "missing unaccounted",
    "displacement": "evacuated evacuation displaced homeless fled flee evacuees",
    "rescue": "rescued saved",  # not "rescue teams were searching for 64 people"
    "arrival": "crossed crossing crossings arrived arrivals entered arriving landed",
    "job": "jobs job employed hired laid layoffs redundancies",
    "vote": "votes voted ballots",
}
EVENT_OF_WORD = {w: event for event, words in EVENTS.items() for w in words.split()}
# What a developing event does to land: an area burned or flooded grows from report to report,
# like a toll ("had burned 8,200 hectares", "has now torched more than 35,000 hectares").
EXTENT_EVENTS = {
    "burn": "burned burnt burning scorched torched charred blackened consumed",
    "flood": "flooded inundated submerged underwater",
}
EXTENT_OF_WORD = {w: event for event, words in EXTENT_EVENTS.items() for w in words.split()}

# Counted nouns too general to tell two measures apart.
GENERIC_NOUNS = frozenset("person people count thing item one time case live life".split())

# --- light chunking (phrases) ----------------------------------------------------------------

DETERMINERS = frozenset(
    "a an the this that these those its his her their our your my some any each every".split()
)

# Prepositions that open a phrase about what a figure measures ("people in boats", "budget for
# the Coastal Rescue Agency", "funding pot to tackle ...").
PREPOSITIONS = frozenset(
    """in on at for of to from with into onto across over under through during within among
    between against near around aboard inside outside per via toward towards before after""".split()
)

# Adverbs that sit between a counted noun and its verb ("have now died", "were also arrested").
SKIPPED_ADVERBS = frozenset(
    "also now already reportedly still yet just so far thus since then allegedly".split()
)

# Irregular and common verb forms news writes after a count or before a linked figure.
IRREGULAR_VERBS = frozenset(
    """
    made make makes died die dies rose rise rises risen fell fall falls fallen grew grow grows
    grown won win wins lost lose loses saw see sees took take takes taken came come comes went
    go goes gone left leave leaves fled flee flees hit hits cut cuts paid pay pays spent spend
    spends put puts set sets gave give gives given held hold holds kept keep keeps brought bring
    brings sent send sends told tell tells said say says built build builds sold sell sells
    bought buy buys ran run runs began begin begins begun became become becomes stood stand
    stands got get gets found find finds drew draw draws drove drive drives flew fly flies
    met meet meets sought seek seeks swept sweep struck strike strikes shot shoot shoots
    killed kill kills need needs remain remains remained face faces faced tackle tackles
    """.split()
)

# Simple past forms that do not end in -ed: the event a figure counts is over ("he served
# four months" is settled; "he has served" may still grow).
PAST_IRREGULAR = frozenset(
    """
    made died rose fell grew won lost saw took came went left fled paid spent gave held kept
    brought sent told built sold bought ran began became stood got found drew drove flew met
    sought swept struck shot wrote spoke broke chose froze stole wore tore threw knew led fought
    taught caught thought felt dealt meant slept crept wept lent bent sank sang rang swam
    """.split()
)
# Words that put a figure in the present or future: a state that may change between reports.
PRESENT_MARKERS = frozenset(
    """has have is are am now currently still remain remains stands stand totals will shall
    nowadays today""".split()
)

# Words ending in -ed that are not verbs.
NOT_VERBS_ED = frozenset(
    """hundred red bed shed seed need speed feed breed deed greed shred sled wed weed bred
    steed creed sacred naked wicked rugged ragged kindred""".split()
)


@lru_cache(maxsize=1 << 16)  # news repeats its words; a cache hit is cheaper than the rules
def singular(word: str) -> str:
    """Singular, lower-case form of a counted noun.

    >>> [singular(w) for w in ["Boats", "people", "countries", "buses", "officers", "nations",
    ...                        "houses"]]
    ['boat', 'person', 'country', 'bus', 'officer', 'country', 'house']
    """
    w = word.lower().strip("'’-")
    if w in SINGULAR:
        return SINGULAR[w]
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ouses", "auses")):
        return w[:-1]  # "houses", "causes" (not "buses", "bonuses")
    if len(w) > 3 and re.search(r"(?:ss|sh|ch|x|z|us)es$", w):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
