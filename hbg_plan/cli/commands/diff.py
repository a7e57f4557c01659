"""`hbg-plan diff OLD NEW [NEWER ...]`: what changed between versions of a plan."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.analysis.diff import diff_versions
from hbg_plan.cli import context
from hbg_plan.cli.context import LANG_OPTION, OUTPUT_OPTION, PLANS_OPTION, Lang, format_option, plans_argument
from hbg_plan.i18n import message
from hbg_plan.model.plan import Plan
from hbg_plan.output import diff_ci, diff_github, diff_text
from hbg_plan.output.xlsx import diff_workbook
from hbg_plan.workspace import PlanFolder, PlanLoadError, load_ref

DiffFormat = enum.StrEnum("DiffFormat", ["text", "json", "markdown", "github", "sarif", "junit", "xlsx"])


class FailOn(enum.StrEnum):
    regression = "regression"
    any = "any"


def load_plans(refs: list[str], folder: PlanFolder, lang: str) -> list[Plan]:
    try:
        return [load_ref(ref, folder) for ref in refs]
    except PlanLoadError as exc:
        raise context.load_error(exc, lang) from None


class Annotate(enum.StrEnum):
    regressions = "regressions"
    all = "all"


def diff(
    plans: list[str] = plans_argument("Two or more plan files or plan ids, oldest first.", required=True),
    output_format: DiffFormat = format_option(auto=True),
    output: Path = OUTPUT_OPTION,
    lang: Lang = LANG_OPTION,
    plans_dir: Path = PLANS_OPTION,
    fail_on: FailOn = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 only on these changes: 'regression' (indicators lost) or 'any' difference.",
    ),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when the plans differ (like git diff)."
    ),
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
    settings = context.load_settings(lang)
    language = settings.lang
    if len(plans) < 2:
        raise context.fail_usage(message("diff.need_two", language))
    loaded = load_plans(plans, context.plan_folder(settings, plans_dir), language)
    diffs = diff_versions(loaded)
    fmt = output_format or (
        DiffFormat.github if context.github_actions() and output is None else DiffFormat.text
    )
    if context.quiet() and fmt is DiffFormat.text and not any(d.differences for d in diffs):
        pass  # --quiet: nothing when the plans do not differ
    elif fmt is DiffFormat.text:
        context.write_text_report(
            output, lambda color: diff_text.render_text(diffs, language, color), language
        )
    elif fmt is DiffFormat.xlsx:
        context.write_xlsx(lambda: diff_workbook(diffs, language), output, language)
    elif fmt is DiffFormat.junit:
        context.write_report(
            diff_ci.render_junit(diffs, language, fail_on is FailOn.any or exit_code), output, language
        )
    elif fmt is DiffFormat.github:
        context.write_report(
            diff_github.render_github(diffs, language, annotate is Annotate.all),
            output,
            language,
            workflow_commands=True,
        )
    else:
        context.write_report(context.WRITERS["diff", fmt](diffs, language), output, language)
    failing = any(d.regressions for d in diffs) if fail_on is FailOn.regression else False
    if exit_code or fail_on is FailOn.any:
        failing = failing or any(d.differences for d in diffs)
    if failing:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
