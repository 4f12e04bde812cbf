"""JSON reports as people read them: indented by two spaces, ASCII only (a lone surrogate in
a message stays a valid `\\udXXX` escape instead of breaking UTF-8 output)."""
from __future__ import annotations

import json
from typing import Any

# Items past which the C formatter pays for importing it: the standard library indents in
# Python, about 40 us per finding, 0.4 s for the 10 000 findings a capped rule may report.
_MANY = 500


def indented(value: Any, items: int = 0) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=True)` writes it, and the same
    bytes; `items` says how many objects it holds, when that is known to be many."""
    if items >= _MANY:
        compact = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
        import msgspec

        try:
            return msgspec.json.format(compact, indent=2) + "\n"
        except msgspec.DecodeError:  # it refuses a lone surrogate's escape
            pass
    return json.dumps(value, indent=2, ensure_ascii=True) + "\n"
