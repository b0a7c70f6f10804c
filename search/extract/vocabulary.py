"""The words of names and of writing that the gazetteer and quote attribution both read:
given names, titles and honorifics, words that are capitalised but name nobody, nationality
words, organisation words, title abbreviations, the sentence break and the possessive. One
home for them, so that the gazetteer (which must tell a surname from a town) does not reach
inside the attributor.

Hand-written and deliberately generic: common first names, titles and words that look like
names when capitalised but never are. No specific public figures are listed, so the rules
carry over to articles the finder was not tuned on.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common given names (English-speaking countries first, then frequent international ones).
FIRST_NAMES: Final = _words("""
aaron abby abigail adam adrian al alan albert alex alexander alexandra alexis alfred alice
alicia alison allen allison alma amanda amber amy andrea andrew andy angela angelina angie anita
ann anna anne annie anthony antonio april arlen arnold arthur ashley audrey austin barbara barry
becky ben benjamin bernard bernie beth betsy betty beverly bill billy blake bob bobby bonnie brad
bradley brandon brenda brent brett brian bridget brittany brooke bruce bryan byron caitlin calvin
cameron carl carla carlos carly carmen carol caroline carolyn carrie casey catherine cathy cecil
chad charlene charles charlie charlotte chelsea cheryl chris christian christie christina
christine christopher chuck cindy claire clarence claude claudia clay clint clyde cody colin
connie corey cory courtney craig curt curtis cynthia dale dan dana daniel danielle danny darrell
darren dave david dawn dean debbie deborah debra denise dennis derek diana diane dianne dick
don donald donna doris dorothy doug douglas duane dustin dwight earl ed eddie edgar edith edward
edwin eileen elaine eleanor elijah elizabeth ellen elliot elliott emily emma eric erica erin
ernest ethan eugene eva evan evelyn frances francis frank franklin fred frederick gabriel gail
gary gene george gerald geraldine gina glen glenn gloria gordon grace greg gregory gretchen
hank hannah harold harriet harry harvey heather heidi helen henry herbert herman hillary holly
howard hugh ian irene isaac jack jackie jacob jacqueline jake james jamie jan jane janet janice
jared jason jay jean jeanne jeb jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica
jill jim jimmy jo joan joanne jodi joe joel john johnny jon jonathan jordan jose joseph josh
joshua joy joyce juan judith judy julia julian julie justin karen karl kate katherine kathleen
kathryn kathy katie kay keith kelly kellyanne ken kenneth kent kerry kevin kim kimberly kirk
kristen kristin kurt kyle lamar lance larry laura lauren laurie lawrence lee leon leonard leslie
lillian linda lindsay lindsey lisa lloyd logan lois lori louis louise lucas lucy luis luke lynn
marc marco marcus margaret maria marie marilyn mario marion mark marsha martha martin marty
marvin mary matt matthew maureen max maxine megan melania melanie melissa melvin meredith
michael michele michelle mike mildred mitch mitchell mitt molly monica morgan nancy naomi natalie
nathan neil nicholas nick nicole nikki noah norma norman olivia oscar pam pamela pat patricia
patrick patty paul paula peggy penny pete peter phil philip phillip priscilla rachel ralph
ramon randall randy ray raymond rebecca reggie reince rex rich richard rick rita rob robert
roberta robin rod rodney roger ron ronald ronnie rose rosemary ross roy ruby rudy russ russell
ruth ryan sally sam samantha samuel sandra sandy sara sarah scott sean seth shannon sharon
shawn sheila shelley sherry shirley sidney stacy stan stanley stephanie stephen steve steven
stuart sue susan suzanne sylvia tammy tanya ted teresa terri terry thad theresa thomas tim
timothy tina todd tom tommy toni tony tracy travis trey troy tyler valerie vanessa vera vernon
veronica vicki victor victoria vince vincent virginia wade walter wanda warren wayne wendy
wesley whitney willard william willie wilson zach zachary
ahmed ali alejandro ana andre andrei angela anton boris carlo cesar chen dmitry dmitri enrique
fernando francesco francois fidel gerhard giuseppe hans hassan heinz hugo ibrahim igor ivan
jacques jaime javier jorge juergen julio kim klaus li liu luigi manuel marine mohamed
mohammad mohammed muhammad nicolas nikolai olga omar pablo pedro pierre rafael ramon raul
recep ricardo roberto salvador sergei sergey shinzo silvio vladimir wang xi yuri yusuf zhang
aleksandr alexei alexey anatoly dmitriy galina leonid maxim mikhail natalia nikita oleg pavel
svetlana tatiana valentina valery viktor yekaterina yelena yevgeny
""")

# Abbreviated honorifics; they mark the next word as a name and go into the role.
HONORIFICS: Final = _words("""
mr mrs ms miss dr prof sen sens rep reps gov govs lt gen col maj capt sgt adm cmdr rev hon
atty supt pres amb insp det cpl pvt
""")

# Capitalised title or modifier words that can open a name sequence and belong to the role.
TITLE_WORDS: Final = _words("""
president vice senator senators governor congressman congresswoman congressmen secretary mayor
speaker chairman chairwoman chair judge justice ambassador minister prime chancellor king queen
prince princess pope sheriff attorney general director chief commissioner councilman
councilwoman committeeman committeewoman treasurer leader majority minority whip candidate
nominee democrat democrats
republican republicans democratic gop libertarian independent former ex then first lady sir
dame lord rabbi father pastor bishop cardinal archbishop coach officer detective agent deputy
assistant senior acting press presidential president-elect sheikh emir ayatollah imam
representative delegate lawmaker spokesman spokeswoman spokesperson adviser advisor aide
strategist pollster analyst professor economist rival challenger billionaire businessman
businesswoman host anchor correspondent reporter editor columnist commentator author activist
founder ceo manager chairperson executive vice-president retired reverend sister brother
editor-in-chief chief-of-staff commander-in-chief co-chair co-founder
dr. mr. mrs. ms. sen. rep. gov. lt. gen. col. capt. sgt. adm. prof. rev. gov.-elect
c.e.o c.f.o c.o.o premier envoy admiral colonel lieutenant captain sergeant marshal brigadier
commander
""")

# Title words that also head things ("Miss Universe", "Prince Street", "Democrats Abroad").
WEAK_TITLES: Final = _words("""
miss democrat democrats republicans ex then first lady sister brother father king queen prince
princess agent officer host
""")

# Words that are capitalised in running text but are not (parts of) person names.
NOT_NAME: Final = _words("""
a an the and but or nor so yet for if when while after before as at by in on of to from with
without about into over under since until because although though unless whether than then
this that these those there here it its he she they we i you his her their our my your him
them us me who whom whose which what where why how all any both each every few many more most
some such no not only own same other another one two three four five six seven eight nine ten
st also even just still yes oh well now today tonight yesterday tomorrow
january february march april may june july august september october november december
feb apr jul sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
god lord christ jesus allah christmas easter thanksgiving
democrats republicans americans conservatives liberals evangelicals america
read watch click see related update updated advertisement photo video getty images ap
associated press reuters afp upi tass staff writer contributed reporting editing
according during despite however meanwhile moreover instead rather perhaps indeed still
britain internet web census section circuit
everyone everybody someone somebody anyone nobody everything something anything nothing
others aides officials critics supporters
almost following asked speaking many several most few none neither either sources experts
against like unlike amid among amongst via per upon toward towards across beyond behind beside
besides near onto within throughout versus
""")

# Nationality and group adjectives: never a name, but they belong to a role ("Russian
# Presidential spokesman").
DEMONYMS: Final = _words("""
american mexican russian syrian canadian korean european african asian iranian iraqi afghan
saudi israeli palestinian chinese japanese german french british italian spanish cuban latino
latina hispanic muslim jewish catholic evangelical southern northern western eastern
ukrainian belarusian kazakh uzbek kyrgyz tajik turkmen georgian armenian azerbaijani moldovan
polish czech slovak hungarian romanian bulgarian serbian croatian greek turkish lebanese
jordanian egyptian libyan qatari emirati yemeni kuwaiti indian pakistani bangladeshi lao thai
vietnamese cambodian indonesian malaysian filipino mongolian australian brazilian argentine
venezuelan colombian chilean peruvian nigerian kenyan ethiopian dutch belgian swiss austrian
swedish norwegian danish finnish estonian latvian lithuanian portuguese irish scottish
""")

# Words marking an organisation, event, place or thing when they occur in a capitalised run.
ORG_WORDS: Final = (
    _words("""
party news committee campaign house department senate congress court university college
school institute institution foundation association council commission agency bureau office
administration ministry government republic kingdom union league network times post journal
tribune herald gazette magazine press review report daily weekly channel radio tv television
media group inc corp co llc ltd company corporation bank fund trust center centre club society
church hall tower towers building street avenue road square park county city state states
strip chiefs patriarchate corps chamber core peace kremlin pentagon
island islands river mountain lake valley bay airport station hotel hospital museum library
board council caucus coalition alliance movement project initiative forum summit conference
convention debate poll polls survey index act bill law amendment treaty accord plan program
programme day week month year war army navy force forces guard police fbi cia nsa irs gop
democrats republicans democratic republican new federal national international
american americans united nations union twitter facebook instagram youtube google apple
microsoft amazon fox cnn msnbc nbc abc cbs npr pbs bbc politico breitbart politifact gallup
quinnipiac rasmussen reuters bloomberg axios vox huffington wikileaks medicare medicaid
obamacare isis isil taliban al-qaida al-qaeda hamas hezbollah nato brexit
service services science sciences economics insider pac world promotions control fathers
partners holdings systems technologies pharmaceuticals therapeutics capital ventures labs
show program programme podcast organization organisation team
""")
    - FIRST_NAMES
)

# Title abbreviations written with a full stop ("Sen. Warren", "Martin Luther King Jr."): the
# stop belongs to the name and ends no sentence. HONORIFICS, the words showing that a name
# follows, is wider ("Atty.", "Pres." are split from the name), as it always was.
TITLE_ABBREVIATIONS = tuple(
    """Mr Mrs Ms Dr Sen Sens Rep Reps Gov Lt Gen Col Maj Capt Sgt Adm Cmdr Rev Prof Hon
    Jr Sr St""".split()
)
# A sentence ends in a stretch of text: a stop that follows no initial and no title
# abbreviation, then a capital or an opening quotation mark. The stop comes first in the
# pattern, so that `re` looks behind only at stops.
SENTENCE_BREAK_RE: Final = re.compile(
    r"[.!?](?<!\b[A-Z].)"
    + "".join(rf"(?<!\b{abbreviation}.)" for abbreviation in TITLE_ABBREVIATIONS)
    + r"\s+[A-Z“\"]"
)
# A possessive after a name ("Trump's", "Sanders'"); ending a word ("Fox's", "Texas'"), it is
# cut off before the name is looked up.
POSSESSIVE = r"['’]s?"
POSSESSIVE_RE: Final = re.compile(POSSESSIVE + "$")


def possessive_start(word: str) -> int:
    """Where the possessive ending a word without line breaks starts, -1 if none: what
    POSSESSIVE_RE.search finds, told without a pattern (this is asked of every name's words)."""
    if word.endswith(("'s", "’s")):
        return len(word) - 2
    if word.endswith(("'", "’")):
        return len(word) - 1
    return -1


def without_possessive(word: str) -> str:
    """A word without line breaks less the possessive ending it (POSSESSIVE_RE.sub)."""
    cut = possessive_start(word)
    return word if cut < 0 else word[:cut]


# Given names borne mostly by women, of FIRST_NAMES: with "Mrs."/"Ms."/"Mr." in front of a
# surname they tell which of two people sharing it is meant ("Mrs. Clinton" in an article
# naming Hillary and Bill Clinton). Names borne by both (Jordan, Kelly, Leslie, Robin) are in
# neither list.
FEMALE_NAMES: Final = _words("""
abby abigail alexandra alexis alice alicia alison allison alma amanda amber amy andrea angela
angelina angie anita ann anna anne annie april ashley audrey barbara becky beth betsy betty
beverly bonnie brenda bridget brittany brooke caitlin carla carly carmen carol caroline carolyn
carrie catherine cathy charlene charlotte chelsea cheryl christie christina christine cindy
claire claudia connie courtney cynthia danielle dawn debbie deborah debra denise diana diane
dianne donna doris dorothy edith eileen elaine eleanor elizabeth ellen emily emma erica erin eva
evelyn frances gail geraldine gina gloria grace gretchen hannah harriet heather heidi helen
hillary holly irene jackie jacqueline jane janet janice jean jeanne jennifer jenny jessica jill
joan joanne jodi joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy
katie kay kellyanne kimberly kristen kristin laura lauren laurie lillian linda lindsay lisa lois
lori louise lucy margaret maria marie marilyn marsha martha mary maureen maxine megan melania
melanie melissa meredith michele michelle mildred molly monica nancy naomi natalie nicole nikki
norma olivia pam pamela patricia patty paula peggy penny priscilla rachel rebecca rita roberta
rose rosemary ruby ruth sally samantha sandra sara sarah shannon sharon sheila shelley sherry
shirley stacy stephanie sue susan suzanne sylvia tammy tanya teresa terri theresa tina toni
valerie vanessa vera veronica vicki victoria virginia wanda wendy whitney olga marine galina
natalia svetlana tatiana valentina yekaterina yelena ana
""")
_BOTH: Final = _words("""
jordan kelly leslie robin morgan pat terry jan kim dana jamie tracy casey lee marion jo
sidney lynn shannon courtney ashley kerry carey
""")
MALE_NAMES: Final = FIRST_NAMES - FEMALE_NAMES - _BOTH
