"""A faulty HTTP proxy on 127.0.0.1, put between the archiver and the moto S3 server.

Every request is read whole, then a seeded draw decides what happens to it:

- ``error``: answered here with a 500 ``InternalError`` or 503 ``SlowDown`` S3 XML body, never
  forwarded (S3 did nothing);
- ``drop_before``: the connection is closed before the request is forwarded (S3 did nothing);
- ``drop_after``: forwarded, S3 acts on it, and the connection is closed instead of answering
  (a lost answer: the client cannot tell whether the write happened);
- ``truncate``: forwarded, and the answer is cut short: inside the body, then closed (the
  client sees fewer bytes than Content-Length announced), or, when there is no body, inside
  the headers, then reset (a clean close there would pass for the end of the headers);
- ``slow``: forwarded and answered after ``delay_seconds``.

The same seed and request order give the same faults; ``counters()`` says what was injected,
so a test can show that its faults really happened.
"""

from __future__ import annotations

import contextlib
import http.client
import random
import socket
import struct
import threading
import time
from collections.abc import Mapping
from typing import BinaryIO

from tests.servers import TcpProxy

FAULTS: tuple[str, ...] = ("error", "drop_before", "drop_after", "truncate", "slow")

_S3_ERRORS = (
    (500, "Internal Server Error", "InternalError", "We encountered an internal error."),
    (503, "Slow Down", "SlowDown", "Please reduce your request rate."),
)


def _s3_error(status: int, reason: str, code: str, message: str) -> bytes:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message>"
        "<RequestId>FAULTPROXY</RequestId></Error>"
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset rather than a clean end of stream."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _read_request(rfile: BinaryIO, client: socket.socket) -> tuple[bytes, str] | None:
    """One whole request as raw bytes and its method; None when the client closed.

    A client that asks ``Expect: 100-continue`` (botocore does for uploads) is told to go on
    here, and the header is not forwarded: the body is read whole before anything else."""
    line = rfile.readline(65537)
    if not line:
        return None
    raw = [line]
    length = 0
    chunked = False
    expect = False
    while True:
        header = rfile.readline(65537)
        if not header:
            return None
        if header in (b"\r\n", b"\n"):
            raw.append(header)
            break
        name, _, value = header.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "expect":
            expect = "100-continue" in value.lower()
            continue
        raw.append(header)
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if expect:
        client.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
    if chunked:
        while True:
            size_line = rfile.readline(65537)
            raw.append(size_line)
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while True:  # trailers up to the blank line
                    trailer = rfile.readline(65537)
                    raw.append(trailer)
                    if trailer in (b"\r\n", b"\n", b""):
                        break
                break
            raw.append(rfile.read(size + 2))
    elif length:
        raw.append(rfile.read(length))
    method = line.split(b" ", 1)[0].decode("latin-1")
    return b"".join(raw), method


class FaultyProxy(TcpProxy):
    """See the module docstring. ``rates`` maps fault kinds (``FAULTS``) to probabilities."""

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 0,
        rates: Mapping[str, float] | None = None,
        delay_seconds: float = 0.3,
    ) -> None:
        self.rates: dict[str, float] = dict(rates or {})
        self.delay_seconds = delay_seconds
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._counts: dict[str, int] = dict.fromkeys(("requests", *FAULTS), 0)
        super().__init__(upstream_port)

    def counters(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)

    def injected(self) -> int:
        counts = self.counters()
        return sum(counts[k] for k in FAULTS)

    def _draw(self) -> tuple[str | None, float]:
        with self._lock:
            self._counts["requests"] += 1
            u, variant = self._rng.random(), self._rng.random()
            cumulative = 0.0
            for kind in FAULTS:
                cumulative += max(0.0, self.rates.get(kind, 0.0))
                if u < cumulative:
                    self._counts[kind] += 1
                    return kind, variant
        return None, variant

    def _serve(self, client: socket.socket) -> None:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        rfile = client.makefile("rb")
        reset = False
        try:
            while not self._stop.is_set():
                request = _read_request(rfile, client)
                if request is None:
                    return
                raw, method = request
                fault, variant = self._draw()
                if fault == "drop_before":
                    return
                if fault == "error":
                    client.sendall(_s3_error(*_S3_ERRORS[int(variant * len(_S3_ERRORS))]))
                    continue
                answer, has_body = self._forward(raw, method)
                if fault == "drop_after":
                    return
                if fault == "truncate":
                    head_end = answer.index(b"\r\n\r\n") + 4
                    if has_body and len(answer) > head_end + 1:
                        client.sendall(answer[: head_end + int((len(answer) - head_end) * variant)])
                    else:
                        client.sendall(answer[: max(1, int(head_end * variant))])
                        reset = True
                    return
                if fault == "slow":
                    time.sleep(self.delay_seconds)
                client.sendall(answer)
        except (OSError, ValueError, http.client.HTTPException):
            return
        finally:
            with contextlib.suppress(OSError):
                rfile.close()
                if reset:
                    _reset(client)
                else:
                    client.shutdown(socket.SHUT_RDWR)
            client.close()

    def _forward(self, raw: bytes, method: str) -> tuple[bytes, bool]:
        """Send the request on a fresh upstream connection; the whole answer, re-framed with a
        Content-Length, and whether it has a body."""
        with socket.create_connection(self._upstream, timeout=60) as upstream:
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream.sendall(raw)
            response = http.client.HTTPResponse(upstream, method=method)
            response.begin()
            body = response.read()
            lines = [f"HTTP/1.1 {response.status} {response.reason}"]
            for name, value in response.getheaders():
                if name.lower() in ("transfer-encoding", "connection", "keep-alive"):
                    continue
                if name.lower() == "content-length" and method != "HEAD":
                    continue
                lines.append(f"{name}: {value}")
            if method != "HEAD":
                lines.append(f"Content-Length: {len(body)}")
            head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
            return head + body, bool(body)
