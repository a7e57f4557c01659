"""`hbg-plan gaps`: the gap list before a revision, as findings of the rules in hbg_plan/gaps/rules/."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli import context
from hbg_plan.cli.commands.gate import WRITE_BASELINE_OPTION, GateOptions, with_baseline, write_baseline
from hbg_plan.cli.context import (
    JOBS_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    PLANS_OPTION,
    WRITERS,
    Lang,
    format_option,
    plans_argument,
)
from hbg_plan.cli.stdin import STDIN_FILENAME_OPTION, read_stdin_plan, stdin_loaded, wants_stdin
from hbg_plan.core.workers import usable_cpus
from hbg_plan.gaps.corpus import check_folders
from hbg_plan.gaps.engine import CheckResult, Selector, run_checks
from hbg_plan.i18n import message
from hbg_plan.output import findings_markdown, findings_text
from hbg_plan.output.records.findings import gap_report
from hbg_plan.output.xlsx import gaps_workbook
from hbg_plan.validate.engine import load_plan
from hbg_plan.workspace import load_for_check

GapsFormat = enum.StrEnum(
    "GapsFormat", ["text", "markdown", "csv", "json", "github", "sarif", "junit", "xlsx"]
)


def gaps(
    plans: list[str] = plans_argument("Plan ids, files or folders (default: the plans folder).", stdin=True),
    output_format: GapsFormat = format_option(auto=True),
    plans_dir: Path = PLANS_OPTION,
    statistics: bool = typer.Option(
        False,
        "--statistics",
        help="Print only the count tables (per rule, focus area and party): text or markdown.",
    ),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
    write_baseline_to: Path = WRITE_BASELINE_OPTION,
    stdin_filename: Path = STDIN_FILENAME_OPTION,
    jobs: int = JOBS_OPTION,
    *,
    gate: GateOptions,
) -> None:
    """List the gaps of plans: missing or unmeasurable indicators, no responsible party, stale goals,
    uncovered regional topics, follow-ups not done.

    Formats: text, markdown, csv, json, github (workflow annotations), sarif (2.1.0, code scanning),
    junit (one test case per finding, error or warning, so counts add up; a plan without one is a
    passing case; info findings are listed in system-out and never fail), xlsx (needs --output).

    Text and markdown open each plan with count tables: findings per rule, per focus area and per
    responsible party; markdown quotes one line of each goal's text (the full text is in json, xlsx
    and `hbg-plan show`). --statistics prints only the count tables.

    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on bad input or configuration.
    `hbg-plan rules` explains each code.
    """
    settings = context.load_settings(lang)
    config, language = settings
    if statistics and output_format not in (None, GapsFormat.text, GapsFormat.markdown):
        raise context.fail_usage(message("gaps.cli.statistics_format", language, format=output_format.value))
    selector = gate.selector(settings)
    result = _checked(
        plans or [], plans_dir or Path(config.plans_dir), selector, jobs, stdin_filename, settings
    )
    if write_baseline_to is not None:
        write_baseline(result, write_baseline_to, language)
        return
    if gate.baseline is not None:
        result = with_baseline(result, selector, gate.baseline, language)
    report = gap_report(result)
    fmt = output_format or (
        GapsFormat.github
        if context.github_actions() and output is None and not statistics
        else GapsFormat.text
    )
    if context.quiet() and not result.findings and fmt in (GapsFormat.text, GapsFormat.markdown):
        pass  # --quiet: nothing when there is nothing to report
    elif fmt is GapsFormat.xlsx:
        context.write_xlsx(lambda: gaps_workbook(report, language), output, language)
    elif fmt is GapsFormat.text and context.use_color(output) and not statistics:
        findings_text.print_rich(report, language, context.console())
    elif statistics:  # text or markdown (checked above): the count tables alone
        counts = findings_text.render_text if fmt is GapsFormat.text else findings_markdown.render_markdown
        context.write_report(counts(report, language, True), output, language)
    else:
        context.write_report(
            WRITERS["gaps", fmt](report, language), output, language, workflow_commands=fmt == "github"
        )
    gate.exit(result.fails(gate.fail_level(settings)))


def _checked(
    refs: list[str],
    plans_dir: Path,
    selector: Selector,
    jobs: int | None,
    stdin_filename: Path | None,
    settings: context.Settings,
) -> CheckResult:
    """The rules over the plans named: one from standard input; whole folders plan by plan (in
    worker processes, never all loaded at once); else the plans loaded together."""
    language = settings.lang
    if wants_stdin(refs, settings):  # `-`: one plan from standard input, checked as --stdin-filename
        plan, problems = load_plan(*read_stdin_plan(stdin_filename, settings))
        if plan is None:
            raise context.plan_problems(problems, language)
        loaded = stdin_loaded(plan)
    else:
        folders = refs or [str(plans_dir)]
        if all(Path(folder).is_dir() for folder in folders):
            corpus = check_folders(folders, selector, jobs if jobs is not None else usable_cpus())
            if corpus is not None:
                result, errors = corpus
                if errors:
                    raise context.plan_problems(errors, language)
                return result
        loaded = load_for_check(refs, plans_dir)
    if loaded.errors:
        raise context.plan_problems(loaded.errors, language)
    for name in loaded.skipped:
        context.note(message("gaps.cli.skipped", language, file=name))
    return run_checks(loaded.targets, loaded.context, selector)


def register(app: typer.Typer) -> None:
    app.command("gaps")(gaps)
