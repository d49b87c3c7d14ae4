"""A keyed index of people's e-mail addresses and phone numbers, to find them by either.

Access and erasure requests arrive by e-mail or phone; the archive knows people only by
pseudonym. The masking policy already marks each person's own contact fields
(``known: email`` / ``known: phone``); for every record a run commits, this index keeps
HMAC(pseudonym key) of each normalised value, pointing at the person's ``subject_id``. Nothing is
kept in clear, and without the pseudonym key nobody can test whether an address is in the
archive. The manifest of the run carries it as ``contacts`` (docs/FORMAT.md).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import phonenumbers

from archiver.sources.base import Record
from archiver.transform.mask import values_at
from archiver.transform.policy import Policy, Segment
from archiver.transform.pseudonym import Pseudonymizer

KINDS = ("email", "phone")
MIN_PHONE_DIGITS = 6
#: Contact values an index remembers the keyed form of (a person's profile is read once per
#: version, and phone numbers are the costly part: ``phonenumbers`` parses each).
MEMO = 4096


def normalise(kind: str, value: str, regions: tuple[str, ...]) -> str | None:
    """The form both the crawl and a lookup reduce a value to, or None when it is none.

    E-mail: trimmed and case-folded. Phone: E.164 when one of the policy's regions reads it
    as a possible number (``+49 30 1234567`` and ``030 1234567`` in region DE are the same),
    else its digits.
    """
    value = value.strip()
    if kind == "email":
        return value.casefold() if "@" in value else None
    if kind != "phone":
        raise ValueError(f"contact kind must be one of {KINDS}, not {kind!r}")
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return None  # an extension or a short code, not a number that names a person
    for region in regions or ("ZZ",):
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return digits


def contact_key(pseudo: Pseudonymizer, kind: str, normalised: str) -> str:
    """24 hex of HMAC(pseudonym key) of the normalised value, scoped by its kind."""
    return pseudo.record_key(f"contact-{kind}", normalised)


class ContactIndex:
    """What one stream's run learnt: keyed contact → the subject ids it belongs to."""

    def __init__(self, policy: Policy, pseudo: Pseudonymizer) -> None:
        self._policy = policy
        self._pseudo = pseudo
        self._regions = tuple(policy.detectors.phone_regions)
        self._entries: dict[str, set[str]] = defaultdict(set)
        self._paths: dict[tuple[str, str], tuple[tuple[tuple[Segment, ...], str], ...]] = {}
        self._keys: dict[tuple[str, str], str | None] = {}  # (kind, value) -> keyed, bounded

    def wants(self, source_type: str, table: str) -> bool:
        """Whether a record of this table can teach anything: the caller computes the
        record's subject id (an HMAC) only then. Raises as ``Policy.table`` for a covered
        platform's table without rules."""
        return bool(self._contact_paths(source_type, table))

    def _contact_paths(
        self, source_type: str, table: str
    ) -> tuple[tuple[tuple[Segment, ...], str], ...]:
        key = (source_type, table)
        paths = self._paths.get(key)
        if paths is None:
            if not self._policy.covers(source_type):
                paths = ()
            else:
                known = self._policy.table(source_type, table).known_paths
                paths = tuple((path, kind) for path, kind in known if kind in KINDS)
            self._paths[key] = paths
        return paths

    def learn(self, source_type: str, record: Record, subject_id: str | None) -> None:
        if subject_id is None:
            return
        for path, kind in self._contact_paths(source_type, record.table):
            for value in values_at(record.data, path):
                if not isinstance(value, str):
                    continue
                keyed = self._key(kind, value)
                if keyed is not None:
                    self._entries[keyed].add(subject_id)

    def _key(self, kind: str, value: str) -> str | None:
        """The keyed contact of a value as written, or None when it is none (memoised)."""
        memo = (kind, value)
        if memo in self._keys:
            return self._keys[memo]
        norm = normalise(kind, value, self._regions)
        keyed = contact_key(self._pseudo, kind, norm) if norm else None
        if len(self._keys) >= MEMO:
            self._keys.clear()
        self._keys[memo] = keyed
        return keyed

    def manifest_field(self) -> dict[str, Any]:
        """``{"contacts": {keyed contact: [subject ids]}}``, or nothing when nothing was learnt."""
        if not self._entries:
            return {}
        return {"contacts": {k: sorted(v) for k, v in sorted(self._entries.items())}}
