"""gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py 'api:create_app()'`.

deploy/serve.sh runs gunicorn behind nginx on a unix socket in its run directory
(DATELINE_RUN_DIR); run alone, it listens on DATELINE_BIND.
"""

import os

# gevent: a request waiting on Elasticsearch is a greenlet, not a thread, so requests stuck on a
# stalled engine (each until its deadline) never keep the routes that need no engine waiting; with
# gthread, 24 stuck searches made /api/openapi.json wait 9-20 s. `gthread` (DATELINE_THREADS
# threads a worker) remains a choice.
worker_class = os.environ.get("DATELINE_WORKER_CLASS", "gevent")
if worker_class == "gevent":
    # Before anything imports ssl or sockets (gevent's advice), so TLS to a remote cluster works.
    from gevent import monkey

    monkey.patch_all()

import multiprocessing  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

bind = os.environ.get("DATELINE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("DATELINE_WORKERS", multiprocessing.cpu_count() + 1))
worker_connections = 1000
threads = int(os.environ.get("DATELINE_THREADS", 4))
timeout = 30
graceful_timeout = 10
keepalive = 75  # longer than nginx's upstream keepalive_timeout: nginx closes idle ones first
# Looser than nginx's (deploy/nginx.conf): nginx answers every oversized request in the envelope.
limit_request_line = 8190
limit_request_fields = 8000
limit_request_field_size = 8190

# Never serve as root: started as root, the workers run as the unprivileged account set-up makes
# (DATELINE_WEB_ACCOUNT), and the app is loaded before they drop to it, so the secrets it reads
# at start (the reader's Elasticsearch password, the server secret) stay root's files.
if os.geteuid() == 0:
    user = group = os.environ.get("DATELINE_WEB_ACCOUNT") or "dateline-web"
    preload_app = True

# One JSON object a line (api/logs.py); each request is logged once, by the app.
accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "api.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
        "elastic_transport": {"level": "WARNING"},
    },
}

# This instance's own files: a control socket in its run directory, or none (a second instance
# on this host must not take over the first one's socket, nor delete it on its way out).
_run_dir = os.environ.get("DATELINE_RUN_DIR")
if _run_dir:
    control_socket = os.path.join(_run_dir, "gunicorn.ctl")
    _metrics = os.path.join(_run_dir, "metrics")
else:
    control_socket_disable = True
    _metrics = tempfile.mkdtemp(prefix="dateline-metrics.")
# Every worker writes its metrics here and /metrics sums them (api/metrics.py). prometheus_client
# reads this when first imported, so it is imported after (in child_exit below, and by the app).
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics


def on_starting(server):
    shutil.rmtree(_metrics, ignore_errors=True)  # counts of an earlier run are not this one's
    os.makedirs(_metrics, mode=0o700)
    os.chown(_metrics, server.cfg.uid, server.cfg.gid)  # the workers write their counts there


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    shutil.rmtree(_metrics, ignore_errors=True)
