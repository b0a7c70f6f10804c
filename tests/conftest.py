"""The lanes, by folder: tests/unit/ needs no node and runs in seconds; tests/live/ needs the
Elasticsearch node (marked `es` here, so no live test can forget it); tests/cluster/ starts a
3-node cluster of its own (marked `es` and `cluster`). `pytest tests/unit` runs the first lane
alone; `-m "not es"` leaves out the other two, `-m "not cluster"` the last.

Live fixtures (the node, the sample archive, the app and its client) are in tests/live/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
LANES = {"unit": (), "live": ("es",), "cluster": ("es", "cluster")}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = item.path.resolve().relative_to(TESTS).parts
        lane = parts[0] if len(parts) > 1 else None
        if lane not in LANES:
            raise pytest.UsageError(
                f"{item.nodeid}: a test belongs in tests/unit, tests/live or tests/cluster"
            )
        if lane == "unit" and item.get_closest_marker("es"):
            raise pytest.UsageError(f"{item.nodeid}: needs the node, so it belongs in tests/live")
        for marker in LANES[lane]:
            item.add_marker(marker)


def _session_folder(variable: str, folder: Path) -> Iterator[None]:
    """`variable` names `folder` for the session, then what it named before."""
    given = os.environ.get(variable)
    os.environ[variable] = str(folder)
    yield
    if given is None:
        del os.environ[variable]
    else:
        os.environ[variable] = given


@pytest.fixture(scope="session", autouse=True)
def _own_metrics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests write their progress files (for /metrics) in the session's own
    folder, not beside the local node where a served Dateline would read them."""
    yield from _session_folder("DATELINE_METRICS_DIR", tmp_path_factory.mktemp("metrics"))


@pytest.fixture(scope="session", autouse=True)
def _own_archive_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests keep their inputs in the session's own archive store, not in the
    one beside the local node."""
    yield from _session_folder("DATELINE_ARCHIVE_DIR", tmp_path_factory.mktemp("archive"))
