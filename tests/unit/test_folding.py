"""Folding for search (search.folding): one character for one, so the highlighter's offsets in
a folded twin are offsets in the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from search.folding import fold


def test_apostrophes_quotes_dashes_spaces_and_accents_fold() -> None:
    assert fold("O’Malley") == fold("O'Malley") == "O'Malley"
    assert fold("“élection” — Zoë Müller–Łukasz\u00a0Øst") == ('"election" - Zoe Muller-Lukasz Ost')
    assert fold("plain ascii, untouched") == "plain ascii, untouched"


def test_a_possessive_s_is_left_out() -> None:
    assert fold("O’Malley’s plan, Trump's, it's") == "O'Malley   plan, Trump  , it  "
    assert fold("the 's' key, 90's, o'sullivan") == "the 's' key, 90's, o'sullivan"


def test_what_cannot_fold_to_one_character_is_kept() -> None:
    assert fold("Straße æther ǆ") == "Straße æther ǆ"
    assert fold("e\u0301lection") == "e\u0301lection"  # combining marks stay: same length
    assert fold("Путин 習近平 🎉") == "Путин 習近平 🎉"


@given(st.text())
def test_folding_keeps_the_length_in_characters_and_utf16_units(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    encoded = text.encode("utf-16-le", "surrogatepass")
    assert len(folded.encode("utf-16-le", "surrogatepass")) == len(encoded)
    assert fold(folded) == folded
