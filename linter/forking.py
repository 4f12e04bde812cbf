"""Forked helper processes that send pickled messages back over a pipe.

Used to split one large file between processes (`split.py`). Forking copies only the calling
thread, so it is used only where that is safe: Linux, in a process that runs no other thread.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterable

_LENGTH_BYTES = 8


def can_fork() -> bool:
    """Forking copies only the calling thread: safe on Linux in a single-threaded process."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")  # not imported: no thread was started from Python
    return threading is None or threading.active_count() == 1


class HelperFailed(Exception):
    """The helper died, or sent something that is not a whole message."""


class ForkedChild:
    """A forked child process and the read end of the pipe it reports through. The child
    runs `life(write_fd)` and exits with `os._exit`, 0 if `life` returned and 1 if it raised
    anything: it never returns into the caller's code and never flushes the parent's buffered
    output. The parent redoes the work of a child that failed."""

    def __init__(self, life: Callable[[int], None], close_in_child: Iterable[int] = ()) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: the caller does the work itself
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            code = 1
            try:
                for fd in [read_end, *close_in_child]:
                    os.close(fd)
                life(write_end)
                code = 0
            except BaseException:  # noqa: BLE001 - the parent does the work itself instead
                pass
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid, self.fd = pid, read_end

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def stop(self) -> None:
        """Close the pipe and reap the child, killing it if it still runs (its work is no
        longer wanted, it failed, or the parent is on its way out after an error): no child
        outlives the run."""
        self.close()
        if self.pid:
            import signal

            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0


class Helper(ForkedChild):
    """A forked child that runs `work(send)` and exits; `receive()` returns, in order, what it
    passed to `send`."""

    def __init__(self, work: Callable[[Callable[[Any], None]], None], close_in_child: Iterable[int] = ()) -> None:
        def life(fd: int) -> None:
            with open(fd, "wb") as out:
                work(lambda message: _send(out, message))

        super().__init__(life, close_in_child)

    def receive(self) -> Any:
        """The next message (blocking); HelperFailed when there is none."""
        if self.fd < 0:
            raise HelperFailed("already stopped")
        header = self._read(_LENGTH_BYTES)
        body = self._read(int.from_bytes(header, "little"))
        import pickle

        try:
            return pickle.loads(body)
        except Exception as error:  # a garbled message: treated as a dead helper
            raise HelperFailed(str(error)) from error

    def _read(self, size: int) -> bytes:
        parts, missing = [], size
        while missing:
            chunk = os.read(self.fd, min(missing, 1 << 24))
            if not chunk:
                self.stop()
                raise HelperFailed("the helper ended early")
            parts.append(chunk)
            missing -= len(chunk)
        return b"".join(parts)


def _send(out, message: Any) -> None:
    import pickle

    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(body).to_bytes(_LENGTH_BYTES, "little"))
    out.write(body)
    out.flush()
