"""One exception base for the package, caught only at the edge (the CLI)."""


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""


class InputError(FactcheckError):
    """An input file, folder or manifest could not be read or is malformed."""


class UsageError(FactcheckError):
    """The command line or API call itself is wrong."""


class EngineError(FactcheckError):
    """The engine asked for cannot run (no Dask installed, scheduler unreachable)."""


class TooSlow(FactcheckError):
    """One article took longer to read than its time budget (it is skipped, the run goes on)."""
