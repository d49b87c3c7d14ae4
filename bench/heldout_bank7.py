"""Held-out bank 7: planted personal values and decoys in chat situations of its own.

Written apart from every earlier bank and from the detectors: its own name lists (26 languages,
particles, double surnames, initials, nicknames), its own formats and its own situations —
voice transcripts (no punctuation, numbers in spoken groups), forwarded e-mail threads, CSV
pastes, address blocks, delivery notes, support tickets quoting logs, code-switching, Kore.ai
bots greeting by the tagged name, agent hand-offs, quoted replies, JSON payloads (some with
``\\uXXXX`` escapes) and free-text fields of the Selise session record.

The interface is the held-out one of ``bench/masking_quality.py``: ``corpus(n, seed)`` gives
conversations whose texts carry ``(kind, value as written, class)`` triples. Every occurrence
of a value in its text is scored; a value of kind ``decoy`` must stay untouched. Each text also
says where each value stands (``spots``), for the composition table.

    .venv/bin/python bench/heldout_bank7.py [--n 2000] [--seed 1]   # prints the composition
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bench.heldout_corpus import Conversation, Person, Text

# --------------------------------------------------------------------------------------------
# Names: given names | family names per language (common ones, written as their owners do).


def _split(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split("|") if x.strip())


_RAW_NAMES: dict[str, tuple[str, str]] = {
    "en": (
        "Olivia|Harry|Amelia|George|Jessica|Oliver|Chloe|Jack|Megan|Callum|Bethany|Declan|"
        "Siobhan|Rhys|Gemma|Nathan|Kayleigh|Tyler|Brooke|Dwayne",
        "Whitfield|Pemberton|O'Sullivan|McAllister|Ashworth|Fairbanks|Holloway|Brennan|"
        "Thistlewood|Garside|Kettering|Blackwood|Hargreaves|Lockhart|MacPherson|Sutcliffe",
    ),
    "de": (
        "Jürgen|Sabine|Lukas|Annegret|Maximilian|Friederike|Torsten|Ingrid|Jörg|Hannelore|"
        "Dieter|Svenja|Björn|Gudrun|Ulrike|Matthias|Käthe|Wolfgang",
        "Schröder|Müller-Lüdenscheidt|Großmann|von Bülow|Kessler|Brandstätter|Hoffmeister|"
        "Weißenborn|Zimmermann|Pfeiffer|Krüger|Eichhorn|Lindemann|Rößler|Obermaier",
    ),
    "fr": (
        "Amélie|Étienne|Gaëlle|Benoît|Hélène|Jérôme|Océane|François|Maëlys|Sébastien|"
        "Clémence|Thibault|Noémie|Loïc|Ségolène|Anaïs",
        "Lefèvre|Dubois-Moreau|Chevalier|de la Fontaine|Rousseau|Beaulieu|Marchetti|Fauré|"
        "Gauthier|Lemaître|Deschamps|Mercier|Thibodeau|Duchêne",
    ),
    "es": (
        "Lucía|Álvaro|Ximena|Íñigo|Nerea|Joaquín|Begoña|Rodrigo|Macarena|Sebastián|Inés|"
        "Guadalupe|Fermín|Ainhoa|Ramón",
        "Fernández|García-Lorca|de la Cruz|Ibáñez|Zubizarreta|Castañeda|Villalobos|Peña|"
        "Echeverría|Ordóñez|Santamaría|Quiroga|Barrientos",
    ),
    "it": (
        "Giulia|Niccolò|Chiara|Matteo|Ludovica|Gianluca|Federica|Tommaso|Beatrice|Raffaele|"
        "Ilaria|Pierluigi|Vittoria|Donatella",
        "Bianchi|Esposito|D'Alessandro|Lombardi|Caruso|Fabbri|Mancini|De Luca|Pellegrini|"
        "Santoro|Galli|Rinaldi|Barbieri|Ferraro",
    ),
    "pt": (
        "João|Beatriz|Gonçalo|Leonor|Thiago|Marília|Vinícius|Conceição|Rafaela|Caetano|"
        "Iolanda|Sebastião|Luana|Guilherme",
        "Gonçalves|Araújo|dos Santos|Magalhães|Carvalho|Nascimento|Brandão|Figueiredo|"
        "Assunção|Teixeira|Damasceno|Loureiro|Sampaio",
    ),
    "tr": (
        "Ayşe|Mehmet|Gülşen|Oğuz|Şeyma|Çağla|Barış|İrem|Yiğit|Büşra|Ömer|Tuğba|Hakan|Elif|"
        "Selçuk|Nurhan",
        "Yılmaz|Öztürk|Şahin|Karagöz|Çelik|Doğan|Kılıç|Aydın|Erdoğdu|Güneş|Kocabaş|"
        "Tekin|Özdemir|Uçar",
    ),
    "nl": (
        "Sanne|Joost|Femke|Bram|Anouk|Sjoerd|Marloes|Thijs|Lieke|Wouter|Ilse|Maarten|Eline|"
        "Gert-Jan",
        "van der Berg|de Vries|Bakker|Visser|van Dijk|Jansen|de Groot|Smit|Mulder|"
        "van den Heuvel|Kuipers|Verhoeven|ter Horst|Brouwer",
    ),
    "pl": (
        "Katarzyna|Grzegorz|Małgorzata|Wojciech|Agnieszka|Paweł|Zofia|Łukasz|Magdalena|"
        "Krzysztof|Jadwiga|Bartłomiej|Ewelina|Przemysław",
        "Wiśniewska|Kowalczyk|Zieliński|Dąbrowski|Lewandowska|Wójcik|Kamiński|Szymańska|"
        "Woźniak|Kozłowski|Jankowska|Mazur|Grabowski|Pawłowska",
    ),
    "sv": (
        "Åsa|Linnea|Björn|Ingrid|Oskar|Maja|Henrik|Elin|Gunnar|Saga|Torbjörn|Ebba",
        "Lindqvist|Andersson|Sjöberg|Bergström|Johansson|Nyström|Ekström|Lundgren|Håkansson|"
        "Öberg|Wallin|Forsberg",
    ),
    "no": (
        "Sigrid|Eirik|Ingvild|Håkon|Solveig|Øystein|Ragnhild|Trond|Kari|Espen|Marit|Vegard",
        "Haugen|Bakke|Solberg|Strand|Sæther|Hansen|Fjeld|Nygård|Løken|Dahl|Østby|Berntsen",
    ),
    "cs": (
        "Jiří|Tereza|Tomáš|Zuzana|Lukáš|Kateřina|Ondřej|Lenka|Vojtěch|Markéta|Radek|Šárka",
        "Novák|Dvořáková|Svoboda|Černý|Procházková|Kučera|Veselá|Horák|Němcová|Marek|Pokorný|"
        "Růžičková",
    ),
    "ro": (
        "Andreea|Mihai|Ioana|Bogdan|Cristina|Răzvan|Alexandra|Ștefan|Roxana|Dragoș|Oana|Tudor",
        "Popescu|Ionescu|Dumitrescu|Stănescu|Constantinescu|Munteanu|Ghiță|Rădulescu|"
        "Moldovan|Țurcanu|Vasilescu|Niculescu",
    ),
    "hu": (
        "Zsófia|László|Eszter|Gábor|Réka|Zoltán|Katalin|Bence|Ildikó|Attila|Csilla|Gergely",
        "Nagy|Kovács|Szabó|Tóth|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp",
    ),
    "el": (
        "Eleni|Giorgos|Katerina|Dimitris|Vasiliki|Konstantinos|Despina|Panagiotis|Stavroula|"
        "Nikos|Athina|Christos",
        "Papadopoulos|Georgiou|Konstantinidou|Nikolaidis|Papadaki|Vlachos|Antonopoulou|"
        "Karagiannis|Oikonomou|Alexiou|Stavrou|Dimitriou",
    ),
    "ru": (
        "Svetlana|Dmitriy|Yekaterina|Aleksey|Nataliya|Sergey|Anastasiya|Vladimir|Tatyana|"
        "Mikhail|Yuliya|Konstantin",
        "Kuznetsova|Smirnov|Volkova|Sokolov|Lebedeva|Morozov|Novikova|Fyodorov|Zaytseva|"
        "Belousov|Yegorova|Shcherbakov",
    ),
    "uk": (
        "Oksana|Taras|Iryna|Bohdan|Olena|Yaroslav|Khrystyna|Andriy|Solomiya|Mykola|Halyna|Vasyl",
        "Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchuk|Melnyk|Boyko|Oliynyk|Savchuk|"
        "Hrytsenko|Lysenko|Zhuravska",
    ),
    "ar": (
        "Fatima|Youssef|Layla|Omar|Nour|Khalid|Mariam|Hamza|Rania|Tariq|Salma|Abdelrahman",
        "al-Hashimi|bin Saleh|El-Sayed|Haddad|Mansour|al-Farsi|Nasser|Khoury|Abu-Zaid|"
        "Ibrahim|Qasim|Benali",
    ),
    "fa": (
        "Shirin|Reza|Parisa|Mehdi|Niloufar|Arash|Golnaz|Babak|Mahsa|Kourosh|Leila|Dariush",
        "Hosseini|Tehrani|Rahimi|Moradi|Karimi|Ghasemi|Jafari|Shirazi|Farahani|Mirzaei|Sadeghi|"
        "Ahmadinejad",
    ),
    "hi": (
        "Priya|Arjun|Ananya|Rohan|Kavita|Vikram|Sneha|Aditya|Pooja|Rahul|Meenakshi|Siddharth",
        "Sharma|Iyer|Deshpande|Chatterjee|Gupta|Reddy|Mehta|Kulkarni|Banerjee|Agarwal|Nair|"
        "Chaudhary",
    ),
    "ta": (
        "Karthik|Lakshmi|Senthil|Divya|Murugan|Kavya|Ganesh|Janani|Prakash|Revathi",
        "Subramanian|Ramasamy|Krishnan|Venkatesan|Annamalai|Palaniappan|Natarajan|Raghavan|"
        "Sundaram|Pillai",
    ),
    "zh": (
        "Wei|Xiaoling|Jianguo|Mei|Haoran|Yuting|Zhiwei|Xinyi|Junjie|Lihua|Qiang|Shufen",
        "Zhang|Wang|Chen|Liu|Huang|Zhao|Zhou|Xu|Sun|Luo|Zhu|Guo",
    ),
    "ko": (
        "Minjun|Seoyeon|Jihoon|Yuna|Hyunwoo|Jiwon|Dongmin|Soyeon|Taeyang|Eunji|Sungmin|Haeun",
        "Kim|Lee|Park|Choi|Jung|Kang|Yoon|Jang|Lim|Han|Shin|Seo",
    ),
    "ja": (
        "Haruto|Yui|Sota|Aoi|Ren|Hina|Takumi|Sakura|Daiki|Misaki|Kenta|Ayaka",
        "Takahashi|Watanabe|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamaguchi|Matsumoto|"
        "Inoue|Kimura|Hayashi",
    ),
    "vi": (
        "Nguyễn Thị Lan|Minh|Thảo|Quang|Hương|Tuấn|Ngọc|Phương|Dũng|Trang|Hải|Linh",
        "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ",
    ),
    "id": (
        "Putri|Budi|Siti|Agus|Dewi|Rizky|Ayu|Hendra|Intan|Fajar|Wulan|Bayu",
        "Santoso|Wijaya|Kusuma|Saputra|Hidayat|Pratama|Setiawan|Nugroho|Hartono|Gunawan|"
        "Halim|Susanto",
    ),
    "yo": (
        "Adebayo|Folasade|Oluwaseun|Temitope|Babatunde|Yetunde|Olumide|Funmilayo|Ayodele|"
        "Omolara|Chukwuemeka|Ngozi|Chiamaka|Obinna",
        "Adeyemi|Okonkwo|Babatunde-Ojo|Oyelaran|Eze|Nwachukwu|Ogunleye|Okafor|Adewale|"
        "Onyekachi|Afolabi|Ikwuemesi",
    ),
    "sw": (
        "Wanjiru|Baraka|Amani|Zawadi|Juma|Neema|Otieno|Imani|Kamau|Rehema|Mwangi|Achieng",
        "Mwangi|Odhiambo|Kiprop|Mutua|Njoroge|Wambui|Ochieng|Kariuki|Chebet|Mbwana|Omondi|Wekesa",
    ),
}
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    lang: (_split(g), _split(f)) for lang, (g, f) in _RAW_NAMES.items()
}
# Vietnamese given names above are written without the family name except one full form that
# shows the order; keep given names to one or two words everywhere else.
NAMES["vi"] = (tuple(g for g in NAMES["vi"][0] if " " not in g), NAMES["vi"][1])

# Nicknames people sign with in chat, for given names of the lists above.
NICK: dict[str, str] = {
    "Katarzyna": "Kasia",
    "Małgorzata": "Gosia",
    "Aleksey": "Lyosha",
    "Yekaterina": "Katya",
    "Dmitriy": "Dima",
    "Maximilian": "Maxi",
    "Guadalupe": "Lupita",
    "Sebastián": "Sebas",
    "Konstantinos": "Kostas",
    "Giorgos": "Yorgos",
    "Oluwaseun": "Seun",
    "Chukwuemeka": "Emeka",
    "Bartłomiej": "Bartek",
    "Przemysław": "Przemek",
    "Wolfgang": "Wolfi",
    "Pierluigi": "Gigi",
}

COUNTRIES: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE", "AU", "CA", "NZ"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "LU"),
    "es": ("ES", "MX", "AR", "CO", "CL"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR"),
    "tr": ("TR",),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "sv": ("SE", "FI"),
    "no": ("NO",),
    "cs": ("CZ",),
    "ro": ("RO", "MD"),
    "hu": ("HU",),
    "el": ("GR", "CY"),
    "ru": ("RU", "KZ"),
    "uk": ("UA",),
    "ar": ("EG", "SA", "AE", "MA", "JO"),
    "fa": ("IR",),
    "hi": ("IN",),
    "ta": ("IN", "LK"),
    "zh": ("CN", "TW", "SG"),
    "ko": ("KR",),
    "ja": ("JP",),
    "vi": ("VN",),
    "id": ("ID",),
    "yo": ("NG",),
    "sw": ("KE", "TZ"),
}
CITIES: dict[str, tuple[str, ...]] = {
    "en": ("Leeds", "Boston", "Cork"),
    "de": ("Bielefeld", "Graz", "Köln"),
    "fr": ("Nantes", "Liège", "Toulouse"),
    "es": ("Valladolid", "Guadalajara", "Medellín"),
    "it": ("Bergamo", "Lecce", "Torino"),
    "pt": ("Coimbra", "Recife", "Curitiba"),
    "tr": ("Eskişehir", "Bursa", "İzmir"),
    "nl": ("Utrecht", "Groningen", "Gent"),
    "pl": ("Poznań", "Łódź", "Gdańsk"),
    "sv": ("Uppsala", "Malmö"),
    "no": ("Bergen", "Tromsø"),
    "cs": ("Brno", "Olomouc"),
    "ro": ("Cluj-Napoca", "Iași"),
    "hu": ("Debrecen", "Szeged"),
    "el": ("Thessaloniki", "Patras"),
    "ru": ("Kazan", "Samara"),
    "uk": ("Lviv", "Kharkiv"),
    "ar": ("Alexandria", "Amman", "Casablanca"),
    "fa": ("Isfahan", "Tabriz"),
    "hi": ("Pune", "Jaipur"),
    "ta": ("Madurai", "Coimbatore"),
    "zh": ("Chengdu", "Hangzhou"),
    "ko": ("Busan", "Daegu"),
    "ja": ("Sapporo", "Fukuoka"),
    "vi": ("Hanoi", "Da Nang"),
    "id": ("Bandung", "Surabaya"),
    "yo": ("Ibadan", "Abeokuta"),
    "sw": ("Mombasa", "Arusha"),
}

_FOLD = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae"}
)


def fold(s: str) -> str:
    """Without diacritics, as people type on a keyboard that lacks them."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


def ascii_local(s: str) -> str:
    return "".join(c for c in fold(s).lower() if c in string.ascii_lowercase)


# --------------------------------------------------------------------------------------------
# Text assembly


@dataclass(frozen=True)
class Put:
    """A value placed in a text: what it is, how it is written, its class and where it stands."""

    kind: str
    value: str
    cls: str
    spot: str = "inline"
    origin: str = ""  # names: "<language>/<form>"


@dataclass
class Text7(Text):
    spots: list[str] = field(default_factory=list)  # where each planted value stands
    origins: list[str] = field(default_factory=list)  # names: language/form, else ""
    template: str = ""


Piece = str | Put


def build(pieces: Sequence[Piece]) -> tuple[str, list[Put]]:
    text = "".join(p.value if isinstance(p, Put) else p for p in pieces)
    seen: dict[str, Put] = {}
    for p in pieces:
        if isinstance(p, Put) and p.value not in seen:
            seen[p.value] = p
    return text, list(seen.values())


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    return [(i, i + len(value)) for i in range(len(text)) if text.startswith(value, i)]


def problems(text: str, puts: Sequence[Put]) -> list[str]:
    """What would make the scorer count a value where it was not meant to stand."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    kinds: dict[str, str] = {}
    for p in puts:
        if kinds.setdefault(p.value, p.kind) != p.kind:
            out.append(f"{p.value!r} under two kinds")
        occ = occurrences(text, p.value)
        if not occ:
            out.append(f"{p.value!r} missing")
        for a, b in occ:
            before = text[a - 1] if a else " "
            after = text[b] if b < len(text) else " "
            if p.kind != "url" and (
                before.isalnum() or after.isalnum() or unicodedata.combining(after)
            ):
                out.append(f"{p.value!r} inside a longer word")
            spans.append((a, b, p.value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    return out


# --------------------------------------------------------------------------------------------
# Phones


def _nsn(num: phonenumbers.PhoneNumber) -> str:
    return str(phonenumbers.national_significant_number(num))


def valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kind = rng.choice((PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
    ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    if ex is None:
        raise ValueError(f"no example number for {region}")
    base = _nsn(ex)
    keep = max(2, len(base) - 6)
    for _ in range(300):
        nsn = base[:keep] + "".join(rng.choice(string.digits) for _ in range(len(base) - keep))
        num = phonenumbers.parse("+" + str(ex.country_code) + nsn, None)
        if phonenumbers.is_valid_number(num) and nsn != base:
            return num
    return ex


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """Possible by length, not valid by today's metadata: a range opened after the release."""
    cc = phonenumbers.country_code_for_region(region)
    ex = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if ex is None:
        return None
    n = len(_nsn(ex))
    for _ in range(400):
        nsn = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{nsn}", None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


TRUNK0 = ("DE", "AT", "CH", "GB", "NL", "BE", "FR", "IE", "SE", "NO_", "CZ_", "TR", "PL_", "RO")
UNASSIGNED_REGIONS = ("DE", "GB", "FR", "NL", "TR", "BR", "IN", "NG", "KE", "VN", "ID", "PL")


def _groups(rng: random.Random, digits: str) -> list[str]:
    sizes = rng.choice(((3, 3, 4), (2, 2, 2, 2, 2), (4, 3, 4), (3, 4), (2, 3, 2, 2), (4, 4)))
    out, i = [], 0
    for s in sizes:
        if i >= len(digits):
            break
        out.append(digits[i : i + s])
        i += s
    if i < len(digits):
        out[-1] += digits[i:]
    return out


@dataclass(frozen=True)
class Phone:
    written: str
    cls: str
    after: str = ""  # text right after the number that is not part of it (an extension)


def intl_phone(rng: random.Random, num: phonenumbers.PhoneNumber, cls: str = "intl") -> Phone:
    cc, nsn = str(num.country_code), _nsn(num)
    region = phonenumbers.region_code_for_number(num) or ""
    style = rng.randrange(7)
    if style == 0:
        w = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    elif style == 1 and cls == "intl":
        w = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    elif style == 2:
        w = f"00{cc} " + " ".join(_groups(rng, nsn))
        cls += "-00"
    elif style == 3 and region in TRUNK0:
        w = f"+{cc} (0){' '.join(_groups(rng, nsn))}"
        cls += "-trunk0"
    elif style == 4:
        sep = rng.choice(("-", ".", "/"))
        w = f"+{cc}{sep}" + sep.join(_groups(rng, nsn))
    elif style == 5:
        w = f"+{cc}{nsn}" if rng.random() < 0.5 else f"(+{cc}) {' '.join(_groups(rng, nsn))}"
    else:
        w = f"+{cc} " + " ".join(_groups(rng, nsn))
    after = ""
    if rng.random() < 0.12:
        after = rng.choice((" ext. ", " x", " ext ", " Durchwahl ", " poste ", " (int. ")) + str(
            rng.randint(10, 4999)
        )
        after += ")" if after.startswith(" (int") else ""
        cls += "-ext"
    return Phone(w, f"phone/{cls}-{region or cc}", after)


def national_phone(rng: random.Random, num: phonenumbers.PhoneNumber, *, voice: bool) -> Phone:
    region = phonenumbers.region_code_for_number(num) or "ZZ"
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if voice:  # a transcript: digits in the groups they were spoken in, no punctuation
        d = "".join(c for c in nat if c.isdigit())
        head = 4 if len(d) > 9 else 3
        w = d[:head] + " " + " ".join(d[i : i + 2] for i in range(head, len(d), 2))
        return Phone(w, f"phone/voice-national-{region}")
    style = rng.randrange(4)
    if style == 1:
        w = re.sub(r"[\s()-]", "", nat)
    elif style == 2 and region in ("DE", "AT"):
        d = re.sub(r"\D", "", nat)
        w = d[:4] + "/" + d[4:]
    elif style == 3 and region in ("FR", "BE", "CH"):
        w = nat.replace(" ", ".")
    else:
        w = nat
    return Phone(w, f"phone/national-{region}")


def a_phone(rng: random.Random, region: str, *, voice: bool = False) -> Phone:
    r = rng.random()
    if r < 0.16:
        reg = rng.choice(UNASSIGNED_REGIONS) if rng.random() < 0.6 else region
        num = unassigned_number(rng, reg)
        if num is not None:
            return intl_phone(rng, num, "intl-unassigned")
    num = valid_number(rng, region)
    if voice:
        if rng.random() < 0.5:
            return national_phone(rng, num, voice=True)
        cc, nsn = str(num.country_code), _nsn(num)
        w = f"+{cc} " + " ".join(nsn[i : i + 2] for i in range(0, len(nsn), 2))
        return Phone(w, f"phone/voice-intl-{region}")
    if r < 0.5:
        return national_phone(rng, num, voice=False)
    return intl_phone(rng, num)


# --------------------------------------------------------------------------------------------
# Cards


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()][::-1]
    return (
        sum(d if i % 2 == 0 else (2 * d) // 10 + (2 * d) % 10 for i, d in enumerate(ds)) % 10 == 0
    )


def luhn_make(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError("unreachable")


# brand: (prefixes, lengths)
CARDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 13, 19)),
    "mastercard": (("51", "53", "55", "2221", "2720", "2368"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "65", "644", "649"), (16, 19)),
    "jcb": (("3528", "3561", "3589"), (16,)),
    "diners": (("36", "300", "305", "38"), (14,)),
    "unionpay": (("62", "6212"), (16, 19)),
    "maestro": (("6759", "5018", "5020", "6304"), (12, 16, 19)),
    "mir": (("2200", "2202", "2204"), (16,)),
    "troy": (("9792",), (16,)),
    "rupay": (("6080", "6521", "8172"), (16,)),
    "elo": (("5067", "6362", "4576"), (16,)),
    "verve": (("5061", "6500"), (16, 19)),
}


def _card_layout(n: int, brand: str, rng: random.Random) -> tuple[int, ...]:
    if brand == "amex":
        return (4, 6, 5)
    if n == 14:
        return (4, 6, 4)
    if n == 19:
        return rng.choice(((4, 4, 4, 4, 3), (6, 13)))
    if n == 13:
        return (4, 3, 3, 3)
    if n == 12:
        return (4, 4, 4)
    return (4, 4, 4, 4)


def a_card(rng: random.Random) -> Put:
    brand = rng.choice(sorted(CARDS))
    prefixes, lengths = CARDS[brand]
    n = rng.choice(lengths)
    digits = luhn_make(rng, rng.choice(prefixes), n)
    how = rng.choice(("spaced", "spaced", "dashed", "compact", "dotted"))
    if how == "compact":
        return Put("card", digits, f"card/{brand}-compact")
    sep = {"spaced": " ", "dashed": "-", "dotted": "."}[how]
    parts, i = [], 0
    for s in _card_layout(n, brand, rng):
        parts.append(digits[i : i + s])
        i += s
    return Put("card", sep.join(parts), f"card/{brand}-{how}")


# --------------------------------------------------------------------------------------------
# IBANs: country -> BBAN layout (n digit, a letter, c letter or digit)

IBAN_BBAN: dict[str, str] = {
    "AD": "8n12c",
    "AE": "19n",
    "AL": "8n16c",
    "AT": "16n",
    "AZ": "4a20c",
    "BA": "16n",
    "BE": "12n",
    "BG": "4a6n8c",
    "BH": "4a14c",
    "BR": "23n1a1c",
    "CH": "5n12c",
    "CR": "18n",
    "CY": "8n16c",
    "CZ": "20n",
    "DE": "18n",
    "DK": "14n",
    "DO": "4c20n",
    "EE": "16n",
    "EG": "25n",
    "ES": "20n",
    "FI": "14n",
    "FR": "10n11c2n",
    "GB": "4a14n",
    "GE": "2a16n",
    "GI": "4a15c",
    "GR": "7n16c",
    "HR": "17n",
    "HU": "24n",
    "IE": "4a14n",
    "IL": "19n",
    "IS": "22n",
    "IT": "1a10n12c",
    "JO": "4a4n18c",
    "KW": "4a22c",
    "KZ": "3n13c",
    "LB": "4n20c",
    "LI": "5n12c",
    "LT": "16n",
    "LU": "3n13c",
    "LV": "4a13c",
    "MD": "20c",
    "ME": "18n",
    "MK": "3n10c2n",
    "MT": "4a5n18c",
    "NL": "4a10n",
    "NO": "11n",
    "PK": "4a16c",
    "PL": "24n",
    "PT": "21n",
    "QA": "4a21c",
    "RO": "4a16c",
    "RS": "18n",
    "SA": "2n18c",
    "SE": "20n",
    "SI": "15n",
    "SK": "20n",
    "TN": "20n",
    "TR": "5n1n16c",
    "UA": "6n19c",
    "XK": "16n",
}


def _bban(rng: random.Random, country: str) -> str:
    out = []
    for count, cls in re.findall(r"(\d+)([nac])", IBAN_BBAN[country]):
        pool = {
            "n": string.digits,
            "a": string.ascii_uppercase,
            "c": string.ascii_uppercase + string.digits * 2,
        }[cls]
        out.append("".join(rng.choice(pool) for _ in range(int(count))))
    return "".join(out)


def mod97(iban: str) -> int:
    s = iban.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    check = 98 - mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 96) - 2) % 97 + 2
        if mod97(f"{country}{check:02d}{bban}") == 1:
            check = check % 97 + 2
    return f"{country}{check:02d}{bban}"


def a_iban(rng: random.Random, country: str | None = None) -> Put:
    c = country if country in IBAN_BBAN else rng.choice(sorted(IBAN_BBAN))
    assert c is not None
    s = iban_compact(rng, c)
    how = rng.choice(("grouped", "grouped", "compact", "lower-grouped"))
    if how == "compact":
        return Put("iban", s, "iban/compact")
    grouped = " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return Put("iban", grouped.lower() if how == "lower-grouped" else grouped, f"iban/{how}")


# --------------------------------------------------------------------------------------------
# IP addresses


def _v4(rng: random.Random) -> str:
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast and str(a).split(".")[-1] not in ("0", "255"):
            return str(a)


def _v6(rng: random.Random) -> str:
    while True:
        prefix = rng.choice((0x2A02, 0x2001, 0x2400, 0x2A01, 0x2600, 0x2C0F, 0x2804))
        a = ipaddress.IPv6Address((prefix << 112) | rng.getrandbits(112))
        if prefix == 0x2001:
            a = ipaddress.IPv6Address((0x2001_0DB9 << 96) | rng.getrandbits(96))
        if a.is_global:
            if rng.random() < 0.4:  # a run of zeros so it compresses
                a = ipaddress.IPv6Address(int(a) & ~(0xFFFF_FFFF << 32))
                a = ipaddress.IPv6Address(int(a) | rng.getrandbits(16))
            return a.compressed if rng.random() < 0.8 else a.exploded


def an_ip(rng: random.Random) -> tuple[str, Put, str]:
    """Text before, the address, text after (port, CIDR suffix, brackets)."""
    if rng.random() < 0.6:
        v = _v4(rng)
        r = rng.random()
        if r < 0.25:
            return "", Put("ip", v, "ip/v4-port"), f":{rng.choice((443, 8080, 22, 5432, 3389))}"
        if r < 0.4:
            return "", Put("ip", v, "ip/v4-cidr"), f"/{rng.choice((32, 24, 28))}"
        return "", Put("ip", v, "ip/v4"), ""
    v = _v6(rng)
    r = rng.random()
    if r < 0.3:
        return "[", Put("ip", v, "ip/v6-bracket-port"), f"]:{rng.choice((443, 8443, 51820))}"
    if r < 0.4:
        return "", Put("ip", v, "ip/v6-cidr"), "/64"
    if r < 0.5:
        v = "::ffff:" + _v4(rng)
        return "", Put("ip", v, "ip/v4-mapped"), ""
    return "", Put("ip", v, "ip/v6"), ""


# --------------------------------------------------------------------------------------------
# E-mail addresses

MAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": ("btinternet.com", "outlook.com", "icloud.com", "eircom.net", "bigpond.com"),
    "de": ("t-online.de", "web.de", "gmx.at", "bluewin.ch", "freenet.de"),
    "fr": ("free.fr", "sfr.fr", "wanadoo.fr", "skynet.be"),
    "es": ("telefonica.net", "yahoo.es", "prodigy.net.mx", "hotmail.es"),
    "it": ("alice.it", "virgilio.it", "fastwebnet.it"),
    "pt": ("sapo.pt", "terra.com.br", "ig.com.br"),
    "tr": ("superonline.com", "ttmail.com", "yandex.com.tr"),
    "nl": ("kpnmail.nl", "telenet.be", "xs4all.nl"),
    "pl": ("o2.pl", "onet.pl", "poczta.fm"),
    "sv": ("telia.com", "spray.se"),
    "no": ("online.no", "frisurf.no"),
    "cs": ("seznam.cz", "centrum.cz"),
    "ro": ("yahoo.ro", "rdslink.ro"),
    "hu": ("freemail.hu", "citromail.hu"),
    "el": ("otenet.gr", "windowslive.gr"),
    "ru": ("mail.ru", "yandex.ru", "rambler.ru"),
    "uk": ("ukr.net", "i.ua"),
    "ar": ("yahoo.com.eg", "emirates.net.ae"),
    "fa": ("chmail.ir", "yahoo.com"),
    "hi": ("rediffmail.com", "yahoo.co.in"),
    "ta": ("sify.com", "gmail.com"),
    "zh": ("qq.com", "163.com", "sina.cn"),
    "ko": ("naver.com", "daum.net", "hanmail.net"),
    "ja": ("yahoo.co.jp", "docomo.ne.jp", "nifty.com"),
    "vi": ("fpt.vn", "vnn.vn"),
    "id": ("yahoo.co.id", "telkom.net"),
    "yo": ("yahoo.com.ng", "gmail.com"),
    "sw": ("africaonline.co.ke", "yahoo.co.tz"),
}
WORK_DOMAINS = (
    "mail.uni-bonn.de",
    "student.kuleuven.be",
    "eng.nordlicht-robotics.io",
    "ops.fjordline-logistics.no",
    "corp.anadolu-tekstil.com.tr",
    "hq.verdemar.pt",
    "it.kolejowa-spedycja.pl",
    "lab.sakura-denki.co.jp",
)


def an_email(rng: random.Random, lang: str, first: str, last: str) -> tuple[str, Put, str]:
    f, la = ascii_local(first) or "x", ascii_local(last) or "y"
    style = rng.randrange(8)
    local = {
        0: f"{f}.{la}",
        1: f"{f[0]}{la}",
        2: f"{f}_{la}{rng.randint(1, 99)}",
        3: f"{la}.{f}",
        4: f"{f}{rng.choice(('1984', '07', '.b', '-work', '88'))}",
        5: f"{f}.{la}+{rng.choice(('orders', 'shop', 'news', 'bank', 'x7'))}",
        6: f"{f[:3]}{la[:4]}",
        7: f"{f}-{la}",
    }[style]
    cls = "email/plus" if "+" in local else "email/plain"
    if rng.random() < 0.25:
        domain = rng.choice(WORK_DOMAINS)
        cls = "email/subdomain" if cls == "email/plain" else cls
    else:
        domain = rng.choice(MAIL_DOMAINS[lang])
    value = f"{local}@{domain}"
    if rng.random() < 0.05:
        value = value.upper()
        cls += "-case"
    r = rng.random()
    if r < 0.15:
        return "<", Put("email", value, cls + "-angle"), ">"
    if r < 0.25:
        return "mailto:", Put("email", value, cls + "-mailto"), ""
    return "", Put("email", value, cls), ""


# --------------------------------------------------------------------------------------------
# URL secrets: the secret part is planted; the rest of the address stays readable.

_B62 = string.ascii_letters + string.digits


def _rand(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def url_secret(rng: random.Random) -> tuple[str, Put, str]:
    """Before the secret, the secret, after it."""
    style = rng.randrange(11)
    if style == 0:
        pw = _rand(rng, rng.randint(10, 18), _B62 + "!*~-")
        db = rng.choice(("orders", "crm", "billing"))
        scheme = rng.choice(("postgres", "postgresql", "mysql", "mongodb+srv"))
        host = rng.choice(("db.internal.kestrel-app.net", "pg-prod-2.hallmark-data.eu"))
        return f"{scheme}://svc_{db}:", Put("url", pw, f"url/userinfo-{scheme}"), f"@{host}/{db}"
    if style == 1:
        pw = _rand(rng, 14)
        return "redis://:", Put("url", pw, "url/userinfo-redis"), "@cache-7.quokka.cloud:6379/0"
    if style == 2:
        sig = _rand(rng, 64, "0123456789abcdef")
        before = (
            "https://assets-eu.s3.eu-central-1.amazonaws.com/exports/report.pdf?"
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20250314T101500Z&X-Amz-Expires=900&"
            "X-Amz-SignedHeaders=host&X-Amz-Signature="
        )
        return before, Put("url", sig, "url/signed-s3"), ""
    if style == 3:
        sig = _rand(rng, 43, _B62 + "%")
        sig = sig.replace("%", "%2B")
        before = (
            "https://stgmediaweu.blob.core.windows.net/invoices/inv.pdf?sv=2023-11-03&se="
            "2025-04-01T00%3A00%3A00Z&sr=b&sp=r&sig="
        )
        return before, Put("url", sig + "%3D", "url/signed-azure"), ""
    if style == 4:
        tok = "eyJ" + _rand(rng, 30, _B62 + "-_") + "." + _rand(rng, 40, _B62 + "-_")
        host = rng.choice(("app.parcelpilot.io", "portal.grunwald-energie.de"))
        return (
            f"https://{host}/callback#access_token=",
            Put("url", tok, "url/fragment"),
            ("&token_type=bearer&expires_in=3600"),
        )
    if style == 5:
        key = _rand(rng, 39, _B62 + "-_")
        return (
            "https://maps.googleapis.com/maps/api/geocode/json?address=Kadikoy&key=",
            Put("url", "AIza" + key[:35], "url/api-key-query"),
            "",
        )
    if style == 6:
        tok = f"{rng.randint(10**8, 10**10 - 1)}:AA{_rand(rng, 33, _B62 + '_-')}"
        return "https://api.telegram.org/bot", Put("url", tok, "url/path-token"), "/getUpdates"
    if style == 7:
        pw = _rand(rng, 12)
        return "ftp://backup:", Put("url", pw, "url/userinfo-ftp"), "@files.oakridge-print.co.uk/"
    if style == 8:
        tok = _rand(rng, 32, "0123456789abcdef")
        return (
            "wss://stream.tickerfox.net/v2/live?channel=orders&auth=",
            Put("url", tok, "url/query-wss"),
            "",
        )
    if style == 9:
        tok = _rand(rng, 24)
        name = rng.choice(("reset_token", "invite", "otp_session", "magic"))
        host = rng.choice(
            ("konto.heimwerk24.de", "account.lojadobairro.com.br", "my.tesvik.com.tr")
        )
        return f"https://{host}/login?{name}=", Put("url", tok, f"url/query-{name}"), "&lang=de"
    pw = _rand(rng, 16, _B62 + "-.")
    return "amqps://worker:", Put("url", pw, "url/userinfo-amqps"), "@mq.brightline-ops.eu:5671/%2f"


# --------------------------------------------------------------------------------------------
# Decoys


def _ean13(rng: random.Random) -> str:
    body = rng.choice(("40", "30", "84", "80", "87", "59", "869")) + _rand(rng, 10, string.digits)
    body = body[:12]
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _s10(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(8)]
    s = sum(d * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - s % 11
    c = 5 if c == 11 else 0 if c == 10 else c
    return (
        rng.choice(("RR", "CP", "LX", "UA"))
        + "".join(map(str, digits))
        + str(c)
        + (rng.choice(("DE", "NL", "TR", "PL", "FR")))
    )


def _luhn_bad(rng: random.Random) -> str:
    while True:
        d = rng.choice("3456") + _rand(rng, 15, string.digits)
        if not luhn_ok(d):
            return rng.choice((d, " ".join(d[i : i + 4] for i in range(0, 16, 4))))


WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Thursday",
    "Friday",
    "Montag",
    "Donnerstag",
    "Samstag",
    "Lundi",
    "Mercredi",
    "Vendredi",
    "Martes",
    "Jueves",
    "Sábado",
    "Venerdì",
    "Domenica",
    "Segunda",
    "Quarta",
    "Pazartesi",
    "Çarşamba",
    "Cuma",
    "Maandag",
    "Woensdag",
    "Poniedziałek",
    "Piątek",
    "Tisdag",
    "Torsdag",
    "Fredag",
    "Čtvrtek",
    "Marți",
    "Csütörtök",
]
MONTHS = [
    "January",
    "March",
    "August",
    "November",
    "Januar",
    "Februar",
    "Oktober",
    "Dezember",
    "janvier",
    "avril",
    "juillet",
    "septembre",
    "enero",
    "marzo",
    "junio",
    "agosto",
    "gennaio",
    "aprile",
    "settembre",
    "março",
    "junho",
    "outubro",
    "Ocak",
    "Şubat",
    "Nisan",
    "Eylül",
    "Kasım",
    "maart",
    "juli",
    "styczeń",
    "kwiecień",
    "listopad",
    "huhtikuu",
]
WORDS = [
    "Thanks",
    "Sorry",
    "Hello",
    "Perfect",
    "Great",
    "Unfortunately",
    "Meanwhile",
    "Also",
    "Okay",
    "Danke",
    "Leider",
    "Genau",
    "Bitte",
    "Merci",
    "Désolé",
    "Parfait",
    "Gracias",
    "Vale",
    "Perfetto",
    "Grazie",
    "Obrigado",
    "Teşekkürler",
    "Tamam",
    "Hoi",
    "Bedankt",
    "Dzięki",
    "Super",
    "Tack",
    "Takk",
    "Díky",
    "Mulțumesc",
    "Köszönöm",
    "Sure",
    "Honestly",
    "Basically",
    "Anyway",
]
PLACES = [
    "Rotterdam",
    "Lyon",
    "Sevilla",
    "Antalya",
    "Kraków",
    "Porto",
    "Napoli",
    "Hamburg",
    "Göteborg",
    "Brno",
    "Timișoara",
    "Pécs",
    "Heraklion",
    "Dnipro",
    "Marrakesh",
    "Shiraz",
    "Chennai",
    "Shenzhen",
    "Incheon",
    "Osaka",
    "Hue",
    "Yogyakarta",
    "Lagos",
    "Nairobi",
    "Dublin",
    "Manchester",
    "Zürich",
    "Bordeaux",
]
BRANDS = [
    "Lidl",
    "Zalando",
    "Decathlon",
    "Bosch",
    "Miele",
    "Samsung",
    "Xiaomi",
    "Vodafone",
    "Turkcell",
    "Allegro",
    "Bol.com",
    "Rituals",
    "Ryanair",
    "Trendyol",
    "MediaMarkt",
    "Leroy Merlin",
    "Carrefour",
    "Huawei",
    "Garmin",
    "Philips",
]
PRODUCTS = [
    "Galaxy Tab S9",
    "Kindle Paperwhite",
    "Dyson V15",
    "PlayStation 5 Slim",
    "ThinkPad T14",
    "AirPods Pro",
    "Thermomix TM6",
    "Vitamix E310",
    "Roborock S8",
    "Nintendo Switch OLED",
    "Fairphone 5",
    "Pixel 8a",
    "Moccamaster KBG",
    "Instant Pot Duo",
]
PREPS = ("in", "from", "nach", "aus", "à", "de", "desde", "a", "em", "z", "naar", "i", "în")


def _price(rng: random.Random) -> str:
    a = rng.randint(3, 4999)
    c = rng.randint(0, 99)
    return rng.choice(
        (
            f"€{a:,}.{c:02d}",
            f"{a:,}".replace(",", ".") + f",{c:02d} €",
            f"${a:,}.{c:02d}",
            f"£{a}.{c:02d}",
            f"{a},{c:02d} zł",
            f"₺{a:,}".replace(",", ".") + f",{c:02d}",
            f"R$ {a},{c:02d}",
            f"CHF {a}.–",
            f"¥{a * 100:,}",
            f"{a} 000 ₫" if a < 999 else f"{a}.{c:02d} EUR",
            f"USD {a}.{c:02d}",
            f"{a}.{c:02d} kr",
        )
    )


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    mon = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d}/{m}/{str(y)[2:]}",
            f"{d} {mon[m - 1]} {y}",
            f"{mon[m - 1]} {d}, {y}",
            f"{y}{m:02d}{d:02d}",
            f"{d}. {m}. {y}",
            f"{y}/{m:02d}/{d:02d}",
            f"{y}-{m:02d}-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
        )
    )


def _time(rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.choice((0, 5, 15, 30, 45, 50))
    return rng.choice(
        (
            f"{h:02d}:{m:02d}",
            f"{h % 12 or 12}:{m:02d} {'pm' if h >= 12 else 'am'}",
            f"{h}h{m:02d}",
            f"{h}.{m:02d} Uhr",
            f"{h:02d}:{m:02d}:{rng.randint(0, 59):02d}",
            f"{h % 12 or 12}{'PM' if h >= 12 else 'AM'}",
        )
    )


def _postal(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(10000, 99999)}",
            f"{rng.randint(10, 99)}-{rng.randint(100, 999)}",
            f"{rng.randint(1000, 9999)} {rng.choice(string.ascii_uppercase)}"
            f"{rng.choice('BCDEGHJKLMNPRSTVWXZ')}",
            f"{rng.choice(('SW', 'M', 'LS', 'EH', 'BT'))}{rng.randint(1, 19)} "
            f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
            f"{rng.choice('ABDEFGHJLNPQRSTUWXY')}",
            f"{rng.randint(100, 999)} {rng.randint(10, 99)}",
            f"D0{rng.randint(1, 9)} X{rng.randint(100, 999)}"[:8],
        )
    )


DECOY_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: (
        r.choice(("#", "ORD-", "BST-", "SIP-", "PED-", "")) + _rand(r, 7, string.digits)
    ),
    "invoice": lambda r: (
        r.choice(("INV-", "RE-", "FA", "FT ", "FV/"))
        + f"{r.randint(2019, 2026)}"
        + r.choice(("-", "/"))
        + _rand(r, r.randint(4, 6), string.digits)
    ),
    "ticket": lambda r: (
        r.choice(("TCK-", "SR-", "CASE-", "INC")) + _rand(r, r.randint(5, 8), string.digits)
    ),
    "tracking": lambda r: r.choice(
        (
            "1Z"
            + _rand(r, 6, string.ascii_uppercase + string.digits)
            + "03"
            + _rand(r, 8, string.digits),
            _s10(r),
            "JJD" + _rand(r, 18, string.digits),
            "00340" + _rand(r, 15, string.digits),
            "TBA" + _rand(r, 12, string.digits),
        )
    ),
    "price": _price,
    "date": _date,
    "time": _time,
    "version": lambda r: r.choice(
        (
            f"v{r.randint(1, 19)}.{r.randint(0, 40)}.{r.randint(0, 300)}",
            f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 99)}-beta.{r.randint(1, 9)}",
            f"10.0.{r.randint(19041, 26100)}.{r.randint(1000, 5000)}",
            f"iOS {r.randint(15, 18)}.{r.randint(0, 6)}.{r.randint(1, 3)}",
            f"build {r.randint(2020, 2026)}.{r.randint(1, 12):02d}.{r.randint(100, 999)}",
        )
    ),
    "hash": lambda r: _rand(r, r.choice((7, 12, 40, 64)), "0123456789abcdef"),
    "sku": lambda r: (
        r.choice(("SKU ", "ART-", "REF ", ""))
        + _rand(r, 2, string.ascii_uppercase)
        + "-"
        + _rand(r, 4, string.digits)
        + "-"
        + r.choice(("BLK", "XL", "38", "W", "GRY"))
    ),
    "postal": _postal,
    "luhn-fail": _luhn_bad,
    "iban-bad": lambda r: (
        lambda s: r.choice((s, " ".join(s[i : i + 4] for i in range(0, len(s), 4))))
    )(iban_compact(r, r.choice(("DE", "FR", "NL", "TR", "PL", "ES", "IT", "GB")), valid=False)),
    "ean": _ean13,
    "meeting-id": lambda r: (
        f"{r.randint(800, 999)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"
    ),
    "customer-no": lambda r: (
        r.choice(("KD-", "Kundennr. ", "CUST", "müşteri no ")) + _rand(r, 8, string.digits)
    ),
    "uuid": lambda r: "-".join(_rand(r, n, "0123456789abcdef") for n in (8, 4, 4, 4, 12)),
    "word": lambda r: r.choice(WORDS),
    "weekday": lambda r: r.choice(WEEKDAYS),
    "month": lambda r: r.choice(MONTHS),
    "place": lambda r: r.choice(PLACES),
    "brand": lambda r: r.choice(BRANDS),
    "product": lambda r: r.choice(PRODUCTS),
}


def dec(rng: random.Random, cls: str, spot: str = "inline") -> Put:
    return Put("decoy", DECOY_MAKERS[cls](rng), f"decoy/{cls}", spot)


# --------------------------------------------------------------------------------------------
# People and the ways their names are written


@dataclass(frozen=True)
class Someone:
    lang: str
    first: str
    last: str
    country: str
    family_first: bool = False  # written family name first (East Asian, Hungarian, Vietnamese)

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def someone(rng: random.Random, lang: str | None = None) -> Someone:
    lg = lang or rng.choice(sorted(NAMES))
    firsts, lasts = NAMES[lg]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if rng.random() < 0.06 and lg in ("es", "pt", "de", "fr", "pl"):  # a double surname
        other = rng.choice([x for x in lasts if x != last and " " not in x and "-" not in x])
        if " " not in last and "-" not in last:
            last = f"{last}-{other}" if lg in ("de", "fr", "pl") else f"{last} {other}"
    family_first = lg in ("zh", "ko", "ja", "vi", "hu") and rng.random() < 0.5
    return Someone(lg, first, last, rng.choice(COUNTRIES[lg]), family_first)


def render(s: str, form: str) -> str:
    if form == "lower":
        return s.lower()
    if form == "upper":
        return s.upper()
    if form == "ascii":
        return fold(s)
    if form == "escaped":
        return json.dumps(s)[1:-1]
    return s


def has_diacritics(s: str) -> bool:
    return fold(s) != s


def a_form(rng: random.Random, *, casual: bool = False) -> str:
    r = rng.random()
    if casual and r < 0.3:
        return "lower"
    if r < 0.06:
        return "upper"
    if r < 0.22:
        return "ascii"
    return "title"


def name_puts(
    p: Someone, which: str, cls: str, form: str, spot: str = "inline", sep: str = " "
) -> list[Piece]:
    """The name as pieces: given and family name planted each on its own, as scored."""
    origin = f"{p.lang}/{form}"
    first = Put("name", render(p.first, form), f"name/{cls}", spot, origin)
    last = Put("name", render(p.last, form), f"name/{cls}", spot, origin)
    if which == "first":
        return [first]
    if which == "last":
        return [last]
    second = "inline" if spot == "line-start" else spot
    if p.family_first:
        return [last, sep, replace(first, spot=second)]
    return [first, sep, replace(last, spot=second)]


# --------------------------------------------------------------------------------------------
# Cues, greetings, sign-offs, relations, hand-offs, written per language

CUES: dict[str, tuple[str, ...]] = {
    "en": ("hi, my name is {n} and ", "I'm {n}, ", "this is {n} speaking - ", "{n} here. "),
    "de": (
        "Hallo, ich heiße {n} und ",
        "mein Name ist {n}, ",
        "hier spricht {n}: ",
        "Ich bin {n} und ",
    ),
    "fr": ("Bonjour, je m'appelle {n} et ", "c'est {n} à l'appareil, ", "moi c'est {n}, "),
    "es": ("Hola, me llamo {n} y ", "soy {n}, ", "le habla {n}, "),
    "it": ("Buongiorno, mi chiamo {n} e ", "sono {n}, ", "ciao, qui è {n}: "),
    "pt": ("Olá, meu nome é {n} e ", "aqui é {n}, ", "oi, sou {n} e "),
    "tr": ("Merhaba, ben {n}, ", "adım {n}, ", "benim adım {n} ve "),
    "nl": ("Hoi, ik ben {n} en ", "mijn naam is {n}, ", "goedemiddag, u spreekt met {n}, "),
    "pl": ("Dzień dobry, nazywam się {n} i ", "z tej strony {n}, ", "jestem {n}, "),
    "sv": ("Hej, jag heter {n} och ", "det är {n} här, "),
    "no": ("Hei, jeg heter {n} og ", "dette er {n}, "),
    "cs": ("Dobrý den, jmenuji se {n} a ", "tady {n}, "),
    "ro": ("Bună ziua, mă numesc {n} și ", "sunt {n}, "),
    "hu": ("Jó napot, a nevem {n}, ", "{n} vagyok, "),
    "el": ("Geia sas, me lene {n} kai ", "eimai {n}, "),
    "ru": ("Zdravstvuyte, menya zovut {n}, ", "eto {n}, "),
    "uk": ("Dobryi den, mene zvaty {n}, ", "tse {n}, "),
    "ar": ("marhaba, ismi {n}, ", "ana {n}, "),
    "fa": ("salam, esm-e man {n} ast, ", "man {n} hastam, "),
    "hi": ("namaste, mera naam {n} hai, ", "main {n} bol raha hoon, "),
    "ta": ("vanakkam, en peyar {n}, ", "naan {n} pesuren, "),
    "zh": ("ni hao, wo jiao {n}, ", "wo shi {n}, "),
    "ko": ("annyeonghaseyo, jeoneun {n} ipnida. ", "{n} ieyo, "),
    "ja": ("hajimemashite, {n} to moushimasu. ", "{n} desu, "),
    "vi": ("xin chào, tôi tên là {n}, ", "em là {n} ạ, "),
    "id": ("halo, nama saya {n}, ", "selamat siang, saya {n}, "),
    "yo": ("ẹ n lẹ, orúkọ mi ni {n}, ", "hello, emi ni {n}, "),
    "sw": ("habari, jina langu ni {n}, ", "naitwa {n}, "),
}
ASK: dict[str, tuple[str, ...]] = {
    "en": ("my parcel never arrived", "I need to change my delivery address", "can you cancel it"),
    "de": ("mein Paket ist nicht angekommen", "ich möchte meine Adresse ändern"),
    "fr": ("mon colis n'est jamais arrivé", "je voudrais annuler ma commande"),
    "es": ("mi pedido no ha llegado", "quiero cambiar la dirección"),
    "it": ("il pacco non è arrivato", "vorrei annullare l'ordine"),
    "pt": ("minha encomenda não chegou", "quero trocar o endereço"),
    "tr": ("siparişim hâlâ gelmedi", "adresimi değiştirmek istiyorum"),
    "nl": ("mijn pakket is niet aangekomen", "ik wil mijn bestelling annuleren"),
    "pl": ("paczka nie dotarła", "chcę zmienić adres dostawy"),
}
GREET: dict[str, tuple[str, ...]] = {
    "en": ("Hi {n}! ", "Good morning {n}, ", "Thanks {n}, "),
    "de": ("Hallo {n}, ", "Guten Tag {n}, ", "Moin {n}! "),
    "fr": ("Bonjour {n}, ", "Merci {n} ! ", "Salut {n}, "),
    "es": ("Hola {n}, ", "Buenas tardes {n}, "),
    "it": ("Ciao {n}, ", "Buonasera {n}, "),
    "pt": ("Olá {n}, ", "Bom dia {n}! ", "Oi {n}, "),
    "tr": ("Merhaba {n} Hanım, ", "İyi günler {n} Bey, ", "Selam {n}, "),
    "nl": ("Hoi {n}, ", "Beste {n}, "),
    "pl": ("Dzień dobry Pani {n}, ", "Cześć {n}! "),
    "sv": ("Hej {n}! ",),
    "cs": ("Dobrý den, {n}, ", "Ahoj {n}, "),
    "ro": ("Bună {n}, ",),
    "id": ("Halo Kak {n}, ",),
    "sw": ("Habari {n}, ",),
    "vi": ("Chào chị {n}, ",),
}
SIGNOFF: dict[str, tuple[str, ...]] = {
    "en": ("Best regards,\n", "Cheers,\n", "Thanks again\n", "Kind regards\n"),
    "de": ("Viele Grüße\n", "Mit freundlichen Grüßen\n", "LG\n"),
    "fr": ("Cordialement,\n", "Bien à vous,\n", "Bisous\n"),
    "es": ("Saludos,\n", "Un abrazo,\n", "Atentamente,\n"),
    "it": ("Cordiali saluti\n", "Grazie mille,\n"),
    "pt": ("Atenciosamente,\n", "Abraços,\n", "Cumprimentos,\n"),
    "tr": ("Saygılarımla,\n", "İyi çalışmalar,\n"),
    "nl": ("Met vriendelijke groet,\n", "Groetjes\n"),
    "pl": ("Pozdrawiam\n", "Z poważaniem,\n"),
    "sv": ("Med vänliga hälsningar\n",),
    "no": ("Mvh\n", "Hilsen\n"),
    "cs": ("S pozdravem\n",),
    "ro": ("Cu stimă,\n",),
    "hu": ("Üdvözlettel:\n",),
    "el": ("Me ektimisi,\n",),
    "ru": ("S uvazheniyem,\n",),
    "uk": ("Z povahoyu,\n",),
    "ar": ("Ma'a salama,\n",),
    "fa": ("Ba sepas,\n",),
    "hi": ("Dhanyavaad,\n",),
    "id": ("Hormat saya,\n", "Salam,\n"),
    "vi": ("Trân trọng,\n",),
    "sw": ("Asante sana,\n",),
    "ja": ("Yoroshiku onegaishimasu,\n",),
}
RELATION: dict[str, tuple[str, ...]] = {
    "en": ("my colleague {n}", "my wife {n}", "my husband {n}", "my son {n}", "my flatmate {n}"),
    "de": ("meine Kollegin {n}", "mein Mann {n}", "meine Tochter {n}"),
    "fr": ("ma collègue {n}", "mon mari {n}", "ma fille {n}"),
    "es": ("mi marido {n}", "mi compañera {n}", "mi hijo {n}"),
    "it": ("mia moglie {n}", "il mio collega {n}"),
    "pt": ("meu irmão {n}", "minha esposa {n}"),
    "tr": ("eşim {n}", "iş arkadaşım {n}"),
    "nl": ("mijn vrouw {n}", "mijn collega {n}"),
    "pl": ("mój mąż {n}", "moja koleżanka {n}"),
}
RELATION_TAIL: dict[str, str] = {
    "en": " will pick it up, reach them on ",
    "de": " holt es ab, erreichbar unter ",
    "fr": " passera le chercher, son numéro : ",
    "es": " lo recoge, su móvil es ",
    "it": " lo ritira, il numero è ",
    "pt": " vai buscar, o número é ",
    "tr": " teslim alacak, numarası ",
    "nl": " haalt het op, bereikbaar op ",
    "pl": " odbierze paczkę, numer ",
}
HANDOFF: dict[str, tuple[str, ...]] = {
    "en": ("{n} will take over from here.", "I'm handing you over to {n} from billing."),
    "de": ("{n} übernimmt ab hier.", "Ich verbinde Sie mit meiner Kollegin {n}."),
    "fr": ("Je vous passe {n}, du service client.",),
    "es": ("Le paso con {n}, que lleva su caso.",),
    "it": ("La passo a {n} dell'amministrazione.",),
    "pt": ("Vou transferir para {n}, um momento.",),
    "tr": ("Sizi {n} ile bağlıyorum.",),
    "nl": ("{n} neemt het nu van me over.",),
    "pl": ("Przekazuję rozmowę do {n}.",),
}


def fmt(tpl: str, slot: Sequence[Piece]) -> list[Piece]:
    a, b = tpl.split("{n}")
    return [a, *slot, b]


def _lang_of(tables: dict[str, tuple[str, ...]], lang: str) -> str:
    return lang if lang in tables else "en"


# --------------------------------------------------------------------------------------------
# Templates: each gives the pieces of one text and who wrote it.


@dataclass
class Ctx:
    rng: random.Random
    me: Someone
    email: str  # the person's own address, as the profile holds it
    phone: phonenumbers.PhoneNumber  # the person's own number
    platform: str
    others: list[Someone] = field(default_factory=list)

    def other(self) -> Someone:
        if self.others and self.rng.random() < 0.4:
            return self.rng.choice(self.others)
        o = someone(self.rng)
        self.others.append(o)
        return o


Out = tuple[list[Piece], str]


def _my_phone(ctx: Ctx, spot: str = "inline", *, voice: bool = False) -> list[Piece]:
    rng = ctx.rng
    ph = (
        national_phone(rng, ctx.phone, voice=True)
        if voice
        else intl_phone(rng, ctx.phone)
        if rng.random() < 0.6
        else national_phone(rng, ctx.phone, voice=False)
    )
    return [Put("phone", ph.written, ph.cls, spot), ph.after]


def _a_phone(ctx: Ctx, region: str, spot: str = "inline") -> list[Piece]:
    ph = a_phone(ctx.rng, region)
    return [Put("phone", ph.written, ph.cls, spot), ph.after]


def _my_email(ctx: Ctx, spot: str = "inline") -> list[Piece]:
    rng = ctx.rng
    r = rng.random()
    if r < 0.15:
        return ["<", Put("email", ctx.email, "email/profile-angle", spot), ">"]
    if r < 0.25:
        return ["mailto:", Put("email", ctx.email, "email/profile-mailto", spot)]
    return [Put("email", ctx.email, "email/profile", spot)]


def _email_of(ctx: Ctx, p: Someone, spot: str = "inline") -> list[Piece]:
    a, put, b = an_email(ctx.rng, p.lang, p.first, p.last)
    return [a, replace(put, spot=spot), b]


def _emoji(rng: random.Random) -> str:
    return rng.choice(("", "", "", " 🙏", " 😅", " 👍", " 🙂", " 📦", " ❤️", " 😡"))


def t_intro(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    lang = me.lang if rng.random() < 0.75 else rng.choice(sorted(CUES))
    tpl = rng.choice(CUES[lang])
    form = a_form(rng, casual=True)
    which = rng.choice(("first", "full", "full"))
    pieces = fmt(tpl, name_puts(me, which, f"cue-{lang}", form))
    if tpl.startswith("{n}"):
        pieces = [
            replace(p, spot="line-start") if isinstance(p, Put) and i == 1 else p
            for i, p in enumerate(pieces)
        ]
    ask = rng.choice(ASK.get(lang, ASK["en"]))
    pieces += [ask, " (", dec(rng, rng.choice(("order", "invoice", "ticket"))), ")"]
    if rng.random() < 0.5:
        pieces += [". tel: ", *_my_phone(ctx, "after-punct")]
    pieces.append(_emoji(rng))
    return pieces, "message:user"


def t_voice(ctx: Ctx) -> Out:
    """A voice message turned into text: lower case, no punctuation, digits in spoken groups."""
    rng, me = ctx.rng, ctx.me
    lang, hello, about, number, bye = rng.choice(
        (
            ("en", "yeah hi this is ", " calling about my order ", " my number is ", " thanks bye"),
            (
                "de",
                "hallo hier ist ",
                " ich rufe wegen der bestellung ",
                " meine nummer ist ",
                " tschüss",
            ),
            (
                "fr",
                "oui bonjour c'est ",
                " je vous appelle pour la commande ",
                " mon numéro c'est ",
                " merci au revoir",
            ),
            ("es", "hola soy ", " llamo por el pedido ", " mi número es el ", " gracias"),
            ("tr", "merhaba ben ", " siparişim ", " numaram ", " teşekkürler"),
            ("nl", "hoi met ", " ik bel over bestelling ", " mijn nummer is ", " doei"),
            (
                "pl",
                "dzień dobry tu ",
                " dzwonię w sprawie zamówienia ",
                " mój numer to ",
                " dziękuję",
            ),
            ("en", "hi it's ", " um so about order number ", " you can call me on ", " okay"),
        )
    )
    order = Put("decoy", _rand(rng, 6, string.digits), "decoy/order", "voice")
    pieces: list[Piece] = [
        hello,
        *name_puts(me, "full", f"voice-{lang}", "lower", "voice"),
        about,
        order,
        number,
        *_my_phone(ctx, "voice", voice=True),
    ]
    if rng.random() < 0.4:
        pieces += [" and the email is ", Put("email", ctx.email.lower(), "email/voice", "voice")]
    pieces.append(bye if rng.random() < 0.7 else "")
    return pieces, "message:user"


def t_forward(ctx: Ctx) -> Out:
    rng = ctx.rng
    o = ctx.other()
    cc = ctx.other()
    while cc.first in (o.first, o.last) or cc.last in (o.first, o.last):
        cc = someone(rng)
    form = a_form(rng)
    p: list[Piece] = [
        rng.choice(("fyi see below\n\n", "Weitergeleitet, siehe unten:\n\n", "")),
        "---------- Forwarded message ---------\nFrom: ",
        *name_puts(o, "full", "forward-header", form, "header"),
        " <",
        *_email_of(ctx, o)[1:2],
        ">\n",
        "Date: ",
        rng.choice(("Mon", "Tue", "Thu", "Fri")),
        ", ",
        dec(rng, "date"),
        " at ",
        dec(rng, "time"),
        "\nSubject: Re: ",
        dec(rng, "invoice"),
        "\nTo: ",
        *_my_email(ctx),
        "\nCc: ",
        *name_puts(cc, "full", "cc", "title"),
        " <",
        *_email_of(ctx, cc)[1:2],
        ">\n\n",
    ]
    p += [
        "> Hello,\n> please transfer the amount of ",
        dec(rng, "price"),
        " to\n> ",
        a_iban(rng, o.country) if rng.random() < 0.7 else a_iban(rng),
        "\n> Thanks, ",
        *name_puts(o, "first", "quoted-signoff", form, "quoted"),
        "\n",
    ]
    return [
        replace(x, spot="quoted") if isinstance(x, Put) and x.kind == "iban" else x for x in p
    ], "message:user"


def t_csv(ctx: Ctx) -> Out:
    rng = ctx.rng
    people = [ctx.me]
    while len(people) < rng.randint(2, 3):
        o = ctx.other()
        if all(o.full != x.full for x in people):
            people.append(o)
    p: list[Piece] = [
        rng.choice(("here's the list:\n", "CSV export below\n", "")),
        "name;email;phone;city\n" if rng.random() < 0.5 else "name,email,phone,city\n",
    ]
    sep = ";" if p[-1] == "name;email;phone;city\n" else ","
    for who in people:
        spot = "csv"
        if who is ctx.me:
            mail: list[Piece] = [Put("email", ctx.email, "email/profile", spot)]
            phone = _my_phone(ctx, spot)
        else:
            mail = [replace(x, spot=spot) for x in _email_of(ctx, who) if isinstance(x, Put)]
            phone = _a_phone(ctx, who.country, spot)
        if phone[1]:  # no extension in a CSV cell
            ph = phone[0]
            assert isinstance(ph, Put)
            phone = [replace(ph, cls=ph.cls.replace("-ext", ""))]
        row = [
            Put("name", who.first, "name/csv", "line-start", f"{who.lang}/title"),
            " ",
            Put("name", who.last, "name/csv", spot, f"{who.lang}/title"),
            sep,
            *mail,
            sep,
            *phone,
            sep,
            Put("decoy", rng.choice(CITIES[who.lang]), "decoy/place", spot),
            "\n",
        ]
        p += row
    return p, "message:user"


STREETS = (
    "Lindenallee",
    "Rue des Tanneurs",
    "Calle Mayor",
    "Via Roma",
    "Rua Augusta",
    "Bağdat Caddesi",
    "Keizersgracht",
    "ulica Długa",
    "Storgatan",
    "Hlavní",
)


def t_address(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    form = a_form(rng)
    p: list[Piece] = [
        rng.choice(
            (
                "Please ship to:\n",
                "Lieferadresse:\n",
                "Adresse de livraison :\n",
                "Teslimat adresi:\n",
                "",
            )
        ),
        *name_puts(me, "full", "address", form, "line-start"),
        "\n",
        rng.choice(STREETS),
        f" {rng.randint(1, 180)}\n",
        dec(rng, "postal", "line-start"),
        " ",
        Put("decoy", rng.choice(CITIES[me.lang]), "decoy/place"),
        "\n",
        rng.choice(("Tel. ", "Phone: ", "")),
    ]
    p += _my_phone(ctx, "line-start" if p[-1] == "" else "after-punct")
    return p, "message:user"


def t_delivery(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    p: list[Piece] = [
        rng.choice(("Delivery note ", "Lieferschein ", "Bon de livraison ", "İrsaliye ")),
        dec(rng, "order"),
        "\nRecipient: ",
        *name_puts(me, "full", "delivery-recipient", rng.choice(("upper", "title")), "after-punct"),
        "\nCarrier tracking: ",
        dec(rng, "tracking"),
        "\nItems: 1x ",
        dec(rng, "product"),
        " (",
        dec(rng, "sku"),
        ") ",
        dec(rng, "price"),
        "\nExpected ",
        dec(rng, "weekday"),
        ", ",
        dec(rng, "date"),
    ]
    if rng.random() < 0.5:
        p += ["\nContact on arrival: ", *_my_phone(ctx, "after-punct")]
    return p, rng.choice(("message:bot", "message:agent"))


def t_ticket_log(ctx: Ctx) -> Out:
    rng = ctx.rng
    before, ip, after = an_ip(rng)
    ub, sec, ua = url_secret(rng)
    p: list[Piece] = [
        rng.choice(("Support ticket ", "Ticket ", "Incident ")),
        dec(rng, "ticket"),
        " - customer pasted this:\n```\n",
        dec(rng, "date", "log"),
        " WARN  login failed user=",
        Put("email", ctx.email, "email/log", "log"),
        " src=",
        before,
        replace(ip, spot="log"),
        after,
        " req=",
        dec(rng, "uuid", "log"),
        "\n",
        dec(rng, "time", "log"),
        " DEBUG fetch ",
        ub,
        replace(sec, spot="log"),
        ua,
        "\n",
        "app ",
        dec(rng, "version", "log"),
        " commit ",
        dec(rng, "hash", "log"),
        "\n```",
    ]
    return p, rng.choice(("message:agent", "message:user"))


def t_payment(ctx: Ctx) -> Out:
    rng = ctx.rng
    if rng.random() < 0.55:
        pay = a_card(rng)
        leads: tuple[str, ...] = (
            "ok so the card is ",
            "Meine Karte: ",
            "ma carte c'est ",
            "la tarjeta es la ",
            "kartım ",
            "pay with ",
            "tarjeta/card: ",
            "kaart\n",
            "numer karty ",
            "use my visa pls ",
        )
    else:
        pay = a_iban(rng, ctx.me.country if rng.random() < 0.5 else None)
        leads = (
            "IBAN: ",
            "rekening: ",
            "numer konta ",
            "el IBAN es ",
            "my account ",
            "Bankverbindung\n",
            "IBAN ",
            "virement sur ",
        )
    lead = rng.choice(leads)
    spot = (
        "line-start"
        if lead.endswith("\n")
        else "after-punct"
        if lead.rstrip().endswith(":")
        else "inline"
    )
    p: list[Piece] = [lead, replace(pay, spot=spot)]
    p += [
        rng.choice((", amount ", " pls charge ", " für ", " → ")),
        dec(rng, "price"),
        rng.choice((" before ", " by ", " am ", " le ")),
        dec(rng, "date"),
        _emoji(rng),
    ]
    if rng.random() < 0.3:
        p += ["\n", dec(rng, "luhn-fail"), " is the old card, ignore it"]
    if rng.random() < 0.3:
        p += ["\nnot ", dec(rng, "iban-bad"), " (typo in the last one)"]
    return p, "message:user"


TITLES = (
    "Head of Operations",
    "Einkauf",
    "Responsable achats",
    "Jefa de proyecto",
    "Satın Alma Uzmanı",
    "Inkoper",
    "Kierownik zmiany",
    "Founder",
    "CFO",
)


def t_signature(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    lang = _lang_of(SIGNOFF, me.lang) if rng.random() < 0.8 else rng.choice(sorted(SIGNOFF))
    form = a_form(rng)
    body = rng.choice(
        (
            "Could you resend the invoice? ",
            "Bitte um Rückruf. ",
            "Merci d'avance. ",
            "Any update? ",
            "Bekliyorum. ",
        )
    )
    p: list[Piece] = [body, dec(rng, "invoice"), "\n\n", rng.choice(SIGNOFF[lang])]
    style = rng.randrange(3)
    if style == 0:  # one line: name | title | phone
        p += [
            *name_puts(me, "full", "signature-line", form, "line-start"),
            " | ",
            rng.choice(TITLES),
            " | ",
            *_my_phone(ctx),
        ]
    elif style == 1:  # name, then phone on its own line
        p += [
            *name_puts(me, "full", f"signoff-{lang}", form, "signature"),
            "\n",
            rng.choice(("", "M: ", "Tel ", "📱 ")),
            *_my_phone(ctx, "line-start"),
        ]
    else:  # initials or a nickname
        nick = NICK.get(me.first)
        if nick:
            p += [Put("name", render(nick, form), "name/nick", "signature", f"{me.lang}/{form}")]
        else:
            p += [
                f"{fold(me.first)[0]}. ",
                Put(
                    "name", render(me.last, form), "name/initials", "signature", f"{me.lang}/{form}"
                ),
            ]
        p += ["\n", *_my_email(ctx, "line-start")]
    return p, "message:user"


BOT_ORDER: dict[str, tuple[str, str]] = {
    "en": ("your order ", " ships on "),
    "de": ("Ihre Bestellung ", " kommt am "),
    "fr": ("votre commande ", " arrive le "),
    "es": ("su pedido ", " llega el "),
    "it": ("il suo ordine ", " arriva "),
    "pt": ("seu pedido ", " chega na "),
    "tr": ("siparişiniz ", " teslim: "),
    "nl": ("je bestelling ", " komt op "),
    "pl": ("zamówienie ", " dotrze w "),
}


def t_greet_bot(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    lang = _lang_of(GREET, me.lang)
    which = "full" if ctx.platform == "kore" else rng.choice(("first", "full"))
    p = fmt(rng.choice(GREET[lang]), name_puts(me, which, "bot-greet", "title"))
    order, day = BOT_ORDER.get(lang, BOT_ORDER["en"])
    p += [order, dec(rng, "order"), day, dec(rng, "weekday"), "."]
    return p, "message:bot"


def t_handoff(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    agent = ctx.other()
    lang = _lang_of(HANDOFF, me.lang)
    p = fmt(
        rng.choice(HANDOFF[lang]),
        name_puts(agent, rng.choice(("first", "full")), f"handoff-{lang}", "title"),
    )
    if rng.random() < 0.5:
        p = [
            *fmt(
                rng.choice(GREET[_lang_of(GREET, me.lang)]),
                name_puts(me, "first", f"greet-{_lang_of(GREET, me.lang)}", "title"),
            ),
            *p,
        ]
    return p, rng.choice(("message:agent", "message:bot"))


def t_relation(ctx: Ctx) -> Out:
    rng = ctx.rng
    o = someone(rng, ctx.me.lang if rng.random() < 0.7 else None)
    ctx.others.append(o)
    lang = _lang_of(RELATION, ctx.me.lang)
    p = fmt(
        rng.choice(RELATION[lang]),
        name_puts(o, rng.choice(("first", "full")), f"relation-{lang}", a_form(rng, casual=True)),
    )
    p = [
        rng.choice(("btw ", "", "Also: ", "PS ")),
        *p,
        RELATION_TAIL[lang],
        *_a_phone(ctx, o.country),
    ]
    return p, "message:user"


def t_meeting(ctx: Ctx) -> Out:
    rng = ctx.rng
    people: list[Someone] = []
    for _ in range(rng.randint(2, 4)):
        o = ctx.other()
        if all({o.first, o.last}.isdisjoint({x.first, x.last}) for x in people):
            people.append(o)
    if rng.random() < 0.5:
        head, cls = (
            rng.choice(("Attendees: ", "Teilnehmer: ", "Participants : ", "Katılımcılar: ")),
            "attendees",
        )
    else:
        head, cls = rng.choice(("cc: ", "CC ", "Cc: ")), "cc"
    p: list[Piece] = [
        rng.choice(("Meeting moved to ", "Termin verschoben auf ", "Réunion déplacée au ")),
        dec(rng, "date"),
        " ",
        dec(rng, "time"),
        " (Zoom ",
        dec(rng, "meeting-id"),
        ")\n",
        head,
    ]
    for i, who in enumerate(people):
        if i:
            p.append(rng.choice((", ", "; ", " / ")))
        p += name_puts(
            who,
            "full",
            cls,
            rng.choice(("title", "title", "ascii", "upper")),
            "after-punct" if i == 0 else "inline",
        )
    return p, "message:user"


def t_third(ctx: Ctx) -> Out:
    rng = ctx.rng
    o = ctx.other()
    n = name_puts(o, rng.choice(("full", "last", "first")), "third-party", a_form(rng))
    p: list[Piece] = rng.choice(
        (
            [
                *n,
                " from your team promised a refund of ",
                dec(rng, "price"),
                " last ",
                dec(rng, "weekday"),
            ],
            ["I spoke to ", *n, " on ", dec(rng, "date"), " and nothing happened"],
            ["Laut Herrn ", *n, " kommt die Lieferung ", "nach ", dec(rng, "place"), "."],
            ["Selon ", *n, ", le colis est parti de ", dec(rng, "place"), "."],
        )
    )
    if p and isinstance(p[0], Put):
        p[0] = replace(p[0], spot="line-start")
    return p, "message:user"


def t_json(ctx: Ctx) -> Out:
    """A bot payload; names with non-ASCII letters come out ``\\uXXXX``-escaped when the bot
    serialises with ensure_ascii."""
    rng, me = ctx.rng, ctx.me
    escaped = rng.random() < 0.8 and (has_diacritics(me.first) or has_diacritics(me.last))
    form = "escaped" if escaped else "title"
    cls = "json-escaped" if escaped else "json"
    ph = intl_phone(rng, ctx.phone)
    ph = Phone(ph.written, ph.cls.replace("-ext", ""))  # a JSON field holds no extension
    obj_keys: list[Piece] = [
        '{"event": "profile_update", "customer": {"first_name": "',
        Put("name", render(me.first, form), f"name/{cls}", "json", f"{me.lang}/{form}"),
        '", "last_name": "',
        Put("name", render(me.last, form), f"name/{cls}", "json", f"{me.lang}/{form}"),
        '", "email": "',
        Put("email", ctx.email, "email/profile", "json"),
        '", "mobile": "',
        Put("phone", ph.written, ph.cls, "json"),
        '"}, "order": "',
        dec(rng, "order", "json"),
        '", "total": "',
        dec(rng, "price", "json"),
        '", "ts": "',
        dec(rng, "date", "json"),
        '"}',
    ]
    return obj_keys, "message:bot"


def t_markdown(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    p: list[Piece] = [
        "**Case summary** (",
        dec(rng, "ticket", "markdown"),
        ")\n\n| field | value |\n|---|---|\n",
        "| customer | ",
        *name_puts(me, "full", "table", "title", "markdown"),
        " |\n",
        "| email | `",
        Put("email", ctx.email, "email/profile", "markdown"),
        "` |\n",
        "| phone | ",
        *_my_phone(ctx, "markdown"),
        " |\n",
        "| product | ",
        dec(rng, "product", "markdown"),
        " |\n\n",
        "- refund: **",
        dec(rng, "price", "markdown"),
        "**\n- ",
        dec(rng, "word", "line-start"),
        " we wait for the warehouse in ",
        Put("decoy", rng.choice(PLACES), "decoy/place", "markdown"),
    ]
    return p, "message:agent"


def t_quoted(ctx: Ctx) -> Out:
    rng, me = ctx.rng, ctx.me
    p: list[Piece] = [
        "> ",
        *fmt(
            rng.choice(GREET[_lang_of(GREET, me.lang)]),
            name_puts(me, "first", "quoted-greet", "title", "quoted"),
        ),
        "we have your number as ",
        *_my_phone(ctx, "quoted"),
        "\n\n",
        rng.choice(("no that's wrong, use ", "falsch, bitte ", "non, c'est ", "yanlış, doğrusu ")),
        *_a_phone(ctx, me.country),
        rng.choice(("", " thx", " !!")),
    ]
    return p, "message:user"


def t_switch(ctx: Ctx) -> Out:
    """Code-switching in one message."""
    rng, me = ctx.rng, ctx.me
    before, put, after = an_email(rng, me.lang, me.first, me.last)
    p: list[Piece] = rng.choice(
        (
            [
                "hola! soy ",
                *name_puts(me, "first", "cue-es", "title"),
                ", I ordered on ",
                dec(rng, "date"),
                " pero no llegó nada. mail: ",
                before,
                replace(put, spot="after-punct"),
                after,
            ],
            [
                "ok ich bin ",
                *name_puts(me, "full", "cue-de", "lower"),
                " - the ",
                dec(rng, "product"),
                " is kaputt, bitte refund to ",
                a_iban(rng, "DE"),
            ],
            [
                "salut, moi c'est ",
                *name_puts(me, "first", "cue-fr", "title"),
                " - shipping from ",
                dec(rng, "place"),
                " took forever. appelez-moi au ",
                *_my_phone(ctx),
            ],
            [
                "merhaba, ben ",
                *name_puts(me, "full", "cue-tr", "ascii"),
                ". order ",
                dec(rng, "order"),
                " hala gelmedi, can you check? ",
                _emoji(rng),
            ],
        )
    )
    return p, "message:user"


def t_url(ctx: Ctx) -> Out:
    rng = ctx.rng
    b, sec, a = url_secret(rng)
    lead = rng.choice(("the link you sent doesn't work: ", "Link: ", "here -> ", "", "siehe ", "<"))
    p: list[Piece] = [
        lead,
        b,
        replace(sec, spot="url-at-line-start" if lead == "" else "inline"),
        a,
    ]
    if lead == "<":
        p.append(">")
    p += [
        rng.choice((" (expires ", " valid until ", " ")),
        dec(rng, "time"),
        rng.choice((")", "")),
    ]
    return p, rng.choice(("message:user", "message:agent"))


def t_ip(ctx: Ctx) -> Out:
    rng = ctx.rng
    before, ip, after = an_ip(rng)
    lead = rng.choice(("my IP is ", "Server: ", "whitelist pls:\n", "IP-Adresse ", "adresse IP : "))
    spot = (
        "line-start"
        if lead.endswith("\n")
        else "after-punct"
        if lead.rstrip().endswith(":")
        else "inline"
    )
    return [
        lead,
        before,
        replace(ip, spot=spot),
        after,
        " — ",
        dec(rng, "version"),
        " on ",
        dec(rng, "brand"),
    ], "message:user"


def t_decoys(ctx: Ctx) -> Out:
    rng = ctx.rng
    if rng.random() < 0.4:  # capitalised names of things opening sentences and lines
        cheaper, far, orr, fr, fine = rng.choice(
            (
                (" had it cheaper. ", " is too far away!\n", " or ", " for ", " is fine"),
                (" hat es günstiger. ", " ist zu weit!\n", " oder ", " für ", " passt"),
                (" était moins cher. ", " c'est trop loin !\n", " ou ", " pour ", " ça va"),
                (" lo tenía más barato. ", " está demasiado lejos!\n", " o ", " por ", " vale"),
                (" daha ucuzdu. ", " çok uzak!\n", " ya da ", " için ", " olur"),
            )
        )
        p: list[Piece] = [
            dec(rng, "brand", "line-start"),
            cheaper,
            dec(rng, "place", "after-punct"),
            far,
            dec(rng, "weekday", "line-start"),
            orr,
            dec(rng, "month", "inline"),
            "? ",
            dec(rng, "product", "after-punct"),
            fr,
            dec(rng, "price"),
            fine,
            _emoji(rng),
        ]
        return p, "message:user"
    p = [
        dec(rng, "word", "line-start"),
        ", ",
        rng.choice(("the ", "mein ", "le ")),
        dec(rng, "product"),
        " from ",
        dec(rng, "brand"),
        " costs ",
        dec(rng, "price"),
        ". ",
        dec(rng, "month", "after-punct"),
        " delivery ",
        rng.choice(PREPS),
        " ",
        dec(rng, "place"),
        "? ",
        dec(rng, "weekday", "after-punct"),
        " at ",
        dec(rng, "time"),
        " works. Ref ",
        dec(rng, rng.choice(("customer-no", "ean", "sku"))),
        ", postcode ",
        dec(rng, "postal"),
        ", tracking ",
        dec(rng, "tracking"),
        _emoji(rng),
    ]
    return p, rng.choice(("message:user", "message:agent"))


RAW_FIELDS = ("feedback", "summary", "notes", "agent_notes")


def t_raw(ctx: Ctx, fld: str) -> Out:
    rng, me = ctx.rng, ctx.me
    form = a_form(rng, casual=True)
    if fld == "feedback":
        p: list[Piece] = [
            rng.choice(("great service!! ", "tooo slow. ", "Sehr zufrieden. ", "bof. ")),
            "call me back ",
            *_my_phone(ctx, "raw"),
            " - ",
            *name_puts(me, "first", "raw-feedback", form, "raw"),
        ]
    elif fld == "summary":
        p = [
            "Customer ",
            *name_puts(me, "full", "raw-summary", "title", "raw"),
            " asked about ",
            dec(rng, "order", "raw"),
            "; refund ",
            dec(rng, "price", "raw"),
            " to ",
            a_iban(rng, me.country) if rng.random() < 0.6 else a_card(rng),
            "; contact ",
            Put("email", ctx.email, "email/profile", "raw"),
        ]
        p = [replace(x, spot="raw") if isinstance(x, Put) else x for x in p]
    elif fld == "notes":
        o = ctx.other()
        p = [
            dec(rng, "date", "raw"),
            ": spoke with ",
            *name_puts(o, "full", "raw-notes", "title", "raw"),
            " (",
            *name_puts(me, "first", "raw-notes", "title", "raw"),
            "'s ",
            rng.choice(("husband", "sister", "colleague")),
            "), alt. number ",
            *_a_phone(ctx, o.country, "raw"),
        ]
    else:
        before, ip, after = an_ip(rng)
        p = [
            "escalated by ",
            *name_puts(ctx.other(), "last", "raw-agent", "upper", "raw"),
            "; login from ",
            before,
            replace(ip, spot="raw"),
            after,
            " app ",
            dec(rng, "version", "raw"),
        ]
    return p, f"raw:{fld}"


TEMPLATES: tuple[tuple[Callable[[Ctx], Out], int], ...] = (
    (t_intro, 14),
    (t_voice, 6),
    (t_forward, 5),
    (t_csv, 4),
    (t_address, 5),
    (t_delivery, 5),
    (t_ticket_log, 5),
    (t_payment, 12),
    (t_signature, 9),
    (t_greet_bot, 6),
    (t_handoff, 5),
    (t_relation, 5),
    (t_meeting, 4),
    (t_third, 5),
    (t_json, 5),
    (t_markdown, 3),
    (t_quoted, 4),
    (t_switch, 4),
    (t_url, 7),
    (t_ip, 5),
    (t_decoys, 9),
)


# --------------------------------------------------------------------------------------------
# Conversations


def _plain(s: str) -> str:
    """Lower case without accents, one character for one, so positions stay."""
    out = []
    for c in s:
        d = (
            unicodedata.normalize("NFKD", c.translate(_FOLD))[:1]
            if not unicodedata.combining(c)
            else " "
        )
        out.append((d or " ").lower()[:1] or " ")
    return "".join(out)


def stray_names(texts: Sequence[Text7], names: set[str]) -> bool:
    """A name of the conversation standing somewhere unplanted (any case, with or without
    accents) would be masked there by what the masker learns, and counted against it."""
    for t in texts:
        chars = list(t.text)
        mine = [False] * len(chars)
        for kind, value, _ in t.planted:
            for a, b in occurrences(t.text, value):
                for i in range(a, b):
                    if kind == "name":
                        mine[i] = True
                    elif kind != "decoy":
                        chars[i] = " "
        rest = _plain("".join(chars))
        for n in names:
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", rest):
                if not all(mine[m.start() : m.end()]):
                    return True
    return False


# A plain word of the running text: not part of an address, a path, a scheme or a key.
_WORD = re.compile(r"(?<![\w./:@=&?%+-])[a-z]{5,}(?![\w./:@=&?%+-])")


def typo(rng: random.Random, pieces: list[Piece]) -> list[Piece]:
    """Two letters swapped inside one word of the surrounding text, as fast thumbs do."""
    spots = [
        (i, m) for i, pc in enumerate(pieces) if isinstance(pc, str) for m in _WORD.finditer(pc)
    ]
    if not spots:
        return pieces
    i, m = rng.choice(spots)
    w = m.group(0)
    k = rng.randrange(1, len(w) - 2)
    w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    s = pieces[i]
    assert isinstance(s, str)
    return [*pieces[:i], s[: m.start()] + w + s[m.end() :], *pieces[i + 1 :]]


def _draw(ctx: Ctx, make: Callable[[], Out], name: str) -> Text7 | None:
    for _ in range(12):
        pieces, where = make()
        if where == "message:user" and ctx.rng.random() < 0.2:
            pieces = typo(ctx.rng, pieces)
        text, puts = build(pieces)
        if not problems(text, puts) and text.strip():
            return Text7(
                text,
                [(p.kind, p.value, p.cls) for p in puts],
                where,
                [p.spot for p in puts],
                [p.origin for p in puts],
                name,
            )
    return None


def _profile(ctx: Ctx, person: Person, texts: list[Text7]) -> dict[str, object]:
    rng, me = ctx.rng, ctx.me
    city = rng.choice(CITIES[me.lang])
    if ctx.platform == "peki":
        prof: dict[str, object] = {
            "firstName": me.first,
            "lastName": me.last,
            "email": person.email,
            "phoneNumber": person.phone,
            "username": f"{ascii_local(me.first)[:6]}{rng.randint(1, 999)}",
            "source": "Dev",
            "dataDictionary": {"city": city},
        }
        if rng.random() < 0.1:  # the bot asked only for the given name
            del prof["lastName"]
        return prof
    if ctx.platform == "kore":
        tags: list[dict[str, str]] = []
        if rng.random() < 0.85:
            tags = [
                {"name": "FullName", "value": me.full},
                {"name": "Email", "value": person.email},
                {"name": "Mobile", "value": person.phone},
            ]
        return {
            "channel": "rtm",
            "sessionType": "interactive",
            "tags": {"userTags": tags, "sessionTags": [{"name": "topic", "value": "delivery"}]},
        }
    prof = {
        "status": "closed",
        "user_info": {
            "name": me.full if rng.random() < 0.9 else me.first,
            "email": person.email,
            "phone": person.phone,
            "location": city,
        },
        "ip_address": _v4(rng),
        "metadata": {"source": "widget", "device": rng.choice(("mobile", "desktop"))},
        "tags": ["delivery"],
        "rating": rng.randint(1, 5),
    }
    for t in texts:
        if t.where.startswith("raw:"):
            prof[t.where[4:]] = t.text
    return prof


def _conversation(rng: random.Random) -> Conversation | None:
    me = someone(rng)
    num = valid_number(rng, me.country)
    _, mail, _ = an_email(rng, me.lang, me.first, me.last)
    email = mail.value
    platform = rng.choice(("peki", "kore", "selise"))
    ctx = Ctx(rng, me, email, num, platform)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    person = Person(
        me.lang,
        me.first,
        me.last,
        email,
        e164,
        phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL),
        me.country,
    )
    makers = [m for m, _ in TEMPLATES]
    weights = [w for _, w in TEMPLATES]
    texts: list[Text7] = []
    for _ in range(rng.randint(3, 7)):
        make = rng.choices(makers, weights)[0]
        t = _draw(ctx, lambda make=make: make(ctx), make.__name__)  # type: ignore[misc]
        if t is None:
            return None
        texts.append(t)
    if platform == "selise":
        for fld in rng.sample(RAW_FIELDS, rng.randint(1, 3)):
            t = _draw(ctx, lambda fld=fld: t_raw(ctx, fld), f"t_raw_{fld}")  # type: ignore[misc]
            if t is None:
                return None
            texts.append(t)
    names = {_plain(me.first), _plain(me.last)}
    names |= {_plain(v) for t in texts for k, v, _ in t.planted if k == "name" and "\\" not in v}
    if stray_names(texts, names):
        return None
    profile = _profile(ctx, person, texts)
    return Conversation(platform, person, profile, list(texts))


def conversation(rng: random.Random) -> Conversation:
    while True:
        c = _conversation(rng)
        if c is not None:
            return c


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding at least ``n`` texts, the same for the same seed."""
    rng = random.Random(f"bank7:{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        c = conversation(rng)
        out.append(c)
        count += len(c.texts)
    return out


def composition(convs: Sequence[Conversation]) -> dict[str, Counter[str]]:
    comp: dict[str, Counter[str]] = {
        k: Counter()
        for k in (
            "kind",
            "class",
            "where",
            "spot",
            "name_origin",
            "name_form",
            "platform",
            "template",
        )
    }
    for c in convs:
        comp["platform"][c.platform] += 1
        for t in c.texts:
            assert isinstance(t, Text7)
            comp["where"][t.where] += 1
            comp["template"][t.template] += 1
            for (kind, value, cls), spot, origin in zip(t.planted, t.spots, t.origins, strict=True):
                comp["kind"][kind] += 1
                comp["class"][cls] += 1
                comp["spot"][f"{kind}@{spot}"] += 1
                if kind == "name":
                    lang, form = origin.split("/")
                    comp["name_origin"][lang] += 1
                    comp["name_form"][form] += 1
                    comp["name_form"]["diacritics" if has_diacritics(value) else "ascii"] += 1
    return comp


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="composition of held-out bank 7")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    convs = corpus(args.n, args.seed)
    print(f"bank 7: {len(convs)} conversations, {sum(len(c.texts) for c in convs)} texts")
    for key, counter in composition(convs).items():
        print(f"\n{key} ({sum(counter.values())}):")
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {v:6d}  {k}")


if __name__ == "__main__":
    main()
