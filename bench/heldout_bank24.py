"""Held-out bank 24: support chat in 30 languages plus 20 kinds of pasted documents.

What it holds. About 70 % of the texts are ordinary support traffic on the three platforms: a
customer greets and introduces themselves in their own language, gives an e-mail address, a
phone number, a card, an IBAN, an IP address or a link carrying a secret, mentions relatives
with their numbers, a human agent takes over and signs with their name, the customer signs off
with their first name, and the session record's free-text fields (summary, notes, tags,
feedback) name them again. The other 30 % are documents people paste into a chat, in 20
situations: ham-radio QSO logs (ADIF), IRC logs, Discord exports, Mastodon (ActivityPub)
actors, Atom feed authors, EXIF/XMP metadata, DOCX ``core.xml``, Jupyter notebook metadata,
CODEOWNERS files, Bluetooth/Wi-Fi device lists, podcast show notes, lost-and-found notices,
blood-donor cards, ship crew lists, visitor logbooks, veterinary records, library loan slips,
theatre programmes, job offer letters and printer job logs. Most documents have English frames;
a share (``LOCAL``) is written in other product languages.

People come from ``heldout_bank24_names``: the nine product languages, twelve more in Latin
letters and nine in their own scripts (Cyrillic, Vai, Sundanese, Balinese, Lontara), a third
of the latter writing their names romanised (class tag ``<lang>-Latn``).

What counts as personal: every given and family name token (planted alone, also in CAPITALS
and ``Last, First`` where a format has them; no diminutives, handles or bot personas),
e-mail addresses, phone numbers (valid for their region, written nationally, internationally,
as E.164 or with an extension; some possible but unassigned, ``.../intl-possible-unassigned``),
cards (Luhn, real IIN ranges), IBANs (mod-97, right length), global IPv4/IPv6 addresses and
URLs with a secret (token, API key, signature, share id, credentials). Decoys (kind ``decoy``,
``DECOY_SORTS``) are values that are not personal and resemble something that is: order
numbers, tracking codes, prices, dates, versions, products, streets, companies, ships and
awards named after people, handles, package specifiers, gift cards failing Luhn, IBAN-shaped
strings failing mod-97, ISBNs, DOIs, call signs and MAC addresses. No decoy with digits,
dates apart, is a valid phone number of a region of the bank, and none of 13-19 digits passes
Luhn.

Classes are ``<kind>/<lang or region>/<situation>/<detail>``: names and decoys carry the
language (of the person, or of the document's frame), phones the region, IBANs the country.

Placement: every planted value occurs in its text exactly once as a whole value (not inside a
longer word), values do not overlap, and every text plants at least one; a text breaking this
is written again with other picks.

    python -m bench.heldout_bank24 20000    # what it plants, by kind, class and language
"""

from __future__ import annotations

import ipaddress
import json
import random
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import phonenumbers

from bench.heldout_bank24_names import (
    NAMES,
    PHRASES,
    PHRASES_LATN,
    REGION,
    ROMAN,
    family_form,
    romanise,
)
from bench.heldout_corpus import Conversation, Person, Planted, Text

SUPPORT = "support"
SITUATIONS = (
    "adif", "irc", "discord", "mastodon", "atom", "exif", "docx", "jupyter", "codeowners",
    "devices", "podcast", "lost-found", "blood-donor", "crew-list", "visitor-log", "vet",
    "library-slip", "theatre", "job-offer", "printer-log",
)  # fmt: skip
# situations with frames in other product languages (the rest are written in English)
LOCAL: dict[str, tuple[str, ...]] = {
    "lost-found": ("de", "fr"),
    "blood-donor": ("it", "es"),
    "crew-list": ("pt",),
    "visitor-log": ("nl", "tr"),
    "vet": ("es", "de"),
    "library-slip": ("pl", "it"),
    "theatre": ("fr",),
    "job-offer": ("pt", "de"),
    "podcast": ("es",),
    "printer-log": ("tr",),
}
DECOY_SORTS = (
    "order", "tracking", "price", "date", "version", "product", "street", "company", "ship",
    "award", "handle", "package", "giftcard", "iban-shaped", "isbn", "doi", "callsign", "mac",
)  # fmt: skip

LANGS = tuple(NAMES)
CYRILLIC = ("av", "kbd", "bua", "xal", "udm")
REGIONS = tuple(dict.fromkeys(REGION.values()))
_PHONE_REGIONS = tuple(sorted(set(REGIONS)))


# --- checks -----------------------------------------------------------------------------------


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    """Every value once, whole, apart; at least one value."""
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
    return all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def phone_valid_somewhere(value: str) -> bool:
    for region in _PHONE_REGIONS:
        try:
            num = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return True
    return False


# --- people ---------------------------------------------------------------------------------


def _ascii(s: str) -> str:
    folded = unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L"))
    return "".join(ch for ch in folded.lower() if ch in string.ascii_lowercase)


_GLOBAL_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com")
_DOMAINS = {
    "GB": ("btinternet.com", "sky.com"), "DE": ("web.de", "gmx.de", "t-online.de"),
    "FR": ("orange.fr", "free.fr"), "ES": ("telefonica.net", "hotmail.es"),
    "IT": ("libero.it", "tiscali.it"), "PT": ("sapo.pt", "iol.pt"), "TR": ("yandex.com.tr",),
    "NL": ("ziggo.nl", "kpnmail.nl"), "PL": ("o2.pl", "wp.pl", "interia.pl"),
    "KE": ("yahoo.co.ke",), "ZM": ("zamnet.zm",), "ZA": ("webmail.co.za", "mweb.co.za"),
    "SZ": ("realnet.co.sz",), "SL": ("sierratel.sl",), "US": ("hawaii.rr.com", "hawaiiantel.net"),
    "GU": ("guam.net", "ite.net"), "GL": ("tele.gl",), "RU": ("yandex.ru", "mail.ru", "bk.ru"),
    "LR": ("libtelco.com.lr",), "ID": ("yahoo.co.id", "telkom.net"),
}  # fmt: skip


def _email(rng: random.Random, first: str, last: str, region: str) -> str:
    f, la = _ascii(first) or "user", _ascii(last) or "mail"
    local = rng.choice(
        (f"{f}.{la}", f"{f[0]}{la}", f"{la}.{f}{rng.randint(1970, 2006)}", f"{f}_{la}",
         f"{f}{rng.randint(1, 99)}", f"{la}{f[0]}")
    )  # fmt: skip
    domains = _DOMAINS[region] if rng.random() < 0.6 else _GLOBAL_DOMAINS
    return f"{local}@{rng.choice(domains)}"


def _valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = rng.choice(
        (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
    )
    ex = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(300):
        keep = rng.randint(1, 3)
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse(f"+{ex.country_code}{cand}")
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    return ex


def _unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    cc = phonenumbers.country_code_for_region(region)
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    n = len(phonenumbers.national_significant_number(ex))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{cand}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _idd00_ok(written: str, region: str) -> bool:
    """Whether the number written with 00 instead of + still reads as itself from ``region``."""
    try:
        num = phonenumbers.parse("00" + written[1:], region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region


_FORMS = ("national", "intl", "e164", "intl-ext", "intl-possible-unassigned")


def phone(
    rng: random.Random, region: str, situ: str, forms: tuple[str, ...] = _FORMS
) -> tuple[str, tuple[str, str, str]]:
    """(written, planted) of a phone number of ``region``."""
    fmt = phonenumbers.PhoneNumberFormat
    form = rng.choices(
        forms, weights=[{"intl-ext": 1, "intl-possible-unassigned": 1}.get(f, 3) for f in forms]
    )[0]
    if form == "intl-possible-unassigned":
        num = _unassigned_number(rng, region)
        if num is None:
            form = "intl"
        else:
            written = phonenumbers.format_number(num, fmt.INTERNATIONAL)
            return written, ("phone", written, f"phone/{region}/{situ}/{form}")
    num = _valid_number(rng, region)
    if form == "national":
        written = phonenumbers.format_number(num, fmt.NATIONAL)
    elif form == "e164":
        written = phonenumbers.format_number(num, fmt.E164)
    else:
        written = phonenumbers.format_number(num, fmt.INTERNATIONAL)
        if rng.random() < 0.3 and _idd00_ok(written, region):
            written = "00" + written[1:]
        if form == "intl-ext":
            written += rng.choice((" ext. ", " x", " ext ", ";ext=")) + str(rng.randint(10, 4999))
    return written, ("phone", written, f"phone/{region}/{situ}/{form}")


def make_person(rng: random.Random, lang: str | None = None) -> Person:
    lang = lang or rng.choice(LANGS)
    latn = lang in ROMAN and rng.random() < 1 / 3
    while True:
        i, j = rng.randrange(len(NAMES[lang][0])), rng.randrange(len(NAMES[lang][1]))
        given = NAMES[lang][0][i]
        family = family_form(lang, given, NAMES[lang][1][j])
        if family != NAMES[lang][1][j] and lang in CYRILLIC:
            rgiven, rfamily = ROMAN[lang][0][i], romanise(family)
        elif lang in ROMAN:
            rgiven, rfamily = ROMAN[lang][0][i], ROMAN[lang][1][j]
        else:
            rgiven, rfamily = given, family
        first, last = (rgiven, rfamily) if latn else (given, family)
        if first not in last and last not in first:
            break
    region = REGION[lang]
    num = _valid_number(rng, region)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    form = rng.choice(
        (phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL)
    )
    written = phonenumbers.format_number(num, form)
    tag = f"{lang}-Latn" if latn else lang
    return Person(tag, first, last, _email(rng, rgiven, rfamily, region), e164, written, region)


def _base(p: Person) -> str:
    return p.lang.split("-")[0]


def nm(p: Person, value: str, situ: str, role: str) -> tuple[str, str, str]:
    return ("name", value, f"name/{p.lang}/{situ}/{role}")


def em(p: Person, situ: str, detail: str, value: str | None = None) -> tuple[str, str, str]:
    return ("email", value or p.email, f"email/{p.lang}/{situ}/{detail}")


def phrases(p: Person) -> tuple[str, str, str]:
    if p.lang.endswith("-Latn"):
        return PHRASES_LATN[_base(p)]
    return PHRASES[p.lang]


# --- structured values ----------------------------------------------------------------------

_IBAN_SPEC = {
    "GB": "4a14n", "DE": "18n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c", "PT": "21n",
    "TR": "5n1n16c", "NL": "4a10n", "PL": "24n", "NO": "11n", "BE": "12n", "SE": "20n",
    "AT": "16n", "CH": "5n12c", "GL": "14n",
}  # fmt: skip
_IBAN_OF_REGION = {"IT": "IT", "DE": "DE", "PL": "PL", "GL": "GL"}


def _bban(rng: random.Random, spec: str) -> str:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        pool = {"n": string.digits, "a": string.ascii_uppercase,
                "c": string.ascii_uppercase + string.digits}[ch]  # fmt: skip
        out.append("".join(rng.choice(pool) for _ in range(int(num))))
        num = ""
    return "".join(out)


def _iban_check(country: str, bban: str) -> str:
    value = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{98 - value % 97:02d}"


def iban(rng: random.Random, region: str, situ: str) -> tuple[str, tuple[str, str, str]]:
    country = _IBAN_OF_REGION.get(region) or rng.choice(tuple(_IBAN_SPEC))
    bban = _bban(rng, _IBAN_SPEC[country])
    compact = country + _iban_check(country, bban) + bban
    written = compact
    if rng.random() < 0.5:
        written = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return written, (
        "iban",
        written,
        f"iban/{country}/{situ}/{'grouped' if ' ' in written else 'compact'}",
    )


_CARDS = (
    ("visa", lambda r: "4", 16),
    ("mastercard", lambda r: str(r.randint(51, 55)), 16),
    ("mastercard-2", lambda r: str(r.randint(2221, 2720)), 16),
    ("amex", lambda r: r.choice(("34", "37")), 15),
    ("discover", lambda r: r.choice(("6011", "65")), 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)), 16),
    ("unionpay", lambda r: "62", 16),
)


def card(rng: random.Random, situ: str, lang: str) -> tuple[str, tuple[str, str, str]]:
    brand, prefix_of, length = rng.choice(_CARDS)
    prefix = prefix_of(rng)
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    number = _luhn_complete(body)
    groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
    sep = rng.choice(("", " ", "-", " "))
    if sep:
        parts, i = [], 0
        for g in groups:
            parts.append(number[i : i + g])
            i += g
        number = sep.join(parts)
    return number, ("card", number, f"card/{lang}/{situ}/{brand}")


def ip(rng: random.Random, situ: str, lang: str) -> tuple[str, tuple[str, str, str]]:
    while True:
        if rng.random() < 0.65:
            addr = ipaddress.IPv4Address(rng.getrandbits(32))
            fam = "v4"
        else:
            addr = ipaddress.IPv6Address((0x2 << 124) | rng.getrandbits(124))
            fam = "v6"
        if addr.is_global and not addr.is_multicast:
            return str(addr), ("ip", str(addr), f"ip/{lang}/{situ}/{fam}")


def _tok(rng: random.Random, n: int, pool: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def secret_url(rng: random.Random, situ: str, lang: str) -> tuple[str, tuple[str, str, str]]:
    host = rng.choice(
        ("files.kumbaya-cloud.com", "share.lakeside-docs.net", "api.parcelhub.io",
         "cdn.media-vault.org", "portal.mytelco.co.ke", "drive.fjordbox.no")
    )  # fmt: skip
    kind = rng.randrange(6)
    if kind == 0:
        url, d = f"https://{host}/download/{_tok(rng, 8)}?token={_tok(rng, 32)}", "token"
    elif kind == 1:
        url, d = f"https://{host}/v2/export?api_key={_tok(rng, 40)}", "api-key"
    elif kind == 2:
        url = (f"https://{host}/bucket/{_tok(rng, 10).lower()}.pdf?X-Amz-Expires=3600"
               f"&X-Amz-Signature={_tok(rng, 64, '0123456789abcdef')}")  # fmt: skip
        d = "signature"
    elif kind == 3:
        url, d = f"https://{host}/s/{_tok(rng, 24)}/view", "share-id"
    elif kind == 4:
        url = f"https://svc-{rng.randint(10, 99)}:{_tok(rng, 16)}@{host}/hooks/{_tok(rng, 6)}"
        d = "credentials"
    else:
        url = f"https://{host}/reset?access_token={_tok(rng, 48)}&sig={_tok(rng, 20)}"
        d = "access-token"
    return url, ("url", url, f"url/{lang}/{situ}/{d}")


# --- decoys ---------------------------------------------------------------------------------

_STREETS = ("Kenyatta Avenue", "Mandela Drive", "Rua Augusta", "Via Garibaldi", "Kaahumanu Avenue",
            "Atatürk Bulvarı", "Kościuszki", "Rue Victor Hugo", "Calle Cervantes", "Goethestraße",
            "Jalan Diponegoro", "Haile Selassie Avenue")  # fmt: skip
_COMPANIES = ("Johnson & Johnson", "Ferrero", "Dr. Oetker", "Philips", "Ford", "Siemens",
              "Boeing", "Porsche", "Kellogg's", "Dell", "Heineken", "Michelin")  # fmt: skip
_SHIPS = ("MV Nelson Mandela", "MSC Isabella", "MV Bjørn Larsen", "Queen Mary 2",
          "MV Hans Egede", "MS Fridtjof Nansen", "Vasco da Gama", "MV Kwame Nkrumah")  # fmt: skip
_AWARDS = ("Nobel Prize", "Pulitzer Prize", "Booker Prize", "Fields Medal", "Turing Award",
           "Prix Goncourt", "Premio Strega", "Sakharov Prize")  # fmt: skip
_PRODUCTS = ("Galaxy S24", "iPhone 15 Pro", "Pixel 8a", "ThinkPad X1 Carbon",
             "Kindle Paperwhite", "PlayStation 5", "AirPods Pro", "Moto G54", "Redmi Note 13",
             "Surface Go 4")  # fmt: skip
_PACKAGES = ("requests==2.31.0", "numpy>=1.26", "lodash@4.17.21", "react@18.2.0",
             "serde = \"1.0.197\"", "django~=4.2", "axios@^1.6.7", "pandas<3")  # fmt: skip
_HANDLES = ("@support_team", "@night-owl", "@pixelpusher", "@kiwi_dev", "@blue.heron",
            "@coffee4code", "@deltaforce", "@ops-oncall")  # fmt: skip


def _digits_ok(value: str, sort: str) -> bool:
    """A decoy's digits: no 13-19 digit run passing Luhn; none but dates a valid phone."""
    compact = value.replace(" ", "").replace("-", "")
    if compact.isdigit() and 13 <= len(compact) <= 19 and luhn_ok(compact):
        return False
    run = ""
    for ch in value + " ":
        if ch.isdigit():
            run += ch
            continue
        if 13 <= len(run) <= 19 and luhn_ok(run):
            return False
        run = ""
    if sort == "date":
        return True
    digits = sum(ch.isdigit() for ch in value)
    return digits < 5 or not phone_valid_somewhere(value)


def _decoy_value(rng: random.Random, sort: str) -> str:
    if sort == "order":
        return (
            rng.choice(("ORD-", "PO#", "Order #", "SO-"))
            + f"{rng.randint(10, 99)}{rng.choice('ABCDEFGHJK')}{rng.randint(1000, 9999)}"
        )
    if sort == "tracking":
        return rng.choice(
            (f"1Z{_tok(rng, 6, string.ascii_uppercase + string.digits)}{rng.randint(10, 99)}A",
             f"JD{rng.randint(10**11, 10**12 - 1)}GB"[:16],
             f"RR{rng.randint(10**7, 10**8 - 1)}{rng.choice(('DE', 'PL', 'NL', 'CH'))}")
        )  # fmt: skip
    if sort == "price":
        return (
            rng.choice(("€", "£", "$", "KES ", "ZMW ", "R "))
            + f"{rng.randint(3, 2999)}.{rng.randint(0, 99):02d}"
        )
    if sort == "date":
        return rng.choice(
            (f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2019, 2026)}",
             f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             f"{rng.randint(1, 28)} {rng.choice(('March', 'July', 'Oct', 'Dec'))} "
             f"{rng.randint(2019, 2026)}")
        )  # fmt: skip
    if sort == "version":
        return (
            rng.choice(("v", "version ", "build "))
            + f"{rng.randint(1, 19)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}"
        )
    if sort == "product":
        return rng.choice(_PRODUCTS)
    if sort == "street":
        return rng.choice(_STREETS)
    if sort == "company":
        return rng.choice(_COMPANIES)
    if sort == "ship":
        return rng.choice(_SHIPS)
    if sort == "award":
        return rng.choice(_AWARDS)
    if sort == "handle":
        return rng.choice(_HANDLES)
    if sort == "package":
        return rng.choice(_PACKAGES)
    if sort == "giftcard":
        body = "6" + "".join(rng.choice(string.digits) for _ in range(15))
        if luhn_ok(body):
            body = body[:-1] + str((int(body[-1]) + 1) % 10)
        return " ".join(body[i : i + 4] for i in range(0, 16, 4))
    if sort == "iban-shaped":
        country = rng.choice(("DE", "NL", "PL", "FR"))
        bban = _bban(rng, _IBAN_SPEC[country])
        good = _iban_check(country, bban)
        bad = f"{(int(good) + rng.randint(1, 90)) % 97 + 2:02d}"
        if bad == good:
            bad = f"{(int(good) + 1) % 97 + 2:02d}"
        return country + bad + bban
    if sort == "isbn":
        body = "978" + "".join(rng.choice(string.digits) for _ in range(9))
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
        full = body + str(check)
        return f"ISBN {full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"
    if sort == "doi":
        num = f"10.{rng.randint(1000, 9999)}/{_tok(rng, 4, string.ascii_lowercase)}"
        return f"doi:{num}.{rng.randint(2015, 2026)}.{rng.randint(100, 999)}"
    if sort == "callsign":
        prefix = rng.choice(("DL", "G", "F", "EA", "I", "CT", "PA", "SP", "5Z", "9J", "OX", "KH"))
        return (
            prefix + str(rng.randint(1, 9)) + _tok(rng, rng.randint(2, 3), string.ascii_uppercase)
        )
    if sort == "mac":
        return ":".join(f"{rng.randrange(256):02X}" for _ in range(6))
    raise ValueError(sort)


def decoy(
    rng: random.Random, lang: str, situ: str, sort: str | None = None
) -> tuple[str, tuple[str, str, str]]:
    for _ in range(50):
        s = sort or rng.choice(DECOY_SORTS)
        value = _decoy_value(rng, s)
        if s == "iban-shaped" and mod97_ok(value):
            continue
        if _digits_ok(value, s):
            return value, ("decoy", value, f"decoy/{lang}/{situ}/{s}")
    raise AssertionError("no decoy")


# --- support traffic ------------------------------------------------------------------------


class _Again(Exception):
    """A text could not be placed with these picks: write it again."""


def _retry(build: Callable[[], Text], tries: int = 30) -> Text:
    for _ in range(tries):
        t = build()
        if placed_ok(t):
            return t
    raise _Again


def _profile(rng: random.Random, p: Person) -> tuple[str, dict[str, Any]]:
    platform = rng.choice(("peki", "kore", "selise"))
    if platform == "peki":
        return platform, {
            "firstName": p.first,
            "lastName": p.last,
            "email": p.email,
            "phoneNumber": p.phone,
        }
    if platform == "kore":
        tags = [{"name": "email", "value": p.email}]
        if rng.random() < 0.7:
            tags.insert(0, {"name": "fullName", "value": p.full})
        if rng.random() < 0.5:
            tags.append({"name": "phone", "value": p.phone})
        return platform, {
            "tags": {"userTags": tags, "sessionTags": []},
            "channels": [{"type": "rtm", "channelUId": p.email}],
        }
    info: dict[str, Any] = {"name": p.full, "email": p.email}
    if rng.random() < 0.5:
        info["phone"] = p.phone
    return platform, {"user_info": info}


_RELATIVES = ("brother", "sister", "mother", "father", "husband", "wife", "son", "daughter",
              "aunt", "grandson", "cousin")  # fmt: skip
_S = SUPPORT


_DECOY_FRAMES = {
    "order": "order {} is still open", "tracking": "tracking says {}", "price": "I paid {}",
    "date": "since {}", "version": "the app is {}", "product": "it is a {}",
    "street": "the shop on {}", "company": "bought through {}", "ship": "it came on the {}",
    "award": "the {} edition", "handle": "your {} account", "package": "pip says {}",
    "giftcard": "gift card {} was refused", "iban-shaped": "your letter shows {}, not mine",
    "isbn": "the book {}", "doi": "the paper {}", "callsign": "(73 de {})",
    "mac": "router MAC {}",
}  # fmt: skip


def _support_decoy(rng: random.Random) -> tuple[str, tuple[str, str, str]]:
    value, pl = decoy(rng, "en", _S)
    return _DECOY_FRAMES[pl[2].split("/")[3]].format(value), pl


def _intro(rng: random.Random, p: Person) -> Text:
    greet, mine, _ = phrases(p)
    full = f"{p.first} {p.last}"
    planted: Planted = [nm(p, p.first, _S, "intro"), nm(p, p.last, _S, "intro")]
    text = f"{greet} {mine.format(full)}"
    roll = rng.random()
    if roll < 0.35:
        text += f" {p.email}"
        planted.append(em(p, _S, "own"))
    elif roll < 0.7:
        written, pl = phone(rng, p.country, _S)
        text += rng.choice((f" Tel: {written}", f" ({written})", f"\n{written}"))
        planted.append(pl)
    if rng.random() < 0.3:
        phrase, pl = _support_decoy(rng)
        text += f" PS: {phrase}."
        planted.append(pl)
    return Text(text, planted, "message:user")


def _structured(rng: random.Random, p: Person) -> Text:
    lang = p.lang
    kind = rng.randrange(6)
    if kind == 0:
        v, pl = card(rng, _S, lang)
        frames = (f"The card {v} was charged twice.", f"card: {v}\nexp 09/28",
                  f"Please refund to {v}, thanks")  # fmt: skip
    elif kind == 1:
        v, pl = iban(rng, p.country, _S)
        frames = (f"My IBAN is {v}.", f"IBAN:\n{v}", f"Refund to {v} please ({p.first})")
    elif kind == 2:
        v, pl = ip(rng, _S, lang)
        frames = (f"Your site blocks my address {v}", f"ip={v} says forbidden",
                  f"I am connecting from {v} since this morning")  # fmt: skip
    elif kind == 3:
        v, pl = secret_url(rng, _S, lang)
        frames = (f"This link does not open: {v}", f"{v}\nthat is the file", f"see <{v}>")
    elif kind == 4:
        v, pl = phone(rng, p.country, _S)
        frames = (f"New number: {v}", f"Call me back on {v} after 5pm.", f"WhatsApp {v}")
    else:
        v = p.email.upper() if rng.random() < 0.2 else p.email
        pl = em(p, _S, "upper" if v.isupper() else "own", v)
        frames = (f"Send the invoice to {v}", f"mail: {v}", f"my e-mail changed, it's {v} now")
    text = rng.choice(frames)
    planted = [pl]
    if f"({p.first})" in text:
        planted.append(nm(p, p.first, _S, "mention"))
    if rng.random() < 0.35:
        phrase, dpl = _support_decoy(rng)
        text += rng.choice((f" Also, {phrase}.", f"\n({phrase})"))
        planted.append(dpl)
    return Text(text, planted, "message:user")


def _relative(rng: random.Random, p: Person) -> Text:
    r = make_person(rng, _base(p))
    rel = rng.choice(_RELATIVES)
    written, pl = phone(rng, r.country, _S)
    roll = rng.random()
    if roll < 0.4:
        text = f"My {rel} {r.first} {r.last} can also pick it up, {rel}'s number is {written}."
        planted = [nm(r, r.first, _S, "third"), nm(r, r.last, _S, "third"), pl]
    elif roll < 0.7:
        text = f"If I don't answer, call {r.first} ({rel}) on {written}"
        planted = [nm(r, r.first, _S, "third"), pl]
    else:
        text = (
            f"Please add my {rel} to the account:\n{r.last.upper()} {r.first}\n{r.email}\n{written}"
        )
        planted = [nm(r, r.last.upper(), _S, "third"), nm(r, r.first, _S, "third"),
                   em(r, _S, "third"), pl]  # fmt: skip
    return Text(text, planted, "message:user")


def _signoff(rng: random.Random, p: Person) -> Text:
    _, _, thanks = phrases(p)
    roll = rng.random()
    if roll < 0.5:
        return Text(f"{thanks}, {p.first}", [nm(p, p.first, _S, "signoff")], "message:user")
    if roll < 0.75:
        return Text(
            f"{thanks}!\n\n{p.first} {p.last.upper()}",
            [nm(p, p.first, _S, "signoff"), nm(p, p.last.upper(), _S, "signoff")],
            "message:user",
        )
    return Text(
        f"{thanks}\n-- \n{p.first} {p.last}\n{p.phone_written}",
        [nm(p, p.first, _S, "signoff"), nm(p, p.last, _S, "signoff"),
         ("phone", p.phone_written, f"phone/{p.country}/{_S}/own-signature")],
        "message:user",
    )  # fmt: skip


def _bot(rng: random.Random, p: Person) -> Text:
    roll = rng.random()
    if roll < 0.4:
        return Text(
            rng.choice((f"Thanks {p.first}! Let me check that for you.",
                        f"Hello {p.first}, I have found your account.",
                        f"{p.first}, could you confirm the e-mail on file?")),
            [nm(p, p.first, _S, "echo")],
            "message:bot",
        )  # fmt: skip
    if roll < 0.6:
        return Text(
            f"We have sent a confirmation to {p.email}.", [em(p, _S, "echo")], "message:bot"
        )
    value, pl = decoy(rng, "en", _S, rng.choice(("order", "tracking", "date")))
    return Text(f"Your request is registered under {value}.", [pl], "message:bot")


def _agent(rng: random.Random, p: Person, a: Person) -> Text:
    roll = rng.random()
    if roll < 0.5:
        return Text(
            f"Hi {p.first}, this is {a.first} {a.last} from customer care, I'm taking over.",
            [nm(p, p.first, _S, "echo"), nm(a, a.first, _S, "agent"), nm(a, a.last, _S, "agent")],
            "message:agent",
        )
    if roll < 0.75:
        return Text(
            f"I've escalated it to billing.\nKind regards,\n{a.first}\nSupport team",
            [nm(a, a.first, _S, "agent")],
            "message:agent",
        )
    return Text(
        f"{a.first} {a.last} joined the conversation",
        [nm(a, a.first, _S, "agent"), nm(a, a.last, _S, "agent")],
        "message:agent",
    )


def _raw(rng: random.Random, p: Person, a: Person) -> Text:
    roll = rng.random()
    if roll < 0.3:
        written, pl = phone(rng, p.country, _S)
        return Text(
            f"{p.last.upper()}, {p.first} asked for a callback on {written} "
            f"(handled by {a.first}).",
            [nm(p, p.last.upper(), _S, "raw-summary"), nm(p, p.first, _S, "raw-summary"), pl,
             nm(a, a.first, _S, "raw-summary")],
            "raw:summary",
        )  # fmt: skip
    if roll < 0.55:
        written, pl = phone(rng, p.country, _S)
        body = {"caller": f"{p.first} {p.last}", "callback": written, "lang": p.lang}
        return Text(
            json.dumps(body, ensure_ascii=False),
            [nm(p, p.first, _S, "raw-json"), nm(p, p.last, _S, "raw-json"), pl],
            "raw:notes",
        )
    if roll < 0.8:
        return Text(f"vip;{p.lang};{p.last}", [nm(p, p.last, _S, "raw-tags")], "raw:tags")
    _, _, thanks = phrases(p)
    return Text(f"{thanks}! — {p.first}", [nm(p, p.first, _S, "raw-feedback")], "raw:feedback")


def _support(rng: random.Random) -> Conversation:
    p = make_person(rng)
    a = make_person(rng, rng.choice(("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")))
    platform, profile = _profile(rng, p)
    conv = Conversation(platform, p, profile)
    texts = [_retry(lambda: _intro(rng, p))]
    for i in range(rng.randint(2, 6)):
        if i % 2 == 0:
            build = rng.choices((_bot, _structured, _relative), (3, 1, 1))[0]
            if i >= 2 and rng.random() < 0.5:
                texts.append(_retry(lambda: _agent(rng, p, a)))
                continue
            texts.append(_retry(lambda b=build: b(rng, p)))
        else:
            build = rng.choices((_structured, _relative, _signoff), (4, 2, 1))[0]
            texts.append(_retry(lambda b=build: b(rng, p)))
    if rng.random() < 0.5:
        texts.append(_retry(lambda: _signoff(rng, p)))
    if rng.random() < 0.7:
        texts.append(_retry(lambda: _raw(rng, p, a)))
    conv.texts = texts
    return conv


# --- pasted documents -------------------------------------------------------------------------


def _people(rng: random.Random, k: int) -> list[Person]:
    out: list[Person] = []
    while len(out) < k:
        q = make_person(rng)
        if all(q.first not in o.full and q.last not in o.full for o in out):
            out.append(q)
    return out


def _year(rng: random.Random) -> int:
    return rng.randint(2019, 2026)


def _adif(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "adif"
    lines = ["ADIF export", "<ADIF_VER:5>3.1.4 <PROGRAMID:6>WSJT-X <EOH>"]
    planted: Planted = []
    for q in ps[:2]:
        call, cpl = decoy(rng, fl, s, "callsign")
        full = f"{q.first} {q.last}"
        qdate = f"{_year(rng)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        rec = (f"<CALL:{len(call)}>{call} <QSO_DATE:8>{qdate} <BAND:3>20m <MODE:3>FT8 "
               f"<NAME:{len(full)}>{full} <EMAIL:{len(q.email)}>{q.email} <EOR>")  # fmt: skip
        lines.append(rec)
        planted += [cpl, nm(q, q.first, s, "operator"), nm(q, q.last, s, "operator"),
                    em(q, s, "operator")]  # fmt: skip
    return "\n".join(lines), planted


def _irc(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "irc"
    q, r = ps[0], ps[1]
    addr, ipl = ip(rng, s, q.lang)
    handle, _ = decoy(rng, fl, s, "handle")
    nick = f"guest{rng.randint(100, 999)}"
    ver, vpl = decoy(rng, fl, s, "version")
    m1, m2, m3 = sorted(rng.sample(range(10, 60), 3))
    text = (f"[09:{m1}] *** {nick} (~u@{addr}) has joined #helpdesk\n"
            f"[09:{m2}] <{nick}> hi, {q.first} {q.last} here, mail is {q.email}\n"
            f"[09:{m3}] <{handle[1:]}> {nick}: upgrade to {ver}, "
            f"{r.first} had the same bug")  # fmt: skip
    planted = [ipl, nm(q, q.first, s, "speaker"), nm(q, q.last, s, "speaker"),
               em(q, s, "speaker"), ("decoy", handle[1:], f"decoy/{fl}/{s}/handle"), vpl,
               nm(r, r.first, s, "mention")]  # fmt: skip
    return text, planted


def _discord(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "discord"
    q = ps[0]
    written, pl = phone(rng, q.country, s)
    prod, dpl = decoy(rng, fl, s, "product")
    body = {
        "guild": {"name": "Owners Club"},
        "channel": {"name": "support"},
        "messages": [
            {"id": str(rng.getrandbits(60)),
             "timestamp": f"{_year(rng)}-03-0{rng.randint(1, 9)}T10:00:00+00:00",
             "author": {"name": f"user{rng.randint(1000, 9999)}",
                        "nickname": f"{q.first} {q.last}"},
             "content": f"my {prod} died again, text me {written}"},
        ],
    }  # fmt: skip
    return json.dumps(body, ensure_ascii=False, indent=1), [
        nm(q, q.first, s, "author"),
        nm(q, q.last, s, "author"),
        pl,
        dpl,
    ]


def _mastodon(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "mastodon"
    q = ps[0]
    written, pl = phone(rng, q.country, s)
    handle, _ = decoy(rng, fl, s, "handle")
    body = {
        "@context": ["https://www.w3.org/ns/activitystreams"],
        "type": "Person",
        "preferredUsername": handle[1:],
        "name": f"{q.first} {q.last}",
        "summary": "<p>birds, bikes, bread</p>",
        "attachment": [
            {"type": "PropertyValue", "name": "Email", "value": q.email},
            {"type": "PropertyValue", "name": "Phone", "value": written},
        ],
    }
    return json.dumps(body, ensure_ascii=False), [
        ("decoy", handle[1:], f"decoy/{fl}/{s}/handle"), nm(q, q.first, s, "author"),
        nm(q, q.last, s, "author"), em(q, s, "profile"), pl,
    ]  # fmt: skip


def _atom(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "atom"
    q, r = ps[0], ps[1]
    d, dpl = decoy(rng, fl, s, "doi")
    text = ("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n <entry>\n"
            f"  <title>Notes on {d}</title>\n"
            f"  <author><name>{q.first} {q.last}</name><email>{q.email}</email></author>\n"
            f"  <contributor><name>{r.last}, {r.first}</name></contributor>\n"
            " </entry>\n</feed>")  # fmt: skip
    return text, [dpl, nm(q, q.first, s, "author"), nm(q, q.last, s, "author"),
                  em(q, s, "author"), nm(r, r.last, s, "contributor"),
                  nm(r, r.first, s, "contributor")]  # fmt: skip


def _exif(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "exif"
    q, r = ps[0], ps[1]
    prod, dpl = decoy(rng, fl, s, "product")
    text = (f"File Name                       : IMG_{rng.randint(1000, 9999)}.JPG\n"
            f"Camera Model Name               : {prod}\n"
            f"Artist                          : {q.first} {q.last}\n"
            f"Copyright                       : (c) {_year(rng)} {r.last.upper()}, {r.first}\n"
            f"XMP Creator Contact Email       : {q.email}")  # fmt: skip
    return text, [dpl, nm(q, q.first, s, "artist"), nm(q, q.last, s, "artist"),
                  nm(r, r.last.upper(), s, "copyright"), nm(r, r.first, s, "copyright"),
                  em(q, s, "creator")]  # fmt: skip


def _docx(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "docx"
    q, r = ps[0], ps[1]
    d, dpl = decoy(rng, fl, s, "date")
    text = ("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
            "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            f"<dc:title>Quarterly report ({d})</dc:title>\n"
            f"<dc:creator>{q.first} {q.last}</dc:creator>\n"
            f"<cp:lastModifiedBy>{r.first} {r.last}</cp:lastModifiedBy>\n"
            f"<cp:revision>{rng.randint(2, 40)}</cp:revision>\n</cp:coreProperties>")  # fmt: skip
    return text, [dpl, nm(q, q.first, s, "creator"), nm(q, q.last, s, "creator"),
                  nm(r, r.first, s, "modifier"), nm(r, r.last, s, "modifier")]  # fmt: skip


def _jupyter(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "jupyter"
    q = ps[0]
    pkg, _ = decoy(rng, fl, s, "package")
    url, upl = secret_url(rng, s, q.lang)
    body = {
        "metadata": {
            "authors": [{"name": f"{q.first} {q.last}", "email": q.email}],
            "kernelspec": {"name": "python3", "display_name": "Python 3"},
        },
        "cells": [
            {"cell_type": "code", "source": [f"%pip install {pkg}\n", f"DATA = '{url}'"]},
        ],
        "nbformat": 4,
    }
    return json.dumps(body, ensure_ascii=False, indent=1), [
        nm(q, q.first, s, "author"), nm(q, q.last, s, "author"), em(q, s, "author"),
        ("decoy", json.dumps(pkg)[1:-1], f"decoy/{fl}/{s}/package"), upl,
    ]  # fmt: skip


def _codeowners(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "codeowners"
    q, r = ps[0], ps[1]
    handle, hpl = decoy(rng, fl, s, "handle")
    text = (f"# Maintainers: {q.first} {q.last} and {r.first} {r.last}\n"
            f"*.py        {q.email}\n/docs/      {handle}\n/infra/     {r.email}\n")  # fmt: skip
    return text, [nm(q, q.first, s, "maintainer"), nm(q, q.last, s, "maintainer"),
                  nm(r, r.first, s, "maintainer"), nm(r, r.last, s, "maintainer"),
                  em(q, s, "owner"), em(r, s, "owner"), hpl]  # fmt: skip


def _devices(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "devices"
    q, r = ps[0], ps[1]
    prod, ppl = decoy(rng, fl, s, "product")
    mac, mpl = decoy(rng, fl, s, "mac")
    addr, ipl = ip(rng, s, q.lang)
    text = ("Bluetooth - paired devices:\n"
            f"  {q.first}'s {prod}   {mac}\n"
            f"  {r.first} {r.last} AirPods\n"
            f"Wi-Fi clients:\n  living-room-tv   {addr}")  # fmt: skip
    return text, [nm(q, q.first, s, "device-owner"), ppl, mpl, nm(r, r.first, s, "device-owner"),
                  nm(r, r.last, s, "device-owner"), ipl]  # fmt: skip


_PODCAST = {
    "en": ("Episode", "Host", "Guest", "Write to the show", "Full transcript", "the road to the"),
    "es": ("Episodio", "Presenta", "Con", "Escríbenos", "Transcripción completa", "camino al"),
}


def _podcast(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "podcast"
    ep, host, guest, write, tr, road = _PODCAST[fl]
    q, r = ps[0], ps[1]
    award, apl = decoy(rng, fl, s, "award")
    url, upl = secret_url(rng, s, q.lang)
    text = (f"{ep} {rng.randint(10, 300)}: {road} {award}\n{host}: {q.first} {q.last}\n"
            f"{guest}: {r.first} {r.last}\n{write}: {q.email}\n{tr}: {url}")  # fmt: skip
    return text, [apl, nm(q, q.first, s, "host"), nm(q, q.last, s, "host"),
                  nm(r, r.first, s, "guest"), nm(r, r.last, s, "guest"), em(q, s, "host"),
                  upl]  # fmt: skip


_LOST = {
    "en": ("FOUND: a wallet near {street}. The cards inside belong to {name}. "
           "Call {finder} on {phone}."),
    "de": ("GEFUNDEN: Geldbörse in der Nähe der {street}. Die Karten gehören {name}. "
           "Bitte {finder} anrufen: {phone}."),
    "fr": ("TROUVÉ : un portefeuille près de la {street}. Les cartes sont au nom de {name}. "
           "Appelez {finder} au {phone}."),
}  # fmt: skip


def _lost_found(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "lost-found"
    q, r = ps[0], ps[1]
    street, spl = decoy(rng, fl, s, "street")
    written, pl = phone(rng, r.country, s)
    text = _LOST[fl].format(street=street, name=f"{q.first} {q.last.upper()}", finder=r.first,
                            phone=written)  # fmt: skip
    return text, [spl, nm(q, q.first, s, "owner"), nm(q, q.last.upper(), s, "owner"),
                  nm(r, r.first, s, "finder"), pl]  # fmt: skip


_DONOR = {
    "en": ("BLOOD DONOR CARD", "Name", "Blood group", "Emergency contact", "Next donation"),
    "it": ("TESSERA DEL DONATORE", "Cognome e nome", "Gruppo sanguigno", "Contatto di emergenza",
           "Prossima donazione"),
    "es": ("CARNÉ DE DONANTE", "Apellidos, nombre", "Grupo sanguíneo", "Contacto de emergencia",
           "Próxima donación"),
}  # fmt: skip


def _blood_donor(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "blood-donor"
    head, name, group, contact, nxt = _DONOR[fl]
    q, r = ps[0], ps[1]
    d, dpl = decoy(rng, fl, s, "date")
    written, pl = phone(rng, r.country, s)
    text = (f"{head}\n{name}: {q.last.upper()}, {q.first}\n"
            f"{group}: {rng.choice(('0', 'A', 'B', 'AB'))} Rh+\n"
            f"{contact}: {r.first} {r.last}, {written}\n{nxt}: {d}")  # fmt: skip
    return text, [nm(q, q.last.upper(), s, "donor"), nm(q, q.first, s, "donor"),
                  nm(r, r.first, s, "contact"), nm(r, r.last, s, "contact"), pl, dpl]  # fmt: skip


_CREW = {
    "en": ("CREW LIST", "Name of ship", "No.", "Family name", "Given names", "Rank"),
    "pt": ("LISTA DE TRIPULANTES", "Nome do navio", "N.º", "Apelido", "Nomes próprios", "Função"),
}
_RANKS = ("Master", "Chief Officer", "Bosun", "AB", "Cook", "2nd Engineer", "Oiler")


def _crew_list(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "crew-list"
    head, ship_l, no, fam, given, rank = _CREW[fl]
    ship, spl = decoy(rng, fl, s, "ship")
    lines = [f"{head} - {ship_l}: {ship}", f"{no} | {fam} | {given} | {rank}"]
    planted: Planted = [spl]
    for i, q in enumerate(ps):
        lines.append(f"{i + 1} | {q.last.upper()} | {q.first} | {_RANKS[i]}")
        planted += [nm(q, q.last.upper(), s, "crew"), nm(q, q.first, s, "crew")]
    return "\n".join(lines), planted


_VISIT = {
    "en": ("VISITOR LOG", "Time in", "Name", "Company", "Visiting", "Phone"),
    "nl": ("BEZOEKERSREGISTRATIE", "Binnen", "Naam", "Bedrijf", "Bezoekt", "Telefoon"),
    "tr": ("ZİYARETÇİ DEFTERİ", "Giriş", "Ad Soyad", "Firma", "Ziyaret edilen", "Telefon"),
}


def _visitor_log(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "visitor-log"
    head, tin, name, comp, visiting, tel = _VISIT[fl]
    q, host = ps[0], ps[1]
    company, cpl = decoy(rng, fl, s, "company")
    written, pl = phone(rng, q.country, s)
    text = (f"{head}\n{tin} | {name} | {comp} | {visiting} | {tel}\n"
            f"{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d} | {q.first} {q.last} | {company} | "
            f"{host.first} {host.last} | {written}")  # fmt: skip
    return text, [nm(q, q.first, s, "visitor"), nm(q, q.last, s, "visitor"), cpl,
                  nm(host, host.first, s, "host"), nm(host, host.last, s, "host"), pl]  # fmt: skip


_VET = {
    "en": ("Patient", "Owner", "Phone", "Next vaccination", "dog"),
    "es": ("Paciente", "Propietario", "Teléfono", "Próxima vacuna", "perro"),
    "de": ("Patient", "Halter", "Telefon", "Nächste Impfung", "Hund"),
}


def _vet(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "vet"
    pat, owner, tel, vacc, dog = _VET[fl]
    q = ps[0]
    d, dpl = decoy(rng, fl, s, "date")
    written, pl = phone(rng, q.country, s)
    text = (f"{pat}: Rex ({dog}, {rng.randint(1, 14)} y)\n{owner}: {q.first} {q.last}\n"
            f"{tel}: {written}\nE-mail: {q.email}\n{vacc}: {d}")  # fmt: skip
    return text, [nm(q, q.first, s, "owner"), nm(q, q.last, s, "owner"), pl, em(q, s, "owner"),
                  dpl]  # fmt: skip


_LIB = {
    "en": ("LOAN SLIP", "Borrower", "Item", "Due back"),
    "pl": ("POTWIERDZENIE WYPOŻYCZENIA", "Czytelnik", "Egzemplarz", "Termin zwrotu"),
    "it": ("RICEVUTA DI PRESTITO", "Utente", "Documento", "Da restituire entro il"),
}


def _library_slip(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "library-slip"
    head, borrower, item, due = _LIB[fl]
    q = ps[0]
    isbn, ipl = decoy(rng, fl, s, "isbn")
    d, dpl = decoy(rng, fl, s, "date")
    text = f"{head}\n{borrower}: {q.last}, {q.first}\n{item}: {isbn}\n{due}: {d}"
    return text, [nm(q, q.last, s, "borrower"), nm(q, q.first, s, "borrower"), ipl, dpl]


_ROLES = ("Hamlet", "Ophelia", "Gertrude", "Horatio", "Polonius", "Laertes")
_THEATRE = {"en": ("CAST", "Directed by", "With the support of"),
            "fr": ("DISTRIBUTION", "Mise en scène", "Avec le soutien de")}  # fmt: skip


def _theatre(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "theatre"
    cast, directed, support = _THEATRE[fl]
    company, cpl = decoy(rng, fl, s, "company")
    lines, planted = [cast], [cpl]
    for role, q in zip(_ROLES, ps[:-1], strict=False):
        lines.append(f"{role} .......... {q.first} {q.last}")
        planted += [nm(q, q.first, s, "cast"), nm(q, q.last, s, "cast")]
    d = ps[-1]
    lines.append(f"{directed}: {d.first} {d.last.upper()}")
    lines.append(f"{support} {company}")
    planted += [nm(d, d.first, s, "director"), nm(d, d.last.upper(), s, "director")]
    return "\n".join(lines), planted


_OFFER = {
    "en": ("Dear {name},\nWe are pleased to offer you the position of analyst at a gross salary "
           "of {price} per month, starting {date}. Salary will be paid to {iban}.\n"
           "Yours sincerely,\n{hr}\nHuman Resources"),
    "pt": ("Cara/o {name},\nTemos o prazer de lhe propor o lugar de analista, com vencimento de "
           "{price} mensais, a partir de {date}. O vencimento será pago para {iban}.\n"
           "Com os melhores cumprimentos,\n{hr}\nRecursos Humanos"),
    "de": ("Sehr geehrte/r {name},\nwir freuen uns, Ihnen die Stelle als Analyst mit einem "
           "Bruttogehalt von {price} monatlich ab {date} anzubieten. Das Gehalt wird auf {iban} "
           "überwiesen.\nMit freundlichen Grüßen\n{hr}\nPersonalabteilung"),
}  # fmt: skip


def _job_offer(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "job-offer"
    q, hr = ps[0], ps[1]
    price = ""
    while not price or not _digits_ok(price, "price"):  # a salary, not a Greenland number
        cur = rng.choice(("€", "£", "EUR ", "CHF "))
        price = f"{cur}{rng.randint(2, 7)},{rng.randint(0, 9)}{rng.choice(('00', '50', '25'))}.00"
    ppl = ("decoy", price, f"decoy/{fl}/{s}/price")
    d, dpl = decoy(rng, fl, s, "date")
    acct, apl = iban(rng, q.country, s)
    text = _OFFER[fl].format(name=f"{q.first} {q.last}", price=price, date=d, iban=acct,
                             hr=f"{hr.first} {hr.last}")  # fmt: skip
    return text, [nm(q, q.first, s, "candidate"), nm(q, q.last, s, "candidate"), ppl, dpl, apl,
                  nm(hr, hr.first, s, "signatory"), nm(hr, hr.last, s, "signatory")]  # fmt: skip


_PRINT = {"en": ("job", "user", "document", "pages"), "tr": ("iş", "kullanıcı", "belge", "sayfa")}


def _printer_log(rng: random.Random, fl: str, ps: list[Person]) -> tuple[str, Planted]:
    s = "printer-log"
    job, user, doc, pages = _PRINT[fl]
    q = ps[0]
    addr, ipl = ip(rng, s, q.lang)
    order, opl = decoy(rng, fl, s, "order")
    text = (f"{_year(rng)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 10:{rng.randint(10, 59)}:07 "
            f"{job}={rng.randint(100, 999)} {user}={q.email} host={addr} "
            f"{doc}=\"Invoice_{q.last}.pdf\" {pages}={rng.randint(1, 9)}\n"
            f"owner: {q.first} {q.last.upper()} / ref {order}")  # fmt: skip
    return text, [em(q, s, "user"), ipl, nm(q, q.last, s, "file-name"), nm(q, q.first, s, "owner"),
                  nm(q, q.last.upper(), s, "owner"), opl]  # fmt: skip


_BUILDERS: dict[str, Callable[[random.Random, str, list[Person]], tuple[str, Planted]]] = {
    "adif": _adif, "irc": _irc, "discord": _discord, "mastodon": _mastodon, "atom": _atom,
    "exif": _exif, "docx": _docx, "jupyter": _jupyter, "codeowners": _codeowners,
    "devices": _devices, "podcast": _podcast, "lost-found": _lost_found,
    "blood-donor": _blood_donor, "crew-list": _crew_list, "visitor-log": _visitor_log,
    "vet": _vet, "library-slip": _library_slip, "theatre": _theatre, "job-offer": _job_offer,
    "printer-log": _printer_log,
}  # fmt: skip
_LEADS = ("Here is what I see:\n", "Pasting it below.\n\n", "", "", "See the file:\n")


def _situation(rng: random.Random, situ: str) -> Conversation:
    p = make_person(rng)
    platform, profile = _profile(rng, p)
    conv = Conversation(platform, p, profile)

    def build() -> Text:
        fl = "en"
        if situ in LOCAL and rng.random() < 0.4:
            fl = rng.choice(LOCAL[situ])
        ps = _people(rng, rng.randint(2, 4))
        text, planted = _BUILDERS[situ](rng, fl, ps)
        where = "message:user" if rng.random() < 0.85 else "message:agent"
        return Text(rng.choice(_LEADS) + text, planted, where)

    conv.texts = [_retry(build)]
    return conv


def situation_of(t: Text) -> str:
    return t.planted[0][2].split("/")[2]


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding exactly ``n`` texts, about 30 % of them pasted documents."""
    rng = random.Random(f"held-out-bank-24/{seed}")
    out: list[Conversation] = []
    count = situ = 0
    while count < n:
        try:
            if situ < 0.3 * (count + 1):
                conv = _situation(rng, SITUATIONS[rng.randrange(len(SITUATIONS))])
                situ += 1
            else:
                conv = _support(rng)
        except _Again:
            continue
        conv.texts = conv.texts[: n - count]
        out.append(conv)
        count += len(conv.texts)
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 20000
    convs = corpus(n, 1)
    texts = [t for c in convs for t in c.texts]
    kinds: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    situs: Counter[str] = Counter(situation_of(t) for t in texts)
    for t in texts:
        for kind, _, cls in t.planted:
            kinds[kind] += 1
            classes["/".join(cls.split("/")[:1] + cls.split("/")[2:])] += 1
            if kind == "name":
                langs[cls.split("/")[1]] += 1
    print(f"{len(texts)} texts in {len(convs)} conversations")
    print("by kind:", ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("by situation:", ", ".join(f"{k} {v}" for k, v in situs.most_common()))
    print("names by language:", ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print("by class (kind/situation/detail):")
    for cls, v in sorted(classes.items()):
        print(f"  {cls:45} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
