"""What the run-wide rules need from each file of a project (its `FileFacts`), kept between
runs, so that a hook given one staged file can compare it with every committed payload at the
cost of reading them.

An entry is found by a hash of the file's bytes, its path relative to the project, the
config and the wfmlint version: any change makes a new key, so an entry is never stale. It
is stored as msgpack, decoded into the `FileFacts` type and nothing else (never a pickle: a
cache file is data, whoever wrote it). The directory is in the user's cache directory, not in
the repository, so a pull request cannot plant entries.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .files import UnreadableFile, read_regular_file
from .payload import FileFacts
from .version import __version__

FORMAT = 1


def default_directory(project_root: str) -> Path:
    base = os.environ.get("WFMLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "wfmlint")
    project = hashlib.sha256(os.path.abspath(project_root).encode("utf-8", "surrogateescape")).hexdigest()
    return Path(base) / f"v{FORMAT}" / project[:16]


class FactsCache:
    def __init__(self, directory: Path, settings_key: str) -> None:
        self.directory = directory
        self.settings_key = f"{__version__}\0{settings_key}".encode("utf-8", "surrogateescape")
        self.used: set[str] = set()

    def key(self, relative_path: str, data: bytes) -> str:
        digest = hashlib.sha256(self.settings_key)
        digest.update(relative_path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str, path: str) -> FileFacts | None:
        """The facts stored under `key`, given the path they are read under now."""
        import msgspec

        self.used.add(key)
        try:
            facts = msgspec.msgpack.decode(read_regular_file(str(self.directory / key)), type=FileFacts)
        except (UnreadableFile, msgspec.DecodeError, ValueError, TypeError):
            return None  # absent, or not ours: lint the file again
        facts.path = path
        for entry in facts.entries:
            entry.path = path
        return facts

    def put(self, key: str, facts: FileFacts) -> None:
        import msgspec
        import tempfile

        self.used.add(key)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(msgspec.msgpack.encode(facts))
            os.replace(temporary, self.directory / key)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self, keep_at_least: int) -> None:
        """Drop the entries this run did not use once they outnumber the used ones (edited and
        deleted files leave entries behind)."""
        try:
            names = [n for n in os.listdir(self.directory) if not n.startswith(".")]
        except OSError:
            return
        if len(names) <= 2 * max(keep_at_least, len(self.used)):
            return
        for name in names:
            if name not in self.used:
                try:
                    os.unlink(self.directory / name)
                except OSError:
                    pass
