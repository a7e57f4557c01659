"""`hbg-plan summary PLAN`: goals and indicators per responsible party or focus area."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli.context import (
    LANG_OPTION,
    OUTPUT_OPTION,
    PLANS_OPTION,
    WRITERS,
    Lang,
    console,
    fail_usage,
    format_option,
    load_settings,
    plan_problems,
    use_color,
    write_report,
    write_xlsx,
)
from hbg_plan.gaps.engine import accountability, unit_departments
from hbg_plan.i18n import message
from hbg_plan.output import summary as reporter
from hbg_plan.output.xlsx import summary_workbook
from hbg_plan.validate.engine import registry_for
from hbg_plan.workspace import load_for_check, party_names


class By(enum.StrEnum):
    party = "party"
    unit = "unit"
    focus_area = "focus-area"


SummaryFormat = enum.StrEnum("SummaryFormat", ["text", "markdown", "csv", "json", "xlsx"])


def summary(
    plan: str = typer.Argument(..., metavar="PLAN", help="A plan id or plan file."),
    by: By = typer.Option(
        By.party,
        "--by",
        help="One row per responsible party, units counted under their department (party); per "
        "party with units on their own rows (unit); or per focus area.",
    ),
    output_format: SummaryFormat = format_option(SummaryFormat.text),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """How many goals each department (or focus area) owns, how many have a measurable indicator,
    how many say "Saknas" or state none, and the share measurable.

    With --by party a unit (Familjehuset, Ung Helsingborg …) counts under the department it is
    part of (its `part_of` in the parties registry); --by unit gives it a row of its own. Goals
    with no responsible party form their own row. GitHub and SARIF output are for findings
    at a line (see `hbg-plan gaps`); a summary has no line to point at.
    """
    config, language = load_settings(lang)
    loaded = load_for_check([plan], plans_dir or Path(config.plans_dir))
    if loaded.errors:
        raise plan_problems(loaded.errors, language)
    if len(loaded.targets) != 1:
        raise fail_usage(message("gaps.cli.one_plan", language))
    chosen = loaded.targets[0]
    _, names = party_names([chosen])
    roll_up = unit_departments(registry_for(chosen.path)) if by is By.party else None
    rows, total = accountability(chosen, by.value, names, roll_up)
    report = reporter.SummaryReport(chosen.id, chosen.title, chosen.doc.file, by.value, rows, total)
    if output_format is SummaryFormat.xlsx:
        write_xlsx(lambda: summary_workbook(report, language), output, language)
        return
    if output_format is SummaryFormat.text and use_color(output):
        reporter.print_rich(report, language, console())
        return
    write_report(WRITERS["summary", output_format](report, language), output, language)


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
