"""`hbg-plan brief PLAN`: the revision-meeting document, from the findings of `gaps` and the changes of `diff`."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hbg_plan.cli import context
from hbg_plan.cli.context import LANG_OPTION, OUTPUT_OPTION, PLANS_OPTION, Lang, format_option
from hbg_plan.gaps.engine import unit_departments
from hbg_plan.i18n import message
from hbg_plan.output.brief_docx import render_docx
from hbg_plan.output.brief_html import render_html
from hbg_plan.output.brief_json import render_json
from hbg_plan.output.brief_markdown import render_markdown
from hbg_plan.output.brief_view import layout
from hbg_plan.output.records.brief import build_brief, newest
from hbg_plan.validate.engine import registry_for
from hbg_plan.workspace import load_for_check, party_names

if TYPE_CHECKING:
    from hbg_plan.model.plan import Plan


BriefFormat = enum.StrEnum("BriefFormat", ["markdown", "html", "docx", "json"])


def brief(
    plan: str = typer.Argument(
        None, metavar="PLAN", help="The plan under revision: an id or a file (default: the newest plan)."
    ),
    against: str = typer.Option(
        None, "--against", metavar="PLAN", help="The version to compare with (default: the plan it replaces)."
    ),
    output_format: BriefFormat = format_option(BriefFormat.markdown),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Write the brief the revision meeting reads: what to decide, in at most four pages.

    Sections: where we stand (figures with their change since the previous version); what to
    decide (regressions, gaps standing over several versions with every version in which the
    indicator was missing, other missing indicators, goals without a responsible party, new
    topics without any indicator, regional topics without a local counterpart, follow-ups that
    say not done); progress (gaps closed since the previous version and since the regional
    plan); accountability by department; changes at a glance. The regional plan the plan (or
    its previous version) is `based_on` is included automatically.

    Formats: markdown, html (self-contained, with a print stylesheet), docx (Word; needs
    --output), json (schemas/brief.schema.json; texts kept whole). Exit 0 when written, 2 on
    unknown plans or invalid input.
    """

    config, language = context.load_settings(lang)
    if output_format is BriefFormat.docx and output is None:
        raise context.fail_usage(message("brief.cli.need_output", language))
    selector = context.make_selector(config, language)
    folder = plans_dir or Path(config.plans_dir)
    refs = [plan] if plan else []
    loaded = load_for_check(refs + ([against] if against else []), folder)
    if loaded.errors:
        raise context.plan_problems(loaded.errors, language)
    chosen = _named(loaded.targets, plan) if plan else newest(loaded.targets)
    if chosen is None:
        raise context.fail_usage(message("brief.cli.no_plan", language, folder=folder))
    previous = _named(loaded.targets, against) if against else None
    if previous is None and not against and chosen.replaces:
        previous = loaded.context.get(chosen.replaces)
    _, names = party_names([chosen])
    roll_up = unit_departments(registry_for(chosen.path))
    record = build_brief(chosen, previous, loaded.context, selector, names, roll_up)
    if output_format is BriefFormat.json:
        context.write_report(render_json(record, language), output, language)
        return

    blocks = layout(record, language)
    if output_format is BriefFormat.markdown:
        context.write_report(render_markdown(blocks), output, language)
    elif output_format is BriefFormat.html:
        context.write_report(render_html(blocks, language), output, language)
    else:
        context.write_xlsx(lambda: render_docx(blocks, language), output, language)


def _named(plans: list[Plan], ref: str) -> Plan | None:
    """The loaded plan that `ref` (an id or a file) names."""
    for candidate in plans:
        if ref == candidate.id or Path(ref).resolve() == candidate.path.resolve():
            return candidate
    return None


def register(app: typer.Typer) -> None:
    app.command("brief")(brief)
