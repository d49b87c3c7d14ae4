"""Held-out bank 27: support conversations and twenty everyday lists, in thirty languages.

Written from the benchmark's interface alone (``bench/masking_quality.py`` and the
``Conversation``/``Text`` classes of ``bench/heldout_corpus.py``), with its own name lists
(``bench/heldout_bank27_names.py``): the nine product languages, twelve languages written in
Latin letters (Kanuri, Aromanian, Võro, Dinka, Saterland Frisian, Picard, Cook Islands Māori,
Sranan Tongo, Garifuna, K'iche', Mapudungun, Nahuatl) and nine written in Cyrillic
(Karakalpak, Nenets, Khanty, Mansi, Chukchi, Evenki, Dungan, Shor, Even), a third of whose
speakers write their names romanised (class tag ``<lang>-Latn``).

About 70 % of the texts are ordinary support traffic on the three platforms: a customer greets
and introduces themselves in their own language, gives an e-mail address, a phone number, a
card, an IBAN, an IP address or a link with a secret, mentions relatives with their numbers, a
human agent takes over, the customer signs off with their given name, and the session
record's free-text fields name them again. The other 30 % are pasted lists and notes from
twenty situations: conference badge CSVs, hospital visitor passes, museum donor walls,
festival line-ups, driving-school schedules, tutoring timetables, babysitting rotas,
neighbourhood-watch rosters, allotment plot lists, dog-walking schedules, marathon pacer
lists, blood-pressure logs shared with a doctor, OCR'd handwritten notes, fundraising
thermometer posts, escape-room leaderboards, chess-club ladders, quiz-night team sheets, ferry
passenger manifests, tour-group rooming lists and thesis committees; mostly in English, some
in German, French, Spanish, Italian, Portuguese, Turkish, Dutch and Polish.

Personal: every given and family name of a person (each token planted alone, in CAPITALS and
as ``Family, Given`` where the format writes them so), e-mail addresses, phone numbers (valid
for their region, written nationally, internationally, as E.164, with an extension, or
internationally in a possible but unassigned range), card numbers (Luhn, real IIN ranges),
IBANs (mod-97, right length), global IPv4/IPv6 addresses and URLs carrying a token, API key,
signature, share id or credentials. Not personal, planted as ``decoy`` (see ``DECOY_SORTS``):
order numbers, tracking codes, prices, dates, versions, product names, streets, companies,
ships and awards named after people, handles, package specifiers, gift cards failing Luhn,
IBAN-shaped strings failing mod-97, ISBNs, DOIs and call signs; none of 13-19 digits passes
Luhn, and no digit decoy but a date is a valid number of a region of the bank.

Placement: every planted value occurs in its text exactly once, as a whole value (not inside
a longer word), no two overlap, and every text plants at least one value; a text breaking this
is written again with other picks. Classes read ``<kind>/<lang or region>/<situation>/<detail>``.

    python -m bench.heldout_bank27 20000   # what it plants, by kind, class and language
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

from bench.heldout_bank27_names import (
    CORE,
    FEMALE,
    LATIN_NEW,
    NAMES,
    REGION,
    ROMAN,
    SCRIPT_NEW,
    family_form,
    romanise,
)
from bench.heldout_corpus import Conversation, Person, Text

Planted = list[tuple[str, str, str]]

LANGS = CORE + LATIN_NEW + SCRIPT_NEW
SITUATIONS = (
    "badge-csv",
    "visitor-pass",
    "donor-wall",
    "festival-lineup",
    "driving-school",
    "tutoring",
    "babysitting",
    "neighbourhood-watch",
    "allotments",
    "dog-walking",
    "pacers",
    "bp-log",
    "handwritten-ocr",
    "fundraiser",
    "escape-room",
    "chess-ladder",
    "quiz-night",
    "ferry-manifest",
    "rooming-list",
    "thesis-committee",
)
DECOY_SORTS = (
    "order-number",
    "tracking",
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
    "gift-card",
    "iban-shaped",
    "isbn",
    "doi",
    "call-sign",
)

# --- people ------------------------------------------------------------------------------------


@dataclass
class Who:
    lang: str
    tag: str  # lang, or lang-Latn for a romanised speaker of a Cyrillic language
    given: str
    family: str
    region: str


def who(rng: random.Random, lang: str | None = None) -> Who:
    lang = lang or rng.choice(LANGS)
    names, tag = NAMES[lang], lang
    if lang in SCRIPT_NEW and rng.random() < 1 / 3:
        names, tag = ROMAN[lang], f"{lang}-Latn"
    i = rng.randrange(len(names[0]))
    female = NAMES[lang][0][i] in FEMALE.get(lang, ())
    return Who(
        lang, tag, names[0][i], family_form(lang, rng.choice(names[1]), female), REGION[lang]
    )


def upper(w: Who, s: str) -> str:
    if w.lang == "tr":
        s = s.replace("i", "İ").replace("ı", "I")
    return s.upper()


def nm(w: Who, sit: str, detail: str, *, caps: bool = False) -> tuple[str, str, Planted]:
    """Given and family name of ``w`` (maybe in capitals) and their plants, given first."""
    g, f = (upper(w, w.given), upper(w, w.family)) if caps else (w.given, w.family)
    sfx = "-upper" if caps else ""
    return (
        g,
        f,
        [
            ("name", g, f"name/{w.tag}/{sit}/{detail}-given{sfx}"),
            ("name", f, f"name/{w.tag}/{sit}/{detail}-family{sfx}"),
        ],
    )


_LATIN = str.maketrans({"ł": "l", "ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "đ": "d"})


def ascii_of(s: str) -> str:
    s = romanise(s).lower().translate(_LATIN)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch in string.ascii_lowercase)


_DOMAINS = (
    "gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "web.de", "gmx.at",
    "sfr.fr", "telefonica.net", "alice.it", "sapo.pt", "yandex.ru", "mail.ru", "ttmail.com.tr",
    "xs4all.nl", "o2.pl", "oyster.net.ck", "sr.net", "hondutel.hn", "vtr.net", "prodigy.net.mx",
    "inbox.uz", "neti.ee", "t-online.de", "skynet.be",
)  # fmt: skip


def email(rng: random.Random, w: Who) -> str:
    g, f = ascii_of(w.given) or "info", ascii_of(w.family) or "mail"
    local = rng.choice(
        (f"{g}.{f}", f"{g[0]}{f}", f"{f}.{g}{rng.randint(60, 99)}", f"{g}_{f}", f"{g}{f[:4]}")
    )
    return f"{local}@{rng.choice(_DOMAINS)}"


# --- structured values -------------------------------------------------------------------------

_PT = phonenumbers.PhoneNumberType
_FMT = phonenumbers.PhoneNumberFormat


def _valid(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = rng.choice((_PT.MOBILE, _PT.FIXED_LINE))
    ex = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(300):
        keep = rng.randint(1, 3)
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse(f"+{ex.country_code}{cand}")
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    return ex


def _unassigned(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    cc = phonenumbers.country_code_for_region(region)
    n = len(phonenumbers.national_significant_number(phonenumbers.example_number(region)))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{cand}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _reads(region: str, written: str) -> bool:
    """A number written with a 00 prefix is dialled so from ``region`` (not, say, from Russia)."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(written, region))
    except phonenumbers.NumberParseException:
        return False


def phone(rng: random.Random, region: str, sit: str, style: str = "") -> tuple[str, str]:
    """(written, class) of a phone number of ``region``."""
    style = style or rng.choice(
        ("national", "national", "intl", "intl", "e164", "intl-ext", "intl-possible-unassigned")
    )
    if style == "intl-possible-unassigned":
        num = _unassigned(rng, region)
        if num is not None:
            out = phonenumbers.format_number(num, _FMT.INTERNATIONAL)
            return out, f"phone/{region}/{sit}/{style}"
        style = "intl"
    num = _valid(rng, region)
    if style == "national":
        out = phonenumbers.format_number(num, _FMT.NATIONAL)
        out = rng.choice((out, out, out.replace(" ", "-"), out.replace(" ", "")))
    elif style == "e164":
        out = phonenumbers.format_number(num, _FMT.E164)
    else:
        out = phonenumbers.format_number(num, _FMT.INTERNATIONAL)
        if rng.random() < 0.3 and _reads(region, "00" + out[1:]):
            out = "00" + out[1:]
        if style == "intl-ext":
            out += rng.choice((" ext. ", " ext ", " x")) + str(rng.randint(10, 9999))
    return out, f"phone/{region}/{sit}/{style}"


def luhn_ok(number: str) -> bool:
    total = 0
    for i, d in enumerate(int(ch) for ch in reversed(number)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _luhn_digit(body: str) -> str:
    for d in string.digits:
        if luhn_ok(body + d):
            return d
    raise AssertionError(body)


def card(rng: random.Random, sit: str) -> tuple[str, str]:
    brand, prefix, length = rng.choice(
        (
            ("visa", "4", 16),
            ("mastercard", str(rng.randint(51, 55)), 16),
            ("mastercard", str(rng.randint(2221, 2720)), 16),
            ("amex", rng.choice(("34", "37")), 15),
            ("discover", "6011", 16),
            ("jcb", str(rng.randint(3528, 3589)), 16),
            ("unionpay", "62" + str(rng.randint(10, 99)), 16),
        )
    )
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - 1 - len(prefix)))
    digits = body + _luhn_digit(body)
    sep = rng.choice((" ", "-", ""))
    if length == 15:
        out = sep.join((digits[:4], digits[4:10], digits[10:]))
    else:
        out = sep.join(digits[i : i + 4] for i in range(0, 16, 4))
    return out, f"card/{brand}/{sit}/{'grouped' if sep else 'plain'}"


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


_BBAN: dict[str, Callable[[random.Random], str]] = {
    "GB": lambda r: r.choice(("NWBK", "BARC", "LOYD", "HBUK")) + _digits(r, 14),
    "DE": lambda r: _digits(r, 18),
    "FR": lambda r: _digits(r, 23),
    "ES": lambda r: _digits(r, 20),
    "IT": lambda r: r.choice(string.ascii_uppercase) + _digits(r, 22),
    "PT": lambda r: _digits(r, 21),
    "TR": lambda r: _digits(r, 5) + "0" + _digits(r, 16),
    "NL": lambda r: r.choice(("ABNA", "INGB", "RABO", "TRIO")) + _digits(r, 10),
    "PL": lambda r: _digits(r, 24),
    "BE": lambda r: _digits(r, 12),
    "AT": lambda r: _digits(r, 16),
    "SE": lambda r: _digits(r, 20),
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _iban_body(rng: random.Random, country: str) -> tuple[str, str]:
    bban = _BBAN[country](rng)
    num = int("".join(str(int(ch, 36)) for ch in bban + country + "00"))
    return bban, f"{98 - num % 97:02d}"


def _grouped(compact: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def iban(rng: random.Random, sit: str, country: str = "") -> tuple[str, str]:
    country = country or rng.choice(tuple(_BBAN))
    bban, check = _iban_body(rng, country)
    out = _grouped(country + check + bban, rng)
    return out, f"iban/{country}/{sit}/{'grouped' if ' ' in out else 'compact'}"


def ip(rng: random.Random, sit: str) -> tuple[str, str]:
    while True:
        if rng.random() < 0.65:
            addr: Any = ipaddress.IPv4Address(rng.getrandbits(32))
            ver = "v4"
        else:
            prefix = rng.choice((0x2A00, 0x2A01, 0x2A02, 0x2001, 0x2600, 0x2607, 0x2804, 0x2C0F))
            addr = ipaddress.IPv6Address((prefix << 112) | rng.getrandbits(112))
            ver = "v6"
        if addr.is_global and not addr.is_multicast:
            return str(addr), f"ip/{ver}/{sit}/device"


def _tok(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def url(rng: random.Random, sit: str) -> tuple[str, str]:
    sort = rng.choice(("token", "api-key", "share", "credentials", "signature", "s3-signature"))
    host = rng.choice(
        ("tickets.eventhub.io", "portal.clinic-link.net", "files.teamdrive.app",
         "api.rostermate.com", "book.escapekeys.eu", "pay.fundly.org", "my.ferrylines.gr")
    )  # fmt: skip
    if sort == "token":
        out = f"https://{host}/checkin?id={rng.randint(100, 9999)}&token={_tok(rng, 32)}"
    elif sort == "api-key":
        out = f"https://{host}/v2/export.csv?api_key={_tok(rng, 40)}"
    elif sort == "share":
        out = f"https://{host}/s/{_tok(rng, 24)}/list.pdf"
    elif sort == "credentials":
        out = f"https://svc-{rng.randint(1, 99)}:{_tok(rng, 14)}@{host}/roster"
    elif sort == "signature":
        out = f"https://{host}/d/sheet.xlsx?exp={rng.randint(1700000000, 1900000000)}"
        out += f"&sig={_tok(rng, 43, string.ascii_letters + string.digits + '-_')}"
    else:
        out = (
            f"https://{rng.choice(('scans', 'uploads', 'media'))}.s3.eu-west-1.amazonaws.com/"
            f"{_tok(rng, 10).lower()}.pdf?X-Amz-Expires=3600"
            f"&X-Amz-Signature={_tok(rng, 64, '0123456789abcdef')}"
        )
    return out, f"url/{sort}/{sit}/secret"


# --- decoys ------------------------------------------------------------------------------------

_STREETS = (
    "Rue Victor Hugo",
    "Via Giuseppe Garibaldi",
    "Karl-Marx-Allee",
    "Avenida Simón Bolívar",
    "Nelson Mandela Drive",
    "Rua Fernando Pessoa",
    "Atatürk Bulvarı",
    "Mozartstraße",
    "Piłsudskiego",
    "Avenue Jean Jaurès",
    "Calle Miguel de Unamuno",
    "Rembrandtplein",
)
_COMPANIES = (
    "Ferrero",
    "Peugeot",
    "Siemens",
    "Philips",
    "Dr. Oetker",
    "Heineken",
    "Boeing",
    "Porsche",
    "Barilla",
    "Michelin",
    "Bosch",
    "Koç Holding",
)
_SHIPS = (
    "MS Fridtjof Nansen",
    "RMS Queen Mary 2",
    "MV Christophe Colomb",
    "HMS Nelson",
    "MS Roald Amundsen",
    "SS Nieuw Amsterdam",
    "MV Rigoberta",
    "USNS Harvey Milk",
)
_AWARDS = (
    "Nobel Prize",
    "Pulitzer Prize",
    "Prix Goncourt",
    "Booker Prize",
    "Cervantes Prize",
    "Sakharov Prize",
    "Fields Medal",
    "Ballon d'Or",
    "Turing Award",
    "Camões Prize",
)
_PRODUCTS = (
    "Galaxy S24 Ultra",
    "ThinkPad X1 Carbon",
    "iPhone 15 Pro",
    "Kindle Paperwhite",
    "PlayStation 5",
    "Dyson V15",
    "Fairphone 5",
    "Nintendo Switch OLED",
    "Pixel 8a",
)
_HANDLES = ("quizmaster_77", "night_owls", "pawn_storm", "trailrunner", "lockpickers",
            "the_usual_suspects", "ferryfan", "allotment_crew", "bookworm_42")  # fmt: skip
_PACKAGES = ("requests==2.31.0", "lodash@4.17.21", "numpy>=1.26", "react@18.2.0",
             "pandas==2.2.1", "django~=4.2", "express@4.18.2", "serde = \"1.0\"")  # fmt: skip
_CALLS = ("DL1ABC", "G4XYZ", "F5JKL", "EA7URV", "IK2QPR", "PA3FWM", "SP9LAS", "TA1ED", "ZL1BQD")


def _isbn13(rng: random.Random) -> str:
    body = "978" + _digits(rng, 9)
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    d = body + str(check)
    return f"ISBN {d[:3]}-{d[3]}-{d[4:7]}-{d[7:12]}-{d[12]}"


def _make_decoy(rng: random.Random, sort: str) -> str:
    if sort == "order-number":
        return rng.choice(("ORD-", "PO-", "#A", "SO/", "INV-2026-")) + _tok(
            rng, 6, string.ascii_uppercase[:8] + string.digits
        )
    if sort == "tracking":
        return rng.choice(
            ("1Z" + _tok(rng, 6, "ABCDEFXY0123456789") + "0" + _digits(rng, 9),
             "JJD" + _digits(rng, 18), "RR" + _digits(rng, 9) + "NL",
             "LX" + _digits(rng, 9) + "DE")
        )  # fmt: skip
    if sort == "price":
        whole = rng.randint(3, 4800)
        return rng.choice(
            (f"€{whole},{rng.randint(0, 99):02d}", f"£{whole}.{rng.randint(0, 99):02d}",
             f"${whole:,}.00", f"{whole} TL", f"{whole},{rng.randint(0, 9)}0 zł")
        )  # fmt: skip
    if sort == "date":
        y, m, d = rng.randint(2024, 2027), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice((f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{d:02d}/{m:02d}/{y}"))
    if sort == "version":
        return f"v{rng.randint(1, 17)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
    if sort == "gift-card":
        return " ".join(_digits(rng, 4) for _ in range(4))
    if sort == "iban-shaped":
        country = rng.choice(("DE", "NL", "FR", "ES", "PL", "GB"))
        bban, check = _iban_body(rng, country)
        bad = f"{(int(check) + rng.randint(1, 90)) % 97 + 2:02d}"
        bad = bad if bad != check else f"{(int(check) + 1) % 97 + 2:02d}"
        return _grouped(country + bad + bban, rng)
    if sort == "isbn":
        return _isbn13(rng)
    if sort == "doi":
        prefix, suffix = rng.randint(1000, 9999), _tok(rng, 3).lower()
        return f"10.{prefix}/{suffix}.{rng.randint(2000, 2026)}.{rng.randint(1, 999)}"
    table = {
        "product": _PRODUCTS,
        "street": _STREETS,
        "company": _COMPANIES,
        "ship": _SHIPS,
        "award": _AWARDS,
        "handle": tuple("@" + h for h in _HANDLES),
        "package": _PACKAGES,
        "call-sign": _CALLS,
    }
    return rng.choice(table[sort])


def decoy_ok(value: str, sort: str) -> bool:
    """The decoy fails every check it resembles (Luhn, mod-97, a phone of the bank's regions)."""
    for run in {*re.findall(r"\d+", value), re.sub(r"[ -]", "", value)}:
        if run.isdigit() and 13 <= len(run) <= 19 and luhn_ok(run):
            return False
    compact = value.replace(" ", "")
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact) and mod97_ok(compact):
        return False
    if sort != "date" and sum(ch.isdigit() for ch in value) >= 5:
        for region in _REGIONS:
            try:
                num = phonenumbers.parse(value, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                return False
    return True


_REGIONS = tuple(dict.fromkeys(REGION.values()))


@cache
def _pool(sort: str) -> tuple[str, ...]:
    rng = random.Random(f"bank27/decoys/{sort}")
    out: list[str] = []
    for _ in range(2000):
        v = _make_decoy(rng, sort)
        if v not in out and decoy_ok(v, sort):
            out.append(v)
        if len(out) >= 80:
            break
    return tuple(out)


def decoy(rng: random.Random, lang: str, sit: str, sort: str = "") -> tuple[str, tuple]:
    sort = sort or rng.choice(DECOY_SORTS)
    v = rng.choice(_pool(sort))
    return v, ("decoy", v, f"decoy/{lang}/{sit}/{sort}")


# --- placement ---------------------------------------------------------------------------------


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    if not t.planted:
        return False
    spans = []
    for _, v, _ in t.planted:
        if not v or v != v.strip():
            return False
        a = t.text.find(v)
        if a < 0 or t.text.find(v, a + 1) >= 0:
            return False
        b = a + len(v)
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


# --- support traffic ---------------------------------------------------------------------------

_INTRO: dict[str, tuple[str, ...]] = {
    "en": ("Hi, my name is {g} {f} and I need a hand.", "Hello! {g} {f} here, quick question."),
    "de": ("Guten Tag, mein Name ist {g} {f}.", "Hallo, hier schreibt {g} {f}."),
    "fr": ("Bonjour, je suis {g} {f}.", "Bonsoir, ici {g} {f}, j'ai une question."),
    "es": ("Hola, soy {g} {f}.", "Buenas tardes, me llamo {g} {f}."),
    "it": ("Buongiorno, sono {g} {f}.", "Salve, mi chiamo {g} {f}."),
    "pt": ("Olá, o meu nome é {g} {f}.", "Bom dia, fala {g} {f}."),
    "tr": ("Merhaba, ben {g} {f}.", "İyi günler, adım {g} {f}."),
    "nl": ("Goedemiddag, u spreekt met {g} {f}.", "Hoi, ik ben {g} {f}."),
    "pl": ("Dzień dobry, nazywam się {g} {f}.", "Cześć, tu {g} {f}."),
    "kr": ("Hello, I am {g} {f} writing from Maiduguri.", "Good day, my name is {g} {f}."),
    "rup": ("Bunã dzuã! Mi-aspuni {g} {f}.", "Hello, this is {g} {f} from Skopje."),
    "vro": ("Tere! Minno nimi om {g} {f}.", "Hello, I'm {g} {f} from Võru."),
    "din": ("Hello, my name is {g} {f}, writing from Juba.", "Good morning, {g} {f} here."),
    "stq": ("Moin, iek bän {g} {f}.", "Hello, {g} {f} from Ramsloh here."),
    "pcd": ("Bojour, ch'est {g} {f}.", "Bonjour, je suis {g} {f}, d'Amiens."),
    "rar": ("Kia orana! I'm {g} {f}.", "Kia orana, {g} {f} here from Avarua."),
    "srn": ("Fa waka! Mi nen na {g} {f}.", "Hello, this is {g} {f} from Paramaribo."),
    "cab": ("Buiti binafi, soy {g} {f}.", "Hola, me llamo {g} {f}, de La Ceiba."),
    "quc": ("Saqarik, in {g} {f}.", "Buenos días, soy {g} {f}, de Totonicapán."),
    "arn": ("Mari mari, iñche {g} {f} pingen.", "Hola, soy {g} {f}, de Temuco."),
    "nah": ("Niltze, notoca {g} {f}.", "Buenas, soy {g} {f}, de Cuetzalan."),
    "ru": ("Здравствуйте, меня зовут {g} {f}.", "Добрый день, это {g} {f}."),
    "kaa": ("Ассалаўма әлейкум, мениң атым {g} {f}.", "Сәлем, мен {g} {f}."),
}
_SIGN: dict[str, tuple[str, ...]] = {
    "en": ("Thanks, {g}", "Cheers — {g}", "Best regards,\n{g}"),
    "de": ("Danke, {g}", "Viele Grüße\n{g}"),
    "fr": ("Merci ! {g}", "Bonne journée,\n{g}"),
    "es": ("Gracias. {g}", "Un saludo,\n{g}"),
    "it": ("Grazie, {g}", "Cordiali saluti\n{g}"),
    "pt": ("Obrigado, {g}", "Cumprimentos,\n{g}"),
    "tr": ("Teşekkürler, {g}", "Saygılarımla,\n{g}"),
    "nl": ("Dank je, {g}", "Groetjes,\n{g}"),
    "pl": ("Dzięki, {g}", "Pozdrawiam,\n{g}"),
    "ru": ("Спасибо, {g}", "С уважением,\n{g}"),
}
_RELATIVES = ("my partner", "my cousin", "my flatmate", "our neighbour", "my colleague",
              "my eldest", "my in-law")  # fmt: skip


def _intro_for(w: Who, rng: random.Random) -> str:
    key = w.lang
    if w.lang in SCRIPT_NEW and w.lang != "kaa":
        key = "ru"
    if w.tag.endswith("-Latn"):
        key = "en"
    return rng.choice(_INTRO[key])


def _support(rng: random.Random) -> Conversation:
    p = who(rng)
    sit = "support"
    mail = email(rng, p)
    own_num = _valid(rng, p.region)
    e164 = phonenumbers.format_number(own_num, _FMT.E164)
    person = Person(p.tag, p.given, p.family, mail, e164, e164, p.region)
    platform = rng.choice(("peki", "kore", "selise"))
    if platform == "peki":
        profile: dict[str, Any] = {
            "firstName": p.given,
            "lastName": p.family,
            "email": mail,
            "phoneNumber": e164,
            "username": (ascii_of(p.given) or "user") + str(rng.randint(1, 99)),
        }
    elif platform == "kore":
        tags = [
            {"name": "fullName", "value": f"{p.given} {p.family}"},
            {"name": "email", "value": mail},
            {"name": "phone", "value": e164},
            {"name": "segment", "value": rng.choice(("gold", "b2b", "trial"))},
        ]
        profile = {
            "tags": {"userTags": tags, "sessionTags": []},
            "channels": [{"type": "rtm", "channelUId": mail}],
        }
    else:
        profile = {"user_info": {"name": f"{p.given} {p.family}", "email": mail, "phone": e164}}
    conv = Conversation(platform, person, profile)
    texts: list[Text] = []

    g, f, pl = nm(p, sit, "intro")
    body = _intro_for(p, rng).format(g=g, f=f)
    if rng.random() < 0.5:
        body += f" My e-mail is {mail}."
        pl = [*pl, ("email", mail, f"email/{p.tag}/{sit}/intro")]
    texts.append(Text(body, pl, "message:user"))

    texts.append(
        Text(
            f"Thanks {p.given}! I can see an account for {mail}. Is that right?",
            [("name", p.given, f"name/{p.tag}/{sit}/bot-given"),
             ("email", mail, f"email/{p.tag}/{sit}/bot-echo")],
            "message:bot",
        )
    )  # fmt: skip

    steps = ["contact", "relative", "agent", "payment", "tech", "signoff"]
    rng.shuffle(steps)
    steps = steps[: rng.randint(2, 5)]
    if "signoff" in steps:
        steps.remove("signoff")
        steps.append("signoff")
    for step in steps:
        texts.append(_support_step(rng, p, step, mail))

    if rng.random() < 0.6:
        written, cls = phone(rng, p.region, "support-raw")
        _, _, full = nm(p, "support-raw", "summary")
        lf = nm(p, "support-raw", "notes-last-first")[2]
        fields = (
            (f"Customer {p.given} {p.family} asked for a callback on {written}.",
             [*full, ("phone", written, cls)], "raw:summary"),
            (f"{p.family}, {p.given} - verified by e-mail; prefers phone.", lf, "raw:notes"),
            (f"Great help, thank you! {p.given}",
             [("name", p.given, f"name/{p.tag}/support-raw/feedback-given")], "raw:feedback"),
            (f"vip;{mail}", [("email", mail, f"email/{p.tag}/support-raw/tags")], "raw:tags"),
        )  # fmt: skip
        text, planted, where = rng.choice(fields)
        texts.append(Text(text, planted, where))
    conv.texts = texts
    return conv


def _support_step(rng: random.Random, p: Who, step: str, mail: str) -> Text:
    sit = "support"
    if step == "contact":
        written, cls = phone(rng, p.region, sit)
        pl: Planted = [("phone", written, cls)]
        text = rng.choice(
            (f"You can reach me on {written} in the evenings.", f"My number: {written}",
             f"Tel. {written} (WhatsApp too)")
        )  # fmt: skip
        if rng.random() < 0.4:
            d, dp = decoy(rng, "en", sit)
            text += f" Ref {d}."
            pl.append(dp)
        return Text(text, pl, "message:user")
    if step == "relative":
        r = who(rng, p.lang)
        while r.given == p.given:
            r = who(rng, p.lang)
        written, cls = phone(rng, r.region, sit)
        g, f, pl = nm(r, sit, "relative")
        rel = rng.choice(_RELATIVES)
        text = rng.choice(
            (f"If I'm out, {rel} {g} {f} can take the call: {written}.",
             f"Please also add {rel}, {g} {f}, number {written}.")
        )  # fmt: skip
        return Text(text, [*pl, ("phone", written, cls)], "message:user")
    if step == "agent":
        a = who(rng)
        g, f, pl = nm(a, sit, "agent")
        text = rng.choice(
            (f"Hi {p.given}, this is {g} {f} from the support team; I'll take it from here.",
             f"{g} {f} (agent) joined the chat. Hello {p.given}, let me check that for you.")
        )  # fmt: skip
        return Text(text, [*pl, ("name", p.given, f"name/{p.tag}/{sit}/agent-greets-given")],
                    "message:agent")  # fmt: skip
    if step == "payment":
        if rng.random() < 0.5:
            v, cls = card(rng, sit)
            kind = "card"
            text = f"The charge went to my card {v}, please refund it."
        else:
            v, cls = iban(rng, sit)
            kind = "iban"
            text = f"Refund to my account please: IBAN {v}"
        pl = [(kind, v, cls)]
        sort = rng.choice(("order-number", "price", "gift-card", "iban-shaped", "tracking"))
        d, dp = decoy(rng, "en", sit, sort)
        text += f" (order total / ref: {d})"
        return Text(text, [*pl, dp], "message:user")
    if step == "tech":
        if rng.random() < 0.5:
            v, cls = ip(rng, sit)
            kind = "ip"
            text = f"The login block says my address is {v}, that's my home router."
        else:
            v, cls = url(rng, sit)
            kind = "url"
            text = f"Here is the link they sent me: {v}"
        pl = [(kind, v, cls)]
        if rng.random() < 0.5:
            d, dp = decoy(rng, "en", sit, rng.choice(("version", "product", "package")))
            text += f" — app {d}"
            pl.append(dp)
        return Text(text, pl, "message:user")
    # sign-off
    key = p.lang if p.lang in _SIGN else "en"
    if p.lang in SCRIPT_NEW and not p.tag.endswith("-Latn"):
        key = "ru"
    text = rng.choice(_SIGN[key]).format(g=p.given)
    return Text(text, [("name", p.given, f"name/{p.tag}/{sit}/signoff-given")], "message:user")


# --- twenty situations -------------------------------------------------------------------------

Sit = Callable[[random.Random], tuple[str, Planted]]


class _B:
    """A text under construction with its plants."""

    def __init__(self, lang: str, sit: str) -> None:
        self.lines: list[str] = []
        self.pl: Planted = []
        self.lang, self.sit = lang, sit

    def add(self, line: str, *plants: tuple[str, str, str]) -> None:
        self.lines.append(line)
        self.pl.extend(plants)

    def names(self, w: Who, detail: str, caps: bool = False) -> tuple[str, str]:
        g, f, pl = nm(w, self.sit, detail, caps=caps)
        self.pl.extend(pl)
        return g, f

    def phone(self, rng: random.Random, w: Who) -> str:
        v, cls = phone(rng, w.region, self.sit)
        self.pl.append(("phone", v, cls))
        return v

    def email(self, rng: random.Random, w: Who) -> str:
        v = email(rng, w)
        self.pl.append(("email", v, f"email/{w.tag}/{self.sit}/row"))
        return v

    def decoy(self, rng: random.Random, sort: str = "") -> str:
        v, p = decoy(rng, self.lang, self.sit, sort)
        self.pl.append(p)
        return v

    def value(self, kind: str, vc: tuple[str, str]) -> str:
        self.pl.append((kind, vc[0], vc[1]))
        return vc[0]

    def done(self, sep: str = "\n") -> tuple[str, Planted]:
        return sep.join(self.lines), self.pl


def _people(rng: random.Random, k: int) -> list[Who]:
    out: list[Who] = []
    while len(out) < k:
        w = who(rng)
        if all(w.given != o.given and w.family != o.family for o in out):
            out.append(w)
    return out


def s_badge_csv(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "badge-csv")
    b.add("badge_id,last_name,first_name,organisation,email,mobile,track")
    for w in _people(rng, rng.randint(2, 4)):
        caps = rng.random() < 0.5
        g, f = b.names(w, "row", caps)
        org = rng.choice(("ACME", "Uni Graz", "self"))
        mail, tel = b.email(rng, w), b.phone(rng, w)
        b.add(f"B{rng.randint(100, 999)},{f},{g},{org},{mail},{tel},{rng.choice('AB')}")
    return b.done()


def s_visitor_pass(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "visitor-pass")
    pat, vis = _people(rng, 2)
    pg, pf = b.names(pat, "patient-last-first", caps=rng.random() < 0.5)
    vg, vf = b.names(vis, "visitor")
    b.add(f"VISITOR PASS — Ward {rng.randint(2, 9)}{rng.choice('ABC')}")
    b.add(f"Patient: {pf}, {pg}")
    b.add(f"Visitor: {vg} {vf} ({rng.choice(('family', 'partner', 'friend', 'carer'))})")
    b.add(f"Contact: {b.phone(rng, vis)}")
    b.add(f"Valid until: {b.decoy(rng, 'date')}")
    return b.done()


def s_donor_wall(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "donor-wall")
    b.add("With gratitude to our donors — Founders' Circle")
    for w in _people(rng, rng.randint(3, 5)):
        g, f = b.names(w, "donor")
        b.add(rng.choice((f"{g} {f}", f"{g} and family {f}", f"In memory of {g} {f}")))
    b.add(f"Gallery sponsored by {b.decoy(rng, 'company')}")
    return b.done()


def s_festival_lineup(rng: random.Random) -> tuple[str, Planted]:
    b = _B("de", "festival-lineup")
    b.add("Samstag · Hauptbühne")
    for w in _people(rng, rng.randint(2, 4)):
        g, f = b.names(w, "act")
        b.add(f"{rng.randint(14, 23)}:{rng.choice(('00', '15', '30', '45'))}  {g} {f} "
              f"{rng.choice(('Quartett', '& Band', 'Trio', '(solo)'))}")  # fmt: skip
    m = _people(rng, 1)[0]
    g, f = b.names(m, "booking")
    b.add(f"Booking: {g} {f}, {b.email(rng, m)}")
    b.add(f"Tickets ab {b.decoy(rng, 'price')}")
    return b.done()


def s_driving_school(rng: random.Random) -> tuple[str, Planted]:
    b = _B("nl", "driving-school")
    b.add("Rijschool planning week 12")
    days = ("ma", "di", "wo", "do", "vr")
    for w in _people(rng, rng.randint(2, 4)):
        g, f = b.names(w, "pupil")
        b.add(
            f"{rng.choice(days)} {rng.randint(8, 18)}:00  leerling {g} {f}, tel {b.phone(rng, w)}"
        )
    ins = _people(rng, 1)[0]
    g, f = b.names(ins, "instructor")
    b.add(f"Instructeur: {g} {f}")
    return b.done()


def s_tutoring(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "tutoring")
    b.add("Day | Time | Subject | Tutor | Pupil | Parent contact")
    for _ in range(rng.randint(1, 3)):
        t, pupil = _people(rng, 2)
        tg, tf = b.names(t, "tutor")
        pg, pf = b.names(pupil, "pupil")
        b.add(f"{rng.choice(('Mon', 'Tue', 'Thu'))} | 16:{rng.choice(('00', '30'))} | "
              f"{rng.choice(('Maths', 'Physics', 'French', 'Chemistry'))} | {tg} {tf} | "
              f"{pg} {pf} | {b.phone(rng, pupil)}")  # fmt: skip
    return b.done()


def s_babysitting(rng: random.Random) -> tuple[str, Planted]:
    b = _B("fr", "babysitting")
    b.add("Planning baby-sitting (semaine du lundi)")
    for day, w in zip(("Lundi", "Mardi", "Mercredi", "Jeudi"), _people(rng, rng.randint(2, 4)),
                      strict=False):  # fmt: skip
        g, f = b.names(w, "sitter")
        b.add(f"{day} 18h–22h : {g} {f} — {b.phone(rng, w)}")
    b.add(f"Tarif : {b.decoy(rng, 'price')} de l'heure")
    return b.done()


def s_neighbourhood_watch(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "neighbourhood-watch")
    b.add(f"Neighbourhood Watch rota — {b.decoy(rng, 'street')}")
    for w in _people(rng, rng.randint(2, 4)):
        g, f = b.names(w, "patrol")
        b.add(f"- {rng.choice(('Fri', 'Sat', 'Sun'))} night: {g} {f} ({b.phone(rng, w)})")
    return b.done()


def s_allotments(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "allotments")
    b.add("Plot | Holder | E-mail | Fee")
    for w in _people(rng, rng.randint(2, 4)):
        g, f = b.names(w, "holder-last-first")
        b.add(f"{rng.randint(1, 60)}{rng.choice(('', 'a', 'b'))} | {f}, {g} | "
              f"{b.email(rng, w)} | {rng.choice(('paid', 'due', 'waived'))}")  # fmt: skip
    if rng.random() < 0.5:
        t = _people(rng, 1)[0]
        g, f = b.names(t, "treasurer")
        b.add(f"Fees to the treasurer {g} {f}, {b.value('iban', iban(rng, b.sit))}")
    return b.done()


def s_dog_walking(rng: random.Random) -> tuple[str, Planted]:
    b = _B("es", "dog-walking")
    b.add("Paseos de perros — esta semana")
    for w in _people(rng, rng.randint(2, 3)):
        g, f = b.names(w, "owner")
        dogs = rng.choice(("Luna y Toby", "Rocky", "Canela", "Max y Kira"))
        hour = rng.choice(("07:30", "12:00", "19:00"))
        b.add(f"{hour} {g} {f} — perros: {dogs} — {b.phone(rng, w)}")
    return b.done()


def s_pacers(rng: random.Random) -> tuple[str, Planted]:
    b = _B("it", "pacers")
    b.add("Maratona — palloncini / pacer")
    for t, w in zip(("3:00", "3:15", "3:30", "3:45", "4:00"), _people(rng, rng.randint(2, 4)),
                    strict=False):  # fmt: skip
        caps = rng.random() < 0.5
        g, f = b.names(w, "pacer", caps)
        b.add(f"{t}  {g} {f}")
    b.add(f"Kit sponsor: {b.decoy(rng, 'company')}")
    return b.done()


def s_bp_log(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "bp-log")
    pat, doc = _people(rng, 2)
    pg, pf = b.names(pat, "patient")
    dg, df = b.names(doc, "doctor")
    b.add(f"Blood pressure log — {pg} {pf}, for Dr {dg} {df}")
    b.add(f"Started {b.decoy(rng, 'date')}")
    for _ in range(rng.randint(2, 4)):
        b.add(f"  {rng.choice(('am', 'pm'))}: {rng.randint(115, 165)}/{rng.randint(70, 99)} "
              f"pulse {rng.randint(55, 95)}")  # fmt: skip
    b.add(f"Questions: {b.email(rng, pat)}")
    return b.done()


def s_handwritten_ocr(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "handwritten-ocr")
    w = _people(rng, 1)[0]
    g, f = b.names(w, "note")
    b.add("[scanned note, OCR]")
    b.add(f"Ca11 {g} {f} re: b0iler")
    b.add(f"tel: {b.phone(rng, w)}  (after 5pm)")
    if rng.random() < 0.5:
        b.add(f"parts: {b.decoy(rng, 'order-number')}")
    return b.done()


def s_fundraiser(rng: random.Random) -> tuple[str, Planted]:
    b = _B("pt", "fundraiser")
    b.add(f"🎉 Já vamos em {b.decoy(rng, 'price')}! Obrigado a todos!")
    ws = _people(rng, rng.randint(2, 4))
    for w in ws:
        g, f = b.names(w, "donor")
        b.add(f"💛 {g} {f}")
    org = _people(rng, 1)[0]
    g, f = b.names(org, "organiser")
    b.add(f"Transferências para {g} {f}: {b.value('iban', iban(rng, b.sit, 'PT'))}")
    return b.done()


def s_escape_room(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "escape-room")
    b.add("Leaderboard — The Lighthouse Room")
    for i, w in enumerate(_people(rng, rng.randint(2, 4)), 1):
        g, f = b.names(w, "captain")
        b.add(f"{i}. {rng.randint(38, 59)}:{rng.randint(10, 59)}  team captain {g} {f}")
    b.add(f"Book again: {b.value('url', url(rng, b.sit))}")
    b.add(f"Follow {b.decoy(rng, 'handle')}")
    return b.done()


def s_chess_ladder(rng: random.Random) -> tuple[str, Planted]:
    b = _B("pl", "chess-ladder")
    b.add("Drabinka klubu szachowego — stan na koniec miesiąca")
    for i, w in enumerate(_people(rng, rng.randint(3, 5)), 1):
        g, f = b.names(w, "player-last-first")
        b.add(f"{i}. {f}, {g} — {rng.randint(1400, 2300)}")
    b.add(f"Nagroda: {b.decoy(rng, 'isbn')}")
    return b.done()


def s_quiz_night(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "quiz-night")
    b.add(f'Quiz night team sheet — team "{rng.choice(("Quizteama Aguilera", "Les Quizerables"))}"')
    ws = _people(rng, rng.randint(2, 4))
    for w in ws:
        g, f = b.names(w, "member")
        b.add(f"* {g} {f}")
    b.add(f"Captain's e-mail: {b.email(rng, ws[0])}")
    if rng.random() < 0.5:
        b.add(f"Tiebreak answer: {b.decoy(rng, rng.choice(('award', 'ship', 'doi')))}")
    return b.done()


def s_ferry_manifest(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "ferry-manifest")
    b.add(f"PASSENGER MANIFEST {b.decoy(rng, 'ship')} DEP 07:40")
    for i, w in enumerate(_people(rng, rng.randint(2, 4)), 1):
        g, f = b.names(w, "pax-last-first", caps=True)
        b.add(f"{i:03d} {f}/{g} {rng.choice(('ADT', 'ADT', 'CHD'))} {w.region}")
    if rng.random() < 0.5:
        b.add(f"Vehicle booking {b.decoy(rng, 'order-number')}")
    return b.done()


def s_rooming_list(rng: random.Random) -> tuple[str, Planted]:
    b = _B("tr", "rooming-list")
    b.add("Oda listesi — Kapadokya turu")
    for _ in range(rng.randint(1, 3)):
        a, c = _people(rng, 2)
        ag, af = b.names(a, "guest-last-first")
        cg, cf = b.names(c, "guest-last-first")
        b.add(f"Oda {rng.randint(101, 450)} (çift): {af}, {ag} / {cf}, {cg}")
    lead = _people(rng, 1)[0]
    g, f = b.names(lead, "guide")
    b.add(f"Rehber {g} {f}: {b.phone(rng, lead)}")
    return b.done()


def s_thesis_committee(rng: random.Random) -> tuple[str, Planted]:
    b = _B("en", "thesis-committee")
    cand, chair, member = _people(rng, 3)
    cg, cf = b.names(cand, "candidate")
    hg, hf = b.names(chair, "chair")
    mg, mf = b.names(member, "member")
    b.add(f"Thesis defence: {cg} {cf}")
    b.add(f"Committee: Prof. {hg} {hf} (chair), Dr {mg} {mf}")
    b.add(f"Candidate contact: {b.email(rng, cand)}")
    if rng.random() < 0.5:
        b.add(f"Preprint: doi {b.decoy(rng, 'doi')}")
    if rng.random() < 0.4:
        b.add(f"Remote examiner joins from {b.value('ip', ip(rng, b.sit))}")
    return b.done()


_SITS: dict[str, Sit] = {
    "badge-csv": s_badge_csv,
    "visitor-pass": s_visitor_pass,
    "donor-wall": s_donor_wall,
    "festival-lineup": s_festival_lineup,
    "driving-school": s_driving_school,
    "tutoring": s_tutoring,
    "babysitting": s_babysitting,
    "neighbourhood-watch": s_neighbourhood_watch,
    "allotments": s_allotments,
    "dog-walking": s_dog_walking,
    "pacers": s_pacers,
    "bp-log": s_bp_log,
    "handwritten-ocr": s_handwritten_ocr,
    "fundraiser": s_fundraiser,
    "escape-room": s_escape_room,
    "chess-ladder": s_chess_ladder,
    "quiz-night": s_quiz_night,
    "ferry-manifest": s_ferry_manifest,
    "rooming-list": s_rooming_list,
    "thesis-committee": s_thesis_committee,
}

_PASTE = (
    "Can you check this list? {x}",
    "{x}",
    "Pasting what the organiser sent:\n\n{x}",
    "FYI —\n{x}\n— end —",
)
_EXTRAS: tuple[Callable[[random.Random, str], tuple[str, str, str]], ...] = (
    lambda r, s: ("card", *card(r, s)),
    lambda r, s: ("iban", *iban(r, s)),
    lambda r, s: ("ip", *ip(r, s)),
    lambda r, s: ("url", *url(r, s)),
)


def _situated(rng: random.Random) -> Conversation:
    sit = rng.choice(SITUATIONS)
    texts: list[Text] = []
    for _ in range(rng.randint(1, 2)):
        for _ in range(50):
            body, pl = _SITS[sit](rng)
            text = rng.choice(_PASTE).format(x=body)
            if rng.random() < 0.2:
                kind, v, cls = rng.choice(_EXTRAS)(rng, sit)
                text += f"\n{kind.upper()}: {v}"
                pl = [*pl, (kind, v, cls)]
            if rng.random() < 0.25:
                v, dp = decoy(rng, "en", sit)
                text += f"\n(ref {v})"
                pl = [*pl, dp]
            t = Text(text, pl, rng.choice(("message:user", "message:user", "message:agent")))
            if placed_ok(t):
                texts.append(t)
                break
    p = who(rng)
    person = Person(p.tag, p.given, p.family, email(rng, p), "", "", p.region)
    return Conversation(rng.choice(("peki", "kore", "selise")), person, {}, texts)


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding exactly ``n`` texts, the same for the same seed."""
    rng = random.Random(f"held-out/27/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        if rng.random() < 0.63:
            conv = _situated(rng)
        else:
            for _ in range(50):
                conv = _support(rng)
                if all(placed_ok(t) for t in conv.texts):
                    break
        if not conv.texts:
            continue
        out.append(conv)
        count += len(conv.texts)
    if count > n:
        out[-1].texts = out[-1].texts[: len(out[-1].texts) - (count - n)]
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 20000
    convs = corpus(n, 1)
    plants = [p for c in convs for t in c.texts for p in t.planted]
    print(f"bank 27: {sum(len(c.texts) for c in convs)} texts, {len(plants)} planted values")
    print("by kind:")
    for k, c in Counter(k for k, _, _ in plants).most_common():
        print(f"  {k:8} {c}")
    print("by language (names):")
    for k, c in sorted(Counter(cl.split("/")[1] for k, _, cl in plants if k == "name").items()):
        print(f"  {k:10} {c}")
    print("by situation:")
    for k, c in sorted(Counter(cl.split("/")[2] for _, _, cl in plants).items()):
        print(f"  {k:20} {c}")
    print("by class (kind/detail, over every language and situation):")
    classes = Counter(f"{cl.split('/')[0]}/{cl.split('/')[-1]}" for _, _, cl in plants)
    for k, c in sorted(classes.items()):
        print(f"  {k:45} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
