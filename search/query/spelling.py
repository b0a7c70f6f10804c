"""Did-you-mean, pure: which words of a query to respell, with what, and in which order to try
the respelt queries. search.query.execute asks the cluster and offers the first respelt query
that has hits, so a suggestion never leads to nothing.

A word is respelt only when the archive barely knows it: no article holds it, or a near word is
held by `COMMONER` times as many articles. A word naming someone in the people registry is
never respelt. Candidates are the registry's name words (given names and surnames, weighed by
the articles naming their people) and the words of the articles (Elasticsearch's term
suggester), within `MAX_EDITS` edits, a swap of two letters counting one; ranked by their
articles (twice for a name), each edit dividing by ten: "christy" is "christie" (a name, two
edits, in many articles) rather than "christ" (one edit, in few).
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-suggesters
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

from search.folding import fold
from search.query import language
from search.query.language.tree import leaves
from search.schema import FOLDED_BODY, FOLDED_LEAD, FOLDED_TITLE
from search.speakers.merge import distance

COMMONER = 20  # a near word held by this many times the articles replaces a known word
EDIT_COST = 10  # each edit makes a respelling this many times less likely
NAME_BONUS = 2  # a registry name counts as held by twice its articles
MAX_EDITS = 2
MIN_LENGTH = 3  # shorter words are never respelt
CHOICES = 3  # respellings kept per word
MAX_TRIES = 6  # respelt queries checked for hits
_WORDS = [f.sub("exact") for f in (FOLDED_TITLE, FOLDED_LEAD, FOLDED_BODY)]
_SPELLED = FOLDED_BODY.sub("exact")


@dataclass(frozen=True)
class Candidate:
    text: str
    articles: int  # articles holding the word, or naming people of that name
    name: bool  # a name word of the people registry


def words(q: str) -> list[str]:
    """The plain words of `q` a respelling may replace, folded and lower-cased, in order:
    words of the default fields, neither phrases, prefixes, fuzzy words nor exclusions."""
    parsed = language.parse(q)
    if parsed.root is None:
        return []
    found = [
        fold(term.text)
        for term, scope, negated in leaves(parsed.root)
        if term.kind == "word" and not scope and not negated
    ]
    return [w for w in dict.fromkeys(found) if len(w) >= MIN_LENGTH and w.isalpha()]


def request(q: str, held: list[str]) -> dict[str, Any]:
    """One search (no hits) that says how many articles hold each word, and the near words
    of the articles for each."""
    counts = {
        word: {"multi_match": {"query": word, "fields": _WORDS, "operator": "and"}} for word in held
    }
    suggest = {
        "field": _SPELLED,
        "suggest_mode": "always",
        "size": 8,
        "max_edits": MAX_EDITS,
        "prefix_length": 1,
        "min_word_length": MIN_LENGTH,
        "sort": "frequency",
    }
    return {
        "size": 0,
        "track_total_hits": False,
        "aggs": {"held": {"filters": {"filters": counts}}} if counts else {},
        "suggest": {"text": " ".join(held), "words": {"term": suggest}},
    }


def _near(word: str, other: str) -> bool:
    """Within reach of a misspelling: same first letter, one edit for short words, two from
    six letters."""
    if other == word or other[:1] != word[:1]:
        return False
    return distance(word, other) <= (MAX_EDITS if len(word) >= 6 else 1)


Pairs = frozenset[tuple[str, str]]  # the registry's (given name, surname) pairs


def choices(
    word: str,
    held: int,
    names: Mapping[str, int],
    suggested: list[tuple[str, int]],
    beside: tuple[str, ...] = (),
    pairs: Pairs = frozenset(),
) -> list[str]:
    """What `word` may be: itself alone when the archive knows it (a registry name, or held by
    articles no near word outnumbers `COMMONER` times), else its respellings, best first: those
    making a person's name with a word `beside` it ("vladimir putn": Putin), then by
    `_likelihood`."""
    if word in names:
        return [word]
    found: dict[str, Candidate] = {}
    for other, weight in names.items():
        if _near(word, other):
            found[other] = Candidate(other, weight, True)
    for other, freq in suggested:
        if _near(word, other):
            known = found.get(other)
            found[other] = Candidate(other, max(freq, known.articles if known else 0), bool(known))
    better = [c for c in found.values() if c.articles >= max(1, COMMONER * held)]
    if held and not better:
        return [word]

    def named(c: Candidate) -> bool:
        return any((other, c.text) in pairs or (c.text, other) in pairs for other in beside)

    ranked = sorted(better, key=lambda c: (not named(c), -_likelihood(word, c), c.text))
    return [c.text for c in ranked[:CHOICES]]


def _likelihood(word: str, candidate: Candidate) -> float:
    """How likely `candidate` is what `word` meant: its articles (doubled for a registry
    name), a tenth for each edit."""
    weight = candidate.articles * (NAME_BONUS if candidate.name else 1)
    edits: int = distance(word, candidate.text)
    return weight / float(EDIT_COST**edits)


def respelt(q: str, options: Mapping[str, list[str]]) -> list[str]:
    """The queries to try, best first: `q` with its words replaced by their choices, the
    combinations of earlier choices first; `q` itself never."""
    order = [word for word in options if options[word]]
    if not order or all(options[w] == [w] for w in order):
        return []
    ranked = sorted(
        product(*(range(len(options[w])) for w in order)), key=lambda picks: (sum(picks), picks)
    )
    tried: list[str] = []
    for picks in ranked:
        chosen = {w: options[w][p] for w, p in zip(order, picks, strict=True)}
        text = _replace(q, chosen)
        if text.lower() != q.lower() and text not in tried:
            tried.append(text)
        if len(tried) == MAX_TRIES:
            break
    return tried


def _replace(q: str, chosen: Mapping[str, str]) -> str:
    def swap(match: re.Match[str]) -> str:
        typed = match.group(0)
        better = chosen.get(fold(typed).lower(), typed)
        return better.capitalize() if typed[:1].isupper() and better != typed else better

    return re.sub(r"[^\W\d_]+", swap, q)


def options(
    answer: Mapping[str, Any],
    held: list[str],
    names: Mapping[str, int],
    pairs: Pairs = frozenset(),
) -> dict[str, list[str]]:
    """Each word's choices, from the answer to `request`, the registry's name words and its
    people's (given name, surname) pairs."""
    buckets = answer.get("aggregations", {}).get("held", {}).get("buckets", {})
    suggested: dict[str, list[tuple[str, int]]] = {}
    for entry in answer.get("suggest", {}).get("words", []):
        suggested[entry["text"]] = [(o["text"], o["freq"]) for o in entry["options"]]
    return {
        word: choices(
            word,
            buckets.get(word, {}).get("doc_count", 0),
            names,
            suggested.get(word, []),
            beside=tuple(other for other in held if other != word),
            pairs=pairs,
        )
        for word in held
    }
