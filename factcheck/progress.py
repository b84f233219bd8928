"""Progress bars for long runs: tqdm on a terminal, silent elsewhere or with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Progress:
    """Hands out one bar per stage; each bar is a callable that advances it by n."""

    def __init__(self, enabled: bool | None = None) -> None:
        # None: a bar only when stderr is a terminal (nightly cron jobs get clean logs).
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
        """A bar for one stage of ``total`` units (None: a counter, for a stream of unknown
        length); yields ``advance(n)``."""
        if not self.enabled:
            yield lambda n: None
            return
        from tqdm import tqdm

        with tqdm(total=total, desc=f"{name:<8}", unit="", file=sys.stderr, leave=False,
                  dynamic_ncols=True) as bar:
            yield bar.update
