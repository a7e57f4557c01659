"""Output: turn validation results, findings, summaries, diffs and histories into reports.

Per subject a module per format (`findings_markdown`, `diff_json` …); `records/` holds what the
writers of one subject share, `writers/` the formats every subject shares (GitHub annotations,
SARIF, Excel), `html/` the HTML report. Writers never decide anything: they render what the
layers below produced.
"""
