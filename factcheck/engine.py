"""Where the work runs: in this process, in worker processes on this machine, or on an existing
Dask distributed cluster. Every engine maps one top-level function over chunks (a list, or a
stream pulled a few chunks ahead of the workers) and returns the results in order, so the
pipeline gives the same findings whichever one runs it.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Protocol

from .errors import EngineError

ENGINES = ("local", "dask")
# Chunks in flight per worker when streaming: enough to keep every worker busy while the
# main process reads the next chunk, few enough that the input is never all in memory.
AHEAD_PER_WORKER = 2
# Seconds to wait for a Dask scheduler before giving up with a clear error.
CONNECT_TIMEOUT = 20.0


class Engine(Protocol):
    """Maps a picklable top-level function over chunks; results come back in input order."""

    name: str

    def map(self, fn: Callable[[Any], Any], chunks: Sequence[Any],
            progress: Callable[[int], None] | None = None) -> list[Any]:
        """``[fn(c) for c in chunks]``, possibly in parallel; ``progress(len(chunk))`` after each."""
        ...

    def imap(self, fn: Callable[[Any], Any], chunks: Iterable[Any],
             progress: Callable[[int], None] | None = None) -> Iterator[Any]:
        """``fn(c)`` for chunks pulled lazily from an iterable, yielded in input order, with
        only a few chunks held at any time (a stream is never read whole)."""
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

    def imap(self, fn: Callable[[Any], Any], chunks: Iterable[Any],
             progress: Callable[[int], None] | None = None) -> Iterator[Any]:
        """Run ``fn`` over the chunks one after another, as they come."""
        for c in chunks:
            result = fn(c)
            if progress:
                progress(len(c))
            yield result

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

    def imap(self, fn: Callable[[Any], Any], chunks: Iterable[Any],
             progress: Callable[[int], None] | None = None) -> Iterator[Any]:
        """Run ``fn`` over chunks pulled as workers free up; results in input order."""
        chunks = iter(chunks)
        head = list(itertools.islice(chunks, 2))
        if self.workers == 1 or len(head) <= 1:  # one chunk: no pool to start for it
            yield from SerialEngine().imap(fn, itertools.chain(head, chunks), progress)
            return
        chunks = itertools.chain(head, chunks)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        yield from _windowed(self._pool.submit, fn, chunks, progress,
                             AHEAD_PER_WORKER * self.workers)

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

    def imap(self, fn: Callable[[Any], Any], chunks: Iterable[Any],
             progress: Callable[[int], None] | None = None) -> Iterator[Any]:
        """Submit chunks to the cluster as earlier ones finish; results in input order."""
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))

        def submit(f: Callable[[Any], Any], chunk: Any) -> Any:
            return self.client.submit(f, chunk, pure=False)
        yield from _windowed(submit, fn, chunks, progress, AHEAD_PER_WORKER * workers)

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


def _windowed(submit: Callable[..., Any], fn: Callable[[Any], Any], chunks: Iterable[Any],
              progress: Callable[[int], None] | None, window: int) -> Iterator[Any]:
    """Keep ``window`` chunks submitted, yield their results in order (futures of either a
    process pool or a Dask client: both have ``result()``)."""
    pending: deque[tuple[int, Any]] = deque()
    for chunk in chunks:
        pending.append((len(chunk), submit(fn, chunk)))
        if len(pending) >= window:
            yield _collect(pending.popleft(), progress)
    while pending:
        yield _collect(pending.popleft(), progress)


def _collect(item: tuple[int, Any], progress: Callable[[int], None] | None) -> Any:
    size, future = item
    result = future.result()
    if progress:
        progress(size)
    return result


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most ``size`` consecutive items, pulled lazily from any iterable."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
