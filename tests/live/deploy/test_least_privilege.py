"""Nothing serves as root (issue 20): started as root, deploy/serve.sh runs gunicorn's workers as
the unprivileged account set-up makes, with a socket and run directory that account's group
(nginx's www-data is in it) alone may reach; the app still answers, counts and pages."""

from __future__ import annotations

import grp
import os
import pwd
import stat
import subprocess
import time
from collections.abc import Iterator

import psutil
import pytest

from tests.support.archive import Archive
from tests.support.stack import Stack

ACCOUNT = "dateline-web"

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="as another user everything runs as that user already"
)


@pytest.fixture(scope="module")
def stack(sample: Archive) -> Iterator[Stack]:
    served = Stack(sample.alias)
    yield served
    served.stop()


def _gunicorn(stack: Stack) -> list[psutil.Process]:
    shell = psutil.Process(stack.process.pid)
    found = shell.children(recursive=True)
    return [p for p in found if "gunicorn" in " ".join(p.cmdline()[:3])]


def test_the_workers_run_as_the_unprivileged_account(stack: Stack) -> None:
    account = pwd.getpwnam(ACCOUNT)
    assert account.pw_uid != 0 and account.pw_shell.endswith("nologin")
    workers: list[psutil.Process] = []
    for _ in range(50):  # the second worker may still be starting: 10 s at most
        processes = _gunicorn(stack)
        workers = [p for p in processes if p.ppid() != stack.process.pid]
        if len(workers) == 2:  # the stack's DATELINE_WORKERS
            break
        time.sleep(0.2)
    assert len(workers) == 2
    for worker in workers:
        assert worker.uids().real == worker.uids().effective == account.pw_uid
        assert worker.gids().effective == account.pw_gid
    # Served by them: a search, a cursor page (the secret was read before they dropped root),
    # and the counts they write.
    found = stack.get("/api/search?q=harbour&size=1")
    assert found.status == 200
    metrics = stack.get("/metrics")
    assert metrics.status == 200, stack.log.read_text()[-2000:]


def test_the_socket_and_run_directory_are_the_accounts_group_alone(stack: Stack) -> None:
    group = grp.getgrnam(ACCOUNT)
    assert "www-data" in group.gr_mem
    folder = os.stat(stack.run_dir)
    assert stat.S_IMODE(folder.st_mode) == 0o750 and folder.st_gid == group.gr_gid
    sock = os.stat(stack.run_dir / "gunicorn.sock")
    assert stat.S_ISSOCK(sock.st_mode) and stat.S_IMODE(sock.st_mode) & 0o007 == 0
    assert sock.st_uid == pwd.getpwnam(ACCOUNT).pw_uid and sock.st_gid == group.gr_gid
    connect = (
        "import socket, sys; s = socket.socket(socket.AF_UNIX)\n"
        "try: s.connect(sys.argv[1])\n"
        "except PermissionError: sys.exit(13)\n"
    )
    others = subprocess.run(
        ["runuser", "-u", "nobody", "--", "/usr/bin/python3", "-c", connect,
         str(stack.run_dir / "gunicorn.sock")],
        capture_output=True, timeout=30, check=False,
    )  # fmt: skip
    assert others.returncode == 13, others.stderr
