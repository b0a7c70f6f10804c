"""Record Elasticsearch's answers that the unit tests replay (tests/data/recorded/).

    .venv/bin/python tests/data/record.py      # needs the local node (or DATELINE_ES_URL)

The sample corpus and one hostile record are indexed under a throw-away alias; the answers to
a few searches and to one bulk request (one good document, one the strict mapping refuses) are
written as JSON. Run it again when the request bodies change.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from search.config import EsSettings  # noqa: E402
from search.index.archive import reindex  # noqa: E402
from search.query.body import build, suggest_body  # noqa: E402
from search.query.execute import selection  # noqa: E402
from search.query.params import SearchParams  # noqa: E402
from tests.support.helpers import SAMPLE, drop_indices  # noqa: E402

HOSTILE = {
    "id": "hostile-markup",
    "title": "<b>Bold</b> claims about the strike",
    "published": "2030-03-12",
    "text": 'Headline\n\nOSLO (DPN) — The <script>alert("x")</script> strike went ahead, '
    '"Ada & Co <img src=x onerror=alert(1)> back the strike," said Mara Lindqvist.',
}
SEARCHES = {
    "strike": SearchParams(q="strike"),
    "strike_speaker": SearchParams(q="strike", filters={"speaker": ("Mara Lindqvist",)}),
    "march_2030": SearchParams(date_from=date(2030, 3, 1), date_to=date(2030, 3, 31)),
}


def main() -> None:
    es = EsSettings.from_env().client()
    alias = f"dateline-record-{uuid.uuid4().hex[:8]}"
    out = HERE / "recorded"
    hostile = out / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    try:
        reindex(es, alias, [SAMPLE, hostile], workers=1)
        for name, params in SEARCHES.items():
            chosen = selection(es, alias, params)
            body = build(params, chosen, "month")
            body["from_"] = body.pop("from")
            answer = es.search(index=alias, **body).body
            recorded = {"params": _params(params), "selection": chosen, "response": answer}
            _write(out / f"search_{name}.json", recorded)
        answer = es.search(index=alias, **suggest_body("lind", 8)).body
        _write(out / "suggest_lind.json", {"prefix": "lind", "response": answer})
        ops = (
            b'{"index":{"_id":"good"}}\n{"id":"good","title":"A title"}\n'
            b'{"index":{"_id":"bad"}}\n{"id":"bad","no_such_field":1}\n'
        )
        answer = es.bulk(
            index=alias, operations=ops, filter_path=["items.*.status", "items.*.error"]
        )
        _write(out / "bulk_one_refused.json", answer.body)
    finally:
        hostile.unlink()
        drop_indices(es, alias)


def _params(params: SearchParams) -> dict[str, object]:
    return {
        "q": params.q,
        "filters": {k: list(v) for k, v in params.filters.items()},
        "date_from": params.date_from.isoformat() if params.date_from else None,
        "date_to": params.date_to.isoformat() if params.date_to else None,
    }


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
