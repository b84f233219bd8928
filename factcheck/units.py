"""Which units can be compared, and the factor that turns a figure into its kind's base unit.

"Three months" and "90 days" are one duration; "600 metres (2,000 feet)" one length; a count of
"people" and a bare count may be the same count. Money only meets its own currency.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Base units: days for durations, metres for lengths, kilograms for masses, square metres for
# areas, litres for volumes, km/h for speeds, watts for power, kWh for energy, bytes for data,
# bits a second for data rates, hertz for frequencies, newton metres for torque. The units are
# those numbers.py reads; data in the decimal multiples makers print on the box (a "500GB"
# drive is 500e9 bytes). Temperatures are not here: 0C is not 0F times a factor, so each scale
# stays its own kind; nor are "16-bit" words or "degrees", which measure different things.
_FACTORS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1 / 86400), "minute": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24), "day": ("duration", 1.0), "night": ("duration", 1.0),
    "week": ("duration", 7.0), "fortnight": ("duration", 14.0), "month": ("duration", 30.44),
    "year": ("duration", 365.25), "decade": ("duration", 3652.5),
    "century": ("duration", 36525.0),
    "mm": ("length", 0.001), "cm": ("length", 0.01), "dm": ("length", 0.1), "m": ("length", 1.0),
    "km": ("length", 1000.0), "inch": ("length", 0.0254), "ft": ("length", 0.3048),
    "yard": ("length", 0.9144), "mile": ("length", 1609.344),
    "nautical_mile": ("length", 1852.0),
    "microgram": ("mass", 1e-9), "mg": ("mass", 1e-6), "g": ("mass", 0.001), "kg": ("mass", 1.0),
    "oz": ("mass", 0.028349523125), "lb": ("mass", 0.45359237), "tonne": ("mass", 1000.0),
    "ton": ("mass", 907.18474),
    "m2": ("area", 1.0), "ft2": ("area", 0.09290304), "hectare": ("area", 1e4),
    "acre": ("area", 4046.8564224), "km2": ("area", 1e6), "mile2": ("area", 2589988.110336),
    "ml": ("volume", 0.001), "teaspoon": ("volume", 0.00492892159375),
    "tablespoon": ("volume", 0.01478676478125), "cup": ("volume", 0.2365882365),
    "litre": ("volume", 1.0), "gallon": ("volume", 3.785411784),  # US gallon, as most news
    "ft3": ("volume", 28.316846592), "barrel": ("volume", 158.987294928),
    "m3": ("volume", 1000.0),
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344),
    "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9), "hp": ("power", 745.69987),
    "kWh": ("energy", 1.0),
    "KB": ("data", 1e3), "MB": ("data", 1e6), "GB": ("data", 1e9), "TB": ("data", 1e12),
    "kbps": ("data rate", 1e3), "Mbps": ("data rate", 1e6), "Gbps": ("data rate", 1e9),
    "kHz": ("frequency", 1e3), "MHz": ("frequency", 1e6), "GHz": ("frequency", 1e9),
    "Nm": ("torque", 1.0), "lb_ft": ("torque", 1.3558179483314),
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


# A sum of money per span of time, compared a year at a time: "£12.50 a month" is £150 a year.
PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "year": 1.0}
_PER_SPAN = re.compile(r"\bper (day|week|month|year)$")


def per_span(row: Mapping[str, Any]) -> str:
    """The span a sum of money is stated per ("£12.50 a month": "month"), or ''.

    >>> per_span({"unit_family": "money", "measure": "GBP save household per month"})
    'month'
    """
    if row.get("unit_family") != "money":
        return ""
    per = _PER_SPAN.search(str(row.get("measure") or ""))
    return per.group(1) if per else ""


def in_base(row: Mapping[str, Any]) -> dict[str, Any]:
    """The claim with value, low and high in its kind's base unit (a copy; the row is kept):
    a sum of money per day, week or month as the sum a year.

    >>> in_base({"unit": "GBP", "unit_family": "money", "measure": "GBP save per month",
    ...          "value": 12.5, "low": 12.5, "high": 12.5})["value"]
    150.0
    """
    f = factor(str(row.get("unit", "")))
    if per := per_span(row):
        f *= PER_YEAR[per]
    if f == 1.0:
        return dict(row)
    out = dict(row)
    for col in ("value", "low", "high"):
        out[col] = float(row[col]) * f
    return out


def comparable(a: str, b: str) -> bool:
    """Two units as written that convert into each other ("week" and "day").

    >>> comparable("week", "day"), comparable("week", "mile"), comparable("day", "day")
    (True, False, True)
    """
    return a in _FACTORS and b in _FACTORS and _FACTORS[a][0] == _FACTORS[b][0]
