"""hbg-plan: validate, diff and list the gaps of mental-health action plans kept as YAML."""

__version__ = "0.1.0"
