"""Editors' decisions: the fact key, the store's schema 2, decisions carried from night to night,
the review command line, export and import, and the review page's defences (Flask test client,
and a real server killed with SIGKILL)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT
from factcheck import cli, nightly, review, serve
from factcheck.store import SCHEMA_VERSION, Store, StoreError

FLOOD = ROOT / "tests" / "data" / "flood"
TOLL = "people killed in the floods"


def flood_inbox(folder, replace: tuple[str, str] | None = None):
    """The flood articles as one night's inbox; ``replace`` edits the Coast Times figure."""
    shutil.copytree(FLOOD, folder)
    if replace:
        path = folder / "coast-times-4.txt"
        path.write_text(path.read_text(encoding="utf-8").replace(*replace), encoding="utf-8")
    return folder


def run_night(inbox, store, out, day):
    """One night run, in this process."""
    return nightly.run_nightly([inbox], store, out, run_date=dt.date.fromisoformat(day))


def toll(run):
    """The death toll's fact of a night run."""
    return next(k for k in run.result.facts if k.label == TOLL)


@pytest.fixture()
def night_one(tmp_path):
    inbox = flood_inbox(tmp_path / "inbox")
    store, out = tmp_path / "history.sqlite", tmp_path / "reports"
    return inbox, store, out, run_night(inbox, store, out, "2025-03-14")


def test_fact_key_is_stable_and_follows_the_figures(night_one, tmp_path):
    inbox, store, out, first = night_one
    again = run_night(inbox, store, out, "2025-03-15")
    assert toll(again).key == toll(first).key and len(toll(first).key) == 16
    # Run-local ids play no part: the same claims in another run give the same keys.
    assert sorted(k.key for k in again.result.facts) == sorted(k.key for k in first.result.facts)
    changed = flood_inbox(tmp_path / "changed", ("231 people", "240 people"))
    third = run_night(changed, store, out, "2025-03-16")
    assert toll(third).key != toll(first).key


def test_a_dismissed_fact_stays_dismissed_until_a_figure_changes(night_one, tmp_path):
    inbox, store, out, first = night_one
    key = toll(first).key
    assert first.reviews[key].status == "open"
    with Store(store) as s:
        row = review.record(s, key[:8], "false-alarm", "Ana", reason="not-same-measure")
    assert row["key"] == key and row["figures"] == ["147", "213", "231", "92"]
    second = run_night(inbox, store, out, "2025-03-15")
    assert second.reviews[key].status == "false-alarm" and second.reviews[key].dismissed
    page = (out / "2025-03-15" / "report.html").read_text(encoding="utf-8")
    assert f'data-key="{key}" data-review="false-alarm"' in page
    assert "false alarm (not the same measure)" in page and "Ana, " in page
    assert "<form class=\"decide\"" not in page     # the static page is read-only
    assert "form-action 'none'" in page
    changed = flood_inbox(tmp_path / "changed", ("231 people", "240 people"))
    third = run_night(changed, store, out, "2025-03-16")
    r = third.reviews[toll(third).key]
    assert r.status == "reopened" and r.new_figures == ["240"] and r.needs_review
    assert r.decision["who"] == "Ana"
    page = (out / "2025-03-16" / "report.html").read_text(encoding="utf-8")
    assert "Reopened: 240 reported since the last decision" in page


def test_a_new_article_that_repeats_a_figure_keeps_the_decision(night_one, tmp_path):
    _, store, out, first = night_one
    with Store(store) as s:
        review.record(s, toll(first).key, "confirmed", "Ana", note="the agency says 213")
    late = tmp_path / "late"
    late.mkdir()
    (late / "manifest.csv").write_text(
        "file,id,source,published,title,url\nlate.txt,lw-5,Lowland Post,2025-03-15,Toll,\n")
    (late / "late.txt").write_text("Toll\n\nIn all, 213 people have been killed in the floods "
                                   "since Sunday, the regional disaster agency said.\n")
    night = run_night(late, store, out, "2025-03-15")
    fact = toll(night)
    assert fact.key != toll(first).key       # another article joined the fact
    assert night.reviews[fact.key].status == "confirmed"


def test_fail_on_contradict_ignores_dismissed_facts(night_one, capsys):
    inbox, store, out, _ = night_one
    argv = ["nightly", str(inbox), "--store", str(store), "--out", str(out), "--date",
            "2025-03-14", "--workers", "1", "--fail-on", "contradict", "-q"]
    assert cli.main(argv) == 3           # the toll's contradiction, new tonight
    with Store(store) as s:
        review.record(s, "K0001", "false-alarm", "Ana", reason="misread-figure")
    assert cli.main(argv) == 0
    with Store(store) as s:
        review.record(s, "K0001", "confirmed", "Ben")
    assert cli.main(argv) == 3           # a confirmed discrepancy still counts


def test_review_command_line(night_one, capsys):
    _, store, _, first = night_one
    key = toll(first).key
    base = ["--store", str(store)]
    assert cli.main(["review", "list", *base]) == 0
    listed = capsys.readouterr().out
    assert "night of 2025-03-14: 3 facts (needs-review)" in listed and key in listed
    assert cli.main(["review", "decide", key[:7], "false-alarm", "--reason", "other",
                     "--note", "two tolls", "--by", "Ana", *base]) == 0
    assert "false alarm (other reason): two tolls" in capsys.readouterr().out
    assert cli.main(["review", "note", "K0001", "asked the desk", "--by", "Ben", *base]) == 0
    capsys.readouterr()
    assert cli.main(["review", "list", "--format", "json", "--status", "all", *base]) == 0
    rows = {r["key"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[key]["status"] == "false-alarm" and len(rows) == 3
    assert cli.main(["review", "list", *base]) == 0
    assert key not in capsys.readouterr().out       # no longer needs review
    with Store(store) as s:
        assert [d["decision"] for d in s.decisions()] == ["false-alarm", "note"]


@pytest.mark.parametrize("argv,message", [
    (["decide", "ffffffffff", "confirmed", "--by", "Ana"], "no fact with key 'ffffffffff'"),
    (["decide", "K0099", "confirmed", "--by", "Ana"], "no fact K0099 on the night"),
    (["decide", "K0001", "false-alarm", "--by", "Ana"], "a false alarm needs a reason"),
    (["decide", "K0001", "corrected", "--by", "Ana"], "a correction needs a link"),
    (["decide", "K0001", "corrected", "--link", "javascript:alert(1)", "--by", "Ana"],
     "a correction needs a link"),
    (["decide", "K0001", "confirmed", "--by", "  "], "say who decides"),
    (["list", "--night", "2020-01-01"], "no night 2020-01-01"),
])
def test_review_errors_are_one_clear_line_and_write_nothing(night_one, capsys, argv, message):
    _, store, _, _ = night_one
    assert cli.main(["review", *argv, "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("factcheck: error:")
    with Store(store) as s:
        assert s.decisions() == []


def test_a_missing_store_is_named_and_not_created(tmp_path, capsys):
    missing = tmp_path / "nowhere.sqlite"
    assert cli.main(["review", "list", "--store", str(missing)]) == 2
    assert cli.main(["serve", "--store", str(missing), "--port", "0"]) == 2
    assert "does not exist" in capsys.readouterr().err and not missing.exists()


def test_export_and_import(night_one, tmp_path, capsys):
    _, store, _, first = night_one
    with Store(store) as s:
        review.record(s, "K0001", "false-alarm", "Ana", reason="not-same-measure")
        review.record(s, "K0002", "corrected", "Ben", link="https://example.org/fix")
    exported = tmp_path / "decisions.json"
    assert cli.main(["review", "export", "--store", str(store), "-o", str(exported)]) == 0
    doc = json.loads(exported.read_text())
    assert doc["schema"] == "factcheck/decisions@1" and len(doc["decisions"]) == 2
    other = tmp_path / "other.sqlite"
    assert cli.main(["review", "import", str(exported), "--store", str(other)]) == 0
    assert "2 decisions added, 0 already there" in capsys.readouterr().out
    assert cli.main(["review", "import", str(exported), "--store", str(other)]) == 0
    assert "0 decisions added, 2 already there" in capsys.readouterr().out
    with Store(store) as a, Store(other) as b:
        assert [{k: v for k, v in d.items() if k != "id"} for d in a.decisions()] == \
            [{k: v for k, v in d.items() if k != "id"} for d in b.decisions()]
    # An imported decision carries its claims, so the facts of a night run later inherit it.
    night = run_night(FLOOD, other, tmp_path / "r2", "2025-03-20")
    assert night.reviews[toll(first).key].status == "false-alarm"


@pytest.mark.parametrize("text,message", [
    ("{not json", "not JSON"),
    ('{"decisions": []}', "not a factcheck/decisions@1 document"),
    ('{"schema": "factcheck/decisions@1", "decisions": [GOOD, {"decision": "maybe"}]}',
     "decision 2: decision must be one of"),
    (('{"schema": "factcheck/decisions@1", "decisions": [GOOD, {"decision": "confirmed", '
      '"who": "A", "key": "k", "at": "yesterday", "identities": ["a|1-2|3"], "figures": []}]}'),
     "decision 2: 'at' must be an ISO date"),
])
def test_a_bad_import_is_refused_whole(tmp_path, capsys, text, message):
    good = json.dumps({"decision": "confirmed", "who": "A", "key": "k1",
                       "at": "2025-03-14T10:00:00+00:00", "identities": ["a|1-2|3"],
                       "figures": ["3"]})
    path = tmp_path / "in.json"
    path.write_text(text.replace("GOOD", good))
    store = tmp_path / "h.sqlite"
    assert cli.main(["review", "import", str(path), "--store", str(store)]) == 2
    assert message in capsys.readouterr().err
    with Store(store) as s:
        assert s.decisions() == []


def test_a_schema_1_store_is_migrated_and_keeps_its_rows(tmp_path, night_one):
    _, store, _, _ = night_one
    old = tmp_path / "old.sqlite"
    db = sqlite3.connect(store)
    db.execute("VACUUM INTO ?", (str(old),))
    db.close()
    db = sqlite3.connect(old)
    for table in ("night_facts", "decisions", "decision_claims"):
        db.execute(f"DROP TABLE {table}")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    db.commit()
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("runs", "articles", "claims", "findings")}
    db.close()
    with Store(old) as s:
        assert s.schema() == SCHEMA_VERSION == 2 and s.counts() == counts
        assert s.night_facts("2025-03-14") == []     # written before facts were kept
        assert s.runs() == ["2025-03-14"]
    assert cli.main(["review", "list", "--store", str(old)]) == 0
    newer = tmp_path / "newer.sqlite"
    shutil.copy(old, newer)
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="newer factcheck"):
        Store(newer)


# --- the review page through Flask's test client --------------------------------------------

@pytest.fixture()
def client(night_one):
    _, store, _, first = night_one
    app = serve.create_app(store, token="t0ken", hosts={"localhost"})
    return app.test_client(), store, first


def _post(client, data, **headers):
    return client.post("/decide", data=data, headers={"Host": "localhost", **headers})


def test_page_lists_the_night_under_needs_review(client):
    c, _, first = client
    resp = c.get("/", headers={"Host": "localhost"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and html.count('<form class="decide"') == 3
    assert "form-action 'self'" in resp.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert 'name="csrf" value="t0ken"' in html and toll(first).key in html
    assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert c.get("/?status=maybe", headers={"Host": "localhost"}).status_code == 400


def test_forged_posts_are_refused_and_record_nothing(client):
    c, store, first = client
    data = {"key": toll(first).key, "decision": "confirmed", "who": "Eve", "csrf": "t0ken"}
    assert _post(c, {**data, "csrf": ""}).status_code == 403
    assert _post(c, {**data, "csrf": "guess"}).status_code == 403
    assert _post(c, data, Origin="https://evil.example").status_code == 403
    assert _post(c, data, Origin="null").status_code == 403
    assert _post(c, data, Referer="https://evil.example/page").status_code == 403
    with Store(store) as s:
        assert s.decisions() == []
    ok = _post(c, data, Origin="http://localhost")
    assert ok.status_code == 303 and "SameSite=Strict" in ok.headers["Set-Cookie"]
    with Store(store) as s:
        assert [d["who"] for d in s.decisions()] == ["Eve"]


def test_hostile_text_in_a_note_is_escaped(client):
    c, _, first = client
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    resp = _post(c, {"key": toll(first).key, "decision": "note", "note": hostile,
                      "who": hostile, "csrf": "t0ken"}, Origin="http://localhost")
    assert resp.status_code == 303
    html = c.get(resp.headers["Location"], headers={"Host": "localhost"}).get_data(as_text=True)
    assert hostile not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    bad = _post(c, {"key": "nope-nope", "decision": "confirmed", "who": "A", "csrf": "t0ken"})
    assert bad.status_code == 400 and "no fact with key" in bad.get_data(as_text=True)


# --- a real server, killed with SIGKILL right after it answered -------------------------------

def start_server(store, *extra):
    """``factcheck serve`` in a subprocess on a free loopback port; (process, base URL)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--store", str(store),
                             "--port", "0", *extra], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline()
    match = re.search(r"http://\S+/", line)
    if not match:
        proc.kill()
        raise AssertionError(f"serve did not start: {line!r} {proc.stderr.read()}")
    url = match.group(0)
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except OSError:
            time.sleep(0.05)
    return proc, url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_decision_survives_kill_9_of_the_server(night_one):
    _, store, _, first = night_one
    proc, url = start_server(store)
    try:
        html = urllib.request.urlopen(url, timeout=10).read().decode()
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({"key": toll(first).key, "decision": "false-alarm",
                                       "reason": "misread-figure", "who": "Ana",
                                       "csrf": token}).encode()
        req = urllib.request.Request(url + "decide", data=body, method="POST",
                                     headers={"Origin": url.rstrip("/")})
        with pytest.raises(urllib.error.HTTPError) as answer:   # 303 See Other, not followed
            urllib.request.build_opener(_NoRedirect).open(req, timeout=10)
        assert answer.value.code == 303
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with Store(store) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [(d["decision"], d["who"]) for d in s.decisions()] == [("false-alarm", "Ana")]
    again, url = start_server(store)
    try:
        html = urllib.request.urlopen(url, timeout=10).read().decode()
        assert toll(first).key not in html          # dismissed: not under "needs review"
        html = urllib.request.urlopen(url + "?status=all", timeout=10).read().decode()
        assert f'data-key="{toll(first).key}" data-review="false-alarm"' in html
    finally:
        again.terminate()
        again.wait(timeout=10)


def test_host_other_than_loopback_warns_there_is_no_login(night_one):
    _, store, _, _ = night_one
    proc, url = start_server(store, "--host", "0.0.0.0")
    try:
        assert url.startswith("http://0.0.0.0:")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "has no login" in proc.stderr.read()


def test_an_import_killed_midway_leaves_whole_decisions_and_completes_on_rerun(tmp_path):
    """One transaction per decision: a SIGKILL mid-import leaves only whole decisions (each
    with all its claims), and importing again adds exactly the rest."""
    n = 3000
    doc = {"schema": review.EXPORT_SCHEMA, "decisions": [
        {"key": f"k{i:05d}", "decision": "confirmed", "who": "Ana",
         "at": "2025-03-14T10:00:00+00:00", "identities": [f"a{i}|0-2|{j}" for j in range(3)],
         "figures": ["0", "1", "2"]} for i in range(n)]}
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(doc))
    store = tmp_path / "h.sqlite"
    Store(store).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "factcheck", "review", "import", str(path), "--store",
            str(store)]
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(400):            # kill it once it has begun writing
        time.sleep(0.02)
        with sqlite3.connect(store) as db:
            if db.execute("SELECT count(*) FROM decisions").fetchone()[0] > 0:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with sqlite3.connect(store) as db:
        written = db.execute("SELECT count(*) FROM decisions").fetchone()[0]
        claims = db.execute("SELECT count(*) FROM decision_claims").fetchone()[0]
    assert 0 < written < n and claims == 3 * written
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert f"{n - written} decisions added, {written} already there" in done.stdout
