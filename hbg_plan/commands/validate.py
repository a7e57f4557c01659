"""`hbg-plan validate`: schema and integrity checks, the gate plans pass in CI."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.commands.common import (
    LANG_OPTION,
    OUTPUT_OPTION,
    Lang,
    default_plans_dir,
    resolve_lang,
    write_report,
)
from hbg_plan.commands.gate import BASELINE_OPTION


class ValidateFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


def validate(
    paths: list[str] = typer.Argument(
        None, help="Plan files or folders (default: the configured plans folder)."
    ),
    output_format: ValidateFormat = typer.Option(
        None,
        "--format",
        "-f",
        help="Output format (default: text; github when GITHUB_ACTIONS=true and the report goes to standard output).",
    ),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
    gaps: bool = typer.Option(False, "--gaps", help="Also run the gap rules after the schema checks."),
    baseline: Path = BASELINE_OPTION,
    no_baseline: bool = typer.Option(
        False, "--no-baseline", help="With --gaps: report every finding, ignoring the configured baseline."
    ),
    changed: bool = typer.Option(
        False,
        "--changed",
        help="Report a problem between two files (duplicate plan id, party missing from the registry, "
        "changed source text) at the file git reports as changed; the pre-commit hook uses this.",
    ),
) -> None:
    """Check plans against the schema, the parties registry and their source documents.

    Exit 0 when every plan is valid, 1 when any is invalid, 2 on usage errors or unreadable paths.
    """
    from hbg_plan.commands.common import github_actions
    from hbg_plan.report.output import is_terminal
    from hbg_plan.validate import validate_paths

    language = resolve_lang(lang)
    fmt = output_format or (
        ValidateFormat.github if github_actions() and output is None else ValidateFormat.text
    )
    changed_files = None
    if changed:
        from hbg_plan.changes import changed_files as git_changed

        changed_files = git_changed()
    run = validate_paths(paths or [default_plans_dir()], keep_plans=gaps, changed=changed_files)
    validation_failed = run.failed  # gap findings below obey --fail-on/config, not this
    extra_failed = False
    if gaps:
        from hbg_plan.commands.gaps import append_gap_diagnostics

        extra_failed = append_gap_diagnostics(run, language, baseline, not no_baseline)
    if fmt is ValidateFormat.json:
        from hbg_plan.report.diagnostics import render_json

        write_report(render_json(run.results, run.problems, language), output, language)
    elif fmt is ValidateFormat.text:
        from hbg_plan.report.diagnostics import render_text

        color = output is None and is_terminal()
        text = render_text(run.results, run.problems, language, color)
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            write_report(text, output, language)
    else:
        from hbg_plan.report import ci

        renderer = {"github": ci.validate_github, "sarif": ci.validate_sarif, "junit": ci.validate_junit}[
            fmt.value
        ]
        write_report(renderer(run, language), output, language)
    if run.usage_error:
        raise typer.Exit(2)
    if validation_failed or extra_failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
