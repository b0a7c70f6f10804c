"""The search language: what a reader types, parsed by Dateline into an Elasticsearch query.

Text from a reader never reaches Elasticsearch as syntax (no ``query_string``): it is split into
tokens, parsed into a small tree (`Term`, `Not`, `Scoped`, `Group`) and compiled into
``match``-family queries against a `Target`, the fields of one kind of document (`ARTICLES`,
`QUOTES`). The API, the page and the CLI share it.

    peskov trump        every word must match (AND is the default), stemmed: "contacts" = "contact"
    "no contacts"       an exact phrase, on the unstemmed ``.exact`` twins; a lone " runs to the end
    -kremlin -"a b"     exclusion of a word, phrase, field or group; only exclusions: all but those
    a OR b, a | b       either one; AND binds tighter, so ``a b | c`` is ``(a AND b) OR c``
    kreml*              a prefix of 2 characters or more (shorter: the plain word); no leading ``*``
    peskov~ peskov~1    typos allowed: edit distance AUTO, 1 or 2; words under 3 letters are exact
    speaker:peskov      fields ``title: speaker: location: place: agency: quote:`` apply to the
    speaker:(a | b)     next word, phrase or group; ``quote:`` searches only what was quoted;
    location:"new york" an unknown ``foo:bar`` is the two words foo and bar
    (a | b) c           grouping; unbalanced parentheses are repaired

Nothing raises: what cannot be searched is dropped and `explain` says so in `notes`.

Cost (issue 13). Parsing is linear and its recursion shallow: a query is cut at
`MAX_QUERY_LENGTH` characters and parentheses deeper than `MAX_DEPTH` are flattened. What
Elasticsearch does grows with the terms, so repeated terms are searched once (``a*|a*|…`` is the
one word ``a``), at most `MAX_CLAUSES` terms are kept and typos allowed on `MAX_FUZZY_TERMS`
of them (a fuzzy word costs several plain ones), each expanding to `FUZZY_EXPANSIONS` terms
past an exact first letter, and `MAX_PHRASES` phrases checked as phrases. Prefixes and phrases
search the ``.exact`` twins, whose ``index_prefixes`` answer a short prefix with one term.
https://www.elastic.co/docs/reference/elasticsearch/mapping-reference/index-prefixes

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

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Literal

from search.query.params import MAX_QUERY_LENGTH

MAX_CLAUSES = 16  # terms kept after repeated ones are folded
MAX_DEPTH = 8  # parentheses kept; deeper ones are flattened
MIN_PREFIX = 2  # characters before a `*`: one letter would expand to much of the dictionary
MIN_FUZZY = 3  # letters before a `~`: Elasticsearch's AUTO allows no typo below 3 anyway
MAX_FUZZINESS = 2  # the most Lucene's automata allow
MAX_FUZZY_TERMS = 3  # words with typos allowed; later ones are searched exactly
MAX_PHRASES = 6  # phrases searched as phrases; later ones are searched as words
FUZZY_EXPANSIONS = 50
PROXIMITY_SLOP = 10
BONUS_TERMS = 8  # terms that earn the proximity and quote bonuses
NEAR_BOOST = 2.0  # a pair of words within the slop
ORDER_BOOST = 3.0  # the plain words side by side, as typed
TIE_BREAKER = 0.3  # share of the other fields' scores in best_fields
SCOPES = ("title", "speaker", "location", "place", "agency", "quote")
Kind = Literal["word", "phrase", "prefix", "fuzzy"]
# Left out of proximity pairs (never out of matching).
_FUNCTION_WORDS = frozenset(
    """a about all also am an and any are as at be been but by can could did do does for from
    had has have he her his i if in into is it its may me might my no not of on or our she so
    than that the their them then there these they this those to us was we were what when
    where which who will with would you your""".split()
)

# --- The tree a query parses into


@dataclass(frozen=True)
class Term:
    """A word, phrase, prefix or fuzzy word, lower-cased; `fuzziness` is AUTO, 1 or 2."""

    kind: Kind
    text: str
    fuzziness: str = ""


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class Scoped:
    scope: str  # one of SCOPES
    node: Node


@dataclass(frozen=True)
class Group:
    op: Literal["and", "or"]
    nodes: tuple[Node, ...]  # at least two, none repeated, none a group of the same op


Node = Term | Not | Scoped | Group


@dataclass(frozen=True)
class Parsed:
    """A parsed query: `root` is None when nothing is left to search (everything matches)."""

    root: Node | None
    notes: tuple[str, ...] = ()


# --- Where a query looks


@dataclass(frozen=True)
class Field:
    """A field and its boost. `stemmed` text has an unstemmed twin (the target's suffix) for
    phrases and prefixes; `plain` text is unstemmed itself; a `keyword` is matched whole."""

    name: str
    boost: float = 1.0
    kind: Literal["stemmed", "plain", "keyword"] = "stemmed"


@dataclass(frozen=True)
class Fields:
    """Fields searched together; `path` names the nested object they live in, if any."""

    fields: tuple[Field, ...]
    path: str | None = None


@dataclass(frozen=True)
class Target:
    """The fields of one kind of document, kept in step with its mapping.

    `default` serves unscoped terms, `scopes` each field scope, `proximity` the
    close-together bonus. `shown` is the nested object whose items matching the query a page
    shows (a hit's quotes): `to_query` adds a clause on it that can carry ``inner_hits``.
    """

    default: tuple[Fields, ...]
    scopes: Mapping[str, Fields]
    proximity: tuple[str, ...]
    shown: Fields | None = None
    exact_suffix: str = ".exact"

    def __post_init__(self) -> None:
        if set(self.scopes) != set(SCOPES):
            raise ValueError(f"a target needs exactly the scopes {SCOPES}")


def _speaker(prefix: str, boost: float = 1.0, *, surname: bool = True) -> tuple[Field, ...]:
    names = (
        Field(f"{prefix}.name.text", boost, "plain"),
        Field(f"{prefix}.as_written.text", boost, "plain"),
    )
    return (*names, Field(f"{prefix}.surname", boost, "keyword")) if surname else names


def _plain(name: str) -> Fields:
    return Fields((Field(name, kind="plain"),))


ARTICLES = Target(
    default=(
        Fields(
            (
                Field("title", 2.0),
                Field("lead", 1.5),
                Field("body"),
                Field("dateline.name.text", 0.5, "plain"),
            )
        ),
        Fields(_speaker("speakers", 0.5, surname=False), path="speakers"),
    ),
    scopes={
        "title": Fields((Field("title"),)),
        "speaker": Fields(_speaker("speakers"), path="speakers"),
        "location": _plain("dateline.name.text"),
        "place": _plain("places.name.text"),
        "agency": _plain("agency.text"),
        "quote": Fields((Field("quotes.text"),), path="quotes"),
    },
    proximity=("body", "lead"),
    shown=Fields((Field("quotes.text"),), path="quotes"),
)

# One document per quote. Unscoped words also match the speaker's name at a low boost, so
# "peskov trump" finds what Peskov said about Trump.
QUOTES = Target(
    default=(Fields((Field("text"), *_speaker("speaker", 0.5, surname=False))),),
    scopes={
        "title": Fields((Field("article.title"),)),
        "speaker": Fields(_speaker("speaker")),
        "location": _plain("dateline.name.text"),
        "place": _plain("places.name.text"),
        "agency": _plain("agency.text"),
        "quote": Fields((Field("text"),)),
    },
    proximity=("text",),
)


# --- Parsing: clean, split into tokens, balance parentheses, parse, fold and limit


@dataclass
class _Notes:
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


Token = tuple[str, str]  # kind ("(", ")", "or", "and", "not", "scope", "word", "phrase"), text
_QUOTE_MARKS = '"“”„«»'
_BREAKS = frozenset("()|" + _QUOTE_MARKS)
_WORD_RUN = re.compile(r"\w+")
_LONGEST_SCOPE = max(map(len, SCOPES))


def _clean(q: str) -> str:
    """Control characters and lone surrogates (which JSON cannot carry) become spaces;
    invisible format characters (soft hyphens, zero-width spaces) go."""
    kept = []
    for char in q:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs"):
            kept.append(" ")
        elif category != "Cf":
            kept.append(char)
    return "".join(kept)


def _tokens(text: str, notes: _Notes) -> list[Token]:
    """One pass over the text; quote marks and parentheses end a word."""
    tokens: list[Token] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char.isspace():
            at += 1
        elif char in "()":
            tokens.append((char, char))
            at += 1
        elif char == "|":
            while at < end and text[at] == "|":
                at += 1
            tokens.append(("or", "|"))
        elif char in _QUOTE_MARKS:
            close = next((i for i in range(at + 1, end) if text[i] in _QUOTE_MARKS), end)
            if close == end:
                notes.add("an unbalanced quote was closed at the end")
            tokens.append(("phrase", text[at + 1 : close]))
            at = close + 1
        else:
            stop = at
            while stop < end and not text[stop].isspace() and text[stop] not in _BREAKS:
                stop += 1
            glued = stop < end and text[stop] in "(" + _QUOTE_MARKS
            tokens += _chunk(text[at:stop], glued, notes)
            at = stop
    return tokens


def _chunk(raw: str, glued: bool, notes: _Notes) -> list[Token]:
    """A run without spaces: an operator, or a word behind ``-``, ``*`` and ``field:`` marks."""
    if raw in ("OR", "AND", "NOT"):
        return [(raw.lower(), raw)]
    if raw == "&&":
        return [("and", raw)]
    tokens: list[Token] = []
    at = 0
    while at < len(raw):
        colon = raw.find(":", at, at + _LONGEST_SCOPE + 1)
        if raw[at] == "-":
            tokens.append(("not", "-"))
            at = len(raw) - len(raw[at:].lstrip("-"))
        elif raw[at] == "*":
            notes.add("a leading * was dropped (too costly to search)", raw)
            at = len(raw) - len(raw[at:].lstrip("*"))
        elif colon > at and raw[at:colon].lower() in SCOPES:
            tokens.append(("scope", raw[at:colon].lower()))
            at = colon + 1
        else:
            break
    if at == len(raw) and not glued and all(kind == "not" for kind, _ in tokens):
        if tokens:
            notes.add("a lone - was ignored")
        return []  # "- x" is a dash in a sentence, not an exclusion
    words = [part for part in raw[at:].split(":") if part]
    if words and ":" in raw[at:]:
        fields = ", ".join(f"{scope}:" for scope in SCOPES)
        notes.add(f"searched as words, not a field (the fields are {fields})", raw[at:])
    if len(words) > 1:  # "-foo:bar" excludes both words
        return [*tokens, ("(", "("), *(("word", w) for w in words), (")", ")")]
    return tokens + [("word", w) for w in words]


def _balance(tokens: list[Token], notes: _Notes) -> list[Token]:
    """Parentheses matched, at most `MAX_DEPTH` deep: the parser below never sees worse."""
    balanced: list[Token] = []
    kept: list[bool] = []  # for each open parenthesis, whether it was kept
    depth = 0
    for token in tokens:
        if token[0] == "(":
            kept.append(depth < MAX_DEPTH)
            if kept[-1]:
                depth += 1
                balanced.append(token)
            else:
                notes.add(f"parentheses deeper than {MAX_DEPTH} levels were flattened")
        elif token[0] == ")":
            if not kept:
                notes.add("a closing parenthesis without an opening one was ignored")
            elif kept.pop():
                depth -= 1
                balanced.append(token)
        else:
            balanced.append(token)
    if kept:
        notes.add("unclosed parentheses were closed at the end")
    return balanced + [(")", ")")] * depth


def _group(op: Literal["and", "or"], nodes: Iterable[Node | None], notes: _Notes) -> Node | None:
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


def _negate(node: Node) -> Node:
    return node.node if isinstance(node, Not) else Not(node)


def _term(kind: str, raw: str, notes: _Notes) -> Term | None:
    """A token as a term: a trailing ``*`` makes a prefix, ``~`` or ``~N`` a fuzzy word. Other
    ``~`` separate words, as for the analyzer, so the term's rendering parses back the same."""
    text = " ".join(raw.lower().split())
    kind_: Kind = "phrase" if kind == "phrase" else "word"
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
    """Recursive descent; `_balance` bounds the depth. Grammar, loosest first:

    disjunction := conjunction (OR conjunction)*
    conjunction := (AND | unary)*
    unary       := (- | NOT | field:)* primary
    primary     := "(" disjunction ")" | word | phrase
    """

    def __init__(self, tokens: list[Token], notes: _Notes) -> None:
        self.tokens, self.at, self.notes = tokens, 0, notes

    def peek(self) -> str:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else "end"

    def disjunction(self, scoped: bool) -> Node | None:
        options = [self.conjunction(scoped)]
        while self.peek() == "or":
            self.at += 1
            options.append(self.conjunction(scoped))
        if len(options) > 1 and None in options:
            self.notes.add("an OR with nothing on one side was ignored")
        return _group("or", options, self.notes)

    def conjunction(self, scoped: bool) -> Node | None:
        nodes = []
        while self.peek() not in ("end", ")", "or"):
            if self.peek() == "and":
                self.at += 1
            else:
                nodes.append(self.unary(scoped))
        return _group("and", nodes, self.notes)

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
        return _negate(node) if negated else node

    def primary(self, scoped: bool) -> Node | None:
        kind = self.peek()
        if kind == "(":
            self.at += 1
            node = self.disjunction(scoped)
            self.at += 1  # its ")", which `_balance` guarantees
            return node
        if kind in ("word", "phrase"):
            self.at += 1
            return _term(kind, self.tokens[self.at - 1][1], self.notes)
        return None


def _limit(root: Node | None, max_clauses: int, notes: _Notes) -> Node | None:
    """The first `max_clauses` terms in the order typed, typos allowed on the first
    `MAX_FUZZY_TERMS` of them, the first `MAX_PHRASES` phrases searched as phrases (a phrase
    checks word positions, which costs; phrases are also highlighted, which rules out
    `index_phrases`)."""
    if root is None:
        return None
    terms = [term for term, _, _ in _leaves(root)]
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
                notes.add(note, _render(node))
                return Term("word", node.text)
            if node.kind == "phrase" and phrased > MAX_PHRASES:
                notes.add(f"{MAX_PHRASES} phrases at most: searched as words", _render(node))
                return Term("word", node.text)
            return node
        if isinstance(node, Group):
            return _group(node.op, (prune(n) for n in node.nodes), notes)
        child = prune(node.node)
        if child is None:
            return None
        return _negate(child) if isinstance(node, Not) else replace(node, node=child)

    if total > max_clauses:
        dropped = total - max_clauses
        notes.add(f"only the first {max_clauses} terms were searched; {dropped} more were dropped")
    return prune(root)


def parse(q: str, *, max_length: int = MAX_QUERY_LENGTH, max_clauses: int = MAX_CLAUSES) -> Parsed:
    """What a reader typed, as a tree; never raises, linear in `max_length`."""
    notes = _Notes()
    if len(q) > max_length:
        q = q[:max_length]
        notes.add(f"the query was cut to its first {max_length} characters")
    text = _clean(q)
    root = _Parser(_balance(_tokens(text, notes), notes), notes).disjunction(scoped=False)
    root = _limit(root, max_clauses, notes)
    if root is None and text.strip():
        notes.add("nothing left to search for: everything matches")
    return Parsed(root, notes.render())


# --- Reading a parsed query back


def _leaves(node: Node, scope: str = "", negated: bool = False) -> Iterator[tuple[Term, str, bool]]:
    """Each term in order, with its field scope ("" for the default fields) and exclusion."""
    if isinstance(node, Term):
        yield node, scope, negated
    elif isinstance(node, Group):
        for child in node.nodes:
            yield from _leaves(child, scope, negated)
    elif isinstance(node, Not):
        yield from _leaves(node.node, scope, not negated)
    else:
        yield from _leaves(node.node, node.scope, negated)


def _render(node: Node, inner: bool = False) -> str:
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
        return "-" + _render(node.node, inner=True)
    if isinstance(node, Scoped):
        child = _render(node.node, inner=True)
        return f"{node.scope}:({child})" if isinstance(node.node, Not) else f"{node.scope}:{child}"
    joined = f" {node.op.upper()} ".join(_render(child, inner=True) for child in node.nodes)
    return f"({joined})" if inner else joined


def explain(parsed: Parsed) -> dict[str, Any]:
    """How the query was understood, for ``explain=true``: JSON-ready and readable."""
    clauses = []
    for term, scope, negated in _leaves(parsed.root) if parsed.root else ():
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
        "normalized": _render(parsed.root) if parsed.root else "",
        "clauses": clauses,
        "notes": list(parsed.notes),
    }


def highlight_terms(parsed: Parsed) -> list[Term]:
    """The terms a page may mark in an article: every one searched for, none excluded."""
    if parsed.root is None:
        return []
    return [term for term, _, negated in _leaves(parsed.root) if not negated]


# --- Compiling to Elasticsearch


def _names(fields: Fields, exact: str) -> list[str]:
    """Field names with boosts; `exact` is the suffix for stemmed fields ("" for the stems)."""
    names = []
    for f in fields.fields:
        name = f.name + exact if f.kind == "stemmed" else f.name
        names.append(name if f.boost == 1 else f"{name}^{f.boost:g}")
    return names


def _match(term: Term, fields: Fields, target: Target) -> dict[str, Any]:
    """One term on a set of fields. Keyword fields take the whole text as one value."""
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
    return {"multi_match": {"query": term.text, "fields": names, **query}}


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
        return _nested(scope.path, query) if scope.path else query
    if node.op == "or":
        return {"bool": {"should": [_compile(n, target, where, inside) for n in node.nodes]}}
    must = [_compile(n, target, where, inside) for n in node.nodes if not isinstance(n, Not)]
    must_not = [_compile(n.node, target, where, inside) for n in node.nodes if isinstance(n, Not)]
    occurs = {"must": must, "must_not": must_not}
    return {"bool": {occur: listed for occur, listed in occurs.items() if listed}}


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
    typed = [n.text for n in top if isinstance(n, Term) and n.kind in ("word", "phrase")]
    typed = typed[:BONUS_TERMS]
    content = [unit for unit in typed if not set(unit.split()) <= _FUNCTION_WORDS]
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
    and only those passing `within` (say, one speaker's); with no term, every item passing
    `within`. None when there is nothing to show."""
    items = target.shown
    if items is None or not items.path:
        return None
    in_shown = {"", *(s for s, f in target.scopes.items() if f.path and f.path == items.path)}
    leaves = _leaves(parsed.root) if parsed.root is not None else iter(())
    terms = [t for t, scope, negated in leaves if scope in in_shown and not negated]
    terms = terms[:BONUS_TERMS]
    if not terms and within is None:
        return None
    query: dict[str, Any] = {"bool": {}}
    if terms:
        query["bool"] |= {
            "should": [_match(t, items, target) for t in terms],
            "minimum_should_match": 1,
        }
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
) -> dict[str, Any]:
    """The Elasticsearch query for `parsed` on `target`'s fields.

    `inner_hits`, if given, goes on the clause over the target's `shown` nested items (the
    quotes holding a searched term, of those passing `shown_within`), so a hit can show them;
    it never changes what matches.
    """
    quotes = shown(parsed, target, within=shown_within, inner_hits=inner_hits)
    if parsed.root is None:
        if quotes is None:
            return {"match_all": {}}
        return {"bool": {"must": [{"match_all": {}}], "should": [quotes]}}
    query = _compile(parsed.root, target, target.default, "")
    should = _proximity(parsed.root, target) + ([quotes] if quotes else [])
    if not should:
        return query
    if "must" in query.get("bool", {}):  # the usual AND of terms: one level, not two
        return {"bool": {**query["bool"], "should": should}}
    return {"bool": {"must": [query], "should": should}}
