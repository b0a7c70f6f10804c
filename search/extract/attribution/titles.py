"""The words written in front of a name: a title or role ("Russian Presidential spokesman"),
a title and its complement ("Ambassador to Japan"), and the role they make once cleaned."""

from __future__ import annotations

import re
from typing import Final

from search.extract.attribution.lexicon import ROLE_MODIFIERS, ROLE_WORDS
from search.extract.attribution.names import (
    PLAIN_HONORIFICS,
    bare,
    hyphenated_title,
    is_acronym,
    is_initial,
)
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import FIRST_NAMES, HONORIFICS, NOT_NAME, TITLE_WORDS

_ROLE_TOKEN_RE: Final = re.compile(r"[A-Za-z][\w\-’']*\.?|(?:[A-Z]\.){2,3}")


def words_before(body: str, start: int) -> list[str]:
    """Role-like words directly in front of a name ("Russian Presidential spokesman"), up to
    the end of the sentence before."""
    chunk = body[max(0, start - 80) : start]
    if not chunk.endswith((" ", "\u00a0")):
        return []
    keep: list[str] = []
    # Word by word from the right: the word before is usually no role, so the rest is not read.
    while True:
        parts = chunk.rsplit(None, 1)
        if not parts or (len(parts) == 1 and start > 80):
            break  # nothing left, or the chunk's first word, which may be cut mid-word
        chunk, w = parts if len(parts) == 2 else ("", parts[0])
        low = bare(w)
        if not _role_token(w) or _ends_sentence(w):
            break
        if (
            low in ROLE_WORDS
            or low in TITLE_WORDS
            or low in HONORIFICS
            or (w[0].isupper() and (low not in NOT_NAME or is_acronym(w)))
        ):
            keep.append(w)
        else:
            break
    keep.reverse()
    return keep


def _role_token(word: str) -> bool:
    """_ROLE_TOKEN_RE.fullmatch(word), told without a pattern (asked of every word before a
    name): a letter, then word characters, hyphens and apostrophes, maybe a stop; or
    initials ("U.S.")."""
    if not word or not ("a" <= word[0] <= "z" or "A" <= word[0] <= "Z"):
        return False
    rest = word[1:-1] if word.endswith(".") else word[1:]
    if all(c.isalnum() or c in "_-’'" for c in rest):
        return True
    return _ROLE_TOKEN_RE.fullmatch(word) is not None  # initials


def _ends_sentence(word: str) -> bool:
    """A word ending in a full stop that is no abbreviation ("news." or "speaker." but not
    "Sen." or "U.S.")."""
    return (
        word.endswith(".")
        and not is_initial(word)
        and bare(word) not in HONORIFICS
        and not _ABBREVIATION_RE.fullmatch(word)
    )


_ABBREVIATION_RE: Final = re.compile(r"(?:[A-Z]\.){2,3}")
# A title and its complement before a name: "Ambassador to Japan", "Minister of Foreign Affairs",
# "Permanent Representative to the UN".
_CONNECTORS = (" of ", " to ", " for ", " of the ", " to the ", " for the ")
_TITLE_OF_RE: Final = re.compile(r"\b([A-Za-z][\w\-’']*)\s+(?:of|to|for)(?:\s+the)?\s+$")
_HEAD_TITLES: Final = (TITLE_WORDS | ROLE_WORDS) - ROLE_MODIFIERS


def title_before(body: str, title_of: re.Match[str]) -> list[str]:
    """The words of a title and its connector with the role words before them."""
    return words_before(body, title_of.start(1)) + title_of.group().split()


def complemented_title(body: str, start: int) -> re.Match[str] | None:
    """The title and connector ("Ambassador to ") that a capitalised run complements, if the
    run follows one: the run then opens with the complement and ends with the name."""
    if not body.endswith(_CONNECTORS, max(0, start - 9), start):
        return None  # the commonest case, told apart without a pattern
    found = _TITLE_OF_RE.search(body, max(0, start - 40), start)
    return found if found and bare(found.group(1)) in _HEAD_TITLES else None


def complemented_name(toks: list[tuple[str, int, int]], lows: list[str], start: int) -> bool:
    """Whether a run after a title and connector holds a complement and then a person's name
    from `start`: two words at least, opening with a known first name or after a place or an
    acronym ("Ambassador to Japan Gennady Sukhoverkov", "Representative to the UN Vasily
    Orlovsky"); "founder of Black Lives Matter" names nobody."""
    if start < 1 or len(toks) - start < 2 or lows[0] in FIRST_NAMES:
        return False
    complement = " ".join(tok for tok, _, _ in toks[:start])
    return lows[start] in FIRST_NAMES or complement.isupper() or gazetteer().is_place(complement)


def name_after_complement(toks: list[tuple[str, int, int]], lows: list[str]) -> int:
    """Where the name starts in a run that opens with a title's complement ("Japan Gennady
    Sukhoverkov", "Foreign Affairs Sergei Lavrov"): at a known first name followed by a
    surname, else at the last two words (initials between them count with the surname);
    the complement keeps one word at least."""
    for k in range(1, len(toks) - 1):
        if lows[k] in FIRST_NAMES:
            return k
    k = max(1, len(toks) - 2)
    while k > 1 and is_initial(toks[k][0]):
        k -= 1
    return k


def has_role_noun(role: str | None) -> bool:
    if not role:
        return False
    return any(
        bare(w) in HONORIFICS
        or bare(w) in TITLE_WORDS
        or (bare(w) in ROLE_WORDS and bare(w) not in ROLE_MODIFIERS)
        or hyphenated_title(bare(w))
        for w in role.split()
    )


# Words opening a run that are no part of a role ("The", "Mr."), unless an acronym ("US").
_ROLE_NOISE: Final = NOT_NAME | PLAIN_HONORIFICS


def clean_role(role: str | None) -> str | None:
    """Drop sentence-opening noise from a role; keep None when nothing role-like remains."""
    if not role:
        return None
    words = role.split()
    while words and not is_acronym(words[0]) and bare(words[0]) in _ROLE_NOISE:
        words.pop(0)
    cleaned = " ".join(words)
    return cleaned if has_role_noun(cleaned) else None
