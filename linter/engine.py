"""The data path of one file and of one run: read, decode, parse, detect, normalise, run the
rules, locate what is reported, filter. `lint_text` does no I/O."""
from __future__ import annotations

import traceback
import zlib
from dataclasses import dataclass, field
from typing import Any

from . import profiles as P
from .config import Config, Settings
from .document import (ParsedDocument, decode, duplicate_key_issues, has_long_integer, integers_limited,
                       leading_marks, marks_issue, non_standard_issues, parse)
from .files import BadCompression, NotRegular, TooLarge, UnreadableFile, read_payload, unpacked
from .findings import Finding, Issue, keep_first
from .normalise import build_payload
from .payload import FileFacts, Payload
from .registry import registry


@dataclass
class RuleCrash:
    code: str
    path: str
    error: str


@dataclass
class FileResult:
    """One file's share of a run: its issues (located later, once, with the run-wide ones)
    and what the run-wide rules need."""

    path: str
    issues: list[Issue] = field(default_factory=list)  # located once per run, with run-wide ones
    facts: FileFacts | None = None
    text: str = ""  # "" once let go (`release_text`): `source_text` reads it again
    stamp: tuple[int, int, int] | None = None  # (read limit, size, CRC-32) of the text's bytes
    released: bool = False  # the text was let go
    unplaced: bool = False  # it could not be read again: its findings were not placed
    max_depth: int = 512
    huge_integers: bool = False
    unique_keys: bool = False  # no object repeats a key, so locating may stop early
    known_ends: dict[int, int] | None = None  # extents the locating walk can jump over
    flat_arrays: dict | None = None  # arrays whose items it can find by their braces
    skipped: bool = False
    error: str | None = None
    crashes: list[RuleCrash] = field(default_factory=list)
    profile: str | None = None
    read_as: str | None = None  # the profile that read the file, and why (`--verbose`)


@dataclass
class RunResult:
    findings: list[Finding]
    files: list[FileResult]
    errors: list[str]
    crashes: list[RuleCrash]
    unmatched_baseline: list[dict] = field(default_factory=list)
    settings: Settings | None = None  # the run's (with what --existing added)
    existing: FileFacts | None = None  # the current schedule's facts

    @property
    def checked(self) -> int:
        return sum(1 for f in self.files if not f.skipped and f.error is None)

    @property
    def skipped(self) -> int:
        """Files read but of no payload profile (WFM007 reports those that nearly are)."""
        return sum(1 for f in self.files if f.skipped)


def as_settings(config: Settings | Config | None) -> Settings:
    if isinstance(config, Settings):
        return config
    return Settings(config) if isinstance(config, Config) else Settings()


def _claim_problem(root: Any, profile: str) -> str | None:
    """Why a claimed document is not of its profile (WFM005), or None."""
    if profile == P.GENERIC:
        return None if isinstance(root, (dict, list)) else "its top level is not an object or an array"
    if not isinstance(root, dict):
        kind = "an array" if isinstance(root, list) else "not an object"
        return f"its top level is {kind}; a {profile} payload is a JSON object"
    fields = {
        P.UPDATE: ("metadata", "agentSchedules", "description", "published", "shortTermForecast",
                   "headcountForecast"),
        P.IMPORT: ("description", "weekCount", "agentSchedules"),
        P.EXPORT: ("agentSchedules", "result"),
    }[profile]
    if not any(name in root for name in fields):
        return f"none of the {profile} fields ({', '.join(fields)}) is in it"
    return None


def analyse_text(text: str, path: str, settings: Settings, early: list[Issue] | None = None,
                 detailed: bool = False, data: list[bytes] | None = None,
                 fast: bool | None = None) -> tuple[FileResult, Payload | None]:
    """Run every per-file rule on one document (no positions yet: see `locate_run`).
    `data` holds the text's UTF-8 encoding when the caller has it (emptied once read, so a
    large file's bytes are freed early); `fast` forces the typed reader on or off (by default
    it reads large update and import files; the findings are the same either way)."""
    config = settings.config
    result = FileResult(path, max_depth=config.max_depth, issues=list(early or []))
    size = _size_over(text, data, config.max_file_size)
    if size is not None:
        result.text = text[leading_marks(text):]  # (only 1:1 is placed in it)
        result.issues.append(_too_large(size, config.max_file_size))
        return result, None
    result.text = text = _without_bom(text, data, result.issues)
    claimed, schema = settings.claimed_profile(path), settings.schema_for(path)
    parsed, profile, problem = _parse_and_detect(
        text, claimed, config, data, fast if not detailed and schema is None else False)
    result.huge_integers = parsed.has_huge_integers
    result.unique_keys = parsed.ok and not parsed.duplicate_objects
    result.known_ends = parsed.known_ends
    result.issues.extend(parsed.issues)
    if not parsed.ok:
        return result, None
    if problem:
        result.issues.append(Issue("WFM005", f"file is claimed as {claimed} but {problem}", offset=0))
    elif profile is None and claimed is None and schema is None:
        result.skipped = True
        known = P.detect_vendor(parsed.root, P.vendor_definitions(config.vendor_profiles)) \
            if isinstance(parsed.root, (dict, list)) else None
        if known is not None and known.skip:  # a vendor's body that is not a schedule
            result.read_as = f"{known.name} (it has {', '.join(known.signature(parsed.root))})"
            return result, None
        hint = P.near_miss(parsed.root)
        if hint is not None:  # skipped, but never in silence
            result.issues.append(Issue("WFM007", f"matches no payload profile, so nothing in it is "
                                       f"checked, yet it is nearly {hint.profile}: {hint.reason}",
                                       pointer=hint.pointer, at_key=hint.at_key))
        return result, None
    if parsed.duplicate_objects:
        keep_first(duplicate_key_issues(parsed, config.max_depth), result.issues)
    if parsed.has_non_standard or parsed.has_huge_integers:
        result.issues.extend(non_standard_issues(parsed))
    payload = _payload(path, parsed, profile, claimed, settings, detailed, result)
    payload.cache["schema"] = schema
    _run_file_rules(payload, settings.rule_settings(path), result)
    return result, payload


def _size_over(text: str, data: list[bytes] | None, limit: int) -> int | None:
    """The text's size in UTF-8 bytes (as a file's is counted) when it is over `limit`, else
    None; encoded only when the characters cannot tell (a UTF-8 character is 1 to 4 bytes)."""
    if data:
        size = len(data[0])
    elif len(text) > limit or 4 * len(text) <= limit or text.isascii():
        size = len(text)
    else:
        size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None


def _without_bom(text: str, data: list[bytes] | None, issues: list[Issue]) -> str:
    """The text after its byte-order marks (as `decode` leaves bytes), with the warning."""
    marks = leading_marks(text)
    if not marks:
        return text
    if data:
        data.clear()  # the bytes hold the marks: they are not the text's encoding
    issues.append(marks_issue(marks))
    return text[marks:]


def _parse_and_detect(text: str, claimed: str | None, config: Config, data: list[bytes] | None,
                      fast: bool | None) -> tuple[ParsedDocument, str | None, str | None]:
    """The parsed document, its profile and why it is not the claimed one."""
    parsed = _parse(text, claimed, config, data, fast)
    profile, problem = _profile_of(parsed, claimed, config)
    if parsed.typed_profile is not None and profile != parsed.typed_profile:
        parsed = parse(text, config.max_depth)  # agent structs belong in update and import files
        profile, problem = _profile_of(parsed, claimed, config)
    return parsed, profile, problem


def _payload(path: str, parsed: ParsedDocument, profile: str | None, claimed: str | None,
             settings: Settings, detailed: bool, result: FileResult) -> Payload:
    """The payload the rules read: of the file's profile, or only its schema's (WFM108)."""
    if profile is None:
        return Payload(path, parsed, "schema-only", FileFacts(path, "schema-only"), settings)
    payload = build_payload(path, parsed, profile, settings, claimed=claimed is not None,
                            detailed=detailed)
    shape_problem = payload.cache.get("shape_problem")
    if claimed is not None and shape_problem and profile == P.GENERIC:
        result.issues.append(Issue("WFM005", f"file is claimed as {claimed} but {shape_problem}", offset=0))
    result.facts, result.profile = payload.facts, profile
    result.read_as = payload.cache.get("vendor") or f"{profile} ({_why_read(payload, claimed)})"
    result.flat_arrays = payload.flat_arrays or None
    return payload


def _why_read(payload: Payload, claimed: str | None) -> str:
    if claimed is not None:
        return payload.settings.claim_source(payload.path)
    return payload.cache.get("read_by", "detected")  # the generic reader says when its mapping read it


def _parse(text: str, claimed: str | None, config: Config, data: list[bytes] | None,
           fast: bool | None) -> ParsedDocument:
    """The parsed document: by a C decode where it pays (`fastparse.py`), else the standard
    parser. `fast` None lets the size decide."""
    from . import fastparse

    parsed = None
    if fast is not False and fastparse.large(text, fast) and not integers_limited():
        # msgspec converts what the process converts: an integer of more than 4000 digits
        # would pass as a number, where the standard parser finds it (WFM004)
        fast = False if has_long_integer(data[0] if data else text.encode("utf-8", "surrogatepass")) else fast
    if fast is not False and fastparse.eligible(text, claimed, config.max_depth, fast):
        parsed = fastparse.parse_fast(text, data, claimed, config.max_depth)
    if parsed is None and fastparse.large(text, fast):
        parsed = fastparse.parse_plain(text, data, config.max_depth)
    if data:
        data.clear()  # the bytes are not needed past the typed reader
    return parsed if parsed is not None else parse(text, config.max_depth)


def _run_file_rules(payload: Payload, rule_settings: dict, result: FileResult) -> None:
    """Every enabled per-file rule on one payload; a rule's crash is recorded, not raised, so
    it cannot hide the other rules' findings."""
    for rule in registry():
        if rule.scope != "file" or rule.code not in rule_settings:
            continue
        if payload.profile == "schema-only" and rule.code != "WFM108":
            continue
        try:
            keep_first(rule.check(payload, rule_settings[rule.code].options), result.issues)
        except Exception:
            result.crashes.append(RuleCrash(rule.code, result.path, traceback.format_exc(limit=-3)))


def _profile_of(parsed: ParsedDocument, claimed: str | None, config: Config) -> tuple[str | None, str | None]:
    """The document's profile (None: not a payload) and why it is not the claimed one."""
    if not parsed.ok:
        return None, None
    if claimed is None:
        return P.detect_profile(parsed.root, config.generic, config.vendor_profiles), None
    if claimed not in P.NAMED:  # a vendor profile: generic, read with the vendor's entry sets
        vendor = P.vendor_definitions(config.vendor_profiles).get(claimed)
        if vendor is not None and vendor.skip:
            return None, None  # claimed as a body that is no schedule: skipped
        claimed = P.GENERIC
    problem = _claim_problem(parsed.root, claimed)
    return (None, problem) if problem else (claimed, None)


def _too_large(size: int | None, limit: int) -> Issue:
    """WFM006 for a file of `size` bytes, or (None) one that decompresses to more than it."""
    if size is None:
        return Issue("WFM006", f"file decompresses to more than max-file-size ({limit} bytes); "
                     "nothing else is checked in it", offset=0)
    return Issue("WFM006", f"file is {size} bytes, over max-file-size ({limit}); nothing else is "
                 "checked in it", offset=0)


def read_file(path: str, settings: Settings) -> tuple[bytes | None, str | None, Issue | None]:
    """The bytes of a regular file (decompressed for `.gz`); or an error line; or the issue
    that stops it: WFM006 when it is too large, WFM002 for broken compression. Non-regular
    files (FIFOs, devices, sockets) are never read."""
    limit = settings.config.max_file_size
    try:
        return read_payload(path, limit), None, None
    except (BadCompression, TooLarge) as stopped:
        return None, None, _stopping_issue(stopped, limit)
    except NotRegular as special:
        return None, f"{path}: {special}; skipped", None
    except UnreadableFile as unreadable:
        return None, f"{path}: {unreadable}", None


def _stopping_issue(error: BadCompression | TooLarge, limit: int) -> Issue:
    """The issue of a payload that is not linted: broken compression (WFM002), too large."""
    if isinstance(error, TooLarge):
        return _too_large(error.size, limit)
    return Issue("WFM002", f"{error}; nothing else is checked in it", offset=0)


def analyse_stdin(data: bytes, name: str, settings: Settings) -> FileResult:
    """Bytes given on stdin, read as the file `name` would be: decompressed when it is named
    `.gz` (as `--stdin-filename week48.json.gz` says)."""
    try:
        data = unpacked(data, name, settings.config.max_file_size)
    except (BadCompression, TooLarge) as stopped:
        result = FileResult(name, max_depth=settings.config.max_depth)
        result.issues = [_stopping_issue(stopped, settings.config.max_file_size)]
        return result
    return analyse_bytes(data, name, settings)


def analyse_bytes(data: bytes, path: str, settings: Settings) -> FileResult:
    """One file's bytes to its per-file issues and facts."""
    if len(data) > settings.config.max_file_size:
        result = FileResult(path, max_depth=settings.config.max_depth)
        result.issues = [_too_large(len(data), settings.config.max_file_size)]
        return result
    return _analyse_held_bytes([data], path, settings)


def analyse_path(path: str, settings: Settings, stamp: bool = False) -> FileResult:
    """One file from disk to its per-file issues and facts (what a worker process runs).
    With `stamp`, the result records what its bytes were, so that its text may be let go
    (`release_text`) and read again (`source_text`)."""
    data, error, too_large = read_file(path, settings)
    if error is not None:
        return FileResult(path, error=error)
    if too_large is not None:
        result = FileResult(path)
        result.issues = [too_large]
        return result
    mark = (settings.config.max_file_size, len(data), zlib.crc32(data)) if stamp else None
    holder = [data]
    del data  # the bytes are dropped as soon as they are decoded: a large file is not kept twice
    try:
        result = _analyse_held_bytes(holder, path, settings)
    except Exception:  # an engine bug: name the file, keep the run going
        result = FileResult(path)
        result.crashes.append(RuleCrash("engine", path, traceback.format_exc(limit=-3)))
        return result
    result.stamp = mark
    return result


def release_text(result: FileResult) -> None:
    """Let a result's text go if it can be read again (it has a stamp)."""
    if result.stamp is not None and result.text:
        result.text, result.released = "", True


def analyse_released(path: str, settings: Settings) -> FileResult:
    """A file's pass, its text let go (read again where its findings are placed): what a
    worker sends back, and what a run need not hold."""
    result = analyse_path(path, settings, stamp=True)
    release_text(result)
    return result


class SourceChanged(Exception):
    """A file's text was let go, and the file no longer holds it: why, as a message's clause."""


def source_text(result: FileResult) -> str:
    """The text a result was linted from: held, or read again from its file, which must still
    hold the same bytes (the same size and CRC-32: a check against accidental change, such as
    an editor saving, not against a file forged to deceive). SourceChanged otherwise."""
    if not result.released:
        return result.text
    limit, size, checksum = result.stamp
    try:
        data = read_payload(result.path, limit)
    except TooLarge:
        raise SourceChanged("changed while it was linted") from None
    except UnreadableFile as unreadable:  # gone, a directory, a FIFO now, not readable
        raise SourceChanged(f"can no longer be read ({unreadable})") from None
    if len(data) != size or zlib.crc32(data) != checksum:
        raise SourceChanged("changed while it was linted")
    return decode(data)[0]  # (every leading byte-order mark gone, as in its pass)


def _analyse_held_bytes(holder: list[bytes], path: str, settings: Settings) -> FileResult:
    text, issues, decodable = decode(holder[0])
    if not decodable:
        result = FileResult(path, text=text, max_depth=settings.config.max_depth)
        result.issues = issues
        return result
    if issues:  # a byte-order mark: the bytes are not the text's encoding
        holder.clear()
    global _kept
    _kept = None  # the previous file's payload is freed before this one is built
    result, payload = analyse_text(text, path, settings, early=issues, data=holder)
    if _keep_last:
        _kept = payload
    return result


# Freeing a large file's payload (its parsed tree and views) object by object is a visible
# part of linting it. A process that ends with `os._exit` (the command line)
# frees nothing at the end, so it keeps the last file's payload instead of freeing it; the
# one kept before is freed as the next file starts, so memory stays as it was.
_keep_last = False
_kept: Payload | None = None


def forget_last() -> None:
    """Free the payload kept until exit (`keep_until_exit`) now."""
    global _kept
    _kept = None


def keep_until_exit() -> None:
    """For a process that exits with `os._exit`: keep the last file's payload for the exit to
    drop at no cost, rather than free it when the file is done."""
    global _keep_last
    _keep_last = True
