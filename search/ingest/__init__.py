"""Reading input: which files and records a command is given (`walk`) and each one read into
a `RawArticle` or a `Rejected` with its reason (`read`). Knows nothing of extraction or indexing.
"""
