"""Held-out bank 26: support traffic and twenty kinds of pasted documents, in thirty languages.

What it holds. About 70 % of the texts are ordinary support conversations on the three
platforms (``peki``, ``kore``, ``selise``, each with its profile fields): a customer greets and
introduces themselves in their own language, gives an e-mail address, a phone number, a card,
an IBAN, an IP address or a link with a secret in it, mentions relatives with their numbers, a
human agent takes over, the customer signs off with their first name, and the session record's
free-text fields (``raw:summary``, ``raw:notes``, ``raw:feedback``, ``raw:tags``) name them
again. The other 30 % are conversations without a profile in which someone pastes a document
of one of twenty situations (``SITUATIONS``): photo captions with credits, yearbook entries,
encyclopaedia infoboxes, genealogy forum posts, SMS delivery reports, call-centre QA
scorecards, newspaper obituaries, academic author lists, orchestra personnel lists, team
line-ups, police blotters, classroom attendance sheets, podcast transcripts, meeting minutes,
kindergarten pick-up authorisations, library hold notices, pet adoption forms, bug-bounty
halls of fame, release-note thanks lists and letters to the editor. Most documents have
English frames; some are in German, French, Spanish, Italian, Portuguese, Dutch, Polish or
Turkish.

People come from ``bench/heldout_bank26_names.py``: the nine product languages, twelve new
Latin-script languages and nine new script languages (Cyrillic and Ge'ez); a third of the
script-language speakers write their names romanised (class language ``<lang>-Latn``).

What counts as personal. Every given name and every family name is planted alone (kind
``name``); a family name in CAPITALS or in ``Family, Given`` order is planted as written.
E-mail addresses, phone numbers (valid for the class region in national, international, E.164
and extension forms, plus possible-but-unassigned international numbers as
``.../intl-possible-unassigned``), cards (Luhn, real IIN ranges), IBANs (mod-97, right
length), global IPv4/IPv6 addresses and URLs carrying a secret (token, API key, signature,
share id, credentials) are planted with their kinds. Decoys (kind ``decoy``, ``DECOY_SORTS``)
are values that look personal and are not: order numbers, tracking codes, prices, dates,
versions, product names, streets, companies, ships and awards named after people, handles,
package specifiers, gift cards failing Luhn, IBAN-shaped strings failing mod-97, ISBNs, DOIs
and call signs. No digit decoy other than a date is a valid phone number of a region of the
bank, and no run of 13 to 19 digits in a decoy passes Luhn.

Placement. Every planted value occurs exactly once in its text, as a whole value (not inside a
longer word), values never overlap, and every text plants at least one value; a text breaking
this is written again with other picks (``placed_ok``).

Classes are ``<kind>/<language or region>/<situation>/<detail>``.

    python -m bench.heldout_bank26 20000 [seed] [--classes]   # planted by kind, class, language
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import phonenumbers

from bench.heldout_bank26_names import (
    CORE,
    EITHER,
    FEMALE,
    LATIN_NEW,
    NAMES,
    REGION,
    SCRIPT_NEW,
    family_form,
    romanise,
)
from bench.heldout_corpus import Conversation, Person, Text

Slot = tuple[str, str, str]
Planted = list[Slot]

SITUATIONS = (
    "photo-caption",
    "yearbook",
    "infobox",
    "genealogy-forum",
    "sms-dlr",
    "qa-scorecard",
    "obituary",
    "author-list",
    "orchestra",
    "lineup",
    "police-blotter",
    "attendance",
    "podcast-transcript",
    "minutes",
    "pickup-auth",
    "library-hold",
    "pet-adoption",
    "bug-bounty",
    "release-thanks",
    "letter-editor",
)
DECOY_SORTS = (
    "order-number",
    "tracking-code",
    "price",
    "date",
    "version",
    "product",
    "street",
    "company",
    "ship",
    "award",
    "handle",
    "package",
    "giftcard-bad-luhn",
    "iban-bad-mod97",
    "isbn",
    "doi",
    "call-sign",
)
LANGS = (*CORE, *LATIN_NEW, *SCRIPT_NEW)
REGIONS = tuple(dict.fromkeys(REGION.values()))

# --- people ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    lang: str
    tag: str  # class language: lang, or lang-Latn for a romanised script-language speaker
    given: str
    family: str
    female: bool
    region: str
    email: str


_FOLD = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "æ": "ae"})
_DOMAINS = {
    "GB": ("btinternet.com", "outlook.com", "sky.com"),
    "DE": ("gmx.de", "web.de", "t-online.de"),
    "FR": ("orange.fr", "free.fr", "laposte.net"),
    "ES": ("telefonica.net", "yahoo.es", "gmail.com"),
    "IT": ("libero.it", "alice.it", "tiscali.it"),
    "PT": ("sapo.pt", "netcabo.pt", "gmail.com"),
    "TR": ("yandex.com.tr", "hotmail.com", "ttmail.com"),
    "NL": ("ziggo.nl", "kpnmail.nl", "xs4all.nl"),
    "PL": ("wp.pl", "o2.pl", "interia.pl"),
    "BE": ("skynet.be", "telenet.be", "proximus.be"),
    "RU": ("mail.ru", "yandex.ru", "rambler.ru"),
    "ZA": ("telkomsa.net", "webmail.co.za", "gmail.com"),
    "MU": ("intnet.mu", "gmail.com", "yahoo.com"),
    "DZ": ("yahoo.fr", "gmail.com", "hotmail.fr"),
}
_GENERIC = ("gmail.com", "yahoo.com", "outlook.com", "proton.me", "icloud.com")


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(ch for ch in s.lower() if ch in string.ascii_lowercase)


def _email(rng: random.Random, given: str, family: str, region: str) -> str:
    g, f = ascii_fold(given) or "x", ascii_fold(family) or "y"
    local = rng.choice(
        (
            f"{g}.{f}",
            f"{g[0]}.{f}",
            f"{f}.{g}{rng.randint(1, 99)}",
            f"{g}{f[:4]}",
            f"{g}_{f}",
            f"{f}{rng.randint(1960, 2008)}",
        )
    )
    return f"{local}@{rng.choice(_DOMAINS.get(region, ()) + _GENERIC)}"


def make_who(
    rng: random.Random, lang: str | None = None, *, female: bool | None = None, family: str = ""
) -> Who:
    """Someone of ``lang`` (any language of the bank if not given); ``family`` is a relative's
    family name (masculine form as listed) to share."""
    lang = lang or rng.choice(LANGS)
    given_names, families = NAMES[lang]
    women = FEMALE.get(lang, set())
    pool = given_names
    if female is not None and women:
        pool = tuple(n for n in given_names if (n in women) == female) or given_names
    given = rng.choice(pool)
    base = family or rng.choice(families)
    while given.lower() in base.lower() or base.lower() in given.lower():
        given = rng.choice(pool)
    is_female = given in women
    romanised = lang in SCRIPT_NEW and rng.random() < 1 / 3
    if romanised:
        given, base = romanise(given), romanise(base)
    fam = family_form(lang, base, is_female)
    region = REGION[lang]
    tag = f"{lang}-Latn" if romanised else lang
    shown_given = romanise(given) if lang in SCRIPT_NEW else given
    shown_family = romanise(fam) if lang in SCRIPT_NEW and not romanised else fam
    return Who(
        lang, tag, given, fam, is_female, region, _email(rng, shown_given, shown_family, region)
    )


def base_family(w: Who) -> str:
    """The listed (masculine) family name of ``w``, to give a relative."""
    fams = NAMES[w.lang][1]
    for f in fams:
        if family_form(w.lang, f, w.female) == w.family:
            return f
        if family_form(w.lang, romanise(f), w.female) == w.family:
            return f
    return w.family


# --- phones -----------------------------------------------------------------------------------

_PNF = phonenumbers.PhoneNumberFormat


@cache
def _examples(region: str) -> tuple[str, ...]:
    out = []
    for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is not None:
            out.append(phonenumbers.national_significant_number(ex))
    return tuple(out)


def valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    cc = phonenumbers.country_code_for_region(region)
    for _ in range(400):
        nsn = rng.choice(_examples(region))
        keep = rng.randint(2, min(4, len(nsn) - 2))
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse(f"+{cc}{cand}")
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    raise RuntimeError(region)


def unassigned_number(rng: random.Random, region: str) -> str:
    cc = phonenumbers.country_code_for_region(region)
    n = len(_examples(region)[0])
    for _ in range(2000):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        written = rng.choice((f"+{cc} {cand}", f"+{cc}{cand}"))
        num = phonenumbers.parse(written, region)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return written
    raise RuntimeError(region)


def phone(rng: random.Random, region: str, sit: str, detail: str = "") -> Slot:
    """A phone number of ``region`` as someone writes it, with its class."""
    detail = (
        detail
        or rng.choices(
            ("national", "intl", "e164", "intl-ext", "intl-possible-unassigned"),
            (30, 30, 18, 10, 12),
        )[0]
    )
    if detail == "intl-possible-unassigned":
        return ("phone", unassigned_number(rng, region), f"phone/{region}/{sit}/{detail}")
    for _ in range(50):
        num = valid_number(rng, region)
        if detail == "national":
            written = phonenumbers.format_number(num, _PNF.NATIONAL)
            if rng.random() < 0.3:
                written = written.replace(" ", "")
        elif detail == "e164":
            written = phonenumbers.format_number(num, _PNF.E164)
        else:
            written = phonenumbers.format_number(num, _PNF.INTERNATIONAL)
            if rng.random() < 0.25:
                written = written.replace(" ", "-")
            if detail == "intl-ext":
                written += rng.choice((" ext. ", " ext ", " x", " ext.")) + str(
                    rng.randint(10, 9999)
                )
        back = phonenumbers.parse(written, region)
        if (
            phonenumbers.is_valid_number(back)
            and phonenumbers.region_code_for_number(back) == region
            and (detail != "intl-ext" or back.extension)
        ):
            return ("phone", written, f"phone/{region}/{sit}/{detail}")
    raise RuntimeError(region)


# --- cards, IBANs, IPs, URLs ------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(int(ch) for ch in reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for last in string.digits:
        if luhn_ok(body + last):
            return body + last
    raise AssertionError(body)


_NETWORKS = (
    ("visa", lambda r: "4", 16),
    ("mastercard", lambda r: str(r.randint(51, 55)), 16),
    ("mastercard", lambda r: str(r.randint(2221, 2720)), 16),
    ("amex", lambda r: r.choice(("34", "37")), 15),
    ("discover", lambda r: r.choice(("6011", "65")), 16),
    ("unionpay", lambda r: "62" + str(r.randint(2126, 2925)), 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)), 16),
)


def card_number(rng: random.Random) -> tuple[str, str]:
    network, prefix, length = rng.choice(_NETWORKS)
    body = prefix(rng)
    body += "".join(rng.choice(string.digits) for _ in range(length - len(body) - 1))
    return network, _luhn_complete(body)


def _group(digits: str, sep: str) -> str:
    if len(digits) == 15:
        parts = [digits[:4], digits[4:10], digits[10:]]
    else:
        parts = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return sep.join(parts)


def card(rng: random.Random, sit: str) -> Slot:
    network, digits = card_number(rng)
    style = rng.choice(("spaced", "spaced", "dashed", "compact"))
    written = {"spaced": " ", "dashed": "-", "compact": ""}[style]
    return ("card", _group(digits, written), f"card/{network}/{sit}/{style}")


_IBAN_SPEC = {
    "GB": "4a14n",
    "DE": "18n",
    "FR": "10n11c2n",
    "ES": "20n",
    "IT": "1a10n12c",
    "PT": "21n",
    "TR": "6n16c",
    "NL": "4a10n",
    "PL": "24n",
    "BE": "12n",
    "AT": "16n",
    "SE": "20n",
}


def _bban(rng: random.Random, spec: str) -> str:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        pool = {"n": string.digits, "a": string.ascii_uppercase}.get(
            ch, string.ascii_uppercase + string.digits
        )
        out.append("".join(rng.choice(pool) for _ in range(int(num))))
        num = ""
    return "".join(out)


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "").upper()
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _iban_check(country: str, bban: str) -> str:
    value = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{98 - value % 97:02d}"


def iban_value(rng: random.Random, *, valid: bool = True) -> tuple[str, str]:
    country = rng.choice(tuple(_IBAN_SPEC))
    bban = _bban(rng, _IBAN_SPEC[country])
    check = _iban_check(country, bban)
    if not valid:
        check = f"{(int(check) + rng.randint(1, 90)) % 100:02d}"
        if check == _iban_check(country, bban):
            check = f"{(int(check) + 1) % 100:02d}"
    compact = f"{country}{check}{bban}"
    if rng.random() < 0.5:
        return country, compact
    return country, " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def iban(rng: random.Random, sit: str) -> Slot:
    country, value = iban_value(rng)
    return ("iban", value, f"iban/{country}/{sit}/{'grouped' if ' ' in value else 'compact'}")


_V4_FIRST = (31, 46, 62, 78, 81, 85, 89, 93, 109, 151, 176, 185, 195, 212, 213, 217)
_V6_FIRST = ("2a02", "2a01", "2a0a", "2a00", "2c0f", "2402", "2804", "2605")


def ip(rng: random.Random, sit: str) -> Slot:
    while True:
        if rng.random() < 0.65:
            addr = ipaddress.ip_address(
                f"{rng.choice(_V4_FIRST)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
                f"{rng.randint(1, 254)}"
            )
            version = "v4"
        else:
            head = rng.choice(_V6_FIRST).split(":")
            groups = head + [f"{rng.getrandbits(16):x}" for _ in range(8 - len(head))]
            if rng.random() < 0.5:
                groups[4:7] = ["0", "0", "0"]
            addr = ipaddress.ip_address(":".join(groups))
            version = "v6"
        if addr.is_global:
            return ("ip", str(addr), f"ip/{version}/{sit}/global")


_HOSTS = (
    "files.kundenportal.example",
    "share.cloudbox.example",
    "api.shopdesk.example",
    "portal.tenantly.example",
    "drive.biblio.example",
    "dl.fotobank.example",
)


def _tok(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def secret_url(rng: random.Random, sit: str) -> Slot:
    host = rng.choice(_HOSTS)
    sort = rng.choice(("token", "api-key", "share", "credentials", "signature", "amz"))
    tok = _tok(rng, rng.randint(24, 40))
    url = {
        "token": f"https://{host}/account/reset?token={tok}",
        "api-key": f"https://{host}/v2/export.csv?api_key={tok}&format=csv",
        "share": f"https://{host}/s/{tok}/",
        "credentials": f"https://svc-{rng.randint(1, 99)}:{tok[:14]}@{host}/backup/latest.tar",
        "signature": f"https://{host}/dl/doc.pdf?expires=1767225600&sig={tok}",
        "amz": f"https://{host}/o/scan.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Signature={rng.getrandbits(128):032x}",
    }[sort]
    return ("url", url, f"url/{sort}/{sit}/secret")


# --- decoys ---------------------------------------------------------------------------------

_STREETS = (
    "Goethestraße",
    "Rue Victor-Hugo",
    "Via Giuseppe Garibaldi",
    "Avenida Vasco da Gama",
    "ulica Adama Mickiewicza",
    "Atatürk Bulvarı",
    "Rembrandtplein",
    "Nelson Mandela Drive",
    "Churchill Avenue",
    "Calle Cervantes",
)
_COMPANIES = (
    "Siemens AG",
    "Ferrero S.p.A.",
    "Philips Lighting",
    "Dr. Oetker",
    "Robert Bosch GmbH",
    "Ford Motor Company",
    "Boeing",
    "Hilton Hotels",
    "Michelin",
    "Porsche",
)
_SHIPS = (
    "MV Johanna Maersk",
    "RV Marie Curie",
    "HMS Queen Elizabeth",
    "MS Amadeus Clara",
    "SS Catherine Booth",
    "MSC Isabella",
)
_AWARDS = (
    "Nobel Prize",
    "Pulitzer Prize",
    "Fields Medal",
    "Turing Award",
    "Prix Goncourt",
    "Sakharov Prize",
    "Grammy Award",
)
_PRODUCTS = (
    "Galaxy A55",
    "iPhone 15 Pro",
    "ThinkPad X1 Carbon",
    "Kindle Paperwhite",
    "Dyson V15",
    "PlayStation 5",
    "Fairphone 5",
)
_HANDLES = ("@blue_kestrel", "@nightowl_dev", "@pixelfox", "@k3rnel_panic", "@quietstorm")


def _decoy_value(rng: random.Random, sort: str) -> str:
    r = rng.randint
    if sort == "order-number":
        return f"#{r(100, 999)}-{r(10**6, 10**7 - 1)}-{r(10**6, 10**7 - 1)}"
    if sort == "tracking-code":
        return rng.choice(
            (f"1Z{_tok(rng, 6).upper()}{r(10**9, 10**10 - 1)}", f"JJD{r(10**13, 10**14 - 1)}X")
        )
    if sort == "price":
        return rng.choice(
            (f"€{r(1, 2999)},{r(10, 99)}", f"${r(1, 999)}.{r(10, 99)}", f"£{r(2, 900)}.99")
        )
    if sort == "date":
        return rng.choice(
            (
                f"{r(1, 28):02d}.{r(1, 12):02d}.{r(2025, 2027)}",
                f"{r(2025, 2027)}-{r(1, 12):02d}-{r(1, 28):02d}",
            )
        )
    if sort == "version":
        return f"v{r(1, 9)}.{r(0, 30)}.{r(0, 12)}"
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
        return rng.choice(_HANDLES) + str(r(2, 99))
    if sort == "package":
        return rng.choice(
            (
                f"requests=={r(2, 3)}.{r(0, 32)}.{r(0, 9)}",
                f"lodash@4.17.{r(10, 21)}",
                f"serde {r(1, 2)}.0.{r(100, 219)}",
            )
        )
    if sort == "giftcard-bad-luhn":
        _, good = card_number(rng)
        digits = good[:-1] + str((int(good[-1]) + r(1, 9)) % 10)
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if sort == "iban-bad-mod97":
        return iban_value(rng, valid=False)[1]
    if sort == "isbn":
        body = f"978{r(0, 9)}{r(10, 99)}{r(100000, 999999)}"
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
        full = body + str((10 - total % 10) % 10)
        return f"ISBN {full[:3]}-{full[3]}-{full[4:6]}-{full[6:12]}-{full[12]}"
    if sort == "doi":
        journal = rng.choice(("jhep", "cell", "neuro"))
        return f"doi:10.{r(1000, 9999)}/j.{journal}.{r(2019, 2026)}.{r(1, 12):02d}.{r(1, 999):03d}"
    if sort == "call-sign":
        prefix = rng.choice(("DL", "PA", "SP", "ON", "TA", "EA", "F", "G", "ZS"))
        return f"{prefix}{r(1, 9)}{_tok(rng, 3).upper()}"
    raise KeyError(sort)


def decoy_ok(value: str, sort: str) -> bool:
    """The decoy fails the checks of what it resembles."""
    for run in {*re.findall(r"\d+", value), re.sub(r"[ -]", "", value)}:
        if run.isdigit() and 13 <= len(run) <= 19 and luhn_ok(run):
            return False
    compact = value.replace(" ", "")
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact) and mod97_ok(compact):
        return False
    if sum(ch.isdigit() for ch in value) >= 5 and sort != "date":
        for region in REGIONS:
            try:
                num = phonenumbers.parse(value, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                return False
    return True


def decoy(rng: random.Random, sort: str, tag: str, sit: str) -> Slot:
    for _ in range(200):
        value = _decoy_value(rng, sort)
        if decoy_ok(value, sort):
            return ("decoy", value, f"decoy/{tag}/{sit}/{sort}")
    raise RuntimeError(sort)


# --- filling templates ----------------------------------------------------------------------


def fill(template: str, slots: dict[str, Slot | str]) -> tuple[str, Planted]:
    """``{key}`` replaced by its slot's value (planted, in order) or by a plain string."""
    planted: Planted = []

    def rep(m: re.Match[str]) -> str:
        v = slots[m.group(1)]
        if isinstance(v, tuple):
            planted.append(v)
            return v[1]
        return v

    return re.sub(r"\{(\w+)\}", rep, template), planted


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    """Every planted value once, whole, apart from the others; at least one planted."""
    if not t.planted:
        return False
    spans = []
    for _, value, _ in t.planted:
        if not value or value != value.strip():
            return False
        hits = [m.start() for m in re.finditer(re.escape(value), t.text)]
        overlapping = [i for i in range(len(t.text)) if t.text.startswith(value, i)]
        if len(hits) != 1 or len(overlapping) != 1:
            return False
        a, b = hits[0], hits[0] + len(value)
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


class Ctx:
    """Slots for one text of a situation."""

    def __init__(self, rng: random.Random, sit: str) -> None:
        self.rng, self.sit = rng, sit

    def g(self, w: Who, detail: str = "given") -> Slot:
        return ("name", w.given, f"name/{w.tag}/{self.sit}/{detail}")

    def gu(self, w: Who) -> Slot:
        return ("name", w.given.upper(), f"name/{w.tag}/{self.sit}/given-upper")

    def f(self, w: Who, detail: str = "family") -> Slot:
        return ("name", w.family, f"name/{w.tag}/{self.sit}/{detail}")

    def fu(self, w: Who) -> Slot:
        return ("name", w.family.upper(), f"name/{w.tag}/{self.sit}/family-upper")

    def e(self, w: Who, detail: str = "own") -> Slot:
        return ("email", w.email, f"email/{w.tag}/{self.sit}/{detail}")

    def p(self, w: Who, detail: str = "") -> Slot:
        return phone(self.rng, w.region, self.sit, detail)

    def card(self) -> Slot:
        return card(self.rng, self.sit)

    def iban(self) -> Slot:
        return iban(self.rng, self.sit)

    def ip(self) -> Slot:
        return ip(self.rng, self.sit)

    def url(self) -> Slot:
        return secret_url(self.rng, self.sit)

    def d(self, sort: str, tag: str) -> Slot:
        return decoy(self.rng, sort, tag, self.sit)


def text(template: str, where: str = "message:user", **slots: Slot | str) -> Text:
    body, planted = fill(template, slots)
    return Text(body, planted, where)


# --- support traffic ------------------------------------------------------------------------

_GREET: dict[str, tuple[str, ...]] = {
    "en": ("Hi, my name is {g} {f} and I need help with my account.",
           "Hello! {g} {f} here, I have a question about my bill."),
    "de": ("Guten Tag, mein Name ist {g} {f}.",
           "Hallo, hier ist {g} {f}, ich habe ein Problem mit meiner Bestellung."),
    "fr": ("Bonjour, je m'appelle {g} {f}.",
           "Bonsoir, ici {g} {f}, j'ai une question sur ma facture."),
    "es": ("Hola, me llamo {g} {f}.",
           "Buenas tardes, soy {g} {f} y tengo un problema con mi pedido."),
    "it": ("Buongiorno, mi chiamo {g} {f}.", "Salve, sono {g} {f}, ho un problema con l'ordine."),
    "pt": ("Olá, o meu nome é {g} {f}.", "Bom dia, fala {g} {f}, tenho uma dúvida na fatura."),
    "tr": ("Merhaba, adım {g} {f}.",
           "İyi günler, ben {g} {f}, siparişimle ilgili bir sorunum var."),
    "nl": ("Goedemiddag, mijn naam is {g} {f}.",
           "Hoi, met {g} {f}, ik heb een vraag over mijn factuur."),
    "pl": ("Dzień dobry, nazywam się {g} {f}.", "Witam, tu {g} {f}, mam problem z zamówieniem."),
    "tpi": ("Gude, nem bilong mi {g} {f}.", "Apinun, mi {g} {f}, mi gat wanpela askim."),
    "bi": ("Halo, nem blong mi {g} {f}.", "Gud moning, mi {g} {f}, mi gat wan problem."),
    "mh": ("Iakwe, etaō {g} {f}.", "Iakwe! {g} {f} eo, ewōr juon aō kajjitōk."),
    "tvl": ("Talofa, toku igoa ko {g} {f}.", "Talofa! Ko au ko {g} {f}."),
    "mfe": ("Bonzour, mo apel {g} {f}.", "Bonswar, mo nom {g} {f}, mo ena enn problem."),
    "sg": ("Balaô, iri ti mbi {g} {f}.", "Balaô! Mbi yeke {g} {f}."),
    "kg": ("Mbote, nkumbu ame {g} {f}.", "Mbote! Mono i {g} {f}."),
    "tum": ("Monile, zina langu ndine {g} {f}.", "Moni! Ine ndine {g} {f}."),
    "nso": ("Dumela, leina la ka ke {g} {f}.", "Thobela, ke nna {g} {f}."),
    "kab": ("Azul, isem-iw d {g} {f}.", "Azul fell-awen, nekk d {g} {f}."),
    "nds": ("Moin, ik heet {g} {f}.", "Moin moin, hier is {g} {f}, ik heff en Fraag."),
    "wa": ("Bondjoû, dji m' lome {g} {f}.", "Bondjoû, c' est {g} {f} k' scrît."),
    "mhr": ("Салам, мыйын лӱмем {g} {f}.", "Поро кече! Мый {g} {f}."),
    "myv": ("Шумбрат, монь лемем {g} {f}.", "Шумбратадо! Мон {g} {f}."),
    "mdf": ("Шумбратада, монь лемозе {g} {f}.", "Шумбратада! Мон {g} {f}."),
    "koi": ("Видзасьтэ, менам нимӧй {g} {f}.", "Бур лун! Ме {g} {f}."),
    "nog": ("Ассалавмагалейкум, мениц атым {g} {f}.", "Салам! Мен {g} {f}."),
    "ady": ("Уимафэ шӀу, сэ сыцӀэр {g} {f}.", "Сэлам! Сэ {g} {f}."),
    "ab": ("Бзиала шәаабеит, сара сыхьӡ {g} {f}.", "Мшыбзиа! Сара {g} {f} сауп."),
    "tab": ("Салам, зи тӀвар {g} {f}.", "Салам алейкум! Зу {g} {f}."),
    "tig": ("ሰላም፡ ስምየ {g} {f}።", "ሰላም! ኣና {g} {f}።"),
    "Latn": ("Hello, my name is {g} {f}.", "Salam! {g} {f} here, I need some help.",
             "Good day, this is {g} {f} writing."),
}  # fmt: skip
_SIGN: dict[str, tuple[str, ...]] = {
    "en": ("Thanks a lot, {g}", "Cheers,\n{g}"),
    "de": ("Danke und viele Grüße, {g}",),
    "fr": ("Merci d'avance, {g}",),
    "es": ("Muchas gracias, {g}",),
    "it": ("Grazie mille, {g}",),
    "pt": ("Obrigado/a, {g}",),
    "tr": ("Teşekkürler, {g}",),
    "nl": ("Alvast bedankt, {g}",),
    "pl": ("Dziękuję, {g}",),
    "tpi": ("Tenkyu tru, {g}",),
    "bi": ("Tankyu tumas, {g}",),
    "mh": ("Kommool tata, {g}",),
    "tvl": ("Fakafetai lasi, {g}",),
    "mfe": ("Mersi boukou, {g}",),
    "sg": ("Singila mingi, {g}",),
    "kg": ("Matondo mingi, {g}",),
    "tum": ("Yewo chomene, {g}",),
    "nso": ("Ke a leboga, {g}",),
    "kab": ("Tanemmirt, {g}",),
    "nds": ("Veel Dank, {g}",),
    "wa": ("Grand merci, {g}",),
    "mhr": ("Тау, {g}",),
    "myv": ("Сюкпря, {g}",),
    "mdf": ("Сюкпря, {g}",),
    "koi": ("Аттьӧ, {g}",),
    "nog": ("Савбол, {g}",),
    "ady": ("Тхьауегъэпсэу, {g}",),
    "ab": ("Иҭабуп, {g}",),
    "tab": ("Чухсагъул, {g}",),
    "tig": ("የቐንየልካ፡ {g}",),
    "Latn": ("Thank you, {g}", "Best regards,\n{g}"),
}


def _phrases(table: dict[str, tuple[str, ...]], w: Who) -> tuple[str, ...]:
    return table["Latn"] if w.tag.endswith("-Latn") else table[w.lang]


def _own_value(c: Ctx, w: Who) -> Text:
    rng = c.rng
    pick = rng.randrange(6)
    if pick == 0:
        return text(
            rng.choice(
                (
                    "My e-mail is {v}, please send the receipt there.",
                    "You can reach me at {v}.",
                    "Meine E-Mail-Adresse: {v}",
                    "Mon adresse : {v}",
                )
            ),
            v=c.e(w),
        )
    if pick == 1:
        return text(
            rng.choice(
                (
                    "Call me back on {v} please.",
                    "My number is {v}",
                    "Pode ligar para {v}",
                    "Numaram: {v}",
                )
            ),
            v=c.p(w),
        )
    if pick == 2:
        return text(
            rng.choice(
                (
                    "The card {v} was charged twice for the same order.",
                    "I paid with {v} (expiry 09/29).",
                    "Karta {v} została obciążona dwa razy.",
                )
            ),
            v=c.card(),
        )
    if pick == 3:
        return text(
            rng.choice(
                (
                    "Please send the refund to {v}.",
                    "IBAN for the refund: {v}",
                    "Graag terugstorten op {v}.",
                )
            ),
            v=c.iban(),
        )
    if pick == 4:
        return text(
            rng.choice(
                (
                    "I get blocked when I log in from {v}.",
                    "Your firewall rejects my address {v} since Monday.",
                    "Mi IP es {v}, ¿está bloqueada?",
                )
            ),
            v=c.ip(),
        )
    return text(
        rng.choice(
            (
                "This link doesn't open: {v}",
                "The download link you sent ({v}) has expired.",
                "Der Link {v} funktioniert nicht.",
            )
        ),
        v=c.url(),
    )


_RELATIVE = {
    True: ("sister", "mother", "wife", "daughter", "aunt"),
    False: ("brother", "father", "husband", "son", "uncle"),
}


def _relative(c: Ctx, w: Who) -> Text:
    rng = c.rng
    female = rng.random() < 0.5
    same = rng.random() < 0.6
    rel = make_who(rng, w.lang, female=female, family=base_family(w) if same else "")
    if rel.tag != w.tag:  # relatives write their names the way the customer does
        rel = make_who(rng, w.lang, female=female, family=base_family(w) if same else "")
    known = rel.female or rel.lang not in EITHER
    word = rng.choice(_RELATIVE[rel.female] if known else ("cousin", "partner", "flatmate"))
    if rng.random() < 0.5:
        return text(
            "My " + word + " {g} {f} may call you from {p} about the same order.",
            g=c.g(rel, "relative-given"),
            f=c.f(rel, "relative-family"),
            p=c.p(rel),
        )
    return text(
        rng.choice(
            (
                "If I don't answer, ring my " + word + " {g} on {p}.",
                "Please add my " + word + " {g} to the account, number {p}.",
            )
        ),
        g=c.g(rel, "relative-given"),
        p=c.p(rel),
    )


def _agent(c: Ctx, w: Who, agent: Who) -> Text:
    return text(
        c.rng.choice(
            (
                "Hello {g}, my name is {ag} {af} and I'm taking over from the assistant.",
                "Hi {g}! {ag} from Customer Care here, I'll look into it now.",
                "Dear {g}, I'm {ag}, a member of our support team. Let me check that.",
            )
        ),
        "message:agent",
        g=c.g(w, "agent-greeting"),
        ag=c.g(agent, "agent-given"),
        af=c.f(agent, "agent-family"),
    )


def _bot(c: Ctx, w: Who) -> Text:
    rng = c.rng
    pick = rng.randrange(4)
    if pick == 0:
        return text(
            "Thanks, {g} {f}. We sent a confirmation to {e}.",
            "message:bot",
            g=c.g(w, "bot-given"),
            f=c.f(w, "bot-family"),
            e=c.e(w, "bot-echo"),
        )
    if pick == 1:
        return text(
            "Ticket #{n} opened for {fu}, {g}.",
            "message:bot",
            n=str(rng.randint(100000, 999999)),
            fu=c.fu(w),
            g=c.g(w, "bot-last-first"),
        )
    if pick == 2:
        return text("We will text you at {p} when it's ready.", "message:bot", p=c.p(w, "e164"))
    return text("Welcome back, {g}!", "message:bot", g=c.g(w, "bot-given"))


def _decoy_line(c: Ctx, w: Who) -> Text:
    rng = c.rng
    sort = rng.choice(DECOY_SORTS)
    frames = {
        "order-number": "Order {d} still hasn't shipped.",
        "tracking-code": "Tracking says {d} is held at customs.",
        "price": "I was charged {d} instead of the advertised price.",
        "date": "It was promised for {d}.",
        "version": "The app is on {d} and still crashes.",
        "product": "The {d} I ordered arrived with a cracked screen.",
        "street": "Deliver to the pick-up point on {d}, please.",
        "company": "It's the one made by {d}, not the copy.",
        "ship": "The container came on the {d}, the dock says.",
        "award": "Your ad says the book won the {d}; is that right?",
        "handle": "Your shop's account {d} did not answer me.",
        "package": "The SDK needs {d}, the docs say.",
        "giftcard-bad-luhn": "Gift card {d} is rejected.",
        "iban-bad-mod97": "Your invoice lists {d}, which my bank refuses.",
        "isbn": "I ordered {d} and got another book.",
        "doi": "The article {d} is behind a paywall, though I subscribed.",
        "call-sign": "Is the radio registered to {d} covered?",
    }
    return text(frames[sort], d=c.d(sort, w.tag))


def _sign_off(c: Ctx, w: Who) -> Text:
    return text(c.rng.choice(_phrases(_SIGN, w)), g=c.g(w, "sign-off"))


def _raw(c: Ctx, w: Who) -> Text:
    rng = c.rng
    pick = rng.randrange(4)
    if pick == 0:
        return text(
            "Customer {g} {f} asked about a double charge; callback on {p}.",
            "raw:summary",
            g=c.g(w, "raw-given"),
            f=c.f(w, "raw-family"),
            p=c.p(w),
        )
    if pick == 1:
        return text(
            "{fu}, {g}: update e-mail to {e}",
            "raw:notes",
            fu=c.fu(w),
            g=c.g(w, "raw-given"),
            e=c.e(w, "raw"),
        )
    if pick == 2:
        return text("Very helpful agent, thank you! {g}", "raw:feedback", g=c.g(w, "raw-given"))
    return text("vip;{f};callback", "raw:tags", f=c.f(w, "raw-family"))


def _profile(rng: random.Random, w: Who, platform: str, e164: str) -> dict[str, Any]:
    if platform == "peki":
        return {"firstName": w.given, "lastName": w.family, "email": w.email, "phoneNumber": e164}
    if platform == "kore":
        tags = [{"name": "fullName", "value": f"{w.given} {w.family}"}]
        if rng.random() < 0.7:
            tags.append({"name": "email", "value": w.email})
        if rng.random() < 0.5:
            tags.append({"name": "phone", "value": e164})
        return {
            "tags": {"userTags": tags, "sessionTags": []},
            "channels": [{"type": "rtm", "channelUId": w.email}],
        }
    return {"user_info": {"name": f"{w.given} {w.family}", "email": w.email, "phone": e164}}


class _Stuck(Exception):
    """No placement found with these people: the conversation is written again."""


def _retry(rng: random.Random, make: Callable[[], Text]) -> Text:
    for _ in range(30):
        t = make()
        if placed_ok(t):
            return t
    raise _Stuck


def _again(rng: random.Random, make: Callable[[random.Random], Conversation]) -> Conversation:
    for _ in range(100):
        try:
            return make(rng)
        except _Stuck:
            continue
    raise RuntimeError("no placement")


def support(rng: random.Random) -> Conversation:
    w = make_who(rng)
    sit = "support"
    c, craw = Ctx(rng, sit), Ctx(rng, "support-raw")
    platform = rng.choice(("peki", "kore", "selise"))
    num = valid_number(rng, w.region)
    e164 = phonenumbers.format_number(num, _PNF.E164)
    person = Person(w.lang, w.given, w.family, w.email, e164, e164, w.region)
    conv = Conversation(platform, person, _profile(rng, w, platform, e164))
    greet = rng.choice(_phrases(_GREET, w))
    conv.texts.append(_retry(rng, lambda: text(greet, g=c.g(w), f=c.f(w))))
    agent = make_who(rng)
    while agent.given == w.given or agent.family == w.family:
        agent = make_who(rng)
    steps: list[Callable[[], Text]] = []
    for _ in range(rng.randint(2, 6)):
        roll = rng.random()
        if roll < 0.4:
            steps.append(lambda: _own_value(c, w))
        elif roll < 0.55:
            steps.append(lambda: _relative(c, w))
        elif roll < 0.75:
            steps.append(lambda: _bot(c, w))
        else:
            steps.append(lambda: _decoy_line(c, w))
    steps.insert(rng.randint(1, len(steps)), lambda: _agent(c, w, agent))
    if rng.random() < 0.7:
        steps.append(lambda: _sign_off(c, w))
    for step in steps:
        conv.texts.append(_retry(rng, step))
    if rng.random() < 0.6:
        conv.texts.append(_retry(rng, lambda: _raw(craw, w)))
    return conv


# --- situations -----------------------------------------------------------------------------
# Each makes the texts of one conversation without a profile: someone pastes a document.


def _people(rng: random.Random, n: int) -> list[Who]:
    """``n`` people with distinct names."""
    out: list[Who] = []
    while len(out) < n:
        w = make_who(rng)
        words = (w.given.lower(), w.family.lower())
        if all(
            x not in y and y not in x
            for o in out
            for x in words
            for y in (o.given.lower(), o.family.lower())
        ):
            out.append(w)
    return out


def photo_caption(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b, ph = _people(rng, 3)
    return [
        lambda: text(
            "PHOTO: {ag} {af} (left) receives the {aw} from {bg} {bf} in Oslo.\n"
            "Photo credit: {phg} {phf} / Agence Nordlys",
            ag=c.g(a), af=c.f(a), aw=c.d("award", a.tag), bg=c.g(b), bf=c.f(b),
            phg=c.g(ph, "credit-given"), phf=c.f(ph, "credit-family"),
        ),
        lambda: text(
            "Caption for the gallery: \u00a9 {fu} {g} \u2014 licence questions to {e}",
            fu=c.fu(ph), g=c.g(ph, "credit-given"), e=c.e(ph, "credit"),
        ),
    ]  # fmt: skip


def yearbook(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b = _people(rng, 2)
    return [
        lambda: text(
            "{fu}, {g}\nClubs: Chess, Debating, Robotics\n"
            "Most likely to: run a company named after themselves\n"
            "Quote: \"See you at the reunion!\"\nKeep in touch: {e}",
            fu=c.fu(a), g=c.g(a, "given-last-first"), e=c.e(a, "yearbook"),
        ),
        lambda: text(
            "Class of 2026 \u2014 {bg} {bf}, yearbook editor. Order copies ({pr}) by {dt}.",
            bg=c.g(b), bf=c.f(b), pr=c.d("price", b.tag), dt=c.d("date", b.tag),
        ),
    ]  # fmt: skip


def infobox(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, sp = _people(rng, 2)
    return [
        lambda: text(
            "{{Infobox person\n| name = {ag} {af}\n| birth_date = {dt}\n"
            "| occupation = Conductor\n| spouse = {sg} {sf}\n| awards = {aw}\n}}",
            ag=c.g(a), af=c.f(a), dt=c.d("date", a.tag), sg=c.g(sp, "spouse-given"),
            sf=c.f(sp, "spouse-family"), aw=c.d("award", a.tag),
        ),
        lambda: text(
            "Please fix the infobox of {ag} {af}, the contact there is wrong: it should be {p}.",
            ag=c.g(a), af=c.f(a), p=c.p(a),
        ),
    ]  # fmt: skip


def genealogy_forum(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    me, anc = _people(rng, 2)
    return [
        lambda: text(
            "Re: {af} family, emigrated around 1905\n"
            "My great-grandmother was {ag}, born 1883, married a sailor from the {sh}. "
            "Anyone researching the same line? Write to {e}\n\u2014 {mg} {mf}",
            af=c.f(anc, "ancestor-family"), ag=c.g(anc, "ancestor-given"),
            sh=c.d("ship", anc.tag), e=c.e(me, "forum"), mg=c.g(me), mf=c.f(me),
        ),
    ]  # fmt: skip


def sms_dlr(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a = make_who(rng)
    return [
        lambda: text(
            "id:{o} sub:001 dlvrd:001 stat:DELIVRD err:000 dest:{p} "
            "text:Hi {g}, your parcel is on its way",
            o=c.d("order-number", a.tag), p=c.p(a, "e164"), g=c.g(a),
        ),
        lambda: text(
            "DLR callback from gateway {ip}: stat=UNDELIV err=011 for {fu}",
            ip=c.ip(), fu=c.fu(a),
        ),
    ]  # fmt: skip


def qa_scorecard(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    ag, cu = _people(rng, 2)
    return [
        lambda: text(
            "QA SCORECARD \u2014 call 4471\nAgent: {af}, {ag}\nCustomer: {cg} {cf}\n"
            "Greeting by name: yes (2/2)\nVerification: read the full card {cd} aloud (0/5)\n"
            "Hold etiquette: 3/3\nTotal: 71 %",
            af=c.f(ag, "agent-family"), ag=c.g(ag, "agent-given"), cg=c.g(cu), cf=c.f(cu),
            cd=c.card(),
        ),
        lambda: text(
            "Coaching note for {ag}: never repeat card numbers; customer callback {p}.",
            "message:agent", ag=c.g(ag, "agent-given"), p=c.p(cu),
        ),
    ]  # fmt: skip


def obituary(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    d, sp, ch, kin = _people(rng, 4)
    return [
        lambda: text(
            "{fu}, {g} \u2014 Peacefully at home on {dt}, aged 84. Beloved spouse of the late "
            "{sg}, devoted parent of {cg} and grandparent of many. Funeral at St Mary's. "
            "Donations in lieu of flowers to {ib}.",
            fu=c.fu(d), g=c.g(d, "given-last-first"), dt=c.d("date", d.tag),
            sg=c.g(sp, "spouse-given"), cg=c.g(ch, "child-given"), ib=c.iban(),
        ),
        lambda: text(
            "Enquiries to the family: {kg} {kf}, {p}",
            kg=c.g(kin), kf=c.f(kin), p=c.p(kin),
        ),
    ]  # fmt: skip


def author_list(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b, d = _people(rng, 3)
    return [
        lambda: text(
            "{ag} {af} (1), {bg} {bf} (1,2,*), {dg} {df} (2)\n"
            "(1) Institute of Marine Sciences, (2) Faculty of Physics\n"
            "* Corresponding author: {e}\n{doi}",
            ag=c.g(a), af=c.f(a), bg=c.g(b), bf=c.f(b), dg=c.g(d), df=c.f(d),
            e=c.e(b, "corresponding"), doi=c.d("doi", b.tag),
        ),
        lambda: text(
            "{af}, {ag}; {bf}, {bg} (2026). Ocean heat uptake. Supplementary data: {u}",
            af=c.f(a, "family-cite"), ag=c.g(a), bf=c.f(b, "family-cite"), bg=c.g(b),
            u=c.url(),
        ),
    ]  # fmt: skip


def orchestra(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    v1, v2, vc, mg = _people(rng, 4)
    return [
        lambda: text(
            "ORCHESTRA PERSONNEL\nViolin I: {v1g} {v1f} (concertmaster)\nViolin II: {v2f}, "
            "{v2g}\nCello: {vcg} {vcf}\nPersonnel manager: {mgg} {mgf} \u2014 {p}",
            v1g=c.g(v1), v1f=c.f(v1), v2f=c.f(v2, "family-last-first"), v2g=c.g(v2),
            vcg=c.g(vc), vcf=c.f(vc), mgg=c.g(mg), mgf=c.f(mg), p=c.p(mg),
        ),
    ]  # fmt: skip


def lineup(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    ps = _people(rng, 4)
    coach = ps[3]
    frame = rng.choice(
        (
            "Starting XI: 1 {a} \u2013 4 {b} \u2013 8 {d} (c)\nCoach: {cg} {cf}\nKit sponsor: {co}",
            "Formazione: 1 {a}; 4 {b}; 8 {d} (cap.)\nAllenatore: {cg} {cf}\nSponsor: {co}",
        )
    )
    return [
        lambda: text(
            frame, a=c.fu(ps[0]), b=c.f(ps[1], "family-shirt"), d=c.f(ps[2], "family-shirt"),
            cg=c.g(coach), cf=c.f(coach), co=c.d("company", coach.tag),
        ),
        lambda: text(
            "Team manager {cg} (mobile {p}) confirms the line-up.", cg=c.g(coach), p=c.p(coach)
        ),
    ]  # fmt: skip


def police_blotter(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b = _people(rng, 2)
    frame = rng.choice(
        (
            "POLICE BLOTTER\n14:20 \u2014 Theft. {ag} {af}, 34, of {st}, reported a bicycle "
            "stolen. Case {o}.\n16:05 \u2014 Fraud. {bg} {bf} reported card {cd} used abroad.",
            "OCORRÊNCIAS\n14h20 \u2014 Furto. {ag} {af}, 34 anos, residente na {st}, "
            "comunicou o furto de uma bicicleta. Processo {o}.\n16h05 \u2014 Burla. {bg} {bf} "
            "comunicou o uso do cartão {cd} no estrangeiro.",
        )
    )
    return [
        lambda: text(
            frame, ag=c.g(a), af=c.f(a), st=c.d("street", a.tag), o=c.d("order-number", a.tag),
            bg=c.g(b), bf=c.f(b), cd=c.card(),
        ),
    ]  # fmt: skip


def attendance(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    s1, s2, s3, par = _people(rng, 4)
    frame = rng.choice(
        (
            "Lista obecności \u2014 klasa 3b, {dt}\n1. {f1}, {g1} \u2014 obecny\n"
            "2. {f2}, {g2} \u2014 nieobecny (usprawiedliwiony)\n3. {f3}, {g3} \u2014 obecny\n"
            "Kontakt do rodzica: {pg} {pf}, {p}",
            "ATTENDANCE \u2014 Year 9 Chemistry, {dt}\n{f1}, {g1}: present\n{f2}, {g2}: absent\n"
            "{f3}, {g3}: late\nParent contact: {pg} {pf}, {p}",
        )
    )
    return [
        lambda: text(
            frame, dt=c.d("date", s1.tag), f1=c.f(s1, "family-last-first"), g1=c.g(s1),
            f2=c.f(s2, "family-last-first"), g2=c.g(s2), f3=c.f(s3, "family-last-first"),
            g3=c.g(s3), pg=c.g(par, "parent-given"), pf=c.f(par, "parent-family"), p=c.p(par),
        ),
    ]  # fmt: skip


def podcast_transcript(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    host, guest = _people(rng, 2)
    return [
        lambda: text(
            "[00:00:04] {hu}: Welcome back to Small Harbour, I'm your host.\n"
            "[00:00:09] {gg} {gf}: Thanks for having me.\n"
            "[00:00:15] {hu2}: You wrote the book everyone mentions, {isbn}.",
            hu=c.gu(host), gg=c.g(guest), gf=c.f(guest), hu2=c.fu(host),
            isbn=c.d("isbn", guest.tag),
        ),
        lambda: text(
            "Show notes: guest {gg} {gf}; bookings via {e}", gg=c.g(guest), gf=c.f(guest),
            e=c.e(guest, "booking"),
        ),
    ]  # fmt: skip


def minutes(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b, d, x = _people(rng, 4)
    frame = rng.choice(
        (
            "Notulen bestuursvergadering {dt}\nAanwezig: {ag} {af} (voorzitter), {bg} {bf}, "
            "{dg} {df}\nAfwezig met bericht: {xg} {xf}\nActiepunt: penningmeester maakt de "
            "contributie over naar {ib}.",
            "MINUTES \u2014 Board meeting {dt}\nPresent: {ag} {af} (chair), {bg} {bf}, {dg} "
            "{df}\nApologies: {xg} {xf}\nAction: treasurer to move the reserve to {ib}.",
        )
    )
    return [
        lambda: text(
            frame, dt=c.d("date", a.tag), ag=c.g(a), af=c.f(a), bg=c.g(b), bf=c.f(b),
            dg=c.g(d), df=c.f(d), xg=c.g(x), xf=c.f(x), ib=c.iban(),
        ),
    ]  # fmt: skip


def pickup_auth(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    kid, par, gm = _people(rng, 3)
    frame = rng.choice(
        (
            "Abholberechtigung Kita Sonnenblume\nKind: {kg} {kf}\nErziehungsberechtigt: "
            "{pg} {pf}, {e}\nAbholberechtigt: {gg} {gf} (Oma), Tel. {p}\nGültig ab {dt}",
            "PICK-UP AUTHORISATION \u2014 Little Acorns Nursery\nChild: {kg} {kf}\nParent: "
            "{pg} {pf}, {e}\nAuthorised adult: {gg} {gf} (grandparent), tel. {p}\n"
            "Valid from {dt}",
        )
    )
    return [
        lambda: text(
            frame, kg=c.g(kid, "child-given"), kf=c.f(kid, "child-family"), pg=c.g(par),
            pf=c.f(par), e=c.e(par, "parent"), gg=c.g(gm), gf=c.f(gm), p=c.p(gm),
            dt=c.d("date", kid.tag),
        ),
    ]  # fmt: skip


def library_hold(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a = make_who(rng)
    frame = rng.choice(
        (
            "Médiathèque municipale \u2014 votre réservation est disponible\nLecteur : {fu} "
            "{g}\nDocument : {isbn}\nÀ retirer avant le {dt}. Amendes : virement sur {ib}",
            "LIBRARY HOLD NOTICE\nPatron: {fu}, {g}\nItem: {isbn}\nPick up by {dt}. "
            "Outstanding fines can be paid to {ib}",
        )
    )
    return [
        lambda: text(
            frame, fu=c.fu(a), g=c.g(a), isbn=c.d("isbn", a.tag), dt=c.d("date", a.tag),
            ib=c.iban(),
        ),
        lambda: text("Notice sent to {e}", "message:agent", e=c.e(a, "notice")),
    ]  # fmt: skip


def pet_adoption(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, vet = _people(rng, 2)
    frame = rng.choice(
        (
            "Solicitud de adopción \u2014 Protectora Huellas\nAdoptante: {ag} {af}\n"
            "Correo: {e}\nTeléfono: {p}\nMascota: Luna (mestiza, 3 años)\n"
            "Veterinario de referencia: Dr. {vf}\nCuota pagada con la tarjeta {cd}",
            "PET ADOPTION APPLICATION\nApplicant: {ag} {af}\nE-mail: {e}\nPhone: {p}\n"
            "Pet: Biscuit (terrier mix)\nReference vet: Dr {vf}\nFee paid by card {cd}",
        )
    )
    return [
        lambda: text(
            frame, ag=c.g(a), af=c.f(a), e=c.e(a, "applicant"), p=c.p(a),
            vf=c.f(vet, "family-title"), cd=c.card(),
        ),
    ]  # fmt: skip


def bug_bounty(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b, d = _people(rng, 3)
    return [
        lambda: text(
            "HALL OF FAME 2026\n- {ag} {af} ({h}) \u2014 stored XSS in the profile page\n"
            "- {bg} {bf} \u2014 IDOR on invoices\n- {df}, {dg} \u2014 open redirect",
            ag=c.g(a), af=c.f(a), h=c.d("handle", a.tag), bg=c.g(b), bf=c.f(b),
            df=c.f(d, "family-last-first"), dg=c.g(d),
        ),
        lambda: text(
            "Report from {bg}: reproduced from {ip}, proof of concept at {u}; bounty to {ib}",
            bg=c.g(b), ip=c.ip(), u=c.url(), ib=c.iban(),
        ),
    ]  # fmt: skip


def release_thanks(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a, b, d = _people(rng, 3)
    return [
        lambda: text(
            "## {v} (2026-11-30)\n- Faster exports\n- Fixed the CSV encoding bug\n\n"
            "Thanks to {ag} {af}, {bg} {bf} and {dg} {df} for their contributions!\n"
            "Requires {pk}.",
            v=c.d("version", a.tag), ag=c.g(a), af=c.f(a), bg=c.g(b), bf=c.f(b), dg=c.g(d),
            df=c.f(d), pk=c.d("package", a.tag),
        ),
        lambda: text(
            "Nightly build artefacts for {ag}: {u}", ag=c.g(a), u=c.url(),
        ),
    ]  # fmt: skip


def letter_editor(c: Ctx) -> list[Callable[[], Text]]:
    rng = c.rng
    a = make_who(rng)
    frame = rng.choice(
        (
            "Egregio Direttore,\nda anni il {pr} per il parcheggio in {st} è uno scandalo. "
            "Chiedo che il Comune intervenga.\n{g} {f}\n{e}",
            "Sir, \u2014 Once again the council has renamed a square after a donor while the "
            "bus to {st} costs {pr}. Enough.\n{g} {f}\n{e}",
        )
    )
    return [
        lambda: text(
            frame, pr=c.d("price", a.tag), st=c.d("street", a.tag), g=c.g(a), f=c.f(a),
            e=c.e(a, "letter"),
        ),
        lambda: text("Published letter by {fu}; reader phone for verification {p}",
                     "message:agent", fu=c.fu(a), p=c.p(a)),
    ]  # fmt: skip


_SITUATION_MAKERS: dict[str, Callable[[Ctx], list[Callable[[], Text]]]] = {
    "photo-caption": photo_caption,
    "yearbook": yearbook,
    "infobox": infobox,
    "genealogy-forum": genealogy_forum,
    "sms-dlr": sms_dlr,
    "qa-scorecard": qa_scorecard,
    "obituary": obituary,
    "author-list": author_list,
    "orchestra": orchestra,
    "lineup": lineup,
    "police-blotter": police_blotter,
    "attendance": attendance,
    "podcast-transcript": podcast_transcript,
    "minutes": minutes,
    "pickup-auth": pickup_auth,
    "library-hold": library_hold,
    "pet-adoption": pet_adoption,
    "bug-bounty": bug_bounty,
    "release-thanks": release_thanks,
    "letter-editor": letter_editor,
}


def situated(rng: random.Random) -> Conversation:
    sit = rng.choice(SITUATIONS)
    c = Ctx(rng, sit)
    makers = _SITUATION_MAKERS[sit](c)
    asker = make_who(rng)
    person = Person(asker.lang, asker.given, asker.family, asker.email, "", "", asker.region)
    conv = Conversation(rng.choice(("peki", "kore", "selise")), person, {})
    for make in makers:
        conv.texts.append(_retry(rng, make))
    return conv


SITUATED_SHARE = 0.67


def corpus(n_texts: int, seed: int) -> list[Conversation]:
    """Conversations holding exactly ``n_texts`` texts, the same for the same seed."""
    rng = random.Random(f"held-out/26/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n_texts:
        conv = _again(rng, situated if rng.random() < SITUATED_SHARE else support)
        conv.texts = conv.texts[: n_texts - count]
        out.append(conv)
        count += len(conv.texts)
    return out


def _short(cls: str) -> str:
    parts = cls.split("/")
    return f"{parts[0]}/{parts[-1]}"


def main(argv: list[str]) -> int:
    """``python -m bench.heldout_bank26 [N] [SEED] [--classes]``"""
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 20000
    seed = int(args[1]) if len(args) > 1 else 1
    texts = [t for conv in corpus(n, seed) for t in conv.texts]
    planted = [p for t in texts for p in t.planted]
    kinds = Counter(k for k, _, _ in planted)
    print(f"bank 26: {len(texts)} texts (seed {seed}), {len(planted)} planted values")
    print("\nby kind:")
    for kind, m in kinds.most_common():
        print(f"  {kind:7} {m}")
    print("\nby language (names):")
    langs = Counter(c.split("/")[1] for k, _, c in planted if k == "name")
    for lang, m in sorted(langs.items()):
        print(f"  {lang:9} {m}")
    print("\nby situation:")
    for sit, m in sorted(Counter(c.split("/")[2] for _, _, c in planted).items()):
        print(f"  {sit:20} {m}")
    print("\nby class (kind/.../detail, over languages and situations; decoys by sort):")
    for cls, m in sorted(Counter(_short(c) for _, _, c in planted).items()):
        print(f"  {cls:40} {m}")
    if "--classes" in argv:
        print("\nby full class:")
        for cls, m in sorted(Counter(c for _, _, c in planted).items()):
            print(f"  {cls} {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
