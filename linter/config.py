"""`[tool.wfmlint]` configuration: discovery, validation into a frozen object, and the
per-file view of it (which rules run, at which severity, with which options)."""
from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from .files import MissingFile, UnreadableFile, read_text_file
from .globs import GlobError, glob_match, glob_match_any, validate_glob
from .timestamps import zone_named

DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", "node_modules", "__pycache__",
                   "build", "dist")
Severity = Literal["error", "warning", "info", "off"]


class ConfigError(Exception):
    """A configuration the tool cannot use; the CLI prints it and exits 2."""


@dataclass(frozen=True)
class GenericMapping:
    __pydantic_config__ = {"extra": "forbid"}

    entries: str
    resource: str
    start: str
    end: str | None = None
    length_minutes: str | None = None
    id: str | None = None
    required: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ReferenceFiles:
    """Exports of the business unit's reference data (`references.py`), paths relative to
    the config; `agents` is one management unit's users or a list of them."""

    __pydantic_config__ = {"extra": "forbid"}

    business_unit: str | None = None
    schedule: str | None = None
    activity_codes: str | None = None
    agents: tuple[str, ...] | None = None  # a single path is read as a list of one


@dataclass(frozen=True)
class GenesysConfig(ReferenceFiles):
    """`[tool.wfmlint.genesys]`: the reference files, and per glob (a repository holding
    several business units) reference files that replace them key by key."""

    per_file: dict[str, ReferenceFiles] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Config:
    """The validated `[tool.wfmlint]` table (keys in kebab-case there). A plain frozen
    dataclass: pydantic validates it, but is imported only when there is a table to read."""

    __pydantic_config__ = {"extra": "forbid"}

    profile: str = "auto"  # or a profile's name, built in or in `vendor_profiles` (checked after)
    include: tuple[str, ...] = ("**/*.json", "**/*.json.gz")
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # exclusions apply to files named explicitly too (the hook)
    respect_gitignore: bool = True  # walks leave out what git ignores
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    existing: str | None = None
    permissions: str | None = None
    timezone: str | None = None
    required_permissions: tuple[str, ...] = ()
    max_file_size: int = 536_870_912
    max_depth: int = 512
    profiles: dict[str, str] = field(default_factory=dict, hash=False)  # glob -> a profile's name
    vendor_profiles: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    schemas: dict[str, str] = field(default_factory=dict, hash=False)
    severity: dict[str, Severity] = field(default_factory=dict, hash=False)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    generic: GenericMapping | None = None
    genesys: GenesysConfig = GenesysConfig()
    root: str = "."  # the config file's directory: paths in the config are relative to it
    source: str = ""


DEFAULT_CONFIG = Config()
_KEYS = [f.name.replace("_", "-") for f in fields(Config) if f.name not in ("root", "source")]
_GENERIC_KEYS = [f.name.replace("_", "-") for f in fields(GenericMapping)]
_GENESYS_KEYS = [f.name.replace("_", "-") for f in fields(GenesysConfig)]
REFERENCE_KEYS = tuple(f.name for f in fields(ReferenceFiles))


def _is_file(path: Path) -> bool:
    """Whether a config file is there: a regular file. Something else by that name (a FIFO,
    a directory, a link to `/dev/zero` or in a loop) is refused, never taken for no config;
    a directory that cannot be searched (no `x`) holds none that wfmlint could read, nor
    could the files beside it be read."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return False
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        raise ConfigError(f"{path}: not a regular file; a config must be one")
    return True


def find_config(start: Path) -> Path | None:
    """Nearest `wfmlint.toml`, or `pyproject.toml` with `[tool.wfmlint]`, walking up."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "wfmlint.toml"
        if _is_file(candidate):
            return candidate
        candidate = directory / "pyproject.toml"
        if _is_file(candidate):
            try:
                data = candidate.read_bytes()
            except OSError:
                continue
            if b"wfmlint" not in data and b"\\" not in data:
                continue  # no table of ours (short of an escaped key): skip the TOML parser
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:  # TOML is UTF-8: it may hold our table, unreadable
                raise ConfigError(f"{candidate}: not UTF-8, and it may hold [tool.wfmlint]") from None
            import tomllib

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as error:
                # it may hold our table: never lint as if it had none
                raise ConfigError(f"{candidate}: invalid TOML, and it may hold [tool.wfmlint]: "
                                  f"{error}") from None
            if isinstance(data.get("tool"), dict) and "wfmlint" in data["tool"]:
                return candidate
    return None


EXTEND_DEPTH = 10  # configs that extend configs that extend ...
# The deepest `max-depth`: every supported Python's C decoder (Python 3.12's has a limit of its
# own, about 1 500 levels) and the recursion of the steps after it reach this far, so a file
# gets the same verdict on every Python.
MAX_DEPTH_LIMIT = 1000


def load_config(path: Path) -> Config:
    """Read and validate a config file; ConfigError names the file and the key."""
    table, table_name = _read_table(path, ())
    return config_from_table(table, path, table_name)


def _read_table(path: Path, extending: tuple[Path, ...]) -> tuple[dict, str]:
    """A config file's table, merged over the table it `extend`s (its keys win, key by key);
    the base's paths made absolute, since they are relative to the base's directory."""
    import tomllib  # only when there is a config: it is a sixth of the start-up's imports

    try:
        data = tomllib.loads(read_text_file(str(path)))
    except MissingFile:
        raise ConfigError(f"{path}: config file not found") from None
    except UnreadableFile as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    table_name = "[tool.wfmlint]"
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("wfmlint", {}) if isinstance(data.get("tool"), dict) else {}
    else:
        table_name, table = "", data.get("tool", {}).get("wfmlint", data) \
            if isinstance(data.get("tool"), dict) else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.wfmlint' must be a table ([tool.wfmlint])")
    if "extend" not in table:
        return table, table_name
    table = dict(table)
    base = table.pop("extend")
    if not isinstance(base, str) or not base:
        raise ConfigError(f"{_where(path, table_name)}: 'extend' must be the path of another config file")
    base_path = (path.parent / base).resolve()
    if base_path in extending or base_path == path.resolve() or len(extending) >= EXTEND_DEPTH:
        raise ConfigError(f"{_where(path, table_name)}: 'extend' makes a cycle or a chain over "
                          f"{EXTEND_DEPTH} files ({base_path})")
    inherited, _ = _read_table(base_path, (*extending, path.resolve()))
    return {**_absolute_paths(inherited, base_path.parent), **table}, table_name


def _absolute_paths(table: dict, directory: Path) -> dict:
    """Path values of a config table, relative to `directory`, made absolute."""
    table = dict(table)
    for key in ("existing", "permissions"):
        if isinstance(table.get(key), str):
            table[key] = str(directory / table[key])
    if isinstance(table.get("genesys"), dict):
        genesys = table["genesys"] = _absolute_references(table["genesys"], directory)
        if isinstance(genesys.get("per-file"), dict):
            genesys["per-file"] = {glob: _absolute_references(files, directory)
                                   for glob, files in genesys["per-file"].items()}
    if isinstance(table.get("schemas"), dict):
        table["schemas"] = {pattern: str(directory / schema) if isinstance(schema, str) else schema
                            for pattern, schema in table["schemas"].items()}
    return table


def _absolute_references(table: Any, directory: Path) -> Any:
    if not isinstance(table, dict):
        return table
    table = dict(table)
    for key in (name.replace("_", "-") for name in REFERENCE_KEYS):
        value = table.get(key)
        if isinstance(value, str):
            table[key] = str(directory / value)
        elif isinstance(value, list):
            table[key] = [str(directory / v) if isinstance(v, str) else v for v in value]
    return table


def _snake(table: Any, nested_tables: tuple[str, ...] = ("generic", "genesys")) -> Any:
    """Kebab-case keys to field names; an underscore spelling stays as typed, so it is unknown.
    Keys of the nested tables too; not the globs that key `genesys.per-file`."""
    if not isinstance(table, dict):
        return table
    out = {}
    for key, value in table.items():
        name = key.replace("-", "_") if "_" not in key else key + "\0"
        if name == "per_file" and isinstance(value, dict) and "genesys" not in nested_tables:
            value = {glob: _snake(files, ()) for glob, files in value.items()}
        elif name in nested_tables:
            value = _snake(value, ())
        out[name] = value
    return out


def _where(path: Path | None, table_name: str) -> str:
    """Where a config error is: the file, and the table when the file holds others too."""
    return ": ".join(str(part) for part in (path, table_name) if part)


def config_from_table(table: dict, path: Path | None, table_name: str = "[tool.wfmlint]") -> Config:
    where = _where(path, table_name)
    root = {"root": str(path.parent if path else Path.cwd()), "source": str(path or "")}
    if not table:
        return replace(DEFAULT_CONFIG, **root)
    from pydantic import TypeAdapter, ValidationError

    snake = _agents_as_lists(_snake(table))
    _check_exact_types(snake, where)
    try:
        config = TypeAdapter(Config).validate_python({**snake, **root})
    except ValidationError as error:
        raise ConfigError(f"{where}: {_describe(error)}") from None
    _check_values(config, where)
    _check_rule_references(config, where)
    return config


# The keys pydantic's lax mode would read from another TOML type (`max-depth = "3"` or `2.0` as
# 3 or 2, `force-exclude = "yes"` or `1` as true): a config states a number or a boolean as one.
_EXACT_TYPES = {"force_exclude": bool, "respect_gitignore": bool, "max_file_size": int, "max_depth": int}


def _check_exact_types(table: dict, where: str) -> None:
    for name, kind in _EXACT_TYPES.items():
        if name in table and type(table[name]) is not kind:
            wanted = _PLAIN["bool_type"] if kind is bool else _PLAIN["int_type"]
            raise ConfigError(f"{where}: '{name.replace('_', '-')}': {wanted}, not {_toml_type(table[name])}")


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array",
             dict: "a table"}
    return names.get(type(value), "a date or time")


def _named_files(files: ReferenceFiles, root: Path | None = None) -> dict[str, Any]:
    """The reference files a table names (keys as `load_references` takes them)."""
    named: dict[str, Any] = {}
    for key in REFERENCE_KEYS:
        value = getattr(files, key)
        if value is None:
            continue
        if root is not None:
            value = tuple(str(root / v) for v in value) if key == "agents" else str(root / value)
        named[key] = value
    return named


def _agents_as_lists(table: dict) -> dict:
    """`agents = "one.json"` is a list of one (one management unit)."""
    genesys = table.get("genesys")
    if not isinstance(genesys, dict):
        return table
    tables = [genesys, *(genesys.get("per_file") or {}).values()] \
        if isinstance(genesys.get("per_file"), dict) else [genesys]
    for files in tables:
        if isinstance(files, dict) and isinstance(files.get("agents"), str):
            files["agents"] = [files["agents"]]
    return table


def _check_values(config: Config, where: str) -> None:
    if config.max_file_size < 1:
        raise ConfigError(f"{where}: 'max-file-size' must be at least 1")
    if not 1 <= config.max_depth <= MAX_DEPTH_LIMIT:
        raise ConfigError(f"{where}: 'max-depth' must be from 1 to {MAX_DEPTH_LIMIT}")
    if config.timezone is not None and zone_named(config.timezone) is None:
        raise ConfigError(f"{where}: 'timezone': unknown time zone {config.timezone!r} (use an "
                          "IANA name such as 'Europe/Berlin')")
    _check_globs(config, where)
    _check_profiles(config, where)
    mapping = config.generic
    if mapping is not None:
        if not mapping.entries.startswith("/"):
            raise ConfigError(f"{where}: 'generic.entries' must be a JSON pointer pattern starting "
                              "with '/', e.g. \"/shifts/*\"")
        if (mapping.end is None) == (mapping.length_minutes is None):
            raise ConfigError(f"{where}: 'generic': give exactly one of 'end' and 'length-minutes'")


def _check_profiles(config: Config, where: str) -> None:
    """Vendor profiles defined in config are valid, and `[profiles]` claims known profiles."""
    from . import profiles as P

    builtin = P.vendor_profiles()
    for name, body in config.vendor_profiles.items():
        if name in builtin or name in P.NAMED:
            raise ConfigError(f"{where}: 'vendor-profiles.{name}': the name of a built-in profile; "
                              "choose another")
        try:
            P.vendor_profile(name, body)
        except P.ProfileDefinitionError as error:
            raise ConfigError(f"{where}: 'vendor-profiles.{name}': {str(error).split(': ', 1)[1]}") from None
    unknown_profile(config.profile, config, f"{where}: 'profile'", "auto")
    for pattern, name in config.profiles.items():
        unknown_profile(name, config, f"{where}: 'profiles.{pattern}'")


def unknown_profile(name: str, config: Config, where: str, *also: str) -> None:
    """ConfigError unless `name` is a Genesys profile, generic, a vendor profile built in or
    defined in `config`, or one of `also`."""
    from . import profiles as P

    known = [*also, *P.NAMED, *P.vendor_profiles(), *config.vendor_profiles]
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (profiles: {', '.join(known)})"
        raise ConfigError(f"{where}: unknown profile {name!r}{hint}")


def _check_globs(config: Config, where: str) -> None:
    for key, patterns in (("include", config.include), ("exclude", config.exclude),
                          ("extend-exclude", config.extend_exclude),
                          ("per-file-ignores", config.per_file_ignores),
                          ("profiles", config.profiles), ("schemas", config.schemas),
                          ("genesys.per-file", config.genesys.per_file)):
        for pattern in patterns:
            try:
                validate_glob(pattern)
            except GlobError as error:
                raise ConfigError(f"{where}: '{key}': glob {pattern!r}: {error}") from None


def _describe(error) -> str:
    first = error.errors()[0]
    raw = [str(part) for part in first["loc"]]  # a key typed with "_" ends in "\0" (`_snake`)
    loc = [part.rstrip("\0") for part in raw]
    # field names back to the kebab-case keys users write; table keys (globs, codes) stay as typed
    nested = loc[:1] in (["generic"], ["genesys"])  # tables whose keys are field names too
    per_file = loc[:2] == ["genesys", "per_file"]  # ... keyed by globs, each a table
    shown = [part.replace("_", "-") if (index == 0 or nested and index == 1 or per_file and index == 3)
             and not raw[index].endswith("\0") else part for index, part in enumerate(loc)]
    key = ".".join(shown) or "(table)"
    if first["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
        known = _KEYS
        if per_file and len(loc) == 4:
            known = [name.replace("_", "-") for name in REFERENCE_KEYS]
        elif nested and len(loc) == 2:
            known = _GENERIC_KEYS if loc[0] == "generic" else _GENESYS_KEYS
        close = difflib.get_close_matches(shown[-1], known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{key}'{hint}"
    message = _PLAIN.get(first["type"]) or first["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"'{key}': {message.replace('Input should be', 'must be')}"


# pydantic's wording ("a valid tuple") in the words of a TOML file
_PLAIN = {
    "tuple_type": "must be a list", "list_type": "must be a list",
    "dict_type": "must be a table", "string_type": "must be a string",
    "int_type": "must be an integer", "int_parsing": "must be an integer",
    "int_from_float": "must be an integer", "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
}


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
    force_exclude: bool = False
    references: ReferenceFiles = ReferenceFiles()  # --business-unit, --schedule, ... (absolute)


def project_settings(directory: str | Path = ".") -> "Settings":
    """The settings of the command line run in `directory` without options: the closest
    config at or above it and, below it, the closest config to each file. ConfigError when
    a config cannot be read. (For the Python API: `lint_paths(paths, project_settings())`.)"""
    found = find_config(Path(directory).resolve())
    return Settings(load_config(found) if found else config_from_table({}, None), hierarchical=True)


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
    existing_version: int | None = None  # the schedule version of --existing, for WFM401's fix
    # The closest config to each file applies (as ruff's): set when no --config was given.
    hierarchical: bool = field(default=False, compare=False)

    def for_path(self, path: str) -> Settings:
        """The settings of `path`: those of the closest config above it when that is not this
        one (a subproject's own wfmlint.toml), else these. ConfigError if that config is bad."""
        if not self.hierarchical or path == "-":
            return self
        by_name = self.__dict__.setdefault("_nearest_by_name", {})  # per Settings: it is frozen
        name = os.path.dirname(path)  # (asked per file: most share a directory)
        if not os.path.isabs(name):
            name = (os.getcwd(), name)  # (an API caller may change directory between runs)
        named = by_name.get(name)
        if named is not None:
            return named
        directory = os.path.dirname(os.path.abspath(path))
        cache = self.__dict__.setdefault("_nearest", {})
        if directory not in cache:
            found = find_config(Path(directory))
            if found is None or str(found) == self.config.source or \
                    (self.config.source and os.path.samefile(found, self.config.source)):
                cache[directory] = self
            else:
                cache[directory] = Settings(load_config(found), self.overrides, self.existing_time_zone,
                                            self.existing_version)
        by_name[name] = cache[directory]
        return cache[directory]

    @property
    def root(self) -> Path:
        return Path(self.config.root)

    @property
    def force_exclude(self) -> bool:
        return self.overrides.force_exclude or self.config.force_exclude

    def relative(self, path: str) -> str:
        """`path` relative to the config's directory, with `/`, for glob matching."""
        if path == "-" or not path:
            return path
        root = self.__dict__.get("_absolute_root")
        if root is None:  # cached per Settings (it is frozen): this runs for every file
            root = self.__dict__["_absolute_root"] = os.path.abspath(self.root)
        # abspath, not resolve: patterns match the path as given, and a symlink loop must not
        # raise here
        full = os.path.abspath(path)
        if full.startswith(root + os.sep) and root != os.sep:
            relative = full[len(root) + 1:]
        else:
            try:
                relative = os.path.relpath(full, root)
            except ValueError:
                relative = path
        return relative.replace(os.sep, "/")

    def excluded(self, relative: str) -> bool:
        return glob_match_any((*self.config.exclude, *self.config.extend_exclude), relative)

    def claim_source(self, path: str) -> str:
        """Where the claim of `claimed_profile` comes from, in the words of `--verbose`."""
        nearest = self.for_path(path)
        if nearest is not self:
            return nearest.claim_source(path)
        if self.overrides.profile:
            return "--profile"
        return "claimed by config 'profile'" if self.config.profile != "auto" else "claimed in [profiles]"

    def claimed_profile(self, path: str) -> str | None:
        nearest = self.for_path(path)
        if nearest is not self:
            return nearest.claimed_profile(path)
        if self.overrides.profile:
            return self.overrides.profile
        if self.config.profile != "auto":
            return self.config.profile
        if not self.config.profiles:
            return None
        relative = self.relative(path)
        for pattern, profile in self.config.profiles.items():
            if glob_match(pattern, relative):
                return profile
        return None

    def references_for(self, path: str):
        """The business unit's reference data that applies to `path` (`references.References`,
        false when there is none): the command line's files, then the first `genesys.per-file`
        glob that matches, then `[genesys]`, key by key. ConfigError when a file cannot serve."""
        nearest = self.for_path(path)
        if nearest is not self:
            return nearest.references_for(path)
        if not self.config.genesys.per_file and "_references_everywhere" in self.__dict__:
            return self.__dict__["_references_everywhere"]  # (the same for every file: asked per file)
        files = dict(self._reference_tables()[0][1])
        if self.config.genesys.per_file:
            relative = self.relative(path)
            for pattern, table in self._reference_tables()[1:]:
                if glob_match(pattern, relative):
                    files.update(table)
                    break
        files.update(_named_files(self.overrides.references))
        references = self._load_references(files)
        if not self.config.genesys.per_file:
            self.__dict__["_references_everywhere"] = references
        return references

    def time_zone_for(self, path: str) -> str | None:
        """The business unit's zone, for dates without a time (`businessUnitDate`, a week's
        first day): the business-unit reference file's, else config `timezone`, else the
        `businessUnitTimeZone` of --existing; None means UTC."""
        unit = self.references_for(path).business_unit
        if unit is not None:
            return unit.time_zone
        return self.for_path(path).config.timezone or self.existing_time_zone

    def load_references(self) -> None:
        """Read every reference file the config and command line name, once: ConfigError for
        the first that cannot serve (before anything is linted, not in the middle)."""
        base = {**self._reference_tables()[0][1], **_named_files(self.overrides.references)}
        self._load_references(base)
        for _pattern, table in self._reference_tables()[1:]:
            self._load_references({**base, **table, **_named_files(self.overrides.references)})

    def _reference_tables(self) -> list[tuple[str, dict]]:
        """("", the `[genesys]` files), then (glob, its files) per `genesys.per-file` table;
        the paths made absolute from the config's directory."""
        tables = self.__dict__.get("_reference_table_list")
        if tables is None:
            genesys = self.config.genesys
            tables = [("", _named_files(genesys, self.root))]
            tables += [(pattern, _named_files(table, self.root))
                       for pattern, table in genesys.per_file.items()]
            self.__dict__["_reference_table_list"] = tables
        return tables

    def _load_references(self, files: dict):
        from .references import ReferenceFileError, load_references

        key = tuple(sorted(files.items()))
        cache = self.__dict__.setdefault("_references", {})
        if key not in cache:
            try:
                cache[key] = load_references(**files, shown=self._shown_path)
            except ReferenceFileError as error:
                raise ConfigError(str(error)) from None
        return cache[key]

    def _shown_path(self, path: str) -> str:
        """A reference file as messages show it: relative to the config's directory when it is
        inside it (so a message reads the same from any working directory, the editor's
        included), else to the working directory when inside it, else absolute."""
        relative = self.relative(path)
        if not relative.startswith("../"):
            return relative
        relative = os.path.relpath(path)
        return path if relative.startswith("..") else relative.replace(os.sep, "/")

    def schema_for(self, path: str) -> str | None:
        nearest = self.for_path(path)
        if nearest is not self:
            return nearest.schema_for(path)
        if not self.config.schemas:
            return None
        relative = self.relative(path)
        for pattern, schema in self.config.schemas.items():
            if glob_match(pattern, relative):
                return str(self.root / schema)
        return None

    def rule_settings(self, path: str) -> dict[str, RuleSetting]:
        """The rules that run on `path`, with their severities and options (do not mutate)."""
        nearest = self.for_path(path)
        if nearest is not self:
            return nearest.rule_settings(path)
        matched: tuple[str, ...] = ()
        if self.config.per_file_ignores:
            relative = self.relative(path)
            matched = tuple(p for p in self.config.per_file_ignores if glob_match(p, relative))
        cache = self.__dict__.setdefault("_rule_settings_cache", {})  # per Settings: it is frozen
        if matched not in cache:
            cache[matched] = self._rule_settings(matched)
        return cache[matched]

    def _rule_settings(self, matched_ignores: tuple[str, ...]) -> dict[str, RuleSetting]:
        from .registry import registry

        rules = registry()
        selected = self.overrides.select if self.overrides.select is not None else (
            self.config.select if self.config.select is not None else ("WFM",))
        extend = (*self.config.extend_select, *self.overrides.extend_select)
        ignore = [*self.config.ignore, *self.overrides.ignore]
        for pattern in matched_ignores:
            ignore.extend(self.config.per_file_ignores[pattern])
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
