"""The plan report (`hbg-plan report`) as one self-contained HTML page for the revision meeting.

Everything is inline: CSS, the coverage chart as SVG, and a few lines of script that open
collapsed source text when a link points into it (and before printing). A Content-Security-Policy
forbids every network request, so the page works offline and cannot leak that it was opened.
Plan text is always passed through `html.escape`; it is shown verbatim and never as markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

from hbg_plan.analysis.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.core.problem import Severity
from hbg_plan.gaps.engine import AccountabilityRow, Finding
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.model.plan import FocusArea, Goal, Plan, Table, Topic
from hbg_plan.output.records.diff import (
    AreaGroup,
    capitalised,
    change_message,
    elide,
    grouped,
    label,
    match_note,
    render_words,
    summary_line,
)
from hbg_plan.output.summary import share_text
from hbg_plan.validate.provenance import SourceText

STATUSES = ("measurable", "not_measurable", "partly_saknas", "saknas", "not_stated", "goal_saknas")
STATUS_COLORS = {
    "measurable": "#2e7d4f",
    "not_measurable": "#e0a526",
    "partly_saknas": "#d9773a",
    "saknas": "#c0392b",
    "not_stated": "#9aa3ad",
    "goal_saknas": "#6d2c91",
}
CHANGE_CLASS = {
    ChangeKind.GAP_CLOSED: "good",
    ChangeKind.REGRESSION: "bad",
    ChangeKind.STILL_MISSING: "muted",
}
ADDED = {ChangeKind.AREA_ADDED, ChangeKind.TOPIC_ADDED, ChangeKind.GOAL_ADDED, ChangeKind.INDICATOR_ADDED,
         ChangeKind.RESPONSIBLE_ADDED}  # fmt: skip
REMOVED = {ChangeKind.AREA_REMOVED, ChangeKind.TOPIC_REMOVED, ChangeKind.GOAL_REMOVED,
           ChangeKind.INDICATOR_REMOVED, ChangeKind.RESPONSIBLE_REMOVED}  # fmt: skip
NOT_AN_ID = re.compile(r"\s+")


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


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def descriptions(texts: Iterable[str]) -> list[str]:
    """A focus area's or topic's description paragraphs, escaped."""
    return [f'<p class="description">{esc(text)}</p>' for text in texts]


def anchor(*parts: str) -> str:
    """An element id from plan and item ids (HTML ids may hold anything but white space)."""
    return esc(NOT_AN_ID.sub("_", "-".join(parts)))


def source_anchor(plan_id: str, line: int) -> str:
    return anchor("src", plan_id, str(line))


def goal_anchor(plan_id: str, goal_id: str) -> str:
    return anchor("goal", plan_id, goal_id)


def _lines(first: int, last: int) -> str:
    return f"{first}–{last}" if first != last else str(first)


class _Renderer:
    def __init__(self, report: HtmlReport, lang: str) -> None:
        self.report = report
        self.lang = lang
        self.out: list[str] = []

    # --- small pieces ---------------------------------------------------------------------

    def t(self, message_id: str, **args: object) -> str:
        """A catalog message in the report's language, escaped (its arguments may be plan text)."""
        return esc(message(message_id, self.lang, **args))

    def severity_badge(self, severity: Severity) -> str:
        return f'<span class="badge sev-{severity.label}">{self.t(f"label.{severity.label}")}</span>'

    def finding_items(self, findings: Iterable[Finding], with_subject: bool = False) -> str:
        items = []
        for f in findings:
            rule = find_rule(f.code)
            title = f' title="{self.t(rule.summary_id)}"' if rule else ""
            text = f.render(self.lang)
            subject = ""
            if with_subject and f.topic_title and f.topic_title not in text:
                subject = f'<span class="subject">{esc(f.topic_title)}</span> '
            where = f' <span class="where">{esc(f.where)}</span>'
            items.append(
                f'<li class="finding sev-{f.severity.label}">{self.severity_badge(f.severity)} '
                f"<code{title}>{esc(f.code)}</code> {subject}{esc(text)}{where}</li>"
            )
        return f'<ul class="findings">{"".join(items)}</ul>' if items else ""

    def party(self, party_id: str) -> str:
        name = self.report.party_names.get(party_id, party_id)
        return f'<span class="party" title="{esc(party_id)}">{esc(name)}</span>'

    # --- the page -------------------------------------------------------------------------

    def render(self) -> str:
        pages = self.report.pages
        ids = [p.plan.id for p in pages]
        title = message("html.title", self.lang, plans=" → ".join(ids))
        self.out.append(
            f'<!DOCTYPE html>\n<html lang="{esc(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="generator" content="hbg-plan {esc(self.report.version)}">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n<script>{ERROR_SCRIPT}</script>\n"
            "</head>\n<body>\n"
        )
        self.out.append('<pre id="js-errors" class="js-errors" hidden></pre>\n')
        self.header(title)
        self.toc()
        self.out.append("<main>\n")
        self.overview()
        self.coverage()
        if self.report.diffs:
            self.diffs()
        for page in pages:
            self.plan_section(page)
        self.out.append("</main>\n")
        footer = self.t("html.footer", version=self.report.version)
        self.out.append(f'<footer class="page-footer">{footer}</footer>\n')
        self.out.append(f"<script>{NAV_SCRIPT}</script>\n</body>\n</html>\n")
        return "".join(self.out)

    def header(self, title: str) -> None:
        pages = self.report.pages
        if len(pages) == 1:
            plan = pages[0].plan
            lead = esc(plan.title)
        else:
            lead = self.t("html.lineage_lead", count=len(pages))
        files = ", ".join(p.display for p in pages)
        self.out.append(
            f'<header class="page-header"><div class="wrap"><p class="kicker">{self.t("html.kicker")}</p>'
            f'<h1>{esc(title)}</h1><p class="lead">{lead}</p>'
            f'<p class="files">{self.t("html.generated", version=self.report.version, files=files)}</p>'
            "</div></header>\n"
        )

    def toc(self) -> None:
        links = [
            f'<a href="#overview">{self.t("html.overview")}</a>',
            f'<a href="#coverage">{self.t("html.coverage")}</a>',
        ]
        if self.report.diffs:
            links.append(f'<a href="#changes">{self.t("html.changes")}</a>')
        links += [f'<a href="#{anchor("plan", p.plan.id)}">{esc(p.plan.id)}</a>' for p in self.report.pages]
        self.out.append(
            f'<nav class="toc" aria-label="{self.t("html.contents")}"><div class="wrap">'
            + "".join(links)
            + "</div></nav>\n"
        )

    # --- overview table -------------------------------------------------------------------

    def overview(self) -> None:
        heads = [
            self.t("gaps.col.plan"),
            self.t("html.col.period"),
            *(self.t(f"summary.col.{c}") for c in ("goals", *STATUSES)),
            self.t("summary.col.share"),
            self.t("html.col.errors"),
            self.t("html.col.warnings"),
            self.t("html.col.infos"),
        ]
        rows = []
        for page in self.report.pages:
            plan, total = page.plan, page.total
            counts = {s: sum(f.severity is s for f in page.findings) for s in Severity}
            start, end = plan.period
            period = start if start == end else f"{start}–{end}"
            cells = [
                f'<th scope="row"><a href="#{anchor("plan", plan.id)}">{esc(plan.id)}</a>'
                f'<span class="sub">{esc(plan.title)}</span></th>',
                f"<td>{esc(period)}</td>",
                *(f'<td class="num">{getattr(total, c)}</td>' for c in ("goals", *STATUSES)),
                f'<td class="num strong">{esc(share_text(total, self.lang))}</td>',
                *(
                    f'<td class="num{" hot-" + s.label if counts[s] else ""}">{counts[s]}</td>'
                    for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
                ),
            ]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        note = self.t("summary.note.measurable")
        if self.report.suppressed:
            note += " " + self.t("html.suppressed", count=self.report.suppressed)
        self.out.append(
            f'<section id="overview" class="block"><h2>{self.t("html.overview")}</h2>'
            '<div class="table-scroll"><table class="overview"><thead><tr>'
            + "".join(f'<th scope="col">{h}</th>' for h in heads)
            + "</tr></thead><tbody>"
            + "".join(rows)
            + f'</tbody></table></div><p class="note">{note}</p></section>\n'
        )

    # --- coverage chart -------------------------------------------------------------------

    def coverage(self) -> None:
        legend = "".join(
            f'<span class="key"><span class="swatch" style="background:{STATUS_COLORS[s]}"></span>'
            f"{self.t(f'summary.col.{s}')}</span>"
            for s in STATUSES
        )
        self.out.append(
            f'<section id="coverage" class="block"><h2>{self.t("html.coverage")}</h2>'
            f'<p class="intro">{self.t("html.coverage_intro")}</p>'
            f'<div class="legend">{legend}</div>{coverage_svg(self.report.pages, self.lang)}</section>\n'
        )

    # --- diffs ----------------------------------------------------------------------------

    def diffs(self) -> None:
        self.out.append(
            f'<section id="changes" class="block"><h2>{self.t("html.changes")}</h2>'
            f'<p class="intro">{self.t("html.changes_intro")}</p>\n'
        )
        for diff in self.report.diffs:
            self.diff(diff)
        self.out.append("</section>\n")

    def diff(self, diff: PlanDiff) -> None:
        heading = message("diff.heading", self.lang, old=diff.old.id, new=diff.new.id)
        counts = diff.counts()
        chips = "".join(
            f'<span class="chip {_change_class(kind)}">{esc(label(kind, self.lang))} <b>{count}</b></span>'
            for kind, count in counts.items()
        )
        summary_class = "bad" if diff.regressions else ""
        self.out.append(
            f'<article class="diff" id="{anchor("diff", diff.old.id, diff.new.id)}"><h3>{esc(heading)}</h3>'
            f'<p class="files">{esc(diff.old.path)} → {esc(diff.new.path)}</p>'
            f'<p class="diff-summary {summary_class}">{esc(summary_line(diff, self.lang))}</p>'
            f'<div class="chips">{chips}</div>\n'
        )
        for group in grouped(diff) if diff.differences else ():
            self.diff_group(group, diff)
        self.out.append("</article>\n")

    def diff_group(self, group: AreaGroup, diff: PlanDiff) -> None:
        if group.area is None:
            title = esc(message("diff.plan_level", self.lang))
        else:
            title = f"{esc(group.area.title or '')} <code>{esc(group.area.id)}</code>"
            if group.removed:
                title = self.t("diff.removed_area_group", title=group.area.title or group.area.id)
        count = sum(len(t.changes) for t in group.topics)
        parts = [
            f'<details class="diff-group"><summary><span class="group-title">{title}</span>'
            f' <span class="count">{count}</span></summary>'
        ]
        for topic_group in group.topics:
            if topic_group.topic is not None:
                topic = topic_group.topic
                parts.append(f"<h4>{esc(topic.title or '')} <code>{esc(topic.id)}</code></h4>")
            parts.append('<ul class="changes">')
            parts += [self.change(change, diff) for change in topic_group.changes]
            parts.append("</ul>")
        parts.append("</details>\n")
        self.out.append("".join(parts))

    def change(self, change: Change, diff: PlanDiff) -> str:
        text = capitalised(change_message(change, self.lang, diff.party_names, limit=240))
        tags = []
        if change.goal is not None:
            tags.append(f"<code>{esc(change.goal.id)}</code>")
        note = match_note(change, self.lang)
        if note and change.kind in (
            ChangeKind.GOAL_RENAMED,
            ChangeKind.TOPIC_RENAMED,
            ChangeKind.AREA_RENAMED,
        ):
            tags.append(f'<span class="muted">{esc(note)}</span>')
        words = ""
        if change.words:
            marked = render_words(
                elide(change.words), lambda t: f"<del>{esc(t)}</del>", lambda t: f"<ins>{esc(t)}</ins>", esc
            )
            words = f'<p class="words">{marked}</p>'
        return (
            f'<li class="change {_change_class(change.kind)}"><span class="marker" aria-hidden="true">'
            f"{_marker(change.kind)}</span>{esc(text)} {' '.join(tags)}{words}</li>"
        )

    # --- one plan's structure ---------------------------------------------------------------

    def plan_section(self, page: PlanPage) -> None:
        plan = page.plan
        by_goal: dict[str, list[Finding]] = {}
        by_topic: dict[str, list[Finding]] = {}
        loose: list[Finding] = []
        for finding in page.findings:
            if finding.goal_id and plan.goal(finding.goal_id) is not None:
                by_goal.setdefault(finding.goal_id, []).append(finding)
            elif finding.topic_id and finding.goal_id is None and plan.topic(finding.topic_id) is not None:
                by_topic.setdefault(finding.topic_id, []).append(finding)
            else:
                loose.append(finding)
        state = _PlanState(page, by_goal, by_topic)
        start, end = plan.period
        meta = [esc(plan.id), esc(start if start == end else f"{start}–{end}"), esc(page.display)]
        if plan.replaces:
            meta.append(self.t("html.replaces", plan=plan.replaces))
        totals = self.t(
            "gaps.plan_totals",
            findings=len(page.findings),
            errors=sum(f.severity is Severity.ERROR for f in page.findings),
            warnings=sum(f.severity is Severity.WARNING for f in page.findings),
            infos=sum(f.severity is Severity.INFO for f in page.findings),
        )
        areas_nav = "".join(
            f'<li><a href="#{anchor("area", plan.id, a.id)}">{esc(_area_title(a))}</a>'
            f' <span class="count">{_area_gaps(a, by_goal, by_topic)}</span></li>'
            for a in plan.focus_areas
        )
        self.out.append(
            f'<section class="plan" id="{anchor("plan", plan.id)}"><header class="plan-header">'
            f'<p class="kicker">{self.t("html.structure")}</p><h2>{esc(plan.title)}</h2>'
            f'<p class="meta">{" · ".join(meta)}</p><p class="totals">{totals}</p></header>\n'
        )
        if page.source is None:
            self.out.append(
                f'<p class="warning-note">{self.t("html.source_missing", file=plan.data_source_name)}</p>'
            )
        if loose:
            self.out.append(
                f'<div class="plan-findings" id="{anchor("plan-findings", plan.id)}">'
                f"<h3>{self.t('html.plan_findings')}</h3>"
                f"{self.finding_items(loose, with_subject=True)}</div>\n"
            )
        self.out.append(
            f'<nav class="area-nav"><h3>{self.t("html.focus_areas")}</h3>'
            f'<ol class="plain">{areas_nav}</ol></nav>\n'
        )
        for area in plan.focus_areas:
            self.area(area, state)
        self.out.append("</section>\n")

    def area(self, area: FocusArea, state: _PlanState) -> None:
        plan = state.page.plan
        row = next((r for r in state.page.coverage if r.key == area.id), None)
        facts = ""
        if row is not None:
            facts = self.t(
                "html.area_facts",
                topics=len(area.topics),
                goals=row.goals,
                share=share_text(row, self.lang),
                gaps=_area_gaps(area, state.by_goal, state.by_topic),
            )
        self.out.append(
            f'<section class="area" id="{anchor("area", plan.id, area.id)}">'
            f'<h3><span class="plan-tag">{esc(plan.id)}</span> {esc(_area_title(area))}</h3>'
            f'<p class="facts">{facts}</p>'
        )
        self.out += descriptions(area.description)
        for topic in area.topics:
            self.topic(topic, state)
        self.out.append("</section>\n")

    def topic(self, topic: Topic, state: _PlanState) -> None:
        plan = state.page.plan
        findings = state.by_topic.get(topic.id, [])
        classes = "topic gap" if findings else "topic"
        self.out.append(
            f'<section class="{classes}" id="{anchor("topic", plan.id, topic.id)}">'
            f'<h4>{esc(topic.title)} <code class="id">{esc(topic.id)}</code></h4>'
        )
        self.out.append(self.finding_items(findings))
        self.out += descriptions(topic.description)
        if topic.details:
            items = "".join(
                f"<dt>{self.t(f'html.detail.{key}')}</dt>"
                + "".join(f"<dd>{esc(text)}</dd>" for text in texts)
                for key, texts in topic.details.items()
            )
            self.out.append(f'<dl class="details">{items}</dl>')
        for table in topic.tables:
            self.out.append(_table(table))
        for goal in topic.goals:
            self.goal(goal, state)
        self.out.append("</section>\n")

    def goal(self, goal: Goal, state: _PlanState) -> None:
        plan = state.page.plan
        findings = state.by_goal.get(goal.id, [])
        worst = max((f.severity for f in findings), default=None)
        classes = ["goal"] + (["gap", f"sev-{worst.label}"] if worst is not None else [])
        horizon = self.t(f"gaps.horizon.{goal.horizon}")
        period = f' <span class="period">{esc(goal.period)}</span>' if goal.period else ""
        lines = _lines(goal.source.first, goal.source.last)
        link = (
            f'<a class="src-link" href="#{source_anchor(plan.id, goal.source.first)}">'
            f"{self.t('html.source_link', lines=lines)}</a>"
        )
        parts = [
            f'<article class="{" ".join(classes)}" id="{goal_anchor(plan.id, goal.id)}">'
            f'<header class="goal-head"><span class="horizon">{horizon}</span>{period}'
            f' <code class="id">{esc(goal.id)}</code>{link}</header>',
            self.finding_items(findings),
        ]
        if goal.heading:
            parts.append(f'<p class="goal-heading">{esc(goal.heading)}</p>')
        parts.append('<ul class="texts">' + "".join(f"<li>{esc(t)}</li>" for t in goal.texts) + "</ul>")
        parts.append(
            f'<dl class="goal-facts"><dt>{self.t("html.indicators")}</dt><dd>{self.indicators(goal)}</dd>'
        )
        parts.append(f"<dt>{self.t('html.responsible')}</dt><dd>{self.responsible(goal)}</dd></dl>")
        if goal.follow_up:
            items = []
            for entry in goal.follow_up:
                status = (
                    f' <span class="badge status-{esc(entry.status)}">{self.t(f"diff.followup.{entry.status}")}</span>'
                    if entry.status
                    else ""
                )
                items.append(
                    f'<li><span class="year">{entry.year}</span>{status} {esc(entry.text)} '
                    f'<span class="where">{self.t("html.lines", lines=str(entry.source))}</span></li>'
                )
            parts.append(
                f'<div class="follow-up"><h5>{self.t("html.follow_up")}</h5><ul>{"".join(items)}</ul></div>'
            )
        parts.append(self.source_lines(goal, findings, state))
        parts.append("</article>\n")
        self.out.append("".join(parts))

    def indicators(self, goal: Goal) -> str:
        if goal.indicators:
            return (
                '<ul class="indicators">' + "".join(f"<li>{esc(t)}</li>" for t in goal.indicators) + "</ul>"
            )
        kind = goal.indicators_missing.kind if goal.indicators_missing else "not-stated"
        key = "saknas" if kind == "saknas" else "not_stated"
        return f'<span class="absent absent-{key}">{self.t(f"html.indicators_{key}")}</span>'

    def responsible(self, goal: Goal) -> str:
        if goal.party_ids:
            return " ".join(self.party(p) for p in goal.party_ids)
        return f'<span class="absent absent-not_stated">{self.t("html.responsible_not_stated")}</span>'

    def source_lines(self, goal: Goal, findings: list[Finding], state: _PlanState) -> str:
        plan, source = state.page.plan, state.page.source
        first, last = goal.source.first, goal.source.last
        summary = self.t("html.source_show", lines=_lines(first, last), file=plan.data_source_name)
        if source is None:
            return f'<p class="src-missing" id="{source_anchor(plan.id, first)}">{summary}</p>'
        marked = {
            n
            for f in findings
            if f.source is not None and (f.source.first, f.source.last) != (first, last)
            for n in range(f.source.first, f.source.last + 1)
        }
        rows = []
        for number, text in source.excerpt(first, last):
            line_id = source_anchor(plan.id, number)
            id_attr = "" if line_id in state.line_ids else f' id="{line_id}"'
            state.line_ids.add(line_id)
            mark = " hl" if number in marked else ""
            rows.append(
                f'<div class="line{mark}"{id_attr}><span class="ln">{number}</span>'
                f'<span class="tx">{esc(text)}</span></div>'
            )
        return f'<details class="source"><summary>{summary}</summary><div class="lines">{"".join(rows)}</div></details>'


@dataclass
class _PlanState:
    page: PlanPage
    by_goal: dict[str, list[Finding]]
    by_topic: dict[str, list[Finding]]
    line_ids: set[str] = field(default_factory=set)


def _area_title(area: FocusArea) -> str:
    return f"{area.number}. {area.title}" if area.number is not None else area.title


def _area_gaps(area: FocusArea, by_goal: dict[str, list[Finding]], by_topic: dict[str, list[Finding]]) -> int:
    return sum(
        len(by_topic.get(t.id, [])) + sum(len(by_goal.get(g.id, [])) for g in t.goals) for t in area.topics
    )


def _change_class(kind: ChangeKind) -> str:
    if kind in CHANGE_CLASS:
        return CHANGE_CLASS[kind]
    if kind in ADDED:
        return "added"
    if kind in REMOVED:
        return "removed"
    return "changed"


def _marker(kind: ChangeKind) -> str:
    return {"good": "✓", "bad": "!", "muted": "·", "added": "+", "removed": "−"}.get(_change_class(kind), "~")


def _table(table: Table) -> str:
    caption = f"<caption>{esc(table.caption)}</caption>" if table.caption else ""
    head = "<tr><th></th>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns) + "</tr>"
    body = "".join(
        f'<tr><th scope="row">{esc(name)}</th>'
        + "".join(f'<td class="num">{"" if v is None else esc(v)}</td>' for v in values)
        + "</tr>"
        for name, values in table.rows
    )
    return f'<div class="table-scroll"><table class="figures">{caption}<thead>{head}</thead><tbody>{body}</tbody></table></div>'


# --- the coverage chart -------------------------------------------------------------------------

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
            titles.setdefault(area.id, _area_title(area))
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


def render_html(report: HtmlReport, lang: str) -> str:
    """The whole report as one HTML document."""
    return _Renderer(report, lang).render()


# --- inline assets ------------------------------------------------------------------------------

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    """A stylesheet or script of the page, from hbg_plan/output/html/assets/ (package data)."""
    return resources.files("hbg_plan.output.html").joinpath("assets", name).read_text(encoding="utf-8")


ERROR_SCRIPT = _asset("errors.js")  # runs first: JavaScript errors are written into the page
NAV_SCRIPT = _asset("nav.js")  # opens collapsed source text a link points into, and all before printing
CSS = _asset("report.css")
