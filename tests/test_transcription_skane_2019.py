"""Transcription review of plans/skane-2019.yaml against plans/sources/004_7633ef915d9e78dc.txt.

The source is a two-column PDF extraction: each topic's yearly follow-up paragraphs are displaced,
mostly to below the heading of the NEXT topic. Expected numbers and attachments were established
by hand from the source text (line numbers in comments).
"""

from __future__ import annotations

from hbg_plan.model.plan import Goal, Plan
from tests.conftest import PLANS, RunCli

PLAN_FILE = PLANS / "skane-2019.yaml"

# Goals whose indicator block reads "Saknas.": (heading line, "Saknas." line).
SAKNAS = {
    "andts.kort": (56, 57),
    "andts.lang": (63, 64),
    "narstaende.lang": (199, 200),
    "brukarinflytande.kort": (213, 214),
    "brukarinflytande.lang": (247, 248),
    "aterhamtningsguiden.lang": (309, 310),
    "vald-nara-relation.lang": (483, 484),
    "lss-personkrets-1.lang": (520, 521),
    "nyanlanda.kort": (529, 530),
    "nyanlanda.lang": (535, 536),
    "hbtq.kort": (593, 594),
    "hbtq.lang": (600, 601),
    "ordnat-inforande.lang": (650, 651),
}

# Each follow-up paragraph: (first line, last line, year, status) on the goal it reports on.
FOLLOW_UP = {
    # Lines 36-49 stand under the ANDT heading but report on the suicide-prevention plan;
    # 49 "Indikatorer ej framtagna." answers "Framtagande av indikatorer för uppföljning." (18).
    "suicidprevention.kort": [(36, 38, 2019, None), (40, 47, 2019, None), (49, 49, 2019, "not-done")],
    # Lines 75-92 stand under the Attityder heading: länsstyrelsen / Skånesamverkan mot droger etc.
    "andts.kort": [
        (75, 76, 2019, None),
        (78, 79, 2019, None),
        (81, 84, 2019, None),
        (86, 87, 2019, None),
        (89, 92, 2019, None),
    ],
    # Lines 119-141: Skåneveckan, 2017/2018/2019 labels.
    "attityder.kort": [
        (119, 123, 2017, None),
        (125, 127, 2018, None),
        (129, 131, 2019, None),
        (133, 136, 2019, None),
        (138, 138, 2019, None),
        (139, 140, 2019, None),
        (141, 141, 2019, None),
    ],
    "attityder.lang": [(146, 147, 2019, None)],  # ambassadörer -> "Antal attitydambassadörsuppdrag."
    "egen-erfarenhet.kort": [(143, 144, 2019, None)],  # NSPH team (PEER-support link 149-150)
    # Lines 173-188 stand under the Närstående heading.
    "egen-erfarenhet.lang": [
        (173, 175, 2017, None),
        (177, 180, 2018, None),
        (182, 184, 2019, None),
        (185, 188, 2019, None),
    ],
    # Lines 219-244 stand in the Brukarinflytande block.
    "narstaende.kort": [
        (219, 221, 2017, None),
        (223, 227, 2018, None),
        (229, 231, 2018, None),
        (233, 236, 2019, None),
        (238, 240, 2019, None),
        (242, 244, 2019, None),
    ],
    # Lines 286-302 (NSPH Skåne's answer on RSP) stand in the Utskrivningsguiden block.
    "brukarinflytande.kort": [
        (286, 286, 2019, None),
        (288, 289, 2019, None),
        (291, 292, 2019, None),
        (294, 296, 2019, None),
        (298, 300, 2019, None),
        (302, 302, 2019, None),
    ],
    "delaktighet.kort": [(283, 284, 2019, None)],  # "Cirka hälften av Skånes kommuner har liknande forum"
    "delaktighet.lang": [(281, 281, 2019, "not-done")],  # "2019: Ej genomförd." vs "Genomförd utvärdering"
    # Lines 330-343 stand in the SIP block; 330 "2019: Ja." answers "Material är färdigställt."
    "aterhamtningsguiden.kort": [(330, 333, 2019, "done")],
    "aterhamtningsguiden.lang": [(335, 336, 2019, None), (338, 340, 2019, None), (342, 343, 2019, None)],
    "sip.kort": [(345, 347, 2019, None)],
    "sip.lang": [(349, 349, 2019, "not-done"), (351, 353, 2019, None)],  # "Brukarrevision ej genomförd"
    # Lines 383/385 stand in the Casemanagement block.
    "samverkan-utskrivning.kort": [(383, 383, 2019, None)],
    "samverkan-utskrivning.lang": [(385, 385, 2019, None)],
    # Programtrohet / FACT (405-406, 443-454; the latter in the Missbruk block).
    "fact-case-management.kort": [
        (443, 447, 2018, None),
        (448, 449, 2018, None),
        (405, 406, 2019, None),
        (451, 454, 2019, None),
    ],
    # Casemanagement spread (387-403, 437-441); 387-389 stands before the "2018:" paragraph.
    "fact-case-management.lang": [
        (387, 389, 2018, None),
        (390, 396, 2018, None),
        (398, 401, 2019, None),
        (403, 403, 2019, None),
        (437, 437, 2019, None),
        (439, 441, 2019, None),
    ],
    # Lines 487-490 and 503-505 stand in the Våld block: ramöverenskommelse, spel om pengar.
    "missbruk.kort": [(487, 488, 2017, None), (490, 490, 2019, None), (503, 505, 2019, None)],
    "vald-nara-relation.kort": [
        (492, 493, 2019, None),
        (494, 495, 2019, None),
        (497, 498, 2019, None),
        (500, 501, 2019, None),
    ],
    "lss-personkrets-1.kort": [(555, 556, 2019, None)],  # stands in the Äldre block
    "aldre.kort": [(558, 560, 2019, None)],
    "aldre.lang": [(562, 563, 2019, None)],
    # Lines 614-619 stand in the Meningsfull sysselsättning block.
    "ojamlig-halsa.kort": [(614, 615, 2019, None), (617, 617, 2019, None)],
    "ojamlig-halsa.lang": [(619, 619, 2019, None)],
    # Lines 654-666 stand after the Ordnat införande goals; 654-661 precede the "2019;" paragraph.
    "sysselsattning.kort": [(654, 656, 2018, None), (663, 666, 2019, None)],
    "sysselsattning.lang": [(658, 661, 2018, None)],
    "ordnat-inforande.kort": [(668, 668, 2019, None), (669, 675, 2019, None)],
}


def test_validate_cli_exits_0(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLAN_FILE))
    assert result.exit_code == 0, result.output


def test_counts(plan: Plan, goals: dict[str, Goal]) -> None:
    # "Fokusområde 1."-"5." on lines 8, 165, 204, 426, 605.
    assert [fa.number for fa in plan.focus_areas] == [1, 2, 3, 4, 5]
    # Topic headings: FA1 12, 31, 68, 105; FA2 168; FA3 208, 254, 275, 315, 356, 372;
    # FA4 429, 470, 508, 524, 540, 567, 588; FA5 608, 634.
    assert [len(fa.topics) for fa in plan.focus_areas] == [4, 1, 6, 7, 2]
    assert len(goals) == 40  # one "Kortsiktiga mål" and one "Långsiktiga mål" per topic
    # Indicator strings: 21 | 27 | 97 | 103 | 112 | 160-161 | 190-191 | 262 | 271 | 304 | 321 | 328 |
    # 362 | 368 | 380, 407 | 418, 420-421 | 456-457, 459-460 | 466 | 478 | 515 | 547 | 553 | 576 |
    # 582, 583 | 621 | 629 | 642, 645  = 32 (line 630 "Saknas." is a {missing: saknas} entry)
    assert sum(len(g.indicators) for g in goals.values()) == 32
    assert sum(1 for g in goals.values() if g.indicators_partial) == 1  # sysselsattning.lang, line 630
    assert sum(1 for g in goals.values() if g.goal_missing) == 1  # lss-personkrets-1.lang, line 518
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "saknas") == 13
    )
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "not-stated")
        == 0
    )
    assert len(plan.signatories) == 0  # the document is unsigned
    assert sum(len(g.follow_up) for g in goals.values()) == 72


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


def test_follow_up_attached_to_the_goal_it_reports_on(goals: dict[str, Goal]) -> None:
    found = {
        gid: [(f.source.first, f.source.last, f.year, f.status) for f in g.follow_up]
        for gid, g in goals.items()
        if g.follow_up
    }
    assert found == FOLLOW_UP


def test_follow_up_oldest_first(goals: dict[str, Goal]) -> None:
    for goal in goals.values():
        years = [f.year for f in goal.follow_up]
        assert years == sorted(years), goal.id


def test_statuses_only_where_plain(goals: dict[str, Goal]) -> None:
    statuses = {(f.text, f.status) for g in goals.values() for f in g.follow_up if f.status is not None}
    assert {text.split(".")[0] for text, _ in statuses} == {
        "Indikatorer ej framtagna",  # line 49
        "2019: Ej genomförd",  # line 281
        "2019: Ja",  # line 330
        "Brukarrevision ej genomförd avseende SIP",  # line 349
    }


def test_suicide_table(plan: Plan) -> None:
    topic = next(t for t in plan.topics() if t.id == "suicidprevention")
    assert len(topic.tables) == 1
    table = topic.tables[0]
    assert table.columns == ("2013", "2014", "2015", "2016", "2017", "2018")  # line 51
    assert dict(table.rows) == {
        "Riket": (1615, 1539, 1564, 1490, 1544, 1574),  # line 53
        "Skåne": (205, 186, 199, 181, 181, 178),  # line 55
    }
    assert all(isinstance(v, int) for _, values in table.rows for v in values)
    assert (table.source.first, table.source.last) == (51, 55)


def test_verbatim_strings(goals: dict[str, Goal]) -> None:
    # Lines 15-18.
    assert goals["suicidprevention.kort"].texts == (
        "Region Skåne och Skånes kommuner ska arbeta i linje med regional suicidpreventiv handlingsplan.",
        "Framtagande av indikatorer för uppföljning.",
    )
    assert goals["suicidprevention.kort"].indicators == ("Indikatorer framtagna.",)  # line 21
    # Lines 108-109: "PEER-\nsupport" joined keeping the hyphen.
    assert goals["egen-erfarenhet.kort"].texts == (
        "Undersöka möjligheten till införande av alternativa metoder som exempelvis PEER-support.",
    )
    # Lines 160-161 (indicator heading 159 comes after 40 displaced lines).
    assert goals["egen-erfarenhet.lang"].indicators == (
        "Antal anställda i befattningar där egen erfarenhet av psykisk ohälsa krävs, såsom mentorer, "
        "PEER-support och liknande.",
    )
    # Line 407: second indicator of the F-ACT short goal, after displaced follow-up.
    assert goals["fact-case-management.kort"].indicators == (
        "Antal F-ACT-team inom allmänpsykiatrin",
        "Resultat från programtrohetsmätning.",
    )
    # Line 466 and 518.
    assert goals["missbruk.lang"].indicators == ("Bör tas fram.",)
    # Line 518: the long-term goal itself is "Saknas." (schema v2: texts {missing: saknas}).
    lss = goals["lss-personkrets-1.lang"]
    assert lss.texts == () and lss.goal_missing is not None and lss.goal_missing.kind == "saknas"
    assert lss.goal_missing.source is not None and (
        lss.goal_missing.source.first,
        lss.goal_missing.source.last,
    ) == (
        518,
        518,
    )
    # Lines 629-630: "Öppna jämförelser." stated, then "Saknas." beside it (a partial gap).
    syssel = goals["sysselsattning.lang"]
    assert syssel.indicators == ("Öppna jämförelser.",)
    assert syssel.indicators_partial is not None and syssel.indicators_partial.source is not None
    assert (syssel.indicators_partial.source.first, syssel.indicators_partial.source.last) == (630, 630)
    # Follow-up texts, verbatim with joined line breaks (130-131 "2019-\n2021", 335-336 "35 \n000").
    attityder = {f.source.first: f.text for f in goals["attityder.kort"].follow_up}
    assert attityder[129].endswith("Skåneveckor för psykisk hälsa 2019-2021. Länk till SV program")
    aterhamtning = {f.source.first: f.text for f in goals["aterhamtningsguiden.lang"].follow_up}
    assert aterhamtning[335] == (
        "Det tryckta materialet, Återhämtningsguiden – för dig som mår dåligt, har spridits i 35 000 exemplar "
        "under 2019 varav 12 000 exemplar till olika verksamheter i Skåne."
    )
    assert goals["delaktighet.lang"].follow_up[0].text == "2019: Ej genomförd."
    assert (
        goals["ordnat-inforande.kort"].follow_up[0].text
        == "RSP hade 4 möten 2019 (4 st 2016, 5 st 2017, 6 st 2018)."
    )


def test_responsible(goals: dict[str, Goal]) -> None:
    # Line 15: "Region Skåne och Skånes kommuner ska arbeta …".
    assert [r.party for r in goals["suicidprevention.kort"].responsible] == [
        "region-skane",
        "skanes-kommuner",
    ]
    # Line 432 "Alla kommuner ska teckna …".
    assert [r.party for r in goals["missbruk.kort"].responsible] == ["skanes-kommuner"]
    # Follow-up texts never make anyone responsible: goals whose own texts have no subject.
    for gid in (
        "andts.kort",
        "attityder.kort",
        "narstaende.kort",
        "brukarinflytande.kort",
        "aterhamtningsguiden.kort",
        "fact-case-management.kort",
        "ordnat-inforande.kort",
    ):
        goal = goals[gid]
        assert goal.responsible == (), gid
        assert goal.responsible_missing is not None and goal.responsible_missing.kind == "not-stated", gid
