"""A parsed query: the tree (`Term`, `Not`, `Scoped`, `Group`), the notes on what parsing
changed, and the tree read back (its terms in order, its canonical rendering, `explain`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

TermKind = Literal["word", "phrase", "prefix", "fuzzy"]


@dataclass(frozen=True)
class Term:
    """A word, phrase, prefix or fuzzy word, lower-cased; `fuzziness` is AUTO, 1 or 2."""

    kind: TermKind
    text: str
    fuzziness: str = ""


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class Scoped:
    scope: str  # one of search.schema.SCOPES
    node: Node


@dataclass(frozen=True)
class Group:
    op: Literal["and", "or"]
    nodes: tuple[Node, ...]  # at least two, none repeated, none a group of the same op


Node = Term | Not | Scoped | Group


@dataclass(frozen=True)
class Parsed:
    """A parsed query: `root` is None when nothing is left to search (everything matches).
    `match`: for a question (search.query.language.words), how many of the top level's terms
    must match, as Elasticsearch's ``minimum_should_match``; "" when all must."""

    root: Node | None
    notes: tuple[str, ...] = ()
    match: str = ""


@dataclass
class Notes:
    """What parsing changed, each said once, with a few examples of what it applied to."""

    examples: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, note: str, example: str = "") -> None:
        self.counts[note] = self.counts.get(note, 0) + 1
        examples = self.examples.setdefault(note, [])
        example = example if len(example) <= 40 else example[:39] + "…"
        if example and len(examples) < 3 and example not in examples:
            examples.append(example)

    def render(self) -> tuple[str, ...]:
        rendered = []
        for note, count in self.counts.items():
            examples = self.examples[note]
            if examples:
                more = count - len(examples)
                note += ": " + ", ".join(examples) + (f" and {more} more" if more > 0 else "")
            rendered.append(note)
        return tuple(rendered)


# --- Building the tree


def group(op: Literal["and", "or"], nodes: Iterable[Node | None], notes: Notes) -> Node | None:
    """A group flattened (``a (b c)`` is ``a b c``) with repeated members folded."""
    members: dict[Node, None] = {}
    for node in nodes:
        if node is None:
            continue
        for member in node.nodes if isinstance(node, Group) and node.op == op else (node,):
            if member in members:
                notes.add("repeated terms were searched once")
            members[member] = None
    if len(members) < 2:
        return next(iter(members), None)
    return Group(op, tuple(members))


def negate(node: Node) -> Node:
    return node.node if isinstance(node, Not) else Not(node)


# --- Reading the tree back


def leaves(node: Node, scope: str = "", negated: bool = False) -> Iterator[tuple[Term, str, bool]]:
    """Each term in order, with its field scope ("" for the default fields) and exclusion."""
    if isinstance(node, Term):
        yield node, scope, negated
    elif isinstance(node, Group):
        for child in node.nodes:
            yield from leaves(child, scope, negated)
    elif isinstance(node, Not):
        yield from leaves(node.node, scope, not negated)
    else:
        yield from leaves(node.node, node.scope, negated)


def render(node: Node, inner: bool = False) -> str:
    """The query in its canonical syntax: explicit AND, groups in parentheses."""
    if isinstance(node, Term):
        if node.kind == "phrase":
            return f'"{node.text}"'
        if node.kind == "prefix":
            return f"{node.text}*"
        if node.kind == "fuzzy":
            return f"{node.text}~{'' if node.fuzziness == 'AUTO' else node.fuzziness}"
        return node.text
    if isinstance(node, Not):
        return "-" + render(node.node, inner=True)
    if isinstance(node, Scoped):
        child = render(node.node, inner=True)
        return f"{node.scope}:({child})" if isinstance(node.node, Not) else f"{node.scope}:{child}"
    joined = f" {node.op.upper()} ".join(render(child, inner=True) for child in node.nodes)
    return f"({joined})" if inner else joined


def explain(parsed: Parsed) -> dict[str, Any]:
    """How the query was understood, for ``explain=true``: JSON-ready and readable."""
    clauses = []
    for term, scope, negated in leaves(parsed.root) if parsed.root else ():
        clause: dict[str, Any] = {
            "kind": term.kind,
            "text": term.text,
            "fields": scope or "all",
            "negated": negated,
        }
        if term.fuzziness:
            clause["typos"] = term.fuzziness.lower()  # "auto": 1 from 3 letters, 2 from 6
        clauses.append(clause)
    return {
        "normalized": render(parsed.root) if parsed.root else "",
        "clauses": clauses,
        "notes": list(parsed.notes),
        "must_match": parsed.match or "all",
    }


def highlight_terms(parsed: Parsed) -> list[Term]:
    """The terms a page may mark in an article: every one searched for, none excluded."""
    if parsed.root is None:
        return []
    return [term for term, _, negated in leaves(parsed.root) if not negated]
