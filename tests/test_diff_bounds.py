"""Bounded word diffs: hostile plans with huge goal texts are diffed in bounded work.

No wall-clock assertion: the tests check the work done (which stretches were compared word by
word, which were shown replaced, the budget spent) and what the user sees. The time figures of
the worst cases are printed by benchmarks/bench_diff_bounds.py. The CLI runs in a child process
whose timeout is only a hang guard, far above the expected time (about a second).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Sequence
from itertools import accumulate, pairwise
from pathlib import Path

import pytest

from hbg_plan.analysis.diff.words import (
    MAX_MIDDLE_CHARS,
    MAX_STRETCH_WORDS,
    Segment,
    WordBudget,
    common_subsequence,
    word_diff,
)
from tests.conftest import REPO

HANG_GUARD_SECONDS = 120  # expected: about 1 s on a busy two-core machine


def plan_yaml(plan_id: str, text: str) -> str:
    return "\n".join([
        "schema_version: 2", f"id: {plan_id}", 'title: "Plan"', "kind: action-plan", "level: local",
        "issued_by: [helsingborgs-stad]", 'period: {start: "2020", end: "2020"}',
        "source: {file: source.txt, sha256: " + "0" * 64 + "}", "focus_areas:",
        "  - id: area", '    title: "Fokusområde"', "    source: {lines: [1, 1]}", "    topics:",
        "      - id: topic", '        title: "Delområde"', "        source: {lines: [1, 1]}", "        goals:",
        "          - id: goal", "            horizon: short", "            source: {lines: [1, 1]}",
        f"            texts: [{json.dumps(text, ensure_ascii=False)}]",
        "            indicators: {missing: saknas}", "            responsible: {missing: not-stated}", "",
    ])  # fmt: skip


def words_of(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice("abdefgiklmnoprstuvyåäö") for _ in range(rng.randint(2, 9))) for _ in range(count)
    ]


def diff_json(tmp_path: Path, old_text: str, new_text: str) -> dict[str, object]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(plan_yaml("gammal", old_text), encoding="utf-8")
    new.write_text(plan_yaml("ny", new_text), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "hbg_plan", "diff", str(old), str(new), "--format", "json"],
        capture_output=True, text=True, cwd=REPO, timeout=HANG_GUARD_SECONDS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    (comparison,) = json.loads(done.stdout)["comparisons"]
    (reworded,) = [c for c in comparison["changes"] if c["kind"] == "goal-reworded"]
    return dict(reworded)


@pytest.mark.slow  # a fresh process diffing a megabyte
def test_one_word_changed_in_a_goal_of_a_megabyte_is_shown_as_one_word(tmp_path: Path) -> None:
    words = words_of(180_000, 1)  # about 1.1 MB in one goal text
    changed = list(words)
    changed[90_000] = "omformulerat"
    reworded = diff_json(tmp_path, " ".join(words), " ".join(changed))
    ops = [(w["op"], w["text"]) for w in reworded["words"]]  # type: ignore[attr-defined]
    assert [op for op, _ in ops] == ["equal", "delete", "insert", "equal"]
    assert ops[1:3] == [("delete", words[90_000]), ("insert", "omformulerat")]
    assert ops[0][1] == " ".join(words[:90_000]) and ops[3][1] == " ".join(words[90_001:])


@pytest.mark.slow  # a fresh process diffing a megabyte
def test_a_huge_goal_changed_everywhere_is_shown_replaced(tmp_path: Path) -> None:
    words = words_of(180_000, 2)
    sentences = [" ".join(words[n : n + 20]) + "." for n in range(0, len(words), 20)]
    changed = [s.replace(" ", " ändrat ", 1) for s in sentences]  # a word inserted in every sentence
    old_text, new_text = " ".join(sentences), " ".join(changed)
    assert len(old_text) + len(new_text) > MAX_MIDDLE_CHARS
    reworded = diff_json(tmp_path, old_text, new_text)
    segments = reworded["words"]
    assert [w["op"] for w in segments] == ["equal", "delete", "insert", "equal"]  # type: ignore[attr-defined]
    assert segments[0]["text"] == sentences[0].split()[0]  # type: ignore[index]
    assert segments[3]["text"] == " ".join(sentences[-1].split()[1:])  # type: ignore[index]
    assert _sides(segments) == (old_text, new_text)  # type: ignore[arg-type]


def _sides(segments: Sequence[Segment] | list[dict[str, str]]) -> tuple[str, str]:
    """The old and the new text as the word diff shows them."""
    parts = [(s.op, s.text) if isinstance(s, Segment) else (s["op"], s["text"]) for s in segments]
    return " ".join(t for op, t in parts if op != "insert"), " ".join(t for op, t in parts if op != "delete")


def test_the_run_budget_is_respected_and_the_rest_is_replaced() -> None:
    budget = WordBudget(words=10 * 83, cells=1_000_000)
    old_goals = [" ".join(words_of(40, seed)) + "." for seed in range(100)]
    new_goals = [" ".join([*words_of(40, seed)[:-1], "ny", "slut"]) + "." for seed in range(100)]
    for old, new in zip(old_goals, new_goals, strict=True):
        segments = word_diff([old], [new], budget)
        assert _sides(segments) == (old, new)  # every word is shown, compared or replaced
    assert budget.words_spent <= 10 * 83 and budget.cells_spent <= 1_000_000
    assert budget.compared == 10  # each comparison: 41 old words and 42 new ones
    assert budget.replaced == 100 - budget.compared


def test_a_stretch_over_the_word_limit_is_replaced_without_comparing() -> None:
    budget = WordBudget()
    old = " ".join(words_of(MAX_STRETCH_WORDS, 3))
    new = " ".join(words_of(MAX_STRETCH_WORDS, 4))
    segments = word_diff(old, new, budget)
    assert [s.op for s in segments] == ["delete", "insert"]
    assert (budget.compared, budget.replaced, budget.cells_spent) == (0, 1, 0)


@pytest.mark.parametrize("seed", range(30))
def test_common_subsequence_is_a_longest_one(seed: int) -> None:
    rng = random.Random(seed)
    a = [rng.choice("abcd") for _ in range(rng.randint(0, 40))]
    b = [rng.choice("abcd") for _ in range(rng.randint(0, 40))]
    pairs = common_subsequence(a, b)
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(x < y for p, q in pairwise(pairs) for x, y in [(p[0], q[0]), (p[1], q[1])])
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        row = [0, *accumulate([0] * len(b))]
        for j in range(len(b)):
            row[j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], row[j])
        table[i + 1] = row
    assert len(pairs) == table[len(a)][len(b)]
