"""Where a query looks in each kind of document (`ARTICLES`, `QUOTES`): the language's view of
the fields search.schema declares searched, their boosts, scopes and analysis."""

from __future__ import annotations

from search.query.language.compile import Field, Fields, Target
from search.schema import ARTICLE, BODY, LEAD, QUOTE, TEXT, Kind, analysis, searched

# Where words typed side by side earn a bonus (`compile._proximity`): the running text.
_PROXIMITY = {ARTICLE: (BODY, LEAD), QUOTE: (TEXT,)}


def target(kind: Kind) -> Target:
    """Unscoped words search the fields with a boost, grouped by the nested object they live
    in (a nested group is one clause); each scope searches its fields at boost 1."""
    default: dict[str | None, list[Field]] = {}
    scopes: dict[str, tuple[list[Field], str | None]] = {}
    shown: Fields | None = None
    for field, way in searched(kind):
        path = field.sub(way.at)
        nested = field.path if field.nested else None
        how = analysis(path)
        if way.boost is not None:
            default.setdefault(nested, []).append(Field(path, way.boost, how))
        if way.scope is not None:
            scopes.setdefault(way.scope, ([], nested))[0].append(Field(path, kind=how))
        if way.shown:
            shown = Fields((Field(path, kind=how),), nested)
    return Target(
        default=tuple(Fields(tuple(fields), nested) for nested, fields in default.items()),
        scopes={scope: Fields(tuple(fields), nested) for scope, (fields, nested) in scopes.items()},
        proximity=tuple(field.path for field in _PROXIMITY[kind]),
        shown=shown,
    )


ARTICLES = target(ARTICLE)
# One document per quote. Unscoped words also match the speaker's name at a low boost, so
# "peskov trump" finds what Peskov said about Trump.
QUOTES = target(QUOTE)
