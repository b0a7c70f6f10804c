"""The search language: what a reader types, parsed by Dateline into an Elasticsearch query.

Text from a reader never reaches Elasticsearch as syntax (no ``query_string``): it is split into
tokens (`tokens`), parsed (`parser`) into a small tree (`tree`: `Term`, `Not`, `Scoped`, `Group`)
kept within its cost (`limits`) and compiled (`compile`) into ``match``-family queries against a
`Target`, the fields of one kind of document (`targets`: `ARTICLES`, `QUOTES`, from
search.schema). The API, the page and the CLI share it.

    peskov trump        every word must match (AND is the default), stemmed: "contacts" = "contact"
    "no contacts"       an exact phrase, on the unstemmed ``.exact`` twins; a lone " runs to the end
    -kremlin -"a b"     exclusion of a word, phrase, field or group; only exclusions: all but those
    a OR b, a | b       either one; OR binds tighter than AND, written or not, as in web search:
                        ``rubio OR cruz debate`` is ``(rubio OR cruz) AND debate``, and a note
                        says so and suggests parentheses
    kreml*              a prefix of 2 characters or more (shorter: the plain word); no leading ``*``
    peskov~ peskov~1    typos allowed: edit distance AUTO, 1 or 2; words under 3 letters are exact
    speaker:peskov      fields ``title: speaker: location: place: agency: quote:`` apply to the
    speaker:(a | b)     next word, phrase or group; ``quote:`` searches only what was quoted;
    location:"new york" an unknown ``foo:bar`` is the two words foo and bar; ``speaker:`` beside
                        ``quote:`` is that quote's speaker (`Target.paired`)
    (a | b) c           grouping; unbalanced parentheses are repaired
    What did Trump say about the wall?
                        a question (plain words, a ``?`` or a question word first): its content
                        words (`words`), all of up to 3, else 3 in 4, ranked by them

Text is folded (search.folding) on both sides: ``o’malley`` is ``o'malley``, ``election``
finds "élection".

Nothing raises: what cannot be searched is dropped and `explain` says so in `notes`.
"""

from search.query.language.compile import Field, Fields, Target, shown, to_query
from search.query.language.limits import (
    FUZZY_EXPANSIONS,
    MAX_CLAUSES,
    MAX_DEPTH,
    MAX_FUZZINESS,
    MAX_FUZZY_TERMS,
    MAX_PHRASES,
    MIN_FUZZY,
    MIN_PREFIX,
)
from search.query.language.parser import parse
from search.query.language.targets import ARTICLES, QUOTES
from search.query.language.tree import (
    Group,
    Node,
    Not,
    Parsed,
    Scoped,
    Term,
    explain,
    highlight_terms,
)
from search.schema import SCOPES

__all__ = [
    "ARTICLES",
    "FUZZY_EXPANSIONS",
    "MAX_CLAUSES",
    "MAX_DEPTH",
    "MAX_FUZZINESS",
    "MAX_FUZZY_TERMS",
    "MAX_PHRASES",
    "MIN_FUZZY",
    "MIN_PREFIX",
    "QUOTES",
    "SCOPES",
    "Field",
    "Fields",
    "Group",
    "Node",
    "Not",
    "Parsed",
    "Scoped",
    "Target",
    "Term",
    "explain",
    "highlight_terms",
    "parse",
    "shown",
    "to_query",
]
