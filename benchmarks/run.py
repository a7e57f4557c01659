"""Print the hbg-plan benchmark table: each figure the median of several whole-process runs.

    .venv/bin/python benchmarks/run.py            # the full set, a few minutes on two cores
    .venv/bin/python benchmarks/run.py --plans 290 --runs 1   # a quick look

Generated plans go to benchmarks/out/ (git-ignored) and are reused while the generator, seed and
bundled plans are unchanged. See benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # the generator sits next to this script

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HEAVY_MODULES = ("rich", "jsonschema", "rapidfuzz", "openpyxl", "pydantic")
FLOOR_SCRIPT = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with path.open(encoding="utf-8") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""
# hbg-plan as it runs where PyYAML was built without libyaml: the loader falls back to the
# pure-Python parser.
NO_LIBYAML_SCRIPT = """
import sys, yaml
del yaml.CSafeLoader
yaml.__with_libyaml__ = False
import hbg_plan.io.load
assert not hbg_plan.io.load.LIBYAML
from hbg_plan.cli.root import main
sys.argv = ["hbg-plan", "validate", *sys.argv[1:]]
main()
"""
# A plan of 4,000 goals has about 200,000 YAML nodes; run the scaling rows with the loader's node
# limit raised if it is lower, and say so under the table.
COMMAND_SCRIPT = """
import sys
import hbg_plan.io.load as load
load.MAX_NODES = max(load.MAX_NODES, int(sys.argv[1]))
from hbg_plan.cli.root import main
sys.argv = ["hbg-plan", *sys.argv[2:]]
main()
"""


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, the process and the children it waited for
    rss_mb: float  # peak resident set size of the process itself
    tree_mb: float = 0.0  # peak of the summed RSS of the process and its descendants (sampled)


@dataclass
class Row:
    measure: str
    ours: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""


class Failed(Exception):
    pass


def _tree_rss_kb(pid: int) -> int:
    """The summed VmRSS of `pid` and its descendants, from /proc (0 where there is none)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


class TreeSampler(threading.Thread):
    """Samples the process tree's summed RSS every 20 ms while a command runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))


def run_once(cmd: Sequence[str], ok_codes: tuple[int, ...] = (0,)) -> Sample:
    """Run `cmd` to the end and return its wall time, CPU time and peak RSS (own and of the tree)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=err, cwd=REPO)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise Failed(f"{' '.join(cmd[:4])} … exited {proc.returncode}:\n{tail}")
    own = usage.ru_maxrss / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, own, max(own, sampler.peak_kb / 1024))


def median_of(runs: int, *cmds: Sequence[str]) -> list[list[Sample]]:
    """Run each command `runs` times, interleaved so that a busy moment hits all of them alike."""
    for cmd in cmds:  # warm the file cache and .pyc files; not counted
        run_once(cmd)
    samples: list[list[Sample]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            samples[i].append(run_once(cmd))
    return samples


def med(samples: list[Sample], key: Callable[[Sample], float]) -> float:
    return statistics.median(key(s) for s in samples)


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def ratio_row(measure: str, ours: float, reference: str, base: float, target: float | None = None) -> Row:
    """A row that sets a time against a reference time: the ratio, and whether it is at most `target`."""
    ratio = ours / base
    if target is None:
        return Row(measure, seconds(ours), reference, f"{ratio:.2f}×")
    return Row(measure, seconds(ours), reference, f"{ratio:.2f}×", f"≤ {target}×", verdict(ratio <= target))


# ---------------------------------------------------------------------------------------------


def bundled_rows(runs: int, notes: list[str]) -> list[Row]:
    plans = sorted(
        str(p.relative_to(REPO)) for p in (REPO / "plans").glob("*.yaml") if p.name != "parties.yaml"
    )
    ours_cmd = [str(BIN / "hbg-plan"), "validate", "plans/"]
    checker = shutil.which("check-jsonschema", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if checker is None:
        (ours,) = median_of(runs, ours_cmd)
        notes.append(
            "check-jsonschema is not installed (pip install check-jsonschema): row 1 has no reference."
        )
        wall = seconds(med(ours, lambda s: s.wall))
        return [
            Row(
                f"validate plans/ ({len(plans)} plans + parties.yaml)",
                wall,
                "not available",
                "",
                "≤ 0.5×",
                "skipped",
            )
        ]
    theirs_cmd = [checker, "--schemafile", "schemas/plan.schema.json", *plans]
    pure_cmd = [sys.executable, "-c", NO_LIBYAML_SCRIPT, "plans/"]
    ours, theirs, pure = median_of(runs, ours_cmd, theirs_cmd, pure_cmd)
    base = med(theirs, lambda s: s.wall)
    reference = f"check-jsonschema {seconds(base)}"
    return [
        ratio_row(
            f"validate plans/ ({len(plans)} plans + parties.yaml), cold",
            med(ours, lambda s: s.wall), reference, base, 0.5,
        ),
        ratio_row("  the same without libyaml (pure-Python parser)", med(pure, lambda s: s.wall), reference, base),
    ]  # fmt: skip


def corpus_rows(folder: Path, plans: int, runs: int) -> list[Row]:
    """validate on the generated corpus: one process without the cache (the earlier row), then the
    default (worker processes on every CPU) cold, warm and with 1 % of the files changed."""
    size = sum(p.stat().st_size for p in folder.glob("*.yaml")) / 1e6
    hbg = str(BIN / "hbg-plan")
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(folder)]
    single_cmd = [hbg, "validate", str(folder), "--jobs", "1", "--no-cache"]
    single, floor = median_of(runs, single_cmd, floor_cmd)
    floor_wall = med(floor, lambda s: s.wall)
    floor_text = f"libyaml parse only {seconds(floor_wall)}"
    rows = [
        ratio_row(
            f"validate {plans:,} generated plans ({size:.0f} MB YAML), one process, no cache",
            med(single, lambda s: s.wall),
            floor_text,
            floor_wall,
            1.5,
        ),
        Row(
            "  peak RSS",
            f"{max(s.rss_mb for s in single):.0f} MB",
            f"libyaml parse only {max(s.rss_mb for s in floor):.0f} MB",
            "",
            "≤ 150 MB",
            verdict(max(s.rss_mb for s in single) <= 150),
        ),
    ]
    cache = Path(tempfile.mkdtemp(prefix="hbg-bench-cache-")) / "cache"
    cached_cmd = [hbg, "validate", str(folder), "--cache-dir", str(cache)]
    files = sorted(p for p in folder.glob("*.yaml") if p.name != "parties.yaml")
    changed = files[::100]  # 1 %, spread over the corpus
    originals = {path: path.read_bytes() for path in changed}
    cold: list[Sample] = []
    warm: list[Sample] = []
    some: list[Sample] = []
    try:
        for run in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            floor.append(run_once(floor_cmd))  # interleaved: a busy moment hits both sides
            cold.append(run_once(cached_cmd))
            warm.append(run_once(cached_cmd))
            for path in changed:  # a comment line: new bytes, the same plan
                path.write_bytes(originals[path] + f"# run {run}\n".encode())
            some.append(run_once(cached_cmd))
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
        shutil.rmtree(cache.parent, ignore_errors=True)
    floor_wall = med(floor, lambda s: s.wall)
    floor_text = f"libyaml parse only {seconds(floor_wall)}"
    for label, samples, target in (
        (f"  default (--jobs {os.cpu_count()}), cold: empty cache, written", cold, 0.75),
        ("  warm: nothing changed", warm, 0.15),
        (f"  warm, {len(changed)} files (1 %) changed", some, 0.2),
    ):
        rows.append(ratio_row(label, med(samples, lambda s: s.wall), floor_text, floor_wall, target))
    cpu = med(cold, lambda s: s.cpu)
    rows.append(
        Row(
            "  cold, CPU time of all processes",
            seconds(cpu),
            f"libyaml {seconds(med(floor, lambda s: s.cpu))}",
        )
    )
    tree = max(s.tree_mb for s in cold + warm + some)
    rows.append(
        Row(
            "  peak RSS of the process tree (sum)", f"{tree:.0f} MB", "", "", "≤ 150 MB", verdict(tree <= 150)
        )
    )
    return rows


def corpus_gaps_rows(folder: Path, plans: int) -> list[Row]:
    """`gaps` on the generated corpus, as a whole folder (plan by plan, in worker processes) and
    with every file named (the plans loaded together, as before gaps.corpus): one run each, since
    the second takes minutes and gigabytes."""
    hbg = str(BIN / "hbg-plan")
    files = sorted(str(p) for p in folder.glob("kommun-*.yaml"))
    by_plan = run_once([hbg, "gaps", str(folder), "--statistics"], ok_codes=(0, 1))
    together = run_once([hbg, "gaps", *files, "--statistics"], ok_codes=(0, 1))
    return [
        ratio_row(
            f"gaps on the {plans:,} generated plans, the folder (plan by plan, workers), wall",
            by_plan.wall,
            f"every file named (loaded together) {seconds(together.wall)}",
            together.wall,
        ),
        Row("  CPU time of all processes", seconds(by_plan.cpu), f"loaded together {seconds(together.cpu)}"),
        Row(
            "  peak RSS of the process tree (sum)",
            f"{by_plan.tree_mb:.0f} MB",
            f"loaded together {together.tree_mb:.0f} MB",
        ),
    ]


def scale_rows(out: Path, seed: int, runs: int, notes: list[str]) -> list[Row]:
    """`gaps`, `report` and `diff` on the 4,000-goal plans against the 1,000-goal ones: linear is 4×."""
    from hbg_plan.io import load

    material = generate.load_material()
    pairs = {n: generate.generate_pair(out / f"diff-{n}", n, seed, material) for n in (1000, 4000)}
    nodes = max(_node_count(p) for pair in pairs.values() for p in pair)
    if nodes > load.MAX_NODES:
        notes.append(
            f"The 4,000-goal plans have {nodes:,} YAML nodes, over the loader's limit of "
            f"{load.MAX_NODES:,}; the scaling rows run with the limit raised (see README)."
        )
    report_out = Path(tempfile.mkdtemp(prefix="hbg-bench-"))
    commands = {
        "gaps": lambda old, new: ["gaps", str(new), "--fail-on", "never"],
        "report": lambda old, new: ["report", str(new), "--output", str(report_out / "report.html")],
        "diff": lambda old, new: ["diff", str(old), str(new)],
    }
    rows: list[Row] = []
    try:
        for name, args in commands.items():
            cmds = [
                [sys.executable, "-c", COMMAND_SCRIPT, str(nodes), *args(*pairs[n])] for n in (1000, 4000)
            ]
            small, large = median_of(runs, *cmds)
            wall, cpu = med(small, lambda s: s.wall), med(small, lambda s: s.cpu)
            rows += [
                ratio_row(
                    f"{name}: 4,000-goal plan vs 1,000-goal plan, wall",
                    med(large, lambda s: s.wall),
                    f"1,000 goals {seconds(wall)}",
                    wall,
                    4.5,
                ),
                ratio_row(
                    "  the same, CPU time (user + sys)",
                    med(large, lambda s: s.cpu),
                    f"1,000 goals {seconds(cpu)}",
                    cpu,
                ),
                Row(
                    "  peak RSS",
                    f"{max(s.rss_mb for s in large):.0f} MB",
                    f"1,000 goals {max(s.rss_mb for s in small):.0f} MB",
                ),
            ]
    finally:
        shutil.rmtree(report_out, ignore_errors=True)
    return rows


def _node_count(path: Path) -> int:
    import yaml

    with path.open(encoding="utf-8") as f:
        return sum(isinstance(e, yaml.NodeEvent) for e in yaml.parse(f, Loader=yaml.CSafeLoader))


def start_rows(runs: int, notes: list[str]) -> list[Row]:
    hbg = str(BIN / "hbg-plan")
    version, help_, bare = median_of(
        max(runs, 5), [hbg, "--version"], [hbg, "--help"], [sys.executable, "-c", "pass"]
    )
    rows = []
    for label, samples, flag in (
        ("hbg-plan --version", version, "--version"),
        ("hbg-plan --help", help_, "--help"),
    ):
        heavy = heavy_imports(flag)
        rows.append(
            Row(
                f"{label}, cold",
                seconds(med(samples, lambda s: s.wall)),
                f"python -c pass {seconds(med(bare, lambda s: s.wall))}",
                "",
                "no heavy imports",
                verdict(not heavy),
            )
        )
        if heavy:
            notes.append(f"{label} imports {', '.join(heavy)}.")
    return rows


def heavy_imports(flag: str) -> list[str]:
    """Which of HEAVY_MODULES `python -X importtime -m hbg_plan FLAG` loads."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "hbg_plan", flag],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    loaded = {
        line.rsplit("|", 1)[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line
    }
    return [m for m in HEAVY_MODULES if m in loaded]


# ---------------------------------------------------------------------------------------------


def ensure_corpus(out: Path, plans: int, seed: int) -> Path:
    """The generated corpus, regenerated only when the generator, seed or bundled plans changed."""
    folder = out / f"corpus-{plans}-{seed}"
    stamp = {
        "generator": generate.GENERATOR_VERSION,
        "plans": plans,
        "seed": seed,
        "templates": _templates_hash(),
    }
    manifest = folder / "MANIFEST.json"
    if manifest.exists() and json.loads(manifest.read_text(encoding="utf-8")) == stamp:
        return folder
    print(f"generating {plans:,} plans in {folder} …", file=sys.stderr)
    generate.generate_corpus(folder, plans, seed)
    manifest.write_text(json.dumps(stamp), encoding="utf-8")
    return folder


def _templates_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "plans").rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from hbg_plan.io import load

    libyaml = "yes" if load.LIBYAML else "no (pure-Python parser)"
    return (
        f"{os.cpu_count()} CPU(s), {cpu}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; libyaml {libyaml}"
    )


def table(rows: list[Row]) -> str:
    header = Row("measure", "hbg-plan", "reference", "ratio", "target", "")
    cells = [[r.measure, r.ours, r.reference, r.ratio, r.target, r.verdict] for r in (header, *rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    lines = ["| " + " | ".join(c[i].ljust(widths[i]) for i in range(6)) + " |" for c in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median); default 3")
    parser.add_argument("--plans", type=int, default=2900, help="size of the generated corpus; default 2,900")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument(
        "--only",
        default="bundled,corpus,scale,start",
        help="which groups of rows, comma-separated: bundled, corpus, scale, start, gaps (default: all but "
        "gaps, which takes minutes and gigabytes)",
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    notes: list[str] = []
    started = time.perf_counter()
    print(f"machine: {machine()}", flush=True)
    rows: list[Row] = []
    try:
        if "bundled" in only:
            rows += bundled_rows(args.runs, notes)
        if "corpus" in only:
            rows += corpus_rows(ensure_corpus(args.out, args.plans, args.seed), args.plans, args.runs)
        if "gaps" in only:
            rows += corpus_gaps_rows(ensure_corpus(args.out, args.plans, args.seed), args.plans)
        if "scale" in only:
            rows += scale_rows(args.out, args.seed, args.runs, notes)
        if "start" in only:
            rows += start_rows(args.runs, notes)
    except Failed as exc:
        print(table(rows))
        print(f"\nbenchmark failed: {exc}", file=sys.stderr)
        return 1
    print(f"median of {args.runs} run(s) each, whole process, after one untimed warm-up run\n")
    print(table(rows))
    for note in notes:
        print(f"\nnote: {note}")
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
