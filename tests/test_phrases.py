"""Governing phrases, their lemmas and running counts, read from real news sentences."""

from __future__ import annotations

import pytest

import factcheck
from factcheck import phrases
from factcheck.phrases import lemmas

PUB = "2024-11-04"

# (sentence, figure span, governing phrase)
PHRASES = [
    ("In total this year, 31,094 people in 595 boats have made the crossing successfully.",
     "31,094", "people in boats"),
    ("More than 50 people have died", "More than 50", "people died"),
    ("Increase the total budget for the Border Security Command to £150 million, aimed at "
     "enhancing technology", "£150 million", "total budget for the Border Security Command"),
    ("He will unveil a £150million funding pot to tackle organised immigration crime.",
     "£150million", "funding pot to tackle organised immigration crime"),
    ("Net migration of 622,000 was recorded in the year to June.", "622,000", "net migration"),
    ("The death toll rose to 213 on Friday, officials said.", "213", "death toll"),
    ("Reid, 33, earned a reputation as a party girl.", "33", "age of Reid"),
    ("the 33-year-old actress's rep Jack Ketsoyan said", "33", "age of actress"),
    ("Unemployment rose by 15% in the quarter", "15%", "unemployment"),
    ("A total of 29,437 people entered Britain on small boats in 2023.", "29,437",
     "people entered Britain"),
    ("The navy confiscated 14 AK-47 Rifles, 31 magazines and 923 rounds of ammunition.",
     "923", "rounds of ammunition"),
    ("Some 2.44 million people, accounting for some 88.41 percent of the country's eligible "
     "voters, cast their ballot", "some 88.41 percent", "country's eligible voters"),
    ("Her blood pressure was 100/65 and her heart rate was 72.", "72", "heart rate"),
    ("The whole hearing lasted about 50 minutes.", "about 50", "minutes"),
    # A phrase saying when is not what is counted.
    ("Police arrested 12 people on Friday.", "12", "people"),
    ("Calm weather led to 5,417 people crossing in 99 boats in October.", "99", "boats"),
]


@pytest.mark.parametrize("text,span,phrase", PHRASES, ids=[p[2] for p in PHRASES])
def test_governing_phrase(text, span, phrase):
    df = factcheck.extract(text, PUB)
    row = df[df["text"] == span]
    assert len(row) == 1, df["text"].tolist()
    assert row.iloc[0]["phrase"] == phrase
    assert len(phrase.split()) <= 8


LEMMAS = [
    ("people died", "person die"),
    ("funding pot to tackle organised immigration crime",
     "funding pot tackle organise immigration crime"),
    ("people in boats", "person boat"),
    ("total budget for the Border Security Command", "total budget border security command"),
    ("years", "year"),
    ("", ""),
]


@pytest.mark.parametrize("phrase,expected", LEMMAS, ids=[p[0] or "empty" for p in LEMMAS])
def test_lemmas(phrase, expected):
    assert lemmas(phrase) == expected


# (sentence, figure span, running?)
RUNNING = [
    ("The death toll rose to 213 on Friday, officials said.", "213", True),
    ("At least 50 people were killed in the blast.", "At least 50", True),
    ("As of November 2, more than 31,000 have crossed this year.", "more than 31,000", True),
    ("Police have arrested 12 people so far.", "12", True),
    ("There have been 31,535 arrivals to date.", "31,535", True),
    ("The number of dead has risen to 95 after rescuers found more bodies.", "95", True),
    ("The flooding brought the toll to 64, with 30 still missing.", "64", True),
    ("With 95% of votes counted, she leads with 52%.", "52%", True),
    ("A total of 29,437 people entered Britain on small boats in 2023.", "29,437", False),
    ("The PM will tell delegates from 196 nations in Glasgow", "196", False),
    ("Inflation rose to 3% in October.", "3%", False),
    ("Reid, 33, earned a reputation as a party girl.", "33", False),
    ("He will unveil a £150million funding pot to tackle organised immigration crime.",
     "£150million", False),
    ("Dozens of aftershocks have hit the island since it was first rocked by a magnitude-5.9 "
     "earthquake early Sunday afternoon.", "magnitude-5.9", False),
    ("Some 2 million people died in the north-south civil war, waged since 1983.",
     "Some 2 million", False),
    ("To date the film has grossed over $142 million domestically.", "over $142 million", True),
]


@pytest.mark.parametrize("text,span,running", RUNNING, ids=[f"{r[1]}-{r[2]}" for r in RUNNING])
def test_running(text, span, running):
    df = factcheck.extract(text, PUB)
    row = df[df["text"] == span]
    assert len(row) == 1, df["text"].tolist()
    assert bool(row.iloc[0]["running"]) is running


@pytest.mark.parametrize("sentence,figure,places", [
    # A day's share is no place: "on Monday alone".
    ("Almost 2,000 residents of the two towns were evacuated on Monday alone.", "Almost 2,000",
     frozenset()),
    ("Some 170,000 people were killed in Sumatra alone.", "170,000", frozenset({"sumatra",
                                                                               "alone"})),
    ("In 2004 a massive tremor sparked a tsunami that killed 170,000 people in the province and "
     "tens of thousands more in countries around the Indian Ocean.", "170,000", {"province"}),
    ("The 2004 tsunami that killed about 230,000 people across Asia was triggered by a quake.",
     "230,000", {"asia"}),
    ("It left at least 230,000 people dead and missing in a dozen countries facing the Indian "
     "Ocean.", "230,000", {"dozen countries"}),
    ("Aceh was hit extremely hard, with 170,000 people killed in Sumatra alone.", "170,000",
     {"sumatra", "alone"}),
    ("In neighbouring Central Aceh district, 10 people were killed, 140 were injured and about "
     "1,500 houses were damaged.", "1,500", {"central aceh district"}),
    # A named site, a people's adjective on the counted noun.
    ("Around 180 jobs are to go at Glasgow Airport after the airline cut back.", "180",
     {"glasgow airport"}),
    ("At its peak, 412,000 Scottish homes lost power.", "412,000", {"scottish"}),
    # The named region a count is of.
    ("The estimates put the population of the South-West region at 801,400 in April.",
     "801,400", {"south-west region"}),
    ("One of the Big Four banks will cut 20 jobs.", "20", set()),
    # A party is no place; nor is a time of day.
    ("Two Republican senators voted against the bill.", "Two", set()),
    ("The first 12 people arrived at 7 a.m. on Monday.", "12", set()),
    # A month is a time, not a place; a figure with no place has no scope.
    ("In December 2004, a massive undersea quake killed 230,000 people.", "230,000", set()),
    ("The fund will pay out £40 million over the next two years.", "£40 million", set()),
])
def test_place_scope(sentence, figure, places):
    at = sentence.index(figure)
    assert phrases.place_scope(sentence, at, at + len(figure), (0, len(sentence))) == places


@pytest.mark.parametrize("sentence,figure,settled", [
    ("She returned to her home town 12 weeks ago after a four year spell living in Cardiff.",
     "12", True),
    ("Jeffs and 11 other FLDS men were charged with crimes including sexual assault and bigamy.",
     "11", True),
    ("It gave him 2,117 career points.", "2,117", True),
    ("McDermott now has 2,129 points.", "2,129", False),
    ("If extradited, he will join 12 other FLDS defendants charged with similar offenses.",
     "12", False),
    ("The island, which has about 200,000 residents, was hit hardest.", "200,000", False),
    ("Five people had so far been confirmed dead.", "Five", False),
    ("The death toll stands at 213.", "213", False),
])
def test_is_settled(sentence, figure, settled):
    at = sentence.index(figure)
    clause = phrases.clause_bounds(sentence, at, at + len(figure))
    assert phrases.is_settled(sentence, at, at + len(figure), clause) is settled


@pytest.mark.parametrize("sentence,figure,standing", [
    ("Around 161,000 homes across the UK remain without power on Friday morning.",
     "Around 161,000", True),
    ("Some 29,500 homes in Scotland were still without power, the vast majority of the 38,000 "
     "still cut off across the UK.", "38,000", True),
    ("Storm Corrin cut power to about 1.02 million homes across Britain at its peak.",
     "about 1.02 million", False),
])
def test_told_as_standing(sentence, figure, standing):
    """A count of what still holds on the report's day can fall between reports."""
    at = sentence.index(figure)
    row = {"sentence": sentence, "sentence_start": 0, "start": at, "end": at + len(figure)}
    assert phrases.told_as_standing(row) is standing


@pytest.mark.parametrize("sentence,figure,so_far", [
    ("The regional government says 163 homes have been destroyed.", "163", True),
    ("Some 1,800 rescuers, including firefighters with sniffer dogs, have been combing the "
     "rubble.", "Some 1,800", True),
    ("Around 2,300 firefighters, soldiers and volunteers are still working in the area.",
     "Around 2,300", True),
    ("The unit has 260 officers and staff, drawn from three forces.", "260", False),
])
def test_told_as_so_far(sentence, figure, so_far):
    """A count told as it stands so far may change between two reports' days."""
    at = sentence.index(figure)
    row = {"sentence": sentence, "sentence_start": 0, "start": at, "end": at + len(figure)}
    assert phrases.told_as_so_far(row) is so_far


@pytest.mark.parametrize("sentence,figure,way", [
    ("Brightwell's shares tumbled 3.4% on Thursday.", "3.4%", -1),
    ("Shares closed 3.4% higher at 412.6p.", "3.4%", 1),
    ("Sales were down by about 6 per cent on the year.", "6 per cent", -1),
    ("Revenue rose 5.8% to £1,284.6m in the half.", "5.8%", 1),
    ("The rate stood at 4.3% in August.", "4.3%", 0),
])
def test_direction(sentence, figure, way):
    """The direction a change's own words give it."""
    at = sentence.index(figure)
    row = {"sentence": sentence, "sentence_start": 0, "start": at, "end": at + len(figure)}
    assert phrases.direction(row) == way


@pytest.mark.parametrize("sentence,figure,phrase", [
    # A subject that counts people keeps what it is of; the figure's hedge may be its verb.
    ("The death toll from catastrophic flooding in Spain rose to 158 on Thursday.", "158",
     "death toll from catastrophic flooding in Spain"),
    ("The number of people killed in the floods in Spain tops 200, the government said.",
     "tops 200", "number of people killed in the floods"),
])
def test_counted_subject_phrase(sentence, figure, phrase):
    df = factcheck.extract(sentence, PUB)
    row = df[df["text"] == figure].iloc[0]
    assert (row["phrase"], row["unit"]) == (phrase, "person")


@pytest.mark.parametrize("sentence,figure,found", [
    # A speaker qualifies no measure.
    ("Emergency services said 2,840 people were evacuated from their homes.", "2,840",
     frozenset()),
    ("Underlying profit before tax rose to £308 million.", "£308 million",
     {"adjusted", "pre-tax"}),
    ("Core inflation rose to 3.3% in October.", "3.3%", {"core"}),
    ("Food inflation eased to 4.1 per cent, the ONS said.", "4.1 per cent", {"food"}),
    # A capital inside a sentence is a name's: no qualifier of the measure.
    ("Figures released by the Department for Energy show 38,420 households in the region "
     "registered.", "38,420", set()),
])
def test_measure_qualifiers(sentence, figure, found):
    at = sentence.index(figure)
    end = at + len(figure)
    assert phrases.measure_qualifiers(sentence, at, end, (0, len(sentence))) == found
