"""Hostile text in a plan never reaches an output as something other than text.

A pull request controls every string of a plan: titles, goal texts, indicators, ids, the file
name. Each test builds a valid plan around one attack in tmp_path, runs the real CLI, and checks
stdout, stderr and any output file for the raw attack:

- terminal control (ESC/BEL: an OSC sequence retitles the terminal), NUL, zero-width and bidi
  characters: shown escaped (`\\x1b`, `\\u202e`), never raw;
- a GitHub workflow command: no line of text, markdown, CSV, HTML or JUnit output, and none on
  standard error, starts with '::' (the Actions runner ignores leading white space);
- spreadsheet formulas: no CSV cell starts with = + - @ tab or CR, and no Excel cell is a formula.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from tests.conftest import PLANS, RunCli

OSC = "\x1b]0;pwned\x07"  # ESC ] 0 ; title BEL: sets the terminal's title
BIDI = "Stöd till unga\u202e\u200b.exe"  # right-to-left override and a zero-width space
NUL = "Nollbyte\x00här"
COMMAND = "::error file=README.md,line=1::pwned"
FORMULAS = (
    '=HYPERLINK("http://evil.example/?q","klicka")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
)
RAW = ("\x1b", "\x07", "\x00", "\u202e", "\u200b")
WORKFLOW_COMMAND = re.compile(r"^\s*::", re.MULTILINE)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def hostile_plan(
    root: Path,
    *,
    title: str = "Handlingsplan",
    area: str = "Förebyggande arbete",
    topic: str = "Samordning",
    texts: tuple[str, ...] = ("Socialförvaltningen ska erbjuda stöd.",),
    indicator: str = "Antal personer som fått stöd.",
    plan_id: str = "evil",
    name: str = "evil.yaml",
    extra: dict[str, Any] | None = None,
) -> Path:
    """A plan that validates: every transcribed string also stands in its source text."""
    plans = root / "plans"
    (plans / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(PLANS / "parties.yaml", plans / "parties.yaml")
    lines = [line for text in (title, area, topic, *texts, indicator) for line in text.split("\n")]
    source = "\n".join(lines) + "\n"
    (plans / "sources" / f"{plan_id}.txt").write_text(source, encoding="utf-8")
    goal = {
        "id": "samordning.kort",
        "horizon": "short",
        "texts": list(texts),
        "indicators": [indicator],
        "responsible": {"missing": "not-stated"},
        "source": {"lines": [1, len(lines)]},
    }
    data: dict[str, Any] = {
        "schema_version": 2,
        "id": plan_id,
        "title": title,
        "kind": "action-plan",
        "level": "local",
        "issued_by": ["helsingborgs-stad"],
        "period": {"start": "2020", "end": "2022"},
        "source": {
            "file": f"sources/{plan_id}.txt",
            "sha256": hashlib.sha256(source.encode("utf-8")).hexdigest(),
        },
        "focus_areas": [
            {
                "id": "forebyggande",
                "title": area,
                "source": {"lines": [1, len(lines)]},
                "topics": [
                    {
                        "id": "samordning",
                        "title": topic,
                        "source": {"lines": [1, len(lines)]},
                        "goals": [goal],
                    }
                ],
            }
        ],
        **(extra or {}),
    }
    path = plans / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assert_neutral(*outputs: str, annotations: bool = False) -> None:
    """No raw control or invisible character; no line that starts a workflow command (in the
    GitHub annotation format: none but the tool's own annotations, with nothing injected)."""
    for text in outputs:
        for char in RAW:
            assert char not in text, f"raw {char!r} in {text[:300]!r}"
        if annotations:
            commands = [line for line in text.splitlines() if line.lstrip().startswith("::")]
            assert all(re.match(r"::(error|warning|notice) file=", line) for line in commands), text
            assert not any("README.md" in line.split("::")[1] for line in commands), text
        else:
            assert not WORKFLOW_COMMAND.search(text), text


# --- control and invisible characters ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "{plan}", "--fail-on", "never"],
        ["gaps", "{plan}", "--fail-on", "never", "--format", "markdown"],
        ["gaps", "{plan}", "--fail-on", "never", "--format", "csv"],
        ["gaps", "{plan}", "--fail-on", "never", "--format", "github"],
        ["gaps", "{plan}", "--fail-on", "never", "--format", "junit"],
        ["summary", "{plan}"],
        ["summary", "{plan}", "--format", "markdown"],
        ["history", "samordning", "--plans", "{plans}"],
        ["history", "samordning", "--plans", "{plans}", "--format", "markdown"],
        ["show", "samordning.kort", "--plan", "{plan}"],
        ["show", "samordning", "--plan", "{plan}"],
    ],
    ids=lambda a: "-".join(x for x in a if not x.startswith(("{", "--fail", "never"))),
)
def test_control_and_invisible_characters_are_escaped(
    run_cli: RunCli, tmp_path: Path, args: list[str]
) -> None:
    plan = hostile_plan(
        tmp_path,
        title=f"Plan {OSC}",
        topic=f"Samordning {OSC}",
        texts=(BIDI, NUL),
        indicator=f"Arbetet följs upp {OSC}",  # not measurable: HBG104 quotes it
    )
    argv = [a.format(plan=plan, plans=plan.parent) for a in args]
    result = run_cli(*argv)
    assert result.exit_code == 0, result
    assert_neutral(result.stdout, result.stderr, annotations="github" in argv)
    assert "\\x1b" in result.stdout, result.stdout[:2000]  # shown, escaped


def test_html_report_escapes_control_and_invisible_characters(run_cli: RunCli, tmp_path: Path) -> None:
    plan = hostile_plan(tmp_path, title=f"Plan {OSC}", texts=(BIDI, NUL))
    page = tmp_path / "rapport.html"
    result = run_cli("report", str(plan), "-o", str(page))
    assert result.exit_code == 0, result
    html = page.read_text(encoding="utf-8")
    assert_neutral(result.stdout, result.stderr, html)
    assert "\\x1b]0;pwned\\x07" in html and "\\u202e\\u200b" in html


def test_diff_escapes_control_characters_in_reworded_goals(run_cli: RunCli, tmp_path: Path) -> None:
    old = hostile_plan(tmp_path / "a", texts=("Socialförvaltningen ska erbjuda stöd.",))
    new = hostile_plan(tmp_path / "b", texts=(f"Socialförvaltningen ska erbjuda {OSC} stöd.\n{COMMAND}",))
    for fmt in ("text", "markdown", "github"):
        result = run_cli("diff", str(old), str(new), "--format", fmt)
        assert result.exit_code == 0, result
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        if fmt != "github":
            assert not WORKFLOW_COMMAND.search(result.stdout), result.stdout
        else:  # the tool's own annotations only: the command in the text is %-escaped inside one
            assert all(
                line.startswith("::notice ") for line in result.stdout.splitlines() if "::" in line[:2]
            )


def test_the_terminal_gets_no_escape_sequence_from_plan_data(run_cli: RunCli, tmp_path: Path) -> None:
    """FORCE_COLOR makes the rich output run (as on a terminal, or in CI that forces colour)."""
    plan = hostile_plan(tmp_path, title=f"Plan {OSC}", topic=f"Samordning {OSC}", texts=(BIDI,))
    env = {"NO_COLOR": "", "FORCE_COLOR": "1"}
    for args in (
        ["gaps", str(plan), "--fail-on", "never"],
        ["summary", str(plan)],
        ["show", "samordning.kort", "--plan", str(plan)],
        ["history", "samordning", "--plans", str(plan.parent)],
    ):
        result = run_cli(*args, env=env)
        assert result.exit_code == 0, result
        assert "\x1b[" in result.stdout, "rich colour output expected"
        assert "\x1b]" not in result.stdout and "\x07" not in result.stdout  # no OSC sequence, no BEL
        assert "\u202e" not in result.stdout and "\u200b" not in result.stdout


def test_messages_on_standard_error_are_escaped(run_cli: RunCli) -> None:
    result = run_cli("rules", f"HBG{OSC}")
    assert result.exit_code == 2
    assert_neutral(result.stderr)
    assert "\\x1b]0;pwned\\x07" in result.stderr


# --- workflow commands -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "junit"])
def test_a_goal_text_cannot_start_a_workflow_command(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    plan = hostile_plan(
        tmp_path,
        texts=(f"Första meningen.\n{COMMAND}", f"Andra.\n   {COMMAND}"),
        indicator=f"Arbetet följs upp.\n{COMMAND}",  # not measurable: HBG104 quotes it
    )
    result = run_cli("gaps", str(plan), "--fail-on", "never", "--format", fmt)
    assert result.exit_code == 0, result
    assert_neutral(result.stdout, result.stderr)
    assert "pwned" in result.stdout  # the text is there, as text
    for args in (["--format", "text"], ["--format", "markdown"]):
        history = run_cli("history", "samordning", "--plans", str(plan.parent), *args)
        assert history.exit_code == 0, history
        assert_neutral(history.stdout)


def test_a_file_name_cannot_start_a_workflow_command(run_cli: RunCli, tmp_path: Path) -> None:
    plan = hostile_plan(tmp_path, name=f"evil\n{COMMAND}.yaml")
    for fmt in ("text", "markdown"):
        result = run_cli("gaps", str(plan), "--fail-on", "never", "--format", fmt)
        assert result.exit_code == 0, result
        assert_neutral(result.stdout, result.stderr)
    broken = plan.with_name(f"broken\n{COMMAND}.yaml")
    broken.write_text("id: [\n", encoding="utf-8")
    result = run_cli("gaps", str(broken))
    assert result.exit_code == 2
    assert_neutral(result.stdout, result.stderr)
    result = run_cli("validate", str(broken), "--format", "github")
    lines = result.stdout.splitlines()
    assert (
        lines[0].startswith("::error file=")
        and "%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Apwned" in lines[0]
    )
    assert not any(line.lstrip().startswith("::") for line in lines[1:])


# --- spreadsheet formulas ----------------------------------------------------------------------


def _csv_cells(text: str) -> list[str]:
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";")
    return [cell for row in rows for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_never_start_a_formula(run_cli: RunCli, tmp_path: Path, formula: str) -> None:
    plan = hostile_plan(tmp_path, topic=formula, texts=(formula, "\tTabb först."), area=formula)
    report = tmp_path / "brister.csv"
    gaps = run_cli("gaps", str(plan), "--fail-on", "never", "--format", "csv", "-o", str(report))
    assert gaps.exit_code == 0, gaps
    summary = run_cli("summary", str(plan), "--by", "focus-area", "--format", "csv")
    assert summary.exit_code == 0, summary
    for text in (report.read_text(encoding="utf-8-sig"), summary.stdout):
        cells = _csv_cells(text)
        assert not [c for c in cells if c.startswith(FORMULA_START)], cells
        assert "'" + formula in cells  # shown as text, the formula itself kept


@pytest.mark.parametrize("formula", FORMULAS)
def test_excel_cells_are_text_never_formulas(run_cli: RunCli, tmp_path: Path, formula: str) -> None:
    plan = hostile_plan(tmp_path, topic=formula, texts=(formula, f"Text {OSC}"), area=formula)
    for command in ("gaps", "summary"):
        book_path = tmp_path / f"{command}.xlsx"
        extra = ["--fail-on", "never"] if command == "gaps" else ["--by", "focus-area"]
        result = run_cli(command, str(plan), "--format", "xlsx", "-o", str(book_path), *extra)
        assert result.exit_code == 0, result
        book = openpyxl.load_workbook(book_path)
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_START)]
        assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
        assert not [c.value for c in cells if isinstance(c.value, str) and "\x1b" in c.value]


# --- ids --------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["samordning\u200b.kort", "samordning\u202e.kort", "samordning.kort\n"])
def test_invisible_characters_and_line_breaks_in_ids_are_schema_errors(
    run_cli: RunCli, tmp_path: Path, bad_id: str
) -> None:
    plan = hostile_plan(tmp_path)
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "id: samordning.kort", f"id: {yaml.safe_dump(bad_id).strip()}"
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1, result
    errors = [line for line in result.stdout.splitlines() if "HBG010" in line]
    assert len(errors) == 1 and "does not have the expected form" in errors[0], result.stdout
    assert_neutral(result.stdout)
    assert json.dumps(bad_id) in errors[0]  # the id shown with its invisible character escaped
