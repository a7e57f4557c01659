"""`hbg-plan report PLAN... --output FILE.html`: one self-contained HTML page for the revision meeting."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from hbg_plan import __version__
from hbg_plan.analysis.diff import diff_versions
from hbg_plan.cli import context
from hbg_plan.cli.context import LANG_OPTION, OUTPUT_OPTION, PLANS_OPTION, Lang, plans_argument
from hbg_plan.gaps.engine import accountability, run_checks
from hbg_plan.i18n import message
from hbg_plan.model.plan import Plan
from hbg_plan.output.html.page import HtmlReport, PlanPage, render_html
from hbg_plan.validate.provenance import plan_source
from hbg_plan.workspace import load_for_check, party_names

PLANS_HELP = "Plan ids or plan files, oldest first; with --lineage, one plan."


def report(
    plans: list[str] = plans_argument(PLANS_HELP),
    lineage: bool = typer.Option(
        False,
        "--lineage",
        help="Report the plan with every version it replaces and that replaces it (the `replaces` links "
        "in its folder), oldest first.",
    ),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Write the plan (or its versions) as a single HTML page that works offline and prints well.

    The page shows each plan's focus areas, topics and goals with their texts, indicators and
    responsible parties; every gap found by the rules highlighted on its goal; indicator coverage
    per focus area and version as a chart; the changes between consecutive versions; and each
    goal's source lines. Exit 0 when written, 2 on unknown plans or invalid input.
    """
    config, language = context.load_settings(lang)
    refs = list(plans or [])
    if not refs:
        raise context.fail_usage(message("html.need_plan", language))
    if lineage and len(refs) != 1:
        raise context.fail_usage(message("html.lineage_one", language))
    selector = context.make_selector(config, language)
    loaded = load_for_check(refs, plans_dir or Path(config.plans_dir))
    if loaded.errors:
        raise context.plan_problems(loaded.errors, language)
    chosen = in_given_order(loaded.targets, refs)
    if lineage:
        chosen = loaded.context.versions(chosen[0])
    context.warn_refused_sources(chosen, language)
    result = run_checks(chosen, loaded.context, selector)
    _, names = party_names(chosen)
    pages = []
    for plan in chosen:
        rows, total = accountability(plan, "focus-area", names)
        pages.append(
            PlanPage(
                plan=plan,
                display=plan.doc.file,
                findings=[f for f in result.findings if f.plan_id == plan.id],
                coverage=rows,
                total=total,
                source=plan_source(plan),
            )
        )
    diffs = diff_versions(chosen) if len(chosen) > 1 else []
    page = HtmlReport(pages, diffs, names, len(result.suppressed), __version__)
    context.write_report(render_html(page, language), output, language)


def in_given_order(plans: Sequence[Plan], refs: Sequence[str]) -> list[Plan]:
    """The plans in the order the command line named them (by id or path), each once."""

    def position(plan: Plan) -> int:
        for i, ref in enumerate(refs):
            if ref == plan.id or Path(ref).resolve() == plan.path.resolve():
                return i
        return len(refs)

    unique = {plan.id: plan for plan in reversed(plans)}
    return sorted(unique.values(), key=position)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
