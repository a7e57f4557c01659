"""The gap rules, one module each; this registry discovers them.

A rule module defines CODE, NAME, SEVERITY, HINT (a message id in hbg_plan.i18n.gaps), a
docstring whose first line names the rule and which holds a `Bad::` and a `Good::` example,
and `check(plan, plans)`, a generator of Findings. Adding a rule is adding one file; modules
whose name starts with an underscore are helpers, not rules.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from hbg_plan.core.problem import Severity

if TYPE_CHECKING:
    from hbg_plan.gaps.context import Finding, PlanSet
    from hbg_plan.model.plan import Plan

CheckFunction = Callable[["Plan", "PlanSet"], Iterator["Finding"]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    hint: str  # message id
    doc: str
    check: CheckFunction
    module: str

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


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule module in this package, ordered by code."""
    rules: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(
            Rule(
                code=module.CODE,
                name=module.NAME,
                severity=module.SEVERITY,
                hint=module.HINT,
                doc=inspect.cleandoc(module.__doc__ or ""),
                check=module.check,
                module=module.__name__,
            )
        )
    rules.sort(key=lambda r: r.code)
    return tuple(rules)


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    for rule in all_rules():
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None
