"""Quote attribution, one fictional article per class of error a reader would cite wrongly:
transcripts, lists of reactions, spokespeople and advisers, organisations and documents,
anonymous sources, markup and titles, names resolved inside the article, the type of a quote,
its context, and abstention. The people, places and texts are made up for these tests."""

from __future__ import annotations

from search.extract.attribution.attribute import find_people
from search.extract.attribution.quotes import ABSTAIN_BELOW
from search.extract.pipeline import extract
from search.model import Quote, RawArticle


def quotes_of(body: str) -> list[Quote]:
    return find_people(body).quotes


def said_by(quotes: list[Quote], fragment: str) -> Quote:
    [quote] = [q for q in quotes if fragment in q.text]
    return quote


TRANSCRIPT = """Senator Dana Whitfield (D-Ore.) spoke with host Mark Ellery on Sunday about the \
water bill that Governor Alan Pratt has threatened to veto.

Partial transcript as follows:

"ELLERY: Senator, will you back the bill? Governor Pratt said on Friday that he would veto it.

"WHITFIELD: I will back it. The people of Oregon want clean water, and Alan Pratt knows it.

"But he has to read the bill first.

"ELLERY: And if he vetoes it?

"WHITFIELD: Then we override him."""


def test_each_transcript_turn_is_its_speakers() -> None:
    quotes = quotes_of(TRANSCRIPT)
    assert said_by(quotes, "will you back the bill").speaker == "Mark Ellery"
    assert said_by(quotes, "I will back it").speaker == "Dana Whitfield"
    assert said_by(quotes, "And if he vetoes it").speaker == "Mark Ellery"
    assert said_by(quotes, "Then we override him").speaker == "Dana Whitfield"
    # A turn runs on over the paragraph continuing it; names inside a turn say nothing.
    assert "read the bill first" in said_by(quotes, "I will back it").text
    assert not [q for q in quotes if q.speaker == "Alan Pratt"]
    assert {q.type for q in quotes if q.cue == ":"} == {"direct"}


REACTIONS = """Readers on the debate.

“He never answered the question about jobs.” ― Maria Solano
“She was prepared and calm. I was impressed.” ― Tom Becker
”Neither of them spoke about farmers.” ― Ruth Alvarez
“Too much shouting.”― Omar Haddad"""


def test_each_reaction_is_signed_by_the_name_after_it() -> None:
    quotes = quotes_of(REACTIONS)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Maria Solano", "He never answered the question about jobs"),
        ("Tom Becker", "She was prepared and calm. I was impressed"),
        ("Ruth Alvarez", "Neither of them spoke about farmers"),
        ("Omar Haddad", "Too much shouting"),
    ]


PROXIES = """Donald Trump and Hillary Clinton campaigned in Ohio on Monday, and House Speaker Paul \
Ryan stayed in Washington.

Jason Miller, a spokesman for Donald Trump, said the campaign raised $20 million in July.

Mike Schmidt, an economic policy adviser at the Clinton campaign, said the plan would cut taxes \
for families.

Kenneth Baer, a former Clinton aide who now runs a consulting firm, said the plan was sound.

A spokesman for Ryan said the vote would wait until September."""


def test_a_spokesperson_or_adviser_speaks_for_the_principal() -> None:
    quotes = quotes_of(PROXIES)
    miller = said_by(quotes, "raised $20 million")
    assert (miller.speaker, miller.on_behalf_of) == ("Jason Miller", "Donald Trump")
    schmidt = said_by(quotes, "cut taxes")
    assert (schmidt.speaker, schmidt.on_behalf_of) == ("Mike Schmidt", "Hillary Clinton")
    baer = said_by(quotes, "the plan was sound")  # a former aide speaks for no one now
    assert (baer.speaker, baer.on_behalf_of) == ("Kenneth Baer", None)
    unnamed = said_by(quotes, "the vote would wait")
    assert (unnamed.speaker, unnamed.speaker_kind) == (None, "anonymous")
    assert (unnamed.description, unnamed.on_behalf_of) == ("A spokesman for Ryan", "Paul Ryan")
    # The principals are not quoted here: they are not speakers of the article.
    assert {s.name for s in find_people(PROXIES).speakers} == {
        "Jason Miller",
        "Mike Schmidt",
        "Kenneth Baer",
    }


NOT_PEOPLE = """Donald Trump spoke in Iowa on Tuesday.

The Trump campaign said the report was false.

A Homeland Security memo said the visas were lawful.

The lawsuit says the company misled its investors for years.

The New York Post reports that the deal was signed in March."""


def test_organisations_and_documents_speak_as_themselves() -> None:
    quotes = quotes_of(NOT_PEOPLE)
    campaign = said_by(quotes, "the report was false")
    assert (campaign.speaker, campaign.speaker_kind) == ("Donald Trump's campaign", "organization")
    assert campaign.on_behalf_of == "Donald Trump"
    memo = said_by(quotes, "the visas were lawful")
    assert (memo.speaker, memo.speaker_kind) == ("Homeland Security memo", "document")
    lawsuit = said_by(quotes, "misled its investors")
    assert (lawsuit.speaker, lawsuit.speaker_kind, lawsuit.description) == (
        None,
        "document",
        "The lawsuit",
    )
    post = said_by(quotes, "the deal was signed")
    assert (post.speaker, post.speaker_kind) == ("New York Post", "organization")
    assert [s.name for s in find_people(NOT_PEOPLE).speakers] == []


ANONYMOUS = """Negotiators from both countries met in Geneva on Monday.

Officials said the talks would resume next week.

The deal is close to done, according to a source familiar with the talks."""


def test_anonymous_sources_are_anonymous_with_their_description() -> None:
    quotes = quotes_of(ANONYMOUS)
    officials = said_by(quotes, "the talks would resume")
    assert (officials.speaker, officials.speaker_kind, officials.description) == (
        None,
        "anonymous",
        "Officials",
    )
    source = said_by(quotes, "The deal is close to done")
    assert (source.speaker, source.speaker_kind) == (None, "anonymous")
    assert source.description == "a source familiar with the talks"


def test_markup_and_titles_never_become_quotes() -> None:
    body = (
        "Senator Rosa Delgado appeared on “Meet the Press” on Sunday.\n\n"
        '<tweet id="774123456789" author="@rosadelgado" datetime="2016-09-11">'
        "Proud of our team tonight</tweet>.\n\n"
        '"We will pass the bill before the recess," Delgado said.'
    )
    article = extract(RawArticle("delgado.txt", "text", f"Delgado on the bill\n\n{body}"))
    assert "<tweet" not in article.body and "774123456789" not in article.body
    assert [q.text for q in article.quotes] == ["We will pass the bill before the recess"]


def test_a_surname_or_title_resolves_to_the_full_name_the_article_uses() -> None:
    body = (
        "Hillary Clinton and Bill Clinton arrived in Denver with Barack Obama on Monday. "
        'Mrs. Clinton said the rally was "the biggest yet." '
        "Mr. Clinton said he was proud of the volunteers. "
        "Obama said the election would be close."
    )
    quotes = quotes_of(body)
    assert said_by(quotes, "the biggest yet").speaker == "Hillary Clinton"
    assert said_by(quotes, "proud of the volunteers").speaker == "Bill Clinton"
    assert said_by(quotes, "would be close").speaker == "Barack Obama"


def test_a_quote_is_direct_mixed_or_indirect() -> None:
    body = (
        'Mayor Lena Ortiz spoke on Friday. "We will rebuild the bridge," Ortiz said. '
        'Ortiz said the delay was "a disgrace" for commuters. '
        "Ortiz said the work would start in May."
    )
    quotes = quotes_of(body)
    assert said_by(quotes, "rebuild the bridge").type == "direct"
    assert said_by(quotes, "a disgrace").type == "mixed"
    assert said_by(quotes, "start in May").type == "indirect"


def test_a_quote_keeps_its_sentence_and_the_sentences_around_it() -> None:
    body = (
        "The council met on Tuesday. Mayor Lena Ortiz said the budget was balanced. "
        "The vote is next week."
    )
    [quote] = quotes_of(body)
    assert quote.context is not None
    sentence, before, after = quote.context.sentence, quote.context.before, quote.context.after
    assert body[slice(*sentence)] == "Mayor Lena Ortiz said the budget was balanced."
    assert before is not None and body[slice(*before)] == "The council met on Tuesday."
    assert after is not None and body[slice(*after)] == "The vote is next week."


def test_an_uncertain_attribution_keeps_the_quote_without_a_speaker() -> None:
    body = (
        "Governor Alan Pratt of Oregon met lawmakers on Monday. Mayor Ted Ruiz, Judge Ann Cole "
        "and Sheriff Bo Lind arrived with Pratt at noon and toured the plant with Senator Dana "
        "Whitfield, which he said was a fine plant."
    )
    [quote] = quotes_of(body)
    assert quote.text == "was a fine plant"
    assert quote.confidence < ABSTAIN_BELOW
    assert (quote.speaker, quote.speaker_kind, quote.on_behalf_of) == (None, None, None)
    # An uncertain quote counts for no one.
    assert find_people(body).speakers == []


def test_a_named_speaker_next_to_the_cue_is_sure() -> None:
    [quote] = quotes_of('"We will rebuild the bridge," Mayor Lena Ortiz said on Friday.')
    assert quote.speaker == "Lena Ortiz"
    assert ABSTAIN_BELOW <= quote.confidence <= 1.0
