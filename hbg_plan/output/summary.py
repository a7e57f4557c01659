"""The accountability summary (`hbg-plan summary`) as a table, Markdown, CSV or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hbg_plan.core.neutral import safe_output
from hbg_plan.gaps.engine import AccountabilityRow
from hbg_plan.i18n import message
from hbg_plan.output.envelope import envelope
from hbg_plan.output.findings_csv import write_rows
from hbg_plan.output.writers.markdown import md_escape

if TYPE_CHECKING:
    from rich.console import Console

COUNTS = ("goals", "measurable", "not_measurable", "partly_saknas", "saknas", "not_stated", "goal_saknas")


@dataclass
class SummaryReport:
    plan_id: str
    plan_title: str
    plan_file: str
    by: str  # "party" | "unit" | "focus-area"
    rows: list[AccountabilityRow]
    total: AccountabilityRow


def row_label(report: SummaryReport, row: AccountabilityRow, lang: str) -> str:
    if row is report.total:
        return message("summary.total", lang)
    if row.key is None:
        return message("gaps.no_party", lang)
    by_party = report.by in ("party", "unit")
    return f"{row.label} ({row.key})" if by_party and row.label != row.key else row.label


def share_text(row: AccountabilityRow, lang: str) -> str:
    if row.share is None:
        return "–"
    percent = round(row.share * 100)
    return f"{percent} %" if lang == "sv" else f"{percent}%"


def headers(report: SummaryReport, lang: str) -> list[str]:
    return (
        [message(f"summary.col.{report.by}", lang)]
        + [message(f"summary.col.{c}", lang) for c in COUNTS]
        + [message("summary.col.share", lang)]
    )


def table_rows(report: SummaryReport, lang: str) -> list[list[str]]:
    return [
        [row_label(report, row, lang), *(str(getattr(row, c)) for c in COUNTS), share_text(row, lang)]
        for row in [*report.rows, report.total]
    ]


def note(report: SummaryReport, lang: str) -> str:
    notes = {"party": ["summary.note.party", "summary.note.rollup"], "unit": ["summary.note.party"]}.get(
        report.by, []
    )
    return " ".join(message(n, lang) for n in [*notes, "summary.note.measurable"])


def title(report: SummaryReport, lang: str) -> str:
    return message(f"summary.title.{report.by}", lang, plan=report.plan_id)


def render_text(report: SummaryReport, lang: str) -> str:
    """An aligned plain-text table."""
    head = headers(report, lang)
    body = table_rows(report, lang)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]

    def fmt(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1:])]
        return "  ".join([first, *rest]).rstrip()

    lines = [title(report, lang), f"{report.plan_title} ({report.plan_file})", "", fmt(head)]
    lines.append("  ".join("-" * w for w in widths))
    lines += [fmt(r) for r in body[:-1]]
    lines.append("  ".join("-" * w for w in widths))
    lines.append(fmt(body[-1]))
    lines += ["", note(report, lang)]
    return "\n".join(lines) + "\n"


def print_rich(report: SummaryReport, lang: str, console: Console | None = None) -> None:
    """A table sized by hand: the numbers keep their width, the label column takes the rest."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False)  # the caller's, with its --color
    head = headers(report, lang)
    body = [[safe_output(cell) for cell in row] for row in table_rows(report, lang)]
    numbers = [max(len(head[i]), *(len(r[i]) for r in body)) for i in range(1, len(head))]
    if console.width - sum(numbers) - 3 * len(head) < 24:  # narrow: let the headers wrap at spaces
        numbers = [
            max(*(len(w) for w in head[i].split()), *(len(r[i]) for r in body)) for i in range(1, len(head))
        ]
    spare = console.width - sum(numbers) - 3 * len(head)
    label = max(12, min(max(len(r[0]) for r in [head, *body]), spare))
    table = Table(
        title=safe_output(title(report, lang)),
        caption=note(report, lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(head[0], width=label, overflow="fold")
    for header, width in zip(head[1:], numbers, strict=True):
        table.add_column(header, justify="right", width=width)
    for n, cells in enumerate(body):
        last = n == len(body) - 1
        if last:
            table.add_section()
        table.add_row(*cells, style="bold" if last else None)
    console.print(table)


def render_markdown(report: SummaryReport, lang: str) -> str:
    head = headers(report, lang)
    lines = [f"# {md_escape(title(report, lang))}", "", f"**{md_escape(report.plan_title)}**", ""]
    lines.append("| " + " | ".join(md_escape(h) for h in head) + " |")
    lines.append("| " + " | ".join([":--", *(["--:"] * (len(head) - 1))]) + " |")
    body = table_rows(report, lang)
    for n, cells in enumerate(body):
        cells = [md_escape(c) for c in cells]
        if n == len(body) - 1:
            cells = [f"**{c}**" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", md_escape(note(report, lang)), ""]
    return "\n".join(lines)


def render_csv(report: SummaryReport, lang: str) -> str:
    return write_rows([headers(report, lang), *table_rows(report, lang)])


def _row_json(report: SummaryReport, row: AccountabilityRow, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {"key": row.key, "label": row_label(report, row, lang)}
    item.update({c: getattr(row, c) for c in COUNTS})
    item["share_measurable"] = round(row.share, 4) if row.share is not None else None
    return item


def render_json(report: SummaryReport, lang: str) -> str:
    document = {
        **envelope("summary", lang),
        "plan": {"id": report.plan_id, "title": report.plan_title, "file": report.plan_file},
        "by": report.by,
        "rows": [_row_json(report, row, lang) for row in report.rows],
        "total": _row_json(report, report.total, lang),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
