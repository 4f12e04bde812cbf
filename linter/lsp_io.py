"""The language server's input: JSON-RPC frames read with bounds, and found again after a bad
one.

pygls's own loop trusts `Content-Length`: a huge one allocates that much (the server died of
MemoryError), and a wrong one shifts every later frame, so the session is lost for good. Here
a frame is `Content-Length: n` (other headers ignored), a blank line and n bytes of JSON. The
buffer never holds more than one frame's limit plus a chunk; a frame whose length is over the
limit, or whose body is not JSON, is dropped, and reading resumes at the next
`Content-Length:` after the bad header, wherever it stands (a JSON body has no line breaks,
so the next header may follow a short body on the same line).
"""
from __future__ import annotations

import json
import re
from typing import Callable

HEADER_NAME = b"Content-Length:"
HEADER_LIMIT = 8192  # bytes of headers before the blank line; real clients send under 100
_LENGTH = re.compile(rb"Content-Length:[ \t]*(\d{1,15})[ \t]*\r?\n", re.IGNORECASE)
READ_CHUNK = 1 << 16


class Frames:
    """Bodies of well-formed frames from `read` (a function returning the next bytes, b""
    at the end). `reject()` after a body that did not parse resynchronises."""

    def __init__(self, read: Callable[[int], bytes], body_limit: int,
                 report: Callable[[str], None]) -> None:
        self.read, self.body_limit, self.report = read, body_limit, report
        self.buffer = bytearray()
        self.ended = False
        self._last = b""  # the last body returned, for `reject`

    def _fill(self) -> bool:
        if self.ended:
            return False
        chunk = self.read(READ_CHUNK)
        if not chunk:
            self.ended = True
            return False
        self.buffer += chunk
        return True

    def next_body(self) -> bytes | None:
        """The next frame's body, or None at the end of input."""
        while True:
            start = self.buffer.find(HEADER_NAME)
            if start == -1:
                # keep a tail that could be the start of a header split across reads
                del self.buffer[:max(0, len(self.buffer) - len(HEADER_NAME))]
                if not self._fill():
                    return None
                continue
            end = self.buffer.find(b"\r\n\r\n", start)
            if end == -1 or end - start > HEADER_LIMIT:
                if end == -1 and len(self.buffer) - start <= HEADER_LIMIT:
                    if not self._fill():
                        return None
                    continue
                self.report("a frame header without its end; skipped")
                del self.buffer[:start + 1]
                continue
            match = _LENGTH.match(self.buffer, start, end + 2)
            length = int(match.group(1)) if match else -1
            if not 0 < length <= self.body_limit:
                self.report(f"a frame of Content-Length {length if match else 'missing'} "
                            f"(the limit is {self.body_limit}); skipped")
                del self.buffer[:start + 1]
                continue
            body_start = end + 4
            while len(self.buffer) < body_start + length:
                if not self._fill():
                    return None
            body = self._last = bytes(self.buffer[body_start:body_start + length])
            del self.buffer[:body_start + length]
            return body

    def reject(self) -> None:
        """The last body was not JSON: its length was wrong. Look for the next header right
        after the bad one, inside what was taken as its body."""
        self.buffer[:0] = self._last
        self.report("a frame whose body is not JSON (a wrong Content-Length?); skipped")


def parse_body(body: bytes) -> dict | None:
    """The message of a body, or None when it is not a JSON object."""
    try:
        message = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return message if isinstance(message, dict) else None
