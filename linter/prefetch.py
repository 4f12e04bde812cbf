"""A helper process for a large file that is not an update or import (`--jobs` above 1).

While the parent parses the text (0.07 s for 100 000 generic entries), a forked helper,
which has the same text and nothing else to do, prepares two things the parent needs later:

- once the parent knows the entries' shape and asks, the instants of their end column, read
  with a typed decode of that one field, while the parent reads the start column (0.035 s);
- the offsets of every `{` and `}` in the text, so the locating walk finds the items of an
  array of flat objects by index instead of counting braces across the text (`locate.py`;
  0.03 s on 100 000 entries).

Both are accelerations only. The parent checks what it receives (the column's length and its
values' type; a repeated key needs no check, as msgspec keeps the last value as the standard
parser does), waits for the column no longer than it would take to read it, and whenever the
helper is late, dies, sends garbage or is not needed, does the work itself. The helper never
writes anything but its pipe.
"""
from __future__ import annotations

import os
import re
from array import array
from typing import Any, Callable

from .forking import Helper, HelperFailed, can_fork

# Below this size the helper's fork and messages cost more than they save.
PREFETCH_MIN_CHARS = 4 * 1024 * 1024
_OPEN, _CLOSE = re.compile(r"\{"), re.compile(r"\}")
# How long the parent waits for a column beyond its own time for one: the helper's typed
# decode of the text (about 1 ms per MB measured, doubled) and a floor for the messages.
DECODE_SECONDS_PER_CHAR = 2e-9
PATIENCE_FLOOR = 0.002

Braces = tuple[array, array]  # offsets of every `{`, of every `}`


def wanted(text: str, jobs: int) -> bool:
    return jobs > 1 and len(text) >= PREFETCH_MIN_CHARS and can_fork()


class Prefetch:
    """The parent's handle on the helper: ask for a column once, then receive in order."""

    def __init__(self, text: str) -> None:
        request_read, self._request_write = os.pipe()
        try:
            self._helper = Helper(lambda send: _work(text, request_read, send),
                                  close_in_child=[self._request_write])
        except OSError:
            os.close(self._request_write)
            raise
        finally:
            os.close(request_read)  # (the helper's end; it keeps its own copy)
        self.braces: Braces | None = None
        self._asked = False
        self._failed = False
        self._column_unread = False  # the parent stopped waiting for the column
        self._decode_seconds = len(text) * DECODE_SECONDS_PER_CHAR

    def ask_column(self, tokens: list[str], name: str) -> None:
        """Ask for the instants of field `name` of each item of the array at `tokens`."""
        import pickle

        if self._asked or self._failed:
            return
        self._asked = True
        try:
            os.write(self._request_write, pickle.dumps((tokens, name)))
        except OSError:  # the helper is gone
            self._failed = True
        self._close_requests()

    def column(self, length: int, spent: float) -> list[int] | None:
        """The column asked for, if it has `length` instants and the helper made it in time:
        in about what the parent spent reading the other column (`spent` seconds), with the
        helper's decode of the text on top. (One it cannot read quickly takes it longest.)"""
        if not self._asked or self._failed:
            return None
        if not self._ready(spent + self._decode_seconds + PATIENCE_FLOOR):
            self._column_unread = True
            return None
        try:
            instants = self._helper.receive()
            if type(instants) is bytes:
                instants = array("q", instants).tolist()
        except (HelperFailed, ValueError):  # (bytes that are not a whole number of instants)
            self._failed = True
            return None
        if type(instants) is not list or len(instants) != length or not {int}.issuperset(map(type, instants)):
            return None
        return instants

    def receive_braces(self, patience: float = 0.05) -> Braces | None:
        """The offsets of every `{` and every `}`, if the helper has sent them (after the
        column) or does within `patience` seconds."""
        if self.braces is None and not self._failed:
            self._close_requests()  # (not asked: the helper goes on to the braces)
            try:
                if self._column_unread:  # a column given up waiting for comes first
                    if not self._ready(patience):
                        return None
                    self._helper.receive()
                    self._column_unread = False
                if not self._ready(patience):
                    return None
                opens, closes = self._helper.receive()
                self.braces = array("q", opens), array("q", closes)
            except (HelperFailed, TypeError, ValueError):
                self._failed = True
        return self.braces

    def _ready(self, patience: float) -> bool:
        """Whether the helper's next message has begun to arrive, waiting up to `patience`."""
        import select

        return bool(select.select([self._helper.fd], [], [], patience)[0])

    def stop(self) -> None:
        self._close_requests()
        self._helper.stop()

    def _close_requests(self) -> None:
        if self._request_write >= 0:
            os.close(self._request_write)
            self._request_write = -1


def _work(text: str, request_fd: int, send: Callable[[Any], None]) -> None:
    """The helper's life: the braces, found while the parent parses; then the column asked
    for (None if it cannot be read the quick way), unless the parent closes the request pipe
    without asking; then the braces. (Sent last: the pipe holds 64 kB, so they would wait
    there, and the helper with them, until the parent reads them.)"""
    braces = (array("q", map(re.Match.start, _OPEN.finditer(text))).tobytes(),
              array("q", map(re.Match.start, _CLOSE.finditer(text))).tobytes())
    import msgspec  # noqa: F401 - imported while the parent still parses, not once asked

    with open(request_fd, "rb") as requests:
        request = requests.read()
    if request:
        import pickle

        tokens, name = pickle.loads(request)
        instants = column_instants(text, tokens, name)
        try:  # 8 bytes an instant: a fifth of the time of pickling the list, both ends
            send(array("q", instants).tobytes() if instants is not None else None)
        except OverflowError:  # after the year 2262 (nanoseconds beyond 64 bits)
            send(instants)
    send(braces)


def column_instants(text: str, tokens: list[str], name: str) -> list[int] | None:
    """The instants of field `name` of each object in the array at `tokens` (object keys only),
    when every item is an object holding a canonical valid timestamp there; else None."""
    import msgspec

    from .timestamps import canonical_instants

    kind: Any = list[msgspec.defstruct("Item", [("value", str)], rename={"value": name}, gc=False)]
    for token in reversed(tokens):
        kind = msgspec.defstruct("Level", [("value", kind)], rename={"value": token}, gc=False)
    try:
        found = msgspec.json.decode(text, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    for _ in tokens:
        found = found.value
    return canonical_instants([item.value for item in found])
