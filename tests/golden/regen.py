"""Regenerate the golden files of tests/test_golden.py.

    python tests/golden/regen.py            # every case
    python tests/golden/regen.py gaps-csv   # only the named cases

Regenerating is a deliberate behaviour change: review `git diff tests/golden/expected` and say in
the commit message which output changed and why.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.golden.cases import CASES
from tests.golden.run import EXPECTED, golden_path, run_case


def main(names: list[str]) -> int:
    known = dict(CASES)
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.stderr.write(f"unknown case(s): {', '.join(unknown)}\n")
        return 2
    EXPECTED.mkdir(exist_ok=True)
    wanted = set(names) or set(known)
    for name, args in CASES:
        if name in wanted:
            golden_path(name).write_text(run_case(args), encoding="utf-8", newline="")
            print(f"wrote {golden_path(name)}")
    if not names:
        stale = {p.stem for p in EXPECTED.glob("*.txt")} - set(known)
        for name in sorted(stale):
            golden_path(name).unlink()
            print(f"removed {name}.txt (no longer a case)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
