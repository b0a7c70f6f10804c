"""What a person's name is made of: its tokens, initials, generational suffix and surname, and
which capitalised words may belong to one; read by the mention finder and the later stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from search.extract.attribution.cues import INFLECTED_CUES
from search.extract.attribution.lexicon import ROLE_WORDS
from search.extract.vocabulary import (
    DEMONYMS,
    FIRST_NAMES,
    HONORIFICS,
    NOT_NAME,
    ORG_WORDS,
    TITLE_WORDS,
)

PLAIN_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "miss"})
SUFFIXES: Final = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_LOWER_WORD_RE: Final = re.compile(r"[a-z](?<![\w'’][a-z])[a-z\-]+")  # set first: see RUN_RE
_PARTICLES: Final = frozenset("de da del della der di du van von la le bin ibn al el".split())


@dataclass(slots=True)
class Mention:
    """One person-name mention: body offsets of the name itself plus what surrounds it."""

    start: int
    end: int
    tokens: tuple[str, ...]
    role: str | None
    strong: bool
    sentence_initial: bool = False
    surname: str = ""
    suffix: str = ""  # a generational suffix ("jr", "iii"), which may tell a son from his father
    full: bool = False  # a given name (or initial) and a surname, not counting the suffix
    honorific: str = ""  # "mr", "mrs", "ms" or "miss" written in front of the name

    def __post_init__(self) -> None:
        self.surname = surname_of(self.tokens)
        self.suffix = suffix_of(self.tokens)
        self.full = len(self.tokens) - bool(self.suffix) >= 2


def suffix_of(tokens: tuple[str, ...]) -> str:
    """The generational suffix ending a name ("Donald Ashby Jr." has "jr"), or ""."""
    last = tokens[-1].lower().rstrip(".")
    return last if len(tokens) > 1 and last in SUFFIXES else ""


def surname_of(tokens: tuple[str, ...]) -> str:
    """Lower-cased last token, skipping Jr./III, as the cluster key (mirrors the gold keys)."""
    for token in reversed(tokens):
        low = token.lower().rstrip(".")
        if low not in SUFFIXES:
            return low.lstrip(".")
    return tokens[-1].lower().strip(".")


def bare(token: str) -> str:
    return token.lower().rstrip(".")


def is_initial(token: str) -> bool:
    """An initial ("J.") or run-together initials ("J.M.", "H.W.")."""
    if len(token) == 2:
        return token[1] == "." and token[0].isupper()
    return len(token) in (4, 6) and bool(_INITIALS_RE.fullmatch(token))


_INITIALS_RE: Final = re.compile(r"(?:[A-Z]\.){1,3}")


def lowercase_vocabulary(body: str) -> frozenset[str]:
    """Words the article itself writes in lower case: a capitalised copy is a common word
    ("Rival Hillary Clinton" when the article also says "her rival")."""
    return frozenset(_LOWER_WORD_RE.findall(body))


_TITLES_AND_ROLES: Final = TITLE_WORDS | ROLE_WORDS
NON_NAME: Final = NOT_NAME | TITLE_WORDS | HONORIFICS | ORG_WORDS | DEMONYMS
# "-based", "-born": "Texas-based Matt Mackowiak" is a consultant from Texas.
_ORIGIN_SUFFIXES = ("-based", "-born", "-area", "-raised")


def is_name_word(tok: str, low: str, vocab: frozenset[str]) -> bool:
    """A token that may belong to a person's name (not a title, function or org word)."""
    if low in NON_NAME:
        return False
    if tok.isupper() and len(tok) > 1 and not is_initial(tok):
        return False
    if tok.startswith(("I'", "I’")) or low.endswith(_ORIGIN_SUFFIXES) or hyphenated_title(low):
        return False
    if tok in _PARTICLES:
        return True
    if low in INFLECTED_CUES and low not in FIRST_NAMES:
        return False  # "Trump Praised", "Continued Stone"
    return not (low in vocab and low not in FIRST_NAMES)


def hyphenated_title(low: str) -> bool:
    """A title or role written with a hyphen: "Vice-Admiral", "Colonel-General", "Co-anchor"."""
    if "-" not in low:
        return False
    *first, last = low.split("-")
    return last in _TITLES_AND_ROLES and all(
        p in _TITLES_AND_ROLES or p in ("co", "ex") for p in first
    )


def word_surname(toks: list[tuple[str, int, int]], lows: list[str], i: int) -> bool:
    """A common word right after a first name is a surname ("Marty Small", "George Will")."""
    if i == 0 or i != len(toks) - 1:
        return False
    # "Amy Pope", "Peter T. King": a title word after a first name (or its initial) is a surname.
    first = i - 1 if lows[i - 1] in FIRST_NAMES else i - 2
    if first < 0 or lows[first] not in FIRST_NAMES or (first < i - 1 and len(lows[i - 1]) != 1):
        return False
    low = lows[i]
    if low in TITLE_WORDS and low not in HONORIFICS and low not in NOT_NAME | ORG_WORDS:
        return not toks[i][0].isupper() or len(toks[i][0]) == 1 or not toks[i][0][1:].isupper()
    return not (low in NOT_NAME or low in TITLE_WORDS or low in ORG_WORDS or toks[i][0].isupper())


def is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()
