"""Transcription review of plans/hbg-2020.yaml against plans/sources/002_1aca388ac409bdea.txt.

Expected numbers were established by hand from the source text (line numbers in comments).
"""

from __future__ import annotations

import pytest

from hbg_plan.model.plan import Goal, Plan
from tests.conftest import PLANS, RunCli

PLAN_FILE = PLANS / "hbg-2020.yaml"

# Indicator strings per goal: one per bullet under an indicator heading ("Mätbara indikatorer för
# uppföljning", "Mätbara grunder för uppföljning.", "Mätbara"); source lines of the bullets.
# 0 = the block reads "Saknas." (see SAKNAS).
INDICATORS_PER_GOAL = {
    "suicidprevention.kort": 1,  # 20
    "suicidprevention.lang": 1,  # 24
    "andts.kort": 2,  # 36-37
    "andts.lang": 2,  # 43-44
    "attityder.kort": 1,  # 52
    "attityder.lang": 1,  # 57
    "egen-erfarenhet.kort": 1,  # 67
    "egen-erfarenhet.lang": 1,  # 71
    "utbildningssatsning.kort": 2,  # 86-87
    "utbildningssatsning.lang": 0,  # 92 Saknas.
    "narstaende.kort": 7,  # 106-112
    "narstaende.lang": 1,  # 118 (heading "Mätbara grunder för uppföljning." 117)
    "trygg-halso-sjukvard.kort": 1,  # 127
    "trygg-halso-sjukvard.lang": 1,  # 133
    "brukarinflytande.kort": 1,  # 142
    "brukarinflytande.lang": 2,  # 148, 150 (unindented bullet before the next heading)
    "kommunikator-brukardelaktighet.kort": 2,  # 159-160
    "kommunikator-brukardelaktighet.lang": 0,  # 165 Saknas.
    "delaktighet.kort": 4,  # 186-189
    "delaktighet.lang": 4,  # 195-198
    "aterhamtningsguiden.kort": 1,  # 205
    "aterhamtningsguiden.lang": 0,  # 209 Saknas.
    "sip.kort": 1,  # 218
    "sip.lang": 1,  # 224
    "samverkan-utskrivning.kort": 2,  # 232-233
    "samverkan-utskrivning.lang": 1,  # 239
    "fact-case-management.kort": 4,  # 251-254
    "fact-case-management.lang": 2,  # 259-260
    "missbruk.kort": 4,  # 273-276
    "missbruk.lang": 1,  # 282
    "samsjuklighet.kort": 2,  # 289-290
    "samsjuklighet.lang": 0,  # 294 Saknas.
    "vald-nara-relation.kort": 3,  # 310-312
    "vald-nara-relation.lang": 2,  # 316-317
    "lss-personkrets-1.kort": 2,  # 327-328
    "lss-personkrets-1.lang": 0,  # 332 Saknas.
    "nyanlanda.kort": 1,  # 339
    "nyanlanda.lang": 0,  # 343 Saknas.
    "aldre.kort": 2,  # 351-352
    "aldre.lang": 1,  # 358
    "ojamlig-halsa.kort": 1,  # 369
    "ojamlig-halsa.lang": 2,  # 373-374
    "hbtq.kort": 1,  # 386
    "hbtq.lang": 1,  # 392
    "sysselsattning.kort": 1,  # 408
    "sysselsattning.lang": 0,  # 415 Saknas.
    "ordnat-inforande.kort": 2,  # 424-425
    "ordnat-inforande.lang": 0,  # 429 Saknas.
    "samordning-psykiatrifragor.kort": 1,  # 440
    "samordning-psykiatrifragor.lang": 1,  # 444
}

# Goals whose indicator block reads "Saknas.": (heading line, "Saknas." line).
SAKNAS = {
    "utbildningssatsning.lang": (91, 92),
    "kommunikator-brukardelaktighet.lang": (164, 165),
    "aterhamtningsguiden.lang": (208, 209),
    "samsjuklighet.lang": (293, 294),
    "lss-personkrets-1.lang": (331, 332),
    "nyanlanda.lang": (342, 343),
    "sysselsattning.lang": (414, 415),
    "ordnat-inforande.lang": (428, 429),
}


def test_validate_cli_exits_0(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLAN_FILE))
    assert result.exit_code == 0, result.output


def test_counts(plan: Plan, goals: dict[str, Goal]) -> None:
    # "Fokusområde 1."-"5." on lines 11, 94, 135, 262, 394.
    assert [fa.number for fa in plan.focus_areas] == [1, 2, 3, 4, 5]
    # Topic headings: FA1 13, 26, 46, 59, 73; FA2 96, 120; FA3 137, 152, 167, 200, 211, 226, 241;
    # FA4 264, 284, 296, 319, 334, 345, 360, 376; FA5 396, 417, 431.
    assert [len(fa.topics) for fa in plan.focus_areas] == [5, 2, 7, 8, 3]
    # Every topic has one "Kortsiktiga mål" and one "Långsiktiga mål" section: 25 + 25.
    assert len(goals) == 50
    assert sum(g.horizon == "short" for g in goals.values()) == 25
    assert sum(g.horizon == "long" for g in goals.values()) == 25
    # Indicator strings: FA1 12, FA2 10, FA3 25, FA4 23, FA5 5 (per goal in INDICATORS_PER_GOAL).
    assert sum(INDICATORS_PER_GOAL.values()) == 75
    assert sum(len(g.indicators) for g in goals.values()) == 75
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "saknas") == 8
    )
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "not-stated")
        == 0
    )
    # Signatures, lines 449-465.
    assert len(plan.signatories) == 4
    assert [s.name for s in plan.signatories] == [
        "Maria Norrby",
        "Tony Mufic",
        "Dinah Åbinger",
        "Annika Andersson",
    ]
    assert [s.party for s in plan.signatories] == ["amf", "sff", "sof", "vof"]


def test_indicator_counts_per_goal(goals: dict[str, Goal]) -> None:
    assert {gid: len(g.indicators) for gid, g in goals.items()} == INDICATORS_PER_GOAL


def test_saknas_goals(goals: dict[str, Goal]) -> None:
    found = {
        gid: (g.indicators_missing.source.first, g.indicators_missing.source.last)
        for gid, g in goals.items()
        if g.indicators_missing and g.indicators_missing.kind == "saknas" and g.indicators_missing.source
    }
    assert found == SAKNAS
    assert [
        gid for gid, g in goals.items() if g.indicators_missing and g.indicators_missing.kind == "saknas"
    ] == list(SAKNAS)


def test_verbatim_strings(goals: dict[str, Goal]) -> None:
    # Line 22 / 24.
    assert goals["suicidprevention.lang"].texts == ("Minska antalet självmord i Skåne.",)
    assert goals["suicidprevention.lang"].indicators == (
        "Följa antalet självmord i Skåne i dödsorsaksregistret.",
    )
    # Line 109: the printed misspelling "självhjälsgrupper" is kept.
    assert goals["narstaende.kort"].indicators[3] == (
        "Antal uppstartade självhjälsgrupper och antal självhjälsgrupper som fortsätter och är deltagarstyrda."
    )
    # Line 116: unindented bullet after a blank line is the second long-term text; 118 its indicator.
    assert goals["narstaende.lang"].texts[1].startswith("All personal som arbetar med vård och omsorg")
    assert goals["narstaende.lang"].indicators == ("Antal klick på www.helsingborg.se/anhorigstod",)
    # Line 203: "Återhämningssguiden" as printed, with its inline link.
    assert goals["aterhamtningsguiden.kort"].texts == (
        "Återhämningssguiden ska finnas tillgänglig på kontaktcenter, socialförvaltningen, "
        "arbetsmarknadsförvaltningen och vård- och omsorgsförvaltningen. Information om appen ska finnas på "
        "Helsingborgs stads webbplats. <http://www.aterhamtningsguiden.se/>",
    )
    # Lines 304 + 306: one bullet broken by a page break, joined.
    assert goals["vald-nara-relation.kort"].texts[5] == (
        "Helsingborgs stad använder de standardiserade bedömnings- och riskbedömningsinstrumenten Sara "
        "(riskbedömning av våld mot partner), Patriark (hedersrelaterat våld och förtryck) och Freda "
        "(socialtjänstens bedömningsmetod mot våld i nära relationer)."
    )
    # Lines 401 + 403: likewise.
    assert (
        goals["sysselsattning.kort"]
        .texts[2]
        .endswith(
            "för att öka den digitala kompetensen. Det är även ett sätt för instruktörerna att närma sig "
            "arbetsmarknaden samt att få sin kompetens validerad genom Open College Network (OCN)."
        )
    )
    # Line 150: the unindented bullet after the indicator list is the second indicator.
    assert goals["brukarinflytande.lang"].indicators[1] == (
        "Kommunikatör för brukardelaktighet träffar brukarrepresentanter för att reflektera över hur de upplever "
        "att de kan påverka."
    )
    # Line 444.
    assert goals["samordning-psykiatrifragor.lang"].indicators == (
        "Psykiatrisamordnaren följer upp och utvärderar Brister i samverkan på årlig basis.",
    )
    # Headings and periods, lines 75 and 122.
    assert goals["utbildningssatsning.kort"].heading == "Kortsiktiga mål och aktiviteter 2020-2022"
    assert goals["utbildningssatsning.kort"].period == "2020-2022"
    assert goals["trygg-halso-sjukvard.kort"].period == "2020-2021"


@pytest.mark.parametrize(
    ("goal_id", "parties"),
    [
        ("suicidprevention.kort", ["helsingborgs-stad", "sof", "sff", "vof"]),  # lines 16-17
        # line 31 "Socialförvaltningen i Helsingborg har en samordnare"; the coordinator carries out 31-33
        ("andts.kort", ["sof", "andts-samordnaren"]),
        # "Alla förvaltningar i Helsingborgs stad" (171) = the four departments of line 7
        ("delaktighet.kort", ["sof", "vof", "amf", "sff"]),
        ("sysselsattning.kort", ["helsingborgs-stad", "amf", "sof"]),  # 399-405; "där man arbetar" (401)
        (
            "ordnat-inforande.kort",
            ["helsingborgs-stad"],
        ),  # "där Helsingborgs stad håller i ordförandeskapet" (420)
        ("utbildningssatsning.kort", ["sof", "vof", "amf", "sff"]),  # lines 80-84
        (
            "narstaende.kort",
            ["helsingborgs-stad", "anhorigstod", "alkohol-drog-och-spelradgivningen"],
        ),  # 99-104
        ("lss-personkrets-1.kort", ["vof"]),  # lines 322-325
        (
            "samordning-psykiatrifragor.kort",
            ["psykiatrisamordningen", "lokalt-samrad"],
        ),  # lines 434, 436, 438
    ],
)
def test_responsible_parties(goals: dict[str, Goal], goal_id: str, parties: list[str]) -> None:
    goal = goals[goal_id]
    assert [entry.party for entry in goal.responsible] == parties
    assert all(entry.basis == "subject" for entry in goal.responsible)


@pytest.mark.parametrize(
    "goal_id",
    [
        "suicidprevention.lang",  # line 22: no subject
        "andts.lang",  # lines 39-41; "Elevhälsan" (44) is in an indicator only
        "samverkan-utskrivning.lang",  # "Regionen" (239) is in an indicator only
        "aldre.kort",  # line 348 names VOF/SOF as the place of training
        "nyanlanda.kort",  # line 337 "På arbetsmarknadsförvaltningen" is a place
        "samordning-psykiatrifragor.lang",  # line 442
    ],
)
def test_responsible_missing(goals: dict[str, Goal], goal_id: str) -> None:
    goal = goals[goal_id]
    assert goal.responsible == ()
    assert goal.responsible_missing is not None and goal.responsible_missing.kind == "not-stated"
