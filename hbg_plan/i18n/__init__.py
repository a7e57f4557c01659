"""Every human-facing string in English and Swedish.

Catalogs live in one module per feature (`core`, `diff`, `gaps`, …) so that features add their
labels without touching each other. A catalog maps an id to `{"en": …, "sv": …}` templates in
`str.format` syntax. A test checks that every id has both languages with the same placeholders.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

LANGUAGES = ("en", "sv")
CATALOG_MODULES = (
    "core",
    "diff",
    "gaps",
    "report",
    "hostile",
    "ci",
    "confine",
    "brief",
    "importer",
    "model",
    "cli",
    "cache",
)

Catalog = dict[str, dict[str, str]]


@cache
def catalog() -> Catalog:
    merged: Catalog = {}
    for name in CATALOG_MODULES:
        module = importlib.import_module(f"hbg_plan.i18n.{name}")
        entries: Catalog = module.MESSAGES
        clash = merged.keys() & entries.keys()
        if clash:
            raise RuntimeError(f"message ids defined twice: {sorted(clash)}")
        merged.update(entries)
    return merged


def message(message_id: str, lang: str = "en", /, **args: Any) -> str:
    """The template `message_id` in `lang`, filled with `args`; falls back to English.

    A counted message is declared as two ids, `message_id.one` and `message_id.many`; the
    `count` argument picks the form (see `plural`), so callers need not know which messages count.
    """
    entry = catalog().get(message_id)
    if entry is None and isinstance(args.get("count"), int):
        entry = catalog().get(f"{message_id}.{plural_form(args['count'])}")
    if entry is None:
        return message_id + (f" {args}" if args else "")
    template = entry.get(lang) or entry["en"]
    rendered = {k: v.render(lang) if hasattr(v, "render") else v for k, v in args.items()}
    return template.format(**rendered)


def plural(message_id: str, lang: str, count: int, /, **args: Any) -> str:
    """The singular (`message_id.one`) or plural (`message_id.many`) form for `count`, which fills {count}.

    Both languages use the singular for exactly 1 and the plural otherwise (0 mål, 1 mål, 2 mål;
    0 goals, 1 goal, 2 goals), so a catalog declares the two forms as two ids.
    """
    return message(f"{message_id}.{plural_form(count)}", lang, count=count, **args)


def counted(noun: str, lang: str, count: int) -> str:
    """`count` with its noun in the right form: "1 file", "2 files", "2 filer" (catalog `count.NOUN.one/many`)."""
    return plural(f"count.{noun}", lang, count)


def plural_form(count: int) -> str:
    """'one' for exactly 1, else 'many': the rule of both English and Swedish (0 mål, 2 mål)."""
    return "one" if count == 1 else "many"
