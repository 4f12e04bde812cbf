"""`[tool.wfmlint]` configuration: discovery, validation into a frozen object, and the
per-file view of it (which rules run, at which severity, with which options)."""
from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .globs import glob_match

PROFILE_NAMES = ("genesys-update", "genesys-import", "genesys-schedule-export", "generic",
                 "permissions")
SEVERITIES = ("error", "warning", "info", "off")
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", ".tox", "node_modules", "__pycache__",
                   "build", "dist"]


class ConfigError(Exception):
    """A configuration the tool cannot use; the CLI prints it and exits 2."""


class GenericMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    entries: str
    resource: str
    start: str
    end: str | None = None
    length_minutes: str | None = Field(None, alias="length-minutes")
    id: str | None = None
    required: tuple[str, ...] | None = None

    @field_validator("entries")
    @classmethod
    def _pointer_pattern(cls, value: str) -> str:
        if value and not value.startswith("/"):
            raise ValueError("must be a JSON pointer pattern starting with '/', e.g. \"/shifts/*\"")
        return value

    def model_post_init(self, _context: Any) -> None:
        if (self.end is None) == (self.length_minutes is None):
            raise ValueError("give exactly one of 'end' and 'length-minutes'")


class Config(BaseModel):
    """The validated `[tool.wfmlint]` table. Paths in it are relative to `root`."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    profile: Literal["auto", "genesys-update", "genesys-import", "genesys-schedule-export",
                     "generic"] = "auto"
    include: tuple[str, ...] = ("**/*.json",)
    exclude: tuple[str, ...] = tuple(DEFAULT_EXCLUDE)
    extend_exclude: tuple[str, ...] = Field((), alias="extend-exclude")
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = Field((), alias="extend-select")
    ignore: tuple[str, ...] = ()
    existing: str | None = None
    permissions: str | None = None
    timezone: str | None = None
    required_permissions: tuple[str, ...] = Field((), alias="required-permissions")
    max_file_size: int = Field(536_870_912, alias="max-file-size", ge=1)
    max_depth: int = Field(512, alias="max-depth", ge=1, le=10_000)
    profiles: dict[str, Literal["genesys-update", "genesys-import", "genesys-schedule-export",
                                "generic"]] = {}
    schemas: dict[str, str] = {}
    severity: dict[str, Literal["error", "warning", "info", "off"]] = {}
    per_file_ignores: dict[str, tuple[str, ...]] = Field({}, alias="per-file-ignores")
    rules: dict[str, dict[str, Any]] = {}
    generic: GenericMapping | None = None
    root: str = Field(".", exclude=True)
    source: str = Field("", exclude=True)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"unknown time zone {value!r} (use an IANA name such as "
                                 "'Europe/Berlin')") from None
        return value


DEFAULT_CONFIG = Config()


def find_config(start: Path) -> Path | None:
    """Nearest `wfmlint.toml`, or `pyproject.toml` with `[tool.wfmlint]`, walking up."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "wfmlint.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(data.get("tool"), dict) and "wfmlint" in data["tool"]:
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file; ConfigError names the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table_name = "[tool.wfmlint]"
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("wfmlint", {}) if isinstance(data.get("tool"), dict) else {}
    else:
        table_name, table = "wfmlint.toml", data.get("tool", {}).get("wfmlint", data) \
            if isinstance(data.get("tool"), dict) else data
    return config_from_table(table, path, table_name)


def config_from_table(table: dict, path: Path | None, table_name: str = "[tool.wfmlint]") -> Config:
    where = f"{path}: {table_name}" if path else table_name
    try:
        config = Config.model_validate(
            {**table, "root": str(path.parent if path else Path.cwd()), "source": str(path or "")})
    except ValidationError as error:
        raise ConfigError(f"{where}: {_describe(error)}") from None
    _check_rule_references(config, where)
    return config


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or "(table)"
    if first["type"] == "extra_forbidden":
        known = [f.alias or name for name, f in Config.model_fields.items()
                 if name not in ("root", "source")]
        if len(first["loc"]) > 1 and first["loc"][0] == "generic":
            known = [f.alias or name for name, f in GenericMapping.model_fields.items()]
        close = difflib.get_close_matches(str(first["loc"][-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{key}'{hint}"
    message = first["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"'{key}': {message}"


def _check_rule_references(config: Config, where: str) -> None:
    from .registry import registry

    rules = registry()
    for key, selectors in (("select", config.select or ()), ("extend-select", config.extend_select),
                           ("ignore", config.ignore)):
        for selector in selectors:
            if not rules.matches_any(selector):
                raise ConfigError(f"{where}: '{key}' names unknown rule {selector!r}{rules.hint(selector)}")
    for pattern, selectors in config.per_file_ignores.items():
        for selector in selectors:
            if not rules.matches_any(selector):
                raise ConfigError(f"{where}: 'per-file-ignores.{pattern}' names unknown rule "
                                  f"{selector!r}{rules.hint(selector)}")
    for name in config.severity:
        if rules.get(name) is None:
            raise ConfigError(f"{where}: 'severity.{name}' is not a rule{rules.hint(name)}")
    for name, options in config.rules.items():
        rule = rules.get(name)
        if rule is None:
            raise ConfigError(f"{where}: 'rules.{name}' is not a rule{rules.hint(name)}")
        for option, value in options.items():
            if option not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(f"{where}: 'rules.{name}.{option}' is not an option of "
                                  f"{rule.code} (options: {known})")
            kind, _default = rule.options[option]
            if type(value) is not kind:
                raise ConfigError(f"{where}: 'rules.{name}.{option}' must be {kind.__name__}, "
                                  f"not {type(value).__name__}")
            if kind is int and value < 1:
                raise ConfigError(f"{where}: 'rules.{name}.{option}' must be at least 1")


@dataclass(frozen=True)
class Overrides:
    """What the command line adds to or replaces in the config."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None


@dataclass(frozen=True)
class RuleSetting:
    code: str
    severity: str
    options: dict = field(hash=False)


@dataclass(frozen=True)
class Settings:
    """A config with the command line applied: the single object the engine reads."""

    config: Config = DEFAULT_CONFIG
    overrides: Overrides = Overrides()
    existing_time_zone: str | None = None  # `businessUnitTimeZone` of --existing, for WFM305

    @property
    def root(self) -> Path:
        return Path(self.config.root)

    def relative(self, path: str) -> str:
        """`path` relative to the config's directory, with `/`, for glob matching."""
        if path == "-" or not path:
            return path
        try:
            # abspath, not resolve: patterns match the path as given, and a symlink loop must
            # not raise here
            relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        except ValueError:
            relative = path
        return relative.replace(os.sep, "/")

    def excluded(self, relative: str) -> bool:
        return any(glob_match(p, relative) for p in (*self.config.exclude, *self.config.extend_exclude))

    def claimed_profile(self, path: str) -> str | None:
        if self.overrides.profile:
            return self.overrides.profile
        if self.config.profile != "auto":
            return self.config.profile
        relative = self.relative(path)
        for pattern, profile in self.config.profiles.items():
            if glob_match(pattern, relative):
                return profile
        return None

    def schema_for(self, path: str) -> str | None:
        relative = self.relative(path)
        for pattern, schema in self.config.schemas.items():
            if glob_match(pattern, relative):
                return str(self.root / schema)
        return None

    def rule_settings(self, path: str) -> dict[str, RuleSetting]:
        """The rules that run on `path`, with their severities and options."""
        from .registry import registry

        rules = registry()
        selected = self.overrides.select if self.overrides.select is not None else (
            self.config.select if self.config.select is not None else ("WFM",))
        extend = (*self.config.extend_select, *self.overrides.extend_select)
        ignore = [*self.config.ignore, *self.overrides.ignore]
        relative = self.relative(path)
        for pattern, selectors in self.config.per_file_ignores.items():
            if glob_match(pattern, relative):
                ignore.extend(selectors)
        explicit_severity = {rules.get(name).code: level for name, level in self.config.severity.items()}
        result = {}
        for rule in rules:
            choose = max((rules.specificity(s, rule) for s in (*selected, *extend)), default=0)
            drop = max((rules.specificity(s, rule) for s in ignore), default=0)
            if choose == 0 or drop >= choose:
                continue
            severity = explicit_severity.get(rule.code)
            if severity is None:
                severity = rule.severity
                if severity == "off":
                    named = any(rules.specificity(s, rule) == rules.FULL for s in (*selected, *extend))
                    severity = "warning" if named else "off"
            if severity == "off":
                continue
            options = {name: default for name, (_kind, default) in rule.options.items()}
            for key in (rule.code, rule.name):
                options.update(self.config.rules.get(key, {}))
            result[rule.code] = RuleSetting(rule.code, severity, options)
        return result
