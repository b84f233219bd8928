"""Wire copies: found from the sentences that hold figures, checked once, named in the fact."""

from __future__ import annotations

import datetime as dt

from factcheck import copies
from factcheck.pipeline import check_articles
from factcheck.schema import Article

WIRE = ("Rescuers said 213 people had died in the floods by Sunday. "
        "About 1,200 homes were damaged in the valley, officials said. "
        "The regional government has set aside $20m for repairs.")


def _art(aid, text, day, source):
    return Article(id=aid, text=text, path=f"{aid}.txt", source=source,
                   published=dt.date(2025, 3, day))


def test_sentence_key_ignores_case_spacing_and_quote_marks():
    assert copies.sentence_key("He said “12 boats”  crossed.") == copies.sentence_key(
        'he said "12 boats" crossed.')
    assert copies.sentence_key("12 boats crossed.") != copies.sentence_key("13 boats crossed.")


def test_copies_are_checked_once_and_named_in_the_fact():
    """A wire story carried by three outlets, with a headline and a sentence of their own, and
    an outlet's own report of the toll: one agreement holding every copy, the copies named in
    the fact, no pair made among the copies."""
    arts = [_art("wire", WIRE, 9, "Wire Agency"),
            _art("c1", "Floods: toll rises\n\n" + WIRE, 10, "Daily One"),
            _art("c2", WIRE + " Additional reporting by staff.", 11, "Daily Two"),
            _art("c3", "By a reporter. " + WIRE + " More follows on 3 pages.", 12, "Daily Three"),
            _art("own", "The death toll from the floods rose to 213 by Sunday, officials said, "
                 "and 1,200 homes were damaged.", 10, "Coast Times")]
    result = check_articles(arts)
    assert result.copy_groups == {"wire": "wire", "c1": "wire", "c2": "wire", "c3": "wire"}
    carried = result.claims[result.claims["copy_of"] != ""]
    assert set(carried["article"]) == {"c1", "c2", "c3"}
    assert all(c.startswith("wire#") for c in carried["copy_of"])
    # Every finding compares the outlet's own report with the wire: none among the copies.
    assert result.findings and all("own#" in " ".join(f.claims) for f in result.findings)
    toll = [f for f in result.findings if "wire#1" in f.claims]
    assert len(toll) == 1 and toll[0].verdict == "agree"
    assert {c.split("#")[0] for c in toll[0].claims} == {"wire", "own", "c1", "c2", "c3"}
    fact = next(k for k in result.facts if "wire#1" in k.claims)
    assert {c.split("#")[0] for c in fact.claims} == {"wire", "own"}
    assert fact.copies == {"wire#1": ["c1", "c2", "c3"]}


def test_the_report_names_the_carriers(tmp_path):
    from factcheck.pipeline import write_outputs

    arts = [_art("wire", WIRE, 9, "Wire Agency"),
            _art("c1", "Floods: toll rises\n\n" + WIRE, 10, "Daily One"),
            _art("c2", WIRE + " Additional reporting by staff.", 11, "Daily Two"),
            _art("own", "The death toll from the floods rose to 213 by Sunday, officials said.",
                 10, "Coast Times")]
    html = write_outputs(check_articles(arts), tmp_path)["report"].read_text(encoding="utf-8")
    assert "carried by 2 outlets: Daily One, Daily Two" in html


def test_a_copy_that_changes_a_figure_is_still_compared():
    changed = WIRE.replace("213 people", "231 people")
    # The same day: a toll that rose between two days' reports would be an update.
    result = check_articles([_art("wire", WIRE, 10, "Wire Agency"),
                             _art("copy", changed, 10, "Daily One")])
    assert result.copy_groups == {"copy": "copy", "wire": "copy"}   # the smaller id leads
    kept = result.claims[(result.claims["article"] == "wire") & (result.claims["copy_of"] == "")]
    assert list(kept["text"]) == ["213"]
    (f,) = [f for f in result.findings if f.verdict == "contradict"]
    assert sorted(c.split("#")[0] for c in f.claims) == ["copy", "wire"]


def test_two_reports_of_one_event_are_not_copies():
    a = _art("a", "Rescuers said 213 people had died in the floods by Sunday. About 1,200 "
             "homes were damaged.", 10, "One")
    b = _art("b", "The toll from the floods reached 213 on Sunday, rescuers said. Some 1,200 "
             "homes were damaged in all.", 10, "Two")
    result = check_articles([a, b])
    assert result.copy_groups == {}
    assert any(f.verdict == "agree" for f in result.findings)


def test_seeds_gold_holds_inside_a_syndicated_feed():
    """The seeds and 300 real articles, each carried three times over three weeks, in one feed
    that names no story: the copies are found, the stories too, and every seed gold pair
    holds with no contradiction."""
    from conftest import SHARED, shared_path

    from factcheck import bench, gold

    shared_path("corpora")
    base = bench.base_articles(SHARED)[:304]   # the four seeds first, then the corpora
    feed = list(bench.iter_feed(base, 3 * len(base), "syndicated"))
    result = check_articles(feed, group="auto")
    assert len(result.articles) == 912 and len({a.story for a in result.articles}) > 1
    seeds = [a for a in base[:4]]
    assert all(result.copy_groups.get(a.id) == a.id for a in seeds)
    pairs = gold.load_pairs(SHARED / "gold" / "seeds.yaml")
    outcomes = gold.score_pairs(seeds, result.claims, result.findings, pairs)
    assert all(o.ok for o in outcomes), [o for o in outcomes if not o.ok]
    texts = {a.id: a.text for a in seeds}
    touching = [f for f in gold.uncovered_contradictions(
        result.claims[result.claims["article"].isin(texts)], texts, result.findings, pairs)
        if any(c.split("#")[0] in texts for c in f.claims)]
    assert touching == []


def test_a_lone_surrogate_has_a_sentence_key():
    """Articles built in code may hold a lone surrogate (found by the robustness test):
    hashing their sentences must not raise."""
    assert copies.sentence_key("0\ud800", figures=False) == copies.sentence_key(
        "1\ud800", figures=False)
