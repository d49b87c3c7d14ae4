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
from archiver.transform.policy import Policy
from archiver.transform.pseudonym import Pseudonymizer

KINDS = ("email", "phone")
MIN_PHONE_DIGITS = 6


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

    def learn(self, source_type: str, record: Record, subject_id: str | None) -> None:
        if subject_id is None or not self._policy.covers(source_type):
            return
        paths = self._policy.table(source_type, record.table).known_paths
        for path, kind in paths:
            if kind not in KINDS:
                continue
            for value in values_at(record.data, path):
                norm = normalise(kind, value, self._regions) if isinstance(value, str) else None
                if norm:
                    self._entries[contact_key(self._pseudo, kind, norm)].add(subject_id)

    def manifest_field(self) -> dict[str, Any]:
        """``{"contacts": {keyed contact: [subject ids]}}``, or nothing when nothing was learnt."""
        if not self._entries:
            return {}
        return {"contacts": {k: sorted(v) for k, v in sorted(self._entries.items())}}
