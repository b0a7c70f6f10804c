"""Speakers, quotes and people of an article body: the stages of attribution, top to bottom."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from search.extract.attribution.clustering import cluster_mentions, resolve_links, role
from search.extract.attribution.exclusion import dropped_clusters
from search.extract.attribution.linking import headline_subjects, link_cues, signing_mentions
from search.extract.attribution.mentions import drop_tags, find_mentions
from search.extract.attribution.organisations import as_sources, organisation_mentions
from search.extract.attribution.quotes import to_quotes
from search.extract.attribution.roles import resolve_roles
from search.extract.attribution.spans import Sentences, quote_spans, title_like
from search.extract.attribution.statements import (
    cue_statements,
    headline_speakers,
    paragraph_statements,
    turn_statements,
)
from search.extract.attribution.turns import transcript_turns
from search.model import Quote, Speaker


@dataclass(frozen=True)
class PeopleFindings:
    speakers: list[Speaker]  # by quote_count desc, then first appearance
    quotes: list[Quote]  # in text order
    people: list[str]  # canonical names of all persons mentioned (speakers included)
    person_spans: list[tuple[int, int]]  # body offsets of every person-name mention


def find_people(body: str, *, title: str = "", exclude: Iterable[str] = ()) -> PeopleFindings:
    """Extract speakers, their quotes and the people mentioned in `body`.

    `exclude` names (photo credits, bylines) never become speakers or people. `title` only
    lends evidence that a capitalised word is a person; offsets always point into `body`.
    """
    turns = transcript_turns(body)
    mentions = drop_tags(body, find_mentions(body, turns))
    # A quotation that names a show or a title is no statement.
    quotes = [q for q in quote_spans(body) if not title_like(body, *q)]
    # Cues inside a quotation or a transcript turn belong to the words quoted.
    spoken = _merge(quotes, [(t.start, t.end) for t in turns]) if turns else quotes
    links = link_cues(body, mentions, spoken)
    if turns:
        labels = [(t.label_start, t.start) for t in turns]
        links = [lk for lk in links if not any(s <= lk.cue_start < e for s, e in labels)]
    linked = {lk.mention for lk in links if lk.mention is not None and not lk.extra}
    title_names = {t.lower() for t in re.findall(r"[A-Z][\w'’\-]+", title)}
    clusters, cluster_of = cluster_mentions(
        mentions, linked, title_names, signing_mentions(body, mentions)
    )
    # An organisation taken for a person speaks as itself, and is no one's antecedent.
    organisations = organisation_mentions(body, mentions, cluster_of)
    not_people = as_sources(body, links, mentions, organisations, clusters, cluster_of)
    resolve_links(body, links, mentions, cluster_of, quotes)
    dropped = dropped_clusters(body, clusters, mentions, exclude) | not_people
    resolve_roles(body, links, clusters, mentions, dropped)
    sents = Sentences(body)
    statements = cue_statements(body, links, dropped, quotes, cluster_of, sents)
    if turns:
        statements = turn_statements(body, turns, statements, mentions, cluster_of, dropped)
        quotes_left = [q for q in quotes if not any(t.start <= q[0] < t.end for t in turns)]
    else:
        quotes_left = quotes
    paragraph_statements(body, quotes_left, statements, mentions, cluster_of, dropped)
    quotes_out = to_quotes(body, statements, clusters, mentions, quotes, sents)
    counts: Counter[int] = Counter(
        st.cluster
        for st, q in zip(statements, quotes_out, strict=True)
        if st.cluster is not None and q.speaker is not None
    )
    for cid in headline_speakers(headline_subjects(title), clusters, dropped):
        counts[cid] += 1  # the headline's statement (offsets point into the body, so no Quote)
    first_seen = {cid: mentions[c.mentions[0]].start for cid, c in enumerate(clusters)}
    speakers = [
        Speaker(clusters[cid].name(), role(clusters[cid], body, mentions), n)
        for cid, n in sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
    ]
    kept = [cid for cid in range(len(clusters)) if cid not in dropped]
    order = sorted(kept, key=first_seen.__getitem__)
    people = list(dict.fromkeys(clusters[cid].name() for cid in order))
    spans = sorted((mentions[i].start, mentions[i].end) for i in cluster_of)
    return PeopleFindings(speakers, quotes_out, people, spans)


def _merge(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans of a and b, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(a + b):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
