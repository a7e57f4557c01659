"""validate: plans named by id (with "did you mean"), --output-format, --exit-zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, RunCli


@pytest.fixture(autouse=True)
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_validate_accepts_a_plan_id(run_cli: RunCli) -> None:
    result = run_cli("validate", "hbg-2020", "--format", "json")
    assert result.exit_code == 0, result.output
    [checked] = json.loads(result.stdout)["files"]
    assert (checked["path"], checked["valid"]) == ("plans/hbg-2020.yaml", True)


def test_a_misspelled_id_gets_did_you_mean_in_swedish(run_cli: RunCli) -> None:
    result = run_cli("validate", "hbg-202", "--lang", "sv")
    assert result.exit_code == 2
    assert result.stderr.startswith("hbg-plan: 'hbg-202' är varken en planfil eller id för en plan i plans")
    assert "menade du: hbg-2023, hbg-2020" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_file_is_still_a_missing_file(run_cli: RunCli) -> None:
    result = run_cli("validate", "plans/hbg-2099.yaml")
    assert result.exit_code == 2
    assert "plans/hbg-2099.yaml: error HBG001 no such file or directory" in result.stdout


def test_output_format_is_an_alias_of_format(run_cli: RunCli) -> None:
    alias = run_cli("validate", "hbg-2023", "--output-format", "json")
    assert json.loads(alias.stdout)["kind"] == "validate"


def test_exit_zero_reports_but_does_not_fail(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("en gång per år", "två gånger per år", 1))
    failing = run_cli("validate", str(plan))
    assert failing.exit_code == 1
    zero = run_cli("validate", str(plan), "--exit-zero")
    assert zero.exit_code == 0
    assert zero.stdout == failing.stdout
    assert run_cli("validate", "nowhere.yaml", "--exit-zero").exit_code == 2  # usage errors still count


def test_gaps_exit_zero_and_output_format(run_cli: RunCli) -> None:
    failing = run_cli("gaps", "hbg-2020", "--output-format", "json")
    assert failing.exit_code == 1
    assert json.loads(failing.stdout)["kind"] == "gaps"
    assert run_cli("gaps", "hbg-2020", "--exit-zero").exit_code == 0
    diff = run_cli("diff", "hbg-2020", "hbg-2023", "--output-format", "json")
    assert json.loads(diff.stdout)["kind"] == "diff"


@pytest.mark.parametrize("command", ["validate", "gaps", "diff"])
def test_help_shows_plan_placeholders_without_python_types(run_cli: RunCli, command: str) -> None:
    usage = run_cli(command, "--help").stdout.splitlines()[0]
    assert "PLAN" in usage
    assert "list[str]" not in usage and "PLAN-or-PATH" not in usage


def test_a_name_like_no_plan_id_is_a_missing_path_in_the_report(run_cli: RunCli) -> None:
    result = run_cli("validate", "nowhere", "--format", "json")
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["file"], problem["code"]) == ("nowhere", "HBG001")
