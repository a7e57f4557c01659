"""The command line: a thin layer that wires options to load, check and report.

Each command lives in `hbg_plan/commands/<name>.py` with a `register(app)` function, so a feature
adds its command without touching the others. Heavy libraries (rich, jsonschema, rapidfuzz) are
imported inside the commands, keeping `--help` and `--version` fast.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from hbg_plan import __version__

COMMAND_MODULES = (
    "validate",
    "show",
    "diff",
    "history",
    "gaps",
    "summary",
    "rules",
    "schema",
    "report",
    "init",
    "brief",
    "import_doc",
)

app = typer.Typer(
    name="hbg-plan",
    help="Validate, diff and list the gaps of mental-health and suicide-prevention action plans kept as YAML.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: rich loads only for commands that print with it
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hbg-plan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Validate, diff and list the gaps of mental-health action plans kept as YAML."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"hbg_plan.commands.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"hbg_plan.commands.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    """Console entry point; turns an unexpected crash into a one-line message and exit code 2."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug must not greet a plan author with a traceback
        if os.environ.get("HBG_DEBUG"):
            raise
        from hbg_plan.i18n import message

        lang = "sv" if _argv_lang(sys.argv[1:]) == "sv" else "en"
        detail = " ".join(str(exc).split())[:200]
        error = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        text = message("cli.internal_error", lang, error=error)
        sys.stderr.write(f"hbg-plan: {text}\n")
        sys.exit(2)


def _argv_lang(args: list[str]) -> str | None:
    """The --lang value, read from the raw arguments when parsing itself has failed."""
    for i, arg in enumerate(args):
        if arg in ("--lang", "-l") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None
