"""Values that are not a person's by policy: a business's role addresses
(``detectors.email.keep_roles``, except at mail providers anyone opens a mailbox with,
``personal_domains``) and addresses of private, loopback and link-local networks
(``detectors.ip.keep_networks``, except an IPv6 address made from a MAC address). Each is an
inference, with the cases where it is wrong; a public address is masked wherever it stands.
Also: a file-sharing link's token in one letter case before the shared file's name."""

from __future__ import annotations

import ipaddress
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.errors import ConfigError
from archiver.transform.detectors import Detectors, known_values
from archiver.transform.policy import load_policy, parse_policy

DEFAULT_POLICY = resources.files("archiver").joinpath("policies", "default.yaml").read_bytes()
DETECTORS = Detectors(load_policy().detectors)


# The department and system roles of docs/MASKING.md's opt-in example (the default keeps none).
ROLES = [
    "support",
    "help",
    "helpdesk",
    "service",
    "services",
    "customerservice",
    "customer-service",
    "customercare",
    "customer.care",
    "care",
    "sales",
    "billing",
    "accounts",
    "accounting",
    "invoice",
    "invoices",
    "invoicing",
    "payments",
    "orders",
    "order",
    "returns",
    "refunds",
    "shipping",
    "delivery",
    "noreply",
    "no-reply",
    "no_reply",
    "donotreply",
    "do-not-reply",
    "do_not_reply",
    "notifications",
    "notification",
    "alerts",
    "mailer-daemon",
    "postmaster",
    "hostmaster",
    "webmaster",
    "abuse",
    "security",
    "privacy",
    "dpo",
    "gdpr",
    "legal",
    "compliance",
    "press",
    "media",
    "marketing",
    "newsletter",
    "careers",
    "jobs",
    "recruiting",
    "hr",
    "procurement",
    "purchasing",
    "partners",
    "feedback",
    "bounce",
    "bounces",
]


def found(text: str, detectors: Detectors = DETECTORS) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in detectors.find(text)]


def with_detectors(**changes: object) -> Detectors:
    doc = yaml.safe_load(DEFAULT_POLICY)
    for key, value in changes.items():
        doc["detectors"][key] = value
    return Detectors(parse_policy(yaml.safe_dump(doc).encode(), name="t.yaml").detectors)


# --- role addresses ----------------------------------------------------------------------------

PERSONAL_DOMAINS = yaml.safe_load(DEFAULT_POLICY)["detectors"]["email"]["personal_domains"]
KEEP = {"keep_roles": ROLES, "personal_domains": PERSONAL_DOMAINS}
ROLE_DETECTORS = with_detectors(email=KEEP)


def kept(text: str) -> list[tuple[str, str]]:
    return found(text, ROLE_DETECTORS)


def test_role_addresses_are_masked_by_default() -> None:
    assert found("To: support@example-shop.com") == [("EMAIL", "support@example-shop.com")]
    assert kept("To: support@example-shop.com") == []


def test_a_business_role_address_in_a_forwarded_header_is_kept_and_the_sender_masked() -> None:
    text = (
        "From: Rahul Das <rahul1975@yahoo.com>\nTo: support@example-shop.com\n"
        "Subject: Re: refund\n\norder never came"
    )
    emails = [value for kind, value in kept(text) if kind == "EMAIL"]
    assert emails == ["rahul1975@yahoo.com"]


@pytest.mark.parametrize(
    "address",
    ["billing@example-shop.com", "NoReply@Shop.Example", "support+4711@example-shop.com",
     "returns@shop.example.co.uk"],
)  # fmt: skip
def test_role_addresses_of_any_case_and_with_a_tag_are_kept(address: str) -> None:
    assert kept(f"write to {address} please") == []


@pytest.mark.parametrize(
    "address",
    ["anna.support@example-shop.com", "support.anna@example-shop.com", "sales1@example-shop.com",
     "supportteam@example-shop.com"],
)  # fmt: skip
def test_a_local_part_that_only_holds_a_role_word_is_masked(address: str) -> None:
    assert kept(f"write to {address} please") == [("EMAIL", address)]


@pytest.mark.parametrize("address", ["sales@gmail.com", "billing@yahoo.co.jp", "support@gmx.de"])
def test_a_role_local_part_at_a_mail_provider_is_a_persons_mailbox(address: str) -> None:
    assert kept(f"write to {address} please") == [("EMAIL", address)]


def test_roles_wrong_way_a_persons_address_that_looks_like_a_role_is_kept() -> None:
    # The inference is wrong here: a one-person shop's only address is "sales@" at its own
    # domain; the text cannot tell, so the address stays in clear (its domain too).
    assert kept("mail sales@annaschmidt-keramik.de for the invoice") == []


def test_a_persons_own_known_address_is_masked_even_when_it_looks_like_a_role() -> None:
    # what the platform says is the person's own is masked whatever it looks like
    known = known_values([("email", "sales@annaschmidt-keramik.de")], min_length=3, regions=("TR",))
    text = "mail sales@annaschmidt-keramik.de for the invoice"
    assert found_known(text, known) == [("EMAIL", "sales@annaschmidt-keramik.de")]


def found_known(text: str, known: object) -> list[tuple[str, str]]:
    return [(sp.kind, text[sp.start : sp.end]) for sp in ROLE_DETECTORS.find(text, known)]  # type: ignore[arg-type]


def test_roles_wrong_way_a_sole_traders_info_address_is_masked() -> None:
    # info@, contact@, hello@, office@ are left out of the default list on purpose: a sole
    # trader's one address; a company's info@ is masked needlessly.
    for address in ("info@annafoto.de", "contact@example-shop.com", "hello@example-shop.com"):
        assert kept(f"see {address}") == [("EMAIL", address)]


def test_a_role_address_spelled_with_at_and_dot_words_is_kept_too() -> None:
    assert kept("write to support at example-shop dot com") == []
    assert kept("write to anna at example-shop dot com") == [
        ("EMAIL", "anna at example-shop dot com")
    ]


def test_keep_roles_empty_masks_every_address() -> None:
    off = with_detectors(email={"keep_roles": []})
    assert found("To: support@example-shop.com", off) == [("EMAIL", "support@example-shop.com")]
    assert found("To: support@example-shop.com", with_detectors(email=True)) == [
        ("EMAIL", "support@example-shop.com")
    ]


def test_the_opt_in_example_of_the_masking_guide_is_valid_policy_and_keeps_these_roles() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "MASKING.md").read_text(encoding="utf-8")
    snippet = guide.split("      keep_roles:", 1)[1].split("```", 1)[0]
    assert yaml.safe_load("keep_roles:" + snippet)["keep_roles"] == ROLES


# --- private and reserved IP addresses ---------------------------------------------------------


def test_a_proxy_hop_in_x_forwarded_for_is_kept_and_the_client_masked() -> None:
    for client in ("185.62.178.37", "2a00:1e0d::9e44", "2601:15ee:c261:c131::4170"):
        text = f"X-Forwarded-For: {client}, 10.0.3.7"
        assert found(text) == [("IP", client)], text


@pytest.mark.parametrize(
    "address",
    ["10.0.3.7", "172.16.40.2", "172.31.255.254", "192.168.1.20", "127.0.0.1", "169.254.10.20",
     "fd12:3456:789a::1", "fe80::1", "fe80::1c2:3ff:fd45:6789"],
)  # fmt: skip
def test_private_loopback_and_link_local_addresses_are_kept(address: str) -> None:
    assert found(f"the router at {address} rebooted") == []


@pytest.mark.parametrize("address", ["172.32.0.1", "192.169.1.1", "11.0.0.1", "100.64.1.2"])
def test_addresses_beside_the_kept_networks_are_masked(address: str) -> None:
    assert found(f"login from {address} failed") == [("IP", address)]


def test_private_rule_wrong_way_an_eui64_link_local_address_is_masked() -> None:
    # an interface id made from a MAC address (ff:fe in its middle) names the device
    text = "from fe80::21a:2bff:fe3c:4d5e"
    assert found(text) == [("IP", "fe80::21a:2bff:fe3c:4d5e")]


def test_private_rule_wrong_way_an_employees_lan_address_is_kept() -> None:
    # The inference is wrong here: inside a company's network, its DHCP log ties 10.20.4.17 to
    # an employee's laptop; the address is kept in clear all the same.
    assert found("my laptop 10.20.4.17 cannot reach the VPN") == []


def test_keep_networks_empty_masks_every_address_and_bad_networks_are_refused() -> None:
    off = with_detectors(ip={"keep_networks": []})
    assert found("X-Forwarded-For: 1.2.3.4, 10.0.3.7", off) == [
        ("IP", "1.2.3.4"),
        ("IP", "10.0.3.7"),
    ]
    with pytest.raises(ConfigError, match=r"detectors\.ip\.keep_networks\[0\]"):
        with_detectors(ip={"keep_networks": ["10.0.0.0/33"]})


_PUBLIC_V4 = st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address).filter(lambda a: a.is_global)
_PUBLIC_V6 = (
    st.integers(0x2000 << 112, (0x3FFF << 112) - 1)
    .map(ipaddress.IPv6Address)
    .filter(lambda a: a.is_global)
)
_PRIVATE = st.sampled_from(["10.0.3.7", "192.168.0.1", "172.20.1.1", "127.0.0.1", "fd00::7"])


@settings(max_examples=200, deadline=None)
@given(
    public=st.one_of(_PUBLIC_V4, _PUBLIC_V6),
    private=_PRIVATE,
    template=st.sampled_from(
        ["X-Forwarded-For: {p}, {q}", "X-Forwarded-For: {q}, {p}", "{p} via {q}",
         '{{"client_ip":"{p}","proxy":"{q}"}}', "Ban {p} (sshd), gateway {q}"]
    ),
)  # fmt: skip
def test_a_public_address_is_masked_wherever_it_stands_beside_private_ones(
    public: ipaddress.IPv4Address | ipaddress.IPv6Address, private: str, template: str
) -> None:
    address = public.compressed
    text = template.format(p=address, q=private)
    ips = [value for kind, value in found(text) if kind == "IP"]
    assert ips == [address], text


# --- share links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://dl.example-drive.com/s/bzruwtqqakubblp/report.pdf?dl=1",
     "https://dl.example-drive.com/s/fCXgxLhxrybVlvR/report.pdf?dl=1"],
)  # fmt: skip
def test_a_share_token_of_letters_only_is_a_secret(url: str) -> None:
    text = f"[download]({url}) ??"
    assert found(text) == [("URL", url)]


@pytest.mark.parametrize(
    "url",
    ["https://shop.example.com/s/categories", "https://shop.example.com/s/Electronics",
     "https://shop.example.com/s/SummerSale", "https://www.example-shop.com/help/returns"],
)  # fmt: skip
def test_words_after_a_share_segment_are_no_token(url: str) -> None:
    assert found(f"see {url} lol") == []


def test_share_rule_wrong_way_a_word_before_a_file_name_masks_the_link() -> None:
    # The inference is wrong here: a ten-letter word in one case after /share/ with a file
    # name after it reads as a token, and the public link is replaced.
    url = "https://example.com/share/newsletter/2024.html"
    assert found(f"see {url}") == [("URL", url)]
