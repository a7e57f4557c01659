"""Transcription review of plans/hbg-barn-unga-2019.yaml against plans/sources/003_479f499a62c44b86.txt.

An agreement: chapters 1-5 (lines 192-1079) are `sections`; the 13 numbered collaboration activities
6-18 (lines 1081-1553) are topics with target_group / purpose / method / effect and goals from MÅL
(short) and LÅNGSIKTIG AMBITION (long). The document states no indicators and, in the goals, names
nobody responsible. Expected numbers were established by hand (line numbers in comments).
"""

from __future__ import annotations

from hbg_plan.model.plan import Goal, Plan
from tests.conftest import PLANS, RunCli

PLAN_FILE = PLANS / "hbg-barn-unga-2019.yaml"

# Activity headings "6." ... "18." (lines 1081, 1111, 1151, 1185, 1270, 1323, 1354, 1373, 1410, 1436,
# 1457, 1497, 1529). "Familjecentralernas Socialrådgivare (Socialtjänstens resurser på FC)" (line 1225)
# is an unnumbered second part of activity 9 (table of contents, line 120), not a 14th activity.
TOPICS = {
    "samordnare-skola-socialtjanst": 6,
    "omlottgrupp": 7,
    "nya-nycklar": 8,
    "familjecentraler": 9,
    "familjehuset": 10,
    "familjemobilisering": 11,
    "skolfam": 12,
    "part": 13,
    "verktygsladan": 14,
    "sisam": 15,
    "tryggare-helsingborg": 16,
    "mobila-teamet": 17,
    "fou-helsingborg": 18,
}

# Goal -> number of texts (bullets/paragraphs under MÅL / LÅNGSIKTIG AMBITION), with source lines.
GOAL_TEXTS = {
    "samordnare-skola-socialtjanst.kort": 3,  # 1097-1099 (no LÅNGSIKTIG AMBITION)
    # activity 7 (1111-1147) has neither MÅL nor LÅNGSIKTIG AMBITION
    "nya-nycklar.kort": 1,  # 1165
    "nya-nycklar.lang": 2,  # 1169-1170
    "familjecentraler.kort": 4,  # 1200-1203
    "familjecentraler.lang": 2,  # 1207-1208
    "familjecentraler.kort-2": 1,  # 1240 (Socialrådgivare part)
    "familjecentraler.lang-2": 2,  # 1244-1245 (Socialrådgivare part)
    "familjehuset.kort": 3,  # 1292-1294
    "familjehuset.lang": 5,  # 1298-1303
    "familjemobilisering.kort": 1,  # 1335
    "familjemobilisering.lang": 2,  # 1339-1340
    "skolfam.kort": 1,  # 1360 "MÅLET med arbetet …"
    "skolfam.lang": 1,  # 1362 "EN LÅNGSIKTIG AMBITION om …"
    "part.kort": 2,  # 1379, 1381
    "part.lang": 6,  # 1383, 1385-1389
    "verktygsladan.kort": 1,  # 1422
    "verktygsladan.lang": 1,  # 1426
    "sisam.kort": 1,  # 1446
    "sisam.lang": 1,  # 1448
    "tryggare-helsingborg.kort": 2,  # 1472-1473
    "tryggare-helsingborg.lang": 1,  # 1477
    "mobila-teamet.kort": 1,  # 1505 under "MÅL OCH SYFTE" (1503)
    "mobila-teamet.lang": 2,  # 1509-1510
    "fou-helsingborg.kort": 1,  # 1541
    "fou-helsingborg.lang": 1,  # 1545
}


def test_validate_cli_exits_0(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLAN_FILE))
    assert result.exit_code == 0, result.output


def test_counts(plan: Plan, goals: dict[str, Goal]) -> None:
    assert plan.kind == "agreement"
    # The activities form one group (no focus areas in the document).
    assert len(plan.focus_areas) == 1
    # 13 activities, numbered 6-18.
    assert {t.id: t.number for t in plan.topics()} == TOPICS
    assert len(list(plan.topics())) == 13
    # 25 goals: 13 MÅL (activity 9 has two) and 12 LÅNGSIKTIG AMBITION (none in 6; two in 9).
    assert list(goals) == list(GOAL_TEXTS)
    assert len(goals) == 25
    assert sum(g.horizon == "short" for g in goals.values()) == 13
    assert sum(g.horizon == "long" for g in goals.values()) == 12
    assert {gid: len(g.texts) for gid, g in goals.items()} == GOAL_TEXTS
    # No indicators anywhere: every goal is "not stated", none "Saknas".
    assert sum(len(g.indicators) for g in goals.values()) == 0
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "saknas") == 0
    )
    assert (
        sum(1 for g in goals.values() if g.indicators_missing and g.indicators_missing.kind == "not-stated")
        == 25
    )
    # Only PART's goal names who is responsible: "detta är alla ingående förvaltningars ansvar"
    # (1379), the departments line 1377 lists ("SOF, SFF, AMF, loF och UTB samt Region Skåne").
    assert goals["part.kort"].party_ids == ("sof", "sff", "amf", "lof", "utb")
    others = [g for g in goals.values() if g.id != "part.kort"]
    assert all(g.responsible == () for g in others)
    assert all(
        g.responsible_missing is not None and g.responsible_missing.kind == "not-stated" for g in others
    )
    # Signatures: chapter 1 (292-296), chapter 3 framework agreement (858-878), chapter 5 (1061-1079).
    assert [s.name for s in plan.signatories] == [
        "Dinah Åbinger",
        "Tony Mufic",
        "Carl Johan Sonesson",
        "Ingrid Bengtsson-Rijavec",
        "Peter Danielsson",
        "Palle Lundberg",
        "Maria Weiler",
        "Dinah Åbinger",
        "Ing-Marie Rundwall",
        "Britt-Marie Börjesson",
        "Bengt Avedal",
    ]
    assert [s.party for s in plan.signatories] == [
        "sof",
        "sff",
        "region-skane",
        "region-skane",
        "helsingborgs-stad",
        "helsingborgs-stad",
        "bup-helsingborg-angelholm",
        "sof",
        "sff",
        "vof",
        "uvn",
    ]


def test_sections_cover_chapters_1_to_5(plan: Plan) -> None:
    ids = [s.id for s in plan.sections]
    for prefix in ("s1-", "s2-", "s3-", "s4-", "s5-"):
        assert any(i.startswith(prefix) for i in ids), prefix
    # All sections lie before the activities (line 1081), except activity 7's extra headings.
    assert all(s.source.last < 1081 or s.id.startswith("s7-omlottgrupp-") for s in plan.sections)


def test_activity_9_is_one_topic(plan: Plan) -> None:
    topic = plan.topic("familjecentraler")
    assert topic is not None
    assert (topic.source.first, topic.source.last) == (1185, 1268)
    assert [g.id for g in topic.goals] == [
        "familjecentraler.kort",
        "familjecentraler.lang",
        "familjecentraler.kort-2",
        "familjecentraler.lang-2",
    ]
    # Both parts' MÅLGRUPP (1191, 1229), SYFTET (1195-1196, 1233-1236), METOD (1212-1214,
    # 1249-1260 with nested bullets) and EFFEKT (1218-1223, 1264-1268), in document order.
    assert topic.details["target_group"] == ("Familjer med barn 0-6 år.", "Familjer med barn 0-6 år.")
    assert len(topic.details["purpose"]) == 6
    assert len(topic.details["method"]) == 14
    assert len(topic.details["effect"]) == 11
    assert topic.details["purpose"][2] == "Tidigt identifiera behov och risker hos barn och familjer."
    assert plan.topic("familjecentraler-socialradgivare") is None


def test_verbatim_strings(plan: Plan, goals: dict[str, Goal]) -> None:
    # Line 1240.
    assert goals["familjecentraler.kort-2"].texts == (
        "Att i samverkan med de andra aktörerna på Familjecentralerna utföra ovanstående och därmed ge mervärde "
        "för familjerna.",
    )
    # Line 1207: "Ge möjlighet för fler familjer får" as printed.
    assert (
        goals["familjecentraler.lang"].texts[0]
        == "Ge möjlighet för fler familjer får tillgång till denna typ av stöd."
    )
    # Line 1360: the heading word is fused into the sentence and kept.
    assert goals["skolfam.kort"].texts == (
        "MÅLET med arbetet är att skapa förutsättningar för att generera optimala studieresultat bland de "
        "medverkande eleverna.",
    )
    # Line 1448.
    assert goals["sisam.lang"].texts == ("LÅNGSIKTIG AMBITION är att fler skall lyckas med skolan",)
    # Lines 1503-1505.
    assert goals["mobila-teamet.kort"].heading == "MÅL OCH SYFTE"
    assert (
        goals["mobila-teamet.kort"]
        .texts[0]
        .startswith("Vi skall tillsammans med andra förvaltningar, myndigheter och organisationer")
    )
    # Line 1473: lower-case initial as printed.
    assert goals["tryggare-helsingborg.kort"].texts[1] == "förebygga/minska Ungdomsbrottsligheten"
    # Lines 1097-1099.
    assert goals["samordnare-skola-socialtjanst.kort"].texts[1] == (
        "Våra medarbetare är väl förtrogna om de rutiner och strukturer som finns för samverkan."
    )
    # Activity 7 has no goals (lines 1111-1147).
    omlott = plan.topic("omlottgrupp")
    assert omlott is not None and omlott.goals == []
    # Line 1356: target group with its fused heading word.
    skolfam = plan.topic("skolfam")
    assert skolfam is not None
    assert skolfam.details["target_group"] == (
        "MÅLGRUPPEN för arbetet är familjehemsplacerade barn och unga i grundskolan (från förskola till åk 9).",
    )
