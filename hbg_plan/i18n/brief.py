"""Messages of `hbg-plan brief`, the revision-meeting document.

Counted phrases come in two forms, `….one` and `….many`, chosen by `hbg_plan.i18n.plural`.
The Swedish is what a municipal document would write: "saknar ansvarig", "indikator saknas",
"försämring", "åtgärdad".
"""

MESSAGES: dict[str, dict[str, str]] = {
    "brief.title": {"en": "Revision brief: {plan}", "sv": "Revideringsunderlag: {plan}"},
    "brief.against": {
        "en": "{title} ({period}), compared with {old} ({old_period}).",
        "sv": "{title} ({period}), jämförd med {old} ({old_period}).",
    },
    "brief.no_against": {
        "en": "{title} ({period}); no previous version to compare with.",
        "sv": "{title} ({period}); ingen tidigare version att jämföra med.",
    },
    "brief.regional": {
        "en": "Regional plan: {plans}.",
        "sv": "Regional plan som den lokala planen utgår från: {plans}.",
    },
    "brief.intro": {
        "en": "Built from the same findings as `hbg-plan gaps` and the same changes as `hbg-plan diff`. "
        "Long texts are cut to one line; `hbg-plan show ID --plan PLAN` prints them in full.",
        "sv": "Bygger på samma fynd som `hbg-plan gaps` och samma ändringar som `hbg-plan diff`. "
        "Långa texter är förkortade till en rad; `hbg-plan show ID --plan PLAN` visar hela texten.",
    },
    # --- sections ----------------------------------------------------------------------------
    "brief.section.figures": {"en": "Where we stand", "sv": "Läget i siffror"},
    "brief.section.decisions": {"en": "To decide", "sv": "Att besluta"},
    "brief.section.progress": {"en": "Progress", "sv": "Framsteg"},
    "brief.section.accountability": {"en": "Accountability by department", "sv": "Ansvar per förvaltning"},
    "brief.section.changes": {"en": "Changes at a glance", "sv": "Ändringar i korthet"},
    # --- figures -----------------------------------------------------------------------------
    "brief.col.measure": {"en": "Measure", "sv": "Mått"},
    "brief.col.change": {"en": "Change", "sv": "Förändring"},
    "brief.fig.goals": {"en": "Goals", "sv": "Mål"},
    "brief.fig.measurable": {"en": "With a measurable indicator", "sv": "Med mätbar indikator"},
    "brief.fig.saknas": {"en": 'Indicator "Saknas"', "sv": "Indikator saknas (”Saknas”)"},
    "brief.fig.not_stated": {"en": "No indicator stated", "sv": "Ingen indikator angiven"},
    "brief.fig.no_party": {"en": "No responsible party", "sv": "Saknar ansvarig"},
    "brief.fig.share": {"en": "{value} ({percent})", "sv": "{value} ({percent})"},
    # --- decisions ---------------------------------------------------------------------------
    "brief.none": {
        "en": "Nothing to decide: no gaps found.",
        "sv": "Inget att besluta: inga brister hittades.",
    },
    "brief.group.regression.one": {"en": "Regression ({count})", "sv": "Försämring ({count})"},
    "brief.group.regression.many": {"en": "Regressions ({count})", "sv": "Försämringar ({count})"},
    "brief.group.long-standing.one": {
        "en": "Gap standing over several versions ({count})",
        "sv": "Brist som funnits i flera versioner ({count})",
    },
    "brief.group.long-standing.many": {
        "en": "Gaps standing over several versions ({count})",
        "sv": "Brister som funnits i flera versioner ({count})",
    },
    "brief.group.missing.one": {
        "en": "Indicator missing, new in this version ({count})",
        "sv": "Indikator saknas, ny i denna version ({count})",
    },
    "brief.group.missing.many": {
        "en": "Indicators missing, new in this version ({count})",
        "sv": "Indikatorer saknas, nya i denna version ({count})",
    },
    "brief.group.new-topic-without-indicator.one": {
        "en": "New topic without any indicator ({count})",
        "sv": "Nytt delområde utan någon indikator ({count})",
    },
    "brief.group.new-topic-without-indicator.many": {
        "en": "New topics without any indicator ({count})",
        "sv": "Nya delområden utan någon indikator ({count})",
    },
    "brief.group.no-responsible.one": {
        "en": "Goal without a responsible party ({count})",
        "sv": "Mål som saknar ansvarig ({count})",
    },
    "brief.group.no-responsible.many": {
        "en": "Goals without a responsible party ({count})",
        "sv": "Mål som saknar ansvarig ({count})",
    },
    "brief.group.regional-not-covered.one": {
        "en": "Regional topic without a local counterpart ({count})",
        "sv": "Regionalt delområde utan lokal motsvarighet ({count})",
    },
    "brief.group.regional-not-covered.many": {
        "en": "Regional topics without a local counterpart ({count})",
        "sv": "Regionala delområden utan lokal motsvarighet ({count})",
    },
    "brief.group.follow-up-not-done.one": {
        "en": "Follow-up that says not done ({count})",
        "sv": "Uppföljning som anger ej genomfört ({count})",
    },
    "brief.group.follow-up-not-done.many": {
        "en": "Follow-ups that say not done ({count})",
        "sv": "Uppföljningar som anger ej genomfört ({count})",
    },
    "brief.indicators.one": {"en": "{count} indicator", "sv": "{count} indikator"},
    "brief.indicators.many": {"en": "{count} indicators", "sv": "{count} indikatorer"},
    "brief.goals.one": {"en": "{count} goal", "sv": "{count} mål"},
    "brief.goals.many": {"en": "{count} goals", "sv": "{count} mål"},
    "brief.status.saknas": {"en": '"Saknas"', "sv": "”Saknas”"},
    "brief.status.not-stated": {"en": "none stated", "sv": "ingen angiven"},
    "brief.status.present": {"en": "stated", "sv": "angiven"},
    "brief.detail.regression": {
        "en": "had {indicators} in {old}, now {status}",
        "sv": "hade {indicators} i {old}, nu {status}",
    },
    "brief.detail.long-standing": {
        "en": "indicator missing since {year}: {versions}",
        "sv": "indikator saknas sedan {year}: {versions}",
    },
    "brief.detail.missing.saknas": {"en": 'indicator "Saknas"', "sv": "indikator saknas (”Saknas”)"},
    "brief.detail.missing.not-stated": {"en": "no indicator stated", "sv": "ingen indikator angiven"},
    "brief.detail.new-topic": {
        "en": "new in this version; {goals}, none with an indicator",
        "sv": "nytt i denna version; {goals}, inget med indikator",
    },
    "brief.detail.regional": {
        "en": "in the regional plan {base}; {plan} has no counterpart",
        "sv": "i den regionala planen {base}; saknar motsvarighet i {plan}",
    },
    "brief.detail.follow-up": {"en": "follow-up {year}: “{text}”", "sv": "uppföljning {year}: ”{text}”"},
    "brief.version.regional": {"en": "{plan} (regional plan)", "sv": "{plan} (regional plan)"},
    "brief.version.not-stated": {"en": "{plan} (none stated)", "sv": "{plan} (ingen angiven)"},
    # --- progress ----------------------------------------------------------------------------
    "brief.progress.since.one": {
        "en": "Gap closed since {old} ({count})",
        "sv": "Åtgärdad brist sedan {old} ({count})",
    },
    "brief.progress.since.many": {
        "en": "Gaps closed since {old} ({count})",
        "sv": "Åtgärdade brister sedan {old} ({count})",
    },
    "brief.progress.regional.one": {
        "en": "Gap {plan} closed relative to the regional plan {base} ({count})",
        "sv": "Brist som {plan} åtgärdade jämfört med den regionala planen {base} ({count})",
    },
    "brief.progress.regional.many": {
        "en": "Gaps {plan} closed relative to the regional plan {base} ({count})",
        "sv": "Brister som {plan} åtgärdade jämfört med den regionala planen {base} ({count})",
    },
    "brief.progress.none": {
        "en": "No missing indicator has been supplied since {old}.",
        "sv": "Ingen brist har åtgärdats sedan {old}: inget mål som saknade indikator har fått en.",
    },
    "brief.progress.item": {
        "en": "{indicators} in {plan} (was {before})",
        "sv": "{indicators} i {plan} (tidigare {before})",
    },
    "brief.progress.missing_again": {
        "en": "missing again in {plan}",
        "sv": "saknas igen i {plan}",
    },
    # --- changes -----------------------------------------------------------------------------
    "brief.changes.none": {"en": "No differences.", "sv": "Inga skillnader."},
    "brief.period_only.one": {
        "en": "{count} goal changed only its period.",
        "sv": "{count} mål där bara perioden har ändrats.",
    },
    "brief.period_only.many": {
        "en": "{count} goals changed only their period.",
        "sv": "{count} mål där bara perioden har ändrats.",
    },
    "brief.topics.topic-added": {"en": "Topics added", "sv": "Nya delområden"},
    "brief.topics.topic-removed": {"en": "Topics removed", "sv": "Borttagna delområden"},
    "brief.topics.topic-renamed": {"en": "Topics renamed", "sv": "Omdöpta delområden"},
    "brief.topics.topic-moved": {"en": "Topics moved", "sv": "Flyttade delområden"},
    "brief.topics.topic-merged": {"en": "Topics merged", "sv": "Sammanslagna delområden"},
    "brief.topics.topic-split": {"en": "Topics split", "sv": "Uppdelade delområden"},
    "brief.renamed": {"en": "{old} → {new}", "sv": "{old} → {new}"},
    # --- document ----------------------------------------------------------------------------
    "brief.footer": {
        "en": "Generated by hbg-plan {version} ({findings} gap findings, {suppressed} suppressed).",
        "sv": "Skapad av hbg-plan {version} ({findings} fynd, {suppressed} undantagna).",
    },
    "brief.page": {"en": "Page", "sv": "Sida"},
    "brief.cli.no_plan": {
        "en": "no plan found in {folder}; give a plan id or file",
        "sv": "ingen plan hittades i {folder}; ange ett plan-id eller en planfil",
    },
    "brief.cli.need_output": {
        "en": "--format docx writes a binary Word document: give --output FILE.docx",
        "sv": "--format docx skriver ett binärt Word-dokument: ange --output FIL.docx",
    },
}
