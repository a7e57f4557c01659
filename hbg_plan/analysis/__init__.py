"""Comparisons across plans and versions: the diff engine, topic history, the next-version scaffold."""
