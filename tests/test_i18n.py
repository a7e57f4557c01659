"""Every message exists in English and Swedish, with the same placeholders."""

from __future__ import annotations

import string

from hbg_plan.i18n import LANGUAGES, catalog


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for message_id, entry in catalog().items():
        missing = [lang for lang in LANGUAGES if not entry.get(lang)]
        if missing:
            problems.append(f"{message_id}: missing {missing}")
            continue
        if _fields(entry["en"]) != _fields(entry["sv"]):
            problems.append(f"{message_id}: placeholders differ")
    assert not problems, problems
