"""JSON Schema checking with errors mapped back to YAML lines, in the user's language.

jsonschema's messages quote whole subtrees ("{...} is not valid under any of the given
schemas"); plan authors need "missing required key 'indicators'" at the goal's line. Each error
is rewritten from its validator keyword and located through the document's node marks.
"""

from __future__ import annotations

import difflib
import itertools
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from hbg_plan.core.problem import Diagnostic, Location
from hbg_plan.core.text import Text, did_you_mean
from hbg_plan.io.load import YamlDocument, clip, to_pointer
from hbg_plan.validate.fastschema import compile_schema

PLAN_SCHEMA = "plan.schema.json"
PARTIES_SCHEMA = "parties.schema.json"
SCHEMA_CODE = "HBG010"
MAX_SCHEMA_DIAGNOSTICS = 1000  # collecting more costs seconds and memory and helps nobody

PATTERN_NAMES = {
    "^[a-z0-9][a-z0-9._-]*(?!\\n)$": "pattern.id",
    "^[0-9]{4}(?!\\n)$": "pattern.year",
    "^[0-9]{4}(-[0-9]{4})?(?!\\n)$": "pattern.period",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?!\\n)$": "pattern.date",
    "^[0-9a-f]{64}(?!\\n)$": "pattern.sha256",
    "^HBG[0-9]{3}(?!\\n)$": "pattern.code",
}


def schema_text(name: str) -> str:
    return resources.files("hbg_plan").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema


@cache
def _validator(name: str) -> Any:
    """The compiled validator, built once per run: building it dominates small runs."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


@cache
def _fast_check(name: str) -> Callable[[Any], bool] | None:
    """A compiled yes/no check that spares jsonschema on valid files (see fastschema)."""

    return compile_schema(load_schema(name))


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + '…"'


def check(doc: YamlDocument, schema_name: str = PLAN_SCHEMA) -> list[Diagnostic]:
    """Schema diagnostics for `doc`, in line order."""
    fast = _fast_check(schema_name)
    if fast is not None and fast(doc.data):
        return []
    if schema_name == PLAN_SCHEMA and isinstance(doc.data, dict) and _is_v1(doc.data.get("schema_version")):
        return [Diagnostic(SCHEMA_CODE, "schema.v1", doc.location(["schema_version"]), {"file": doc.file})]
    found = (d for error in _validator(schema_name).iter_errors(doc.data) for d in _diagnose(doc, error))
    diagnostics = list(itertools.islice(_unique(found), MAX_SCHEMA_DIAGNOSTICS + 1))
    diagnostics.sort(key=lambda d: d.where.sort_key())
    if len(diagnostics) > MAX_SCHEMA_DIAGNOSTICS:  # a broken or foreign file: stop, and say so first
        del diagnostics[MAX_SCHEMA_DIAGNOSTICS:]
        where = Location(doc.file, 1, 1)
        diagnostics.insert(
            0, Diagnostic(SCHEMA_CODE, "schema.too_many", where, {"limit": MAX_SCHEMA_DIAGNOSTICS})
        )
    return diagnostics


def _is_v1(version: Any) -> bool:
    return type(version) is int and version == 1


def _unique(diagnostics: Iterator[Diagnostic]) -> Iterator[Diagnostic]:
    """Each problem once: jsonschema reports every missing key separately, and each report names all."""
    seen: set[tuple[str, Location, str]] = set()
    for d in diagnostics:
        key = (d.message_id, d.where, repr(sorted(d.args.items())))
        if key not in seen:
            seen.add(key)
            yield d


def _diagnose(doc: YamlDocument, error: Any) -> Iterator[Diagnostic]:
    path = list(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    where = doc.location(path)
    if keyword == "required":
        missing = [key for key in error.validator_value if isinstance(instance, dict) and key not in instance]
        for key in missing or error.validator_value[:1]:
            yield Diagnostic(SCHEMA_CODE, "schema.required", _with_pointer(where, [*path, key]), {"key": key})
        return
    if keyword == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            yield Diagnostic(
                SCHEMA_CODE,
                "schema.additional",
                doc.location([*path, key], key=True),
                {
                    "key": clip(key),
                    "suggestion": did_you_mean(close[0]) if close else "",
                },
            )
        return
    if keyword == "oneOf":
        field_name = str(path[-1]) if path else "value"
        inside = [e for e in error.context or () if len(e.absolute_path) > len(path)]
        if inside:  # the shape fits one branch; what is wrong lies inside (a basis, an empty text)
            for inner in inside:
                yield from _diagnose(doc, inner)
            return
        branch = _branch_errors(error)
        if field_name not in ("indicators", "responsible") and branch:
            for inner in branch:
                yield from _diagnose(doc, inner)
            return
        best = _best_match(error)
        if field_name in ("indicators", "responsible") or best is None:
            yield Diagnostic(SCHEMA_CODE, "schema.one_of", where, {"what": field_name})
        else:
            yield from _diagnose(doc, best)
        return
    if keyword == "anyOf":
        branch = _branch_errors(error)
        if branch:
            for inner in branch:
                yield from _diagnose(doc, inner)
            return
    if keyword == "type":
        expected = error.validator_value
        expected_list = expected if isinstance(expected, list) else [expected]
        actual = _type_name(instance)
        original = doc.original_text(path)
        hint = (
            Text("schema.quote_hint")
            if "string" in expected_list and actual in ("boolean", "integer", "number", "null")
            else ""
        )
        yield Diagnostic(
            SCHEMA_CODE,
            "schema.type",
            where,
            {
                "expected": Text.one_of(*(f"type.{t}" for t in expected_list)),
                "actual": Text(f"type.{actual}"),
                "value": clip(original) if original is not None else _short(instance),
                "quote_hint": hint,
            },
        )
        return
    if keyword == "items" and error.validator_value is False:  # `items: false` after prefixItems: too long
        yield Diagnostic(
            SCHEMA_CODE, "schema.max_items", where, {"limit": len(error.schema.get("prefixItems", ()))}
        )
        return
    value = error.validator_value
    simple: dict[str, tuple[str, Any]] = {
        "enum": ("schema.enum", lambda: {"value": _short(instance), "allowed": ", ".join(map(str, value))}),
        "const": ("schema.const", lambda: {"value": _short(instance), "expected": _short(value)}),
        "minItems": ("schema.min_items", lambda: {"limit": value}),
        "maxItems": ("schema.max_items", lambda: {"limit": value}),
        "minLength": ("schema.min_length", dict),
        "minimum": ("schema.minimum", lambda: {"value": _short(instance), "limit": value}),
        "maximum": ("schema.maximum", lambda: {"value": _short(instance), "limit": value}),
    }
    if keyword in simple:
        message_id, make_args = simple[keyword]
        yield Diagnostic(SCHEMA_CODE, message_id, where, make_args())
        return
    if keyword == "pattern":
        name = PATTERN_NAMES.get(error.validator_value)
        what: Any = Text(name) if name else Text("pattern.other", {"pattern": error.validator_value})
        yield Diagnostic(SCHEMA_CODE, "schema.pattern", where, {"value": _short(instance), "what": what})
        return
    yield Diagnostic(SCHEMA_CODE, "schema.other", where, {"detail": error.message})


def _branch_type(branch: Any) -> str | None:
    """The JSON type a oneOf/anyOf branch accepts, following a local `$ref` into the plan schema."""
    if not isinstance(branch, dict):
        return None
    if isinstance(branch.get("type"), str):
        return str(branch["type"])
    ref = branch.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = load_schema(PLAN_SCHEMA).get("$defs", {}).get(ref[len("#/$defs/") :])
        return _branch_type(target)
    return None


def _branch_errors(error: Any) -> list[Any]:
    """For a value no branch of a oneOf/anyOf accepts: the errors of the branch meant for its type.

    `texts: []` is a list, so what is wrong is the list branch's "at least 1 item", not that it
    is not a {missing: saknas} mapping; `42` among indicator texts is best told it is not a text.
    """
    actual = _type_name(error.instance)
    branches = error.validator_value if isinstance(error.validator_value, list) else []
    types = [_branch_type(b) for b in branches]
    wanted = next((i for i, t in enumerate(types) if t == actual), None)
    if actual == "object" and "missing" not in error.instance:  # a mapping, but not an absence marker
        wanted = next((i for i, t in enumerate(types) if t == "array"), wanted)
    if wanted is None and actual not in ("object", "array"):
        wanted = next((i for i, t in enumerate(types) if t == "string"), None)
    if wanted is None:
        return []
    return [e for e in error.context or () if e.relative_schema_path and e.relative_schema_path[0] == wanted]


def _best_match(error: Any) -> Any:
    from jsonschema.exceptions import best_match

    return best_match(error.context) if error.context else None


def _with_pointer(where: Location, path: list[Any]) -> Location:
    return Location(where.file, where.line, where.column, to_pointer(path))
