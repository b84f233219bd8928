"""The local review page: a night's fact cards with review controls, over the history store.

A thin layer (Flask) over the same calls and template as the static report: the cards are
``report.build_report_data`` of the facts the store kept for the night, rendered by
``report.html.j2`` with the review forms switched on. Nothing is computed here that the report
or ``review`` does not already compute.

There is no login, so the page defends itself as a local tool must: it binds to 127.0.0.1 by
default and answers only to loopback Host names there (a DNS-rebinding page cannot reach it);
every POST must carry the server's token (synchronizer token, made fresh at start and written
only into the page itself, which another site cannot read) and, when the browser says where
the request comes from (Origin, else Referer), come from the page's own origin. Cookies are
SameSite=Strict, and the page sends its Content-Security-Policy as a header as well.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Mapping
from typing import IO, Any
from urllib.parse import urlencode, urlparse

from flask import Flask, Response, current_app, redirect, request
from markupsafe import escape
from werkzeug.serving import make_server

from . import report, review
from .schema import Fact, Finding
from .store import Store

DEFAULT_PORT = 8765
LOOPBACK = ("127.0.0.1", "localhost", "::1")
WHO_COOKIE = "factcheck_who"
# A decision is a few fields: a larger body is not one.
MAX_BODY = 64 * 1024
_STATUS_WORDS = {"needs-review": "needs review", "reviewed": "reviewed",
                 "confirmed": "confirmed discrepancy", "false-alarm": "false alarm",
                 "corrected": "corrected", "all": "all facts"}


def create_app(store_path: str | os.PathLike, token: str | None = None,
               hosts: set[str] | None = None) -> Flask:
    """The review page's WSGI app over the store at ``store_path``; ``hosts`` are the only
    Host headers answered (None: any), ``token`` the one every POST must carry."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, FACTCHECK_STORE=str(store_path),
                      FACTCHECK_TOKEN=token or secrets.token_urlsafe(32),
                      FACTCHECK_HOSTS=hosts)
    app.before_request(_guard)
    app.after_request(_headers)
    app.add_url_rule("/", "page", _page, methods=["GET"])
    app.add_url_rule("/decide", "decide", _decide, methods=["POST"])
    app.register_error_handler(review.ReviewError, lambda e: _error(str(e), 400))
    return app


def _store() -> Store:
    return Store(current_app.config["FACTCHECK_STORE"], create=False)


def _guard() -> Response | None:
    """Refuse a foreign Host, and a POST from another origin or without the page's token."""
    cfg = current_app.config
    if cfg["FACTCHECK_HOSTS"] is not None and request.host not in cfg["FACTCHECK_HOSTS"]:
        return _error(f"this page answers only to {', '.join(sorted(cfg['FACTCHECK_HOSTS']))}",
                      400)
    if request.method != "POST":
        return None
    own = f"{request.scheme}://{request.host}"
    origin, referer = request.headers.get("Origin"), request.headers.get("Referer")
    if origin is not None and origin != own:
        return _error("refused: the request comes from another site", 403)
    if origin is None and referer and _origin_of(referer) != own:
        return _error("refused: the request comes from another site", 403)
    sent = request.form.get("csrf", "")
    if not secrets.compare_digest(sent.encode(), cfg["FACTCHECK_TOKEN"].encode()):
        return _error("refused: the form's token is missing or stale; reload the page", 403)
    return None


def _origin_of(url: str) -> str:
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}"


def _headers(resp: Response) -> Response:
    resp.headers["Content-Security-Policy"] = report.content_security_policy("'self'")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["Referrer-Policy"] = "same-origin"
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _error(message: str, code: int) -> Response:
    body = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>factcheck '
            f'review: error</title></head><body><h1>{code}</h1><p>{escape(message)}</p>'
            f'<p><a href="/">Back to the review page</a></p></body></html>')
    return Response(body, status=code, mimetype="text/html")


def _page() -> Response:
    status = request.args.get("status", "needs-review")
    with _store() as store:
        html = render_night(store, request.args.get("night") or None, status,
                            csrf=_token(), who=request.cookies.get(WHO_COOKIE, ""),
                            recorded=request.args.get("recorded", ""))
    return Response(html, mimetype="text/html")


def _token() -> str:
    return str(current_app.config["FACTCHECK_TOKEN"])


def _decide() -> Response:
    form = request.form
    night, status = form.get("night") or None, form.get("status", "needs-review")
    with _store() as store:
        row = review.record(store, form.get("key", ""), form.get("decision", ""),
                            form.get("who", ""), reason=form.get("reason"),
                            link=form.get("link"), note=form.get("note"), night=night)
    query = {"night": night or "", "status": status if status in review.STATUSES
             else "needs-review", "recorded": row["key"]}
    resp = redirect("/?" + urlencode(query), code=303)
    resp.set_cookie(WHO_COOKIE, row["who"], max_age=365 * 86400, httponly=True,
                    samesite="Strict")
    return resp


def render_night(store: Store, night: str | None, status: str, csrf: str, who: str = "",
                 recorded: str = "") -> str:
    """The review page of one night (default: the latest) under the filter ``status``."""
    day = night or review.latest_night(store)
    if status not in review.STATUSES:
        raise review.ReviewError(f"status must be one of {', '.join(review.STATUSES)}")
    if day not in store.runs():
        raise review.ReviewError(f"no night {day} in this store")
    stored = store.night_facts(day)
    reviews = review.reviews_for(store, stored)
    chosen = [k for k in stored if reviews[k["key"]].matches(status)]
    facts = [_fact(k["record"]["fact"]) for k in chosen]
    findings = [_finding(f) for k in chosen for f in k["record"]["findings"]]
    claims = store.claims_by_id([c for k in facts for c in k.claims])
    articles = store.articles_by_id(sorted(set(claims["article"])))
    seen = {k.key: [f"{n['night']}: {n['fact_id']} {n['verdict']}"
                    for n in store.fact_nights(k.key)] for k in facts}
    data = report.build_report_data(
        articles, claims, findings, [], generated_at=store.run_finished(day) or day,
        title=f"factcheck review: night of {day}", facts=facts,
        reviews={k["key"]: reviews[k["key"]] for k in chosen}, seen=seen)
    data.counts["needs_review"] = sum(r.needs_review for r in reviews.values())
    data.live = report.LiveView(
        csrf=csrf, night=day, status=status, nights=store.runs(),
        statuses=[(s, _STATUS_WORDS[s], sum(r.matches(s) for r in reviews.values()))
                  for s in review.STATUSES],
        who=who, message=_recorded(store, recorded))
    return report.render_report(data)


def _recorded(store: Store, key: str) -> str:
    """The line that confirms the decision just recorded on ``key`` ("" when none)."""
    if not key:
        return ""
    mine = [d for d in store.decisions() if d["key"] == key]
    if not mine:
        return ""
    last = mine[-1]
    return f"Recorded by {last['who']}: {review.describe(last)} on “{last['label']}”."


def _fact(rec: Mapping[str, Any]) -> Fact:
    """A fact from its findings.json record."""
    return Fact(id=rec["id"], label=rec["label"], unit=rec["unit"], verdict=rec["verdict"],
                claims=list(rec["claims"]), findings=list(rec["findings"]),
                sources=list(rec.get("outlets") or []), consensus=rec.get("consensus"),
                outliers=list(rec.get("outliers") or []), period_start=rec.get("period_start"),
                period_end=rec.get("period_end"), as_of=rec.get("as_of"),
                timeline=bool(rec.get("timeline")), key=rec.get("key") or "")


def _finding(rec: Mapping[str, Any]) -> Finding:
    """A finding from its findings.json record."""
    return Finding(id=rec["id"], kind=rec["kind"], verdict=rec["verdict"],
                   claims=list(rec["claims"]), explanation=rec["explanation"],
                   relation=rec.get("relation"), measure=rec.get("measure"),
                   score=rec.get("score"), details=dict(rec.get("details") or {}))


def serve(store_path: str | os.PathLike, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          out: IO[str] = sys.stdout, err: IO[str] = sys.stderr) -> None:
    """Serve the review page until interrupted; port 0 picks a free one (printed)."""
    Store(store_path, create=False).close()   # a missing or foreign file fails here, at once
    app = create_app(store_path)
    server = make_server(host, port, app, threaded=True)
    bound = server.server_port
    shown = f"[{host}]" if ":" in host else host
    if host in LOOPBACK:
        app.config["FACTCHECK_HOSTS"] = {f"127.0.0.1:{bound}", f"localhost:{bound}",
                                         f"[::1]:{bound}"}
    else:
        print(f"factcheck: warning: the review page has no login: anyone who can reach "
              f"{shown}:{bound} can read this store's facts and record decisions", file=err)
    print(f"factcheck: review page at http://{shown}:{bound}/ (Ctrl-C to stop)", file=out,
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
