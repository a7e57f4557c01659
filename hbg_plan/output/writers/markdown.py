"""The one Markdown escaper: plan text made inert, whatever report it stands in.

Backslash-escapes what Markdown (CommonMark and GitHub's tables) would read as markup: emphasis
and strike-through (`* _ ~`), code spans, links and images (`[ ]`), HTML (`< >`), headings (`#`),
table cells (`|`) and the backslash itself; runs of white space become one space.
"""

from __future__ import annotations

import re

SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Verbatim plan text made inert in Markdown (no accidental emphasis, links, tables or HTML)."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))
