"""A ``Store`` over any S3 API (AWS, MinIO, moto), plus S3 Object Lock and version listing.

Every upload creates its object with ``If-None-Match: *`` and carries its SHA-256 checksum, so
the server refuses both overwrites and bytes damaged in transit. Objects larger than one chunk go
up as multipart uploads whose completion is equally conditional; a failed or lost upload is
aborted and never becomes visible. Credentials come from boto3's default chain (environment,
profile, web identity / IRSA, container or instance role), so Kubernetes workload identity needs
no configuration here. Retries use botocore's "standard" mode (throttling, 5xx, connection
errors) with a bounded number of attempts.

With Object Lock configured, every object is created with a retention (mode and days), including
manifests (only the short-lived commit leases under ``locks/`` are not): an attacker holding the
job's credentials cannot delete what was committed (see docs/STORAGE.md). Legal holds
(``set_legal_hold``) and version listing (``list_versions``) are capabilities beyond the narrow
``Store`` protocol; callers test for them with ``isinstance`` against the protocols
``LegalHolds`` and ``VersionedStore`` of ``archiver.archive.store``, never against this class.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, SSLError

from archiver import __version__
from archiver.archive.store import (
    LockStatus,
    ObjectInfo,
    ObjectNotFound,
    ObjectProtected,
    VersionInfo,
    check_sha256_hex,
    validate_key,
    validate_prefix,
)
from archiver.config import ObjectLock
from archiver.errors import ConfigError, StoreError
from archiver.timeutil import utcnow

__all__ = [
    "MIN_CHUNK_BYTES",
    "S3Store",
    "aws_client",
    "parse_s3_url",
]

#: S3's minimum size for every multipart part but the last.
MIN_CHUNK_BYTES = 5 * 1024 * 1024
#: S3's maximum number of parts in one multipart upload.
MAX_PARTS = 10_000
DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024

_BUCKET_RE = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
# S3 answers 409 ConditionalRequestConflict when two conditional writes to one key overlap;
# AWS documents that the request should then be retried (the retry sees 412 or succeeds).
_CONFLICT_RETRIES = 5
_READ_RETRIES = 3


#: Keys created without Object Lock retention (see ``S3Store._lock_args``).
_UNLOCKED_PREFIXES = ("locks/",)


_SESSION: list[boto3.session.Session] = []
_SESSION_LOCK = threading.Lock()


def aws_client(service: str, **kwargs: Any) -> Any:
    """A boto3 client from one process-wide session: clients are thread safe, but creating them
    from a session is not, and a fresh session reloads every service model (~0.1 s)."""
    with _SESSION_LOCK:
        if not _SESSION:
            _SESSION.append(boto3.session.Session())
        return _SESSION[0].client(service, **kwargs)


def parse_s3_url(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` → ("bucket", "some/prefix/"); the prefix may be empty."""
    if not url.startswith("s3://"):
        raise ConfigError(f"archive.url: {url!r} is not an s3:// URL")
    rest = url[len("s3://") :]
    bucket, _, prefix = rest.partition("/")
    if not _BUCKET_RE.fullmatch(bucket) or ".." in bucket:
        raise ConfigError(
            "archive.url: the bucket name must be 3-63 characters of a-z 0-9 . - "
            "(s3://bucket/optional/prefix)"
        )
    prefix = prefix.strip("/")
    if prefix:
        try:
            validate_prefix(prefix + "/")
        except StoreError as exc:
            raise ConfigError(f"archive.url: invalid prefix: {exc}") from None
        prefix += "/"
    return bucket, prefix


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode("ascii")


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _status(exc: ClientError) -> int:
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))


def _retried(exc: ClientError) -> bool:
    return int(exc.response.get("ResponseMetadata", {}).get("RetryAttempts", 0)) > 0


def _not_found(exc: ClientError) -> bool:
    return _status(exc) == 404 or _code(exc) in ("NoSuchKey", "NotFound", "404")


def _precondition_failed(exc: ClientError) -> bool:
    return _status(exc) == 412 or _code(exc) == "PreconditionFailed"


def _conflict(exc: ClientError) -> bool:
    return _code(exc) == "ConditionalRequestConflict"


class S3Store:
    """``Store`` over ``s3://bucket/prefix``; one boto3 client, shared by all threads."""

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str | None = None,
        path_style: bool | None = None,
        object_lock: ObjectLock | None = None,
        chunk_bytes: int = DEFAULT_CHUNK_BYTES,
        max_attempts: int = 8,
        connect_timeout: float = 10,
        read_timeout: float = 60,
    ) -> None:
        if chunk_bytes < MIN_CHUNK_BYTES:
            raise ConfigError(
                f"multipart chunks must be at least {MIN_CHUNK_BYTES // (1024 * 1024)} MiB"
            )
        self.bucket = bucket
        self.prefix = prefix
        self.object_lock = object_lock
        self.chunk_bytes = chunk_bytes
        self._versioned: bool | None = None
        where = f" at {endpoint_url}" if endpoint_url else ""
        self.description = f"s3://{bucket}/{prefix}{where}"
        addressing = "auto" if path_style is None else ("path" if path_style else "virtual")
        config = BotoConfig(
            region_name=region,
            retries={"mode": "standard", "max_attempts": max_attempts},
            s3={"addressing_style": addressing},
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            max_pool_connections=32,
            user_agent_extra=f"conversation-archiver/{__version__}",
        )
        try:
            self._client: Any = aws_client("s3", endpoint_url=endpoint_url, config=config)
        except (BotoCoreError, ValueError) as exc:
            raise ConfigError(
                f"cannot set up the S3 client for {self.description}: {exc}"
            ) from None

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> S3Store:
        bucket, prefix = parse_s3_url(url)
        return cls(bucket, prefix, **kwargs)

    def __repr__(self) -> str:
        return f"S3Store({self.description!r})"

    # --- errors -------------------------------------------------------------------------

    def _error(self, action: str, key: str, exc: Exception) -> StoreError:
        """A StoreError that says what to fix; never includes credentials or request bodies."""
        if isinstance(exc, NoCredentialsError):
            return StoreError(
                f"cannot {action} {key!r} in {self.description}: no AWS credentials found",
                hint="provide them through the default chain: AWS_* environment variables, "
                "a profile, web identity (IRSA / workload identity) or an instance role",
            )
        if isinstance(exc, ClientError):
            code = _code(exc) or str(_status(exc))
            hint = {
                "NoSuchBucket": f"create the bucket {self.bucket!r} or fix archive.url",
                "AccessDenied": "check the IAM policy of these credentials (docs/STORAGE.md)",
                "InvalidRequest": "an Object Lock setting needs a bucket created with Object "
                "Lock enabled",
                "InvalidBucketState": "an Object Lock setting needs a bucket created with "
                "Object Lock enabled",
            }.get(code, "")
            return StoreError(f"cannot {action} {key!r} in {self.description}: {code}", hint=hint)
        if isinstance(exc, SSLError):
            return StoreError(
                f"cannot {action} {key!r} in {self.description}: TLS failed (SSLError: the "
                "endpoint's certificate is not trusted, or it does not speak TLS)",
                hint="if a proxy re-signs TLS or the endpoint has a private CA, give its CA "
                "bundle with AWS_CA_BUNDLE",
            )
        return StoreError(
            f"cannot {action} {key!r} in {self.description}: {type(exc).__name__}",
            hint="check archive.endpoint_url, the network and the region",
        )

    def _full(self, key: str) -> str:
        return self.prefix + validate_key(key)

    # --- Store protocol -----------------------------------------------------------------

    def _lock_args(self, key: str = "") -> dict[str, Any]:
        # Commit leases (locks/) are short-lived coordination, not archive data: they must
        # be removable as soon as their run is done.
        if self.object_lock is None or key.startswith(_UNLOCKED_PREFIXES):
            return {}
        until = utcnow() + timedelta(days=self.object_lock.days)
        return {"ObjectLockMode": self.object_lock.mode, "ObjectLockRetainUntilDate": until}

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        """Create ``key`` with ``If-None-Match: *``; False if it exists.

        If botocore had to retry the request (the first attempt may have succeeded and only its
        answer been lost) a 412 is checked against the stored checksum: our own bytes mean
        success, so a lost response never turns a commit into a false conflict.
        """
        full = self._full(key)
        digest = hashlib.sha256(data).digest()
        if sha256_hex is not None and check_sha256_hex(sha256_hex) != digest.hex():
            raise StoreError(
                f"SHA-256 of the data for {key!r} does not match the given checksum; "
                "nothing written"
            )
        if len(data) > self.chunk_bytes:
            return self._put_multipart(key, full, data)
        for attempt in range(_CONFLICT_RETRIES + 1):
            try:
                self._client.put_object(
                    Bucket=self.bucket,
                    Key=full,
                    Body=data,
                    IfNoneMatch="*",
                    ChecksumAlgorithm="SHA256",
                    ChecksumSHA256=_b64(digest),
                    **self._lock_args(key),
                )
                return True
            except ClientError as exc:
                if _precondition_failed(exc):
                    return _retried(exc) and self._is_ours(full, _b64(digest), len(data))
                if _conflict(exc) and attempt < _CONFLICT_RETRIES:
                    time.sleep(0.05 * 2**attempt)
                    continue
                raise self._error("write", key, exc) from None
            except BotoCoreError as exc:
                raise self._error("write", key, exc) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _put_multipart(self, key: str, full: str, data: bytes) -> bool:
        chunk = max(self.chunk_bytes, -(-len(data) // MAX_PARTS))
        for attempt in range(_CONFLICT_RETRIES + 1):
            try:
                upload = self._client.create_multipart_upload(
                    Bucket=self.bucket, Key=full, ChecksumAlgorithm="SHA256", **self._lock_args()
                )
            except (ClientError, BotoCoreError) as exc:
                raise self._error("start uploading", key, exc) from None
            upload_id = upload["UploadId"]
            completed = False
            try:
                parts, digests = [], []
                for number, offset in enumerate(range(0, len(data), chunk), start=1):
                    piece = data[offset : offset + chunk]
                    digest = hashlib.sha256(piece).digest()
                    digests.append(digest)
                    answer = self._client.upload_part(
                        Bucket=self.bucket,
                        Key=full,
                        UploadId=upload_id,
                        PartNumber=number,
                        Body=piece,
                        ChecksumAlgorithm="SHA256",
                        ChecksumSHA256=_b64(digest),
                    )
                    parts.append(
                        {
                            "ETag": answer["ETag"],
                            "PartNumber": number,
                            "ChecksumSHA256": _b64(digest),
                        }
                    )
                # S3 reports a multipart checksum as "<sha256 of the part sha256s>-<parts>".
                composite = _b64(hashlib.sha256(b"".join(digests)).digest())
                try:
                    self._client.complete_multipart_upload(
                        Bucket=self.bucket,
                        Key=full,
                        UploadId=upload_id,
                        MultipartUpload={"Parts": parts},
                        IfNoneMatch="*",
                    )
                    completed = True
                    self._ensure_retention(key, full)
                    return True
                except ClientError as exc:
                    if _precondition_failed(exc):
                        completed = _retried(exc) and self._is_ours(full, composite, len(data))
                        return completed
                    if _conflict(exc) and attempt < _CONFLICT_RETRIES:
                        time.sleep(0.05 * 2**attempt)
                        continue
                    raise
            except (ClientError, BotoCoreError) as exc:
                raise self._error("upload", key, exc) from None
            finally:
                if not completed:
                    self._abort(full, upload_id)
        raise AssertionError("unreachable")  # pragma: no cover

    def _ensure_retention(self, key: str, full: str) -> None:
        """Some S3 implementations ignore the lock headers of CreateMultipartUpload: check, and
        set the retention explicitly where it is missing."""
        if self.object_lock is None:
            return
        status = self.lock_status(key)
        if status is not None and status.retain_until is not None:
            return
        lock = self._lock_args()
        self._client.put_object_retention(
            Bucket=self.bucket,
            Key=full,
            Retention={
                "Mode": lock["ObjectLockMode"],
                "RetainUntilDate": lock["ObjectLockRetainUntilDate"],
            },
        )

    def _abort(self, full: str, upload_id: str) -> None:
        """Best effort: a leftover upload is invisible, and a bucket lifecycle rule removes it."""
        with contextlib.suppress(ClientError, BotoCoreError):
            self._client.abort_multipart_upload(Bucket=self.bucket, Key=full, UploadId=upload_id)

    def _is_ours(self, full: str, checksum_b64: str, size: int) -> bool:
        try:
            head = self._client.head_object(Bucket=self.bucket, Key=full, ChecksumMode="ENABLED")
        except (ClientError, BotoCoreError):
            return False
        stored = str(head.get("ChecksumSHA256") or "").split("-")[0]
        return stored == checksum_b64 and int(head.get("ContentLength", -1)) == size

    def get(self, key: str) -> bytes:
        return self._read(key, ChecksumMode="ENABLED")

    def get_range(self, key: str, offset: int, length: int) -> bytes:
        """``length`` bytes from ``offset`` in one ranged GET (fewer at the end of the
        object). No stored checksum covers a range: the caller checks the bytes' own hash."""
        if length <= 0:
            return b""
        return self._read(key, Range=f"bytes={offset}-{offset + length - 1}")

    def _read(self, key: str, **request: str) -> bytes:
        """One GET, asked again when the body breaks off or comes back short (botocore does
        not retry those); a range past the end reads as empty, for the caller's hash check."""
        full = self._full(key)
        for attempt in range(_READ_RETRIES):
            try:
                answer = self._client.get_object(Bucket=self.bucket, Key=full, **request)
            except ClientError as exc:
                if _not_found(exc):
                    raise ObjectNotFound(key) from None
                if (
                    "Range" in request
                    and exc.response.get("Error", {}).get("Code") == "InvalidRange"
                ):
                    return b""
                raise self._error("read", key, exc) from None
            except BotoCoreError as exc:  # botocore has already retried the request
                raise self._error("read", key, exc) from None
            try:
                data: bytes = answer["Body"].read()
            except BotoCoreError as exc:
                # The body broke off after the answer began, or failed its checksum.
                if attempt + 1 < _READ_RETRIES:
                    time.sleep(0.1 * 2**attempt)
                    continue
                raise self._error("read", key, exc) from None
            if len(data) == int(answer.get("ContentLength", -1)):
                return data
            # Short, or an answer whose headers broke off: ask again.
            if attempt + 1 < _READ_RETRIES:
                time.sleep(0.1 * 2**attempt)
        raise StoreError(f"reads of {key!r} from {self.description} kept coming back truncated")

    def _head(self, key: str) -> dict[str, Any] | None:
        full = self._full(key)
        try:
            answer: dict[str, Any] = self._client.head_object(Bucket=self.bucket, Key=full)
        except ClientError as exc:
            if _not_found(exc):
                return None
            raise self._error("inspect", key, exc) from None
        except BotoCoreError as exc:
            raise self._error("inspect", key, exc) from None
        return answer

    def head(self, key: str) -> ObjectInfo | None:
        answer = self._head(key)
        if answer is None:
            return None
        if "ContentLength" not in answer or "LastModified" not in answer:
            raise StoreError(
                f"cannot inspect {key!r} in {self.description}: the answer came back incomplete",
                hint="run the command again; if it persists, check proxies between here and S3",
            )
        return ObjectInfo(
            key=key, size=int(answer["ContentLength"]), modified=_utc(answer["LastModified"])
        )

    def list(self, prefix: str) -> Iterator[ObjectInfo]:
        validate_prefix(prefix)
        found: list[ObjectInfo] = []
        try:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix + prefix
            )
            for page in pages:
                for item in page.get("Contents", []):
                    key = item["Key"][len(self.prefix) :]
                    try:
                        validate_key(key)
                    except StoreError:
                        continue  # not written by a store (e.g. "folder/" placeholders)
                    found.append(
                        ObjectInfo(
                            key=key, size=int(item["Size"]), modified=_utc(item["LastModified"])
                        )
                    )
        except (ClientError, BotoCoreError) as exc:
            raise self._error("list", prefix or "(all)", exc) from None
        found.sort(key=lambda info: info.key)
        return iter(found)

    def _is_versioned(self) -> bool | None:
        """Whether the bucket keeps versions (always, with Object Lock); None if not allowed
        to ask. Asked once: versioning can be enabled but never switched off again."""
        if self._versioned is None:
            try:
                answer = self._client.get_bucket_versioning(Bucket=self.bucket)
            except ClientError as exc:
                if _code(exc) == "AccessDenied":
                    return None
                raise self._error("inspect", "(bucket)", exc) from None
            except BotoCoreError as exc:
                raise self._error("inspect", "(bucket)", exc) from None
            self._versioned = answer.get("Status") in ("Enabled", "Suspended")
        return self._versioned

    def delete(self, key: str) -> None:
        """Remove the object for good: in a versioned bucket every version of the key.

        A plain DELETE there would only add a delete marker and keep the bytes (and the space).
        Object Lock refuses to remove a retained or held version: that raises
        ``ObjectProtected`` naming the protection.
        """
        full = self._full(key)
        listed = self._is_versioned() is not False
        try:
            versions = [v for v in self._versions(full) if v.key == key] if listed else []
        except ClientError as exc:
            if _code(exc) != "AccessDenied":
                raise self._error("delete", key, exc) from None
            listed, versions = False, []  # may not list versions: a plain delete then
        except BotoCoreError as exc:
            raise self._error("delete", key, exc) from None
        try:
            if not versions:
                if listed:
                    return  # no version at all: a plain DELETE would only add a delete marker
                self._client.delete_object(Bucket=self.bucket, Key=full)
                return
            for v in versions:
                self._client.delete_object(Bucket=self.bucket, Key=full, VersionId=v.version_id)
        except ClientError as exc:
            if _code(exc) == "AccessDenied" and versions:
                status = self.lock_status(key)
                if status is not None and status.protected_at(utcnow()):
                    raise ObjectProtected(
                        f"object {key!r} in {self.description} is protected by "
                        f"{status.describe()}; it cannot be deleted yet",
                        why=status.describe(),
                    ) from None
            raise self._error("delete", key, exc) from None
        except BotoCoreError as exc:
            raise self._error("delete", key, exc) from None

    # --- versions, Object Lock, legal holds ---------------------------------------------

    def _versions(self, full_prefix: str) -> Iterator[VersionInfo]:
        pages = self._client.get_paginator("list_object_versions").paginate(
            Bucket=self.bucket, Prefix=full_prefix
        )
        for page in pages:
            for item, marker in [(v, False) for v in page.get("Versions", [])] + [
                (m, True) for m in page.get("DeleteMarkers", [])
            ]:
                yield VersionInfo(
                    key=item["Key"][len(self.prefix) :],
                    version_id=str(item["VersionId"]),
                    latest=bool(item["IsLatest"]),
                    delete_marker=marker,
                    size=int(item.get("Size", 0)),
                    modified=_utc(item["LastModified"]),
                )

    def list_versions(self, prefix: str) -> Iterator[VersionInfo]:
        """Every version and delete marker under ``prefix``, sorted by key then time."""
        validate_prefix(prefix)
        try:
            found = [v for v in self._versions(self.prefix + prefix)]
        except (ClientError, BotoCoreError) as exc:
            raise self._error("list versions of", prefix or "(all)", exc) from None
        found.sort(key=lambda v: (v.key, v.modified, not v.latest))
        return iter(found)

    def lock_status(self, key: str) -> LockStatus | None:
        """Object Lock state of the current version; None if the object does not exist."""
        answer = self._head(key)
        if answer is None:
            return None
        until = answer.get("ObjectLockRetainUntilDate")
        return LockStatus(
            mode=answer.get("ObjectLockMode"),
            retain_until=_utc(until) if until else None,
            legal_hold=answer.get("ObjectLockLegalHoldStatus") == "ON",
        )

    def set_legal_hold(self, key: str, on: bool) -> None:
        """Place (``on``) or lift a legal hold on the current version of ``key``."""
        full = self._full(key)
        try:
            self._client.put_object_legal_hold(
                Bucket=self.bucket, Key=full, LegalHold={"Status": "ON" if on else "OFF"}
            )
        except ClientError as exc:
            if _not_found(exc):
                raise ObjectNotFound(key) from None
            raise self._error("set the legal hold of", key, exc) from None
        except BotoCoreError as exc:
            raise self._error("set the legal hold of", key, exc) from None
