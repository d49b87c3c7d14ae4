"""A moto server (S3 + KMS over HTTP on 127.0.0.1) shared by the whole test session.

Use the ``moto_server`` fixture (exported by ``tests/conftest.py``); every test takes fresh
buckets and keys from it, so tests never see each other's objects and no reset is needed.

Requests to moto are served one at a time: moto checks ``If-None-Match`` and then writes, two
steps another thread can interleave, whereas S3 performs a conditional write atomically. Serving
requests in turn gives the test double S3's guarantee; clients still run fully concurrently.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

from archiver.archive.store_s3 import S3Store, aws_client
from archiver.config import ObjectLock
from tests.servers import QuietHandler, TcpProxy

REGION = "us-east-1"
DUMMY_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_EC2_METADATA_DISABLED": "true",
}


class _OneAtATime:
    """WSGI wrapper that serves requests in turn (see the module docstring)."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        with self._lock:
            body = self._app(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                close = getattr(body, "close", None)
                if close is not None:
                    close()


class MotoServer:
    def __init__(self) -> None:
        app = _OneAtATime(DomainDispatcherApplication(create_backend_app))
        self._server = make_server(
            "127.0.0.1", 0, app, threaded=True, request_handler=MotoRequestHandler
        )
        self.port = int(self._server.server_address[1])
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self.region = REGION
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._clients: dict[str, Any] = {}

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(10)

    def client(self, service: str = "s3") -> Any:
        if service not in self._clients:
            self._clients[service] = aws_client(
                service, endpoint_url=self.endpoint_url, region_name=self.region
            )
        return self._clients[service]

    def new_bucket(self, *, object_lock: bool = False, versioning: bool = False) -> str:
        name = f"t-{uuid.uuid4().hex[:24]}"
        s3 = self.client()
        s3.create_bucket(Bucket=name, ObjectLockEnabledForBucket=object_lock)
        if versioning and not object_lock:
            s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
        return name

    def store(
        self,
        bucket: str | None = None,
        prefix: str = "archive/",
        *,
        object_lock: ObjectLock | None = None,
        **kwargs: Any,
    ) -> S3Store:
        if bucket is None:
            bucket = self.new_bucket(object_lock=object_lock is not None)
        return S3Store(
            bucket,
            prefix,
            endpoint_url=self.endpoint_url,
            region=self.region,
            object_lock=object_lock,
            **kwargs,
        )

    def kms_key(self, description: str = "archiver test key") -> str:
        """A new symmetric KMS key; returns its ARN."""
        meta = self.client("kms").create_key(Description=description)["KeyMetadata"]
        return str(meta["Arn"])

    def archive_config(
        self, bucket: str, *, prefix: str = "archive", **extra: Any
    ) -> dict[str, Any]:
        """The ``archive:`` section of a config that points at ``bucket`` on this server."""
        return {
            "url": f"s3://{bucket}/{prefix}",
            "endpoint_url": self.endpoint_url,
            "region": self.region,
            "path_style": True,
        } | extra


def deny(handler: QuietHandler) -> None:
    """Answer as AWS does a request these credentials may not make: 403 with the S3 XML or, for
    a KMS call (``X-Amz-Target``), the JSON error body."""
    if handler.headers.get("X-Amz-Target"):
        body = b'{"__type":"AccessDeniedException","message":"not authorized"}'
        handler.answer(403, body, "application/x-amz-json-1.1")
    else:
        body = b"<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
        handler.answer(403, body, "application/xml")


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    saved = {k: os.environ.get(k) for k in [*DUMMY_ENV, "AWS_PROFILE"]}
    os.environ.update(DUMMY_ENV)
    os.environ.pop("AWS_PROFILE", None)
    server = MotoServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class DroppingProxy(TcpProxy):
    """A TCP proxy in front of the moto server that can lose answers.

    ``drop_next_response()`` makes the next request reach the server (which acts on it) while
    the client only sees its connection close: exactly a response lost on the network.
    """

    def __init__(self, upstream_port: int) -> None:
        self._drop = threading.Semaphore(0)
        self.dropped = 0
        super().__init__(upstream_port)

    def drop_next_response(self) -> None:
        self._drop.release()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self._upstream)
        threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()
        self._pump(client, upstream, False)

    def _pump(self, src: socket.socket, dst: socket.socket, answers: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if answers and self._drop.acquire(blocking=False):
                    self.dropped += 1
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
