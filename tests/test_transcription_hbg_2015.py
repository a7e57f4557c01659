"""Transcription review of plans/hbg-2015.yaml against plans/sources/000_df9d85fa8ad8fd02.txt.

Expected numbers were established by hand from the source text (line numbers in comments).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hbg_plan.model.plan import Goal, Plan
from tests.conftest import PLANS, RunCli

PLAN_FILE = PLANS / "hbg-2015.yaml"


def test_validate_cli_exits_0(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLAN_FILE))
    assert result.exit_code == 0, result.output


def test_counts(plan: Plan, goals: dict[str, Goal]) -> None:
    # Two parts: "A. Nuläge" (line 19) and "B. Utveckling/framtid" (line 112).
    assert [fa.id for fa in plan.focus_areas] == ["nulage", "utveckling"]
    # A:1-A:8 (lines 21, 48, 63, 68, 76, 84, 92, 98) + B:1-B:12 (lines 114, 190, 198, 210, 227,
    # 236, 243, 251, 256, 268, 288, 296): one topic each.
    assert [len(fa.topics) for fa in plan.focus_areas] == [8, 12]
    # Each section is exactly one goal.
    assert len(goals) == 20
    assert all(len(topic.goals) == 1 for topic in plan.topics())
    assert sum(g.horizon == "current" for g in goals.values()) == 8  # the A sections
    # The document has no "Mätbara indikatorer" heading anywhere: 0 indicator strings,
    # 0 "Saknas", every goal {missing: not-stated}.
    assert sum(len(g.indicators) for g in goals.values()) == 0
    assert [
        gid for gid, g in goals.items() if g.indicators_missing and g.indicators_missing.kind == "saknas"
    ] == []
    assert all(
        g.indicators_missing is not None and g.indicators_missing.kind == "not-stated" for g in goals.values()
    )
    # One signature: "Helsingborg 2015-03-01Åke Malmén Samordning psykiatri" (line 300).
    assert len(plan.signatories) == 1


def test_dates(plan: Plan) -> None:
    assert dict(plan.dates) == {
        "followed-up": "2015-02-13",  # line 7 "Planen följdes upp 2015-02-13"
        "revised": "2015-05-08",  # line 7 "och reviderades 2015-05-08"
        "follow-up-due": "2016-02-13",  # line 8 "Ska följas upp senast 2016-02-13"
        "signed": "2015-03-01",  # line 300
    }
    signatory = plan.signatories[0]
    assert (signatory.name, signatory.role, signatory.date) == (
        "Åke Malmén",
        "Samordning psykiatri",
        "2015-03-01",
    )
    assert (signatory.source.first, signatory.source.last) == (300, 300)


# Parties the goal's own text gives the work, beside (or, for B:1, without) an "Ansvarig" line
# (issue 16, docs/responsible-reread.md): goal id → [(party, quote)].
SUBJECTS = {
    "b1-inventering.utveckling": [  # lines 117-126
        ("helsingborgs-stad", "Helsingborg"),
        ("socialtjansten-helsingborg", "socialtjänsten"),
        ("lokalt-samrad", "Lokala samrådet"),
    ],
    "b5-samordnat-stod-till-barn-och-unga.utveckling": [("sof", "Socialförvaltningen")],  # line 228
    "b6-brukarrevision.utveckling": [("helsingborgs-stad", "Helsingborg stad LSS-verksamhet")],  # 237
    "b7-inflytandefragor.utveckling": [("socialtjansten-helsingborg", "socialtjänsten i Helsingborg")],  # 244
    "b9-utbildning-fortbildning.utveckling": [("psykiatrisamordningen", "psykiatrisamordningen")],  # 261-263
    "sip.utveckling": [("psykiatrisamordningen", "Stadens psykitrisamordnare")],  # lines 280-281
}


def test_responsible_from_ansvarig_lines_and_the_goals_own_subjects(goals: dict[str, Goal]) -> None:
    for goal in goals.values():
        subjects = [(e.party, e.quote) for e in goal.responsible if e.basis == "subject"]
        assert subjects == SUBJECTS.get(goal.id, []), goal.id
        for entry in goal.responsible:
            if entry.basis == "subject":
                continue
            if goal.id == "b4-ips-arbetscoachning.utveckling" and entry.basis == "responsible-line":
                # line 225 "Ansvariga är deltagande organisationer": the organisations of lines 211-215
                assert entry.quote is not None, goal.id
                continue
            assert entry.basis in ("responsible-line", "supported-by"), goal.id
            assert entry.quote is not None and entry.quote.startswith("Ansvarig"), goal.id
    # Sections that name nobody: A:8 (98-108, a current-state inventory without an "Ansvarig"
    # line) and B:12 (296-298).
    missing = sorted(gid for gid, g in goals.items() if not g.responsible)
    assert missing == [
        "a8-samverkansformer.nulage",
        "b12-skriftliga-synpunkter-fran-brukar-anhorig-organisation.utveckling",
    ]
    for gid in missing:
        absence = goals[gid].responsible_missing
        assert absence is not None and absence.kind == "not-stated", gid


@pytest.mark.parametrize(
    ("goal_id", "parties", "quote"),
    [
        (
            "a1-lokal-overenskommelse.nulage",
            ["lokalt-samrad"],
            "Ansvariga är det lokala samrådet.",
        ),  # line 46
        (
            "a2-inflytande-delaktighet.nulage",
            ["socialtjansten-helsingborg", "region-skane-psykiatri"],
            "Ansvariga är socialtjänsten i Helsingborg samt Region Skånes psykiatri.",  # line 61
        ),
        (
            "a3-personliga-ombud.nulage",
            ["socialtjansten-helsingborg"],
            "Ansvarig är socialtjänsten i Helsingborg",
        ),  # 66
        ("a6-utbildning.nulage", ["psykiatrisamordningen"], "Ansvarig är psykiatrisamordningen."),  # line 90
        (
            "fact-case-management.utveckling",
            ["styrgrupp-cm", "lokalt-samrad"],
            "Ansvariga är styrgrupp för CM samt lokalt samråd för psykiatri.",  # line 208
        ),
        (
            "b8-ersattningsfragor.utveckling",
            ["socialtjansten-helsingborg"],
            "Ansvariga är socialtjänsten i Helsingborg.",  # line 254
        ),
        (
            "b7-inflytandefragor.utveckling",
            ["region-skane", "helsingborgs-stad", "socialtjansten-helsingborg"],
            "Ansvariga är Region Skåne samt Helsingborg Stad.",  # line 249
        ),
    ],
)
def test_responsible_parties(goals: dict[str, Goal], goal_id: str, parties: list[str], quote: str) -> None:
    goal = goals[goal_id]
    assert [entry.party for entry in goal.responsible] == parties
    assert {entry.quote for entry in goal.responsible if entry.basis == "responsible-line"} == {quote}


def test_units_and_supporting_parties(goals: dict[str, Goal]) -> None:
    # Lines 280-281 and 286: the city's psykiatrisamordnare (a named unit) and lokalt samråd.
    assert goals["sip.utveckling"].party_ids == ("psykiatrisamordningen", "lokalt-samrad")
    # Line 225 "Ansvariga är deltagande organisationer med stöd av lokalt samråd": the nine
    # organisations of lines 211-215 are responsible, lokalt samråd supports them.
    b4 = goals["b4-ips-arbetscoachning.utveckling"]
    assert len(b4.party_ids) == 9 and b4.party_ids[:2] == ("amf", "sof")
    assert b4.supporting_ids == ("lokalt-samrad",)


def test_verbatim_texts(goals: dict[str, Goal]) -> None:
    # A:3, lines 64-65.
    assert goals["a3-personliga-ombud.nulage"].texts == (
        "Helsingborgs Stads socialtjänst har sedan länge haft personliga ombud genom PO-Skåne och för närvarande "
        "finns det 5 personliga ombud anställda i Helsingborg.",
    )
    # A:1 list items, lines 34-42 (line 41-42 is one item).
    a1 = goals["a1-lokal-overenskommelse.nulage"].texts
    assert len(a1) == 10
    assert a1[1] == "Uppdraget är;"
    assert a1[4] == "Att följa upp rutinerna för Samordnad Individuell Planering (SIP)"  # line 37
    assert a1[8] == (
        "Att parterna har ett ömsesidigt ansvar för kunskapsöverföring och att vid behov ge stöd till personal i "
        "varandras organisationer för att öka kvaliteten i stödet/insatserna till den enskilde."
    )
    # B:8, lines 252-253.
    assert goals["b8-ersattningsfragor.utveckling"].texts == (
        "Socialtjänsten i Helsingborg kommer att arvodera brukare som deltar i utvecklingsprogram och liknande för "
        "organisationen under 2015.",
    )
    # B:4 keeps the line-break hyphen "IPS-\nmetoden" (lines 211-212) and the printed "Fontän huset".
    b4 = goals["b4-ips-arbetscoachning.utveckling"].texts[0]
    assert b4.startswith(
        "Följande organisationer deltar i upprättandet av en handlingsplan för förankringen av IPS-metoden"
    )
    assert "Fontän huset Bryggan." in b4
    # B:1 sub-headings kept in order (lines 129-179); source typo "psykitrisamordnare" kept in B:10 (line 281).
    assert goals["b1-inventering.utveckling"].texts[1:3] == (
        "Sammanfattning av prioriterade områden;",
        "SAMVERKAN",
    )
    assert "Stadens psykitrisamordnare ansvarar" in goals["sip.utveckling"].texts[0]


def test_source_ranges(goals: dict[str, Goal]) -> None:
    ranges = {gid: (g.source.first, g.source.last) for gid, g in goals.items()}
    assert ranges["a1-lokal-overenskommelse.nulage"] == (22, 46)
    assert ranges["a8-samverkansformer.nulage"] == (99, 108)
    assert ranges["b1-inventering.utveckling"] == (115, 188)
    assert ranges["b12-skriftliga-synpunkter-fran-brukar-anhorig-organisation.utveckling"] == (297, 298)


def test_plan_file_is_named_by_id() -> None:
    assert Path(PLAN_FILE).stem == "hbg-2015"
