"""wfmlint: a static linter for workforce-management schedule payloads."""
from __future__ import annotations

from .version import __version__  # noqa: E402

from .config import Config, ConfigError, Settings, project_settings  # noqa: E402
from .findings import Finding  # noqa: E402
from .run import FilesUnread, RuleCrashed, lint_paths, lint_text  # noqa: E402

__all__ = ["Config", "ConfigError", "FilesUnread", "Finding", "RuleCrashed", "Settings", "lint_paths", "lint_text",
           "project_settings", "__version__"]
