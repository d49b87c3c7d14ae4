"""Held-out bank 18 for the masking evaluation: support chat in 23 languages (29 forms with
scripts) plus containers no earlier bank used, written from the scoring interface alone.

Realistic first: at least 60 % of texts are ordinary support traffic (customers, bots, human
agents and the free-text fields of session records) in banking, telecom, travel, health,
retail, public services, insurance, utilities and education, phrased per language in
``bench/heldout_bank18_phrases.py``. Languages: English, German, French, Spanish, Italian,
Portuguese, Turkish, Dutch, Polish, and as this bank's extras Croatian, Slovenian, Latvian,
Estonian, Azerbaijani, Basque, Welsh, Maltese, Bulgarian (Cyrillic and Latin), Russian
(Cyrillic and Latin), Armenian (script and Latin), Tamil (script and Latin), Urdu (script and
Roman Urdu) and Amharic (Ge'ez and Latin). Names come from ``bench/heldout_bank18_names.py``;
a transliterated person is the same person at the same list index.

The rest are situations earlier banks did not use: identity-card machine-readable zones (MRZ,
ICAO TD1), app-store reviews, push-notification payloads, GraphQL responses, chat "block
kit" JSON, WhatsApp template messages, e-signature envelopes, rental-car handover protocols,
accident reports, event-ticket transfers, RSVP lists, school report notes, issue-tracker histories,
git blame lines, environment-variable dumps, parcel-locker notices, court/appointment notices,
translator notes and loyalty-card statements.

What counts as personal (decisions):
- a first name alone is a name, and so is a last name alone; a first and last name next to each
  other are planted as two values, a multi-word surname ("van der Heijden", "ap Gwilym") as
  one. Names of human agents and of third persons (relatives, colleagues, other drivers) are
  personal like the customer's. MRZ name fields count, written as the MRZ writes them
  (upper case, folded to ASCII); there the surname and the given name are two values. A name
  in its script and its transliteration are both names. Diminutives are not written here.
  The people streets and companies are named after ("Rue Victor-Hugo", "Ferrero") are not
  persons of the conversation: those are decoys, whole.
- handles of persons are not written; brand handles (``@TelcoHelp``) are decoys; role
  addresses (support@, noreply@, billing@) are not personal and are decoys; a person's e-mail
  address is one value whatever its form.
- a phone is one value including its extension ("ext. 12" belongs to it); phones are written
  in national and international forms; ``.../possible-unassigned`` classes are numbers of the
  right length for their country that ``phonenumbers`` holds possible but not assigned,
  always in international form. Spelled-out phones are not used in this bank.
- cards pass Luhn with real IIN ranges (Visa, Mastercard 51-55 and 2221-2720, Amex, Discover,
  JCB, Diners); IBANs pass mod-97 with their country's length; both are personal whether
  grouped or not. IPv4/IPv6 addresses of devices (e-signature audit lines) count.
- URLs with a secret in the query or path are one ``url`` value, the whole URL.
- decoys (kind ``decoy``): order numbers, tracking codes, prices, dates, times, versions,
  reference codes, product names, streets and companies named after people, brand handles,
  role addresses, 16-digit numbers failing Luhn, IBAN-shaped strings failing mod-97, build
  numbers shaped like IPv4 with an octet over 255; each sort is its own class.

Every planted value occurs in its text only where planted, as a whole value (no letter, digit
or mark next to it), and no two planted values overlap: a text that would break this is drawn
again. Class names are ``kind/<lang>/<situation>`` (``phone/...`` may add
``/possible-unassigned``), so misses report by class. ``corpus_situations`` gives each text's
situation for the soundness tests.
"""

from __future__ import annotations

import itertools
import json
import random
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from bench.heldout_bank18_names import GENDERED, NAMES
from bench.heldout_bank18_phrases import PHRASES
from bench.heldout_corpus import Conversation, Person, Planted, Text

# language form -> (regions its phones come from, name list key)
LANGS: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE"),
    "es": ("ES", "MX"),
    "it": ("IT",),
    "pt": ("PT", "BR"),
    "tr": ("TR",),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "hr": ("HR",),
    "sl": ("SI",),
    "lv": ("LV",),
    "et": ("EE",),
    "az": ("AZ",),
    "eu": ("ES",),
    "cy": ("GB",),
    "mt": ("MT",),
    "bg": ("BG",),
    "bg-Latn": ("BG",),
    "ru": ("RU", "KZ"),
    "ru-Latn": ("RU",),
    "hy": ("AM",),
    "hy-Latn": ("AM",),
    "ta": ("IN", "LK"),
    "ta-Latn": ("IN", "SG"),
    "ur": ("PK",),
    "ur-Latn": ("PK", "AE"),
    "am": ("ET",),
    "am-Latn": ("ET",),
}
SCRIPTS: dict[str, str] = {
    "bg": "Cyrl",
    "ru": "Cyrl",
    "hy": "Armn",
    "ta": "Taml",
    "ur": "Arab",
    "am": "Ethi",
}
ORDINARY = "support"  # situations starting with this are ordinary support traffic
SECTORS = (
    "banking",
    "telecom",
    "travel",
    "health",
    "retail",
    "public",
    "insurance",
    "utilities",
    "education",
)

_FOLD = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ə": "e"})
_FOLD.update(str.maketrans({"Ə": "E", "ħ": "h", "Ħ": "H", "ø": "o", "æ": "ae", "œ": "oe"}))


def fold(s: str) -> str:
    """ASCII form of a Latin name (for e-mail local parts and MRZ fields)."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if c.isascii())


def word_char(c: str) -> bool:
    """Letters, marks, digits and ``_``: a value next to one would be inside a longer word."""
    return c == "_" or unicodedata.category(c)[0] in "LMN"


def latin_of(lang: str) -> str:
    return lang if lang.endswith("-Latn") or lang not in SCRIPTS else f"{lang}-Latn"


# --- structured values ----------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


_IIN: tuple[tuple[str, int, int, int], ...] = (  # brand prefix range (lo, hi), length
    ("visa", 4, 4, 16),
    ("mastercard", 51, 55, 16),
    ("mastercard", 2221, 2720, 16),
    ("amex", 34, 34, 15),
    ("amex", 37, 37, 15),
    ("discover", 6011, 6011, 16),
    ("jcb", 3528, 3589, 16),
    ("diners", 36, 36, 14),
)


def card(rng: random.Random) -> str:
    _, lo, hi, length = rng.choice(_IIN)
    prefix = str(rng.randint(lo, hi))
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    num = _luhn_complete(body)
    style = rng.random()
    if style < 0.35:
        return num
    sep = " " if style < 0.8 else "-"
    if length in (14, 15):  # Amex and Diners print 4-6-5 / 4-6-4
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i : i + 4] for i in range(0, length, 4)]
    return sep.join(groups)


_IBAN: dict[str, str] = {  # country -> BBAN pattern (n digit, a letter, c alphanumeric)
    "DE": "8n10n",
    "AT": "5n11n",
    "CH": "5n12c",
    "FR": "5n5n11c2n",
    "BE": "3n7n2n",
    "ES": "4n4n1n1n10n",
    "IT": "1a5n5n12c",
    "PT": "4n4n11n2n",
    "NL": "4a10n",
    "TR": "5n1n16c",
    "PL": "8n16n",
    "HR": "7n10n",
    "SI": "5n8n2n",
    "LV": "4a13c",
    "EE": "2n2n11n1n",
    "AZ": "4a20c",
    "MT": "4a5n18c",
    "BG": "4a4n2n8c",
    "GB": "4a6n8n",
    "IE": "4a6n8n",
    "KZ": "3n13c",
    "PK": "4a16c",
}
IBAN_LENGTH = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "FR": 27,
    "BE": 16,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "NL": 18,
    "TR": 26,
    "PL": 28,
    "HR": 21,
    "SI": 19,
    "LV": 21,
    "EE": 20,
    "AZ": 28,
    "MT": 31,
    "BG": 22,
    "GB": 22,
    "IE": 22,
    "KZ": 20,
    "PK": 24,
}
_LANG_IBAN = {
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "PT",
    "tr": "TR",
    "nl": "NL",
    "pl": "PL",
    "hr": "HR",
    "sl": "SI",
    "lv": "LV",
    "et": "EE",
    "az": "AZ",
    "eu": "ES",
    "cy": "GB",
    "mt": "MT",
    "bg": "BG",
    "ru": "KZ",
    "hy": "DE",
    "ta": "GB",
    "ur": "PK",
    "am": "BE",
}


def mod97(iban: str) -> int:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97


def _bban(rng: random.Random, spec: str) -> str:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        pool = {"n": string.digits, "a": string.ascii_uppercase}.get(
            ch, string.digits + string.ascii_uppercase
        )
        out += [rng.choice(pool) for _ in range(int(num))]
        num = ""
    return "".join(out)


def iban(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, _IBAN[country])
    check = 98 - mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 96)) % 97 + 1  # another check: never ≡ 1 (mod 97)
        if mod97(f"{country}{check:02d}{bban}") == 1:
            check = check % 97 + 1
    raw = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return raw


def _number(cc: int, nsn: str) -> phonenumbers.PhoneNumber:
    """A fresh number (parsed, so Italian leading zeros survive and nothing cached is shared)."""
    return phonenumbers.parse(f"+{cc}{nsn}", None)


def valid_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if ex is None or rng.random() < 0.3:
        ex = phonenumbers.example_number(region)
    assert ex is not None
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(200):
        keep = rng.randint(2, min(4, len(nsn) - 2))
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in range(len(nsn) - keep))
        num = _number(ex.country_code, cand)
        if phonenumbers.is_valid_number(num):
            return num
    raise AssertionError(f"no valid number drawn for {region}")


def unassigned_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    ex = phonenumbers.example_number(region)
    assert ex is not None
    n = len(phonenumbers.national_significant_number(ex))
    for _ in range(60):
        cand = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = _number(ex.country_code, cand)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def write_phone(rng: random.Random, num: phonenumbers.PhoneNumber, *, intl: bool) -> str:
    f = phonenumbers.PhoneNumberFormat
    if not intl:
        return phonenumbers.format_number(num, f.NATIONAL)
    r = rng.random()
    if r < 0.45:
        return phonenumbers.format_number(num, f.INTERNATIONAL)
    if r < 0.75:
        return phonenumbers.format_number(num, f.E164)
    return "00" + phonenumbers.format_number(num, f.INTERNATIONAL)[1:]


def ipv4(rng: random.Random) -> str:
    first = rng.choice((31, 46, 77, 85, 91, 109, 151, 178, 185, 195, 212, 217))
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a02", "2a01", "2001", "2a00", "2c0f", "2405"))
    groups = [f"{rng.getrandbits(16):x}" for _ in range(5)]
    return f"{head}:{groups[0]}:{groups[1]}::{groups[2]}:{groups[3]}:{groups[4]}"


def _tok(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def secret_url(rng: random.Random) -> str:
    host = rng.choice(
        (
            "sign.docuflow.example",
            "my.telco-portal.example",
            "app.parcelbox.example",
            "id.ebank.example",
        )
    )
    r = rng.randrange(5)
    if r == 0:
        return f"https://{host}/reset-password?token={_tok(rng, 32)}"
    if r == 1:
        env = _tok(rng, 8, "0123456789abcdef")
        return f"https://{host}/envelopes/{env}/sign?access_code={_tok(rng, 20)}"
    if r == 2:
        return f"https://{host}/t/{_tok(rng, 40, string.ascii_letters + string.digits + '_-')}"
    if r == 3:
        return (
            f"https://{host}/download/statement.pdf?X-Amz-Expires=900"
            f"&X-Amz-Signature={_tok(rng, 64, '0123456789abcdef')}"
        )
    return f"https://{host}/api/v2/me?api_key={_tok(rng, 28)}"


_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "yahoo.fr",
    "web.de",
    "gmx.at",
    "libero.it",
    "sapo.pt",
    "hotmail.nl",
    "wp.pl",
    "t-com.hr",
    "siol.net",
    "inbox.lv",
    "mail.ee",
    "mail.ru",
    "abv.bg",
    "proton.me",
    "icloud.com",
    "yandex.kz",
    "yahoo.co.uk",
    "ethionet.et",
)


def email(rng: random.Random, first: str, last: str) -> str:
    f, la = fold(first).lower().replace("'", ""), fold(last).lower().replace(" ", "")
    la = la.replace("'", "")
    dom = rng.choice(_DOMAINS)
    r = rng.randrange(7)
    local = (
        f"{f}.{la}",
        f"{f[0]}.{la}",
        f"{f}{la}{rng.randint(1, 99)}",
        f"{la}_{f}",
        f"{f}.{la}+{rng.choice(('bank', 'shop', 'travel', 'news'))}",
        f"{la}.{f[0]}{rng.randint(70, 99)}",
        f"{f}-{la}",
    )[r]
    return f"{local}@{dom}"


# --- decoys -----------------------------------------------------------------------------------


def _bad_luhn(rng: random.Random) -> str:
    while True:
        d = "4" + "".join(rng.choice(string.digits) for _ in range(15))
        if not luhn_ok(d):
            return " ".join(d[i : i + 4] for i in range(0, 16, 4))


_STREETS = (
    "Rue Victor-Hugo",
    "Goethestraße",
    "Calle Miguel de Cervantes",
    "Via Giuseppe Verdi",
    "Avenida Vasco da Gama",
    "Ulica Marii Skłodowskiej-Curie",
    "Atatürk Bulvarı",
    "Ilica",
)
_COMPANIES = (
    "Johnson & Johnson",
    "Ferrero",
    "Boots Pharmacy",
    "Siemens Energy",
    "Peugeot",
    "Philips Hue",
    "Barilla",
    "Dr. Oetker",
)
_PRODUCTS = (
    "Galaxy A55",
    "iPhone 15 Pro",
    "Fibre 500",
    "Premium Plus",
    "Travel Flex",
    "Kindle Paperwhite",
    "Unlimited XL",
    "Student Saver",
)
_HANDLES = ("@TelcoHelp", "@AirlineCares", "@BankSupportEU", "@ParcelBoxHQ", "@CityWaterDesk")
_ROLES = ("support", "noreply", "billing", "claims", "info", "service")
_ROLE_DOMAINS = ("telco.example", "ebank.example", "parcelbox.example", "cityhall.example")


def decoy(rng: random.Random, sort: str) -> str:
    if sort == "order":
        return f"{rng.choice(('ORD', 'SO', 'BST'))}-{rng.randint(100000, 9999999)}"
    if sort == "tracking":
        head, tail = rng.choice(("JJD", "RR", "CP")), rng.choice(("DE", "PL", "HR"))
        return f"{head}{rng.randint(10**9, 10**10 - 1)}{tail}"
    if sort == "price":
        v = rng.randint(3, 2400) + rng.randint(0, 99) / 100
        return rng.choice((f"€{v:.2f}", f"{v:.2f} EUR", f"£{v:.2f}", f"{v:.2f} zł", f"${v:.2f}"))
    if sort == "date":
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        return rng.choice((f"{d:02d}.{m:02d}.2026", f"2026-{m:02d}-{d:02d}", f"{d}/{m}/2026"))
    if sort == "time":
        return f"{rng.randint(6, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}"
    if sort == "version":
        return f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"
    if sort == "build":  # IPv4-shaped with one octet over 255
        return f"10.0.{rng.randint(19041, 26100)}.{rng.randint(1, 4000)}"
    if sort == "ref":
        letters = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
        return f"{letters}-{rng.randint(2024, 2026)}-{rng.randint(1000, 99999)}"
    if sort == "product":
        return rng.choice(_PRODUCTS)
    if sort == "street":
        return rng.choice(_STREETS)
    if sort == "company":
        return rng.choice(_COMPANIES)
    if sort == "handle":
        return rng.choice(_HANDLES)
    if sort == "role-address":
        return f"{rng.choice(_ROLES)}@{rng.choice(_ROLE_DOMAINS)}"
    if sort == "luhn-fail":
        return _bad_luhn(rng)
    if sort == "iban-fail":
        return iban(rng, rng.choice(sorted(_IBAN)), valid=False)
    raise ValueError(sort)


DECOY_SORTS = (
    "order",
    "tracking",
    "price",
    "date",
    "time",
    "version",
    "build",
    "ref",
    "product",
    "street",
    "company",
    "handle",
    "role-address",
    "luhn-fail",
    "iban-fail",
)


# --- building texts ---------------------------------------------------------------------------


@dataclass
class Who:
    """One person as one language form writes them."""

    lang: str
    first: str
    last: str


@dataclass
class Ctx:
    rng: random.Random
    lang: str
    person: Person
    region: str
    agent: Who
    rel: Who
    situation: str = ""
    planted: Planted = field(default_factory=list)

    def put(self, kind: str, value: str, qual: str = "") -> str:
        cls = f"{kind}/{self.lang}/{self.situation}" + (f"/{qual}" if qual else "")
        self.planted.append((kind, value, cls))
        return value

    def name(self, value: str) -> str:
        return self.put("name", value)

    def dec(self, sort: str) -> str:
        v = decoy(self.rng, sort)
        self.planted.append(("decoy", v, f"decoy/{self.lang}/{sort}"))
        return v

    def phone(self, *, intl: bool | None = None) -> str:
        rng = self.rng
        if rng.random() < 0.12:
            num = unassigned_phone(rng, self.region)
            if num is not None:
                return self.put("phone", write_phone(rng, num, intl=True), "possible-unassigned")
        num = valid_phone(rng, self.region)
        if rng.random() < 0.1:
            num.extension = str(rng.randint(10, 9999))
            return self.put("phone", write_phone(rng, num, intl=True))
        intl = rng.random() < 0.55 if intl is None else intl
        return self.put("phone", write_phone(rng, num, intl=intl))

    def email(self) -> str:
        return self.put("email", self.person.email)

    def acct(self) -> str:
        if self.rng.random() < 0.55:
            return self.put("iban", iban(self.rng, _LANG_IBAN[self.lang.split("-")[0]]))
        return self.put("card", card(self.rng))

    def ip(self) -> str:
        return self.put("ip", ipv4(self.rng) if self.rng.random() < 0.7 else ipv6(self.rng))

    def url(self) -> str:
        return self.put("url", secret_url(self.rng))


Situation = Callable[[Ctx], tuple[str, str]]  # -> (text, where)


def _fill(c: Ctx, phrase: str, dec_sort: str = "ref") -> str:
    """A phrase with its placeholders filled, each value planted in order of appearance."""
    out, rest = [], phrase
    p = c.person
    while "{" in rest:
        pre, _, tail = rest.partition("{")
        key, _, rest = tail.partition("}")
        out.append(pre)
        out.append(
            {
                "first": lambda: c.name(p.first),
                "last": lambda: c.name(p.last),
                "email": c.email,
                "phone": c.phone,
                "acct": c.acct,
                "rfirst": lambda: c.name(c.rel.first),
                "rlast": lambda: c.name(c.rel.last),
                "afirst": lambda: c.name(c.agent.first),
                "alast": lambda: c.name(c.agent.last),
                "dec": lambda: c.dec(dec_sort),
            }[key]()
        )
    out.append(rest)
    return "".join(out)


def _ph(c: Ctx, key: str) -> str:
    return str(PHRASES[c.lang][key])


def _topic(c: Ctx) -> str:
    topics: list[tuple[str, str, str]] = PHRASES[c.lang]["topics"]  # type: ignore[assignment]
    sector, sentence, sort = c.rng.choice(topics)
    c.situation = f"{ORDINARY}-{sector}"
    return _fill(c, sentence, sort)


def s_user_open(c: Ctx) -> tuple[str, str]:
    t = _topic(c)
    return f"{_fill(c, _ph(c, 'me'))} {t}", "message:user"


def s_user_value(c: Ctx) -> tuple[str, str]:
    t = _topic(c)
    key = c.rng.choice(("mail", "tel", "pay", "rel"))
    first = c.rng.random() < 0.5
    v = _fill(c, _ph(c, key))
    return (f"{v} {t}" if first else f"{t}\n{v}"), "message:user"


def s_user_signed(c: Ctx) -> tuple[str, str]:
    t = _topic(c)
    extra = _fill(c, _ph(c, c.rng.choice(("tel", "mail", "pay"))))
    return f"{t} {extra}\n\n{_fill(c, _ph(c, 'bye'))}", "message:user"


def s_agent(c: Ctx) -> tuple[str, str]:
    c.situation = f"{ORDINARY}-{c.rng.choice(SECTORS)}"
    return _fill(c, _ph(c, "agent")), "message:agent"


def s_bot(c: Ctx) -> tuple[str, str]:
    c.situation = f"{ORDINARY}-{c.rng.choice(SECTORS)}"
    return _fill(c, _ph(c, "bot")), "message:bot"


def s_bot_json(c: Ctx) -> tuple[str, str]:
    c.situation = f"{ORDINARY}-{c.rng.choice(SECTORS)}"
    body = {
        "type": "confirmation",
        "text": _fill(c, _ph(c, "bot")),
        "contact": {"phone": c.phone(intl=True)},
    }
    return json.dumps(body, ensure_ascii=False), "message:bot"


def s_raw_note(c: Ctx) -> tuple[str, str]:
    c.situation = f"{ORDINARY}-{c.rng.choice(SECTORS)}"
    field_ = c.rng.choice(("notes", "summary", "feedback", "tags"))
    if field_ == "tags":
        p = c.person
        return f"vip, callback, {c.name(p.last)}, {c.email()}", "raw:tags"
    if field_ == "feedback":
        t = _topic(c)
        return f"{t} {_fill(c, _ph(c, 'bye'))}", "raw:feedback"
    return _fill(c, _ph(c, "note")), f"raw:{field_}"


ORDINARY_SITUATIONS: tuple[tuple[Situation, int], ...] = (
    (s_user_open, 5),
    (s_user_value, 6),
    (s_user_signed, 3),
    (s_agent, 3),
    (s_bot, 3),
    (s_bot_json, 1),
    (s_raw_note, 3),
)


# --- situations no earlier bank used ----------------------------------------------------------

_ISSUER = {"GB": "GBR", "US": "USA", "IE": "IRL", "DE": "D<<", "AT": "AUT", "CH": "CHE"}
_ISSUER |= {"FR": "FRA", "BE": "BEL", "ES": "ESP", "MX": "MEX", "IT": "ITA", "PT": "PRT"}
_ISSUER |= {"BR": "BRA", "TR": "TUR", "NL": "NLD", "PL": "POL", "HR": "HRV", "SI": "SVN"}
_ISSUER |= {"LV": "LVA", "EE": "EST", "AZ": "AZE", "MT": "MLT", "BG": "BGR", "RU": "RUS"}
_ISSUER |= {"KZ": "KAZ", "AM": "ARM", "IN": "IND", "LK": "LKA", "SG": "SGP", "PK": "PAK"}
_ISSUER |= {"AE": "ARE", "ET": "ETH"}


def latin_who(w: Who) -> Who:
    """A person's Latin-script form (MRZ, e-mail, systems that hold ASCII)."""
    lang = latin_of(w.lang)
    if lang == w.lang:
        return w
    firsts, lasts = NAMES[w.lang]
    lf, ll = NAMES[lang]
    return Who(lang, lf[firsts.index(w.first)], ll[lasts.index(w.last)])


def _latin(c: Ctx) -> Who:
    return latin_who(Who(c.lang, c.person.first, c.person.last))


def _mrz_field(s: str) -> str:
    return fold(s).upper().replace(" ", "<").replace("-", "<").replace("'", "")


def x_mrz(c: Ctx) -> tuple[str, str]:
    """An identity card's machine-readable zone (ICAO TD1, 3 x 30): the name line opens with the
    surname; a passport's TD3 line glues it to the issuing state, so it is not used."""
    c.situation = "mrz"
    w = _latin(c)
    sur, giv = _mrz_field(w.last), _mrz_field(w.first)
    state = _ISSUER[c.region]
    doc = "".join(c.rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
    line1 = f"ID{state}{doc}{c.rng.randint(0, 9)}".ljust(30, "<")
    sex = c.rng.choice("MF")
    line2 = f"{c.rng.randint(500101, 991231)}{c.rng.randint(0, 9)}{sex}3108124{state}"
    line2 = line2.ljust(29, "<") + str(c.rng.randint(0, 9))
    line3 = f"{sur}<<{giv}".ljust(30, "<")[:30]
    for part in f"{sur}<<{giv}"[:30].split("<"):
        if part and line3.find(part + "<") >= 0:
            c.name(part)
    lead = f"Photo of my ID card for the check-in, {c.name(w.first)} here:"
    return f"{lead}\n{line1}\n{line2}\n{line3}", "message:user"


def x_review(c: Ctx) -> tuple[str, str]:
    c.situation = "app-review"
    stars = c.rng.randint(1, 5)
    w = _latin(c) if c.rng.random() < 0.5 else Who(c.lang, c.person.first, c.person.last)
    who = f"{c.name(w.first)} {c.name(w.last)}"
    ver = c.dec("version")
    return (
        f"{'★' * stars}{'☆' * (5 - stars)}  {who} · version {ver}\n"
        f"App keeps logging me out. Support never called back on {c.phone(intl=True)}.\n"
        f"Developer response: Sorry {c.name(w.first)}, please write to {c.dec('role-address')}."
    ), "raw:feedback"


def x_push(c: Ctx) -> tuple[str, str]:
    c.situation = "push-payload"
    payload = {
        "to": c.email(),
        "notification": {
            "title": f"{c.person.first}, your parcel is ready",
            "body": f"Locker code expires at {c.dec('time')}",
        },
        "data": {"deeplink": c.url()},
    }
    c.name(c.person.first)
    return json.dumps(payload, ensure_ascii=False), "message:bot"


def x_graphql(c: Ctx) -> tuple[str, str]:
    c.situation = "graphql"
    resp = {
        "data": {
            "customer": {
                "givenName": c.name(c.person.first),
                "familyName": c.name(c.person.last),
                "contact": {"email": c.email(), "mobile": c.phone(intl=True)},
                "lastOrder": {"id": c.dec("order"), "total": c.dec("price")},
            }
        }
    }
    return json.dumps(resp, ensure_ascii=False, indent=1), "message:bot"


def x_blocks(c: Ctx) -> tuple[str, str]:
    c.situation = "block-kit"
    p = c.person
    text = f"*Escalation* from {c.name(p.first)} {c.name(p.last)} ({c.email()})"
    blocks = {
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": f"Assigned to {c.name(c.agent.first)}"}],
            },
            {"type": "section", "fields": [{"type": "plain_text", "text": c.dec("product")}]},
        ]
    }
    return json.dumps(blocks, ensure_ascii=False), "message:agent"


def x_wa_template(c: Ctx) -> tuple[str, str]:
    c.situation = "wa-template"
    params = [c.name(c.person.first), c.dec("date"), c.dec("time")]
    shown = f"Hi {params[0]}, your appointment is confirmed for {params[1]} at {params[2]}."
    meta = json.dumps(
        {"template": "appointment_reminder_v3", "language": c.lang, "params": params},
        ensure_ascii=False,
    )
    return f"{shown}\n{meta}", "message:bot"


def x_esign(c: Ctx) -> tuple[str, str]:
    c.situation = "esign-envelope"
    w = _latin(c)
    env = "".join(c.rng.choice("0123456789ABCDEF") for _ in range(8))
    return (
        f"Envelope {env}-{c.dec('ref')} completed\n"
        f"Signer 1: {c.name(w.first)} {c.name(w.last)} <{c.email()}>\n"
        f"  viewed from {c.ip()}, signed {c.dec('date')} {c.dec('time')}\n"
        f"Signer 2: {c.name(c.agent.first)} {c.name(c.agent.last)} (branch)\n"
        f"Open: {c.url()}"
    ), "message:bot"


def x_rental(c: Ctx) -> tuple[str, str]:
    c.situation = "rental-handover"
    w = _latin(c)
    return (
        "HANDOVER PROTOCOL\n"
        f"Main driver: {c.name(w.last)}, {c.name(w.first)}\n"
        f"Additional driver: {c.name(c.rel.first)} {c.name(c.rel.last)}\n"
        f"Mobile: {c.phone()}\n"
        f"Fuel 3/4 · Mileage {c.rng.randint(5, 90)} {c.rng.randint(100, 999)} km\n"
        f"Deposit card: {c.put('card', card(c.rng))}\nReturn station: {c.dec('street')}"
    ), "raw:notes"


def x_accident(c: Ctx) -> tuple[str, str]:
    c.situation = "accident-report"
    w = _latin(c)
    return (
        f"Accident report {c.dec('ref')}. Party A: {c.name(w.first)} {c.name(w.last)}, "
        f"tel. {c.phone()}. Party B: {c.name(c.rel.first)} {c.name(c.rel.last)}, "
        f"insured with {c.dec('company')}. Witness left no details."
    ), "message:user"


def x_ticket(c: Ctx) -> tuple[str, str]:
    c.situation = "ticket-transfer"
    lw = latin_who(c.rel)
    return (
        f"Your ticket for Row 14, Seat 7 has been transferred to {c.name(c.rel.first)} "
        f"{c.name(c.rel.last)}. They were notified at "
        f"{c.put('email', email(c.rng, lw.first, lw.last))}. Price paid: {c.dec('price')}."
    ), "message:bot"


def x_rsvp(c: Ctx) -> tuple[str, str]:
    c.situation = "rsvp-list"
    p = c.person
    return (
        "RSVP – customer evening\n"
        f"✔ {c.name(p.first)} {c.name(p.last)} (+1)\n"
        f"✔ {c.name(c.rel.first)} {c.name(c.rel.last)}\n"
        f"✘ {c.name(c.agent.first)} {c.name(c.agent.last)} – {c.dec('date')}\n"
        f"venue: {c.dec('street')}"
    ), "raw:notes"


def x_school(c: Ctx) -> tuple[str, str]:
    c.situation = "school-report"
    p = c.person
    return (
        f"Term report note for {c.name(c.rel.first)} {c.name(c.rel.last)}: reading has improved. "
        f"Parent contact: {c.name(p.first)} {c.name(p.last)}, {c.phone()}."
    ), "message:agent"


def x_issue_history(c: Ctx) -> tuple[str, str]:
    c.situation = "issue-history"
    w = _latin(c)
    return (
        f"{c.dec('date')} {c.name(c.agent.first)} {c.name(c.agent.last)} changed Assignee "
        f"from 'Unassigned' to '{c.name(c.agent.first)} {c.name(c.agent.last)}'\n"
        f"{c.dec('date')} {c.name(c.agent.first)} {c.name(c.agent.last)} changed Reporter "
        f"to '{c.name(w.first)} {c.name(w.last)}'\n"
        f"Fix version: {c.dec('version')}"
    ), "message:agent"


def x_blame(c: Ctx) -> tuple[str, str]:
    c.situation = "git-blame"
    a = c.agent
    h = "".join(c.rng.choice("0123456789abcdef") for _ in range(8))
    return (
        "blame on the template that sent the wrong e-mail:\n"
        f"{h} ({c.name(a.first)} {c.name(a.last)} {c.dec('date')} 14:02:11 +0100 88)"
        f'     to = "{c.email()}"  # TODO remove test address'
    ), "message:agent"


def x_env(c: Ctx) -> tuple[str, str]:
    c.situation = "env-dump"
    return (
        "$ env | grep APP_\n"
        f"APP_VERSION={c.dec('version')}\n"
        f"APP_TEST_RECIPIENT={c.email()}\n"
        f"APP_TEST_MSISDN={c.phone(intl=True)}\n"
        f"APP_CALLBACK={c.url()}\n"
        f"APP_ADMIN_FROM={c.dec('role-address')}"
    ), "message:user"


def x_locker(c: Ctx) -> tuple[str, str]:
    c.situation = "parcel-locker"
    return (
        f"Parcel {c.dec('tracking')} for {c.name(c.person.first)} {c.name(c.person.last)} is in "
        f"locker {c.rng.randint(1, 60)} at {c.dec('street')}. Pick-up code sent to {c.phone()}."
    ), "message:bot"


def x_court(c: Ctx) -> tuple[str, str]:
    c.situation = "appointment-notice"
    w = _latin(c)
    return (
        f"NOTICE OF HEARING – case {c.dec('ref')}\n"
        f"Claimant: {c.name(w.first)} {c.name(w.last)}\n"
        f"Respondent: {c.dec('company')}\n"
        f"Date: {c.dec('date')}, {c.dec('time')}. Questions: {c.dec('role-address')}"
    ), "message:user"


def x_translator(c: Ctx) -> tuple[str, str]:
    c.situation = "translator-note"
    p = c.person
    w = _latin(c)
    if w.first != p.first:
        how = f"{c.name(p.first)} {c.name(p.last)} (transl. {c.name(w.first)} {c.name(w.last)})"
    else:
        how = f"{c.name(p.first)} {c.name(p.last)}"
    return (
        f"[Translator's note: the customer signs as {how}; the amount {c.dec('price')} "
        "was left as written.]"
    ), "raw:summary"


def x_loyalty(c: Ctx) -> tuple[str, str]:
    c.situation = "loyalty-statement"
    p = c.person
    bad = c.dec("luhn-fail")
    return (
        f"Loyalty statement · {c.name(p.first)} {c.name(p.last)}\n"
        f"Member card {bad} · tier Gold\n"
        f"Points +{c.rng.randint(10, 900)} · {c.dec('company')} · {c.dec('date')}\n"
        f"Payout IBAN on file: {c.acct() if c.rng.random() < 0.5 else c.dec('iban-fail')}\n"
        f"Follow us {c.dec('handle')} · build {c.dec('build')}"
    ), "message:bot"


NEW_SITUATIONS: tuple[Situation, ...] = (
    x_mrz,
    x_review,
    x_push,
    x_graphql,
    x_blocks,
    x_wa_template,
    x_esign,
    x_rental,
    x_accident,
    x_ticket,
    x_rsvp,
    x_school,
    x_issue_history,
    x_blame,
    x_env,
    x_locker,
    x_court,
    x_translator,
    x_loyalty,
)


# --- soundness of one text ----------------------------------------------------------------------


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def sound(text: str, planted: Planted) -> bool:
    """Each value whole wherever it occurs, no two values overlapping, each class one per value."""
    spans: list[tuple[int, int, str]] = []
    seen: dict[tuple[str, str], str] = {}
    for kind, value, cls in planted:
        if seen.setdefault((kind, value), cls) != cls or value.strip() != value:
            return False
        occ = occurrences(text, value)
        if not occ:
            return False
        for a, b in occ:
            if (a > 0 and word_char(text[a - 1])) or (b < len(text) and word_char(text[b])):
                return False
            spans.append((a, b, value))
    ordered = sorted({(a, b) for a, b, _ in spans})
    return all(a2 >= b1 for (_, b1), (a2, _) in itertools.pairwise(ordered))


# --- corpus -------------------------------------------------------------------------------------


# the relative or colleague the ``rel`` phrase names: "f" a woman, "m" a man, "" either
REL_GENDER = {"en": "m", "de": "f", "fr": "f", "es": "f", "it": "m", "pt": "f", "pl": "f"}
REL_GENDER |= {"hr": "m", "sl": "f", "lv": "f", "az": "m", "eu": "f", "cy": "m", "mt": "f"}
REL_GENDER |= {"bg": "m", "ru": "f", "hy": "m", "ta": "f", "ur": "m"}


def _who(rng: random.Random, lang: str, avoid: set[str], gender: str = "") -> Who:
    firsts, lasts = NAMES[lang]
    start = {"f": 0, "m": 1}.get(gender)
    pool = firsts if start is None else firsts[start::2]
    while True:
        f = rng.choice(pool)
        la = lasts[_last_index(rng, lang, firsts.index(f), len(lasts))]
        if f not in avoid and la not in avoid:
            return Who(lang, f, la)


def _last_index(rng: random.Random, lang: str, first: int, n: int) -> int:
    """A family name for the first name at ``first``: of the same gender where names have one."""
    if lang.split("-")[0] in GENDERED:
        return rng.randrange(first % 2, n, 2)
    return rng.randrange(n)


def _person(rng: random.Random, lang: str) -> Person:
    firsts, lasts = NAMES[lang]
    i = rng.randrange(len(firsts))
    j = _last_index(rng, lang, i, len(lasts))
    lat = latin_of(lang)
    lf, ll = NAMES[lat][0][i], NAMES[lat][1][j]
    region = rng.choice(LANGS[lang])
    num = valid_phone(rng, region)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    written = write_phone(rng, num, intl=rng.random() < 0.5)
    return Person(lang, firsts[i], lasts[j], email(rng, lf, ll), e164, written, region)


def _profile(rng: random.Random, platform: str, p: Person) -> dict[str, Any]:
    if platform == "peki":
        return {
            "firstName": p.first,
            "lastName": p.last,
            "email": p.email,
            "phoneNumber": p.phone,
            "source": rng.choice(("Web", "WhatsApp", "Messenger")),
        }
    if platform == "kore":
        return {"channel": "rtm", "tags": [{"name": "email", "value": p.email}]}
    return {
        "user_info": {"name": f"{p.first} {p.last}", "email": p.email, "phone": p.phone},
        "ip_address": ipv4(rng),
    }


def corpus_situations(n: int, seed: int) -> tuple[list[Conversation], list[list[str]]]:
    """The bank and, per conversation, each text's situation."""
    rng = random.Random(seed)
    convs: list[Conversation] = []
    sits: list[list[str]] = []
    total = 0
    langs = sorted(LANGS)
    weights = [o for _, o in ORDINARY_SITUATIONS]
    while total < n:
        lang = rng.choice(langs)
        p = _person(rng, lang)
        avoid = {p.first, p.last}
        agent = _who(rng, lang, avoid)
        gender = REL_GENDER.get(lang.split("-")[0], "")
        rel = _who(rng, lang, avoid | {agent.first, agent.last}, gender)
        platform = rng.choice(("peki", "kore", "selise"))
        conv = Conversation(platform, p, _profile(rng, platform, p))
        these: list[str] = []
        for _ in range(min(rng.randint(2, 5), n - total)):
            for _try in range(50):
                c = Ctx(rng, lang, p, p.country, agent, rel)
                if rng.random() < 0.72:
                    sit = rng.choices([s for s, _ in ORDINARY_SITUATIONS], weights)[0]
                else:
                    sit = rng.choice(NEW_SITUATIONS)
                text, where = sit(c)
                if sound(text, c.planted):
                    break
            else:
                raise AssertionError(f"no sound text for {lang}")
            conv.texts.append(Text(text, c.planted, where))
            these.append(c.situation)
            total += 1
        convs.append(conv)
        sits.append(these)
    return convs, sits


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in conversations, deterministic for (n, seed)."""
    return corpus_situations(n, seed)[0]
