"""Time `hbg-plan diff` on generated plans of 1,000 and 4,000 goals; the ratio must stay under 5.

Each size gets an old and a new plan (deterministic seed) written as valid plan files with their
source text to a temporary folder. The new version rewords 10 % of the goals, renames the ids of
5 % (so they are paired by text similarity), moves 2 % to another topic, drops 2 % and adds 2 %,
and flips indicators between stated and "Saknas" on 5 %: all matching stages do real work.
Timed: `diff_plans` on the loaded plans (the gated ratio), and for information loading plus
diffing; medians of several runs. Linear scaling gives a ratio of 4; a quadratic matcher 16.

    .venv/bin/python benchmarks/bench_diff.py [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hbg_plan.analysis.diff import diff_plans
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


def time_diff(old_path: Path, new_path: Path, runs: int) -> tuple[float, float, int]:
    """Median seconds of diffing loaded plans, of loading and diffing, and the number of changes."""
    old, old_problems = load_plan(old_path)
    new, new_problems = load_plan(new_path)
    if old is None or new is None:
        sys.exit(f"generated plan is invalid: {(old_problems + new_problems)[:3]}")
    diff_times, total_times = [], []
    changes = 0
    for _ in range(runs):
        start = time.perf_counter()
        changes = len(diff_plans(old, new).changes)
        diff_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        loaded_old, _ = load_plan(old_path)
        loaded_new, _ = load_plan(new_path)
        assert loaded_old is not None and loaded_new is not None
        diff_plans(loaded_old, loaded_new)
        total_times.append(time.perf_counter() - start)
    return statistics.median(diff_times), statistics.median(total_times), changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per size; the median is reported (default 5)"
    )
    args = parser.parse_args()
    results, totals = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (1000, 4000):
            folder = Path(tmp) / str(size)
            folder.mkdir()
            old, new = write_plans(folder, size)
            seconds, total, changes = time_diff(old, new, args.runs)
            results[size], totals[size] = seconds, total
            print(
                f"{size:>5} goals: diff {seconds * 1000:7.1f} ms, load + diff {total * 1000:7.1f} ms"
                f" (medians of {args.runs}), {changes} changes"
            )
    ratio = results[4000] / results[1000]
    print(f"diff ratio 4000/1000: {ratio:.2f} (limit 5; linear is 4)")
    print(f"load + diff ratio 4000/1000: {totals[4000] / totals[1000]:.2f} (for information)")
    return 0 if ratio < 5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
