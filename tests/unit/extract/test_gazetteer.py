import pytest

from search.extract.gazetteer import find_places, gazetteer


def test_datelines_resolve_to_cities_with_country_and_coordinates() -> None:
    moscow = gazetteer().resolve_dateline("MOSCOW", None)
    assert (moscow.name, moscow.country, moscow.country_code) == ("Moscow", "Russia", "RU")
    assert round(moscow.lat) == 56 and round(moscow.lon) == 38


def test_state_abbreviations_pick_the_american_city() -> None:
    manchester = gazetteer().resolve_dateline("MANCHESTER", "N.H.")
    assert manchester.country_code == "US" and round(manchester.lon) == -71
    assert gazetteer().resolve_dateline("ROME", None).country == "Italy"
    assert gazetteer().resolve_dateline("RANGOON", "Burma").name == "Yangon"


def test_unknown_town_keeps_its_region_but_gets_no_invented_coordinates() -> None:
    place = gazetteer().resolve_dateline("SMALLVILLETON", "Pa.")
    assert (place.name, place.country, place.lat, place.lon) == (
        "Smallvilleton",
        "United States",
        None,
        None,
    )
    assert gazetteer().resolve_dateline("SIEGEL", None) is None


def test_places_mentioned_skip_people_and_small_words() -> None:
    text = (
        "In this message Vladimir Putin spoke of Moscow. Pskov warned that the United States "
        "and Russia's partners would meet in Peru."
    )
    skip = [(text.index("Pskov"), text.index("Pskov") + 5)]
    names = [p.name for p in find_places(text, skip=skip, skip_words=["Vladimir", "Putin"])]
    assert names == ["Moscow", "United States", "Russia", "Peru"]


def test_place_names_start_at_a_word_and_take_abbreviations() -> None:
    text = "Flights from St. Louis to the U.K. and the U.S. left; none to MrParis."
    assert [p.name for p in find_places(text)] == ["St. Louis", "United Kingdom", "United States"]


def test_regions_and_places_by_purpose() -> None:
    gaz = gazetteer()
    assert gaz.is_region("Texas") and gaz.is_region("Iran") and not gaz.is_region("Moscow")
    # Any place large enough vetoes a name without other evidence of a person ...
    assert gaz.is_place("Reno") and gaz.is_place("Warren") and not gaz.is_place("Clinton")
    # ... but only countries, states and the largest cities "say" things ("Moscow said").
    assert gaz.is_place("Moscow", speaker=True) and gaz.is_place("Iran", speaker=True)
    assert not gaz.is_place("Reno", speaker=True)
    assert not gaz.is_place("Vladimir Putin")


def test_a_dateline_is_read_in_the_agency_home_country_and_the_articles_countries() -> None:
    gaz = gazetteer()
    petersburg = gaz.resolve_dateline("ST. PETERSBURG", None, home="RU")
    assert (petersburg.name, petersburg.country_code) == ("Saint Petersburg", "RU")
    florida = gaz.resolve_dateline("ST. PETERSBURG", "Fla.", home="US")
    assert (florida.country_code, florida.region) == ("US", "Florida")
    assert gaz.resolve_dateline("TRIPOLI", None).country == "Libya"
    assert gaz.resolve_dateline("TRIPOLI", None, mentioned={"LB"}).country == "Lebanon"


def test_a_region_between_slashes_places_the_town_and_stays_its_region() -> None:
    zavidovo = gazetteer().resolve_dateline("ZAVIDOVO", "Tver Region", home="RU")
    assert (zavidovo.name, zavidovo.region, zavidovo.country) == (
        "Zavidovo",
        "Tver Region",
        "Russia",
    )
    assert zavidovo.lat is not None
    unknown = gazetteer().resolve_dateline("VERKHNEOZYORSK", "Arkhangelsk Region", home="RU")
    assert (unknown.name, unknown.region, unknown.country, unknown.lat, unknown.lon) == (
        "Verkhneozyorsk",
        "Arkhangelsk Region",
        "Russia",
        None,
        None,
    )
    assert gazetteer().resolve_dateline("KHMEIMIM", "Syria", home="RU").country == "Syria"


@pytest.mark.parametrize(
    ("written", "name", "country_code"),
    [
        ("UNITED NATIONS", "United Nations", "US"),
        ("VATICAN CITY", "Vatican City", "VA"),
        ("GAZA STRIP", "Gaza Strip", "PS"),
    ],
)
def test_well_known_sites_are_dateline_places(written: str, name: str, country_code: str) -> None:
    site = gazetteer().resolve_dateline(written, None, home="RU")
    assert (site.name, site.country_code) == (name, country_code)
    assert site.lat is not None and site.lon is not None


def test_an_older_spelling_of_a_capital_is_a_place_not_a_name() -> None:
    assert gazetteer().is_place("Kiev") and gazetteer().is_place("Peking")
