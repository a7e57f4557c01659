"""Reports written with --output replace the old file atomically: an interrupted or killed
writer leaves the old file whole, and the next write clears what a killed writer left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hbg_plan.io import output
from hbg_plan.io.output import write_atomic
from tests.conftest import RunCli

OLD = "gammal rapport: får inte gå förlorad\n" * 100
REPO = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_replaces_the_old_report(run_cli: RunCli, plans_copy: Path, tmp_path: Path) -> None:
    report = tmp_path / "rapport.txt"
    report.write_text(OLD, encoding="utf-8")
    result = run_cli("validate", str(plans_copy / "hbg-2015.yaml"), "--output", str(report))
    assert result.exit_code == 0, result
    assert report.read_text(encoding="utf-8") == "1 file(s) checked: all valid\n"
    assert _leftovers(tmp_path) == []


def test_failing_rename_keeps_the_old_report(
    run_cli: RunCli, plans_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "rapport.txt"
    report.write_text(OLD, encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    result = run_cli("validate", str(plans_copy / "hbg-2015.yaml"), "--output", str(report))
    assert result.exit_code == 2
    assert f"hbg-plan: {report}: Permission denied" in result.stderr
    assert report.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_interrupt_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text(OLD, encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "ny rapport\n" * 1000)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text(OLD, encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"x" * 10_000)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


@posix_only
def test_permissions_of_the_old_file_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "ny\n")
    assert target.read_text(encoding="utf-8") == "ny\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "saknas" / "rapport.txt", "ny\n")
    assert list(tmp_path.iterdir()) == []


CHILD = """
import os, sys, time
from pathlib import Path
from hbg_plan.io.output import write_atomic
target, mode = Path(sys.argv[1]), sys.argv[2]
if mode == "before-rename":  # everything written, the rename not yet done
    def stall(fd):
        print("ready", flush=True)
        time.sleep(60)
    os.fsync = stall
    write_atomic(target, "ny rapport\\n" * 1000)
else:  # a payload big enough to be killed while it is being written
    print("ready", flush=True)
    write_atomic(target, b"N" * (256 * 1024 * 1024))
"""


def _start_writer(target: Path, mode: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), mode], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


@posix_only
def test_writer_killed_before_the_rename(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text(OLD, encoding="utf-8")
    child = _start_writer(target, "before-rename")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert target.read_text(encoding="utf-8") == OLD
    # SIGKILL gives no chance to clean up: the complete temporary file is still there …
    left = _leftovers(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".rapport.txt.{child.pid}.")
    # … until the next write to the same file, which removes it because its writer is gone.
    write_atomic(target, "nästa rapport\n")
    assert target.read_text(encoding="utf-8") == "nästa rapport\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.slow  # a child process writing 256 MiB
@posix_only
def test_writer_killed_in_the_middle_of_a_huge_payload(tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    target.write_text(OLD, encoding="utf-8")
    child = _start_writer(target, "huge")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(
        p.stat().st_size for p in tmp_path.glob(".rapport.txt.*.tmp")
    ):
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    content = target.read_bytes()
    # never a mixture: either the old report, or (on a very fast disk) the whole new one
    assert content == OLD.encode("utf-8") or content == b"N" * (256 * 1024 * 1024)
    write_atomic(target, "nästa rapport\n")
    assert _leftovers(tmp_path) == []


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".rapport.txt.{os.getpid()}.abc123.tmp"  # this very process: alive
    live.write_text("pågår", encoding="utf-8")
    odd = tmp_path / ".rapport.txt.99999999999999999999999.x.tmp"  # no such pid can exist: left alone
    odd.write_text("?", encoding="utf-8")
    other = tmp_path / ".annan.txt.1.x.tmp"  # another file's temporary
    other.write_text("?", encoding="utf-8")
    write_atomic(tmp_path / "rapport.txt", "ny\n")
    assert sorted(p.name for p in (live, odd, other) if p.exists()) == sorted(
        [live.name, odd.name, other.name]
    )


@posix_only
def test_a_dead_writers_temporary_file_is_removed(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)  # fmt: skip
    pid = int(finished.stdout)
    stale = tmp_path / f".rapport.txt.{pid}.abc123.tmp"
    stale.write_text("halvfärdig", encoding="utf-8")
    write_atomic(tmp_path / "rapport.txt", "ny\n")
    assert not stale.exists()
    assert output.TEMP_SUFFIX == ".tmp"
