"""The golden cases: every command, in each of its formats, on the bundled plans.

Each case is `(name, args)`. `{out}` in the args stands for an output file in a temporary folder;
the golden then holds that file's content (an .xlsx as its cell values, one sheet after another).
"""

from __future__ import annotations

PLANS_CHAIN = ("hbg-2015", "hbg-2020", "hbg-2023")

CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # validate
    ("validate-text", ("validate", "plans/")),
    ("validate-text-sv", ("validate", "plans/", "--lang", "sv")),
    ("validate-json", ("validate", "plans/", "-f", "json")),
    ("validate-github", ("validate", "plans/", "-f", "github")),
    ("validate-sarif", ("validate", "plans/", "-f", "sarif")),
    ("validate-junit", ("validate", "plans/", "-f", "junit")),
    ("validate-gaps-text", ("validate", "--gaps", "plans/", "--no-baseline")),
    ("validate-gaps-json", ("validate", "--gaps", "plans/", "--no-baseline", "-f", "json")),
    ("validate-gaps-github", ("validate", "--gaps", "plans/", "--no-baseline", "-f", "github")),
    ("validate-gaps-sarif", ("validate", "--gaps", "plans/", "--no-baseline", "-f", "sarif")),
    ("validate-gaps-junit", ("validate", "--gaps", "plans/", "--no-baseline", "-f", "junit")),
    ("validate-gaps-baseline", ("validate", "--gaps", "plans/")),
    ("validate-hostile-text", ("validate", "tests/data/hostile/")),
    ("validate-hostile-text-sv", ("validate", "tests/data/hostile/", "--lang", "sv")),
    ("validate-hostile-json", ("validate", "tests/data/hostile/", "-f", "json")),
    ("validate-hostile-github", ("validate", "tests/data/hostile/", "-f", "github")),
    ("validate-hostile-sarif", ("validate", "tests/data/hostile/", "-f", "sarif")),
    ("validate-hostile-junit", ("validate", "tests/data/hostile/", "-f", "junit")),
    # gaps
    ("gaps-text", ("gaps",)),
    ("gaps-text-sv", ("gaps", "--lang", "sv")),
    ("gaps-markdown", ("gaps", "-f", "markdown")),
    ("gaps-markdown-sv", ("gaps", "-f", "markdown", "--lang", "sv")),
    ("gaps-csv", ("gaps", "-f", "csv")),
    ("gaps-json", ("gaps", "-f", "json")),
    ("gaps-github", ("gaps", "-f", "github")),
    ("gaps-sarif", ("gaps", "-f", "sarif")),
    ("gaps-junit", ("gaps", "-f", "junit")),
    ("gaps-xlsx", ("gaps", "-f", "xlsx", "-o", "{out}.xlsx")),
    ("gaps-xlsx-sv", ("gaps", "-f", "xlsx", "--lang", "sv", "-o", "{out}.xlsx")),
    ("gaps-select", ("gaps", "hbg-2023", "--select", "HBG10", "--ignore", "HBG104", "--fail-on", "never")),
    ("gaps-mini-text", ("gaps", "tests/data/gaps/mini/plans/")),
    ("gaps-mini-markdown", ("gaps", "tests/data/gaps/mini/plans/", "-f", "markdown")),
    # summary
    ("summary-party-text", ("summary", "hbg-2023")),
    ("summary-party-text-sv", ("summary", "hbg-2023", "--lang", "sv")),
    ("summary-party-markdown", ("summary", "hbg-2023", "-f", "markdown")),
    ("summary-party-csv", ("summary", "hbg-2023", "-f", "csv")),
    ("summary-party-json", ("summary", "hbg-2023", "-f", "json")),
    ("summary-party-xlsx", ("summary", "hbg-2023", "-f", "xlsx", "-o", "{out}.xlsx")),
    ("summary-unit-text", ("summary", "hbg-2023", "--by", "unit")),
    ("summary-focus-text", ("summary", "hbg-2020", "--by", "focus-area")),
    (
        "summary-focus-markdown-sv",
        ("summary", "skane-2019", "--by", "focus-area", "-f", "markdown", "--lang", "sv"),
    ),
    # diff
    ("diff-chain-text", ("diff", *PLANS_CHAIN)),
    ("diff-chain-text-sv", ("diff", *PLANS_CHAIN, "--lang", "sv")),
    ("diff-chain-json", ("diff", *PLANS_CHAIN, "-f", "json")),
    ("diff-chain-markdown", ("diff", *PLANS_CHAIN, "-f", "markdown")),
    ("diff-github", ("diff", "hbg-2020", "hbg-2023", "-f", "github")),
    ("diff-github-all", ("diff", "hbg-2020", "hbg-2023", "-f", "github", "--annotate", "all")),
    ("diff-sarif", ("diff", "hbg-2020", "hbg-2023", "-f", "sarif")),
    ("diff-junit", ("diff", "hbg-2020", "hbg-2023", "-f", "junit")),
    ("diff-xlsx", ("diff", "hbg-2020", "hbg-2023", "-f", "xlsx", "-o", "{out}.xlsx")),
    ("diff-regional-text", ("diff", "skane-2019", "hbg-2020", "--fail-on", "regression")),
    ("diff-small-text", ("diff", "tests/data/diff/old.yaml", "tests/data/diff/new.yaml", "--exit-code")),
    (
        "diff-small-markdown",
        ("diff", "tests/data/diff/old.yaml", "tests/data/diff/new.yaml", "-f", "markdown"),
    ),
    ("diff-small-json", ("diff", "tests/data/diff/old.yaml", "tests/data/diff/new.yaml", "-f", "json")),
    ("diff-small-github", ("diff", "tests/data/diff/old.yaml", "tests/data/diff/new.yaml", "-f", "github")),
    ("diff-unknown-plan", ("diff", "hbg-2020", "hbg-2099")),
    # history
    ("history-text", ("history", "sip")),
    ("history-text-sv", ("history", "suicidprevention", "--lang", "sv")),
    ("history-json", ("history", "sip", "-f", "json")),
    ("history-markdown", ("history", "narstaende", "-f", "markdown")),
    ("history-unknown", ("history", "sipp")),
    # show
    ("show-goal-text", ("show", "sip.kort", "--plan", "hbg-2020")),
    ("show-goal-text-sv", ("show", "hbg-2020:sip.kort", "--lang", "sv")),
    ("show-goal-json", ("show", "sip.kort", "--plan", "hbg-2020", "-f", "json")),
    ("show-topic-all-text", ("show", "sip")),
    ("show-unknown", ("show", "no-such-goal")),
    # rules
    ("rules-text", ("rules",)),
    ("rules-text-sv", ("rules", "--lang", "sv")),
    ("rules-json", ("rules", "-f", "json")),
    ("rules-one-text", ("rules", "HBG101")),
    ("rules-one-text-sv", ("rules", "stale-goal", "--lang", "sv")),
    ("rules-one-json", ("rules", "HBG107", "-f", "json")),
    ("rules-unknown", ("rules", "HBG999")),
    # schema
    ("schema-plan", ("schema",)),
    ("schema-parties", ("schema", "--which", "parties")),
    ("schema-diff", ("schema", "--which", "diff")),
    ("schema-gaps", ("schema", "--which", "gaps")),
    ("schema-history", ("schema", "--which", "history")),
    ("schema-brief", ("schema", "--which", "brief")),
    # report
    ("report-lineage-html", ("report", "hbg-2023", "--lineage", "-o", "{out}.html")),
    ("report-one-html-sv", ("report", "skane-2019", "--lang", "sv", "-o", "{out}.html")),
    # brief
    ("brief-markdown-sv", ("brief", "hbg-2023", "--lang", "sv")),
    ("brief-markdown-en-2020", ("brief", "hbg-2020", "--lang", "en")),
    ("brief-json", ("brief", "hbg-2023", "-f", "json")),
    ("brief-html", ("brief", "hbg-2023", "-f", "html", "-o", "{out}.html")),
    # init
    ("init-yaml", ("init", "{out}.yaml", "--from", "hbg-2023")),
    # misc
    ("version", ("--version",)),
)
