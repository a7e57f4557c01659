"""Options and helpers that several commands share."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from hbg_plan.config import Config
    from hbg_plan.model import Plan


class Lang(enum.StrEnum):
    en = "en"
    sv = "sv"


LANG_OPTION = typer.Option(
    None, "--lang", "-l", help="Language of labels and messages (default: config, else en)."
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o",
    help="Write the report to this file (atomically; a new or a regular file only) instead of standard output.",
)  # fmt: skip


def resolve_lang(lang: Lang | None) -> str:
    if lang is not None:
        config(lang.value)  # a broken configuration is reported, and --verbose names it
        return lang.value
    return config().lang


def config(lang: str | None = None) -> Config:
    """The configuration of this run: --config FILE, else looked up within the repository.

    A bad configuration exits 2 with its message in `lang` (default English). With --verbose,
    the first call says on stderr which configuration file is used.
    """
    from hbg_plan import invocation
    from hbg_plan.config import ConfigError, load_config, lookup_folders

    chosen = invocation.CURRENT
    try:
        loaded = load_config(explicit=chosen.config_file)
    except ConfigError as exc:
        raise fail_usage(exc.render(lang or "en")) from None
    chosen.config_used = loaded.path
    if chosen.verbose and not chosen.announced:
        from hbg_plan.i18n import message

        chosen.announced = True
        language = lang or loaded.lang
        if loaded.path is not None:
            text = message("config.in_use", language, path=invocation.config_in_use())
        else:
            folders = ", ".join(str(f) for f in lookup_folders(Path.cwd().resolve()))
            text = message("config.none_found", language, folders=folders)
        sys.stderr.write(f"hbg-plan: {text}\n")
    return loaded


def default_plans_dir() -> str:
    return config().plans_dir


def github_actions() -> bool:
    import os

    return os.environ.get("GITHUB_ACTIONS") == "true"


def fail_usage(text: str) -> typer.Exit:
    """Print a usage problem to stderr and return the exit to raise (code 2)."""
    sys.stderr.write(f"hbg-plan: {text}\n")
    return typer.Exit(2)


def write_report(text: str, output: Path | None, lang: str) -> None:
    from hbg_plan.report.output import emit

    try:
        emit(text, output)
    except OSError as exc:
        raise output_failure(exc, output, lang) from None


def output_failure(exc: OSError, output: Path | None, lang: str) -> typer.Exit:
    """The one-line message (exit 2) for a report that could not be written, naming where it went."""
    from hbg_plan.i18n import message
    from hbg_plan.report.output import UnsafeOutputError

    if isinstance(exc, UnsafeOutputError):
        what = message(f"output.kind.{exc.kind}", lang)
        return fail_usage(message("output.refused", lang, path=exc.path, what=what))
    where = str(output) if output is not None else message("output.stdout", lang)
    return fail_usage(f"{where}: {exc.strerror or exc}")


def warn_refused_sources(plans: list[Plan], lang: str) -> None:
    """One line on stderr per plan whose source text the confinement policy refused to read."""
    from hbg_plan.confine import Refused
    from hbg_plan.i18n import message
    from hbg_plan.provenance import source_or_refusal

    for plan in {id(plan): plan for plan in plans}.values():
        found = source_or_refusal(plan)
        if isinstance(found, Refused):
            text = message("confine.source_withheld", lang, path=plan.data_source_name, reason=found)
            sys.stderr.write(f"hbg-plan: {plan.doc.file}: {text}\n")
