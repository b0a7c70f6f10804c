"""Speakers as people across the archive, pure (no Elasticsearch): a name as written becomes a
`PersonName` (`names`, with `given` for nicknames and `aliases` for legal names); `kinds` tells
people from organisations, documents and phrases; `stats` holds what the archive says of each
spelling; `merge.identify` turns those statistics into a `directory.Directory` of people,
ambiguous names and non-people, with the rule behind each spelling and an editor's
`corrections` on top; `lookup` resolves a reader's query over it. Both the write path (which
labels documents) and the read path (which resolves a `speaker` filter) use it.
"""
