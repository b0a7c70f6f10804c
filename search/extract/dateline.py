"""Datelines: the place (and sometimes date and agency) that opens a news story.

Two conventions cover the wire copy Dateline ingests:
- TASS and other agencies: ``MOSCOW, November 14. /TASS/. The Kremlin ...``, with the region
  of a smaller place between slashes: ``ZAVIDOVO /Tver Region/, March 3. /TASS/.``;
- AP/Reuters/AFP/Xinhua/Interfax and newspapers: ``WASHINGTON (AP) — ...``,
  ``MANCHESTER, N.H. — ...``, ``New York (AFP) - ...``, ``LONDON, Nov 14 (Reuters) - ...``,
  ``BEIJING, Dec. 26 (Xinhua) -- ...``, ``MOSCOW. Dec 26 (Interfax) - ...``, and AFP's country
  in brackets: ``Gaza City (Palestinian Territories) (AFP) - ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_WORD = r"[A-Z][\w.'’]*(?:-[\w.'’]+)*"
_PLACE = rf"(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}})"
# "N.H.", "Pa.", "Iowa", "D.C.", "Burma": a region or country after the city.
_REGION = r"(?:,[ ](?P<region>[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?))?"
# TASS writes the region of a smaller place between slashes ("/Tver Region/", "/Syria/"); AFP
# writes the country in brackets ("(Palestinian Territories)").
_SLASHED = r"(?:[ ]/(?P<slashed>[A-Z][\w.'’\- ]{1,40})/)?"
_BRACKETED = r"(?:[ ]\((?P<bracketed>[A-Z][\w.'’\- ]{1,40})\))?"
_DASH = r"\s*(?:—|–|--|-)\s*"

_TASS = re.compile(
    rf"^{_PLACE}{_SLASHED}{_REGION},[ ]{_MONTH}[ ](?P<day>\d{{1,2}})\.?[ ]"
    r"/(?P<agency>[A-Za-z\-]+)/\.?\s*",
)
# Interfax puts a full stop after the place ("MOSCOW. Dec 26 (Interfax) -").
_WIRE = re.compile(
    rf"^{_PLACE}{_REGION}(?:[,.][ ]{_MONTH}[ ](?P<day>\d{{1,2}}))?{_BRACKETED}"
    rf"[ ]\((?P<agency>[A-Z][A-Za-z/\-]{{1,15}})\){_DASH}"
)
# Where each agency is at home: a dateline's place is looked for there first ("ST. PETERSBURG"
# in TASS copy is the Russian city, in AP copy it would carry its state: "ST. PETERSBURG, Fla.").
_AGENCY_HOMES = {
    "tass": "RU",
    "itar-tass": "RU",
    "interfax": "RU",
    "ria": "RU",
    "sputnik": "RU",
    "xinhua": "CN",
    "kyodo": "JP",
    "yonhap": "KR",
    "ap": "US",
    "upi": "US",
    "afp": "FR",
    "reuters": "GB",
    "dpa": "DE",
    "ansa": "IT",
    "efe": "ES",
    "pti": "IN",
    "anadolu": "TR",
    "irna": "IR",
    "belta": "BY",
    "ukrinform": "UA",
    "unian": "UA",
    "pap": "PL",
}
# Newspaper style without agency: the place must be in capitals, or "WASHINGTON —" would be
# indistinguishable from a sentence that starts with a name and a dash.
_CAPS = re.compile(rf"^{_PLACE}{_REGION}(?:\s*[—–]\s*|\s+(?:--|-)\s+)")


@dataclass(frozen=True)
class Dateline:
    place: str
    region: str | None
    month: int | None
    day: int | None
    agency: str | None
    end: int  # where the story text starts after the dateline


def agency_home(agency: str | None) -> str | None:
    """The ISO code of an agency's home country, if Dateline knows the agency."""
    return _AGENCY_HOMES.get(agency.lower()) if agency else None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def parse_dateline(paragraph: str) -> Dateline | None:
    """Return the dateline opening `paragraph`, or None if it does not open with one."""
    match = _TASS.match(paragraph) or _WIRE.match(paragraph)
    if match is None:
        match = _CAPS.match(paragraph)
        if match is None or not _is_caps(match["place"]):
            return None
    groups = match.groupdict()
    place = match["place"]
    month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    agency = groups.get("agency")
    region = groups.get("slashed") or groups.get("bracketed") or groups.get("region")
    return Dateline(
        place=place.strip(),
        region=region.strip() if region else None,
        month=month,
        day=day,
        agency=agency.upper() if agency and agency.isupper() else agency,
        end=match.end(),
    )
