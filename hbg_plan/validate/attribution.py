"""Where a problem between two files is reported.

A duplicate plan id, a party that plans use but the registry lacks, a source text whose checksum
no longer matches its plan: each involves two files, and the one to fix is usually the one just
changed. The rules, applied in this order:

- **Duplicate plan id (HBG020).** One file keeps the id, every other file with it gets the error.
  The keeper is the first by: unchanged in git before changed (staged, modified or untracked), a
  file named after the id (`hbg-2020.yaml` for `hbg-2020`) before any other name, then path order.
  So a copy of `hbg-2020.yaml` under a new name is the one reported, with or without git.
- **Party missing from the registry (HBG021)** and **source checksum (HBG023)**: reported at the
  plan by default. When git says the registry (or the source text) changed and the plan did not,
  the problem is reported at the registry (one error per missing party, naming how many
  references use it and where the first is) or at the source text, naming the plan.

Git is only asked when `validate --changed` is given (the pre-commit hook does), so `validate`
itself never depends on the state of a work tree.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hbg_plan.core.problem import Diagnostic, Location
from hbg_plan.model.plan import Plan


class Result(Protocol):
    """The part of `validate.FileResult` this module needs (kept apart to avoid an import cycle)."""

    path: Path
    display: str
    diagnostics: list[Diagnostic]


class Summary(Protocol):
    """The part of `validate.outcome.PlanSummary` this module needs."""

    @property
    def plan_id(self) -> str: ...
    @property
    def id_where(self) -> Location: ...
    @property
    def path(self) -> Path: ...
    @property
    def registry(self) -> Path | None: ...
    @property
    def source(self) -> Path: ...
    @property
    def named_after_id(self) -> bool: ...


@dataclass
class _Claim:
    result: Result
    where: Location
    path: Path
    registry: Path | None
    source: Path
    named_after_id: bool


@dataclass
class Attribution:
    changed: frozenset[Path] | None = None
    claims: dict[str, list[_Claim]] = field(default_factory=dict)

    @property
    def plan_ids(self) -> dict[str, list[_Claim]]:
        return self.claims

    def _is_changed(self, path: Path | None) -> bool:
        return self.changed is not None and path is not None and path in self.changed

    def add_plan(self, result: Result, plan: Plan, registry: Path | None) -> None:
        claim = _Claim(
            result,
            plan.doc.location(["id"]),
            safe_resolve(plan.path),
            safe_resolve(registry) if registry else None,
            safe_resolve(plan.source_file),
            plan.path.stem == plan.id,
        )
        self.claims.setdefault(plan.id, []).append(claim)

    def add_summary(self, result: Result, summary: Summary) -> None:
        """The same as `add_plan`, from what a worker or the cache kept of the plan (paths resolved)."""
        claim = _Claim(
            result, summary.id_where, summary.path, summary.registry, summary.source, summary.named_after_id
        )
        self.claims.setdefault(summary.plan_id, []).append(claim)

    def finish(self, results: Sequence[Result]) -> None:
        """Add the duplicate-id errors and move cross-file problems to the changed file."""
        touched: set[int] = set()
        for plan_id, claims in self.claims.items():
            if len(claims) < 2:
                continue
            order = sorted(
                range(len(claims)),
                key=lambda i: (self._is_changed(claims[i].path), not claims[i].named_after_id, i),
            )
            keeper = claims[order[0]]
            for i in order[1:]:
                claims[i].result.diagnostics.append(
                    Diagnostic(
                        "HBG020", "validate.duplicate_plan_id", claims[i].where,
                        {"id": plan_id, "other": keeper.result.display}, related=keeper.where,
                    )
                )  # fmt: skip
                touched.add(id(claims[i].result))
        if self.changed:
            touched |= self._move_to_changed(results)
        for result in results:
            if id(result) in touched:
                result.diagnostics.sort(key=lambda d: d.where.sort_key())

    def _move_to_changed(self, results: Sequence[Result]) -> set[int]:
        by_path = {safe_resolve(r.path): r for r in results}
        missing: dict[tuple[Path, str], list[Diagnostic]] = {}
        holder: dict[Path, Result] = {}
        touched: set[int] = set()
        for claims in self.claims.values():
            for claim in claims:
                if self._is_changed(claim.path):
                    continue
                result = claim.result
                kept: list[Diagnostic] = []
                for d in result.diagnostics:
                    if (
                        d.message_id == "validate.unknown_party"
                        and claim.registry is not None
                        and self._is_changed(claim.registry)
                    ):
                        missing.setdefault((claim.registry, d.args["party"]), []).append(d)
                        holder.setdefault(claim.registry, by_path.get(claim.registry, result))
                    elif d.message_id == "validate.source_hash" and self._is_changed(claim.source):
                        where = Location(_display(claim.source), 1, 1)
                        args = {**d.args, "plan": result.display, "plan_where": str(d.where)}
                        kept.append(
                            Diagnostic(d.code, "validate.source_changed", where, args, related=d.where)
                        )
                    else:
                        kept.append(d)
                if len(kept) != len(result.diagnostics) or any(
                    d.message_id == "validate.source_changed" for d in kept
                ):
                    result.diagnostics[:] = kept
                    touched.add(id(result))
        for (registry, party), uses in missing.items():
            target = holder[registry]
            display = target.display if safe_resolve(target.path) == registry else _display(registry)
            where = Location(display, _key_line(registry, "parties"), 1)
            files = sorted({d.where.file for d in uses})
            first = min(uses, key=lambda d: d.where.sort_key()).where
            target.diagnostics.append(
                Diagnostic(
                    "HBG021", "validate.party_removed", where,
                    {"party": party, "count": len(uses), "plans": ", ".join(files), "first": str(first)},
                    related=first,
                )
            )  # fmt: skip
            touched.add(id(target))
        return touched


def safe_resolve(path: Path) -> Path:
    """The resolved path, or the absolute one when it cannot be resolved (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _key_line(path: Path, key: str) -> int:
    """The line of a top-level `key:` in a small YAML file (1 when it cannot be found)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if line.startswith(f"{key}:"):
                    return number
    except OSError:
        pass
    return 1
