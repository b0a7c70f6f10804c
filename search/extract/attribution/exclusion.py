"""Stage 4: the people found who are not reported as people: credits and bylines, places that
"said" something (metonymy), and organisations in an article that titles its people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from search.extract.attribution.clustering import Cluster
from search.extract.attribution.names import Mention
from search.extract.gazetteer import gazetteer
from search.extract.vocabulary import FIRST_NAMES


def dropped_clusters(
    body: str, clusters: list[Cluster], mentions: list[Mention], exclude: Iterable[str]
) -> set[int]:
    """Clusters that `exclude` names (photo credits, bylines) or that name a place; in an
    article calling people "Mr. X", also lone words never titled."""
    excluded = _excluded_keys(exclude)
    dropped = {
        cid for cid, c in enumerate(clusters) if _is_excluded(c, excluded) or _names_a_place(c)
    }
    if _honorific_style(body):
        dropped |= {cid for cid, c in enumerate(clusters) if _bare_word(c, mentions)}
    return dropped


def _honorific_style(body: str) -> bool:
    """Whether the article calls people "Mr. X" / "Ms. X" (counted cheaply, no regex)."""
    return body.count("Mr. ") + body.count("Ms. ") + body.count("Mrs. ") >= 3


def _bare_word(cluster: Cluster, mentions: list[Mention]) -> bool:
    """A lone capitalised word never given a first name or title. In an article that writes
    "Mr. X"/"Ms. X" for people, such a word names an organisation ("Intel", "Mashable")."""
    return all(len(f) == 1 for f in cluster.forms) and not any(
        mentions[i].strong for i in cluster.mentions
    )


def _names_a_place(cluster: Cluster) -> bool:
    """ "Las Vegas said", "Iran warned": a place named in full, a country or a US state is not
    a person (a lone city-like word may still be a surname: "Jackson said")."""
    name = cluster.name()
    if " " in name:
        first, *_, last = name.split()
        # "Poor Mexico": a country after a word that is no given name
        country = first.lower() not in FIRST_NAMES and gazetteer().is_region(last)
        return country or gazetteer().mention(name) is not None
    return gazetteer().is_region(name)


_CREDIT_NOISE_RE: Final = re.compile(r"^(?:©|\(c\)|photo(?:graph)?s?:|by\s+)\s*|\s*[/|(].*$", re.I)


def _excluded_keys(exclude: Iterable[str]) -> set[str]:
    """Lower-cased full names to exclude ("© Mikhail Metzel/TASS" gives "mikhail metzel");
    a single word excludes that surname."""
    keys = set()
    for raw in exclude:
        name = " ".join(_CREDIT_NOISE_RE.sub("", raw or "").split()).lower()
        if name:
            keys.add(name)
    return keys


def _is_excluded(cluster: Cluster, excluded: set[str]) -> bool:
    if not excluded:
        return False
    full = cluster.name().lower()
    return full in excluded or any(
        full == e or e.endswith(" " + full) or cluster.surname == e for e in excluded
    )
