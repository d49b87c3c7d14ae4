"""E-mail addresses as people write them besides ``local@domain``: an RFC 5322 quoted local
part (``"anna smith"@example.com``) and obfuscated spellings (``anna [at] example [dot] com``,
``anna at example dot com``), each also where the inference is wrong; and a company's role
address, which the default policy masks like any other. Also file-sharing links whose path
carries the token (``/s/<token>``)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archiver.transform import detectors
from archiver.transform.detectors import EMAIL, Detectors
from archiver.transform.policy import load_policy

DETECTORS = Detectors(load_policy().detectors)


def emails(text: str) -> list[tuple[str, str]]:
    """(written, value) of every address found."""
    return [(text[sp.start : sp.end], sp.value) for sp in DETECTORS.find(text) if sp.kind == EMAIL]


# --- quoted local parts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        '"angel gomez11"@telefonica.net',
        '"ngo ngochan"@yahoo.com.vn',
        '"jose_ramos"@gmail.com',
        '"john \\"jj\\" doe"@example.com',  # a quoted pair (backslash escape) inside
        '"müller, hans"@gmx.de',  # a comma is allowed inside the quotes
    ],
)
def test_quoted_local_part_is_masked_whole_with_its_quotes(address: str) -> None:
    text = f"nie dostałem zwrotu. écrivez à {address} pls"
    assert emails(text) == [(address, address.lower())]


@pytest.mark.parametrize(
    "text",
    [
        'he said "see you"@ 5pm at the door',  # "@ 5pm": no domain after the quotes
        'the "promo"@checkout banner is broken',  # no dot, no top-level domain
        'quote: "one\ntwo"@example.com',  # a quoted string does not span lines
    ],
)
def test_quoted_phrase_before_an_at_sign_is_no_address(text: str) -> None:
    assert all('"' not in written for written, _ in emails(text))


# --- obfuscated addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "address"),
    [
        ("dmitry1984 (at) mail dot ru", "dmitry1984@mail.ru"),
        ("ayusof [at] gmail [dot] com", "ayusof@gmail.com"),
        ("Njafari at Chmail dot Ir", "njafari@chmail.ir"),
        ("milos.jovanovic41(at)gmail dot com", "milos.jovanovic41@gmail.com"),
        ("lovely.bautista AT yahoo dot com dot ph", "lovely.bautista@yahoo.com.ph"),
        ("shirin dot hosseini @ gmail.com", "shirin.hosseini@gmail.com"),
        ("h [dot] chaudhry [at] yahoo.com", "h.chaudhry@yahoo.com"),
        ("nayra.huaman [at] çiçekçi dot com dot tr", "nayra.huaman@çiçekçi.com.tr"),
        ("bilal.malik72(at)xn--l-butikken-zcb dot dk", "bilal.malik72@xn--l-butikken-zcb.dk"),
        ("angel.gomez49+news (at) gmail [dot] com", "angel.gomez49+news@gmail.com"),
        ("Ronit.Biton AT Walla [dot] Co [dot] Il", "ronit.biton@walla.co.il"),
        ("jonaskoch @ t-online [dot] de", "jonaskoch@t-online.de"),
        ("maria.lopez arroba correo punto es", "maria.lopez@correo.es"),
        ("max {at} example {dot} org", "max@example.org"),
    ],
)
def test_obfuscated_address_is_masked_whole_as_the_address_it_spells(
    written: str, address: str
) -> None:
    text = f"no me llega el código !!\nwrite me at {written} 🙏"
    assert emails(text) == [(written, address)]


def test_obfuscated_and_plain_forms_of_an_address_get_one_value() -> None:
    """The keyed token is made from the value: both spellings must share it."""
    plain = emails("mail: anna.kowalska@wp.pl")
    spelled = emails("mail: anna dot kowalska [at] wp dot pl")
    assert [v for _, v in plain] == [v for _, v in spelled] == ["anna.kowalska@wp.pl"]


_WORDS = {"at", "dot", "arroba", "punto", "ponto", "punkt"}
# Labels that are no prose word: with the bare "at"/"dot" words those are taken as prose.
_LABEL = st.from_regex(r"[a-z][a-z0-9]{1,10}", fullmatch=True).filter(
    lambda w: w not in _WORDS and w not in detectors._OBF_PROSE
)


@settings(max_examples=60, deadline=None)
@given(
    local=st.lists(_LABEL, min_size=1, max_size=3),
    host=_LABEL,
    tld=st.sampled_from(["com", "net", "de", "fr", "com.tr", "co.uk", "io"]),
    at=st.sampled_from([" [at] ", "(at)", " (at) ", " {at} ", " @ ", " AT "]),
    dot=st.sampled_from([" dot ", " [dot] ", "[dot]", " (dot) ", "."]),
)
# once read whole as a name after the field key "contact" (lower-case words, one with a dot)
@example(local=["aa"], host="aa", tld="com", at=" AT ", dot=".")
@example(local=["aa"], host="aa", tld="com", at=" (at) ", dot=".")
def test_every_spelling_of_an_address_is_found_with_its_value(
    local: list[str], host: str, tld: str, at: str, dot: str
) -> None:
    written = dot.join(local) + at + host + dot + tld.replace(".", dot)
    text = f"contact: {written} thanks"
    assert emails(text) == [(written, ".".join(local) + "@" + host + "." + tld)]


@pytest.mark.parametrize(
    "text",
    [
        "look at the docs. com is where it starts",
        "meet at home dot com tonight",  # a prose word as the host: taken as prose
        "jobs at the dot com firms were cut",
        "I'm at google dot com now",
        "see you at 5 pm dot",
        "the parcel is at the depot.com.",  # "the" is prose
        "we stay at hotel.paradiso and pay at reception",  # last label not a top-level domain
    ],
)
def test_prose_with_at_and_dot_words_is_no_address(text: str) -> None:
    assert emails(text) == []


def test_inference_wrong_ways_are_as_documented() -> None:
    """An inference, wrong both ways (docs/MASKING.md): a real address on a host named by a
    prose word stays in clear, and prose that spells an address is masked."""
    assert emails("write anna at home dot com") == []
    assert emails("staff at apple dot com were cut") == [
        ("staff at apple dot com", "staff@apple.com")
    ]


def test_obfuscated_rule_runs_only_on_texts_holding_an_at_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def spy(text: str) -> list[detectors.Span]:
        calls.append(text)
        return []

    monkeypatch.setattr(detectors, "_obfuscated_emails", spy)
    DETECTORS.scan("my parcel never arrived, order 12345, please help")
    assert calls == []
    DETECTORS.scan("write me at anna [at] example [dot] com")
    assert calls == ["write me at anna [at] example [dot] com"]


def test_company_role_address_is_masked_by_default() -> None:
    """A business's role address is masked unless the policy lists its role
    (``email.keep_roles``, empty by default; tests/transform/test_struct10_roles.py has the
    option's cases)."""
    assert emails("To: support@example-shop.com\nFrom: anna@example.org") == [
        ("support@example-shop.com", "support@example-shop.com"),
        ("anna@example.org", "anna@example.org"),
    ]


# --- share links ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://dl.example-drive.com/s/aB3dE5fG7hJ9kL1/report.pdf?dl=1",
        "https://www.dropbox.com/s/k2x9q0v7m3z8p1w/invoice.pdf?dl=0",
        "https://app.box.com/s/qwertyuiop1234567890asdfghjklzx",
        "https://drive.google.com/file/d/1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVw/view",
        "https://files.example.org/share/Zx81Kq02Lm",
        "https://share.example.eu/d/69cdd3ef8bc463aadb2fc35d2552bab3",  # hex, one case
    ],
)
def test_share_link_token_masks_the_link(url: str) -> None:
    text = f"here is the file: {url} thanks"
    assert [(sp.kind, text[sp.start : sp.end]) for sp in DETECTORS.find(text)] == [("URL", url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example-shop.com/help/returns",
        "https://example.com/s/summer-sale-2025",  # a slug
        "https://example.com/d/products/shoes",
        "https://example.com/share/twitter",
        "https://example.com/s/20251205",  # digits only: a date, an id
        "https://example.com/s/Weihnachten",
        "https://example.com/s/abc123",  # shorter than ten
        "https://example.com/products/k2x9q0v7m3z8p1w",  # no share segment before it
    ],
)
def test_links_without_a_share_token_stay(url: str) -> None:
    assert DETECTORS.find(f"see {url} please") == []


def test_share_rule_inference_wrong_way_is_as_documented() -> None:
    """A product code after ``/s/`` (a shop's search path) is taken for a share token."""
    assert DETECTORS.url_is_secret("https://shop.example.com/s/iPhone15ProMax")
