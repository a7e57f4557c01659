"""Messages for the gaps feature: rules, findings, gap and summary reports, configuration."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- rules: summary, description, hint -----------------------------------------------
    "rule.HBG101.summary": {
        "en": 'Indicator missing: the plan says "Saknas"',
        "sv": 'Indikator saknas: planen skriver "Saknas"',
    },
    "rule.HBG101.description": {
        "en": 'The document admits the gap: under the goal\'s indicator heading it writes "Saknas". '
        "The goal cannot be followed up until an indicator is agreed. When the versions it replaces "
        "had no indicator either, the finding says since which version it has been missing.",
        "sv": 'Dokumentet medger bristen: under målets indikatorrubrik står "Saknas". '
        "Målet kan inte följas upp förrän en indikator har beslutats. När versionerna det ersätter "
        "inte heller hade någon indikator säger fyndet sedan vilken version den har saknats.",
    },
    "rule.HBG101.hint": {
        "en": "Agree on a count, share, date or yes/no outcome for the goal and write it under "
        '"Mätbara indikatorer för uppföljning" in the next revision.',
        "sv": "Besluta om ett antal, en andel, ett datum eller ett ja/nej-utfall för målet och skriv det "
        'under "Mätbara indikatorer för uppföljning" vid nästa revidering.',
    },
    "rule.HBG102.summary": {
        "en": "No indicator stated: the plan is silent",
        "sv": "Ingen indikator angiven: planen säger ingenting",
    },
    "rule.HBG102.description": {
        "en": "The document gives no indicator for the goal at all and does not say one is missing.",
        "sv": "Dokumentet anger ingen indikator för målet och skriver inte heller att den saknas.",
    },
    "rule.HBG102.hint": {
        "en": 'Add a measurable indicator to the goal, or write "Saknas" so that the gap is on record.',
        "sv": 'Lägg till en mätbar indikator för målet, eller skriv "Saknas" så att bristen syns.',
    },
    "rule.HBG103.summary": {
        "en": "No responsible party",
        "sv": "Ingen ansvarig part",
    },
    "rule.HBG103.description": {
        "en": "No text of the goal names a department or other party as responsible "
        '(as the subject of a goal sentence or in an "Ansvarig är …" line).',
        "sv": "Ingen text i målet anger en förvaltning eller annan part som ansvarig "
        '(som subjekt i en målmening eller på en rad "Ansvarig är …").',
    },
    "rule.HBG103.hint": {
        "en": 'Name the responsible department in the goal text ("Socialförvaltningen ska …") or add '
        '"Ansvarig är …".',
        "sv": 'Ange ansvarig förvaltning i måltexten ("Socialförvaltningen ska …") eller lägg till '
        '"Ansvarig är …".',
    },
    "rule.HBG104.summary": {
        "en": "Indicator not measurable as written",
        "sv": "Indikatorn är inte mätbar som den är skriven",
    },
    "rule.HBG104.description": {
        "en": "A documented classifier, one ordered table of patterns: an indicator is measurable when it "
        "states a count or share (Antal, Andel, …tillfällen), statistics, a named measurement or a "
        "standardised instrument (statistik, enkät, mäts, …mätning, skattning, tester), a change in "
        "something countable (fler personer, ärenden ska minska), a quantity that is a figure "
        "(skolnärvaro, betyg, behörighet), a deadline (senast 2022) or a yes/no outcome (Fastställt, "
        'Genomförd, framtagna, finns, använder). An activity ("Utvärdering av utbildningarna."), a '
        'register or publication without its figure ("Dödsorsaksregistret."), a placeholder or a '
        "bare year is flagged.",
        "sv": "En dokumenterad klassificerare, en ordnad tabell av mönster: en indikator är mätbar när den "
        "anger ett antal eller en andel (Antal, Andel, …tillfällen), statistik, en namngiven mätning "
        "eller ett standardiserat instrument (statistik, enkät, mäts, …mätning, skattning, tester), en "
        "förändring i något räknebart (fler personer, ärenden ska minska), en storhet som är ett tal "
        "(skolnärvaro, betyg, behörighet), en tidsgräns (senast 2022) eller ett ja/nej-utfall "
        '(Fastställt, Genomförd, framtagna, finns, använder). En aktivitet ("Utvärdering av '
        'utbildningarna."), ett register eller en publikation utan sitt tal ("Dödsorsaksregistret."), '
        "en platshållare eller ett ensamt årtal flaggas.",
    },
    "rule.HBG104.hint": {
        "en": 'Say what number or yes/no answer will be reported, e.g. "Antal medarbetare som gått '
        'utbildningen" instead of "Utvärdering av utbildningen". If the indicator is measurable after '
        "all, suppress HBG104 on the goal with a reason.",
        "sv": 'Skriv vilket tal eller ja/nej-svar som ska redovisas, t.ex. "Antal medarbetare som gått '
        'utbildningen" i stället för "Utvärdering av utbildningen". Om indikatorn ändå är mätbar, '
        "undanta HBG104 på målet med en motivering.",
    },
    "rule.HBG105.summary": {
        "en": "Short-term goal or activity carried over unchanged from the previous version",
        "sv": "Kortsiktigt mål eller aktivitet har förts över oförändrat från föregående version",
    },
    "rule.HBG105.description": {
        "en": 'Following the plans\' "replaces" links, the same short-term goal, or some of its '
        "activities, has the same text in two or more consecutive versions: it was not revised after "
        "its follow-up. Long-term goals are expected to stay and are checked only when configured.",
        "sv": 'Enligt planernas "replaces"-länkar har samma kortsiktiga mål, eller några av dess '
        "aktiviteter, samma text i två eller fler versioner i följd: det har inte reviderats efter "
        "uppföljningen. Långsiktiga mål förväntas bestå och kontrolleras bara om det är konfigurerat.",
    },
    "rule.HBG105.hint": {
        "en": "Review the goal against its follow-up: revise it, close it, or record why it continues.",
        "sv": "Gå igenom målet mot uppföljningen: revidera det, avsluta det eller skriv varför det fortsätter.",
    },
    "rule.HBG107.summary": {
        "en": "Regional topic not covered by the local plan",
        "sv": "Regionalt område saknas i den lokala planen",
    },
    "rule.HBG107.description": {
        "en": 'A topic of a plan listed in "based_on" has no counterpart in this plan (same id, or linked '
        'by "same_as" or "renamed_from").',
        "sv": 'Ett område i en plan som anges i "based_on" har ingen motsvarighet i denna plan (samma id, '
        'eller länkat med "same_as" eller "renamed_from").',
    },
    "rule.HBG107.hint": {
        "en": "Add the topic to the local plan, or link an existing topic to it with same_as.",
        "sv": "Lägg till området i den lokala planen, eller koppla ett befintligt område till det med same_as.",
    },
    "rule.HBG108.summary": {
        "en": "Latest follow-up says the goal was not done",
        "sv": "Senaste uppföljningen säger att målet inte genomförts",
    },
    "rule.HBG108.description": {
        "en": "In the latest year of the goal's follow-up, an entry has status not-done or, without a "
        'status, says so ("Ej genomförd", "ej framtagna", "inte påbörjat" …).',
        "sv": "Det senaste uppföljningsåret har en post med status not-done eller, utan status, en text som "
        'säger det ("Ej genomförd", "ej framtagna", "inte påbörjat" …).',
    },
    "rule.HBG108.hint": {
        "en": "Decide whether the local plan takes the goal over, with a responsible party and a date.",
        "sv": "Besluta om den lokala planen ska ta över målet, med ansvarig part och datum.",
    },
    "rule.HBG109.summary": {
        "en": "Suppression without a reason",
        "sv": "Undantag utan motivering",
    },
    "rule.HBG109.description": {
        "en": 'A goal\'s "ignore" entry silences a rule without a reason. The suppression still applies; '
        "this finding can only be turned off in the configuration.",
        "sv": 'En "ignore"-post på ett mål tystar en regel utan motivering. Undantaget gäller ändå; detta '
        "fynd kan bara stängas av i konfigurationen.",
    },
    "rule.HBG109.hint": {
        "en": 'Add reason: "…" saying why the rule does not apply to this goal.',
        "sv": 'Lägg till reason: "…" som säger varför regeln inte gäller för målet.',
    },
    # --- finding messages ------------------------------------------------------------------
    "gaps.HBG101": {
        "en": 'indicator missing: the plan says "Saknas"',
        "sv": 'indikator saknas: planen skriver "Saknas"',
    },
    "gaps.HBG102": {
        "en": "no indicator stated",
        "sv": "ingen indikator angiven",
    },
    "gaps.HBG103": {
        "en": "no responsible party named",
        "sv": "saknar ansvarig",
    },
    "gaps.HBG104": {
        "en": 'indicator not measurable as written (no count, share, rate, date or yes/no outcome): "{indicator}"',
        "sv": "indikatorn är inte mätbar som den är skriven (inget antal, ingen andel, takt, inget datum eller "
        'ja/nej-utfall): "{indicator}"',
    },
    "gaps.HBG105": {
        "en": "goal text unchanged in {count} consecutive versions ({versions})",
        "sv": "måltexten är oförändrad i {count} versioner i följd ({versions})",
    },
    "gaps.HBG101.since": {
        "en": 'indicator missing: the plan says "Saknas"; missing since {since} ({count} versions: {versions})',
        "sv": 'indikator saknas: planen skriver "Saknas"; saknats sedan {since} ({count} versioner: {versions})',
    },
    "gaps.HBG102.since": {
        "en": "no indicator stated; none since {since} ({count} versions: {versions})",
        "sv": "ingen indikator angiven; ingen sedan {since} ({count} versioner: {versions})",
    },
    "rule.HBG105.option.horizons": {
        "en": "the goal horizons checked: short (short-term goals and activities), long, current",
        "sv": "de målhorisonter som kontrolleras: short (kortsiktiga mål och aktiviteter), long, current",
    },
    "rule.HBG102.option.plan-kinds": {
        "en": "the kinds of plan checked; an agreement has no indicator blocks",
        "sv": "de plantyper som kontrolleras; en överenskommelse (agreement) har inga indikatorblock",
    },
    "rule.HBG102.option.horizons": {
        "en": "the goal horizons checked; a current (Nuläge) section describes the present state",
        "sv": "de målhorisonter som kontrolleras; ett nulägesavsnitt (current) beskriver läget i dag",
    },
    "rules.options": {
        "en": "Options ([tool.hbg-plan.options.{name}], per plan [tool.hbg-plan.per-plan.PLAN.options.{name}])",
        "sv": "Inställningar ([tool.hbg-plan.options.{name}], per plan [tool.hbg-plan.per-plan.PLAN.options.{name}])",
    },
    "rules.option": {
        "en": "'{option}' = [{default}] (any of {choices}): {doc}",
        "sv": "'{option}' = [{default}] (något av {choices}): {doc}",
    },
    "gaps.HBG105.activities": {
        "en": '{kept} of {total} activities carried over unchanged from {since}: "{text}"',
        "sv": '{kept} av {total} aktiviteter oförändrade sedan {since}: "{text}"',
    },
    "gaps.HBG107": {
        "en": 'topic "{title}" ({topic}) of {base} has no counterpart in this plan',
        "sv": 'området "{title}" ({topic}) i {base} har ingen motsvarighet i denna plan',
    },
    "gaps.HBG108": {
        "en": 'follow-up {year} says not done: "{text}"',
        "sv": 'uppföljningen {year} säger ej genomfört: "{text}"',
    },
    "gaps.HBG109": {
        "en": "suppression of {code} gives no reason",
        "sv": "undantaget för {code} saknar motivering",
    },
    "gaps.subject_message": {"en": "{subject}: {message}", "sv": "{subject}: {message}"},
    # --- labels ----------------------------------------------------------------------------
    "gaps.no_party": {"en": "(no responsible party)", "sv": "(saknar ansvarig)"},
    "gaps.no_area": {"en": "(no focus area)", "sv": "(inget fokusområde)"},
    "gaps.horizon.short": {"en": "Short-term goal", "sv": "Kortsiktigt mål"},
    "gaps.horizon.long": {"en": "Long-term goal", "sv": "Långsiktigt mål"},
    "gaps.horizon.current": {"en": "Current state", "sv": "Nuläge"},
    "gaps.title": {"en": "Gap list: {plan}", "sv": "Brister: {plan}"},
    "gaps.none": {"en": "No gaps found.", "sv": "Inga brister hittades."},
    "gaps.totals": {
        "en": "{findings} in {plans}: {errors}, {warnings}, {infos}; {suppressed} suppressed",
        "sv": "{findings} i {plans}: {errors}, {warnings}, {infos}; {suppressed} undantagna",
    },
    "gaps.plan_totals": {
        "en": "{findings}: {errors}, {warnings}, {infos}",
        "sv": "{findings}: {errors}, {warnings}, {infos}",
    },
    "gaps.n.findings.one": {"en": "{count} finding", "sv": "{count} fynd"},
    "gaps.n.findings.many": {"en": "{count} findings", "sv": "{count} fynd"},
    "gaps.n.plans.one": {"en": "{count} plan", "sv": "{count} plan"},
    "gaps.n.plans.many": {"en": "{count} plans", "sv": "{count} planer"},
    "gaps.n.errors.one": {"en": "{count} error", "sv": "{count} brist"},
    "gaps.n.errors.many": {"en": "{count} errors", "sv": "{count} brister"},
    "gaps.n.warnings.one": {"en": "{count} warning", "sv": "{count} varning"},
    "gaps.n.warnings.many": {"en": "{count} warnings", "sv": "{count} varningar"},
    "gaps.n.infos.one": {"en": "{count} info", "sv": "{count} info"},
    "gaps.n.infos.many": {"en": "{count} info", "sv": "{count} info"},
    "gaps.severity.error": {"en": "error", "sv": "brist"},
    "gaps.severity.warning": {"en": "warning", "sv": "varning"},
    "gaps.severity.info": {"en": "info", "sv": "info"},
    "gaps.md.intro": {
        "en": "Goals of this plan that lack a measurable indicator or a responsible party, have stood "
        "unchanged, or leave the regional plan unanswered. Goal texts are quoted verbatim from the plan, cut to one "
        "line (`hbg-plan show GOAL` prints the whole text).",
        "sv": "Mål i planen som saknar mätbar indikator eller ansvarig part, har stått oförändrade, eller "
        "lämnar den regionala planen obesvarad. Måltexterna citeras ordagrant ur planen, förkortade till en rad "
        "(`hbg-plan show MÅL` visar hela texten).",
    },
    "gaps.counts.title": {"en": "Counts", "sv": "Antal fynd"},
    "gaps.counts.by_rule": {"en": "By rule", "sv": "Per regel"},
    "gaps.counts.by_area": {"en": "By focus area", "sv": "Per fokusområde"},
    "gaps.counts.by_party": {
        "en": "By responsible party (a goal with several parties counts for each)",
        "sv": "Per ansvarig part (ett mål med flera ansvariga räknas för var och en)",
    },
    "gaps.counts.findings": {"en": "Findings", "sv": "Fynd"},
    "gaps.cli.statistics_format": {
        "en": "--statistics prints the count tables as text or markdown, not as {format}",
        "sv": "--statistics skriver antalstabellerna som text eller markdown, inte som {format}",
    },
    "gaps.md.missing": {"en": "What is missing", "sv": "Vad som saknas"},
    "gaps.md.responsible": {"en": "Responsible", "sv": "Ansvarig"},
    "gaps.md.source": {"en": "Source", "sv": "Källa"},
    "gaps.md.plan_file": {"en": "Plan file", "sv": "Planfil"},
    "gaps.md.footer": {
        "en": "Generated by hbg-plan {version}. Rule codes are explained by `hbg-plan rules CODE`.",
        "sv": "Skapad av hbg-plan {version}. Regelkoderna förklaras med `hbg-plan rules KOD`.",
    },
    "gaps.col.plan": {"en": "Plan", "sv": "Plan"},
    "gaps.col.focus_area": {"en": "Focus area", "sv": "Fokusområde"},
    "gaps.col.topic": {"en": "Topic", "sv": "Område"},
    "gaps.col.goal": {"en": "Goal", "sv": "Mål"},
    "gaps.col.horizon": {"en": "Horizon", "sv": "Tidshorisont"},
    "gaps.col.code": {"en": "Code", "sv": "Kod"},
    "gaps.col.rule": {"en": "Rule", "sv": "Regel"},
    "gaps.col.severity": {"en": "Severity", "sv": "Allvarlighet"},
    "gaps.col.message": {"en": "Problem", "sv": "Problem"},
    "gaps.col.responsible": {"en": "Responsible", "sv": "Ansvarig"},
    "gaps.col.goal_text": {"en": "Goal text", "sv": "Måltext"},
    "gaps.col.source": {"en": "Source", "sv": "Källa"},
    "gaps.col.file": {"en": "File", "sv": "Fil"},
    "gaps.col.line": {"en": "Line", "sv": "Rad"},
    "gaps.col.column": {"en": "Column", "sv": "Kolumn"},
    "gaps.col.location": {"en": "Location", "sv": "Plats"},
    # --- summary ---------------------------------------------------------------------------
    "summary.title.party": {
        "en": "Accountability by responsible party: {plan}",
        "sv": "Ansvar per ansvarig part: {plan}",
    },
    "summary.title.unit": {
        "en": "Accountability by responsible party and unit: {plan}",
        "sv": "Ansvar per ansvarig part och enhet: {plan}",
    },
    "summary.col.unit": {"en": "Responsible party or unit", "sv": "Ansvarig part eller enhet"},
    "summary.note.rollup": {
        "en": "A unit counts under the department it is part of (parties registry, part_of); "
        "--by unit shows units on their own rows.",
        "sv": "En enhet räknas under den förvaltning den ingår i (partsregistret, part_of); "
        "--by unit visar enheterna på egna rader.",
    },
    "xlsx.sheet.unit": {"en": "By party and unit", "sv": "Per part och enhet"},
    "summary.title.focus-area": {
        "en": "Accountability by focus area: {plan}",
        "sv": "Ansvar per fokusområde: {plan}",
    },
    "summary.col.party": {"en": "Responsible party", "sv": "Ansvarig part"},
    "summary.col.focus-area": {"en": "Focus area", "sv": "Fokusområde"},
    "summary.col.goals": {"en": "Goals", "sv": "Mål"},
    "summary.col.measurable": {"en": "Measurable", "sv": "Mätbara"},
    "summary.col.not_measurable": {"en": "Not measurable", "sv": "Ej mätbara"},
    "summary.col.saknas": {"en": '"Saknas"', "sv": '"Saknas"'},
    "summary.col.not_stated": {"en": "Not stated", "sv": "Ej angivna"},
    "summary.col.share": {"en": "Share measurable", "sv": "Andel mätbara"},
    "summary.total": {"en": "All goals", "sv": "Alla mål"},
    "summary.note.party": {
        "en": 'A goal with several responsible parties counts for each of them; "All goals" counts it once.',
        "sv": 'Ett mål med flera ansvariga parter räknas för var och en av dem; "Alla mål" räknar det en gång.',
    },
    "summary.note.measurable": {
        "en": "Measurable: at least one indicator passes the HBG104 classifier (or the goal suppresses HBG104).",
        "sv": "Mätbar: minst en indikator klarar HBG104-klassificeraren (eller målet undantar HBG104).",
    },
    # --- rules command ---------------------------------------------------------------------
    "rules.col.default": {"en": "Default", "sv": "Standard"},
    "rules.col.summary": {"en": "What it finds", "sv": "Vad den hittar"},
    "rules.bad": {"en": "Fails", "sv": "Underkänns"},
    "rules.good": {"en": "Passes", "sv": "Godkänns"},
    "rules.hint": {"en": "How to fix", "sv": "Så åtgärdar du"},
    "rules.severity": {"en": "default severity: {severity}", "sv": "standardnivå: {severity}"},
    "rules.unknown": {
        "en": "unknown rule '{rule}'{suggestion}; `hbg-plan rules` lists them",
        "sv": "okänd regel '{rule}'{suggestion}; `hbg-plan rules` listar dem",
    },
    # --- command line and configuration ----------------------------------------------------
    "gaps.cli.unknown_selector": {
        "en": "{option}: unknown rule '{rule}'{suggestion}",
        "sv": "{option}: okänd regel '{rule}'{suggestion}",
    },
    "gaps.cli.skipped": {
        "en": "note: {file} was left out of version and coverage comparisons: it is not a valid plan "
        "(see hbg-plan validate)",
        "sv": "obs: {file} togs inte med i jämförelser mellan versioner och planer: den är ingen giltig plan "
        "(se hbg-plan validate)",
    },
    "gaps.cli.one_plan": {
        "en": "give one plan (a file or a plan id)",
        "sv": "ange en plan (en fil eller ett plan-id)",
    },
    "config.unreadable": {
        "en": "cannot read configuration: {reason}",
        "sv": "kan inte läsa konfigurationen: {reason}",
    },
    "config.syntax": {
        "en": "TOML syntax error: {problem}",
        "sv": "syntaxfel i TOML: {problem}",
    },
    "config.not_table": {
        "en": "'{key}' must be a table",
        "sv": "'{key}' måste vara en tabell",
    },
    "config.bad_list": {
        "en": '\'{key}\' must be a list of texts, e.g. ["HBG101", "HBG104"]',
        "sv": '\'{key}\' måste vara en lista med texter, t.ex. ["HBG101", "HBG104"]',
    },
    "config.bad_string": {
        "en": "'{key}' must be a non-empty text",
        "sv": "'{key}' måste vara en text som inte är tom",
    },
    "config.bad_choice": {
        "en": "'{key}' is {value}; expected one of {allowed}",
        "sv": "'{key}' är {value}; förväntade något av {allowed}",
    },
    "config.unknown_key": {
        "en": "unknown key '{key}'{suggestion}",
        "sv": "okänd nyckel '{key}'{suggestion}",
    },
    "config.unknown_option": {
        "en": "'{key}': rule {rule} has no such option{suggestion} (its options: {known})",
        "sv": "'{key}': regeln {rule} har inget sådant alternativ{suggestion} (dess alternativ: {known})",
    },
    "config.unknown_rule": {
        "en": "'{key}' names unknown rule '{rule}'{suggestion}",
        "sv": "'{key}' anger den okända regeln '{rule}'{suggestion}",
    },
    "config.warning_unknown_key": {
        "en": "warning: {path}: unknown key '{key}' in the hbg-plan configuration{suggestion}",
        "sv": "varning: {path}: okänd nyckel '{key}' i hbg-plan-konfigurationen{suggestion}",
    },
}
