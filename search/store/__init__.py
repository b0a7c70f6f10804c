"""The archive store: every input accepted, its versions and its removals, in append-only
compressed segments beside the index data (`archive`), their catalog (`catalog`), and copies of
both beside the snapshots (`backup`). Knows nothing of Elasticsearch."""
