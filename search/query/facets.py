"""The facets, declared once: the API's parameters, the page's sidebar and the request bodies
all derive from this list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    name: str  # the API's parameter and the key of its counts in a result
    field: str  # keyword field counted for buckets (its display value)
    filter_field: str  # case-folded twin that filters, so a value typed by hand matches
    label: str  # the page's heading for it
    description: str  # the API parameter's description


FACETS = (
    Facet("speaker", "speakers.name", "speakers.name.folded", "Speakers", "Speaker name(s)."),
    Facet("location", "dateline.name", "dateline.name.folded", "Datelines", "Dateline city."),
    Facet("place", "places.name", "places.name.folded", "Places", "Place mentioned."),
    Facet("agency", "agency", "agency.folded", "Agencies", "News agency."),
)
