"""The project around the files a run names.

pre-commit passes only the staged files (in batches, above a few thousand), yet a new file can
race or overlap a committed one (WFM405, WFM301 and WFM304 across files). So when a run names
files, the run-wide rules also see the facts of every other payload of the project (what a
walk of the config's root finds), read from the cache (`cache.py`) or linted now; findings
are reported for the named files only, and for a committed file only when they name a named
file too. Every batch thus sees the same project.
"""
from __future__ import annotations

import os

from .cache import FactsCache, default_directory
from .config import Settings
from .engine import FileResult, analyse_bytes, analyse_released
from .files import UnreadableFile, read_payload, work_tree
from .findings import Issue
from .payload import FileFacts

NO_PROFILE = ""  # cached for a file of no profile, so that it is not linted again


def context_facts(paths: list[str], settings: Settings) -> list[FileFacts]:
    """The facts of `paths` (the project's other files), in their order."""
    cache = FactsCache(default_directory(str(settings.root)), repr(settings.config))
    configs: dict[int, str] = {}  # each closest config's text, by the Settings that holds it
    found = []
    for path in paths:
        own = settings.for_path(path)  # its nearest config, as a run naming it would read it
        try:
            data = read_payload(path, own.config.max_file_size)
        except UnreadableFile:
            continue  # the named files' own errors are what a run reports
        if id(own) not in configs:  # (the command line's --profile too: it decides what is read)
            configs[id(own)] = f"{own.config!r}\0{own.overrides.profile}"
        key = cache.key(settings.relative(path), data, f"{configs[id(own)]}\0{own.time_zone_for(path)}")
        facts = cache.get(key, path)
        if facts is None:
            result = analyse_bytes(data, path, own)
            facts = result.facts or FileFacts(path, NO_PROFILE)
            cache.put(key, facts)
        if facts.profile != NO_PROFILE:
            found.append(facts)
    cache.save()
    return found


def about_named(issue: Issue, named: set[str]) -> bool:
    """Whether a run-wide issue concerns a named file (it is in one, or names one)."""
    return issue.path in named or any(r.path in named for r in issue.related)


def sources_of(issues: list[Issue], named: set[str], settings: Settings) -> list[FileResult]:
    """The committed files the kept issues point into, read again for their positions."""
    paths = {issue.path for issue in issues} | {r.path for issue in issues for r in issue.related}
    return [analyse_released(path, settings) for path in sorted(p for p in paths - named if p)]


def project_root_for_walk(settings: Settings) -> str | None:
    """The project's root: the config's directory, or else the git work tree around the
    working directory; None outside both (a file named in a home directory must not make
    wfmlint walk the home directory). Named relative to the working directory when it is
    inside it, so that committed files are reported as `b.json`, not `/abs/b.json`."""
    if settings.config.source:
        root = os.path.abspath(str(settings.root))
    else:
        root = work_tree(os.getcwd(), {})
        if root is None:
            return None
    relative = os.path.relpath(root)
    return relative if not relative.startswith("..") else root
