"""`hbg-plan schema`: the packaged JSON Schema, for editors and for other tools."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli.context import LANG_OPTION, OUTPUT_OPTION, Lang, fail_usage, load_settings, write_report
from hbg_plan.i18n import message
from hbg_plan.validate.schema import schema_text


class Which(enum.StrEnum):
    plan = "plan"
    parties = "parties"
    diff = "diff"
    gaps = "gaps"
    history = "history"
    brief = "brief"
    validate = "validate"
    summary = "summary"
    show = "show"
    rules = "rules"


def schema(
    which: Which = typer.Option(
        Which.plan,
        "--which",
        "-w",
        help="Which schema: plan files, parties.yaml, or the JSON output of a command (validate, gaps, diff, "
        "history, summary, show, brief, rules).",
    ),
    output: Path = OUTPUT_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    """Print the JSON Schema (draft 2020-12) that hbg-plan validates against.

    Point your editor at it with a first line `# yaml-language-server: $schema=PATH` in each plan
    file (the YAML language server, e.g. in VS Code, then completes keys and shows their
    descriptions), or write it next to your plans with `--output schemas/plan.schema.json`.
    """
    language = load_settings(lang).lang
    name = f"{which.value}.schema.json"
    try:
        text = schema_text(name)
    except (FileNotFoundError, OSError):
        raise fail_usage(message("schema_cmd.not_packaged", language, which=which.value)) from None
    write_report(text, output, language)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
