"""The brief laid out for print, once for every format: headings, paragraphs, tables, lists.

The Markdown, HTML and DOCX writers walk these blocks; only the JSON writer reads the record
(`hbg_plan.output.records.brief.Brief`) itself, because it keeps every text whole. Here long texts are cut to
one line with "…".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hbg_plan import __version__
from hbg_plan.gaps.engine import AccountabilityRow
from hbg_plan.i18n import catalog, message, plural
from hbg_plan.output.records.brief import Brief, Decision, Figure, Progress, Version
from hbg_plan.output.shorten import one_line


@dataclass(frozen=True)
class Span:
    text: str
    style: str = ""  # "" | "b" (bold) | "i" (italic) | "code"


Line = list[Span]


@dataclass
class Heading:
    level: int  # 1 title, 2 section, 3 group
    text: str


@dataclass
class Para:
    spans: Line
    small: bool = False


@dataclass
class Table:
    head: list[str]
    rows: list[list[str]]
    numeric: list[bool]  # per column: right-aligned
    total: bool = False  # the last row is a total


@dataclass
class Items:
    """A bulleted list; each item is one or two lines."""

    items: list[list[Line]] = field(default_factory=list)


Block = Heading | Para | Table | Items


def inline(text: str) -> Line:
    """A catalog text whose `backticked` parts are commands or code."""
    return [Span(part, "code" if n % 2 else "") for n, part in enumerate(text.split("`")) if part]


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "–"
    value = round(share * 100)
    return f"{value} %" if lang == "sv" else f"{value}%"


def _signed(delta: float) -> str:
    number = int(delta)
    return f"+{number}" if number > 0 else ("±0" if number == 0 else f"−{-number}")


# --- sections ------------------------------------------------------------------------------------


def _figures(brief: Brief, lang: str) -> list[Block]:
    by_key: dict[str, Figure] = {f.key: f for f in brief.figures}
    head = [message("brief.col.measure", lang), brief.plan.id]
    if brief.against is not None:
        head += [brief.against.id, message("brief.col.change", lang)]
    rows: list[list[str]] = []
    for key in ("goals", "measurable", "saknas", "not_stated", "no_party"):
        figure = by_key[key]
        now, before = figure.value, figure.previous
        if key == "measurable":
            share = by_key["share_measurable"]
            cells = [
                message("brief.fig.share", lang, value=now, percent=percent(_float(share.value), lang)),
                message("brief.fig.share", lang, value=before, percent=percent(_float(share.previous), lang)),
            ]
        else:
            cells = [str(now), str(before)]
        row = [message(f"brief.fig.{key}", lang), cells[0]]
        if brief.against is not None:
            delta = (now or 0) - (before or 0)
            row += [cells[1], _signed(delta)]
        rows.append(row)
    return [
        Heading(2, message("brief.section.figures", lang)),
        Table(head, rows, [False, *[True] * (len(head) - 1)]),
    ]


def _float(value: float | int | None) -> float | None:
    return float(value) if value is not None else None


def _horizon(horizon: str | None, lang: str) -> str:
    return message(f"diff.goal.{horizon}", lang) if horizon else ""


def _status(status: str | None, lang: str) -> str:
    return message(f"brief.status.{status or 'not-stated'}", lang)


def _version(version: Version, lang: str) -> str:
    if version.regional:
        return message("brief.version.regional", lang, plan=version.plan)
    if version.status == "not-stated":
        return message("brief.version.not-stated", lang, plan=version.plan)
    return version.plan


def _subject(item: Decision, lang: str) -> Line:
    """**Topic** — short-term goal `id`"""
    spans = [Span(one_line(item.topic_title or item.topic_id or "", 70), "b")]
    if item.goals and item.kind not in ("no-responsible", "new-topic-without-indicator"):
        label = _horizon(item.horizon, lang)
        spans.append(Span(f" — {label} " if label else " — "))
        spans.append(Span(item.goals[0], "code"))
    return spans


def _decision(item: Decision, brief: Brief, lang: str) -> list[Line]:
    first = _subject(item, lang)
    command = Span(item.command, "code")
    if item.kind == "regression":
        detail = message(
            "brief.detail.regression", lang,
            indicators=plural("brief.indicators", lang, len(item.indicators)),
            old=brief.against.id if brief.against else "", status=_status(item.after, lang),
        )  # fmt: skip
    elif item.kind == "long-standing":
        detail = message(
            "brief.detail.long-standing", lang,
            year=item.versions[0].year, versions=", ".join(_version(v, lang) for v in item.versions),
        )  # fmt: skip
    elif item.kind == "missing":
        detail = message(f"brief.detail.missing.{item.after or 'not-stated'}", lang)
    elif item.kind == "new-topic-without-indicator":
        detail = message("brief.detail.new-topic", lang, goals=plural("brief.goals", lang, len(item.goals)))
    elif item.kind == "no-responsible":
        spans = [*first, Span(": ")]
        for n, goal in enumerate(item.goals):
            spans += [Span(", " if n else ""), Span(goal, "code")]
        return [[*spans, Span(" · "), command]]
    elif item.kind == "regional-not-covered":
        detail = message("brief.detail.regional", lang, base=item.plan, plan=brief.plan.id)
        return [[*first, Span(f": {detail} · "), command]]
    else:
        detail = message(
            "brief.detail.follow-up", lang, year=item.year, text=one_line(item.follow_up or "", 80)
        )
    first.append(Span(f": {detail}"))
    second: Line = []
    if item.kind != "new-topic-without-indicator":
        second.append(Span(one_line(item.text, 90), "i"))
        second.append(Span(" · "))
    second.append(command)
    return [first, second]


def _decisions(brief: Brief, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, message("brief.section.decisions", lang))]
    if not brief.decisions:
        return [*blocks, Para([Span(message("brief.none", lang))])]
    kinds = list(dict.fromkeys(d.kind for d in brief.decisions))
    for kind in kinds:
        items = brief.decisions_of(kind)
        count = sum(len(d.goals) for d in items) if kind == "no-responsible" else len(items)
        blocks.append(Heading(3, plural(f"brief.group.{kind}", lang, count)))
        blocks.append(Items([_decision(d, brief, lang) for d in items]))
    return blocks


def _progress_line(item: Progress, lang: str) -> Line:
    spans = [Span(one_line(item.topic_title or item.topic_id or "", 70), "b"), Span(" — ")]
    label = _horizon(item.horizon, lang)
    spans += [Span(f"{label} " if label else ""), Span(item.goal, "code")]
    detail = message(
        "brief.progress.item", lang,
        indicators=plural("brief.indicators", lang, item.indicators), plan=item.plan,
        before=_status(item.before, lang),
    )  # fmt: skip
    spans.append(Span(f": {detail}"))
    return spans


def _progress(brief: Brief, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, message("brief.section.progress", lang))]
    groups: dict[tuple[str, str], list[Progress]] = {}
    for item in brief.progress:
        groups.setdefault((item.since, item.plan), []).append(item)
    if brief.against is not None and (brief.against.id, brief.plan.id) not in groups:
        blocks.append(Para([Span(message("brief.progress.none", lang, old=brief.against.id))]))
    for (since, plan), items in groups.items():
        regional = items[0].since_regional
        if regional:
            title = plural("brief.progress.regional", lang, len(items), plan=plan, base=since)
        else:
            title = plural("brief.progress.since", lang, len(items), old=since)
        blocks.append(Heading(3, title))
        lines: list[list[Line]] = []
        for item in items:
            line = _progress_line(item, lang)
            if item.missing_again:
                line.append(Span(" — "))
                line.append(Span(message("brief.progress.missing_again", lang, plan=brief.plan.id), "b"))
            lines.append([line])
        blocks.append(Items(lines))
    return blocks


def _row_label(row: AccountabilityRow, lang: str) -> str:
    if row.key is None:
        return message("gaps.no_party", lang)
    return row.label


def _accountability(brief: Brief, lang: str) -> list[Block]:
    columns = ("goals", "measurable", "saknas", "not_stated")
    head = [message("summary.col.party", lang), *(message(f"summary.col.{c}", lang) for c in columns)]
    head.append(message("summary.col.share", lang))
    rows = [
        [_row_label(r, lang), *(str(getattr(r, c)) for c in columns), percent(r.share, lang)]
        for r in brief.accountability
    ]
    total = brief.accountability_total
    rows.append(
        [
            message("summary.total", lang),
            *(str(getattr(total, c)) for c in columns),
            percent(total.share, lang),
        ]
    )
    return [
        Heading(2, message("brief.section.accountability", lang)),
        Table(head, rows, [False, True, True, True, True, True], total=True),
        Para([Span(message("summary.note.party", lang))], small=True),
    ]


def _kind_label(kind: str, lang: str) -> str:
    return message(f"diff.kind.{kind}", lang) if f"diff.kind.{kind}" in catalog() else kind


def _changes(brief: Brief, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, message("brief.section.changes", lang))]
    changes = brief.changes
    if changes is None:
        return []
    if not changes.counts:
        return [*blocks, Para([Span(message("brief.changes.none", lang))])]
    pairs = [(_kind_label(kind, lang), str(n)) for kind, n in changes.counts.items()]
    half = (len(pairs) + 1) // 2
    head = [message("diff.column_change", lang), message("diff.column_count", lang)] * 2
    rows = []
    for n in range(half):
        left = list(pairs[n])
        right = list(pairs[half + n]) if half + n < len(pairs) else ["", ""]
        rows.append([*left, *right])
    blocks.append(Table(head, rows, [False, True, False, True]))
    if changes.period_only:
        blocks.append(Para([Span(plural("brief.period_only", lang, len(changes.period_only)))]))
    items: list[list[Line]] = []
    for kind, topics in changes.topics.items():
        label = (
            message(f"brief.topics.{kind}", lang)
            if f"brief.topics.{kind}" in catalog()
            else _kind_label(kind, lang)
        )
        spans: Line = [Span(f"{label} ({len(topics)}): ", "b")]
        for n, (title, old) in enumerate(topics):
            text = message("brief.renamed", lang, old=old, new=title) if old else title
            spans.append(Span(("; " if n else "") + one_line(text, 140)))
        items.append([spans])
    if items:
        blocks.append(Items(items))
    return blocks


def layout(brief: Brief, lang: str) -> list[Block]:
    """The whole brief as blocks, in the order the meeting reads it."""
    plan = brief.plan
    blocks: list[Block] = [Heading(1, message("brief.title", lang, plan=plan.id))]
    if brief.against is not None:
        intro = message(
            "brief.against", lang, title=plan.title, period=plan.period, old=brief.against.id,
            old_period=brief.against.period,
        )  # fmt: skip
    else:
        intro = message("brief.no_against", lang, title=plan.title, period=plan.period)
    lines = [Span(intro)]
    if brief.regional:
        regional = ", ".join(f"{r.id} ({r.period})" for r in brief.regional)
        lines.append(Span(" " + message("brief.regional", lang, plans=regional)))
    blocks.append(Para(lines))
    blocks.append(Para(inline(message("brief.intro", lang)), small=True))
    blocks += _figures(brief, lang)
    blocks += _decisions(brief, lang)
    blocks += _progress(brief, lang)
    blocks += _accountability(brief, lang)
    blocks += _changes(brief, lang)
    footer = message(
        "brief.footer", lang, version=__version__, findings=brief.findings, suppressed=brief.suppressed
    )
    blocks.append(Para([Span(footer)], small=True))
    return blocks
