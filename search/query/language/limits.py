"""What a query may cost (issue 13), and the pruning that keeps a parsed query within it.

Parsing is linear and its recursion shallow: a query is cut at `MAX_QUERY_LENGTH` characters
(search.query.params) and parentheses deeper than `MAX_DEPTH` are flattened (`tokens.balance`).
What Elasticsearch does grows with the terms, so repeated terms are searched once (``a*|a*|…``
is the one word ``a``), at most `MAX_CLAUSES` terms are kept and typos allowed on
`MAX_FUZZY_TERMS` of them (a fuzzy word costs several plain ones), each expanding to
`FUZZY_EXPANSIONS` terms past an exact first letter, and `MAX_PHRASES` phrases checked as
phrases. Prefixes and phrases search the ``.exact`` twins, whose ``index_prefixes`` answer a
short prefix with one term.
https://www.elastic.co/docs/reference/elasticsearch/mapping-reference/index-prefixes
"""

from __future__ import annotations

from dataclasses import replace

from search.query.language.tree import Group, Node, Not, Notes, Term, group, leaves, negate, render

MAX_CLAUSES = 16  # terms kept after repeated ones are folded
MAX_DEPTH = 8  # parentheses kept; deeper ones are flattened
MIN_PREFIX = 2  # characters before a `*`: one letter would expand to much of the dictionary
MIN_FUZZY = 3  # letters before a `~`: Elasticsearch's AUTO allows no typo below 3 anyway
MAX_FUZZINESS = 2  # the most Lucene's automata allow
MAX_FUZZY_TERMS = 3  # words with typos allowed; later ones are searched exactly
MAX_PHRASES = 6  # phrases searched as phrases; later ones are searched as words
FUZZY_EXPANSIONS = 50


def limit(root: Node | None, max_clauses: int, notes: Notes) -> Node | None:
    """The first `max_clauses` terms in the order typed, typos allowed on the first
    `MAX_FUZZY_TERMS` of them, the first `MAX_PHRASES` phrases searched as phrases (a phrase
    checks word positions, which costs; phrases are also highlighted, which rules out
    `index_phrases`)."""
    if root is None:
        return None
    terms = [term for term, _, _ in leaves(root)]
    total = len(terms)
    kept = terms[:max_clauses]
    typos = sum(t.kind == "fuzzy" for t in kept)
    phrases = sum(t.kind == "phrase" for t in kept)
    if total <= max_clauses and typos <= MAX_FUZZY_TERMS and phrases <= MAX_PHRASES:
        return root
    seen = fuzzy = phrased = 0

    def prune(node: Node) -> Node | None:
        nonlocal seen, fuzzy, phrased
        if isinstance(node, Term):
            seen += 1
            fuzzy += node.kind == "fuzzy"
            phrased += node.kind == "phrase"
            if seen > max_clauses:
                return None
            if node.kind == "fuzzy" and fuzzy > MAX_FUZZY_TERMS:
                note = f"typos are allowed on {MAX_FUZZY_TERMS} words at most: searched exactly"
                notes.add(note, render(node))
                return Term("word", node.text)
            if node.kind == "phrase" and phrased > MAX_PHRASES:
                notes.add(f"{MAX_PHRASES} phrases at most: searched as words", render(node))
                return Term("word", node.text)
            return node
        if isinstance(node, Group):
            return group(node.op, (prune(n) for n in node.nodes), notes)
        child = prune(node.node)
        if child is None:
            return None
        return negate(child) if isinstance(node, Not) else replace(node, node=child)

    if total > max_clauses:
        dropped = total - max_clauses
        notes.add(f"only the first {max_clauses} terms were searched; {dropped} more were dropped")
    return prune(root)
