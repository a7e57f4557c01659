"""Differences between versions of a plan.

Public API (stable; other features such as the gap rules and `history` build on it):

- `diff_plans(old, new, old_display=None, new_display=None) -> PlanDiff` pairs focus areas,
  topics and goals (see `hbg_plan.analysis.diff.match` for the rules and thresholds) and lists
  what changed.
- `diff_versions(plans) -> list[PlanDiff]`: each consecutive pair of `plans` diffed.
- `pair_plans(old, new) -> (pairs, links)`: only the pairing, the same `pairs` and `links` as
  `diff_plans` gives, without the changes (about half the cost).
- `PlanDiff.changes`: an ordered list of typed `Change`s (kind: a `ChangeKind`) that the
  reporters in `hbg_plan.output` render; `differences`, `regressions` and `counts()` filter it.
- `PlanDiff.pairs`: every `PairInfo(level, old_id, new_id, method, basis, score)` — a focus area
  ('focus-area'), topic or goal of the old plan paired one to one with one of the new plan, on
  which basis ('id', 'renamed_from', 'same_as', 'similarity') and how well (0-100, None for ids
  and explicit links).
- `PlanDiff.links`: every `LinkInfo(level, kind, old_id, new_id)` — an unpaired old topic or goal
  merged into a new one (kind 'merged'), or an unpaired new one split from an old one ('split').
- `indicator_status(goal)`: 'present', 'partial', 'saknas' or 'not-stated'.
"""

from hbg_plan.analysis.diff.changes import (
    Change,
    ChangeKind,
    ItemRef,
    LinkInfo,
    MatchInfo,
    PairInfo,
    PlanDiff,
    PlanInfo,
)
from hbg_plan.analysis.diff.engine import diff_plans, diff_versions, indicator_status, pair_plans

__all__ = [
    "Change",
    "ChangeKind",
    "ItemRef",
    "LinkInfo",
    "MatchInfo",
    "PairInfo",
    "PlanDiff",
    "PlanInfo",
    "diff_plans",
    "diff_versions",
    "indicator_status",
    "pair_plans",
]
