"""Helpers shared by the hostile-input tests."""
