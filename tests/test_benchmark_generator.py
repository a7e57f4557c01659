"""The benchmark generator: its plans validate clean (provenance included) and depend only on the seed."""

from __future__ import annotations

import statistics
from pathlib import Path
from types import ModuleType

import pytest

from hbg_plan.validate.engine import load_plan
from tests.conftest import PLANS, RunCli
from tests.helpers.generator import generator


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(generate: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """One generated corpus (30 plans, seed 1) for the tests that only read it."""
    folder = tmp_path_factory.mktemp("benchmark") / "corpus"
    return folder, generate.generate_corpus(folder, 30, 1)


@pytest.mark.slow  # generates and validates 30 plans
def test_corpus_validates_clean(corpus: tuple[Path, list[Path]], run_cli: RunCli) -> None:
    folder, written = corpus
    assert len(written) == 30
    assert len(list((folder / "sources").glob("*.txt"))) == 30  # each plan its own source text
    result = run_cli("validate", str(folder))
    assert result.exit_code == 0, result.output
    assert "31 file(s) checked: all valid" in result.stdout  # 30 plans and parties.yaml


@pytest.mark.slow  # generates three corpora
def test_same_seed_same_files(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate_corpus(tmp_path / "a", 6, 7)
    generate.generate_corpus(tmp_path / "b", 6, 7)
    generate.generate_corpus(tmp_path / "c", 6, 8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


@pytest.mark.slow  # generates and loads 30 plans
def test_strings_about_as_long_as_in_the_bundled_plans(corpus: tuple[Path, list[Path]]) -> None:
    def mean_goal_text(paths: list[Path]) -> float:
        lengths = []
        for path in paths:
            plan, diagnostics = load_plan(path)
            assert plan is not None, diagnostics
            lengths += [len(text) for goal in plan.goals() for text in goal.texts]
        return statistics.mean(lengths)

    generated = corpus[1]
    bundled = [p for p in sorted(PLANS.glob("*.yaml")) if p.name != "parties.yaml"]
    assert mean_goal_text(generated) == pytest.approx(mean_goal_text(bundled), rel=0.2)


def test_diff_pair_validates_clean(generate: ModuleType, run_cli: RunCli, tmp_path: Path) -> None:
    old, new = generate.generate_pair(tmp_path / "pair", 80, 1)
    result = run_cli("validate", str(tmp_path / "pair"))
    assert result.exit_code == 0, result.output
    old_plan, _ = load_plan(old)
    new_plan, _ = load_plan(new)
    assert old_plan is not None and new_plan is not None
    assert len(list(old_plan.goals())) == 80
    assert new_plan.replaces == old_plan.id
