"""`hbg-plan show ID`: a topic or goal as structured data beside the source lines it came from."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli.context import (
    LANG_OPTION,
    OUTPUT_OPTION,
    Lang,
    fail_usage,
    load_settings,
    plan_problems,
    warn_refused_sources,
    write_report,
)
from hbg_plan.i18n import message
from hbg_plan.io.output import is_terminal
from hbg_plan.output.show import find_items, print_rich, render_json, render_text
from hbg_plan.workspace import load_catalog, resolve_plan


class ShowFormat(enum.StrEnum):
    text = "text"
    json = "json"


def show(
    item_id: str = typer.Argument(
        ..., metavar="ID", help="A topic or goal id, e.g. sip or sip.kort; PLAN:ID narrows."
    ),
    plan: str = typer.Option(None, "--plan", "-p", help="Only this plan (file or id)."),
    plans_dir: Path = typer.Option(
        None, "--plans", help="Folder of plans (default: configured, else plans/)."
    ),
    output_format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="Output format."),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Print a topic or goal as structured data beside the exact source lines it came from."""
    settings = load_settings(lang)
    language = settings.lang
    folder = settings.plans_dir(plans_dir)
    if ":" in item_id and plan is None:
        plan, item_id = item_id.split(":", 1)
    if plan is not None:
        chosen, diagnostics = resolve_plan(plan, folder)
        if chosen is None:
            raise plan_problems(diagnostics, language)
        plans = [chosen]
    else:
        plans = load_catalog(folder).ordered()
    items = find_items(plans, item_id)
    if not items:
        raise fail_usage(message("show.not_found", language, id=item_id))
    warn_refused_sources([item.plan for item in items], language)
    if output_format is ShowFormat.json:
        write_report(render_json(items), output, language)
    elif output is None and is_terminal():
        print_rich(items, language)
    else:
        write_report(render_text(items, language), output, language)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
