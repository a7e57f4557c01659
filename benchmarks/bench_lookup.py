"""Looking a plan up by id (`show --plan ID`, `diff ID ID`, `init --from ID`) in a hostile folder.

The lookup reads each candidate's top-level `id:` line through the confinement policy's bounded
reader. This prints, for a plans folder of `--plans` ordinary plans plus the files that used to hang
or flood it (a FIFO, a symlink to /dev/zero, a symlink out of the repository, a file one byte over
the 8 MiB limit, a file exactly at it), the bytes read, the time and the peak memory of
`PlanFolder.ids()` in-process, and the wall time of a fresh `hbg-plan show --plan ID` process.
Figures are printed, never asserted.

    .venv/bin/python benchmarks/bench_lookup.py [--plans N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hbg_plan import confine
from hbg_plan.io.confine import MAX_FILE_BYTES
from hbg_plan.workspace import PlanFolder

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "plans"


def build(root: Path, plans: int, hostile: bool) -> Path:
    """A repository at `root` with `plans` copies of hbg-2023 under new ids, and the hostile files."""
    (root / ".git").mkdir(parents=True)
    folder = root / "plans"
    shutil.copytree(PLANS / "sources", folder / "sources")
    shutil.copy(PLANS / "parties.yaml", folder / "parties.yaml")
    template = (PLANS / "hbg-2023.yaml").read_text(encoding="utf-8")
    for n in range(plans):
        (folder / f"p{n:05d}.yaml").write_text(
            template.replace("\nid: hbg-2023\n", f"\nid: p{n:05d}\n"), "utf-8"
        )
    if hostile:
        os.mkfifo(folder / "a-fifo.yaml")
        (folder / "a-zero.yaml").symlink_to("/dev/zero")
        (root.parent / "outside.yaml").write_text("id: outside\n", encoding="utf-8")
        (folder / "a-outside.yaml").symlink_to(root.parent / "outside.yaml")
        for name, size in (("a-over.yaml", MAX_FILE_BYTES + 1), ("a-at-limit.yaml", MAX_FILE_BYTES)):
            with (folder / name).open("wb") as handle:
                handle.write(b"# padding\n")
                handle.truncate(size)
    return folder


def measure_ids(folder: Path) -> tuple[float, int, int]:
    """(seconds, bytes read, ids found) of one PlanFolder.ids() in this process."""
    read = 0
    original = confine.read_bounded

    def counting(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
        nonlocal read
        raw = original(path, limit)
        read += len(raw)
        return raw

    confine.read_bounded = counting  # read_confined, which the lookup uses, calls it
    try:
        start = time.perf_counter()
        found = PlanFolder(folder).ids()
        seconds = time.perf_counter() - start
    finally:
        confine.read_bounded = original
    return seconds, read, len(found)


def cli_seconds(folder: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "hbg_plan", "show", "sip", "--plan", "p00000", "--format", "json"],
            cwd=folder.parent,
            capture_output=True,
            check=False,
            timeout=600,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"id lookup in a folder of {args.plans} plans (copies of hbg-2023, 140 kB each); limit {MAX_FILE_BYTES:,} bytes per file"
    )
    print(f"{'folder':<42} {'ids()':>9} {'bytes read':>14} {'ids':>6} {'show --plan':>12}")
    for hostile in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            folder = build(Path(tmp) / "repo", args.plans, hostile)
            seconds = []
            for _ in range(args.runs):
                elapsed, read, count = measure_ids(folder)
                seconds.append(elapsed)
            label = "plans + FIFO, /dev/zero, outside, 8 MiB" if hostile else "plans only"
            print(
                f"{label:<42} {statistics.median(seconds):>8.3f}s {read:>14,} {count:>6}"
                f" {cli_seconds(folder, args.runs):>11.2f}s"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB (the /dev/zero link and the FIFO add nothing;")
    print("the file at the limit is read once, the one over it is refused by its size before reading)")


if __name__ == "__main__":
    main()
