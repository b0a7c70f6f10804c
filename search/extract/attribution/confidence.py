"""How sure an attribution is: a logistic model over what linked the statement to its speaker.

The evidence (features) is read from the statement: how it was linked (a name next to a cue, a
pronoun, a paragraph naming one person, ...), whether the words are quoted, the cue, how far
the speaker stands from the words, how often and how fully the article names the speaker, and
how many other people the sentence names. The weights (module weights) are learnt on PolNeAR
train by `bench/train_confidence.py`; the model is a sum and a logistic, so it costs next to
nothing and needs no library at run time. Without weights, a table by kind of link is used.
"""

from __future__ import annotations

import bisect
import math
from typing import Final

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.names import Mention
from search.extract.attribution.spans import Sentences
from search.extract.attribution.statements import Statement
from search.extract.attribution.weights import BIAS, WEIGHTS

# Without learnt weights: the confidence of each kind of link.
_BY_LINK = {
    "cue": 0.9,
    "inverted": 0.92,
    "colon": 0.85,
    "dash": 0.9,
    "transcript": 0.95,
    "paragraph": 0.75,
    "role": 0.7,
    "pronoun": 0.7,
    "source": 0.8,
}
_SAYING: Final = frozenset("said says say told tells added adds wrote writes asked tweeted".split())


def features(
    body: str,
    st: Statement,
    kind: str,
    clusters: list[Cluster],
    mentions: list[Mention],
    starts: list[int],
    sents: Sentences,
) -> dict[str, float]:
    """The evidence for one attribution, by name (see the module's docstring)."""
    cue = " ".join(body[st.cue_start : st.cue_end].lower().split())
    out = {
        f"link={st.how}": 1.0,
        f"type={kind}": 1.0,
        "cue=saying": float(cue in _SAYING),
        "cue=according": float(cue == "according to"),
        "distance": math.log1p(st.distance) / 6,
        "words": math.log1p(len(body[st.start : st.end].split())) / 4,
        "principal": float(st.principal is not None),
        "source": float(st.source is not None),
    }
    if st.cluster is not None:
        cluster = clusters[st.cluster]
        out["mentions"] = math.log1p(len(cluster.mentions)) / 3
        out["full_name"] = float(any(len(form) > 1 for form in cluster.forms))
        out["others"] = min(3, _others(st, cluster, mentions, starts, sents)) / 3
    return out


def _others(
    st: Statement, cluster: Cluster, mentions: list[Mention], starts: list[int], sents: Sentences
) -> int:
    """How many names of other people the statement's sentence holds, outside the statement."""
    first, _ = sents.bounds(min(st.start, st.cue_start))
    _, last = sents.bounds(max(st.start, st.end - 1, st.cue_end - 1))
    own = set(cluster.mentions)
    return sum(
        1
        for i in range(bisect.bisect_left(starts, first), bisect.bisect_left(starts, last))
        if i not in own and not st.start <= mentions[i].start < st.end
    )


def confidence(evidence: dict[str, float], how: str) -> float:
    """The probability that the attribution is right, to two decimals."""
    if not WEIGHTS:
        return _BY_LINK.get(how, 0.7)
    score = BIAS + sum(WEIGHTS.get(name, 0.0) * value for name, value in evidence.items())
    return round(1 / (1 + math.exp(-score)), 2)
