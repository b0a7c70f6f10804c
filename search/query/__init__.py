"""The read path: what a search asks (`params`, in the query `language`), the request body built
from it (`body`, pure), Elasticsearch asked (`execute`) and its answer shaped for readers
(`shape`, pure). Fields are named through search.schema, never as strings of their own. Never
imports the write path.
"""
