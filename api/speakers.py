"""Speakers as people: the directory, and one person's profile."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from api import examples
from api.arguments import SpeakersArgsSchema
from api.engine import alias, es
from api.errors import fail
from api.responses import SpeakerDirectorySchema, SpeakerProfileSchema
from search.query import execute, speakers
from search.query.cursor import BadCursor

blp = Blueprint("speakers", __name__, url_prefix="/api", description="Speakers as people.")


@blp.route("/speakers")
class Speakers(MethodView):
    @blp.arguments(SpeakersArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, SpeakerDirectorySchema, example=examples.DIRECTORY)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Who speaks in the archive, most quoted first (or by articles, or by name): names,
        roles, counts, first and last dates, a cursor through everyone; `prefix` finds people
        by the start of any word of their names (their counts whole)."""
        prefix, size, sort = args["prefix"], args["size"], args["sort"]
        after = None
        if args["cursor"]:
            try:
                after = speakers.directory_after(prefix, sort, size, args["cursor"])
            except BadCursor as error:
                fail(422, str(error), {"query": {"cursor": [str(error)]}})
        return execute.directory(es(), alias(), prefix, size, sort, after)


@blp.route("/speakers/<string:person_id>")
class Speaker(MethodView):
    @blp.response(200, SpeakerProfileSchema, example=examples.PROFILE)
    def get(self, person_id: str) -> dict[str, Any]:
        """One person: spellings, roles, quotes over time, places, who else speaks with them."""
        found = execute.profile(es(), alias(), person_id)
        if found is None:
            fail(404, "no speaker with this id", {"path": {"id": [person_id[:200]]}})
        return found
