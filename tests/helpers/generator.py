"""The benchmark generator (benchmarks/generate.py) as a module, for tests that need a corpus."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from tests.conftest import REPO


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def generated_repo(folder: Path, plans: int, seed: int) -> Path:
    """`folder` made a repository (a `.git` folder) with `plans` generated plans in plans/."""
    (folder / ".git").mkdir()
    generator().generate_corpus(folder / "plans", plans, seed)
    return folder
