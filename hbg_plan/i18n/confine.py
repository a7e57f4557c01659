"""Messages of the read side of running on untrusted pull requests: why a file a plan or config names
is not read (hbg_plan.io.confine), configuration scope, and the verbatim check of plan titles."""

MESSAGES: dict[str, dict[str, str]] = {
    "confine.reason.outside": {
        "en": "it lies outside the repository {root}, and only files inside it are read",
        "sv": "den ligger utanför arkivet {root}, och bara filer i arkivet läses",
    },
    "confine.reason.not_found": {
        "en": "it does not exist",
        "sv": "den finns inte",
    },
    "confine.reason.unreadable": {
        "en": "it cannot be read ({reason})",
        "sv": "den kan inte läsas ({reason})",
    },
    "confine.reason.not_regular": {
        "en": "it is not a regular file (a folder, device, pipe or socket)",
        "sv": "den är inte en vanlig fil (en mapp, enhet, ett rör eller en socket)",
    },
    "confine.reason.too_large": {
        "en": "it is {size} bytes, over the limit of {limit} bytes",
        "sv": "den är {size} byte, över gränsen på {limit} byte",
    },
    "confine.file_refused": {
        "en": "file not read: {reason}",
        "sv": "filen lästes inte: {reason}",
    },
    "validate.source_refused": {
        "en": "source file {path} not read: {reason}",
        "sv": "källfilen {path} lästes inte: {reason}",
    },
    "validate.registry_refused": {
        "en": "parties registry not read: {reason}",
        "sv": "partsregistret lästes inte: {reason}",
    },
    "confine.source_withheld": {
        "en": "source file {path} not read, its lines are not shown: {reason}",
        "sv": "källfilen {path} lästes inte, dess rader visas inte: {reason}",
    },
    "config.refused": {
        "en": "configuration not read: {reason}",
        "sv": "konfigurationen lästes inte: {reason}",
    },
    "config.too_deep": {
        "en": "tables and arrays nest deeper than {limit} levels; a configuration needs a few",
        "sv": "tabeller och listor är nästlade djupare än {limit} nivåer; en konfiguration behöver några få",
    },
    "config.empty_select": {
        "en": "'{key}' is empty, which would turn every rule off; leave it out to run every rule",
        "sv": "'{key}' är tom, vilket skulle stänga av alla regler; utelämna den för att köra alla regler",
    },
    "config.path_refused": {
        "en": "'{key}' not used: {reason}",
        "sv": "'{key}' används inte: {reason}",
    },
    "config.in_use": {
        "en": "configuration: {path}",
        "sv": "konfiguration: {path}",
    },
    "config.none_found": {
        "en": "configuration: none found (looked in {folders}); defaults apply",
        "sv": "konfiguration: ingen hittades (letade i {folders}); standardvärden gäller",
    },
    "validate.title_not_in_source": {
        "en": 'plan title not found verbatim anywhere in {path}: "{excerpt}"',
        "sv": 'planens titel finns inte ordagrant någonstans i {path}: "{excerpt}"',
    },
}
