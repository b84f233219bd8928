"""factcheck: a cross-source fact consistency checker for news.

>>> import factcheck
>>> factcheck.extract("A total of 8,215 people crossed in 2023.")["value"].tolist()
[8215.0]
"""

__version__ = "1.1.0"

from .normalise import extract  # noqa: E402  (the version must exist before submodules import)
from .pipeline import CheckResult, check, write_outputs  # noqa: E402

__all__ = ["extract", "check", "write_outputs", "CheckResult", "__version__"]
