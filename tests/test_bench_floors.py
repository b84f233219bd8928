"""Quality gates: each public suite's score is pinned as a floor. Raise a floor when the
parser improves; never lower one to make a change pass."""

from __future__ import annotations

import pytest

from conftest import SHARED, shared_path
from factcheck import bench

# suite -> (value F1 floor, interval-accuracy floor or None, unit-accuracy floor or None)
FLOORS = {
    "Currency": (96.5, None, 97.0),
    "Percent": (100.0, None, 100.0),
    "NumberRange": (83.0, 90.5, None),
    "Dimension": (91.5, None, 92.0),
    "Number": (44.0, None, None),
}
# Bound accuracy (exact / lower / upper / range) where the suite states the bound.
BOUND_FLOORS = {"NumberRange": 90.5}


@pytest.mark.parametrize("suite", list(FLOORS))
def test_recognizers_text_floor(suite):
    shared_path(*bench.RT_SPECS)
    s = bench.score(suite, bench.load_recognizers(SHARED, suite))
    f1_floor, interval_floor, unit_floor = FLOORS[suite]
    assert s.f1 >= f1_floor, s.line()
    if interval_floor is not None:
        assert 100 * s.interval_hits / s.interval_total >= interval_floor, s.line()
    if unit_floor is not None:
        assert 100 * s.unit_hits / s.unit_total >= unit_floor, s.line()
    if suite in BOUND_FLOORS:
        hits, total = sum(s.bound_hits.values()), sum(s.bound_total.values())
        assert 100 * hits / total >= BOUND_FLOORS[suite], s.bound_line()


def test_quantulum_suite_floor(tmp_path_factory):
    cases = bench.load_quantulum(tmp_path_factory.mktemp("quantulum"))
    if cases is None:
        pytest.skip("quantulum3 wheel could not be downloaded (offline)")
    s = bench.score("quantulum3-suite", cases)
    assert s.f1 >= 77.0, s.line()


def test_benchmark_command_runs(capsys):
    shared_path(*bench.RT_SPECS)
    assert bench.main(["extraction", "--repeats", "1", "--offline"]) == 0
    out = capsys.readouterr().out
    assert "Currency" in out and "MB/s" in out
