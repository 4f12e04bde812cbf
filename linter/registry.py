"""The rule registry: every rule module of `wfmlint.rules`, plus rules from installed
`wfmlint.rules` entry points (the only way plugins load)."""
from __future__ import annotations

import difflib
import inspect
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.machinery import PathFinder
from types import ModuleType
from typing import Any, Callable, Iterator

_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    options: dict[str, tuple[type, Any]]
    scope: str  # "file": sees one payload; "run": sees every file of the run
    check: Callable
    implemented: bool = True
    fix: str | None = None  # "safe" (applied by --fix), "unsafe" (with --unsafe-fixes), or none

    @property
    def fix_note(self) -> str:
        """What the docs say of the rule's fix."""
        if self.fix == "safe":
            return "Fix: **safe**, applied by `--fix`."
        if self.fix == "unsafe":
            return "Fix: **unsafe**, applied by `--fix --unsafe-fixes` (it may change what the payload means)."
        return "Fix: none."

    def section(self, title: str) -> str:
        """The text under one `## title` heading of the rule's documentation."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.doc, re.S | re.M)
        return match.group(1).strip() if match else ""


def rule_from_module(module: ModuleType) -> Rule:
    doc = inspect.cleandoc(module.__doc__ or "")
    summary = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
    return Rule(code=module.CODE, name=module.NAME, severity=module.SEVERITY, summary=summary,
                doc=doc, options=dict(getattr(module, "OPTIONS", {})),
                scope=getattr(module, "SCOPE", "file"), check=module.check,
                implemented=getattr(module, "IMPLEMENTED", True), fix=getattr(module, "FIX", None))


class Registry:
    FULL = 1000  # specificity of a selector that names one rule exactly

    def __init__(self, rules: list[Rule]) -> None:
        self._rules = sorted(rules, key=lambda rule: rule.code)
        self._by_key = {}
        for rule in self._rules:
            self._by_key[rule.code] = rule
            self._by_key[rule.name] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, key: str) -> Rule | None:
        return self._by_key.get(key) or self._by_key.get(key.upper())

    def specificity(self, selector: str, rule: Rule) -> int:
        """How precisely `selector` (a code prefix or a rule name) picks `rule`; 0 if not."""
        selector = selector.strip()
        if selector == rule.name or selector.upper() == rule.code:
            return self.FULL
        if selector.upper() == "ALL":
            return 1
        if rule.code.startswith(selector.upper()):
            return len(selector)
        return 0

    def matches_any(self, selector: str) -> bool:
        return any(self.specificity(selector, rule) for rule in self._rules)

    def hint(self, key: str) -> str:
        names = [r.code for r in self._rules] + [r.name for r in self._rules]
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
        return f" (did you mean '{close[0]}'?)" if close else ""


PLUGIN_GROUP = "wfmlint.rules"


def _may_declare_plugins() -> bool:
    """False only when no distribution on `sys.path` can declare a `wfmlint.rules` entry point.

    `importlib.metadata` is a large part of a small run's start (it imports the email parser),
    and almost every run has no plugin. Reading the `entry_points.txt` of each installed
    distribution for the group's name answers that far sooner; the real lookup
    runs whenever the answer is not a sure no (a zip on the path, a finder of its own)."""
    if any(hasattr(finder, "find_distributions") and finder is not PathFinder
           for finder in sys.meta_path):
        return True
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except NotADirectoryError:
            return True  # a zip archive: only importlib.metadata can look inside
        except OSError:
            continue
        egg = os.path.basename(entry).lower().endswith(".egg")
        for name in names:
            low = name.lower()  # the names importlib.metadata looks at, matched as it does
            if not (low.endswith((".dist-info", ".egg-info")) or egg and low == "egg-info"):
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), "rb") as declared:
                    if PLUGIN_GROUP.encode() in declared.read():
                        return True
            except OSError:
                continue
    return False


@lru_cache(maxsize=1)
def registry() -> Registry:
    from . import rules as builtin

    found = [rule_from_module(module) for module in builtin.RULE_MODULES]
    if _may_declare_plugins():
        from importlib.metadata import entry_points

        for point in entry_points(group=PLUGIN_GROUP):
            found.append(rule_from_module(point.load()))
    return Registry(found)
