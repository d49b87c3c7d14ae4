"""Held-out bank 8 for the masking evaluation: written apart from the detectors and banks 1-7.

Written from the evaluation's interface alone (the ``Conversation``/``Text``/``Person`` types of
``bench/heldout_corpus.py`` and how ``bench/masking_quality.py`` scores them), without reading
the detectors, the masking policy, the tuning generator or the other banks' names, templates and
formats, and never run through the detectors while it was written. Its names, cue phrasings,
sign-offs, chat situations, number formats, decoys and profile shapes are its own.

What it plants, each value with a class (``kind/what``) so misses can be reported by class:

- names of people from 29 languages (English, German, French, Spanish, Italian, Portuguese,
  Turkish, Dutch, Polish, Swedish, Norwegian, Czech, Romanian, Hungarian, Indonesian,
  Vietnamese, Yoruba, Igbo and Swahili in Latin script; Greek, Russian and Ukrainian in their
  own script and transliterated; Arabic, Persian, Hindi, Tamil, Chinese, Korean and Japanese
  transliterated), with and without diacritics, in title, lower and upper case: after cues in
  the person's language (self-introductions, "this is X speaking", sign-offs, greetings by
  name, titles such as "Frau", "Sr.", "M.", "Bey"/"Hanım", "-san"), as relations ("my
  colleague X"), agent hand-offs, inflected and possessive forms ("Kowalskiego", "Ayşe'nin",
  "Jan's", "Дмитрию"), @-mentions, speaker names of timestamped chat logs, ticket/CRM
  ``key: value`` exports, attendee and cc lists, signature lines, quoted-reply headers, card
  holders in JSON payment fields, and replies that are only the name; first and last names are
  planted as separate values;
- emails (plus-addressing, subdomains, display names in angle brackets, ``mailto:``, capitals),
  phones of 74 countries in international forms (E.164, spaced, dashed, dotted, slashed,
  ``00``, ``(0)``, a spoken ``plus`` with the country code in words, ``tel:`` URIs, WhatsApp
  links, with extensions), national forms with trunk prefixes, and international numbers that
  libphonenumber calls possible but not valid (new or unassigned ranges); cards of 14 issuers
  (Luhn) in several groupings and in JSON payment fields; IBANs of 69 countries (mod 97)
  grouped, compact, lower case or broken over two lines; IPv4/IPv6 (ports, brackets, CIDR
  suffixes, compressed and full forms); URL secrets in many providers' styles (presigned S3,
  GCS and Azure SAS signatures, JWTs in query strings, passwords in userinfo of several
  schemes, webhook and bot tokens, API keys, fragments) where only the secret is planted;
- decoys that must stay, with kind ``decoy`` and a ``decoy/...`` class: look-alikes of each kind
  (phone-shaped order, ticket and case numbers; card-length tracking and voucher numbers that
  fail Luhn; masked card tails; IBAN-shaped strings failing mod 97; BIC/SWIFT codes, sort and
  routing codes; version and build strings with four parts; coordinates), invoices, prices,
  dates and times in many locales, hashes, UUIDs, SKUs, EANs, postal codes, plain URLs, and
  capitalised words, weekdays, months, brands, products and places that are also given names
  ("Paris", "Florence", "Jordan", "Mercedes", "Victoria").

Positions (each planted value carries one in ``Text8.spots``): message and line starts,
after punctuation (also SMS text with no space after it), signature blocks, markdown, quoted
replies, JSON templates (some ``\\uXXXX``-escaped), chat logs, key/value exports, mentions,
URLs, and the free-text fields of the platform's record (``raw:<field>``). Every planted value
occurs in its text only where it was put, at word boundaries, and overlaps no other planted
value; no name of a conversation stands unplanted in any of its texts, in any case or accent
form (checked while generating; a text or conversation that fails is drawn again).
Deterministic for a seed and a phonenumbers metadata version.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
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

# --- names ------------------------------------------------------------------------------------
# Given names first, then family names, split on "/" ("Latin|native" where a script of its own
# is in common use). Common real-world names, chosen for this bank.

_NAME_TABLE: dict[str, tuple[str, str]] = {
    "en": (
        "Oliver/Emily/Jack/Charlotte/Harry/Sophie/George/Chloe/Thomas/Megan/Daniel/Hannah/Liam/"
        "Abigail/Noah/Madison/Ethan/Brianna/Callum/Imogen",
        "Thompson/Walker/Robinson/Wright/Hughes/Edwards/Turner/Collins/Murphy/Bennett/Foster/"
        "Harrison/Mitchell/Gallagher/Fitzgerald/Sutherland",
    ),
    "de": (
        "Lukas/Leonie/Felix/Johanna/Maximilian/Lena/Tobias/Katharina/Florian/Svenja/Jürgen/"
        "Bärbel/Sören/Grete/Matthias/Ute/Henrik/Friederike",
        "Müller/Schmidt/Schneider/Fischer/Weber/Wagner/Becker/Hoffmann/Schäfer/Richter/Schröder/"
        "Neumann/Zimmermann/Krüger/Hartmann/Köhler/Weiß/Lehmann/Voigt/Kühn",
    ),
    "fr": (
        "Théo/Camille/Hugo/Manon/Baptiste/Chloé/Mathis/Léa/Romain/Océane/Benoît/Élodie/Maëlys/"
        "Gaëlle/Jérôme/Anaïs/Clément/Inès",
        "Dubois/Lefèvre/Moreau/Girard/Rousseau/Fontaine/Chevalier/Mercier/Gauthier/Lemaire/Faure/"
        "Bonnet/Garnier/Roussel/Perrin/Marchand/Boucher/Lefebvre",
    ),
    "es": (
        "Alejandro/Lucía/Javier/Carmen/Sergio/Nerea/Álvaro/Marta/Íñigo/Begoña/Raúl/Sofía/Andrés/"
        "Rocío/Ainhoa/Gonzalo/Pilar/Ximena",
        "García/Fernández/González/Rodríguez/López/Martínez/Sánchez/Pérez/Gómez/Jiménez/Ruiz/"
        "Hernández/Díaz/Álvarez/Romero/Navarro/Domínguez/Gutiérrez/Castillo/Ibáñez",
    ),
    "it": (
        "Giuseppe/Francesca/Alessandro/Chiara/Matteo/Giulia/Lorenzo/Martina/Niccolò/Federica/"
        "Gianluca/Ilaria/Simone/Beatrice/Davide/Noemi",
        "Rossi/Russo/Esposito/Bianchi/Romano/Colombo/Ricci/Marino/Greco/Gallo/Conti/De Luca/"
        "Mancini/Giordano/Rizzo/Lombardi/Moretti/Barbieri",
    ),
    "pt": (
        "João/Beatriz/Tiago/Inês/Gonçalo/Mariana/Rafael/Leonor/Diogo/Matilde/Thiago/Luana/Caio/"
        "Larissa/Vinícius/Letícia",
        "Silva/Santos/Ferreira/Pereira/Oliveira/Rodrigues/Martins/Sousa/Fernandes/Gonçalves/"
        "Lopes/Marques/Almeida/Ribeiro/Carvalho/Araújo/Nascimento/Cavalcanti",
    ),
    "tr": (
        "Mehmet/Ayşe/Mustafa/Fatma/Emre/Zeynep/Burak/Elif/Oğuz/Gülşen/Çağrı/Şebnem/Hüseyin/"
        "Özlem/Uğur/İrem/Barış/Merve",
        "Yılmaz/Kaya/Demir/Şahin/Çelik/Yıldız/Yıldırım/Öztürk/Aydın/Özdemir/Arslan/Doğan/"
        "Kılıç/Çetin/Koç/Özkan/Şimşek/Erdoğan",
    ),
    "nl": (
        "Daan/Sanne/Bram/Fleur/Thijs/Lotte/Jeroen/Anouk/Sven/Maartje/Joost/Femke/Ruben/Eline/"
        "Wouter/Ilse",
        "de Jong/Jansen/de Vries/van den Berg/van Dijk/Bakker/Janssen/Visser/Smit/Meijer/"
        "de Boer/Mulder/de Groot/Hendriks/van Leeuwen/Dekker/Brouwer/Kuipers",
    ),
    "pl": (
        "Jakub/Zuzanna/Kacper/Julia/Szymon/Maja/Wojciech/Małgorzata/Paweł/Agnieszka/Łukasz/"
        "Katarzyna/Michał/Joanna/Grzegorz/Dorota",
        "Nowak/Kowalski/Wiśniewski/Wójcik/Kowalczyk/Kamiński/Lewandowski/Zieliński/Szymański/"
        "Woźniak/Dąbrowski/Kozłowski/Jankowski/Mazur/Kwiatkowski/Krawczyk/Piotrowski/Wróblewski",
    ),
    "sv": (
        "Erik/Astrid/Oskar/Elsa/Lars/Ingrid/Björn/Linnéa/Nils/Agneta/Anders/Saga/Gustav/Ebba",
        "Andersson/Johansson/Karlsson/Nilsson/Eriksson/Larsson/Olsson/Persson/Svensson/"
        "Gustafsson/Lindqvist/Bergström/Lindström/Sjöberg/Åberg",
    ),
    "no": (
        "Magnus/Solveig/Håkon/Kari/Øystein/Ragnhild/Sindre/Silje/Torbjørn/Hege/Eirik/Marit",
        "Hansen/Johansen/Olsen/Larsen/Andersen/Pedersen/Nilsen/Kristiansen/Haugen/Bakken/"
        "Solberg/Strand/Dahl/Halvorsen",
    ),
    "cs": (
        "Jiří/Jana/Petr/Tereza/Tomáš/Lucie/Ondřej/Kateřina/Vojtěch/Barbora/Lukáš/Markéta",
        "Novák/Svoboda/Novotný/Dvořák/Černý/Procházka/Kučera/Veselý/Horák/Němec/Pokorný/Marek",
    ),
    "ro": (
        "Andrei/Ioana/Mihai/Elena/Alexandru/Raluca/Ștefan/Bianca/Cristian/Mădălina/Răzvan/Oana",
        "Popescu/Ionescu/Dumitrescu/Stoica/Gheorghe/Munteanu/Constantinescu/Rădulescu/Năstase/"
        "Țurcanu/Moldovan/Dobre",
    ),
    "hu": (
        "Bence/Zsófia/Levente/Réka/Ádám/Eszter/Gergő/Krisztina/Zoltán/Dóra/Balázs/Ildikó",
        "Nagy/Kovács/Tóth/Szabó/Horváth/Varga/Kiss/Molnár/Németh/Farkas/Balogh/Papp",
    ),
    "el": (
        "Giorgos|Γιώργος/Maria|Μαρία/Dimitris|Δημήτρης/Eleni|Ελένη/Kostas|Κώστας/"
        "Katerina|Κατερίνα/Nikos|Νίκος/Sofia|Σοφία/Yannis|Γιάννης/Vasiliki|Βασιλική/"
        "Panagiotis|Παναγιώτης/Despina|Δέσποινα",
        "Papadopoulos|Παπαδόπουλος/Pappas|Παππάς/Oikonomou|Οικονόμου/Georgiou|Γεωργίου/"
        "Nikolaidis|Νικολαΐδης/Vlachos|Βλάχος/Karagiannis|Καραγιάννης/Dimitriou|Δημητρίου/"
        "Antoniou|Αντωνίου/Makris|Μακρής",
    ),
    "ru": (
        "Dmitry|Дмитрий/Anastasia|Анастасия/Sergey|Сергей/Yekaterina|Екатерина/Alexei|Алексей/"
        "Olga|Ольга/Nikolai|Николай/Tatiana|Татьяна/Mikhail|Михаил/Irina|Ирина/Pavel|Павел/"
        "Svetlana|Светлана",
        "Smirnov|Смирнов/Ivanov|Иванов/Kuznetsov|Кузнецов/Popov|Попов/Sokolov|Соколов/"
        "Lebedev|Лебедев/Kozlov|Козлов/Novikov|Новиков/Morozov|Морозов/Volkov|Волков/"
        "Fedorov|Фёдоров/Orlov|Орлов",
    ),
    "uk": (
        "Olena|Олена/Andriy|Андрій/Oksana|Оксана/Taras|Тарас/Iryna|Ірина/Bohdan|Богдан/"
        "Nataliia|Наталія/Mykola|Микола/Yulia|Юлія/Volodymyr|Володимир/Halyna|Галина/"
        "Serhiy|Сергій",
        "Shevchenko|Шевченко/Kovalenko|Коваленко/Bondarenko|Бондаренко/Tkachenko|Ткаченко/"
        "Kravchenko|Кравченко/Melnyk|Мельник/Oliynyk|Олійник/Shevchuk|Шевчук/"
        "Polishchuk|Поліщук/Lysenko|Лисенко/Marchenko|Марченко/Rudenko|Руденко",
    ),
    "ar": (
        "Mohammed/Fatima/Ahmed/Aisha/Omar/Layla/Youssef/Mariam/Khalid/Noura/Hassan/Huda/Tariq/"
        "Salma/Karim/Rania",
        "Al-Sayed/Haddad/Khalil/Mansour/Nasser/Al-Amin/Hamdan/Saleh/El-Masri/Abdullah/Darwish/"
        "Farouk/Al-Harbi/Qasim",
    ),
    "fa": (
        "Reza/Maryam/Ali/Zahra/Hossein/Fatemeh/Amir/Niloufar/Mehdi/Shirin/Arash/Parisa/Kaveh/"
        "Golnaz",
        "Hosseini/Mohammadi/Rezaei/Ahmadi/Moradi/Karimi/Rahimi/Jafari/Ghasemi/Sadeghi/Tehrani/"
        "Shirazi/Mousavi/Esfahani",
    ),
    "hi": (
        "Aarav/Priya/Rohan/Ananya/Vikram/Sneha/Arjun/Kavya/Rahul/Pooja/Siddharth/Neha/Aditya/"
        "Ishita",
        "Sharma/Verma/Gupta/Patel/Singh/Kumar/Mehta/Joshi/Chopra/Malhotra/Agarwal/Bhatia/"
        "Srivastava/Chaturvedi",
    ),
    "ta": (
        "Karthik/Lakshmi/Arun/Senthil/Meena/Murugan/Kavitha/Saravanan/Priyanka/Balaji/Revathi/"
        "Ganesh/Deepa/Vignesh",
        "Subramanian/Krishnan/Ramasamy/Natarajan/Venkatesan/Rajendran/Sundaram/Pillai/"
        "Chandrasekaran/Annamalai/Murugesan/Palaniappan",
    ),
    "zh": (
        "Wei/Fang/Jing/Xiaoming/Yan/Hao/Jun/Qiang/Xiuying/Zhiwei/Meiling/Jiahui/Yuxuan/Haoran",
        "Wang/Zhang/Liu/Chen/Yang/Huang/Zhao/Zhou/Xu/Sun/Zhu/Guo/Gao/Luo/Zheng/Xie",
    ),
    "ko": (
        "Min-jun/Seo-yeon/Ji-hoon/Ji-woo/Hyun-woo/Soo-ah/Dong-hyun/Ha-eun/Jae-won/Yu-na/"
        "Sung-min/Eun-ji",
        "Kim/Lee/Park/Choi/Jung/Kang/Cho/Yoon/Jang/Lim/Han/Shin",
    ),
    "ja": (
        "Haruto/Yui/Sota/Aoi/Riku/Hina/Yuto/Sakura/Kenta/Yuki/Takumi/Miyu/Daiki/Nanami",
        "Sato/Suzuki/Takahashi/Tanaka/Watanabe/Yamamoto/Nakamura/Kobayashi/Kato/Yoshida/"
        "Yamada/Sasaki/Matsumoto/Inoue",
    ),
    "vi": (
        "Minh/Thảo/Hùng/Linh/Dũng/Trang/Tuấn/Hương/Quang/Ngọc/Phương/Khoa/Thúy/Đức",
        "Nguyễn/Trần/Lê/Phạm/Hoàng/Huỳnh/Phan/Vũ/Võ/Đặng/Bùi/Đỗ",
    ),
    "id": (
        "Budi/Siti/Agus/Dewi/Rizky/Putri/Adi/Ayu/Fajar/Indah/Eko/Rina/Bayu/Wulan",
        "Santoso/Wijaya/Saputra/Hidayat/Kusuma/Pratama/Setiawan/Nugroho/Wibowo/Susanto/Halim/"
        "Gunawan",
    ),
    "yo": (
        "Adebayo/Olúwaṣeun/Funmilayo/Temitope/Olumide/Yetunde/Babatunde/Omolara/Ayodele/Ṣadé",
        "Adeyemi/Ogunleye/Balogun/Adewale/Oyelaran/Akinola/Olawale/Fashola/Ogundipe/Adebisi",
    ),
    "ig": (
        "Chinedu/Ngozi/Emeka/Chiamaka/Obinna/Adaeze/Ikenna/Nneka/Chukwuemeka/Ifeoma",
        "Okafor/Okonkwo/Nwosu/Okeke/Nnamdi/Chukwu/Onyekachi/Igwe/Eze/Obiora",
    ),
    "sw": (
        "Juma/Amani/Jabari/Zawadi/Omari/Rehema/Hamisi/Wanjiku/Kiprono/Auma",
        "Mwangi/Otieno/Wanjiru/Kamau/Njoroge/Odhiambo/Mutua/Kiptoo/Achieng/Mwakilema",
    ),
}


def _split(s: str) -> tuple[tuple[str, str], ...]:
    """("Latin", "native") pairs; native is the Latin form where no other script is used."""
    out = []
    for item in s.split("/"):
        latin, _, native = item.partition("|")
        out.append((latin, native or latin))
    return tuple(out)


NAMES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {
    lang: (_split(g), _split(f)) for lang, (g, f) in _NAME_TABLE.items()
}
LANGS = tuple(NAMES)
NATIVE_SCRIPT = ("el", "ru", "uk")
FAMILY_FIRST = ("hu", "zh", "ko", "ja", "vi")

HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE", "AU", "CA", "NZ", "ZA"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "LU", "SN"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR", "AO"),
    "tr": ("TR", "DE", "CY"),
    "nl": ("NL", "BE"),
    "pl": ("PL", "GB"),
    "sv": ("SE", "FI"),
    "no": ("NO",),
    "cs": ("CZ", "SK"),
    "ro": ("RO", "MD"),
    "hu": ("HU",),
    "el": ("GR", "CY"),
    "ru": ("RU", "KZ", "BY"),
    "uk": ("UA", "PL"),
    "ar": ("AE", "SA", "EG", "JO", "MA", "QA", "LB"),
    "fa": ("IR", "AE"),
    "hi": ("IN",),
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

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
    }
)


def fold(s: str) -> str:
    """ASCII spelling of a Latin-script name, as people type it on a keyboard without accents."""
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def plain(s: str) -> str:
    """Lower case without accents, one character for one (positions stay)."""
    out = []
    for c in s:
        if unicodedata.combining(c):
            out.append(" ")
            continue
        base = unicodedata.normalize("NFKD", c)[:1] or " "
        out.append(base.lower()[:1] or " ")
    return "".join(out)


# --- planting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Put:
    kind: str
    value: str
    cls: str
    spot: str = "inline"


@dataclass
class Text8(Text):
    spots: list[str] = field(default_factory=list)  # the position of each planted value


class Doc:
    """A text being written: literal pieces and planted values, in order."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.parts: list[str] = []
        self.puts: list[Put] = []

    def __call__(self, *items: str | Put) -> Doc:
        for it in items:
            if isinstance(it, str):
                self.parts.append(it)
            else:
                self.parts.append(it.value)
                self.puts.append(it)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _spot(self, text: str, p: Put) -> str:
        if p.spot != "inline":
            return p.spot
        if self.where.startswith("raw:"):
            return "raw"
        before = text[: text.find(p.value)]
        if re.fullmatch(r"[ \t\-*•>|]*", before[before.rfind("\n") + 1 :]):
            return "line-start"
        if re.search(r"[,.;:!?()\]]\s?$", before):
            return "after-punct"
        return "inline"

    def lowered(self) -> Doc:
        """The same text typed all in lower case (values too, as people type them)."""
        out = Doc(self.where)
        ins = iter(self.puts)
        for part in self.parts:
            out.parts.append(part.lower())
        for p in ins:
            low = p.value.lower()
            cls = p.cls + "-lower" if low != p.value and not p.cls.endswith("lower") else p.cls
            out.puts.append(Put(p.kind, low, cls, p.spot))
        return out

    def build(self) -> Text8:
        text, planted, spots, seen = self.text, [], [], set()
        for p in self.puts:
            if p.value in seen:
                continue
            seen.add(p.value)
            planted.append((p.kind, p.value, p.cls))
            spots.append(self._spot(text, p))
        return Text8(text, planted, self.where, spots)


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def _edge(text: str, a: int, b: int) -> bool:
    before = text[a - 1] if a else " "
    after = text[b] if b < len(text) else " "
    return before.isalnum() or after.isalnum() or unicodedata.combining(after) != 0


def problems(t: Text) -> list[str]:
    """What would make the scorer count a planted value where it was not meant."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    values = [v for _, v, _ in t.planted]
    if len(set(values)) != len(values):
        out.append("a value planted twice")
    for kind, value, _ in t.planted:
        occ = occurrences(t.text, value)
        if not occ or not value.strip():
            out.append(f"{value!r} not in the text")
        for a, b in occ:
            if kind != "url" and _edge(t.text, a, b):
                out.append(f"{value!r} inside a longer word")
            spans.append((a, b, value))
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        for a2, _, v2 in spans[i + 1 :]:
            if a2 >= b1:
                break
            if v2 != v1:
                out.append(f"{v1!r} overlaps {v2!r}")
    return out


def stray_names(texts: Sequence[Text], names: set[str]) -> list[str]:
    """Names of the conversation (lower case, no accents) standing somewhere unplanted: the
    masking learns a name in one text and masks it in all, so there it would be a false hit."""
    out = []
    pats = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)") for n in sorted(names) if n.strip()]
    for t in texts:
        chars = list(t.text)
        mine = [False] * len(chars)
        for kind, value, _ in t.planted:
            for a, b in occurrences(t.text, value):
                for i in range(a, b):
                    if kind == "name":
                        mine[i] = True
                    elif kind != "decoy":  # a decoy that is a name would be masked
                        chars[i] = " "
        rest = plain("".join(chars))
        for pat in pats:
            for m in pat.finditer(rest):
                if not all(mine[m.start() : m.end()]):
                    out.append(f"{m.group()!r} in {t.text!r}")
    return out


def N(value: str, cls: str, spot: str = "inline") -> Put:
    return Put("name", value, cls, spot)


def D(value: str, cls: str, spot: str = "inline") -> Put:
    return Put("decoy", value, "decoy/" + cls, spot)


# --- JSON: values written inside bot templates keep their escaped form ------------------------


class JStr:
    """A JSON string value made of literal text and planted values."""

    def __init__(self, *items: str | Put) -> None:
        self.items = items


def _jesc(s: str, ascii_only: bool) -> str:
    return json.dumps(s, ensure_ascii=ascii_only)[1:-1]


def jdump(doc: Doc, obj: Any, *, ascii_only: bool, indent: int | None = None) -> None:
    """Write ``obj`` as JSON into ``doc``; planted values are planted as JSON writes them."""

    def emit(o: Any, depth: int) -> None:
        nl = "\n" + " " * (indent * (depth + 1)) if indent else ""
        end = "\n" + " " * (indent * depth) if indent else ""
        sep = "," + ("" if indent else " ")
        if isinstance(o, dict):
            doc("{")
            for i, (k, v) in enumerate(o.items()):
                doc(("" if i == 0 else sep) + nl + json.dumps(k) + ": ")
                emit(v, depth + 1)
            doc(end + "}")
        elif isinstance(o, list):
            doc("[")
            for i, v in enumerate(o):
                doc(("" if i == 0 else sep) + nl)
                emit(v, depth + 1)
            doc(end + "]")
        elif isinstance(o, JStr | Put | str):
            items = o.items if isinstance(o, JStr) else (o,)
            doc('"')
            for it in items:
                if isinstance(it, str):
                    doc(_jesc(it, ascii_only))
                else:
                    esc = _jesc(it.value, ascii_only)
                    spot = "json-escaped" if esc != it.value else "json"
                    doc(Put(it.kind, esc, it.cls, spot))
            doc('"')
        else:
            doc(json.dumps(o))

    emit(obj, 0)


# --- phones -----------------------------------------------------------------------------------

PHONE_REGIONS = (
    "GB",
    "US",
    "CA",
    "IE",
    "AU",
    "NZ",
    "ZA",
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "LU",
    "ES",
    "MX",
    "AR",
    "CO",
    "CL",
    "PE",
    "IT",
    "PT",
    "BR",
    "TR",
    "NL",
    "PL",
    "SE",
    "NO",
    "DK",
    "FI",
    "CZ",
    "SK",
    "RO",
    "MD",
    "HU",
    "GR",
    "CY",
    "RU",
    "KZ",
    "BY",
    "UA",
    "AE",
    "SA",
    "EG",
    "JO",
    "MA",
    "QA",
    "LB",
    "IR",
    "IN",
    "LK",
    "SG",
    "MY",
    "CN",
    "TW",
    "HK",
    "KR",
    "JP",
    "VN",
    "ID",
    "PH",
    "TH",
    "NG",
    "GH",
    "KE",
    "TZ",
    "UG",
    "SN",
    "AO",
    "IL",
    "BG",
    "HR",
    "RS",
    "EE",
    "IS",
)
# Where people of the region write their own number nationally (with the trunk prefix).
NATIONAL = (
    "GB",
    "US",
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "ES",
    "IT",
    "PT",
    "BR",
    "TR",
    "NL",
    "PL",
    "SE",
    "NO",
    "CZ",
    "RO",
    "HU",
    "GR",
    "RU",
    "UA",
    "IN",
    "JP",
    "KR",
    "AU",
    "MX",
    "AR",
    "ID",
    "NG",
)
_SPELL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _nsn(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.national_significant_number(num)


def _rand_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def valid_number(rng: random.Random, region: str, *, mobile: bool) -> phonenumbers.PhoneNumber:
    """A number libphonenumber calls valid for the region: the example's leading digits kept,
    the rest drawn (as many as the range allows)."""
    kinds = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
    ex = phonenumbers.example_number_for_type(region, kinds[0] if mobile else kinds[1])
    ex = ex or phonenumbers.example_number(region)
    nsn, cc = _nsn(ex), ex.country_code
    for keep in (1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6):
        for _ in range(12):
            cand = nsn[:keep] + _rand_digits(rng, len(nsn) - keep)
            num = phonenumbers.parse(f"+{cc}{cand}", None)
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.region_code_for_number(num) == region
            ):
                return num
    return ex


UNASSIGNED_REGIONS = (
    "GB",
    "DE",
    "FR",
    "NL",
    "ES",
    "IT",
    "TR",
    "PL",
    "BR",
    "IN",
    "NG",
    "KE",
    "ID",
    "VN",
    "MX",
    "AR",
    "SE",
    "RO",
    "UA",
    "EG",
    "PH",
    "ZA",
    "CZ",
    "HU",
)


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """A number of a plausible length for its country code that no range of the metadata
    covers: a new or unassigned range, as numbering plans move faster than metadata."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return None
    lengths = [n for n in meta.general_desc.possible_length if n >= 7]
    cc = meta.country_code
    for _ in range(300):
        n = rng.choice(lengths)
        cand = str(rng.randint(1, 9)) + _rand_digits(rng, n - 1)
        num = phonenumbers.parse(f"+{cc}{cand}", None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _chunks(rng: random.Random, digits: str) -> list[str]:
    out, i = [], 0
    first = rng.choice((2, 3, 3, 4))
    while i < len(digits):
        n = first if i == 0 else rng.choice((2, 3, 4, 4))
        if len(digits) - (i + n) == 1:
            n += 1
        out.append(digits[i : i + n])
        i += n
    return out


def _lib_groups(num: phonenumbers.PhoneNumber) -> list[str]:
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    return re.findall(r"\d+", intl)[1:]


@dataclass(frozen=True)
class Phone:
    e164: str
    written: str  # planted as written
    cls: str
    region: str
    after: str = ""  # an extension written after it, not planted


_EXT = (
    " ext. {}",
    " x{}",
    " (ext {})",
    " Durchwahl {}",
    " poste {}",
    " int. {}",
    " dahili {}",
    " wew. {}",
    " ramal {}",
    " #{}",
)


def intl_phone(
    rng: random.Random, num: phonenumbers.PhoneNumber, cls: str, *, plain_form: bool = False
) -> Phone:
    cc = str(num.country_code)
    nsn = _nsn(num)
    region = phonenumbers.region_code_for_number(num) or phonenumbers.region_code_for_country_code(
        num.country_code
    )
    groups = _lib_groups(num) if rng.random() < 0.5 else _chunks(rng, nsn)
    if "".join(groups) != nsn:
        groups = _chunks(rng, nsn)
    trunk = phonenumbers.PhoneMetadata.metadata_for_region(
        region
    ) or phonenumbers.PhoneMetadata.metadata_for_region("GB")
    form = (
        "e164"
        if plain_form
        else rng.choice(
            (
                "e164",
                "spaced",
                "spaced",
                "dash",
                "dots",
                "00",
                "00",
                "slash",
                "trunk0",
                "paren",
                "lib",
                "mixed",
            )
        )
    )
    if form == "trunk0" and (trunk is None or trunk.national_prefix != "0" or region == "IT"):
        form = "spaced"
    if form == "paren" and len(groups) < 3:
        form = "dash"
    if form == "e164":
        w = f"+{cc}{nsn}"
    elif form == "spaced":
        w = f"+{cc} " + " ".join(groups)
    elif form == "dash":
        w = f"+{cc}-" + "-".join(groups)
    elif form == "dots":
        w = f"+{cc}." + ".".join(groups)
    elif form == "00":
        w = f"00{cc} " + rng.choice((" ", "")).join(groups)
    elif form == "slash":
        w = f"+{cc} {groups[0]}/" + "".join(groups[1:])
    elif form == "trunk0":
        w = f"+{cc} (0){rng.choice(('', ' '))}" + " ".join(groups)
    elif form == "paren":
        w = f"+{cc} ({groups[0]}) " + "-".join(groups[1:])
    elif form == "lib":
        w = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    else:
        w = f"+{cc} {groups[0]}-" + " ".join(groups[1:])
    return Phone(f"+{cc}{nsn}", w, f"{cls}-{form}", region)


_NAT_SEPS = {
    "DE": (" ", "/", "-", "keep"),
    "AT": (" ", "/", "keep"),
    "FR": (".", " ", "", "keep"),
    "BE": (".", " ", "/", "keep"),
    "CH": (" ", "keep"),
    "US": ("-", ".", "keep", "keep"),
    "ES": (" ", "", "keep"),
    "IT": (" ", "", "keep"),
    "NL": ("-", " ", "", "keep"),
    "GB": (" ", "", "keep"),
    "PT": (" ", "", "keep"),
    "BR": ("keep", "-", " "),
    "PL": (" ", "-", "", "keep"),
    "TR": (" ", "", "keep"),
    "CZ": (" ", "", "keep"),
    "SE": ("-", " ", "keep"),
    "NO": (" ", "", "keep"),
}


def national_phone(rng: random.Random, num: phonenumbers.PhoneNumber) -> Phone:
    region = phonenumbers.region_code_for_number(num)
    lib = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    sep = rng.choice(_NAT_SEPS.get(region, ("keep", "keep", " ", "")))
    if sep == "keep":
        w = lib
    else:
        ds = re.findall(r"\d+", lib)
        w = ds[0] + "/" + "".join(ds[1:]) if sep == "/" else sep.join(ds)
        try:
            again = phonenumbers.parse(w, region)
            if not phonenumbers.is_valid_number(again) or _nsn(again) != _nsn(num):
                w = lib
        except phonenumbers.NumberParseException:
            w = lib
    return Phone(f"+{num.country_code}{_nsn(num)}", w, f"phone/national-{region}", region)


def a_phone(rng: random.Random, region: str | None = None, *, own: bool = False) -> Phone:
    """A number as someone writes it: national forms only for a number of the writer's own
    country (``region`` given), international forms otherwise."""
    home = region is not None
    region = region or rng.choice(PHONE_REGIONS)
    r = rng.random()
    if r < (0.08 if own else 0.3) and region in UNASSIGNED_REGIONS:
        num = unassigned_number(rng, region)
        if num is not None:
            return intl_phone(rng, num, "phone/unassigned")
    num = valid_number(rng, region, mobile=rng.random() < 0.7)
    if home and region in NATIONAL and rng.random() < 0.3:
        ph = national_phone(rng, num)
    else:
        ph = intl_phone(rng, num, "phone/intl")
    if rng.random() < 0.07:
        ext = rng.choice(_EXT).format(rng.randint(10, 4999))
        ph = Phone(ph.e164, ph.written, ph.cls + "-ext", ph.region, ext)
    return ph


def spoken_phone(rng: random.Random, num: phonenumbers.PhoneNumber) -> Phone:
    """ "plus four four 7911 123456": the country code said in words, the rest in digits."""
    cc = str(num.country_code)
    words = " ".join(_SPELL[int(d)] for d in cc)
    w = f"plus {words} " + " ".join(_chunks(rng, _nsn(num)))
    cls = "phone/words" + ("" if phonenumbers.is_valid_number(num) else "-unassigned")
    region = phonenumbers.region_code_for_country_code(num.country_code)
    return Phone(f"+{cc}{_nsn(num)}", w, cls, region)


# --- cards ------------------------------------------------------------------------------------


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()][::-1]
    total = sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(ds))
    return total % 10 == 0


def luhn_finish(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + _rand_digits(rng, length - len(prefix) - 1)
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 16, 13, 19)),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2390", "2720", "2680"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "649", "65"), (16, 19)),
    "jcb": (("3528", "3541", "3566", "3589"), (16,)),
    "diners": (("36", "300", "305", "38"), (14,)),
    "unionpay": (("62",), (16, 17, 19)),
    "maestro": (("5018", "5020", "5038", "6304", "6759", "6761"), (12, 16, 19)),
    "mir": (("2200", "2201", "2202", "2204"), (16,)),
    "troy": (("9792",), (16,)),
    "rupay": (("607", "608", "652", "817"), (16,)),
    "elo": (("636368", "504175", "650031"), (16,)),
    "verve": (("5061", "6500"), (16, 19)),
    "uatp": (("1",), (15,)),
}


def _card_layout(n: int, brand: str, rng: random.Random) -> tuple[int, ...]:
    if brand == "amex" or (n == 15 and rng.random() < 0.6):
        return (4, 6, 5)
    if n == 14:
        return (4, 6, 4)
    if n == 19:
        return rng.choice(((4, 4, 4, 4, 3), (6, 13), (19,)))
    if n == 13:
        return (4, 4, 5) if rng.random() < 0.5 else (13,)
    if n == 12:
        return (4, 4, 4)
    if n == 17:
        return (4, 4, 4, 5)
    return rng.choice(((4, 4, 4, 4), (4, 4, 4, 4), (8, 8), (16,)))


def a_card(rng: random.Random) -> Put:
    brand = rng.choice(tuple(ISSUERS))
    prefixes, lengths = ISSUERS[brand]
    n = rng.choice(lengths)
    digits = luhn_finish(rng, rng.choice(prefixes), n)
    layout = _card_layout(n, brand, rng)
    sep = rng.choice((" ", " ", "-", "")) if len(layout) > 1 else ""
    parts, i = [], 0
    for g in layout:
        parts.append(digits[i : i + g])
        i += g
    return Put("card", sep.join(parts), f"card/{brand}-{n}")


# --- IBANs ------------------------------------------------------------------------------------
# BBAN layouts of the IBAN registry: n digits, a upper-case letters, c alphanumerics.
IBAN_BBAN: dict[str, str] = {
    "AD": "4n4n12c",
    "AE": "3n16n",
    "AL": "8n16c",
    "AT": "5n11n",
    "AZ": "4a20c",
    "BA": "3n3n8n2n",
    "BE": "3n7n2n",
    "BG": "4a4n2n8c",
    "BH": "4a14c",
    "BR": "8n5n10n1a1c",
    "CH": "5n12c",
    "CR": "4n14n",
    "CY": "3n5n16c",
    "CZ": "4n6n10n",
    "DE": "8n10n",
    "DK": "4n9n1n",
    "DO": "4c20n",
    "EE": "2n2n11n1n",
    "EG": "4n4n17n",
    "ES": "4n4n1n1n10n",
    "FI": "3n11n",
    "FO": "4n9n1n",
    "FR": "5n5n11c2n",
    "GB": "4a6n8n",
    "GE": "2a16n",
    "GI": "4a15c",
    "GL": "4n9n1n",
    "GR": "3n4n16c",
    "GT": "4c20c",
    "HR": "7n10n",
    "HU": "3n4n1n15n1n",
    "IE": "4a6n8n",
    "IL": "3n3n13n",
    "IS": "4n2n6n10n",
    "IT": "1a5n5n12c",
    "JO": "4a4n18c",
    "KW": "4a22c",
    "KZ": "3n13c",
    "LB": "4n20c",
    "LI": "5n12c",
    "LT": "5n11n",
    "LU": "3n13c",
    "LV": "4a13c",
    "MC": "5n5n11c2n",
    "MD": "2c18c",
    "ME": "3n13n2n",
    "MK": "3n10c2n",
    "MR": "5n5n11n2n",
    "MT": "4a5n18c",
    "MU": "4a2n2n12n3n3a",
    "NL": "4a10n",
    "NO": "4n6n1n",
    "PK": "4a16c",
    "PL": "8n16n",
    "PS": "4a21c",
    "PT": "4n4n11n2n",
    "QA": "4a21c",
    "RO": "4a16c",
    "RS": "3n13n2n",
    "SA": "2n18c",
    "SE": "3n16n1n",
    "SI": "5n8n2n",
    "SK": "4n6n10n",
    "SM": "1a5n5n12c",
    "TN": "2n3n13n2n",
    "TR": "5n1n16c",
    "UA": "6n19c",
    "VG": "4a16n",
    "XK": "4n10n2n",
}
_BANKS = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MONZ"),
    "NL": ("ABNA", "INGB", "RABO", "BUNQ"),
    "IE": ("AIBK", "BOFI"),
    "RO": ("BTRL", "RNCB", "INGB"),
}


def _bban(rng: random.Random, country: str) -> str:
    out = []
    for n, t in re.findall(r"(\d+)([nac])", IBAN_BBAN[country]):
        pool = {"n": string.digits, "a": string.ascii_uppercase}.get(
            t, string.digits * 3 + string.ascii_uppercase
        )
        out.append("".join(rng.choice(pool) for _ in range(int(n))))
    if country in _BANKS:
        out[0] = rng.choice(_BANKS[country])
    return "".join(out)


def mod97(s: str) -> int:
    s = s.replace(" ", "").replace("\n", "").upper()
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    check = 98 - mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 96)) % 97 or 1
        if mod97(f"{country}{check:02d}{bban}") == 1:
            check = (check + 1) % 97 or 3
    return f"{country}{check:02d}{bban}"


def _grouped(s: str, sep: str = " ") -> str:
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


def a_iban(rng: random.Random, country: str | None = None) -> Put:
    country = country or rng.choice(tuple(IBAN_BBAN))
    c = iban_compact(rng, country)
    form = rng.choice(
        ("grouped", "grouped", "compact", "compact", "lower", "lower-grouped", "broken")
    )
    if form == "grouped":
        v = _grouped(c)
    elif form == "compact":
        v = c
    elif form == "lower":
        v = c.lower()
    elif form == "lower-grouped":
        v = _grouped(c.lower())
    else:
        groups = _grouped(c).split(" ")
        cut = rng.randint(2, len(groups) - 1)
        v = " ".join(groups[:cut]) + "\n" + " ".join(groups[cut:])
    return Put("iban", v, f"iban/{form}")


# --- IPs --------------------------------------------------------------------------------------


def _v4(rng: random.Random) -> str:
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast and str(a).split(".")[0] not in ("0", "255"):
            return str(a)


_V6_NETS = (
    "2a02:8108",
    "2a01:e0a",
    "2001:4860",
    "2600:1700",
    "2804:14c",
    "240e:3b4",
    "2409:4060",
    "2c0f:f248",
    "2a00:1450",
    "2406:da18",
    "2a03:2880",
    "2003:e2",
)


def _v6(rng: random.Random) -> ipaddress.IPv6Address:
    while True:
        head = [int(h, 16) for h in rng.choice(_V6_NETS).split(":")]
        groups = head + [rng.getrandbits(16) for _ in range(8 - len(head))]
        for _ in range(rng.choice((0, 1, 2, 3))):  # zero runs, so "::" compresses
            i = rng.randrange(len(head), 7)
            groups[i] = groups[i + 1] = 0
        if rng.random() < 0.3:
            groups[-1] = rng.randint(1, 255)
        a = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
        if a.is_global:
            return a


def an_ip(rng: random.Random) -> tuple[str, Put, str]:
    """(before, the planted address, after): ports, brackets and CIDR suffixes stay outside."""
    r = rng.random()
    if r < 0.5:
        v = _v4(rng)
        form = rng.choice(("bare", "bare", "port", "cidr"))
        after = {
            "port": f":{rng.choice((22, 443, 3389, 8080, 8443, 51820))}",
            "cidr": f"/{rng.choice((32, 29, 28))}",
        }.get(form, "")
        return "", Put("ip", v, f"ip/v4-{form}"), after
    a = _v6(rng)
    form = rng.choice(("compressed", "compressed", "full", "bracket-port", "cidr", "upper"))
    if form == "full":
        return "", Put("ip", a.exploded, "ip/v6-full"), ""
    if form == "upper":
        return "", Put("ip", a.compressed.upper(), "ip/v6-upper"), ""
    if form == "bracket-port":
        return "[", Put("ip", a.compressed, "ip/v6-bracket-port"), f"]:{rng.choice((443, 8443))}"
    if form == "cidr":
        return "", Put("ip", a.compressed, "ip/v6-cidr"), "/128"
    return "", Put("ip", a.compressed, "ip/v6-compressed"), ""


# --- e-mails ----------------------------------------------------------------------------------

MAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": ("gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com", "aol.com"),
    "de": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmx.at", "bluewin.ch"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "skynet.be"),
    "es": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.com.ar"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it"),
    "pt": ("sapo.pt", "uol.com.br", "bol.com.br", "terra.com.br", "gmail.com"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "gmail.com", "mynet.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "telenet.be"),
    "pl": ("wp.pl", "onet.pl", "interia.pl", "o2.pl"),
    "sv": ("telia.com", "bredband.net", "gmail.com"),
    "no": ("online.no", "hotmail.no", "gmail.com"),
    "cs": ("seznam.cz", "centrum.cz", "email.cz"),
    "ro": ("yahoo.ro", "gmail.com"),
    "hu": ("freemail.hu", "citromail.hu", "gmail.com"),
    "el": ("otenet.gr", "yahoo.gr", "gmail.com"),
    "ru": ("mail.ru", "yandex.ru", "rambler.ru", "bk.ru"),
    "uk": ("ukr.net", "i.ua", "gmail.com"),
    "ar": ("gmail.com", "hotmail.com", "yahoo.com"),
    "fa": ("gmail.com", "yahoo.com"),
    "hi": ("rediffmail.com", "gmail.com", "yahoo.co.in"),
    "ta": ("gmail.com", "yahoo.co.in"),
    "zh": ("qq.com", "163.com", "126.com", "sina.com"),
    "ko": ("naver.com", "daum.net", "hanmail.net"),
    "ja": ("yahoo.co.jp", "docomo.ne.jp", "gmail.com"),
    "vi": ("gmail.com", "yahoo.com.vn"),
    "id": ("gmail.com", "yahoo.co.id"),
    "yo": ("gmail.com", "yahoo.com"),
    "ig": ("gmail.com", "yahoo.com"),
    "sw": ("gmail.com", "yahoo.co.ke"),
}
WORK_DOMAINS = (
    "mail.nordwind-logistik.de",
    "eu.corp.brightpath.io",
    "staff.uni-tallinn.ee",
    "kantoor.vanderlinden-bouw.nl",
    "hq.azuretravel.com.br",
    "sales.orbitex.co.uk",
    "mx.kuzeyenerji.com.tr",
    "in.tatvasoft-labs.in",
    "ops.greenleaf-farms.co.ke",
    "team.sakura-design.co.jp",
    "pl.mostostal-serwis.pl",
    "fr.atelier-lumiere.fr",
)


def _mail_local(rng: random.Random, first: str, last: str) -> str:
    f = re.sub(r"[^a-z0-9]", "", fold(first).lower())
    la = re.sub(r"[^a-z0-9]", "", fold(last).lower())
    return rng.choice(
        (
            f"{f}.{la}",
            f"{f[0]}.{la}",
            f"{f}_{la}{rng.randint(70, 99)}",
            f"{la}.{f}",
            f"{f}{la}{rng.randint(1, 999)}",
            f"{f}{la[0]}",
            f"{f}-{la}",
        )
    )


def an_email(rng: random.Random, lang: str, first: str, last: str) -> Put:
    local = _mail_local(rng, first, last)
    r = rng.random()
    if r < 0.15:
        tag = rng.choice(("shop", "orders", "news", "bank", "travel", "2025"))
        return Put("email", f"{local}+{tag}@{rng.choice(MAIL_DOMAINS[lang])}", "email/plus")
    if r < 0.35:
        return Put("email", f"{local}@{rng.choice(WORK_DOMAINS)}", "email/subdomain")
    if r < 0.42:
        return Put("email", f"{local}@{rng.choice(MAIL_DOMAINS[lang])}".upper(), "email/upper")
    return Put("email", f"{local}@{rng.choice(MAIL_DOMAINS[lang])}", "email/plain")


# --- URL secrets: only the secret is planted, the URL around it is literal --------------------

_B62 = string.ascii_letters + string.digits
_HEX = "0123456789abcdef"
_UPDIG = string.ascii_uppercase + string.digits


def _tok(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _b64url(rng: random.Random, obj: dict[str, Any]) -> str:
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _jwt(rng: random.Random) -> str:
    head = _b64url(rng, {"alg": rng.choice(("RS256", "HS256", "ES256")), "typ": "JWT"})
    body = _b64url(
        rng,
        {
            "sub": str(uuid.UUID(int=rng.getrandbits(128))),
            "iat": 1748760000 + rng.randint(0, 9_000_000),
            "scope": rng.choice(("openid profile", "read:orders", "checkout")),
        },
    )
    return f"{head}.{body}.{_tok(rng, 43, _B62 + '-_')}"


def url_secret(rng: random.Random) -> tuple[str, list[str | Put], str]:
    """(text before, planted secrets, text after) of one URL; the planted parts sit inside it."""
    k = rng.choice(
        (
            "s3",
            "gcs",
            "azure",
            "jwt",
            "basic",
            "db",
            "slack",
            "discord",
            "telegram",
            "apikey",
            "fragment",
            "reset",
            "zoom",
            "git",
            "amqp",
            "wss",
            "ftp",
        )
    )
    if k == "s3":
        akid = "AKIA" + _tok(rng, 16, string.ascii_uppercase + "234567")
        sig = _tok(rng, 64, _HEX)
        bucket = rng.choice(("invoices-prod", "kyc-uploads", "media-eu", "exports-tmp"))
        return (
            f"https://{bucket}.s3.eu-central-1.amazonaws.com/u/{rng.randint(1000, 99999)}/scan.pdf"
            "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=",
            [
                Put("url", akid, "url/s3-key-id"),
                "%2F20250601%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20250601T101500Z"
                "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=",
                Put("url", sig, "url/s3-presigned"),
            ],
            "",
        )
    if k == "gcs":
        sig = _tok(rng, 256, _HEX)
        return (
            "https://storage.googleapis.com/shared-reports/q2/summary.xlsx?X-Goog-Algorithm="
            "GOOG4-RSA-SHA256&X-Goog-Credential=exporter%40proj-4471.iam.gserviceaccount.com"
            "%2F20250601%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20250601T090000Z"
            "&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=",
            [Put("url", sig, "url/gcs-signed")],
            "",
        )
    if k == "azure":
        sig = _tok(rng, 40, _B62) + rng.choice(("%2B", "%2F", "")) + _tok(rng, 3) + "%3D"
        return (
            f"https://{rng.choice(('stcontoso', 'docsprod01', 'mediastore7'))}.blob.core."
            "windows.net/contracts/signed.docx?sv=2022-11-02&ss=b&srt=o&sp=r"
            "&se=2025-07-01T10:00:00Z&st=2025-06-01T10:00:00Z&spr=https&sig=",
            [Put("url", sig, "url/azure-sas")],
            "",
        )
    if k == "jwt":
        host = rng.choice(("app.fleetbase.io", "portal.kundenservice.de", "login.mybank.example"))
        param = rng.choice(("id_token", "token", "jwt", "access_token"))
        return (
            f"https://{host}/sso/callback?state=xyz&{param}=",
            [Put("url", _jwt(rng), "url/jwt-query")],
            rng.choice(("", "&lang=en")),
        )
    if k == "basic":
        user = rng.choice(("admin", "deploy", "jenkins", "reports"))
        pw = _tok(rng, rng.randint(10, 18), _B62 + "!*~")
        host = rng.choice(("intranet.acme-tools.com", "nas.home-office.net", "cam.shop42.de"))
        scheme = rng.choice(("https", "http"))
        return f"{scheme}://{user}:", [Put("url", pw, "url/basic-auth")], f"@{host}/status"
    if k == "db":
        scheme, port = rng.choice(
            (
                ("postgres", 5432),
                ("postgresql", 5432),
                ("mysql", 3306),
                ("mongodb+srv", 0),
                ("redis", 6379),
            )
        )
        pw = _tok(rng, rng.randint(12, 24))
        user = "" if scheme == "redis" else rng.choice(("app", "svc_orders", "readonly"))
        host = "cluster0.x7k2p.mongodb.net" if port == 0 else f"db-{rng.randint(1, 9)}.int.lan"
        tail = f"@{host}" + (f":{port}" if port else "") + "/prod"
        return f"{scheme}://{user}:", [Put("url", pw, f"url/{scheme}-password")], tail
    if k == "slack":
        sec = _tok(rng, 24)
        return (
            f"https://hooks.slack.com/services/T{_tok(rng, 8, _UPDIG)}/B{_tok(rng, 10, _UPDIG)}/",
            [Put("url", sec, "url/slack-webhook")],
            "",
        )
    if k == "discord":
        return (
            f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/",
            [Put("url", _tok(rng, 68, _B62 + "-_"), "url/discord-webhook")],
            "",
        )
    if k == "telegram":
        tok = f"{rng.randint(10**8, 10**10)}:AA{_tok(rng, 33, _B62 + '-_')}"
        return "https://api.telegram.org/bot", [Put("url", tok, "url/telegram-bot")], "/getMe"
    if k == "apikey":
        host, param, tok = rng.choice(
            (
                (
                    "maps.googleapis.com/maps/api/geocode/json?address=Ringstr.+5",
                    "key",
                    "AIza" + _tok(rng, 35, _B62 + "-_"),
                ),
                ("api.openweathermap.org/data/2.5/weather?q=Lyon", "appid", _tok(rng, 32, _HEX)),
                ("api.shop-backend.io/v2/orders?limit=20", "api_key", "sk_live_" + _tok(rng, 24)),
                ("newsapi.org/v2/top-headlines?country=de", "apiKey", _tok(rng, 32, _HEX)),
            )
        )
        return f"https://{host}&{param}=", [Put("url", tok, "url/api-key")], ""
    if k == "fragment":
        tok = _tok(rng, 40, _B62 + "-._~")
        return (
            "https://app.tidyledger.com/oauth/cb#access_token=",
            [Put("url", tok, "url/fragment-token")],
            "&token_type=bearer&expires_in=3600",
        )
    if k == "reset":
        tok = _tok(rng, rng.choice((32, 48)), _B62)
        host = rng.choice(("accounts.streamly.tv", "id.gymnation.fit", "my.energo-plus.pl"))
        path = rng.choice(("reset-password/", "magic-link?t=", "verify?code=", "invite/"))
        return f"https://{host}/{path}", [Put("url", tok, "url/reset-link")], ""
    if k == "zoom":
        return (
            f"https://us06web.zoom.us/j/{rng.randint(10**10, 10**11)}?pwd=",
            [Put("url", _tok(rng, 32), "url/meeting-password")],
            "",
        )
    if k == "git":
        tok = "ghp_" + _tok(rng, 36)
        return (
            "https://x-access-token:",
            [Put("url", tok, "url/git-token")],
            ("@github.com/brightpath/infra.git"),
        )
    if k == "amqp":
        pw = _tok(rng, 16)
        return (
            "amqps://worker:",
            [Put("url", pw, "url/amqp-password")],
            "@mq.internal.example:5671/",
        )
    if k == "wss":
        tok = _tok(rng, 48, _B62)
        return (
            "wss://rt.livechat-hub.net/socket?session_token=",
            [Put("url", tok, "url/wss-token")],
            "&v=3",
        )
    pw = _tok(rng, 12)
    return "ftp://upload:", [Put("url", pw, "url/ftp-password")], "@ftp.printhaus-meyer.de/in/"


# --- decoys -----------------------------------------------------------------------------------


def ean13(rng: random.Random) -> str:
    body = rng.choice(("400", "590", "800", "869", "871", "500", "789")) + _rand_digits(rng, 9)
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def s10(rng: random.Random) -> str:
    """A UPU S10 parcel id with its check digit (weights 8 6 4 2 3 5 9 7)."""
    ds = _rand_digits(rng, 8)
    s = sum(int(d) * w for d, w in zip(ds, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - s % 11
    c = 5 if c == 11 else 0 if c == 10 else c
    service = rng.choice(("RR", "CP", "LX", "EE", "RA"))
    return f"{service}{ds}{c}{rng.choice(('DE', 'GB', 'PL', 'TR', 'CN', 'NL'))}"


def luhn_fail16(rng: random.Random) -> str:
    while True:
        d = rng.choice("4523") + _rand_digits(rng, 15)
        if not luhn_ok(d):
            return d


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def a_date(rng: random.Random) -> str:
    y, m, d = rng.choice((2024, 2025, 2026)), rng.randint(1, 12), rng.randint(1, 28)
    lang = rng.choice(tuple(_MONTHS))
    mon = _MONTHS[lang].split()[m - 1]
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d}/{m}/{y}",
            f"{m:02d}/{d:02d}/{y % 100:02d}",
            f"{d} {mon} {y}",
            f"{d}. {mon}",
            f"{mon[:3].title()} {d}, {y}",
            f"{d:02d}-{mon[:3].title()}-{y % 100:02d}",
            f"{y}/{m:02d}/{d:02d}",
            f"{y}年{m}月{d}日",
            f"{y}-{m:02d}-{d:02d}T{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}:00Z",
        )
    )


def a_time(rng: random.Random) -> str:
    h, mi = rng.randint(0, 23), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
    h12 = h % 12 or 12
    return rng.choice(
        (
            f"{h:02d}:{mi:02d}",
            f"{h12}:{mi:02d} {'pm' if h >= 12 else 'am'}",
            f"{h}h{mi:02d}",
            f"{h}.{mi:02d} Uhr",
            f"{h12}{'PM' if h >= 12 else 'AM'}",
            f"{h:02d}:{mi:02d}:{rng.randint(10, 59)}",
        )
    )


def a_price(rng: random.Random) -> str:
    a = rng.randint(1, 4999)
    c = rng.randint(0, 99)
    return rng.choice(
        (
            f"€{a},{c:02d}",
            f"{a},{c:02d} €",
            f"${a}.{c:02d}",
            f"£{a}.{c:02d}",
            f"{a} zł",
            f"₺{a:,}".replace(",", "."),
            f"CHF {a}.–",
            f"R$ {a},{c:02d}",
            f"{a * 1000:,} VND",
            f"USD {a}.{c:02d}",
            f"{a}.{c:02d} TL",
            f"¥{a * 100:,}",
            f"₹{a * 10:,}",
        )
    )


def a_version(rng: random.Random) -> str:
    return rng.choice(
        (
            f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 40)}",
            f"iOS {rng.randint(15, 18)}.{rng.randint(0, 6)}.{rng.randint(1, 3)}",
            f"Android {rng.randint(11, 15)}",
            f"10.0.{rng.randint(19041, 26100)}.{rng.randint(256, 5000)}",
            f"{rng.randint(120, 131)}.0.{rng.randint(6000, 6800)}.{rng.randint(50, 200)}",
            f"{rng.randint(1, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}-rc.{rng.randint(1, 9)}",
            f"build {rng.randint(2300, 2600)}.{rng.randint(1, 99)}",
        )
    )


def a_postal(rng: random.Random) -> str:
    L = string.ascii_uppercase
    return rng.choice(
        (
            f"{rng.randint(10000, 99999)}",
            f"{rng.randint(1000, 9999)} {rng.choice(L)}{rng.choice(L)}",
            f"{rng.choice(('SW', 'EC', 'M', 'LS', 'G'))}{rng.randint(1, 20)} "
            f"{rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}",
            f"{rng.randint(10, 99)}-{rng.randint(100, 999)}",
            f"{rng.randint(100, 999)} {rng.randint(10, 99)}",
            f"{rng.randint(10000, 99999)}-{rng.randint(100, 999)}",
        )
    )


def a_bic(rng: random.Random) -> str:
    return rng.choice(
        (
            "DEUTDEFF",
            "COBADEFFXXX",
            "BNPAFRPP",
            "INGBNL2A",
            "RABONL2U",
            "BSCHESMM",
            "UNCRITMM",
            "TGBATRIS",
            "AKBKTRIS",
            "PKOPPLPW",
            "NWBKGB2L",
            "BARCGB22",
            "CHASUS33",
            "HSBCHKHH",
            "SWEDSEQQ",
            "DNBANOKK",
            "GIBACZPX",
            "RZBRROBU",
            "OTPVHUHB",
            "ETHNGRAA",
        )
    )


_ORDER_FORMATS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"{r.randint(100, 999)}-{r.randint(1000000, 9999999)}-{r.randint(1000000, 9999999)}",
    lambda r: f"#{r.randint(100000, 999999)}",
    lambda r: f"ORD-{r.randint(2024, 2026)}-{r.randint(0, 999999):06d}",
    lambda r: (
        f"{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(10, 99)}"
    ),
    lambda r: f"A{r.randint(10, 99)}-{r.randint(1000, 9999)}-{r.randint(100, 999)}",
    lambda r: (
        f"{r.randint(2024, 2026)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        f"-{r.randint(0, 99999):05d}"
    ),
)
_TICKET_FORMATS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"INC{r.randint(0, 9999999):07d}",
    lambda r: f"CS-{r.randint(100000, 999999)}",
    lambda r: f"{r.choice(('SUP', 'OPS', 'HELP', 'BILL'))}-{r.randint(100, 99999)}",
    lambda r: f"{r.randint(10, 99)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}",
    lambda r: f"0{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
)


def a_decoy(rng: random.Random, cls: str | None = None) -> Put:
    """One decoy of a class (drawn if not given), with the words that show what it is."""
    cls = cls or rng.choice(tuple(_DECOYS))
    return D(_DECOYS[cls](rng), cls)


def _hash(rng: random.Random) -> str:
    h = hashlib.sha256(str(rng.random()).encode()).hexdigest()
    return h[: rng.choice((7, 8, 12, 40, 64))]


_DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: r.choice(_ORDER_FORMATS)(r),
    "ticket": lambda r: r.choice(_TICKET_FORMATS)(r),
    "invoice": lambda r: r.choice(
        (
            f"INV-{r.randint(2024, 2026)}-{r.randint(0, 99999):05d}",
            f"RE-{r.randint(2024, 2026)}/{r.randint(100, 9999)}",
            f"FA{r.randint(100000, 999999)}",
            f"F-{r.randint(2024, 2026)}-{r.randint(1, 9999):04d}",
        )
    ),
    "tracking": lambda r: r.choice(
        (
            s10(r),
            f"1Z{_tok(r, 6, string.ascii_uppercase + string.digits)}{_rand_digits(r, 10)}",
            f"00340434{_rand_digits(r, 12)}",
            f"JJD{_rand_digits(r, 18)}",
            f"94001{_rand_digits(r, 17)}",
        )
    ),
    "tracking16": lambda r: _grouped(luhn_fail16(r)),
    "luhn-fail": luhn_fail16,
    "masked-card": lambda r: (
        r.choice(("**** **** **** ", "•••• ", "XXXX-XXXX-XXXX-", "ending in ")) + _rand_digits(r, 4)
    ),
    "iban-bad": lambda r: (lambda c: _grouped(c) if r.random() < 0.5 else c)(
        iban_compact(r, r.choice(tuple(IBAN_BBAN)), valid=False)
    ),
    "bic": a_bic,
    "sort-code": lambda r: f"{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
    "routing": lambda r: r.choice(
        ("021000021", "026009593", "121000248", "011000138", "322271627")
    ),
    "price": a_price,
    "date": a_date,
    "time": a_time,
    "version": a_version,
    "hash": _hash,
    "uuid": lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)),
    "sku": lambda r: (
        f"{r.choice(('SKU', 'ART', 'MPN'))}-{r.randint(10000, 99999)}-"
        f"{r.choice(('BLK', 'WHT', 'XL', 'M', 'RED'))}"
    ),
    "ean": ean13,
    "postal": a_postal,
    "coords": lambda r: f"{r.uniform(-60, 70):.5f}, {r.uniform(-170, 170):.5f}",
    "quantity": lambda r: f"{r.randint(2, 500)} {r.choice(('pcs', 'Stück', 'kg', 'adet', 'szt.'))}",
}


# --- people -----------------------------------------------------------------------------------

_FEMALE_NAMES = """
    Emily Charlotte Sophie Chloe Megan Hannah Abigail Madison Brianna Imogen Leonie Johanna
    Lena Katharina Svenja Bärbel Grete Ute Friederike Camille Manon Chloé Léa Océane Élodie Maëlys
    Gaëlle Anaïs Inès Lucía Carmen Nerea Marta Begoña Sofía Rocío Ainhoa Pilar Ximena Francesca
    Chiara Giulia Martina Federica Ilaria Beatrice Noemi Beatriz Mariana Leonor Matilde Luana
    Larissa Letícia Ayşe Fatma Zeynep Elif Gülşen Şebnem Özlem İrem Merve Sanne Fleur Lotte Anouk
    Maartje Femke Eline Ilse Zuzanna Julia Maja Małgorzata Agnieszka Katarzyna Joanna Dorota
    Astrid Elsa Ingrid Linnéa Agneta Saga Ebba Solveig Kari Ragnhild Silje Hege Marit Jana Tereza
    Lucie Kateřina Barbora Markéta Ioana Elena Raluca Bianca Mădălina Oana Zsófia Réka Eszter
    Krisztina Dóra Ildikó Maria Eleni Katerina Sofia Vasiliki Despina Anastasia Yekaterina Olga
    Tatiana Irina Svetlana Olena Oksana Iryna Nataliia Yulia Halyna Fatima Aisha Layla Mariam
    Noura Huda Salma Rania Maryam Zahra Fatemeh Niloufar Shirin Parisa Golnaz Priya Ananya Sneha
    Kavya Pooja Neha Ishita Lakshmi Meena Kavitha Priyanka Revathi Deepa Fang Jing Yan Xiuying
    Meiling Jiahui Seo-yeon Ji-woo Soo-ah Ha-eun Yu-na Eun-ji Yui Aoi Hina Sakura Yuki Miyu Nanami
    Thảo Linh Trang Hương Ngọc Phương Thúy Siti Dewi Putri Ayu Indah Rina Wulan Funmilayo Temitope
    Yetunde Omolara Ṣadé Ngozi Chiamaka Adaeze Nneka Ifeoma Zawadi Rehema Wanjiku Auma"""
FEMALE = set(_FEMALE_NAMES.split())
_CS_FEM = {"Němec": "Němcová", "Marek": "Marková"}
_EL_FEM = {
    "Papadopoulos|Παπαδόπουλος": "Papadopoulou|Παπαδοπούλου",
    "Pappas|Παππάς": "Pappa|Παππά",
    "Nikolaidis|Νικολαΐδης": "Nikolaidou|Νικολαΐδου",
    "Vlachos|Βλάχος": "Vlachou|Βλάχου",
    "Karagiannis|Καραγιάννης": "Karagianni|Καραγιάννη",
    "Makris|Μακρής": "Makri|Μακρή",
}


def _female_family(lang: str, latin: str, native: str) -> tuple[str, str]:
    if lang == "pl" and latin.endswith(("ski", "cki")):
        return latin[:-1] + "a", native[:-1] + "a"
    if lang == "cs":
        if latin in _CS_FEM:
            f = _CS_FEM[latin]
        elif latin.endswith("ý"):
            f = latin[:-1] + "á"
        elif latin.endswith("a"):
            f = latin[:-1] + "ová"
        else:
            f = latin + "ová"
        return f, f
    if lang == "ru":
        return latin + "a", native + "а"
    if lang == "el" and f"{latin}|{native}" in _EL_FEM:
        a, _, b = _EL_FEM[f"{latin}|{native}"].partition("|")
        return a, b
    return latin, native


@dataclass
class Who:
    """A person as the conversation writes them."""

    lang: str
    first_latin: str
    last_latin: str
    first_native: str
    last_native: str
    female: bool
    script: str  # "native" (Greek/Cyrillic), "ascii" (no accents typed) or "latin"

    @property
    def first(self) -> str:
        return self._form(self.first_latin, self.first_native)

    @property
    def last(self) -> str:
        return self._form(self.last_latin, self.last_native)

    def _form(self, latin: str, native: str) -> str:
        if self.script == "native":
            return native
        return fold(latin) if self.script == "ascii" else latin

    def forms(self) -> set[str]:
        return {
            plain(s)
            for s in (self.first_latin, self.last_latin, self.first_native, self.last_native)
        }


def make_who(rng: random.Random, lang: str | None = None) -> Who:
    lang = lang or rng.choice(LANGS)
    given, family = NAMES[lang]
    gl, gn = rng.choice(given)
    fl, fn = rng.choice(family)
    female = gl in FEMALE
    if female:
        fl, fn = _female_family(lang, fl, fn)
    if lang in NATIVE_SCRIPT:
        script = "native" if rng.random() < 0.4 else "latin"
    elif fold(gl + fl) != gl + fl:
        script = "ascii" if rng.random() < 0.3 else "latin"
    else:
        script = "latin"
    return Who(lang, gl, fl, gn, fn, female, script)


def name_form(rng: random.Random) -> str:
    return rng.choices(("title", "lower", "upper"), (80, 15, 5))[0]


# --- cue phrasings, one set per language ------------------------------------------------------
# {F} given name, {L} family name; written by this bank from how people open and close chats.

INTRO: dict[str, tuple[str, ...]] = {
    "en": (
        "hi, my name is {F} {L}",
        "Hello! I'm {F} {L} and I need help with a refund",
        "{F} {L} here, quick question",
        "hey it's {F} again",
        "Morning, {F} {L} from accounts",
    ),
    "de": (
        "Hallo, ich heiße {F} {L}",
        "Guten Tag, mein Name ist {F} {L}.",
        "Hi, hier ist {F}",
        "Moin, {F} hier",
        "ich bin {F} {L} und hab eine Frage zur Rechnung",
    ),
    "fr": (
        "Bonjour, je m'appelle {F} {L}",
        "Bonsoir, moi c'est {F}",
        "Je suis {F} {L}, cliente depuis longtemps",
        "Salut, ici {F}",
    ),
    "es": (
        "Hola, me llamo {F} {L}",
        "Buenas, soy {F}",
        "Mi nombre es {F} {L} y tengo un problema",
        "Qué tal, les escribe {F} {L}",
    ),
    "it": (
        "Buongiorno, mi chiamo {F} {L}",
        "Ciao, sono {F}",
        "Salve, il mio nome è {F} {L}",
        "Sono {F} {L}, vi scrivo per un reso",
    ),
    "pt": (
        "Olá, meu nome é {F} {L}",
        "Oi, aqui é {F}",
        "Bom dia, me chamo {F} {L}",
        "Sou a {F}, cliente de vocês",
    ),
    "tr": (
        "Merhaba, ben {F} {L}",
        "Selam, adım {F}",
        "Benim adım {F} {L}, siparişim gelmedi",
        "İyi günler, ismim {F} {L}",
    ),
    "nl": (
        "Hoi, ik ben {F}",
        "Goedemiddag, mijn naam is {F} {L}",
        "Hallo, met {F} {L}",
        "Je spreekt met {F}",
    ),
    "pl": (
        "Dzień dobry, nazywam się {F} {L}",
        "Cześć, mam na imię {F}",
        "Z tej strony {F} {L}",
        "Witam, tu {F}",
    ),
    "sv": ("Hej, jag heter {F} {L}", "Hej! Det är {F} här", "Mitt namn är {F} {L}"),
    "no": ("Hei, jeg heter {F} {L}", "Hei, dette er {F}", "Navnet mitt er {F} {L}"),
    "cs": ("Dobrý den, jmenuji se {F} {L}", "Ahoj, tady {F}", "Zdravím, jsem {F} {L}"),
    "ro": ("Bună ziua, mă numesc {F} {L}", "Salut, sunt {F}", "Numele meu este {F} {L}"),
    "hu": ("Jó napot, {L} {F} vagyok", "Szia, {F} vagyok", "A nevem {L} {F}"),
    "el": ("Γεια σας, με λένε {F} {L}", "Καλησπέρα, εδώ {F} {L}"),
    "el-lat": ("geia sas, me lene {F} {L}", "kalispera, eimai o/i {F}"),
    "ru": ("Здравствуйте, меня зовут {F} {L}", "Привет, это {F}", "Добрый день! Я {F} {L}"),
    "ru-lat": ("zdravstvuyte, menya zovut {F} {L}", "privet, eto {F}"),
    "uk": ("Добрий день, мене звати {F} {L}", "Привіт, це {F}"),
    "uk-lat": ("dobryi den, mene zvaty {F} {L}", "pryvit, tse {F}"),
    "ar": ("marhaba, ismi {F} {L}", "salam, ana {F} {L}"),
    "fa": ("salam, esmam {F} {L} ast", "salam, man {F} hastam"),
    "hi": ("namaste, mera naam {F} {L} hai", "hello ji, main {F} {L} bol raha hoon"),
    "ta": ("vanakkam, en peyar {F} {L}", "vanakkam, naan {F} pesuren"),
    "zh": ("nihao, wo jiao {L} {F}", "ni hao, wo shi {L} {F}"),
    "ko": ("annyeonghaseyo, jeoneun {L} {F} imnida", "je ireumeun {L} {F} ieyo"),
    "ja": ("hajimemashite, {L} {F} desu", "{L} to moushimasu, yoroshiku onegaishimasu"),
    "vi": ("Xin chào, tôi tên là {L} {F}", "Chào shop, em là {F} ạ"),
    "id": ("Halo, nama saya {F} {L}", "Selamat siang, saya {F}"),
    "yo": ("Ẹ n lẹ, orúkọ mi ni {F} {L}",),
    "ig": ("Ndewo, aha m bụ {F} {L}",),
    "sw": ("Habari, jina langu ni {F} {L}", "Mambo, mimi ni {F}"),
}
SPEAKING: dict[str, tuple[str, ...]] = {
    "en": ("This is {F} {L} speaking.", "{F} from customer care speaking, how can I help?"),
    "de": ("{F} {L} am Apparat.", "Sie sprechen mit {F} {L} vom Kundenservice."),
    "fr": ("{F} {L} à l'appareil.", "Vous êtes en ligne avec {F}."),
    "es": ("Le habla {F} {L}.", "Al habla {F}, del servicio técnico."),
    "it": ("Pronto, parla {F} {L}.", "Sono {F} del servizio clienti."),
    "pt": ("Quem fala é {F} {L}.", "Aqui quem fala é {F}, do suporte."),
    "tr": ("{F} {L} ben, iyi günler.", "Müşteri hizmetlerinden {F} ben."),
    "nl": ("U spreekt met {F} {L}.", "Met {F} van de klantenservice."),
    "pl": ("Przy telefonie {F} {L}.", "Tu {F} z obsługi klienta."),
    "cs": ("U telefonu {F} {L}.",),
}
SIGNOFF: dict[str, tuple[str, ...]] = {
    "en": ("Cheers,\n{F}", "Best regards,\n{F} {L}", "Thanks!\n– {F}", "Kind regards\n{F} {L}"),
    "de": ("Viele Grüße\n{F} {L}", "LG {F}", "Mit freundlichen Grüßen\n{F} {L}", "Gruß, {F}"),
    "fr": ("Cordialement,\n{F} {L}", "Bisous, {F}", "Bien à vous,\n{F} {L}"),
    "es": ("Saludos,\n{F}", "Un abrazo, {F}", "Atentamente,\n{F} {L}"),
    "it": ("Cordiali saluti\n{F} {L}", "Grazie mille, {F}", "Un saluto,\n{F}"),
    "pt": ("Abraços,\n{F}", "Atenciosamente,\n{F} {L}", "Obrigada! {F}"),
    "tr": ("Saygılarımla,\n{F} {L}", "İyi çalışmalar, {F}", "Teşekkürler\n{F}"),
    "nl": ("Met vriendelijke groet,\n{F} {L}", "Groetjes, {F}", "Mvg {F} {L}"),
    "pl": ("Pozdrawiam,\n{F} {L}", "Z poważaniem\n{F} {L}", "Dzięki, {F}"),
    "sv": ("Med vänliga hälsningar\n{F} {L}", "Hälsningar, {F}"),
    "no": ("Mvh\n{F} {L}", "Hilsen {F}"),
    "cs": ("S pozdravem\n{F} {L}", "Díky, {F}"),
    "ro": ("Cu stimă,\n{F} {L}", "Mulțumesc, {F}"),
    "hu": ("Üdvözlettel:\n{L} {F}", "Köszi, {F}"),
    "el": ("Με εκτίμηση,\n{F} {L}", "Ευχαριστώ, {F}"),
    "ru": ("С уважением,\n{F} {L}", "Спасибо, {F}"),
    "uk": ("З повагою,\n{F} {L}", "Дякую, {F}"),
    "id": ("Salam,\n{F}", "Terima kasih, {F} {L}"),
    "vi": ("Trân trọng,\n{L} {F}",),
    "sw": ("Asante,\n{F}",),
}
GREET: dict[str, tuple[str, ...]] = {
    "en": (
        "Hi {F}! How can I help today?",
        "Thanks {F}, one moment please.",
        "Welcome back, {F} 👋",
    ),
    "de": ("Hallo {F}, danke für Ihre Nachricht.", "Hi {F}! Womit kann ich helfen?"),
    "fr": ("Bonjour {F} ! Que puis-je faire pour vous ?", "Merci {F}, je regarde ça."),
    "es": ("¡Hola {F}! ¿En qué puedo ayudarte?", "Gracias, {F}. Un momento."),
    "it": ("Ciao {F}, come posso aiutarti?", "Grazie {F}, verifico subito."),
    "pt": ("Olá {F}, tudo bem?", "Obrigado, {F}! Já verifico."),
    "tr": ("Merhaba {F}, size nasıl yardımcı olabilirim?", "Teşekkürler {F}, kontrol ediyorum."),
    "nl": ("Hoi {F}, waarmee kan ik je helpen?", "Dank je, {F}!"),
    "pl": ("Cześć {F}, w czym mogę pomóc?",),
    "sv": ("Hej {F}! Vad kan jag hjälpa till med?",),
    "no": ("Hei {F}! Hva kan jeg hjelpe med?",),
    "ro": ("Bună, {F}! Cu ce te pot ajuta?",),
    "id": ("Halo Kak {F}, ada yang bisa dibantu?",),
}
# Titles: (male, female) templates around the family name ({L}) or given name ({F}).
TITLE: dict[str, tuple[str, str]] = {
    "en": ("Dear Mr {L},", "Dear Ms. {L},"),
    "de": ("Guten Tag Herr {L},", "Sehr geehrte Frau {L},"),
    "fr": ("Bonjour M. {L},", "Bonjour Mme {L},"),
    "es": ("Estimado Sr. {L}:", "Estimada Sra. {L}:"),
    "it": ("Gentile Sig. {L},", "Gentile Sig.ra {L},"),
    "pt": ("Prezado Sr. {L},", "Prezada Sra. {L},"),
    "tr": ("Merhaba {F} Bey,", "Merhaba {F} Hanım,"),
    "nl": ("Beste meneer {L},", "Beste mevrouw {L},"),
    "pl": ("Dzień dobry Panie {L},", "Dzień dobry Pani {F},"),
    "ja": ("{L}-san, arigatou gozaimasu.", "{L} san, otsukaresama desu."),
    "ko": ("{F}-ssi, annyeonghaseyo.", "{F} nim, gamsahamnida."),
    "ar": ("Ustaz {F}, shukran.", "Ustaza {F}, shukran."),
    "hi": ("{F} ji, dhanyavaad.", "{F} ji, dhanyavaad."),
    "el": ("Κύριε {L},", "Κυρία {L},"),
    "ru": ("Уважаемый {F},", "Уважаемая {F},"),
    "sw": ("Bwana {L},", "Bi {L},"),
    "dr": ("Dear Dr. {L},", "Dr. {L}, your results are ready."),
}
RELATION: dict[str, tuple[str, ...]] = {
    "en": (
        "my colleague {F} {L} will send the documents",
        "my wife {F} placed the order",
        "my husband {F} has the receipt",
        "please talk to my manager {F} {L}",
    ),
    "de": ("mein Kollege {F} {L} schickt die Unterlagen", "meine Frau {F} hat bestellt"),
    "fr": ("ma collègue {F} {L} vous enverra les papiers", "mon mari {F} a le reçu"),
    "es": ("mi compañera {F} {L} le manda los documentos", "mi esposo {F} hizo el pedido"),
    "it": ("il mio collega {F} {L} vi manda i documenti", "mia moglie {F} ha lo scontrino"),
    "pt": ("minha colega {F} {L} vai mandar os documentos", "meu marido {F} fez o pedido"),
    "tr": ("iş arkadaşım {F} {L} belgeleri gönderecek", "eşim {F} siparişi verdi"),
    "nl": ("mijn collega {F} {L} stuurt de papieren", "mijn vrouw {F} heeft besteld"),
    "pl": ("mój kolega {F} {L} wyśle dokumenty", "moja żona {F} złożyła zamówienie"),
    "sv": ("min kollega {F} {L} skickar papperen",),
    "ro": ("colega mea {F} {L} trimite actele",),
}
HANDOFF: dict[str, tuple[str, ...]] = {
    "en": ("{F} will take over from here.", "I'm handing you over to {F} {L} from billing."),
    "de": ("{F} übernimmt jetzt den Chat.", "Ich verbinde Sie mit {F} {L}."),
    "fr": ("{F} va prendre le relais.", "Je vous transfère à {F} {L}."),
    "es": ("{F} continuará con tu caso.", "Te paso con {F} {L}."),
    "it": ("Ti passo a {F}, un attimo.", "{F} {L} prenderà in carico la richiesta."),
    "pt": ("Vou transferir você para {F}.", "{F} {L} vai continuar o atendimento."),
    "tr": ("Sizi {F} ile bağlıyorum.", "{F} {L} size yardımcı olacak."),
    "nl": ("{F} neemt het gesprek van me over.",),
    "pl": ("{F} przejmie teraz rozmowę.",),
}
# Inflected forms: (template, {given or family: inflected}) per language. The whole inflected
# word is the name as written there.
_PL_GEN = {
    "Nowak": "Nowaka",
    "Wójcik": "Wójcika",
    "Kowalczyk": "Kowalczyka",
    "Woźniak": "Woźniaka",
    "Mazur": "Mazura",
    "Krawczyk": "Krawczyka",
}
_CS_DAT = {"Němec": "Němcovi", "Marek": "Markovi"}
_HU_DAT = {
    "Nagy": "Nagynak",
    "Kovács": "Kovácsnak",
    "Tóth": "Tóthnak",
    "Szabó": "Szabónak",
    "Horváth": "Horváthnak",
    "Varga": "Vargának",
    "Kiss": "Kissnek",
    "Molnár": "Molnárnak",
    "Németh": "Némethnek",
    "Farkas": "Farkasnak",
    "Balogh": "Baloghnak",
    "Papp": "Pappnak",
}
_RU_DAT = {
    "Дмитрий": "Дмитрию",
    "Сергей": "Сергею",
    "Алексей": "Алексею",
    "Николай": "Николаю",
    "Михаил": "Михаилу",
    "Павел": "Павлу",
    "Анастасия": "Анастасии",
    "Екатерина": "Екатерине",
    "Ольга": "Ольге",
    "Татьяна": "Татьяне",
    "Ирина": "Ирине",
    "Светлана": "Светлане",
}
_UK_DAT = {
    "Олена": "Олені",
    "Андрій": "Андрію",
    "Оксана": "Оксані",
    "Тарас": "Тарасу",
    "Ірина": "Ірині",
    "Богдан": "Богдану",
    "Наталія": "Наталії",
    "Микола": "Миколі",
    "Юлія": "Юлії",
    "Володимир": "Володимиру",
    "Галина": "Галині",
    "Сергій": "Сергію",
}
_EL_GEN = {
    "Γιώργος": "Γιώργου",
    "Δημήτρης": "Δημήτρη",
    "Κώστας": "Κώστα",
    "Νίκος": "Νίκου",
    "Γιάννης": "Γιάννη",
    "Παναγιώτης": "Παναγιώτη",
    "Μαρία": "Μαρίας",
    "Ελένη": "Ελένης",
    "Κατερίνα": "Κατερίνας",
    "Σοφία": "Σοφίας",
    "Βασιλική": "Βασιλικής",
    "Δέσποινα": "Δέσποινας",
}


def inflected(who: Who) -> tuple[str, str, str] | None:
    """(template with {X}, the inflected word, class) for a third party, or None."""
    if who.lang == "pl" and not who.female:
        last = who.last_latin
        gen = last[:-1] + "iego" if last.endswith(("ski", "cki")) else _PL_GEN.get(last)
        if gen:
            return "Dzwoniłam wczoraj do pana {X}, ale nie odebrał.", gen, "name/inflected-pl"
    if who.lang == "pl" and who.last_latin.endswith(("ska", "cka")):
        return "Proszę przekazać to pani {X}.", who.last_latin[:-1] + "iej", "name/inflected-pl"
    if who.lang == "cs":
        last = who.last_latin
        if who.female:
            dat = last[:-1] + "é" if last.endswith(("á", "ová")) else last
            return "Psala jsem paní {X} včera.", dat, "name/inflected-cs"
        if last in _CS_DAT:
            dat = _CS_DAT[last]
        elif last.endswith("ý"):
            dat = last[:-1] + "ému"
        elif last.endswith("a"):
            dat = last[:-1] + "ovi"
        else:
            dat = last + "ovi"
        return "Volal jsem panu {X} kvůli faktuře.", dat, "name/inflected-cs"
    if who.lang == "hu":
        return "{X} már elküldtem a számlát.", _HU_DAT[who.last_latin], "name/inflected-hu"
    if who.lang == "ru" and who.script == "native":
        return (
            "Передайте, пожалуйста, {X}, что заказ готов.",
            _RU_DAT[who.first_native],
            ("name/inflected-ru"),
        )
    if who.lang == "uk" and who.script == "native":
        return (
            "Передайте {X}, будь ласка, що все гаразд.",
            _UK_DAT[who.first_native],
            ("name/inflected-uk"),
        )
    if who.lang == "el" and who.script == "native":
        art = "της" if who.female else "του"
        return f"Το κινητό {art} {{X}} δεν απαντά.", _EL_GEN[who.first_native], "name/inflected-el"
    return None


_TR_SUFFIX = {
    "a": "ın",
    "ı": "ın",
    "e": "in",
    "i": "in",
    "o": "un",
    "u": "un",
    "ö": "ün",
    "ü": "ün",
}


def tr_genitive(name: str) -> str:
    """The Turkish genitive suffix after the apostrophe ("Ayşe'nin", "Mehmet'in")."""
    vowels = [c for c in name.lower() if c in _TR_SUFFIX]
    suf = _TR_SUFFIX[vowels[-1]] if vowels else "in"
    return ("n" + suf) if name[-1].lower() in _TR_SUFFIX else suf


# --- sentences around values ------------------------------------------------------------------

Item = str | Put
_SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")


def fill(doc: Doc, tpl: str, *, lower: bool = False, **slots: Item | Sequence[Item]) -> Doc:
    """Write ``tpl`` into ``doc`` with its ``{slots}``; literal text lower-cased when asked."""
    pos = 0
    for m in _SLOT.finditer(tpl):
        lit = tpl[pos : m.start()]
        doc(lit.lower() if lower else lit)
        val = slots[m.group(1)]
        if isinstance(val, str | Put):
            doc(val)
        else:
            doc(*val)
        pos = m.end()
    lit = tpl[pos:]
    doc(lit.lower() if lower else lit)
    return doc


STRUCT: dict[str, dict[str, tuple[str, ...]]] = {
    "phone": {
        "en": (
            "you can reach me on {X}",
            "my new number is {X}",
            "call me back at {X} please",
            "Mobile: {X}",
        ),
        "de": ("Meine Nummer: {X}", "Ich bin unter {X} erreichbar.", "Rückruf bitte an {X}"),
        "fr": ("mon numéro : {X}", "Rappelez-moi au {X} svp", "Tél. {X}"),
        "es": ("mi número es el {X}", "llámame al {X}", "Móvil: {X}"),
        "it": ("il mio numero è {X}", "chiamatemi al {X}", "Cell. {X}"),
        "pt": ("meu número é {X}", "me liga no {X}", "Telemóvel: {X}"),
        "tr": ("numaram {X}", "beni {X} numarasından arayın", "Cep: {X}"),
        "nl": ("mijn nummer is {X}", "bel me op {X}", "Tel.: {X}"),
        "pl": ("mój numer to {X}", "proszę dzwonić pod {X}", "tel. {X}"),
    },
    "email": {
        "en": ("my email is {X}", "send it to {X} please", "E-mail: {X}"),
        "de": ("meine E-Mail-Adresse lautet {X}", "Schicken Sie es an {X}."),
        "fr": ("mon adresse mail : {X}", "écrivez-moi à {X}"),
        "es": ("mi correo es {X}", "escríbeme a {X}"),
        "it": ("la mia email è {X}", "scrivetemi a {X}"),
        "pt": ("meu e-mail é {X}", "manda pra {X}"),
        "tr": ("e-posta adresim {X}", "Mail: {X}"),
        "nl": ("mijn e-mailadres is {X}", "mail naar {X} aub"),
        "pl": ("mój e-mail to {X}", "proszę pisać na {X}"),
    },
    "iban": {
        "en": ("please refund to {X}", "my IBAN: {X}", "IBAN {X} (same as before)"),
        "de": ("Bitte auf {X} überweisen.", "IBAN: {X}"),
        "fr": ("mon IBAN est {X}", "RIB : {X}"),
        "es": ("mi cuenta es {X}", "IBAN para el reembolso: {X}"),
        "it": ("IBAN per il rimborso: {X}",),
        "pt": ("o meu IBAN é {X}",),
        "tr": ("IBAN numaram {X}",),
        "nl": ("mijn rekeningnummer is {X}",),
        "pl": ("numer konta: {X}",),
    },
    "card": {
        "en": ("charge the card {X} instead", "card number {X}, exp {EXP}"),
        "de": ("Bitte die Kreditkarte {X} belasten.",),
        "fr": ("ma carte : {X}",),
        "es": ("mi tarjeta es la {X}",),
        "it": ("carta n. {X}",),
        "pt": ("cartão final... não, o número todo: {X}",),
        "tr": ("kart numaram {X}",),
        "nl": ("mijn creditcard: {X}",),
        "pl": ("numer karty {X}",),
    },
    "ip": {
        "en": ("my IP is {X}", "logins from {X} aren't me!", "the VPN gives me {X}"),
        "de": ("meine IP-Adresse ist {X}",),
        "fr": ("mon adresse IP : {X}",),
        "es": ("mi IP es {X}",),
        "tr": ("IP adresim {X}",),
        "pl": ("moje IP to {X}",),
    },
    "url": {
        "en": ("here is the link: {X}", "this link still works for me {X}", "Link: {X}"),
        "de": ("hier der Link: {X}",),
        "fr": ("voici le lien : {X}",),
        "es": ("te paso el enlace: {X}",),
        "pt": ("segue o link {X}",),
        "nl": ("hier is de link: {X}",),
    },
}

_DECOY_CTX: dict[str, tuple[str, ...]] = {
    "order": (
        "order {X}",
        "order no. {X}",
        "de|Bestellung {X}",
        "fr|commande n° {X}",
        "es|pedido {X}",
        "tr|sipariş no {X}",
        "pl|zamówienie {X}",
        "it|ordine {X}",
        "pt|pedido nº {X}",
        "nl|bestelling {X}",
    ),
    "ticket": (
        "ticket {X}",
        "case {X}",
        "de|Vorgangsnummer {X}",
        "fr|dossier {X}",
        "pt|chamado {X}",
        "es|incidencia {X}",
        "tr|talep no {X}",
        "nl|melding {X}",
    ),
    "invoice": (
        "invoice {X}",
        "de|Rechnung {X}",
        "fr|facture {X}",
        "tr|fatura {X}",
        "nl|factuur {X}",
        "es|factura {X}",
        "it|fattura {X}",
        "pl|faktura {X}",
    ),
    "tracking": (
        "tracking {X}",
        "de|Sendungsnummer {X}",
        "fr|numéro de suivi {X}",
        "tr|kargo takip no {X}",
        "pl|numer przesyłki {X}",
        "es|seguimiento {X}",
        "pt|código de rastreio {X}",
        "nl|track & trace {X}",
    ),
    "tracking16": ("tracking number {X}", "de|Paketnummer {X}", "fr|colis {X}"),
    "luhn-fail": (
        "gift card {X}",
        "voucher code {X}",
        "de|Gutscheincode {X}",
        "fr|carte cadeau {X}",
        "es|tarjeta regalo {X}",
        "tr|hediye çeki {X}",
    ),
    "masked-card": ("paid with card {X}", "de|Karte {X}", "fr|carte {X}"),
    "iban-bad": (
        "the IBAN {X} was rejected as invalid",
        "de|IBAN {X} laut Formular ungültig",
        "fr|l'IBAN {X} est refusé (invalide)",
    ),
    "bic": ("BIC {X}", "SWIFT: {X}"),
    "sort-code": ("sort code {X}",),
    "routing": ("routing number {X}",),
    "price": (
        "total {X}",
        "{X} incl. VAT",
        "de|kostet {X}",
        "fr|montant {X}",
        "tr|tutar {X}",
        "es|total {X}",
        "it|totale {X}",
        "pl|do zapłaty {X}",
        "pt|valor {X}",
    ),
    "date": (
        "on {X}",
        "delivery date {X}",
        "de|am {X}",
        "fr|le {X}",
        "es|el {X}",
        "it|il {X}",
        "pt|dia {X}",
        "nl|op {X}",
        "tr|{X} tarihinde",
        "pl|dnia {X}",
    ),
    "time": (
        "at {X}",
        "de|um {X}",
        "fr|à {X}",
        "es|a las {X}",
        "tr|saat {X}",
        "it|alle {X}",
        "nl|om {X}",
        "pl|o {X}",
        "pt|às {X}",
    ),
    "version": ("app version {X}", "after updating to {X}", "de|Version {X}"),
    "hash": ("commit {X}", "checksum {X}"),
    "uuid": ("request id {X}", "correlation-id: {X}"),
    "sku": ("item {X}", "de|Artikel {X}", "fr|article {X}"),
    "ean": ("EAN {X}", "barcode {X}"),
    "postal": (
        "postcode {X}",
        "de|PLZ {X}",
        "fr|code postal {X}",
        "pt|CEP {X}",
        "pl|kod pocztowy {X}",
        "nl|postcode {X}",
        "tr|posta kodu {X}",
    ),
    "coords": ("pickup point at {X}", "GPS {X}"),
    "quantity": ("{X}",),
}
WEEKDAYS = (
    "Monday",
    "Friday",
    "Sunday",
    "Montag",
    "Donnerstag",
    "Mardi",
    "Vendredi",
    "Sábado",
    "Venerdì",
    "Cuma",
    "Zaterdag",
    "Środa",
    "Segunda",
)
MONTHS = (
    "June",
    "August",
    "April",
    "Mai",
    "Juli",
    "Avril",
    "Septembre",
    "Enero",
    "Ekim",
    "Marzo",
    "Outubro",
    "Grudzień",
)
WORDS = (
    ("Will", "Will it arrive before the weekend?"),
    ("Mark", "Mark it as urgent, please."),
    ("Bill", "Bill me for the extra item then."),
    ("Frank", "Frank question: is it refundable?"),
    ("Hope", "Hope that makes sense."),
    ("Grace", "Grace period is 14 days, right?"),
    ("Sunny", "Sunny days only, the drone can't fly in rain."),
    ("Rose", "Rose gold is sold out?"),
    ("Art", "Art supplies are in the second box."),
    ("Chase", "Chase the courier please."),
    ("Dawn", "Dawn deliveries are not possible here."),
    ("Guy", "Guy at the door said no."),
    ("Bob", "Bob cut is what I asked for, lol."),
    ("Jade", "Jade green or navy?"),
)
PLACES = (
    "Paris",
    "Florence",
    "Jordan",
    "Victoria",
    "Sydney",
    "Austin",
    "Chelsea",
    "Georgia",
    "Sofia",
    "Adelaide",
    "Santiago",
    "Valencia",
    "Alexandria",
    "Charlotte",
    "Regina",
    "Phoenix",
    "Madison",
    "Lyon",
    "Porto",
    "Köln",
    "Gdańsk",
    "İzmir",
    "Brno",
    "Tromsø",
)
BRANDS = (
    "Mercedes",
    "Tesla",
    "Zara",
    "Lincoln",
    "Jaguar",
    "Miele",
    "Bosch",
    "Lidl",
    "Peugeot",
    "Dacia",
    "Škoda",
    "Nokia",
    "Decathlon",
    "Philips",
    "Ferrari",
)
PRODUCTS = (
    "Galaxy S24 Ultra",
    "iPhone 15 Pro",
    "PlayStation 5",
    "ThinkPad X1 Carbon",
    "Kindle Paperwhite",
    "Dyson V15",
    "AirPods Pro",
    "Thermomix TM6",
    "Pixel 8a",
)
_PREP = (
    "I'm in {X} this week",
    "from {X} originally",
    "de|ich komme aus {X}",
    "de|wir fahren nach {X}",
    "fr|je suis à {X}",
    "es|estoy en {X}",
    "it|sono a {X}",
    "pt|moro em {X}",
    "nl|ik woon in {X}",
    "tr|şu an {X}'dayım",
)


def pick(rng: random.Random, items: Sequence[str], lang: str) -> str:
    """A phrasing in the chat's language ("xx|" marks one; unmarked ones are English), now and
    then English anyway, as people switch."""
    own = [i[3:] for i in items if i[:3] == f"{lang}|"]
    en = [i for i in items if i[2:3] != "|"]
    return rng.choice(own if own and rng.random() < 0.8 else en or own)


PLAIN_URLS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"https://www.ikea.com/de/de/p/billy-regal-weiss-{r.randint(10**7, 10**8 - 1)}/",
    lambda r: f"https://youtu.be/{_tok(r, 11, _B62 + '-_')}",
    lambda r: f"https://github.com/brightpath/infra/commit/{_hash(r)}",
    lambda r: (
        "https://shop.example.de/sale/?utm_source=newsletter"
        f"&utm_campaign=sommer{r.randint(20, 26)}"
    ),
    lambda r: "https://docs.python.org/3/library/json.html",
    lambda r: (
        "https://www.booking.com/hotel/pt/casa-azul.html"
        f"?checkin=2025-0{r.randint(1, 9)}-1{r.randint(0, 9)}"
    ),
)


def decoy_clause(rng: random.Random, cls: str | None = None, lang: str = "en") -> list[Item]:
    """One decoy in the words that make it what it is (order number, price, date, ...)."""
    r = rng.random()
    if cls is None and r < 0.22:
        cls = rng.choice(
            (
                "weekday",
                "month",
                "word",
                "place",
                "brand",
                "product",
                "plain-url",
                "city-after-prep",
            )
        )
    if cls == "weekday":
        w = rng.choice(WEEKDAYS)
        return [D(w, "weekday"), rng.choice((" works for me.", " is fine.", " passt."))]
    if cls == "month":
        return [D(rng.choice(MONTHS), "month"), " is fully booked already."]
    if cls == "word":
        w, s = rng.choice(WORDS)
        return [D(w, "word"), s[len(w) :]]
    if cls == "place":
        return [
            D(rng.choice(PLACES), "place"),
            rng.choice((" store was closed.", " branch said no.")),
        ]
    if cls == "city-after-prep":
        tpl = pick(rng, _PREP, lang)
        a, b = tpl.split("{X}")
        return [a, D(rng.choice(PLACES), "place"), b]
    if cls == "brand":
        return [rng.choice(("the ", "My ")), D(rng.choice(BRANDS), "brand"), " app keeps crashing"]
    if cls == "product":
        return ["the ", D(rng.choice(PRODUCTS), "product"), " arrived scratched"]
    if cls == "plain-url":
        return ["see ", D(rng.choice(PLAIN_URLS)(rng), "plain-url")]
    cls = cls or rng.choice(tuple(_DECOY_CTX))
    a, b = pick(rng, _DECOY_CTX[cls], lang).split("{X}")
    return [a, a_decoy(rng, cls), b]


_STARTERS = ("word", "weekday", "month", "place", "brand")


def decoys(rng: random.Random, n: int, lang: str = "en") -> list[Item]:
    out: list[Item] = []
    for i in range(n):
        clause = decoy_clause(rng, lang=lang)
        starts = isinstance(clause[0], Put) and clause[0].cls.split("/")[1] in _STARTERS
        sep = ". " if starts else rng.choice(("; ", ", ", ". ", " - "))
        if out and isinstance(out[-1], str) and out[-1].endswith((".", "?", "!", "…")):
            sep = " "
        out += ([] if i == 0 else [sep]) + clause
    return out


# --- conversations ----------------------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    me: Who
    platform: str
    mail: str  # as the profile holds it
    phone: Phone  # the person's own number
    agent: Who
    city: str
    lang: str  # the chat's language


def _key(who: Who, table: dict[str, Any]) -> str:
    """The cue language: the person's own, else English (as people fall back to it)."""
    if who.lang in NATIVE_SCRIPT and who.script != "native":
        return who.lang + "-lat" if who.lang + "-lat" in table else "en"
    return who.lang if who.lang in table else "en"


def names(who: Who, form: str, cls: str, spot: str = "inline") -> tuple[Put, Put]:
    return N(_case_s(who.first, form), cls, spot), N(_case_s(who.last, form), cls, spot)


def _case_s(s: str, form: str) -> str:
    return s.lower() if form == "lower" else s.upper() if form == "upper" else s


def phone_items(ph: Phone, spot: str = "inline") -> list[Item]:
    return (
        [Put("phone", ph.written, ph.cls, spot), ph.after]
        if ph.after
        else [Put("phone", ph.written, ph.cls, spot)]
    )


def own_phone(c: Ctx) -> Phone:
    if c.rng.random() < 0.6:
        return c.phone
    num = phonenumbers.parse(c.phone.e164, None)
    if not phonenumbers.is_valid_number(num):
        return intl_phone(c.rng, num, "phone/unassigned")
    if c.phone.region in NATIONAL and c.rng.random() < 0.4:
        return national_phone(c.rng, num)
    return intl_phone(c.rng, num, "phone/intl")


def own_mail(c: Ctx, spot: str = "inline") -> Put:
    if c.rng.random() < 0.12:
        return Put("email", c.mail.upper(), "email/upper", spot)
    cls = "email/plus" if "+" in c.mail else "email/plain"
    if c.mail.split("@")[1] in WORK_DOMAINS:
        cls = "email/subdomain"
    return Put("email", c.mail, cls, spot)


def value_items(c: Ctx, kind: str, spot: str = "inline") -> list[Item]:
    rng = c.rng
    if kind == "phone":
        r = rng.random()
        ph = own_phone(c) if r < 0.5 else a_phone(rng, c.phone.region if r < 0.7 else None)
        return phone_items(ph, spot)
    if kind == "email":
        if rng.random() < 0.6:
            return [own_mail(c, spot)]
        o = make_who(rng)
        p = an_email(rng, o.lang, o.first_latin, o.last_latin)
        return [Put(p.kind, p.value, p.cls, spot)]
    if kind == "iban":
        p = a_iban(rng)
        return [Put(p.kind, p.value, p.cls, spot)]
    if kind == "card":
        p = a_card(rng)
        return [Put(p.kind, p.value, p.cls, spot)]
    if kind == "ip":
        a, p, b = an_ip(rng)
        return [a, Put(p.kind, p.value, p.cls, spot), b]
    a, items, b = url_secret(rng)
    return [a, *items, b]


def struct_sentence(c: Ctx, kind: str, spot: str = "inline") -> list[Item]:
    table = STRUCT[kind]
    lang = c.lang if c.lang in table and c.rng.random() < 0.8 else "en"
    tpl = c.rng.choice(table[lang])
    out: list[Item] = []
    pos = 0
    for m in _SLOT.finditer(tpl):
        out.append(tpl[pos : m.start()])
        out += (
            value_items(c, kind, spot)
            if m.group(1) == "X"
            else [f"{c.rng.randint(1, 12):02d}/{c.rng.randint(26, 31)}"]
        )
        pos = m.end()
    out.append(tpl[pos:])
    return out


STRUCT_KINDS = ("phone", "phone", "email", "iban", "card", "card", "ip", "ip", "url", "url")


def u_intro(c: Ctx) -> list[Doc]:
    key = _key(c.me, INTRO)
    form = name_form(c.rng)
    f, la = names(c.me, form, f"name/cue-{key.split('-')[0]}")
    d = fill(Doc("message:user"), c.rng.choice(INTRO[key]), lower=form == "lower", F=f, L=la)
    r = c.rng.random()
    if r < 0.5:
        d(c.rng.choice((". ", ", ", "! ", "\n")), *struct_sentence(c, c.rng.choice(STRUCT_KINDS)))
    elif r < 0.8:
        d(c.rng.choice((". ", " - ", "\n")), *decoys(c.rng, c.rng.randint(1, 2), c.lang))
    return [d]


_BODIES = (
    "Any news on {D}?",
    "still waiting for {D}...",
    "de|Wo bleibt {D}?",
    "fr|Des nouvelles pour {D} ?",
    "es|¿Qué pasa con {D}?",
    "it|Novità su {D}?",
    "pt|Alguma novidade sobre {D}?",
    "tr|{D} ne durumda?",
    "nl|Is er nieuws over {D}?",
    "pl|Co z {D}?",
)


def _body(c: Ctx) -> list[Item]:
    a, b = pick(c.rng, _BODIES, c.lang).split("{D}")
    cls = c.rng.choice(("order", "invoice", "ticket", "tracking", "tracking16"))
    return [a, *decoy_clause(c.rng, cls, c.lang), b]


def u_signoff(c: Ctx) -> list[Doc]:
    key = _key(c.me, SIGNOFF)
    f, la = names(
        c.me, c.rng.choice(("title", "title", "upper")), f"name/signoff-{key}", "signature"
    )
    d = Doc("message:user")(*_body(c), "\n\n")
    return [fill(d, c.rng.choice(SIGNOFF[key]), F=f, L=la)]


_ROLES = (
    "Head of Procurement",
    "Einkauf",
    "Responsable logistique",
    "Project Manager",
    "Satış Müdürü",
    "Inkoper",
    "Kierownik zmiany",
    "Office Manager",
    "CTO",
)
_COMPANIES = (
    "Nordwind Logistik GmbH",
    "Atelier Lumière SARL",
    "Orbitex Ltd",
    "Kuzey Enerji A.Ş.",
    "Van der Linden Bouw B.V.",
    "Mostostal Serwis Sp. z o.o.",
    "Azure Travel Ltda.",
    "Greenleaf Farms Ltd",
)


def u_signature_block(c: Ctx) -> list[Doc]:
    f, la = names(c.me, "title", "name/signature", "signature")
    d = Doc(c.rng.choice(("message:user", "message:user", "message:agent")))
    if d.where == "message:agent":
        f, la = names(c.agent, "title", "name/signature", "signature")
    d(*_body(c), "\n\n", c.rng.choice(("--\n", "-- \n", "", "___\n")), f, " ", la, "\n")
    d(c.rng.choice(_ROLES), " | ", c.rng.choice(_COMPANIES), "\n")
    d(c.rng.choice(("T ", "Tel. ", "M: ", "📞 ", "")), *phone_items(own_phone(c), "signature"))
    if d.where == "message:user":
        d("\n", own_mail(c, "signature"))
    if c.rng.random() < 0.3:
        d(
            "\n\n",
            c.rng.choice(
                ("Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon téléphone")
            ),
        )
    return [d]


def u_signature_line(c: Ctx) -> list[Doc]:
    f, la = names(c.me, "title", "name/signature-line", "line-start")
    ph = own_phone(c)
    d = Doc("message:user")
    if c.rng.random() < 0.5:
        d(*_body(c), "\n")
    sep = c.rng.choice((", ", " · ", " | ", " - ", " "))
    d(f, " ", la, sep, *phone_items(ph))
    if c.rng.random() < 0.4:
        d(sep, own_mail(c))
    return [d]


def _third(c: Ctx, same: float = 0.6) -> Who:
    while True:
        o = make_who(c.rng, c.me.lang if c.rng.random() < same else None)
        if o.first_latin != c.me.first_latin and o.last_latin != c.me.last_latin:
            return o


_GENDERED = {
    "f": ("wife", "meine Frau", "ma collègue", "mi compañera", "mia moglie", "minha colega",
          "mijn vrouw", "moja żona", "colega mea"),
    "m": ("husband", "mein Kollege", "mon mari", "mi esposo", "il mio collega", "meu marido",
          "mój kolega"),
}  # fmt: skip


def u_relation(c: Ctx) -> list[Doc]:
    key = _key(c.me, RELATION)
    tpl = c.rng.choice(RELATION[key])
    want = next((g for g, words in _GENDERED.items() if any(w in tpl for w in words)), None)
    o = _third(c)
    while want is not None and o.female != (want == "f"):
        o = _third(c)
    f, la = names(o, name_form(c.rng), f"name/relation-{key}")
    d = fill(
        Doc("message:user"), tpl[0].upper() + tpl[1:] if c.rng.random() < 0.5 else tpl, F=f, L=la
    )
    if c.rng.random() < 0.4:
        d(", ", *value_items(c, "phone"))
    return [d]


_UNCUED = (
    "{F} {L} from the warehouse called me about {D}",
    "{F} {L} said {D} went back",
    "Talked to {F} yesterday, no update on {D}",
    "de|{F} {L} hat mir {D} geschickt",
    "fr|{F} {L} m'a dit que {D} était perdu",
    "es|Ayer hablé con {F}, nada de {D}",
    "it|{F} {L} ha detto che {D} è partito",
    "pt|Falei com {F} {L} ontem sobre {D}",
    "tr|{F} {L} dün aradı, {D} hâlâ yok",
    "nl|{F} {L} zei dat {D} onderweg is",
    "pl|{F} {L} mówił, że {D} już wyszło",
)


def u_third_uncued(c: Ctx) -> list[Doc]:
    o = _third(c)
    f, la = names(o, "title", "name/third-party")
    a = pick(c.rng, _UNCUED, c.lang)
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    cls = c.rng.choice(("order", "invoice", "tracking"))
    d = fill(d, a, F=f, L=la, D=decoy_clause(c.rng, cls, c.lang))
    return [d.lowered() if c.rng.random() < 0.2 else d]


def u_attendees(c: Ctx) -> list[Doc]:
    head = pick(
        c.rng,
        (
            "Attendees: ",
            "Participants: ",
            "de|Teilnehmer: ",
            "fr|Participants : ",
            "es|Asistentes: ",
            "pl|Uczestnicy: ",
            "tr|Katılımcılar: ",
            "nl|Deelnemers: ",
            "it|Partecipanti: ",
            "pt|Participantes: ",
        ),
        c.lang,
    )
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    d(
        c.rng.choice(("Meeting notes ", "Call ", "Termin ")),
        *decoy_clause(c.rng, "date", c.lang),
        "\n",
    )
    d(head)
    for i in range(c.rng.randint(2, 4)):
        o = _third(c, 0.3)
        f, la = names(o, "title", "name/attendees", "list")
        d(("" if i == 0 else ", "), f, " ", la)
    return [d]


def u_cc(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    d(*_body(c), "\n\n", c.rng.choice(("cc: ", "CC: ", "Cc: ", "kopia: ")))
    for i in range(c.rng.randint(1, 3)):
        o = _third(c, 0.4)
        f, la = names(o, "title", "name/cc", "cc")
        d(("" if i == 0 else "; "), f, " ", la)
        if c.rng.random() < 0.5:
            m = an_email(c.rng, o.lang, o.first_latin, o.last_latin)
            d(" <", Put("email", m.value, "email/angle", "cc"), ">")
    return [d]


_QUOTE_HEAD = (
    "On {DATE}, {F} {L} <{M}> wrote:",
    "de|Am {DATE} schrieb {F} {L} <{M}>:",
    "fr|Le {DATE}, {F} {L} <{M}> a écrit :",
    "es|El {DATE}, {F} {L} <{M}> escribió:",
    "nl|Op {DATE} schreef {F} {L} <{M}>:",
    "tr|{DATE} tarihinde {F} {L} <{M}> şunu yazdı:",
    "it|Il giorno {DATE} {F} {L} <{M}> ha scritto:",
    "pt|Em {DATE}, {F} {L} <{M}> escreveu:",
    "pl|{DATE} {F} {L} <{M}> napisał(a):",
)


def u_quoted(c: Ctx) -> list[Doc]:
    who = c.me if c.rng.random() < 0.5 else _third(c)
    f, la = names(who, "title", "name/quoted-header", "quoted")
    if who is c.me:
        m = own_mail(c, "quoted")
    else:
        e = an_email(c.rng, who.lang, who.first_latin, who.last_latin)
        m = Put("email", e.value, "email/angle", "quoted")
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    d(
        c.rng.choice(("see below", "Forwarding this again.", "siehe unten", "voir ci-dessous")),
        "\n\n> ",
    )
    fill(d, pick(c.rng, _QUOTE_HEAD, c.lang), F=f, L=la, M=m, DATE=a_date(c.rng))
    d("\n> ", *struct_sentence(c, c.rng.choice(("phone", "iban", "email")), "quoted"))
    d("\n> ", *decoy_clause(c.rng, lang=c.lang))
    return [d]


def u_mention(c: Ctx) -> list[Doc]:
    o = c.agent if c.rng.random() < 0.5 else _third(c, 0.3)
    f = re.sub(r"[^a-z-]", "", fold(o.first_latin).lower())
    la = re.sub(r"[^a-z]", "", fold(o.last_latin).lower())
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    d(
        c.rng.choice(("", "cc ", "ping ")),
        "@",
        N(f, "name/mention", "mention"),
        c.rng.choice((".", "_", ".")),
        N(la, "name/mention", "mention"),
    )
    d(c.rng.choice((" can you check ", " pls look at ", " bitte prüfen: ")))
    d(*decoy_clause(c.rng, c.rng.choice(("ticket", "order", "invoice")), c.lang))
    return [d]


def u_chatlog(c: Ctx, where: str | None = None) -> list[Doc]:
    d = Doc(where or c.rng.choice(("message:user", "message:agent")))
    h, mi = c.rng.randint(8, 20), c.rng.randint(0, 50)
    me_f, me_l = names(c.me, "title", "name/chatlog", "log")
    ag_f, _ = names(c.agent, "title", "name/chatlog", "log")
    d(f"[{h:02d}:{mi:02d}] ", me_f, " ", me_l, ": ", *_body(c), "\n")
    d(f"[{h:02d}:{mi + 1:02d}] ", ag_f, ": ", c.rng.choice(("checking now", "one sec", "ok")), "\n")
    d(f"[{h:02d}:{mi + 3:02d}] ", me_f, " ", me_l, ": ")
    d(*struct_sentence(c, c.rng.choice(("phone", "email", "iban")), "log"))
    return [d]


def u_crm(c: Ctx, where: str | None = None) -> list[Doc]:
    d = Doc(where or c.rng.choice(("message:agent", "message:agent", "message:user")))
    f, la = names(c.me, c.rng.choice(("title", "upper")), "name/crm", "kv")
    key = c.rng.choice(
        (
            ("Ticket", "Status", "Customer", "E-mail", "Phone", "Created"),
            ("Vorgang", "Status", "Kunde", "E-Mail", "Telefon", "Angelegt"),
            ("Dossier", "Statut", "Client", "Courriel", "Tél", "Créé le"),
            ("case_id", "state", "contact_name", "contact_email", "contact_phone", "opened"),
        )
    )
    d(f"{key[0]}: ", a_decoy(c.rng, "ticket"), f"\n{key[1]}: open\n{key[2]}: ", f, " ", la)
    d(f"\n{key[3]}: ", own_mail(c, "kv"), f"\n{key[4]}: ", *phone_items(own_phone(c), "kv"))
    d(f"\n{key[5]}: ", D(a_date(c.rng), "date"))
    if c.rng.random() < 0.5:
        d("\nIBAN: ", *value_items(c, "iban", "kv"))
    return [d]


def u_name_only(c: Ctx) -> list[Doc]:
    ask = Doc("message:bot")(
        pick(
            c.rng,
            (
                "Could you tell me your full name, please?",
                "What name is the booking under?",
                "de|Wie ist Ihr vollständiger Name?",
                "fr|Quel est votre nom complet ?",
                "es|¿Me dices tu nombre completo?",
                "tr|Adınız ve soyadınız nedir?",
                "it|Come ti chiami (nome e cognome)?",
                "pt|Qual é o seu nome completo?",
                "nl|Wat is uw volledige naam?",
                "pl|Proszę podać imię i nazwisko.",
            ),
            c.lang,
        )
    )
    form = name_form(c.rng)
    f, la = names(c.me, form, "name/only-reply", "line-start")
    order = c.me.lang in FAMILY_FIRST and c.rng.random() < 0.5
    return [ask, Doc("message:user")(*((la, " ", f) if order else (f, " ", la)))]


_INFLECTING = ("pl", "cs", "hu", "ru", "uk", "el", "tr", "de")


def u_inflected(c: Ctx) -> list[Doc]:
    """Someone else's name in a case form or with a possessive ending: in the person's language
    when it inflects names, else (now and then) in one that does."""
    lang = c.me.lang if c.me.lang in _INFLECTING or c.rng.random() < 0.4 else None
    lang = lang or c.rng.choice(_INFLECTING)
    o = make_who(c.rng, lang)
    while o.first_latin == c.me.first_latin or o.last_latin == c.me.last_latin:
        o = make_who(c.rng, lang)
    if lang in NATIVE_SCRIPT:
        o.script = "native"
    inf = inflected(o)
    d = Doc("message:user")
    if inf is not None:
        tpl, word, cls = inf
        return [fill(d, tpl, X=N(word, cls))]
    fname = o.first
    if o.lang == "tr":
        return [
            fill(
                d,
                "{X}'" + tr_genitive(fname) + " siparişi hâlâ gelmedi.",
                X=N(fname, "name/possessive-tr"),
            )
        ]
    if o.lang == "de" and not fname.endswith(("s", "x", "z", "ß")):
        return [
            fill(d, "Ich schreibe wegen {X} Bestellung.", X=N(fname + "s", "name/possessive-de"))
        ]
    apo = c.rng.choice(("'", "’"))
    return [
        fill(
            d,
            "{X}" + apo + "s phone died, so I'm writing for " + ("her." if o.female else "him."),
            X=N(fname, "name/possessive-en"),
        )
    ]


def u_sms(c: Ctx) -> list[Doc]:
    d = Doc("message:user")
    f, _ = names(c.me, c.rng.choice(("title", "lower")), "name/sms", "after-punct")
    d(c.rng.choice(("ok,thx.", "hi!!", "ok.", "yes,")), c.rng.choice(("my nr:", "nr:", "tel:")))
    d(
        Put(
            "phone",
            c.phone.written.replace(" ", "")
            if c.phone.written.startswith(("+", "00"))
            else c.phone.written,
            c.phone.cls + "-sms",
            "after-punct",
        )
    )
    d(",mail:", own_mail(c, "after-punct"), ".", c.rng.choice(("thx ", "cu ", "xx ")), f)
    return [d]


def u_markdown(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:bot")))
    f, la = names(c.me, "title", "name/markdown", "markdown")
    if c.rng.random() < 0.5:
        d("**Name:** ", f, " ", la, "\n**Phone:** ", *phone_items(own_phone(c), "markdown"))
        d("\n- IBAN: `", *value_items(c, "iban", "markdown"), "`")
        d("\n- ", *decoy_clause(c.rng, "order", c.lang))
    else:
        d(
            "| Name | E-mail | Phone |\n|---|---|---|\n| ",
            f,
            " ",
            la,
            " | ",
            own_mail(c, "markdown"),
        )
        d(" | ", *phone_items(own_phone(c), "markdown"), " |")
    return [d]


def u_links(c: Ctx) -> list[Doc]:
    """WhatsApp links and tel: URIs carry the digits of a number."""
    d = Doc(c.rng.choice(("message:user", "message:agent")))
    digits = c.phone.e164[1:] if c.rng.random() < 0.6 else a_phone(c.rng).e164[1:]
    new = "" if phonenumbers.is_valid_number(phonenumbers.parse("+" + digits)) else "-unassigned"
    r = c.rng.random()
    if r < 0.4:
        d(
            c.rng.choice(("just whatsapp me: ", "WhatsApp: ", "escríbeme por whats ")),
            "https://wa.me/",
        )
        d(Put("phone", digits, "phone/wa-link" + new, "url"))
    elif r < 0.6:
        d(
            "https://api.whatsapp.com/send?phone=",
            Put("phone", digits, "phone/wa-link" + new, "url"),
        )
        d("&text=Hallo")
    else:
        num = phonenumbers.parse("+" + digits, None)
        w = phonenumbers.format_number(num, PhoneNumberFormat.RFC3966)[4:]
        if c.rng.random() < 0.5:
            d("[call me](tel:", Put("phone", w, "phone/tel-uri" + new, "url"), ")")
        else:
            d("tel:", Put("phone", "+" + digits, "phone/tel-uri" + new, "url"))
    return [d]


def u_mailto(c: Ctx) -> list[Doc]:
    """Addresses as mail programs and markdown write them: mailto: links, quoted display names."""
    d = Doc(c.rng.choice(("message:user", "message:agent", "message:bot")))
    who = c.me if c.rng.random() < 0.6 else _third(c)
    if who is c.me:
        m = own_mail(c, "url")
    else:
        e = an_email(c.rng, who.lang, who.first_latin, who.last_latin)
        m = Put("email", e.value, e.cls, "url")
    r = c.rng.random()
    if r < 0.2:
        d(c.rng.choice(("[mail me](mailto:", "Contact: [e-mail](mailto:")), m, ")")
    elif r < 0.35:
        d("[", m, "](mailto:", m, ")")
    elif r < 0.6:
        d("mailto:", m, c.rng.choice(("?subject=Refund", "?subject=Rechnung%20fehlt", "")))
    else:
        f, la = names(who, "title", "name/display-name", "quoted")
        d(c.rng.choice(("From: ", "Reply-To: ", "Von: ", "De : ")), '"', la, ", ", f, '" <')
        d(Put("email", m.value, "email/quoted-display", "quoted"), ">")
    return [d]


def u_spoken(c: Ctx) -> list[Doc]:
    ph = spoken_phone(c.rng, phonenumbers.parse(c.phone.e164, None))
    d = Doc("message:user")
    d(c.rng.choice(("my number is ", "it's ", "number: ")), Put("phone", ph.written, ph.cls))
    return [d]


def u_payment_json(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:bot")))
    f, la = names(c.me, c.rng.choice(("upper", "title")), "name/card-holder", "json")
    card = a_card(c.rng)
    obj = {
        "payment": {
            "method": "card",
            "card_number": card,
            "holder": JStr(f, " ", la),
            "expiry": f"{c.rng.randint(1, 12):02d}/{c.rng.randint(26, 31)}",
            "amount": D(a_price(c.rng), "price"),
        },
        "order_id": D(_DECOYS["order"](c.rng), "order"),
    }
    jdump(d, obj, ascii_only=c.rng.random() < 0.5, indent=c.rng.choice((None, 2)))
    return [d]


def u_struct(c: Ctx) -> list[Doc]:
    d = Doc("message:user")
    kind = c.rng.choice(STRUCT_KINDS)
    items = struct_sentence(c, kind)
    if c.rng.random() < 0.5:
        d(*decoys(c.rng, 1, c.lang), c.rng.choice((". ", "\n", " - ")))
    d(*items)
    if c.rng.random() < 0.3:
        d(c.rng.choice((". ", "\n")), *decoys(c.rng, 1, c.lang))
    return [d.lowered() if c.rng.random() < 0.15 else d]


_IP_LINES = (
    "Failed login from {X} at {T}",
    "whitelist please: {X}",
    "my router's public IP: {X}",
    "de|Bitte {X} freischalten",
    "fr|connexion refusée depuis {X} à {T}",
    "es|no puedo entrar desde {X}",
    "tr|{X} adresinden giriş yapamıyorum",
    "pt|bloquearam meu IP {X}",
    "nl|inlogpoging vanaf {X} om {T} was niet van mij",
    "pl|logowanie z {X} o {T} to nie ja",
)


def u_ip(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:user", "message:agent")))
    tpl = pick(c.rng, _IP_LINES, c.lang)
    spot = "inline"
    if c.rng.random() < 0.3:
        d(f"{a_date(c.rng)} sshd[{c.rng.randint(100, 9999)}]: ")
        tpl = "Accepted publickey for deploy from {X} port " + str(c.rng.randint(1024, 65000))
        spot = "log"
    return [fill(d, tpl, X=value_items(c, "ip", spot), T=D(a_time(c.rng), "time"))]


def u_url(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:agent", "message:bot")))
    a, items, b = url_secret(c.rng)
    r = c.rng.random()
    if r < 0.25:
        d(c.rng.choice(("[download](", "[the file](", "[Link](")), a, *items, b, ")")
    elif r < 0.45:
        d(c.rng.choice(("see <", "Link: <")), a, *items, b, ">")
    elif r < 0.65:
        d("```\ncurl -s '", a, *items, b, "'\n```")
    elif r < 0.8:
        jdump(d, {"webhook": JStr(a, *items, b), "retries": 3}, ascii_only=True)
    else:
        d(*struct_sentence(c, "url"))
    return [d]


def u_card(c: Ctx) -> list[Doc]:
    d = Doc("message:user")
    return [d(*struct_sentence(c, "card"), c.rng.choice(("", ".", " thanks", "\n")))]


def u_mixed_script(c: Ctx) -> list[Doc]:
    """A name in its own script with the Latin spelling beside it."""
    lang = c.me.lang if c.me.lang in NATIVE_SCRIPT else c.rng.choice(NATIVE_SCRIPT)
    o = c.me if c.me.lang == lang else make_who(c.rng, lang)
    d = Doc("message:user")
    fn, ln = (
        N(o.first_native, f"name/mixed-script-{lang}"),
        N(o.last_native, f"name/mixed-script-{lang}"),
    )
    fl, ll = (
        N(o.first_latin, f"name/mixed-script-{lang}"),
        N(o.last_latin, f"name/mixed-script-{lang}"),
    )
    d(c.rng.choice(("the booking is under ", "name on the ticket: ", "passport says ")))
    d(fn, " ", ln, " (", fl, " ", ll, ")")
    return [d]


def u_decoy_only(c: Ctx) -> list[Doc]:
    d = Doc(c.rng.choice(("message:user", "message:user", "message:bot")))
    return [d(*decoys(c.rng, c.rng.randint(1, 3), c.lang), c.rng.choice(("", ".", " 🙏", " thx")))]


def b_greet(c: Ctx) -> list[Doc]:
    d = Doc("message:bot")
    lang = _key(c.me, TITLE)
    if c.rng.random() < 0.6 or lang not in TITLE:
        key = _key(c.me, GREET)
        f, la = names(c.me, "title", f"name/greet-{key}")
        fill(d, c.rng.choice(GREET[key]), F=f, L=la)
    else:
        tpl = TITLE[lang][c.me.female]
        f, la = names(c.me, "title", f"name/title-{lang}")
        fill(d, tpl, F=f, L=la)
    if c.rng.random() < 0.4:
        d(" ", *decoys(c.rng, 1, c.lang))
    return [d]


def b_json(c: Ctx) -> list[Doc]:
    d = Doc("message:bot")
    f, la = names(c.me, "title", "name/bot-json", "json")
    r = c.rng.random()
    if r < 0.5:
        obj: dict[str, Any] = {
            "type": "template",
            "payload": {
                "template_type": "button",
                "text": JStr(
                    c.rng.choice(("Thanks ", "Danke ", "Merci ", "Gracias ")),
                    f,
                    "! We'll text the code to ",
                    *phone_items(own_phone(c)),
                ),
                "buttons": [{"type": "postback", "title": "Resend", "payload": "RESEND_OTP"}],
            },
        }
    else:
        obj = {
            "type": "template",
            "payload": {
                "template_type": "form",
                "heading": "Your details",
                "elements": [
                    {"label": "Name", "value": JStr(f, " ", la)},
                    {"label": "Email", "value": own_mail(c)},
                    {"label": "IBAN", "value": JStr(*value_items(c, "iban"))},
                    {"label": "Order", "value": JStr(*decoy_clause(c.rng, "order", c.lang))},
                ],
            },
        }
    jdump(d, obj, ascii_only=c.rng.random() < 0.5, indent=c.rng.choice((None, None, 2)))
    return [d]


_CONFIRM = (
    "Got it! We'll send the code to {P} and a copy to {M}.",
    "Saved: phone {P}, e-mail {M}.",
    "de|Alles klar, wir rufen Sie unter {P} zurück und schreiben an {M}.",
    "fr|C'est noté : {P} / {M}.",
    "es|Perfecto, te llamamos al {P}. Confirmación a {M}.",
    "tr|Tamam, {P} numarasına SMS gönderdik, {M} adresine de e-posta.",
    "it|Perfetto: ti richiamiamo al {P}, conferma a {M}.",
    "pt|Certo! Ligamos para {P} e enviamos para {M}.",
    "nl|Genoteerd: {P} en {M}.",
    "pl|Zapisane: {P}, {M}.",
)


def b_confirm(c: Ctx) -> list[Doc]:
    d = Doc("message:bot")
    return [fill(d, pick(c.rng, _CONFIRM, c.lang), P=phone_items(own_phone(c)), M=own_mail(c))]


def b_handoff(c: Ctx) -> list[Doc]:
    key = _key(c.me, HANDOFF)
    f, la = names(c.agent, "title", f"name/handoff-{key}")
    return [fill(Doc("message:bot"), c.rng.choice(HANDOFF[key]), F=f, L=la)]


def b_decoy(c: Ctx) -> list[Doc]:
    d = Doc("message:bot")
    d(
        c.rng.choice(("Status: ", "Update: ", "Info: ", "")),
        *decoys(c.rng, c.rng.randint(2, 3), c.lang),
        ".",
    )
    return [d]


def a_speaking(c: Ctx) -> list[Doc]:
    key = _key(c.me, SPEAKING)
    f, la = names(c.agent, "title", f"name/speaking-{key}")
    return [fill(Doc("message:agent"), c.rng.choice(SPEAKING[key]), F=f, L=la)]


def a_titled(c: Ctx) -> list[Doc]:
    lang = "dr" if c.rng.random() < 0.25 else _key(c.me, TITLE)
    f, la = names(c.me, "title", f"name/title-{lang}")
    d = fill(Doc("message:agent"), TITLE[lang][c.me.female], F=f, L=la)
    d("\n", *decoys(c.rng, c.rng.randint(1, 2), c.lang), ".")
    return [d]


def _raw_where(c: Ctx, what: str) -> str:
    fields = {
        "selise": {"feedback": "feedback", "summary": "summary", "notes": "notes"},
        "peki": {"feedback": "lastReceivedText", "summary": "summary", "notes": "summary"},
        "kore": {"feedback": "agent_note", "summary": "summary", "notes": "agent_note"},
    }
    return "raw:" + fields[c.platform][what]


def r_feedback(c: Ctx) -> list[Doc]:
    d = Doc(_raw_where(c, "feedback"))
    f, _ = names(c.agent, "title", "name/feedback")
    a, b = pick(
        c.rng,
        (
            "Agent {F} was super helpful! Call me back: {P}",
            "{F} hung up on me. Please call {P}",
            "de|{F} war sehr freundlich. Rückruf bitte: {P}",
            "fr|{F} a été très aimable. Rappel au {P}",
            "es|{F} me colgó. Llamadme al {P}",
            "tr|{F} çok yardımcı oldu. Dönüş için: {P}",
            "pt|Atendimento de {F} nota 10. Me liguem: {P}",
            "nl|{F} was erg behulpzaam. Terugbellen: {P}",
            "pl|Konsultant {F} - super pomoc. Proszę o telefon: {P}",
            "it|Grazie a {F} per l'aiuto! Richiamatemi al {P}",
        ),
        c.lang,
    ).split("{F}")
    b1, b2 = b.split("{P}")
    d(a, f, b1, *phone_items(own_phone(c), "raw"), b2)
    return [d]


def r_summary(c: Ctx) -> list[Doc]:
    d = Doc(_raw_where(c, "summary"))
    f, la = names(c.me, "title", "name/summary", "raw")
    d(c.rng.choice(("Customer ", "User ", "Kunde ", "")), f, " ", la)
    d(" asked to change the refund account to ", *value_items(c, "iban", "raw"))
    d(
        "; callback on ",
        *phone_items(own_phone(c), "raw"),
        "; ",
        *decoy_clause(c.rng, "order", c.lang),
        ".",
    )
    return [d]


def r_notes(c: Ctx) -> list[Doc]:
    where = _raw_where(c, "notes")
    return (u_chatlog if c.rng.random() < 0.4 else u_crm)(c, where)


TEMPLATES: tuple[tuple[Callable[[Ctx], list[Doc]], int], ...] = (
    (u_intro, 6),
    (u_signoff, 6),
    (u_signature_block, 5),
    (u_signature_line, 4),
    (u_relation, 5),
    (u_third_uncued, 4),
    (u_attendees, 3),
    (u_cc, 3),
    (u_quoted, 4),
    (u_mention, 3),
    (u_chatlog, 3),
    (u_crm, 3),
    (u_name_only, 3),
    (u_inflected, 4),
    (u_sms, 3),
    (u_markdown, 3),
    (u_links, 4),
    (u_spoken, 2),
    (u_payment_json, 3),
    (u_struct, 16),
    (u_mixed_script, 2),
    (u_decoy_only, 10),
    (u_ip, 4),
    (u_url, 4),
    (u_card, 3),
    (u_mailto, 3),
    (b_greet, 5),
    (b_json, 4),
    (b_confirm, 4),
    (b_handoff, 4),
    (b_decoy, 7),
    (a_speaking, 3),
    (a_titled, 3),
)
RAW = (r_feedback, r_summary, r_notes)


# --- profiles: what each platform sends about the person --------------------------------------

_KORE_NAME_TAGS = (("FirstName", "LastName"), ("first_name", "last_name"), ("fname", "lname"))
_KORE_FULL_TAGS = ("fullName", "customerName", "Name", "display_name")
_KORE_MAIL_TAGS = ("Email", "emailId", "mail", "customer_email")
_KORE_PHONE_TAGS = ("Phone", "mobileNumber", "msisdn", "contact_no")
_CITIES = {
    "GB": "Leeds",
    "US": "Denver",
    "DE": "Bremen",
    "FR": "Nantes",
    "ES": "Zaragoza",
    "IT": "Bologna",
    "BR": "Recife",
    "TR": "Bursa",
    "NL": "Utrecht",
    "PL": "Poznań",
    "IN": "Pune",
    "NG": "Ibadan",
    "KE": "Mombasa",
    "JP": "Sendai",
    "RU": "Kazan",
}


def profile(c: Ctx, first: str, last: str) -> dict[str, Any]:
    rng = c.rng
    if c.platform == "peki":
        return {
            "chatbotId": "bot-7c41",
            "firstName": first,
            "lastName": last,
            "email": c.mail,
            "phoneNumber": c.phone.e164,
            "username": re.sub(r"[^a-z0-9]", "", fold(c.me.first_latin).lower())
            + str(rng.randint(1, 999)),
            "source": "Dev",
            "dataDictionary": {"city": c.city, "plan": rng.choice(("premium", "basic"))},
        }
    if c.platform == "kore":
        tags: list[dict[str, str]] = []
        if rng.random() < 0.85:
            if rng.random() < 0.5:
                fk, lk = rng.choice(_KORE_NAME_TAGS)
                tags += [{"name": fk, "value": first}, {"name": lk, "value": last}]
            else:
                tags.append({"name": rng.choice(_KORE_FULL_TAGS), "value": f"{first} {last}"})
            tags.append({"name": rng.choice(_KORE_MAIL_TAGS), "value": c.mail})
            tags.append({"name": rng.choice(_KORE_PHONE_TAGS), "value": c.phone.e164})
            tags.append({"name": "segment", "value": "B2C"})
        return {
            "botId": "st-5d0b2c7e",
            "channel": rng.choice(("rtm", "msteams", "whatsapp")),
            "sessionType": "interactive",
            "tags": {"userTags": tags, "sessionTags": []},
        }
    return {
        "agent_id": "agent-3f2",
        "widget_id": "w-eu-01",
        "status": rng.choice(("closed", "idle", "active")),
        "user_info": {
            "name": f"{first} {last}",
            "email": c.mail,
            "phone": c.phone.e164,
            "location": c.city,
        },
        "user_agent": "Mozilla/5.0 (Linux; Android 14) Mobile",
        "metadata": {"source": "widget", "device": rng.choice(("mobile", "desktop"))},
        "tags": [rng.choice(("billing", "delivery", "returns"))],
        "rating": rng.randint(1, 5),
    }


def _put_raw(conv_profile: dict[str, Any], platform: str, t: Text) -> None:
    """The free-text field belongs to the record the platform sends: put it there."""
    fld = t.where.split(":", 1)[1]
    if platform == "selise" or (platform == "peki" and fld == "lastReceivedText"):
        conv_profile[fld] = t.text
    elif platform == "kore":
        conv_profile["tags"]["sessionTags"].append({"name": fld, "value": t.text})


_CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")


def _draw(rng: random.Random, make: Callable[[], list[Doc]]) -> list[Text8]:
    """Texts from one template, drawn again until every planted value stands clean."""
    for _ in range(40):
        texts = [d.build() for d in make()]
        if all(not problems(t) for t in texts):
            return texts
    return []


def _conversation(rng: random.Random) -> tuple[Conversation, set[str]]:
    platform = rng.choice(("peki", "kore", "selise"))
    me = make_who(rng, rng.choices(LANGS, [3 if x in _CORE else 1 for x in LANGS])[0])
    region = rng.choice(HOME[me.lang])
    phone = a_phone(rng, region, own=True)
    while phone.after:  # the profile holds no extension
        phone = a_phone(rng, region, own=True)
    mail = an_email(rng, me.lang, me.first_latin, me.last_latin).value.lower()
    agent = make_who(
        rng, rng.choice(("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl", me.lang))
    )
    while agent.first_latin == me.first_latin or agent.last_latin == me.last_latin:
        agent = make_who(rng, agent.lang)
    lang = me.lang if me.lang in _CORE and rng.random() < 0.85 else "en"
    c = Ctx(rng, me, platform, mail, phone, agent, _CITIES.get(region, "Springfield"), lang)
    # What the platform holds: a native-script person may be held in Latin letters.
    hold_native = me.lang in NATIVE_SCRIPT and rng.random() < 0.5
    first = me.first_native if hold_native else me.first_latin
    last = me.last_native if hold_native else me.last_latin
    prof = profile(c, first, last)
    texts: list[Text8] = []
    opening = u_intro if rng.random() < 0.45 else rng.choice((u_struct, u_signoff, u_decoy_only))
    texts += _draw(rng, lambda: opening(c))
    texts += _draw(rng, lambda: rng.choice((b_greet, b_greet, b_json, b_decoy))(c))
    fns, weights = zip(*TEMPLATES, strict=True)
    for _ in range(rng.randint(2, 7)):
        fn = rng.choices(fns, weights)[0]
        texts += _draw(rng, lambda fn=fn: fn(c))
    for _ in range(rng.choice((0, 1, 1, 2))):
        raw = _draw(rng, lambda: rng.choice(RAW)(c))
        if raw and all(t.where != raw[0].where for t in texts):
            texts += raw
    for t in texts:
        if t.where.startswith("raw:"):
            _put_raw(prof, platform, t)
    person = Person(me.lang, first, last, mail, phone.e164, phone.written, region)
    guard = me.forms() | agent.forms()
    guard |= {plain(v) for t in texts for k, v, _ in t.planted if k == "name" and "\\" not in v}
    return Conversation(platform, person, prof, list(texts)), guard


def conversation(rng: random.Random) -> Conversation:
    """One person's conversation; drawn again while a name of it stands unplanted somewhere."""
    while True:
        conv, guard = _conversation(rng)
        if not stray_names(conv.texts, guard):
            return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 8/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng)
        out.append(conv)
        count += len(conv.texts)
    return out


def _name_form(value: str) -> str:
    if "\\u" in value:
        return "escaped"
    if value.islower():
        return "lower"
    if value.isupper() and len(value) > 1:
        return "upper"
    if any(ord(c) > 0x24F for c in value):
        return "native-script"
    return "diacritics" if fold(value) != value else "ascii"


def _cc_of(value: str, cls: str) -> str:
    if cls.startswith("phone/national-"):
        return "national " + cls.split("-")[1]
    if cls.startswith("phone/words"):
        return "words"
    digits = re.sub(r"\D", "", value.split("(0)")[0]) + (
        re.sub(r"\D", "", value.split("(0)")[1]) if "(0)" in value else ""
    )
    digits = digits[2:] if value.startswith("00") else digits
    try:
        return f"+{phonenumbers.parse('+' + digits, None).country_code}"
    except phonenumbers.NumberParseException:
        return "?"


def composition(convs: list[Conversation]) -> dict[str, Counter[str]]:
    """What a bank holds: planted occurrences by kind, class, position and name form; people by
    language; texts by place and platform; phones by country code."""
    out: dict[str, Counter[str]] = {
        k: Counter()
        for k in ("kind", "class", "spot", "name_form", "origin", "where", "platform", "phone_cc")
    }
    for c in convs:
        out["origin"][c.person.lang] += 1
        out["platform"][c.platform] += 1
        for t in c.texts:
            out["where"][t.where] += 1
            spots = t.spots if isinstance(t, Text8) else ["?"] * len(t.planted)
            for (kind, value, cls), spot in zip(t.planted, spots, strict=True):
                n = len(occurrences(t.text, value))
                out["kind"][kind] += n
                out["class"][cls] += n
                out["spot"][f"{kind}@{spot}"] += n
                if kind == "name":
                    out["name_form"][_name_form(value)] += n
                if kind == "phone":
                    out["phone_cc"][_cc_of(value, cls)] += n
    return out


if __name__ == "__main__":
    import sys

    bank = corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 20000, 1)
    for what, counts in composition(bank).items():
        print(
            f"\n{what} ({len(counts)}): " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
