"""Time `hbg-plan import` of the 2023 plan (2,556 source lines); the target is under 2 s.

Two figures, medians of several runs: the whole command in a fresh process (start-up, parsing,
rendering, verbatim checks, writing), and the in-process pipeline alone (`run_import`), plus the
same with `--from hbg-2020` (the diff matcher pairs the draft with the previous plan), and the
start-up of a process that does nothing (`--help`), which the process figures include.

    .venv/bin/python benchmarks/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hbg_plan.analysis.importer.run import Request, run_import

REPO = Path(__file__).resolve().parent.parent
SOURCE = "001_dc34fee1e25e61d1.txt"
TARGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        shutil.copytree(REPO / "plans", plans)
        source = plans / "sources" / SOURCE
        lines = source.read_text(encoding="utf-8").count("\n")
        rows = []
        for label, extra in (("import", []), ("import --from hbg-2020", ["hbg-2020"])):
            process, inproc = [], []
            for n in range(runs):
                out = plans / f"p{n}-{len(extra)}.yaml"
                args = [
                    sys.executable,
                    "-m",
                    "hbg_plan",
                    "import",
                    str(source),
                    "--id",
                    "draft",
                    "-o",
                    str(out),
                ]
                args += ["--issued-by", "helsingborgs-stad", "--plans", str(plans)]
                if extra:
                    args += ["--from", extra[0]]
                start = time.perf_counter()
                subprocess.run(args, check=True, capture_output=True)
                process.append(time.perf_counter() - start)
                request = Request(
                    document=source, plan_id="draft", from_plan=extra[0] if extra else None,
                    output=plans / f"i{n}-{len(extra)}.yaml", issued_by=["helsingborgs-stad"],
                    add_parties=False, plans_dir=plans,
                )  # fmt: skip
                start = time.perf_counter()
                run_import(request)
                inproc.append(time.perf_counter() - start)
            rows.append((label, statistics.median(process), statistics.median(inproc)))
        startup = []
        for _ in range(runs):  # the same process doing nothing: what the process figures include
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "hbg_plan", "--help"], check=True, capture_output=True)
            startup.append(time.perf_counter() - start)
    print(
        f"hbg-plan import of the 2023 plan ({lines} lines), median of {runs} runs; target < {TARGET_SECONDS} s"
    )
    print(f"{'command':<26} {'process (s)':>12} {'in-process (s)':>15}")
    for label, process_s, inproc_s in rows:
        print(f"{label:<26} {process_s:>12.2f} {inproc_s:>15.2f}")
    print(f"{'start-up (--help)':<26} {statistics.median(startup):>12.2f} {'':>15}")


if __name__ == "__main__":
    main()
