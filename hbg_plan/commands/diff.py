"""`hbg-plan diff OLD NEW [NEWER ...]`: what changed between versions of a plan."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hbg_plan.commands.common import LANG_OPTION, OUTPUT_OPTION, Lang, resolve_lang, write_report

if TYPE_CHECKING:
    from hbg_plan.model import Plan
    from hbg_plan.resolve import PlanFolder, PlanLoadError


MAX_DIAGNOSTICS = 20


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    xlsx = "xlsx"


class FailOn(enum.StrEnum):
    regression = "regression"
    any = "any"


PLANS_DIR_OPTION = typer.Option(
    None, "--plans", help="Folder in which plan ids are looked up (default: the configured plans folder).",
    file_okay=False,
)  # fmt: skip


def plan_folder(plans: Path | None) -> PlanFolder:
    from hbg_plan.commands.common import default_plans_dir
    from hbg_plan.resolve import PlanFolder

    return PlanFolder(plans if plans is not None else Path(default_plans_dir()))


def load_error(exc: PlanLoadError, lang: str) -> typer.Exit:
    """Print why a plan could not be used (with its diagnostics) and return exit code 2."""
    from hbg_plan.i18n import message

    lines = [f"hbg-plan: {message(exc.message_id, lang, **exc.values)}"]
    if exc.values.get("close"):
        lines.append("  " + message("diff.did_you_mean", lang, close=exc.values["close"]))
    shown = dict.fromkeys(
        f"{d.where}: {message(f'label.{d.severity.label}', lang)} {d.code} {d.render(lang)}"
        for d in exc.diagnostics
    )
    lines += list(shown)[:MAX_DIAGNOSTICS]
    if len(shown) > MAX_DIAGNOSTICS:
        lines.append(
            message("cli.truncated", lang, count=len(shown) - MAX_DIAGNOSTICS, limit=MAX_DIAGNOSTICS)
        )
    sys.stderr.write("\n".join(lines) + "\n")
    return typer.Exit(2)


def load_plans(refs: list[str], folder: PlanFolder, lang: str) -> list[Plan]:
    from hbg_plan.resolve import PlanLoadError, load_ref

    try:
        return [load_ref(ref, folder) for ref in refs]
    except PlanLoadError as exc:
        raise load_error(exc, lang) from None


class Annotate(enum.StrEnum):
    regressions = "regressions"
    all = "all"


def diff(
    plans: list[str] = typer.Argument(..., help="Two or more plan files or plan ids, oldest first."),
    output_format: DiffFormat = typer.Option(
        None,
        "--format",
        "-f",
        help="Output format (default: text; github when GITHUB_ACTIONS=true and the report goes to standard output).",
    ),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when the plans differ (like git diff)."
    ),
    fail_on: FailOn = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 only on these changes: 'regression' (indicators lost) or 'any' difference.",
    ),
    plans_dir: Path = PLANS_DIR_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
    annotate: Annotate = typer.Option(
        Annotate.regressions,
        "--annotate",
        help="github format: annotate only regressions (default; the other changes are counted in "
        "the summary) or all changes.",
    ),
) -> None:
    """Compare plan versions: topics and goals added, removed, reworded or moved; indicators gained or lost.

    With more than two plans each consecutive pair is compared (2015 → 2020 → 2023). Exit 0 unless
    --exit-code or --fail-on says otherwise; 2 on unknown ids, unreadable files or invalid plans.

    Formats: text, json, markdown, github (workflow annotations at the newer file's lines), sarif
    (2.1.0: a result per change; regressions are errors, other changes notes), junit (one test case
    per failing change: each regression, or each change with --fail-on any or --exit-code; a pair
    without one is a passing case; the other changes in system-out), xlsx (needs --output).
    """
    from hbg_plan.commands.common import fail_usage, github_actions
    from hbg_plan.diff import diff_versions
    from hbg_plan.i18n import message

    language = resolve_lang(lang)
    if len(plans) < 2:
        raise fail_usage(message("diff.need_two", language))
    loaded = load_plans(plans, plan_folder(plans_dir), language)
    diffs = diff_versions(loaded)
    fmt = output_format or (DiffFormat.github if github_actions() and output is None else DiffFormat.text)
    if fmt is DiffFormat.text:
        from hbg_plan.report.diff_text import render_text
        from hbg_plan.report.output import is_terminal

        color = output is None and is_terminal()
        text = render_text(diffs, language, color)
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            write_report(text, output, language)
    elif fmt is DiffFormat.json:
        from hbg_plan.report.diff_json import render_json

        write_report(render_json(diffs, language), output, language)
    elif fmt is DiffFormat.markdown:
        from hbg_plan.report.diff_markdown import render_markdown

        write_report(render_markdown(diffs, language), output, language)
    elif fmt is DiffFormat.xlsx:
        from hbg_plan.commands.report import write_xlsx
        from hbg_plan.report.xlsx import diff_workbook

        write_xlsx(lambda: diff_workbook(diffs, language), output, language)
    elif fmt is DiffFormat.sarif:
        from hbg_plan.report.diff_ci import render_sarif

        write_report(render_sarif(diffs, language), output, language)
    elif fmt is DiffFormat.junit:
        from hbg_plan.report.diff_ci import render_junit

        write_report(render_junit(diffs, language, fail_on is FailOn.any or exit_code), output, language)
    else:
        from hbg_plan.report.diff_github import render_github

        write_report(render_github(diffs, language, annotate is Annotate.all), output, language)
    failing = any(d.regressions for d in diffs) if fail_on is FailOn.regression else False
    if exit_code or fail_on is FailOn.any:
        failing = failing or any(d.differences for d in diffs)
    if failing:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
