"""Where the work runs: in this process, in worker processes on this machine, or on an existing
Dask distributed cluster. Every engine maps one top-level function over a list of chunks and
returns the results in order, so the pipeline gives the same findings whichever one runs it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Protocol

from .errors import EngineError

ENGINES = ("local", "dask")
# Seconds to wait for a Dask scheduler before giving up with a clear error.
CONNECT_TIMEOUT = 20.0


class Engine(Protocol):
    """Maps a picklable top-level function over chunks; results come back in input order."""

    name: str

    def map(self, fn: Callable[[Any], Any], chunks: Sequence[Any],
            progress: Callable[[int], None] | None = None) -> list[Any]:
        """``[fn(c) for c in chunks]``, possibly in parallel; ``progress(len(chunk))`` after each."""
        ...

    def close(self) -> None:
        """Release workers or the cluster connection."""
        ...


class SerialEngine:
    """Everything in this process: small runs, tests, and the reference for the others."""

    name = "serial"

    def map(self, fn: Callable[[Any], Any], chunks: Sequence[Any],
            progress: Callable[[int], None] | None = None) -> list[Any]:
        """Run ``fn`` over the chunks one after another."""
        out = []
        for c in chunks:
            out.append(fn(c))
            if progress:
                progress(len(c))
        return out

    def close(self) -> None:
        """Nothing to release."""


class ProcessEngine:
    """Worker processes on this machine, one per core by default, fed large chunks."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[Any], Any], chunks: Sequence[Any],
            progress: Callable[[int], None] | None = None) -> list[Any]:
        """Run ``fn`` over the chunks in the worker processes (in this one for a single chunk)."""
        if self.workers == 1 or len(chunks) <= 1:
            return SerialEngine().map(fn, chunks, progress)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        futures = {self._pool.submit(fn, c): i for i, c in enumerate(chunks)}
        out: list[Any] = [None] * len(chunks)
        for fut in as_completed(futures):
            out[futures[fut]] = fut.result()
            if progress:
                progress(len(chunks[futures[fut]]))
        return out

    def close(self) -> None:
        """Shut the worker processes down."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskEngine:
    """An existing Dask distributed cluster, reached through its scheduler's address."""

    name = "dask"

    def __init__(self, scheduler: str, timeout: float = CONNECT_TIMEOUT) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # the optional extra is not installed
            raise EngineError("--engine dask needs the 'distributed' package: "
                              "pip install 'factcheck[dask]'") from exc
        try:
            self.client = Client(scheduler, set_as_default=False, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} within "
                              f"{timeout:g} s ({type(exc).__name__}: {exc})") from exc

    def map(self, fn: Callable[[Any], Any], chunks: Sequence[Any],
            progress: Callable[[int], None] | None = None) -> list[Any]:
        """Scatter the chunks to the cluster, run ``fn`` on each, gather in order."""
        if not chunks:
            return []
        # pure=False: two equal chunks are still two tasks (no silent de-duplication).
        futures = self.client.map(fn, list(chunks), pure=False)
        out: list[Any] = []
        for chunk, fut in zip(chunks, futures):  # all run at once; collected in order
            out.append(fut.result())
            if progress:
                progress(len(chunk))
        return out

    def close(self) -> None:
        """Close the connection (the cluster itself stays up: it is not ours)."""
        self.client.close()


def make_engine(name: str = "local", workers: int | None = None,
                scheduler: str | None = None) -> Engine:
    """The engine a command line asks for: ``local`` (processes) or ``dask`` (a scheduler)."""
    if name == "dask":
        if not scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(scheduler)
    if name != "local":
        raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    return ProcessEngine(workers)


def chunked(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Consecutive slices of ``items`` of at most ``size``."""
    for i in range(0, len(items), max(1, size)):
        yield items[i:i + size]
