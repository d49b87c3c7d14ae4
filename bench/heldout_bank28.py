"""Held-out bank 28 for the masking benchmark, written apart from the detectors.

What it holds: conversations of thirty name languages (the nine product languages, twelve new
ones in Latin letters: Livvi-Karelian, Makhuwa, Nuer, Samogitian, Niuean, Tokelauan, Palauan,
Chuukese, Saramaccan, Miskito, Kaqchikel and Lakota, and nine in Cyrillic: Nivkh, Nanai, Ulch,
Udege, Koryak, Itelmen, Selkup, Ket and Rusyn, a third of whose speakers write their names
romanised, class tag ``<lang>-Latn``). About 70 % of the texts are support traffic on the three
platforms (a customer introduces themselves in their language, gives e-mail, phone, card, IBAN,
IP or a URL with a secret, mentions a relative with a number, a human agent takes over, the
customer signs off with their first name, and the session record's free-text fields name them
again); about 30 % are twenty situations: wedding seating cards, jury summons replies,
translation credits, wiki page histories, Gerrit review logs, package maintainer lists, app store
developer responses, baptism certificates in Latin, school bus rosters, exam seat plans,
swim-meet heat sheets, ski-school groups, climbing-gym belay certifications, blood-bank
appointment slips, polling-station staff lists, hackerspace door logs, coworking desk bookings,
car-share key handovers, pawn-shop tickets and radio dedications.

What counts as personal: each given and family name token of a person (planted alone, in
CAPITALS or as ``Last, First`` where the format writes them so), e-mail addresses, phone numbers
valid for their region (national, international, E.164, with extensions, and possible but
unassigned international numbers), cards passing Luhn in real IIN ranges, IBANs passing mod-97
at their country's length, global IPv4/IPv6 addresses and URLs carrying a secret. Decoys (kind
``decoy``) are not personal: order numbers, tracking codes, prices, dates, versions, product
names, streets, ships and awards named after people, handles, package specifiers, gift cards
failing Luhn, IBAN-shaped strings failing mod-97, ISBNs, DOIs, call signs and room codes.

Placement: every planted value occurs exactly once in its text as a whole value, apart from
letters and digits around it, without overlapping another; every text plants at least one
value. A text breaking this is written again with other picks.

Class tags: ``<kind>/<lang or region>/<situation>/<detail>``.

    python -m bench.heldout_bank28 20000   # what it plants, by kind, class and language
"""

from __future__ import annotations

import random
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from typing import Any

import phonenumbers

from bench.heldout_bank28_names import (
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
from bench.heldout_corpus import Conversation, Text

LANGS = (*CORE, *LATIN_NEW, *SCRIPT_NEW)
REGIONS = tuple(dict.fromkeys(REGION.values()))
DECOY_SORTS = (
    "order", "tracking", "price", "date", "version", "product", "street", "ship", "award",
    "handle", "package", "gift-card", "iban-shaped", "isbn", "doi", "call-sign", "room",
)  # fmt: skip

_GREET = {
    "en": ("Hello, I'm", "Thanks"), "de": ("Guten Tag, ich bin", "Danke"),
    "fr": ("Bonjour, je suis", "Merci"), "es": ("Hola, soy", "Gracias"),
    "it": ("Buongiorno, sono", "Grazie"), "pt": ("Olá, sou", "Obrigado"),
    "tr": ("Merhaba, ben", "Teşekkürler"), "nl": ("Hallo, ik ben", "Bedankt"),
    "pl": ("Dzień dobry, nazywam się", "Dziękuję"), "olo": ("Terveh, minä olen", "Passibo"),
    "vmw": ("Salama, miyo ki", "Koxukhuru"), "nus": ("Maale, ɣän ɛ", "Thoaliikä"),
    "sgs": ("Svēkė, aš esu", "Dekou"), "niu": ("Fakaalofa lahi atu, ko au ko", "Fakaaue"),
    "tkl": ("Malo ni, ko au ko", "Fakafetai"), "pau": ("Alii, ngak a", "Sulang"),
    "chk": ("Ran annim, iei i", "Kinisou"), "srm": ("Fa i tan, mi da", "Gaantangi"),
    "miq": ("Naksa, yang", "Tingki pali"), "cak": ("Xseqër, rin yin", "Matyox"),
    "lkt": ("Háu kola, miyé", "Philámayaye"), "rue": ("Добрый день, я", "Дякую"),
}  # fmt: skip
_RU = ("Здравствуйте, я", "Спасибо")


# --- values ----------------------------------------------------------------------------------


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ı", "i").replace("ł", "l"))
    return re.sub(r"[^a-z]", "", s.encode("ascii", "ignore").decode().lower())


class Person:
    def __init__(self, rng: random.Random, lang: str | None = None) -> None:
        self.lang = lang or rng.choice(LANGS)
        roman = self.lang in SCRIPT_NEW and rng.random() < 1 / 3
        names = ROMAN[self.lang] if roman else NAMES[self.lang]
        self.tag = f"{self.lang}-Latn" if roman else self.lang
        i = rng.randrange(len(names[0]))
        self.given = names[0][i]
        female = NAMES[self.lang][0][i] in FEMALE.get(self.lang, set())
        self.family = family_form(self.lang, rng.choice(names[1]), female)
        self.region = REGION[self.lang]
        g, f = _ascii(self.given), _ascii(self.family)
        if self.lang in SCRIPT_NEW and not roman:  # addresses are written in Latin letters
            g, f = _ascii(ROMAN[self.lang][0][i]), _ascii(romanise(self.family))
        local = rng.choice((f"{g}.{f}", f"{g[0]}{f}", f"{f}.{g}{rng.randint(1, 99)}", f"{g}_{f}"))
        dom = rng.choice(
            ("mail.example", "post.example.org", "inbox.example.net", "webmail.example")
        )
        self.email = f"{local}@{dom}"


def _valid(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    types = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
    for kind in rng.sample(types, 2):
        ex = phonenumbers.example_number_for_type(region, kind)
        if ex is None:
            continue
        nsn = phonenumbers.national_significant_number(ex)
        for _ in range(100):
            keep = rng.randint(2, 4)
            cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
            num = phonenumbers.parse(f"+{ex.country_code}{cand}")
            if phonenumbers.is_valid_number(num) and (
                phonenumbers.region_code_for_number(num) == region
            ):
                return num
        return ex
    return phonenumbers.example_number(region)


@cache
def _unassigned_ok(region: str) -> bool:
    r = random.Random(region)
    return _unassigned(r, region) is not None


def _unassigned(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    cc = phonenumbers.country_code_for_region(region)
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if ex is None:
        return None
    n = len(phonenumbers.national_significant_number(ex))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{cand}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def phone(rng: random.Random, region: str) -> tuple[str, str]:
    """(written, detail) of a number of ``region``."""
    fmt = phonenumbers.PhoneNumberFormat
    roll = rng.random()
    if roll < 0.12 and _unassigned_ok(region):
        num = _unassigned(rng, region)
        if num is not None:
            return phonenumbers.format_number(num, fmt.INTERNATIONAL), "intl-possible-unassigned"
    num = _valid(rng, region)
    if roll < 0.45:
        return phonenumbers.format_number(num, fmt.NATIONAL), "national"
    if roll < 0.7:
        return phonenumbers.format_number(num, fmt.INTERNATIONAL), "intl"
    if roll < 0.88:
        return phonenumbers.format_number(num, fmt.E164), "e164"
    ext = rng.randint(10, 4999)
    return f"{phonenumbers.format_number(num, fmt.INTERNATIONAL)} ext. {ext}", "intl-ext"


def luhn_ok(number: str) -> bool:
    total = 0
    for i, d in enumerate(int(ch) for ch in reversed(number)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _luhn(body: str) -> str:
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


def card(rng: random.Random) -> str:
    prefix, length = rng.choice(
        (("4", 16), ("5" + str(rng.randint(1, 5)), 16), (str(rng.randint(2221, 2720)), 16),
         ("6011", 16), ("35" + str(rng.randint(28, 89)), 16), ("3" + rng.choice("47"), 15))
    )  # fmt: skip
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    num = _luhn(body)
    sep = rng.choice(("", " ", "-"))
    groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
    out, i = [], 0
    for g in groups:
        out.append(num[i : i + g])
        i += g
    return sep.join(out)


_IBAN = {
    "GB": "4a14n", "DE": "18n", "FR": "23n", "ES": "20n", "IT": "1a22n", "PT": "21n",
    "TR": "22n", "NL": "4a10n", "PL": "24n", "BE": "12n", "AT": "16n", "SE": "20n",
}  # fmt: skip


def _bban(rng: random.Random, spec: str) -> str:
    out = ""
    for n, t in re.findall(r"(\d+)([an])", spec):
        pool = string.ascii_uppercase if t == "a" else string.digits
        out += "".join(rng.choice(pool) for _ in range(int(n)))
    return out


def mod97_ok(value: str) -> bool:
    s = value.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def iban(rng: random.Random, *, valid: bool = True) -> tuple[str, str]:
    cc = rng.choice(tuple(_IBAN))
    bban = _bban(rng, _IBAN[cc])
    value = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    check = 98 - value % 97
    if not valid:
        check = (check + rng.randint(1, 90)) % 100
        if mod97_ok(f"{cc}{check:02d}{bban}"):
            check = (check + 1) % 100
    compact = f"{cc}{check:02d}{bban}"
    if rng.random() < 0.5:
        return compact, cc
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4)), cc


def ip(rng: random.Random) -> str:
    if rng.random() < 0.65:
        first = rng.choice((5, 31, 46, 62, 78, 85, 93, 109, 176, 185, 195, 213))
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    head = rng.choice(("2a02", "2a01", "2001:67c", "2a00", "2c0f", "2804"))
    rest = ":".join(f"{rng.getrandbits(16):x}" for _ in range(3))
    return f"{head}:{rest}::{rng.randint(1, 0xFFFF):x}"


def _tok(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def secret_url(rng: random.Random) -> str:
    host = rng.choice(("files.club.example", "book.desk.example", "kiosk.radio.example"))
    t = _tok(rng, rng.randint(22, 36))
    return rng.choice(
        (
            f"https://{host}/confirm?token={t}",
            f"https://{host}/v2/feed?api_key={t}",
            f"https://{host}/s/{t}/",
            f"https://svc-{rng.randint(10, 999)}:{t[:12]}@{host}/export",
            f"https://{host}/dl/list.pdf?exp=1767225600&sig={t}",
            f"https://{host}/o/scan.pdf?X-Amz-Signature={t}",
        )
    )


# --- decoys ------------------------------------------------------------------------------------


@cache
def _phone_like(value: str) -> bool:
    for region in REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _decoy_ok(value: str, sort: str) -> bool:
    for run in {*re.findall(r"\d+", value), re.sub(r"[ -]", "", value)}:
        if run.isdigit() and 13 <= len(run) <= 19 and luhn_ok(run):
            return False
    compact = value.replace(" ", "")
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact) and mod97_ok(compact):
        return False
    return sort == "date" or sum(c.isdigit() for c in value) < 5 or not _phone_like(value)


def _decoy_value(rng: random.Random, sort: str) -> str:
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    if sort == "order":
        return f"ORD-{d(4)}-{rng.choice(string.ascii_uppercase)}{d(2)}"
    if sort == "tracking":
        return f"1Z{_tok(rng, 6).upper()}{d(8)}"
    if sort == "price":
        return f"€{rng.randint(3, 900)},{d(2)}"
    if sort == "date":
        return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{rng.randint(20, 27)}"
    if sort == "version":
        return f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}"
    if sort == "product":
        return rng.choice(("Lumo Kettle K2", "Pixo Air 7", "Nordvik Desk Lamp", "Tarro Mini"))
    if sort == "street":
        return rng.choice(("Baker Street", "Rue Victor Hugo", "Calle Cervantes", "Goethestraße"))
    if sort == "ship":
        return rng.choice(("MV Princess Anne", "MS Queen Mary", "SS Fridtjof Nansen"))
    if sort == "award":
        return rng.choice(("Nobel Prize", "Pulitzer Prize", "Marie Curie Fellowship"))
    if sort == "handle":
        return "@" + rng.choice(("deskbot", "club_admin", "radio_desk", "gymcrew")) + d(2)
    if sort == "package":
        return (
            rng.choice(("requests", "numpy", "left-pad", "serde")) + f"=={rng.randint(1, 9)}.{d(1)}"
        )
    if sort == "gift-card":
        body = d(16)
        while luhn_ok(body):
            body = d(16)
        return " ".join(body[i : i + 4] for i in range(0, 16, 4))
    if sort == "iban-shaped":
        return iban(rng, valid=False)[0]
    if sort == "isbn":
        return f"ISBN 978-{rng.randint(0, 9)}-{d(3)}-{d(5)}-{rng.randint(0, 9)}"
    if sort == "doi":
        return f"doi:10.{d(4)}/{_tok(rng, 6).lower()}"
    if sort == "call-sign":
        return (
            rng.choice(("DL", "G", "F", "EA", "SP", "TA"))
            + str(rng.randint(1, 9))
            + "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
        )
    return f"Room {rng.choice('ABC')}-{rng.randint(100, 499)}"


def decoy(rng: random.Random, tag: str, sit: str) -> tuple[str, str]:
    sort = rng.choice(DECOY_SORTS)
    for _ in range(50):
        value = _decoy_value(rng, sort)
        if _decoy_ok(value, sort):
            return value, f"decoy/{tag}/{sit}/{sort}"
    raise AssertionError(sort)


# --- building texts ----------------------------------------------------------------------------


def _word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def placed_ok(t: Text) -> bool:
    if not t.planted:
        return False
    spans = []
    for _, value, _ in t.planted:
        hits = [i for i in range(len(t.text)) if t.text.startswith(value, i)]
        if len(hits) != 1 or value != value.strip():
            return False
        a, b = hits[0], hits[0] + len(value)
        if (a > 0 and _word(t.text[a - 1])) or (b < len(t.text) and _word(t.text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(a2 >= b1 for (_, b1), (a2, _) in pairwise(spans))


class B:
    """Collects what a text plants while its frame is written."""

    def __init__(self, rng: random.Random, sit: str) -> None:
        self.rng, self.sit, self.planted = rng, sit, []

    def put(self, kind: str, value: str, cls: str) -> str:
        self.planted.append((kind, value, cls))
        return value

    def given(self, p: Person, upper: bool = False, d: str = "given") -> str:
        v = p.given.upper() if upper else p.given
        return self.put("name", v, f"name/{p.tag}/{self.sit}/{d}{'-upper' if upper else ''}")

    def family(self, p: Person, upper: bool = False, d: str = "family") -> str:
        v = p.family.upper() if upper else p.family
        return self.put("name", v, f"name/{p.tag}/{self.sit}/{d}{'-upper' if upper else ''}")

    def full(self, p: Person, upper: bool = False) -> str:
        return f"{self.given(p, upper)} {self.family(p, upper)}"

    def last_first(self, p: Person) -> str:
        return f"{self.family(p, d='last-first-family')}, {self.given(p, d='last-first-given')}"

    def email(self, p: Person) -> str:
        return self.put("email", p.email, f"email/{p.tag}/{self.sit}/address")

    def phone(self, p: Person) -> str:
        value, detail = phone(self.rng, p.region)
        return self.put("phone", value, f"phone/{p.region}/{self.sit}/{detail}")

    def card(self) -> str:
        return self.put("card", card(self.rng), f"card/any/{self.sit}/luhn")

    def iban(self) -> str:
        value, cc = iban(self.rng)
        return self.put("iban", value, f"iban/{cc}/{self.sit}/mod97")

    def ip(self) -> str:
        value = ip(self.rng)
        return self.put("ip", value, f"ip/any/{self.sit}/{'v6' if ':' in value else 'v4'}")

    def url(self) -> str:
        return self.put("url", secret_url(self.rng), f"url/any/{self.sit}/secret")

    def decoy(self, p: Person | None = None) -> str:
        value, cls = decoy(self.rng, p.tag if p else "any", self.sit)
        return self.put("decoy", value, cls)


def _people(rng: random.Random, n: int) -> list[Person]:
    return [Person(rng) for _ in range(n)]


# --- the twenty situations ------------------------------------------------------------------


def s_wedding(b: B) -> str:
    g = _people(b.rng, 3)
    return (
        f"Table 4 — Rose Garden\n{b.full(g[0])}\n{b.full(g[1])}\n"
        f"Plus one: {b.given(g[2])}\nDietary: vegetarian ({b.decoy(g[0])})"
    )


def s_jury(b: B) -> str:
    p = Person(b.rng)
    return (
        f"Re: Jury summons {b.decoy(p)}\nJuror: {b.family(p, upper=True)}, "
        f"{b.given(p, upper=True)}\nI request deferral. Reach me at {b.phone(p)} or "
        f"{b.email(p)}.\n{b.given(p, d='sign-given')}"
    )


def s_translation(b: B) -> str:
    a, t = _people(b.rng, 2)
    return (
        f"Translated from the Nuer by {b.full(t)}\nOriginal text © {b.full(a)}\n"
        f"{b.decoy(a)}\nTranslator contact: {b.email(t)}"
    )


def s_wiki(b: B) -> str:
    a, c = _people(b.rng, 2)
    return (
        f"(cur | prev) 14:02, 3 May 2026 {b.given(a)} {b.family(a)} (talk | contribs) m "
        f"(+212) fixed infobox\n(cur | prev) 09:11, 1 May 2026 {b.ip()} (talk) "
        f"(-40) undid edit by {b.full(c)}"
    )


def s_gerrit(b: B) -> str:
    a, r = _people(b.rng, 2)
    return (
        f"Change 48211 ({b.decoy(a)})\nOwner: {b.full(a)} <{b.email(a)}>\n"
        f"Code-Review+2 {b.full(r)}\nVerified+1 CI bot"
    )


def s_maintainers(b: B) -> str:
    m = _people(b.rng, 3)
    return (
        f"Maintainers:\n  {b.full(m[0])} <{b.email(m[0])}>\n  {b.full(m[1])}\n"
        f"Uploaders: {b.last_first(m[2])}\nDepends: {b.decoy()}"
    )


def s_appstore(b: B) -> str:
    u, dev = _people(b.rng, 2)
    return (
        f"★★☆☆☆ by {b.given(u)} {b.family(u)}: crashes after update.\n"
        f"Developer response: Hi there, sorry! Please send the log "
        f"to {b.email(dev)} — {b.given(dev, d='dev-given')} from support. Fixed in "
        f"{b.decoy()}."
    )


def s_baptism(b: B) -> str:
    c, f, m, g = _people(b.rng, 4)
    return (
        f"Anno Domini 2026, die 12 mensis Aprilis, baptizatus est {b.given(c)} "
        f"{b.family(c)}, filius {b.full(f)} et {b.full(m)}. Patrinus fuit "
        f"{b.given(g)} {b.family(g, upper=True)}."
    )


def s_bus(b: B) -> str:
    k = _people(b.rng, 3)
    return (
        f"Bus 7 — morning route\nStop 3: {b.last_first(k[0])} (guardian {b.phone(k[0])})\n"
        f"Stop 5: {b.full(k[1])}\nStop 6: {b.full(k[2])}"
    )


def s_exam(b: B) -> str:
    k = _people(b.rng, 3)
    return (
        f"Salle {b.decoy()} — Examen de mathématiques\nA1 {b.family(k[0], upper=True)} "
        f"{b.given(k[0])}\nA2 {b.family(k[1], upper=True)} {b.given(k[1])}\n"
        f"A3 {b.family(k[2], upper=True)} {b.given(k[2])}"
    )


def s_swim(b: B) -> str:
    k = _people(b.rng, 3)
    return (
        f"Event 12 Girls 100 LC Meter Free — Heat 2\nLane 3 {b.last_first(k[0])} 1:05.22\n"
        f"Lane 4 {b.last_first(k[1])} 1:04.80\nLane 5 {b.full(k[2])} NT"
    )


def s_ski(b: B) -> str:
    k, i = _people(b.rng, 2)
    return (
        f"Skischule Gruppe Blau — Lehrer: {b.full(i)}, Tel. {b.phone(i)}\n"
        f"Kind: {b.full(k)}\nTreffpunkt: Talstation, {b.decoy()}"
    )


def s_belay(b: B) -> str:
    p, s = _people(b.rng, 2)
    return (
        f"BELAY CERTIFICATION — top rope\nClimber: {b.full(p)}\nEmail: {b.email(p)}\n"
        f"Tested by: {b.given(s)} {b.family(s)}\nCard on file: {b.card()}"
    )


def s_bloodbank(b: B) -> str:
    p = Person(b.rng)
    return (
        f"Cita de donación\nDonante: {b.family(p)}, {b.given(p)}\nTel.: {b.phone(p)}\n"
        f"Para cancelar: {b.url()}"
    )


def s_polling(b: B) -> str:
    k = _people(b.rng, 3)
    return (
        f"Polling station 14 — staff\nPresiding officer: {b.full(k[0])} {b.phone(k[0])}\n"
        f"Poll clerk: {b.full(k[1])}\nPoll clerk: {b.last_first(k[2])}"
    )


def s_door(b: B) -> str:
    a, c = _people(b.rng, 2)
    return (
        f'2026-05-03T21:14:09Z door=front badge=0x3f2a user="{b.full(a)}" '
        f'src={b.ip()} result=open\n2026-05-03T21:20:41Z door=lab user="{b.full(c)}" '
        f"result=denied"
    )


def s_desk(b: B) -> str:
    p = Person(b.rng)
    return (
        f"Boeking bevestigd: bureau D-12 voor {b.full(p)}\nFactuur IBAN {b.iban()}\n"
        f"Wijzigen: {b.url()}"
    )


def s_carshare(b: B) -> str:
    a, c = _people(b.rng, 2)
    return (
        f"Key handover {b.decoy()}\nFrom: {b.full(a)} ({b.phone(a)})\nTo: {b.full(c)}\n"
        f"Deposit card {b.card()}"
    )


def s_pawn(b: B) -> str:
    p = Person(b.rng)
    return (
        f"PAWN TICKET\nPledgor: {b.family(p, upper=True)}, {b.given(p, upper=True)}\n"
        f"Item: gold ring\nLoan paid to {b.iban()}\nRef {b.decoy(p)}"
    )


def s_radio(b: B) -> str:
    a, c = _people(b.rng, 2)
    return (
        f"Next up, a dedication from {b.given(a)} {b.family(a)} to {b.given(c)} — happy "
        f"birthday! Text us on {b.phone(a)}."
    )


SITS: dict[str, Callable[[B], str]] = {
    "wedding-seating": s_wedding, "jury-reply": s_jury, "translation-credit": s_translation,
    "wiki-history": s_wiki, "gerrit-review": s_gerrit, "maintainer-list": s_maintainers,
    "appstore-response": s_appstore, "baptism-latin": s_baptism, "school-bus": s_bus,
    "exam-seats": s_exam, "swim-heats": s_swim, "ski-school": s_ski, "belay-cert": s_belay,
    "blood-bank": s_bloodbank, "polling-staff": s_polling, "door-log": s_door,
    "desk-booking": s_desk, "car-share": s_carshare, "pawn-ticket": s_pawn,
    "radio-dedication": s_radio,
}  # fmt: skip
SITUATIONS = tuple(SITS)


def _make(rng: random.Random, sit: str, write: Callable[[B], str], where: str) -> Text:
    for _ in range(50):
        b = B(rng, sit)
        t = Text(write(b), b.planted, where)
        if placed_ok(t):
            return t
    raise AssertionError(sit)


# --- support traffic -------------------------------------------------------------------------


def _support(rng: random.Random) -> Conversation:
    for _ in range(50):
        try:
            return _support_once(rng)
        except AssertionError:
            continue  # written again with other people
    raise AssertionError("support")


def _support_once(rng: random.Random) -> Conversation:
    p = Person(rng)
    hello, thanks = _GREET.get(p.lang, _RU)
    platform = rng.choice(("peki", "kore", "selise"))
    if platform == "peki":
        profile: dict[str, Any] = {"firstName": p.given, "lastName": p.family, "email": p.email}
    elif platform == "kore":
        tags = [{"name": "fullName", "value": f"{p.given} {p.family}"},
                {"name": "email", "value": p.email}]  # fmt: skip
        profile = {"tags": {"userTags": tags, "sessionTags": []}}
    else:
        profile = {"user_info": {"name": f"{p.given} {p.family}", "email": p.email}}
    conv = Conversation(platform, p, profile)  # type: ignore[arg-type]
    s = "support"
    agent, rel = Person(rng), Person(rng, p.lang)
    steps: list[tuple[Callable[[B], str], str]] = [
        (lambda b: f"{hello} {b.given(p)} {b.family(p)}. {b.email(p)}", "message:user"),
        (lambda b: f"{thanks}, {b.given(p, d='echo-given')}! How can I help?", "message:bot"),
    ]
    extra = [
        lambda b: f"My number is {b.phone(p)}.",
        lambda b: f"Card: {b.card()}",
        lambda b: f"Please refund to {b.iban()}",
        lambda b: f"My router shows {b.ip()}",
        lambda b: f"The link I got: {b.url()}",
        lambda b: f"My sister {b.given(rel)} {b.family(rel)} can be reached on {b.phone(rel)}.",
        lambda b: f"Order {b.decoy(p)} still not here. {b.given(p, d='sign-given')}",
    ]
    for fn in rng.sample(extra, rng.randint(2, 4)):
        steps.append((fn, "message:user"))
    steps.append(
        (lambda b: f"Hi, {b.full(agent)} here, I'm taking over your case.", "message:agent")
    )
    steps.append((lambda b: f"{thanks}! — {b.given(p, d='sign-given')}", "message:user"))
    for fn, where in steps:
        conv.texts.append(_make(rng, s, fn, where))
    if rng.random() < 0.6:
        raw = rng.choice(
            (
                lambda b: f"Caller {b.last_first(p)} — asked for callback {b.phone(p)}",
                lambda b: f"{b.given(p)} satisfied, closed by {b.given(agent)}",
                lambda b: f"VIP;{b.email(p)};{b.family(p, upper=True)}",
            )
        )
        conv.texts.append(_make(rng, "support-raw", raw, "raw:summary"))
    return conv


def _situated(rng: random.Random) -> Conversation:
    sit = rng.choice(SITUATIONS)
    t = _make(rng, sit, SITS[sit], "message:user")
    return Conversation(rng.choice(("peki", "kore", "selise")), Person(rng), {}, [t])  # type: ignore[arg-type]


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding exactly ``n`` texts, the same for the same seed."""
    rng = random.Random(f"held-out-28/{seed}")
    out: list[Conversation] = []
    count = 0
    situated = 0
    while count < n:
        if situated < 0.3 * max(count, 1):
            conv = _situated(rng)
            situated += len(conv.texts)
        else:
            conv = _support(rng)
        conv.texts = conv.texts[: n - count]
        out.append(conv)
        count += len(conv.texts)
    return out


def _report(n: int) -> None:
    texts = [t for c in corpus(n, 1) for t in c.texts]
    planted = [(k, c) for t in texts for k, _, c in t.planted]
    print(f"{len(texts)} texts, {len(planted)} planted values")
    print("by kind:", dict(Counter(k for k, _ in planted).most_common()))
    print("by language (names):")
    for lang, k in Counter(c.split("/")[1] for kd, c in planted if kd == "name").most_common():
        print(f"  {lang:10} {k}")
    print("by class:")
    for cls, k in sorted(Counter(c for _, c in planted).items()):
        print(f"  {cls:60} {k}")


if __name__ == "__main__":
    _report(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
