"""Reporters for validation diagnostics: text (rich on a terminal, plain when piped) and JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from hbg_plan.core.problem import Diagnostic, Severity
from hbg_plan.i18n import message
from hbg_plan.io.invocation import config_in_use
from hbg_plan.output.envelope import envelope
from hbg_plan.validate.engine import FileResult

MAX_PER_FILE = 100


CONTROL = {i: f"\\x{i:02x}" for i in (*range(0x20), 0x7F)} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def one_line(text: str) -> str:
    """Escape control characters, so that a key like "a\\nb" cannot split a report line in two."""
    return text.translate(CONTROL)


def _line(d: Diagnostic, lang: str) -> tuple[str, str, str, str]:
    severity = message(f"label.{d.severity.label}", lang)
    pointer = f" [{d.where.pointer}]" if d.where.pointer else ""
    return one_line(str(d.where)), severity, d.code, one_line(d.render(lang) + pointer)


def render_text(
    results: Sequence[FileResult],
    problems: Sequence[Diagnostic],
    lang: str,
    color: bool,
    *,
    summary: bool = True,
) -> str:
    """One `file:line:col: severity CODE message [pointer]` line per diagnostic, then a summary
    (left out with `summary=False`, for --quiet)."""
    lines: list[str] = []
    styles = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for d in problems:
        lines.append(_fmt(d, lang, color, styles))
    for result in results:
        shown = result.diagnostics[:MAX_PER_FILE]
        lines.extend(_fmt(d, lang, color, styles) for d in shown)
        hidden = len(result.diagnostics) - len(shown)
        if hidden > 0:
            lines.append(message("cli.truncated", lang, count=hidden, limit=MAX_PER_FILE))
    if not summary:
        return "".join(line + "\n" for line in lines)
    errors = sum(r.errors for r in results) + sum(d.severity is Severity.ERROR for d in problems)
    warnings = sum(r.warnings for r in results)
    bad = sum(1 for r in results if r.diagnostics)
    if errors or warnings:
        counts = message(
            "cli.summary_bad", lang, files=len(results), errors=errors, warnings=warnings, bad=bad
        )
    else:
        counts = message("cli.summary_ok", lang, files=len(results))
    if color:
        from rich.markup import escape

        lines.append(f"[bold {'red' if errors else 'green'}]{escape(counts)}[/]")
    else:
        lines.append(counts)
    return "\n".join(lines) + "\n"


def _fmt(d: Diagnostic, lang: str, color: bool, styles: dict[Severity, str]) -> str:
    where, severity, code, text = _line(d, lang)
    if not color:
        return f"{where}: {severity} {code} {text}"
    from rich.markup import escape

    style = styles[d.severity]
    return f"[bold]{escape(where)}[/]: [{style}]{escape(severity)}[/] [dim]{code}[/] {escape(text)}"


def diagnostic_json(d: Diagnostic, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "code": d.code,
        "severity": d.severity.label,
        "message": d.render(lang),
        "file": d.where.file,
        "line": d.where.line,
        "column": d.where.column,
        "pointer": d.where.pointer,
    }
    if d.related:
        item["related"] = {"file": d.related.file, "line": d.related.line, "column": d.related.column}
    return item


def render_json(results: Sequence[FileResult], problems: Sequence[Diagnostic], lang: str) -> str:
    files = [
        {
            "path": r.display,
            "kind": r.kind,
            "plan_id": r.plan_id,
            "valid": r.errors == 0,
            "diagnostics": [diagnostic_json(d, lang) for d in r.diagnostics],
        }
        for r in results
    ]
    errors = sum(r.errors for r in results) + sum(d.severity is Severity.ERROR for d in problems)
    document = {
        **envelope("validate", lang),
        "config": config_in_use(),
        "valid": errors == 0,
        "files": files,
        "problems": [diagnostic_json(d, lang) for d in problems],
        "summary": {
            "files": len(results),
            "invalid_files": sum(1 for r in results if r.errors),
            "errors": errors,
            "warnings": sum(r.warnings for r in results),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
