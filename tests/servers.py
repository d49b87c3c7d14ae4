"""Servers and proxies on 127.0.0.1 that tests put beside or in front of the product.

- ``HttpServer`` serves an ``http.server`` handler class (a fake Pushgateway, a scripted API,
  an AWS endpoint that refuses) in a daemon thread; ``QuietHandler`` is the handler base.
- ``TcpProxy`` accepts connections and hands each to ``_serve`` in a thread of its own; the
  proxies that lose answers, inject S3 faults or terminate TLS decide what reaches upstream.
- ``free_port`` is a port nobody listens on, for refused connections.

The platforms themselves are the project's simulators (``archiver.simulators``) and S3 is moto
(``tests.s3``); these are only the parts around them.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler without an access log, with helpers to read a body and answer."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def answer(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = None,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        """One whole answer with its Content-Length (no body for HEAD)."""
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)


class _Threading(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that timed out or were cut off leave broken pipes behind


class HttpServer:
    """``handler`` served on 127.0.0.1 in a daemon thread until ``close()``."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = _Threading((LOOPBACK, 0), handler)
        self.port = int(self.httpd.server_address[1])
        self.url = f"http://{LOOPBACK}:{self.port}"
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class TcpProxy:
    """Listens on 127.0.0.1 for a service on ``upstream_port``; each connection goes to
    ``_serve`` in a thread of its own. Subclasses set their state before calling this
    constructor: connections may arrive as soon as it returns."""

    def __init__(self, upstream_port: int) -> None:
        self._upstream = (LOOPBACK, upstream_port)
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port = int(self._listener.getsockname()[1])
        self.endpoint_url = f"http://{LOOPBACK}:{self.port}"
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
