"""`validate --format github|sarif|junit`: each output read back by what consumes it in CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.conftest import DATA, RunCli

SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"
PARTY_ENTRY = '{party: sof, basis: subject, quote: "Socialförvaltningen"}'
DIALOG = "Dialog om suicidprevention ska föras en gång per år på arbetsplatsträffar."  # source line 18


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


@pytest.fixture
def workdir(plans_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the folder holding plans/, so paths are relative as in a CI checkout."""
    monkeypatch.chdir(plans_copy.parent)
    return plans_copy.parent


@pytest.fixture
def broken(workdir: Path) -> Path:
    """hbg-2020 with exactly two errors: a text changed from its source and an unknown party id."""
    plan = workdir / "plans" / "hbg-2020.yaml"
    _edit(plan, DIALOG, DIALOG.replace("en gång", "två gånger"))
    _edit(plan, PARTY_ENTRY, PARTY_ENTRY.replace("party: sof,", "party: sofx,"))
    assert _line_of(plan, "två gånger") < _line_of(plan, "party: sofx")
    return plan


# --- github -------------------------------------------------------------------------------------


def test_github_annotations_escape_message_and_properties(run_cli: RunCli, workdir: Path) -> None:
    plan = workdir / "plans" / "plan,v1:draft.yaml"
    (workdir / "plans" / "hbg-2020.yaml").rename(plan)
    _edit(plan, "schema_version: 2\n", 'schema_version: 2\n"50%\\r\\nnyckel: x": 1\n')
    result = run_cli("validate", "--format", "github", "plans/plan,v1:draft.yaml")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    key_line = _line_of(plan, '"50%')
    assert lines[0] == (
        f"::error file=plans/plan%2Cv1%3Adraft.yaml,line={key_line},col=1,title=HBG010 schema::"
        "unknown key '50%25%0D%0Anyckel: x' [/50%25%0D%0Anyckel: x]"
    )
    assert len(lines) == 2  # the one annotation and the summary line
    assert lines[1] == "1 file(s) checked: 1 error(s), 0 warning(s) in 1 file(s)"


def test_github_one_annotation_per_diagnostic(run_cli: RunCli, broken: Path) -> None:
    result = run_cli("validate", "--format", "github", "plans")
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    text_line = _line_of(broken, "två gånger")
    party_line = _line_of(broken, "party: sofx")
    assert annotations[0].startswith(f"::error file=plans/hbg-2020.yaml,line={text_line},col=")
    assert (
        ",title=HBG025 not-verbatim::text not found verbatim in sources/002_1aca388ac409bdea.txt lines "
        in annotations[0]
    )
    assert annotations[1].startswith(f"::error file=plans/hbg-2020.yaml,line={party_line},col=")
    assert ",title=HBG021 unknown-party::unknown party 'sofx'" in annotations[1]
    assert len(annotations) == 2
    assert result.stdout.splitlines()[-1].startswith("6 file(s) checked: 2 error(s)")


def test_github_actions_environment_selects_github_format(run_cli: RunCli, broken: Path) -> None:
    in_ci = run_cli("validate", "plans", env={"GITHUB_ACTIONS": "true"})
    assert in_ci.stdout.startswith("::error file=plans/hbg-2020.yaml,line=")
    local = run_cli("validate", "plans")
    assert local.stdout.startswith("plans/hbg-2020.yaml:")
    assert "::error" not in local.stdout
    forced = run_cli("validate", "--format", "text", "plans", env={"GITHUB_ACTIONS": "true"})
    assert "::error" not in forced.stdout


def test_github_path_problem_has_no_line(run_cli: RunCli, workdir: Path) -> None:
    result = run_cli("validate", "--format", "github", "plans/missing.yaml", "--lang", "sv")
    assert result.exit_code == 2
    assert (
        result.stdout.splitlines()[0]
        == "::error file=plans/missing.yaml,title=HBG001 unreadable-path::filen eller mappen finns inte"
    )


# --- sarif --------------------------------------------------------------------------------------


def _sarif_validator() -> Any:
    from jsonschema.validators import validator_for

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


def test_sarif_validates_against_the_sarif_schema(run_cli: RunCli, broken: Path) -> None:
    spaced = broken.parent / "ny plan å.yaml"
    spaced.write_text("schema_version: 2\nschema_version: 2\n", encoding="utf-8")  # duplicate key
    result = run_cli("validate", "--format", "sarif", "plans", "plans/none.yaml")
    assert result.exit_code == 2  # plans/none.yaml does not exist
    log = json.loads(result.stdout)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, [e.message for e in errors[:5]]

    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in results})
    assert {r["ruleId"] for r in results} == {"HBG001", "HBG004", "HBG021", "HBG025"}
    for result_item in results:
        assert rules[result_item["ruleIndex"]]["id"] == result_item["ruleId"]
        assert result_item["level"] == "error"
    assert all(rule["shortDescription"]["text"] for rule in rules)

    by_uri: dict[str, list[dict[str, Any]]] = {}
    for item in results:
        location = item["locations"][0]["physicalLocation"]
        by_uri.setdefault(location["artifactLocation"]["uri"], []).append(location)
    assert set(by_uri) == {"plans/hbg-2020.yaml", "plans/ny%20plan%20%C3%A5.yaml", "plans/none.yaml"}
    assert unquote("plans/ny%20plan%20%C3%A5.yaml") == "plans/ny plan å.yaml"
    regions = [loc["region"] for loc in by_uri["plans/hbg-2020.yaml"]]
    assert regions[0]["startLine"] == _line_of(broken, "två gånger")
    assert regions[1]["startLine"] == _line_of(broken, "party: sofx")
    assert "region" not in by_uri["plans/none.yaml"][0]  # a path problem has no line
    assert [loc["region"] for loc in by_uri["plans/ny%20plan%20%C3%A5.yaml"]] == [
        {"startLine": 2, "startColumn": 1}
    ]


def test_sarif_clean_run(run_cli: RunCli, workdir: Path) -> None:
    result = run_cli("validate", "--format", "sarif", "plans", "--lang", "sv")
    assert result.exit_code == 0, result.output
    log = json.loads(result.stdout)
    assert not list(_sarif_validator().iter_errors(log))
    run = log["runs"][0]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []
    assert run["tool"]["driver"]["name"] == "hbg-plan"


def test_sarif_messages_follow_lang(run_cli: RunCli, broken: Path) -> None:
    result = run_cli("validate", "--format", "sarif", "--lang", "sv", "plans")
    log = json.loads(result.stdout)
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert texts[0].startswith("texten finns inte ordagrant i sources/002_1aca388ac409bdea.txt rad ")
    assert texts[1].startswith("okänd part 'sofx'")


# --- junit --------------------------------------------------------------------------------------


def _cases(path: Path) -> list[Any]:
    from junitparser import JUnitXml, TestSuite

    xml = JUnitXml.fromfile(str(path))
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    assert len(suites) == 1
    return list(suites[0])


def test_junit_one_case_per_diagnostic_and_per_clean_file(
    run_cli: RunCli, broken: Path, workdir: Path
) -> None:
    from junitparser import Failure, JUnitXml

    report = workdir / "junit.xml"
    result = run_cli("validate", "--format", "junit", "--output", str(report), "plans")
    assert result.exit_code == 1
    assert result.stdout == ""
    yaml_files = sorted(str(p.relative_to(workdir)) for p in (workdir / "plans").glob("*.yaml"))
    cases = _cases(report)
    assert {c.classname for c in cases} == {"hbg-plan.validate"}
    passing = sorted(c.name for c in cases if c.is_passed)
    assert passing == [f for f in yaml_files if f != "plans/hbg-2020.yaml"]  # a clean file is one case
    failing = [c for c in cases if c.result]
    assert all(len(c.result) == 1 and isinstance(c.result[0], Failure) for c in failing)
    failures = [c.result[0] for c in failing]
    text_line = _line_of(broken, "två gånger")
    party_line = _line_of(broken, "party: sofx")
    assert failures[0].message.startswith(f"plans/hbg-2020.yaml:{text_line}:")
    assert " HBG025 text not found verbatim in sources/002_1aca388ac409bdea.txt lines " in failures[0].message
    assert failures[0].type == "HBG025"
    assert failing[0].name == failures[0].message  # the case is named after its finding
    assert failures[1].message.startswith(f"plans/hbg-2020.yaml:{party_line}:")
    assert " HBG021 unknown party 'sofx'" in failures[1].message
    assert len(failures) == 2
    assert {c._elem.get("file") for c in failing} == {"plans/hbg-2020.yaml"}

    xml = JUnitXml.fromfile(str(report))
    suite = next(iter(xml))
    tests = len(yaml_files) - 1 + 2
    assert (suite.tests, suite.failures, suite.errors) == (tests, 2, 0)
    assert (xml.tests, xml.failures, xml.errors) == (tests, 2, 0)
    assert xml.tests - xml.failures - xml.errors == len(passing)  # counts add up


def test_junit_path_problem_is_an_error_case(run_cli: RunCli, workdir: Path) -> None:
    from junitparser import Error

    report = workdir / "junit.xml"
    result = run_cli(
        "validate", "--format", "junit", "--output", str(report), "plans/hbg-2020.yaml", "nowhere"
    )
    assert result.exit_code == 2
    cases = {c.name: c for c in _cases(report)}
    assert set(cases) == {"plans/hbg-2020.yaml", "nowhere HBG001 no such file or directory"}
    assert cases["plans/hbg-2020.yaml"].is_passed
    [error] = cases["nowhere HBG001 no such file or directory"].result
    assert isinstance(error, Error)
    assert error.message == "nowhere HBG001 no such file or directory"


def test_junit_survives_control_characters(run_cli: RunCli, workdir: Path) -> None:
    plan = workdir / "plans" / "hbg-2020.yaml"
    _edit(plan, "schema_version: 2\n", 'schema_version: 2\n"bell\\akey": 1\n')
    report = workdir / "junit.xml"
    result = run_cli("validate", "--format", "junit", "--output", str(report), "plans/hbg-2020.yaml")
    assert result.exit_code == 1
    [case] = _cases(report)
    [failure] = case.result
    line = _line_of(plan, '"bell')
    assert failure.message == f"plans/hbg-2020.yaml:{line}:1 HBG010 unknown key 'bell\\x07key'"  # escaped


def test_warning_keeps_its_level_in_every_format(run_cli: RunCli, workdir: Path) -> None:
    """hbg-2023 replaces hbg-2020 (plans/hbg-2023.yaml line 13); without hbg-2020 that is a warning."""
    (workdir / "plans" / "hbg-2020.yaml").unlink()
    line = _line_of(workdir / "plans" / "hbg-2023.yaml", "replaces: hbg-2020")
    github_out = run_cli("validate", "--format", "github", "plans")
    assert github_out.exit_code == 0, github_out.output
    assert github_out.stdout.startswith(f"::warning file=plans/hbg-2023.yaml,line={line},col=")
    log = json.loads(run_cli("validate", "--format", "sarif", "plans").stdout)
    [result] = log["runs"][0]["results"]
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert (result["ruleId"], result["level"]) == ("HBG026", "warning")
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert not list(_sarif_validator().iter_errors(log))
