"""Held-out bank 6 for the masking evaluation: written apart from the detectors and banks 1-5.

Written from the evaluation's interface alone (the ``Conversation``/``Text``/``Person`` types of
``bench/heldout_corpus.py`` and how ``bench/masking_quality.py`` reads and scores them), without
reading the detectors, the masking policy, the tuning generator or the other banks' names,
templates and formats, and never run through the detectors while it was written. Its name lists,
cue phrasings, templates, number formats, decoys and profile shapes are its own.

What it plants (each value with a ``kind/what`` class, and a spot saying where in the text):

- people from 29 language backgrounds (English, German, French, Spanish, Italian, Portuguese,
  Turkish, Dutch, Polish, Swedish, Norwegian, Czech, Romanian, Hungarian, Indonesian,
  Vietnamese, Yoruba and Igbo with their diacritics; Greek, Russian, Ukrainian, Arabic, Persian,
  Hindi, Tamil, Chinese, Korean, Japanese and Swahili-speaking East Africa in Latin letters),
  named after self-introductions, sign-offs, greetings, relation words ("my wife …") and agent
  hand-offs in 15 languages, and without any cue: signature blocks, one-line signatures,
  attendee lists, ``cc:`` lines, quoted-reply headers, markdown forms and tables, third parties;
  in title case, lower case, capitals and folded to ASCII, family name first where people write
  it so; 915 given and family names written here. First and last names are separate values;
- phones of 80 countries: international forms (spaces, dashes, dots, compact, ``00``,
  ``(0)``, area code in brackets, ``tel:``), national forms as locals write them, numbers with an
  extension after them, and international numbers in ranges libphonenumber does not list as
  assigned (possible, not valid); cards of 15 issuers (Luhn) in their groupings; IBANs of 69
  countries (mod 97), compact or in fours; IPv4 and IPv6 (ports, brackets, prefixes,
  v4-mapped, inside URLs and headers); e-mails (plus tags, subdomains, angle brackets with a
  display name, ``mailto:``, capitals); secrets in URLs (query tokens, keys, signatures,
  fragments, userinfo passwords, tokens in paths) over https, wss, ftp, sftp, postgres, mysql,
  mongodb+srv, redis and amqp;
- decoys that must stay (kind ``decoy``): order, invoice, ticket and booking numbers, tracking
  codes (UPS, S10 with check digits, DHL), prices, dates and times in many languages, versions
  and builds, hashes, SKUs, EANs, postal codes, 16-digit numbers failing Luhn, IBAN-shaped
  strings failing mod 97, card last-four, coordinates, flight numbers, plain URLs, and
  capitalised words that could be names: sentence-initial common words, weekdays, months,
  German nouns, brands, products and cities after "in/from/nach/à/en/a/w/i".

Positions (``Text6.spots``, one per planted value): after a cue, line starts, after
punctuation, signature blocks, markdown (bold fields, lists, tables, links), quoted replies
(``> ...``), bot JSON templates (some ``\\uXXXX``- or ``\\/``-escaped), inside URLs, and the
session record's free-text fields (``raw:<field>``, also held in the profile where the platform
keeps them there). A fifth of user messages carry a typing slip outside the values. Profiles
follow the platforms' documented records, with their gaps: a Peki user without a phone, a
Kore.ai bot that sets no user tags, a ``channelUId`` that is a user id rather than an e-mail.

Every planted value occurs in its text exactly where it was put and nowhere else (any case
aside), overlaps no other planted value and sits at word boundaries; a text failing that is
drawn again. Within a conversation, a name never stands unplanted in another text (any case,
folded), and no decoy equals a name. Deterministic for a seed and a phonenumbers metadata
version.
"""

from __future__ import annotations

import base64
import functools
import ipaddress
import itertools
import json
import random
import re
import string
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bench.heldout_corpus import Conversation, Person, Text

# --------------------------------------------------------------------------------------------
# Names: (given, family) per language background. Real-world common names, written here.


def _names(given: str, family: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(given.split("|")), tuple(family.split("|"))


NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": _names(
        "Oliver|Amelia|Harry|Isla|Jack|Poppy|George|Freya|Noah|Evie|Charlie|Ruby|Liam|Chloe|Ethan|"
        "Megan|Connor|Siobhan|Aidan|Bethany|Tyler|Madison|Brandon|Kayla|Declan|Niamh",
        "Thompson|Walker|Hughes|Edwards|Robinson|Wright|Clarke|Murphy|O'Brien|Kennedy|Fitzgerald|"
        "Henderson|McAllister|Whitfield|Barnes|Sullivan|Carter|Brooks|Reynolds|Donovan",
    ),
    "de": _names(
        "Lukas|Jonas|Felix|Maximilian|Leonie|Hannah|Lena|Jürgen|Sören|Jörg|Günther|Käthe|Anneliese|"
        "Ulrike|Wiebke|Torsten|Matthias|Franziska|Dörte|Till",
        "Müller|Schröder|Weiß|Köhler|Hoffmann|Krüger|Schäfer|Wagner|Becker|Zimmermann|Jäger|Böhm|"
        "Groß|Fuchs|Lehmann|Vogt|Brandt|Kühn|Seidel|Hartmann|Schütz",
    ),
    "fr": _names(
        "Élodie|Théo|Chloé|Mathéo|Inès|Hélène|François|Jérôme|Gaëlle|Benoît|Margaux|Céline|Rémi|"
        "Anaïs|Loïc|Maëlle|Clément|Agathe|Thibault|Sébastien|Jean-Baptiste|Marie-Claire",
        "Lefèvre|Dubois|Moreau|Girard|Rousseau|Lemaire|Fournier|Mercier|Chevalier|Bérard|Gauthier|"
        "Perrin|Faure|Rivière|Lévêque|Boucher|Deschamps|Bonnet|Marchand",
    ),
    "es": _names(
        "Alejandro|Lucía|Sofía|Martín|Álvaro|Begoña|Íñigo|Nerea|Jesús|Rocío|Ainhoa|Joaquín|Ximena|"
        "Sebastián|Valentina|Mateo|Guadalupe|Consuelo|Iker|Paloma|María José",
        "García|Fernández|Martínez|Rodríguez|Sánchez|Pérez|Gómez|Jiménez|Ruiz|Hernández|Díaz|Muñoz|"
        "Álvarez|Romero|Navarro|Ibáñez|Castaño|Zúñiga|Echeverría|Ortega",
    ),
    "it": _names(
        "Giuseppe|Francesca|Alessandro|Chiara|Lorenzo|Giulia|Niccolò|Beatrice|Matteo|Federica|"
        "Salvatore|Ilaria|Gianluca|Martina|Davide|Rossella|Pietro|Ludovica|Raffaele|Caterina",
        "Rossi|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Gallo|Conti|De Luca|Mancini|"
        "Giordano|Lombardi|Moretti|Barbieri|Fontana|Santoro|Caruso|D'Angelo",
    ),
    "pt": _names(
        "João|Inês|Gonçalo|Mariana|Tiago|Beatriz|Rodrigo|Leonor|Luís|Conceição|Thiago|Gabriela|"
        "Vinícius|Letícia|Caio|Fernanda|Guilherme|Júlia|Rafaela|Sebastião",
        "Silva|Santos|Ferreira|Pereira|Oliveira|Rodrigues|Martins|Sousa|Gonçalves|Carvalho|Araújo|"
        "Magalhães|Nogueira|Fonseca|Ribeiro|Cavalcanti|Albuquerque|Figueiredo|Brandão",
    ),
    "tr": _names(
        "Ayşe|Mehmet|Fatma|Mustafa|Emine|Ahmet|Zeynep|Hüseyin|Elif|Çağrı|Gülşen|Oğuz|Büşra|Ömer|"
        "Şule|İbrahim|Özlem|Burak|Sevgi|Tuğba|Eren|Can",
        "Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|"
        "Aslan|Çetin|Koç|Kurt|Özkan|Şimşek|Güneş",
    ),
    "nl": _names(
        "Daan|Sanne|Bram|Lotte|Thijs|Femke|Sem|Fleur|Joost|Anouk|Ruben|Marloes|Pieter|Ilse|Wouter|"
        "Maartje|Gijs|Jeroen|Eline",
        "de Vries|Jansen|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|"
        "Hendriks|van Dijk|Dekker|Brouwer|de Wit|Verhoeven|van der Linden",
    ),
    "pl": _names(
        "Katarzyna|Małgorzata|Agnieszka|Krzysztof|Paweł|Łukasz|Wojciech|Zofia|Jędrzej|Grzegorz|"
        "Bartłomiej|Magdalena|Joanna|Michał|Dorota|Tomasz|Żaneta|Przemysław|Aleksandra|Szymon",
        "Nowak|Kowalski|Wiśniewska|Wójcik|Kowalczyk|Kamińska|Lewandowski|Zieliński|Szymańska|"
        "Woźniak|Dąbrowski|Kozłowski|Jankowska|Mazur|Kwiatkowski|Krawczyk|Grabowski|Pawłowska|"
        "Michalski|Zając",
    ),
    "sv": _names(
        "Astrid|Linnéa|Björn|Sven|Märta|Åsa|Göran|Ingrid|Oskar|Elsa|Henrik|Maja|Nils|Sigrid|"
        "Torbjörn|Ebba",
        "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Lindqvist|Bergström|Lundgren|Sjöberg|"
        "Åkesson|Holmberg|Forsberg|Engström|Nyström",
    ),
    "no": _names(
        "Ingvild|Sindre|Håkon|Solveig|Eirik|Ragnhild|Øystein|Kari|Torstein|Marit|Sigurd|Tone",
        "Hansen|Johansen|Olsen|Larsen|Haugen|Bakken|Solberg|Strand|Fjeld|Dahl|Sæther|Ødegård|"
        "Bråten",
    ),
    "cs": _names(
        "Jiří|Petr|Tomáš|Lucie|Tereza|Kateřina|Ondřej|Zdeněk|Markéta|Jaroslav|Veronika|Radek|Hana|"
        "Lukáš",
        "Novák|Svoboda|Dvořák|Černý|Procházka|Kučera|Veselý|Horáková|Němcová|Pokorný|Marková|"
        "Šťastný|Růžička|Beneš",
    ),
    "ro": _names(
        "Andrei|Ioana|Mihai|Elena|Alexandru|Cristina|Bogdan|Ștefan|Raluca|Răzvan|Ionuț|Bianca|"
        "Adriana|Florin",
        "Popescu|Ionescu|Popa|Dumitrescu|Stoica|Gheorghe|Munteanu|Constantinescu|Rădulescu|"
        "Vasilescu|Țurcanu|Mureșan|Lungu",
    ),
    "hu": _names(
        "Bence|Zsófia|Levente|Réka|Dániel|Eszter|Gergő|Krisztina|Ádám|Noémi|Zoltán|Ildikó|Balázs|"
        "Orsolya",
        "Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|Juhász|"
        "Lakatos|Mészáros",
    ),
    "el": _names(
        "Giorgos|Dimitris|Konstantinos|Eleni|Katerina|Nikos|Vasiliki|Panagiotis|Christos|Ioanna|"
        "Thanasis|Despina|Stavros|Kalliopi",
        "Papadopoulos|Georgiou|Nikolaidis|Oikonomou|Karagiannis|Papadaki|Vlachos|Alexiou|"
        "Konstantinidis|Theodorou|Christodoulou|Makris",
    ),
    "ru": _names(
        "Dmitry|Sergei|Anastasia|Ekaterina|Aleksei|Natalya|Yevgeny|Olga|Vladimir|Tatiana|Mikhail|"
        "Svetlana|Pavel|Yulia",
        "Ivanov|Smirnov|Kuznetsova|Popov|Sokolov|Volkova|Lebedev|Kozlov|Novikova|Morozov|Petrov|"
        "Fyodorov|Vasiliev|Zaitseva",
    ),
    "uk": _names(
        "Oleksandr|Mykola|Oksana|Taras|Yaroslava|Bohdan|Iryna|Andriy|Halyna|Volodymyr|Nataliia|"
        "Serhiy|Khrystyna|Vitaliy",
        "Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchenko|Melnyk|Boyko|Oliynyk|Lysenko|Moroz|"
        "Savchenko|Rudenko|Marchenko|Hrytsenko",
    ),
    "ar": _names(
        "Mohammed|Ahmad|Fatima|Youssef|Mariam|Omar|Khaled|Layla|Hassan|Nour|Abdullah|Aisha|Tariq|"
        "Rania|Karim|Samira",
        "Al-Sayed|Haddad|Khalil|Nasser|Al-Masri|Mansour|Hamdan|Aziz|El-Amin|Saleh|Qasim|Barakat|"
        "Abboud|Al-Farsi|Abdel Rahman",
    ),
    "fa": _names(
        "Reza|Maryam|Ali|Zahra|Hossein|Shirin|Mehdi|Parisa|Amir|Niloufar|Farhad|Leila|Kourosh|"
        "Golnaz|Dariush",
        "Hosseini|Ahmadi|Mohammadi|Rezaei|Moradi|Karimi|Jafari|Rahimi|Kazemi|Tehrani|Sadeghi|"
        "Ebrahimi|Farahani|Rostami",
    ),
    "hi": _names(
        "Aarav|Priya|Rohan|Ananya|Vikram|Sneha|Arjun|Kavya|Rahul|Pooja|Siddharth|Neha|Aditya|"
        "Deepika",
        "Sharma|Verma|Gupta|Agarwal|Patel|Singh|Chauhan|Mehta|Joshi|Malhotra|Kapoor|Saxena|Bhatt|"
        "Trivedi",
    ),
    "ta": _names(
        "Karthik|Lakshmi|Senthil|Divya|Murugan|Priyanka|Arun|Meenakshi|Saravanan|Revathi|Vignesh|"
        "Kavitha",
        "Subramanian|Krishnan|Ramasamy|Natarajan|Venkatesan|Sundaram|Rajendran|Palaniappan|"
        "Arumugam|Balasubramanian|Pillai|Iyer",
    ),
    "zh": _names(
        "Wei|Fang|Jing|Jiayi|Haoran|Zihan|Yuxuan|Xinyi|Mingyu|Shuang|Qiang|Lihua|Zhiwei|Xiaoling",
        "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Zhu|Guo|Lin|Gao|Luo",
    ),
    "ko": _names(
        "Minjun|Seoyeon|Jiho|Haeun|Do-yoon|Ji-woo|Seojun|Yuna|Hyun-woo|Soyeon|Jaehyun|Eun-ji|"
        "Taeyang|Hyejin",
        "Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Shin|Kwon",
    ),
    "ja": _names(
        "Haruto|Yui|Sota|Hina|Ren|Aoi|Takumi|Sakura|Daiki|Yuka|Kenji|Ayumi|Ryōta|Yūki|Misaki",
        "Satō|Suzuki|Takahashi|Tanaka|Watanabe|Itō|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|"
        "Sasaki|Matsumoto|Inoue|Kimura",
    ),
    "vi": _names(
        "Minh|Thảo|Hương|Tuấn|Dũng|Linh|Phương|Quang|Hạnh|Khánh|Trang|Hùng|Ngọc Anh",
        "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ",
    ),
    "id": _names(
        "Budi|Siti|Agus|Dewi|Rizky|Putri|Andi|Wulan|Fajar|Indah|Bayu|Ratna|Hendra|Nurul",
        "Santoso|Wijaya|Saputra|Hidayat|Kusuma|Pratama|Susanto|Setiawan|Halim|Nugroho|Gunawan|"
        "Siregar|Simanjuntak|Lestari",
    ),
    "yo": _names(
        "Adebayo|Oluwaseun|Folake|Temitope|Babatunde|Yetunde|Olumide|Funmilayo|Ayodele|Kehinde|"
        "Adéwálé|Fúnmiláyọ̀|Oláolúwa",
        "Adeyemi|Ogunleye|Balogun|Adebisi|Olawale|Akinola|Oyelaran|Fashola|Adeleke|Ògúnbíyì|"
        "Adéyẹmí",
    ),
    "ig": _names(
        "Chinedu|Ngozi|Chiamaka|Emeka|Obinna|Adaeze|Ikenna|Uchenna|Nneka|Chukwuemeka|Ifeoma|"
        "Kelechi",
        "Okonkwo|Nwosu|Eze|Okafor|Nwachukwu|Okeke|Onyeka|Chukwu|Anyanwu|Ugwu|Ọkọnkwọ",
    ),
    "sw": _names(
        "Amani|Baraka|Neema|Juma|Zawadi|Imani|Halima|Omari|Rehema|Bakari|Wanjiru|Achieng",
        "Mwangi|Otieno|Kamau|Wambui|Ochieng|Njoroge|Mutua|Kiprotich|Odhiambo|Chepkoech|Kariuki|"
        "Onyango",
    ),
}

# Languages people write the chat in, by background; the first is the most likely.
WRITES: dict[str, tuple[str, ...]] = {
    "en": ("en",),
    "de": ("de", "de", "en"),
    "fr": ("fr", "fr", "en"),
    "es": ("es", "es", "en"),
    "it": ("it", "it", "en"),
    "pt": ("pt", "pt", "en"),
    "tr": ("tr", "tr", "en", "de"),
    "nl": ("nl", "nl", "en"),
    "pl": ("pl", "pl", "en"),
    "sv": ("sv", "en"),
    "no": ("no", "en"),
    "cs": ("cs", "en"),
    "ro": ("ro", "en", "it"),
    "hu": ("hu", "en", "de"),
    "el": ("en", "de"),
    "ru": ("en", "de"),
    "uk": ("en", "pl", "de"),
    "ar": ("en", "fr", "de"),
    "fa": ("en", "de"),
    "hi": ("en",),
    "ta": ("en",),
    "zh": ("en",),
    "ko": ("en",),
    "ja": ("en",),
    "vi": ("en", "fr"),
    "id": ("id", "en"),
    "yo": ("en",),
    "ig": ("en",),
    "sw": ("en",),
}

# Where people of a background live (phone regions).
HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE", "AU", "CA", "NZ", "ZA"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "LU"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR"),
    "tr": ("TR", "DE"),
    "nl": ("NL", "BE"),
    "pl": ("PL", "GB"),
    "sv": ("SE", "FI"),
    "no": ("NO",),
    "cs": ("CZ", "SK"),
    "ro": ("RO", "MD"),
    "hu": ("HU",),
    "el": ("GR", "CY"),
    "ru": ("RU", "KZ"),
    "uk": ("UA", "PL"),
    "ar": ("EG", "SA", "AE", "JO", "LB", "MA", "QA"),
    "fa": ("IR", "DE"),
    "hi": ("IN", "AE"),
    "ta": ("IN", "LK", "SG", "MY"),
    "zh": ("CN", "TW", "HK", "SG"),
    "ko": ("KR",),
    "ja": ("JP",),
    "vi": ("VN",),
    "id": ("ID",),
    "yo": ("NG",),
    "ig": ("NG",),
    "sw": ("KE", "TZ", "UG"),
}

FAMILY_FIRST = ("hu", "zh", "ko", "ja", "vi")  # may write the family name first
CUE_LANGS = (
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "tr",
    "nl",
    "pl",
    "sv",
    "no",
    "cs",
    "ro",
    "hu",
    "id",
)

_FOLD = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ș": "s",
        "ț": "t",
    }
)


def fold(s: str) -> str:
    """What people type without the diacritics their name has."""
    d = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in d if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------------
# A text under construction: plain pieces and planted values, with where each value went.


@dataclass(frozen=True)
class Put:
    kind: str
    value: str
    cls: str
    spot: str = "inline"


@dataclass
class Text6(Text):
    """A bank-6 text: ``spots`` says where each planted value sits (parallel to ``planted``)."""

    spots: list[str] = field(default_factory=list)


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[tuple[int, int, Put]] = []

    def add(self, *items: str | Put) -> Doc:
        for it in items:
            if isinstance(it, Put):
                self.spans.append((self.size, self.size + len(it.value), it))
                s = it.value
            else:
                s = it
            self.parts.append(s)
            self.size += len(s)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)


_SLOT = re.compile(r"<([a-z0-9_-]+)>")


def fill(doc: Doc, tpl: str, **slots: str | Put | Sequence[str | Put]) -> Doc:
    """Append a ``<slot>`` template; a slot is plain text, a value, or a run of both."""
    at = 0
    for m in _SLOT.finditer(tpl):
        doc.add(tpl[at : m.start()])
        v = slots[m.group(1)]
        if isinstance(v, str | Put):
            doc.add(v)
        else:
            doc.add(*v)
        at = m.end()
    doc.add(tpl[at:])
    return doc


def _all_at(text: str, value: str) -> set[int]:
    """Every start of ``value`` in ``text``, overlapping ones too (the scorer counts them)."""
    out, i = set(), text.find(value)
    while i >= 0:
        out.add(i)
        i = text.find(value, i + 1)
    return out


def problems(text: str, spans: Sequence[tuple[int, int, Put]]) -> list[str]:
    """What would make the scorer see a value where none was put, or miss the one put."""
    out: list[str] = []
    by_value: dict[str, set[int]] = {}
    kinds: dict[str, str] = {}
    for a, b, p in spans:
        if text[a:b] != p.value:
            out.append(f"{p.value!r} not at its place")
        by_value.setdefault(p.value, set()).add(a)
        if kinds.setdefault(p.value, p.kind) != p.kind:
            out.append(f"{p.value!r} planted as two kinds")
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        # a secret may sit right after a path word ("/bot123:AA…"); anything else stands alone
        bad = before.isalnum() or after.isalnum() or unicodedata.combining(after)
        if bad and p.kind != "url":
            out.append(f"{p.value!r} inside a longer word")
    for value, starts in by_value.items():
        if _all_at(text, value) != starts:
            out.append(f"{value!r} occurs where it was not put")
    ordered = sorted((a, b) for a, b, _ in spans)
    for (_, b1), (a2, _) in itertools.pairwise(ordered):
        if a2 < b1:
            out.append("planted values overlap")
    return out


# --------------------------------------------------------------------------------------------
# Phones


def _nsn_of(num: phonenumbers.PhoneNumber) -> str:
    return str(phonenumbers.national_significant_number(num))


def valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kinds = (PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
    for _ in range(400):
        ex = phonenumbers.example_number_for_type(region, rng.choice(kinds))
        if ex is None:
            continue
        nsn = _nsn_of(ex)
        keep = rng.randint(min(2, len(nsn) - 3), max(2, min(4, len(nsn) - 4)))
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse("+" + str(ex.country_code) + cand, None)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    raise RuntimeError(f"no valid number for {region}")


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """A number of the region's length that libphonenumber calls possible but not valid."""
    ex = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if ex is None:
        return None
    n = len(_nsn_of(ex))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse("+" + str(ex.country_code) + cand, None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _chunks(rng: random.Random, digits: str) -> list[str]:
    out, i = [], 0
    while i < len(digits):
        left = len(digits) - i
        k = left if left <= 4 else rng.choice((2, 3, 3, 4))
        if 0 < left - k < 2:
            k = left
        out.append(digits[i : i + k])
        i += k
    return out


@dataclass(frozen=True)
class Phone:
    written: str
    e164: str
    cls: str
    ext: str = ""  # an extension written after the value, outside it


def _lib_groups(num: phonenumbers.PhoneNumber) -> list[str]:
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    return re.split(r"[\s\-]+", intl.split(" ", 1)[1]) if " " in intl else [_nsn_of(num)]


def intl_phone(rng: random.Random, num: phonenumbers.PhoneNumber, cls: str) -> Phone:
    cc, nsn = str(num.country_code), _nsn_of(num)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    groups = _lib_groups(num) if rng.random() < 0.4 else _chunks(rng, nsn)
    nat = re.sub(r"\D", "", phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL))
    trunk0 = nat == "0" + nsn
    style = rng.choice(("space", "space", "dash", "dot", "compact", "00", "paren", "zero", "tel"))
    if style == "zero" and not trunk0:
        style = "space"
    # an area code in brackets where people write one: NANP, Russia, Brazil, Mexico, Turkey...
    if style == "paren" and (len(groups) < 3 or num.country_code not in (1, 7, 52, 54, 55, 90)):
        style = "dash"
    if style == "space":
        w = f"+{cc} " + " ".join(groups)
    elif style == "dash":
        w = f"+{cc}-" + "-".join(groups) if rng.random() < 0.5 else f"+{cc} " + "-".join(groups)
    elif style == "dot":
        w = f"+{cc}." + ".".join(groups)
    elif style == "compact":
        w = f"+{cc}{nsn}"
    elif style == "00":
        w = f"00{cc} " + " ".join(groups) if rng.random() < 0.7 else f"00{cc}{nsn}"
    elif style == "paren":
        w = f"+{cc} ({groups[0]}) " + rng.choice((" ", "-")).join(groups[1:])
    elif style == "zero":
        w = f"+{cc} (0){groups[0]} " + " ".join(groups[1:])
    else:
        w = f"+{cc}{rng.choice(('', ' '))}" + "".join(groups)
        style = "tel"
    return Phone(w, e164, f"phone/{cls}-{style}")


def national_phone(rng: random.Random, num: phonenumbers.PhoneNumber) -> Phone:
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(num)
    lib = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    digits = re.sub(r"\D", "", lib)
    r = rng.random()
    if r < 0.4:
        w = lib
    elif r < 0.55 and digits.startswith("0") and len(digits) > 8:
        k = rng.choice((3, 4))
        w = f"({digits[:k]}) " + " ".join(_chunks(rng, digits[k:]))
    elif r < 0.65 and region in ("DE", "AT", "CH") and digits.startswith("0"):
        k = 3 if digits[1] in "2345689" else 4
        w = f"{digits[:k]}/{digits[k:]}"
    elif r < 0.8:
        w = rng.choice((" ", "-", ".")).join(_chunks(rng, digits))
    else:
        w = digits
    return Phone(w, e164, f"phone/national-{region}")


PHONE_REGIONS = (
    "US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "LU", "NL", "ES", "PT", "IT", "MT",
    "GR", "CY", "TR", "PL", "CZ", "SK", "HU", "RO", "MD", "BG", "HR", "SI", "RS", "SE", "NO",
    "DK", "FI", "IS", "EE", "LV", "LT", "UA", "RU", "KZ", "GE", "IL", "EG", "MA", "TN", "SA",
    "AE", "QA", "JO", "LB", "IQ", "IR", "PK", "IN", "LK", "BD", "CN", "HK", "TW", "JP", "KR",
    "VN", "TH", "MY", "SG", "ID", "PH", "AU", "NZ", "BR", "AR", "MX", "CO", "CL", "PE", "NG",
    "GH", "KE", "TZ", "UG", "ZA",
)  # fmt: skip


def a_phone(rng: random.Random, region: str | None = None, *, own: bool = False) -> Phone:
    """Someone's phone: local people often write national forms, others international."""
    region = region or rng.choice(PHONE_REGIONS)
    r = rng.random()
    if r < 0.12:
        num = unassigned_number(rng, region) or unassigned_number(rng, "DE")
        assert num is not None
        return intl_phone(rng, num, "intl-unassigned")
    num = valid_number(rng, region)
    if r < 0.37 and own:
        return national_phone(rng, num)
    p = intl_phone(rng, num, "intl")
    if own and rng.random() < 0.1:
        ext = rng.choice((" ext. ", " x", " ext ", " (ext. ", " Durchwahl ", " poste ", " dahili "))
        n = str(rng.randint(2, 4999))
        return Phone(p.written, p.e164, "phone/intl-ext", ext + n + (")" if "(" in ext else ""))
    return p


# --------------------------------------------------------------------------------------------
# Cards, IBANs


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()][::-1]
    return (
        sum(d if i % 2 == 0 else (2 * d) // 10 + (2 * d) % 10 for i, d in enumerate(ds)) % 10 == 0
    )


def _luhn_finish(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


# issuer: (prefix choices, lengths)
ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 16, 13, 19)),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2300", "2498", "2720", "2611"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "647", "649", "65"), (16, 19)),
    "jcb": (("3528", "3540", "3566", "3589"), (16,)),
    "diners": (("300", "305", "36", "38"), (14,)),
    "unionpay": (("62", "6212", "6250"), (16, 17, 19)),
    "maestro": (("6759", "6761", "5018", "5020", "5038", "6304"), (12, 16, 18, 19)),
    "mir": (("2200", "2201", "2202", "2204"), (16,)),
    "rupay": (("60", "6521", "508"), (16,)),
    "troy": (("9792",), (16,)),
    "elo": (("636368", "438935", "504175", "451416"), (16,)),
    "verve": (("506099", "650002"), (16, 19)),
    "hipercard": (("606282",), (16,)),
    "uatp": (("1",), (15,)),
}


def _card_groups(n: int, brand: str) -> tuple[int, ...]:
    if brand in ("amex", "uatp") or n == 15:
        return (4, 6, 5)
    if n == 14:
        return (4, 6, 4)
    if n == 19:
        return (4, 4, 4, 4, 3)
    if n == 13:
        return (4, 4, 5)
    if n == 12:
        return (4, 4, 4)
    if n == 17:
        return (4, 4, 4, 5)
    if n == 18:
        return (4, 4, 4, 6)
    return (4, 4, 4, 4)


def a_card(rng: random.Random) -> Put:
    brand = rng.choice(tuple(ISSUERS))
    prefixes, lengths = ISSUERS[brand]
    n = rng.choice(lengths)
    digits = _luhn_finish(rng, rng.choice(prefixes), n)
    sep = rng.choice((" ", " ", "-", "", " ", "."))
    if sep == "." and n != 16:
        sep = " "
    out, i = [], 0
    for g in _card_groups(n, brand):
        out.append(digits[i : i + g])
        i += g
    style = {" ": "spaced", "-": "dashed", "": "compact", ".": "dotted"}[sep]
    return Put("card", sep.join(out), f"card/{brand}-{style}")


# country: (length, BBAN layout of (type, count)); types n digits, a letters, c either.
IBAN: dict[str, tuple[int, str]] = {
    "AD": (24, "8n12c"),
    "AE": (23, "3n16n"),
    "AL": (28, "8n16c"),
    "AT": (20, "5n11n"),
    "AZ": (28, "4a20c"),
    "BA": (20, "16n"),
    "BE": (16, "12n"),
    "BG": (22, "4a6n8c"),
    "BH": (22, "4a14c"),
    "BR": (29, "23n1a1c"),
    "CH": (21, "5n12c"),
    "CR": (22, "18n"),
    "CY": (28, "8n16c"),
    "CZ": (24, "20n"),
    "DE": (22, "18n"),
    "DK": (18, "14n"),
    "DO": (28, "4c20n"),
    "EE": (20, "16n"),
    "EG": (29, "25n"),
    "ES": (24, "20n"),
    "FI": (18, "14n"),
    "FO": (18, "14n"),
    "FR": (27, "10n11c2n"),
    "GB": (22, "4a14n"),
    "GE": (22, "2a16n"),
    "GI": (23, "4a15c"),
    "GL": (18, "14n"),
    "GR": (27, "7n16c"),
    "GT": (28, "24c"),
    "HR": (21, "17n"),
    "HU": (28, "24n"),
    "IE": (22, "4a14n"),
    "IL": (23, "19n"),
    "IQ": (23, "4a15n"),
    "IS": (26, "22n"),
    "IT": (27, "1a10n12c"),
    "JO": (30, "4a4n18c"),
    "KW": (30, "4a22c"),
    "KZ": (20, "3n13c"),
    "LB": (28, "4n20c"),
    "LI": (21, "5n12c"),
    "LT": (20, "16n"),
    "LU": (20, "3n13c"),
    "LV": (21, "4a13c"),
    "MC": (27, "10n11c2n"),
    "MD": (24, "20c"),
    "ME": (22, "18n"),
    "MK": (19, "3n10c2n"),
    "MT": (31, "4a5n18c"),
    "MU": (30, "4a19n3a"),
    "NL": (18, "4a10n"),
    "NO": (15, "11n"),
    "PK": (24, "4a16c"),
    "PL": (28, "24n"),
    "PS": (29, "4a21c"),
    "PT": (25, "21n"),
    "QA": (29, "4a21c"),
    "RO": (24, "4a16c"),
    "RS": (22, "18n"),
    "SA": (24, "2n18c"),
    "SE": (24, "20n"),
    "SI": (19, "15n"),
    "SK": (24, "20n"),
    "SM": (27, "1a10n12c"),
    "TN": (24, "20n"),
    "TR": (26, "5n1n16c"),
    "UA": (29, "6n19c"),
    "VA": (22, "18n"),
    "XK": (20, "16n"),
}
BANK_CODES = {
    "GB": ("BARC", "LOYD", "HBUK", "NWBK", "MIDL", "SRLG"),
    "IE": ("AIBK", "BOFI", "IPBS"),
    "NL": ("ABNA", "RABO", "INGB", "SNSB", "TRIO", "KNAB", "BUNQ"),
    "RO": ("BTRL", "RNCB", "BRDE"),
}


def _bban(rng: random.Random, country: str) -> str:
    layout = IBAN[country][1]
    out = []
    for count, t in re.findall(r"(\d+)([nac])", layout):
        pool = {
            "n": string.digits,
            "a": string.ascii_uppercase,
            "c": string.digits * 2 + string.ascii_uppercase,
        }[t]
        out.append("".join(rng.choice(pool) for _ in range(int(count))))
    bban = "".join(out)
    if country in BANK_CODES:
        bban = rng.choice(BANK_CODES[country]) + bban[4:]
    return bban


def mod97(s: str) -> int:
    s = s.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    check = 98 - mod97(country + "00" + bban)
    if not valid:
        check = (check + rng.randint(1, 96)) % 97 or 97
        if check < 2:
            check += 2
    return f"{country}{check:02d}{bban}"


def a_iban(rng: random.Random) -> Put:
    country = rng.choice(tuple(IBAN))
    compact = iban_compact(rng, country)
    if rng.random() < 0.55:
        w = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return Put("iban", w, f"iban/{country}-grouped")
    return Put("iban", compact, f"iban/{country}-compact")


# --------------------------------------------------------------------------------------------
# IPs, e-mails, URL secrets


def _v4(rng: random.Random) -> str:
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast and str(a).split(".")[-1] not in ("0", "255"):
            return str(a)


def _v6(rng: random.Random) -> ipaddress.IPv6Address:
    while True:
        prefix = rng.choice((0x2A02, 0x2A01, 0x2001, 0x2600, 0x2C0F, 0x2403, 0x2804, 0x2A00))
        bits = (prefix << 112) | rng.getrandbits(64) << 48 | rng.choice((0, rng.getrandbits(48)))
        a = ipaddress.IPv6Address(bits)
        if a.is_global and not str(a).startswith("2001:db8"):
            return a


def an_ip(rng: random.Random) -> tuple[str, Put, str]:
    """(before, value, after): ports, brackets and prefixes stay outside the value."""
    r = rng.random()
    if r < 0.45:
        v = _v4(rng)
        style = rng.choice(("bare", "bare", "port", "cidr", "url"))
        val = Put("ip", v, f"ip/v4-{style}")
        if style == "port":
            return "", val, f":{rng.choice((22, 443, 8080, 3389, 51820, 5060))}"
        if style == "cidr":
            return "", val, f"/{rng.choice((32, 29, 24))}"
        if style == "url":
            return rng.choice(("http://", "https://", "rtsp://")), val, ":8081/status"
        return "", val, ""
    if r < 0.9:
        a = _v6(rng)
        style = rng.choice(("short", "short", "full", "bracket", "prefix", "upper"))
        v = a.exploded if style == "full" else a.compressed
        if style == "upper":
            v = v.upper()
        val = Put("ip", v, f"ip/v6-{style}")
        if style == "bracket":
            return "[", val, f"]:{rng.choice((443, 8443, 993))}"
        if style == "prefix":
            return "", val, f"/{rng.choice((56, 64, 128))}"
        return "", val, ""
    v = "::ffff:" + _v4(rng)
    return "", Put("ip", v, "ip/v4-mapped"), ""


_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": (
        "gmail.com",
        "outlook.com",
        "yahoo.co.uk",
        "icloud.com",
        "btinternet.com",
        "hotmail.com",
        "protonmail.com",
        "comcast.net",
    ),
    "de": ("web.de", "gmx.de", "gmx.at", "t-online.de", "posteo.de", "bluewin.ch", "mailbox.org"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "skynet.be"),
    "es": ("hotmail.es", "yahoo.es", "telefonica.net", "gmail.com", "prodigy.net.mx"),
    "it": ("libero.it", "virgilio.it", "alice.it", "tiscali.it", "fastwebnet.it"),
    "pt": ("sapo.pt", "uol.com.br", "terra.com.br", "bol.com.br", "gmail.com"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "mynet.com", "gmail.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "telenet.be", "hetnet.nl"),
    "pl": ("wp.pl", "o2.pl", "interia.pl", "onet.pl", "gazeta.pl"),
    "sv": ("telia.com", "bredband.net", "spray.se"),
    "no": ("online.no", "live.no", "getmail.no"),
    "cs": ("seznam.cz", "centrum.cz", "email.cz"),
    "ro": ("yahoo.ro", "rdslink.ro"),
    "hu": ("freemail.hu", "citromail.hu", "t-online.hu"),
    "el": ("otenet.gr", "yahoo.gr"),
    "ru": ("yandex.ru", "mail.ru", "rambler.ru"),
    "uk": ("ukr.net", "i.ua", "meta.ua"),
    "ar": ("hotmail.com", "yahoo.com", "gmail.com"),
    "fa": ("yahoo.com", "chmail.ir"),
    "hi": ("rediffmail.com", "gmail.com", "yahoo.co.in"),
    "ta": ("gmail.com", "yahoo.co.in"),
    "zh": ("qq.com", "163.com", "126.com", "sina.com"),
    "ko": ("naver.com", "daum.net", "hanmail.net"),
    "ja": ("yahoo.co.jp", "docomo.ne.jp", "nifty.com"),
    "vi": ("gmail.com", "yahoo.com.vn"),
    "id": ("yahoo.co.id", "gmail.com"),
    "yo": ("yahoo.com", "gmail.com"),
    "ig": ("gmail.com", "yahoo.com"),
    "sw": ("gmail.com", "yahoo.com"),
}
_ORGS = (
    "nordlicht-energie.de",
    "tegel-bouw.nl",
    "acme-logistics.co.uk",
    "kuzey-tekstil.com.tr",
    "ferragamo-srl.it",
    "vinhos-douro.pt",
    "lumen-analytics.io",
    "pivotgrid.com",
    "hafenkontor.hamburg",
    "sanofi-partners.fr",
    "baltic-freight.lv",
    "tatra-soft.cz",
)


def _local_name(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())


def an_email(rng: random.Random, lang: str, first: str, last: str) -> Put:
    f, la = _local_name(first), _local_name(last)
    shapes = (
        f"{f}.{la}",
        f"{f[0]}{la}",
        f"{f}_{la}",
        f"{f}{la}{rng.randint(1, 99)}",
        f"{f}.{la[0]}",
        f"{la}.{f}",
        f"{f}{rng.randint(70, 2005)}",
        f"{f[0]}.{la}",
    )
    local = rng.choice(shapes)
    cls = "email/plain"
    r = rng.random()
    if r < 0.15:
        local += "+" + rng.choice(("orders", "shop", "bank", "news", "support", "2024"))
        cls = "email/plus"
    if rng.random() < 0.25:
        org = rng.choice(_ORGS)
        sub = rng.choice(("", "", "mail.", "eu.", "corp.", "mx.ops."))
        dom = sub + org
        cls = "email/subdomain" if sub else "email/company"
    else:
        dom = rng.choice(_DOMAINS[lang])
    addr = f"{local}@{dom}"
    if rng.random() < 0.06:
        addr = addr.upper() if rng.random() < 0.3 else addr.capitalize()
        cls = "email/capitals"
    return Put("email", addr, cls)


_B62 = string.ascii_letters + string.digits


def _rand(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _b64u(rng: random.Random, n: int) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(n)).decode().rstrip("=")


def a_secret(rng: random.Random) -> str:
    r = rng.randrange(7)
    if r == 0:
        head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        return f"{head}.{_b64u(rng, rng.randint(40, 90))}.{_b64u(rng, 32)}"
    if r == 1:
        return _rand(rng, rng.choice((32, 40, 64)), "0123456789abcdef")
    if r == 2:
        return rng.choice(("sk_live_", "rk_live_", "pat_", "xoxb-", "glpat-", "AIza")) + _rand(
            rng, rng.randint(24, 36)
        )
    if r == 3:
        return _b64u(rng, rng.choice((18, 24, 33)))
    return _rand(rng, rng.randint(20, 44))


_HOSTS = (
    "api.paydesk.io",
    "files.cloudvault.net",
    "portal.kargotakip.com.tr",
    "dl.mediastore-cdn.com",
    "hooks.teamchat.app",
    "app.rechnungsportal.de",
    "share.boxdrop.eu",
    "backend.lojaonline.com.br",
    "status.nordpay.se",
    "console.gridcloud.dev",
    "webmail.posta-sicura.it",
    "export.crmhub.pl",
)


def url_secret(rng: random.Random) -> tuple[str, Put, str, str]:
    """(url before the secret, secret, rest of the url, class)."""
    h = rng.choice(_HOSTS)
    s = a_secret(rng)
    r = rng.randrange(11)
    if r == 0:
        p = rng.choice(("access_token", "token", "api_key", "apikey", "key", "auth", "session_id"))
        return f"https://{h}/v2/export?format=csv&{p}=", Put("url", s, "url/query"), "", "query"
    if r == 1:
        p = rng.choice(("token", "sig", "signature", "code", "jwt"))
        rest = f"&expires={rng.randint(1_750_000_000, 1_800_000_000)}&lang=de"
        return (
            f"https://{h}/download/{_rand(rng, 8)}.pdf?{p}=",
            Put("url", s, "url/query-mid"),
            rest,
            "query-mid",
        )
    if r == 2:
        sig = _b64u(rng, 32) + "%3D"
        pre = (
            f"https://{h}/c/{_rand(rng, 6, string.ascii_lowercase)}/scan.jpg?sv=2023-01-03"
            f"&se=2025-09-01T00%3A00%3A00Z&sp=r&sig="
        )
        return pre, Put("url", sig, "url/signed-sas"), "", "signed"
    if r == 3:
        user = rng.choice(("admin", "deploy", "backup", "ops", "report"))
        pw = _rand(rng, rng.randint(10, 18), _B62 + "!*-_~")
        scheme = rng.choice(("https", "ftp", "sftp"))
        return (
            f"{scheme}://{user}:",
            Put("url", pw, f"url/userinfo-{scheme}"),
            f"@{h}/incoming/",
            "userinfo",
        )
    if r == 4:
        pw = _rand(rng, rng.randint(12, 24))
        scheme, port = rng.choice(
            (
                ("postgres", 5432),
                ("mongodb+srv", 0),
                ("redis", 6379),
                ("amqp", 5672),
                ("mysql", 3306),
            )
        )
        user = rng.choice(("app", "svc_orders", "reader", "")) if scheme != "redis" else ""
        tail = f"@db-{_rand(rng, 5, string.ascii_lowercase)}.internal.example.net" + (
            f":{port}/prod" if port else "/orders?retryWrites=true"
        )
        return f"{scheme}://{user}:", Put("url", pw, f"url/userinfo-{scheme}"), tail, "userinfo"
    if r == 5:
        frag = _b64u(rng, 30)
        return (
            f"https://{h}/oauth/callback#access_token=",
            Put("url", frag, "url/fragment"),
            "&token_type=Bearer&expires_in=3600",
            "fragment",
        )
    if r == 6:
        tok = f"{rng.randint(10**8, 10**10)}:AA{_rand(rng, 33, _B62 + '-_')}"
        return (
            "https://api.telegram.org/bot",
            Put("url", tok, "url/path-bot"),
            "/sendMessage?chat_id=42",
            "path",
        )
    if r == 7:
        tok = _rand(rng, 24)
        pre = f"https://{h}/services/T{_rand(rng, 8).upper()}/B{_rand(rng, 9).upper()}/"
        return pre, Put("url", tok, "url/path-webhook"), "", "path"
    if r == 8:
        return (
            f"https://{h}/account/reset-password/",
            Put("url", s, "url/path-reset"),
            "?utm_source=email",
            "path",
        )
    if r == 9:
        return f"wss://{h}/live?ticket=", Put("url", s, "url/wss"), "", "query"
    sig = _rand(rng, 64, "0123456789abcdef")
    pre = (
        f"https://{h}/exports/{rng.randint(1000, 9999)}.zip?X-Goog-Algorithm="
        f"GOOG4-RSA-SHA256&X-Goog-Date=20250601T101500Z&X-Goog-Expires=900&X-Goog-Signature="
    )
    return pre, Put("url", sig, "url/signed-gcs"), "", "signed"


# --------------------------------------------------------------------------------------------
# Decoys: things that look like numbers or names but are neither a person's nor secret.


def _price(rng: random.Random) -> str:
    n = rng.randint(3, 25000) + rng.choice((0, 0.5, 0.99, 0.9, 0.25))
    whole = f"{int(n):,}"
    cents = f"{round((n % 1) * 100):02d}"
    return rng.choice(
        (
            f"€{whole.replace(',', '.')},{cents}",
            f"{whole.replace(',', '.')},{cents} €",
            f"${whole}.{cents}",
            f"£{whole}",
            f"{whole.replace(',', ' ')},{cents} zł",
            f"₺{whole.replace(',', '.')}",
            f"R$ {whole.replace(',', '.')},{cents}",
            f"¥{whole}",
            f"{whole.replace(',', chr(39))}.{cents} CHF",
            f"USD {whole}.{cents}",
            f"{whole.replace(',', ' ')} Kč",
            f"₹{whole}",
            f"{int(n)} SEK",
        )
    )


_MONTHS = {
    "en": ("January", "March", "April", "June", "July", "September", "November"),
    "de": ("Januar", "März", "Mai", "Oktober", "Dezember"),
    "fr": ("janvier", "février", "avril", "août", "décembre"),
    "es": ("enero", "marzo", "mayo", "agosto", "diciembre"),
    "tr": ("Ocak", "Şubat", "Nisan", "Haziran", "Ağustos", "Aralık"),
    "pl": ("stycznia", "kwietnia", "września", "grudnia"),
    "nl": ("januari", "mei", "oktober"),
    "pt": ("janeiro", "março", "outubro"),
}


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    lang = rng.choice(tuple(_MONTHS))
    mon = rng.choice(_MONTHS[lang])
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{m}/{d}/{y}",
            f"{d}/{m}/{str(y)[2:]}",
            f"{d}. {mon} {y}" if lang == "de" else f"{d} {mon} {y}",
            f"{mon} {d}, {y}" if lang == "en" else f"{d} {mon}",
            f"{y}{m:02d}{d:02d}",
            f"{y}-{m:02d}-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
            f"{d:02d}-{m:02d}-{y}",
        )
    )


def _time(rng: random.Random) -> str:
    h, mi = rng.randint(0, 23), rng.choice((0, 15, 30, 45, 5, 50))
    return rng.choice(
        (
            f"{h:02d}:{mi:02d}",
            f"{h % 12 or 12}:{mi:02d} {'am' if h < 12 else 'pm'}",
            f"{h}h{mi:02d}",
            f"{h}.{mi:02d} Uhr",
            f"{h:02d}:{mi:02d}:{rng.randint(10, 59)}",
        )
    )


def _s10(rng: random.Random) -> str:
    body = [rng.randint(0, 9) for _ in range(8)]
    c = 11 - sum(w * d for w, d in zip((8, 6, 4, 2, 3, 5, 9, 7), body, strict=True)) % 11
    c = 5 if c == 11 else 0 if c == 10 else c
    return (
        f"{rng.choice(('RR', 'CP', 'LX', 'EA', 'RB', 'UA'))}{''.join(map(str, body))}{c}"
        f"{rng.choice(('DE', 'TR', 'PL', 'NL', 'CN', 'GB', 'FR'))}"
    )


def _ean13(rng: random.Random) -> str:
    b = [rng.randint(0, 9) for _ in range(12)]
    b[0] = rng.choice((4, 8, 5, 3, 7))
    c = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(b)) % 10) % 10
    return "".join(map(str, b)) + str(c)


def _luhn_bad(rng: random.Random) -> str:
    while True:
        d = rng.choice("3456") + _rand(rng, 15, string.digits)
        if not luhn_ok(d):
            return rng.choice((d, " ".join(d[i : i + 4] for i in range(0, 16, 4))))


def _iban_bad(rng: random.Random) -> str:
    c = iban_compact(rng, rng.choice(tuple(IBAN)), valid=False)
    return c if rng.random() < 0.5 else " ".join(c[i : i + 4] for i in range(0, len(c), 4))


def _ups(rng: random.Random) -> str:
    return (
        "1Z" + _rand(rng, 6, string.ascii_uppercase + string.digits) + _rand(rng, 10, string.digits)
    )


DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: r.choice(
        (
            f"#{r.randint(100000, 9999999)}",
            f"A{r.randint(10, 99)}-{r.randint(10000, 99999)}",
            f"ORD-{r.randint(2019, 2026)}-{r.randint(1000, 999999):06d}",
            f"{r.randint(100, 999)}-{r.randint(1000000, 9999999)}-{r.randint(1000000, 9999999)}",
        )
    ),
    "invoice": lambda r: r.choice(
        (
            f"INV-{r.randint(2020, 2026)}/{r.randint(1, 9999):04d}",
            f"RE{r.randint(10**7, 10**8)}",
            f"FV/{r.randint(1, 999)}/{r.randint(1, 12):02d}/{r.randint(2020, 2026)}",
        )
    ),
    "ticket": lambda r: r.choice(
        (
            f"INC{r.randint(10**6, 10**7):07d}",
            f"CS-{r.randint(10000, 99999)}",
            f"SR{r.randint(10**8, 10**9)}",
        )
    ),
    "booking": lambda r: _rand(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
    "tracking": lambda r: r.choice(
        (_ups(r), _s10(r), f"JD{r.randint(10**17, 10**18)}", f"{r.randint(10**11, 10**12)}")
    ),
    "price": _price,
    "date": _date,
    "time": _time,
    "version": lambda r: r.choice(
        (
            f"v{r.randint(1, 19)}.{r.randint(0, 30)}.{r.randint(0, 99)}",
            f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}-beta.{r.randint(1, 9)}",
            f"10.0.{r.randint(19041, 26100)}.{r.randint(1000, 5000)}",
            f"build {r.randint(1000, 99999)}",
        )
    ),
    "hash": lambda r: _rand(r, r.choice((7, 12, 40, 64)), "0123456789abcdef"),
    "uuid": lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)),
    "sku": lambda r: r.choice(
        (
            f"SKU-{r.randint(10000, 99999)}-{r.choice(('BLK', 'WHT', 'RED'))}"
            f"-{r.choice(('S', 'M', 'L', 'XL'))}",
            f"{_rand(r, 3, string.ascii_uppercase)}{r.randint(100, 9999)}/{r.randint(10, 99)}",
        )
    ),
    "ean": _ean13,
    "postal": lambda r: r.choice(
        (
            f"{r.randint(10000, 99999)}",
            f"{r.randint(1000, 9999)} {_rand(r, 2, 'ABCDEHJKLMNPRSTVWXZ')}",
            f"SW{r.randint(1, 9)}A {r.randint(1, 9)}AA",
            f"{r.randint(10, 99)}-{r.randint(100, 999)}",
            f"{r.randint(100, 999)} {r.randint(10, 99)}",
        )
    ),
    "luhn-fail": _luhn_bad,
    "iban-bad": _iban_bad,
    "card-last4": lambda r: (
        r.choice(("**** ", "•••• ", "xxxx-", "ending ")) + _rand(r, 4, string.digits)
    ),
    "coordinates": lambda r: f"{r.uniform(-60, 70):.5f}, {r.uniform(-120, 150):.5f}",
    "flight": lambda r: (
        f"{r.choice(('TK', 'LH', 'AF', 'KL', 'BA', 'IB', 'LO', 'W6'))} {r.randint(100, 2999)}"
    ),
    "plain-url": lambda r: (
        f"https://{r.choice(_HOSTS)}/help/"
        f"{r.choice(('returns', 'faq', 'shipping', 'privacy'))}?lang="
        f"{r.choice(('de', 'en', 'tr', 'pl'))}"
    ),
    "quantity": lambda r: f"{r.randint(2, 48)} x {r.choice((250, 500, 750, 1000))} ml",
}

# Capitalised words where a name could stand, each in a sentence of its own.
NAMELIKE: tuple[tuple[str, str, str], ...] = (
    ("word", "May", "May I change the delivery address?"),
    ("word", "Will", "Will the refund go back to the same card?"),
    ("word", "Mark", "Mark this as urgent please."),
    ("word", "Bill", "Bill it to the company account, not my private one."),
    ("word", "Frank", "Frank question: why was I charged twice?"),
    ("word", "Hope", "Hope that makes sense."),
    ("word", "Grace", "Grace period ends soon, right?"),
    ("word", "Rose", "Rose gold or silver, which one is in stock?"),
    ("word", "Summer", "Summer sale prices still valid?"),
    ("word", "Art", "Art prints are excluded from the promotion?"),
    ("word", "Faith", "Faith in your delivery service is running low, honestly."),
    ("word", "Sunny", "Sunny weather so the courier has no excuse lol"),
    ("word-es", "Rosa", "Rosa o azul, me da igual."),
    ("word-es", "Luz", "Luz roja parpadeando en el router."),
    ("word-pt", "Graça", "Graça a vocês deu tudo certo."),
    ("word-tr", "Deniz", "Deniz manzaralı oda hâlâ müsait mi?"),
    ("word-tr", "Umut", "Umut ediyorum yarın gelir."),
    ("word-de", "Rechnung", "Rechnung habe ich nicht bekommen."),
    ("word-de", "Lieferung", "Lieferung kam beschädigt an."),
    ("word-de", "Kundennummer", "Kundennummer steht oben rechts."),
    ("word-de", "Frank", "Frank und frei: das war schlecht."),
    ("word-nl", "Roos", "Roos kleurig hoesje is uitverkocht?"),
    ("word-fr", "Rose", "Rose pâle ou bleu ciel ?"),
    ("weekday", "Monday", "Monday is fine for the technician."),
    ("weekday", "Friday", "Friday after 3 works for me."),
    ("weekday", "Montag", "Montag passt mir gut."),
    ("weekday", "Mittwoch", "Mittwoch bin ich nicht zu Hause."),
    ("weekday", "Lundi", "Lundi matin c'est possible ?"),
    ("weekday", "Martes", "Martes por la tarde estoy en casa."),
    ("weekday", "Pazartesi", "Pazartesi evde olacağım."),
    ("weekday", "Piątek", "Piątek mi pasuje."),
    ("month", "April", "April was the last payment I made."),
    ("month", "June", "June invoice is missing from the portal."),
    ("month", "August", "August is when the contract renews."),
    ("month", "Mayıs", "Mayıs ayında taşınıyorum."),
    ("month", "Juni", "Juni geht leider nicht."),
    ("brand", "Mercedes", "Mercedes dealership sent the papers already."),
    ("brand", "Zara", "Zara gift card can't be combined, I know."),
    ("brand", "Philips", "Philips support told me to ask you."),
    ("brand", "Vodafone", "Vodafone keeps calling me about this."),
    ("brand", "Migros", "Migros kartımla ödedim."),
    ("product", "Galaxy S24 Ultra", "Galaxy S24 Ultra arrived with a cracked screen."),
    ("product", "ThinkPad X1 Carbon", "ThinkPad X1 Carbon won't charge since the update."),
    ("product", "Kindle Paperwhite", "Kindle Paperwhite is stuck on the logo."),
    ("product", "AirPods Pro", "AirPods Pro case is missing from the box."),
    ("place", "Florence", "I'm flying in from Florence on the 3rd."),
    ("place", "Sofia", "We moved to Sofia last year."),
    ("place", "Victoria", "The parcel is stuck in Victoria depot."),
    ("place", "Charlotte", "Our office in Charlotte handles invoices."),
    ("place", "Nancy", "Je suis à Nancy jusqu'à vendredi."),
    ("place", "Lincoln", "The warehouse in Lincoln called me."),
    ("place", "Jordan", "I'm travelling from Jordan next week."),
    ("place", "Köln", "Ich ziehe nächsten Monat nach Köln."),
    ("place", "Porto", "Moro no Porto desde 2019."),
    ("place", "Sevilla", "Vivo en Sevilla, ¿hacen envíos allí?"),
    ("place", "Torino", "Abito a Torino, consegnate lì?"),
    ("place", "Lyon", "Je serai à Lyon la semaine prochaine."),
    ("place", "Gdańsk", "Paczka utknęła w sortowni Gdańsk od środy."),
    ("place", "Malmö", "Jag bor i Malmö numera."),
    ("place", "Eindhoven", "Ik woon in Eindhoven, kan het bezorgd worden?"),
    ("place", "Antalya", "Antalya'dan sipariş verdim."),
    ("place", "Adelaide", "Shipping to Adelaide takes how long?"),
)


@dataclass
class Ctx:
    rng: random.Random
    me: Someone
    lang: str  # the language the person writes in
    region: str
    phone: Phone
    mail: Put
    agent: Someone
    names: set[str] = field(default_factory=set)  # folded, lower: every name planted so far


@dataclass(frozen=True)
class Someone:
    lang: str
    first: str
    last: str


def someone(rng: random.Random, lang: str | None = None) -> Someone:
    lang = lang or rng.choice(tuple(NAMES))
    given, family = NAMES[lang]
    return Someone(lang, rng.choice(given), rng.choice(family))


def decoy(rng: random.Random) -> Put:
    cls = rng.choice(tuple(DECOYS))
    return Put("decoy", DECOYS[cls](rng), f"decoy/{cls}")


# --------------------------------------------------------------------------------------------
# Phrases in the languages people write in.

CUE_INTRO: dict[str, tuple[str, ...]] = {
    "en": (
        "my name is <n>",
        "this is <n>",
        "I'm <n>",
        "<n> here",
        "name's <n>",
        "it's <n> again",
        "hi, <n> speaking",
        "i am <n>",
    ),
    "de": (
        "ich heiße <n>",
        "mein Name ist <n>",
        "hier ist <n>",
        "hier spricht <n>",
        "ich bin <n>",
        "<n> am Apparat",
    ),
    "fr": (
        "je m'appelle <n>",
        "je suis <n>",
        "c'est <n>",
        "ici <n>",
        "moi c'est <n>",
        "<n> à l'appareil",
    ),
    "es": ("me llamo <n>", "mi nombre es <n>", "soy <n>", "le habla <n>", "habla <n>"),
    "it": ("mi chiamo <n>", "sono <n>", "il mio nome è <n>", "parla <n>", "qui è <n>"),
    "pt": ("meu nome é <n>", "me chamo <n>", "aqui é <n>", "o meu nome é <n>", "sou <n>"),
    "tr": ("ben <n>", "adım <n>", "benim adım <n>", "ismim <n>", "ben <n>, iyi günler"),
    "nl": ("ik ben <n>", "mijn naam is <n>", "met <n>", "u spreekt met <n>", "ik heet <n>"),
    "pl": ("nazywam się <n>", "mam na imię <n>", "z tej strony <n>", "tu <n>", "jestem <n>"),
    "sv": ("jag heter <n>", "det är <n>", "mitt namn är <n>", "hej, <n> här"),
    "no": ("jeg heter <n>", "mitt navn er <n>", "det er <n>", "hei, <n> her"),
    "cs": ("jmenuji se <n>", "tady <n>", "jsem <n>", "u telefonu <n>"),
    "ro": ("mă numesc <n>", "numele meu este <n>", "sunt <n>", "aici <n>"),
    "hu": ("<n> vagyok", "a nevem <n>", "<n> vagyok, jó napot"),
    "id": ("nama saya <n>", "saya <n>", "dengan <n> di sini", "perkenalkan, saya <n>"),
}
SIGNOFF: dict[str, tuple[str, ...]] = {
    "en": (
        "Best,\n<n>",
        "Cheers, <n>",
        "Thanks - <n>",
        "Regards\n<n>",
        "Kind regards,\n<n>",
        "ty, <n>",
    ),
    "de": ("Viele Grüße\n<n>", "LG <n>", "Mit freundlichen Grüßen,\n<n>", "Danke & Gruß, <n>"),
    "fr": ("Cordialement,\n<n>", "Bien à vous, <n>", "Merci, <n>", "Bonne journée\n<n>"),
    "es": ("Saludos, <n>", "Un saludo,\n<n>", "Atentamente, <n>", "Gracias!! <n>"),
    "it": ("Cordiali saluti,\n<n>", "Grazie mille, <n>", "Saluti\n<n>", "Un saluto, <n>"),
    "pt": ("Abraços, <n>", "Atenciosamente,\n<n>", "Obrigado, <n>", "Att, <n>"),
    "tr": ("Saygılarımla,\n<n>", "İyi çalışmalar, <n>", "Teşekkürler, <n>", "Kolay gelsin\n<n>"),
    "nl": ("Met vriendelijke groet,\n<n>", "Groetjes, <n>", "Gr. <n>", "Mvg\n<n>"),
    "pl": ("Pozdrawiam,\n<n>", "Z poważaniem, <n>", "Dzięki, <n>", "Pozdrawiam serdecznie\n<n>"),
    "sv": ("Mvh <n>", "Hälsningar,\n<n>", "Tack! /<n>"),
    "no": ("Med vennlig hilsen\n<n>", "Hilsen <n>", "Mvh <n>"),
    "cs": ("S pozdravem, <n>", "Díky, <n>", "S pozdravem\n<n>"),
    "ro": ("Cu stimă, <n>", "Mulțumesc, <n>", "O zi bună,\n<n>"),
    "hu": ("Üdvözlettel, <n>", "Köszönöm, <n>", "Üdv.\n<n>"),
    "id": ("Salam, <n>", "Terima kasih, <n>", "Hormat saya,\n<n>"),
}
GREET: dict[str, tuple[str, ...]] = {
    "en": ("Hi <n>,", "Hey <n>!", "Dear <n>,", "Good morning <n>,", "Thanks <n>,"),
    "de": ("Hallo <n>,", "Liebe/r <n>,", "Guten Tag <n>,", "Moin <n>,"),
    "fr": ("Bonjour <n>,", "Salut <n> !", "Chère/Cher <n>,", "Bonsoir <n>,"),
    "es": ("Hola <n>,", "Buenas tardes, <n>.", "Estimado/a <n>:"),
    "it": ("Ciao <n>,", "Buongiorno <n>,", "Gentile <n>,"),
    "pt": ("Olá <n>,", "Oi <n>!", "Bom dia, <n>.", "Prezado/a <n>,"),
    "tr": ("Merhaba <n>,", "Selam <n>!", "Sayın <n>,", "İyi günler <n>,"),
    "nl": ("Hoi <n>,", "Beste <n>,", "Dag <n>,"),
    "pl": ("Dzień dobry <n>,", "Cześć <n>!", "Witam <n>,"),
    "sv": ("Hej <n>!", "Hej <n>,"),
    "no": ("Hei <n>!", "Hei <n>,"),
    "cs": ("Dobrý den, <n>,", "Ahoj <n>!"),
    "ro": ("Bună ziua, <n>,", "Salut <n>!"),
    "hu": ("Kedves <n>!", "Szia <n>!"),
    "id": ("Halo <n>,", "Selamat pagi, <n>."),
}
RELATION: dict[str, tuple[str, ...]] = {
    "en": (
        "my colleague <n>",
        "my wife <n>",
        "my husband <n>",
        "my manager <n>",
        "my daughter <n>",
        "our accountant <n>",
        "my partner <n>",
    ),
    "de": (
        "meine Kollegin <n>",
        "mein Mann <n>",
        "meine Frau <n>",
        "unser Chef <n>",
        "mein Sohn <n>",
    ),
    "fr": ("ma collègue <n>", "mon mari <n>", "ma femme <n>", "mon fils <n>", "mon associé <n>"),
    "es": ("mi compañero <n>", "mi esposa <n>", "mi marido <n>", "mi jefe <n>", "mi hija <n>"),
    "it": ("la mia collega <n>", "mio marito <n>", "mia moglie <n>", "il mio capo <n>"),
    "pt": ("minha esposa <n>", "meu colega <n>", "meu marido <n>", "minha filha <n>"),
    "tr": ("eşim <n>", "iş arkadaşım <n>", "müdürüm <n>", "kızım <n>", "oğlum <n>"),
    "nl": ("mijn collega <n>", "mijn vrouw <n>", "mijn man <n>", "onze boekhouder <n>"),
    "pl": ("mój kolega <n>", "moja żona <n>", "mój mąż <n>", "moja szefowa <n>"),
    "sv": ("min kollega <n>", "min fru <n>", "min man <n>"),
    "no": ("kollegaen min <n>", "kona mi <n>", "mannen min <n>"),
    "cs": ("můj kolega <n>", "moje žena <n>", "můj manžel <n>"),
    "ro": ("colegul meu <n>", "soția mea <n>", "soțul meu <n>"),
    "hu": ("a kollégám, <n>", "a feleségem, <n>", "a férjem, <n>"),
    "id": ("rekan saya <n>", "istri saya <n>", "suami saya <n>"),
}
HANDOFF: dict[str, tuple[str, ...]] = {
    "en": (
        "<n> will take over from here.",
        "I'm handing you over to <n> now.",
        "<n> from our billing team will join shortly.",
    ),
    "de": ("<n> übernimmt ab jetzt.", "Ich verbinde Sie mit <n>."),
    "fr": ("<n> va prendre le relais.", "Je vous transfère à <n>."),
    "es": ("<n> continuará con su caso.", "Le paso con <n>."),
    "it": ("<n> prenderà in carico la richiesta.", "La passo a <n>."),
    "pt": ("<n> vai continuar o atendimento.", "Vou transferir para <n>."),
    "tr": ("<n> görüşmeyi devralacak.", "Sizi <n> ile bağlıyorum."),
    "nl": ("<n> neemt het gesprek over.", "Ik verbind u door met <n>."),
    "pl": ("<n> przejmie rozmowę.", "Przekazuję rozmowę do <n>, chwileczkę."),
    "sv": ("<n> tar över nu.",),
    "no": ("<n> tar over nå.",),
    "cs": ("<n> to od teď převezme.",),
    "ro": ("<n> va prelua conversația.",),
    "hu": ("<n> veszi át a beszélgetést.",),
    "id": ("<n> akan melanjutkan percakapan ini.",),
}
AGENT_INTRO: dict[str, tuple[str, ...]] = {
    "en": ("this is <n> speaking", "<n> from support here", "you're now chatting with <n>"),
    "de": ("hier spricht <n> vom Kundenservice", "mein Name ist <n>, ich helfe Ihnen gern"),
    "fr": ("<n> du service client à votre écoute", "je suis <n>, du support"),
    "es": ("le atiende <n>", "soy <n> del equipo de soporte"),
    "it": ("sono <n> dell'assistenza", "ti risponde <n>"),
    "pt": ("aqui quem fala é <n>", "sou <n>, do suporte"),
    "tr": ("müşteri hizmetlerinden <n> ben", "ben <n>, size yardımcı olacağım"),
    "nl": ("u spreekt met <n> van de klantenservice",),
    "pl": ("z tej strony <n> z obsługi",),
    "sv": ("du pratar med <n> på kundtjänst",),
    "no": ("du snakker med <n> i kundeservice",),
    "cs": ("tady <n> z podpory",),
    "ro": ("sunt <n> de la suport",),
    "hu": ("<n> vagyok az ügyfélszolgálattól",),
    "id": ("saya <n> dari layanan pelanggan",),
}
ASK_CONTACT: dict[str, tuple[str, ...]] = {
    "en": (
        "you can reach me on <p>",
        "call me at <p> pls",
        "my number: <p>",
        "mobile is <p>",
        "text me on <p> if easier",
    ),
    "de": (
        "Sie erreichen mich unter <p>",
        "meine Handynummer ist <p>",
        "Tel.: <p>",
        "bitte rufen Sie mich unter <p> zurück",
    ),
    "fr": ("vous pouvez me joindre au <p>", "mon portable : <p>", "rappelez-moi au <p>"),
    "es": ("mi número es <p>", "me pueden llamar al <p>", "tel: <p>"),
    "it": ("il mio numero è <p>", "chiamatemi al <p>", "cell. <p>"),
    "pt": ("meu telefone é <p>", "pode me ligar no <p>", "whats: <p>"),
    "tr": ("numaram <p>", "beni <p> numarasından arayabilirsiniz", "cep: <p>"),
    "nl": ("mijn nummer is <p>", "bel me op <p>", "tel <p>"),
    "pl": ("mój numer to <p>", "proszę dzwonić na <p>", "tel. <p>"),
    "sv": ("mitt nummer är <p>", "ring mig på <p>"),
    "no": ("nummeret mitt er <p>",),
    "cs": ("moje číslo je <p>", "volejte na <p>"),
    "ro": ("numărul meu este <p>",),
    "hu": ("a számom <p>", "hívjon a <p> számon"),
    "id": ("nomor saya <p>", "hubungi saya di <p>"),
}
ASK_MAIL: dict[str, tuple[str, ...]] = {
    "en": ("my email is <e>", "send it to <e> please", "e-mail: <e>", "use <e> instead"),
    "de": ("meine E-Mail ist <e>", "bitte an <e> schicken", "Mail: <e>"),
    "fr": ("mon e-mail : <e>", "envoyez-le à <e>", "mon adresse est <e>"),
    "es": ("mi correo es <e>", "envíenlo a <e>"),
    "it": ("la mia mail è <e>", "scrivetemi a <e>"),
    "pt": ("meu e-mail é <e>", "manda pra <e>"),
    "tr": ("mailim <e>", "e-posta adresim <e>"),
    "nl": ("mijn e-mail is <e>", "stuur het naar <e>"),
    "pl": ("mój e-mail to <e>", "mail: <e>"),
    "sv": ("min mejl är <e>",),
    "no": ("e-posten min er <e>",),
    "cs": ("můj e-mail je <e>",),
    "ro": ("emailul meu este <e>",),
    "hu": ("az e-mail címem <e>",),
    "id": ("email saya <e>",),
}
BODY: dict[str, tuple[str, ...]] = {
    "en": (
        "i can't log in since yesterday",
        "the parcel never arrived",
        "I was charged twice for one order",
        "need to change my delivery address",
        "the app keeps crashing on checkout",
        "how do i cancel the subscription??",
    ),
    "de": (
        "ich komme seit gestern nicht mehr rein",
        "das Paket ist nie angekommen",
        "mir wurde doppelt abgebucht",
        "ich möchte meine Adresse ändern",
    ),
    "fr": (
        "je n'arrive plus à me connecter",
        "le colis n'est jamais arrivé",
        "j'ai été débité deux fois",
    ),
    "es": ("no puedo entrar a mi cuenta", "el paquete no ha llegado", "me cobraron dos veces"),
    "it": (
        "non riesco ad accedere",
        "il pacco non è mai arrivato",
        "mi avete addebitato due volte",
    ),
    "pt": ("não consigo entrar na conta", "a encomenda não chegou", "fui cobrado duas vezes"),
    "tr": ("dünden beri giriş yapamıyorum", "kargo hâlâ gelmedi", "iki kere ücret alındı"),
    "nl": ("ik kan niet meer inloggen", "het pakket is nooit aangekomen", "ik ben dubbel belast"),
    "pl": ("nie mogę się zalogować", "paczka nie dotarła", "pobrano opłatę dwa razy"),
    "sv": ("jag kan inte logga in", "paketet har inte kommit"),
    "no": ("jeg får ikke logget inn", "pakken har ikke kommet"),
    "cs": ("nemůžu se přihlásit", "balík nedorazil"),
    "ro": ("nu mă pot autentifica", "coletul nu a ajuns"),
    "hu": ("nem tudok belépni", "a csomag nem érkezett meg"),
    "id": ("saya tidak bisa login", "paketnya belum sampai"),
}
NOISE = ("", "", "", " 🙏", " 😅", " pls", " !!", " ??", " 👍", " thx", " 🙂", "...")


def _cl(lang: str) -> str:
    return lang if lang in CUE_LANGS else "en"


# --------------------------------------------------------------------------------------------
# Names as written


def _case(rng: random.Random, s: str, form: str) -> str:
    if form == "lower":
        return s.lower()
    if form == "upper":
        return s.upper()
    if form == "folded":
        return fold(s)
    return s


def _form(rng: random.Random, *, casual: bool = False) -> str:
    r = rng.random()
    if casual and r < 0.3:
        return "lower"
    return "lower" if r < 0.08 else "upper" if r < 0.13 else "folded" if r < 0.25 else "as-is"


def name_run(
    ctx: Ctx, who: Someone, cls: str, spot: str, *, full: bool | None = None, form: str = ""
) -> list[str | Put]:
    """A person's name as a run of pieces: first (and last) as separate planted values."""
    rng = ctx.rng
    form = form or _form(rng)
    f, la = _case(rng, who.first, form), _case(rng, who.last, form)
    if full is None:
        full = rng.random() < 0.6
    pf = Put("name", f, cls, spot)
    ctx.names.add(fold(f).lower())
    if not full:
        return [pf]
    pl = Put("name", la, cls, spot)
    ctx.names.add(fold(la).lower())
    if who.lang in FAMILY_FIRST and rng.random() < 0.5:
        return [pl, " ", pf]
    if rng.random() < 0.05:
        return [pl, ", ", pf]
    return [pf, " ", pl]


# --------------------------------------------------------------------------------------------
# Templates: each returns (doc, where).


def _decoy_sentence(ctx: Ctx) -> list[str | Put]:
    rng = ctx.rng
    if rng.random() < 0.35:
        cls, word, sentence = rng.choice(NAMELIKE)
        i = sentence.index(word)
        return [sentence[:i], Put("decoy", word, f"decoy/{cls}"), sentence[i + len(word) :]]
    tpl = rng.choice(DECOY_LINES)
    d = Doc()
    fill(d, tpl, **{k: dec(rng, k) for k in _SLOT.findall(tpl)})
    return list(_pieces(d))


def dec(rng: random.Random, cls: str, spot: str = "inline") -> Put:
    return Put("decoy", DECOYS[cls](rng), f"decoy/{cls}", spot)


# Sentences around decoys; a slot names the decoy class it takes.
DECOY_LINES = (
    "Order <order> was charged <price> on <date>.",
    "Bestellung <order> vom <date>, Betrag <price>.",
    "Commande <order> du <date> : <price>.",
    "Sipariş no: <order>, tutar <price>",
    "Pedido <order> del <date>, total <price>.",
    "Zamówienie <order>, kwota <price>.",
    "Factuur <invoice> van <date>",
    "Invoice <invoice> is still open (<price>).",
    "Rechnung <invoice>, fällig am <date>",
    "ticket <ticket> - any news?",
    "my case number is <ticket>",
    "booking ref <booking>, flight <flight> at <time>",
    "Buchungscode <booking>, Abflug <time>",
    "tracking: <tracking>",
    "Sendungsnummer <tracking>, seit <date> unterwegs",
    "kargo takip no <tracking>",
    "app version <version>, build hash <hash>",
    "Running <version> (commit <hash>)",
    "request id <uuid>",
    "item <sku>, EAN <ean>, qty <quantity>",
    "Artikel <sku> ist nicht lieferbar",
    "postcode <postal>",
    "PLZ <postal>, Lieferung am <date> zwischen <time> und 18:00",
    "Kundennummer <luhn-fail>",
    "customer no. <luhn-fail>, contract <invoice>",
    "the IBAN on the letter, <iban-bad>, is not mine",
    "paid with my card <card-last4>",
    "pick-up point at <coordinates>",
    "see <plain-url>",
    "Teslimat <date> <time> arası",
    "<date>: still nothing arrived",
    "<tracking> is the tracking number",
    "<price> for a phone case?? really",
    "Entrega prevista: <date>",
)


def _pieces(d: Doc) -> list[str | Put]:
    out: list[str | Put] = []
    at = 0
    for a, b, p in d.spans:
        out.append(d.text[at:a])
        out.append(p)
        at = b
    out.append(d.text[at:])
    return out


def _phone_pieces(ph: Phone, spot: str) -> list[str | Put]:
    out: list[str | Put] = []
    pre = "tel:" if ph.cls.endswith("-tel") else ""
    out += [pre, Put("phone", ph.written, ph.cls, spot)]
    if ph.ext:
        out.append(ph.ext)
    return out


def _mail_pieces(
    rng: random.Random, m: Put, spot: str, display: list[str | Put] | None = None
) -> list[str | Put]:
    p = Put(m.kind, m.value, m.cls, spot)
    r = rng.random()
    if display is not None:
        return ['"', *display, '" <', p, ">"] if r < 0.5 else [*display, " <", p, ">"]
    if r < 0.12:
        return ["mailto:", p]
    if r < 0.25:
        return ["<", p, ">"]
    if r < 0.3:
        return ["[", p, "](mailto:", Put(m.kind, m.value, m.cls, "markdown"), ")"]
    return [p]


HELLO: dict[str, tuple[str, ...]] = {
    "en": ("hi, ", "Hello! ", "hey ", "Hi there. "),
    "de": ("Hallo, ", "Guten Tag, ", "Moin, "),
    "fr": ("Bonjour, ", "Bonsoir, "),
    "es": ("Hola, ", "Buenos días, "),
    "it": ("Ciao, ", "Buongiorno, "),
    "pt": ("Olá, ", "Oi, ", "Bom dia! "),
    "tr": ("Merhaba, ", "Selam, ", "İyi günler, "),
    "nl": ("Hoi, ", "Goedemiddag, "),
    "pl": ("Dzień dobry, ", "Cześć, "),
    "sv": ("Hej, ",),
    "no": ("Hei, ",),
    "cs": ("Dobrý den, ",),
    "ro": ("Bună ziua, ",),
    "hu": ("Jó napot, ", "Szia, "),
    "id": ("Halo, ", "Selamat siang, "),
}


def t_intro(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    casual = rng.random() < 0.4
    cue = rng.choice(CUE_INTRO[lang])
    d = Doc()
    hello = rng.choice(("", "", *HELLO[lang]))
    run = name_run(ctx, ctx.me, f"name/cue-{lang}", "after-cue", form=_form(rng, casual=casual))
    intro = Doc()
    fill(intro, cue, n=run)
    pieces = _pieces(intro)
    if not hello and isinstance(pieces[0], str) and pieces[0]:
        pieces[0] = pieces[0][0].upper() + pieces[0][1:]
    d.add(hello, *pieces, rng.choice((". ", ", ", " - ", "! ")), rng.choice(BODY[lang]))
    if rng.random() < 0.4:
        d.add(rng.choice(NOISE))
    if rng.random() < 0.35:
        d.add(". ")
        fill(d, rng.choice(ASK_CONTACT[lang]), p=_phone_pieces(ctx.phone, "inline"))
    return d, "message:user"


def t_contact(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    d = Doc()
    items: list[list[str | Put]] = []
    ph = ctx.phone if rng.random() < 0.6 else a_phone(rng, ctx.region, own=True)
    spot = rng.choice(("inline", "line-start", "after-punct"))
    if spot == "line-start":
        items.append([*_phone_pieces(ph, spot), rng.choice((" is my number", " (mobile)", ""))])
    elif spot == "after-punct":
        punct = "(" if ph.cls.endswith("-tel") else rng.choice(("Tel.:", "Phone:", "(", "GSM/"))
        items.append([punct, *_phone_pieces(ph, spot), ")" if punct == "(" else ""])
    else:
        x = Doc()
        fill(x, rng.choice(ASK_CONTACT[lang]), p=_phone_pieces(ph, spot))
        items.append(_pieces(x))
    if rng.random() < 0.6:
        where = rng.choice(("inline", "inline", "line-start", "after-punct"))
        m = Put("email", ctx.mail.value, ctx.mail.cls, where)
        if where == "line-start":
            items.append([m, rng.choice((" is my email", " (private)", "", " <- mail"))])
        elif where == "after-punct":
            items.append([rng.choice(("E-Mail:", "mail:", "(", "e-posta:", "courriel:")), m])
            items[-1].append(")" if items[-1][0] == "(" else "")
        else:
            x = Doc()
            fill(x, rng.choice(ASK_MAIL[lang]), e=_mail_pieces(rng, ctx.mail, "inline"))
            items.append(_pieces(x))
    if rng.random() < 0.3:
        items.append(_decoy_sentence(ctx))
    rng.shuffle(items)
    starts = any(isinstance(p, Put) and p.spot == "line-start" for it in items for p in it)
    sep = "\n" if starts else rng.choice(("\n", ". ", " / ", ", "))
    for i, it in enumerate(items):
        if i:
            d.add(sep)
        d.add(*it)
    d.add(rng.choice(NOISE))
    return d, "message:user"


PAY: dict[str, tuple[str, ...]] = {
    "en": (
        "please refund to <v>",
        "card: <v>",
        "my IBAN is <v>",
        "charged on <v> twice",
        "use <v> for the payment",
    ),
    "de": ("bitte auf <v> überweisen", "meine IBAN lautet <v>", "Karte <v> wurde belastet"),
    "fr": ("mon IBAN : <v>", "remboursez sur <v> svp", "carte n° <v>"),
    "es": ("mi IBAN es <v>", "devuélvanlo a <v>", "tarjeta <v>"),
    "it": ("il mio IBAN è <v>", "rimborso su <v>", "carta <v>"),
    "pt": ("meu IBAN é <v>", "cartão <v>", "reembolso para <v>"),
    "tr": ("IBAN: <v>", "iadeyi <v> hesabına yapın", "kart numaram <v>"),
    "nl": ("mijn IBAN is <v>", "graag terugstorten op <v>"),
    "pl": ("numer konta: <v>", "karta <v>"),
}


def t_payment(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    lang = ctx.lang if ctx.lang in PAY else "en"
    d = Doc()
    vals = [a_card(rng) if rng.random() < 0.5 else a_iban(rng)]
    if rng.random() < 0.3:
        vals.append(a_iban(rng) if vals[0].kind == "card" else a_card(rng))
    for i, v in enumerate(vals):
        spot = rng.choice(("inline", "inline", "line-start", "after-punct"))
        pv = Put(v.kind, v.value, v.cls, spot)
        if i:
            d.add("\n" if spot == "line-start" else rng.choice(("\n", "; ", " - also ")))
        if spot == "line-start":
            d.add(pv, rng.choice((" <- this one", "", " (old)")))
        elif spot == "after-punct":
            d.add(
                rng.choice(("IBAN:", "Karte:", "card#", "(")), pv, ")" if rng.random() < 0.5 else ""
            )
        else:
            fill(d, rng.choice(PAY[lang]), v=pv)
        if v.kind == "card" and rng.random() < 0.5:
            d.add(f" exp {rng.randint(1, 12):02d}/{rng.randint(26, 31)}")
    if rng.random() < 0.5:
        d.add(". ", *_decoy_sentence(ctx))
    return d, "message:user"


TITLES = (
    "Head of Procurement",
    "Einkauf",
    "Responsable RH",
    "Jefe de Ventas",
    "Sales Manager",
    "Muhasebe Müdürü",
    "Office Manager",
    "Teamleiter IT",
    "Inhaber",
    "Freelancer",
    "CFO",
)


def t_signature(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    d = Doc().add(rng.choice(BODY[lang]), rng.choice((".", "", "!")), "\n\n")
    org = rng.choice(_ORGS).split(".")[0].replace("-", " ").title()
    form = rng.choice(("as-is", "as-is", "upper", "folded"))
    if rng.random() < 0.4:  # one line: "Name Surname, +55 ..."
        run = name_run(ctx, ctx.me, "name/signature-line", "line-start", full=True, form=form)
        d.add(*run, rng.choice((", ", " | ", " - ", " · ")), *_phone_pieces(ctx.phone, "signature"))
        return d, "message:user"
    d.add(rng.choice(("--\n", "-- \n", "", "___\n")))
    d.add(*name_run(ctx, ctx.me, "name/signature", "signature", full=True, form=form), "\n")
    d.add(rng.choice(TITLES), rng.choice((" | ", "\n", ", ")), org, "\n")
    if rng.random() < 0.3:  # an office address: street, postal code, city
        d.add(
            rng.choice(("Hauptstraße 12, ", "Rue de la Paix 4, ", "Atatürk Cad. No:7, ")),
            dec(rng, "postal", "signature"),
            rng.choice((" Berlin", " Paris", " İzmir")),
            "\n",
        )
    lines: list[list[str | Put]] = [
        [rng.choice(("", "M: ", "Mob. ", "T ", "📞 ")), *_phone_pieces(ctx.phone, "signature")],
        [rng.choice(("", "E: ", "✉ ")), Put("email", ctx.mail.value, ctx.mail.cls, "signature")],
    ]
    rng.shuffle(lines)
    for ln in lines[: rng.randint(1, 2)]:
        d.add(*ln, "\n")
    if rng.random() < 0.3:
        d.add(
            rng.choice(
                (
                    "Sent from my iPhone",
                    "Von meinem Samsung gesendet",
                    "Enviado do meu celular",
                    "iPhone'umdan gönderildi",
                )
            )
        )
    return d, "message:user"


def t_signoff(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    d = Doc().add(rng.choice(BODY[lang]), rng.choice((". ", ".\n", "\n\n")))
    if rng.random() < 0.3:
        d.add(*_decoy_sentence(ctx), "\n")
    fill(
        d,
        rng.choice(SIGNOFF[lang]),
        n=name_run(ctx, ctx.me, f"name/signoff-{lang}", "signature", full=rng.random() < 0.4),
    )
    return d, "message:user"


THIRD_DO: dict[str, tuple[str, ...]] = {
    "en": (
        "<r> will bring the documents",
        "<r> paid it with <v>",
        "<r> can be reached on <v>",
        "please add <r> (<v>) to the account",
        "<r> has the receipt",
    ),
    "de": (
        "<r> bringt die Unterlagen vorbei",
        "<r> hat mit <v> bezahlt",
        "<r> ist unter <v> erreichbar",
    ),
    "fr": ("<r> a payé avec <v>", "<r> est joignable au <v>", "<r> a le reçu"),
    "es": ("<r> pagó con <v>", "<r> tiene el recibo", "pueden llamar a <r> al <v>"),
    "it": ("<r> ha pagato con <v>", "<r> ha la ricevuta", "<r> risponde al <v>"),
    "pt": ("<r> pagou com <v>", "<r> está com o recibo", "liguem para <r> no <v>"),
    "tr": ("<r> <v> ile ödedi", "<r> faturayı getirecek", "<r> şu numarada: <v>"),
    "nl": ("<r> heeft betaald met <v>", "<r> is bereikbaar op <v>"),
    "pl": ("<r> zapłacił kartą <v>", "<r> ma paragon", "<r> jest pod numerem <v>"),
}


def t_relation(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    other = _other(ctx)
    rel = Doc()
    fill(
        rel,
        rng.choice(RELATION[lang]),
        n=name_run(ctx, other, f"name/relation-{lang}", "after-cue"),
    )
    tpl = rng.choice(THIRD_DO.get(lang, THIRD_DO["en"]))
    v: list[str | Put] = []
    if "<v>" in tpl:
        if re.search(r"paid|bezahlt|payé|pag|ödedi|betaald|zapłacił", tpl):
            v = [a_card(rng)]
        elif "(" in tpl:
            v = _mail_pieces(rng, an_email(rng, other.lang, other.first, other.last), "inline")
        else:
            v = _phone_pieces(a_phone(rng, ctx.region), "inline")
    d = Doc()
    fill(d, tpl, r=_pieces(rel), v=v)
    d.add(rng.choice((".", "", " 🙏", "!")))
    if rng.random() < 0.3:
        d.add(" ", *_decoy_sentence(ctx))
    return d, "message:user"


def _other(ctx: Ctx) -> Someone:
    for _ in range(50):
        o = someone(ctx.rng, ctx.me.lang if ctx.rng.random() < 0.5 else None)
        if not _clash(o, ctx.me) and not _clash(o, ctx.agent):
            return o
    return someone(ctx.rng, "ja")


def _clash(a: Someone, b: Someone) -> bool:
    xs = {fold(a.first).lower(), fold(a.last).lower()}
    ys = {fold(b.first).lower(), fold(b.last).lower()}
    return any(x in y or y in x for x in xs for y in ys if x and y)


def t_third(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    o = _other(ctx)
    run = name_run(ctx, o, "name/third-party", "line-start", full=rng.random() < 0.7)
    tpl = rng.choice(
        (
            "<n> approved it yesterday",
            "<n> said the invoice was wrong",
            "<n> from accounting has the details",
            "<n>'s order never arrived",
            "<n> (<e>) should get a copy",
        )
    )
    d = Doc()
    e = _mail_pieces(rng, an_email(rng, o.lang, o.first, o.last), "inline")
    if rng.random() < 0.5:
        d.add(rng.choice(("btw ", "Also, ", "fyi: ", "and ")))
        run = [Put(p.kind, p.value, p.cls, "inline") if isinstance(p, Put) else p for p in run]
    fill(d, tpl, n=run, e=e)
    return d, "message:user"


def t_meeting(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    people = [_other(ctx) for _ in range(rng.randint(2, 4))]
    for i, p in enumerate(people):
        for q in people[:i]:
            if _clash(p, q):
                people[i] = someone(rng, "ko")
    d = Doc()
    style = rng.choice(("attendees", "cc", "list"))
    if style == "cc":
        d.add(rng.choice(("please cc ", "cc: ", "CC: ", "Cc ")))
        for i, p in enumerate(people):
            if i:
                d.add(", ")
            run = name_run(ctx, p, "name/cc", "after-punct", full=True)
            if rng.random() < 0.6:
                d.add(*_mail_pieces(rng, an_email(rng, p.lang, p.first, p.last), "inline", run))
            else:
                d.add(*run)
    elif style == "attendees":
        d.add(rng.choice(("Attendees: ", "Teilnehmer: ", "Participants : ", "Katılımcılar: ")))
        for i, p in enumerate(people):
            if i:
                d.add(rng.choice((", ", "; ", " & ")))
            d.add(*name_run(ctx, p, "name/attendees", "after-punct"))
        d.add(
            "\n",
            rng.choice(("Time: ", "Zeit: ", "Heure : ")),
            Put("decoy", _time(rng), "decoy/time"),
        )
    else:
        d.add(rng.choice(("who needs access:\n", "Contacts\n", "**Team**\n")))
        for p in people:
            d.add(
                rng.choice(("- ", "* ", "• ", "1. ")),
                *name_run(ctx, p, "name/list", "line-start", full=True),
                rng.choice((" (finance)", "", " - admin", "")),
                "\n",
            )
    return d, "message:user"


def t_quoted(ctx: Ctx) -> tuple[Doc, str]:
    """A reply quoting the person's own earlier mail: the quote header names them."""
    rng, lang = ctx.rng, _cl(ctx.lang)
    d = Doc().add(
        rng.choice(
            (
                "see below, still not fixed",
                "any update??",
                "Bitte um Antwort.",
                "Relance :",
                "still waiting",
            )
        ),
        "\n\n",
    )
    run = name_run(ctx, ctx.me, "name/quoted-header", "quoted", full=True)
    mail = Put("email", ctx.mail.value, ctx.mail.cls, "quoted")
    r = rng.random()
    who: list[str | Put] = (
        ['"', *run, '" <', mail, ">"] if r < 0.3 else [*run, " <", mail, ">"] if r < 0.7 else run
    )
    hdr = rng.choice(
        (
            "> On <d>, <w> wrote:",
            "> Am <d> schrieb <w>:",
            "> Le <d>, <w> a écrit :",
            "> El <d>, <w> escribió:",
            "On <d> <w> wrote:\n>",
        )
    )
    fill(d, hdr, d=Put("decoy", _date(rng), "decoy/date"), w=who)
    x = Doc()
    fill(x, rng.choice(ASK_CONTACT[lang]), p=_phone_pieces(ctx.phone, "quoted"))
    d.add("\n> ", *_pieces(x), "\n> ", *_decoy_sentence(ctx))
    return d, "message:user"


def t_markdown(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    d = Doc()
    if rng.random() < 0.5:
        d.add(
            rng.choice(("**Name:** ", "**Ad Soyad:** ", "*Nom* : ", "- Name: ")),
            *name_run(ctx, ctx.me, "name/form", "markdown", full=True),
            "\n",
        )
        d.add(
            rng.choice(("**Phone:** ", "**Telefon:** ", "- Tel: ")),
            *_phone_pieces(ctx.phone, "markdown"),
            "\n",
        )
        d.add(
            rng.choice(("**Email:** ", "- E-Mail: ")),
            Put("email", ctx.mail.value, ctx.mail.cls, "markdown"),
            "\n",
        )
        if rng.random() < 0.5:
            d.add("**Order:** ", dec(rng, "order", "markdown"), "\n")
        return d, "message:user"
    d.add("| name | phone | note |\n|---|---|---|\n")
    for _ in range(rng.randint(1, 3)):
        o = _other(ctx)
        d.add(
            "| ",
            *name_run(ctx, o, "name/table", "markdown", full=True),
            " | ",
            *_phone_pieces(a_phone(rng), "markdown"),
            " | ",
            dec(rng, rng.choice(("ticket", "date", "price", "postal")), "markdown"),
            " |\n",
        )
    return d, "message:user"


def t_tech(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    d = Doc()
    r = rng.random()
    if r < 0.5:
        pre, sec, rest, _ = url_secret(rng)
        sec = Put(sec.kind, sec.value, sec.cls, "in-url")
        tpl = rng.choice(
            (
                "this link fails: <u>",
                "curl -s '<u>' returns 403",
                "download here <u> (expires tomorrow)",
                "<u>",
                '"webhook": "<u>"',
                "[report](<u>)",
                "Link: <u> — kaputt?",
            )
        )
        fill(d, tpl, u=[pre, sec, rest])
    if r >= 0.35:
        if d.size:
            d.add(rng.choice(("\n", ". ", " and ")))
        before, ip, after = an_ip(rng)
        ip = Put(ip.kind, ip.value, ip.cls, "in-url" if "//" in before else "inline")
        tpl = rng.choice(
            (
                "my IP is <i>",
                "blocked from <i>",
                "X-Forwarded-For: <i>",
                "client=<i> status=403",
                "<i> is the office address",
                "Meine IP: <i>",
                "IP adresim <i>",
                "ssh from <i> fails",
            )
        )
        fill(d, tpl, i=[before, ip, after])
    if rng.random() < 0.4:
        d.add(
            "\n",
            Put("decoy", DECOYS["version"](rng), "decoy/version"),
            " ",
            Put("decoy", DECOYS["hash"](rng), "decoy/hash"),
        )
    return d, "message:user"


def t_decoys(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    d = Doc()
    for i in range(rng.randint(1, 3)):
        if i:
            d.add(rng.choice((" ", "\n", " - ")))
        d.add(*_decoy_sentence(ctx))
    return d, rng.choice(("message:user", "message:user", "message:bot", "message:agent"))


def t_chatter(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    if ctx.lang != "en":
        return t_intro(ctx)
    d = Doc()
    run = name_run(ctx, ctx.me, "name/cue-en", "after-cue", full=False, form="lower")
    tpl = rng.choice(
        (
            "ok thx its <n> again lol",
            "its <n> again 😅 same problem",
            "hiii <n> here, any news?",
            "yo its <n>, the code didnt work",
        )
    )
    fill(d, tpl, n=run)
    return d, "message:user"


BOT_GREET = {
    "en": "Welcome back, <n>! How can I help today?",
    "de": "Willkommen zurück, <n>! Wie kann ich helfen?",
    "fr": "Bonjour <n> ! Comment puis-je vous aider ?",
    "es": "¡Hola, <n>! ¿En qué puedo ayudarte?",
    "it": "Ciao <n>! Come posso aiutarti?",
    "pt": "Olá, <n>! Como posso ajudar?",
    "tr": "Tekrar hoş geldiniz <n>! Size nasıl yardımcı olabilirim?",
    "nl": "Welkom terug, <n>! Waarmee kan ik helpen?",
    "pl": "Witaj ponownie, <n>! W czym mogę pomóc?",
}
BOT_ECHO = {
    "en": "Thanks! We'll call you at <p> and send the receipt to <e>.",
    "de": "Danke! Wir rufen Sie unter <p> an und senden die Quittung an <e>.",
    "fr": "Merci ! Nous vous appellerons au <p> et enverrons le reçu à <e>.",
    "es": "¡Gracias! Le llamaremos al <p> y enviaremos el recibo a <e>.",
    "tr": "Teşekkürler! Sizi <p> numarasından arayacağız, makbuz <e> adresine gidecek.",
    "pt": "Obrigado! Vamos ligar para <p> e enviar o recibo para <e>.",
}


def t_bot(ctx: Ctx) -> tuple[Doc, str]:
    rng = ctx.rng
    d = Doc()
    if rng.random() < 0.5:
        tpl = BOT_GREET.get(ctx.lang, BOT_GREET["en"])
        form = "upper" if rng.random() < 0.1 else "as-is"
        fill(d, tpl, n=name_run(ctx, ctx.me, "name/bot-greet", "inline", form=form))
    else:
        tpl = BOT_ECHO.get(ctx.lang, BOT_ECHO["en"])
        fill(
            d,
            tpl,
            p=_phone_pieces(ctx.phone, "inline"),
            e=[Put("email", ctx.mail.value, ctx.mail.cls, "inline")],
        )
    return d, "message:bot"


_SENT = "@@{}@@"


def t_bot_json(ctx: Ctx) -> tuple[Doc, str]:
    """A bot's JSON template; values are written as JSON writes them (maybe escaped)."""
    rng = ctx.rng
    puts: list[Put] = []

    def slot(p: Put) -> str:
        puts.append(p)
        return _SENT.format(len(puts) - 1)

    first = ctx.me.first if rng.random() < 0.8 else ctx.me.first.upper()
    pf = Put("name", first, "name/json", "json")
    pl = Put("name", ctx.me.last, "name/json", "json")
    ctx.names.update({fold(first).lower(), fold(ctx.me.last).lower()})
    greet = {"de": "Danke", "fr": "Merci", "tr": "Teşekkürler", "es": "Gracias"}.get(
        ctx.lang, "Thanks"
    )
    obj: dict[str, Any] = {
        "type": "template",
        "payload": {
            "template_type": rng.choice(("button", "form", "quick_replies")),
            "text": f"{greet}, {slot(pf)}! ✅",
            "elements": [
                {"label": "Name", "value": f"{slot(pf)} {slot(pl)}"},
                {
                    "label": "Phone",
                    "value": slot(Put("phone", ctx.phone.written, ctx.phone.cls, "json")),
                },
            ],
        },
    }
    if rng.random() < 0.6:
        obj["payload"]["elements"].append(
            {"label": "E-mail", "value": slot(Put("email", ctx.mail.value, ctx.mail.cls, "json"))}
        )
    if rng.random() < 0.4:
        pre, sec, rest, _ = url_secret(rng)
        obj["payload"]["buttons"] = [
            {"type": "web_url", "title": "Open", "url": f"{pre}{slot(sec)}{rest}"}
        ]
    if rng.random() < 0.5:
        obj["payload"]["order"] = {
            "id": slot(dec(rng, "order", "json")),
            "total": slot(dec(rng, "price", "json")),
            "eta": slot(dec(rng, "date", "json")),
        }
    ascii_only = rng.random() < 0.5
    slash = rng.random() < 0.3
    raw = json.dumps(obj, ensure_ascii=ascii_only, indent=rng.choice((None, 2)))
    d = Doc()
    for i, part in enumerate(re.split(r"@@(\d+)@@", raw)):
        if i % 2 == 0:
            d.add(part.replace("/", "\\/") if slash else part)
        else:
            p = puts[int(part)]
            v = json.dumps(p.value, ensure_ascii=ascii_only)[1:-1]
            if slash:
                v = v.replace("/", "\\/")
            cls = p.cls + "-escaped" if v != p.value and p.kind == "name" else p.cls
            d.add(Put(p.kind, v, cls, "json"))
    return d, "message:bot"


def t_handoff(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    lang = lang if lang in HANDOFF else "en"
    d = Doc()
    fill(
        d,
        rng.choice(HANDOFF[lang]),
        n=name_run(ctx, ctx.agent, f"name/handoff-{lang}", "inline", form="as-is"),
    )
    return d, "message:bot"


def t_agent(ctx: Ctx) -> tuple[Doc, str]:
    rng, lang = ctx.rng, _cl(ctx.lang)
    d = Doc()
    greet = rng.choice(GREET[lang])
    fill(
        d,
        greet,
        n=name_run(ctx, ctx.me, f"name/greet-{lang}", "after-cue", full=False, form="as-is"),
    )
    d.add(" ")
    fill(
        d,
        rng.choice(AGENT_INTRO[lang]),
        n=name_run(ctx, ctx.agent, f"name/agent-{lang}", "after-cue", form="as-is"),
    )
    d.add(". ")
    if rng.random() < 0.5:
        d.add(
            {"de": "Ich sehe die Nummer ", "fr": "Je vois le numéro ", "tr": "Kayıtlı numara "}.get(
                ctx.lang, "I see the number "
            ),
            *_phone_pieces(ctx.phone, "inline"),
            {"de": " – stimmt das?", "fr": " – c'est bien ça ?", "tr": " - doğru mu?"}.get(
                ctx.lang, " on file, correct?"
            ),
        )
    else:
        d.add(*_decoy_sentence(ctx))
    if rng.random() < 0.5:
        d.add(
            "\n",
            rng.choice(("— ", "/", "^", "")),
            *name_run(ctx, ctx.agent, "name/agent-signoff", "signature", full=False, form="as-is"),
        )
    return d, "message:agent"


RAW_FIELDS = {
    "peki": ("summary", "subject"),
    "kore": ("session_tags", "notes"),
    "selise": ("feedback", "notes", "tags"),
}


def t_raw(ctx: Ctx, fld: str) -> tuple[Doc, str]:
    """A free-text field of the session record (one text per field)."""
    rng = ctx.rng
    d = Doc()
    if fld in ("tags", "session_tags"):
        d.add(rng.choice(("vip", "callback", "lang:" + ctx.lang)), ", ")
        d.add("callback:", *_phone_pieces(ctx.phone, "raw"), ", ")
        d.add(
            "contact=",
            *name_run(
                ctx, ctx.me, "name/raw-tag", "raw", full=False, form=rng.choice(("as-is", "lower"))
            ),
        )
        return d, f"raw:{fld}"
    if fld == "feedback":
        fill(
            d,
            rng.choice(
                (
                    "<a> was really helpful, thanks!",
                    "great service by <a> 👍",
                    "<a> çok yardımcı oldu",
                    "<a> war super freundlich",
                    "slow, but <a> solved it. you can call me on <p>",
                )
            ),
            a=name_run(ctx, ctx.agent, "name/raw-feedback", "raw", full=False, form="as-is"),
            p=_phone_pieces(ctx.phone, "raw"),
        )
        return d, f"raw:{fld}"
    tpl = rng.choice(
        (
            "Customer <n> (<e>) wants the refund moved to <v>; callback <p>.",
            "User <n> reported failed login from <i>. Contact: <e>.",
            "Kunde <n> bittet um Rückruf unter <p>. Betrag <price>.",
            "<n> asked to change phone to <p>, order <order>",
            "müşteri <n>, iade <v> hesabına; tel <p>",
        )
    )
    vals = {
        "v": [a_iban(rng) if rng.random() < 0.6 else a_card(rng)],
        "i": [an_ip(rng)[1]],
        "price": [dec(rng, "price", "raw")],
        "order": [dec(rng, "order", "raw")],
    }
    fill(
        d,
        tpl,
        n=name_run(ctx, ctx.me, "name/raw-note", "raw", full=True),
        e=[Put("email", ctx.mail.value, ctx.mail.cls, "raw")],
        p=_phone_pieces(ctx.phone, "raw"),
        **vals,
    )
    return d, f"raw:{fld}"


Template = Callable[[Ctx], tuple[Doc, str]]
USER: tuple[Template, ...] = (
    t_payment,
    t_tech,
    t_contact,
    t_payment,
    t_signature,
    t_signoff,
    t_relation,
    t_third,
    t_meeting,
    t_quoted,
    t_markdown,
    t_tech,
    t_decoys,
    t_chatter,
)
OTHER: tuple[Template, ...] = (t_bot, t_bot_json, t_handoff, t_agent, t_decoys)
PLATFORMS = ("peki", "kore", "selise")


# --------------------------------------------------------------------------------------------
# Conversations


def _profile(
    rng: random.Random,
    platform: str,
    me: Someone,
    mail: Put,
    phone: Phone,
    texts: list[Text6],
    ip: str,
    lang: str,
) -> dict[str, Any]:
    """The record a platform sends with the person's values; shapes per the platforms' docs."""
    e164 = phone.e164
    if platform == "peki":
        out: dict[str, Any] = {
            "chatbotId": "bot-" + _rand(rng, 6, string.ascii_lowercase),
            "firstName": me.first,
            "lastName": me.last,
            "email": mail.value,
            "username": _local_name(me.first) + str(rng.randint(1, 999)),
            "source": rng.choice(("Dev", "Widget", "WhatsApp")),
            "dataDictionary": {"city": rng.choice(("Istanbul", "Lyon", "Porto", "Kraków"))},
            "createdAt": "2025-05-30T08:00:00Z",
            "updatedAt": "2025-06-01T09:00:00Z",
        }
        if rng.random() < 0.75:
            out["phoneNumber"] = e164
        return out
    if platform == "kore":
        tags = [
            {"name": "fullName", "value": f"{me.first} {me.last}"},
            {"name": "email", "value": mail.value},
            {"name": "phone", "value": e164},
        ]
        rng.shuffle(tags)
        if rng.random() < 0.2:  # a bot that sets no user tags
            tags = []
        notes = [
            {"name": t.where.split(":")[1], "value": t.text}
            for t in texts
            if t.where.startswith("raw")
        ]
        return {
            "botId": "st-" + _rand(rng, 8, string.hexdigits.lower()),
            "channel": "rtm",
            "start_time": "2025-06-01T09:00:00.000Z",
            "end_time": "2025-06-01T09:12:31.000Z",
            "session_lang": [lang],
            "sessionType": "interactive",
            "containmentType": rng.choice(("selfService", "agent", "dropOff")),
            "tags": {"userTags": tags, "sessionTags": notes},
            "channels": [
                {
                    "type": "rtm",
                    "channelUId": mail.value
                    if rng.random() < 0.5
                    else "u-" + str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                }
            ],
            "noOfMessagesExchanged": len(texts),
        }
    out = {
        "agent_id": "ag_" + _rand(rng, 8),
        "widget_id": "w_" + _rand(rng, 6),
        "status": rng.choice(("closed", "idle", "active")),
        "created_at": "2025-06-01T09:00:00Z",
        "updated_at": "2025-06-01T09:20:00Z",
        "user_info": {
            "name": f"{me.first} {me.last}",
            "email": mail.value,
            "phone": e164,
            "location": rng.choice(("Ankara, TR", "Berlin, DE", "São Paulo, BR")),
        },
        "ip_address": ip,
        "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
        "metadata": {"source": "widget", "device": rng.choice(("desktop", "mobile"))},
        "rating": rng.randint(1, 5),
    }
    for t in texts:
        if t.where.startswith("raw"):
            out[t.where.split(":")[1]] = t.text
    return out


_WORDISH = re.compile(r"[^\W\d_]{4,}")


def typo(rng: random.Random, d: Doc) -> Doc:
    """The same text with a slip of the fingers in one word of its plain text (never in a
    value): two letters swapped, one dropped or one doubled."""
    pieces = _pieces(d)

    def words(s: str) -> list[re.Match[str]]:  # typed words only: not in links, JSON or keys
        if "://" in s or '"' in s:
            return []
        return [
            m
            for m in _WORDISH.finditer(s)
            if (m.start() == 0 or s[m.start() - 1] in " \n")
            and (m.end() == len(s) or s[m.end()] in " ,.!?\n")
        ]

    plain = [i for i, p in enumerate(pieces) if isinstance(p, str) and words(p)]
    if not plain:
        return d
    i = rng.choice(plain)
    s = pieces[i]
    assert isinstance(s, str)
    m = rng.choice(words(s))
    w, k = m.group(), rng.randint(1, len(m.group()) - 2)
    op = rng.randrange(3)
    w2 = (
        w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        if op == 0
        else w[:k] + w[k + 1 :]
        if op == 1
        else w[:k] + w[k] + w[k:]
    )
    pieces[i] = s[: m.start()] + w2 + s[m.end() :]
    return Doc().add(*pieces)


def _draw(ctx: Ctx, make: Callable[[], tuple[Doc, str]]) -> Text6:
    for _ in range(200):
        names = set(ctx.names)
        d, where = make()
        if where == "message:user" and ctx.rng.random() < 0.2:
            d = typo(ctx.rng, d)
        text = d.text
        if not problems(text, d.spans):
            puts = list({(p.kind, p.value): p for _, _, p in d.spans}.values())
            return Text6(
                text, [(p.kind, p.value, p.cls) for p in puts], where, [p.spot for p in puts]
            )
        ctx.names = names
    raise RuntimeError(f"no clean text after 200 draws: {problems(d.text, d.spans)}")


def _stray_names(texts: list[Text6], names: set[str]) -> bool:
    """A conversation's name written where it was not planted (any case, folded) in one of its
    texts — outside the other planted values — or a decoy that is one of its names."""
    for t in texts:
        if any(k == "decoy" and fold(v).lower() in names for k, v, _ in t.planted):
            return True
        cover = [" "] * len(t.text)
        text = list(t.text)
        for k, v, _ in t.planted:
            for a in _all_at(t.text, v):
                for i in range(a, a + len(v)):
                    cover[i] = "x" if k == "name" else " "
                    if k != "name":
                        text[i] = " "
        plain = "".join(fold(c).lower()[:1] or " " for c in text)  # one char for one
        for n in names:
            for i in _all_at(plain, n):
                j = i + len(n)
                edge = (i and plain[i - 1].isalnum()) or (j < len(plain) and plain[j].isalnum())
                if not edge and any(c != "x" for c in cover[i:j]):
                    return True
    return False


# Backgrounds whose language has cue phrases here come twice as often.
ORIGINS = tuple(lang for lang in NAMES for _ in range(2 if lang in CUE_LANGS else 1))


def conversation(rng: random.Random) -> Conversation:
    while True:
        conv = _conversation(rng)
        if conv is not None:
            return conv


def _conversation(rng: random.Random) -> Conversation | None:
    origin = rng.choice(ORIGINS)
    me = someone(rng, origin)
    f, la = fold(me.first).lower(), fold(me.last).lower()
    if f in la or la in f:
        return None
    agent = someone(rng)
    if _clash(me, agent):
        return None
    region = rng.choice(HOME[origin])
    ctx = Ctx(
        rng,
        me,
        rng.choice(WRITES[origin]),
        region,
        a_phone(rng, region, own=True),
        an_email(rng, origin, me.first, me.last),
        agent,
    )
    platform = rng.choice(PLATFORMS)
    texts = [
        _draw(ctx, lambda: t_intro(ctx))
        if rng.random() < 0.7
        else _draw(ctx, lambda: t_chatter(ctx))
    ]
    for _ in range(rng.randint(2, 8)):
        tpl = rng.choice(USER) if rng.random() < 0.62 else rng.choice(OTHER)
        texts.append(_draw(ctx, functools.partial(tpl, ctx)))
    for fld in rng.sample(RAW_FIELDS[platform], rng.choice((0, 1, 1, 2))):
        texts.append(_draw(ctx, functools.partial(t_raw, ctx, fld)))
    if _stray_names(texts, ctx.names):
        return None
    person = Person(
        origin, me.first, me.last, ctx.mail.value, ctx.phone.e164, ctx.phone.written, region
    )
    return Conversation(
        platform,
        person,
        _profile(rng, platform, me, ctx.mail, ctx.phone, texts, _v4(rng), ctx.lang),
        list(texts),
    )


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"bank six/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng)
        out.append(conv)
        count += len(conv.texts)
    return out


_ORIGIN_OF: dict[str, str] = {}
for _lang, (_given, _family) in NAMES.items():
    for _n in (*_given, *_family):
        _ORIGIN_OF.setdefault(fold(_n).lower(), _lang)


def composition(convs: list[Conversation]) -> dict[str, Counter[str]]:
    """What a bank holds: planted occurrences by kind, class, spot, name origin and name form;
    people by background; texts by position; phones by country code."""
    out: dict[str, Counter[str]] = {
        k: Counter()
        for k in (
            "kind",
            "class",
            "spot",
            "name_origin",
            "name_form",
            "origin",
            "where",
            "platform",
            "phone_cc",
        )
    }
    for c in convs:
        out["origin"][c.person.lang] += 1
        out["platform"][c.platform] += 1
        for t in c.texts:
            out["where"][t.where] += 1
            spots = t.spots if isinstance(t, Text6) else ["?"] * len(t.planted)
            for (kind, value, cls), spot in zip(t.planted, spots, strict=True):
                n = len(_all_at(t.text, value))
                out["kind"][kind] += n
                out["class"][cls] += n
                out["spot"][f"{kind}@{spot}"] += n
                if kind == "name":
                    plain = json.loads(f'"{value}"') if "\\u" in value else value
                    out["name_origin"][_ORIGIN_OF.get(fold(plain).lower(), "?")] += n
                    form = (
                        "lower"
                        if plain.islower()
                        else "upper"
                        if plain.isupper()
                        else "ascii"
                        if plain.isascii()
                        else "diacritics"
                    )
                    out["name_form"][form] += n
                if kind == "phone":
                    m = re.match(r"(?:tel:)?(?:\+|00)(\d{1,3})", value)
                    if m:
                        num = phonenumbers.parse("+" + re.sub(r"\D", "", value[m.start(1) :]), None)
                        out["phone_cc"][f"+{num.country_code}"] += n
                    else:
                        out["phone_cc"]["national"] += n
    return out


if __name__ == "__main__":
    import sys

    bank = corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 20000, 1)
    print(f"{len(bank)} conversations, {sum(len(c.texts) for c in bank)} texts")
    for name, counts in composition(bank).items():
        print(
            f"\n{name} ({sum(counts.values())}): "
            + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
