"""`hbg-plan migrate [PATH ...]`: rewrite plan files of an older format version in place."""

from __future__ import annotations

import typer

from hbg_plan.cli.context import LANG_OPTION, Lang, load_settings, quiet
from hbg_plan.i18n import message
from hbg_plan.io.discover import discover
from hbg_plan.io.migrate import migrate_file
from hbg_plan.validate.engine import is_registry_file


def migrate(
    paths: list[str] = typer.Argument(
        None, metavar="PATH", help="Plan files or folders (default: the configured plans folder)."
    ),
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 when a file would be migrated."
    ),
    lang: Lang = LANG_OPTION,
) -> None:
    """Rewrite version-1 plan files as version 2, in place, keeping comments and order.

    \b
    schema_version: 1        → schema_version: 2
    texts: ["Saknas."]       → texts: {missing: saknas}       (the goal itself is missing)
    indicators: ["A.", "Saknas."] → indicators: ["A.", {missing: saknas}]

    Each file is written atomically. Files already at version 2 and parties.yaml are left alone.
    Exit 0 when every file is current afterwards, 1 when a file could not be read or migrated
    (or, with --check, would change), 2 on unreadable paths.
    """

    settings = load_settings(lang)
    language = settings.lang
    found = discover(paths or [settings.config.plans_dir])
    for problem in found.problems:
        typer.echo(f"{problem.where}: {problem.code} {problem.render(language)}", err=True)
    failed = False
    for path, display in found.files:
        if is_registry_file(path):
            continue
        try:
            result = migrate_file(path, display, write=not check)
        except OSError as exc:
            typer.echo(f"{display}: HBG001 {exc.strerror or exc}", err=True)
            failed = True
            continue
        if result.error is not None:
            d = result.error
            typer.echo(f"{d.where}: {d.code} {d.render(language)}", err=True)
            failed = True
        elif result.changed:
            key = "migrate.would_migrate" if check else "migrate.migrated"
            typer.echo(message(key, language, path=display, before=result.version_before, after=2))
            for goal in result.missing_goals:
                typer.echo("  " + message("migrate.goal_saknas", language, goal=goal))
            for goal in result.missing_indicators:
                typer.echo("  " + message("migrate.indicator_saknas", language, goal=goal))
            failed = failed or check
        elif not quiet():
            typer.echo(message("migrate.current", language, path=display))
    if found.problems:
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(name="migrate")(migrate)
