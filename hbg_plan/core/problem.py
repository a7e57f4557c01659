"""Locations and diagnostics shared by the loader, the validator, the rules and the reporters."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from hbg_plan.i18n import message


class Severity(enum.IntEnum):
    """Ordered so that `max()` gives the worst severity."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a YAML file: 1-based line and column, plus the JSON pointer of the node."""

    file: str
    line: int = 0
    column: int = 0
    pointer: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at a place in a plan file: the one problem type of every layer.

    Validation reports Problems as they are (`Diagnostic` is the same type); a gap rule reports a
    `Finding` (hbg_plan.gaps.context), a Problem that also carries the plan, focus area, topic and
    goal it is about. `message_id` names a template in `hbg_plan.i18n.MESSAGES`; `args` fill it.
    The text is rendered per language by the writer, so the same problem prints in Swedish or
    English.
    """

    code: str
    message_id: str
    where: Location
    args: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    related: Location | None = None

    def render(self, lang: str = "en") -> str:
        return message(self.message_id, lang, **self.args)


Diagnostic = Problem  # the name validation uses for its problems


class PlanError(Exception):
    """Raised when a file cannot be turned into data at all; carries the diagnostic to print."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic
