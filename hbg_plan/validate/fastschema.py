"""A yes/no JSON Schema check compiled to Python code, for the common case of a valid file.

jsonschema's generic validator costs more than parsing the YAML, and almost every file in a
corpus is valid and needs no error detail. This turns the keywords our schemas use into one
Python function per `$ref` target, with the leaf checks written inline. It answers only "valid or
not": on "not", `schema.check` asks jsonschema for the errors, so no message depends on this
module. A schema using any keyword outside the supported set compiles to None and every file goes
through jsonschema, so a schema change can cost speed but never correctness.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "deprecated"}
)
SUPPORTED = ANNOTATIONS | {
    "$ref", "type", "enum", "const", "properties", "additionalProperties", "required", "items",
    "prefixItems", "minItems", "maxItems", "contains", "minContains", "maxContains", "minLength", "maxLength", "pattern", "minimum", "maximum",
    "oneOf", "anyOf", "allOf",
}  # fmt: skip
OBJECT_KEYWORDS = ("properties", "additionalProperties", "required")
ARRAY_KEYWORDS = ("items", "prefixItems", "minItems", "maxItems", "contains")
STRING_KEYWORDS = ("minLength", "maxLength", "pattern")
NUMBER_KEYWORDS = ("minimum", "maximum")


class Unsupported(Exception):
    """The schema uses something this compiler does not implement."""


def _int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _num(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema judges it: True is not 1, but 1 is 1.0."""
    if isinstance(one, bool) or isinstance(two, bool):
        return type(one) is type(two) and one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    if isinstance(one, (list, dict)) or isinstance(two, (list, dict)):
        return False
    return bool(one == two)


# The same type rules as jsonschema's draft 2020-12 type checker, as expressions over `{}`.
TYPE_EXPRESSIONS = {
    "object": "isinstance({}, dict)",
    "array": "isinstance({}, list)",
    "string": "isinstance({}, str)",
    "integer": "_int({})",
    "number": "_num({})",
    "boolean": "isinstance({}, bool)",
    "null": "{} is None",
}


class _Generator:
    """Writes the checking code: `body` returns lines that `return False` when a value fails."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.names: dict[int, str] = {}  # id(schema) → function name
        self.code: list[str] = []
        self.namespace: dict[str, Any] = {"_int": _int, "_num": _num, "_equal": _equal, "_MISSING": object()}
        self.counter = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def constant(self, value: Any) -> str:
        name = self.fresh("K")
        self.namespace[name] = value
        return name

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise Unsupported(ref)
        node = self.root
        for raw in ref[1:].split("/")[1:]:
            step = raw.replace("~1", "/").replace("~0", "~")
            try:
                node = node[int(step)] if isinstance(node, list) else node[step]
            except (KeyError, IndexError, ValueError, TypeError):
                raise Unsupported(ref) from None
        return node

    def function(self, schema: Any) -> str:
        """The name of a function checking `schema`, written once (recursion goes by name)."""
        if id(schema) not in self.names:
            name = self.names[id(schema)] = self.fresh("f")
            body = self.body(schema, "v", "    ")
            self.code += [f"def {name}(v):", *body, "    return True", ""]
        return self.names[id(schema)]

    def body(self, schema: Any, var: str, ind: str) -> list[str]:
        if schema is True:
            return []
        if schema is False:
            return [f"{ind}return False"]
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        if "$id" in schema and schema is not self.root:  # a new base URI for the refs below it
            raise Unsupported("$id")
        lines: list[str] = []
        known = None
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not names or any(n not in TYPE_EXPRESSIONS for n in names):
                raise Unsupported(str(names))
            test = " or ".join(TYPE_EXPRESSIONS[n].format(var) for n in names)
            lines.append(f"{ind}if not ({test}): return False")
            known = names[0] if len(names) == 1 else None
        if "$ref" in schema:
            lines.append(f"{ind}if not {self.function(self.resolve(schema['$ref']))}({var}): return False")
        if "enum" in schema:
            options = list(schema["enum"])
            if all(isinstance(o, str) for o in options):
                lines.append(
                    f"{ind}if not (isinstance({var}, str) and {var} in {self.constant(frozenset(options))}):"
                )
                lines.append(f"{ind}    return False")
            else:
                lines.append(
                    f"{ind}if not any(_equal({var}, o) for o in {self.constant(options)}): return False"
                )
        if "const" in schema:
            lines.append(f"{ind}if not _equal({var}, {self.constant(schema['const'])}): return False")
        lines += self.guarded(schema, var, ind, known, "string", STRING_KEYWORDS, self.string_lines)
        lines += self.guarded(schema, var, ind, known, "number", NUMBER_KEYWORDS, self.number_lines)
        lines += self.guarded(schema, var, ind, known, "object", OBJECT_KEYWORDS, self.object_lines)
        lines += self.guarded(schema, var, ind, known, "array", ARRAY_KEYWORDS, self.array_lines)
        for keyword, joiner, test in (("allOf", " and ", "not ({})"), ("anyOf", " or ", "not ({})"),
                                      ("oneOf", " + ", "({}) != 1")):  # fmt: skip
            if keyword in schema:
                if not schema[keyword]:
                    raise Unsupported(f"empty {keyword}")
                calls = joiner.join(f"{self.function(s)}({var})" for s in schema[keyword])
                lines.append(f"{ind}if {test.format(calls)}: return False")
        return lines

    def guarded(
        self,
        schema: dict[str, Any],
        var: str,
        ind: str,
        known: str | None,
        kind: str,
        keywords: tuple[str, ...],
        write: Callable[[dict[str, Any], str, str], list[str]],
    ) -> list[str]:
        """Keywords that apply only to one JSON type: skipped for values of other types."""
        if not any(k in schema for k in keywords):
            return []
        if known == kind or (kind == "number" and known == "integer"):
            return write(schema, var, ind)
        body = write(schema, var, ind + "    ")
        return [f"{ind}if {TYPE_EXPRESSIONS[kind].format(var)}:", *body] if body else []

    def string_lines(self, schema: dict[str, Any], var: str, ind: str) -> list[str]:
        lines = []
        if "minLength" in schema:
            lines.append(f"{ind}if len({var}) < {int(schema['minLength'])}: return False")
        if "maxLength" in schema:
            lines.append(f"{ind}if len({var}) > {int(schema['maxLength'])}: return False")
        if "pattern" in schema:
            search = self.constant(re.compile(schema["pattern"]).search)
            lines.append(f"{ind}if {search}({var}) is None: return False")
        return lines

    def number_lines(self, schema: dict[str, Any], var: str, ind: str) -> list[str]:
        lines = []
        for keyword, failing in (("minimum", "<"), ("maximum", ">")):
            if keyword in schema:
                limit = schema[keyword]
                if not _num(limit):
                    raise Unsupported(f"{keyword}: {limit!r}")
                lines.append(f"{ind}if {var} {failing} {self.constant(limit)}: return False")
        return lines

    def object_lines(self, schema: dict[str, Any], var: str, ind: str) -> list[str]:
        lines = []
        properties: dict[str, Any] = schema.get("properties", {})
        required = list(schema.get("required", []))
        names = self.constant(frozenset(properties))
        if required:
            lines.append(f"{ind}if not {var}.keys() >= {self.constant(frozenset(required))}: return False")
        extra = schema.get("additionalProperties", True)
        if extra is False:
            lines.append(f"{ind}if not {var}.keys() <= {names}: return False")
        elif extra is not True:
            item = self.fresh("x")
            key = self.fresh("k")
            lines.append(f"{ind}for {key}, {item} in {var}.items():")
            lines.append(f"{ind}    if {key} not in {names}:")
            lines += self.body(extra, item, ind + "        ") or [f"{ind}        pass"]
        for key, sub in properties.items():
            item = self.fresh("x")
            body = self.body(sub, item, ind + "    ")
            if not body:
                continue
            if key in required:
                lines.append(f"{ind}{item} = {var}[{key!r}]")
                lines += [line[4:] for line in body]
            else:
                lines.append(f"{ind}{item} = {var}.get({key!r}, _MISSING)")
                lines.append(f"{ind}if {item} is not _MISSING:")
                lines += body
        return lines

    def array_lines(self, schema: dict[str, Any], var: str, ind: str) -> list[str]:
        lines = []
        if "minItems" in schema:
            lines.append(f"{ind}if len({var}) < {int(schema['minItems'])}: return False")
        if "maxItems" in schema:
            lines.append(f"{ind}if len({var}) > {int(schema['maxItems'])}: return False")
        prefix = list(schema.get("prefixItems", []))
        for index, sub in enumerate(prefix):
            item = self.fresh("x")
            body = self.body(sub, item, ind + "    ")
            if body:
                lines.append(f"{ind}if len({var}) > {index}:")
                lines.append(f"{ind}    {item} = {var}[{index}]")
                lines += body
        if "contains" in schema:  # minContains / maxContains apply only together with contains
            low = int(schema.get("minContains", 1))
            high = schema.get("maxContains")
            count = self.fresh("n")
            test = self.function(schema["contains"])
            lines.append(f"{ind}{count} = sum(1 for x in {var} if {test}(x))")
            lines.append(f"{ind}if {count} < {low}: return False")
            if high is not None:
                lines.append(f"{ind}if {count} > {int(high)}: return False")
        items = schema.get("items", True)
        if items is False:
            lines.append(f"{ind}if len({var}) > {len(prefix)}: return False")
        elif items is not True:
            item = self.fresh("x")
            body = self.body(items, item, ind + "    ")
            if body:
                rest = f"{var}[{len(prefix)}:]" if prefix else var
                lines.append(f"{ind}for {item} in {rest}:")
                lines += body
        return lines


def compile_schema(schema: Any) -> Check | None:
    """A yes/no check equivalent to the schema, or None when the schema needs jsonschema."""
    generator = _Generator(schema)
    try:
        entry = generator.function(schema)
        code = compile("\n".join(generator.code), "<hbg_plan.validate.fastschema>", "exec")
    except (Unsupported, re.error, SyntaxError, RecursionError, TypeError, ValueError):
        return None
    namespace = generator.namespace
    exec(code, namespace)
    check: Check = namespace[entry]
    return check
