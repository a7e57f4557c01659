"""The gap list for CI: GitHub workflow annotations, SARIF 2.1.0 for code scanning, JUnit XML.

JUnit: one test case per error or warning finding (named by it), and a passing case for a plan
without one, so "passed = tests − failures" holds on every CI dashboard. Info findings are not
problems to fail on: they are listed in system-out instead.
"""

from __future__ import annotations

from pathlib import PurePath

from hbg_plan.core.problem import Severity
from hbg_plan.gaps.engine import Finding
from hbg_plan.gaps.rules import all_rules, find_rule
from hbg_plan.i18n import message
from hbg_plan.output import ruledocs
from hbg_plan.output.records.findings import GapReport, severity_label, totals
from hbg_plan.output.writers import github, sarif
from hbg_plan.output.writers.junit import JUnitCase, JUnitProblem, junit_xml

JUNIT_CLASSNAME = "hbg-plan.gaps"


def _subject(f: Finding) -> str:
    return f.goal_id or f.topic_id or f.plan_id


def source_path(f: Finding) -> str | None:
    """The source document's path as seen from here: beside the plan file that names it."""
    if f.source is None:
        return None
    plan_file = f.related.file if f.item_in_other_plan and f.related else f.where.file
    return (PurePath(plan_file).parent / f.source.file).as_posix()


def render_github(report: GapReport, lang: str) -> str:
    """One annotation per finding at its YAML line, then the totals as a plain log line."""

    lines = []
    for f in report.findings:
        title = ruledocs.annotation_title(f.code)
        source = f" [{f.source}]" if f.source else ""
        lines.append(
            github.annotation(
                github.level_of(f.severity),
                f"{_subject(f)}: {f.render(lang)}{source}",
                file=f.where.file,
                line=f.where.line,
                col=f.where.column,
                title=title,
            )
        )
    lines.append(totals(report, lang))
    return "\n".join(lines) + "\n"


def render_sarif(report: GapReport, lang: str) -> str:
    """SARIF 2.1.0 with every rule's metadata and one result per finding (plus source lines)."""

    rules = [ruledocs.sarif_rule(rule.code, lang, ("hbg-plan", "gaps")) for rule in all_rules()]
    results = []
    for f in report.findings:
        related = []
        path = source_path(f)
        if f.source and path:
            related.append(
                sarif.SarifLocation(
                    path, f.source.first, 1, f.source.last, message=message("gaps.col.source", lang)
                )
            )
        if f.related:
            name = f.topic_id if f.item_in_other_plan else None
            related.append(sarif.SarifLocation(f.related.file, f.related.line, f.related.column, name=name))
        results.append(
            sarif.SarifResult(
                rule_id=f.code,
                level=sarif.level_of(f.severity),
                message=f"{_subject(f)}: {f.render(lang)}",
                locations=[
                    sarif.SarifLocation(
                        f.where.file,
                        f.where.line,
                        f.where.column,
                        name=f"{f.plan_id}/{_subject(f)}",
                        kind="object",
                    )
                ],
                related=related,
                properties={
                    "plan": f.plan_id,
                    "focusArea": f.focus_area_id,
                    "topic": f.topic_id,
                    "goal": f.goal_id,
                    "responsible": list(f.parties),
                },
                fingerprints={"hbgPlanItem/v1": f"{f.plan_id}/{_subject(f)}/{f.code}{f.where.pointer}"},
            )
        )
    return sarif.render_log(sarif.build_log(rules, results, language=lang))


def _junit_line(f: Finding, lang: str) -> str:
    """`file:line:col CODE subject: message`, the one-line form a CI dashboard lists."""
    return f"{f.where} {f.code} {_subject(f)}: {f.render(lang)}"


def _junit_failure(f: Finding, lang: str) -> JUnitProblem:
    rule = find_rule(f.code)
    lines = [f"{f.where}: {severity_label(f.severity, lang)} {f.code} {rule.name if rule else ''}".rstrip()]
    lines.append(f"{_subject(f)}: {f.render(lang)}")
    if f.source:
        lines.append(f"{message('gaps.col.source', lang)}: {f.source}")
    if rule:
        lines.append(f"{message('rules.hint', lang)}: {message(rule.hint, lang)}")
    return ("failure", f.code, _junit_line(f, lang), "\n".join(lines))


def render_junit(report: GapReport, lang: str) -> str:
    """A test case per error or warning finding (a passing one for a plan without), info in system-out."""
    cases = []
    for plan in report.plans:
        findings = report.for_plan(plan.id)
        failures = [_junit_failure(f, lang) for f in findings if f.severity is not Severity.INFO]
        infos = [
            f"{severity_label(f.severity, lang)}: {_junit_line(f, lang)}"
            for f in findings
            if f.severity is Severity.INFO
        ]
        out = "\n".join([*infos, totals(report, lang, findings)])
        cases.append(JUnitCase(JUNIT_CLASSNAME, plan.file, failures, system_out=out, file=plan.file))
    return junit_xml(JUNIT_CLASSNAME, cases)
