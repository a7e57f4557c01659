"""`hbg-plan cache clean`, and the cache options `validate` takes (`--cache-dir`, `--no-cache`)."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.cli.context import LANG_OPTION, Lang, fail_usage, load_settings, warn
from hbg_plan.core.neutral import safe_output
from hbg_plan.i18n import message
from hbg_plan.io.cache import CACHE_DIR_NAME, Cache, CacheUnusable, clean
from hbg_plan.io.confine import git_root

CACHE_DIR_OPTION = typer.Option(
    None,
    "--cache-dir",
    metavar="DIR",
    help=f"Keep the cache in this folder (default: {CACHE_DIR_NAME}/ beside the configuration file, "
    "else at the repository root).",
)
NO_CACHE_OPTION = typer.Option(False, "--no-cache", help="Neither read nor write the cache.")


def cache_location(config_path: Path | None, cache_dir: Path | None) -> tuple[Path, Path | None]:
    """The cache folder and the repository it must stay in (None for a folder given by --cache-dir)."""
    if cache_dir is not None:
        return cache_dir, None
    cwd = Path.cwd().resolve()
    home = config_path.resolve().parent if config_path is not None else git_root(cwd) or cwd
    return home / CACHE_DIR_NAME, git_root(home) or home


def open_cache(config_path: Path | None, cache_dir: Path | None, no_cache: bool, lang: str) -> Cache | None:
    """The cache to use, or None: with --no-cache, or when the folder is refused (said on stderr)."""
    if no_cache:
        return None
    folder, root = cache_location(config_path, cache_dir)
    cache = Cache(folder, root)
    try:
        cache.check()
    except CacheUnusable as exc:
        warn(message("cache.unusable", lang, path=str(folder), reason=exc.reason))
        return None
    return cache


class CacheAction(enum.StrEnum):
    clean = "clean"


def cache(
    action: CacheAction = typer.Argument(..., metavar="ACTION", help="clean: remove the cache folder."),
    cache_dir: Path = CACHE_DIR_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    """Manage the cache of `hbg-plan validate`: `hbg-plan cache clean` removes it.

    Only a folder holding hbg-plan's CACHEDIR.TAG is removed (exit 2 otherwise).
    """
    settings = load_settings(lang)
    folder, _ = cache_location(settings.config.path, cache_dir)
    try:
        removed = clean(folder)
    except CacheUnusable:
        raise fail_usage(message("cache.not_a_cache", settings.lang, path=str(folder))) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail_usage(
            message("cache.clean_failed", settings.lang, path=str(folder), reason=reason)
        ) from None
    typer.echo(
        safe_output(message("cache.removed" if removed else "cache.none", settings.lang, path=str(folder)))
    )


def register(app: typer.Typer) -> None:
    app.command("cache")(cache)
