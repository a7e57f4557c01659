"""Which files a commit changes, for attributing problems that involve two files.

`validate --changed` (the pre-commit hook) asks git for the files that are staged, modified or
untracked. A problem between two files (a duplicate plan id, a party missing from the registry,
a source text whose checksum no longer matches) is then reported at the file that changed, not
at the one that stayed as it was. Without git, or outside a work tree, nothing counts as changed
and the default attribution applies.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 30


def changed_files(cwd: Path | None = None) -> frozenset[Path] | None:
    """Resolved paths of the files git reports as staged, modified or untracked; None without git."""
    folder = (cwd or Path.cwd()).resolve()
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")} | {"LC_ALL": "C"}
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder, capture_output=True, text=True, timeout=GIT_TIMEOUT, env=env,
        )  # fmt: skip
        if top.returncode != 0:
            return None
        status = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
            cwd=folder, capture_output=True, timeout=GIT_TIMEOUT, env=env,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if status.returncode != 0:
        return None
    root = Path(top.stdout.strip())
    changed: set[Path] = set()
    for entry in status.stdout.split(b"\0"):
        if len(entry) < 4:
            continue
        name = os.fsdecode(entry[3:])
        path = root / name
        try:
            changed.add(path.resolve())
        except (OSError, RuntimeError):  # a symlink loop: compared by its absolute name
            changed.add(path.absolute())
    return frozenset(changed)
