"""Seeded synthetic people and chat texts with known personal values planted in them.

Every text reports exactly which personal values it contains, so redaction and detection can be
checked against ground truth. Texts also carry decoys (order numbers, prices, versions, numbers
that fail Luhn or mod-97) that a detector must leave alone. Everything is a pure function of the
`random.Random` passed in.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

Planted = list[tuple[str, str]]

_FIRST: dict[str, tuple[str, ...]] = {
    "US": (
        "James",
        "Mary",
        "Robert",
        "Patricia",
        "Michael",
        "Jennifer",
        "David",
        "Linda",
        "Daniel",
        "Emily",
        "Christopher",
        "Jessica",
        "Kevin",
        "Ashley",
        "Brian",
        "Sarah",
    ),
    "GB": (
        "Oliver",
        "Amelia",
        "George",
        "Isla",
        "Harry",
        "Olivia",
        "Jack",
        "Emily",
        "Charlie",
        "Poppy",
        "Thomas",
        "Sophie",
        "William",
        "Grace",
        "Alfie",
        "Ruby",
    ),
    "DE": (
        "Jürgen",
        "Anna",
        "Lukas",
        "Lea",
        "Maximilian",
        "Sophie",
        "Felix",
        "Marie",
        "Jonas",
        "Hannah",
        "Sören",
        "Käthe",
        "Paul",
        "Mia",
        "Tobias",
        "Greta",
    ),
    "TR": (
        "Ayşe",
        "Mehmet",
        "Fatma",
        "Mustafa",
        "Emine",
        "Ahmet",
        "Zeynep",
        "Ali",
        "Elif",
        "Hüseyin",
        "Şule",
        "Oğuz",
        "Gülşen",
        "İbrahim",
        "Merve",
        "Çağrı",
    ),
}
_LAST: dict[str, tuple[str, ...]] = {
    "US": (
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Anderson",
        "Taylor",
        "Thomas",
        "Moore",
        "Jackson",
        "Lee",
    ),
    "GB": (
        "Smith",
        "Jones",
        "Williams",
        "Taylor",
        "Davies",
        "Evans",
        "Wilson",
        "Thomas",
        "Roberts",
        "Johnson",
        "Walker",
        "Wright",
        "Robinson",
        "Thompson",
        "Hughes",
        "O'Brien",
    ),
    "DE": (
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
    ),
    "TR": (
        "Yılmaz",
        "Kaya",
        "Demir",
        "Şahin",
        "Çelik",
        "Yıldız",
        "Yıldırım",
        "Öztürk",
        "Aydın",
        "Özdemir",
        "Arslan",
        "Doğan",
        "Kılıç",
        "Aslan",
        "Çetin",
        "Kara",
    ),
}
_CITIES: dict[str, tuple[str, ...]] = {
    "US": ("New York", "San Francisco", "Chicago", "Boston", "Seattle", "Denver", "Austin"),
    "GB": ("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol", "Liverpool"),
    "DE": ("Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Leipzig"),
    "TR": ("İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Eskişehir", "Trabzon"),
}
_MAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "US": ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "acme-logistics.com"),
    "GB": ("gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com", "northwind.co.uk"),
    "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com", "beispiel-gmbh.de"),
    "TR": ("gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com", "ornek.com.tr"),
}
_COUNTRIES: tuple[str, ...] = ("US", "GB", "DE", "TR")
_FOLD = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ı": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "İ": "i",
        "Ş": "s",
        "Ç": "c",
        "Ğ": "g",
        "Ö": "o",
        "Ü": "u",
        "'": "",
    }
)
# Number ranges checked against libphonenumber's metadata, so planted phones are valid numbers.
_US_AREAS = ("212", "415", "312", "617", "206", "303", "512", "404", "702", "213", "646", "718")
_GB_MOBILE = ("7824", "7480", "7956", "7597", "7440", "7723", "7877")
_DE_PREFIX = (("30", 8), ("89", 8), ("40", 8), ("151", 8), ("160", 8), ("170", 8), ("176", 8))
_TR_PREFIX = ("532", "533", "535", "542", "543", "505", "212", "216", "312")


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    email: str
    phone: str
    phone_e164: str
    username: str
    city: str
    country: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _ascii_fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def _digits(rng: random.Random, n: int) -> str:
    return f"{rng.randrange(10**n):0{n}d}"


def phone_number(rng: random.Random, country: str) -> tuple[str, str]:
    """A valid number for `country` as (written form, E.164); the written form varies."""
    style = rng.randrange(4)
    if country == "US":
        area = rng.choice(_US_AREAS)
        exchange = str(rng.randint(200, 999))
        while exchange == "555" or exchange.endswith("11"):
            exchange = str(rng.randint(200, 999))
        line = _digits(rng, 4)
        e164 = f"+1{area}{exchange}{line}"
        forms = (
            e164,
            f"({area}) {exchange}-{line}",
            f"{area}-{exchange}-{line}",
            f"+1 {area} {exchange} {line}",
        )
    elif country == "GB":
        prefix = rng.choice(_GB_MOBILE)
        rest = _digits(rng, 6)
        e164 = f"+44{prefix}{rest}"
        forms = (e164, f"0{prefix} {rest}", f"+44 {prefix} {rest}", f"0{prefix}{rest}")
    elif country == "DE":
        prefix, n = rng.choice(_DE_PREFIX)
        rest = _digits(rng, n)
        e164 = f"+49{prefix}{rest}"
        forms = (e164, f"0{prefix} {rest}", f"+49 {prefix} {rest}", f"0{prefix}/{rest}")
    else:
        prefix = rng.choice(_TR_PREFIX)
        rest = _digits(rng, 7)
        e164 = f"+90{prefix}{rest}"
        forms = (
            e164,
            f"0{prefix} {rest[:3]} {rest[3:5]} {rest[5:]}",
            f"+90 {prefix} {rest[:3]} {rest[3:5]} {rest[5:]}",
            f"0{prefix}{rest}",
        )
    return forms[style], e164


def make_person(rng: random.Random, country: str | None = None) -> Person:
    country = country or rng.choice(_COUNTRIES)
    first = rng.choice(_FIRST[country])
    last = rng.choice(_LAST[country])
    f, la = _ascii_fold(first), _ascii_fold(last)
    local = rng.choice(
        (
            f"{f}.{la}",
            f"{f}{la[0]}",
            f"{f[0]}{la}",
            f"{f}_{la}{rng.randint(1, 99)}",
            f"{f}.{la}{rng.randint(70, 99)}",
        )
    )
    email = f"{local}@{rng.choice(_MAIL_DOMAINS[country])}"
    phone, e164 = phone_number(rng, country)
    username = rng.choice(
        (
            f"{f}{la}",
            f"{f}_{la}",
            f"{f}.{la[0]}{rng.randint(1, 999)}",
            f"{la}{f[0]}{rng.randint(10, 99)}",
        )
    )
    return Person(first, last, email, phone, e164, username, rng.choice(_CITIES[country]), country)


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _luhn_check_digit(partial: str) -> str:
    total = 0
    for i, c in enumerate(reversed(partial)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _group(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(digits[i : i + size])
        i += size
    return sep.join(parts)


def card_number(rng: random.Random) -> str:
    """A Luhn-valid Visa, Mastercard or Amex number, written compact or grouped."""
    brand = rng.randrange(3)
    if brand == 2:
        body = rng.choice(("34", "37")) + _digits(rng, 12)
        number = body + _luhn_check_digit(body)
        return _group(number, (4, 6, 5), rng.choice((" ", "-"))) if rng.random() < 0.6 else number
    body = ("4" + _digits(rng, 14)) if brand == 0 else (f"5{rng.randint(1, 5)}" + _digits(rng, 13))
    number = body + _luhn_check_digit(body)
    style = rng.randrange(3)
    return number if style == 0 else _group(number, (4, 4, 4, 4), " " if style == 1 else "-")


def non_luhn_number(rng: random.Random) -> str:
    """Sixteen digits that fail the Luhn check: a decoy that looks like a card number."""
    body = rng.choice("3456789") + _digits(rng, 14)
    good = _luhn_check_digit(body)
    bad = str((int(good) + rng.randint(1, 9)) % 10)
    number = body + bad
    return number if rng.random() < 0.5 else _group(number, (4, 4, 4, 4), " ")


_IBAN_BBAN: dict[str, Callable[[random.Random], str]] = {
    "DE": lambda r: _digits(r, 18),
    "GB": lambda r: r.choice(("NWBK", "BARC", "HBUK", "LOYD")) + _digits(r, 14),
    "NL": lambda r: r.choice(("ABNA", "INGB", "RABO")) + _digits(r, 10),
    "TR": lambda r: _digits(r, 5) + "0" + _digits(r, 16),
    "ES": lambda r: _digits(r, 20),
}


def _iban_numeric(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def iban_valid(iban: str) -> bool:
    compact = iban.replace(" ", "").upper()
    if len(compact) < 15 or not compact.isalnum() or not compact[:2].isalpha():
        return False
    return _iban_numeric(compact[4:] + compact[:4]) % 97 == 1


def _iban_format(compact: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def iban(rng: random.Random) -> str:
    """An IBAN with correct mod-97 check digits, compact or in groups of four."""
    country = rng.choice(tuple(_IBAN_BBAN))
    bban = _IBAN_BBAN[country](rng)
    check = 98 - _iban_numeric(bban + country + "00") % 97
    return _iban_format(f"{country}{check:02d}{bban}", rng)


def bad_iban(rng: random.Random) -> str:
    """An IBAN-shaped string whose check digits are wrong: a decoy."""
    country = rng.choice(tuple(_IBAN_BBAN))
    bban = _IBAN_BBAN[country](rng)
    good = 98 - _iban_numeric(bban + country + "00") % 97
    check = good
    while check == good:
        check = rng.randint(2, 96)
    return _iban_format(f"{country}{check:02d}{bban}", rng)


_PUBLIC_V4_FIRST = (24, 31, 46, 62, 78, 81, 85, 88, 93, 95, 109, 151, 176, 178, 185, 212, 217)


def ipv4(rng: random.Random) -> str:
    return ".".join(
        [str(rng.choice(_PUBLIC_V4_FIRST))] + [str(rng.randint(1, 254)) for _ in range(3)]
    )


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a02", "2001", "2a01", "2600", "2a00"))
    groups = [head] + [f"{rng.randrange(1, 0xFFFF):x}" for _ in range(3)]
    if rng.random() < 0.5:
        return ":".join(groups) + f"::{rng.randrange(1, 0xFFFF):x}"
    return ":".join(groups + [f"{rng.randrange(1, 0xFFFF):x}" for _ in range(4)])


# Decoys: look numeric or structured, but are not personal data.
def _order_no(r: random.Random) -> str:
    return r.choice(("ORD-", "#", "PK-", "INV-")) + str(r.randint(100000, 999999))


def _date(r: random.Random) -> str:
    y, m, d = r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28)
    return r.choice((f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{m}/{d}/{y}"))


def _price(r: random.Random) -> str:
    amount = r.randint(3, 2500) + r.choice((0.0, 0.49, 0.99, 0.5))
    return r.choice((f"${amount:,.2f}", f"€{amount:.2f}", f"{amount:.2f} TL", f"£{amount:.2f}"))


def _version(r: random.Random) -> str:
    return f"{r.choice(('v', ''))}{r.randint(1, 19)}.{r.randint(0, 30)}.{r.randint(0, 99)}"


_DECOY_TEMPLATES: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"My order number is {_order_no(r)}.",
    lambda r: f"It was delivered on {_date(r)} but the box was damaged.",
    lambda r: f"I was charged {_price(r)} instead of {_price(r)}.",
    lambda r: f"The app is on version {_version(r)} and it keeps crashing.",
    lambda r: f"The tracking number on the label says {non_luhn_number(r)}.",
    lambda r: f"The reference on the bank statement reads {bad_iban(r)}, is that yours?",
    lambda r: f"Invoice {_order_no(r)} from {_date(r)} shows {_price(r)}.",
    lambda r: f"Firmware {_version(r)} was installed at {r.randint(10, 23)}:{r.randint(10, 59)}.",
)

_PLAIN: tuple[str, ...] = (
    "Hi, I have a question about my subscription.",
    "The package still hasn't arrived and I'm getting worried.",
    "Can you tell me what the difference between the Basic and Pro plans is?",
    "I can't log in since yesterday, it says my password is wrong.",
    "How do I cancel my account?",
    "Thanks, that worked!",
    "Is there a student discount?",
    "The payment page keeps timing out.",
    "Do you ship to Germany?",
    "I'd like a refund please.",
    "What are your opening hours on weekends?",
    "The product arrived broken, what should I do?",
    "Can I change the delivery address for my last order?",
    "ok.",
    "Merhaba, siparişim ne zaman gelir?",
    "Hallo, ich habe eine Frage zu meiner Rechnung.",
)

_PII_TEMPLATES: tuple[Callable[[random.Random, Person], tuple[str, Planted]], ...] = (
    lambda r, p: (f"My email is {p.email}.", [("email", p.email)]),
    lambda r, p: (f"You can reach me at {p.phone}.", [("phone", p.phone)]),
    lambda r, p: (f"Hi, this is {p.full_name}.", [("name", p.full_name)]),
    lambda r, p: (f"I'm {p.first_name}, nice to meet you.", [("name", p.first_name)]),
    lambda r, p: (
        f"Please update my contact details: {p.email}, {p.phone}.",
        [("email", p.email), ("phone", p.phone)],
    ),
    lambda r, p: _with_value(r, "card", card_number, "Please charge my card {} for the upgrade."),
    lambda r, p: _with_value(r, "card", card_number, "The payment with {} was declined twice."),
    lambda r, p: _with_value(r, "iban", iban, "Send the refund to my account {} please."),
    lambda r, p: _with_value(r, "ip", ipv4, "I got blocked, my IP address is {}."),
    lambda r, p: _with_value(r, "ip", ipv6, "The firewall log shows {} trying to log in."),
    lambda r, p: _other_person(r, p),
    lambda r, p: _other_phone(r, p),
)


def _with_value(
    rng: random.Random, kind: str, make: Callable[[random.Random], str], template: str
) -> tuple[str, Planted]:
    value = make(rng)
    return template.format(value), [(kind, value)]


def _other_person(rng: random.Random, person: Person) -> tuple[str, Planted]:
    other = make_person(rng)
    return (
        f"My colleague {other.full_name} ({other.email}) also needs access.",
        [("name", other.full_name), ("email", other.email)],
    )


def _other_phone(rng: random.Random, person: Person) -> tuple[str, Planted]:
    phone, _ = phone_number(rng, person.country)
    return f"If I don't answer, call my partner on {phone}.", [("phone", phone)]


def generate_text(
    rng: random.Random, person: Person, *, pii_rate: float = 0.45, decoy_rate: float = 0.3
) -> tuple[str, Planted]:
    """A user message of one to three sentences and the personal values planted in it."""
    sentences: list[str] = []
    planted: Planted = []
    if rng.random() < 0.6:
        sentences.append(rng.choice(_PLAIN))
    if rng.random() < pii_rate:
        text, values = rng.choice(_PII_TEMPLATES)(rng, person)
        sentences.append(text)
        planted.extend(values)
    if rng.random() < decoy_rate:
        sentences.append(rng.choice(_DECOY_TEMPLATES)(rng))
    if not sentences:
        sentences.append(rng.choice(_PLAIN))
    return " ".join(sentences), planted


_REPLIES: tuple[str, ...] = (
    "I'm sorry to hear that. Let me look into it for you.",
    "Sure! The Pro plan includes priority support and unlimited projects.",
    "Could you share your order number so I can check the status?",
    "I've forwarded this to our support team; they'll get back to you within 24 hours.",
    "You can cancel any time from Settings > Account > Subscription.",
    "Happy to help! Is there anything else I can do for you?",
    "Refunds are usually processed within 5-7 business days.",
    "Please try clearing your browser cache and logging in again.",
)


def generate_reply(
    rng: random.Random, person: Person, user_planted: Planted
) -> tuple[str, Planted]:
    """A bot reply; sometimes it addresses the user by name or echoes a value they gave."""
    base = rng.choice(_REPLIES)
    roll = rng.random()
    if roll < 0.15:
        return f"Thanks {person.first_name}! {base}", [("name", person.first_name)]
    if roll < 0.25 and user_planted:
        kind, value = user_planted[0]
        return f"Got it, I've noted {value}. {base}", [(kind, value)]
    return base, []


_TOPICS: tuple[tuple[str, str, str], ...] = (
    ("Product inquiry", "Sales", "User asked about pricing plans and feature comparison."),
    ("Delivery delay", "Support", "User reported a late delivery and asked for tracking."),
    ("Login problem", "Technical", "User could not log in; password reset was suggested."),
    ("Refund request", "Billing", "User requested a refund for a damaged product."),
    ("Cancellation", "Billing", "User wanted to cancel the subscription."),
    ("General question", "General", "User asked about opening hours and shipping countries."),
)
_TAGS: tuple[str, ...] = (
    "pricing",
    "features",
    "delivery",
    "refund",
    "login",
    "billing",
    "complaint",
    "shipping",
    "account",
    "discount",
)


def session_topic(rng: random.Random, subject: str | None = None) -> tuple[str, str, str]:
    """(subject, category, summary) for a session; a known subject keeps its own topic."""
    for topic in _TOPICS:
        if topic[0] == subject:
            return topic
    return rng.choice(_TOPICS)


def session_tags(rng: random.Random) -> list[str]:
    return rng.sample(_TAGS, rng.randint(0, 3))


# --- evaluation corpus: more formats of each personal value, and harder decoys ----------------
# Used by bench/masking_quality.py; the generators above are unchanged (seeded data stays the same).

_URL_HOSTS: tuple[str, ...] = (
    "app.example.com",
    "portal.acme-logistics.com",
    "files.northwind.co.uk",
    "api.ornek.com.tr",
    "cdn.beispiel-gmbh.de",
)


def _hex(rng: random.Random, n: int) -> str:
    return f"{rng.getrandbits(4 * n):0{n}x}"


_SECRET_URLS: tuple[Callable[[random.Random, str], str], ...] = (
    lambda r, h: f"https://{h}/reset-password?token={_hex(r, 32)}",
    lambda r, h: f"https://{r.choice(('admin', 'ops', 'jsmith'))}:{_hex(r, 12)}@{h}/export.csv",
    lambda r, h: (
        f"https://{h}/files/r{r.randint(1, 99)}.pdf?expires={r.randint(10**9, 2 * 10**9)}"
        f"&sig={_hex(r, 40)}"
    ),
    lambda r, h: f"https://{h}/api/v1/orders?page={r.randint(1, 9)}&api_key={_hex(r, 24)}",
    lambda r, h: f"https://{h}/callback#access_token={_hex(r, 48)}&expires_in=3600",
    lambda r, h: f"http://{h}/login?user=guest&password={_hex(r, 10)}",
)
_PLAIN_URLS: tuple[Callable[[random.Random, str], str], ...] = (
    lambda r, h: f"https://{h}/help/articles/{r.randint(100, 99999)}?utm_source=chat&ref=bot",
    lambda r, h: f"https://www.{h.split('.', 1)[1]}/products/{r.randint(1000000, 9999999)}",
    lambda r, h: f"https://{h}/orders/{_order_no(r).lstrip('#')}/status?lang=en",
    lambda r, h: f"https://{h}/blog/{_date(r).replace('/', '-')}/release-notes",
)


def secret_url(rng: random.Random) -> str:
    """A URL carrying credentials: userinfo, or a token / key / signature parameter."""
    host = rng.choice(_URL_HOSTS)
    return rng.choice(_SECRET_URLS)(rng, host)


def plain_url(rng: random.Random) -> str:
    """A URL without anything secret (a decoy for the URL detector)."""
    host = rng.choice(_URL_HOSTS)
    return rng.choice(_PLAIN_URLS)(rng, host)


def _email_variant(rng: random.Random, email: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return email
    if style == 1:
        return email.upper()
    if style == 2:
        local, domain = email.split("@")
        return f"{local.capitalize()}@{domain}"
    return email


def _phone_variant(rng: random.Random, country: str) -> str:
    written, e164 = phone_number(rng, country)
    style = rng.randrange(4)
    if style == 0 and e164.startswith("+"):
        return "00" + e164[1:]
    if style == 1 and country == "US":
        return f"{e164[2:5]}.{e164[5:8]}.{e164[8:]}"
    return written


_EVAL_PII: tuple[Callable[[random.Random, Person], tuple[str, Planted]], ...] = (
    lambda r, p: (lambda e: (f"Email: <{e}>", [("email", e)]))(_email_variant(r, p.email)),
    lambda r, p: (lambda e: (f"write to {e}; thanks", [("email", e)]))(_email_variant(r, p.email)),
    lambda r, p: (lambda t: (f"My number: {t}.", [("phone", t)]))(_phone_variant(r, p.country)),
    lambda r, p: (lambda t: (f"Tel ({t})", [("phone", t)]))(_phone_variant(r, p.country)),
    lambda r, p: _with_value(r, "card", card_number, "card no. {}, exp 09/27"),
    lambda r, p: _with_value(r, "iban", iban, "IBAN: {}"),
    lambda r, p: _with_value(r, "ip", ipv4, "from {}:443 yesterday"),
    lambda r, p: _with_value(r, "ip", ipv6, "[{}]"),
    lambda r, p: _with_value(r, "url", secret_url, "Here is the link: {}"),
    lambda r, p: _with_value(r, "url", secret_url, "({}) stopped working"),
)

_EVAL_DECOYS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"See {plain_url(r)} for details.",
    lambda r: f"It happened at {r.randint(0, 23):02d}:{r.randint(10, 59)}:{r.randint(10, 59)}.",
    lambda r: f"Logged 2025-0{r.randint(1, 9)}-1{r.randint(0, 9)}T{r.randint(10, 23)}:14:00Z.",
    lambda r: f"Discount was {r.randint(5, 60)}% on {r.randint(2, 9)} items.",
    lambda r: f"Request id {r.getrandbits(128):032x}-{r.randint(1000, 9999)}.",
    lambda r: (
        "Session "
        + f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}-4{r.getrandbits(12):03x}-"
        + f"a{r.getrandbits(12):03x}-{r.getrandbits(48):012x} expired."
    ),
    lambda r: f"Windows build 10.0.{r.randint(17000, 22631)}.{r.randint(100, 4000)} here.",
    lambda r: f"Total was {r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)} TL.",
    lambda r: f"Location 41.{r.randint(1000, 9999)}, 28.{r.randint(1000, 9999)} on the map.",
    lambda r: f"The tracking code is {non_luhn_number(r)}.",
    lambda r: f"Wrong account {bad_iban(r)} on the form.",
    lambda r: f"Parcel {r.choice(('JD', 'TR', 'DE'))}{r.randint(10**9, 10**10 - 1)} is late.",
)


def generate_eval_text(rng: random.Random, person: Person) -> tuple[str, Planted]:
    """A message for the masking evaluation: `generate_text`, or one of its harder siblings."""
    roll = rng.random()
    if roll < 0.5:
        return generate_text(rng, person, pii_rate=0.7, decoy_rate=0.5)
    parts: list[str] = []
    planted: Planted = []
    if roll < 0.85:
        text, values = rng.choice(_EVAL_PII)(rng, person)
        parts.append(text)
        planted.extend(values)
    parts.append(rng.choice(_EVAL_DECOYS)(rng))
    rng.shuffle(parts)
    return " ".join(parts), planted
