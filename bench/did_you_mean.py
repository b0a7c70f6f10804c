"""Did-you-mean on the PolNeAR archive: of the misspelt queries of tests/data/misspellings.py,
how many get the right respelling (or, spelt right, none), and whether any suggestion finds
nothing.

    DATELINE_INDEX=dateline-queries-polnear .venv/bin/dateline reindex \
        --allow-rejects 920 ../shared/corpora/polnear/{train,dev}/articles.jsonl
    .venv/bin/python bench/did_you_mean.py --alias dateline-queries-polnear [--verbose]

Each query is asked as `/api/search` asks it (search.query.execute.search), and each suggestion
is searched again to count its hits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search.config import EsSettings
from search.query.execute import search
from search.query.params import SearchParams
from tests.data.misspellings import MISSPELLINGS, SPELT_RIGHT


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alias", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    es = EsSettings.from_env().client()
    right = alone = empty = 0
    cases = [*MISSPELLINGS, *((q, None) for q in SPELT_RIGHT)]
    for n, (q, expected) in enumerate(cases):
        offered = search(es, args.alias, SearchParams(q=q))["suggestion"]
        hits = search(es, args.alias, SearchParams(q=offered))["total"]["value"] if offered else 0
        ok = (offered or "").lower() == (expected or "")
        empty += bool(offered) and hits == 0
        if n < len(MISSPELLINGS):
            right += ok
        else:
            alone += ok
        if args.verbose or not ok:
            mark = "ok " if ok else "NO "
            print(f"{mark} {q!r}: offered {offered!r} ({hits} hits), expected {expected!r}")
    print(
        f"did-you-mean: {right}/{len(MISSPELLINGS)} right; spelt right and left alone: "
        f"{alone}/{len(SPELT_RIGHT)}; suggestions finding nothing: {empty}"
    )


if __name__ == "__main__":
    main()
