"""The command line: the typer app, the shared options and settings (context), one module per command.

`hbg_plan.cli:main` is the console entry point (pyproject.toml); `app` is the typer application.
"""

from hbg_plan.cli.root import app, main

__all__ = ["app", "main"]
