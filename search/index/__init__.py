"""The write path: the index definition (`mapping`), an article as a document (`documents`),
the worker pool that extracts and serializes (`workers`), bounded bulk requests (`bulk`), the
indices behind the alias and their lifecycle (`indices`), and the zero-downtime reindex,
incremental indexing and rollback over them (`archive`).
"""
