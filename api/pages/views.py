"""The pages: thin views that read the search from the URL, ask `search.query.execute` and render
a template. Everything a page shows of the archive is escaped by Jinja, except the `*_html`
fields and snippets, which the read path escapes itself with matches in <mark>."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from elasticsearch import ApiError, TransportError
from flask import Blueprint, render_template, request

from api.engine import alias, es
from api.errors import RETRY_AFTER, engine_failure
from api.links import absolute
from api.pages import charts, directory, sharing, worldmap
from api.pages.series import from_search
from api.pages.state import (
    FILTER_KEYS,
    KEYS,
    SIZES,
    SORTS,
    State,
    href,
    iso_day_label,
    path_part,
    read,
    span_label,
)
from search.query import execute
from search.query.citation import article_path, page_path, said_by
from search.query.params import FACET_SIZE, MAX_FACET_VALUES, MAX_RESULT_WINDOW, SearchParams
from search.schema import ARTICLE, FACETS, FACETS_BY_NAME, QUOTE, Facet, Kind

bp = Blueprint("pages", __name__)
bp.add_url_rule("/opensearch.xml", view_func=sharing.opensearch)

SPEAKER_QUOTES = 20  # a speaker's quotes listed a page


def _args() -> dict[str, list[str]]:
    return request.args.to_dict(flat=False)


def article_href(
    article_id: str, pairs: Sequence[tuple[str, str]] = (), quotes: bool = False
) -> str:
    """An article's page, carrying the search it was found by (its words are marked there, and
    its way back leads to the same results)."""
    extra = [("in", "quotes")] if quotes else []
    return href(f"/articles/{path_part(article_id)}", [*pairs, *extra])


def speaker_href(person_id: str) -> str:
    return f"/speakers/{path_part(person_id)}"


def _render(template: str, status: int = 200, **context: Any) -> tuple[str, int, dict[str, str]]:
    headers = {"Retry-After": RETRY_AFTER} if status == 503 else {}
    page = render_template(
        template,
        day=iso_day_label,
        article_href=article_href,
        speaker_href=speaker_href,
        quote_href=page_path,
        **context,
    )
    return page, status, headers


@bp.errorhandler(ApiError)
@bp.errorhandler(TransportError)
def _engine_down(error: Exception) -> tuple[str, int, dict[str, str]]:
    code, message = engine_failure(error)
    return _render("error.html", code, code=code, message=message, retry=request.full_path)


def _missing(what: str) -> tuple[str, int, dict[str, str]]:
    return _render("error.html", 404, code=404, message=what, retry=None)


# --- the results: articles (/) and quotes (/quotes) ------------------------------------------

VIEWS: dict[Kind, tuple[str, str]] = {ARTICLE: ("/", "articles"), QUOTE: ("/quotes", "quotes")}


def _ordered_facets(result: Mapping[str, Any]) -> list[tuple[Facet, list[dict[str, Any]], bool]]:
    """Each facet's values, the selected first (with their real counts); whether it has more."""
    shown = []
    for facet in FACETS:
        buckets = result["facets"].get(facet.name, [])
        ordered = sorted(buckets, key=lambda b: not b["selected"])
        more = sum(not b["selected"] for b in buckets) >= FACET_SIZE
        shown.append((facet, ordered, more))
    return shown


def _last_page(total: int, size: int) -> int:
    return max(1, min(math.ceil(total / size), MAX_RESULT_WINDOW // size))


def _pages(current: int, last: int) -> list[int | None]:
    """Numbered pages around the current one, the first and the last; None for a gap."""
    wanted = {1, last, *range(current - 2, current + 3)}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    shown: list[int | None] = []
    for n in numbers:
        if shown and n - (shown[-1] or 0) > 1:
            shown.append(None)
        shown.append(n)
    return shown


PANEL = "filters"  # `filters=open`: a page reached by a choice in the Filters panel keeps it open


def _keep_open(link: str) -> str:
    """A facet value's link that reopens the Filters panel (a phone folds it away): without
    JavaScript each choice reloads the page, and the reader goes on choosing."""
    return f"{link}{'&' if '?' in link else '?'}{PANEL}=open"


def _listing(kind: Kind) -> tuple[str, int, dict[str, str]]:
    path, noun = VIEWS[kind]
    state = read(_args())
    of = [] if kind == ARTICLE else [("of", "quotes")]
    context: dict[str, Any] = {
        "state": state,
        "kind": kind,
        "path": path,
        "noun": noun,
        "feed": state.only(FILTER_KEYS, "/api/feed.atom", of),
        "retry": request.full_path,
    }
    try:
        result = execute.search(es(), alias(), state.params, kind)
    except (ApiError, TransportError) as error:
        code, message = engine_failure(error)
        chips = state.chips(path)
        return _render("search.html", code, failure=message, result=None, chips=chips, **context)
    names = {b["id"]: b["value"] for b in result["facets"]["speaker"] if b.get("id")}
    chips = state.chips(path, names)
    total = result["total"]["value"]
    params = state.params
    last = _last_page(total, params.size)
    wider = 0
    if total == 0 and state.filtered:
        everything = execute.search(es(), alias(), SearchParams(q=params.q, size=1), kind)
        wider = everything["total"]["value"]
    together = [b["id"] for b in result["facets"]["speaker"] if b["selected"] and b.get("id")]
    context.update(
        result=result,
        read_as=execute.explain(params.q)["notes"] if params.q.strip() else [],
        chips=chips,
        compare_link=from_search(state.pairs, together, kind == QUOTE)
        if len(together) > 1
        else None,
        described=[c.value for c in chips if c.label not in {"Words", "Sort", "Results per page"}],
        facets=_ordered_facets(result),
        more_links={f.name: state.only(KEYS, f"/facets/{f.name}", of) for f in FACETS},
        chart=charts.from_facet(
            result["facets"]["date"], result["date_interval"], (params.date_from, params.date_to)
        ),
        bar_link=lambda bar: state.date_range(path, bar.first.isoformat(), bar.last.isoformat()),
        page_link=lambda n: state.page_link(path, n),
        first=(params.page - 1) * params.size + 1,
        last_hit=(params.page - 1) * params.size + len(result["hits"]),
        last_page=last,
        pages=_pages(params.page, last),
        past_end=params.page > 1 and not result["hits"] and total > 0,
        wider=wider,
        wider_link=state.link(path, {k: [] for k in FILTER_KEYS if k != "q"}),
        sorts=SORTS,
        sizes=SIZES,
        keys=KEYS,
        filter_keys=FILTER_KEYS,
        of=of,
        panel_open=request.args.get(PANEL) == "open",
        keep_open=_keep_open,
        export_csv=state.only((*FILTER_KEYS, "sort"), "/api/export", [*of, ("format", "csv")]),
        export_jsonl=state.only((*FILTER_KEYS, "sort"), "/api/export", [*of, ("format", "jsonl")]),
    )
    return _render("search.html", **context)


@bp.get("/")
def page() -> tuple[str, int, dict[str, str]]:
    """Articles: the search page."""
    return _listing(ARTICLE)


@bp.get("/quotes")
def quotes() -> tuple[str, int, dict[str, str]]:
    """Quotes: who said what, with the same filters."""
    return _listing(QUOTE)


@bp.get("/facets/<string:facet>")
def facet_values(facet: str) -> tuple[str, int, dict[str, str]]:
    """All of a facet's values under the current search, with a search inside them: the
    sidebar's "more" for a reader without JavaScript."""
    if facet not in FACETS_BY_NAME:
        return _missing("There is no such filter.")
    kind = QUOTE if request.args.get("of") == "quotes" else ARTICLE
    path, noun = VIEWS[kind]
    state = read(_args())
    prefix = request.args.get("prefix", "").strip()[:100]
    values = execute.facet_values(
        es(), alias(), state.params, FACETS_BY_NAME[facet], kind, prefix, MAX_FACET_VALUES
    )
    values.sort(key=lambda b: not b["selected"])
    return _render(
        "facet.html",
        state=state,
        facet=FACETS_BY_NAME[facet],
        values=values,
        prefix=prefix,
        path=path,
        noun=noun,
        kind=kind,
        limit=MAX_FACET_VALUES,
        back=href(path, state.pairs),
    )


# --- one article -----------------------------------------------------------------------------


def _paragraphs(body_html: str) -> list[str]:
    """The body's paragraphs (blank lines apart), a mark cut by a break closed and reopened."""
    paragraphs, carried = [], False
    for block in body_html.split("\n\n"):
        text = block.strip().replace("\n", " ")
        if not text:
            continue
        if carried:
            text = "<mark>" + text
        carried = text.count("<mark>") > text.count("</mark>")
        paragraphs.append(text + ("</mark>" if carried else ""))
    return paragraphs


def _quotes_by_speaker(quotes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The article's quotes by whose they are: a person, a named organisation or document, an
    unnamed source as described, and those whose speaker is uncertain."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for quote in quotes:
        kind = quote.get("speaker_kind") or ""
        key = quote.get("speaker_id") or quote.get("speaker") or quote.get("description") or ""
        group = groups.setdefault(
            (kind, key),
            {
                "name": quote.get("speaker"),
                "id": quote.get("speaker_id"),
                "kind": quote.get("speaker_kind"),
                "description": quote.get("description"),
                "role": quote.get("role"),
                "quotes": [],
            },
        )
        group["quotes"].append(quote)
    return list(groups.values())


def safe_link(url: str | None) -> str | None:
    """A source link only if it is a web address (never `javascript:` or `data:`)."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in {"http", "https"} and parts.netloc else None


@bp.get("/articles/<path:article_id>")
def article(article_id: str) -> tuple[str, int, dict[str, str]]:
    """One article, the search's words marked, with a way back to the search."""
    state = read(_args())
    found = execute.article(es(), alias(), article_id, state.params.q)
    if found is None:
        return _missing("There is no article at this address.")
    related = execute.related(es(), alias(), article_id) or {"copies": [], "related": []}
    main = worldmap.pin(found.get("dateline"))
    others = [
        p
        for p in (worldmap.pin(place, main=False) for place in found.get("places", []))
        if p and (main is None or p.name != main.name)
    ]
    in_quotes = request.args.get("in") == "quotes"
    outlet = found.get("publisher") or found.get("agency")
    where = (found.get("dateline") or {}).get("name")
    when = iso_day_label(found["published"]) if found.get("published") else None
    told = ", ".join(str(p) for p in (where, when, outlet) if p)
    return _render(
        "article.html",
        card=sharing.card(
            found.get("title") or "(untitled)",  # as text: the page's is marked
            ". ".join(part for part in (told, found.get("lead")) if part),
            article_path(article_id),
            "article",
            found.get("published"),
            found.get("author"),
        ),
        state=state,
        article=found,
        paragraphs=_paragraphs(found["body_html"]),
        groups=_quotes_by_speaker(found["quotes"]),
        related=related,
        source=safe_link(found.get("url")),
        pin=main,
        pins=others,
        land=worldmap.LAND,
        viewbox=worldmap.VIEWBOX,
        map_top=worldmap.TOP,
        map_height=worldmap.HEIGHT,
        back=href("/quotes" if in_quotes else "/", state.pairs) if state.pairs else None,
        in_quotes=in_quotes,
    )


# --- one quote, to cite ----------------------------------------------------------------------


def _in_sentence(sentence: str, words: str) -> str:
    """The sentence escaped, the quote's words in it marked (where they stand in it whole)."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return html.escape(sentence)
    end = at + len(words)
    marked = f'<mark class="said">{html.escape(words)}</mark>'
    return html.escape(sentence[:at]) + marked + html.escape(sentence[end:])


@bp.get("/quotes/<path:article_id>/<int:position>")
def quote(article_id: str, position: int) -> tuple[str, int, dict[str, str]]:
    """One quote to cite: whose words, how said, in their place, and a citation."""
    path = page_path(article_id, position)
    found = execute.quote_card(es(), alias(), article_id, position, absolute(path))
    if found is None:
        return _missing("There is no quote at this address.")
    context = found.get("context") or {}
    article = found["article"]
    outlet = article.get("publisher") or article.get("agency")
    told = [f"In “{article.get('title') or 'an untitled article'}”", outlet]
    told.append(iso_day_label(found["published"]) if found.get("published") else None)
    return _render(
        "quote.html",
        card=sharing.card(
            sharing.quote_title(said_by(found), found["text"], found.get("type")),
            ", ".join(t for t in told if t) + ".",
            path,
            "article",
            found.get("published"),
        ),
        quote=found,
        said_by=said_by(found),
        sentence=_in_sentence(context.get("sentence") or "", found["text"]),
        csl_json=json.dumps(found["citation"]["csl"], ensure_ascii=False, indent=2),
        source=safe_link(found["article"].get("url")),
        path=path,
    )


# --- one speaker -----------------------------------------------------------------------------


@bp.get("/speakers/<string:person_id>")
def speaker(person_id: str) -> tuple[str, int, dict[str, str]]:
    """A person: names and roles, quotes over time, and everything they said, newest first."""
    person = execute.profile(es(), alias(), person_id)
    if person is None:
        return _missing("There is no speaker at this address.")
    state = read(_args())
    params = replace(
        state.params,
        filters={"speaker": (person_id,)},
        sort="newest",
        size=SPEAKER_QUOTES,
    )
    if params.page * params.size > MAX_RESULT_WINDOW:
        params = replace(params, page=1)
    said = execute.search(es(), alias(), params, QUOTE)
    path = speaker_href(person_id)
    total = said["total"]["value"]
    last = _last_page(total, params.size)
    # The list has its own words and dates; the person is fixed by the address.
    own = State(
        tuple((k, v) for k, v in state.pairs if k in {"q", "from", "to", "page"}),
        params,
        state.notes,
    )
    quoted = f"Quoted {person['quotes']:,} times in {person['articles']:,} articles"
    if person.get("first"):
        began, ended = person["first"], person.get("last") or person["first"]
        quoted += f", {iso_day_label(began)}"
        quoted += f" to {iso_day_label(ended)}" if ended != began else ""
    roles = "; ".join(person.get("roles") or [])
    return _render(
        "speaker.html",
        card=sharing.card(
            person["name"], f"{quoted}." + (f" {roles}." if roles else ""), path, "profile"
        ),
        person=person,
        state=own,
        path=path,
        said=said,
        chart=charts.from_profile(
            person["over_time"], person["interval"], (params.date_from, params.date_to)
        ),
        chips=own.chips(path),
        bar_link=lambda bar: (
            own.date_range(path, bar.first.isoformat(), bar.last.isoformat()) + "#quotes"
        ),
        page_link=lambda n: own.page_link(path, n) + "#quotes",
        first=(params.page - 1) * params.size + 1,
        last_hit=(params.page - 1) * params.size + len(said["hits"]),
        last_page=last,
        pages=_pages(params.page, last),
        past_end=params.page > 1 and not said["hits"] and total > 0,
        span=span_label(params.date_from, params.date_to),
    )


# --- the directory of speakers -----------------------------------------------------------------


@bp.get("/speakers")
def speakers() -> tuple[str, int, dict[str, str]]:
    """Everyone the archive quotes, most quoted first (or by articles, or by name), a word of a
    name to find someone, a page at a time: the API's directory as a page."""
    listing = directory.read(_args())
    found = execute.directory(
        es(), alias(), listing.prefix, listing.size, listing.sort, listing.after
    )
    return _render(
        "speakers.html",
        listing=listing,
        people=found["speakers"],
        total=found["total"],
        next_link=listing.link(cursor=found["next_cursor"]) if found["next_cursor"] else None,
        sorts=directory.SORTS,
        default_size=directory.SIZE,
        span=lambda p: span_label(
            date.fromisoformat(p["first"]) if p.get("first") else None,
            date.fromisoformat(p["last"]) if p.get("last") else None,
        ),
        card=sharing.card(
            "Speakers",
            "Everyone the archive quotes, one person each however the name was written.",
            directory.PATH,
        ),
    )
