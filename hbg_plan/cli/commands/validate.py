"""`hbg-plan validate`: schema and integrity checks, the gate plans pass in CI."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli.commands.cache import CACHE_DIR_OPTION, NO_CACHE_OPTION, open_cache
from hbg_plan.cli.commands.gate import GateOptions, with_baseline
from hbg_plan.cli.context import (
    JOBS_OPTION,
    LANG_OPTION,
    OUTPUT_OPTION,
    WRITERS,
    Lang,
    format_option,
    github_actions,
    load_error,
    load_settings,
    plans_argument,
    quiet,
    write_report,
    write_text_report,
)
from hbg_plan.cli.stdin import STDIN_FILENAME_OPTION, read_stdin_plan, wants_stdin
from hbg_plan.core.workers import usable_cpus
from hbg_plan.gaps.corpus import corpus_gap_diagnostics, is_corpus
from hbg_plan.gaps.engine import gap_diagnostics
from hbg_plan.io.changes import changed_files as git_changed
from hbg_plan.output.validation import render_text
from hbg_plan.validate.engine import ValidationRun, validate_file
from hbg_plan.validate.run import validate_paths
from hbg_plan.workspace import PlanFolder, PlanLoadError, resolve

ValidateFormat = enum.StrEnum("ValidateFormat", ["text", "json", "github", "sarif", "junit"])


def validate(
    paths: list[str] = plans_argument("Plan files, folders or ids (default: the plans folder).", stdin=True),
    output_format: ValidateFormat = format_option(auto=True),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
    gaps: bool = typer.Option(False, "--gaps", help="Also run the gap rules after the schema checks."),
    no_baseline: bool = typer.Option(
        False, "--no-baseline", help="With --gaps: report every finding, ignoring the configured baseline."
    ),
    changed: bool = typer.Option(
        False,
        "--changed",
        help="Report a problem between two files (duplicate plan id, party missing from the registry, "
        "changed source text) at the file git reports as changed; the pre-commit hook uses this.",
    ),
    jobs: int = JOBS_OPTION,
    cache_dir: Path = CACHE_DIR_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
    stdin_filename: Path = STDIN_FILENAME_OPTION,
    *,
    gate: GateOptions,
) -> None:
    """Check plans against the schema, the parties registry and their source documents.

    With --gaps the gap rules run as well (--select, --ignore, --fail-on, --baseline as in
    `hbg-plan gaps`). Exit 0 when every plan is valid, 1 when any is invalid, 2 on usage errors
    or unreadable paths.
    """
    settings = load_settings(lang)
    language = settings.lang
    fmt = output_format or (
        ValidateFormat.github if github_actions() and output is None else ValidateFormat.text
    )
    changed_files = git_changed() if changed else None
    plans_dir = settings.config.plans_dir
    workers = jobs if jobs is not None else usable_cpus()
    corpus: list[str] | None = None  # --gaps over whole folders: the rules plan by plan, none kept
    if wants_stdin(paths, settings):  # `-`: one plan from standard input, checked as --stdin-filename
        run = ValidationRun([validate_file(*read_stdin_plan(stdin_filename, settings))], [])
    else:
        targets = [_plan_or_path(ref, plans_dir, language) for ref in paths] if paths else [plans_dir]
        cache = open_cache(settings.config.path, cache_dir, no_cache, language)
        corpus = targets if gaps and is_corpus(targets) else None
        run = validate_paths(
            targets, keep_plans=gaps and corpus is None, changed=changed_files, jobs=workers, cache=cache
        )
    validation_failed = run.failed  # gap findings below obey --fail-on/config, not this
    extra_failed = False
    if gaps:
        selector = gate.selector(settings)
        known = gate.baseline
        if known is None and not no_baseline and settings.config.baseline:
            known = Path(settings.config.baseline)
        keep = (
            (lambda result: with_baseline(result, selector, known, language)) if known is not None else None
        )
        if corpus is not None:
            extra_failed = corpus_gap_diagnostics(
                run, corpus, selector, gate.fail_level(settings), keep, workers
            )
        else:
            extra_failed = gap_diagnostics(run, selector, gate.fail_level(settings), keep)
    if fmt is ValidateFormat.text:
        clean = not run.problems and not any(r.diagnostics for r in run.results)
        if not (quiet() and clean):  # --quiet: the problems only, nothing when all is well
            write_text_report(
                output,
                lambda color: render_text(run.results, run.problems, language, color, summary=not quiet()),
                language,
            )
    else:
        write_report(
            WRITERS["validate", fmt](run, language), output, language, workflow_commands=fmt == "github"
        )
    if run.usage_error:
        raise typer.Exit(2)
    gate.exit(validation_failed or extra_failed)


def _plan_or_path(ref: str, plans_dir: str, lang: str) -> str:
    """A path as given; a plan id (no such file, no suffix, no slash) is looked up in the plans folder.

    An unknown id close to known ones is a usage error with "did you mean"; any other name stays
    a path, which the report then lists as missing (HBG001), in every output format.
    """
    path = Path(ref)
    looks_like_path = path.suffix in (".yaml", ".yml") or "/" in ref or "\\" in ref
    if looks_like_path or path.exists() or path.is_symlink():
        return ref
    try:
        return resolve(ref, PlanFolder(Path(plans_dir)))[1]
    except PlanLoadError as exc:
        if exc.values.get("close"):  # a misspelled id: say which ids come close
            raise load_error(exc, lang) from None
        return ref  # nothing like it: reported in the report as a missing path (HBG001)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
