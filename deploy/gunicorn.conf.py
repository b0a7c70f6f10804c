"""gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py 'api:create_app()'`."""

import multiprocessing
import os

bind = os.environ.get("DATELINE_BIND", "127.0.0.1:8000")
# Requests mostly wait on Elasticsearch, so a few threads per worker keep the cores busy.
workers = int(os.environ.get("DATELINE_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("DATELINE_THREADS", 4))
timeout = 30
graceful_timeout = 10
accesslog = "-"
errorlog = "-"
