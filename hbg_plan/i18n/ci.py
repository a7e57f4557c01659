"""Messages of the CI features: cross-file attribution, the gap baseline, conventional flags."""

MESSAGES: dict[str, dict[str, str]] = {
    "validate.party_removed": {
        "en": "party '{party}' is not in this registry, but {count} reference(s) in {plans} use it (first at {first})",
        "sv": "parten '{party}' finns inte i registret, men {count} hänvisning(ar) i {plans} använder den (först på {first})",
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
    "baseline.written": {
        "en": "wrote {count} finding(s) to the baseline {file}",
        "sv": "skrev {count} fynd till baslinjen {file}",
    },
}
