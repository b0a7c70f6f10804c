"""Quote attribution, second round: one fictional article per class of error found on PolNeAR
train (issue 18): what a signer's title, appositive or circumstance is taken for, whose words a
reported clause holds. The people, places and texts are made up for these tests."""

from __future__ import annotations

from search.extract.attribution.attribute import find_people
from search.model import Quote


def quotes_of(body: str) -> list[Quote]:
    return find_people(body).quotes


SIGNED_WITH_TITLE = """Mayor Ada Okoro opened the new bridge on Monday.

"We were worried about the river for years," Mr. Halvorsen said in his first visit beside \
Mayor Okoro.

"It holds," Dr. Pia Lund said at the opening of the crossing."""


def test_a_quotation_signed_by_a_titled_name_is_the_statement_not_the_circumstance() -> None:
    quotes = quotes_of(SIGNED_WITH_TITLE)
    assert [(q.speaker, q.text, q.type) for q in quotes] == [
        ("Halvorsen", "We were worried about the river for years", "direct"),
        ("Pia Lund", "It holds", "direct"),
    ]


INVERTED_APPOSITIVE = """The toll plan will cost drivers more than the state admits, said Ingrid \
Vass, a senior fellow at the Lakeside Institute.

But that is not good enough, said Omar Reyes, an analyst at Corbel Partners."""


def test_what_follows_an_inverted_signer_is_who_they_are_not_what_they_said() -> None:
    quotes = quotes_of(INVERTED_APPOSITIVE)
    assert [(q.speaker, q.text, q.type) for q in quotes] == [
        ("Ingrid Vass", "The toll plan will cost drivers more than the state admits", "indirect"),
        ("Omar Reyes", "But that is not good enough", "indirect"),
    ]


NESTED_REPORT = """Press secretary Nora Lind said Monday that Governor Tom Asher has long called \
for lower tolls on the coastal road.

Lind added that Asher promised to sign the bill."""


def test_a_cue_opening_another_speakers_reported_clause_is_part_of_it() -> None:
    quotes = quotes_of(NESTED_REPORT)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Nora Lind", "Governor Tom Asher has long called for lower tolls on the coastal road"),
        ("Nora Lind", "Asher promised to sign the bill"),
    ]
    assert not [q for q in quotes if q.speaker == "Tom Asher"]


OVERRUNNING_REPORT = """Governor Ruth Calloway called the ferry plan a “disgrace” Wednesday on The \
Harbor Hour with Len Price.

Mayor Tobias Finch demanded a new vote in a statement on Thursday.

Senator Ilse Mork attacked the budget in early-morning tweets.

Calloway said the ferry would be late ― as it was every winter ― and Finch agreed.

Senator Ada Brandt promised a veto and attempted to delay the ferry."""


def test_a_reported_clause_ends_where_the_narrator_says_where_or_what_else() -> None:
    quotes = quotes_of(OVERRUNNING_REPORT)
    texts = {q.speaker: q.text for q in quotes}
    assert [q.text for q in quotes if q.cue == "called"] == ["the ferry plan a “disgrace”"]
    assert texts["Tobias Finch"] == "a new vote"
    assert texts["Ilse Mork"] == "the budget"
    assert [q.text for q in quotes if q.cue == "said"] == ["the ferry would be late"]
    assert texts["Ada Brandt"] == "a veto"


CONTINUED_AFTER_ANY_CUE = """Mayor Ada Okoro spoke about the casino on Monday.

"It will not last the winter," Leon Roffman predicted. "The market just is not there."

"They were vague in their answers," former agent Tim Gale explained. "That is the whole \
problem here."
"""


def test_a_quotation_going_on_after_its_signature_is_the_signers_whatever_the_cue() -> None:
    quotes = quotes_of(CONTINUED_AFTER_ANY_CUE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Leon Roffman", "It will not last the winter"),
        ("Leon Roffman", "The market just is not there"),
        ("Tim Gale", "They were vague in their answers"),
        ("Tim Gale", "That is the whole problem here"),
    ]


FREE_RELATIVE = """The gap between what Mayor Ada Okoro says the ferry plan would do and what it \
does has grown all year.

Everything Okoro says is checked twice by the council.

Okoro described the delay as a “short pause,” but stopped short of naming a date."""


def test_what_someone_says_as_a_noun_is_no_statement() -> None:
    quotes = quotes_of(FREE_RELATIVE)
    assert [(q.speaker, q.text) for q in quotes] == [("Ada Okoro", "the delay as a “short pause,”")]
