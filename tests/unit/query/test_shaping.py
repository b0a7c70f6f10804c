"""Result shaping on recorded Elasticsearch answers (tests/data/record.py made them): what the
API shows, and that only the highlighter's <mark> is ever markup."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import Any

import pytest

from search.query.body import Selection
from search.query.params import SearchParams
from search.query.shape import result, suggestions
from tests.support.helpers import DATA

RECORDED = DATA / "recorded"
ONLY_MARKS = re.compile(r"<(?!/?mark>)")


def _recorded(name: str) -> tuple[SearchParams, Selection, dict[str, Any]]:
    data = json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))
    given = data["params"]
    params = SearchParams(
        q=given["q"],
        filters={k: tuple(v) for k, v in given["filters"].items()},
        date_from=date.fromisoformat(given["date_from"]) if given["date_from"] else None,
        date_to=date.fromisoformat(given["date_to"]) if given["date_to"] else None,
    )
    chosen = {k: tuple(v) for k, v in data["selection"].items()}
    return params, chosen, data["response"]


def search_result(response: dict[str, Any], chosen: Selection, params: SearchParams) -> Any:
    return result(response, params, chosen, "month", "article")


@pytest.mark.parametrize("name", ["search_strike", "search_strike_speaker", "search_march_2030"])
def test_everything_shown_as_html_is_escaped_but_the_marks(name: str) -> None:
    found = search_result(*reversed(_recorded(name)))
    shown = [h["title_html"] for h in found["hits"]]
    shown += [s for h in found["hits"] for s in h["snippets"]]
    shown += [q["text"] for h in found["hits"] for q in h["quotes"]]
    assert shown
    for fragment in shown:
        assert not ONLY_MARKS.search(fragment), fragment


def test_a_hostile_article_comes_out_inert() -> None:
    params, chosen, response = _recorded("search_strike")
    hostile = next(
        h for h in search_result(response, chosen, params)["hits"] if h["id"] == "hostile-markup"
    )
    assert hostile["title_html"].startswith("&lt;b&gt;Bold&lt;")
    # The body's tags were stripped by extraction (search.extract.markup); what is left of
    # them is escaped like any text.
    snippets = " ".join(hostile["snippets"])
    assert "alert(&quot;x&quot;)" in snippets and not ONLY_MARKS.search(snippets)
    [quote] = hostile["quotes"]
    assert quote["speaker"] == "Mara Lindqvist" and quote["cue"] == "said"
    assert quote["text"] == "Ada &amp; Co  back the <mark>strike</mark>"


def test_hits_totals_and_snippets() -> None:
    params, chosen, response = _recorded("search_strike")
    found = search_result(response, chosen, params)
    assert found["total"] == {"value": len(found["hits"]), "relation": "eq"}
    assert (found["page"], found["size"]) == (1, 10)
    for hit in found["hits"]:
        assert hit["snippets"], hit["id"]  # a highlight, or the lead when the body has none
    lead_only = next(h for h in found["hits"] if "body" not in _highlight(response, h["id"]))
    assert lead_only["snippets"][0] == html.escape(_source(response, lead_only["id"])["lead"][:300])


def test_a_selected_facet_value_is_marked_and_kept() -> None:
    params, chosen, response = _recorded("search_strike_speaker")
    speakers = search_result(response, chosen, params)["facets"]["speaker"]
    assert [b["id"] for b in speakers if b["selected"]] == ["mara-lindqvist"]
    counted = {b["key"]: b["doc_count"] for b in _buckets(response, "speaker")}
    assert all(b["count"] == counted[b["id"]] for b in speakers)


def test_months_come_from_the_date_histogram() -> None:
    params, chosen, response = _recorded("search_march_2030")
    months = search_result(response, chosen, params)["facets"]["date"]
    assert [m["from"] for m in months] == [
        b["key_as_string"] for b in response["aggregations"]["date"]["values"]["buckets"]
    ]
    assert [m["selected"] for m in months if m["value"] == "2030-03"] == [True]
    assert not any(m["selected"] for m in months if m["value"] != "2030-03")
    assert sum(m["count"] for m in months if m["selected"]) == response["hits"]["total"]["value"]


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
    return response["aggregations"][facet]["counts"]["values"]["buckets"]


def test_a_search_cut_short_by_its_timeout_says_so() -> None:
    params, chosen, response = _recorded("search_strike")
    assert search_result(response, chosen, params)["partial"] is False
    cut = {**response, "timed_out": True}
    assert search_result(cut, chosen, params)["partial"] is True
