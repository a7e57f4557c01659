"""`--output` writes only a new path or an existing regular file.

A plan in a pull request decides nothing about where output goes, but a CI job run as root with
`-o` pointed at a device node, a FIFO or a symlink used to replace that node with an ordinary
file (`-o /dev/full` replaced the real /dev/full). Each target here is built in tmp_path, the real
CLI is run, and the test checks: exit 2, one line naming the path and what it is, and that the
target is still exactly what it was.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hbg_plan.io import output
from tests.conftest import PLANS, REPO, RunCli

PLAN = str(PLANS / "hbg-2015.yaml")
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and device nodes are POSIX")


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def _no_temporaries(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.endswith(output.TEMP_SUFFIX)] == []


def _make_fifo(path: Path) -> None:
    os.mkfifo(path)


def _make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays behind


def _make_device(path: Path) -> None:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root (CI containers often run as root)")


def _make_dir(path: Path) -> None:
    path.mkdir()


KINDS: dict[str, tuple[Callable[[Path], None], Callable[[int], bool], str, str]] = {
    "fifo": (_make_fifo, stat.S_ISFIFO, "a FIFO (named pipe)", "en FIFO (namngiven pipe)"),
    "socket": (_make_socket, stat.S_ISSOCK, "a socket", "en socket"),
    "device": (_make_device, stat.S_ISCHR, "a device file", "en enhetsfil"),
    "directory": (_make_dir, stat.S_ISDIR, "a directory", "en mapp"),
}


@posix_only
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_special_files_are_refused(run_cli: RunCli, tmp_path: Path, kind: str, lang: str) -> None:
    make, still, what_en, what_sv = KINDS[kind]
    target = tmp_path / "rapport.txt"
    make(target)
    result = run_cli("validate", PLAN, "--lang", lang, "-o", str(target))
    assert result.exit_code == 2, result
    line = _one_line(result.stderr)
    assert str(target) in line
    assert (what_en if lang == "en" else what_sv) in line
    assert still(os.lstat(target).st_mode), f"{kind} was replaced"
    assert result.stdout == ""
    _no_temporaries(tmp_path)


@posix_only
@pytest.mark.parametrize(
    "points_to", ["/proc/self/fd/1", "/dev/null", "inside.txt"], ids=["stdout-fd", "dev-null", "regular"]
)
def test_symlinks_are_refused_and_left_alone(run_cli: RunCli, tmp_path: Path, points_to: str) -> None:
    inside = tmp_path / "inside.txt"
    inside.write_text("orörd\n", encoding="utf-8")
    link = tmp_path / "rapport.txt"
    link.symlink_to(points_to)
    result = run_cli("gaps", PLAN, "--fail-on", "never", "-o", str(link))
    assert result.exit_code == 2, result
    assert "a symbolic link" in _one_line(result.stderr)
    assert link.is_symlink() and os.readlink(link) == points_to
    assert inside.read_text(encoding="utf-8") == "orörd\n"
    _no_temporaries(tmp_path)


@posix_only
def test_binary_workbook_to_a_fifo_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "brister.xlsx"
    os.mkfifo(target)
    result = run_cli("gaps", PLAN, "--format", "xlsx", "--fail-on", "never", "-o", str(target))
    assert result.exit_code == 2, result
    assert "a FIFO" in _one_line(result.stderr)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)


def test_a_regular_file_and_a_new_path_are_still_written(run_cli: RunCli, tmp_path: Path) -> None:
    old = tmp_path / "gammal.txt"
    old.write_text("gammal\n", encoding="utf-8")
    new = tmp_path / "ny.txt"
    for target in (old, new):
        result = run_cli("validate", PLAN, "-o", str(target))
        assert result.exit_code == 0, result
        assert target.read_text(encoding="utf-8") == "1 file(s) checked: all valid\n"


def test_full_disk_names_the_file_and_keeps_the_old_one(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "rapport.md"
    report.write_text("gammal rapport\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(os, "fsync", full)
    result = run_cli("gaps", PLAN, "--format", "markdown", "--fail-on", "never", "-o", str(report))
    assert result.exit_code == 2, result
    line = _one_line(result.stderr)
    assert line == f"hbg-plan: {report}: {os.strerror(28)}"
    assert report.read_text(encoding="utf-8") == "gammal rapport\n"
    _no_temporaries(tmp_path)


@pytest.mark.slow  # a fresh process whose standard output is /dev/full
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_standard_output_is_named_not_none(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    with open("/dev/full", "w") as full:  # writing to /dev/full fails with ENOSPC; nothing is replaced
        done = subprocess.run(
            [sys.executable, "-m", "hbg_plan", "validate", PLAN],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
    assert done.returncode == 2
    line = _one_line(done.stderr)
    assert line == "hbg-plan: standard output: No space left on device"
    assert "None" not in done.stderr
