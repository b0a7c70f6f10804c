"""The people of the archive, from the names written in its articles.

Within an article extraction has already joined "Peskov", "Mr. Peskov" and "Dmitry Peskov";
across articles `identify` joins, under one canonical name and id, and says why:
- spellings of one name: "Donald J. Trump" and "Donald Trump" (see `names`), unless their middle
  initials differ (George H.W. Bush is not George W. Bush);
- legal and birth names from a curated table: "John Ellis Bush" is Jeb Bush (see `aliases`);
- given names that are nicknames of each other, same surname: "Chuck Grassley", "Charles
  Grassley" (see `given`), even when one article uses both;
- a name with a suffix and the plain name, when the name is written out formally ("James B.
  Comey Jr.") or its contexts agree, and no article names both ("Donald Trump Jr." stays apart
  from "Donald Trump");
- a misspelt given name or surname with the name it misspells, only with evidence: one letter
  apart and the same context (role, names beside it, period): "Rence Priebus";
- a form no article resolves (a surname alone, a two-part surname, a given name alone, a name
  without the initials that tell namesakes apart) with its likeliest bearer, only when that one
  is MARGIN times likelier than the next by articles weighed by role, period and the names
  beside it ("Obama" is Barack Obama); otherwise it is an ambiguous entry listing its
  candidates, never a person of its own.
Names that are no people (see `kinds`) are entries of their own kind. The canonical name is the
spelling most of the person's articles use; the id is its key, slugged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from search.speakers.aliases import alias_of
from search.speakers.context import (
    Commonness,
    Context,
    company_likeness,
    periods_meet,
    role_likeness,
)
from search.speakers.corrections import Correction
from search.speakers.directory import Decision, Directory, Entry
from search.speakers.given import is_given_name, same_given, sex_of_given
from search.speakers.kinds import Verdict, kind_of
from search.speakers.names import PersonName, person_name, slug
from search.speakers.stats import NameStats

Pair = frozenset[str]  # two keys

MARGIN = 4.0  # how many times likelier the chosen bearer of a bare form must be than the next
_ROLE_AGREES = 0.3  # share of role words in common that counts as the same office
_COMPANY_AGREES = 0.15  # share of (rarity-weighted) neighbouring names in common
_PROMINENT = 5  # a surname's bearer named this many times as often is its known bearer


@dataclass(frozen=True)
class Person:
    id: str
    name: str


@dataclass
class _Form:
    """One spelling on its way to an entry."""

    stats: NameStats
    name: PersonName  # as written
    target: PersonName  # the name it stands for (its alias's, if the table has one)
    context: Context
    decision: Decision
    compound: str = ""  # a two-part surname written alone ("wasserman schultz")


@dataclass
class _Group:
    """One person being put together."""

    forms: list[_Form] = field(default_factory=list)
    context: Context = field(default_factory=Context)

    def add(self, form: _Form) -> None:
        self.forms.append(form)
        self.context.merge(form.context)

    @property
    def lead(self) -> _Form:
        return max(self.forms, key=lambda f: (f.decision.rule != "typo", f.context.articles))

    @property
    def surname(self) -> str:
        return self.lead.target.surname

    @property
    def initials(self) -> str:
        """The middle initials its spellings write most (by articles); "" if none."""
        counts: Counter[str] = Counter()
        for form in self.forms:
            if form.target.initials:
                counts[form.target.initials] += form.context.articles
        return min(counts, key=lambda i: (-counts[i], i)) if counts else ""

    def keys(self) -> set[str]:
        return {f.target.key for f in self.forms} | {f.name.key for f in self.forms}

    def compounds(self) -> set[str]:
        """Two-part surnames its spellings may write: "wasserman schultz" for Debbie Wasserman
        Schultz (the last middle word, and the surname)."""
        found = {f.target.surname for f in self.forms if " " in f.target.surname}
        for form in self.forms:
            middle = form.target.middle
            if middle and len(middle[-1]) > 1:
                found.add(f"{middle[-1]} {form.target.surname}")
        return found


def distance(a: str, b: str) -> int:
    """Edit distance, a swap of two letters counting one (optimal string alignment)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def misspelt(a: str, b: str) -> bool:
    """Whether two words may be one misspelt: one edit apart (two for long words), same first
    letter, and not two short given names (where one letter makes another name: "Dan", "Don")."""
    if a == b or not a or not b or a[0] != b[0]:
        return False
    if min(len(a), len(b)) < 4 and is_given_name(a) and is_given_name(b):
        return False
    return distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


class _Evidence:
    """What the archive says of two contexts being one person's."""

    def __init__(self, commonness: Commonness) -> None:
        self.commonness = commonness

    def together(self, a: _Group | _Form, b: _Group) -> int:
        """Articles naming both (a's spellings beside one of b's keys)."""
        keys = b.keys()
        return sum(c for k, c in a.context.together.items() if k in keys)

    def agree(self, a: Context, b: Context, skip: set[str]) -> str | None:
        """The evidence that two contexts are one person's, in words; None if none."""
        if not periods_meet(a, b):
            return None
        roles = role_likeness(a, b)
        if roles is not None and roles >= _ROLE_AGREES:
            return f"same role ({', '.join(sorted(set(a.roles) & set(b.roles))[:3])})"
        company = company_likeness(a, b, self.commonness, skip=skip)
        if company >= _COMPANY_AGREES:
            return f"named beside the same people ({company:.0%})"
        return None

    def roles_differ(self, a: Context, b: Context) -> bool:
        roles = role_likeness(a, b)
        return roles is not None and roles < 0.1 and (role_likeness(b, a) or 0.0) < 0.1


def _initials_meet(a: str, b: str) -> bool:
    """Middle initials that may be one person's: one names fewer ("" or "j" and "jd")."""
    return a.startswith(b) or b.startswith(a)


def _namesakes(signatures: set[str]) -> bool:
    """Whether the middle initials written with one name tell two people apart ("w", "hw")."""
    ordered = sorted(signatures)
    return any(not _initials_meet(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])


class _Builder:
    def __init__(self, names: Iterable[NameStats]) -> None:
        self.names = list(names)
        self.commonness = Commonness.of(
            (n.key, s.articles) for s in self.names if (n := person_name(s.written))
        )
        self.evidence = _Evidence(self.commonness)
        self.entries: dict[str, Entry] = {}
        self.of_spelling: dict[str, str] = {}
        self.decisions: dict[str, Decision] = {}
        self.contexts: dict[str, Context] = {}

    # --- entries ---------------------------------------------------------------------------

    def _new_id(self, base: str) -> str:
        found, n = base or "unnamed", 2
        while found in self.entries:
            found, n = f"{base}-{n}", n + 1
        return found

    def _enter(self, entry: Entry, forms: Iterable[tuple[NameStats, Context, Decision]]) -> None:
        self.entries[entry.id] = entry
        for stats, context, decision in forms:
            entry.spellings[stats.written] = stats.articles
            entry.context.merge(context)
            self.of_spelling[stats.written] = entry.id
            self.decisions[stats.written] = decision
            self.contexts[stats.written] = context

    # --- the steps ---------------------------------------------------------------------------

    def run(self) -> Directory:
        full, partial = self._forms()
        groups = self._group(full)
        self._mend_misspelt_surnames(groups)
        joined, ambiguous = self._resolve(partial, groups)
        self._name(groups, joined)
        for form, candidates, why in ambiguous:
            self._ambiguous(form, candidates, why)
        return Directory(self.entries, self.of_spelling, self.decisions, self.contexts)

    def _forms(self) -> tuple[list[_Form], list[_Form]]:
        """Spellings that are people's, parsed; non-people become entries right away."""
        read: list[tuple[NameStats, PersonName | None, Context, Verdict]] = []
        bearers: dict[str, Counter[str]] = defaultdict(Counter)  # surname: given: articles
        for stats in self.names:
            name = person_name(stats.written)
            context = Context()
            context.add(
                stats.articles, stats.quotes, stats.first, stats.last, stats.roles, stats.together
            )
            verdict = kind_of(stats.written, name, dict(stats.kinds) or None)
            if name is not None and alias_of(name):  # the table knows it: a person
                verdict = Verdict("person", "a curated alias")
            if name is not None and name.given and verdict.kind == "person":
                bearers[name.surname][name.given] += stats.articles
            read.append((stats, name, context, verdict))
        parsed: list[tuple[NameStats, PersonName, Context]] = []
        for stats, name, context, verdict in read:
            if verdict.doubt and name is not None:
                # "Demogorgon Trump": a dictionary word before the surname of someone the
                # archive names far more often is no given name but a word before a name
                others = bearers[name.surname].copy()
                others.pop(name.given, None)
                if others and max(others.values()) >= _PROMINENT * stats.articles:
                    verdict = Verdict("phrase", f"{verdict.doubt}, before a known surname")
            if verdict.kind != "person" or name is None:
                entry = Entry(self._new_id(slug(stats.written)), stats.written, verdict.kind)
                decision = Decision(f"not a person ({verdict.kind})", verdict.why)
                self._enter(entry, [(stats, context, decision)])
                continue
            parsed.append((stats, name, context))
        longer = {
            f"{n.middle[-1]} {n.surname}": n.key
            for _, n, _ in parsed
            if n.given and n.middle and len(n.middle[-1]) > 1
        } | {n.surname: n.key for _, n, _ in parsed if n.given and " " in n.surname}
        signatures: dict[str, set[str]] = defaultdict(set)
        for _, n, _ in parsed:
            if n.given and n.surname and n.initials:
                signatures[n.key].add(n.initials)
        full: list[_Form] = []
        partial: list[_Form] = []
        for stats, name, context in parsed:
            alias = alias_of(name)
            decision = (
                Decision("alias", f"the curated table: {stats.written} is {alias.display}")
                if alias
                else Decision("same name", f"key “{name.key}”")
            )
            form = _Form(stats, name, alias or name, context, decision)
            two_part = f"{name.given} {name.surname}"
            if name.given and not name.middle and two_part in longer:
                # "Wasserman Schultz": a two-part surname, when its first half is no given
                # name or every article writing it also writes the full name
                beside = stats.together.get(longer[two_part], 0)
                if not is_given_name(name.given) or beside >= stats.articles:
                    form.compound = two_part
            target = form.target
            namesakes = _namesakes(signatures.get(target.key, set()))
            if (
                target.given
                and target.surname
                and not form.compound
                and not (namesakes and not target.initials)
            ):
                full.append(form)
            else:
                partial.append(form)
        return full, partial

    def _group(self, full: list[_Form]) -> list[_Group]:
        """Full names into people, most articles first so the common spelling founds each."""
        by_surname: dict[str, list[_Group]] = defaultdict(list)
        for form in sorted(full, key=lambda f: (-f.context.articles, f.stats.written)):
            bucket = by_surname[form.target.surname]
            home, why = self._home(form, bucket)
            if home is None:
                group = _Group()
                group.add(form)
                bucket.append(group)
            else:
                if why.rule != "same name" or form.decision.rule != "alias":
                    form.decision = why
                home.add(form)
        return [g for groups in by_surname.values() for g in groups]

    def _home(self, form: _Form, bucket: list[_Group]) -> tuple[_Group | None, Decision]:
        """The person a full name joins among those of its surname, and why."""
        for group in bucket:
            why = self._joins(form, group)
            if why is not None:
                return group, why
        return None, form.decision

    def _joins(self, form: _Form, group: _Group) -> Decision | None:
        """Why a full name is one of `group`'s person, or None when it is not (or may not be)."""
        name, lead = form.target, group.lead.target
        if any(f.target.key == name.key for f in group.forms) or same_given(name.given, lead.given):
            if not _initials_meet(name.initials, group.initials):
                return None
            together = self.evidence.together(form, group)
            if name.suffix != lead.suffix:
                return self._suffix(form, group, together)
            if name.key == lead.key:
                return Decision("same name", f"key “{name.key}”")
            if together and self.evidence.roles_differ(form.context, group.context):
                return None  # named together, in two offices: two people
            return Decision("nickname", f"{name.given} and {lead.given} may name one person")
        if misspelt(name.given, lead.given) and name.suffix == lead.suffix:
            agree = self.evidence.agree(form.context, group.context, group.keys())
            if agree:
                return Decision(
                    "typo", f"{name.given!r} is one letter from {lead.given!r}; {agree}"
                )
        return None

    def _suffix(self, form: _Form, group: _Group, together: int) -> Decision | None:
        """A name with a suffix and one without (or another) are one person's only when the
        archive never names both in one article, and the suffix is written formally or the
        contexts agree; Jr. and Sr. (or II and III) are always two."""
        name, lead = form.target, group.lead.target
        if name.suffix and lead.suffix:
            return None
        suffixed, plain = (form, group) if name.suffix else (group, form)
        if together:
            # "Donald Trump" and "Donald Trump Jr." in one article are two people, unless the
            # plain name is never written without the suffixed one: the short form of it
            if together < plain.context.articles:
                return None
            return Decision("suffix", "written only beside the name with its suffix")
        suffixed_name = suffixed.lead.target if isinstance(suffixed, _Group) else suffixed.target
        if suffixed_name.formal:
            return Decision("suffix", f"{suffixed_name.display} is written formally: one person")
        agree = self.evidence.agree(form.context, group.context, group.keys())
        if agree:
            return Decision("suffix", f"never named together; {agree}")
        return None

    def _mend_misspelt_surnames(self, groups: list[_Group]) -> None:
        """A rare name one letter from a common one of the same given name joins it, with the
        evidence of context ("Elise Labbot" and Elise Labott)."""
        by_given: dict[str, list[_Group]] = defaultdict(list)
        for group in groups:
            by_given[group.lead.target.given].append(group)
        for group in sorted(groups, key=lambda g: g.context.articles):
            if not group.forms or group.context.articles > 3:
                continue
            lead = group.lead.target
            for other in by_given[lead.given]:
                if (
                    other is group
                    or not other.forms
                    or other.context.articles < 2 * group.context.articles
                    or not misspelt(lead.surname, other.surname)
                ):
                    continue
                agree = self.evidence.agree(group.context, other.context, other.keys())
                if agree:
                    why = f"{lead.surname!r} is one letter from {other.surname!r}; {agree}"
                    for form in group.forms:
                        form.decision = Decision("typo", why)
                        other.add(form)
                    group.forms.clear()
                    break
        groups[:] = [g for g in groups if g.forms]

    # --- forms no article resolves --------------------------------------------------------------

    def _candidates(self, form: _Form, groups: list[_Group]) -> list[_Group]:
        name = form.target
        if form.compound:
            return [g for g in groups if form.compound in g.compounds()]
        if name.given and name.surname:  # a name without the initials that tell namesakes apart
            return [
                g
                for g in groups
                if g.surname == name.surname
                and same_given(name.given, g.lead.target.given)
                and g.lead.target.suffix == name.suffix
            ]
        if name.given:  # a given name and a suffix: "Donald Jr."
            return [
                g
                for g in groups
                if same_given(name.given, g.lead.target.given)
                and g.lead.target.suffix == name.suffix
            ]
        word = name.surname
        found = [g for g in groups if g.surname == word or word in g.compounds()]
        if " " not in word and not is_given_name(word):  # "Acosta" for Melba Acosta Febo
            found += [
                g
                for g in groups
                if g not in found and any(word in f.target.middle for f in g.forms)
            ]
        if is_given_name(word):  # a given name alone: "Bernie", "Hillary"
            found += [g for g in groups if g not in found and same_given(word, g.lead.target.given)]
        if not found and " " not in word:  # "Labbot" for Elise Labott, with evidence
            found = [
                g
                for g in groups
                if misspelt(word, g.surname)
                and self.evidence.agree(form.context, g.context, g.keys())
            ]
        if form.name.sex:  # "Mrs. Clinton" is a woman
            found = [g for g in found if sex_of_given(g.lead.target.given) in (None, form.name.sex)]
        return found

    def _score(self, form: _Form, group: _Group) -> float:
        """How likely `group` is the person `form` names: their articles, weighed by the
        form's context (same office, same period, same people beside it)."""
        score = float(group.context.articles)
        roles = role_likeness(form.context, group.context)
        if roles is not None:
            score *= 0.25 + 3 * roles
        if not periods_meet(form.context, group.context):
            score *= 0.2
        company = company_likeness(
            form.context, group.context, self.commonness, skip={form.name.key}
        )
        return score * (1 + 3 * company)

    def _resolve(
        self, partial: list[_Form], groups: list[_Group]
    ) -> tuple[dict[int, list[_Form]], list[tuple[_Form, list[_Group], str]]]:
        joined: dict[int, list[_Form]] = defaultdict(list)
        ambiguous: list[tuple[_Form, list[_Group], str]] = []
        for form in partial:
            candidates = self._candidates(form, groups)
            scored = sorted(((self._score(form, g), g) for g in candidates), key=lambda sg: -sg[0])
            shown = "; ".join(f"{g.lead.target.display} {s:.1f}" for s, g in scored[:4])
            word = form.name.surname
            lone_given = bool(candidates) and all(  # "Bernie": found by given names only
                not word or (same_given(word, g.lead.target.given) and g.surname != word)
                for g in candidates
            )
            if not scored:
                ambiguous.append((form, [], "no one in the archive bears this name"))
                continue
            best, group = scored[0]
            second = scored[1][0] if len(scored) > 1 else 0.0
            clear = best > 0 and best >= MARGIN * second
            if clear and lone_given:
                # a given name alone needs its context to agree, not just a bearer
                clear = bool(self.evidence.agree(form.context, group.context, group.keys()))
            if clear:
                rule = _rule_of(form, lone_given)
                form.decision = Decision(
                    rule,
                    f"likeliest bearer by {MARGIN:g} times or more (articles × role, period, "
                    f"names beside it): {shown}",
                )
                joined[id(group)].append(form)
            else:
                ambiguous.append((form, [g for _, g in scored], f"no clear bearer: {shown}"))
        return joined, ambiguous

    # --- names and ids -----------------------------------------------------------------------

    def _name(self, groups: list[_Group], joined: dict[int, list[_Form]]) -> None:
        """Each person's canonical name (the spelling most of its articles use) and id."""
        shown_by_key: Counter[str] = Counter(g.lead.target.key for g in groups)
        self.group_ids: dict[int, str] = {}
        for group in sorted(groups, key=lambda g: (-g.context.articles, g.lead.stats.written)):
            shown: dict[str, tuple[int, int]] = {}
            for form in group.forms:
                if form.decision.rule not in ("typo", "alias"):
                    before = shown.get(form.target.display, (0, 0))
                    shown[form.target.display] = (
                        before[0] + form.context.articles,
                        before[1] + form.context.quotes,
                    )
            lead = group.lead.target
            name = (
                min(shown, key=lambda d: (-shown[d][0], -shown[d][1], d)) if shown else lead.display
            )
            compounds = [f for f in joined.get(id(group), []) if f.compound]
            if compounds:  # "Peña Nieto" written alone: the surname is shown whole
                written = max(compounds, key=lambda f: f.context.articles).name.display
                whole = f"{lead.display.split(' ')[0]} {written}"
                name = whole if len(whole.split()) > len(name.split()) else name
            if shown_by_key[lead.key] > 1 and group.initials:  # namesakes: initials tell
                name = _with_initials(lead, group.initials)
            entry = Entry(self._new_id(slug(name)), name, "person")
            members = group.forms + joined.get(id(group), [])
            self._enter(entry, [(f.stats, f.context, f.decision) for f in members])
            self.group_ids[id(group)] = entry.id

    def _ambiguous(self, form: _Form, candidates: list[_Group], why: str) -> None:
        entry = Entry(self._new_id(slug(form.name.key)), form.name.display, "ambiguous")
        entry.candidates = [self.group_ids[id(g)] for g in candidates]
        rule = "ambiguous" if candidates else "unknown"
        self._enter(entry, [(form.stats, form.context, Decision(rule, why))])


def _rule_of(form: _Form, lone_given: bool) -> str:
    """The name of the rule by which a form no article resolves went to its bearer."""
    if form.compound:
        return "two-part surname alone"
    if form.name.given and form.name.surname:
        return "name without initials"
    if form.name.given:
        return "given name and suffix"
    return "given name alone" if lone_given else "surname alone"


def _with_initials(name: PersonName, initials: str) -> str:
    shown = "".join(f"{i.upper()}." for i in initials)
    return " ".join(p for p in (name.display.split(" ")[0], shown, *name.display.split(" ")[1:]))


def identify(names: Iterable[NameStats], corrections: Sequence[Correction] = ()) -> Directory:
    """The archive's people, ambiguous names and non-people, from its names' statistics, with
    an editor's corrections applied on top (in their order)."""
    directory = _Builder(names).run()
    for correction in corrections:
        correction.apply(directory)
    return directory


# --- what the write path asks of the index, and what it labels documents with ---------------


def candidate_pairs(names: Iterable[NameStats]) -> set[Pair]:
    """Pairs of full-name keys whose joining depends on whether some article names both: the
    pairs to ask the index about (`NameStats.together` carries the answer)."""
    by_surname: dict[str, set[PersonName]] = defaultdict(set)
    for stats in names:
        name = person_name(stats.written)
        if name and name.given and name.surname:
            by_surname[name.surname].add(name)
    pairs: set[Pair] = set()
    for bearers in by_surname.values():
        ordered = sorted(bearers, key=lambda n: n.key)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if a.key != b.key and (same_given(a.given, b.given) or misspelt(a.given, b.given)):
                    pairs.add(frozenset((a.key, b.key)))
    return pairs


def note_together(names: Iterable[NameStats], together: set[Pair]) -> None:
    """Record in each spelling's statistics the keys some article names beside it, from pairs."""
    for stats in names:
        name = person_name(stats.written)
        if name is None:
            continue
        for pair in together:
            if name.key in pair:
                (other,) = pair - {name.key}
                stats.together[other] = max(stats.together[other], 1)


def people(names: Iterable[NameStats], together: set[Pair] | None = None) -> dict[str, Person]:
    """Each key's person, for the documents' labels: a key that is no person's (ambiguous, not
    a person) keeps its own spelling's label. Where spellings of one key went to different
    people (namesakes told apart by initials), the spelling in most articles labels the key."""
    names = list(names)
    if together is not None:
        note_together(names, together)
    directory = identify(names)
    found: dict[str, Person] = {}
    for stats in sorted(names, key=lambda s: s.articles):
        name = person_name(stats.written)
        entry = directory.entry(stats.written)
        if name is None or entry is None:
            continue
        if entry.kind == "person":
            found[name.key] = Person(entry.id, entry.name)
        else:
            found.setdefault(name.key, Person(name.id, name.display))
    return found
