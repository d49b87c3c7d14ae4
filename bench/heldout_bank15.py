"""Held-out bank 15 for the masking evaluation, written from the scoring interface alone.

``corpus(n, seed)`` gives conversations holding exactly ``n`` texts, deterministic for
``(n, seed)``. About 70 % of texts are ordinary support traffic (customers, bots and human
agents in banking, telecom, travel, health, retail, public services, insurance, utilities and
education) in 17 languages: English, German, French, Spanish, Italian, Portuguese, Turkish,
Dutch, Polish, Swedish, Czech, Romanian, Vietnamese, Indonesian, Greek (Greek script and Latin
transliteration), Arabic (Arabizi chat with names in Arabic script or Latin) and Hindi
(Hinglish with names in Devanagari or Latin). Values sit at line starts, in signatures, after
punctuation, inside bot JSON, in free-text fields of the session record (``raw:feedback``,
``raw:notes``, ``raw:summary``, ``raw:tags``), in greetings, sign-offs and self-introductions,
and as third persons (relatives, colleagues, agents). The rest are situations of their own
(``SPECIAL``): SMS abbreviations, OCR'd receipts, ``key=value`` form dumps, CSV rows, log
lines, quoted replies, emoji-laden text, code-switching within a sentence, spelled-out phone
numbers, URL-encoded values, HTML snippets, bank-transfer remittance lines and out-of-office
auto-replies.

Classes are ``kind/<lang or country>/<situation>[-form]``: phones carry the country
(``phone/DE/support-national``), everything else the language. Decoys (kind ``decoy``) have
one class per sort (``decoy/de/order-number``, ``decoy/fr/street-after-person``, ...).

What counts as personal here (decided before any scoring):

- a person's full name, and a first name alone when it names a person (greeting, sign-off,
  self-introduction, agent, relative); a diminutive a person signs with ("Gosia") is a name;
  a name in native script and its transliteration are both names; a name reversed ("Weißgerber
  Jürgen") or URL-encoded (``J%C3%BCrgen``) is still a name, planted as written;
- a human agent's name is personal (an employee is a person); a bot persona's name and a
  brand's social handle are not (decoys); streets, companies and products named after people
  are decoys, planted as their whole name ("Avenue Jean-Jaurès", "Dr. Oetker");
- an e-mail address of a person in any form, including URL-encoded (``%40``) inside a link;
  role addresses (``noreply@``, ``kundenservice@``) and ``git@host:repo`` strings are decoys;
- a phone number: valid per ``phonenumbers`` for its country, written nationally or
  internationally; an extension written after it (``ext. 214``) is not part of the value;
  numbers that are possible but not (yet) assigned are planted in international form with the
  class suffix ``intl-unassigned``; a phone number spelled out in words is planted as a phone
  (class ``.../spelled-phone``): it reaches whoever reads it just the same;
- payment cards pass Luhn with real IIN ranges (Visa, Mastercard 51-55 and 2221-2720, Amex,
  Discover, JCB, Troy, RuPay); a masked card tail ("**** 4821") is a decoy;
- IBANs pass mod-97 with the country's length, and the national check digits where the
  country has a simple public rule (FR RIB key, ES DC, IT CIN, PT NIB, BE, NL eleven-test,
  PL sort-code digit, CZ account mod-11);
- public IPv4 and global IPv6 addresses of customers; URLs carrying a secret (token, key,
  signature, password in userinfo, share path) are planted whole; plain URLs are not planted.

Every planted value occurs in its text as a whole value (no letter, digit or ``_`` adjacent),
never inside another planted value or decoy, except a first or last name inside the same
person's full name when both are planted in one text (both are names); a text that breaks
this is drawn again. Ordinary texts with decoys alone (bot notices) carry no personal value.

Profiles are what each platform sends: Peki ``firstName``/``lastName``/``email``/
``phoneNumber``/``username``; Kore.ai a channel id (the e-mail) and a ``phone`` user tag;
Selise ``user_info`` (name, e-mail, phone) and ``ip_address``. Script-language names appear
there in either script. Relatives, colleagues and agents are never in a profile.
Names, templates and formats are this module's and ``bench/heldout_bank15_names.py``'s own.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import phonenumbers

from bench import heldout_bank15_names as names
from bench.heldout_corpus import Conversation, Person, Planted, Text

LANGS = names.LANGS
COUNTRY = {
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "PT",
    "tr": "TR",
    "nl": "NL",
    "pl": "PL",
    "sv": "SE",
    "cs": "CZ",
    "ro": "RO",
    "vi": "VN",
    "id": "ID",
    "el": "GR",
    "ar": "AE",
    "hi": "IN",
}
# IBAN country per language (languages whose country has none use a neighbour's bank)
IBAN_COUNTRY = {**COUNTRY, "vi": "DE", "id": "NL", "hi": "GB", "ar": "SA"}
SPECIAL = (
    "sms",
    "ocr-receipt",
    "kv-form",
    "csv",
    "log",
    "quoted-reply",
    "emoji",
    "code-switch",
    "spelled-phone",
    "urlencoded",
    "html",
    "remittance",
    "out-of-office",
)
ORDINARY_SHARE = 0.7

# --- structured values -------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_finish(body: str) -> str:
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


_CARD_IIN: tuple[tuple[str, Callable[[random.Random], str], int], ...] = (
    ("visa", lambda r: "4" + str(r.randint(0, 99999)).zfill(5), 16),
    ("mastercard", lambda r: str(r.randint(51, 55)) + str(r.randint(0, 9999)).zfill(4), 16),
    ("mastercard2", lambda r: str(r.randint(2221, 2720)) + str(r.randint(0, 99)).zfill(2), 16),
    ("amex", lambda r: r.choice(("34", "37")) + str(r.randint(0, 9999)).zfill(4), 15),
    ("discover", lambda r: r.choice(("6011", "6445", "6500")) + str(r.randint(0, 99)).zfill(2), 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)) + str(r.randint(0, 99)).zfill(2), 16),
    ("troy", lambda r: "9792" + str(r.randint(0, 99)).zfill(2), 16),
    ("rupay", lambda r: r.choice(("6521", "6522", "6080")) + str(r.randint(0, 99)).zfill(2), 16),
)


def card(rng: random.Random, brand: str | None = None) -> tuple[str, str]:
    """(card as written, brand)."""
    name, iin, length = (
        rng.choice(_CARD_IIN) if brand is None else next(c for c in _CARD_IIN if c[0] == brand)
    )
    body = iin(rng)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    num = _luhn_finish(body)
    style = rng.random()
    if length == 15:
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i : i + 4] for i in range(0, 16, 4)]
    if style < 0.45:
        return " ".join(parts), name
    if style < 0.65:
        return "-".join(parts), name
    return num, name


def iban_mod97_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


IBAN_LENGTH = {
    "DE": 22,
    "FR": 27,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "TR": 26,
    "NL": 18,
    "PL": 28,
    "SE": 24,
    "CZ": 24,
    "RO": 24,
    "GR": 27,
    "GB": 22,
    "SA": 24,
    "AE": 23,
    "BE": 16,
}


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def fr_rib_key(bank: str, branch: str, account: str) -> str:
    return str(97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97).zfill(2)


def _es_digit(ten: str) -> str:
    w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    d = 11 - sum(int(c) * x for c, x in zip(ten, w, strict=True)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)


def es_dc(bank: str, branch: str, account: str) -> str:
    return _es_digit("00" + bank + branch) + _es_digit(account)


# CIN values of A-Z (and 0-9 as A-J) at odd positions
_CIN_ODD: tuple[int, ...] = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12)
_CIN_ODD += (14, 16, 10, 22, 25, 24, 23)


def it_cin(rest: str) -> str:
    total = 0
    for i, ch in enumerate(rest):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _CIN_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def pt_nib(body: str) -> str:
    return str(98 - int(body) * 100 % 97).zfill(2)


def pl_sort_ok(sort: str) -> bool:
    w = (3, 9, 7, 1, 3, 9, 7)
    return (sum(int(c) * x for c, x in zip(sort[:7], w, strict=True)) + int(sort[7])) % 10 == 0


def nl_eleven_ok(account: str) -> bool:
    return sum(int(c) * (10 - i) for i, c in enumerate(account)) % 11 == 0


def cz_account_ok(account: str) -> bool:
    w = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)
    return sum(int(c) * x for c, x in zip(account, w, strict=True)) % 11 == 0


def _bban(rng: random.Random, country: str) -> str:
    if country == "DE":
        return rng.choice(("10010010", "37040044", "50010517", "20041133", "70150000")) + _d(
            rng, 10
        )
    if country == "FR":
        bank, branch, acct = (
            rng.choice(("30004", "30003", "20041", "10278")),
            _d(rng, 5),
            _d(rng, 11),
        )
        return bank + branch + acct + fr_rib_key(bank, branch, acct)
    if country == "ES":
        bank, branch, acct = rng.choice(("2100", "0049", "0182", "0081")), _d(rng, 4), _d(rng, 10)
        return bank + branch + es_dc(bank, branch, acct) + acct
    if country == "IT":
        rest = rng.choice(("03069", "02008", "05034", "01030")) + _d(rng, 5) + _d(rng, 12)
        return it_cin(rest) + rest
    if country == "PT":
        body = rng.choice(("0035", "0033", "0007", "0010")) + _d(rng, 4) + _d(rng, 11)
        return body + pt_nib(body)
    if country == "TR":
        return rng.choice(("00010", "00062", "00046", "00064")) + "0" + _d(rng, 16)
    if country == "NL":
        while not nl_eleven_ok(acct := _d(rng, 10)):
            pass
        return rng.choice(("ABNA", "RABO", "SNSB", "TRIO", "KNAB")) + acct
    if country == "PL":
        while not pl_sort_ok(sort := rng.choice(("1020", "1140", "1050", "1240")) + _d(rng, 4)):
            pass
        return sort + _d(rng, 16)
    if country == "SE":
        return rng.choice(("500", "800", "600")) + _d(rng, 17)
    if country == "CZ":
        while not cz_account_ok(acct := _d(rng, 10)):
            pass
        return rng.choice(("0800", "0100", "2010", "0300")) + "000000" + acct
    if country == "RO":
        return rng.choice(("BTRL", "RNCB", "BRDE", "INGB")) + "RONCRT" + _d(rng, 10)
    if country == "GR":
        return rng.choice(("011", "017", "026", "014")) + _d(rng, 4) + _d(rng, 16)
    if country == "GB":
        return rng.choice(("NWBK", "BARC", "LOYD", "HBUK")) + _d(rng, 6) + _d(rng, 8)
    if country == "SA":
        return rng.choice(("80", "10", "45")) + "000" + _d(rng, 15)
    if country == "AE":
        return rng.choice(("033", "026", "030")) + _d(rng, 16)
    if country == "BE":
        first = rng.choice(("001", "068", "310", "539")) + _d(rng, 7)
        check = int(first) % 97 or 97
        return first + str(check).zfill(2)
    raise ValueError(country)


def iban(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    check = 98 - num % 97
    if not valid:
        check = (check + rng.randint(1, 96)) % 97 + 2  # never the right one
        if check > 98:
            check = 2
    raw = f"{country}{check:02d}{bban}"
    if not valid and iban_mod97_ok(raw):
        raw = f"{country}{(check % 97) + 1:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return raw


# --- phones ------------------------------------------------------------------------------------

_PHONE_CACHE: dict[tuple[str, int], phonenumbers.PhoneNumber] = {}


def _example(region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    t = phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    key = (region, int(mobile))
    if key not in _PHONE_CACHE:
        ex = phonenumbers.example_number_for_type(region, t)
        assert ex is not None, region
        _PHONE_CACHE[key] = ex
    return _PHONE_CACHE[key]


def valid_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    ex = _example(region, rng.random() < 0.7)
    nat = str(ex.national_number)
    for i in range(400):
        keep = min(len(nat) - 4, 1 + i // 40)  # keep few leading digits, more if draws fail
        cand = nat[:keep] + _d(rng, len(nat) - keep)
        num = phonenumbers.PhoneNumber(
            country_code=ex.country_code,
            national_number=int(cand),
            italian_leading_zero=ex.italian_leading_zero,
        )
        if phonenumbers.is_valid_number_for_region(num, region):
            return num
    raise RuntimeError(f"no valid number drawn for {region}")


def unassigned_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number of the right length for the country that no range holds (yet)."""
    ex = _example(region, True)
    length = len(str(ex.national_number))
    while True:
        cand = str(rng.randint(1, 9)) + _d(rng, length - 1)
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(cand))
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num


def write_phone(rng: random.Random, num: phonenumbers.PhoneNumber, form: str) -> str:
    fmt = phonenumbers.PhoneNumberFormat
    if form == "national":
        s = phonenumbers.format_number(num, fmt.NATIONAL)
        r = rng.random()
        if r < 0.2:
            s = re.sub(r"[\s\-]", "", s)
        elif r < 0.35 and "(" not in s:
            s = s.replace(" ", rng.choice(("-", ".", " ")))
        return s
    s = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    r = rng.random()
    if r < 0.2:
        return phonenumbers.format_number(num, fmt.E164)
    region = phonenumbers.region_code_for_number(num)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region or "ZZ")
    if r < 0.35 and meta is not None and meta.international_prefix == "00":
        return "00" + s[1:]  # dialled from inside the country, whose exit code is 00
    if r < 0.45:
        return s.replace(" ", "-")
    return s


def e164(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


# --- IPs, URLs, e-mails ------------------------------------------------------------------------


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.randint(2, 223)
        if a not in (10, 100, 127, 169, 172, 192, 198, 203):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a02", "2a01", "2003", "2600", "2804", "2405"))
    groups = [head] + [f"{rng.getrandbits(16):x}" for _ in range(7)]
    if rng.random() < 0.5:
        return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
    return ":".join(groups)


def _token(rng: random.Random, n: int, alphabet: str = "") -> str:
    a = alphabet or "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    return "".join(rng.choice(a) for _ in range(n))


_URL_HOSTS = (
    "kundenportal.stadtwerke-example.de",
    "espace-client.energie-example.fr",
    "app.mibanco-example.es",
    "areaclienti.assicura-example.it",
    "portal.saude-example.pt",
    "online.sigorta-example.com.tr",
    "mijn.zorgverzekeraar-example.nl",
    "eportal.uczelnia-example.pl",
    "minasidor.el-example.se",
    "share.cloudbox-example.com",
    "files.ticketdesk-example.io",
)


def secret_url(rng: random.Random) -> tuple[str, str]:
    host, r = rng.choice(_URL_HOSTS), rng.random()
    if r < 0.25:
        return f"https://{host}/reset-password?token={_token(rng, 32)}", "token-query"
    if r < 0.4:
        sig = _token(rng, 40, "0123456789abcdef")
        return f"https://{host}/download/inv_{_d(rng, 6)}.pdf?expires=1767225600&sig={sig}", "sig"
    if r < 0.55:
        return f"https://{host}/s/{_token(rng, 22)}", "share-path"
    if r < 0.7:
        user = _token(rng, 6, "abcdefghijklmnopqrstuvwxyz")
        return f"https://{user}:{_token(rng, 12)}@{host}/export/latest", "userinfo"
    if r < 0.85:
        key = "sk_live_" + _token(rng, 24)
        return f"https://{host}/api/v2/orders?api_key={key}", "api-key"
    return f"https://{host}/login/magic#access_token={_token(rng, 36)}&ttl=900", "fragment-token"


_FOLD = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ø": "o",
        "å": "a",
        "æ": "ae",
        "ł": "l",
        "ı": "i",
        "đ": "d",
        "'": "",
        " ": "",
        "-": "",
    }
)


def fold(s: str) -> str:
    import unicodedata

    s = s.lower().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii())


_MAILHOST = {
    "en": ("btinternet.com", "outlook.com", "gmail.com", "sky.com"),
    "de": ("gmx.de", "web.de", "t-online.de", "posteo.de"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr"),
    "es": ("hotmail.es", "telefonica.net", "gmail.com", "yahoo.es"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it"),
    "pt": ("sapo.pt", "gmail.com", "netcabo.pt", "outlook.pt"),
    "tr": ("gmail.com", "hotmail.com.tr", "yandex.com.tr", "ttmail.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "hetnet.nl"),
    "pl": ("wp.pl", "onet.pl", "interia.pl", "o2.pl"),
    "sv": ("telia.com", "bredband.net", "gmail.com", "spray.se"),
    "cs": ("seznam.cz", "email.cz", "centrum.cz", "volny.cz"),
    "ro": ("yahoo.ro", "gmail.com", "rdslink.ro", "mail.ro"),
    "vi": ("gmail.com", "yahoo.com.vn", "fpt.vn", "vnn.vn"),
    "id": ("yahoo.co.id", "gmail.com", "telkom.net", "ymail.com"),
    "el": ("otenet.gr", "yahoo.gr", "gmail.com", "hol.gr"),
    "ar": ("gmail.com", "hotmail.com", "eim.ae", "yahoo.com"),
    "hi": ("rediffmail.com", "gmail.com", "yahoo.co.in", "outlook.com"),
}


def email(rng: random.Random, lang: str, first: str, last: str) -> str:
    f, la = fold(first), fold(last)
    host = rng.choice(_MAILHOST[lang])
    r = rng.random()
    if r < 0.25:
        local = f"{f}.{la}"
    elif r < 0.4:
        local = f"{f[0]}{la}{rng.randint(1, 99)}"
    elif r < 0.55:
        local = f"{la}_{f}"
    elif r < 0.65:
        local = f"{f}{rng.randint(1960, 2006)}"
    elif r < 0.75:
        local = f"{f}.{la}+{rng.choice(('shop', 'bank', 'travel'))}"
    elif r < 0.85:
        local = f"{f[:3]}-{la[:5]}"
    elif r < 0.93:
        local = f"{f.capitalize()}.{la.capitalize()}"
    else:
        local = f"{la}.{f[0]}"
    return f"{local}@{host}"


# --- decoys ------------------------------------------------------------------------------------

_STREETS = {
    "en": ("Nelson Mandela Place", "King Edward Street", "Florence Nightingale Way"),
    "de": ("Karl-Liebknecht-Straße", "Goethestraße", "Konrad-Adenauer-Ufer"),
    "fr": ("Avenue Jean-Jaurès", "Rue Victor-Hugo", "Boulevard Émile-Zola"),
    "es": ("Calle de Cervantes", "Avenida de Blasco Ibáñez", "Plaza de Ramón y Cajal"),
    "it": ("Via Giuseppe Garibaldi", "Corso Vittorio Emanuele", "Piazza Dante Alighieri"),
    "pt": ("Avenida Almirante Reis", "Rua Luís de Camões", "Praça Marquês de Pombal"),
    "tr": ("Atatürk Bulvarı", "İsmet İnönü Caddesi", "Adnan Menderes Bulvarı"),
    "nl": ("Johan Cruijff Boulevard", "Willem Barentszstraat", "Anne Frankstraat"),
    "pl": ("ul. Marii Skłodowskiej-Curie", "al. Jana Pawła II", "ul. Mikołaja Kopernika"),
    "sv": ("Birger Jarlsgatan", "Karl Johans torg", "Selma Lagerlöfs väg"),
    "cs": ("Masarykova", "náměstí Václava Havla", "Palackého"),
    "ro": ("Bulevardul Mihai Eminescu", "Strada Ion Creangă", "Calea Ștefan cel Mare"),
    "vi": ("Đường Nguyễn Huệ", "Phố Trần Hưng Đạo", "Đường Lê Lợi"),
    "id": ("Jalan Jenderal Sudirman", "Jalan Gajah Mada", "Jalan Diponegoro"),
    "el": ("Λεωφόρος Βασιλίσσης Σοφίας", "Odos Eleftheriou Venizelou", "Οδός Ερμού"),
    "ar": ("Sheikh Zayed Road", "شارع الملك فهد", "Shari3 Talaat Harb"),
    "hi": ("Mahatma Gandhi Road", "Netaji Subhash Marg", "सरदार पटेल मार्ग"),
}
_COMPANIES = (
    "Dr. Oetker",
    "Marks & Spencer",
    "Albert Heijn",
    "Sainsbury's",
    "Peugeot",
    "Ferrero",
    "Koç Holding",
    "Tata Motors",
    "Carl Zeiss",
    "Hugo Boss",
    "Ben & Jerry's",
    "Walt Disney",
)
_PRODUCTS = (
    "FRITZ!Box 7590",
    "iPhone 15 Pro",
    "Galaxy A54",
    "Kindle Paperwhite",
    "Tarif Red M",
    "Pixel 8a",
    "Surface Laptop 6",
    "Giga Cube 5G",
)
_HANDLES = ("@VodafoneDE", "@KLM", "@Ryanair", "@DB_Bahn", "@TurkTelekom", "@ING_NL", "@BTCare")
_BOTS = ("Tobi", "Julie", "Ava", "Nova", "Kiki", "Sam")
_ROLE_MAIL = (
    "noreply@notifications.example.com",
    "kundenservice@stadtwerke-example.de",
    "service.client@energie-example.fr",
    "git@github.com:acme/helpdesk.git",
    "postmaster@mail.example.net",
    "atencion.cliente@mibanco-example.es",
)


_PRICE = {
    "en": ("£{v}", "GBP {v}"),
    "de": ("{c} €", "€ {c}", "{c} EUR"),
    "fr": ("{c} €", "{c} EUR"),
    "es": ("{c} €", "{c}€"),
    "it": ("€ {c}", "{c} euro"),
    "pt": ("{c} €", "€{c}"),
    "tr": ("{c} TL", "₺{c}"),
    "nl": ("€ {c}", "EUR {c}"),
    "pl": ("{c} zł", "{c} PLN"),
    "sv": ("{c} kr", "{c} SEK"),
    "cs": ("{c} Kč", "{c} CZK"),
    "ro": ("{c} lei", "{c} RON"),
    "vi": ("{k} ₫", "{k} VND"),
    "id": ("Rp {k}", "IDR {k}"),
    "el": ("{c} €", "€{c}"),
    "ar": ("AED {v}", "{v} SAR"),
    "hi": ("₹{v}", "Rs. {v}"),
}


def _luhn_fail(rng: random.Random, n: int) -> str:
    while luhn_ok(s := str(rng.randint(1, 9)) + _d(rng, n - 1)):
        pass
    return s


def decoy(rng: random.Random, lang: str, sort: str) -> str:
    if sort == "order-number":
        return rng.choice(("ORD-", "#", "Bestellung ", "A")) + _d(rng, rng.randint(6, 9))
    if sort == "tracking-code":
        r = rng.random()
        if r < 0.4:
            return "1Z" + _token(rng, 6, "ABCDEFGHJKLMNPRSTUVWXY0123456789") + _d(rng, 10)
        if r < 0.7:
            return _token(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + _d(rng, 9) + "DE"
        return "JJD" + _luhn_fail(rng, 18)
    if sort == "price":
        v = rng.randint(3, 2400) + rng.randint(0, 99) / 100
        comma = f"{v:.2f}".replace(".", ",")
        return rng.choice(_PRICE[lang]).format(v=f"{v:.2f}", c=comma, k=f"{int(v) * 1000:,}")
    if sort == "date":
        return rng.choice(
            (
                f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2026",
                f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2027",
            )
        )
    if sort == "time":
        return f"{rng.randint(7, 21):02d}:{rng.choice(('00', '15', '30', '45'))}"
    if sort == "version":
        return f"v{rng.randint(1, 14)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
    if sort == "reference-code":
        return f"REF-{_token(rng, 4, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}-{_d(rng, 4)}"
    if sort == "product-name":
        return rng.choice(_PRODUCTS)
    if sort == "street-after-person":
        return rng.choice(_STREETS[lang])
    if sort == "company-after-person":
        return rng.choice(_COMPANIES)
    if sort == "brand-handle":
        return rng.choice(_HANDLES)
    if sort == "bot-persona":
        return rng.choice(_BOTS)
    if sort == "role-email":
        return rng.choice(_ROLE_MAIL)
    if sort == "luhn-fail-16":
        s = _luhn_fail(rng, 16)
        return " ".join(s[i : i + 4] for i in range(0, 16, 4))
    if sort == "iban-bad-check":
        return iban(rng, rng.choice(("DE", "FR", "NL", "ES", "IT")), valid=False)
    if sort == "masked-card":
        return rng.choice(("**** ", "•••• ", "XXXX-XXXX-XXXX-")) + _d(rng, 4)
    if sort == "flight-number":
        return (
            rng.choice(("LH", "TK", "KL", "IB", "AZ", "TP", "LO", "A3"))
            + f" {rng.randint(100, 1999)}"
        )
    if sort == "customer-number":
        return rng.choice(("KD-", "CLI", "NR. ", "C")) + _d(rng, 7)
    if sort == "meter-number":
        return f"1ESY{_d(rng, 10)}"
    raise ValueError(sort)


DECOY_SORTS = (
    "order-number",
    "tracking-code",
    "price",
    "date",
    "time",
    "version",
    "reference-code",
    "product-name",
    "street-after-person",
    "company-after-person",
    "brand-handle",
    "bot-persona",
    "role-email",
    "luhn-fail-16",
    "iban-bad-check",
    "masked-card",
    "flight-number",
    "customer-number",
    "meter-number",
)


# --- templates ---------------------------------------------------------------------------------
# Slots: {name} the customer's full name, {first}, {dim} (diminutive if they have one), {rname}
# (last name first), {third} / {tfirst} a relative or colleague, {agent} a human agent's first
# name, {email}, {temail} (the third person's), {phone}, {phone_i}, {phone_n}, {phone_u}
# (possible but unassigned, international), {card}, {iban}, {ip}, {url}, {d:<sort>} a decoy.

Tpl = tuple[str, str]  # (where, template)

ORDINARY: dict[str, tuple[Tpl, ...]] = {
    "en": (
        (
            "message:user",
            "Hi, I'm {name} and my direct debit bounced again, order {d:order-number}.",
        ),
        (
            "message:agent",
            "Thanks for waiting, {first}. I've raised {d:reference-code} "
            "for you.\n{agent}, Customer Care",
        ),
        ("message:user", "Could you text my wife instead? She's {third}, {phone_i}."),
        ("message:user", "My card {card} was charged {d:price} twice on {d:date}, please refund."),
        ("message:bot", "We'll send the claim form to {email}. Anything else, {first}?"),
        (
            "message:user",
            "{first} here again - the router ({d:product-name}) drops every evening at {d:time}.",
        ),
        (
            "message:user",
            "Policy number {d:luhn-fail-16} - it's under {name}. Office {phone_i} ext. {ext}",
        ),
        (
            "message:user",
            "Saw {d:brand-handle} tweet about the outage. Still down. New no. {phone_u}",
        ),
        ("message:user", "pay the refund to {iban} please, cheers\n{dim}"),
        ("raw:feedback", "Agent was lovely. Took ages though. {name}, {phone_n}"),
        ("raw:notes", "Caller {name} (acct holder) asked to add son {third} as authorised user."),
        (
            "message:user",
            "Booked on {d:flight-number} under {name}; the app keeps logging me out from {ip}.",
        ),
    ),
    "de": (
        (
            "message:user",
            "Guten Tag, {name} hier. Meine Stromrechnung für Zähler "
            "{d:meter-number} ist viel zu hoch.",
        ),
        (
            "message:agent",
            "Hallo {first}, ich habe Ihre Bankverbindung auf {iban} "
            "geändert.\nViele Grüße\n{agent}",
        ),
        ("message:user", "Bitte rufen Sie meine Mutter an: {third}, Tel. {phone_n}"),
        (
            "message:user",
            "Die Lieferung an die {d:street-after-person} 12 kam nie an. Mail: {email}",
        ),
        ("message:bot", "Danke, {first}! Ihr Termin am {d:date} um {d:time} ist bestätigt."),
        (
            "raw:summary",
            "Kundin {name} meldet doppelte Abbuchung {d:price}; Rückruf unter {phone_i} erbeten.",
        ),
        (
            "message:user",
            "Mein Sohn {tfirst} kommt mit der Schülerkarte nicht ins "
            "Portal, Kundennr. {d:customer-number}.",
        ),
        ("message:user", "Hier der Link zur Vollmacht: {url}\nGruß, {name}"),
        ("message:user", "Vertragskonto {d:luhn-fail-16}, Büro {phone_n} App. {ext}, {first}"),
        (
            "message:bot",
            "Ich bin {d:bot-persona}, Ihr digitaler Assistent. Ein IBAN "
            "sieht so aus: {d:iban-bad-check}",
        ),
    ),
    "fr": (
        (
            "message:user",
            "Bonjour, je m'appelle {name}; ma box {d:product-name} ne synchronise plus.",
        ),
        (
            "message:agent",
            "Merci {first}. Le remboursement partira sur {iban} sous 5 "
            "jours.\n{agent} - Service client",
        ),
        ("message:user", "Vous pouvez joindre mon conjoint, {third}, au {phone_n}."),
        ("message:bot", "Un lien de réinitialisation a été envoyé à {email}."),
        ("message:user", "Voici le lien du dossier : {url}. Mon IP : {ip}"),
        (
            "message:user",
            "Livraison prévue {d:date} au {d:street-after-person}, mais "
            "rien reçu. Cordialement, {name}",
        ),
        ("raw:feedback", "Très bon accueil de {agent}, merci ! {first}"),
        ("message:user", "Ma carte {card} a été refusée chez {d:company-after-person}, pourquoi ?"),
    ),
    "es": (
        (
            "message:user",
            "Hola, soy {name}. Me han cobrado {d:price} de más en la factura del móvil.",
        ),
        (
            "message:agent",
            "Buenas tardes, {first}. Le llamo al {phone_n} en cinco minutos.\nUn saludo, {agent}",
        ),
        ("message:user", "La póliza está a nombre de mi padre, {third}. Su correo es {temail}"),
        ("message:user", "Domiciliad el recibo en {iban}, gracias"),
        ("message:user", "No abre el enlace {url} — {first}"),
        ("message:user", "Pagué con la {card} y no llega el billete. {name}"),
        ("message:bot", "¡Perfecto, {first}! Tu cita del {d:date} queda confirmada."),
        ("raw:notes", "Cliente {name} solicita duplicado de tarjeta sanitaria; tel {phone_i}."),
        ("message:user", "Vivo en la {d:street-after-person} 8, pedido {d:order-number}. {dim}"),
    ),
    "it": (
        ("message:user", "Buongiorno, sono {name}, la fibra non funziona da {d:date}."),
        (
            "message:agent",
            "Gentile {first}, ho registrato il rimborso su {iban}.\nCordiali saluti, {agent}",
        ),
        ("message:user", "Potete chiamare mia sorella {third} al {phone_n}? Io sono in ospedale."),
        ("message:bot", "Abbiamo inviato la ricevuta a {email}."),
        ("message:user", "Accesso bloccato dall'IP {ip}. {name}"),
        (
            "message:user",
            "Il pacco per {d:street-after-person} 21 è fermo, codice {d:tracking-code}",
        ),
        ("raw:summary", "{name} chiede disdetta polizza auto; contatto {phone_i}."),
        ("message:user", "la carta {card} risulta bloccata, grazie {first}"),
    ),
    "pt": (
        ("message:user", "Olá, chamo-me {name} e a minha fatura da luz veio duplicada."),
        (
            "message:agent",
            "Obrigado, {first}. Vou ligar-lhe para o {phone_n}.\n{agent} | Apoio ao Cliente",
        ),
        ("message:user", "O reembolso pode ir para o {iban}? Cumprimentos, {name}"),
        ("message:user", "A consulta é para a minha filha {third}, email {temail}"),
        ("message:bot", "Bilhete {d:flight-number} confirmado para {first}. Bom voo!"),
        ("raw:feedback", "atendimento rápido, obrigada {agent}. {first}"),
    ),
    "tr": (
        ("message:user", "Merhaba, ben {name}. Faturamda {d:price} fazla çekilmiş."),
        (
            "message:agent",
            "Sayın {name}, iadeniz {iban} hesabına yapılacak.\nSaygılarımızla, {agent}",
        ),
        (
            "message:bot",
            "Ben {d:bot-persona}, dijital asistanınız. Sipariş {d:order-number} yolda.",
        ),
        ("message:user", "Eşim {third} adına kayıtlı hat: {phone_n}"),
        ("message:bot", "Şifre sıfırlama bağlantısı {email} adresine gönderildi."),
        ("message:user", "Modem IP {ip}, internet yok. {first}"),
        (
            "message:user",
            "Kargom {d:street-after-person} şubesinde bekliyor, takip {d:tracking-code}",
        ),
        ("raw:notes", "Müşteri {name} kartı ({card}) kaybettiğini bildirdi; {phone_i}"),
    ),
    "nl": (
        ("message:user", "Goedemiddag, met {name}. Mijn zorgpas is nog steeds niet binnen."),
        ("message:agent", "Dank je, {first}! Ik bel je terug op {phone_n}.\nGroet, {agent}"),
        ("message:user", "Mijn vader {third} wil machtiging geven, zijn mail: {temail}"),
        ("message:user", "Stort het maar terug op {iban}"),
        ("message:user", "Inloggen lukt niet vanaf {ip}, ik ben {name}"),
        (
            "message:bot",
            "Je afspraak op {d:date} om {d:time} bij {d:street-after-person} staat vast.",
        ),
        ("raw:feedback", "Top geholpen door {agent} - {name}"),
    ),
    "pl": (
        ("message:user", "Dzień dobry, nazywam się {name}, nie mogę zalogować się do bankowości."),
        ("message:agent", "{first}, zwrot trafi na {iban}.\nPozdrawiam, {agent}"),
        ("message:user", "Proszę dzwonić do męża, {third}: {phone_n}"),
        ("message:bot", "Wysłaliśmy potwierdzenie na adres {email}."),
        ("message:user", "Link do dokumentów: {url} ; karta {card}"),
        (
            "message:user",
            "Paczka na {d:street-after-person} 4 nie dotarła, nr {d:order-number}. {dim}",
        ),
        ("raw:summary", "Student {name} prosi o duplikat legitymacji; tel. {phone_i}"),
    ),
    "sv": (
        ("message:user", "Hej! Jag heter {name} och min faktura från {d:date} stämmer inte."),
        ("message:agent", "Tack {first}, jag ringer dig på {phone_n}.\nMvh {agent}"),
        ("message:user", "Kortet {card} spärrades igår, kan ni kolla?"),
        ("message:user", "Länken {url} funkar inte. /{first}"),
        ("message:user", "Min sambo {third} behöver också tillgång, mejl {temail}"),
        ("raw:notes", "{name} byter elavtal; återbetalning till {iban}"),
    ),
    "cs": (
        ("message:user", "Dobrý den, jmenuji se {name}, nefunguje mi internet od {d:date}."),
        ("message:agent", "Dobrý den {first}, přeplatek pošleme na {iban}.\nS pozdravem {agent}"),
        ("message:user", "Zavolejte prosím dceři {third}, {phone_n}"),
        ("message:bot", "Potvrzení jsme poslali na {email}."),
        ("raw:feedback", "Spokojenost, {agent} ochotně pomohl(a). {name}"),
    ),
    "ro": (
        ("message:user", "Bună ziua, sunt {name}, factura la gaze e dublă."),
        (
            "message:agent",
            "Mulțumim, {first}! Rambursarea merge în contul {iban}.\nCu stimă, {agent}",
        ),
        ("message:user", "Sunați-l pe fratele meu, {third}, la {phone_n}"),
        ("message:bot", "Ți-am trimis chitanța pe {email}."),
        ("raw:notes", "Clientul {name} cere reprogramare la {d:time}; tel {phone_i}"),
    ),
    "vi": (
        ("message:user", "Chào bạn, mình là {name}, thẻ {card} bị trừ tiền hai lần."),
        ("message:agent", "Dạ chị {first}, em sẽ gọi lại số {phone_n} ạ.\n{agent} - CSKH"),
        ("message:user", "Vé {d:flight-number} đặt cho mẹ mình là {third}, email {temail}"),
        ("message:bot", "Mã xác nhận đã gửi tới {email}."),
        ("message:user", "IP nhà mình là {ip}, không vào được app"),
        (
            "raw:summary",
            "KH {name} báo mất kết nối internet tại {d:street-after-person}; sđt {phone_i}",
        ),
    ),
    "id": (
        ("message:user", "Halo kak, saya {name}, paket {d:tracking-code} belum sampai."),
        ("message:agent", "Baik Kak {first}, kami hubungi di {phone_n} ya.\nSalam, {agent}"),
        ("message:user", "Tolong kirim invoice ke suami saya {third}, {temail}"),
        ("message:bot", "Tautan verifikasi dikirim ke {email}."),
        ("message:user", "Kartu {card} ditolak terus kak. {first}"),
        ("raw:feedback", "Pelayanan {agent} ramah sekali. - {name}"),
    ),
    "el": (
        ("message:user", "Καλησπέρα, είμαι ο/η {name} και ο λογαριασμός ρεύματος ήρθε διπλός."),
        ("message:agent", "Ευχαριστούμε {first}, η επιστροφή θα γίνει στο {iban}.\n{agent}"),
        ("message:user", "Kalimera, {name} edw, to kinito mou {phone_n} den exei sima"),
        ("message:user", "Παρακαλώ επικοινωνήστε με τη σύζυγό μου, {third}, {phone_i}"),
        ("message:bot", "Στείλαμε το παραστατικό στο {email}."),
    ),
    "ar": (
        ("message:user", "salam, ana {name}, 3andi mochkil f l-fatura dyal {d:date}"),
        ("message:agent", "Shukran {first}, ghadi n3aytou lik 3la {phone_n}.\n{agent}"),
        ("message:user", "marhaba, ismi {name} w el card {card} mawkoufa"),
        ("message:user", "el hajz bi ism akhi {third}, email {temail}"),
        ("raw:notes", "Customer {name} requests refund to {iban}; tel {phone_i}"),
    ),
    "hi": (
        ("message:user", "namaste, mera naam {name} hai, mera recharge fail ho gaya"),
        ("message:agent", "Dhanyavaad {first} ji, hum aapko {phone_n} par call karenge.\n{agent}"),
        ("message:user", "meri behen {third} ka ticket {d:flight-number} hai, unka email {temail}"),
        ("message:bot", "OTP aapke email {email} par bhej diya gaya hai."),
        ("message:user", "card {card} se payment kata par ticket nahi mila"),
        ("raw:feedback", "{agent} ne bahut help ki. - {name}"),
    ),
}

# more openings, sign-offs and scripts per language (public services, education, insurance)
_MORE: dict[str, tuple[Tpl, ...]] = {
    "en": (
        ("message:user", "Morning! Council tax query for {name}, 4 {d:street-after-person}."),
        ("message:agent", "Hi {first}, your tutor {third} will email you from {temail}."),
    ),
    "de": (
        (
            "message:user",
            "{name}\n{d:street-after-person} 7\nWiderspruch gegen Bescheid vom {d:date}",
        ),
        (
            "message:agent",
            "Guten Tag Frau/Herr {last}, Ihr Antrag liegt bei {third} aus der Fachabteilung.",
        ),
    ),
    "fr": (("message:user", "{first} ici. Mon fils {tfirst} n'a pas reçu sa carte étudiante."),),
    "es": (("message:agent", "Hola {first}: el perito {third} le llamará al {phone_n}."),),
    "it": (("message:user", "Salve, il sinistro è a nome di mio marito {third}. {first}"),),
    "pt": (("message:user", "Boa tarde! Sou {name}, o cartão de cidadão expirou em {d:date}."),),
    "tr": (("message:user", "İyi günler, {name}. Poliçe no {d:reference-code}, hasar bildirimi."),),
    "nl": (
        (
            "message:agent",
            "Beste {first},\nuw toeslag is aangepast.\nMet vriendelijke groet,\n{agent}",
        ),
    ),
    "pl": (("message:user", "Witam, {name}. Polisa {d:reference-code} - szkoda z {d:date}."),),
    "sv": (
        ("message:user", "Hej, det gäller min dotter {third}, hon börjar skolan {d:date}."),
        ("message:bot", "Tack {first}! Vi har skickat kvittot till {email}."),
        ("raw:feedback", "Bra bemötande av {agent}. /{name}"),
    ),
    "cs": (
        ("message:user", "Dobrý den, pojistná událost {d:reference-code}, {name}, tel. {phone_i}"),
        ("message:agent", "Dobrý den {first},\nkolegyně {third} se vám ozve.\n{agent}"),
    ),
    "ro": (
        ("message:user", "Salut! Numele meu e {name}, contul e pe {email}"),
        ("raw:feedback", "{agent} a fost super. {first}"),
    ),
    "vi": (
        ("message:user", "Chào shop, {first} đây, đơn {d:order-number} giao chưa ạ?"),
        ("raw:notes", "Khách {name} đổi email sang {email}"),
    ),
    "id": (
        ("message:user", "Selamat siang, nama saya {name}, KTP hilang, mohon bantuan."),
        ("raw:notes", "Nasabah {name} minta refund ke kartu {card}"),
    ),
    "el": (
        ("message:user", "Kalispera sas, onomazomai {name}, to email mou {email}"),
        ("raw:feedback", "Ευχαριστώ πολύ τον/την {agent}! {first}"),
    ),
    "ar": (
        ("message:user", "مرحبا، اسمي {name} ورقمي {phone_n}"),
        ("message:agent", "Ahlan {first}, zamilati {third} sa-tatawasal ma3ak."),
    ),
    "hi": (
        ("message:user", "नमस्ते, मेरा नाम {name} है, मेरा नंबर {phone_n} है"),
        ("message:user", "assalam o alaikum, mera naam {name} hai, bill ka masla hai"),
    ),
}
for _lang, _tpls in _MORE.items():
    ORDINARY[_lang] += _tpls

# language-neutral frames for ordinary traffic: bot JSON and tags
ORDINARY_ANY: tuple[Tpl, ...] = (
    (
        "message:bot",
        '{"type":"card","title":"Your details","fields":{"name":"{name}","email":"{email}",'
        '"phone":"{phone_i}"},"ticket":"{d:reference-code}"}',
    ),
    ("message:bot", '{"event":"handover","agent":"{agent}","customer":"{name}","queue":"billing"}'),
    ("raw:tags", "vip; callback:{phone_i}; contact:{email}; {d:product-name}"),
    ("message:user", "{email}"),
    ("message:user", "{phone_n}"),
    ("message:user", "{phone_u}"),
    ("message:user", "{ip}"),
    ("message:user", "VPN off now, my IP shows {ip} - still blocked"),
    ("message:agent", "Session from {ip} ended; new login link: {url}"),
    ("message:user", "{url}"),
    ("message:bot", '{"intent":"payment","card":"{card}","holder":"{name}","3ds":true}'),
    ("raw:summary", "Login from {ip}; password reset via {url} by {first}"),
    ("message:bot", "{d:bot-persona} 🤖 · replies from {d:role-email} · build {d:version}"),
    ("message:bot", "IBAN format e.g. {d:iban-bad-check}; never share your PIN."),
)

SPECIAL_TPL: dict[str, tuple[Tpl, ...]] = {
    "sms": (
        ("message:user", "hi pls cb on {phone_n} b4 {d:time} thx {first}"),
        ("message:user@de", "hey, bitte rückruf unter {phone_n}, lg {first}"),
        ("message:user@fr", "slt c {first}, rapl moi au {phone_n} stp, mrc"),
        ("message:user", "ok tnx. nw nr is {phone_i} pls updt. {dim}"),
    ),
    "ocr-receipt": (
        (
            "message:user",
            "KVITTO / RECEIPT\n{d:company-after-person}\n{d:date}  {d:time}\nTOTAL    {d:price}\n"
            "CARD  {d:masked-card}\nE-RECEIPT TO: {email}\nMEMBER: {name}",
        ),
        (
            "message:user",
            "[scan] Rechnung Nr {d:order-number}\nKunde: {name}\nTel.: {phone_n}\nBetrag {d:price}",
        ),
    ),
    "kv-form": (
        (
            "message:bot",
            "first_name={first}&last_name={last}&email={email}&tel={phone_i}&plan=basic",
        ),
        ("raw:notes", "form: name={name}; phone={phone_n}; iban={iban}; consent=yes"),
    ),
    "csv": (
        ("message:user", "id;name;email;phone\n{d:customer-number};{name};{email};{phone_i}"),
        ("message:agent", '"{rname}","{email}","{d:date}","{d:price}"'),
    ),
    "log": (
        (
            "message:bot",
            "{d:date}T09:14:22Z INFO auth: login ok user={email} ip={ip} app={d:version}",
        ),
        ("raw:notes", 'WARN payment declined card={card} customer="{name}" ref={d:reference-code}'),
        ("message:bot", "[ERR] sms gateway rejected to={phone_u} code=21614"),
    ),
    "quoted-reply": (
        (
            "message:user",
            "> Dear {first}, your new card will arrive by {d:date}.\n> "
            "{agent}\n\nStill nothing. {name}",
        ),
        (
            "message:user@de",
            "> Bitte senden Sie uns Ihre IBAN.\n{iban}\n> und Telefonnummer\n{phone_n}",
        ),
    ),
    "emoji": (
        ("message:user", "🙏🙏 pls help!! I'm {first} 😭 my number 📱{phone_i} 📱"),
        ("message:user", "merci 💐💐 {agent} 💐 t'es la meilleure!! {first} ✨"),
        ("message:user", "🔥 my new mail ➡️ {email} ⬅️ 🔥"),
    ),
    "code-switch": (
        (
            "message:user",
            "Hola, I need help con mi tarjeta, my name is {name} y mi correo es {email}",
        ),
        (
            "message:user@tr,de",
            "Merhaba, ich hab ein Problem mit der Rechnung, adım {name}, {phone_n}",
        ),
        ("message:user@fr", "Bonjour, j'ai un souci with my bill, c'est {name}, {email}"),
        ("message:user@id", "Kak, my order {d:order-number} belum sampai, atas nama {name}"),
        ("message:user@ar", "salam, my account mblokki, ana {name}, {phone_n}"),
        ("message:user@vi", "Em ơi, order của mình bị cancel rồi, tên {name}, sđt {phone_n}"),
        ("message:user@el", "Geia sas, to account mou einai locked, eimai {name}"),
        ("message:user@nl", "Hoi, mijn parcel is lost, echt annoying. {first}, {phone_n}"),
        ("message:user@pl", "Cześć, mam problem z loginem, seriously. {name}, {email}"),
        ("message:user@it", "Ciao, il mio account è locked, please help. {name}"),
        ("message:user@hi", "bhai my refund abhi tak nahi aaya, {iban} pe bhejo na, {first}"),
    ),
    "spelled-phone": (("message:user", "my number is {phone_spelled}, ask for {first}"),),
    "urlencoded": (
        ("message:bot", "https://news.shop-example.com/unsubscribe?e={email_enc}&list=7"),
        ("message:user", "link was https://forms-example.org/prefill?n={name_enc}&src=chat"),
    ),
    "html": (
        (
            "message:bot",
            "<p>Dear <b>{name}</b>,</p><p>we will call <a "
            'href="tel:{phone_e164}">{phone_n}</a>.</p>',
        ),
        (
            "message:agent",
            "<tr><td>Kunde</td><td>{name}</td></tr><tr><td>IBAN</td><td>{iban}</td></tr>",
        ),
    ),
    "remittance": (
        ("message:user@de,nl,pl,cs,sv", "Verwendungszweck: RE {d:order-number} {rname} Miete"),
        ("message:user", "Transfer ref: {d:order-number} / {rname} / rent Dec"),
        ("message:user@es,pt,it", "Referencia: {d:reference-code} / ORDENANTE {rname} / {iban}"),
    ),
    "out-of-office": (
        (
            "message:user",
            "Automatic reply: I am out of office until {d:date}. For urgent matters contact my "
            "colleague {third} ({temail}, {phone_n}).",
        ),
    ),
}

_SPELL = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
}


@dataclass
class Who:
    lang: str
    first: str
    last: str
    first_lat: str
    last_lat: str

    def full(self, native: bool) -> str:
        f, la = (self.first, self.last) if native else (self.first_lat, self.last_lat)
        return f"{la} {f}" if self.lang == "vi" else f"{f} {la}"


def _who(rng: random.Random, lang: str) -> Who:
    if lang in names.LATIN:
        fs, ls = names.LATIN[lang]
        f, la = rng.choice(fs), rng.choice(ls)
        while not names.surname_fits(lang, f, la):
            la = rng.choice(ls)
        return Who(lang, f, la, f, la)
    pf, pl = names.SCRIPT[lang]
    (f, fl), (la, ll) = rng.choice(pf), rng.choice(pl)
    return Who(lang, f, la, fl, ll)


@dataclass
class _Ctx:
    rng: random.Random
    lang: str
    who: Who
    phone: phonenumbers.PhoneNumber
    email: str
    situation: str
    third: Who
    temail: str
    agent: Who


def _fill(ctx: _Ctx, slot: str) -> tuple[str, str, str]:
    """(value, kind, class) for one slot."""
    rng, lang, sit = ctx.rng, ctx.lang, ctx.situation
    country = COUNTRY[lang]
    script = lang in names.SCRIPT

    def name_of(who: Who, part: str, what: str) -> tuple[str, str, str]:
        native = script and rng.random() < 0.5
        form = ("-native" if native else "-latin") if script else ""
        if part == "full":
            v = who.full(native)
        elif part == "first":
            v = who.first if native else who.first_lat
        elif part == "last":
            v = who.last if native else who.last_lat
        else:  # reversed
            v = f"{who.last_lat} {who.first_lat}"
            form = ""
        return v, "name", f"name/{lang}/{sit}-{what}{form}"

    if slot == "name":
        return name_of(ctx.who, "full", "full")
    if slot == "first":
        return name_of(ctx.who, "first", "first")
    if slot == "last":
        return name_of(ctx.who, "last", "last")
    if slot == "rname":
        return name_of(ctx.who, "rev", "reversed")
    if slot == "dim":
        d = names.DIMINUTIVE.get(ctx.who.first_lat)
        if d:
            return d, "name", f"name/{lang}/{sit}-diminutive"
        return name_of(ctx.who, "first", "first")
    if slot == "third":
        return name_of(ctx.third, "full", "third")
    if slot == "tfirst":
        return name_of(ctx.third, "first", "third")
    if slot == "agent":
        return name_of(ctx.agent, "first", "agent")
    if slot == "email":
        return ctx.email, "email", f"email/{lang}/{sit}"
    if slot == "temail":
        return ctx.temail, "email", f"email/{lang}/{sit}-third"
    if slot == "email_enc":
        return quote(ctx.email, safe=""), "email", f"email/{lang}/{sit}"
    if slot == "name_enc":
        return quote(ctx.who.full(False), safe=""), "name", f"name/{lang}/{sit}"
    if slot in ("phone", "phone_i", "phone_n"):
        form = {"phone_i": "intl", "phone_n": "national"}.get(slot) or rng.choice(
            ("intl", "national")
        )
        v = write_phone(rng, ctx.phone, form)
        return v, "phone", f"phone/{country}/{sit}-{form}"
    if slot == "phone_e164":
        return e164(ctx.phone), "phone", f"phone/{country}/{sit}-e164"
    if slot == "phone_u":
        num = unassigned_phone(rng, country)
        return write_phone(rng, num, "intl"), "phone", f"phone/{country}/{sit}-intl-unassigned"
    if slot == "phone_spelled":
        digits = phonenumbers.format_number(ctx.phone, phonenumbers.PhoneNumberFormat.NATIONAL)
        words = [_SPELL["en"][int(c)] for c in digits if c.isdigit()]
        return " ".join(words), "phone", f"phone/{country}/{sit}"
    if slot == "card":
        v, brand = card(rng)
        return v, "card", f"card/{lang}/{sit}-{brand}"
    if slot == "iban":
        c = IBAN_COUNTRY[lang]
        return iban(rng, c), "iban", f"iban/{c}/{sit}"
    if slot == "ip":
        v6 = rng.random() < 0.3
        return (ipv6(rng) if v6 else ipv4(rng)), "ip", f"ip/{lang}/{sit}-{'v6' if v6 else 'v4'}"
    if slot == "url":
        v, form = secret_url(rng)
        return v, "url", f"url/{lang}/{sit}-{form}"
    if slot == "ext":  # an extension after a number: not part of the value
        return str(rng.randint(10, 899)), "", ""
    if slot.startswith("d:"):
        sort = slot[2:]
        return decoy(rng, lang, sort), "decoy", f"decoy/{lang}/{sort}"
    raise ValueError(slot)


_SLOT = re.compile(r"\{([a-z_]+(?::[a-z0-9-]+)?)\}")


def _render(ctx: _Ctx, template: str) -> tuple[str, Planted]:
    out: list[str] = []
    planted: Planted = []
    pos = 0
    for m in _SLOT.finditer(template):
        out.append(template[pos : m.start()])
        v, kind, cls = _fill(ctx, m.group(1))
        out.append(v)
        if kind:
            planted.append((kind, v, cls))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), planted


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def placement_ok(text: str, planted: Planted) -> bool:
    """Every occurrence of every planted value is whole and overlaps no other planted value,
    except a name inside a longer name (a first name within the full name: both are names)."""
    spans: list[tuple[int, int, str, str]] = []
    for kind, v, _ in planted:
        v = v.strip()
        if not v:
            return False
        i = text.find(v)
        if i < 0:
            return False
        while i >= 0:
            j = i + len(v)
            if (i > 0 and _word(text[i - 1]) and _word(v[0])) or (
                j < len(text) and _word(text[j]) and _word(v[-1])
            ):
                return False
            spans.append((i, j, v, kind))
            i = text.find(v, i + 1)
    for a, b, v, k in spans:
        for c, d, w, m in spans:
            nested = k == m == "name" and ((c <= a and b <= d) or (a <= c and d <= b))
            if v != w and a < d and c < b and not nested:
                return False
    return True


# --- conversations -----------------------------------------------------------------------------


def _profile(rng: random.Random, platform: str, who: Who, em: str, ph: str) -> dict[str, Any]:
    native = who.lang in names.SCRIPT and rng.random() < 0.5
    first = who.first if native else who.first_lat
    last = who.last if native else who.last_lat
    if platform == "peki":
        return {
            "firstName": first,
            "lastName": last,
            "email": em,
            "phoneNumber": ph,
            "username": f"{fold(who.first_lat)}{rng.randint(10, 99)}",
        }
    if platform == "kore":
        return {
            "channels": [{"type": "rtm", "channelUId": em}],
            "tags": {"userTags": [{"name": "phone", "value": ph}], "sessionTags": []},
        }
    return {
        "user_info": {"name": who.full(native), "email": em, "phone": ph},
        "ip_address": ipv4(rng),
    }


def _text(ctx: _Ctx, pool: tuple[Tpl, ...], used: set[str]) -> Text:
    """A text from ``pool`` (templates marked ``where@lang,...`` only for those languages)."""
    mine = tuple(t for t in pool if ctx.lang in t[0].partition("@")[2].split(","))
    pool = mine or tuple(t for t in pool if "@" not in t[0])
    fresh = tuple(t for t in pool if t[1] not in used) or pool
    for _ in range(40):
        where, tpl = ctx.rng.choice(fresh)
        used.add(tpl)
        text, planted = _render(ctx, tpl)
        if placement_ok(text, planted):
            return Text(text, planted, where.partition("@")[0])
    raise RuntimeError("no valid placement after 40 draws")


def conversation(rng: random.Random, n_texts: int) -> Conversation:
    lang = rng.choice(LANGS)
    who = _who(rng, lang)
    phone = valid_phone(rng, COUNTRY[lang])
    em = email(rng, lang, who.first_lat, who.last_lat)
    third = _who(rng, lang)
    while third.first_lat == who.first_lat or third.last_lat == who.last_lat:
        third = _who(rng, lang)
    agent = _who(rng, lang)
    while agent.first_lat in (who.first_lat, third.first_lat):
        agent = _who(rng, lang)
    ctx = _Ctx(
        rng,
        lang,
        who,
        phone,
        em,
        "support",
        third,
        email(rng, lang, third.first_lat, third.last_lat),
        agent,
    )
    platform = rng.choice(("peki", "kore", "selise"))
    written = write_phone(rng, phone, "national")
    person = Person(lang, who.first, who.last, em, e164(phone), written, COUNTRY[lang])
    conv = Conversation(platform, person, _profile(rng, platform, who, em, e164(phone)))
    used: set[str] = set()
    for _ in range(n_texts):
        if rng.random() < ORDINARY_SHARE:
            ctx.situation = "support"
            pool = ORDINARY[lang] if rng.random() < 0.85 else ORDINARY_ANY
        else:
            ctx.situation = rng.choice(SPECIAL)
            pool = SPECIAL_TPL[ctx.situation]
        t = _text(ctx, pool, used)
        if t.where.startswith("raw:") and ctx.situation == "support":
            t.planted = [
                (k, v, c.replace("/support", "/" + t.where[4:], 1)) for k, v, c in t.planted
            ]
        conv.texts.append(t)
    return conv


def situation(t: Text) -> str:
    """The situation a text was drawn for: a ``SPECIAL`` name, or "support" for ordinary
    traffic (only ordinary templates plant decoys alone)."""
    for kind, _, cls in t.planted:
        if kind != "decoy":
            part = cls.split("/")[2]
            return next((s for s in SPECIAL if part == s or part.startswith(s + "-")), "support")
    return "support"


def corpus(n: int, seed: int) -> list[Conversation]:
    rng = random.Random(f"bank15-{seed}")
    out: list[Conversation] = []
    left = n
    while left > 0:
        k = min(left, rng.randint(2, 5))
        out.append(conversation(rng, k))
        left -= k
    return out
