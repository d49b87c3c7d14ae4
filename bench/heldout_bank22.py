"""Held-out bank 22: a multilingual support archive plus nineteen kinds of pasted records.

Written from the scoring interface of ``bench/masking_quality.py`` alone (``corpus(n, seed)``
returns ``Conversation``s whose ``Text``s carry every planted value with its kind and class),
without looking at the detectors, and never scored before its one held-out run.

What is in it
-------------
* Ordinary support traffic (about two thirds of the texts) on the three platforms: a customer
  introduces themselves and states a problem, the bot answers, the customer gives an e-mail,
  phone, card or IBAN, mentions a relative, a human agent takes over, the customer signs off
  with a first name; the session record's free-text fields (``raw:summary``, ``raw:notes`` as
  JSON, ``raw:tags``, ``raw:feedback``) are written by the agent. Customers speak one of 29
  languages: the nine of the product, whose whole conversations are localised, and twenty
  more (``bench/heldout_bank22_names.py``) who greet, introduce themselves, thank and take
  leave in their own language and write the rest in English. Tibetan, Dhivehi, Sindhi,
  Assamese, Bashkir, Chuvash, Inuktitut and Tamazight customers write either in their script
  (name tag ``bo``, ``dv`` ...) or romanised (``bo-Latn`` ...), names and phrases alike.
* Nineteen situations no earlier bank used (``SITUATIONS``), pasted by a customer or an agent
  and acknowledged by the bot: vCard 3.0/4.0 attachments, HL7 v2 PID/NK1 segments, FHIR
  Patient resources, DICOM tag dumps, BibTeX entries, chess PGN headers, GEDCOM records, LDIF
  entries and certificate subjects, SIP INVITEs and call-detail lines, diarised meeting
  transcripts, Zoom chat saves, package.json/AUTHORS/pyproject author lines, bills of lading,
  race results, court captions, social notifications and invites, patent front pages,
  discharge summaries and wedding invitations. People of every language of the bank appear in
  them; most are labelled in English, social notifications and Zoom chats in all nine product
  languages, discharge summaries also in German, French and Spanish, invitations also in
  French, Spanish, Italian and Portuguese.

What counts as personal
-----------------------
Classes are ``<kind>/<lang or country>/<situation>/<detail>``. Names of customers, relatives,
agents, colleagues, patients, physicians, authors, players, inventors, runners, speakers are
``name``: a first name alone, a last name alone, and a full name planted as its two tokens (so
masking each token is not penalised for the space between). Formats that write names in
capitals or as ``LAST^FIRST`` / ``Last, First`` / ``First /Last/`` do so here. No diminutives,
handles or bot persona names are planted. E-mails of persons are ``email``; phones
(``phone/<REGION>/...``) are valid for their region per ``phonenumbers`` and written in
national, international or E.164 form or international with an extension, and some are
possible but unassigned numbers in international form (``.../intl-possible-unassigned``).
Cards pass Luhn within real IIN ranges, IBANs pass mod-97 at their country's length
(``iban/<CC>/...``), IPs are public addresses of a device, URLs carry a secret (a token, an
API key, a meeting password, a share-link secret or credentials). Decoys are kind ``decoy``,
class ``decoy/<lang>/<situation>/<sort>`` (``DECOY_SORTS``): order numbers, tracking codes,
prices, dates, times, versions, case and record references, product names, streets and
companies named after people, brand handles, ``name@1.2.3`` package specifiers, gift-card
numbers failing Luhn, IBAN-shaped strings failing mod-97, flight numbers, ICD-10 codes, lot
numbers, ISBNs and DOIs. A decoy made of seven or more digits (dates aside) is a valid phone
number in none of the bank's regions, one of 13 to 19 digits fails Luhn.

Placement
---------
Every planted value occurs in its text exactly once, as a whole value (no letter, digit or
combining mark on either side), no two planted values overlap, and every text plants at
least one value (a decoy at least). A text that would break this is drawn again.
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from bench.heldout_bank22_names import CORE, NAMES, REGION, ROMAN, syllabics, tifinagh
from bench.heldout_corpus import Conversation, Person, Text

SUPPORT = "support"
SITUATIONS = (
    "vcard",
    "hl7-pid",
    "fhir-patient",
    "dicom-tags",
    "bibtex",
    "pgn-header",
    "gedcom",
    "ldif-dn",
    "sip-log",
    "meeting-transcript",
    "zoom-chat",
    "package-authors",
    "bill-of-lading",
    "race-results",
    "court-caption",
    "social-notification",
    "patent-front-page",
    "discharge-summary",
    "wedding-invitation",
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
    "pkg-spec",
    "gift-card",
    "iban-shaped",
    "flight",
    "icd",
    "lot",
    "isbn",
    "doi",
)
PLATFORMS = ("peki", "kore", "selise")
LANGS = tuple(NAMES)
REGIONS = tuple(dict.fromkeys(REGION.values()))
_P_SUPPORT = 0.28


def situation_of(t: Text) -> str:
    """The situation a text was written for (third field of its classes)."""
    return t.planted[0][2].split("/")[2]


# --- people ------------------------------------------------------------------------------------


@dataclass
class _Who:
    tag: str  # name tag: language, or language-Latn for a romanised non-Latin name
    lang: str
    first: str
    last: str
    rfirst: str  # romanised, for e-mail addresses
    rlast: str
    region: str


def _who(rng: random.Random, lang: str | None = None, roman: bool | None = None) -> _Who:
    lang = lang or rng.choice(LANGS)
    given, family = NAMES[lang]
    while True:
        i, j = rng.randrange(len(given)), rng.randrange(len(family))
        f, la = given[i], family[j]
        rf, rl = (ROMAN[lang][0][i], ROMAN[lang][1][j]) if lang in ROMAN else (f, la)
        if f not in la and la not in f and rf.lower() not in rl.lower():
            break
    if lang in ROMAN and (rng.random() < 0.4 if roman is None else roman):
        return _Who(f"{lang}-Latn", lang, rf, rl, rf, rl, REGION[lang])
    return _Who(lang, lang, f, la, rf, rl, REGION[lang])


_ASCII = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "ɣ": "gh", "ɛ": "e", "ʻ": ""})


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_ASCII).lower())
    return "".join(ch for ch in s if ch in string.ascii_lowercase)


_MAIL_DOMAINS = {
    "GB": ("btinternet.com", "outlook.com"), "DE": ("web.de", "gmx.de"),
    "FR": ("free.fr", "orange.fr"), "ES": ("telefonica.net", "gmail.com"),
    "IT": ("libero.it", "tiscali.it"), "PT": ("sapo.pt", "gmail.com"),
    "TR": ("yandex.com.tr", "hotmail.com"), "NL": ("ziggo.nl", "kpnmail.nl"),
    "PL": ("wp.pl", "o2.pl"), "SN": ("orange.sn", "yahoo.fr"), "CD": ("vodacom.cd", "yahoo.fr"),
    "UG": ("mtn.co.ug", "gmail.com"), "MW": ("malawi.net", "gmail.com"),
    "BW": ("btc.co.bw", "gmail.com"), "ET": ("ethionet.et", "gmail.com"),
    "ID": ("telkom.net", "yahoo.co.id"), "PH": ("pldt.net", "yahoo.com.ph"),
    "WS": ("samoa.ws", "gmail.com"), "US": ("comcast.net", "icloud.com"),
    "TM": ("online.tm", "mail.ru"), "CH": ("bluewin.ch", "sunrise.ch"),
    "IN": ("rediffmail.com", "gmail.com"), "MV": ("dhivehinet.net.mv", "gmail.com"),
    "PK": ("ptcl.net.pk", "gmail.com"), "RU": ("yandex.ru", "mail.ru"),
    "CA": ("sympatico.ca", "northwestel.net"), "MA": ("menara.ma", "gmail.com"),
}  # fmt: skip
_GENERIC_DOMAINS = ("gmail.com", "outlook.com", "proton.me", "yahoo.com", "icloud.com")
_WORK_DOMAINS = ("kestrelwave.com", "nordlicht-logistik.de", "atelier-sable.fr", "umoja.tech")


def _email(rng: random.Random, w: _Who, work: bool = False) -> str:
    f, la = _ascii(w.rfirst) or "client", _ascii(w.rlast) or "mail"
    if work:
        return f"{rng.choice((f + '.' + la, f[0] + la, f))}@{rng.choice(_WORK_DOMAINS)}"
    local = rng.choice(
        (f"{f}.{la}", f"{f}{la}", f"{f}_{la}", f"{la}.{f}", f"{f}{rng.randint(7, 99)}",
         f"{f[0]}{la}", f"{f}.{la}+orders", f"{la}{f[0]}{rng.randint(1960, 2005)}")
    )  # fmt: skip
    domain = rng.choice(_MAIL_DOMAINS.get(w.region, ()) + _GENERIC_DOMAINS)
    return f"{local}@{domain}"


# --- phones ------------------------------------------------------------------------------------

_EXAMPLES: dict[str, list[PhoneNumber]] = {}


def _examples(region: str) -> list[PhoneNumber]:
    if region not in _EXAMPLES:
        out = []
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                out.append(ex)
        _EXAMPLES[region] = out
    return _EXAMPLES[region]


def _valid_number(rng: random.Random, region: str) -> PhoneNumber:
    ex = rng.choice(_examples(region))
    nsn = str(ex.national_number)
    for attempt in range(60):
        lo = max(1, len(nsn) - 7)
        keep = rng.randint(lo, max(lo, len(nsn) - 4)) if attempt < 40 else len(nsn) - 3
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in range(len(nsn) - keep))
        num = PhoneNumber(
            country_code=ex.country_code,
            national_number=int(cand),
            italian_leading_zero=ex.italian_leading_zero,
        )
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    return ex


def _unassigned(rng: random.Random, region: str) -> str:
    ex = rng.choice(_examples(region))
    size = len(str(ex.national_number))
    while True:
        nsn = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(size - 1))
        num = PhoneNumber(country_code=ex.country_code, national_number=int(nsn))
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            cut = rng.choice((2, 3))
            return f"+{ex.country_code} {nsn[:cut]} {nsn[cut : cut + 3]} {nsn[cut + 3 :]}"


def _fmt(num: PhoneNumber, form: str, rng: random.Random) -> str:
    if form == "national":
        return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if form == "e164":
        return phonenumbers.format_number(num, PhoneNumberFormat.E164)
    text = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    if form == "intl-ext":
        text += rng.choice((" ext. ", " ext ", " x")) + str(rng.randint(10, 4999))
    return text


_FORMS = ("national", "national", "intl", "intl", "e164", "intl-ext", "intl-possible-unassigned")


# --- cards, IBANs, IPs, URLs -------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


_BRANDS = (
    ("visa", ("4",), 16),
    ("mastercard", ("51", "52", "53", "54", "55", "2221", "2497", "2720"), 16),
    ("amex", ("34", "37"), 15),
    ("discover", ("6011", "65"), 16),
    ("jcb", ("3528", "3541", "3589"), 16),
    ("unionpay", ("62",), 16),
)


def _card(rng: random.Random) -> tuple[str, str]:
    brand, prefixes, length = rng.choice(_BRANDS)
    num = _luhn_complete(rng, rng.choice(prefixes), length)
    style = rng.random()
    if length == 15:
        sep = " " if style < 0.7 else "-"
        return f"{num[:4]}{sep}{num[4:10]}{sep}{num[10:]}", brand
    if style < 0.5:
        return " ".join(num[i : i + 4] for i in range(0, 16, 4)), brand
    if style < 0.75:
        return "-".join(num[i : i + 4] for i in range(0, 16, 4)), brand
    return num, brand


# BBAN layout: n digit, a capital letter
IBAN_SPECS = {
    "GB": "aaaa" + "n" * 14, "DE": "n" * 18, "FR": "n" * 23, "ES": "n" * 20,
    "IT": "a" + "n" * 22, "PT": "n" * 21, "TR": "n" * 22, "NL": "aaaa" + "n" * 10,
    "PL": "n" * 24, "CH": "n" * 17, "PK": "aaaa" + "n" * 16, "BE": "n" * 12,
}  # fmt: skip


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _iban_compact(rng: random.Random, cc: str) -> str:
    bban = "".join(
        rng.choice(string.digits) if c == "n" else rng.choice(string.ascii_uppercase)
        for c in IBAN_SPECS[cc]
    )
    if cc == "TR":
        bban = bban[:5] + "0" + bban[6:]
    rest = int("".join(str(int(ch, 36)) for ch in bban + cc + "00")) % 97
    return f"{cc}{98 - rest:02d}{bban}"


def _iban_written(rng: random.Random, compact: str) -> str:
    if rng.random() < 0.7:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def _ip(rng: random.Random) -> tuple[str, str]:
    while True:
        if rng.random() < 0.7:
            a = rng.choice((2, 5, 31, 37, 41, 46, 62, 77, 81, 88, 102, 105, 154, 185, 196, 212))
            addr = f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            sort = "v4"
        else:
            head = rng.choice(("2a02", "2c0f", "2400", "2804", "2a01", "2001:4860", "2607"))
            groups = [f"{rng.randint(1, 0xFFFF):x}" for _ in range(8 - head.count(":") - 1)]
            if rng.random() < 0.5:
                addr = f"{head}:{groups[0]}:{groups[1]}::{groups[-1]}"
            else:
                addr = ":".join([head, *groups])
            sort = "v6"
        ip = ipaddress.ip_address(addr)
        if ip.is_global and not ip.is_private:
            return str(ip), sort


_ALNUM = string.ascii_letters + string.digits


def _secret(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_ALNUM) for _ in range(n))


def _url(rng: random.Random, sort: str | None = None) -> tuple[str, str]:
    sort = sort or rng.choice(("reset-token", "api-key", "meeting-pwd", "share-link", "basic-auth"))
    if sort == "reset-token":
        host = rng.choice(("account.kestrelwave.com", "id.umoja.tech", "login.sable.fr"))
        return f"https://{host}/reset?token={_secret(rng, 32)}", sort
    if sort == "api-key":
        return f"https://api.kestrelwave.com/v2/export?api_key={_secret(rng, 28)}", sort
    if sort == "meeting-pwd":
        mid = rng.randint(10**9, 10**10 - 1)
        return f"https://us02web.zoom.us/j/{mid}?pwd={_secret(rng, 30)}", sort
    if sort == "share-link":
        return f"https://files.kestrelwave.com/s/{_secret(rng, 24)}/download", sort
    if sort == "invite-token":
        return f"https://kestrelwave.com/join?ref=friend&token={_secret(rng, 22)}", sort
    return f"https://svc-{rng.randint(10, 99)}:{_secret(rng, 14)}@ftp.umoja.tech/exports/", sort


# --- decoys ------------------------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_STREETS = (
    "Avenue Cheikh Anta Diop", "Rue Victor Hugo", "Via Giuseppe Garibaldi", "Kwame Nkrumah Road",
    "Nelson Mandela Drive", "Calle de Isabel la Católica", "Rua Luís de Camões",
    "ulica Adama Mickiewicza", "Atatürk Bulvarı", "Johan Cruijff Boulevard", "Goethestraße",
    "Boulevard Patrice Lumumba", "Jalan Diponegoro", "Quirino Avenue", "Jomo Kenyatta Avenue",
    "Sir Seretse Khama Drive", "Magtymguly Avenue", "Mahatma Gandhi Road", "Salavat Yulaev St",
)  # fmt: skip
_COMPANIES = (
    "Ferragamo", "Hugo Boss", "Ralph Lauren", "Tommy Hilfiger", "Louis Vuitton", "Walt Disney",
    "Tim Hortons", "Wendy's", "Kellogg's", "Siemens", "Bosch", "Michelin", "Dr. Oetker",
    "Ben & Jerry's", "Marks & Spencer", "Johnson & Johnson", "Ferrero", "Peugeot", "Porsche",
)  # fmt: skip
_PRODUCTS = (
    "Kestrel Air 3 Pro", "Nimbus X12 router", "AquaPure 500 filter", "Solenne smart lamp",
    "Umoja Pay card reader", "Tundra Fleece L", "Kestrel Buds 2", "Baobab Home Hub",
)  # fmt: skip
_HANDLES = ("@kestrelwave_help", "@KestrelSupport", "@umoja.pay", "@sable_atelier", "@nimbusnet")
_PACKAGES = ("left-pad", "lodash", "react-dom", "express", "requests", "numpy", "chalk", "axios")
_FLIGHTS = ("LH", "TK", "ET", "KQ", "AF", "QR", "PR", "SV", "EK", "LX", "KL", "LO", "TP", "IB")
_ICD = ("J45.901", "E11.9", "I10", "S82.201A", "K35.80", "N39.0", "M54.5", "R51.9", "J18.9")


def _decoy_value(rng: random.Random, sort: str) -> str:
    k = rng.randrange(6)
    if sort == "order":
        if k < 2:
            return _digits(rng, rng.randint(9, 11))
        if k < 4:
            return f"SO-{rng.randint(2023, 2025)}-{_digits(rng, 6)}"
        return f"{_letters(rng, 2)}{_digits(rng, 8)}"
    if sort == "tracking":
        if k < 2:
            return f"1Z{_letters(rng, 3)}{_digits(rng, 3)}{_letters(rng, 2)}{_digits(rng, 8)}"
        if k < 4:
            return f"{_letters(rng, 2)}{_digits(rng, 9)}{rng.choice(('DE', 'FR', 'NL', 'CH'))}"
        return _digits(rng, 12)
    if sort == "price":
        whole, cents = rng.randint(3, 2400), rng.randint(0, 99)
        return (
            f"€{whole},{cents:02d}",
            f"${whole}.{cents:02d}",
            f"£{whole}.{cents:02d}",
            f"CHF {whole}.{cents:02d}",
            f"{whole},{cents:02d} zł",
            f"{whole} TL",
        )[k]
    if sort == "date":
        y, m, d = rng.randint(1938, 2025), rng.randint(1, 12), rng.randint(1, 28)
        return (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {_MONTHS[m - 1]} {y}",
            f"{y}.{m:02d}.{d:02d}",
            f"{_MONTHS[m - 1].title()} {d}, {y}",
        )[k]
    if sort == "time":
        h, mi = rng.randint(0, 23), rng.randint(0, 59)
        return rng.choice((f"{h:02d}:{mi:02d}", f"{h:02d}:{mi:02d}:{rng.randint(0, 59):02d}"))
    if sort == "version":
        a, b, c = rng.randint(1, 19), rng.randint(0, 30), rng.randint(0, 12)
        return rng.choice((f"v{a}.{b}.{c}", f"{a}.{b}.{c}-rc{rng.randint(1, 4)}", f"{a}.{b}"))
    if sort == "case-ref":
        if k == 0:
            return f"CASE-{rng.randint(2023, 2025)}-{_digits(rng, 6)}"
        if k == 1:
            return f"INC{_digits(rng, 7)}"
        if k == 2:
            return f"{rng.randint(1, 4)}:{rng.randint(20, 25)}-cv-{_digits(rng, 5)}"
        if k == 3:
            return f"MRN-{_digits(rng, 7)}"
        return f"{_letters(rng, 4)}{_digits(rng, 7)}"
    if sort == "product":
        return rng.choice(_PRODUCTS)
    if sort == "street":
        return rng.choice(_STREETS)
    if sort == "company":
        return rng.choice(_COMPANIES)
    if sort == "handle":
        return rng.choice(_HANDLES)
    if sort == "pkg-spec":
        return (
            f"{rng.choice(_PACKAGES)}@{rng.randint(0, 18)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}"
        )
    if sort == "gift-card":
        num = _digits(rng, 16)
        return " ".join(num[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.6 else num
    if sort == "iban-shaped":
        good = _iban_compact(rng, rng.choice(tuple(IBAN_SPECS)))
        bad = f"{good[:2]}{(int(good[2:4]) + rng.randint(1, 9)) % 100:02d}{good[4:]}"
        return _iban_written(rng, bad)
    if sort == "flight":
        return f"{rng.choice(_FLIGHTS)}{rng.choice(('', ' '))}{rng.randint(10, 2999)}"
    if sort == "icd":
        return rng.choice(_ICD)
    if sort == "lot":
        if k < 3:
            return f"L{rng.randint(20, 25)}-{_digits(rng, 4)}{_letters(rng, 1)}"
        return f"LOT {_letters(rng, 2)}{_digits(rng, 5)}"
    if sort == "isbn":
        body = "978" + rng.choice("0123456789") + _digits(rng, 8)
        check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
        b = body + str(check)
        return f"{b[:3]}-{b[3]}-{b[4:8]}-{b[8:12]}-{b[12]}"
    if sort == "doi":
        return f"10.{rng.randint(1000, 9999)}/{rng.choice(('j.', 's', 'nature'))}{_digits(rng, 6)}"
    raise ValueError(sort)


def _phone_anywhere(value: str) -> bool:
    for region in REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _decoy_ok(value: str, sort: str) -> bool:
    digits = re.sub(r"[ -]", "", value)
    if digits.isdigit() and 13 <= len(digits) <= 19 and luhn_ok(digits):
        return False
    compact = value.replace(" ", "")
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{12,30}", compact) and mod97_ok(compact):
        return False
    stripped = re.sub(r"[\s().\-/+]", "", value)
    if stripped.isdigit() and len(stripped) >= 7 and sort != "date":
        return not _phone_anywhere(value)
    return True


# --- texts -------------------------------------------------------------------------------------

Slot = tuple[str, str, str] | str
_SLOT = re.compile(r"@\{(\w+)\}")


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    """Every value once, whole, apart from the others; at least one value."""
    if not t.planted:
        return False
    spans = []
    s = t.text
    for _, v, _ in t.planted:
        a = s.find(v)
        if not v or v != v.strip() or a < 0 or s.find(v, a + 1) >= 0:
            return False
        b = a + len(v)
        if (a > 0 and _word(s[a - 1])) or (b < len(s) and _word(s[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


class _Again(Exception):
    """A text could not be placed: draw the conversation again."""


class _Doc:
    """Slots for one text's template, in one situation and label language."""

    def __init__(self, rng: random.Random, sit: str, lang: str) -> None:
        self.rng, self.sit, self.lang = rng, sit, lang

    def name(self, w: _Who, part: str, role: str, upper: bool = False) -> Slot:
        v = w.first if part == "first" else w.last
        return ("name", v.upper() if upper else v, f"name/{w.tag}/{self.sit}/{role}")

    def email(self, w: _Who, role: str = "person", work: bool = False) -> Slot:
        return ("email", _email(self.rng, w, work), f"email/{w.lang}/{self.sit}/{role}")

    def phone(self, w: _Who | None = None, form: str | None = None, region: str = "") -> Slot:
        region = region or (w.region if w else self.rng.choice(REGIONS))
        form = form or self.rng.choice(_FORMS)
        if form == "intl-possible-unassigned":
            value = _unassigned(self.rng, region)
        else:
            value = _fmt(_valid_number(self.rng, region), form, self.rng)
        return ("phone", value, f"phone/{region}/{self.sit}/{form}")

    def own_phone(self, p: Person) -> Slot:
        form = "e164" if p.phone_written == p.phone else "written"
        if form == "written":
            form = "national" if not p.phone_written.startswith("+") else "intl"
        return ("phone", p.phone_written, f"phone/{p.country}/{self.sit}/{form}")

    def card(self) -> Slot:
        value, brand = _card(self.rng)
        return ("card", value, f"card/{self.lang}/{self.sit}/{brand}")

    def iban(self, w: _Who) -> Slot:
        cc = w.region if w.region in IBAN_SPECS else self.rng.choice(("FR", "BE", "CH", "GB"))
        value = _iban_written(self.rng, _iban_compact(self.rng, cc))
        return ("iban", value, f"iban/{cc}/{self.sit}/{'grouped' if ' ' in value else 'compact'}")

    def ip(self) -> Slot:
        value, sort = _ip(self.rng)
        return ("ip", value, f"ip/{self.lang}/{self.sit}/{sort}")

    def url(self, sort: str | None = None) -> Slot:
        value, sort = _url(self.rng, sort)
        return ("url", value, f"url/{self.lang}/{self.sit}/{sort}")

    def decoy(self, sort: str) -> Slot:
        while True:
            value = _decoy_value(self.rng, sort)
            if _decoy_ok(value, sort):
                return ("decoy", value, f"decoy/{self.lang}/{self.sit}/{sort}")

    def text(self, tpl: str, where: str, **slots: Slot) -> Text:
        parts, planted, pos = [], [], 0
        for m in _SLOT.finditer(tpl):
            parts.append(tpl[pos : m.start()])
            slot = slots[m.group(1)]
            if isinstance(slot, tuple):
                parts.append(slot[1])
                planted.append(slot)
            else:
                parts.append(slot)
            pos = m.end()
        parts.append(tpl[pos:])
        return Text("".join(parts), planted, where)


def _placed(make: Callable[[], Text]) -> Text:
    for _ in range(25):
        t = make()
        if placed_ok(t):
            return t
    raise _Again


def _placed_all(make: Callable[[], list[Text]]) -> list[Text]:
    for _ in range(25):
        ts = make()
        if all(placed_ok(t) for t in ts):
            return ts
    raise _Again


# --- support traffic ---------------------------------------------------------------------------

_REL_EN = ("sister", "brother", "wife", "husband", "daughter", "son", "mother", "father")

# per product language: hello, intros, issues (order, price, version, tracking), email, phone,
# card, iban, relative, relative words, sign-offs, bot greeting, bot e-mail, bot phone, agent
_CORE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "hello": ("Hi", "Hello", "Good morning"),
        "intro": ("@{hello}, my name is @{first} @{last}. @{issue}",
                  "@{hello}, @{first} @{last} here. @{issue}"),
        "issue": ("My order @{d} never arrived.", "I was charged @{d} twice.",
                  "The app keeps crashing since version @{d}.",
                  "Parcel @{d} has been stuck for a week."),
        "email": ("My e-mail address is @{email}.", "You can write to me at @{email}"),
        "phone": ("You can call me on @{phone}.", "My number: @{phone}"),
        "card": ("I paid with the card @{card}.", "Card number @{card} was declined."),
        "iban": ("Please send the refund to @{iban}.", "My IBAN is @{iban}"),
        "relative": ("My @{rel} @{rfirst} @{rlast} placed the order for me.",
                     "It was for my @{rel}, @{rfirst}."),
        "rel": _REL_EN,
        "signoff": ("Thanks a lot!\n@{first}", "Kind regards, @{first}"),
        "bot": ("Thank you, @{first}. I have opened case @{case} for you.",
                "Hello @{first}! Your request @{case} is in the queue."),
        "bot_email": ("Got it, I have saved @{email} on your account.",),
        "bot_phone": ("Thanks, we will call @{phone} within 24 hours.",),
        "agent": ("Hi @{first}, this is @{afirst} @{alast} from the support team. "
                  "I'm taking over from the assistant.",
                  "@{afirst} here, a human agent. @{first}, I can see your case now."),
    },
    "de": {
        "hello": ("Hallo", "Guten Tag", "Moin"),
        "intro": ("@{hello}, mein Name ist @{first} @{last}. @{issue}",
                  "@{hello}, hier ist @{first} @{last}. @{issue}"),
        "issue": ("Meine Bestellung @{d} ist nie angekommen.", "Mir wurden @{d} doppelt abgebucht.",
                  "Die App stürzt seit Version @{d} ab.",
                  "Das Paket @{d} hängt seit einer Woche fest."),
        "email": ("Meine E-Mail-Adresse lautet @{email}.", "Schreiben Sie mir an @{email}"),
        "phone": ("Sie erreichen mich unter @{phone}.", "Meine Nummer: @{phone}"),
        "card": ("Ich habe mit der Karte @{card} bezahlt.", "Die Karte @{card} wurde abgelehnt."),
        "iban": ("Bitte erstatten Sie den Betrag auf @{iban}.", "Meine IBAN lautet @{iban}"),
        "relative": ("@{Rel} @{rfirst} @{rlast} hat für mich bestellt.",
                     "Die Bestellung war für @{rel}, @{rfirst}."),
        "rel": ("meine Schwester", "mein Bruder", "meine Frau", "mein Mann", "meine Tochter",
                "mein Sohn", "meine Mutter", "mein Vater"),
        "signoff": ("Vielen Dank!\n@{first}", "Viele Grüße, @{first}"),
        "bot": ("Danke, @{first}. Ich habe den Fall @{case} für Sie angelegt.",
                "Hallo @{first}! Ihre Anfrage @{case} ist in der Warteschlange."),
        "bot_email": ("Alles klar, ich habe @{email} in Ihrem Konto gespeichert.",),
        "bot_phone": ("Danke, wir rufen Sie innerhalb von 24 Stunden unter @{phone} an.",),
        "agent": ("Hallo @{first}, hier ist @{afirst} @{alast} vom Kundenservice. "
                  "Ich übernehme jetzt vom Assistenten.",
                  "@{afirst} hier, ein Mensch. @{first}, ich sehe Ihren Fall jetzt."),
    },
    "fr": {
        "hello": ("Bonjour", "Bonsoir", "Salut"),
        "intro": ("@{hello}, je m'appelle @{first} @{last}. @{issue}",
                  "@{hello}, ici @{first} @{last}. @{issue}"),
        "issue": ("Ma commande @{d} n'est jamais arrivée.", "On m'a débité @{d} deux fois.",
                  "L'application plante depuis la version @{d}.",
                  "Le colis @{d} est bloqué depuis une semaine."),
        "email": ("Mon adresse e-mail est @{email}.", "Écrivez-moi à @{email}"),
        "phone": ("Vous pouvez me joindre au @{phone}.", "Mon numéro : @{phone}"),
        "card": ("J'ai payé avec la carte @{card}.", "La carte @{card} a été refusée."),
        "iban": ("Merci de rembourser sur l'IBAN @{iban}.", "Mon IBAN : @{iban}"),
        "relative": ("C'est @{rel} @{rfirst} @{rlast} qui a passé la commande.",
                     "C'était pour @{rel}, @{rfirst}."),
        "rel": ("ma sœur", "mon frère", "ma femme", "mon mari", "ma fille", "mon fils", "ma mère",
                "mon père"),
        "signoff": ("Merci beaucoup !\n@{first}", "Cordialement, @{first}"),
        "bot": ("Merci, @{first}. J'ai ouvert le dossier @{case} pour vous.",
                "Bonjour @{first} ! Votre demande @{case} est en file d'attente."),
        "bot_email": ("C'est noté, j'ai enregistré @{email} sur votre compte.",),
        "bot_phone": ("Merci, nous vous rappellerons au @{phone} sous 24 heures.",),
        "agent": ("Bonjour @{first}, ici @{afirst} @{alast} du service client. "
                  "Je prends le relais de l'assistant.",
                  "@{afirst}, conseillère humaine. @{first}, je vois votre dossier."),
    },
    "es": {
        "hello": ("Hola", "Buenos días", "Buenas tardes"),
        "intro": ("@{hello}, me llamo @{first} @{last}. @{issue}",
                  "@{hello}, soy @{first} @{last}. @{issue}"),
        "issue": ("Mi pedido @{d} nunca llegó.", "Me cobraron @{d} dos veces.",
                  "La aplicación se cierra desde la versión @{d}.",
                  "El paquete @{d} lleva una semana parado."),
        "email": ("Mi correo es @{email}.", "Escríbanme a @{email}"),
        "phone": ("Pueden llamarme al @{phone}.", "Mi número: @{phone}"),
        "card": ("Pagué con la tarjeta @{card}.", "La tarjeta @{card} fue rechazada."),
        "iban": ("Por favor, devuelvan el importe a @{iban}.", "Mi IBAN es @{iban}"),
        "relative": ("Fue @{rel} @{rfirst} @{rlast} quien hizo el pedido.",
                     "Era para @{rel}, @{rfirst}."),
        "rel": ("mi hermana", "mi hermano", "mi esposa", "mi marido", "mi hija", "mi hijo",
                "mi madre", "mi padre"),
        "signoff": ("¡Muchas gracias!\n@{first}", "Un saludo, @{first}"),
        "bot": ("Gracias, @{first}. He abierto el caso @{case}.",
                "¡Hola, @{first}! Su solicitud @{case} está en cola."),
        "bot_email": ("Perfecto, he guardado @{email} en su cuenta.",),
        "bot_phone": ("Gracias, le llamaremos al @{phone} en 24 horas.",),
        "agent": ("Hola @{first}, soy @{afirst} @{alast} del equipo de atención al cliente. "
                  "Continúo yo desde aquí.",
                  "@{afirst} al habla, agente humano. @{first}, ya veo su caso."),
    },
    "it": {
        "hello": ("Ciao", "Buongiorno", "Salve"),
        "intro": ("@{hello}, mi chiamo @{first} @{last}. @{issue}",
                  "@{hello}, sono @{first} @{last}. @{issue}"),
        "issue": ("Il mio ordine @{d} non è mai arrivato.", "Mi hanno addebitato @{d} due volte.",
                  "L'app si blocca dalla versione @{d}.",
                  "Il pacco @{d} è fermo da una settimana."),
        "email": ("La mia email è @{email}.", "Scrivetemi a @{email}"),
        "phone": ("Potete chiamarmi al @{phone}.", "Il mio numero: @{phone}"),
        "card": ("Ho pagato con la carta @{card}.", "La carta @{card} è stata rifiutata."),
        "iban": ("Vi prego di rimborsare sull'IBAN @{iban}.", "Il mio IBAN è @{iban}"),
        "relative": ("L'ordine l'ha fatto @{rel} @{rfirst} @{rlast}.",
                     "Era per @{rel}, @{rfirst}."),
        "rel": ("mia sorella", "mio fratello", "mia moglie", "mio marito", "mia figlia",
                "mio figlio", "mia madre", "mio padre"),
        "signoff": ("Grazie mille!\n@{first}", "Cordiali saluti, @{first}"),
        "bot": ("Grazie, @{first}. Ho aperto la pratica @{case}.",
                "Ciao @{first}! La tua richiesta @{case} è in coda."),
        "bot_email": ("Perfetto, ho salvato @{email} nel tuo account.",),
        "bot_phone": ("Grazie, ti richiameremo al @{phone} entro 24 ore.",),
        "agent": ("Ciao @{first}, sono @{afirst} @{alast} dell'assistenza clienti. "
                  "Da qui continuo io.",
                  "Sono @{afirst}, operatore. @{first}, vedo la tua pratica."),
    },
    "pt": {
        "hello": ("Olá", "Bom dia", "Boa tarde"),
        "intro": ("@{hello}, chamo-me @{first} @{last}. @{issue}",
                  "@{hello}, o meu nome é @{first} @{last}. @{issue}"),
        "issue": ("A minha encomenda @{d} nunca chegou.", "Cobraram-me @{d} duas vezes.",
                  "A aplicação falha desde a versão @{d}.",
                  "A encomenda @{d} está parada há uma semana."),
        "email": ("O meu e-mail é @{email}.", "Escrevam-me para @{email}"),
        "phone": ("Podem ligar-me para o @{phone}.", "O meu número: @{phone}"),
        "card": ("Paguei com o cartão @{card}.", "O cartão @{card} foi recusado."),
        "iban": ("Por favor, façam o reembolso para o IBAN @{iban}.", "O meu IBAN é @{iban}"),
        "relative": ("Foi @{rel} @{rfirst} @{rlast} que fez a encomenda.",
                     "Era para @{rel}, @{rfirst}."),
        "rel": ("a minha irmã", "o meu irmão", "a minha mulher", "o meu marido", "a minha filha",
                "o meu filho", "a minha mãe", "o meu pai"),
        "signoff": ("Muito obrigado!\n@{first}", "Cumprimentos, @{first}"),
        "bot": ("Obrigado, @{first}. Abri o processo @{case}.",
                "Olá @{first}! O seu pedido @{case} está na fila."),
        "bot_email": ("Certo, guardei @{email} na sua conta.",),
        "bot_phone": ("Obrigado, vamos ligar para o @{phone} nas próximas 24 horas.",),
        "agent": ("Olá @{first}, fala @{afirst} @{alast} do apoio ao cliente. "
                  "A partir daqui sigo eu.",
                  "Aqui @{afirst}, assistente humana. @{first}, já vejo o seu processo."),
    },
    "tr": {
        "hello": ("Merhaba", "İyi günler", "Selam"),
        "intro": ("@{hello}, benim adım @{first} @{last}. @{issue}",
                  "@{hello}, ben @{first} @{last}. @{issue}"),
        "issue": ("@{d} numaralı siparişim hiç gelmedi.", "Kartımdan @{d} iki kez çekildi.",
                  "Uygulama @{d} sürümünden beri çöküyor.",
                  "@{d} numaralı kargo bir haftadır bekliyor."),
        "email": ("E-posta adresim @{email}.", "Bana @{email} adresinden yazabilirsiniz"),
        "phone": ("Bana @{phone} numarasından ulaşabilirsiniz.", "Numaram: @{phone}"),
        "card": ("Ödemeyi @{card} numaralı kartla yaptım.", "@{card} numaralı kart reddedildi."),
        "iban": ("Lütfen iadeyi @{iban} hesabına yapın.", "IBAN numaram @{iban}"),
        "relative": ("Siparişi @{rel} @{rfirst} @{rlast} verdi.",
                     "Sipariş @{rel} @{rfirst} içindi."),
        "rel": ("kız kardeşim", "erkek kardeşim", "eşim", "kızım", "oğlum", "annem", "babam",
                "ablam"),
        "signoff": ("Çok teşekkürler!\n@{first}", "Saygılarımla, @{first}"),
        "bot": ("Teşekkürler @{first}. @{case} numaralı kaydı açtım.",
                "Merhaba @{first}! @{case} numaralı talebiniz sırada."),
        "bot_email": ("Tamam, @{email} adresini hesabınıza kaydettim.",),
        "bot_phone": ("Teşekkürler, 24 saat içinde @{phone} numarasını arayacağız.",),
        "agent": ("Merhaba @{first}, ben müşteri hizmetlerinden @{afirst} @{alast}. "
                  "Asistanın yerine ben devam ediyorum.",
                  "Ben @{afirst}, canlı destek. @{first}, kaydınızı görüyorum."),
    },
    "nl": {
        "hello": ("Hallo", "Goedemiddag", "Hoi"),
        "intro": ("@{hello}, mijn naam is @{first} @{last}. @{issue}",
                  "@{hello}, met @{first} @{last}. @{issue}"),
        "issue": ("Mijn bestelling @{d} is nooit aangekomen.", "Er is twee keer @{d} afgeschreven.",
                  "De app crasht sinds versie @{d}.", "Pakket @{d} staat al een week stil."),
        "email": ("Mijn e-mailadres is @{email}.", "Mail me op @{email}"),
        "phone": ("U kunt mij bellen op @{phone}.", "Mijn nummer: @{phone}"),
        "card": ("Ik heb betaald met kaart @{card}.", "Kaart @{card} werd geweigerd."),
        "iban": ("Graag het bedrag terugstorten op @{iban}.", "Mijn IBAN is @{iban}"),
        "relative": ("@{Rel} @{rfirst} @{rlast} heeft de bestelling voor mij geplaatst.",
                     "Het was voor @{rel}, @{rfirst}."),
        "rel": ("mijn zus", "mijn broer", "mijn vrouw", "mijn man", "mijn dochter", "mijn zoon",
                "mijn moeder", "mijn vader"),
        "signoff": ("Alvast bedankt!\n@{first}", "Met vriendelijke groet, @{first}"),
        "bot": ("Bedankt, @{first}. Ik heb zaak @{case} voor u aangemaakt.",
                "Hallo @{first}! Uw verzoek @{case} staat in de wachtrij."),
        "bot_email": ("Genoteerd, ik heb @{email} opgeslagen in uw account.",),
        "bot_phone": ("Bedankt, we bellen u binnen 24 uur op @{phone}.",),
        "agent": ("Hallo @{first}, u spreekt met @{afirst} @{alast} van de klantenservice. "
                  "Ik neem het over van de assistent.",
                  "@{afirst} hier, een medewerker. @{first}, ik zie uw zaak nu."),
    },
    "pl": {
        "hello": ("Dzień dobry", "Cześć", "Witam"),
        "intro": ("@{hello}, nazywam się @{first} @{last}. @{issue}",
                  "@{hello}, tu @{first} @{last}. @{issue}"),
        "issue": ("Moje zamówienie @{d} nigdy nie dotarło.", "Pobrano ode mnie @{d} dwa razy.",
                  "Aplikacja zawiesza się od wersji @{d}.",
                  "Paczka @{d} od tygodnia stoi w miejscu."),
        "email": ("Mój adres e-mail to @{email}.", "Proszę pisać na @{email}"),
        "phone": ("Proszę dzwonić pod numer @{phone}.", "Mój numer: @{phone}"),
        "card": ("Płaciłem kartą @{card}.", "Karta @{card} została odrzucona."),
        "iban": ("Proszę o zwrot na konto @{iban}.", "Mój IBAN to @{iban}"),
        "relative": ("@{Rel} @{rfirst} @{rlast} zamawiał(a) to dla mnie.",
                     "To było dla osoby: @{rel}, @{rfirst}."),
        "rel": ("moja siostra", "mój brat", "moja żona", "mój mąż", "moja córka", "mój syn",
                "moja mama", "mój tata"),
        "signoff": ("Dziękuję bardzo!\n@{first}", "Pozdrawiam, @{first}"),
        "bot": ("Dziękuję, @{first}. Założyłem zgłoszenie @{case}.",
                "Dzień dobry, @{first}! Zgłoszenie @{case} czeka w kolejce."),
        "bot_email": ("Zapisałem adres @{email} na Pana/Pani koncie.",),
        "bot_phone": ("Dziękuję, oddzwonimy na numer @{phone} w ciągu 24 godzin.",),
        "agent": ("Dzień dobry @{first}, tu @{afirst} @{alast} z działu obsługi klienta. "
                  "Przejmuję rozmowę od asystenta.",
                  "Tu @{afirst}, konsultant. @{first}, widzę już Pana/Pani zgłoszenie."),
    },
}  # fmt: skip
_ISSUE_SORTS = ("order", "price", "version", "tracking")


def _iu(words: str) -> str:
    return " ".join(syllabics(w) for w in words.split())


def _zgh(words: str) -> str:
    return " ".join(tifinagh(w) for w in words.split())


# the twenty other languages: hello, "my name is", thanks, goodbye (name tag -> phrases)
_OWN: dict[str, tuple[str, str, str, str]] = {
    "wo": ("Salaam aleekum", "maa ngi tudd @{first} @{last}", "Jërëjëf", "Ba beneen yoon"),
    "ln": ("Mbote", "nkombo na ngai @{first} @{last}", "Matondo mingi", "Tikala malamu"),
    "lg": ("Oli otya", "erinnya lyange nze @{first} @{last}", "Webale nnyo", "Weraba"),
    "ny": ("Moni", "dzina langa ndine @{first} @{last}", "Zikomo kwambiri", "Tsalani bwino"),
    "tn": ("Dumela", "leina la me ke @{first} @{last}", "Ke a leboga", "Sala sentle"),
    "om": ("Akkam", "maqaan koo @{first} @{last} jedhama", "Galatoomaa", "Nagaatti"),
    "jv": ("Sugeng enjing", "nami kula @{first} @{last}", "Matur nuwun", "Sugeng rawuh"),
    "ceb": ("Maayong buntag", "ako si @{first} @{last}", "Salamat kaayo", "Amping"),
    "sm": ("Talofa", "o loʻu igoa o @{first} @{last}", "Faʻafetai tele", "Tōfā soifua"),
    "hmn": ("Nyob zoo", "kuv lub npe yog @{first} @{last}", "Ua tsaug ntau", "Sib ntsib dua"),
    "tk": ("Salam", "meniň adym @{first} @{last}", "Sag boluň", "Görüşýänçäk"),
    "rm": ("Allegra", "jau hai num @{first} @{last}", "Grazia fitg", "A revair"),
    "bo": ("བཀྲ་ཤིས་བདེ་ལེགས།", "ངའི་མིང་ལ་ @{first} @{last} ཟེར།", "ཐུགས་རྗེ་ཆེ།", "ག་ལེར་བཞུགས།"),
    "bo-Latn": ("Tashi delek", "nga ming la @{first} @{last} ser", "Thuk je che", "Kale shu"),
    "dv": ("އައްސަލާމު ޢަލައިކުމް", "އަހަރެންގެ ނަމަކީ @{first} @{last}", "ޝުކުރިއްޔާ",
           "ދެން ބައްދަލުވާނީ"),
    "dv-Latn": ("Assalaamu alaikum", "aharenge namakee @{first} @{last}", "Shukuriyyaa",
                "Dhen baddhaluvaanee"),
    "sd": ("السلام عليڪم", "منهنجو نالو @{first} @{last} آهي", "مهرباني", "خدا حافظ"),
    "sd-Latn": ("Assalam alaikum", "muhinjo naalo @{first} @{last} aahe", "Meharbani",
                "Khuda hafiz"),
    "as": ("নমস্কাৰ", "মোৰ নাম @{first} @{last}", "ধন্যবাদ", "পিছত লগ পাম"),
    "as-Latn": ("Nomoskar", "mur naam @{first} @{last}", "Dhonyobad", "Pisot log pam"),
    "ba": ("Һаумыһығыҙ", "минең исемем @{first} @{last}", "Рәхмәт", "Һау булығыҙ"),
    "ba-Latn": ("Haumyhyghydh", "mineng isemem @{first} @{last}", "Räkhmät", "Hau bulyghydh"),
    "cv": ("Салам", "манӑн ятӑм @{first} @{last}", "Тавтапуҫ", "Сывӑ пулӑр"),
    "cv-Latn": ("Salam", "manăn yatăm @{first} @{last}", "Tavtapuş", "Syvă pulăr"),
    "iu": (_iu("ai"), _iu("uvanga") + " @{first} @{last}", _iu("qujannamiik"),
           _iu("takuniaqpagit")),
    "iu-Latn": ("Ai", "uvanga @{first} @{last}", "Qujannamiik", "Takuniaqpagit"),
    "zgh": (_zgh("azul"), _zgh("isem inu") + " @{first} @{last}", _zgh("tanemmirt"),
            _zgh("ar timlilit")),
    "zgh-Latn": ("Azul", "isem inu @{first} @{last}", "Tanemmirt", "Ar timlilit"),
}  # fmt: skip


def _profile(platform: str, p: Person) -> dict[str, object]:
    if platform == "peki":
        return {"firstName": p.first, "lastName": p.last, "email": p.email, "phone": p.phone}
    if platform == "kore":
        tags = [
            {"name": "email", "value": p.email},
            {"name": "firstName", "value": p.first},
            {"name": "lastName", "value": p.last},
            {"name": "phone", "value": p.phone},
        ]
        return {"tags": {"userTags": tags}, "channel": "webchat"}
    return {"user_info": {"name": p.full, "email": p.email, "phone": p.phone}, "locale": "auto"}


def _person(rng: random.Random, w: _Who) -> Person:
    num = _valid_number(rng, w.region)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    written = rng.choice(
        (
            phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL),
            phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL),
            e164,
        )
    )
    return Person(w.tag, w.first, w.last, _email(rng, w), e164, written, w.region)


def _support(rng: random.Random) -> tuple[Person, list[Text]]:
    w = _who(rng)
    p = _person(rng, w)
    lang = w.lang if w.lang in CORE else "en"
    L = _CORE[lang]
    own = _OWN.get(w.tag)
    d = _Doc(rng, SUPPORT, lang)
    agent = _who(rng, rng.choice((lang, lang, rng.choice(LANGS))), roman=True)
    c = rng.choice
    email_slot = ("email", p.email, f"email/{w.lang}/{SUPPORT}/customer")
    texts: list[Text] = []

    def intro() -> Text:
        k = rng.randrange(4)
        dslot, issue_tpl = d.decoy(_ISSUE_SORTS[k]), L["issue"][k]
        if own:
            tpl = f"{own[0]}, {own[1]}. {issue_tpl}"
            hello = ""
        else:
            tpl, hello = c(L["intro"]).replace("@{issue}", issue_tpl), c(L["hello"])
        return d.text(
            tpl,
            "message:user",
            hello=hello,
            first=d.name(w, "first", "intro"),
            last=d.name(w, "last", "intro"),
            d=dslot,
        )

    texts.append(_placed(intro))
    texts.append(
        _placed(
            lambda: d.text(
                c(L["bot"]),
                "message:bot",
                first=d.name(w, "first", "bot"),
                case=d.decoy("case-ref"),
            )
        )
    )
    details = rng.sample(("email", "phone", "card", "iban"), rng.randint(1, 3))
    for what in details:
        if what == "email":
            texts.append(_placed(lambda: d.text(c(L["email"]), "message:user", email=email_slot)))
            if rng.random() < 0.5:
                texts.append(
                    _placed(lambda: d.text(c(L["bot_email"]), "message:bot", email=email_slot))
                )
        elif what == "phone":
            ph = d.own_phone(p) if rng.random() < 0.7 else d.phone(w)
            texts.append(_placed(lambda ph=ph: d.text(c(L["phone"]), "message:user", phone=ph)))
            if rng.random() < 0.4:
                texts.append(
                    _placed(lambda ph=ph: d.text(c(L["bot_phone"]), "message:bot", phone=ph))
                )
        elif what == "card":
            texts.append(_placed(lambda: d.text(c(L["card"]), "message:user", card=d.card())))
        else:
            texts.append(_placed(lambda: d.text(c(L["iban"]), "message:user", iban=d.iban(w))))
    if rng.random() < 0.15:
        texts.append(
            _placed(
                lambda: d.text(
                    c(
                        (
                            "The link you sent says expired: @{url}",
                            "@{url} <- this is what I get, error @{version}",
                        )
                    ),
                    "message:user",
                    url=d.url(),
                    version=d.decoy("version"),
                )
            )
        )
    if rng.random() < 0.55:
        rel = _who(rng, w.lang, roman=w.tag.endswith("-Latn"))

        def relative() -> Text:
            word = c(L["rel"])
            return d.text(
                c(L["relative"]),
                "message:user",
                rel=word,
                Rel=word[:1].upper() + word[1:],
                rfirst=d.name(rel, "first", "third"),
                rlast=d.name(rel, "last", "third"),
            )

        texts.append(_placed(relative))
    has_agent = rng.random() < 0.65
    if has_agent:
        texts.append(
            _placed(
                lambda: d.text(
                    c(L["agent"]),
                    "message:agent",
                    first=d.name(w, "first", "addressed"),
                    afirst=d.name(agent, "first", "agent"),
                    alast=d.name(agent, "last", "agent"),
                )
            )
        )
    if rng.random() < 0.85:
        if own:
            tpl = c((f"{own[2]}!\n@{{first}}", f"{own[2]}. {own[3]},\n@{{first}}"))
        else:
            tpl = c(L["signoff"])
        texts.append(
            _placed(lambda: d.text(tpl, "message:user", first=d.name(w, "first", "signoff")))
        )
    # the session record's free-text fields, written by the agent in English
    r = _Doc(rng, SUPPORT, "en")
    if rng.random() < 0.6:
        texts.append(
            _placed(
                lambda: r.text(
                    c(
                        (
                            "@{first} @{last} wrote about order @{order}; refund of @{price} "
                            "approved.",
                            "Customer @{first} @{last}: parcel @{order} lost, reshipped. "
                            "Goodwill credit @{price}.",
                            "@{first} @{last} missed flight @{flight} after the app crash; "
                            "voucher @{price} issued.",
                            "Gift card @{gift} showed no balance for @{first} @{last}; "
                            "reissued, order @{order}.",
                            "IBAN given as @{bad} failed validation; asked @{first} @{last} again.",
                        )
                    ),
                    "raw:summary",
                    first=r.name(w, "first", "raw-summary"),
                    last=r.name(w, "last", "raw-summary"),
                    order=r.decoy("order"),
                    price=r.decoy("price"),
                    flight=r.decoy("flight"),
                    gift=r.decoy("gift-card"),
                    bad=r.decoy("iban-shaped"),
                )
            )
        )
    if rng.random() < 0.6:
        texts.append(
            _placed(
                lambda: r.text(
                    '{"customer": {"given": "@{first}", "family": "@{last}"}, '
                    '"contact": "@{email}", "callback": "@{phone}", "case": "@{case}", '
                    '"handled_by": "@{afirst}", "client_ip": "@{ip}"}',
                    "raw:notes",
                    first=r.name(w, "first", "raw-json"),
                    last=r.name(w, "last", "raw-json"),
                    email=email_slot,
                    phone=("phone", p.phone, f"phone/{p.country}/{SUPPORT}/e164"),
                    case=r.decoy("case-ref"),
                    afirst=r.name(agent, "first", "agent"),
                    ip=r.ip(),
                )
            )
        )
    if rng.random() < 0.5:
        texts.append(
            _placed(
                lambda: r.text(
                    c(
                        (
                            '["refund", "@{product}", "lang-@{lang}", "owner-@{afirst}"]',
                            '["escalated", "@{product}", "lang-@{lang}"]',
                        )
                    ),
                    "raw:tags",
                    product=r.decoy("product"),
                    lang=w.lang,
                    afirst=r.name(agent, "first", "agent"),
                )
            )
        )
    if rng.random() < 0.45:
        texts.append(
            _placed(
                lambda: r.text(
                    c(
                        (
                            "Rating 2/5: refund of @{price} took too long, but @{afirst} "
                            "@{alast} sorted it. — @{first}",
                            "@{afirst} was very patient. 5 stars. (@{date})",
                        )
                    ),
                    "raw:feedback",
                    price=r.decoy("price"),
                    date=r.decoy("date"),
                    afirst=r.name(agent, "first", "agent"),
                    alast=r.name(agent, "last", "agent"),
                    first=r.name(w, "first", "feedback"),
                )
            )
        )
    return p, texts


# --- situations --------------------------------------------------------------------------------


def _where(rng: random.Random) -> str:
    return rng.choice(("message:user",) * 6 + ("message:agent", "message:agent", "raw:notes"))


def _caseless(*names: str) -> bool:
    return any(n.upper() == n for n in names)


def _vcard(d: _Doc, w: _Who) -> list[Text]:
    r = _who(d.rng)
    if d.rng.random() < 0.5 or _caseless(w.first, w.last):
        tpl = (
            "Here is my contact card:\nBEGIN:VCARD\nVERSION:4.0\nFN:@{first} @{last}\n"
            "TEL;VALUE=uri;TYPE=cell:tel:@{phone}\nEMAIL;TYPE=home:@{email}\n"
            "ADR;TYPE=home:;;@{street} 12;;;;\nREV:@{date}\nEND:VCARD"
        )
        phone = d.phone(w, "e164")
    else:
        tpl = (
            "BEGIN:VCARD\nVERSION:3.0\nN:@{LAST};@{FIRST};;;\nFN:@{first} @{last}\n"
            "ORG:@{company}\nTEL;TYPE=CELL:@{phone}\nEMAIL;TYPE=INTERNET:@{email}\n"
            "NOTE:In case of emergency call @{rfirst} @{rlast}\nEND:VCARD"
        )
        phone = d.phone(w, d.rng.choice(("intl", "national", "intl-possible-unassigned")))
    return [
        d.text(
            tpl,
            _where(d.rng),
            first=d.name(w, "first", "card-owner"),
            last=d.name(w, "last", "card-owner"),
            FIRST=d.name(w, "first", "card-owner-caps", upper=True),
            LAST=d.name(w, "last", "card-owner-caps", upper=True),
            phone=phone,
            email=d.email(w),
            street=d.decoy("street"),
            date=d.decoy("date"),
            company=d.decoy("company"),
            rfirst=d.name(r, "first", "emergency-contact"),
            rlast=d.name(r, "last", "emergency-contact"),
        )
    ]


def _hl7(d: _Doc, w: _Who) -> list[Text]:
    r = _who(d.rng)
    tpl = (
        "MSH|^~\\&|ADT1|GOODHEALTH|LABADT|GOODHEALTH|202405131022||ADT^A04|MSG00417|P|2.5\n"
        "EVN|A04|202405131022\n"
        "PID|1||@{mrn}^^^GOODHEALTH^MR||@{LAST}^@{FIRST}^^^^^L||@{dob}|U|||"
        "@{street} 7^^^^^||@{phone}^PRN^PH~^NET^Internet^@{email}\n"
        "NK1|1|@{RLAST}^@{RFIRST}|NOK|||@{rphone}\n"
        "PV1|1|O|CLINIC^^^GOODHEALTH||||@{dlast}^@{dfirst}^^^DR"
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:agent", "raw:notes", "message:user")),
            mrn=d.decoy("case-ref"),
            LAST=d.name(w, "last", "patient", upper=True),
            FIRST=d.name(w, "first", "patient", upper=True),
            dob=d.decoy("date"),
            street=d.decoy("street"),
            phone=d.phone(w, "national"),
            email=d.email(w),
            RLAST=d.name(r, "last", "next-of-kin", upper=True),
            RFIRST=d.name(r, "first", "next-of-kin", upper=True),
            rphone=d.phone(r, d.rng.choice(("intl", "e164"))),
            dlast=d.name(_who(d.rng), "last", "physician", upper=True),
            dfirst=d.name(_who(d.rng), "first", "physician", upper=True),
        )
    ]


def _fhir(d: _Doc, w: _Who) -> list[Text]:
    r = _who(d.rng)
    tpl = (
        '{\n  "resourceType": "Patient",\n  "id": "@{pid}",\n  "active": true,\n'
        '  "name": [{"use": "official", "family": "@{last}", "given": ["@{first}"]}],\n'
        '  "telecom": [\n    {"system": "phone", "value": "@{phone}", "use": "mobile"},\n'
        '    {"system": "email", "value": "@{email}"}\n  ],\n'
        '  "birthDate": "@{dob}",\n'
        '  "contact": [{"relationship": [{"text": "next of kin"}],\n'
        '    "name": {"family": "@{rlast}", "given": ["@{rfirst}"]}}]\n}'
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:user", "raw:notes", "message:agent")),
            pid=d.decoy("case-ref"),
            last=d.name(w, "last", "patient"),
            first=d.name(w, "first", "patient"),
            phone=d.phone(w, d.rng.choice(("e164", "intl", "intl-ext"))),
            email=d.email(w),
            dob=d.decoy("date"),
            rlast=d.name(r, "last", "next-of-kin"),
            rfirst=d.name(r, "first", "next-of-kin"),
        )
    ]


def _dicom(d: _Doc, w: _Who) -> list[Text]:
    doc = _who(d.rng)
    up = d.rng.random() < 0.5
    tpl = (
        "(0008,0020) DA [@{date}]\n(0008,0050) SH [@{acc}]\n"
        "(0008,0090) PN [@{dlast}^@{dfirst}]\n(0008,1030) LO [CT THORAX W/O CONTRAST]\n"
        "(0010,0010) PN [@{last}^@{first}]\n(0010,0020) LO [@{mrn}]\n(0010,0040) CS [O]\n"
        "(0018,1000) LO [@{product}]"
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:agent", "message:user")),
            date=d.decoy("date"),
            acc=d.decoy("lot"),
            dlast=d.name(doc, "last", "physician", up),
            dfirst=d.name(doc, "first", "physician", up),
            last=d.name(w, "last", "patient", up),
            first=d.name(w, "first", "patient", up),
            mrn=d.decoy("case-ref"),
            product=d.decoy("product"),
        )
    ]


def _bibtex(d: _Doc, w: _Who) -> list[Text]:
    a2, a3 = _who(d.rng), _who(d.rng)
    kind = d.rng.choice(("article", "book"))
    ident = "doi     = {@{ident}}" if kind == "article" else "isbn    = {@{ident}}"
    tpl = (
        f"Could you fix the citation? It exports as:\n@{kind}"
        + "{kx"
        + str(d.rng.randint(10, 99))
        + ",\n  author  = {@{l1}, @{f1} and @{l2}, @{f2} and @{l3}, @{f3}},\n"
        "  title   = {Masking personal data in multilingual support logs},\n"
        "  year    = {2023},\n  " + ident + "\n}\nQuestions to @{email}"
    )
    return [
        d.text(
            tpl,
            "message:user",
            l1=d.name(w, "last", "author"),
            f1=d.name(w, "first", "author"),
            l2=d.name(a2, "last", "author"),
            f2=d.name(a2, "first", "author"),
            l3=d.name(a3, "last", "author"),
            f3=d.name(a3, "first", "author"),
            ident=d.decoy("doi" if kind == "article" else "isbn"),
            email=d.email(w, work=True),
        )
    ]


def _pgn(d: _Doc, w: _Who) -> list[Text]:
    b = _who(d.rng)
    white, black = (w, b) if d.rng.random() < 0.5 else (b, w)
    tpl = (
        '[Event "Kestrel Rapid Open"]\n[Site "Online"]\n[Date "@{date}"]\n[Round "4"]\n'
        '[White "@{wl}, @{wf}"]\n[Black "@{bl}, @{bf}"]\n[Result "1-0"]\n[ECO "B90"]\n\n'
        "1. e4 c5 2. Nf3 d6 3. d4 cxd4 4. Nxd4 Nf6 5. Nc3 a6 6. Be3 e5 1-0\n"
        "The rating update for this game is missing, see @{case}."
    )
    return [
        d.text(
            tpl,
            "message:user",
            date=d.decoy("date"),
            wl=d.name(white, "last", "player"),
            wf=d.name(white, "first", "player"),
            bl=d.name(black, "last", "player"),
            bf=d.name(black, "first", "player"),
            case=d.decoy("case-ref"),
        )
    ]


def _gedcom(d: _Doc, w: _Who) -> list[Text]:
    sp = _who(d.rng, w.lang)
    tpl = (
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @I1@ INDI\n1 NAME @{f1} /@{l1}/\n1 SEX M\n1 BIRT\n"
        "2 DATE @{b1}\n1 EMAIL @{email}\n0 @I2@ INDI\n1 NAME @{f2} /@{l2}/\n1 SEX F\n1 BIRT\n"
        "2 DATE @{b2}\n0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@"
    )
    return [
        d.text(
            tpl,
            "message:user",
            f1=d.name(w, "first", "ancestor"),
            l1=d.name(w, "last", "ancestor"),
            b1=d.decoy("date"),
            email=d.email(w),
            f2=d.name(sp, "first", "ancestor"),
            l2=d.name(sp, "last", "ancestor"),
            b2=d.decoy("date"),
        )
    ]


def _ldif(d: _Doc, w: _Who) -> list[Text]:
    m = _who(d.rng)
    if d.rng.random() < 0.6:
        tpl = (
            "dn: CN=@{last}\\, @{first},OU=Support,OU=People,DC=kestrelwave,DC=com\n"
            "objectClass: inetOrgPerson\nmail: @{email}\ntelephoneNumber: @{phone}\n"
            "manager: CN=@{mlast}\\, @{mfirst},OU=Management,DC=kestrelwave,DC=com\n"
            "whenCreated: @{date}"
        )
    else:
        tpl = (
            "Certificate rejected by the portal:\nSubject: C=CH, O=Kestrelwave AG, "
            "CN=@{first} @{last}, emailAddress=@{email}\n"
            "Issuer: C=CH, O=Kestrelwave AG, CN=Kestrelwave Issuing CA 2\n"
            "Not After : @{date}\nRequested for @{mfirst} @{mlast}'s team, tel. @{phone}"
        )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:agent", "message:user")),
            last=d.name(w, "last", "directory"),
            first=d.name(w, "first", "directory"),
            email=d.email(w, work=True),
            phone=d.phone(w, d.rng.choice(("intl", "intl-ext", "e164"))),
            mlast=d.name(m, "last", "manager"),
            mfirst=d.name(m, "first", "manager"),
            date=d.decoy("date"),
        )
    ]


def _sip(d: _Doc, w: _Who) -> list[Text]:
    if d.rng.random() < 0.6:
        ip = d.ip()
        host = f"[{ip[1]}]" if ":" in ip[1] else ip[1]
        tpl = (
            "INVITE sip:billing@pbx.kestrelwave.com SIP/2.0\n"
            "Via: SIP/2.0/UDP " + host.replace(ip[1], "@{ip}") + ":5060;branch=z9hG4bK776asd\n"
            'From: "@{first} @{last}" <sip:@{phone}@voip.carrier.net>;tag=1928301774\n'
            "To: <sip:billing@pbx.kestrelwave.com>\nCall-ID: a84b4c76e66710@pbx\n"
            "CSeq: 314159 INVITE\nUser-Agent: @{product}"
        )
        slots = {"ip": ip, "product": d.decoy("product")}
    else:
        tpl = (
            'CDR @{date} @{time} src="@{first} @{last}" <@{phone}> dst=queue-billing '
            "dur=00:03:12 disposition=ANSWERED agent=@{afirst}"
        )
        slots = {
            "date": d.decoy("date"),
            "time": d.decoy("time"),
            "afirst": d.name(_who(d.rng), "first", "agent"),
        }
    return [
        d.text(
            tpl,
            "message:agent",
            first=d.name(w, "first", "caller"),
            last=d.name(w, "last", "caller"),
            phone=d.phone(w, "e164"),
            **slots,
        )
    ]


def _transcript(d: _Doc, w: _Who) -> list[Text]:
    s2, s3, m = _who(d.rng), _who(d.rng), _who(d.rng)
    tpl = (
        "Transcript: @{product} weekly sync, @{date}\n"
        "Speakers: S1 = @{f1} @{l1}; S2 = @{f2} @{l2}; S3 = @{f3}\n"
        "[00:00:04] S1: Let's start, @{mf} sends apologies.\n"
        "[00:01:12] S2: Build @{version} is still blocked on review.\n"
        "[00:02:40] S3: I'll send the notes to @{email} after the call."
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:user", "raw:notes")),
            product=d.decoy("product"),
            date=d.decoy("date"),
            f1=d.name(w, "first", "speaker"),
            l1=d.name(w, "last", "speaker"),
            f2=d.name(s2, "first", "speaker"),
            l2=d.name(s2, "last", "speaker"),
            f3=d.name(s3, "first", "speaker"),
            mf=d.name(m, "first", "third"),
            version=d.decoy("version"),
            email=d.email(w, work=True),
        )
    ]


_ZOOM = {
    "en": ("From @{a} to Everyone:", "From @{a} to @{b} (Direct Message):"),
    "de": ("Von @{a} an Alle:", "Von @{a} an @{b} (Direktnachricht):"),
    "fr": ("De @{a} à Tout le monde :", "De @{a} à @{b} (message direct) :"),
    "es": ("De @{a} a Todos:", "De @{a} a @{b} (mensaje directo):"),
    "it": ("Da @{a} a Tutti:", "Da @{a} a @{b} (messaggio diretto):"),
    "pt": ("De @{a} para Todos:", "De @{a} para @{b} (mensagem direta):"),
    "nl": ("Van @{a} aan Iedereen:", "Van @{a} aan @{b} (direct bericht):"),
    "pl": ("Od @{a} do Wszyscy:", "Od @{a} do @{b} (wiadomość bezpośrednia):"),
    "tr": ("Gönderen @{a}, alıcı Herkes:", "Gönderen @{a}, alıcı @{b} (doğrudan mesaj):"),
}


def _zoom(d: _Doc, w: _Who) -> list[Text]:
    a2, a3 = _who(d.rng), _who(d.rng)
    everyone, direct = _ZOOM[d.lang]
    tpl = (
        "@{t1} " + everyone.replace("@{a}", "@{f1} @{l1}") + "\n\tslides: @{url}\n"
        "10:07:40 " + everyone.replace("@{a}", "@{f2}") + "\n\taudio drops, my number @{phone}\n"
        "10:09:02 "
        + direct.replace("@{a}", "@{f3} @{l3}").replace("@{b}", "@{f1b}")
        + "\n\tsee you at @{time}"
    )
    return [
        d.text(
            tpl,
            "message:user",
            t1=d.decoy("time"),
            f1=d.name(w, "first", "sender"),
            l1=d.name(w, "last", "sender"),
            url=d.url("meeting-pwd"),
            f2=d.name(a2, "first", "sender"),
            phone=d.phone(a2),
            f3=d.name(a3, "first", "sender"),
            l3=d.name(a3, "last", "sender"),
            f1b=d.name(_who(d.rng), "first", "recipient"),
            time=d.decoy("time"),
        )
    ]


def _package(d: _Doc, w: _Who) -> list[Text]:
    c2 = _who(d.rng)
    tpl = d.rng.choice(
        (
            '{\n  "name": "@kestrel/widgets",\n  "version": "@{version}",\n'
            '  "author": "@{f1} @{l1} <@{email}>",\n  "contributors": ["@{f2} @{l2}"],\n'
            '  "dependencies": {"lodash": "^4.17.21"}\n}\nInstall fails with @{pkg}, why?',
            "# AUTHORS (@{version})\n@{f1} @{l1} <@{email}>\n@{f2} @{l2}\n# pinned: @{pkg}",
            '[project]\nname = "kestrel-export"\nversion = "@{version}"\n'
            'authors = [{name = "@{f1} @{l1}", email = "@{email}"}, {name = "@{f2} @{l2}"}]\n'
            "# pip install @{pkg} first",
        )
    )
    return [
        d.text(
            tpl,
            "message:user",
            version=d.decoy("version"),
            f1=d.name(w, "first", "author"),
            l1=d.name(w, "last", "author"),
            email=d.email(w),
            f2=d.name(c2, "first", "author"),
            l2=d.name(c2, "last", "author"),
            pkg=d.decoy("pkg-spec"),
        )
    ]


def _lading(d: _Doc, w: _Who) -> list[Text]:
    cons = _who(d.rng)
    tpl = (
        "BILL OF LADING  B/L No. @{bl}\n"
        "Shipper: @{company}, attn. @{f1} @{l1}, tel. @{phone1}\n"
        "Consignee: @{f2} @{l2}, @{street} 9\nNotify party: consignee, e-mail @{email}\n"
        "Vessel/voyage: MSC ALTAIR / 412W   Container: @{lot}\n"
        "Gross weight 12,480 kg, 22 pallets of @{product}"
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:user", "message:agent")),
            bl=d.decoy("tracking"),
            company=d.decoy("company"),
            f1=d.name(w, "first", "shipper"),
            l1=d.name(w, "last", "shipper"),
            phone1=d.phone(w),
            f2=d.name(cons, "first", "consignee"),
            l2=d.name(cons, "last", "consignee"),
            street=d.decoy("street"),
            email=d.email(cons),
            lot=d.decoy("lot"),
            product=d.decoy("product"),
        )
    ]


def _race(d: _Doc, w: _Who) -> list[Text]:
    runners = [w, _who(d.rng), _who(d.rng)]
    d.rng.shuffle(runners)
    rows = "".join(
        f"{i + 1}    {d.rng.randint(100, 999)}   @{{L{i}}} @{{F{i}}}   "
        f"{'@{club}' if i == 1 else 'unattached'}"
        f"   {'@{time}' if i == 0 else f'0:{41 + i}:{d.rng.randint(10, 59)}'}\n"
        for i in range(3)
    )
    slots: dict[str, Slot] = {}
    up = d.rng.random() < 0.6
    for i, r in enumerate(runners):
        slots[f"L{i}"] = d.name(r, "last", "runner", up)
        slots[f"F{i}"] = d.name(r, "first", "runner")
    return [
        d.text(
            "Lakeside 10 km, results (@{date})\nPos  Bib   Name   Club   Time\n"
            + rows
            + "My chip time is wrong, please check.",
            "message:user",
            date=d.decoy("date"),
            club=d.decoy("company"),
            time=d.decoy("time"),
            **slots,
        )
    ]


def _court(d: _Doc, w: _Who) -> list[Text]:
    other, counsel = _who(d.rng), _who(d.rng)
    if d.rng.random() < 0.5:
        tpl = (
            "UNITED STATES DISTRICT COURT\n@{f1} @{l1},\n        Plaintiff,\n    v.\n"
            "@{company} INC.,\n        Defendant.\nCase No. @{case}\n"
            "Counsel for plaintiff: @{cf} @{cl}, @{email}"
        )
    else:
        tpl = (
            "Re: @{l1} v. @{l2}, @{case} (hearing @{date}).\n"
            "Please route this to @{cf} @{cl}, @{email}."
        )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:user", "message:agent")),
            f1=d.name(w, "first", "party"),
            l1=d.name(w, "last", "party"),
            l2=d.name(other, "last", "party"),
            company=d.decoy("company"),
            case=d.decoy("case-ref"),
            date=d.decoy("date"),
            cf=d.name(counsel, "first", "counsel"),
            cl=d.name(counsel, "last", "counsel"),
            email=d.email(counsel, work=True),
        )
    ]


_SOCIAL = {
    "en": ("@{f} @{l} liked your photo.", "@{f} invited you to join Kestrel. Accept: @{url}",
           "@{f} and 3 others commented on your post.", "@{f} @{l} sent you a friend request."),
    "de": ("@{f} @{l} gefällt dein Foto.", "@{f} hat dich zu Kestrel eingeladen. Annehmen: @{url}",
           "@{f} und 3 weitere haben deinen Beitrag kommentiert.",
           "@{f} @{l} hat dir eine Freundschaftsanfrage gesendet."),
    "fr": ("@{f} @{l} a aimé votre photo.",
           "@{f} vous invite à rejoindre Kestrel. Accepter : @{url}",
           "@{f} et 3 autres personnes ont commenté votre publication.",
           "@{f} @{l} vous a envoyé une invitation."),
    "es": ("A @{f} @{l} le gusta tu foto.",
           "@{f} te ha invitado a unirte a Kestrel. Aceptar: @{url}",
           "@{f} y 3 personas más comentaron tu publicación.",
           "@{f} @{l} te envió una solicitud de amistad."),
    "it": ("A @{f} @{l} piace la tua foto.", "@{f} ti ha invitato su Kestrel. Accetta: @{url}",
           "@{f} e altre 3 persone hanno commentato il tuo post.",
           "@{f} @{l} ti ha inviato una richiesta di amicizia."),
    "pt": ("@{f} @{l} gostou da sua foto.", "@{f} convidou-o para o Kestrel. Aceitar: @{url}",
           "@{f} e mais 3 pessoas comentaram a sua publicação.",
           "@{f} @{l} enviou-lhe um pedido de amizade."),
    "tr": ("@{f} @{l} fotoğrafını beğendi.", "@{f} seni Kestrel'e davet etti. Kabul et: @{url}",
           "@{f} ve 3 kişi daha gönderine yorum yaptı.",
           "@{f} @{l} sana arkadaşlık isteği gönderdi."),
    "nl": ("@{f} @{l} vindt je foto leuk.",
           "@{f} heeft je uitgenodigd voor Kestrel. Accepteren: @{url}",
           "@{f} en 3 anderen hebben op je bericht gereageerd.",
           "@{f} @{l} heeft je een vriendschapsverzoek gestuurd."),
    "pl": ("@{f} @{l} polubił(a) Twoje zdjęcie.", "@{f} zaprasza Cię do Kestrel. Akceptuj: @{url}",
           "@{f} i 3 inne osoby skomentowały Twój post.",
           "@{f} @{l} wysłał(a) Ci zaproszenie do znajomych."),
}  # fmt: skip


def _social(d: _Doc, w: _Who) -> list[Text]:
    people = [w, _who(d.rng)]
    lines, slots = [], {}
    for i, who in enumerate(people[: d.rng.randint(1, 2)]):
        k = d.rng.randrange(4)
        lines.append(
            "• "
            + _SOCIAL[d.lang][k]
            .replace("@{f}", f"@{{f{i}}}")
            .replace("@{l}", f"@{{l{i}}}")
            .replace("@{url}", f"@{{u{i}}}")
            + f" · @{{t{i}}}"
        )
        slots |= {
            f"f{i}": d.name(who, "first", "notification"),
            f"l{i}": d.name(who, "last", "notification"),
            f"u{i}": d.url("invite-token"),
            f"t{i}": d.decoy("time"),
        }
    head = "Why do I get these notifications from @{handle}?\n"
    return [d.text(head + "\n".join(lines), "message:user", handle=d.decoy("handle"), **slots)]


def _patent(d: _Doc, w: _Who) -> list[Text]:
    inv = [w, _who(d.rng)]
    d.rng.shuffle(inv)
    tpl = (
        "(10) Pub. No.: US 2023/0418842 A1\n(43) Pub. Date: @{date}\n"
        "(54) SYSTEM FOR PSEUDONYMISING CHAT TRANSCRIPTS\n"
        "(72) Inventors: @{L0}, @{F0}, Geneva (CH); @{L1}, @{F1}, Kampala (UG)\n"
        "(73) Assignee: @{company}\n(21) Appl. No.: 17/482,113\n(51) Int. Cl. G06F 21/62\n"
        "Correspondence: @{email}"
    )
    return [
        d.text(
            tpl,
            d.rng.choice(("message:user", "raw:notes")),
            date=d.decoy("date"),
            L0=d.name(inv[0], "last", "inventor", upper=True),
            F0=d.name(inv[0], "first", "inventor"),
            L1=d.name(inv[1], "last", "inventor", upper=True),
            F1=d.name(inv[1], "first", "inventor"),
            company=d.decoy("company"),
            email=d.email(w, work=True),
        )
    ]


_DISCHARGE = {
    "en": (
        "DISCHARGE SUMMARY\nPatient: @{L}, @{f}    DOB: @{dob}    MRN: @{mrn}\n"
        "Attending: Dr. @{af} @{al}\nDiagnosis: @{icd}\n"
        "Next of kin: @{rf} @{rl} (@{rel}), @{phone}\nQuestions: @{email}"
    ),
    "de": (
        "ENTLASSUNGSBRIEF\nPatient: @{L}, @{f}, geb. @{dob}, Fall-Nr. @{mrn}\n"
        "Behandelnder Arzt: Dr. @{af} @{al}\nDiagnose: @{icd}\n"
        "Angehörige: @{rf} @{rl} (@{rel}), Tel. @{phone}\nRückfragen: @{email}"
    ),
    "fr": (
        "COMPTE RENDU D'HOSPITALISATION\nPatient : @{L} @{f}, né(e) le @{dob}, IPP @{mrn}\n"
        "Médecin : Dr @{af} @{al}\nDiagnostic : @{icd}\n"
        "Personne à prévenir : @{rf} @{rl} (@{rel}), tél. @{phone}\nContact : @{email}"
    ),
    "es": (
        "INFORME DE ALTA\nPaciente: @{L}, @{f}  F. nac.: @{dob}  N.º historia: @{mrn}\n"
        "Médico responsable: Dr. @{af} @{al}\nDiagnóstico: @{icd}\n"
        "Contacto: @{rf} @{rl} (@{rel}), tel. @{phone}\nConsultas: @{email}"
    ),
}
_REL_WORD = {
    "en": ("daughter", "son", "wife", "husband"),
    "de": ("Tochter", "Sohn", "Ehefrau", "Ehemann"),
    "fr": ("fille", "fils", "épouse", "époux"),
    "es": ("hija", "hijo", "esposa", "esposo"),
}


def _discharge(d: _Doc, w: _Who) -> list[Text]:
    doc, rel = _who(d.rng), _who(d.rng, w.lang)
    return [
        d.text(
            _DISCHARGE[d.lang],
            d.rng.choice(("message:user", "raw:notes", "message:agent")),
            L=d.name(w, "last", "patient", d.rng.random() < 0.5),
            f=d.name(w, "first", "patient"),
            dob=d.decoy("date"),
            mrn=d.decoy("case-ref"),
            af=d.name(doc, "first", "physician"),
            al=d.name(doc, "last", "physician"),
            icd=d.decoy("icd"),
            rf=d.name(rel, "first", "next-of-kin"),
            rl=d.name(rel, "last", "next-of-kin"),
            rel=d.rng.choice(_REL_WORD[d.lang]),
            phone=d.phone(rel),
            email=d.email(w),
        )
    ]


_WEDDING = {
    "en": (
        "Together with their families\n@{f1} @{l1}\n&\n@{f2} @{l2}\n"
        "invite you to celebrate their marriage\non @{date} at @{time}\n@{street} 3\n"
        "RSVP to @{email} or @{phone}"
    ),
    "fr": (
        "@{f1} @{l1} et @{f2} @{l2}\nont la joie de vous annoncer leur mariage\n"
        "le @{date} à @{time}, @{street} 3\nRéponse souhaitée : @{email}, @{phone}"
    ),
    "es": (
        "@{f1} @{l1} y @{f2} @{l2}\ntienen el placer de invitarle a su boda\n"
        "el @{date} a las @{time}, @{street} 3\nConfirmar asistencia: @{email}, @{phone}"
    ),
    "it": (
        "@{f1} @{l1} e @{f2} @{l2}\nannunciano il loro matrimonio\n"
        "@{date}, ore @{time}, @{street} 3\nSi prega di confermare a @{email}, @{phone}"
    ),
    "pt": (
        "@{f1} @{l1} e @{f2} @{l2}\nconvidam para o seu casamento\n"
        "@{date} às @{time}, @{street} 3\nConfirmação: @{email}, @{phone}"
    ),
}


def _wedding(d: _Doc, w: _Who) -> list[Text]:
    p2 = _who(d.rng)
    return [
        d.text(
            "Can you print 80 of these?\n" + _WEDDING[d.lang],
            "message:user",
            f1=d.name(w, "first", "couple"),
            l1=d.name(w, "last", "couple"),
            f2=d.name(p2, "first", "couple"),
            l2=d.name(p2, "last", "couple"),
            date=d.decoy("date"),
            time=d.decoy("time"),
            street=d.decoy("street"),
            email=d.email(w),
            phone=d.phone(w),
        )
    ]


# situation -> (builder, label languages besides English)
_BUILDERS: dict[str, tuple[Callable[[_Doc, _Who], list[Text]], tuple[str, ...]]] = {
    "vcard": (_vcard, ()),
    "hl7-pid": (_hl7, ()),
    "fhir-patient": (_fhir, ()),
    "dicom-tags": (_dicom, ()),
    "bibtex": (_bibtex, ()),
    "pgn-header": (_pgn, ()),
    "gedcom": (_gedcom, ()),
    "ldif-dn": (_ldif, ()),
    "sip-log": (_sip, ()),
    "meeting-transcript": (_transcript, ()),
    "zoom-chat": (_zoom, tuple(_ZOOM)),
    "package-authors": (_package, ()),
    "bill-of-lading": (_lading, ()),
    "race-results": (_race, ()),
    "court-caption": (_court, ()),
    "social-notification": (_social, tuple(_SOCIAL)),
    "patent-front-page": (_patent, ()),
    "discharge-summary": (_discharge, tuple(_DISCHARGE)),
    "wedding-invitation": (_wedding, tuple(_WEDDING)),
}
assert tuple(_BUILDERS) == SITUATIONS

_ACK = (
    "Thanks, @{first}. I've attached it to case @{case}.",
    "Got it, @{first}! Our team will look at @{case} within two working days.",
    "Thank you @{first}, reference @{case}. We'll reply to @{email}.",
)


def _situation(rng: random.Random) -> tuple[Person, list[Text]]:
    sit = rng.choice(SITUATIONS)
    build, local = _BUILDERS[sit]
    langs = tuple(x for x in local if x != "en")
    lang = rng.choice(langs) if langs and rng.random() < 0.45 else "en"
    w = _who(rng)
    p = _person(rng, w)
    d = _Doc(rng, sit, lang)
    texts = _placed_all(lambda: build(d, w))
    if rng.random() < 0.75:
        a = _Doc(rng, sit, "en")
        email = ("email", p.email, f"email/{w.lang}/{sit}/customer")
        texts.append(
            _placed(
                lambda: a.text(
                    rng.choice(_ACK),
                    "message:bot",
                    first=a.name(w, "first", "addressed"),
                    case=a.decoy("case-ref"),
                    email=email,
                )
            )
        )
    return p, texts


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in whole conversations (the last one cut short), the same for the same seed."""
    rng = random.Random(f"heldout-bank22/{seed}")
    out: list[Conversation] = []
    total = 0
    while total < n:
        try:
            p, texts = _support(rng) if rng.random() < _P_SUPPORT else _situation(rng)
        except _Again:
            continue
        platform = rng.choice(PLATFORMS)
        texts = texts[: n - total]
        out.append(Conversation(platform, p, _profile(platform, p), texts))
        total += len(texts)
    return out
