"""Glob patterns with `**`, matched against `/`-separated relative paths."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """`**` spans directories, `*` and `?` stay within one, `[...]` is a class.

    A pattern without a `/` matches the file name at any depth, as in .gitignore; a pattern
    that names a directory (`legacy/**`, `node_modules`) matches everything below it.
    """
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif char == "*":
            out.append("[^/]*")
            index += 1
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close == -1:
                out.append(re.escape(char))
                index += 1
            else:
                body = pattern[index + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                index = close + 1
        else:
            out.append(re.escape(char))
            index += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + "(?:/.*)?")


def glob_match(pattern: str, relative_path: str) -> bool:
    return compile_glob(pattern).fullmatch(relative_path) is not None


@lru_cache(maxsize=64)
def _compile_any(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{compile_glob(p).pattern})" for p in patterns))


def glob_match_any(patterns: tuple[str, ...], relative_path: str) -> bool:
    """Whether any of `patterns` matches: one regular expression for the lot, since discovery
    asks this of every file against every exclusion."""
    compiled = _compile_any(patterns)
    return compiled is not None and compiled.fullmatch(relative_path) is not None
