"""HBG104's classifier against a reader's labels for every indicator of the bundled plans.

tests/data/indicators_labelled.yaml holds each indicator text once, with the label a person gave
it by reading it ("measurable" when it says what number or yes/no answer will be reported) and
a short reason. The classifier (hbg_plan/gaps/rules/_measurable.py) must agree with at least
95 % of them, and the README states the agreement measured here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from hbg_plan.gaps.rules._measurable import classify, is_measurable, measurable_kind
from tests.conftest import DATA, PLANS, REPO, RunCli

LABELLED = DATA / "indicators_labelled.yaml"
LABELS = ("measurable", "not-measurable")


def labelled() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    return entries


def bundled_indicators() -> set[str]:
    texts: set[str] = set()
    for path in PLANS.glob("*.yaml"):
        if path.name == "parties.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for area in data["focus_areas"]:
            for topic in area.get("topics", []):
                for goal in topic.get("goals", []):
                    indicators = goal.get("indicators")
                    if isinstance(indicators, list):
                        texts |= {i for i in indicators if isinstance(i, str)}
    return texts


def agreement() -> tuple[int, int, list[tuple[str, str]]]:
    entries = labelled()
    wrong = [(e["text"], e["label"]) for e in entries if classify(e["text"])[0] != e["label"]]
    return len(entries) - len(wrong), len(entries), wrong


def test_every_indicator_of_the_bundled_plans_is_labelled_once_with_a_reason() -> None:
    entries = labelled()
    texts = [e["text"] for e in entries]
    assert len(texts) == len(set(texts))
    assert set(texts) == bundled_indicators()
    for entry in entries:
        assert entry["label"] in LABELS, entry
        assert len(entry["reason"].strip()) >= 10, entry


def test_the_classifier_agrees_with_the_readers_labels() -> None:
    agree, total, wrong = agreement()
    print(f"HBG104 classifier agreement: {agree}/{total} ({100 * agree / total:.1f} %)")
    assert agree / total >= 0.95, wrong


def test_the_readme_states_the_measured_agreement() -> None:
    agree, total, _ = agreement()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"agrees with (\d+) of (\d+) labelled indicators \(([\d.]+) %\)", readme)
    assert found, "README: state the HBG104 classifier's agreement"
    assert (int(found[1]), int(found[2])) == (agree, total)
    assert float(found[3]) == round(100 * agree / total, 1)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Besöksstatistik.", "Nationell statistik från Skolverket."),  # a statistic is a figure
        ("Dödsorsaksregistret.", "Öppna jämförelser."),  # a source named without its figure
        ("Utvärdering av utbildningarna.", "Utvärdering av genomförd SIP-utbildning."),  # activities
    ],
)
def test_like_indicators_get_like_verdicts(first: str, second: str) -> None:
    labels = {e["text"]: e["label"] for e in labelled()}
    assert labels[first] == labels[second]
    assert is_measurable(first) == is_measurable(second) == (labels[first] == "measurable")


def test_a_bare_year_is_not_a_measure_but_a_deadline_is() -> None:
    assert not is_measurable("Samverkan med regionen 2022.")
    assert not is_measurable("Rapport 2019.")
    assert measurable_kind("Vårdprogrammet fastställs senast 2022.") in ("deadline", "yes-no")
    assert measurable_kind("Klart senast i december.") == "deadline"


def test_counts_and_instruments_the_old_heuristic_missed() -> None:
    assert measurable_kind("Utbildningstillfällen.") == "count"
    tests = "Barnen delaktiga i Familjen läser kartläggs med normerade och standardiserade tester, som sedan följs upp över tid."
    assert measurable_kind(tests) == "measurement"


def test_measurable_kinds() -> None:
    assert measurable_kind("Antal SIP.") == "count"
    assert measurable_kind("Återkommande ärenden ska minska.") == "change"
    assert measurable_kind("Resultat från programtrohetsmätning.") == "measurement"
    assert measurable_kind("Skolnärvaro.") == "quantity"
    assert measurable_kind("Fastställt vårdprogram.") == "yes-no"
    assert measurable_kind("Ökad kunskap om bemötande.") is None  # a direction without anything countable
    assert measurable_kind("Bör tas fram.") is None


def test_gaps_flags_the_unmeasurable_indicators_of_the_2020_plan(run_cli: RunCli) -> None:
    result = run_cli("gaps", str(PLANS / "hbg-2020.yaml"), "--select", "HBG104", "--format", "json")
    assert result.exit_code == 0, result.output  # warnings only: the default --fail-on error passes
    flagged = {f["args"]["indicator"] for f in json.loads(result.stdout)["findings"]}
    assert {"Dödsorsaksregistret.", "Utvärdering av utbildningarna."} <= flagged
    assert not flagged & {"Antal SIP.", "Fastställt vårdprogram.", "Utbildningstillfällen."}


def test_the_labelled_file_is_in_the_repository() -> None:
    assert Path(LABELLED).is_relative_to(REPO)
