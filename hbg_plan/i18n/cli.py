"""Messages of the command line itself: usage errors and the help hint under them."""

MESSAGES: dict[str, dict[str, str]] = {
    "usage.help_hint": {
        "en": "  see '{command} --help'",
        "sv": "  se '{command} --help'",
    },
    "usage.no_such_option": {
        "en": "no such option: {option}",
        "sv": "okänd flagga: {option}",
    },
    "usage.no_such_command": {
        "en": "no such command: {command}",
        "sv": "okänt kommando: {command}",
    },
    "usage.did_you_mean": {
        "en": " (did you mean {close}?)",
        "sv": " (menade du {close}?)",
    },
    "usage.option_needs_value": {
        "en": "option {option} needs a value",
        "sv": "flaggan {option} behöver ett värde",
    },
    "usage.option_takes_no_value": {
        "en": "option {option} takes no value",
        "sv": "flaggan {option} tar inget värde",
    },
    "usage.missing_argument": {
        "en": "missing argument {name}",
        "sv": "argumentet {name} saknas",
    },
    "usage.missing_option": {
        "en": "missing option {name}",
        "sv": "flaggan {name} saknas",
    },
    "usage.bad_choice": {
        "en": "{name} cannot be '{value}'; choose one of: {choices}",
        "sv": "{name} kan inte vara '{value}'; välj en av: {choices}",
    },
    "usage.is_directory": {
        "en": "{name}: '{value}' is a folder; give a file",
        "sv": "{name}: '{value}' är en mapp; ange en fil",
    },
    "usage.is_file": {
        "en": "{name}: '{value}' is a file; give a folder",
        "sv": "{name}: '{value}' är en fil; ange en mapp",
    },
    "usage.bad_value": {
        "en": "{name} cannot be '{value}'",
        "sv": "{name} kan inte vara '{value}'",
    },
    "usage.extra_arguments": {
        "en": "unexpected extra arguments: {arguments}",
        "sv": "oväntade extra argument: {arguments}",
    },
    "config.bad_url": {
        "en": "'{key}' must be an http or https address without a '#' part",
        "sv": "'{key}' måste vara en http- eller https-adress utan '#'-del",
    },
    "stdin.alone": {
        "en": "'-' (read the plan from standard input) must be the only PLAN",
        "sv": "'-' (läs planen från standard in) måste vara den enda PLAN",
    },
    "stdin.refused": {
        "en": "--stdin-filename {path}: {reason}",
        "sv": "--stdin-filename {path}: {reason}",
    },
    "stdin.too_large": {
        "en": "standard input holds more than {limit} bytes, the most a plan may have",
        "sv": "standard in innehåller mer än {limit} byte, det mesta en plan får ha",
    },
    "usage.other": {
        "en": "usage error: {detail}",
        "sv": "felaktig användning: {detail}",
    },
}
