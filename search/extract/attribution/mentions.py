"""Stage 1: person-name mentions in an article body, found without a statistical model.

A mention is a run of capitalised tokens that survives three filters: leading titles, role
nouns ("Actress", "Coordinator"), a title's complement ("Ambassador to Japan") and
sentence-initial common words are peeled off (they become the role), runs holding an
organisation word ("Party", "Foundation") are dropped, and what remains must show person
evidence: a known first name, an honorific or title, a role noun just before it, or (decided
when mentions are clustered) a cue verb next to it. A run holding two people's names ("Dmitry
Peskov Mikhail Metzel", "Lavrov Tillerson") is cut in two. Place names, read from the
gazetteer, only veto weak candidates, because many surnames are also towns ("Clinton",
"Warren").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.extract.attribution.cues import INFLECTED_CUES, SAID_AFTER_RE, SAID_BEFORE_RE
from search.extract.attribution.lexicon import (
    DEMONYMS,
    FIRST_NAMES,
    HONORIFICS,
    NOT_NAME,
    ORG_WORDS,
    POSSESSIVE_RE,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEAK_TITLES,
)
from search.extract.gazetteer import gazetteer

_UP = "A-ZÀ-ÖØ-Þ"


def _after_capital(abbreviations: tuple[str, ...]) -> str:
    """A capitalised token (title abbreviation, initials or word) less its first letter, which
    the caller matches with a character set: a pattern that opens with a set lets `re` skip
    the text between capitals at C speed instead of trying every position (3x faster here)."""
    by_first: dict[str, list[str]] = {}
    for abbreviation in abbreviations:
        by_first.setdefault(abbreviation[0], []).append(abbreviation[1:])
    titles = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in by_first.items())
    initials = r"(?<=[A-Z])(?!(?<=U)\.[SNK]\.)\.(?:[A-Z]\.){0,2}"  # "J.", "H.W.", not "U.S."
    return rf"(?:(?:{titles})\.|{initials}|[\w'’\-]*\w)"


_TOKEN_REST = _after_capital(TITLE_ABBREVIATIONS)
_PARTICLES = frozenset("de da del della der di du van von la le bin ibn al el".split())
_PARTICLE = r"(?:de|da|del|della|der|di|du|van|von|la|le|bin|ibn|al|el)"
# The look-behind after the first capital checks the character before it (not part of a word,
# an abbreviation, an address or a hashtag).
RUN_RE = re.compile(
    rf"[{_UP}](?<![\w.@/#].){_TOKEN_REST}(?:[ \u00a0]+(?:{_PARTICLE}[ ])*[{_UP}]{_TOKEN_REST})*"
)
_TOKEN_RE = re.compile(r"\S+")
_PLAIN_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_LOWER_WORD_RE = re.compile(r"[a-z](?<![\w'’][a-z])[a-z\-]+")  # set first: see RUN_RE
_PARTY_TAG_RE = re.compile(r"\s*\((?:[RDI]|R-|D-|I-)[^)]{0,25}\)")
_MODIFIER_AFTER_RE = re.compile(r"[ \u00a0]+([a-z][a-z\-]+)\b")
_HEAD_NOUNS = ROLE_WORDS | frozenset(
    {
        "supporters",
        "voters",
        "backers",
        "fans",
        "camp",
        "administration",
        "aides",
        "allies",
        "loyalists",
        "team",
        "family",
        "foundation",
        "era",
        "delegates",
        "surrogates",
        "donors",
    }
)
# Heads of a noun phrase that speaks for the person before them ("the Sanders campaign").
_PROXY_NOUNS = frozenset("campaign camp administration team aides spokesman spokeswoman".split())
_DEMONYM_RE = re.compile(r"(?:ians|eans|icans|inos|anos|ese|nics|ish|ians|ites|ists)$")
_SENTENCE_START_RE = re.compile(r"(?:[.!?:]['\"”’]?|\n|“|—)\s*$")
_ROLE_TOKEN_RE = re.compile(r"[A-Za-z][\w\-’']*\.?|(?:[A-Z]\.){2,3}")


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

    def __post_init__(self) -> None:
        self.surname = surname_of(self.tokens)
        self.suffix = suffix_of(self.tokens)
        self.full = len(self.tokens) - bool(self.suffix) >= 2


def suffix_of(tokens: tuple[str, ...]) -> str:
    """The generational suffix ending a name ("Donald Ashby Jr." has "jr"), or ""."""
    last = tokens[-1].lower().rstrip(".")
    return last if len(tokens) > 1 and last in _SUFFIXES else ""


def surname_of(tokens: tuple[str, ...]) -> str:
    """Lower-cased last token, skipping Jr./III, as the cluster key (mirrors the gold keys)."""
    for token in reversed(tokens):
        low = token.lower().rstrip(".")
        if low not in _SUFFIXES:
            return low.lstrip(".")
    return tokens[-1].lower().strip(".")


def _bare(token: str) -> str:
    return token.lower().rstrip(".")


def _is_initial(token: str) -> bool:
    """An initial ("J.") or run-together initials ("J.M.", "H.W.")."""
    if len(token) == 2:
        return token[1] == "." and token[0].isupper()
    return len(token) in (4, 6) and bool(_INITIALS_RE.fullmatch(token))


_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")


def lowercase_vocabulary(body: str) -> frozenset[str]:
    """Words the article itself writes in lower case: a capitalised copy is a common word
    ("Rival Hillary Clinton" when the article also says "her rival")."""
    return frozenset(_LOWER_WORD_RE.findall(body))


def _segments(body: str, start: int, end: int) -> list[list[tuple[str, int, int]]]:
    """Tokens of a run with offsets, split after each possessive ("Fox's Chris Wallace")."""
    segs: list[list[tuple[str, int, int]]] = [[]]
    for m in _TOKEN_RE.finditer(body, start, end):
        tok, s, e = m.group(), m.start(), m.end()
        possessive = POSSESSIVE_RE.search(tok)
        if possessive and len(tok) > 3:
            cut = possessive.start()
            segs[-1].append((tok[:cut], s, s + cut))
            segs.append([])
        else:
            segs[-1].append((tok, s, e))
    return [seg for seg in segs if seg]


_NO_WORDS: frozenset[str] = frozenset()
_TITLES_AND_ROLES = TITLE_WORDS | ROLE_WORDS
_NON_NAME = NOT_NAME | TITLE_WORDS | HONORIFICS | ORG_WORDS | DEMONYMS
# Role nouns and modifiers ("Actress", "Coordinator", "Top"): in front of a name they are its
# role, though as a last word they may be a surname ("Paul Singer").
_ROLE_NOT_NAME = (ROLE_WORDS | ROLE_MODIFIERS) - FIRST_NAMES
# "-based", "-born": "Texas-based Matt Mackowiak" is a consultant from Texas.
_ORIGIN_SUFFIXES = ("-based", "-born", "-area", "-raised")
# Titles that by themselves announce a person ("Sen.", "Governor"), unlike "Presidential" or
# "Miss" in "Presidential Debates" or "Miss Universe".
_PERSON_TITLES = (HONORIFICS | TITLE_WORDS) - ROLE_MODIFIERS - WEAK_TITLES


def _is_name_word(tok: str, low: str, vocab: frozenset[str]) -> bool:
    """A token that may belong to a person's name (not a title, function or org word)."""
    if low in _NON_NAME:
        return False
    if tok.isupper() and len(tok) > 1 and not _is_initial(tok):
        return False
    if tok.startswith(("I'", "I’")) or low.endswith(_ORIGIN_SUFFIXES) or _hyphenated_title(low):
        return False
    if tok in _PARTICLES:
        return True
    if low in INFLECTED_CUES and low not in FIRST_NAMES:
        return False  # "Trump Praised", "Continued Stone"
    return not (low in vocab and low not in FIRST_NAMES)


def _hyphenated_title(low: str) -> bool:
    """A title or role written with a hyphen: "Vice-Admiral", "Colonel-General", "Co-anchor"."""
    if "-" not in low:
        return False
    *first, last = low.split("-")
    return last in _TITLES_AND_ROLES and all(
        p in _TITLES_AND_ROLES or p in ("co", "ex") for p in first
    )


def _words_before(body: str, start: int) -> list[str]:
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
        low = _bare(w)
        if not _ROLE_TOKEN_RE.fullmatch(w) or _ends_sentence(w):
            break
        if (
            low in ROLE_WORDS
            or low in TITLE_WORDS
            or low in HONORIFICS
            or (w[0].isupper() and (low not in NOT_NAME or _is_acronym(w)))
        ):
            keep.append(w)
        else:
            break
    keep.reverse()
    return keep


def _ends_sentence(word: str) -> bool:
    """A word ending in a full stop that is no abbreviation ("news." or "speaker." but not
    "Sen." or "U.S.")."""
    return (
        word.endswith(".")
        and not _is_initial(word)
        and _bare(word) not in HONORIFICS
        and not _ABBREVIATION_RE.fullmatch(word)
    )


_ABBREVIATION_RE = re.compile(r"(?:[A-Z]\.){2,3}")
# A title and its complement before a name: "Ambassador to Japan", "Minister of Foreign Affairs",
# "Permanent Representative to the UN".
_CONNECTORS = (" of ", " to ", " for ", " of the ", " to the ", " for the ")
_TITLE_OF_RE = re.compile(r"\b([A-Za-z][\w\-’']*)\s+(?:of|to|for)(?:\s+the)?\s+$")
_HEAD_TITLES = (TITLE_WORDS | ROLE_WORDS) - ROLE_MODIFIERS


def _title_before(body: str, title_of: re.Match[str]) -> list[str]:
    """The words of a title and its connector with the role words before them."""
    return _words_before(body, title_of.start(1)) + title_of.group().split()


def _title_of(body: str, start: int) -> re.Match[str] | None:
    """The title and connector ("Ambassador to ") that a capitalised run complements, if the
    run follows one: the run then opens with the complement and ends with the name."""
    if not body.endswith(_CONNECTORS, max(0, start - 9), start):
        return None  # the commonest case, told apart without a pattern
    found = _TITLE_OF_RE.search(body, max(0, start - 40), start)
    return found if found and _bare(found.group(1)) in _HEAD_TITLES else None


def _complemented_name(toks: list[tuple[str, int, int]], lows: list[str], start: int) -> bool:
    """Whether a run after a title and connector holds a complement and then a person's name
    from `start`: two words at least, opening with a known first name or after a place or an
    acronym ("Ambassador to Japan Gennady Sukhoverkov", "Representative to the UN Vasily
    Orlovsky"); "founder of Black Lives Matter" names nobody."""
    if start < 1 or len(toks) - start < 2 or lows[0] in FIRST_NAMES:
        return False
    complement = " ".join(tok for tok, _, _ in toks[:start])
    return lows[start] in FIRST_NAMES or complement.isupper() or gazetteer().is_place(complement)


def _name_after_complement(toks: list[tuple[str, int, int]], lows: list[str]) -> int:
    """Where the name starts in a run that opens with a title's complement ("Japan Gennady
    Sukhoverkov", "Foreign Affairs Sergei Lavrov"): at a known first name followed by a
    surname, else at the last two words (initials between them count with the surname);
    the complement keeps one word at least."""
    for k in range(1, len(toks) - 1):
        if lows[k] in FIRST_NAMES:
            return k
    k = max(1, len(toks) - 2)
    while k > 1 and _is_initial(toks[k][0]):
        k -= 1
    return k


def _candidate(
    body: str, toks: list[tuple[str, int, int]], vocab: frozenset[str], *, after_name: bool = False
) -> Mention | None:
    """Turn one capitalised run into a name mention, or None if it cannot be a person. A run
    `after_name` (the second of two names side by side) takes no role from the words before."""
    # The name is the longest tail of name words; anything before it is title or noise.
    lows = [t.lower().rstrip(".") for t, _, _ in toks]
    i = len(toks)
    while i > 0 and (
        (
            _is_name_word(toks[i - 1][0], lows[i - 1], vocab)
            and not (i < len(toks) and lows[i - 1] in _ROLE_NOT_NAME)
        )
        or (_is_initial(toks[i - 1][0]) and lows[i - 1] not in TITLE_WORDS)
        or lows[i - 1] in _SUFFIXES
        or _word_surname(toks, lows, i - 1)
    ):
        i -= 1
    title_of = None if after_name else _title_of(body, toks[0][1])
    if title_of is not None:
        start = max(i, _name_after_complement(toks, lows))
        if _complemented_name(toks, lows, start):
            i = start
        else:
            title_of = None
    if i == len(toks) and len(toks) >= 2 and lows[-2] in _PLAIN_HONORIFICS:
        i -= 1  # "Mr. Prince", "Mr. King": a title word used as a surname
    said_surname = (
        len(toks) >= 2
        and (i > len(toks) - 2 or lows[-1] in NOT_NAME)
        and i >= len(toks) - 2
        and (lows[-2] in FIRST_NAMES or _is_initial(toks[-2][0]))
        and toks[-1][0][1:].islower()
        and _said_next_to(body, toks)
    )
    if said_surname:
        i = min(i, len(toks) - 2)  # "Ian Read said", "said Steven Law, a former aide"
    if i == len(toks) - 1 == 1 and lows[0] in _MONTH_NAMES and _month_as_first_name(body, toks):
        i = 0  # "April Mellody, a spokeswoman": a month used as a first name
    end_i = len(toks)
    while end_i > i and lows[end_i - 1] in NOT_NAME and not said_surname:
        end_i -= 1
    name = toks[i:end_i]
    for (t, _, _), low in zip(name, lows[i:end_i], strict=True):
        if not (_is_initial(t) or low in _SUFFIXES):
            break
    else:
        return None  # nothing but initials and suffixes (or nothing at all)
    prefix = [t for t, _, _ in toks[:i]]
    prefix_lows = lows[:i]
    if (
        len(name) == 1
        and not ORG_WORDS.isdisjoint(prefix_lows)
        and TITLE_WORDS.isdisjoint(prefix_lows)
        and HONORIFICS.isdisjoint(prefix_lows)
    ):
        return None  # "Clinton Foundation" style runs keep no lone person word
    words = tuple([t for t, _, _ in name])
    start, end = name[0][1], name[-1][2]
    titled = not _PERSON_TITLES.isdisjoint(prefix_lows[-2:])
    before = [] if after_name else _words_before(body, toks[0][1])
    role = _clean_role(" ".join(before + prefix))
    strong = (
        titled
        or (len(words) >= 2 and lows[i] in FIRST_NAMES)
        or (len(words) >= 2 and any(_is_initial(t) for t in words[1:]))
        or _has_role_noun(role)
        or bool(_PARTY_TAG_RE.match(body, end))
    )
    if title_of is not None:  # the title shows no person by itself: "director of the UCLA ..."
        role = _clean_role(" ".join([*_title_before(body, title_of), *prefix]))
    after = _MODIFIER_AFTER_RE.match(body, end)
    if len(words) == 1 and not titled and after and after.group(1) in _HEAD_NOUNS:
        strong = False  # "the Mexican president", "a Clinton adviser": a modifier, not a name
    if len(words) == 1 and not strong and _DEMONYM_RE.search(words[0]):
        return None
    if (
        len(words) == 1
        and not strong
        and body[max(0, toks[0][1] - 4) : toks[0][1]].lower() == "the "
        and not (after and after.group(1) in _PROXY_NOUNS)
    ):
        return None  # "the Homeless", "the Hill"; but "the Kasich campaign said" names Kasich
    if before and before[-1].endswith("-based"):
        return None  # "Dublin-based Shire": a company
    run_start = toks[0][1]
    initial = _opens_sentence(body, run_start)
    if not initial and before:
        initial = _opens_sentence(body, body.rfind(before[0], max(0, run_start - 80), run_start))
    return Mention(start, end, words, role, strong, initial)


def _said_next_to(body: str, toks: list[tuple[str, int, int]]) -> bool:
    """Whether a run stands right next to a verb of saying, as its subject."""
    start, end = toks[0][1], toks[-1][2]
    return bool(
        SAID_AFTER_RE.match(body, end) or SAID_BEFORE_RE.search(body, max(0, start - 8), start)
    )


_MONTH_NAMES = frozenset({"april", "may", "june"})
_DATE_LEAD_RE = re.compile(
    r"\b(?:in|on|since|by|until|till|through|last|this|next|early|late|mid|of|from|to|before|"
    r"after|during|that|between|and|or|each|every)\s+$",
    re.I,
)


def _month_as_first_name(body: str, toks: list[tuple[str, int, int]]) -> bool:
    """A month opening a two-word run is a first name unless a date reading is possible
    ("in May Trump said", "June 7", "April Fools")."""
    if _DATE_LEAD_RE.search(body, max(0, toks[0][1] - 10), toks[0][1]):
        return False
    word = toks[1][0]
    return word[0].isupper() and word[1:].islower() and word.lower() not in NOT_NAME


def _word_surname(toks: list[tuple[str, int, int]], lows: list[str], i: int) -> bool:
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


def _opens_sentence(body: str, pos: int) -> bool:
    """Whether the text at `pos` starts a sentence (role words in front of a name can)."""
    return pos == 0 or bool(_SENTENCE_START_RE.search(body, max(0, pos - 8), pos))


def _has_role_noun(role: str | None) -> bool:
    if not role:
        return False
    return any(
        _bare(w) in HONORIFICS
        or _bare(w) in TITLE_WORDS
        or (_bare(w) in ROLE_WORDS and _bare(w) not in ROLE_MODIFIERS)
        or _hyphenated_title(_bare(w))
        for w in role.split()
    )


# Words opening a run that are no part of a role ("The", "Mr."), unless an acronym ("US").
_ROLE_NOISE = NOT_NAME | _PLAIN_HONORIFICS


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _clean_role(role: str | None) -> str | None:
    """Drop sentence-opening noise from a role; keep None when nothing role-like remains."""
    if not role:
        return None
    words = role.split()
    while words and not _is_acronym(words[0]) and _bare(words[0]) in _ROLE_NOISE:
        words.pop(0)
    cleaned = " ".join(words)
    return cleaned if _has_role_noun(cleaned) else None


_TRANSCRIPT_RE = re.compile(r"^([A-Z][A-Z'’\-]+(?:[ \u00a0][A-Z][A-Z'’.\-]+){0,2}):[ \u00a0]", re.M)


def _transcript_mentions(body: str) -> list[Mention]:
    """Speaker labels of interview transcripts ("PENCE: ..."), title-cased; the caller keeps
    only those whose surname the article also writes normally."""
    out = []
    for m in _TRANSCRIPT_RE.finditer(body):
        words = tuple(w.capitalize() for w in m.group(1).split())
        seen = re.search(rf"\b{re.escape(words[-1])}\b", body)  # written normally too
        if _bare(words[-1]) not in NOT_NAME and len(words[-1]) > 2 and seen:
            out.append(Mention(m.start(1), m.end(1), words, None, False, True))
    return out


def find_mentions(body: str) -> list[Mention]:
    """All candidate person mentions in text order (weak ones still need confirmation)."""
    vocab = lowercase_vocabulary(body)
    out = _transcript_mentions(body)
    rejected: list[tuple[str, int, int]] = []  # lone words that did not look like names
    for run in RUN_RE.finditer(body):
        text = run.group()
        if " " not in text and "\u00a0" not in text:  # the commonest case: one word
            low = _bare(text)
            if low in _NON_NAME or text.isupper():
                if low in DEMONYMS and not text.isupper():
                    rejected.append((text, run.start(), run.end()))  # "Cuban", "Welsh"
                continue  # a capitalised function or title word
            # A common word capitalised mid-sentence is a name ("Small said", "Will wrote").
            common = low in vocab and low not in FIRST_NAMES
            if common and _opens_sentence(body, run.start()):
                rejected.append((text, run.start(), run.end()))
                continue
            if not POSSESSIVE_RE.search(text):
                m = _candidate(
                    body, [(text, run.start(), run.end())], _NO_WORDS if common else vocab
                )
                if m is not None:
                    out.append(m)
                else:
                    rejected.append((text, run.start(), run.end()))
                continue
        for seg in _segments(body, run.start(), run.end()):
            for index, part in enumerate(_people_in(seg, vocab)):
                m = _candidate(body, part, vocab, after_name=index > 0)
                if m is not None:
                    out.append(m)
    if rejected:
        out.extend(_known_surnames(body, rejected, out))
    out.sort(key=lambda m: m.start)
    return _surnames_side_by_side(body, out)


def _surnames_side_by_side(body: str, mentions: list[Mention]) -> list[Mention]:
    """Two surnames of people the article names in full, written side by side ("Lavrov
    Tillerson talks"), are two people, not one name."""
    surnames = {m.surname for m in mentions if m.full and m.strong}
    out: list[Mention] = []
    for m in mentions:
        first = m.tokens[0].lower()
        pair = len(m.tokens) == 2 and not m.strong and first != m.surname
        if pair and {first, m.surname} <= surnames:
            second = body.index(m.tokens[1], m.start + len(first))
            opening = m.sentence_initial
            out.append(Mention(m.start, m.start + len(first), m.tokens[:1], m.role, False, opening))
            out.append(Mention(second, m.end, m.tokens[1:], None, False))
        else:
            out.append(m)
    return out


def _people_in(
    toks: list[tuple[str, int, int]], vocab: frozenset[str]
) -> list[list[tuple[str, int, int]]]:
    """A run cut where a second full name follows a first one: "Dmitry Peskov Mikhail Metzel"
    (a caption and its credit). Each part opens with a known first name and holds a surname;
    a first name inside a name ("Jo Ann Emerson", "Hillary Rodham Clinton") follows another
    first name or an initial, or has no first name before it."""
    parts: list[list[tuple[str, int, int]]] = []
    start = 0
    for k in range(2, len(toks) - 1):
        tok, before = toks[k][0], toks[k - 1][0]
        if (
            k - start in (2, 3)
            and tok.lower() in FIRST_NAMES
            and toks[start][0].lower() in FIRST_NAMES
            and before.lower() not in FIRST_NAMES
            and not _is_initial(before)
            and _is_name_word(before, _bare(before), vocab)
        ):
            parts.append(toks[start:k])
            start = k
    parts.append(toks[start:])
    return parts


def _known_surnames(
    body: str, rejected: list[tuple[str, int, int]], found: list[Mention]
) -> list[Mention]:
    """Lone words rejected as common words or demonyms that repeat the surname of a full name
    found in the same article ("Mark Cuban ... Cuban said", "Ian Read ... Read added")."""
    full = {m.tokens[-1] for m in found if m.full and m.strong}
    return [
        Mention(s, e, (text,), None, False, _opens_sentence(body, s))
        for text, s, e in rejected
        if text in full
    ]


def drop_tags(body: str, mentions: list[Mention]) -> list[Mention]:
    """Drop capitalised words of a tag right after a name: "John McCain (Ariz.)"."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and body[m.start - 1 : m.start] == "("
            and body[out[-1].end : m.start] == " ("
            and ")" in body[m.end : m.end + 12]
        ):
            continue
        out.append(m)
    return out
