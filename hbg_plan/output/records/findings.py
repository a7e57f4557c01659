"""What every findings reporter shares: the report's input and the grouping and labels it shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hbg_plan.core.problem import Severity
from hbg_plan.gaps.context import Finding
from hbg_plan.gaps.engine import CheckResult
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message, plural
from hbg_plan.workspace import party_names


@dataclass(frozen=True)
class ReportedPlan:
    id: str
    title: str
    file: str


@dataclass
class GapReport:
    """The findings of one `gaps` run and what reporters need to present them without the plans."""

    findings: list[Finding]
    plans: list[ReportedPlan]
    suppressed: int = 0
    party_short: dict[str, str] = field(default_factory=dict)  # id → abbreviation or name
    party_names: dict[str, str] = field(default_factory=dict)  # id → full name
    _by_plan: dict[str, list[Finding]] | None = field(default=None, init=False, repr=False, compare=False)
    _grouped: int = field(default=-1, init=False, repr=False, compare=False)

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def for_plan(self, plan_id: str) -> list[Finding]:
        """The plan's findings, in report order (grouped once: a list scan per plan was quadratic)."""
        if self._by_plan is None or self._grouped != len(self.findings):
            self._by_plan = {}
            for finding in self.findings:
                self._by_plan.setdefault(finding.plan_id, []).append(finding)
            self._grouped = len(self.findings)
        return list(self._by_plan.get(plan_id, ()))


def gap_report(result: CheckResult) -> GapReport:
    """The report of a `gaps` run: its findings, the plans, and the names of the parties."""
    short, names = party_names(result.plans)
    infos = [ReportedPlan(p.id, p.title, p.file) for p in result.plans]
    return GapReport(result.findings, infos, len(result.suppressed), short, names)


def severity_label(severity: Severity, lang: str) -> str:
    """The severity of a gap finding as the meeting says it ("brist", not "fel": a gap is no mistake)."""
    return message(f"gaps.severity.{severity.label}", lang)


def horizon_label(finding: Finding, lang: str) -> str:
    if not finding.horizon:
        return ""
    label = message(f"gaps.horizon.{finding.horizon}", lang)
    return f"{label} {finding.period}" if finding.period else label


def party_label(finding: Finding, report: GapReport, lang: str) -> str:
    if not finding.parties:
        return message("gaps.no_party", lang)
    return ", ".join(report.party_short.get(p, p) for p in finding.parties)


def area_label(finding: Finding, lang: str) -> str:
    if not finding.focus_area_title:
        return message("gaps.no_area", lang)
    number = f"{finding.focus_area_number}. " if finding.focus_area_number is not None else ""
    return number + finding.focus_area_title


FINDING_COLUMNS = (
    "plan", "focus_area", "topic", "goal", "horizon", "code", "rule", "severity", "message", "responsible",
    "goal_text", "source", "file", "line", "column",
)  # fmt: skip


def finding_row(finding: Finding, report: GapReport, lang: str) -> list[str | int]:
    """One finding as a table row (CSV and Excel), in the order of FINDING_COLUMNS."""

    rule = find_rule(finding.code)
    return [
        finding.plan_id,
        area_label(finding, lang) if finding.focus_area_title else "",
        finding.topic_title or "",
        finding.goal_id or "",
        horizon_label(finding, lang),
        finding.code,
        rule.name if rule else "",
        severity_label(finding.severity, lang),
        finding.render(lang),
        ", ".join(report.party_names.get(p, p) for p in finding.parties),
        "\n".join(finding.goal_texts),
        str(finding.source) if finding.source else "",
        finding.where.file,
        finding.where.line,
        finding.where.column,
    ]


def subject(finding: Finding) -> str:
    """The goal or topic a finding is about, as `Topic title › goal.id`."""
    parts = [p for p in (finding.topic_title, finding.goal_id) if p]
    return " › ".join(parts)


def totals(report: GapReport, lang: str, findings: Sequence[Finding] | None = None) -> str:
    chosen = report.findings if findings is None else findings
    counts = {s: sum(f.severity is s for f in chosen) for s in Severity}
    parts = {
        "findings": plural("gaps.n.findings", lang, len(chosen)),
        "errors": plural("gaps.n.errors", lang, counts[Severity.ERROR]),
        "warnings": plural("gaps.n.warnings", lang, counts[Severity.WARNING]),
        "infos": plural("gaps.n.infos", lang, counts[Severity.INFO]),
    }
    if findings is None:
        plans = plural("gaps.n.plans", lang, len(report.plans))
        return message("gaps.totals", lang, plans=plans, suppressed=report.suppressed, **parts)
    return message("gaps.plan_totals", lang, **parts)


def by_area_then_party(
    findings: Iterable[Finding], report: GapReport, lang: str
) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """Findings grouped by focus area (in document order), then by responsible party.

    Party groups are sorted by label; the group without a responsible party comes last.
    """
    areas: dict[str, dict[str, list[Finding]]] = {}
    for finding in findings:
        areas.setdefault(area_label(finding, lang), {}).setdefault(
            party_label(finding, report, lang), []
        ).append(finding)
    nobody = message("gaps.no_party", lang)
    grouped: list[tuple[str, list[tuple[str, list[Finding]]]]] = []
    for area, parties in areas.items():
        ordered = sorted(parties.items(), key=lambda item: (item[0] == nobody, item[0].casefold()))
        grouped.append((area, ordered))
    return grouped


def by_area_then_item(findings: Iterable[Finding], lang: str) -> list[tuple[str, list[list[Finding]]]]:
    """Findings grouped by focus area, then by the goal (or topic) they are about, in document order."""
    areas: dict[str, dict[tuple[str | None, str | None], list[Finding]]] = {}
    for finding in findings:
        key = (finding.topic_id, finding.goal_id)
        areas.setdefault(area_label(finding, lang), {}).setdefault(key, []).append(finding)
    return [(area, list(items.values())) for area, items in areas.items()]
