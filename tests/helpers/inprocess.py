"""`hbg-plan ARGS…` run in a given folder, in this process or in a fresh one.

In this process (`run_here`) is several times cheaper than a fresh interpreter, which spends most
of its time importing; it is the same CLI (the typer app the console script calls) on the same
files, with the working folder and environment set as a shell would set them. Use a fresh process
(`run_process`) where the behaviour needs one: a hang guard (FIFOs, devices), a memory limit, or
what the process itself exposes (/proc/self/environ, the crash guard of the console entry point).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from typer.testing import CliRunner

from hbg_plan.cli.root import app

HANG_GUARD = 60  # seconds; a run takes about one


def run_here(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in this process, in `cwd`; an uncaught exception fails the test (it would be a traceback)."""
    environment: dict[str, str | None] = {"NO_COLOR": "1", "GITHUB_ACTIONS": None, **(env or {})}
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(app, list(args), env=environment)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught exception for {args}") from result.exception
    return subprocess.CompletedProcess(["hbg-plan", *args], result.exit_code, result.stdout, result.stderr)


def run_process(
    cwd: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = HANG_GUARD,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process (`python -m hbg_plan`), in `cwd`."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "hbg_plan", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )
