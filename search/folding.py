"""Text folded for search, character for character: curly apostrophes and quotation marks made
straight, dashes made hyphens, odd spaces made spaces, accented letters made plain, a
possessive 's left out ("O’Malley’s", "O'Malley", "élection" and "election" are one word).

Elasticsearch's integ-test distribution, which Dateline runs on locally, has no analysis-common
module: no ``asciifolding`` filter, no ``mapping`` or ``pattern_replace`` character filters, and
core offers nothing else that folds (its analysis is the standard tokenizer, ``lowercase``,
``stop``, ``shingle`` and ``hunspell``). So Dateline folds itself, the same way on every
distribution: each searched text is indexed a second time, folded (search.schema's
``folded_*`` twins), and what a reader types is folded the same way before it is searched.

The fold keeps the length of the text in UTF-16 code units, which Lucene counts its offsets in:
each character becomes one character of the same width. Offsets found in a folded twin are
therefore offsets in the original text, and the highlighter marks the original (the twins are
the original fields' ``matched_fields``). A letter written with combining marks
(``e`` + U+0301) keeps its marks, since dropping them would shorten the text.
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/highlighting
"""

from __future__ import annotations

import re
import unicodedata

# Characters folded by hand: punctuation standing for an ASCII one, and letters Unicode does not
# decompose into a base letter and marks.
_BY_HAND = {
    **dict.fromkeys("‘’‚‛′ʹʼ`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ħ": "h",
    "Ħ": "H",
    "ı": "i",
}
# Where accented letters, odd spaces and typographic punctuation live: Latin-1 Supplement,
# Latin Extended-A and -B, Latin Extended Additional, General Punctuation.
_RANGES = ((0x00A0, 0x0250), (0x1E00, 0x1F00), (0x2000, 0x2070))


def _folded(char: str) -> str:
    """One character folded, or itself."""
    if char in _BY_HAND:
        return _BY_HAND[char]
    if unicodedata.category(char) == "Zs":
        return " "
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and base.isascii() and base.isalpha():
        return base
    return char


def _table() -> dict[int, str]:
    chars = {chr(code) for start, stop in _RANGES for code in range(start, stop)} | set(_BY_HAND)
    table = {ord(char): _folded(char) for char in chars}
    return {code: folded for code, folded in table.items() if folded != chr(code)}


_TABLE = _table()


# A possessive or contracted 's after a letter, at the end of a word: "Trump’s" is "Trump".
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])'[sS](?![^\W_])")


def fold(text: str) -> str:
    """`text` folded for search; as long as `text`, in characters and in UTF-16 units. A
    possessive ``'s`` becomes two spaces (Elasticsearch's ``english_possessive`` stemmer is in
    analysis-common too), so ``o'malley`` finds "O’Malley’s" and ``"trump's supporters"``
    finds "Trump’s supporters"."""
    return _POSSESSIVE.sub("  ", text.translate(_TABLE))


def fold_optional(text: str | None) -> str | None:
    return None if text is None else fold(text)
