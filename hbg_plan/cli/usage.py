"""How the command line reads to a person: help in one style, usage errors in their language.

- `--help` names every value the way the README does: `PLAN...` for a plan file or id, `PATH...`
  for paths, `FILE`, `DIR`, `ID`; never a Python type (`<list[str]>`) or a brace (`{PLAN}`).
- A usage error (unknown option or command, a value not among the choices, a missing argument)
  is one line `hbg-plan: …` in the language of `--lang` (or the configuration's `lang`), without
  the framework's English prefixes ("Error:", "Invalid value for …"), and a line that says where
  the help is; exit code 2.

`HbgGroup` is the class of the typer app, `HbgCommand` the class of every command (root.py).
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from typer import _click as click  # typer ≥ 0.29 carries its own click (pinned in pyproject.toml)
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from hbg_plan.core.neutral import safe_output
from hbg_plan.i18n import message
from hbg_plan.io.config import ConfigError, load_config

UsageError = click.exceptions.UsageError


class PlainArgument(TyperArgument):
    """An argument shown as its metavar only: `PLAN...` in the help, `[PLAN]...` in the usage line."""

    def display_type(self, ctx: click.Context) -> str:
        return ""

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


class HbgCommand(TyperCommand):
    """A command whose arguments show as plain placeholders (see PlainArgument)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = PlainArgument  # same state, the help drawn the plain way


class TranslatedUsageError(UsageError):
    """A usage error already put into words in the user's language."""

    def show(self, file: IO[Any] | None = None) -> None:
        (file or sys.stderr).write(safe_output(self.message) + "\n")


class HbgGroup(TyperGroup):
    """The app: remembers the raw arguments (for the language) and translates usage errors."""

    arguments: Sequence[str] = ()

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        self.arguments = list(args) if args is not None else sys.argv[1:]
        return super().main(args, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise translated(exc, self.arguments) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise translated(exc, self.arguments) from None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as exc:
            if type(exc) is not UsageError or not args:
                raise  # an option where the command should be: NoSuchOption, translated above
            lang = argument_lang(self.arguments)
            close = difflib.get_close_matches(args[0], list(self.commands), n=3)
            text = message("usage.no_such_command", lang, command=args[0]) + _close(close, lang)
            hint = message("usage.help_hint", lang, command=ctx.command_path)
            raise TranslatedUsageError(f"hbg-plan: {text}\n{hint}", ctx) from None


def translated(exc: UsageError, arguments: Sequence[str]) -> UsageError:
    """The usage error in the user's language (help shown for missing arguments stays as it is)."""
    if isinstance(exc, TranslatedUsageError | click.exceptions.NoArgsIsHelpError):
        return exc
    lang = argument_lang(arguments)
    text = describe(exc, lang, arguments)
    command = exc.ctx.command_path if exc.ctx is not None else "hbg-plan"
    hint = message("usage.help_hint", lang, command=command)
    return TranslatedUsageError(f"hbg-plan: {text}\n{hint}", exc.ctx)


def describe(exc: UsageError, lang: str, arguments: Sequence[str] = ()) -> str:
    """What was wrong, from the error's parts rather than its English text."""
    errors = click.exceptions
    if isinstance(exc, errors.NoSuchOption):
        return message("usage.no_such_option", lang, option=exc.option_name) + _close(exc.possibilities, lang)
    if isinstance(exc, errors.BadOptionUsage):
        key = "usage.option_takes_no_value" if "does not take" in exc.message else "usage.option_needs_value"
        return message(key, lang, option=exc.option_name)
    if isinstance(exc, errors.MissingParameter):
        what = "option" if isinstance(exc.param, TyperOption) else "argument"
        return message(f"usage.missing_{what}", lang, name=_param_name(exc.param))
    if isinstance(exc, errors.BadParameter):
        return _bad_value(exc, lang, arguments)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", exc.message, re.DOTALL)
    if extra:
        return message("usage.extra_arguments", lang, arguments=extra.group(1))
    return message("usage.other", lang, detail=exc.message)


def _bad_value(exc: Any, lang: str, arguments: Sequence[str]) -> str:
    name = _param_name(exc.param)
    quoted = re.search(r"""(['"])(.*?)\1""", exc.message)  # the value, as the framework quotes it
    value = quoted.group(2) if quoted else None
    if value is None and isinstance(exc.param, TyperOption):  # a number: its message names no value
        value = _value_of(arguments, tuple(exc.param.opts))
    kind = getattr(exc.param, "type_descriptor", None)
    if kind is not None and kind.is_choice:
        choices = ", ".join(str(getattr(c, "value", c)) for c in kind.choices)
        return message("usage.bad_choice", lang, name=name, value=value, choices=choices)
    if exc.message.endswith("is a directory."):
        return message("usage.is_directory", lang, name=name, value=value)
    if exc.message.endswith("is a file."):
        return message("usage.is_file", lang, name=name, value=value)
    return message("usage.bad_value", lang, name=name, value=value or "")


def _param_name(param: Any) -> str:
    if isinstance(param, TyperOption):
        return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))  # --format, not -f
    if isinstance(param, TyperArgument):
        return str(param.display_name_raw)
    return "?"


def _close(possibilities: Sequence[str] | None, lang: str) -> str:
    return message("usage.did_you_mean", lang, close=", ".join(possibilities)) if possibilities else ""


def argument_lang(arguments: Sequence[str]) -> str:
    """--lang from the raw arguments, else the configuration's `lang` (of --config FILE), else English."""
    lang = lang_argument(arguments)
    if lang is not None:
        return lang
    config_file = _value_of(arguments, ("--config", "-c"))
    try:
        config = load_config(explicit=Path(config_file) if config_file else None)
    except (ConfigError, OSError):
        return "en"
    return config.lang if config.lang in ("en", "sv") else "en"


def lang_argument(arguments: Sequence[str]) -> str | None:
    """The --lang value given on the command line, if it names a language."""
    lang = _value_of(arguments, ("--lang", "-l"))
    return lang if lang in ("en", "sv") else None


def _value_of(arguments: Sequence[str], names: tuple[str, ...]) -> str | None:
    for i, arg in enumerate(arguments):
        if arg in names and i + 1 < len(arguments):
            return arguments[i + 1]
        for name in names:
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.partition("=")[2]
            if not name.startswith("--") and arg.startswith(name) and len(arg) > len(name):
                return arg[len(name) :]  # -j0
    return None
