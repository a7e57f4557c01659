"""Run `python -m hbg_plan …` in a child process and measure its wall time and peak memory.

The peak resident set size is the child's own: on Linux the child reports its VmHWM from
/proc/self/status as it exits. `os.wait4`'s ru_maxrss is only the fallback (macOS, or a child
that was killed), because Linux carries the parent's high-water mark across fork and exec into
it: a test process that once grew to 250 MB would make every child look that large. A generous address-space cap and a timeout keep a regression from
eating the machine: the run then fails with a clear figure instead of swapping.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAFETY_MEMORY_BYTES = 3 * 1024**3  # far above any bound a test asserts; stops runaway growth


@dataclass(frozen=True, repr=False)
class Measured:
    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    timed_out: bool

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __repr__(self) -> str:
        return (
            f"hbg-plan {' '.join(self.args)}: exit {self.exit_code}, {self.seconds:.2f} s, "
            f"peak RSS {self.peak_rss_mb:.0f} MB{' (timed out)' if self.timed_out else ''}\n"
            f"{self.output[:2000]}"
        )


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (SAFETY_MEMORY_BYTES, SAFETY_MEMORY_BYTES))


# Runs hbg_plan as `python -m hbg_plan` would, and on exit writes the process's own peak RSS (KiB).
_LAUNCHER = """
import atexit, runpy, sys
report = sys.argv.pop(1)
def write_peak():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(report, "w", encoding="ascii") as out:
            out.write(peak)
    except (OSError, StopIteration):
        pass
atexit.register(write_peak)
sys.argv[0] = "hbg-plan"
runpy.run_module("hbg_plan", run_name="__main__", alter_sys=True)
"""


def _own_peak_kib(report: Path) -> int | None:
    try:
        return int(report.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def run_measured(*args: str, cwd: Path | None = None, timeout: float = 60.0) -> Measured:
    """`python -m hbg_plan ARGS…` in a fresh interpreter; POSIX only (uses os.wait4)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        report = Path(scratch) / "peak-kib"
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(report), *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=cwd or REPO,
            env=env,
            preexec_fn=_limit_memory,
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                process.kill()
                timed_out = True
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        own_peak_kib = _own_peak_kib(report)
    if own_peak_kib is not None:
        peak_mb = own_peak_kib / 1024
    else:
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
        peak_mb = usage.ru_maxrss * scale / 1024**2
    return Measured(args, process.returncode, stdout, stderr, seconds, peak_mb, timed_out)
