"""`hbg-plan validate -` and `hbg-plan gaps -`: a plan from standard input, checked as the file
--stdin-filename names (sources and parties found from its folder), bounded like a file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hbg_plan.cli.root import app
from hbg_plan.io.confine import MAX_FILE_BYTES
from tests.conftest import PLANS, CliResult

PLAN = (PLANS / "hbg-2020.yaml").read_bytes()


def piped(data: bytes, *args: str) -> CliResult:
    result = CliRunner().invoke(app, list(args), input=data, env={"NO_COLOR": "1", "GITHUB_ACTIONS": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr, result.exception)


def test_a_plan_on_standard_input_is_checked_as_the_file_it_stands_for() -> None:
    result = piped(PLAN, "validate", "-", "--stdin-filename", "plans/hbg-2020.yaml", "-f", "json")
    assert result.exit_code == 0, result.output
    [checked] = json.loads(result.stdout)["files"]
    assert (checked["path"], checked["valid"]) == ("plans/hbg-2020.yaml", True)


def test_a_changed_text_is_reported_at_the_stdin_filename_and_nothing_is_written() -> None:
    edited = PLAN.replace("en gång per år".encode(), "två gånger per år".encode(), 1)
    result = piped(edited, "validate", "-", "--stdin-filename", "plans/draft.yaml")
    assert result.exit_code == 1
    [problem] = result.stdout.splitlines()[:-1]
    assert problem.startswith("plans/draft.yaml:") and " error HBG025 " in problem
    assert not (PLANS / "draft.yaml").exists()
    # the next run in the same process reads the files again, not what standard input held
    piped(edited, "validate", "-", "--stdin-filename", "plans/hbg-2020.yaml")
    assert piped(b"", "validate", "plans/hbg-2020.yaml").exit_code == 0


def test_gaps_of_a_plan_on_standard_input_are_the_gaps_of_the_file() -> None:
    from_file = json.loads(piped(b"", "gaps", "hbg-2020", "-f", "json", "--exit-zero").stdout)
    from_stdin = json.loads(
        piped(
            PLAN, "gaps", "-", "--stdin-filename", "plans/hbg-2020.yaml", "-f", "json", "--exit-zero"
        ).stdout
    )
    assert from_stdin["findings"] and from_stdin["findings"] == from_file["findings"]


def test_the_default_stdin_filename_lies_in_the_plans_folder() -> None:
    result = piped(PLAN, "validate", "-", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["path"] == "plans/stdin.yaml"


@pytest.mark.parametrize(
    ("data", "args", "message"),
    [
        (
            PLAN,
            ("--stdin-filename", "/tmp/x.yaml"),
            "--stdin-filename /tmp/x.yaml: den ligger utanför arkivet",
        ),
        (
            PLAN,
            ("--stdin-filename", "../elsewhere.yaml"),
            "--stdin-filename ../elsewhere.yaml: den ligger utanför",
        ),
        (b"#" * (MAX_FILE_BYTES + 1), (), "standard in innehåller mer än 8388608 byte"),
        (PLAN, ("plans/hbg-2023.yaml",), "'-' (läs planen från standard in) måste vara den enda PLAN"),
    ],
    ids=["outside", "parent", "too-large", "not-alone"],
)
@pytest.mark.parametrize("command", ["validate", "gaps"])
def test_standard_input_is_bounded_and_confined(
    data: bytes, args: tuple[str, ...], message: str, command: str
) -> None:
    result = piped(data, command, "-", *args, "--lang", "sv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"hbg-plan: {message}"), result.stderr
    assert not result.stdout


def test_an_invalid_plan_on_standard_input_stops_gaps_with_its_problems() -> None:
    result = piped(b"id: [\n", "gaps", "-", "--stdin-filename", "plans/broken.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("hbg-plan: plans/broken.yaml:")
