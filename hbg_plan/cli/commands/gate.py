"""The gate on the command line: which gap rules run, when findings fail the run, and the gap
baseline (`--baseline`, `--write-baseline`, `--no-baseline`).

`GateOptions` is the option set `gaps` and `validate --gaps` share (one definition, see
cli.context.expand_option_sets); the baseline itself is `hbg_plan.gaps.baseline`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

import typer

from hbg_plan.cli.context import Settings, fail_usage, make_selector, note, write_report
from hbg_plan.gaps.baseline import (
    BaselineError,
    apply_baseline,
    filter_result,
    load_baseline,
    render_baseline,
)
from hbg_plan.gaps.engine import CheckResult, Selector
from hbg_plan.i18n import message


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


@dataclass
class GateOptions:
    """The options of `gaps` and `validate --gaps`: rules, failing, the baseline."""

    select: list[str] | None = typer.Option(  # noqa: RUF009 (option set)
        None,
        "--select",
        metavar="CODE",
        help="Only these rules (codes, prefixes such as HBG1, or names; comma-separated).",
    )
    ignore: list[str] | None = typer.Option(  # noqa: RUF009 (option set)
        None, "--ignore", metavar="CODE", help="Leave out these rules (as --select)."
    )
    fail_on: FailOn | None = typer.Option(  # noqa: RUF009 (option set)
        None, "--fail-on", help="Exit 1 when a finding reaches this severity (default: config, else error)."
    )
    exit_zero: bool = typer.Option(
        False,
        "--exit-zero",
        help="Exit 0 whatever the findings (2 still means bad input, a usage error or configuration).",
    )
    baseline: Path | None = typer.Option(  # noqa: RUF009 (option set)
        None,
        "--baseline",
        metavar="FILE",
        help="Report only findings not recorded in this baseline (see --write-baseline); "
        "says how many known findings it excused and which entries are stale.",
        dir_okay=False,
    )

    def selector(self, settings: Settings) -> Selector:
        return make_selector(settings.config, settings.lang, self.select, self.ignore)

    def fail_level(self, settings: Settings) -> str:
        return (self.fail_on or FailOn(settings.config.fail_on)).value

    def exit(self, failed: bool) -> None:
        """Exit 1 when the findings fail the run, unless --exit-zero."""
        if failed and not self.exit_zero:
            raise typer.Exit(1)


WRITE_BASELINE_OPTION = typer.Option(
    None,
    "--write-baseline",
    metavar="FILE",
    help="Record today's findings in FILE as the baseline (plan id, goal or topic id, rule code) and exit 0.",
    dir_okay=False,
)


def write_baseline(result: CheckResult, path: Path, lang: str) -> None:
    write_report(render_baseline(result.findings), path, lang)
    note(message("baseline.written", lang, count=len(result.findings), file=path))


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
        note(message("baseline.stale", lang, file=path, plan=plan_id, subject=subject or "-", code=code))
    note(message("baseline.summary", lang, file=path, known=applied.known, stale=len(applied.stale)))
    return filter_result(result, applied)
