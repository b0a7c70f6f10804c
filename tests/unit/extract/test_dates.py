from datetime import date

from search.extract.dates import date_in_path, parse_date, published_date


def test_explicit_dates_keep_their_precision() -> None:
    assert parse_date("2016-11-14") == (date(2016, 11, 14), "day")
    assert parse_date("2016-11") == (date(2016, 11, 1), "month")
    assert parse_date("2016") == (date(2016, 1, 1), "year")
    assert parse_date("2016-11-14T09:30:00+03:00") == (date(2016, 11, 14), "day")
    assert parse_date("next Tuesday") is None
    assert parse_date("2016-02-30") is None


def test_date_in_file_name() -> None:
    assert date_in_path("corpus/tass-2016-11-14-kremlin.txt") == (date(2016, 11, 14), "day")
    assert date_in_path("2015/12/article.txt") is None
    assert date_in_path("report-20161114.txt") is None


def test_dateline_month_and_day_need_a_given_year() -> None:
    dated, warnings = published_date(month=11, day=14)
    assert dated is None and "no year" in warnings[0]
    assert published_date(year=2016, month=11, day=14)[0] == (date(2016, 11, 14), "day")
    assert published_date(year=2016)[0] == (date(2016, 1, 1), "year")


def test_given_date_wins_and_bad_one_is_reported() -> None:
    assert published_date(given="2016-11-15", path="x-2016-11-14.txt")[0] == (
        date(2016, 11, 15),
        "day",
    )
    dated, warnings = published_date(given="soon", path="x-2016-11-14.txt")
    assert dated == (date(2016, 11, 14), "day") and "soon" in warnings[0]
