"""Speakers, quotes and people mentioned in a news article body, by deterministic rules.

Pipeline (after Muzny et al., EACL 2017, "A two-stage sieve approach for quote attribution"):
1. find capitalised name candidates (people_names), keeping the role words in front of them;
2. link every cue verb ("said", "told", "according to") to its grammatical subject: a name just
   before it, a name just after it when inverted ("...," said X), or "he"/"she", which goes to
   the most recent person standing as a subject; a colon ('Gowdy: "..."'), a signature dash
   ('..." ― Carla Sanchez') or a possessive statement noun ("Sanders' remarks") cue too;
3. merge mentions into people within the article: surname-only and first-name-only mentions join
   the full name, and a surname one edit away from a known one ("Pskov" for "Peskov") too;
4. cut each statement: the adjacent direct quotation, or else the reported clause; a quotation
   left without a cue goes to the one person its paragraph names as a subject (cue "").
No model and no network; the project's gazetteer is only read to veto place names.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from search.extract.gazetteer import fold, gazetteer
from search.extract.people_lexicon import FIRST_NAMES, NON_PERSON_SOURCES, ROLE_WORDS
from search.extract.people_names import POSSESSIVE_RE, Mention, find_mentions, is_place
from search.extract.quotes_cues import (
    APPOSITIVE_GAP_RE,
    CUE_RE,
    HEADLINE_CUE_RE,
    INVERTING_CUES,
    NOMINAL_CUE_RE,
    PRONOUN_RE,
    PROXY_GAP_RE,
    Sentences,
    inverted_cue_position,
    last_words,
    left_gap_ok,
    quote_spans,
    right_gap_ok,
)
from search.model import Quote, Speaker


@dataclass(frozen=True)
class PeopleFindings:
    speakers: list[Speaker]  # by quote_count desc, then first appearance
    quotes: list[Quote]  # in text order
    people: list[str]  # canonical names of all persons mentioned (speakers included)
    person_spans: list[tuple[int, int]]  # body offsets of every person-name mention


@dataclass
class _Link:
    """A cue verb and the subject it was linked to (a mention index, or a pronoun)."""

    cue_start: int
    cue_end: int
    subj_start: int
    subj_end: int
    mention: int | None  # None: pronoun, resolved later
    cluster: int | None = None
    extra: bool = False  # a name inside the subject's noun phrase, not the head subject


@dataclass
class _Cluster:
    """One person within the article: all mentions that refer to them."""

    surname: str
    forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    mentions: list[int] = field(default_factory=list)

    @property
    def first_name(self) -> str | None:
        return next((f[0].lower() for f in self.forms if len(f) >= 2), None)

    def name(self) -> str:
        full = [f for f in self.forms if len(f) >= 2]
        if not full:
            return next(iter(self.forms))[0]
        best = max(full, key=lambda f: (self.forms[f], -sum(t.endswith(".") for t in f)))
        return " ".join(best)


_PREP_BEFORE_RE = re.compile(
    r"\b(?:for|of|with|to|by|from|about|against|at|on|in|into|like|under|toward|"
    r"towards|behind|between|whom|and|or|nor|versus|vs\.)\s+$"
)
_APPOSITIVE_ROLE_RE = re.compile(r",\s+(?:a|an|the)\s+([^,.;:\"“”()]{3,80}?)(?=[,.;])")
_TAG_RE = re.compile(r"\s*\([^()\n]{0,40}\)")
_AND_BEFORE_RE = re.compile(r"(?:,|\s+and)\s+$")
_QUOTE_CLOSE_RE = re.compile(r"[,?!]['\"”’]{1,2}\s+$")
_SAYS_RE = re.compile(r"\s+(?:" + "|".join(sorted(INVERTING_CUES)) + r"|continued)\b")
_NEAR_WINDOW = 260
_MAX_BACK = 3  # mentions to try, nearest first, as the subject before a cue
_PRONOUN_REACH = 1500  # chars back to look for the person "he"/"she" stands for
_WEAK_REACH = 600  # ... when that person only opens a sentence and is no cue subject


def find_people(body: str, *, title: str = "", exclude: Iterable[str] = ()) -> PeopleFindings:
    """Extract speakers, their quotes and the people mentioned in `body`.

    `exclude` names (photo credits, bylines) never become speakers or people. `title` only
    lends evidence that a capitalised word is a person; offsets always point into `body`.
    """
    mentions = _drop_tags(body, find_mentions(body))
    excluded = _excluded_keys(exclude)
    quotes = quote_spans(body)
    links = _link_cues(body, mentions, quotes)
    linked = {lk.mention for lk in links if lk.mention is not None and not lk.extra}
    title_names = {t.lower() for t in re.findall(r"[A-Z][\w'’\-]+", title)}
    clusters, cluster_of = _cluster(mentions, linked, title_names, _signing(body, mentions))
    _resolve_links(body, links, mentions, cluster_of, quotes)
    dropped = {
        cid for cid, c in enumerate(clusters) if _is_excluded(c, excluded) or _names_a_place(c)
    }
    if _honorific_style(body):
        dropped |= {cid for cid, c in enumerate(clusters) if _bare_word(c, mentions)}
    quotes_out, counts = _attribute(body, links, clusters, dropped, quotes)
    _paragraph_sieve(body, quotes, quotes_out, counts, mentions, cluster_of, clusters, dropped)
    for cid in _headline_speakers(title, clusters, dropped):
        counts[cid] += 1  # the headline's statement (offsets point into the body, so no Quote)
    first_seen = {cid: mentions[c.mentions[0]].start for cid, c in enumerate(clusters)}
    speakers = [
        Speaker(clusters[cid].name(), _role(clusters[cid], body, mentions), n)
        for cid, n in sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
    ]
    kept = [cid for cid in range(len(clusters)) if cid not in dropped]
    order = sorted(kept, key=first_seen.__getitem__)
    people = list(dict.fromkeys(clusters[cid].name() for cid in order))
    spans = sorted((mentions[i].start, mentions[i].end) for i in cluster_of)
    return PeopleFindings(speakers, quotes_out, people, spans)


# "Trump: ...", "Former AG Mukasey at RNC: ...": a short lead before a colon names the speaker.
_HEAD_COLON_RE = re.compile(r"^([^:\"“”‘’']{2,60}?):\s")
_HEAD_WORD_RE = re.compile(r"[A-Z][\w’'\-]+")
_HEAD_PREP_RE = re.compile(r"\s(?:to|at|on|in|for|with|about)\s")
_HEAD_LOWER_RE = re.compile(r"\b[a-z]")
_HEAD_SUBJECT_END_RE = re.compile(r"[\w’'\-]\s+$")


def _headline_speakers(title: str, clusters: list[_Cluster], dropped: set[int]) -> list[int]:
    """People of the body who speak in the headline: a name before a headline colon, or the
    subject of a cue verb ("Trump says ...", "Clinton calls ..."). A headline name found
    nowhere in the body is not trusted."""
    segments = []
    colon = _HEAD_COLON_RE.match(title)
    if colon and len(colon.group(1).split()) <= 6 and not HEADLINE_CUE_RE.search(colon.group(1)):
        lead = _HEAD_PREP_RE.split(colon.group(1))[0]
        if not _HEAD_LOWER_RE.search(lead):  # a name phrase, not a clause ("X heckles Y:")
            segments.append(lead)
    for cue in HEADLINE_CUE_RE.finditer(title):
        words = _HEAD_WORD_RE.findall(title[max(0, cue.start() - 40) : cue.start()])
        if words and _HEAD_SUBJECT_END_RE.search(title, 0, cue.start()):
            segments.append(words[-1])
    if not segments:
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
    for seg in segments:
        seg_words: list[str] = _HEAD_WORD_RE.findall(seg)
        for word in reversed(seg_words):
            named = by_name.get(POSSESSIVE_RE.sub("", word).lower())
            if named is not None:
                if named not in out:
                    out.append(named)
                break
    return out


def _honorific_style(body: str) -> bool:
    """Whether the article calls people "Mr. X" / "Ms. X" (counted cheaply, no regex)."""
    return body.count("Mr. ") + body.count("Ms. ") + body.count("Mrs. ") >= 3


def _bare_word(cluster: _Cluster, mentions: list[Mention]) -> bool:
    """A lone capitalised word never given a first name or title. In an article that writes
    "Mr. X"/"Ms. X" for people, such a word names an organisation ("Intel", "Mashable")."""
    return all(len(f) == 1 for f in cluster.forms) and not any(
        mentions[i].strong for i in cluster.mentions
    )


def _drop_tags(body: str, mentions: list[Mention]) -> list[Mention]:
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


def _paragraph_sieve(
    body: str,
    quotes: list[tuple[int, int]],
    quotes_out: list[Quote],
    counts: Counter[int],
    mentions: list[Mention],
    cluster_of: dict[int, int],
    clusters: list[_Cluster],
    dropped: set[int],
) -> None:
    """A direct quotation left without a cue goes to the one person its paragraph names
    outside quotation marks, provided that person opens a sentence there (Muzny et al.'s
    paragraph sieve, restricted to subjects)."""
    taken = [(q.start, q.end) for q in quotes_out]
    breaks = [m.start() for m in re.finditer("\n", body)]
    named: dict[int, set[int]] = {}  # paragraph -> clusters named outside quotes
    subjects: dict[int, set[int]] = {}  # paragraph -> clusters opening a sentence
    for i, cid in cluster_of.items():
        m = mentions[i]
        if _inside(m.start, quotes):
            continue
        para = bisect.bisect(breaks, m.start)
        named.setdefault(para, set()).add(cid)
        if m.sentence_initial:
            subjects.setdefault(para, set()).add(cid)
    for qs, qe in quotes:
        if len(body[qs:qe].split()) < 4 or any(s <= qs < e or qs <= s < qe for s, e in taken):
            continue
        para = bisect.bisect(breaks, qs)
        people = named.get(para, set())
        if len(people) != 1 or people != subjects.get(para) or next(iter(people)) in dropped:
            continue
        cid = next(iter(people))
        span = _trim(body, qs, qe)
        if span:
            quotes_out.append(Quote(clusters[cid].name(), body[span[0] : span[1]], "", *span))
            counts[cid] += 1
    quotes_out.sort(key=lambda q: q.start)


def _attribute(
    body: str,
    links: list[_Link],
    clusters: list[_Cluster],
    dropped: set[int],
    quotes: list[tuple[int, int]],
) -> tuple[list[Quote], Counter[int]]:
    """Turn resolved links into Quote records (text order) and per-person quote counts.

    A statement belongs to the first cue that claims it, shared only by subjects coordinated on
    that same cue ("A and B said"); a pronoun cue inside an earlier statement is part of it.
    """
    sents = Sentences(body)
    owner: dict[tuple[int, int], int] = {}  # statement span -> cue start of its first link
    out: dict[tuple[int, int, int], Quote] = {}
    counts: Counter[int] = Counter()
    for lk in links:
        if lk.cluster is None or lk.cluster in dropped:
            continue
        if lk.mention is None and any(s <= lk.cue_start < e for s, e in owner):
            continue
        span = _statement_span(body, lk, quotes, sents)
        if span is None or (*span, lk.cluster) in out:
            continue
        if owner.setdefault(span, lk.cue_start) != lk.cue_start:
            continue
        text, cue = body[span[0] : span[1]], body[lk.cue_start : lk.cue_end]
        out[(*span, lk.cluster)] = Quote(clusters[lk.cluster].name(), text, cue, *span)
        counts[lk.cluster] += 1
    return sorted(out.values(), key=lambda q: q.start), counts


def _signing(body: str, mentions: list[Mention]) -> set[int]:
    """Mentions that sign a quotation ('"...," Sweeny said')."""
    return {
        i
        for i, m in enumerate(mentions)
        if _QUOTE_CLOSE_RE.search(body, max(0, m.start - 4), m.start)
        and _SAYS_RE.match(body, m.end)
    }


# --- exclusion -------------------------------------------------------------------------------


def _names_a_place(cluster: _Cluster) -> bool:
    """ "Las Vegas said", "Iran warned": a place named in full, a country or a US state is not
    a person (a lone city-like word may still be a surname: "Jackson said")."""
    name = cluster.name()
    gaz = gazetteer()
    if " " in name:
        return gaz.mention(name) is not None
    key = fold(name)
    return key in gaz.country_by_name or key in gaz.state_by_name


_CREDIT_NOISE_RE = re.compile(r"^(?:©|\(c\)|photo(?:graph)?s?:|by\s+)\s*|\s*[/|(].*$", re.I)


def _excluded_keys(exclude: Iterable[str]) -> set[str]:
    """Lower-cased full names to exclude ("© Mikhail Metzel/TASS" gives "mikhail metzel");
    a single word excludes that surname."""
    keys = set()
    for raw in exclude:
        name = " ".join(_CREDIT_NOISE_RE.sub("", raw or "").split()).lower()
        if name:
            keys.add(name)
    return keys


def _is_excluded(cluster: _Cluster, excluded: set[str]) -> bool:
    if not excluded:
        return False
    full = cluster.name().lower()
    return full in excluded or any(
        full == e or e.endswith(" " + full) or cluster.surname == e for e in excluded
    )


# --- cue linking -----------------------------------------------------------------------------


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of `spans`, which are sorted and do not overlap."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _link_cues(body: str, mentions: list[Mention], quotes: list[tuple[int, int]]) -> list[_Link]:
    """Link each cue verb outside quotation marks to the subject next to it."""
    links: list[_Link] = []
    starts = [m.start for m in mentions]
    sure = {m.surname for m in mentions if m.strong}
    for cue in CUE_RE.finditer(body):
        cs, ce = cue.span()
        if _inside(cs, quotes):
            continue  # a cue inside a quotation belongs to the quoted speech
        according = cue.group().lower().startswith("according")
        subject = None if according else _left_subject(body, mentions, starts, cs)
        inverted = subject is None and (according or inverted_cue_position(body, cs, cue.group()))
        if inverted:
            subject = _right_subject(body, mentions, starts, ce)
        if subject is not None and not _plausible_source(mentions[subject], cue.group(), sure):
            subject = None
        if subject is not None:
            group = _coordinated_after if inverted else _coordinated
            heads = group(body, mentions, subject)
            for idx in heads:
                m = mentions[idx]
                links.append(_Link(cs, ce, m.start, m.end, idx))
            for idx in _np_names(body, mentions, heads, cs, ce, inverted):
                m = mentions[idx]
                links.append(_Link(cs, ce, m.start, m.end, idx, extra=True))
            continue
        pron = PRONOUN_RE.search(body, max(0, cs - 60), cs)
        if pron and not according:
            links.append(_Link(cs, ce, pron.start(1), pron.end(1), None))
    for idx, m in enumerate(mentions):
        cue_span = _mention_cue(body, m, quotes)
        if cue_span:
            links.append(_Link(*cue_span, m.start, m.end, idx))
    links.sort(key=lambda lk: lk.cue_start)
    return links


_POSSESSOR_GAP_RE = re.compile(
    r"(?:['’]s?|s['’])?\s+(?:[a-z][a-z\-]*\s+){0,4}(?:[A-Z][a-z]+\.?\s+)?,?\s*$"
    r"|(?:['’]s|s['’])\s+(?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*,\s+$"  # "X's campaign chief, Y"
)


_APPOSITIVE_AFTER_RE = re.compile(
    r"(?:\s*\([^()\n]{0,40}\))?,\s+(?:a|an|the|who|whose|[a-z]+(?<!ing)(?<!ed)(?<!ly))\b"
)
_CLAUSE_END_RE = re.compile(r"(?<=[a-z]{2})[.!?;](?=\s)|\n|[\"“”]")


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


def _mention_cue(body: str, m: Mention, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Cues that hang on the name itself rather than on a verb: a signature dash before it
    ('..." ― Carla Sanchez'), a colon after it ('Gowdy: "..."', 'PENCE: ...') or a possessive
    statement noun ("Sanders' arguments")."""
    before = body[max(0, m.start - 8) : m.start]
    if "―" in before or "—" in before or "–" in before:
        dash = _DASH_CUE_RE.search(before)
        if dash and not _inside(m.start, quotes):
            pos = m.start - len(before) + dash.start(1)
            return pos, pos + 1
    nxt = body[m.end : m.end + 1]
    if nxt in (":", " ") and (m.strong or m.sentence_initial):
        transcript = body[m.start : m.end].isupper()
        colon = (_TRANSCRIPT_COLON_RE if transcript else _COLON_CUE_RE).match(body, m.end)
        if colon and (m.sentence_initial or _DASH_BEFORE_RE.search(before[-2:])):
            return colon.span(1)
    if nxt in ("'", "’", "s"):
        nominal = NOMINAL_CUE_RE.match(body, m.end)
        if nominal and not _inside(m.start, quotes):
            return nominal.span(1)
    return None


_ORG_PRONE_CUES = frozenset({"according to", "reported", "reports", "released", "issued"})


def _plausible_source(m: Mention, cue: str, people: set[str]) -> bool:
    """Polls, outlets and firms are "according to" / "reported" sources far more often than
    people: for those cues the name must be shown to be a person somewhere in the article."""
    return m.strong or m.surname in people or " ".join(cue.split()).lower() not in _ORG_PRONE_CUES


def _left_subject(body: str, mentions: list[Mention], starts: list[int], cs: int) -> int | None:
    """The mention standing as the subject right before a cue, if any."""
    if _PASSIVE_RE.search(body, max(0, cs - 12), cs):
        return None  # "Trump was asked": the subject did not speak
    i = bisect.bisect_left(starts, cs) - 1
    for j in range(i, max(-1, i - _MAX_BACK), -1):
        m = mentions[j]
        if m.end > cs or cs - m.end > _NEAR_WINDOW:
            break
        gap = body[m.end : cs]
        if _pronoun_may_end(gap) and _PRONOUN_BETWEEN_RE.search(body, m.end, cs):
            return None
        proxy = bool(PROXY_GAP_RE.fullmatch(gap))
        if (
            proxy
            or left_gap_ok(gap)
            or ("," in gap and _appositive_name(body, m.start) and left_gap_ok(gap, True))
        ):
            head = body[max(0, m.start - 12) : m.start]
            relative = ", who " in gap[:7]
            if _PREP_BEFORE_RE.search(head) and not _AND_BEFORE_RE.search(head) and not relative:
                continue
            if not proxy and body.startswith(("'s", "’s"), m.end):
                return None
            return j
    return _appositive_subject(body, mentions, starts, cs)


# "The Democratic candidates, Hillary Clinton and Senator Bernie Sanders, have promised":
# the last name of a list set off by commas.
_LIST_OPEN_RE = re.compile(
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
    s_start = max(body.rfind(". ", 0, cs), body.rfind("\n", 0, cs)) + 1
    j = bisect.bisect_left(starts, s_start)
    if j >= len(mentions) or mentions[j].start >= cs or not mentions[j].sentence_initial:
        return None
    m = mentions[j]
    if body.startswith(("'s", "’s"), m.end) or cs - m.end > 400:
        return None
    gap = body[m.end : cs]
    if not APPOSITIVE_GAP_RE.fullmatch(gap) or _SENT_BREAK_RE.search(gap):
        return None
    return j


_SENT_BREAK_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_COLON_CUE_RE = re.compile(r"(?:\s*\([^()\n]{0,30}\))?\s*(:)\s*(?=[“\"'‘])")
# A quotation signed with a dash: '"...” ― Carla Sanchez', '... #RINO — Ben Jacobs'.
_DASH_CUE_RE = re.compile(r"[”\"’.!?][ \u00a0]*([―—–])[ \u00a0]*$")
_TRANSCRIPT_COLON_RE = re.compile(r"(:)")
_DASH_BEFORE_RE = re.compile(r"(?:^|\n|[-—–]\s?)$")
_WORDLIKE_RE = re.compile(r"(?:ing|ly|ed|s)$")
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+ly\s+)?$")
_PRONOUN_BETWEEN_RE = re.compile(r"\b(?:he|she|they|it)\s+(?:\w+\s+)?$")


def _pronoun_may_end(gap: str) -> bool:
    """What _PRONOUN_BETWEEN_RE needs, tested first because most gaps fail it: whitespace at
    the end, and a pronoun ending one of the last two words."""
    words = last_words(gap, 2)
    return words is not None and any(word.endswith(("he", "it", "they")) for word in words)


def _right_subject(body: str, mentions: list[Mention], starts: list[int], ce: int) -> int | None:
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
    return j


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
    words = gap.replace("’s", " ").replace("'s", " ").split()
    if not words or any(not _CHAIN_WORD_RE.fullmatch(w) for w in words):
        return False
    if len(words) <= 2 and all(w.islower() and w not in _CHAIN_STOP for w in words):
        return True
    return all(w.lower().strip(".") in ROLE_WORDS or w[0].isupper() for w in words)


_CHAIN_WORD_RE = re.compile(r"[A-Za-z][a-z\-]*|[A-Z][a-z]{0,3}\.")
_CHAIN_STOP = frozenset(
    "of in on at to for from with by and or the a an as than that who which said says".split()
)


_OF_PLACE_RE = re.compile(r"^\s+of\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}(?=,? and )")
_AND_ROLE_RE = re.compile(r",? and ([^,]{2,40}) ")


def _coordinated(body: str, mentions: list[Mention], idx: int) -> list[int]:
    """A subject plus names coordinated before it: "Trump and Pence said"."""
    out = [idx]
    j = idx
    while j > 0:
        prev = mentions[j - 1]
        gap = _OF_PLACE_RE.sub("", _TAG_RE.sub("", body[prev.end : mentions[j].start]))
        if gap not in (" and ", ", and ") and not (gap == ", " and len(out) > 1):
            # "state Senate leader Phil Berger and House Speaker Tim Moore said"
            lead = _AND_ROLE_RE.fullmatch(gap)
            if not (lead and _role_chain(lead.group(1))):
                break
        out.append(j - 1)
        j -= 1
    return out


# --- clustering ------------------------------------------------------------------------------


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
_BRAND_RE = re.compile(r"(?!Mc|Mac|De|Di|Da|La|Le|Du|Van|Von|O['’])[A-Z][a-z]+(?:[A-Z]|-[A-Z])")


def _confirmed(m: Mention, is_linked: bool, title_names: set[str]) -> bool:
    """Whether a mention alone shows it is a person."""
    if m.strong:
        return not (len(m.tokens) == 1 and m.surname in NON_PERSON_SOURCES)
    if m.surname in NON_PERSON_SOURCES or is_place(m.tokens, major=len(m.tokens) > 1):
        return False
    if len(m.tokens) == 1 and _BRAND_RE.match(m.tokens[0]):
        return False  # "DuPont", "BuzzFeed", "Wealth-X": a brand, not a surname
    return is_linked or (len(m.tokens) >= 2 and m.surname in title_names)


def _cluster(
    mentions: list[Mention], linked: set[int], title_names: set[str], quoted: set[int]
) -> tuple[list[_Cluster], dict[int, int]]:
    """Group mentions into people; returns clusters and mention index -> cluster index.

    `quoted` holds mentions signing a quotation ('"...," Sweeny said'): a lone surname there
    is a person even if the article names it only once."""
    clusters: list[_Cluster] = []
    by_surname: dict[str, list[int]] = {}
    cluster_of: dict[int, int] = {}
    confirmed = [_confirmed(m, i in linked, title_names) for i, m in enumerate(mentions)]
    confirmed_surnames = {m.surname for m, ok in zip(mentions, confirmed, strict=True) if ok}
    # A lone capitalised word seen only at sentence starts is more likely a common word.
    mid_sentence = {m.surname for m in mentions if not m.sentence_initial or len(m.tokens) > 1}
    mid_sentence |= {m.surname for m in mentions if not _WORDLIKE_RE.search(m.surname)}

    def add(i: int, cid: int) -> None:
        clusters[cid].forms[mentions[i].tokens] += 1
        clusters[cid].mentions.append(i)
        cluster_of[i] = cid

    def new(i: int) -> None:
        clusters.append(_Cluster(mentions[i].surname))
        by_surname.setdefault(mentions[i].surname, []).append(len(clusters) - 1)
        add(i, len(clusters) - 1)

    # Full names first, so that later surname-only mentions find them.
    for i, m in enumerate(mentions):
        if len(m.tokens) < 2 or not (confirmed[i] or m.surname in confirmed_surnames):
            continue
        same = [
            c
            for c in by_surname.get(m.surname, [])
            if clusters[c].first_name in (None, m.tokens[0].lower())
            or _initial_of(m.tokens[0], clusters[c].first_name)
        ]
        if same:
            add(i, same[0])
        else:
            new(i)
    # Then one-word mentions, titled ones ("Sen. Rubio") before bare ones, so that a bare
    # surname joins the titled person instead of being judged (say, as a town) on its own.
    singles = sorted(
        (i for i, m in enumerate(mentions) if len(m.tokens) == 1),
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


def _initial_of(token: str, first: str | None) -> bool:
    if not first:
        return False
    return len(token) == 2 and token.endswith(".") and first[0] == token[0].lower()


def _single_target(
    m: Mention,
    i: int,
    mentions: list[Mention],
    clusters: list[_Cluster],
    by_surname: dict[str, list[int]],
    cluster_of: dict[int, int],
) -> int | None:
    """The cluster a one-word mention belongs to: same surname (the one last mentioned),
    a unique first name, or a surname one edit away (misspelling)."""
    word = m.surname
    cands = by_surname.get(word)
    if cands:
        return _most_recent(cands, clusters, mentions, m.start)
    if word in FIRST_NAMES:
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


def _most_recent(
    cands: list[int], clusters: list[_Cluster], mentions: list[Mention], pos: int
) -> int:
    best, best_pos = cands[0], -1
    for cid in cands:
        for i in clusters[cid].mentions:
            if best_pos < mentions[i].start < pos:
                best, best_pos = cid, mentions[i].start
    return best


# --- pronouns, roles, statements -------------------------------------------------------------


def _resolve_links(
    body: str,
    links: list[_Link],
    mentions: list[Mention],
    cluster_of: dict[int, int],
    quotes: list[tuple[int, int]],
) -> None:
    """Give each link its person; "he said" goes to the latest subject-like person."""
    subjects = {lk.mention for lk in links if lk.mention is not None}
    for lk in links:
        if lk.mention is not None:
            lk.cluster = cluster_of.get(lk.mention)
            continue
        lk.cluster = _antecedent(body, lk.subj_start, mentions, cluster_of, subjects, quotes)


def _antecedent(
    body: str,
    pos: int,
    mentions: list[Mention],
    cluster_of: dict[int, int],
    subjects: set[int],
    quotes: list[tuple[int, int]],
) -> int | None:
    """Most recent person mention before `pos` that is a cue subject or (within a few
    sentences) opens a sentence; None when no such mention is near (a possessor or object is
    not a safe antecedent)."""
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.start >= pos or i not in cluster_of or _inside(m.start, quotes):
            continue
        if pos - m.start > _PRONOUN_REACH:
            break
        if body.startswith(("'s", "’s"), m.end):
            continue  # "Trump's aides": a possessor is not the one who speaks next
        if i in subjects or (m.sentence_initial and pos - m.start <= _WEAK_REACH):
            return cluster_of[i]
    return None


def _role(cluster: _Cluster, body: str, mentions: list[Mention]) -> str | None:
    """First role seen for a person: words before a mention, else an appositive after it."""
    for i in cluster.mentions:
        if mentions[i].role:
            return mentions[i].role
    for i in cluster.mentions:
        end = mentions[i].end
        tag = _TAG_RE.match(body, end)
        if tag:
            end = tag.end()
        app = _APPOSITIVE_ROLE_RE.match(body, end)
        if app and any(w.lower() in ROLE_WORDS for w in app.group(1).split()):
            return app.group(1).strip()
    return None


_QUOTE_LEADS = frozenset({"", "that", "as"})  # "said that “...”", "described it as “...”"
_TELL_RE = re.compile(r"(?:told|tell|tells|telling|asked|asks|urged|urges|warned|warns)\b")
_TIME_RE = re.compile(
    r"\s*(?:(?:on|in|at|during|last|this|late|earlier|early)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,3}\s*"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s*)?[:,]?\s*"
)
_ADVERBIAL_RE = re.compile(
    r"(?:at|in|on|during|after|before|while|as|to|from|of|for|with|about|when|earlier|later|"
    r"last|this|through|via|by|outside|inside|afterward|afterwards|yesterday|today|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_LEAD_TRIM_RE = re.compile(r"^(?:[\s,:;—–-]|that\s)+")
_TAIL_TRIM_RE = re.compile(r"[\s,:;.—–-]+$")
_OBJECT_RE = re.compile(
    r"\s*(?:(?:to\s+)?(?:reporters|the\s+media|journalists|the\s+crowd|supporters|the\s+audience|"
    r"him|her|them|us|me|the\s+\w+|[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*)\s*)?"
    r"(?:(?:on|in|at|during|last|this|late|earlier|early)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,3}\s*)?[:,]?\s*"
)


def _without_role(text: str) -> str:
    """A reported clause without the speaker's role that ends it: "..., Russian presidential
    spokesman" (before "Dmitry Peskov has told the media") keeps only what was said."""
    head, comma, tail = text.rpartition(",")
    words = tail.split()
    if comma and 0 < len(words) <= 6 and words[-1].lower() in ROLE_WORDS:
        return head
    return text


def _statement_span(
    body: str, lk: _Link, quotes: list[tuple[int, int]], sents: Sentences
) -> tuple[int, int] | None:
    """Offsets of what was said: the reported clause after the cue ("said that ..."), else an
    adjacent quotation ("'...,' X said" or "X said: '...'"), else the sentence before the cue."""
    lo, hi = min(lk.cue_start, lk.subj_start), max(lk.cue_end, lk.subj_end)
    s_start, s_end = sents.bounds(hi - 1)
    obj = (_OBJECT_RE if _TELL_RE.match(body, lk.cue_start) else _TIME_RE).match(body, hi, s_end)
    rest = obj.end() if obj else hi
    for qs, qe in quotes:
        if qs - 1 >= rest and qs - 1 - rest <= 5 and body[rest : qs - 1].strip() in _QUOTE_LEADS:
            return _trim(body, qs, qe)
        if qs > rest:
            break
    inverted = lk.subj_start > lk.cue_start
    if (
        not inverted
        and rest < s_end
        and body[rest].isalnum()
        and "," not in body[hi:rest]  # "..., he said, adding ...": the quotation is the statement
        and len(body[rest:s_end].split()) > 2
        and not _ADVERBIAL_RE.match(body, rest)
    ):
        return _trim(body, rest, s_end)
    for qs, qe in reversed(quotes):
        gap = body[qe + (2 if body[qe] == "'" else 1) : lo]
        if qe < lo and (
            re.fullmatch(r"[\s,—–-]*", gap)
            or (
                body[qe - 1] == ","
                and re.fullmatch(r"[^\"“”!?]{0,80}", gap)
                and not re.search(r"[a-z]{3}\.\s", gap)
            )
        ):
            return _trim(body, qs, qe)
        if qe < lo:
            break
    before = body[s_start:lo].rstrip()
    if before.endswith((",", "”", '"', "'", "—", "–")) or len(before.split()) > 3:
        return _trim(body, s_start, s_start + len(_without_role(before)))  # "..., Peskov said."
    # A short reported clause ("Flake said he would.") still states something.
    short = 1 if lk.mention is not None else 2
    return _trim(body, rest, s_end) if len(body[rest:s_end].split()) > short else None


def _trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span past separators, a leading "that" and unbalanced quote marks."""
    text = body[start:end]
    lead = _LEAD_TRIM_RE.match(text)
    if lead:
        start += lead.end()
    tail = _TAIL_TRIM_RE.search(body[start:end])
    if tail:
        end = start + tail.start()
    while start < end and body[start] in "“”\"'’ ":
        start += 1
    while end > start and body[end - 1] in "“”\"' ,":
        end -= 1
    return (start, end) if end - start >= 2 else None
