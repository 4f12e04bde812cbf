"""Issues to findings: every pointer of a run located in one pass per file, the findings
filtered by each file's rule settings, given their severities and fingerprints, sorted."""
from __future__ import annotations

import os
from collections import defaultdict
from itertools import compress
from operator import attrgetter
from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from . import profiles as P
from .config import RuleSetting, Settings
from .edits import fix_pointers, resolve
from .engine import FileResult, SourceChanged, source_text
from .files import work_tree
from .findings import Finding, Fix, Issue, RelatedLocation, TextFix, split_pointer
from .locate import LineIndex, locate_pointers
from .payload import FileFacts
from .registry import registry


def _resource_prefixes(facts: FileFacts | None, wanted: set[str]) -> dict[str, str]:
    """The pointer prefixes among `wanted` that are agents or entries, to the resource they
    belong to (a large file has far more entries than findings: only those asked for are
    looked up)."""
    if facts is None or not wanted:
        return {}
    prefixes = {agent.pointer: agent.user_id for agent in facts.agents
                if agent.user_id and agent.pointer in wanted}
    if facts.profile == P.GENERIC:
        entries = facts.entries
        asked = compress(entries, map(wanted.__contains__, map(attrgetter("pointer"), entries)))
        # in order: of entries sharing an item (one per resource), the last one names it
        prefixes.update((entry.pointer, entry.label) for entry in asked if entry.resource is not None)
    return prefixes


def _ancestors(pointer: str) -> Iterator[str]:
    """A pointer's prefixes, from the first token to the pointer itself."""
    prefix = ""
    for token in split_pointer(pointer):
        prefix = f"{prefix}/{token}"
        yield prefix


def _stable_about(issue: Issue, prefixes: dict[str, str]) -> tuple[str, str]:
    """(resource, subject) for the fingerprint of an issue that does not give both: array
    indices above the resource become its id."""
    tokens = split_pointer(issue.pointer)
    for depth, pointer in enumerate(_ancestors(issue.pointer)):
        resource = prefixes.get(pointer)
        if resource is not None:
            rest = "/".join(tokens[depth + 1 :])
            return issue.resource or resource, issue.about or f"{resource}/{rest}"
    return issue.resource or "", issue.about or issue.pointer


class _Source:
    """One file's text, to place what is asked of it: held, or read again once when first
    needed (`engine.source_text`); `problem` says why it could not be."""

    def __init__(self, result: FileResult) -> None:
        self.result = result
        self.spans: dict = {}
        self.problem: str | None = None
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            try:
                self._text = source_text(self.result)
            except SourceChanged as changed:
                self.problem, self._text = str(changed), ""
        return self._text

    def locate(self, pointers: set[str]) -> None:
        result = self.result
        if not pointers or not self.text:
            return
        try:
            self.spans = locate_pointers(self.text, pointers, result.huge_integers, result.max_depth,
                                         result.unique_keys, result.known_ends, result.flat_arrays)
        except (ValueError, IndexError, RecursionError):
            self.spans = {}

    def extent(self, pointer: str, offset: int | None, end_offset: int | None, at_key: bool) -> tuple[int, int]:
        """Start and end offsets of what an issue points at (its key, with `at_key`)."""
        if offset is not None:
            if end_offset is not None:
                return offset, max(end_offset, offset)
            return offset, max(min(offset + 1, len(self.text)) or offset, offset)
        span = self.spans.get(pointer)
        if span is None:
            return 0, 0
        start, end = (span[0], span[1]) if at_key and span[0] >= 0 else (span[2], span[3])
        return start, max(end, start)

    def resolve(self, fix: Fix) -> TextFix | None:
        """The fix located in the text (None when it cannot be)."""
        return resolve(fix, self.text, self.spans) if self.text else None


def locate_run(results: list[FileResult], run_issues: list[Issue], settings: Settings,
               extra: Iterable[FileResult] = (), errors: list[str] | None = None,
               map_files: Callable = map) -> list[Finding]:
    """Every issue of a run as sorted findings: one locating pass per file. A file whose
    text was let go and has changed since cannot place its findings (they stay, at its
    start): an error says so, in `errors`."""
    by_path = {r.path: r for r in results}
    for other in extra:
        by_path.setdefault(other.path, other)
    issues = [i if i.path else replace(i, path=r.path) for r in results for i in r.issues]
    problems: dict[str, str] = {}
    findings = build_findings(issues + run_issues, by_path,
                              {r.path: settings.rule_settings(r.path) for r in results}, settings,
                              {r.path: r.facts for r in results}, map_files, problems)
    findings.sort()
    for path, why in problems.items():
        by_path[path].unplaced = True
        if errors is not None:
            errors.append(f"{path}: {why}, so its findings are not placed; lint it again")
    return findings


def build_findings(issues: list[Issue], sources: dict[str, FileResult], rule_settings: dict[str, dict],
                   settings: Settings, facts: dict[str, FileFacts | None],
                   map_files: Callable = map, problems: dict[str, str] | None = None) -> list[Finding]:
    """Locate, filter by each file's rule settings and fingerprint a list of issues; why a
    file's text could not be read again goes to `problems`."""
    kept = _enabled(issues, rule_settings, settings)
    places = _place(kept, sources, map_files)
    if problems is not None:
        problems.update(places.problems)
    explicit: dict[str, set[str]] = {}  # per file: its closest config's `[severity]` codes
    fingerprints = _Fingerprints(facts, ((path, issue) for path, issue, _ in kept))
    names = _RuleNames()
    project_paths: dict[str, str] = {}  # once per file: a large report has thousands of findings
    repositories: dict[str, str | None] = {}
    findings: list[Finding] = []
    for (path, issue, setting), (start, end, related_starts, fix) in zip(kept, places.issues):
        file_positions = places.positions[path]
        line, column = file_positions[start]
        end_line, end_column = file_positions[end]
        if end_line == line and end_column == column:
            end_column += 1
        related = tuple([RelatedLocation(other.path or path, *places.positions[other.path or path][other_start],
                                         other.pointer, other.message)
                         for other, other_start in zip(issue.related, related_starts)]) if issue.related else ()
        if issue.severity and path not in explicit:
            explicit[path] = _explicit_codes(settings.for_path(path))
        severity = issue.severity if issue.severity and issue.code not in explicit[path] else setting.severity
        project_path = project_paths.get(path)
        if project_path is None:
            project_path = project_paths[path] = _fingerprint_path(settings, path, repositories)
        # (positional: 10 000 findings are built in a large report)
        findings.append(Finding(path, line, column, issue.code, end_line, end_column, names[issue.code],
                                severity, issue.message, issue.pointer, related,
                                fingerprints.key(path, project_path, issue), fix, issue.count))
    return findings


def _fingerprint_path(settings: Settings, path: str, repositories: dict[str, str | None]) -> str:
    """How a fingerprint names a file: relative to the root of the git repository holding it,
    wherever the run starts and whichever config applies (a subproject's own included), so a
    baseline matches from any directory and sibling subprojects' files stay apart; outside a
    repository, relative to the run's config directory (or where the run starts)."""
    if path == "-" or not path:
        return path
    full = os.path.abspath(path)
    root = work_tree(os.path.dirname(full), repositories)
    if root is None:
        return settings.relative(path)
    return os.path.relpath(full, root).replace(os.sep, "/")


# Findings that no selection turns off for a claimed file: without them it would pass unread.
UNSILENCED = ("WFM001", "WFM002")


def _enabled(issues: list[Issue], rule_settings: dict[str, dict],
             settings: Settings) -> list[tuple[str, Issue, Any]]:
    """(path, issue, its rule's setting) for the issues whose rule is on for their file."""
    kept = []
    for issue in issues:
        path = issue.path
        if path not in rule_settings:
            rule_settings[path] = settings.rule_settings(path)
        setting = rule_settings[path].get(issue.code)
        if setting is None and issue.code in UNSILENCED and settings.claimed_profile(path):
            # a file claimed as a payload that cannot be read must not pass as clean
            setting = RuleSetting(issue.code, "error", {})
        if setting is not None:
            kept.append((path, issue, setting))
    return kept


class _Places:
    """Where a run's issues are: for each issue, its start and end offsets, its related places'
    starts and its fix located; and each file's (line, column) of those offsets."""

    def __init__(self, count: int) -> None:
        self.issues: list = [None] * count  # (start, end, related starts, fix) by issue
        self.positions: dict[str, dict[int, tuple[int, int]]] = {}
        self.problems: dict[str, str] = {}  # why a text could not be read again, by path


class Ask(NamedTuple):
    """Where in one file an issue, or one of its related places, points (`place_in_file`)."""

    pointer: str
    offset: int | None
    end_offset: int | None
    at_key: bool
    fix: Fix | None


def _place(kept: list[tuple[str, Issue, Any]], sources: dict[str, FileResult], map_files: Callable = map) -> _Places:
    """Every issue placed, a file at a time (`place_in_file`, which `map_files` may run in
    other processes): a file's text is read (or held) once and needed no more."""
    asked: dict[str, list[tuple[int, int]]] = defaultdict(list)  # (issue, related place or -1)
    asks: dict[str, list[Ask]] = defaultdict(list)
    for number, (path, issue, _) in enumerate(kept):
        asked[path].append((number, -1))
        asks[path].append(Ask(issue.pointer, issue.offset, issue.end_offset, issue.at_key, issue.fix))
        for place, other in enumerate(issue.related):
            at, until = other.offset if other.offset is not None else (None, None)
            asked[other.path or path].append((number, place))
            asks[other.path or path].append(Ask(other.pointer, at, until, other.at_key, None))
    places = _Places(len(kept))
    starts: list[list] = [[0] * len(issue.related) for _, issue, _ in kept]
    files = [sources.get(path) or FileResult(path) for path in asked]
    for (path, wanted), (placed, positions, why) in zip(asked.items(), map_files(place_in_file, files,
                                                                                  asks.values())):
        for (number, place), (start, end, fix) in zip(wanted, placed):
            if place < 0:
                places.issues[number] = (start, end, starts[number], fix)
            else:
                starts[number][place] = start
        places.positions[path] = positions
        if why:
            places.problems[path] = why
    return places


def place_in_file(result: FileResult, asks: list[Ask]) -> tuple[list, dict[int, tuple[int, int]], str | None]:
    """What is asked of one file, located in one pass over its text: (each ask's start, end and
    fix, the (line, column) of those offsets, why its text could not be read again if not)."""
    source = _Source(result)
    pointers: set[str] = set()
    for ask in asks:
        if ask.offset is None:
            pointers.add(ask.pointer)
        if ask.fix is not None:
            pointers |= fix_pointers(ask.fix)
    source.locate(pointers)
    placed, offsets = [], []
    for ask in asks:
        start, end = source.extent(ask.pointer, ask.offset, ask.end_offset, ask.at_key)
        offsets += (start, end)
        placed.append((start, end, source.resolve(ask.fix) if ask.fix is not None else None))
    return placed, LineIndex(source.text).positions(offsets), source.problem


class _Fingerprints:
    """The baseline key of each finding: code, path, resource, what it is about, and a
    counter that tells identical keys apart (SPEC §9)."""

    def __init__(self, facts: dict[str, FileFacts | None], issues: Iterable[tuple[str, Issue]]) -> None:
        wanted: dict[str, set[str]] = defaultdict(set)
        for path, issue in issues:
            if issue.about is None or issue.resource is None:
                wanted[path].update(_ancestors(issue.pointer))
        self.prefixes = {path: _resource_prefixes(facts.get(path), pointers)
                         for path, pointers in wanted.items()}
        self.counters: dict[tuple, int] = {}

    def key(self, path: str, project_path: str, issue: Issue) -> tuple:
        """The key of an issue in `path`, which it names as `project_path` (relative to the
        project root: the same however the path was typed, `./p.json` or absolute)."""
        if issue.about is not None and issue.resource is not None:
            resource, about = issue.resource, issue.about
        else:
            resource, about = _stable_about(issue, self.prefixes[path])
        key = (issue.code, project_path, resource, about)
        counter = self.counters.get(key, 0)
        self.counters[key] = counter + 1
        return (*key, counter)


class _RuleNames(dict):
    """Rule names by code, looked up once per code."""

    def __missing__(self, code: str) -> str:
        rule = registry().get(code)
        self[code] = name = rule.name if rule else code
        return name


def _explicit_codes(settings: Settings) -> set[str]:
    rules = registry()
    return {rules.get(name).code for name in settings.config.severity}
