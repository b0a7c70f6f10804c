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
from typing import Final

from search.extract.attribution.cues import SAID_AFTER_RE, SAID_BEFORE_RE
from search.extract.attribution.lexicon import ROLE_MODIFIERS, ROLE_WORDS
from search.extract.attribution.names import (
    NON_NAME,
    PLAIN_HONORIFICS,
    SUFFIXES,
    Mention,
    bare,
    is_initial,
    is_name_word,
    lowercase_vocabulary,
    word_surname,
)
from search.extract.attribution.titles import (
    clean_role,
    complemented_name,
    complemented_title,
    has_role_noun,
    name_after_complement,
    title_before,
    words_before,
)
from search.extract.attribution.turns import Turn, transcript_turns
from search.extract.vocabulary import (
    DEMONYMS,
    FIRST_NAMES,
    HONORIFICS,
    NOT_NAME,
    ORG_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEAK_TITLES,
    possessive_start,
)

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
_PARTICLE = r"(?:de|da|del|della|der|di|du|van|von|la|le|bin|ibn|al|el)"
# The look-behind after the first capital checks the character before it (not part of a word,
# an abbreviation, an address or a hashtag).
RUN_RE: Final = re.compile(
    rf"[{_UP}](?<![\w.@/#].){_TOKEN_REST}(?:[ \u00a0]+(?:{_PARTICLE}[ ])*[{_UP}]{_TOKEN_REST})*"
)
_PARTY_TAG_RE: Final = re.compile(r"\s*\((?:[RDI]|R-|D-|I-)[^)]{0,25}\)")
_MODIFIER_AFTER_RE: Final = re.compile(r"[ \u00a0]+([a-z][a-z\-]+)\b")
_HEAD_NOUNS: Final = ROLE_WORDS | frozenset(
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
_PROXY_NOUNS: Final = frozenset(
    "campaign camp administration team aides spokesman spokeswoman".split()
)
_DEMONYM_ENDS: Final = tuple("ians eans icans inos anos ese nics ish ites ists".split())


def _segments(body: str, start: int, end: int) -> list[list[tuple[str, int, int]]]:
    """Tokens of a run with offsets, split after each possessive ("Fox's Chris Wallace")."""
    segs: list[list[tuple[str, int, int]]] = [[]]
    s = start
    for tok in body[start:end].split():  # the tokens of \S+, told without a pattern
        s = body.index(tok, s)
        e = s + len(tok)
        cut = possessive_start(tok)
        if cut >= 0 and len(tok) > 3:
            segs[-1].append((tok[:cut], s, s + cut))
            segs.append([])
        else:
            segs[-1].append((tok, s, e))
        s = e
    return [seg for seg in segs if seg]


_NO_WORDS: frozenset[str] = frozenset()
# Outlets and firms named after their founders: after a given name, the founder.
_SURNAMED_OUTLETS: Final = frozenset({"bloomberg", "huffington", "breitbart", "gallup", "fox"})
# Role nouns and modifiers ("Actress", "Coordinator", "Top"): in front of a name they are its
# role, though as a last word they may be a surname ("Paul Singer").
_ROLE_NOT_NAME: Final = (ROLE_WORDS | ROLE_MODIFIERS) - FIRST_NAMES
# Titles that by themselves announce a person ("Sen.", "Governor"), unlike "Presidential" or
# "Miss" in "Presidential Debates" or "Miss Universe".
_PERSON_TITLES: Final = (HONORIFICS | TITLE_WORDS) - ROLE_MODIFIERS - WEAK_TITLES


def _given_name_before(
    toks: list[tuple[str, int, int]], lows: list[str], k: int, default: int
) -> int:
    """Index of a given name right before token `k`, past one middle initial, or `default`."""
    j = k - 1
    if j >= 1 and is_initial(toks[j][0]):
        j -= 1
    return j if j >= 0 and lows[j] in FIRST_NAMES else default


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
            is_name_word(toks[i - 1][0], lows[i - 1], vocab)
            and not (i < len(toks) and lows[i - 1] in _ROLE_NOT_NAME)
        )
        or (is_initial(toks[i - 1][0]) and lows[i - 1] not in TITLE_WORDS)
        or lows[i - 1] in SUFFIXES
        or word_surname(toks, lows, i - 1)
    ):
        i -= 1
    if (
        i == 2
        and len(toks) == 3
        and lows[0] in FIRST_NAMES
        and lows[1] in ORG_WORDS
        and toks[1][0][1:].islower()
        and lows[1] not in TITLE_WORDS
    ):
        i = 0  # "Kathleen Hall Jamieson": a middle name that is also an organisation word
    if (
        i == len(toks)
        and len(toks) >= 2
        and lows[-1] in _SURNAMED_OUTLETS
        and toks[-1][0][1:].islower()
    ):
        # "Michael R. Bloomberg", "Arianna Huffington": the person, not the outlet
        i = _given_name_before(toks, lows, len(toks) - 1, i)
    title_of = None if after_name else complemented_title(body, toks[0][1])
    if title_of is not None:
        start = max(i, name_after_complement(toks, lows))
        if complemented_name(toks, lows, start):
            i = start
        else:
            title_of = None
    if i == len(toks) and len(toks) >= 2 and lows[-2] in PLAIN_HONORIFICS:
        i -= 1  # "Mr. Prince", "Mr. King": a title word used as a surname
    said_surname = (
        len(toks) >= 2
        and (i > len(toks) - 2 or lows[-1] in NOT_NAME)
        and i >= len(toks) - 2
        and (lows[-2] in FIRST_NAMES or is_initial(toks[-2][0]))
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
        if not (is_initial(t) or low in SUFFIXES):
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
    before = [] if after_name else words_before(body, toks[0][1])
    role = clean_role(" ".join(before + prefix))
    strong = (
        titled
        or (len(words) >= 2 and lows[i] in FIRST_NAMES)
        or (len(words) >= 2 and any(is_initial(t) for t in words[1:]))
        or has_role_noun(role)
        or _party_tag_after(body, end)
    )
    if title_of is not None:  # the title shows no person by itself: "director of the UCLA ..."
        role = clean_role(" ".join([*title_before(body, title_of), *prefix]))
    after = _MODIFIER_AFTER_RE.match(body, end) if len(words) == 1 else None
    if len(words) == 1 and not titled and after and after.group(1) in _HEAD_NOUNS:
        strong = False  # "the Mexican president", "a Clinton adviser": a modifier, not a name
    if len(words) == 1 and not strong and words[0].endswith(_DEMONYM_ENDS):
        return None
    if (
        len(words) == 1
        and not strong
        and (body[max(0, toks[0][1] - 4) : toks[0][1]].lower() == "the " or prefix_lows == ["the"])
        and not (after and after.group(1) in _PROXY_NOUNS)
    ):
        # "the Homeless", "The Advocate had chided"; but "the Kasich campaign said" names Kasich
        return None
    if before and before[-1].endswith("-based"):
        return None  # "Dublin-based Shire": a company
    if len(words) == 1 and not titled and _in_org_name(body, toks[0][1]):
        return None  # "the Commission on Presidential Debates announced": the commission's
    run_start = toks[0][1]
    initial = _opens_sentence(body, run_start)
    if not initial and before:
        initial = _opens_sentence(body, body.rfind(before[0], max(0, run_start - 80), run_start))
    honorific = prefix_lows[-1] if prefix_lows and prefix_lows[-1] in PLAIN_HONORIFICS else ""
    return Mention(start, end, words, role, strong, initial, honorific=honorific)


_ORG_CONNECTORS = (" of ", " on ", " for ", " of the ", " on the ", " for the ")
_ORG_OF_RE: Final = re.compile(r"\b([A-Z][a-z]+) (?:of|on|for) (?:the )?$")


def _in_org_name(body: str, start: int) -> bool:
    """Whether a run continues the name of an organisation written before it: "Commission on",
    "Institute for", "Bank of"."""
    if not body.endswith(_ORG_CONNECTORS, max(0, start - 9), start):
        return False  # the commonest case, told apart without a pattern
    org = _ORG_OF_RE.search(body, max(0, start - 40), start)
    return org is not None and org.group(1).lower() in ORG_WORDS


def _said_next_to(body: str, toks: list[tuple[str, int, int]]) -> bool:
    """Whether a run stands right next to a verb of saying, as its subject."""
    start, end = toks[0][1], toks[-1][2]
    return bool(
        SAID_AFTER_RE.match(body, end) or SAID_BEFORE_RE.search(body, max(0, start - 8), start)
    )


_MONTH_NAMES: Final = frozenset({"april", "may", "june"})
_DATE_LEAD_RE: Final = re.compile(
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


def _party_tag_after(body: str, end: int) -> bool:
    """Whether a party tag ("(D-Ore.)") follows a name: an opening bracket first, told without
    a pattern, then _PARTY_TAG_RE."""
    i = end
    while i < len(body) and body[i].isspace():
        i += 1
    return body.startswith("(", i) and _PARTY_TAG_RE.match(body, end) is not None


def _opens_sentence(body: str, pos: int) -> bool:
    """Whether the text at `pos` starts a sentence (role words in front of a name can)."""
    if pos == 0:
        return True
    # What (?:[.!?:]['"”’]?|\n|“|—)\s*$ finds in the 8 characters before, told without a
    # pattern (this is asked of nearly every capitalised word): a stop, colon, line break,
    # opening mark or dash, a closing mark after a stop, and nothing but spaces after it.
    window = body[max(0, pos - 8) : max(0, pos)]
    text = window.rstrip()
    if "\n" in window[len(text) :]:
        return True
    if not text:
        return False
    last = text[-1]
    return last in ".!?:“—" or (last in "'\"”’" and len(text) > 1 and text[-2] in ".!?:")


def find_mentions(body: str, turns: list[Turn] | None = None) -> list[Mention]:
    """All candidate person mentions in text order (weak ones still need confirmation), the
    speaker labels of a transcript's `turns` ("PENCE: ...") among them, title-cased."""
    vocab = lowercase_vocabulary(body)
    out = [
        Mention(t.label_start, t.label_end, t.words, None, True, True)
        for t in (transcript_turns(body) if turns is None else turns)
    ]
    rejected: list[tuple[str, int, int]] = []  # lone words that did not look like names
    for run in RUN_RE.finditer(body):
        text = run.group()
        if " " not in text and "\u00a0" not in text:  # the commonest case: one word
            low = bare(text)
            if low in NON_NAME or text.isupper():
                if low in DEMONYMS and not text.isupper():
                    rejected.append((text, run.start(), run.end()))  # "Cuban", "Welsh"
                continue  # a capitalised function or title word
            # A common word capitalised mid-sentence is a name ("Small said", "Will wrote").
            common = low in vocab and low not in FIRST_NAMES
            if common and _opens_sentence(body, run.start()):
                rejected.append((text, run.start(), run.end()))
                continue
            if possessive_start(text) < 0:
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
            and not is_initial(before)
            and is_name_word(before, bare(before), vocab)
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
