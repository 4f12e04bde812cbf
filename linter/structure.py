"""Structure checks of Genesys objects against their shapes (`shapes.py`).

The fast path asks only "is this object certainly well-formed?" with set operations and type
tests derived from the shapes; the objects that fail are explained field by field
(`validate.py`, the errors a strict pydantic model would give), and those errors become
WFM101 (missing), WFM102 (wrong type or value), WFM104 (unknown field) and WFM004 (an integer
that does not fit 64 bits). Clean data is never explained.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from .document import INT64_MAX, HugeInteger, NonStandardNumber, out_of_int64
from .findings import MAX_PER_RULE, Edit, Fix, Issue, RelatedIssue, join_pointer, surplus

if TYPE_CHECKING:
    from .validate import ShapeError


class FastCheck:
    """A cheap, conservative test derived from one shape: True only for valid objects."""

    _TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}

    def __init__(self, shape_name: str) -> None:
        from .shapes import SHAPES

        shape = SHAPES[shape_name]
        self.name = shape_name
        self.open = shape.open
        self.allowed = frozenset(f.name for f in shape.fields)
        self.required = frozenset(f.name for f in shape.fields if f.required)
        self.types: dict[str, frozenset[type]] = {}
        self.literals: dict[str, frozenset] = {}
        self.nested: dict[str, FastCheck] = {}
        self.minimum: dict[str, int] = {}
        self.maximum: dict[str, int] = {}
        self.number_lists: set[str] = set()  # lists whose items must be numbers
        self.string_lists: set[str] = set()  # lists whose items must be strings
        self.object_lists: dict[str, FastCheck] = {}  # lists of objects no table holds
        self.integers: set[str] = set()
        for spec in shape.fields:
            kind = self._TYPES.get(spec.kind)
            if kind is None:
                kind = dict
                self.nested[spec.name] = FastCheck(spec.kind)
            allowed = {kind} if spec.required else {kind, type(None)}
            if kind is float:
                allowed.add(int)
            if spec.kind == "list" and spec.items == "float":
                self.number_lists.add(spec.name)
            elif spec.kind == "list" and spec.items == "str":
                self.string_lists.add(spec.name)
            elif spec.kind == "list" and spec.items and not spec.visited:
                self.object_lists[spec.name] = FastCheck(spec.items)
            self.types[spec.name] = frozenset(allowed)
            if kind is int:
                self.integers.add(spec.name)
            if spec.choices:
                self.literals[spec.name] = frozenset(spec.choices)
            if spec.ge is not None:
                self.minimum[spec.name] = spec.ge
            if spec.le is not None:
                self.maximum[spec.name] = spec.le
        self.passes = self._compile()

    @staticmethod
    def of(shape_name: str) -> "FastCheck":
        """The check of a shape, compiled once."""
        check = _CHECKS.get(shape_name)
        if check is None:
            check = _CHECKS[shape_name] = FastCheck(shape_name)
        return check

    def field_names(self) -> list[str]:
        return sorted(self.allowed)

    def _compile(self):
        """Build `passes(obj)` as straight-line code: one test per field, no loops or lookups
        per value. It runs once per object of the payload, so it is the hot path of a lint.
        The source is generated from our own models only, never from input."""
        names: dict[str, Any] = {"REQUIRED": self.required, "ALLOWED": self.allowed,
                                 "MISSING": _MISSING, "LOW": -INT64_MAX - 1, "HIGH": INT64_MAX,
                                 "NUMBERS": (int, float)}
        body = ["def passes(obj):", "    keys = obj.keys()"]
        if self.required:
            body.append("    if not REQUIRED <= keys: return False")
        if not self.open:
            body.append("    if not keys <= ALLOWED: return False")
        for index, (name, allowed) in enumerate(sorted(self.types.items())):
            fetch = f"obj[{name!r}]" if name in self.required else f"obj.get({name!r}, MISSING)"
            body.append(f"    value = {fetch}")
            guard = "" if name in self.required else "value is not MISSING and "
            nullable = type(None) in allowed
            kinds = sorted(allowed - {type(None)}, key=lambda kind: kind.__name__)
            if nullable:
                guard += "value is not None and "
            names[f"T{index}"] = kinds[0] if len(kinds) == 1 else tuple(kinds)
            test = f"type(value) is not T{index}" if len(kinds) == 1 else f"type(value) not in T{index}"
            body.append(f"    if {guard}{test}: return False")
            if name in self.integers:
                body.append("    if type(value) is int and not LOW <= value <= HIGH: return False")
                if name in self.minimum:
                    body.append(f"    if type(value) is int and value < {int(self.minimum[name])}: return False")
                if name in self.maximum:
                    body.append(f"    if type(value) is int and value > {int(self.maximum[name])}: return False")
            if name in self.literals:
                names[f"L{index}"] = self.literals[name]
                body.append(f"    if {guard}value not in L{index}: return False")
            if name in self.number_lists:
                body.append("    if type(value) is list and not all(type(x) in NUMBERS for x in value): return False")
            if name in self.string_lists:
                body.append("    if type(value) is list and not all(type(x) is str for x in value): return False")
            if name in self.object_lists:
                names[f"O{index}"] = self.object_lists[name].passes
                body.append(f"    if type(value) is list and not all(type(x) is dict and O{index}(x) for x in value):"
                            " return False")
            if name in self.nested:
                names[f"N{index}"] = self.nested[name].passes
                body.append(f"    if type(value) is dict and not N{index}(value): return False")
        body.append("    return True")
        exec(compile("\n".join(body), f"<fast check {self.name}>", "exec"), names)
        return names["passes"]


_MISSING = object()


_CHECKS: dict[str, FastCheck] = {}


_INFINITY = float("inf")


def describe_value(value: Any) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {_json_text(shown)}"
    if isinstance(value, float) and value in (_INFINITY, -_INFINITY):  # 1e999 parses as infinity
        return f"a number {'below the lowest' if value < 0 else 'past the largest'} 64-bit float"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def _json_text(value: str) -> str:
    import json

    return json.dumps(value)


_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "an array",
    "dict_type": "an object",
    "model_type": "an object",
}


def did_you_mean(key: str, candidates: list[str]) -> str | None:
    lowered = {c.lower(): c for c in candidates}
    if key.lower() in lowered:
        return lowered[key.lower()]
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75)
    if not close:
        close = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.75)
        close = [lowered[c] for c in close]
    return close[0] if close else None


def _check_at(check: FastCheck, loc: tuple) -> FastCheck:
    """The check of the object at `loc`: a nested object's, or an item's of an array of
    objects that no table holds (`headcountForecast.entities[]`)."""
    within_list = False
    for part in loc:
        if isinstance(part, int) and within_list:
            within_list = False
            continue
        nested = check.nested.get(part) if isinstance(part, str) else None
        if nested is None and isinstance(part, str) and part in check.object_lists:
            nested, within_list = check.object_lists[part], True
        if nested is None:
            break
        check = nested
    return check


def structure_issues(payload) -> list[Issue]:
    """Every structure issue of the payload's objects, each table's against its shape;
    computed once per payload, for WFM004, WFM101, WFM102 and WFM104. An object the fast
    check clears is not explained; one a typed reader read had its shape checked then."""
    cached = payload.cache.get("structure")
    if cached is not None:
        return cached
    issues: list[Issue] = []
    counts: Counter = Counter()  # past MAX_PER_RULE of a rule, issues are counted, not kept
    for table_name, shape_name in payload.shapes.items():
        check = FastCheck.of(shape_name)
        table = payload.tables[table_name]
        for row in table.plain_objects():
            obj = table.items[row]
            if payload.detailed or not check.passes(obj):
                for issue in _explain(payload, check, table.pointer(row), obj):
                    counts[issue.code] += 1
                    if counts[issue.code] <= MAX_PER_RULE:
                        issues.append(issue)
    issues += [surplus(code, count - MAX_PER_RULE) for code, count in counts.items() if count > MAX_PER_RULE]
    payload.cache["structure"] = issues
    return issues


def _explain(payload, check: FastCheck, pointer: str, obj: dict) -> list[Issue]:
    """Why an object does not fit its shape, as issues."""
    from .profiles import UPDATE
    from .validate import shape_errors

    issues: list[Issue] = []
    errors = shape_errors(check.name, obj)
    suggested: set[tuple] = set()
    for error in errors:
        if error.type == "extra_forbidden":
            loc = error.loc
            level = _check_at(check, loc[:-1])
            key = str(loc[-1])
            guess = did_you_mean(key, level.field_names())
            if guess is not None:
                suggested.add((*loc[:-1], guess))
            hint = f"; did you mean \"{guess}\"?" if guess else \
                f"; the object accepts: {', '.join(level.field_names())}"
            siblings = _object_at(obj, loc[:-1])
            rename = Fix(f'rename "{key}" to "{guess}"', (Edit("rename", join_pointer(pointer, *loc), guess),),
                         safe=False) if guess is not None and guess not in siblings else None
            issues.append(Issue("WFM104", f"unknown field \"{key}\"{hint}",
                                join_pointer(pointer, *loc), at_key=True, fix=rename))
    for error in errors:
        kind, loc, value = error.type, error.loc, error.input
        if kind == "extra_forbidden" or isinstance(value, (NonStandardNumber, HugeInteger)):
            continue
        name = ".".join(str(part) for part in loc)
        if kind == "missing":
            if loc in suggested:
                continue
            if payload.profile == UPDATE and pointer == "" and loc[0] == "metadata":
                continue  # WFM401 reports the schedule version
            issues.append(Issue("WFM101", f"missing required field \"{name}\"",
                                join_pointer(pointer, *loc[:-1]), about=f"{pointer}#{name}"))
            continue
        value_pointer = join_pointer(pointer, *loc)
        if kind in ("greater_than_equal", "less_than_equal") and out_of_int64(value):
            continue  # WFM004 (`_oversized_integers`)
        if kind == "greater_than_equal" and loc[-1] == "lengthMinutes":
            continue  # a length below int32 is below 1 too: WFM203's (SPEC §9: lengths are WFM203)
        if kind == "int_type" and out_of_int64(value):
            issues.append(Issue("WFM004", f"\"{name}\" is {describe_value(value)}, which does "
                                "not fit a 64-bit integer", value_pointer))
            continue
        issues.append(Issue("WFM102", _type_message(check, loc, name, kind, value, error),
                            value_pointer, fix=_value_fix(check, loc, kind, value, value_pointer)))
    issues.extend(_oversized_integers(check, obj, pointer))
    return issues


def _object_at(obj: Any, loc: tuple) -> Any:
    for part in loc:
        obj = obj[part] if isinstance(obj, dict) and part in obj else \
            obj[part] if isinstance(obj, list) and isinstance(part, int) and part < len(obj) else {}
    return obj if isinstance(obj, dict) else {}


_INTEGER_TEXT = re.compile(r"-?(0|[1-9][0-9]{0,17})")


def _value_fix(check: FastCheck, loc: tuple, kind: str, value: Any, pointer: str) -> Fix | None:
    """The repairs WFM102 can make safely: a bare string put in the `{"value": ...}` (or
    `{"values": [...]}`) wrapper the model requires; an integer written as a string (`"60"`)
    written as the number. The fixer verifies that the result is clean."""
    if not isinstance(value, str):
        return None
    if kind in ("model_type", "dict_type"):
        wrapper = _string_wrapper(check, loc)
        if wrapper is None:
            return None
        inner, listed = wrapper
        before, after = (f'{{"{inner}": [', "]}") if listed else (f'{{"{inner}": ', "}")
        return Fix(f"put the string in the wrapper {before}...{after}", (Edit("wrap", pointer, before, after),))
    if kind in ("int_type", "int_parsing") and _INTEGER_TEXT.fullmatch(value) \
            and -2**31 <= int(value) < 2**31:  # the models' integers are int32
        return Fix(f"write {value} as a number", (Edit("replace", pointer, value),))
    return None


def _string_wrapper(check: FastCheck, loc: tuple) -> tuple[str, bool] | None:
    """When the object expected at `loc` wraps one string (`{"value": "..."}`, a user's
    `{"id": "..."}`) or one list of strings (`{"values": [...]}`): its member's name and
    whether it is the list. None for other objects (a bare string is no part of them)."""
    wrapper = _check_at(check, loc)
    if len(wrapper.allowed) != 1:
        return None
    inner = next(iter(wrapper.allowed))
    if inner in wrapper.string_lists:
        return inner, True
    return (inner, False) if str in wrapper.types[inner] else None


def _oversized_integers(check: FastCheck, obj: dict, pointer: str, prefix: str = "") -> list[Issue]:
    """WFM004 for Python integers beyond 64 bits, which the shapes' `int` accepts; named as
    the other messages name a member of a nested object (`metadata.version`)."""
    found = []
    for name in check.integers & obj.keys():
        value = obj[name]
        if type(value) is int and out_of_int64(value):
            found.append(Issue("WFM004", f"\"{prefix}{name}\" is {value}, which does not fit a 64-bit "
                               "integer", join_pointer(pointer, name)))
    for name, nested in check.nested.items():
        if isinstance(obj.get(name), dict):
            found.extend(_oversized_integers(nested, obj[name], join_pointer(pointer, name), f"{prefix}{name}."))
    return found


def _type_message(check: FastCheck, loc: tuple, name: str, kind: str, value: Any, error: ShapeError) -> str:
    found = describe_value(value)
    wrapper = _string_wrapper(check, loc) if kind in ("model_type", "dict_type") and isinstance(value, str) else None
    if wrapper is not None:
        inner, listed = wrapper
        sample, written = ('["..."]', f"[{_json_text(value)}]") if listed else ('"..."', _json_text(value))
        return (f"\"{name}\" must be a wrapper object {{\"{inner}\": {sample}}}, not a bare "
                f"string; write {{\"{inner}\": {written}}}")
    if kind == "literal_error":
        return f"\"{name}\" must be one of {error.ctx['expected']}, not {found}"
    if kind == "greater_than_equal":
        return f"\"{name}\" must be at least {error.ctx['ge']}, not {found}"
    if kind == "less_than_equal":
        return f"\"{name}\" must be at most {error.ctx['le']}, not {found}"
    expected = _EXPECTED[kind]
    if value is None and not (loc and type(loc[-1]) is int):  # (an array's item is not a member)
        return f"\"{name}\" is required and must be {expected}, not null"
    return f"\"{name}\" must be {expected}, not {found}"


def not_object_issue(pointer: str, expected: str, value: Any) -> Issue:
    return Issue("WFM102", f"expected {expected}, found {describe_value(value)}", pointer)


__all__ = ["FastCheck", "structure_issues", "did_you_mean", "RelatedIssue"]
