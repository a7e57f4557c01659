"""The GitHub Action (action.yml), tested offline: the file parses, its shell steps run with inputs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PLANS, REPO

ACTION = REPO / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


def _step(name: str) -> dict[str, Any]:
    return next(step for step in _action()["runs"]["steps"] if step.get("name") == name)


def _inputs(**given: str) -> dict[str, str]:
    values = {name: str(spec.get("default", "")) for name, spec in _action()["inputs"].items()}
    unknown = given.keys() - values.keys()
    assert not unknown, unknown
    return values | given


def _evaluate(value: str, inputs: dict[str, str]) -> str:
    """The few expressions the action uses: `inputs.NAME` and `github.action_path`."""

    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        if expression == "github.action_path":
            return str(REPO)
        raise AssertionError(f"expression the test does not know: {expression}")

    return EXPRESSION.sub(one, value)


def _run(step: dict[str, Any], inputs: dict[str, str], cwd: Path, path: str) -> tuple[int, str, str]:
    """Run a step's script in bash as the runner would: its env evaluated, GITHUB_OUTPUT a file."""
    output = cwd / "github-output.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HBG_", "GITHUB_"))}
    env |= {name: _evaluate(str(value), inputs) for name, value in step.get("env", {}).items()}
    env |= {"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(output), "PATH": path, "NO_COLOR": "1"}
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    outputs = output.read_text(encoding="utf-8") if output.exists() else ""
    return done.returncode, done.stdout + done.stderr, outputs


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A checked-out repository that keeps its plans, configuration and baseline as this one does."""
    shutil.copytree(PLANS, tmp_path / "plans")
    for name in ("pyproject.toml", "hbg-plan-baseline.json"):
        shutil.copy2(REPO / name, tmp_path / name)
    return tmp_path


def _venv_path() -> str:
    return os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def test_action_is_a_composite_with_python_install_validate_and_optional_sarif() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in action["runs"]["steps"]]
    assert uses[0].startswith("actions/setup-python@")
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    upload = next(s for s in action["runs"]["steps"] if s.get("uses", "").startswith("github/codeql"))
    assert "always()" in upload["if"] and "inputs.sarif == 'true'" in upload["if"]
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs must reach the script as environment variables"
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.validate.outputs.exit-code }}"


def test_install_step_pip_installs_the_action_folder(tmp_path: Path) -> None:
    shim = tmp_path / "bin"
    shim.mkdir()
    log = tmp_path / "python-args.txt"
    (shim / "python").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\n', encoding="utf-8")
    (shim / "python").chmod(0o755)
    code, output, _ = _run(_step("Install hbg-plan"), _inputs(), tmp_path, f"{shim}{os.pathsep}/usr/bin:/bin")
    assert code == 0, output
    args = log.read_text(encoding="utf-8").split("\n")
    assert args[:3] == ["-m", "pip", "install"]
    assert str(REPO) in args


@pytest.mark.slow  # bash, then hbg-plan in a fresh process
def test_validate_step_passes_the_bundled_plans_with_their_baseline(workspace: Path) -> None:
    code, output, outputs = _run(_step("hbg-plan validate"), _inputs(), workspace, _venv_path())
    assert code == 0, output
    assert "exit-code=0" in outputs
    assert "all valid" in output
    assert "known finding(s) not reported" in output


@pytest.mark.slow  # bash, then hbg-plan in a fresh process
def test_validate_step_fails_with_annotations_and_writes_sarif(workspace: Path) -> None:
    plan = workspace / "plans" / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    needle = "Dialog om suicidprevention ska föras en gång per år"
    plan.write_text(text.replace(needle, needle.replace("en gång", "två gånger")), encoding="utf-8")
    inputs = _inputs(sarif="true", lang="sv", paths="plans")
    code, output, outputs = _run(_step("hbg-plan validate"), inputs, workspace, _venv_path())
    assert code == 1, output
    assert "exit-code=1" in outputs
    assert re.search(r"^::error file=plans/hbg-2020\.yaml,line=\d+,", output, re.MULTILINE), output
    sarif = (workspace / "hbg-plan.sarif").read_text(encoding="utf-8")
    assert '"HBG025"' in sarif


@pytest.mark.slow  # bash, then hbg-plan in a fresh process
def test_gaps_false_and_extra_args(workspace: Path) -> None:
    inputs = _inputs(gaps="false", args="--format json", paths="plans/hbg-2023.yaml")
    code, output, outputs = _run(_step("hbg-plan validate"), inputs, workspace, _venv_path())
    assert code == 0, output
    assert "exit-code=0" in outputs
    assert '"valid": true' in output
    assert "baseline" not in output  # the gap rules did not run
