"""Problems between two files are reported at the file that changed (hbg_plan/validate/attribution.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunCli

SOURCE_2020 = "sources/002_1aca388ac409bdea.txt"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(plans_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = plans_copy.parent
    _git(root, "init", "--quiet")
    _git(root, "add", "--all")
    _git(root, "commit", "--quiet", "-m", "plans")
    monkeypatch.chdir(root)
    return root


def test_a_copy_named_otherwise_gets_the_duplicate_id_without_git(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plans_copy.parent)
    shutil.copy2(plans_copy / "hbg-2020.yaml", plans_copy / "a-kopia.yaml")  # sorts first
    result = run_cli("validate", "plans")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "HBG020" in line]
    assert lines == [
        "plans/a-kopia.yaml:3:5: error HBG020 plan id 'hbg-2020' is also used by plans/hbg-2020.yaml [/id]"
    ]


def test_with_changed_the_new_file_gets_it_even_when_named_after_the_id(run_cli: RunCli, repo: Path) -> None:
    # The committed file is renamed away and a new file takes the id's name: git says which is new.
    _git(repo, "mv", "plans/hbg-2020.yaml", "plans/aldre.yaml")
    _git(repo, "commit", "--quiet", "-m", "rename")
    shutil.copy2(repo / "plans" / "aldre.yaml", repo / "plans" / "hbg-2020.yaml")
    plain = run_cli("validate", "plans")
    assert "plans/aldre.yaml:3:5: error HBG020" in plain.stdout  # by name, without git
    changed = run_cli("validate", "--changed", "plans")
    assert "plans/hbg-2020.yaml:3:5: error HBG020 plan id 'hbg-2020' is also used by plans/aldre.yaml" in (
        changed.stdout
    )
    assert "aldre.yaml:3:5: error" not in changed.stdout


def test_removed_party_is_one_error_at_the_registry(run_cli: RunCli, repo: Path) -> None:
    registry = repo / "plans" / "parties.yaml"
    text = registry.read_text(encoding="utf-8")
    block = "  - id: sff\n    name: Skol- och fritidsförvaltningen\n    abbreviation: SFF\n"
    assert block in text
    registry.write_text(
        text.replace(block + "    type: municipal-department\n    part_of: helsingborgs-stad\n", "")
    )
    plain = run_cli("validate", "plans")
    # each reference, at the plans (18 since the responsible re-read of issue 16), and the registry's
    # own part_of of the unit elevhalsan
    assert plain.stdout.count("HBG021") == 19
    changed = run_cli("validate", "--changed", "plans", "--lang", "sv")
    assert changed.exit_code == 1
    errors = [line for line in changed.stdout.splitlines() if " fel HBG" in line]
    assert len(errors) == 2
    assert errors[0].startswith("plans/parties.yaml:4:1: fel HBG021 parten 'sff' finns inte i registret")
    assert "18 hänvisningar" in errors[0]
    assert "parten 'elevhalsan' ingår i den okända parten 'sff'" in errors[1]


def test_changed_source_is_reported_at_the_source_text(run_cli: RunCli, repo: Path) -> None:
    with (repo / "plans" / SOURCE_2020).open("a", encoding="utf-8") as handle:
        handle.write("En rad till.\n")
    changed = run_cli("validate", "--changed", "plans", "--format", "json")
    assert changed.exit_code == 1
    assert f'"file": "plans/{SOURCE_2020}"' in changed.stdout
    # Both the plan and its source changed: the plan is where the checksum is updated.
    plan = repo / "plans" / "hbg-2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    both = run_cli("validate", "--changed", "plans")
    assert "plans/hbg-2020.yaml:11:11: error HBG023" in both.stdout


def test_changed_outside_a_git_work_tree_is_plain_validation(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plans_copy.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(plans_copy.parent.parent))
    result = run_cli("validate", "--changed", "plans")
    assert result.exit_code == 0, result.output
