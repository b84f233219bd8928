"""Word lists the normaliser and matcher share: counted nouns, stopwords, cue words.

These are general English news conventions, not facts about any article. Kept apart from the
logic so a reviewer can read (and extend) them in one place.
"""

from __future__ import annotations

# Nouns that count people. A claim about any of them has the unit "person", so "12,000 migrants"
# and "12,417 people" can be compared.
PERSON_NOUNS = frozenset(
    """
    people person persons individual individuals man men woman women child children kid kids
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
    britons residents evacuee evacuees displaced homeless jobless unemployed
    """.split()
)

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
    """.split()
)

# Verbs (and auxiliaries) that follow a bare count of people: "more than 12,000 have crossed".
PERSON_VERBS = frozenset(
    """
    died killed injured wounded crossed arrived fled drowned perished evacuated arrested
    detained deported rescued missing hurt displaced infected hospitalised hospitalized
    voted signed marched protested applied emigrated immigrated migrated attended joined
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
    "rescue": "rescued rescue saved",
    "arrival": "crossed crossing crossings arrived arrivals entered arriving landed",
    "job": "jobs job employed hired laid layoffs redundancies",
    "vote": "votes voted ballots",
}
EVENT_OF_WORD = {w: event for event, words in EVENTS.items() for w in words.split()}

# Counted nouns too general to tell two measures apart.
GENERIC_NOUNS = frozenset("person people count thing item one time case".split())
