"""The gap list as CSV for Swedish Excel: UTF-8 with BOM, ';' between fields, every field quoted.

Python reads it back with `csv.reader(open(path, encoding="utf-8-sig", newline=""), delimiter=";")`.
"""

from __future__ import annotations

import csv
import io

from hbg_plan.i18n import message
from hbg_plan.report.findings_common import GapReport, horizon_label, severity_label

BOM = "\ufeff"
COLUMNS = (
    "plan",
    "focus_area",
    "topic",
    "goal",
    "horizon",
    "code",
    "rule",
    "severity",
    "message",
    "responsible",
    "goal_text",
    "source",
    "file",
    "line",
    "column",
)


def write_rows(rows: list[list[str]]) -> str:
    """Rows as Excel-friendly CSV text, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(rows)
    return BOM + buffer.getvalue()


def render_csv(report: GapReport, lang: str) -> str:
    from hbg_plan.rules import find_rule

    rows = [[message(f"gaps.col.{name}", lang) for name in COLUMNS]]
    for f in report.findings:
        rule = find_rule(f.code)
        area = (
            f"{f.focus_area_number}. {f.focus_area_title}"
            if f.focus_area_number is not None
            else (f.focus_area_title or "")
        )
        rows.append(
            [
                f.plan_id,
                area,
                f.topic_title or "",
                f.goal_id or "",
                horizon_label(f, lang),
                f.code,
                rule.name if rule else "",
                severity_label(f.severity, lang),
                f.render(lang),
                ", ".join(report.party_names.get(p, p) for p in f.parties),
                "\n".join(f.goal_texts),
                str(f.source) if f.source else "",
                f.where.file,
                str(f.where.line),
                str(f.where.column),
            ]
        )
    return write_rows(rows)
