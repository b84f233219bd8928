"""The review page in a real browser: headless Debian Chromium (Playwright) against
``factcheck serve`` started on a free loopback port.

An editor dismisses a fact, reloads and no longer sees it under "needs review"; a second night
with the same inbox keeps it dismissed; a changed figure reopens it; a cross-site form that
posts to the page is refused. Like tests/test_browser.py, these fail rather than skip when
FACTCHECK_REQUIRE_BROWSER is set (``.ci/run``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.store import Store
from test_browser import browser  # noqa: F401  (the shared Chromium fixture)
from test_review import TOLL, flood_inbox, run_night, start_server, toll


@pytest.fixture()
def served(tmp_path):
    """Night one of the flood in a store, and the review page serving it."""
    inbox = flood_inbox(tmp_path / "inbox")
    store, out = tmp_path / "history.sqlite", tmp_path / "reports"
    first = run_night(inbox, store, out, "2025-03-14")
    proc, url = start_server(store)
    yield {"inbox": inbox, "store": store, "out": out, "first": first, "url": url,
           "tmp": tmp_path}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture()
def page(browser, served):  # noqa: F811  (pytest passes the fixture by name)
    pg = browser.new_page(viewport={"width": 1200, "height": 1000})
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    pg.close()


def _card(page, key: str):
    return page.locator(f'article.card[data-key="{key}"]')


def _decisions(store: Path) -> list[dict]:
    with Store(store) as s:
        return s.decisions()


def test_dismiss_reload_second_night_and_reopen(page, served):
    key = toll(served["first"]).key
    page.goto(served["url"])
    card = _card(page, key)
    assert card.count() == 1 and card.get_attribute("data-review") == "open"
    form = card.locator("form.decide")
    form.get_by_label("false alarm", exact=True).check()
    form.get_by_label("False alarm because").select_option("not-same-measure")
    form.get_by_label("Note", exact=True).fill("231 counts the missing too")
    form.get_by_label("Your name").fill("Ana")
    with page.expect_navigation():
        form.get_by_role("button", name="Record").click()
    assert "Recorded by Ana: false alarm (not the same measure)" in page.locator(
        ".message").inner_text()
    assert _card(page, key).count() == 0                # hidden under "needs review"
    page.reload()
    assert _card(page, key).count() == 0
    assert page.locator("article.card.fact").count() == 2
    # The name is remembered for the next decision.
    assert page.locator("form.decide input[name=who]").first.input_value() == "Ana"
    page.select_option("#r-status", "all")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    card = _card(page, key)
    assert card.get_attribute("data-review") == "false-alarm"
    assert "false alarm (not the same measure): 231 counts the missing too" in card.text_content()

    # A second night with the same inbox: still dismissed.
    run_night(served["inbox"], served["store"], served["out"], "2025-03-15")
    page.goto(served["url"])
    assert page.locator("#r-night").input_value() == "2025-03-15"
    assert _card(page, key).count() == 0
    assert page.locator("article.card.fact").count() == 2

    # A changed figure reopens it, marked.
    changed = flood_inbox(served["tmp"] / "changed", ("231 people", "240 people"))
    third = run_night(changed, served["store"], served["out"], "2025-03-16")
    page.goto(served["url"])
    card = _card(page, toll(third).key)
    assert card.count() == 1 and card.get_attribute("data-review") == "reopened"
    assert "Reopened: 240 reported since the last decision (Ana" in card.text_content()
    card.locator("details.review-history summary").click()
    history = card.locator("details.review-history").inner_text()
    assert "Ana: false alarm" in history and "2025-03-14" in history
    assert TOLL in card.locator("h3").inner_text()
    shots = os.environ.get("FACTCHECK_SCREENSHOTS")
    target = Path(shots) if shots else served["tmp"]
    # The page's top (the decision filter, the report's filters) and the reopened card.
    page.evaluate("window.scrollTo(0, 0)")
    box = card.bounding_box()
    page.screenshot(path=str(target / "review-page.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1200, "height": box["y"] + box["height"] + 16})
    assert (target / "review-page.png").stat().st_size > 10_000
    assert page.errors == []


def test_a_cross_site_form_is_refused(page, served):
    key = toll(served["first"]).key
    page.goto(served["url"])                      # the editor has the page open in a tab
    forged = f"""<!DOCTYPE html><html><body>
<form id="f" method="post" action="{served['url']}decide">
<input name="key" value="{key}"><input name="decision" value="false-alarm">
<input name="reason" value="other"><input name="who" value="Mallory">
<input name="csrf" value="guessed"></form>
<script>document.getElementById("f").submit();</script></body></html>"""
    page.route("http://attacker.test/**",
               lambda route: route.fulfill(status=200, body=forged, content_type="text/html"))
    with page.expect_response(lambda r: r.url.endswith("/decide")) as answer:
        page.goto("http://attacker.test/cats")
    assert answer.value.status == 403
    assert "another site" in page.content()
    assert _decisions(served["store"]) == []
    page.goto(served["url"])
    assert _card(page, key).get_attribute("data-review") == "open"


def test_review_page_keeps_the_report_look_and_csp(page, served):
    page.goto(served["url"])
    # The report's own filters still work on the review page (one template, one script).
    total = page.locator("article.card:visible").count()
    page.get_by_label("agree", exact=True).uncheck()
    assert page.locator("article.card:visible").count() < total
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "form-action 'self'" in csp and "script-src 'sha256-" in csp
    assert page.errors == []
