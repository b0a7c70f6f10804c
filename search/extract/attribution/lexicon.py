"""The vocabulary of roles that the stages of quote attribution share: role nouns and their
modifiers, role heads that stand for a person ("the Russian president"), sources that are not
people, and the rules of writing the stages read besides those of search.extract.vocabulary
(the possessor, a tag after a name), so that each is written once.

Hand-written and deliberately generic; no specific public figures are listed.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case nouns and modifiers that make up a role in front of or after a name.
ROLE_WORDS: Final = _words("""
spokesman spokeswoman spokesperson secretary adviser advisor advisers aide aides strategist
pollster director chairman chairwoman chair manager candidate nominee president senator
governor mayor leader official minister ambassador attorney lawyer analyst professor economist
expert consultant founder executive host anchor correspondent reporter editor columnist
commentator activist lawmaker congressman congresswoman representative delegate chief head
commissioner judge justice general officer sheriff deputy press campaign communications senior
former presidential vice state national political policy foreign running mate businessman
businesswoman billionaire rival opponent challenger incumbent contender hopeful operative
surrogate donor fundraiser researcher scientist author historian pastor spokesmen staffer
staff counsel counselor partner president-elect prosecutor treasurer whip majority minority
speaker co-founder cofounder ceo cfo chairperson coordinator organizer consultant pundit
republican democratic conservative liberal progressive libertarian independent gop longtime
veteran top chief-of-staff advocate administrator superintendent assistant associate special
general's attorney-general legislator assemblyman assemblywoman councilman councilwoman
secretary-general owner producer comedian actor actress singer rapper star journalist writer
blogger radio talk show television tv news media digital director-general retired acting
interim outgoing incoming then-candidate vice-presidential presidential-campaign fellow
economic legal military intelligence defense security health education energy regional local
provincial federal permanent diplomat envoy premier moderator filmmaker recorder photographer
novelist artist musician entrepreneur investor physician
""")

# Role words that only qualify a role ("former", "senior"): alone they do not show a person.
ROLE_MODIFIERS: Final = _words("""
former senior state national political policy foreign presidential vice top longtime veteran
retired acting interim outgoing incoming then-candidate republican democratic conservative
liberal progressive libertarian independent gop white house press campaign communications
running economic legal military intelligence defense security health education energy digital
radio talk show television tv news media special associate assistant general's regional local
provincial federal permanent ranking
""")

# Head nouns of a role that, after "the", stand for the one person holding it ("the Russian
# president said"), each with the role words it may stand for: "the EU's top diplomat" is its
# foreign policy chief. Heads of state and government are known by their role anywhere in an
# article; other people only once named with it.
ROLE_CONCEPTS = {
    "president": ("president",),
    "prime minister": ("prime minister", "premier"),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "leader": ("leader", "president", "prime minister", "premier", "chancellor", "king"),
    "king": ("king",),
    "minister": ("minister",),
    "diplomat": (
        "diplomat",
        "ambassador",
        "envoy",
        "representative",
        "foreign minister",
        "foreign policy chief",
        "secretary of state",
        "foreign secretary",
    ),
    "envoy": ("envoy", "ambassador", "representative"),
    "ambassador": ("ambassador",),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson", "press secretary"),
    "spokeswoman": ("spokeswoman", "spokesman", "spokesperson", "press secretary"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press secretary"),
    "press secretary": ("press secretary", "spokesman", "spokeswoman", "spokesperson"),
    "secretary": ("secretary",),
    "governor": ("governor",),
    "mayor": ("mayor",),
    "senator": ("senator", "sen."),
    "chairman": ("chairman", "chairwoman", "chair"),
    "chairwoman": ("chairwoman", "chairman", "chair"),
    "commander": ("commander",),
    "speaker": ("speaker",),
    "prosecutor": ("prosecutor",),
}
HEADS_OF_STATE: Final = frozenset(
    {"president", "prime minister", "premier", "chancellor", "leader", "king"}
)
# Words in front of a role head that say nothing of who holds it ("the visiting premier").
VAGUE_QUALIFIERS: Final = frozenset({"top", "senior", "visiting", "new", "current", "incumbent"})

# Single-word sources that speak but are not people (media, pollsters, platforms).
NON_PERSON_SOURCES: Final = _words("""
politifact politico breitbart reuters bloomberg gallup quinnipiac rasmussen cnn msnbc fox
twitter facebook wikileaks axios vox huffpost nbc abc cbs npr pbs bbc
""")

# Where a name is read as a possessor, not a speaker ("Trump's aides said", "Rubio's deputy
# campaign manager, Rich Beeson, said"), only "'s" counts: a bare apostrophe ("Sanders' aides")
# has always been let pass there, and the quotes found depend on it.
POSSESSOR_S = ("'s", "’s")
POSSESSOR = "(?:" + "|".join(POSSESSOR_S) + ")"
# A tag in parentheses after a name: a party and state ("(R-Texas)") or a place ("(Ariz.)").
TAG = r"\s*\([^()\n]{0,40}\)"
TAG_RE: Final = re.compile(TAG)

# Heads of a noun phrase that speaks without naming a person ("officials said", "a source
# familiar with the talks said"), of one that names an organisation ("the campaign said"), and
# of one that names a document or recording ("a Homeland Security memo said").
ANONYMOUS_HEADS: Final = _words("""
official officials source sources aide aides adviser advisers advisor advisors spokesman
spokeswoman spokesperson spokespeople spokesmen people person insider insiders staffer staffers
strategist strategists operative operatives analyst analysts expert experts critic critics
observer observers supporter supporters opponent opponents ally allies friend friends associate
associates lawmaker lawmakers diplomat diplomats investigator investigators prosecutors witness
witnesses resident residents voter voters member members leaders democrats republicans
conservatives liberals activists organizers employees authorities police lawyer lawyers
attorney attorneys someone others economists scientists historians republican democrat
""")
ORGANIZATION_HEADS: Final = _words("""
campaign committee administration department agency company corporation firm group organization
organisation party office team foundation network newspaper paper magazine outlet court
commission council government ministry union association institute bureau coalition caucus camp
staff pac service
""")
DOCUMENT_HEADS: Final = _words("""
memo memorandum report statement letter document documents complaint filing lawsuit suit ruling
video ad advertisement commercial email e-mail emails tweet release study analysis poll survey
book article editorial op-ed transcript records proposal indictment guidance data figures
estimate estimates research review audit assessment cable note message footage clip broadcast
website platform polls surveys memoir memoirs autobiography biography
""")
# Heads of a noun phrase that is a company or an outlet, in an appositive after a name or in
# front of it: "Teck, the Canadian mining company,", "snack giant Nabisco", "the website X".
COMPANY_HEADS: Final = _words("""
company firm bank corporation conglomerate giant retailer website site blog publisher
newspaper paper magazine outlet network channel band maker automaker carmaker manufacturer
insurer lender chain brand startup airline utility nonprofit charity organization
organisation
""")
# Heads that speak for a person named beside them ("Trump's aides", "a spokesman for Ryan",
# "Brian Fallon, a spokesman for the Clinton campaign"): that person is the one spoken for.
PROXY_HEADS: Final = _words("""
spokesman spokeswoman spokesperson spokespeople spokesmen aide aides adviser advisers advisor
advisors lawyer lawyers attorney attorneys counsel campaign camp team staff staffer staffers
strategist strategists surrogate surrogates manager chairman secretary representative
representatives office allies
""")
# Words between a determiner and such a head ("two senior administration officials").
SOURCE_MODIFIERS: Final = _words("""
senior top former current longtime outside close unnamed anonymous other two three four several
many some most few internal recent private public leaked confidential classified new web
online television radio campaign administration intelligence law enforcement government party
military police security congressional federal state local foreign white house press
communications political economic policy legal national chief deputy staff second third
independent nonpartisan conservative liberal progressive democratic republican american u.s.
""")
