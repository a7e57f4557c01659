"""Time `hbg-plan diff` on generated plans of 1,000 and 4,000 goals; the ratio must stay under 5.

Each size gets an old and a new plan (deterministic seed) written as valid plan files with their
source text to a temporary folder. The new version rewords 10 % of the goals, renames the ids of
5 % (so they are paired by text similarity), moves 2 % to another topic, drops 2 % and adds 2 %,
and flips indicators between stated and "Saknas" on 5 %: all matching stages do real work.
Timed: `diff_plans` on the loaded plans, in CPU time (on a shared machine wall time also counts
other people's work), the two sizes interleaved in each repeat; the gated figure is the median of
the per-repeat ratios. Beside it the ratio of Python function calls, which other work on the
machine cannot move (CPU time still can: caches are shared). Loading plus diffing is timed in wall time for information. Linear
scaling gives a ratio of 4; a quadratic matcher 16. The machine's load average is printed.

    .venv/bin/python benchmarks/bench_diff.py [--runs N]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hbg_plan.analysis.diff import diff_plans
from hbg_plan.model.plan import Plan
from hbg_plan.validate.engine import load_plan

SEED = 20240501
GOALS_PER_TOPIC = 4
TOPICS_PER_AREA = 25
SYLLABLES = [
    "ba",
    "be",
    "bo",
    "da",
    "de",
    "di",
    "ka",
    "ke",
    "ko",
    "la",
    "le",
    "lo",
    "ma",
    "me",
    "mi",
    "na",
    "ne",
    "no",
    "pa",
    "pe",
    "ra",
    "re",
    "ro",
    "sa",
    "se",
    "ta",
    "te",
    "va",
    "ve",
    "vi",
]
COMMON = [
    "och",
    "att",
    "ska",
    "i",
    "för",
    "med",
    "som",
    "av",
    "på",
    "till",
    "den",
    "det",
    "kommun",
    "region",
    "stad",
]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def sentence(rng: random.Random, length: int = 14) -> str:
    words = [rng.choice(COMMON) if rng.random() < 0.3 else word(rng) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def make_plans(goal_count: int, rng: random.Random) -> tuple[list[str], str, str]:
    """Source lines and the YAML of an old and a new plan over them."""
    lines: list[str] = []

    def line(text: str) -> int:
        lines.append(text)
        return len(lines)

    old_goals: list[dict[str, object]] = []
    for g in range(goal_count):
        topic = g // GOALS_PER_TOPIC
        text = sentence(rng)
        indicator = sentence(rng, 8) if rng.random() < 0.7 else None
        old_goals.append(
            {"id": f"t{topic}.g{g % GOALS_PER_TOPIC}", "topic": topic, "text": text, "ind": indicator}
        )

    new_goals: list[dict[str, object]] = []
    for goal in old_goals:
        roll = rng.random()
        new = dict(goal)
        if roll < 0.02:
            continue  # dropped
        if roll < 0.12:
            words = str(goal["text"]).split()
            words[rng.randrange(len(words))] = word(rng)
            new["text"] = " ".join(words)  # reworded
        elif roll < 0.17:
            new["id"] = f"{goal['id']}-ny"  # renamed: found by similarity
        elif roll < 0.19:
            new["topic"] = (int(str(goal["topic"])) + 1) % (goal_count // GOALS_PER_TOPIC)  # moved
            new["id"] = f"{goal['id']}-flyttad"
        if rng.random() < 0.05:
            new["ind"] = None if goal["ind"] else sentence(rng, 8)
        new_goals.append(new)
    for n in range(goal_count // 50):
        topic = rng.randrange(goal_count // GOALS_PER_TOPIC)
        new_goals.append(
            {"id": f"t{topic}.extra{n}", "topic": topic, "text": sentence(rng), "ind": sentence(rng, 8)}
        )

    def yaml_for(plan_id: str, goals: list[dict[str, object]], period: str) -> str:
        by_topic: dict[int, list[dict[str, object]]] = {}
        for goal in goals:
            by_topic.setdefault(int(str(goal["topic"])), []).append(goal)
        out = [
            "schema_version: 2", f"id: {plan_id}", 'title: "Genererad plan"', "kind: action-plan", "level: local",
            "issued_by: [helsingborgs-stad]", f'period: {{start: "{period}", end: "{period}"}}',
            "source:", '  file: "source.txt"', "  sha256: SHA", "focus_areas:",
        ]  # fmt: skip
        topics = sorted(by_topic)
        for a in range(0, len(topics), TOPICS_PER_AREA):
            title_line = line(f"Fokusområde {a // TOPICS_PER_AREA + 1}")
            out += [f"  - id: area{a // TOPICS_PER_AREA}", f'    title: "Fokusområde {a // TOPICS_PER_AREA + 1}"',
                    f"    source: {{lines: [{title_line}, {title_line}]}}", "    topics:"]  # fmt: skip
            for t in topics[a : a + TOPICS_PER_AREA]:
                title = f"Delområde {t}"
                first = line(title)
                out += [f"      - id: t{t}", f'        title: "{title}"', f"        source: {{lines: [{first}, {first}]}}",
                        "        goals:"]  # fmt: skip
                for goal in by_topic[t]:
                    start = line(str(goal["text"]))
                    end = line(str(goal["ind"])) if goal["ind"] else start
                    out += [f"          - id: {goal['id']}", "            horizon: short",
                            f"            source: {{lines: [{start}, {end}]}}", f'            texts: ["{goal["text"]}"]']  # fmt: skip
                    if goal["ind"]:
                        out.append(f'            indicators: ["{goal["ind"]}"]')
                    else:
                        out.append("            indicators: {missing: not-stated}")
                    out.append("            responsible: {missing: not-stated}")
        return "\n".join(out) + "\n"

    old_yaml = yaml_for("bench-old", old_goals, "2020")
    new_yaml = yaml_for("bench-new", new_goals, "2023")
    return lines, old_yaml, new_yaml


def write_plans(folder: Path, goal_count: int) -> tuple[Path, Path]:
    lines, old_yaml, new_yaml = make_plans(goal_count, random.Random(SEED + goal_count))
    source = "\n".join(lines) + "\n"
    (folder / "source.txt").write_text(source, encoding="utf-8")
    sha = hashlib.sha256(source.encode("utf-8")).hexdigest()
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(old_yaml.replace("SHA", sha), encoding="utf-8")
    new.write_text(new_yaml.replace("SHA", sha), encoding="utf-8")
    return old, new


def load(old_path: Path, new_path: Path) -> tuple[Plan, Plan]:
    old, old_problems = load_plan(old_path)
    new, new_problems = load_plan(new_path)
    if old is None or new is None:
        sys.exit(f"generated plan is invalid: {(old_problems + new_problems)[:3]}")
    return old, new


def timed(old: Plan, new: Plan) -> tuple[float, float, int]:
    """CPU and wall seconds of one `diff_plans`, and the number of changes."""
    start, start_cpu = time.perf_counter(), time.process_time()
    changes = len(diff_plans(old, new).changes)
    return time.process_time() - start_cpu, time.perf_counter() - start, changes


def function_calls(old: Plan, new: Plan) -> int:
    """Python function calls of one `diff_plans`: a measure of work that other load cannot move."""
    profile = cProfile.Profile()
    profile.runcall(diff_plans, old, new)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=7, help="repeats; the median ratio is reported (default 7)"
    )
    args = parser.parse_args()
    sizes = (1000, 4000)
    cpu: dict[int, list[float]] = {size: [] for size in sizes}
    wall: dict[int, list[float]] = {size: [] for size in sizes}
    total: dict[int, list[float]] = {size: [] for size in sizes}
    changes: dict[int, int] = {}
    ratios: list[float] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            paths[size] = write_plans(folder, size)
        loaded = {size: load(*paths[size]) for size in sizes}
        calls = {size: function_calls(*loaded[size]) for size in sizes}  # also the warm-up
        for _ in range(args.runs):  # interleaved, so that other work on the machine hits both sizes
            for size in sizes:
                seconds, wall_seconds, changes[size] = timed(*loaded[size])
                cpu[size].append(seconds)
                wall[size].append(wall_seconds)
            ratios.append(cpu[4000][-1] / cpu[1000][-1])
        for size in sizes:
            for _ in range(max(1, args.runs // 2)):
                start = time.perf_counter()
                timed(*load(*paths[size]))
                total[size].append(time.perf_counter() - start)
    for size in sizes:
        print(
            f"{size:>5} goals: diff {statistics.median(cpu[size]) * 1000:7.1f} ms CPU,"
            f" {statistics.median(wall[size]) * 1000:7.1f} ms wall; load + diff"
            f" {statistics.median(total[size]) * 1000:7.1f} ms wall (medians), {changes[size]} changes"
        )
    ratio = statistics.median(ratios)
    print(f"diff ratio 4000/1000 (CPU) per repeat: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"diff ratio 4000/1000: median {ratio:.2f} of {len(ratios)} (limit 5; linear is 4)")
    print(f"work ratio 4000/1000 (Python function calls, independent of load): {calls[4000] / calls[1000]:.2f}"
          f" ({calls[1000]:,} and {calls[4000]:,} calls)")  # fmt: skip
    print(f"load + diff ratio 4000/1000: {statistics.median(total[4000]) / statistics.median(total[1000]):.2f}"
          " (wall, for information)")  # fmt: skip
    print(f"machine load (1-minute average): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    return 0 if ratio < 5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
