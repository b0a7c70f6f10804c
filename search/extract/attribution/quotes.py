"""Stage 7: each statement as the quote a reader sees: its type, its context, its speaker by the
full name the article uses, the one spoken for, and how sure the attribution is.

`type` says whether the words are the speaker's own: direct (wholly inside quotation marks),
mixed (partly quoted) or indirect (reported speech), so that no page prints a paraphrase inside
quotation marks. `confidence` comes from the kind of evidence that linked the statement to its
speaker (a name next to a cue is surer than a pronoun three sentences on, a quotation left
without a cue is surest when its paragraph names one person); below ABSTAIN_BELOW the quote is
kept with no speaker ("speaker uncertain") rather than guessed.
"""

from __future__ import annotations

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.sources import Source
from search.extract.attribution.spans import Sentences, quote_type
from search.extract.attribution.statements import Statement
from search.model import Context, Quote

# Chosen on PolNeAR dev (bench/abstention.py prints the precision-recall curve over it).
ABSTAIN_BELOW = 0.5

# Confidence by how the statement was linked, before the adjustments in `_confidence`: the
# share of such attributions that are right on PolNeAR train (bench/abstention.py).
_BASE = {
    "cue": 0.9,
    "inverted": 0.92,
    "colon": 0.85,
    "dash": 0.9,
    "transcript": 0.95,
    "nominal": 0.6,
    "paragraph": 0.75,
    "role": 0.7,
    "pronoun": 0.7,
    "source": 0.8,
}
_MARKS = '"“”'


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


def _confidence(st: Statement, kind: str) -> float:
    """How sure the attribution is, from its evidence (see _BASE)."""
    score = _BASE.get(st.how, 0.7)
    if kind == "direct" and st.how in ("cue", "inverted", "colon", "dash", "source"):
        score += 0.05
    if st.distance > 200:
        score -= 0.2
    elif st.distance > 80:
        score -= 0.1
    if st.principal is not None and st.cluster is not None:
        score -= 0.05  # a spokesperson: the principal is named beside them
    return round(max(0.0, min(1.0, score)), 2)


def _source_speaker(source: Source, principal: str | None) -> tuple[str | None, str | None]:
    """(speaker, description) of a source that names no person: an organisation or document
    by its name ("Monmouth poll", "Donald Trump's campaign" for "the Trump campaign"), else
    (anonymous sources, "the lawsuit", "the company") by its description alone."""
    if source.kind == "anonymous":
        return None, source.description
    if principal and source.head:
        return f"{principal}'s {source.head}", source.description
    if source.name:
        return source.name, source.description
    return None, source.description


def to_quotes(
    body: str,
    statements: list[Statement],
    clusters: list[Cluster],
    quotes: list[tuple[int, int]],
) -> list[Quote]:
    """The statements as quotes, in text order."""
    sents = Sentences(body)
    out = []
    for st in statements:
        kind = "direct" if st.how == "transcript" else quote_type(body, st.start, st.end, quotes)
        confidence = _confidence(st, kind)
        principal = clusters[st.principal].name() if st.principal is not None else None
        cue = body[st.cue_start : st.cue_end]
        where = context(body, sents, st.start, st.end)
        text = body[st.start : st.end]
        if confidence < ABSTAIN_BELOW:
            out.append(
                Quote(None, text, cue, st.start, st.end, kind, None, None, None, confidence, where)
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
                    confidence,
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
                    confidence,
                    where,
                )
            )
    return out
