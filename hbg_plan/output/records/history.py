"""What the history reporters share: the status table and per-version labels."""

from __future__ import annotations

from hbg_plan.analysis.history import TopicHistory, Version
from hbg_plan.i18n import message
from hbg_plan.output.records.diff import party_label


def status_label(status: str | None, count: int | None, lang: str) -> str:
    if status is None:
        return message("history.absent", lang)
    text = message(f"diff.status.{status}", lang)
    return f"{text} ({count})" if status in ("present", "partial") and count else text


def status_table(history: TopicHistory, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per goal key, one column per plan version."""
    header = [message("history.column_goal", lang)] + [history.column(v) for v in history.versions]
    rows = []
    for key in history.goal_keys():
        horizon, _, ordinal = key.partition("-")
        row = [message(f"diff.horizon.{horizon}", lang) + (f" {ordinal}" if ordinal else "")]
        for version in history.versions:
            goal = next((g for g in version.goals if g.key == key), None)
            row.append(
                status_label(goal.status if goal else None, len(goal.indicators) if goal else None, lang)
            )
        rows.append(row)
    return header, rows


def version_line(version: Version, lang: str) -> str:
    return message(
        "history.plan_line",
        lang,
        plan=version.plan.id,
        period=version.plan.period_text,
        level=message(f"diff.level.{version.plan.level}", lang),
        kind=message(f"diff.plankind.{version.plan.kind}", lang),
        title=version.title,
        area=version.area_title,
    )


def next_lines(version: Version, lang: str) -> list[str]:
    """What became of the topic in the next version of its plan, when it is news: removed, merged,
    split, or continued under another id (continuing under the same id goes without saying)."""
    return [
        "→ "
        + message(f"history.next.{n.kind}", lang, plan=n.plan.id, topic=n.topic_id or "", title=n.title or "")
        for n in version.next
        if n.kind != "continued" or n.topic_id != version.topic_id
    ]


def goal_heading(goal_id: str, horizon: str, period: str | None, lang: str) -> str:
    text = f"{goal_id}: {message(f'diff.goal.{horizon}', lang)}"
    return f"{text} {period}" if period else text


def parties(ids: tuple[str, ...], names: dict[str, str], lang: str) -> str:
    if not ids:
        return message("diff.status.not-stated", lang)
    return ", ".join(party_label(p, names) for p in ids)


def follow_up_label(year: int, status: str | None, lang: str) -> str:
    text = message("history.follow_up", lang, year=year)
    return f"{text} [{message(f'diff.followup.{status}', lang)}]" if status else text
