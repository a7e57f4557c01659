"""One description of every code, validation (HBG0xx) and gap rule (HBG1xx) alike.

`hbg-plan rules CODE`, the SARIF rule metadata (shortDescription, fullDescription, help with the
examples, helpUri) and docs/rules.md (`python scripts/rules_doc.py`) all come from here, so they
cannot drift apart. The texts come from the rule modules' docstrings (hbg_plan/rules/), the
validation codes' docstrings (hbg_plan/codes.py) and the message catalogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hbg_plan import PROJECT_URL
from hbg_plan.core.codes import VALIDATION_CODES, Code, find_code
from hbg_plan.core.problem import Severity
from hbg_plan.gaps.rules import Rule, all_rules, docstring_examples, find_rule
from hbg_plan.i18n import catalog, message
from hbg_plan.io import invocation
from hbg_plan.output.writers import sarif

# Where docs/rules.md is published by default: in the project's repository ([project.urls] in
# pyproject.toml). SARIF helpUri points at a rule's section of it; `rules-url` in the configuration
# names another copy (a fork, an intranet page).
DEFAULT_RULES_DOC_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"


def rules_doc_url() -> str:
    """The rules document this run links to: the configured `rules-url`, else the project's."""
    return invocation.CURRENT.rules_url or DEFAULT_RULES_DOC_URL


@dataclass(frozen=True)
class Explained:
    code: str
    name: str
    severity: Severity
    kind: str  # "validation" | "gap"
    source: Rule | Code

    @property
    def anchor(self) -> str:
        """The GitHub anchor of the rule's heading `### CODE name` in docs/rules.md."""
        return f"{self.code.lower()}-{self.name}"

    @property
    def help_uri(self) -> str:
        return f"{rules_doc_url()}#{self.anchor}"

    def summary(self, lang: str) -> str:
        return message(self.source.summary_id, lang)

    def description(self, lang: str) -> str | None:
        """What the code checks, in `lang`; None for a validation code in a language it lacks."""
        if isinstance(self.source, Rule):
            return (
                message(self.source.description_id, lang) if self.source.description_id in catalog() else None
            )
        if lang != "en":
            return None
        return self.source.doc.split("\nBad::", 1)[0].strip()

    def hint(self, lang: str) -> str:
        return message(self.source.hint, lang)

    def examples(self) -> dict[str, str]:
        return docstring_examples(self.source.doc)


def _from_rule(rule: Rule) -> Explained:
    return Explained(rule.code, rule.name, rule.severity, "gap", rule)


def _from_code(code: Code) -> Explained:
    return Explained(code.code, code.name, code.severity, "validation", code)


def everything() -> list[Explained]:
    """Every code, validation codes first, each group ordered by code."""
    return [_from_code(c) for c in VALIDATION_CODES] + [_from_rule(r) for r in all_rules()]


def explain(code_or_name: str) -> Explained | None:
    rule = find_rule(code_or_name)
    if rule is not None:
        return _from_rule(rule)
    code = find_code(code_or_name)
    return _from_code(code) if code is not None else None


def annotation_title(code: str) -> str:
    """The title of a GitHub annotation, the same in every command: `CODE rule-name`."""
    entry = explain(code)
    return f"{entry.code} {entry.name}" if entry else code


def help_markdown(entry: Explained, lang: str) -> str:
    """The help of a rule as Markdown: description, the failing and passing example, the fix."""
    return _help(
        entry,
        lang,
        f"**{entry.code} {entry.name}**: {entry.summary(lang)}",
        lambda example: f"\n\n```yaml\n{example}\n```",
    )


def help_text(entry: Explained, lang: str) -> str:
    return _help(
        entry,
        lang,
        f"{entry.code} {entry.name}: {entry.summary(lang)}",
        lambda example: "\n" + "\n".join("    " + line for line in example.splitlines()),
    )


def _help(entry: Explained, lang: str, title: str, example_block: Callable[[str], str]) -> str:
    """Title, description, the failing and the passing example (each through `example_block`), fix."""
    parts = [title]
    description = entry.description(lang)
    if description:
        parts.append(description)
    examples = entry.examples()
    for key, label in (("bad", "rules.bad"), ("good", "rules.good")):
        if key in examples:
            parts.append(f"{message(label, lang)}:{example_block(examples[key])}")
    parts.append(f"{message('rules.hint', lang)}: {entry.hint(lang)}")
    return "\n\n".join(parts)


def sarif_rule(code: str, lang: str, tags: tuple[str, ...] = ("hbg-plan",)) -> sarif.SarifRule:
    """The SARIF reportingDescriptor of a code, with help and a link to its section of docs/rules.md."""
    entry = explain(code)
    if entry is None:
        return sarif.SarifRule(code, help_text=code, full_description=code, short_description=code)
    summary = entry.summary(lang)
    return sarif.SarifRule(
        id=entry.code,
        name=entry.name,
        short_description=summary,
        full_description=entry.description(lang) or f"{summary}. {entry.hint(lang)}",
        help_text=help_text(entry, lang),
        help_markdown=help_markdown(entry, lang),
        level=sarif.level_of(entry.severity),
        help_uri=entry.help_uri,
        properties={"tags": [*tags, entry.kind]},
    )


def option_lines(entry: Explained, lang: str) -> list[str]:
    """The rule's options as set in the configuration: a heading line, then one line per option."""
    if not isinstance(entry.source, Rule) or not entry.source.options:
        return []
    lines = [message("rules.options", lang, name=entry.name) + ":"]
    for name, option in entry.source.options.items():
        lines.append(
            message(
                "rules.option", lang, option=name, default=", ".join(f"'{v}'" for v in option.default),
                choices=", ".join(f"'{v}'" for v in option.choices), doc=message(f"rule.{entry.code}.option.{name}", lang),
            )
        )  # fmt: skip
    return lines


def _options_markdown(entry: Explained) -> list[str]:
    lines = option_lines(entry, "en")
    return [lines[0], "", *(f"- {line}" for line in lines[1:]), ""] if lines else []


def render_markdown() -> str:
    """docs/rules.md: every code with its summary, description, examples and fix (English)."""
    entries = everything()
    lines = [
        "# hbg-plan rules",
        "",
        "<!-- Generated by `python scripts/rules_doc.py` from hbg_plan/codes.py, hbg_plan/rules/ and the",
        "     message catalogs; tests/test_rules_doc.py fails when this file is out of date. -->",
        "",
        "Every code hbg-plan reports. **Validation codes** (HBG0xx) come from `hbg-plan validate`: the",
        "file cannot be trusted until they are fixed. **Gap rules** (HBG1xx) come from `hbg-plan gaps`",
        "and `validate --gaps`: the plan is well formed, but something a follow-up needs is missing.",
        "`hbg-plan rules CODE` prints the same explanation in English or Swedish.",
        "",
    ]
    for kind, title in (("validation", "Validation codes"), ("gap", "Gap rules")):
        lines += [f"## {title}", "", "| code | name | default | checks |", "| --- | --- | --- | --- |"]
        lines += [
            f"| [{e.code}](#{e.anchor}) | `{e.name}` | {e.severity.label} | {e.summary('en')} |"
            for e in entries
            if e.kind == kind
        ]
        lines.append("")
    for entry in entries:
        lines += [
            f"### {entry.code} {entry.name}",
            "",
            f"{entry.summary('en')}. Default: **{entry.severity.label}**.",
            "",
        ]
        description = entry.description("en")
        if description:
            lines += [description, ""]
        lines += _options_markdown(entry)
        examples = entry.examples()
        for key, label in (("bad", "Fails"), ("good", "Passes")):
            if key in examples:
                lines += [f"{label}:", "", "```yaml", examples[key], "```", ""]
        lines += [f"How to fix: {entry.hint('en')}", ""]
    return "\n".join(lines)
