"""The compiled yes/no schema check agrees with jsonschema, so a valid verdict never hides an error.

`schema.check` skips jsonschema when the compiled check says a document is valid; if the two ever
disagreed on an invalid document, validate would pass a broken plan.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from hbg_plan.io.load import YamlDocument, load_yaml
from hbg_plan.validate import schema
from hbg_plan.validate.fastschema import compile_schema
from tests.conftest import PLANS

ODD_VALUES: list[Any] = [
    "", "x", "a" * 121, "abc-1", "Abc", "2020", "2020-2022", "20201", "saknas", "not-stated", "subject",
    "short", "HBG101", "hbg101", "0" * 64, 0, -1, 1, 2, 1990, 2101, 1.0, 1.5, True, False, None, [], {},
    ["x"], [1], [1, 2], [1, 2, 3], [0, 5], {"lines": [1, 2]}, {"missing": "saknas"},
]  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _mutate(data: Any, rng: random.Random) -> Any:
    """One to three random edits: replace a value, delete a key or item, add a key, grow a list."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(_paths(data)[1:])
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        node = parent[path[-1]]
        roll = rng.random()
        if roll < 0.4:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif roll < 0.65:
            del parent[path[-1]]
        elif roll < 0.8 and isinstance(node, dict):
            key = rng.choice(["note", "extra", "source", "id", "lines", "quote", "year"])
            node[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif isinstance(node, list):
            node.append(copy.deepcopy(rng.choice(node) if node else rng.choice(ODD_VALUES)))
    return data


@pytest.mark.parametrize(
    ("schema_name", "files"),
    [
        pytest.param(
            schema.PLAN_SCHEMA,
            [p for p in sorted(PLANS.glob("*.yaml")) if p.name != "parties.yaml"],
            marks=pytest.mark.slow,  # 80 mutated copies of whole plans, each checked twice
        ),
        (schema.PARTIES_SCHEMA, [PLANS / "parties.yaml"]),
    ],
)
def test_check_reports_errors_exactly_when_jsonschema_does(schema_name: str, files: list[Path]) -> None:
    documents = [load_yaml(path).data for path in files]
    reference = Draft202012Validator(schema.load_schema(schema_name))
    rng = random.Random(20260601)
    verdicts = set()
    for _ in range(80):
        data = _mutate(rng.choice(documents), rng)
        valid = reference.is_valid(data)
        verdicts.add(valid)
        found = schema.check(YamlDocument("mutated.yaml", data), schema_name)
        assert (not found) == valid, (valid, found[:3])
    assert verdicts == {True, False}  # both kinds of document were tried


KEYWORD_CASES: list[tuple[dict[str, Any], list[Any]]] = [
    ({"type": "integer"}, [1, 1.0, 1.5, True, "1", None]),
    ({"type": ["number", "null"]}, [1, 2.5, None, True, "x"]),
    ({"enum": [1, "a", None]}, [1, 1.0, True, "a", None, "b", [1]]),
    ({"const": [1, {"a": True}]}, [[1, {"a": True}], [1, {"a": 1}], [True, {"a": True}], [1]]),
    ({"minimum": 2, "maximum": 3}, [1, 2, 3.5, "9", True, None]),
    ({"minLength": 2, "maxLength": 3, "pattern": "^a"}, ["a", "ab", "abcd", "ba", 5]),
    ({"minItems": 1, "maxItems": 2, "items": {"type": "string"}}, [[], ["a"], ["a", 1], ["a", "b", "c"], "ab"]),
    ({"prefixItems": [{"type": "integer"}], "items": False}, [[], [1], ["a"], [1, 2]]),
    ({"required": ["a"], "properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}},
     [{"a": "x"}, {"a": "x", "b": 1}, {"a": "x", "b": "y"}, {}, {"a": 1}, []]),
    ({"anyOf": [{"type": "string"}, {"minimum": 3}]}, ["x", 4, 2, None]),
    ({"allOf": [{"type": "integer"}, {"minimum": 3}]}, [4, 2, "x"]),
    ({"oneOf": [{"type": "integer"}, {"minimum": 3}]}, [1, 4, 3.5, "x"]),
    ({"$defs": {"n": {"type": "array", "items": {"$ref": "#/$defs/n"}}}, "$ref": "#/$defs/n"},
     [[], [[]], [[[]], []], [[1]], 1]),
]  # fmt: skip


@pytest.mark.parametrize(("keyword_schema", "instances"), KEYWORD_CASES)
def test_each_keyword_as_jsonschema_reads_it(keyword_schema: dict[str, Any], instances: list[Any]) -> None:
    fast = compile_schema(keyword_schema)
    assert fast is not None
    reference = Draft202012Validator(keyword_schema)
    assert [fast(v) for v in instances] == [reference.is_valid(v) for v in instances]


def test_unknown_keyword_leaves_everything_to_jsonschema() -> None:
    assert compile_schema({"type": "array", "uniqueItems": True}) is None
    assert compile_schema({"$ref": "other.json#/x"}) is None
