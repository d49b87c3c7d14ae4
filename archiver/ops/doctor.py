"""``archiver doctor``: every dependency of a run checked once, cheaply, with a verdict each.

A platform engineer runs it before the first CronJob (or as a one-off Job from it): config,
keys, keyrings, the store, one authenticated request per stream and the clock. It goes on
after a failure, so one run names every problem; it never prints a secret or a record value.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

import httpx

from archiver import logs
from archiver.archive import layout
from archiver.archive.catalog import Catalog, ObjectEntry, checkpoint, list_streams, parse, rotation
from archiver.archive.crypto import Keyring, build_keyring, holds_private_half
from archiver.archive.reader import ArchiveReader
from archiver.archive.store import Store
from archiver.archive.store_s3 import parse_s3_url
from archiver.config import Config, KeyringSpec, load_config
from archiver.context import open_store
from archiver.crawl.state import StreamState
from archiver.errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, ArchiverError
from archiver.keys import Signer, Verifier, load_pseudonym_key, load_signer, load_verifier
from archiver.logs import redact_url
from archiver.ops.compact import crowded, small_parts
from archiver.ops.verify import configured_witness
from archiver.sources.base import Source
from archiver.sources.http import server_date
from archiver.sources.registry import build_source
from archiver.transform import native

CheckStatus = Literal["pass", "fail", "warn", "skip"]
PASS: Final = "pass"  # noqa: S105 (a check status, not a password)
FAIL: Final = "fail"
WARN: Final = "warn"
SKIP: Final = "skip"

#: Beyond this the clock needs fixing: signed requests (S3, platform HMAC/JWT) start to be
#: refused within minutes of skew, and manifest and retention times would be off.
SKEW_FAIL_SECONDS = 60.0
SKEW_WARN_SECONDS = 5.0
#: A weekly reconciliation and a day's slack, unless status.max_full_age_days says otherwise.
DEFAULT_FULL_AGE_DAYS = 8.0
#: Doctor asks once and fails fast instead of retrying like a run would.
_PROBE_TIMEOUT_SECONDS = 10.0
_PROBE = b"archiver doctor probe"


@dataclass(frozen=True)
class Check:
    name: str
    status: CheckStatus
    detail: str


@dataclass
class DoctorReport:
    config_path: Path
    checks: list[Check] = field(default_factory=list)

    def add(self, name: str, status: CheckStatus, detail: str) -> None:
        self.checks.append(Check(name, status, logs.redact(detail)))

    @property
    def exit_code(self) -> int:
        if any(c.name == "config" and c.status == FAIL for c in self.checks):
            return EXIT_USAGE
        return EXIT_FAILURE if any(c.status == FAIL for c in self.checks) else EXIT_OK

    def format(self) -> str:
        width = max([len(c.name) for c in self.checks] + [10])
        lines = [f"archiver doctor {self.config_path}"]
        lines += [f"  {c.status.upper():<4}  {c.name:<{width}}  {c.detail}" for c in self.checks]
        counts = {s: sum(c.status == s for c in self.checks) for s in (PASS, FAIL, WARN, SKIP)}
        lines.append(
            f"{counts[PASS]} passed, {counts[FAIL]} failed, {counts[WARN]} warnings, "
            f"{counts[SKIP]} skipped"
        )
        return "\n".join(lines)


def _attempt(report: DoctorReport, name: str, fn: Callable[[], str]) -> bool:
    """Run one check; an ArchiverError (written to be safe to show) is its failure."""
    try:
        detail = fn()
    except ArchiverError as exc:
        report.add(name, FAIL, str(exc))
        return False
    except OSError as exc:
        report.add(name, FAIL, f"{exc.strerror or type(exc).__name__}")
        return False
    except Exception as exc:  # a library's own error: named by type, its message may quote data
        report.add(name, FAIL, f"unexpected {type(exc).__name__}")
        return False
    report.add(name, PASS, detail)
    return True


def run_doctor(
    config_path: Path | str,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.time,
) -> DoctorReport:
    report = DoctorReport(Path(config_path))
    try:
        cfg = load_config(config_path)
    except ArchiverError as exc:
        report.add("config", FAIL, str(exc))
        return report
    logs.protect_config(cfg)
    report.add("config", PASS, f"valid: {len(cfg.sources)} source(s)")
    report.add("masking code", PASS, _masking_code())
    if not cfg.sources:
        report.add("sources", FAIL, "none configured: a run would archive nothing (exit 2)")
    verifier, signer = _check_keys(report, cfg)
    checked = {
        kind: _check_keyring(report, kind, specs)
        for kind, specs in (("masked", cfg.keys.masked), ("sealed", cfg.keys.sealed))
    }
    _check_sealed_private_key(report, cfg)
    keyrings = {kind: keyring for kind, (keyring, _) in checked.items()}
    decrypts = {kind for kind, (_, ok) in checked.items() if ok}
    store = _check_store(report, cfg)
    if store is not None:
        verifier = _check_key_in_force(report, store, verifier, signer)
        _check_archive(report, store, verifier, keyrings, decrypts)
        _check_reconciliation(report, cfg, store, verifier, clock)
        _check_checkpoints(report, cfg, store)
        _check_small_parts(report, cfg, store, verifier)
    _check_witness(report, cfg, store)
    _check_sources(report, cfg, transport, clock)
    _check_metrics(report, cfg, transport)
    return report


def _masking_code() -> str:
    """Which masking code this installation runs: an operator sizing a job's CPU needs to know
    (masking is most of a run's CPU, about 1.3x more from the sources)."""
    if native():
        return "compiled detectors (built with ARCHIVER_NATIVE=1)"
    return "Python sources (a build with ARCHIVER_NATIVE=1 masks about 1.3x faster)"


# --- keys -----------------------------------------------------------------------------------


def _check_keys(report: DoctorReport, cfg: Config) -> tuple[Verifier | None, Signer | None]:
    """The key files; the root of trust (``keys.verify``, else the signing key's public half)
    and the signing key, for the key-in-force check once the store is open."""
    k = cfg.keys
    _attempt(
        report,
        "key pseudonym",
        lambda: f"{k.pseudonym}: HMAC key of {len(load_pseudonym_key(k.pseudonym))} bytes",
    )
    verifier: Verifier | None = None
    try:
        signer = load_signer(k.signing)
    except ArchiverError as exc:
        report.add("key signing", FAIL, str(exc))
        signer = None
    if k.verify is not None:
        try:
            verifier = load_verifier(k.verify)
        except ArchiverError as exc:
            report.add("key verify", FAIL, str(exc))
    elif signer is not None:
        verifier = signer.verifier
    if signer is not None:
        report.add("key signing", PASS, f"{k.signing}: Ed25519, {signer.verifier.key_id}")
    return verifier, signer


def _check_key_in_force(
    report: DoctorReport, store: Store, root: Verifier | None, signer: Signer | None
) -> Verifier | None:
    """The signing key is the key in force: the root's pair before any rotation, the newest
    rotation's key after (readers would refuse what another key signs, and commands that sign
    refuse to). Returns the trusted keys (root and rotations) for the archive checks."""
    if root is None:
        return None
    try:
        found = rotation.scan(store, root)
    except ArchiverError as exc:  # the config names a later key as the root
        report.add("key in force", FAIL, str(exc))
        return None
    if found.problems:
        report.add("key in force", FAIL, found.problems[0].message)
        return None
    trust = found.trust
    if signer is None:
        return trust
    rotated = f"after {len(trust.rotations)} rotation(s)" if trust.rotations else "no rotation"
    try:
        rotation.require_in_force(trust, signer)
    except ArchiverError as exc:
        report.add("key in force", FAIL, str(exc))
        return trust
    if not trust.verify(_PROBE, signer.sign(_PROBE)):  # pragma: no cover (key ids collide)
        report.add("key in force", FAIL, "the signing key does not verify under the key in force")
        return trust
    report.add(
        "key in force",
        PASS,
        f"keys.signing is the key in force ({rotated}; root {trust.root.key_id})",
    )
    return trust


def _check_keyring(
    report: DoctorReport, kind: str, specs: Iterable[KeyringSpec]
) -> tuple[Keyring | None, bool]:
    """The keyring, and whether these credentials decrypt with it.

    A job configured as SECURITY.md recommends may encrypt with a KMS key it cannot decrypt
    with (always the sealed key, the masked key unless it runs ``--full``): that is reported as
    what it is, not as a failure."""
    name = f"keyring {kind}"
    context = {"archiver:doctor": kind}
    try:
        keyring = build_keyring(tuple(specs))
        message = keyring.encrypt(_PROBE, context)
    except ArchiverError as exc:
        report.add(name, FAIL, f"cannot encrypt: {exc}")
        return None, False
    except Exception as exc:  # e.g. a KMS client error: named by type only
        report.add(name, FAIL, f"cannot encrypt: unexpected {type(exc).__name__}")
        return None, False
    names = ", ".join(d["key_name"] for d in keyring.describe())
    if not keyring.can_decrypt:
        if kind == "masked":
            report.add(
                name,
                FAIL,
                f"encrypts for {names} but holds no key that decrypts: run --full, verify "
                "--deep and restore read masked objects",
            )
        else:
            report.add(name, PASS, f"encrypts for {names}; only the offline key decrypts")
        return keyring, False
    try:
        same = keyring.decrypt(message, expect_context=context) == _PROBE
    except ArchiverError as exc:
        if kind == "sealed":
            report.add(
                name,
                PASS,
                f"encrypts for {names}; these credentials cannot decrypt sealed originals, as "
                "the job's should not",
            )
        else:
            report.add(
                name,
                WARN,
                f"encrypts for {names} but these credentials cannot decrypt ({exc}): enough for "
                "run; run --full, verify --deep and restore need decrypt on the masked key",
            )
        return keyring, False
    if not same:
        report.add(name, FAIL, f"a message encrypted for {names} decrypts to other bytes")
        return keyring, False
    if kind == "sealed":
        report.add(
            name,
            FAIL,
            f"encrypts and decrypts ({names}): the job's configuration can read sealed "
            "originals; configure only the public key (or a KMS key it cannot decrypt with) "
            "and give the private key per command with --sealed-key",
        )
    else:
        report.add(name, PASS, f"encrypts and decrypts ({names})")
    return keyring, True


def _key_files(cfg: Config) -> list[Path]:
    k = cfg.keys
    files = [k.pseudonym, k.signing, *([k.verify] if k.verify else [])]
    for spec in (*k.masked, *k.sealed):
        files += [p for p in (spec.file, spec.public_key, spec.private_key) if p is not None]
    return files


def _files_in(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def _check_sealed_private_key(report: DoctorReport, cfg: Config) -> None:
    """The private key of sealed originals must not travel with the job: not in a folder
    holding the job's keys (a Secret made from that folder would carry it), and better not
    on this machine at all. Found by matching every file there against the public keys."""
    publics = [s.public_key for s in cfg.keys.sealed if s.type == "raw-rsa" and s.public_key]
    name = "sealed private key"
    if not publics:
        report.add(name, SKIP, "no raw-rsa sealed keyring: nothing to look for")
        return
    key_dirs = sorted({p.parent.resolve() for p in _key_files(cfg)})

    def private_halves(folders: Iterable[Path]) -> list[Path]:
        return [
            f
            for folder in folders
            for f in _files_in(folder)
            if any(holds_private_half(p, f) for p in publics)
        ]

    beside = private_halves(key_dirs)
    if beside:
        report.add(
            name,
            FAIL,
            f"{', '.join(map(str, beside))} opens sealed originals and lies beside the job's "
            "keys: whoever gets that folder (a Secret made from it) reads every original; "
            "move it off this machine",
        )
        return
    home = cfg.path.parent.resolve()
    nearby = [
        d for d in (home, *(p for p in _files_or_dirs(home) if p.is_dir())) if d not in key_dirs
    ]
    found = private_halves(nearby)
    if found:
        report.add(
            name,
            WARN,
            f"{', '.join(map(str, found))} opens sealed originals and is still on this "
            "machine, next to the config: move it offline (export, retrieve and restore "
            "--sealed take it with --sealed-key)",
        )
        return
    report.add(name, PASS, "not beside the job's keys nor next to the config")


def _files_or_dirs(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


# --- store and archive ----------------------------------------------------------------------


def _check_store(report: DoctorReport, cfg: Config) -> Store | None:
    try:
        store = open_store(cfg)
    except ArchiverError as exc:
        report.add("store", FAIL, str(exc))
        return None
    key = f"doctor/probe-{secrets.token_hex(8)}"
    data = _PROBE + secrets.token_bytes(16)

    def probe() -> str:
        if not store.put_if_absent(key, data):
            return f"{store.description}: probe object {key} already existed (retry)"
        if store.get(key) != data:
            raise ArchiverError(f"{store.description}: the probe object {key} read back altered")
        return f"{store.description}: write and read work"

    if not _attempt(report, "store", probe):
        return None
    try:
        store.delete(key)
        gone = store.head(key) is None
    except ArchiverError as exc:
        # The job needs no delete permission (only gc, erase and prune do).
        report.add(
            "store delete",
            WARN,
            f"these credentials cannot delete ({exc}); fine for run, needed by gc, erase and "
            f"prune; remove the probe object {key} with a role that may",
        )
        return store
    if not gone:
        report.add("store delete", FAIL, f"the probe object {key} survived delete")
    else:
        report.add("store delete", PASS, "delete works (gc, erase and prune need it)")
    return store


def _check_archive(
    report: DoctorReport,
    store: Store,
    verifier: Verifier | None,
    keyrings: dict[str, Keyring | None],
    decrypts: set[str],
) -> None:
    """The first and the newest manifest of a stream verify, and an object of each decrypts
    with today's keys: a key dropped from a keyring after a rotation, or replaced, shows here
    rather than in the middle of a restore."""
    try:
        streams = list_streams(store)
    except ArchiverError as exc:
        report.add("archive", FAIL, f"cannot list manifests: {exc}")
        return
    if not streams:
        report.add("archive", SKIP, "no manifest yet: nothing to verify or decrypt")
        return
    if verifier is None:
        report.add("archive", SKIP, "no usable verify key: manifests not checked")
        return
    reader = ArchiveReader(
        store, verifier=verifier, masked=keyrings["masked"], sealed=keyrings["sealed"]
    )
    source, tenant = next(iter(streams))
    try:
        # The whole chain, so objects a later erase or prune superseded are left out.
        chain = Catalog(store, verifier).chain(source, tenant)
        ends = {chain.manifests[0].sequence, chain.head.sequence}
    except ArchiverError as exc:
        report.add("archive", FAIL, str(exc))
        return
    report.add(
        "archive",
        PASS,
        f"{len(streams)} stream(s); manifests 1 and {chain.head.sequence} of "
        f"{source}/{tenant} verify",
    )
    for kind in ("masked", "sealed"):
        if kind not in decrypts:
            continue
        sealed = kind == "sealed"
        firsts: dict[int, ObjectEntry] = {}
        for p in chain.live():
            if p.sequence in ends and p.entry.sealed == sealed:
                firsts.setdefault(p.sequence, p.entry)
        objects = list(firsts.values())
        if objects:
            _attempt(report, f"decrypt {kind}", functools.partial(_decrypt, reader, objects))


def _check_reconciliation(
    report: DoctorReport,
    cfg: Config,
    store: Store,
    verifier: Verifier | None,
    clock: Callable[[], float],
) -> None:
    """Every stream had a complete ``run --full`` within ``status.max_full_age_days`` (8 when
    unset): it is
    what bounds how stale a record can be when a platform changes it without a signal an
    incremental run sees (docs/SOURCES.md)."""
    try:
        streams = list_streams(store)
    except ArchiverError:
        return  # the archive check above has said why
    if not streams:
        return
    bound = cfg.status.max_full_age_days or DEFAULT_FULL_AGE_DAYS
    now = clock()
    never: list[str] = []
    old: list[tuple[str, float]] = []
    for (source, tenant), keys in streams.items():
        try:
            m = parse(keys[-1], store.get(keys[-1]), verifier)
        except ArchiverError:
            continue
        last = StreamState.from_manifest(m.state).last_full
        if last is None:
            never.append(f"{source}/{tenant}")
        elif (age := (now - last.timestamp()) / 86_400) > bound:
            old.append((f"{source}/{tenant}", age))
    if not never and not old:
        report.add("reconciliation", PASS, f"every stream reconciled within {bound:g} days")
        return
    parts = [f"{name}: {age:.1f} days ago" for name, age in old[:5]]
    if never:
        parts.append(f"{len(never)} never (e.g. {never[0]})")
    report.add(
        "reconciliation",
        WARN,
        f"no complete 'archiver run --full' within {bound:g} days for "
        f"{len(old) + len(never)} stream(s): " + "; ".join(parts) + " (schedule one weekly: "
        "the Helm chart's reconcile CronJob)",
    )


def _head_sequence(keys: list[str]) -> int:
    parsed = layout.parse_stream(keys[-1]) if keys else None
    return parsed[2] if parsed is not None else len(keys)


def _check_checkpoints(report: DoctorReport, cfg: Config, store: Store) -> None:
    """Each stream has a checkpoint at most twice ``archive.checkpoint_every`` manifests old:
    past that, readers read ever more manifests one by one (runs write one every interval, so
    a stale one means the writes fail). From key names alone: nothing is read."""
    every = cfg.archive.checkpoint_every
    if every <= 0:
        report.add("checkpoints", SKIP, "archive.checkpoint_every is 0: none are written")
        return
    try:
        streams = list_streams(store)
        ages = {
            f"{src}/{tenant}": checkpoint.age(store, src, tenant, _head_sequence(keys))
            for (src, tenant), keys in streams.items()
        }
    except ArchiverError as exc:
        report.add("checkpoints", FAIL, f"cannot list checkpoints: {exc}")
        return
    if not ages:
        return
    stale = sorted(((age, name) for name, age in ages.items() if age > 2 * every), reverse=True)
    if not stale:
        report.add(
            "checkpoints",
            PASS,
            f"every stream's newest checkpoint is at most {max(ages.values())} manifest(s) old "
            f"(one every {every})",
        )
        return
    report.add(
        "checkpoints",
        WARN,
        f"{len(stale)} stream(s) have more than {2 * every} manifests since their last "
        "checkpoint: "
        + "; ".join(f"{name}: {age}" for age, name in stale[:5])
        + " (readers read each of them; look for checkpoint.failed in the run's log)",
    )


def _check_small_parts(
    report: DoctorReport, cfg: Config, store: Store, verifier: Verifier | None
) -> None:
    """No partition holds more than ``archive.compact_min_small_parts`` small parts: past that,
    every restore, export and verify requests objects it need not (``archiver compact``)."""
    if verifier is None:
        return
    k = cfg.archive.compact_min_small_parts
    crowded_streams: list[tuple[str, int, int]] = []
    try:
        for chain in Catalog(store, verifier).chains():
            n = crowded(chain, cfg, k)
            if n:
                crowded_streams.append(
                    (f"{chain.source}/{chain.tenant}", n, small_parts(chain, cfg))
                )
    except ArchiverError:
        return  # the archive check above has said why
    if not crowded_streams:
        report.add("small parts", PASS, f"no partition holds more than {k} small parts")
        return
    worst = sorted(crowded_streams, key=lambda c: -c[2])[:3]
    report.add(
        "small parts",
        WARN,
        f"{len(crowded_streams)} stream(s) have partitions of more than {k} small parts ("
        + "; ".join(f"{name}: {n} partition(s), {parts} small part(s)" for name, n, parts in worst)
        + "): run 'archiver compact' (the Helm chart's maintenance CronJob does, weekly)",
    )


def _check_witness(report: DoctorReport, cfg: Config, store: Store | None) -> None:
    """verify's record of stream heads must outlive the machine verify runs on: in a pod,
    the default under $XDG_STATE_HOME goes with the pod, and with it the proof that no
    manifest was cut from a chain's end."""
    where = cfg.archive.witness
    if where is None:
        report.add(
            "witness",
            WARN,
            "archive.witness is not set: verify keeps its witness on the machine it runs on "
            "(a pod loses it); set s3://other-bucket/prefix or a folder on a persistent volume",
        )
        return
    if store is None:
        report.add("witness", SKIP, "the archive's store is not usable")
        return
    if not where.startswith("s3://") and not Path(where).is_dir():
        report.add(
            "witness",
            WARN,
            f"{where} is not a folder here: verify and gc need it mounted where they run",
        )
        return
    s3 = where.startswith("s3://") and cfg.archive.url.startswith("s3://")
    if s3 and parse_s3_url(where)[0] == parse_s3_url(cfg.archive.url)[0]:
        report.add(
            "witness",
            WARN,
            f"{where} is in the archive's own bucket: whoever can delete manifests can "
            "delete the witness too; use another bucket (with Object Lock)",
        )
        return

    def read() -> str:
        witness = configured_witness(cfg, store)
        assert witness is not None
        heads = witness.read()
        return f"{witness.description}: readable, {len(heads)} stream head(s) remembered"

    _attempt(report, "witness", read)


def _decrypt(reader: ArchiveReader, objects: list[ObjectEntry]) -> str:
    size = sum(len(reader.object_bytes(obj)) for obj in objects)
    return f"{len(objects)} object(s), oldest and newest: {size:,} bytes decrypted and checked"


# --- sources and clock ----------------------------------------------------------------------


def _probe_config(cfg: Config) -> Config:
    crawl = dataclasses.replace(
        cfg.crawl,
        max_retries=1,
        timeout_seconds=min(cfg.crawl.timeout_seconds, _PROBE_TIMEOUT_SECONDS),
        max_wait_seconds=min(cfg.crawl.max_wait_seconds, 5.0),
    )
    return dataclasses.replace(cfg, crawl=crawl)


def _first_record(src: Source, tenant: str) -> str:
    """One authenticated request: the first page the crawl would read (the generator is
    closed after its first record, so no more pages are fetched)."""
    before = src.request_count()
    changes = src.changes(tenant, None)
    try:
        got = next(iter(changes), None)
    finally:
        close = getattr(changes, "close", None)
        if close is not None:
            close()
    what = "a record" if got is not None else "an empty list"
    return f"authenticated: {what} in {src.request_count() - before} request(s)"


def _check_sources(
    report: DoctorReport,
    cfg: Config,
    transport: httpx.BaseTransport | None,
    clock: Callable[[], float],
) -> None:
    probe_cfg = _probe_config(cfg)
    for sc in probe_cfg.sources:
        _check_clock(report, sc.name, str(sc.settings.get("base_url", "")), transport, clock)
        try:
            src = build_source(probe_cfg, sc, transport=transport)
        except ArchiverError as exc:
            report.add(f"source {sc.name}", FAIL, str(exc))
            continue
        try:
            for tenant in src.tenants():
                _attempt(
                    report,
                    f"source {sc.name}/{tenant}",
                    functools.partial(_first_record, src, tenant),
                )
        finally:
            src.close()


def _check_clock(
    report: DoctorReport,
    name: str,
    base_url: str,
    transport: httpx.BaseTransport | None,
    clock: Callable[[], float],
) -> None:
    """Our clock against the platform's ``Date`` header (any answer carries one)."""
    check = f"clock {name}"
    try:
        with httpx.Client(
            timeout=_PROBE_TIMEOUT_SECONDS, transport=transport, follow_redirects=False
        ) as client:
            before = clock()
            resp = client.get(base_url)
            after = clock()
    except (httpx.HTTPError, ValueError) as exc:
        report.add(check, SKIP, f"no answer from the platform ({type(exc).__name__})")
        return
    date = server_date(resp)
    if date is None:
        report.add(check, WARN, "the platform's answer has no valid Date header")
        return
    server = date.timestamp()
    # The header has whole seconds: any time in [before - 1, after] means no measurable skew.
    skew = server - after if server > after else min(0.0, server - (before - 1))
    text = f"platform clock {abs(skew):.1f} s {'ahead of' if skew > 0 else 'behind'} ours"
    if abs(skew) > SKEW_FAIL_SECONDS:
        report.add(check, FAIL, f"{text}: fix this machine's time sync (NTP)")
    elif abs(skew) > SKEW_WARN_SECONDS:
        report.add(check, WARN, text)
    else:
        report.add(check, PASS, f"within {SKEW_WARN_SECONDS:.0f} s of ours")


def _check_metrics(
    report: DoctorReport, cfg: Config, transport: httpx.BaseTransport | None
) -> None:
    """Where metrics go. A warning at worst: runs do not fail when metrics cannot be sent."""
    m = cfg.metrics
    if m.pushgateway_url:
        url = m.pushgateway_url.rstrip("/") + "/-/ready"
        try:
            with httpx.Client(timeout=_PROBE_TIMEOUT_SECONDS, transport=transport) as client:
                status = client.get(url).status_code
        except httpx.HTTPError as exc:
            report.add("metrics pushgateway", WARN, f"{redact_url(url)}: {type(exc).__name__}")
        else:
            ok = status == 200
            report.add(
                "metrics pushgateway", PASS if ok else WARN, f"{redact_url(url)}: HTTP {status}"
            )
    if m.textfile is not None:
        folder = m.textfile.parent
        writable = folder.is_dir() and os.access(folder, os.W_OK)
        report.add(
            "metrics textfile",
            PASS if writable else WARN,
            f"{folder} {'is writable' if writable else 'is not a writable folder'}",
        )
