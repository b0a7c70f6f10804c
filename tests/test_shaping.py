"""Result shaping on recorded Elasticsearch answers (tests/data/record.py made them): what the
API shows, and that only the highlighter's <mark> is ever markup."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from search.query.params import SearchParams
from search.query.shape import search_result, suggestions

RECORDED = Path(__file__).parent / "data" / "recorded"
ONLY_MARKS = re.compile(r"<(?!/?mark>)")


def _recorded(name: str) -> tuple[SearchParams, dict[str, Any]]:
    data = json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))
    given = data["params"]
    params = SearchParams(
        q=given["q"],
        filters={k: tuple(v) for k, v in given["filters"].items()},
        date_from=date.fromisoformat(given["date_from"]) if given["date_from"] else None,
        date_to=date.fromisoformat(given["date_to"]) if given["date_to"] else None,
    )
    return params, data["response"]


@pytest.mark.parametrize("name", ["search_strike", "search_strike_speaker", "search_march_2030"])
def test_everything_shown_as_html_is_escaped_but_the_marks(name: str) -> None:
    result = search_result(*reversed(_recorded(name)))
    shown = [h["title_html"] for h in result["hits"]]
    shown += [s for h in result["hits"] for s in h["snippets"]]
    shown += [q["text"] for h in result["hits"] for q in h["quotes"]]
    assert shown
    for fragment in shown:
        assert not ONLY_MARKS.search(fragment), fragment


def test_a_hostile_article_comes_out_inert() -> None:
    params, response = _recorded("search_strike")
    hostile = next(
        h for h in search_result(response, params)["hits"] if h["id"] == "hostile-markup"
    )
    assert hostile["title_html"].startswith("&lt;b&gt;Bold&lt;")
    assert "&lt;script&gt;" in " ".join(hostile["snippets"])
    [quote] = hostile["quotes"]
    assert quote["speaker"] == "Mara Lindqvist" and quote["cue"] == "said"
    assert (
        quote["text"]
        == "Ada &amp; Co &lt;img src=x onerror=alert(1)&gt; back the <mark>strike</mark>"
    )


def test_hits_totals_and_snippets() -> None:
    params, response = _recorded("search_strike")
    result = search_result(response, params)
    assert result["total"] == response["hits"]["total"]["value"] == len(result["hits"])
    assert (result["page"], result["size"]) == (1, 10)
    for hit in result["hits"]:
        assert hit["snippets"], hit["id"]  # a highlight, or the lead when the body has none
    lead_only = next(h for h in result["hits"] if "body" not in _highlight(response, h["id"]))
    assert lead_only["snippets"][0] == html.escape(_source(response, lead_only["id"])["lead"][:300])


def test_a_selected_facet_value_is_marked_and_kept() -> None:
    params, response = _recorded("search_strike_speaker")
    speakers = search_result(response, params)["facets"]["speaker"]
    chosen = [b for b in speakers if b["selected"]]
    assert [b["value"] for b in chosen] == ["Mara Lindqvist"]
    counted = {b["key"]: b["doc_count"] for b in _buckets(response, "speaker")}
    assert all(b["count"] == counted[b["value"]] for b in speakers)


def test_months_come_from_the_date_histogram() -> None:
    params, response = _recorded("search_march_2030")
    months = search_result(response, params)["facets"]["date"]
    assert [m["value"] for m in months] == [
        b["key_as_string"] for b in response["aggregations"]["date"]["values"]["buckets"]
    ]
    assert sum(m["count"] for m in months) == response["hits"]["total"]["value"]


def test_suggestions_show_the_fullest_name() -> None:
    data = json.loads((RECORDED / "suggest_lind.json").read_text(encoding="utf-8"))
    assert "Mara Lindqvist" in suggestions(data["response"])


def _hit(response: dict[str, Any], hit_id: str) -> dict[str, Any]:
    return next(h for h in response["hits"]["hits"] if h["_id"] == hit_id)


def _highlight(response: dict[str, Any], hit_id: str) -> dict[str, Any]:
    return _hit(response, hit_id).get("highlight", {})


def _source(response: dict[str, Any], hit_id: str) -> dict[str, Any]:
    return _hit(response, hit_id)["_source"]


def _buckets(response: dict[str, Any], facet: str) -> list[dict[str, Any]]:
    return response["aggregations"][facet]["values"]["buckets"]
