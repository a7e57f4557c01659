"""The gap list for a meeting: Markdown grouped by focus area, one item per goal, in Swedish or English."""

from __future__ import annotations

from hbg_plan import __version__
from hbg_plan.gaps.engine import Finding
from hbg_plan.i18n import message
from hbg_plan.output.findings_counts import CountTable, count_tables
from hbg_plan.output.records.findings import (
    GapReport,
    by_area_then_item,
    horizon_label,
    severity_label,
    totals,
)
from hbg_plan.output.shorten import one_line
from hbg_plan.output.writers.markdown import md_escape


def _code(text: str) -> str:
    return f"`{text.replace('`', '')}`"


def _item(findings: list[Finding], report: GapReport, lang: str) -> list[str]:
    first = findings[0]
    heading = md_escape(first.topic_title or first.topic_id or "")
    label = horizon_label(first, lang)
    if first.goal_id:
        heading += f" — {md_escape(label)}" if label else ""
        heading += f" ({_code(first.goal_id)})"
    elif first.topic_id:
        heading += f" ({_code(first.topic_id)})"
    lines = [f"### {heading}", ""]
    if first.goal_texts:  # one line: the full text is in JSON, xlsx and `hbg-plan show`
        lines += [f"> {md_escape(one_line(' '.join(first.goal_texts)))}", ""]
    lines.append(f"**{message('gaps.md.missing', lang)}:**")
    lines.append("")
    for f in sorted(findings, key=lambda f: f.code):
        source = f" — {_code(str(f.source))}" if f.source and f.source != f.item_source else ""
        lines.append(f"- {md_escape(f.render(lang))} ({f.code}, {severity_label(f.severity, lang)}){source}")
    lines.append("")
    if first.goal_id:
        parties = (
            ", ".join(md_escape(report.party_names.get(p, p)) for p in first.parties)
            if first.parties
            else md_escape(message("gaps.no_party", lang))
        )
        lines.append(f"**{message('gaps.md.responsible', lang)}:** {parties}  ")
    where = f"{first.where.file}:{first.where.line}" if first.where.line else first.where.file
    item_source = first.item_source or first.source
    source_part = (
        f"**{message('gaps.md.source', lang)}:** {_code(str(item_source))} · " if item_source else ""
    )
    lines.append(f"{source_part}**{message('gaps.md.plan_file', lang)}:** {_code(where)}")
    lines.append("")
    return lines


def counts_markdown(tables: list[CountTable], level: int) -> list[str]:
    """Count tables as Markdown, each under a heading of `level`."""
    lines: list[str] = []
    for table in tables:
        if not table.rows:
            continue
        lines += [f"{'#' * level} {md_escape(table.title)}", ""]
        lines.append("| " + " | ".join(md_escape(h) for h in table.head) + " |")
        lines.append("| " + " | ".join("--:" if n else ":--" for n in table.numeric) + " |")
        lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in table.rows]
        lines.append("")
    return lines


def render_markdown(report: GapReport, lang: str, statistics: bool = False) -> str:
    """Per plan: the count tables, then (unless `statistics`) the findings by focus area and goal."""
    lines: list[str] = []
    for plan in report.plans:
        findings = report.for_plan(plan.id)
        lines += [f"# {md_escape(message('gaps.title', lang, plan=plan.id))}", ""]
        lines += [f"**{md_escape(plan.title)}** ({_code(plan.file)})", ""]
        if not statistics:
            lines += [message("gaps.md.intro", lang), ""]
        lines += [md_escape(totals(report, lang, findings)) + ".", ""]
        if not findings:
            lines += [message("gaps.none", lang), ""]
            continue
        lines += [f"## {md_escape(message('gaps.counts.title', lang))}", ""]
        lines += counts_markdown(count_tables(findings, report, lang), 3)
        if statistics:
            continue
        for area, items in by_area_then_item(findings, lang):
            lines += [f"## {md_escape(area)}", ""]
            for item in items:
                lines += _item(item, report, lang)
    lines += ["---", "", message("gaps.md.footer", lang, version=__version__), ""]
    return "\n".join(lines)
