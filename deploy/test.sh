#!/usr/bin/env bash
# Run the whole test suite: install, start Elasticsearch if it is not answering, lint, type-check,
# test. Extra arguments go to pytest (e.g. `bash deploy/test.sh -k search`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
bash deploy/elasticsearch.sh start
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# The node was just started: a live test that finds none fails instead of skipping. The cluster
# tests (marked `cluster`, about 9 minutes) start a local 3-node cluster beside it, break it and
# stop it again; `bash deploy/test.sh -m "not cluster"` leaves them out.
DATELINE_REQUIRE_ES=1 .venv/bin/python -m pytest "$@"
