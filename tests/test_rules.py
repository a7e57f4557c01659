"""Each gap rule fails on a bad example and passes on a good one, through `hbg-plan gaps`.

Plans are built small in tmp_path with the helpers below (also used by the config and summary
tests); a plan needs only what the schema requires, since `gaps` does not check provenance.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from hbg_plan.core.codes import GAP_CODES
from tests.conftest import PLANS, RunCli

Spec = dict[str, Any]


def goal(
    goal_id: str,
    *,
    horizon: str = "short",
    texts: tuple[str, ...] = ("Socialförvaltningen ska erbjuda stöd.",),
    indicators: tuple[str, ...] | str = ("Antal personer som fått stöd.",),
    responsible: tuple[str, ...] | str = ("sof",),
    **extra: Any,
) -> Spec:
    """A goal; `indicators`/`responsible` may be "saknas" or "not-stated" for an absence."""
    spec: Spec = {"id": goal_id, "horizon": horizon, "texts": list(texts)}
    if isinstance(indicators, str):
        spec["indicators"] = {"missing": indicators}
    else:
        spec["indicators"] = list(indicators)
    if isinstance(responsible, str):
        spec["responsible"] = {"missing": responsible}
    else:
        spec["responsible"] = [{"party": p, "basis": "subject"} for p in responsible]
    spec["source"] = {"lines": [1, 1]}
    spec.update(extra)
    return spec


def topic(topic_id: str, *goals: Spec, title: str | None = None, **extra: Any) -> Spec:
    return {
        "id": topic_id,
        "title": title or topic_id.capitalize(),
        "source": {"lines": [1, 1]},
        "goals": list(goals),
        **extra,
    }


def plan(plan_id: str, *topics: Spec, area: str = "forebyggande", **extra: Any) -> Spec:
    data: Spec = {
        "schema_version": 2,
        "id": plan_id,
        "title": f"Plan {plan_id}",
        "kind": "action-plan",
        "level": "local",
        "issued_by": ["helsingborgs-stad"],
        "period": {"start": "2020", "end": "2022"},
        "source": {"file": "sources/none.txt", "sha256": "0" * 64},
    }
    data.update(extra)
    data["focus_areas"] = [
        {
            "id": area,
            "number": 1,
            "title": "Förebyggande och främjande arbete",
            "source": {"lines": [1, 1]},
            "topics": list(topics),
        }
    ]
    return data


def write(folder: Path, data: Spec, name: str | None = None) -> Path:
    """Write a plan (and the bundled parties registry, once) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    registry = folder / "parties.yaml"
    if not registry.exists():
        shutil.copy(PLANS / "parties.yaml", registry)
    path = folder / (name or f"{data['id']}.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def findings(run_cli: RunCli, *args: str, expect_exit: int | None = None) -> list[dict[str, Any]]:
    """The findings of `hbg-plan gaps ARGS --format json --fail-on never`."""
    result = run_cli("gaps", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == (0 if expect_exit is None else expect_exit), result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def codes_for(found: list[dict[str, Any]], code: str) -> list[str]:
    return [f["goal"]["id"] if f["goal"] else f["topic"]["id"] for f in found if f["code"] == code]


# --- HBG101 / HBG102 / HBG103 ----------------------------------------------------------------


def test_hbg101_saknas_fails_and_stated_indicator_passes(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path, plan("p", topic("t", goal("t.kort", indicators="saknas"), goal("t.lang", horizon="long")))
    )
    found = findings(run_cli, str(path), "--select", "HBG101")
    assert codes_for(found, "HBG101") == ["t.kort"]
    assert found[0]["line"] > 0 and found[0]["file"] == str(path)


def test_hbg102_not_stated_is_a_separate_code_from_saknas(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan("p", topic("t", goal("t.kort", indicators="not-stated"), goal("t.lang", indicators="saknas"))),
    )
    found = findings(run_cli, str(path), "--select", "HBG101,HBG102")
    assert codes_for(found, "HBG102") == ["t.kort"]
    assert codes_for(found, "HBG101") == ["t.lang"]


def test_hbg102_skips_documents_without_indicator_blocks(run_cli: RunCli, tmp_path: Path) -> None:
    """An agreement (överenskommelse) and a Nuläge section have no indicator blocks to leave out."""
    agreement = write(
        tmp_path, plan("avtal", topic("t", goal("t.kort", indicators="not-stated")), kind="agreement")
    )
    current = write(
        tmp_path,
        plan(
            "nulage",
            topic(
                "t",
                goal("t.nulage", horizon="current", indicators="not-stated"),
                goal("t.kort", indicators="not-stated"),
            ),
        ),
    )
    assert findings(run_cli, str(agreement), "--select", "HBG102") == []
    assert codes_for(findings(run_cli, str(current), "--select", "HBG102"), "HBG102") == ["t.kort"]


def test_hbg102_applies_to_agreements_and_nulage_when_configured(run_cli: RunCli, tmp_path: Path) -> None:
    write(tmp_path, plan("avtal", topic("t", goal("t.kort", indicators="not-stated")), kind="agreement"))
    write(tmp_path, plan("nulage", topic("t", goal("t.nulage", horizon="current", indicators="not-stated"))))
    config = tmp_path / "hbg-plan.toml"
    config.write_text(
        '[per-plan.avtal.options.indicator-not-stated]\nplan-kinds = ["agreement"]\n\n'
        '[options.HBG102]\nhorizons = ["short", "long", "current"]\n',
        encoding="utf-8",
    )
    found = findings(run_cli, str(tmp_path), "--select", "HBG102", "--config", str(config))
    assert sorted(codes_for(found, "HBG102")) == ["t.kort", "t.nulage"]


def test_an_unknown_rule_option_is_a_config_error_at_its_line(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, plan("p", topic("t", goal("t.kort"))))
    config = tmp_path / "hbg-plan.toml"
    config.write_text('lang = "en"\n\n[options.stale-goal]\nhorizon = ["short"]\n', encoding="utf-8")
    result = run_cli("gaps", str(path), "--config", str(config))
    assert result.exit_code == 2
    assert (
        f"{config}:4: 'options.stale-goal.horizon': rule HBG105 has no such option (did you mean 'horizons'?)"
        in result.stderr
    )
    config.write_text('[options.stale-goal]\nhorizons = ["kort"]\n', encoding="utf-8")
    result = run_cli("gaps", str(path), "--config", str(config))
    assert result.exit_code == 2
    assert "'options.stale-goal.horizons' is 'kort'; expected one of short, long, current" in result.stderr
    assert "Traceback" not in result.output


def test_hbg103_no_responsible_party(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, plan("p", topic("t", goal("t.kort", responsible="not-stated"), goal("t.lang"))))
    found = findings(run_cli, str(path), "--select", "HBG103")
    assert codes_for(found, "HBG103") == ["t.kort"]
    assert found[0]["responsible"] == []


# --- HBG104 ----------------------------------------------------------------------------------


def test_hbg104_activity_indicator_fails_count_passes(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan(
            "p",
            topic(
                "t",
                goal(
                    "t.kort",
                    indicators=(
                        "Utvärdering av utbildningarna.",
                        "Antal medarbetare som gått utbildningarna.",
                    ),
                ),
                goal("t.lang", indicators=("Fastställt vårdprogram.",)),
            ),
        ),
    )
    found = findings(run_cli, str(path), "--select", "HBG104")
    assert [(f["goal"]["id"], f["args"]["indicator"]) for f in found] == [
        ("t.kort", "Utvärdering av utbildningarna.")
    ]
    assert found[0]["severity"] == "warning"
    assert found[0]["pointer"].endswith("/indicators/0")


# --- HBG105 and the history on HBG101/HBG102: versions ---------------------------------------------------------------


def _versions(tmp_path: Path, old: Spec, new: Spec) -> Path:
    write(tmp_path, plan("city-2020", topic("t", old)))
    return write(
        tmp_path,
        plan("city-2023", topic("t", new), replaces="city-2020", period={"start": "2023", "end": "2024"}),
    )


def test_hbg105_short_term_goal_unchanged_since_previous_version(run_cli: RunCli, tmp_path: Path) -> None:
    texts = ("Utbildning i SIP för chefer och medarbetare.",)
    new = _versions(
        tmp_path,
        goal("t.kort", texts=texts),
        goal("t.kort", texts=("  utbildning i SIP för chefer och  medarbetare",)),
    )  # spacing, case, full stop differ
    found = findings(run_cli, str(new), "--select", "HBG105")
    assert codes_for(found, "HBG105") == ["t.kort"]
    assert found[0]["args"]["versions"] == "city-2020, city-2023"
    assert found[0]["related"]["file"].endswith("city-2020.yaml")


def test_hbg105_names_the_activities_carried_over(run_cli: RunCli, tmp_path: Path) -> None:
    new = _versions(
        tmp_path,
        goal("t.kort", texts=("Utbildning av instruktörer och medarbetare.", "Kartläggning av behov.")),
        goal("t.kort", texts=("Utbildning av instruktörer och medarbetare.", "Brukarrevision av SIP.")),
    )
    found = findings(run_cli, str(new), "--select", "HBG105")
    assert [(f["args"]["kept"], f["args"]["total"], f["args"]["text"]) for f in found] == [
        (1, 2, "Utbildning av instruktörer och medarbetare.")
    ]
    assert found[0]["message"].startswith("1 of 2 activities carried over unchanged from city-2020")


def test_hbg105_leaves_long_term_goals_alone_unless_configured(run_cli: RunCli, tmp_path: Path) -> None:
    """A long-term goal is meant to stay the same across versions; checking it is a choice."""
    texts = ("Minska antalet självmord i Skåne.",)
    new = _versions(
        tmp_path, goal("t.lang", horizon="long", texts=texts), goal("t.lang", horizon="long", texts=texts)
    )
    assert findings(run_cli, str(new), "--select", "HBG105") == []
    config = tmp_path / "hbg-plan.toml"
    config.write_text('[options.stale-goal]\nhorizons = ["short", "long"]\n', encoding="utf-8")
    found = findings(run_cli, str(new), "--select", "HBG105", "--config", str(config))
    assert codes_for(found, "HBG105") == ["t.lang"]


def test_hbg105_revised_text_passes(run_cli: RunCli, tmp_path: Path) -> None:
    new = _versions(
        tmp_path,
        goal("t.kort", texts=("Kvalitativ samverkan.",)),
        goal("t.kort", texts=("Alla med samsjuklighet har en SIP inom 30 dagar.",)),
    )
    assert findings(run_cli, str(new), "--select", "HBG105") == []


def test_hbg105_follows_renamed_from(run_cli: RunCli, tmp_path: Path) -> None:
    new = _versions(
        tmp_path,
        goal("t.gammal", texts=("Samma text.",)),
        goal("t.ny", texts=("Samma text.",), renamed_from="t.gammal"),
    )
    assert codes_for(findings(run_cli, str(new), "--select", "HBG105"), "HBG105") == ["t.ny"]


def test_hbg105_without_the_previous_version_in_the_folder_passes(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, plan("city-2023", topic("t", goal("t.kort")), replaces="city-2020"))
    assert findings(run_cli, str(path), "--select", "HBG105") == []


def test_hbg101_says_since_which_version_the_indicator_is_missing(run_cli: RunCli, tmp_path: Path) -> None:
    """One gap, one finding: the history is information on HBG101, not a second error (HBG106 was)."""
    new = _versions(
        tmp_path,
        goal("t.lang", horizon="long", texts=("Förbättra integrationen.",), indicators="not-stated"),
        goal(
            "t.lang", horizon="long", texts=("Förbättra integrationen för nyanlända.",), indicators="saknas"
        ),
    )
    found = findings(run_cli, str(new))
    missing = [f for f in found if f["code"] == "HBG101"]
    assert [f["goal"]["id"] for f in missing] == ["t.lang"]
    assert missing[0]["args"] == {"since": "city-2020", "versions": "city-2020, city-2023", "count": 2}
    assert "missing since city-2020" in missing[0]["message"]
    at_line = [f["code"] for f in found if f["line"] == missing[0]["line"]]
    assert at_line == ["HBG101"]


def test_hbg101_has_no_history_when_an_earlier_version_had_an_indicator(
    run_cli: RunCli, tmp_path: Path
) -> None:
    new = _versions(
        tmp_path,
        goal("t.lang", horizon="long", indicators=("Antal nyanlända i arbete.",)),
        goal("t.lang", horizon="long", indicators="saknas"),
    )
    found = findings(run_cli, str(new), "--select", "HBG101")
    assert [(f["goal"]["id"], f["args"]) for f in found] == [("t.lang", {})]
    assert found[0]["message"] == 'indicator missing: the plan says "Saknas"'


def test_hbg102_says_since_which_version_no_indicator_is_stated(run_cli: RunCli, tmp_path: Path) -> None:
    new = _versions(
        tmp_path, goal("t.kort", indicators="not-stated"), goal("t.kort", indicators="not-stated")
    )
    found = findings(run_cli, str(new), "--select", "HBG102")
    assert [(f["goal"]["id"], f["args"]["since"]) for f in found] == [("t.kort", "city-2020")]


def test_the_former_hbg106_code_is_unknown(run_cli: RunCli) -> None:
    result = run_cli("gaps", str(PLANS / "hbg-2023.yaml"), "--select", "HBG106")
    assert result.exit_code == 2
    assert "unknown rule 'HBG106'" in result.stderr


# --- HBG107: coverage of the regional plan ----------------------------------------------------


def _regional(tmp_path: Path) -> None:
    write(
        tmp_path,
        plan(
            "region",
            topic(
                "suicidprevention",
                goal("suicidprevention.kort", texts=("Utbilda personal i suicidprevention.",)),
                title="Suicidprevention",
            ),
            topic(
                "andts",
                goal("andts.kort", texts=("Minska bruket av alkohol och narkotika bland unga.",)),
                title="Alkohol, narkotika, dopning och tobak, ANDT",
            ),
            level="regional",
            kind="follow-up",
            issued_by=["region-skane"],
        ),
    )


def test_hbg107_regional_topic_without_local_counterpart(run_cli: RunCli, tmp_path: Path) -> None:
    _regional(tmp_path)
    local = write(
        tmp_path,
        plan(
            "city",
            topic("suicidprevention", goal("suicidprevention.kort", texts=("Utbilda personal.",))),
            based_on=["region"],
        ),
    )
    found = findings(run_cli, str(local), "--select", "HBG107")
    assert codes_for(found, "HBG107") == ["andts"]
    assert found[0]["topic"]["title"] == "Alkohol, narkotika, dopning och tobak, ANDT"
    assert found[0]["plan"] == "city"


def test_hbg107_same_as_counts_as_a_counterpart(run_cli: RunCli, tmp_path: Path) -> None:
    _regional(tmp_path)
    local = write(
        tmp_path,
        plan(
            "city",
            topic("suicidprevention", goal("suicidprevention.kort")),
            topic("alkohol-och-droger", goal("alkohol-och-droger.kort"), same_as="andts"),
            based_on=["region"],
        ),
    )
    assert findings(run_cli, str(local), "--select", "HBG107") == []


def test_hbg107_pairs_topics_with_the_diff_matcher_not_on_id_only(run_cli: RunCli, tmp_path: Path) -> None:
    """A local topic under another id is the regional one when `diff` pairs them: here by title."""
    _regional(tmp_path)
    local = write(
        tmp_path,
        plan(
            "city",
            topic("suicidprevention", goal("suicidprevention.kort", texts=("Utbilda personal.",))),
            topic(
                "alkohol-narkotika",
                goal("alkohol-narkotika.kort", texts=("Samverkan med polisen om langning.",)),
                title="Alkohol, narkotika, dopning och tobak (ANDT)",
            ),
            based_on=["region"],
        ),
    )
    assert findings(run_cli, str(local), "--select", "HBG107") == []
    compared = json.loads(
        run_cli("diff", str(tmp_path / "region.yaml"), str(local), "--format", "json").stdout
    )
    topic_pairs = {
        (p["old_id"], p["new_id"]) for p in compared["comparisons"][0]["pairs"] if p["level"] == "topic"
    }
    assert ("andts", "alkohol-narkotika") in topic_pairs  # the same pairing `diff` shows


# --- HBG108: follow-up -----------------------------------------------------------------------


def _follow_up(*entries: tuple[int, str, str | None]) -> list[Spec]:
    items = []
    for year, text, status in entries:
        item: Spec = {"year": year, "text": text, "source": {"lines": [1, 1]}}
        if status:
            item["status"] = status
        items.append(item)
    return items


def test_hbg108_latest_follow_up_not_done(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan(
            "region",
            topic(
                "t",
                goal(
                    "t.kort",
                    follow_up=_follow_up((2019, "Brukarrevision ej genomförd avseende SIP.", "not-done")),
                ),
                goal("t.lang", follow_up=_follow_up((2019, "Indikatorer ej framtagna.", None))),
                goal(
                    "t.kort-2",
                    follow_up=_follow_up((2018, "Ej genomförd.", None), (2019, "Genomförd 2019.", "done")),
                ),
                goal(
                    "t.lang-2",
                    follow_up=_follow_up((2019, "Brukarrevision genomförd i tre kommuner.", "done")),
                ),
            ),
            level="regional",
        ),
    )
    found = findings(run_cli, str(path), "--select", "HBG108")
    assert codes_for(found, "HBG108") == ["t.kort", "t.lang"]  # an earlier year's "Ej genomförd" is history
    assert found[1]["args"] == {"year": 2019, "text": "Indikatorer ej framtagna."}


def test_hbg108_not_yet_measured_is_not_not_done(run_cli: RunCli, tmp_path: Path) -> None:
    """skane-2019 line 385: the measurement is not in the system yet; the goal has not failed."""
    path = write(
        tmp_path,
        plan(
            "region",
            topic(
                "t",
                goal(
                    "t.lang",
                    follow_up=_follow_up((2019, "Mätning för helår 2019 är inte klar i systemet.", None)),
                ),
                goal(
                    "t.kort",
                    follow_up=_follow_up((2019, "Resultatet av enkäten är ännu inte tillgängligt.", None)),
                ),
                goal("t.kort-2", follow_up=_follow_up((2019, "Utbildningen är inte genomförd.", None))),
            ),
            level="regional",
        ),
    )
    assert codes_for(findings(run_cli, str(path), "--select", "HBG108"), "HBG108") == ["t.kort-2"]


def test_hbg108_on_the_2019_follow_up_leaves_the_pending_measurement_out(run_cli: RunCli) -> None:
    found = findings(run_cli, str(PLANS / "skane-2019.yaml"), "--select", "HBG108", "--plans", str(PLANS))
    texts = {f["args"]["text"] for f in found}
    assert "Brukarrevision ej genomförd avseende SIP." in texts
    assert not any("inte klar i systemet" in t for t in texts)


# --- HBG109: suppressions --------------------------------------------------------------------


def test_hbg109_suppression_without_reason_still_suppresses_but_is_a_finding(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        plan(
            "p",
            topic(
                "t",
                goal("t.kort", indicators="saknas", ignore=[{"code": "HBG101"}]),
                goal(
                    "t.lang", indicators="saknas", ignore=[{"code": "HBG101", "reason": "Beslutas i mars."}]
                ),
                goal("t.kort-2", indicators="saknas"),
            ),
        ),
    )
    result = run_cli("gaps", str(path), "--select", "HBG101,HBG109", "--format", "json", "--fail-on", "never")
    document = json.loads(result.stdout)
    assert [(f["code"], f["goal"]["id"]) for f in document["findings"]] == [
        ("HBG109", "t.kort"),
        ("HBG101", "t.kort-2"),
    ]
    assert document["summary"]["suppressed"] == 2
    assert document["findings"][0]["args"] == {"code": "HBG101"}


def test_hbg109_cannot_be_suppressed_on_the_goal(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path, plan("p", topic("t", goal("t.kort", ignore=[{"code": "HBG104"}, {"code": "HBG109"}])))
    )
    found = findings(run_cli, str(path), "--select", "HBG109")
    assert len(codes_for(found, "HBG109")) == 2


def test_a_suppression_only_silences_its_own_code(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan(
            "p",
            topic(
                "t",
                goal(
                    "t.kort",
                    indicators="saknas",
                    responsible="not-stated",
                    ignore=[{"code": "HBG101", "reason": "Indikator beslutas av lokalt samråd."}],
                ),
            ),
        ),
    )
    assert [f["code"] for f in findings(run_cli, str(path))] == ["HBG103"]


# --- the rules command and the registry ------------------------------------------------------


def test_rules_lists_every_rule_with_code_name_and_severity(run_cli: RunCli) -> None:
    result = run_cli("rules")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    expected = {
        "HBG101": "indicator-saknas",
        "HBG102": "indicator-not-stated",
        "HBG103": "no-responsible-party",
        "HBG104": "indicator-not-measurable",
        "HBG105": "stale-goal",
        "HBG107": "regional-topic-not-covered",
        "HBG108": "follow-up-not-done",
        "HBG109": "suppression-without-reason",
        "HBG110": "goal-saknas",
    }
    gap_rules = [line.split()[:2] for line in lines if line.startswith("HBG1")]
    assert gap_rules == [[code, name] for code, name in expected.items()]
    assert "warning" in next(line for line in lines if line.startswith("HBG104"))


def test_rules_code_explains_with_examples_and_hint_in_swedish(run_cli: RunCli) -> None:
    result = run_cli("rules", "HBG101", "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("HBG101 indicator-saknas: Indikator saknas")
    assert "Underkänns:" in result.stdout and "Godkänns:" in result.stdout
    assert "indicators: {missing: saknas" in result.stdout
    assert "Så åtgärdar du:" in result.stdout


def test_rules_accepts_a_name_and_suggests_on_a_typo(run_cli: RunCli) -> None:
    assert run_cli("rules", "stale-goal").stdout.startswith("HBG105 stale-goal")
    result = run_cli("rules", "HBG1O5")
    assert result.exit_code == 2
    assert "unknown rule 'HBG1O5'" in result.stderr and "HBG105" in result.stderr
    assert "Traceback" not in result.output


def test_rules_json_lists_examples(run_cli: RunCli) -> None:
    rules = json.loads(run_cli("rules", "--format", "json").stdout)["rules"]
    assert all(r["examples"].keys() == {"bad", "good"} for r in rules)


@pytest.mark.parametrize("code", sorted(GAP_CODES))
def test_every_rule_documents_a_failing_and_a_passing_example(code: str) -> None:
    from hbg_plan.gaps.rules import find_rule

    rule = find_rule(code)
    assert rule is not None
    examples = rule.examples()
    assert examples.get("bad") and examples.get("good") and examples["bad"] != examples["good"]
    assert rule.doc.startswith(f"{code} {rule.name}:")


def test_docstring_examples_of_goal_rules_behave_as_documented(run_cli: RunCli, tmp_path: Path) -> None:
    """The Bad/Good goal snippets of HBG101-HBG103 are real YAML that fails and passes."""
    from hbg_plan.gaps.rules import find_rule

    for code in ("HBG101", "HBG102", "HBG103"):
        rule = find_rule(code)
        assert rule is not None
        for kind in ("bad", "good"):
            snippet = yaml.safe_load(rule.examples()[kind])[0]
            spec = goal(snippet["id"])
            spec.update({k: v for k, v in snippet.items() if k != "source"})
            spec["indicators"] = snippet.get("indicators", spec["indicators"])
            path = write(tmp_path / f"{code}-{kind}", plan("p", topic(snippet["id"].split(".")[0], spec)))
            found = codes_for(findings(run_cli, str(path), "--select", code), code)
            assert found == ([snippet["id"]] if kind == "bad" else []), (code, kind)
