"""Figures written back for people: "£240m", "more than 12,000 people", "12%".

Used by the verdict explanations and the report, so both say a figure the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from . import units

CURRENCY_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}


def number(value: float) -> str:
    """A number with thousands separators and no needless decimals.

    >>> number(12417.0), number(1.25), number(48300000.0)
    ('12,417', '1.25', '48,300,000')
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str) -> str:
    """A value in its unit, as a reader would write it.

    >>> amount(240e6, "GBP"), amount(2.5e9, "USD"), amount(12.0, "percent"), amount(12417, "person")
    ('£240m', '$2.5bn', '12%', '12,417 people')
    >>> amount(75e6, "CHF"), amount(3, "boat"), amount(1, "boat")
    ('CHF 75m', '3 boats', '1 boat')
    >>> amount(6.1, "magnitude"), amount(-3, "degree_celsius"), amount(32, "age")
    ('magnitude 6.1', '-3°C', 'aged 32')
    >>> amount(0.042, "GBP"), amount(0.035, "USD"), amount(99.99, "USD"), amount(12.5, "GBP")
    ('4.2p', '$0.035', '$99.99', '£12.50')
    >>> amount(8.75, "m"), amount(104, "mph")
    ('8.75m', '104 mph')
    """
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "percentage_point":
        return f"{number(value)} percentage points"
    if len(unit) == 3 and unit.isupper():
        sign = CURRENCY_SIGNS.get(unit)
        if 0 < abs(value) < 1:
            # A price in pence or cents: "4.2p per share" is not "£0.04".
            if unit == "GBP":
                return f"{number(round(value * 100, 3))}p"
            text = f"{value:.3g}"
        else:
            # Pounds and pence are written with both digits: "£12.50", not "£12.5".
            text = number(value) if float(value).is_integer() or abs(value) >= 1e6 else (
                f"{value:,.2f}")
            for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
                if abs(value) >= size:
                    text = number(round(value / size, 3)) + suffix
                    break
        return f"{sign}{text}" if sign else f"{unit} {text}"
    if unit in ("count", "times", "fraction"):
        return number(value)
    if unit == "age":
        return f"aged {number(value)}"  # a person's age, not a count of "ages"
    if unit == "magnitude":
        return f"magnitude {number(value)}"  # a scale reading, not a count of "magnitudes"
    if unit.startswith("degree_"):
        return f"{number(value)}°{unit[7].upper()}"  # degree_celsius -> °C
    if unit in _SYMBOLS:
        return f"{number(value)}{_SYMBOLS[unit]}"  # "8.75m", "60 mph": a symbol has no plural
    noun = "people" if unit == "person" else unit
    if unit != "person" and value != 1:
        noun = unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else (
            unit + "es" if unit.endswith(("s", "x", "ch", "sh")) else unit + "s")
    if unit == "person" and value == 1:
        noun = "person"
    return f"{number(value)} {noun}"


_BOUND_WORDS = {"lower": "at least ", "upper": "at most ", "approx": "about "}
# Units written as symbols, as news writes them after a figure.
_SYMBOLS = {**{u: u for u in ("m", "cm", "mm", "km", "kg", "g", "mg", "ml")},
            **{u: f" {u}" for u in ("mph", "km/h", "kW", "MW", "GW", "kWh", "KB", "MB", "GB",
                                    "TB", "kbps", "Mbps", "Gbps", "kHz", "MHz", "GHz", "hp")},
            "m2": " sq m", "km2": " sq km", "ft2": " sq ft", "m3": " cubic metres",
            "ft3": " cubic feet", "lb": " lb", "oz": " oz", "ft": " ft"}


def claim(row: Mapping[str, Any]) -> str:
    """A claim's figure with its hedge: "at least 12,000 people", "£1.5bn–£2bn".

    >>> claim({"value": 12000.0, "low": 12000.0, "high": float("nan"), "unit": "person",
    ...        "bound": "lower"})
    'at least 12,000 people'
    """
    unit, bound = row["unit"], row["bound"]
    # A sum per span says so: "£12.50 a month" (set beside "£150 a year", it agrees).
    per = units.per_span(row)
    span = f" a {per}" if per else ""
    if bound == "range":
        low, high = row["low"], row["high"]
        if isinstance(high, float) and math.isfinite(high):
            return f"{amount(low, unit)}–{amount(high, unit)}{span}"
    return _BOUND_WORDS.get(bound, "") + amount(row["value"], unit) + span

