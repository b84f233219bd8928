"""The claim table: unit, role, period and measure read from real sentences."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.schema import CLAIM_COLUMNS

PUB = "2024-11-04"

# (text, figure span, unit, role, bound)
CASES = [
    ("In total this year, 31,094 people in 595 boats have made the crossing.", "31,094",
     "person", None, "exact"),
    ("In total this year, 31,094 people in 595 boats have made the crossing.", "595", "boat",
     None, "exact"),
    ("A total of 29,437 people entered Britain on small boats in 2023. As of November 2, more "
     "than 31,000 have crossed this year.", "more than 31,000", "person", None, "lower"),
    ("the Prime Minister pledge a further £75 million for the border command", "£75 million",
     "GBP", "increment", "exact"),
    ("doubling the total funding to £150 million over the next two years", "£150 million", "GBP",
     "total", "exact"),
    ("There will be 300 more staff for the new Border Security Command", "300", "person",
     "increment", "exact"),
    ("as well as 100 specialist investigators and intelligence officers", "100", "person", None,
     "exact"),
    ("This is 1,225 more than the 4,192 migrants who arrived in Britain in September", "1,225",
     "person", "difference", "exact"),
    ("The PM will tell delegates from 196 nations in Glasgow", "196", "country", None, "exact"),
    ("the first time in over 50 years", "over 50", "year", None, "lower"),
    ("which is costing taxpayers £4billion per year", "£4billion per year", "GBP", "rate",
     "exact"),
    ("Unemployment rose by 15% in the quarter", "15%", "percent", "change", "exact"),
    # The change named after the figure ("a 0.7p rise in"), not a rise to a level.
    ("Shareholders were also handed a 0.7p rise in their interim payout.", "0.7p", "GBP",
     "change", "exact"),
    ("Of the 23 pirates arrested, 12 are reported to be Somali", "12", "pirate", "part", "exact"),
    ("Riva, 47, of Sterling Heights was wounded", "47", "age", None, "exact"),
    ("The 15,800-square-metre building houses offices", "15,800", "square-metre", None, "exact"),
    # People counted under a noun that is not a person: migration, a toll, a population.
    ("Net migration of 622,000 was recorded in the year to June 2023", "622,000", "person", None,
     "exact"),
    ("The death toll rose to 213 on Friday, officials said.", "213", "person", None, "exact"),
    ("The number of boats rose to 595", "595", "boat", None, "exact"),
    # An adjective or a comparative is never a unit.
    ("Police sent a 1,000-strong unit to the border", "1,000", "person", None, "exact"),
    ("a 20-mile-long convoy of lorries", "20-mile", "mile", None, "exact"),
    ("The figure was 1,200 higher than last year", "1,200", "count", None, "exact"),
    ("There were 1,000 more people at the rally", "1,000", "person", "increment", "exact"),
    # A singular noun before a plural one modifies it: "member nations", "police cars".
    ("leaders of 196 countries gathered", "196", "country", None, "exact"),
    ("delegates from 195 member nations agreed", "195", "country", None, "exact"),
    ("50 police cars were set alight", "50", "car", None, "exact"),
    ("50 police were injured", "50", "person", None, "exact"),
    # One quantity, one unit: decades are years, fractions percents, ages ages.
    ("who has been with the Police Department for two decades", "two", "year", None, "exact"),
    ("More than three quarters of applicants pass that initial review",
     "More than three quarters", "percent", None, "lower"),
    ("at a depth of two-tenths of a mile", "two-tenths", "fraction", None, "exact"),
    ("The victim, who was in her 60s, lived alone", "60s", "age", None, "range"),
    ("bemoaned Capaldi's age-55", "age-55", "age", None, "exact"),
    ("Page married twice", "twice", "time", None, "exact"),
    ("She won by a 134-to-63 vote.", "134", "vote", None, "exact"),
    ("She won by a 134-to-63 vote.", "63", "vote", None, "exact"),
    # A verb or an adverb after a figure is never its unit; the noun before the verb is.
    ("A total of 31 fire apparatus arrived to fight the fire", "31", "apparatus", "total",
     "exact"),
    ("Twilight has grossed more than 141 million already.", "more than 141 million", "count",
     None, "lower"),
    # A hyphenated pound describing someone weighs them; a hyphenated fine is money.
    ("Comeaux, a 6-foot, 200-pound black male, was serving a life sentence", "200-pound", "lb",
     None, "exact"),
    ("He was ordered to pay a 50-pound fine", "50-pound", "GBP", None, "exact"),
    ("less than an inch thick and 6.6 pounds in all", "6.6 pounds", "lb", "total", "exact"),
    # The age at death, and a span of years a career rose over (not a change by 20 years).
    ("Vincent Gigante, who died yesterday in federal prison at 77, was a crime boss", "77",
     "age", None, "exact"),
    ("Mr. Strzok, who rose over 20 years at the F.B.I. to become an agent", "over 20", "year",
     None, "lower"),
    ("Prices rose over 20 percent in a year", "over 20 percent", "percent", "change", "lower"),
]


@pytest.mark.parametrize("text,span,value", [
    ("who has been with the Police Department for two decades", "two", 20.0),
    ("after more than three decades of faking mental illness", "more than three", 30.0),
    ("More than three quarters of applicants pass that initial review",
     "More than three quarters", 75.0),
    ("one in every 500 Windows users had been exposed", "one in every 500", 0.2),
    ("After nearly a quarter-century of public craziness", "nearly a quarter-century", 25.0),
], ids=["decades", "more-than-decades", "three-quarters", "one-in-500", "quarter-century"])
def test_value_in_the_unit_of_its_kind(text, span, value):
    df = factcheck.extract(text, PUB)
    row = df[df["text"] == span].iloc[0]
    assert row["value"] == pytest.approx(value)


@pytest.mark.parametrize("text,span,unit,role,bound", CASES, ids=[c[1] for c in CASES])
def test_claim(text, span, unit, role, bound):
    df = factcheck.extract(text, PUB)
    row = df[df["text"] == span]
    assert len(row) == 1, df["text"].tolist()
    r = row.iloc[0]
    assert (r["unit"], r["role"], r["bound"]) == (unit, role, bound)
    assert text[r["start"]:r["end"]] == span


def test_table_has_contract_columns_and_offsets():
    text = "Calm weather led to 5,417 people crossing in 99 boats in October. Next line."
    df = factcheck.extract(text, PUB)
    assert list(df.columns)[: len(CLAIM_COLUMNS)] == list(CLAIM_COLUMNS)
    first = df.iloc[0]
    assert (first["period_kind"], first["period_start"], first["period_end"]) == (
        "month", "2024-10-01", "2024-10-31")
    sentence = text[first["sentence_start"]: first["sentence_start"] + len(first["sentence"])]
    assert sentence == first["sentence"]


def test_empty_text_gives_empty_table():
    df = factcheck.extract("No figures here at all.")
    assert df.empty and list(df.columns)[: len(CLAIM_COLUMNS)] == list(CLAIM_COLUMNS)


def test_without_publication_date():
    df = factcheck.extract("More than 31,000 have crossed this year.")
    assert df.iloc[0]["period_kind"] == "year-to-date" and df.iloc[0]["period_start"] is None


def test_change_against_the_same_period_holds_for_this_year():
    text = ("It brings the total number of arrivals to date to 31,535, up 6% compared with the "
            "same period in 2023.")
    df = factcheck.extract(text, PUB).set_index("text")
    assert df.loc["6%", "role"] == "change"
    assert (df.loc["6%", "period_start"], df.loc["6%", "period_end"]) == ("2024-01-01", PUB)


def test_figure_compared_with_counts_what_the_first_counted():
    text = ("The Home Office said there had been 31,535 arrivals to date, compared with 29,437 "
            "for the same period in 2023.")
    df = factcheck.extract(text, PUB).set_index("text")
    assert df.loc["29,437", "unit"] == "person"
    assert df.loc["29,437", "period_start"] == "2023-01-01"


@pytest.mark.parametrize("text,figure,holder", [
    ("On Saturday, 32-year-old Englishman Robert Buckley, originally from Essex, fell.", "32",
     "buckley"),
    ("Witnesses say 59-year-old Raj Chohan was leaving her car on 117th Street.", "59", "chohan"),
    ("A 32-year-old British climber, described as lacking experience, died.", "32", "climber"),
    ("a 38-year-old Troy resident who was fired from the firm", "38", "resident"),
    ("the 29-year-old Hawaiian Gardens gang member was arrested", "29", "member"),
    ("the 26-year-old actress checked into Betty Ford Center", "26", "actress"),
    ("said the 33-year-old actress's rep Jack Ketsoyan", "33", "actress"),
    ("Jose Luis Orozco, 27, who is considered armed and dangerous", "27", "orozco"),
    # A hedge between "aged" and the age: still an age, and still the name's.
    ("Aoife Brennan, aged just 23, became the youngest member of the chamber.", "23",
     "brennan"),
    ("an armed 16-year-old turned into a riot", "16", ""),
])
def test_whose_age_it_is(text, figure, holder):
    """An age belongs to the name after it, else the noun it describes, never the verb."""
    claims = factcheck.extract(text, PUB)
    row = claims[claims["text"].str.startswith(figure)].iloc[0]
    assert row["unit"] == "age" and row["holder"] == holder


@pytest.mark.parametrize("text,span,unit,role,running", [
    # A level compared with another is no difference; a difference stands before its "than".
    ("The total of 29,578 by Saturday is already higher than the 29,437 who crossed in 2023.",
     "29,578", "count", "total", False),
    ("This is 1,225 more than the 4,192 migrants who arrived in September.", "1,225", "person",
     "difference", False),
    # A subject that counts people, with a relative clause or a time phrase of its own.
    ("The number of people who have crossed the Channel this year has passed 30,000.",
     "30,000", "person", None, True),
    ("Small boat arrivals this year stand at 31,094, Home Office data shows.", "31,094",
     "person", None, True),
    # Money spent up to a date is a running total of one outlay; money spent once is not.
    ("The watchdog said £1.4bn had been spent by the end of September 2025.", "£1.4bn",
     "GBP", None, True),
    ("The council has already spent £41m on the project.", "£41m", "GBP", None, True),
    ("The firm spent £2m on marketing last year.", "£2m", "GBP", None, False),
    # A move told by its direction after the figure is a change; a comparison is not.
    ("The shares closed 4.6% higher at 406p on Wednesday.", "4.6%", "percent", "change", False),
    ("Sales were 5% higher than a year earlier.", "5%", "percent", None, False),
    # A dash set apart after a figure opens an aside, no counted noun.
    ("Taking the total so far this year to 27,981 - almost 28,000.", "27,981", "count",
     "total", True),
    # A time back from the figure's is no counted noun.
    ("The population stood at 69,102,400, up from 68,770,100 twelve months earlier.",
     "68,770,100", "person", None, False),
    # The total for the year not yet over is the year so far: it runs.
    ("Thursday's crossings brought the total for 2024 to 33,915.", "33,915", "count", "total",
     True),
    # A verb of a share after a figure is no counted noun.
    ("The province's toll of 41 accounts for more than a third of the deaths.", "41",
     "person", None, True),
    # An area a developing event has burned or flooded is its extent so far: it runs.
    ("The blaze has now torched more than 35,000 hectares and is still spreading.",
     "more than 35,000 hectares", "hectare", None, True),
    ("Floodwater has submerged 12,000 acres of farmland along the river.", "12,000 acres",
     "acre", None, True),
    ("The reserve, which covers 30,000 hectares, lies east of the town.", "30,000 hectares",
     "hectare", None, False),
    # A total of a span that is over does not run, whatever "so far" its sentence says.
    ("Some 30,661 people have crossed so far in 2024, compared with 45,774 in 2022.", "45,774",
     "person", None, False),
    # A toll as it stood by a time is a count that runs; so is a career's total.
    ("By Monday night eight people had been confirmed dead.", "eight", "person", None, True),
    ("It gave him 2,117 career points, a school record.", "2,117", "point", None, True),
    ("She scored a career-high 40 points on Friday.", "40", "point", None, False),
    # Jobs cut are counted as jobs, whatever the noun: roles, job cuts, workers facing the axe.
    ("The airline said it would cut 1,200 roles.", "1,200", "job", None, False),
    ("That plan includes 1,200 job cuts, largely in head office.", "1,200", "job", None, False),
    ("Her pay rises as 1,500 workers at her firm face the axe.", "1,500", "job", None, False),
    ("About 300 staff will be made redundant at the plant.", "About 300", "job", None, False),
    ("The plant employs 1,500 workers on three shifts.", "1,500", "person", None, False),
    # The missing are people; a person named by a role, then an age, is that person's age.
    ("A ferry capsized late on Saturday, killing at least 14 people and leaving 87 missing, the "
     "coast guard said.", "87", "person", None, True),
    ("Investigators are examining the decision by the master, 56, to depart after a gale "
     "warning.", "56", "age", None, False),
    ("The driver, 54, was seriously injured and has not yet been interviewed.", "54", "age",
     None, False),
    # A possessive before the noun says whose, not what is counted; taxpayers are people.
    ("Seven Hallworth's stores in the Midlands will close.", "Seven", "store", None, False),
    # Added to a whole its sentence names: an increment; a gain is a change.
    ("The board has also added £100m to its share buyback.", "£100m", "GBP", "increment",
     False),
    ("Sinn Féin finished with 46 seats, gaining seven seats on its 2024 tally.", "seven", "seat",
     "change", False),
    # First preferences are votes, in a single transferable vote.
    ("The party raked in 418,794 first preferences.", "418,794", "vote", None, False),
    ("The revised figures show 1.3 million additional higher-rate taxpayers by 2029-30.",
     "1.3 million", "person", "increment", False),
])
def test_role_unit_and_running(text, span, unit, role, running):
    df = factcheck.extract(text, "2024-11-04")
    r = df[df["text"] == span].iloc[0]
    assert (r["unit"], r["role"], bool(r["running"])) == (unit, role, running)


# What an amount, a rate or a bare count measures, and what it is, as outlets write it:
# (text, figure, column, value).
# A list that gives its noun once.
SEATS_LIST = ("Labour had won 411 seats, the Conservatives 121, the Liberal Democrats 71 and "
              "Reform UK four.")

READINGS = [
    # The outcome of the toll the clause opens with, not of the figure after the next comma.
    ("Divers recovered more bodies as the death toll from Saturday night's capsizing in the "
     "strait rose to 31, with 62 people still unaccounted for.", "31", "event", "death"),
    ("Divers recovered more bodies as the death toll from Saturday night's capsizing in the "
     "strait rose to 31, with 62 people still unaccounted for.", "62", "event", "missing"),
    # A share of GDP measures what its sentence names, never the economy it is a share of.
    ("leaving a deficit of €30.4bn, or 2.6% of gross domestic product.", "2.6%", "noun", ""),
    # A share's noun before it, not the base it is of.
    ("The count ended with a turnout of 87.1 per cent of enrolled voters.", "87.1 per cent",
     "noun", "turnout"),
    ("Treasurer Jim Chalmers forecast a $23.8 billion deficit in 2024-25.", "$23.8 billion",
     "noun", "deficit"),
    ("The budget will record a deficit of $28.3bn in 2024-25.", "$28.3bn", "noun", "deficit"),
    ("Core inflation, which excludes energy, food, alcohol and tobacco prices, rose to 3.3% "
     "from 3.2%.", "3.3%", "noun", "inflation"),
    ("Underlying profit before tax rose to £308 million in the year to 1 March.",
     "£308 million", "noun", "profit"),
    ("Sir Keir held his seat of Holborn and St Pancras with a majority of 11,572.", "11,572",
     "noun", "majority"),
    ("Labour won about 9.7 million votes, fewer than the 10.3 million Jeremy Corbyn won in "
     "2019.", "10.3 million", "unit", "vote"),
    ("The death toll rose to nine on Wednesday, seven of them in Pine Hollow.", "seven",
     "role", "part"),
    ("The death toll rose to nine on Wednesday, seven of them in Pine Hollow.", "seven",
     "unit", "person"),
    ("The home secretary announced £40m of extra funding for the border command.", "£40m",
     "role", "increment"),
    ("Home Office figures showed that 669 people crossed on Tuesday in 11 boats, taking the "
     "total for the year so far to 27,281.", "27,281", "unit", "person"),
    ("Home Office figures showed that 669 people crossed on Tuesday in 11 boats, taking the "
     "total for the year so far to 27,281.", "11", "running", False),
    ("Services inflation edged up to 5.0% from 4.9%.", "5.0%", "bound", "exact"),
    # A headline's present tense: people, told by their verb.
    ("Channel crossings overtake last year's total after 1,072 arrive on Saturday", "1,072",
     "unit", "person"),
    # Whose figure it is: not the source's ("The CSO's annual estimates"), and not a name said
    # before the country told generically ("the State's 5.38 million people").
    ("The CSO's annual estimates put the population of the South-West region at 801,400.",
     "801,400", "holder", ""),
    ("The South-West's 801,400 residents make up almost 15 per cent of the State's 5.38 "
     "million people.", "5.38 million", "holder", ""),
    ("Ireland's population grew by 81,100 to 5,462,800.", "5,462,800", "holder", "ireland"),
    # A bare count that counts what the figure before it counted carries its noun.
    ("Some 29,500 homes in Scotland were still without power on Saturday, the vast majority "
     "of the 38,000 still cut off across the UK.", "38,000", "noun", "home"),
    # A number of people named by what it counts, before it.
    ("Immigration fell to 131,200 in the 12 months to April.", "131,200", "noun",
     "immigration"),
    ("The estimates put the population of the South-West region at 801,400.", "801,400",
     "noun", "population"),
    # A change told as a fraction is a percent change.
    ("Ofgem hiked its price cap by a tenth in October.", "a tenth", "unit", "percent"),
    ("Ofgem hiked its price cap by a tenth in October.", "a tenth", "value", 10.0),
    # A name written with an accent holds its figure as any other.
    ("Officials put Manabí's death toll at 231 on Wednesday.", "231", "holder", "manabí"),
    ("Officials put Manabí's death toll at 231 on Wednesday.", "231", "noun", ""),
    # A level a change took a count to over a year holds at the year's end; a count over a
    # shorter span is that span's.
    ("Ireland's population grew by 81,100, or 1.5 per cent, to 5,462,800 in the year to April "
     "2025, the CSO said.", "5,462,800", "period_start", "2025-04-01"),
    ("Ireland's population grew by 81,100, or 1.5 per cent, to 5,462,800 in the year to April "
     "2025, the CSO said.", "5,462,800", "period_kind", "month"),
    ("Unemployment rose to 1.48 million in the three months to March.", "1.48 million",
     "period_start", "2024-01-01"),
    # A toll linked to its figure by a hedge and its auxiliary counts people.
    ("The death toll from Ecuador's devastating earthquake has soared past 300.",
     "soared past 300", "unit", "person"),
    # A part of a whole named after it; a share of a vote is no part.
    ("The government will spend £1.3bn of the savings on buses and roads.", "£1.3bn", "role",
     "part"),
    ("The Folkestone base will house 85 of the Joint Maritime Enforcement Unit's officers.",
     "85", "role", "part"),
    ("He won 20% of the vote.", "20%", "role", None),
    # A sum added to a whole named after it is an increment, also when it is a sum a year.
    ("That added £149 a year to the typical household's bill.", "£149 a year", "role",
     "increment"),
    ("It will cost £150 a year.", "£150 a year", "role", "rate"),
    # A list that gives its noun once: each item's name holds its figure.
    (SEATS_LIST, "121", "holder", "conservative"),
    (SEATS_LIST, "71", "holder", "democrat"),
    (SEATS_LIST, "411", "holder", "labour"),
    # ... and each item counts the noun said once, the last one ("71 and ...") too.
    (SEATS_LIST, "71", "unit", "seat"),
    # Members of an elected body count the seats they hold.
    ("The Liberal Democrats have won Inverness, taking the party to 72 MPs - its best result "
     "for more than a century.", "72", "unit", "seat"),
    ("Forward Ireland was down 13 to 44, Comhar won 31 and Green Future's nine TDs will be "
     "crucial in the talks ahead.", "nine", "noun", "seat"),
    # ... where the sentence speaks of politics: touchdowns are no seats.
    ("He caught 52 passes for 440 yards and four TDs.", "four", "unit", "td"),
    # A figure several names hold together is no one name's.
    ("Civic Alliance, Comhar and Green Future would have 92 seats between them, four more than "
     "the 88 needed for a majority.", "92", "holder", ""),
    ("Civic Alliance, Comhar and Green Future would have 92 seats, four more than the 88 "
     "needed for a majority.", "92", "holder", ""),
    ("When the last seat was filled in Donegal shortly after 2pm on Monday, Civic Alliance had "
     "52 seats, the best result in its history.", "52", "holder", "alliance"),
    ("Hansbrough scored 20 points together with a career-high 17 rebounds.", "20", "holder",
     "hansbrough"),
    # "now": a count as it stands on the report's day, not on the day its subject was set.
    ("The state of calamity declared on Monday now covers 26 municipalities.", "26",
     "period_kind", None),
    ("The state of calamity declared on Monday now covers 26 municipalities.", "26",
     "running", True),
    ("The unit now has 320 officers and staff.", "320", "running", True),
    # A rate with no sign is a share; an exchange rate is not.
    ("Her tax return showed that her 2014 federal tax rate was 35.72, and higher with city "
     "taxes.", "35.72", "unit", "percent"),
    ("The exchange rate was 1.17 on Friday.", "1.17", "unit", "count"),
    # Tolls and their outcomes: "lives" are people; "rescue teams" is no outcome; a toll the
    # sentence opens with runs, past a relative clause.
    ("The storm has now claimed five lives, the latest a man in Cumbria.", "five", "unit",
     "person"),
    ("Rescue teams were still searching for 64 people, although hopes are fading.", "64",
     "event", ""),
    ("The toll, which stood at 312 on Wednesday, rose again overnight.", "312", "event",
     "death"),
    ("The toll, which stood at 312 on Wednesday, rose again overnight.", "312", "running", True),
    ("Some 38 people are missing nationally.", "Some 38", "running", True),
    # An outcome before "and" is the other count's: the one after the figure is its own.
    ("Five people have died and more than 2,000 have been evacuated from the valley.",
     "more than 2,000", "event", "displacement"),
    ("Four people were killed and 30 injured when the roof collapsed.", "30", "event",
     "injury"),
    ("Three people died on Monday and 12 more on Tuesday.", "12", "event", "death"),
    # Homes do not die: a counted thing takes no outcome only people meet.
    ("Storm Corrin killed two people and cut power to about 1.02 million homes across Britain.",
     "about 1.02 million", "event", ""),
    # A bare count after a named one counts it ("the 38,000 still cut off").
    ("Some 29,500 homes in Scotland were still without power, the vast majority of the 38,000 "
     "still cut off across the UK.", "38,000", "unit", "home"),
    # A bare reading with decimals takes the unit of the one it is set against: things and
    # people come whole.
    ("It was initially put at 7.1, but the agency now says it had a magnitude of 6.8.", "7.1",
     "unit", "magnitude"),
    # A quake's reading told after "at" is its magnitude.
    ("The Seismological Service measured Sunday's quake at 6.8.", "6.8", "unit", "magnitude"),
    ("The US Geological Survey put it at 7.0, a gap seismologists put down to methods.", "7.0",
     "unit", "magnitude"),
    ("The shop sold the bread at 2.5 on Sunday.", "2.5", "unit", "count"),
    # An outcome word just after a figure is its own, before a nearer one behind it.
    ("The capsizing, which by Saturday had claimed 56 lives with 34 people still missing, has "
     "renewed scrutiny.", "34", "event", "missing"),
    ("The capsizing, which by Saturday had claimed 56 lives with 34 people still missing, has "
     "renewed scrutiny.", "56", "event", "death"),
    # A month is never a unit.
    ("The previous year's figure, first estimated at 79,800 last August, was revised down.",
     "79,800", "unit", "count"),
    # A toll whose subject is far from its figure still counts its outcome.
    ("The death toll from the floods that swept through the north of the country rose to 31 "
     "on Wednesday, the civil protection authority said.", "31", "event", "death"),
    ("The civil protection authority says 38 people are now confirmed dead.", "38",
     "running", True),
    # "after ..." is a clause of its own: the day in it dates its figure, not the year before.
    ("More people have crossed the Channel so far this year than in the whole of last year, "
     "after 1,072 people made the journey on Saturday.", "1,072", "period_kind", "day"),
    # A year inside a superlative's baseline is not the figure's own.
    ("Around 180,000 people in the West Midlands are now out of work and looking for a job, "
     "the highest number since the summer of 2021.", "Around 180,000", "period_kind", None),
    # A clause ends the noun phrase: the verb after the comma is no unit.
    ("Dublin, home to 1.51 million people, continues to grow fastest.", "1.51 million", "unit",
     "person"),
    ("Bradford, a city of more than half a million people, remains one of the largest.",
     "more than half a million", "unit", "person"),
    # A place's name before the head, plural as it looks, is not the head.
    ("Hallworth to cut 180 Leeds jobs as four Yorkshire stores close.", "180", "unit", "job"),
    ("Some 38,420 West Midlands households were left in limbo.", "38,420", "unit",
     "household"),
    ("Penhallow operates 1,034 stores, including 612 Penhallow Local convenience shops.", "612",
     "unit", "shop"),
    ("It is about half the 22,766 majority Sir Keir enjoyed in 2019.", "22,766", "unit",
     "majority"),
    # ... but a people's name is people.
    ("Student debts slashed for three million Australians.", "three million", "unit", "person"),
    ("Around 1,400 Brits are among those forced to flee.", "Around 1,400", "unit", "person"),
    ("There are now more than 5.5 million of us living here.", "more than 5.5 million", "unit",
     "person"),
    # The modifiers before a head do not count to the phrase's length.
    ("The government will fund 29 more Medicare urgent care clinics.", "29", "unit", "clinic"),
    # "houses" is the plural of a house (not of "hous", as "buses" is of a bus).
    ("A landslide buried six houses in a village.", "six", "unit", "house"),
    # A threshold is no unit, and a figure told past it is a lower bound.
    ("The population has officially passed the 5.5 million mark for the first time.",
     "5.5 million", "unit", "count"),
    ("The population has officially passed the 5.5 million mark for the first time.",
     "5.5 million", "bound", "lower"),
    ("The index fell below the 5,000 mark.", "5,000", "bound", "upper"),
    # Crossing the bridge is no bound.
    ("The convoy crossed the 5km bridge at dawn.", "5km", "bound", "exact"),
    # A market's verbs tell a move.
    ("Calder shares rocketed 21.4% on Monday.", "21.4%", "role", "change"),
    ("Shares in the miner tumbled 8% in early trade.", "8%", "role", "change"),
    # A name, then a relative clause whose verb holds the figure: the name is its holder.
    ("Labor, which won 31 seats in 2022, was heading for its worst result.", "31", "holder",
     "labor"),
    # A new verb after "and" opens the figure's own clause: the year before it is the first
    # figure's.
    ("Labor won 29 seats in 2022 and has been reduced to 22.", "29", "period_kind", "year"),
    ("Labor won 29 seats in 2022 and has been reduced to 22.", "22", "period_kind", None),
]


# A sentence that refers back takes the day of what it refers to: a daily count of boats is
# otherwise read as of the report's date.
DATED_BACK = [
    ("Some 412 people crossed the Channel on Tuesday, the Home Office said. They arrived in "
     "seven boats.", "seven", "2025-10-21"),
    ("On Saturday 1,072 people crossed. It was the busiest day since September. The 1,072 "
     "people arrived in 16 boats.", "16", "2025-10-18"),
    # Nothing to refer back to: the figure stays undated.
    ("Some 412 people crossed the Channel on Tuesday. Officials counted seven boats.", "seven",
     None),
]


@pytest.mark.parametrize("text,sentences", [
    # A clock time's dot before its day ends no sentence; before a new subject it does.
    ("The quake was recorded at approximately 9:27 a.m. Sunday, the survey said. It was small.",
     ["The quake was recorded at approximately 9:27 a.m. Sunday, the survey said.",
      "It was small."]),
    ("The quake struck at 9 a.m. Police said three people died.",
     ["The quake struck at 9 a.m.", "Police said three people died."]),
])
def test_sentences(text, sentences):
    assert [text[a:b] for a, b in factcheck.normalise.split_sentences(text)] == sentences


def test_the_length_of_a_span_is_no_claim():
    """"in the three months to March" is when the rate holds, not a duration reported."""
    df = factcheck.extract("The rate rose to 5.2 per cent in the three months to March, from "
                           "5.0 per cent in the three months to December.", "2026-05-13")
    assert df["text"].tolist() == ["5.2 per cent", "5.0 per cent"]
    assert df["period_start"].tolist() == ["2026-01-01", "2025-10-01"]


@pytest.mark.parametrize("text,figure,day", DATED_BACK)
def test_a_sentence_that_refers_back_takes_its_day(text, figure, day):
    df = factcheck.extract(text, "2025-10-22")
    row = df[df["text"] == figure].iloc[0]
    assert row["period_start"] == day and (day is None or row["period_kind"] == "day")


@pytest.mark.parametrize("text,figure,column,value", READINGS)
def test_what_a_figure_measures(text, figure, column, value):
    df = factcheck.extract(text, PUB)
    row = df[df["text"].str.endswith(figure)]
    assert len(row) >= 1, df[["text", "unit"]].values.tolist()
    assert row.iloc[0][column] == value, row.iloc[0][["text", "unit", "noun", "role"]].tolist()


def test_a_subject_counting_people_by_their_outcome_names_the_toll():
    """"The number of people killed by the earthquake that devastated ... has risen to 287":
    a toll of deaths, however long the subject."""
    row = factcheck.extract("The number of people killed by the earthquake that devastated the "
                            "west of the country has risen to 287, officials said.",
                            "2026-02-03").iloc[0]
    assert (row["unit"], row["event"], bool(row["running"])) == ("person", "death", True)


def test_a_total_counts_what_its_sentence_counted_before_it():
    """"A further 240 people made the crossing ..., taking the total so far this year to
    34,155": the total is of crossings, however far the verb."""
    df = factcheck.extract("A further 240 people made the crossing in five boats on Friday, "
                           "taking the total so far this year to 34,155.", "2026-10-17")
    row = df[df["text"] == "34,155"].iloc[0]
    assert (row["event"], bool(row["running"])) == ("arrival", True)


@pytest.mark.parametrize("text,published,figure,as_of", [
    # A running count told for a past day holds as of that day, not the report's.
    ("The death toll hit nine last night, officials said.", "2026-07-21", "nine", "2026-07-20"),
    # Not a day that names another event: the game to come.
    ("McDermott now has 2,129 points heading into Saturday's semifinals.", "2013-03-08",
     "2,129", "2013-03-08"),
])
def test_a_running_count_told_for_a_past_day(text, published, figure, as_of):
    df = factcheck.extract(text, published)
    assert df.loc[df["text"] == figure, "as_of"].tolist() == [as_of]
