"""Options and helpers that several commands share."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from hbg_plan.config import Config


class Lang(enum.StrEnum):
    en = "en"
    sv = "sv"


LANG_OPTION = typer.Option(
    None, "--lang", "-l", help="Language of labels and messages (default: config, else en)."
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", help="Write the report to this file (atomically) instead of standard output.",
    dir_okay=False, writable=True,
)  # fmt: skip


def resolve_lang(lang: Lang | None) -> str:
    if lang is not None:
        return lang.value
    return config().lang


def config() -> Config:
    from hbg_plan.config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        raise fail_usage(str(exc)) from None


def default_plans_dir() -> str:
    return config().plans_dir


def github_actions() -> bool:
    import os

    return os.environ.get("GITHUB_ACTIONS") == "true"


def fail_usage(text: str) -> typer.Exit:
    """Print a usage problem to stderr and return the exit to raise (code 2)."""
    sys.stderr.write(f"hbg-plan: {text}\n")
    return typer.Exit(2)


def write_report(text: str, output: Path | None) -> None:
    from hbg_plan.report.output import emit

    try:
        emit(text, output)
    except OSError as exc:
        raise fail_usage(f"{output}: {exc.strerror or exc}") from None
