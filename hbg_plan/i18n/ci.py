"""Messages of the CI features: cross-file attribution, the gap baseline, conventional flags."""

MESSAGES: dict[str, dict[str, str]] = {
    "validate.party_removed.one": {
        "en": "party '{party}' is not in this registry, but {count} reference in {plans} uses it (first at {first})",
        "sv": "parten '{party}' finns inte i registret, men {count} hänvisning i {plans} använder den (först på {first})",
    },
    "validate.party_removed.many": {
        "en": "party '{party}' is not in this registry, but {count} references in {plans} use it (first at {first})",
        "sv": "parten '{party}' finns inte i registret, men {count} hänvisningar i {plans} använder den (först på {first})",
    },
    "validate.source_changed": {
        "en": "this source text changed after {plan} was transcribed from it: SHA-256 {actual}, the plan records {expected} at {plan_where}",
        "sv": "källtexten har ändrats efter att {plan} transkriberades från den: SHA-256 {actual}, planen anger {expected} på {plan_where}",
    },
    "baseline.unreadable": {
        "en": "{file}: cannot read the baseline: {reason}",
        "sv": "{file}: kan inte läsa baslinjen: {reason}",
    },
    "baseline.syntax": {
        "en": "{file}: the baseline is not valid JSON: {problem}",
        "sv": "{file}: baslinjen är inte giltig JSON: {problem}",
    },
    "baseline.invalid": {
        "en": "{file}: not a hbg-plan baseline: {problem}",
        "sv": "{file}: inte en baslinje för hbg-plan: {problem}",
    },
    "baseline.summary": {
        "en": "baseline {file}: {known} known finding(s) not reported, {stale} stale entr(y/ies)",
        "sv": "baslinje {file}: {known} kända fynd visas inte, {stale} inaktuella poster",
    },
    "baseline.stale": {
        "en": "{file}: stale entry {plan} {subject} {code}: the finding is gone; "
        "run `hbg-plan gaps --write-baseline {file}` to drop it",
        "sv": "{file}: inaktuell post {plan} {subject} {code}: fyndet finns inte längre; "
        "kör `hbg-plan gaps --write-baseline {file}` för att ta bort den",
    },
    "baseline.written.one": {
        "en": "wrote {count} finding to the baseline {file}",
        "sv": "skrev {count} fynd till baslinjen {file}",
    },
    "baseline.written.many": {
        "en": "wrote {count} findings to the baseline {file}",
        "sv": "skrev {count} fynd till baslinjen {file}",
    },
    "code.HBG001.hint": {
        "en": "Check the path, or name the plan by its id (`hbg-plan validate hbg-2020`).",
        "sv": "Kontrollera sökvägen, eller ange planen med dess id (`hbg-plan validate hbg-2020`).",
    },
    "code.HBG002.hint": {
        "en": "Save the file as UTF-8 in your editor.",
        "sv": "Spara filen som UTF-8 i din redigerare.",
    },
    "code.HBG003.hint": {
        "en": "Fix the syntax at the line and column given; indent with spaces.",
        "sv": "Rätta syntaxen på angiven rad och kolumn; använd mellanslag för indrag.",
    },
    "code.HBG004.hint": {
        "en": "Keep one of the two keys.",
        "sv": "Behåll en av de två nycklarna.",
    },
    "code.HBG005.hint": {
        "en": "Write the value out where it is used.",
        "sv": "Skriv ut värdet där det används.",
    },
    "code.HBG006.hint": {
        "en": "Keep one plan per file.",
        "sv": "Ha en plan per fil.",
    },
    "code.HBG010.hint": {
        "en": "Use the key or value the message suggests; the schema describes each property.",
        "sv": "Använd nyckeln eller värdet som meddelandet föreslår; schemat beskriver varje egenskap.",
    },
    "code.HBG020.hint": {
        "en": "Give the copy its own id, or remove it.",
        "sv": "Ge kopian ett eget id, eller ta bort den.",
    },
    "code.HBG021.hint": {
        "en": "Use an id from plans/parties.yaml, or add the organisation there.",
        "sv": "Använd ett id från plans/parties.yaml, eller lägg till organisationen där.",
    },
    "code.HBG022.hint": {
        "en": "Put the source text under plans/sources/ or correct source.file.",
        "sv": "Lägg källtexten i plans/sources/ eller rätta source.file.",
    },
    "code.HBG023.hint": {
        "en": "If the source was re-extracted on purpose, re-check the transcription and record the new sha256.",
        "sv": "Om källan extraherats på nytt med avsikt: granska transkriptionen och ange den nya sha256.",
    },
    "code.HBG024.hint": {
        "en": "Correct the line range to the lines of the source text.",
        "sv": "Rätta radintervallet till källtextens rader.",
    },
    "code.HBG025.hint": {
        "en": "Copy the text from the source lines, word for word, or correct the line range.",
        "sv": "Kopiera texten ordagrant från källraderna, eller rätta radintervallet.",
    },
    "code.HBG026.hint": {
        "en": "Add the named plan to the folder or correct the id.",
        "sv": "Lägg till den namngivna planen i mappen eller rätta id:t.",
    },
    "code.HBG027.hint": {
        "en": "Use a rule code from `hbg-plan rules`.",
        "sv": "Använd en regelkod från `hbg-plan rules`.",
    },
}
