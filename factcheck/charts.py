"""The small chart of a finding: each source's figure on one shared axis, as SVG geometry.

Exact figures are points, ranges and hedged ("about") figures are bars, and one-sided bounds
("more than", "almost") are bars open towards the side the wording leaves open, so two figures
that cannot both be right are visibly apart. Only geometry is computed here; the template draws
it, so every label still goes through the template's escaping.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import formatting

WIDTH = 480          # px, the whole chart
LABEL_WIDTH = 160    # px, the outlet names on the left
ROW_HEIGHT = 22      # px per source
AXIS_HEIGHT = 20     # px for the axis and its two end labels
PAD = 0.08           # share of the span left free either side of the figures


@dataclass(slots=True)
class Mark:
    """One source's figure: a point, a closed bar, or a bar open to the left or right."""

    label: str
    shape: str           # point | bar | open-right | open-left
    y: float
    x1: float
    x2: float
    text: str            # the figure as written back for people, for the tooltip


@dataclass(slots=True)
class Chart:
    """Everything the template needs to draw one finding's chart."""

    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    marks: list[Mark] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    summary: str = ""    # the chart in words, for screen readers


def _finite(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _ends(row: Mapping[str, Any]) -> tuple[float | None, float | None, float]:
    value = _finite(row.get("value")) or 0.0
    return _finite(row.get("low")), _finite(row.get("high")), value


def _tick(value: float, unit: str) -> str:
    """An axis label: money and percentages with their sign, counts as bare numbers (the
    unit is in the finding's text; "12,345 people" would crowd the axis)."""
    if unit in ("percent", "percentage_point") or (len(unit) == 3 and unit.isupper()):
        return formatting.amount(value, unit)
    return formatting.number(value)


def chart_for(rows: Sequence[Mapping[str, Any]], labels: Sequence[str]) -> Chart | None:
    """The chart of a finding's claims (rows of the claim table), or None with fewer than two
    claims or nothing finite to draw."""
    if len(rows) < 2:
        return None
    ends = [_ends(r) for r in rows]
    points = [x for lo, hi, v in ends for x in (lo, hi, v) if x is not None]
    if not points:
        return None
    lo_all, hi_all = min(points), max(points)
    span = hi_all - lo_all or max(abs(hi_all), 1.0)
    axis_lo, axis_hi = lo_all - PAD * span, hi_all + PAD * span
    plot_left, plot_right = LABEL_WIDTH, WIDTH - 10

    def x(v: float) -> float:
        return round(plot_left + (v - axis_lo) / (axis_hi - axis_lo) * (plot_right - plot_left), 1)

    marks = []
    for i, ((lo, hi, value), row, label) in enumerate(zip(ends, rows, labels)):
        y = 6 + i * ROW_HEIGHT + ROW_HEIGHT / 2
        if lo is not None and hi is not None and math.isclose(lo, hi, rel_tol=1e-12):
            marks.append(Mark(label, "point", y, x(lo), x(lo), formatting.claim(row)))
        elif lo is not None and hi is not None:
            marks.append(Mark(label, "bar", y, x(lo), x(hi), formatting.claim(row)))
        elif lo is not None:
            marks.append(Mark(label, "open-right", y, x(lo), plot_right, formatting.claim(row)))
        elif hi is not None:
            marks.append(Mark(label, "open-left", y, plot_left, x(hi), formatting.claim(row)))
        else:
            marks.append(Mark(label, "point", y, x(value), x(value), formatting.claim(row)))
    axis_y = 6 + len(rows) * ROW_HEIGHT + 4
    unit = str(rows[0].get("unit") or "")
    ticks = [(x(lo_all), _tick(lo_all, unit)), (x(hi_all), _tick(hi_all, unit))]
    if math.isclose(lo_all, hi_all):
        ticks = ticks[:1]
    summary = "; ".join(f"{m.label}: {m.text}" for m in marks)
    return Chart(WIDTH, int(axis_y + AXIS_HEIGHT), plot_left, plot_right, axis_y, marks, ticks,
                 summary)
