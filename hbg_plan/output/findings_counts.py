"""The count tables that open the gap list: findings per rule, per focus area, per responsible party."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hbg_plan.gaps.context import Finding
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.output.records.findings import GapReport, area_label, severity_label


@dataclass
class CountTable:
    title: str
    head: list[str]
    rows: list[list[str]]
    numeric: list[bool]


def count_tables(findings: Sequence[Finding], report: GapReport, lang: str) -> list[CountTable]:
    """Per rule (in code order), per focus area (in document order), per party (most findings first).

    A finding about a goal with several responsible parties counts for each of them; findings
    about a goal nobody is responsible for count under "(no responsible party)"; findings about
    a topic or the plan as a whole (no goal) are left out of the party table.
    """

    by_rule = Counter(f.code for f in findings)
    severity = {f.code: f.severity for f in findings}
    rule_rows = []
    for code in sorted(by_rule):
        rule = find_rule(code)
        summary = message(rule.summary_id, lang) if rule else code
        rule_rows.append([code, summary, severity_label(severity[code], lang), str(by_rule[code])])
    by_area = Counter(area_label(f, lang) for f in findings)
    nobody = message("gaps.no_party", lang)
    by_party: Counter[str] = Counter()
    for f in findings:
        if f.goal_id:
            for label in [report.party_names.get(p, p) for p in f.parties] or [nobody]:
                by_party[label] += 1
    parties = sorted(by_party.items(), key=lambda item: (item[0] == nobody, -item[1], item[0].casefold()))
    findings_col = message("gaps.counts.findings", lang)
    return [
        CountTable(
            message("gaps.counts.by_rule", lang),
            [
                message("gaps.col.code", lang),
                message("gaps.col.rule", lang),
                message("gaps.col.severity", lang),
                findings_col,
            ],
            rule_rows,
            [False, False, False, True],
        ),
        CountTable(
            message("gaps.counts.by_area", lang),
            [message("gaps.col.focus_area", lang), findings_col],
            [[area, str(n)] for area, n in by_area.items()],
            [False, True],
        ),
        CountTable(
            message("gaps.counts.by_party", lang),
            [message("summary.col.party", lang), findings_col],
            [[party, str(n)] for party, n in parties],
            [False, True],
        ),
    ]


def counts_text(tables: Sequence[CountTable], indent: str = "  ") -> list[str]:
    """The tables as aligned plain text, each under its title."""
    lines: list[str] = []
    for table in tables:
        if not table.rows:
            continue
        widths = [max(len(r[i]) for r in [table.head, *table.rows]) for i in range(len(table.head))]

        def fmt(cells: list[str], widths: list[int] = widths, numeric: list[bool] = table.numeric) -> str:
            parts = [c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric, strict=True)]
            return (indent + "  ".join(parts)).rstrip()

        lines += [indent + table.title, fmt(table.head), indent + "  ".join("-" * w for w in widths)]
        lines += [fmt(row) for row in table.rows]
        lines.append("")
    return lines
