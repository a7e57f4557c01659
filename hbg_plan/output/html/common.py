"""The small pieces every section of the HTML report uses: escaping, element ids, catalog text,
severity badges, finding lists, party names. Plan text always goes through `esc`: it is shown
verbatim and never as markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from hbg_plan.core.problem import Severity
from hbg_plan.gaps.engine import Finding
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.model.plan import FocusArea
from hbg_plan.output.html.report import PlanPage

NOT_AN_ID = re.compile(r"\s+")


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


def line_range(first: int, last: int) -> str:
    return f"{first}–{last}" if first != last else str(first)


def period_text(period: tuple[str, str]) -> str:
    start, end = period
    return start if start == end else f"{start}–{end}"


def area_title(area: FocusArea) -> str:
    return f"{area.number}. {area.title}" if area.number is not None else area.title


@dataclass(frozen=True)
class Context:
    """The report's language and the party names, for every section."""

    lang: str
    party_names: Mapping[str, str]

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
        name = self.party_names.get(party_id, party_id)
        return f'<span class="party" title="{esc(party_id)}">{esc(name)}</span>'


@dataclass
class PlanState:
    """One plan's findings by goal and by topic, and the source-line ids already given out."""

    page: PlanPage
    by_goal: dict[str, list[Finding]]
    by_topic: dict[str, list[Finding]]
    line_ids: set[str] = field(default_factory=set)
