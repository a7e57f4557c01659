"""What this run of the command line chose beyond one command's own options: `--config`,
`--verbose`, `--quiet` and `--color`, and which configuration file was then used (for verbose
output and run metadata).

The root callback resets it at the start of every invocation, so a long-lived process (a test
runner invoking the CLI many times) never carries one run's choices into the next.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Invocation:
    config_file: Path | None = None  # --config FILE
    verbose: bool = False  # --verbose
    quiet: bool = False  # --quiet: only the problems, nothing on success
    color: str = "auto"  # --color auto|always|never
    rules_url: str | None = None  # the configured `rules-url`, once the configuration is loaded
    config_used: Path | None = None  # the file the configuration came from, once loaded
    announced: bool = False  # whether --verbose has said which configuration is used


CURRENT = Invocation()


def start(config_file: Path | None, verbose: bool, quiet: bool = False, color: str | None = None) -> None:
    """A new invocation: forget everything the previous one chose or loaded."""
    global CURRENT
    CURRENT = Invocation(config_file, verbose, quiet, color or "auto")


def choose(config_file: Path | None, verbose: bool, quiet: bool = False, color: str | None = None) -> None:
    """Options given after the command name add to (and override) those given before it."""
    if config_file is not None:
        CURRENT.config_file = config_file
    CURRENT.verbose = CURRENT.verbose or verbose
    CURRENT.quiet = CURRENT.quiet or quiet
    if color is not None:
        CURRENT.color = color


def config_in_use() -> str | None:
    """The configuration file this run uses, as a path relative to the working folder when it is
    inside it; None when none was found (defaults apply). For JSON and SARIF run metadata."""
    path = CURRENT.config_used
    if path is None:
        return None
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    return absolute if relative.startswith("..") else Path(relative).as_posix()
