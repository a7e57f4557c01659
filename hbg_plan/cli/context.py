"""Options and helpers that several commands share, and the one path to the settings.

Every command calls `load_settings(--lang)` once: it reads the configuration once, warns about
unknown keys, and renders a configuration error in the language asked for.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
import os
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

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

if TYPE_CHECKING:
    from rich.console import Console


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
    None,
    "--plans",
    metavar="DIR",
    help="The plans folder: where plan ids are looked up, with parties.yaml and sources/ (default: configured, else plans/).",
    file_okay=False,
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", metavar="FILE",
    help="Write the report to this file (atomically; a new or a regular file only) instead of standard output.",
)  # fmt: skip
JOBS_OPTION = typer.Option(
    None,
    "--jobs",
    "-j",
    min=1,
    metavar="N",
    help="Check files in this many processes (default: the CPUs available; 1: in this process only). "
    "Small runs stay in one process.",
)


def plans_argument(help: str, required: bool = False, stdin: bool = False) -> Any:
    """PLAN...: plan files or ids (and folders where the command says so; `stdin`: or `-`)."""
    if stdin:
        help += " '-' reads one plan from standard input (see --stdin-filename)."
    return typer.Argument(... if required else None, metavar="PLAN", help=help)


def format_option(default: enum.Enum | None = None, auto: bool = False) -> Any:
    """--format (alias --output-format, -f); `auto`: github by itself in GitHub Actions."""
    return typer.Option(
        default, "--format", "--output-format", "-f", help=AUTO_FORMAT_HELP if auto else "Output format."
    )


# --- option sets: a block of options several commands take, declared once ---------------------
#
# An option set is a dataclass whose fields default to typer options. A command takes the block
# with one keyword-only parameter annotated with the class (`*, gate: GateOptions`); root.py
# expands it into the options (`expand_option_sets`) and hands the command one instance.


def expand_option_sets(callback: Callable[..., Any]) -> Callable[..., Any]:
    """`callback` with each parameter annotated with an option-set dataclass replaced by its options."""
    hints = typing.get_type_hints(callback)
    signature = inspect.signature(callback)
    sets: dict[str, Any] = {
        name: kind
        for name, kind in hints.items()
        if isinstance(kind, type) and dataclasses.is_dataclass(kind)
    }
    if not sets:
        return callback
    params = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in signature.parameters.values()
        if p.name not in sets
    ]
    annotations = {k: v for k, v in hints.items() if k not in sets}
    for name, kind in sets.items():
        field_hints = typing.get_type_hints(kind)
        for f in dataclasses.fields(kind):
            params.append(
                inspect.Parameter(
                    f"{name}__{f.name}", inspect.Parameter.KEYWORD_ONLY, default=f.default,
                    annotation=field_hints[f.name],
                )
            )  # fmt: skip
            annotations[f"{name}__{f.name}"] = field_hints[f.name]

    @functools.wraps(callback)
    def command(*args: Any, **kwargs: Any) -> Any:
        for name, kind in sets.items():
            values = {f.name: kwargs.pop(f"{name}__{f.name}") for f in dataclasses.fields(kind)}
            kwargs[name] = kind(**values)
        return callback(*args, **kwargs)

    command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    command.__annotations__ = annotations
    return command


# --- what the run prints beyond the report: --quiet and --color ---------------------------------


def quiet() -> bool:
    return invocation.CURRENT.quiet


def note(text: str) -> None:
    """A line on standard error that informs rather than warns (counts, files written); --quiet drops it."""
    if not quiet():
        warn(text)


def use_color(output: Path | None) -> bool:
    """Whether a text report is drawn with colours: never into a file; --color always/never, else
    on a terminal (NO_COLOR turns it off, FORCE_COLOR on)."""
    if output is not None:
        return False
    color = invocation.CURRENT.color
    return color == "always" or (color == "auto" and is_terminal())


def console(soft_wrap: bool = False) -> Console:
    """The rich console a coloured report is printed on, obeying --color (`soft_wrap`: lines as
    the report wrote them, for text that is already laid out)."""
    from rich.console import Console  # rich loads only when a terminal shows colours

    forced = invocation.CURRENT.color == "always"
    return Console(
        highlight=False,
        soft_wrap=soft_wrap,
        force_terminal=forced or None,
        no_color=False if forced else None,
    )


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
    chosen.rules_url = config.rules_url
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
    """A text report: coloured through rich (see use_color), else plain."""
    if use_color(output):
        console(soft_wrap=True).print(safe_output(render(True)), end="")
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
