"""Held-out bank 13 for the masking evaluation, written from the scorer's interface alone.

Names come from Faker locales (drawn once per locale with a fixed seed, so the bank does not
move between runs of one Faker version) and from lists of our own for languages Faker lacks:
over 60 languages in more than 20 scripts. The containers are new: insurance claims, medical
intake forms, school/parent chats, travel bookings and boarding data, real-estate leads,
recruiting notes, legal letters, bug reports with stack traces and config dumps, SQL and CSV
exports, support macros, group chats with @mentions and quoted replies, bot transcripts that
address the user by name, OCR'd documents with broken line wraps, signatures with titles and
pronouns, and names inflected as typed (German "Annas", Turkish "Ayşe'nin", Finnish, Hungarian,
Polish vocative, English possessive).

Rules the bank keeps (the scorer reads them from the classes):

- a person's name is planted token by token as it stands; particles (van, de, bin, Ó...) and
  initials are not planted; a CJK name written without a space is one value; an inflected
  token is planted whole;
- names that are also words (Rose, Hope, Grace, Will, Mark, Bill, Faith, Sunny, Paris...) are
  names where they name a person, and decoys (``decoy/word-name``) where they are words;
- a company, brand, hotel, ship, drug, street or place name that holds a person-like name is a
  decoy planted whole ("Johnson & Johnson", "Goethestraße", "Hotel Sacher"): it names no one;
- bot personas ("Ava from support") are decoys: they are the platform's, not a person's;
- masked card forms ("**** 1234") are neither planted nor decoys.

    .venv/bin/python bench/heldout_bank13.py   # prints the composition of corpus(20000, 1)
"""

from __future__ import annotations

import functools
import ipaddress
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import itertools

from bench.heldout_corpus import Conversation, Person, Text

PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "da",
        "das",
        "di",
        "von",
        "zu",
        "bin",
        "binti",
        "al",
        "el",
        "ter",
        "ten",
        "op",
        "ó",
        "ní",
        "mac",
        "ua",
        "mhic",
        "nic",
        "y",
    ]
)
RAW_FIELD = {"peki": "raw:data_dictionary", "kore": "raw:session_tags", "selise": "raw:metadata"}

# --- names --------------------------------------------------------------------------------------

# language -> (Faker locale, phone region, family name first, written without a space)
_FAKER: dict[str, tuple[str, str, bool, bool]] = {
    "de": ("de_DE", "DE", False, False), "de-at": ("de_AT", "AT", False, False),
    "fr": ("fr_FR", "FR", False, False), "fr-ca": ("fr_CA", "CA", False, False),
    "es": ("es_ES", "ES", False, False), "es-co": ("es_CO", "CO", False, False),
    "es-mx": ("es_MX", "MX", False, False), "it": ("it_IT", "IT", False, False),
    "pt": ("pt_PT", "PT", False, False), "pt-br": ("pt_BR", "BR", False, False),
    "pl": ("pl_PL", "PL", False, False), "cs": ("cs_CZ", "CZ", False, False),
    "sk": ("sk_SK", "SK", False, False), "hu": ("hu_HU", "HU", True, False),
    "fi": ("fi_FI", "FI", False, False), "sv": ("sv_SE", "SE", False, False),
    "no": ("no_NO", "NO", False, False), "da": ("da_DK", "DK", False, False),
    "nl": ("nl_NL", "NL", False, False), "tr": ("tr_TR", "TR", False, False),
    "ro": ("ro_RO", "RO", False, False), "hr": ("hr_HR", "HR", False, False),
    "sl": ("sl_SI", "SI", False, False), "lt": ("lt_LT", "LT", False, False),
    "lv": ("lv_LV", "LV", False, False), "et": ("et_EE", "EE", False, False),
    "is": ("is_IS", "IS", False, False), "ga": ("en_IE", "IE", False, False),
    "id": ("id_ID", "ID", False, False), "ru": ("ru_RU", "RU", False, False),
    "uk": ("uk_UA", "UA", False, False), "bg": ("bg_BG", "BG", False, False),
    "mk": ("mk_MK", "MK", False, False), "el": ("el_GR", "GR", False, False),
    "he": ("he_IL", "IL", False, False), "ar": ("ar_SA", "SA", False, False),
    "fa": ("fa_IR", "IR", False, False), "hi": ("hi_IN", "IN", False, False),
    "mr": ("mr_IN", "IN", False, False), "gu": ("gu_IN", "IN", False, False),
    "or": ("or_IN", "IN", False, False), "bn": ("bn_BD", "BD", False, False),
    "ne": ("ne_NP", "NP", False, False), "ta": ("ta_IN", "IN", False, False),
    "si": ("si_LK", "LK", False, False), "ja": ("ja_JP", "JP", True, True),
    "zh": ("zh_CN", "CN", True, True), "zh-tw": ("zh_TW", "TW", True, True),
    "ko": ("ko_KR", "KR", True, True), "th": ("th_TH", "TH", False, False),
    "ka": ("ka_GE", "GE", False, False), "hy": ("hy_AM", "AM", False, False),
    "az": ("az_AZ", "AZ", False, False), "uz": ("uz_UZ", "UZ", False, False),
    "yo": ("yo_NG", "NG", False, False), "ig": ("ig_NG", "NG", False, False),
    "ha": ("ha_NG", "NG", False, False), "zu": ("zu_ZA", "ZA", False, False),
    "sw": ("sw", "KE", False, False), "tw": ("tw_GH", "GH", False, False),
}  # fmt: skip
# Languages Faker has no names for: our own lists (given names, family names, region).
_OWN: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "vi": (("Thảo", "Quang", "Hương", "Tuấn", "Ngọc", "Khoa"),
           ("Nguyễn", "Trần", "Lê", "Võ", "Đỗ", "Huỳnh"), "VN"),
    "cy": (("Eirlys", "Gwenllian", "Rhodri", "Iolo", "Ffion", "Dafydd"),
           ("Pritchard", "Llewellyn", "Bowen", "Gruffydd", "Pugh", "Vaughan"), "GB"),
    "eu": (("Itziar", "Aitor", "Nerea", "Iñaki", "Garazi", "Unai"),
           ("Etxeberria", "Goikoetxea", "Arrieta", "Zubizarreta", "Olaizola", "Agirre"), "ES"),
    "ca": (("Jordi", "Montserrat", "Pau", "Núria", "Arnau", "Mireia"),
           ("Puigdemont", "Vilaró", "Serrat", "Casals", "Roig", "Ferrer"), "ES"),
    "mt": (("Marija", "Ġużeppi", "Ċensu", "Rita", "Nazzareno", "Doris"),
           ("Borg", "Camilleri", "Farrugia", "Vella", "Zammit", "Grech"), "MT"),
    "sq": (("Arbër", "Drita", "Gëzim", "Mimoza", "Ilir", "Blerta"),
           ("Hoxha", "Krasniqi", "Shehu", "Gashi", "Berisha", "Dervishi"), "AL"),
    "km": (("សុភា", "ដារ៉ា", "វណ្ណា", "សុខា", "ចន្ទ្រា"), ("ហេង", "សុខ", "ចាន់", "លី", "គឹម"), "KH"),
    "lo": (("ສົມພອນ", "ບຸນມີ", "ຄຳຫຼ້າ", "ວິໄລ"), ("ພົມມະວົງ", "ສີສຸວັນ", "ແກ້ວມະນີ", "ວົງສາ"), "LA"),
    "my": (("အောင်", "သီတာ", "ဇော်", "နီလာ"), ("ကျော်", "မြင့်", "ထွန်း", "ဝင်း"), "MM"),
    "mn": (("Болормаа", "Батбаяр", "Оюунчимэг", "Тэмүүлэн", "Сарангэрэл"),
           ("Дорж", "Ганбаатар", "Цэцэг", "Батсүх", "Энхтуяа"), "MN"),
    "kk": (("Айгерім", "Нұрлан", "Жанар", "Ерлан", "Гүлнар"),
           ("Сәрсенбаев", "Оспанова", "Жұмабеков", "Төлеуова", "Ахметов"), "KZ"),
    "ms": (("Nurul", "Hafiz", "Siti", "Azlan"), ("Rahman", "Ismail", "Abdullah", "Yusof"), "MY"),
    "ur": (("عائشہ", "فرحان", "ثناء", "زینب", "عمران"),
           ("قریشی", "چوہدری", "ملک", "بٹ", "رضوی"), "PK"),
    "am": (("አበበ", "ትዕግስት", "ሰላም", "ሄኖክ", "መቅደስ"),
           ("ተስፋዬ", "ገብሬ", "በቀለ", "ታደሰ", "ኃይሉ"), "ET"),
    "tl": (("Maricel", "Jomar", "Lorna", "Rodel"), ("Dimaculangan", "Macaraeg", "Bautista",
                                                    "Panganiban"), "PH"),
    "so": (("Hodan", "Abdirahman", "Faadumo", "Ayaan", "Guled"),
           ("Warsame", "Jama", "Farah", "Mohamud", "Cabdi"), "SO"),
}  # fmt: skip
SCRIPT = {
    **dict.fromkeys(("ru", "uk", "bg", "mk", "mn", "kk"), "cyrillic"), "el": "greek",
    **dict.fromkeys(("ar", "fa", "ur"), "arabic"), "he": "hebrew", "am": "ethiopic",
    **dict.fromkeys(("hi", "mr", "ne", "gu", "or", "bn", "ta", "si"), "indic"),
    **dict.fromkeys(("ja", "zh", "zh-tw"), "cjk"), "ko": "hangul", "th": "thai",
    **dict.fromkeys(("lo", "km", "my"), "sea"), **dict.fromkeys(("ka", "hy"), "caucasus"),
}  # fmt: skip
LANGS = tuple(sorted(_FAKER)) + tuple(sorted(_OWN))
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")

# Names that are also words: planted as names where they name someone, decoys where they don't.
WORD_NAMES = ("Rose", "Hope", "Grace", "Will", "Mark", "Bill", "Faith", "Sunny", "Paris", "Joy",
              "Dawn", "Summer", "Hunter", "Autumn", "Ruby", "Jade", "May", "June", "April",
              "Florence", "Victoria", "Chase", "Lily")  # fmt: skip
_WORD_USES = {
    "Rose": "Rose Gold, 256 GB",
    "Hope": "Hope this helps!",
    "Grace": "Grace period ends",
    "Will": "Will the refund arrive?",
    "Mark": "Mark as resolved",
    "Bill": "Bill to: head office",
    "Faith": "Faith No More tickets sold out",
    "Sunny": "Sunny side, 3rd floor",
    "Paris": "Paris CDG terminal 2E",
    "Joy": "Joy-Con drift again",
    "Dawn": "Dawn dish soap",
    "Summer": "Summer sale starts",
    "Hunter": "Hunter boots size 6",
    "Autumn": "Autumn term fees",
    "Ruby": "Ruby 3.3 upgrade",
    "Jade": "Jade green colourway",
    "May": "May I ask for an update?",
    "June": "June statement attached",
    "April": "April instalment is overdue",
    "Florence": "Florence airport transfer booked",
    "Victoria": "Victoria station, platform 9",
    "Chase": "Chase card declined at the desk",
    "Lily": "Lily pad pattern, size M",
}
_NICK = {"Alexander": "Sasha", "Katarzyna": "Kasia", "Margaret": "Peggy", "Elizabeth": "Liz",
         "Robert": "Bob", "William": "Bill", "Giuseppe": "Peppe", "Francisco": "Paco",
         "José": "Pepe", "Johannes": "Hannes", "Aleksandr": "Sanya"}  # fmt: skip


@functools.cache
def _pool(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Given and family names of one language, drawn once with a fixed seed."""
    if lang in _OWN:
        return _OWN[lang][0], _OWN[lang][1]
    fake = Faker(_FAKER[lang][0], providers=["faker.providers.person"])
    fake.seed_instance(13)
    firsts = {fake.first_name() for _ in range(60)}
    lasts = {fake.last_name() for _ in range(60)}

    def ok(n: str) -> bool:
        return bool(n) and "." not in n and not any(ch.isdigit() for ch in n)

    return tuple(sorted(filter(ok, firsts))), tuple(sorted(filter(ok, lasts)))


def _region(lang: str) -> str:
    return _OWN[lang][2] if lang in _OWN else _FAKER[lang][1]


def _unspaced_lang(lang: str) -> bool:
    return lang in _FAKER and _FAKER[lang][3]


_FOLD = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ı": "i", "æ": "ae", "þ": "th"})
_LATIN = ("de", "fr", "pl", "tr", "es", "it", "hu", "cs", "fi", "nl", "pt-br", "ro", "vi", "cy")


def _romanised(rng: random.Random, who: Who) -> Who:
    """``who`` if the name folds to ASCII (for slugs, boarding passes), else a Latin-script one."""

    def ok(w: Who) -> bool:  # "Lê" folds to "le": a particle elsewhere, so not used here
        last, first = _ascii(w.last.split()[-1]), _ascii(w.first.split()[0])
        return bool(last and first) and last not in PARTICLES and first not in PARTICLES

    while not ok(who):
        who = person_name(rng, rng.choice(_LATIN))
    return who


def tokens(name: str) -> list[str]:
    """The tokens of a name that are planted: every word but particles and initials."""
    return [t for t in name.split() if t.lower() not in PARTICLES and not re.fullmatch(r"\w\.", t)]


def _ascii(s: str) -> str:
    s = s.lower().translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s.lower() if ch in string.ascii_lowercase)


# --- numbers ------------------------------------------------------------------------------------

PHONE_REGIONS = ("DE", "AT", "CH", "FR", "BE", "NL", "LU", "IT", "ES", "PT", "GB", "IE", "PL",
                 "CZ", "SK", "HU", "RO", "BG", "GR", "TR", "UA", "FI", "SE", "NO", "DK", "EE",
                 "LV", "LT", "IS", "RU", "US", "CA", "MX", "BR", "AR", "CL", "CO", "ZA", "NG", "KE",
                 "EG", "MA", "SA", "AE", "IL", "IN", "PK", "BD", "JP", "KR", "CN", "TW", "HK",
                 "SG", "MY", "TH", "VN", "ID", "PH", "AU", "NZ", "GE", "AM", "KZ")  # fmt: skip
_TRUNK0 = ("GB", "DE", "AT", "CH", "NL", "BE", "FR", "AU", "NZ", "ZA", "IE", "SE", "FI")
_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)


def _number(rng: random.Random, region: str, *, valid: bool = True) -> phonenumbers.PhoneNumber:
    """A number of ``region``: valid, or possible in length but in no range the metadata lists."""
    for _ in range(400):
        ex = phonenumbers.example_number_for_type(region, rng.choice(_TYPES))
        if ex is None:
            continue
        nsn = str(ex.national_number)
        if valid:
            keep = max(2, len(nsn) - 6)
            nsn = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        else:
            nsn = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in nsn[1:])
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(nsn))
        ok = phonenumbers.is_valid_number(num) == valid and phonenumbers.is_possible_number(num)
        if ok and (not valid or phonenumbers.region_code_for_number(num) == region):
            return num
    raise ValueError(region)


def phone(rng: random.Random, region: str, style: str) -> str:
    """``region``'s number written in ``style`` (intl, national, 00, paren0, e164, dots)."""
    num = _number(rng, region, valid=style != "unassigned")
    fmt = phonenumbers.PhoneNumberFormat
    intl = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    if style in ("e164", "tel"):
        return phonenumbers.format_number(num, fmt.E164)
    if style == "national":
        return phonenumbers.format_number(num, fmt.NATIONAL)
    if style == "00":
        return "00" + intl[1:]
    if style == "paren0":
        cc, _, rest = intl.partition(" ")
        return f"{cc} (0){rest}"
    if style == "dots":
        return re.sub(r"[ \-]", rng.choice(".-"), intl)
    return intl


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str(-total % 10)


# issuer -> (prefixes, length, grouping)
CARDS: dict[str, tuple[tuple[str, ...], int, tuple[int, ...]]] = {
    "visa": (("4",), 16, (4, 4, 4, 4)), "visa19": (("4",), 19, (4, 4, 4, 4, 3)),
    "mastercard": (("51", "53", "55", "2221", "2720"), 16, (4, 4, 4, 4)),
    "amex": (("34", "37"), 15, (4, 6, 5)), "diners": (("36", "3095"), 14, (4, 6, 4)),
    "discover": (("6011", "65"), 16, (4, 4, 4, 4)), "jcb": (("3528", "3589"), 16, (4, 4, 4, 4)),
    "unionpay": (("62",), 19, (6, 13)), "maestro": (("6759", "5018"), 12, (4, 4, 4)),
    "mir": (("2200", "2204"), 16, (4, 4, 4, 4)), "rupay": (("6521", "8172"), 16, (4, 4, 4, 4)),
    "troy": (("9792",), 16, (4, 4, 4, 4)), "elo": (("636368", "509066"), 16, (4, 4, 4, 4)),
    "verve": (("506099",), 19, (4, 4, 4, 4, 3)), "dankort": (("5019",), 16, (4, 4, 4, 4)),
    "hipercard": (("606282",), 16, (4, 4, 4, 4)), "uatp": (("1",), 15, (4, 5, 6)),
}  # fmt: skip
_CARD_SEPS = (" ", "-", "", ".", "  ", "\u00a0", "\u2009", " - ", "/", "_")


def card(rng: random.Random, issuer: str) -> str:
    prefixes, length, groups = CARDS[issuer]
    body = rng.choice(prefixes)
    body += "".join(rng.choice(string.digits) for _ in range(length - 1 - len(body)))
    digits = body + _luhn_digit(body)
    sep = rng.choice(_CARD_SEPS)
    out, i = [], 0
    for g in groups:
        out.append(digits[i : i + g])
        i += g
    return sep.join(out)


def luhn_fail(rng: random.Random) -> str:
    body = rng.choice("3456") + "".join(rng.choice(string.digits) for _ in range(14))
    bad = (int(_luhn_digit(body)) + rng.randint(1, 9)) % 10
    return body + str(bad)


# country -> BBAN pattern: runs of n (digits) and a (capitals)
IBANS = {
    "DE": "18n", "AT": "16n", "CH": "17n", "FR": "23n", "BE": "12n", "NL": "4a10n", "LU": "16n",
    "IT": "1a22n", "ES": "20n", "PT": "21n", "GB": "4a14n", "IE": "4a14n", "PL": "24n",
    "CZ": "20n", "SK": "20n", "HU": "24n", "RO": "4a16n", "BG": "4a14n", "GR": "23n",
    "TR": "22n", "FI": "14n", "SE": "20n", "NO": "11n", "DK": "14n", "EE": "16n", "LV": "4a13n",
    "LT": "16n", "IS": "22n", "HR": "17n", "SI": "15n", "SA": "20n", "AE": "19n", "IL": "19n",
    "UA": "25n", "GE": "2a16n", "AZ": "4a20n", "KZ": "16n", "MT": "4a23n", "CY": "24n",
    "QA": "4a21n", "JO": "4a22n", "EG": "25n", "PK": "4a16n", "ME": "18n", "RS": "18n",
    "AL": "24n", "BA": "16n", "MK": "15n", "XK": "16n", "TN": "20n", "MR": "23n", "MD": "20n",
}  # fmt: skip


def _mod97(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97


def iban(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = ""
    for count, kind in re.findall(r"(\d+)([an])", IBANS[country]):
        pool = string.ascii_uppercase if kind == "a" else string.digits
        bban += "".join(rng.choice(pool) for _ in range(int(count)))
    check = 98 - _mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 90)) % 97 + 2
        if _mod97(f"{country}{check:02d}{bban}") == 1:
            check = check % 97 + 1
    return f"{country}{check:02d}{bban}"


def written_iban(rng: random.Random, value: str) -> tuple[str, str]:
    style = rng.choice(("compact", "grouped", "lower", "grouped-lower"))
    if "grouped" in style:
        value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    if "lower" in style:
        value = value.lower()
    return value, style


def ip(rng: random.Random, six: bool) -> str:
    while True:
        if six:
            groups = [rng.randint(0x2001, 0x2C0F)] + [rng.getrandbits(16) for _ in range(7)]
            for i in range(rng.randint(2, 5), rng.randint(5, 8)):
                groups[i] = 0
            addr: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.IPv6Address(
                ":".join(f"{g:x}" for g in groups)
            )
        else:
            addr = ipaddress.IPv4Address(rng.getrandbits(32))
        if addr.is_global and not addr.is_multicast and not addr.is_reserved:
            text = addr.compressed
            return text.upper() if six and rng.random() < 0.2 else text


def _alnum(rng: random.Random, n: int, pool: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _aba(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(8)]
    d[0] = rng.choice((0, 1, 2, 3))
    s = sum(w * x for w, x in zip((3, 7, 1, 3, 7, 1, 3, 7), d, strict=True))
    return "".join(map(str, d)) + str(-s % 10)


def _gtin(rng: random.Random, prefix: str = "") -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(12 - len(prefix)))
    s = sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body))
    return body + str(-s % 10)


def _s10(rng: random.Random) -> str:
    d = [rng.randint(0, 9) for _ in range(8)]
    c = 11 - sum(w * x for w, x in zip((8, 6, 4, 2, 3, 5, 9, 7), d, strict=True)) % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    country = rng.choice(("DE", "FR", "CN", "GB"))
    return f"{rng.choice(('RR', 'CP', 'LX', 'EE'))}{''.join(map(str, d))}{c}{country}"


# --- decoys -------------------------------------------------------------------------------------

_STREETS = ("Goethestraße", "Rue Victor Hugo", "Calle de Alcalá", "Via Giuseppe Verdi",
            "Karl-Marx-Allee", "Abbey Road", "Avenida Paulista", "Ulica Marszałkowska",
            "Mannerheimintie", "Rua Augusta", "Nevsky Prospekt", "Baker Street")  # fmt: skip
_PLACES = ("Saint-Denis", "Santa Monica", "San José", "Victoria", "Charlotte", "Florence",
           "Adelaide", "Sankt Anton", "Marienbad", "Alexandria", "Georgetown",
           "Jacksonville")  # fmt: skip
_COMPANIES = ("Johnson & Johnson", "Ernst & Young", "Dr. Oetker", "Procter & Gamble",
              "Siemens Healthineers", "Marks & Spencer", "Ben & Jerry's", "Wells Fargo",
              "Charles Schwab", "Mercedes-Benz", "Hugo Boss", "Ferrero Rocher",
              "Sainsbury's", "Jack Wolfskin")  # fmt: skip
_HOTELS = ("Hotel Sacher", "The Ritz-Carlton", "Hotel Adlon Kempinski", "Four Seasons",
           "Mandarin Oriental", "Hilton Garden Inn", "Hotel Bristol")  # fmt: skip
_SHIPS = ("MSC Bellissima", "Queen Mary 2", "AIDAnova", "Costa Smeralda", "Ever Given",
          "Hurtigruten Richard With")  # fmt: skip
_DRUGS = ("Xarelto", "Ozempic", "Eliquis", "Ibuprofen", "Paracetamol", "Humira", "Metformin",
          "Ventolin", "Augmentin")  # fmt: skip
_PRODUCTS = ("Alexa", "Siri", "Cortana", "Dyson V15", "Tesla Model Y", "Kia Ceed",
             "Nissan Micra", "Renault Zoe", "Opel Corsa", "Hyundai Ioniq")  # fmt: skip
_PERSONAS = ("Ava", "Leo", "Mia", "Kai", "Nova", "Sam", "Zoe", "Max")
_HANDLES = ("@AcmeSupport", "@DeutscheBahn", "@KLM", "@Ryanair", "@SwissAir", "@Zalando_DE",
            "@AmazonHelp", "@Uber_Support")  # fmt: skip


_CURRENCIES = ("€", "$", "£", "CHF ", "zł ", "R$ ")


def _hex(rng: random.Random, n: int) -> str:
    return _alnum(rng, n, "0123456789abcdef")


DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: f"ORD-{r.randint(10, 99)}-{r.randint(100000, 999999)}",
    "tracking-s10": _s10,
    "tracking-ups": lambda r: "1Z" + _alnum(r, 16, string.ascii_uppercase + string.digits),
    "amount": lambda r: r.choice(_CURRENCIES) + f"{r.randint(10, 9999)},{r.randint(10, 99)}",
    "date": lambda r: f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2024, 2027)}",
    "iso-date": lambda r: f"{r.randint(2024, 2027)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "time": lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    "version": lambda r: f"v{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 99)}",
    "uuid": lambda r: "-".join(_hex(r, n) for n in (8, 4, 4, 4, 12)),
    "sha": lambda r: _hex(r, 40),
    "aba": _aba,
    "gtin": lambda r: _gtin(r, r.choice(("400", "500", "760", "590"))),
    "isbn": lambda r: _gtin(r, r.choice(("978", "979"))),
    "bic": lambda r: r.choice(("DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "UBSWCHZH80A", "NWBKGB2L")),
    "luhn-fail": luhn_fail,
    "iban-badcheck": lambda r: iban(r, r.choice(sorted(IBANS)), valid=False),
    "flight": lambda r: f"{r.choice(('LH', 'AF', 'TK', 'QR', 'EK', 'KL'))} {r.randint(100, 9999)}",
    "pnr": lambda r: _alnum(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
    "seat": lambda r: f"{r.randint(1, 45)}{r.choice('ABCDEFK')}",
    "claim-no": lambda r: f"CLM/{r.randint(2024, 2026)}/{r.randint(100000, 999999)}",
    "policy-no": lambda r: f"POL-{_alnum(r, 3, string.ascii_uppercase)}-{r.randint(10**6, 10**7)}",
    "icd10": lambda r: f"{r.choice('JKMSR')}{r.randint(10, 99)}.{r.randint(0, 9)}",
    "mrn": lambda r: f"MRN {r.randint(1000000, 9999999)}",
    "listing": lambda r: f"LST-{r.randint(10000, 99999)}",
    "req-id": lambda r: f"REQ-{r.randint(1000, 9999)}",
    "jira": lambda r: f"{r.choice(('PAY', 'CORE', 'WEB', 'OPS'))}-{r.randint(100, 9999)}",
    "git-short": lambda r: _hex(r, 7),
    "port": lambda r: str(r.choice((5432, 6379, 8443, 9092, 27017))),
    "case-no": lambda r: f"Az. {r.randint(1, 99)} O {r.randint(100, 999)}/{r.randint(20, 26)}",
    "sqm": lambda r: f"{r.randint(30, 240)} m²",
    "room": lambda r: f"Room {r.randint(100, 1299)}",
    "gate": lambda r: f"Gate {r.choice('ABCDE')}{r.randint(1, 60)}",
    "street-person": lambda r: r.choice(_STREETS),
    "place-name": lambda r: r.choice(_PLACES),
    "company": lambda r: r.choice(_COMPANIES),
    "hotel": lambda r: r.choice(_HOTELS),
    "ship": lambda r: r.choice(_SHIPS),
    "drug": lambda r: r.choice(_DRUGS),
    "product-name": lambda r: r.choice(_PRODUCTS),
    "bot-persona": lambda r: r.choice(_PERSONAS),
    "brand-handle": lambda r: r.choice(_HANDLES),
    "http-status": lambda r: f"HTTP {r.choice((404, 409, 422, 500, 503))}",
    "semver-range": lambda r: f"^{r.randint(1, 9)}.{r.randint(0, 20)}.0",
    "percent": lambda r: f"{r.randint(1, 99)}%",
    "masked-ref": lambda r: f"XXXX-{r.randint(1000, 9999)}",
}  # fmt: skip


# --- one text -----------------------------------------------------------------------------------


@dataclass
class Text13(Text):
    origins: list[str] = field(default_factory=list)  # language / region / issuer per value
    spot: str = ""
    positions: list[str] = field(default_factory=list)  # "name:start", "phone:ext", ...


@dataclass
class Who:
    lang: str
    first: str
    last: str


class _Ctx:
    def __init__(self, rng: random.Random, me: Who, spot: str) -> None:
        self.rng, self.me, self.spot = rng, me, spot
        self.planted: list[tuple[str, str, str]] = []
        self.origins: list[str] = []
        self.positions: list[str] = []
        self.person: Person | None = None

    def put(self, kind: str, value: str, cls: str, origin: str = "", pos: str = "") -> str:
        if any(k == kind and v == value for k, v, _ in self.planted):
            return value  # written again: planted once, every occurrence counts
        self.planted.append((kind, value, cls))
        self.origins.append(origin)
        if pos:
            self.positions.append(f"{kind}:{pos}")
        return value

    def cls(self, lang: str, var: str = "") -> str:
        """A name's class: container, script and how it is written (the language is its origin)."""
        own = "+own" if lang in _OWN else ""  # from our lists rather than Faker's
        return f"name/{self.spot}-{SCRIPT.get(lang, 'latin')}{var}{own}"

    def decoy(self, what: str, value: str | None = None) -> str:
        return self.put("decoy", value or DECOYS[what](self.rng), f"decoy/{what}")

    def other(self) -> Who:
        return person_name(self.rng, self.rng.choice(LANGS))

    def token(self, who: Who, value: str, pos: str = "", var: str = "") -> str:
        return self.put("name", value, self.cls(who.lang, var), who.lang, pos)

    def given(self, who: Who | None = None, pos: str = "", var: str = "") -> str:
        who = who or self.me
        words = who.first.split()
        value = _vary(words[0], var)
        rest = " ".join(_vary(w, var) for w in words[1:])
        out = self.token(who, value, pos, var)
        for w in rest.split():
            self.token(who, w, pos, var)
        return f"{out} {rest}".strip()

    def family(self, who: Who | None = None, pos: str = "", var: str = "") -> str:
        who = who or self.me
        out = []
        for w in who.last.split():
            w = _vary(w, var)
            is_token = w.lower() not in PARTICLES
            out.append(self.token(who, w, pos, var) if is_token else w)
        return " ".join(out)

    def full(self, who: Who | None = None, pos: str = "", var: str = "") -> str:
        """A name as its people write it: family first in some languages, CJK without space."""
        who = who or self.me
        if _unspaced_lang(who.lang) and not var:
            return self.token(who, who.last + who.first, pos, "+unspaced")
        if who.lang in _FAKER and _FAKER[who.lang][2]:
            fam = self.family(who, pos, var)
            return f"{fam} {self.given(who, pos, var)}"
        given = self.given(who, pos, var)
        return f"{given} {self.family(who, pos, var)}"

    def phone(self, region: str | None = None, style: str | None = None, pos: str = "") -> str:
        rng = self.rng
        region = region or rng.choice(PHONE_REGIONS)
        style = style or rng.choice(
            ("intl", "intl", "national", "national", "00", "e164", "dots", "unassigned",
             "paren0", "ext")
        )  # fmt: skip
        if style == "paren0" and region not in _TRUNK0:
            style = "intl"
        value = phone(rng, region, "intl" if style == "ext" else style)
        cls = {"unassigned": "intl-unassigned"}.get(style, style)
        out = self.put("phone", value, f"phone/{cls}", region, pos)
        if style == "ext":
            return (
                out
                + rng.choice((" ext. ", " x", " Durchwahl -", " poste ", " (ext "))
                + str(rng.randint(10, 9999))
                + (")" if "(" in out[-2:] else "")
            )
        return out

    def card(self, issuer: str | None = None) -> str:
        issuer = issuer or self.rng.choice(sorted(CARDS))
        return self.put("card", card(self.rng, issuer), f"card/{issuer}", issuer)

    def iban(self, country: str | None = None) -> str:
        country = country or self.rng.choice(sorted(IBANS))
        value, style = written_iban(self.rng, iban(self.rng, country))
        return self.put("iban", value, f"iban/{style}", country)

    def ip(self, six: bool | None = None) -> str:
        six = self.rng.random() < 0.45 if six is None else six
        return self.put("ip", ip(self.rng, six), "ip/v6" if six else "ip/v4", "v6" if six else "v4")

    def email(self, who: Who | None = None, style: str | None = None) -> str:
        rng = self.rng
        who = who or self.me
        tag = str(rng.randint(100, 9999))
        f, la = _ascii(who.first) or f"user{tag}", _ascii(who.last) or f"id{tag}"
        style = style or rng.choice(
            ("personal", "personal", "role", "idn-domain", "eai-local", "plus", "subdomain",
             "caps")
        )  # fmt: skip
        dom = rng.choice(
            (
                "gmail.com",
                "outlook.de",
                "yahoo.co.jp",
                "mail.ru",
                "seznam.cz",
                "web.de",
                "proton.me",
                "icloud.com",
                "naver.com",
                "t-online.de",
            )
        )
        value = {
            "personal": f"{f}.{la}@{dom}",
            "role": f"{rng.choice(_ROLES)}@{rng.choice(_ROLE_DOMAINS)}",
            "idn-domain": f"{f}@{rng.choice(_IDN)}",
            "eai-local": f"{rng.choice(_EAI)}.{la}@{dom}",
            "plus": f"{f}+{rng.choice(('claims', 'travel', 'school', 'jobs'))}@{dom}",
            "subdomain": f"{f[0]}{la}@mail.{rng.choice(_UNI)}",
            "caps": f"{f.upper()}.{la.upper()}@{dom.upper()}",
        }[style]  # fmt: skip
        return self.put("email", value, f"email/{style}", who.lang)

    def url(self) -> str:
        rng = self.rng
        tok = _alnum(rng, rng.randint(24, 40))
        kind = rng.choice(URL_KINDS)
        if kind == "userinfo-password":
            pw = _alnum(rng, 10) + rng.choice("!#%") + _alnum(rng, 4)
            self.put("url", pw, f"url/{kind}", kind)
            return f"https://deploy:{pw}@git.intra-{rng.randint(1, 9)}.net/repo.git"
        if kind == "db-dsn":
            pw = _alnum(rng, 14)
            self.put("url", pw, f"url/{kind}", kind)
            return f"postgres://app_rw:{pw}@db-{rng.randint(1, 9)}.prod.internal:5432/claims"
        if kind == "gh-token":
            value = "ghp_" + _alnum(rng, 36)
            self.put("url", value, f"url/{kind}", kind)
            return f"https://x-access-token:{value}@github.com/acme/api.git"
        if kind == "slack-webhook":
            value = _alnum(rng, 24)
            self.put("url", value, f"url/{kind}", kind)
            team = _alnum(rng, 8, string.ascii_uppercase)
            hook = _alnum(rng, 8, string.ascii_uppercase)
            return f"https://hooks.slack.com/services/T0{team}/B0{hook}/{value}"
        if kind == "discord-webhook":
            value = _alnum(rng, 60, string.ascii_letters + string.digits + "_-")
            self.put("url", value, f"url/{kind}", kind)
            return f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/{value}"
        if kind == "s3-signature":
            value = _hex(rng, 64)
            self.put("url", value, f"url/{kind}", kind)
            return f"https://claims-docs.s3.eu-central-1.amazonaws.com/scan.pdf?X-Amz-Expires=900&X-Amz-Signature={value}"
        if kind == "sas-sig":
            value = _alnum(rng, 43) + "%3D"
            self.put("url", value, f"url/{kind}", kind)
            return f"https://hrfiles.blob.core.windows.net/cv/cv.pdf?sv=2022-11-02&sp=r&sig={value}"
        if kind == "reset-path":
            self.put("url", tok, f"url/{kind}", kind)
            return f"https://portal.example-insure.eu/account/reset/{tok}"
        if kind == "jwt":
            value = "eyJhbGciOiJIUzI1NiJ9." + _alnum(rng, 30) + "." + _alnum(rng, 43)
            self.put("url", value, f"url/{kind}", kind)
            return f"https://app.booking-hub.io/cb#id_token={value}&state=xyz"
        param = {"query-token": "access_token", "oauth-code": "code", "api-key": "api_key",
                 "magic-link": "login_token", "password-query": "pwd", "session-id": "sid",
                 "invite-key": "invite", "signature": "signature",
                 "calendar-key": "private_key"}[kind]  # fmt: skip
        self.put("url", tok, f"url/{kind}", kind)
        host = rng.choice(("api.school-app.eu", "my.claims-portal.de", "recruit.hr-suite.com",
                           "tickets.railjet.at", "crm.immo-leads.nl"))  # fmt: skip
        return (
            f"https://{host}/v2/{rng.choice(('open', 'auth', 'join', 'dl'))}?lang=en&{param}={tok}"
        )


_ROLES = ("info", "billing", "hr", "claims", "admissions", "sales", "noreply")
_ROLE_DOMAINS = ("kanzlei-weber.de", "schule-am-see.at", "immo-nord.dk", "clinic-salus.it")
_IDN = ("müller-bau.de", "bücherstube.at", "café-olé.fr", "ñandú.es", "örnek.com.tr")
_EAI = ("josé", "zoë", "søren", "müller", "андрей", "田中")
_UNI = ("uni-wien.ac.at", "cs.ox.ac.uk", "hospital.org.br")
URL_KINDS = ("userinfo-password", "db-dsn", "gh-token", "slack-webhook", "discord-webhook",
             "s3-signature", "sas-sig", "reset-path", "jwt", "query-token", "oauth-code",
             "api-key", "magic-link", "password-query", "session-id", "invite-key", "signature",
             "calendar-key")  # fmt: skip


def _vary(word: str, var: str) -> str:
    if "+caps" in var:
        return word.upper()
    if "+lower" in var:
        return word.lower()
    if "+ascii" in var:
        out = unicodedata.normalize("NFKD", word)
        return "".join(ch for ch in out if not unicodedata.combining(ch)) or word
    return word


def person_name(rng: random.Random, lang: str) -> Who:
    firsts, lasts = _pool(lang)
    return Who(lang, rng.choice(firsts), rng.choice(lasts))


def _typo(rng: random.Random, word: str) -> str:
    """Two letters swapped, or the last one doubled (scripts with combining marks, short names)."""
    if len(word) < 5 or not word.isalpha() or any(unicodedata.combining(ch) for ch in word):
        return word + word[-1]
    i = rng.randint(1, len(word) - 3)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _inflect(who: Who, rng: random.Random) -> tuple[str, str]:
    """The given name inflected as its language does it, and a frame around it."""
    first = who.first.split()[0]
    if who.lang in ("de", "de-at"):
        return first + (
            "'" if first[-1] in "sxz" else "s"
        ), "{} Impfpass liegt bei uns im Sekretariat."
    if who.lang == "tr":
        suffix = "'nin" if first[-1] in "aeıioöuü" else "'in"
        return first + suffix, "{} dosyası eksik, kimlik fotokopisi lazım."
    if who.lang == "fi":
        return first + "lle", "Lähetin vahvistuksen {} eilen."
    if who.lang == "hu":
        return first + (
            "nak" if first[-1] in "aáoóuú" else "nek"
        ), "Kérem, adják át {} az iratokat."
    if who.lang == "pl" and first.endswith("a"):
        return first[:-1] + "o", "Pani {}, dziękujemy za zgłoszenie szkody."
    if who.lang == "ru" and first[-1] not in "аяйьео":
        return first + "а", "У {} завтра приём в 10:00."
    return first + "'s", "{} boarding pass was not in the app."


# --- containers ---------------------------------------------------------------------------------
# Each writes one text through the context, which plants every value it writes.


def t_insurance_claim(c: _Ctx) -> str:
    r = c.rng
    return (
        f"Claim no. {c.decoy('claim-no')} / policy {c.decoy('policy-no')}\n"
        f"Policyholder: {c.full(pos='label')}\n"
        f"Date of loss: {c.decoy('date')} at {c.decoy('time')}\n"
        f"Loss address: {c.decoy('street-person')} {r.randint(1, 200)}\n"
        f"Third party: {c.full(c.other(), pos='label')}, tel. {c.phone()}\n"
        f"Payout to {c.iban()} ({c.decoy('bic')}), estimate {c.decoy('amount')}"
    )


def t_medical_intake(c: _Ctx) -> str:
    r = c.rng
    doc = c.other()
    return (
        f"PATIENT INTAKE — {c.decoy('mrn')}\n"
        f"Surname: {c.family(var=r.choice(('', '+caps')), pos='label')}"
        f"\nGiven name(s): {c.given(pos='label')}\nMeds: {c.decoy('drug')} 20 mg, "
        f"{c.decoy('drug', r.choice([d for d in _DRUGS]))}\nDx: {c.decoy('icd10')}\n"
        f"Referring physician: Dr. {c.family(doc, pos='after-title')}\n"
        f"Emergency contact: {c.given(c.other())} ({c.phone(style=r.choice(('national', 'intl')))})"
    )


def t_school_chat(c: _Ctx) -> str:
    r = c.rng
    kid = Who(c.me.lang, person_name(r, c.me.lang).first, c.me.last)
    teacher = c.other()
    return (
        f"[Class 3b parents] {c.given(pos='start')}: Hi all, {c.given(kid)} won't be in on "
        f"{c.decoy('date')}, dentist. @{c.given(teacher, pos='mention')} could you send the "
        f"{c.decoy('word-name', 'Autumn')} term reading list to {c.email()}? Thx 🙏"
    )


def t_travel_booking(c: _Ctx) -> str:
    r = c.rng
    up = r.random() < 0.5
    var = "+caps" if up else ""
    return (
        f"BOOKING REF {c.decoy('pnr')}\nPASSENGER {c.family(var=var, pos='label')}/"
        f"{c.given(var=var)} {r.choice(('MR', 'MRS', 'MS'))}\n"
        f"FLIGHT {c.decoy('flight')} DEP {c.decoy('time')} {c.decoy('gate')} "
        f"SEAT {c.decoy('seat')}\n"
        f"HOTEL {c.decoy('hotel')}, {c.decoy('room')}\n"
        f"CONTACT {c.phone(style='e164')} / {c.email()}\n"
        f"PAID WITH {c.card()}"
    )


def t_boarding(c: _Ctx) -> str:
    # the boarding pass as the airline app prints it: SURNAME/GIVEN in capitals, no diacritics
    who = _romanised(c.rng, c.me)
    fam = _ascii(who.last.split()[-1]).upper()
    given = _ascii(who.first.split()[0]).upper()
    c.put("name", fam, c.cls(who.lang, "+ascii+caps"), who.lang, "barcode")
    c.put("name", given, c.cls(who.lang, "+ascii+caps"), who.lang, "barcode")
    return (
        f"M1 {fam}/{given}   {c.decoy('pnr')} FRAMUC {c.decoy('flight')} "
        f"seq {c.rng.randint(1, 300):03d} — scanned at {c.decoy('gate')}"
    )


def t_real_estate(c: _Ctx) -> str:
    return (
        f"New lead for {c.decoy('listing')} ({c.decoy('sqm')}, "
        f"{c.decoy('word-name', 'Sunny')} side)"
        f"\nName: {c.full(pos='label')}\nPhone: {c.phone()}\nBudget: {c.decoy('amount')}\n"
        f"Note: viewing with partner {c.given(c.other())} after {c.decoy('time')}; "
        f"prefers {c.decoy('place-name')} area. Source: {c.decoy('brand-handle')}"
    )


def t_hr_note(c: _Ctx) -> str:
    r = c.rng
    return (
        f"{c.decoy('req-id')} — screening call with {c.full(pos='inline')} "
        f"({r.choice(('she/her', 'he/him', 'they/them'))}). Ex-{c.decoy('company')}, "
        f"notice period 3 months. CV: {c.url()}\n"
        f"Referee: {c.full(c.other())}, {c.email(style='role')}"
    )


def t_legal_letter(c: _Ctx) -> str:
    r = c.rng
    lawyer = c.other()
    return (
        f"Our ref.: {c.decoy('case-no')}\n\nDear {r.choice(('Ms', 'Mr', 'Mx'))} "
        f"{c.family(pos='after-title')},\n\nacting for our client {c.full(c.other())} we demand "
        f"payment of {c.decoy('amount')} by {c.decoy('date')} to {c.iban()}.\n\nYours faithfully\n"
        f"{c.full(lawyer, pos='signature')}\nRechtsanwältin, {c.decoy('company')}"
    )


def t_bug_report(c: _Ctx) -> str:
    return (
        f"{c.decoy('jira')}: checkout fails with {c.decoy('http-status')} on {c.decoy('version')}\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/app/payments/charge.py", line 88, in charge\n'
        f"    raise CardDeclined(card='{c.card()}')\n"
        f"client_ip={c.ip()} commit={c.decoy('sha')}\n"
        f"config: DATABASE_URL={c.url()}\n  redis.port: {c.decoy('port')}\n"
        f"reported by {c.given(pos='end')}"
    )


def t_sql_export(c: _Ctx) -> str:
    who = c.other()
    return (
        "INSERT INTO customers (id, first_name, last_name, email, phone, iban) VALUES "
        f"({c.rng.randint(1, 99999)}, '{c.given(pos='quotes')}', '{c.family(pos='quotes')}', "
        f"'{c.email()}', '{c.phone()}', '{c.iban()}'),\n"
        f"({c.rng.randint(1, 99999)}, '{c.given(who, pos='quotes')}', '{c.family(who)}', "
        f"NULL, NULL, NULL);"
    )


def t_csv_export(c: _Ctx) -> str:
    rows = ["id;name;email;phone;ip;created"]
    for who in (c.me, c.other()):
        rows.append(
            f"{c.decoy('uuid')};{c.full(who, pos='csv')};{c.email(who)};"
            f"{c.phone()};{c.ip()};{c.decoy('iso-date')}"
        )
    return "\n".join(rows)


def t_support_macro(c: _Ctx) -> str:
    return (
        f"Hi {c.given(pos='after-greeting')},\n\nthanks for reaching out! I'm "
        f"{c.decoy('bot-persona')} from support. Your order {c.decoy('order')} left our warehouse "
        f"on {c.decoy('date')}; tracking {c.decoy('tracking-s10')}. "
        f"{c.decoy('word-name', 'Hope')} this helps!\n\n— {c.decoy('brand-handle')}"
    )


def t_group_chat(c: _Ctx) -> str:
    a, b = c.other(), c.other()
    return (
        f"{c.given(a, pos='start')} {c.decoy('time')}\n> {c.given(pos='quote')} wrote: can someone "
        f"call the customer on {c.phone()}?\n@{c.given(b, pos='mention')} on it, also pinged "
        f"@{c.given(pos='mention', var='+lower')} 👍\n{c.decoy('word-name', 'Mark')} as resolved "
        f"when done ({c.decoy('jira')})"
    )


def t_bot_transcript(c: _Ctx) -> str:
    r = c.rng
    return (
        f"Bot: Welcome back, {c.given(pos='after-greeting')}! How can I help?\n"
        f"User: card {c.card()} was charged twice\n"
        f"Bot: Sorry about that, {c.given(pos='mid', var=r.choice(('', '+lower')))}. I've opened "
        f"{c.decoy('order')} — refund of {c.decoy('amount')} in 3-5 days."
    )


def t_ocr(c: _Ctx) -> str:
    r = c.rng
    fam = c.family(pos="ocr")
    return (
        f"RECHNUNG / INVOICE  Nr {c.decoy('order')}\nKunde:\n{c.given(pos='line-start')}\n{fam}\n"
        f"{c.decoy('street-person')} {r.randint(1, 90)}\nIBAN:\n{c.iban()}\nTel\n{c.phone()}\n"
        f"Betrag {c.decoy('amount')}  EAN {c.decoy('gtin')}"
    )


def t_signature(c: _Ctx) -> str:
    r = c.rng
    title = r.choice(("Senior Claims Handler", "Head of Admissions", "Leasing Consultant",
                      "Talent Partner", "Paralegal"))  # fmt: skip
    pron = r.choice(("(she/her)", "(he/him)", "(they/them)", "| pronouns: she/they"))
    return (
        f"Thanks,\n{c.full(pos='signature')} {pron}\n{title} · {c.decoy('company')}\n"
        f"M {c.phone(style=r.choice(('intl', 'ext', 'paren0', 'dots')))} | {c.email()}"
    )


_INFLECTING = ("de", "de-at", "tr", "fi", "hu", "pl", "ru")


def t_inflected(c: _Ctx) -> str:
    who = c.me
    if c.rng.random() < 0.6:  # the languages that inflect names, more often than their share
        who = person_name(c.rng, c.rng.choice(_INFLECTING))
    word, frame = _inflect(who, c.rng)
    c.put("name", word, c.cls(who.lang, "+inflected"), who.lang, "inflected")
    return frame.format(word) + f" Ref {c.decoy('req-id')}"


def t_typo(c: _Ctx) -> str:
    first = c.me.first.split()[0]
    typo = _typo(c.rng, first)
    if typo == first:
        typo = first + first[-1]
    c.put("name", typo, c.cls(c.me.lang, "+typo"), c.me.lang, "mid")
    return f"sorry — is it {typo} or did I misspell it? booking {c.decoy('pnr')}"


def t_nick(c: _Ctx) -> str:
    first = c.me.first.split()[0]
    nick = _NICK.get(first) or (first[:4] if len(first) >= 7 and first.isalpha() else first)
    var = "+nick" if nick != first else ""
    c.put("name", nick, c.cls(c.me.lang, var), c.me.lang, "start")
    return f"{nick} here again, same number {c.phone(style='national')} :)"


def t_initial(c: _Ctx) -> str:
    who = c.other()
    first = who.first.split()[0]
    return (
        f"Approved by {first[0]}. {c.family(who, pos='initial', var='+initial')} on "
        f"{c.decoy('iso-date')}; cc {c.email(style='role')}"
    )


def t_word_names(c: _Ctx) -> str:
    r = c.rng
    name = r.choice(WORD_NAMES)
    word = r.choice([w for w in WORD_NAMES if w != name])
    who = Who(c.me.lang, name, c.me.last)
    c.put("name", name, c.cls(who.lang, ""), who.lang, "start")
    return (
        f"{name} {c.family(who)} asked about the invoice.\n"
        f"{c.decoy('word-name', word)}{_WORD_USES[word][len(word) :]} — noted, "
        f"{c.decoy('ship')} departs "
        f"{c.decoy('date')}."
    )


def t_parens_quotes(c: _Ctx) -> str:
    return (
        f'the form says "{c.full(pos="quotes")}" (not {c.given(c.other(), pos="parens")}), '
        f"IP {c.ip(six=True)} — new {c.decoy('product-name')} on {c.decoy('version')}"
    )


def t_hashtag_urlpath(c: _Ctx) -> str:
    who = _romanised(c.rng, c.me)
    slug = _ascii(who.first.split()[0])
    c.put("name", slug, c.cls(who.lang, "+ascii+lower"), who.lang, "url-path")
    return (
        f"profile: https://social.example.net/u/{slug} and #{c.given(pos='hashtag')} "
        f"photos 📸 {c.given(c.other(), pos='after-emoji')} shared, {c.decoy('percent')} done"
    )


def t_payment_chat(c: _Ctx) -> str:
    r = c.rng
    masked = f"**** **** **** {r.randint(1000, 9999)}"
    return (
        f"old card {masked} expired, new one is {c.card()} "
        f"exp {r.randint(1, 12):02d}/{r.randint(27, 31)}; "
        f"routing {c.decoy('aba')}, not {c.decoy('luhn-fail')}; refund to {c.iban()} please"
    )


def t_account_dump(c: _Ctx) -> str:
    return json.dumps(
        {
            "user": c.full(pos="json"),
            "mail": c.email(),
            "last_ip": c.ip(),
            "isbn_ordered": c.decoy("isbn"),
            "bad_iban_on_file": c.decoy("iban-badcheck"),
            "callback": c.url(),
            "ver": c.decoy("semver-range"),
            "commit": c.decoy("git-short"),
            "ups": c.decoy("tracking-ups"),
        },
        ensure_ascii=False,
    )


def t_tel_uri(c: _Ctx) -> str:
    region = c.rng.choice(PHONE_REGIONS)
    num = phone(c.rng, region, "tel")
    c.put("phone", num, "phone/tel-uri", region, "tel-uri")
    return f'<a href="tel:{num}">call {c.given(pos="html")}</a> or write {c.email()}'


TEMPLATES: dict[str, Callable[[_Ctx], str]] = {
    name[2:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("t_")
}


def t_own_contact(c: _Ctx) -> str:
    p = c.person
    assert p is not None
    c.put("email", p.email, "email/own", c.me.lang)
    c.put("phone", p.phone_written, "phone/own", p.country, "own")
    var = c.rng.choice(("", "+caps"))
    return f"you can reach me at {p.email} or {p.phone_written} — {c.given(pos='end', var=var)}"


TEMPLATES["own-contact"] = t_own_contact
BOT_SPOTS = ("support-macro", "bot-transcript")


# --- the bank -----------------------------------------------------------------------------------


def _unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_UNSPACED)


def faults(text: str, planted: list[tuple[str, str, str]]) -> list[str]:
    """What would make the scorer count a value where none was meant, or miss one."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    if len({v for _, v, _ in planted}) != len(planted):
        out.append("a value planted twice")
    for _, value, _ in planted:
        starts, at = [], text.find(value)
        while at >= 0:
            starts.append(at)
            at = text.find(value, at + 1)
        if not starts:
            out.append(f"{value!r} missing")
        for a in starts:
            b = a + len(value)
            left = text[a - 1] if a else " "
            right = text[b] if b < len(text) else " "
            for outer, inner in ((left, value[0]), (right, value[-1])):
                if outer.isalnum() and not (_unspaced(outer) or _unspaced(inner)):
                    out.append(f"{value!r} inside a word")
            if unicodedata.combining(right):
                out.append(f"{value!r} before a combining mark")
            spans.append((a, b))
    spans.sort()
    out += ["overlap" for (_, b1), (a2, _) in itertools.pairwise(spans) if a2 < b1]
    for m in re.finditer(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])", text):
        try:
            if not ipaddress.ip_address(m.group()).is_global:
                out.append("a non-public address")
        except ValueError:
            pass
    return out


def _write(rng: random.Random, me: Who, person: Person, spot: str, where: str) -> Text13 | None:
    for _ in range(40):
        ctx = _Ctx(rng, me, spot)
        ctx.person = person
        text = TEMPLATES[spot](ctx)
        if ctx.planted and not faults(text, ctx.planted):
            return Text13(text, ctx.planted, where, ctx.origins, spot, ctx.positions)
    return None


def make_person(rng: random.Random) -> tuple[Who, Person]:
    lang = rng.choice(LANGS)
    me = person_name(rng, lang)
    region = _region(lang)
    num = _number(rng, region)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    fmt = rng.choice((phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                      phonenumbers.PhoneNumberFormat.NATIONAL))  # fmt: skip
    written = phonenumbers.format_number(num, fmt)
    f, la = _ascii(me.first) or "user", _ascii(me.last) or str(rng.randint(10, 99))
    email = (
        f"{rng.choice((f, f[0]))}.{la}{rng.choice(('', str(rng.randint(1, 99))))}@"
        + rng.choice(("gmail.com", "posteo.net", "yandex.ru", "qq.com", "hotmail.fr", "libero.it"))
    )
    return me, Person(lang, me.first, me.last, email, e164, written, region)


def _profile(rng: random.Random, platform: str, p: Person) -> dict[str, object]:
    if platform == "peki":
        return {"firstName": p.first, "lastName": p.last, "email": p.email,
                "phoneNumber": p.phone, "dataDictionary": {"plan": "basic"}}  # fmt: skip
    if platform == "kore":
        tags = [{"name": "firstName", "value": p.first}, {"name": "lastName", "value": p.last},
                {"name": "email", "value": p.email},
                {"name": "phone", "value": p.phone}]  # fmt: skip
        return {"channels": [{"type": "email", "channelUId": p.email}], "tags": {"userTags": tags}}
    return {"user_info": {"name": p.full, "email": p.email, "phone": p.phone},
            "ip_address": ip(rng, rng.random() < 0.3)}  # fmt: skip


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until they hold at least ``n`` texts; the same for the same seed."""
    rng = random.Random(seed * 7919 + 13)
    spots = sorted(TEMPLATES)
    out: list[Conversation] = []
    total = 0
    while total < n:
        me, person = make_person(rng)
        platform = rng.choice(("peki", "kore", "selise"))
        conv = Conversation(platform, person, _profile(rng, platform, person))
        for _ in range(min(rng.randint(2, 6), n - total)):
            spot = rng.choice(spots)
            roll = rng.random()
            if spot in BOT_SPOTS:
                where = "message:bot"
            elif roll < 0.06:
                where = RAW_FIELD[platform]
            elif roll < 0.2:
                where = "message:agent"
            else:
                where = "message:user"
            text = _write(rng, me, person, spot, where)
            if text is not None:
                conv.texts.append(text)
                total += 1
        if conv.texts:
            out.append(conv)
    return out


def composition(bank: list[Conversation]) -> dict[str, Counter[str]]:
    """Counts by kind, class, name language, container, position, where and origin."""
    comp: dict[str, Counter[str]] = {
        k: Counter() for k in ("kind", "class", "name-lang", "spot", "position", "where", "origin")
    }
    for conv in bank:
        for t in conv.texts:
            comp["where"][t.where] += 1
            spot = getattr(t, "spot", "")
            comp["spot"][spot] += 1
            comp["position"].update(getattr(t, "positions", []))
            for (kind, _, cls), origin in zip(t.planted, getattr(t, "origins", []), strict=True):
                comp["kind"][kind] += 1
                comp["class"][cls] += 1
                if kind == "name":
                    comp["name-lang"][origin] += 1
                elif origin:
                    comp["origin"][f"{kind}:{origin}"] += 1
    return comp


def main() -> None:
    bank = corpus(20_000, 1)
    comp = composition(bank)
    texts = sum(len(c.texts) for c in bank)
    print(f"bank 13, seed 1: {len(bank)} conversations, {texts} texts")
    for key, counts in comp.items():
        print(f"\n{key} ({len(counts)}):")
        print("  " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
