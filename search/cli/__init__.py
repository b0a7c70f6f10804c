"""The ``dateline`` command, thin over the domain: `commands` parses and reports, `progress`
shows long runs."""

from search.cli import (
    archive,  # noqa: F401  (registers watch, remove, removed, history, snapshot)
    people,  # noqa: F401  (registers people merge|split|rename|not-a-person|show)
)
from search.cli.commands import main

__all__ = ["main"]
