"""The typed plan model built from a loaded YAML document, and the parties registry."""
