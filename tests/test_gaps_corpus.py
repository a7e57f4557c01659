"""`gaps` over whole folders checks the plans one by one, in worker processes, without holding them
all (hbg_plan/gaps/corpus.py), and reports exactly what loading the plans together reports: the
same report, byte for byte, in every format, with the rules that compare versions and levels."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hbg_plan.gaps import corpus
from hbg_plan.validate import engine
from tests.conftest import RunCli
from tests.helpers.generator import generated_repo
from tests.helpers.workers import run_losing_a_worker

pytestmark = pytest.mark.slow

PLANS = 40  # four municipalities of ten versions: enough for two workers and lineages across chunks


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = generated_repo(tmp_path_factory.mktemp("gaps-corpus"), PLANS, 5)
    plans = repo / "plans"
    first = (plans / "kommun-001-00.yaml").read_text(encoding="utf-8")
    for version in range(1, 10):  # municipality 001 never revises its plan: its goals go stale
        plan_id, previous = f"kommun-001-{version:02d}", f"kommun-001-{version - 1:02d}"
        copy = re.sub(r"^id: .*$", f"id: {plan_id}\nreplaces: {previous}", first, count=1, flags=re.MULTILINE)
        (plans / f"{plan_id}.yaml").write_text(copy, encoding="utf-8")
    return repo


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(pristine, copy)
    return copy


def gaps(repo: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "hbg_plan", "gaps", *args],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def one_by_one(repo: Path) -> list[str]:
    """Every plan file named on its own: the plans are loaded together, the way they always were."""
    return [f"plans/{p.name}" for p in sorted((repo / "plans").glob("kommun-*.yaml"))]


def test_a_folder_reports_what_its_plans_named_one_by_one_report(repo: Path) -> None:
    for fmt in (["-f", "json"], ["--lang", "sv"], ["--statistics"], ["-f", "sarif"]):
        together = gaps(repo, *one_by_one(repo), *fmt)
        assert together[0] == 1 and together[1]
        for jobs in ("1", "2"):
            assert gaps(repo, "plans", "--jobs", jobs, *fmt) == together, (fmt, jobs)
    report = json.loads(gaps(repo, "plans", "-f", "json")[1])
    codes = {f["code"] for f in report["findings"]}
    assert {"HBG105", "HBG107"} <= codes  # the rules that look up other plans by id found gaps
    assert len(report["plans"]) == PLANS


def test_an_id_line_written_another_way_gives_the_same_report(repo: Path) -> None:
    """`"id": …` is not what the quick id read looks for: the run loads the plans together instead."""
    plan = repo / "plans" / "kommun-001-04.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"^id: (.*)$", r'"id": "\1"', text, count=1, flags=re.MULTILINE), encoding="utf-8")
    together = gaps(repo, *one_by_one(repo), "-f", "json")
    assert '"kommun-001-04"' in together[1]
    assert gaps(repo, "plans", "--jobs", "2", "-f", "json") == together


def test_a_broken_plan_in_the_folder_is_reported_the_same_way(repo: Path) -> None:
    with (repo / "plans" / "kommun-002-07.yaml").open("a", encoding="utf-8") as f:
        f.write("extra: [\n")
    together = gaps(repo, *one_by_one(repo))
    assert together[0] == 2 and "kommun-002-07.yaml" in together[2]
    for jobs in ("1", "2"):
        assert gaps(repo, "plans", "--jobs", jobs) == together


def test_validate_gaps_over_a_folder_reports_what_the_plans_kept_report(
    repo: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`validate --gaps plans/` validates in workers without keeping the plans, then runs the gap
    rules plan by plan; with the corpus threshold out of reach it keeps the plans as it always did."""
    monkeypatch.chdir(repo)
    args = ("validate", "plans", "--gaps", "--no-cache", "-f", "json")
    by_plan = [run_cli(*args, "--jobs", jobs) for jobs in ("1", "2")]
    monkeypatch.setattr(corpus, "MIN_FILES", 10**9)
    kept = run_cli(*args)
    assert kept.exit_code == 1 and "HBG105" in kept.output and '"plan_id": "kommun-001-09"' in kept.output
    for result in by_plan:
        assert (result.exit_code, result.output) == (kept.exit_code, kept.output)


def test_a_lineage_longer_than_the_plans_kept_is_not_loaded_again_and_again(
    repo: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every goal's lineage walks back through all versions: with 60 versions of one plan, more than
    a worker keeps by default, each plan is still loaded about once (the deepest chain is kept
    whole; keeping 32 loaded each version again for every goal: 227 s instead of 9 for 100 versions)."""
    plans = repo / "plans"
    first = (plans / "kommun-001-00.yaml").read_text(encoding="utf-8")
    for version in range(10, 60):  # municipality 001: 60 versions, none revised
        plan_id, previous = f"kommun-001-{version:02d}", f"kommun-001-{version - 1:02d}"
        copy = re.sub(r"^id: .*$", f"id: {plan_id}\nreplaces: {previous}", first, count=1, flags=re.MULTILINE)
        (plans / f"{plan_id}.yaml").write_text(copy, encoding="utf-8")
    files = len(one_by_one(repo))
    assert files > corpus.KEPT_PLANS + 50
    loads: list[str] = []
    real_load = engine.load_plan

    def counted(path: Path, display: str | None = None) -> Any:
        loads.append(str(path))
        return real_load(path, display)

    monkeypatch.setattr(corpus, "load_plan", counted)
    monkeypatch.chdir(repo)
    result = run_cli("gaps", "plans", "--jobs", "1", "-f", "json")
    assert result.exit_code == 1
    stale = [f for f in json.loads(result.output)["findings"] if f["code"] == "HBG105"]
    assert any(f["plan"] == "kommun-001-59" and "kommun-001-00" in json.dumps(f) for f in stale)
    assert len(loads) < files + 10  # (a plan several others are based_on may be loaded again)


def test_a_worker_that_dies_does_not_hang_or_change_the_report(repo: Path) -> None:
    expected = gaps(repo, "plans", "--jobs", "1", "-f", "json")
    args = ("gaps", "plans", "--jobs", "2", "-f", "json")
    assert run_losing_a_worker(repo, "hbg_plan.gaps.corpus", "kommun-002-03.yaml", *args) == expected
