"""Held-out bank 14: situations outside chat-support templates, names in 47 languages.

    corpus(n, seed) -> list[Conversation]     (n texts, the same bank for the same n and seed)

Written from the scoring interface alone (``bench/masking_quality.py``) with its own name lists
(``bench/heldout_bank14_names.py``: 47 languages in 17 Unicode scripts, transliterations, particles,
patronymics, mononyms, diminutives, names that are words) and its own situations: forwarded
e-mail headers, calendar invites, delivery notices, pharmacy chats, club, parish and volunteer
rosters, bank dispute letters, tenant and landlord chats, job applications with CV snippets,
exported chats (``[12:01] Name: text``), Markdown tables, YAML and XML, voice-to-text without
punctuation, parents naming their children, names in lowercase, in capitals (``NOVAK/JAN MR``),
split across a line break, in possessive forms of several languages, and @-mentions.

Classes: ``name/<lang>/<situation>`` (``<lang>-Latn`` when a name of a non-Latin script is
written in Latin letters), ``name/diminutive/<lang>/<situation>`` for short forms of the
profile's given name (reported apart: they are not the profile value), and
``<kind>/<form>`` or ``<kind>/<country>/<form>`` for structured values. A phone of class
``phone/<CC>/new-range-...`` is possible but not yet assigned in its country (written in
international form); every other phone is valid for its country.

Decisions on what counts as personal:

- a value is planted as the whole value as written: a URL with a secret is the whole URL,
  a phone with an extension includes the extension, an IPv6 with a port is the address inside
  the brackets, a possessive that changes the name's letters (``Annas``, ``Mikan``,
  ``Erzsébeté``) is the whole word while ``Ayşe'nin`` and ``Anna's`` plant the name only;
- pets, storms, ships, streets, places, brands and companies named after people
  (``Johnson & Johnson``, ``Avenue Victor Hugo``) are not persons: decoys;
- ``@handle`` mentions of a person made from their name are names (class ``.../handle``, the
  value without the ``@``); handles of brands and services are decoys;
- e-mail-looking strings that address no person (``git@host:repo``, a ``Message-ID``,
  ``@scope/package``, ``@Override``, ``user@`` in a shell line) are decoys;
- a value occurs in its text only where it is meant: no planted value overlaps another, and a
  name is never part of a longer word.
"""

from __future__ import annotations

import json
import random
import string
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from bench.heldout_bank14_names import LANGS, Lang
from bench.heldout_corpus import Conversation, Person, Planted, Text

Item = tuple[str, str, str]

# --- helpers on names --------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "'": "",
        "’": "",
        "-": "",
        " ": "",
    }
)


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if c.isascii() and c.isalnum())


@dataclass
class Who:
    """A person of the bank: entries as the lists hold them (``native|latin``)."""

    lang: Lang
    given: str
    family: str  # "" for a mononym

    def g(self, latin: bool) -> str:
        return self.given.split("|")[-1 if latin else 0]

    def f(self, latin: bool) -> str:
        return self.family.split("|")[-1 if latin else 0] if self.family else ""

    def tag(self, latin: bool) -> str:
        return f"{self.lang.code}-Latn" if latin and self.lang.script != "Latin" else self.lang.code

    @property
    def native_latin(self) -> bool:
        return self.lang.script == "Latin"


def _who(rng: random.Random, lang: Lang | None = None) -> Who:
    lang = lang or rng.choice(LANGS)
    return Who(lang, rng.choice(lang.givens), rng.choice(lang.families) if lang.families else "")


def _name(value: str, tag: str, situation: str) -> Item:
    return ("name", value, f"name/{tag}/{situation}")


# --- phones ------------------------------------------------------------------------------------

_MORE_REGIONS = ("GB", "ES", "PT", "CH", "AT", "BE", "SE", "NO", "DK", "SG", "AE", "EG", "AR", "CL")
_REGIONS = sorted({lang.region for lang in LANGS} | {*_MORE_REGIONS, "CO", "CA", "AU"})
_PREFIX0 = ("DE", "AT", "CH", "NL", "BE", "GB", "FR", "IT", "TR", "ZA", "NZ", "IE")


def _valid_phone(rng: random.Random, region: str) -> PhoneNumber:
    kinds = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
    for kind in (rng.choice(kinds), *kinds):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is None:
            continue
        nsn = phonenumbers.national_significant_number(ex)
        keep = max(2, len(nsn) // 3)
        for _ in range(80):
            cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
            num = phonenumbers.parse(f"+{ex.country_code}{cand}")
            ok = phonenumbers.is_valid_number(num)
            if ok and phonenumbers.region_code_for_number(num) == region:
                return num
        return ex
    raise ValueError(f"no example number for {region}")


def _new_range_phone(rng: random.Random, region: str) -> PhoneNumber | None:
    """A number of a possible length in a range the country has not assigned (yet)."""
    ex = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if ex is None:
        return None
    n = len(phonenumbers.national_significant_number(ex))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{ex.country_code}{cand}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _write_phone(rng: random.Random, num: PhoneNumber, form: str) -> str:
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if form == "e164":
        return phonenumbers.format_number(num, PhoneNumberFormat.E164)
    if form == "intl-dashes":
        return intl.replace(" ", "-")
    if form == "intl-dots":
        return intl.replace(" ", ".")
    if form == "intl-00":
        return "00" + intl[1:]
    if form == "intl-trunk":  # +49 (0)30 1234567
        cc, rest = intl.split(" ", 1)
        return f"{cc} (0){rest}"
    if form == "national":
        return national
    if form == "national-compact":
        return "".join(c for c in national if c.isdigit())
    if form == "ext":
        ext = str(rng.randint(2, 9999))
        return intl + rng.choice((f" ext. {ext}", f" x{ext}", f" ext {ext}", f";ext={ext}"))
    return intl


def phone(rng: random.Random, region: str | None = None) -> tuple[str, Item]:
    """A phone as someone writes it, with its class (country and form)."""
    region = region or rng.choice(_REGIONS)
    if rng.random() < 0.12:
        num = _new_range_phone(rng, region)
        if num is not None:
            form = rng.choice(("intl", "e164", "intl-00", "intl-dashes"))
            value = _write_phone(rng, num, form)
            return value, ("phone", value, f"phone/{region}/new-range-{form}")
    num = _valid_phone(rng, region)
    forms = ["intl", "e164", "intl-dashes", "intl-dots", "intl-00", "national", "national"]
    forms += ["national-compact", "ext"]
    if (
        region in _PREFIX0
        and phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)[:1] == "0"
    ):
        forms.append("intl-trunk")
    form = rng.choice(forms)
    value = _write_phone(rng, num, form)
    return value, ("phone", value, f"phone/{region}/{form}")


# --- cards, IBANs, IPs, URLs, e-mails ---------------------------------------------------------


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


_BRANDS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("visa", ("4",), 16),
    ("visa", ("4",), 19),
    ("mastercard", ("51", "53", "55", "2221", "2490", "2720"), 16),
    ("amex", ("34", "37"), 15),
    ("discover", ("6011", "65"), 16),
    ("jcb", ("3528", "3589"), 16),
    ("diners", ("36",), 14),
    ("unionpay", ("62",), 19),
    ("maestro", ("6759", "5018"), 18),
)
_GROUPS = {16: (4, 4, 4, 4), 15: (4, 6, 5), 14: (4, 6, 4), 19: (4, 4, 4, 4, 3), 18: (4, 4, 4, 6)}
_SEPS = {"space": " ", "dash": "-", "none": "", "dot": ".", "nbsp": "\u00a0"}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _group(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for s in sizes:
        out.append(digits[i : i + s])
        i += s
    return sep.join(out)


def card(rng: random.Random, sep_name: str | None = None) -> tuple[str, Item]:
    brand, prefixes, length = rng.choice(_BRANDS)
    body = rng.choice(prefixes)
    body += _digits(rng, length - 1 - len(body))
    pan = body + _luhn_digit(body)
    sep_name = sep_name or rng.choice(tuple(_SEPS))
    value = _group(pan, _GROUPS[length], _SEPS[sep_name])
    return value, ("card", value, f"card/{brand}-{length}/{sep_name}")


def bad_luhn(rng: random.Random) -> str:
    body = rng.choice("4535") + _digits(rng, 14)
    good = _luhn_digit(body)
    wrong = rng.choice([d for d in string.digits if d != good])
    return _group(body + wrong, (4, 4, 4, 4), rng.choice((" ", "-", "")))


# BBAN layouts: n digits, a capital letters, c digits or capitals
_IBAN = {
    "DE": "18n",
    "AT": "16n",
    "CH": "5n12c",
    "FR": "10n11c2n",
    "GB": "4a14n",
    "IE": "4a14n",
    "NL": "4a10n",
    "BE": "12n",
    "LU": "3n13c",
    "ES": "20n",
    "PT": "21n",
    "IT": "1a10n12c",
    "PL": "24n",
    "CZ": "20n",
    "SK": "20n",
    "HU": "24n",
    "RO": "4a16c",
    "BG": "4a6n8c",
    "HR": "17n",
    "SI": "15n",
    "LT": "16n",
    "LV": "4a13c",
    "EE": "16n",
    "FI": "14n",
    "SE": "20n",
    "NO": "11n",
    "DK": "14n",
    "IS": "22n",
    "GR": "7n16c",
    "CY": "8n16c",
    "MT": "4a5n18c",
    "TR": "6n16c",
    "SA": "2n18c",
    "AE": "3n16n",
    "IL": "19n",
    "QA": "4a21c",
    "KW": "4a22c",
    "BR": "8n10n5n1a1c",
    "UA": "6n19c",
    "GE": "2a16n",
    "KZ": "3n13c",
    "AL": "8n16c",
    "RS": "18n",
    "EG": "25n",
}


def _bban(rng: random.Random, spec: str) -> str:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        pool = {"n": string.digits, "a": string.ascii_uppercase}.get(ch)
        for _ in range(int(num)):
            if pool is None:  # c: mostly digits, some letters
                out.append(
                    rng.choice(string.ascii_uppercase if rng.random() < 0.2 else string.digits)
                )
            else:
                out.append(rng.choice(pool))
        num = ""
    return "".join(out)


def _mod97(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s)) % 97


def _iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, _IBAN[country])
    check = 98 - _mod97(bban + country + "00")
    iban = f"{country}{check:02d}{bban}"
    if valid:
        return iban
    while True:
        i = rng.randrange(4, len(iban))
        if not iban[i].isdigit():
            continue
        bad = iban[:i] + rng.choice([d for d in string.digits if d != iban[i]]) + iban[i + 1 :]
        if _mod97(bad[4:] + bad[:4]) != 1:
            return bad


def _grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def iban(rng: random.Random) -> tuple[str, Item]:
    country = rng.choice(tuple(_IBAN))
    compact = _iban_compact(rng, country)
    form = rng.choice(("compact", "groups", "groups", "lower-compact", "lower-groups", "split"))
    if form == "compact":
        value = compact
    elif form == "groups":
        value = _grouped(compact)
    elif form == "lower-compact":
        value = compact.lower()
    elif form == "lower-groups":
        value = _grouped(compact).lower()
    else:  # split across two lines at a group boundary, as a narrow letter or SMS wraps it
        groups = _grouped(compact).split(" ")
        cut = rng.randint(2, len(groups) - 1)
        value = " ".join(groups[:cut]) + "\n" + " ".join(groups[cut:])
    return value, ("iban", value, f"iban/{country}/{form}")


def bad_iban(rng: random.Random) -> str:
    return _grouped(_iban_compact(rng, rng.choice(tuple(_IBAN)), valid=False))


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 100, 127, 169, 172, 192):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random, form: str) -> str:
    head = rng.choice(("2a02", "2a01", "2001", "2600", "2405", "2c0f", "2804"))
    groups = [head] + [f"{rng.randint(0, 0xFFFF):x}" for _ in range(7)]
    if form == "full":
        return ":".join(g.zfill(4) for g in groups)
    if form == "mapped":
        return f"::ffff:{ipv4(rng)}"
    keep = rng.randint(2, 4)
    return ":".join(groups[:keep]) + "::" + ":".join(groups[-rng.randint(1, 2) :])


def ip(rng: random.Random) -> tuple[str, str, Item]:
    """(text with the address in place, address, item)."""
    form = rng.choice(
        ("v4", "v4-port", "v4-log", "v4-sshd", "v6", "v6-full", "v6-port", "v6-mapped", "v4-xff")
    )
    if form.startswith("v6"):
        value = ipv6(rng, {"v6-full": "full", "v6-mapped": "mapped"}.get(form, "short"))
    else:
        value = ipv4(rng)
    port = rng.choice((443, 8443, 22, 3389, 51820, 8080))
    when = f"07/Dec/2026:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:11 +0100"
    text = {
        "v4": f"my IP is {value} if that helps",
        "v4-port": f"the camera answers on {value}:{port} from outside",
        "v4-log": f'{value} - - [{when}] "POST /api/login HTTP/1.1" 401 312 "-" "okhttp/4.12.0"',
        "v4-sshd": f"sshd[2211]: Failed password for root from {value} port {port} ssh2",
        "v6": f"router shows WAN {value} since the outage",
        "v6-full": f"ipv6 address . . . . : {value}",
        "v6-port": f"connect to [{value}]:{port} timed out",
        "v6-mapped": f"client={value} rejected (geo block)",
        "v4-xff": f"X-Forwarded-For: {value}, 10.0.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
    }[form]
    return text, value, ("ip", value, f"ip/{form}")


def _token(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def secret_url(rng: random.Random) -> tuple[str, Item]:
    host = rng.choice(
        (
            "portal.mieterverein-nord.de",
            "files.acme-cloud.io",
            "nas.fam-home.net",
            "app.clinic-booking.eu",
            "cdn.storage.example-shop.com",
        )
    )
    form = rng.choice(
        (
            "credentials",
            "ftp-credentials",
            "token",
            "access_token",
            "sig",
            "api_key",
            "amz-signature",
            "reset-code",
        )
    )
    t = _token(rng, rng.randint(18, 40))
    if form == "credentials":
        user = rng.choice(("admin", "mieter4b", "backup", "k.weber"))
        value = f"https://{user}:{_token(rng, 10)}@{host}/share/{_token(rng, 6)}"
    elif form == "ftp-credentials":
        value = f"ftp://scan:{_token(rng, 12)}@{host}:21/inbox/"
    elif form == "token":
        value = f"https://{host}/download?file=contract.pdf&token={t}"
    elif form == "access_token":
        value = f"https://{host}/oauth/callback#access_token={t}&token_type=bearer"
    elif form == "sig":
        value = (
            f"https://{host}/c/scans/id.jpg?sv=2024-05-04&se=2026-12-09T10%3A00%3A00Z"
            f"&sr=b&sp=r&sig={t}%3D"
        )
    elif form == "api_key":
        value = f"https://{host}/v2/export?format=csv&api_key={t}"
    elif form == "amz-signature":
        value = (
            f"https://{host}/invoice.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            f"&X-Amz-Expires=3600&X-Amz-Signature={_token(rng, 64, string.hexdigits[:16])}"
        )
    else:
        value = f"https://{host}/account/reset?code={_token(rng, 6, string.digits)}&uid={t[:10]}"
    return value, ("url", value, f"url/{form}")


_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "proton.me",
    "icloud.com",
    "yahoo.co.jp",
    "seznam.cz",
    "web.de",
    "gmx.at",
    "libero.it",
    "wp.pl",
    "naver.com",
    "mail.ru",
    "ukr.net",
    "orange.fr",
    "hotmail.com.tr",
    "yandex.kz",
    "rediffmail.com",
    "xtra.co.nz",
    "telkomsa.net",
    "abv.bg",
)
_SUBDOMAINS = (
    "hr.emea.northwind-trading.com",
    "mail.uni-lj.si",
    "students.ucc.ie",
    "staff.kku.ac.th",
    "eng.branch2.globex.co.za",
    "pharmacy.health.gov.mt",
)
_IDN = (
    "bücher-haus.de",
    "café-lumière.fr",
    "почта.рф",
    "例え.jp",
    "øl-og-mat.no",
    "ñandú.com.ar",
    "mañana-viajes.es",
    "ελληνικά.gr",
)


def email(rng: random.Random, who: Who) -> tuple[str, str]:
    """(address, form) for ``who``; local parts from the Latin form of the name."""
    g = _ascii(who.g(True)).lower() or "info"
    f = _ascii(who.f(True)).lower()
    if f:
        n = rng.randint(1, 99)
        local = rng.choice((f"{g}.{f}", f"{g}{f}", f"{g[0]}.{f}", f"{f}.{g}", f"{g}_{f}{n}"))
    else:
        local = f"{g}{rng.randint(70, 2009)}"
    local = local.strip("._") or "post"
    form = rng.choice(("plain", "plain", "plus-tag", "subdomain", "idn", "mixed-case"))
    if form == "plus-tag":
        tag = rng.choice(("orders", "bank", "kita", "rent", "jobs"))
        return f"{local}+{tag}@{rng.choice(_DOMAINS)}", form
    if form == "subdomain":
        return f"{local}@{rng.choice(_SUBDOMAINS)}", form
    if form == "idn":
        return f"{local}@{rng.choice(_IDN)}", form
    if form == "mixed-case":
        cased = ".".join(p.capitalize() for p in local.split("."))
        return f"{cased}@{rng.choice(_DOMAINS).upper()}", form
    return f"{local}@{rng.choice(_DOMAINS)}", form


# --- decoys ------------------------------------------------------------------------------------


def _isbn13(rng: random.Random) -> str:
    body = "978" + _digits(rng, 9)
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    b = body + str(check)
    return f"{b[:3]}-{b[3]}-{b[4:8]}-{b[8:12]}-{b[12]}"


def _ean13(rng: random.Random) -> str:
    body = rng.choice(("400", "590", "869", "789")) + _digits(rng, 9)
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def _one_of(*items: str) -> Callable[[random.Random], str]:
    return lambda r: r.choice(items)


def _price(r: random.Random) -> str:
    cur = r.choice(("€", "CHF ", "₹ ", "R$ ", "¥"))
    return f"{cur}{r.randint(1, 9)},{_digits(r, 3)}.{_digits(r, 2)}"


def _date(r: random.Random) -> str:
    d, m = r.randint(1, 28), r.randint(1, 12)
    return r.choice((f"{d:02d}/{m:02d}/2026", f"2026-{m:02d}-{d:02d}", f"{d}. Dezember 2026"))


def _coords(r: random.Random) -> str:
    return f"{r.uniform(-60, 70):.5f}, {r.uniform(-170, 170):.5f}"


def _hex(n: int) -> Callable[[random.Random], str]:
    return lambda r: _token(r, n, "0123456789abcdef")


# class: (phrase around the value, the value); none of them is personal
_D: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "order-number": ("order {}", lambda r: f"A{r.randint(10, 99)}-{_digits(r, 7)}"),
    "tracking-code": (
        "tracking {}",
        lambda r: r.choice(("JJD", "1Z")) + _token(r, 16, string.digits + "AX"),
    ),
    "invoice-number": ("invoice {}", lambda r: f"INV-2026/{_digits(r, 5)}"),
    "price": ("it cost {}", _price),
    "date": ("on {}", _date),
    "time": ("at {}", lambda r: f"{r.randint(7, 21)}:{r.choice((0, 15, 30, 45)):02d}"),
    "version": (
        "app version {}",
        lambda r: f"v{r.randint(1, 19)}.{r.randint(0, 40)}.{r.randint(0, 9)}",
    ),
    "version-4part": (
        "Windows build {}",
        lambda r: f"10.0.{r.randint(19041, 26100)}.{r.randint(300, 4999)}",
    ),
    "uuid": ("request id {}", lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4))),
    "hash": ("checksum sha256:{}", _hex(64)),
    "git-hash": ("fixed in commit {}", _hex(7)),
    "coordinates": ("pin at {}", _coords),
    "isbn": ("the book ISBN {}", _isbn13),
    "ean13": ("barcode {} on the box", _ean13),
    "brand-product": (
        "my {}",
        _one_of("Ford Fiesta", "Opel Corsa", "Škoda Octavia", "Toyota Camry", "Lada Niva"),
    ),
    "street": (
        "address {} 12",
        _one_of(
            "Avenue Victor Hugo",
            "Rembrandtstraat",
            "Calle de Goya",
            "Karl-Marx-Allee",
            "Rua Augusta",
            "Nevsky Prospekt",
            "Via Giuseppe Garibaldi",
        ),
    ),
    "place": (
        "near {}",
        _one_of(
            "San Francisco",
            "Santa Cruz de Tenerife",
            "Alexandria",
            "Victoria Falls",
            "Saint-Étienne",
            "Florianópolis",
            "Port Elizabeth",
        ),
    ),
    "ship": (
        "on board the {}",
        _one_of("MS Prinsendam", "Queen Mary 2", "MSC Bellissima", "MS Richard With"),
    ),
    "storm": (
        "since {}",
        _one_of("Storm Ciarán", "Hurricane Milton", "Typhoon Haikui", "Cyclone Freddy"),
    ),
    "pet": (
        "my dog {}",
        _one_of("Bella", "Rex", "Miso", "Lucky", "Mittens", "Pfoti", "Bolinha"),
    ),
    "company-surname": (
        "from {}",
        _one_of(
            "Johnson & Johnson",
            "Marks & Spencer",
            "Procter & Gamble",
            "Boehringer Ingelheim",
            "Dr. Oetker",
            "Ferrero",
            "Siemens",
            "Philips",
            "Hennessy",
        ),
    ),
    "luhn-fail-16": ("reference {}", lambda r: bad_luhn(r)),
    "iban-mod97-fail": ("their account {}", lambda r: bad_iban(r)),
    "phone-shaped-serial": (
        "serial no. {}",
        lambda r: f"{_digits(r, 4)}-{_digits(r, 4)}-{_digits(r, 4)}",
    ),
    "public-url": (
        "see {}",
        _one_of(
            "https://www.bahn.de/buchung/start",
            "https://github.com/python/cpython/issues/98",
            "https://www.gov.uk/council-tax",
            "https://www.ameli.fr/assure/remboursements",
        ),
    ),
    "url-utm": (
        "link {}",
        lambda r: (
            "https://shop.example.org/sale?utm_source=newsletter&utm_medium=email"
            f"&utm_campaign=w{r.randint(1, 52)}"
        ),
    ),
    "git-remote": (
        "clone {}",
        lambda r: f"git@github.com:{r.choice(('acme', 'tenantco'))}/app.git",
    ),
    "npm-scope": ("after updating {}", _one_of("@angular/core", "@types/node", "@babel/core")),
    "code-annotation": ("the method has {}", _one_of("@Override", "@Transactional", "@dataclass")),
    "message-id": ("Message-ID: {}", lambda r: f"<CA+{_token(r, 20)}@mail.gmail.com>"),
    "shell-user-at": ("I typed `ssh {}` and it hangs", _one_of("deploy@", "root@", "pi@")),
    "brand-handle": (
        "I also wrote to {}",
        _one_of("@DHLPaket", "@AirFranceKLM", "@Uber_Support", "@NetflixHelps"),
    ),
    "flight": (
        "flight {}",
        lambda r: f"{r.choice(('LH', 'TK', 'QR', 'LA'))} {r.randint(100, 9999)}",
    ),
    "booking-ref": ("booking code {}", lambda r: _token(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")),
    "percentage": ("a discount of {}", lambda r: f"{r.randint(5, 60)}.5 %"),
    "temperature": ("fever {}", lambda r: f"38.{r.randint(1, 9)} °C"),
    "dosage": ("take {} twice a day", lambda r: f"{r.choice((250, 400, 500, 850))} mg"),
    "medication": (
        "the {} tablets",
        _one_of("Ibuprofen", "Metformin", "Valsartan", "Amoxicillin", "Levothyroxine"),
    ),
    "lot-number": ("lot {}", lambda r: f"LOT {r.randint(20, 26)}B{_digits(r, 3)}"),
    "hex-colour": ("colour {}", lambda r: "#" + _token(r, 6, "0123456789ABCDEF")),
    "iso-datetime": (
        "logged {}",
        lambda r: f"2026-12-0{r.randint(1, 7)}T{r.randint(10, 23)}:{r.randint(10, 59)}:00Z",
    ),
    "ticket-id": ("case {}", lambda r: f"CASE-{_digits(r, 8)}"),
    "saint-parish": (
        "at {} church",
        _one_of("St. Anne", "San Lorenzo", "Sankt Georg", "Notre-Dame", "St. Nicholas"),
    ),
    "sports-club": (
        "training with {} juniors",
        _one_of("FC Dynamo", "Real Betis", "Ajax", "Galatasaray", "SK Slavia"),
    ),
}
DECOY_CLASSES = tuple(f"decoy/{k}" for k in _D)


def decoy(rng: random.Random, what: str | None = None) -> tuple[str, Item]:
    what = what or rng.choice(tuple(_D))
    phrase, make = _D[what]
    value = make(rng)
    return phrase.format(value), ("decoy", value, f"decoy/{what}")


# --- situations --------------------------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    me: Who
    latin: bool  # how the person writes their own name
    email: str
    email_form: str
    phone_num: PhoneNumber
    region: str
    last_other: Who | None = None

    def own(self, situation: str, latin: bool | None = None) -> tuple[str, str, list[Item]]:
        """The person's given and family name as written here, with their items."""
        lat = self.latin if latin is None else latin
        g, f = self.me.g(lat), self.me.f(lat)
        tag = self.me.tag(lat)
        if not f:
            situation = f"{situation}-mononym"
        items = [_name(g, tag, situation)] + ([_name(f, tag, situation)] if f else [])
        return g, f, items

    def other(self, situation: str) -> tuple[str, str, list[Item]]:
        """Someone else: a name of any language, remembered for ``their_email``."""
        who = self.last_other = _who(self.rng)
        lat = not who.native_latin and self.rng.random() < 0.35
        g, f = who.g(lat), who.f(lat)
        tag = who.tag(lat)
        if not f:
            situation = f"{situation}-mononym"
        items = [_name(g, tag, situation)] + ([_name(f, tag, situation)] if f else [])
        return g, f, items

    def my_phone(self) -> tuple[str, Item]:
        """The profile's number in one of its written forms, or another of the same country."""
        if self.rng.random() < 0.4:
            return phone(self.rng, self.region)
        form = self.rng.choice(("intl", "e164", "national", "intl-dashes", "intl-00"))
        value = _write_phone(self.rng, self.phone_num, form)
        return value, ("phone", value, f"phone/{self.region}/{form}")

    def my_email(self) -> tuple[str, Item]:
        return self.email, ("email", self.email, f"email/{self.email_form}")

    def their_email(self, who: Who | None = None) -> tuple[str, Item]:
        value, form = email(self.rng, who or self.last_other or _who(self.rng))
        return value, ("email", value, f"email/{form}")


def _full(g: str, f: str) -> str:
    return f"{g} {f}".strip()


Situation = Callable[[Ctx], tuple[str, list[Item]]]


def s_email_headers(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("email-header")
    e1, i1 = c.my_email()
    g2, f2, b = c.other("email-header")
    e2, i2 = c.their_email()
    g3, f3, d = c.other("email-cc")
    e3, i3 = c.their_email()
    tk, dk = decoy(c.rng, "ticket-id")
    frm = f'"{f}, {g}" <{e1}>' if f and c.rng.random() < 0.5 else f"{_full(g, f)} <{e1}>"
    cc = f'"{_full(g3, f3)} (Accounts)" <{e3}>'
    text = (
        f"please see below\n\n---------- Forwarded message ---------\nFrom: {frm}\n"
        f"Date: Thu, 3 Dec 2026 at 09:14\nSubject: Re: {tk}\nTo: {_full(g2, f2)} <{e2}>\n"
        f"Cc: {cc}\n\nHello {g2}, the refund still has not arrived."
    )
    return text, [*a, *b, *d, i1, i2, i3, dk]


def s_calendar(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("calendar-invite")
    g2, f2, b = c.other("calendar-invite")
    e1, i1 = c.my_email()
    e2, i2 = c.their_email()
    st, ds = decoy(c.rng, "street")
    uid = str(uuid.UUID(int=c.rng.getrandbits(128), version=4))
    text = (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261210T140000Z\n"
        f"SUMMARY:Flat viewing with {_full(g2, f2)}\n"
        f'ORGANIZER;CN="{_full(g, f)}":mailto:{e1}\n'
        f"ATTENDEE;CN={_full(g2, f2)};ROLE=REQ-PARTICIPANT:mailto:{e2}\n"
        f"LOCATION:{st}\nUID:{uid}\nEND:VEVENT\nEND:VCALENDAR"
    )
    return text, [*a, *b, i1, i2, ds, ("decoy", uid, "decoy/uuid")]


def s_delivery(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("delivery")
    g2, f2, b = c.other("delivery-neighbour")
    tr, dt = decoy(c.rng, "tracking-code")
    st, ds = decoy(c.rng, "street")
    text = (
        f"Got this SMS: Parcel {tr} for {_full(g, f)} could not be delivered. It was left "
        f"with your neighbour {_full(g2, f2)}, {st}. Who is that even"
    )
    return text, [*a, *b, dt, ds]


def s_pharmacy(c: Ctx) -> tuple[str, list[Item]]:
    g2, f2, b = c.other("pharmacy-patient")
    g3, f3, d = c.other("pharmacy-doctor")
    med, dm = decoy(c.rng, "medication")
    dose, dd = decoy(c.rng, "dosage")
    ph, ip_ = c.my_phone()
    who = c.rng.choice(("my mother", "my father", "my neighbour", "my husband"))
    doc, di = (f"Dr. {f3}", d[1]) if f3 else (f"Dr. {g3}", d[0])
    text = (
        f"Hello, I am collecting the prescription for {who} {_full(g2, f2)}. {doc} "
        f"changed {med}, {dose}. Please call me on {ph} when it is ready."
    )
    return text, [*b, di, ip_, dm, dd]


def s_roster(c: Ctx) -> tuple[str, list[Item]]:
    head, dh = decoy(c.rng, c.rng.choice(("saint-parish", "sports-club")))
    kind = c.rng.choice(("volunteer", "parish", "club"))
    lines, items = [], [dh]
    for i in range(c.rng.randint(2, 4)):
        g, f, a = c.other(f"roster-{kind}")
        ph, ip_ = phone(c.rng)
        lines.append(f"{i + 1}. {_full(g, f)} – {ph}")
        items += [*a, ip_]
    text = f"Rota for Saturday ({head}):\n" + "\n".join(lines) + "\nplease forward to the bot"
    return text, items


def s_dispute(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("dispute-letter")
    cd, ic = card(c.rng)
    ib, ii = iban(c.rng)
    co, dc = decoy(c.rng, "company-surname")
    pr, dp = decoy(c.rng, "price")
    text = (
        f"Dear Sir or Madam,\nI, {_full(g, f)}, dispute a charge {co}: {pr} taken from my "
        f"card {cd}. Please refund it to\n{ib}\nYours faithfully,\n{_full(g, f)}"
    )
    return text, [*a, ic, ii, dc, dp]


def s_tenant(c: Ctx) -> tuple[str, list[Item]]:
    _, f2, b = c.other("tenant-landlord")
    g3, _, d = c.other("tenant-plumber")
    tm, dt = decoy(c.rng, "time")
    landlord, li = (f"Mr {f2}", b[1]) if f2 else (b[0][1], b[0])
    text = (
        f"the landlord {landlord} says the plumber {g3} comes {tm} but nobody confirmed. "
        "the heating in flat 3B is still off"
    )
    return text, [li, d[0], dt]


def s_cv(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("cv")
    e1, i1 = c.my_email()
    ph, ip_ = c.my_phone()
    g2, f2, b = c.other("cv-reference")
    e2, i2 = c.their_email()
    co, dc = decoy(c.rng, "company-surname")
    text = (
        f"Application: warehouse team lead\nName: {_full(g, f)}\nE-mail: {e1}\nMobile: {ph}\n"
        f"Experience: 2019-2025 logistics {co}\n"
        f"References: Prof. {_full(g2, f2)} ({e2})"
    )
    return text, [*a, i1, ip_, *b, i2, dc]


def s_chat_export(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("chat-export")
    g2, _, b = c.other("chat-export")
    ph, ip_ = c.my_phone()
    text = (
        f"[12:01] {_full(g, f)}: can you check the booking\n[12:02] {g2}: which one\n"
        f"[12:04] {_full(g, f)}: the one on {ph}\n[12:05] {g2}: on it"
    )
    return text, [*a, b[0], ip_]


def s_md_table(c: Ctx) -> tuple[str, list[Item]]:
    rows, items = [], []
    for role in c.rng.sample(("coach", "treasurer", "driver", "first aid", "kit"), 3):
        g, f, a = c.other("markdown-table")
        ph, ip_ = phone(c.rng)
        rows.append(f"| {_full(g, f)} | {ph} | {role} |")
        items += [*a, ip_]
    return "| Name | Phone | Role |\n|---|---|---|\n" + "\n".join(rows), items


def s_yaml(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("yaml")
    e1, i1 = c.my_email()
    ph, ip_ = c.my_phone()
    fam = f"  last_name: {f}\n" if f else ""
    text = f"contact:\n  first_name: {g}\n{fam}  email: {e1}\n  phone: '{ph}'\n  newsletter: false"
    return text, [*a, i1, ip_]


def s_xml(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("xml")
    ph, ip_ = c.my_phone()
    _, do = decoy(c.rng, "order-number")
    fam = f"<familyName>{f}</familyName>" if f else ""
    text = f'<customer ref="{do[1]}"><givenName>{g}</givenName>{fam}<tel>{ph}</tel></customer>'
    return text, [*a, ip_, do]


_CASED = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})


def _cased(c: Ctx) -> bool:
    """Whether to write the name in Latin letters so that its case can change."""
    return c.latin or c.me.lang.script not in _CASED


def s_voice(c: Ctx) -> tuple[str, list[Item]]:
    lat = _cased(c)
    g, f = c.me.g(lat).lower(), c.me.f(lat).lower()
    tag = c.me.tag(lat)
    items = [_name(g, tag, "voice-lowercase")] + ([_name(f, tag, "voice-lowercase")] if f else [])
    digits = _write_phone(c.rng, c.phone_num, "national-compact")
    items.append(("phone", digits, f"phone/{c.region}/voice-national-compact"))
    text = (
        f"yes hello this is {_full(g, f)} calling about the booking my number is {digits} "
        "please call back after five thank you"
    )
    return text, items


def s_children(c: Ctx) -> tuple[str, list[Item]]:
    kid1 = _who(c.rng, c.me.lang).g(c.latin)
    kid2 = _who(c.rng, c.me.lang).g(c.latin)
    tag = c.me.tag(c.latin)
    if kid1 == kid2:
        text = f"my daughter {kid1} (7) needs the allergy form signed for the school trip"
        return text, [_name(kid1, tag, "child")]
    text = (
        f"my kids {kid1} (7) and {kid2} (4) are both in the swimming course, "
        f"can {kid2} move to the Tuesday group?"
    )
    return text, [_name(kid1, tag, "child"), _name(kid2, tag, "child")]


def s_lowercase(c: Ctx) -> tuple[str, list[Item]]:
    lat = _cased(c)
    g, f = c.me.g(lat).lower(), c.me.f(lat).lower()
    tag = c.me.tag(lat)
    items = [_name(g, tag, "lowercase")] + ([_name(f, tag, "lowercase")] if f else [])
    return f"hey its {_full(g, f)} again, did the form go through", items


def s_caps(c: Ctx) -> tuple[str, list[Item]]:
    lat = _cased(c)
    g, f = c.me.g(lat).upper(), c.me.f(lat).upper()
    tag = c.me.tag(lat)
    items = [_name(g, tag, "all-caps")] + ([_name(f, tag, "all-caps")] if f else [])
    pn, dp = decoy(c.rng, "booking-ref")
    if f and c.rng.random() < 0.5:
        text = f"the ticket says PASSENGER: {f}/{g} MR, {pn}. is the spelling right"
    else:
        text = f"ATTN: {_full(g, f)} - PLEASE HOLD PARCEL AT DEPOT ({pn})"
    return text, [*items, dp]


def s_linebreak(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("line-break")
    st, ds = decoy(c.rng, "street")
    if not f:
        return f"please send the card to\n{g}\n{st}", [*a, ds]
    return f"please send the new card to {g}\n{f}, {st}", [*a, ds]


def s_possessive(c: Ctx) -> tuple[str, list[Item]]:
    g = c.me.g(c.latin)
    tag = c.me.tag(c.latin)
    fmt = c.me.lang.possessive or "{}'s"
    written = fmt.format(g)
    attached = fmt.startswith("{}") and fmt[2:3] != "'"  # the suffix is part of the word
    value = written if attached else g
    text = f"it is about {written} passport, it expires next month"
    return text, [_name(value, tag, "possessive")]


def s_diminutive(c: Ctx) -> tuple[str, list[Item]]:
    dims = c.me.lang.diminutives.get(c.me.given)
    if not dims:  # the profile's name has no short form in the lists
        return s_chat_export(c)
    d = c.rng.choice(dims).split("|")[-1 if c.latin else 0]
    tag = c.me.tag(c.latin)
    text = c.rng.choice(
        (
            f"everyone calls me {d}, please use that",
            f"{d} here, quick question",
            f"you can sign it as {d}",
        )
    )
    return text, [("name", d, f"name/diminutive/{tag}/user")]


def s_handle(c: Ctx) -> tuple[str, list[Item]]:
    g, f = _ascii(c.me.g(True)).lower(), _ascii(c.me.f(True)).lower()
    handle = f"{g}_{f}" if f else f"{g}{c.rng.randint(1, 99)}"
    bh, db = decoy(c.rng, "brand-handle")
    text = f"you can reach me on Telegram @{handle}, {bh}"
    return text, [("name", handle, f"name/{c.me.tag(True)}/handle"), db]


def s_translit(c: Ctx) -> tuple[str, list[Item]]:
    if c.me.native_latin:
        return s_word(c)
    gl, fl, a = c.own("translit-pair", latin=True)
    gn, fn, b = c.own("translit-pair", latin=False)
    text = f"In the passport it is {_full(gl, fl)} ({_full(gn, fn)}), the bank has it differently"
    return text, [*a, *b]


def s_word(c: Ctx) -> tuple[str, list[Item]]:
    words = sorted(c.me.lang.words)
    if not words:
        return s_formal(c)
    w = c.rng.choice(words).split("|")[-1 if c.latin else 0]
    tag = c.me.tag(c.latin)
    return f"Hi, I'm {w} and I would like to change my seat", [_name(w, tag, "is-a-word")]


def s_formal(c: Ctx) -> tuple[str, list[Item]]:
    g2, f2, b = c.other("salutation")
    if not f2:
        return f"Dear {g2}, thank you for the quick answer.", b
    title = c.rng.choice(("Dear Mr", "Dear Ms", "Sehr geehrte Frau", "Estimado Sr.", "Cher M."))
    return f"{title} {f2}, thank you for the quick answer.", b[1:]


def s_json_card(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("json")
    cd, ic = card(c.rng, c.rng.choice(("none", "space")))
    payload = {"holder": _full(g, f), "pan": cd, "exp": "09/29", "amount": "49.90"}
    return "error payload: " + json.dumps(payload, ensure_ascii=False), [*a, ic]


def s_structured(c: Ctx) -> tuple[str, list[Item]]:
    parts, items = [], []
    for _ in range(c.rng.randint(1, 3)):
        pick = c.rng.choice(("phone", "card", "iban", "ip", "url", "email"))
        if pick == "phone":
            v, it = phone(c.rng)
            parts.append(f"the number {v} keeps calling")
        elif pick == "card":
            v, it = card(c.rng)
            parts.append(f"card {v} was declined")
        elif pick == "iban":
            v, it = iban(c.rng)
            parts.append(f"IBAN: {v}")
        elif pick == "ip":
            t, _, it = ip(c.rng)
            parts.append(t)
        elif pick == "url":
            v, it = secret_url(c.rng)
            parts.append(f"the link {v} gives 403")
        else:
            v, it = c.their_email()
            parts.append(f"cc {v} please")
        items.append(it)
    if c.rng.random() < 0.6:  # the look-alikes that fail their checksum, next to the real ones
        p, it = decoy(c.rng, c.rng.choice(_LOOKALIKES))
        parts.insert(c.rng.randrange(len(parts) + 1), f"not to be confused with {p}")
        items.append(it)
    return "\n".join(parts), items


_LOOKALIKES = ("luhn-fail-16", "iban-mod97-fail", "phone-shaped-serial", "version-4part")


def s_decoys_only(c: Ctx) -> tuple[str, list[Item]]:
    parts, items = [], []
    for _ in range(c.rng.randint(2, 4)):
        p, it = decoy(c.rng)
        parts.append(p)
        items.append(it)
    return "; ".join(parts), items


_USER: tuple[tuple[Situation, int], ...] = (
    (s_email_headers, 3),
    (s_calendar, 2),
    (s_delivery, 3),
    (s_pharmacy, 3),
    (s_roster, 2),
    (s_dispute, 3),
    (s_tenant, 3),
    (s_cv, 2),
    (s_chat_export, 3),
    (s_md_table, 2),
    (s_yaml, 2),
    (s_xml, 2),
    (s_voice, 3),
    (s_children, 3),
    (s_lowercase, 2),
    (s_caps, 3),
    (s_linebreak, 2),
    (s_possessive, 3),
    (s_diminutive, 8),
    (s_handle, 2),
    (s_translit, 3),
    (s_word, 2),
    (s_formal, 2),
    (s_json_card, 2),
    (s_structured, 6),
    (s_decoys_only, 4),
)


def _bot(c: Ctx) -> tuple[str, list[Item]]:
    g, f, a = c.own("bot-echo")
    e1, i1 = c.my_email()
    if c.rng.random() < 0.5:
        return f"Thanks {g}! I have sent the confirmation to {e1}.", [a[0], i1]
    ph, ip_ = c.my_phone()
    dd, id_ = decoy(c.rng, "ticket-id")
    return f"{_full(g, f)}, we will call {ph} about {dd}.", [*a, ip_, id_]


def _agent(c: Ctx) -> tuple[str, list[Item]]:
    g2, f2, b = c.other("agent-signature")
    g, _, a = c.own("agent-greeting")
    text = (
        f"Hi {g}, I have escalated this to our billing team.\nKind regards,\n"
        f"{_full(g2, f2)}\nCustomer Care"
    )
    return text, [a[0], *b]


def _raw(c: Ctx, platform: str) -> tuple[str, str, list[Item]]:
    if platform == "selise":
        v, it = secret_url(c.rng)
        return "raw:metadata.page_url", v, [it]
    g, f, a = c.own("raw-summary")
    pd, dp = decoy(c.rng, "order-number")
    text = f"Customer {_full(g, f)} asked to move the delivery of {pd}; handed over to an agent."
    field_ = "raw:summary" if platform == "peki" else "raw:tags.sessionTags"
    return field_, text, [*a, dp]


# --- checks: a value occurs only where it is meant ----------------------------------------------


def _bounded(text: str, a: int, b: int) -> bool:
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    return not (_wordish(before) or _wordish(after))


def _wordish(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M") or ch == "\u200c"


def _spans(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def sound(text: str, planted: Planted) -> bool:
    """Every value occurs, bounded, and no two values' occurrences overlap."""
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    for _kind, value, _cls in planted:
        if value != value.strip() or not value or value in seen:
            return False
        seen.add(value)
        spans = _spans(text, value)
        if not spans or not all(_bounded(text, a, b) for a, b in spans):
            return False
        for a, b in spans:
            if any(a < y and x < b for x, y in taken):
                return False
        taken += spans
    return True


def _dedupe(items: list[Item]) -> Planted:
    out: Planted = []
    seen: set[tuple[str, str]] = set()
    for it in items:
        if (it[0], it[1]) not in seen:
            seen.add((it[0], it[1]))
            out.append(it)
    return out


def _make(
    c: Ctx, gen: Callable[[Ctx], tuple[str, list[Item]]], *, ps: bool = True
) -> tuple[str, Planted]:
    for _ in range(25):
        text, items = gen(c)
        if (
            ps and c.rng.random() < 0.45
        ):  # an everyday number or name that is no one's personal value
            p, it = decoy(c.rng)
            text, items = f"{text}\n(PS {p})", [*items, it]
        planted = _dedupe(items)
        if sound(text, planted):
            return text, planted
    text, items = s_decoys_only(c)  # always sound but in the rarest draws
    return text, _dedupe(items) if sound(text, _dedupe(items)) else []


# --- conversations -----------------------------------------------------------------------------

_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/133.0",
)


def _profile(c: Ctx, platform: str, person: Person) -> dict[str, Any]:
    rng = c.rng
    if platform == "peki":
        return {
            "firstName": person.first,
            "lastName": person.last or None,
            "email": person.email if rng.random() < 0.7 else None,
            "phoneNumber": person.phone if rng.random() < 0.6 else None,
            "username": _ascii(c.me.g(True)).lower() + str(rng.randint(1, 999)),
            "source": rng.choice(("WhatsApp", "Telegram", "Messenger", "Web")),
            "dataDictionary": {"plan": rng.choice(("basic", "family"))},
        }
    if platform == "kore":
        tags: list[dict[str, str]] = []
        if rng.random() < 0.6:
            tags.append({"name": "email", "value": person.email})
        if rng.random() < 0.4:
            tags.append({"name": "phone", "value": person.phone})
        if rng.random() < 0.3:
            tags.append({"name": "fullName", "value": person.full.strip()})
        channel = rng.choice(("rtm", "rtm", "email"))
        uid = person.email if channel == "email" else f"cs-{rng.getrandbits(64):016x}"
        return {
            "channel": channel,
            "channels": [{"type": channel, "channelUId": uid}],
            "tags": {"userTags": tags, "sessionTags": []},
        }
    info: dict[str, Any] = {"name": person.full.strip(), "email": person.email}
    if rng.random() < 0.5:
        info["phone"] = person.phone
    return {
        "user_info": info,
        "ip_address": ipv4(rng),
        "user_agent": rng.choice(_UA),
        "metadata": {"source": "widget", "page_url": "https://shop.example.com/help"},
    }


def conversation(rng: random.Random) -> Conversation:
    me = _who(rng)
    latin = me.native_latin or rng.random() < 0.35
    em, form = email(rng, me)
    num = _valid_phone(rng, me.lang.region)
    c = Ctx(rng, me, latin, em, form, num, me.lang.region)
    written = _write_phone(rng, num, rng.choice(("intl", "national", "e164")))
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    person = Person(me.lang.code, me.g(latin), me.f(latin), em, e164, written, me.lang.region)
    platform = rng.choice(("peki", "kore", "selise"))
    texts: list[Text] = []
    gens, weights = zip(*_USER, strict=True)
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        if roll < 0.62:
            text, planted = _make(c, rng.choices(gens, weights)[0])
            where = "message:user"
        elif roll < 0.82:
            text, planted = _make(c, _bot, ps=False)
            where = "message:bot"
        elif roll < 0.93 and platform != "peki":
            text, planted = _make(c, _agent, ps=False)
            where = "message:agent"
        else:
            for _ in range(25):
                where, text, items = _raw(c, platform)
                planted = _dedupe(items)
                if sound(text, planted):
                    break
            else:
                continue
        texts.append(Text(text, planted, where))
    return Conversation(platform, person, _profile(c, platform, person), texts)


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in whole conversations (the last one cut to fit), the same for the same seed."""
    rng = random.Random(f"bank14-{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng)
        conv.texts = conv.texts[: n - count]
        if conv.texts:
            out.append(conv)
            count += len(conv.texts)
    return out
