"""CI formats for validation results: GitHub workflow annotations, SARIF 2.1.0 and JUnit XML.

Annotation escaping, the SARIF log and the JUnit document come from the writers shared with gaps
and diff (`output.writers.github`, `.sarif`, `.junit`).
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.core.codes import VALIDATION_CODES
from hbg_plan.core.problem import Diagnostic, Location, Severity
from hbg_plan.i18n import message
from hbg_plan.output import ruledocs
from hbg_plan.output.writers import github, sarif
from hbg_plan.output.writers.junit import junit_xml
from hbg_plan.validate.engine import ValidationRun

JUNIT_CLASSNAME = "hbg-plan.validate"

# Stable names and default severities of the validation codes (documented in hbg_plan/codes.py).
VALIDATION_RULES: dict[str, tuple[str, Severity]] = {c.code: (c.name, c.severity) for c in VALIDATION_CODES}


# --- validation in the three formats ----------------------------------------------------------


def _text(d: Diagnostic, lang: str) -> str:
    pointer = f" [{d.where.pointer}]" if d.where.pointer else ""
    return d.render(lang) + pointer


def _all(run: ValidationRun) -> Iterator[Diagnostic]:
    yield from run.problems
    for result in run.results:
        yield from result.diagnostics


def _summary(run: ValidationRun, lang: str) -> str:
    errors = sum(r.errors for r in run.results) + sum(d.severity is Severity.ERROR for d in run.problems)
    warnings = sum(r.warnings for r in run.results)
    if errors or warnings:
        bad = sum(1 for r in run.results if r.diagnostics)
        return message(
            "cli.summary_bad", lang, files=len(run.results), errors=errors, warnings=warnings, bad=bad
        )
    return message("cli.summary_ok", lang, files=len(run.results))


def validate_github(run: ValidationRun, lang: str) -> str:
    """One annotation per diagnostic, then the summary as a plain log line."""
    lines = [
        github.annotation(
            github.level_of(d.severity),
            _text(d, lang),
            file=d.where.file,
            line=d.where.line,
            col=d.where.column,
            title=ruledocs.annotation_title(d.code),
        )
        for d in _all(run)
    ]
    lines.append(_summary(run, lang))
    return "\n".join(lines) + "\n"


def sarif_rule(code: str, lang: str) -> sarif.SarifRule:
    """The rule of a validation code or a gap rule, with help and a link to docs/rules.md."""
    return ruledocs.sarif_rule(code, lang)


def _sarif_location(where: Location, text: str | None = None) -> sarif.SarifLocation:
    return sarif.SarifLocation(where.file, where.line, where.column, message=text)


def validate_sarif(run: ValidationRun, lang: str) -> str:
    """SARIF 2.1.0: the rules that occur, and one result per diagnostic."""
    diagnostics = list(_all(run))
    rules = [sarif_rule(code, lang) for code in sorted({d.code for d in diagnostics})]
    results = [
        sarif.SarifResult(
            d.code,
            sarif.level_of(d.severity),
            d.render(lang),
            locations=[_sarif_location(d.where)],
            related=[_sarif_location(d.related, message("ci.related", lang))] if d.related else (),
            properties={"jsonPointer": d.where.pointer} if d.where.pointer else {},
        )
        for d in diagnostics
    ]
    log = sarif.build_log(rules, results, successful=not run.usage_error, language=lang)
    return sarif.render_log(log)


def validate_junit(run: ValidationRun, lang: str) -> str:
    """One test case per checked file (and per unusable path), a failure per diagnostic."""

    def entry(kind: str, d: Diagnostic) -> tuple[str, str, str, str]:
        severity = message(f"label.{d.severity.label}", lang)
        return (
            kind,
            d.code,
            f"{d.where} {d.code} {d.render(lang)}",
            f"{d.where}: {severity} {d.code} {_text(d, lang)}",
        )

    cases: list[tuple[str, str, list[tuple[str, str, str, str]]]] = [
        (JUNIT_CLASSNAME, d.where.file, [entry("error", d)]) for d in run.problems
    ]
    cases += [(JUNIT_CLASSNAME, r.display, [entry("failure", d) for d in r.diagnostics]) for r in run.results]
    return junit_xml(JUNIT_CLASSNAME, cases)
