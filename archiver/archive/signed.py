"""Signed documents (manifests and the records under ``holds/``, ``suppressed/``, ``ledger/``):
their canonical form and their Ed25519 signature, in one place.

The stored bytes are the canonical JSON of the document including its ``signature``, plus one
``\\n`` that is not signed; the signature covers the canonical JSON of the document without the
``signature`` key. Checking lives in ``archiver.archive.integrity``.

A document says which canonical form it is in by its ``format_version`` (absent: 1; only
signed records written before version 2 lack it):

- 1: Python's ``json.dumps`` with sorted keys, no spaces, non-ASCII as itself. Still read and
  verified, never written;
- 2: RFC 8785 (JSON Canonicalization Scheme), by the ``rfc8785`` package: a standard any
  language has an implementation of. Written from now on.

The two give the same bytes for every document this program writes except one whose object
keys mix characters above U+FFFF with characters U+E000–U+FFFF (RFC 8785 sorts UTF-16 code
units, version 1 code points) or that holds fractions (none do). Platform records in the
``raw`` column, and so ``record_hash``, keep the version-1 form
(``archiver.transform.pseudonym.canonical_json``): they are not signed documents, and a new
form would make every record version look changed.
"""

from __future__ import annotations

import io
import json
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import rfc8785

from archiver.errors import IntegrityError
from archiver.keys import Signer

SIGNATURE_ALGORITHM = "ed25519"
#: The form written from now on.
FORMAT_VERSION = 2
#: What a document without ``format_version`` is (signed records written before version 2).
IMPLICIT_VERSION = 1


class Spliced(Protocol):
    """A value whose JSON the encoder takes as given (an ``IndexList``: a long run's index
    without a string per entry): version 1's form of the value, which must also be RFC
    8785's."""

    def json_bytes(self) -> bytes: ...


#: What a ``Spliced`` value is encoded as before its bytes are spliced in: a string no
#: document holds (a NUL and a random nonce). Were one to hold it, the pieces would not count
#: up and encoding says so (``ValueError``).
_MARK = "\x00" + secrets.token_hex(16)
_QUOTED_MARK = json.dumps(_MARK)


def _pieces_v1(doc: Any) -> Iterator[tuple[bytes, bool]]:
    """Version 1's form of ``doc`` in pieces: the JSON around each ``Spliced`` value, and each
    one's ``json_bytes``, in order, each with whether it is a spliced value's (joined,
    ``canonical_v1``). ``TypeError`` for a value that is not JSON, ``ValueError`` for a lone
    surrogate, as ``json.dumps`` raises."""
    spliced: list[Spliced] = []

    def mark(value: Any) -> str:
        if not callable(getattr(value, "json_bytes", None)):
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        spliced.append(value)
        return _MARK

    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=mark)
    if not spliced:
        yield text.encode(), False
        return
    parts = text.split(_QUOTED_MARK)
    del text
    if len(parts) != len(spliced) + 1:
        raise ValueError("the document holds the encoder's mark")
    for i, value in enumerate(spliced):
        yield parts[i].encode(), False
        yield value.json_bytes(), True
    yield parts[-1].encode(), False


def _chunks_v1(doc: Any) -> Iterator[bytes]:
    """``_pieces_v1``'s bytes alone."""
    return (chunk for chunk, _ in _pieces_v1(doc))


def canonical_v1(doc: Mapping[str, Any]) -> bytes:
    """Sorted keys (by code point), no spaces, UTF-8 (non-ASCII characters as themselves).
    ``Spliced`` values are encoded as their ``json_bytes``."""
    chunks = list(_chunks_v1(doc))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _encodes_v1(view: memoryview, doc: Mapping[str, Any]) -> bool:
    """Whether ``view`` is ``canonical_v1(doc)``, compared piece by piece: a manifest of
    megabytes is not encoded whole a second time."""
    at = 0
    for chunk in _chunks_v1(doc):
        if view[at : at + len(chunk)] != chunk:
            return False
        at += len(chunk)
    return at == len(view)


def canonical_v2(doc: Mapping[str, Any]) -> bytes:
    """RFC 8785."""
    return rfc8785.dumps(dict(doc))


_FORMS: dict[int, Callable[[Mapping[str, Any]], bytes]] = {1: canonical_v1, 2: canonical_v2}
#: Every version this program reads.
VERSIONS: tuple[int, ...] = tuple(sorted(_FORMS))


class UnknownVersion(IntegrityError):
    """A signed document of a format version newer than this program reads."""


def version(doc: Mapping[str, Any]) -> int:
    """The document's format version; ``UnknownVersion`` for one this program does not read."""
    v = doc.get("format_version", IMPLICIT_VERSION)
    if type(v) is not int or v not in _FORMS:  # not True, 2.0, "2" or [2]
        raise UnknownVersion(
            f"format_version {json.dumps(v)[:40]} is not one this archiver reads "
            f"({', '.join(map(str, VERSIONS))}): it was written by a newer archiver; upgrade "
            "the archiver to a release that lists it in CHANGELOG.md"
        )
    return int(v)


def canonical(doc: Mapping[str, Any]) -> bytes:
    """``doc`` in the canonical form of its own ``format_version``.

    ``ValueError`` when it has none (a string that is not valid Unicode, an integer RFC 8785
    cannot hold); ``UnknownVersion`` for a version this program does not read."""
    return _FORMS[version(doc)](doc)


class _Unusual(Exception):
    """A number this program never writes: a fraction, NaN, Infinity, or an integer beyond
    RFC 8785's ±(2**53 - 1). ``loads`` then says so, and the fast form check is off."""


def _no_float(_text: str) -> float:
    raise _Unusual


def _int(text: str) -> int:
    n = int(text)
    if not -_INT_LIMIT <= n <= _INT_LIMIT:
        raise _Unusual
    return n


_INT_LIMIT = 2**53 - 1


def loads(
    raw: bytes | str, *, object_hook: Callable[[dict[str, Any]], Any] | None = None
) -> tuple[Any, bool]:
    """``json.loads``, and whether the document holds a number this program never writes
    (``_Unusual``; ``is_stored_form`` needs to know). ``ValueError`` when it is not JSON.
    ``object_hook``: ``json.loads``'s, for each object as it is read."""
    try:
        return json.loads(
            raw,
            parse_float=_no_float,
            parse_constant=_no_float,
            parse_int=_int,
            object_hook=object_hook,
        ), False
    except _Unusual:
        return json.loads(raw, object_hook=object_hook), True


#: UTF-8 lead bytes of characters from U+E000 on (and bytes UTF-8 never has), where RFC 8785
#: (UTF-16 code units) and version 1 (code points) may sort keys differently.
_BELOW_HIGH = bytes(range(0xEE))


def _has_high(raw: bytes) -> bool:
    return not raw.isascii() and bool(raw.translate(None, _BELOW_HIGH))


def is_stored_form(raw: bytes, doc: Mapping[str, Any], *, unusual: bool = True) -> bool:
    """Whether ``raw`` is ``doc`` in the canonical form of its ``format_version`` plus the
    newline: exactly ``raw == canonical(doc) + b"\\n"`` (``UnknownVersion`` likewise), fast.

    RFC 8785 in pure Python took most of the time readers spent on documents of a few MiB.
    Without fractions or integers beyond RFC 8785's (``unusual``, from ``loads``) and without
    characters from U+E000 on, RFC 8785 and version 1 give the same bytes (same escapes, same
    integers, same key order), and version 1 is ``json.dumps`` in C: where the stored bytes
    are that form, they are RFC 8785's. Anything else takes the RFC 8785 path."""
    v = version(doc)
    if v == 2 and not unusual and not _has_high(raw):
        try:
            # The bytes without their newline, as a view: a manifest is not copied again.
            if raw.endswith(b"\n") and _encodes_v1(memoryview(raw)[:-1], doc):
                return True
        except ValueError:  # a lone surrogate: the slow path says what it is
            pass
    try:
        return raw == canonical(doc) + b"\n"
    except UnknownVersion:
        raise
    except ValueError:  # no canonical form (a lone surrogate, an integer out of range)
        return False


def body(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What a signature covers: the document without its ``signature``."""
    return {k: v for k, v in doc.items() if k != "signature"}


def signed_part(enc: bytes, doc: Mapping[str, Any]) -> bytes:
    """The canonical JSON of ``doc`` without ``signature``, given ``enc``, the canonical JSON
    of the whole: the top-level signature member cut out, instead of encoding megabytes again.

    Keys are sorted, so the member is followed by the next key (``"state":`` in a manifest);
    where that is not found exactly once, the body is encoded anew."""
    keys = sorted(doc)
    if "signature" in doc:
        member = b'"signature":' + canonical(doc["signature"])
        after = keys[keys.index("signature") + 1 :]
        if after:
            nxt = json.dumps(after[0], ensure_ascii=False).encode() + b":"
            if enc.count(member + b"," + nxt) == 1:
                return enc.replace(member + b"," + nxt, nxt, 1)
    return canonical(body(doc))


def written_form(doc: Mapping[str, Any]) -> bytes:
    """``canonical(doc)``, fast: the bytes of version 1 (``json.dumps`` in C) where they are
    provably RFC 8785's, as ``is_stored_form`` reasons.

    Version 1's bytes are taken when reading them back gives ``doc`` again (so every key was
    a string and every container a dict or list), with no fraction or integer beyond RFC
    8785's (``loads``) and no character from U+E000 on; anything else, and every version but
    2, takes ``canonical``. A manifest of a long run is megabytes: RFC 8785 in pure Python
    was most of a commit's time."""
    if version(doc) == 2:
        try:
            fast = canonical_v1(doc)
        except (TypeError, ValueError):  # not JSON, or a lone surrogate: canonical says so
            fast = None
        if fast is not None and not _has_high(fast):
            back, unusual = loads(fast)
            if not unusual and back == doc:
                return fast
    return canonical(doc)


#: Where a spliced value's bytes are in a draft: their offset and length.
Span = tuple[int, int]


def draft(doc: Mapping[str, Any], signer: Signer) -> bytes | None:
    """``sign``'s bytes encoded once, not yet proven (``draft_spans``' bytes)."""
    drafted = draft_spans(doc, signer)
    return None if drafted is None else drafted[0]


def draft_spans(doc: Mapping[str, Any], signer: Signer) -> tuple[bytes, list[Span]] | None:
    """``sign``'s bytes encoded once, not yet proven, and where each ``Spliced`` value's bytes
    are in them (``loads_spliced`` reads them back without decoding them whole): version 1's
    form of ``doc`` without its ``signature``, signed, the signature member spliced in where
    its key sorts (the members before and after it are encoded apart, so the signed part is
    never encoded twice). They are built in one buffer, signed in place and returned without
    a copy: a long run's manifest is held once while it is drafted.

    They are ``sign``'s bytes when reading them back gives ``doc`` with that signature
    (``proves``), as ``written_form`` reasons. None where version 1's form cannot be RFC
    8785's: a version other than 2, a top-level key that is not ASCII (then the two may
    sort it differently), a character from U+E000 on, or no JSON at all."""
    unsigned = body(doc)
    if version(unsigned) != 2 or not all(type(k) is str and k.isascii() for k in unsigned):
        return None
    buf = io.BytesIO()
    spans: list[Span] = []
    tail_spans: list[Span] = []
    try:
        for chunk, spliced in _pieces_v1({k: v for k, v in unsigned.items() if k < "signature"}):
            if _has_high(chunk):
                return None
            if spliced:
                spans.append((buf.tell(), len(chunk)))
            buf.write(chunk)
        tail_chunks = []
        at = 0
        for chunk, spliced in _pieces_v1({k: v for k, v in unsigned.items() if k > "signature"}):
            if spliced:
                tail_spans.append((at, len(chunk)))
            tail_chunks.append(chunk)
            at += len(chunk)
        tail = tail_chunks[0] if len(tail_chunks) == 1 else b"".join(tail_chunks)
        del tail_chunks
    except (TypeError, ValueError):  # not JSON, or a lone surrogate: canonical says so
        return None
    if _has_high(tail):
        return None
    cut = buf.tell() - 1  # the head's closing brace: the members after it go there
    before, after = cut > 1, tail != b"{}"

    def close(member: bytes | None) -> int:
        """The members after the head written; where the tail's first byte would be."""
        buf.seek(cut)
        buf.truncate()
        if member is not None:
            buf.write(b"," if before else b"")
            buf.write(member)
        if not after:
            buf.write(b"}")
            return -1
        buf.write(b"," if before or member is not None else b"")
        buf.write(memoryview(tail)[1:])
        return buf.tell() - len(tail)

    close(None)
    with buf.getbuffer() as unsigned_bytes:
        value = signer.sign(unsigned_bytes)
    signature = {"algorithm": SIGNATURE_ALGORITHM, "key_id": signer.verifier.key_id, "value": value}
    tail_at = close(canonical_v1({"signature": signature})[1:-1])
    spans.extend((tail_at + a, n) for a, n in tail_spans)
    buf.write(b"\n")
    return buf.getvalue(), spans


def loads_spliced(
    raw: bytes,
    spans: Sequence[Span],
    *,
    object_hook: Callable[[dict[str, Any]], Any] | None = None,
) -> tuple[Any, bool]:
    """``loads(raw, object_hook=…)``, the same value, without decoding ``raw`` whole where
    ``spans`` (``draft_spans``) are values of object members: the bytes around them with a
    mark string in place of each are decoded, then each span alone as its member is read. A
    long run's manifest is mostly its index lists: it is not held a second time, as text,
    while it is read back. Anything else (a span that is not a member's value, or not a JSON
    value on its own) is decoded whole. ``object_hook`` sees the same objects, in another
    order (and, were a span not one JSON value on its own, also those around it before the
    bytes are decoded whole)."""
    view = memoryview(raw)
    nonce = _MARK[1:].encode()
    if not spans or spans[0][0] < 4 or nonce in raw:
        return loads(raw, object_hook=object_hook)
    skeleton = io.BytesIO()
    marks: dict[str, Span] = {}
    at = 0
    for i, (a, n) in enumerate(spans):
        if a < at or n < 1 or a + n > len(raw):
            return loads(raw, object_hook=object_hook)
        mark = f"{_MARK}:{i}"
        marks[mark] = (a, n)
        skeleton.write(view[at:a])
        skeleton.write(json.dumps(mark).encode())
        at = a + n
    skeleton.write(view[at:])
    skeleton_bytes = skeleton.getvalue()
    del skeleton
    members = set[str]()

    def placed(obj: dict[str, Any]) -> dict[str, Any]:
        members.update(v for v in obj.values() if type(v) is str and v in marks)
        return obj

    try:  # first the marks' places alone: no hook sees an object of bytes read whole later
        loads(skeleton_bytes, object_hook=placed)
    except ValueError:  # a span cut a character or a token: the whole says what is wrong
        return loads(raw, object_hook=object_hook)
    if len(members) != len(marks):  # a mark read as anything but a member's value
        return loads(raw, object_hook=object_hook)
    odd = False

    def member(obj: dict[str, Any]) -> Any:
        nonlocal odd
        for k, v in obj.items():
            if type(v) is str and (span := marks.get(v)) is not None:
                a, n = span
                # Decoded apart as UTF-8 (a byte-order mark is an error, as inside ``raw``).
                text = raw[a : a + n].decode("utf-8", "surrogatepass")
                obj[k], unusual = loads(text, object_hook=object_hook)
                odd |= unusual
        return obj if object_hook is None else object_hook(obj)

    try:
        back, unusual = loads(skeleton_bytes, object_hook=member)
    except ValueError:  # a span not one JSON value on its own (never one ``draft_spans`` gives)
        return loads(raw, object_hook=object_hook)
    return back, unusual or odd


def proves(back: Any, unusual: bool, doc: Mapping[str, Any]) -> bool:
    """Whether ``draft(doc, …)``, read back (``loads``) as ``back`` and ``unusual``, is the
    canonical form of ``doc`` signed: ``doc`` again (so every key was a string and every
    container a dict or list), with no number this program never writes."""
    return (
        not unusual
        and isinstance(back, dict)
        and isinstance(back.get("signature"), dict)
        and back == body(doc) | {"signature": back["signature"]}
    )


def sign(doc: Mapping[str, Any], signer: Signer) -> bytes:
    """The stored bytes of ``doc`` signed by ``signer``, in the form its ``format_version``
    names (writers set ``FORMAT_VERSION``): ``draft``'s bytes where they are proven by
    reading them back once, else the document and its signed part encoded in that form."""
    raw = draft(doc, signer)
    if raw is not None and proves(*loads(raw), doc):
        return raw
    unsigned = body(doc)
    signature = {
        "algorithm": SIGNATURE_ALGORITHM,
        "key_id": signer.verifier.key_id,
        "value": signer.sign(written_form(unsigned)),
    }
    return written_form(unsigned | {"signature": signature}) + b"\n"
