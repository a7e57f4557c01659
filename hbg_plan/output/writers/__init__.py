"""Format writers shared by every subject: GitHub annotations, SARIF 2.1.0, Excel workbooks."""
