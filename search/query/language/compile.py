"""Compiling a parsed query into an Elasticsearch query on the fields of a `Target`.

Ranking. Title, lead and body are searched together (``best_fields``: the best field counts,
the others add a ``tie_breaker`` share) at boosts 2, 1.5 and 1, instead of the title's former 3,
which let a title mention outrank a body that holds the exact passage. On top of the required
terms, ``should`` clauses reward proximity in the body or lead: each pair of consecutive plain
words (or phrases) within `PROXIMITY_SLOP` positions, and all of them side by side in the typed
order, which outweighs a title holding the words. Ten positions cover a clause of a news
sentence ("Peskov told reporters on Monday that Trump…"); a sloppy phrase scores
1/(distance + 1), so closer still ranks higher inside the window, while a wider one would
reward words merely in neighbouring sentences.
https://www.elastic.co/docs/reference/query-languages/query-dsl/query-dsl-match-query-phrase
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as declared
from itertools import pairwise
from typing import Any, Literal

from search.folding import fold
from search.query.language.limits import FUZZY_EXPANSIONS
from search.query.language.tree import Group, Node, Not, Parsed, Scoped, Term, leaves
from search.query.language.words import FUNCTION_WORDS
from search.schema import SCOPES

PROXIMITY_SLOP = 10
BONUS_TERMS = 8  # terms that earn the proximity and quote bonuses
NEAR_BOOST = 2.0  # a pair of words within the slop
ORDER_BOOST = 3.0  # the plain words side by side, as typed
TIE_BREAKER = 0.3  # share of the other fields' scores in best_fields


@dataclass(frozen=True)
class Field:
    """A field and its boost. `stemmed` text has an unstemmed twin (the target's suffix) for
    phrases and prefixes; `plain` text is unstemmed itself; a `keyword` is matched whole.
    A `folded` field holds text folded by search.folding: what is searched there is folded."""

    name: str
    boost: float = 1.0
    kind: Literal["stemmed", "plain", "keyword"] = "stemmed"
    folded: bool = False


@dataclass(frozen=True)
class Fields:
    """Fields searched together; `path` names the nested object they live in, if any."""

    fields: tuple[Field, ...]
    path: str | None = None


@dataclass(frozen=True)
class Target:
    """The fields of one kind of document (search.query.language.targets).

    `default` serves unscoped terms, `scopes` each field scope, `proximity` the
    close-together bonus. `shown` is the nested object whose items matching the query a page
    shows (a hit's quotes): `to_query` adds a clause on it that can carry ``inner_hits``.
    `paired`: scopes searched together inside one shown item when a query gives two or more
    of them side by side (``speaker:obama quote:trump``: one quote of Obama's holding "trump").
    `items_within`: filters every scoped clause on the shown items passes (the quotes of the
    speakers chosen in a facet: with Obama chosen, ``quote:trump`` is a quote of Obama's).
    """

    default: tuple[Fields, ...]
    scopes: Mapping[str, Fields]
    proximity: tuple[str, ...]
    shown: Fields | None = None
    exact_suffix: str = ".exact"
    paired: Mapping[str, Fields] = declared(default_factory=dict)
    items_within: tuple[dict[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if set(self.scopes) != set(SCOPES):
            raise ValueError(f"a target needs exactly the scopes {SCOPES}")


def _names(fields: Fields, exact: str) -> list[str]:
    """Field names with boosts; `exact` is the suffix for stemmed fields ("" for the stems)."""
    names = []
    for f in fields.fields:
        name = f.name + exact if f.kind == "stemmed" else f.name
        names.append(name if f.boost == 1 else f"{name}^{f.boost:g}")
    return names


def _match(term: Term, fields: Fields, target: Target) -> dict[str, Any]:
    """One term on a set of fields. Keyword fields take the whole text as one value. Folded
    fields are given the folded text; when folding changes it and the set mixes folded fields
    with others (names, places), each part gets its own text, the best part counting."""
    folded = tuple(f for f in fields.fields if f.folded)
    others = tuple(f for f in fields.fields if not f.folded)
    if folded and others and fold(term.text) != term.text:
        queries = [_match(term, Fields(part, fields.path), target) for part in (folded, others)]
        return {"dis_max": {"queries": queries, "tie_breaker": TIE_BREAKER}}
    text = fold(term.text) if folded else term.text
    query: dict[str, Any]
    if term.kind == "phrase":
        query = {"type": "phrase", "tie_breaker": TIE_BREAKER}
        names = _names(fields, target.exact_suffix)
    elif term.kind == "prefix":
        # The last word is a prefix, the others whole words (``covid-19*``); from the unstemmed
        # twin, whose index_prefixes answer a 2-5 letter prefix with one term.
        query = {"type": "bool_prefix", "operator": "and"}
        names = _names(fields, target.exact_suffix)
    else:
        query = {"operator": "and", "tie_breaker": TIE_BREAKER}
        names = _names(fields, "")
        if term.kind == "fuzzy":
            query |= {
                "fuzziness": term.fuzziness,
                "prefix_length": 1,
                "max_expansions": FUZZY_EXPANSIONS,
            }
    return {"multi_match": {"query": text, "fields": names, **query}}


def _nested(path: str, query: dict[str, Any]) -> dict[str, Any]:
    return {"nested": {"path": path, "query": query, "score_mode": "max"}}


def _compile(node: Node, target: Target, where: tuple[Fields, ...], inside: str) -> dict[str, Any]:
    """`where` are the fields in scope; `inside` the nested path already entered, if any."""
    if isinstance(node, Term):
        clauses = [
            _nested(f.path, _match(node, f, target))
            if f.path and f.path != inside
            else _match(node, f, target)
            for f in where
        ]
        return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses}}
    if isinstance(node, Not):
        return {"bool": {"must_not": [_compile(node.node, target, where, inside)]}}
    if isinstance(node, Scoped):
        # One nested clause around the whole scope: speaker:(dmitry peskov) is one speaker.
        scope = target.scopes[node.scope]
        query = _compile(node.node, target, (scope,), scope.path or "")
        return _nested(scope.path, _within(query, target, scope.path)) if scope.path else query
    if node.op == "or":
        return {"bool": {"should": [_compile(n, target, where, inside) for n in node.nodes]}}
    together = _paired(node, target) if not inside else None
    # The paired scopes as one clause (`_paired`), the other terms as they are.
    nodes = [n for n in node.nodes if together is None or not _pairs(n, target)]
    must = [_compile(n, target, where, inside) for n in nodes if not isinstance(n, Not)]
    must = [together, *must] if together else must
    must_not = [_compile(n.node, target, where, inside) for n in nodes if isinstance(n, Not)]
    occurs = {"must": must, "must_not": must_not}
    return {"bool": {occur: listed for occur, listed in occurs.items() if listed}}


def _pairs(node: Node, target: Target) -> bool:
    return isinstance(node, Scoped) and node.scope in target.paired


def _paired(node: Group, target: Target) -> dict[str, Any] | None:
    """The scoped terms of an AND that one shown item must hold together (`Target.paired`),
    as one nested clause; None when fewer than two paired scopes stand side by side."""
    scoped = [n for n in node.nodes if isinstance(n, Scoped) and n.scope in target.paired]
    if len({n.scope for n in scoped}) < 2:
        return None
    path = target.paired[scoped[0].scope].path or ""
    must = [_compile(n.node, target, (target.paired[n.scope],), path) for n in scoped]
    return _nested(path, _within({"bool": {"must": must}}, target, path))


def _within(query: dict[str, Any], target: Target, path: str) -> dict[str, Any]:
    """`query` on the items at `path`, held to `Target.items_within` when they are the shown
    items."""
    if not target.items_within or target.shown is None or path != target.shown.path:
        return query
    if "bool" in query and "filter" not in query["bool"]:
        return {"bool": {**query["bool"], "filter": list(target.items_within)}}
    return {"bool": {"must": [query], "filter": list(target.items_within)}}


def _phrase(text: str, fields: list[str], slop: int, boost: float) -> dict[str, Any]:
    query = {"query": text, "fields": fields, "type": "phrase", "slop": slop, "boost": boost}
    return {"multi_match": query}


def _proximity(root: Node, target: Target) -> list[dict[str, Any]]:
    """Bonus for the top level's words and phrases standing close: each consecutive pair within
    `PROXIMITY_SLOP` positions (stemmed), and all of them side by side as typed (unstemmed).

    Pairs skip function words: they stand near everything anyway, and their many positions
    make sloppy phrases dear (eight of them cost seven times the query without the bonus).
    """
    if not target.proximity:
        return []
    top = root.nodes if isinstance(root, Group) and root.op == "and" else (root,)
    typed = [fold(n.text) for n in top if isinstance(n, Term) and n.kind in ("word", "phrase")]
    typed = typed[:BONUS_TERMS]
    content = [unit for unit in typed if not set(unit.split()) <= FUNCTION_WORDS]
    fields = list(target.proximity)
    bonus = [_phrase(f"{a} {b}", fields, PROXIMITY_SLOP, NEAR_BOOST) for a, b in pairwise(content)]
    if len(typed) > 1:
        exact = [name + target.exact_suffix for name in fields]
        bonus.append(_phrase(" ".join(typed), exact, 0, ORDER_BOOST))
    return bonus


def shown(
    parsed: Parsed,
    target: Target,
    *,
    within: list[dict[str, Any]] | None = None,
    inner_hits: Mapping[str, Any] | None = None,
) -> dict[str, Any] | None:
    """A clause on the target's `shown` nested items (quotes): those holding any searched term,
    and only those passing `within` (say, one speaker's) and the query's paired scopes
    (``speaker:obama quote:trump``: Obama's); with no term, every item passing `within`. None
    when there is nothing to show."""
    items = target.shown
    if items is None or not items.path:
        return None
    in_shown = {"", *(s for s, f in target.scopes.items() if f.path and f.path == items.path)}
    found = leaves(parsed.root) if parsed.root is not None else iter(())
    terms = [t for t, scope, negated in found if scope in in_shown and not negated]
    terms = terms[:BONUS_TERMS]
    if not terms and within is None:
        return None
    query: dict[str, Any] = {"bool": {}}
    if terms:
        query["bool"] |= {
            "should": [_match(t, items, target) for t in terms],
            "minimum_should_match": 1,
        }
    root = parsed.root
    together = _paired(root, target) if isinstance(root, Group) and root.op == "and" else None
    within = [*(within or []), *([together["nested"]["query"]] if together else [])]
    if within:
        query["bool"]["filter"] = within
    clause = _nested(items.path, query)
    if inner_hits is not None:
        clause["nested"]["inner_hits"] = dict(inner_hits)
    return clause


def to_query(
    parsed: Parsed,
    target: Target,
    *,
    inner_hits: Mapping[str, Any] | None = None,
    shown_within: list[dict[str, Any]] | None = None,
    items_within: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The Elasticsearch query for `parsed` on `target`'s fields.

    `inner_hits`, if given, goes on the clause over the target's `shown` nested items (the
    quotes holding a searched term, of those passing `shown_within`), so a hit can show them;
    it never changes what matches. `items_within` does (`Target.items_within`).
    """
    if items_within:
        target = replace(target, items_within=tuple(items_within))
    quotes = shown(parsed, target, within=shown_within, inner_hits=inner_hits)
    if parsed.root is None:
        if quotes is None:
            return {"match_all": {}}
        return {"bool": {"must": [{"match_all": {}}], "should": [quotes]}}
    root = parsed.root
    if parsed.match and isinstance(root, Group) and root.op == "and":
        # A question: its content words rank it, and most of them must match.
        queries = [_compile(n, target, target.default, "") for n in root.nodes]
        query = {"bool": {"should": queries, "minimum_should_match": parsed.match}}
    else:
        query = _compile(root, target, target.default, "")
    should = _proximity(root, target) + ([quotes] if quotes else [])
    if not should:
        return query
    if "must" in query.get("bool", {}):  # the usual AND of terms: one level, not two
        return {"bool": {**query["bool"], "should": should}}
    return {"bool": {"must": [query], "should": should}}
