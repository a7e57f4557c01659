"""`hbg-plan init NEW_FILE --from PLAN`: start a revision from the last version of a plan."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from hbg_plan.analysis.scaffold import create_new, next_id, render_scaffold
from hbg_plan.cli.context import (
    LANG_OPTION,
    PLANS_OPTION,
    Lang,
    fail_usage,
    load_settings,
    plan_problems,
    quiet,
    warn,
)
from hbg_plan.core.neutral import safe_output
from hbg_plan.i18n import message
from hbg_plan.validate.schema import load_schema
from hbg_plan.workspace import resolve_plan


def init(
    new_file: Path = typer.Argument(
        ..., metavar="FILE", help="The plan file to create (.yaml); never overwritten."
    ),
    from_plan: str = typer.Option(
        ..., "--from", "-F", metavar="PLAN", help="The previous version: a plan file or a plan id."
    ),
    new_id: str = typer.Option(
        None,
        "--id",
        metavar="ID",
        help="Id of the new plan (default: the old id with its year replaced by the year after the old period, hbg-2020 → hbg-2023).",
    ),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    """Scaffold the next version of an existing plan, so a revision starts from the last one.

    The new file keeps the focus areas, topics, sections and goals with their ids, numbers,
    horizons and titles, sets `replaces: <old id>`, a new id, the following period (same length,
    check it) and the `yaml-language-server` schema comment. Everything that must be read from
    the new document is left open, and `hbg-plan validate` points at each place:

    \b
      title: ""                              the new document's title
      source: {file: sources/TODO.txt, sha256: TODO}
      source: {lines: []}                    on every focus area, topic, section and goal
      texts: []                              every goal and section ("at least 1 item")
      indicators: {missing: not-stated}      replace with the indicators the document states
      responsible: {missing: not-stated}     replace with the parties it names

    Remove what the new document no longer has. FILE is never overwritten (exit 2).
    """
    settings = load_settings(lang)
    language = settings.lang
    if new_file.suffix not in (".yaml", ".yml"):
        raise fail_usage(message("init.suffix", language, path=new_file))
    if new_file.exists() or new_file.is_symlink():
        raise fail_usage(message("init.exists", language, path=new_file))
    if not new_file.parent.is_dir():
        raise fail_usage(message("init.no_folder", language, folder=new_file.parent))

    plan, diagnostics = resolve_plan(from_plan, settings.plans_dir(plans_dir))
    if plan is None:
        if all(d.code == "HBG001" for d in diagnostics):  # no such file or id, or unreadable
            raise plan_problems(diagnostics, language)
        warn(message("init.invalid_from", language, ref=from_plan))
        for d in diagnostics:
            severity = message(f"label.{d.severity.label}", language)
            warn(f"{d.where}: {severity} {d.code} {d.render(language)}")
        raise typer.Exit(1)

    target_id = new_id or next_id(plan)
    if not re.fullmatch(load_schema("plan.schema.json")["$defs"]["id"]["pattern"], target_id):
        raise fail_usage(message("init.bad_id", language, id=target_id))
    if target_id == plan.id:
        raise fail_usage(message("init.same_id", language, id=target_id))

    text = render_scaffold(plan, target_id, new_file, language)
    try:
        create_new(new_file, text)
    except FileExistsError:
        raise fail_usage(message("init.exists", language, path=new_file)) from None
    except OSError as exc:
        raise fail_usage(f"{new_file}: {exc.strerror or exc}") from None
    goals = sum(1 for _ in plan.goals())
    written = message("init.written", language, path=new_file, old=plan.id, new=target_id, goals=goals)
    if not quiet():
        typer.echo(safe_output(written))
        typer.echo(safe_output(message("init.next", language, path=new_file)))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
