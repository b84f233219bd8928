"""The command line: a thin shell over ``pipeline``; ``main(argv) -> int`` is the whole of it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, ingest, nightly, normalise, pipeline, review
from . import serve as serve_mod
from .engine import ENGINES, make_engine
from .errors import EngineError, FactcheckError, UsageError
from .fsutil import atomic_write_text
from .progress import Progress
from .schema import Problem
from .store import Store, StoreError

EXIT_OK, EXIT_NO_INPUT, EXIT_USAGE, EXIT_FAIL_ON = 0, 1, 2, 3

_EPILOG = """\
examples:
  factcheck check seeds/ --out reports/seeds
      read every article under seeds/ (manifest.csv gives outlets and dates) and write
      reports/seeds/report.html, findings.json and claims.csv
  factcheck check a.html b.txt feed.jsonl --manifest meta.csv --out out/
  factcheck check inbox/ --out out/ --fail-on contradict     # exit 3 if any contradiction
  factcheck claims article.txt --published 2024-11-04
      print the claim table of one article
  factcheck claims article.txt --format parquet -o claims.parquet
  factcheck nightly inbox/2024-11-04/ --store history.sqlite --out reports/nightly
      check tonight's articles against each other and the last 7 days in the store; write
      reports/nightly/<date>/ with findings first made tonight flagged "new"
  factcheck nightly feed.jsonl --store h.sqlite --out r/ --engine dask --scheduler tcp://sched:8786
  factcheck serve --store history.sqlite
      open http://127.0.0.1:8765/ to review the latest night's facts in a browser
  factcheck review list --store history.sqlite
      the latest night's facts that need review, with their keys
  factcheck review decide 3f9c2a1b false-alarm --reason misread-figure --by Ana --store h.sqlite

exit codes:
  0  the run completed (whatever it found)
  1  no input could be read
  2  usage error (bad option or argument)
  3  --fail-on was given and a finding with that verdict was made
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="factcheck",
        description="Check the figures that several news articles report against each other: "
                    "which agree, which contradict, and which differ for a reason.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="check articles against each other and write a report",
                       description="Read articles (.txt .md .html .htm .jsonl .json, folders "
                                   "recursively), extract their dated numeric claims, align "
                                   "the same figure across sources and write report.html, "
                                   "findings.json and claims.csv to --out.",
                       epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    c.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs")
    c.add_argument("--manifest", metavar="FILE",
                   help="CSV of file,id,source,published,title,url (default: manifest.csv "
                        "inside each folder)")
    c.add_argument("--title", default="factcheck report", help="title of the HTML report")
    c.add_argument("--fail-on", choices=["contradict", "explained"], default=None,
                   help="exit with code 3 when a finding with this verdict is made (for CI)")
    c.add_argument("--stories", choices=["auto", "one", "find"], default="auto",
                   help="articles that name no story (no JSONL cluster_id, no manifest story): "
                        "auto (default) reads up to %d of them as one story, as a folder given "
                        "for one event is, and finds the stories of a larger feed; one reads "
                        "them all as one story; find always finds their stories (for a folder "
                        "that mixes events)"
                        % pipeline.ONE_STORY_MAX)
    c.add_argument("--group-stories", action="store_const", const="find", dest="stories",
                   help=argparse.SUPPRESS)  # the flag's old name: --stories find
    _engine_options(c)
    _size_option(c)
    _budget_option(c)
    _symlink_option(c)
    c.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    n = sub.add_parser(
        "nightly", help="check a day's inbox against itself and the last days' history",
        description="Read tonight's inbox, group articles into stories, check them against each "
                    "other and against the articles of the last --days days kept in the --store "
                    "(an SQLite file, created if missing), and write a dated report folder "
                    "OUT/YYYY-MM-DD/ (report.html, findings.json, claims.csv). Findings first "
                    "made tonight are flagged new. Running the same night again gives the same "
                    "findings and adds no rows.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    n.add_argument("paths", nargs="+", metavar="INBOX", help="folders or files of tonight's articles")
    n.add_argument("--store", required=True, metavar="FILE", help="the history store (SQLite)")
    n.add_argument("--out", required=True, metavar="DIR",
                   help="root of the dated report folders")
    n.add_argument("--date", metavar="YYYY-MM-DD", help="the night's date (default: today)")
    n.add_argument("--days", type=int, default=nightly.DEFAULT_DAYS, metavar="N",
                   help=f"days of history to check against (default: {nightly.DEFAULT_DAYS})")
    n.add_argument("--manifest", metavar="FILE", help="CSV of file,id,source,published,...")
    n.add_argument("--report-limit", type=int, default=nightly.REPORT_LIMIT, metavar="N",
                   help="agreements and single-source articles shown in the page (default: "
                        f"{nightly.REPORT_LIMIT}; every finding is in findings.json)")
    n.add_argument("--fail-on", choices=["contradict", "explained"], default=None,
                   help="exit with code 3 when a NEW finding with this verdict is made")
    _engine_options(n)
    _size_option(n)
    _budget_option(n)
    _symlink_option(n)
    n.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary (errors still go to stderr)")

    _serve_parser(sub)
    _review_parser(sub)

    cl = sub.add_parser("claims", help="print the claim table of one article",
                        description="Print the numeric claims factcheck reads in one text file.")
    cl.add_argument("file", metavar="FILE", help="a text, markdown or HTML article")
    cl.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date, to resolve 'this year', 'last month'")
    cl.add_argument("--format", choices=["text", "csv", "json", "parquet"], default="text",
                    help="text (a table to read), csv, json, or parquet (needs -o and pyarrow: "
                         "pip install 'factcheck[parquet]')")
    cl.add_argument("-o", "--output", metavar="PATH",
                    help="write to this file instead of standard output (required for parquet)")
    return p


_SERVE_EPILOG = """\
examples:
  factcheck serve --store history.sqlite
      review the latest night at http://127.0.0.1:8765/ ("needs review" first); the page
      lists every night in the store, and each fact's history
  factcheck serve --store history.sqlite --port 0      # any free port (printed)

The page has no login: it binds to 127.0.0.1 unless --host says otherwise, and then anyone
who can reach that address can record decisions. Every form carries a token the page makes
at start, and a request from another site is refused.
"""

_REVIEW_EPILOG = """\
examples (in the order an editor uses them):
  factcheck review list --store history.sqlite
      the latest night's facts that need review: key, fact id, verdict, figures, label
  factcheck review list --store history.sqlite --night 2025-03-14 --status all --format json
  factcheck review decide K0001 false-alarm --reason not-same-measure --by Ana --store h.sqlite
  factcheck review decide 3f9c2a1b confirmed --by Ana --note "checked with the source" --store h.sqlite
  factcheck review decide 3f9c2a1b corrected --link https://example.org/correction --by Ana \\
      --store h.sqlite
  factcheck review note 3f9c2a1b "asked the desk to check" --by Ben --store h.sqlite
  factcheck review export --store history.sqlite -o decisions.json
  factcheck review import decisions.json --store other.sqlite

A fact is named by its key (from its claims' articles, spans and values, the same night after
night; 6 or more of its first characters will do) or by its id on a night (K0001, with --night,
default the latest). A false alarm stays dismissed while the fact's figures are unchanged; a
new figure reopens it. Each decision is one row, written in its own transaction.

decisions:
  confirmed     a confirmed discrepancy: an outlet really misreported the figure
  false-alarm   not a real conflict (--reason not-same-measure | misread-figure | other)
  corrected     the outlet corrected it (--link URL of the correction)
  note          a free-text note; it changes no status
"""


def _serve_parser(sub: Any) -> None:
    s = sub.add_parser(
        "serve", help="a local web page to review the facts of the nightly runs",
        description="Serve a local web page over the history store: the report's fact cards "
                    "of the latest night (or any earlier one) with review controls, filtered by "
                    "decision (\"needs review\" by default), and each fact's history.",
        epilog=_SERVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("--store", required=True, metavar="FILE",
                   help="the history store that factcheck nightly writes")
    s.add_argument("--port", type=int, default=serve_mod.DEFAULT_PORT, metavar="N",
                   help=f"port to listen on (default: {serve_mod.DEFAULT_PORT}; 0 for any free "
                        "port)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default: 127.0.0.1, this machine only; the page has "
                        "no login, so any other address lets anyone who reaches it decide)")


def _review_parser(sub: Any) -> None:
    r = sub.add_parser(
        "review", help="list facts, record decisions and notes, export or import them",
        description="Review the facts of the nightly runs from the terminal: list what needs "
                    "review, record a decision or a note, export every decision as JSON or "
                    "import one.",
        epilog=_REVIEW_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    act = r.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = act.add_parser("list", help="a night's facts under a decision filter",
                        epilog=_REVIEW_EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ls.add_argument("--night", metavar="YYYY-MM-DD", help="the night (default: the latest)")
    ls.add_argument("--status", choices=review.STATUSES, default="needs-review",
                    help="which facts: needs-review (default), reviewed, confirmed, "
                         "false-alarm, corrected or all")
    ls.add_argument("--format", choices=["text", "json"], default="text")
    de = act.add_parser("decide", help="record a decision on a fact", epilog=_REVIEW_EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    de.add_argument("fact", metavar="FACT", help="a fact key (or its first 6+ characters), or "
                                                 "a fact id such as K0001 of --night")
    de.add_argument("decision", choices=[d for d in review.DECISIONS if d != "note"])
    de.add_argument("--reason", choices=review.REASONS, help="why a false alarm")
    de.add_argument("--link", metavar="URL", help="the correction (for corrected)")
    de.add_argument("--note", metavar="TEXT", help="a note kept with the decision")
    no = act.add_parser("note", help="add a free-text note to a fact's history",
                        epilog=_REVIEW_EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    no.add_argument("fact", metavar="FACT", help="a fact key, its first 6+ characters, or K0001")
    no.add_argument("text", metavar="TEXT", help="the note")
    for p in (de, no):
        p.add_argument("--by", required=True, metavar="NAME", help="who decides")
        p.add_argument("--night", metavar="YYYY-MM-DD",
                       help="the night a K0001 id refers to (default: the latest)")
    ex = act.add_parser("export", help="every decision as JSON (factcheck/decisions@1)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    im = act.add_parser("import", help="add the decisions of an exported JSON file")
    im.add_argument("file", metavar="FILE", help="a factcheck/decisions@1 JSON file")
    for p in (ls, de, no, ex, im):
        p.add_argument("--store", required=True, metavar="FILE", help="the history store")


def _symlink_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--follow-symlinks", action="store_true",
                   help="read symlinks that lead outside the given files and folders (by "
                        "default each is skipped and named: an inbox link to /etc/passwd "
                        "must not end up quoted in a report)")


def _size_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-mb", type=float, default=ingest.DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                   help="skip (and name) any article file larger than this (default: "
                        f"{ingest.DEFAULT_MAX_BYTES / 1e6:g} MB; a JSON/JSONL feed may be "
                        f"{ingest.FEED_SIZE_FACTOR} times as large)")


def _budget_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--article-seconds", type=float, default=pipeline.ARTICLE_SECONDS,
                   metavar="S",
                   help="skip (and name) any article that takes longer than this to read "
                        f"(default: {pipeline.ARTICLE_SECONDS:g}; a real article takes well "
                        "under one second)")


def _budget(args: argparse.Namespace) -> float:
    if args.article_seconds <= 0:
        raise ValueError("--article-seconds must be more than 0")
    return float(args.article_seconds)


def _max_bytes(args: argparse.Namespace) -> int:
    if args.max_mb <= 0:
        raise ValueError("--max-mb must be more than 0")
    return int(args.max_mb * 1e6)


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where extraction and matching run: local worker processes (default) "
                        "or an existing Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786 (--engine dask)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="local worker processes (default: one per core)")


def _say_problem(p: Problem) -> None:
    """One stderr line per bad input: skipped, or read with a note."""
    print(f"factcheck: {'skipped' if p.skipped else 'note:'} {p}", file=sys.stderr)


def _positive(value: int | None, name: str) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{name} must be at least 1")


def _cmd_check(args: argparse.Namespace) -> int:

    _positive(args.workers, "--workers")
    max_bytes, budget = _max_bytes(args), _budget(args)
    engine = make_engine(args.engine, args.workers, args.scheduler)
    problems: list[Problem] = []
    # Articles are read as the workers take them and their texts dropped once extracted, so
    # a feed of any size is never held in memory whole; bad files are named as they are met.
    stream = ingest.stream_articles(args.paths, problems, manifest=args.manifest,
                                    max_bytes=max_bytes, on_problem=_say_problem,
                                    follow_symlinks=args.follow_symlinks)
    try:
        result = pipeline.check_articles(stream, problems, engine=engine,
                                         progress=Progress(None if not args.quiet else False),
                                         group={"auto": "auto", "one": False,
                                                "find": True}[args.stories], keep_text=False,
                                         budget=budget, on_problem=_say_problem)
    finally:
        engine.close()
    if not result.articles:
        raise FactcheckError("no article could be read from " + ", ".join(args.paths))
    paths = pipeline.write_outputs(result, args.out, title=args.title)
    counts = result.counts()
    if not args.quiet:
        print(f"{counts['articles']} articles, {counts['claims']} claims: "
              f"{counts['contradict']} contradict, {counts['explained']} explained, "
              f"{counts['agree']} agree")
        print(f"report: {paths['report']}")
    if args.fail_on and counts[args.fail_on]:
        return EXIT_FAIL_ON
    return EXIT_OK


def _cmd_nightly(args: argparse.Namespace) -> int:
    _positive(args.workers, "--workers")
    if args.days < 0:
        raise ValueError("--days must be 0 or more")
    budget = _budget(args)
    night = dt.date.fromisoformat(args.date) if args.date else None
    engine = make_engine(args.engine, args.workers, args.scheduler)
    try:
        run = nightly.run_nightly(args.paths, args.store, args.out, run_date=night,
                                  days=args.days, manifest=args.manifest, engine=engine,
                                  progress=Progress(None if not args.quiet else False),
                                  limit=args.report_limit, max_bytes=_max_bytes(args),
                                  on_problem=_say_problem, budget=budget,
                                  follow_symlinks=args.follow_symlinks)
    finally:
        engine.close()
    counts = run.result.counts()
    new = [f for f in run.result.findings if f.details.get("new")]
    dismissed = sum(r.dismissed for r in run.reviews.values())
    if not args.quiet:
        since = f" since {run.previous_run}" if run.previous_run else ""
        print(f"{run.run_date}: {run.tonight} articles tonight, {run.history} from the last "
              f"{args.days} days; {counts['contradict']} contradict, {counts['explained']} "
              f"explained, {counts['agree']} agree; {len(new)} new{since}"
              + (f"; {dismissed} facts dismissed by editors" if dismissed else ""))
        print(f"report: {run.paths['report']}")
    if args.fail_on and run.counted(args.fail_on):
        return EXIT_FAIL_ON
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise ValueError("--port must be between 0 and 65535")
    serve_mod.serve(args.store, host=args.host, port=args.port)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    night = getattr(args, "night", None)
    if night:
        dt.date.fromisoformat(night)   # a malformed date is a usage error, said at once
    with Store(args.store, create=args.action == "import") as store:
        if args.action == "list":
            return _review_list(store, args)
        if args.action in ("decide", "note"):
            decision = "note" if args.action == "note" else args.decision
            row = review.record(store, args.fact, decision, args.by,
                                reason=getattr(args, "reason", None),
                                link=getattr(args, "link", None),
                                note=args.text if args.action == "note" else args.note,
                                night=args.night)
            print(f"{row['key']}: {review.describe(row)} ({row['who']}, {row['at']})"
                  + ("" if row["id"] else " (already recorded)"))
            return EXIT_OK
        if args.action == "export":
            text = json.dumps(review.export_decisions(store), indent=2, ensure_ascii=False)
            if args.output:
                atomic_write_text(args.output, text + "\n")
            else:
                sys.stdout.write(text + "\n")
            return EXIT_OK
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise review.ReviewError(f"cannot read {args.file}: {exc}") from exc
        added, known = review.import_decisions(store, text)
        print(f"{added} decisions added, {known} already there")
        return EXIT_OK


def _review_list(store: Store, args: argparse.Namespace) -> int:
    night, listed = review.night_listing(store, args.night, args.status)
    if args.format == "json":
        rows = [{"key": k["key"], "id": k["fact_id"], "night": night, "verdict": k["verdict"],
                 "label": k["label"], "figures": k["figures"], "status": r.status,
                 "decision": review.describe(r.decision) if r.decision else None,
                 "new_figures": r.new_figures} for k, r in listed]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    print(f"night of {night}: {len(listed)} facts ({args.status})")
    for k, r in listed:
        state = review.DECISION_WORDS[r.status] if r.status in ("open", "reopened") \
            else review.describe(r.decision)
        if r.new_figures:
            state += f" ({', '.join(r.new_figures)} new)"
        print(f"{k['key']}  {k['fact_id']}  {k['verdict']:<10}  {state}  "
              f"[{', '.join(k['figures'])}]  {k['label']}")
    return EXIT_OK


def _cmd_claims(args: argparse.Namespace) -> int:
    articles, problems = ingest.load_articles([args.file])
    for p in problems:
        _say_problem(p)
    if not articles:
        return EXIT_NO_INPUT
    art = articles[0]
    published = dt.date.fromisoformat(args.published) if args.published else art.published
    df = normalise.extract(art.text, published, article_id=art.id, source=art.source)
    cols = ["id", "text", "value", "low", "high", "unit", "bound", "role", "period_start",
            "period_end", "measure"]
    if args.format == "parquet":
        if not args.output:
            raise ValueError("--format parquet writes a binary file: give -o PATH")
        try:
            import pyarrow  # noqa: F401  (pandas writes parquet through it)
        except ImportError as exc:
            raise ValueError("--format parquet needs pyarrow: pip install 'factcheck[parquet]'"
                             ) from exc
        df.to_parquet(args.output, index=False)
        return EXIT_OK
    if args.format == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
    elif args.format == "json":
        text = df.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    else:
        text = (df[cols].to_string(index=False, max_colwidth=40) if len(df) else "no claims") + "\n"
    if args.output:
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code or 0)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        command = {"check": _cmd_check, "nightly": _cmd_nightly, "claims": _cmd_claims,
                   "serve": _cmd_serve, "review": _cmd_review}
        return command[args.command](args)
    except (StoreError, EngineError, UsageError) as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_NO_INPUT
    except ValueError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
