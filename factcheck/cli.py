"""The command line: a thin shell over ``pipeline``; ``main(argv) -> int`` is the whole of it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from . import __version__, ingest, nightly, normalise, pipeline
from .engine import ENGINES, make_engine
from .errors import EngineError, FactcheckError
from .fsutil import atomic_write_text
from .progress import Progress
from .schema import Problem
from .store import StoreError

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
    c.add_argument("--group-stories", action="store_true",
                   help="find stories for articles that name none (default: articles without a "
                        "story are all one story, as a folder given for one event is)")
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
                                         group=args.group_stories, keep_text=False,
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
    if not args.quiet:
        since = f" since {run.previous_run}" if run.previous_run else ""
        print(f"{run.run_date}: {run.tonight} articles tonight, {run.history} from the last "
              f"{args.days} days; {counts['contradict']} contradict, {counts['explained']} "
              f"explained, {counts['agree']} agree; {len(new)} new{since}")
        print(f"report: {run.paths['report']}")
    if args.fail_on and any(f.verdict == args.fail_on for f in new):
        return EXIT_FAIL_ON
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
        command = {"check": _cmd_check, "nightly": _cmd_nightly, "claims": _cmd_claims}
        return command[args.command](args)
    except (StoreError, EngineError) as exc:
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
