"""Held-out bank 5 for the masking evaluation: written apart from the detectors and banks 1-4.

Written from the evaluation's interface alone (the ``Conversation``/``Text``/``Person`` types of
``bench/heldout_corpus.py`` and how ``bench/masking_quality.py`` scores them), without reading
the detectors, the masking policy, the tuning generator or the other banks' names, templates and
formats, and never run through the detectors while it was written. Its names, cue phrasings,
sign-offs, templates, number formats, decoys and profile shapes are its own.

What it plants, each value with a class (``kind/what``) so misses can be reported by class:

- names of people from 19 languages (English, German, French, Spanish, Italian, Portuguese,
  Turkish, Dutch, Polish, Vietnamese and Yoruba with their diacritics; Korean, Japanese,
  Chinese, Arabic, Hindi, Russian, Greek and Swahili-speaking East Africa in Latin
  transliteration), after self-introduction cues in each of those languages, in sign-offs,
  signature lines, greetings, honorifics, form fields and markdown, inside bot JSON templates
  (some ``\\uXXXX``-escaped), in capitals, in lower case, folded to ASCII, and third parties
  with and without a relation word; first and last names are planted as separate values;
- emails (plus-addressing, subdomains, internationalised domains and local parts, ``mailto:``,
  capitals), phones of about sixty countries in international forms (spaced, compact, ``00``,
  dashes, dots, ``(0)``, ``tel:``), national forms of TR, US, GB, DE, NL, FR, ES and IT, and
  international numbers libphonenumber calls possible but not valid (new ranges), cards of
  twelve issuers (Luhn) in several groupings, IBANs of 40 countries (mod 97) grouped or compact,
  IPv4/IPv6 (ports, brackets, v4-mapped), and URL secrets (the token, key, signature or password
  only, in query strings, fragments, userinfo and paths, over several schemes);
- decoys that must stay, with kind ``decoy`` and a ``decoy/...`` class: order, tracking
  (with S10 check digits), invoice and reference numbers, prices, dates, times, versions,
  hashes, UUIDs, SKUs and EANs, IMEIs (Luhn-valid), vouchers (16 digits failing Luhn),
  IBAN-shaped strings failing mod 97, company ids, postal codes, coordinates, plain URLs, and
  capitalised months, weekdays, places, brands and nouns where a name could stand.

Positions: message starts and line starts, after punctuation, signature blocks, markdown
(bold fields, lists, tables, links), JSON bot templates, and the free-text fields of the
session record (``raw:<field>``). Every planted value occurs in its text exactly as often as it
was put there, at word boundaries, and overlaps no other planted value (checked while
generating; a text that fails is drawn again). Deterministic for a seed and a phonenumbers
metadata version.
"""

from __future__ import annotations

import ipaddress
import json
import random
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bench.heldout_corpus import Conversation, Person, Planted, Text

# ---------------------------------------------------------------------------------------------
# Names: (first names, last names) per language of origin.

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Harriet", "Declan", "Imogen", "Rhys", "Maeve", "Callum", "Tamsin", "Gareth",
         "Eleanor", "Fergus", "Niamh", "Alistair"),
        ("Whitfield", "Ashcroft", "Pemberton", "Gallagher", "Blackwood", "Thornton",
         "McAllister", "Fairweather", "Holloway", "Kendrick", "O'Donnell", "Ramsden"),
    ),
    "de": (
        ("Jürgen", "Björn", "Käthe", "Jörg", "Sönke", "Friederike", "Uwe", "Annegret", "Malte",
         "Gesine", "Lüder", "Heike"),
        ("Schäfer", "Größmann", "Brüggemann", "Kötter", "Weißkopf", "Oßwald", "Hüttenrauch",
         "Dörfler", "Pöhlmann", "Rößler", "Eichhorn", "Müller-Wendt"),
    ),
    "fr": (
        ("Benoît", "Gaëlle", "Hélène", "Jérôme", "Léonie", "Anaïs", "Thibault", "Maëlys", "Loïc",
         "Océane", "Aurélien", "Solène"),
        ("Lefèvre", "Dufresne", "Bérenger", "Châtelain", "Rousseau", "Géraud", "Chevrier",
         "Lemaître", "Bouchard", "Després", "Hébert", "Pierre-Louis"),
    ),
    "es": (
        ("Íñigo", "Nuria", "Begoña", "Joaquín", "Ainhoa", "Rocío", "Álvaro", "Yolanda",
         "Ignacio", "Maite", "Fermín", "Candela"),
        ("Ibáñez", "Muñoz", "Echeverría", "Quiñones", "Zubizarreta", "Peñalver", "Gómez",
         "Arrieta", "Valdés", "Cáceres", "Urquijo", "Sepúlveda"),
    ),
    "it": (
        ("Niccolò", "Ludovica", "Gianluca", "Ottavia", "Raffaele", "Beatrice", "Ermanno",
         "Chiara", "Tancredi", "Ilaria", "Corrado", "Gioele"),
        ("Brambilla", "Scarpellini", "Dell'Acqua", "Zanetti", "Mazzocchi", "Pellegrini",
         "Caruso", "Fabbri", "Cinquegrana", "Sanfilippo", "Tedeschi", "Lo Russo"),
    ),
    "pt": (
        ("João", "Conceição", "Gonçalo", "Inês", "Sebastião", "Leonor", "Tomás", "Graça",
         "Vasco", "Lúcia", "Rui", "Mafalda"),
        ("Gonçalves", "Magalhães", "Sequeira", "Araújo", "Brandão", "Figueiredo", "Simões",
         "Loureiro", "Fonseca", "Assunção", "Guimarães", "Damasceno"),
    ),
    "tr": (
        ("Şükrü", "Gülşen", "İlker", "Çağla", "Oğuzhan", "Özge", "Ümit", "Büşra", "Kıvanç",
         "Ebru", "Tuğrul", "Nesrin"),
        ("Karaağaç", "Yıldırım", "Öztürk", "Çelebi", "Şahin", "Doğan", "Kılınç", "Aydoğdu",
         "Ekinci", "Türkmen", "Bozkurt", "Uçar"),
    ),
    "nl": (
        ("Sjoerd", "Femke", "Joost", "Maartje", "Hendrik", "Lieke", "Thijs", "Anouk", "Wouter",
         "Sanne", "Gijs", "Marloes"),
        ("van der Meulen", "de Groot", "Bakker", "Visser", "van Beek", "Hoekstra", "Dijkstra",
         "Kuipers", "Verhoeven", "Schouten", "Brouwer", "Smeets"),
    ),
    "pl": (
        ("Łukasz", "Małgorzata", "Grzegorz", "Agnieszka", "Wojciech", "Żaneta", "Przemysław",
         "Jadwiga", "Bartłomiej", "Katarzyna", "Zbigniew", "Bożena"),
        ("Kowalczyk", "Wróblewski", "Szczepańska", "Łuczak", "Zieliński", "Dąbrowska",
         "Grabowski", "Pietrzak", "Michalak", "Jabłoński", "Sikorska", "Żak"),
    ),
    "vi": (
        ("Minh", "Thảo", "Tuấn", "Ngọc", "Hùng", "Linh", "Quang", "Hương", "Dũng", "Phương",
         "Khánh", "Trâm"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
         "Lý"),
    ),
    "yo": (
        ("Adébáyọ̀", "Olúwaseun", "Fọlákẹ́", "Babatunde", "Yetunde", "Olumide", "Ayọ̀délé",
         "Tèmítọ́pẹ́", "Adewale", "Funmilayo", "Oluwadamilare", "Bọ́lá"),
        ("Adéyẹmí", "Ogunleye", "Balogun", "Ogundipe", "Afọlábí", "Oyelaran", "Adeleke",
         "Akinola", "Olátúnjí", "Oyinlola", "Fashola", "Adesanya"),
    ),
    "ko": (
        ("Ji-hoon", "Seo-yeon", "Min-jun", "Ha-eun", "Dong-hyun", "Eun-ji", "Sung-min",
         "Yu-na", "Jae-won", "Hye-jin", "Tae-yang", "Soo-ah"),
        ("Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Shin", "Seo", "Kwon", "Hwang",
         "Baek"),
    ),
    "ja": (
        ("Haruto", "Yui", "Sōta", "Mei", "Ren", "Aoi", "Kenta", "Sakura", "Daiki", "Hina",
         "Takumi", "Yūko"),
        ("Satō", "Takahashi", "Watanabe", "Itō", "Yamamoto", "Nakamura", "Kobayashi",
         "Yoshida", "Yamaguchi", "Matsumoto", "Inoue", "Kimura"),
    ),
    "zh": (
        ("Wei", "Xiaoling", "Jianguo", "Meiling", "Zhiwei", "Yanting", "Haoran", "Xinyi",
         "Guoqiang", "Shufen", "Zihan", "Ruoxi"),
        ("Zhang", "Wang", "Liu", "Chen", "Huang", "Zhao", "Zhou", "Xu", "Zhu", "Guo", "Hu",
         "Lǚ"),
    ),
    "ar": (
        ("Youssef", "Fatima", "Khaled", "Layla", "Tariq", "Nour", "Hamza", "Yasmin", "Karim",
         "Rania", "Bilal", "Salma"),
        ("Al-Haddad", "El-Masry", "Abdelrahman", "Nasser", "Khoury", "Al-Farsi", "Mansour",
         "Saleh", "Barakat", "Hijazi", "Aziz", "Al-Amin"),
    ),
    "hi": (
        ("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Siddharth",
         "Ishita", "Rahul", "Pooja"),
        ("Sharma", "Iyer", "Chatterjee", "Reddy", "Gupta", "Nair", "Deshpande", "Bhattacharya",
         "Kulkarni", "Malhotra", "Agarwal", "Pillai"),
    ),
    "ru": (
        ("Dmitriy", "Yekaterina", "Aleksandr", "Svetlana", "Vyacheslav", "Anastasiya",
         "Yevgeniy", "Lyudmila", "Konstantin", "Nataliya", "Grigoriy", "Yuliya"),
        ("Kuznetsov", "Smirnova", "Volkov", "Sokolova", "Lebedev", "Kozlova", "Novikov",
         "Morozova", "Pavlov", "Fyodorova", "Zhukov", "Belyaeva"),
    ),
    "el": (
        ("Giorgos", "Eleni", "Dimitris", "Katerina", "Nikos", "Vasiliki", "Kostas",
         "Panagiotis", "Despina", "Stavros", "Chrysoula", "Evangelia"),
        ("Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Papageorgiou",
         "Karamanlis", "Vlachos", "Oikonomou", "Antoniou", "Christodoulou", "Makris",
         "Theodorou"),
    ),
    "sw": (
        ("Baraka", "Zawadi", "Juma", "Neema", "Amani", "Wanjiru", "Rehema", "Bakari", "Subira",
         "Jabari", "Imani", "Halima"),
        ("Mwangi", "Otieno", "Njoroge", "Kamau", "Wekesa", "Achieng", "Mutua", "Onyango",
         "Kariuki", "Mbwana", "Msuya", "Chande"),
    ),
}  # fmt: skip

LATIN = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl", "vi", "yo")
TRANSLIT = ("ko", "ja", "zh", "ar", "hi", "ru", "el", "sw")
CUE_LANGS = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")

# Where people of each origin live (phone regions) and which language they write in.
HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "IE", "US", "AU", "NZ", "CA"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "CA", "MA"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR"),
    "tr": ("TR", "DE", "NL"),
    "nl": ("NL", "BE"),
    "pl": ("PL", "GB", "DE"),
    "vi": ("VN", "US", "FR"),
    "yo": ("NG", "GB", "GH"),
    "ko": ("KR", "US"),
    "ja": ("JP",),
    "zh": ("CN", "HK", "TW", "SG", "MY"),
    "ar": ("SA", "AE", "EG", "JO", "QA", "DE", "FR"),
    "hi": ("IN", "GB", "AE", "SG"),
    "ru": ("RU", "KZ", "DE", "IL", "UA"),
    "el": ("GR", "CY", "DE"),
    "sw": ("KE", "TZ", "UG", "RW"),
}
WRITES: dict[str, tuple[str, ...]] = {
    "en": ("en",),
    "de": ("de", "de", "en"),
    "fr": ("fr", "fr", "en"),
    "es": ("es", "es", "en"),
    "it": ("it", "it", "en"),
    "pt": ("pt", "pt", "en"),
    "tr": ("tr", "tr", "de", "en"),
    "nl": ("nl", "nl", "en"),
    "pl": ("pl", "pl", "en", "de"),
    "vi": ("vi", "en", "fr"),
    "yo": ("yo", "en", "en"),
    "ko": ("ko", "en"),
    "ja": ("ja", "en"),
    "zh": ("zh", "en"),
    "ar": ("ar", "en", "fr", "de"),
    "hi": ("hi", "en", "en"),
    "ru": ("ru", "en", "de"),
    "el": ("el", "en", "de"),
    "sw": ("sw", "en"),
}

_FOLD = str.maketrans(
    {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "æ": "ae"}
)


def ascii_fold(s: str) -> str:
    """How people type a name on a keyboard without its letters."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------
# Building texts: literal pieces and planted values, checked before a text is kept.


@dataclass(frozen=True)
class V:
    kind: str
    value: str
    cls: str


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.puts: list[V] = []

    def lit(self, s: str) -> Doc:
        self.parts.append(s)
        return self

    def put(self, v: V) -> Doc:
        self.parts.append(v.value)
        self.puts.append(v)
        return self

    def add(self, other: Doc) -> Doc:
        self.parts += other.parts
        self.puts += other.puts
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def planted(self) -> Planted:
        seen: dict[tuple[str, str], str] = {}
        for v in self.puts:
            seen.setdefault((v.kind, v.value), v.cls)
        return [(k, val, c) for (k, val), c in seen.items()]


Slot = V | str | Doc
_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def fill(tpl: str, **slots: Slot) -> Doc:
    """A template with ``{slot}`` holes; a slot is literal text, a planted value or a Doc."""
    d = Doc()
    pos = 0
    for m in _SLOT.finditer(tpl):
        d.lit(tpl[pos : m.start()])
        s = slots[m.group(1)]
        if isinstance(s, V):
            d.put(s)
        elif isinstance(s, Doc):
            d.add(s)
        else:
            d.lit(s)
        pos = m.end()
    return d.lit(tpl[pos:])


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Every occurrence, overlapping ones too: the scorer counts them all."""
    return [(i, i + len(value)) for i in range(len(text)) if text.startswith(value, i)]


def problems(text: str, puts: Sequence[V]) -> list[str]:
    """What would make the scorer count a planted value where it was not meant."""
    out: list[str] = []
    times = Counter(v.value for v in puts)
    kinds: dict[str, set[str]] = {}
    for v in puts:
        kinds.setdefault(v.value, set()).add(v.kind)
        if not v.value or v.value.strip() != v.value:
            out.append(f"{v.value!r} is empty or padded")
    spans: list[tuple[int, int, str]] = []
    for value, n in times.items():
        if len(kinds[value]) > 1:
            out.append(f"{value!r} planted as {sorted(kinds[value])}")
        occ = occurrences(text, value)
        if len(occ) != n:
            out.append(f"{value!r} occurs {len(occ)} times, put {n}")
        for a, b in occ:
            before = text[a - 1] if a else " "
            after = text[b] if b < len(text) else " "
            if before.isalnum() or after.isalnum() or unicodedata.combining(after):
                out.append(f"{value!r} is part of a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    return out


# ---------------------------------------------------------------------------------------------
# Phones.

PHONE_REGIONS = (
    "TR", "US", "GB", "DE", "NL", "FR", "ES", "IT", "PL", "PT", "BE", "CH", "AT", "SE", "NO",
    "DK", "FI", "IE", "GR", "CY", "CZ", "HU", "RO", "BG", "HR", "RS", "UA", "RU", "KZ", "IL",
    "SA", "AE", "QA", "JO", "EG", "MA", "NG", "GH", "KE", "TZ", "UG", "RW", "ZA", "IN", "PK",
    "BD", "LK", "CN", "HK", "TW", "JP", "KR", "VN", "TH", "MY", "SG", "ID", "PH", "AU", "NZ",
    "CA", "MX", "BR", "AR", "CL", "CO", "PE",
)  # fmt: skip
NATIONAL_REGIONS = ("TR", "US", "GB", "DE", "NL", "FR", "ES", "IT")
_TRUNK_ZERO = ("GB", "DE", "NL", "FR", "CH", "AT", "BE", "TR", "SE", "IE", "PL")


def _example(region: str, kind: int) -> str:
    ex = phonenumbers.example_number_for_type(region, kind)
    if ex is None:
        ex = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    assert ex is not None, region
    return phonenumbers.national_significant_number(ex)


def _parse(region: str, nsn: str) -> phonenumbers.PhoneNumber:
    cc = phonenumbers.country_code_for_region(region)
    return phonenumbers.parse(f"+{cc}{nsn}", None)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def valid_nsn(rng: random.Random, region: str) -> str:
    """A number libphonenumber calls valid for the region: an example's leading digits kept,
    the rest drawn."""
    kind = rng.choice((PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
    ex = _example(region, kind)
    for keep in (3, 2, 4, 5, 6):
        for _ in range(30):
            nsn = ex[: min(keep, len(ex) - 2)] + _digits(rng, len(ex) - min(keep, len(ex) - 2))
            num = _parse(region, nsn)
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.region_code_for_number(num) == region
            ):
                return nsn
    return ex


def new_range_nsn(rng: random.Random, region: str) -> str | None:
    """A number of a plausible length that the metadata does not list (yet)."""
    ex = _example(region, PhoneNumberType.MOBILE)
    for _ in range(300):
        nsn = rng.choice("123456789") + _digits(rng, len(ex) - 1)
        num = _parse(region, nsn)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return nsn
    return None


_GROUPINGS = ((3, 3, 4), (3, 4, 4), (2, 2, 2, 2, 2), (4, 3, 3), (3, 3, 3), (2, 4, 4), (3, 2, 2, 2))


def _group(rng: random.Random, digits: str, sep: str) -> str:
    sizes = rng.choice(_GROUPINGS)
    out, i = [], 0
    for s in sizes:
        if i >= len(digits):
            break
        out.append(digits[i : i + s])
        i += s
    if i < len(digits):
        out[-1] += digits[i:]
    if len(out) > 1 and len(out[-1]) == 1:
        last = out.pop()
        out[-1] += last
    return sep.join(out)


@dataclass(frozen=True)
class Phone:
    e164: str
    written: str
    cls: str
    pre: str = ""  # written before the number and not part of it ("tel:")

    def v(self) -> V:
        return V("phone", self.written, self.cls)

    def doc(self) -> Doc:
        return fill("{a}{v}", a=self.pre, v=self.v())


def intl_phone(rng: random.Random, region: str, nsn: str | None = None, cls: str = "") -> Phone:
    nsn = nsn or valid_nsn(rng, region)
    num = _parse(region, nsn)
    cc = str(num.country_code)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    form = rng.choice(
        ("spaced", "spaced", "spaced", "compact", "00", "dashed", "dotted", "paren-cc", "tel")
        + (("trunk-zero",) if region in _TRUNK_ZERO else ())
    )
    if form == "spaced":
        w = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
        if rng.random() < 0.4:
            w = f"+{cc} {_group(rng, nsn, ' ')}"
    elif form == "compact":
        w = e164
    elif form == "00":
        w = f"00{cc} {_group(rng, nsn, ' ')}" if rng.random() < 0.7 else f"00{cc}{nsn}"
    elif form == "dashed":
        w = f"+{cc}-{_group(rng, nsn, '-')}"
    elif form == "dotted":
        w = f"+{cc}.{_group(rng, nsn, '.')}"
    elif form == "paren-cc":
        w = f"(+{cc}) {_group(rng, nsn, ' ')}"
    elif form == "tel":
        w = phonenumbers.format_number(num, PhoneNumberFormat.RFC3966)[4:]  # after "tel:"
    else:
        w = f"+{cc} (0){_group(rng, nsn, ' ')}"
    return Phone(e164, w, cls or f"phone/intl-{form}", "tel:" if form == "tel" else "")


def national_phone(rng: random.Random, region: str) -> Phone:
    nsn = valid_nsn(rng, region)
    num = _parse(region, nsn)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    trunk = "0" if region in _TRUNK_ZERO else ""
    r = rng.random()
    if r < 0.45:
        w = nat
    elif region == "US":
        w = rng.choice((f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"))
    elif region == "DE" and r < 0.75:
        w = f"0{nsn[:3]}/{nsn[3:]}"
    elif region == "TR" and r < 0.75:
        w = f"({trunk}{nsn[:3]}) {nsn[3:6]} {nsn[6:8]} {nsn[8:]}"
    else:
        w = _group(rng, trunk + nsn, rng.choice((" ", "-", " ")))
    return Phone(e164, w, f"phone/national-{region.lower()}")


def any_phone(rng: random.Random, region: str | None = None) -> Phone:
    region = region or rng.choice(PHONE_REGIONS)
    r = rng.random()
    if r < 0.14:
        nsn = new_range_nsn(rng, region)
        if nsn:
            return intl_phone(rng, region, nsn, "phone/intl-new-range")
    if region in NATIONAL_REGIONS and r < 0.4:
        return national_phone(rng, region)
    return intl_phone(rng, region)


# ---------------------------------------------------------------------------------------------
# Cards, IBANs and other checksummed numbers.


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()][::-1]
    total = sum(d if i % 2 == 0 else (d * 2) // 10 + (d * 2) % 10 for i, d in enumerate(digits))
    return total % 10 == 0


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


# brand: (prefixes, lengths)
CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 16, 13, 19)),
    "mastercard": (("51", "52", "53", "54", "55"), (16,)),
    "mastercard2": (tuple(str(p) for p in range(2221, 2721, 37)), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "645", "649", "65"), (16,)),
    "jcb": (tuple(str(p) for p in range(3528, 3590, 7)), (16,)),
    "unionpay": (("62",), (16, 17, 19)),
    "maestro": (("6759", "6761", "6763", "5018", "5020", "5038"), (12, 16, 19)),
    "mir": (("2200", "2201", "2202", "2203", "2204"), (16,)),
    "rupay": (("60", "652", "508", "817"), (16,)),
    "troy": (("9792",), (16,)),
    "elo": (("401178", "438935", "504175", "506699", "636368"), (16,)),
    "diners": (("36", "300", "305"), (14,)),
}


def card(rng: random.Random) -> V:
    brand = rng.choice(tuple(CARD_BRANDS))
    prefixes, lengths = CARD_BRANDS[brand]
    n = luhn_complete(rng, rng.choice(prefixes), rng.choice(lengths))
    form = rng.choice(("spaced", "spaced", "compact", "dashed"))
    if brand == "amex" or len(n) in (14, 15):
        groups = [n[:4], n[4:10], n[10:]]
    else:
        groups = [n[i : i + 4] for i in range(0, len(n), 4)]
    w = {"spaced": " ".join(groups), "compact": n, "dashed": "-".join(groups)}[form]
    return V("card", w, f"card/{brand}")


# country: BBAN layout (n digits, a upper letters, c alphanumerics), IBAN length checked below.
IBAN_LAYOUT: dict[str, str] = {
    "DE": "18n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c", "NL": "4a10n", "BE": "12n",
    "PL": "24n", "TR": "5n1n16c", "PT": "21n", "GB": "4a14n", "CH": "5n12c", "AT": "16n",
    "SE": "20n", "NO": "11n", "DK": "14n", "FI": "14n", "IE": "4a14n", "GR": "7n16c",
    "CZ": "20n", "HU": "24n", "RO": "4a16c", "BG": "4a6n8c", "HR": "17n", "SA": "2n18c",
    "AE": "19n", "BR": "23n1a1c", "UA": "6n19c", "KZ": "3n13c", "EG": "25n", "QA": "4a21c",
    "LU": "3n13c", "SK": "20n", "SI": "15n", "EE": "16n", "LT": "16n", "LV": "4a13c",
    "IL": "19n", "JO": "4a4n18c", "MT": "4a5n18c", "CY": "8n16c",
}  # fmt: skip
IBAN_LENGTH = {
    "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "PL": 28, "TR": 26, "PT": 25,
    "GB": 22, "CH": 21, "AT": 20, "SE": 24, "NO": 15, "DK": 18, "FI": 18, "IE": 22, "GR": 27,
    "CZ": 24, "HU": 28, "RO": 24, "BG": 22, "HR": 21, "SA": 24, "AE": 23, "BR": 29, "UA": 29,
    "KZ": 20, "EG": 29, "QA": 29, "LU": 20, "SK": 24, "SI": 19, "EE": 20, "LT": 20, "LV": 21,
    "IL": 23, "JO": 30, "MT": 31, "CY": 28,
}  # fmt: skip


def _bban(rng: random.Random, country: str) -> str:
    out = []
    for n, t in re.findall(r"(\d+)([nac])", IBAN_LAYOUT[country]):
        alphabet = {
            "n": string.digits,
            "a": string.ascii_uppercase,
            "c": string.digits + string.ascii_uppercase,
        }[t]
        out.append("".join(rng.choice(alphabet) for _ in range(int(n))))
    bban = "".join(out)
    if country == "BE":  # the national check: first ten digits mod 97 (00 written 97)
        bban = bban[:10] + f"{int(bban[:10]) % 97 or 97:02d}"
    return bban


def iban_mod97(iban: str) -> int:
    s = iban.replace(" ", "").replace("-", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    check = 98 - iban_mod97(f"{country}00{bban}")
    if not valid:
        check = rng.choice([c for c in range(2, 99) if c != check])
    return f"{country}{check:02d}{bban}"


def iban(rng: random.Random) -> V:
    country = rng.choice(tuple(IBAN_LAYOUT))
    s = iban_compact(rng, country)
    r = rng.random()
    if r < 0.55:
        return V("iban", " ".join(s[i : i + 4] for i in range(0, len(s), 4)), "iban/grouped")
    if r < 0.9:
        return V("iban", s, "iban/compact")
    return V("iban", "-".join(s[i : i + 4] for i in range(0, len(s), 4)), "iban/dashed")


def s10(rng: random.Random) -> str:
    """A postal item id (UPU S10): two letters, eight digits, a check digit, a country."""
    body = _digits(rng, 8)
    w = sum(int(d) * k for d, k in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - w % 11
    check = {10: 0, 11: 5}.get(c, c)
    pre = rng.choice(("RR", "CP", "LX", "EE", "RB", "UA"))
    return f"{pre}{body}{check}{rng.choice(('DE', 'NL', 'PL', 'TR', 'FR', 'ES', 'PT', 'GB'))}"


def ean13(rng: random.Random) -> str:
    body = rng.choice(("400", "590", "869", "871", "800", "560", "300")) + _digits(rng, 9)
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


# ---------------------------------------------------------------------------------------------
# IPs, URL secrets, emails.


def _public_v4(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a in (10, 100, 127, 169, 172, 192, 198, 203):
            continue
        return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


_V6_PREFIX = ("2a02", "2a01", "2600", "2804", "240e", "2c0f", "2409", "2a00", "2607", "2403")


def _v6(rng: random.Random) -> ipaddress.IPv6Address:
    groups = [rng.choice(_V6_PREFIX), f"{rng.randint(0, 0xFFFF):x}"]
    groups += [f"{rng.randint(0, 0xFFFF):x}" for _ in range(2)]
    tail = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(4)]
    for i in rng.sample(range(4), rng.randint(0, 3)):
        tail[i] = "0"
    return ipaddress.IPv6Address(":".join(groups + tail))


def ip(rng: random.Random) -> tuple[str, V, str]:
    """(before, value, after): a port or brackets written around the address stay outside."""
    r = rng.random()
    if r < 0.35:
        return "", V("ip", _public_v4(rng), "ip/v4"), ""
    if r < 0.5:
        return "", V("ip", _public_v4(rng), "ip/v4-port"), f":{rng.choice((22, 443, 8080, 3389))}"
    a = _v6(rng)
    if r < 0.62:
        return "", V("ip", a.exploded, "ip/v6-full"), ""
    if r < 0.8:
        return "", V("ip", a.compressed, "ip/v6-compressed"), ""
    if r < 0.92:
        return "[", V("ip", a.compressed, "ip/v6-bracket-port"), f"]:{rng.randint(1024, 65000)}"
    return "", V("ip", f"::ffff:{_public_v4(rng)}", "ip/v4-mapped"), ""


_B62 = string.ascii_letters + string.digits


def _tok(rng: random.Random, n: int, alphabet: str = _B62) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(rng: random.Random, n: int) -> str:
    return _tok(rng, n, _B62 + "-_")


def _secret(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return _tok(rng, rng.randint(20, 40))
    if r < 0.5:
        return _tok(rng, rng.choice((32, 40, 64)), "0123456789abcdef")
    if r < 0.7:
        pre = rng.choice(("sk_live_", "pk_test_", "tok_", "key-", "api_", "pat_"))
        return pre + _tok(rng, rng.randint(20, 32))
    if r < 0.85:  # a JWT
        return ".".join(
            (
                "eyJ" + _b64url(rng, rng.randint(20, 34)),
                "eyJ" + _b64url(rng, rng.randint(40, 90)),
                _b64url(rng, 43),
            )
        )
    return (
        _tok(rng, 8, "0123456789abcdef")
        + "-"
        + _tok(rng, 4, "0123456789abcdef")
        + "-4"
        + (_tok(rng, 3, "0123456789abcdef") + "-a" + _tok(rng, 3, "0123456789abcdef") + "-")
        + _tok(rng, 12, "0123456789abcdef")
    )


_HOSTS = (
    "app.fernweh-reisen.de", "portal.kargo-takip.com.tr", "cdn.lojadasmeias.com.br",
    "files.studio-nakamura.jp", "api.verhuisbox.nl", "dashboard.tiendamarisol.es",
    "my.sklep-pod-lipami.pl", "share.cartoleria-ferri.it", "m.banhmi-express.vn",
    "cloud.boulangerie-martel.fr", "sync.harbourlight.co.uk", "docs.sokoni-hub.co.ke",
)  # fmt: skip
_PATHS = (
    "download", "v2/export", "reset", "invite/accept", "files/report.pdf", "auth/callback",
    "s/3f9a", "share/album", "api/v1/orders", "webhook", "stream/live", "kyc/upload",
)  # fmt: skip
_PARAMS = ("token", "access_token", "api_key", "apikey", "key", "auth", "sid", "secret",
           "client_secret", "password", "pwd", "code", "signature", "sig", "session")  # fmt: skip
_PW = string.ascii_letters + string.digits + "-_.~!*"


def url_secret(rng: random.Random) -> tuple[Doc, str]:
    """A URL with a secret in it (the secret planted) and the URL's class for the bookkeeping."""
    host = rng.choice(_HOSTS)
    path = rng.choice(_PATHS)
    r = rng.random()
    d = Doc()
    if r < 0.34:
        sec = _secret(rng)
        p = rng.choice(_PARAMS)
        scheme = rng.choice(("https", "https", "https", "http", "wss", "ftp"))
        before = rng.choice(("", "lang=tr&", "ref=mail&utm_source=crm&", "v=3&"))
        after = rng.choice(("", "&expires=1767225600", "&page=2", "&dl=1"))
        d.lit(f"{scheme}://{host}/{path}?{before}{p}=").put(V("url", sec, "url/query-token"))
        d.lit(after)
        return d, "url/query-token"
    if r < 0.48:
        sec = _secret(rng)
        p = rng.choice(("access_token", "id_token", "token", "key"))
        d.lit(f"https://{host}/{path}#{p}=").put(V("url", sec, "url/fragment-token"))
        d.lit(rng.choice(("&token_type=Bearer&expires_in=3600", "", "&state=xyz123")))
        return d, "url/fragment-token"
    if r < 0.68:
        pw = _tok(rng, rng.randint(10, 18), _PW)
        if rng.random() < 0.3:
            pw = pw[:4] + rng.choice(("%40", "%23", "%2F", "%3A")) + pw[4:]
        scheme, port, dbpath = rng.choice(
            (
                ("https", "", path),
                ("ftp", ":21", "pub/in"),
                ("sftp", ":2222", "upload"),
                ("postgresql", ":5432", "orders"),
                ("mysql", ":3306", "crm"),
                ("redis", ":6379", "0"),
                ("amqp", ":5672", "vhost"),
                ("mongodb+srv", "", "shop?retryWrites=true"),
                ("smb", "", "share/scans"),
            )
        )
        user = rng.choice(("admin", "svc_backup", "deploy", "reporting", "ops", "root", "ftpuser"))
        d.lit(f"{scheme}://{user}:").put(V("url", pw, "url/userinfo-password"))
        d.lit(f"@{host.split('.', 1)[1]}{port}/{dbpath}")
        return d, "url/userinfo-password"
    if r < 0.82:
        bucket = rng.choice(("invoices-prod", "media-eu", "kyc-docs", "exports-2025"))
        region = rng.choice(("eu-central-1", "eu-west-3", "ap-northeast-1", "sa-east-1"))
        keyid = "AKIA" + _tok(rng, 16, string.ascii_uppercase + "234567")
        sig = _tok(rng, 64, "0123456789abcdef")
        d.lit(f"https://{bucket}.s3.{region}.amazonaws.com/{path}?X-Amz-Algorithm=AWS4-HMAC-SHA256")
        d.lit("&X-Amz-Credential=").put(V("url", keyid, "url/presigned-key-id"))
        d.lit(f"%2F20250611%2F{region}%2Fs3%2Faws4_request&X-Amz-Date=20250611T081500Z")
        d.lit("&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=")
        d.put(V("url", sig, "url/presigned-signature"))
        return d, "url/presigned-signature"
    if r < 0.92:
        sig = _tok(rng, 30, _B62) + rng.choice(("%2B", "%2F")) + _tok(rng, 12, _B62) + "%3D"
        d.lit(f"https://{rng.choice(('stbackup', 'mediastore'))}01.blob.core.windows.net/")
        d.lit(f"{path}?sv=2024-08-04&ss=b&srt=o&sp=r&se=2025-07-01T00:00:00Z&sig=")
        d.put(V("url", sig, "url/sas-signature"))
        return d, "url/sas-signature"
    sec = _tok(rng, rng.randint(24, 36), _B62 + "-_")
    if rng.random() < 0.5:
        bot = f"{rng.randint(10**8, 10**10)}:{sec}"
        d.lit("https://api.telegram.org/bot").put(V("url", bot, "url/path-token"))
        d.lit("/sendMessage")
    else:
        d.lit(f"https://hooks.{host.split('.', 1)[1]}/services/").put(
            V("url", sec, "url/path-token")
        )
    return d, "url/path-token"


_MAIL = {
    "en": ("gmail.com", "outlook.com", "btinternet.com", "icloud.com", "yahoo.co.uk"),
    "de": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmx.at"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr"),
    "es": ("hotmail.es", "telefonica.net", "gmail.com", "yahoo.com.mx"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it"),
    "pt": ("sapo.pt", "uol.com.br", "bol.com.br", "gmail.com"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "gmail.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "hetnet.nl", "gmail.com"),
    "pl": ("wp.pl", "onet.pl", "interia.pl", "o2.pl"),
    "vi": ("gmail.com", "yahoo.com.vn", "fpt.vn"),
    "yo": ("yahoo.com", "gmail.com", "outlook.com"),
    "ko": ("naver.com", "daum.net", "kakao.com"),
    "ja": ("docomo.ne.jp", "yahoo.co.jp", "ezweb.ne.jp"),
    "zh": ("qq.com", "163.com", "126.com", "sina.com"),
    "ar": ("hotmail.com", "gmail.com", "yahoo.com"),
    "hi": ("rediffmail.com", "gmail.com", "yahoo.co.in"),
    "ru": ("mail.ru", "yandex.ru", "rambler.ru", "bk.ru"),
    "el": ("otenet.gr", "yahoo.gr", "gmail.com"),
    "sw": ("gmail.com", "yahoo.com", "safaricom.co.ke"),
}
_SUBDOMAINS = (
    "mail.eng.kobe-works.co.jp", "staff.uni-hagen-lab.de", "lists.cooperativa-norte.pt",
    "corp.mx.tekstil-as.com.tr", "student.fcup.up-porto.pt", "hq.eu.logistix-group.nl",
)  # fmt: skip
_IDN = (
    "bücherstube-köln.de", "müller-bau.at", "café-lumière.fr", "peña-deportiva.es",
    "çiçekçi-ayşe.com.tr", "łódzka-piekarnia.pl", "магазин-цветов.рф", "φωτογραφία.gr",
)  # fmt: skip


def email(rng: random.Random, lang: str, first: str, last: str, *, own: bool) -> V:
    f = ascii_fold(first).lower().replace(" ", "").replace("'", "")
    la = ascii_fold(last).lower().replace(" ", "").replace("'", "")
    local = rng.choice(
        (f"{f}.{la}", f"{f[0]}.{la}", f"{f}{la}{rng.randint(1, 99)}", f"{la}_{f}", f"{f}-{la}")
    )
    domain = rng.choice(_MAIL[lang])
    r = rng.random()
    if r < 0.2:
        return V("email", f"{local}+{rng.choice(('orders', 'shop', 'promo', '2025'))}@{domain}",
                 "email/plus")  # fmt: skip
    if r < 0.35:
        return V("email", f"{local}@{rng.choice(_SUBDOMAINS)}", "email/subdomain")
    if r < 0.45:
        return V("email", f"{local}@{rng.choice(_IDN)}", "email/idn-domain")
    if r < 0.55 and first != ascii_fold(first):
        return V("email", f"{first.lower()}.{la}@{domain}", "email/utf8-local")
    if r < 0.6:
        return V("email", f"{local}@{domain}".upper(), "email/caps")
    return V("email", f"{local}@{domain}", "email/own" if own else "email/plain")


# ---------------------------------------------------------------------------------------------
# Decoys.


def _money(rng: random.Random) -> str:
    a = rng.randint(3, 4999)
    c = rng.randint(0, 99)
    return rng.choice(
        (
            f"€{a:,}.{c:02d}".replace(",", "X").replace(".", ",").replace("X", "."),
            f"${a:,}.{c:02d}",
            f"{a},{c:02d} zł",
            f"₺{a:,}".replace(",", "."),
            f"R$ {a},{c:02d}",
            f"¥{a * 100:,}",
            f"CHF {a}.{c:02d}",
            f"{a},{c:02d} €",
            f"£{a}.{c:02d}",
        )
    )


_MONTHS_TR = ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Eylül", "Ekim", "Kasım")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "juin", "juillet", "octobre", "décembre")


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d}/{m}/{y % 100:02d}",
            f"{d} {rng.choice(_MONTHS_TR)} {y}",
            f"{d} {rng.choice(_MONTHS_FR)} {y}",
            f"{y}年{m}月{d}日",
        )
    )


_NAME_LIKE = (
    # weekdays and months
    "Monday", "Friday", "Donnerstag", "Samstag", "Pazartesi", "Zaterdag", "Mercredi",
    "Domingo", "Wtorek", "August", "Oktober", "Settembre",
    # places
    "Lisboa", "Kraków", "Eindhoven", "Bursa", "Sevilla", "Torino", "Marseille", "Nairobi",
    "Osaka", "Busan", "Thessaloniki", "Pune", "Hanoi", "Ibadan", "Antalya", "Gdańsk",
    # brands and shops
    "Samsung", "Lufthansa", "Decathlon", "Zalando", "Vodafone", "Allegro", "Trendyol",
    "Mercadona", "Esselunga", "Worten", "Rakuten", "Jumia",
    # nouns written with a capital where a name could stand
    "Kunde", "Studentin", "Rentner", "Support", "Premium", "Gold",
)  # fmt: skip


def _order(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{rng.randint(100, 999)}-{_digits(rng, 7)}-{_digits(rng, 7)}"
    if r < 0.55:
        day = f"{rng.randint(2023, 2025)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        return f"ORD-{day}-{rng.randint(1, 9999):04d}"
    if r < 0.8:
        return str(rng.randint(10**9, 10**10 - 1))
    return f"{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}"


def _tracking(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return s10(rng)
    if r < 0.6:
        return "1Z" + _tok(rng, 6, string.ascii_uppercase + string.digits) + _digits(rng, 10)
    if r < 0.8:
        return "JJD" + _digits(rng, 18)
    return " ".join(_digits(rng, 4) for _ in range(5)) + " " + _digits(rng, 2)


def _version(rng: random.Random) -> str:
    a, b, c = rng.randint(0, 19), rng.randint(0, 40), rng.randint(0, 30)
    return rng.choice(
        (
            f"v{a}.{b}.{c}",
            f"{a}.{b}.{c}-rc.{rng.randint(1, 5)}",
            f"10.0.{rng.randint(17000, 26100)}.{rng.randint(100, 5000)}",
            f"{a}.{b}.{c}",
        )
    )


def _time(rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.randint(0, 59)
    return rng.choice(
        (
            f"{h:02d}:{m:02d}",
            f"{h:02d}:{m:02d}:{rng.randint(0, 59):02d}",
            f"{h % 12 or 12}:{m:02d} {'pm' if h >= 12 else 'am'}",
            f"{h}h{m:02d}",
        )
    )


def _sku(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-{rng.choice(('BLK', 'XL', 'B'))}"
    if r < 0.55:
        return ean13(rng)
    if r < 0.8:
        return "B0" + _tok(rng, 8, string.ascii_uppercase + string.digits)
    return f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(10, 99)}"


def _imei(rng: random.Random) -> str:
    n = luhn_complete(rng, rng.choice(("35", "86", "01", "49")), 15)
    return rng.choice((n, f"{n[:2]}-{n[2:8]}-{n[8:14]}-{n[14]}", f"{n[:8]} {n[8:14]} {n[14]}"))


def _voucher(rng: random.Random) -> str:
    n = _digits(rng, 16)
    while luhn_ok(n):
        n = n[:15] + str((int(n[15]) + 1) % 10)
    return rng.choice((n, " ".join(n[i : i + 4] for i in range(0, 16, 4))))


def _iban_bad(rng: random.Random) -> str:
    s = iban_compact(rng, rng.choice(tuple(IBAN_LAYOUT)), valid=False)
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if rng.random() < 0.5 else s


def _company_id(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"DE{rng.randint(100000000, 999999999)}"
    if r < 0.55:
        return f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 5)}"
    if r < 0.8:
        return str(rng.randint(10000000, 99999999))
    return f"B{rng.randint(10000000, 99999999)}"


def _postal(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return str(rng.randint(10000, 99999))
    if r < 0.6:
        return f"{rng.randint(10, 99)}-{rng.randint(100, 999)}"
    if r < 0.8:
        return f"{rng.randint(1000, 9999)} {rng.choice(('AB', 'KL', 'XT'))}"
    return f"{rng.choice(('SW', 'EC', 'M', 'LS'))}{rng.randint(1, 19)} {rng.randint(1, 9)}AA"


def _reference(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return (
            f"{rng.choice(('KX', 'RT', 'CS'))}-{rng.randint(10000, 99999)}-{rng.choice('ABCDEF')}"
        )
    if r < 0.7:
        return str(rng.randint(10**7, 10**8 - 1))
    return f"TCK{rng.randint(100000, 999999)}"


def _plain_url(rng: random.Random) -> str:
    host = rng.choice(_HOSTS)
    return rng.choice(
        (
            f"https://{host}/{rng.choice(_PATHS)}",
            f"https://{host}/help?lang=de&page=2",
            f"http://{host}/",
            f"https://{host}/{rng.choice(_PATHS)}?utm_source=newsletter",
        )
    )


_HEX = "0123456789abcdef"
# class: (labels written before the value, how the value is drawn)
DECOYS: dict[str, tuple[tuple[str, ...], Callable[[random.Random], str]]] = {
    "order": (("order", "Bestellung", "commande", "pedido", "sipariş no", "zamówienie"), _order),
    "tracking": (("tracking", "Sendungsnummer", "suivi", "kargo takip", "T&T"), _tracking),
    "invoice": (
        ("invoice", "Rechnung Nr.", "facture n°", "fattura", "fatura"),
        lambda r: r.choice((f"INV-{r.randint(2022, 2025)}-{r.randint(1, 99999):05d}",
                                f"{r.randint(2023, 2025)}/{r.randint(1, 99999):05d}",
                                f"FA{r.randint(10, 25)}-{r.randint(100, 9999)}")),
    ),
    "price": (("total", "Preis", "prix", "precio", "tutar", "cena"), lambda r: _money(r)),
    "date": (("on", "am", "le", "el", "tarih:", "dnia"), lambda r: _date(r)),
    "time": (("at", "um", "à", "saat", "o godz."), _time),
    "version": (("version", "app", "firmware", "Android", "build"), _version),
    "hash": (
        ("commit", "sha256", "checksum", "build hash"),
        lambda r: _tok(r, r.choice((7, 12, 40, 64)), _HEX),
    ),
    "uuid": (
        ("request id", "correlation-id", "device"),
        lambda r: "-".join(_tok(r, n, _HEX) for n in (8, 4, 4, 4, 12)),
    ),
    "sku": (("SKU", "EAN", "Art.-Nr.", "ASIN", "réf."), _sku),
    "imei": (("IMEI",), _imei),
    "voucher": (("gift card", "Gutschein", "bon d'achat", "hediye çeki"), _voucher),
    "iban-bad-check": (("test account", "example IBAN", "Muster-IBAN"), _iban_bad),
    "company-id": (("USt-IdNr.", "SIRET", "KvK", "CIF", "vergi no"), _company_id),
    "postal": (("postcode", "PLZ", "code postal", "posta kodu", "kod"), _postal),
    "coordinates": (
        ("pin", "GPS", "Standort", "konum"),
        lambda r: f"{r.uniform(-60, 70):.5f}, {r.uniform(-170, 170):.5f}",
    ),
    "reference": (("ticket", "case", "Vorgang", "dossier", "talep no"), _reference),
    "plain-url": (("see", "siehe", "voir", "bkz.", "zie"), _plain_url),
    "name-like": (("",), lambda r: r.choice(_NAME_LIKE)),
}  # fmt: skip


def decoy(rng: random.Random, cls: str | None = None) -> tuple[str, V]:
    """(label written before it, the decoy)."""
    cls = cls or rng.choice(_DECOY_CLASSES)
    labels, draw = DECOYS[cls]
    return rng.choice(labels), V("decoy", draw(rng), f"decoy/{cls}")


_DECOY_CLASSES = (*DECOYS, "name-like")


# ---------------------------------------------------------------------------------------------
# Language material: cues, sign-offs, greetings, relations, filler.

# {n} is the name (first, or first and last); written by this bank, not taken from elsewhere.
CUES: dict[str, tuple[str, ...]] = {
    "en": ("Hello, my name is {n}", "Hi there - {n} here", "This is {n} speaking",
           "My name's {n}", "I am {n} and", "Name: {n}."),
    "de": ("Guten Tag, mein Name ist {n}", "Hallo, ich heiße {n}", "Hier spricht {n}",
           "Ich bin {n} und", "Moin, {n} hier"),
    "fr": ("Bonjour, je m'appelle {n}", "Je suis {n} et", "Mon nom est {n}",
           "C'est {n} à l'appareil", "Ici {n},"),
    "es": ("Hola, me llamo {n}", "Buenas, soy {n}", "Mi nombre es {n}", "Les escribe {n}"),
    "it": ("Buongiorno, mi chiamo {n}", "Salve, sono {n}", "Il mio nome è {n}",
           "Vi scrive {n}"),
    "pt": ("Olá, meu nome é {n}", "Bom dia, me chamo {n}", "Aqui é {n}", "Sou a {n}"),
    "tr": ("Merhaba, ben {n}", "Adım {n}", "Benim adım {n}", "İsmim {n}"),
    "nl": ("Goedemiddag, ik ben {n}", "Mijn naam is {n}", "Ik heet {n}", "Met {n},"),
    "pl": ("Dzień dobry, nazywam się {n}", "Mam na imię {n}", "Z tej strony {n}",
           "Jestem {n} i"),
    "vi": ("Xin chào, tôi tên là {n}", "Tôi là {n}"),
    "yo": ("Ẹ káàrọ̀, orúkọ mi ni {n}", "Èmi ni {n}"),
    "ko": ("Annyeonghaseyo, je ireumeun {n} imnida", "Jeoneun {n} ieyo"),
    "ja": ("Hajimemashite, {n} to moushimasu", "Watashi wa {n} desu"),
    "zh": ("Nín hǎo, wǒ jiào {n}", "Wǒ shì {n}"),
    "ar": ("Marhaba, ismi {n}", "Ana {n}"),
    "hi": ("Namaste, mera naam {n} hai", "Main {n} bol raha hoon"),
    "ru": ("Zdravstvuyte, menya zovut {n}", "Eto {n},"),
    "el": ("Geia sas, me lene {n}", "Eimai o {n}"),
    "sw": ("Habari, jina langu ni {n}", "Mimi ni {n}"),
}  # fmt: skip
SIGNOFFS: dict[str, tuple[str, ...]] = {
    "en": ("Kind regards,", "Cheers,", "Thanks in advance,", "Best,"),
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "LG"),
    "fr": ("Cordialement,", "Bien à vous,", "Merci d'avance,"),
    "es": ("Un saludo,", "Atentamente,", "Gracias,"),
    "it": ("Cordiali saluti,", "Grazie mille,", "Un saluto,"),
    "pt": ("Atenciosamente,", "Abraço,", "Obrigada,"),
    "tr": ("Saygılarımla,", "İyi çalışmalar,", "Teşekkürler,"),
    "nl": ("Met vriendelijke groet,", "Groetjes,", "Mvg,"),
    "pl": ("Pozdrawiam,", "Z poważaniem,", "Dziękuję,"),
}  # fmt: skip
GREETS: dict[str, tuple[str, ...]] = {
    "en": ("Hi {n},", "Thanks, {n}!", "Good morning {n}.", "No problem {n} -"),
    "de": ("Hallo {n},", "Danke, {n}!", "Alles klar {n}."),
    "fr": ("Bonjour {n},", "Merci {n} !", "Très bien {n}."),
    "es": ("Hola {n},", "¡Gracias, {n}!", "Perfecto {n}."),
    "it": ("Ciao {n},", "Grazie {n}!", "Perfetto {n}."),
    "pt": ("Olá {n},", "Obrigado, {n}!", "Certo {n}."),
    "tr": ("Merhaba {n},", "Teşekkürler {n}!", "Tamamdır {n}."),
    "nl": ("Hoi {n},", "Dank je, {n}!", "Prima {n}."),
    "pl": ("Cześć {n},", "Dziękujemy, {n}!", "Jasne {n}."),
}  # fmt: skip
HONORIFIC: dict[str, tuple[str, ...]] = {
    "en": ("Dear Mr {l},", "Dear Ms {l},", "Dear {f} {l},"),
    "de": ("Sehr geehrte Frau {l},", "Sehr geehrter Herr {l},"),
    "fr": ("Madame {l},", "Cher Monsieur {l},"),
    "es": ("Estimada Sra. {l}:", "Estimado Sr. {l}:"),
    "it": ("Gentile Sig.ra {l},", "Egregio Dott. {l},"),
    "pt": ("Prezada Sra. {l},", "Caro Sr. {l},"),
    "tr": ("Sayın {f} {l},", "{f} Hanım,", "{f} Bey,"),
    "nl": ("Geachte mevrouw {l},", "Beste {f},"),
    "pl": ("Szanowna Pani {l},", "Szanowny Panie {l},"),
}  # fmt: skip
RELATION: dict[str, tuple[str, ...]] = {
    "en": ("my wife", "my colleague", "my landlord", "our accountant"),
    "de": ("meine Kollegin", "mein Mann", "unser Steuerberater"),
    "fr": ("ma collègue", "mon mari", "notre comptable"),
    "es": ("mi compañera", "mi marido", "nuestra gestora"),
    "it": ("la mia collega", "mio fratello", "il nostro commercialista"),
    "pt": ("minha colega", "meu irmão", "nosso contador"),
    "tr": ("eşim", "iş arkadaşım", "muhasebecimiz"),
    "nl": ("mijn collega", "mijn vrouw", "onze boekhouder"),
    "pl": ("moja koleżanka", "mój mąż", "nasza księgowa"),
}  # fmt: skip
CONTACT: dict[str, tuple[str, ...]] = {
    "en": ("you can reach me on {p}", "my number is {p}", "call me back at {p}"),
    "de": ("erreichbar unter {p}", "meine Nummer: {p}", "bitte rufen Sie {p} an"),
    "fr": ("joignable au {p}", "mon numéro : {p}", "rappelez-moi au {p}"),
    "es": ("mi móvil es {p}", "pueden llamarme al {p}"),
    "it": ("il mio cellulare è {p}", "richiamatemi al {p}"),
    "pt": ("meu celular: {p}", "liguem para {p}"),
    "tr": ("numaram {p}", "beni {p} numarasından arayın"),
    "nl": ("bereikbaar op {p}", "mijn nummer is {p}"),
    "pl": ("mój numer to {p}", "proszę dzwonić pod {p}"),
}  # fmt: skip
MAIL_PHRASE: dict[str, tuple[str, ...]] = {
    "en": ("send it to {e}", "my email is {e}", "reply to {e} please"),
    "de": ("bitte an {e} schicken", "meine E-Mail: {e}"),
    "fr": ("envoyez-le à {e}", "mon adresse : {e}"),
    "es": ("mi correo es {e}", "envíenlo a {e}"),
    "it": ("la mia mail è {e}", "scrivetemi a {e}"),
    "pt": ("meu e-mail é {e}", "mandem para {e}"),
    "tr": ("e-postam {e}", "{e} adresine gönderin"),
    "nl": ("mijn e-mail is {e}", "stuur het naar {e}"),
    "pl": ("mój e-mail to {e}", "proszę wysłać na {e}"),
}  # fmt: skip
FILLER: dict[str, tuple[str, ...]] = {
    "en": ("my parcel never arrived", "I was charged twice", "the app keeps logging me out",
           "I'd like to change my plan"),
    "de": ("mein Paket ist nicht angekommen", "ich wurde doppelt belastet",
           "die App meldet mich ständig ab"),
    "fr": ("mon colis n'est jamais arrivé", "j'ai été débité deux fois",
           "je voudrais résilier"),
    "es": ("mi paquete no ha llegado", "me cobraron dos veces", "quiero cambiar de tarifa"),
    "it": ("il pacco non è arrivato", "mi avete addebitato due volte", "vorrei disdire"),
    "pt": ("minha encomenda não chegou", "fui cobrada duas vezes", "quero cancelar"),
    "tr": ("kargom hâlâ gelmedi", "iki kez ücret alındı", "aboneliğimi iptal etmek istiyorum"),
    "nl": ("mijn pakket is niet aangekomen", "ik ben twee keer afgeschreven",
           "ik wil mijn abonnement opzeggen"),
    "pl": ("paczka nie dotarła", "pobrano opłatę dwa razy", "chcę zmienić taryfę"),
}  # fmt: skip


def _cue_lang(lang: str) -> str:
    return lang if lang in CUE_LANGS else "en"


# ---------------------------------------------------------------------------------------------
# People and conversations.


@dataclass
class Someone:
    lang: str
    first: str
    last: str


def someone(rng: random.Random, lang: str | None = None) -> Someone:
    lang = lang or rng.choice(tuple(NAMES))
    firsts, lasts = NAMES[lang]
    return Someone(lang, rng.choice(firsts), rng.choice(lasts))


def _name_vals(s: Someone, cls: str, *, form: str = "as-is") -> tuple[V, V]:
    f, la = s.first, s.last
    if form == "caps":
        f, la, cls = f.upper(), la.upper(), "name/caps"
    elif form == "lower":
        f, la, cls = f.lower(), la.lower(), "name/lowercase"
    elif form == "fold":
        f, la = ascii_fold(f), ascii_fold(la)
        if (f, la) != (s.first, s.last):
            cls = "name/ascii-folded"
    return V("name", f, cls), V("name", la, cls)


@dataclass
class Ctx:
    rng: random.Random
    me: Someone
    lang: str  # the language the person writes in
    phone: Phone
    mail: V
    agent: Someone
    region: str

    @property
    def cl(self) -> str:
        return _cue_lang(self.lang)

    def pick(self, table: dict[str, tuple[str, ...]]) -> str:
        return self.rng.choice(table[self.cl])

    def my_phone(self) -> Doc:
        return self.phone.doc()

    def form(self) -> str:
        r = self.rng.random()
        return "caps" if r < 0.05 else "lower" if r < 0.1 else "fold" if r < 0.18 else "as-is"


def _decoys(ctx: Ctx, k: int) -> Doc:
    d = Doc()
    for i in range(k):
        label, v = decoy(ctx.rng)
        sep = "; " if i else ""
        if v.cls == "decoy/name-like":
            tpl = ctx.rng.choice(
                ("{s}pickup in {v}", "{s}shipped with {v}", "{s}{v} ok?", "{s}see you {v}",
                 "{s}ich bin {v}")
            )  # fmt: skip
            d.add(fill(tpl, s=sep, v=v))
        else:
            d.add(fill("{s}{label} {v}", s=sep, label=label, v=v))
    return d


# Each template returns (doc, where).
Template = Callable[[Ctx], tuple[Doc, str]]


def t_intro(ctx: Ctx) -> tuple[Doc, str]:
    """A self-introduction with a cue in the language written, then a request."""
    lang = ctx.lang if ctx.lang in CUES else "en"
    cue = ctx.rng.choice(CUES[lang])
    form = ctx.form()
    cls = f"name/cue-{lang}"
    f, la = _name_vals(ctx.me, cls, form=form)
    n = fill("{f}", f=f) if ctx.rng.random() < 0.25 else fill("{f} {l}", f=f, l=la)
    head = fill(cue.replace("{n}", "{nm}"), nm=n)
    rest = ctx.rng.choice(FILLER[ctx.cl])
    tail: Doc = Doc()
    r = ctx.rng.random()
    if r < 0.4:
        tail = fill(" " + ctx.pick(CONTACT).replace("{p}", "{x}") + ".", x=ctx.my_phone())
    elif r < 0.7:
        tail = fill(" " + ctx.pick(MAIL_PHRASE).replace("{e}", "{x}") + ".", x=ctx.mail)
    return fill("{h} {r}.{t}", h=head, r=rest, t=tail), "message:user"


def t_signoff(ctx: Ctx) -> tuple[Doc, str]:
    """A message ending in a sign-off and the name on its own line(s)."""
    lang = ctx.cl
    body = ctx.rng.choice(FILLER[lang])
    off = ctx.rng.choice(SIGNOFFS[lang])
    form = ctx.form()
    f, la = _name_vals(ctx.me, f"name/signoff-{lang}", form=form)
    r = ctx.rng.random()
    if r < 0.4:
        sig = fill("{f} {l}", f=f, l=la)
    elif r < 0.6:
        sig = fill("{f}", f=f)
    elif r < 0.8:
        sig = fill("{f} {l}\n{p}", f=f, l=la, p=ctx.my_phone())
    else:
        sig = fill("-- \n{f} {l} | {e}", f=f, l=la, e=ctx.mail)
    return fill("{b}.\n\n{o}\n{s}", b=body.capitalize(), o=off, s=sig), "message:user"


def t_signature_line(ctx: Ctx) -> tuple[Doc, str]:
    """A name opening a signature line with no cue: "Name Surname, +55 ..."."""
    f, la = _name_vals(ctx.me, "name/signature", form=ctx.form())
    p = ctx.my_phone()
    tpl = ctx.rng.choice(
        ("{b}\n{f} {l}, {p}", "{b}\n\n{f} {l} / {p} / {e}", "{b}\n{l}, {f} - {p}",
         "{f} {l}, {p}\n{b}", "{b} —{f} {l}", "{b}\n{f} {l} ({e})")
    )  # fmt: skip
    body = ctx.rng.choice(FILLER[ctx.cl]).capitalize() + "."
    return fill(tpl, b=body, f=f, l=la, p=p, e=ctx.mail), "message:user"


def t_form(ctx: Ctx) -> tuple[Doc, str]:
    """Form-like fields, in markdown or plain lines."""
    f, la = _name_vals(ctx.me, "name/form-field", form=ctx.form())
    p, e = ctx.my_phone(), ctx.mail
    style = ctx.rng.random()
    if style < 0.35:
        tpl = "**Name:** {f} {l}\n**Phone:** {p}\n**E-mail:** {e}"
    elif style < 0.6:
        tpl = "- Vorname: {f}\n- Nachname: {l}\n- Telefon: {p}\n- Mail: {e}"
    elif style < 0.8:
        tpl = "| field | value |\n|---|---|\n| nome | {f} {l} |\n| tel | {p} |\n| email | {e} |"
    else:
        tpl = "AD SOYAD:{f} {l}\nTEL:{p}\nE-POSTA:{e}"
    return fill(tpl, f=f, l=la, p=p, e=e), "message:user"


def t_third_party(ctx: Ctx) -> tuple[Doc, str]:
    """Someone else's name, with or without a relation word, maybe their number."""
    other = someone(ctx.rng)
    rel = ctx.rng.random() < 0.55
    cls = "name/third-party-cued" if rel else "name/third-party-uncued"
    f, la = _name_vals(other, cls)
    ph = any_phone(ctx.rng)
    pv = ph.doc()
    if rel:
        tpl = ctx.rng.choice(
            ("{rel} {f} {l} will pick it up, her number is {p}.",
             "Please send a copy to {rel}, {f} {l}.",
             "{rel} ({f} {l}) has the power of attorney.")
        )  # fmt: skip
        return fill(tpl, rel=ctx.pick(RELATION), f=f, l=la, p=pv), "message:user"
    tpl = ctx.rng.choice(
        ("{f} {l} said I should write here.", "Ok. {f} {l} will call you from {p}.",
         "cc {f} {l}", "{f} {l} and I share the account; {f2} has the card.",
         "Forwarding from {f} {l}: \"please check the refund\"")
    )  # fmt: skip
    return fill(tpl, f=f, l=la, f2=f, p=pv), "message:user"


def t_values(ctx: Ctx) -> tuple[Doc, str]:
    """Structured values of the person or a stranger, with decoys around them."""
    r = ctx.rng.random()
    d = Doc()
    if r < 0.2:
        v = card(ctx.rng)
        d = fill(ctx.rng.choice(("Card: {c}, exp {x}.", "please charge {c} (valid till {x})",
                                 "Karte {c} wurde abgelehnt am {x}", "kart numaram:{c} skt {x}")),
                 c=v, x=f"{ctx.rng.randint(1, 12):02d}/{ctx.rng.randint(26, 31)}")  # fmt: skip
    elif r < 0.38:
        v = iban(ctx.rng)
        d = fill(ctx.rng.choice(("Refund to IBAN {i}, thanks.", "IBAN:{i}",
                                 "Bitte überweisen an {i} ({b}).", "Mi cuenta: {i}.",
                                 "rekening {i} t.n.v. mij")),
                 i=v, b=ctx.rng.choice(("Sparkasse", "ING", "Revolut")))  # fmt: skip
    elif r < 0.52:
        pre, v, post = ip(ctx.rng)
        d = fill(ctx.rng.choice(("My IP is {a}{v}{z} if that helps.", "blocked from {a}{v}{z}!",
                                 "Login attempt ({a}{v}{z}) was not me.",
                                 "Fehler: connect to {a}{v}{z} timed out")),
                 a=pre, v=v, z=post)  # fmt: skip
    elif r < 0.7:
        u, _ = url_secret(ctx.rng)
        d = fill(ctx.rng.choice(("This link fails: {u}", "<{u}>", "[download]({u})",
                                 "Link: {u} (expired?)", "`{u}`")), u=u)  # fmt: skip
    elif r < 0.85:
        ph = any_phone(ctx.rng)
        d = fill(ctx.rng.choice(("Tel/WhatsApp:{p}", "new number ({p}) since {x}",
                                 "Neue Nummer:\n{p}", "call {p}, not the old one.")),
                 p=ph.doc(), x=_date(ctx.rng))  # fmt: skip
        # the date is free text here, not planted; keep it clear of the planted values
    else:
        other = someone(ctx.rng)
        d = fill("Contact for delivery: {e}", e=email(ctx.rng, other.lang, other.first,
                                                       other.last, own=False))  # fmt: skip
    if ctx.rng.random() < 0.5:
        d = fill("{d} ({x})", d=d, x=_decoys(ctx, ctx.rng.randint(1, 2)))
    return d, "message:user"


def t_decoys(ctx: Ctx) -> tuple[Doc, str]:
    """Nothing personal: only numbers and words that must stay."""
    return fill("{x}.", x=_decoys(ctx, ctx.rng.randint(2, 4))), ctx.rng.choice(
        ("message:user", "message:bot", "message:agent")
    )


def t_bot_greeting(ctx: Ctx) -> tuple[Doc, str]:
    """The bot addressing the person by name (the platform holds it), maybe echoing a value."""
    if ctx.rng.random() < 0.3:
        tpl = ctx.rng.choice(HONORIFIC[ctx.cl])
        f, la = _name_vals(ctx.me, "name/bot-honorific")
        head = fill(tpl, f=f, l=la)
    else:
        tpl = ctx.rng.choice(GREETS[ctx.cl])
        f, la = _name_vals(ctx.me, "name/bot-greeting")
        n = fill("{f}", f=f) if ctx.rng.random() < 0.6 else fill("{f} {l}", f=f, l=la)
        head = fill(tpl.replace("{n}", "{nm}"), nm=n)
    r = ctx.rng.random()
    if r < 0.35:
        tail = fill(" We sent a code to {p}.", p=ctx.my_phone())
    elif r < 0.6:
        tail = fill(" A confirmation went to {e}.", e=ctx.mail)
    else:
        cls = ctx.rng.choice(("order", "tracking", "reference"))
        _, v = decoy(ctx.rng, cls)
        tail = fill(" Your {label} number is {v}.", label=cls, v=v)
    return fill("{h}{t}", h=head, t=tail), "message:bot"


def _json_text(ctx: Ctx, obj: Any, slots: dict[str, V], *, ascii_only: bool) -> Doc:
    """A bot template as JSON; each planted value written as JSON writes it (escaped)."""
    raw = json.dumps(obj, ensure_ascii=ascii_only)
    d = Doc()
    pos = 0
    for m in re.finditer(r"@@([a-z0-9]+)@@", raw):
        d.lit(raw[pos : m.start()])
        v = slots[m.group(1)]
        w = json.dumps(v.value, ensure_ascii=ascii_only)[1:-1]
        if ctx.rng.random() < 0.3:
            w = w.replace("/", "\\/")
        cls = "name/json-escaped" if v.kind == "name" and w != v.value else v.cls
        d.put(V(v.kind, w, cls))
        pos = m.end()
    return d.lit(raw[pos:])


def t_bot_json(ctx: Ctx) -> tuple[Doc, str]:
    f, la = _name_vals(ctx.me, "name/bot-json")
    slots = {"f": f, "l": la, "e": ctx.mail, "p": ctx.phone.v()}
    r = ctx.rng.random()
    if r < 0.4:
        obj: Any = {
            "type": "template",
            "payload": {
                "template_type": "button",
                "text": "Hello @@f@@, is @@e@@ still your address?",
                "buttons": [{"title": "Yes"}, {"title": "No"}],
            },
        }
    elif r < 0.7:
        obj = {
            "card": {"title": "Your details", "customer": {"given": "@@f@@", "family": "@@l@@"}},
            "contact": {"mobile": "@@p@@"},
        }
    else:
        _, v = decoy(ctx.rng, "order")
        slots["o"] = v
        obj = {"text": "@@f@@ @@l@@ — order @@o@@ confirmed", "quick_replies": ["OK"]}
    ascii_only = ctx.rng.random() < 0.5
    return _json_text(ctx, obj, slots, ascii_only=ascii_only), "message:bot"


def t_agent(ctx: Ctx) -> tuple[Doc, str]:
    """A human agent introduces themself and addresses the person."""
    af, al = _name_vals(ctx.agent, "name/agent-self")
    f, _ = _name_vals(ctx.me, "name/agent-greeting")
    tpl = ctx.rng.choice(
        ("Hi {f}, this is {af} from customer care. Let me check that.",
         "{af} {al} here, billing team. {f}, could you confirm the last four digits?",
         "Hello {f}! My name is {af} and I'll take over from the bot.",
         "Merhaba {f} Hanım, ben {af}, size yardımcı olacağım.")
    )  # fmt: skip
    return fill(tpl, f=f, af=af, al=al), "message:agent"


def t_repeat(ctx: Ctx) -> tuple[Doc, str]:
    """The person's name again, in text that has no cue of its own (learned elsewhere)."""
    f, la = _name_vals(ctx.me, "name/repeated")
    tpl = ctx.rng.choice(
        ("{f}.{l} is on the parcel label, maybe that's why.",
         "is the booking under {l} or {f} {l}?",
         "({f} {l})", "{l} {f} olarak kayıtlı.", "Rezerwacja na {f} {l}.")
    )  # fmt: skip
    return fill(tpl, f=f, l=la), "message:user"


_RAW_FIELDS = {
    "peki": ("summary", "subject", "tags"),
    "kore": ("session_summary", "notes"),
    "selise": ("feedback", "tags", "notes", "page_url"),
}


def t_raw(ctx: Ctx, platform: str) -> tuple[Doc, str]:
    field = ctx.rng.choice(_RAW_FIELDS[platform])
    f, la = _name_vals(ctx.me, "name/raw")
    if field == "page_url":
        u, _ = url_secret(ctx.rng)
        return u, f"raw:{field}"
    if field == "tags":
        return fill("vip, callback, {f} {l}, {p}", f=f, l=la, p=ctx.my_phone()), f"raw:{field}"
    if field == "feedback":
        af, _ = _name_vals(ctx.agent, "name/raw")
        tpl = ctx.rng.choice(
            ("{af} was very helpful! call me {p}", "Sehr zufrieden. {f} {l}",
             "bot didn't understand me, {af} fixed it", "3/5 - write to {e}")
        )  # fmt: skip
        return fill(tpl, af=af, f=f, l=la, p=ctx.my_phone(), e=ctx.mail), f"raw:{field}"
    tpl = ctx.rng.choice(
        ("Customer {f} {l} asked about a double charge; refund to {i}. Callback {p}.",
         "User ({e}) reports login failures from {ip}.",
         "{l}, {f}: address change; new phone {p}.",
         "Kunde {f} {l} möchte kündigen. Kontakt: {e}")
    )  # fmt: skip
    pre, ipv, post = ip(ctx.rng)
    ipd = fill("{a}{v}{z}", a=pre, v=ipv, z=post)
    return fill(tpl, f=f, l=la, i=iban(ctx.rng), p=ctx.my_phone(), e=ctx.mail, ip=ipd), (
        f"raw:{field}"
    )


USER_TEMPLATES: tuple[Template, ...] = (
    t_signoff, t_signature_line, t_form, t_third_party, t_values, t_values, t_values,
    t_decoys, t_repeat,
)  # fmt: skip
OTHER_TEMPLATES: tuple[Template, ...] = (t_bot_greeting, t_bot_json, t_agent, t_decoys)

PLATFORMS = ("peki", "kore", "selise")


def _profile(
    rng: random.Random, platform: str, me: Someone, mail: V, phone: Phone
) -> dict[str, Any]:
    """The profile record's fields as each platform sends them (values as the platform holds
    them: the profile's email is the one the person writes, the phone is E.164)."""
    full = f"{me.first} {me.last}"
    if platform == "peki":
        prof: dict[str, Any] = {
            "firstName": me.first,
            "lastName": me.last,
            "email": mail.value,
            "phoneNumber": phone.e164,
            "username": ascii_fold(me.first).lower().replace(" ", "") + str(rng.randint(1, 999)),
            "dataDictionary": {"plan": rng.choice(("basic", "plus"))},
        }
        if rng.random() < 0.2:
            del prof["phoneNumber"]
        return prof
    if platform == "kore":
        keys = rng.choice(
            (("FirstName", "LastName", "Email", "Phone"), ("firstName", "lastName", "email",
             "mobile"), ("fullName", None, "emailId", "phoneNumber"))
        )  # fmt: skip
        tags = []
        if keys[1] is None:
            tags.append({"name": keys[0], "value": full})
        else:
            tags += [{"name": keys[0], "value": me.first}, {"name": keys[1], "value": me.last}]
        tags += [{"name": keys[2], "value": mail.value}, {"name": keys[3], "value": phone.e164}]
        prof = {
            "channel": "rtm",
            "session_lang": ["en"],
            "tags": {"userTags": tags, "sessionTags": []},
        }
        if rng.random() < 0.3:
            prof["channels"] = [{"type": "email", "channelUId": mail.value}]
        return prof
    return {
        "user_info": {
            "name": full,
            "email": mail.value,
            "phone": phone.e164,
            "location": rng.choice(("Lisboa", "Köln", "İzmir", "Nairobi", "Osaka")),
        },
        "ip_address": _public_v4(rng),
        "metadata": {"source": "widget", "device": rng.choice(("mobile", "desktop"))},
        "rating": rng.randint(1, 5),
    }


def _draw(rng: random.Random, make: Callable[[], tuple[Doc, str]]) -> Text:
    for _ in range(200):
        d, where = make()
        if not problems(d.text, d.puts):
            return Text(d.text, d.planted(), where)
    raise RuntimeError(f"no clean text after 200 draws: {problems(d.text, d.puts)} {d.text!r}")


def _clash(a: str, b: str) -> bool:
    """One name inside the other (any case): a text holding both could not be scored."""
    a, b = ascii_fold(a).lower(), ascii_fold(b).lower()
    return a in b or b in a


def conversation(rng: random.Random) -> Conversation:
    origin = rng.choice(tuple(NAMES))
    me = someone(rng, origin)
    while _clash(me.first, me.last):
        me = someone(rng, origin)
    lang = rng.choice(WRITES[origin])
    region = rng.choice(HOME[origin])
    phone = any_phone(rng, region)
    mail = email(rng, origin, me.first, me.last, own=True)
    agent = someone(rng)
    while any(_clash(a, b) for a in (me.first, me.last) for b in (agent.first, agent.last)):
        agent = someone(rng)
    platform = rng.choice(PLATFORMS)
    ctx = Ctx(rng, me, lang, phone, mail, agent, region)
    texts = [_draw(rng, lambda: t_intro(ctx))]
    for _ in range(rng.randint(2, 7)):
        tpl = rng.choice(USER_TEMPLATES) if rng.random() < 0.6 else rng.choice(OTHER_TEMPLATES)
        texts.append(_draw(rng, lambda tpl=tpl: tpl(ctx)))
    for _ in range(rng.choice((0, 1, 1, 2))):
        texts.append(_draw(rng, lambda: t_raw(ctx, platform)))
    person = Person(origin, me.first, me.last, mail.value, phone.e164, phone.written, region)
    return Conversation(platform, person, _profile(rng, platform, me, mail, phone), texts)


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 5/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng)
        out.append(conv)
        count += len(conv.texts)
    return out


def composition(convs: list[Conversation]) -> dict[str, Counter[str]]:
    """What a bank holds: planted occurrences by kind and class, people by language, texts by
    position, phones by country code."""
    out: dict[str, Counter[str]] = {
        "kind": Counter(),
        "class": Counter(),
        "origin": Counter(),
        "where": Counter(),
        "platform": Counter(),
    }
    for c in convs:
        out["origin"][c.person.lang] += 1
        out["platform"][c.platform] += 1
        for t in c.texts:
            out["where"][t.where] += 1
            for kind, value, cls in t.planted:
                n = len(occurrences(t.text, value))
                out["kind"][kind] += n
                out["class"][cls] += n
    return out


if __name__ == "__main__":
    import sys

    bank = corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 20000, 1)
    for name, counts in composition(bank).items():
        print(f"\n{name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
