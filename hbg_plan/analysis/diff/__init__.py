"""Differences between versions of a plan, and the history of one topic across plans.

`diff_plans(old, new)` pairs focus areas, topics and goals (see `hbg_plan.analysis.diff.match` for the
rules and thresholds) and returns a `PlanDiff`: an ordered list of typed `Change`s that the
reporters in `hbg_plan.output` render.
"""

from hbg_plan.analysis.diff.changes import (
    Change,
    ChangeKind,
    ItemRef,
    MatchInfo,
    PairInfo,
    PlanDiff,
    PlanInfo,
)
from hbg_plan.analysis.diff.engine import diff_plans, diff_versions, indicator_status

__all__ = [
    "Change",
    "ChangeKind",
    "ItemRef",
    "MatchInfo",
    "PairInfo",
    "PlanDiff",
    "PlanInfo",
    "diff_plans",
    "diff_versions",
    "indicator_status",
]
