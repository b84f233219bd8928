"""The small chart of a finding: each source's figure on one shared axis, as SVG geometry.

Exact figures are points, ranges and hedged ("about") figures are bars, and one-sided bounds
("more than", "almost") are bars open towards the side the wording leaves open, so two figures
that cannot both be right are visibly apart. Only geometry is computed here; the template draws
it, so every label still goes through the template's escaping.
"""

from __future__ import annotations

import datetime as dt
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
    outlier: bool = False   # set against the consensus of its fact


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
    consensus_x: float | None = None   # where the consensus of a fact falls on the axis
    consensus_text: str = ""


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


def chart_for(rows: Sequence[Mapping[str, Any]], labels: Sequence[str],
              outliers: Sequence[bool] = (), consensus: float | None = None) -> Chart | None:
    """The chart of a finding's or a fact's claims (rows of the claim table), or None with
    fewer than two claims or nothing finite to draw; a fact's outliers and consensus are
    marked."""
    if len(rows) < 2:
        return None
    ends = [_ends(r) for r in rows]
    points = [x for lo, hi, v in ends for x in (lo, hi, v) if x is not None]
    if points and consensus is not None:
        points.append(consensus)
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
    for m, flag in zip(marks, outliers):
        m.outlier = bool(flag)
    summary = "; ".join(f"{m.label}: {m.text}" + (" (outlier)" if m.outlier else "")
                        for m in marks)
    chart = Chart(WIDTH, int(axis_y + AXIS_HEIGHT), plot_left, plot_right, axis_y, marks, ticks,
                  summary)
    if consensus is not None:
        chart.consensus_x = x(consensus)
        chart.consensus_text = f"consensus {formatting.amount(consensus, unit)}"
        chart.summary += f". Consensus {formatting.amount(consensus, unit)}"
    return chart


TIMELINE_HEIGHT = 190   # px, the plot of a timeline
TIMELINE_LEFT = 70      # px, the value labels on the left
LEGEND_ROW = 18         # px per line of the legend below the plot
SERIES_STYLES = 6       # distinct series styles in the page's CSS (s0..s5), reused beyond


@dataclass(slots=True)
class TimePoint:
    """One source's figure at the date it holds."""

    x: float
    y: float
    label: str
    text: str            # "Valley Herald, 2025-03-10: 92 people"
    outlier: bool = False


@dataclass(slots=True)
class Series:
    """One outlet's figures joined in date order."""

    label: str
    style: int           # s0..s5 in the page's CSS
    path: str            # SVG polyline points, "x,y x,y"
    points: list[TimePoint] = field(default_factory=list)
    legend_x: float = 0.0
    legend_y: float = 0.0


@dataclass(slots=True)
class Timeline:
    """Everything the template needs to draw a running count over time."""

    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    series: list[Series] = field(default_factory=list)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    consensus_y: float | None = None
    consensus_text: str = ""
    summary: str = ""


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return None


def timeline_for(rows: Sequence[Mapping[str, Any]], labels: Sequence[str],
                 outliers: Sequence[bool] = (), consensus: float | None = None
                 ) -> Timeline | None:
    """The timeline of a running count: x the date each figure holds at (``as_of``), y its
    value, one series per outlet joined in date order; None with fewer than two dates."""
    flags = list(outliers) or [False] * len(rows)
    dated = [(d, _finite(r.get("value")), r, lab, out)
             for r, lab, out in zip(rows, labels, flags) if (d := _day(r.get("as_of") or ""))]
    dated = [t for t in dated if t[1] is not None]
    days = sorted({t[0] for t in dated})
    if len(days) < 2:
        return None
    values = [t[1] for t in dated] + ([consensus] if consensus is not None else [])
    lo, hi = min(values), max(values)
    span = hi - lo or max(abs(hi), 1.0)
    v_lo, v_hi = lo - PAD * span, hi + PAD * span
    top, bottom, left, right = 10, TIMELINE_HEIGHT - 24, TIMELINE_LEFT, WIDTH - 16
    first, total_days = days[0], (days[-1] - days[0]).days

    def x(d: dt.date) -> float:
        return round(left + (d - first).days / total_days * (right - left), 1)

    def y(v: float) -> float:
        return round(bottom - (v - v_lo) / (v_hi - v_lo) * (bottom - top), 1)

    unit = str(rows[0].get("unit") or "")
    by_label: dict[str, list[TimePoint]] = {}
    for d, v, row, lab, out in sorted(dated, key=lambda t: (t[0], t[3])):
        by_label.setdefault(lab, []).append(TimePoint(
            x(d), y(v), lab, f"{lab}, {d.isoformat()}: {formatting.claim(row)}", out))
    series = []
    for i, (lab, pts) in enumerate(by_label.items()):
        series.append(Series(lab, i % SERIES_STYLES, " ".join(f"{p.x},{p.y}" for p in pts), pts,
                             left + (i % 3) * 140, TIMELINE_HEIGHT + 4 + (i // 3) * LEGEND_ROW))
    step = max(1, math.ceil(len(days) / 6))   # at most about six date labels
    xticks = [(x(d), f"{d.day} {d:%b}") for d in days[::step]]
    yticks = [(y(v), _tick(v, unit)) for v in sorted({lo, hi})]
    summary = "Timeline: " + "; ".join(p.text + (" (outlier)" if p.outlier else "")
                                       for s in series for p in s.points)
    if consensus is not None:
        summary += f". Consensus {formatting.amount(consensus, unit)}"
    height = TIMELINE_HEIGHT + 10 + math.ceil(len(series) / 3) * LEGEND_ROW
    return Timeline(WIDTH, height, left, right, top, bottom, series, xticks, yticks,
                    y(consensus) if consensus is not None else None,
                    f"consensus {formatting.amount(consensus, unit)}"
                    if consensus is not None else "", summary)
