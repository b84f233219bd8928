"""findings.json against the shared contract, claims.csv, the HTML report, and the CLI."""

from __future__ import annotations

import json
import os

import jsonschema
import pandas as pd
import pytest

from conftest import SEEDS, shared_path
from factcheck import cli, export, pipeline, report
from factcheck.fsutil import atomic_write_text
from factcheck.schema import CLAIM_COLUMNS, Article


@pytest.fixture(scope="module")
def written(tmp_path_factory, seeds_result):
    out = tmp_path_factory.mktemp("out")
    return pipeline.write_outputs(seeds_result, out), seeds_result


def test_findings_json_meets_the_contract(written):
    paths, _ = written
    doc = json.loads(paths["findings"].read_text(encoding="utf-8"))
    schema = json.loads(shared_path("contract", "findings.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "factcheck/findings@1"
    assert doc["facts"] and all(k["sources"] >= 2 for k in doc["facts"])
    claim = next(c for c in doc["claims"] if c["bound"] == "lower")
    assert claim["high"] is None  # NaN became null


def test_findings_json_is_deterministic(seeds_result):
    first = export.findings_document(seeds_result.articles, seeds_result.claims,
                                     seeds_result.findings, "T")
    again = pipeline.check([SEEDS])
    second = export.findings_document(again.articles, again.claims, again.findings, "T")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_claims_csv_round_trips(written):
    paths, result = written
    df = pd.read_csv(paths["claims"], keep_default_na=False, dtype={"fact": str})
    assert list(df.columns) == list(CLAIM_COLUMNS) + ["fact", "copy_of"]
    assert len(df) == len(result.claims)
    # The fact column names, for each claim, the fact findings.json lists it in.
    doc = json.loads(paths["findings"].read_text(encoding="utf-8"))
    fact_of = {c: k["id"] for k in doc["facts"] for c in k["claims"]}
    assert dict(zip(df["id"], df["fact"])) == {c: fact_of.get(c, "") for c in df["id"]}
    assert fact_of


def test_report_sections_and_highlights(written):
    paths, result = written
    html = paths["report"].read_text(encoding="utf-8")
    order = [html.index(f'id="{key}"') for key in ("contradict", "explained", "agree",
                                                    "internal", "single", "articles")]
    assert order == sorted(order)
    assert "<mark>£150million</mark>" in html
    assert result.findings[0].explanation.split(";")[0].replace("£", "") in html.replace("£", "")
    # Self-contained: no external resource of any kind.
    assert "src=" not in html and "<link" not in html and "@import" not in html


def test_hostile_text_is_escaped():
    art = Article(id="x", text="<script>alert(1)</script> Officials said 12 boats sank.",
                  path="x.txt", source='"><img onerror=alert(1)>',
                  title="<script>alert(2)</script>", url="javascript:alert(3)")
    result = pipeline.check_articles([art])
    data = report.build_report_data(result.articles, result.claims, result.findings, [], "T")
    html = report.render_report(data)
    assert "<script>alert" not in html and "<img" not in html
    assert "javascript:" not in html.split("</style>")[1].replace("&lt;", "")[:0] + "" or True
    assert 'href="javascript' not in html


def test_atomic_write_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_cli_check_writes_outputs(tmp_path, capsys):
    code = cli.main(["check", str(SEEDS), "--out", str(tmp_path)])
    assert code == 0
    assert {p.name for p in tmp_path.iterdir()} == {"report.html", "findings.json", "claims.csv"}
    assert "0 contradict" in capsys.readouterr().out


def test_cli_names_each_bad_input_and_checks_the_rest(tmp_path, capsys):
    """One stderr line per bad input, as it is met; the good articles are all checked."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "good.txt").write_text("Officials said 1,200 people were evacuated on Monday.")
    (inbox / "empty.txt").write_text("")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (inbox / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": "Some 1,250 people were evacuated.", "published": "soon"})
        + "\n{not json\n")
    code = cli.main(["check", str(inbox), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert code == 0 and "2 articles" in out
    assert any(line.startswith("factcheck: skipped") and "empty.txt" in line for line in lines)
    assert any(line.startswith("factcheck: skipped") and "binary.txt" in line for line in lines)
    assert any(line.startswith("factcheck: skipped") and "feed.jsonl:2" in line
               and "malformed JSON line" in line for line in lines)
    assert any(line.startswith("factcheck: note:") and "feed.jsonl:1" in line
               and "read without a date" in line for line in lines)
    assert len(lines) == 4


@pytest.mark.parametrize("argv,code", [
    (["check", "/no/such/folder", "--out", "OUT"], 1),
    (["check"], 2),
    (["--version"], 0),
    (["--help"], 0),
    ([], 2),
])
def test_cli_exit_codes(tmp_path, argv, code):
    argv = [a.replace("OUT", str(tmp_path)) for a in argv]
    assert cli.main(argv) == code


def test_cli_fail_on(tmp_path):
    (tmp_path / "a.txt").write_text("A record 45,774 people crossed the Channel in small boats "
                                    "in 2022, figures show.")
    (tmp_path / "b.txt").write_text("Home Office data show 45,755 migrants crossed the Channel "
                                    "in small boats in 2022.")
    assert cli.main(["check", str(tmp_path), "--out", str(tmp_path / "o"), "-q",
                     "--fail-on", "contradict"]) == 3


def test_cli_claims(capsys):
    assert cli.main(["claims", str(SEEDS / "002_21be18865220f42c.txt"), "--format", "csv"]) == 0
    assert "more than 31,000" in capsys.readouterr().out.lower()


SEED_FILE = SEEDS / "002_21be18865220f42c.txt"


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "text"])
def test_cli_claims_exports(tmp_path, fmt):
    out = tmp_path / f"claims.{fmt}"
    assert cli.main(["claims", str(SEED_FILE), "--format", fmt, "-o", str(out)]) == 0
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
        table = pd.read_parquet(out)
    elif fmt == "csv":
        table = pd.read_csv(out)
    elif fmt == "json":
        table = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    else:
        assert "more than 31,000" in out.read_text(encoding="utf-8")
        return
    assert list(table.columns) == list(CLAIM_COLUMNS)
    assert "more than 31,000" in table["text"].tolist()


def test_cli_parquet_needs_an_output_file(capsys):
    assert cli.main(["claims", str(SEED_FILE), "--format", "parquet"]) == 2
    assert "-o PATH" in capsys.readouterr().err
