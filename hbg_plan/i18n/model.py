"""Messages of the plan format versions: migrate, and validate's word on a version-1 file."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "schema.v1": {
        "en": "this plan is in format version 1 (schema_version: 1); run `hbg-plan migrate {file}`"
        " to rewrite it as version 2 in place (comments and order are kept)",
        "sv": "planen har formatversion 1 (schema_version: 1); kör `hbg-plan migrate {file}`"
        " för att skriva om den till version 2 på plats (kommentarer och ordning behålls)",
    },
    "migrate.migrated": {
        "en": "{path}: migrated from schema version {before} to {after}",
        "sv": "{path}: migrerad från schemaversion {before} till {after}",
    },
    "migrate.would_migrate": {
        "en": "{path}: would be migrated from schema version {before} to {after}",
        "sv": "{path}: skulle migreras från schemaversion {before} till {after}",
    },
    "migrate.current": {
        "en": "{path}: already at the current schema version",
        "sv": "{path}: har redan den aktuella schemaversionen",
    },
    "migrate.goal_saknas": {
        "en": '{goal}: the goal text "Saknas." is now texts: {{missing: saknas}} (add its source lines)',
        "sv": "{goal}: måltexten ”Saknas.” är nu texts: {{missing: saknas}} (ange dess källrader)",
    },
    "migrate.indicator_saknas": {
        "en": '{goal}: the indicator "Saknas." is now {{missing: saknas}} (add its source lines)',
        "sv": "{goal}: indikatorn ”Saknas.” är nu {{missing: saknas}} (ange dess källrader)",
    },
    "migrate.not_a_plan": {
        "en": "not a plan file: no schema_version at the top level",
        "sv": "ingen planfil: schema_version saknas på översta nivån",
    },
    "migrate.unknown_version": {
        "en": "schema_version {version} is not a version this tool can migrate (1 → 2)",
        "sv": "schema_version {version} är ingen version som verktyget kan migrera (1 → 2)",
    },
    "migrate.unreadable": {
        "en": "could not read the file for rewriting: {detail}",
        "sv": "kunde inte läsa filen för omskrivning: {detail}",
    },
}

MESSAGES.update(
    {
        "rule.HBG110.summary": {
            "en": 'Goal missing: the plan says "Saknas" where the goal should stand',
            "sv": 'Mål saknas: planen skriver "Saknas" där målet ska stå',
        },
        "rule.HBG110.description": {
            "en": 'Under the goal heading the document writes "Saknas": there is no goal to follow up. '
            "This is the only finding for such a goal (HBG101–HBG103 presuppose a goal).",
            "sv": 'Under målrubriken skriver dokumentet "Saknas": det finns inget mål att följa upp. '
            "Detta är det enda fyndet för ett sådant mål (HBG101–HBG103 förutsätter ett mål).",
        },
        "rule.HBG110.hint": {
            "en": "Formulate the goal in the next revision, with an indicator and a responsible party, "
            "or remove the heading if the topic has no such goal.",
            "sv": "Formulera målet vid nästa revidering, med indikator och ansvarig part, "
            "eller ta bort rubriken om området inte ska ha något sådant mål.",
        },
        "gaps.HBG110": {
            "en": 'goal missing: the plan says "Saknas" instead of a goal',
            "sv": 'mål saknas: planen skriver "Saknas" i stället för ett mål',
        },
        "summary.col.partly_saknas": {"en": 'Partly "Saknas"', "sv": 'Delvis "Saknas"'},
        "summary.col.goal_saknas": {"en": 'Goal "Saknas"', "sv": 'Mål "Saknas"'},
        "history.goal_saknas": {
            "en": '(the document writes "Saknas" instead of a goal)',
            "sv": "(dokumentet skriver ”Saknas” i stället för ett mål)",
        },
        "gaps.HBG101.partial.one": {
            "en": 'indicator partly missing: the plan says "Saknas" beside {count} stated indicator',
            "sv": 'indikator saknas delvis: planen skriver "Saknas" bredvid {count} angiven indikator',
        },
        "gaps.HBG101.partial.many": {
            "en": 'indicator partly missing: the plan says "Saknas" beside {count} stated indicators',
            "sv": 'indikator saknas delvis: planen skriver "Saknas" bredvid {count} angivna indikatorer',
        },
    }
)
