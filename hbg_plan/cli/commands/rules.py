"""`hbg-plan rules [CODE]`: every code (validation HBG0xx, gap rules HBG1xx), or one explained with its
examples and fix."""

from __future__ import annotations

import enum
import json

import typer

from hbg_plan.cli.context import LANG_OPTION, Lang, fail_usage, format_option, load_settings, write_report
from hbg_plan.gaps.engine import suggest_rule
from hbg_plan.i18n import message
from hbg_plan.output.envelope import envelope
from hbg_plan.output.ruledocs import Explained, everything, explain, option_lines

RulesFormat = enum.StrEnum("RulesFormat", ["text", "json"])


def rules(
    code: str = typer.Argument(
        None,
        metavar="CODE",
        help="A code (HBG025, HBG101) or rule name to explain (default: list every code).",
    ),
    output_format: RulesFormat = format_option(RulesFormat.text),
    lang: Lang = LANG_OPTION,
) -> None:
    """List every code (validation codes HBG0xx, gap rules HBG1xx), or explain one: what it finds,
    a failing and a passing example, the fix. docs/rules.md has them all."""
    _, language = load_settings(lang)
    chosen: list[Explained] = everything()
    if code is not None:
        entry = explain(code)
        if entry is None:
            suggestion = suggest_rule(code, everything())
            raise fail_usage(message("rules.unknown", language, rule=code, suggestion=suggestion))
        chosen = [entry]
    if output_format is RulesFormat.json:
        items = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.kind,
                "severity": r.severity.label,
                "summary": r.summary(language),
                "description": r.description(language),
                "hint": r.hint(language),
                "examples": r.examples(),
                "help_uri": r.help_uri,
            }
            for r in chosen
        ]
        write_report(
            json.dumps({**envelope("rules", language), "rules": items}, ensure_ascii=False, indent=2) + "\n",
            None,
            language,
        )
        return
    if code is None:
        width = max(len(r.name) for r in chosen)
        lines: list[str] = []
        previous = chosen[0].kind
        for r in chosen:
            if lines and r.kind != previous:
                lines.append("")  # the validation codes, then the gap rules
            previous = r.kind
            lines.append(
                f"{r.code}  {r.name.ljust(width)}  {message(f'label.{r.severity.label}', language):8}  "
                f"{r.summary(language)}"
            )
        write_report("\n".join(lines) + "\n", None, language)
        return
    rule = chosen[0]
    examples = rule.examples()
    description = rule.description(language)
    lines = [
        f"{rule.code} {rule.name}: {rule.summary(language)}",
        message("rules.severity", language, severity=message(f"label.{rule.severity.label}", language)),
        *(["", description] if description else []),
    ]
    options = option_lines(rule, language)
    if options:
        lines += ["", options[0], *("    " + line for line in options[1:])]
    for key, label in (("bad", "rules.bad"), ("good", "rules.good")):
        if key in examples:
            lines += [
                "",
                f"{message(label, language)}:",
                *("    " + line for line in examples[key].splitlines()),
            ]
    lines += ["", f"{message('rules.hint', language)}: {rule.hint(language)}"]
    write_report("\n".join(lines) + "\n", None, language)


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)
