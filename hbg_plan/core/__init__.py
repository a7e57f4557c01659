"""Problems and codes every layer shares: Severity, Location, Diagnostic, the HBG code table."""
