"""The checker: runs the enabled rules over plans and returns Findings.

Rules live in `hbg_plan/gaps/rules/`, one module each; this module only loops over the enabled ones,
applies the configuration (select, ignore, severity, per-plan overrides) and the goals' own
suppressions. Rules that compare versions or levels get the whole `PlanSet` of the folder.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Severity
from hbg_plan.core.text import Text, did_you_mean
from hbg_plan.gaps.context import Finding, PlanSet, RuleOptions, SourceRef, goal_finding, topic_finding
from hbg_plan.gaps.rules import Rule, all_rules
from hbg_plan.gaps.rules.indicator_not_measurable import is_measurable
from hbg_plan.io.config import Config, ConfigError, RuleSettings
from hbg_plan.model.plan import Goal, PartyRegistry, Plan
from hbg_plan.validate.engine import FileResult, ValidationRun
from hbg_plan.workspace import load_catalog

SEVERITY_BY_NAME = {s.label: s for s in Severity}


# --- selection: which rules run, at which severity --------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The rules enabled for one plan and their severities."""

    enabled: frozenset[str]
    severity: Mapping[str, Severity]
    options: Mapping[str, RuleOptions] = dataclasses.field(default_factory=dict)  # by rule code


class SelectorError(Exception):
    """A rule selector given on the command line that names no rule."""

    def __init__(self, option: str, selector: str, suggestion: Text) -> None:
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


def suggest_rule(selector: str, rules: Sequence[Named]) -> Text:
    choices = [r.code for r in rules] + [r.name for r in rules]
    if selector[:3].lower() == "hbg":  # the letter O typed for a zero: HBG1O1 is HBG101
        digits = "HBG" + selector[3:].upper().replace("O", "0")
        if digits in choices:
            return did_you_mean(digits)
    close = difflib.get_close_matches(
        selector.upper() if selector[:3].lower() == "hbg" else selector, choices, n=1, cutoff=0.5
    )
    return did_you_mean(close[0] if close else "")


class Selector:
    """Resolves the configuration and command-line options into a Selection per plan.

    Per plan: the plan's own `select` (else the project's, else all rules), narrowed by the
    command line's --select; minus the project's, the plan's and the command line's ignores.
    Severity: the rule's default, then the project's `severity`, then the plan's. Options: the
    rule's defaults, then the project's `options`, then the plan's.
    """

    def __init__(
        self, config: Config, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
    ) -> None:
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

    def _settings(
        self, settings: RuleSettings
    ) -> tuple[set[str] | None, set[str], dict[str, Severity], dict[str, dict[str, tuple[str, ...]]]]:
        def key(name: str) -> str:
            return f"{settings.table}.{name}" if settings.table else name

        select = self._config_codes(settings.select, key("select")) if settings.select is not None else None
        ignore = self._config_codes(settings.ignore, key("ignore"))
        severity: dict[str, Severity] = {}
        for selector, level in settings.severity.items():
            for code in self._config_codes([selector], key(f"severity.{selector}")):
                severity[code] = SEVERITY_BY_NAME[level]
        return select, ignore, severity, self._options(settings, key)

    def _options(
        self, settings: RuleSettings, key: Callable[[str], str]
    ) -> dict[str, dict[str, tuple[str, ...]]]:
        """Option values by rule code, checked against what each rule declares."""
        by_code = {r.code: r for r in self.rules}
        options: dict[str, dict[str, tuple[str, ...]]] = {}
        for selector, values in settings.options.items():
            for code in self._config_codes([selector], key(f"options.{selector}")):
                declared = by_code[code].options
                for name, chosen in values.items():
                    dotted = key(f"options.{selector}.{name}")
                    if name not in declared:
                        raise self.config.error(
                            "config.unknown_option", dotted, key=dotted, rule=code,
                            suggestion=did_you_mean(next(iter(difflib.get_close_matches(name, declared, 1)), "")),
                            known=", ".join(declared) or "-",
                        )  # fmt: skip
                    wrong = [v for v in chosen if v not in declared[name].choices]
                    if wrong:
                        raise self.config.error(
                            "config.bad_choice", dotted, key=dotted, value=repr(wrong[0]),
                            allowed=", ".join(declared[name].choices),
                        )  # fmt: skip
                    options.setdefault(code, {})[name] = chosen
        return options

    def for_plan(self, plan_id: str) -> Selection:
        if plan_id not in self._cache:
            base_select, base_ignore, base_severity, base_options = self.base
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
            options = {code: dict(values) for code, values in base_options.items()}
            for code, values in (own[3] if own else {}).items():
                options.setdefault(code, {}).update(values)
            self._cache[plan_id] = Selection(frozenset(enabled), severity, options)
        return self._cache[plan_id]


# --- running the rules ------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedPlan:
    """What a report needs of a checked plan, without the plan (which a corpus run does not keep)."""

    id: str
    title: str
    file: str  # as the plan's locations name it
    path: Path

    @classmethod
    def of(cls, plan: Plan) -> CheckedPlan:
        return cls(plan.id, plan.title, plan.doc.file, plan.path)


@dataclass
class CheckResult:
    findings: list[Finding]
    suppressed: list[Finding]
    plans: list[CheckedPlan]

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


def check_plan(plan: Plan, context: PlanSet, selector: Selector) -> tuple[list[Finding], list[Finding]]:
    """(findings, suppressed findings) of every enabled rule over one plan."""
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    selection = selector.for_plan(plan.id)
    for rule in selector.rules:
        if rule.code not in selection.enabled:
            continue
        level = selection.severity.get(rule.code, rule.severity)
        for found in rule.run(plan, context, selection.options.get(rule.code)):
            finding = dataclasses.replace(found, code=rule.code, severity=level)
            (suppressed if _suppressed(finding, plan) else findings).append(finding)
    return findings, suppressed


def sorted_result(
    findings: list[Finding], suppressed: list[Finding], plans: list[CheckedPlan]
) -> CheckResult:
    """The result with its findings in report order: by plan (as given), then by place."""
    order = {plan.id: i for i, plan in reversed(list(enumerate(plans)))}
    findings.sort(key=lambda f: (order.get(f.plan_id, len(plans)), f.sort_key()))
    return CheckResult(findings, suppressed, plans)


def run_checks(plans: Sequence[Plan], context: PlanSet, selector: Selector) -> CheckResult:
    """Every enabled rule over every plan in `plans`, configuration and suppressions applied."""
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    with collector_paused():  # findings are many small objects; the plans are all alive
        for plan in plans:
            found, hidden = check_plan(plan, context, selector)
            findings += found
            suppressed += hidden
    return sorted_result(findings, suppressed, [CheckedPlan.of(plan) for plan in plans])


def gap_diagnostics(
    run: ValidationRun,
    selector: Selector,
    fail_on: str,
    keep: Callable[[CheckResult], CheckResult] | None = None,
) -> bool:
    """For `validate --gaps`: run the rules over the validated plans and add their findings.

    Each finding becomes a Diagnostic of the file it is in. The plans' folders are loaded as
    context for the rules that compare versions; `keep` filters the result (the baseline). Returns
    whether the findings reach `fail_on`.
    """
    plans = [r.plan for r in run.results if r.plan is not None]
    if not plans:
        return False
    context: list[Plan] = list(plans)
    loaded = {p.path.resolve(): p for p in reversed(plans)}  # the first plan of a file, as before
    for folder in dict.fromkeys(p.path.parent.resolve() for p in plans):
        context += [p for p in load_catalog(folder, loaded).plans.values() if p.path.resolve() not in loaded]
    return attach_findings(run, run_checks(plans, PlanSet(context), selector), fail_on, keep)


def attach_findings(
    run: ValidationRun,
    result: CheckResult,
    fail_on: str,
    keep: Callable[[CheckResult], CheckResult] | None = None,
) -> bool:
    """Each finding (those `keep` keeps) as a Diagnostic of the first file of its plan; whether
    they reach `fail_on`."""
    if keep is not None:
        result = keep(result)
    owners: dict[str, FileResult] = {}
    for file_result in run.results:
        if file_result.plan_id is not None:
            owners.setdefault(file_result.plan_id, file_result)
    for finding in result.findings:
        owners[finding.plan_id].diagnostics.append(finding.to_diagnostic())
    return result.fails(fail_on)


__all__ = [
    "CheckResult",
    "ConfigError",
    "Finding",
    "PlanSet",
    "Selection",
    "Selector",
    "SelectorError",
    "SourceRef",
    "attach_findings",
    "gap_diagnostics",
    "goal_finding",
    "run_checks",
    "topic_finding",
    "unit_departments",
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


def accountability_status(goal: Goal) -> str:
    """The goal's column in `summary`: measurable, not_measurable, partly_saknas, saknas,
    not_stated, or goal_saknas (the goal itself is "Saknas"). Not the diff's
    `indicator_status` (present, partial, saknas, not-stated: whether indicators are listed).

    Measurable when at least one indicator passes the HBG104 classifier, or the goal suppresses
    HBG104 (someone has judged its indicators measurable). partly_saknas: indicators are stated
    and the document writes "Saknas" beside them.
    """
    if goal.goal_missing is not None:
        return "goal_saknas"
    if goal.indicators_partial is not None:
        return "partly_saknas"
    if goal.indicators_missing is not None:
        return "saknas" if goal.indicators_missing.kind == "saknas" else "not_stated"
    if any(s.code == "HBG104" for s in goal.suppressions) or any(is_measurable(t) for t in goal.indicators):
        return "measurable"
    return "not_measurable"


def unit_departments(registry: PartyRegistry | None) -> dict[str, str]:
    """Each party of type `unit` → the party it rolls up to: its `part_of`, followed while that is
    a unit too (Familjehuset → socialtjänsten, ANDTS-samordnaren → sof). A unit whose `part_of` is
    missing or unknown stays itself."""
    if registry is None:
        return {}
    parties = registry.parties
    departments: dict[str, str] = {}
    for party in parties.values():
        if party.type != "unit":
            continue
        current, seen = party, {party.id}
        while current.type == "unit" and current.part_of in parties and current.part_of not in seen:
            current = parties[current.part_of]
            seen.add(current.id)
        if current.id != party.id:
            departments[party.id] = current.id
    return departments


def accountability(
    plan: Plan, by: str, party_names: Mapping[str, str], roll_up: Mapping[str, str] | None = None
) -> tuple[list[AccountabilityRow], AccountabilityRow]:
    """Rows per responsible party (`by="party"` or `"unit"`) or focus area (`by="focus-area"`),
    and the total.

    `roll_up` maps a unit to the department it counts under (see `unit_departments`; `by="party"`);
    without it (`by="unit"`) every party has its own row. A goal with several parties counts in
    each party's row once (a unit and its department together count once) and once in the total.
    Party rows are sorted by number of goals, then name; the row without a responsible party
    comes last.
    """
    rows: dict[str | None, AccountabilityRow] = {}
    total = AccountabilityRow(None, "")
    if by == "focus-area":
        for area in plan.focus_areas:
            number = f"{area.number}. " if area.number is not None else ""
            rows[area.id] = AccountabilityRow(area.id, number + area.title)
    for goal in plan.goals():
        status = accountability_status(goal)
        total.add(status)
        if by == "focus-area":
            rows[goal.focus_area_id].add(status)
            continue
        owners = dict.fromkeys((roll_up or {}).get(p, p) for p in goal.party_ids)
        for party in owners or (None,):
            if party not in rows:
                rows[party] = AccountabilityRow(party, party_names.get(party, party) if party else "")
            rows[party].add(status)
    ordered = list(rows.values())
    if by != "focus-area":
        ordered.sort(key=lambda r: (r.key is None, -r.goals, r.label.casefold()))
    return ordered, total
