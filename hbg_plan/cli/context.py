"""Options and helpers that several commands share, and the one path to the settings.

Every command calls `load_settings(--lang)` once: it reads the configuration once, warns about
unknown keys, and renders a configuration error in the language asked for.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import typer

from hbg_plan.core.neutral import safe_output
from hbg_plan.core.problem import Problem
from hbg_plan.gaps.engine import Selector, SelectorError
from hbg_plan.i18n import message
from hbg_plan.io import invocation
from hbg_plan.io.config import Config, ConfigError, load_config, lookup_folders
from hbg_plan.io.confine import Refused
from hbg_plan.io.output import UnsafeOutputError, emit, is_terminal, write_atomic
from hbg_plan.model.plan import Plan
from hbg_plan.output import (
    diff_ci,
    diff_json,
    diff_markdown,
    findings_ci,
    findings_csv,
    findings_json,
    findings_markdown,
    findings_text,
    summary,
    validation,
    validation_ci,
)
from hbg_plan.validate.provenance import source_or_refusal
from hbg_plan.workspace import PlanFolder, PlanLoadError


class Lang(enum.StrEnum):
    en = "en"
    sv = "sv"


LANG_OPTION = typer.Option(
    None, "--lang", "-l", help="Language of labels and messages (default: config, else en)."
)
# --format of the commands that annotate: github is chosen by itself in GitHub Actions
AUTO_FORMAT_HELP = (
    "Output format (default: text; github when GITHUB_ACTIONS=true and the report goes to standard output)."
)
PLANS_OPTION = typer.Option(
    None, "--plans", help="Folder where plan ids are looked up (default: configured, else plans/)."
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o",
    help="Write the report to this file (atomically; a new or a regular file only) instead of standard output.",
)  # fmt: skip


class Settings(NamedTuple):
    """The configuration and the language to speak in."""

    config: Config
    lang: str

    def plans_dir(self, override: Path | None = None) -> Path:
        """The folder plan ids are looked up in: --plans, else the configured one."""
        return override if override is not None else Path(self.config.plans_dir)


def load_settings(lang: Lang | None) -> Settings:
    """The configuration and the language; a bad configuration exits with code 2.

    The configuration is --config FILE, else looked up within the repository. A configuration
    error is printed in the --lang language (English when none is given, since the configuration
    that would name one could not be read); unknown keys are warned about; with --verbose the
    first call says which configuration file is used.
    """
    chosen = invocation.CURRENT  # --config FILE and --verbose of this run
    try:
        config = load_config(explicit=chosen.config_file)
    except ConfigError as exc:
        raise fail_usage(exc.render(lang.value if lang else "en")) from None
    chosen.config_used = config.path
    language = lang.value if lang else config.lang
    if chosen.verbose and not chosen.announced:
        chosen.announced = True
        if config.path is not None:
            text = message("config.in_use", language, path=invocation.config_in_use())
        else:
            folders = ", ".join(str(f) for f in lookup_folders(Path.cwd().resolve()))
            text = message("config.none_found", language, folders=folders)
        warn(f"hbg-plan: {text}")  # a path may hold any character
    for key, suggestion in config.unknown_keys:
        warn(
            message("config.warning_unknown_key", language, path=config.path, key=key, suggestion=suggestion)
        )
    return Settings(config, language)


def make_selector(
    config: Config, language: str, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> Selector:
    """The rules to run; an unknown rule in the options or the configuration exits with code 2."""
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


# --- format → writer: which function writes each command's report in each format -------------------
# (text output that may be coloured, and xlsx, are written by write_text_report and write_xlsx)

Writer = Callable[[Any, str], str]
WRITERS: dict[tuple[str, str], Writer] = {
    ("validate", "json"): lambda run, lang: validation.render_json(run.results, run.problems, lang),
    ("validate", "github"): validation_ci.validate_github,
    ("validate", "sarif"): validation_ci.validate_sarif,
    ("validate", "junit"): validation_ci.validate_junit,
    ("gaps", "text"): findings_text.render_text,
    ("gaps", "markdown"): findings_markdown.render_markdown,
    ("gaps", "csv"): findings_csv.render_csv,
    ("gaps", "json"): findings_json.render_json,
    ("gaps", "github"): findings_ci.render_github,
    ("gaps", "sarif"): findings_ci.render_sarif,
    ("gaps", "junit"): findings_ci.render_junit,
    ("summary", "text"): summary.render_text,
    ("summary", "markdown"): summary.render_markdown,
    ("summary", "csv"): summary.render_csv,
    ("summary", "json"): summary.render_json,
    ("diff", "json"): diff_json.render_json,
    ("diff", "markdown"): diff_markdown.render_markdown,
    ("diff", "sarif"): diff_ci.render_sarif,
}


def github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def fail_usage(text: str) -> typer.Exit:
    """Print a usage problem to stderr and return the exit to raise (code 2)."""
    warn(f"hbg-plan: {text}")
    return typer.Exit(2)


def warn(text: str) -> None:
    """Write lines to standard error, neutralised like every report (they quote plan data)."""
    sys.stderr.write(safe_output(text.rstrip("\n")) + "\n")


def write_text_report(output: Path | None, render: Callable[[bool], str], lang: str) -> None:
    """A text report: coloured through rich on a terminal (when not written to a file), else plain."""
    if output is None and is_terminal():
        from rich.console import Console  # rich loads only when a terminal shows colours

        Console(highlight=False, soft_wrap=True).print(safe_output(render(True)), end="")
    else:
        write_report(render(False), output, lang)


def write_report(text: str, output: Path | None, lang: str, *, workflow_commands: bool = False) -> None:
    """Write a report to standard output or --output, neutralised (core.neutral): control and
    invisible characters escaped, and no line starting with '::' unless `workflow_commands` (the
    GitHub annotation format, whose values the github writer escapes)."""
    try:
        emit(safe_output(text, workflow_commands=workflow_commands), output)
    except OSError as exc:
        raise output_failure(exc, output, lang) from None


def output_failure(exc: OSError, output: Path | None, lang: str) -> typer.Exit:
    """The one-line message (exit 2) for a report that could not be written, naming where it went."""
    if isinstance(exc, UnsafeOutputError):
        what = message(f"output.kind.{exc.kind}", lang)
        return fail_usage(message("output.refused", lang, path=exc.path, what=what))
    where = str(output) if output is not None else message("output.stdout", lang)
    return fail_usage(f"{where}: {exc.strerror or exc}")


def warn_refused_sources(plans: list[Plan], lang: str) -> None:
    """One line on stderr per plan whose source text the confinement policy refused to read."""
    for plan in {id(plan): plan for plan in plans}.values():
        found = source_or_refusal(plan)
        if isinstance(found, Refused):
            text = message("confine.source_withheld", lang, path=plan.data_source_name, reason=found)
            warn(f"hbg-plan: {plan.doc.file}: {text}")


def write_xlsx(build: Callable[[], bytes], output: Path | None, lang: str) -> None:
    """Write a workbook atomically to --output; a binary workbook never goes to standard output."""
    if output is None:
        raise fail_usage(message("xlsx.need_output", lang))
    try:
        write_atomic(output, build())
    except OSError as exc:
        raise output_failure(exc, output, lang) from None


MAX_DIAGNOSTICS = 20


def did_you_mean(values: dict[str, Any], lang: str) -> list[str]:
    """The "did you mean" line under an unknown plan id, when known ids come close to it."""
    return ["  " + message("diff.did_you_mean", lang, close=values["close"])] if values.get("close") else []


def plan_problems(problems: Sequence[Problem], lang: str) -> typer.Exit:
    """Print why the plans named on the command line cannot be used (exit 2): one line each, and
    a "did you mean" under an unknown id, the same in every command."""
    lines: list[str] = []
    for problem in problems:
        named = str(problem.where) in (problem.args.get("ref"), problem.args.get("path"))  # the text names it
        where = "" if named else f"{problem.where}: "
        lines += [where + problem.render(lang), *did_you_mean(problem.args, lang)]
    return fail_usage("\n".join(lines))


def load_error(exc: PlanLoadError, lang: str) -> typer.Exit:
    """Print why a plan could not be used (with its diagnostics) and return exit code 2."""
    lines = [f"hbg-plan: {message(exc.message_id, lang, **exc.values)}", *did_you_mean(exc.values, lang)]
    shown = dict.fromkeys(
        f"{d.where}: {message(f'label.{d.severity.label}', lang)} {d.code} {d.render(lang)}"
        for d in exc.diagnostics
    )
    lines += list(shown)[:MAX_DIAGNOSTICS]
    if len(shown) > MAX_DIAGNOSTICS:
        lines.append(
            message("cli.truncated", lang, count=len(shown) - MAX_DIAGNOSTICS, limit=MAX_DIAGNOSTICS)
        )
    warn("\n".join(lines))
    return typer.Exit(2)


def plan_folder(settings: Settings, plans: Path | None) -> PlanFolder:
    return PlanFolder(settings.plans_dir(plans))
