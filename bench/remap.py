"""Copy a kept archive into this Dateline's mapping and index settings without extracting again,
so a mapping change is measured on a million articles in minutes rather than a reindex's hours.

    .venv/bin/python bench/remap.py --alias dateline-bench-scale --to dateline-bench-remap
    .venv/bin/python bench/scale.py --reuse --keep --alias dateline-bench-remap

Every document is read back whole and written into a new index made as `dateline reindex` makes
one (search.index.indices.create_index, loading settings, then the live ones); article documents
get the fields this version derives from what they already hold (`speaker_ids`, mapping version
8). The copy has no deleted documents, unlike an archive a relabel has rewritten: say so beside
any figure compared with the original.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from search.config import EsSettings
from search.index.indices import READY, create_index, set_state
from search.scan import scan
from search.schema import ARTICLE, KIND, SPEAKER_IDS, SPEAKERS, speaker_ids


def derived(source: dict[str, Any]) -> dict[str, Any]:
    """A stored document with what the current mapping adds to it."""
    if source.get(KIND.path) == ARTICLE:
        source[SPEAKER_IDS.path] = speaker_ids(source.get(SPEAKERS.path) or [])
    return source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alias", required=True, help="the archive copied")
    parser.add_argument("--to", required=True, help="the alias of the copy (replaced)")
    parser.add_argument("--shards", type=int, default=2)
    args = parser.parse_args()
    es = EsSettings.from_env().client().options(request_timeout=600)
    if es.indices.exists_alias(name=args.to):
        for old in es.indices.get_alias(name=args.to):
            es.indices.delete(index=old)
    index = create_index(es, args.to, shards=args.shards)
    began, copied = time.perf_counter(), 0
    for hits in scan(es, args.alias, {"match_all": {}}, page=2000):
        lines = []
        for hit in hits:
            lines += [
                orjson.dumps({"index": {"_id": hit["_id"]}}),
                orjson.dumps(derived(hit["_source"])),
            ]
        answer = es.bulk(index=index, operations=b"\n".join(lines) + b"\n", filter_path="errors")  # type: ignore[arg-type]
        if answer["errors"]:
            raise SystemExit(f"the copy into {index} was refused")
        copied += len(hits)
        if copied % 200_000 < len(hits):
            print(f"{copied} documents, {copied / (time.perf_counter() - began):.0f}/s", flush=True)
    es.indices.put_settings(index=index, settings={"refresh_interval": "1s"})
    es.indices.refresh(index=index)
    set_state(es, index, READY)
    es.indices.update_aliases(actions=[{"add": {"index": index, "alias": args.to}}])
    print(
        f"{copied} documents copied into {index} ({args.to}) in {time.perf_counter() - began:.0f}s"
    )


if __name__ == "__main__":
    main()
