"""The facets, declared once: the API's parameters, the page's sidebar and the request bodies
for articles and for quotes all derive from this list."""

from __future__ import annotations

from dataclasses import dataclass

from search.kinds import ARTICLE, Kind


@dataclass(frozen=True)
class Fields:
    """Where one kind of document holds a facet."""

    shown: str  # keyword field whose values are shown (and counted, unless `by_id`)
    filtered: str  # the field a selection filters: a case-folded twin, or the person id
    nested: str | None = None  # the nested object the fields live in


@dataclass(frozen=True)
class Facet:
    name: str  # the API's parameter and the key of its counts in a result
    label: str  # the page's heading for it
    description: str  # the API parameter's description
    article: Fields
    quote: Fields
    # Speakers are people: selected and counted by person id (any spelling of the name
    # selects them, see search.query.speakers), shown by canonical name.
    by_id: bool = False

    def fields(self, kind: Kind) -> Fields:
        return self.article if kind == ARTICLE else self.quote


FACETS = (
    Facet(
        "speaker",
        "Speakers",
        "Speaker: a name in any spelling, a surname (every person of that name), or an id.",
        Fields("speakers.name", "speakers.id", nested="speakers"),
        Fields("speaker.name", "speaker.id"),
        by_id=True,
    ),
    Facet(
        "location",
        "Datelines",
        "Dateline place (where the article was filed).",
        Fields("dateline.name", "dateline.name.folded"),
        Fields("dateline.name", "dateline.name.folded"),
    ),
    Facet(
        "place",
        "Places",
        "Place mentioned in the article.",
        Fields("places.name", "places.name.folded"),
        Fields("places.name", "places.name.folded"),
    ),
    Facet(
        "agency",
        "Agencies",
        "News agency.",
        Fields("agency", "agency.folded"),
        Fields("agency", "agency.folded"),
    ),
)
BY_NAME = {facet.name: facet for facet in FACETS}
