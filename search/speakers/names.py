"""A person's name as a comparable key: given name, surname and generational suffix, folded.

Middle names and initials, titles and honorifics ("President", "Mr.", "Sen.") do not tell
people apart in news copy ("Donald J. Trump" is "Donald Trump", "Hillary Rodham Clinton" is
"Hillary Clinton"), so they are not part of the key; a suffix may ("Donald Trump Jr."), and is.
They are kept beside it all the same: middle initials tell George H.W. Bush from George W. Bush,
a middle word may be the first half of a two-part surname (Debbie Wasserman Schultz), and a
title says whether a "Clinton" is a Mrs. or a Mr. (`search.speakers.identity` uses them).
A single word is a surname ("Obama"). Nameparser splits the parts; titles written in the plural
("Representatives Clyburn", "Sens.") are titles too, and a suffix alone ("III") is no name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from nameparser import HumanName
from nameparser.config import Constants

from search.speakers.given import Sex, given_names_alike, same_given

__all__ = ["PersonName", "fold", "given_names_alike", "person_name", "same_given", "slug"]

SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Titles nameparser does not list, or lists only in the singular.
_MORE_TITLES = {"sen", "sens", "rep", "reps", "pres", "gov", "govs", "lt", "gen", "sec"}
_SEX_OF_TITLE: dict[str, Sex] = {
    "mr": "male",
    "mister": "male",
    "sir": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "madam": "female",
    "madame": "female",
    "lady": "female",
    "dame": "female",
}


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
    middle: tuple[str, ...] = ()  # folded middle names and initials ("h", "w"; "wasserman")
    titles: tuple[str, ...] = ()  # folded titles written before it ("mrs", "representative")

    @property
    def key(self) -> str:
        return " ".join(part for part in (self.given, self.surname, self.suffix) if part)

    @property
    def id(self) -> str:
        """The person's id while no other spelling of the name is known to be them."""
        return slug(self.key)

    @property
    def initials(self) -> str:
        """The middle names' initials ("hw" for George H.W. Bush): they tell namesakes apart."""
        return "".join(m[0] for m in self.middle)

    @property
    def sex(self) -> Sex | None:
        """The sex a title says ("Mrs. Clinton"), if any."""
        return next((_SEX_OF_TITLE[t] for t in self.titles if t in _SEX_OF_TITLE), None)


def _clean(part: str) -> str:
    return " ".join(part.split())


@cache
def _constants() -> Constants:
    """Nameparser's word lists, with the titles it lacks (its global lists stay as they are)."""
    constants = Constants()
    constants.titles.add(*_MORE_TITLES)
    return constants


def _is_title(word: str) -> bool:
    """A title, singular or plural: "Sen.", "Sens.", "Representatives", "Professors"."""
    bare = fold(word).rstrip(".").replace(".", "")
    titles = _constants().titles
    if bare in titles:
        return True
    return any(bare.endswith(end) and bare[: -len(end)] in titles for end in ("s", "es"))


def _split_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """The titles before a name, and the rest (a title alone stays: "President" is a name)."""
    titles: list[str] = []
    while len(words) > 1 and _is_title(words[0]):
        titles.append(words.pop(0))
    return titles, words


def _fold_part(part: str) -> str:
    """A name part as compared: folded, hyphens as spaces ("Abu-Laban" is "Abu Laban")."""
    return " ".join(fold(part).replace("-", " ").split()).rstrip(".")


@lru_cache(maxsize=65536)  # names repeat across articles: a reindex parses each one once
def person_name(written: str) -> PersonName | None:
    """The key of a name as written; None for a blank one, or one that is only a title or a
    generational suffix ("Mr.", "III")."""
    words = written.split()
    if not words:
        return None
    titles, words = _split_titles(words)
    if all(fold(w).rstrip(".").replace(".", "") in SUFFIXES for w in words):
        return None
    parsed = HumanName(" ".join(words), constants=_constants())
    given, last = _clean(parsed.first), _clean(parsed.last)
    suffix = fold(parsed.suffix).rstrip(".").replace(".", "")
    suffix = suffix if suffix in SUFFIXES else ""
    if not last and given and not parsed.middle and not suffix:  # one word: "Obama", "Peskov"
        given, last = "", given
    if not last and not given:  # nothing nameparser reads as a name: the words are the surname
        given, last, suffix = "", " ".join(words), ""
    middle = tuple(
        part for part in (_fold_part(m) for m in re.split(r"[\s.]+", parsed.middle)) if part
    )
    shown_given = given
    if len(_fold_part(given)) == 1 and any(len(m) > 1 for m in middle):
        # "J. Gerald Hebert" goes by his middle name: it is the given name compared
        spoken = next(m for m in middle if len(m) > 1)
        shown_given = f"{given} {parsed.middle.split()[middle.index(spoken)]}"
        middle = (*(m for m in middle if m != spoken), _fold_part(given))
        given = spoken
    # middle names are shown ("Mary Kay Henry", "Debbie Wasserman Schultz"), initials not
    # ("Donald J. Trump" is shown "Donald Trump")
    shown_middle = [w for w in parsed.middle.split() if "." not in w and len(w) > 1]
    if shown_given != given:  # "J. Gerald Hebert": the middle name is shown with the given
        shown_middle = [w for w in shown_middle if _fold_part(w) != given]
    shown = " ".join(
        part for part in (shown_given, *shown_middle, last, SUFFIXES.get(suffix, "")) if part
    )
    folded_titles = tuple(fold(t).rstrip(".").replace(".", "") for t in titles) + tuple(
        fold(t).rstrip(".").replace(".", "") for t in parsed.title.split()
    )
    formal = bool(middle) and bool(given)
    return PersonName(
        _fold_part(given), _fold_part(last), suffix, shown, formal, middle, folded_titles
    )
