"""Validation: the JSON Schema (with its fast pre-check), integrity and provenance checks."""
