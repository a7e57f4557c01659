"""hbg-plan: validate, diff and list the gaps of mental-health action plans kept as YAML."""

__version__ = "0.1.0"
# The project's home, as [project.urls] Repository in pyproject.toml says (a test keeps them equal);
# SARIF rules link to docs/rules.md there unless the configuration names another `rules-url`.
PROJECT_URL = "https://github.com/hbg-plan/hbg-plan"
