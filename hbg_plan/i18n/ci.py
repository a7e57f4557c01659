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
}
