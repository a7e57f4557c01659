"""The revision-meeting brief: what to decide, built from the gap findings and the diffs.

Nothing here judges a plan on its own: every item comes from a finding of the gap rules
(`hbg_plan.gaps.engine.run_checks`) or a change of the differ (`hbg_plan.analysis.diff.diff_plans`), so the
brief says what `gaps` and `diff` say, only selected and ordered for the meeting:

1. figures: goals, share measurable, "Saknas", not stated, no responsible party, with the
   change since the previous version;
2. decisions: regressions, gaps that have stood over several versions (with every version in
   which the indicator was missing, the regional plan included), other missing indicators,
   goals without a responsible party, new topics without any indicator, regional topics
   without a local counterpart, follow-ups that say not done;
3. progress: gaps closed since the previous version and since the regional plan;
4. accountability per responsible party;
5. changes at a glance: counts per kind, goals whose only change is their period, and topics
   added, removed, renamed, merged or moved, by title.

Renderers (hbg_plan/output/brief_*.py) shorten texts for print; the record keeps them whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from hbg_plan.analysis.diff import Change, ChangeKind, PlanDiff, diff_plans, indicator_status
from hbg_plan.gaps.engine import (
    AccountabilityRow,
    Finding,
    PlanSet,
    Selector,
    accountability,
    run_checks,
)
from hbg_plan.model.plan import Goal, Plan

MISSING_CODES = ("HBG101", "HBG102")
NO_PARTY_CODE = "HBG103"
REGIONAL_CODE = "HBG107"
FOLLOW_UP_CODE = "HBG108"
STATUS_KINDS = (ChangeKind.GAP_CLOSED, ChangeKind.REGRESSION, ChangeKind.STILL_MISSING)

# The order of the decision groups in the brief.
DECISION_KINDS = (
    "regression",
    "long-standing",
    "missing",
    "new-topic-without-indicator",
    "no-responsible",
    "regional-not-covered",
    "follow-up-not-done",
)


@dataclass(frozen=True)
class PlanRef:
    id: str
    title: str
    file: str
    period: str
    year: str
    level: str
    kind: str

    @staticmethod
    def of(plan: Plan) -> PlanRef:
        start, end = plan.period
        return PlanRef(
            plan.id,
            plan.title,
            plan.doc.file,
            start if start == end else f"{start}-{end}",
            start,
            plan.level,
            plan.kind,
        )


@dataclass(frozen=True)
class Version:
    """A plan version in which a goal's indicator was missing, and how ('saknas' or 'not-stated')."""

    plan: str
    year: str
    regional: bool
    status: str
    goal: str  # the goal's id in that version


@dataclass(frozen=True)
class Figure:
    key: str  # goals | measurable | share_measurable | saknas | not_stated | no_party
    value: float | int | None
    previous: float | int | None


@dataclass
class Decision:
    """One item to decide on. `goals` holds several ids only for grouped items (no-responsible)."""

    kind: str
    plan: str  # the plan in which to look it up (`hbg-plan show … --plan PLAN`)
    topic_id: str | None
    topic_title: str | None
    focus_area: str | None
    goals: list[str]
    horizon: str | None
    text: str  # the goal text (whole), or the topic title for topic items
    codes: list[str] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    before: str | None = None  # regression: the status in the previous version
    after: str | None = None
    indicators: list[str] = field(default_factory=list)  # regression: the indicators that were stated
    year: int | None = None  # follow-up-not-done
    follow_up: str | None = None
    texts: list[str] = field(default_factory=list)  # the goal's paragraphs, verbatim (single goals)

    @property
    def command(self) -> str:
        subject = self.goals[0] if len(self.goals) == 1 else (self.topic_id or self.goals[0])
        return f"hbg-plan show {subject} --plan {self.plan}"


@dataclass
class Progress:
    """A gap closed: the goal had no indicator in `since` and has indicators in `plan`."""

    since: str  # plan id of the older version
    since_regional: bool
    plan: str
    topic_id: str | None
    topic_title: str | None
    goal: str
    horizon: str | None
    before: str
    indicators: int
    missing_again: bool  # the goal lacks an indicator again in the plan under revision


@dataclass
class ChangeSummary:
    counts: dict[str, int]  # change kind → number, in the differ's order
    period_only: list[str]  # goals whose only change is their period
    topics: dict[str, list[tuple[str, str | None]]]  # topic change kind → (title, old title)


@dataclass
class Brief:
    plan: PlanRef
    against: PlanRef | None
    regional: list[PlanRef]
    lineage: list[PlanRef]  # every version used for ages, oldest first
    figures: list[Figure]
    decisions: list[Decision]
    progress: list[Progress]
    accountability: list[AccountabilityRow]
    accountability_total: AccountabilityRow
    changes: ChangeSummary | None
    party_names: dict[str, str]
    findings: int
    suppressed: int

    def decisions_of(self, kind: str) -> list[Decision]:
        return [d for d in self.decisions if d.kind == kind]


# --- choosing the plans ------------------------------------------------------------------------


def newest(plans: Iterable[Plan]) -> Plan | None:
    """The plan under revision by default: the newest plan that no other plan replaces."""
    chosen = list(plans)
    replaced = {p.replaces for p in chosen if p.replaces}
    candidates = [p for p in chosen if p.id not in replaced] or chosen
    return max(candidates, key=lambda p: (p.period[0], p.period[1], p.level == "local", p.id), default=None)


def regional_plans(plan: Plan, against: Plan | None, context: PlanSet) -> list[Plan]:
    """The `based_on` plans of the plan, else those of the version it replaces, found in the folder."""
    for source in (plan, against):
        if source is not None and source.based_on:
            found = [context.get(i) for i in source.based_on]
            return [p for p in found if p is not None and p.id != plan.id]
    return []


# --- building -----------------------------------------------------------------------------------


class _Lineage:
    """Diffs between each version and the versions it replaces or is based on, computed once."""

    def __init__(self, context: PlanSet) -> None:
        self.context = context
        self._diffs: dict[tuple[str, str], PlanDiff] = {}

    def diff(self, old: Plan, new: Plan) -> PlanDiff:
        key = (old.id, new.id)
        if key not in self._diffs:
            self._diffs[key] = diff_plans(old, new, old.doc.file, new.doc.file)
        return self._diffs[key]

    def older(self, plan: Plan) -> list[Plan]:
        ids = [plan.replaces, *plan.based_on] if plan.replaces else list(plan.based_on)
        found = [self.context.get(i) for i in ids if i and i != plan.id]
        return [p for p in found if p is not None]

    def status_changes(self, old: Plan, new: Plan) -> dict[str, Change]:
        """Indicator-status changes of the goals paired between old and new, by the new goal's id."""
        return {
            c.goal.id: c for c in self.diff(old, new).changes if c.kind in STATUS_KINDS and c.goal is not None
        }

    def missing_versions(self, plan: Plan, goal: Goal, status: str) -> list[Version]:
        """Every version, this one included, in which the goal had no indicator, oldest first.

        Walks back through `replaces` and `based_on` by the differ's pairing while the indicator
        stays missing; a version in which it was stated ends that branch.
        """
        versions = {plan.id: Version(plan.id, plan.period[0], plan.level == "regional", status, goal.id)}
        queue = [(plan, goal.id)]
        while queue:
            newer, goal_id = queue.pop()
            for older in self.older(newer):
                change = self.status_changes(older, newer).get(goal_id)
                if change is None or change.kind is ChangeKind.REGRESSION or change.goal is None:
                    continue
                if change.kind is ChangeKind.GAP_CLOSED or older.id in versions:
                    continue
                old_id = change.goal.old_id or goal_id
                before = change.old or "saknas"
                versions[older.id] = Version(
                    older.id, older.period[0], older.level == "regional", before, old_id
                )
                queue.append((older, old_id))
        return sorted(versions.values(), key=lambda v: (v.year, not v.regional, v.plan))


def _area_title(plan: Plan, area_id: str | None) -> str | None:
    area = plan.focus_area(area_id) if area_id else None
    if area is None:
        return None
    return f"{area.number}. {area.title}" if area.number is not None else area.title


def _decision_for_goal(kind: str, plan: Plan, goal: Goal, codes: Sequence[str]) -> Decision:
    topic = plan.topic(goal.topic_id)
    return Decision(
        kind,
        plan.id,
        goal.topic_id or None,
        topic.title if topic else None,
        _area_title(plan, goal.focus_area_id),
        [goal.id],
        goal.horizon,
        goal.text,
        sorted(set(codes)),
        texts=list(goal.texts),
    )


def _figures(plan: Plan, against: Plan | None, names: dict[str, str]) -> list[Figure]:
    def values(p: Plan) -> dict[str, float | int | None]:
        rows, total = accountability(p, "party", names)
        no_party = next((r.goals for r in rows if r.key is None), 0)
        share = round(total.share, 4) if total.share is not None else None
        return {
            "goals": total.goals,
            "measurable": total.measurable,
            "share_measurable": share,
            "saknas": total.saknas,
            "not_stated": total.not_stated,
            "no_party": no_party,
        }

    now = values(plan)
    before = values(against) if against is not None else {}
    return [Figure(key, value, before.get(key)) for key, value in now.items()]


def _decisions(
    plan: Plan,
    against: Plan | None,
    regional: Sequence[Plan],
    findings: Sequence[Finding],
    main: PlanDiff | None,
    lineage: _Lineage,
) -> list[Decision]:
    decisions: list[Decision] = []
    by_goal: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.goal_id and finding.plan_id == plan.id:
            by_goal.setdefault(finding.goal_id, []).append(finding)
    regressions = {c.goal.id: c for c in (main.regressions if main else []) if c.goal is not None}
    added_topics = {
        c.topic.id for c in (main.changes if main else []) if c.kind is ChangeKind.TOPIC_ADDED and c.topic
    }
    old_goals = {g.id: g for g in against.goals()} if against is not None else {}

    # Indicators: regressions, long-standing gaps, other missing ones, new topics without any.
    topics_without_indicator = {
        t.id
        for t in plan.topics()
        if t.id in added_topics and t.goals and not any(g.indicators for g in t.goals)
    }
    for goal in plan.goals():
        missing = [f.code for f in by_goal.get(goal.id, []) if f.code in MISSING_CODES]
        regression = regressions.get(goal.id)
        if regression is not None:
            item = _decision_for_goal("regression", plan, goal, missing or [])
            item.before, item.after = regression.old, regression.new
            old = old_goals.get(regression.goal.old_id or goal.id) if regression.goal else None
            item.indicators = list(old.indicators) if old is not None else []
            decisions.append(item)
            continue
        if not missing or goal.topic_id in topics_without_indicator:
            continue
        versions = lineage.missing_versions(plan, goal, indicator_status(goal))
        kind = "long-standing" if len(versions) >= 2 else "missing"
        item = _decision_for_goal(kind, plan, goal, missing)
        item.versions = versions
        item.after = indicator_status(goal)
        decisions.append(item)
    for topic in plan.topics():
        if topic.id in topics_without_indicator:
            codes = [f.code for g in topic.goals for f in by_goal.get(g.id, []) if f.code in MISSING_CODES]
            decisions.append(
                Decision(
                    "new-topic-without-indicator", plan.id, topic.id, topic.title,
                    _area_title(plan, topic.focus_area_id), [g.id for g in topic.goals], None, topic.title,
                    sorted(set(codes)),
                )
            )  # fmt: skip

    # Goals without a responsible party, one item per topic.
    per_topic: dict[str | None, list[Goal]] = {}
    for goal in plan.goals():
        if any(f.code == NO_PARTY_CODE for f in by_goal.get(goal.id, [])):
            per_topic.setdefault(goal.topic_id or None, []).append(goal)
    for topic_id, goals in per_topic.items():
        owner = plan.topic(topic_id) if topic_id else None
        decisions.append(
            Decision(
                "no-responsible", plan.id, topic_id, owner.title if owner else None,
                _area_title(plan, goals[0].focus_area_id), [g.id for g in goals],
                goals[0].horizon if len(goals) == 1 else None,
                goals[0].text if len(goals) == 1 else (owner.title if owner else ""), [NO_PARTY_CODE],
            )
        )  # fmt: skip

    # Regional topics the plan does not answer: the rule's findings, or for a plan that inherits
    # its regional plan from the version it replaces, the rule's own counterpart test.
    covered: set[tuple[str, str]] = set()
    for finding in findings:
        if finding.code == REGIONAL_CODE and finding.topic_id and finding.plan_id == plan.id:
            base_id = str(finding.args.get("base", ""))
            covered.add((base_id, finding.topic_id))
            decisions.append(
                Decision(
                    "regional-not-covered", base_id or plan.id, finding.topic_id, finding.topic_title,
                    finding.focus_area_title, [], None, finding.topic_title or finding.topic_id, [REGIONAL_CODE],
                )
            )  # fmt: skip
    if not plan.based_on:
        for base in regional:
            for asked in base.topics():
                if (base.id, asked.id) not in covered and PlanSet.topic_counterpart(plan, asked) is None:
                    decisions.append(
                        Decision(
                            "regional-not-covered", base.id, asked.id, asked.title,
                            _area_title(base, asked.focus_area_id), [], None, asked.title, [REGIONAL_CODE],
                        )
                    )  # fmt: skip

    # Follow-ups that say not done.
    for finding in findings:
        if finding.code == FOLLOW_UP_CODE and finding.goal_id and finding.plan_id == plan.id:
            followed = plan.goal(finding.goal_id)
            if followed is None:
                continue
            item = _decision_for_goal("follow-up-not-done", plan, followed, [FOLLOW_UP_CODE])
            item.year = int(finding.args.get("year", 0)) or None
            item.follow_up = str(finding.args.get("text", ""))
            decisions.append(item)
    order = {kind: n for n, kind in enumerate(DECISION_KINDS)}
    decisions.sort(key=lambda d: order[d.kind])  # stable: document order within a kind
    return decisions


def _progress(
    plan: Plan, against: Plan | None, regional: Sequence[Plan], lineage: _Lineage
) -> list[Progress]:
    """Gaps closed since the previous version, and by each local version based on a regional plan."""
    missing_now = {g.id for g in plan.goals() if not g.indicators}
    pairs: list[tuple[Plan, Plan]] = []
    if against is not None:
        pairs.append((against, plan))
    regional_ids = {r.id for r in regional}
    for version in [plan, *(lineage.context.predecessors(plan))]:
        for base_id in version.based_on:
            base = lineage.context.get(base_id)
            if base is not None and base.id in regional_ids and (base, version) not in pairs:
                pairs.append((base, version))
    progress: list[Progress] = []
    for old, new in pairs:
        for change in lineage.diff(old, new).changes:
            if change.kind is not ChangeKind.GAP_CLOSED or change.goal is None:
                continue
            now_id = _current_id(plan, new, change.goal.id, lineage)
            progress.append(
                Progress(
                    old.id, old.level == "regional", new.id,
                    change.topic.id if change.topic else None, change.topic.title if change.topic else None,
                    change.goal.id, change.goal.horizon, change.old or "saknas", change.count or 0,
                    now_id is not None and now_id in missing_now,
                )
            )  # fmt: skip
    return progress


def _current_id(plan: Plan, version: Plan, goal_id: str, lineage: _Lineage) -> str | None:
    """The id in `plan` of a goal of an older `version` on its replaces-chain (None: not carried on)."""
    chain = [plan, *lineage.context.predecessors(plan)]
    if version.id not in {p.id for p in chain}:
        return None
    current = goal_id
    index = next(i for i, p in enumerate(chain) if p.id == version.id)
    for i in range(index, 0, -1):
        older, newer = chain[i], chain[i - 1]
        found = next(
            (c.goal.id for c in lineage.diff(older, newer).changes
             if c.goal is not None and c.goal.old_id == current),
            None,
        )  # fmt: skip
        if found is None:
            return None
        current = found
    return current


def _changes(main: PlanDiff) -> ChangeSummary:
    kinds_by_goal: dict[str, set[ChangeKind]] = {}
    for change in main.changes:
        if change.goal is not None and change.kind.is_difference:
            kinds_by_goal.setdefault(change.goal.id, set()).add(change.kind)
    period_only = [g for g, kinds in kinds_by_goal.items() if kinds == {ChangeKind.GOAL_PERIOD}]
    topics: dict[str, list[tuple[str, str | None]]] = {}
    for change in main.changes:
        if change.kind.value.startswith("topic-") and change.topic is not None:
            title = change.topic.title or change.new or change.old or change.topic.id
            renamed = change.kind not in (
                ChangeKind.TOPIC_ADDED,
                ChangeKind.TOPIC_MOVED,
                ChangeKind.TOPIC_REMOVED,
            )
            old_title = change.old if renamed else None
            topics.setdefault(change.kind.value, []).append(
                (title, old_title if old_title != title else None)
            )
    counts = {kind.value: n for kind, n in main.counts().items()}
    return ChangeSummary(counts, period_only, topics)


def build_brief(
    plan: Plan,
    against: Plan | None,
    context: PlanSet,
    selector: Selector,
    party_names: dict[str, str],
    roll_up: Mapping[str, str] | None = None,
) -> Brief:
    """The brief of `plan` against `against` (its previous version), with the folder's plans as context.

    `roll_up` (see `unit_departments`) counts each unit under its department in the party table,
    as `summary --by party` does, so the table stays one row per accountable department.
    """
    regional = regional_plans(plan, against, context)
    result = run_checks([plan], context, selector)
    lineage = _Lineage(context)
    main = lineage.diff(against, plan) if against is not None else None
    decisions = _decisions(plan, against, regional, result.findings, main, lineage)
    rows, total = accountability(plan, "party", party_names, roll_up)
    progress = _progress(plan, against, regional, lineage)
    used = {plan.id, *(r.id for r in regional), *(v.plan for d in decisions for v in d.versions)}
    used |= {p.since for p in progress} | ({against.id} if against is not None else set())
    ordered = {p.id: p for p in [plan, *context] if p.id in used}
    return Brief(
        plan=PlanRef.of(plan),
        against=PlanRef.of(against) if against is not None else None,
        regional=[PlanRef.of(r) for r in regional],
        lineage=[
            PlanRef.of(p)
            for p in sorted(ordered.values(), key=lambda p: (p.period[0], p.level != "regional", p.id))
        ],
        figures=_figures(plan, against, party_names),
        decisions=decisions,
        progress=progress,
        accountability=rows,
        accountability_total=total,
        changes=_changes(main) if main is not None else None,
        party_names=party_names,
        findings=len(result.findings),
        suppressed=len(result.suppressed),
    )


__all__ = ["Brief", "Decision", "Figure", "PlanRef", "Progress", "Version", "build_brief", "newest"]
