"""GitHub Actions workflow commands: annotation lines with the escaping GitHub's toolkit uses.

Generic: callers pass plain values, so validate, gaps and diff share one implementation.
See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
"""

from __future__ import annotations

from hbg_plan.core.problem import Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def level_of(severity: Severity) -> str:
    return LEVELS[severity]


def escape_data(text: str) -> str:
    """Escape a command's message: '%', CR and LF (as actions/toolkit's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ':' and ',' (as escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    end_line: int | None = None,
    col: int | None = None,
    end_column: int | None = None,
    title: str | None = None,
) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line; empty or zero values are left out."""
    props: list[tuple[str, str]] = []
    if file:
        props.append(("file", file.replace("\\", "/")))
        for key, value in (("line", line), ("endLine", end_line), ("col", col), ("endColumn", end_column)):
            if value:
                props.append((key, str(value)))
    if title:
        props.append(("title", title))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{level}{' ' + joined if joined else ''}::{escape_data(message)}"
