"""The command line behaves the same in every command: plan references, "did you mean", rule
listings and annotation titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hbg_plan.cli.root import app
from tests.conftest import PLANS, REPO, RunCli

DOC = REPO / "docs" / "rules.md"
TITLE = re.compile(r"^::(?:error|warning|notice) [^:]*title=([^:]*)::", re.MULTILINE)

# Every command that takes a plan, with a misspelled id in the place of one.
MISSPELLED = [
    ("validate", "hbg-202"),
    ("gaps", "hbg-202"),
    ("summary", "hbg-202"),
    ("report", "hbg-202"),
    ("brief", "hbg-202"),
    ("diff", "hbg-202", "hbg-2023"),
    ("show", "sip", "--plan", "hbg-202"),
    ("init", "{tmp}/new.yaml", "--from", "hbg-202"),
]


@pytest.mark.parametrize("args", MISSPELLED, ids=lambda args: args[0])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_misspelled_plan_id_gets_did_you_mean_in_every_command(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...], lang: str
) -> None:
    result = run_cli(*(a.replace("{tmp}", str(tmp_path)) for a in args), "--lang", lang)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    unknown = "is neither a plan file nor the id of a plan in" if lang == "en" else "är varken en planfil"
    assert lines[0].startswith(f"hbg-plan: 'hbg-202' {unknown}"), result.stderr
    did_you_mean = "did you mean" if lang == "en" else "menade du"
    assert lines[1] == f"  {did_you_mean}: hbg-2023, hbg-2020, hbg-2015?"
    assert not result.stdout
    assert not list(tmp_path.iterdir())  # init wrote nothing


@pytest.mark.parametrize("command", ["gaps", "summary", "show"])
def test_an_id_like_nothing_known_lists_the_known_ids_without_a_guess(run_cli: RunCli, command: str) -> None:
    args = ("show", "sip", "--plan", "zzzz") if command == "show" else (command, "zzzz")
    result = run_cli(*args)
    assert result.exit_code == 2
    assert "known ids: hbg-2015, hbg-2020, hbg-2023, hbg-barn-unga-2019, skane-2019" in result.stderr
    assert "did you mean" not in result.stderr


def test_rules_lists_every_code_validation_and_gap(run_cli: RunCli) -> None:
    documented = re.findall(r"^### (HBG\d{3}) (\S+)$", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    listed = [line.split()[:2] for line in run_cli("rules").stdout.splitlines() if line]
    assert [tuple(pair) for pair in listed] == documented
    assert any(code.startswith("HBG0") for code, _ in documented)
    assert any(code.startswith("HBG1") for code, _ in documented)
    document = json.loads(run_cli("rules", "--format", "json", "--lang", "sv").stdout)
    assert (document["kind"], document["lang"]) == ("rules", "sv")
    assert [(r["code"], r["name"]) for r in document["rules"]] == documented
    categories = {r["code"][:4]: r["category"] for r in document["rules"]}
    assert categories == {"HBG0": "validation", "HBG1": "gap"}


def test_diff_annotation_titles_are_code_and_rule_name_like_the_sarif_rules(run_cli: RunCli) -> None:
    plans = ("hbg-2015", "hbg-2020", "hbg-2023")
    annotated = run_cli("diff", *plans, "-f", "github", "--annotate", "all").stdout
    titles = set(TITLE.findall(annotated))
    sarif = json.loads(run_cli("diff", *plans, "-f", "sarif").stdout)
    rules = {f"{r['id']} {r['name']}" for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert titles and titles <= rules
    assert "hbg-plan/diff/regression regression" in titles
    assert all(re.fullmatch(r"\S+ [a-z-]+", title) for title in titles)


# --- help: one placeholder style, no Python types ----------------------------------------------

COMMANDS = sorted(info.name for info in app.registered_commands if info.name)
PLACEHOLDER = re.compile(r"^[A-Z][A-Z_-]*(\.\.\.)?$")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_plain_placeholders_and_no_python_types(run_cli: RunCli, command: str) -> None:
    result = run_cli(command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert not re.search(r"<(str|int|path|dir|file|list\[[^>]*)>|list\[|\{[A-Za-z_-]+\}", text), text
    usage = text.splitlines()[0]
    assert usage.startswith(f"Usage: hbg-plan {command} [OPTIONS]")
    for word in usage.split()[3:]:
        assert PLACEHOLDER.match(word.strip("[]").replace("]...", "...")), usage
    for line in text.split("\nOptions:\n", 1)[1].splitlines():
        option = re.match(r"^  (?:-\w, )?(--[\w-]+)(?:, --[\w-]+)*(?:, -\w)? (\S+)", line)
        if option:  # an option that takes a value names it in capitals or lists the choices
            assert PLACEHOLDER.match(option.group(2)) or re.fullmatch(r"<[\w|-]+>", option.group(2)), line


def test_plan_arguments_read_plan_everywhere(run_cli: RunCli) -> None:
    usages = {c: run_cli(c, "--help").stdout.splitlines()[0] for c in ("validate", "gaps", "diff", "report")}
    assert usages["validate"].endswith("[PLAN]...")
    assert usages["gaps"].endswith("[PLAN]...")
    assert usages["diff"].endswith(" PLAN...")
    assert usages["report"].endswith("[PLAN]...")


# --- usage errors: the user's language, no framework prefixes ----------------------------------

USAGE_ERRORS = [
    (
        ("validate", "--format", "xml"),
        "--format kan inte vara 'xml'; välj en av: text, json, github, sarif, junit",
    ),
    (("validat",), "okänt kommando: validat (menade du validate?)"),
    (("gaps", "--selct", "HBG101"), "okänd flagga: --selct (menade du --select"),
    (("summary",), "argumentet PLAN saknas"),
    (("init", "x.yaml"), "flaggan --from saknas"),
    (("diff", "hbg-2020", "hbg-2023", "--fail-on"), "flaggan --fail-on behöver ett värde"),
    (("gaps", "--baseline", "plans"), "--baseline: 'plans' är en mapp; ange en fil"),
    (("rules", "HBG101", "HBG102"), "oväntade extra argument: HBG102"),
    (("validate", "--gaps=yes"), "flaggan --gaps tar inget värde"),
    (("validate", "--jobs", "0"), "--jobs kan inte vara '0'"),  # a number's message names no value
    (("gaps", "-jx"), "--jobs kan inte vara 'x'"),
    (
        ("summary", "hbg-2023", "--by", "ward"),
        "--by kan inte vara 'ward'; välj en av: party, unit, focus-area",
    ),
]
FRAMEWORK_WORDS = ("Error:", "Invalid value", "Value error", "Usage:", "Try '", "Missing", "No such")


@pytest.mark.parametrize(
    ("args", "expected"), USAGE_ERRORS, ids=lambda v: v[0] if isinstance(v, tuple) else ""
)
def test_usage_errors_speak_swedish_without_framework_prefixes(
    run_cli: RunCli, args: tuple[str, ...], expected: str
) -> None:
    result = run_cli(args[0], "--lang", "sv", *args[1:])
    assert result.exit_code == 2, result.output
    first, *rest = result.stderr.splitlines()
    assert first.startswith("hbg-plan: ") and expected in first, result.stderr
    assert rest and rest[0].startswith("  se 'hbg-plan") and rest[0].endswith(" --help'")
    assert not any(word in result.stderr for word in FRAMEWORK_WORDS), result.stderr
    assert not result.stdout


def test_usage_errors_in_english_name_the_option(run_cli: RunCli) -> None:
    result = run_cli("validate", "--output-format", "xml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "hbg-plan: --format cannot be 'xml'; choose one of: text, json, github, sarif, junit",
        "  see 'hbg-plan validate --help'",
    ]


def test_usage_errors_follow_the_configured_language(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hbg-plan.toml").write_text('lang = "sv"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("gaps", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith("hbg-plan: --format kan inte vara 'pdf'; välj en av: text, markdown")
    assert run_cli("gaps", "--format", "pdf", "--lang", "en").stderr.startswith(
        "hbg-plan: --format cannot be"
    )


# --- --quiet and --color on every command -------------------------------------------------------


def test_quiet_prints_nothing_when_all_is_well(run_cli: RunCli) -> None:
    for args in (
        ("validate", "-q"),
        ("-q", "validate", "--gaps"),  # before the command name as well
        ("validate", "--gaps", "--quiet"),
        ("gaps", "-q", "--baseline", str(REPO / "hbg-plan-baseline.json")),
        ("diff", "hbg-2020", "hbg-2020", "-q"),
    ):
        result = run_cli(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), (args, result)
    loud = run_cli("validate", "--gaps")
    assert loud.stdout and "known finding" in loud.stderr  # without -q: the summary and the note


def test_quiet_prints_only_the_problems(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("en gång per år", "två gånger per år", 1), "utf-8"
    )
    loud = run_cli("validate", str(plans_copy))
    quiet = run_cli("validate", str(plans_copy), "-q")
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:-1]  # without the summary line
    assert [line.split()[2] for line in quiet.stdout.splitlines()] == ["HBG025"]


def test_quiet_init_writes_without_a_word(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "hbg-2025.yaml"
    result = run_cli("init", str(target), "--from", "hbg-2023", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.is_file()


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the flag beats the environment
        (("--color", "never"), {"NO_COLOR": "", "FORCE_COLOR": "1"}, False),
        ((), {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),  # auto: FORCE_COLOR forces it
        ((), {"NO_COLOR": "1"}, False),  # auto: NO_COLOR turns it off
        (("--color", "auto"), {"NO_COLOR": ""}, False),  # auto: not a terminal
    ],
)
@pytest.mark.parametrize(
    "command", [("validate", "hbg-2020"), ("summary", "hbg-2020"), ("diff", "hbg-2020", "hbg-2023")]
)
def test_color_auto_always_never(
    run_cli: RunCli, command: tuple[str, ...], args: tuple[str, ...], env: dict[str, str], coloured: bool
) -> None:
    result = run_cli(*command, *args, env=env)
    assert result.exit_code == 0, result.output
    assert bool(ANSI.search(result.stdout)) is coloured


def test_color_never_goes_into_an_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    assert run_cli("validate", "hbg-2020", "--color", "always", "-o", str(report)).exit_code == 0
    assert "checked" in report.read_text(encoding="utf-8")
    assert not ANSI.search(report.read_text(encoding="utf-8"))


# --- validate --gaps takes the gate options of gaps -------------------------------------------


def test_validate_gaps_takes_select_ignore_and_fail_on(run_cli: RunCli) -> None:
    def codes(*args: str) -> set[str]:
        result = run_cli("validate", "--gaps", "--no-baseline", "hbg-2020", "-f", "json", *args)
        return {d["code"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]}

    assert codes("--select", "HBG101") == {"HBG101"}
    assert "HBG101" not in codes("--ignore", "HBG101") and codes("--ignore", "HBG101")
    failing = run_cli("validate", "--gaps", "--no-baseline", "hbg-2020", "--select", "HBG104")
    assert failing.exit_code == 0  # warnings do not fail by default …
    strict = run_cli(
        "validate", "--gaps", "--no-baseline", "hbg-2020", "--select", "HBG104", "--fail-on", "warning"
    )
    assert strict.exit_code == 1  # … unless --fail-on warning
    unknown = run_cli("validate", "--gaps", "--select", "HBG1O1")
    assert unknown.exit_code == 2 and "HBG1O1" in unknown.stderr


# --- where SARIF rules link to -----------------------------------------------------------------


def test_the_rules_link_comes_from_the_project_url_in_pyproject(run_cli: RunCli) -> None:
    import tomllib

    from hbg_plan import PROJECT_URL

    urls = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Repository"] == PROJECT_URL and "OWNER" not in PROJECT_URL
    assert urls["Rules"] == f"{PROJECT_URL}/blob/main/docs/rules.md"
    log = json.loads(run_cli("gaps", "hbg-2020", "-f", "sarif").stdout)
    uris = [r["helpUri"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert uris and all(uri.startswith(urls["Rules"] + "#hbg1") for uri in uris)


@pytest.mark.parametrize(
    "args",
    [
        ("gaps", str(PLANS / "hbg-2020.yaml"), "-f", "sarif"),
        ("validate", "--gaps", str(PLANS / "hbg-2020.yaml"), "-f", "sarif"),
    ],
)
def test_rules_url_in_the_configuration_moves_every_link(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    config = tmp_path / "hbg-plan.toml"
    config.write_text('rules-url = "https://intra.example/hbg/rules.html"\n', encoding="utf-8")
    run = json.loads(run_cli(*args, "-c", str(config)).stdout)["runs"][0]
    uris = [r["helpUri"] for r in run["tool"]["driver"]["rules"]]
    assert uris and all(u.startswith("https://intra.example/hbg/rules.html#hbg1") for u in uris)
    listed = json.loads(run_cli("rules", "HBG101", "-f", "json", "-c", str(config)).stdout)["rules"]
    assert listed[0]["help_uri"] == "https://intra.example/hbg/rules.html#hbg101-indicator-saknas"


@pytest.mark.parametrize("value", ['"javascript:alert(1)"', '"https://x.example/r.md#top"', "3"])
def test_a_bad_rules_url_is_a_configuration_error(run_cli: RunCli, tmp_path: Path, value: str) -> None:
    config = tmp_path / "hbg-plan.toml"
    config.write_text(f'lang = "sv"\nrules-url = {value}\n', encoding="utf-8")
    result = run_cli("rules", "-c", str(config), "--lang", "sv")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"hbg-plan: {config}:2: 'rules-url' måste vara en http- eller https-adress utan '#'-del\n"
    )
