"""How deep a valid JSON text nests, read from its brackets at C speed (no parse, no
recursion: the same answer on every Python, whatever its decoder's own limits)."""
from __future__ import annotations

import re
from itertools import accumulate

# Values that fixes compare (is the repeat the same as the first?) are compared only when they
# nest at most this deep: deeper, the comparison's recursion would succeed on one Python and
# fail on another, and so would the fix.
COMPARED_LEVELS = 100

def comparable(value_text: str) -> bool:
    """Whether a value's valid JSON text nests at most `COMPARED_LEVELS` deep."""
    return nests_within(value_text.encode("utf-8", "surrogatepass"), COMPARED_LEVELS)


_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'[]{}"')
_CURLY_TO_SQUARE = bytes.maketrans(b"{}", b"[]")
_STRING = re.compile(rb'"[^"]*"')


def nests_within(encoded: bytes, limit: int) -> bool:
    """Whether the containers of a valid JSON text nest at most `limit` levels. The text is
    cut down, at C speed, to its brackets outside strings (escaped quotes and backslashes
    dropped first; then the quotes, in adjacent pairs, which never changes which brackets lie
    inside a string); then each round removes the innermost pairs, and past a few rounds the
    depth of what is left is counted in one pass."""
    if b"\\" in encoded:
        encoded = encoded.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = encoded.translate(None, _NOT_STRUCTURE)
    while b'""' in brackets:
        brackets = brackets.replace(b'""', b"")
    if b'"' in brackets:  # strings that hold brackets
        brackets = _STRING.sub(b"", brackets)
    brackets = brackets.translate(_CURLY_TO_SQUARE)
    for _ in range(min(limit, _ROUNDS)):
        if not brackets:
            return True
        brackets = brackets.replace(b"[]", b"")  # a level less: every innermost pair goes
    if not brackets:
        return True
    # deeper still: the rest's depth in one pass (C-speed too, but slower than a round)
    return limit > _ROUNDS and _ROUNDS + max(accumulate(map(_STEP.__getitem__, brackets))) <= limit


_ROUNDS = 8  # rounds of pair removal before the depth is counted in one pass
_STEP = [1 if byte == ord("[") else -1 for byte in range(256)]  # only [ and ] are left
