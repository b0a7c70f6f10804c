"""The pages a person reads: search results, quotes, an article, a speaker. Server-rendered
HTML that works without JavaScript and keeps its state in the URL; `static/dateline.js` only
adds conveniences (autocomplete, filtering a long facet)."""

from api.pages import compare  # noqa: F401  (its view joins the blueprint)
from api.pages.views import bp

__all__ = ["bp"]
