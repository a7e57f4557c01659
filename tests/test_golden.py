"""Golden files: the exact output of every command, in every format, on the bundled plans.

Each case in tests/golden/cases.py runs the real CLI and compares exit code, stdout, stderr and
any written file with tests/golden/expected/NAME.txt. Only what is truly volatile is normalised
(the hbg-plan version, temporary and checkout paths; an .xlsx is compared as its cell values).

These files pin behaviour through refactoring: a change to a golden must be a DELIBERATE behaviour
change. Regenerate only the affected cases, review the diff, and name the change in the commit:

    python tests/golden/regen.py CASE [CASE ...]     # or with no argument: every case
    git diff --stat tests/golden/expected
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden.cases import CASES
from tests.golden.run import EXPECTED, golden_path, run_case


@pytest.mark.parametrize(("name", "args"), CASES, ids=[name for name, _ in CASES])
def test_output_matches_golden(name: str, args: tuple[str, ...]) -> None:
    expected = golden_path(name).read_bytes().decode("utf-8")
    actual = run_case(args)
    if actual != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    f"expected/{name}.txt",
                    "actual",
                    n=2,
                )
            )[:80]
        )
        pytest.fail(
            f"output of `hbg-plan {' '.join(args)}` differs from its golden (first lines of the diff):\n"
            f"{diff}\nIf the change is deliberate: python tests/golden/regen.py {name}",
            pytrace=False,
        )


def test_every_golden_file_has_a_case() -> None:
    names = {name for name, _ in CASES}
    assert len(names) == len(CASES), "two cases share a name"
    assert {p.stem for p in EXPECTED.glob("*.txt")} == names
