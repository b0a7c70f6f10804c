"""The people registry on a real node: one number per fact (the directory, a profile, the facets
and quote search agree), the directory paged through everyone by each order, and an editor's
corrections (`dateline people`) kept with who, when and why, applied at once to only the
documents whose person changed, and again by every later reindex."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from flask.testing import FlaskClient

from api import create_app
from search.index.archive import index_into_live, reindex
from search.index.identity import CORRECTIONS_FILE
from tests.data.people import RECORDS, TRUTH
from tests.data.records import write_records
from tests.support.helpers import run_dateline


def get(client: FlaskClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_json()


@pytest.fixture
def archive(
    es: Elasticsearch, alias: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Path, FlaskClient]:
    """The people fixture reindexed under a test's own alias and archive data folder."""
    monkeypatch.setenv("DATELINE_ARCHIVE_DIR", str(tmp_path / "archive"))
    records = write_records(tmp_path / "people.jsonl", RECORDS)
    reindex(es, alias, [records], workers=1)
    client = create_app({"INDEX": alias, "TESTING": True}).test_client()
    return alias, records, client


def _people(client: FlaskClient, **args: str) -> list[dict[str, Any]]:
    query = "&".join(f"{k}={v}" for k, v in args.items())
    return get(client, f"/api/speakers?size=100&{query}")["speakers"]


def test_every_count_of_a_person_is_one_number(archive: tuple[str, Path, FlaskClient]) -> None:
    _, _, client = archive
    listed = _people(client)
    assert {p["id"] for p in listed} == set(TRUTH)  # no bare "Ferreira", no twin
    facet = {b["id"]: b["count"] for b in get(client, "/api/facets/speaker?size=100")["values"]}
    quoted = get(client, "/api/facets/speaker?of=quotes&size=100")
    quote_facet = {b["id"]: b["count"] for b in quoted["values"]}
    for person in listed:
        pid = person["id"]
        assert person["articles"] == len(TRUTH[pid][1]) == facet[pid]
        assert person["articles"] == get(client, f"/api/search?speaker={pid}")["total"]["value"]
        quotes = get(client, f"/api/quotes?speaker={pid}")["total"]["value"]
        assert person["quotes"] == quotes == quote_facet[pid] > 0
        profile = get(client, f"/api/speakers/{pid}")
        assert (profile["articles"], profile["quotes"]) == (person["articles"], quotes)
        assert sum(b["count"] for b in profile["over_time"]) == quotes
        assert profile["name"] == person["name"] == TRUTH[pid][0]
    # A prefix shows whole counts, the same as the full list's.
    whole = {p["id"]: p for p in listed}
    for person in _people(client, prefix="ferr"):
        assert person == whole[person["id"]]


def test_the_directory_pages_through_everyone_in_each_order(
    archive: tuple[str, Path, FlaskClient],
) -> None:
    _, _, client = archive
    everyone = _people(client)
    assert [(p["quotes"], p["articles"]) for p in everyone] == sorted(
        ((p["quotes"], p["articles"]) for p in everyone), reverse=True
    )  # most quoted first
    by_articles = _people(client, sort="articles")
    assert [p["articles"] for p in by_articles] == sorted(
        (p["articles"] for p in everyone), reverse=True
    )
    by_name = [p["name"].lower() for p in _people(client, sort="name")]
    assert by_name == sorted(by_name)
    for sort in ("quotes", "articles", "name"):
        seen: list[str] = []
        url = f"/api/speakers?size=2&sort={sort}"
        while True:
            page = get(client, url)
            assert page["total"] == len(everyone)
            seen += [p["id"] for p in page["speakers"]]
            if page["next_cursor"] is None:
                break
            url = f"/api/speakers?size=2&sort={sort}&cursor={page['next_cursor']}"
        assert seen == [p["id"] for p in _people(client, sort=sort)]
    wrong = get(client, f"/api/speakers?size=3&cursor={page['next_cursor'] or 'x'}", 422)
    assert "cursor" in json.dumps(wrong)


def _dateline(alias: str, tmp: Path, *args: str) -> str:
    run = run_dateline(*args, alias=alias, DATELINE_ARCHIVE_DIR=str(tmp / "archive"))
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout + run.stderr


def test_an_editor_s_corrections_are_kept_applied_at_once_and_by_every_reindex(
    es: Elasticsearch, archive: tuple[str, Path, FlaskClient], tmp_path: Path
) -> None:
    alias, records, client = archive
    # A merge rewrites only the documents of the person merged: ashby-both and ashby-son, each
    # with Donald Ashby Jr.'s quote.
    said = _dateline(
        alias,
        tmp_path,
        *("people", "merge", "donald-ashby", "Donald Ashby Jr."),
        *("--why", "one man in this fiction", "--by", "desk"),
    )
    assert "4 documents relabelled" in said
    ids = {p["id"] for p in _people(client)}
    assert "donald-ashby-jr" not in ids and "donald-ashby" in ids
    both = TRUTH["donald-ashby"][1] | TRUTH["donald-ashby-jr"][1]
    assert get(client, "/api/search?speaker=Donald+Ashby+Jr.")["total"]["value"] == len(both)
    # Kept in the archive's data, with who, when and why.
    lines = (tmp_path / "archive" / alias / CORRECTIONS_FILE).read_text().splitlines()
    assert json.loads(lines[0]) == {"version": 1}
    kept = json.loads(lines[1])
    assert (kept["action"], kept["who"], kept["why"]) == (
        "merge",
        "desk",
        "one man in this fiction",
    )
    assert kept["when"]
    shown = _dateline(alias, tmp_path, "people", "show", "Donald Ashby Jr.")
    assert "editor: merge: one man in this fiction [desk" in shown
    assert "ashby-son" in shown  # an article that writes it
    # A rename rewrites no document: the name is the registry's.
    said = _dateline(
        alias, tmp_path, "people", "rename", "barack-okonkwo", "Barack A. Okonkwo", "--why", "x"
    )
    assert "0 documents relabelled" in said
    hits = get(client, "/api/search?speaker=barack-okonkwo")["hits"]
    assert {s["name"] for h in hits for s in h["speakers"]} == {"Barack A. Okonkwo"}
    # Not a person: out of the directory and the facet, found by no filter.
    _dateline(alias, tmp_path, "people", "not-a-person", "Hillary Ferreira", "--why", "a ship")
    assert "hillary-ferreira" not in {p["id"] for p in _people(client)}
    facet = get(client, "/api/facets/speaker?size=100")["values"]
    assert "hillary-ferreira" not in {b["id"] for b in facet}
    # A later reindex applies them all again, and so does `index`.
    reindex(es, alias, [records], workers=1)
    after = {p["id"]: p["name"] for p in _people(client)}
    assert "donald-ashby-jr" not in after and "hillary-ferreira" not in after
    assert after["barack-okonkwo"] == "Barack A. Okonkwo"
    son = write_records(tmp_path / "son.jsonl", [r for r in RECORDS if r["id"] == "ashby-son"])
    index_into_live(es, alias, [son], workers=1)
    assert "donald-ashby-jr" not in {p["id"] for p in _people(client)}
    # A split undoes the merge: the spelling is a person of its own again.
    said = _dateline(
        alias, tmp_path, "people", "split", "Donald Ashby Jr.", "--why", "two men after all"
    )
    assert "4 documents relabelled" in said
    assert get(client, "/api/search?speaker=donald-ashby-jr")["total"]["value"] == 2
    # A name the archive does not hold is refused, and nothing is kept.
    run = run_dateline(
        *("people", "merge", "donald-ashby", "Nobody Atall", "--why", "x"),
        alias=alias,
        DATELINE_ARCHIVE_DIR=str(tmp_path / "archive"),
    )
    assert run.returncode == 2 and "no person or spelling 'Nobody Atall'" in run.stderr
    assert len((tmp_path / "archive" / alias / CORRECTIONS_FILE).read_text().splitlines()) == 5


def test_show_says_how_a_reader_s_name_is_read(
    archive: tuple[str, Path, FlaskClient], tmp_path: Path
) -> None:
    alias, _, _ = archive
    shown = _dateline(alias, tmp_path, "people", "show", "Mr. Okonkwo")
    assert "Barack Okonkwo (person, id barack-okonkwo)" in shown
    assert "surname alone" in shown  # the rule that put "Okonkwo" there
    ambiguous = _dateline(alias, tmp_path, "people", "show", "Ferreira")
    assert "may be: bill-ferreira, hillary-ferreira" in ambiguous


def test_a_reindex_over_a_registry_rewrites_only_what_changed(
    es: Elasticsearch, alias: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_ARCHIVE_DIR", str(tmp_path / "archive"))
    records = write_records(tmp_path / "people.jsonl", RECORDS)
    first = reindex(es, alias, [records], workers=1)
    # Without a registry, names are labelled by their own spelling first: "Okonkwo", "Jim
    # Halvorsen" and the bare "Ferreira" (no person) are relabelled with their articles' quotes.
    assert first.relabelled > 0
    # The live registry labels the next reindex's documents as they are built.
    again = reindex(es, alias, [records], workers=1)
    assert again.relabelled == 0
    client = create_app({"INDEX": alias, "TESTING": True}).test_client()
    assert {p["id"] for p in _people(client)} == set(TRUTH)
