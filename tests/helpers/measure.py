"""Run `python -m hbg_plan …` in a child process and measure its wall time and peak memory.

The child's own resource usage comes from `os.wait4`, so the figure is that process's peak
resident set size, not the maximum over every child the test run has started (which is what
RUSAGE_CHILDREN reports). A generous address-space cap and a timeout keep a regression from
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


def run_measured(*args: str, cwd: Path | None = None, timeout: float = 60.0) -> Measured:
    """`python -m hbg_plan ARGS…` in a fresh interpreter; POSIX only (uses os.wait4)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "hbg_plan", *args],
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
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Measured(
        args, process.returncode, stdout, stderr, seconds, usage.ru_maxrss * scale / 1024**2, timed_out
    )
