"""A ``Store`` over a local directory: the embedded default, also used for tests and demos.

Objects are plain files named by their keys under the root, so an archive can be copied to S3
(or back) with any sync tool. Writes go to ``<root>/.tmp/`` first and are published with a hard
link, which fails if the final name exists: creation is atomic and never overwrites, and a crash
leaves at most an unlisted temp file, never a partial object under its final name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from archiver.archive.store import (
    ObjectInfo,
    ObjectNotFound,
    check_sha256_hex,
    validate_key,
    validate_prefix,
)
from archiver.errors import StoreError

__all__ = ["TMP_DIR", "LocalStore"]

#: Folder under the root holding in-flight writes; never listed (keys cannot start with ".").
TMP_DIR = ".tmp"

_DIR_MODE = 0o700
_FILE_MODE = 0o600


def _fsync_dir(path: Path) -> None:
    """Persist a directory entry change (new/removed name) across a crash."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # not supported here (e.g. Windows); the data itself was fsynced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _info(key: str, st: os.stat_result) -> ObjectInfo:
    return ObjectInfo(
        key=key, size=st.st_size, modified=datetime.fromtimestamp(st.st_mtime, tz=UTC)
    )


def _walk(directory: Path, rel: str, prefix: str, out: list[ObjectInfo]) -> None:
    """Collect objects under ``directory`` (key prefix ``rel``) whose key starts with ``prefix``."""
    try:
        entries = list(os.scandir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        key = f"{rel}/{entry.name}" if rel else entry.name
        try:
            validate_key(key)
        except StoreError:
            continue  # ".tmp" and anything not written by a store
        if entry.is_dir(follow_symlinks=False):
            folder = key + "/"
            if folder.startswith(prefix) or prefix.startswith(folder):
                _walk(Path(entry.path), key, prefix, out)
        elif entry.is_file(follow_symlinks=False) and key.startswith(prefix):
            try:
                out.append(_info(key, entry.stat(follow_symlinks=False)))
            except FileNotFoundError:
                continue  # deleted while listing


class LocalStore:
    """``Store`` over a directory; files 0600, directories 0700, created on first write."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser().resolve()
        self.description = f"local directory {self.root}"
        self._tmp = self.root / TMP_DIR

    def __repr__(self) -> str:
        return f"LocalStore({str(self.root)!r})"

    def _path(self, key: str) -> Path:
        validate_key(key)
        path = self.root / key
        # Defence in depth against symlinks placed inside the root.
        if not path.resolve().is_relative_to(self.root):
            raise StoreError(f"object key {key!r} resolves outside {self.description}")
        return path

    def _makedirs(self, directory: Path) -> None:
        """Create ``directory`` and missing parents (0700), persisting each new entry."""
        if directory.is_dir():
            return
        if not self.root.is_dir():
            try:
                self.root.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create {self.description}: {exc.strerror}") from None
            _fsync_dir(self.root.parent)
        current = self.root
        for part in directory.relative_to(self.root).parts:
            current = current / part
            try:
                current.mkdir(mode=_DIR_MODE)
            except FileExistsError:
                if not current.is_dir():
                    rel = current.relative_to(self.root).as_posix()
                    raise StoreError(
                        f"object {rel!r} exists, so no object can be stored under {rel + '/'!r}"
                    ) from None
                continue
            except OSError as exc:
                raise StoreError(
                    f"cannot create folder {current} in {self.description}: {exc.strerror}"
                ) from None
            _fsync_dir(current.parent)

    def put_if_absent(self, key: str, data: bytes, *, sha256_hex: str | None = None) -> bool:
        """Create ``key`` atomically via temp file + fsync + link; False if it exists."""
        path = self._path(key)
        if sha256_hex is not None:
            expected = check_sha256_hex(sha256_hex)
            if hashlib.sha256(data).hexdigest() != expected:
                raise StoreError(
                    f"SHA-256 of the data for {key!r} does not match the given checksum; "
                    "nothing written"
                )
        if os.path.lexists(path):
            return False
        self._makedirs(path.parent)
        self._makedirs(self._tmp)
        tmp = self._tmp / f"{uuid.uuid4().hex}.tmp"
        try:
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                raise StoreError(
                    f"cannot write {key!r} to {self.description}: {exc.strerror}"
                ) from None
            try:
                try:
                    os.link(tmp, path)
                except FileNotFoundError:  # a delete pruned the new, empty folder meanwhile
                    self._makedirs(path.parent)
                    os.link(tmp, path)
            except FileExistsError:
                return False
            except OSError as exc:
                raise StoreError(
                    f"cannot publish {key!r} in {self.description}: {exc.strerror} "
                    "(the filesystem must support hard links)"
                ) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        _fsync_dir(path.parent)
        return True

    def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None
        except OSError as exc:
            raise StoreError(
                f"cannot read {key!r} from {self.description}: {exc.strerror}"
            ) from None

    def get_range(self, key: str, offset: int, length: int) -> bytes:
        """``length`` bytes from ``offset`` (fewer at the end of the object)."""
        path = self._path(key)
        try:
            with path.open("rb") as f:
                f.seek(offset)
                return f.read(length)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None
        except OSError as exc:
            raise StoreError(
                f"cannot read {key!r} from {self.description}: {exc.strerror}"
            ) from None

    def head(self, key: str) -> ObjectInfo | None:
        path = self._path(key)
        try:
            st = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise StoreError(f"cannot stat {key!r} in {self.description}: {exc.strerror}") from None
        if not stat.S_ISREG(st.st_mode):
            return None
        return _info(key, st)

    def list(self, prefix: str) -> Iterator[ObjectInfo]:
        validate_prefix(prefix)
        # Start at the deepest folder the prefix names completely; filter the rest by string.
        rel = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = self.root / rel if rel else self.root
        if not start.resolve().is_relative_to(self.root):
            raise StoreError(f"prefix {prefix!r} resolves outside {self.description}")
        found: list[ObjectInfo] = []
        _walk(start, rel, prefix, found)
        found.sort(key=lambda info: info.key)
        return iter(found)

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return
        except IsADirectoryError:
            return  # a folder of other objects, not an object
        except OSError as exc:
            if path.is_dir():
                return
            raise StoreError(
                f"cannot delete {key!r} from {self.description}: {exc.strerror}"
            ) from None
        _fsync_dir(path.parent)
        self._prune(path.parent)

    def _prune(self, folder: Path) -> None:
        """Remove ``folder`` and its parents while they are empty (not the root): every run
        leaves a commit lease folder, and listing thousands of empty folders cost every
        command that lists the archive more than the objects did. A writer racing to put an
        object into a folder removed here makes it again (``put_if_absent``)."""
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()
            except OSError:
                return  # not empty (or gone): its parents are not empty either
            _fsync_dir(folder.parent)
            folder = folder.parent
