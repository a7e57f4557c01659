"""Transcription review of plans/hbg-2023.yaml against plans/sources/001_dc34fee1e25e61d1.txt.

Expected numbers were established by hand from the source text (line numbers in comments). The
source was transcribed in four parts (FA1 37-727, FA2-3 728-1450, FA4 1451-2180, FA5 + "Resultat och
uppföljning" + signatures 2181-2556); the seams are covered by the per-goal counts below.
"""

from __future__ import annotations

import pytest

from hbg_plan.model.plan import Goal, Plan
from tests.conftest import PLANS, RunCli

PLAN_FILE = PLANS / "hbg-2023.yaml"

# Indicator strings per goal: one per bullet under an indicator heading ("Mätbara indikatorer för
# uppföljning", or the truncated "indikatorer för uppföljning" on line 2524); source lines of the
# bullets. 0 = the block reads "Saknas." (see SAKNAS).
INDICATORS_PER_GOAL = {
    # Fokusområde 1 (line 37)
    "attityder.kort": 1,  # 50
    "attityder.lang": 1,  # 66
    "barn-och-ungas-psykiska-halsa.kort": 9,  # 236-255
    "barn-och-ungas-psykiska-halsa.lang": 1,  # 298
    "godkand-grundskola-och-oka-skolnarvaro.kort": 3,  # 338-340
    "godkand-grundskola-och-oka-skolnarvaro.lang": 2,  # 356-357
    "familjecentraler.kort": 7,  # 374-380
    "familjecentraler.lang": 4,  # 399-402
    "suicidprevention.kort": 2,  # 510, 511-513 (after link-target lines 505-508)
    "suicidprevention.lang": 1,  # 522
    "andts.kort": 4,  # 573-575, 583 (after link-target lines 577-582)
    "andts.lang": 2,  # 600-602, 603-605
    "egen-erfarenhet.kort": 1,  # 635-637
    "egen-erfarenhet.lang": 1,  # 646
    "utbildningssatsning.kort": 2,  # 715-716
    "utbildningssatsning.lang": 0,  # 726 Saknas.
    # Fokusområde 2 (line 728)
    "vart-vander-man-sig.kort": 1,  # 742
    "vart-vander-man-sig.lang": 1,  # 753
    "foraldrastod.kort": 12,  # 836-847
    "foraldrastod.lang": 2,  # 859-860
    "narstaende.kort": 7,  # 905-915
    "narstaende.lang": 1,  # 938
    # Fokusområde 3 (line 940)
    "brukardelaktighet-och-invanarinflytande.kort": 2,  # 985-987, 990
    "brukardelaktighet-och-invanarinflytande.lang": 2,  # 1015, 1016-1018
    "delaktighet.kort": 18,  # 1174-1208
    "delaktighet.lang": 3,  # 1229-1239
    "aterhamtningsguiden.kort": 0,  # 1257 Saknas.
    "aterhamtningsguiden.lang": 0,  # 1267 Saknas.
    "sip.kort": 2,  # 1320-1321
    "sip.lang": 2,  # 1336-1337
    "samverkan-utskrivning.kort": 2,  # 1361-1362
    "samverkan-utskrivning.lang": 1,  # 1381
    "fact-case-management.kort": 4,  # 1424-1427
    "fact-case-management.lang": 2,  # 1446-1447
    # Fokusområde 4 (line 1451)
    "placering-utanfor-egna-hemmet.kort": 6,  # 1528-1535
    "placering-utanfor-egna-hemmet.lang": 2,  # 1554-1555 (1556 is the next topic's heading)
    "unga-16-20-ar-i-kommunens-aktivitetsansvar.kort": 1,  # 1578
    "unga-16-20-ar-i-kommunens-aktivitetsansvar.lang": 1,  # 1593
    "nyanlanda.kort": 2,  # 1620-1621, 1623
    "nyanlanda.lang": 0,  # 1634 Saknas.
    "barn-som-anhoriga.kort": 1,  # 1654
    "barn-som-anhoriga.lang": 0,  # 1664 Saknas.
    "samsjuklighet-psykisk-ohalsa-och-beroende-barn-och-unga.kort": 1,  # 1681
    "samsjuklighet-psykisk-ohalsa-och-beroende-barn-och-unga.lang": 2,  # 1693-1694
    "missbruk.kort": 2,  # 1720-1721
    "missbruk.lang": 2,  # 1741-1742
    "personer-med-beroende-av-spel-om-pengar.kort": 2,  # 1792-1793
    "personer-med-beroende-av-spel-om-pengar.lang": 2,  # 1817-1818
    "samsjuklighet.kort": 2,  # 1860-1861
    "samsjuklighet.lang": 0,  # 1872 Saknas.
    "vald-nara-relation.kort": 3,  # 1935-1937
    "vald-nara-relation.lang": 2,  # 1947-1948
    "lss-personkrets-1.kort": 2,  # 1988-1989
    "lss-personkrets-1.lang": 0,  # 2006 Saknas.
    "aldre.kort": 3,  # 2025-2027
    "aldre.lang": 1,  # 2040
    "ojamlig-halsa.kort": 2,  # 2103-2105, 2112 (after link-target lines 2107-2111)
    "ojamlig-halsa.lang": 2,  # 2122-2123
    "hbtq.kort": 2,  # 2158-2159
    "hbtq.lang": 0,  # 2180 Saknas.
    # Fokusområde 5 (line 2181)
    "sysselsattning.kort": 2,  # 2249-2251, 2253-2255
    "sysselsattning.lang": 0,  # 2282 Saknas.
    "kunskapsstyrning.kort": 1,  # 2385
    "kunskapsstyrning.lang": 0,  # 2409 Saknas.
    "samordning-psykiatrifragor.kort": 3,  # 2456-2460, 2462, 2464
    "samordning-psykiatrifragor.lang": 1,  # 2481
    "resultat-och-uppfoljning.kort": 1,  # 2517
    "resultat-och-uppfoljning.lang": 0,  # 2526 Saknas. (truncated heading "indikatorer för uppföljning", 2524)
}

# Goals whose indicator block reads "Saknas.": (indicator heading line, "Saknas." line).
SAKNAS = {
    "utbildningssatsning.lang": (725, 726),
    "aterhamtningsguiden.kort": (1256, 1257),
    "aterhamtningsguiden.lang": (1265, 1267),
    "nyanlanda.lang": (1632, 1634),
    "barn-som-anhoriga.lang": (1662, 1664),
    "samsjuklighet.lang": (1871, 1872),
    "lss-personkrets-1.lang": (2005, 2006),
    "hbtq.lang": (2179, 2180),
    "sysselsattning.lang": (2281, 2282),
    "kunskapsstyrning.lang": (2408, 2409),
    "resultat-och-uppfoljning.lang": (2524, 2526),
}


def test_validate_cli_exits_0(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLAN_FILE))
    assert result.exit_code == 0, result.output


def test_counts(plan: Plan, goals: dict[str, Goal]) -> None:
    # "Fokusområde 1."-"5." on lines 37, 728, 940, 1451, 2181; the introduction (line 23) names five.
    assert [fa.number for fa in plan.focus_areas] == [1, 2, 3, 4, 5]
    assert [fa.id for fa in plan.focus_areas] == [
        "forebyggande",
        "tillgangliga-tidiga",
        "delaktighet-rattigheter",
        "utsatta-grupper",
        "ledning-styrning",
    ]
    # Topic headings: FA1 39, 70, 302, 360, 405, 525, 608, 650; FA2 729, 756, 865;
    # FA3 942, 1021, 1242, 1270, 1341, 1385; FA4 1453, 1556, 1597, 1637, 1667, 1698, 1747, 1822, 1876,
    # 1952, 2009, 2044, 2128; FA5 2183, 2285, 2413 and "Resultat och uppföljning" 2487.
    assert [len(fa.topics) for fa in plan.focus_areas] == [8, 3, 6, 13, 4]
    assert len(list(plan.topics())) == 34
    # Every topic has one "Kortsiktiga mål och aktiviteter 2023 - 2024" and one "Långsiktiga mål".
    assert len(goals) == 68
    assert sum(g.horizon == "short" for g in goals.values()) == 34
    assert sum(g.horizon == "long" for g in goals.values()) == 34
    # Indicator strings: FA1 41, FA2 24, FA3 38, FA4 43, FA5 8 (per goal in INDICATORS_PER_GOAL).
    assert sum(INDICATORS_PER_GOAL.values()) == 154
    assert sum(len(g.indicators) for g in goals.values()) == 154
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "saknas") == 11
    )
    # Every goal has an indicator heading, so none is "not stated".
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "not-stated")
        == 0
    )
    # Signature block, lines 2538-2554.
    assert len(plan.signatories) == 4
    assert [s.name for s in plan.signatories] == [
        "Maria Norrby",
        "Tony Mufic",
        "Emelie Erixon",
        "Annika Andersson",
    ]
    assert [s.role for s in plan.signatories] == [
        "arbetsmarknadsdirektör",
        "utbildningsdirektör",
        "socialdirektör",
        "omsorgsdirektör",
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


def test_topic_ids_continue_2020(plan: Plan) -> None:
    # Topics that continue from hbg-2020 keep its ids, even under a new title.
    titles = {t.id: t.title for t in plan.topics()}
    assert titles["aterhamtningsguiden"] == "Utskrivningsguiden"  # 1242
    assert titles["fact-case-management"] == "Integrerade verksamheter och arbetssätt"  # 1385
    assert titles["missbruk"] == "Skadligt bruk och beroende, vuxna"  # 1698
    assert titles["samsjuklighet"] == "Samsjuklighet psykisk ohälsa och beroende, vuxna"  # 1822
    assert titles["lss-personkrets-1"] == "LSS barn, unga och vuxna"  # 1952
    assert titles["nyanlanda"] == "Ensamkommande och nyanlända barn, unga och vuxna"  # 1597
    assert titles["ojamlig-halsa"] == "Kroppslig hälsa"  # 2044
    assert titles["hbtq"] == "Homo- och bisexuella, trans-, queer- och intersexpersoner (HBTQI)"  # 2128
    assert titles["samordning-psykiatrifragor"] == "Samordning av psykiatrifrågor i Helsingborg stad"  # 2413
    # "Resultat och uppföljning" (2487) is the last topic of focus area 5, not a section.
    assert [t.id for t in plan.focus_areas[4].topics] == [
        "sysselsattning",
        "kunskapsstyrning",
        "samordning-psykiatrifragor",
        "resultat-och-uppfoljning",
    ]
    assert not [s.id for s in plan.sections if s.id.startswith("resultat")]


def test_verbatim_strings(goals: dict[str, Goal]) -> None:
    # Line 81: this heading is printed with an en dash; period normalised.
    assert (
        goals["barn-och-ungas-psykiska-halsa.kort"].heading == "Kortsiktiga mål och aktiviteter 2023 – 2024"
    )
    assert goals["barn-och-ungas-psykiska-halsa.kort"].period == "2023-2024"
    # Lines 321-323: "elevhälsan,barn-" without a space, as printed.
    assert goals["godkand-grundskola-och-oka-skolnarvaro.kort"].texts[3] == (
        "Skol- och fritidsförvaltningen arbetar för ett förbättrat samarbete mellan elevhälsan,barn- och "
        "ungdomspsykiatrin (BUP) och socialförvaltningen. Vi har regelbundna nätverksmöten mellan de olika "
        "verksamheterna."
    )
    # Lines 511-513: "vård-" hyphenated at the line break, joined keeping the hyphen.
    assert goals["suicidprevention.kort"].indicators[1] == (
        "Antal medarbetare som gått utbildningen i MHFA på socialförvaltningen och vård-omsorgsförvaltningen."
    )
    # Line 583: the fourth indicator follows the link-target lines 577-582.
    assert goals["andts.kort"].indicators[3] == "Antal uppspelningar av podcasten SANDT."
    # Lines 720-722 and 726.
    assert goals["utbildningssatsning.lang"].texts == (
        "Genom att öka personalens kunskaper kan vi använda fler metoder som vi vet enligt forskning att de ger "
        "resultat och därmed kunna ge tidiga insatser till de som behöver det.",
    )
    # Line 1245: "Återhämningsguiden" as printed.
    assert goals["aterhamtningsguiden.kort"].texts[0] == (
        "Återhämningsguiden finns tillgänglig på kontaktcenter, socialförvaltningen, arbetsmarknadsförvaltningen "
        "och vård- och omsorgsförvaltningen. Information om appen finns på Helsingborgs stads webbplats."
    )
    # Line 1262.
    assert goals["aterhamtningsguiden.lang"].texts == (
        "Helsingborgs stad använder materialet och arbetar enligt det.",
    )
    # Line 1555; line 1556 is the heading of the next topic, not an indicator.
    assert goals["placering-utanfor-egna-hemmet.lang"].indicators == (
        "Antal genomförda hälsoundersökningar enligt BBIC.",
        "Antal barn som uppnått behörighet till gymnasieskolan.",
    )
    # Lines 1559-1562: unbulleted paragraph under the heading, "studier.Ung" as printed.
    assert (
        "avbryta sina studier.Ung Helsingborg är den verksamhet"
        in (goals["unga-16-20-ar-i-kommunens-aktivitetsansvar.kort"].texts[0])
    )
    # Line 2112: second indicator after the link-target lines 2107-2111.
    assert goals["ojamlig-halsa.kort"].indicators == (
        "Antal genomförda hälsoundersökningar för individer med psykossjukdom, bipolär sjukdom samt "
        "utvecklingsstörning eller flerfunktionshinder genomförda på vårdcentraler.",
        "Antal uttagna doser naloxon.",
    )
    # Line 2228: "öka digitalt inkludering" as printed.
    assert (
        goals["sysselsattning.kort"]
        .texts[4]
        .startswith("Projekt Digitalt utanförskap ska öka digitalt inkludering för personer")
    )
    # Line 2366: the sub-bullet, without the following URL-only line 2368.
    assert goals["kunskapsstyrning.kort"].texts[7] == "På Öppnasoc finns information om VIP"
    # Lines 2490-2492, 2517, 2520.
    assert goals["resultat-och-uppfoljning.kort"].texts[0] == (
        "Lokalt samråd Helsingborg upprättar Överenskommelse för insatser inom området psykisk hälsa och "
        "suicidprevention 2023-2024."
    )
    assert goals["resultat-och-uppfoljning.kort"].indicators == ("Antal möten i lokalt samråd Helsingborg.",)
    assert goals["resultat-och-uppfoljning.lang"].texts == (
        "God möjlighet att följa resultat och effekter av insatser riktade till barn och unga.",
    )


@pytest.mark.parametrize(
    ("goal_id", "parties"),
    [
        # Lines 419, 426 (four departments), 440 "Psykiatrin i Region Skåne erbjuder", 495 "Elevhälsan bidrar".
        ("suicidprevention.kort", ["amf", "sff", "sof", "vof", "region-skane-psykiatri", "elevhalsan"]),
        # line 533 "Socialförvaltningen i Helsingborg har en ANDTS-samordnare"; 540-566 "ANDTS-samordnaren …"
        ("andts.kort", ["sof", "andts-samordnaren"]),
        # Lines 759, 790, 795/802 "Maria Skåne Nordväst erbjuder", 811 "Anhörigstödet på vård- och omsorgsförv.",
        # 764 Familjehuset, 781 Blå Kamelen, 786 Dynamis, 820 Familjepunkten.
        (
            "foraldrastod.kort",
            [
                "helsingborgs-stad",
                "sof",
                "maria-nordvast",
                "anhorigstod",
                "familjehuset",
                "bla-kamelen",
                "dynamis",
                "familjepunkten",
            ],
        ),
        # Lines 868/879, 886 "Anhörigstöd arbetar", 891, 895 "Alkohol-, drog- och spelrådgivningen", 899.
        (
            "narstaende.kort",
            [
                "helsingborgs-stad",
                "anhorigstod",
                "sof",
                "alkohol-drog-och-spelradgivningen",
                "maria-nordvast",
            ],
        ),
        ("aterhamtningsguiden.lang", ["helsingborgs-stad"]),  # line 1262
        (
            "placering-utanfor-egna-hemmet.kort",
            ["helsingborgs-stad", "region-skane", "sof", "sff"],
        ),  # 1477-1522
        # 1879, 1882, 1892; 1884 "Familjevåldsgruppen utbildar …"; 1923-1926 "Uppdraget för hederssamordnare …"
        (
            "vald-nara-relation.kort",
            ["helsingborgs-stad", "sof", "socialnamnden", "familjevaldsgruppen", "hederssamordnare"],
        ),
        ("hbtq.kort", ["sof", "vof", "maria-nordvast", "elevhalsan"]),  # 2140, 2143, 2154, 2137
        ("sysselsattning.lang", ["helsingborgs-stad", "sof"]),  # 2260, 2267
        ("resultat-och-uppfoljning.kort", ["lokalt-samrad", "psykiatrisamordningen"]),  # 2490, 2502
    ],
)
def test_responsible_parties(goals: dict[str, Goal], goal_id: str, parties: list[str]) -> None:
    goal = goals[goal_id]
    assert [entry.party for entry in goal.responsible] == parties
    assert all(entry.basis == "subject" for entry in goal.responsible)
    assert goal.responsible_missing is None


def test_responsible_quotes(goals: dict[str, Goal]) -> None:
    quotes = {e.party: e.quote for e in goals["placering-utanfor-egna-hemmet.kort"].responsible}
    assert quotes["region-skane"] == "Region Skåne"  # line 1494
    quotes = {e.party: e.quote for e in goals["narstaende.kort"].responsible}
    assert quotes["maria-nordvast"] == "Maria Skåne Nordväst"  # line 899
    assert quotes["anhorigstod"] == "Anhörigstöd"  # line 886


@pytest.mark.parametrize(
    ("goal_id", "parties"),
    [
        # 1559-1566: the city holds the KAA obligation; Ung Helsingborg is the unit that carries it out.
        ("unga-16-20-ar-i-kommunens-aktivitetsansvar.kort", ["helsingborgs-stad", "ung-helsingborg"]),
        ("barn-som-anhoriga.kort", ["familjehuset"]),  # 1645: "Familjehuset fortsätter erbjuda …"
        ("aldre.kort", ["vof"]),  # 2021: "På vård- och omsorgsförvaltningen utvecklar man …"
        ("kunskapsstyrning.lang", ["amf", "sff", "sof", "vof"]),  # 2390: "Våra fyra förvaltningar", lines 4-6
        # 82 PART, 99-101 Skolsamordnarna, 110 Stöd i vardagen, 144 Hederssamordnare, 174 Krimteamet, 189 Elevhälsan
        (
            "barn-och-ungas-psykiska-halsa.kort",
            [
                "sof",
                "helsingborgs-stad",
                "part",
                "skolsamordnarna",
                "stod-i-vardagen",
                "hederssamordnare",
                "krimteamet",
                "elevhalsan",
            ],
        ),
        (
            "samordning-psykiatrifragor.kort",
            ["helsingborgs-stad"],
        ),  # 2430: "där Helsingborgs stad håller i …"
    ],
)
def test_responsible_units_and_groups(goals: dict[str, Goal], goal_id: str, parties: list[str]) -> None:
    """The unit convention of docs/TRANSCRIBING.md (issue 16): units and defined groups are parties."""
    assert list(goals[goal_id].party_ids) == parties


@pytest.mark.parametrize(
    "goal_id",
    [
        "suicidprevention.lang",  # line 517: no subject
        "utbildningssatsning.lang",  # line 720: subject "vi"
        "samverkan-utskrivning.lang",  # "Regionen" (1381) is in an indicator only
        "resultat-och-uppfoljning.lang",  # 2520
    ],
)
def test_responsible_missing(goals: dict[str, Goal], goal_id: str) -> None:
    goal = goals[goal_id]
    assert goal.responsible == ()
    assert goal.responsible_missing is not None and goal.responsible_missing.kind == "not-stated"
