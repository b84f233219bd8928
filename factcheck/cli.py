"""The command line: a thin shell over ``pipeline``; ``main(argv) -> int`` is the whole of it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from . import __version__, ingest, normalise, pipeline
from .errors import FactcheckError

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
    c.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    cl = sub.add_parser("claims", help="print the claim table of one article",
                        description="Print the numeric claims factcheck reads in one text file.")
    cl.add_argument("file", metavar="FILE", help="a text, markdown or HTML article")
    cl.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date, to resolve 'this year', 'last month'")
    cl.add_argument("--format", choices=["text", "csv", "json"], default="text")
    return p


def _cmd_check(args: argparse.Namespace) -> int:
    def problem(p: object) -> None:
        print(f"factcheck: skipped {p}", file=sys.stderr)

    result = pipeline.check(args.paths, manifest=args.manifest, on_problem=problem)
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


def _cmd_claims(args: argparse.Namespace) -> int:
    articles, problems = ingest.load_articles([args.file])
    for p in problems:
        print(f"factcheck: {p}", file=sys.stderr)
    if not articles:
        return EXIT_NO_INPUT
    art = articles[0]
    published = dt.date.fromisoformat(args.published) if args.published else art.published
    df = normalise.extract(art.text, published, article_id=art.id, source=art.source)
    cols = ["id", "text", "value", "low", "high", "unit", "bound", "role", "period_start",
            "period_end", "measure"]
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(df.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(df[cols].to_string(index=False, max_colwidth=40) if len(df) else "no claims")
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
        return _cmd_check(args) if args.command == "check" else _cmd_claims(args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_NO_INPUT
    except ValueError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
