"""Stage 3: mentions into people, within one article, and pronoun links to those people.

Full names first; then surname-only and first-name-only mentions join the full name, and a
surname one edit away from a known one ("Pskov" for "Peskov") too. A weak mention becomes a
person only on evidence (a title, a known first name, a cue it speaks through, the headline).
"He said" goes to the latest person standing as a subject.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from search.extract.attribution.lexicon import (
    NON_PERSON_SOURCES,
    POSSESSOR_S,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TAG_RE,
)
from search.extract.attribution.linking import Link
from search.extract.attribution.names import Mention, suffix_of
from search.extract.attribution.spans import inside
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import FEMALE_NAMES, MALE_NAMES, TITLE_WORDS


@dataclass
class Cluster:
    """One person within the article: all mentions that refer to them."""

    surname: str
    suffix: str = ""
    forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    mentions: list[int] = field(default_factory=list)
    first_name: str | None = None  # of the first full name that joined
    named: str | None = field(default=None, repr=False, compare=False)  # name(), once asked

    def add(self, form: tuple[str, ...]) -> None:
        self.forms[form] += 1
        self.named = None
        if self.first_name is None and _is_full(form):
            self.first_name = form[0].lower()

    def name(self) -> str:
        if self.named is None:
            full = [f for f in self.forms if _is_full(f)]
            if not full:
                self.named = " ".join(next(iter(self.forms)))
            else:
                best = max(full, key=lambda f: (self.forms[f], -sum(t.endswith(".") for t in f)))
                self.named = " ".join(best)
        return self.named


def _is_full(form: tuple[str, ...]) -> bool:
    """A given name (or initial) and a surname, a generational suffix not counted."""
    return len(form) - bool(suffix_of(form)) >= 2


_WORDLIKE_ENDS: Final = ("ing", "ly", "ed", "s")
_PRONOUN_REACH = 1500  # chars back to look for the person "he"/"she" stands for
_WEAK_REACH = 600  # ... when that person only opens a sentence and is no cue subject


def _edit1(a: str, b: str) -> bool:
    """True if a and b differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


# A capital inside a lone word marks a brand, except after a surname prefix ("McConnell").
_BRAND_RE: Final = re.compile(
    r"(?!Mc|Mac|De|Di|Da|La|Le|Du|Van|Von|O['’])[A-Z][a-z]+(?:[A-Z]|-[A-Z])"
)


def _confirmed(m: Mention, is_linked: bool, title_names: set[str], named_in_full: set[str]) -> bool:
    """Whether a mention alone shows it is a person."""
    if m.strong:
        return not (len(m.tokens) == 1 and m.surname in NON_PERSON_SOURCES)
    if is_linked and len(m.tokens) == 1 and m.surname in named_in_full:
        # '"...," Davis said' after "Lanny Davis appeared on ...": a surname that is also a
        # town speaks as the person the article named in full.
        return m.surname not in NON_PERSON_SOURCES
    # A full name must be a place likely to "say" something ("New York said"); a lone word may
    # be any place ("Clinton", "Warren" are surnames too, but only on other evidence).
    if m.surname in NON_PERSON_SOURCES or gazetteer().is_place(
        " ".join(m.tokens), speaker=len(m.tokens) > 1
    ):
        return False
    if len(m.tokens) == 1 and _BRAND_RE.match(m.tokens[0]):
        return False  # "DuPont", "BuzzFeed", "Wealth-X": a brand, not a surname
    return is_linked or (len(m.tokens) >= 2 and m.surname in title_names)


def cluster_mentions(
    mentions: list[Mention], linked: set[int], title_names: set[str], quoted: set[int]
) -> tuple[list[Cluster], dict[int, int]]:
    """Group mentions into people; returns clusters and mention index -> cluster index.

    `quoted` holds mentions signing a quotation ('"...," Sweeny said'): a lone surname there
    is a person even if the article names it only once."""
    clusters: list[Cluster] = []
    by_surname: dict[str, list[int]] = {}
    cluster_of: dict[int, int] = {}
    named_in_full = {
        m.surname
        for m in mentions
        if m.full and not gazetteer().is_place(" ".join(m.tokens), speaker=True)
    }
    confirmed = [
        _confirmed(m, i in linked, title_names, named_in_full) for i, m in enumerate(mentions)
    ]
    confirmed_surnames = {m.surname for m, ok in zip(mentions, confirmed, strict=True) if ok}
    # A lone capitalised word seen only at sentence starts is more likely a common word.
    mid_sentence = {m.surname for m in mentions if not m.sentence_initial or len(m.tokens) > 1}
    mid_sentence |= {m.surname for m in mentions if not m.surname.endswith(_WORDLIKE_ENDS)}

    def add(i: int, cid: int) -> None:
        clusters[cid].add(mentions[i].tokens)
        clusters[cid].mentions.append(i)
        cluster_of[i] = cid

    def new(i: int) -> None:
        clusters.append(Cluster(mentions[i].surname, mentions[i].suffix))
        by_surname.setdefault(mentions[i].surname, []).append(len(clusters) - 1)
        add(i, len(clusters) - 1)

    two_generations = _two_generations(mentions)
    # Full names first, so that later surname-only mentions find them.
    for i, m in enumerate(mentions):
        if not m.full or not (confirmed[i] or m.surname in confirmed_surnames):
            continue
        father_or_son = (m.tokens[0].lower(), m.surname) in two_generations
        same = [
            c
            for c in by_surname.get(m.surname, [])
            if (
                clusters[c].first_name in (None, m.tokens[0].lower())
                or _initial_of(m.tokens[0], clusters[c].first_name)
            )
            and not (father_or_son and clusters[c].suffix != m.suffix)
        ]
        if same:
            add(i, same[0])
        else:
            new(i)
    # Then one-word mentions, titled ones ("Sen. Rubio") before bare ones, so that a bare
    # surname joins the titled person instead of being judged (say, as a town) on its own.
    singles = sorted(
        (i for i, m in enumerate(mentions) if not m.full),
        key=lambda i: not mentions[i].strong,
    )
    repeated = Counter(m.surname for m in mentions)
    for i in singles:
        m = mentions[i]
        cid = _single_target(m, i, mentions, clusters, by_surname, cluster_of)
        if cid is not None:
            add(i, cid)
        elif confirmed[i] and (
            m.strong or (m.surname in mid_sentence and (repeated[m.surname] > 1 or i in quoted))
        ):
            new(i)
    for c in clusters:
        c.mentions.sort()
    return clusters, cluster_of


def _two_generations(mentions: list[Mention]) -> set[tuple[str, str]]:
    """(first name, surname) pairs the article writes both with and without a generational
    suffix, as separate full names: "Donald Ashby" and "Donald Ashby Jr." are father and son,
    while "James B. Comey Jr." and then "Comey" is one man."""
    forms: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.full:
            forms.setdefault((m.tokens[0].lower(), m.surname), set()).add(m.suffix)
    return {pair for pair, suffixes in forms.items() if len(suffixes) > 1}


def _initial_of(token: str, first: str | None) -> bool:
    if not first:
        return False
    return len(token) == 2 and token.endswith(".") and first[0] == token[0].lower()


def _single_target(
    m: Mention,
    i: int,
    mentions: list[Mention],
    clusters: list[Cluster],
    by_surname: dict[str, list[int]],
    cluster_of: dict[int, int],
) -> int | None:
    """The cluster a one-word mention belongs to: same surname (the one last mentioned),
    a unique first name, or a surname one edit away (misspelling)."""
    word = m.surname
    cands = by_surname.get(word)
    if cands:
        same_suffix = [cid for cid in cands if clusters[cid].suffix == m.suffix]
        if m.suffix and same_suffix:
            cands = same_suffix
        titled = _titled(m, cands, clusters, mentions)
        return _most_recent(titled or cands, clusters, mentions, m.start)
    # A first name alone ("Hillary"), or a family name written first ("Zhao" for Zhao Minghui).
    firsts = [cid for cid, c in enumerate(clusters) if c.first_name == word]
    if len(firsts) == 1:
        return firsts[0]
    if len(word) >= 5:
        first, last = word[0], word[-1]
        # One edit cannot change both the first and the last letter of a 5+ letter word.
        near = [
            s
            for s in by_surname
            if (s[0] == first or s[-1] == last) and len(s) >= 5 and _edit1(word, s)
        ]
        if len(near) == 1:
            return _most_recent(by_surname[near[0]], clusters, mentions, m.start)
    return None


_FEMALE_TITLES: Final = frozenset({"mrs", "ms", "miss", "madam", "first lady"})
_MALE_TITLES: Final = frozenset({"mr", "sir"})


def _titled(
    m: Mention, cands: list[int], clusters: list[Cluster], mentions: list[Mention]
) -> list[int]:
    """Of the people sharing a surname, those a title in front of the mention fits: "Mrs." and
    "Ms." a woman, "Mr." a man (by their given name), "President" or "Senator" one the article
    gives that office ("Mrs. Clinton" is Hillary, "President Clinton" Bill). Empty when the
    title tells nothing or fits no one."""
    if len(cands) < 2 or not (m.role or m.honorific):
        return []
    words = [w.lower().rstrip(".") for w in (m.role or "").split()] + [m.honorific]
    if _FEMALE_TITLES.intersection(words) or _MALE_TITLES.intersection(words):
        names = FEMALE_NAMES if _FEMALE_TITLES.intersection(words) else MALE_NAMES
        fit = [cid for cid in cands if clusters[cid].first_name in names]
        return fit if len(fit) == 1 else []
    office = [w for w in words if w in TITLE_WORDS and w not in ROLE_MODIFIERS]
    if not office:
        return []
    fit = [
        cid
        for cid in cands
        if any(
            office[-1] in (mentions[i].role or "").lower().replace(".", "").split()
            for i in clusters[cid].mentions
        )
    ]
    return fit if len(fit) == 1 else []


def _most_recent(
    cands: list[int], clusters: list[Cluster], mentions: list[Mention], pos: int
) -> int:
    best, best_pos = cands[0], -1
    for cid in cands:
        for i in clusters[cid].mentions:
            if best_pos < mentions[i].start < pos:
                best, best_pos = cid, mentions[i].start
    return best


def resolve_links(
    body: str,
    links: list[Link],
    mentions: list[Mention],
    cluster_of: dict[int, int],
    quotes: list[tuple[int, int]],
) -> None:
    """Give each link its person; "he said" goes to the latest subject-like person whose
    gender, where the article shows it, agrees with the pronoun."""
    # A name in the appositive after a cue's subject ("Ivo Marsh, an adviser to Tom Asher,
    # said", "said Ivo Marsh, an adviser to Tom Asher") did not speak: no antecedent for it.
    heads = {lk.cue_start: lk.subj_start for lk in links if lk.mention is not None and not lk.extra}
    subjects = {
        lk.mention
        for lk in links
        if lk.mention is not None
        and not (lk.extra and lk.subj_start > heads.get(lk.cue_start, lk.subj_start))
    } - _reported_subjects(body, links, mentions)
    genders: dict[int, str] | None = None
    for lk in links:
        if lk.mention is not None:
            lk.cluster = cluster_of.get(lk.mention)
            continue
        if lk.source is not None or lk.role is not None:
            continue  # no person, or resolved by role (stage 5)
        if genders is None:
            genders = _genders(mentions, cluster_of)
        unlike = _PRONOUN_UNLIKE.get(body[lk.subj_start : lk.subj_end].lower(), "")
        lk.cluster = _antecedent(
            body, lk.subj_start, mentions, cluster_of, subjects, quotes, genders, unlike
        )


# Between a cue and the subject of the clause it reports: a day, "that", a title ("Earnest
# said Monday that President Barack Obama has long called for ...").
_REPORTED_GAP_RE: Final = re.compile(
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?(?:\s+that)?\s+(?:(?:the|former|then)\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){0,3}"
)


def _reported_subjects(body: str, links: list[Link], mentions: list[Mention]) -> set[int]:
    """Mentions speaking only inside another's reported clause: "Obama" in "Earnest said that
    Obama has long called for ...". The "he" of the next sentence is Earnest, not Obama."""
    cue_ends = sorted({lk.cue_end for lk in links if lk.mention is not None})
    out: set[int] = set()
    for lk in links:
        if lk.mention is None or lk.subj_end > lk.cue_start:
            continue  # an inverted subject ('"...," said Obama') reports no one's clause
        start = mentions[lk.mention].start
        k = bisect.bisect_left(cue_ends, start) - 1
        if (
            k >= 0
            and start - cue_ends[k] <= 60
            and _REPORTED_GAP_RE.fullmatch(body, cue_ends[k], start)
        ):
            out.add(lk.mention)
    return out


# The gender a pronoun rules out: "she" never stands for a man the article names as one.
_PRONOUN_UNLIKE = {"he": "f", "him": "f", "she": "m", "her": "m"}


# Role words written in front of a name that say whether the person is a man or a woman.
_GENDERED_ROLES = {
    **dict.fromkeys(
        "widow wife mother daughter sister grandmother aunt niece actress chairwoman"
        " congresswoman spokeswoman businesswoman councilwoman assemblywoman queen"
        " princess girlfriend mrs. mrs ms. ms".split(),
        "f",
    ),
    **dict.fromkeys(
        "widower husband father son brother grandfather uncle nephew actor congressman"
        " businessman councilman assemblyman king prince boyfriend mr. mr".split(),
        "m",
    ),
}


def _genders(mentions: list[Mention], cluster_of: dict[int, int]) -> dict[int, str]:
    """Cluster -> "m" or "f" where its mentions show one gender (a given name borne mostly by
    one sex, "Mr."/"Mrs."/"Ms."), and only one; people shown as neither, or as both, are left
    out."""
    seen: dict[int, set[str]] = {}
    for i, cid in cluster_of.items():
        m = mentions[i]
        if m.honorific:
            seen.setdefault(cid, set()).add("m" if m.honorific == "mr" else "f")
        for word in (m.role or "").lower().split():
            if word in _GENDERED_ROLES:
                seen.setdefault(cid, set()).add(_GENDERED_ROLES[word])
        if m.full:
            first = m.tokens[0].lower()
            if first in FEMALE_NAMES:
                seen.setdefault(cid, set()).add("f")
            elif first in MALE_NAMES:
                seen.setdefault(cid, set()).add("m")
    return {cid: next(iter(g)) for cid, g in seen.items() if len(g) == 1}


def _antecedent(
    body: str,
    pos: int,
    mentions: list[Mention],
    cluster_of: dict[int, int],
    subjects: set[int],
    quotes: list[tuple[int, int]],
    genders: dict[int, str],
    unlike: str,
) -> int | None:
    """Most recent person mention before `pos` that is a cue subject or (within a few
    sentences) opens a sentence, and whom the pronoun may stand for (`unlike`: the gender it
    rules out); None when no such mention is near (a possessor or object is not a safe
    antecedent)."""
    passed = False  # a person the pronoun cannot stand for was passed over
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.start >= pos or i not in cluster_of or inside(m.start, quotes):
            continue
        if pos - m.start > _PRONOUN_REACH:
            break
        if body.startswith(POSSESSOR_S, m.end):
            continue  # "Trump's aides": a possessor is not the one who speaks next
        if i in subjects or (m.sentence_initial and pos - m.start <= _WEAK_REACH):
            gender = genders.get(cluster_of[i])
            if unlike and gender == unlike:
                # '"Really," she added' is not the man named last, but a woman named before
                # him; once he is passed over, only someone shown to be a woman.
                passed = True
                continue
            if passed and gender is None:
                continue
            return cluster_of[i]
    return None


_APPOSITIVE_ROLE_RE: Final = re.compile(r",\s+(?:a|an|the)\s+([^,.;:\"“”()]{3,80}?)(?=[,.;])")
# A role set off before a name: "Ukraine's deputy foreign minister, Oksana Hrytsenko, said".
_ROLE_BEFORE_COMMA_RE: Final = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w’'\-]*['’]s\s+)?(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*),\s+$"
)


def roles_of(cluster: Cluster, body: str, mentions: list[Mention]) -> Iterator[tuple[int, str]]:
    """Every role the article gives a person, with where it gives it, in the order `role`
    prefers them: words before a mention, an appositive after one, a role set off before one."""
    for i in cluster.mentions:
        before = mentions[i].role
        if before:
            yield mentions[i].start, before
    for i in cluster.mentions:
        end = mentions[i].end
        tag = TAG_RE.match(body, end)
        app = _APPOSITIVE_ROLE_RE.match(body, tag.end() if tag else end)
        if app and any(w.lower() in ROLE_WORDS for w in app.group(1).split()):
            yield mentions[i].start, app.group(1).strip()
    for i in cluster.mentions:
        start = mentions[i].start
        if body.endswith(", ", 0, start):
            set_off = _ROLE_BEFORE_COMMA_RE.search(body, max(0, start - 60), start)
            if set_off and _is_role(set_off.group(1)):
                yield start, set_off.group(1)


def _is_role(words: str) -> bool:
    """Lower-case words ending in a role noun, all of them role words: "deputy foreign
    minister", not "told reporters" (a possessor in front is allowed)."""
    lower = [w for w in words.split() if w[0].islower()]
    return (
        lower[-1] in ROLE_WORDS
        and lower[-1] not in ROLE_MODIFIERS
        and all(w in ROLE_WORDS or w in ROLE_MODIFIERS for w in lower)
    )


def role(cluster: Cluster, body: str, mentions: list[Mention]) -> str | None:
    """The role a person is first given (see `roles_of` for the order)."""
    return next((found for _, found in roles_of(cluster, body, mentions)), None)
