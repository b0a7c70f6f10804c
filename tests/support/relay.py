"""A TCP relay to Elasticsearch that a test can cut or stall, as a bad day would: the cluster
gone mid-request, or a cluster that accepts connections and then answers nothing."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import replace
from urllib.parse import urlsplit

from search.config import EsSettings


class Relay:
    """Forwards 127.0.0.1:`port` to the cluster. `stall()` stops forwarding (connections stay
    open, new ones are accepted, nothing moves), `resume()` lets bytes through again, `cut()`
    closes everything for good."""

    def __init__(self, settings: EsSettings, port: int = 0) -> None:
        self.settings = settings
        url = urlsplit(settings.hosts[0])
        self.target = (url.hostname or "127.0.0.1", url.port or 9200)
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.requests = bytearray()  # what Dateline sent, for tests of its headers
        self.alive = True
        self.flowing = threading.Event()
        self.flowing.set()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings_through(self) -> EsSettings:
        """The cluster's settings (credentials and all), reached through this relay."""
        return replace(self.settings, url=self.url)

    def env(self) -> dict[str, str]:
        """DATELINE_ES_* variables for a child process that should go through the relay."""
        return self.settings_through().environment()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.alive:
                client.close()
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b, seen in ((client, upstream, self.requests), (upstream, client, None)):
                threading.Thread(target=self._pipe, args=(a, b, seen), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, seen: bytearray | None) -> None:
        try:
            while data := source.recv(65536):
                if seen is not None and len(seen) < 2**20:
                    seen += data
                self.flowing.wait()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def stall(self) -> None:
        self.flowing.clear()

    def resume(self) -> None:
        self.flowing.set()

    def cut(self) -> None:
        self.alive = False
        self.flowing.set()
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.server.close()
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
                s.close()
