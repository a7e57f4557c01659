"""Time `hbg-plan validate` on hostile files: each must be refused in well under 2 s.

The figures tests/test_hostile_limits.py used to assert (wall time, which fails on a busy
machine) are printed here instead: the hostile corpus in tests/data/hostile as a whole, and
generated files at the limits (an alias bomb, deep nesting, 30 MB, 250,000 nodes, one 6.75 MB
string). Each run is a fresh `python -m hbg_plan validate FILE` process; medians of `--runs`.

    .venv/bin/python benchmarks/bench_hostile.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOSTILE = REPO / "tests" / "data" / "hostile"
LIMIT_SECONDS = 2.0


def alias_bomb(path: Path) -> None:
    lines = ["lol0: &lol0 [" + ", ".join(['"lol"'] * 30) + "]"]
    lines += [f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 30) + "]" for n in range(1, 30)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def deep_nesting(path: Path) -> None:
    path.write_text("note: " + "{a: [" * 200_000 + "\n", encoding="utf-8")


def thirty_megabytes(path: Path) -> None:
    line = "# " + "utfyllnad " * 20 + "\n"
    path.write_text("schema_version: 2\n" + line * (30 * 1024 * 1024 // len(line)), encoding="utf-8")


def many_nodes(path: Path) -> None:
    path.write_text("schema_version: 2\nissued_by: [" + "0," * 4_000_000 + "0]\n", encoding="utf-8")


def huge_string(path: Path) -> None:
    path.write_text(
        'schema_version: 2\ntitle: "' + "Dialog om suicidprevention " * 250_000 + '"\n', encoding="utf-8"
    )


GENERATED: dict[str, Callable[[Path], None]] = {
    "alias bomb (30 levels of 30)": alias_bomb,
    "flow nesting 200,000 deep, never closed": deep_nesting,
    "30 MB file": thirty_megabytes,
    "4,000,000 nodes under 8 MB": many_nodes,
    "one 6.75 MB string": huge_string,
}


def seconds(target: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "hbg_plan", "validate", str(target)], capture_output=True, cwd=REPO
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per case; the median is reported (default 3)"
    )
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        cases = {f"hostile corpus ({sum(1 for _ in HOSTILE.rglob('*.yaml'))} files, one run)": HOSTILE}
        for name, make in GENERATED.items():
            path = Path(tmp) / f"{len(cases)}.yaml"
            make(path)
            cases[name] = path
        for name, target in cases.items():
            figure = seconds(target, args.runs)
            worst = max(worst, figure)
            print(f"{name:<45} {figure:6.2f} s  (process start-up included)")
    print(f"slowest: {worst:.2f} s (limit {LIMIT_SECONDS:g} s per file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
