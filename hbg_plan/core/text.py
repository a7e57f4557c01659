"""The one deferred message type: text whose language is chosen when it is printed.

A `Text` is a catalog id with its arguments; `hbg_plan.i18n.message` renders every argument that
is a Text in the language of the message it fills, so a problem found once prints in English or
Swedish. Used for labels inside messages ("a string", "did you mean 'X'?"), for the message of a
gap finding that another message wraps, and wherever a layer below the writers has to name
something in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hbg_plan.i18n import message


@dataclass(frozen=True, slots=True)
class Text:
    """Catalog text rendered late: `message_id` with `args`; `alternatives` are further ids shown
    after it, ' / '-separated ("a string / a number"). An empty id renders as nothing (a suggestion
    when there is no close match)."""

    message_id: str
    args: dict[str, Any] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()

    @classmethod
    def one_of(cls, *message_ids: str) -> Text:
        first, *rest = message_ids
        return cls(first, alternatives=tuple(rest))

    def render(self, lang: str = "en") -> str:
        if not self.message_id:
            return ""
        return " / ".join(message(i, lang, **self.args) for i in (self.message_id, *self.alternatives))

    def __str__(self) -> str:  # formatted directly, outside a message: English
        return self.render("en")

    def __format__(self, spec: str) -> str:
        return format(self.render("en"), spec)


NOTHING = Text("")


def did_you_mean(key: str) -> Text:
    """ " (did you mean 'X'?)" in the reader's language, or nothing when there is no close match."""
    return Text("schema.did_you_mean", {"key": key}) if key else NOTHING
