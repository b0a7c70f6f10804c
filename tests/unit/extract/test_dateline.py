import pytest

from search.extract.dateline import parse_dateline


def test_tass_dateline_gives_place_month_day_and_agency() -> None:
    found = parse_dateline("MOSCOW, November 14. /TASS/. The Kremlin has had no contacts")
    assert (found.place, found.month, found.day, found.agency) == ("MOSCOW", 11, 14, "TASS")
    assert "MOSCOW, November 14. /TASS/. The Kremlin"[found.end :].startswith("The Kremlin")


def test_wire_datelines() -> None:
    ap = parse_dateline("WASHINGTON (AP) — The Senate voted")
    assert (ap.place, ap.agency, ap.month) == ("WASHINGTON", "AP", None)
    state = parse_dateline("MANCHESTER, N.H. — Donald Trump told")
    assert (state.place, state.region, state.agency) == ("MANCHESTER", "N.H.", None)
    afp = parse_dateline("New York (AFP) - Hillary Clinton")
    assert (afp.place, afp.agency) == ("New York", "AFP")
    reuters = parse_dateline("LONDON, Nov 14 (Reuters) - Britain's")
    assert (reuters.place, reuters.month, reuters.day, reuters.agency) == (
        "LONDON",
        11,
        14,
        "Reuters",
    )


def test_sentences_that_merely_start_with_a_name_are_not_datelines() -> None:
    assert parse_dateline("Mehmet Oz — a television doctor — said") is None
    assert parse_dateline("SIEGEL--Jerome Arthur, 98, of Mamaroneck") is None
    assert parse_dateline("The Kremlin said on Monday") is None
    assert parse_dateline("MOSCOW, November 41. /TASS/. Impossible day") is None


@pytest.mark.parametrize(
    ("opening", "place", "region", "month", "day", "agency"),
    [
        ("ZAVIDOVO /Tver Region/, March 3. /TASS/. ", "ZAVIDOVO", "Tver Region", 3, 3, "TASS"),
        ("KHMEIMIM /Syria/, May 9. /TASS/. ", "KHMEIMIM", "Syria", 5, 9, "TASS"),
        ("UNITED NATIONS, June 5. /TASS/. ", "UNITED NATIONS", None, 6, 5, "TASS"),
        ("ST. PETERSBURG, June 5. /TASS/. ", "ST. PETERSBURG", None, 6, 5, "TASS"),
        ("MOSCOW, Dec 26 (Reuters) - ", "MOSCOW", None, 12, 26, "Reuters"),
        ("BEIJING, Dec. 26 (Xinhua) -- ", "BEIJING", None, 12, 26, "Xinhua"),
        ("MOSCOW, December 26 (Interfax) - ", "MOSCOW", None, 12, 26, "Interfax"),
        ("MOSCOW. Dec 26 (Interfax) - ", "MOSCOW", None, 12, 26, "Interfax"),
        ("Paris (AFP) - ", "Paris", None, None, None, "AFP"),
        (
            "Gaza City (Palestinian Territories) (AFP) - ",
            "Gaza City",
            "Palestinian Territories",
            None,
            None,
            "AFP",
        ),
        ("VATICAN CITY (AP) — ", "VATICAN CITY", None, None, None, "AP"),
    ],
)
def test_agency_datelines(
    opening: str, place: str, region: str | None, month: int | None, day: int | None, agency: str
) -> None:
    text = opening + "The talks went on."
    found = parse_dateline(text)
    assert (found.place, found.region, found.month, found.day, found.agency) == (
        place,
        region,
        month,
        day,
        agency,
    )
    assert text[found.end :] == "The talks went on."
