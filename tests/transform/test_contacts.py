"""The keyed contact index: the same person found from however the request spells the value."""

from __future__ import annotations

import functools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.sources.base import Record
from archiver.timeutil import utcnow
from archiver.transform import contacts
from archiver.transform.contacts import ContactIndex, contact_key, normalise
from archiver.transform.policy import Policy, load_policy
from archiver.transform.pseudonym import Pseudonymizer

PSEUDO = Pseudonymizer(os.urandom(32))
REGIONS = ("DE", "TR")

local = st.from_regex(r"[a-z][a-z0-9._]{0,15}", fullmatch=True)
domain = st.from_regex(r"[a-z]{2,10}\.(com|de|org)", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(local, domain, st.sampled_from(["", " ", "\t"]), st.booleans())
def test_an_email_is_found_whatever_its_case_and_surrounding_space(
    user: str, host: str, pad: str, upper: bool
) -> None:
    address = f"{user}@{host}"
    typed = pad + (address.upper() if upper else address) + pad
    assert normalise("email", typed, REGIONS) == normalise("email", address, REGIONS)
    assert contact_key(PSEUDO, "email", normalise("email", typed, REGIONS) or "") == contact_key(
        PSEUDO, "email", address
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1_000_000, max_value=99_999_999), st.sampled_from([" ", "-", ""]))
def test_a_german_number_is_one_number_in_every_usual_spelling(n: int, sep: str) -> None:
    national = f"030{sep}{n}"
    international = f"+49{sep}30{sep}{n}"
    assert normalise("phone", national, REGIONS) == normalise("phone", international, REGIONS)
    assert normalise("phone", national, REGIONS) == f"+4930{n}"


def test_what_is_not_a_contact_is_not_indexed() -> None:
    assert normalise("email", "not an address", REGIONS) is None
    assert normalise("phone", "12", REGIONS) is None
    # Another kind of value never shares a key with an e-mail address.
    assert contact_key(PSEUDO, "email", "a@b.de") != contact_key(PSEUDO, "phone", "a@b.de")


def test_the_index_holds_keyed_values_of_the_policys_known_contact_fields() -> None:
    index = ContactIndex(load_policy(None), PSEUDO)
    now = utcnow()
    data = {
        "id": "u1",
        "firstName": "Ada",
        "email": "Ada@Example.com",
        "phoneNumber": "+49 30 1234567",
        "note": "other@example.com",  # not a field the policy marks as the person's own
    }
    user = Record(table="users", id="u1", data=data, created_at=now, changed_at=now, user_id="u1")
    index.learn("peki", user, "s" * 64)
    index.learn("peki", user, None)  # no subject: nothing learnt
    field = index.manifest_field()["contacts"]
    want = {
        contact_key(PSEUDO, "email", "ada@example.com"),
        contact_key(PSEUDO, "phone", "+49301234567"),
    }
    assert set(field) == want and all(v == ["s" * 64] for v in field.values())
    text = repr(field)
    assert "example" not in text.lower() and "1234567" not in text
    assert ContactIndex(load_policy(None), PSEUDO).manifest_field() == {}


def _users(values: list[tuple[str, str]]) -> list[Record]:
    now = utcnow()
    return [
        Record("users", f"u{i}", {"id": f"u{i}", "email": e, "phoneNumber": p}, now, now, f"u{i}")
        for i, (e, p) in enumerate(values)
    ]


def test_only_tables_with_contact_fields_are_wanted() -> None:
    """The run computes a record's subject id for the index only when its table can teach it
    something: Peki users carry e-mail and phone, their messages do not."""
    index = ContactIndex(load_policy(None), PSEUDO)
    assert index.wants("peki", "users")
    assert not index.wants("peki", "messages")
    assert not index.wants("no-such-platform", "users")


@functools.cache
def _default_policy() -> Policy:
    """Loaded once for the property below: loading builds the gazetteer (seconds), and neither
    the index nor the normalising changes the policy."""
    return load_policy(None)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a@x.de", "A@X.de ", "b@y.org", "no address", ""]),
            st.sampled_from(["030 1234567", "+49 30 1234567", "12", "0532 123 45 67", "x"]),
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=1, max_value=4),
)
def test_the_memo_of_keyed_contacts_changes_nothing_learnt(
    values: list[tuple[str, str]], memo: int
) -> None:
    """The same values learnt through a memo of any size (emptied when full) give the index
    each value's own normalised key gives."""
    policy = _default_policy()
    regions = tuple(policy.detectors.phone_regions)
    want: dict[str, set[str]] = {}
    for rec in _users(values):
        for kind, field in (("email", "email"), ("phone", "phoneNumber")):
            norm = normalise(kind, rec.data[field], regions)
            if norm:
                want.setdefault(contact_key(PSEUDO, kind, norm), set()).add("s-" + rec.id)
    saved = contacts.MEMO
    contacts.MEMO = memo
    try:
        index = ContactIndex(policy, PSEUDO)
        for rec in _users(values) + _users(values):  # each value again: from the memo
            index.learn("peki", rec, "s-" + rec.id)
    finally:
        contacts.MEMO = saved
    got = index.manifest_field().get("contacts", {})
    assert got == {k: sorted(v) for k, v in sorted(want.items())}
