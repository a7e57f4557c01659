"""Worst cases of `hbg-plan diff` on hostile plans of 8 MB: the diff must stay under 2 s.

Plans are untrusted input, so the diff's cost must be bounded by the size of the files, not by
how their texts happen to differ. Each case writes an old and a new plan just under the 8 MiB
file limit (`hbg_plan.io.load.MAX_FILE_BYTES`) to a temporary folder and times `diff_plans` on the
loaded plans (median of `--runs`): CPU time, which is what the 2 s bound is about (on a shared
machine wall time also counts other people's work), and wall time beside it. Loading is timed
once, for information. The cases:

- one goal of 8 MB with one word changed (the common prefix and suffix are cut off first);
- one goal of 8 MB with a word changed in every sentence (too long to compare: "replaced");
- one goal of 8 MB in 2,000 sentences of which every other one is reworded (many stretches of
  600 words: the run's word budget decides);
- 10,000 goals, every one reworded, on a vocabulary of ten words (word diffs of repetitive text);
- 10,000 goals whose ids all changed (every goal paired by text similarity);
- one goal of 8 MB whose id changed (similarity of two huge texts).

    .venv/bin/python benchmarks/bench_diff_bounds.py [--runs N]

Exit status 1 when a case takes 2 s or more.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hbg_plan.analysis.diff import diff_plans
from hbg_plan.io.load import MAX_FILE_BYTES
from hbg_plan.validate.engine import load_plan

LIMIT_SECONDS = 2.0
SEED = 20261203
TEXT_BYTES = MAX_FILE_BYTES - 64 * 1024  # one huge text: the file just under the limit
VOCABULARY = ["och", "att", "ska", "vård", "stöd", "barn", "unga", "vuxna", "region", "stad"]

Goal = tuple[str, list[str]]  # id, texts


def words(rng: random.Random, count: int, vocabulary: list[str] | None = None) -> list[str]:
    if vocabulary:
        return [rng.choice(vocabulary) for _ in range(count)]
    return [
        "".join(rng.choice("abdefgiklmnoprstuvyåäö") for _ in range(rng.randint(2, 9))) for _ in range(count)
    ]


def plan_yaml(plan_id: str, goals: list[Goal], per_topic: int = 50) -> str:
    out = [
        "schema_version: 2", f"id: {plan_id}", 'title: "Genererad plan"', "kind: action-plan", "level: local",
        "issued_by: [helsingborgs-stad]", 'period: {start: "2020", end: "2020"}',
        "source: {file: source.txt, sha256: " + "0" * 64 + "}", "focus_areas:",
        "  - id: area", '    title: "Fokusområde"', "    source: {lines: [1, 1]}", "    topics:",
    ]  # fmt: skip
    for start in range(0, len(goals), per_topic):
        out += [f"      - id: t{start}", f'        title: "Delområde {start}"', "        source: {lines: [1, 1]}",
                "        goals:"]  # fmt: skip
        for goal_id, texts in goals[start : start + per_topic]:
            out += [f"          - id: {goal_id}", "            horizon: short", "            source: {lines: [1, 1]}",
                    f"            texts: {json.dumps(texts, ensure_ascii=False)}",
                    "            indicators: {missing: saknas}", "            responsible: {missing: not-stated}"]  # fmt: skip
    text = "\n".join(out) + "\n"
    assert len(text.encode("utf-8")) <= MAX_FILE_BYTES, f"{plan_id}: {len(text.encode('utf-8'))} bytes"
    return text


def huge_text(rng: random.Random, sentence_words: int | None) -> list[str]:
    """Words for one text of about TEXT_BYTES, with a full stop every `sentence_words` words."""
    result: list[str] = []
    size = 0
    while size < TEXT_BYTES * 0.97:
        word = words(rng, 1)[0]
        if sentence_words and len(result) % sentence_words == sentence_words - 1:
            word += "."
        result.append(word)
        size += len(word.encode("utf-8")) + 1
    return result


def one_word_changed(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    old = huge_text(rng, None)
    new = list(old)
    new[len(new) // 2] = "ändrat"
    return [("g", [" ".join(old)])], [("g", [" ".join(new)])]


def every_sentence_changed(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    old = huge_text(rng, 20)
    new = [w if n % 20 != 7 else "ändrat" for n, w in enumerate(old)]
    return [("g", [" ".join(old)])], [("g", [" ".join(new)])]


def every_other_sentence_reworded(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    old = huge_text(rng, len(huge_text(random.Random(0), None)) // 2000)
    sentence = len(old) // 2000
    new = [w if (n // sentence) % 2 or n % 7 else "ändrat" for n, w in enumerate(old)]
    return [("g", [" ".join(old)])], [("g", [" ".join(new)])]


def many_goals_reworded(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    count, length = 10_000, 60
    old = [(f"g{n}", [" ".join(words(rng, length, VOCABULARY))]) for n in range(count)]
    new = [(f"g{n}", [" ".join(words(rng, length, VOCABULARY))]) for n in range(count)]
    return old, new


def many_ids_changed(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    count, length = 10_000, 50
    old = [(f"g{n}", [" ".join(words(rng, length))]) for n in range(count)]
    new = [(f"ny{n}", [" ".join(texts[0].split()[::-1])]) for n, (_, texts) in enumerate(old)]
    return old, new


def huge_goal_renamed(rng: random.Random) -> tuple[list[Goal], list[Goal]]:
    old, new = one_word_changed(rng)
    return old, [("ny", new[0][1])]


CASES: dict[str, Callable[[random.Random], tuple[list[Goal], list[Goal]]]] = {
    "one 8 MB goal, one word changed": one_word_changed,
    "one 8 MB goal, every sentence changed": every_sentence_changed,
    "one 8 MB goal, 1,000 of 2,000 sentences reworded": every_other_sentence_reworded,
    "10,000 goals reworded, 10-word vocabulary": many_goals_reworded,
    "10,000 goals, every id changed": many_ids_changed,
    "one 8 MB goal, id changed": huge_goal_renamed,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per case; the median is reported (default 3)"
    )
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            old_goals, new_goals = make(random.Random(SEED))
            paths = []
            for side, goals in (("old", old_goals), ("new", new_goals)):
                path = Path(tmp) / f"{side}.yaml"
                path.write_text(plan_yaml(f"bench-{side}", goals), encoding="utf-8")
                paths.append(path)
            start = time.perf_counter()
            (old, problems_old), (new, problems_new) = load_plan(paths[0]), load_plan(paths[1])
            load_seconds = time.perf_counter() - start
            if old is None or new is None:
                sys.exit(f"{name}: generated plan is invalid: {(problems_old + problems_new)[:3]}")
            cpu_times, wall_times = [], []
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                diff = diff_plans(old, new)
                cpu_times.append(time.process_time() - start_cpu)
                wall_times.append(time.perf_counter() - start)
            seconds = statistics.median(cpu_times)
            worst = max(worst, seconds)
            size = max(p.stat().st_size for p in paths) / 1024**2
            print(
                f"{name:<50} {size:4.1f} MB  diff {seconds:5.2f} s CPU, {statistics.median(wall_times):5.2f} s wall"
                f"  (load {load_seconds:5.2f} s, {len(diff.changes)} changes)"
            )
    print(f"worst diff: {worst:.2f} s CPU (limit {LIMIT_SECONDS:g} s)")
    return 0 if worst < LIMIT_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
