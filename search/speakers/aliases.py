"""Legal and birth names, and well-known aliases, that no rule could join: a small curated table.

A news archive meets a few people under names that share nothing a parser can see with the name
they go by: "John Ellis Bush" is Jeb Bush, "Rafael Edward Cruz" is Ted Cruz (and not his father,
Rafael Cruz). Each entry maps a full name as written (folded; middle names included, titles
left out) to the name the person goes by. Extend it when an audit finds another.
"""

from __future__ import annotations

from search.speakers.names import PersonName, person_name

ALIASES: dict[str, str] = {
    "john ellis bush": "Jeb Bush",
    "john e bush": "Jeb Bush",
    "rafael edward cruz": "Ted Cruz",
    "rafael e cruz": "Ted Cruz",
    "william jefferson clinton": "Bill Clinton",
    "william j clinton": "Bill Clinton",
    "willard mitt romney": "Mitt Romney",
    "willard romney": "Mitt Romney",
    "james earl carter": "Jimmy Carter",
    "addison mitchell mcconnell": "Mitch McConnell",
    "real donald trump": "Donald Trump",
    "realdonaldtrump": "Donald Trump",
    "newton leroy gingrich": "Newt Gingrich",
    "george herbert walker bush": "George H.W. Bush",
    "bernard sanders": "Bernie Sanders",
    "guccifer": "Marcel Lehel Lazar",
}


def written_form(name: PersonName) -> str:
    """The name as the table looks it up: given, middle names, surname and suffix, folded."""
    return " ".join(part for part in (name.given, *name.middle, name.surname, name.suffix) if part)


def alias_of(name: PersonName) -> PersonName | None:
    """The name this one's bearer goes by, when the table knows it."""
    known = ALIASES.get(written_form(name))
    return person_name(known) if known else None
