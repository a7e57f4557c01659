"""Hostile configuration: only a configuration inside the repository (or named with --config)
applies, every command honours --config, the one in use is named, and broken ones are clear errors.

Each attack is built in a temporary repository (a `.git` folder, a copy of the bundled plans)
with a canary outside it, and runs the real CLI in it (in this process where nothing needs a fresh one: see
tests/helpers/inprocess.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.inprocess import run_here, run_process

CANARY = "hbgcanary-c0nf1g-83b2"


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_here(repo, *args)


def assert_no_canary(result: subprocess.CompletedProcess[str]) -> None:
    assert CANARY not in result.stdout
    assert CANARY not in result.stderr


def test_config_above_the_repository_does_not_apply(repo: Path) -> None:
    """It could switch the gate off (`fail-on = "never"`); its unknown key would be echoed."""
    (repo.parent / "hbg-plan.toml").write_text(f'fail-on = "never"\n{CANARY} = 1\n', encoding="utf-8")
    result = run(repo, "validate", "--gaps", "plans/")
    assert result.returncode == 1  # the bundled plans have gaps, and the default fails on errors
    assert_no_canary(result)


def test_pyproject_in_a_subfolder_of_the_repository_still_applies(repo: Path) -> None:
    (repo / "hbg-plan.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (repo / "sub").mkdir()
    result = run(repo / "sub", "gaps", "--plans", "../plans", "-f", "json")
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.name != "posix", reason="needs symlinks")
def test_config_symlinked_outside_the_repository_is_refused(repo: Path) -> None:
    (repo.parent / "SECRET.toml").write_text(f'{CANARY} = "leaked"\n', encoding="utf-8")
    (repo / "hbg-plan.toml").symlink_to(repo.parent / "SECRET.toml")
    result = run(repo, "gaps")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("hbg-plan: ")
    assert "hbg-plan.toml: configuration not read: it lies outside the repository" in line
    assert_no_canary(result)


def test_plans_dir_outside_the_repository_is_refused(repo: Path) -> None:
    outside = repo.parent / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{CANARY}: leaked\n", encoding="utf-8")
    (repo / "hbg-plan.toml").write_text('plans-dir = "../outside"\n', encoding="utf-8")
    result = run(repo, "validate")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "hbg-plan.toml:1: 'plans-dir' not used: it lies outside the repository" in line
    assert_no_canary(result)


def test_baseline_outside_the_repository_is_refused(repo: Path) -> None:
    (repo.parent / "secret.json").write_text(f'{{"{CANARY}": 1}}', encoding="utf-8")
    (repo / "hbg-plan.toml").write_text('baseline = "../secret.json"\n', encoding="utf-8")
    result = run(repo, "validate", "--gaps", "plans/")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "hbg-plan.toml:1: 'baseline' not used: it lies outside the repository" in line
    assert_no_canary(result)


@pytest.mark.slow  # a fresh process: the hang guard needs one
@pytest.mark.skipif(os.name != "posix", reason="needs FIFOs")
def test_baseline_that_is_a_fifo_does_not_hang(repo: Path) -> None:
    os.mkfifo(repo / "pipe.json")
    (repo / "hbg-plan.toml").write_text('baseline = "pipe.json"\n', encoding="utf-8")
    result = run_process(repo, "validate", "--gaps", "plans/")
    assert result.returncode == 2
    assert "pipe.json: cannot read the baseline: it is not a regular file" in result.stderr


def test_empty_select_is_a_config_error(repo: Path) -> None:
    (repo / "hbg-plan.toml").write_text("select = []\n", encoding="utf-8")
    result = run(repo, "gaps", "-f", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "hbg-plan.toml:1: 'select' is empty, which would turn every rule off" in line


def test_empty_select_per_plan_is_a_config_error_too(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.hbg-plan.per-plan.hbg-2023]\nselect = []\n", encoding="utf-8")
    result = run(repo, "gaps", "--lang", "sv")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "pyproject.toml:2: 'per-plan.hbg-2023.select' är tom" in line


@pytest.mark.parametrize("shape", ["array", "inline-table"])
def test_deeply_nested_toml_is_a_config_error(repo: Path, shape: str) -> None:
    depth = 5000
    value = "[" * depth + "]" * depth if shape == "array" else "{a = " * depth + "1" + "}" * depth
    (repo / "hbg-plan.toml").write_text(f"x = {value}\n", encoding="utf-8")
    result = run(repo, "gaps")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "hbg-plan.toml: tables and arrays nest deeper than 16 levels" in line
    assert "internal error" not in line


COMMANDS = [
    ("validate", "plans/"),
    ("gaps", "hbg-2023"),
    ("summary", "hbg-2023"),
    ("diff", "hbg-2020", "hbg-2023"),
    ("history", "sip"),
    ("show", "sip.kort", "--plan", "hbg-2020"),
    ("report", "hbg-2023", "-o", "out.html"),
    ("rules",),
    ("schema",),
    ("init", "plans/hbg-2025.yaml", "--from", "hbg-2023"),
    ("brief", "hbg-2023"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("where", ["after", "before"])
def test_every_command_honours_config(repo: Path, command: tuple[str, ...], where: str) -> None:
    """A broken file named with --config/-c stops every command: proof that each one reads it."""
    (repo / "ci.toml").write_text('lang = "sv"\nselect = [\n', encoding="utf-8")
    args = (*command, "--config", "ci.toml") if where == "after" else ("-c", "ci.toml", *command)
    result = run(repo, *args)
    assert result.returncode == 2, result
    (line,) = result.stderr.splitlines()
    assert line.startswith("hbg-plan: ci.toml:")
    assert "TOML syntax error" in line
    assert not (repo / "out.html").exists()
    assert not (repo / "plans" / "hbg-2025.yaml").exists()


def test_config_option_replaces_the_lookup(repo: Path) -> None:
    (repo / "hbg-plan.toml").write_text('lang = "sv"\n', encoding="utf-8")
    (repo / "ci.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    result = run(repo, "gaps", "hbg-2023", "-c", "ci.toml")
    assert result.returncode == 0
    assert "ansvarig" not in result.stdout  # the looked-up file (lang = "sv") does not apply


def test_config_option_naming_a_missing_file(repo: Path) -> None:
    result = run(repo, "gaps", "--config", "nope.toml")
    assert result.returncode == 2
    assert result.stderr == "hbg-plan: nope.toml: configuration not read: it does not exist\n"


@pytest.mark.slow  # a fresh process: the hang guard needs one
@pytest.mark.skipif(os.name != "posix", reason="needs FIFOs")
def test_config_option_naming_a_fifo(repo: Path) -> None:
    os.mkfifo(repo / "pipe.toml")
    result = run_process(repo, "gaps", "--config", "pipe.toml")
    assert result.returncode == 2
    assert "pipe.toml: configuration not read: it is not a regular file" in result.stderr


def test_verbose_names_the_config_in_use(repo: Path) -> None:
    (repo / "hbg-plan.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    result = run(repo, "gaps", "hbg-2023", "-v", "-f", "json")
    assert result.returncode == 0
    assert result.stderr == "hbg-plan: configuration: hbg-plan.toml\n"
    assert json.loads(result.stdout)["config"] == "hbg-plan.toml"
    none = run(repo.parent, "validate", str(repo / "plans"), "--verbose", "--lang", "sv")
    assert none.stderr.startswith("hbg-plan: konfiguration: ingen hittades (letade i ")


@pytest.mark.parametrize("command", [("validate", "plans/"), ("gaps", "hbg-2023")], ids=["validate", "gaps"])
def test_json_and_sarif_name_the_config_in_use(repo: Path, command: tuple[str, ...]) -> None:
    (repo / "ci.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    as_json = run(repo, *command, "-f", "json", "-c", "ci.toml")
    assert json.loads(as_json.stdout)["config"] == "ci.toml"
    sarif = json.loads(run(repo, *command, "-f", "sarif", "-c", "ci.toml").stdout)
    assert sarif["runs"][0]["invocations"][0]["properties"]["config"] == "ci.toml"
    without = json.loads(run(repo, *command, "-f", "json").stdout)
    assert without["config"] is None
