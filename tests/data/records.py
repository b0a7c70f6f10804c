"""What the live tests' sample archive holds besides deploy/sample and the seed article: the
people fixture (tests/data/people.py), markup planted where text belongs, one story run by two
agencies, and agencies enough to push one out of its facet's top ten. Every text is invented.

Dates stay before 2031-07-21 (the planted ferry story, the archive's newest): the pages' tests
sort by newest and open what the first page shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.data.people import RECORDS

Record = dict[str, Any]

PLANTED = "window.__pwned = true"
# Markup where text belongs, in an article and its quotes; a source link that is a script; an id
# with slashes; a source link and an author to show.
PLANTED_RECORDS: list[Record] = [
    {
        "id": "planted-script",
        "published": "2031-07-20",
        "agency": "NWS",
        "url": "javascript:alert(1)",
        "title": f"<script>{PLANTED}</script> Harbour <b>bridge</b> opens",
        "text": "Harbour bridge opens\n\nOSLO (NWS) — The <img src=x onerror='"
        + PLANTED
        + "'> harbour bridge opened on Sunday. "
        + f'"The <script>{PLANTED}</script> bridge & the harbour are one," Mara Lindqvist said.',
    },
    {
        "id": "wire/2031/07/ferry-returns",
        "published": "2031-07-21",
        "agency": "DPN",
        "author": "Ana Duarte",
        "url": "https://example.org/ferry-returns",
        "title": "Harbour ferry returns after the bridge works",
        "text": "Harbour ferry returns after the bridge works\n\nLISBON (DPN) — The river ferry "
        'runs again from Monday. "We missed the morning crossing," Beatriz Mourão said.',
    },
]
HOSTILE: Record = {
    "id": "hostile",
    "published": "2031-07-01",
    "agency": "NWS",
    "title": '<script>alert("t")</script> Bridge <b>vote</b>',
    "text": "Bridge vote\n\nOSLO (NWS) — The <img src=x onerror=alert(1)> bridge vote passed. "
    '"The <script>bridge</script> & the harbour win," Mara Lindqvist said.',
}
HOSTILE_MARKUP: Record = {
    "id": "hostile-markup",
    "title": "<b>Bold</b> claims about the inauguration",
    "published": "2031-02-03",
    "text": 'Headline\n\nOSLO (DPN) — The <script>alert("x")</script> inauguration went ahead, '
    '"Ada & Co" said.',
}
SCRIPT = "<script>alert(1)</script>"
EVERY_FIELD: Record = {  # a stored article with a script in every field a record can give
    "id": f"x{SCRIPT}",
    "title": f"Harbour {SCRIPT} vote",
    "lead": f"Lead {SCRIPT}",
    "author": SCRIPT,
    "agency": SCRIPT,
    "publisher": SCRIPT,
    "url": f"javascript:{SCRIPT}",
    "published": "2031-07-01",
    "text": f"Harbour {SCRIPT} vote\n\nOSLO (NWS) — The harbour {SCRIPT} vote passed. "
    f'"The harbour {SCRIPT} wins," Mara {SCRIPT} Lindqvist said.',
}
STORY = (
    "The regional water board approved a plan on Tuesday to rebuild the northern reservoir "
    "dam, which engineers say has been leaking for a decade. The work will take three years "
    "and cost about 40 million, paid for by a levy on industrial users. Farmers downstream "
    "welcomed the decision but asked for compensation during the construction period."
)
WIRE: list[Record] = [  # one story, run by two agencies under their own headlines, and another
    {
        "id": "wire-a",
        "published": "2031-06-01",
        "agency": "DPN",
        "text": f"Water board backs dam rebuild\n\nKRAKOW (DPN) — {STORY}",
    },
    {
        "id": "wire-b",
        "published": "2031-06-01",
        "agency": "NWS",
        "text": f"Northern dam to be rebuilt\n\nKRAKOW (NWS) — {STORY} No comment was given.",
    },
    {
        "id": "wire-c",
        "published": "2031-06-02",
        "agency": "NWS",
        "text": "Reservoir levels fall\n\nKRAKOW (NWS) — Reservoir levels fell to a ten-year low "
        "as the regional water board warned industrial users about the northern dam.",
    },
]
AGENCIES: list[Record] = [  # twelve agencies, so one falls outside the top ten of its facet
    {
        "id": f"agency-{n}",
        "published": "2031-06-10",
        "agency": f"Agency {n:02d}",
        "text": f"Tram news {n}\n\nLISBON — The tram ran on time for the {n}th day.",
    }
    for n in range(12)
] + [
    {
        "id": f"agency-extra-{n}",
        "published": "2031-06-11",
        "agency": f"Agency {n:02d}",
        "text": f"Tram again {n}\n\nLISBON — The tram ran again for the {n}th day.",
    }
    for n in range(11)
]
SAMPLE_RECORDS = [
    *RECORDS,
    *PLANTED_RECORDS,
    HOSTILE,
    HOSTILE_MARKUP,
    EVERY_FIELD,
    *WIRE,
    *AGENCIES,
]


def write_records(path: Path, records: list[Record]) -> Path:
    """`records` as one JSON Lines file, the form `dateline reindex` reads them in."""
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    return path
