"""Held-out bank 23: support traffic in 30 languages and 20 kinds of pasted document.

Written for this bank from the scoring interface alone (``bench/masking_quality.py``: a bank's
``corpus(n, seed)`` gives ``Conversation``s whose ``Text``s carry ``planted`` values, each with
its kind and class). Names come from ``bench/heldout_bank23_names.py``: the nine product
languages and 21 no earlier bank used, nine of them in their own script (Ossetian, Chechen and
Sakha Cyrillic, Ol Chiki, Meitei Mayek, the Cherokee syllabary, Syriac, N'Ko, Adlam) and, for
about a third of their speakers, romanised (class tag ``<lang>-Latn``).

What it holds
- about 70 % ordinary support traffic (``SUPPORT``) on the three platforms: a customer greets and
  introduces themselves in their own language (the rest of the message in the product language
  they write, ``BODY``), a bot answers, e-mail, phone, card, IBAN, a device's IP address or a
  link with a token are given, relatives are mentioned with their numbers, a human agent takes
  over, the customer signs off with their first name; the session record's free-text fields
  (``raw:summary``, ``raw:notes`` as JSON, ``raw:tags``, ``raw:feedback``) name them again;
- the rest in 20 situations no earlier bank used (``SITUATIONS``): webinar attendance CSVs,
  OCR'd business cards, fax cover sheets, thesis acknowledgements, emergency-contact forms,
  condolence messages, referral invites, OpenPGP user ids, ``.mailmap``/``git config`` lines,
  WHOIS records, Debian changelog trailers, MARC records, film credits, match reports,
  census household rows, reference letters, Slack user exports, Outlook contacts CSVs,
  dental appointment reminders and conference programmes; mostly in English with people of
  every language of the bank, a share of six of them in other product languages (``LOCAL``).

What counts as personal (kind, class ``<kind>/<lang or country>/<situation>/<detail>``)
- ``name``: first and last names of customers, agents, relatives, colleagues, authors, players,
  speakers, each token alone (a full name is planted as its two tokens); no diminutives,
  handles or bot persona names. CAPITALS and ``Last, First`` order where the format has them.
- ``email`` of persons; ``phone`` valid per ``phonenumbers`` in national, international or
  E.164 form, some with an extension, some possible but unassigned (international form, class
  ``.../intl-possible-unassigned``); the class tag of a phone is its region. ``card`` passing
  Luhn in real IIN ranges; ``iban`` passing mod-97 with its country's length (class tag: the
  country); ``ip`` of a device (global IPv4/IPv6); ``url`` carrying a secret (token, api key,
  signature, share id, credentials).
- ``decoy`` (class ``decoy/<lang>/<situation>/<sort>``, ``DECOY_SORTS``): order numbers,
  tracking codes, prices, dates, times, versions, case references, product names, streets and
  companies named after people, brand handles, ``name@1.2.3`` package specifiers, gift-card
  numbers failing Luhn, IBAN-shaped strings failing mod-97, flight numbers, ICD-10 codes, lot
  numbers, ISBNs and DOIs. No digit decoy but a date is a valid number in a region of the bank,
  and none of 13 to 19 digits passes Luhn.

Placement: every planted value occurs in its text exactly once, as a whole value (not inside a
longer word), no two overlap, and every text plants at least one value (``placed_ok``); a text
that would break this is written again with other picks.
"""

from __future__ import annotations

import ipaddress
import json
import random
import re
import string
import unicodedata
from functools import cache, partial
from itertools import pairwise
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bench.heldout_bank23_names import (
    BODY,
    CORE,
    NAMES,
    PHRASES,
    PHRASES_LATN,
    REGION,
    ROMAN,
)
from bench.heldout_corpus import Conversation, Person, Text

Planted = list[tuple[str, str, str]]

SUPPORT = "support"
SITUATIONS = (
    "webinar-attendance",
    "business-card",
    "fax-cover",
    "thesis-acknowledgements",
    "emergency-contact",
    "condolence",
    "referral-invite",
    "openpgp-uid",
    "mailmap",
    "whois",
    "debian-changelog",
    "marc-record",
    "film-credits",
    "match-report",
    "census-household",
    "reference-letter",
    "slack-export",
    "contacts-csv",
    "dental-reminder",
    "conference-programme",
)
DECOY_SORTS = (
    "order",
    "tracking",
    "price",
    "date",
    "time",
    "version",
    "case-ref",
    "product",
    "street",
    "company",
    "handle",
    "package",
    "gift-card",
    "iban-bad",
    "flight",
    "icd",
    "lot",
    "isbn",
    "doi",
)
LOCAL = {
    "condolence": ("de", "fr", "es"),
    "dental-reminder": ("nl", "pl"),
    "referral-invite": ("es", "pt", "it"),
    "emergency-contact": ("fr", "de"),
    "business-card": ("tr", "it"),
    "webinar-attendance": ("de", "nl"),
}
LANGS = tuple(NAMES)
SUPPORT_SHARE = 0.7
REGIONS = tuple(dict.fromkeys(REGION.values()))


def situation_of(t: Text) -> str:
    """The situation a text was written in: the third part of its values' classes."""
    return t.planted[0][2].split("/")[2]


# --- placement ------------------------------------------------------------------------------


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    if not t.planted:
        return False
    spans = []
    for _, value, _ in t.planted:
        if not value or value != value.strip():
            return False
        a = t.text.find(value)
        if a < 0 or t.text.find(value, a + 1) >= 0:
            return False
        b = a + len(value)
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(a2 >= b1 for (_, b1), (a2, _) in pairwise(spans))


# --- people -----------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {"ɛ": "e", "ɔ": "o", "ŋ": "ng", "ɖ": "d", "Ɖ": "d", "Ð": "d", "đ": "d", "ŧ": "t", "æ": "ae"}
    | {"ø": "o", "ß": "ss", "ł": "l", "Ł": "l", "ı": "i", "ɲ": "ny", "Ɲ": "ny", "ñ": "n"}
)
_DOMAINS = (
    "gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "gmx.de", "web.de",
    "orange.fr", "free.fr", "libero.it", "sapo.pt", "hotmail.es", "ziggo.nl", "wp.pl", "o2.pl",
    "yandex.ru", "mail.ru", "hotmail.co.uk", "posteo.net", "laposte.net", "telenet.be",
    "online.no", "bigpond.com", "connect.com.fj", "tigo.com.py", "entel.bo", "ug.edu.gh",
    "uonbi.ac.ke", "hotmail.fr", "zoho.com", "fastmail.com", "tutanota.com",
)  # fmt: skip


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(ch for ch in s.lower() if ch in string.ascii_lowercase)


def _email(rng: random.Random, first: str, last: str) -> str:
    f, la = _ascii(first) or "x", _ascii(last) or "y"
    local = rng.choice(
        (
            f"{f}.{la}",
            f"{f}{la}",
            f"{f[0]}.{la}",
            f"{f}_{la}",
            f"{la}.{f}",
            f"{f}{rng.randrange(10, 99)}",
            f"{f}.{la}+{rng.choice(('shop', 'bank', 'news'))}",
            f"{la}{f[0]}{rng.randrange(1, 9)}",
        )
    )
    return f"{local}@{rng.choice(_DOMAINS)}"


class _Who:
    """A person of the bank: their names as written, romanised for e-mail, tag and region."""

    def __init__(self, rng: random.Random, lang: str | None = None, latn: bool | None = None):
        self.base = lang or rng.choice(LANGS)
        gi = rng.randrange(len(NAMES[self.base][0]))
        fi = rng.randrange(len(NAMES[self.base][1]))
        if self.base in ROMAN:
            self.latn = rng.random() < 0.35 if latn is None else latn
            rg, rf = ROMAN[self.base][0][gi], ROMAN[self.base][1][fi]
        else:
            self.latn = False
            rg, rf = NAMES[self.base][0][gi], NAMES[self.base][1][fi]
        src = ROMAN[self.base] if self.latn else NAMES[self.base]
        self.first, self.last = src[0][gi], src[1][fi]
        self.tag = f"{self.base}-Latn" if self.latn else self.base
        self._rng = rng
        self._roman = (rg, rf)
        self._email: str | None = None
        self.region = REGION[self.base]
        self._number: phonenumbers.PhoneNumber | None = None

    @property
    def email(self) -> str:
        """The person's e-mail address, made up when first written."""
        if self._email is None:
            self._email = _email(self._rng, *self._roman)
        return self._email

    @property
    def number(self) -> phonenumbers.PhoneNumber:
        """The person's mobile number, drawn when first written."""
        if self._number is None:
            self._number = _valid_number(self._rng, self.region)
        return self._number

    @property
    def e164(self) -> str:
        return phonenumbers.format_number(self.number, PhoneNumberFormat.E164)

    def person(self) -> Person:
        written = phonenumbers.format_number(self.number, PhoneNumberFormat.INTERNATIONAL)
        return Person(self.tag, self.first, self.last, self.email, self.e164, written, self.region)


# --- structured values ------------------------------------------------------------------------


@cache
def _example(region: str, kind: int) -> phonenumbers.PhoneNumber | None:
    return phonenumbers.example_number_for_type(region, kind)


def _valid_number(
    rng: random.Random, region: str, kind: int = PhoneNumberType.MOBILE
) -> phonenumbers.PhoneNumber:
    ex = _example(region, kind) or _example(region, PhoneNumberType.MOBILE)
    assert ex is not None, region
    nsn = phonenumbers.national_significant_number(ex)
    k = min(6, len(nsn) - 2)
    for _ in range(300):
        cand = nsn[:-k] + str(rng.randrange(10**k)).zfill(k)
        num = phonenumbers.PhoneNumber(
            country_code=ex.country_code,
            national_number=int(cand),
            italian_leading_zero=True if cand.startswith("0") else None,
        )
        if phonenumbers.is_valid_number_for_region(num, region):
            return num
    return ex


_UNASSIGNED_REGIONS = ("GB", "DE", "FR", "NL", "PL", "ES", "IT", "TR", "NO", "GH", "KE", "PH")


def _unassigned(rng: random.Random) -> tuple[str, str]:
    """A number of the right length for its country that no range is assigned to."""
    while True:
        region = rng.choice(_UNASSIGNED_REGIONS)
        cc = phonenumbers.country_code_for_region(region)
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        length = rng.choice(tuple(meta.general_desc.possible_length))
        nsn = rng.choice("123456789") + _n(rng, length - 1)
        cut = rng.choice((2, 3, 4))
        value = f"+{cc} {nsn[:cut]} {nsn[cut:]}"
        try:
            num = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return value, region


def _written(rng: random.Random, num: phonenumbers.PhoneNumber, form: str) -> str:
    if form == "national":
        return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if form == "e164":
        return phonenumbers.format_number(num, PhoneNumberFormat.E164)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    if form == "intl-ext":
        return f"{intl}{rng.choice((' ext. ', ' ext '))}{rng.randrange(10, 9999)}"
    return intl


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def _luhn_ok(digits: str) -> bool:
    return _luhn_digit(digits[:-1]) == digits[-1]


_IIN = (
    ("visa", lambda r: "4" + str(r.randrange(10**4, 10**5)), 16),
    ("mastercard", lambda r: str(r.randrange(51, 56)), 16),
    ("mastercard", lambda r: str(r.randrange(2221, 2721)), 16),
    ("amex", lambda r: r.choice(("34", "37")), 15),
    ("discover", lambda r: "6011", 16),
    ("jcb", lambda r: str(r.randrange(3528, 3590)), 16),
    ("unionpay", lambda r: "62" + str(r.randrange(10, 99)), 16),
)


def _card(rng: random.Random) -> tuple[str, str]:
    brand, prefix, length = rng.choice(_IIN)
    body = prefix(rng)
    body += _n(rng, length - 1 - len(body))
    digits = body + _luhn_digit(body)
    style = rng.choice(("space", "dash", "compact"))
    if style == "compact":
        return digits, brand
    sep = " " if style == "space" else "-"
    cuts = (4, 10, 15) if length == 15 else (4, 8, 12, 16)
    parts, last = [], 0
    for c in cuts:
        parts.append(digits[last:c])
        last = c
    return sep.join(parts), brand


def _n(rng: random.Random, k: int) -> str:
    return str(rng.randrange(10**k)).zfill(k)


def _a(rng: random.Random, k: int) -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=k))


def _mod11_no(body: str) -> str | None:
    w = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    r = 11 - sum(int(d) * x for d, x in zip(body, w, strict=True)) % 11
    return None if r == 10 else str(r % 11)


def _bban(rng: random.Random, cc: str) -> str:
    if cc == "GB":
        return _a(rng, 4) + _n(rng, 14)
    if cc == "NL":
        return _a(rng, 4) + _n(rng, 10)
    if cc == "IT":
        return _a(rng, 1) + _n(rng, 10) + _n(rng, 12)
    if cc == "FR":
        bank, branch, acct = _n(rng, 5), _n(rng, 5), _n(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        return f"{bank}{branch}{acct}{key:02d}"
    if cc == "BE":
        body = _n(rng, 10)
        chk = int(body) % 97 or 97
        return f"{body}{chk:02d}"
    if cc == "NO":
        while True:
            body = _n(rng, 10)
            chk = _mod11_no(body)
            if chk is not None:
                return body + chk
    if cc == "TR":
        return _n(rng, 5) + "0" + _n(rng, 16)
    if cc == "CH":
        return _n(rng, 5) + _n(rng, 12)
    lengths = {"DE": 18, "ES": 20, "PT": 21, "PL": 24, "SE": 20, "AT": 16}
    return _n(rng, lengths[cc])


def _iban_check(cc: str, bban: str) -> int:
    moved = bban + cc + "00"
    return 98 - int("".join(str(int(ch, 36)) for ch in moved)) % 97


def _group(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def _iban(rng: random.Random, cc: str, *, valid: bool = True) -> str:
    bban = _bban(rng, cc)
    chk = _iban_check(cc, bban)
    if not valid:  # any other pair of check digits fails mod-97
        chk = 2 + (chk - 2 + rng.randrange(1, 97)) % 97
    compact = f"{cc}{chk:02d}{bban}"
    return _group(compact) if rng.random() < 0.6 else compact


IBAN_COUNTRY = {lang: REGION[lang] for lang in CORE} | {
    "oc": "FR", "se": "NO", "tw": "GB", "ee": "BE", "bm": "FR", "ki": "GB", "rn": "BE",
    "to": "GB", "fj": "GB", "gn": "ES", "ay": "ES", "ilo": "IT", "os": "DE", "ce": "AT",
    "sah": "DE", "sat": "GB", "mni": "GB", "chr": "CH", "aii": "SE", "nqo": "FR", "ff": "BE",
}  # fmt: skip


def _ip(rng: random.Random) -> tuple[str, str]:
    while True:
        if rng.random() < 0.7:
            value = ".".join(str(rng.randrange(1, 255)) for _ in range(4))
            fam = "v4"
        else:
            groups = [f"2a0{rng.randrange(0, 10)}"] + [
                f"{rng.randrange(0, 0x10000):x}" for _ in range(rng.choice((3, 7)))
            ]
            value = ":".join(groups) if len(groups) == 8 else ":".join(groups) + "::" + "1"
            fam = "v6"
        if ipaddress.ip_address(value).is_global:
            return value, fam


_B62 = string.ascii_letters + string.digits
_HOSTS = (
    "app.quillpay.example", "portal.brightcare.example", "my.tellerbox.example",
    "files.northwind.example", "api.kopano-shop.example", "accounts.veloria.example",
)  # fmt: skip


def _url(rng: random.Random) -> tuple[str, str]:
    host = rng.choice(_HOSTS)
    hx = f"{rng.getrandbits(160):040x}"
    b = "".join(rng.choices(_B62, k=28))
    return rng.choice(
        (
            (f"https://{host}/account/reset?token={hx[:32]}", "token"),
            (f"https://{host}/v2/export?api_key={b}", "api-key"),
            (f"https://{host}/s/{b[:24]}/statement.pdf", "share"),
            (f"https://svc-{rng.randrange(1, 99)}:{b[:14]}@{host}/feed", "credentials"),
            (f"https://{host}/invite/accept?code={b[:12]}&sig={hx}", "signature"),
            (f"https://{host}/dl/report.zip?X-Amz-Signature={hx}", "signature"),
        )
    )


# --- decoys -----------------------------------------------------------------------------------


_MAX_LEN = {
    r: max(phonenumbers.PhoneMetadata.metadata_for_region(r).general_desc.possible_length)
    for r in REGIONS
}


@cache
def _quiet(value: str) -> bool:
    """No region of the bank reads it as a valid number; 13-19 digits fail Luhn."""
    digits = re.sub(r"[\s().\-/+]", "", value)
    if not digits.isdigit() or len(digits) < 7:
        return True
    if 13 <= len(digits) <= 19 and _luhn_ok(digits):
        return False
    for region in REGIONS:
        if len(digits) > _MAX_LEN[region] + 3 and not digits.startswith(("0", "8")):
            continue  # longer than any number of the region with its national prefix
        try:
            num = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return False
    return True


_MONTHS = ("January", "March", "April", "June", "July", "September", "October", "November")
_PRODUCTS = (
    "Galaxy A54", "ThinkPad X1 Carbon", "Kindle Paperwhite", "AirPods Pro", "Pixel 8a",
    "Fairphone 5", "Dyson V15", "Tolino Vision 6", "Nintendo Switch OLED", "Roomba j7",
)  # fmt: skip
_STREETS = (
    "Rue Victor Hugo", "Kwame Nkrumah Avenue", "Calle Blas de Lezo", "Via Giuseppe Garibaldi",
    "Avenida Eusebio Ayala", "Nelson Mandela Boulevard", "Rembrandtplein", "Goethestraße",
    "ulica Marii Curie", "Atatürk Bulvarı", "Rua Almirante Reis", "Jomo Kenyatta Highway",
    "Patrice Lumumba Street", "Avenue Modibo Keita", "Mahatma Gandhi Road",
    "Avenue Frédéric Mistral",
)  # fmt: skip
_COMPANIES = (
    "Michelin", "Peugeot", "Porsche", "Ferrero", "Heineken", "Philips", "Boeing", "Dassault",
    "Barilla", "Lavazza", "Johnson & Johnson", "Siemens", "Bosch", "Ford", "Renault",
)  # fmt: skip
_HANDLES = (
    "@AcmeHelp", "@kpn_webcare", "@QuillPaySupport", "@BrightCareUK", "@tellerbox_es",
    "@NorthwindCares", "@veloria_status",
)  # fmt: skip
_PACKAGES = (
    "lodash", "express", "moment", "chalk", "react", "axios", "debug", "yargs", "django",
    "requests", "@sentry/node", "left-pad", "marcus", "jasmine", "karma",
)  # fmt: skip


def _isbn(rng: random.Random) -> str:
    body = "978" + rng.choice(("0", "1", "2", "3", "84", "88", "90", "83")) + _n(rng, 5)
    body = body + _n(rng, 12 - len(body))
    chk = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    s = body + str(chk)
    return f"{s[:3]}-{s[3]}-{s[4:8]}-{s[8:12]}-{s[12]}"


def _decoy_value(rng: random.Random, sort: str) -> str:
    if sort == "order":
        return rng.choice(
            (
                f"ORD-{_n(rng, 8)}",
                f"#{_n(rng, 7)}",
                f"A{_n(rng, 3)}-{_n(rng, 5)}",
                rng.choice(_pool("order-digits")),
            )
        )
    if sort == "order-digits":
        return f"{rng.choice('123456789')}{_n(rng, 10)}"
    if sort == "tracking":
        return rng.choice((f"1Z{_a(rng, 3)}{_n(rng, 3)}{_n(rng, 10)}", f"JJD{_n(rng, 15)}"))
    if sort == "price":
        return rng.choice(
            (
                f"€{rng.randrange(5, 999)},{rng.randrange(100):02d}",
                f"£{rng.randrange(5, 999)}.{rng.randrange(100):02d}",
                f"USD {rng.randrange(1, 9)},{rng.randrange(100, 999)}.00",
            )
        )
    if sort == "date":
        y, m, d = rng.randrange(2024, 2028), rng.randrange(1, 13), rng.randrange(1, 29)
        return rng.choice(
            (f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{rng.choice(_MONTHS)} {d}, {y}")
        )
    if sort == "time":
        return rng.choice((f"{rng.randrange(7, 20)}:{rng.randrange(0, 60):02d}", "9:05 am"))
    if sort == "version":
        return rng.choice(
            (f"v{rng.randrange(1, 9)}.{rng.randrange(0, 20)}.{rng.randrange(0, 9)}", "Android 14")
        )
    if sort == "case-ref":
        return rng.choice(
            (f"CASE-2026-{_n(rng, 6)}", f"INC{_n(rng, 7)}", f"SR-{_a(rng, 2)}{_n(rng, 5)}")
        )
    if sort == "product":
        return rng.choice(_PRODUCTS)
    if sort == "street":
        return rng.choice(_STREETS)
    if sort == "company":
        return rng.choice(_COMPANIES)
    if sort == "handle":
        return rng.choice(_HANDLES)
    if sort == "package":
        major, minor, patch = rng.randrange(1, 20), rng.randrange(0, 30), rng.randrange(0, 10)
        return f"{rng.choice(_PACKAGES)}@{major}.{minor}.{patch}"
    if sort == "gift-card":
        body = rng.choice(("6035", "6393", "7777", "9800")) + _n(rng, 12)
        if _luhn_ok(body):
            body = body[:-1] + str((int(body[-1]) + 1) % 10)
        return _group(body)
    if sort == "iban-bad":
        return _iban(rng, rng.choice(("DE", "FR", "NL", "ES", "GB", "BE")), valid=False)
    if sort == "flight":
        airline = rng.choice(("TK", "LH", "KL", "AF", "ET", "KQ", "FJ"))
        return f"{airline}{rng.choice(('', ' '))}{rng.randrange(100, 2999)}"
    if sort == "icd":
        return rng.choice(("J45.909", "E11.9", "M54.5", "K21.0", "I10", "F41.1", "S93.4"))
    if sort == "lot":
        return f"LOT {rng.randrange(10, 99)}{_a(rng, 1)}{_n(rng, 3)}"
    if sort == "isbn":
        return _isbn(rng)
    if sort == "doi":
        journal = rng.choice(("jcs", "ajs", "ling", "nar"))
        return f"10.{rng.randrange(1000, 9999)}/{journal}.{_n(rng, 7)}"
    raise ValueError(sort)


@cache
def _pool(sort: str) -> tuple[str, ...]:
    """Digit decoys checked once against every region, drawn from a fixed seed."""
    rng, out = random.Random(f"bank23-pool/{sort}"), []
    while len(out) < _POOL_SIZE[sort]:
        value = _decoy_value(rng, sort)
        if _quiet(value):
            out.append(value)
    return tuple(out)


_POOL_SIZE = {"gift-card": 200, "isbn": 120, "order-digits": 80}
_POOLED = ("gift-card", "isbn")


def _decoy(rng: random.Random, sort: str) -> str:
    if sort in _POOLED:
        return rng.choice(_pool(sort))
    for _ in range(50):
        value = _decoy_value(rng, sort)
        if sort == "date" or _quiet(value):
            return value
    raise RuntimeError(sort)


# --- writing a text ---------------------------------------------------------------------------


class _C:
    """Plants values into one text of a situation, written in ``lang``."""

    def __init__(self, rng: random.Random, sit: str, lang: str):
        self.rng, self.sit, self.lang = rng, sit, lang
        self.planted: Planted = []

    def _p(self, kind: str, value: str, tag: str, detail: str) -> str:
        self.planted.append((kind, value, f"{kind}/{tag}/{self.sit}/{detail}"))
        return value

    def first(self, w: _Who, role: str, caps: bool = False) -> str:
        return self._p("name", w.first.upper() if caps else w.first, w.tag, role)

    def last(self, w: _Who, role: str, caps: bool = False) -> str:
        return self._p("name", w.last.upper() if caps else w.last, w.tag, role)

    def full(self, w: _Who, role: str, caps: bool = False) -> str:
        return f"{self.first(w, role, caps)} {self.last(w, role, caps)}"

    def rev(self, w: _Who, role: str, caps: bool = False) -> str:
        last = self.last(w, role, caps)
        return f"{last}, {self.first(w, role)}"

    def email(self, w: _Who, detail: str = "plain") -> str:
        return self._p("email", w.email, w.tag, detail)

    def phone(self, w: _Who | None = None, form: str | None = None, fixed: bool = False) -> str:
        rng = self.rng
        if form is None:
            form = rng.choice(("national", "intl", "intl", "e164", "intl-ext"))
            if rng.random() < 0.08:
                form = "intl-possible-unassigned"
        if form == "intl-possible-unassigned":
            value, region = _unassigned(rng)
            return self._p("phone", value, region, form)
        region = w.region if w else rng.choice(REGIONS)
        if w is not None and not fixed and form != "intl-ext":
            num = w.number
        else:
            kind = PhoneNumberType.FIXED_LINE if fixed or form == "intl-ext" else 1
            num = _valid_number(rng, region, kind)
        if form == "whois":
            value = f"+{num.country_code}.{phonenumbers.national_significant_number(num)}"
        else:
            value = _written(rng, num, form)
        return self._p("phone", value, region, form)

    def card(self, w: _Who) -> str:
        value, brand = _card(self.rng)
        return self._p("card", value, w.tag, brand)

    def iban(self, w: _Who) -> str:
        cc = IBAN_COUNTRY[w.base]
        value = _iban(self.rng, cc)
        return self._p("iban", value, cc, "grouped" if " " in value else "compact")

    def ip(self, w: _Who) -> str:
        value, fam = _ip(self.rng)
        return self._p("ip", value, w.tag, fam)

    def url(self, w: _Who) -> str:
        value, sort = _url(self.rng)
        return self._p("url", value, w.tag, sort)

    def d(self, sort: str, value: str | None = None) -> str:
        return self._p("decoy", value or _decoy(self.rng, sort), self.lang, sort)


def _text(rng: random.Random, sit: str, lang: str, where: str, write: Any) -> Text:
    """One text, written again with other picks until its values are placed soundly."""
    for _ in range(25):
        c = _C(rng, sit, lang)
        t = Text(write(c), c.planted, where)
        if placed_ok(t):
            return t
    raise RuntimeError(f"{sit}: no sound placement")


def _fill(c: _C, template: str, slots: dict[str, Any]) -> str:
    if template[:1].islower():
        template = template[0].upper() + template[1:]
    return re.sub(r"\{([A-Z]+)\}", lambda m: slots[m.group(1)](), template)


# --- support traffic --------------------------------------------------------------------------

_BODY: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "gift": ("My gift card {GIFT} is rejected at checkout.",),
        "badiban": (
            "The IBAN {BADIBAN} doesn't pass the check, could you type it again, {FIRST}?",
        ),
        "issue": (
            "I was charged twice for order {ORDER} and need one payment back.",
            "my {PRODUCT} arrived broken, order {ORDER}.",
            "I can't log in since {DATE}.",
        ),
        "ask": (
            "Thanks, {FIRST}. Could you confirm the e-mail address on your account?",
            "Hi {FIRST}! I'm Nova, the virtual assistant. Which e-mail did you sign up with?",
        ),
        "email": ("It's {EMAIL}.", "Sure: {EMAIL}, and please don't write to my old address."),
        "phone": ("You can reach me on {PHONE} after 5pm.", "Call me back on {PHONE} please."),
        "iban": ("Please refund it to {IBAN}, that's my current account.", "IBAN: {IBAN}"),
        "card": ("The charge was on my card {CARD}, expiry 09/28.", "Card used: {CARD}"),
        "rel": (
            "My sister {RFIRST} {RLAST} may call too, her number is {RPHONE}.",
            "If I don't answer, try my husband {RFIRST} on {RPHONE}.",
        ),
        "agent": (
            "Hi {FIRST}, I'm {AFIRST} {ALAST} from the billing team and I'm taking over.",
            "Hello {FIRST}, {AFIRST} here, a human this time. I've read the chat so far.",
        ),
        "confirm": (
            "Done, {FIRST}: {PRICE} will be back on your account by {DATE}.",
            "Thanks {FIRST}, case {CASE} is open and order {ORDER} is on hold.",
        ),
        "url": (
            "The reset link you sent doesn't work: {URL}",
            "This is the link from the e-mail, is it safe? {URL}",
        ),
        "ip": (
            "If it helps, the router shows my public address as {IP}.",
            "Your app says it blocked {IP}, that's my home connection.",
        ),
        "feedback": (
            "{AFIRST} was patient and fixed it in ten minutes.",
            "Slow bot, but {AFIRST} sorted order {ORDER} quickly. 4/5",
        ),
    },
    "de": {
        "gift": ("Meine Geschenkkarte {GIFT} wird an der Kasse abgelehnt.",),
        "badiban": ("Die IBAN {BADIBAN} ist ungültig, {FIRST}, bitte noch einmal eingeben.",),
        "issue": (
            "meine Bestellung {ORDER} wurde doppelt abgebucht.",
            "mein {PRODUCT} ist defekt angekommen (Bestellung {ORDER}).",
            "ich komme seit dem {DATE} nicht mehr in mein Konto.",
        ),
        "ask": (
            "Danke, {FIRST}. Können Sie mir die E-Mail-Adresse Ihres Kontos nennen?",
            "Hallo {FIRST}! Mit welcher E-Mail-Adresse haben Sie sich registriert?",
        ),
        "email": ("Die Adresse ist {EMAIL}.", "Klar: {EMAIL}"),
        "phone": ("Sie erreichen mich unter {PHONE}.", "Bitte rufen Sie mich zurück: {PHONE}"),
        "iban": ("Bitte erstatten Sie den Betrag auf {IBAN}.", "Meine IBAN: {IBAN}"),
        "card": ("Abgebucht wurde von meiner Karte {CARD}.", "Karte: {CARD}, gültig bis 11/27"),
        "rel": (
            "Meine Schwester {RFIRST} {RLAST} ruft eventuell auch an, ihre Nummer ist {RPHONE}.",
            "Falls ich nicht erreichbar bin: mein Mann {RFIRST}, {RPHONE}.",
        ),
        "agent": (
            "Guten Tag {FIRST}, hier ist {AFIRST} {ALAST} vom Kundenservice, ich übernehme.",
            "Hallo {FIRST}, {AFIRST} hier – ich habe den bisherigen Chat gelesen.",
        ),
        "confirm": (
            "Erledigt, {FIRST}: {PRICE} werden bis {DATE} gutgeschrieben.",
            "Danke {FIRST}, Vorgang {CASE} ist angelegt.",
        ),
        "url": ("Der Link aus der Mail funktioniert nicht: {URL}",),
        "ip": ("Der Router zeigt als öffentliche Adresse {IP}.",),
        "feedback": ("{AFIRST} war sehr geduldig, danke!", "Bestellung {ORDER}: {AFIRST} top."),
    },
    "fr": {
        "gift": ("Ma carte cadeau {GIFT} est refusée au paiement.",),
        "badiban": ("L'IBAN {BADIBAN} n'est pas valide, {FIRST}, pouvez-vous le ressaisir ?",),
        "issue": (
            "ma commande {ORDER} a été débitée deux fois.",
            "mon {PRODUCT} est arrivé cassé, commande {ORDER}.",
            "je n'arrive plus à me connecter depuis le {DATE}.",
        ),
        "ask": (
            "Merci, {FIRST}. Pouvez-vous confirmer l'adresse e-mail de votre compte ?",
            "Bonjour {FIRST} ! Avec quelle adresse e-mail vous êtes-vous inscrit ?",
        ),
        "email": ("C'est {EMAIL}.", "Oui : {EMAIL}"),
        "phone": ("Vous pouvez me joindre au {PHONE}.", "Rappelez-moi au {PHONE} svp."),
        "iban": ("Merci de rembourser sur {IBAN}.", "Mon IBAN pour le remboursement : {IBAN}"),
        "card": ("Le débit a été fait sur ma carte {CARD}.", "Carte utilisée : {CARD}"),
        "rel": (
            "Ma sœur {RFIRST} {RLAST} vous appellera peut-être, son numéro est le {RPHONE}.",
            "Si je ne réponds pas, essayez mon fils {RFIRST} au {RPHONE}.",
        ),
        "agent": (
            "Bonjour {FIRST}, je suis {AFIRST} {ALAST} du service client, je prends le relais.",
            "Bonjour {FIRST}, ici {AFIRST}, j'ai lu la conversation.",
        ),
        "confirm": (
            "C'est fait, {FIRST} : {PRICE} seront recrédités d'ici le {DATE}.",
            "Merci {FIRST}, le dossier {CASE} est ouvert.",
        ),
        "url": ("Le lien reçu ne marche pas : {URL}",),
        "ip": ("La box indique l'adresse publique {IP}.",),
        "feedback": (
            "{AFIRST} a été très patient, merci.",
            "Commande {ORDER} réglée par {AFIRST}.",
        ),
    },
    "es": {
        "gift": ("Mi tarjeta regalo {GIFT} da error al pagar.",),
        "badiban": ("El IBAN {BADIBAN} no es válido, {FIRST}, ¿puede escribirlo de nuevo?",),
        "issue": (
            "me cobraron dos veces el pedido {ORDER}.",
            "mi {PRODUCT} llegó roto, pedido {ORDER}.",
            "no puedo entrar en mi cuenta desde el {DATE}.",
        ),
        "ask": (
            "Gracias, {FIRST}. ¿Puede confirmar el correo electrónico de su cuenta?",
            "¡Hola {FIRST}! ¿Con qué correo se registró?",
        ),
        "email": ("Es {EMAIL}.", "Claro: {EMAIL}"),
        "phone": ("Pueden llamarme al {PHONE}.", "Mi móvil es el {PHONE}."),
        "iban": ("Por favor, devuélvanlo a {IBAN}.", "Mi IBAN para el reembolso: {IBAN}"),
        "card": ("El cargo fue en mi tarjeta {CARD}.", "Tarjeta: {CARD}"),
        "rel": (
            "Mi hermana {RFIRST} {RLAST} también puede llamar, su número es {RPHONE}.",
            "Si no contesto, llamen a mi marido {RFIRST} al {RPHONE}.",
        ),
        "agent": (
            "Hola {FIRST}, soy {AFIRST} {ALAST} del equipo de facturación y sigo yo.",
            "Buenas {FIRST}, le atiende {AFIRST}; ya he leído la conversación.",
        ),
        "confirm": (
            "Listo, {FIRST}: le devolvemos {PRICE} antes del {DATE}.",
            "Gracias {FIRST}, la incidencia {CASE} está abierta.",
        ),
        "url": ("El enlace del correo no funciona: {URL}",),
        "ip": ("El router dice que mi IP pública es {IP}.",),
        "feedback": ("{AFIRST} fue muy amable.", "Pedido {ORDER} resuelto por {AFIRST}, gracias."),
    },
    "it": {
        "gift": ("La mia carta regalo {GIFT} viene rifiutata.",),
        "badiban": ("L'IBAN {BADIBAN} non è valido, {FIRST}, può riscriverlo?",),
        "issue": (
            "l'ordine {ORDER} mi è stato addebitato due volte.",
            "il mio {PRODUCT} è arrivato rotto, ordine {ORDER}.",
            "non riesco ad accedere dal {DATE}.",
        ),
        "ask": (
            "Grazie, {FIRST}. Può confermare l'indirizzo e-mail dell'account?",
            "Ciao {FIRST}! Con quale e-mail si è registrato?",
        ),
        "email": ("È {EMAIL}.", "Certo: {EMAIL}"),
        "phone": ("Potete chiamarmi al {PHONE}.", "Il mio cellulare è {PHONE}."),
        "iban": ("Per favore rimborsate su {IBAN}.", "IBAN per il rimborso: {IBAN}"),
        "card": ("L'addebito è sulla carta {CARD}.", "Carta: {CARD}"),
        "rel": (
            "Mia sorella {RFIRST} {RLAST} potrebbe chiamarvi, il suo numero è {RPHONE}.",
            "Se non rispondo, provate mio figlio {RFIRST} al {RPHONE}.",
        ),
        "agent": (
            "Buongiorno {FIRST}, sono {AFIRST} {ALAST} dell'assistenza clienti, proseguo io.",
            "Salve {FIRST}, sono {AFIRST}: ho letto la chat.",
        ),
        "confirm": (
            "Fatto, {FIRST}: {PRICE} le saranno riaccreditati entro il {DATE}.",
            "Grazie {FIRST}, la pratica {CASE} è aperta.",
        ),
        "url": ("Il link della mail non funziona: {URL}",),
        "ip": ("Il router mostra l'indirizzo pubblico {IP}.",),
        "feedback": ("{AFIRST} è stato gentilissimo.", "Ordine {ORDER} risolto da {AFIRST}."),
    },
    "pt": {
        "gift": ("O meu cartão-presente {GIFT} é recusado no pagamento.",),
        "badiban": ("O IBAN {BADIBAN} não é válido, {FIRST}, pode escrevê-lo de novo?",),
        "issue": (
            "a encomenda {ORDER} foi cobrada duas vezes.",
            "o meu {PRODUCT} chegou partido, encomenda {ORDER}.",
            "não consigo entrar na conta desde {DATE}.",
        ),
        "ask": (
            "Obrigado, {FIRST}. Pode confirmar o e-mail da sua conta?",
            "Olá {FIRST}! Com que e-mail se registou?",
        ),
        "email": ("É {EMAIL}.", "Claro: {EMAIL}"),
        "phone": ("Podem ligar-me para o {PHONE}.", "O meu telemóvel é {PHONE}."),
        "iban": ("Por favor, reembolsem para {IBAN}.", "IBAN para o reembolso: {IBAN}"),
        "card": ("A cobrança foi no cartão {CARD}.", "Cartão: {CARD}"),
        "rel": (
            "A minha irmã {RFIRST} {RLAST} também pode ligar, o número dela é {RPHONE}.",
            "Se eu não atender, liguem ao meu marido {RFIRST} para o {RPHONE}.",
        ),
        "agent": (
            "Bom dia {FIRST}, sou {AFIRST} {ALAST} do apoio ao cliente e sigo eu.",
            "Olá {FIRST}, fala {AFIRST}; já li a conversa.",
        ),
        "confirm": (
            "Feito, {FIRST}: {PRICE} serão devolvidos até {DATE}.",
            "Obrigado {FIRST}, o processo {CASE} está aberto.",
        ),
        "url": ("O link do e-mail não funciona: {URL}",),
        "ip": ("O router mostra o IP público {IP}.",),
        "feedback": ("{AFIRST} foi muito prestável.", "Encomenda {ORDER} resolvida por {AFIRST}."),
    },
    "tr": {
        "gift": ("Hediye kartım {GIFT} ödemede reddediliyor.",),
        "badiban": ("{FIRST}, {BADIBAN} geçersiz görünüyor, IBAN'ı tekrar yazar mısınız?",),
        "issue": (
            "{ORDER} numaralı siparişim iki kez tahsil edildi.",
            "{PRODUCT} kırık geldi, sipariş {ORDER}.",
            "{DATE} tarihinden beri hesabıma giremiyorum.",
        ),
        "ask": (
            "Teşekkürler {FIRST}. Hesabınızdaki e-posta adresini doğrular mısınız?",
            "Merhaba {FIRST}! Hangi e-posta ile kayıt oldunuz?",
        ),
        "email": ("Adresim {EMAIL}.", "Tabii: {EMAIL}"),
        "phone": ("Bana {PHONE} numarasından ulaşabilirsiniz.", "Cep numaram {PHONE}."),
        "iban": ("İadeyi lütfen {IBAN} hesabına yapın.", "İade için IBAN: {IBAN}"),
        "card": ("Ödeme {CARD} numaralı kartımdan çekildi.", "Kart: {CARD}"),
        "rel": (
            "Kız kardeşim {RFIRST} {RLAST} de arayabilir, numarası {RPHONE}.",
            "Ulaşamazsanız eşim {RFIRST} ile {RPHONE} numarasından görüşün.",
        ),
        "agent": (
            "Merhaba {FIRST}, ben müşteri hizmetlerinden {AFIRST} {ALAST}, görüşmeyi devralıyorum.",
            "İyi günler {FIRST}, ben {AFIRST}; yazışmayı okudum.",
        ),
        "confirm": (
            "Tamamdır {FIRST}: {PRICE} en geç {DATE} tarihinde iade edilecek.",
            "Teşekkürler {FIRST}, {CASE} kaydı açıldı.",
        ),
        "url": ("E-postadaki bağlantı çalışmıyor: {URL}",),
        "ip": ("Modem genel IP adresimi {IP} olarak gösteriyor.",),
        "feedback": (
            "{AFIRST} çok yardımcı oldu.",
            "Sipariş {ORDER} sorunu {AFIRST} sayesinde çözüldü.",
        ),
    },
    "nl": {
        "gift": ("Mijn cadeaukaart {GIFT} wordt geweigerd bij het afrekenen.",),
        "badiban": ("De IBAN {BADIBAN} klopt niet, {FIRST}, wilt u hem opnieuw typen?",),
        "issue": (
            "bestelling {ORDER} is twee keer afgeschreven.",
            "mijn {PRODUCT} is kapot aangekomen, bestelling {ORDER}.",
            "ik kan sinds {DATE} niet meer inloggen.",
        ),
        "ask": (
            "Bedankt, {FIRST}. Kunt u het e-mailadres van uw account bevestigen?",
            "Hoi {FIRST}! Met welk e-mailadres heeft u zich aangemeld?",
        ),
        "email": ("Het is {EMAIL}.", "Zeker: {EMAIL}"),
        "phone": ("U kunt mij bereiken op {PHONE}.", "Mijn mobiele nummer is {PHONE}."),
        "iban": ("Graag terugstorten op {IBAN}.", "Mijn IBAN voor de terugbetaling: {IBAN}"),
        "card": ("Het bedrag is van mijn kaart {CARD} afgeschreven.", "Kaart: {CARD}"),
        "rel": (
            "Mijn zus {RFIRST} {RLAST} belt misschien ook, haar nummer is {RPHONE}.",
            "Als ik niet opneem, bel dan mijn zoon {RFIRST} op {RPHONE}.",
        ),
        "agent": (
            "Goedemiddag {FIRST}, u spreekt met {AFIRST} {ALAST} van de klantenservice.",
            "Hallo {FIRST}, {AFIRST} hier, ik heb het gesprek doorgelezen.",
        ),
        "confirm": (
            "Geregeld, {FIRST}: {PRICE} staat uiterlijk {DATE} weer op uw rekening.",
            "Dank u, {FIRST}, zaak {CASE} is aangemaakt.",
        ),
        "url": ("De link uit de mail werkt niet: {URL}",),
        "ip": ("Het modem geeft als publiek adres {IP}.",),
        "feedback": (
            "{AFIRST} was erg geduldig.",
            "Bestelling {ORDER} snel opgelost door {AFIRST}.",
        ),
    },
    "pl": {
        "gift": ("Moja karta podarunkowa {GIFT} jest odrzucana przy płatności.",),
        "badiban": ("IBAN {BADIBAN} jest nieprawidłowy, {FIRST}, proszę wpisać go ponownie.",),
        "issue": (
            "zamówienie {ORDER} zostało pobrane dwa razy.",
            "mój {PRODUCT} przyszedł uszkodzony, zamówienie {ORDER}.",
            "od {DATE} nie mogę się zalogować.",
        ),
        "ask": (
            "Dziękuję, {FIRST}. Czy może Pan/Pani potwierdzić adres e-mail konta?",
            "Dzień dobry, {FIRST}! Na jaki adres e-mail założono konto?",
        ),
        "email": ("To {EMAIL}.", "Jasne: {EMAIL}"),
        "phone": ("Proszę dzwonić pod numer {PHONE}.", "Mój numer komórki to {PHONE}."),
        "iban": ("Proszę o zwrot na {IBAN}.", "Numer konta do zwrotu: {IBAN}"),
        "card": ("Obciążono moją kartę {CARD}.", "Karta: {CARD}"),
        "rel": (
            "Moja siostra {RFIRST} {RLAST} też może dzwonić, jej numer to {RPHONE}.",
            "Jeśli nie odbiorę, proszę dzwonić do męża, {RFIRST}, pod {RPHONE}.",
        ),
        "agent": (
            "Dzień dobry, {FIRST}, tu {AFIRST} {ALAST} z obsługi klienta, przejmuję rozmowę.",
            "Witam, {FIRST}, z tej strony {AFIRST}; przeczytałem rozmowę.",
        ),
        "confirm": (
            "Gotowe, {FIRST}: {PRICE} wróci na konto do {DATE}.",
            "Dziękuję, {FIRST}, zgłoszenie {CASE} jest otwarte.",
        ),
        "url": ("Link z maila nie działa: {URL}",),
        "ip": ("Router pokazuje publiczny adres {IP}.",),
        "feedback": (
            "{AFIRST} był bardzo cierpliwy.",
            "Zamówienie {ORDER} załatwione przez {AFIRST}.",
        ),
    },
}


def _phrases(w: _Who) -> tuple[str, str, str, str]:
    return PHRASES_LATN[w.base] if w.latn else PHRASES[w.base]


def _profile(platform: str, w: _Who) -> dict[str, Any]:
    if platform == "peki":
        return {
            "firstName": w.first,
            "lastName": w.last,
            "email": w.email,
            "phone": w.e164,
            "locale": w.base,
        }
    if platform == "kore":
        tags = [
            {"name": "email", "value": w.email},
            {"name": "phone", "value": w.e164},
            {"name": "firstName", "value": w.first},
            {"name": "lastName", "value": w.last},
        ]
        return {"tags": {"userTags": tags}, "channel": "rtm"}
    return {"user_info": {"name": f"{w.first} {w.last}", "email": w.email, "phone": w.e164}}


def _support(rng: random.Random) -> Conversation:
    w = _Who(rng)
    body = BODY[w.base]
    tpl = _BODY[body]
    agent = _Who(rng, lang=rng.choice((*CORE, *CORE, *LANGS)))
    rel = _Who(rng, lang=w.base, latn=w.latn)
    if {agent.first, agent.last} & {w.first, w.last}:
        raise RuntimeError("agent shares a name with the customer")
    hello, my_name, thanks, bye = _phrases(w)
    sit = SUPPORT
    texts: list[Text] = []

    def slots(c: _C, echo: str = "echo", arole: str = "agent") -> dict[str, Any]:
        return {
            "FIRST": lambda: c.first(w, echo),
            "EMAIL": lambda: c.email(w),
            "PHONE": lambda: c.phone(w),
            "IBAN": lambda: c.iban(w),
            "CARD": lambda: c.card(w),
            "URL": lambda: c.url(w),
            "IP": lambda: c.ip(w),
            "RFIRST": lambda: c.first(rel, "third"),
            "RLAST": lambda: c.last(rel, "third"),
            "RPHONE": lambda: c.phone(rel),
            "AFIRST": lambda: c.first(agent, arole),
            "ALAST": lambda: c.last(agent, arole),
            "ORDER": lambda: c.d("order"),
            "PRODUCT": lambda: c.d("product"),
            "DATE": lambda: c.d("date"),
            "PRICE": lambda: c.d("price"),
            "CASE": lambda: c.d("case-ref"),
            "GIFT": lambda: c.d("gift-card"),
            "BADIBAN": lambda: c.d("iban-bad"),
        }

    def say(slot: str, where: str, lang: str, echo: str = "echo") -> None:
        def write(c: _C) -> str:
            return _fill(c, rng.choice(tpl[slot]), slots(c, echo))

        texts.append(_text(rng, sit, lang, f"message:{where}", write))

    def intro(c: _C) -> str:
        if rng.random() < 0.7:
            who = f"{c.first(w, 'intro')} {c.last(w, 'intro')}"
        else:
            who = c.first(w, "intro")
        issue = _fill(c, rng.choice(tpl["issue"]), slots(c))
        return f"{hello}! {my_name.format(who)}. {issue}"

    texts.append(_text(rng, sit, w.base, "message:user", intro))
    say("ask", "bot", body)
    say("email", "user", w.base)
    extra = ["phone", rng.choice(("iban", "card")), "rel", "url", "ip", "gift", "badiban"]
    for slot in rng.sample(extra, rng.randrange(2, 5)):
        say(slot, "bot" if slot == "badiban" else "user", body if slot == "badiban" else w.base)
    if rng.random() < 0.6:
        say("confirm", "bot", body)
    if rng.random() < 0.7:
        say("agent", "agent", body)

    def signoff(c: _C) -> str:
        if rng.random() < 0.6:
            return f"{thanks}! {bye},\n{c.first(w, 'signoff')}"
        return f"{thanks}. {bye} – {c.first(w, 'signoff')} {c.last(w, 'signoff')}"

    texts.append(_text(rng, sit, w.base, "message:user", signoff))

    def summary(c: _C) -> str:
        who = f"{c.first(w, 'raw-summary')} {c.last(w, 'raw-summary')}"
        more = rng.choice(
            (
                lambda: f"refund of {c.d('price')} to {c.iban(w)}",
                lambda: f"callback requested on {c.phone(w)}",
                lambda: f"replacement {c.d('product')} sent, tracking {c.d('tracking')}",
                lambda: f"faulty batch {c.d('lot')}, refund {c.d('price')} approved",
            )
        )()
        return (
            f"Customer {who} ({c.email(w)}) reported a problem with order {c.d('order')}; "
            f"{more}. Handled by {c.first(agent, 'raw-summary')}."
        )

    def notes(c: _C) -> str:
        rec: dict[str, Any] = {"customer": c.full(w, "raw-json")}
        if rng.random() < 0.7:
            rec["callback"] = c.phone(w, rng.choice(("e164", "intl")))
        rec["agent"] = c.full(agent, "raw-json")
        if rng.random() < 0.5:
            rec["device_ip"] = c.ip(w)
        rec["case"] = c.d("case-ref")
        if rng.random() < 0.4:
            rec["app"] = c.d("version")
        elif rng.random() < 0.4:
            rec["sdk"] = c.d("package")
        return json.dumps(rec, ensure_ascii=False)

    def tags(c: _C) -> str:
        parts = ["billing", f"lang:{w.tag}", rng.choice(("refund", "login", "damaged"))]
        parts.append(f"agent:{c.first(agent, 'raw-tags')}")
        if rng.random() < 0.5:
            parts.append(f"flight:{c.d('flight')}" if rng.random() < 0.3 else c.d("handle"))
        return ", ".join(parts)

    def feedback(c: _C) -> str:
        return _fill(c, rng.choice(tpl["feedback"]), slots(c, arole="raw-feedback"))

    for where, write, p in (
        ("raw:summary", summary, 0.8),
        ("raw:notes", notes, 0.8),
        ("raw:tags", tags, 0.6),
        ("raw:feedback", feedback, 0.5),
    ):
        if rng.random() < p:
            texts.append(_text(rng, sit, "en" if where != "raw:feedback" else body, where, write))
    platform = rng.choice(("peki", "kore", "selise"))
    return Conversation(platform, w.person(), _profile(platform, w), texts)


# --- situations -------------------------------------------------------------------------------


def _others(rng: random.Random, k: int) -> list[_Who]:
    return [_Who(rng) for _ in range(k)]


def _webinar(rng: random.Random, c: _C, w: _Who) -> str:
    head = {
        "en": "Attendee Name,Email,Join Time,Leave Time,Duration (Minutes)",
        "de": "Name des Teilnehmers,E-Mail,Beitrittszeit,Austrittszeit,Dauer (Minuten)",
        "nl": "Naam deelnemer,E-mail,Binnengekomen,Vertrokken,Duur (minuten)",
    }[c.lang]
    rows = [head]
    for x in [w, *_others(rng, rng.randrange(1, 3))]:
        rows.append(f"{c.full(x, 'attendee')},{c.email(x)},{c.d('time')},,{rng.randrange(5, 90)}")
    return f"Webinar ID,{c.d('case-ref')}\nTopic,Quarterly product update\n" + "\n".join(rows)


def _business_card(rng: random.Random, c: _C, w: _Who) -> str:
    title = {
        "en": "Senior Account Manager",
        "tr": "Kıdemli Müşteri Temsilcisi",
        "it": "Responsabile commerciale",
    }[c.lang]
    tel = {"en": "T", "tr": "Tel", "it": "Tel."}[c.lang]
    caps = rng.random() < 0.5
    lines = [
        f"{c.first(w, 'card', caps)} {c.last(w, 'card', caps)}",
        title,
        f"{c.d('company')} Group",
        f"{rng.randrange(2, 120)} {c.d('street')}",
        f"{tel} {c.phone(w, 'intl', fixed=True)}",
        f"M {c.phone(w, rng.choice(('intl', 'national')))}",
        f"E {c.email(w)}  |  www.quillpay.example",
    ]
    return "Scanned card (OCR):\n" + "\n".join(lines)


def _fax(rng: random.Random, c: _C, w: _Who) -> str:
    (x,) = _others(rng, 1)
    caps = rng.random() < 0.4
    to = "TO" if caps else "To"
    return (
        f"FAX COVER SHEET\n{to}: {c.full(x, 'recipient', caps)}\n"
        f"Fax: {c.phone(x, 'intl', fixed=True)}\nFrom: {c.full(w, 'sender')}\n"
        f"Phone: {c.phone(w)}\nDate: {c.d('date')}\nPages: 3 (including cover)\n"
        f"Re: claim {c.d('case-ref')}\n"
        "The pages that follow are confidential and meant for the addressee only."
    )


def _thesis(rng: random.Random, c: _C, w: _Who) -> str:
    sup, dr, partner = _others(rng, 3)
    mum, dad = _Who(rng, lang=w.base, latn=w.latn), _Who(rng, lang=w.base, latn=w.latn)
    return (
        "Acknowledgements\n\n"
        f"I am deeply grateful to my supervisor, Prof. {c.full(sup, 'supervisor')}, for years "
        f"of patience, and to Dr {c.full(dr, 'colleague')} for reading every draft. My "
        f"parents, {c.first(mum, 'parent')} and {c.first(dad, 'parent')}, never asked when I "
        f"would finish; {c.first(partner, 'partner')} proofread chapter 3 twice. This work was "
        f"funded under grant {c.d('case-ref')}; chapter 2 appeared as {c.d('doi')}.\n\n"
        f"{c.full(w, 'author')}"
    )


def _emergency(rng: random.Random, c: _C, w: _Who) -> str:
    x = _Who(rng, lang=w.base, latn=w.latn)
    (y,) = _others(rng, 1)
    lab = {
        "en": ("EMERGENCY CONTACT FORM", "Employee", "Primary contact", "Relationship",
               "Mobile", "Secondary contact", "Phone", "E-mail", "sister", "Known condition"),
        "fr": ("FICHE CONTACT D'URGENCE", "Salarié", "Personne à prévenir", "Lien",
               "Portable", "Second contact", "Téléphone", "Courriel", "sœur", "Pathologie connue"),
        "de": ("NOTFALLKONTAKT", "Mitarbeiter/in", "Kontaktperson", "Beziehung", "Mobil",
               "Zweiter Kontakt", "Telefon", "E-Mail", "Bruder", "Bekannte Erkrankung"),
    }[c.lang]  # fmt: skip
    return (
        f"{lab[0]}\n{lab[1]}: {c.rev(w, 'employee', rng.random() < 0.5)}\n"
        f"{lab[2]}: {c.full(x, 'contact')}\n{lab[3]}: {lab[8]}\n{lab[4]}: {c.phone(x)}\n"
        f"{lab[5]}: {c.full(y, 'contact')}\n{lab[6]}: {c.phone(y, 'intl-ext')}\n"
        f"{lab[7]}: {c.email(y)}\n{lab[9]}: {c.d('icd')}\nRef. {c.d('order')}"
    )


def _condolence(rng: random.Random, c: _C, w: _Who) -> str:
    (x,) = _others(rng, 1)
    dead = _Who(rng, lang=w.base, latn=w.latn)
    f = c.first(w, "recipient")
    d = f"{c.first(dead, 'deceased')} {c.last(dead, 'deceased')}"
    date = c.d("date")
    if c.lang == "de":
        body = (
            f"Liebe/r {f},\nmit großer Trauer haben wir vom Tod deiner Mutter {d} am {date} "
            "erfahren. Wir denken an dich und deine Familie.\nIn stillem Gedenken,\n"
        )
    elif c.lang == "fr":
        body = (
            f"Chère {f},\nc'est avec une profonde tristesse que j'ai appris le décès de ton "
            f"père, {d}, le {date}. Je pense très fort à vous tous.\nJe t'embrasse,\n"
        )
    elif c.lang == "es":
        body = (
            f"Querida {f}:\nsiento muchísimo la pérdida de tu madre, {d}, el {date}. Aquí "
            "estamos para lo que necesites.\nUn abrazo fuerte,\n"
        )
    else:
        body = (
            f"Dear {f},\nI was so sorry to hear that your father, {d}, passed away on {date}. "
            "He was always kind to us. Thinking of you all.\nWith love,\n"
        )
    return body + c.full(x, "sender")


def _referral(rng: random.Random, c: _C, w: _Who) -> str:
    who, link, gift, until = c.full(w, "referrer"), c.url(w), c.d("price"), c.d("date")
    return {
        "en": f"{who} invited you to QuillPay! Sign up with their link and you both get "
        f"{gift}: {link}\nOffer valid until {until}.",
        "es": f"{who} te ha invitado a QuillPay. Regístrate con su enlace y los dos recibís "
        f"{gift}: {link}\nOferta válida hasta el {until}.",
        "pt": f"{who} convidou-te para a QuillPay! Regista-te com o link e ganham os dois "
        f"{gift}: {link}\nVálido até {until}.",
        "it": f"{who} ti ha invitato su QuillPay! Iscriviti con il suo link e riceverete "
        f"entrambi {gift}: {link}\nOfferta valida fino al {until}.",
    }[c.lang]


def _openpgp(rng: random.Random, c: _C, w: _Who) -> str:
    (x,) = _others(rng, 1)
    fpr = f"{rng.getrandbits(160):040X}"
    comment = rng.choice(("work", "signing key", "Debian", "personal"))
    return (
        f"$ gpg --list-keys\npub   rsa4096 {c.d('date')} [SC]\n      {fpr}\n"
        f"uid           [ultimate] {c.full(w, 'uid')} ({comment}) <{c.email(w)}>\n"
        f"sub   rsa4096 [E]\n\npub   ed25519 [SC]\n      {fpr[::-1]}\n"
        f"uid           [ unknown] {c.full(x, 'uid')} <{c.email(x)}>"
    )


def _mailmap(rng: random.Random, c: _C, w: _Who) -> str:
    x, y = _others(rng, 2)
    old = _email(rng, "old", x.last if not x.latn else "x")
    return (
        f"# .mailmap\n{c.full(w, 'committer')} <{c.email(w)}>\n"
        f"{c.full(x, 'committer')} <{c.email(x)}> <{c._p('email', old, x.tag, 'old')}>\n\n"
        f'$ git config --global user.name "{c.full(y, "committer")}"\n'
        f"$ git config --global user.email {c.email(y)}\n$ git --version\n"
        f"git version {c.d('version', f'2.{rng.randrange(30, 48)}.{rng.randrange(0, 5)}')}"
    )


def _whois(rng: random.Random, c: _C, w: _Who) -> str:
    (x,) = _others(rng, 1)
    dom = f"{_ascii(w.last) or 'family'}-{rng.randrange(10, 99)}.example"
    return (
        f"Domain Name: {dom}\nRegistry Domain ID: {c.d('order')}\n"
        f"Creation Date: {c.d('date')}\nRegistrant Name: {c.full(w, 'registrant')}\n"
        f"Registrant Street: {rng.randrange(1, 200)} {c.d('street')}\n"
        f"Registrant Phone: {c.phone(w, 'whois')}\nRegistrant Email: {c.email(w)}\n"
        f"Admin Name: {c.full(x, 'admin')}\nAdmin Email: {c.email(x)}"
    )


def _debian(rng: random.Random, c: _C, w: _Who) -> str:
    (x,) = _others(rng, 1)
    pkg = rng.choice(("libkopano", "quillsync", "tellerbox-cli", "northwind-tools"))
    ver = f"{rng.randrange(1, 5)}.{rng.randrange(0, 20)}.{rng.randrange(0, 9)}-1"
    day = rng.randrange(1, 29)
    hour, minute = rng.randrange(8, 20), rng.randrange(10, 60)
    stamp = f"Mon, {day:02d} Dec 2026 {hour:02d}:{minute}:07 +0100"
    return (
        f"{pkg} ({c.d('version', ver)}) unstable; urgency=medium\n\n"
        f"  * New upstream release.\n  * Fix crash on long locale names "
        f"(Closes: #{rng.randrange(900000, 1100000)}).\n"
        f"  * Thanks to {c.full(x, 'contributor')} for the patch.\n"
        f"  * Bump the bundled {c.d('package')}.\n\n"
        f" -- {c.full(w, 'maintainer')} <{c.email(w)}>  {c.d('date', stamp)}"
    )


def _marc(rng: random.Random, c: _C, w: _Who) -> str:
    x, y = _others(rng, 2)
    title = rng.choice(("Songs of the river", "A grammar of the home language", "Field notes"))
    return (
        "LDR 00000nam a2200000 i 4500\n"
        f"020 __ $a {c.d('isbn')}\n"
        f"100 1_ $a {c.rev(w, 'author')}, $e author.\n"
        f"245 10 $a {title} / $c edited by {c.full(x, 'editor')}.\n"
        f"264 _1 $b {c.d('company')} Press, $c {rng.randrange(1990, 2026)}.\n"
        f"700 1_ $a {c.rev(y, 'translator')}, $e translator."
    )


def _credits(rng: random.Random, c: _C, w: _Who) -> str:
    d, s, a, b = _others(rng, 4)
    parts = rng.sample(("Mother", "The Ferryman", "Detective", "Young Ama", "Neighbour"), 2)
    return (
        f"DIRECTED BY\n{c.full(d, 'director', True)}\n\nWRITTEN BY\n{c.full(s, 'writer', True)}"
        f"\n\nPRODUCED BY\n{c.full(w, 'producer', rng.random() < 0.5)}\n\nCAST\n"
        f"{c.full(a, 'cast')} .... {parts[0]}\n{c.full(b, 'cast')} .... {parts[1]}\n\n"
        f"Filmed on {c.d('street')}\n© 2026 {c.d('company')} Pictures"
    )


def _match(rng: random.Random, c: _C, w: _Who) -> str:
    team = _Who(rng, lang=w.base, latn=w.latn)
    pl = [w, team, *_others(rng, 4)]
    clubs = ("FC Eintracht Süd", "Hearts of Oak", "AS Douanes", "Nadi FC", "Sporting Clube")
    teams = rng.sample((*clubs, "Real Tarija", "SK Alta", "Lautoka United"), 2)
    return (
        f"{teams[0]} 2–1 {teams[1]}\n"
        f"Goals: {c.last(pl[0], 'player')} 23', {c.last(pl[1], 'player')} 67' (pen.); "
        f"{c.last(pl[2], 'player')} 81'\n"
        f"{teams[0]}: {c.last(pl[3], 'player')}; {c.last(pl[4], 'player')} (c), "
        f"{c.full(pl[5], 'player')}\nReferee: {c.full(_Who(rng), 'referee')}\n"
        f"Kick-off {c.d('time')}, attendance {rng.randrange(300, 9000):,}"
    )


def _census(rng: random.Random, c: _C, w: _Who) -> str:
    kin = [_Who(rng, lang=w.base, latn=w.latn) for _ in range(rng.randrange(2, 4))]
    rels = ("Wife", "Son", "Daughter", "Mother")
    rows = [f"1 | {c.rev(w, 'household', True)} | Head | M | {rng.randrange(30, 70)}"]
    for i, k in enumerate(kin):
        rows.append(f"{i + 2} | {c.first(k, 'household')} | {rels[i]} | | {rng.randrange(1, 90)}")
    return (
        f"Census schedule, household {c.d('order')}\n"
        f"Address: {rng.randrange(1, 90)} {c.d('street')}\n"
        "Line | Name | Relationship to head | Sex | Age\n" + "\n".join(rows)
    )


def _reference(rng: random.Random, c: _C, w: _Who) -> str:
    (r,) = _others(rng, 1)
    return (
        "To whom it may concern,\n\n"
        f"I have known {c.full(w, 'candidate')} for six years, first as a student and later as "
        "a research assistant in my group, where they ran our field surveys with great care. "
        "I recommend them without reservation.\n\n"
        f"Should you need more, write to {c.email(r)} or call {c.phone(r, 'intl-ext')}.\n\n"
        f"Yours faithfully,\n{c.full(r, 'referee')}\nProfessor of Linguistics"
    )


def _slack(rng: random.Random, c: _C, w: _Who) -> str:
    users = []
    for x in [w, *_others(rng, rng.randrange(1, 3))]:
        handle = (_ascii(ROMAN[x.base][0][0] if x.base in ROMAN else x.first) or "user")[:6]
        users.append(
            {
                "id": "U0" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=8)),
                "name": f"{handle}{rng.randrange(1, 99)}",
                "real_name": c.full(x, "member"),
                "profile": {
                    "title": rng.choice(("Support lead", "Engineer", "Sales", "")),
                    "phone": c.phone(x, rng.choice(("e164", "intl"))),
                    "email": c.email(x),
                },
            }
        )
    return json.dumps(users, ensure_ascii=False, indent=1)


def _contacts(rng: random.Random, c: _C, w: _Who) -> str:
    rows = ["First Name,Middle Name,Last Name,E-mail Address,Mobile Phone,Birthday,Notes"]
    for x in [w, *_others(rng, rng.randrange(1, 3))]:
        rows.append(
            f"{c.first(x, 'contact')},,{c.last(x, 'contact')},{c.email(x)},"
            f'{c.phone(x, rng.choice(("intl", "e164", "national")))},"{c.d("date")}",'
        )
    return "\n".join(rows)


def _dental(rng: random.Random, c: _C, w: _Who) -> str:
    (doc,) = _others(rng, 1)
    f, d, day, at, ref = (
        c.first(w, "patient"),
        c.last(doc, "dentist"),
        c.d("date"),
        c.d("time"),
        c.d("case-ref"),
    )
    return {
        "en": f"Hi {f}, a reminder of your appointment with Dr {d} at Bright Smile Dental on "
        f"{day} at {at}. Reply Y to confirm or N to cancel. Ref {ref}",
        "nl": f"Beste {f}, u heeft op {day} om {at} een afspraak bij tandarts {d}. "
        f"Antwoord J om te bevestigen. Ref {ref}",
        "pl": f"Dzień dobry, {f}! Przypominamy o wizycie u dr. {d} dnia {day} o godz. {at}. "
        f"Odpowiedz T, aby potwierdzić. Nr {ref}",
    }[c.lang]


def _programme(rng: random.Random, c: _C, w: _Who) -> str:
    chair, s1, s2 = _others(rng, 3)
    return (
        f"Session 4B · Room Ubuntu Hall · {c.d('date')}\n"
        f"Chair: {c.full(chair, 'chair')} ({c.d('company')} Institute)\n"
        f'{c.d("time")}  "Naming practices in diaspora families" — {c.full(w, "speaker")}, '
        f"{c.full(s1, 'speaker')}\n"
        f'  "Tone and script on small screens" — {c.full(s2, "speaker")}\n'
        f"Contact the chair: {c.email(chair)}"
    )


_SITUATION_WRITERS = dict(
    zip(
        SITUATIONS,
        (
            _webinar,
            _business_card,
            _fax,
            _thesis,
            _emergency,
            _condolence,
            _referral,
            _openpgp,
            _mailmap,
            _whois,
            _debian,
            _marc,
            _credits,
            _match,
            _census,
            _reference,
            _slack,
            _contacts,
            _dental,
            _programme,
        ),
        strict=True,
    )
)


def _situation(rng: random.Random, sit: str) -> Conversation:
    w = _Who(rng)
    lang = rng.choice(LOCAL[sit]) if sit in LOCAL and rng.random() < 0.35 else "en"
    writer = _SITUATION_WRITERS[sit]
    texts = [_text(rng, sit, lang, "message:user", lambda c: writer(rng, c, w))]
    if rng.random() < 0.3:  # some paste a second one
        texts.append(_text(rng, sit, lang, "message:user", lambda c: writer(rng, c, w)))
    platform = rng.choice(("peki", "kore", "selise"))
    return Conversation(platform, w.person(), _profile(platform, w), texts)


def _again(make: Any) -> Conversation:
    """A conversation whose people left no sound placement is written with other people."""
    for _ in range(20):
        try:
            conv: Conversation = make()
        except RuntimeError:
            continue
        return conv
    raise RuntimeError("no sound conversation")


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding exactly ``n`` texts, the same for the same seed."""
    rng = random.Random(f"bank23/{seed}")
    out: list[Conversation] = []
    total = support = k = 0
    order = list(SITUATIONS)
    while total < n:
        if support < SUPPORT_SHARE * (total + 1):
            conv = _again(lambda: _support(rng))
        else:
            if k % len(order) == 0:
                rng.shuffle(order)
            conv = _again(partial(_situation, rng, order[k % len(order)]))
            k += 1
        conv.texts = conv.texts[: n - total]
        if not conv.texts:
            break
        if situation_of(conv.texts[0]) == SUPPORT:
            support += len(conv.texts)
        total += len(conv.texts)
        out.append(conv)
    return out
