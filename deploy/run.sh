#!/usr/bin/env bash
# Run Dateline on this machine: install, start Elasticsearch, index the sample corpus (and the
# seed article from ../shared when it is there), then serve the API and the search page on
# http://127.0.0.1:8000: nginx in front of gunicorn (deploy/serve.sh; Ctrl-C stops both).
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
bash deploy/elasticsearch.sh start
sources=(deploy/sample)
# The seed article the project started from sits beside the repo where shared/ is laid out.
[ -d ../shared/corpora/seed ] && sources+=(../shared/corpora/seed)
.venv/bin/dateline reindex "${sources[@]}" --rejects "${TMPDIR:-/tmp}/dateline-sample-rejects.jsonl"
echo "Dateline: serving http://${DATELINE_BIND:-127.0.0.1:8000}/ (API under /api, spec at /api/openapi.json)" >&2
exec bash deploy/serve.sh
