"""Regenerate docs/rules.md from the rule docstrings and the message catalogs.

python scripts/rules_doc.py           # write docs/rules.md
python scripts/rules_doc.py --check   # exit 1 when docs/rules.md is out of date (CI)
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hbg_plan.output.ruledocs import render_markdown  # noqa: E402

TARGET = REPO / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = render_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.stderr.write(f"{TARGET.relative_to(REPO)} is out of date: run python scripts/rules_doc.py\n")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET.relative_to(REPO)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
