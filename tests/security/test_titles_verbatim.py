"""Titles are transcribed text like any other: the plan title must stand somewhere in its source,
focus-area and topic titles within their recorded lines (HBG025). A pull request cannot slip an
invented title past `validate`, and a title is no way to quote or probe a source it may not read.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers.inprocess import run_here

PLAN = "hbg-2020"
TITLE = 'title: "Helsingborgs stads handlingsplan – Överenskommelse psykisk hälsa 2020-2022 för vuxna"'
AREA_TITLE = 'title: "Förebyggande och främjande arbete"'
TOPIC_TITLE = 'title: "Suicidprevention"'


def validate(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_here(repo, "validate", *args)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_invented_plan_area_and_topic_titles_are_not_verbatim(repo: Path) -> None:
    path = repo / "plans" / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    for old in (TITLE, AREA_TITLE, TOPIC_TITLE):
        assert old in text
        text = text.replace(old, old[:-1] + ' – antagen av kommunfullmäktige"', 1)
    path.write_text(text, encoding="utf-8")
    result = validate(repo, f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if " HBG025 " in line]
    assert len(problems) == 3, result.stdout
    plan_line, area_line, topic_line = (line_of(text, t[:-1]) for t in (TITLE, AREA_TITLE, TOPIC_TITLE))
    assert problems[0].startswith(
        f"plans/{PLAN}.yaml:{plan_line}:8: error HBG025 plan title not found verbatim"
    )
    assert "anywhere in sources/002_1aca388ac409bdea.txt" in problems[0]
    assert problems[1].startswith(f"plans/{PLAN}.yaml:{area_line}:")
    assert problems[2].startswith(f"plans/{PLAN}.yaml:{topic_line}:")


def test_plan_title_message_in_swedish(repo: Path) -> None:
    path = repo / "plans" / f"{PLAN}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(TITLE, 'title: "Handlingsplan för Lunds kommun"'),
        encoding="utf-8",
    )
    result = validate(repo, f"plans/{PLAN}.yaml", "--lang", "sv")
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if " HBG025 " in line]
    assert (
        'planens titel finns inte ordagrant någonstans i sources/002_1aca388ac409bdea.txt: "Handlingsplan'
        in line
    )


def test_the_bundled_plans_titles_are_verbatim(repo: Path) -> None:
    result = validate(repo, "plans/")
    assert result.returncode == 0, result.stdout
    assert "all valid" in result.stdout
