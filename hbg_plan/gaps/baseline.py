"""A gap baseline: adopt the gap rules on plans that already have gaps, and fail only on new ones.

`hbg-plan gaps --write-baseline FILE` records today's findings; `--baseline FILE` (or `baseline`
in the configuration, for `validate --gaps`) then reports only findings that are not in it. A
finding is recorded by a fingerprint that survives edits elsewhere in the file: the plan id, the
goal id (or the topic id, for rules about a topic) and the rule code, never a line number. The
same fingerprint may occur several times (a rule can find two things in one goal), so the
baseline is a multiset: each recorded entry excuses one finding.

An entry that no longer matches any finding is stale: the gap has been closed. Stale entries are
reported (so the baseline can be rewritten) but do not fail the run. Entries are judged only for
the plans that were checked and the rules that ran for them, so checking one plan or one rule
does not make the rest of the baseline look stale.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hbg_plan.gaps.engine import CheckResult, Finding
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.io.confine import Refused, Rule, read_bounded

KIND = "baseline"
VERSION = 1
MAX_BYTES = 20_000_000

Fingerprint = tuple[str, str, str]  # (plan id, goal or topic id or "", rule code)


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a baseline; `message_id` and `args` say why."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args

    def render(self, lang: str) -> str:

        return message(self.message_id, lang, **self.args_)


def fingerprint(finding: Finding) -> Fingerprint:
    return (finding.plan_id, finding.goal_id or finding.topic_id or "", finding.code)


@dataclass(frozen=True)
class Applied:
    """Findings after the baseline: the new ones, how many known ones it excused, its stale entries."""

    new: list[Finding]
    known: int
    stale: list[Fingerprint]


def render_baseline(findings: Iterable[Finding]) -> str:
    """The baseline file for `findings`: sorted, one entry per finding, stable across runs."""

    entries = []
    for plan_id, subject, code in sorted(fingerprint(f) for f in findings):
        rule = find_rule(code)
        entries.append({"plan": plan_id, "subject": subject, "code": code, "rule": rule.name if rule else ""})
    lines = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in entries)
    header = json.dumps({"tool": "hbg-plan", "kind": KIND, "version": VERSION}, ensure_ascii=False)[:-1]
    # One entry per line, so that a rewritten baseline diffs line by line in review.
    return f'{header}, "findings": [\n{lines}\n]}}\n' if entries else f'{header}, "findings": []}}\n'


def load_baseline(path: Path) -> Counter[Fingerprint]:
    """The fingerprints recorded in a baseline file; BaselineError when it is not one."""
    name = str(path)
    try:  # the confinement policy's reader: a FIFO or a device neither hangs nor floods the run
        raw = read_bounded(path, MAX_BYTES)
    except Refused as exc:
        if exc.rule is Rule.TOO_LARGE:
            raise BaselineError(
                "baseline.invalid", file=name, problem=f"larger than {MAX_BYTES} bytes"
            ) from None
        raise BaselineError("baseline.unreadable", file=name, reason=exc) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BaselineError("baseline.invalid", file=name, problem=f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            "baseline.syntax", file=f"{name}:{exc.lineno}:{exc.colno}", problem=exc.msg
        ) from None
    except RecursionError:
        raise BaselineError("baseline.invalid", file=name, problem="nested too deeply") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or not isinstance(data.get("findings"), list):
        raise BaselineError(
            "baseline.invalid", file=name, problem='expected {"kind": "baseline", "findings": [...]}'
        )
    if data.get("version") != VERSION:
        raise BaselineError(
            "baseline.invalid", file=name, problem=f"unsupported version {data.get('version')!r}"
        )
    counts: Counter[Fingerprint] = Counter()
    for i, entry in enumerate(data["findings"]):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(key), str) for key in ("plan", "subject", "code"))
        ):
            raise BaselineError(
                "baseline.invalid", file=name, problem=f"findings[{i}] needs string plan, subject and code"
            )
        counts[(entry["plan"], entry["subject"], entry["code"])] += 1
    return counts


def apply_baseline(
    findings: Sequence[Finding],
    recorded: Counter[Fingerprint],
    checked: Callable[[str, str], bool],
) -> Applied:
    """Split `findings` into new ones and ones the baseline excuses.

    `checked(plan_id, code)` says whether that rule ran for that plan: only such entries can be stale.
    """
    left = Counter(recorded)
    new: list[Finding] = []
    known = 0
    for finding in findings:
        key = fingerprint(finding)
        if left[key] > 0:
            left[key] -= 1
            known += 1
        else:
            new.append(finding)
    stale = sorted(key for key, count in left.items() for _ in range(count) if checked(key[0], key[2]))
    return Applied(new, known, stale)


def filter_result(result: CheckResult, applied: Applied) -> CheckResult:
    return CheckResult(applied.new, result.suppressed, result.plans)
