"""Verdicts on pairs of articles written as outlets write them."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from factcheck import features, match, model, periods, verdict
from factcheck.pipeline import check_articles
from factcheck.schema import Article


def _run(*texts_and_dates):
    arts = [Article(id=f"a{i}", text=t, path=f"a{i}.txt", source=f"Outlet {i}",
                    published=dt.date.fromisoformat(d)) for i, (t, d) in enumerate(texts_and_dates)]
    return check_articles(arts)


def _between(result, a_text, b_text):
    c = result.claims
    ida = c[(c["article"] == "a0") & (c["text"] == a_text)]["id"].tolist()
    idb = c[(c["article"] == "a1") & (c["text"] == b_text)]["id"].tolist()
    assert ida and idb, c[["article", "text"]].values.tolist()
    return [f for f in result.findings if ida[0] in f.claims and idb[0] in f.claims]


CROSSINGS_2022 = "A record {} people crossed the Channel in small boats last year, figures show."
CROSSINGS_2022_B = "Home Office data show {} migrants crossed the Channel in small boats in 2022."


@pytest.mark.parametrize("a,b,verdict,relation", [
    ("45,774", "45,774", "agree", None),
    ("45,774", "45,755", "contradict", None),          # the same year's total, two figures
    ("more than 45,000", "45,755", "agree", None),     # a hedge the exact figure satisfies
    ("45,800", "45,774", "agree", "rounding"),         # a round figure for the exact one
])
def test_same_year_total(a, b, verdict, relation):
    result = _run((CROSSINGS_2022.format(a), "2023-01-05"),
                  (CROSSINGS_2022_B.format(b), "2023-01-06"))
    found = _between(result, a, b)
    assert [(f.verdict, f.relation) for f in found] == [(verdict, relation)]
    assert found[0].explanation


def test_year_to_date_update_is_not_a_conflict():
    result = _run(("So far this year 29,578 people have crossed the Channel in small boats.",
                   "2024-10-26"),
                  ("So far this year 30,661 people have crossed the Channel in small boats.",
                   "2024-11-01"))
    (f,) = _between(result, "29,578", "30,661")
    assert (f.verdict, f.relation) == ("explained", "later-update")
    assert "2024-10-26" in f.explanation and "2024-11-01" in f.explanation


def test_running_total_that_falls_is_a_contradiction():
    result = _run(("So far this year 30,661 people have crossed the Channel in small boats.",
                   "2024-10-26"),
                  ("So far this year 29,578 people have crossed the Channel in small boats.",
                   "2024-11-01"))
    (f,) = _between(result, "30,661", "29,578")
    assert f.verdict == "contradict"


def test_deaths_and_years_are_different_measures():
    result = _run(("More than 50 people have died trying to make the crossing.", "2024-11-07"),
                  ("Interpol meets in the UK for the first time in over 50 years.", "2024-11-04"))
    assert _between(result, "More than 50", "over 50") == []


def test_deaths_and_injuries_are_different_measures():
    result = _run(("The earthquake killed 120 people in the province, officials said.",
                   "2024-11-04"),
                  ("The earthquake injured 200 people in the province, officials said.",
                   "2024-11-04"))
    assert _between(result, "120", "200") == []


def test_different_years_are_never_a_conflict():
    """Last year's total and this year's count so far are one measure over two periods: the
    difference is explained by the periods the words state, never a contradiction."""
    result = _run(("A total of 29,437 people crossed the Channel in small boats in 2023.",
                   "2024-11-04"),
                  ("In total 31,094 people crossed the Channel in small boats this year.",
                   "2024-11-04"))
    assert [(f.verdict, f.relation) for f in _between(result, "29,437", "31,094")] in (
        [], [("explained", "different-period")])


def test_internal_percent_change():
    result = _run(("Sales rose 15% from 200 units to 230 units, the firm said.", "2024-11-04"),
                  ("Nothing to compare.", "2024-11-04"))
    (f,) = [f for f in result.findings if f.kind == "internal"]
    assert (f.verdict, f.relation) == ("agree", "percent-change")
    wrong = _run(("Sales rose 25% from 200 units to 230 units, the firm said.", "2024-11-04"),
                 ("Nothing to compare.", "2024-11-04"))
    assert [f.verdict for f in wrong.findings if f.kind == "internal"] == ["contradict"]


def test_different_stories_are_never_compared():
    arts = [Article(id=f"a{i}", text="A record 45,774 people crossed the border in 2022.",
                    path="x", source=f"Outlet {i}", published=dt.date(2023, 1, 5), story=story)
            for i, story in enumerate(["flood", "election"])]
    arts[1].text = arts[1].text.replace("45,774", "45,755")
    assert check_articles(arts).findings == []
    arts[1].story = "flood"
    assert [f.verdict for f in check_articles(arts).findings] == ["contradict"]


@pytest.mark.parametrize("a,b,a_fig,b_fig,verdicts", [
    # Different people's ages in one story are different measures.
    ("Police said Ms. Mendes' 12-year-old daughter was also in the apartment on Tuesday.",
     "Police identified the victim found in the apartment on Tuesday as 48-year-old Robyn Mendes.",
     "12", "48", set()),
    ("Police say a man outside the store told the 36-year-old driver to stop on Tuesday.",
     "Police say the driver killed a 66-year-old woman outside the store on Tuesday.",
     "36", "66", set()),
    # One named person's age stated twice, differently: a discrepancy to check.
    ("The jury found Jose Luis Orozco, 29, guilty of murder in the shooting on Tuesday.",
     "Authorities searched for Jose Luis Orozco, 27, after the shooting on Tuesday.",
     "29", "27", {"contradict"}),
    # Tallies that belong to different named holders are different measures.
    ("Hansbrough now has 2,301 career points after Thursday's game, breaking the school record.",
     "Ford finished his career with 2,290 points, the school record until Thursday's game.",
     "2,301", "2,290", set()),
    ("Luck also set the rookie record for a season with 4,183 passing yards on Sunday.",
     "Luck broke Newton's rookie record of 4,051 passing yards on Sunday.",
     "4,183", "4,051", set()),
    # A speaker is a source, not a holder: two officials giving two totals still contradict.
    ("Smith said 45,774 people crossed the Channel in small boats in 2022.",
     "Jones said 45,755 people crossed the Channel in small boats in 2022.",
     "45,774", "45,755", {"contradict"}),
])
def test_figures_belong_to_their_holder(a, b, a_fig, b_fig, verdicts):
    result = _run((a, "2023-01-05"), (b, "2023-01-06"))
    assert {f.verdict for f in _between(result, a_fig, b_fig)} == verdicts


@pytest.mark.parametrize("a,b,days,verdicts", [
    # One named person, two ages on one day: one of them is wrong.
    ("Robert Buckley, 32, fell about 600 metres while climbing to a hut on Saturday.",
     "The climber, 31-year-old Robert Buckley of the UK, fell while climbing on Saturday.",
     0, {("contradict", None)}),
    # A year and a month between the reports: a birthday explains one year more.
    ("The suspect, 38-year-old Anthony LaCalamita, was fired from the firm last week.",
     "Anthony LaCalamita, 39, was sentenced on Wednesday for the office shooting.",
     396, {("explained", "different-period")}),
    # Two people of one surname are two ages, not one person's.
    ("Police identified the victim as 61-year-old Katherine Gomes, mother of the suspect.",
     "Gary Gomes, 35, will face murder and kidnapping charges, police said.",
     0, set()),
])
def test_one_named_persons_age(a, b, days, verdicts):
    second = (dt.date(2013, 9, 16) + dt.timedelta(days=days)).isoformat()
    result = _run((a, "2013-09-16"), (b, second))
    fig_a = "32" if "32" in a else ("38-year-old" if "38-year" in a else "61-year-old")
    c = result.claims
    ida = c[(c["article"] == "a0") & (c["unit"] == "age")]["id"].tolist()
    idb = c[(c["article"] == "a1") & (c["unit"] == "age")]["id"].tolist()
    assert ida and idb, (fig_a, c[["article", "text", "unit"]].values.tolist())
    found = [f for f in result.findings if ida[0] in f.claims and idb[0] in f.claims]
    assert {(f.verdict, f.relation) for f in found} == verdicts


def test_one_contradiction_per_pair_in_dispute():
    """Four outlets give one figure and a fifth another: each pair in dispute is its own
    contradiction, and none holds two of the four that agree (that would call them in
    dispute); the four agreeing figures are one agree finding, and all five one fact."""
    many = [(f"Robert Buckley, 32, fell while climbing on Saturday, {who} said.", "2013-09-16")
            for who in ("police", "rescuers", "officials", "his family")]
    result = _run(("The climber, 31-year-old Robert Buckley, fell while climbing on Saturday.",
                   "2013-09-16"), *many)
    ages = result.claims.loc[result.claims["unit"] == "age"]
    odd = ages.loc[ages["value"] == 31, "id"].tolist()
    alike = set(ages.loc[ages["value"] == 32, "id"])
    assert len(odd) == 1 and len(alike) == 4
    found = [f for f in result.findings if f.verdict == "contradict"]
    assert {frozenset(f.claims) for f in found} == {frozenset((odd[0], c)) for c in alike}
    agreed = [f for f in result.findings if f.verdict == "agree" and set(f.claims) & alike]
    assert len(agreed) == 1 and set(agreed[0].claims) == alike
    ids = {f.id for f in found + agreed}
    facts = [k for k in result.facts if ids & set(k.findings)]
    assert len(facts) == 1 and set(facts[0].findings) >= ids and facts[0].outliers == odd


@pytest.mark.parametrize("a,b", [
    # A toll of one province against the toll of the whole ocean's coasts: two places.
    ("In 2004 a massive tremor sparked a tsunami that killed 170,000 people in the province "
     "and tens of thousands more in countries around the Indian Ocean.",
     "A strong quake off Indonesia triggered a tsunami that killed 230,000 people in 13 "
     "countries around the Indian Ocean in 2004."),
    # A town's damage against the district's, the district named as the sentence opens.
    ("At least five people were injured and 10 houses were damaged in Takengon, the town "
     "hit hardest, officials said.",
     "In neighbouring Central Aceh district, 10 people were killed, 140 were injured and about "
     "1,500 houses were damaged, officials said."),
])
def test_figures_of_two_places_never_contradict(a, b):
    result = _run((a, "2013-07-02"), (b, "2013-07-02"))
    assert not [f for f in result.findings if f.verdict == "contradict"]


@pytest.mark.parametrize("b,second,verdicts", [
    # Eighteen months later the named man is 20: the unnamed 18-year-old of the first report,
    # which names him, was him at another time.
    ("Andrew Lopez, 20, was found guilty of the 2011 shooting on Wednesday.", "2013-04-24",
     {("explained", "different-period")}),
    # The same day, two ages: the unnamed one is only taken for his, so no one is accused.
    ("Andrew Lopez, 20, was charged with the shooting on Wednesday.", "2011-10-26", set()),
])
def test_an_unnamed_age_in_a_report_that_names_the_person(b, second, verdicts):
    a = ("Police said Lopez, an 18-year-old gang member, confessed to the shooting that "
         "wounded a girl aged 11.")
    result = _run((a, "2011-10-26"), (b, second))
    found = _between(result, "18", "20")
    assert {(f.verdict, f.relation) for f in found} == verdicts


@pytest.mark.parametrize("a,b,verdicts", [
    # An event told as over does not change between reports ten days apart: a contradiction.
    ("He served four months in federal prison for his part in the cover-up.",
     "He served four and a half months in federal prison for his part in the cover-up.",
     {("contradict", None)}),
    # A total that may still grow ("has grossed") may have grown in ten days.
    ("The film has grossed $368 million around the world.",
     "The film has grossed $459 million around the world.",
     {("explained", "different-period")}),
])
def test_report_dates_explain_only_what_can_change(a, b, verdicts):
    found = _judged((a, "2004-07-18"), (b, "2004-07-28"))
    assert {(found.verdict, found.relation)} == verdicts


def _judged(a, b):
    """The verdict on the first figure of report a against the last of report b, aligned."""
    from factcheck import features, match, verdict

    result = _run(a, b)
    c = result.claims
    rows, _ = match.prepared(c)
    ra, rb = rows[0], rows[-1]
    assert (ra["article"], rb["article"]) == ("a0", "a1")
    return verdict.judge_pair(c.loc[ra["index"]].to_dict(), c.loc[rb["index"]].to_dict(),
                              features.relation(ra, rb), 0.9, c)


@pytest.mark.parametrize("a,b,verdict_", [
    # A bound's own side allows a writer's slack of a percent, not a rounding of the figure.
    ("The forward signed a deal worth nearly $80 million on Friday.",
     "The forward signed an $82 million deal on Friday.", "contradict"),
    ("Nearly 31,000 people have crossed so far this year, figures show.",
     "By Sunday, 31,094 people had crossed so far this year, figures show.", "agree"),
    ("More than 1.9 million people are now unemployed, official figures show.",
     "Official figures show 1.86 million people are now unemployed.", "contradict"),
    # Two roundings that only touch are two figures: $3.5bn covers 3.45-3.55, $3.6bn 3.55-3.65.
    ("The plan diverts $3.5 billion from military construction projects.",
     "The plan diverts $3.6 billion from military construction projects.", "contradict"),
    # A share told as a simple fraction rounds it, by a little.
    ("Labour's share of the vote stood at 33.7% on Friday.",
     "Labour won a third of the vote on Friday.", "agree"),
    ("Labour's share of the vote stood at 38% on Friday.",
     "Labour won a third of the vote on Friday.", "contradict"),
    # A price point shortened is one price ("$99.99", "$99"); a dollar less is another.
    ("Customers can buy the phone for $99.99 down and 24 monthly payments.",
     "Customers can buy the phone for $98 down.", "contradict"),
    # A bill rounded to the whole pound is one bill; a price of a few pounds is not rounded.
    ("The rise means a band D property will pay £2,071.07 for the council's share of the bill.",
     "The headline is a band D bill of £2,071 for the council's share.", "agree"),
    ("The council will charge £2.50 for each garden waste collection.",
     "The council will charge £3 for each garden waste collection.", "contradict"),
])
def test_a_bound_or_a_rounding_allows_so_much_and_no_more(a, b, verdict_):
    assert _judged((a, "2019-02-15"), (b, "2019-02-15")).verdict == verdict_


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # A writer's conversion, rounded: one weight.
    ("The 17-inch MacBook Pro comes in at less than an inch thick and 6.6 pounds overall.",
     "The laptop weighs less than 2.99kg.", "6.6 pounds", "less than 2.99kg",
     {("agree", "rounding")}),
    # A price point shortened: one price; a dollar more is another price.
    ("Customers can buy the phone for $99.99 down and 24 monthly payments.",
     "Customers can buy the phone for $99 down and monthly payments.", "$99.99", "$99",
     {("agree", "rounding")}),
])
def test_converted_figures_agree(a, b, fa, fb, verdicts):
    result = _run((a, "2009-01-06"), (b, "2009-01-06"))
    assert {(f.verdict, f.relation) for f in _between(result, fa, fb)} == verdicts


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # A bound the other figure satisfies: editors call it agreement.
    ("Timmons, who was arrested 12 days after the shooting, faces 15 years to life in prison.",
     "Less than two weeks later, Jermayne Timmons was arrested and charged with the shooting.",
     "12", "Less than two", {("agree", None)}),
    ("A total of 31 fire apparatus arrived to fight the warehouse fire overnight.",
     "More than two dozen pieces of firefighting equipment were brought to the warehouse fire.",
     "31", "More than two dozen", {("agree", None)}),
    # A narrow range holds the figure; a wide one says too little to agree with it.
    ("The woman told police her 8- to 12-week-old fetus died after the assault.",
     "Prosecutors said the 12-week-old fetus died after the assault.",
     "8- to 12", "12", {("agree", None)}),
    ("Between 10 and 200 people were thought to be inside the building when it collapsed.",
     "Officials said 150 people were inside the building when it collapsed.",
     "Between 10 and 200", "150", set()),
    # Two bounds far apart say nothing of one figure.
    ("More than 700 people have been arrested since the protests began.",
     "More than 1,200 people have been arrested since the protests began.",
     "More than 700", "More than 1,200", set()),
])
def test_a_bound_and_the_figure_that_satisfies_it(a, b, fa, fb, verdicts):
    result = _run((a, "2010-01-20"), (b, "2010-01-20"))
    assert {(f.verdict, f.relation) for f in _between(result, fa, fb)} == verdicts


def test_an_increment_against_a_total_several_outlets_agree_on():
    """"A further £75m, doubling the total to £150m" in one report; two others give £150m:
    the £75m is explained against each of them, not only against a lone outlet."""
    result = _run(("The Prime Minister pledged a further £75 million for the command, doubling "
                   "the total funding to £150 million.", "2024-11-04"),
                  ("He will unveil a £150million funding pot for the command.", "2024-11-04"),
                  ("The command gets a £150 million budget, officials said.", "2024-11-04"))
    c = result.claims
    inc = c.loc[(c["article"] == "a0") & (c["value"] == 75e6), "id"].tolist()
    others = set(c.loc[(c["article"] != "a0") & (c["value"] == 150e6), "id"])
    assert inc and len(others) == 2
    explained = {x for f in result.findings if f.verdict == "explained"
                 and f.relation == "increment-of-total" and inc[0] in f.claims for x in f.claims}
    assert others <= explained


FLOOD_TOLL = [
    ("Flash floods in eastern Spain have killed at least 92 people, officials said on "
     "Wednesday, as rescuers searched for people still missing.", "2024-10-30"),
    ("The death toll from catastrophic flooding in Spain rose to 158 on Thursday, with the "
     "number expected to continue rising.", "2024-10-31"),
    ("The number of people killed in the floods in Spain tops 200, the government said on "
     "Friday.", "2024-11-01"),
    ("The death toll from Spain's worst floods in decades has risen to 213, officials said on "
     "Saturday, and continues to rise.", "2024-11-02"),
]


def test_a_toll_worded_four_ways_over_four_days_is_one_fact_with_a_timeline():
    """92, 158, "tops 200", 213: one running count, each report a later update of the last,
    whatever each outlet calls it; never a contradiction."""
    result = _run(*FLOOD_TOLL)
    c = result.claims
    tolls = set(c.loc[c["value"].isin([92, 158, 200, 213]), "id"])
    assert len(tolls) == 4 and set(c.loc[c["id"].isin(tolls), "unit"]) == {"person"}
    assert not [f for f in result.findings if f.verdict == "contradict"]
    facts = [k for k in result.facts if tolls & set(k.claims)]
    assert len(facts) == 1 and tolls <= set(facts[0].claims) and facts[0].timeline
    updates = [f for f in result.findings if f.relation == "later-update"]
    first, second = (c.loc[c["value"] == v, "id"].item() for v in (92, 158))
    assert any({first, second} <= set(f.claims) for f in updates)


def test_one_figure_for_two_stated_years_is_two_measures():
    result = _run(("Net migration was 740,000 in the year to June 2023, the ONS said.",
                   "2024-11-28"),
                  ("Net migration was 740,000 in the year to June 2024, the ONS said.",
                   "2024-11-28"))
    assert not _between(result, "740,000", "740,000")


@pytest.mark.parametrize("text,span,unit", [
    ("far higher than the 740,000 first estimated", "740,000", "count"),
])
def test_an_adverb_is_no_unit(text, span, unit):
    from factcheck import normalise

    df = normalise.extract(text, "2024-11-28")
    assert df.loc[df["text"] == span, "unit"].tolist() == [unit]


CROSSINGS_TO_DATE = [
    ("More than 29,500 migrants have crossed the Channel in small boats so far this year, Home "
     "Office figures show. The total of 29,578 by Saturday is already higher than the 29,437 "
     "who made the journey in the whole of 2023.", "2024-10-27"),
    ("The number of people who have crossed the Channel in small boats this year has passed "
     "30,000. Home Office figures show 30,661 people had made the crossing by Friday, up from "
     "29,437 in the whole of last year.", "2024-11-02"),
    ("Some 30,661 people have crossed the Channel so far in 2024, compared with 45,774 in "
     "2022, the record year.", "2024-11-04"),
    ("Small boat arrivals this year stand at 31,094, Home Office data shows. In 2022, a record "
     "45,755 people made the crossing.", "2024-11-05"),
]


def test_a_count_to_date_a_past_year_and_a_record_year_are_three_facts():
    """29,578 -> 30,661 -> 31,094 is one count to date, updated; the 29,437 of 2023 is another
    fact, never agreeing with this year's; 45,774 and 45,755 for 2022 contradict."""
    result = _run(*CROSSINGS_TO_DATE)
    c = result.claims
    ids = {v: set(c.loc[c["value"] == v, "id"]) for v in (29578, 30661, 31094, 29437, 45774,
                                                          45755)}
    assert all(ids.values()), c[["id", "text"]].values.tolist()
    fact_of = {cid: k.id for k in result.facts for cid in k.claims}
    this_year = {fact_of.get(x) for v in (29578, 30661, 31094) for x in ids[v]}
    assert len(this_year) == 1 and None not in this_year
    assert not {fact_of.get(x) for x in ids[29437]} & this_year
    contra = [f for f in result.findings if f.verdict == "contradict"]
    assert [set(f.claims) for f in contra] == [ids[45774] | ids[45755]]
    assert "running count" not in contra[0].explanation
    # The closed 2022 total is no running count, whatever "so far" its sentence says.
    assert not c.loc[c["value"] == 45774, "running"].any()


@pytest.mark.parametrize("b", [
    "Prosecutors said the 45-year-old Leeds man acted out of revenge for his dismissal.",
    "The 45-year-old head of the haulage firm told the court he acted out of revenge.",
])
def test_an_age_whose_holder_is_no_name_is_not_another_persons(b):
    """"The 45-year-old Leeds man" names a town and a noun, not a second person: a year and
    more after "Daniel Marsh, 44", it is his age at another moment, not another person's."""
    result = _run(("The gunman, 44-year-old Daniel Marsh, opened fire at the depot on Monday, "
                   "killing two former colleagues.", "2023-03-06"),
                  ("Daniel Marsh was convicted of murdering two former colleagues at the depot. "
                   + b, "2024-04-10"))
    c = result.claims
    ida = c[(c["article"] == "a0") & (c["unit"] == "age")]["id"].tolist()
    idb = c[(c["article"] == "a1") & (c["unit"] == "age")]["id"].tolist()
    found = [f for f in result.findings if ida[0] in f.claims and idb[0] in f.claims]
    assert [(f.verdict, f.relation) for f in found] == [("explained", "different-period")]


def test_an_undated_at_least_and_a_risen_toll_are_one_count():
    """"At least three people" in an undated report and "the death toll rose to 10" in a dated
    one: the lower figure only says "at least", so it reads as the toll before it rose."""
    arts = [Article(id="a0", text="A powerful earthquake has hit the island, destroying several "
                    "villages and killing at least three people, according to reports.",
                    path="a0.txt", source="Outlet 0", published=None),
            Article(id="a1", text="An aftershock shook the island on Monday as the death toll "
                    "from the earthquake a day before rose to 10.", path="a1.txt",
                    source="Outlet 1", published=dt.date(2021, 11, 29))]
    result = check_articles(arts)
    (f,) = _between(result, "at least three", "10")
    assert (f.verdict, f.relation) == ("explained", "later-update")
    assert "at least" in f.explanation


def test_a_later_at_least_below_an_earlier_toll_is_no_fall():
    """"At least three" reported the day after "10 people died" is still true of the toll: no
    contradiction of a falling count."""
    result = _run(("The death toll from the earthquake rose to 10 on Monday, officials said.",
                   "2021-11-29"),
                  ("The earthquake killed at least three people, officials said on Tuesday.",
                   "2021-11-30"))
    assert not [f for f in _between(result, "10", "at least three") if f.verdict == "contradict"]


# Figures one article ties together in one sentence, and another outlet's figure that agrees
# with one of them: the reason the article states carries across. (a, b, a's figure, b's
# figure, relation)
STATED_LINKS = [
    # The figure a level is compared with, named by what it was ("previous guidance").
    ("The retailer now expects full-year adjusted pre-tax profit of about £215m.",
     "It lifted its guidance to about £215m, up from previous guidance of around £205m.",
     "about £215m", "around £205m", "different-period"),
    ("Turnout across the country was 59.7%, the lowest at a general election in decades.",
     "Labour won on a turnout of just under 60%, down from 67.3% in 2019.",
     "59.7%", "67.3%", "different-period"),
    ("The home secretary announced an extra £40 million for the Border Security Command.",
     "Ministers announced £40m of extra funding for the command, bringing its total budget "
     "to £115m over two years.", "£40 million", "£115m", "increment-of-total"),
    ("The death toll from the fire rose to nine on Wednesday, seven of them in Pine Hollow.",
     "At least nine people have been killed by the fire, officials said on Wednesday.",
     "seven", "At least nine", "part-of-whole"),
    # A share of a whole, said in one sentence or opening the next.
    ("The storm has killed 87 people across the country, the disaster agency said.",
     "The province's toll of 33 accounts for more than a third of the 87 deaths recorded "
     "nationwide.", "87", "33", "part-of-whole"),
    ("The Midlands will get £2.4bn over five years for buses and trams. The money is the "
     "region's share of the £11.8 billion transport fund.",
     "Ministers unveiled an £11.8bn transport fund for the city regions.", "£2.4bn",
     "£11.8bn", "part-of-whole"),
    ("Forces recorded 48,112 offences involving a knife in the year to March.",
     "The force recorded 4,870 offences involving a knife, out of more than 48,000 knife "
     "offences across the country.", "48,112", "4,870", "part-of-whole"),
    # Another period named in words after the figure compared with ("the year before"), or a
    # move from one figure to another.
    ("Police recorded 5.9 million crimes in the year to March.",
     "Police recorded 5.9 MILLION crimes overall, down on the 6.1 MILLION the year before.",
     "5.9 million", "6.1 MILLION", "different-period"),
    ("The deficit will be €26.2 billion next year.",
     "In cash terms the shortfall grows from €19.4 billion this year to just over €26 billion.",
     "€26.2 billion", "€19.4 billion", "different-period"),
    # An estimate the article says was revised: the later reading of the first figure.
    ("Catastrophe modellers put insured losses so far at about £30m on Monday.",
     "Harbour Analytics, which on Monday put insured losses at around £30m, raised its "
     "estimate on Tuesday to between £70m and £90m.", "about £30m", "between £70m and £90m",
     "later-update"),
    # A sentence opening on the boost the sentence before gave, taking it to a total.
    ("The Home Office will receive an extra £2.1bn a year by the end of the period.",
     "The Chancellor threw a massive £2BN extra at the Home Office. The boost will take the "
     "department's budget to a whopping £19bn.", "£2.1bn a year", "£19bn",
     "increment-of-total"),
    # An intensifier before the total ("to a staggering £97m").
    ("Scrapping the depot contracts will cost a further £15 million, the board said.",
     "And it will cost another £15m to walk away - taking the total written off to a "
     "staggering £97m.", "£15 million", "£97m", "increment-of-total"),
    ("Net debt fell, giving the board room to lift the total dividend of 10.2p for the year.",
     "The board recommended a final dividend of 6.8p, taking the full-year payout to 10.2p.",
     "10.2p", "6.8p", "increment-of-total"),
    ("More than 2,000 firefighters, including about 300 from Oregon, are on the fire lines.",
     "Cal Fire said 2,300 firefighters were on the lines on Wednesday.",
     "about 300", "2,300", "part-of-whole"),
    ("Nor is the money already spent entirely lost. Of the £1,270m, some £420m was spent "
     "buying land along the route.",
     "The government is writing off £1.27bn already spent on land, design and early works.",
     "some £420m", "£1.27bn", "part-of-whole"),
    ("Hospitals across the region will receive an extra £640m next year as part of the "
     "Chancellor's £8.2bn increase in day-to-day health spending.",
     "Day-to-day health spending will rise by £8.2 billion next year, the Chancellor said.",
     "£640m", "£8.2 billion", "part-of-whole"),
    # ... however long the name of the whole after "as part of".
    ("The lender is to cut about 600 jobs at its Cardiff head office as part of a "
     "company-wide restructuring programme that will remove 2,900 roles by 2027.",
     "The lender said it would shed 2,900 roles over the next two years.",
     "about 600", "2,900", "part-of-whole"),
    # A change told after the whole a figure is counted of ("411 of the 650 seats").
    ("Labour won 411 of the 650 seats, a net gain of 211 on 2019, giving Sir Keir Starmer a "
     "majority of 174.",
     "With 648 of the 650 constituencies declared, Labour had won 411 seats.", "211", "411",
     "increment-of-total"),
    # A sentence that opens on a comparison with the figure before: an earlier estimate of it,
    # or another period's.
    ("The budget is expected to record a $28.3 billion deficit in 2024-25.",
     "From there the budget falls back into the red, with a $28.3bn deficit forecast for "
     "2024-25 and $42.8bn in 2025-26. That is double the $13.9bn deficit forecast for 2024-25 "
     "in last year's budget.", "$28.3 billion", "$13.9bn", "later-update"),
    ("Inflation climbed to 2.3 per cent in October, official figures show.",
     "Consumer price inflation rose to 2.3 per cent in October. That compares with 4.6 per cent "
     "a year earlier.", "2.3 per cent", "4.6 per cent", "different-period"),
    # A first reading and the later one in one sentence.
    ("The quake was initially put at 7.1, but the agency now says it had a magnitude of 6.8.",
     "The quake, with a preliminary magnitude of 7.1, struck on Sunday night.", "6.8", "7.1",
     "later-update"),
    ("The 4.2-magnitude earthquake was recorded at approximately 9:27 a.m. Sunday, according "
     "to the US Geological Survey, which originally had rated the quake as 4.4 in magnitude.",
     "The U.S. Geological Survey says the 4.4-magnitude temblor on Sunday was centered 23 "
     "miles north of Santa Rosa.", "4.2-magnitude", "4.4-magnitude", "later-update"),
    ("The shares, which fell as much as 6.1 per cent in early trading, closed 2.4 per cent "
     "lower at 428p.", "Shares in the airline were down 6.1% in early trading.", "2.4 per cent",
     "6.1%", "later-update"),
    # A level and the change that led to it, in either order.
    ("Official figures showed 2.4 million people were out of work, up 52,000 on the previous "
     "quarter.", "Unemployment stood at 2.4 million in the quarter, the agency said.",
     "52,000", "2.4 million", "increment-of-total"),
    ("The Liberals finished with 61 seats in the new parliament, having gained 11 seats since "
     "the last election.", "The Liberals will hold 61 seats in the new parliament.",
     "11", "61", "increment-of-total"),
    ("The Conservatives were down 13 to 44 seats after the final count.",
     "The Conservatives won 44 seats, their worst result in decades.", "13", "44",
     "increment-of-total"),
    # Across two sentences: one that opens on a part of what the sentence before gave, or
    # takes what it added to a total.
    ("The health service will get £8.2 billion more for day-to-day spending next year. That "
     "will take the total budget of the department to £212.6 billion.",
     "The department's day-to-day budget will reach £212.6bn next year.",
     "£8.2 billion", "£212.6bn", "increment-of-total"),
    ("On Monday the cabinet approved €50m in initial emergency aid. Of that sum, €12m is "
     "earmarked for farmers who lost livestock.",
     "The government approved €50 million in emergency aid for the region on Monday.",
     "€12m", "€50 million", "part-of-whole"),
    ("The green industry package is worth $22.7bn over 10 years. The biggest single element is "
     "$13.7bn in production tax incentives.",
     "The budget sets aside $22.7 billion for the green industry package.",
     "$13.7bn", "$22.7 billion", "part-of-whole"),
    ("The retailer said 2,400 roles would be affected across the business. The largest single "
     "element is the closure of its warehouse at Ashby, where 700 people work.",
     "About 700 jobs will go at the Ashby warehouse, the retailer said.",
     "2,400", "About 700", "part-of-whole"),
    # "X of the Y": a part of the whole right after it.
    ("About 400 of the 1,200 jobs being cut will go at its head office, the airline said.",
     "The airline said on Thursday it would cut 1,200 roles across the group.",
     "About 400", "1,200", "part-of-whole"),
    # A part "out of" a whole named by its kind, however long the clause between.
    ("Four hundred and twenty-eight people in the province have now been confirmed dead, the "
     "governor's office said on Thursday morning, out of a national toll of 611.",
     "The national death toll rose to 611 on Thursday, officials said.",
     "Four hundred and twenty-eight", "611", "part-of-whole"),
    # Two parts one sentence adds together: each is a part of the total it brings.
    ("The board proposed a final dividend of 6.2p which, added to the 2.8p interim, brings "
     "the total payout for the year to 9p.",
     "Investors will receive a final dividend of 6.2p, the airline said.",
     "9p", "6.2p", "increment-of-total"),
]


@pytest.mark.parametrize("a,b,fa,fb,relation", STATED_LINKS)
def test_a_reason_one_article_states_carries_across(a, b, fa, fb, relation):
    result = _run((a, "2024-07-05"), (b, "2024-07-05"))
    found = _between(result, fa, fb)
    assert [(f.verdict, f.relation) for f in found] == [("explained", relation)]
    assert "writes" in found[0].explanation


def test_a_whole_percent_is_a_share_rounded():
    """"34% of the total" and "33.7 per cent of the vote": one share, rounded; a target of
    "2 per cent" is no rounding of 1.9."""
    result = _run(("Labour took 33.7 per cent of the vote across the UK.", "2024-07-05"),
                  ("Labour won 34% of the vote across the UK.", "2024-07-06"))
    assert [f.verdict for f in _between(result, "33.7 per cent", "34%")] == ["agree"]
    result = _run(("Food inflation was unchanged at 1.9 per cent in October.", "2024-11-20"),
                  ("Inflation remains above the Bank's 2 per cent target.", "2024-11-20"))
    assert not [f for f in _between(result, "1.9 per cent", "2 per cent")
                if f.verdict == "agree"]


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # Two measures that differ by design: no dispute between them.
    ("The retailer said underlying profit rose to £318m in the year to 1 March.",
     "The retailer's statutory pre-tax profit fell to £212m in the year to 1 March.",
     "£318m", "£212m", set()),
    ("Core inflation, which strips out energy and food, rose to 3.3% in October.",
     "Services inflation edged up to 5.0% in October, the ONS said.",
     "3.3%", "5.0%", set()),
    # One measure, one year, two figures: "profit before tax" is a profit, not a tax.
    ("The retailer said underlying profit rose to £318m in the year to 1 March.",
     "Underlying profit before tax rose to £308 million in the year to 1 March.",
     "£318m", "£308 million", {"contradict"}),
])
def test_qualified_measures(a, b, fa, fb, verdicts):
    result = _run((a, "2025-05-14"), (b, "2025-05-14"))
    assert {f.verdict for f in _between(result, fa, fb)} == verdicts


def test_the_missing_are_found():
    """A count of people still missing falls as they are found: an update, not a conflict (a
    toll of the dead that falls still contradicts)."""
    result = _run(("The fire has killed nine people and 14 people remain missing, the sheriff "
                   "said on Wednesday.", "2025-09-10"),
                  ("Six people are still missing after the fire, the sheriff said on Friday.",
                   "2025-09-12"))
    found = _between(result, "14", "Six")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "later-update")]


@pytest.mark.parametrize("a,b,fa,fb,verdict", [
    # A sum a week and the same sum a year: one figure, told a year at a time.
    ("The average worker will get a tax cut averaging $1,888 a year.",
     "The average tax cut is worth about $36 a week, the Treasurer said.",
     "$1,888 a year", "about $36 a week", ("agree", None)),
    # A cost over five years and its yearly share: two spans, one cost.
    ("Rent assistance will rise at a cost of $1.9 billion over five years.",
     "The rent assistance increase is costing about $380 million a year.",
     "$1.9 billion", "about $380 million a year", ("explained", "different-period")),
    # ... with words between the sum and its span.
    ("The group plans to return £600m to investors through share buybacks over three years.",
     "The company will buy back £200m a year of its own shares.", "£600m", "£200m a year",
     ("explained", "different-period")),
])
def test_one_amount_told_over_two_spans(a, b, fa, fb, verdict):
    """Not a conflict, and the explanation says what both come to a year."""
    result = _run((a, "2024-05-14"), (b, "2024-05-15"))
    found = _between(result, fa, fb)
    assert [(f.verdict, f.relation) for f in found] == [verdict]
    assert "a year" in found[0].explanation


@pytest.mark.parametrize("a,b,fa,fb", [
    ("Police said they made 86 arrests over the course of Saturday's protests.",
     "Hundreds of stores have been smashed and looted, and more than 200 people arrested.",
     "86", "more than 200"),
    ("Officials said 12 people were killed and 70 others injured when buildings collapsed.",
     "At least 24 people were killed by the quake, officials said.", "12", "At least 24"),
])
def test_closest_counts_of_one_outcome_are_explained_never_accused(a, b, fa, fb):
    """Two counts of one outcome, each the other's closest figure in the two reports, whose
    words alone do not make them one measure: aligned for the reason an editor would see (a
    part, an earlier count), never as a contradiction, and as evidence of no single fact."""
    result = _run((a, "2008-12-08"), (b, "2008-12-08"))
    found = _between(result, fa, fb)
    assert [f.verdict for f in found] == ["explained"]
    assert found[0].details.get("closest")
    assert "worth a look" in found[0].explanation
    assert not [f for f in result.findings if f.verdict == "contradict"]


@pytest.mark.parametrize("later,verdict", [("38,259", ("explained", "later-update")),
                                           ("35,900", ("contradict", None))])
def test_one_count_to_date_told_a_week_apart(later, verdict):
    """A count since January 1 in two reports a week apart, whatever else the words say, and
    beside a count of deaths to date in the later one: an update when it rose, a
    contradiction when it fell."""
    result = _run(("Saturday's arrivals took the number of people crossing since January 1 to "
                   "36,954.", "2025-10-19"),
                  (f"The total since January 1 now stands at {later}. At least 24 people have "
                   "died this year.", "2025-10-26"))
    found = _between(result, "36,954", later)
    assert [(f.verdict, f.relation) for f in found] == [verdict]


@pytest.mark.parametrize("a,b,fa,fb,agrees", [
    # One decimal fewer: the same rate, rounded.
    ("The couple paid an effective federal tax rate of 35.7 percent in 2014.",
     "Her 2014 federal tax rate was 35.72, the tax return showed.", "35.7 percent", "35.72",
     True),
    # A whole percent is a figure of its own, not 1.75 rounded.
    ("The Treasury forecasts the economy will grow 1.75 per cent in 2024-25.",
     "The Treasury expects the economy to grow 2 per cent in 2024-25.", "1.75 per cent",
     "2 per cent", False),
])
def test_a_rate_written_to_fewer_decimals(a, b, fa, fb, agrees):
    result = _run((a, "2015-07-31"), (b, "2015-07-31"))
    found = _between(result, fa, fb)
    assert [f.verdict for f in found if f.verdict == "agree"] == (["agree"] if agrees else [])


@pytest.mark.parametrize("a,b,fa,fb,da,db", [
    # An early stage of a count and its final stage.
    ("Provisional turnout, compiled from returning officers' figures, was 61.3 per cent.",
     "The final turnout of 62.8 per cent was up on the last election.", "61.3 per cent",
     "62.8 per cent", "2026-04-18", "2026-04-20"),
    # One party's seats two days apart as the count goes on: each is the other's closest
    # count of that party's seats.
    ("With counting under way, Civic Alliance had won 27 seats and Green Future eight.",
     "Civic Alliance had 52 seats when the count ended, Green Future nine.", "27", "52",
     "2026-04-18", "2026-04-20"),
    # ... told as seats one day and as the members who hold them the next, beside other
    # parties' seats and a coalition's: the party's own two counts are each other's closest.
    ("Civic Alliance had won 27 seats and Green Future had eight seats, with 11 going to "
     "independents.",
     "Comhar won 31, Rural Voice 12 and Green Future's nine TDs will be crucial in the talks. "
     "Civic Alliance, Comhar and Green Future would have 92 seats between them.", "eight",
     "nine", "2026-04-19", "2026-04-20"),
    # A toll one day ("has now killed"), the count of that outcome two days before.
    ("Storm Corrin killed two people in Scotland on Wednesday as gusts reached 100mph.",
     "Storm Corrin has now killed five people in Scotland, police said on Thursday.", "two",
     "five", "2026-01-14", "2026-01-16"),
])
def test_a_count_at_two_stages_is_an_update(a, b, fa, fb, da, db):
    result = _run((a, da), (b, db))
    found = _between(result, fa, fb)
    assert [(f.verdict, f.relation) for f in found] in (
        [("explained", "later-update")], [("explained", "different-period")])


@pytest.mark.parametrize("a,b,fa,fb", [
    ("Some 91,000 people in the region were unemployed in the three months to March, figures "
     "from the Office for National Statistics show.",
     "The Office for National Statistics said 1.86 million people were unemployed in the three "
     "months to March.", "Some 91,000", "1.86 million"),
    ("Turnout in Galway West was 58.9 per cent, the count centre said.",
     "The final turnout of 62.8 per cent was the highest in a decade.", "58.9 per cent",
     "62.8 per cent"),
    # The whole may name its place when it is told as the whole ("across Britain").
    ("At the height of the storm, 390,000 Scottish homes lost power, the network said.",
     "The storm cut power to about 1.1 million homes across Britain on Wednesday.",
     "390,000", "about 1.1 million"),
    # A site's count against the count across the group, told as cut one way and the other.
    ("Around 160 jobs are to go at Leeds Bradford Airport, the airline said.",
     "The airline will cut 450 jobs across the group, the company said on Tuesday.",
     "Around 160", "450"),
])
def test_a_figure_of_one_place_against_the_whole(a, b, fa, fb):
    """A count or a rate of one region against the whole's: a part, not a conflict."""
    result = _run((a, "2026-05-13"), (b, "2026-05-13"))
    found = _between(result, fa, fb)
    assert [(f.verdict, f.relation) for f in found] == [("explained", "part-of-whole")]
    assert "one place of the whole" in found[0].explanation


MINOR_PLACE = [
    "Corvex will lay off 640 workers in the Austin area, the company said.",
    "Corvex said that it would eliminate about 2,800 roles in its restructuring.",
    "Corvex shares rose 3 per cent after it said it would eliminate about 2,800 roles.",
]


@pytest.mark.parametrize("reports,verdicts", [
    # One of three reports counts the cuts in a place no other names: a part of the whole.
    (MINOR_PLACE, [("explained", "part-of-whole")]),
    # Two reports tell no such thing: the place may be the whole the story is about.
    (MINOR_PLACE[:2], []),
])
def test_a_place_few_reports_name_is_a_part(reports, verdicts):
    """A count in a place only a minority of the story's reports name, against a count with
    no place, is a part of the whole (people, jobs, homes; not an incident's few)."""
    result = _run(*((text, "2027-10-29") for text in reports))
    found = [f for f in _between(result, "640", "about 2,800") if f.verdict != "agree"]
    assert [(f.verdict, f.relation) for f in found] == verdicts


@pytest.mark.parametrize("later,second,verdicts", [
    # A year later, an age a year more, of a man the report does not name: a birthday.
    ("2008-04-30", "Police said the 39-year-old Troy man was sentenced on Wednesday.",
     {("explained", "different-period")}),
    # Two days later, nothing explains it, and an unnamed age accuses no one.
    ("2007-04-12", "Police said the 39-year-old Troy man was charged on Tuesday.", set()),
])
def test_the_closest_age_a_year_later(later, second, verdicts):
    result = _run(("The suspect, 38-year-old Anthony LaCalamita, was charged on Tuesday.",
                   "2007-04-10"), (second, later))
    assert {(f.verdict, f.relation) for f in _between(result, "38", "39")} == verdicts


# Two reports, two figures, and what an editor reads of them (the finding's verdict and
# relation, and words its explanation must say).
ONE_PAIR = [
    # The headline and the text give the whole's toll, worded two ways: either stands for it
    # against another report's count of one province.
    ("More than 300 people have died in the earthquake. Officials said on Friday that the death "
     "toll had soared past 300.", "2026-03-20",
     "Officials said on Friday that 231 people had died in the earthquake in Manabí province.",
     "2026-03-20", "soared past 300", "231", ("explained", "part-of-whole"), ""),
    # ... and against a toll a region holds, where the story calls the name a region: a part
    # of the toll, not the toll two days later.
    ("The death toll from Ecuador's devastating earthquake has soared past 300.", "2026-03-18",
     "The quake flattened 40 towns across Manabí province. On Wednesday, the provincial "
     "emergency committee put Manabí's death toll at 231.", "2026-03-20", "soared past 300",
     "231",
     ("explained", "part-of-whole"), "in Manabí"),
    # One report tells the career tally a game gave the player, the other what he has now: the
    # one as it stands is the later.
    ("McDermott scored 23 points in the game. It gave him 2,117 career points, the record.",
     "2013-03-08", "McDermott now has 2,129 career points, the record.", "2013-03-08",
     "2,117", "2,129", ("explained", "later-update"), "told as past"),
    # One report gives the early move of a share price, another the close: two stages of one
    # day's move, aligned for that reason whatever else their words say.
    ("Shares in the grocer rose 7.4% in early trading on Wednesday after the results.",
     "2025-05-14", "Shares in Hallworth closed up 5.9 per cent at 183.6p on Wednesday after the "
     "retailer reported better-than-expected profits.", "2025-05-14", "7.4%", "5.9 per cent",
     ("explained", "later-update"), "early"),
    # The second report gives the first one's profit and the company's guidance for the
    # current year: two periods, said so there, even where the model would align them as one.
    ("Penhallow said underlying profit before tax was £312 million on Thursday.", "2025-04-24",
     "The grocer made an underlying profit of £312 million. It expects underlying profit of "
     "between £320m and £340m in the current year.", "2025-04-25", "£312 million",
     "between £320m and £340m", ("explained", "different-period"), "for the period ahead"),
    # One saving told a year at a time and a month at a time.
    ("Moving the levies would cut the average dual-fuel bill by £150 a year, the Chancellor "
     "said.", "2025-11-26", "Households will see their energy bills fall by around £12.50 a "
     "month.", "2025-11-26", "£150 a year", "around £12.50 a month", ("agree", None),
     "the same sum a year"),
    # A region's population in April against the State's, which a change took to its level in
    # the year to April: a part of the whole at one time.
    ("The CSO's annual estimates put the population of the South-West region at 801,400 in "
     "April this year.", "2025-08-28",
     "Ireland's population grew by 81,100, or 1.5 per cent, to 5,462,800 in the year to April "
     "2025.", "2025-08-27", "801,400", "5,462,800", ("explained", "part-of-whole"), "region"),
    # A part of a whole the words name after it, and the whole in another report, in other
    # words ("savings", "save"; "the unit", "the unit has").
    ("Ministers will spend £1.3bn of the savings on buses and roads in the region.",
     "2025-11-10", "Cancelling the line would save £8.1bn in future spending, officials said.",
     "2025-11-10", "£1.3bn", "£8.1bn", ("explained", "part-of-whole"), "a part"),
    ("That added £149 a year to the typical household's bill, the regulator said.",
     "2024-11-20", "The average annual bill for a typical household using both gas and "
     "electricity rose to £1,717.", "2024-11-20", "£149 a year", "£1,717",
     ("explained", "increment-of-total"), "additional"),
    ("The new Folkestone base will house 85 of the Joint Maritime Enforcement Unit.",
     "2025-10-24", "The unit has 260 officers and staff, drawn from the Border Force.",
     "2025-10-19", "85", "260", ("explained", "part-of-whole"), "a part"),
    # The second report gives the first one's day and the total of two days: a day's count
    # against the two days'.
    ("Airports cancelled 220 flights on Tuesday and 640 on Wednesday, according to figures "
     "compiled from airport operators.", "2026-01-14",
     "More than 600 flights were axed yesterday, on top of 220 on Tuesday - nearly 900 in two "
     "days.", "2026-01-15", "640", "nearly 900", ("explained", "different-period"),
     "itself gives"),
    # The second report gives the first one's rate and, with a word that points back to it,
    # the rate a year before: two periods of one measure, said so there.
    ("The consumer prices index rose by 2.3 per cent in the year to October, figures show.",
     "2024-11-21", "The consumer prices index rose by 2.3 per cent in the 12 months to October. "
     "A year ago the rate stood at 4.6 per cent.", "2024-11-20", "2.3 per cent",
     "4.6 per cent", ("explained", "different-period"), "itself gives"),
    # Two digits swapped are one figure miscopied, also where the two name it with two nouns
    # ...
    ("NHS England figures show 24,612 operations and appointments were postponed over the "
     "first two days of the strike.", "2026-03-12",
     "Figures show a staggering 26,412 procedures were postponed over the first two days of "
     "the walkout.", "2026-03-12", "24,612", "26,412", ("contradict", None), "swapped"),
    # ... and where a word near one reads as an increment ("claimed 1,314 extra lives").
    ("The UKHSA published its first estimate on Thursday: 1,134 excess deaths in England "
     "during the heatwave.", "2026-07-25",
     "The heatwave has claimed 1,314 extra lives, shock official figures show.", "2026-07-24",
     "1,134", "1,314", ("contradict", None), "swapped"),
    # A market's verb tells a move ("rocketed 21.4%"), and a figure the report gives for
    # another period ("fallen by about a fifth over the past two years") is no repeat of it.
    ("Calder shares closed up 24.1% at 283p in London on Monday. Calder's shares have fallen "
     "by about a fifth over the past two years.", "2026-05-11",
     "Calder shares rocketed 21.4% on Monday after the offer.", "2026-05-13", "24.1%",
     "21.4%", ("contradict", None), "swapped"),
    # A later report's figure for a revised version of what it is of: an update.
    ("The board said it would recommend the offer of 295p a share, a premium of 29.4% to "
     "Friday's closing price of 228p.", "2026-05-11",
     "The improved offer represents a premium of 36.8% to Calder's closing share price of 228p "
     "on 8 May.", "2026-05-15", "29.4%", "36.8%", ("explained", "later-update"),
     "improved offer"),
    # A day has one close of a company's shares: two reports of it, the next morning's
    # undated, are one measure whatever their other words ...
    ("Shares in Northwind closed down 7.4% at 412 pence after the airline cut its forecast.",
     "2026-02-27", "Northwind's shares closed 4.7 per cent lower at £4.12 on Thursday.",
     "2026-03-02", "7.4%", "4.7 per cent", ("contradict", None), "no reason"),
    # ... and a level the report gives for another measure ("from 4.6%") is no repeat of the
    # other's closing move.
    ("By the close the stock had settled back, and the shares closed up 3.9% at 403p. "
     "Like-for-like sales growth slowed to 3.1% "
     "for the year, from 4.6%.", "2026-04-16",
     "The shares closed 4.6% higher at 406p on Wednesday.", "2026-04-16", "3.9%", "4.6%",
     ("contradict", None), "no reason"),
]


@pytest.mark.parametrize("a,da,b,db,fa,fb,expected,words", ONE_PAIR,
                         ids=[c[4] for c in ONE_PAIR])
def test_one_pair_of_reports(a, da, b, db, fa, fb, expected, words):
    found = _between(_run((a, da), (b, db)), fa, fb)
    assert [(f.verdict, f.relation) for f in found] == [expected]
    assert words in found[0].explanation


@pytest.mark.parametrize("first,second,fa,fb,found", [
    # The increase told beside the level it took the measure to, that level agreeing with
    # another report's: the increase and the other's figure are increment and total.
    ("The final tally leaves the party as the largest with 46 seats, gaining seven seats on "
     "its 2024 tally.", "The party finished with 46 seats in the new parliament.", "seven",
     "46", [("explained", "increment-of-total")]),
    ("The bidder raised its offer, lifting the value of the deal to £4.7bn, and the increase "
     "adds £256m to the price it first agreed.",
     "The deal is now worth £4.7bn, the bidder said.", "£256m", "£4.7bn",
     [("explained", "increment-of-total")]),
    # ... and the other way: another report's increase agreeing with this one's, against
    # this report's level.
    ("The party gained seven seats on its 2024 tally.",
     "The final tally leaves the party as the largest with 46 seats, gaining seven seats on "
     "its 2024 tally.", "seven", "46", [("explained", "increment-of-total")]),
    # A fall is no increase, and a second part as large as half the level is no increase of it.
    ("The price of the base model has dropped $100 to $1,199.",
     "The base model now costs $1,199.", "$100", "$1,199", []),
    ("The plan takes $3.6bn from military construction, with another $2.5 billion from drug "
     "programmes.", "The plan diverts $3.6bn from military construction.", "$2.5 billion",
     "$3.6bn", []),
])
def test_an_increase_beside_its_level(first, second, fa, fb, found):
    """An increase a report gives beside the level it took the measure to is explained against
    another report's figure agreeing with that level."""
    result = _run((first, "2026-03-01"), (second, "2026-03-02"))
    pairs = [f for f in _between(result, fa, fb) if f.verdict != "agree"]
    assert [(f.verdict, f.relation) for f in pairs] == found


def test_a_bound_confirms_no_figure():
    """A report that gives a bound elsewhere ("above the 50% legal threshold") does not
    thereby give the other report's turnout: the two turnouts are still in dispute."""
    result = _run(("Turnout was 57.3%, above the 50% legal threshold, and most backed action.",
                   "2026-03-10"),
                  ("On a turnout of 53.7% a large majority backed action.", "2026-03-14"))
    rows = {r["id"]: r for r in result.claims.to_dict("records")}
    by_article_unit: dict = {}
    for r in rows.values():
        by_article_unit.setdefault((r["article"], r["unit"]), []).append(r)
    ours = next(r for r in rows.values() if r["text"] == "57.3%")
    theirs = next(r for r in rows.values() if r["text"] == "53.7%")
    assert any(r["text"] == "50%" and r["bound"] == "lower" for r in rows.values())
    assert not verdict.confirmed_elsewhere(ours, theirs, by_article_unit)


def test_figures_for_other_days_the_other_report_also_gives():
    """The second report agrees with the first for its day (Saturday) and gives other days'
    counts too: each differs from the first report's figure for its day, which the second
    report itself shows; the finding that no other rule would align says so."""
    result = _run(("Some 1,250 people crossed the Channel in small boats on Saturday, the Home "
                   "Office said.", "2025-10-20"),
                  ("Home Office figures show 1,250 people made the crossing on Saturday. On "
                   "Thursday, 640 people arrived in small boats, and on Wednesday 310 people "
                   "arrived.", "2025-10-21"))
    found = _between(result, "Some 1,250", "640") + _between(result, "Some 1,250", "310")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "different-period")] * 2
    assert any("itself gives 1,250, agreeing with Some 1,250" in f.explanation for f in found)


def test_an_estimate_dated_when_it_was_made_agrees_with_the_same_estimate():
    """"First estimated at 79,800 last August": the month is when the estimate was made, not
    the span it counts, so the same first estimate in another report agrees with it."""
    result = _run(("Net migration in the year to April 2024, first estimated at 79,800 last "
                   "August, was revised up to 81,000.", "2025-08-27"),
                  ("Net migration in the 12 months to April 2024 was initially put at 79,800, "
                   "the statistics office said.", "2025-08-28"))
    found = _between(result, "79,800", "79,800")
    # (the first report's revision also holds both, as the first figure of its update)
    assert "agree" in {f.verdict for f in found} and "contradict" not in {
        f.verdict for f in found}


def test_a_figure_against_another_stage_the_other_report_also_gives():
    """The second report gives the first one's early-trading fall and the close: the first
    report's figure and the close are two stages of one day's move, nearest stage words
    deciding which figure is which."""
    result = _run(("Shares in the grocer fell 6.2% in early trading on Thursday after the "
                   "results.", "2025-04-24"),
                  ("The grocer's shares closed 3.8% lower on Thursday, having been down by as "
                   "much as 6.2% in early trading.", "2025-04-24"))
    found = _between(result, "6.2%", "3.8%")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "later-update")]
    assert "closed" in found[0].explanation and "early" in found[0].explanation


def test_a_change_one_report_gives_between_two_levels_another_gives():
    """One report gives the rise; another the payout and last year's, 0.7p apart: the rise and
    the payout differ as a change and the level it led to."""
    result = _run(("Shareholders were also handed a 0.7p rise in their interim payout.",
                   "2026-07-29"),
                  ("The airline declared an interim dividend of 4.2p per share, compared with "
                   "3.5p a year earlier.", "2026-07-28"))
    found = _between(result, "0.7p", "4.2p per share")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "increment-of-total")]
    assert "change between the two levels" in found[0].explanation


@pytest.mark.parametrize("running,meet", [
    (False, True),   # "will cut 420 jobs" and "180 jobs are to go": one outcome, either way
    (True, False),   # "the death toll rose by 5 to 50" and a toll of 50: a rise, a level
])
def test_a_change_meets_a_count_of_its_outcome_unless_a_toll(running, meet):
    from factcheck import match

    change = {"role": "change", "event": "job", "noun": "job", "unit_family": "count",
              "_kind": "count", "running": running}
    level = dict(change, role=None)
    assert match.roles_meet(change, level, False, "unknown") is meet


@pytest.mark.parametrize("a,b,clash", [
    # One name, ended on another word by each report: one holder.
    ("The Cedar Ridge Fire had burned about 12,000 acres by Monday evening.",
     "The Cedar Ridge fire has burnt more than 30,000 acres since it broke out on Sunday.", 0.0),
    # Two players' tallies: two holders.
    ("Hansbrough now has 2,301 career points after Thursday's game.",
     "Ford finished his career with 2,290 points.", 1.0),
])
def test_two_words_of_one_name_are_one_holder(a, b, clash):
    from factcheck import features, match

    result = _run((a, "2025-09-08"), (b, "2025-09-09"))
    rows, _ = match.prepared(result.claims)
    ra = next(r for r in rows if r["article"] == "a0")
    rb = next(r for r in rows if r["article"] == "a1")
    assert ra["holder"] and rb["holder"]
    assert features.holder_clash(ra, rb, features.Story()) == clash


def test_an_area_burned_grows_between_reports():
    """A fire's burned area is its extent so far: a larger one days later is an update, as
    for a toll."""
    result = _run(("The wildfire had burned 6,100 hectares by Monday morning, officials said.",
                   "2026-08-10"),
                  ("The fire, in the hills east of the city, has burned 19,700 hectares since it "
                   "broke out.", "2026-08-13"))
    assert [(f.verdict, f.relation) for f in _between(result, "6,100 hectares",
                                                      "19,700 hectares")] == [
        ("explained", "later-update")]


def test_figures_too_far_apart_are_no_accusation():
    """A regional paper's births against the country's, the place named a sentence before:
    25 times apart is no misreported figure but a part, or another count."""
    result = _run(("Once again more people died in the county than were born. There were 41,200 "
                   "deaths and 18,300 births in the year to mid-2025.", "2026-06-25"),
                  ("There were 602,400 births and 571,900 deaths in the year to mid-2025, the "
                   "statistics office said.", "2026-06-25"))
    assert not [f for f in result.findings if f.verdict == "contradict"]


@pytest.mark.parametrize("a,b,times", [
    (18300, 602400, 32.9),
    (1.2, 12, None),     # a slipped decimal point: a real error, still an accusation
    (350, 1000, None),   # within what outlets misreport one figure by
])
def test_far_apart(a, b, times):
    from factcheck.verdict import _far_apart
    row = {"unit": "count", "unit_family": "count", "measure": "count"}
    got = _far_apart({**row, "value": a}, {**row, "value": b})
    assert (round(got, 1) if got else None) == times


def test_money_spent_so_far_grows_between_reports():
    """Money spent on a scheme by one date and by a later one: the total so far, updated."""
    result = _run(("The auditor said in a report in March that £1.4bn had been spent by the end "
                   "of September 2025.", "2026-06-16"),
                  ("£1.65bn had been spent by the end of March 2026, according to the "
                   "department's own figures.", "2026-06-17"))
    assert [(f.verdict, f.relation) for f in _between(result, "£1.4bn", "£1.65bn")] == [
        ("explained", "later-update")]


@pytest.mark.parametrize("a,b,slip", [
    (672600, 627600, True),        # two neighbouring digits swapped
    (2.37e9, 2.73e9, True),        # "£2.37bn", "£2.73bn"
    (59177500, 59171500, 0.5),     # one digit of six changed
    (5687.75, 5587.75, 0.5),
    (2301, 2302, False),           # a running tally: one digit of four moves by design
    (1099, 1199, False),           # price points
    (481200, 491200, 0.5),         # one digit of four changed, in tens of thousands or more
    (462.3e9, 452.3e9, 0.5),
    (2116, 2106, False),           # ... not in a player's tally of four digits
    (35, 38, False),               # too few digits to tell a slip from another figure
    (45774, 45755, False),         # two digits changed: a different figure, or a worse error
])
def test_digit_slip(a, b, slip):
    from factcheck import features
    assert features.digit_slip({"value": a}, {"value": b}, features.Story()) == float(slip)
    # (1.0: two digits swapped; 0.5: one changed)


def test_a_figure_with_two_digits_swapped_is_a_contradiction():
    """"672,600 births" and "627,600 babies" for one year's births: one figure, miscopied."""
    result = _run(("There were 672,600 births and 648,100 deaths in the year to mid-2025, the "
                   "statistics office said.", "2026-06-25"),
                  ("Just 627,600 babies were born in the year to mid-2025, the lowest for "
                   "decades.", "2026-06-25"))
    assert [f.verdict for f in _between(result, "672,600", "627,600")] == ["contradict"]


def test_a_part_all_but_the_whole_is_no_part():
    """A count "in the province" within a hair of another report's count is no part of it:
    the same count, told twice (and not an explained difference)."""
    result = _run(("Officials said 31,482 people remained in 208 evacuation centres across the "
                   "province as of Thursday evening.", "2026-10-16"),
                  ("On Thursday, 31,461 people were still in evacuation centres in the province.",
                   "2026-10-18"))
    assert not [f for f in _between(result, "31,482", "31,461")
                if f.relation == "part-of-whole"]


@pytest.mark.parametrize("a,b,fa,fb,days,verdict", [
    # Money spent by one date, two digits swapped: no update explains a swap.
    ("By the department's own account, £1.46bn had been spent by the end of March.",
     "£1.64bn had been spent by the end of March 2026, according to the department.",
     "£1.46bn", "£1.64bn", ("2026-06-18", "2026-06-17"), "contradict"),
    # A tally to date may change one digit from one day to the next.
    ("Home Office figures showed 669 crossed on Tuesday, taking the total for the year so far "
     "to 27,281.", "Figures show 612 made the journey on Friday, taking the total so far this "
     "year to 27,981.", "27,281", "27,981", ("2024-10-09", "2024-10-12"), "explained"),
])
def test_a_slip_of_digits_is_no_update(a, b, fa, fb, days, verdict):
    result = _run((a, days[0]), (b, days[1]))
    assert [f.verdict for f in _between(result, fa, fb)] == [verdict]


def test_a_part_of_its_own_whole_is_no_part_of_a_figure_all_but_it():
    """"Of the 312,640 households, 46,318 ..." is a part of 312,640, not of another report's
    46,390."""
    result = _run(("Of the 312,640 households that signed up, 46,318 had work started but not "
                   "finished.", "2026-06-17"),
                  ("Nationally, 46,390 households will receive the payments.", "2026-06-17"))
    assert not [f for f in _between(result, "46,318", "46,390")
                if f.relation == "part-of-whole"]


def test_a_toll_told_beside_an_earlier_days_figure_is_the_reports_days():
    """"By Monday night eight had died, and officials said this morning that the toll had
    risen to 12" (a Wednesday report): the eight is Monday night's, the 12 Wednesday's, so the
    toll is a timeline, and a missing count or the evacuated ("more than 9,000 have been
    evacuated") never join it."""
    result = _run(
        ("Wildfire death toll rises to seven. Seven people have died and more than 9,000 have "
         "been evacuated as the fire burns on. Nine people are still missing, officials said.",
         "2026-07-20"),
        ("By Monday night eight people had been confirmed dead, and officials said this "
         "morning that the toll had risen to 12.", "2026-07-22"))
    c = result.claims.set_index("id")
    assert not [f for f in result.findings if f.verdict == "contradict"]
    updates = [sorted(c.loc[f.claims, "text"]) for f in result.findings
               if f.relation == "later-update"]
    assert ["Seven", "eight", "seven"] in updates or ["eight", "seven"] in updates, updates
    assert c.loc[c["text"] == "12", "as_of"].tolist() == ["2026-07-22"]
    assert c.loc[c["text"] == "more than 9,000", "event"].tolist() == ["displacement"]



@pytest.mark.parametrize("a,b,figures,expected", [
    # "781,000 in the December-to-February period", "vacancies have slumped to 718,000": one
    # figure with two digits swapped, whatever period the second report leaves unsaid.
    (("Vacancies fell by 14,000 to 781,000 in the December-to-February period, the official "
      "figures showed.", "2026-03-17"),
     ("Job vacancies have slumped to 718,000, with bosses in pubs and shops leading the "
      "retreat.", "2026-03-19"),
     ("781,000", "718,000"), ("contradict", None)),
    # Each report's only rainfall, told for two periods, is explained, not left unpaired.
    (("The weather agency recorded 412mm of rain in the 24 hours to Tuesday morning, a "
      "record for the city. Winds reached 180km/h.", "2026-10-13"),
     ("The storm brought 736mm of rain to the city over three days, from Friday to Sunday, "
      "the weather service said.", "2026-10-19"),
     ("412mm", "736mm"), ("explained", "different-period")),
    # Two digits swapped in a sum told in other words: one figure miscopied.
    (("The chancellor would meet her main fiscal rule with £14.1 billion to spare, the "
      "watchdog said.", "2026-03-18"),
     ("Economists noted she had left herself only £11.4bn of headroom against her rules.",
      "2026-03-22"),
     ("£14.1 billion", "£11.4bn"), ("contradict", None)),
    # One named day's toll in two reports, one told in the past tense: no update between them.
    (("The confirmed death toll hit 38 on Tuesday as divers reached the lower deck.",
      "2026-02-10"),
     ("On Tuesday the coast guard had put the toll at 36; by Thursday it had risen further.",
      "2026-02-12"),
     ("38", "36"), ("contradict", None)),
    # The same digits a decimal point apart: one figure miscopied, whatever the words.
    (("Net income rose to $3.07 billion in the quarter, the company said.", "2027-10-26"),
     ("Profit came in at $307 million for the three months, analysts noted.", "2027-10-28"),
     ("$3.07 billion", "$307 million"), ("contradict", None)),
    # Two digits swapped in one phrase: the same contingent, miscopied.
    (("A contingent of 120 firefighters from Andalusia arrived on Tuesday to relieve crews.",
      "2026-08-12"),
     ("The 210 firefighters from Andalusia who arrived on Tuesday are working the eastern flank.",
      "2026-08-13"),
     ("120", "210"), ("contradict", None)),
    # A first estimate and its revision: the stage named in the figure's own stretch.
    (("House prices: the figure for August, initially estimated at 2.2 per cent, was revised "
      "higher.", "2027-11-18"),
     ("House prices: the annual rate for August was revised up to 2.4 per cent.", "2027-11-17"),
     ("2.2 per cent", "2.4 per cent"), ("explained", "later-update")),
    # A price in extended trading and the next day's close: two stages of one move.
    (("The company's shares fell 4.8% to $212.40 in extended trading after the results.",
      "2027-10-26"),
     ("The company's shares closed down 7.3 per cent at $206.90 on the Nasdaq.", "2027-10-27"),
     ("$212.40", "$206.90"), ("explained", "later-update")),
])
def test_one_figure_in_each_report(a, b, figures, expected):
    found = _between(_run(a, b), *figures)
    assert [(f.verdict, f.relation) for f in found] == [expected], [f.explanation for f in found]


def test_a_figure_that_is_the_rest_of_a_split_total():
    """One report gives a total and the part that was there before; another gives the rest."""
    result = _run(
        ("The national funds come on top of €20m already committed by the regional government "
         "and bring the public aid package to €70m.", "2026-07-24"),
        ("The government has pledged €50 million in emergency aid for the island.",
         "2026-07-22"))
    found = _between(result, "€70m", "€50 million")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "increment-of-total")]
    assert "€20m" in found[0].explanation and "rest" in found[0].explanation
    # Not where the figure is no rest of it.
    result = _run(
        ("The national funds come on top of €20m already committed by the regional government "
         "and bring the public aid package to €70m.", "2026-07-24"),
        ("The government has pledged €40 million in emergency aid for the island.",
         "2026-07-22"))
    assert not [f for f in _between(result, "€70m", "€40 million")
                if f.relation == "increment-of-total"]


def test_a_toll_recalled_for_a_day_may_be_that_days_last():
    """A later report's "by Monday night" count above a report written on Monday is the day's
    last count (an update within the day), not a conflict."""
    result = _run(("The wildfire's death toll rose to seven on Monday, officials said.",
                   "2026-07-20"),
                  ("By Monday night eight people had been confirmed dead, and officials said "
                   "this morning that the toll had risen to 12.", "2026-07-22"))
    found = _between(result, "seven", "eight")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "later-update")]
    assert "recalled" in found[0].explanation


@pytest.mark.parametrize("b,published,verdicts", [
    # Told as it stands after an earlier report had replaced it: out of date.
    ("With consumer price inflation running at 3.1 per cent, buyers face a squeeze.",
     "2027-11-20", {"contradict"}),
    # Dated to its own month, or written before the new figure came out: no conflict.
    ("Inflation had eased to 3.1 per cent in September, the figures showed.", "2027-11-20",
     {"explained"}),
    ("With consumer price inflation running at 3.1 per cent, buyers face a squeeze.",
     "2027-11-15", {"explained"}),
])
def test_a_superseded_figure_told_as_current(b, published, verdicts):
    """"3.4 per cent in October, up from 3.1 per cent in September" in one report; a later one
    gives 3.1 per cent as the rate that runs now."""
    result = _run(("Consumer prices rose at an annual rate of 3.4 per cent in October, up from "
                   "3.1 per cent in September.", "2027-11-17"), (b, published))
    found = [f for f in result.findings if any(c.startswith("a1") for c in f.claims)
             and f.verdict != "agree"]
    assert {f.verdict for f in found} == verdicts, [f.explanation for f in found]
    if "contradict" in verdicts:
        assert "superseded" in next(f for f in found if f.verdict == "contradict").explanation


def test_another_measure_at_the_old_figure_is_not_superseded():
    """"Pay growth slowed to 4.7 per cent" after "the unemployment rate rose to 4.9 per cent,
    from 4.7 per cent": the same figure, another measure; nothing told out of date."""
    result = _run(("The unemployment rate rose to 4.9 per cent, from 4.7 per cent in the three "
                   "months to May.", "2025-10-14"),
                  ("Regular pay growth slowed to 4.7 per cent, though it remains ahead of "
                   "prices.", "2025-10-15"))
    assert not [f for f in result.findings if f.verdict == "contradict"], \
        [f.explanation for f in result.findings]


def test_job_cuts_under_two_nouns_are_one_dispute():
    """"cut 1,200 roles" (said twice, headline and body) and "1,500 workers face the axe": the
    one figure of job cuts in each report, set against each other once, with the repeat."""
    result = _run(("Northwind to cut 1,200 jobs. The airline said on Thursday it would cut 1,200 "
                   "roles and warned of higher fuel costs.", "2026-02-26"),
                  ("The boss is set to pocket a £3.4million pay packet as 1,500 workers at her "
                   "firm face the axe.", "2026-02-28"))
    found = [f for f in result.findings if f.verdict == "contradict"]
    assert len(found) == 1, [f.explanation for f in result.findings]
    c = result.claims.set_index("id")
    assert sorted(c.loc[found[0].claims, "text"]) == ["1,200", "1,200", "1,500"]
    # An announcement is fixed when made: a later report's higher figure is no update of it.
    assert not [f for f in result.findings if f.relation == "later-update"]


def test_a_figure_of_another_period_leaves_the_one_figure_of_a_measure():
    """"Around 170,000 retail jobs were lost last year" is another measure by its period: the
    report's one figure of the jobs its firm cuts is still "about 2,100 roles"."""
    result = _run(("The retailer will close 38 stores, putting about 2,100 roles at risk. Around "
                   "170,000 retail jobs were lost across the country last year.", "2026-04-22"),
                  ("The retailer is to shut 38 shops, leaving 2,700 workers facing the axe.",
                   "2026-04-24"))
    found = _between(result, "about 2,100", "2,700")
    assert [f.verdict for f in found] == ["contradict"], [f.explanation for f in found]


@pytest.mark.parametrize("a,b,fa,fb", [
    # Two counted nouns, births and homes, are never one measure in dispute.
    ("There were 53,100 births and 36,400 deaths in the period.",
     "The institute estimates that between 44,000 and 53,000 new homes a year are needed.",
     "53,100", "between 44,000 and 53,000"),
    # A town's people and the injured: the same two digits, no slip of one figure.
    ("Castelvetere, a town of 4,300 people, was largely reduced to rubble.",
     "The Civil Protection Department said 430 people had now been injured in total.",
     "4,300", "430"),
])
def test_counts_of_two_things_are_never_in_dispute(a, b, fa, fb):
    result = _run((a, "2026-08-25"), (b, "2026-08-26"))
    assert not [f for f in _between(result, fa, fb) if f.verdict == "contradict"]


def test_one_headcount_at_a_named_year_end_in_dispute():
    """Two reports' only headcounts at one stated year-end differ by 19 people: a real
    discrepancy ("45,774" against "45,755"), whatever else the sentences say; a part the first
    report gives of it ("about 7,500 of them in Yorkshire") is no second headcount."""
    result = _run(("Northgate employed 61,804 people at the end of 2024, about 7,500 of them in "
                   "Yorkshire, making it one of the region's largest employers.", "2025-02-20"),
                  ("The bank employed 61,785 people at the end of the year, and the planned "
                   "reduction of about 3,200 roles will fall mostly on back-office teams.",
                   "2025-02-24"))
    assert [f.verdict for f in _between(result, "61,804", "61,785")] == ["contradict"]


def test_a_year_ago_in_reports_a_day_apart_is_one_time():
    """"4.1% a year ago" on the 14th and "4.3 per cent a year earlier" on the 15th are one
    time told relative to each report, not two days a year back."""
    a = dict(period_kind="day", period_start="2024-10-14", period_end="2024-10-14",
             as_of="2024-10-14", published="2025-10-14")
    b = dict(period_kind="day", period_start="2024-10-15", period_end="2024-10-15",
             as_of="2024-10-15", published="2025-10-15")
    assert periods.relation(a, b) == "same"
    # Two days a report names are two days.
    named = dict(b, published="2025-10-20")
    assert periods.relation(a, named) == "different"


def test_an_undated_figure_meets_the_other_period_its_agreeing_figure_is_told_beside():
    """One report gives 468mm over four days and 212mm in 24 hours; another only "468mm of
    rain": its 468mm is the four days' total, so against the 212mm it is another period."""
    result = _run(("The station recorded 212 millimetres of rain in 24 hours to Saturday morning "
                   "and a total of 468 millimetres over four days.", "2024-09-16"),
                  ("An astonishing 468mm of rain fell on the station, forecasters said.",
                   "2024-09-17"))
    found = _between(result, "212 millimetres", "468mm")
    assert [(f.verdict, f.relation) for f in found] == [("explained", "different-period")]


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # One digit changed in a figure this precise: one sum miscopied, whatever places the two
    # sentences name beside it.
    ("Filings in Washington show the campaign spent $5,412.75 at the Lakeside Wellness "
     "Retreat.", "The campaign paid for a $5,312.75 stay at the Lakeside Wellness Retreat in "
     "Vermont in 2009.", "$5,412.75", "$5,312.75", ["contradict"]),
    # Two parties' shares with their digits swapped: two holders, no slip.
    ("The LNP's primary vote stood at 39.8 per cent, the commission said.",
     "Labor's primary vote fell to 33.1 per cent from 38.9 per cent.", "39.8 per cent",
     "38.9 per cent", []),
])
def test_a_slip_of_digits_across_places_but_not_holders(a, b, fa, fb, verdicts):
    result = _run((a, "2013-02-20"), (b, "2013-02-21"))
    assert [f.verdict for f in _between(result, fa, fb) if f.verdict != "agree"] == verdicts


@pytest.mark.parametrize("a,b,fa,fb,found", [
    # A part of the year's dividend against the year's total: explained.
    ("The lender will pay a final dividend of 7.1p a share, payable in June.",
     "Including the total dividend of 10.5p, the yield is about 6%.", "7.1p a share", "10.5p",
     [("explained", "part-of-whole")]),
    # One payment given as two sums: the final dividend in dispute.
    ("The grocer raised its final dividend to 6.4 pence per share.",
     "The grocer is handing shareholders a final dividend of 9.8p a share.",
     "6.4 pence per share", "9.8p a share", [("contradict", None)]),
    # ... and the year's total, where the first report also gives the final dividend.
    ("It will pay a final dividend of 7.1 pence a share, bringing the total for the year to "
     "10.5 pence.", "Shareholders will pocket a total dividend of 7.1p a share for the year.",
     "10.5 pence", "7.1p a share", [("contradict", None)]),
])
def test_dividend_payments_part_and_total(a, b, fa, fb, found):
    """"a final dividend of 7.1p" is a part of "a total dividend of 10.5p"; two final
    dividends, or two totals, that differ are one payment in dispute."""
    result = _run((a, "2025-02-20"), (b, "2025-02-21"))
    assert [(f.verdict, f.relation) for f in _between(result, fa, fb)] == found


@pytest.mark.parametrize("text,kind", [
    ("Northgate will pay a final dividend of 8.4 pence a share, bringing the total for the year "
     "to 12.6 pence.", ["final", "total"]),
    ("The board proposed an interim dividend of 2.8p and a special dividend of 5p.",
     ["interim", "special"]),
    ("The full-year dividend rises to 13.4p, up from 12.1p.", ["total", ""]),
    ("Pre-tax profit rose to £1.2bn and the dividend was held.", [""]),
])
def test_payout_kind(text, kind):
    result = _run((text, "2025-02-20"))
    rows = result.claims[result.claims["unit_family"] == "money"].to_dict("records")
    assert [features.payout_kind(r) for r in rows] == kind


def test_a_slipped_decimal_point_is_aligned_however_low_the_model_scores_it():
    """In a crowded story of sums the model scores every pair of differing sums low; figures
    whose digits are a decimal point apart ("$307 million", "$3.07 billion") are still one
    figure miscopied (from ``match.SLIP_MIN``, below the closest-figure floor)."""
    doc = json.loads((Path(model.__file__).parent / "data" / "matcher.json").read_text())
    p = (match.SLIP_MIN + match.CLOSEST_MIN) / 2
    doc["same_measure_differing"] = {"intercept": math.log(p / (1 - p)), "weights": {}}
    with model.using(model.Matcher.from_dict(doc)):
        result = _run(("Net income rose to $3.07 billion in the quarter.", "2027-10-26"),
                      ("Profit came in at $307 million, the company said.", "2027-10-28"))
    assert [f.verdict for f in _between(result, "$3.07 billion", "$307 million")] == ["contradict"]


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # One move told up by one report and down by another: a contradiction.
    ("Brightwell shares closed 3.4% higher at 412.6p on Thursday.",
     "Brightwell's shares tumbled 3.4% on Thursday as traders fretted.", "3.4%", "3.4%",
     ["contradict"]),
    # ... but the same move told twice in one direction agrees.
    ("Brightwell shares closed 3.4% higher at 412.6p on Thursday.",
     "Brightwell's shares rose 3.4% on Thursday as traders cheered.", "3.4%", "3.4%",
     ["agree"]),
])
def test_one_move_told_up_and_down(a, b, fa, fb, verdicts):
    result = _run((a, "2026-10-16"), (b, "2026-10-17"))
    assert [f.verdict for f in _between(result, fa, fb)] == verdicts


@pytest.mark.parametrize("a,b,fa,fb,accused", [
    # Near figures told in one phrase, the only such figure in each report: one measure.
    ("Inflation rose to 3.4 per cent in October, above the 3.3 per cent consensus among City "
     "economists.", "Inflation hit 3.4 per cent, against the 3.2 per cent consensus among City "
     "economists.", "3.3 per cent", "3.2 per cent", True),
    # ... not a count told as it stands so far, which may have grown between the reports.
    ("A survey found that 140 homes have been destroyed, most of them in the village.",
     "The regional government says 163 homes have been destroyed.", "140", "163", False),
])
def test_one_phrase_in_each_report(a, b, fa, fb, accused):
    result = _run((a, "2027-11-18"), (b, "2027-11-19"))
    assert ("contradict" in [f.verdict for f in _between(result, fa, fb)]) == accused


@pytest.mark.parametrize("a,b,fa,fb,verdicts", [
    # A toll of the dead told a little lower in a later report: the dead are never fewer.
    (("The death toll from the derailment near Ashcombe rose to 11 on Monday, police said. Two "
      "of the dead were children.", "2025-09-15"),
     ("The crash, which has claimed ten lives, happened on Sunday morning. More than 400 "
      "passengers were on board.", "2025-09-16"), "11", "ten", [("contradict", None)]),
    (("By Friday 1,912 people had been confirmed dead, the interior ministry said.", "2026-03-13"),
     ("On Monday the confirmed death toll stood at 1,874, officials said.", "2026-03-16"),
     "1,912", "1,874", [("contradict", None)]),
    # An increment in one report against the larger sum it adds to in another.
    (("The council agreed a budget including an extra £14m for children's services.",
      "2026-02-24"),
     ("The children's services budget was set at £164m for the coming year.", "2026-02-25"),
     "£14m", "£164m", [("explained", "increment-of-total")]),
    (("Shareholders get an extra 0.4p on the interim dividend.", "2026-10-16"),
     ("The retailer raised its interim dividend to 4.8p.", "2026-10-17"), "0.4p", "4.8p",
     [("explained", "increment-of-total")]),
])
def test_a_toll_told_lower_and_an_increment_told_apart(a, b, fa, fb, verdicts):
    result = _run(a, b)
    assert [(f.verdict, f.relation) for f in _between(result, fa, fb)] == verdicts


def test_the_one_vote_tally_of_each_report_is_one_vote():
    """"by 42 votes to 17" and "by 46 votes to 17": the votes for in the one tally each report
    gives are one count, whatever else their words say."""
    result = _run(
        ("The council set a budget of £843m. Councillors voted by 42 votes to 17, with three "
         "abstentions, at a meeting that lasted four hours. About 240 posts will go.",
         "2026-02-23"),
        ("When Easterby's councillors approved their budget on Monday night by 46 votes to 17, "
         "there was no cheering in the chamber. The council will cut 240 posts and draw £12.5m "
         "from reserves.", "2026-02-27"))
    assert [f.verdict for f in _between(result, "42", "46")] == ["contradict"]


def test_a_half_year_in_weeks_and_in_months_is_one_span():
    """"the 26 weeks to Aug. 29" and "the six months to the end of August": one half year."""
    result = _run(("Revenue rose 5.8% to £1,284.6m in the 26 weeks to Aug. 29, while profit "
                   "rose to £86.4m.", "2026-10-15"),
                  ("Revenue rose to £1.28bn in the six months to the end of August, the retailer "
                   "said.", "2026-10-16"))
    assert [f.verdict for f in _between(result, "£1,284.6m", "£1.28bn")] == ["agree"]


@pytest.mark.parametrize("a,b,fa,fb,accused", [
    # Three digits swapped between two named things, or a bare count told of another thing,
    # are two figures: seats needed for a majority, a margin of votes.
    ("A party needs 121 seats for a majority in the assembly, officials said.",
     "Varga held the seat by a margin of just 112 votes after a recount.", "121", "112", False),
    ("Together the three parties hold a combined 111 seats, ten short of the 121 needed for a "
     "majority.", "Varga held the seat by a margin of just 112 votes after a recount.", "121",
     "112", False),
    # ... but people may be what a named count counts ("births", "babies").
    ("The statistics office recorded 51,300 births in the year to April.",
     "There were 53,100 babies born in the 12 months to April, the statistics office said.",
     "51,300", "53,100", True),
])
def test_a_slip_of_three_digits_needs_one_kind_of_thing(a, b, fa, fb, accused):
    result = _run((a, "2026-03-09"), (b, "2026-03-10"))
    assert ("contradict" in [f.verdict for f in _between(result, fa, fb)]) == accused


def test_one_outcome_on_one_stated_day_hedged_closely_is_one_count():
    """"2,840 people were evacuated ... on Monday" and "almost 2,000 residents ... evacuated on
    Monday alone": each report's one count of that outcome for that day, one measure."""
    result = _run(("Emergency services said 2,840 people were evacuated from their homes in "
                   "Kelmouth and St Arvan on Monday, as high tides pushed seawater over the "
                   "defences. Winds reached 98mph.", "2026-01-19"),
                  ("Terrified families fled as a raging sea burst through flood defences, with "
                   "almost 2,000 residents of Kelmouth and St Arvan evacuated on Monday alone. "
                   "Three people died.", "2026-01-21"))
    assert [f.verdict for f in _between(result, "2,840", "almost 2,000")] == ["contradict"]


def test_a_quarters_sum_against_the_years():
    """"£1.62bn of it earned in the fourth quarter" and "a pre-tax profit of £7.84bn for 2024":
    a quarter's figure and the year's, explained, never a dispute."""
    result = _run(("The lender reported a pre-tax profit of £7.84bn for 2024, its highest since "
                   "2007. It employs 58,000 staff and paid a dividend of 6.2p.", "2025-02-20"),
                  ("The bank said profit rose, with £1.62bn of it earned in the fourth quarter as "
                   "margins widened. Bad loans cost £860m.", "2025-02-24"))
    assert [(f.verdict, f.relation) for f in _between(result, "£7.84bn", "£1.62bn")] == [
        ("explained", "different-period")]
