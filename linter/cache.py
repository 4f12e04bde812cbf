"""What the run-wide rules need from each file of a project (its `FileFacts`), kept between
runs, so that a hook given one staged file can compare it with every committed payload at the
cost of reading them.

An entry is found by a hash of the file's bytes, its path relative to the project, the
config (the project's and the file's nearest), the time zone its local times are read in
(the business unit's reference data can set it), the wfmlint version and the size and time of
each of its installed files (a development build keeps its version): any change makes a new
key, so an entry is never stale. It
is stored as msgpack, decoded into the `FileFacts` type and nothing else (never a pickle: a
cache file is data, whoever wrote it). The directory is in the user's cache directory, not in
the repository, so a pull request cannot plant entries.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .atomic import write_atomically
from .files import UnreadableFile, read_regular_file
from .payload import FileFacts
from .version import __version__

FORMAT = 3  # 2: entries carry their kind; 3: updates their forecast's week
# A cache holds the facts of every payload of a project: about 70 bytes an entry, so a
# project of a few 100 MB payloads passes the bound on reference files. Past this one it is
# dropped (every file linted again) rather than read into memory.
CACHE_LIMIT = 1024 * 1024 * 1024


def default_directory(project_root: str) -> Path:
    base = os.environ.get("WFMLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "wfmlint")
    project = hashlib.sha256(os.path.abspath(project_root).encode("utf-8", "surrogateescape")).hexdigest()
    return Path(base) / f"v{FORMAT}" / project[:16]


def code_stamp(directories: list[str] | None = None) -> str:
    """A digest of the name, size and modification time of every file of the installed package
    (its code, rules and built-in profiles): another build of the same version reads a cache
    of its own, not facts that the earlier code found."""
    if directories is None:
        from importlib.util import find_spec

        directories = [os.path.dirname(__file__)]
        rules = find_spec("wfmlint.rules")  # (found, not imported: the rules are a layer above)
        directories += list(rules.submodule_search_locations or []) if rules else []
    stamps = []
    for number, directory in enumerate(directories):
        for root, folders, names in os.walk(directory):
            folders[:] = [name for name in folders if name != "__pycache__"]
            for name in names:
                path = os.path.join(root, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue
                stamps.append(f"{number}/{os.path.relpath(path, directory)}\0{status.st_size}\0{status.st_mtime_ns}")
    return hashlib.sha256("\0".join(sorted(stamps)).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _key(value):
    """A resource key as the reader made it: a tuple (of tuples), to group entries by."""
    return tuple(map(_key, value)) if type(value) is list else value


class FactsCache:
    """One file per project (`facts.msgpack`): a mapping from key to facts, read whole at the
    first lookup (one read and one C decode instead of a file per payload) and written back,
    atomically, with only the entries this run used: edited and deleted files leave nothing
    behind. Runs that overlap (pre-commit's batches) each write a complete cache."""

    def __init__(self, directory: Path, settings_key: str) -> None:
        self.file = directory / "facts.msgpack"
        self.settings_key = f"{__version__}\0{code_stamp()}\0{settings_key}".encode("utf-8", "surrogateescape")
        self.stored: dict[str, FileFacts] | None = None
        self.used: dict[str, FileFacts] = {}

    def key(self, relative_path: str, data: bytes, file_settings: str = "") -> str:
        """The key of a file's facts; `file_settings` tells what else they depend on (the
        file's own config, when it is not the project's, and the business unit's zone)."""
        digest = hashlib.sha256(self.settings_key)
        digest.update(f"{relative_path}\0{file_settings}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
        return digest.hexdigest()

    def _load(self) -> dict[str, FileFacts]:
        import msgspec

        try:
            return msgspec.msgpack.decode(read_regular_file(str(self.file), CACHE_LIMIT),
                                          type=dict[str, FileFacts])
        except (UnreadableFile, msgspec.DecodeError, ValueError, TypeError):
            return {}  # absent, or not ours: every file is linted again

    def get(self, key: str, path: str) -> FileFacts | None:
        """The facts stored under `key`, given the path they are read under now."""
        if self.stored is None:
            self.stored = self._load()
        facts = self.stored.get(key)
        if facts is None:
            return None
        self.used[key] = facts
        facts.path = path
        for entry in facts.entries:
            entry.path = path
            if type(entry.resource) is list:  # msgpack has no tuples: a grouped or numeric key
                entry.resource = _key(entry.resource)
        return facts

    def put(self, key: str, facts: FileFacts) -> None:
        self.used[key] = facts

    def save(self) -> None:
        import msgspec

        if self.stored is not None and self.stored.keys() == self.used.keys():
            return  # nothing new, nothing gone
        try:
            encoded = msgspec.msgpack.encode(self.used)
        except (OverflowError, UnicodeEncodeError):
            # an integer beyond 64 bits (a schedule id) or a lone surrogate (a file name that is
            # not UTF-8, a label): those files are left out, and linted again next time
            encoded = msgspec.msgpack.encode({key: facts for key, facts in self.used.items()
                                              if _encodable(facts)})
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(str(self.file), encoded)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _encodable(facts: FileFacts) -> bool:
    import msgspec

    try:
        msgspec.msgpack.encode(facts)
    except (OverflowError, UnicodeEncodeError):
        return False
    return True
