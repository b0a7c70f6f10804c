"""Parsing: tokens into a tree, every token turned into a term or dropped with a note, and the
tree kept within the limits. Nothing raises: what cannot be searched is left out."""

from __future__ import annotations

import re

from search.query.language.limits import (
    MAX_CLAUSES,
    MAX_FUZZINESS,
    MIN_FUZZY,
    MIN_PREFIX,
    limit,
)
from search.query.language.tokens import Token, balance, clean, tokens
from search.query.language.tree import (
    Group,
    Node,
    Notes,
    Parsed,
    Scoped,
    Term,
    TermKind,
    group,
    negate,
    render,
)
from search.query.language.words import QUESTION_MATCH, bare, content_words, is_question
from search.query.params import MAX_QUERY_LENGTH

_WORD_RUN = re.compile(r"\w+")


def _term(kind: str, raw: str, notes: Notes) -> Term | None:
    """A token as a term: a trailing ``*`` makes a prefix, ``~`` or ``~N`` a fuzzy word. Other
    ``~`` separate words, as for the analyzer, so the term's rendering parses back the same."""
    text = " ".join(raw.lower().split())
    kind_: TermKind = "phrase" if kind == "phrase" else "word"
    typos = ""
    if kind_ == "word" and text.endswith("*"):
        kind_ = "prefix"
    elif kind_ == "word":
        head, tilde, tail = text.rpartition("~")
        if tilde and (tail == "" or (tail.isascii() and tail.isdigit())):
            kind_, text, typos = "fuzzy", head, tail.lstrip("0") if tail else "AUTO"
    if kind_ != "phrase":
        text = "-".join(part for part in text.split("~") if part).strip("*-")
    if not any(char.isalnum() for char in text):
        notes.add("ignored (no letters or digits)", raw or '""')
        return None
    if kind_ == "prefix" and len(_WORD_RUN.findall(text)[-1]) < MIN_PREFIX:
        notes.add(f"a prefix needs {MIN_PREFIX} characters: searched as a word", raw)
        kind_ = "word"
    elif kind_ == "fuzzy" and not typos:
        kind_ = "word"  # ~0: no typos
    elif kind_ == "fuzzy" and sum(char.isalnum() for char in text) < MIN_FUZZY:
        notes.add(f"typos are allowed from {MIN_FUZZY} letters: searched exactly", raw)
        kind_ = "word"
    elif kind_ == "fuzzy" and typos != "AUTO" and (len(typos) > 1 or int(typos) > MAX_FUZZINESS):
        notes.add(f"at most {MAX_FUZZINESS} typos are allowed", raw)
        typos = str(MAX_FUZZINESS)
    return Term(kind_, text, typos if kind_ == "fuzzy" else "")


class _Parser:
    """Recursive descent; `balance` bounds the depth. Grammar, loosest first (OR binds tighter
    than AND, written or not, as in web search: ``rubio OR cruz debate`` is ``(rubio OR cruz)
    AND debate``):

    conjunction := disjunction (AND? disjunction)*
    disjunction := unary (OR unary)*
    unary       := (- | NOT | field:)* primary
    primary     := "(" conjunction ")" | word | phrase
    """

    def __init__(self, tokens: list[Token], notes: Notes) -> None:
        self.tokens, self.at, self.notes = tokens, 0, notes

    def peek(self) -> str:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else "end"

    def conjunction(self, scoped: bool) -> Node | None:
        nodes: list[Node | None] = []
        mixed = False  # an OR written beside other terms, without parentheses
        while self.peek() not in ("end", ")"):
            if self.peek() == "and":
                self.at += 1
                continue
            node, alternatives = self.disjunction(scoped)
            nodes.append(node)
            mixed = mixed or alternatives
        joined = group("and", nodes, self.notes)
        if isinstance(joined, Group):
            scopes = {n.scope for n in joined.nodes if isinstance(n, Scoped)}
            if {"speaker", "quote"} <= scopes:
                self.notes.add("speaker: beside quote: is one quote, said by that speaker")
        if (
            mixed
            and isinstance(joined, Group)
            and any(isinstance(n, Group) and n.op == "or" for n in joined.nodes)
        ):
            self.notes.add(
                "OR binds tighter than AND: read as "
                + render(joined)
                + "; add parentheses to mean otherwise"
            )
        return joined

    def disjunction(self, scoped: bool) -> tuple[Node | None, bool]:
        """Alternatives, and whether an OR was written (outside parentheses)."""
        options = [self.unary(scoped)]
        while self.peek() == "or":
            self.at += 1
            options.append(self.unary(scoped))
        if len(options) > 1 and None in options:
            self.notes.add("an OR with nothing on one side was ignored")
        return group("or", options, self.notes), len(options) > 1

    def unary(self, scoped: bool) -> Node | None:
        negated, scope = False, ""
        while self.peek() in ("not", "scope"):
            kind, text = self.tokens[self.at]
            self.at += 1
            if kind == "not":
                negated = True
            elif scoped or scope:
                self.notes.add("a field inside another field was ignored", f"{text}:")
            else:
                scope = text
        node = self.primary(scoped or bool(scope))
        if node is None:
            if negated or scope:
                self.notes.add("an exclusion or field with nothing after it was ignored")
            return None
        if scope:
            node = Scoped(scope, node)
        return negate(node) if negated else node

    def primary(self, scoped: bool) -> Node | None:
        kind = self.peek()
        if kind == "(":
            self.at += 1
            node = self.conjunction(scoped)
            self.at += 1  # its ")", which `balance` guarantees
            return node
        if kind in ("word", "phrase"):
            self.at += 1
            return _term(kind, self.tokens[self.at - 1][1], self.notes)
        return None


def _question(found: list[Token], text: str, notes: Notes) -> list[Token] | None:
    """A question typed as plain words, as its content words (`words`); None if it is not one
    or has no content word."""
    if any(kind != "word" for kind, _ in found):
        return None
    typed = [word for _, word in found]
    if not is_question(typed, text):
        return None
    kept, left = content_words(typed)
    if not kept:
        return None
    shown = ", ".join(bare(w) for w in left)
    notes.add(
        "a question: its content words were searched, all of up to 3, else 3 in 4 of them; "
        f"left out: {shown}"
    )
    return [("word", bare(word)) for word in kept]


def parse(q: str, *, max_length: int = MAX_QUERY_LENGTH, max_clauses: int = MAX_CLAUSES) -> Parsed:
    """What a reader typed, as a tree; never raises, linear in `max_length`."""
    notes = Notes()
    if len(q) > max_length:
        q = q[:max_length]
        notes.add(f"the query was cut to its first {max_length} characters")
    text = clean(q)
    found = balance(tokens(text, notes), notes)
    asked = _question(found, text, notes)
    root = _Parser(asked or found, notes).conjunction(scoped=False)
    root = limit(root, max_clauses, notes)
    if root is None and text.strip():
        notes.add("nothing left to search for: everything matches")
    question = asked is not None and isinstance(root, Group)
    return Parsed(root, notes.render(), QUESTION_MATCH if question else "")
