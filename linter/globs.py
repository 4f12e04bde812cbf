"""Glob patterns with `**`, matched against `/`-separated relative paths.

Patterns come from config, which a pull request may change: matching must stay linear in the
pattern and the path whatever they are (a pattern of a hundred `**/` once took minutes as one
backtracking regular expression). So a path is matched a segment at a time against a set of
pattern positions (a small NFA): each `**` segment may absorb any number of path segments,
every other segment must match exactly one, with `*`, `?` and `[...]` inside it.
"""
from __future__ import annotations

import re
from functools import lru_cache

ANY_DEPTH = "**"


class GlobError(ValueError):
    pass


def _segment_regex(segment: str) -> re.Pattern[str]:
    """One path segment's glob: `*` and `?` never cross a `/` (there is none in a segment);
    `[!...]` negates a class. Each `*` is a lazy group that cannot backtrack across the next
    literal twice, so `*a*a*a*b` stays linear."""
    out, index = [], 0
    while index < len(segment):
        char = segment[index]
        if char == "*":
            while index < len(segment) and segment[index] == "*":
                index += 1  # `a**b` inside a segment is `a*b`, as in .gitignore
            out.append("*")
            continue
        if char == "?":
            out.append("[^/]")
        elif char == "[":
            start = index + 1
            start += segment[start:start + 1] in ("!", "^")
            start += segment[start:start + 1] == "]"  # `[]a]`: a `]` first is a member
            close = segment.find("]", start)
            if close == -1:
                raise GlobError(f"unclosed character class in {segment!r}")
            body = segment[index + 1 : close].replace("\\", "\\\\")
            out.append(f"[^{body[1:]}]" if body.startswith("!") else f"[{body}]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    try:
        return re.compile(_without_backtracking(out), re.DOTALL)
    except re.error as error:
        raise GlobError(f"invalid glob segment {segment!r}: {error}") from None


def _without_backtracking(parts: list[str]) -> str:
    """`*` pieces joined so that each one stops at the first place where the rest of the
    text up to the next `*` matches: an atomic group, so the engine never retries it."""
    pieces, literal = [], []
    for part in parts + ["*"]:
        if part != "*":
            literal.append(part)
            continue
        pieces.append("".join(literal))
        literal = []
    # pieces[0] is anchored at the start; the last piece anchored at the end
    if len(pieces) == 1:
        return pieces[0] + r"\Z"
    regex = pieces[0]
    for middle in pieces[1:-1]:
        regex += f"(?>.*?{middle})"
    return regex + f".*{pieces[-1]}\\Z"


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> tuple:
    """The pattern's segments: `ANY_DEPTH` or a compiled segment regex.

    A pattern without a `/` matches the file name at any depth, as in .gitignore; a pattern
    that names a directory (`legacy/**`, `node_modules`) matches everything below it.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise GlobError("an empty glob matches nothing")
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    segments = [s for s in pattern.strip("/").split("/") if s]
    if not anchored:
        segments.insert(0, ANY_DEPTH)
    segments.append(ANY_DEPTH)  # a directory's pattern matches all below it
    collapsed: list = []
    for segment in segments:
        if segment == ANY_DEPTH:
            if collapsed and collapsed[-1] is ANY_DEPTH:
                continue  # `**/**/` is `**/`
            collapsed.append(ANY_DEPTH)
        else:
            collapsed.append(_segment_regex(segment))
    return tuple(collapsed)


def validate_glob(pattern: str) -> None:
    """GlobError with the reason when config holds a pattern that cannot be used."""
    compile_glob(pattern)


def _closure(pattern: tuple, states: set[int]) -> set[int]:
    """A `**` may match no segment at all: step over it."""
    out = set()
    for state in states:
        out.add(state)
        while state < len(pattern) and pattern[state] is ANY_DEPTH:
            state += 1
            out.add(state)
    return out


def glob_match(pattern: str, relative_path: str) -> bool:
    compiled = compile_glob(pattern)
    if len(compiled) == 3 and compiled[0] is ANY_DEPTH and compiled[2] is ANY_DEPTH:
        # `name` or `**/name` (every default pattern): any one segment matching is enough
        segment = compiled[1]
        return any(segment.match(part) for part in relative_path.split("/"))
    states = _closure(compiled, {0})
    for segment in relative_path.split("/"):
        following = set()
        for state in states:
            if state == len(compiled):
                continue
            part = compiled[state]
            if part is ANY_DEPTH:
                following.add(state)
            elif part.match(segment):
                following.add(state + 1)
        if not following:
            return False
        states = _closure(compiled, following)
    return len(compiled) in states


@lru_cache(maxsize=64)
def _any_segment_regex(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The `name` patterns of a set merged into one segment regex (discovery asks every file
    against every exclusion), and the other patterns, matched one by one."""
    simple, other = [], []
    for pattern in patterns:
        compiled = compile_glob(pattern)
        if len(compiled) == 3 and compiled[0] is ANY_DEPTH and compiled[2] is ANY_DEPTH:
            simple.append(compiled[1].pattern)
        else:
            other.append(pattern)
    merged = re.compile("|".join(f"(?:{p})" for p in simple), re.DOTALL) if simple else None
    return merged, tuple(other)


def glob_match_any(patterns: tuple[str, ...], relative_path: str) -> bool:
    merged, other = _any_segment_regex(patterns)
    if merged is not None and any(merged.match(part) for part in relative_path.split("/")):
        return True
    return any(glob_match(pattern, relative_path) for pattern in other)
