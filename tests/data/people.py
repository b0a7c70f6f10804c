"""A fictional archive with known people: variants of one person's name, and different people
who share a surname. Every text is invented; the names are made up.

`TRUTH` says who speaks in which article, independently of Dateline's extraction, so the
tests can check filters and facet counts against it.
"""

from __future__ import annotations

from typing import Any

RECORDS: list[dict[str, Any]] = [
    {
        "id": "okonkwo-1",
        "published": "2031-03-02",
        "agency": "DPN",
        "title": "Okonkwo opens the river port",
        "text": "Okonkwo opens the river port\n\nLAGOS (DPN) — The new river port opened on "
        'Monday. "This port will carry our grain to the sea," Barack Okonkwo said at the '
        "ceremony.",
    },
    {
        "id": "okonkwo-2",
        "published": "2031-03-20",
        "agency": "NWS",
        "title": "President promises cheaper bread",
        "text": "President promises cheaper bread\n\nABUJA (NWS) — Bread prices will fall by "
        'summer, the president said. "Nobody should pay more for bread than for fuel," '
        "President Okonkwo said on Friday.",
    },
    {
        "id": "okonkwo-3",
        "published": "2031-04-05",
        "agency": "DPN",
        "title": "Okonkwo rejects grain tariff",
        "text": "Okonkwo rejects grain tariff\n\nLAGOS (DPN) — The tariff on imported grain "
        'will not return. "We tried it and the markets emptied," Mr. Okonkwo told '
        "reporters.",
    },
    {
        "id": "halvorsen-1",
        "published": "2031-03-03",
        "agency": "NWS",
        "title": "Inspector defends the harbour audit",
        "text": "Inspector defends the harbour audit\n\nOSLO (NWS) — The harbour audit "
        'found no missing funds. "Every crown is accounted for," James Halvorsen said.',
    },
    {
        "id": "halvorsen-2",
        "published": "2031-03-09",
        "agency": "NWS",
        "title": "Audit chief summoned",
        "text": "Audit chief summoned\n\nOSLO (NWS) — The audit chief will testify on "
        'Tuesday. "I will answer every question the committee has," Jim Halvorsen said.',
    },
    {
        "id": "halvorsen-3",
        "published": "2031-05-11",
        "agency": "DPN",
        "title": "Harbour audit closes",
        "text": "Harbour audit closes\n\nOSLO (DPN) — The harbour audit closed on Sunday. "
        '"The books are clean and the harbour can borrow again," James B. Halvorsen Jr. '
        "said in a statement.",
    },
    {
        "id": "ferreira-bill",
        "published": "2031-03-04",
        "agency": "DPN",
        "title": "Former mayor backs tram plan",
        "text": "Former mayor backs tram plan\n\nLISBON (DPN) — The tram extension won a "
        'powerful supporter. "The riverside needs the tram more than it needs cars," '
        "Bill Ferreira said.",
    },
    {
        "id": "ferreira-hillary",
        "published": "2031-03-05",
        "agency": "NWS",
        "title": "Senator questions tram costs",
        "text": "Senator questions tram costs\n\nLISBON (NWS) — The cost of the tram "
        'extension was questioned. "The budget has doubled in a year," Hillary Ferreira '
        "said.",
    },
    {
        "id": "ferreira-bare",
        "published": "2031-06-30",
        "agency": "NWS",
        "title": "Tram vote delayed",
        "text": "Tram vote delayed\n\nLISBON (NWS) — The council delayed its vote on the "
        'tram. "We need another month," Ferreira said.',
    },
    {
        "id": "ashby-both",
        "published": "2031-03-06",
        "agency": "DPN",
        "title": "Ashby and son split on the stadium",
        "text": "Ashby and son split on the stadium\n\nNAIROBI (DPN) — Father and son "
        'disagreed on the stadium. "The stadium is a waste of money," Donald Ashby said. '
        '"The stadium will pay for itself," Donald Ashby Jr. said.',
    },
    {
        "id": "ashby-father",
        "published": "2031-03-21",
        "agency": "NWS",
        "title": "Ashby calls for a referendum",
        "text": "Ashby calls for a referendum\n\nNAIROBI (NWS) — A referendum on the "
        'stadium was proposed. "Let the city decide," Donald Ashby said.',
    },
    {
        "id": "ashby-son",
        "published": "2031-04-02",
        "agency": "DPN",
        "title": "Ashby junior signs stadium deal",
        "text": "Ashby junior signs stadium deal\n\nNAIROBI (DPN) — The stadium deal was "
        'signed on Wednesday. "Construction starts in May," Donald Ashby Jr. said.',
    },
]

# Who speaks where, as a reader of these texts would say: person id -> (name, article ids). The
# bare "Ferreira" of ferreira-bare may be Bill or Hillary: no person of its own (AMBIGUOUS).
TRUTH: dict[str, tuple[str, set[str]]] = {
    "barack-okonkwo": ("Barack Okonkwo", {"okonkwo-1", "okonkwo-2", "okonkwo-3"}),
    "james-halvorsen": ("James Halvorsen", {"halvorsen-1", "halvorsen-2", "halvorsen-3"}),
    "bill-ferreira": ("Bill Ferreira", {"ferreira-bill"}),
    "hillary-ferreira": ("Hillary Ferreira", {"ferreira-hillary"}),
    "donald-ashby": ("Donald Ashby", {"ashby-both", "ashby-father"}),
    "donald-ashby-jr": ("Donald Ashby Jr.", {"ashby-both", "ashby-son"}),
}

# A name that may be one of several people: the candidates, likeliest first.
AMBIGUOUS: dict[str, tuple[str, ...]] = {"Ferreira": ("bill-ferreira", "hillary-ferreira")}
