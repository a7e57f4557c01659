"""Shared test helpers: run the real CLI on real files."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from typer import Typer
from typer.testing import CliRunner

from hbg_plan.cli.root import app
from hbg_plan.io import load
from hbg_plan.io.load import YamlDocument
from hbg_plan.model.plan import Goal, Plan
from hbg_plan.validate.engine import load_plan

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "plans"
DATA = Path(__file__).resolve().parent / "data"

RunCli = Callable[..., "CliResult"]
MEMO_ENTRIES = 200
MEMO_TEXT_CHARS = 2_000_000


@pytest.fixture(scope="session", autouse=True)
def parsed_once() -> Iterator[None]:
    """Parse each YAML text once per test process, not once per CLI run.

    Hundreds of tests run the CLI on the same bundled plans, and parsing them is most of a run's
    time. The memo sits after the file is read (confinement, size and encoding checks still run
    every time) and is keyed by the text and its display name; the parser is deterministic, so a
    hit returns what a fresh parse would, as long as nobody changed the document: each hit checks
    that (a changed document fails the test). Errors are not kept. HBG_TEST_PARSE_EVERY_TIME=1
    turns the memo off.
    """
    if os.environ.get("HBG_TEST_PARSE_EVERY_TIME"):
        yield
        return
    parse = load.parse_yaml
    memo: dict[tuple[str, str], tuple[YamlDocument, bytes]] = {}

    def parse_once(text: str, name: str) -> YamlDocument:
        key = (text, name)
        if key in memo:
            doc, snapshot = memo[key]
            assert pickle.dumps(doc.data) == snapshot, f"{name}: a parsed document was changed in place"
            return doc
        doc = parse(text, name)
        if len(text) <= MEMO_TEXT_CHARS:
            if len(memo) >= MEMO_ENTRIES:  # bounded: generated and fuzzed texts come and go
                del memo[next(iter(memo))]
            memo[key] = doc, pickle.dumps(doc.data)
        return doc

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "parse_yaml", parse_once)
        yield


@pytest.fixture(scope="session", autouse=True)
def command_built_once() -> Iterator[None]:
    """Build the click command from the typer app once per test process, as a real process does.

    typer's CliRunner rebuilds it on every invocation (introspecting every command's signature),
    which cost more than many of the commands it then runs.
    """
    build = typer.testing._get_command  # type: ignore[attr-defined]
    built: dict[int, Any] = {}

    def build_once(app: Typer) -> Any:
        if id(app) not in built:
            built[id(app)] = build(app)
        return built[id(app)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", build_once)
        yield


class CliResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str, exception: BaseException | None) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr
        self.exception = exception

    def __repr__(self) -> str:
        return f"CliResult(exit={self.exit_code}, stdout={self.stdout[:500]!r}, stderr={self.stderr[:500]!r})"


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Invoke `hbg-plan ARGS…` in-process; fails the test on an uncaught Python exception."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str, allow_exception: bool = False, env: dict[str, str] | None = None) -> CliResult:
        result = CliRunner().invoke(app, list(args), env=env)
        if (
            result.exception is not None
            and not isinstance(result.exception, SystemExit)
            and not allow_exception
        ):
            raise AssertionError(f"uncaught exception for {args}") from result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr, result.exception)

    return run


@pytest.fixture(scope="module")
def plan(request: pytest.FixtureRequest) -> Plan:
    """The plan named by the test module's PLAN_FILE, through the public loader."""
    loaded, diagnostics = load_plan(request.module.PLAN_FILE)
    assert loaded is not None, diagnostics
    return loaded


@pytest.fixture(scope="module")
def goals(plan: Plan) -> dict[str, Goal]:
    return {goal.id: goal for goal in plan.goals()}


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled plans folder (with sources and the parties registry)."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS, target)
    return target
