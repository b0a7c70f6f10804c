"""Stage 5: role phrases to the people holding the role, conservatively.

"The Russian president said" goes to the one person the article names as Russian president;
"the Kremlin spokesman added" to the one it names as a spokesman (of the Kremlin, if several);
"the EU's top diplomat" to its foreign policy chief. A head of state or government may be named
with the role anywhere in the article, anyone else before the phrase. When two people could
hold the role, the phrase goes to nobody.
"""

from __future__ import annotations

from search.extract.attribution.clustering import Cluster, roles_of
from search.extract.attribution.lexicon import HEADS_OF_STATE, ROLE_CONCEPTS, VAGUE_QUALIFIERS
from search.extract.attribution.linking import Link
from search.extract.attribution.names import Mention
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import DEMONYMS

Roles = list[tuple[int, list[str]]]  # (where the article gives a role, its words as written)


def resolve_roles(
    body: str,
    links: list[Link],
    clusters: list[Cluster],
    mentions: list[Mention],
    dropped: set[int],
) -> None:
    """Give each role-phrase link the one person holding that role, if there is one."""
    phrases = [lk for lk in links if lk.role is not None]
    if not phrases:
        return
    held = {
        cid: [(pos, _words(text)) for pos, text in roles_of(cluster, body, mentions)]
        for cid, cluster in enumerate(clusters)
        if cid not in dropped
    }
    for lk in phrases:
        lk.cluster = _holder(_words(lk.role or ""), lk.subj_start, held)


def _words(text: str) -> list[str]:
    """Words of a role as written, a possessive and outer punctuation dropped."""
    words = (w.strip(",.;:") for w in text.replace("’", "'").split())
    return [w.removesuffix("'s") for w in words if w]


def _holder(phrase: list[str], pos: int, held: dict[int, Roles]) -> int | None:
    """The person holding the role `phrase` names: the only one whose role fits it, or the
    only one fitting best by the phrase's other words ("Kremlin"); None if no one or a tie."""
    lowered = [w.lower() for w in phrase]
    two_words = " ".join(lowered[-2:])
    head = two_words if two_words in ROLE_CONCEPTS else lowered[-1]
    qualifiers = [w for w in phrase[: -len(head.split())] if w.lower() not in VAGUE_QUALIFIERS]
    anywhere = head in HEADS_OF_STATE
    fits: dict[int, int] = {}
    for cid, roles in held.items():
        scores = [
            score
            for where, role in roles
            if anywhere or where < pos
            if (score := _fit(ROLE_CONCEPTS[head], qualifiers, role)) is not None
        ]
        if scores:
            fits[cid] = max(scores)
    if len(fits) == 1:
        return next(iter(fits))
    best = sorted(fits.items(), key=lambda item: -item[1])
    return best[0][0] if len(best) > 1 and best[0][1] > best[1][1] else None


def _fit(concept: tuple[str, ...], qualifiers: list[str], role: list[str]) -> int | None:
    """How well a role fits a role phrase: None if it does not (no word of the concept, a
    qualifier such as "deputy" or a country missing), else how many of the phrase's other
    capitalised words ("Kremlin") it shares."""
    lowered = [w.lower() for w in role]
    text = f" {' '.join(lowered)} "
    if not any(f" {term} " in text for term in concept):
        return None
    countries = [w for w in role if _national(w)]
    score = 0
    for qualifier in qualifiers:
        low = qualifier.lower()
        if qualifier[0].islower():
            if low not in lowered:
                return None
        elif _national(qualifier):
            if not any(_same_country(low, c.lower()) for c in countries):
                return None
        else:
            score += low in lowered
    return score


def _national(word: str) -> bool:
    """A country, its people or a union of countries: "Russian", "Japan", "EU", "US"."""
    return (
        word.lower() in DEMONYMS
        or gazetteer().is_region(word)
        or (word.isupper() and 2 <= len(word) <= 3)
    )


def _same_country(a: str, b: str) -> bool:
    """Whether two national words name one country: "russian" and "russia", "eu" and "eu",
    "lao" and "laos" (compared on their first four letters)."""
    size = min(4, len(a), len(b))
    return size >= 2 and a[:size] == b[:size]
