"""Every HBG code in one table, like ruff's: its stable name and default severity.

HBG0xx are the validation codes (`hbg-plan validate`), documented here like the gap rules: a
docstring per code with what it checks, a `Bad::` and a `Good::` example (docs/rules.md,
`hbg-plan rules HBG025`, SARIF help); their one-line summaries and fix hints are in hbg_plan/i18n
(`ci.rule.CODE`, `code.CODE.hint`). HBG1xx are the gap rules (`hbg-plan gaps`): GAP_CODES is the only
place that gives a rule its code, name and default severity; the engine stamps them on the rule's
findings, and the rule's module hbg_plan/gaps/rules/<name>.py holds its check and documentation.
`CODES` is the whole table.
"""

from __future__ import annotations

from dataclasses import dataclass

from hbg_plan.core.problem import Severity


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    doc: str

    @property
    def summary_id(self) -> str:
        return f"ci.rule.{self.code}"

    @property
    def hint(self) -> str:
        return f"code.{self.code}.hint"


def _code(code: str, name: str, doc: str, severity: Severity = Severity.ERROR) -> Code:
    return Code(code, name, severity, doc.strip("\n"))


VALIDATION_CODES: tuple[Code, ...] = (
    _code(
        "HBG001",
        "unreadable-path",
        """
A path named on the command line, or a file a plan names, must exist and be readable.

Bad::

    $ hbg-plan validate plans/hbg-2025.yaml    # no such file

Good::

    $ hbg-plan validate plans/hbg-2023.yaml
""",
    ),
    _code(
        "HBG002",
        "not-utf8-text",
        """
Plans, registries and sources are UTF-8 text. UTF-16, Latin-1 and binary files are refused with a
message that names the encoding they look like.

Bad::

    a plan saved as "Windows-1252" in an editor: byte 0xe5 for "å"

Good::

    the same file saved as UTF-8 (a byte-order mark is allowed)
""",
    ),
    _code(
        "HBG003",
        "yaml-syntax",
        """
The file must be YAML that parses. Tabs used for indentation are named as such.

Bad::

    texts: ["Minska antalet självmord i Skåne."

Good::

    texts: ["Minska antalet självmord i Skåne."]
""",
    ),
    _code(
        "HBG004",
        "duplicate-key",
        """
A key written twice in one mapping would silently lose the first value; both places are named.

Bad::

    - id: sip.kort
      horizon: short
      horizon: long

Good::

    - id: sip.kort
      horizon: short
""",
    ),
    _code(
        "HBG005",
        "unsafe-yaml",
        """
No anchors, aliases or tags, and bounded nesting and size: a plan is data typed by hand, and these
features are how hostile files exhaust memory.

Bad::

    responsible: &alla [{party: sof, basis: subject, quote: "Socialförvaltningen"}]

Good::

    responsible: [{party: sof, basis: subject, quote: "Socialförvaltningen"}]
""",
    ),
    _code(
        "HBG006",
        "not-one-document",
        """
A plan file holds exactly one YAML document, and it is not empty.

Bad::

    id: hbg-2020
    ---
    id: hbg-2023

Good::

    id: hbg-2020
""",
    ),
    _code(
        "HBG010",
        "schema",
        """
The file must match the JSON Schema (schemas/plan.schema.json or parties.schema.json). Unknown
keys are errors, with a "did you mean".

Bad::

    - id: sip.kort
      horizon: short
      indikatorer: ["Antal SIP i Helsingborgs stad."]

Good::

    - id: sip.kort
      horizon: short
      indicators: ["Antal SIP i Helsingborgs stad."]
""",
    ),
    _code(
        "HBG020",
        "duplicate-id",
        """
Ids are unique within a plan, and plan ids are unique across the files of the plans folder. For a
duplicate plan id, the file named after the id keeps it (see hbg_plan/attribution.py).

Bad::

    # plans/hbg-2020-kopia.yaml
    id: hbg-2020

Good::

    # plans/hbg-2020-kopia.yaml
    id: hbg-2020-utkast
""",
    ),
    _code(
        "HBG021",
        "unknown-party",
        """
Every party id a plan uses (issued_by, responsible, sections, signatories) exists in the parties
registry, plans/parties.yaml.

Bad::

    responsible: [{party: sfff, basis: subject, quote: "Skol- och fritidsförvaltningen"}]

Good::

    responsible: [{party: sff, basis: subject, quote: "Skol- och fritidsförvaltningen"}]
""",
    ),
    _code(
        "HBG022",
        "source-missing",
        """
The plain-text source the plan was transcribed from exists under plans/sources/, lies inside the
repository (symlinks resolved: not `../../SECRET.env`, an absolute path or `/proc/self/environ`)
and is a regular file of at most 8 MiB. The message names the rule that refused it; a refused
file is never read, hashed (HBG023), counted (HBG024) or compared (HBG025).

Bad::

    source: {file: sources/saknas.txt, sha256: 5a96…}

Good::

    source: {file: sources/002_1aca388ac409bdea.txt, sha256: 5a96…}
""",
    ),
    _code(
        "HBG023",
        "source-hash",
        """
The source text's SHA-256 is the one the plan records, so nobody edits the source to fit the
transcription (or the other way round) unnoticed.

Bad::

    source: {file: sources/002_1aca388ac409bdea.txt, sha256: 0000…}

Good::

    source: {file: sources/002_1aca388ac409bdea.txt, sha256: 5a963e16f2c0…}   # sha256sum of the file
""",
    ),
    _code(
        "HBG024",
        "source-range",
        """
Every `source: {lines: [first, last]}` lies inside the source text, first ≤ last.

Bad::

    source: {lines: [213, 99999]}

Good::

    source: {lines: [213, 218]}
""",
    ),
    _code(
        "HBG025",
        "not-verbatim",
        """
Every transcribed text (titles, goals, indicators, quotes, follow-ups) stands verbatim in its
source, within the recorded line range; the plan's own `title`, which has no line range, anywhere
in the source. White space, line breaks, bullet glyphs, soft hyphens, typographic quotes and
dashes are ignored; words are not.

Bad::

    texts: ["Dialog om suicidprevention ska föras två gånger per år på arbetsplatsträffar."]

Good::

    texts: ["Dialog om suicidprevention ska föras en gång per år på arbetsplatsträffar."]
""",
    ),
    _code(
        "HBG026",
        "unknown-plan",
        """
`replaces` and `based_on` name plans that exist in the folder (a warning: the older plan may
simply not be transcribed yet).

Bad::

    replaces: hbg-2014

Good::

    replaces: hbg-2015
""",
        Severity.WARNING,
    ),
    _code(
        "HBG027",
        "unknown-suppression",
        """
A suppression names a known rule code; one that names none silences nothing and is most likely a
typo.

Bad::

    ignore: [{code: HBG011, reason: "Indikator tas fram av Region Skåne 2024."}]

Good::

    ignore: [{code: HBG101, reason: "Indikator tas fram av Region Skåne 2024."}]
""",
    ),
)

BY_CODE = {code.code: code for code in VALIDATION_CODES}

_W = Severity.WARNING
GAP_CODES: dict[str, Code] = {
    c.code: c
    for c in (  # documented by their rule modules (hbg_plan/gaps/rules/<name>.py), so no doc here
        _code("HBG101", "indicator-saknas", ""),
        _code("HBG102", "indicator-not-stated", ""),
        _code("HBG103", "no-responsible-party", ""),
        _code("HBG104", "indicator-not-measurable", "", _W),
        _code("HBG105", "stale-goal", "", _W),
        _code("HBG107", "regional-topic-not-covered", ""),
        _code("HBG108", "follow-up-not-done", ""),
        _code("HBG109", "suppression-without-reason", ""),
        _code("HBG110", "goal-saknas", ""),
    )
}
CODES: dict[str, Code] = {**BY_CODE, **GAP_CODES}


def find_code(code_or_name: str) -> Code | None:
    wanted = code_or_name.strip()
    for code in VALIDATION_CODES:
        if code.code == wanted.upper() or code.name == wanted.lower():
            return code
    return None
