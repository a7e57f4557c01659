"""The command line: a thin layer that wires options to load, check and report.

Each command lives in `hbg_plan/cli/commands/<name>.py` with a `register(app)` function, so a feature
adds its command without touching the others. Heavy libraries (rich, jsonschema, rapidfuzz) are
imported inside the commands, keeping `--help` and `--version` fast.
"""

from __future__ import annotations

import enum
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
from hbg_plan.cli.context import expand_option_sets
from hbg_plan.cli.usage import HbgCommand, HbgGroup, lang_argument
from hbg_plan.core.neutral import safe_output
from hbg_plan.i18n import message
from hbg_plan.io import invocation
from hbg_plan.io.load import STAND_INS

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
    "cache",
)

app = typer.Typer(
    cls=HbgGroup,  # usage errors in the user's language
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


class Color(enum.StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


CONFIG_HELP = (
    "Use this configuration file (hbg-plan.toml, or pyproject.toml with [tool.hbg-plan]) instead of "
    "looking one up from the current folder to the repository root."
)
VERBOSE_HELP = "Say on standard error which configuration file is used."
QUIET_HELP = "Print only the problems: no summary lines or notes, nothing when all is well."
COLOR_HELP = (
    "Colour the text output: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR forces it), "
    "always or never."
)

# The options every command takes, before or after its name: parameter → (type, option).
GLOBAL_OPTIONS: dict[str, tuple[Any, Any]] = {
    "global_config": (Path | None, typer.Option(None, "--config", "-c", metavar="FILE", help=CONFIG_HELP)),
    "global_verbose": (bool, typer.Option(False, "--verbose", "-v", help=VERBOSE_HELP)),
    "global_quiet": (bool, typer.Option(False, "--quiet", "-q", help=QUIET_HELP)),
    "global_color": (Color | None, typer.Option(None, "--color", help=COLOR_HELP)),
}


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    global_config: Path | None = GLOBAL_OPTIONS["global_config"][1],
    global_verbose: bool = GLOBAL_OPTIONS["global_verbose"][1],
    global_quiet: bool = GLOBAL_OPTIONS["global_quiet"][1],
    global_color: Color | None = GLOBAL_OPTIONS["global_color"][1],
) -> None:
    """Validate, diff and list the gaps of mental-health action plans kept as YAML."""
    invocation.start(global_config, global_verbose, global_quiet, global_color)
    STAND_INS.clear()  # no plan read from standard input by an earlier run in this process


def with_global_options(callback: Callable[..., Any]) -> Callable[..., Any]:
    """`callback` taking the GLOBAL_OPTIONS as well, so they work after the command name
    (`hbg-plan validate -c ci.toml -q`) as before it (`hbg-plan -c ci.toml -q validate`)."""
    hints = typing.get_type_hints(callback)
    signature = inspect.signature(callback)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()]
    params += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=kind)
        for name, (kind, option) in GLOBAL_OPTIONS.items()
    ]

    @functools.wraps(callback)
    def command(
        *args: Any,
        global_config: Path | None = None,
        global_verbose: bool = False,
        global_quiet: bool = False,
        global_color: Color | None = None,
        **kwargs: Any,
    ) -> Any:
        invocation.choose(global_config, global_verbose, global_quiet, global_color)
        return callback(*args, **kwargs)

    command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    command.__annotations__ = {**hints, **{name: kind for name, (kind, _) in GLOBAL_OPTIONS.items()}}
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
    _info.cls = HbgCommand  # plain placeholders in --help
    if _info.callback is not None:
        _info.callback = with_global_options(expand_option_sets(_info.callback))


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

        lang = lang_argument(sys.argv[1:]) or "en"
        detail = " ".join(str(exc).split())[:200]
        error = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        text = message("cli.internal_error", lang, error=error)
        sys.stderr.write(safe_output(f"hbg-plan: {text}") + "\n")
        sys.exit(2)
