"""What a reader typed, as tokens: cleaned of what JSON cannot carry, split in one pass, its
parentheses balanced and bounded, so the parser never sees worse."""

from __future__ import annotations

import unicodedata

from search.query.language.limits import MAX_DEPTH
from search.query.language.tree import Notes
from search.schema import SCOPES

Token = tuple[str, str]  # kind ("(", ")", "or", "and", "not", "scope", "word", "phrase"), text
_QUOTE_MARKS = '"“”„«»'
_BREAKS = frozenset("()|" + _QUOTE_MARKS)
_LONGEST_SCOPE = max(map(len, SCOPES))


def clean(q: str) -> str:
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


def tokens(text: str, notes: Notes) -> list[Token]:
    """One pass over the text; quote marks and parentheses end a word."""
    found: list[Token] = []
    at, end = 0, len(text)
    while at < end:
        char = text[at]
        if char.isspace():
            at += 1
        elif char in "()":
            found.append((char, char))
            at += 1
        elif char == "|":
            while at < end and text[at] == "|":
                at += 1
            found.append(("or", "|"))
        elif char in _QUOTE_MARKS:
            close = next((i for i in range(at + 1, end) if text[i] in _QUOTE_MARKS), end)
            if close == end:
                notes.add("an unbalanced quote was closed at the end")
            found.append(("phrase", text[at + 1 : close]))
            at = close + 1
        else:
            stop = at
            while stop < end and not text[stop].isspace() and text[stop] not in _BREAKS:
                stop += 1
            glued = stop < end and text[stop] in "(" + _QUOTE_MARKS
            found += _chunk(text[at:stop], glued, notes)
            at = stop
    return found


def _chunk(raw: str, glued: bool, notes: Notes) -> list[Token]:
    """A run without spaces: an operator, or a word behind ``-``, ``*`` and ``field:`` marks."""
    if raw in ("OR", "AND", "NOT"):
        return [(raw.lower(), raw)]
    if raw == "&&":
        return [("and", raw)]
    found: list[Token] = []
    at = 0
    while at < len(raw):
        colon = raw.find(":", at, at + _LONGEST_SCOPE + 1)
        if raw[at] == "-":
            found.append(("not", "-"))
            at = len(raw) - len(raw[at:].lstrip("-"))
        elif raw[at] == "*":
            notes.add("a leading * was dropped (too costly to search)", raw)
            at = len(raw) - len(raw[at:].lstrip("*"))
        elif colon > at and raw[at:colon].lower() in SCOPES:
            found.append(("scope", raw[at:colon].lower()))
            at = colon + 1
        else:
            break
    if at == len(raw) and not glued and all(kind == "not" for kind, _ in found):
        if found:
            notes.add("a lone - was ignored")
        return []  # "- x" is a dash in a sentence, not an exclusion
    words = [part for part in raw[at:].split(":") if part]
    if words and ":" in raw[at:]:
        fields = ", ".join(f"{scope}:" for scope in SCOPES)
        notes.add(f"searched as words, not a field (the fields are {fields})", raw[at:])
    if len(words) > 1:  # "-foo:bar" excludes both words
        return [*found, ("(", "("), *(("word", w) for w in words), (")", ")")]
    return found + [("word", w) for w in words]


def balance(tokens: list[Token], notes: Notes) -> list[Token]:
    """Parentheses matched, at most `MAX_DEPTH` deep: the parser never sees worse."""
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
