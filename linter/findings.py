"""The two shapes a problem takes: an `Issue` as a rule raises it (a JSON pointer, no
position) and a `Finding` as it is reported (path, line, column, severity, fingerprint).

They are value objects, hashable, and nothing changes them once made; they are not frozen
dataclasses only because a frozen one takes several times as long to build (every field is
set through `object.__setattr__`), and a large report builds tens of thousands."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(slots=True, unsafe_hash=True)
class RelatedIssue:
    """Another place an issue is about; `path` None means the same file."""

    pointer: str
    message: str
    path: str | None = None
    at_key: bool = False
    offset: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """One change a fix makes, in JSON terms (a rule knows no offsets; `edits.py` finds them):

    - `replace`: the value at `pointer` becomes `text`;
    - `wrap`: the value at `pointer` is kept as written, between `text` and `after`;
    - `remove`: the member or item at `pointer` goes, with its separator; with `same_as`, only
      if its value equals the one at `same_as` (an exact copy);
    - `rename`: the key of the member at `pointer` becomes `text` (a key, not JSON);
    - `insert`: the object at `pointer` gets the member `text` (a key) : `after` (JSON) first;
    - `span`: the text from offset `start` to `end` becomes `text` (for what no pointer names,
      such as the second of two equal keys)."""

    action: str
    pointer: str = ""
    text: str = ""
    after: str = ""
    same_as: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Fix:
    """A repair of one issue: `safe` ones are applied by `--fix`, the others only with
    `--unsafe-fixes` (they may change what the payload means)."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class TextFix:
    """A fix located in its file: (start, end, new text) in code-point offsets, sorted."""

    description: str
    edits: tuple[tuple[int, int, str], ...]
    safe: bool

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(slots=True, unsafe_hash=True)
class Issue:
    """What a rule detects. Rules never compute positions: the engine locates `pointer`.

    `offset` (and `end_offset`) replace the pointer's position for problems found below the
    JSON level (a decoder error, a bad byte, the second of two equal keys). `about` is the stable subject used by the baseline fingerprint.
    """

    code: str
    message: str
    pointer: str = ""
    related: tuple[RelatedIssue, ...] = ()
    at_key: bool = False
    path: str | None = None
    offset: int | None = None
    end_offset: int | None = None
    resource: str | None = None
    about: str | None = None
    severity: str | None = None
    fix: Fix | None = None
    count: int = 1  # the problems it stands for: the note of a capped rule, those not listed


# Findings of one rule kept per file; the rest are counted in one last finding. A hostile
# file of 5 million repeated keys would otherwise hold gigabytes of findings (and print them).
MAX_PER_RULE = 10_000
CAPPED = "more"  # the subject of the one issue that counts the rest (`keep_first`)


def keep_first(issues: Iterable[Issue], into: list[Issue], limit: int = MAX_PER_RULE) -> None:
    """Append `issues` to `into`, at most `limit` per rule and file; then, for each rule and
    file over the limit, one issue at the top of the file that says how many were left out.
    An issue about `CAPPED` among them (`surplus`) only counts problems not listed."""
    seen: dict[tuple[str, str | None], int] = {}
    for issue in issues:
        key = (issue.code, issue.path)
        count = seen[key] = seen.get(key, 0) + issue.count
        if count <= limit and issue.about != CAPPED:
            into.append(issue)
    for (code, path), count in seen.items():
        if count > limit:
            into.append(Issue(code, f"{count - limit} more {code} findings in this file are not "
                              f"listed (only the first {limit} of a rule in a file are); fix those "
                              "and run wfmlint again", path=path, offset=0, about=CAPPED, count=count - limit))


def surplus(code: str, count: int) -> Issue:
    """Stands for `count` problems of a rule that were counted, never built (`keep_first`)."""
    return Issue(code, "", about=CAPPED, count=count)


@dataclass(slots=True, unsafe_hash=True)
class RelatedLocation:
    path: str
    line: int
    column: int
    pointer: str
    message: str


@dataclass(slots=True, order=True, unsafe_hash=True)
class Finding:
    """A located, filtered problem: what every output format prints."""

    path: str
    line: int
    column: int
    code: str
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    name: str = field(compare=False)
    severity: str = field(compare=False)
    message: str = field(compare=False)
    pointer: str = field(compare=False)
    related: tuple[RelatedLocation, ...] = field(default=(), compare=False)
    # what the fingerprint hashes: code, path, resource, subject, and how many findings with
    # the same four came before this one
    identity: tuple[str, str, str, str, int] = field(default=("", "", "", "", 0), compare=False,
                                                     repr=False)
    fix: TextFix | None = field(default=None, compare=False, repr=False)
    count: int = field(default=1, compare=False, repr=False)  # as `Issue.count`

    @property
    def fingerprint(self) -> str:
        """The baseline's stable id of the finding (no line, no column: it survives edits).
        Computed when asked for: the text output never shows it."""
        return fingerprint(*self.identity)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "pointer": self.pointer,
            "fingerprint": self.fingerprint,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "pointer": r.pointer,
                 "message": r.message}
                for r in self.related
            ],
            **({"fix": {"message": self.fix.description, "applicability": self.fix.applicability}}
               if self.fix is not None else {}),
        }


def named(value) -> str:
    """An identifier as a message quotes it: whole up to 60 characters, else its start and
    "...", so that a hostile id (100 000 characters) is not copied into every finding."""
    text = str(value)
    return f'"{text}"' if len(text) <= NAMED_LENGTH else f'"{text[:NAMED_LENGTH - 3]}..."'


NAMED_LENGTH = 60


def fingerprint(code: str, path: str, resource: str, about: str, counter: int) -> str:
    from hashlib import sha256  # only runs that show fingerprints pay for its import

    digest = sha256(f"{code}\0{path}\0{resource}\0{about}\0{counter}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def escape_token(token: str) -> str:
    """RFC 6901 escaping of one reference token."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    for token in tokens:
        pointer = f"{pointer}/{escape_token(str(token))}"
    return pointer


def ancestor_pointer(pointer: str, levels: int) -> str | None:
    """The pointer `levels` levels above `pointer` (an array item's array is one level up);
    None when there are not that many."""
    if levels == 0:
        return pointer
    if levels > pointer.count("/"):
        return None
    return pointer.rsplit("/", levels)[0]


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    tokens = pointer[1:].split("/")
    return tokens if "~" not in pointer else [unescape_token(t) for t in tokens]


def count_problems(findings: Iterable[Finding], key) -> Counter:
    """The problems by `key`: a capped rule's note counts the findings it says were not listed,
    so that the counts are the file's, not the report's."""
    counts: Counter = Counter()
    for finding in findings:
        counts[key(finding)] += finding.count
    return counts
