"""Stage 7: each statement as the quote a reader sees: its type, its context, its speaker by the
full name the article uses, the one spoken for, and how sure the attribution is.

`type` says whether the words are the speaker's own: direct (wholly inside quotation marks),
mixed (partly quoted) or indirect (reported speech), so that no page prints a paraphrase inside
quotation marks. `confidence` weighs the evidence that linked the statement to its speaker
(stage confidence); below ABSTAIN_BELOW the quote is kept with no speaker ("speaker
uncertain") rather than guessed.
"""

from __future__ import annotations

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.confidence import confidence, features
from search.extract.attribution.lexicon import ORGANIZATION_HEADS, PROXY_HEADS
from search.extract.attribution.names import Mention
from search.extract.attribution.sources import Source
from search.extract.attribution.spans import Sentences, quote_type
from search.extract.attribution.statements import Statement
from search.model import Context, Quote

# Chosen on PolNeAR dev (bench/abstention.py prints the precision-recall curve over it).
ABSTAIN_BELOW = 0.7
# Where bench/train_confidence.py collects each quote's evidence; None in normal runs.
EVIDENCE: list[tuple[Quote, dict[str, float]]] | None = None


def context(body: str, sents: Sentences, start: int, end: int) -> Context:
    """The sentence(s) holding [start, end) and the non-blank sentences either side."""
    first, _ = sents.bounds(start)
    _, last = sents.bounds(max(start, end - 1))
    before = _neighbour(body, sents, first - 1, -1)
    after = _neighbour(body, sents, last, 1)
    return Context(_strip(body, first, last), before, after)


def _neighbour(body: str, sents: Sentences, pos: int, step: int) -> tuple[int, int] | None:
    while 0 <= pos < len(body):
        s, e = sents.bounds(pos)
        if body[s:e].strip():
            return _strip(body, s, e)
        pos = s - 1 if step < 0 else e
    return None


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _source_speaker(source: Source, principal: str | None) -> tuple[str | None, str | None]:
    """(speaker, description) of a source that names no person: an organisation or document
    by its proper name ("Clinton Foundation", "Monmouth poll"), or by its principal's when its
    head is a common noun ("Donald Trump's campaign" for "the Trump campaign"); else (anonymous
    sources, "the lawsuit", "Greenberg's research") by its description alone."""
    if source.kind == "anonymous":
        return None, source.description
    words = source.name.split()
    if words and words[-1][:1].isupper():
        return source.name, source.description
    if principal and source.head in (PROXY_HEADS | ORGANIZATION_HEADS):
        return f"{principal}'s {source.head}", source.description
    if source.name and source.head not in PROXY_HEADS:
        return source.name, source.description
    return None, source.description


def to_quotes(
    body: str,
    statements: list[Statement],
    clusters: list[Cluster],
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
    sents: Sentences,
) -> list[Quote]:
    """The statements as quotes, in text order."""
    starts = [m.start for m in mentions]
    out: list[Quote] = []
    for st in statements:
        kind = "direct" if st.how == "transcript" else quote_type(body, st.start, st.end, quotes)
        evidence = features(body, st, kind, clusters, mentions, starts, sents)
        sure = confidence(evidence, st.how)
        principal = clusters[st.principal].name() if st.principal is not None else None
        cue = body[st.cue_start : st.cue_end]
        where = context(body, sents, st.start, st.end)
        text = body[st.start : st.end]
        anonymous = st.cluster is None and st.source is not None and st.source.kind == "anonymous"
        if sure < ABSTAIN_BELOW and not anonymous:  # an anonymous source names no one anyway
            out.append(
                Quote(None, text, cue, st.start, st.end, kind, None, None, None, sure, where)
            )
        elif st.cluster is not None:
            speaker = clusters[st.cluster].name()
            behalf = principal if principal != speaker else None
            out.append(
                Quote(
                    speaker,
                    text,
                    cue,
                    st.start,
                    st.end,
                    kind,
                    "person",
                    behalf,
                    None,
                    sure,
                    where,
                )
            )
        elif st.source is not None:
            named, description = _source_speaker(st.source, principal)
            out.append(
                Quote(
                    named,
                    text,
                    cue,
                    st.start,
                    st.end,
                    kind,
                    st.source.kind,
                    principal,
                    description,
                    sure,
                    where,
                )
            )
        if EVIDENCE is not None:
            EVIDENCE.append((out[-1], evidence))
    return out
