"""The gap rules, one module each; this registry finds them from the code table.

Each gap code of hbg_plan/core/codes.py (GAP_CODES: code, name, default severity) has one module
here named after the code's name (HBG101 `indicator-saknas` is `indicator_saknas.py`). A rule
module holds only a docstring whose first line names the rule and which holds a `Bad::` and a
`Good::` example, and `check(plan, plans)`, a generator of Findings; it declares no code, name or
severity of its own (the engine stamps them on its findings). A rule with settings declares them
as `OPTIONS = {name: Option(...)}` and takes them as `check(plan, plans, options)`. Its messages are
`rule.CODE.summary`, `rule.CODE.description` and `rule.CODE.hint` in hbg_plan/i18n. Modules whose
name starts with an underscore are helpers, not rules.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from hbg_plan.core.codes import GAP_CODES
from hbg_plan.core.problem import Severity

if TYPE_CHECKING:
    from hbg_plan.gaps.context import Finding, Option, PlanSet, RuleOptions
    from hbg_plan.model.plan import Plan

CheckFunction = Callable[..., Iterator["Finding"]]  # (plan, plans) or (plan, plans, options)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    hint: str  # message id
    doc: str
    check: CheckFunction
    module: str
    options: Mapping[str, Option] = field(default_factory=dict)

    def run(self, plan: Plan, plans: PlanSet, options: RuleOptions | None = None) -> Iterator[Finding]:
        """The rule's findings on `plan`, with `options` (default: the declared defaults)."""
        if not self.options:
            return self.check(plan, plans)
        values = {name: option.default for name, option in self.options.items()}
        values.update(options or {})
        return self.check(plan, plans, values)

    @property
    def summary_id(self) -> str:
        return f"rule.{self.code}.summary"

    @property
    def description_id(self) -> str:
        return f"rule.{self.code}.description"

    def examples(self) -> dict[str, str]:
        """The `Bad::` and `Good::` blocks of the docstring, dedented."""
        return docstring_examples(self.doc)


def docstring_examples(doc: str) -> dict[str, str]:
    examples: dict[str, str] = {}
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        label = lines[i].strip()
        if label in ("Bad::", "Good::"):
            block: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            examples[label[:-2].lower()] = textwrap.dedent("\n".join(block)).strip("\n")
            continue
        i += 1
    return examples


def module_name(name: str) -> str:
    """The module of the rule named `name`: `indicator-saknas` → `indicator_saknas`."""
    return name.replace("-", "_")


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every gap code of the code table with its rule module, ordered by code.

    A module in this package that no code names is an error (a rule nobody could select).
    """
    wanted = {module_name(c.name): c for c in GAP_CODES.values()}
    found = {info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")}
    if found != set(wanted):
        raise RuntimeError(
            f"gap rule modules and hbg_plan/core/codes.py GAP_CODES disagree: "
            f"modules without a code {sorted(found - set(wanted))}, codes without a module "
            f"{sorted(set(wanted) - found)}"
        )
    rules: list[Rule] = []
    for name, code in wanted.items():
        module = importlib.import_module(f"{__name__}.{name}")
        rules.append(
            Rule(
                code=code.code,
                name=code.name,
                severity=code.severity,
                hint=f"rule.{code.code}.hint",
                doc=inspect.cleandoc(module.__doc__ or ""),
                check=module.check,
                module=module.__name__,
                options=_declared(module),
            )
        )
    rules.sort(key=lambda r: r.code)
    return tuple(rules)


def _declared(module: Any) -> dict[str, Option]:
    return dict(getattr(module, "OPTIONS", {}))


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    by_key = _rules_by_key()
    return by_key.get(wanted.upper()) or by_key.get(wanted.lower())


@cache
def _rules_by_key() -> dict[str, Rule]:
    """Every rule by code and by name (a lookup per finding in the reports)."""
    rules = all_rules()
    return {**{r.name: r for r in reversed(rules)}, **{r.code: r for r in reversed(rules)}}
