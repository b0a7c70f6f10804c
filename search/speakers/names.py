"""A person's name as a comparable key: given name, surname and generational suffix, folded.

Middle names and initials, titles and honorifics ("President", "Mr.", "Sen.") do not tell
people apart in news copy ("Donald J. Trump" is "Donald Trump", "Hillary Rodham Clinton" is
"Hillary Clinton"), so they are not part of the key; a suffix may ("Donald Trump Jr."), and is.
A single word is a surname ("Obama"). Nameparser splits the parts; the nickname table says
which given names may be one person's ("Jim"/"James", "Bill"/"William").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from nameparser import HumanName
from nicknames import NickNamer

SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents and curly apostrophes gone: "Mourão" and "mourao" are one name."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def slug(text: str) -> str:
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


@dataclass(frozen=True)
class PersonName:
    given: str  # folded; "" when the name is a surname alone
    surname: str  # folded, particles included ("van beethoven")
    suffix: str  # "jr", "sr", "ii"… or ""
    display: str  # "Given Surname Jr." in the spelling written
    formal: bool = False  # written with a middle name or initial ("James B. Comey Jr.")

    @property
    def key(self) -> str:
        return " ".join(part for part in (self.given, self.surname, self.suffix) if part)

    @property
    def id(self) -> str:
        """The person's id while no other spelling of the name is known to be them."""
        return slug(self.key)


def _clean(part: str) -> str:
    return " ".join(part.split())


@lru_cache(maxsize=65536)  # names repeat across articles: a reindex parses each one once
def person_name(written: str) -> PersonName | None:
    """The key of a name as written; None for a blank one."""
    written = " ".join(written.split())
    if not written:
        return None
    parsed = HumanName(written)
    given, last = _clean(parsed.first), _clean(parsed.last)
    suffix = fold(parsed.suffix).rstrip(".").replace(".", "")
    suffix = suffix if suffix in SUFFIXES else ""
    if not last and given and not parsed.middle:  # one word: "Obama", "Mr. Peskov"
        given, last = "", given
    if not last:  # nothing nameparser reads as a name ("Jr."): the words are the surname
        given, last, suffix = "", written, ""
    shown = " ".join(part for part in (given, last, SUFFIXES.get(suffix, "")) if part)
    formal = bool(parsed.middle) and bool(given)
    return PersonName(fold(given).rstrip("."), fold(last), suffix, shown, formal)


@cache
def _nicknames() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def given_names_alike(given: str) -> frozenset[str]:
    """Given names that may be the same person's: the name, its nicknames, what it shortens."""
    table = _nicknames()
    return frozenset({given} | set(table.nicknames_of(given)) | set(table.canonicals_of(given)))


def same_given(a: str, b: str) -> bool:
    return a == b or b in given_names_alike(a) or a in given_names_alike(b)
