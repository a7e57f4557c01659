"""`--format xlsx` for gaps, summary and diff, read back with openpyxl as Excel would open them.

Expected rows come from the plans: hbg-2020 has 8 "Saknas" goals, among them
utbildningssatsning.lang ("Saknas" at source lines 91-92); by focus area, 5. Ledning, styrning,
organisation has 6 goals of which 2 say "Saknas"; 5 of the "Saknas" goals name nobody
responsible (see tests/test_summary.py for the hand count).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import PLANS, RunCli
from tests.test_rules import goal, plan, topic, write

GAPS_HEADER_SV = [
    "Plan", "Fokusområde", "Område", "Mål", "Tidshorisont", "Kod", "Regel", "Allvarlighet", "Problem",
    "Ansvarig", "Måltext", "Källa", "Fil", "Rad", "Kolumn",
]  # fmt: skip
SOURCE_2020 = "sources/002_1aca388ac409bdea.txt"


def workbook(run_cli: RunCli, tmp_path: Path, *args: str, exit_code: int = 0) -> Any:
    out = tmp_path / "out.xlsx"
    result = run_cli(*args, "--format", "xlsx", "--output", str(out))
    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    return openpyxl.load_workbook(out)


def rows(ws: Worksheet) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]


def assert_table(ws: Worksheet, header: list[str]) -> None:
    """A header row in bold, frozen above the data, with filters over every column and row."""
    assert [cell.value for cell in ws[1]] == header
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(header))}{ws.max_row}"


def column(ws: Worksheet, name: str) -> int:
    return [cell.value for cell in ws[1]].index(name)


def test_gaps_workbook_in_swedish(run_cli: RunCli, tmp_path: Path) -> None:
    book = workbook(run_cli, tmp_path, "gaps", "hbg-2020", "--plans", str(PLANS), "--lang", "sv", exit_code=1)
    assert book.sheetnames == ["Brister", "Per regel"]
    findings = book["Brister"]
    assert_table(findings, GAPS_HEADER_SV)
    found = rows(findings)
    saknas = [r for r in found if r[5] == "HBG101"]
    assert len(saknas) == 8
    row = next(r for r in saknas if r[3] == "utbildningssatsning.lang")
    assert row[:9] == [
        "hbg-2020", "1. Förebyggande och främjande arbete", "Utbildningssatsning Psykisk ohälsa vuxna",
        "utbildningssatsning.lang", "Långsiktigt mål", "HBG101", "indicator-saknas", "brist",
        'indikator saknas: planen skriver "Saknas"',
    ]  # fmt: skip
    assert row[10].startswith("Genom att öka personalens kunskaper")
    assert row[11] == f"{SOURCE_2020}:91-92"
    assert isinstance(row[13], int) and isinstance(row[14], int)
    # Long Swedish goal texts wrap in a wide column; codes get a narrow one.
    text_col = get_column_letter(column(findings, "Måltext") + 1)
    assert findings.column_dimensions[text_col].width >= 50
    assert findings[f"{text_col}2"].alignment.wrap_text
    assert findings.column_dimensions["F"].width < 15
    by_rule = book["Per regel"]
    assert_table(by_rule, ["Plan", "Kod", "Regel", "Vad den hittar", "Allvarlighet", "Antal"])
    counts = {r[1]: r[5] for r in rows(by_rule)}
    assert counts["HBG101"] == 8
    assert sum(counts.values()) == len(found)


def test_gaps_workbook_in_english(run_cli: RunCli, tmp_path: Path) -> None:
    book = workbook(run_cli, tmp_path, "gaps", "hbg-2020", "--plans", str(PLANS), "--lang", "en", exit_code=1)
    assert book.sheetnames == ["Gaps", "By rule"]
    assert [c.value for c in book["Gaps"][1]][:4] == ["Plan", "Focus area", "Topic", "Goal"]
    assert any(r[8] == 'indicator missing: the plan says "Saknas"' for r in rows(book["Gaps"]))


def test_summary_workbook_by_party_and_by_focus_area(run_cli: RunCli, tmp_path: Path) -> None:
    book = workbook(run_cli, tmp_path, "summary", str(PLANS / "hbg-2020.yaml"), "--lang", "sv")
    assert book.sheetnames == ["Per ansvarig part"]
    ws = book.active
    header = ["Ansvarig part", "Mål", "Mätbara", "Ej mätbara", 'Delvis "Saknas"', '"Saknas"', "Ej angivna"]
    header += ['Mål "Saknas"', "Andel mätbara"]
    assert_table(ws, header)
    table = rows(ws)
    nobody = next(r for r in table if r[0] == "(saknar ansvarig)")
    assert nobody[5] == 5
    total = table[-1]
    assert total[0] == "Alla mål" and (total[1], total[5], total[6]) == (50, 8, 0)
    assert all(cell.font.bold for cell in ws[ws.max_row])
    share = ws.cell(row=ws.max_row, column=9)
    assert share.number_format == "0%" and share.value == pytest.approx(total[2] / 50, abs=1e-4)

    book = workbook(run_cli, tmp_path, "summary", "hbg-2020", "--plans", str(PLANS), "--by", "focus-area")
    assert book.sheetnames == ["By focus area"]
    areas = {r[0]: r for r in rows(book.active)}
    assert (
        areas["5. Ledning, styrning, organisation"][1],
        areas["5. Ledning, styrning, organisation"][5],
    ) == (6, 2)


def test_diff_workbook_lists_every_change_of_each_pair(run_cli: RunCli, tmp_path: Path) -> None:
    book = workbook(run_cli, tmp_path, "diff", "hbg-2015", "hbg-2020", "hbg-2023", "--plans", str(PLANS),
                    "--lang", "sv")  # fmt: skip
    assert book.sheetnames == ["Ändringar", "Översikt"]
    changes, overview = book["Ändringar"], book["Översikt"]
    assert_table(changes, ["Äldre plan", "Nyare plan", "Fokusområde", "Delområde", "Mål", "Ändring", "Beskrivning",
                           "Textändringar [-borttaget-] {+tillagt+}", "Plats"])  # fmt: skip
    assert_table(overview, ["Äldre plan", "Nyare plan", "Ändring", "Antal"])
    listed = rows(changes)
    pairs = {(r[0], r[1]) for r in listed}
    assert pairs == {("hbg-2015", "hbg-2020"), ("hbg-2020", "hbg-2023")}
    for pair in pairs:  # the overview counts add up to the changes listed
        assert sum(r[3] for r in rows(overview) if (r[0], r[1]) == pair) == sum(
            1 for r in listed if (r[0], r[1]) == pair
        )
    # attityder.kort was reworded from 2020 to 2023 (compare the two YAML files).
    texts = {}
    for plan_id in ("hbg-2020", "hbg-2023"):
        data = yaml.safe_load((PLANS / f"{plan_id}.yaml").read_text(encoding="utf-8"))
        goals = [g for a in data["focus_areas"] for t in a["topics"] for g in t["goals"]]
        texts[plan_id] = next(g["texts"] for g in goals if g["id"] == "attityder.kort")
    assert texts["hbg-2020"] != texts["hbg-2023"]
    reworded = next(r for r in listed if r[4] == "attityder.kort" and r[5] == "Mål omformulerat")
    assert reworded[:4] == [
        "hbg-2020",
        "hbg-2023",
        "Förebyggande och främjande arbete",
        "Attityder till psykisk ohälsa",
    ]
    assert "[-" in reworded[7] and "{+" in reworded[7]
    assert "hbg-2023.yaml:" in reworded[8]


@pytest.mark.parametrize(
    "args",
    [("gaps", "hbg-2020"), ("summary", "hbg-2020"), ("diff", "hbg-2020", "hbg-2023")],
)
def test_xlsx_without_output_is_a_usage_error(run_cli: RunCli, args: tuple[str, ...]) -> None:
    result = run_cli(*args, "--plans", str(PLANS), "--format", "xlsx", "--lang", "sv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--output" in result.stderr and "binär" in result.stderr


def test_plan_text_that_looks_like_a_formula_stays_text(run_cli: RunCli, tmp_path: Path) -> None:
    text = '=HYPERLINK("http://example.invalid","klicka") Socialförvaltningen ska erbjuda stöd.'
    path = write(
        tmp_path / "plans", plan("formel", topic("sip", goal("sip.kort", texts=(text,), indicators="saknas")))
    )
    book = workbook(run_cli, tmp_path, "gaps", str(path), exit_code=1)
    ws = book["Gaps"]
    cells = [row[10] for row in ws.iter_rows(min_row=2) if row[5].value == "HBG101"]
    assert [c.value for c in cells] == [text]
    assert cells[0].data_type == "s"
