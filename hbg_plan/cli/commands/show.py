"""`hbg-plan show ID`: a topic or goal as structured data beside the source lines it came from."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli import context
from hbg_plan.cli.context import LANG_OPTION, OUTPUT_OPTION, PLANS_OPTION, Lang, format_option
from hbg_plan.i18n import message
from hbg_plan.output.show import find_items, print_rich, render_json, render_text
from hbg_plan.workspace import load_catalog, resolve_plan

ShowFormat = enum.StrEnum("ShowFormat", ["text", "json"])


def show(
    item_id: str = typer.Argument(
        ..., metavar="ID", help="A topic or goal id, e.g. sip or sip.kort; PLAN:ID narrows."
    ),
    plan: str = typer.Option(None, "--plan", "-p", metavar="PLAN", help="Only this plan (file or id)."),
    plans_dir: Path = PLANS_OPTION,
    output_format: ShowFormat = format_option(ShowFormat.text),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Print a topic or goal as structured data beside the exact source lines it came from."""
    settings = context.load_settings(lang)
    language = settings.lang
    folder = settings.plans_dir(plans_dir)
    if ":" in item_id and plan is None:
        plan, item_id = item_id.split(":", 1)
    if plan is not None:
        chosen, diagnostics = resolve_plan(plan, folder)
        if chosen is None:
            raise context.plan_problems(diagnostics, language)
        plans = [chosen]
    else:
        plans = load_catalog(folder).ordered()
    items = find_items(plans, item_id)
    if not items:
        raise context.fail_usage(message("show.not_found", language, id=item_id))
    context.warn_refused_sources([item.plan for item in items], language)
    if output_format is ShowFormat.json:
        context.write_report(render_json(items, language), output, language)
    elif context.use_color(output):
        print_rich(items, language, context.console())
    else:
        context.write_report(render_text(items, language), output, language)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
