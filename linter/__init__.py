"""wfmlint: a static linter for workforce-management schedule payloads."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, Settings  # noqa: E402
from .findings import Finding  # noqa: E402
from .run import lint_paths, lint_text  # noqa: E402

__all__ = ["Config", "Finding", "Settings", "lint_paths", "lint_text", "__version__"]
