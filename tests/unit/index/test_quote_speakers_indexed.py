"""A quote credited to an organisation, to an anonymous source or to no one (speaker uncertain)
still becomes a document, without a person id, and with only the keys the mapping knows."""

from __future__ import annotations

from search.index.documents import to_documents
from search.model import Article, Quote, Speaker


def test_quotes_without_a_person_index_without_a_person_id() -> None:
    article = Article(
        id="a1",
        source="a1.txt",
        title="Talks",
        lead=None,
        body="Officials said the talks would resume. The Post reported it. She said yes.",
        speakers=[Speaker("Lena Ortiz", None, 1)],
        quotes=[
            Quote("Lena Ortiz", "yes", "said", 70, 73),
            Quote(
                None,
                "the talks would resume",
                "said",
                15,
                37,
                "indirect",
                "anonymous",
                None,
                "Officials",
            ),
            Quote("Post", "it", "reported", 56, 58, "indirect", "organization"),
            Quote(None, "yes", "said", 70, 73, "indirect", None, confidence=0.2),
        ],
    )
    [(_, doc), *quote_docs] = to_documents(article)
    assert [q["speaker_id"] for q in doc["quotes"]] == ["lena-ortiz", None, None, None]
    assert [q["speaker"] for q in doc["quotes"]] == ["Lena Ortiz", None, "Post", None]
    assert set(doc["quotes"][1]) == set(doc["quotes"][0])  # no key the mapping lacks
    speakers = [body["speaker"] for _, body in quote_docs]
    assert speakers[0]["id"] == "lena-ortiz"
    assert speakers[1] is None and speakers[3] is None
    assert speakers[2]["id"] is None and speakers[2]["name"] == "Post"
    assert [s["name"] for s in doc["speakers"]] == ["Lena Ortiz"]
