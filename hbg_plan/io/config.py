"""Project configuration: `[tool.hbg-plan]` in pyproject.toml, or a hbg-plan.toml.

Looked up from the current folder upwards to the repository root (the folder holding `.git`; with
no repository, only the current folder), so a file above the checkout never applies; the first
file that has a hbg-plan section wins. `--config FILE` names one explicitly. Config files are read
through the confinement policy (hbg_plan.io.confine): regular files of bounded size, and a file found
by the lookup must resolve inside the repository. A hbg-plan.toml holds the keys at its top level.
Example:

    [tool.hbg-plan]
    lang = "sv"
    plans-dir = "plans"
    select = ["HBG1"]             # codes, code prefixes or rule names
    ignore = ["HBG104"]
    fail-on = "error"             # error | warning | never
    severity = {HBG105 = "error"}

    [tool.hbg-plan.options.stale-goal]   # a rule's options, by rule name or code
    horizons = ["short", "long"]

    [tool.hbg-plan.per-plan.hbg-2015]   # the 2015 plan predates indicators
    ignore = ["HBG101", "HBG102", "HBG104"]

    [tool.hbg-plan.per-plan.hbg-2015.options.indicator-not-stated]
    horizons = ["short", "long", "current"]

Rule codes are only checked against the rules when the rules run (hbg_plan.gaps.engine), so that
commands which do not run rules stay fast; errors still point at the file and line.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hbg_plan.core.text import Text, did_you_mean
from hbg_plan.i18n import message
from hbg_plan.io.confine import Refused, git_root, inside, read_bounded

SEVERITY_NAMES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "never")
RULE_KEYS = ("select", "ignore", "severity", "options")
KNOWN_KEYS = ("lang", "plans-dir", "plans_dir", "fail-on", "per-plan", "baseline", "rules-url", *RULE_KEYS)
CONFIG_NAMES = ("hbg-plan.toml", "pyproject.toml")
MAX_DEPTH = 16  # nesting of tables and arrays; a real configuration needs four


class ConfigError(Exception):
    """A problem in a configuration file; `render(lang)` gives `file:line: message`."""

    def __init__(
        self,
        message_id: str,
        args: Mapping[str, Any] | None = None,
        *,
        path: Path | None = None,
        line: int = 0,
    ) -> None:
        self.message_id = message_id
        self.args_ = dict(args or {})
        self.path = path
        self.line = line
        super().__init__(self.render("en"))

    def render(self, lang: str = "en") -> str:
        where = (
            f"{self.path}:{self.line}: " if self.path and self.line else f"{self.path}: " if self.path else ""
        )
        return where + message(self.message_id, lang, **self.args_)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class RuleSettings:
    """Rule selection as written in one table: the whole project's or one plan's."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    table: str = ""  # dotted key of the table, for messages: "" or "per-plan.hbg-2015"
    # rule selector -> option name -> values, as written ([...options.stale-goal] horizons = [...])
    options: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    lang: str = "en"
    plans_dir: str = "plans"
    path: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    rules: RuleSettings = field(default_factory=RuleSettings)
    per_plan: Mapping[str, RuleSettings] = field(default_factory=dict)
    fail_on: str = "error"
    unknown_keys: tuple[tuple[str, Text], ...] = ()
    key_lines: Mapping[str, int] = field(default_factory=dict)
    baseline: str | None = None  # the gap baseline of `validate --gaps`, relative to the current folder
    rules_url: str | None = None  # where docs/rules.md is published (SARIF helpUri), if not the project's

    def line_of(self, dotted_key: str) -> int:
        """The line where `dotted_key` (or its nearest enclosing table) is written; 0 if unknown."""
        parts = dotted_key.split(".") if dotted_key else []
        while parts:
            line = self.key_lines.get(".".join(parts))
            if line:
                return line
            parts.pop()
        return 0

    def error(self, message_id: str, dotted_key: str, **args: Any) -> ConfigError:
        return ConfigError(message_id, args, path=self.path, line=self.line_of(dotted_key))


def _section(path: Path, root: Path | None) -> tuple[dict[str, Any] | None, str, str]:
    """(the hbg-plan table or None, the file text, the dotted prefix of the table's keys).

    `root`: the repository a looked-up file must lie in; None for a file named with --config.
    """
    try:
        real = inside(path, root) if root is not None else path
        text = read_bounded(real).decode("utf-8")
        data = tomllib.loads(text)
    except Refused as exc:
        raise ConfigError("config.refused", {"reason": exc}, path=path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError("config.unreadable", {"reason": str(exc)}, path=path) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = getattr(exc, "lineno", 0) or (int(found.group(1)) if found else 0)
        raise ConfigError("config.syntax", {"problem": str(exc)}, path=path, line=line) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError("config.too_deep", {"limit": MAX_DEPTH}, path=path) from None
    if _depth(data) > MAX_DEPTH:
        raise ConfigError("config.too_deep", {"limit": MAX_DEPTH}, path=path)
    tool = data.get("tool")
    nested = tool.get("hbg-plan") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml" or nested is not None:
        if nested is None:
            return None, text, ""
        if not isinstance(nested, dict):
            raise ConfigError("config.not_table", {"key": "tool.hbg-plan"}, path=path)
        return nested, text, "tool.hbg-plan."
    return data, text, ""


def _depth(data: object) -> int:
    """How deeply tables and arrays nest in `data`, counted without recursion."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return deepest


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration that applies in `start` (default: the current folder), or `explicit`.

    Read afresh on every call (a few small files), so a long-lived process sees edits.
    """
    if explicit is not None:
        return _load_explicit(explicit)
    return _load((start or Path.cwd()).resolve())


def lookup_folders(folder: Path) -> list[Path]:
    """Where the configuration is looked for: `folder` (a real path) and its parents up to the
    repository root (the nearest folder holding `.git`); with no repository, `folder` alone."""
    root = git_root(folder)
    if root is None or (root != folder and root not in folder.parents):
        return [folder]
    folders = []
    for candidate in (folder, *folder.parents):
        folders.append(candidate)
        if candidate == root:
            break
    return folders


def _load(folder: Path) -> Config:
    root = git_root(folder) or folder
    for candidate_dir in lookup_folders(folder):
        for name in CONFIG_NAMES:
            path = candidate_dir / name
            if path.is_file() or path.is_symlink():
                section, text, prefix = _section(path, root)
                if section is not None:
                    return _from_section(section, path, _key_lines(text, prefix))
    return Config()


def _load_explicit(path: Path) -> Config:
    """The configuration in a file named with --config; a pyproject.toml without a section is empty."""
    section, text, prefix = _section(path, None)
    if section is None:
        return Config(path=path)
    return _from_section(section, path, _key_lines(text, prefix))


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', key)
    return [a or b or c for a, b, c in parts]


def _key_lines(text: str, prefix: str) -> dict[str, int]:
    """Best-effort line numbers of keys and tables, for messages (tomllib gives none)."""
    lines: dict[str, int] = {}
    table: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = re.match(r"^\[\s*([^\[\]]+?)\s*\]", line)
        if header:
            table = _split_dotted(header.group(1))
            lines.setdefault(".".join(table), number)
            continue
        assignment = re.match(r'^((?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_.\- ])+?)\s*=', line)
        if assignment:
            lines.setdefault(".".join([*table, *_split_dotted(assignment.group(1))]), number)
    if not prefix:
        return lines
    return {key[len(prefix) :]: n for key, n in lines.items() if key.startswith(prefix)}


def _strings(config_path: Path, lines: dict[str, int], key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError("config.bad_list", {"key": key}, path=config_path, line=_line(lines, key))
    return tuple(value)


def _line(lines: Mapping[str, int], key: str) -> int:
    parts = key.split(".")
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return 0


def _rule_settings(table: dict[str, Any], key_prefix: str, path: Path, lines: dict[str, int]) -> RuleSettings:
    def dotted(key: str) -> str:
        return f"{key_prefix}.{key}" if key_prefix else key

    select = _strings(path, lines, dotted("select"), table["select"]) if "select" in table else None
    if select == ():  # would silently turn every rule off
        raise ConfigError(
            "config.empty_select", {"key": dotted("select")}, path=path, line=_line(lines, dotted("select"))
        )
    ignore = _strings(path, lines, dotted("ignore"), table["ignore"]) if "ignore" in table else ()
    severity_raw = table.get("severity", {})
    if not isinstance(severity_raw, dict):
        raise ConfigError(
            "config.not_table", {"key": dotted("severity")}, path=path, line=_line(lines, dotted("severity"))
        )
    severity: dict[str, str] = {}
    for rule, level in severity_raw.items():
        if level not in SEVERITY_NAMES:
            raise ConfigError(
                "config.bad_choice",
                {
                    "key": dotted(f"severity.{rule}"),
                    "value": repr(level),
                    "allowed": ", ".join(SEVERITY_NAMES),
                },
                path=path,
                line=_line(lines, dotted(f"severity.{rule}")),
            )
        severity[rule] = level
    return RuleSettings(select, ignore, severity, key_prefix, _options(table, dotted("options"), path, lines))


def _options(
    table: dict[str, Any], key: str, path: Path, lines: dict[str, int]
) -> dict[str, dict[str, tuple[str, ...]]]:
    """`options`: a table of rules, each a table of option names with lists of texts. Which rules
    and options exist is checked where the rules are known (hbg_plan.gaps.engine)."""
    raw = table.get("options", {})
    if not isinstance(raw, dict):
        raise ConfigError("config.not_table", {"key": key}, path=path, line=_line(lines, key))
    options: dict[str, dict[str, tuple[str, ...]]] = {}
    for rule, values in raw.items():
        rule_key = f"{key}.{rule}"
        if not isinstance(values, dict):
            raise ConfigError("config.not_table", {"key": rule_key}, path=path, line=_line(lines, rule_key))
        options[rule] = {
            name: _strings(path, lines, f"{rule_key}.{name}", value) for name, value in values.items()
        }
    return options


def _from_section(section: dict[str, Any], path: Path, lines: dict[str, int]) -> Config:
    lang = section.get("lang", "en")
    if lang not in ("en", "sv"):
        raise ConfigError(
            "config.bad_choice",
            {"key": "lang", "value": repr(lang), "allowed": "en, sv"},
            path=path,
            line=_line(lines, "lang"),
        )
    plans_dir = section.get("plans-dir", section.get("plans_dir", "plans"))
    if not isinstance(plans_dir, str) or not plans_dir:
        raise ConfigError(
            "config.bad_string", {"key": "plans-dir"}, path=path, line=_line(lines, "plans-dir")
        )
    _inside_repository(path, "plans-dir", plans_dir, lines)
    fail_on = section.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(
            "config.bad_choice",
            {"key": "fail-on", "value": repr(fail_on), "allowed": ", ".join(FAIL_ON)},
            path=path,
            line=_line(lines, "fail-on"),
        )
    baseline = section.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline):
        raise ConfigError("config.bad_string", {"key": "baseline"}, path=path, line=_line(lines, "baseline"))
    if baseline is not None:
        _inside_repository(path, "baseline", baseline, lines)
    rules_url = section.get("rules-url")
    if rules_url is not None and not (
        isinstance(rules_url, str) and re.fullmatch(r"https?://[^\s#]+", rules_url)
    ):
        raise ConfigError("config.bad_url", {"key": "rules-url"}, path=path, line=_line(lines, "rules-url"))
    per_plan_raw = section.get("per-plan", {})
    if not isinstance(per_plan_raw, dict):
        raise ConfigError("config.not_table", {"key": "per-plan"}, path=path, line=_line(lines, "per-plan"))
    per_plan: dict[str, RuleSettings] = {}
    for plan_id, table in per_plan_raw.items():
        key = f"per-plan.{plan_id}"
        if not isinstance(table, dict):
            raise ConfigError("config.not_table", {"key": key}, path=path, line=_line(lines, key))
        for unknown in table.keys() - set(RULE_KEYS):
            raise ConfigError(
                "config.unknown_key",
                {"key": f"{key}.{unknown}", "suggestion": _suggest(unknown, RULE_KEYS)},
                path=path,
                line=_line(lines, f"{key}.{unknown}"),
            )
        per_plan[plan_id] = _rule_settings(table, key, path, lines)
    unknown_keys = tuple(
        (key, _suggest(key, KNOWN_KEYS)) for key in section if key not in KNOWN_KEYS and key != "tool"
    )
    return Config(
        lang=lang,
        plans_dir=_relative_to_cwd(path.parent / plans_dir),
        path=path,
        raw=section,
        rules=_rule_settings(section, "", path, lines),
        per_plan=per_plan,
        fail_on=fail_on,
        unknown_keys=unknown_keys,
        key_lines=lines,
        baseline=_relative_to_cwd(path.parent / baseline) if baseline else None,
        rules_url=rules_url,
    )


def _inside_repository(path: Path, key: str, value: str, lines: Mapping[str, int]) -> None:
    """A path the configuration names (`plans-dir`, `baseline`) must stay in the configuration's
    repository (or its folder, with none)."""
    folder = path.resolve().parent
    try:
        inside(folder / value, git_root(folder) or folder)
    except Refused as exc:
        raise ConfigError(
            "config.path_refused", {"key": key, "reason": exc}, path=path, line=_line(lines, key)
        ) from None


def _suggest(key: str, choices: tuple[str, ...]) -> Text:
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    return did_you_mean(close[0] if close else "")


def _relative_to_cwd(path: Path) -> str:
    """The plans folder as the user would type it from here."""
    try:
        return os.path.relpath(path, Path.cwd())
    except ValueError:  # another drive on Windows
        return str(path)
