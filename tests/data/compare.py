"""A small fictional archive whose counts are known by construction, for comparing series over
time: two people quoted in known articles and months, two agencies, words in known articles.
Every text and name is invented.

By month, January to March 2040: articles 3, 1, 2; quotes 3, 2, 2.
- Ilse Marchetti: articles 1, 1, 0; quotes 2, 1, 0.
- Tobias Quayle: articles 1, 1, 1; quotes 1, 1, 2.
- "bridge": articles 3, 0, 0 (cmp-1, cmp-2, cmp-3); "tunnel": cmp-4 and cmp-6.
- agency NWS: cmp-1, cmp-3, cmp-5; DPN: cmp-2, cmp-4, cmp-6.
"""

from __future__ import annotations

from typing import Any

RECORDS: list[dict[str, Any]] = [
    {
        "id": "cmp-1",
        "published": "2040-01-05",
        "agency": "NWS",
        "publisher": "harbour-times",
        "title": "Bridge tolls to rise",
        "text": "Bridge tolls to rise\n\nVALLETTA (NWS) — Tolls on the harbour bridge will rise "
        'in the spring. "The bridge must pay for itself," Ilse Marchetti said on Thursday. '
        '"Nobody likes a toll, but the repairs cannot wait," Marchetti added.',
    },
    {
        "id": "cmp-2",
        "published": "2040-01-20",
        "agency": "DPN",
        "publisher": "coast-courier",
        "title": "Ferry crews back the bridge plan",
        "text": "Ferry crews back the bridge plan\n\nVALLETTA (DPN) — The ferry crews said they "
        'would support the bridge plan. "We will carry fewer cars and more bicycles," Tobias '
        "Quayle said.",
    },
    {
        "id": "cmp-3",
        "published": "2040-01-25",
        "agency": "NWS",
        "publisher": "harbour-times",
        "title": "Fog closes the bridge",
        "text": "Fog closes the bridge\n\nVALLETTA (NWS) — Thick fog closed the bridge for three "
        "hours on Wednesday morning. Traffic moved again at noon.",
    },
    {
        "id": "cmp-4",
        "published": "2040-02-10",
        "agency": "DPN",
        "publisher": "coast-courier",
        "title": "Tunnel survey begins",
        "text": "Tunnel survey begins\n\nVALLETTA (DPN) — Engineers began a survey for a "
        'tunnel under the harbour. "A tunnel would outlast us all," Ilse Marchetti said. '
        '"The ferries will keep running while they dig," Tobias Quayle said.',
    },
    {
        "id": "cmp-5",
        "published": "2040-03-15",
        "agency": "NWS",
        "publisher": "harbour-times",
        "title": "Ferry fares frozen",
        "text": "Ferry fares frozen\n\nVALLETTA (NWS) — Ferry fares will not rise this year. "
        '"Passengers have paid enough," Tobias Quayle said on Thursday. "The fares stay where '
        'they are until the winter," Quayle said.',
    },
    {
        "id": "cmp-6",
        "published": "2040-03-16",
        "agency": "DPN",
        "publisher": "coast-courier",
        "title": "Tunnel survey finds firm rock",
        "text": "Tunnel survey finds firm rock\n\nVALLETTA (DPN) — The survey found firm rock "
        "under the harbour, so the tunnel could be built in four years.",
    },
]
