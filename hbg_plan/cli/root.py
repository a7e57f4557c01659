"""The command line: a thin layer that wires options to load, check and report.

Each command lives in `hbg_plan/cli/commands/<name>.py` with a `register(app)` function, so a feature
adds its command without touching the others. Heavy libraries (rich, jsonschema, rapidfuzz) are
imported inside the commands, keeping `--help` and `--version` fast.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from hbg_plan import __version__
from hbg_plan.core.neutral import safe_output
from hbg_plan.i18n import message
from hbg_plan.io import invocation

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
    "migrate",
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


CONFIG_HELP = (
    "Use this configuration file (hbg-plan.toml, or pyproject.toml with [tool.hbg-plan]) instead of "
    "looking one up from the current folder to the repository root."
)
VERBOSE_HELP = "Say on standard error which configuration file is used."


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    config: Path | None = typer.Option(None, "--config", "-c", metavar="FILE", help=CONFIG_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help=VERBOSE_HELP),
) -> None:
    """Validate, diff and list the gaps of mental-health action plans kept as YAML."""
    invocation.start(config, verbose)


def with_global_options(callback: Callable[..., Any]) -> Callable[..., Any]:
    """`callback` taking --config/-c and --verbose/-v as well, so they work after the command name
    (`hbg-plan validate -c ci.toml`) as before it (`hbg-plan -c ci.toml validate`)."""
    hints = typing.get_type_hints(callback)
    signature = inspect.signature(callback)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()]
    extra = {"global_config": Path | None, "global_verbose": bool}
    params += [
        inspect.Parameter(
            "global_config",
            inspect.Parameter.KEYWORD_ONLY,
            default=typer.Option(None, "--config", "-c", metavar="FILE", help=CONFIG_HELP),
            annotation=extra["global_config"],
        ),
        inspect.Parameter(
            "global_verbose",
            inspect.Parameter.KEYWORD_ONLY,
            default=typer.Option(False, "--verbose", "-v", help=VERBOSE_HELP),
            annotation=extra["global_verbose"],
        ),
    ]

    @functools.wraps(callback)
    def command(
        *args: Any, global_config: Path | None = None, global_verbose: bool = False, **kwargs: Any
    ) -> Any:
        invocation.choose(global_config, global_verbose)
        return callback(*args, **kwargs)

    command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    command.__annotations__ = {**hints, **extra}
    return command


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"hbg_plan.cli.commands.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"hbg_plan.cli.commands.{_name}":
            raise
        continue
    _module.register(app)
for _info in app.registered_commands:
    if _info.callback is not None:
        _info.callback = with_global_options(_info.callback)


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

        lang = "sv" if _argv_lang(sys.argv[1:]) == "sv" else "en"
        detail = " ".join(str(exc).split())[:200]
        error = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        text = message("cli.internal_error", lang, error=error)
        sys.stderr.write(safe_output(f"hbg-plan: {text}") + "\n")
        sys.exit(2)


def _argv_lang(args: list[str]) -> str | None:
    """The --lang value, read from the raw arguments when parsing itself has failed."""
    for i, arg in enumerate(args):
        if arg in ("--lang", "-l") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None
