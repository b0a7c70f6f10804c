"""Every cue of quote attribution: the verbs and marks that introduce a statement, and the
text allowed between a cue and its speaker.

Follows the deterministic sieve of Muzny et al. (EACL 2017) in spirit: a cue verb links a
statement to a speaker standing right before it ("Peskov said", "Fallon, a spokesman, said")
or, after a quote or comma, right after it ("... ," said Peskov). The patterns here only
describe cues and the gaps around them; the linking stage decides which mention is the speaker.
"""

from __future__ import annotations

import re
from typing import Final

from search.extract.attribution.lexicon import ROLE_CONCEPTS, TAG
from search.extract.vocabulary import POSSESSIVE, SENTENCE_BREAK_RE

_CUE_VERBS = """
said says say saying told tells telling added adds adding warned warns warning stressed
stresses argued argues arguing noted notes noting wrote writes tweeted tweets tweeting claimed
insisted insists explained explains announced announces acknowledged acknowledges admitted
admits asserted asserts declared declares stated suggested suggests predicted predicts
promised promises vowed vows urged urges asked asks asking answered replied replies responded
responds recalled recalls contended contends maintained maintains complained complains
alleged alleges conceded concedes confirmed confirms denied denies emphasized emphasizes
emphasised remarked testified joked jokes quipped boasted boasts countered counters
retorted reiterated reiterates repeated proclaimed wondered cautioned cautions mused
recounted likened pointed\\s+out points\\s+out went\\s+on\\s+to\\s+say put\\s+it puts\\s+it
Asked\\s+by pressed\\s+by Pressed\\s+by
"""
# Verbs of stance and criticism: PolNeAR-style attribution also covers beliefs and positions.
_STANCE_VERBS = """
called calls criticized criticizes accused accuses attacked blasted blasts slammed
slams praised praises mocked mocks questioned questions dismissed dismisses defended defends
rejected rejects demanded demands pledged pledges described describes endorsed endorses
proposed proposes believes believed thinks thought hopes hoped expects expected
fears feared worries worried insisted argued suggested indicated indicates signaled signaled
compared compares labeled dubbed blamed blames credited challenged challenges urged
touted touts highlighted invoked cited cites mentioned mentions lamented disputed refused
declined emailed responded posted issued sees views considers knows promised vowed likened
released agreed agrees offered offers named pointed revealed reveals reported speculated
assured conceded weighed hammered ruled published calling arguing insisting
explaining suggesting claiming accusing describing praising criticizing pledging promising
vowing urging declaring stating conceding joking complaining lamenting announcing replying
responding acknowledging labeling labeled labelled
"""
# Further verbs of speech acts and political positions (PolNeAR counts these as attribution).
_ACT_VERBS = """
backed backs sought seeks decided ordered filed championed assailed unleashed bragged
threatened threatens advocated advocates supported opposes favors favored
embraced condemned condemns denounced denounces decried decries applauded welcomed hailed
lauded thanked congratulated apologized admitted confessed clarified characterized portrayed
painted pitched floated outlined unveiled detailed emphasized underscored reminded informed
briefed penned authored retweeted guaranteed swore forecast doubted
contested rebutted refuted reacted teased ridiculed derided scoffed belittled insulted
taunted ripped rips lambasted excoriated chided scolded rebuked faulted commented
referenced quoted elaborated summarized pleaded begged implored appealed requested invited
encouraged lobbied vouched vetoed sponsored introduced committed disagreed
accepted reassured cautioned lectured repeated wondered acknowledged shouted yelled exclaimed
interjected
suggest want wants wanted knew know believe think remembered remembers referred continued spoke
voiced expressed raised opposed oppose support supports argue insist claim claims acknowledge
hinted hints signal signals reports disagree disagrees warn predict feel feels felt estimated
estimates concluded concludes observed recommended recommends contend hope fear worry welcomes
testify
"""


# Cues of wanting, deciding, acting, backing or opposing ("sought", "refused", "spoke",
# "endorsed", "called for"): what follows them is narration unless it is quoted ("called it
# “a disaster”"). On PolNeAR train such unquoted "statements" matched no annotated
# attribution two times in three; those after verbs of saying or of a speech act ("said",
# "accused", "criticized", "described") mostly did.
NARRATION_CUES: Final = frozenset(
    """sought seeks seek decided decide refused refuses declined declines spoke raised released
    issued continued continues filed posted endorsed endorses backed backs supported supports
    support opposed opposes oppose favors favored wants want wanted knew know pledged called
    calls call declared maintained maintains pointed mentioned mentions embraced championed
    unleashed introduced invited lectured apologized threatened threatens named ordered vetoed
    sponsored committed accepted welcomes welcomed published delivered referred spoke""".split()
)


_APPEAL_RE: Final = re.compile(r"\s+(?:on|for|upon)\b")


def narration_cue(body: str, cue_start: int, cue_end: int) -> bool:
    """Whether a cue's unquoted "statement" is narration (see NARRATION_CUES). "Called on" and
    "called for" make an appeal, a speech act."""
    cue = body[cue_start:cue_end].lower()
    if cue in ("called", "calls", "call") and _APPEAL_RE.match(body, cue_end):
        return False
    return cue in NARRATION_CUES


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation factored by prefix. Python's re tries alternatives one at a time,
    so a flat list of ~300 verbs costs ~300 checks per position; a trie costs a handful."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in node.items() if ch
        ]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{group})?" if "" in node else group

    return emit(trie)


_ALL_CUES = [
    w.replace("\\s+", " ")
    for w in dict.fromkeys(_CUE_VERBS.split() + _STANCE_VERBS.split() + _ACT_VERBS.split())
]
# "According to" in the trie too: one word boundary tried per position, not two.
CUE_RE: Final = re.compile(
    r"\b(?:" + _trie_pattern([*_ALL_CUES, "according to", "According to"]) + r")\b"
)
# Inflected cue verbs ("Praised", "Excommunicates", "Continued"): capitalised in a headline-like
# run, they are never part of the name next to them.
INFLECTED_CUES: Final = frozenset(
    w for w in _ALL_CUES if " " not in w and w.endswith(("ed", "s", "ing"))
)
# Headlines capitalise every word; only verbs of saying and stance cue there ("Trump Says"),
# and those of talks between the people they name ("Lavrov, Wang Yi discuss ...").
_SAY_CUES = [
    w.replace("\\s+", " ")
    for w in dict.fromkeys(_CUE_VERBS.split() + _STANCE_VERBS.split() + ["discuss", "discussed"])
]
HEADLINE_CUE_RE: Final = re.compile(r"\b(?:" + _trie_pattern(_SAY_CUES) + r")\b", re.I)

_AUX_WORDS = """has have had also then later previously once again repeatedly recently publicly
privately further quickly never did does not reportedly first often frequently even would will
could might may should must can already still simply flatly initially subsequently ultimately
eventually long himself herself who both all each too themselves since now""".split()
_AUX = "(?:" + "|".join(_AUX_WORDS) + "|[a-z]+ly)"
# "of the American Enterprise Institute", "of Liberty Baptist Church": an affiliation.
_ORG_NAME = (
    r"(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w.’'\-]*){0,5}"
)
# A day in wire style between a subject and its verb: "Orlovsky on Tuesday called".
_DAY = (
    r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|today|yesterday)(?:\s+(?:morning|afternoon|evening|night))?)?"
)
# Auxiliaries, adverbs and a day between a subject and its cue: "officials also said on Monday".
AUX_TAIL_RE: Final = re.compile(
    rf"(?:\s+(?:{_AUX}|(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|today|yesterday)(?:\s+(?:morning|afternoon|evening|night))?))*\s*$"
)
_TAIL_ITEM_WORDS: Final = frozenset(
    _AUX_WORDS
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday".split()
    + "morning afternoon evening night".split()
)


def aux_tail_start(text: str, pos: int) -> int:
    """Where AUX_TAIL_RE.search(text, pos) starts: the auxiliaries, adverbs and days ending
    `text`. Told without the pattern (which tries every position) when the last word can end
    none of them, as it mostly cannot."""
    stripped = text.rstrip()
    words = stripped.rsplit(None, 1)
    last = words[-1] if words else ""
    if last not in _TAIL_ITEM_WORDS and not _LY_WORD_RE.fullmatch(last):
        return max(pos, len(stripped))  # no word ends the tail: only the spaces after the last
    found = AUX_TAIL_RE.search(text, pos)
    return found.start() if found is not None else len(text)


_LY_WORD_RE: Final = re.compile(r"[a-z]+ly")
# Text allowed between a subject mention and its cue: a party tag, up to two appositives, a day
# and auxiliaries/adverbs ("Brian Fallon, a spokesman for the campaign, also said").
LEFT_GAP_RE: Final = re.compile(
    rf"(?:{TAG}(?:,(?!\s+who\b))?)?"
    rf"(?:\s+(?:of|at)\s+{_ORG_NAME}(?:\s+in\s+[A-Z][\w.’'\-]*)?)?"
    r"(?:,\s*\d{1,3}(?=,))?"  # an age: "Carole Bower, 75, a retiree in Carthage, Ill., said"
    r"(?:(?:\s*,[^,\"“”\n;:]{1,120}?){1,2}\s*,|\s*,(?=\s+who\b))?"
    rf"{_DAY}(?:\s+{_AUX})*\s+$"
)
# A long appositive or relative clause set off by commas between a subject and its cue (an
# age first too: "Harry Bond, 30, of Raleigh, N.C., said").
APPOSITIVE_GAP_RE: Final = re.compile(
    rf"(?:{TAG})?(?:\s+of\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){{0,3}})?"
    rf",\s+(?:a|an|the|who|whose|[a-z]+|[A-Z][\w.’'\-]*|\d{{1,3}}(?=,))\b[^\"“”\n;:]*,(?:\s+{_AUX})*\s+"
)
# Words allowed between an inverted cue and its speaker ("said former Gov. Mike Pence", a rank
# "said Air Force 1st Lt. X").
RIGHT_GAP_RE: Final = re.compile(
    r"\s+(?:(?:[a-z][\w\-]*|[A-Z][\w\-’'.]*|\d+(?:st|nd|rd|th))\s+){0,6}$"
)
_RIGHT_STOP: Final = frozenset(
    {
        "in",
        "on",
        "at",
        "to",
        "with",
        "that",
        "for",
        "after",
        "before",
        "when",
        "while",
        "during",
        "about",
        "it",
        "this",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "its",
        "reporters",
        "him",
        "them",
        "us",
        "me",
    }
)
# (\b([Hh]e|[Ss]he)...: the boundary written after each first letter, so that `re` skips to
# those letters at C speed.)
PRONOUN_RE: Final = re.compile(
    rf"(H(?<!\w.)e|h(?<!\w.)e|S(?<!\w.)he|s(?<!\w.)he)(?:\s+{_AUX})*\s+$"
)
# "According to him, ...": the pronoun after the cue is the source.
PRONOUN_AFTER_RE: Final = re.compile(r"\s+(him|her)\b")
# A role head ending the subject of a cue ("the Russian president said"), or after an inverted
# cue ("..., said the Kremlin spokesman"); the words between "the" and the head are checked by
# the linking stage.
_ROLE_HEAD = "|".join(sorted(ROLE_CONCEPTS, key=len, reverse=True)).replace(" ", r"\s+")
ROLE_HEAD_WORDS: Final = frozenset(head.split()[-1] for head in ROLE_CONCEPTS)
ROLE_HEAD_BEFORE_RE: Final = re.compile(rf"\b({_ROLE_HEAD})(?:\s+{_AUX})*\s+$")
# "the" and the words between it and a role head (no other "the" among them).
THE_PHRASE_RE: Final = re.compile(r"\b[Tt]he\s+((?:(?![Tt]he\s)\S+\s+){0,4})$")
ROLE_PHRASE_AFTER_RE: Final = re.compile(
    rf"\s+([Tt]he)\s+((?:[\w.’'\-]+\s+){{0,4}}?)({_ROLE_HEAD})\b(?![’'\-])"
)

_BARE_COMMA_RE: Final = re.compile(
    rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){{0,4}})?,(?:\s+{_AUX})*\s+$"
)


# "Trump's campaign said": a possessor speaking through staff counts as the source.
PROXY_GAP_RE: Final = re.compile(
    rf"(?:{POSSESSIVE}\s+(?:[a-z\-]+\s+)?|\s+)(?:campaign|office|team|aides?|"
    r"spokes(?:man|woman|person)|camp|staff|advisers?|lawyers?|attorneys?|representatives?|"
    rf"allies|administration)(?:\s+{_AUX})*\s+$"
)
_PROXY_HEAD_PARTS: Final = (
    "camp", "office", "team", "aide", "spokes", "staff", "advis", "lawyer", "attorney",
    "representative", "allies", "administration",
)  # fmt: skip


def proxy_gap(gap: str) -> bool:
    """PROXY_GAP_RE.fullmatch(gap), its head nouns looked for first (most gaps hold none)."""
    return any(part in gap for part in _PROXY_HEAD_PARTS) and bool(PROXY_GAP_RE.fullmatch(gap))


# "Sanders' arguments that ...": a possessive plus a statement noun is a nominal cue.
NOMINAL_CUE_RE: Final = re.compile(
    rf"{POSSESSIVE}\s+(?:\w+\s+)?(statements?|remarks?|tweets?|testimony|"
    r"assertions?|arguments?|contention|insistence|suggestion|warnings?|announcement|op-ed|"
    r"memoir|calls?)\b"
)


_AUXILIARIES: Final = frozenset(_AUX_WORDS)
_LY_RE: Final = re.compile(r"[a-z]+ly")


def last_words(gap: str, count: int) -> list[str] | None:
    """The last `count` words of a gap between a name and its cue, or None when the gap does not
    end in whitespace, which every gap pattern requires: a cheap first test before them."""
    stripped = gap.rstrip()
    if len(stripped) == len(gap):
        return None
    return stripped.rsplit(None, count)[-count:]


def _may_end_left_gap(gap: str) -> bool:
    """What LEFT_GAP_RE and _BARE_COMMA_RE need at the end of a gap: whitespace after an
    auxiliary, a comma, a closing parenthesis or a capitalised name. Most gaps fail this, and
    testing it first spares them the patterns' backtracking."""
    words = last_words(gap, 1)
    if not words:
        return words is not None  # an all-space gap may still match
    last = words[0]
    return (
        last in _AUXILIARIES
        or last.endswith((",", ")"))
        or "A" <= last[0] <= "Z"
        or _LY_RE.fullmatch(last) is not None
    )


def left_gap_ok(gap: str, appositive_name: bool = False) -> bool:
    """True if `gap` may separate a subject from its cue verb. A bare comma is allowed only
    when the name is itself an appositive ("Clinton's chairman, John Podesta, said")."""
    if not _may_end_left_gap(gap):
        return False
    if appositive_name and _BARE_COMMA_RE.fullmatch(gap):
        return True
    return bool(LEFT_GAP_RE.fullmatch(gap)) and not SENTENCE_BREAK_RE.search(gap)


def right_gap_ok(gap: str) -> bool:
    """True if `gap` may separate an inverted cue from its speaker ("said Sen. X")."""
    if not RIGHT_GAP_RE.fullmatch(gap + " ") or SENTENCE_BREAK_RE.search(gap):
        return False
    return not any(w.lower() in _RIGHT_STOP for w in gap.split())


# Verbs of saying that invert after a quotation ("..., said X"); other cues after a comma are
# participles or second verbs whose following name is an object ("..., calling X a liar").
INVERTING_CUES: Final = frozenset(
    """said says added adds wrote writes asked asks told explained explains noted notes
    argued argues recalled recalls replied replies responded continued continues tweeted
    warned warns observed observes cautioned insisted insists countered quipped joked
    acknowledged admitted declared stated suggested suggests concluded concludes predicted
    predicts complained complains claimed claims stressed stresses agreed agrees say mused
    wondered remarked boasted retorted conceded reiterated""".split()
)


def inverted_cue_position(body: str, cue_start: int, cue: str = "said") -> bool:
    """An inverted cue ("said X") is a verb of saying after a quote, comma or dash."""
    if cue.lower() not in INVERTING_CUES:
        return False
    before = body[max(0, cue_start - 3) : cue_start].rstrip()
    return bool(before) and before[-1] in ",\"”’'—–-:“"  # “: a closing slip ('“...,“ said X')


# "As Ms. Simonyan put it, ...": "put it" cues only in a clause opened by "as".
PUT_IT_RE: Final = re.compile(r"puts?\s+it", re.I)
AS_CLAUSE_RE: Final = re.compile(
    r"(?:^|[\s(—–-])[Aa]s\s+[^,;:!?\"“”\n]{2,40}(?:,[^,;:!?\"“”\n]{2,80},\s+)?$"
)


# '"...," Sweeny said': a name between a closing quotation and an inverting cue signs the quote.
def quote_closes(body: str, pos: int) -> bool:
    """Whether a quotation closes on a comma, ? or ! in the four characters before `pos`, with
    spaces after it: what `[,?!]['"”’]{1,2}\\s+$` finds there, told without a pattern (this is
    asked of every name)."""
    window = body[max(0, pos - 4) : max(0, pos)]
    text = window.rstrip()
    if len(text) == len(window) or not text or text[-1] not in _CLOSING_MARKS:
        return False
    if len(text) > 1 and text[-2] in ",?!":
        return True
    return len(text) > 2 and text[-2] in _CLOSING_MARKS and text[-3] in ",?!"


_CLOSING_MARKS: Final = "'\"”’"
SAYS_RE: Final = re.compile(r"\s+(?:" + "|".join(sorted(INVERTING_CUES)) + r"|continued)\b")
# A run standing next to one of these is their subject ("Ian Read said", "said Steven Law").
SAID_AFTER_RE: Final = re.compile(r",?\s+(?:said|says|told|added|wrote)\b")
SAID_BEFORE_RE: Final = re.compile(r"\b(?:said|says|added|wrote)\s+$")
# Cues after which the object, not the statement, comes first ("told reporters that ...").
TELL_RE: Final = re.compile(
    r"(?:told|tell|tells|telling|asked|asks|asking|urged|urges|urging|warned|warns|warning"
    r"|reminded|reminding|assured|assuring|informed)\b"
)
# Polls, outlets and firms are sources of these far more often than people.
ORG_PRONE_CUES: Final = frozenset({"according to", "reported", "reports", "released", "issued"})
# "Trump was asked": before a cue, a passive says the subject did not speak.
PASSIVE_RE: Final = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+ly\s+)?$")
# "Trump, whom he called ..., said": a pronoun between a name and a cue is the subject.
PRONOUN_BETWEEN_RE: Final = re.compile(r"\b(?:he|she|they|it)\s+(?:\w+\s+)?$")


def pronoun_may_end(gap: str) -> bool:
    """What PRONOUN_BETWEEN_RE needs, tested first because most gaps fail it: whitespace at
    the end, and a pronoun ending one of the last two words."""
    words = last_words(gap, 2)
    return words is not None and any(word.endswith(("he", "it", "they")) for word in words)


# Cues hanging on a name rather than on a verb: a colon after it ('Gowdy: "..."', or 'PENCE:'
# in a transcript), a signature dash before it ('"...” ― Carla Sanchez', '... #RINO — Ben
# Jacobs').
COLON_CUE_RE: Final = re.compile(r"(?:\s*\([^()\n]{0,30}\))?\s*(:)\s*(?=[“\"'‘])")
TRANSCRIPT_COLON_RE: Final = re.compile(r"(:)")
# What follows the name signing an embedded tweet: "— Paul Ryan (@SpeakerRyan) July 5, 2016".
TWEET_HANDLE: Final = " (@"
DASH_CUE_RE: Final = re.compile(r"[”\"’.!?][ \u00a0]*([―—–])[ \u00a0]*$")
DASH_BEFORE_RE: Final = re.compile(r"(?:^|\n|[-—–]\s?)$")
# "Trump: ...", "Former AG Mukasey at RNC: ...": a short lead before a headline colon names the
# speaker.
HEADLINE_COLON_RE: Final = re.compile(r"^([^:\"“”‘’']{2,60}?):\s")
# A headline ending in its source after a dash, as Interfax and Reuters write: "... - Grachyov".
HEADLINE_SOURCE_RE: Final = re.compile(r"\s[-–—]\s*([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*$")
