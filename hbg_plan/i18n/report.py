"""Messages for the report feature."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- ci formats / init ---------------------------------------------------------------
    "ci.related": {"en": "related location", "sv": "relaterad plats"},
    "ci.rule.HBG001": {"en": "The path exists and can be read", "sv": "Sökvägen finns och kan läsas"},
    "ci.rule.HBG002": {"en": "The file is UTF-8 text", "sv": "Filen är UTF-8-text"},
    "ci.rule.HBG003": {"en": "YAML syntax", "sv": "YAML-syntax"},
    "ci.rule.HBG004": {"en": "No duplicate keys", "sv": "Inga dubblerade nycklar"},
    "ci.rule.HBG005": {
        "en": "No anchors, aliases or tags; bounded nesting and size",
        "sv": "Inga ankare, alias eller taggar; begränsad nästling och storlek",
    },
    "ci.rule.HBG006": {
        "en": "Exactly one YAML document, not empty",
        "sv": "Exakt ett YAML-dokument, inte tomt",
    },
    "ci.rule.HBG010": {"en": "The file matches the JSON Schema", "sv": "Filen följer JSON-schemat"},
    "ci.rule.HBG020": {"en": "Ids are unique", "sv": "Id:n är unika"},
    "ci.rule.HBG021": {
        "en": "Every party id exists in the parties registry",
        "sv": "Varje part-id finns i partsregistret",
    },
    "ci.rule.HBG022": {"en": "The source text file exists", "sv": "Källtextfilen finns"},
    "ci.rule.HBG023": {
        "en": "The source text's SHA-256 matches the plan",
        "sv": "Källtextens SHA-256 stämmer med planen",
    },
    "ci.rule.HBG024": {
        "en": "Every line range lies inside the source text",
        "sv": "Varje radintervall ligger inom källtexten",
    },
    "ci.rule.HBG025": {
        "en": "Every transcribed text stands verbatim in its source lines",
        "sv": "Varje avskriven text står ordagrant på sina källrader",
    },
    "ci.rule.HBG026": {
        "en": "replaces / based_on name a known plan",
        "sv": "replaces / based_on anger en känd plan",
    },
    "ci.rule.HBG027": {
        "en": "Every suppression names a known rule",
        "sv": "Varje undantag anger en känd regel",
    },
    "schema_cmd.not_packaged": {
        "en": "this version of hbg-plan has no {which} schema",
        "sv": "den här versionen av hbg-plan har inget schema för {which}",
    },
    "init.suffix": {
        "en": "{path}: a plan file name must end in .yaml or .yml",
        "sv": "{path}: namnet på en planfil måste sluta på .yaml eller .yml",
    },
    "init.exists": {
        "en": "{path} already exists; hbg-plan init never overwrites a file",
        "sv": "{path} finns redan; hbg-plan init skriver aldrig över en fil",
    },
    "init.no_folder": {
        "en": "folder {folder} does not exist",
        "sv": "mappen {folder} finns inte",
    },
    "init.invalid_from": {
        "en": "cannot scaffold from '{ref}': it is not a valid plan",
        "sv": "kan inte utgå från '{ref}': det är inte en giltig plan",
    },
    "init.bad_id": {
        "en": "'{id}' is not a valid plan id (lower-case letters, digits, '.', '_', '-'); give one with --id",
        "sv": "'{id}' är inte ett giltigt plan-id (gemener, siffror, '.', '_', '-'); ange ett med --id",
    },
    "init.same_id": {
        "en": "the new plan needs an id other than '{id}'; give one with --id",
        "sv": "den nya planen behöver ett annat id än '{id}'; ange ett med --id",
    },
    "init.written": {
        "en": "wrote {path}: {new}, the next version of {old}, with {goals} goal(s) to fill in",
        "sv": "skrev {path}: {new}, nästa version av {old}, med {goals} mål att fylla i",
    },
    "init.next": {
        "en": "fill in what the comments at its top list, then run: hbg-plan validate {path}",
        "sv": "fyll i det som kommentarerna överst räknar upp och kör sedan: hbg-plan validate {path}",
    },
    "init.comment_header": {
        "en": "Next version of {old} ({path}), scaffolded by hbg-plan init. Ids, numbers and titles are carried"
        " over; every text is left for the new document.",
        "sv": "Nästa version av {old} ({path}), skapad av hbg-plan init. Id, nummer och rubriker är"
        " överförda; alla texter ska hämtas ur det nya dokumentet.",
    },
    "init.comment_todo": {
        "en": "To do: the title; source.file and source.sha256; every `lines: []` and `texts: []` (validate"
        " points at each); replace `{{missing: not-stated}}` where the document states indicators or names"
        " someone responsible; remove what the document no longer has.",
        "sv": "Att göra: title; source.file och source.sha256; varje `lines: []` och `texts: []` (validate"
        " pekar ut var och en); ersätt `{{missing: not-stated}}` där dokumentet anger indikatorer eller"
        " ansvariga; ta bort det som dokumentet inte längre har.",
    },
    "init.comment_period": {
        "en": "guessed from {old}: check it against the document",
        "sv": "gissad utifrån {old}: kontrollera mot dokumentet",
    },
    "init.comment_was": {"en": "{old} line {line}", "sv": "{old} rad {line}"},
    # --- html / xlsx ---------------------------------------------------------------------
    "html.need_plan": {
        "en": "give one or more plans (ids or files), or one plan with --lineage",
        "sv": "ange en eller flera planer (id eller filer), eller en plan med --lineage",
    },
    "html.lineage_one": {
        "en": "--lineage takes exactly one plan: its versions are found through the replaces links",
        "sv": "--lineage tar exakt en plan: dess versioner hittas via replaces-länkarna",
    },
    "html.title": {"en": "Plan report: {plans}", "sv": "Planrapport: {plans}"},
    "html.kicker": {"en": "hbg-plan report", "sv": "hbg-plan rapport"},
    "html.lineage_lead": {
        "en": "{count} versions of the plan, oldest first: structure, gaps, indicator coverage and changes",
        "sv": "{count} versioner av planen, äldst först: struktur, brister, indikatortäckning och ändringar",
    },
    "html.generated": {
        "en": "Generated by hbg-plan {version} from {files}.",
        "sv": "Skapad av hbg-plan {version} från {files}.",
    },
    "html.footer": {
        "en": "Generated by hbg-plan {version}. Plan texts are quoted verbatim from the plans; rule codes are "
        "explained by `hbg-plan rules CODE`.",
        "sv": "Skapad av hbg-plan {version}. Plantexterna är citerade ordagrant ur planerna; regelkoderna "
        "förklaras med `hbg-plan rules KOD`.",
    },
    "html.contents": {"en": "Contents", "sv": "Innehåll"},
    "html.overview": {"en": "Overview", "sv": "Översikt"},
    "html.coverage": {"en": "Indicator coverage", "sv": "Indikatortäckning"},
    "html.coverage_intro": {
        "en": "Goals per focus area by indicator status, one bar per plan version. The figure is the share "
        "of goals with a measurable indicator.",
        "sv": "Målen per fokusområde efter indikatorstatus, en stapel per planversion. Siffran är andelen "
        "mål med en mätbar indikator.",
    },
    "html.chart_value": {
        "en": "{share} ({measurable} of {goals})",
        "sv": "{share} ({measurable} av {goals})",
    },
    "html.changes": {"en": "Changes between versions", "sv": "Ändringar mellan versioner"},
    "html.changes_intro": {
        "en": "What changed from each version to the next, by focus area and topic. Open a focus area to "
        "see its changes.",
        "sv": "Vad som ändrats från varje version till nästa, per fokusområde och delområde. Öppna ett "
        "fokusområde för att se dess ändringar.",
    },
    "html.col.period": {"en": "Period", "sv": "Period"},
    "html.col.errors": {"en": "Errors", "sv": "Fel"},
    "html.col.warnings": {"en": "Warnings", "sv": "Varningar"},
    "html.col.infos": {"en": "Info", "sv": "Info"},
    "html.suppressed.one": {
        "en": "{count} finding suppressed in the plans is not shown.",
        "sv": "{count} undantaget fynd visas inte.",
    },
    "html.suppressed.many": {
        "en": "{count} findings suppressed in the plans are not shown.",
        "sv": "{count} undantagna fynd visas inte.",
    },
    "html.structure": {"en": "Plan structure and gaps", "sv": "Planens struktur och brister"},
    "html.replaces": {"en": "replaces {plan}", "sv": "ersätter {plan}"},
    "html.source_missing": {
        "en": "The source text {file} could not be read: source lines are not shown.",
        "sv": "Källtexten {file} kunde inte läsas: källraderna visas inte.",
    },
    "html.plan_findings": {"en": "Gaps of the plan as a whole", "sv": "Brister i planen som helhet"},
    "html.focus_areas": {"en": "Focus areas", "sv": "Fokusområden"},
    "html.area_facts": {
        "en": "{topics} topic(s) · {goals} goal(s) · {share} measurable · {gaps} gap(s)",
        "sv": "{topics} delområde(n) · {goals} mål · {share} mätbara · {gaps} brist(er)",
    },
    "html.detail.target_group": {"en": "Target group", "sv": "Målgrupp"},
    "html.detail.purpose": {"en": "Purpose", "sv": "Syfte"},
    "html.detail.method": {"en": "Method", "sv": "Metod"},
    "html.detail.effect": {"en": "Effect", "sv": "Effekt"},
    "html.indicators": {"en": "Indicators", "sv": "Indikatorer"},
    "html.responsible": {"en": "Responsible", "sv": "Ansvariga"},
    "html.follow_up": {"en": "Follow-up", "sv": "Uppföljning"},
    "html.indicators_saknas": {
        "en": 'Missing: the plan says "Saknas"',
        "sv": "Saknas: planen skriver ”Saknas”",
    },
    "html.indicators_not_stated": {"en": "No indicator stated", "sv": "Ingen indikator angiven"},
    "html.responsible_not_stated": {"en": "No responsible party named", "sv": "Ingen ansvarig part angiven"},
    "html.source_link": {"en": "Source, lines {lines}", "sv": "Källa, rad {lines}"},
    "html.source_show": {
        "en": "Source text, lines {lines} ({file})",
        "sv": "Källtext, rad {lines} ({file})",
    },
    "html.lines": {"en": "lines {lines}", "sv": "rad {lines}"},
    "xlsx.need_output": {
        "en": "--format xlsx writes a binary workbook: give --output FILE.xlsx",
        "sv": "--format xlsx skriver en binär arbetsbok: ange --output FIL.xlsx",
    },
    "xlsx.sheet.gaps": {"en": "Gaps", "sv": "Brister"},
    "xlsx.sheet.by_rule": {"en": "By rule", "sv": "Per regel"},
    "xlsx.sheet.party": {"en": "By party", "sv": "Per ansvarig part"},
    "xlsx.sheet.focus-area": {"en": "By focus area", "sv": "Per fokusområde"},
    "xlsx.sheet.changes": {"en": "Changes", "sv": "Ändringar"},
    "xlsx.sheet.overview": {"en": "Overview", "sv": "Översikt"},
    "xlsx.col.old_plan": {"en": "Older plan", "sv": "Äldre plan"},
    "xlsx.col.new_plan": {"en": "Newer plan", "sv": "Nyare plan"},
    "xlsx.col.description": {"en": "Description", "sv": "Beskrivning"},
    "xlsx.col.words": {
        "en": "Text changes [-removed-] {{+added+}}",
        "sv": "Textändringar [-borttaget-] {{+tillagt+}}",
    },
    "xlsx.col.topic": {"en": "Topic", "sv": "Delområde"},
    # --- --output ------------------------------------------------------------------------
    "output.refused": {
        "en": "{path}: refusing to write to {what}; --output writes only a new or a regular file "
        "(to feed a pipe, write to standard output)",
        "sv": "{path}: vägrar skriva till {what}; --output skriver bara en ny eller en vanlig fil "
        "(skriv till standard utdata för att mata en pipe)",
    },
    "output.kind.symlink": {"en": "a symbolic link", "sv": "en symbolisk länk"},
    "output.kind.directory": {"en": "a directory", "sv": "en mapp"},
    "output.kind.fifo": {"en": "a FIFO (named pipe)", "sv": "en FIFO (namngiven pipe)"},
    "output.kind.socket": {"en": "a socket", "sv": "en socket"},
    "output.kind.device": {"en": "a device file", "sv": "en enhetsfil"},
    "output.kind.other": {"en": "something other than a regular file", "sv": "något annat än en vanlig fil"},
    "output.stdout": {"en": "standard output", "sv": "standard utdata"},
}
