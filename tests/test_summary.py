"""`hbg-plan summary`: goals and indicators per responsible party or focus area.

Expected figures for hbg-2020 were counted in plans/hbg-2020.yaml: 25 topics with a short and a
long goal each; 8 long-term goals say "Saknas" (source lines 92, 165, 209, 294, 332, 343, 415,
429), of which kommunikator-brukardelaktighet.lang and aterhamtningsguiden.lang name Helsingborgs
stad, sysselsattning.lang names Helsingborgs stad and Socialförvaltningen, and the other five name
nobody.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PLANS, RunCli
from tests.test_rules import goal, plan, topic, write

COUNTS = ("goals", "measurable", "not_measurable", "saknas", "not_stated")


def _summary(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("summary", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_by_party_on_the_2020_plan(run_cli: RunCli) -> None:
    document = _summary(run_cli, str(PLANS / "hbg-2020.yaml"))
    rows = {row["key"]: row for row in document["rows"]}
    assert rows[None]["saknas"] == 5
    assert rows["helsingborgs-stad"]["saknas"] == 3
    assert rows["sof"]["saknas"] == 1
    assert document["rows"][-1]["key"] is None  # goals with no responsible party: their own row, last
    assert document["rows"][0]["key"] == "helsingborgs-stad"  # the party with most goals first
    total = document["total"]
    assert (total["goals"], total["saknas"], total["not_stated"]) == (50, 8, 0)
    for row in [*document["rows"], total]:
        assert row["goals"] == sum(row[c] for c in COUNTS[1:])
        assert row["share_measurable"] == round(row["measurable"] / row["goals"], 4)
    assert rows["sof"]["label"] == "Socialförvaltningen (sof)"


def test_by_focus_area_on_the_2020_plan(run_cli: RunCli) -> None:
    document = _summary(run_cli, "hbg-2020", "--plans", str(PLANS), "--by", "focus-area")
    rows = {row["key"]: row for row in document["rows"]}
    assert list(rows) == [
        "forebyggande",
        "tillgangliga-tidiga",
        "delaktighet-rattigheter",
        "utsatta-grupper",
        "ledning-styrning",
    ]
    assert (rows["ledning-styrning"]["goals"], rows["ledning-styrning"]["saknas"]) == (6, 2)
    assert (rows["forebyggande"]["goals"], rows["forebyggande"]["saknas"]) == (10, 1)
    assert rows["ledning-styrning"]["label"] == "5. Ledning, styrning, organisation"
    assert sum(r["goals"] for r in document["rows"]) == document["total"]["goals"] == 50


def test_counts_a_goal_for_each_party_and_once_in_the_total(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan(
            "p",
            topic(
                "t",
                goal("t.kort", responsible=("sof", "vof"), indicators=("Antal SIP.",)),
                goal("t.lang", responsible=("sof",), indicators=("Utvärdering av arbetet.",)),
                goal("t.kort-2", responsible="not-stated", indicators="not-stated"),
                goal(
                    "t.lang-2",
                    responsible=("vof",),
                    indicators=("Utvärdering.",),
                    ignore=[{"code": "HBG104", "reason": "Utvärderingen ger ett betyg 1-5."}],
                ),
            ),
        ),
    )
    document = _summary(run_cli, str(path))
    rows = {row["key"]: {c: row[c] for c in COUNTS} for row in document["rows"]}
    assert rows == {
        "sof": {"goals": 2, "measurable": 1, "not_measurable": 1, "saknas": 0, "not_stated": 0},
        "vof": {"goals": 2, "measurable": 2, "not_measurable": 0, "saknas": 0, "not_stated": 0},
        None: {"goals": 1, "measurable": 0, "not_measurable": 0, "saknas": 0, "not_stated": 1},
    }
    assert document["total"]["goals"] == 4 and document["total"]["measurable"] == 2


def test_text_table_in_swedish(run_cli: RunCli) -> None:
    result = run_cli("summary", str(PLANS / "hbg-2020.yaml"), "--lang", "sv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Ansvar per ansvarig part: hbg-2020"
    header = next(line for line in lines if line.startswith("Ansvarig part"))
    assert "Mätbara" in header and '"Saknas"' in header and "Andel mätbara" in header
    nobody = re.split(r"\s{2,}", next(line for line in lines if line.startswith("(saknar ansvarig)")))
    assert nobody[4:8] == ["0", "5", "0", "0"]  # partly "Saknas", "Saknas", not stated, goal "Saknas"
    total = re.split(r"\s{2,}", next(line for line in lines if line.startswith("Alla mål")))
    assert total[1] == "50" and total[5] == "8" and total[8].endswith(" %")


def test_markdown_and_csv(run_cli: RunCli, tmp_path: Path) -> None:
    markdown = run_cli("summary", str(PLANS / "hbg-2023.yaml"), "-f", "markdown").stdout
    assert markdown.startswith("# Accountability by responsible party: hbg-2023")
    assert "| (no responsible party) |" in markdown.replace("\\(", "(").replace("\\)", ")")
    assert "| **All goals** |" in markdown
    out = tmp_path / "summary.csv"
    result = run_cli(
        "summary", str(PLANS / "hbg-2023.yaml"), "-f", "csv", "--by", "focus-area", "-o", str(out)
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:2] == ["Focus area", "Goals"]
    assert rows[-1][0] == "All goals"
    assert sum(int(r[1]) for r in rows[1:-1]) == int(rows[-1][1])


def test_unknown_plan_and_several_plans_exit_2(run_cli: RunCli) -> None:
    result = run_cli("summary", "hbg-1999", "--plans", str(PLANS))
    assert result.exit_code == 2 and "hbg-1999" in result.stderr
    result = run_cli("summary", str(PLANS))
    assert result.exit_code == 2 and "give one plan" in result.stderr


def test_rich_table_fits_a_narrow_terminal(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    result = run_cli(
        "summary", str(PLANS / "hbg-2020.yaml"), "--lang", "sv", env={"FORCE_COLOR": "1", "COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert all(len(line) <= 80 for line in plain.splitlines())
    total = next(line for line in plain.splitlines() if line.strip().startswith("Alla mål"))
    assert total.rstrip().endswith("74 %")  # 37 of 50 goals measurable: the last column is not cut off
