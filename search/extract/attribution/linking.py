"""Stage 2: link every cue to the subject that speaks through it: a mention, a pronoun or a role.

A cue verb goes to a name just before it, to a name just after it when inverted ("...," said X),
or to "he"/"she" or a role phrase ("the Russian president said"), both resolved to a person
later; a colon ('Gowdy: "..."'), a signature dash ('..." ― Carla Sanchez') or a possessive
statement noun ("Sanders' remarks") cue on the name itself. Coordinated subjects ("Trump and
Pence said") and names inside the subject's noun phrase ("Clinton spokeswoman Jennifer
Palmieri") are linked too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

from search.extract.attribution.cues import (
    APPOSITIVE_GAP_RE,
    AS_CLAUSE_RE,
    COLON_CUE_RE,
    CUE_RE,
    DASH_BEFORE_RE,
    DASH_CUE_RE,
    HEADLINE_COLON_RE,
    HEADLINE_CUE_RE,
    HEADLINE_SOURCE_RE,
    NOMINAL_CUE_RE,
    ORG_PRONE_CUES,
    PASSIVE_RE,
    PRONOUN_AFTER_RE,
    PRONOUN_BETWEEN_RE,
    PRONOUN_RE,
    PUT_IT_RE,
    ROLE_HEAD_BEFORE_RE,
    ROLE_HEAD_WORDS,
    ROLE_PHRASE_AFTER_RE,
    SAYS_RE,
    THE_PHRASE_RE,
    TRANSCRIPT_COLON_RE,
    TWEET_HANDLE,
    inverted_cue_position,
    last_words,
    left_gap_ok,
    pronoun_may_end,
    proxy_gap,
    quote_closes,
    right_gap_ok,
)
from search.extract.attribution.lexicon import (
    COMPANY_HEADS,
    POSSESSOR,
    POSSESSOR_S,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TAG,
    TAG_RE,
    VAGUE_QUALIFIERS,
)
from search.extract.attribution.names import Mention
from search.extract.attribution.sources import Source, proxy_source, source_after, source_before
from search.extract.attribution.spans import inside
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import POSSESSIVE, SENTENCE_BREAK_RE, TITLE_ABBREVIATIONS


@dataclass
class Link:
    """A cue verb and the subject it was linked to (a mention index, or a pronoun)."""

    cue_start: int
    cue_end: int
    subj_start: int
    subj_end: int
    mention: int | None  # None: a pronoun or a role phrase, resolved later
    cluster: int | None = None
    extra: bool = False  # a name inside the subject's noun phrase, not the head subject
    role: str | None = None  # a role phrase standing for its holder ("Russian president")
    source: Source | None = None  # a subject that names no person ("officials", "the Post")
    principal: int | None = None  # mention of the one a spokesperson or aide speaks for
    how: str = "cue"  # cue | inverted | colon | dash | nominal | pronoun | role | source


_PREP_BEFORE_RE: Final = re.compile(
    r"\b(?:for|of|with|to|by|from|about|against|at|on|in|into|like|under|toward|"
    r"towards|behind|between|whom|and|or|nor|versus|vs\.)\s+(?:[Tt]he\s+)?$"  # "of The Intercept"
)
_ASKED_RE: Final = re.compile(r"asked|[Aa]sked\s+by|[Pp]ressed\s+by")
_BY_AGENT_RE: Final = re.compile(r"\w+\s+by\s+")
_AGENT_GAP_RE: Final = re.compile(r"(?:(?:[a-z][a-z\-]*|[A-Z][a-z]{0,3}\.)\s+){0,3}")  # "by host X"
_PLACE_PREP_RE: Final = re.compile(r"\b(?:on|in|at|from)\s+(?:[Tt]he\s+)?$")
_AND_BEFORE_RE: Final = re.compile(r"(?:,|\s+and)\s+$")
# Cues of expecting and hoping: with an infinitive after them they tell an intention or a
# forecast, not what anyone said.
_INTENT_CUES: Final = frozenset({"expected", "expects", "hoped", "hopes", "hope"})
_NEAR_WINDOW = 260
_MAX_BACK = 3  # mentions to try, nearest first, as the subject before a cue


def link_cues(body: str, mentions: list[Mention], quotes: list[tuple[int, int]]) -> list[Link]:
    """Link each cue verb outside quotation marks to the subject next to it."""
    links: list[Link] = []
    starts = [m.start for m in mentions]
    sure = {m.surname for m in mentions if m.strong}
    for cue in CUE_RE.finditer(body):
        cs, ce = cue.span()
        if inside(cs, quotes):
            continue  # a cue inside a quotation belongs to the quoted speech
        if PUT_IT_RE.fullmatch(cue.group()) and not AS_CLAUSE_RE.search(body, max(0, cs - 140), cs):
            continue  # "put it on the table"; "as Cornyn, the No. 2, put it:" cues
        if body.startswith(" from ", ce) and cue.group() == "reported":
            continue  # "Julie Davis reported from Midway Atoll": a reporter's credit line
        if body.startswith(" to ", ce) and cue.group() in _INTENT_CUES:
            continue  # "Obama and his wife are expected to visit", "had hoped to republish"
        if cue.group() == "asking":
            # Only as a participle, the sentence subject's ("Mitchell raised the issue, asking
            # Sanders why ..."): "a letter to Lynch asking the department to ..." is the letter's.
            if _PARTICIPLE_GAP_RE.search(body, max(0, cs - 10), cs):
                head = _sentence_subject(body, mentions, starts, cs)
                if head is not None:
                    m = mentions[head]
                    links.append(Link(cs, ce, m.start, m.end, head, how="coordinated"))
            continue
        according = cue.group().lower().startswith("according")
        subject = None if according else _left_subject(body, mentions, starts, cs)
        if subject is not None and _stance_modifier(body, mentions[subject]):
            subject = None  # "the organizer of a pro-Trump rally said": not Trump
        # A name right before the cue ("Trump said") leaves no room for a source phrase.
        adjacent = subject is not None and not body[mentions[subject].end : cs].strip()
        source = None if according or adjacent else source_before(body, cs, mentions, starts)
        if source is not None and subject is not None and mentions[subject].start < source.start:
            source = None  # "Trump, aides said" is not read here; "Trump aides said" is
        if source is None and subject is not None:
            source = proxy_source(body, subject, mentions[subject], cs)
        inverted = (
            subject is None
            and source is None
            and (according or inverted_cue_position(body, cs, cue.group()))
        )
        if inverted:
            subject = _right_subject(body, mentions, starts, ce, possessor_speaks=according)
            source = source_after(body, ce, mentions, starts)
            if subject is None:
                # "..., said another voter, Nora Pell." / "wrote the ambassador at the time,
                # John Herbst.": the description is the name's, set off before it.
                described = _described_after(body, mentions, starts, ce)
                if described is not None:
                    subject, source = described, None
        elif subject is None and source is None and _ASKED_RE.fullmatch(cue.group()):
            # "Asked by Matt Lauer whether ...", "was asked by host X whether": the agent asked.
            by = _BY_AGENT_RE.match(body, cs)
            j = bisect.bisect_left(starts, by.end()) if by is not None else len(mentions)
            if (
                by is not None
                and j < len(mentions)
                and _AGENT_GAP_RE.fullmatch(body, by.end(), mentions[j].start)
            ):
                subject, inverted = j, True
        if source is not None and _definite_role(body, source):
            phrase = _role_subject(body, cs, ce, inverted)
            if phrase is not None:  # "the Kremlin spokesman": its holder, else anonymous
                the, start, end = phrase
                role = body[start:end]
                links.append(Link(cs, ce, the, end, None, role=role, source=source, how="role"))
                continue
        if source is not None:
            links.append(Link(cs, ce, source.start, source.end, None, source=source, how="source"))
            continue
        how = "inverted" if inverted else "cue"
        if (
            subject is None
            and not inverted
            and (
                _COORDINATED_VP_RE.search(body, max(0, cs - 30), cs)
                or (
                    _PARTICIPLE_CUE_RE.fullmatch(cue.group())
                    and _PARTICIPLE_GAP_RE.search(body, max(0, cs - 10), cs)
                )
            )
        ):
            # "X ... and said", "X ratcheted up his attacks on Rubio, saying ..."
            subject = _sentence_subject(body, mentions, starts, cs)
            how = "coordinated"
        if subject is not None and not _plausible_source(mentions[subject], cue.group(), sure):
            subject = None
        if subject is not None:
            group = _coordinated_after if inverted else _coordinated
            relative = body.startswith((", who ", ", whom "), mentions[subject].end)
            # "..., Patti LaBelle and Stevie Wonder, who joked": the clause is the last one's
            heads = [subject] if relative else group(body, mentions, subject)
            # Names between a sentence's subject and its second verb are the first verb's
            # objects ("Perdue said he didn't believe ... did Romney in, arguing ...").
            np_end = mentions[max(heads)].end if how == "coordinated" else cs
            extras = _np_names(body, mentions, heads, np_end, ce, inverted)
            principal = _spoken_for(body, mentions, heads, extras)
            for idx in heads:
                m = mentions[idx]
                links.append(Link(cs, ce, m.start, m.end, idx, principal=principal, how=how))
            for idx in extras:
                m = mentions[idx]
                links.append(Link(cs, ce, m.start, m.end, idx, extra=True, how=how))
            continue
        phrase = _role_subject(body, cs, ce, inverted)
        if phrase is not None:
            # The subject spans "the" too (a statement cut before it ends before "the"); the
            # role is the words after it.
            the, start, end = phrase
            links.append(Link(cs, ce, the, end, None, role=body[start:end], how="role"))
            continue
        pron = PRONOUN_AFTER_RE.match(body, ce) if according else _pronoun_before(body, cs)
        if pron:
            links.append(Link(cs, ce, pron.start(1), pron.end(1), None, how="pronoun"))
    for idx, m in enumerate(mentions):
        cue_span = _mention_cue(body, m, quotes)
        if cue_span:
            mark = body[cue_span[0]]
            how = "colon" if mark == ":" else "dash" if mark in "―—–" else "nominal"
            links.append(Link(*cue_span, m.start, m.end, idx, how=how))
        elif idx > 0 and body.startswith(":", m.end):
            # "- Mark Blum and Jon Cole: “...”": two authors before a colon, the first where
            # one alone would speak (opening the line or after a dash)
            prev = mentions[idx - 1]
            colon = COLON_CUE_RE.match(body, m.end)
            if (
                colon
                and m.strong
                and prev.strong
                and body[prev.end : m.start] == " and "
                and _mention_cue(body, prev, quotes) is None
                and (
                    prev.sentence_initial
                    or DASH_BEFORE_RE.search(body, max(0, prev.start - 2), prev.start)
                )
            ):
                for i, both in ((idx - 1, prev), (idx, m)):
                    links.append(Link(*colon.span(1), both.start, both.end, i, how="colon"))
    links.sort(key=lambda lk: lk.cue_start)
    return links


# Prefixes making a name a modifier ("a pro-Trump rally"), unlike "al-" or "el-" in a name.
_STANCE_PREFIXES: Final = tuple(
    f"{sep}{p}-" for p in ("pro", "anti", "non", "never", "post", "pre") for sep in ' (“"\n'
)


def _stance_modifier(body: str, m: Mention) -> bool:
    """Whether a name is glued to a stance prefix: "pro-Trump", "anti-Clinton"."""
    return body.startswith("-", m.start - 1) and body.endswith(
        _STANCE_PREFIXES, max(0, m.start - 6), m.start
    )


# A second verb of the sentence's subject: "Clinton has encouraged ... but has said", "Mr.
# Schultz supported Democrats ... and said".
_COORDINATED_VP_RE: Final = re.compile(
    r"\s(?:and|but)\s+(?:(?:has|have|had|also|later|then|now)\s+)*$"
)
# A participle of saying set off after the sentence's own verb: "Trump on Thursday ratcheted
# up his attacks on Rubio, saying he is weak", "endorsed Cruz last week – saying he has ...".
_PARTICIPLE_CUE_RE: Final = re.compile(
    r"(?:saying|adding|tweeting|arguing|explaining|noting|insisting|asking|telling|warning)"
)
# ... or after a conjunction of time or means: "Blige sings to her before asking her, ...",
# "Sanders has soared in the polls by saying that ...".
_PARTICIPLE_GAP_RE: Final = re.compile(r"(?:,|\s[—–-]|\s(?:before|after|while|by|when))\s+$")


def _sentence_subject(body: str, mentions: list[Mention], starts: list[int], cs: int) -> int | None:
    """The mention opening the sentence a cue stands in, if a name opens it."""
    # A sentence ends at a stop, or at a closing mark after one ('... smart.” Trump was'), but
    # not at a title's ("On Thursday, Sen. Pell appeared ...").
    s_start = max(body.rfind(end, 0, cs) for end in _SENTENCE_ENDS) + 1
    while s_start > 1 and body.endswith(_TITLE_STOPS, 0, s_start):
        s_start = max(body.rfind(end, 0, s_start - 1) for end in _SENTENCE_ENDS) + 1
    # A name opens the sentence, or follows the quotation it signs ('"...," Blige sings ...').
    signed = _SIGNED_OPENING_RE.match(body, s_start, cs)
    if signed is not None:
        s_start = signed.end()
    # ... or follows a fronted phrase of time or place ("On Sunday, Mr. Trump even echoed ...,
    # saying", "Here in Columbia, Sanders stepped up ..., saying")
    fronted = _FRONTED_PHRASE_RE.match(body, s_start, cs) if signed is None else None
    if fronted is not None:
        s_start = fronted.end()
    j = bisect.bisect_left(starts, s_start)
    if j >= len(mentions) or mentions[j].start >= cs:
        return None
    after_phrase = (signed or fronted) is not None and _titles_only(
        body[s_start : mentions[j].start]
    )
    if not (mentions[j].sentence_initial or after_phrase):
        return None
    if body.startswith(POSSESSOR_S, mentions[j].end):
        return None  # "Trump's aides ... and said"
    return j


_FRONTED_PHRASE_RE: Final = re.compile(
    r"\s*(?:(?:On|In|At|Here|There|During|After|Before|Later|Earlier|Last|Since|Meanwhile|Now"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;:!?\"“”\n]{0,60},\s+"
    r"(?:(?:after|before|while|when|in|on|at|during|despite|with)\b[^,.;:!?\"“”\n]{0,80},\s+)?"
    r"|\d{1,3}-year-old\s+)"  # "76-year-old Morton Blackwell ... endorsed Cruz, saying"
)


def _titles_only(gap: str) -> bool:
    """Whether only capitalised words (titles: "Mr.", "Sen.") stand between a phrase and a name."""
    return all(word[0].isupper() for word in gap.split())


_SIGNED_OPENING_RE: Final = re.compile(r"\s*[“\"][^“”\"\n]{1,300}[,?!][”\"]\s+")
_SENTENCE_ENDS = (". ", "\n", ".” ", '." ', "?” ", '?" ', "!” ")
_TITLE_STOPS = tuple(f" {title}." for title in TITLE_ABBREVIATIONS)


def _definite_role(body: str, source: Source) -> bool:
    """A source phrase that names a role its holder may be known by ("the Russian president",
    "the EU's top diplomat"), left to the role stage."""
    return source.head in ROLE_HEAD_WORDS and body.startswith(("the ", "The "), source.start)


def _pronoun_before(body: str, cs: int) -> re.Match[str] | None:
    return PRONOUN_RE.search(body, max(0, cs - 60), cs)


def _role_subject(body: str, cs: int, ce: int, inverted: bool) -> tuple[int, int, int] | None:
    """Where a role phrase standing as a cue's subject begins ("the"), where its words begin
    (after "the") and where it ends: "the Russian president said", "..., said the Kremlin
    spokesman", "according to the president"."""
    if inverted:
        after = ROLE_PHRASE_AFTER_RE.match(body, ce)
        if after is None:
            return None
        words = after.group(2).split()
        begins, start, end = after.start(1), after.start(2), after.end(3)
    else:
        tail = last_words(body[max(0, cs - 40) : cs], 3)
        if not tail or ROLE_HEAD_WORDS.isdisjoint(w.lower() for w in tail):
            return None  # the commonest case, told apart without a pattern
        head = ROLE_HEAD_BEFORE_RE.search(body, max(0, cs - 60), cs)
        if head is None or PASSIVE_RE.search(body, max(0, cs - 12), cs):
            return None
        the = THE_PHRASE_RE.search(body, max(0, head.start() - 80), head.start())
        if the is None:
            return None
        words = the.group(1).split()
        begins, start, end = the.start(), the.start(1), head.end(1)
    return (begins, start, end) if all(map(_qualifies_role, words)) else None


def _qualifies_role(word: str) -> bool:
    """A word that may stand between "the" and a role head: a capitalised word, possessive or
    not ("Russian", "EU's", "Kremlin"), or a role modifier ("deputy", "prime", "top")."""
    if word[0].isupper():
        return word[-1].isalpha() or word.endswith(POSSESSOR_S)
    bare = word.removesuffix("'s").removesuffix("’s")
    return (
        bare in ROLE_WORDS or bare in ROLE_MODIFIERS or bare in VAGUE_QUALIFIERS or bare == "prime"
    )


def signing_mentions(body: str, mentions: list[Mention]) -> set[int]:
    """Mentions that sign a quotation ('"...," Sweeny said')."""
    return {
        i
        for i, m in enumerate(mentions)
        if quote_closes(body, m.start) and SAYS_RE.match(body, m.end)
    }


_POSSESSOR_GAP_RE: Final = re.compile(
    rf"(?:{POSSESSIVE})?\s+(?:[a-z][a-z\-]*\s+){{0,4}}(?:[A-Z][a-z]+\.?\s+)?,?\s*$"
    rf"|{POSSESSOR}\s+(?:[a-z][a-z\-]*\s+){{0,3}}[a-z][a-z\-]*,\s+$"  # "X's campaign chief, Y"
)


_APPOSITIVE_AFTER_RE: Final = re.compile(
    rf"(?:{TAG})?,\s+(?:a|an|the|who|whose|[a-z]+(?<!ing)(?<!ed)(?<!ly))\b"
)
_CLAUSE_END_RE: Final = re.compile(r"(?<=[a-z]{2})[.!?;](?=\s)|\n|[\"“”]")


def _np_names(
    body: str, mentions: list[Mention], heads: list[int], cs: int, ce: int, inverted: bool
) -> list[int]:
    """Other names inside the source noun phrase of linked subjects: a possessor or modifier
    before the head ("Clinton spokeswoman Jennifer Palmieri", "Rubio's deputy campaign
    manager, Rich Beeson") and names in an appositive between the head and the cue ("Grimm,
    a Donald Trump supporter, said")."""
    out: list[int] = []
    first, last = min(heads), max(heads)
    # Possessor or modifier right before the first head.
    if first > 0:
        prev = mentions[first - 1]
        gap = body[prev.end : mentions[first].start]
        if (
            len(gap) <= 45
            and (not inverted or prev.start >= ce)
            and _POSSESSOR_GAP_RE.fullmatch(gap)
            and "\n" not in gap
        ):
            out.append(first - 1)
    if inverted:
        # An appositive after an inverted speaker runs to the end of the sentence.
        end = mentions[last].end
        if _APPOSITIVE_AFTER_RE.match(body, end):
            stop = _CLAUSE_END_RE.search(body, end)
            limit = stop.start() if stop else len(body)
            k = last + 1
            while k < len(mentions) and mentions[k].end <= limit:
                out.append(k)
                k += 1
    else:
        # Names between the last head and the cue (appositives, "of" phrases).
        k = last + 1
        while k < len(mentions) and mentions[k].end <= cs:
            out.append(k)
            k += 1
    return [i for i in out if i not in heads]


_PROXY_WORD_RE: Final = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press\s+secretary|advis[eo]r|aide|lawyer|attorney|counsel"
    r"|campaign|chief\s+of\s+staff|strategist|surrogate|communications\s+director"
    r"|manager|chairman|chairwoman)\b",
    re.I,
)


def _spoken_for(
    body: str, mentions: list[Mention], heads: list[int], extras: list[int]
) -> int | None:
    """The person a speaker speaks for, named in the speaker's phrase: "Jason Miller, a
    spokesman for Donald Trump", "Trump campaign spokesman Jason Miller", "Mike Schmidt, an
    adviser at the Clinton campaign". A former role speaks for no one now."""
    if len(heads) != 1:
        return None
    head = mentions[heads[0]]
    for idx in extras:
        m = mentions[idx]
        between = body[head.end : m.start] if m.start > head.start else body[m.end : head.start]
        if m.start > head.start:
            between = between + body[m.end : m.end + 12]  # "Trump campaign": the word after
        if _PROXY_WORD_RE.search(between) and "former" not in between.lower():
            return idx
    return None


def _mention_cue(body: str, m: Mention, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Cues that hang on the name itself rather than on a verb: a signature dash before it
    ('..." ― Carla Sanchez'), a colon after it ('Gowdy: "..."', 'PENCE: ...') or a possessive
    statement noun ("Sanders' arguments")."""
    before = body[max(0, m.start - 8) : m.start]
    if "―" in before or "—" in before or "–" in before:
        dash = DASH_CUE_RE.search(before)
        if dash is None and body.startswith(TWEET_HANDLE, m.end):
            # an embedded tweet's signature: "... https://t.co/x — Ben Jacobs (@bjacobs) June 28"
            dash = _TWEET_DASH_RE.search(before)
        if dash and not inside(m.start, quotes):
            pos = m.start - len(before) + dash.start(1)
            return pos, pos + 1
    nxt = body[m.end : m.end + 1]
    if nxt in (":", " ") and (m.strong or m.sentence_initial):
        transcript = body[m.start : m.end].isupper()
        colon = (TRANSCRIPT_COLON_RE if transcript else COLON_CUE_RE).match(body, m.end)
        if colon and (m.sentence_initial or DASH_BEFORE_RE.search(before[-2:])):
            return colon.span(1)
    if nxt in ("'", "’", "s"):
        nominal = NOMINAL_CUE_RE.match(body, m.end)
        if nominal and not inside(m.start, quotes):
            return nominal.span(1)
    return None


_TWEET_DASH_RE: Final = re.compile(r"\s([―—–])[ \u00a0]*$")


def _plausible_source(m: Mention, cue: str, people: set[str]) -> bool:
    """Polls, outlets and firms are "according to" / "reported" sources far more often than
    people: for those cues the name must be shown to be a person somewhere in the article."""
    return m.strong or m.surname in people or " ".join(cue.split()).lower() not in ORG_PRONE_CUES


_ING_RE: Final = re.compile(r"[a-z]+ing\b")
_BE_RE: Final = re.compile(
    r"\s(?:is|are|was|were|has\s+been|have\s+been|had\s+been)(?=\s+(?:\w+ly\s+)?$)"
)


def _left_subject(body: str, mentions: list[Mention], starts: list[int], cs: int) -> int | None:
    """The mention standing as the subject right before a cue, if any."""
    progressive = _ING_RE.match(body, cs) is not None  # "Trump is warning voters that ..."
    if not progressive and PASSIVE_RE.search(body, max(0, cs - 12), cs):
        return None  # "Trump was asked": the subject did not speak ("is warning": it does)
    i = bisect.bisect_left(starts, cs) - 1
    for j in range(i, max(-1, i - _MAX_BACK), -1):
        m = mentions[j]
        if m.end > cs or cs - m.end > _NEAR_WINDOW:
            break
        gap = body[m.end : cs]
        if progressive:
            gap = _BE_RE.sub(" ", gap)
        if pronoun_may_end(gap) and PRONOUN_BETWEEN_RE.search(body, m.end, cs):
            return None
        proxy = proxy_gap(gap)
        if (
            proxy
            or left_gap_ok(gap)
            or ("," in gap and _appositive_name(body, m.start) and left_gap_ok(gap, True))
        ):
            head = body[max(0, m.start - 12) : m.start]
            relative = ", who " in gap[:7]
            # "..., Patti LaBelle and Stevie Wonder, who joked": the relative clause is the
            # name's; "Democrats on Capitol Hill, who have argued": the people's in that place.
            if (
                _PREP_BEFORE_RE.search(head)
                and not _AND_BEFORE_RE.search(head)
                and (not relative or _PLACE_PREP_RE.search(head))
            ):
                continue
            if not proxy and body.startswith(POSSESSOR_S, m.end):
                return None
            if m.start > _plain_sentence_start(body, m.start) and _in_opening_appositive(
                body, mentions, starts, j, cs
            ):
                # "Sandy Pill, who lost her daughter in Aurora, Colorado, in 2012, said",
                # "Harry Bond, 30, of Raleigh, said", "Marty West, a professor who worked for
                # Sen. Lamar Alexander (R-Tenn.), one of the bill's architects, said": the
                # place or person is in the opening name's appositive; the name is the subject.
                opening = _appositive_subject(body, mentions, starts, cs)
                if opening is not None and opening < j:
                    return opening
            return j
    return _appositive_subject(body, mentions, starts, cs)


def _in_opening_appositive(
    body: str, mentions: list[Mention], starts: list[int], j: int, cs: int
) -> bool:
    """Whether the mention before a cue may lie in the appositive of an earlier name: a place,
    an outlet or company named after its head noun ("the editor of the Vatican's newspaper,
    L'Osservatore Romano, said"), or a name after a relative pronoun ("who worked for Sen. X")."""
    m = mentions[j]
    if gazetteer().is_place(" ".join(m.tokens)):
        return True
    before = body[max(0, m.start - 20) : m.start]
    words = before[:-2].split() if before.endswith(", ") else []
    if words and words[-1] in COMPANY_HEADS:
        return True
    return _RELATIVE_RE.search(body, _plain_sentence_start(body, m.start), m.start) is not None


def _plain_sentence_start(body: str, pos: int) -> int:
    """Where the sentence holding `pos` starts: after a stop and a space or a line break, but
    not after a title's stop ("Sen. Lamar Alexander")."""
    start = max(body.rfind(". ", 0, pos), body.rfind("\n", 0, pos)) + 1
    while start > 1 and body.endswith(_TITLE_STOPS, 0, start):
        start = max(body.rfind(". ", 0, start - 1), body.rfind("\n", 0, start - 1)) + 1
    return start


_RELATIVE_RE: Final = re.compile(r"[,\s]who(?:se)?\s")


# "The Democratic candidates, Hillary Clinton and Senator Bernie Sanders, have promised":
# the last name of a list set off by commas.
_LIST_OPEN_RE: Final = re.compile(
    r", [A-Z](?:[^,;:.!?\"“”\n]|(?<=\b[A-Z])\.){0,60} and (?:[A-Z][\w.’'\-]*\s+){0,2}$"
)


def _appositive_name(body: str, start: int) -> bool:
    """Whether the name at `start` opens (or ends a list that opens) a comma-set appositive."""
    return body[max(0, start - 2) : start] == ", " or bool(
        _LIST_OPEN_RE.search(body, max(0, start - 90), start)
    )


def _appositive_subject(
    body: str, mentions: list[Mention], starts: list[int], cs: int
) -> int | None:
    """A name opening its sentence and set off from the cue by a long comma-delimited
    appositive or relative clause ("Rich Heffley, a top GOP operative who played a major role
    in ... and is now running ..., said")."""
    s_start = _plain_sentence_start(body, cs)
    # ... or right after the quotation it signs ('"...," Harry Bond, 30, of Raleigh, said')
    signed = _SIGNED_OPENING_RE.match(body, s_start, cs)
    j = bisect.bisect_left(starts, signed.end() if signed else s_start)
    if j >= len(mentions) or mentions[j].start >= cs:
        return None
    m = mentions[j]
    if not (m.sentence_initial or (signed and m.start == signed.end())):
        return None
    if body.startswith(POSSESSOR_S, m.end) or cs - m.end > 400:
        return None
    gap = body[m.end : cs]
    if not APPOSITIVE_GAP_RE.fullmatch(gap) or SENTENCE_BREAK_RE.search(gap):
        return None
    return j


def _right_subject(
    body: str, mentions: list[Mention], starts: list[int], ce: int, possessor_speaks: bool = False
) -> int | None:
    """The speaker named after an inverted cue ("said Sen. X"), taking the head of a chain
    such as "said Trump campaign manager X"."""
    j = bisect.bisect_left(starts, ce)
    if j >= len(mentions) or mentions[j].start - ce > 80:
        return None
    if not right_gap_ok(body[ce : mentions[j].start]):
        return None
    while j + 1 < len(mentions):
        nxt = mentions[j + 1]
        gap = body[mentions[j].end : nxt.start]
        if nxt.start - mentions[j].end > 60 or not _role_chain(gap):
            break
        j += 1
    if not possessor_speaks and body.startswith(POSSESSOR_S, mentions[j].end):
        # "said Rubio's deputy campaign manager, Rich Beeson": the one holding the role; "The
        # lawmaker, ..., said Trump's remarks have ...": a reported clause, no inverted speaker
        k = j + 1
        role = (
            _POSSESSED_ROLE_RE.fullmatch(body, mentions[j].end, mentions[k].start)
            if k < len(mentions)
            else None
        )
        if role is not None and role.group(1).lower() in ROLE_WORDS:
            return k
        return None
    return j


# A description after an inverted cue, set off by a comma from the name it describes: "the
# bureau's director, ", "another Twitter user, ", "the ambassador at the time, ".
_DESCRIBED_RE: Final = re.compile(
    r"\s+(?:the|a|an|another|one|his|her|their|its)\s+[^,.;:!?“”\"\n()]{2,80}?,\s+"
)
_DESCRIBED_END = (".", ",", ";", "\n", ")")


def _described_after(body: str, mentions: list[Mention], starts: list[int], ce: int) -> int | None:
    """The full name closing a description after an inverted cue ("said the bureau's
    director, James Colby, on Monday"), if the name ends the phrase."""
    described = _DESCRIBED_RE.match(body, ce)
    if described is None:
        return None
    j = bisect.bisect_left(starts, described.end())
    if j >= len(mentions) or mentions[j].start != described.end() or not mentions[j].full:
        return None
    if " that " in body[ce : described.end()]:
        return None  # "told the paper that ..., X": a reported clause, not a description
    end = mentions[j].end
    return j if end == len(body) or body.startswith(_DESCRIBED_END, end) else None


_POSSESSED_ROLE_RE: Final = re.compile(r"['’]s\s+(?:[a-z][\w\-]*\s+){0,4}([a-z][\w\-]*),?\s+")


def _coordinated_after(body: str, mentions: list[Mention], idx: int) -> list[int]:
    """An inverted subject plus names listed after it: "wrote Jason Dana and Robyn Dawes"."""
    out = [idx]
    j = idx
    while j + 1 < len(mentions):
        gap = body[mentions[j].end : mentions[j + 1].start]
        if gap not in (" and ", ", and ", ", "):
            break
        out.append(j + 1)
        j += 1
    if len(out) > 1 and body[mentions[out[-2]].end : mentions[out[-1]].start] == ", ":
        out = out[:1]  # "said X, Y": an appositive place or title, not a list of speakers
    return out


def _role_chain(gap: str) -> bool:
    """Gap of role words only, as in "Trump campaign manager" before the head name, or a
    short lower-case noun phrase ("Cruz constituent Dan Golvach")."""
    possessive = gap.startswith(POSSESSOR_S)
    for possessor in POSSESSOR_S:
        gap = gap.replace(possessor, " ")
    words = gap.split()
    if not words:
        return possessive  # "said Florida's Rick Wilson": the place is the name's possessor
    if any(not _CHAIN_WORD_RE.fullmatch(w) for w in words):
        return False
    if len(words) <= 2 and all(w.islower() and w not in _CHAIN_STOP for w in words):
        return True
    # "said Oversight ranking Democrat Elijah Cummings"
    return all(
        w.lower().strip(".") in ROLE_WORDS or w in ROLE_MODIFIERS or w[0].isupper() for w in words
    )


_CHAIN_WORD_RE: Final = re.compile(r"[A-Za-z][a-z\-]*|[A-Z][a-z]{0,3}\.")
_CHAIN_STOP: Final = frozenset(
    "of in on at to for from with by and or the a an as than that who which said says".split()
)


_OF_PLACE_RE: Final = re.compile(r"^\s+of\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}(?=,? and )")
_AND_ROLE_RE: Final = re.compile(r",? and ([^,]{2,40}) ")


def _coordinated(body: str, mentions: list[Mention], idx: int) -> list[int]:
    """A subject plus names coordinated before it: "Trump and Pence said"."""
    out = [idx]
    j = idx
    while j > 0:
        prev = mentions[j - 1]
        gap = _OF_PLACE_RE.sub("", TAG_RE.sub("", body[prev.end : mentions[j].start]))
        if gap not in (" and ", ", and ") and not (gap == ", " and len(out) > 1):
            # "state Senate leader Phil Berger and House Speaker Tim Moore said"
            lead = _AND_ROLE_RE.fullmatch(gap)
            if not (lead and _role_chain(lead.group(1))):
                break
        out.append(j - 1)
        j -= 1
    return out


_HEAD_WORD_RE: Final = re.compile(r"[A-Z][\w’'\-]+")
_HEAD_PREP_RE: Final = re.compile(r"\s(?:to|at|on|in|for|with|about)\s")
_HEAD_LOWER_RE: Final = re.compile(r"\b[a-z]")
_HEAD_SUBJECT_END_RE: Final = re.compile(r"[\w’'\-]\s+$")
# Names listed as the subject opening a headline, right before its verb: "Lavrov, Wang Yi
# discuss" (but "Graham slams Trump, praises Clinton" lists verbs).
_HEAD_SUBJECTS_RE: Final = re.compile(
    r"^(?:[A-Z][\w’'.\-]*\s+)*[A-Z][\w’'.\-]*(?:,\s+|\s+(?:and|And|&)\s+)"
    r"(?:[A-Z][\w’'.\-]*(?:,\s+|\s+(?:and|And|&)\s+|\s+))+$"
)
_HEAD_LIST_RE: Final = re.compile(r",\s+|\s+(?:and|And|&)\s+")


def headline_subjects(title: str) -> list[list[str]]:
    """Capitalised words of each headline phrase that speaks: the name before a headline colon
    ("Trump: ..."), the subjects of a cue verb ("Trump says ...", "Lavrov, Wang Yi discuss
    ...", "Clinton campaign calls ...") or the source after a closing dash ("... - Grachyov")."""
    segments = []
    colon = HEADLINE_COLON_RE.match(title)
    if colon and len(colon.group(1).split()) <= 6 and not HEADLINE_CUE_RE.search(colon.group(1)):
        lead = _HEAD_PREP_RE.split(colon.group(1))[0]
        if not _HEAD_LOWER_RE.search(lead):  # a name phrase, not a clause ("X heckles Y:")
            segments.append(lead)
    for cue in HEADLINE_CUE_RE.finditer(title):
        listed = _HEAD_SUBJECTS_RE.match(title, 0, cue.start())
        if listed:
            segments.extend(_HEAD_LIST_RE.split(listed.group().strip()))
            continue
        words = _HEAD_WORD_RE.findall(title[max(0, cue.start() - 40) : cue.start()])
        if words and _HEAD_SUBJECT_END_RE.search(title, 0, cue.start()):
            segments.append(words[-1])
    source = HEADLINE_SOURCE_RE.search(title)
    if source:
        segments.append(source.group(1))
    return [_HEAD_WORD_RE.findall(seg) for seg in segments]
