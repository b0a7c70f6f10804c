"""Words the language treats apart: function words (left out of proximity pairs) and the frame
of a question (`question_words`: "What did Trump say about the wall?" asks for trump and wall)."""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """a about all also am an and any are as at be been but by can could did do does for from
    had has have he her his i if in into is it its may me might my no not of on or our she so
    than that the their them then there these they this those to us was we were what when
    where which who will with would you your""".split()
)
QUESTION_WORDS = frozenset("what who whom whose why how when where which whether".split())
# The verbs a question about what was said is framed with: the quote rarely holds them.
SAYING = frozenset(
    """say says said saying tell tells told telling talk talks talked talking speak speaks spoke
    speaking think thinks thought believe believes believed feel feels felt mention mentioned
    mentions claim claims claimed""".split()
)
# Words that open a question: question words and auxiliaries.
_OPENERS = QUESTION_WORDS | frozenset(
    "did do does is are was were will would can could should has have had".split()
)
QUESTION_FRAME = FUNCTION_WORDS | QUESTION_WORDS | SAYING
# A question's words must match at least this share: all of up to 3, then three in four.
# https://www.elastic.co/docs/reference/query-languages/query-dsl/query-dsl-minimum-should-match
QUESTION_MATCH = "3<75%"
_TRIM = "?!.,;:"


def bare(word: str) -> str:
    """A word without the punctuation a sentence puts around it."""
    return word.strip(_TRIM).lower()


def is_question(words: list[str], text: str) -> bool:
    """Plain words that ask: ending with a question mark, or opened by a question word or an
    auxiliary ("did Obama mention the wall"), three words or more."""
    if len(words) < 3:
        return False
    return text.rstrip().endswith("?") or bare(words[0]) in _OPENERS


def content_words(words: list[str]) -> tuple[list[str], list[str]]:
    """A question's words kept (its content) and left out (its frame)."""
    kept: list[str] = []
    left: list[str] = []
    for word in words:
        (left if bare(word) in QUESTION_FRAME else kept).append(word)
    return kept, left
