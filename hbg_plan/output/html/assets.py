"""The page's stylesheet and scripts (files in assets/, package data) and its Content-Security-Policy."""

from __future__ import annotations

from importlib import resources

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    """A stylesheet or script of the page, from hbg_plan/output/html/assets/ (package data)."""
    return resources.files("hbg_plan.output.html").joinpath("assets", name).read_text(encoding="utf-8")


ERROR_SCRIPT = _asset("errors.js")  # runs first: JavaScript errors are written into the page
NAV_SCRIPT = _asset("nav.js")  # opens collapsed source text a link points into, and all before printing
CSS = _asset("report.css")
