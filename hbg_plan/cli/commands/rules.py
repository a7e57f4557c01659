"""`hbg-plan rules [CODE]`: the gap rules, or one rule explained with its examples and fix."""

from __future__ import annotations

import enum
import json

import typer

from hbg_plan.cli.context import LANG_OPTION, Lang, fail_usage, load_settings, write_report
from hbg_plan.gaps.engine import suggest_rule
from hbg_plan.i18n import message
from hbg_plan.output.ruledocs import Explained, everything, explain


class RulesFormat(enum.StrEnum):
    text = "text"
    json = "json"


def rules(
    code: str = typer.Argument(None, metavar="CODE", help="A rule code (HBG101) or name to explain."),
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="Output format."),
    lang: Lang = LANG_OPTION,
) -> None:
    """List the gap rules, or explain one (a gap rule HBG1xx or a validation code HBG0xx): what it
    finds, a failing and a passing example, the fix. docs/rules.md has them all."""
    _, language = load_settings(lang)
    chosen: list[Explained] = [e for e in everything() if e.kind == "gap"]
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
                "severity": r.severity.label,
                "summary": r.summary(language),
                "description": r.description(language),
                "hint": r.hint(language),
                "examples": r.examples(),
            }
            for r in chosen
        ]
        write_report(
            json.dumps(items if code is None else items[0], ensure_ascii=False, indent=2) + "\n",
            None,
            language,
        )
        return
    if code is None:
        width = max(len(r.name) for r in chosen)
        lines = [
            f"{r.code}  {r.name.ljust(width)}  {message(f'label.{r.severity.label}', language):8}  "
            f"{r.summary(language)}"
            for r in chosen
        ]
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
