"""Reporters: turn diagnostics, findings and diffs into text, JSON, Markdown, CSV, SARIF …

Reporters never decide anything: they render what the checker or the differ produced.
"""
