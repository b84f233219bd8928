"""Shared fixtures: where ../shared is, and one real run over the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, skipping the test when that material is not beside the repo."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def seeds_result():
    """One full check run over the seed articles."""
    from factcheck import pipeline

    return pipeline.check([SEEDS])
