"""What a run does with the archive store: which articles it withholds (removed), which are new
texts (a new article, or a correction: a new version of an id), and keeping each input it
accepted, once Elasticsearch has indexed it.

An article's document carries `versions` (how many texts its id has had) and `corrected` (when
the newest replaced an earlier one): 1 and null for the first text, set here for a correction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import orjson
from elasticsearch import Elasticsearch

from search.index.bulk import Prepared
from search.store.archive import Put, Store
from search.store.catalog import Row

FLUSH = 500  # inputs kept per write to the store (one fsync, one transaction)


def revised(item: Prepared, versions: int, corrected: str | None) -> Prepared:
    """The article's document (the first) with its versions and the date of its correction."""
    (doc_id, body), *quotes = item.documents
    document = orjson.loads(body)
    document["versions"] = versions
    document["corrected"] = corrected
    return replace(item, documents=((doc_id, orjson.dumps(document)), *quotes))


@dataclass
class Intake:
    """The store's side of one `index`, `watch` or `reindex` run.

    With `live` (the index the run adds to), a new article whose text the archive already holds
    under another id (a page saved twice under two names) is that article, not a second one.
    """

    store: Store
    command: str
    by: str
    note: str | None = None
    year: int | None = None
    live: tuple[Elasticsearch, str] | None = None
    corrected: int = 0
    _pending: dict[str, Put] = field(default_factory=dict)
    _ready: list[Put] = field(default_factory=list)

    def admit(self, item: Prepared) -> Prepared | Row | None:
        """`item` as it is to be indexed; or the tombstone that withholds it; or None, when it
        is a copy of another article."""
        removed = self.store.removal(item.id, item.digest)
        if removed is not None:
            return removed
        if not item.stated and self._copy_of_live(item):
            return None
        assert item.raw is not None and item.raw_digest is not None, "a run with a store keeps"
        verdict = self.store.judge(item.id, item.digest, item.raw_digest)
        if verdict.kind != "same":
            put = Put(item.id, verdict.version, item.digest, item.raw_digest, item.raw, self.year)
            if verdict.corrected:
                put = replace(put, at=verdict.corrected)
            self._pending[item.id] = put
            self.corrected += verdict.kind == "corrected"
        if verdict.version > 1:
            return revised(item, verdict.version, verdict.corrected)
        return item

    def _copy_of_live(self, item: Prepared) -> bool:
        if self.live is None or self.store.knows(item.id):
            return False
        holder = self.store.holder(item.digest, item.id)
        if holder is None:
            return False
        es, index = self.live
        return bool(es.exists(index=index, id=holder))

    def indexed(self, item: Prepared) -> None:
        """Elasticsearch took `item`: keep its input if it was a new text."""
        put = self._pending.pop(item.id, None)
        if put is not None:
            self._ready.append(put)
            if len(self._ready) >= FLUSH:
                self.flush()

    def flush(self) -> None:
        if self._ready:
            self.store.put(self._ready, command=self.command, by=self.by, note=self.note)
            self._ready = []
