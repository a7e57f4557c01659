"""A plan read from standard input: `hbg-plan validate -` and `hbg-plan gaps -` (as ruff and
yamllint read `-`), for editors and pipes that hold a plan not yet saved.

The text is bounded like a file (at most MAX_FILE_BYTES) and checked as the file `--stdin-filename`
names (default: `stdin.yaml` in the plans folder): reports name that file, and its source texts
and parties registry are looked up from its folder. That file need not exist, but it must lie
inside the repository (the folder holding `.git` above the current folder, else the current
folder), like every file hbg-plan reads.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from hbg_plan.cli.context import Settings, fail_usage
from hbg_plan.i18n import message
from hbg_plan.io.confine import MAX_FILE_BYTES, Refused, git_root, inside
from hbg_plan.io.load import STAND_INS
from hbg_plan.model.plan import Plan
from hbg_plan.workspace import Loaded, PlanSet, load_catalog

STDIN = "-"
STDIN_FILENAME_OPTION = typer.Option(
    None,
    "--stdin-filename",
    metavar="FILE",
    help="With PLAN '-' (read the plan from standard input): the file it stands for, inside the "
    "repository; reports name it, and its sources and parties.yaml are found from its folder "
    "(default: stdin.yaml in the plans folder).",
    dir_okay=False,
)


def wants_stdin(refs: list[str] | None, settings: Settings) -> bool:
    """Whether the plan comes from standard input: `-` as the only PLAN (anything else is an error)."""
    if not refs or STDIN not in refs:
        return False
    if len(refs) > 1:
        raise fail_usage(message("stdin.alone", settings.lang))
    return True


def read_stdin_plan(stdin_filename: Path | None, settings: Settings) -> tuple[Path, str]:
    """Read standard input (bounded) as the plan file `stdin_filename`; its path and display name."""
    lang = settings.lang
    name = stdin_filename if stdin_filename is not None else Path(settings.config.plans_dir) / "stdin.yaml"
    path = Path(os.path.abspath(name))
    cwd = Path(os.path.realpath(Path.cwd()))
    root = git_root(cwd) or cwd
    try:
        inside(path, root)
    except Refused as exc:
        raise fail_usage(message("stdin.refused", lang, path=name, reason=exc.render(lang))) from None
    raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise fail_usage(message("stdin.too_large", lang, limit=MAX_FILE_BYTES))
    STAND_INS.clear()
    STAND_INS[str(path)] = raw
    return path, str(name)


def stdin_loaded(plan: Plan) -> Loaded:
    """The plan from standard input, compared with the other plans of the folder it stands in."""
    folder = plan.path.parent
    others = load_catalog(folder).plans.values() if folder.is_dir() else ()
    context = PlanSet([plan, *(p for p in others if p.id != plan.id and p.path != plan.path)])
    return Loaded([plan], context, [], [])
