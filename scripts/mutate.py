"""Mutation testing: does the suite notice when the code is subtly wrong?

Each mutant changes one operator or constant of one module (`<` to `<=`, `and` to `or`,
`+` to `-`, `True` to `False`, a number off by one, `not x` to `x`), in a copy of the package
laid out as it installs, and runs the tests that cover that module against the copy. A
mutant the tests fail on is killed; one they pass on survives and is listed, so a person can
tell a gap in the tests from an equivalent mutant (one that changes nothing observable).

    python scripts/mutate.py rules/non_positive_duration.py linter/timestamps.py
    python scripts/mutate.py --all --sample 40      # every module below, 40 mutants each

The tests for a module are `tests/rules/test_<name>.py` for a rule (where a rule shares a
test file, the files that name its code), and `TESTS` below for the engine's modules and the
rules' helpers; `--tests` overrides both.
"""
from __future__ import annotations

import argparse
import ast
import copy
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The engine modules that mutation testing covers, with the tests that pin them.
TESTS = {
    "rules/_values.py": ["tests/rules", "tests/test_pinned_behaviour.py"],
    "linter/timestamps.py": ["tests/test_timestamps.py", "tests/rules/test_malformed_timestamp.py",
                             "tests/rules/test_timestamp_not_utc.py", "tests/test_pinned_behaviour.py",
                             "tests/test_vendor_profiles.py"],
    "linter/overlaps.py": ["tests/test_properties.py", "tests/test_pinned_behaviour.py",
                           "tests/rules/test_overlapping_entries.py",
                           "tests/rules/test_overlapping_activities.py"],
    "linter/locate.py": ["tests/test_properties.py", "tests/test_outputs.py", "tests/test_pinned_behaviour.py",
                         "tests/rules/test_duplicate_key.py"],
    "linter/locating.py": ["tests/test_outputs.py", "tests/test_pinned_behaviour.py", "tests/test_held_texts.py",
                           "tests/test_baseline.py", "tests/test_cli.py", "tests/test_config_trust.py",
                           "tests/rules/test_duplicate_key.py"],
    "rules/_overlap.py": ["tests/rules/test_overlapping_entries.py", "tests/rules/test_overlapping_activities.py",
                          "tests/rules/test_duplicate_entry.py", "tests/rules/test_conflicting_writes.py",
                          "tests/rules/test_time_off_conflict.py", "tests/rules/test_conflicts_with_existing.py",
                          "tests/test_properties.py", "tests/test_pinned_behaviour.py"],
    "linter/profiles.py": ["tests/test_corpus.py", "tests/test_cli.py", "tests/test_pinned_behaviour.py"],
    "rules/_calendar.py": ["tests/rules/test_time_off_conflict.py", "tests/rules/test_business_unit.py",
                           "tests/test_pinned_behaviour.py"],
    "rules/_entry_values.py": ["tests/rules", "tests/test_vendor_profiles.py",
                               "tests/test_pinned_behaviour.py"],
    "rules/_reference.py": ["tests/rules/test_business_unit.py", "tests/test_references.py"],
    "rules/_schema_regex.py": ["tests/rules/test_schema_violation.py", "tests/test_pinned_behaviour.py"],
}

_SWAPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult,
    ast.And: ast.Or, ast.Or: ast.And,
}


def mutation_points(tree: ast.AST) -> list[tuple[int, str]]:
    """(index of the node in `ast.walk` order, what the mutant does) for every mutant."""
    points = []
    for index, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAPS:
            points.append((index, f"{type(node.ops[0]).__name__} -> {_SWAPS[type(node.ops[0])].__name__}"))
        elif isinstance(node, (ast.BinOp, ast.BoolOp)) and type(node.op) in _SWAPS:
            points.append((index, f"{type(node.op).__name__} -> {_SWAPS[type(node.op)].__name__}"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            points.append((index, "not x -> x"))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            points.append((index, f"{node.value} -> {not node.value}"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            points.append((index, f"{node.value} -> {node.value + 1}"))
    return points


def mutant(tree: ast.Module, index: int) -> tuple[str, int]:
    """The source of `tree` with the node at `index` mutated, and the node's line."""
    tree = copy.deepcopy(tree)
    node = next(node for position, node in enumerate(ast.walk(tree)) if position == index)
    if isinstance(node, ast.Compare):
        node.ops[0] = _SWAPS[type(node.ops[0])]()
    elif isinstance(node, (ast.BinOp, ast.BoolOp)):
        node.op = _SWAPS[type(node.op)]()
    elif isinstance(node, ast.UnaryOp):
        _replace(tree, node, node.operand)
    elif type(node.value) is bool:
        node.value = not node.value
    else:
        node.value += 1
    return ast.unparse(tree), node.lineno


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, name, new)
            elif isinstance(value, list):
                for position, item in enumerate(value):
                    if item is old:
                        value[position] = new


def mirror(into: Path) -> Path:
    """The package as it installs: `linter/` as `wfmlint`, `rules/` as `wfmlint.rules`."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "linter", into / "wfmlint", ignore=ignore)
    shutil.copytree(ROOT / "rules", into / "wfmlint" / "rules", ignore=ignore)
    return into


def mirrored(module: str, site: Path) -> Path:
    top, rest = module.split("/", 1)
    return site / "wfmlint" / rest if top == "linter" else site / "wfmlint" / "rules" / rest


def tests_for(module: str) -> list[str]:
    if module in TESTS:
        return TESTS[module]
    if not module.startswith("rules/"):
        return []
    # a rule's own tests, and the behaviours pinned across rules (boundaries, plurals, edges)
    own = f"tests/rules/test_{Path(module).stem}.py"
    if (ROOT / own).exists():
        return [own, "tests/test_pinned_behaviour.py"]
    return [*_tests_naming(module), "tests/test_pinned_behaviour.py"]


def _tests_naming(module: str) -> list[str]:
    """The test files that name the rule's code, for a rule whose tests live in a shared file
    (the business-unit rules, WFM007): without them it would meet only the pinned behaviours."""
    match = re.search(r'^CODE = "(WFM\d{3})"', (ROOT / module).read_text(), re.MULTILINE)
    if match is None:
        return []
    return sorted(str(path.relative_to(ROOT)) for path in [*ROOT.glob("tests/rules/test_*.py"),
                                                            *ROOT.glob("tests/test_*.py")]
                  if path.name not in _NOT_BEHAVIOUR and match.group(1) in path.read_text())


# Tests that name every code without checking what a rule finds.
_NOT_BEHAVIOUR = {"test_rule_docs.py", "test_architecture.py", "test_pinned_behaviour.py"}


def run_tests(site: Path, tests: list[str], timeout: float) -> bool:
    """Whether the tests pass against the package in `site`."""
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                               "--hypothesis-profile=mutation", *tests], cwd=ROOT, env=env,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False  # a mutant that loops is killed
    return done.returncode == 0


def mutate_module(module: str, site: Path, tests: list[str], sample: int | None, timeout: float,
                  rng: random.Random) -> tuple[int, int, list[str]]:
    """(mutants, killed, the survivors described)."""
    source = (ROOT / module).read_text()
    tree = ast.parse(source)
    points = mutation_points(tree)
    if sample is not None and len(points) > sample:
        points = sorted(rng.sample(points, sample))
    target = mirrored(module, site)
    survivors = []
    killed = 0
    try:
        for index, description in points:
            text, line = mutant(tree, index)
            target.write_text(text)
            if run_tests(site, tests, timeout):
                survivors.append(f"{module}:{line}: {description}")
            else:
                killed += 1
    finally:
        target.write_text(source)
    return len(points), killed, survivors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="paths relative to the repository")
    parser.add_argument("--all", action="store_true", help="every rule and the modules in TESTS")
    parser.add_argument("--tests", nargs="*", help="the tests to run (default: the module's own)")
    parser.add_argument("--sample", type=int, help="at most this many mutants per module (seeded)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    modules = list(args.modules)
    if args.all:
        modules += sorted(f"rules/{path.name}" for path in (ROOT / "rules").glob("*.py")
                          if not path.name.startswith("_"))
        modules += [module for module in TESTS if module not in modules]
    rng = random.Random(args.seed)
    total = total_killed = 0
    with tempfile.TemporaryDirectory() as temporary:
        site = mirror(Path(temporary))
        if not run_tests(site, ["tests/test_cli.py"], args.timeout):
            sys.exit("the tests fail against the unmutated copy: fix them first")
        for module in modules:
            tests = args.tests or tests_for(module)
            tests = [test for test in tests if (ROOT / test).exists()]
            if not tests:
                print(f"{module}: no tests named for it; skipped")
                continue
            count, killed, survivors = mutate_module(module, site, tests, args.sample, args.timeout, rng)
            total, total_killed = total + count, total_killed + killed
            rate = killed / count if count else 1.0
            print(f"{module}: {killed}/{count} killed ({rate:.0%})", flush=True)
            for survivor in survivors:
                print(f"  survived: {survivor}", flush=True)
    if total:
        print(f"all: {total_killed}/{total} killed ({total_killed / total:.0%})")


if __name__ == "__main__":
    main()
