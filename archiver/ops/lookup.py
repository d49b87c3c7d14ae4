"""Whom or what a compliance command is about, looked up in the archive before anything is done.

``hold``, ``erase``, ``export`` and ``retrieve`` name a person (by platform user id, e-mail
address or phone number) or a session. A mistyped id must not succeed quietly on nothing, so
each one is looked up first, in the indexes committed manifests carry: ``subjects`` and
``sessions`` of every live object, and the keyed ``contacts`` index. No object is decrypted
for this, except masked objects written before the session index existed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from archiver.archive.catalog import ObjectEntry
from archiver.archive.reader import ArchiveReader
from archiver.config import Config
from archiver.context import Context
from archiver.errors import ArchiverError, ConfigError, UnknownTargetError
from archiver.sources.base import PlatformLookup
from archiver.sources.registry import build_source
from archiver.transform.contacts import contact_key, normalise

log = logging.getLogger(__name__)

BY_USER_ID = "user id"
BY_EMAIL = "e-mail address"
BY_PHONE = "phone number"


class Person:
    """One person as the archive can know them: their pseudonyms per platform type.

    Given by user id, the person has a pseudonym on every platform type (computed when asked,
    so a command reading one stream reads no other); found by e-mail or phone, only those the
    contact index names (two accounts sharing an address are both)."""

    def __init__(
        self,
        by: str,
        *,
        subjects: dict[str, frozenset[str]] | None = None,
        user_id: str | None = None,
        pseudonym: Callable[[str, str], str] | None = None,
        types: Callable[[], set[str]] | None = None,
        target: str = "",
        unindexed: tuple[str, ...] = (),
    ) -> None:
        self.by = by
        self.user_id = user_id
        self._subjects = subjects or {}
        self._pseudonym = pseudonym
        self._types = types
        #: Keyed, stable name of what was given (the hold id is derived from it).
        self.target = target
        #: Streams the lookup could not search (no contact index: written before it existed).
        self.unindexed = unindexed

    def of_type(self, source_type: str) -> frozenset[str]:
        if self.user_id is not None and self._pseudonym is not None:
            return frozenset({self._pseudonym(source_type, self.user_id)})
        return self._subjects.get(source_type, frozenset())

    @functools.cached_property
    def all_subjects(self) -> frozenset[str]:
        if self.user_id is not None and self._types is not None:
            return frozenset(s for t in self._types() for s in self.of_type(t))
        return frozenset(s for v in self._subjects.values() for s in v)

    def covered_by(self, entry: ObjectEntry) -> bool:
        """Whether the object's subject index names the person."""
        return entry.names_subject(self.all_subjects)


def source_types(ctx: Context) -> set[str]:
    """Platform types the config or the archive knows."""
    return {s.type for s in ctx.config.sources} | {
        head.stream.source_type for head in ctx.catalog.heads()
    }


def subject_ids(ctx: Context, user_id: str) -> list[str]:
    """The person's pseudonym on every platform type the config or the archive knows."""
    return sorted({ctx.pseudo.subject_id(t, user_id) for t in source_types(ctx)})


def session_key(ctx: Context, session_id: str) -> str:
    return ctx.pseudo.record_key("sessions", session_id)


def by_user_id(ctx: Context, user_id: str) -> Person:
    if not user_id.strip():
        raise ConfigError("--user-id: give the platform's user id of the person")
    return Person(
        BY_USER_ID,
        user_id=user_id,
        pseudonym=ctx.pseudo.subject_id,
        types=lambda: source_types(ctx),
        target=ctx.pseudo.record_key("holds", user_id),
    )


def by_contact(ctx: Context, kind: str, value: str) -> Person:
    """The people whose profile carried this e-mail address or phone number when archived."""
    regions = tuple(ctx.masker.policy.detectors.phone_regions)
    norm = normalise(kind, value, regions)
    what = BY_EMAIL if kind == "email" else BY_PHONE
    if norm is None:
        raise ConfigError(f"--{kind}: not a usable {what}")
    key = contact_key(ctx.pseudo, kind, norm)
    found: dict[str, set[str]] = {}
    unindexed = []
    for chain in ctx.catalog.chains(from_checkpoint=True):
        contacts = chain.contacts()
        if contacts is None:
            unindexed.append(chain.head.stream.name)
            continue
        for subject in contacts.get(key, ()):
            found.setdefault(chain.source_type, set()).add(subject)
    return Person(
        what,
        subjects={t: frozenset(v) for t, v in found.items()},
        target=ctx.pseudo.record_key("holds", f"{kind}:{norm}"),
        unindexed=tuple(unindexed),
    )


def person(
    ctx: Context,
    *,
    user_id: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> Person:
    given = [(k, v) for k, v in (("user-id", user_id), ("email", email), ("phone", phone)) if v]
    if len(given) != 1:
        raise ConfigError("name the person with exactly one of --user-id, --email and --phone")
    kind, value = given[0]
    return by_user_id(ctx, value) if kind == "user-id" else by_contact(ctx, kind, value)


def archived(ctx: Context, who: Person) -> bool:
    """Whether any live object's subject index names the person."""
    return bool(who.all_subjects) and any(who.covered_by(o) for o in ctx.catalog.live_entries())


def session_archived(ctx: Context, session_id: str) -> bool:
    """Whether the session is in a live object: by the session index, or (objects written
    before that index existed) by opening the masked copy."""
    index = session_key(ctx, session_id)
    legacy = []
    for entry in ctx.catalog.live_entries():
        if not entry.may_hold_session(index):
            continue
        if entry.sessions is not None:
            return True
        if not entry.sealed:
            legacy.append(entry)
    if not legacy:
        return False
    reader = ArchiveReader(ctx.store, verifier=ctx.verifier, masked=ctx.masked, sealed=None)
    forms = {session_id, index}
    return any(
        forms & set(reader.read_table(entry, columns=["session_id"]).column(0).to_pylist())
        for entry in legacy
    )


def unknown_person(
    who: Person, *, allow: str = "", where: str = "", platforms: PlatformAnswer | None = None
) -> UnknownTargetError:
    """The error for a person the archive does not know (the value itself is never shown)."""
    msg = f"no person with this {who.by} is in the archive{where}; nothing was changed"
    if who.unindexed:
        msg += (
            f" ({len(who.unindexed)} stream(s) were written before the contact index existed "
            "and could not be searched; look the person up by --user-id there)"
        )
    return _unknown(msg, allow, platforms)


def unknown_session(
    *, allow: str = "", where: str = "", platforms: PlatformAnswer | None = None
) -> UnknownTargetError:
    msg = f"no session with this id is in the archive{where}; nothing was changed"
    return _unknown(msg, allow, platforms)


def _unknown(msg: str, allow: str, platforms: PlatformAnswer | None) -> UnknownTargetError:
    hint = "ids are compared exactly: check the value"
    if platforms is not None and platforms.has:
        hint = "the platform has it: run the crawl (archiver run), then repeat"
    elif platforms is None:
        hint += " (lookup.ask_platforms: true also asks the platforms)"
    if platforms is not None:
        msg += platforms.note()
    return UnknownTargetError(msg, hint=hint + (f", or pass {allow}" if allow else ""))


# -- asking the platforms ----------------------------------------------------------------------


@dataclass(frozen=True)
class PlatformAnswer:
    """What the configured platforms said of an id the archive does not know, by source name
    (names come from the config and are no personal data)."""

    has: tuple[str, ...] = ()
    has_not: tuple[str, ...] = ()
    cannot_tell: tuple[str, ...] = ()
    unreachable: tuple[str, ...] = ()
    by_user_id_only: bool = False

    def note(self) -> str:
        def names(items: tuple[str, ...]) -> str:
            return ", ".join(repr(n) for n in items)

        if self.by_user_id_only:
            return "; the platforms are asked by user id only"
        parts = []
        if self.has:
            parts.append(f"the platform of {names(self.has)} has it: not archived yet")
        if self.has_not:
            parts.append(f"the platform of {names(self.has_not)} has not")
        if self.cannot_tell:
            parts.append(f"{names(self.cannot_tell)} cannot tell")
        if self.unreachable:
            parts.append(f"{names(self.unreachable)} could not be asked (see the log)")
        return "; " + "; ".join(parts) if parts else "; no platform is configured to ask"


def ask_platforms(
    cfg: Config,
    *,
    user_id: str | None = None,
    session_id: str | None = None,
    source: str | None = None,
) -> PlatformAnswer | None:
    """Ask each configured platform (every tenant) whether it has the user or session, where
    ``lookup.ask_platforms`` says so; ``None`` where it does not.

    A platform that cannot be reached does not fail the command: the answer says so, the log
    names the error's kind (never the id, which may be personal data).
    """
    if not cfg.lookup.ask_platforms:
        return None
    if user_id is None and session_id is None:
        return PlatformAnswer(by_user_id_only=True)
    has, has_not, cannot_tell, unreachable = [], [], [], []
    for sc in cfg.sources:
        if source is not None and sc.name != source:
            continue
        try:
            src = build_source(cfg, sc)
        except ArchiverError as exc:
            log.warning("source %s could not be asked: %s", sc.name, type(exc).__name__)
            unreachable.append(sc.name)
            continue
        try:
            answers = []
            if isinstance(src, PlatformLookup):
                for tenant in src.tenants():
                    if user_id is not None:
                        answers.append(src.knows_user(tenant, user_id))
                    else:
                        answers.append(src.knows_session(tenant, session_id or ""))
                    if answers[-1]:
                        break
        except ArchiverError as exc:
            log.warning("source %s could not be asked: %s", sc.name, type(exc).__name__)
            unreachable.append(sc.name)
            continue
        finally:
            src.close()
        if any(answers):
            has.append(sc.name)
        elif answers and all(a is False for a in answers):
            has_not.append(sc.name)
        else:
            cannot_tell.append(sc.name)
    return PlatformAnswer(tuple(has), tuple(has_not), tuple(cannot_tell), tuple(unreachable))
