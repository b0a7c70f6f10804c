"""`dateline people`: an editor's corrections of the people registry (merge, split, rename,
not-a-person), each kept with who, when and why in the archive's data and applied at once to
the live index (and by every later reindex and index); `show` says why a name belongs where it
does, by which rule, in which articles."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

import click
from elasticsearch import Elasticsearch

from search.cli.commands import _reported, _settings, main
from search.index.identity import add_correction, read_corrections, relabel_speakers
from search.index.indices import IndexStateError, live_index
from search.query.execute import people
from search.schema import ARTICLE, ID, SPEAKERS, TITLE, only
from search.speakers.corrections import Action, Correction, CorrectionError
from search.speakers.lookup import People
from search.store.archive import operator

_SHOWN_SPELLINGS = 12
_SHOWN_ARTICLES = 3
_why = click.option("--why", required=True, help="Why: kept with the correction.")
_by = click.option("--by", default=None, help="Who makes it [the user running the command].")


@main.group("people")
def people_group() -> None:
    """The people registry: corrections by an editor, and why a name is where it is."""


def _live(es: Elasticsearch, alias: str) -> str:
    live = live_index(es, alias)
    if live is None:
        raise IndexStateError(f"no live index behind {alias!r}: index some articles first")
    return live


def _known(registry: People, value: str) -> None:
    if registry.directory.find(value) is None:
        found = registry.resolve(value)
        hint = found.people or found.candidates or found.suggestions
        also = f" (try: {', '.join(hint[:3])})" if hint else ""
        raise IndexStateError(f"no person or spelling {value!r} in the registry{also}")


def _correct(
    action: Action, target: str, names: tuple[str, ...], value: str, why: str, by: str | None
) -> None:
    settings = _settings()
    with _reported("the correction was not applied"):
        es = settings.client()
        live = _live(es, settings.alias)
        registry = people(es, live)
        for name in (target, *names):
            _known(registry, name)
        try:
            correction = Correction(
                action,
                target,
                names,
                value,
                who=by or operator(),
                when=datetime.now(UTC).isoformat(timespec="seconds"),
                why=why,
            )
        except CorrectionError as error:
            raise IndexStateError(str(error)) from None
        path = add_correction(settings.alias, correction)
        click.echo(f"kept in {path}", err=True)
        done = relabel_speakers(es, live, read_corrections(settings.alias))
        click.echo(
            f"applied to {live}: {done.documents} documents relabelled, "
            f"{done.people} people in the registry",
            err=True,
        )


@people_group.command("merge")
@click.argument("target")
@click.argument("names", nargs=-1, required=True)
@_why
@_by
def merge_command(target: str, names: tuple[str, ...], why: str, by: str | None) -> None:
    """NAMES (ids, names or spellings) are the person TARGET."""
    _correct("merge", target, names, "", why, by)


@people_group.command("split")
@click.argument("spelling")
@click.option("--as", "as_name", default="", help="The new person's name [the spelling].")
@_why
@_by
def split_command(spelling: str, as_name: str, why: str, by: str | None) -> None:
    """SPELLING is a person of its own, not the one it was joined to."""
    _correct("split", spelling, (), as_name, why, by)


@people_group.command("rename")
@click.argument("person")
@click.argument("name")
@_why
@_by
def rename_command(person: str, name: str, why: str, by: str | None) -> None:
    """PERSON (an id, a name or a spelling) is shown as NAME (the id stays)."""
    _correct("rename", person, (), name, why, by)


@people_group.command("not-a-person")
@click.argument("name")
@click.option(
    "--kind",
    type=click.Choice(["organization", "document", "phrase"]),
    default="organization",
    show_default=True,
)
@_why
@_by
def not_a_person_command(name: str, kind: str, why: str, by: str | None) -> None:
    """NAME (a spelling, or a whole entry) is no person: out of the directory and the facet."""
    _correct("not-a-person", name, (), kind, why, by)


def _articles(es: Elasticsearch, index: str, written: str) -> list[dict[str, Any]]:
    """A few articles whose speakers write `written`."""
    query = {
        "bool": {
            "filter": [
                only(ARTICLE),
                {
                    "nested": {
                        "path": SPEAKERS.path,
                        "query": {"term": {SPEAKERS.sub("as_written"): written}},
                    }
                },
            ]
        }
    }
    shown = {"includes": [ID.path, TITLE.path]}
    found = es.search(index=index, query=query, size=_SHOWN_ARTICLES, source=shown)
    return [hit["_source"] for hit in found["hits"]["hits"]]


@people_group.command("show")
@click.argument("name")
def show_command(name: str) -> None:
    """Why NAME (an id, a name, a spelling, a title form) is where it is: the entry, each of
    its spellings with the rule (or the editor's correction) that put it there, and articles
    that write it."""
    settings = _settings()
    with _reported("nothing shown"):
        es = settings.client()
        live = _live(es, settings.alias)
        registry = people(es, live)
        directory = registry.directory
        entry = directory.find(name)
        if entry is None:
            found = registry.resolve(name)
            click.echo(f"{name}: read as {found.rule or 'nothing'}")
            for label, ids in (("names", found.people), ("may name", found.candidates)):
                for person_id in ids:
                    click.echo(f"  {label}: {directory.entries[person_id].name} ({person_id})")
            if found.suggestions:
                click.echo(f"  did you mean: {', '.join(found.suggestions)}")
            if not (found.people or found.candidates or found.suggestions):
                sys.exit(1)
            if len(found.people) != 1:
                return
            entry = directory.entries[found.people[0]]
        lines = directory.explain(entry.id)
        click.echo(lines[0] + f", {entry.quotes} quotes")
        for line in lines[1 : 1 + _SHOWN_SPELLINGS + (1 if entry.candidates else 0)]:
            click.echo(line)
        ordered = sorted(entry.spellings.items(), key=lambda kv: -kv[1])
        for written, _ in ordered[:_SHOWN_SPELLINGS]:
            shown = "; ".join(
                f"{a.get(ID.path)} “{(a.get(TITLE.path) or '')[:60]}”"
                for a in _articles(es, live, written)
            )
            click.echo(f"  in: {written}: {shown}")
        if len(ordered) > _SHOWN_SPELLINGS:
            click.echo(f"  … and {len(ordered) - _SHOWN_SPELLINGS} more spellings")
