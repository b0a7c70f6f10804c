"""Stage 6: what each person said, cut from the text, and how many statements each made.

A linked cue's statement is the adjacent direct quotation, or else the reported clause; a
quotation left without a cue goes to the one person its paragraph names as a subject (cue "");
a headline's statement counts for the person it names, but has no offsets in the body.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Final

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.cues import TELL_RE, TWEET_HANDLE, narration_cue, quote_closes
from search.extract.attribution.lexicon import ROLE_WORDS
from search.extract.attribution.linking import Link
from search.extract.attribution.names import Mention
from search.extract.attribution.sources import Source
from search.extract.attribution.spans import Sentences, inside, quote_type
from search.extract.attribution.turns import Turn
from search.extract.vocabulary import POSSESSIVE_RE, TITLE_ABBREVIATIONS


@dataclass(slots=True)
class Statement:
    """What was said (body offsets), through which cue and by whom: a person (`cluster`) or a
    source that names none (`source`), and the person spoken for (`principal`, a cluster)."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    how: str  # the link's kind (linking.Link.how), or "paragraph" / "transcript"
    cluster: int | None
    source: Source | None = None
    principal: int | None = None
    distance: int = 0  # characters between the subject and the statement
    subject: int = -1  # where the subject's phrase starts (-1: no cue linked it)


def cue_statements(
    body: str,
    links: list[Link],
    dropped: set[int],
    quotes: list[tuple[int, int]],
    cluster_of: dict[int, int],
    sents: Sentences,
) -> list[Statement]:
    """Turn resolved links into statements, in text order.

    A statement belongs to the first cue that claims it, shared only by subjects coordinated on
    that same cue ("A and B said"); a pronoun cue inside an earlier statement is part of it. A
    name inside the subject's phrase ("Clinton" in "Gene Sperling, a Clinton adviser, said")
    does not say it too.
    """
    owner: dict[tuple[int, int], int] = {}  # statement span -> cue start of its first link
    out: dict[tuple[int, int, int], Statement] = {}
    for lk in links:
        if lk.extra or lk.how == "nominal":
            continue  # "Sanders' remarks on ...": whose words follow is seldom clear
        person = lk.cluster is not None and lk.cluster not in dropped
        if not person and lk.source is None:
            continue
        if lk.mention is None and any(s <= lk.cue_start < e for s, e in owner):
            continue
        span = _statement_span(body, lk, quotes, sents)
        if (
            span is not None
            and (lk.how == "nominal" or narration_cue(body, lk.cue_start, lk.cue_end))
            and quote_type(body, *span, quotes) == "indirect"
        ):
            continue  # narration: "Trump sought to ...", "Sanders' remarks on ..."
        if (
            span is not None
            and _free_relative_before(body, lk.subj_start)
            and quote_type(body, *span, quotes) == "indirect"
        ):
            continue  # "what Trump says his plan would do", "Everything Trump says is a lie"
        who = lk.cluster if person and lk.cluster is not None else -1 - lk.subj_start
        if span is None or (*span, who) in out:
            continue
        if owner.setdefault(span, lk.cue_start) != lk.cue_start:
            continue
        principal = lk.principal if lk.principal is None else cluster_of.get(lk.principal)
        if lk.source is not None and lk.source.principal is not None:
            principal = cluster_of.get(lk.source.principal)
        distance = max(0, span[0] - lk.subj_end, lk.subj_start - span[1])
        out[(*span, who)] = Statement(
            *span,
            lk.cue_start,
            lk.cue_end,
            lk.how if person or lk.role is None else "source",
            lk.cluster if person else None,
            None if person else lk.source,
            principal if principal not in dropped else None,
            distance,
            lk.subj_start,
        )
    return _outermost(body, sorted(out.values(), key=lambda st: st.start))


# Before a subject, the head of a free relative: what follows the cue is no statement.
_FREE_RELATIVE_RE: Final = re.compile(
    r"\b(?:[Ww]hat|[Ww]hatever|[Ee]verything|[Aa]nything)\s+(?:[A-Z][\w.’'-]*\s+){0,2}$"
)
# What may stand between a reported clause's start and its subject's name: a time ("last
# year"), a title ("Governor", "former Sen.").
_CLAUSE_SUBJECT_GAP_RE: Final = re.compile(
    r"(?:(?:last|this|next|on|in)\s+\w+\s+)?(?:(?:the|former|then)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}"
)


def _free_relative_before(body: str, start: int) -> bool:
    """Whether "what", "whatever", "everything" or "anything" heads the subject at `start`:
    the words tested first, without the pattern."""
    window = body[max(0, start - 40) : start]
    return ("hat" in window or "thing" in window) and bool(
        _FREE_RELATIVE_RE.search(body, max(0, start - 40), start)
    )


def _outermost(body: str, statements: list[Statement]) -> list[Statement]:
    """The statements whose subject opens no other one's reported clause: in "Earnest said that
    Obama has long called for tax fairness", what follows "called" is what Earnest said."""
    out = []
    for st in statements:
        if st.subject < 0 or not any(
            o is not st
            and st.cue_end <= o.end
            and _CLAUSE_SUBJECT_GAP_RE.fullmatch(body, o.start, st.subject) is not None
            for o in statements
            if o.start <= st.subject
        ):
            out.append(st)
    return out


def paragraph_statements(
    body: str,
    quotes: list[tuple[int, int]],
    statements: list[Statement],
    mentions: list[Mention],
    cluster_of: dict[int, int],
    dropped: set[int],
) -> None:
    """A direct quotation left without a cue goes to the one person its paragraph names
    outside quotation marks, provided that person opens a sentence there (Muzny et al.'s
    paragraph sieve, restricted to subjects)."""
    taken = [(st.start, st.end) for st in statements]
    breaks = [m.start() for m in re.finditer("\n", body)]
    named: dict[int, set[int]] = {}  # paragraph -> clusters named outside quotes
    subjects: dict[int, set[int]] = {}  # paragraph -> clusters opening a sentence
    for i, cid in cluster_of.items():
        m = mentions[i]
        if inside(m.start, quotes):
            continue
        para = bisect.bisect(breaks, m.start)
        named.setdefault(para, set()).add(cid)
        if m.sentence_initial:
            subjects.setdefault(para, set()).add(cid)
    for qs, qe in quotes:
        if len(body[qs:qe].split()) < 4 or any(s <= qs < e or qs <= s < qe for s, e in taken):
            continue
        before = _continued(body, statements, qs)
        if before is not None:  # '"...," Chaffetz said. "I think it is the way ..."'
            span = _trim(body, qs, qe)
            if span:
                statements.append(Statement(*span, span[0], span[0], "continued", before.cluster))
                taken.append(span)
            continue
        para = bisect.bisect(breaks, qs)
        people = named.get(para, set())
        if len(people) != 1 or people != subjects.get(para) or next(iter(people)) in dropped:
            continue
        cid = next(iter(people))
        span = _trim(body, qs, qe)
        if span:
            statements.append(Statement(*span, span[0], span[0], "paragraph", cid))
    statements.sort(key=lambda st: st.start)


_CONTINUED_GAP_RE: Final = re.compile(
    r"[\"”'’,.!?\s]*(?:(?:[A-Z][\w.’'-]*\s+|(?:former|an?|the)\s+[\w’'-]+\s+){0,4}(?:said|says|adds|continued|[a-z]{3,}ed|explains|told\s+\S+)"
    r"(?:\s+(?:on\s+)?\w+day)?|(?:said|says|added|adds)\s+(?:[A-Z][\w.’'-]*\s*){1,4})"
    r"[.,]?\s*[\"“'‘]*$"
)


def _continued(body: str, statements: list[Statement], qs: int) -> Statement | None:
    """The person's statement a quotation goes on from, in the same paragraph, with only the
    signature between them ('"...," Chaffetz said. "I think ..."').
    """
    last = None
    for st in statements:  # in text order: the last person's statement ending before qs
        if st.start >= qs:
            break
        if st.end <= qs and st.cluster is not None and (last is None or st.end > last.end):
            last = st
    if last is None:
        return None
    gap = body[last.end : qs]
    if "\n" in gap or len(gap) > 80 or last.how not in ("cue", "inverted", "continued"):
        return None
    return last if _CONTINUED_GAP_RE.fullmatch(gap) else None


def turn_statements(
    body: str,
    turns: list[Turn],
    statements: list[Statement],
    mentions: list[Mention],
    cluster_of: dict[int, int],
    dropped: set[int],
) -> list[Statement]:
    """Each transcript turn as a statement of the one its label names; statements cut from
    inside a turn give way to it."""
    by_start = {m.start: i for i, m in enumerate(mentions)}
    out = [st for st in statements if not any(t.start <= st.start < t.end for t in turns)]
    for t in turns:
        cid = cluster_of.get(by_start.get(t.label_start, -1))
        if cid is not None and cid not in dropped:
            colon = t.label_end
            out.append(Statement(t.start, t.end, colon, colon + 1, "transcript", cid))
    return sorted(out, key=lambda st: st.start)


def headline_speakers(
    subjects: list[list[str]], clusters: list[Cluster], dropped: set[int]
) -> list[int]:
    """People of the body who speak in the headline, from the words of its speaking phrases
    (`linking.headline_subjects`), each read from its end. A headline name found nowhere in the
    body is not trusted."""
    if not subjects:
        return []
    by_name: dict[str, int] = {}
    firsts: Counter[str] = Counter()
    for cid, c in enumerate(clusters):
        if cid not in dropped:
            by_name.setdefault(c.surname, cid)
            if c.first_name:
                firsts[c.first_name] += 1
    for cid, c in enumerate(clusters):
        first = c.first_name
        if cid not in dropped and first and firsts[first] == 1:
            by_name.setdefault(first, cid)
    out: list[int] = []
    for seg_words in subjects:
        for word in reversed(seg_words):
            named = by_name.get(POSSESSIVE_RE.sub("", word).lower())
            if named is not None:
                if named not in out:
                    out.append(named)
                break
    return out


_QUOTE_LEADS: Final = frozenset({"", "that", "as"})  # "said that “...”", "described it as “...”"
_TIME_RE: Final = re.compile(
    r"\s*(?:(?:on|in|at|during|last|this|late|earlier|early)\s+[\w’'\-]+(?:\s+(?!(?:that|whether|if|he|she|they|it|we|I|you)\b)[\w’'\-]+){0,3}\s*"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s*)?[:,]?\s*"
)
_ADVERBIAL_RE: Final = re.compile(
    r"(?:at|in|on|during|after|before|while|as|to|from|of|for|with|about|when|earlier|later|"
    r"last|this|through|via|by|outside|inside|afterward|afterwards|yesterday|today|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|under|over|against|into|without|amid|"
    r"among|across|around|toward|towards|upon|within|like|since|until|behind|beyond|despite|"
    r"near|repeatedly|recently|publicly|privately|again)\b"
)
_LEAD_TRIM_RE: Final = re.compile(r"^(?:[\s,:;—–-]|that\s)+")
_TAIL_TRIM = ",:;.—–-"  # and spaces
_OBJECT_RE: Final = re.compile(
    r"\s*(?:(?:to\s+)?(?:reporters|the\s+media|journalists|the\s+crowd|supporters|the\s+audience|"
    r"him|her|them|us|me|(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*|the\s+\w+)\s*)?"
    r"(?:(?:on|in|at|during|last|this|late|earlier|early)\s+[\w’'\-]+(?:\s+(?!(?:that|whether|if|he|she|they|it|we|I|you)\b)[\w’'\-]+){0,3}\s*)?[:,]?\s*"
)


def _without_role(text: str) -> str:
    """A reported clause without the speaker's role that ends it: "..., Russian presidential
    spokesman" (before "Dmitry Peskov has told the media") keeps only what was said."""
    head, comma, tail = text.rpartition(",")
    words = tail.split()
    # "..., Russian presidential spokesman", "..., Russian Ambassador to Japan"
    if comma and 0 < len(words) <= 6 and any(w.lower() in ROLE_WORDS for w in words):
        return head
    return text


# "X told reporters ..." with no "that": in wire copy the statement came before the speaker.
_TOLD_RE: Final = re.compile(r"told\s+(?:reporters|journalists|the\s+media|[A-Z][A-Za-z]+\b)")
# What opens a clause of its own: after "told X", the statement ("told reporters he would");
# before the speaker, a circumstance ("If Trump wins, ...", "Speaking on radio, ...").
_CLAUSE_OPENING_RE: Final = re.compile(r"(?:(?:that|he|she|they|it|we|i)\b|[\"“])", re.I)
_OPENING_CLAUSE_RE: Final = re.compile(
    r"(?:if|though|although|because|while|when|whether|unless|since|what|speaking|asked|but"
    r"|and|yet|so|or)\b|\w+(?:ing|ed)\b"
)


def _reported_before(before: str) -> bool:
    """Whether the sentence opens with the statement, set off by a comma from its speaker
    ("Russia is ready to return to the deal, Russian Deputy Foreign Minister X told reporters
    following consultations with Y"), rather than with a time, a circumstance or a clause of
    its own ("After the meeting in Geneva, X told reporters ...")."""
    clause = _without_role(before)
    first = clause.split(None, 1)[0].lower() if clause else ""
    return (
        (before.endswith(",") or clause != before)
        and len(clause.split()) >= 5
        and not _ADVERBIAL_RE.match(first)
        and not _OPENING_CLAUSE_RE.fullmatch(first)
    )


_TITLE_TAIL_RE: Final = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt)\.\s*)+$")
_TITLE_ENDS: Final = ("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.")


def _statement_span(
    body: str, lk: Link, quotes: list[tuple[int, int]], sents: Sentences
) -> tuple[int, int] | None:
    """Offsets of what was said: the reported clause after the cue ("said that ..."), else an
    adjacent quotation ("'...,' X said" or "X said: '...'"), else the sentence before the cue."""
    if lk.how == "dash":  # '"..." ― Carla Sanchez': the quotation the name signs
        i = bisect.bisect_left(quotes, (lk.cue_start, 0)) - 1
        if i >= 0 and not body[quotes[i][1] : lk.cue_start].strip(' \u00a0"”’.,!?'):
            return _trim(body, *quotes[i])
        if body.startswith(TWEET_HANDLE, lk.subj_end):
            return _tweet(body, lk.cue_start)
        return None
    lo, hi = min(lk.cue_start, lk.subj_start), max(lk.cue_end, lk.subj_end)
    s_start, s_end = sents.bounds(hi - 1)
    obj = (_OBJECT_RE if TELL_RE.match(body, lk.cue_start) else _TIME_RE).match(body, hi, s_end)
    rest = obj.end() if obj else hi
    # The first quotation opening after `rest` (one opening before it cannot follow the cue).
    after = bisect.bisect_right(quotes, (rest, sys.maxsize))
    if after < len(quotes):
        qs, qe = quotes[after]
        mark = qs - (2 if body[qs - 2 : qs] == "''" else 1)  # NYT's ''...'' opens with two
        gap = body[rest:mark]
        if mark >= rest and len(gap) <= 5 and "\n" not in gap and gap.strip() in _QUOTE_LEADS:
            return _trim(body, qs, qe)
    inverted = lk.subj_start > lk.cue_start
    before = body[s_start:lo]
    if before.rstrip().endswith(_TITLE_ENDS):  # told without a pattern, as it mostly does not
        before = _TITLE_TAIL_RE.sub("", before)  # "..., Mr. Holtz-Eakin said"
    before = before.rstrip()
    if (
        not inverted
        and _TOLD_RE.match(body, lk.cue_start)
        and not _CLAUSE_OPENING_RE.match(body, rest)
        and _reported_before(before)
    ):
        return _trim(body, s_start, s_start + len(_without_role(before)))
    signed = _signed_quote(body, quotes, s_start, lo)
    fronted_quote = _fronted(body, s_start, lo if signed is None else signed[0])
    if signed is not None and not fronted_quote:
        return _trim(body, *signed)  # '"...," Mr. Trump said recently in New York'
    if not inverted and rest < s_end and _ADVERBIAL_RE.match(body, rest):
        that = _THAT_AFTER_RE.match(body, rest, s_end)  # "has said from the start that ..."
        if that:
            rest = that.end()
    if (
        not inverted
        and rest < s_end
        and body[rest].isalnum()
        and "," not in body[hi:rest]  # "..., he said, adding ...": the quotation is the statement
        # '"...," X told TV channel Y' (a quotation closing the paragraph before signs nothing)
        and not (quote_closes(body, lo) and "\n" not in body[lo - 4 : lo] and not fronted_quote)
        and len(body[rest:s_end].split()) > 2
        and not _ADVERBIAL_RE.match(body, rest)
        and _CLAUSE_START_RE.match(body, rest)
    ):
        fronted = _SUBORDINATE_RE.match(body[s_start:lo].lstrip()) is not None
        return _reported(body, rest, s_end, fronted)
    # From the last quotation opening before `lo` back (one opening after it ends after it).
    for qs, qe in reversed(quotes[: bisect.bisect_left(quotes, (lo, -1))]):
        gap = body[qe + (2 if body[qe] == "'" else 1) : lo]
        if (
            qe < lo
            and "\n" not in gap
            and (
                re.fullmatch(r"[\s,—–-]*", gap)
                or (
                    body[qe - 1] in ",?!"  # '"Why?" reporter X asked'
                    and re.fullmatch(r"[^\"“”!?]{0,80}", gap)
                    and not re.search(r"[a-z]{3}\.\s", gap)
                )
            )
        ):
            return _trim(body, qs, qe)
        if qe < lo:
            break
    clause = _without_role(before)  # "..., EU foreign policy chief Marta Lindqvist said"
    set_off = clause != before or before.endswith((",", "”", '"', "'", "—", "–"))
    if before.endswith(",") and body[lk.subj_end : lk.cue_start] == ", ":
        # A name set off by commas right before its cue is an apposition to the words before
        # it, which describe the speaker: "One Republican hopeful, Carly Fiorina, says ..."
        # has no statement before it; "..., his top aide, Tad Devine, told" has one before the
        # description.
        cut = clause.rstrip(", ").rfind(", ")
        clause = clause[:cut] if cut > 0 else ""
    closing = len(body[hi:s_end].split()) <= 4
    if set_off and clause and _statement_before(clause, closing):
        return _trim(body, s_start, s_start + len(clause))  # "..., Peskov said."
    if inverted and _APPOSITIVE_RE.match(body, hi) and not _ACCORDING_RE.match(body, lk.cue_start):
        # "..., said Michael Hale, a senior fellow at ...": what follows is who he is
        return _trim(body, s_start, s_start + len(clause)) if set_off else None
    # A short reported clause ("Flake said he would.") still states something.
    short = 1 if lk.mention is not None else 2
    if len(body[rest:s_end].split()) <= short:
        return None
    if _BY_AGENT_RE.search(body, lk.cue_start, lk.cue_end):
        # "When pressed by Holt about how he would ..., Trump said": the question ends at the
        # fronted clause's comma.
        about = _ABOUT_RE.match(body, rest)
        rest = about.end() if about else rest
        opening = body[s_start:lo].lstrip()
        fronted = not opening or _SUBORDINATE_RE.match(opening) is not None
        return _reported(body, rest, s_end, fronted)
    return _reported(body, rest, s_end)


_BY_AGENT_RE: Final = re.compile(r"\sby$")  # "asked by", "pressed by": the agent asked
_ABOUT_RE: Final = re.compile(r"\s*(?:about\s+|on\s+)?")


# An appositive after a name: ", a senior fellow at ...", ", director of ...".
_APPOSITIVE_RE: Final = re.compile(r",\s+(?!and\b|but\b|or\b)[a-z]")
_ACCORDING_RE: Final = re.compile(r"according", re.I)  # "According to him, the port will ..."
# A reported clause opens with a subject, "that", "if" or a quotation, not with a bare verb or
# a preposition ("said during his speech to be a delegate").
_CLAUSE_START_RE: Final = re.compile(
    r"(?:that|he|she|they|it|we|i|you|there|this|these|those|the|a|an|his|her|their|its|our"
    r"|my|no|not|if|whether|when|what|how|why|all|some|many|most|both|every|each|any|one|only"
    r"|nothing|everyone|everybody|nobody|people|[A-Z0-9“\"'‘$])",
    re.I,
)
_THAT_AFTER_RE: Final = re.compile(r"[^,;:.!?\"“”]{0,60}?\bthat\s+")
_OPENS_WITH_CIRCUMSTANCE_RE: Final = re.compile(
    r"(?:on|in|at|during|after|before|while|as|when|since|until|by|from|for|with|without|at"
    r"|under|over|amid|despite|following|earlier|later|last|then|but|and|so|yet|or|his"
    r"|her|their|its|[a-z]+ing|asked"
    # "This week, ...", but not "This has been a concern, X said."
    r"|th(?:is|at|ese|ose)\s+(?:morning|afternoon|evening|night|week|weekend|month|year|spring"
    r"|summer|fall|autumn|winter|time|season|cycle|past))\b",
    re.I,
)


def _signed_quote(
    body: str, quotes: list[tuple[int, int]], s_start: int, lo: int
) -> tuple[int, int] | None:
    """The quotation a speaker signs from after it in the same sentence: '"...," Maricopa
    County Recorder Helen Purcell said during a hearing' (a comma, ? or ! closing it, and no
    more than a role and a name between it and the speaker)."""
    i = bisect.bisect_left(quotes, (lo, 0)) - 1
    if i < 0:
        return None
    qs, qe = quotes[i]
    if qs < s_start - 1 or body[qe - 1] not in ",?!":
        return None
    # a title's stop ("Mr.", "Sen.") before the signer ends no sentence
    gap = _TITLE_STOP_RE.sub(" ", body[qe:lo].lstrip("\"”’' "))
    return (qs, qe) if len(gap.split()) <= 6 and not _SENTENCE_MARK_RE.search(gap) else None


_SENTENCE_MARK_RE: Final = re.compile(r"[.!?;:\"“”]")
_TITLE_STOP_RE: Final = re.compile(r"\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.\s*")


def _tweet(body: str, dash: int) -> tuple[int, int] | None:
    """An embedded tweet's words: its paragraph up to the signing dash, less the links and a
    shouted site banner after them ("... above the law. pic.twitter.com/x SIGN UP FOR OUR
    NEWSLETTER — Paul Ryan (@SpeakerRyan)")."""
    start = body.rfind("\n", 0, dash) + 1
    words = body[start:dash].split()
    while words and (words[-1].isupper() or _LINK_RE.match(words[-1])):
        words.pop()
    if len(words) < 3:
        return None
    end = body.index(words[-1], start) + len(words[-1])
    link = _LINK_RE.search(body, start, end)  # a link glued to the words ("too.https://...")
    return _trim(body, start, link.start() if link is not None else end)


_LINK_RE: Final = re.compile(r"(?:https?://|pic\.twitter\.com/)\S*")


def _fronted(body: str, s_start: int, qs: int) -> bool:
    """Whether the words before a quotation open its sentence with a circumstance, so that
    the quotation is a show's name or a question echoed, not the statement signed after it:
    'On ABC's "This Week," Rubio said that ...', 'Asked why ... on "CBS This Morning," Sanders
    said he ...'."""
    opening = body[s_start:qs]
    if opening.count("“") != opening.count("”") or opening.count('"') % 2:
        return False  # the sentence opens inside a quotation
    if "," in _QUOTED_RE.sub("", opening):
        return False  # a clause of its own ("After X accused him, he warned, "...,"")
    words = opening.split(None, 1)
    first = words[0].strip("\"“‘'") if words else ""
    if not first:
        return False
    return bool(_ADVERBIAL_RE.fullmatch(first) or _FRONTED_WORD_RE.fullmatch(first.lower()))


_QUOTED_RE: Final = re.compile(r"[“\"][^“”\"]*[”\"]")
_FRONTED_WORD_RE: Final = re.compile(
    r"on|in|at|during|after|before|while|to|from|for|with|asked|speaking|appearing|"
    r"interviewed|writing|responding|earlier|later|last|this"
)


def _statement_before(before: str, closing: bool = False) -> bool:
    """Whether the words set off before a speaker ("..., X said") are a statement, not a
    circumstance or a clause left open ("On Tuesday, at the camp, X pleaded", "His speech —
    in which he joked")."""
    clause = before.rstrip(",”\"'—– ")
    if len(clause.split()) < 2:
        return False
    if not _OPENS_WITH_CIRCUMSTANCE_RE.match(clause.lstrip("“\"'")):
        return True
    words = clause.lstrip("“\"'").split()
    if (
        closing
        and words[0].lower() in _POSSESSIVE_OPENERS
        and len(words) >= 5
        and not any(w.endswith(("ing", "ed")) for w in words[1:3])
        and "—" not in clause
        and "–" not in clause
    ):
        return True  # "His endorsement could matter more ..., said strategist X." (not "His
        # voice breaking, X said" nor "His speech — in which he joked")
    # A fronted phrase with a main clause after its comma, signed at the sentence's close, is
    # a statement: "After two decades in Congress, Sanders plans to remain a Democrat, Devine
    # said."
    return closing and any(
        len(part.split()) >= 4
        and not _OPENS_WITH_CIRCUMSTANCE_RE.match(part)
        and _MAIN_SUBJECT_RE.match(part) is not None
        for part in clause.split(", ")[1:]
    )


_POSSESSIVE_OPENERS: Final = frozenset({"his", "her", "their", "its"})
# The subject opening a main clause after a fronted phrase: a name or a pronoun ("..., Sanders
# plans to ...", "..., he still remains ..."), not an apposition ("..., the third day of ...").
_MAIN_SUBJECT_RE: Final = re.compile(r"[A-Z]|(?:he|she|they|it|we)\s")


# Where a reported clause gives way to what the narrator adds: a contrast (", but he called
# ..."), a participle of its own (", saying ...", ", crediting her with ..."), a dash
# parenthesis, a new clause (", and she ...") or another source (", according to ...").
_CUT_AFTER_COMMA = (
    r"\s+(?:but|although|though|while|whereas|according\s+to|a\s+(?:recommendation|reference"
    r"|claim|charge|move|view|position|statement|point)\b|and\s+(?:he|she|they|it|his|her|their"
    r"|the|then|also)\b|(?!including\b|during\b)(?:[a-z]+ly\s+)?[a-z]+ing\b"
    r"|(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|added|adds|told|wrote|noted)\b)"
)
# "... and warned against ...", "... but has said ...", "... and Democrats accused ...": a
# second statement, coordinated (after a comma or a space).
_CUT_SECOND_STATEMENT = (
    r"(?:and|but)\s+(?:(?:[A-Z][\w.’'-]*\s+){1,3})?(?:(?:has|have|had|also|then|later)\s+)*"
    r"(?:said|says|warned|warns|added|adds|suggested|suggests|accused|insisted|argued|noted"
    r"|promised|vowed|called|urged|told|asked|described|criticized|blasted|praised|attempted"
    r"|claimed|stressed)\b"
)
# Each alternative is written after its first character, which the pattern matches first by a
# set (a comma, a semicolon or a space) and tells apart by a look-behind, so that `re` skips to
# those at C speed instead of trying every alternative at every position. At a position, the
# alternatives are tried in the order they were first written in:
#   ,\s+(?:but|...)|;\s|\s[-—–]\s|\s+—|,?\s+(?:and|but)\s+...said...|,\s+(?:which|...)\s
#   |\s+but\s+(?:has|...)\s|,\s+(?:yet|...)\s|\s―\s|\s+―|(?<=,[”"])\s+(?:but|...)\b
_CLAUSE_CUT_RE: Final = re.compile(
    r"[,;\s](?:(?<=,)(?:"
    + _CUT_AFTER_COMMA
    + r"|\s+"
    + _CUT_SECOND_STATEMENT
    # what the narrator says of the object: ", which he argued ...", ", who ...", ", a
    # longstanding provision ..."
    + r"|\s+(?:which|who|whom|whose|where|with\s+whom|a|an)\s"
    # a second deed of the subject (", yet refuses to"), or the narrator going on (", further
    # raising ...", ", not that ...")
    + r"|\s+(?:yet|further|not\s+that)\s)"
    + r"|(?<=;)\s"
    # after a space: a dash parenthesis, a second statement, "but has ...", a bar, and after a
    # quotation closed on its comma ('... a “terrible situation,” but stopped short')
    + r"|(?<=\s)(?:[-—–]\s|\s*—|\s*"
    + _CUT_SECOND_STATEMENT
    + r"|\s*but\s+(?:has|have|had|is|was)\s|―\s|\s*―"
    + r"|(?<=,[”\"]\s)\s*(?:but|although|though|while|and\s+(?:he|she|they|then|also))\b))"
)
# Where and how it was said, after the words, or what the subject did next: "... in early-morning
# tweets", "... in a statement on Thursday", "... Wednesday on The Laura Ingraham Show", "a veto
# and attempted to ...". Unlike _CLAUSE_CUT_RE, it may leave a single word ("Machado").
_CIRCUMSTANCE_RE: Final = re.compile(  # written after its first character, as _CLAUSE_CUT_RE is
    r"[,\s](?:(?<=,)\s+and\s+(?:then\s+)?[a-z]{3,}ed\s"
    r"|(?<=\s)(?:\s*and\s+(?:then\s+)?[a-z]{3,}ed\s"
    r"|\s*(?:in|during|at)\s+(?:(?:a|an|his|her|their|its|the|last\s+week’?'?s|[\w-]+-morning)"
    r"\s+)?(?:[\w’'-]+\s+){0,3}?(?:statement|interview|speech|tweets?|post|appearance|rally|stop"
    r"|diatribe|forum|hearing|op-ed|town\s+hall|press\s+conference|news\s+conference|broadcast"
    r"|segment|remarks|campaign\s+event)s?\b"
    r"|\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:on|in|at|during)\s))"
)
# A clause fronted before the main one ("When Trump suggested that Cuba would sue, Rubio fired
# back"): what it reports ends at its comma.
_SUBORDINATE_RE: Final = re.compile(
    r"(?:When|After|As|While|Although|Though|Because|If|Since|Before)\s"
)


def _reported(body: str, start: int, end: int, fronted: bool = False) -> tuple[int, int] | None:
    """A reported clause, cut where the narrator takes over (see _CLAUSE_CUT_RE), or at its
    first comma in a `fronted` subordinate clause."""
    if fronted:
        comma = body.find(", ", start, end)
        end = comma if comma > 0 else end
    cut = _CLAUSE_CUT_RE.search(body, start, end)
    while cut is not None and len(body[start : cut.start()].split()) < 3:
        cut = _CLAUSE_CUT_RE.search(body, cut.end(), end)
    if cut is not None and not _open_quote(body, start, cut.start()):
        end = cut.start()
    where = _CIRCUMSTANCE_RE.search(body, start, end)
    if where is not None and where.start() > start and not _open_quote(body, start, where.start()):
        end = where.start()
    return _trim(body, start, end)


def _open_quote(body: str, start: int, end: int) -> bool:
    """Whether a quotation opened in [start, end) is still open at `end`."""
    text = body[start:end]
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span past separators, a leading "that" and unbalanced quote marks."""
    text = body[start:end]
    lead = _LEAD_TRIM_RE.match(text)
    if lead:
        start += lead.end()
    while end > start and (body[end - 1] in _TAIL_TRIM or body[end - 1].isspace()):
        end -= 1  # what _TAIL_TRIM_RE ([\s,:;.—–-]+$) would cut, told without a pattern
    while start < end and body[start] in "“”\"'’ ":
        start += 1
    while end > start and body[end - 1] in "“”\"' ,":
        if body[end - 1] in '”"' and _open_quote(body, start, end - 1):
            break  # 'a “disgrace”': the mark closes a quotation the words hold
        end -= 1
    return (start, end) if end - start >= 2 else None
