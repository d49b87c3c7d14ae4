"""Held-out masking bank 21: support chats in 25 languages plus situations no earlier bank used.

Written from the scoring interface (``bench/masking_quality.py``) and the dataclasses of
``bench/heldout_corpus.py`` alone; names and phrasings are this bank's own
(``bench/heldout_bank21_names.py``).

What is in it
- Ordinary support traffic (``SUPPORT``, at least 60 % of the texts): a customer introduces
  themselves, a bot answers with a case reference, the customer gives e-mail and phone, a card
  or IBAN, mentions a relative, signs off with their first name; a human agent takes over;
  the session record's free-text fields (``raw:summary``, ``raw:notes`` as JSON,
  ``raw:tags``, ``raw:feedback``) hold the agent's notes. Languages (``LANGS``): English,
  German, French, Spanish, Italian, Portuguese, Turkish, Dutch, Polish plus Tajik and Tatar
  (Cyrillic), Odia, Lao, Tigrinya (Ethiopic), Yiddish (Hebrew), Uyghur (Arabic), each also
  romanised, and Kurmanji Kurdish, Sesotho, Shona, Kinyarwanda, Breton, Scots Gaelic, Haitian
  Creole, Quechua and Papiamento. Sectors of the notes: banking, telecom, travel, health,
  retail, public services, insurance, utilities, education.
- Other situations (``SITUATIONS``): school enrolment, car-rental damage reports,
  prescriptions with the prescriber, travel-insurance claims, parish newsletters, roommate
  agreements, sports-club registrations, calendar free/busy answers, parking fines, utility
  shut-off notices, funeral notices, birth announcements, password-manager exports,
  smart-home hub logs, telehealth notes, mortgage applications, court interpreter bookings.

What counts as personal (planted with a kind)
- A person's first name alone is a name, and so is a last name alone; a full name is planted
  as its two tokens (first, last) so a detector that masks each token is not penalised for the
  space between. Hyphenated and particle names ("Le Goff", "Okonkwo-Reid") are one last name.
  Names of agents, relatives, colleagues, prescribers, the deceased and new-borns are names.
  No diminutives, no handles, no bot persona names are planted.
- E-mail addresses of persons (lower-case local parts built from the romanised name: first.last,
  f.last, last.first, first_last, firstlast+tag, with digits) are ``email``.
- Phones of persons: valid per ``phonenumbers`` in national, international or E.164 form, some
  fixed lines with an extension (the extension is part of the value); some "possible but not
  yet assigned" numbers in international form (class ``.../intl-possible-unassigned``).
- Cards pass Luhn with real IIN ranges (Visa, Mastercard 51-55 and 2221-2720, Amex, Discover,
  JCB, UnionPay, Mir); IBANs pass mod-97 with their country's length; IPv4 and IPv6 of a
  person's device; URLs carrying a secret (token, key, signature, password) in query, path or
  userinfo are ``url``.
- Decoys (kind ``decoy``, class ``decoy/<lang>/<situation>/<sort>``): order numbers, tracking
  codes, prices, dates, times, versions, case references, product names, streets and
  companies named after people, brand handles, package specifiers shaped like e-mail
  (``name@1.2.3``), 16-digit gift-card numbers failing Luhn, IBAN-shaped strings failing
  mod-97, flight numbers, policy numbers. Dates are decoys; none is written as a date of
  birth, which would be personal without being one of the kinds scored. Decoys made of
  digits and phone punctuation are checked not to be a valid number in any region the bank
  uses, except dates: a dd.mm.yyyy date is an 8-digit string that some 8-digit numbering
  plans (Lesotho, Haiti, ...) accept, and a chat holds dates as they are.

Placement: every planted value occurs in its text exactly once, as a whole value (the
characters on either side are not letters, digits or combining marks), no two planted values
overlap, and every text plants at least one value (a decoy at least), so its situation can be
read from its classes (``<kind>/<lang or country>/<situation>/<detail>``; phones and IBANs use
the country). A text whose draw breaks this is drawn again.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable
from typing import Any

import phonenumbers

from bench.heldout_bank21_names import NAMES, PHRASES, REGION, ROMAN
from bench.heldout_corpus import Conversation, Person, Planted, Text

LANGS: tuple[str, ...] = tuple(NAMES)
SUPPORT = "support"
Seg = str | tuple[str, str, str]  # literal text, or (kind, value, class)
Slots = dict[str, list[Seg]]

# --- structured values ---------------------------------------------------------------------

_N, _A = string.digits, string.ascii_uppercase
_C = _A + _N
IBAN_SPEC: dict[str, list[tuple[int, str]]] = {
    "GB": [(4, _A), (14, _N)],
    "DE": [(18, _N)],
    "FR": [(10, _N), (11, _C), (2, _N)],
    "ES": [(20, _N)],
    "IT": [(1, _A), (10, _N), (12, _C)],
    "PT": [(21, _N)],
    "TR": [(5, _N), (1, "0"), (16, _C)],
    "NL": [(4, _A), (10, _N)],
    "PL": [(24, _N)],
    "IL": [(19, _N)],
    "KZ": [(3, _N), (13, _C)],
    "BE": [(12, _N)],
    "CH": [(5, _N), (12, _C)],
}
IBAN_LENGTH = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18}
IBAN_LENGTH |= {"PL": 28, "IL": 23, "KZ": 20, "BE": 16, "CH": 21}


def _mod97(country: str, check: str, bban: str) -> int:
    digits = "".join(str(int(ch, 36)) for ch in bban + country + check)
    return int(digits) % 97


def iban(rng: random.Random, country: str) -> str:
    bban = "".join(rng.choice(chars) for n, chars in IBAN_SPEC[country] for _ in range(n))
    check = 98 - _mod97(country, "00", bban)
    return f"{country}{check:02d}{bban}"


def bad_iban(rng: random.Random, country: str) -> str:
    good = iban(rng, country)
    check = (int(good[2:4]) + rng.randint(1, 90)) % 97 + 2  # never the right one
    if check == int(good[2:4]):
        check = check % 97 + 2
    return f"{good[:2]}{check:02d}{good[4:]}"


def _spaced(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


_IIN: tuple[tuple[str, Callable[[random.Random], str], int], ...] = (
    ("visa", lambda r: "4" + str(r.randint(10000, 99999)), 16),
    ("mastercard", lambda r: str(r.randint(51, 55)) + str(r.randint(1000, 9999)), 16),
    ("mastercard2", lambda r: str(r.randint(2221, 2720)) + str(r.randint(10, 99)), 16),
    ("amex", lambda r: r.choice(("34", "37")) + str(r.randint(1000, 9999)), 15),
    ("discover", lambda r: "6011" + str(r.randint(10, 99)), 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)) + str(r.randint(10, 99)), 16),
    ("unionpay", lambda r: "62" + str(r.randint(1000, 9999)), 16),
    ("mir", lambda r: str(r.randint(2200, 2204)) + str(r.randint(10, 99)), 16),
)


def card(rng: random.Random) -> tuple[str, str]:
    brand, iin, length = rng.choice(_IIN)
    body = iin(rng)
    body += "".join(rng.choice(_N) for _ in range(length - 1 - len(body)))
    number = body + _luhn_digit(body)
    style = rng.randrange(3)
    if length == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    return (" ".join(groups), "-".join(groups), number)[style], brand


def bad_luhn_16(rng: random.Random) -> str:
    body = "".join(rng.choice(_N) for _ in range(15))
    last = (int(_luhn_digit(body)) + rng.randint(1, 9)) % 10
    return body + str(last)


_PNF = phonenumbers.PhoneNumberFormat


def _valid_number(rng: random.Random, region: str, fixed: bool) -> phonenumbers.PhoneNumber:
    types = phonenumbers.PhoneNumberType
    ex = phonenumbers.example_number_for_type(region, types.FIXED_LINE if fixed else types.MOBILE)
    assert ex is not None
    nsn = phonenumbers.national_significant_number(ex)
    keep = max(2, len(nsn) - 5)
    for _ in range(200):
        new = nsn[:keep] + "".join(rng.choice(_N) for _ in range(len(nsn) - keep))
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(new))
        if new.startswith("0"):
            num.italian_leading_zero = True
        if phonenumbers.is_valid_number(num):
            return num
    return ex


def _unassigned(rng: random.Random, region: str) -> str | None:
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert ex is not None
    length = len(phonenumbers.national_significant_number(ex))
    for _ in range(300):
        new = str(rng.randint(1, 9)) + "".join(rng.choice(_N) for _ in range(length - 1))
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(new))
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return phonenumbers.format_number(num, _PNF.INTERNATIONAL)
    return None


def phone(rng: random.Random, region: str) -> tuple[str, str, str]:
    """(as written, E.164, form) of a person's phone in ``region``."""
    roll = rng.random()
    if roll < 0.07:
        odd = _unassigned(rng, region)
        if odd is not None:
            e164 = "+" + re.sub(r"\D", "", odd)
            return odd, e164, "intl-possible-unassigned"
    num = _valid_number(rng, region, fixed=roll > 0.9)
    e164 = phonenumbers.format_number(num, _PNF.E164)
    if roll > 0.9:
        num.extension = str(rng.randint(10, 4999))
        return phonenumbers.format_number(num, _PNF.INTERNATIONAL), e164, "intl-ext"
    if roll < 0.45:
        return phonenumbers.format_number(num, _PNF.NATIONAL), e164, "national"
    if roll < 0.8:
        return phonenumbers.format_number(num, _PNF.INTERNATIONAL), e164, "intl"
    return e164, e164, "e164"


def ip(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.7:
        first = rng.choice((31, 46, 62, 78, 81, 85, 91, 105, 141, 154, 178, 188, 197, 212))
        rest = ".".join(str(rng.randint(1, 254)) for _ in range(3))
        return f"{first}.{rest}", "ipv4"
    groups = [rng.choice(("2a02", "2a01", "2804", "2c0f", "2405", "2600"))]
    groups += [f"{rng.randint(1, 0xFFFF):x}" for _ in range(3)]
    tail = [f"{rng.randint(1, 0xFFFF):x}" for _ in range(2)]
    return ":".join(groups) + "::" + ":".join(tail), "ipv6"


def _token(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + _N) for _ in range(n))


def secret_url(rng: random.Random, host: str) -> tuple[str, str]:
    style = rng.randrange(5)
    if style == 0:
        return (
            f"https://{host}/account/reset?token={_token(rng, 32)}&u={rng.randint(10**5, 10**7)}",
            ("reset-token"),
        )
    if style == 1:
        return f"https://{host}/s/{_token(rng, 24)}/document.pdf", "share-path"
    if style == 2:
        return f"https://svc-{rng.randint(10, 99)}:{_token(rng, 14)}@{host}/dav/", "userinfo"
    if style == 3:
        return f"https://{host}/api/v2/export?format=csv&api_key={_token(rng, 28)}", "api-key"
    return (
        f"https://{host}/meet/j/{rng.randint(10**9, 10**10)}?pwd={_token(rng, 22)}",
        "meeting-pwd",
    )


_DOMAINS: dict[str, tuple[str, ...]] = {
    "GB": ("btinternet.com", "outlook.co.uk", "sky.com"),
    "DE": ("web.de", "gmx.de", "t-online.de", "posteo.de"),
    "FR": ("orange.fr", "free.fr", "laposte.net"),
    "ES": ("telefonica.net", "yahoo.es"),
    "IT": ("libero.it", "tiscali.it", "virgilio.it"),
    "PT": ("sapo.pt", "clix.pt"),
    "TR": ("ttmail.com", "yandex.com.tr"),
    "NL": ("ziggo.nl", "kpnmail.nl", "xs4all.nl"),
    "PL": ("wp.pl", "onet.pl", "interia.pl"),
    "RU": ("yandex.ru", "mail.ru"),
}
_GLOBAL = ("gmail.com", "proton.me", "icloud.com", "outlook.com", "yahoo.com", "hotmail.com")


_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae"})


def _ascii(s: str) -> str:
    """The romanised name as people type it into an address (no marks, ł as l)."""
    plain = unicodedata.normalize("NFKD", s.translate(_UNDECOMPOSED))
    plain = plain.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def email(rng: random.Random, first_rom: str, last_rom: str, region: str) -> tuple[str, str]:
    f, la = _ascii(first_rom) or "user", _ascii(last_rom) or "mail"
    forms = (
        (f"{f}.{la}", "first.last"),
        (f"{f[0]}.{la}", "f.last"),
        (f"{la}.{f}", "last.first"),
        (f"{f}_{la}{rng.randint(1, 99)}", "first_last99"),
        (f"{f}{la}+{rng.choice(('shop', 'bank', 'travel', 'news'))}", "plus-tag"),
        (f"{la}{f[0]}{rng.randint(70, 99)}", "lastf99"),
    )
    local, form = rng.choice(forms)
    domain = rng.choice(_DOMAINS.get(region, ()) + _GLOBAL)
    return f"{local}@{domain}", form


# --- decoys --------------------------------------------------------------------------------

_STREETS = (
    "Avenue Victor Hugo",
    "Kurt-Schumacher-Platz",
    "Calle de Cervantes",
    "Via Giuseppe Garibaldi",
    "Rua Luís de Camões",
    "Atatürk Bulvarı",
    "Johan Cruijff Boulevard",
    "Nelson Mandela Square",
    "Rue Jean Jaurès",
    "Ulica Marii Konopnickiej",
)
_COMPANIES = (
    "Dr. Oetker",
    "Marks & Spencer",
    "Hugo Boss",
    "Louis Vuitton",
    "Ben & Jerry's",
    "Ferrero Rocher",
    "Anheuser-Busch",
    "Procter & Gamble",
)
_PRODUCTS = (
    "Galaxy A55",
    "Fritz!Box 7590",
    "Kindle Paperwhite",
    "ThinkPad X1 Carbon",
    "Pixel 8a",
    "AirPods Pro",
    "Dyson V15",
)
_HANDLES = ("@KLM", "@VodafoneUK", "@DB_Bahn", "@TurkcellHizmet", "@ingnl", "@OrangeFrance")
_PACKAGES = ("lodash@4.17.21", "react@18.3.1", "@angular/core@17.3.0", "typescript@5.4.5")
DECOY_SORTS = (
    "order-number",
    "tracking-code",
    "price",
    "date",
    "time",
    "version",
    "product",
    "street-after-person",
    "company-after-person",
    "brand-handle",
    "package-spec",
    "giftcard-bad-luhn",
    "iban-shaped-bad-check",
    "flight-number",
    "policy-number",
)


def decoy(rng: random.Random, sort: str) -> str:
    if sort == "order-number":
        return f"ORD-{rng.randint(2024, 2026)}-{rng.randint(100000, 999999)}"
    if sort == "tracking-code":
        return "1Z" + "".join(rng.choice(_C) for _ in range(16))
    if sort == "price":
        whole = rng.randint(3, 2400)
        return rng.choice(
            (f"€{whole},{rng.randint(0, 99):02d}", f"£{whole}.{rng.randint(0, 99):02d}")
        )
    if sort == "date":
        return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2026"
    if sort == "time":
        return f"{rng.randint(7, 21):02d}:{rng.choice(('00', '15', '30', '45'))}"
    if sort == "version":
        return f"v{rng.randint(1, 14)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
    if sort == "product":
        return rng.choice(_PRODUCTS)
    if sort == "street-after-person":
        return rng.choice(_STREETS)
    if sort == "company-after-person":
        return rng.choice(_COMPANIES)
    if sort == "brand-handle":
        return rng.choice(_HANDLES)
    if sort == "package-spec":
        return rng.choice(_PACKAGES)
    if sort == "giftcard-bad-luhn":
        return _spaced(bad_luhn_16(rng))
    if sort == "iban-shaped-bad-check":
        return bad_iban(rng, rng.choice(("DE", "FR", "NL", "ES")))
    if sort == "flight-number":
        return rng.choice(("LH", "AF", "TK", "KL", "IB", "LO")) + str(rng.randint(100, 1999))
    if sort == "policy-number":
        return f"POL/{rng.choice(_A)}{rng.choice(_A)}/{rng.randint(10000, 99999)}"
    raise ValueError(sort)


def _phone_like(value: str) -> bool:
    return bool(re.fullmatch(r"[+\d\s().\-/]+", value)) and sum(c.isdigit() for c in value) >= 7


def valid_phone_anywhere(value: str, regions: tuple[str, ...]) -> bool:
    for region in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


# --- rendering and placement -----------------------------------------------------------------

_SLOT = re.compile(r"\{([a-z0-9_]+)\}")


def render(template: str, slots: Slots) -> tuple[str, Planted]:
    out: list[str] = []
    planted: Planted = []
    for i, part in enumerate(_SLOT.split(template)):
        if i % 2 == 0:
            out.append(part)
            continue
        for seg in slots[part]:
            if isinstance(seg, str):
                out.append(seg)
            else:
                out.append(seg[1])
                planted.append(seg)
    return "".join(out), planted


def _wordish(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placement_ok(text: str, planted: Planted) -> bool:
    """Every planted value once, whole, not overlapping another; at least one planted."""
    if not planted:
        return False
    values = [v for _, v, _ in planted]
    if len(set(values)) != len(values):
        return False
    spans: list[tuple[int, int]] = []
    for v in values:
        if not v or v != v.strip():
            return False
        a = text.find(v)
        if a < 0 or text.find(v, a + 1) >= 0:
            return False
        b = a + len(v)
        if (a > 0 and _wordish(text[a - 1])) or (b < len(text) and _wordish(text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


# --- people --------------------------------------------------------------------------------


class Who:
    """A person drawn from one language's list, written in its script or romanised."""

    def __init__(self, rng: random.Random, lang: str, roman: bool | None = None) -> None:
        firsts, lasts = NAMES[lang]
        i, j = rng.randrange(len(firsts)), rng.randrange(len(lasts))
        if roman is None:
            roman = lang in ROMAN and rng.random() < 0.45
        self.lang, self.region = lang, REGION[lang]
        src = ROMAN[lang] if lang in ROMAN else NAMES[lang]
        self.first_rom, self.last_rom = src[0][i], src[1][j]
        if roman and lang in ROMAN:
            self.first, self.last, self.tag = self.first_rom, self.last_rom, f"{lang}-Latn"
        else:
            self.first, self.last, self.tag = firsts[i], lasts[j], lang


class Ctx:
    """Builds the slots of one text, naming each planted value's class."""

    def __init__(self, rng: random.Random, lang: str, situation: str) -> None:
        self.rng, self.lang, self.situation = rng, lang, situation

    def _cls(self, kind: str, where: str, detail: str) -> str:
        return f"{kind}/{where}/{self.situation}/{detail}"

    def who(self, lang: str | None = None) -> Who:
        return Who(self.rng, lang or self.rng.choice(LANGS))

    def first(self, w: Who, role: str) -> list[Seg]:
        return [("name", w.first, self._cls("name", w.tag, role))]

    def last(self, w: Who, role: str) -> list[Seg]:
        return [("name", w.last, self._cls("name", w.tag, role))]

    def full(self, w: Who, role: str) -> list[Seg]:
        return [*self.first(w, role), " ", *self.last(w, role)]

    def surname_first(self, w: Who, role: str) -> list[Seg]:
        return [*self.last(w, role), ", ", *self.first(w, role)]

    def email(self, w: Who) -> list[Seg]:
        value, form = email(self.rng, w.first_rom, w.last_rom, w.region)
        return [("email", value, self._cls("email", w.lang, form))]

    def phone(self, w: Who) -> list[Seg]:
        written, _, form = phone(self.rng, w.region)
        return [("phone", written, self._cls("phone", w.region, form))]

    def card(self) -> list[Seg]:
        value, brand = card(self.rng)
        return [("card", value, self._cls("card", self.lang, brand))]

    def iban(self, country: str) -> list[Seg]:
        value = iban(self.rng, country)
        if self.rng.random() < 0.5:
            return [("iban", _spaced(value), self._cls("iban", country, "spaced"))]
        return [("iban", value, self._cls("iban", country, "compact"))]

    def ip(self) -> list[Seg]:
        value, form = ip(self.rng)
        return [("ip", value, self._cls("ip", self.lang, form))]

    def url(self, host: str) -> list[Seg]:
        value, form = secret_url(self.rng, host)
        return [("url", value, self._cls("url", self.lang, form))]

    def decoy(self, sort: str) -> list[Seg]:
        value = decoy(self.rng, sort)
        return [("decoy", value, self._cls("decoy", self.lang, sort))]

    def pay(self, w: Who) -> list[Seg]:
        if w.region in IBAN_SPEC and self.rng.random() < 0.55:
            return self.iban(w.region)
        return self.card()


def _draw(
    rng: random.Random, build: Callable[[], tuple[str, Slots]], where: str, tries: int = 6
) -> Text | None:
    for _ in range(tries):
        template, slots = build()
        text, planted = render(template, slots)
        if placement_ok(text, planted) and _decoys_ok(planted):
            return Text(text, planted, where)
    return None


def _decoys_ok(planted: Planted) -> bool:
    regions = tuple(dict.fromkeys(REGION.values()))
    for kind, value, cls in planted:
        if (
            kind == "decoy"
            and not cls.endswith("/date")
            and _phone_like(value)
            and valid_phone_anywhere(value, regions)
        ):
            return False
    return True


# --- ordinary support ------------------------------------------------------------------------

SECTORS: dict[str, tuple[str, str]] = {
    "banking": ("online.bank-direkt.example", "disputed card payment"),
    "telecom": ("my.telco-care.example", "no mobile data since the update"),
    "travel": ("manage.flyaway.example", "cancelled flight, rebooking wanted"),
    "health": ("portal.clinic-net.example", "cannot book a GP appointment"),
    "retail": ("orders.shopmart.example", "parcel marked delivered but not received"),
    "public": ("services.citizen-gov.example", "residence permit appointment"),
    "insurance": ("claims.safeguard.example", "claim status unclear"),
    "utilities": ("account.greenpower.example", "meter reading estimated too high"),
    "education": ("apply.uni-portal.example", "tuition fee instalment failed"),
}

_NOTES = (
    "Sector {sector}: {issue}. Caller {first} {last}, callback {phone}. Ref {ref}.",
    "Spoke to {first} {last} ({email}); {issue}. Escalated, see {ref}.",
    "Customer confirmed identity. Preferred contact: {email}. Product: {product}.",
    "{issue} — resolved by {agent} on {date}, {first} satisfied.",
)
_FEEDBACK = (
    "Agent {agent} was very patient, thank you!",
    "Bot didn't understand me, {agent} fixed it in 5 min.",
    "Took too long. — {first}",
)


def _support(rng: random.Random, conv: Conversation, w: Who) -> None:
    lang = w.lang
    ph = PHRASES[lang]
    sector = rng.choice(tuple(SECTORS))
    host, issue = SECTORS[sector]
    ctx = Ctx(rng, lang, SUPPORT)
    agent = Who(rng, lang, roman=w.tag != lang)

    def case_ref() -> list[Seg]:
        value = f"{rng.choice(_A)}{rng.choice(_A)}-{rng.randint(100000, 999999)}"
        return [("decoy", value, f"decoy/{lang}/{SUPPORT}/case-ref")]

    ref = case_ref()
    texts: list[Text | None] = []

    def add(build: Callable[[], tuple[str, Slots]], where: str) -> None:
        texts.append(_draw(rng, build, where))

    add(
        lambda: (
            ph[rng.choice([k for k in ("hello", "hello2") if k in ph])],
            {"first": ctx.first(w, "intro"), "last": ctx.last(w, "intro")},
        ),
        "message:user",
    )
    add(lambda: (ph["bot"], {"ref": ref}), "message:bot")
    if rng.random() < 0.8:
        add(lambda: (ph["contact"], {"email": ctx.email(w), "phone": ctx.phone(w)}), "message:user")
    if rng.random() < 0.6:
        add(lambda: (ph["pay"], {"pay": ctx.pay(w)}), "message:user")
    if rng.random() < 0.6:
        rel = Who(rng, lang, roman=w.tag != lang)
        add(lambda: (ph["third"], {"third": ctx.full(rel, "third")}), "message:user")
    if rng.random() < 0.6:
        add(
            lambda: (ph["agent"], {"agent": ctx.first(agent, "agent"), "ref": case_ref()}),
            "message:agent",
        )
    if rng.random() < 0.55:
        add(lambda: (ph["bye"], {"first": ctx.first(w, "signoff")}), "message:user")
    if rng.random() < 0.3:
        add(
            lambda: (
                '{"type": "confirm", "fields": {"email": "{email}", "case": "{ref}"}}',
                {"email": ctx.email(w), "ref": case_ref()},
            ),
            "message:bot",
        )
    if rng.random() < 0.25:
        add(
            lambda: (
                "Session from {ip} — reset link sent: {url}",
                {"ip": ctx.ip(), "url": ctx.url(host)},
            ),
            "message:bot",
        )
    raw = rng.random()
    if raw < 0.35:
        add(
            lambda: (
                rng.choice(_NOTES),
                {
                    "sector": [sector],
                    "issue": [issue],
                    "first": ctx.first(w, "raw-summary"),
                    "last": ctx.last(w, "raw-summary"),
                    "phone": ctx.phone(w),
                    "email": ctx.email(w),
                    "ref": case_ref(),
                    "agent": ctx.first(agent, "raw-summary"),
                    "product": ctx.decoy("product"),
                    "date": ctx.decoy("date"),
                },
            ),
            "raw:summary",
        )
    elif raw < 0.55:
        add(
            lambda: (
                '{"contact": {"name": "{first} {last}", "phone": "{phone}"}, '
                '"tags": ["{sector}", "{ref}"], "amount": "{price}"}',
                {
                    "first": ctx.first(w, "raw-json"),
                    "last": ctx.last(w, "raw-json"),
                    "phone": ctx.phone(w),
                    "sector": [sector],
                    "ref": case_ref(),
                    "price": ctx.decoy("price"),
                },
            ),
            "raw:notes",
        )
    elif raw < 0.7:
        add(
            lambda: (
                "vip; callback:{phone}; owner:{agent}; {sector}; order {order}",
                {
                    "phone": ctx.phone(w),
                    "agent": ctx.first(agent, "raw-tags"),
                    "sector": [sector],
                    "order": ctx.decoy("order-number"),
                },
            ),
            "raw:tags",
        )
    elif raw < 0.85:
        add(
            lambda: (
                rng.choice(_FEEDBACK),
                {"agent": ctx.first(agent, "raw-feedback"), "first": ctx.first(w, "raw-feedback")},
            ),
            "raw:feedback",
        )
    conv.texts += [t for t in texts if t is not None]


# --- other situations ---

_LOCAL: dict[str, dict[str, str]] = {
    "en": {
        "parking": "PENALTY CHARGE NOTICE {pcn}\nRegistered keeper: {keeper}\nContravention at "
        "{street}, {date} {time}\nAmount due: {price}\nPay or appeal online: {url}",
        "funeral": "It is with great sadness that we announce the passing of {dead} on {date}. "
        "Beloved wife of {spouse} and grandmother of {grand}. Service at {time} at "
        "{street} chapel. Enquiries: {phone}",
        "school": "ENROLMENT FORM — Year 3, autumn term\nPupil: {kid}\nReceived: {dob}\n"
        "Parent/guardian: {parent}\nPhone: {phone}\nE-mail: {email}\nStart: {start}",
    },
    "de": {
        "parking": "VERWARNUNG mit Verwarnungsgeld, Az. {pcn}\nHalter/in: {keeper}\nTatort: "
        "{street}, am {date} um {time} Uhr\nBetrag: {price}\nOnline bezahlen: {url}",
    },
    "fr": {
        "funeral": "Avis de décès — {dead} nous a quittés le {date}. De la part de son époux "
        "{spouse} et de sa petite-fille {grand}. Cérémonie à {time}, chapelle {street}. "
        "Renseignements : {phone}",
    },
    "es": {
        "school": "SOLICITUD DE MATRÍCULA — 3.º de Primaria\nAlumno/a: {kid}\nFecha de "
        "solicitud: {dob}\nMadre/padre/tutor: {parent}\nTeléfono: {phone}\nCorreo: "
        "{email}\nEntrevista: {start}",
    },
}

Build = Callable[[Ctx], tuple[str, Slots]]


def _school(c: Ctx) -> tuple[str, Slots]:
    kid, parent = c.who(), c.who()
    c.lang = c.rng.choice(("en", "es"))
    return (
        _LOCAL[c.lang]["school"],
        {
            "kid": c.full(kid, "pupil"),
            "dob": c.decoy("date"),
            "parent": c.full(parent, "guardian"),
            "phone": c.phone(parent),
            "email": c.email(parent),
            "start": c.decoy("time"),
        },
    )


def _car_rental(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    return (
        "Vehicle damage report RA {order}\nRenter: {renter}\nVehicle: {product} returned {time}\n"
        "Damage: scratch rear bumper (2 photos)\nDeposit card: {card}\nPhotos: {url}\n"
        "Checked by {agent}",
        {
            "order": c.decoy("order-number"),
            "renter": c.surname_first(w, "renter"),
            "product": c.decoy("product"),
            "time": c.decoy("time"),
            "card": c.card(),
            "url": c.url("fleet.rentwheels.example"),
            "agent": c.first(c.who(), "staff"),
        },
    )


def _prescription(c: Ctx) -> tuple[str, Slots]:
    pat, doc = c.who(), c.who()
    return (
        "Rx {ref}\nPatient: {patient}, issued {dob}\nAmoxicillin 500 mg, 3×/day, 7 days\n"
        "Prescriber: Dr {doc}, practice tel. {phone}\nDispense at {street} pharmacy",
        {
            "ref": c.decoy("policy-number"),
            "patient": c.full(pat, "patient"),
            "dob": c.decoy("date"),
            "doc": c.full(doc, "prescriber"),
            "phone": c.phone(doc),
            "street": c.decoy("street-after-person"),
        },
    )


def _travel_claim(c: Ctx) -> tuple[str, Slots]:
    w, co = c.who(), c.who()
    return (
        "Travel insurance claim — policy {policy}\nInsured: {insured}\nFlight {flight} "
        "cancelled, hotel cost {price}\nCo-traveller: {co}\nPay out to IBAN {iban}\n"
        "Contact: {email}",
        {
            "policy": c.decoy("policy-number"),
            "insured": c.full(w, "insured"),
            "flight": c.decoy("flight-number"),
            "price": c.decoy("price"),
            "co": c.full(co, "co-traveller"),
            "iban": c.iban(c.rng.choice(("DE", "FR", "NL", "BE", "GB", "ES"))),
            "email": c.email(w),
        },
    )


def _parish(c: Ctx) -> tuple[str, Slots]:
    a, b = c.who(), c.who()
    return (
        "ST BRIDGET'S PARISH NEWSLETTER\nFlowers this Sunday by {a}. The youth group meets at "
        "{time} in the {company} hall.\nBake sale: contact {b} ({phone}).\nDonations: {iban}",
        {
            "a": c.full(a, "volunteer"),
            "time": c.decoy("time"),
            "company": c.decoy("company-after-person"),
            "b": c.first(b, "organiser"),
            "phone": c.phone(b),
            "iban": c.iban(c.rng.choice(("GB", "DE", "NL"))),
        },
    )


def _roommates(c: Ctx) -> tuple[str, Slots]:
    a, b = c.who(), c.who()
    return (
        "ROOMMATE AGREEMENT — flat 4B, {street}\n1. {a} and {b} split rent and bills 50/50.\n"
        "2. Rent of {price} is paid to {iban} by the 3rd.\n3. Quiet hours after {time}.\n"
        "Witness: {a2}",
        {
            "street": c.decoy("street-after-person"),
            "a": c.full(a, "tenant"),
            "b": c.full(b, "tenant"),
            "price": c.decoy("price"),
            "iban": c.iban(c.rng.choice(("DE", "NL", "FR", "PL", "IT", "ES", "PT"))),
            "time": c.decoy("time"),
            "a2": c.first(c.who(), "witness"),
        },
    )


def _sports_club(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    return (
        '{"club": "FC Rotweiss", "form": "membership", "member": {"given": "{first}", '
        '"family": "{last}", "joined": "{dob}", "mobile": "{phone}", "mail": "{email}"}, '
        '"fee": "{price}", "team": "U14"}',
        {
            "first": c.first(w, "member-json"),
            "last": c.last(w, "member-json"),
            "dob": c.decoy("date"),
            "phone": c.phone(w),
            "email": c.email(w),
            "price": c.decoy("price"),
        },
    )


def _free_busy(c: Ctx) -> tuple[str, Slots]:
    a, b = c.who(), c.who()
    t1 = c.decoy("time")
    t2 = f"{int(t1[0][1][:2]) + 1:02d}:{t1[0][1][3:]}"
    return (
        "Free/busy for Thu {date}:\n{ea}  busy {t1}–{t2}\n{eb}  free\n"
        "Suggested: {t3} (organiser {org})",
        {
            "date": c.decoy("date"),
            "ea": c.email(a),
            "t1": t1,
            "t2": [("decoy", t2, f"decoy/{c.lang}/{c.situation}/time-end")],
            "eb": c.email(b),
            "t3": [("decoy", "08:20", f"decoy/{c.lang}/{c.situation}/time-suggested")],
            "org": c.full(a, "organiser"),
        },
    )


def _parking(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    c.lang = c.rng.choice(("en", "de"))
    return (
        _LOCAL[c.lang]["parking"],
        {
            "pcn": c.decoy("order-number"),
            "keeper": c.full(w, "keeper"),
            "street": c.decoy("street-after-person"),
            "date": c.decoy("date"),
            "time": c.decoy("time"),
            "price": c.decoy("price"),
            "url": c.url("pay.citypark.example"),
        },
    )


def _shutoff(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    return (
        "FINAL NOTICE — supply will be disconnected on {date}\nAccount holder: {holder}\n"
        "Arrears: {price}\nTo avoid disconnection call {phone} or pay by direct debit "
        "from {iban}.",
        {
            "date": c.decoy("date"),
            "holder": c.surname_first(w, "account-holder"),
            "price": c.decoy("price"),
            "phone": c.phone(w),
            "iban": c.iban(c.rng.choice(("GB", "DE", "IT", "ES", "TR"))),
        },
    )


def _funeral(c: Ctx) -> tuple[str, Slots]:
    d, s, o = c.who(), c.who(), c.who()
    c.lang = c.rng.choice(("en", "fr"))
    return (
        _LOCAL[c.lang]["funeral"],
        {
            "dead": c.full(d, "deceased"),
            "date": c.decoy("date"),
            "spouse": c.first(s, "spouse"),
            "grand": c.first(o, "grandchild"),
            "time": c.decoy("time"),
            "street": c.decoy("street-after-person"),
            "phone": c.phone(s),
        },
    )


def _birth(c: Ctx) -> tuple[str, Slots]:
    m, f, baby = c.who(), c.who(), c.who()
    return (
        "👶 {mum} & {dad} are delighted to announce the arrival of {baby}, born {date} at "
        "{time}, 3,420 g. Cards to {email}",
        {
            "mum": c.first(m, "parent"),
            "dad": c.first(f, "parent"),
            "baby": c.first(baby, "newborn"),
            "date": c.decoy("date"),
            "time": c.decoy("time"),
            "email": c.email(m),
        },
    )


def _passwords(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    return (
        '{"items": [{"name": "Bank", "login": {"username": "{email}", "uris": ["{url}"]}, '
        '"notes": "shared with {other}"}, {"name": "npm", "login": {"username": "{pkg}"}}]}',
        {
            "email": c.email(w),
            "url": c.url("secure.bank-direkt.example"),
            "other": c.first(c.who(), "vault-note"),
            "pkg": c.decoy("package-spec"),
        },
    )


def _smart_home(c: Ctx) -> tuple[str, Slots]:
    w = c.who()
    return (
        "hub {ver} | 07:02:11 presence: {first} arrived (phone {ip})\n"
        "hub {ver2} | 07:02:15 scene 'Morning' by {handle} integration\n"
        "hub | 07:03:40 notify {email}: front door unlocked",
        {
            "ver": c.decoy("version"),
            "first": c.first(w, "presence"),
            "ip": c.ip(),
            "ver2": [("decoy", "fw-2026.12", f"decoy/{c.lang}/{c.situation}/firmware")],
            "handle": c.decoy("brand-handle"),
            "email": c.email(w),
        },
    )


def _telehealth(c: Ctx) -> tuple[str, Slots]:
    pat, doc = c.who(), c.who()
    return (
        "Telehealth note {date}\nPt: {patient}. Seen by video with Dr {doc}.\n"
        "Plan: bloods at {street} clinic, review in 2 weeks. Callback {phone}.\nLink: {url}",
        {
            "date": c.decoy("date"),
            "patient": c.surname_first(pat, "patient"),
            "doc": c.last(doc, "clinician"),
            "street": c.decoy("street-after-person"),
            "phone": c.phone(pat),
            "url": c.url("visit.telecare.example"),
        },
    )


def _mortgage(c: Ctx) -> tuple[str, Slots]:
    a, b = c.who(), c.who()
    return (
        "Mortgage application {ref}\nApplicant 1: {a}, employer {company}\n"
        "Applicant 2: {b}\nSalary account: {iban}\nGross income: {price}\n"
        "Contact: {email} / {phone}",
        {
            "ref": c.decoy("policy-number"),
            "a": c.full(a, "applicant"),
            "company": c.decoy("company-after-person"),
            "b": c.full(b, "applicant"),
            "iban": c.iban(c.rng.choice(("DE", "NL", "FR", "CH", "BE", "IT"))),
            "price": c.decoy("price"),
            "email": c.email(a),
            "phone": c.phone(a),
        },
    )


def _interpreter(c: Ctx) -> tuple[str, Slots]:
    interp = c.who(c.rng.choice(("ti", "ug", "tg", "yi", "qu", "ht", "ku", "rw")))
    party = c.who(interp.lang)
    return (
        "Interpreter booking — Courtroom 3, {date} {time}\nLanguage: {lang}\n"
        "Interpreter: {interp}, mobile {phone}\nFor: {party} (witness)\n"
        "Case ref {ref}; confirm to {email}",
        {
            "date": c.decoy("date"),
            "time": c.decoy("time"),
            "lang": [_LANGUAGE[interp.lang]],
            "interp": c.full(interp, "interpreter"),
            "phone": c.phone(interp),
            "party": c.full(party, "witness"),
            "ref": c.decoy("order-number"),
            "email": c.email(interp),
        },
    )


_LANGUAGE = {"ti": "Tigrinya", "ug": "Uyghur", "tg": "Tajik", "yi": "Yiddish", "qu": "Quechua"}
_LANGUAGE |= {"ht": "Haitian Creole", "ku": "Kurmanji", "rw": "Kinyarwanda"}

SITUATIONS: dict[str, Build] = {
    "school-enrolment": _school,
    "car-rental-damage": _car_rental,
    "prescription": _prescription,
    "travel-insurance-claim": _travel_claim,
    "parish-newsletter": _parish,
    "roommate-agreement": _roommates,
    "sports-club-registration": _sports_club,
    "free-busy": _free_busy,
    "parking-fine": _parking,
    "utility-shutoff": _shutoff,
    "funeral-notice": _funeral,
    "birth-announcement": _birth,
    "password-export": _passwords,
    "smart-home-log": _smart_home,
    "telehealth-note": _telehealth,
    "mortgage-application": _mortgage,
    "interpreter-booking": _interpreter,
}
_GIFT = "Gift card {gift} attached — tracking {track}, see {handle}. Voucher batch {batch}."


# --- conversations -----------------------------------------------------------------------------


def _profile(rng: random.Random, platform: str, w: Who, mail: str, e164: str) -> dict[str, Any]:
    if platform == "peki":
        return {"firstName": w.first, "lastName": w.last, "email": mail, "phoneNumber": e164}
    if platform == "kore":
        tags = [{"name": "email", "value": mail}]
        if rng.random() < 0.5:
            tags.append({"name": "phone", "value": e164})
        return {"channel": "rtm", "tags": {"userTags": tags, "sessionTags": []}}
    info = {"name": f"{w.first} {w.last}", "email": mail, "phone": e164}
    return {"user_info": info, "ip_address": ip(rng)[0]}


def conversation(rng: random.Random) -> Conversation:
    platform = rng.choice(("peki", "kore", "selise"))
    w = Who(rng, rng.choice(LANGS))
    mail, _ = email(rng, w.first_rom, w.last_rom, w.region)
    written, e164, _ = phone(rng, w.region)
    person = Person(w.lang, w.first, w.last, mail, e164, written, w.region)
    conv = Conversation(platform, person, _profile(rng, platform, w, mail, e164))
    if rng.random() < 0.4:
        _support(rng, conv, w)
        return conv
    name = rng.choice(tuple(SITUATIONS))
    ctx = Ctx(rng, "en", name)
    where = rng.choice(("message:user", "message:user", "message:agent", "raw:notes"))
    for _ in range(rng.randint(1, 3)):  # the document, then a resend or a second one
        text = _draw(rng, lambda: SITUATIONS[name](ctx), where)
        if text is not None:
            conv.texts.append(text)
    if rng.random() < 0.3:
        extra = _draw(
            rng,
            lambda: (
                _GIFT,
                {
                    "gift": ctx.decoy("giftcard-bad-luhn"),
                    "track": ctx.decoy("tracking-code"),
                    "handle": ctx.decoy("brand-handle"),
                    "batch": ctx.decoy("iban-shaped-bad-check"),
                },
            ),
            "message:bot",
        )
        if extra is not None:
            conv.texts.append(extra)
    return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in conversations, the same for the same (n, seed)."""
    rng = random.Random(f"bank21-{seed}")
    out: list[Conversation] = []
    total = 0
    while total < n:
        conv = conversation(rng)
        if not conv.texts:
            continue
        conv.texts = conv.texts[: n - total]
        total += len(conv.texts)
        out.append(conv)
    return out


def situation_of(text: Text) -> str:
    """The situation a text was built for, read from its planted classes."""
    return text.planted[0][2].split("/")[2]
