"""Excel workbooks (`--format xlsx`) for gaps, summary and diff: revision work happens in Excel.

One sheet per view, a bold header row kept in view (frozen pane), filters on every column, and
column widths fitted to the text; long Swedish texts wrap in a wide column instead of running
off the screen. Values that Excel would run as formulas are stored as text.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from hbg_plan.analysis.diff.changes import PlanDiff
from hbg_plan.core.neutral import is_formula, neutral
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.output.records.diff import capitalised, change_message, label, plain_words
from hbg_plan.output.records.findings import FINDING_COLUMNS, GapReport, finding_row, severity_label
from hbg_plan.output.summary import COUNTS, SummaryReport, headers, row_label

Cell = str | int | float | None

WRAP_OVER = 50  # a column whose longest text is longer than this wraps
WRAP_WIDTH = 70  # … at this width (in characters)
MAX_WIDTH = 45  # other columns are at most this wide
MIN_WIDTH = 6
FILTER_BUTTON = 3  # room for the filter drop-down next to a header
HEADER_FILL = "DCE6F1"
FORBIDDEN_IN_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    percent: frozenset[int] = frozenset()  # columns holding shares 0..1
    bold_last: bool = False  # a totals row


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for sheet in sheets:
        ws = book.create_sheet(_title(sheet.title, used))
        table: list[Sequence[Cell]] = [sheet.header, *sheet.rows]
        for r, values in enumerate(table, start=1):
            for c, value in enumerate(values, start=1):
                if isinstance(value, str):
                    value = neutral(value)  # control characters escaped, as in every format
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str) and is_formula(value):
                    cell.data_type = "s"  # plan text, never a formula (openpyxl reads "=…" as one)
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        columns = len(sheet.header)
        bold = Font(bold=True)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if sheet.bold_last and sheet.rows:
            for cell in ws[len(sheet.rows) + 1]:
                cell.font = bold
        for c in range(columns):
            letter = get_column_letter(c + 1)
            longest = max((_length(row[c]) for row in sheet.rows if c < len(row)), default=0)
            header = max((len(word) for word in sheet.header[c].split()), default=0) + FILTER_BUTTON
            wrap = longest > WRAP_OVER
            width = WRAP_WIDTH if wrap else min(max(longest + 2, header, MIN_WIDTH), MAX_WIDTH)
            ws.column_dimensions[letter].width = width
            for cell in ws[letter][1:]:
                if c in sheet.percent:
                    cell.number_format = "0%"
                cell.alignment = Alignment(wrap_text=wrap or _length(cell.value) > MAX_WIDTH, vertical="top")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(max(columns, 1))}{len(sheet.rows) + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return 6
    return max((len(line) for line in str(value).splitlines()), default=0)


def _title(title: str, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = " ".join(title.translate(FORBIDDEN_IN_TITLE).split())[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name


# --- gaps -----------------------------------------------------------------------------------------

GAP_COLUMNS = FINDING_COLUMNS


def gaps_workbook(report: GapReport, lang: str) -> bytes:
    """Sheets: every finding (as the CSV has them), and the count per plan and rule."""

    findings = Sheet(message("xlsx.sheet.gaps", lang), [message(f"gaps.col.{c}", lang) for c in GAP_COLUMNS])
    findings.rows += [list[Cell](finding_row(f, report, lang)) for f in report.findings]
    by_rule = Sheet(
        message("xlsx.sheet.by_rule", lang),
        [
            message("gaps.col.plan", lang),
            message("gaps.col.code", lang),
            message("gaps.col.rule", lang),
            message("rules.col.summary", lang),
            message("gaps.col.severity", lang),
            message("diff.column_count", lang),
        ],
    )
    counted = Counter((f.plan_id, f.code, f.severity) for f in report.findings)
    order = {plan.id: i for i, plan in enumerate(report.plans)}
    for (plan_id, code, severity), count in sorted(
        counted.items(), key=lambda item: (order.get(item[0][0], len(order)), item[0][1], -item[0][2])
    ):
        rule = find_rule(code)
        by_rule.rows.append(
            [
                plan_id,
                code,
                rule.name if rule else "",
                message(rule.summary_id, lang) if rule else "",
                severity_label(severity, lang),
                count,
            ]
        )
    return workbook([findings, by_rule])


# --- summary --------------------------------------------------------------------------------------


def summary_workbook(report: SummaryReport, lang: str) -> bytes:
    """One sheet: a row per party (or focus area), then the total in bold."""
    sheet = Sheet(
        message(f"xlsx.sheet.{report.by}", lang),
        headers(report, lang),
        percent=frozenset({len(COUNTS) + 1}),
        bold_last=True,
    )
    for row in [*report.rows, report.total]:
        share = round(row.share, 4) if row.share is not None else None
        sheet.rows.append([row_label(report, row, lang), *(int(getattr(row, c)) for c in COUNTS), share])
    return workbook([sheet])


# --- diff -----------------------------------------------------------------------------------------


def diff_workbook(diffs: Sequence[PlanDiff], lang: str) -> bytes:
    """Sheets: every change of every consecutive pair, and the count of each kind of change."""

    changes = Sheet(
        message("xlsx.sheet.changes", lang),
        [
            message("xlsx.col.old_plan", lang),
            message("xlsx.col.new_plan", lang),
            message("gaps.col.focus_area", lang),
            message("xlsx.col.topic", lang),
            message("gaps.col.goal", lang),
            message("diff.column_change", lang),
            message("xlsx.col.description", lang),
            message("xlsx.col.words", lang),
            message("gaps.col.location", lang),
        ],
    )
    overview = Sheet(
        message("xlsx.sheet.overview", lang),
        [
            message("xlsx.col.old_plan", lang),
            message("xlsx.col.new_plan", lang),
            message("diff.column_change", lang),
            message("diff.column_count", lang),
        ],
    )
    for diff in diffs:
        for change in diff.changes:
            changes.rows.append(
                [
                    diff.old.id,
                    diff.new.id,
                    (change.area.title or change.area.id)
                    if change.area
                    else message("diff.plan_level", lang),
                    (change.topic.title or change.topic.id) if change.topic else "",
                    change.goal.id if change.goal else "",
                    label(change.kind, lang),
                    capitalised(change_message(change, lang, diff.party_names, limit=None)),
                    plain_words(change.words) if change.words else "",
                    str(change.where),
                ]
            )
        overview.rows += [
            [diff.old.id, diff.new.id, label(kind, lang), count] for kind, count in diff.counts().items()
        ]
    return workbook([changes, overview])
