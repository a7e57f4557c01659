"""`hbg-plan gaps`: the gap list before a revision, as findings of the rules in hbg_plan/rules/."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hbg_plan.commands.common import LANG_OPTION, OUTPUT_OPTION, Lang, fail_usage, write_report
from hbg_plan.commands.gate import BASELINE_OPTION, WRITE_BASELINE_OPTION, with_baseline, write_baseline

if TYPE_CHECKING:
    from hbg_plan.check import CheckResult, Selector
    from hbg_plan.config import Config
    from hbg_plan.model import Plan
    from hbg_plan.report.findings_common import GapReport
    from hbg_plan.validate import FileResult, ValidationRun


class GapsFormat(enum.StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    xlsx = "xlsx"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


def load_settings(lang: Lang | None) -> tuple[Config, str]:
    """The configuration and the language to speak; a bad configuration exits with code 2."""
    from hbg_plan.commands.common import config as active_config
    from hbg_plan.i18n import message

    config = active_config(lang.value if lang else None)
    language = lang.value if lang else config.lang
    for key, suggestion in config.unknown_keys:
        sys.stderr.write(
            message("config.warning_unknown_key", language, path=config.path, key=key, suggestion=suggestion)
            + "\n"
        )
    return config, language


def make_selector(
    config: Config, language: str, select: list[str] | None = None, ignore: list[str] | None = None
) -> Selector:
    from hbg_plan.check import Selector, SelectorError
    from hbg_plan.config import ConfigError
    from hbg_plan.i18n import message

    try:
        return Selector(config, select, ignore or ())
    except ConfigError as exc:
        raise fail_usage(exc.render(language)) from None
    except SelectorError as exc:
        raise fail_usage(
            message(
                "gaps.cli.unknown_selector",
                language,
                option=exc.option,
                rule=exc.selector,
                suggestion=exc.suggestion,
            )
        ) from None


def party_names(plans: list[Plan]) -> tuple[dict[str, str], dict[str, str]]:
    """(id → short label, id → full name) from the parties registries next to the plans."""
    from hbg_plan.validate import registry_for

    short: dict[str, str] = {}
    names: dict[str, str] = {}
    for plan in plans:
        registry = registry_for(plan.path)
        if registry is None:
            continue
        for party_id in registry.parties:
            short.setdefault(party_id, registry.short(party_id))
            names.setdefault(party_id, registry.name(party_id))
    return short, names


def gap_report(result: CheckResult) -> GapReport:
    from hbg_plan.report.findings_common import GapReport, PlanInfo

    short, names = party_names(result.plans)
    infos = [PlanInfo(p.id, p.title, p.doc.file) for p in result.plans]
    return GapReport(result.findings, infos, len(result.suppressed), short, names)


def gaps(
    plans: list[str] = typer.Argument(
        None,
        metavar="PLAN-or-PATH",
        help="Plan ids, plan files or folders (default: every plan in the configured plans folder).",
    ),
    output_format: GapsFormat = typer.Option(
        None,
        "--format",
        "-f",
        help="Output format (default: text; github when GITHUB_ACTIONS=true and the report goes to standard output).",
    ),
    fail_on: FailOn = typer.Option(
        None, "--fail-on", help="Exit 1 when a finding reaches this severity (default: config, else error)."
    ),
    select: list[str] = typer.Option(
        None, "--select", help="Only these rules (codes, prefixes such as HBG1, or names; comma-separated)."
    ),
    ignore: list[str] = typer.Option(None, "--ignore", help="Leave out these rules (as --select)."),
    plans_dir: Path = typer.Option(
        None, "--plans", help="Folder where plan ids are looked up (default: configured, else plans/)."
    ),
    statistics: bool = typer.Option(
        False,
        "--statistics",
        help="Print only the count tables (per rule, focus area and party): text or markdown.",
    ),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
    baseline: Path = BASELINE_OPTION,
    write_baseline_to: Path = WRITE_BASELINE_OPTION,
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
    from hbg_plan.check import load_for_check, run_checks
    from hbg_plan.commands.common import github_actions
    from hbg_plan.i18n import message
    from hbg_plan.report.output import is_terminal

    config, language = load_settings(lang)
    if statistics and output_format not in (None, GapsFormat.text, GapsFormat.markdown):
        raise fail_usage(message("gaps.cli.statistics_format", language, format=output_format.value))
    selector = make_selector(config, language, select, ignore)
    loaded = load_for_check(plans or [], plans_dir or Path(config.plans_dir))
    if loaded.errors:
        raise fail_usage("\n".join(f"{d.where}: {d.render(language)}" for d in loaded.errors))
    for name in loaded.skipped:
        sys.stderr.write(message("gaps.cli.skipped", language, file=name) + "\n")
    result = run_checks(loaded.targets, loaded.context, selector)
    if write_baseline_to is not None:
        write_baseline(result, write_baseline_to, language)
        return
    if baseline is not None:
        result = with_baseline(result, selector, baseline, language)
    report = gap_report(result)
    fmt = output_format or (
        GapsFormat.github if github_actions() and output is None and not statistics else GapsFormat.text
    )
    if fmt is GapsFormat.xlsx:
        from hbg_plan.commands.report import write_xlsx
        from hbg_plan.report.xlsx import gaps_workbook

        write_xlsx(lambda: gaps_workbook(report, language), output, language)
    elif fmt is GapsFormat.text and output is None and is_terminal() and not statistics:
        from hbg_plan.report.findings_text import print_rich

        print_rich(report, language)
    else:
        write_report(render(report, fmt, language, statistics), output, language)
    if result.fails((fail_on or FailOn(config.fail_on)).value):
        raise typer.Exit(1)


def render(report: GapReport, fmt: GapsFormat, lang: str, statistics: bool = False) -> str:
    if fmt is GapsFormat.text:
        from hbg_plan.report.findings_text import render_text

        return render_text(report, lang, statistics)
    if fmt is GapsFormat.markdown:
        from hbg_plan.report.findings_markdown import render_markdown

        return render_markdown(report, lang, statistics)
    if fmt is GapsFormat.csv:
        from hbg_plan.report.findings_csv import render_csv

        return render_csv(report, lang)
    if fmt is GapsFormat.json:
        from hbg_plan.report.findings_json import render_json

        return render_json(report, lang)
    if fmt is GapsFormat.junit:
        from hbg_plan.report.findings_ci import render_junit

        return render_junit(report, lang)
    from hbg_plan.report.findings_ci import render_github, render_sarif

    return render_github(report, lang) if fmt is GapsFormat.github else render_sarif(report, lang)


def append_gap_diagnostics(
    run: ValidationRun, lang: str, baseline: Path | None = None, use_config_baseline: bool = True
) -> bool:
    """For `validate --gaps`: run the rules over the validated plans and add their findings.

    Each finding becomes a Diagnostic of the file it is in. The plans' folders are loaded as
    context for the rules that compare versions. Findings recorded in the baseline (`baseline`,
    else the configured one unless `use_config_baseline` is false) are left out. Returns whether
    the findings reach the configured fail-on level.
    """
    from hbg_plan.catalog import load_catalog
    from hbg_plan.check import PlanSet, run_checks

    config, _ = load_settings(Lang(lang))
    selector = make_selector(config, lang)
    plans = [r.plan for r in run.results if r.plan is not None]
    if not plans:
        return False
    context: list[Plan] = list(plans)
    loaded = {p.path.resolve() for p in plans}
    for folder in dict.fromkeys(p.path.parent.resolve() for p in plans):
        context += [p for p in load_catalog(folder).plans.values() if p.path.resolve() not in loaded]
    result = run_checks(plans, PlanSet(context), selector)
    if baseline is None and use_config_baseline and config.baseline:
        baseline = Path(config.baseline)
    if baseline is not None:
        result = with_baseline(result, selector, baseline, lang)
    owners: dict[str, FileResult] = {}
    for file_result in run.results:
        if file_result.plan is not None:
            owners.setdefault(file_result.plan.id, file_result)
    for finding in result.findings:
        owners[finding.plan_id].diagnostics.append(finding.to_diagnostic())
    return result.fails(config.fail_on)


def register(app: typer.Typer) -> None:
    app.command("gaps")(gaps)
