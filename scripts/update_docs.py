"""Regenerate the rule list in README.md and the rule reference docs/rules.md from the
registry, so the docs never drift from the code. `--check` fails if they are stale (a test
runs it).

    python scripts/update_docs.py [--check]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from wfmlint.registry import registry

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rule_table() -> str:
    lines = ["| code | name | default | fix | what it reports |", "| --- | --- | --- | --- | --- |"]
    for rule in registry():
        lines.append(f"| [{rule.code}](docs/rules.md#{rule.code.lower()}) | `{rule.name}` | {rule.severity} | "
                     f"{rule.fix or ''} | {rule.summary} |")
    return "\n".join(lines)


def reference() -> str:
    parts = ["# Rule reference", "",
             "Generated from the rule modules by `scripts/update_docs.py`; `wfmlint explain CODE` prints "
             "the same text.", ""]
    for rule in registry():
        doc = re.sub(r"^## ", "#### ", rule.doc, flags=re.M)
        parts += [f'<a id="{rule.code.lower()}"></a>', f"## {rule.code} `{rule.name}`", "",
                  f"Default severity: **{rule.severity}**. {rule.fix_note}", "", doc, ""]
    return "\n".join(parts)


def main() -> int:
    readme_path, reference_path = ROOT / "README.md", ROOT / "docs" / "rules.md"
    readme = readme_path.read_text(encoding="utf-8")
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    new_readme = f"{before}{START}\n{rule_table()}\n{END}{after}"
    new_reference = reference()
    if "--check" in sys.argv:
        stale = [p.name for p, new in ((readme_path, new_readme), (reference_path, new_reference))
                 if not p.exists() or p.read_text(encoding="utf-8") != new]
        if stale:
            print(f"stale: {', '.join(stale)}; run python scripts/update_docs.py", file=sys.stderr)
            return 1
        return 0
    readme_path.write_text(new_readme, encoding="utf-8")
    reference_path.write_text(new_reference, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
