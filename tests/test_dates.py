"""Periods resolved against the publication date, with granularity kept.

Sentences are real news sentences: the seed articles (dates from seeds/manifest.csv) and the
shared corpora (dates from each record's "date" field). Each case names the figure, and the test
asks which period applies to it: (kind, start, end, as_of) as ISO strings, None when unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re

import pytest
from conftest import shared_path

from factcheck import dates
from factcheck.dates import DATEPARSER_SETTINGS, Period, find_periods, parse_day, period_for

D = dt.date.fromisoformat

# --- the seed articles -----------------------------------------------------------------------
# (sentence, published, figure, kind, start, end, as_of)
SEED_CASES = [
    ("Calm weather led to 5,417 people crossing in 99 boats in October – the highest monthly "
     "total so far this year.", "2024-11-04", "5,417",
     "month", "2024-10-01", "2024-10-31", None),
    ("Calm weather led to 5,417 people crossing in 99 boats in October – the highest monthly "
     "total so far this year.", "2024-11-04", "99",
     "month", "2024-10-01", "2024-10-31", None),
    ("This is 1,225 more than the 4,192 migrants who arrived in Britain in September – the "
     "second-largest month of crossings.", "2024-11-04", "4,192",
     "month", "2024-09-01", "2024-09-30", None),
    ("In total this year, 31,094 people in 595 boats have made the crossing successfully, more "
     "than half while the Labour Government has been in power.", "2024-11-04", "31,094",
     "year-to-date", "2024-01-01", "2024-11-04", None),
    ("In total this year, 31,094 people in 595 boats have made the crossing successfully, more "
     "than half while the Labour Government has been in power.", "2024-11-04", "595",
     "year-to-date", "2024-01-01", "2024-11-04", None),
    ("The speech in Scotland saw the Prime Minister pledge a further £75 million for the border "
     "command, doubling the total funding to £150 million over the next two years.",
     "2024-11-04", "£150 million", "future", "2024-11-04", "2026-11-04", None),
    ("Almost 100,000 migrants crossed the Western Balkans last year before entering the EU "
     "through Hungary’s border with Serbia.", "2024-11-07", "100,000",
     "year", "2023-01-01", "2023-12-31", None),
    ("A total of 29,437 people entered Britain on small boats in 2023.", "2024-11-07", "29,437",
     "year", "2023-01-01", "2023-12-31", None),
    ("As of November 2, more than 31,000 have crossed this year.", "2024-11-07", "31,000",
     "year-to-date", "2024-01-01", "2024-11-02", "2024-11-02"),
    ("More than 50 people have died trying to make the crossing this year, according to the "
     "UN’s International Organisation for Migration.", "2024-11-07", "50",
     "year-to-date", "2024-01-01", "2024-11-07", None),
    ("More than 1,100 migrants have crossed the Channel since Sir Keir became PM (Image: Getty)",
     "2024-07-17", "1,100", "since", None, "2024-07-17", None),
    ("The announcement of Labour's legislative plans on immigration comes in the same week "
     "estimates showed the population of England and Wales saw the biggest annual increase in "
     "75 years, growing in the year to mid-2023 by almost 610,000 to 60.9 million, according to "
     "the Office for National Statistics.", "2024-07-17", "610,000",
     "range", "2022-07-01", "2023-06-30", None),
]

# --- the shared corpora ----------------------------------------------------------------------
CORPUS_CASES = [
    ("House Democrats have also lost nearly 60 seats over the past six years.", "2016-11-30",
     "60", "range", "2010-12-01", "2016-11-30", None),
    ("Boehner last week put a counter-proposal on the table that included $800 billion in "
     "revenue increases over the next decade.", "2012-12-10", "$800 billion",
     "future", "2012-12-10", "2022-12-10", None),
    ("According to a study by the Migration Policy Institute, a nonpartisan group, if "
     "citizenship were denied to every child with at least one unauthorized parent, the "
     "unauthorized population in the United States would reach 24 million by 2050 — more than "
     "double what it is now.", "2018-10-30", "24 million",
     "future", "2018-10-30", "2050-12-31", None),
    ("The Rocky Mountain High Intensity Drug Trafficking Area wrote in a recent report that the "
     "amount of Colorado pot seized on highways increased from an annual average of 2,763 "
     "pounds between 2005 and 2008 to a yearly average of 3,690 pounds from 2009 to 2013.",
     "2014-12-19", "2,763", "range", "2005-01-01", "2008-12-31", None),
    ("The Rocky Mountain High Intensity Drug Trafficking Area wrote in a recent report that the "
     "amount of Colorado pot seized on highways increased from an annual average of 2,763 "
     "pounds between 2005 and 2008 to a yearly average of 3,690 pounds from 2009 to 2013.",
     "2014-12-19", "3,690", "range", "2009-01-01", "2013-12-31", None),
    ("He raised just over $200,000 for his campaign, while Cantor spent more than $1 million "
     "in April and May alone to try to beat back his challenge.", "2014-06-10", "$1 million",
     "range", "2014-04-01", "2014-05-31", None),
    ("Colorado has raised more than $60 million in taxes, licenses and fees from medical and "
     "recreational marijuana, which has been sold in stores since January.", "2014-12-19",
     "$60 million", "since", "2014-01-01", "2014-12-19", None),
    ("Brewer’s office had received more than 10,000 calls and emails on the matter as of "
     "Monday morning.", "2014-02-24", "10,000", None, None, "2014-02-24", "2014-02-24"),
    ("Hillary and Bill Clinton earned roughly $141 million and paid nearly $44 million in "
     "federal income taxes from 2007 to 2014, according to tax returns released Friday.",
     "2015-07-31", "$141 million", "range", "2007-01-01", "2014-12-31", None),
    ("He repaid his campaign more than $60,000 earlier this year for improper expenses dating "
     "back to 2015, but the FBI began investigation additional charges dating back as far as "
     "2009, according to the San Diego Union-Tribune.", "2018-08-21", "$60,000",
     "year-to-date", "2018-01-01", "2018-08-21", None),
    ("U.S. officials said this week that the Trump administration is making plans to pull all "
     "2,000 troops out of Syria, and Trump later tweeted that “we have defeated ISIS in Syria, "
     "my only reason for being there during the Trump Presidency.”", "2018-12-23", "2,000",
     "week", "2018-12-17", "2018-12-23", None),
    ("The Greek government is attempting to slice 30bn euros (�25.7bn) from its deficit over "
     "the next three years.", "2010-05-05", "30bn euros",
     "future", "2010-05-05", "2013-05-05", None),
    ("\"Some more bandwidth was brought online last night [10 October 2011] bringing us up to "
     "83% of our required capacity.", "2011-10-11", "83%",
     "day", "2011-10-10", "2011-10-10", None),
    ("A group of about 200 communists had stormed the Athens Acropolis yesterday, unfurling "
     "banners reading \"Peoples of Europe, Rise Up.", "2010-05-05", "200",
     "day", "2010-05-04", "2010-05-04", None),
    ("Indian Navy patrolling the Gulf of Aden yesterday thwarted a multi-boat attack by sea "
     "brigands on merchant vessels, apprehending 26 Somali pirates and confiscating arms and "
     "ammunition, in the fifth successful anti-piracy operation since September.", "2008-11-11",
     "26", "day", "2008-11-10", "2008-11-10", None),
    ("Galson, who has been acting surgeon general since October 2007.", "2009-07-13", "2007",
     None, None, None, None),
    # Without a publication date relative expressions keep their kind, absolute ones resolve.
    ("Altogether the TAIEX rose 31.36 points yesterday to close at 6,390.99.", None, "31.36",
     "day", None, None, None),
    ("Daniel Villa posted $7,500 (U.S.) bail yesterday and was fitted for an electronic "
     "monitoring bracelet.", None, "$7,500", "day", None, None, None),
    # "this year" after a forecast's verb is the whole year forecast, not the year so far.
    ("The Bank now expects growth of just 0.9 per cent this year.", "2025-11-07",
     "0.9 per cent", "year", "2025-01-01", "2025-12-31", None),
    ("More than 31,000 have crossed this year.", "2025-11-07", "31,000", "year-to-date",
     "2025-01-01", "2025-11-07", None),
    # A modal just before a weekday tells the next such day; a day of saying stays behind.
    ("South Downs Water said a hosepipe ban would come into force on Friday for 1.4 million "
     "households.", "2026-07-21", "1.4 million", "day", "2026-07-24", "2026-07-24", None),
    ("The firm said on Friday it would cut 1,200 jobs.", "2026-07-21", "1,200", "day",
     "2026-07-17", "2026-07-17", None),
    # Last year "by the same date" is that year up to the report's day, not the whole year.
    ("The figure is well up on last year, when 25,101 people had arrived by the same date.",
     "2024-10-08", "25,101", "year-to-date", "2023-01-01", "2023-10-08", None),
]

# Relative days resolve against each article's own publication date: a weekday in a past-tense
# news sentence is the most recent such day on or before publication. Year-to-date counts
# compared with "the same period" of another year: the comparison's year is not the figure's.
RELATIVE_CASES = [
    # "for January to March", as "in January to March", is the quarter, not January.
    ("Figures put the region's unemployment rate at 8.3 per cent for January to March.",
     "2026-05-15", "8.3 per cent", "range", "2026-01-01", "2026-03-31", None),
    # A quarter whose year is not said is a quarter of no known dates; one whose year is, dated.
    ("The bank made £7.84bn in 2024, with £1.62bn of it earned in the fourth quarter.",
     "2025-02-20", "£1.62bn", "quarter", None, None, None),
    ("Sales rose in the fourth quarter of 2024 by 3%.", "2025-02-20", "3%", "range",
     "2024-10-01", "2024-12-31", None),
    # A retailer's half year counted in weeks.
    ("Revenue rose 5.8% to £1,284.6m in the 26 weeks to Aug. 29, while profit rose.",
     "2026-10-15", "£1,284.6m", "range", "2026-03-01", "2026-08-29", None),
    # "killed by Monday's earthquake" names the day of what acted: the figure's day is its own.
    ("The number of people killed by Monday's earthquake rose to 104 on Friday evening.",
     "2025-10-11", "104", "day", "2025-10-10", "2025-10-10", None),
    # "The end of the year" told of as done is the year-end just past, not the one ahead.
    ("The bank employed 61,785 people at the end of the year, its annual report shows.",
     "2025-02-24", "61,785", None, None, "2024-12-31", "2024-12-31"),
    ("The bank expects to employ 58,000 people at the end of the year.", "2025-02-24",
     "58,000", "future", "2025-02-24", "2025-12-31", None),
    ("The scheme pays 1,200 households until it closes at the end of the year.", "2025-12-10",
     "1,200", "future", "2025-12-10", "2025-12-31", None),
    # A company's guidance for the year in progress looks ahead from the report.
    ("It expects underlying profit of between £320m and £340m in the current year.",
     "2025-04-25", "between £320m and £340m", "future", "2025-04-25", "2026-04-25", None),
    ("Sales this financial year will rise by 4 per cent, the board said.", "2025-04-25",
     "4 per cent", "future", "2025-04-25", "2026-04-25", None),
    ("Home Office figures show 11 boats crossed the Channel on Thursday.", "2024-10-25", "11",
     "day", "2024-10-24", "2024-10-24", None),
    ("Home Office figures show five boats crossed the Channel on Thursday.", "2024-11-01",
     "five", "day", "2024-10-31", "2024-10-31", None),
    ("On Friday, 213 people were confirmed dead.", "2024-11-01", "213",
     "day", "2024-11-01", "2024-11-01", None),
    ("The Home Office said there had been 31,535 arrivals to date, compared with 29,437 for the "
     "same period in 2023.", "2024-11-04", "31,535",
     "year-to-date", "2024-01-01", "2024-11-04", None),
    ("The Home Office said there had been 31,535 arrivals to date, compared with 29,437 for the "
     "same period in 2023.", "2024-11-04", "29,437",
     "year-to-date", "2023-01-01", "2023-11-04", None),
    ("So far 31,535 people have crossed, up on the same period last year.", "2024-11-04",
     "31,535", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("It brings the number of arrivals to date in 2024 to 31,535.", "2024-11-04", "31,535",
     "year-to-date", "2024-01-01", "2024-11-04", None),
    ("By the same stage last year about 28,600 had made the crossing.", "2025-10-20",
     "28,600", "year-to-date", "2024-01-01", "2024-10-20", None),
    ("That is 29% higher than the 28,604 recorded at the same point in 2024.", "2025-10-19",
     "28,604", "year-to-date", "2024-01-01", "2024-10-19", None),
    # "After ..." is a clause of its own: the day in it is its figure's.
    ("More people have crossed so far this year than in the whole of 2024, after 1,072 people "
     "made the journey on Saturday.", "2025-10-19", "1,072", "day", "2025-10-18",
     "2025-10-18", None),
    # "To date" without a comparison says the count is running, not which period it covers.
    ("Police have made 12 arrests to date.", "2024-11-04", "12", None, None, None, None),
]



# Figures whose sentence says when, but about another figure: the nearest figure wins.
NOT_THIS_FIGURE = [
    # A clause opened by "where" tells of the place: its time is its own.
    ("The train was travelling at more than 80mph when it came off the track on the curve, "
     "where engineers had been working on drainage earlier this month.", "2025-09-15",
     "more than 80mph"),
    ("This is 1,225 more than the 4,192 migrants who arrived in Britain in September – the "
     "second-largest month of crossings.", "2024-11-04", "1,225"),
    ("He raised just over $200,000 for his campaign, while Cantor spent more than $1 million "
     "in April and May alone to try to beat back his challenge.", "2014-06-10", "$200,000"),
    # A period the figure is measured against, not in: a record, a change on a year, a
    # comparison right after the figure.
    ("Turnout was 59.7%, the lowest at a general election since 2001.", "2024-07-05", "59.7%"),
    ("The party took 33.7 per cent of the vote, up less than two points on 2019.",
     "2024-07-05", "33.7 per cent"),
    ("Sales reached £4.6bn, compared with last year when the chain was still expanding.",
     "2025-05-14", "£4.6bn"),
    # A later clause's own period ("..., and ... next month"), or another figure's ("X in
    # March and above the Y economists expected").
    ("A poll of 25 economists had forecast a rise to 2.8%, and the reading prompted traders "
     "to scale back bets on a rate cut next month.", "2025-06-18", "2.8%"),
    ("Prices rose 2.9 per cent, up from 2.6 per cent in April and above the 2.8 per cent that "
     "economists had pencilled in.", "2025-06-18", "2.8 per cent"),
    # A year a later stretch between commas gives with a figure of its own is that figure's.
    ("In all, the fire burned 23,800 hectares, according to the agency, dwarfing the previous "
     "record, a blaze in 2019 near Olbia that burned 14,000 hectares.", "2026-07-24",
     "23,800 hectares"),
    # The tally a move is measured on is its baseline ("gaining seven seats on its 2024 tally").
    ("Sinn Féin finished with 46 seats, gaining seven seats on its 2024 tally.", "2029-11-22",
     "seven"),
    # A day that names an event after a preposition dates the event ("Saturday's semifinals").
    ("McDermott now has 2,129 points heading into Saturday's semifinals.", "2013-03-08",
     "2,129"),
    ("More bodies were recovered as the death toll from Saturday night's capsizing rose to 31.",
     "2026-02-09", "31"),
]

# Durations and rates are not periods: no time expression may cover these words.
NOT_PERIODS = [
    ("Addressing Interpol’s general assembly, which is being held in the UK for the first time "
     "in over 50 years, he will say: “The world needs to wake up to the severity of this "
     "challenge.", "2024-11-04", "in over 50 years"),
    ("On the asylum system, which is costing taxpayers £4billion per year, the Government said "
     "it will make it \"more efficient and effective to ensure the rules are properly enforced "
     "by ending hotel use through clearing the asylum backlog\".", "2024-07-17", "per year"),
    ("The announcement of Labour's legislative plans on immigration comes in the same week "
     "estimates showed the population of England and Wales saw the biggest annual increase in "
     "75 years, growing in the year to mid-2023 by almost 610,000 to 60.9 million.",
     "2024-07-17", "annual increase in 75 years"),
    ("It would also cap the number of Central American minors who are allowed to apply for "
     "asylum each year at 50,000 and limit the number of asylum applications that could be "
     "granted per year to 15,000.", "2019-01-22", "each year at 50,000"),
    ("Vincent Gigante, who died yesterday in federal prison at 77, was the Genovese crime family "
     "boss who for three decades feigned lunacy to evade prosecution.", "2005-12-20",
     "for three decades"),
    ("“We’ve already trained sniffer dogs to detect the smell of dinghy rubber and placed them "
     "at the crossing between Bulgaria and Turkey to stop more than 100 small boats upstream, "
     "long before they made it to the Channel.", "2024-11-04", "more than 100"),
    ("Bernard Gray, the Ministry of Defence’s chief of defence materiel, said it may take until "
     "2015 to fix.", None, "may"),
    ("The story has since been removed.", "2010-05-18", "since"),
    ("The new design is friendly, since the power supply doesn't have to be replaced so often.",
     "2012-03-01", "since"),
]

# Known misses: strict xfail, so a fix is noticed.
KNOWN_MISSES = [
    pytest.param(
        "The most recent projections, issued last month, indicate that the trust funds will be "
        "exhausted by 2036, and that $6.5 trillion in additional money will be needed over a "
        "75-year period to pay all scheduled benefits.", "2011-06-17", "$6.5 trillion",
        None, None, None, None,
        marks=pytest.mark.xfail(strict=True, reason="a clause without its own time falls back "
                                "to the nearest expression, here another clause's deadline")),
    pytest.param(
        "Yida is a camp of about 20,000 refugees from the Nuba mountains region of South "
        "Kordofan, a state north of the border where rebels have been fighting Sudan's army "
        "since June.", "2011-11-10", "20,000", None, None, None, None,
        marks=pytest.mark.xfail(strict=True, reason="a relative clause's time expression is "
                                "taken for the noun phrase it describes")),
]

# --- the time expressions themselves (published 2024-11-04, a Monday) --------------------------
PUB = D("2024-11-04")
# (phrase, kind, start, end, as_of)
PHRASES = [
    ("this year", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("so far this year", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("in total this year", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("this year to date", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("year to date", "year-to-date", "2024-01-01", "2024-11-04", None),
    ("in 2023", "year", "2023-01-01", "2023-12-31", None),
    ("during 2023", "year", "2023-01-01", "2023-12-31", None),
    ("for 2023", "year", "2023-01-01", "2023-12-31", None),
    ("last year", "year", "2023-01-01", "2023-12-31", None),
    ("2023/24", "range", "2023-01-01", "2024-12-31", None),
    ("2023-24", "range", "2023-01-01", "2024-12-31", None),
    ("1999/00", "range", "1999-01-01", "2000-12-31", None),
    ("in October", "month", "2024-10-01", "2024-10-31", None),
    ("in November", "month", "2024-11-01", "2024-11-30", None),
    ("in December", "month", "2023-12-01", "2023-12-31", None),
    ("last month", "month", "2024-10-01", "2024-10-31", None),
    ("October 2023", "month", "2023-10-01", "2023-10-31", None),
    ("in December last year", "month", "2023-12-01", "2023-12-31", None),
    ("next March", "month", "2025-03-01", "2025-03-31", None),
    ("last week", "week", "2024-10-28", "2024-11-03", None),
    ("this week", "week", "2024-11-04", "2024-11-10", None),
    ("yesterday", "day", "2024-11-03", "2024-11-03", None),
    ("on Tuesday", "day", "2024-10-29", "2024-10-29", None),
    ("on Friday", "day", "2024-11-01", "2024-11-01", None),
    ("on Monday", "day", "2024-11-04", "2024-11-04", None),
    ("last Monday", "day", "2024-10-28", "2024-10-28", None),
    ("on 26 October", "day", "2024-10-26", "2024-10-26", None),
    ("on 5 December", "day", "2023-12-05", "2023-12-05", None),
    ("on the 26th of October", "day", "2024-10-26", "2024-10-26", None),
    ("on Saturday, 8 October 2011", "day", "2011-10-08", "2011-10-08", None),
    ("on 2024-11-02", "day", "2024-11-02", "2024-11-02", None),
    ("as of November 2", None, None, "2024-11-02", "2024-11-02"),
    ("as at 2 November", None, None, "2024-11-02", "2024-11-02"),
    ("by 1 November", None, None, "2024-11-01", "2024-11-01"),
    ("up to 26 October", None, None, "2024-10-26", "2024-10-26"),
    ("at the end of October", None, None, "2024-10-31", "2024-10-31"),
    ("as of November 2, 2024", None, None, "2024-11-02", "2024-11-02"),
    ("since 5 July", "since", "2024-07-05", "2024-11-04", None),
    ("since July", "since", "2024-07-01", "2024-11-04", None),
    ("since January", "since", "2024-01-01", "2024-11-04", None),
    ("since 2018", "since", "2018-01-01", "2024-11-04", None),
    ("since the election", "since", None, "2024-11-04", None),
    ("over the next two years", "future", "2024-11-04", "2026-11-04", None),
    ("in the next five years", "future", "2024-11-04", "2029-11-04", None),
    ("over the coming months", "future", "2024-11-04", None, None),
    ("by 2030", "future", "2024-11-04", "2030-12-31", None),
    ("by the end of the year", "future", "2024-11-04", "2024-12-31", None),
    ("next year", "future", "2025-01-01", "2025-12-31", None),
    ("in the year to mid-2023", "range", "2022-07-01", "2023-06-30", None),
    ("in the 12 months to June", "range", "2023-07-01", "2024-06-30", None),
    ("in the year to March 2024", "range", "2023-04-01", "2024-03-31", None),
    ("in the past 12 months", "range", "2023-11-05", "2024-11-04", None),
    # A count over the last few days, "nearly 900 in two days".
    ("in two days", "range", "2024-11-03", "2024-11-04", None),
    ("over three weeks", "range", "2024-10-15", "2024-11-04", None),
    # A week that ends on a named day (the report is dated Monday 4 November 2024).
    ("in the week to Saturday", "range", "2024-10-27", "2024-11-02", None),
    ("in the seven days to 1 November", "range", "2024-10-26", "2024-11-01", None),
    ("between 2019 and 2021", "range", "2019-01-01", "2021-12-31", None),
    ("from 2010 to 2020", "range", "2010-01-01", "2020-12-31", None),
    ("between January and March", "range", "2024-01-01", "2024-03-31", None),
    ("in the third quarter of 2023", "range", "2023-07-01", "2023-09-30", None),
    ("in the 1990s", "range", "1990-01-01", "1999-12-31", None),
]

NOT_A_TIME = ["in over 50 years", "for five decades", "per year", "a year", "annual",
              "The shop will reopen in two days", "a repair in a day", "in two days' time",
              "a 1920 x 1200 resolution",
              "It may rise further.", "Theresa May said", "on February 30", "up to 2000 troops",
              "2,023 people", "at 2 o'clock", "the G7 summit", "9/11"]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _case_id(case: tuple) -> str:
    return f"{case[2]} | {case[0][:40]}"


def _figure_span(sentence: str, figure: str) -> tuple[int, int]:
    start = sentence.index(figure)
    return start, start + len(figure)


def _check(sentence, published, figure, kind, start, end, as_of):  # noqa: ANN001
    pub = D(published) if published else None
    p = period_for(sentence, _figure_span(sentence, figure), pub)
    got = (p.kind, _iso(p.start), _iso(p.end), _iso(p.as_of)) if p else (None,) * 4
    assert got == (kind, start, end, as_of)


@pytest.mark.parametrize("sentence,published,figure,kind,start,end,as_of", SEED_CASES,
                         ids=[_case_id(c) for c in SEED_CASES])
def test_seed_sentences(sentence, published, figure, kind, start, end, as_of):
    _check(sentence, published, figure, kind, start, end, as_of)


@pytest.mark.parametrize("sentence,published,figure,kind,start,end,as_of", RELATIVE_CASES,
                         ids=[_case_id(c) for c in RELATIVE_CASES])
def test_relative_to_each_article(sentence, published, figure, kind, start, end, as_of):
    _check(sentence, published, figure, kind, start, end, as_of)


@pytest.mark.parametrize("sentence,published,figure,kind,start,end,as_of", CORPUS_CASES,
                         ids=[_case_id(c) for c in CORPUS_CASES])
def test_corpus_sentences(sentence, published, figure, kind, start, end, as_of):
    _check(sentence, published, figure, kind, start, end, as_of)


@pytest.mark.parametrize("sentence,published,figure,kind,start,end,as_of", KNOWN_MISSES)
def test_known_misses(sentence, published, figure, kind, start, end, as_of):
    _check(sentence, published, figure, kind, start, end, as_of)


@pytest.mark.parametrize("sentence,published,figure", NOT_THIS_FIGURE,
                         ids=[_case_id(c) for c in NOT_THIS_FIGURE])
def test_period_of_another_figure_is_not_taken(sentence, published, figure):
    assert period_for(sentence, _figure_span(sentence, figure), D(published)) is None


@pytest.mark.parametrize("sentence,published,words", NOT_PERIODS,
                         ids=[c[2] for c in NOT_PERIODS])
def test_durations_and_rates_are_not_periods(sentence, published, words):
    lo, hi = _figure_span(sentence, words)
    pub = D(published) if published else None
    assert [p.text for p in find_periods(sentence, pub)
            if p.span[0] < hi and lo < p.span[1]] == []


@pytest.mark.parametrize("phrase,kind,start,end,as_of", PHRASES, ids=[c[0] for c in PHRASES])
def test_phrase(phrase, kind, start, end, as_of):
    sentence = f"The figure was 123 {phrase}."
    (p,) = find_periods(sentence, PUB)
    assert (p.kind, _iso(p.start), _iso(p.end), _iso(p.as_of)) == (kind, start, end, as_of)
    assert sentence[p.span[0]:p.span[1]] == p.text == phrase


@pytest.mark.parametrize("text", NOT_A_TIME)
def test_not_a_time(text):
    assert find_periods(text, PUB) == []


@pytest.mark.parametrize("phrase,kind", [
    ("this year", "year-to-date"), ("last month", "month"), ("in October", "month"),
    ("on Friday", "day"), ("on 26 October", "day"), ("since July", "since"),
    ("over the next two years", "future")])
def test_relative_without_publication_date_keeps_kind_only(phrase, kind):
    (p,) = find_periods(f"123 {phrase}", None)
    assert (p.kind, p.start, p.end) == (kind, None, None)


@pytest.mark.parametrize("phrase,start,end", [
    ("in 2023", "2023-01-01", "2023-12-31"), ("October 2023", "2023-10-01", "2023-10-31"),
    ("on 2 November 2024", "2024-11-02", "2024-11-02"),
    ("between 2019 and 2021", "2019-01-01", "2021-12-31")])
def test_absolute_without_publication_date_resolves(phrase, start, end):
    (p,) = find_periods(f"123 {phrase}", None)
    assert (_iso(p.start), _iso(p.end)) == (start, end)


def test_stated_date_places_this_year_without_publication_date():
    s = "As of 2 November 2024, more than 31,000 have crossed this year."
    p = period_for(s, _figure_span(s, "31,000"), None)
    assert (p.kind, _iso(p.start), _iso(p.end)) == ("year-to-date", "2024-01-01", "2024-11-02")


def test_as_of_ends_a_stated_year():
    s = "By 1 November, 30,661 people had crossed in 2024."
    p = period_for(s, _figure_span(s, "30,661"), PUB)
    assert (p.kind, _iso(p.start), _iso(p.end), _iso(p.as_of)) == (
        "year-to-date", "2024-01-01", "2024-11-01", "2024-11-01")


def test_same_clause_wins_over_nearer_expression():
    s = "In 2023, 29,437 people crossed; this year 31,094 have."
    assert period_for(s, _figure_span(s, "29,437"), PUB).kind == "year"
    assert period_for(s, _figure_span(s, "31,094"), PUB).kind == "year-to-date"


def test_publication_date_may_be_datetime_or_text():
    s = "31,000 have crossed this year."
    for pub in (dt.datetime(2024, 11, 4, 9, 30), "2024-11-04"):
        assert period_for(s, (0, 6), pub).end == PUB  # type: ignore[arg-type]


def test_parse_day_uses_publication_date_not_now():
    assert parse_day("5 December", D("2024-11-04")) == D("2023-12-05")
    assert parse_day("5 December", D("2025-01-10")) == D("2024-12-05")
    assert DATEPARSER_SETTINGS["TIMEZONE"] == "UTC"
    assert DATEPARSER_SETTINGS["PREFER_DATES_FROM"] == "past"


@pytest.mark.parametrize("published", [PUB, None, D("2024-02-29"), D("0001-01-01"),
                                       D("9999-12-31")])
def test_never_raises(published):
    rng = random.Random(7)
    words = ("since by as of until the end of in on last this next year month week 2023 "
             "2024/25 1999-00 May Friday February 30 31 29 June 12 months to mid- Q3 H3 between "
             "and from 9/11 , . ; — ( ) yesterday over the next two decades past few 0 3000 "
             "1800-2099 ever has 2024-02-30 Feb. 29th").split()
    for _ in range(2000):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        assert isinstance(find_periods(s, published), list)
        p = period_for(s, (0, rng.randint(0, len(s))), published)
        assert p is None or isinstance(p, Period)
    assert period_for(None, (0, 1), PUB) is None  # type: ignore[arg-type]
    assert period_for("in 2023", None, PUB) is None  # type: ignore[arg-type]


def _corpus_sentences():  # noqa: ANN202
    """(sentence, publication date) for every sentence of the shared corpora."""
    for name in ("basil_all.jsonl", "newswcl50_all.jsonl", "ecbplus_all.jsonl"):
        with open(shared_path("corpora", name), encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                try:
                    pub = D(record.get("date") or "")
                except ValueError:
                    pub = None
                for sentence in re.split(r"(?<=[.!?])\s+|\n", record.get("text") or ""):
                    if sentence:
                        yield sentence, pub


def test_corpora_resolve_without_internal_errors():
    """Every expression the pattern finds in the corpora resolves without an exception."""
    for sentence, pub in _corpus_sentences():
        for m in dates._PATTERN.finditer(sentence):
            for published in (pub, None):
                dates._resolve(m, sentence, published)  # raises here, not swallowed


def test_gate_keeps_every_word_start_match():
    """The fast gate in front of the pattern drops no match that starts at a word."""
    ungated = re.compile(rf"(?<!\w)(?=\w)(?:{dates._ALTERNATIVES})", re.IGNORECASE)
    for i, (sentence, _) in enumerate(_corpus_sentences()):
        if i % 3:
            continue  # a third of the corpora is plenty and keeps the test quick
        assert ([m.span() for m in dates._PATTERN.finditer(sentence)]
                == [m.span() for m in ungated.finditer(sentence)]), sentence


@pytest.mark.parametrize("sentence,published,figure,kind,start,end", [
    ("A year ago the rate stood at 4.6 per cent.", "2024-11-20", "4.6",
     "day", "2023-11-20", "2023-11-20"),
    ("Underlying profit before tax rose to £308 million in the year to 1 March.", "2025-05-14",
     "£308", "range", "2024-04-01", "2025-03-31"),
    ("The group reported pre-tax profit of £212m for the 52 weeks to 1 March.", "2025-05-14",
     "£212m", "range", "2024-04-01", "2025-03-31"),
])
def test_points_and_years_ending_on_a_day(sentence, published, figure, kind, start, end):
    p = period_for(sentence, _figure_span(sentence, figure), D(published))
    assert (p.kind, str(p.start), str(p.end)) == (kind, start, end)


def test_an_as_of_date_in_another_statement_does_not_date_the_figure():
    """"By Monday night eight had died, and officials said this morning that the toll had
    risen to 12": the 12 holds this morning, the eight on Monday night."""
    s = ("By Monday night eight people had been confirmed dead, and officials said this "
         "morning that the toll had risen to 12.")
    later = period_for(s, _figure_span(s, "12"), D("2026-05-13"))
    earlier = period_for(s, _figure_span(s, "eight"), D("2026-05-13"))
    assert (later.kind, str(later.start)) == ("day", "2026-05-13")
    assert str(earlier.as_of) == "2026-05-11"


def test_a_span_after_the_figures_date_is_the_reports():
    """"said in a report in March that £2.1bn had been spent by the end of December": the
    figure holds as of December; March is when the report said so."""
    s = ("The watchdog said in a report in March that £2.1bn had been spent by the end of "
         "December 2025.")
    p = period_for(s, _figure_span(s, "£2.1bn"), D("2026-06-17"))
    assert (p.kind, str(p.as_of)) == (None, "2025-12-31")


@pytest.mark.parametrize("sentence,published,figure,kind,start,end", [
    # A rolling quarter named by its months.
    ("Vacancies fell by 14,000 to 781,000 in the December-to-February period, the 44th "
     "consecutive fall.", "2026-03-17", "781,000", "range", "2025-12-01", "2026-02-28"),
    # The time a figure is compared with ("than a year earlier") is not its own.
    ("Average weekly earnings excluding bonuses were 4.8% higher than a year earlier in the "
     "three months to January, the ONS said.", "2026-03-17", "4.8%", "range", "2025-11-01",
     "2026-01-31"),
])
def test_periods_named_by_months_and_compared_with(sentence, published, figure, kind, start,
                                                   end):
    p = period_for(sentence, _figure_span(sentence, figure), D(published))
    assert (p.kind, str(p.start), str(p.end)) == (kind, start, end)


def test_a_period_after_a_dash_and_but_is_another_statements():
    """"grew by more than 5 per cent in the year — but that is well down on the rises seen in
    2024": 2024 is the earlier rises' year, not the figure's."""
    s = ("Regular wages grew by more than 5 per cent in the year — but that is well down on the "
         "bumper rises seen in 2024.")
    assert period_for(s, _figure_span(s, "more than 5 per cent"), D("2026-03-19")) is None

