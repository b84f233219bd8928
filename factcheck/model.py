"""The fitted matcher's parameters: named feature weights, shipped as plain JSON.

``data/matcher.json`` holds three logistic models over the features of ``features``:
``same_measure`` (are two claims whose figures agree the same measured quantity?),
``same_measure_differing`` (the same question for figures that differ: a different balance of
evidence, since near figures are common by chance) and ``explained`` (two figures of one
measure that differ: is there a reason, or is it a contradiction?), with the thresholds,
the data they were fitted on, the cross-validated score and the command that refits them
(``python -m factcheck.fit``).
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Logistic:
    """One logistic model: an intercept and a weight per named feature."""

    intercept: float
    weights: dict[str, float]

    def probability(self, names: list[str], values: list[float]) -> float:
        """P(yes) for a feature vector given in the order of ``names``.

        >>> Logistic(0.0, {"x": 2.0}).probability(["x"], [0.0])
        0.5
        """
        z = self.intercept + math.fsum(self.weights.get(n, 0.0) * v
                                       for n, v in zip(names, values))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def scorer(self, names: list[str]) -> Callable[[list[float]], float]:
        """A fast P(yes) for many vectors in the order of ``names`` (weights looked up once)."""
        weights = [self.weights.get(n, 0.0) for n in names]
        intercept = self.intercept

        def probability(values: list[float]) -> float:
            z = intercept + sum(map(operator.mul, weights, values))
            return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
        return probability

    def reasons(self, names: list[str], values: list[float], top: int = 3) -> list[str]:
        """The features that pushed this pair's score most, as "name: +1.2" for an editor."""
        parts = sorted(((self.weights.get(n, 0.0) * v, n) for n, v in zip(names, values) if v),
                       key=lambda t: -abs(t[0]))
        return [f"{n.replace('_', ' ')}: {w:+.1f}" for w, n in parts[:top] if abs(w) >= 0.05]


@dataclass(frozen=True, slots=True)
class Matcher:
    """The two fitted models and the thresholds the matcher applies."""

    same_measure: Logistic
    same_measure_differing: Logistic
    explained: Logistic
    min_same_value: float      # P(same measure) for an agreement
    min_different_value: float  # ... for figures that differ for a reason the words state
    min_contradict: float      # ... for a contradiction
    min_fitted_reason: float   # ... for a reason only the explained model sees
    meta: dict[str, Any]

    def threshold(self, verdict: str, fitted_reason: bool) -> float:
        """The P(same measure) a finding of this kind needs: accusing an outlet needs most."""
        if verdict == "agree":
            return self.min_same_value
        if verdict == "contradict":
            return self.min_contradict
        return self.min_fitted_reason if fitted_reason else self.min_different_value

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Matcher:
        """A matcher from its JSON document."""
        def logistic(d: dict[str, Any]) -> Logistic:
            return Logistic(float(d["intercept"]), {k: float(v) for k, v in d["weights"].items()})
        th = doc["thresholds"]
        return cls(logistic(doc["same_measure"]), logistic(doc["same_measure_differing"]),
                   logistic(doc["explained"]),
                   float(th["same_value"]), float(th["different_value"]),
                   float(th["contradict"]), float(th["fitted_reason"]),
                   {k: v for k, v in doc.items()
                    if k not in ("same_measure", "same_measure_differing", "explained",
                                 "thresholds")})

    def pairing(self, agree: bool) -> Logistic:
        """The same-measure model for figures that agree, or for figures that differ."""
        return self.same_measure if agree else self.same_measure_differing


@lru_cache(maxsize=1)
def load() -> Matcher:
    """The matcher shipped with the package."""
    text = resources.files("factcheck").joinpath("data", "matcher.json").read_text("utf-8")
    return Matcher.from_dict(json.loads(text))


_override: list[Matcher] = []


@contextmanager
def using(matcher: Matcher) -> Iterator[Matcher]:
    """Run this process's matching with ``matcher`` instead of the shipped one (fitting and
    cross-validation try weights without writing them anywhere)."""
    _override.append(matcher)
    try:
        yield matcher
    finally:
        _override.pop()


def current() -> Matcher:
    """The matcher in force: one set by ``using``, else the shipped one."""
    return _override[-1] if _override else load()
