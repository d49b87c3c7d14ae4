"""Held-out bank 25: support conversations and twenty further situations, written apart from
the detectors.

What it holds: people of 30 languages (the nine product languages, twelve more written in
Latin letters: Fon, Mooré, Dagbani, Tiv, Tahitian, Manx, Cornish, Kiribati, Lower Sorbian,
Seychellois Creole, Ladin and Meänkieli, and nine written in Cyrillic: Ingush, Lezgian, Lak,
Karachay-Balkar, Tuvan, Khakas, Altai, Dargwa and Kumyk, a third of those romanised and
tagged ``<lang>-Latn``), names from ``bench/heldout_bank25_names.py``. About 70 % of the texts
come from ordinary support conversations on the three platforms (greeting and introduction in
the customer's language, e-mail, phone, card, IBAN, IP and secret-bearing URL given, relatives
named with their numbers, a human agent taking over, sign-off with the first name, free-text
fields of the session record naming them again); about 30 % are one of twenty situations:
Matrix room logs, recipe attributions, volunteer rosters, school report cards, crowdfunding
backer lists, award nominations, seating charts, real-estate agent blurbs, sports-club
membership lists, choir rosters, church registers, ORCID exports, app crash reports, patches
with Signed-off-by trailers sent by mail, mailing-list digests, Mailman subscriber lists,
hackathon sign-ups, car-pool sign-ups, tenant notices and plumber work orders; most framed in
English, some in German, French, Spanish, Italian, Dutch, Polish, Portuguese or Turkish.

What counts as personal: each given and family name token (planted alone; CAPITALS and
``Last, First`` where the format has them), e-mail addresses, phone numbers valid for their
region (national, international, E.164, some with extensions; some possible but unassigned,
class ``.../intl-possible-unassigned``), cards passing Luhn in real IIN ranges, IBANs passing
mod-97 at their country's length, global IPv4/IPv6 addresses and URLs carrying a secret
(token, api key, signature, share id, credentials). Decoys (kind ``decoy``, class
``decoy/<lang>/<situation>/<sort>``) are values that look personal and are not; no decoy but a
date is a valid phone number of a region of the bank, and no run of 13-19 digits passes Luhn.

Placement: every planted value occurs in its text exactly once as a whole value (not inside a
longer word), values do not overlap, and every text plants at least one value; a text breaking
this is written again with other picks. Classes: ``<kind>/<lang or region>/<situation>/<detail>``.

    python -m bench.heldout_bank25 20000   # what it plants by kind, class and language
"""

from __future__ import annotations

import ipaddress
import random
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import phonenumbers

from bench.heldout_bank25_names import (
    CORE,
    GREETING,
    LATIN_NEW,
    NAMES,
    REGION,
    ROMAN,
    SCRIPT_NEW,
    family_form,
    is_female,
    romanise,
)
from bench.heldout_corpus import Conversation, Planted, Text

LANGS = (*CORE, *LATIN_NEW, *SCRIPT_NEW)
REGIONS = tuple(dict.fromkeys(REGION.values()))
SITUATIONS = (
    "matrix-log",
    "recipe",
    "volunteer-roster",
    "report-card",
    "backers",
    "nomination",
    "seating-chart",
    "agent-blurb",
    "club-members",
    "choir-roster",
    "church-register",
    "orcid",
    "crash-report",
    "patch-mail",
    "list-digest",
    "mailman",
    "hackathon",
    "car-pool",
    "tenant-notice",
    "work-order",
)
DECOY_SORTS = (
    "order",
    "tracking",
    "price",
    "date",
    "version",
    "product",
    "street",
    "ship",
    "award",
    "company",
    "handle",
    "package",
    "gift-card",
    "iban-shaped",
    "isbn",
    "doi",
    "call-sign",
)
DOMAINS = ("mail.example.com", "posteo.de", "orange.fr", "gmx.net", "outlook.com", "proton.me")


# --- people --------------------------------------------------------------------------------------


@dataclass
class Who:
    lang: str  # tag: lang or lang-Latn
    first: str
    last: str  # as this person bears it (feminine form for women where the language has one)
    region: str
    base: str = ""  # the family name's base form, shared by relatives
    female: bool = False


def _ascii(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("İ", "I")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isascii() and ch.isalnum())


def person(rng: random.Random, lang: str | None = None) -> Who:
    lang = lang or rng.choice(LANGS)
    table = NAMES
    tag = lang
    if lang in SCRIPT_NEW and rng.random() < 1 / 3:
        table, tag = ROMAN, f"{lang}-Latn"
    given, family = table[lang]
    while True:
        first, last = rng.choice(given), rng.choice(family)
        female = is_female(lang, first)
        written = family_form(lang, last, female)
        if first.lower() not in written.lower() and written.lower() not in first.lower():
            return Who(tag, first, written, REGION[lang], last, female)


def email(rng: random.Random, w: Who) -> str:
    src = w if w.first.isascii() or w.lang.endswith("Latn") else _roman(w)
    first, last = _ascii(src.first).lower(), _ascii(src.last).lower()
    local = rng.choice(
        (f"{first}.{last}", f"{first[0]}{last}", f"{last}.{first}{rng.randint(1, 99)}")
    )
    return f"{local}@{rng.choice(DOMAINS)}"


def _roman(w: Who) -> Who:
    lang = w.lang.removesuffix("-Latn")
    if lang not in SCRIPT_NEW:
        return w
    g, f = NAMES[lang]
    rg, rf = ROMAN[lang]
    first = rg[g.index(w.first)] if w.first in g else w.first
    base = rf[f.index(w.base)] if w.base in f else w.base
    return Who(w.lang, first, family_form(lang, base, w.female), w.region, base, w.female)


def names(w: Who, sit: str, form: str = "plain") -> tuple[str, Planted]:
    """The person's name written as ``form`` wants, each token planted alone."""
    first, last = w.first, w.last
    if form == "upper":
        last = last.upper()
        text = f"{last}, {first}"
    elif form == "comma":
        text = f"{last}, {first}"
    else:
        text = f"{first} {last}"
    return text, [
        ("name", first, f"name/{w.lang}/{sit}/given"),
        ("name", last, f"name/{w.lang}/{sit}/family" + ("-upper" if form == "upper" else "")),
    ]


# --- structured values ---------------------------------------------------------------------------


@cache
def _numbers(region: str) -> tuple[phonenumbers.PhoneNumber, ...]:
    rng = random.Random(f"bank25/{region}")
    out = []
    for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is None:
            continue
        nsn = str(ex.national_number)
        for _ in range(400):
            k = min(4, len(nsn) - 2)
            cand = nsn[:-k] + "".join(rng.choice(string.digits) for _ in range(k))
            num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(cand))
            if ex.italian_leading_zero:
                num.italian_leading_zero = True
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.region_code_for_number(num) == region
            ):
                out.append(num)
            if len(out) >= 60 * (1 + (kind == phonenumbers.PhoneNumberType.FIXED_LINE)):
                break
    return tuple(out)


@cache
def _unassigned(region: str) -> tuple[str, ...]:
    rng = random.Random(f"bank25/unassigned/{region}")
    cc = phonenumbers.country_code_for_region(region)
    length = len(str(_numbers(region)[0].national_number))
    out = []
    for _ in range(3000):
        nsn = rng.choice("123456789") + "".join(
            rng.choice(string.digits) for _ in range(length - 1)
        )
        num = phonenumbers.parse(f"+{cc}{nsn}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            out.append(
                phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            )
        if len(out) >= 30:
            break
    return tuple(out)


def phone(rng: random.Random, region: str, sit: str) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.06 and _unassigned(region):
        return (
            "phone",
            rng.choice(_unassigned(region)),
            f"phone/{region}/{sit}/intl-possible-unassigned",
        )
    num = rng.choice(_numbers(region))
    fmt = phonenumbers.PhoneNumberFormat
    if roll < 0.14:
        text = phonenumbers.format_number(num, fmt.INTERNATIONAL) + f" ext. {rng.randint(10, 899)}"
        return ("phone", text, f"phone/{region}/{sit}/intl-ext")
    detail, f = rng.choice(
        (("national", fmt.NATIONAL), ("intl", fmt.INTERNATIONAL), ("e164", fmt.E164))
    )
    return ("phone", phonenumbers.format_number(num, f), f"phone/{region}/{sit}/{detail}")


def _luhn_digit(body: str) -> str:
    total = 0
    for i, d in enumerate(int(ch) for ch in reversed(body)):
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return _luhn_digit(number[:-1]) == number[-1]


def card(rng: random.Random, sit: str, lang: str) -> tuple[str, str, str]:
    brand, prefix, length = rng.choice(
        (
            ("visa", "4", 16),
            ("mastercard", str(rng.randint(51, 55)), 16),
            ("mastercard", str(rng.randint(2221, 2720)), 16),
            ("amex", rng.choice(("34", "37")), 15),
            ("discover", "6011", 16),
            ("jcb", str(rng.randint(3528, 3589)), 16),
            ("unionpay", "62", 16),
        )
    )
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - 1 - len(prefix)))
    num = body + _luhn_digit(body)
    if rng.random() < 0.5:
        groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
        parts, i = [], 0
        for g in groups:
            parts.append(num[i : i + g])
            i += g
        num = rng.choice((" ", "-")).join(parts)
    return ("card", num, f"card/{lang}/{sit}/{brand}")


IBAN_SPECS = {  # country: (length, letters in the bank code)
    "GB": (22, 4), "DE": (22, 0), "FR": (27, 0), "ES": (24, 0), "IT": (27, 1), "PT": (25, 0),
    "TR": (26, 0), "NL": (18, 4), "PL": (28, 0), "BE": (16, 0), "AT": (20, 0), "SE": (24, 0),
}  # fmt: skip


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    return f"{98 - int(''.join(str(int(ch, 36)) for ch in moved)) % 97:02d}"


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97 == 1


def _bban(rng: random.Random, country: str) -> str:
    length, letters = IBAN_SPECS[country]
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(letters)) + "".join(
        rng.choice(string.digits) for _ in range(length - 4 - letters)
    )


def iban(rng: random.Random, sit: str) -> tuple[str, str, str]:
    country = rng.choice(tuple(IBAN_SPECS))
    bban = _bban(rng, country)
    value = country + _iban_check(country, bban) + bban
    if rng.random() < 0.5:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return ("iban", value, f"iban/{country}/{sit}/mod97")


def ip(rng: random.Random, sit: str, lang: str) -> tuple[str, str, str]:
    while True:
        if rng.random() < 0.7:
            value = ".".join(str(rng.randint(1, 223)) for _ in range(4))
        else:
            value = f"2a0{rng.randint(0, 9)}:" + ":".join(
                f"{rng.getrandbits(16):x}" for _ in range(7)
            )
        addr = ipaddress.ip_address(value)
        if addr.is_global:
            return ("ip", str(addr), f"ip/{lang}/{sit}/v{addr.version}")


def _tok(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def url(rng: random.Random, sit: str, lang: str) -> tuple[str, str, str]:
    host = rng.choice(
        ("files.example.org", "share.cloudbox.io", "api.shopdesk.com", "cdn.tickets.eu")
    )
    detail, value = rng.choice(
        (
            (
                "token",
                f"https://{host}/download?id={rng.randint(1000, 99999)}&token={_tok(rng, 32)}",
            ),
            ("api-key", f"https://{host}/v2/export?api_key={_tok(rng, 28)}"),
            ("share", f"https://{host}/s/{_tok(rng, 24)}/"),
            ("credentials", f"https://svc-{rng.randint(1, 99)}:{_tok(rng, 14)}@{host}/dav/"),
            (
                "signature",
                f"https://{host}/r/{rng.randint(100, 999)}.pdf?exp=1767225600&sig={_tok(rng, 40)}",
            ),
            (
                "s3",
                f"https://{host}/bucket/scan.pdf?X-Amz-Date=20261201T000000Z&X-Amz-Signature="
                f"{''.join(rng.choice('0123456789abcdef') for _ in range(64))}",
            ),
        )
    )
    return ("url", value, f"url/{lang}/{sit}/{detail}")


# --- decoys --------------------------------------------------------------------------------------


def _phone_like(value: str) -> bool:
    if sum(ch.isdigit() for ch in value) < 5:
        return False
    for region in REGIONS:
        try:
            num = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return True
    return False


def _luhn_runs(value: str) -> bool:
    import re

    runs = {*re.findall(r"\d+", value), re.sub(r"[ -]", "", value)}
    return any(r.isdigit() and 13 <= len(r) <= 19 and luhn_ok(r) for r in runs)


def _make_decoy(rng: random.Random, sort: str) -> str:
    d = string.digits
    if sort == "order":
        return f"ORD-{rng.randint(10000, 99999)}-{rng.randint(10, 99)}"
    if sort == "tracking":
        tail = "".join(rng.choice(d) for _ in range(8))
        return f"1Z{_tok(rng, 6).upper()}{rng.randint(10, 99)}{tail}"
    if sort == "price":
        return (
            rng.choice(("€", "£", "CHF ", "$")) + f"{rng.randint(5, 2999)}.{rng.randint(0, 99):02d}"
        )
    if sort == "date":
        return f"{rng.randint(2024, 2027)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if sort == "version":
        return f"v{rng.randint(1, 19)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}"
    if sort == "product":
        return rng.choice(
            (
                "Galaxy Tab S9",
                "ThinkPad X1 Carbon",
                "Kindle Paperwhite",
                "Vitamix A3500",
                "Dyson V15",
            )
        )
    if sort == "street":
        return rng.choice(
            (
                "Nelson Mandela Avenue",
                "Rue Victor Hugo",
                "Via Giuseppe Garibaldi",
                "Avenida Simón Bolívar",
                "Goethestraße",
                "Atatürk Bulvarı",
            )
        )
    if sort == "ship":
        return rng.choice(("MV Queen Mary 2", "RV Sally Ride", "HMS Nelson", "MS Fridtjof Nansen"))
    if sort == "award":
        return rng.choice(
            ("Nobel Prize", "Pulitzer Prize", "Fields Medal", "Booker Prize", "Turing Award")
        )
    if sort == "company":
        return rng.choice(("Ford Motor Company", "Boeing", "Siemens AG", "Peugeot", "Michelin"))
    if sort == "handle":
        word = rng.choice(("moonlit", "copper", "quiet", "tidal"))
        return f"@{word}_{rng.choice(('fox', 'kettle', 'heron'))}{rng.randint(1, 99)}"
    if sort == "package":
        return (
            rng.choice(("requests", "numpy", "lodash", "serde", "rails"))
            + f"=={rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
        )
    if sort == "gift-card":
        body = "".join(rng.choice(d) for _ in range(15))
        last = str((int(_luhn_digit(body)) + rng.randint(1, 9)) % 10)
        num = body + last
        return " ".join(num[i : i + 4] for i in range(0, 16, 4))
    if sort == "iban-shaped":
        country = rng.choice(tuple(IBAN_SPECS))
        bban = _bban(rng, country)
        good = int(_iban_check(country, bban))
        bad = (good + rng.randint(1, 90)) % 97
        bad = bad if bad >= 2 else bad + 2
        if bad == good:
            bad = good + 1 if good < 98 else good - 1
        return f"{country}{bad:02d}{bban}"
    if sort == "isbn":
        body = "978" + "".join(rng.choice(d) for _ in range(9))
        check = (10 - sum(int(c) * (1 + 2 * (i % 2)) for i, c in enumerate(body)) % 10) % 10
        full = body + str(check)
        return f"ISBN {full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"
    if sort == "doi":
        year = rng.randint(2015, 2026)
        prefix = rng.randint(1000, 9999)
        return f"doi:10.{prefix}/{_tok(rng, 5).lower()}.{year}.{rng.randint(100, 999)}"
    if sort == "call-sign":
        return (
            rng.choice(("DL", "G", "F", "EA", "I", "PA", "SP", "TA"))
            + str(rng.randint(1, 9))
            + "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
        )
    raise ValueError(sort)


@cache
def _decoy_pool(sort: str) -> tuple[str, ...]:
    rng = random.Random(f"bank25/decoys/{sort}")
    out: list[str] = []
    while len(out) < 80:
        v = _make_decoy(rng, sort)
        if _luhn_runs(v):
            continue
        if sort == "iban-shaped" and mod97_ok(v):
            continue
        if sort != "date" and _phone_like(v):
            continue
        out.append(v)
    return tuple(dict.fromkeys(out))


def decoy(rng: random.Random, lang: str, sit: str, sort: str | None = None) -> tuple[str, str, str]:
    sort = sort or rng.choice(DECOY_SORTS)
    return ("decoy", rng.choice(_decoy_pool(sort)), f"decoy/{lang}/{sit}/{sort}")


# --- placement -----------------------------------------------------------------------------------


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    if not t.planted:
        return False
    spans = []
    for _, value, _ in t.planted:
        if value != value.strip() or not value:
            return False
        a = t.text.find(value)
        if a < 0 or t.text.find(value, a + 1) >= 0:
            return False
        b = a + len(value)
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


Maker = Callable[[random.Random], tuple[str, Planted]]


def _written(rng: random.Random, make: Maker, where: str) -> Text:
    for _ in range(60):
        text, planted = make(rng)
        t = Text(text, planted, where)
        if placed_ok(t):
            return t
    raise Unplaceable(text)


class Unplaceable(Exception):
    """No sound placement for this person: the conversation is written again with another."""


# --- support traffic -----------------------------------------------------------------------------

SUPPORT = "support"


def _intro(rng: random.Random, w: Who) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        hello, my_name = GREETING[w.lang.removesuffix("-Latn")]
        if w.lang.endswith("-Latn"):  # a romanising speaker writes the greeting so too
            hello, my_name = romanise(hello), romanise(my_name)
        full, pl = names(w, SUPPORT)
        tail = r.choice(("", " My order did not arrive.", " I need help with my account."))
        return f"{hello} {my_name} {full}.{tail}", pl

    return make


def _structured(w: Who, mail: str, tel: tuple[str, str, str]) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        kind = r.choice(("email", "phone", "card", "iban", "ip", "url", "both"))
        if kind == "email":
            return f"You can write to me at {mail}", [
                ("email", mail, f"email/{w.lang}/{SUPPORT}/plain")
            ]
        if kind == "phone":
            return f"Call me back on {tel[1]} please.", [tel]
        if kind == "both":
            return (
                f"Contact: {mail} / {tel[1]}",
                [("email", mail, f"email/{w.lang}/{SUPPORT}/plain"), tel],
            )
        if kind == "iban":
            v = iban(r, SUPPORT)
        else:
            v = {"card": card, "ip": ip, "url": url}[kind](r, SUPPORT, w.lang)
        lead = {
            "card": "The charge was on card",
            "iban": "Please refund to",
            "ip": "The login came from",
            "url": "Here is the link to my invoice:",
        }[kind]
        return f"{lead} {v[1]} — thanks.", [v]

    return make


def _relative(w: Who) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        rel = person(r, w.lang.removesuffix("-Latn"))
        if r.random() < 0.5 and rel.lang == w.lang:  # same family name, in its own form
            rel.base = w.base
            rel.last = family_form(w.lang.removesuffix("-Latn"), w.base, rel.female)
        kin = ("sister", "daughter", "mother") if rel.female else ("brother", "son", "father")
        who = r.choice((*kin, "neighbour", "partner"))
        full, pl = names(rel, SUPPORT)
        pl = [
            (k, v, c.replace("/given", "/relative-given").replace("/family", "/relative-family"))
            for k, v, c in pl
        ]
        tel = phone(r, rel.region, SUPPORT)
        return f"If I am not reachable, my {who} {full} can take the call: {tel[1]}.", [*pl, tel]

    return make


def _agent(rng: random.Random, w: Who) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        ag = person(r, r.choice(CORE))
        d = decoy(r, w.lang, SUPPORT)
        return (
            f"Hi {w.first}, this is {ag.first} from the support team, I am taking over. "
            f"Your history shows: {d[1]}.",
            [
                ("name", w.first, f"name/{w.lang}/{SUPPORT}/given-agent-greeting"),
                ("name", ag.first, f"name/{ag.lang}/{SUPPORT}/agent-given"),
                d,
            ],
        )

    return make


def _signoff(w: Who) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        d = decoy(r, w.lang, SUPPORT)
        return (
            f"That solved it, thank you (it was about {d[1]}).\n"
            f"{r.choice(('Cheers', 'Best', 'Thanks'))},\n{w.first}",
            [d, ("name", w.first, f"name/{w.lang}/{SUPPORT}/signoff")],
        )

    return make


def _raw(w: Who, tel: tuple[str, str, str]) -> Maker:
    def make(r: random.Random) -> tuple[str, Planted]:
        full, pl = names(w, SUPPORT)
        pl = [(k, v, c.replace("/support/", "/support-raw/")) for k, v, c in pl]
        raw_tel = (tel[0], tel[1], tel[2].replace("/support/", "/support-raw/"))
        return r.choice(
            (
                (f"Customer {full} asked for a callback on {tel[1]}.", [*pl, raw_tel]),
                (f"Resolved for {full}; refund issued.", pl),
            )
        )

    return make


def support(rng: random.Random) -> Conversation:
    while True:
        try:
            return _support(rng)
        except Unplaceable:
            continue


def _support(rng: random.Random) -> Conversation:
    w = person(rng)
    mail = email(rng, w)
    tel = phone(rng, w.region, SUPPORT)
    platform = rng.choice(("peki", "kore", "selise"))
    full = f"{w.first} {w.last}"
    profile: dict[str, Any]
    if platform == "peki":
        profile = {"firstName": w.first, "lastName": w.last, "email": mail, "phoneNumber": tel[1]}
    elif platform == "kore":
        tags = [{"name": "fullName", "value": full}, {"name": "email", "value": mail}]
        profile = {
            "tags": {"userTags": tags, "sessionTags": []},
            "channels": [{"type": "rtm", "channelUId": mail}],
        }
    else:
        profile = {"user_info": {"name": full, "email": mail, "phone": tel[1]}}
    conv = Conversation(platform, w, profile)  # type: ignore[arg-type]
    steps: list[tuple[Maker, str]] = [(_intro(rng, w), "message:user")]
    for _ in range(rng.randint(1, 3)):
        steps.append((_structured(w, mail, tel), "message:user"))
    if rng.random() < 0.6:
        steps.append((_relative(w), "message:user"))
    steps.append((_agent(rng, w), "message:agent"))
    steps.append((_signoff(w), "message:user"))
    if rng.random() < 0.6:
        steps.append((_raw(w, tel), rng.choice(("raw:summary", "raw:notes"))))
    for make, where in steps:
        conv.texts.append(_written(rng, make, where))
    return conv


# --- twenty situations ---------------------------------------------------------------------------


def _people(rng: random.Random, k: int) -> list[Who]:
    out: list[Who] = []
    while len(out) < k:
        w = person(rng)
        if all(w.first != o.first and w.last != o.last for o in out):
            out.append(w)
    return out


def _sit(sit: str, rng: random.Random, ws: list[Who]) -> tuple[str, Planted]:
    pl: Planted = []

    def nm(w: Who, form: str = "plain") -> str:
        text, p = names(w, sit, form)
        pl.extend(p)
        return text

    def v(item: tuple[str, str, str]) -> str:
        pl.append(item)
        return item[1]

    def mail(w: Who) -> str:
        return v(("email", email(rng, w), f"email/{w.lang}/{sit}/plain"))

    def tel(w: Who) -> str:
        return v(phone(rng, w.region, sit))

    def dec(sort: str | None = None) -> str:
        return v(decoy(rng, ws[0].lang, sit, sort))

    a, b, c = ws[0], ws[1], ws[2]
    if sit == "matrix-log":
        text = (
            f"[{dec('date')} 09:14] <@u{rng.randint(1000, 9999)}:matrix.org> "
            f"{nm(a)} joined the room\n"
            f"[09:15] <{nm(b)}> welcome! ping me at {mail(b)}\n"
            f"[09:17] * {c.first} shared {v(url(rng, sit, ws[0].lang))}"
        )
        pl.append(("name", c.first, f"name/{c.lang}/{sit}/given-action"))
        return text, pl
    if sit == "recipe":
        return (
            f"Grandma's stew — recipe by {nm(a)}, adapted by {nm(b)}.\nServes 4. "
            f"Pot used: {dec('product')}. Questions: {mail(a)}",
            pl,
        )
    if sit == "volunteer-roster":
        lines = [f"{nm(w, 'comma')}\t{tel(w)}\tSat 08:00-12:00" for w in ws]
        return "Food bank volunteers — week of " + dec("date") + "\n" + "\n".join(lines), pl
    if sit == "report-card":
        if rng.random() < 0.4:
            return (
                f"Boletín de calificaciones — alumno: {nm(a, 'upper')}\nTutor/a: {nm(b)}\n"
                f"Contacto familia: {tel(c)}\nRef. {dec('order')}",
                pl,
            )
        return (
            f"End-of-term report\nPupil: {nm(a, 'upper')}\nForm tutor: {nm(b)}\n"
            f"Maths: B+  English: A\nParent contact: {mail(c)}",
            pl,
        )
    if sit == "backers":
        if rng.random() < 0.3:
            head = "Destekçiler listesi"
        else:
            head = "Kickstarter backers (reward tier / pledge)"
        rows = [f"{nm(w)} — {dec('price') if i == 0 else 'Early bird'}" for i, w in enumerate(ws)]
        return head + "\n" + "\n".join(rows) + f"\nReceipts to {mail(a)}", pl
    if sit == "nomination":
        return (
            f"Nomination for the {dec('award')}: I nominate {nm(a)} for outstanding service. "
            f"Nominated by {nm(b)} ({mail(b)}, {tel(b)}).",
            pl,
        )
    if sit == "seating-chart":
        return (
            f"Table 1: {nm(a)}, {nm(b)}\nTable 2: {nm(c)}\n"
            f"Venue: {dec('street')} — dietary questions to {mail(c)}",
            pl,
        )
    if sit == "agent-blurb":
        return (
            f"Your agent {nm(a)} has sold 40 homes on {dec('street')}. Direct line {tel(a)}, "
            f"e-mail {mail(a)}. Viewing requested by {nm(b)}.",
            pl,
        )
    if sit == "club-members":
        head = "Ledenlijst tennisclub" if rng.random() < 0.3 else "Rowing club members 2026"
        rows = [f"{i + 1}. {nm(w, 'upper')}  {tel(w)}" for i, w in enumerate(ws)]
        return head + "\n" + "\n".join(rows) + f"\nDues: {dec('price')}", pl
    if sit == "choir-roster":
        head = "Coro parrocchiale — elenco" if rng.random() < 0.3 else "Choir roster"
        return (
            f"{head}\nSoprano: {nm(a)}\nAlto: {nm(b)}\nTenor: {nm(c)}\n"
            f"Librarian: {mail(a)} — score {dec('isbn')}",
            pl,
        )
    if sit == "church-register":
        if rng.random() < 0.3:
            return (
                f"Księga chrztów, nr {rng.randint(10, 99)}, data {dec('date')}: "
                f"dziecko {nm(a, 'upper')}; "
                f"chrzestni: {nm(b)}, {nm(c)}",
                pl,
            )
        return (
            f"Baptism register, entry {rng.randint(10, 99)}: {nm(a, 'upper')}, "
            f"baptised {dec('date')}. "
            f"Godparents: {nm(b)}; {nm(c)}",
            pl,
        )
    if sit == "orcid":
        return (
            f'{{"orcid-identifier": "0000-000{rng.randint(1, 3)}-{rng.randint(1000, 9999)}-'
            f'{rng.randint(100, 999)}X", '
            f'"given-names": "{a.first}", "family-name": "{a.last}", "email": "{mail(a)}", '
            f'"works": [{{"doi": "{dec("doi")}"}}]}}',
            [
                *pl,
                ("name", a.first, f"name/{a.lang}/{sit}/given"),
                ("name", a.last, f"name/{a.lang}/{sit}/family"),
            ],
        )
    if sit == "crash-report":
        return (
            f"Crash report {dec('version')}\naccount: {mail(a)}\ndisplay_name: {nm(a)}\n"
            f"client_ip: {v(ip(rng, sit, ws[0].lang))}\nNullPointerException at ProfileView.render",
            pl,
        )
    if sit == "patch-mail":
        return (
            f"From: {nm(a)} <{mail(a)}>\nSubject: [PATCH {dec('version')}] net: fix leak\n\n"
            f"Signed-off-by: {nm(b)} <{mail(b)}>\nReviewed-by: {nm(c)}",
            pl,
        )
    if sit == "list-digest":
        return (
            f"Today's Topics:\n  1. Re: meeting (by {nm(a)})\n"
            f"  2. Re: build fails with {dec('package')}\n"
            f"Message: 1\nFrom: {mail(b)}\n> {b.first} wrote: see you there",
            [*pl, ("name", b.first, f"name/{b.lang}/{sit}/quoted-given")],
        )
    if sit == "mailman":
        rows = [f"{mail(w)} ({nm(w)})" for w in ws]
        return "Mailman subscribers of residents-list:\n" + "\n".join(rows), pl
    if sit == "hackathon":
        return (
            f"Team {dec('handle')} — members: {nm(a)} (lead, {tel(a)}), {nm(b)}, {nm(c)}\n"
            f"Repo: {v(url(rng, sit, ws[0].lang))}",
            pl,
        )
    if sit == "car-pool":
        head = "Boleia partilhada" if rng.random() < 0.3 else "Car-pool sign-up"
        return (
            f"{head}: driver {nm(a)}, {tel(a)}; seats: {nm(b)}, {nm(c)}. Meet at {dec('street')}.",
            pl,
        )
    if sit == "tenant-notice":
        if rng.random() < 0.4:
            return (
                f"Mitteilung an die Mieter: Am {dec('date')} wird das Wasser abgestellt. "
                f"Hausverwaltung: {nm(a)}, Tel. {tel(a)}, {mail(a)}",
                pl,
            )
        return (
            f"Notice to tenants: water shut-off on {dec('date')}. Building manager {nm(a)}, "
            f"{tel(a)}. Rent to {v(iban(rng, sit))}.",
            pl,
        )
    # work-order
    if rng.random() < 0.4:
        return (
            f"Bon d'intervention {dec('order')}\nClient : {nm(a, 'upper')}\nTél. : {tel(a)}\n"
            f"Plombier : {nm(b)}\nRèglement carte {v(card(rng, sit, ws[0].lang))}",
            pl,
        )
    return (
        f"Work order {dec('order')}\nCustomer: {nm(a, 'comma')}\nPhone: {tel(a)}\n"
        f"Plumber: {nm(b)}\nPaid by card {v(card(rng, sit, ws[0].lang))}",
        pl,
    )


def situation(rng: random.Random) -> Conversation:
    sit = rng.choice(SITUATIONS)
    t = _written(rng, lambda r: _sit(sit, r, _people(r, 3)), "message:user")
    conv = Conversation("selise", None, {})  # type: ignore[arg-type]
    conv.texts.append(t)
    return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    rng = random.Random(f"held-out/25/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        # about 30 % of the texts: a support conversation holds six or so, a situation one
        conv = situation(rng) if rng.random() < 0.73 else support(rng)
        conv.texts = conv.texts[: n - count]
        out.append(conv)
        count += len(conv.texts)
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 20000
    texts = [t for c in corpus(n, 1) for t in c.texts]
    kinds = Counter(k for t in texts for k, _, _ in t.planted)
    classes = Counter(c for t in texts for _, _, c in t.planted)
    langs = Counter(c.split("/")[1] for t in texts for k, _, c in t.planted if k == "name")
    print(f"{len(texts)} texts")
    print("by kind:", dict(sorted(kinds.items())))
    print("by language (names):", dict(sorted(langs.items())))
    for cls, k in sorted(classes.items()):
        print(f"{k:7d}  {cls}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
