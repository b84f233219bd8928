"""The seeds' report opened in a real browser: headless Debian Chromium driven by Playwright.

`.ci/run` installs Chromium and sets FACTCHECK_REQUIRE_BROWSER=1, so a missing browser fails CI;
elsewhere these tests skip with a message saying what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from factcheck import pipeline, report
from factcheck.schema import Article

CHROMIUM = Path(os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _missing(reason: str) -> None:
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds_page_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-report")
    paths = pipeline.write_outputs(pipeline.check([SEEDS]), out, title="Seeds")
    return paths["report"].as_uri()


@pytest.fixture()
def page(browser, seeds_page_url):
    pg = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(seeds_page_url)
    pg.errors, pg.requests = errors, requests
    yield pg
    pg.close()


def _visible(page, selector: str) -> int:
    return page.locator(f"{selector}:visible").count()


def test_no_console_errors_and_no_network(page):
    assert page.errors == []
    assert all(u.startswith("file://") for u in page.requests), page.requests


def test_charts_render(page):
    charts = page.locator("svg.chart")
    assert charts.count() >= 2
    box = charts.first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 30
    # Every chart draws one mark per source plus its axis.
    assert page.locator("svg.chart .mark").count() >= 2 * charts.count()
    assert page.locator("svg.chart .axis").count() >= charts.count()


def test_verdict_filter_hides_and_counts_follow(page):
    total = _visible(page, "article.card")
    agree = _visible(page, "article.card[data-verdict=agree]")
    assert agree > 0
    page.get_by_label("agree", exact=True).uncheck()
    assert _visible(page, "article.card") == total - agree
    assert _visible(page, "article.card[data-verdict=agree]") == 0
    assert page.locator("#shown").inner_text().startswith(f"{total - agree} of ")
    assert page.locator("#agree .section-shown").inner_text() == "0"
    assert page.locator(".counts .agree b").inner_text() == "0"


def test_outlet_unit_and_search_filters(page):
    total = _visible(page, "article.card")
    page.select_option("#f-unit", "GBP")
    gbp = _visible(page, "article.card")
    assert 0 < gbp < total
    assert all(u == "GBP" for u in page.locator("article.card:visible").evaluate_all(
        "els => els.map(e => e.dataset.unit)"))
    page.select_option("#f-unit", "")
    page.fill("#f-q", "investigators")
    found = _visible(page, "article.card")
    assert 0 < found < total
    page.fill("#f-q", "no such words anywhere")
    assert _visible(page, "article.card") == 0
    page.fill("#f-q", "")
    outlet = page.locator("#f-outlet option").nth(1).get_attribute("value")
    page.select_option("#f-outlet", outlet)
    assert 0 < _visible(page, "article.card") <= total


def test_keyboard_reaches_the_filters(page):
    page.focus("#f-q")
    page.keyboard.type("£150")
    assert 0 < _visible(page, "article.card")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-sort"


def test_sort_by_severity(page):
    page.select_option("#f-sort", "severity")
    rels = page.locator("#agree article.card").evaluate_all(
        "els => els.map(e => parseFloat(e.dataset.rel))")
    assert rels == sorted(rels, reverse=True)
    page.select_option("#f-sort", "report")
    ids = page.locator("#agree article.card").evaluate_all("els => els.map(e => e.id)")
    assert ids == sorted(ids)


def test_per_article_view_lists_its_figures(page):
    first = page.locator("details.article").first
    first.locator("summary").click()
    assert first.locator("tbody tr").count() > 0
    assert first.locator("mark").count() > 0


FLOOD = ROOT / "tests" / "data" / "flood"


def test_timeline_fact_card(browser, tmp_path):
    """A death toll rising over days is one card with a timeline, its outlier ringed."""
    paths = pipeline.write_outputs(pipeline.check([FLOOD]), tmp_path, title="Valley floods")
    pg = browser.new_page(viewport={"width": 1000, "height": 900})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(paths["report"].as_uri())
    card = pg.locator("article.card[data-timeline=yes]")
    assert card.count() == 1 and card.get_attribute("data-verdict") == "contradict"
    assert "killed in the floods" in card.locator("h3").inner_text()
    svg = card.locator("svg.timeline")
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert card.locator("svg.timeline polyline").count() >= 2   # one line per outlet
    assert card.locator("svg.timeline .ring").count() == 1      # the outlier
    assert card.locator(".source.outlier").count() == 1
    details = card.locator("details.evidence")
    assert not details.locator(".pair").first.is_visible()
    details.locator("summary").click()
    assert details.locator(".pair").first.is_visible()
    shot = tmp_path / "fact-card.png"
    card.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000 and errors == []
    pg.close()


def test_screenshot_is_written(page, tmp_path):
    shot = tmp_path / "seeds-report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000


def test_injected_script_does_not_run(browser, tmp_path):
    hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    arts = [Article(id="a", text=f"Some 40 boats {hostile} were stopped.", path="",
                    source=hostile, title=hostile, url="javascript:window.pwned=3"),
            Article(id="b", text="About 40 boats were stopped.", path="", source="B")]
    result = pipeline.check_articles(arts)
    target = tmp_path / "hostile.html"
    report.write_report(target, report.build_report_data(
        result.articles, result.claims, result.findings, [], "t", title=hostile))
    pg = browser.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(target.as_uri())
    for d in pg.locator("details").all():
        d.locator("summary").click()
    assert pg.evaluate("window.pwned") is None
    assert errors == []
    assert hostile in pg.locator("h1").inner_text()
    pg.close()
