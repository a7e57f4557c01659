"""What the HTML report shows: the plans with what was worked out about them, and their diffs."""

from __future__ import annotations

from dataclasses import dataclass, field

from hbg_plan.analysis.diff.changes import PlanDiff
from hbg_plan.gaps.engine import AccountabilityRow, Finding
from hbg_plan.model.plan import Plan
from hbg_plan.validate.provenance import SourceText


@dataclass
class PlanPage:
    """One plan of the report with what was worked out about it."""

    plan: Plan
    display: str  # the plan file as the user knows it
    findings: list[Finding]
    coverage: list[AccountabilityRow]  # per focus area, in document order
    total: AccountabilityRow
    source: SourceText | None  # None when the source text could not be read


@dataclass
class HtmlReport:
    pages: list[PlanPage]
    diffs: list[PlanDiff]
    party_names: dict[str, str] = field(default_factory=dict)  # id → full name
    suppressed: int = 0
    version: str = ""
