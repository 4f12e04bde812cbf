"""A run over many files: discovery, parallel per-file analysis, the run-wide rules (files
against each other, against `--existing`, against permission manifests), and the result."""
from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from . import profiles as P
from .config import Config, Settings
from .engine import (FileResult, RuleCrash, RunResult, analyse_path, analyse_stdin, as_settings,
                     forget_last, release_text)
from .locating import locate_run
from .findings import Finding, keep_first
from .files import work_tree
from .globs import glob_match_any
from .payload import FileFacts
from .registry import registry
from .timestamps import zone_named


class RunError(Exception):
    """A problem that stops the run before anything is linted (exit 2)."""


class RuleCrashed(Exception):
    """A rule (or the engine) raised on some file: the Python API's way of saying so. It
    carries what could be found all the same: `findings` from the other rules, `crashes` with
    each crash's rule code, file and traceback."""

    def __init__(self, findings: list[Finding], crashes: list[RuleCrash]) -> None:
        names = ", ".join(sorted({f"{c.code} on {c.path}" for c in crashes}))
        super().__init__(f"wfmlint crashed: {names}; the other rules' findings are in .findings")
        self.findings, self.crashes = findings, crashes


class FilesUnread(Exception):
    """Some paths could not be linted, or their findings placed (the command line's errors,
    exit 2): the Python API's way of saying so, with the findings of the rest (`findings`)
    and a message for each (`errors`)."""

    def __init__(self, findings: list[Finding], errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.findings, self.errors = findings, errors


@dataclass
class RunContext:
    """What run-wide rules see: every file's facts in run order, and the current schedule."""

    files: list[FileFacts]
    existing: FileFacts | None
    settings: Settings
    manifests: list[FileFacts] = field(default_factory=list)
    committed: int = 0  # the first files: the project's others, read for context (`project.py`)
    cache: dict = field(default_factory=dict)

    def payloads(self, *profiles: str) -> list[FileFacts]:
        return [f for f in self.files if f.profile in profiles]


def discover(paths: Iterable[str], settings: Settings) -> tuple[list[str], list[str]]:
    """Files to lint, in a stable order, and one-line errors for unusable paths."""
    found, errors = _discover(paths, settings)
    return [path for path, _ in found], errors


def _discover(paths: Iterable[str], settings: Settings) -> tuple[list[tuple[str, str]], list[str]]:
    """(path, identity) of each file to lint, each file once, and the errors."""
    found: list[tuple[str, str]] = []
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            found.append(("-", "-"))
            continue
        path = raw.replace(os.sep, "/")
        if os.path.isdir(path):
            found.extend(_walk(path, settings, errors))
        elif os.path.lexists(path) or os.path.exists(path):
            own = settings.for_path(path)  # its nearest config's exclusions
            if own.force_exclude and own.excluded(own.relative(path)):
                continue  # as ruff's: the hook names files, config says which to leave out
            found.append((path, _identity(path)))
        else:
            errors.append(f"{raw}: no such file or directory")
    return _once_each(found), errors


def _identity(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _walk(path: str, settings: Settings, errors: list[str]) -> list[tuple[str, str]]:
    """The files under a directory that `include` takes and `exclude` leaves, sorted.

    Links are not followed: a pull request could add `env.json -> /proc/self/environ`. (A
    link named on the command line is read, since the user named it.)"""
    def unreadable(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot read directory: {error.strerror or error}")

    walked = []
    for directory, subdirs, names in os.walk(path, onerror=unreadable, followlinks=False):
        own = settings.for_path(os.path.join(directory, "-"))  # the directory's nearest config
        subdirs[:] = [name for name in sorted(subdirs)
                      if not own.excluded(own.relative(os.path.join(directory, name)))]
        real = None  # the directory's real path, resolved once for all its files
        for name in names:
            full = os.path.join(directory, name).replace(os.sep, "/")
            if full.startswith("./") and not path.startswith("./") and name != "-":
                full = full[2:]  # but a file named `-` stays `./-`, not stdin
            relative = own.relative(full)
            if not glob_match_any(own.config.include, relative) or own.excluded(relative) \
                    or os.path.islink(full):
                continue
            real = real or os.path.realpath(directory)
            walked.append((full, os.path.normcase(os.path.join(real, name))))
    if settings.config.respect_gitignore and walked and not _named_ignored(path):
        ignored = _git_ignored([full for full, _ in walked])
        walked = [item for item in walked if item[0] not in ignored]
    walked.sort()
    return walked


def _named_ignored(directory: str) -> bool:
    """Whether the directory a walk starts from is itself ignored by git: then the user named
    it on purpose (`wfmlint build/payloads`), and what is in it is linted."""
    absolute = os.path.abspath(directory)
    parent = os.path.dirname(absolute)
    return parent != absolute and bool(_git_ignored([absolute]))


def _git_ignored(files: list[str]) -> set[str]:
    """The files git ignores (`.gitignore`, `.git/info/exclude`, the global excludes; a
    tracked file is never ignored), asked of git itself, one call per work tree the files lie
    in (a linked directory's target's): a submodule or a repository cloned inside another is
    a work tree of its own (git refuses a call that names a path in a submodule, and applies
    no outer rule inside a nested repository), ignored whole when it lies in a directory the
    work tree around it ignores (a clone in `vendor/`). Outside a work tree, or without git,
    none."""
    trees: dict[str, dict[str, str]] = {}
    known: dict[str, str | None] = {}
    real: dict[str, str] = {}
    for full in files:
        directory = os.path.dirname(os.path.abspath(full))
        if directory not in real:
            real[directory] = os.path.realpath(directory)
        root = work_tree(real[directory], known)
        if root is not None:
            path = os.path.join(real[directory], os.path.basename(full))
            trees.setdefault(root, {})[os.path.relpath(path, root)] = full
    hidden = _nested_trees_ignored(list(trees), known)
    return set().union(*(set(by_name.values()) if root in hidden else _ignored_in(root, by_name)
                         for root, by_name in trees.items()))


def _nested_trees_ignored(roots: list[str], known: dict[str, str | None]) -> set[str]:
    """The repositories cloned into a directory that the work tree around them ignores, asked
    once per such work tree (a submodule, whose `.git` is a file, is tracked: never ignored)."""
    by_outer: dict[str, dict[str, str]] = {}
    for root in roots:
        parent = os.path.dirname(root)
        outer = work_tree(parent, known) if parent != root else None
        if outer is not None and os.path.isdir(os.path.join(root, ".git")):
            by_outer.setdefault(outer, {})[os.path.relpath(root, outer)] = root
    return set().union(*(_ignored_in(outer, names) for outer, names in by_outer.items()))


def _ignored_in(root: str, by_name: dict[str, str]) -> set[str]:
    """Which of one work tree's files (by their names relative to it) git ignores."""
    import subprocess

    try:
        answer = subprocess.run(["git", "-C", root, "check-ignore", "--stdin", "-z"],
                                input="\0".join(by_name).encode("utf-8", "surrogateescape"),
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    if answer.returncode not in (0, 1):
        return set()  # not a work tree after all
    return {by_name[name] for name in answer.stdout.decode("utf-8", "surrogateescape").split("\0")
            if name in by_name}


def _once_each(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each file once, as first named (`a.json ./a.json`, or a file inside a directory also
    named): a file linted twice would be reported as a copy of itself."""
    seen: set[str] = set()
    kept = []
    for path, identity in found:
        if identity not in seen:
            seen.add(identity)
            kept.append((path, identity))
    return kept


def load_auxiliary(path: str, settings: Settings, role: str, profiles: tuple[str, ...]) -> FileResult:
    """Read `--existing` or config `permissions`; RunError if it cannot serve."""
    # detected by its own shape: neither config `profiles` nor --profile claim it
    result = analyse_path(path, Settings(replace(settings.config, profiles={}, profile="auto")))
    if result.error is not None:
        raise RunError(f"{role} {result.error}")
    if result.facts is None or result.facts.profile not in profiles:
        reason = "it is not valid JSON" if any(i.code == "WFM001" for i in result.issues) else \
            "it matches none of: " + ", ".join(profiles)
        raise RunError(f"{role} {path}: unusable: {reason}")
    return result


# Memory that a run's file texts may take from each file's pass until its findings are placed:
# beyond it, texts are let go and read again to place findings (`engine.source_text`), so a
# run over gigabytes of schedules holds their facts, not their texts.
TEXT_BUDGET = 256 * 1024 * 1024


def _run_rules(context: RunContext, results: list[FileResult], settings: Settings) -> tuple[list, list]:
    issues, crashes = [], []
    enabled_anywhere: dict[str, dict] = {}
    for result in results:
        if result.facts is not None:
            for code, setting in settings.rule_settings(result.path).items():
                enabled_anywhere.setdefault(code, setting.options)
    for rule in registry():
        if rule.scope != "run" or rule.code not in enabled_anywhere:
            continue
        try:
            keep_first(rule.check(context, enabled_anywhere[rule.code]), issues)
        except Exception:
            crashes.append(RuleCrash(rule.code, "(run)", traceback.format_exc(limit=-3)))
    return issues, crashes


def _analyse_all(files: list[str], settings: Settings, jobs: int, stdin: Callable[[], bytes] | None,
                 stdin_filename: str | None, progress: Callable | None) -> list[FileResult]:
    """Every file's pass, each with the settings of its closest config; the files of one
    config in a process pool when they are worth it. Texts are held up to `TEXT_BUDGET`, and
    the last file's always (it would be read again at once)."""
    held = 0

    def one(path: str, last: bool) -> FileResult:
        nonlocal held
        if path == "-":
            data = stdin() if stdin else b""
            name = stdin_filename or "-"
            return analyse_stdin(data, name, settings.for_path(name))
        result = analyse_path(path, settings.for_path(path), stamp=not last)
        size = sys.getsizeof(result.text)
        if held + size > TEXT_BUDGET:
            release_text(result)
        else:
            held += size
        return result

    by_settings: dict[int, tuple[Settings, list[str]]] = {}
    for path in files:
        if path != "-":
            own = settings.for_path(path)
            if id(own) not in by_settings:
                own.load_references()  # a subproject's: read here, once, not in each worker
            by_settings.setdefault(id(own), (own, []))[1].append(path)
    done: dict[str, FileResult] = {}
    if jobs > 1:
        from .parallel import analyse_in_parallel

        for own, paths in by_settings.values():
            if len(paths) > 1:
                parallel = analyse_in_parallel(paths, own, jobs, progress)
                if parallel is not None:
                    done.update(zip(paths, parallel))
    out = []
    last = next((path for path in reversed(files) if path != "-"), None)
    for path in files:
        result = done.get(path) if path != "-" else None
        if result is None:
            result = one(path, path == last)
            if progress:
                progress(1)
        out.append(result)
    return out


def lint_run(paths: Iterable[str], settings: Settings, *, existing: str | None = None,
             jobs: int = 1, stdin: Callable[[], bytes] | None = None,
             stdin_filename: str | None = None, progress_factory: Callable | None = None,
             project: bool = False) -> RunResult:
    """Lint files and directories: every file's pass, then the run-wide rules, then the
    findings located. With `project`, the run-wide rules also see every other payload of the
    project (`project.py`). RunError when `--existing` or config `permissions` cannot serve."""
    settings, existing_result, manifest_result = _auxiliaries(settings, existing)
    files, errors = discover(paths, settings)
    named = settings.for_path(stdin_filename) if stdin_filename else settings
    if stdin_filename and named.force_exclude and named.excluded(named.relative(stdin_filename)):
        files = [path for path in files if path != "-"]  # as a file of that name would be
    progress = progress_factory(len(files)) if progress_factory and files else None
    try:
        results = _analyse_all(files, settings, jobs, stdin, stdin_filename,
                               progress.update if progress else None)
    finally:
        if progress:
            progress.finish()
    errors += [r.error for r in results if r.error]
    facts = [r.facts for r in results if r.facts is not None]
    manifests = [f for f in facts if f.manifest is not None]
    if manifest_result is not None and not any(_same_file(manifest_result.path, f.path) for f in manifests):
        manifests.append(manifest_result.facts)
    extra = [r for r in (existing_result, manifest_result) if r is not None]
    named = [stdin_filename if path == "-" else path for path in files if path != "-" or stdin_filename]
    around = _project_facts(named + [r.path for r in extra], settings) if project else []
    # a committed manifest judges the named payloads too (what it lacks for committed ones
    # alone is filtered out below)
    manifests += [f for f in around if f.manifest is not None]
    # committed files first: a rule that reports "the later file" reports the named one
    context = RunContext(around + facts, existing_result and existing_result.facts, settings, manifests,
                         committed=len(around))
    run_issues, crashes = _run_rules(context, results, settings)
    if around:
        from .project import about_named, sources_of

        # and the current schedule's own notes (config's manifest is no named file: what it
        # lacks for committed payloads alone is not the named files' business)
        named = {r.path for r in results + ([existing_result] if existing_result else [])}
        run_issues = [i for i in run_issues if about_named(i, named)]
        extra += sources_of(run_issues, named, settings)
    if any(result.released for result in results):
        forget_last()  # the texts read again to place findings come on top of what is held
    map_files = map
    if jobs > 1:
        from .parallel import placing_map

        map_files = placing_map(jobs)
    findings = locate_run(results, run_issues, settings, extra, errors, map_files)
    crashes += [c for r in results for c in r.crashes]
    return RunResult(findings, results, errors, crashes, settings=settings,
                     existing=existing_result and existing_result.facts)


def _project_facts(named: list[str], settings: Settings) -> list[FileFacts]:
    """The facts of the project's other payloads, when the run names files (`named`: the
    named ones, stdin under its `--stdin-filename`, and the auxiliaries, which are not
    payloads of the project)."""
    from .project import context_facts, project_root_for_walk

    root = project_root_for_walk(settings)
    if not named or root is None:
        return []
    others, _ = _discover([root], settings)
    taken = {_identity(f) for f in named}
    return context_facts([path for path, identity in others if identity not in taken], settings)


def _auxiliaries(settings: Settings, existing: str | None
                 ) -> tuple[Settings, FileResult | None, FileResult | None]:
    """The run's settings (with the current schedule's time zone), the current schedule
    (`--existing` or config `existing`) and config `permissions`, each read once."""
    config = settings.config
    settings, existing_result = with_existing(settings, existing)
    manifest_result = None
    if config.permissions:
        manifest_result = load_auxiliary(_as_walked(str(Path(config.root) / config.permissions)), settings,
                                         "config 'permissions'", (P.PERMISSIONS,))
    settings.load_references()  # a reference file that cannot serve stops the run first
    return settings, existing_result, manifest_result


def with_existing(settings: Settings, existing: str | None = None) -> tuple[Settings, FileResult | None]:
    """The current schedule (`existing`, else config `existing`), read, and the settings that
    carry its time zone (the per-file rules read local times and business-unit dates in it)
    and version; RunError when it cannot serve. The language server reads it too, so that a
    document gets the findings the command line gives it."""
    config = settings.config
    role = "--existing" if existing else "config 'existing'"
    existing = existing or (_as_walked(str(Path(config.root) / config.existing)) if config.existing else None)
    if not existing:
        return settings, None
    result = load_auxiliary(existing, settings, role, (P.EXPORT, P.GENERIC))
    zone = result.facts.time_zone
    if zone and zone_named(zone) is None:  # as an unknown config `timezone` is: not UTC in silence
        raise RunError(f"{role} {existing}: unusable: its businessUnitTimeZone {zone!r} is not an IANA "
                       "time zone known here (a misspelling, or a time zone database older than it)")
    return replace(settings, existing_time_zone=zone or None, existing_version=result.facts.root_version), result


def _as_walked(path: str) -> str:
    """A file that config names, as a walk of the working directory names it (relative, when
    it is inside): its findings read like the others', and a walk that finds it too finds
    the same file (`_same_file`)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def _same_file(one: str, other: str) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)


def lint_paths(paths: Iterable[str], config: Settings | Config | None = None, **options: Any) -> list[Finding]:
    """Python API: lint files and directories; return the findings, sorted. Raises
    `RuleCrashed` when a rule crashed (with the other rules' findings), `FilesUnread` when a
    path could not be linted or its findings placed."""
    run = lint_run(list(paths), as_settings(config), **options)
    if run.crashes:
        raise RuleCrashed(run.findings, run.crashes)
    if run.errors:
        raise FilesUnread(run.findings, run.errors)
    return run.findings


def lint_text(text: str, path: str = "<stdin>", config: Settings | Config | None = None,
              existing: FileFacts | None = None, *, fast: bool | None = None) -> list[Finding]:
    """Python API and the core of every front end: lint one document given as text (no I/O).
    `fast` forces the typed reader on or off (the findings are the same either way). Raises
    `RuleCrashed` when a rule crashed (with the other rules' findings)."""
    from .engine import analyse_text

    settings = as_settings(config)
    result, _payload = analyse_text(text, path, settings, fast=fast)
    run_issues: list = []
    crashes = list(result.crashes)
    if result.facts is not None:
        context = RunContext([result.facts], existing, settings,
                             [result.facts] if result.facts.manifest else [])
        run_issues, run_crashes = _run_rules(context, [result], settings)
        crashes += run_crashes
    findings = locate_run([result], run_issues, settings)
    if crashes:
        raise RuleCrashed(findings, crashes)
    return findings
