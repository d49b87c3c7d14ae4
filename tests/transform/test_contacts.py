"""The keyed contact index: the same person found from however the request spells the value."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.sources.base import Record
from archiver.timeutil import utcnow
from archiver.transform.contacts import ContactIndex, contact_key, normalise
from archiver.transform.policy import load_policy
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
