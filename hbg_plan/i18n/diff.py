"""Messages for `hbg-plan diff` and `hbg-plan history`.

Swedish is what the revision meeting reads: participles agree with their noun (mål tillagt,
indikator tillagd, delområde borttaget).
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors --------------------------------------------------------------------------
    "diff.need_two": {
        "en": "give at least two plans to compare (files or plan ids)",
        "sv": "ange minst två planer att jämföra (filer eller plan-id)",
    },
    "diff.plans_dir_missing": {
        "en": "plans folder {path} not found (set it with --plans DIR)",
        "sv": "planmappen {path} hittades inte (ange den med --plans MAPP)",
    },
    "diff.unknown_plan": {
        "en": "'{ref}' is neither a plan file nor the id of a plan in {folder}; known ids: {known}",
        "sv": "'{ref}' är varken en planfil eller id för en plan i {folder}; kända id: {known}",
    },
    "diff.did_you_mean": {
        "en": "did you mean: {close}?",
        "sv": "menade du: {close}?",
    },
    "diff.no_such_file": {
        "en": "{path}: no such file",
        "sv": "{path}: filen finns inte",
    },
    "diff.is_directory": {
        "en": "{path} is a folder; give a plan file or a plan id",
        "sv": "{path} är en mapp; ange en planfil eller ett plan-id",
    },
    "diff.invalid_plan": {
        "en": "{path} is not a valid plan; fix these problems first (hbg-plan validate {path}):",
        "sv": "{path} är inte en giltig plan; rätta först dessa problem (hbg-plan validate {path}):",
    },
    # --- labels --------------------------------------------------------------------------
    "diff.heading": {"en": "{old} → {new}", "sv": "{old} → {new}"},
    "diff.plan_level": {"en": "Whole plan", "sv": "Hela planen"},
    "diff.no_differences": {"en": "No differences.", "sv": "Inga skillnader."},
    "diff.summary": {
        "en": "Differences: {differences} · regressions: {regressions} · gaps closed: {gaps_closed}"
        " · still missing: {still_missing}",
        "sv": "Skillnader: {differences} · försämringar: {regressions} · åtgärdade brister: {gaps_closed}"
        " · saknas fortfarande: {still_missing}",
    },
    "diff.summary_table": {"en": "Summary", "sv": "Sammanfattning"},
    "diff.column_change": {"en": "Change", "sv": "Ändring"},
    "diff.column_count": {"en": "Count", "sv": "Antal"},
    "diff.memo_title": {"en": "Revision memo: {old} → {new}", "sv": "Revideringsunderlag: {old} → {new}"},
    "diff.memo_plans": {
        "en": "Old: {old_title} ({old_period}, {old_path}). New: {new_title} ({new_period}, {new_path}).",
        "sv": "Tidigare: {old_title} ({old_period}, {old_path}). Ny: {new_title} ({new_period}, {new_path}).",
    },
    "diff.removed_area_group": {"en": "{title} (removed)", "sv": "{title} (borttaget)"},
    "diff.match.explicit": {
        "en": "paired as the plan states (renamed, or the same as an earlier item)",
        "sv": "parat enligt planens egen hänvisning (omdöpt, eller samma som tidigare)",
    },
    "diff.match.id": {"en": "same id", "sv": "samma id"},
    "diff.match.similarity": {"en": "similar text ({score} %)", "sv": "liknande text ({score} %)"},
    "diff.match.content": {"en": "same content ({score} %)", "sv": "samma innehåll ({score} %)"},
    "diff.match.topic": {
        "en": "the only goal of its horizon in the paired topic (text {score} % similar)",
        "sv": "det enda målet med samma tidshorisont i det parade delområdet (texten {score} % lik)",
    },
    "diff.was_id": {"en": "formerly {id}", "sv": "tidigare {id}"},
    "diff.ci.previous": {"en": "in the previous version ({plan})", "sv": "i föregående version ({plan})"},
    "diff.ci.rule_description": {
        "en": "{label}: a change between two versions of a plan, shown at its line in the newer plan file.",
        "sv": "{label}: en ändring mellan två versioner av en plan, visad på sin rad i den nyare planfilen.",
    },
    "diff.status.present": {"en": "stated", "sv": "angivna"},
    "diff.status.partial": {"en": 'stated, partly "Saknas"', "sv": "angivna, delvis ”Saknas”"},
    "diff.status.saknas": {"en": '"Saknas" (missing)', "sv": "”Saknas”"},
    "diff.status.not-stated": {"en": "not stated", "sv": "ej angivna"},
    "diff.horizon.short": {"en": "short-term", "sv": "kortsiktigt"},
    "diff.horizon.long": {"en": "long-term", "sv": "långsiktigt"},
    "diff.horizon.current": {"en": "current state", "sv": "nuläge"},
    "diff.goal.short": {"en": "short-term goal", "sv": "kortsiktigt mål"},
    "diff.goal.long": {"en": "long-term goal", "sv": "långsiktigt mål"},
    "diff.goal.current": {"en": "current-state goal", "sv": "mål (nuläge)"},
    # --- change kinds: short labels ------------------------------------------------------
    "diff.kind.plan-period-changed": {"en": "Plan period changed", "sv": "Planperiod ändrad"},
    "diff.kind.focus-area-added": {"en": "Focus area added", "sv": "Fokusområde tillagt"},
    "diff.kind.focus-area-removed": {"en": "Focus area removed", "sv": "Fokusområde borttaget"},
    "diff.kind.focus-area-renamed": {"en": "Focus area renamed", "sv": "Fokusområde omdöpt"},
    "diff.kind.topic-added": {"en": "Topic added", "sv": "Delområde tillagt"},
    "diff.kind.topic-removed": {"en": "Topic removed", "sv": "Delområde borttaget"},
    "diff.kind.topic-renamed": {"en": "Topic renamed", "sv": "Delområde omdöpt"},
    "diff.kind.topic-moved": {"en": "Topic moved", "sv": "Delområde flyttat"},
    "diff.kind.topic-merged": {"en": "Topic merged", "sv": "Delområde sammanslaget"},
    "diff.kind.topic-split": {"en": "Topic split", "sv": "Delområde uppdelat"},
    "diff.kind.goal-added": {"en": "Goal added", "sv": "Mål tillagt"},
    "diff.kind.goal-removed": {"en": "Goal removed", "sv": "Mål borttaget"},
    "diff.kind.goal-reworded": {"en": "Goal reworded", "sv": "Mål omformulerat"},
    "diff.kind.goal-moved": {"en": "Goal moved", "sv": "Mål flyttat"},
    "diff.kind.goal-renamed": {"en": "Goal id changed", "sv": "Målets id ändrat"},
    "diff.kind.goal-period-changed": {"en": "Goal period changed", "sv": "Målets period ändrad"},
    "diff.kind.goal-extended": {"en": "Goal extended", "sv": "Mål utökat"},
    "diff.kind.goal-merged": {"en": "Goal merged", "sv": "Mål sammanslaget"},
    "diff.kind.goal-split": {"en": "Goal split", "sv": "Mål uppdelat"},
    "diff.kind.goal-stated": {"en": "Goal stated", "sv": "Mål angivet"},
    "diff.kind.goal-saknas": {"en": "Goal missing", "sv": "Mål saknas"},
    "diff.kind.indicator-added": {"en": "Indicator added", "sv": "Indikator tillagd"},
    "diff.kind.indicator-removed": {"en": "Indicator removed", "sv": "Indikator borttagen"},
    "diff.kind.indicator-reworded": {"en": "Indicator reworded", "sv": "Indikator omformulerad"},
    "diff.kind.gap-closed": {"en": "Gap closed", "sv": "Åtgärdad brist"},
    "diff.kind.regression": {"en": "Regression", "sv": "Försämring"},
    "diff.kind.still-missing": {"en": "Still missing", "sv": "Saknas fortfarande"},
    "diff.kind.responsible-added": {"en": "Responsible party added", "sv": "Ansvarig tillagd"},
    "diff.kind.responsible-removed": {"en": "Responsible party removed", "sv": "Ansvarig borttagen"},
    # --- change kinds: one-line messages -------------------------------------------------
    "diff.msg.plan-period-changed": {
        "en": "plan period changed from {old} to {new}",
        "sv": "planperioden ändrad från {old} till {new}",
    },
    "diff.msg.focus-area-added": {"en": "focus area added: {new}", "sv": "fokusområde tillagt: {new}"},
    "diff.msg.focus-area-removed": {"en": "focus area removed: {old}", "sv": "fokusområde borttaget: {old}"},
    "diff.msg.focus-area-renamed": {
        "en": "focus area renamed from “{old}” to “{new}”",
        "sv": "fokusområde omdöpt från ”{old}” till ”{new}”",
    },
    "diff.msg.topic-added": {"en": "topic added: {new}", "sv": "delområde tillagt: {new}"},
    "diff.msg.topic-removed": {"en": "topic removed: {old}", "sv": "delområde borttaget: {old}"},
    "diff.msg.topic-renamed": {
        "en": "topic renamed from “{old}” to “{new}”",
        "sv": "delområde omdöpt från ”{old}” till ”{new}”",
    },
    "diff.msg.topic-moved": {
        "en": "topic moved from focus area “{old}” to “{new}”",
        "sv": "delområdet flyttat från fokusområdet ”{old}” till ”{new}”",
    },
    "diff.msg.topic-merged": {
        "en": "topic “{old}” merged into “{new}”",
        "sv": "delområdet ”{old}” sammanslaget med ”{new}”",
    },
    "diff.msg.topic-split": {
        "en": "topic “{old}” split: part of it is now “{new}”",
        "sv": "delområdet ”{old}” uppdelat: en del av det är nu ”{new}”",
    },
    "diff.msg.goal-extended": {
        "en": "{goal} extended: every old bullet kept, new ones added",
        "sv": "{goal} utökat: alla tidigare punkter kvar, nya tillagda",
    },
    "diff.msg.goal-merged": {
        "en": "goal {old} merged into {new}",
        "sv": "målet {old} sammanslaget med {new}",
    },
    "diff.msg.goal-split": {
        "en": "goal {old} split: part of it is now {new}",
        "sv": "målet {old} uppdelat: en del av det är nu {new}",
    },
    "diff.msg.goal-added": {"en": "{goal} added: {new}", "sv": "{goal} tillagt: {new}"},
    "diff.msg.goal-removed": {"en": "{goal} removed: {old}", "sv": "{goal} borttaget: {old}"},
    "diff.msg.goal-reworded": {"en": "{goal} reworded", "sv": "{goal} omformulerat"},
    "diff.msg.goal-moved": {
        "en": "goal moved from topic “{old}” to “{new}”",
        "sv": "målet flyttat från delområdet ”{old}” till ”{new}”",
    },
    "diff.msg.goal-renamed": {
        "en": "goal id changed from {old} to {new}",
        "sv": "målets id ändrat från {old} till {new}",
    },
    "diff.msg.goal-period-changed": {
        "en": "goal period changed from {old} to {new}",
        "sv": "målets period ändrad från {old} till {new}",
    },
    "diff.msg.goal-stated": {
        "en": '{goal} stated (the earlier version says "Saknas"): {new}',
        "sv": "{goal} angivet (den tidigare versionen säger ”Saknas”): {new}",
    },
    "diff.msg.goal-saknas": {
        "en": '{goal} now "Saknas" (was: {old})',
        "sv": "{goal} nu ”Saknas” (var: {old})",
    },
    "diff.msg.indicator-added": {"en": "indicator added: {new}", "sv": "indikator tillagd: {new}"},
    "diff.msg.indicator-removed": {"en": "indicator removed: {old}", "sv": "indikator borttagen: {old}"},
    "diff.msg.indicator-reworded": {"en": "indicator reworded: {new}", "sv": "indikator omformulerad: {new}"},
    "diff.msg.gap-closed.one": {
        "en": "gap closed: the indicator was missing ({old}), now {count} indicator is stated",
        "sv": "åtgärdad: indikator saknades ({old}), nu anges {count} indikator",
    },
    "diff.msg.gap-closed.many": {
        "en": "gap closed: the indicator was missing ({old}), now {count} indicators are stated",
        "sv": "åtgärdad: indikator saknades ({old}), nu anges {count} indikatorer",
    },
    "diff.msg.regression.one": {
        "en": "regression: {count} indicator was stated, now {new}",
        "sv": "försämring: {count} indikator angavs, nu {new}",
    },
    "diff.msg.regression.many": {
        "en": "regression: {count} indicators were stated, now {new}",
        "sv": "försämring: {count} indikatorer angavs, nu {new}",
    },
    "diff.msg.still-missing": {
        "en": "indicators still missing ({new})",
        "sv": "indikatorer saknas fortfarande ({new})",
    },
    "diff.msg.responsible-added": {"en": "responsible party added: {new}", "sv": "ansvarig tillagd: {new}"},
    "diff.msg.responsible-removed": {
        "en": "responsible party removed: {old}",
        "sv": "ansvarig borttagen: {old}",
    },
    "diff.value.none": {"en": "none", "sv": "ingen"},
    # --- history -------------------------------------------------------------------------
    "history.unknown_topic": {
        "en": "no plan in {folder} has a topic '{topic}'",
        "sv": "ingen plan i {folder} har delområdet '{topic}'",
    },
    "history.close_matches": {
        "en": "close matches: {matches}",
        "sv": "närliggande: {matches}",
    },
    "history.no_close_matches": {
        "en": "topics in these plans: {matches}",
        "sv": "delområden i dessa planer: {matches}",
    },
    "history.title.one": {
        "en": "History of topic {topic}: {count} plan",
        "sv": "Historik för delområdet {topic}: {count} plan",
    },
    "history.title.many": {
        "en": "History of topic {topic}: {count} plans",
        "sv": "Historik för delområdet {topic}: {count} planer",
    },
    "history.status_table": {"en": "Indicator status per version", "sv": "Indikatorstatus per version"},
    "history.column_goal": {"en": "Goal", "sv": "Mål"},
    "history.plan_line": {
        "en": "{plan} ({period}, {level} {kind}): “{title}” under “{area}”",
        "sv": "{plan} ({period}, {level} {kind}): ”{title}” under ”{area}”",
    },
    "history.indicators": {"en": "indicators: {status}", "sv": "indikatorer: {status}"},
    "history.responsible": {"en": "responsible: {parties}", "sv": "ansvariga: {parties}"},
    "history.follow_up": {"en": "follow-up {year}", "sv": "uppföljning {year}"},
    "history.no_goals": {"en": "(no goals)", "sv": "(inga mål)"},
    "history.absent": {"en": "—", "sv": "—"},
    "history.next.removed": {"en": "removed in {plan}", "sv": "borttaget i {plan}"},
    "history.next.merged": {
        "en": "merged into “{title}” ({topic}) in {plan}",
        "sv": "sammanslaget med ”{title}” ({topic}) i {plan}",
    },
    "history.next.split": {
        "en": "split: part of it is “{title}” ({topic}) in {plan}",
        "sv": "uppdelat: en del av det är ”{title}” ({topic}) i {plan}",
    },
    "history.next.continued": {
        "en": "continues as “{title}” ({topic}) in {plan}",
        "sv": "fortsätter som ”{title}” ({topic}) i {plan}",
    },
    "diff.level.local": {"en": "local", "sv": "lokal"},
    "diff.level.regional": {"en": "regional", "sv": "regional"},
    "diff.plankind.action-plan": {"en": "action plan", "sv": "handlingsplan"},
    "diff.plankind.follow-up": {"en": "follow-up", "sv": "uppföljning"},
    "diff.plankind.agreement": {"en": "agreement", "sv": "överenskommelse"},
    "diff.followup.done": {"en": "done", "sv": "genomförd"},
    "diff.followup.partly-done": {"en": "partly done", "sv": "delvis genomförd"},
    "diff.followup.not-done": {"en": "not done", "sv": "ej genomförd"},
    "diff.followup.not-reported": {"en": "not reported", "sv": "ej redovisad"},
}
