"""Project configuration: `[tool.hbg-plan]` in pyproject.toml, or a hbg-plan.toml.

Looked up from the current folder upwards; the first file that has a hbg-plan section wins.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Config:
    lang: str = "en"
    plans_dir: str = "plans"
    path: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict)


class ConfigError(Exception):
    pass


def _section(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("hbg-plan")
        return section if isinstance(section, dict) else None
    return data


@cache
def load_config(start: Path | None = None) -> Config:
    folder = (start or Path.cwd()).resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in ("hbg-plan.toml", "pyproject.toml"):
            path = candidate_dir / name
            if path.is_file():
                section = _section(path)
                if section is not None:
                    return _from_section(section, path)
    return Config()


def _from_section(section: dict[str, Any], path: Path) -> Config:
    lang = section.get("lang", "en")
    if lang not in ("en", "sv"):
        raise ConfigError(f"{path}: lang must be 'en' or 'sv', not {lang!r}")
    plans_dir = section.get("plans-dir", section.get("plans_dir", "plans"))
    if not isinstance(plans_dir, str):
        raise ConfigError(f"{path}: plans-dir must be a string")
    return Config(lang=lang, plans_dir=plans_dir, path=path, raw=section)
