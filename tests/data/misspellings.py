"""Misspelt queries of names and words the PolNeAR archive holds (train and dev), with the
respelling did-you-mean should offer: bench/did_you_mean.py measures it on a real node. None:
every word is spelt right, so nothing is offered (``megyn kelly trump feud`` finds one article,
and must not be offered a respelling that finds none). `SPELT_RIGHT`: rare queries spelt right,
which must get no suggestion either."""

from __future__ import annotations

MISSPELLINGS: tuple[tuple[str, str | None], ...] = (
    ("comey emials", "comey emails"),
    ("merick garland", "merrick garland"),
    ("megyn kelly trump feud", None),
    ("hilary clinton", "hillary clinton"),
    ("bernie sandres", "bernie sanders"),
    ("donlad trump", "donald trump"),
    ("marco rubbio", "marco rubio"),
    ("ted cruze", "ted cruz"),
    ("jeb bsuh", "jeb bush"),
    ("john kaisch", "john kasich"),
    ("chris christy", "chris christie"),
    ("ben carsen", "ben carson"),
    ("mike pense", "mike pence"),
    ("tim kiane", "tim kaine"),
    ("elizabeth warran", "elizabeth warren"),
    ("paul ryann", "paul ryan"),
    ("reince preibus", "reince priebus"),
    ("kellyane conway", "kellyanne conway"),
    ("vladimir putn", "vladimir putin"),
    ("barack obamma", "barack obama"),
    ("debbie wasserman shultz", "debbie wasserman schultz"),
    ("immigraton reform", "immigration reform"),
    ("nuclaer deal", "nuclear deal"),
    ("supreme cuort", "supreme court"),
    ("republican convension", "republican convention"),
    ("campaign finanse", "campaign finance"),
    ("delagates", "delegates"),
    ("bengazi", "benghazi"),
    ("superdelagates", "superdelegates"),
    ("goverment shutdown", "government shutdown"),
)
SPELT_RIGHT = (
    "clinton foundation haiti",
    "cruz canada citizenship",
    "warren pocahontas",
    "garland hearing grassley",
)
