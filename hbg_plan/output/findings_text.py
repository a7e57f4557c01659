"""The gap list for people at a terminal: rich tables by focus area and party, plain text when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hbg_plan.core.neutral import safe_output
from hbg_plan.core.problem import Severity
from hbg_plan.i18n import message
from hbg_plan.output.findings_counts import count_tables, counts_text
from hbg_plan.output.records.findings import (
    GapReport,
    by_area_then_party,
    horizon_label,
    severity_label,
    totals,
)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(report: GapReport, lang: str, statistics: bool = False) -> str:
    """Plain text: per plan, the count tables, then (unless `statistics`) per focus area, per
    party, one line per finding."""
    lines: list[str] = []
    for plan in report.plans:
        findings = report.for_plan(plan.id)
        lines.append(f"{plan.id} — {plan.title} ({plan.file})")
        if not findings:
            lines.append("  " + message("gaps.none", lang))
        else:
            lines += ["", *counts_text(count_tables(findings, report, lang))]
        if statistics:
            continue
        for area, parties in by_area_then_party(findings, report, lang):
            lines.append(f"  {area}")
            for party, items in parties:
                lines.append(f"    {party}")
                for f in items:
                    subject = " › ".join(p for p in (f.topic_title, f.goal_id) if p)
                    source = f" [{f.source}]" if f.source else ""
                    lines.append(
                        f"      {f.where}: {severity_label(f.severity, lang)} {f.code} {subject}: "
                        f"{f.render(lang)}{source}"
                    )
        lines.append("")
    lines.append(totals(report, lang))
    return "\n".join(lines) + "\n"


def print_rich(report: GapReport, lang: str, console: Console | None = None) -> None:
    """Rich tables on the terminal: a table per focus area, rows grouped by responsible party."""
    from rich.console import Console, Group
    from rich.markup import escape
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console = console or Console(highlight=False)  # the caller's, with its --color
    parts: list[RenderableType] = []
    for plan in report.plans:
        findings = report.for_plan(plan.id)
        parts.append(Rule(Text(safe_output(f"{plan.id} — {plan.title}"), style="bold"), align="left"))
        if not findings:
            parts.append(Text(message("gaps.none", lang), style="green"))
            continue
        for counts in count_tables(findings, report, lang):
            summary = Table(title=escape(safe_output(counts.title)), title_justify="left", title_style="bold")
            for header, numeric in zip(counts.head, counts.numeric, strict=True):
                summary.add_column(header, justify="right" if numeric else "left")
            for row in counts.rows:
                summary.add_row(*(Text(safe_output(cell)) for cell in row))
            parts.append(summary)
        for area, parties in by_area_then_party(findings, report, lang):
            table = Table(
                title=escape(safe_output(area)),
                title_justify="left",
                title_style="bold",
                expand=True,
                show_lines=False,
            )
            table.add_column(message("gaps.col.responsible", lang), style="bold", ratio=2)
            table.add_column(message("gaps.col.topic", lang), ratio=3)
            table.add_column(message("gaps.col.code", lang), no_wrap=True)
            table.add_column(message("gaps.col.message", lang), ratio=5)
            table.add_column(message("gaps.col.source", lang), ratio=3, overflow="fold")
            table.add_column(message("gaps.col.location", lang), ratio=3, overflow="fold")
            for n, (party, items) in enumerate(parties):
                if n:
                    table.add_section()
                for i, f in enumerate(items):
                    topic = Text(safe_output(f.topic_title or ""))
                    if f.goal_id:
                        topic.append(f"\n{safe_output(f.goal_id)}", style="dim")
                        label = horizon_label(f, lang)
                        if label:
                            topic.append(f" ({label})", style="dim")
                    table.add_row(
                        Text(safe_output(party)) if i == 0 else Text(""),
                        topic,
                        Text(f.code, style=STYLES[f.severity]),
                        Text(safe_output(f.render(lang))),
                        Text(safe_output(str(f.source)) if f.source else "", style="dim"),
                        Text(safe_output(str(f.where)), style="dim"),
                    )
            parts.append(table)
        parts.append(Text(totals(report, lang, findings), style="bold"))
    parts.append(Text(totals(report, lang), style="bold red" if report.count(Severity.ERROR) else "bold"))
    console.print(Group(*parts))
