"""The checker: runs the enabled rules over plans and returns Findings.

Rules live in `hbg_plan/rules/`, one module each; this module only loops over the enabled ones,
applies the configuration (select, ignore, severity, per-plan overrides) and the goals' own
suppressions. Rules that compare versions or levels get the whole `PlanSet` of the folder.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from hbg_plan.config import Config, ConfigError, RuleSettings, Suggestion
from hbg_plan.diagnostics import Diagnostic, Location, Severity
from hbg_plan.model import Goal, LineRange, Plan, Topic

if TYPE_CHECKING:
    from hbg_plan.rules import Rule

SEVERITY_BY_NAME = {s.label: s for s in Severity}


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Lines of a plan's source document, as `sources/002_….txt:91-92`."""

    file: str
    first: int
    last: int

    def __str__(self) -> str:
        lines = f"{self.first}-{self.last}" if self.first != self.last else str(self.first)
        return f"{self.file}:{lines}"


@dataclass(frozen=True, slots=True)
class _Message:
    """A message rendered when the reader's language is known (message() renders such args)."""

    message_id: str
    args: dict[str, Any]

    def render(self, lang: str) -> str:
        from hbg_plan.i18n import message

        return message(self.message_id, lang, **self.args)


@dataclass(frozen=True, slots=True)
class Finding:
    """One gap a rule found. The message is rendered per language from `message_id` and `args`.

    Titles and goal texts are carried along (verbatim, Swedish) so that reporters need no plans.
    `source` is where the problem stands in the source document (e.g. the "Saknas" lines);
    `item_source` the whole goal or topic.
    """

    code: str
    severity: Severity
    message_id: str
    where: Location
    plan_id: str
    args: dict[str, Any] = field(default_factory=dict)
    focus_area_id: str | None = None
    focus_area_title: str | None = None
    focus_area_number: int | None = None
    topic_id: str | None = None
    topic_title: str | None = None
    goal_id: str | None = None
    horizon: str | None = None
    period: str | None = None
    goal_texts: tuple[str, ...] = ()
    source: SourceRef | None = None
    item_source: SourceRef | None = None
    parties: tuple[str, ...] = ()
    related: Location | None = None

    def render(self, lang: str = "en") -> str:
        from hbg_plan.i18n import message

        return message(self.message_id, lang, **self.args)

    def to_diagnostic(self) -> Diagnostic:
        """The finding as a validation diagnostic, its message prefixed with the goal or topic id."""
        subject = self.goal_id or self.topic_id or self.plan_id
        args = {"subject": subject, "message": _Message(self.message_id, dict(self.args))}
        return Diagnostic(self.code, "gaps.subject_message", self.where, args, self.severity, self.related)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (*self.where.sort_key(), self.code)


# --- building findings ------------------------------------------------------------------------


def source_ref(plan: Plan, lines: LineRange | None) -> SourceRef | None:
    return SourceRef(plan.data_source_name, lines.first, lines.last) if lines else None


def goal_finding(
    code: str,
    severity: Severity,
    message_id: str,
    plan: Plan,
    goal: Goal,
    *,
    where: Location | None = None,
    source: LineRange | None = None,
    related: Location | None = None,
    args: dict[str, Any] | None = None,
) -> Finding:
    """A finding about `goal`, located at `where` (default: the goal) and its source lines."""
    topic = plan.topic(goal.topic_id)
    area = plan.focus_area(goal.focus_area_id)
    return Finding(
        code=code,
        severity=severity,
        message_id=message_id,
        where=where or goal.where,
        plan_id=plan.id,
        args=args or {},
        focus_area_id=goal.focus_area_id or None,
        focus_area_title=area.title if area else None,
        focus_area_number=area.number if area else None,
        topic_id=goal.topic_id or None,
        topic_title=topic.title if topic else None,
        goal_id=goal.id,
        horizon=goal.horizon,
        period=goal.period,
        goal_texts=goal.texts,
        source=source_ref(plan, source or goal.source),
        item_source=source_ref(plan, goal.source),
        parties=goal.party_ids,
        related=related,
    )


def topic_finding(
    code: str,
    severity: Severity,
    message_id: str,
    plan: Plan,
    where: Location,
    topic: Topic,
    topic_plan: Plan,
    args: dict[str, Any] | None = None,
) -> Finding:
    """A finding in `plan` about a topic that stands in `topic_plan` (the same plan or another)."""
    area = plan.focus_area(topic.focus_area_id) or topic_plan.focus_area(topic.focus_area_id)
    return Finding(
        code=code,
        severity=severity,
        message_id=message_id,
        where=where,
        plan_id=plan.id,
        args=args or {},
        focus_area_id=topic.focus_area_id or None,
        focus_area_title=area.title if area else None,
        focus_area_number=area.number if area else None,
        topic_id=topic.id,
        topic_title=topic.title,
        source=source_ref(topic_plan, topic.source),
        item_source=source_ref(topic_plan, topic.source),
        related=topic.where,
    )


# --- the plans a rule may look at ---------------------------------------------------------------


class PlanSet:
    """The plans of a folder by id, with the version lineage that `replaces` links form."""

    def __init__(self, plans: Iterable[Plan]) -> None:
        self._plans: dict[str, Plan] = {}
        for plan in plans:
            self._plans.setdefault(plan.id, plan)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self._plans.values())

    def __len__(self) -> int:
        return len(self._plans)

    def __contains__(self, plan_id: object) -> bool:
        return plan_id in self._plans

    def get(self, plan_id: str) -> Plan | None:
        return self._plans.get(plan_id)

    def predecessors(self, plan: Plan) -> list[Plan]:
        """The versions this plan replaces, newest first; stops at a missing plan or a cycle."""
        chain: list[Plan] = []
        seen = {plan.id}
        current = plan
        while current.replaces and current.replaces not in seen:
            older = self._plans.get(current.replaces)
            if older is None:
                break
            chain.append(older)
            seen.add(older.id)
            current = older
        return chain

    @staticmethod
    def counterpart(goal: Goal, plan: Plan, older: Plan) -> Goal | None:
        """The same goal in an older version: by renamed_from, same_as, id, or the topic's old id."""
        for candidate in (goal.renamed_from, goal.same_as, goal.id):
            if candidate:
                found = older.goal(candidate)
                if found is not None:
                    return found
        topic = plan.topic(goal.topic_id)
        if topic is not None and topic.renamed_from and goal.id.startswith(topic.id + "."):
            return older.goal(topic.renamed_from + goal.id[len(topic.id) :])
        return None

    def lineage(self, plan: Plan, goal: Goal) -> list[tuple[Plan, Goal]]:
        """The goal in this and each consecutive older version, newest first, while it continues."""
        chain = [(plan, goal)]
        for older in self.predecessors(plan):
            newer_plan, newer_goal = chain[-1]
            found = self.counterpart(newer_goal, newer_plan, older)
            if found is None:
                break
            chain.append((older, found))
        return chain

    @staticmethod
    def topic_counterpart(local: Plan, topic: Topic) -> Topic | None:
        """The local plan's topic that answers `topic` of another plan: by id, same_as or renamed_from."""
        for candidate in local.topics():
            if topic.id in (candidate.id, candidate.same_as, candidate.renamed_from):
                return candidate
            if topic.same_as and topic.same_as == candidate.id:
                return candidate
        return None


# --- loading the plans to check and the plans they are compared with ---------------------------


@dataclass
class Loaded:
    """The plans named on the command line, the folder plans they are compared with, and problems."""

    targets: list[Plan]
    context: PlanSet
    errors: list[Diagnostic]  # targets that could not be loaded, unknown paths or ids
    skipped: list[str]  # other plan files of the folders that are not valid plans


def load_for_check(refs: Sequence[str], plans_dir: Path) -> Loaded:
    """Plans by path (file or folder) or id (looked up in `plans_dir`; no refs: all of it).

    Rules that compare versions or levels see every valid plan in the folders of the targets.
    """
    from hbg_plan.catalog import PlanCatalog, load_catalog
    from hbg_plan.discover import discover
    from hbg_plan.validate import is_registry_file, load_plan

    catalogs: dict[Path, PlanCatalog] = {}

    def catalog_of(folder: Path) -> PlanCatalog:
        key = folder.resolve()
        if key not in catalogs:
            catalogs[key] = load_catalog(folder)
        return catalogs[key]

    targets: list[Plan] = []
    errors: list[Diagnostic] = []
    folders: list[Path] = []
    wanted = list(refs) or [str(plans_dir)]
    by_id: list[str] = []
    paths: list[str] = []
    for ref in wanted:
        path = Path(ref)
        if not path.exists() and path.suffix not in (".yaml", ".yml") and "/" not in ref and "\\" not in ref:
            by_id.append(ref)
        else:
            paths.append(ref)
    found = discover(paths) if paths else None
    if found is not None:
        errors += found.problems
        folders += found.directories
        for file, display in found.files:
            if is_registry_file(file):
                continue
            plan, diagnostics = load_plan(file, display)
            errors += diagnostics
            if plan is not None:
                targets.append(plan)
                folders.append(file.parent)
    if by_id:
        catalog = catalog_of(plans_dir) if plans_dir.is_dir() else None
        folders.append(plans_dir)
        for ref in by_id:
            plan = catalog.plans.get(ref) if catalog else None
            if plan is None:
                errors.append(Diagnostic("HBG001", "cli.unknown_plan_ref", Location(ref), {"ref": ref}))
            else:
                targets.append(plan)
    context_plans: list[Plan] = list(targets)
    skipped: list[str] = []
    target_files = {p.path.resolve() for p in targets}
    for folder in {f.resolve(): f for f in reversed(folders) if f.is_dir()}.values():
        catalog = catalog_of(folder)
        context_plans += [p for p in catalog.plans.values() if p.path.resolve() not in target_files]
        skipped += [name for name in catalog.broken if Path(name).resolve() not in target_files]
    return Loaded(targets, PlanSet(context_plans), errors, sorted(set(skipped)))


# --- selection: which rules run, at which severity --------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The rules enabled for one plan and their severities."""

    enabled: frozenset[str]
    severity: Mapping[str, Severity]


class SelectorError(Exception):
    """A rule selector given on the command line that names no rule."""

    def __init__(self, option: str, selector: str, suggestion: Suggestion) -> None:
        super().__init__(selector)
        self.option = option
        self.selector = selector
        self.suggestion = suggestion


def _expand(selector: str, rules: Sequence[Rule]) -> set[str] | None:
    """Codes a selector names: a code, a code prefix ("HBG1"), a rule name, or ALL."""
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return {r.code for r in rules}
    by_name = {r.code for r in rules if r.name == wanted.lower()}
    if by_name:
        return by_name
    by_prefix = {r.code for r in rules if r.code.startswith(wanted.upper())}
    return by_prefix if wanted and by_prefix else None


class Named(Protocol):
    """Anything with a code and a name: a gap rule or a validation code."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


def suggest_rule(selector: str, rules: Sequence[Named]) -> Suggestion:
    choices = [r.code for r in rules] + [r.name for r in rules]
    if selector[:3].lower() == "hbg":  # the letter O typed for a zero: HBG1O1 is HBG101
        digits = "HBG" + selector[3:].upper().replace("O", "0")
        if digits in choices:
            return Suggestion(digits)
    close = difflib.get_close_matches(
        selector.upper() if selector[:3].lower() == "hbg" else selector, choices, n=1, cutoff=0.5
    )
    return Suggestion(close[0] if close else "")


class Selector:
    """Resolves the configuration and command-line options into a Selection per plan.

    Per plan: the plan's own `select` (else the project's, else all rules), narrowed by the
    command line's --select; minus the project's, the plan's and the command line's ignores.
    Severity: the rule's default, then the project's `severity`, then the plan's.
    """

    def __init__(
        self, config: Config, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> None:
        from hbg_plan.rules import all_rules

        self.rules = all_rules()
        self.config = config
        self.cli_select = self._cli(select, "--select") if select else None
        self.cli_ignore = self._cli(ignore, "--ignore")
        self.base = self._settings(config.rules)
        self.per_plan = {plan_id: self._settings(s) for plan_id, s in config.per_plan.items()}
        self._cache: dict[str, Selection] = {}

    def _cli(self, selectors: Sequence[str], option: str) -> set[str]:
        codes: set[str] = set()
        for raw in selectors:
            for selector in filter(None, (part.strip() for part in raw.split(","))):
                found = _expand(selector, self.rules)
                if found is None:
                    raise SelectorError(option, selector, suggest_rule(selector, self.rules))
                codes |= found
        return codes

    def _config_codes(self, selectors: Sequence[str], key: str) -> set[str]:
        codes: set[str] = set()
        for selector in selectors:
            found = _expand(selector, self.rules)
            if found is None:
                raise self.config.error(
                    "config.unknown_rule",
                    key,
                    key=key,
                    rule=selector,
                    suggestion=suggest_rule(selector, self.rules),
                )
            codes |= found
        return codes

    def _settings(self, settings: RuleSettings) -> tuple[set[str] | None, set[str], dict[str, Severity]]:
        def key(name: str) -> str:
            return f"{settings.table}.{name}" if settings.table else name

        select = self._config_codes(settings.select, key("select")) if settings.select is not None else None
        ignore = self._config_codes(settings.ignore, key("ignore"))
        severity: dict[str, Severity] = {}
        for selector, level in settings.severity.items():
            for code in self._config_codes([selector], key(f"severity.{selector}")):
                severity[code] = SEVERITY_BY_NAME[level]
        return select, ignore, severity

    def for_plan(self, plan_id: str) -> Selection:
        if plan_id not in self._cache:
            base_select, base_ignore, base_severity = self.base
            own = self.per_plan.get(plan_id)
            select = own[0] if own and own[0] is not None else base_select
            enabled = set(select) if select is not None else {r.code for r in self.rules}
            if self.cli_select is not None:
                enabled &= self.cli_select
            enabled -= base_ignore | (own[1] if own else set()) | self.cli_ignore
            severity = {r.code: r.severity for r in self.rules}
            severity.update(base_severity)
            if own:
                severity.update(own[2])
            self._cache[plan_id] = Selection(frozenset(enabled), severity)
        return self._cache[plan_id]


# --- running the rules ------------------------------------------------------------------------


@dataclass
class CheckResult:
    findings: list[Finding]
    suppressed: list[Finding]
    plans: list[Plan]

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def fails(self, fail_on: str) -> bool:
        """Whether the findings reach the `--fail-on` level (error, warning or never)."""
        if fail_on == "never":
            return False
        threshold = Severity.WARNING if fail_on == "warning" else Severity.ERROR
        return any(f.severity >= threshold for f in self.findings)


UNSUPPRESSIBLE = frozenset({"HBG109"})


def _suppressed(finding: Finding, plan: Plan) -> bool:
    if finding.goal_id is None or finding.code in UNSUPPRESSIBLE:
        return False
    goal = plan.goal(finding.goal_id)
    return goal is not None and any(s.code == finding.code for s in goal.suppressions)


def run_checks(plans: Sequence[Plan], context: PlanSet, selector: Selector) -> CheckResult:
    """Every enabled rule over every plan in `plans`, configuration and suppressions applied."""
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    for plan in plans:
        selection = selector.for_plan(plan.id)
        for rule in selector.rules:
            if rule.code not in selection.enabled:
                continue
            for finding in rule.check(plan, context):
                level = selection.severity.get(finding.code, finding.severity)
                if level is not finding.severity:
                    finding = dataclasses.replace(finding, severity=level)
                (suppressed if _suppressed(finding, plan) else findings).append(finding)
    order = {plan.id: i for i, plan in reversed(list(enumerate(plans)))}
    findings.sort(key=lambda f: (order.get(f.plan_id, len(plans)), f.sort_key()))
    return CheckResult(findings, suppressed, list(plans))


__all__ = [
    "CheckResult",
    "ConfigError",
    "Finding",
    "PlanSet",
    "Selection",
    "Selector",
    "SelectorError",
    "SourceRef",
    "goal_finding",
    "run_checks",
    "topic_finding",
]


# --- accountability: goals and indicators per party or focus area -------------------------------


@dataclass
class AccountabilityRow:
    """Counts for one party or focus area. `key` None is the row of goals nobody is responsible for."""

    key: str | None
    label: str
    goals: int = 0
    measurable: int = 0
    not_measurable: int = 0
    partly_saknas: int = 0  # indicators stated, and "Saknas" beside them
    saknas: int = 0
    not_stated: int = 0
    goal_saknas: int = 0  # the document says "Saknas" instead of the goal

    @property
    def share(self) -> float | None:
        """Share of goals with a measurable indicator, 0..1; None when there are no goals."""
        return self.measurable / self.goals if self.goals else None

    def add(self, status: str) -> None:
        self.goals += 1
        setattr(self, status, getattr(self, status) + 1)


def indicator_status(goal: Goal) -> str:
    """The goal's indicators at a glance: measurable, not_measurable, partly_saknas, saknas,
    not_stated, or goal_saknas (the goal itself is "Saknas").

    Measurable when at least one indicator passes the HBG104 heuristic, or the goal suppresses
    HBG104 (someone has judged its indicators measurable). partly_saknas: indicators are stated
    and the document writes "Saknas" beside them.
    """
    from hbg_plan.rules.indicator_not_measurable import CODE, is_measurable

    if goal.goal_missing is not None:
        return "goal_saknas"
    if goal.indicators_partial is not None:
        return "partly_saknas"
    if goal.indicators_missing is not None:
        return "saknas" if goal.indicators_missing.kind == "saknas" else "not_stated"
    if any(s.code == CODE for s in goal.suppressions) or any(is_measurable(t) for t in goal.indicators):
        return "measurable"
    return "not_measurable"


def accountability(
    plan: Plan, by: str, party_names: Mapping[str, str]
) -> tuple[list[AccountabilityRow], AccountabilityRow]:
    """Rows per responsible party (`by="party"`) or focus area (`by="focus-area"`), and the total.

    A goal with several parties counts in each party's row and once in the total. Party rows are
    sorted by number of goals, then name; the row without a responsible party comes last.
    """
    rows: dict[str | None, AccountabilityRow] = {}
    total = AccountabilityRow(None, "")
    if by == "focus-area":
        for area in plan.focus_areas:
            number = f"{area.number}. " if area.number is not None else ""
            rows[area.id] = AccountabilityRow(area.id, number + area.title)
    for goal in plan.goals():
        status = indicator_status(goal)
        total.add(status)
        if by == "focus-area":
            rows[goal.focus_area_id].add(status)
            continue
        for party in goal.party_ids or (None,):
            if party not in rows:
                rows[party] = AccountabilityRow(party, party_names.get(party, party) if party else "")
            rows[party].add(status)
    ordered = list(rows.values())
    if by != "focus-area":
        ordered.sort(key=lambda r: (r.key is None, -r.goals, r.label.casefold()))
    return ordered, total
