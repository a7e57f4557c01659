"""Messages of the loader, the schema check and the validator, and general labels."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- loading -------------------------------------------------------------------------
    "load.unreadable": {
        "en": "cannot read file: {reason}",
        "sv": "kan inte läsa filen: {reason}",
    },
    "load.not_found": {
        "en": "no such file or directory",
        "sv": "filen eller mappen finns inte",
    },
    "load.too_large": {
        "en": "file is {size} bytes; the limit is {limit} bytes (a plan is far smaller)",
        "sv": "filen är {size} byte; gränsen är {limit} byte (en plan är mycket mindre)",
    },
    "load.nul_byte": {
        "en": "file contains NUL bytes: it is binary, not a YAML text file",
        "sv": "filen innehåller NUL-byte: den är binär, inte en YAML-textfil",
    },
    "load.utf16": {
        "en": "file is encoded as {encoding}; save it as UTF-8",
        "sv": "filen är kodad som {encoding}; spara den som UTF-8",
    },
    "load.not_utf8": {
        "en": "file is not valid UTF-8 (byte 0x{byte:02x}); it looks like {guess}: save it as UTF-8",
        "sv": "filen är inte giltig UTF-8 (byte 0x{byte:02x}); den ser ut att vara {guess}: spara den som UTF-8",
    },
    "load.yaml_syntax": {
        "en": "YAML syntax error: {problem}",
        "sv": "syntaxfel i YAML: {problem}",
    },
    "load.tab_indent": {
        "en": "YAML syntax error: a tab character is used for indentation; indent with spaces",
        "sv": "syntaxfel i YAML: tabbtecken används för indrag; använd mellanslag",
    },
    "load.duplicate_key": {
        "en": "duplicate key '{key}' (first defined at line {first_line}, column {first_column})",
        "sv": "nyckeln '{key}' förekommer två gånger (först på rad {first_line}, kolumn {first_column})",
    },
    "load.alias": {
        "en": "YAML anchors and aliases (&name, *name) are not allowed in plan files",
        "sv": "YAML-ankare och alias (&namn, *namn) är inte tillåtna i planfiler",
    },
    "load.tag": {
        "en": "YAML tag '{tag}' is not allowed in plan files",
        "sv": "YAML-taggen '{tag}' är inte tillåten i planfiler",
    },
    "load.too_deep": {
        "en": "nesting is deeper than {limit} levels",
        "sv": "nästlingen är djupare än {limit} nivåer",
    },
    "load.too_many_nodes": {
        "en": "file has more than {limit} YAML nodes",
        "sv": "filen har fler än {limit} YAML-noder",
    },
    "load.complex_key": {
        "en": "mapping keys must be plain strings",
        "sv": "nycklar måste vara vanliga strängar",
    },
    "load.empty": {
        "en": "file is empty (or holds only comments): expected a plan",
        "sv": "filen är tom (eller innehåller bara kommentarer): en plan förväntades",
    },
    "load.multi_document": {
        "en": "file holds more than one YAML document ('---'); put each plan in its own file",
        "sv": "filen innehåller mer än ett YAML-dokument ('---'); lägg varje plan i en egen fil",
    },
    # --- schema --------------------------------------------------------------------------
    "schema.required": {
        "en": "missing required key '{key}'",
        "sv": "obligatorisk nyckel '{key}' saknas",
    },
    "schema.additional": {
        "en": "unknown key '{key}'{suggestion}",
        "sv": "okänd nyckel '{key}'{suggestion}",
    },
    "schema.did_you_mean": {
        "en": " (did you mean '{key}'?)",
        "sv": " (menade du '{key}'?)",
    },
    "schema.type": {
        "en": "expected {expected}, got {actual} ({value}){quote_hint}",
        "sv": "förväntade {expected}, fick {actual} ({value}){quote_hint}",
    },
    "schema.quote_hint": {
        "en": "; write it in quotes if you mean the text",
        "sv": "; skriv det inom citattecken om du menar texten",
    },
    "schema.enum": {
        "en": "{value} is not one of {allowed}",
        "sv": "{value} är inte ett av {allowed}",
    },
    "schema.const": {
        "en": "{value} must be {expected}",
        "sv": "{value} måste vara {expected}",
    },
    "schema.pattern": {
        "en": "{value} does not have the expected form ({what})",
        "sv": "{value} har inte förväntad form ({what})",
    },
    "schema.min_items": {
        "en": "list must have at least {limit} item(s)",
        "sv": "listan måste ha minst {limit} element",
    },
    "schema.max_items": {
        "en": "list must have at most {limit} item(s)",
        "sv": "listan får ha högst {limit} element",
    },
    "schema.min_length": {
        "en": "text must not be empty",
        "sv": "texten får inte vara tom",
    },
    "schema.minimum": {
        "en": "{value} is less than the minimum {limit}",
        "sv": "{value} är mindre än minimum {limit}",
    },
    "schema.maximum": {
        "en": "{value} is greater than the maximum {limit}",
        "sv": "{value} är större än maximum {limit}",
    },
    "schema.one_of": {
        "en": "{what}: expected a list of texts or an absence marker such as {{missing: saknas}}"
        " or {{missing: not-stated}}",
        "sv": "{what}: förväntade en lista med texter eller en frånvaromarkering som {{missing: saknas}}"
        " eller {{missing: not-stated}}",
    },
    "schema.other": {
        "en": "{detail}",
        "sv": "{detail}",
    },
    "type.string": {"en": "a text", "sv": "en text"},
    "type.integer": {"en": "an integer", "sv": "ett heltal"},
    "type.number": {"en": "a number", "sv": "ett tal"},
    "type.boolean": {"en": "true/false", "sv": "sant/falskt"},
    "type.null": {"en": "nothing (null)", "sv": "inget värde (null)"},
    "type.object": {"en": "a mapping (key: value)", "sv": "en mappning (nyckel: värde)"},
    "type.array": {"en": "a list", "sv": "en lista"},
    "pattern.id": {
        "en": "lower-case ASCII letters a-z (write å/ä as a, ö as o), digits, '.', '_', '-'",
        "sv": "gemena ASCII-bokstäver a-z (skriv å/ä som a, ö som o), siffror, '.', '_', '-'",
    },
    "pattern.year": {"en": 'a year such as "2020"', "sv": 'ett årtal som "2020"'},
    "pattern.period": {"en": '"2020" or "2020-2022"', "sv": '"2020" eller "2020-2022"'},
    "pattern.date": {"en": 'a date such as "2015-03-01"', "sv": 'ett datum som "2015-03-01"'},
    "pattern.sha256": {"en": "64 lower-case hex digits", "sv": "64 hexadecimala gemener"},
    "pattern.code": {"en": "a rule code such as HBG101", "sv": "en regelkod som HBG101"},
    "pattern.other": {"en": "pattern {pattern}", "sv": "mönstret {pattern}"},
    # --- validation beyond the schema ----------------------------------------------------
    "validate.duplicate_id": {
        "en": "id '{id}' is used twice in this plan (also at line {other_line})",
        "sv": "id '{id}' används två gånger i planen (även på rad {other_line})",
    },
    "validate.duplicate_plan_id": {
        "en": "plan id '{id}' is also used by {other}",
        "sv": "plan-id '{id}' används även av {other}",
    },
    "validate.unknown_party": {
        "en": "unknown party '{party}': not in {registry}{suggestion}",
        "sv": "okänd part '{party}': finns inte i {registry}{suggestion}",
    },
    "validate.no_registry": {
        "en": "no parties registry (parties.yaml) found beside the plan or in its parent folders",
        "sv": "inget partsregister (parties.yaml) hittades bredvid planen eller i mapparna ovanför",
    },
    "validate.duplicate_party": {
        "en": "party id '{id}' is defined twice (also at line {other_line})",
        "sv": "part-id '{id}' definieras två gånger (även på rad {other_line})",
    },
    "validate.unknown_part_of": {
        "en": "party '{id}' is part of unknown party '{parent}'",
        "sv": "parten '{id}' ingår i den okända parten '{parent}'",
    },
    "validate.source_missing": {
        "en": "source file {path} not found",
        "sv": "källfilen {path} hittades inte",
    },
    "validate.source_hash": {
        "en": "source file {path} has SHA-256 {actual}, the plan says {expected}",
        "sv": "källfilen {path} har SHA-256 {actual}, planen anger {expected}",
    },
    "validate.source_range": {
        "en": "line range {first}-{last} is outside the source file ({count} lines)",
        "sv": "radintervallet {first}-{last} ligger utanför källfilen ({count} rader)",
    },
    "validate.source_range_order": {
        "en": "line range {first}-{last} ends before it starts",
        "sv": "radintervallet {first}-{last} slutar innan det börjar",
    },
    "validate.not_in_source": {
        "en": 'text not found verbatim in {path} lines {first}-{last}: "{excerpt}"',
        "sv": 'texten finns inte ordagrant i {path} rad {first}-{last}: "{excerpt}"',
    },
    "validate.unknown_plan": {
        "en": "{field} refers to plan '{id}', which is not among the plans checked",
        "sv": "{field} hänvisar till planen '{id}', som inte finns bland de kontrollerade planerna",
    },
    "validate.suppression_unknown_code": {
        "en": "suppression names unknown rule {code}",
        "sv": "undantaget anger okänd regel {code}",
    },
    # --- command line --------------------------------------------------------------------
    "cli.no_plans": {
        "en": "no plan files (*.yaml, *.yml) found",
        "sv": "inga planfiler (*.yaml, *.yml) hittades",
    },
    "cli.symlink_loop": {
        "en": "symbolic link loop",
        "sv": "cirkulär symbolisk länk",
    },
    "cli.summary_ok": {
        "en": "{files} file(s) checked: all valid",
        "sv": "{files} fil(er) kontrollerade: alla giltiga",
    },
    "cli.summary_bad": {
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s) in {bad} file(s)",
        "sv": "{files} fil(er) kontrollerade: {errors} fel, {warnings} varningar i {bad} fil(er)",
    },
    # --- counted nouns (hbg_plan.i18n.counted) --------------------------------------------
    "count.file.one": {"en": "{count} file", "sv": "{count} fil"},
    "count.file.many": {"en": "{count} files", "sv": "{count} filer"},
    "count.error.one": {"en": "{count} error", "sv": "{count} fel"},
    "count.error.many": {"en": "{count} errors", "sv": "{count} fel"},
    "count.warning.one": {"en": "{count} warning", "sv": "{count} varning"},
    "count.warning.many": {"en": "{count} warnings", "sv": "{count} varningar"},
    "count.topic.one": {"en": "{count} topic", "sv": "{count} delområde"},
    "count.topic.many": {"en": "{count} topics", "sv": "{count} delområden"},
    "count.goal.one": {"en": "{count} goal", "sv": "{count} mål"},
    "count.goal.many": {"en": "{count} goals", "sv": "{count} mål"},
    "count.gap.one": {"en": "{count} gap", "sv": "{count} brist"},
    "count.gap.many": {"en": "{count} gaps", "sv": "{count} brister"},
    "count.known.one": {"en": "{count} known finding", "sv": "{count} känt fynd"},
    "count.known.many": {"en": "{count} known findings", "sv": "{count} kända fynd"},
    "count.stale.one": {"en": "{count} stale entry", "sv": "{count} inaktuell post"},
    "count.stale.many": {"en": "{count} stale entries", "sv": "{count} inaktuella poster"},
    "cli.truncated.one": {
        "en": "… {count} more problem in this file not shown (limit {limit})",
        "sv": "… ytterligare {count} problem i filen visas inte (gräns {limit})",
    },
    "cli.truncated.many": {
        "en": "… {count} more problems in this file not shown (limit {limit})",
        "sv": "… ytterligare {count} problem i filen visas inte (gräns {limit})",
    },
    "cli.written": {
        "en": "wrote {path}",
        "sv": "skrev {path}",
    },
    "show.not_found": {
        "en": "no topic or goal with id '{id}' in the plans",
        "sv": "inget område eller mål med id '{id}' finns i planerna",
    },
    "show.header": {
        "en": "{plan} · {kind} {id} · {where}",
        "sv": "{plan} · {kind} {id} · {where}",
    },
    "show.kind.topic": {"en": "topic", "sv": "område"},
    "show.kind.goal": {"en": "goal", "sv": "mål"},
    "show.source": {
        "en": "Source {file}, lines {first}-{last}:",
        "sv": "Källa {file}, rad {first}-{last}:",
    },
    "label.error": {"en": "error", "sv": "fel"},
    "label.warning": {"en": "warning", "sv": "varning"},
    "label.info": {"en": "info", "sv": "info"},
}
