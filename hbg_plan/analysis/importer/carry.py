"""`--from PREVIOUS-PLAN`: carry topic and goal ids over from the previous version.

The draft is first rendered with ids made from its titles, then paired with the previous plan by
the diff matcher (`hbg_plan.analysis.diff.diff_plans`: explicit links, ids, title and text similarity,
shared goals). A paired topic takes the previous id, so `diff` and `history` follow it by
identity; a topic whose title changed gets a review note naming the old title; a paired goal
whose id still differs records `renamed_from`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hbg_plan.analysis.diff import diff_plans
from hbg_plan.analysis.importer import build
from hbg_plan.analysis.importer.parties import PartyIndex
from hbg_plan.analysis.importer.text import Document, Review
from hbg_plan.io.load import parse_yaml
from hbg_plan.model.plan import Plan, Topic, build_plan
from hbg_plan.validate.provenance import SourceText
from hbg_plan.workspace import resolve_plan


class CarryError(Exception):
    """The previous plan cannot be read."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


@dataclass(frozen=True)
class Carried:
    plan_id: str
    topics: int  # draft topics that took an id of the previous plan
    total: int  # draft topics


def load_previous(ref: str, plans_dir: Path) -> Plan:
    plan, _ = resolve_plan(ref, plans_dir)
    if plan is None:
        raise CarryError(ref)
    return plan


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.lower()) if len(w) >= 4}


def _content(topic: Topic) -> str:
    return " ".join(t for g in topic.goals for t in (*g.texts, *g.indicators))


def _pair_by_title_words(old: Plan, new: Plan, topics: dict[int, str], topic_first: dict[str, int]) -> None:
    """Pair what the matcher left: an old topic whose title words all stand in a new title.

    "Nyanlända" → "Ensamkommande och nyanlända barn, unga och vuxna". Among several such titles
    the one whose goals read most like the old topic's wins.
    """
    from rapidfuzz import fuzz

    taken = set(topics.values())
    paired_new = set(topics)
    new_topics = [t for a in new.focus_areas for t in a.topics]
    for area in old.focus_areas:
        for topic in area.topics:
            words = _words(topic.title)
            if topic.id in taken or not words:
                continue
            candidates = [
                t for t in new_topics if topic_first[t.id] not in paired_new and words <= _words(t.title)
            ]
            if not candidates:
                continue
            best = max(candidates, key=lambda t: fuzz.token_set_ratio(_content(topic), _content(t)))
            topics[topic_first[best.id]] = topic.id
            paired_new.add(topic_first[best.id])
            taken.add(topic.id)


def carry_ids(
    doc: Document, source: SourceText, index: PartyIndex, options: build.Options, ref: str, plans_dir: Path
) -> Carried:
    """Fill `options` with the ids, `replaces` and renames that pair the draft with `ref`."""
    old = load_previous(ref, plans_dir)
    draft = build.render(doc, source, index, options)
    new = build_plan(parse_yaml(draft.text, "draft"), Path("draft.yaml"))
    changes = diff_plans(old, new).changes

    topic_first = {t.id: t.source.first for a in new.focus_areas for t in a.topics}
    goal_first = {g.id: g.source.first for a in new.focus_areas for t in a.topics for g in t.goals}
    old_titles = {t.id: t.title for a in old.focus_areas for t in a.topics}
    topics: dict[int, str] = {}
    goals: dict[int, str] = {}
    for change in changes:
        if change.topic is not None and change.topic.old_id and change.topic.id in topic_first:
            topics.setdefault(topic_first[change.topic.id], change.topic.old_id)
        if change.goal is not None and change.goal.old_id and change.goal.id in goal_first:
            goals.setdefault(goal_first[change.goal.id], change.goal.old_id)

    _pair_by_title_words(old, new, topics, topic_first)
    options.replaces = old.id
    options.topic_ids = topics
    options.goal_renamed = goals
    by_first = {t.first: t for a in doc.areas for t in a.topics}
    for first, old_id in topics.items():
        topic = by_first.get(first)
        old_title = old_titles.get(old_id)
        if (
            topic is not None
            and old_title
            and " ".join((topic.title or "").split()) != " ".join(old_title.split())
        ):
            topic.review.append(
                Review(first, first, "import.review.title_changed", old_title, {"plan": old.id})
            )
    return Carried(old.id, len(topics), len(topic_first))
