"""`hbg-plan report PLAN... --output FILE.html`: one self-contained HTML page for the revision meeting.

Also home of `write_xlsx`, which the gaps, summary and diff commands use for `--format xlsx`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hbg_plan.commands.common import (
    LANG_OPTION,
    OUTPUT_OPTION,
    Lang,
    fail_usage,
    output_failure,
    write_report,
)

if TYPE_CHECKING:
    from hbg_plan.check import PlanSet
    from hbg_plan.model import Plan


def report(
    plans: list[str] = typer.Argument(
        None,
        metavar="PLAN",
        help="Plan ids or plan files, oldest first; with --lineage, one plan.",
    ),
    lineage: bool = typer.Option(
        False,
        "--lineage",
        help="Report the plan with every version it replaces and that replaces it (the `replaces` links "
        "in its folder), oldest first.",
    ),
    plans_dir: Path = typer.Option(
        None, "--plans", help="Folder where plan ids are looked up (default: configured, else plans/)."
    ),
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Write the plan (or its versions) as a single HTML page that works offline and prints well.

    The page shows each plan's focus areas, topics and goals with their texts, indicators and
    responsible parties; every gap found by the rules highlighted on its goal; indicator coverage
    per focus area and version as a chart; the changes between consecutive versions; and each
    goal's source lines. Exit 0 when written, 2 on unknown plans or invalid input.
    """
    from hbg_plan import __version__
    from hbg_plan.check import accountability, load_for_check, run_checks
    from hbg_plan.commands.common import warn_refused_sources
    from hbg_plan.commands.gaps import load_settings, make_selector, party_names
    from hbg_plan.diff import diff_versions
    from hbg_plan.i18n import message
    from hbg_plan.provenance import plan_source
    from hbg_plan.report.html import HtmlReport, PlanPage, render_html

    config, language = load_settings(lang)
    refs = list(plans or [])
    if not refs:
        raise fail_usage(message("html.need_plan", language))
    if lineage and len(refs) != 1:
        raise fail_usage(message("html.lineage_one", language))
    selector = make_selector(config, language)
    loaded = load_for_check(refs, plans_dir or Path(config.plans_dir))
    if loaded.errors:
        raise fail_usage("\n".join(f"{d.where}: {d.render(language)}" for d in loaded.errors))
    chosen = in_given_order(loaded.targets, refs)
    if lineage:
        chosen = versions_of(chosen[0], loaded.context)
    warn_refused_sources(chosen, language)
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
    write_report(render_html(page, language), output, language)


def in_given_order(plans: Sequence[Plan], refs: Sequence[str]) -> list[Plan]:
    """The plans in the order the command line named them (by id or path), each once."""

    def position(plan: Plan) -> int:
        for i, ref in enumerate(refs):
            if ref == plan.id or Path(ref).resolve() == plan.path.resolve():
                return i
        return len(refs)

    unique = {plan.id: plan for plan in reversed(plans)}
    return sorted(unique.values(), key=position)


def versions_of(plan: Plan, plans: PlanSet) -> list[Plan]:
    """The plan's lineage through `replaces` links, oldest first: its predecessors, it, its successors."""
    chain = [*reversed(plans.predecessors(plan)), plan]
    seen = {p.id for p in chain}
    while True:
        newer = sorted(
            (p for p in plans if p.replaces == chain[-1].id and p.id not in seen), key=lambda p: p.period
        )
        if not newer:
            return chain
        chain.append(newer[0])
        seen.add(newer[0].id)


def write_xlsx(build: Callable[[], bytes], output: Path | None, lang: str) -> None:
    """Write a workbook atomically to --output; a binary workbook never goes to standard output."""
    from hbg_plan.i18n import message
    from hbg_plan.report.output import write_atomic

    if output is None:
        raise fail_usage(message("xlsx.need_output", lang))
    try:
        write_atomic(output, build())
    except OSError as exc:
        raise output_failure(exc, output, lang) from None


def register(app: typer.Typer) -> None:
    app.command("report")(report)
