"""`hbg-plan import`: draft a plan YAML from its document (plain text, DOCX or PDF).

`grammar` holds the template's patterns in one table; `text` parses plain text into a tree;
`parties` finds responsible parties; `build` renders the plan YAML; `docx` and `pdf` extract the
plain text of Word and PDF documents; `carry` carries ids over from the previous version.
"""
