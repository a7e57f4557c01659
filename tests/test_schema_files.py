"""Editors: the schema files, the `$schema` comment in every plan, and `hbg-plan schema`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import PLANS, REPO, RunCli

SCHEMAS = REPO / "schemas"
PACKAGED = REPO / "hbg_plan" / "data"
SCHEMA_COMMENT = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")
SCHEMA_FILES = sorted(SCHEMAS.glob("*.json"))


def _bundled_yaml() -> list[Path]:
    return sorted(PLANS.glob("*.yaml"))


def test_schema_files_exist() -> None:
    assert {p.name for p in SCHEMA_FILES} >= {"plan.schema.json", "parties.schema.json"}


@pytest.mark.parametrize("path", _bundled_yaml(), ids=lambda p: p.name)
def test_bundled_file_starts_with_schema_comment(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    expected = "parties.schema.json" if path.name == "parties.yaml" else "plan.schema.json"
    assert first_line == f"# yaml-language-server: $schema=../schemas/{expected}\n"
    match = SCHEMA_COMMENT.fullmatch(first_line)
    assert match is not None
    assert (path.parent / match[1]).resolve() == SCHEMAS / expected


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_editor_copies_equal_packaged_schemas() -> None:
    """schemas/ is what editors read, hbg_plan/data/ what the tool validates with: never apart."""
    assert sorted(p.name for p in SCHEMA_FILES) == sorted(p.name for p in PACKAGED.glob("*.json"))
    for path in SCHEMA_FILES:
        assert path.read_bytes() == (PACKAGED / path.name).read_bytes(), path.name


def _properties(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{pointer}/properties/{name}", sub
        for key, value in node.items():
            yield from _properties(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{pointer}/{i}")


def _resolve(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = schema
    for step in ref.removeprefix("#/").split("/"):
        node = node[step]
    assert isinstance(node, dict)
    return node


def _documentation(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    """Title and description of a property; a bare `$ref` shows its target's, as editors do."""
    merged = dict(prop)
    while "$ref" in prop and not ("title" in merged and "description" in merged):
        prop = _resolve(schema, prop["$ref"])
        merged = {**prop, **merged}
    return merged


def test_every_plan_property_has_title_and_description() -> None:
    schema = json.loads((SCHEMAS / "plan.schema.json").read_text(encoding="utf-8"))
    properties = list(_properties(schema))
    assert len(properties) > 50
    missing = [
        pointer
        for pointer, prop in properties
        if not all(isinstance(_documentation(schema, prop).get(k), str) and _documentation(schema, prop)[k].strip()
                   for k in ("title", "description"))
    ]  # fmt: skip
    assert not missing, missing


def test_schema_command_prints_plan_schema(run_cli: RunCli) -> None:
    result = run_cli("schema")
    assert result.exit_code == 0, result.output
    assert result.stdout == (SCHEMAS / "plan.schema.json").read_text(encoding="utf-8")


def test_schema_command_which_parties(run_cli: RunCli) -> None:
    result = run_cli("schema", "--which", "parties")
    assert result.exit_code == 0, result.output
    assert result.stdout == (SCHEMAS / "parties.schema.json").read_text(encoding="utf-8")


def test_schema_command_writes_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    target.write_text("old", encoding="utf-8")
    result = run_cli("schema", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_bytes() == (SCHEMAS / "plan.schema.json").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.schema.json"]  # no temporary file left


@pytest.mark.parametrize("which", ["diff", "gaps", "history"])
def test_schema_command_output_schemas(run_cli: RunCli, which: str) -> None:
    """The JSON output schemas, once packaged, print like the others; until then a clear refusal."""
    result = run_cli("schema", "--which", which)
    packaged = PACKAGED / f"{which}.schema.json"
    if packaged.is_file():
        assert result.exit_code == 0, result.output
        assert result.stdout == packaged.read_text(encoding="utf-8")
    else:
        assert result.exit_code == 2
        assert f"no {which} schema" in result.stderr
        assert "Traceback" not in result.output


def test_schema_command_refuses_unknown_schema(run_cli: RunCli) -> None:
    result = run_cli("schema", "--which", "nonsense")
    assert result.exit_code == 2
    assert "nonsense" in result.output


def test_schema_command_unwritable_output(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("schema", "--output", str(tmp_path / "missing-folder" / "plan.schema.json"))
    assert result.exit_code == 2
    assert "missing-folder" in result.stderr
