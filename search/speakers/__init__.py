"""Speakers as people across the archive: a name as written becomes a `PersonName` (`names`),
and the names of the whole archive are merged into people with a canonical name and a stable
id (`merge`). Pure: both the write path (which labels documents) and the read path (which
resolves a `speaker` filter) use it.
"""
