"""What the diff reporters share: labels, one-line messages and grouping by focus area and topic."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hbg_plan.analysis.diff.changes import Change, ChangeKind, ItemRef, PlanDiff
from hbg_plan.analysis.diff.words import Segment
from hbg_plan.i18n import message

STATUS_KINDS = (ChangeKind.GAP_CLOSED, ChangeKind.REGRESSION, ChangeKind.STILL_MISSING)
TEXT_KINDS = (
    ChangeKind.GOAL_ADDED, ChangeKind.GOAL_REMOVED, ChangeKind.INDICATOR_ADDED, ChangeKind.INDICATOR_REMOVED,
    ChangeKind.INDICATOR_REWORDED,
)  # fmt: skip
PARTY_KINDS = (ChangeKind.RESPONSIBLE_ADDED, ChangeKind.RESPONSIBLE_REMOVED)


def label(kind: ChangeKind, lang: str) -> str:
    return message(f"diff.kind.{kind.value}", lang)


def excerpt(text: str, limit: int | None) -> str:
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def party_label(party_id: str, names: dict[str, str]) -> str:
    name = names.get(party_id)
    return f"{name} ({party_id})" if name and name != party_id else party_id


def _value(change: Change, value: str | None, lang: str, names: dict[str, str], limit: int | None) -> str:
    if value is None:
        return message("diff.value.none", lang)
    if change.kind in STATUS_KINDS:
        return message(f"diff.status.{value}", lang)
    if change.kind in PARTY_KINDS:
        return party_label(value, names)
    if change.kind in TEXT_KINDS:
        return excerpt(value, limit)
    return value


def change_message(change: Change, lang: str, names: dict[str, str], limit: int | None = 120) -> str:
    """The change as one sentence in `lang` (plan text verbatim, cut to `limit` characters)."""
    horizon = change.goal.horizon if change.goal and change.goal.horizon else "short"
    return message(
        f"diff.msg.{change.kind.value}",
        lang,
        old=_value(change, change.old, lang, names, limit),
        new=_value(change, change.new, lang, names, limit),
        goal=message(f"diff.goal.{horizon}", lang),
        count=change.count if change.count is not None else 0,
    )


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def match_note(change: Change, lang: str) -> str | None:
    """How an item whose id changed was paired, e.g. 'similar text (83.0 %)'; None for plain id matches."""
    if change.match is None or change.match.method == "id":
        return None
    score = "" if change.match.score is None else f"{change.match.score:g}"
    return message(f"diff.match.{change.match.method}", lang, score=score)


def elide(segments: Sequence[Segment], context: int = 6) -> list[Segment]:
    """Long unchanged runs shortened to `context` words next to each change, for one-screen display."""
    result: list[Segment] = []
    last = len(segments) - 1
    for n, segment in enumerate(segments):
        if segment.op != "equal":
            result.append(segment)
            continue
        words = segment.text.split()
        head = context if n > 0 else 0  # words right after the previous change
        tail = context if n < last else 0  # words right before the next change
        if len(words) <= head + tail + 1:
            result.append(segment)
            continue
        parts = [" ".join(words[:head])] if head else []
        parts.append("…")
        if tail:
            parts.append(" ".join(words[-tail:]))
        result.append(Segment("equal", " ".join(parts)))
    return result


def render_words(
    segments: Sequence[Segment],
    removed: Callable[[str], str],
    added: Callable[[str], str],
    equal: Callable[[str], str] = str,
) -> str:
    """The one word-diff renderer: each segment through the format's markup, joined by spaces."""
    markup = {"delete": removed, "insert": added}
    return " ".join(markup.get(segment.op, equal)(segment.text) for segment in segments)


def plain_words(segments: Sequence[Segment]) -> str:
    """A word diff in git's --word-diff=plain notation: [-removed-]{+added+}.

    Text that begins or ends with a hyphen or plus (Swedish suspended hyphens: "skol- och") is
    set off from the markers by a space, "[- skol- -]", so that the word stays readable.
    """
    return render_words(
        segments, lambda text: _marked("[-", text, "-]"), lambda text: _marked("{+", text, "+}")
    )


def _marked(opening: str, text: str, closing: str) -> str:
    pad = " " if text[:1] in "-+" or text[-1:] in "-+" else ""
    return f"{opening}{pad}{text}{pad}{closing}"


@dataclass
class TopicGroup:
    topic: ItemRef | None  # None: changes to the focus area itself
    changes: list[Change] = field(default_factory=list)


@dataclass
class AreaGroup:
    area: ItemRef | None  # None: plan-level changes
    removed: bool = False
    topics: list[TopicGroup] = field(default_factory=list)


def grouped(diff: PlanDiff) -> list[AreaGroup]:
    """Changes grouped by focus area, then topic, keeping the differ's reading order."""
    groups: list[AreaGroup] = []
    for change in diff.changes:
        area_id = change.area.id if change.area else None
        if not groups or (groups[-1].area.id if groups[-1].area else None) != area_id:
            groups.append(AreaGroup(change.area))
        group = groups[-1]
        if change.kind is ChangeKind.AREA_REMOVED:
            group.removed = True
        topic_id = change.topic.id if change.topic else None
        if not group.topics or (group.topics[-1].topic.id if group.topics[-1].topic else None) != topic_id:
            group.topics.append(TopicGroup(change.topic))
        group.topics[-1].changes.append(change)
    return groups


def summary_line(diff: PlanDiff, lang: str) -> str:
    differences = len(diff.differences)
    if differences == 0:
        still = sum(1 for c in diff.changes if c.kind is ChangeKind.STILL_MISSING)
        text = message("diff.no_differences", lang)
        if still:
            text += " " + capitalised(message("diff.kind.still-missing", lang)) + f": {still}"
        return text
    counts = diff.counts()
    return message(
        "diff.summary",
        lang,
        differences=differences,
        regressions=counts.get(ChangeKind.REGRESSION, 0),
        gaps_closed=counts.get(ChangeKind.GAP_CLOSED, 0),
        still_missing=counts.get(ChangeKind.STILL_MISSING, 0),
    )
