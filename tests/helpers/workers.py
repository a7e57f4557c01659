"""Running hbg-plan with one of its worker processes killed mid-run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LOSING_A_WORKER = """
import importlib, os, sys
module, doomed = importlib.import_module(sys.argv[1]), sys.argv[2]
real = module._work
def dying(task):  # the worker checking this file dies, as the kernel kills one out of memory
    if task[0].endswith(doomed):
        os._exit(9)
    return real(task)
module._work = dying
from hbg_plan.cli.root import main
sys.argv = ["hbg-plan", *sys.argv[3:]]
main()
"""


def run_losing_a_worker(repo: Path, module: str, doomed: str, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `hbg-plan ARGS` in `repo` when the worker process of `module`
    (its `_work`) that is given the file ending in `doomed` dies."""
    done = subprocess.run(
        [sys.executable, "-c", LOSING_A_WORKER, module, doomed, *args],
        cwd=repo, capture_output=True, text=True, timeout=600, check=False,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"NO_COLOR": "1"},
    )  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr
