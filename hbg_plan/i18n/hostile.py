"""Messages for hostile and broken input: odd paths, special files and last-resort errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "load.not_regular": {
        "en": "not a regular file (a device, pipe or socket); a plan must be a file",
        "sv": "inte en vanlig fil (en enhet, ett rör eller en socket); en plan måste vara en fil",
    },
    "load.unusual_break": {
        "en": "file contains the line separator {char}, which YAML reads as a line break and most editors do not;"
        " replace it with a space or a newline",
        "sv": "filen innehåller radavgränsaren {char}, som YAML läser som radbrytning men de flesta redigerare"
        " inte gör; ersätt den med ett mellanslag eller en radbrytning",
    },
    "guess.latin1": {
        "en": "Windows-1252 or Latin-1 (å ä ö as single bytes)",
        "sv": "Windows-1252 eller Latin-1 (å ä ö som enstaka byte)",
    },
    "guess.binary": {
        "en": "binary data",
        "sv": "binärdata",
    },
    "cli.unreadable_folder": {
        "en": "cannot list folder: {reason}",
        "sv": "kan inte läsa mappen: {reason}",
    },
    "cli.broken_symlink": {
        "en": "symbolic link points to a file that does not exist",
        "sv": "den symboliska länken pekar på en fil som inte finns",
    },
    "cli.internal_error": {
        "en": "internal error ({error}); please report it (HBG_DEBUG=1 shows the details)",
        "sv": "internt fel ({error}); rapportera det gärna (HBG_DEBUG=1 visar detaljerna)",
    },
    "schema.too_many": {
        "en": "more than {limit} schema problems; only the first {limit} are listed (is this a plan file?)",
        "sv": "fler än {limit} schemaproblem; bara de första {limit} visas (är detta en planfil?)",
    },
    "load.unclosed_quote": {
        "en": "YAML syntax error: this double-quoted text is not closed on its line; reading then failed"
        " at line {error_line}: {problem}",
        "sv": "syntaxfel i YAML: texten inom citattecken avslutas inte på sin rad; läsningen misslyckades"
        " sedan på rad {error_line}: {problem}",
    },
}
