"""Behaviour of the rule-based speaker / quote / people finder (search.extract.attribution)."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
from pathlib import Path

import pytest

from search.extract.attribution.attribute import PeopleFindings, find_people
from search.extract.attribution.mentions import find_mentions
from search.extract.attribution.spans import Sentences, quote_spans
from search.extract.pipeline import extract
from search.ingest.read import read_all
from tests.support.helpers import POLNEAR, REPO, SEED_ARTICLE, SHARED

ATTRIBUTION = REPO / "search" / "extract" / "attribution"
SEED = SEED_ARTICLE
POLNEAR_DEV = POLNEAR / "dev"
SCORER = SHARED / "tools" / "score_speakers.py"


def speaker_names(found: PeopleFindings) -> list[str]:
    return [s.name for s in found.speakers]


def quotes_by(found: PeopleFindings, name: str) -> list[str]:
    return [q.text for q in found.quotes if q.speaker == name]


# --- seed article ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> PeopleFindings:
    if not SEED.exists():
        pytest.skip(f"shared corpus not found at {SEED} (shared/ must sit beside the repo)")
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("The Kremlin has had no contacts") :]
    title = "Kremlin reiterates there will be no contacts with Trump’s team before inauguration"
    return find_people(body, title=title, exclude=["Mikhail Metzel"])


def test_seed_speakers(seed: PeopleFindings) -> None:
    names = speaker_names(seed)
    assert "Dmitry Peskov" in names
    for wrong in ("Mikhail Metzel", "Vladimir Putin", "Barack Obama", "Pskov"):
        assert wrong not in names
    peskov = next(s for s in seed.speakers if s.name == "Dmitry Peskov")
    assert peskov.quote_count >= 6
    assert peskov.role and "spokesman" in peskov.role.lower()


def test_seed_people(seed: PeopleFindings) -> None:
    for name in ("Dmitry Peskov", "Donald Trump", "Vladimir Putin", "Barack Obama"):
        assert name in seed.people
    assert "Mikhail Metzel" not in seed.people
    assert "Pskov" not in seed.people


def test_seed_misspelling_is_a_person_span(seed: PeopleFindings) -> None:
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("The Kremlin has had no contacts") :]
    spans = {body[s:e] for s, e in seed.person_spans}
    assert "Pskov" in spans
    warned = [q for q in seed.quotes if q.cue == "warned"]
    assert warned and warned[0].speaker == "Dmitry Peskov"


def test_seed_offsets(seed: PeopleFindings) -> None:
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("The Kremlin has had no contacts") :]
    assert seed.quotes
    for q in seed.quotes:
        assert body[q.start : q.end] == q.text


# --- hand-written sentences ------------------------------------------------------------------


def test_surname_merges_with_full_name() -> None:
    body = (
        "Senator Elizabeth Warren spoke in Boston on Monday. "
        '"We will not back down," Warren said. Warren added that the bill was fair.'
    )
    found = find_people(body)
    assert speaker_names(found) == ["Elizabeth Warren"]
    assert found.speakers[0].quote_count == 2
    assert found.people == ["Elizabeth Warren"]


def test_role_is_kept_apart_from_the_name() -> None:
    body = "Russian Presidential spokesman Dmitry Peskov said the talks would go on."
    found = find_people(body)
    assert found.speakers[0].name == "Dmitry Peskov"
    assert found.speakers[0].role == "Russian Presidential spokesman"
    assert quotes_by(found, "Dmitry Peskov") == ["the talks would go on"]


def test_honorific_resolves_to_full_name() -> None:
    body = 'Donald Trump visited Ohio. "It was great," Mr. Trump told reporters.'
    found = find_people(body)
    assert speaker_names(found) == ["Donald Trump"]
    assert found.quotes[0].cue == "told"


def test_he_said_goes_to_the_last_subject() -> None:
    body = (
        "Governor Mike Pence met voters in Iowa with Donald Trump's aides. "
        '"This is a movement," he said.'
    )
    found = find_people(body)
    assert speaker_names(found) == ["Mike Pence"]
    assert found.quotes[0].text == "This is a movement"


def test_near_miss_spelling_merges() -> None:
    body = (
        "Spokeswoman Katrina Pierson said the rally was a success. "
        "Piersen warned against reading too much into the polls."
    )
    found = find_people(body)
    assert speaker_names(found) == ["Katrina Pierson"]
    assert found.speakers[0].quote_count == 2
    assert "Piersen" not in found.people


def test_credits_and_bylines_are_excluded() -> None:
    body = (
        "Jane Smith said the vote was close. John Doe, who took the photographs, said nothing else."
    )
    found = find_people(body, exclude=["John Doe"])
    assert speaker_names(found) == ["Jane Smith"]
    assert "John Doe" not in found.people


@pytest.mark.parametrize(
    "body",
    [
        "Kremlin spokesman Yegor Lapin told reporters on Monday that the talks would go on.",
        "Kremlin spokesman Yegor Lapin told the St. Petersburg Economic Forum on Monday that "
        "the talks would go on.",
    ],
)
def test_what_was_told_starts_after_the_audience_and_the_day(body: str) -> None:
    assert quotes_by(find_people(body), "Yegor Lapin") == ["the talks would go on"]


def test_what_was_told_before_the_speaker_in_wire_style() -> None:
    body = (
        "Moscow is ready to resume the talks if its proposals are answered, Russian Deputy "
        "Foreign Minister Lev Grachyov told reporters on Tuesday following consultations with "
        "UN envoy Maria Solberg."
    )
    assert quotes_by(find_people(body), "Lev Grachyov") == [
        "Moscow is ready to resume the talks if its proposals are answered"
    ]


def test_according_to() -> None:
    body = "The deal is off, according to Treasury Secretary Jack Lew."
    found = find_people(body)
    assert speaker_names(found) == ["Jack Lew"]
    assert found.quotes[0].text == "The deal is off"
    assert found.quotes[0].cue == "according to"


def test_inverted_cue_and_offsets() -> None:
    body = (
        "WASHINGTON (AP) — “We are ready,” said Sen. Bernie Sanders of Vermont. "
        "Clinton campaign spokesman Brian Fallon said, “We welcome it.”"
    )
    found = find_people(body)
    assert set(speaker_names(found)) == {"Bernie Sanders", "Brian Fallon"}
    assert [q.text for q in found.quotes] == ["We are ready", "We welcome it"]
    for q in found.quotes:
        assert body[q.start : q.end] == q.text


def test_organisations_and_places_are_not_people() -> None:
    body = "Politico reported the plan. The Clinton Foundation said it would comply."
    found = find_people(body)
    assert found.speakers == []
    assert found.people == []


# --- PolNeAR dev score -----------------------------------------------------------------------


def _load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score_speakers", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dev_scores() -> tuple[float, float, float]:
    """Micro P, R and F1 over (article, speaker key) pairs on PolNeAR dev, with the articles
    read and extracted as `dateline extract` does and keyed by the shared scorer."""
    if not (POLNEAR_DEV / "text").is_dir() or not SCORER.exists():
        pytest.skip(f"PolNeAR dev split or scorer not found under {SHARED}")
    name_key = _load_scorer().name_key
    with open(POLNEAR_DEV / "gold.jsonl", encoding="utf-8") as f:
        gold = {r["id"]: set(r["speakers"]) for r in map(json.loads, f)}
    tp = n_pred = 0
    for doc in read_all([POLNEAR_DEV / "text"]):
        article = extract(doc)
        pred = {k for k in (name_key(s.name) for s in article.speakers) if k}
        tp += len(pred & gold.get(article.id, set()))
        n_pred += len(pred)
    precision, recall = tp / n_pred, tp / sum(map(len, gold.values()))
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_polnear_dev_score_meets_target() -> None:
    """The required quality: P and R at least 0.80 and F1 at least 0.85 on dev."""
    precision, recall, f1 = _dev_scores()
    assert precision >= 0.80, (precision, recall, f1)
    assert recall >= 0.80, (precision, recall, f1)
    assert f1 >= 0.85, (precision, recall, f1)


# --- source noun phrases ---------------------------------------------------------------------


def test_a_name_inside_the_source_noun_phrase_is_the_one_spoken_for() -> None:
    body = (
        "Hillary Clinton spoke in Ohio. "
        "Clinton spokeswoman Jennifer Palmieri said the campaign was ready."
    )
    found = find_people(body)
    assert set(speaker_names(found)) == {"Jennifer Palmieri"}
    assert found.quotes[0].on_behalf_of == "Hillary Clinton"


def test_state_tags_do_not_break_a_list_of_subjects() -> None:
    body = (
        "Several Republican leaders, including Sens. John McCain (Ariz.), Kelly Ayotte (N.H.), "
        "Pat Toomey (Pa.) and Chuck Grassley (Iowa) have since denounced the remarks on the judge."
    )
    names = set(speaker_names(find_people(body)))
    assert names == {"John McCain", "Kelly Ayotte", "Pat Toomey", "Chuck Grassley"}


def test_brand_names_are_not_people() -> None:
    body = "DuPont announced plans to merge with a rival on Friday."
    assert find_people(body).speakers == []


# --- title-word surnames, headlines, appositive lists ----------------------------------------


def test_a_title_word_after_a_first_name_is_a_surname() -> None:
    body = (
        '"These are steps in the right direction," Amy Pope, deputy homeland security '
        "adviser, said on a call. Representative Peter T. King said the plan was sound."
    )
    assert set(speaker_names(find_people(body))) == {"Amy Pope", "Peter T. King"}


def test_a_headline_speaker_counts_when_the_body_names_them() -> None:
    body = "Donald Trump spoke in Ohio on Monday. Hillary Clinton was in Iowa."
    assert "Donald Trump" in speaker_names(find_people(body, title="Trump: We Will Win Ohio"))
    assert "Hillary Clinton" in speaker_names(find_people(body, title="Clinton says Iowa is hers"))
    # Nobody in the body: the headline name alone is not trusted.
    assert speaker_names(find_people(body, title="Kasich: Ohio is mine")) == []
    # A clause before the colon is not a speaker label.
    assert speaker_names(find_people(body, title="Voters heckle Trump supporters: 'Go'")) == []


def test_the_last_name_of_an_appositive_list() -> None:
    body = (
        "The Democratic candidates, Hillary Clinton and Senator Bernie Sanders, have promised "
        "to build on the deal."
    )
    assert set(speaker_names(find_people(body))) == {"Hillary Clinton", "Bernie Sanders"}


# --- one rule each: the speakers a short text gives ------------------------------------------


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        pytest.param(
            "The former football star, now a guest speaker, endorsed Republican candidate "
            "Donald Trump on Monday.",
            [],
            id="only verbs of saying invert",
        ),
        pytest.param(
            "Several senators may vote on it. Jeff Flake said he would.",
            ["Jeff Flake"],
            id="a short reported clause still makes a speaker",
        ),
        pytest.param(
            "Another pollster, David Woodard of Clemson University, said his survey showed it.",
            ["David Woodard"],
            id="an of phrase before the closing comma of an appositive name",
        ),
        pytest.param(
            "Sen. Ron Wyden remembered the bill failing in the House years ago.",
            ["Ron Wyden"],
            id="verbs of belief are cues",
        ),
        pytest.param(
            "The crowd cheered for Donald Trump in Ohio on Monday and, he said, would return.",
            [],
            id="a pronoun needs a subject like antecedent",
        ),
        pytest.param(
            "Carole Bower, 75, a retiree in Carthage, Ill., said she supports the plan.",
            ["Carole Bower"],
            id="an age appositive before the cue",
        ),
        pytest.param(
            '"The platform is notable," said J.M. Berger, a fellow at the U.S. institute.',
            ["J.M. Berger"],
            id="run together initials belong to the name",
        ),
        pytest.param(
            "April Mellody, a spokeswoman for the committee, said it was fine. In May Cruz won.",
            ["April Mellody"],
            id="a month used as a first name",
        ),
        pytest.param(
            "John Kasich won Ohio. The Kasich campaign said on Monday that it would fight on.",
            [],
            id="a campaign speaks, not the one it campaigns for",
        ),
        pytest.param(
            "James Pethokoukis of the American Enterprise Institute wrote that taxes would rise.",
            ["James Pethokoukis"],
            id="an affiliation between the name and the cue",
        ),
        pytest.param(
            "Pfizer chief executive Ian Read said company leaders had paid attention.",
            ["Ian Read"],
            id="a common word surname next to said",
        ),
        pytest.param(
            "Mr. Smith and Ms. Jones met Mr. Brown. Intel said it would hold a fund-raiser. "
            "Mashable announced layoffs.",
            [],
            id="a bare word in an honorific style article is an organisation",
        ),
    ],
)
def test_speakers_of_a_short_text(body: str, speakers: list[str]) -> None:
    assert speaker_names(find_people(body)) == speakers


# --- scanning patterns (written so that `re` can skip ahead; their edges must hold) ----------


def test_name_runs_start_only_at_a_word_start() -> None:
    body = "We asked @JohnKasich, #NeverTrump and iPhone users. Gen. Colin L. Powell met Ann Lee."
    runs = [(m.tokens, m.role) for m in find_mentions(body)]
    assert runs == [(("Colin", "L.", "Powell"), "Gen."), (("Ann", "Lee"), None)]


def test_quotation_marks_pair_whatever_their_style() -> None:
    body = "He said ''we will win'' and “soon.” Rock'n''roll is no quote.\n\"Open"
    assert [body[s:e] for s, e in quote_spans(body)] == ["we will win", "soon."]


def test_sentences_end_at_stops_but_not_after_titles_or_initials() -> None:
    body = "Sen. J. Smith spoke!! Then he left?\nNext line. Done"
    sents = Sentences(body)
    found = [body[s:e] for s, e in (sents.bounds(p) for p in (0, 22, 35, 40, 47))]
    assert found == ["Sen. J. Smith spoke!!", " Then he left?", "\n", "Next line.", " Done"]


# --- the stages ------------------------------------------------------------------------------


def _attribution_imports(source: Path) -> set[str]:
    prefix = "search.extract.attribution."
    return {
        node.module.removeprefix(prefix)
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(prefix)
    }


def test_each_module_imports_only_the_modules_listed_above_it() -> None:
    """The package's docstring lists its modules in order: data flows forward only."""
    doc = ast.get_docstring(ast.parse((ATTRIBUTION / "__init__.py").read_text(encoding="utf-8")))
    order = re.findall(r"^    (\w+) {2,}", doc or "", re.M)
    modules = [p.stem for p in ATTRIBUTION.glob("*.py") if p.stem != "__init__"]
    assert sorted(order) == sorted(modules)
    for position, name in enumerate(order):
        assert _attribution_imports(ATTRIBUTION / f"{name}.py") <= set(order[:position]), name
    # The gazetteer, which mentions and exclusion consult, reads the shared vocabulary, not them.
    assert _attribution_imports(ATTRIBUTION.parent / "gazetteer.py") == set()
