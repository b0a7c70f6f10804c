"""Where a query looks in each kind of document (`ARTICLES`, `QUOTES`): the language's view of
the fields search.schema declares searched, their boosts, scopes and analysis."""

from __future__ import annotations

from search.query.language.compile import Field, Fields, Target
from search.schema import (
    ARTICLE,
    FOLDED_BODY,
    FOLDED_LEAD,
    FOLDED_PREFIX,
    FOLDED_TEXT,
    QUOTE,
    Kind,
    analysis,
    searched,
)

# Where words typed side by side earn a bonus (`compile._proximity`): the running text.
_PROXIMITY = {ARTICLE: (FOLDED_BODY, FOLDED_LEAD), QUOTE: (FOLDED_TEXT,)}


def _field(path: str, boost: float = 1.0, folded: bool = False) -> Field:
    folded = folded or path.rpartition(".")[2].startswith(FOLDED_PREFIX)
    return Field(path, boost, analysis(path), folded)


def target(kind: Kind) -> Target:
    """Unscoped words search the fields with a boost, grouped by the nested object they live
    in (a nested group is one clause); each scope searches its fields at boost 1. `paired`:
    the scopes searched inside the shown items (quotes) when a query pairs them."""
    default: dict[str | None, list[Field]] = {}
    scopes: dict[str, tuple[list[Field], str | None]] = {}
    paired: dict[str, Fields] = {}
    shown: Fields | None = None
    for field, way in searched(kind):
        path = field.sub(way.at)
        nested = field.path if field.nested else None
        if way.paired and way.scope is not None:
            paired[way.scope] = Fields((_field(path),), nested)
            continue
        if way.boost is not None:
            default.setdefault(nested, []).append(_field(path, way.boost, way.folded))
        if way.scope is not None:
            scopes.setdefault(way.scope, ([], nested))[0].append(_field(path, folded=way.folded))
        if way.shown:
            shown = Fields((_field(path, folded=way.folded),), nested)
    if shown is not None:  # the items' own scopes (`quote:`) pair too
        own = {s: Fields(tuple(f), nested) for s, (f, nested) in scopes.items() if nested}
        paired |= {s: f for s, f in own.items() if f.path == shown.path}
    return Target(
        default=tuple(Fields(tuple(fields), nested) for nested, fields in default.items()),
        scopes={scope: Fields(tuple(fields), nested) for scope, (fields, nested) in scopes.items()},
        proximity=tuple(field.path for field in _PROXIMITY[kind]),
        shown=shown,
        paired=paired if shown is not None else {},
    )


ARTICLES = target(ARTICLE)
# One document per quote. Unscoped words also match the speaker's name at a low boost, so
# "peskov trump" finds what Peskov said about Trump.
QUOTES = target(QUOTE)
