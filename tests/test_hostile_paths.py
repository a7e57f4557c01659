"""Bad paths on the command line: each gets a clear message and exit 2, and nothing is skipped
silently. Files are made in tmp_path at test time (links, FIFOs and permissions do not travel
well in git)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS, RunCli

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX links, FIFOs and permissions")


def _permissions_bite(path: Path) -> bool:
    """False when this user reads `path` despite chmod 000 (root, CAP_DAC_OVERRIDE)."""
    try:
        if path.is_dir():
            os.listdir(path)
        else:
            path.read_bytes()
    except PermissionError:
        return True
    return False


def test_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "saknas.yaml"
    result = run_cli("validate", str(missing))
    assert result.exit_code == 2
    assert f"{missing}: error HBG001 no such file or directory" in result.output
    assert "0 file(s) checked" in result.output


def test_missing_file_next_to_a_good_one_still_checks_the_good_one(run_cli: RunCli, plans_copy: Path) -> None:
    result = run_cli("validate", str(plans_copy / "hbg-2015.yaml"), str(plans_copy / "saknas.yaml"))
    assert result.exit_code == 2
    assert "saknas.yaml: error HBG001 no such file or directory" in result.output
    assert "1 file(s) checked" in result.output


def test_folder_without_plans(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("inga planer här\n", encoding="utf-8")
    (tmp_path / ".hidden.yaml").write_text("schema_version: 2\n", encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}: error HBG001 no plan files (*.yaml, *.yml) found" in result.output


@posix_only
def test_unreadable_file(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2015.yaml"
    plan.chmod(0)
    try:
        if not _permissions_bite(plan):
            pytest.skip("running with privileges that read a chmod 000 file (root in CI)")
        result = run_cli("validate", str(plan))
    finally:
        plan.chmod(0o644)
    assert result.exit_code == 2
    assert f"{plan}: error HBG001 cannot read file: Permission denied" in result.output


def test_unreadable_file_even_as_root(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as above, forced: CI runs as root, where chmod 000 does not stop reading."""
    plan = plans_copy / "hbg-2015.yaml"
    real_open = os.open

    def deny(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(path) == plan:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    result = run_cli("validate", str(plan))
    assert result.exit_code == 2
    assert f"{plan}: error HBG001 cannot read file: Permission denied" in result.output


@posix_only
def test_unreadable_folder_is_reported_not_skipped(run_cli: RunCli, plans_copy: Path) -> None:
    locked = plans_copy / "arkiv"
    locked.mkdir()
    shutil.copy(plans_copy / "hbg-2015.yaml", locked / "hbg-2015-kopia.yaml")
    locked.chmod(0)
    try:
        if not _permissions_bite(locked):
            pytest.skip("running with privileges that list a chmod 000 folder (root in CI)")
        result = run_cli("validate", str(plans_copy))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert f"{locked}: error HBG001 cannot list folder: Permission denied" in result.output


def test_unreadable_folder_even_as_root(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = plans_copy / "arkiv"
    locked.mkdir()
    shutil.copy(plans_copy / "hbg-2015.yaml", locked / "hbg-2015-kopia.yaml")
    real_scandir = os.scandir

    def deny(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    result = run_cli("validate", str(plans_copy))
    assert result.exit_code == 2
    assert f"{locked}: error HBG001 cannot list folder: Permission denied" in result.output


@posix_only
def test_symlink_loop(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    result = run_cli("validate", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'a.yaml'}: error HBG001 symbolic link loop" in result.output

    result = run_cli("validate", str(tmp_path))  # found by walking the folder: both reported
    assert result.exit_code == 2
    assert result.output.count("error HBG001 symbolic link loop") == 2


@posix_only
def test_dangling_symlink_is_not_called_a_loop(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").symlink_to(tmp_path / "gone.yaml")
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 2
    assert (
        f"{tmp_path / 'plan.yaml'}: error HBG001 symbolic link points to a file that does not exist"
        in result.output
    )


@posix_only
def test_symlinked_plan_in_the_same_folder_is_validated_once(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(PLANS / "sources", folder / "sources")
    shutil.copy(PLANS / "parties.yaml", folder)
    shutil.copy(PLANS / "hbg-2015.yaml", folder)
    (folder / "alias.yaml").symlink_to(folder / "hbg-2015.yaml")
    result = run_cli("validate", str(folder))
    assert result.exit_code == 0, result
    assert "2 file(s) checked: all valid" in result.output  # hbg-2015.yaml and parties.yaml


def test_a_file_passed_twice_is_validated_once(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2015.yaml"
    roundabout = plans_copy / ".." / "plans" / "hbg-2015.yaml"
    result = run_cli("validate", str(plan), str(plan), str(roundabout))
    assert result.exit_code == 0, result
    assert "1 file(s) checked: all valid" in result.output


def test_a_broken_file_passed_twice_is_reported_once(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2015.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("kind: action-plan", "kind: plan"), encoding="utf-8"
    )
    result = run_cli("validate", str(plan), str(plans_copy))
    assert result.exit_code == 1
    assert result.output.count("error HBG010") == 1


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    result = run_cli("validate", str(fifo))
    assert result.exit_code == 2
    assert (
        f"{fifo}: error HBG001 not a regular file (a device, pipe or socket); a plan must be a file"
        in result.output
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_is_refused_without_reading_it(run_cli: RunCli) -> None:
    result = run_cli("validate", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: error HBG001 not a regular file" in result.output


@pytest.mark.parametrize(
    ("target", "rule"),
    [
        ("fifo", "it is not a regular file"),
        ("/dev/zero", "it lies outside the repository"),
        ("folder", "it is not a regular file"),
        ("loop", "it cannot be read"),
    ],
)
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_source_file_that_is_not_a_file(run_cli: RunCli, plans_copy: Path, target: str, rule: str) -> None:
    """A plan's `source.file` is data from a pull request: it must not hang or crash the run, and
    the message names the rule that refused it (tests/security/ has the hostile cases)."""
    special = {"fifo": "sources/pipe.txt", "folder": "sources", "loop": "sources/loop.txt"}.get(
        target, target
    )
    if target == "fifo":
        os.mkfifo(plans_copy / special)
    elif target == "loop":
        (plans_copy / special).symlink_to(plans_copy / special)
    plan = plans_copy / "hbg-2015.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        'file: "sources/000_df9d85fa8ad8fd02.txt"', f'file: "{special}"'
    )
    plan.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = next(n for n, row in enumerate(text.splitlines(), 1) if f'file: "{special}"' in row)
    assert f"{plan}:{line}:9: error HBG022 source file {special} not read: {rule}" in result.output


def test_output_into_a_missing_folder_is_a_usage_error(
    run_cli: RunCli, plans_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "saknas" / "rapport.txt"
    result = run_cli("validate", str(plans_copy / "hbg-2015.yaml"), "--output", str(target))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(target) in result.output and "No such file or directory" in result.output
