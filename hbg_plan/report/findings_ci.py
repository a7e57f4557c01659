"""The gap list for CI: GitHub workflow annotations and SARIF 2.1.0 for code scanning."""

from __future__ import annotations

from pathlib import PurePath

from hbg_plan.check import Finding
from hbg_plan.i18n import message
from hbg_plan.report import github, sarif
from hbg_plan.report.findings_common import GapReport, totals


def _subject(f: Finding) -> str:
    return f.goal_id or f.topic_id or f.plan_id


def source_path(f: Finding) -> str | None:
    """The source document's path as seen from here: beside the plan file that names it."""
    if f.source is None:
        return None
    return (
        PurePath(f.related.file if f.code == "HBG107" and f.related else f.where.file).parent / f.source.file
    ).as_posix()


def render_github(report: GapReport, lang: str) -> str:
    """One annotation per finding at its YAML line, then the totals as a plain log line."""
    from hbg_plan.rules import find_rule

    lines = []
    for f in report.findings:
        rule = find_rule(f.code)
        title = f"{f.code} {rule.name}" if rule else f.code
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
    from hbg_plan.rules import all_rules

    rules = [
        sarif.SarifRule(
            id=rule.code,
            name=rule.name,
            short_description=message(rule.summary_id, lang),
            full_description=message(rule.description_id, lang),
            help_text=message(rule.hint, lang),
            level=sarif.level_of(rule.severity),
            properties={"tags": ["hbg-plan", "gaps"]},
        )
        for rule in all_rules()
    ]
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
        if f.related and f.code != "HBG107":
            related.append(sarif.SarifLocation(f.related.file, f.related.line, f.related.column))
        elif f.related:
            related.append(
                sarif.SarifLocation(f.related.file, f.related.line, f.related.column, name=f.topic_id)
            )
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
