"""The regular expressions of a user's JSON Schema, run by RE2 (linear time) instead of
Python's backtracking engine.

A schema `pattern` comes from config, which a pull request can change, and it runs against
every string of every payload: `^(a+)+$` on 30 characters took Python's `re` 43 seconds, and
the language server stalled for every document. RE2 answers in time linear in the text,
and its verdict does not depend on the machine (a timeout would). RE2 has no lookaround or
backreference; a schema that uses them is refused with exit 2, never run half-checked. Its
`\\d` and `\\w` are ASCII, as in ECMA-262, which JSON Schema's regexes follow.
"""
from __future__ import annotations

from functools import lru_cache


class UnsupportedPattern(Exception):
    pass


@lru_cache(maxsize=1024)
def compiled(pattern: str):
    import re2

    options = re2.Options()
    options.log_errors = False  # the reason is in our message, not on stderr
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
        raise UnsupportedPattern(f"pattern {pattern!r} cannot be run in linear time ({reason}); "
                                 "lookaround and backreferences are not supported") from None


def _pattern(validator, pattern, instance, schema):
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator, patterns, instance, schema):
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        regex = compiled(pattern)
        for key, value in instance.items():
            if regex.search(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional(instance, schema) -> list:
    properties = schema.get("properties", {})
    patterns = [compiled(p) for p in schema.get("patternProperties", {})]
    return [key for key in instance
            if key not in properties and not any(p.search(key) for p in patterns)]


def _additional_properties(validator, allowed, instance, schema):
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "object"):
        return
    extras = _additional(instance, schema)
    if validator.is_type(allowed, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], allowed, path=extra)
    elif not allowed and extras:
        listed = ", ".join(repr(each) for each in sorted(extras))
        if "patternProperties" in schema:
            verb = "does" if len(extras) == 1 else "do"
            regexes = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
            yield ValidationError(f"{listed} {verb} not match any of the regexes: {regexes}")
        else:
            verb = "was" if len(extras) == 1 else "were"
            yield ValidationError(f"Additional properties are not allowed ({listed} {verb} unexpected)")


def linear_time(cls):
    """`cls` with every keyword that runs a schema regex on instance data given to RE2."""
    from jsonschema.validators import extend

    return extend(cls, {"pattern": _pattern, "patternProperties": _pattern_properties,
                        "additionalProperties": _additional_properties})


def refuse_unrunnable(schema) -> None:
    """UnsupportedPattern for a schema whose regexes RE2 cannot run, or that jsonschema would
    run itself (`patternProperties` under `unevaluatedProperties`), before any is used."""
    stack, uses_unevaluated, uses_patterns = [schema], False, False
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                compiled(node["pattern"])
            if isinstance(node.get("patternProperties"), dict):
                uses_patterns = True
                for pattern in node["patternProperties"]:
                    compiled(pattern)
            uses_unevaluated |= "unevaluatedProperties" in node
            stack.extend(node.values())
    if uses_unevaluated and uses_patterns:
        raise UnsupportedPattern("'patternProperties' together with 'unevaluatedProperties' is "
                                 "not supported (it would run the regexes by backtracking)")
