"""The coverage chart: stacked 100 % bars of indicator status as inline SVG."""

from __future__ import annotations

from collections.abc import Sequence

from hbg_plan.gaps.engine import AccountabilityRow
from hbg_plan.i18n import message
from hbg_plan.output.html.common import area_title, esc
from hbg_plan.output.html.report import PlanPage
from hbg_plan.output.summary import share_text

STATUSES = ("measurable", "not_measurable", "partly_saknas", "saknas", "not_stated", "goal_saknas")
STATUS_COLORS = {
    "measurable": "#2e7d4f",
    "not_measurable": "#e0a526",
    "partly_saknas": "#d9773a",
    "saknas": "#c0392b",
    "not_stated": "#9aa3ad",
    "goal_saknas": "#6d2c91",
}
CHART_WIDTH = 960
LABEL_WIDTH = 150
BAR_WIDTH = 600
ROW_HEIGHT = 22
BAR_HEIGHT = 14
GROUP_HEAD = 28


def coverage_svg(pages: Sequence[PlanPage], lang: str) -> str:
    """Stacked 100 % bars of indicator status: one group per focus area, one bar per version.

    Focus areas are matched across versions by id; the group "All goals" comes first.
    """
    groups: list[tuple[str, list[tuple[str, AccountabilityRow]]]] = [
        (message("summary.total", lang), [(p.plan.id, p.total) for p in pages])
    ]
    titles: dict[str, str] = {}
    bars: dict[str, list[tuple[str, AccountabilityRow]]] = {}
    for page in reversed(pages):  # the newest version names the focus area and sets the order
        for area in page.plan.focus_areas:
            titles.setdefault(area.id, area_title(area))
            bars.setdefault(area.id, [])
    for page in pages:
        for row in page.coverage:
            if row.key is not None:
                bars[row.key].append((page.plan.id, row))
    groups += [(titles[key], rows) for key, rows in bars.items()]

    parts: list[str] = []
    y = 0
    for title, rows in groups:
        y += GROUP_HEAD
        parts.append(f'<text class="group" x="0" y="{y - 9}">{esc(title)}</text>')
        for plan_id, row in rows:
            parts.append(_bar(plan_id, row, y, lang))
            y += ROW_HEIGHT
        y += 6
    height = y + 4
    label = esc(message("html.coverage", lang))
    return (
        f'<svg class="chart" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">'
        f"<title>{label}</title>{''.join(parts)}</svg>"
    )


def _bar(plan_id: str, row: AccountabilityRow, y: int, lang: str) -> str:
    top = y + (ROW_HEIGHT - BAR_HEIGHT) // 2
    parts = [
        f'<text class="version" x="{LABEL_WIDTH - 10}" y="{top + BAR_HEIGHT - 3}" text-anchor="end">'
        f"{esc(plan_id)}</text>",
        f'<rect class="track" x="{LABEL_WIDTH}" y="{top}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" rx="2"/>',
    ]
    x = float(LABEL_WIDTH)
    for status in STATUSES:
        count = getattr(row, status)
        if not row.goals or not count:
            continue
        width = BAR_WIDTH * count / row.goals
        tip = f"{plan_id}: {message(f'summary.col.{status}', lang)} {count}/{row.goals}"
        parts.append(
            f'<rect class="seg seg-{status}" x="{x:.1f}" y="{top}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{STATUS_COLORS[status]}"><title>{esc(tip)}</title></rect>'
        )
        x += width
    value = message(
        "html.chart_value", lang, share=share_text(row, lang), measurable=row.measurable, goals=row.goals
    )
    parts.append(
        f'<text class="value" x="{LABEL_WIDTH + BAR_WIDTH + 12}" y="{top + BAR_HEIGHT - 3}">{esc(value)}</text>'
    )
    return "".join(parts)
