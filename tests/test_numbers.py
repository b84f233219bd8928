"""The number parser on sentences as news writes them (seeds, corpora, common forms)."""

from __future__ import annotations

import math
import time

import pytest

from factcheck.numbers import find_quantities, parse_number

INF = None  # an unbounded side

# (sentence, expected span text, value, low, high, bound, unit)
POSITIVES = [
    # "revised ... up to" is where the figure moved (its object between); "for up to" a bound.
    ("The office revised the rate for October to December up to 5.1 per cent.", "5.1 per cent",
     5.1, 5.1, 5.1, "exact", "percent"),
    ("It raised money for up to 500 families.", "up to 500", 500, INF, 500, "upper", None),
    ("The 13- and 15-inch portables run up to 2.7GHz quad Core i7s.", "up to 2.7GHz", 2.7,
     INF, 2.7, "upper", "GHz"),
    # A figure grouped in thousands after a place word is no label ("Region 5").
    ("Across the region 58,000 people have been left homeless.", "58,000", 58000, 58000, 58000,
     "exact", None),
    ("He will unveil a £150million funding pot to tackle organised immigration crime.",
     "£150million", 150e6, 150e6, 150e6, "exact", "GBP"),
    ("In total this year, 31,094 people in 595 boats have made the crossing successfully.",
     "31,094", 31094, 31094, 31094, "exact", None),
    ("As of November 2, more than 31,000 have crossed this year.",
     "more than 31,000", 31000, 31000, INF, "lower", None),
    ("Almost 100,000 migrants crossed the Western Balkans last year.",
     "Almost 100,000", 1e5, INF, 1e5, "upper", None),
    ("for the first time in over 50 years", "over 50", 50, 50, INF, "lower", None),
    # A range in brackets after a common noun is still a range (not a team's record).
    ("Most applicants (18-30) were graduates.", "18-30", 18, 18, 30, "range", None),
    ("Ofgem hiked its price cap by a tenth in October.", "a tenth", 0.1, 0.1, 0.1, "exact",
     None),
    # A count that has gone past a mark is more than it.
    ("The death toll has soared past 300, officials said.", "soared past 300", 300, 300, INF,
     "lower", None),
    ("He walked past 300 homes on the way.", "300", 300, 300, 300, "exact", None),
    # "revised up to": where a figure moved, not a ceiling.
    ("The first estimate of 79,800 was revised up to 81,000.", "81,000", 81000, 81000, 81000,
     "exact", None),
    # A conversion in brackets keeps the hedge of the figure it restates.
    ("Yida is less than 25 km (15 miles) from the border.", "15 miles", 15, INF, 15, "upper",
     "mile"),
    ("The fire has burnt more than 10,000 hectares (25,000 acres) since Sunday.",
     "25,000 acres", 25000, 25000, INF, "lower", "acre"),
    # "An 8-to 12-week-old fetus": a range written with its hyphen joined to "to".
    ("Her 8-to 12-week-old fetus died.", "8-to 12", 8, 8, 12, "range", None),
    # A headline's verb for a toll that has passed a mark: more than it, not it.
    ("Flood death toll tops 200 as rescuers search for the missing.", "tops 200", 200, 200,
     INF, "lower", None),
    ("An estimated 462,000 people emigrated from England and Wales.",
     "An estimated 462,000", 462000, 462000 * 0.9, 462000 * 1.1, "approx", None),
    ("the asylum system, which is costing taxpayers £4billion per year",
     "£4billion per year", 4e9, 4e9, 4e9, "exact", "GBP"),
    ("the minimum wage rises to £11.44 an hour", "£11.44 an hour", 11.44, 11.44, 11.44, "exact",
     "GBP"),
    ("between 10 and 20 boats", "between 10 and 20", 10, 10, 20, "range", None),
    ("a bill of £1.5bn-£2bn", "£1.5bn-£2bn", 1.5e9, 1.5e9, 2e9, "range", "GBP"),
    ("a cost of 1.5-2bn dollars", "1.5-2bn dollars", 1.5e9, 1.5e9, 2e9, "range", "USD"),
    ("Sir Keir Starmer will allow tens of thousands of Channel migrants to claim asylum",
     "tens of thousands", 1e4, 1e4, 1e5, "range", None),
    ("at least $160 million", "at least $160 million", 160e6, 160e6, INF, "lower", "USD"),
    ("as many as 1.5 million women", "as many as 1.5 million", 1.5e6, INF, 1.5e6, "upper", None),
    ("unemployment rose by 1.2 percentage points", "1.2 percentage points", 1.2, 1.2, 1.2,
     "exact", "percentage_point"),
    ("inflation fell to 12 per cent", "12 per cent", 12, 12, 12, "exact", "percent"),
    ("a deal worth US$160 million", "US$160 million", 160e6, 160e6, 160e6, "exact", "USD"),
    ("€3.5 billion (~$3.8 billion)", "€3.5 billion", 3.5e9, 3.5e9, 3.5e9, "exact", "EUR"),
    ("growing by almost 610,000 to 60.9 million", "60.9 million", 60.9e6, 60.9e6, 60.9e6, "exact",
     None),
    ("The 6.1-magnitude quake struck Qeshm island", "6.1-magnitude", 6.1, 6.1, 6.1, "exact",
     "magnitude"),
    ("which originally had rated the quake as 4.4 in magnitude", "4.4 in magnitude", 4.4, 4.4,
     4.4, "exact", "magnitude"),
    ("the fire destroyed 5,000 hectares of forest", "5,000 hectares", 5000, 5000, 5000, "exact",
     "hectare"),
    ("one hundred and twenty people were evacuated", "one hundred and twenty", 120, 120, 120,
     "exact", None),
    ("half a million people", "half a million", 5e5, 5e5, 5e5, "exact", None),
    ("paying France nearly half a billion pounds", "nearly half a billion pounds", 5e8, None,
     5e8, "upper", "GBP"),
    ("up to 1.6 million women", "up to 1.6 million", 1.6e6, INF, 1.6e6, "upper", None),
    # One unit, hedged, is a figure; "a week" alone is not.
    ("after suffering a heart attack more than a week ago", "more than a week", 1, 1, INF,
     "lower", "week"),
    ("caused downtime of around an hour on Tuesday", "around an hour", 1, 0.9, 1.1, "approx",
     "hour"),
    # "Go up to" says where a figure moved, not a bound.
    ("contributions paid by employers will go up to 15 per cent", "15 per cent", 15, 15, 15,
     "exact", "percent"),
    ("a 50p levy", "50p", 0.5, 0.5, 0.5, "exact", "GBP"),
    ("420 million Finnish markka", "420 million Finnish markka", 420e6, 420e6, 420e6, "exact",
     "FIM"),
    ("inflation of minus 0.5% in May", "minus 0.5%", -0.5, -0.5, -0.5, "exact", "percent"),
    ("above minus 5 percent", "above minus 5 percent", -5, -5, INF, "lower", "percent"),
    ("a low of −3°C overnight", "−3°C", -3, -3, -3, "exact", "degree_celsius"),
    ("Am I eligible for a loan of 35 lakh rupees", "35 lakh rupees", 3.5e6, 3.5e6, 3.5e6, "exact",
     "INR"),
    ("losses in excess of 30 MUSD were reported", "in excess of 30 MUSD", 30e6, 30e6, INF,
     "lower", "USD"),
    ("more than 10 1/2 miles of cable", "more than 10 1/2 miles", 10.5, 10.5, INF, "lower",
     "mile"),
    ("I'm 1.8m tall.", "1.8m", 1.8, 1.8, 1.8, "exact", "m"),
    ("widening by 12 basis points on a year earlier", "12 basis points", 0.12, 0.12, 0.12,
     "exact", "percentage_point"),
    # A river's level in metres; a count in millions before its plural noun.
    ("The Oder swelled to a record 8.75m on Sunday.", "8.75m", 8.75, 8.75, 8.75, "exact", "m"),
    ("The water company has 1.5m customers.", "1.5m", 1.5e6, 1.5e6, 1.5e6, "exact", None),
    ("It cost 1.8M dollars.", "1.8M dollars", 1.8e6, 1.8e6, 1.8e6, "exact", "USD"),
    ("two dozen people were hurt", "two dozen", 24, 24, 24, "exact", None),
    ("Mr Bowder said the C $ 300 million charge would hit earnings",
     "C $ 300 million", 300e6, 300e6, 300e6, "exact", "CAD"),
    ("exports fell 19% to HK $ 10.05 billion", "HK $ 10.05 billion", 10.05e9, 10.05e9, 10.05e9,
     "exact", "HKD"),
    ("the state will spend Rs 500 crore on roads", "Rs 500 crore", 5e9, 5e9, 5e9, "exact", "INR"),
    ("Net sales rose to MSEK 1,234 in the quarter", "MSEK 1,234", 1.234e9, 1.234e9, 1.234e9,
     "exact", "SEK"),
    ("The price starts at dollar 22.5 million.", "dollar 22.5 million", 22.5e6, 22.5e6, 22.5e6,
     "exact", "USD"),
    ("a loan of 100,000 ரூ from the bank", "100,000 ரூ", 1e5, 1e5, 1e5, "exact", "LKR"),
    # Ranges with the unit at both ends, suspended hyphens, and temperatures as news writes them.
    ("projections that currently are in the range of 2 percent to 3 percent.",
     "2 percent to 3 percent", 2, 2, 3, "range", "percent"),
    ("the governor said 40 percent to 70 percent of the buildings in seven villages",
     "40 percent to 70 percent", 40, 40, 70, "range", "percent"),
    ("officers who are armed take a 40- to 60-hour training course", "40- to 60", 40, 40, 60,
     "range", None),
    ("a 5-10kg bag of rice", "5-10kg", 5, 5, 10, "range", "kg"),
    ("Temperatures hit 30C on Monday, the hottest day of the year.", "30C", 30, 30, 30,
     "exact", "degree_celsius"),
    ("Forecasters expect highs of 25-30C across the south.", "25-30C", 25, 25, 30, "range",
     "degree_celsius"),
    # A reading to a tenth of a degree, or a hedged one, is a temperature whatever the words
    # around it (no code is written so).
    ("It reached 40.7C, the Met Office said.", "40.7C", 40.7, 40.7, 40.7, "exact",
     "degree_celsius"),
    ("The previous record of 40.3C set at Coningsby stood for four years.", "40.3C", 40.3,
     40.3, 40.3, "exact", "degree_celsius"),
    ("It hit nearly 41C in Suffolk.", "nearly 41C", 41, None, 41, "upper", "degree_celsius"),
    ("Overnight temperatures fell to -18 °C in the capital.", "-18 °C", -18, -18, -18, "exact",
     "degree_celsius"),
    ("The economy shrank, with growth of -0.5% in the quarter.", "-0.5%", -0.5, -0.5, -0.5,
     "exact", "percent"),
    ("Italy's GDP is $2.174T.", "$2.174T", 2.174e12, 2.174e12, 2.174e12, "exact", "USD"),
    ("The chancellor's £1.2trn spending plans were announced.", "£1.2trn", 1.2e12, 1.2e12,
     1.2e12, "exact", "GBP"),
    ("the state will spend Rs 2.5 lakh crore on roads", "Rs 2.5 lakh crore", 2.5e12, 2.5e12,
     2.5e12, "exact", "INR"),
    ("He was offered an $80,000-a-year job.", "$80,000-a-year", 8e4, 8e4, 8e4, "exact", "USD"),
    ("Brent crude rose to $80 a barrel.", "$80 a barrel", 80, 80, 80, "exact", "USD"),
    ("A quarter of a million people were displaced.", "A quarter of a million", 2.5e5, 2.5e5,
     2.5e5, "exact", None),
    # Vague amounts and halves.
    ("Several hundred supporters gathered outside the court.", "Several hundred", 200, 200,
     1000, "range", None),
    ("a few thousand people marched", "a few thousand", 2000, 2000, 10000, "range", None),
    ("He was jailed for four and a half years.", "four and a half", 4.5, 4.5, 4.5, "exact",
     None),
    ("three and a half million people voted", "three and a half million", 3.5e6, 3.5e6, 3.5e6,
     "exact", None),
    ("a 12-cent-a-share dividend", "12-cent-a-share", 0.12, 0.12, 0.12, "exact", "USD"),
    ("Fujitsu withdrew its one-yen bid", "one-yen", 1, 1, 1, "exact", "JPY"),
    ("its shares slid to close one penny lower", "one penny", 0.01, 0.01, 0.01, "exact", "GBP"),
    ("it only cost thirteen dollars and forty-five cents",
     "thirteen dollars and forty-five cents", 13.45, 13.45, 13.45, "exact", "USD"),
    ("the subscription will rise to 17 USD 25.", "17 USD 25", 17.25, 17.25, 17.25, "exact", "USD"),
    ("a 1/4 mile paved oval", "1/4 mile", 0.25, 0.25, 0.25, "exact", "mile"),
    ("add ½ teaspoon baking powder", "½ teaspoon", 0.5, 0.5, 0.5, "exact", "teaspoon"),
    ("the drought lasted 2½ years", "2½", 2.5, 2.5, 2.5, "exact", None),
    ("The weight is 20 (kg)", "20 (kg)", 20, 20, 20, "exact", "kg"),
    ("a dose of 150 micrograms", "150 micrograms", 150, 150, 150, "exact", "microgram"),
    ("officers seized 10 pounds of cocaine", "10 pounds", 10, 10, 10, "exact", "lb"),
    ("the baby is over two pounds", "over two pounds", 2, 2, INF, "lower", "lb"),
    ("a 40t lorry overturned", "40t", 40, 40, 40, "exact", "tonne"),
    ("a 3 m by 4 m room", "4 m", 4, 4, 4, "exact", "m"),
    ("the 16-bit 8088 chip", "16-bit", 16, 16, 16, "exact", "bit"),
    ("at 10km/hr", "10km/hr", 10, 10, 10, "exact", "km/h"),
    ("per cent of twenty-two", "per cent of twenty-two", 22, 22, 22, "exact", "percent"),
    # Forms read by their own small patterns (corpora sentences).
    ("served 41 / 2 months in federal prison", "41 / 2", 4.5, 4.5, 4.5, "exact", None),
    ("a 4-1 / 2-month prison term", "4-1 / 2", 4.5, 4.5, 4.5, "exact", None),
    ("went back to prison for 2-1/2 years", "2-1/2", 2.5, 2.5, 2.5, "exact", None),
    ("The victim, who was in her 60s", "60s", 60, 60, 69, "range", None),
    ("the suspect is a white male in his early 50s", "early 50s", 50, 50, 53, "range", None),
    ("bemoaned Capaldi's age-55", "age-55", 55, 55, 55, "exact", None),
    ("She won by a 134-to-63 vote.", "63", 63, 63, 63, "exact", None),
    ("Page married twice", "twice", 2, 2, 2, "exact", None),
    ("She had moved about a mile and a half away", "about a mile and a half", 1.5, 1.35, 1.65,
     "approx", "mile"),
    ("who lived half a mile away in South Ozone Park", "half a mile", 0.5, 0.5, 0.5, "exact",
     "mile"),
    ("After nearly a quarter-century of public craziness", "nearly a quarter-century", 25, INF,
     25, "upper", "year"),
    ("falling about 60m from a ridge", "about 60m", 60, 54, 66, "approx", "m"),
    ("fell about 200m down a steep icy gully", "about 200m", 200, 180, 220, "approx", "m"),
    ("Orozco is 5-foot-8,135 pounds", "135 pounds", 135, 135, 135, "exact", "lb"),
    ("one in every 500 Windows users had been exposed", "one in every 500", 0.002, 0.002, 0.002,
     "exact", None),
    ("said it was a magnitude-6.1 temblor", "magnitude-6.1", 6.1, 6.1, 6.1, "exact", "magnitude"),
    ("a $5-million pool of USDA money", "$5-million", 5e6, 5e6, 5e6, "exact", "USD"),
]

# "pounds" stays money where money is the subject, even next to a weighing word.
MONEY_NOT_WEIGHT = [
    "the tonnes of aid cost 5 million pounds",
    "the lost revenue of 20 pounds",
    "raised 10 pounds of funding",
]

# Sentences that must give no quantity at all.
NEGATIVES = [
    "The festival lasted a week and drew crowds from the towns nearby.",

    "In 2023, Keir Starmer met the G7 on November 2 at 10:30.",
    "The COP26 summit and the MI5 review were on 2 November 2024.",
    "Call 020 7946 0958 or visit https://example.com/page/3 before 7.30pm.",
    "He lives at 10 Downing Street and was born in the 1990s.",
    "The 2023/24 season ended in the 21st century's first decade.",
    "The A-3 road reopened; see page 3.",
    "Room 12C and Seat 14F were empty.",
    "Region 5 and area 12 were cut off.",
    "Protesters poured into the streets for a third straight night.",
    "Several 2020 presidential candidates tweeted about it in July 2016.",
    "The sums are given in 2006 dollars, and the patch is for Windows 2000 users.",
    "He may run as a third-party candidate; she won an eighth term.",
    "A 5T truck blocked the road.",
    "The final score was 3 -1.",
    "They won 3-1 at home.",
    "The Jaguars (5-10) opened the scoring in the first quarter.",  # a team's record
    "The Colts (11-4) won their eighth straight game.",
    "She finished by a sixth-place run in the final.",  # an ordinal, not a fraction
    "seized 14 AK 47 Rifles",  # the 14 is a claim; checked below
][:-1]


@pytest.mark.parametrize("sentence,text,value,low,high,bound,unit", POSITIVES,
                         ids=[p[1] for p in POSITIVES])
def test_reads_figure(sentence, text, value, low, high, bound, unit):
    found = {q.text: q for q in find_quantities(sentence)}
    assert text in found, f"found {list(found)}"
    q = found[text]
    assert sentence[q.start:q.end] == q.text
    assert q.value == pytest.approx(value)
    for got, want in ((q.low, low), (q.high, high)):
        assert (got is None) if want is None else got == pytest.approx(want)
    assert q.bound == bound
    assert q.unit == unit


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_false_claims(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize("sentence", MONEY_NOT_WEIGHT)
def test_pounds_stay_money(sentence):
    assert [q.unit for q in find_quantities(sentence)] == ["GBP"]


@pytest.mark.parametrize("sentence", [
    "20 per cent of 10 schools", "the percent of 10 schools", "it was 3/4 done", "on 1/4/2023",
    "the World Cup final"])
def test_no_percent_or_fraction_out_of_thin_air(sentence):
    assert all(q.unit not in ("percent", "cup") or q.text.startswith("20")
               for q in find_quantities(sentence))
    assert all(q.value not in (0.75, 0.25) for q in find_quantities(sentence))


@pytest.mark.parametrize("sentence,values", [
    ("This is 1,225 more than the 4,192 migrants", [1225, 4192]),  # a comparison, no hedge
    ("There will be 300 more staff", [300]),
    ("the Nationals (eight years, $160 million)", [8, 160e6]),
    ("seized 14 AK 47 Rifles", [14]),
    # A party's initials before its tally are no model code.
    ("the final count gives the LNP 33 seats", [33]),
    # A revision from one figure to another is two figures, not a range.
    ("upgrading it from a preliminary 6.8 to 7.0 after analysing readings", [6.8, 7.0]),
    ("a two-in-three chance", [2 / 3]),
])
def test_values_in_order(sentence, values):
    assert [q.value for q in find_quantities(sentence)] == pytest.approx(values)


@pytest.mark.parametrize("sentence,kind,value", [
    ("doubling the total funding", "multiplier", 2),
    ("three times as many arrivals", "multiplier", 3),
    ("Twice as many people died as in the previous storm.", "multiplier", 2),
    ("payroll taxes cut by nearly a third for the coming year", "fraction", 1 / 3),
    ("a server rack that is about a sixth of the usual size", "fraction", 1 / 6),
    ("at a depth of two-tenths of a mile", "fraction", 0.2),
    ("He ran five and a quarter miles.", "cardinal", 5.25),
    ("more than half while the Labour Government has been in power", "fraction", 0.5),
])
def test_multipliers_and_fractions(sentence, kind, value):
    q = find_quantities(sentence)[0]
    assert (q.kind, q.value) == (kind, pytest.approx(value))


@pytest.mark.parametrize("sentence,per", [
    ("the minimum wage rises to £11.44 an hour", "hour"),
    ("He was offered an $80,000-a-year job.", "year"),
    ("Brent crude rose to $80 a barrel.", "barrel"),
    ("The bid values the company at $12 a share.", "share"),
    ("It costs £6m a day to house them.", "day"),
    ("It costs £12 a week on average.", "week"),
    # "a year earlier" is a time back, not a rate
    ("Profit was £4m a year earlier.", None),
])
def test_rates_say_what_they_are_per(sentence, per):
    assert [q.per for q in find_quantities(sentence)] == [per]


@pytest.mark.parametrize("text", [
    "1," * 20000, "9" * 500, "1e400", "." * 10000, "£" * 5000, "\x00\x01\x02", "",
])
def test_hostile_input_is_quick_and_safe(text):
    start = time.perf_counter()
    qs = find_quantities(text)
    assert time.perf_counter() - start < 5  # a guard against catastrophic backtracking only
    assert all(math.isfinite(q.value) for q in qs)


def test_parse_number_none_for_words():
    assert parse_number("the") is None
    assert parse_number("1,234.5") == 1234.5


@pytest.mark.parametrize("text,unit,kind", [
    ("He raised 60m from investors.", None, "cardinal"),   # metres only after a fall or climb
    ("twice as many people", None, "multiplier"),           # a multiplier, not an occurrence
    ("Page married twice", None, "occurrence"),
], ids=["60m-millions", "twice-as-many", "married-twice"])
def test_what_a_figure_is(text, unit, kind):
    (q,) = find_quantities(text)
    assert (q.unit, q.kind) == (unit, kind)


# The forms of figure news writes that the issue tracker sorts misses into, each with a
# sentence as news writes it: (kind, sentence, span text, value, unit). Money is in base units.
NEWS_FORMS = [
    ("negative", "firefighters battled for about eight hours in minus-20 degree temperatures",
     "minus-20 degree", -20, "degree"),
    ("negative", "temperatures of minus-130 degrees Fahrenheit", "minus-130 degrees Fahrenheit",
     -130, "degree_fahrenheit"),
    ("negative", "He lost minus-5 yards on the play.", "minus-5 yards", -5, "yard"),
    ("negative", "FTSE 100 -1.3%, Dax -0.8%", "-1.3%", -1.3, "percent"),
    ("glued unit", "Optional upgrades include a 320GB hard drive", "320GB", 320, "GB"),
    ("glued unit", "a 15.4-inch 2.4GHz Intel Core 2 Duo with 3MB L2 cache", "2.4GHz", 2.4, "GHz"),
    ("glued unit", "The standard drive is still a 5400rpm model", "5400rpm", 5400, "rpm"),
    # One duration in two units, read in the larger: 64 minutes.
    ("glued unit", "Total downtime was 1hr 4 mins", "1hr 4 mins", 64 / 60, "hour"),
    ("glued unit", "broadband speeds of 30Mbps", "30Mbps", 30, "Mbps"),
    ("glued unit", "a 5kW heat pump", "5kW", 5, "kW"),
    ("glued unit", "add 45g of sugar", "45g", 45, "g"),
    ("glued unit", "a 1.5mm gap", "1.5mm", 1.5, "mm"),
    ("glued unit", "a 25min drive", "25min", 25, "minute"),
    ("glued unit", "275 pound-feet of torque", "275 pound-feet", 275, "lb_ft"),
    ("glued unit", "a rise of 2.14degF", "2.14degF", 2.14, "degree_fahrenheit"),
    ("currency mark", "will retail in Malaysia for RM10,099", "RM10,099", 10099, "MYR"),
    ("currency mark", "the 11-inch Air still starts at US$999", "US$999", 999, "USD"),
    ("currency mark", "It raised S$1mil for charity.", "S$1mil", 1e6, "SGD"),
    ("currency mark", "a HK$3.7 billion deal", "HK$3.7 billion", 3.7e9, "HKD"),
    ("currency mark", "a Y=590 billion budget", "Y=590 billion", 590e9, "JPY"),
    ("currency mark", "a ¥590 billion budget", "¥590 billion", 590e9, "JPY"),
    ("currency mark", "petrol rose 18 sen a litre", "18 sen a litre", 0.18, "MYR"),
    ("currency mark", "a Rs 500 crore project", "Rs 500 crore", 5e9, "INR"),
    ("multiplier", "a sixfold increase in cases", "sixfold", 6, None),
    ("multiplier", "a 10-fold rise", "10-fold", 10, None),
    ("multiplier", "a crowd of 4 hundred million people", "4 hundred million", 4e8, None),
    ("multiplier", "a world of 8 B people", "8 B", 8e9, None),
    ("notation", "a mass of 1.99×10−30 kg", "1.99×10−30 kg", 1.99e-30, "kg"),
    ("notation", "it shipped 1.2e6 tonnes", "1.2e6 tonnes", 1.2e6, "tonne"),
    ("range", "rose from 5 to 7 per cent", "5", 5, "percent"),
    ("range", "grew from 13.5 to 14.0 mm", "13.5", 13.5, "mm"),
    ("range", "aftershocks varying from 2.8 to 3.8 degrees", "from 2.8 to 3.8 degrees", 2.8,
     "degree"),
    ("negative", "Firefighters fought the blaze in temperatures of minus 17 degrees.",
     "minus 17 degrees", -17, "degree"),
    ("negative", "Outside temperatures were minus 20 as firefighters battled the blaze.",
     "minus 20", -20, None),
    ("negative", "a reading of negative 5 percent", "negative 5 percent", -5, "percent"),
    ("metres", "a 37m (121ft)-long skeleton", "37m", 37, "m"),
    ("metres", "Max. capacity is 100t and Max. outreach is 48m", "48m", 48, "m"),
]
# A whole amount completed by its subunit, named or not, and the figures that only look like
# one: (sentence, [(span text, value, unit)] of the money read). Money is in base units.
SUBUNITS = [
    ("a ticket costs five dollars fifty.", [("five dollars fifty", 5.5, "USD")]),
    ("the fare rose to 15 USD 50 more than last year",
     [("15 USD 50", 15.5, "USD")]),
    ("\"It costs one dollar and one and it is still too dear,\" she said.",
     [("one dollar and one", 1.01, "USD")]),
    ("a meal for a hundred dollars and fifty.", [("a hundred dollars and fifty", 100.5, "USD")]),
    ("the bill came to C$100 and fifty.", [("C$100 and fifty", 100.5, "CAD")]),
    ("the toll is $3 and 50 cents", [("$3 and 50 cents", 3.5, "USD")]),
    ("a coffee at 10 $ 30 cent", [("10 $ 30 cent", 10.3, "USD")]),
    ("the fee fell to 20 satoshis.", [("20 satoshis", 2e-7, "BTC")]),
    # Not a subunit: a noun after the number, prices in a list, a range, a magnitude.
    ("The other model costs $2499 and comes with 2.53GHz processor", [("$2499", 2499, "USD")]),
    ("The $2799 17 '' Pro, which is due to ship", [("$2799", 2799, "USD")]),
    ("tickets cost $10 and 20.", [("$10", 10, "USD")]),
    ("he paid $5 and 50 people came", [("$5", 5, "USD")]),
    ("prices between 10 dollars and 20.", [("10 dollars", 10, "USD")]),
    ("a deal worth 2 million dollars and 50.", [("2 million dollars", 2e6, "USD")]),
    # A sign between two figures is written before the second, unless both have one after.
    ("a 1 $ 10 dollars bill", [("$ 10", 10, "USD")]),
    ("prices of 10 $ 30 $ each", [("10 $", 10, "USD"), ("30 $", 30, "USD")]),
    ("a 10 € surcharge", [("10 €", 10, "EUR")]),
]
# Names with a number in them: never a figure.
NAMES = ["the S&P 500 fell", "the Euro Stoxx 50 index fell", "the new iPhone 14 costs",
         "the new BlackBerry 10 platform", "COVID-19 cases", "5G networks", "Game 6 of the finals",
         "an Airbus A380 landed", "inside a Boeing 727.", "shipped in from the Lower 48.",
         # A game's score is no count of losses or wins.
         "in last Thursday's 27-24 overtime loss at Chicago", "a 30-7 loss at Carolina",
         "in the Tar Heels' 91-73 victory against Evansville"]
# Phrases of the forms above taken from ../shared/corpora (checked to be there).
FROM_CORPORA = ["minus-20 degree temperatures", "in temperatures of minus 17 degrees.",
                "Outside temperatures were minus 20 as firefighters", "a 320GB hard drive", "2.4GHz Intel Core 2 Duo",
                "a 5400rpm model", "Total downtime was 1hr 4 mins", "in Malaysia for RM10,099",
                "still starts at US$999", "varying from 2.8 to 3.8 degrees",
                "inside a Boeing 727.", "from the Lower 48.", "The $2799 17 '' Pro, which",
                "The other model costs $2499 and comes with",
                "LaRue served four and a half months in prison",
                "in last Thursday's 27-24 overtime loss at Chicago",
                "in the top-ranked Tar Heels' 91-73 victory against"]


@pytest.mark.parametrize("kind,sentence,text,value,unit", NEWS_FORMS,
                         ids=[f"{f[0]}:{f[2]}" for f in NEWS_FORMS])
def test_news_forms(kind, sentence, text, value, unit):
    found = {q.text: q for q in find_quantities(sentence)}
    assert text in found, f"{kind}: found {list(found)}"
    assert (found[text].value, found[text].unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("sentence", NAMES)
def test_names_are_not_figures(sentence):
    assert [q.text for q in find_quantities(sentence)] == []


def test_money_after_names_still_read():
    assert [(q.value, q.unit) for q in find_quantities("the new iPhone 14 costs $799")] == [
        (799, "USD")]
    assert [q.value for q in find_quantities("told the Guardian 41 bodies were found")] == [41]
    assert [q.value for q in find_quantities("He raised 60m from investors.")] == [60e6]


@pytest.fixture(scope="module")
def corpus_text():
    """Every article text of ../shared/corpora, read at test time."""
    import json

    from conftest import shared_path

    folder = shared_path("corpora")
    return "\n".join(json.loads(line)["text"] for f in sorted(folder.glob("*.jsonl"))
                      for line in f.read_text(encoding="utf-8").splitlines() if line.strip())


@pytest.mark.parametrize("phrase", FROM_CORPORA)
def test_forms_come_from_the_corpora(phrase, corpus_text):
    assert phrase in corpus_text


@pytest.mark.parametrize("sentence,money", SUBUNITS, ids=[c[0][:40] for c in SUBUNITS])
def test_subunits_complete_a_whole_amount(sentence, money):
    read = [(q.text, q.value, q.unit) for q in find_quantities(sentence) if q.unit in (
        "USD", "CAD", "EUR", "BTC")]
    assert read == [(t, pytest.approx(v), u) for t, v, u in money]


# Number words join with "and" only after a scale word: (sentence, span, low, high).
WORD_RANGES = [
    ("temperatures between negative ten and fifteen degrees",
     "between negative ten and fifteen degrees", -10, 15),
    ("between minus ten and fifteen", "between minus ten and fifteen", -10, 15),
    ("between ten and fifteen people", "between ten and fifteen", 10, 15),
    ("one hundred and five people", "one hundred and five", 105, 105),
    ("two hundred and fifty thousand people", "two hundred and fifty thousand", 250e3, 250e3),
    ("a thousand and one nights", "a thousand and one", 1001, 1001),
    # A whole and its part in words ("and a half" from the corpora).
    ("LaRue served four and a half months in prison", "four and a half", 4.5, 4.5),
    ("a run of two and three quarters miles", "two and three quarters miles", 2.75, 2.75),
    ("the level rose three and one fourth", "three and one fourth", 3.25, 3.25),
    ("it won five and a sixth straight title looked likely", "five", 5, 5),
]


@pytest.mark.parametrize("sentence,text,low,high", WORD_RANGES, ids=[c[1] for c in WORD_RANGES])
def test_number_words_join_with_and_only_after_a_scale(sentence, text, low, high):
    (q,) = find_quantities(sentence)
    assert (q.text, q.low, q.high) == (text, low, high)
