"""Compare an imported draft with the hand transcription of the same document.

Topics are paired by focus-area position and title; goals of a paired topic in order. A goal block
is identical when its horizon and texts (or its "Saknas" marker) are (modulo white space, dashes and
quotes: the normalisation `hbg-plan validate` uses); an indicator block when the indicator texts,
a "Saknas" listed beside them, or the kind of absence are; responsible parties when the sets of
party ids are. "Saknas" markers are counted where the goal, all its indicators or one beside
others are recorded as `{missing: saknas}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hbg_plan.model.plan import Goal, Plan
from hbg_plan.validate.provenance import normalise


@dataclass
class Comparison:
    plan: str
    topics: int = 0  # in the hand transcription
    topics_same: int = 0  # found with the same title in the same focus area
    areas_same_count: int = 0  # focus areas with the same number of topics
    areas: int = 0
    goals: int = 0
    goals_same: int = 0
    indicators_same: int = 0
    saknas: int = 0
    saknas_same: int = 0
    saknas_extra: int = 0
    responsible_same: int = 0
    differences: list[str] = field(default_factory=list)

    def percent(self, part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f} %" if whole else "–"

    def row(self) -> str:
        return (
            f"| `{self.plan}` | {self.topics_same}/{self.topics} ({self.percent(self.topics_same, self.topics)})"
            f" | {self.goals_same}/{self.goals} ({self.percent(self.goals_same, self.goals)})"
            f" | {self.indicators_same}/{self.goals} ({self.percent(self.indicators_same, self.goals)})"
            f" | {self.saknas_same}/{self.saknas} ({self.percent(self.saknas_same, self.saknas)})"
            f" | {self.responsible_same}/{self.goals} ({self.percent(self.responsible_same, self.goals)}) |"
        )


def _key(text: str | None) -> str:
    return normalise(text or "").lower()


def _indicators(goal: Goal) -> tuple[str, ...]:
    if goal.indicators_missing is not None:
        return (f"<{goal.indicators_missing.kind}>",)
    partial = (f"<partial {goal.indicators_partial.kind}>",) if goal.indicators_partial else ()
    return tuple(normalise(t) for t in goal.indicators) + partial


def _saknas(goal: Goal) -> set[str]:
    """Where the goal records a "Saknas" of the document: the goal, all indicators, or one beside others."""
    found = set()
    if goal.goal_missing is not None and goal.goal_missing.kind == "saknas":
        found.add("texts")
    if goal.indicators_missing is not None and goal.indicators_missing.kind == "saknas":
        found.add("indicators")
    if goal.indicators_partial is not None and goal.indicators_partial.kind == "saknas":
        found.add("partial")
    return found


def compare(hand: Plan, draft: Plan) -> Comparison:
    result = Comparison(hand.id)
    result.areas = len(hand.focus_areas)
    for a, area in enumerate(hand.focus_areas):
        draft_area = draft.focus_areas[a] if a < len(draft.focus_areas) else None
        draft_topics = {(_key(t.title)): t for t in (draft_area.topics if draft_area else [])}
        if draft_area and len(draft_area.topics) == len(area.topics):
            result.areas_same_count += 1
        for topic in area.topics:
            result.topics += 1
            result.goals += len(topic.goals)
            result.saknas += sum(len(_saknas(g)) for g in topic.goals)
            other = draft_topics.get(_key(topic.title))
            if other is None:
                result.differences.append(f"topic {topic.id!r} ({topic.title!r}) not found")
                continue
            result.topics_same += 1
            for g, goal in enumerate(topic.goals):
                mine = other.goals[g] if g < len(other.goals) else None
                if mine is None:
                    result.differences.append(f"goal {goal.id}: missing in the draft")
                    continue
                if mine.horizon == goal.horizon and _texts(mine) == _texts(goal):
                    result.goals_same += 1
                else:
                    result.differences.append(
                        f"goal {goal.id}: texts differ ({len(goal.texts)} vs {len(mine.texts)})"
                    )
                if _indicators(mine) == _indicators(goal):
                    result.indicators_same += 1
                else:
                    result.differences.append(
                        f"goal {goal.id}: indicators differ ({_indicators(goal)[:2]} vs {_indicators(mine)[:2]})"
                    )
                result.saknas_same += len(_saknas(goal) & _saknas(mine))
                result.saknas_extra += len(_saknas(mine) - _saknas(goal))
                if set(mine.party_ids) == set(goal.party_ids):
                    result.responsible_same += 1
                else:
                    result.differences.append(
                        f"goal {goal.id}: responsible {sorted(goal.party_ids)} vs {sorted(mine.party_ids)}"
                    )
            if len(other.goals) > len(topic.goals):
                result.differences.append(
                    f"topic {topic.id}: {len(other.goals) - len(topic.goals)} extra goals"
                )
    return result


def _block(goal: Goal | None) -> list[str]:
    if goal is None:
        return ["(none)"]
    out = [f"{goal.id} [{goal.horizon}] lines {goal.source.first}-{goal.source.last}"]
    if goal.goal_missing is not None:
        out.append(f"  texts: <{goal.goal_missing.kind}>")
    out += [f"  T {_show(t)}" for t in goal.texts]
    out += [f"  I {_show(t)}" for t in goal.indicators]
    gap = goal.indicator_gap
    if gap is not None:
        out.append(f"  I <{gap.kind}>{' (partial)' if goal.indicators_partial else ''}")
    out.append(f"  R {sorted(goal.party_ids)}")
    return out


def print_differences(hand: Plan, draft: Plan, what: str = "all") -> None:
    """Every differing goal or indicator block, hand transcription above the draft."""
    for a, area in enumerate(hand.focus_areas):
        draft_area = draft.focus_areas[a] if a < len(draft.focus_areas) else None
        draft_topics = {_key(t.title): t for t in (draft_area.topics if draft_area else [])}
        for topic in area.topics:
            other = draft_topics.get(_key(topic.title))
            if other is None:
                print(f"=== topic {topic.id} ({topic.title!r}) not found")
                continue
            for g, goal in enumerate(topic.goals):
                mine = other.goals[g] if g < len(other.goals) else None
                texts = mine is not None and _texts(mine) == _texts(goal) and mine.horizon == goal.horizon
                inds = mine is not None and _indicators(mine) == _indicators(goal)
                parties = mine is not None and set(mine.party_ids) == set(goal.party_ids)
                bad = {"texts": not texts, "indicators": not inds, "responsible": not parties}
                if (what == "all" and not any(bad.values())) or (what != "all" and not bad[what]):
                    continue
                print(f"=== {goal.id}: " + ", ".join(k for k, v in bad.items() if v))
                for line in _block(goal):
                    print("  hand  " + line)
                for line in _block(mine):
                    print("  draft " + line)
            if len(other.goals) > len(topic.goals):
                print(f"=== topic {topic.id}: {len(other.goals) - len(topic.goals)} extra goals in the draft")


def _show(text: str) -> str:
    return " ".join(text.split())[:220]


def _texts(goal: Goal) -> tuple[str, ...]:
    if goal.goal_missing is not None:
        return (f"<{goal.goal_missing.kind}>",)
    return tuple(normalise(t) for t in goal.texts)


if (
    __name__ == "__main__"
):  # python -m tests.helpers.import_compare HAND.yaml DRAFT.yaml [texts|indicators|responsible]
    import sys
    from pathlib import Path

    from hbg_plan.validate.engine import load_plan

    hand_plan, _ = load_plan(Path(sys.argv[1]))
    draft_plan, _ = load_plan(Path(sys.argv[2]))
    assert hand_plan is not None and draft_plan is not None
    print_differences(hand_plan, draft_plan, sys.argv[3] if len(sys.argv) > 3 else "all")
    print(compare(hand_plan, draft_plan).row())
