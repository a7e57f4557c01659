"""The gap baseline on the command line: `--baseline`, `--write-baseline`, `--no-baseline`.

Shared by `gaps` and `validate --gaps`; the baseline itself is `hbg_plan.gaps.baseline`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from hbg_plan.cli.context import fail_usage, warn, write_report
from hbg_plan.gaps.baseline import (
    BaselineError,
    apply_baseline,
    filter_result,
    load_baseline,
    render_baseline,
)
from hbg_plan.gaps.engine import CheckResult, Selector
from hbg_plan.i18n import message

BASELINE_OPTION = typer.Option(
    None,
    "--baseline",
    metavar="FILE",
    help="Report only findings not recorded in this baseline (see --write-baseline); "
    "says how many known findings it excused and which entries are stale.",
    dir_okay=False,
)
WRITE_BASELINE_OPTION = typer.Option(
    None,
    "--write-baseline",
    metavar="FILE",
    help="Record today's findings in FILE as the baseline (plan id, goal or topic id, rule code) and exit 0.",
    dir_okay=False,
)


def write_baseline(result: CheckResult, path: Path, lang: str) -> None:
    write_report(render_baseline(result.findings), path, lang)
    warn(message("baseline.written", lang, count=len(result.findings), file=path))


def with_baseline(result: CheckResult, selector: Selector, path: Path, lang: str) -> CheckResult:
    """The result without the findings the baseline records; the counts and stale entries on stderr."""
    try:
        recorded = load_baseline(path)
    except BaselineError as exc:
        raise fail_usage(exc.render(lang)) from None
    checked_plans = {plan.id for plan in result.plans}

    def checked(plan_id: str, code: str) -> bool:
        return plan_id in checked_plans and code in selector.for_plan(plan_id).enabled

    applied = apply_baseline(result.findings, recorded, checked)
    for plan_id, subject, code in applied.stale:
        warn(message("baseline.stale", lang, file=path, plan=plan_id, subject=subject or "-", code=code))
    warn(message("baseline.summary", lang, file=path, known=applied.known, stale=len(applied.stale)))
    return filter_result(result, applied)
