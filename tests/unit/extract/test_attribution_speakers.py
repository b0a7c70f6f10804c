"""Quote attribution, third round: speakers the article-level score missed (issue 18), one
fictional article per class found on PolNeAR train. The people, places and texts are made up
for these tests."""

from __future__ import annotations

from search.extract.attribution.attribute import find_people
from search.model import Quote


def quotes_of(body: str) -> list[Quote]:
    return find_people(body).quotes


PARTICIPLE = """Senator Mara Quint on Tuesday stepped up her attacks on the toll plan, saying it \
would cost commuters twice what the state admits.

Oskar Brandt endorsed Quint last week – saying she has “never once backed down.”

After a vote on the delay, Governor Tom Asher said, “That makes me careful.” Asher was also \
asked about the ferry, saying, “It will run again in June.”"""


def test_a_participle_of_saying_after_the_sentences_verb_is_its_subjects() -> None:
    quotes = quotes_of(PARTICIPLE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Mara Quint", "it would cost commuters twice what the state admits"),
        ("Oskar Brandt", "she has “never once backed down.”"),
        ("Tom Asher", "That makes me careful"),
        ("Tom Asher", "It will run again in June"),
    ]


OBJECT_NAME = """Senator Ruth Calloway said she did not think the ads hurt Pell Harmon in 2012, \
arguing that the party's divisions were a bigger hurdle.

“It is not what lost the race,” she said."""


def test_a_name_inside_the_first_verbs_clause_is_no_speaker_of_the_second() -> None:
    quotes = quotes_of(OBJECT_NAME)
    assert {q.speaker for q in quotes} == {"Ruth Calloway"}


PLACE_SURNAME = """Longtime friend Lanny Davis appeared on the morning show to defend the \
senator.

“The inquiry found nothing illegal,” Davis said. “She has said so many, many times.”"""


def test_a_surname_that_is_also_a_town_speaks_as_the_person_named_in_full() -> None:
    findings = find_people(PLACE_SURNAME)
    assert [s.name for s in findings.speakers] == ["Lanny Davis"]
    assert [q.speaker for q in findings.quotes] == ["Lanny Davis", "Lanny Davis"]


INVERTED_CHAIN = """“They are out of ideas and out of time,” said Oversight ranking Democrat Vera \
Lindqvist (D-Ore.).

“If we don’t reach those voters, we lose a generation,” said Ohio’s Pell Harmon, a Republican \
consultant."""


def test_an_inverted_speaker_is_the_name_after_a_place_or_a_role_modifier() -> None:
    quotes = quotes_of(INVERTED_CHAIN)
    assert [q.speaker for q in quotes] == ["Vera Lindqvist", "Pell Harmon"]


DOUBLED_APOSTROPHES = """The bridge tax, which the lake authority's chief executive, Ines Marlow, \
called ''a tax on breathing'' -- has been in force since May."""


def test_a_quotation_in_doubled_apostrophes_right_after_the_cue_is_the_statement() -> None:
    quotes = quotes_of(DOUBLED_APOSTROPHES)
    assert [(q.speaker, q.text) for q in quotes] == [("Ines Marlow", "a tax on breathing")]


PUT_IT = """As Ms. Vera Simonyan put it, the channel is ''giving a view you get nowhere else.''

As Senator John Marwick, the second in the leadership, put it: “This nominee will not be \
confirmed.”

Governor Tom Asher put it on the table last week."""


def test_as_someone_put_it_is_a_cue_and_put_it_elsewhere_is_not() -> None:
    quotes = quotes_of(PUT_IT)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Vera Simonyan", "put it"),
        ("John Marwick", "put it"),
    ]
    assert quotes[1].text == "This nominee will not be confirmed"


QUESTIONS = """Lena Vogt of The Harbinger asked Governor Ada Okoro on Friday whether she would \
release the ferry contracts.

Asked by Matt Loring whether she had read them, Okoro said, “I read every page.”

Senator Pell Harmon was asked by host Ruth Calloway whether his plan could pass.

Senator Pell Harmon was asked by reporters about the bridge."""


def test_who_asks_a_question_is_a_speaker_named_through_of_the_outlet_or_by() -> None:
    quotes = quotes_of(QUESTIONS)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Lena Vogt", "whether she would release the ferry contracts"),
        ("Matt Loring", "whether she had read them"),
        ("Ada Okoro", "I read every page"),
        ("Ruth Calloway", "whether his plan could pass"),
    ]


PARTICIPLE_AFTER_CONJUNCTION = """“Keep your hands in sight,” Nora Blige sings to the senator \
before asking her, “Where do we go from here?”

Oskar Brandt has risen in the polls by saying that the toll system is rigged.

When pressed by Lester Hale about how he would bring the jobs back, Governor Tom Asher \
hesitated."""


def test_a_participle_after_before_or_by_and_who_presses_a_question_are_speakers() -> None:
    quotes = quotes_of(PARTICIPLE_AFTER_CONJUNCTION)
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Nora Blige", "asking", "Where do we go from here?"),
        ("Oskar Brandt", "saying", "the toll system is rigged"),
        ("Lester Hale", "pressed by", "how he would bring the jobs back"),
    ]


ASKING_NOT_PARTICIPLE = """Mayor Greg Alder wrote a letter to Attorney General Ines Marlow \
asking the department to look into the lines."""


def test_asking_that_is_no_participle_of_the_sentence_subject_names_no_speaker() -> None:
    assert not [q for q in quotes_of(ASKING_NOT_PARTICIPLE) if q.speaker == "Ines Marlow"]


PARAGRAPH_BEFORE = """Governor Tom Asher opened the bridge. “It holds,” he said. “It will hold.”

The governor told Cape-Verdeans this weekend he would consider it a “personal insult” if \
they stayed home, implicitly putting his name on the ballot.

Julie Marsh reported from Kaneohe Bay, and Omar Reyes from Midway Atoll."""


def test_a_quotation_closing_the_paragraph_before_is_no_statement_of_the_next() -> None:
    quotes = quotes_of(PARAGRAPH_BEFORE)
    assert [(q.speaker, q.text) for q in quotes][-1] == (
        "Tom Asher",
        "he would consider it a “personal insult” if they stayed home",
    )
    assert "Julie Marsh" not in {q.speaker for q in quotes}


NESTED_QUOTATION = """“He lost the debate, plain and simple.” ― Vera Lindqvist
“I would rather live in what he calls “a disaster” than in his country.” ― Adriana Okafor
“Nobody asked me.” ― Pell Harmon"""


def test_a_quotation_inside_a_quotation_in_the_same_marks_keeps_the_list_in_step() -> None:
    quotes = quotes_of(NESTED_QUOTATION)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Vera Lindqvist", "He lost the debate, plain and simple"),
        (
            "Adriana Okafor",
            "I would rather live in what he calls “a disaster” than in his country",
        ),
        ("Pell Harmon", "Nobody asked me"),
    ]


RELATIVE_AFTER_PLACE = """Governor Tom Asher spoke at the pier on Monday.

The plan may calm nervous Democrats on Harbor Hill, who have argued that the tolls hurt them.

The show drew singers like Nora Blige and Pell Harmon, who joked that the pier would hold."""


def test_a_relative_clause_after_a_place_is_its_peoples_after_a_listed_name_the_names() -> None:
    speakers = {q.speaker for q in quotes_of(RELATIVE_AFTER_PLACE)}
    assert "Harbor Hill" not in speakers
    assert "Pell Harmon" in speakers


PRONOUN_GENDER = """Actress Nora Quintero sat beside Governor Tom Asher, who has mocked the toll \
plan for a year.

“I really do not know how I will vote this year,” she said."""


def test_she_never_stands_for_a_man_the_article_names_as_one() -> None:
    quotes = quotes_of(PRONOUN_GENDER)
    assert [q.speaker for q in quotes if q.text.startswith("I really")] == ["Nora Quintero"]


PRONOUN_GENDER_UNKNOWN = """Mr. Tom Asher met Justice Ilarion Vesk at the pier, where Asher \
promised a new ferry.

“It is finished, and the town knows it,” she said of the vote."""


def test_past_a_man_ruled_out_she_takes_no_one_whose_gender_is_unknown() -> None:
    quotes = quotes_of(PRONOUN_GENDER_UNKNOWN)
    assert all(q.speaker != "Tom Asher" for q in quotes if q.text.startswith("It is"))


ORGANISATION_NAME = """He notes that the Commission on Presidential Ferries announced on Friday \
that the vote would be delayed.

Governor Tom Asher said the delay was “a gift to nobody.”"""


def test_a_word_continuing_an_organisations_name_is_no_person() -> None:
    findings = find_people(ORGANISATION_NAME)
    assert [s.name for s in findings.speakers] == ["Tom Asher"]
    assert "Ferries" not in findings.people


RANKED_OFFICER = """“The ferry is the only road we have,” said Air Force 1st Lt. Tomas Okonjo.

“Nobody asked the crews,” said Army Capt. Lena Varga, who served two tours."""


def test_an_officer_named_after_the_service_and_rank_speaks_not_the_service() -> None:
    quotes = quotes_of(RANKED_OFFICER)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Tomas Okonjo", "person"),
        ("Lena Varga", "person"),
    ]


SOURCE_THEN_NEXT_SENTENCE = """The ferry was delayed, according to The Associated Press.
Senator Vera Lindqvist’s campaign called the report a “rush to judgment,” because the vote \
is not over."""


def test_an_organisation_ending_its_sentence_keeps_its_words_from_the_next_ones_name() -> None:
    quotes = quotes_of(SOURCE_THEN_NEXT_SENTENCE)
    assert [(q.speaker, q.speaker_kind, q.cue) for q in quotes] == [
        ("Associated Press", "organization", "according to"),
        ("Vera Lindqvist's campaign", "organization", "called"),
    ]


MIDDLE_NAME_ORG_WORD = """“The tolls are a tax on the poor,” said Kathleen Hall Orvieto, a \
professor of economics at Harbor State.

Orvieto said the board had ignored its own study."""


def test_a_middle_name_that_is_also_an_organisation_word_stays_in_the_name() -> None:
    findings = find_people(MIDDLE_NAME_ORG_WORD)
    assert [s.name for s in findings.speakers] == ["Kathleen Hall Orvieto"]


INTENT = """Governor Tom Asher and his wife Nora are expected to visit the pier next week.

Asher had hoped to reopen the ferry before the vote."""


def test_expecting_or_hoping_to_do_something_is_no_statement() -> None:
    assert quotes_of(INTENT) == []


REPORTED_SUBJECT = """Harbor spokesman Ivo Marsh said Monday that Governor Tom Asher has long \
called for lower tolls on the bridge. He said Asher hopes that the next governor will keep \
them low."""


def test_he_is_the_one_who_reported_not_the_subject_of_the_clause_reported() -> None:
    quotes = quotes_of(REPORTED_SUBJECT)
    assert [(q.speaker, q.text) for q in quotes if q.text.startswith("Asher hopes")] == [
        ("Ivo Marsh", "Asher hopes that the next governor will keep them low")
    ]


# Fifth round (issue 18): classes found in the train misses of `score_speakers.py`.

DESCRIBED_AFTER_CUE = """“The lines were longer than in any year I remember,” said another voter, \
Nora Pell. “We waited three hours.”

The port had “no ties of any consequence” to the smugglers, said the bureau’s director, Ivo \
Marsh, on Monday.

With the mayor’s help, the board was “working to change its image,” wrote the ambassador at \
the time, Tomas R. Lindqvist."""


def test_a_name_closing_a_description_after_an_inverted_cue_is_the_speaker() -> None:
    quotes = quotes_of(DESCRIBED_AFTER_CUE)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Nora Pell", "person"),
        ("Ivo Marsh", "person"),
        ("Tomas R. Lindqvist", "person"),
    ]


FOUNDER_OUTLET = """Michael R. Bloomberg, who has weighed a run for governor, said it was \
“impossible” for an independent to win.

Anna Huffington said the site would grow. Bloomberg News reported the poll on Friday."""


def test_a_given_name_before_an_outlet_named_after_its_founder_is_the_person() -> None:
    findings = find_people(FOUNDER_OUTLET)
    assert [s.name for s in findings.speakers] == ["Michael R. Bloomberg", "Anna Huffington"]


DEMONSTRATIVE_CLAUSE = """Party strategist Mo Okafor spoke to the board on Friday.

This has been a persistent worry for the party all year, Okafor said. That is the trouble \
with the ferry plan, Okafor added."""


def test_a_statement_opening_with_this_or_that_before_its_signer_is_a_statement() -> None:
    quotes = quotes_of(DEMONSTRATIVE_CLAUSE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Mo Okafor", "This has been a persistent worry for the party all year"),
        ("Mo Okafor", "That is the trouble with the ferry plan"),
    ]


THE_ONE_WORD = """The Courier had chided President Tom Asher on Aug. 17 for staying on vacation \
instead of visiting the flooded towns.

That did not sit well with the editors of The Courier, who aimed their Friday editorial at \
Asher."""


def test_a_lone_word_after_a_sentence_opening_the_is_no_person() -> None:
    findings = find_people(THE_ONE_WORD)
    assert "Courier" not in findings.people
    assert [q.speaker for q in findings.quotes if q.speaker_kind == "person"] == []


PLACE_IN_APPOSITIVE = """Sandy Pillar, who lost her son during the flood in Dayton, Ohio, in \
July 2012, said that the senator had treated her family badly.

Harry Bonder, 30, of Raleigh, N.C., who was among those polled, said the toll plan scared him.

“We have had better conventions than this one,” Texas delegate Bill Osgood, wearing a straw \
hat and campaign pins, said as confetti fell."""


def test_a_place_in_the_opening_names_appositive_is_not_the_subject() -> None:
    quotes = quotes_of(PLACE_IN_APPOSITIVE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Sandy Pillar", "the senator had treated her family badly"),
        ("Harry Bonder", "the toll plan scared him"),
        ("Bill Osgood", "We have had better conventions than this one"),
    ]


ADVISER_THEN_HE = """Still, Ivo Marsh, a senior adviser to Governor Tom Asher, said on Tuesday \
that the campaign would not mislead voters about the count.

“If there is no way to do it, we will be upfront about that,” he said."""


def test_he_after_an_adviser_speaking_for_a_principal_is_the_adviser() -> None:
    quotes = quotes_of(ADVISER_THEN_HE)
    assert [q.speaker for q in quotes] == ["Ivo Marsh", "Ivo Marsh"]


FRONTED_SHOW = """Wednesday on Harbor Channel’s “Nightly,” Tom Asher said if the board picked \
him it would be a “two-pirate ticket.”

On Harbor News’s "This Week," Vera Pell said that by refusing to name the lender, the board \
is "hiding the bill."

After Vera Pell accused him of sexism, he warned, "That will be fair game," Tom Asher told \
the Harbor show when asked about her husband."""


def test_a_quoted_show_in_a_fronted_phrase_is_no_statement_of_the_cue_after_it() -> None:
    quotes = quotes_of(FRONTED_SHOW)
    assert [(q.speaker, q.text) for q in quotes if q.cue == "said"] == [
        ("Tom Asher", "if the board picked him it would be a “two-pirate ticket.”"),
        ("Vera Pell", 'by refusing to name the lender, the board is "hiding the bill."'),
    ]
    # a quotation after a clause of the sentence's own is still the statement
    assert "That will be fair game" in [q.text for q in quotes]


FRONTED_THEN_SIGNED = """Party strategist Ivo Marsh spoke to the board on Friday.

After two decades in the senate, Tom Asher plans to remain a Democrat, Marsh said.

On Friday morning, the third day of the ferry strike, Marsh said."""


def test_a_fronted_phrase_then_a_main_clause_signed_at_the_close_is_a_statement() -> None:
    quotes = quotes_of(FRONTED_THEN_SIGNED)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ivo Marsh", "After two decades in the senate, Tom Asher plans to remain a Democrat"),
    ]


EMBEDDED_TWEETS = """The speaker spoke on Tuesday.

While I respect the professionals at the agency, this ruling defies explanation. No one should \
be above the law. pic.twitter.com/Oq8glquI — Tom Asher (@SpeakerAsher) July 5, 2016.

Even for a schemer like Pell, this is pathetic. It’s dangerous, too.https://t.co/hcd4k9 — Ivo \
Marsh (@ivomarsh) August 2, 2016."""


def test_an_embedded_tweet_is_the_statement_of_the_name_signing_it() -> None:
    quotes = quotes_of(EMBEDDED_TWEETS)
    assert [(q.speaker, q.text) for q in quotes] == [
        (
            "Tom Asher",
            "While I respect the professionals at the agency, this ruling defies explanation. "
            "No one should be above the law",
        ),
        ("Ivo Marsh", "Even for a schemer like Pell, this is pathetic. It’s dangerous, too"),
    ]


PAIRED_COLON = """HARBOR POLLS NOT WRONG, JUST TOO EARLY - Mark Blum and Jon Cole: “Although the \
polls failed to predict the win, they were not wrong.”"""


def test_two_authors_before_a_colon_both_speak() -> None:
    quotes = quotes_of(PAIRED_COLON)
    assert [(q.speaker, q.cue) for q in quotes] == [("Mark Blum", ":"), ("Jon Cole", ":")]


FRONTED_SUBJECT = """Here in Dayton, Tom Asher stepped up his emphasis on the ferry, saying, "We \
have got to reach the day when the boats run on time."

On Thursday, after staying neutral all spring, Sen. Vera Pell appeared with the host and \
endorsed Asher, saying, “A fighter in the lead is what this state needs.”

In his speech, Ivo Marsh praised Pell as the ablest candidate ever and said she would finish \
the job."""


def test_the_subject_after_a_fronted_phrase_speaks_through_a_later_participle() -> None:
    quotes = quotes_of(FRONTED_SUBJECT)
    assert [(q.speaker, q.text) for q in quotes if q.cue in ("saying", "said")] == [
        ("Tom Asher", "We have got to reach the day when the boats run on time"),
        ("Vera Pell", "A fighter in the lead is what this state needs"),
        ("Ivo Marsh", "she would finish the job"),
    ]


AGED_SUBJECT = """For more than half a century, Vane has served the movement.

76-year-old Morton Blackwood, founder of the Harbor Institute, club member in the 1960s and \
long time committeeman from Ohio, endorsed Asher last week, saying he “has consistently shown \
his commitment to the port.”"""


def test_an_age_before_the_sentences_subject_keeps_it_the_subject() -> None:
    quotes = quotes_of(AGED_SUBJECT)
    assert [(q.speaker, q.cue) for q in quotes] == [("Morton Blackwood", "saying")]


QUESTION_SIGNED_BY_ROLE = """“I meant exactly that,” Tom Asher said.

“But why?” reporter Jackie Nesbit asked him.

“Does that fly?” former Asher adviser Ivo Marsh asked on Twitter."""


def test_a_question_signed_by_a_titled_name_is_that_persons() -> None:
    quotes = quotes_of(QUESTION_SIGNED_BY_ROLE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tom Asher", "I meant exactly that"),
        ("Jackie Nesbit", "But why?"),
        ("Ivo Marsh", "Does that fly?"),
    ]


POSSESSIVE_OPENING = """Party strategist Hank Sheinman spoke to the board.

His endorsement could matter more for identity politics than for his clout in Dayton, said \
Democratic strategist Hank Sheinman.

His voice breaking, Sheinman said."""


def test_a_statement_opening_with_a_possessive_before_its_signer_is_a_statement() -> None:
    quotes = quotes_of(POSSESSIVE_OPENING)
    assert [(q.speaker, q.text) for q in quotes] == [
        (
            "Hank Sheinman",
            "His endorsement could matter more for identity politics than for his clout in Dayton",
        ),
    ]


POSSESSOR_AFTER_INVERTED_CUE = """Tom Asher spoke on Monday.

The lawmaker, who represents a district in Albay province, said Asher's remarks "have done \
lasting harm."

“We are treating March as one long election day,” said Asher’s deputy campaign manager, Ivo \
Marsh, who ran the port campaign."""


def test_a_possessor_after_an_inverted_cue_is_no_speaker_but_the_role_it_owns_is() -> None:
    quotes = quotes_of(POSSESSOR_AFTER_INVERTED_CUE)
    assert [q.speaker for q in quotes if q.speaker_kind == "person"] == ["Ivo Marsh"]


CLOSED_WITH_OPENING_MARK = """“It's unusual,“ said Larry Nobbs, an attorney with the Harbor \
Legal Center. “It's a hard thing to do.”"""


def test_a_quotation_closed_with_an_opening_mark_is_signed_by_the_inverted_speaker() -> None:
    quotes = quotes_of(CLOSED_WITH_OPENING_MARK)
    assert [(q.speaker, q.text) for q in quotes][:1] == [("Larry Nobbs", "It's unusual")]


NAME_IN_APPOSITION_BEFORE_CUE = """One Republican hopeful, Carla Fiorrina, says despite being \
a Stanford alumna, she plans to root for Dayton.

Despite a series of defeats on Tuesday night, Sen. Tom Asher remains committed to the race, his \
top aide, Ivo Marsh, told the paper."""


def test_a_name_set_off_before_its_cue_is_described_by_the_words_before_it() -> None:
    quotes = quotes_of(NAME_IN_APPOSITION_BEFORE_CUE)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Carla Fiorrina", "despite being a Stanford alumna, she plans to root for Dayton"),
        (
            "Ivo Marsh",
            "Despite a series of defeats on Tuesday night, Sen. Tom Asher remains committed to "
            "the race",
        ),
    ]


NAME_IN_OPENING_RELATIVE = """Marty Weston, an education professor at Harbor who previously \
worked for Sen. Lamar Alexson (R-Ohio), one of the bill’s architects, called it “an incredibly \
significant development.”

Mr. Slinker, whose latest start-up, Paradata, helps brands find suppliers, said Mr. Asher was \
a candidate in the spirit of the valley."""


def test_a_name_in_the_opening_names_relative_clause_is_not_the_subject() -> None:
    quotes = quotes_of(NAME_IN_OPENING_RELATIVE)
    assert [q.speaker for q in quotes] == ["Marty Weston", "Slinker"]
