"""Writing a report, a baseline or the project cache so a reader never sees half a file."""
from __future__ import annotations

import errno
import os
import stat
import tempfile


def write_atomically(path: str, content: str | bytes, into_special: bool = False) -> None:
    """`content` (text is written as UTF-8) to a temporary file beside `path`, renamed into
    place; the temporary file is removed if anything fails. A `path` that is not a regular
    file (a FIFO, `/dev/stdout`, a device) is never replaced: with `into_special` (a report
    the user pointed there) it is written into, else it is an OSError."""
    if isinstance(content, str):
        # lone surrogates (undecodable file names) are written as escapes, never refused
        content = content.encode("utf-8", "backslashreplace")
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # absent (or a dangling link): a new file
        special = False
    if special:
        if not into_special:
            raise OSError(errno.EINVAL, "not a regular file")
        with open(path, "wb") as out:
            out.write(content)
        return
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".wfmlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
