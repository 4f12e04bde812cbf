"""wfmlint: a static linter for workforce-management schedule payloads."""
from __future__ import annotations

from .version import __version__  # noqa: E402

from .config import Config, Settings  # noqa: E402
from .findings import Finding  # noqa: E402
from .run import FilesUnread, RuleCrashed, lint_paths, lint_text  # noqa: E402

__all__ = ["Config", "FilesUnread", "Finding", "RuleCrashed", "Settings", "lint_paths", "lint_text",
           "__version__"]
