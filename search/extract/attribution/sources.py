"""Sources that are not a named person: organisations, documents and anonymous sources, and the
person a proxy speaks for.

"The Trump campaign said", "a Homeland Security memo said", "officials said", "according to a
source familiar with the talks", "a spokesman for Ryan said": the noun phrase standing as a
cue's subject is read from its head noun (lexicon: ANONYMOUS_HEADS, ORGANIZATION_HEADS,
DOCUMENT_HEADS) or from capitalised words that name an organisation ("The New York Post",
"RT"). A person named inside such a phrase is not the speaker but, where the head speaks for
someone (an aide, a campaign), the one spoken for. Crediting that person instead, as a plain
"nearest name" rule does, is the commonest way a quote goes to the wrong person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final, Literal

from search.extract.attribution.cues import aux_tail_start, proxy_gap
from search.extract.attribution.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    NON_PERSON_SOURCES,
    ORGANIZATION_HEADS,
    SOURCE_MODIFIERS,
)
from search.extract.attribution.names import Mention
from search.extract.vocabulary import ORG_WORDS, SENTENCE_BREAK_RE

SourceKind = Literal["organization", "document", "anonymous"]


@dataclass(frozen=True, slots=True)
class Source:
    """A cue's subject that names no person as the speaker."""

    kind: SourceKind
    start: int  # the phrase in the body, determiner included
    end: int
    name: str  # its proper name ("Monmouth poll", "New York Post"), "" if it has none
    description: str  # the phrase as written ("a source familiar with the talks")
    head: str  # its head noun, lower-cased ("" for a proper name: "RT", "New York Post")
    principal: int | None  # mention index of the person spoken for, if any


_DETERMINERS: Final = frozenset(
    """the a an one two three four several some many other another both most his her their
    its""".split()
)
_HEADS: Final = ANONYMOUS_HEADS | ORGANIZATION_HEADS | DOCUMENT_HEADS
# A character of a phrase: no clause mark, but the stop of an initial or a title ("Mayor Frank
# G. Jackson", "Mr. Sanders's campaign").
_PHRASE_CHAR = (
    r"(?:[^,;:.!?\"“”()—–\n]|(?<=\b[A-Z])\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=Mrs)\."
    r"|(?<=\bSen)\.|(?<=\bRep)\.|(?<=\bGov)\.)"
)
# Capitalised words opening a clause rather than a phrase.
_CLAUSE_WORDS: Final = frozenset(
    "but and so yet or if when while after before as then in on at for though although".split()
)
# What may follow a head inside its phrase: "a source familiar with the talks", "a spokesman
# for Ryan", "a memo from the department".
_POSTMOD_RE: Final = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on|involved\s+in|for|of"
    r"|from|at|in|with|to|on|within|inside|by)\s+" + _PHRASE_CHAR + r"{1,70}$"
)
# Where the phrase before a cue may begin: after a clause mark, not inside a name ("U.S.").
_CLAUSE_MARK = r"[;:!?\n\"“”()—–]|,\s|(?<![A-Z])(?<!\b[A-Z][a-z])\.\s"
# The last of them: the same end as the last match of finditer, found from the right.
_LAST_CLAUSE_MARK_RE: Final = re.compile(rf"(?s:.*)(?:{_CLAUSE_MARK})")
_WORD_RE: Final = re.compile(r"\S+")
_ACRONYM_RE: Final = re.compile(r"[A-Z]{2,6}")
_POSSESSIVE_END = ("'s", "’s", "s'", "s’")


def _bare(word: str) -> str:
    for end in ("'s", "’s"):
        word = word.removesuffix(end)
    return word.strip(",.").lower()


def _modifier(word: str) -> bool:
    """A word that may stand between a determiner and a head ("senior", "Trump", "Clinton's",
    "U.S.", "two-page")."""
    if word[0].isupper():
        return word.lower() not in _CLAUSE_WORDS  # "But", "And" open a clause
    return (
        word[0].isdigit()
        or _bare(word) in SOURCE_MODIFIERS
        or word.endswith(_POSSESSIVE_END)
        or ("-" in word and word.replace("-", "").isalpha())
    )


def _organization_name(words: list[str]) -> bool:
    """Capitalised words that name an organisation rather than a person: an organisation word
    ("Post", "Committee", "Kremlin"), an acronym ("RT", "CNN") or a known outlet."""
    bare = [_bare(w) for w in words]
    return (
        any(b in ORG_WORDS or b in NON_PERSON_SOURCES for b in bare)
        or (len(words) == 1 and _ACRONYM_RE.fullmatch(words[0].strip(",.")) is not None)
    ) and all(w[0].isupper() or w.lower() in ("of", "for", "and", "the") for w in words)


def _kind(head: str) -> SourceKind:
    if head in DOCUMENT_HEADS:
        return "document"
    if head in ORGANIZATION_HEADS:
        return "organization"
    return "anonymous"


def _principal(mentions: list[Mention], starts: list[int], start: int, end: int) -> int | None:
    """The last person named inside a phrase (its possessor or complement)."""
    i = bisect.bisect_right(starts, end) - 1
    return i if i >= 0 and mentions[i].start >= start and mentions[i].end <= end else None


def _phrase(
    body: str, words: list[re.Match[str]], head_at: int, end: int
) -> tuple[int, str, str] | None:
    """Start, proper name and head of the phrase whose head is words[head_at] and which ends
    at `end`, or None if the words before the head are no determiner or modifiers. The proper
    name is the head with the capitalised words right before it ("Homeland Security memo")."""
    head = _bare(words[head_at].group())
    k = head_at
    determiner = False
    while k > 0:
        word = words[k - 1].group()
        if word.lower() in _DETERMINERS:
            determiner = True
            k -= 1
            break
        if not _modifier(word) or head_at - k >= 5:
            break
        k -= 1
    if k > 0 and not determiner and words[k - 1].group()[0].islower():
        return None  # "he told reporters officials said": the phrase is cut off
    plural = head.endswith("s") and head not in ("news", "press", "analysis", "status")
    named = any(w.group()[0].isupper() for w in words[k:head_at])
    if not (determiner or plural or named):
        return None
    j = head_at
    while (
        j > k + determiner
        and words[j - 1].group()[0].isupper()
        and not words[j - 1].group().endswith(_POSSESSIVE_END)
    ):
        j -= 1
    proper = body[words[j].start() : words[head_at].end()] if j < head_at else ""
    return words[k].start(), proper.rstrip(",.;:"), head


_SIGNALS: Final = _HEADS | ORG_WORDS | NON_PERSON_SOURCES


def _may_name_source(words: list[str]) -> bool:
    """Whether the last words before a cue hold a source's head, an organisation word or an
    acronym: what every phrase source_before reads holds."""
    if not _SIGNALS.isdisjoint(w.lower().rstrip(",.;:") for w in words):
        return True
    return any(len(w) > 1 and w.strip(",.").isupper() for w in words)


def source_before(
    body: str, cue_start: int, mentions: list[Mention], starts: list[int]
) -> Source | None:
    """The non-person phrase standing as subject right before a cue ("officials said")."""
    if not _may_name_source(body[max(0, cue_start - 90) : cue_start].split()[-9:]):
        return None  # the commonest case, told apart without a pattern
    window_start = max(0, cue_start - 160)
    window = body[window_start:cue_start]
    tail = window[: aux_tail_start(window, max(0, len(window) - 70))]
    mark = _LAST_CLAUSE_MARK_RE.match(tail)  # where the last clause mark ends
    offset = window_start + (mark.end() if mark else 0)
    segment = body[offset : window_start + len(tail)]
    words = list(_WORD_RE.finditer(body, offset, window_start + len(tail)))
    if not words or not segment.strip() or segment.rstrip()[-1] in ",'\"”’":
        return None  # '"... the United States,'' said X': the cue is inverted
    end = words[-1].end()
    found = None
    for head_at in range(len(words) - 1, max(-1, len(words) - 14), -1):
        word = words[head_at].group()
        if _bare(word) not in _HEADS or word.endswith(_POSSESSIVE_END):
            continue
        rest = body[words[head_at].end() : end]
        if rest and not _POSTMOD_RE.fullmatch(rest):
            continue
        found = _phrase(body, words, head_at, end)
        if found is not None:
            break
    if found is None:
        return _organization_before(body, words, end, mentions, starts)
    start, name, head = found
    principal = _principal(mentions, starts, start, end)
    return Source(_kind(head), start, end, name, body[start:end], head, principal)


def _organization_before(
    body: str, words: list[re.Match[str]], end: int, mentions: list[Mention], starts: list[int]
) -> Source | None:
    """A capitalised organisation name right before a cue: "The New York Post reports"."""
    k = len(words)
    while k > 0 and words[k - 1].group()[0].isupper() and len(words) - k < 6:
        k -= 1
    run = [w.group() for w in words[k:]]
    if not run or not _organization_name(run):
        return None
    if k > 0 and words[k - 1].group()[0].islower() and words[k - 1].group().lower() != "the":
        return None  # "... told CNN said": the run is an object
    start = words[k].start()
    if _principal(mentions, starts, start, end) is not None:
        return None  # a person's name is part of the run: left to the person rules
    name = body[start:end].removeprefix("The ")
    return Source("organization", start, end, name, body[start:end], "", None)


_AFTER_RE: Final = re.compile(r"\s+(" + _PHRASE_CHAR + r"{1,90})")


def source_after(
    body: str, cue_end: int, mentions: list[Mention], starts: list[int]
) -> Source | None:
    """The non-person phrase right after an inverted cue or "according to" ("..., said a
    spokesman for Ryan", "according to a source familiar with the talks")."""
    m = _AFTER_RE.match(body, cue_end)
    if m is None:
        return None
    words = list(_WORD_RE.finditer(body, m.start(1), m.end(1)))
    if not words:
        return None
    first = words[0].group()
    determiner = first.lower() in _DETERMINERS
    k = 1 if determiner else 0
    while k < len(words) and k < 7:
        word = words[k].group()
        bare = _bare(word)
        if bare in _HEADS and not word.endswith(_POSSESSIVE_END):
            nxt = words[k + 1].group().lower() if k + 1 < len(words) else ""
            if not nxt or _POSTMOD_RE.match(" " + " ".join(w.group() for w in words[k + 1 :])):
                end = words[-1].end() if nxt else words[k].end()
                found = _phrase(body, words, k, end)
                if found is not None:
                    start, name, head = found
                    principal = _principal(mentions, starts, start, end)
                    description = body[start:end]
                    return Source(_kind(head), start, end, name, description, head, principal)
            return None
        if not _modifier(word):
            return None
        k += 1
    run: list[str] = []
    for word_match in words[1 if determiner else 0 :]:
        if not word_match.group()[0].isupper():
            break
        run.append(word_match.group())
    taken = words[: len(run) + (1 if determiner else 0)]
    if run and _organization_name(run):
        start, end = taken[0].start(), taken[-1].end()
        if _principal(mentions, starts, start, end) is None and not _ranked_person_after(
            body, end, mentions, starts
        ):
            name = body[taken[1 if determiner else 0].start() : end]
            return Source("organization", start, end, name, body[start:end], "", None)
    return None


def _ranked_person_after(body: str, end: int, mentions: list[Mention], starts: list[int]) -> bool:
    """Whether a person's name follows an organisation with only a rank between: "said Air
    Force 1st Lt. Tyler Livingston", "said Army Capt. Christian Pardo" (the officer speaks)."""
    i = bisect.bisect_left(starts, end)
    if i == len(mentions) or mentions[i].start - end > 20:
        return False
    gap = body[end : mentions[i].start]
    if (
        "," in gap
        or "\n" in gap
        or SENTENCE_BREAK_RE.search(body, max(0, end - 6), end + len(gap) + 1)
    ):
        return False  # "according to The Associated Press. Sanders' campaign called ..."
    return not any(token[0].islower() for token in gap.split())


_PROXY_HEAD_RE: Final = re.compile(
    r"(campaign|office|team|aides?|spokes(?:man|woman|person)|camp|staff|advisers?|lawyers?"
    r"|attorneys?|representatives?|allies|administration)\b"
)


_LEAD_RE: Final = re.compile(r"(?:\b(?:the|a|an|one\s+of|some\s+of|two\s+of)\s+)+$", re.I)


def proxy_source(body: str, index: int, mention: Mention, cue_start: int) -> Source | None:
    """A person's staff or organisation speaking before a cue ("Trump's campaign said", "one of
    Mr. Obama's climate advisers pointed out", "Sanders aides said"): the speaker is the staff
    or the organisation, the person is the one spoken for."""
    gap = body[mention.end : cue_start]
    heads = _PROXY_HEAD_RE.findall(gap) if proxy_gap(gap) else []
    if not heads:
        return None
    head = heads[-1]
    lead = _LEAD_RE.search(body, max(0, mention.start - 14), mention.start)
    start = lead.start() if lead else mention.start
    end = mention.end + gap.rfind(head) + len(head)
    kind: SourceKind = "organization" if head in ORGANIZATION_HEADS else "anonymous"
    return Source(kind, start, end, "", body[start:end], head, index)
