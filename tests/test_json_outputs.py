"""Every JSON output has the same envelope and validates against its schema in schemas/."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from hbg_plan import __version__
from tests.conftest import DATA, PLANS, REPO, RunCli

SCHEMAS = REPO / "schemas"


def _check(document: Any, kind: str) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator = validator_for(schema)
    validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(schema).iter_errors(document)]
    assert not errors, errors[:5]


JSON_CASES = [
    ("validate", ("validate", str(PLANS))),
    ("validate", ("validate", "--gaps", "--no-baseline", str(PLANS))),
    ("validate", ("validate", str(DATA / "hostile"), "nowhere.yaml")),
    ("gaps", ("gaps", "--lang", "sv")),
    ("diff", ("diff", "hbg-2015", "hbg-2020", "hbg-2023")),
    ("history", ("history", "sip")),
    ("brief", ("brief", "hbg-2023")),
    ("summary", ("summary", "hbg-2023", "--lang", "sv")),
    ("summary", ("summary", "hbg-2015", "--by", "focus-area")),
    ("summary", ("summary", "hbg-2023", "--by", "unit")),
    ("show", ("show", "sip")),
    ("show", ("show", "sip.kort", "--plan", "hbg-2020")),
    ("rules", ("rules",)),
    ("rules", ("rules", "HBG025", "--lang", "sv")),
]


@pytest.mark.parametrize(("kind", "args"), JSON_CASES)
def test_json_output_validates_against_its_schema(run_cli: RunCli, kind: str, args: tuple[str, ...]) -> None:
    result = run_cli(*args, "--format", "json")
    assert result.exit_code in (0, 1, 2), result.output
    document = json.loads(result.stdout)
    _check(document, kind)
    lang = "sv" if "sv" in args else "en"
    assert list(document)[:5] == ["tool", "tool_version", "kind", "version", "lang"]
    assert (document["tool"], document["tool_version"], document["kind"], document["lang"]) == (
        "hbg-plan",
        __version__,
        kind,
        lang,
    )


def test_every_command_with_json_output_has_a_schema_and_a_case_above(run_cli: RunCli) -> None:
    """A new command (or a new json format) fails here until its schema and a case exist."""
    from hbg_plan.cli.root import app

    covered = {kind for kind, _ in JSON_CASES}
    offering = set()
    for info in app.registered_commands:
        help_text = run_cli(str(info.name), "--help", env={"COLUMNS": "300"}).stdout
        choices = re.search(r"--format[^<\n]*<([\w|]+)>", help_text)
        if choices and "json" in choices.group(1).split("|"):
            offering.add(str(info.name))
    assert offering == covered
    for kind in offering:
        assert (SCHEMAS / f"{kind}.schema.json").is_file()
        packaged = REPO / "hbg_plan" / "data" / f"{kind}.schema.json"
        assert packaged.read_text(encoding="utf-8") == (SCHEMAS / f"{kind}.schema.json").read_text(
            encoding="utf-8"
        )
        assert json.loads(run_cli("schema", "--which", kind).stdout)["properties"]["kind"]["const"] == kind


def test_validate_schema_is_packaged_and_printed(run_cli: RunCli) -> None:
    packaged = REPO / "hbg_plan" / "data" / "validate.schema.json"
    assert packaged.read_text(encoding="utf-8") == (SCHEMAS / "validate.schema.json").read_text(
        encoding="utf-8"
    )
    result = run_cli("schema", "--which", "validate")
    assert json.loads(result.stdout)["properties"]["kind"] == {
        "const": "validate",
        "description": "What the document holds.",
    }


def test_validate_json_of_a_cross_file_problem(run_cli: RunCli, plans_copy: Path) -> None:
    import shutil

    shutil.copy2(plans_copy / "hbg-2020.yaml", plans_copy / "kopia.yaml")
    document = json.loads(run_cli("validate", str(plans_copy), "-f", "json").stdout)
    _check(document, "validate")
    [duplicate] = [d for f in document["files"] for d in f["diagnostics"] if d["code"] == "HBG020"]
    assert duplicate["file"].endswith("kopia.yaml") and duplicate["related"]["file"].endswith("hbg-2020.yaml")
