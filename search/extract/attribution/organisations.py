"""Stage 3b: name mentions that are organisations, told from what the article itself writes.

A company, outlet, band or campaign looks like a surname to the mention finder ("Verizon
said", "Exxon Mobil contended", "Zero Hedge asked"). The article gives it away: the short form
inside a longer name ("Pew Research", "Time Magazine"), an organisation's noun after it ("Wells
Fargo bankers", "Nabisco's parent company"), an appositive or a pre-modifier with an
organisation head ("Teck, the Canadian mining company, says", "snack giant Nabisco"), "its"
referring back ("Exxon Mobil contended in its letter", "Verizon and its workforce"), the
abbreviation of a named body in brackets ("Department of Transportation (Caltrans)"), or a name
continuing another organisation's ("Coalition to Stop Trump"). These cues count only for a name
the article never writes with a given name, a title ("General Electric" has none) or "he"/"she":
the Trump Organization and the Clinton Foundation leave Donald Trump and Hillary Clinton
people; and never for a place. Found after clustering has judged what is a name at all, such a
mention is no person: it leaves its cluster, is no one's antecedent, and speaks as an
organisation (a `Link.source`), as "the New York Post said" does.
"""

from __future__ import annotations

from typing import Final

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.lexicon import COMPANY_HEADS, ROLE_WORDS
from search.extract.attribution.linking import Link
from search.extract.attribution.names import Mention
from search.extract.attribution.sources import Source
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import FIRST_NAMES, ORG_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that end an organisation's name and that people seldom lend their own name
# to (unlike "Foundation", "Organization", "University"): "Pew Research", "Time Magazine".
NAME_ENDS: Final = _words("""
research publishing publishers magazine news times post journal network networks media group
company corp corporation inc llc ltd bank airlines motors records entertainment studios
communications holdings partners capital pharmaceuticals systems technologies team labs
ventures
""")
# Lower-case nouns after a name (or its possessive) that only an organisation has: "Wells Fargo
# bankers", "a Carrier factory", "Nabisco's parent company".
OWNED_NOUNS: Final = _words("""
ceo cfo executives employees workers workforce bankers customers shareholders stockholders
subscribers factory factories plant plants stores headquarters subsidiary subsidiaries stock
shares products board album albums record
""")
_PERSON_PRONOUNS: Final = _words("he she his her him himself herself")
_CONNECTORS: Final = (" to ", " for ", " of ", " on ")
_CONNECTOR_ENDS: Final = (" to ", "for ", " of ", " on ", "the ")


def organisation_mentions(
    body: str, mentions: list[Mention], cluster_of: dict[int, int]
) -> dict[int, str]:
    """Mention index -> the organisation's name as written, for the mentions that clustering
    took for people but that name an organisation (the cues may lie in any mention of the
    name: "Wells Fargo bankers" is no one's mention)."""
    out: dict[int, str] = {}
    by_key: dict[str, list[int]] = {}
    people: set[str] = set()  # surnames written with a given name or a title somewhere
    person_clusters: set[int] = set()  # and the clusters of those mentions
    for i, m in enumerate(mentions):
        inside = _continued_organisation(body, m) if i in cluster_of else ""
        if inside:
            out[i] = inside  # "Coalition to Stop Trump": whoever else bears the name
        elif i in cluster_of and m.tokens[-1].lower() in NAME_ENDS:
            out[i] = " ".join(m.tokens)  # "Twitchy Team", "Pew Research"
        elif _named_as_person(body, m):
            people.add(m.surname)
            if i in cluster_of:
                person_clusters.add(cluster_of[i])
        else:
            by_key.setdefault(m.surname, []).append(i)
    for key, indices in by_key.items():
        if key in people or not any(i in cluster_of for i in indices):
            continue
        if any(cluster_of.get(i, -1) in person_clusters for i in indices):
            continue  # "Donald's record": the man named in full elsewhere
        group = [mentions[i] for i in indices]
        if any(_pronoun_after(body, m) for m in group) or gazetteer().is_place(
            " ".join(group[0].tokens)
        ):
            continue  # a person, or a place (stage 4 drops those that "said" something)
        forms = {body[m.start : m.end] for m in group}
        if any(_organisation_cue(body, m) for m in group) or any(
            _longer_name(body, form) for form in forms
        ):
            for i in indices:
                if i in cluster_of:
                    out[i] = _name(body, mentions[i])
    return out


def as_sources(
    body: str,
    links: list[Link],
    mentions: list[Mention],
    organisations: dict[int, str],
    clusters: list[Cluster],
    cluster_of: dict[int, int],
) -> set[int]:
    """Make the `organisations` (from organisation_mentions) speak as organisations: their links
    get a `Source` (a name inside another subject's phrase, "a Verizon customer, said", is
    dropped), their mentions leave `cluster_of`, and so do the others of their cluster that show
    no person ("Wells" beside "Wells Fargo"); returns the clusters left with no person."""
    taken = dict(organisations)
    if not taken:
        return set()
    emptied = {cluster_of[i] for i in taken}
    for cid in emptied:
        rest = [i for i in clusters[cid].mentions if i not in taken]
        if not any(_person_evidence(body, mentions[i]) for i in rest):
            taken.update((i, " ".join(mentions[i].tokens)) for i in rest)
    for lk in links:
        if lk.principal in taken:
            lk.principal = None
        if lk.mention in taken:
            if lk.extra:
                continue  # no statement is made of it, and now no person either
            name, span = taken[lk.mention], body[lk.subj_start : lk.subj_end]
            lk.source = Source("organization", lk.subj_start, lk.subj_end, name, span, "", None)
            lk.mention = None
    for i in taken:
        del cluster_of[i]
    return {cid for cid in emptied if not any(i in cluster_of for i in clusters[cid].mentions)}


def _name(body: str, m: Mention) -> str:
    if _company_title(body, m):
        return "General " + m.tokens[0]
    return " ".join(m.tokens)


def _continued_organisation(body: str, m: Mention) -> str:
    """The organisation's name a mention continues after a connector ("Coalition to Stop Trump",
    "Bank of America"), or ""."""
    if not body.endswith(_CONNECTOR_ENDS, max(0, m.start - 5), m.start):
        return ""  # the commonest case, told with one test
    before = body[max(0, m.start - 16) : m.start]
    for connector in _CONNECTORS:
        for lead in (connector, connector + "the "):
            if before.endswith(lead):
                words = before[: len(before) - len(lead)].split()
                if words and words[-1][0].isupper() and words[-1].lower() in ORG_WORDS:
                    start = m.start - len(lead) - len(words[-1])
                    return body[start : m.end]
    return ""


def _person_evidence(body: str, m: Mention) -> bool:
    """A given name, a title, a role noun, or "he"/"she" right after: a person's name."""
    return _named_as_person(body, m) or _pronoun_after(body, m)


def _named_as_person(body: str, m: Mention) -> bool:
    """A given name, alone too, a title or a role noun ("General Electric" has none)."""
    return bool(
        m.honorific
        or m.tokens[0].lower() in FIRST_NAMES  # "Donald Trump", and "Donald" alone
        or (m.strong and not _company_title(body, m))
    )


def _pronoun_after(body: str, m: Mention) -> bool:
    """ "Trump said he", "Trump and his wife": a man or a woman."""
    for word in _next_words(body, m.end, 3):
        bare = word.strip(",;:.'\"’”").lower()
        if bare in _PERSON_PRONOUNS:
            return True
        if word[0].isupper() or word.endswith((",", ".", ";", ":", "?", "!")):
            return False
    return False


def _company_title(body: str, m: Mention) -> bool:
    """ "General Electric", "General Motors": a title spelt out before a lone word, and no more
    of a title in front ("Attorney General Lynch" is a person)."""
    if len(m.tokens) != 1 or m.role != "General" or not body.endswith("General ", 0, m.start):
        return False
    words = body[max(0, m.start - 30) : m.start - 8].split()
    return not words or not words[-1][0].isupper() or words[-1].endswith((".", ","))


def _organisation_cue(body: str, m: Mention) -> bool:
    return (
        _owned_noun_after(body, m)
        or _head_before(body, m)
        or _appositive_head(body, m)
        or _its_after(body, m)
        or _bracketed_abbreviation(body, m)
    )


def _next_words(body: str, end: int, n: int) -> list[str]:
    return body[end : end + 12 * n].split()[:n]


def _owned_noun_after(body: str, m: Mention) -> bool:
    """ "Wells Fargo bankers", "a Carrier factory", "Nabisco's parent company"."""
    rest = body[m.end : m.end + 40]
    for mark in ("'s ", "’s "):
        if rest.startswith(mark):
            rest = rest[len(mark) - 1 :]
            if rest.startswith(" parent company"):
                return True
    if not rest.startswith(" "):
        return False
    words = rest.split()
    return bool(words) and words[0].strip(",.;:").lower() in OWNED_NOUNS


def _head_before(body: str, m: Mention) -> bool:
    """ "snack giant Nabisco", "the popular website Zero Hedge", "the newspaper, L'Osservatore
    Romano, said"."""
    before = body[max(0, m.start - 30) : m.start]
    comma = before.endswith(", ")
    if comma and not body.startswith(",", m.end):
        return False
    words = before.split()
    if not words:
        return False
    last = words[-1].rstrip(",")
    return last.islower() and last in COMPANY_HEADS


def _appositive_head(body: str, m: Mention) -> bool:
    """ "Teck, the Canadian mining company, says", "Verizon, a company that ..."."""
    if not body.startswith(", ", m.end):
        return False
    phrase = body[m.end + 2 : m.end + 80]
    for stop in ",;:.()\n":
        cut = phrase.find(stop)
        if cut >= 0:
            phrase = phrase[:cut]
    words = phrase.split()
    if not words or words[0].lower() not in ("the", "a", "an"):
        return False
    for k, word in enumerate(words[1:6], 1):
        low = word.lower()
        if low in COMPANY_HEADS and word.islower():
            return True
        if low in ROLE_WORDS or low in ("of", "for", "at", "to", "who", "whose", "with"):
            return False
        if k == 5:
            break
    return False


def _its_after(body: str, m: Mention) -> bool:
    """ "Verizon and its workforce", "Exxon Mobil contended in its letter", "announced its"."""
    for word in _next_words(body, m.end, 3):
        bare = word.strip(",;:'\"’”").lower()
        if bare == "its":
            return True
        if word[0].isupper() or bare in _PERSON_PRONOUNS or word.endswith((",", ".", ";", ":")):
            return False
    return False


def _bracketed_abbreviation(body: str, m: Mention) -> bool:
    """ "the California Department of Transportation (Caltrans)"."""
    if not (body.startswith("(", m.start - 1) and body.startswith(")", m.end)):
        return False
    words = body[max(0, m.start - 50) : m.start - 1].split()[-4:]
    return any(w[0].isupper() and w.lower() in ORG_WORDS for w in words)


def _longer_name(body: str, form: str) -> bool:
    """The same words go on into an organisation's name elsewhere: "Pew" and "Pew Research"."""
    form += " "
    at = body.find(form)
    while at >= 0:
        words = (
            []
            if at and body[at - 1].isalnum()
            else body[at + len(form) : at + len(form) + 30].split()
        )
        if words:
            word = words[0].strip(",.;:'\"’”")
            for mark in ("'s", "’s"):
                word = word.removesuffix(mark)
            if word[:1].isupper() and word.lower() in NAME_ENDS:
                return True
        at = body.find(form, at + len(form))
    return False
