"""Accepted findings, recorded by fingerprint (never by line) so they survive edits."""
from __future__ import annotations

import json
from collections import Counter

from .atomic import write_atomically
from .jsontext import indented
from .files import MissingFile, UnreadableFile, read_text_file

FORMAT_VERSION = 1


class BaselineError(Exception):
    pass


def write_baseline(path: str, findings) -> None:
    entries = [{"fingerprint": f.fingerprint, "code": f.code, "path": f.path, "message": f.message,
                **({"count": f.count} if f.count != 1 else {})}  # the note of a capped rule
               for f in findings]
    document = {"wfmlint-baseline": FORMAT_VERSION, "findings": entries}
    write_atomically(path, indented(document, len(entries)), into_special=True)


def load_baseline(path: str) -> list[dict]:
    try:
        document = json.loads(read_text_file(path))
    except MissingFile:
        raise BaselineError(f"{path}: baseline file not found") from None
    except UnreadableFile as error:
        raise BaselineError(f"{path}: unreadable baseline: {error}") from None
    except ValueError as error:
        raise BaselineError(f"{path}: unreadable baseline: {error}") from None
    except RecursionError:
        raise BaselineError(f"{path}: unreadable baseline: nested too deeply") from None
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list) or not all(
            isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in document["findings"]):
        raise BaselineError(f"{path}: not a wfmlint baseline (expected {{\"findings\": [...]}})")
    return document["findings"]


def apply_baseline(findings, entries: list[dict]):
    """(findings not in the baseline, baseline entries that matched nothing). The note that
    counts a capped rule's unlisted findings stands for more problems than its one fingerprint:
    it is new again when it counts more than the baseline accepted (an entry without a count,
    written before counts were recorded, accepts any)."""
    remaining = Counter(e["fingerprint"] for e in entries)
    accepted = {e["fingerprint"]: e["count"] for e in entries if type(e.get("count")) is int}
    kept = []
    for finding in findings:
        if remaining[finding.fingerprint] > 0 and finding.count <= accepted.get(finding.fingerprint, finding.count):
            remaining[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    unmatched, left = [], dict(remaining)
    for entry in entries:
        if left.get(entry["fingerprint"], 0) > 0:
            unmatched.append(entry)
            left[entry["fingerprint"]] -= 1
    return kept, unmatched
