"""Citations of a quote: what a reader pastes and what a reference manager imports say who, what
(in quotation marks only when verbatim), where, and only as much of the date as is known."""

from __future__ import annotations

from typing import Any

from search.query.citation import citation_text, csl, ris


def _card(**changed: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "id": "dpn-1#4",
        "text": "the harbour would reopen on Monday",
        "type": "indirect",
        "speaker": {"name": "Ana Ruiz", "id": "ana-ruiz"},
        "speaker_kind": "person",
        "on_behalf_of": None,
        "description": None,
        "published": "2031-05-13",
        "date_precision": "day",
        "article": {"title": "Harbour to reopen", "publisher": "Coast Daily", "url": None},
        "permalink": "/quotes/dpn-1/4",
    }
    return card | changed


def test_a_paraphrase_is_cited_without_quotation_marks() -> None:
    text = citation_text(_card())
    assert text == (
        "Ana Ruiz: the harbour would reopen on Monday (paraphrase). In “Harbour to reopen”. "
        "Coast Daily. 13 May 2031. Quote: /quotes/dpn-1/4"
    )
    verbatim = citation_text(_card(type="direct"))
    assert verbatim.startswith("Ana Ruiz: “the harbour would reopen on Monday”. In")


def test_only_the_known_part_of_a_date_is_cited() -> None:
    month = _card(date_precision="month")
    assert csl(month)["issued"] == {"date-parts": [[2031, 5]]}
    assert "DA  - 2031/05//\r\n" in ris(month) and "PY  - 2031\r\n" in ris(month)
    assert " May 2031. " in citation_text(month) and "13 May" not in citation_text(month)
    year = _card(date_precision="year")
    assert csl(year)["issued"] == {"date-parts": [[2031]]}
    undated = _card(published=None, date_precision=None)
    assert "issued" not in csl(undated) and "PY  -" not in ris(undated)


def test_whose_words_when_no_person_is_named() -> None:
    unnamed = _card(speaker={"name": None, "id": None}, speaker_kind="anonymous",
                    description="a port official")  # fmt: skip
    assert citation_text(unnamed).startswith("a port official: the harbour")
    uncertain = _card(speaker={"name": None, "id": None}, speaker_kind=None)
    assert csl(uncertain)["note"].startswith("speaker uncertain: ")
    spoken_for = _card(speaker={"name": "Ben Ode", "id": "ben-ode"},
                       on_behalf_of={"name": "Ana Ruiz", "id": "ana-ruiz"})  # fmt: skip
    assert ris(spoken_for).count("N1  - Ben Ode, for Ana Ruiz: ") == 1


def test_a_long_quote_is_cut_and_a_record_is_well_formed() -> None:
    long = _card(text=" ".join(["word"] * 80), type="direct")
    assert csl(long)["note"].endswith(" …”")
    record = ris(long).split("\r\n")
    assert record[0] == "TY  - NEWS" and record[-2] == "ER  - " and record[-1] == ""
    assert all(line[2:6] == "  - " for line in record[:-1])
