"""Opening a file that a command line, a config or a directory walk names, without trusting
what it is: only regular files are read (a FIFO would block, `/dev/zero` would never end), and
never more than a limit."""
from __future__ import annotations

import errno
import os
import stat

# Config, baselines and schemas: far above any real one, far below what would exhaust memory.
AUXILIARY_LIMIT = 64 * 1024 * 1024


class UnreadableFile(Exception):
    """Why a file was not read."""


class MissingFile(UnreadableFile):
    pass


class NotRegular(UnreadableFile):
    """A FIFO, device or socket: never read (a FIFO would block, `/dev/zero` never end)."""


class TooLarge(UnreadableFile):
    """Over the limit: `size` bytes, or None for a compressed file that decompresses to more
    than the limit (its full size is never computed)."""

    def __init__(self, reason: str, size: int | None) -> None:
        super().__init__(reason)
        self.size = size


def read_regular_file(path: str, limit: int = AUXILIARY_LIMIT) -> bytes:
    try:
        # non-blocking, so that opening a FIFO to look at it does not wait for a writer
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise MissingFile("no such file or directory") from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket cannot even be opened
            raise NotRegular("not a regular file (FIFO, device or socket)") from None
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    info = os.fstat(descriptor)  # before fdopen, which refuses a directory with its own error
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a directory")
        raise NotRegular("not a regular file (FIFO, device or socket)")
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_size > limit:
            raise TooLarge(f"is {info.st_size} bytes, over the limit of {limit}", info.st_size)
        try:
            data = read_at_most(handle, limit, info.st_size)
        except OSError as error:
            raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:  # it grew while we read it
        raise TooLarge(f"is over the limit of {limit} bytes", len(data))
    return data


def read_at_most(handle, limit: int, expected: int = 0) -> bytes:
    """Up to `limit` + 1 bytes (one more tells a larger stream), read as the stream gives
    them: `read(limit + 1)` would allocate the whole limit at once (32 GiB: MemoryError)."""
    first = handle.read(min(limit, expected) + 1)
    if len(first) <= expected or len(first) > limit:
        return first
    chunks, total = [first], len(first)  # more than expected (a file that grew, /proc)
    while total <= limit:
        chunk = handle.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


_CHUNK = 1 << 20


def read_text_file(path: str, limit: int = AUXILIARY_LIMIT) -> str:
    data = read_regular_file(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 ({error.reason} at byte {error.start})") from None


class BadCompression(UnreadableFile):
    pass


def read_payload(path: str, limit: int) -> bytes:
    """A payload's bytes; a `.json.gz` file's decompressed (Genesys uploads are gzip), with
    `limit` applied to the decompressed size, so a gzip bomb stops at the limit."""
    return unpacked(read_regular_file(path, limit), path, limit)


def unpacked(data: bytes, path: str, limit: int) -> bytes:
    """A payload's bytes as read from a file or stdin named `path`: decompressed when it is
    named `.gz`."""
    return gunzip(data, limit) if path.endswith(".gz") else data


def gunzip(data: bytes, limit: int) -> bytes:
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = read_at_most(stream, limit, 4 * len(data))
    except (OSError, EOFError, zlib.error) as error:
        raise BadCompression(f"named .gz but not valid gzip data ({error})") from None
    if len(out) > limit:
        raise TooLarge(f"decompresses to over {limit} bytes", None)
    return out


def work_tree(directory: str, known: dict[str, str | None]) -> str | None:
    """The nearest directory at or above `directory` (absolute) with a `.git` (a repository's
    or a submodule's), or None; remembered in `known` for every directory on the way."""
    passed = []
    while directory not in known:
        passed.append(directory)
        parent = os.path.dirname(directory)
        if os.path.exists(os.path.join(directory, ".git")):
            known[directory] = directory
        elif parent == directory:
            known[directory] = None
        else:
            directory = parent
    for each in passed:
        known[each] = known[directory]
    return known[directory]
