"""The gap list as CSV for Swedish Excel: UTF-8 with BOM, ';' between fields, every field quoted.

Python reads it back with `csv.reader(open(path, encoding="utf-8-sig", newline=""), delimiter=";")`.
"""

from __future__ import annotations

import csv
import io

from hbg_plan.core.neutral import csv_cell
from hbg_plan.i18n import message
from hbg_plan.output.records.findings import FINDING_COLUMNS, GapReport, finding_row

BOM = "\ufeff"
COLUMNS = FINDING_COLUMNS


def write_rows(rows: list[list[str]]) -> str:
    """Rows as Excel-friendly CSV text, BOM first; every cell neutral and never a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return BOM + buffer.getvalue()


def render_csv(report: GapReport, lang: str) -> str:
    rows = [[message(f"gaps.col.{name}", lang) for name in COLUMNS]]
    rows += [[str(cell) for cell in finding_row(f, report, lang)] for f in report.findings]
    return write_rows(rows)
