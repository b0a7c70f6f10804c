"""Outlets: the publisher an article came from, by the name readers know it by.

Inputs give a publisher as a slug ("usa-today", "wash-post") or as a name. `OUTLETS` is a
small curated table of the outlets Dateline has met, each with its display name and the other
names readers type ("NYT", "WaPo"); a publisher not in it is shown as given, never guessed.
On the ground floor: the index contract (search.schema) stores the display name and every
name, the read path canonicalises an outlet typed in a filter.
"""

from __future__ import annotations

from functools import cache

from search.geography import fold

# slug -> (display name, other names). The display name is the outlet's own style ("The New
# York Times", "HuffPost" since 2017).
OUTLETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "breitbart": ("Breitbart", ("Breitbart News",)),
    "huff-post": ("HuffPost", ("Huffington Post", "The Huffington Post", "HuffPo")),
    "nyt": ("The New York Times", ("New York Times", "NYT", "NYTimes")),
    "politico": ("Politico", ()),
    "usa-today": ("USA Today", ()),
    "wash-post": ("The Washington Post", ("Washington Post", "WaPo")),
    "west-journal": ("Western Journalism", ("Western Journal",)),
}


@cache
def _by_name() -> dict[str, str]:
    """Folded slug, display name or other name -> slug."""
    found: dict[str, str] = {}
    for slug, (display, others) in OUTLETS.items():
        for name in (slug, display, *others):
            found[fold(name)] = slug
    return found


def _slug(publisher: str) -> str | None:
    return _by_name().get(fold(publisher))


def outlet_name(publisher: str | None) -> str | None:
    """The outlet's display name; a publisher the table does not know, as given."""
    if publisher is None or not publisher.strip():
        return None
    slug = _slug(publisher)
    return OUTLETS[slug][0] if slug else publisher.strip()


def outlet_names(publisher: str | None) -> list[str]:
    """Every name the outlet answers to in an `outlet:` search: display name, slug, others."""
    shown = outlet_name(publisher)
    if shown is None or publisher is None:
        return []
    slug = _slug(publisher)
    names = [shown, publisher.strip()]
    if slug:
        names += [slug, *OUTLETS[slug][1]]
    return list(dict.fromkeys(names))
