"""Which units can be compared, and the factor that turns a figure into its kind's base unit.

"Three months" and "90 days" are one duration; "600 metres (2,000 feet)" one length; a count of
"people" and a bare count may be the same count. Money only meets its own currency.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Base units: days for durations, metres for lengths, kilograms for masses.
_FACTORS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1 / 86400), "minute": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24), "day": ("duration", 1.0), "night": ("duration", 1.0),
    "week": ("duration", 7.0), "fortnight": ("duration", 14.0), "month": ("duration", 30.44),
    "year": ("duration", 365.25), "decade": ("duration", 3652.5),
    "century": ("duration", 36525.0),
    "mm": ("length", 0.001), "cm": ("length", 0.01), "m": ("length", 1.0),
    "km": ("length", 1000.0), "inch": ("length", 0.0254), "ft": ("length", 0.3048),
    "yard": ("length", 0.9144), "mile": ("length", 1609.344),
    "g": ("mass", 0.001), "kg": ("mass", 1.0), "lb": ("mass", 0.45359237),
    "tonne": ("mass", 1000.0), "ton": ("mass", 907.18474),
}
# Families whose figures count things: all counts meet, so a bare count ("more than 12,000 have
# crossed") meets the named counts of its story; the counted nouns are features of the pair
# (same noun, noun clash), not walls, since the noun read after a figure is often not the one
# it counts ("12 Somali", "five critically injured").
_COUNT_FAMILIES = frozenset({"person", "count"})


def kind(row: Mapping[str, Any]) -> str:
    """The comparison class of a claim: claims of different kinds are never the same measure.

    >>> [kind({"unit": u, "unit_family": f}) for u, f in
    ...  [("month", "duration"), ("ft", "physical"), ("boat", "count"), ("GBP", "money")]]
    ['duration', 'length', 'count', 'GBP']
    """
    unit, family = str(row["unit"]), str(row["unit_family"])
    if unit in _FACTORS:
        return _FACTORS[unit][0]
    if family in _COUNT_FAMILIES:
        return "count"
    if family == "money":
        return unit
    if family == "percent":
        return unit  # percent and percentage points are different measures
    return f"{family}:{unit}"


def factor(unit: str) -> float:
    """What one of ``unit`` is in its kind's base unit (1.0 for units with no conversion).

    >>> factor("week"), factor("km"), factor("person")
    (7.0, 1000.0, 1.0)
    """
    return _FACTORS.get(unit, ("", 1.0))[1]


def in_base(row: Mapping[str, Any]) -> dict[str, Any]:
    """The claim with value, low and high in its kind's base unit (a copy; the row is kept)."""
    f = factor(str(row.get("unit", "")))
    if f == 1.0:
        return dict(row)
    out = dict(row)
    for col in ("value", "low", "high"):
        out[col] = float(row[col]) * f
    return out
