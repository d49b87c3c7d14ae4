"""Held-out bank 4 for the masking evaluation: written apart from the detectors and banks 1-3.

Written from the evaluation's interface alone (the ``Conversation``/``Text``/``Person`` types of
``bench/heldout_corpus.py`` and how ``bench/masking_quality.py`` scores them), without reading
the detectors, the masking policy, the tuning generator or the other banks' names, templates and
formats, and never run through the detectors while it was written. Names, cue phrasings,
sign-offs, message templates, number formats, decoys and profile shapes are its own.

What it plants, each value with a class (``kind/what``) so misses can be reported by class:

- names from 15 languages written in Latin script (with their diacritics) and transliterated
  from 13 others, introduced the way people introduce themselves in English, German, French,
  Spanish, Italian, Portuguese, Turkish, Dutch and Polish; in sign-offs, signature lines,
  form-like fields, bot and agent greetings (honorifics, Polish vocatives), JSON bot
  templates (some with ``\\uXXXX`` escapes), in capitals or lower case, and third parties
  with and without a relation word;
- emails (plus-addressing, subdomains, internationalised domains and local parts), phones of
  about sixty countries in national and international forms, including numbers libphonenumber
  considers possible but not valid (new ranges), cards (Luhn), IBANs of 28 countries
  (mod 97), IPv4/IPv6 (ports, brackets, v4-mapped), and URL secrets (the token, signature or
  password only, so a detector that masks the whole URL and one that masks the secret both
  cover it);
- decoys that must stay, planted with kind ``decoy`` and a ``decoy/...`` class: order,
  tracking, invoice, reference and ticket numbers, prices, dates, times, versions, IMEIs,
  postal codes, coordinates, product codes, company ids, vouchers, masked cards, UUIDs, hashes,
  plain URLs, and capitalised words after cue-like phrases (``decoy/name-like``).

Every planted value occurs in its text exactly as often as it was put there, at word
boundaries, and overlaps no other planted value (checked while generating; a text that fails
is drawn again). Seeded and deterministic for a given phonenumbers metadata version (phone
numbers are drawn from numbering plans written here and kept only when libphonenumber agrees
with the class they were drawn for).
"""

from __future__ import annotations

import base64
import json
import random
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from bench.heldout_corpus import Conversation, Person, Planted, Text

# --- rendering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class P:
    """A planted piece of a message: kind, value as written, class."""

    kind: str
    value: str
    cls: str


Piece = str | P
Slot = Piece | tuple[Piece, ...]

_SLOT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_INLINE_DECOY = re.compile(r"\[\[(.+?)\]\]")


@dataclass
class Draft:
    """A text being built: its string and what was planted into it, counted."""

    text: str = ""
    plants: Counter[P] = field(default_factory=Counter)

    def add(self, other: Draft) -> Draft:
        return Draft(self.text + other.text, self.plants + other.plants)


def render(tpl: str, slots: Mapping[str, Slot]) -> Draft:
    """Fill ``{SLOT}`` placeholders; ``[[word]]`` marks a name-like decoy written inline."""
    out: list[str] = []
    plants: Counter[P] = Counter()
    pos = 0
    for m in _SLOT.finditer(tpl):
        _literal(tpl[pos : m.start()], out, plants)
        value = slots[m.group(1)]
        for piece in value if isinstance(value, tuple) else (value,):
            if isinstance(piece, P):
                out.append(piece.value)
                plants[piece] += 1
            else:
                out.append(piece)
        pos = m.end()
    _literal(tpl[pos:], out, plants)
    return Draft("".join(out), plants)


def _literal(s: str, out: list[str], plants: Counter[P]) -> None:
    pos = 0
    for m in _INLINE_DECOY.finditer(s):
        out.append(s[pos : m.start()])
        out.append(m.group(1))
        plants[P("decoy", m.group(1), "decoy/name-like")] += 1
        pos = m.end()
    out.append(s[pos:])


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def problems(text: str, plants: Counter[P] | Sequence[tuple[str, str, str]]) -> list[str]:
    """Why a text's planted values would not score as intended (empty when they would).

    With a Counter (while generating) each value must occur exactly as often as it was put in;
    with a planted list (a finished text) at least once. Either way every occurrence sits at word
    boundaries and overlaps no occurrence of another planted value."""
    found: list[tuple[int, int, str]] = []
    if isinstance(plants, Counter):
        wanted = Counter[str]()
        for p, n in plants.items():
            wanted[p.value] += n
    else:
        wanted = Counter({v: 1 for _, v, _ in plants})
    out = []
    for value, n in wanted.items():
        occ = occurrences(text, value)
        exact = isinstance(plants, Counter)
        if (exact and len(occ) != n) or not occ:
            out.append(f"{value!r} occurs {len(occ)} times, planted {n}")
        for a, b in occ:
            if (a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
                out.append(f"{value!r} inside a word at {a}")
            found.append((a, b, value))
    found.sort()
    for i, (_, b1, v1) in enumerate(found):
        for a2, _, v2 in found[i + 1 :]:
            if a2 >= b1:
                break
            if v1 != v2:
                out.append(f"{v1!r} overlaps {v2!r}")
    return sorted(set(out))


def planted_of(d: Draft) -> Planted:
    """The Text's planted list: one entry per (kind, value), the first class seen."""
    out: Planted = []
    seen: set[tuple[str, str]] = set()
    for p in d.plants:
        if (p.kind, p.value) not in seen:
            seen.add((p.kind, p.value))
            out.append((p.kind, p.value, p.cls))
    return out


# --- names ------------------------------------------------------------------------------------
# First names "Name:f" / "Name:m"; last names "Masculine/Feminine" where the language inflects
# them by gender. "_" stands for a space inside a name. Written for this bank.

_NAME_DATA: dict[str, tuple[str, str]] = {
    "en": (
        "Siobhan:f Imogen:f Harriet:f Courtney:f Bethany:f Niamh:f Rosalind:f Tamsin:f "
        "Georgina:f Philippa:f Callum:m Declan:m Rhys:m Alistair:m Brendan:m Fergus:m "
        "Graham:m Wesley:m Dominic:m Lachlan:m",
        "Fairweather Pemberton Hollis Whitaker McAllister O'Sullivan Ashdown Thistlewood "
        "Cartwright Blackwood Kavanagh Featherstone Harrington Pennington Okafor",
    ),
    "de": (
        "Jördis:f Hannelore:f Gesine:f Lieselotte:f Mareike:f Wiebke:f Frauke:f Henrike:f "
        "Dörte:f Käthe:f Sönke:m Jürgen:m Björn:m Götz:m Ansgar:m Lutz:m Hauke:m Jörg:m "
        "Ruprecht:m Volkmar:m",
        "Bräutigam Großkopf Wöhrle Hübner Pfeiffer Krämer Oßwald Rückert Thießen Düring "
        "Zöllner Häberle Kühnel von_Ahlefeldt Eßer Schäfer-Löwe Mühlbauer",
    ),
    "fr": (
        "Maëlle:f Anaïs:f Solène:f Gaëlle:f Héloïse:f Ségolène:f Mélisande:f Noémie:f "
        "Capucine:f Bérangère:f Aurélien:m Théo:m Jérôme:m Gaëtan:m Loïc:m Benoît:m Rémi:m "
        "Timothée:m Anthelme:m Célestin:m",
        "Lefèvre Dupré Lemaître Châtelain Gauthier-Ménard Desfossés Bénard Laurençon Crémieux "
        "Béranger de_Villèle Thévenet Fouquières Mercadié Rouxel",
    ),
    "es": (
        "Begoña:f Icíar:f Lucía:f Almudena:f Inmaculada:f Itziar:f Ainhoa:f Nerea:f Rocío:f "
        "Montserrat:f Íñigo:m Joaquín:m Fermín:m Ramón:m Sebastián:m Julián:m Óscar:m "
        "Ignacio:m Baltasar:m Eusebio:m",
        "Ibáñez Muñoz Echeverría Peñalosa Zúñiga Gómez-Arrieta Núñez Ordóñez Cañizares "
        "Villalobos Arancibia Landázuri Sáenz_de_Ugarte Quiñones Bermúdez",
    ),
    "it": (
        "Ludovica:f Benedetta:f Ginevra:f Annalisa:f Cosima:f Mariapia:f Nicoletta:f "
        "Eleonora:f Ilaria:f Serena:f Niccolò:m Tommaso:m Gianluca:m Ruggero:m Corrado:m "
        "Settimio:m Pierluigi:m Amedeo:m Ettore:m Gioele:m",
        "Dell'Acqua Lo_Presti Scognamiglio Bertolucci D'Ambrosio Maltagliati Quagliarella "
        "Zanetti Cantù Bonfiglio Capuozzo Dalla_Costa Santangelo Pagliarulo Fiorè",
    ),
    "pt": (
        "Conceição:f Iolanda:f Graça:f Leonor:f Thaís:f Luíza:f Cecília:f Flávia:f Márcia:f "
        "Lívia:f João:m Gonçalo:m Tomé:m Sebastião:m Vinícius:m Caetano:m Fábio:m Anselmo:m "
        "Rogério:m Estêvão:m",
        "Gonçalves Magalhães Fonseca Araújo Brandão Simões Falcão Gusmão Loureiro Assunção "
        "da_Cunha Nogueira Peixoto Sampaio Figueiredo",
    ),
    "tr": (
        "Gülşen:f Şebnem:f Özlem:f Nilüfer:f Çiğdem:f Gökçe:f İpek:f Tülay:f Ebru:f Dilek:f "
        "Oğuz:m Çağlar:m Ertuğrul:m Hüseyin:m Şükrü:m Doğan:m İlker:m Barış:m Ümit:m Kıvanç:m",
        "Yıldırım Karaağaç Öztürk Çelik Güneş Şahin Kılıç Aydoğdu Ekşioğlu Türkmen Gümüşsoy "
        "Akgül Özdemir Uçar Kocabıyık",
    ),
    "nl": (
        "Marieke:f Femke:f Anouk:f Sanne:f Maaike:f Noëlle:f Liesbeth:f Ilse:f Chloë:f "
        "Mirjam:f Daniël:m Joris:m Sjoerd:m Wouter:m Gijs:m Bram:m Thijs:m Rutger:m Michiel:m "
        "Jeroen:m",
        "de_Wit Vermeulen van_der_Veen Bosman Terpstra Hoekstra van_'t_Hek IJzerman Meijer "
        "de_Bruijn Verhoeven Koopmans Bleeker Dijkgraaf Smulders",
    ),
    "pl": (
        "Małgorzata:f Agnieszka:f Grażyna:f Bożena:f Jadwiga:f Urszula:f Żaneta:f Wiesława:f "
        "Kasia:f Ewelina:f Wojciech:m Przemysław:m Grzegorz:m Łukasz:m Zbigniew:m Jędrzej:m "
        "Mirosław:m Bartłomiej:m Michał:m Radosław:m",
        "Wiśniewski/Wiśniewska Zieliński/Zielińska Dąbrowski/Dąbrowska Łęcki/Łęcka "
        "Szczęsny/Szczęsna Krzyżanowski/Krzyżanowska Jabłoński/Jabłońska "
        "Gołębiowski/Gołębiowska Żurawski/Żurawska Wróbel Pietrzak Kaczmarek Sienkiewicz",
    ),
    "cs": (
        "Kateřina:f Zdeňka:f Markéta:f Jiřina:f Radka:f Jiří:m Vojtěch:m Přemysl:m Tomáš:m Radek:m",
        "Dvořák/Dvořáková Procházka/Procházková Kučera/Kučerová Černý/Černá "
        "Novotný/Novotná Růžička/Růžičková",
    ),
    "sv": (
        "Åsa:f Märta:f Linnéa:f Ingrid:f Göran:m Örjan:m Åke:m Pär:m",
        "Åström Lindström Söderberg Öberg Bergqvist Nyström",
    ),
    "ro": (
        "Ioana:f Mădălina:f Ștefania:f Oana:f Răzvan:m Ștefan:m Bogdan:m Costin:m",
        "Popescu Ionescu Dumitrașcu Țurcanu Vlăduț Stănescu",
    ),
    "hu": (
        "Zsófia:f Réka:f Tünde:f Erzsébet:f Gábor:m Ákos:m Zoltán:m Lőrinc:m",
        "Kovács Szőke Bíró Fehérvári Lengyel Horváth Törő",
    ),
    "hr": (
        "Ivana:f Mirjana:f Željka:f Dražen:m Krešimir:m Tomislav:m Đuro:m",
        "Kovačević Babić Jurić Perišić Šimunović Vukić",
    ),
    "vi": (
        "Hương:f Thảo:f Quỳnh:f Phương:f Tuấn:m Dũng:m Khải:m",
        "Nguyễn Trần Phạm Huỳnh Võ Đặng Bùi",
    ),
    # transliterated from non-Latin scripts
    "ru": (
        "Yekaterina:f Svetlana:f Anastasiya:f Lyudmila:f Olga:f Dmitriy:m Sergey:m "
        "Vyacheslav:m Aleksey:m Yuriy:m",
        "Kuznetsov/Kuznetsova Vorobyov/Vorobyova Zhukov/Zhukova Belousov/Belousova "
        "Shcherbakov/Shcherbakova",
    ),
    "uk": (
        "Oksana:f Solomiia:f Halyna:f Iryna:f Khrystyna:f Oleksandr:m Mykola:m Bohdan:m "
        "Taras:m Yaroslav:m",
        "Kovalenko Shevchuk Hrytsenko Tkachuk Melnyk Bondarenko Lysenko",
    ),
    "el": (
        "Eleni:f Panagiota:f Vasiliki:f Dimitra:f Georgios:m Konstantinos:m Spyridon:m Theodoros:m",
        "Papadopoulos/Papadopoulou Karagiannis/Karagianni Nikolaidis/Nikolaidou Oikonomou "
        "Vlachos/Vlachou",
    ),
    "ar": (
        "Fatima:f Mariam:f Noor:f Layla:f Huda:f Mohammed:m Abdulrahman:m Khalid:m Yousef:m Omar:m",
        "Al-Harbi Al_Mansouri El-Sayed Haddad Abu_Khalil Al-Qahtani Nasrallah",
    ),
    "hi": (
        "Priyanka:f Lakshmi:f Ananya:f Deepika:f Sunita:f Rajesh:m Arjun:m Venkatesh:m "
        "Siddharth:m Aniket:m",
        "Raghunathan Chaudhary Iyer Banerjee Deshpande Kulkarni Srinivasan",
    ),
    "zh": (
        "Yuting:f Jingyi:f Xinyi:f Meiling:f Haoran:m Zihao:m Jianguo:m Wei:m",
        "Zhang Liu Chen Huang Zhou Xu Guo",
    ),
    "ja": (
        "Haruka:f Yui:f Misaki:f Aoi:f Haruto:m Kenji:m Takumi:m Daisuke:m",
        "Takahashi Watanabe Yamamoto Kobayashi Nakamura Inoue Matsumoto",
    ),
    "ko": (
        "Seo-yeon:f Min-ji:f Hye-jin:f Ji-woo:f Min-jun:m Do-hyun:m Seung-ho:m Jae-won:m",
        "Park Choi Jung Kang Yoon Han",
    ),
    "ka": (
        "Nino:f Tamar:f Ketevan:f Giorgi:m Levan:m Davit:m Irakli:m",
        "Beridze Kapanadze Gelashvili Lomidze Tsiklauri",
    ),
    "hy": (
        "Anahit:f Lusine:f Narine:f Armen:m Tigran:m Vardan:m Hovhannes:m",
        "Petrosyan Sargsyan Hakobyan Grigoryan Avetisyan",
    ),
    "fa": (
        "Shirin:f Parisa:f Niloufar:f Golnaz:f Dariush:m Kourosh:m Behnam:m Arash:m",
        "Tehrani Ahmadi Rostami Farahani Karimi Hosseini",
    ),
    "he": (
        "Yael:f Shira:f Michal:f Noa:f Itai:m Yonatan:m Eitan:m Ariel:m",
        "Friedman Ben-David Mizrahi Peretz Shapiro Avraham",
    ),
    "th": (
        "Siriporn:f Kanokwan:f Pimchanok:f Somchai:m Thanawat:m Anucha:m",
        "Wongsakul Srisuk Chaiyaporn Rattanakorn Boonmee",
    ),
}

LATIN = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl", "cs", "sv", "ro", "hu", "hr", "vi")
TRANSLIT = ("ru", "uk", "el", "ar", "hi", "zh", "ja", "ko", "ka", "hy", "fa", "he", "th")
CUE_LANGS = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")


@dataclass(frozen=True)
class _Names:
    first: tuple[tuple[str, str], ...]  # (name, gender)
    last: tuple[tuple[str, str], ...]  # (masculine, feminine)


def _parse_names(first: str, last: str) -> _Names:
    fs = tuple((n.replace("_", " "), g) for n, g in (w.split(":") for w in first.split()))
    ls = []
    for w in last.split():
        m, _, f = w.partition("/")
        ls.append((m.replace("_", " "), (f or m).replace("_", " ")))
    return _Names(fs, tuple(ls))


NAMES = {lang: _parse_names(*v) for lang, v in _NAME_DATA.items()}

# Where people with names of each origin live (their phone's country), and which languages they
# write to a chatbot in (weights).
_HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE", "AU", "CA", "NZ", "ZA"),
    "de": ("DE", "DE", "AT", "CH"),
    "fr": ("FR", "FR", "BE", "CH", "CA", "LU"),
    "es": ("ES", "ES", "MX", "AR", "CO", "CL", "PE"),
    "it": ("IT", "IT", "CH"),
    "pt": ("PT", "BR", "BR"),
    "tr": ("TR", "TR", "DE", "NL"),
    "nl": ("NL", "NL", "BE"),
    "pl": ("PL", "PL", "GB", "DE"),
    "cs": ("CZ", "SK", "DE"),
    "sv": ("SE", "NO", "DK", "FI"),
    "ro": ("RO", "IT", "ES"),
    "hu": ("HU", "AT", "RO"),
    "hr": ("HR", "DE", "AT"),
    "vi": ("VN", "DE", "US", "CZ"),
    "ru": ("RU", "KZ", "DE", "TR", "IL"),
    "uk": ("UA", "PL", "DE", "CZ"),
    "el": ("GR", "CY", "DE", "GB"),
    "ar": ("SA", "AE", "EG", "MA", "FR", "DE"),
    "hi": ("IN", "GB", "US", "AE", "SG"),
    "zh": ("CN", "SG", "MY", "US"),
    "ja": ("JP", "US"),
    "ko": ("KR", "US", "DE"),
    "ka": ("GE", "TR", "DE"),
    "hy": ("AM", "FR", "US", "RU"),
    "fa": ("IR", "DE", "SE", "TR"),
    "he": ("IL", "US", "DE"),
    "th": ("TH", "SG", "AU"),
}
_WRITES: dict[str, tuple[tuple[str, int], ...]] = {
    **{lang: ((lang, 8), ("en", 2)) for lang in CUE_LANGS if lang != "en"},
    "en": (("en", 1),),
    "tr": (("tr", 7), ("de", 2), ("en", 1)),
    "pl": (("pl", 7), ("en", 2), ("de", 1)),
    "cs": (("en", 3), ("de", 2)),
    "sv": (("en", 1),),
    "ro": (("en", 2), ("it", 1), ("es", 1)),
    "hu": (("en", 2), ("de", 1)),
    "hr": (("en", 1), ("de", 1)),
    "vi": (("en", 2), ("de", 1)),
    "ru": (("en", 2), ("de", 1), ("tr", 1)),
    "uk": (("en", 2), ("pl", 2), ("de", 1)),
    "el": (("en", 2), ("de", 1)),
    "ar": (("en", 3), ("fr", 2), ("de", 1), ("tr", 1)),
    "hi": (("en", 1),),
    "zh": (("en", 1),),
    "ja": (("en", 1),),
    "ko": (("en", 3), ("de", 1)),
    "ka": (("en", 2), ("tr", 1), ("de", 1)),
    "hy": (("en", 2), ("fr", 1)),
    "fa": (("en", 2), ("de", 1), ("tr", 1)),
    "he": (("en", 2), ("de", 1)),
    "th": (("en", 1),),
}


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in pairs], weights=[w for _, w in pairs])[0]


def ascii_fold(s: str) -> str:
    """How people spell their name in an email address."""
    table = str.maketrans(
        {
            "ß": "ss",
            "ø": "o",
            "đ": "d",
            "ł": "l",
            "ı": "i",
            "æ": "ae",
            "œ": "oe",
            "þ": "th",
            "ð": "d",
        }
    )
    folded = unicodedata.normalize("NFKD", s.lower().translate(table))
    return "".join(c for c in folded if c in string.ascii_lowercase + string.digits)


# --- phones -----------------------------------------------------------------------------------
# National significant numbers as "prefix:length" per region, written from the countries'
# numbering plans (mobile first, then a few geographic ranges). A number drawn from them is kept
# only if libphonenumber calls it valid, so a class never says "valid" about a number the
# metadata disagrees with.

_PLANS: dict[str, str] = {
    "DE": "151:11 152:11 157:11 160:10 162:10 170:10 171:10 172:10 175:10 176:11 177:11 "
    "178:11 179:11 30:10 40:10 89:10 221:10 69:10",
    "AT": "664:10 660:10 676:10 650:10 699:11 1:9",
    "CH": "76:9 77:9 78:9 79:9 44:9 31:9 22:9",
    "FR": "6:9 7:9 1:9 4:9 5:9",
    "BE": "470:9 471:9 475:9 478:9 485:9 496:9 2:8",
    "NL": "6:9 20:9 10:9 30:9",
    "LU": "621:9 661:9 691:9",
    "ES": "6:9 71:9 91:9 93:9 96:9",
    "PT": "91:9 92:9 93:9 96:9 21:9",
    "IT": "320:10 328:10 333:10 338:10 347:10 340:10 366:10 393:10 02:10 06:10",
    "PL": "50:9 51:9 53:9 60:9 66:9 69:9 72:9 78:9 79:9 88:9 22:9",
    "CZ": "60:9 72:9 73:9 77:9 2:9",
    "SK": "90:9 91:9 94:9",
    "HU": "20:9 30:9 70:9 1:8",
    "RO": "72:9 74:9 75:9 76:9 21:9",
    "GR": "69:10 21:10",
    "CY": "99:8 96:8",
    "HR": "91:9 92:9 95:9 98:9 99:9",
    "SE": "70:9 72:9 73:9 76:9",
    "NO": "4:8 9:8",
    "DK": "2:8 3:8 5:8 6:8",
    "FI": "40:9 41:9 44:9 45:9 50:9",
    "IE": "83:9 85:9 86:9 87:9 89:9",
    "GB": "74:10 75:10 77:10 78:10 79:10 20:10 161:10 131:10",
    "TR": "53:10 54:10 55:10 50:10 212:10 216:10 312:10",
    "US": "212:10 415:10 312:10 617:10 206:10 305:10 512:10 702:10 404:10",
    "CA": "416:10 514:10 604:10 403:10",
    "MX": "55:10 33:10 81:10",
    "BR": "119:11 219:11 319:11 419:11 519:11 619:11 719:11 819:11 859:11",
    "AR": "911:11 9351:11",
    "CO": "30:10 31:10 32:10",
    "CL": "9:9",
    "PE": "9:9",
    "IN": "98:10 99:10 97:10 96:10 90:10 70:10 80:10 63:10",
    "PK": "30:10 31:10 33:10 34:10",
    "CN": "13:11 15:11 18:11 17:11",
    "JP": "90:10 80:10 70:10",
    "KR": "10:10",
    "VN": "9:9 3:9 7:9 8:9",
    "TH": "8:9 9:9 6:9",
    "PH": "9:10",
    "ID": "81:11 85:11 87:11",
    "MY": "12:9 16:9",
    "SG": "8:8 9:8",
    "AU": "4:9 2:9 3:9",
    "NZ": "21:9 22:9",
    "ZA": "6:9 7:9 8:9",
    "NG": "80:10 81:10 70:10 90:10",
    "KE": "7:9",
    "EG": "10:10 11:10 12:10 15:10",
    "MA": "6:9 7:9",
    "SA": "5:9",
    "AE": "50:9 52:9 55:9 56:9 58:9",
    "IL": "50:9 52:9 53:9 54:9 58:9",
    "UA": "50:9 63:9 66:9 67:9 68:9 73:9 93:9 95:9 96:9 97:9 98:9 99:9",
    "RU": "9:10",
    "KZ": "70:10 77:10",
    "GE": "5:9",
    "AM": "9:8 77:8",
    "IR": "91:10 93:10 90:10 99:10",
}
# Regions whose national forms the shipped policy reads (bench/README.md); others' numbers are
# planted in international form only, as a deployment lists its users' countries.
NATIONAL_REGIONS = ("TR", "US", "GB", "DE", "NL", "FR", "ES", "IT")
# Regions where "+CC (0)…" is written.
_TRUNK0 = ("DE", "AT", "CH", "GB", "NL", "BE", "FR", "IE", "TR")
# Regions for "new range" numbers: right length for the country, not in any assigned range.
_NEW_RANGE = (
    "DE", "GB", "FR", "NL", "ES", "IT", "TR", "PL", "BR", "IN", "MX", "NG", "KE", "AE", "SA",
    "UA", "PT", "SE", "US", "AU", "ZA", "EG", "PH", "ID", "VN", "CO", "AR", "AT", "BE", "CH",
    "GR", "RO", "HU", "CZ", "IE", "DK", "NO",
)  # fmt: skip


def _plan(region: str) -> list[tuple[str, int]]:
    return [(p, int(n)) for p, n in (x.split(":") for x in _PLANS[region].split())]


def _draw_nsn(rng: random.Random, region: str) -> str:
    prefix, length = rng.choice(_plan(region))
    return prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix)))


def _parsed(region: str, nsn: str) -> phonenumbers.PhoneNumber:
    cc = phonenumbers.country_code_for_region(region)
    return phonenumbers.parse(f"+{cc}{nsn}", None)


def valid_nsn(rng: random.Random, region: str) -> str:
    for _ in range(400):
        nsn = _draw_nsn(rng, region)
        num = _parsed(region, nsn)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) in (
            region,
            *(() if region not in ("US", "CA") else ("US", "CA")),
        ):
            return nsn
    raise RuntimeError(f"numbering plan for {region} gives no valid number")


def new_range_nsn(rng: random.Random, region: str) -> str:
    lengths = sorted({n for _, n in _plan(region)})
    for _ in range(400):
        n = rng.choice(lengths)
        nsn = rng.choice("23456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = _parsed(region, nsn)
        possible = phonenumbers.is_possible_number_with_reason(num)
        if possible == phonenumbers.ValidationResult.IS_POSSIBLE and not (
            phonenumbers.is_valid_number(num)
        ):
            return nsn
    raise RuntimeError(f"no possible-but-invalid number for {region}")


def _groups(rng: random.Random, digits: str) -> list[str]:
    n = len(digits)
    options = {
        8: [(4, 4), (2, 2, 2, 2), (3, 2, 3)],
        9: [(3, 3, 3), (3, 2, 2, 2), (2, 3, 4), (1, 2, 2, 2, 2)],
        10: [(3, 3, 4), (3, 3, 2, 2), (3, 7), (2, 4, 4), (4, 3, 3)],
        11: [(3, 4, 4), (4, 7), (3, 8), (2, 5, 4)],
    }.get(n, [tuple([3] * (n // 3) + ([n % 3] if n % 3 else []))])
    sizes = rng.choice(options)
    out, pos = [], 0
    for s in sizes:
        out.append(digits[pos : pos + s])
        pos += s
    return out


@dataclass(frozen=True)
class Phone:
    region: str
    e164: str
    written: str
    cls: str


def intl_phone(rng: random.Random, region: str, fmt: str | None = None) -> Phone:
    nsn = valid_nsn(rng, region)
    num = _parsed(region, nsn)
    cc = str(num.country_code)
    e164 = f"+{cc}{nsn}"
    fmts = ["lib", "spaced", "dashed", "compact", "00"]
    if region in _TRUNK0:
        fmts.append("trunk0")
    if region in ("US", "CA", "TR", "MX", "BR"):
        fmts.append("paren")
    if region in ("US", "CA", "FR", "BE"):
        fmts.append("dotted")
    fmt = fmt if fmt in fmts else rng.choice(fmts)
    g = _groups(rng, nsn)
    if fmt == "lib":
        written = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        fmt = "spaced"
    elif fmt == "spaced":
        written = f"+{cc} " + " ".join(g)
    elif fmt == "dashed":
        written = f"+{cc}-" + "-".join(g)
    elif fmt == "compact":
        written = e164
    elif fmt == "00":
        written = f"00{cc} " + " ".join(g)
    elif fmt == "trunk0":
        written = f"+{cc} (0)" + " ".join(g)
    elif fmt == "paren":
        area = 3 if region in ("US", "CA", "TR") else 2
        a, rest = nsn[:area], nsn[area:]
        if region in ("US", "CA"):
            written = f"+{cc} ({a}) {rest[:3]}-{rest[3:]}"
        elif region == "TR":
            written = f"+{cc} ({a}) {rest[:3]} {rest[3:5]} {rest[5:]}"
        elif region == "BR":
            written = f"+{cc} ({a}) {rest[:5]}-{rest[5:]}"
        else:
            written = f"+{cc} ({a}) {rest[:4]} {rest[4:]}"
    else:  # dotted
        written = f"+{cc}." + ".".join(g)
    return Phone(region, e164, written, f"phone/intl-{fmt}")


def new_range_phone(rng: random.Random, region: str) -> Phone:
    nsn = new_range_nsn(rng, region)
    cc = str(phonenumbers.country_code_for_region(region))
    g = _groups(rng, nsn)
    written = rng.choice(
        [f"+{cc} " + " ".join(g), f"+{cc}{nsn}", f"00{cc} " + " ".join(g), f"+{cc}-" + "-".join(g)]
    )
    return Phone(region, f"+{cc}{nsn}", written, "phone/intl-new-range")


def national_phone(rng: random.Random, region: str) -> Phone:
    """A number as people in ``region`` write it at home (no country code)."""
    for _ in range(50):
        nsn = valid_nsn(rng, region)
        cc = str(phonenumbers.country_code_for_region(region))
        written = _national_written(rng, region, nsn)
        num = phonenumbers.parse(written, region)
        if phonenumbers.is_valid_number(num) and phonenumbers.national_significant_number(
            num
        ) == nsn.lstrip("0" if region != "IT" else ""):
            return Phone(region, f"+{cc}{nsn}", written, f"phone/national-{region.lower()}")
    raise RuntimeError(f"no national form for {region}")


def _national_written(rng: random.Random, region: str, nsn: str) -> str:
    if region == "TR":
        a, b, c, d = nsn[:3], nsn[3:6], nsn[6:8], nsn[8:]
        return rng.choice(
            [
                f"0{a} {b} {c} {d}",
                f"0 {a} {b} {c} {d}",
                f"(0{a}) {b} {c} {d}",
                f"0{a} {b} {c}{d}",
                f"0{nsn}",
                f"{a} {b} {c} {d}",
            ]
        )
    if region == "US":
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        return rng.choice(
            [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"1-{a}-{b}-{c}", f"{a} {b} {c}"]
        )
    if region == "GB":
        if nsn.startswith("7"):
            return rng.choice(
                [f"0{nsn[:4]} {nsn[4:]}", f"0{nsn}", f"0{nsn[:4]} {nsn[4:7]} {nsn[7:]}"]
            )
        if nsn.startswith("20"):
            return rng.choice([f"020 {nsn[2:6]} {nsn[6:]}", f"(020) {nsn[2:6]} {nsn[6:]}"])
        return f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}"
    if region == "DE":
        area = 3 if nsn[0] == "1" else (2 if nsn[:2] in ("30", "40", "89", "69") else 3)
        a, rest = nsn[:area], nsn[area:]
        return rng.choice(
            [
                f"0{a} {rest}",
                f"0{a}/{rest}",
                f"0{a}-{rest}",
                f"(0{a}) {rest}",
                f"0{a} / {rest[:3]} {rest[3:]}",
                f"0{a} {rest[:4]} {rest[4:]}",
            ]
        )
    if region == "NL":
        if nsn.startswith("6"):
            return rng.choice([f"06-{nsn[1:]}", f"06 {nsn[1:]}", f"06 {nsn[1:5]} {nsn[5:]}"])
        return rng.choice([f"0{nsn[:2]}-{nsn[2:]}", f"0{nsn[:2]} {nsn[2:5]} {nsn[5:]}"])
    if region == "FR":
        pairs = [nsn[1:3], nsn[3:5], nsn[5:7], nsn[7:9]]
        head = f"0{nsn[0]}"
        return rng.choice(
            [
                " ".join([head, *pairs]),
                ".".join([head, *pairs]),
                head + "".join(pairs),
                "-".join([head, *pairs]),
            ]
        )
    if region == "ES":
        return rng.choice(
            [
                f"{nsn[:3]} {nsn[3:5]} {nsn[5:7]} {nsn[7:]}",
                f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}",
                nsn,
            ]
        )
    if region == "IT":
        if nsn.startswith("3"):
            return rng.choice([f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}", nsn, f"{nsn[:3]}-{nsn[3:]}"])
        return rng.choice([f"{nsn[:2]} {nsn[2:6]} {nsn[6:]}", f"{nsn[:2]} {nsn[2:]}"])
    raise ValueError(region)


# --- cards ------------------------------------------------------------------------------------


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for check in string.digits:
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable")


def _card_prefix(rng: random.Random, brand: str) -> tuple[str, int]:
    if brand == "visa":
        return "4", 16
    if brand == "mastercard":
        return rng.choice([str(rng.randint(51, 55)), str(rng.randint(2221, 2720))]), 16
    if brand == "amex":
        return rng.choice(["34", "37"]), 15
    if brand == "discover":
        return rng.choice(["6011", "65"]), 16
    if brand == "jcb":
        return str(rng.randint(3528, 3589)), 16
    if brand == "unionpay":
        return "62" + str(rng.randint(10, 99)), rng.choice([16, 19])
    if brand == "maestro":
        return rng.choice(["6759", "5018", "5020", "6763"]), rng.choice([16, 19])
    if brand == "diners":
        return rng.choice(["36", "38"]), 14
    if brand == "troy":
        return "9792", 16
    return str(rng.randint(2200, 2204)), 16  # mir


CARD_BRANDS = (
    "visa", "mastercard", "amex", "discover", "jcb", "unionpay", "maestro", "diners", "troy", "mir",
)  # fmt: skip


def card(rng: random.Random) -> tuple[str, str]:
    """(as written, class)."""
    brand = rng.choice([*CARD_BRANDS, "visa", "mastercard", "visa"])
    prefix, length = _card_prefix(rng, brand)
    n = _luhn_complete(rng, prefix, length)
    if length == 15:
        return rng.choice([f"{n[:4]} {n[4:10]} {n[10:]}", f"{n[:4]}-{n[4:10]}-{n[10:]}", n]), (
            "card/amex"
        )
    if length == 14:
        return rng.choice([f"{n[:4]} {n[4:10]} {n[10:]}", n]), "card/diners"
    if length == 19:
        return " ".join(n[i : i + 4] for i in range(0, 19, 4)), "card/19-digit"
    style = rng.choice(["spaced", "spaced", "dashed", "compact", "spaced2"])
    q = [n[i : i + 4] for i in range(0, 16, 4)]
    if style == "dashed":
        return "-".join(q), "card/dashed"
    if style == "compact":
        return n, "card/compact"
    if style == "spaced2":
        return "  ".join(q), "card/spaced"
    return " ".join(q), "card/spaced"


# --- IBANs ------------------------------------------------------------------------------------
# length and BBAN recipe: n digit, a letter, c alphanumeric, B the bank's letter code.

_IBAN: dict[str, tuple[int, str]] = {
    "DE": (22, "18n"),
    "AT": (20, "16n"),
    "CH": (21, "5n12c"),
    "FR": (27, "10n11c2n"),
    "BE": (16, "12n"),
    "NL": (18, "B10n"),
    "LU": (20, "3n13c"),
    "ES": (24, "20n"),
    "PT": (25, "21n"),
    "IT": (27, "1a10n12c"),
    "PL": (28, "24n"),
    "CZ": (24, "20n"),
    "SK": (24, "20n"),
    "HU": (28, "24n"),
    "RO": (24, "B16c"),
    "HR": (21, "17n"),
    "SE": (24, "20n"),
    "NO": (15, "11n"),
    "DK": (18, "14n"),
    "FI": (18, "14n"),
    "IE": (22, "B6n8n"),
    "GB": (22, "B6n8n"),
    "TR": (26, "5n1z16c"),
    "GR": (27, "7n16c"),
    "SA": (24, "2n18c"),
    "AE": (23, "3n16n"),
    "UA": (29, "6n19c"),
    "GE": (22, "B16n"),
}
_IBAN_BANKS = {
    "NL": ("ABNA", "RABO", "INGB", "SNSB", "TRIO", "KNAB", "ASNB"),
    "RO": ("BTRL", "RNCB", "BRDE", "INGB"),
    "IE": ("AIBK", "BOFI", "IPBS"),
    "GB": ("NWBK", "BARC", "HBUK", "LOYD", "MIDL", "MONZ"),
    "GE": ("TB", "BG"),
}


def _bban(rng: random.Random, country: str) -> str:
    out = []
    for count, kind in re.findall(r"(\d*)([nacBz])", _IBAN[country][1]):
        k = int(count or 1)
        if kind == "B":
            out.append(rng.choice(_IBAN_BANKS[country]))
        elif kind == "z":
            out.append("0")
        elif kind == "n":
            out.append("".join(rng.choice(string.digits) for _ in range(k)))
        elif kind == "a":
            out.append("".join(rng.choice(string.ascii_uppercase) for _ in range(k)))
        else:  # alphanumeric account parts are mostly digits
            pool = string.digits * 6 + string.ascii_uppercase
            out.append("".join(rng.choice(pool) for _ in range(k)))
    bban = "".join(out)
    if country == "BE":  # the account's own check: first ten digits mod 97
        r = int(bban[:10]) % 97 or 97
        bban = bban[:10] + f"{r:02d}"
    return bban


def iban_mod97(iban: str) -> int:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def iban(rng: random.Random) -> tuple[str, str, str]:
    """(as written, class, country)."""
    country = rng.choice(list(_IBAN))
    bban = _bban(rng, country)
    check = 98 - iban_mod97(f"{country}00{bban}")
    compact = f"{country}{check:02d}{bban}"
    assert len(compact) == _IBAN[country][0], country
    if rng.random() < 0.65:
        return (
            " ".join(compact[i : i + 4] for i in range(0, len(compact), 4)),
            "iban/grouped",
            (country),
        )
    return compact, "iban/compact", country


# --- IP addresses -----------------------------------------------------------------------------

_V4_FIRST = (
    31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 93, 94, 95,
    109, 141, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217, 24, 50, 66, 67, 68, 69,
    71, 73, 74, 75, 76, 96, 98, 99, 1, 14, 27, 36, 39, 42, 49, 58, 101, 110, 111, 113, 116,
    117, 121, 177, 179, 186, 187, 189, 190, 191, 200, 201, 41, 102, 105, 154, 196, 197,
)  # fmt: skip
_V6_PREFIX = (
    "2a02:8108", "2a01:4f8", "2003:e6", "2a00:20", "2a02:a46", "2001:16b8", "2a0a:a540",
    "2600:1700", "2601:647", "2406:3003", "2804:14c", "2c0f:f4c0", "240e:3b7", "2a03:2880",
    "2405:201", "2a02:2f0e", "2a04:4e42", "2001:4860",
)  # fmt: skip


def ipv4(rng: random.Random) -> str:
    return (
        f"{rng.choice(_V4_FIRST)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    )


def _h(rng: random.Random) -> str:
    return format(rng.choice([rng.randint(0, 0xFFFF), rng.randint(0x100, 0xFFFF)]), "x")


def ipv6(rng: random.Random, *, compressed: bool) -> str:
    head = rng.choice(_V6_PREFIX).split(":")
    if compressed:
        mid = [_h(rng) for _ in range(rng.randint(0, 2))]
        tail = [_h(rng) for _ in range(rng.randint(1, 2))]
        return ":".join(head + mid) + "::" + ":".join(tail)
    return ":".join(head + [_h(rng) for _ in range(8 - len(head))])


def ip(rng: random.Random) -> tuple[tuple[Piece, ...], str]:
    """(pieces as written, class): the address is planted, a port or brackets are not."""
    r = rng.random()
    if r < 0.35:
        return (P("ip", ipv4(rng), "ip/v4"),), "ip/v4"
    if r < 0.5:
        return (P("ip", ipv4(rng), "ip/v4-port"), f":{rng.choice([8080, 443, 3389, 22, 51820])}"), (
            "ip/v4-port"
        )
    if r < 0.65:
        return (P("ip", ipv6(rng, compressed=False), "ip/v6-full"),), "ip/v6-full"
    if r < 0.8:
        return (P("ip", ipv6(rng, compressed=True), "ip/v6-compressed"),), "ip/v6-compressed"
    if r < 0.92:
        addr = ipv6(rng, compressed=rng.random() < 0.5)
        return ("[", P("ip", addr, "ip/v6-bracket-port"), f"]:{rng.choice([443, 8443, 22])}"), (
            "ip/v6-bracket-port"
        )
    return (P("ip", f"::ffff:{ipv4(rng)}", "ip/v4-mapped-v6"),), "ip/v4-mapped-v6"


# --- URL secrets ------------------------------------------------------------------------------

_B62 = string.ascii_letters + string.digits


def _tok(rng: random.Random, n: int, alphabet: str = _B62) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(rng: random.Random) -> str:
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = {"sub": _tok(rng, 12), "iat": rng.randint(1_700_000_000, 1_760_000_000), "scp": "dl"}
    sig = _b64url(bytes(rng.randrange(256) for _ in range(32)))
    return f"{head}.{_b64url(json.dumps(body, separators=(',', ':')).encode())}.{sig}"


_HOSTS = (
    "files.lieferfix.de", "portal.mojebiuro.pl", "app.kasaonline.com.tr", "my.zorgpunt.nl",
    "share.nubecasa.es", "cloud.archivio-studio.it", "docs.casaverde.com.br",
    "drive.atelier-lumiere.fr", "dl.fjordbox.no", "secure.paymint.io", "api.tradeloop.co.uk",
    "download.kargopark.com", "media.vitrinka.cz", "meet.salaonline.pt",
)  # fmt: skip
_PW_CHARS = string.ascii_letters + string.digits + "-_.~!"


def url_secret(rng: random.Random) -> tuple[tuple[Piece, ...], str]:
    """A URL whose secret (token, signature, password) is planted; the rest is not."""
    host = rng.choice(_HOSTS)
    path = rng.choice(["/s/", "/share/", "/download/", "/files/", "/d/"]) + _tok(rng, 10)
    r = rng.random()
    if r < 0.22:
        name = rng.choice(["token", "access_token", "auth_token", "t", "tkn", "share_token"])
        cls = "url/query-token"
        secret = _tok(rng, rng.randint(22, 40))
        return (f"https://{host}{path}?{name}=", P("url", secret, cls)), cls
    if r < 0.34:
        name = rng.choice(["api_key", "apikey", "key", "apiKey", "client_secret", "secret"])
        cls = "url/query-key"
        secret = rng.choice(
            [_tok(rng, 32), "sk_live_" + _tok(rng, 24), _tok(rng, 40, "0123456789abcdef")]
        )
        extra = rng.choice(["", "&format=json", "&page=2"])
        return (f"https://{host}/api/v2/export?{name}=", P("url", secret, cls), extra), cls
    if r < 0.44:
        name = rng.choice(["password", "pwd", "pass", "passwd"])
        cls = "url/query-password"
        pre = rng.choice(["", "user=export&", "u=reports&"])
        return (f"https://{host}/login?{pre}{name}=", P("url", _tok(rng, 12, _PW_CHARS), cls)), cls
    if r < 0.56:
        cls = "url/presigned-signature"
        bucket = rng.choice(["invoices", "exports", "uploads"]) + "-" + _tok(rng, 6, "abcdefgh")
        sig = _tok(rng, 64, "0123456789abcdef")
        date = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}0000Z"
        return (
            f"https://{bucket}"
            f".s3.eu-central-1.amazonaws.com/{_tok(rng, 8)}.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            f"&X-Amz-Date={date}&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=",
            P("url", sig, cls),
        ), cls
    if r < 0.64:
        cls = "url/oauth-code"
        return (
            f"https://{host}/oauth/callback?code=",
            P("url", _tok(rng, rng.randint(30, 44), _B62 + "-_"), cls),
            f"&state={_tok(rng, 8)}",
        ), cls
    if r < 0.72:
        cls = "url/fragment-token"
        return (
            f"https://{host}/auth/done#access_token=",
            P("url", _tok(rng, 36, _B62 + "-_"), cls),
            "&token_type=bearer&expires_in=3600",
        ), cls
    if r < 0.82:
        cls = "url/jwt"
        name = rng.choice(["jwt", "token", "id_token", "session"])
        return (f"https://{host}/view?{name}=", P("url", jwt(rng), cls)), cls
    if r < 0.88:
        cls = "url/query-signature"
        return (
            f"https://{host}{path}?expires={rng.randint(1_735_000_000, 1_800_000_000)}&sig=",
            P("url", _tok(rng, 43, _B62 + "-_"), cls),
        ), cls
    cls = "url/userinfo-password"
    user = rng.choice(["export", "svc_backup", "reports", "ftpuser", "sync-bot", "admin"])
    scheme, port, tail = rng.choice(
        [
            ("https", "", "/outgoing/"),
            ("ftp", "", "/exports/2025/"),
            ("sftp", ":2222", "/upload"),
            ("postgres", ":5432", "/orders"),
            ("redis", ":6379", "/0"),
        ]
    )
    return (
        f"{scheme}://{user}:",
        P("url", _tok(rng, rng.randint(10, 20), _PW_CHARS), cls),
        f"@{host}{port}{tail}",
    ), cls


# --- emails -----------------------------------------------------------------------------------

_MAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com", "proton.me"),
    "de": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmx.at", "bluewin.ch"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr"),
    "es": ("gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"),
    "it": ("libero.it", "virgilio.it", "tiscali.it", "alice.it"),
    "pt": ("sapo.pt", "gmail.com", "uol.com.br", "bol.com.br", "terra.com.br"),
    "tr": ("gmail.com", "hotmail.com.tr", "yandex.com.tr", "mynet.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl"),
    "pl": ("wp.pl", "o2.pl", "onet.pl", "interia.pl", "gazeta.pl"),
    "other": ("gmail.com", "outlook.com", "yandex.ru", "mail.ru", "seznam.cz", "naver.com",
              "qq.com", "163.com", "yahoo.co.jp", "freemail.hu", "abv.bg", "ukr.net"),
}  # fmt: skip
_SUBDOMAIN_MAIL = (
    "mail.uni-heidelberg.de", "students.uw.edu.pl", "cs.ox.ac.uk", "post.tu-dresden.de",
    "alumni.polimi.it", "etu.univ-lyon1.fr", "ing.uc3m.es", "staff.itu.edu.tr",
    "student.tudelft.nl", "campus.ul.pt", "eu.lieferfix.de", "sales.tradeloop.co.uk",
)  # fmt: skip
_IDN_MAIL: dict[str, tuple[str, ...]] = {
    "de": ("bäckerei-süß.de", "gärtnerei-öhm.de", "müller-büro.de", "straßenbau-kühn.de"),
    "fr": ("café-léon.fr", "crêperie-bréhat.fr"),
    "es": ("diseño-gráfico.es", "peña-andaluza.es"),
    "pt": ("pão-e-café.pt", "construções-simão.com.br"),
    "tr": ("çiçekçi-güneş.com", "şehir-eczanesi.com"),
    "pl": ("księgarnia-łódź.pl", "żółty-rower.pl"),
    "ru": ("почта.рф", "магазин-книг.рф"),
    "uk": ("пример.укр", "пошта.укр"),
    "el": ("εταιρεία.gr", "ταχυδρομείο.gr"),
    "zh": ("例子.中国", "公司.cn"),
    "other": ("bücher.ch", "hôtel-du-lac.ch", "café-sol.com"),
}
_UTF8_LOCAL_DOMAINS = ("gmx.de", "orange.fr", "web.de", "gmail.com", "outlook.com", "seznam.cz")


def email(
    rng: random.Random, first: str, last: str, lang: str, cls: str | None = None
) -> tuple[str, str]:
    """(address, class) for a person; cls forces the shape."""
    f, ln = ascii_fold(first) or "user", ascii_fold(last) or "mail"
    cls = cls or rng.choice(
        ["email/plain"] * 4
        + [
            "email/plus",
            "email/subdomain",
            "email/idn-domain",
            "email/utf8-local",
            "email/dotted-local",
        ]
    )
    y = str(rng.randint(60, 99) if rng.random() < 0.5 else rng.randint(1, 2024))
    local = rng.choice(
        [f"{f}.{ln}", f"{f[0]}.{ln}", f"{ln}.{f}", f"{f}{ln}", f"{f}_{ln[:1]}{y}", f"{f[0]}{ln}{y}"]
    )
    home = _MAIL_DOMAINS.get(lang, _MAIL_DOMAINS["other"])
    if cls == "email/plus":
        tag = rng.choice(
            ["shop", "orders", "newsletter", "bank", "bot", "2025", "invoices", "kargo"]
        )
        return f"{local}+{tag}@{rng.choice(home)}", cls
    if cls == "email/subdomain":
        return f"{local}@{rng.choice(_SUBDOMAIN_MAIL)}", cls
    if cls == "email/idn-domain":
        return f"{local}@{rng.choice(_IDN_MAIL.get(lang, _IDN_MAIL['other']))}", cls
    if cls == "email/utf8-local":
        lowered = f"{first.lower()}.{last.lower()}".replace(" ", "").replace("'", "")
        if lowered.isascii():  # a transliterated name gives an ASCII address
            return f"{lowered}@{rng.choice(home)}", "email/plain"
        return f"{lowered}@{rng.choice(_UTF8_LOCAL_DOMAINS)}", cls
    if cls == "email/dotted-local":
        mid = rng.choice(string.ascii_lowercase)
        return f"{f}.{mid}.{ln}@{rng.choice(home)}", cls
    return f"{local}@{rng.choice(home)}", "email/plain"


# --- phrasings --------------------------------------------------------------------------------
# One template per line under "@key"; "\n" is a line break, "f|" / "m|" limits a line to a
# gender, [[word]] is a name-like decoy. Slots: {F} {L} the person, {F2} {L2} a third party,
# {A} an agent, {HON} an honorific, {V} the value a sentence is about, {BRAND} a company name,
# and decoy slots ({ORDER}, {DATE}, ...). Written for this bank.

_PACKS_SRC: dict[str, str] = {}

_PACKS_SRC["en"] = r"""
@intro
Hi, {F} {L} here.
Hey there, my name's {F}.
Hello! This is {F} {L}, I emailed last week.
I'm {F} and I've got a problem with my account.
Name's {F} {L}.
It's {F} again, following up.
Good morning. You're speaking with {F} {L}.
{F} here — quick question.
Hiya, {F} from the Leeds office.
My name is {F} {L} and I placed an order on your site.
You can call me {F}.
This is {F}, the account holder.
@form
Name: {F} {L}
Full name: {F} {L}
Account holder: {L}, {F}
Recipient: {F} {L}
Cardholder name: {F} {L}
@selfmention
Please put the parcel under {F} {L}, not the company.
The booking should read {L}, {F}.
@signoff
\n\nThanks,\n{F}
\nCheers, {F}
\n\nBest regards,\n{F} {L}
\n\nKind regards\n{F} {L}
\n— {F}
\n\nMany thanks,\n{F}
 Ta, {F}
\n\nWarmly,\n{F} {L}
@sigblock
\n\n{F} {L}\n{PHONE}
\n\n{F} {L} | Mobile {PHONE}
\n{F} {L}, {PHONE}
\n\n--\n{F} {L}\nT: {PHONE}\nE: {EMAIL}
\n\n{F} {L}\nSent from Outlook for Android
@greet
Hi {F}! How can I help you today?
Welcome back, {F}. What can I do for you?
Hello {F} 👋 I'm the virtual assistant. Ask me anything about your order.
Thanks for reaching out, {F}.
Good to see you again, {F}!
@greet_full
Hello {F} {L}, welcome to {BRAND} support.
Hi {F} {L}! I can see you're logged in. How can I help?
@greet_hon
Good afternoon, {HON} {L}. How may I assist you?
Dear {HON} {L}, thank you for contacting us.
@greet_plain
Hi! I'm the {BRAND} assistant. How can I help?
Hello and welcome. Please describe your issue in a few words.
Hi there 👋 What brings you here today?
@ask_name
Before we start, may I have your name?
Could you tell me your full name, please?
Who am I speaking with?
@thanks_name
Thanks, {F}. Let me look into that.
Nice to meet you, {F}!
Got it, {F} {L}. One moment please.
Thank you {F}, I've found your account.
@req
My order {ORDER} from {DATE} still hasn't arrived.
I was charged {PRICE} twice for invoice {INVOICE}.
The tracking number {TRACK} shows no updates since {DATE}.
The app (version {VERSION}) crashes when I open my basket.
I need to return item {PRODUCT}, bought on {DATE} for {PRICE}.
Your courier was supposed to come at {TIME} but never showed up.
My phone's IMEI is {IMEI}, it's locked after the update.
Can you deliver to {POSTAL} instead?
Booking {BOOKING} — I need to change the date to {DATE}.
Ticket {TICKET} is still open, any news?
The voucher code {VOUCHER} doesn't work at checkout.
I paid with the card ending {LAST4}, total {PRICE}.
The router firmware is {VERSION4} and it keeps rebooting.
Reference {REF}: please confirm the refund of {PRICE}.
Pickup location is at {COORD}.
Order {ORDER}: {QTY} arrived damaged.
I found the product here: {PLAINURL}
Your invoice lists VAT number {COMPANY}, is that right?
Error id {UUID} keeps popping up.
Card expires {EXPIRY}, do I need to re-enter it?
@email
My email is {V}.
You can reach me at {V}
Please send the invoice to {V}, not the old address.
{V} is the address on the account.
email: {V}
Use this one instead:\n{V}
(my work address is {V})
@phone
My number is {V}.
Call me back on {V} please
{V} — that's my mobile, WhatsApp works too.
Phone:{V}
best to text me at {V}!
Could someone ring me? {V}
The number on file is wrong, it should be {V}.
@card
Card number {V}, expiry {EXPIRY}
I used my card {V} and got charged twice.
can you refund it to {V}?
Here's the card: {V}
@iban
Please refund to my account {V}.
IBAN: {V}
my bank details: {V} (account is in my name)
The IBAN {V} is the new one.
@ip
My IP address is {V}, maybe it's blocked?
I'm connecting from {V} and getting error 403.
Login attempt from {V} wasn't me!
The VPN shows {V}.
@url
Here's the link they sent me: {V}
This link doesn't open: {V}
I've uploaded the photos here {V}
Is this legit? {V}
@confirm
I've updated your contact details to {V}.
Thanks! I'll use {V} from now on.
Just to confirm: {V}, correct?
Noted: {V}.
@check
Just to confirm: {V}, correct?
Let me double-check {V} for you.
@confirm_name
Thanks {F}, I've saved {V} to your profile.
{F}, we'll contact you at {V} within 24 hours.
@bot_info
Your order {ORDER} was shipped on {DATE}. Tracking: {TRACK}.
The refund of {PRICE} for invoice {INVOICE} will arrive in 3–5 business days.
I've opened ticket {TICKET} for you.
Please update the app to version {VERSION}.
Your booking {BOOKING} is confirmed for {DATE} at {TIME}.
@third_m
My husband {F2} set up the account, not me.
I spoke to your colleague {F2} {L2} yesterday.
My son {F2} ordered it on my card.
My landlord, {F2} {L2}, needs a copy.
@third_f
My wife {F2} will pick it up.
Your agent {F2} promised a callback.
Please add my daughter {F2} {L2} as a second user.
My accountant {F2} {L2} asked for the invoice.
@third_plain
{F2} {L2} told me this would be fixed by Friday.
I'm forwarding what {F2} wrote to me.
Can you check with {F2} {L2}? They handled it before.
@agent_intro
Hi, {A} here from the customer team. I'm taking over.
Hello, my name is {A} and I'll help you from here.
This is {A} from billing, thanks for waiting.
@agent_greet
Hi {F}, I've read the chat history.
Thanks for your patience, {F}.
{F}, I can see the problem now.
@thank_agent
Thanks so much {A}!
Great, thank you {A}, that solved it.
{A}, you're a star.
@handoff
I'm connecting you with a human agent now.
Let me transfer you to a colleague.
@namelike
Hi [[Team]], quick question about my plan.
I'm [[Canadian]] — do you ship to [[Toronto]]?
Thanks [[Vodafone]], finally!
Hello [[Support]], anyone there?
I'm writing from [[Brighton]].
This is [[Urgent]]: my parcel is lost.
I'm a [[Premium]] member since 2019.
@filler
Thanks for the quick reply.
Any update?
Ok, I'll wait.
That's not what I asked, sorry.
I've tried that already twice.
@bot_filler
Let me check that for you.
One moment please.
Is there anything else I can help with?
@bye_bot
Glad I could help. Have a great day!
Thanks for chatting with us.
@feedback
Great service, {A} was very patient. — {F}
Bot didn't understand me, had to call {PHONE} myself.
Slow. Please contact me at {EMAIL}.
5 stars for {A}! {F} {L}
@summary
Customer {F} {L} asked about order {ORDER}; refund of {PRICE} approved.
User reported login issues from {IP}; advised a password reset.
{F} {L} requested a callback on {PHONE} regarding invoice {INVOICE}.
The user ({EMAIL}) wants to change the delivery date to {DATE}.
Caller {F} {L} updated bank details to {IBAN}. Identity verified.
{F} complained that tracking {TRACK} has not moved since {DATE}. Escalated to {A}.
Customer shared a link ({URL}) with photos of the damaged item.
User paid with card {CARD} and was charged twice ({PRICE}).
@notes
called back {PHONE}, no answer. retry {DATE}
cust prefers email: {EMAIL}
verified {F} {L} (DOB ok). new IBAN {IBAN}
handed over to {A}. ticket {TICKET}
login from {IP} flagged, pw reset sent
{L} wants invoice {INVOICE} re-issued, send to {EMAIL}
@tags
callback:{PHONE}
contact={EMAIL}
vip-{L}
order-{ORDER}
name:{F} {L}
agent:{A}
@yesno
Yes, that's right|No, change it
@hon
Ms|Mr
@brand
Parcelwise|Brightline|Homely
"""

_PACKS_SRC["de"] = r"""
@intro
Hallo, hier ist {F} {L}.
Guten Tag, {L} mein Name.
Ich heiße {F} und habe ein Problem mit meiner Bestellung.
Mein Name ist {F} {L}.
Moin, {F} hier!
f|Ich bin die {F}, wir hatten gestern schon geschrieben.
m|Ich bin der {F} aus der Buchhaltung.
Servus, {F} {L} am Apparat.
Hier schreibt {F} {L}, die Kundennummer habe ich leider nicht zur Hand.
{F} {L} hier, ich melde mich wegen der Rechnung.
@form
Name: {F} {L}
Vor- und Nachname: {F} {L}
Kontoinhaber: {F} {L}
Empfänger: {L}, {F}
@selfmention
Das Paket bitte auf {F} {L} ausstellen, nicht auf die Firma.
Die Rechnung lautet auf {L}, {F}.
@signoff
\n\nViele Grüße\n{F} {L}
\nLG {F}
\n\nMit freundlichen Grüßen\n{F} {L}
\nGruß, {F}
\n\nDanke & Gruß\n{F}
\n\nBeste Grüße aus [[Leipzig]]\n{F}
\nVG {F} {L}
@sigblock
\n\n{F} {L}\nMobil: {PHONE}
\n\n{F} {L} · Tel. {PHONE}
\n{F} {L}, {PHONE}
\n\n--\n{F} {L}\nTel.: {PHONE}\nE-Mail: {EMAIL}
@greet
Hallo {F}! Wie kann ich dir helfen?
Willkommen zurück, {F}. Was kann ich für Sie tun?
Hi {F} 👋 Schön, dass du wieder da bist.
Danke für deine Nachricht, {F}.
@greet_full
Guten Tag {F} {L}, willkommen beim Kundenservice von {BRAND}.
Hallo {F} {L}, Sie sind angemeldet. Worum geht es?
@greet_hon
Guten Tag {HON} {L}, wie kann ich Ihnen helfen?
f|Sehr geehrte Frau {L}, vielen Dank für Ihre Anfrage.
m|Sehr geehrter Herr {L}, vielen Dank für Ihre Anfrage.
@greet_plain
Hallo! Ich bin der digitale Assistent von {BRAND}. Wie kann ich helfen?
Guten Tag! Beschreiben Sie Ihr Anliegen bitte in einem Satz.
@ask_name
Wie darf ich Sie ansprechen?
Verraten Sie mir bitte Ihren vollständigen Namen?
@thanks_name
Danke, {F}. Ich schaue nach.
Freut mich, {F}!
Alles klar, {F} {L}. Einen Moment bitte.
@req
Meine Bestellung {ORDER} vom {DATE} ist immer noch nicht da.
Mir wurden {PRICE} doppelt abgebucht, Rechnung {INVOICE}.
Die Sendungsnummer {TRACK} zeigt seit {DATE} nichts Neues.
Die App (Version {VERSION}) stürzt beim Bezahlen ab.
Ich möchte Artikel {PRODUCT} zurückschicken, gekauft am {DATE} für {PRICE}.
Der Techniker sollte um {TIME} Uhr kommen, kam aber nicht.
Mein Handy (IMEI {IMEI}) ist seit dem Update gesperrt.
Könnt ihr an die PLZ {POSTAL} liefern?
Der Gutscheincode {VOUCHER} funktioniert nicht.
Bezahlt habe ich mit der Karte mit Endung {LAST4}, insgesamt {PRICE}.
Vorgang {REF}: bitte Erstattung über {PRICE} bestätigen.
Firmware {VERSION4} auf dem Router, er startet ständig neu.
Es sind {QTY} angekommen statt zwei.
Hier der Artikel: {PLAINURL}
Ticket {TICKET} ist immer noch offen.
Auf der Rechnung steht {COMPANY}, stimmt das?
Abholpunkt laut App: {COORD}
@email
Meine E-Mail-Adresse lautet {V}.
Schreiben Sie mir bitte an {V}
Die Rechnung bitte an {V} schicken, nicht an die alte Adresse.
E-Mail:{V}
{V} ist die Adresse im Kundenkonto.
@phone
Meine Handynummer: {V}
Rufen Sie mich bitte unter {V} zurück.
{V} – da bin ich tagsüber erreichbar.
Tel.:{V}
Die hinterlegte Nummer ist falsch, richtig ist {V}.
@card
Kartennummer {V}, gültig bis {EXPIRY}
Ich habe mit der Kreditkarte {V} bezahlt.
Bitte auf die Karte {V} erstatten.
@iban
Bitte auf mein Konto {V} überweisen.
IBAN: {V}
Meine neue Bankverbindung: {V}
@ip
Meine IP-Adresse ist {V}, vielleicht ist die gesperrt?
Ich verbinde mich von {V} und bekomme Fehler 403.
Der Login von {V} war nicht ich!
@url
Das ist der Link aus der Mail: {V}
Der Link geht nicht: {V}
Fotos habe ich hier hochgeladen {V}
@confirm
Ich habe Ihre Kontaktdaten auf {V} geändert.
Danke! Wir verwenden ab jetzt {V}.
Nur zur Bestätigung: {V}, richtig?
@check
Nur zur Bestätigung: {V}, richtig?
Ich prüfe {V} kurz für Sie.
@confirm_name
Danke {F}, {V} ist gespeichert.
{F}, wir melden uns innerhalb von 24 Stunden unter {V}.
@bot_info
Ihre Bestellung {ORDER} wurde am {DATE} verschickt. Sendungsnummer: {TRACK}.
Die Erstattung über {PRICE} zur Rechnung {INVOICE} ist in 3–5 Werktagen da.
Ich habe das Ticket {TICKET} für Sie angelegt.
Bitte aktualisieren Sie die App auf Version {VERSION}.
@third_m
Mein Mann {F2} hat das Konto angelegt.
Ich habe gestern mit Ihrem Kollegen {F2} {L2} telefoniert.
Mein Vermieter, Herr {L2}, braucht eine Kopie.
@third_f
Meine Frau {F2} holt das Paket ab.
Ihre Kollegin {F2} hat einen Rückruf versprochen.
Bitte meine Tochter {F2} {L2} als zweite Nutzerin eintragen.
@third_plain
{F2} {L2} meinte, das sei bis Freitag erledigt.
Ich leite weiter, was {F2} mir geschrieben hat.
@agent_intro
Hallo, hier ist {A} vom Kundenservice. Ich übernehme jetzt.
Guten Tag, mein Name ist {A}, ich helfe Ihnen weiter.
@agent_greet
Hallo {F}, ich habe den Verlauf gelesen.
Danke für Ihre Geduld, {F}.
@thank_agent
Vielen Dank, {A}!
Super, danke {A}, das hat geholfen.
@handoff
Ich verbinde Sie mit einem Mitarbeiter.
Einen Moment, ich leite Sie an eine Kollegin weiter.
@namelike
Hallo [[Team]], kurze Frage zu meinem Tarif.
f|Ich bin [[Neukundin]] und finde die Rechnung nicht.
m|Ich bin [[Rentner]] und komme mit der App nicht klar.
Danke [[Telekom]], endlich!
m|Ich bin [[Student]] – gibt es einen Rabatt?
Ich schreibe aus [[Bielefeld]].
@filler
Danke für die schnelle Antwort.
Gibt es schon was Neues?
Okay, ich warte.
Das habe ich schon zweimal probiert.
@bot_filler
Ich schaue kurz nach.
Einen Moment bitte.
Kann ich sonst noch etwas für Sie tun?
@bye_bot
Gern geschehen. Einen schönen Tag noch!
Danke für Ihre Nachricht.
@feedback
Super Service, {A} war sehr geduldig. {F}
Der Bot hat mich nicht verstanden, musste selbst {PHONE} anrufen.
Zu langsam. Bitte melden Sie sich unter {EMAIL}.
5 Sterne für {A}! – {F} {L}
@summary
Kunde {F} {L} fragt nach Bestellung {ORDER}, Erstattung {PRICE} genehmigt.
Rückruf gewünscht unter {PHONE} wegen Rechnung {INVOICE}.
@yesno
Ja, stimmt|Nein, ändern
@hon
Frau|Herr
@brand
Lieferfix|Stromkontor|Bahnfrei
"""

_PACKS_SRC["fr"] = r"""
@intro
Bonjour, je m'appelle {F} {L}.
Moi c'est {F}, j'ai un souci avec ma commande.
Ici {F} {L}.
Bonjour, c'est {F}, je reviens vers vous.
f|Je suis {F} {L}, cliente depuis 2018.
m|Je suis {F} {L}, client depuis 2018.
{F} {L}, je vous écris au sujet de ma facture.
Bonsoir ! {F} à l'appareil.
Mon nom est {L}, {F} {L}.
@form
Nom : {L}\nPrénom : {F}
Nom et prénom : {L} {F}
Titulaire du compte : {F} {L}
@selfmention
Le colis doit être au nom de {F} {L}, pas de la société.
La facture est à établir au nom de {L} {F}.
@signoff
\n\nCordialement,\n{F} {L}
\nBien à vous, {F}
\n\nMerci d'avance !\n{F}
\n\nBonne journée,\n{F} {L}
\nÀ bientôt, {F}
\n\nBien cordialement\n{F} {L}
@sigblock
\n\n{F} {L}\nPortable : {PHONE}
\n{F} {L} – Tél. {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Bonjour {F} ! Comment puis-je vous aider ?
Ravi de vous revoir, {F}.
Salut {F} 👋 Que puis-je faire pour toi ?
@greet_full
Bonjour {F} {L}, bienvenue sur le service client {BRAND}.
@greet_hon
Bonjour {HON} {L}, que puis-je faire pour vous ?
{HON} {L}, merci pour votre message.
@greet_plain
Bonjour ! Je suis l'assistant virtuel de {BRAND}. Comment puis-je vous aider ?
Bienvenue ! Décrivez votre demande en quelques mots.
@ask_name
Puis-je avoir votre nom, s'il vous plaît ?
Quel est votre nom complet ?
@thanks_name
Merci {F}, je regarde ça.
Enchanté, {F} !
Très bien {F} {L}, un instant s'il vous plaît.
@req
Ma commande {ORDER} du {DATE} n'est toujours pas arrivée.
On m'a prélevé {PRICE} deux fois pour la facture {INVOICE}.
Le numéro de suivi {TRACK} ne bouge plus depuis le {DATE}.
L'appli (version {VERSION}) plante au paiement.
Je veux retourner l'article {PRODUCT}, acheté le {DATE} pour {PRICE}.
Le livreur devait passer à {TIME}.
Mon téléphone (IMEI {IMEI}) est bloqué depuis la mise à jour.
Vous livrez au {POSTAL} ?
Le code promo {VOUCHER} ne marche pas.
Dossier {REF} : merci de confirmer le remboursement de {PRICE}.
J'ai payé avec la carte se terminant par {LAST4}.
Réservation {BOOKING} : je voudrais décaler au {DATE}.
Sur la facture il y a {COMPANY}, c'est normal ?
@email
Mon adresse e-mail : {V}
Écrivez-moi à {V} s'il vous plaît.
Envoyez la facture à {V}, pas à l'ancienne adresse.
Courriel :{V}
{V} c'est mon adresse perso.
@phone
Mon numéro : {V}
Vous pouvez me rappeler au {V} ?
{V} – joignable après 18h.
Tél. :{V}
Le numéro enregistré est faux, c'est le {V}.
@card
Numéro de carte {V}, expiration {EXPIRY}
J'ai payé avec la carte {V}.
Remboursez sur la carte {V} svp.
@iban
Merci de rembourser sur mon compte {V}.
IBAN : {V}
Mes nouvelles coordonnées bancaires : {V}
@ip
Mon adresse IP est {V}, elle est bloquée ?
Je me connecte depuis {V} et j'ai une erreur 403.
La connexion depuis {V}, ce n'était pas moi !
@url
Voici le lien reçu par mail : {V}
Ce lien ne fonctionne pas : {V}
J'ai déposé les photos ici {V}
@confirm
J'ai mis à jour vos coordonnées : {V}.
Merci ! Nous utiliserons désormais {V}.
Pour confirmer : {V}, c'est bien ça ?
@check
Pour confirmer : {V}, c'est bien ça ?
Je vérifie {V} pour vous.
@confirm_name
Merci {F}, {V} est enregistré.
{F}, nous vous recontactons sous 24 h via {V}.
@bot_info
Votre commande {ORDER} a été expédiée le {DATE}. Suivi : {TRACK}.
Le remboursement de {PRICE} (facture {INVOICE}) arrivera sous 3 à 5 jours ouvrés.
J'ai ouvert le ticket {TICKET} pour vous.
@third_m
Mon mari {F2} a créé le compte.
J'ai eu votre collègue {F2} {L2} au téléphone hier.
Mon propriétaire, M. {L2}, a besoin d'une copie.
@third_f
Ma femme {F2} passera récupérer le colis.
Votre conseillère {F2} m'a promis un rappel.
Ajoutez ma fille {F2} {L2} comme deuxième utilisatrice.
@third_plain
{F2} {L2} m'a dit que ce serait réglé vendredi.
Je vous transfère ce que {F2} m'a écrit.
@agent_intro
Bonjour, ici {A} du service client, je prends le relais.
Bonjour, je m'appelle {A} et je vais vous aider.
@agent_greet
Bonjour {F}, j'ai lu l'historique.
Merci de votre patience, {F}.
@thank_agent
Merci beaucoup {A} !
Parfait, merci {A}, c'est réglé.
@handoff
Je vous mets en relation avec un conseiller.
Un instant, je transfère à un collègue.
@namelike
Bonjour [[Service Client]], une question rapide.
Merci [[Orange]], enfin !
J'habite à [[Villeurbanne]], vous livrez ?
Salut l'[[Équipe]] !
@filler
Merci pour la réponse rapide.
Du nouveau ?
D'accord, j'attends.
J'ai déjà essayé deux fois.
@bot_filler
Je vérifie.
Un instant s'il vous plaît.
Puis-je faire autre chose pour vous ?
@bye_bot
Avec plaisir. Bonne journée !
@feedback
Super service, {A} a été très patient. {F}
Le bot ne m'a pas compris, j'ai dû appeler le {PHONE}.
Trop lent. Contactez-moi à {EMAIL}.
@summary
Client {F} {L} : commande {ORDER}, remboursement de {PRICE} accordé.
Rappel demandé au {PHONE} concernant la facture {INVOICE}.
@yesno
Oui, c'est ça|Non, modifier
@hon
Madame|Monsieur
@brand
Colibri|Maison Lumière|Fretexpress
"""

_PACKS_SRC["es"] = r"""
@intro
Hola, me llamo {F}.
Soy {F} {L} y tengo un problema con mi pedido.
Mi nombre es {F} {L}.
Le escribe {F} {L}.
Buenas, aquí {F}.
f|Hola, soy la {F}, ya les escribí ayer.
m|Qué tal, soy el {F} de la tienda de Valencia.
Habla {F} {L}, cliente desde 2020.
@form
Nombre: {F} {L}
Nombre y apellidos: {F} {L}
Titular de la cuenta: {F} {L}
@selfmention
El paquete va a nombre de {F} {L}, no de la empresa.
La factura tiene que ir a nombre de {F} {L}.
@signoff
\n\nSaludos,\n{F}
\nUn saludo, {F} {L}
\n\nAtentamente,\n{F} {L}
\n\nGracias de antemano.\n{F}
\nAbrazo, {F}
@sigblock
\n\n{F} {L}\nMóvil: {PHONE}
\n{F} {L} | Tel. {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
¡Hola {F}! ¿En qué puedo ayudarte?
m|Bienvenido de nuevo, {F}.
f|Bienvenida de nuevo, {F}.
Hola {F} 👋 ¿Qué necesitas hoy?
@greet_full
Hola {F} {L}, gracias por contactar con {BRAND}.
@greet_hon
Buenos días, {HON} {L}. ¿En qué le puedo ayudar?
f|Estimada {HON} {L}, gracias por su mensaje.
m|Estimado {HON} {L}, gracias por su mensaje.
@greet_plain
¡Hola! Soy el asistente virtual de {BRAND}. ¿En qué te ayudo?
Cuéntanos tu consulta en pocas palabras.
@ask_name
¿Me dices tu nombre, por favor?
¿Cuál es tu nombre completo?
@thanks_name
Gracias, {F}. Lo reviso.
¡Encantado, {F}!
Perfecto, {F} {L}. Un momento, por favor.
@req
Mi pedido {ORDER} del {DATE} todavía no ha llegado.
Me cobraron {PRICE} dos veces por la factura {INVOICE}.
El número de seguimiento {TRACK} no se actualiza desde el {DATE}.
La app (versión {VERSION}) se cierra al pagar.
Quiero devolver el artículo {PRODUCT}, comprado el {DATE} por {PRICE}.
El repartidor tenía que venir a las {TIME}.
Mi móvil (IMEI {IMEI}) está bloqueado.
¿Entregan en el código postal {POSTAL}?
El cupón {VOUCHER} no funciona.
Referencia {REF}: confirmen el reembolso de {PRICE}, por favor.
Pagué con la tarjeta terminada en {LAST4}.
En la factura pone {COMPANY}, ¿es correcto?
@email
Mi correo es {V}
Escríbanme a {V}, por favor.
Manden la factura a {V}, no a la dirección antigua.
Correo:{V}
@phone
Mi número es el {V}.
¿Me pueden llamar al {V}?
{V} – estoy disponible por la tarde.
Tel.:{V}
El número que tienen está mal, es el {V}.
@card
Tarjeta {V}, caduca {EXPIRY}
Pagué con la tarjeta {V}.
Devuélvanlo a la tarjeta {V}.
@iban
Hagan la devolución a mi cuenta {V}.
IBAN: {V}
Mis nuevos datos bancarios: {V}
@ip
Mi IP es {V}, ¿está bloqueada?
Me conecto desde {V} y sale error 403.
¡El acceso desde {V} no fui yo!
@url
Este es el enlace del correo: {V}
El enlace no abre: {V}
Subí las fotos aquí {V}
@confirm
He actualizado tus datos de contacto: {V}.
¡Gracias! A partir de ahora usaremos {V}.
Para confirmar: {V}, ¿correcto?
@check
Para confirmar: {V}, ¿correcto?
Compruebo {V} ahora mismo.
@confirm_name
Gracias {F}, he guardado {V}.
{F}, te contactaremos en 24 horas en {V}.
@bot_info
Tu pedido {ORDER} salió el {DATE}. Seguimiento: {TRACK}.
El reembolso de {PRICE} (factura {INVOICE}) llegará en 3 a 5 días hábiles.
He abierto la incidencia {TICKET}.
@third_m
Mi marido {F2} creó la cuenta.
Ayer hablé con su compañero {F2} {L2}.
Mi casero, el señor {L2}, necesita una copia.
@third_f
Mi mujer {F2} recogerá el paquete.
Su compañera {F2} me prometió una llamada.
Añadan a mi hija {F2} {L2} como segunda usuaria.
@third_plain
{F2} {L2} me dijo que estaría resuelto el viernes.
Les reenvío lo que me escribió {F2}.
@agent_intro
Hola, soy {A} del equipo de atención al cliente. Sigo yo.
Buenas, te atiende {A}.
@agent_greet
Hola {F}, ya he leído la conversación.
Gracias por la espera, {F}.
@thank_agent
¡Muchas gracias, {A}!
Genial, gracias {A}, ya está.
@handoff
Te paso con un agente.
Un momento, te transfiero a un compañero.
@namelike
Hola [[Equipo]], una consulta rápida.
¡Gracias [[Movistar]], por fin!
Saludos desde [[Sevilla]].
Vivo en [[Getafe]], ¿llegan hasta allí?
@filler
Gracias por la respuesta.
¿Alguna novedad?
Vale, espero.
@bot_filler
Déjame comprobarlo.
Un momento, por favor.
¿Puedo ayudarte en algo más?
@bye_bot
¡Un placer! Que tengas buen día.
@feedback
Muy buena atención, {A} fue muy amable. {F}
El bot no me entendió, tuve que llamar al {PHONE}.
Lento. Contáctenme en {EMAIL}.
@summary
Cliente {F} {L} consulta por el pedido {ORDER}; reembolso de {PRICE} aprobado.
Pide que le llamen al {PHONE} por la factura {INVOICE}.
@yesno
Sí, correcto|No, cambiar
@hon
Sra.|Sr.
@brand
Tiendas Sol|Nubecasa|Envíalo
"""

_PACKS_SRC["it"] = r"""
@intro
Buongiorno, mi chiamo {F} {L}.
Sono {F}, ho un problema con l'ordine.
Il mio nome è {F} {L}.
Vi scrive {F} {L}.
Ciao, qui è {F}.
Salve, sono {F} {L}, cliente da anni.
m|Sono il {F} del negozio di Bergamo.
@form
Nome e cognome: {F} {L}
Cognome: {L}\nNome: {F}
Intestatario: {L} {F}
@selfmention
Il pacco va intestato a {F} {L}, non alla ditta.
La fattura deve essere intestata a {L} {F}.
@signoff
\n\nCordiali saluti,\n{F} {L}
\nGrazie mille, {F}
\n\nSaluti\n{F}
\nUn saluto, {F} {L}
\n\nDistinti saluti\n{L} {F}
@sigblock
\n\n{F} {L}\nCell. {PHONE}
\n{F} {L} – tel. {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Ciao {F}! Come posso aiutarti?
m|Bentornato, {F}.
f|Bentornata, {F}.
Salve {F}, di cosa hai bisogno?
@greet_full
Buongiorno {F} {L}, grazie per aver contattato l'assistenza {BRAND}.
@greet_hon
Buongiorno {HON} {L}, come posso esserle utile?
Gentile {HON} {L}, grazie per il messaggio.
@greet_plain
Ciao! Sono l'assistente virtuale di {BRAND}. Come posso aiutarti?
Descrivi la tua richiesta in poche parole.
@ask_name
Mi dici il tuo nome, per favore?
Qual è il tuo nome e cognome?
@thanks_name
Grazie {F}, controllo subito.
Piacere, {F}!
Perfetto {F} {L}, un attimo per favore.
@req
Il mio ordine {ORDER} del {DATE} non è ancora arrivato.
Mi avete addebitato {PRICE} due volte, fattura {INVOICE}.
Il tracking {TRACK} è fermo dal {DATE}.
L'app (versione {VERSION}) si blocca al pagamento.
Vorrei restituire l'articolo {PRODUCT}, comprato il {DATE} a {PRICE}.
Il corriere doveva passare alle {TIME}.
Il telefono (IMEI {IMEI}) è bloccato.
Consegnate al CAP {POSTAL}?
Il codice sconto {VOUCHER} non funziona.
Pratica {REF}: confermate il rimborso di {PRICE}?
Ho pagato con la carta che finisce con {LAST4}.
In fattura c'è {COMPANY}, è giusto?
@email
La mia email è {V}
Scrivetemi a {V}, grazie.
Mandate la fattura a {V}, non al vecchio indirizzo.
Email:{V}
@phone
Il mio numero è {V}.
Potete richiamarmi al {V}?
{V} – rispondo dopo le 18.
Cell.:{V}
Il numero registrato è sbagliato, è {V}.
@card
Carta {V}, scadenza {EXPIRY}
Ho pagato con la carta {V}.
Rimborsate sulla carta {V}.
@iban
Fate il rimborso sul mio conto {V}.
IBAN: {V}
Le mie nuove coordinate bancarie: {V}
@ip
Il mio indirizzo IP è {V}, è bloccato?
Mi collego da {V} e ricevo errore 403.
L'accesso da {V} non ero io!
@url
Ecco il link della mail: {V}
Il link non si apre: {V}
Ho caricato le foto qui {V}
@confirm
Ho aggiornato i tuoi contatti: {V}.
Grazie! Da ora useremo {V}.
Per conferma: {V}, giusto?
@check
Per conferma: {V}, giusto?
Verifico subito {V}.
@confirm_name
Grazie {F}, ho salvato {V}.
{F}, ti ricontatteremo entro 24 ore a {V}.
@bot_info
Il tuo ordine {ORDER} è stato spedito il {DATE}. Tracking: {TRACK}.
Il rimborso di {PRICE} (fattura {INVOICE}) arriverà in 3-5 giorni lavorativi.
Ho aperto la segnalazione {TICKET}.
@third_m
Mio marito {F2} ha creato l'account.
Ieri ho parlato con il vostro collega {F2} {L2}.
Il mio avvocato, l'avv. {L2}, chiede una copia.
@third_f
Mia moglie {F2} ritirerà il pacco.
La vostra collega {F2} mi aveva promesso una chiamata.
Aggiungete mia figlia {F2} {L2} come seconda utente.
@third_plain
{F2} {L2} mi ha detto che sarebbe stato risolto venerdì.
Vi inoltro quello che mi ha scritto {F2}.
@agent_intro
Ciao, sono {A} dell'assistenza clienti, continuo io.
Buongiorno, mi chiamo {A} e la aiuto io.
@agent_greet
Ciao {F}, ho letto la conversazione.
Grazie per l'attesa, {F}.
@thank_agent
Grazie mille {A}!
Perfetto, grazie {A}, risolto.
@handoff
Ti metto in contatto con un operatore.
@namelike
Ciao [[Team]], una domanda veloce.
Grazie [[Fastweb]], finalmente!
Saluti da [[Torino]].
Abito a [[Monza]], consegnate lì?
@filler
Grazie per la risposta.
Novità?
Ok, aspetto.
@bot_filler
Controllo subito.
Un attimo, per favore.
Posso aiutarti in altro?
@bye_bot
Figurati! Buona giornata.
@feedback
Servizio ottimo, {A} gentilissimo. {F}
Il bot non capiva, ho dovuto chiamare il {PHONE}.
Lento. Contattatemi a {EMAIL}.
@summary
Il cliente {F} {L} chiede dell'ordine {ORDER}; rimborso di {PRICE} approvato.
Richiamare al {PHONE} per la fattura {INVOICE}.
@yesno
Sì, giusto|No, cambia
@hon
Sig.ra|Sig.
@brand
Casaluce|Spedito|Voltaluce
"""

_PACKS_SRC["pt"] = r"""
@intro
Olá, meu nome é {F} {L}.
Me chamo {F} e estou com um problema no pedido.
Chamo-me {F} {L}.
f|Oi! Aqui é a {F}.
m|Bom dia, aqui é o {F}, da loja do centro.
Quem fala é {F} {L}.
O meu nome é {F}, sou cliente desde 2019.
Sou {F} {L}.
@form
Nome completo: {F} {L}
Nome: {F} {L}
Titular: {F} {L}
@selfmention
A encomenda fica no nome de {F} {L}, não da empresa.
A nota fiscal sai em nome de {F} {L}.
@signoff
\n\nAtenciosamente,\n{F} {L}
\nAbraços, {F}
f|\n\nObrigada!\n{F}
m|\n\nObrigado!\n{F}
\n\nCumprimentos,\n{F} {L}
\nAtt, {F}
@sigblock
\n\n{F} {L}\nCel.: {PHONE}
\n{F} {L} | WhatsApp {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Olá {F}! Como posso ajudar?
Oi {F} 👋 Que bom te ver de novo.
m|Bem-vindo de volta, {F}.
f|Bem-vinda de volta, {F}.
@greet_full
Olá {F} {L}, obrigado por contactar a {BRAND}.
@greet_hon
Bom dia, {HON} {L}. Em que posso ajudar?
f|Prezada {HON} {L}, obrigado pela mensagem.
m|Prezado {HON} {L}, obrigado pela mensagem.
@greet_plain
Olá! Sou a assistente virtual da {BRAND}. Como posso ajudar?
Conte-nos em poucas palavras o que aconteceu.
@ask_name
Qual é o seu nome, por favor?
Pode me dizer seu nome completo?
@thanks_name
Obrigado, {F}. Vou verificar.
Prazer, {F}!
Certo, {F} {L}. Um momento, por favor.
@req
Meu pedido {ORDER} de {DATE} ainda não chegou.
Cobraram {PRICE} duas vezes na fatura {INVOICE}.
O código de rastreio {TRACK} não atualiza desde {DATE}.
O app (versão {VERSION}) fecha na hora de pagar.
Quero devolver o produto {PRODUCT}, comprado em {DATE} por {PRICE}.
O entregador ficou de vir às {TIME}.
Meu celular (IMEI {IMEI}) ficou bloqueado.
Vocês entregam no CEP {POSTAL}?
O cupom {VOUCHER} não funciona.
Protocolo {REF}: confirmem o reembolso de {PRICE}.
Paguei com o cartão final {LAST4}.
Na nota aparece {COMPANY}, está certo?
@email
Meu e-mail é {V}
Podem me escrever em {V}.
Mandem a nota para {V}, não para o endereço antigo.
E-mail:{V}
@phone
Meu número é {V}.
Podem me ligar no {V}?
{V} – pode chamar no WhatsApp.
Tel.:{V}
O número cadastrado está errado, o certo é {V}.
@card
Cartão {V}, validade {EXPIRY}
Paguei com o cartão {V}.
Estornem no cartão {V}.
@iban
Façam o reembolso na minha conta {V}.
IBAN: {V}
Os meus novos dados bancários: {V}
@ip
Meu IP é {V}, está bloqueado?
Estou conectando de {V} e dá erro 403.
O acesso de {V} não fui eu!
@url
Esse é o link do e-mail: {V}
O link não abre: {V}
Subi as fotos aqui {V}
@confirm
Atualizei seus dados de contato: {V}.
Obrigado! A partir de agora usaremos {V}.
Só para confirmar: {V}, certo?
@check
Só para confirmar: {V}, certo?
Vou verificar {V} agora.
@confirm_name
Obrigado {F}, salvei {V}.
{F}, entraremos em contato em até 24 horas em {V}.
@bot_info
Seu pedido {ORDER} foi enviado em {DATE}. Rastreio: {TRACK}.
O reembolso de {PRICE} (fatura {INVOICE}) cai em 3 a 5 dias úteis.
Abri o chamado {TICKET} para você.
@third_m
Meu marido {F2} criou a conta.
Falei ontem com o seu colega {F2} {L2}.
@third_f
Minha esposa {F2} vai buscar a encomenda.
A atendente {F2} prometeu me ligar.
Incluam minha filha {F2} {L2} como segunda usuária.
@third_plain
{F2} {L2} disse que estaria resolvido na sexta.
Estou encaminhando o que {F2} me escreveu.
@agent_intro
Olá, aqui é {A} do atendimento, vou continuar com você.
Bom dia, meu nome é {A} e vou te ajudar.
@agent_greet
Oi {F}, já li a conversa.
Obrigado pela paciência, {F}.
@thank_agent
Valeu, {A}!
Perfeito, obrigado {A}, resolvido.
@handoff
Vou te transferir para um atendente.
@namelike
Olá [[Equipe]], uma dúvida rápida.
Obrigado [[Vivo]], finalmente!
Abraços de [[Curitiba]].
Moro em [[Niterói]], vocês entregam aí?
@filler
Obrigado pela resposta.
Alguma novidade?
Ok, aguardo.
@bot_filler
Vou verificar.
Um momento, por favor.
Posso ajudar em algo mais?
@bye_bot
Por nada! Tenha um ótimo dia.
@feedback
Ótimo atendimento, nota 10 para {A}. {F}
O bot não entendeu, tive que ligar no {PHONE}.
Demorado. Me chamem em {EMAIL}.
@summary
Cliente {F} {L} pergunta pelo pedido {ORDER}; reembolso de {PRICE} aprovado.
Pediu retorno no {PHONE} sobre a fatura {INVOICE}.
@yesno
Sim, certo|Não, alterar
@hon
Sra.|Sr.
@brand
Casa Verde|Entregaí|Lojinha Azul
"""

_PACKS_SRC["tr"] = r"""
@intro
Merhaba, ben {F} {L}.
Adım {F}, siparişimle ilgili bir sorun var.
İsmim {F} {L}.
Benim adım {F}.
Selam, {F} ben.
İyi günler, {F} {L} yazıyorum.
Ben {F}, dün de yazmıştım.
@form
Ad Soyad: {F} {L}
Adı: {F}\nSoyadı: {L}
Hesap sahibi: {F} {L}
@selfmention
Kargo {F} {L} adına gelsin, şirket adına değil.
Fatura {F} {L} adına kesilsin.
@signoff
\n\nSaygılarımla,\n{F} {L}
\nİyi çalışmalar, {F}
\n\nTeşekkürler\n{F} {L}
\nKolay gelsin, {F}
\n\nSaygılar,\n{F}
@sigblock
\n\n{F} {L}\nCep: {PHONE}
\n{F} {L} | Tel: {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Merhaba {F}! Size nasıl yardımcı olabilirim?
Tekrar hoş geldin, {F}.
Selam {F} 👋 Bugün ne yapabilirim?
@greet_full
Merhaba {F} {L}, {BRAND} müşteri hizmetlerine hoş geldiniz.
@greet_hon
İyi günler {F} {HON}, nasıl yardımcı olabilirim?
Sayın {L}, mesajınız için teşekkür ederiz.
Sayın {F} {L}, talebiniz alındı.
@greet_plain
Merhaba! Ben {BRAND} dijital asistanıyım. Nasıl yardımcı olabilirim?
Hoş geldiniz. Lütfen sorununuzu kısaca yazın.
@ask_name
Adınızı öğrenebilir miyim?
Adınız ve soyadınız nedir?
@thanks_name
Teşekkürler {F}, hemen bakıyorum.
Memnun oldum, {F}!
Tamam {F} {L}, bir dakika lütfen.
@req
{DATE} tarihli {ORDER} numaralı siparişim hâlâ gelmedi.
{INVOICE} numaralı faturadan iki kez {PRICE} çekildi.
Kargo takip no {TRACK}, {DATE} tarihinden beri hareket yok.
Uygulama (sürüm {VERSION}) ödeme ekranında kapanıyor.
{PRODUCT} kodlu ürünü iade etmek istiyorum, {DATE} tarihinde {PRICE} ödedim.
Kurye saat {TIME}'da gelecekti, gelmedi.
Telefonum (IMEI {IMEI}) güncellemeden sonra kilitlendi.
{POSTAL} posta koduna teslimat var mı?
İndirim kodu {VOUCHER} çalışmıyor.
Başvuru no {REF}: {PRICE} iadeyi onaylar mısınız?
Sonu {LAST4} ile biten kartla ödedim.
Faturada {COMPANY} yazıyor, doğru mu?
@email
E-posta adresim: {V}
Bana {V} adresinden ulaşabilirsiniz.
Faturayı {V} adresine gönderin lütfen.
Mail:{V}
@phone
Telefon numaram {V}
Beni {V} numarasından arayabilir misiniz?
{V} – WhatsApp'tan da yazabilirsiniz.
Tel:{V}
Kayıtlı numara yanlış, doğrusu {V}.
@card
Kart numarası {V}, son kullanma {EXPIRY}
{V} numaralı kartla ödedim.
İadeyi {V} kartına yapın.
@iban
İadeyi {V} hesabıma yapın lütfen.
IBAN: {V}
Yeni banka bilgilerim: {V}
@ip
IP adresim {V}, engellenmiş olabilir mi?
{V} adresinden bağlanıyorum, 403 hatası alıyorum.
{V} adresinden yapılan giriş ben değilim!
@url
Mailde gelen link bu: {V}
Bu link açılmıyor: {V}
Fotoğrafları buraya yükledim {V}
@confirm
İletişim bilgilerinizi {V} olarak güncelledim.
Teşekkürler! Bundan sonra {V} kullanılacak.
Teyit için: {V}, doğru mu?
@check
Teyit için: {V}, doğru mu?
{V} bilgisini kontrol ediyorum.
@confirm_name
Teşekkürler {F}, {V} kaydedildi.
{F}, 24 saat içinde {V} üzerinden size dönüş yapacağız.
@bot_info
{ORDER} numaralı siparişiniz {DATE} tarihinde kargoya verildi. Takip: {TRACK}.
{INVOICE} faturasına ait {PRICE} iadeniz 3-5 iş günü içinde hesabınızda.
Sizin için {TICKET} numaralı kayıt açtım.
@third_m
Hesabı eşim {F2} açtı.
Dün temsilciniz {F2} {L2} ile görüştüm.
Ev sahibim {F2} Bey bir kopya istiyor.
@third_f
Kargoyu annem {F2} teslim alacak.
Temsilciniz {F2} Hanım beni arayacaktı.
Kızım {F2} {L2}'i ikinci kullanıcı olarak ekleyin.
@third_plain
{F2} {L2} cuma gününe kadar çözüleceğini söyledi.
{F2}'nin bana yazdığını iletiyorum.
@agent_intro
Merhaba, ben müşteri temsilcisi {A}, bundan sonra ben yardımcı olacağım.
İyi günler, adım {A}, size yardımcı olacağım.
@agent_greet
Merhaba {F}, yazışmayı okudum.
Beklediğiniz için teşekkürler {F}.
@thank_agent
Çok teşekkürler {A}!
Harika, sağ olun {A}, sorun çözüldü.
@handoff
Sizi bir müşteri temsilcisine aktarıyorum.
@namelike
Merhaba [[Ekip]], kısa bir sorum var.
Teşekkürler [[Turkcell]], nihayet!
[[Eskişehir]]'den yazıyorum.
[[Kadıköy]] şubesine gittim, kapalıydı.
@filler
Hızlı cevap için teşekkürler.
Bir gelişme var mı?
Tamam, bekliyorum.
@bot_filler
Hemen kontrol ediyorum.
Bir dakika lütfen.
Başka bir konuda yardımcı olabilir miyim?
@bye_bot
Rica ederim. İyi günler dilerim!
@feedback
Çok iyi hizmet, {A} çok sabırlıydı. {F}
Bot anlamadı, {PHONE} numarasını kendim aradım.
Yavaş. {EMAIL} adresinden bana dönün.
@summary
Müşteri {F} {L}, {ORDER} numaralı sipariş için yazdı; {PRICE} iade onaylandı.
{PHONE} numarasından geri arama istedi, fatura {INVOICE}.
@yesno
Evet, doğru|Hayır, değiştir
@hon
Hanım|Bey
@brand
Kargopark|Kasa|Çarşıda
"""

_PACKS_SRC["nl"] = r"""
@intro
Hallo, ik ben {F} {L}.
Mijn naam is {F} {L}.
Met {F} {L}.
Ik heet {F} en ik heb een vraag over mijn bestelling.
Hoi, {F} hier!
Je spreekt met {F}.
Goedemiddag, u spreekt met {F} {L}.
@form
Naam: {F} {L}
Voor- en achternaam: {F} {L}
Rekeninghouder: {F} {L}
@selfmention
Het pakket graag op naam van {F} {L}, niet van het bedrijf.
De factuur moet op naam van {F} {L} staan.
@signoff
\n\nMet vriendelijke groet,\n{F} {L}
\nGroetjes, {F}
\n\nMvg\n{F} {L}
\nGroet, {F}
\n\nAlvast bedankt!\n{F}
@sigblock
\n\n{F} {L}\nMobiel: {PHONE}
\n{F} {L} | T {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Hoi {F}! Waarmee kan ik je helpen?
Welkom terug, {F}.
Hallo {F} 👋 Wat kan ik voor je doen?
@greet_full
Goedendag {F} {L}, welkom bij de klantenservice van {BRAND}.
@greet_hon
Goedemiddag {HON} {L}, waarmee kan ik u helpen?
Beste {HON} {L}, bedankt voor uw bericht.
@greet_plain
Hallo! Ik ben de digitale assistent van {BRAND}. Waarmee kan ik helpen?
Welkom. Beschrijf je vraag in een paar woorden.
@ask_name
Mag ik uw naam?
Wat is je volledige naam?
@thanks_name
Dank je, {F}. Ik kijk het na.
Leuk je te spreken, {F}!
Prima, {F} {L}. Een moment alstublieft.
@req
Mijn bestelling {ORDER} van {DATE} is nog steeds niet binnen.
Er is twee keer {PRICE} afgeschreven voor factuur {INVOICE}.
Track & trace {TRACK} staat sinds {DATE} stil.
De app (versie {VERSION}) crasht bij het afrekenen.
Ik wil artikel {PRODUCT} retourneren, gekocht op {DATE} voor {PRICE}.
De monteur zou om {TIME} komen.
Mijn telefoon (IMEI {IMEI}) is geblokkeerd.
Bezorgen jullie op postcode {POSTAL}?
De kortingscode {VOUCHER} werkt niet.
Dossier {REF}: graag bevestiging van de terugbetaling van {PRICE}.
Ik heb betaald met de kaart eindigend op {LAST4}.
Op de factuur staat {COMPANY}, klopt dat?
@email
Mijn e-mailadres is {V}
Mail me op {V}
Stuur de factuur naar {V}, niet naar het oude adres.
E-mail:{V}
@phone
Mijn nummer is {V}.
Kunnen jullie me terugbellen op {V}?
{V} – na 17 uur bereikbaar.
Tel.:{V}
Het nummer in het systeem klopt niet, het is {V}.
@card
Kaartnummer {V}, geldig tot {EXPIRY}
Ik heb betaald met kaart {V}.
Graag terugstorten op kaart {V}.
@iban
Graag terugstorten op mijn rekening {V}.
IBAN: {V}
Mijn nieuwe rekeningnummer: {V}
@ip
Mijn IP-adres is {V}, is dat geblokkeerd?
Ik verbind vanaf {V} en krijg fout 403.
De login vanaf {V} was ik niet!
@url
Dit is de link uit de mail: {V}
Deze link werkt niet: {V}
De foto's staan hier {V}
@confirm
Ik heb je contactgegevens bijgewerkt naar {V}.
Bedankt! We gebruiken voortaan {V}.
Ter bevestiging: {V}, klopt dat?
@check
Ter bevestiging: {V}, klopt dat?
Ik controleer {V} even.
@confirm_name
Dank je {F}, {V} is opgeslagen.
{F}, we nemen binnen 24 uur contact op via {V}.
@bot_info
Je bestelling {ORDER} is op {DATE} verzonden. Track & trace: {TRACK}.
De terugbetaling van {PRICE} (factuur {INVOICE}) staat binnen 3-5 werkdagen op je rekening.
Ik heb ticket {TICKET} voor je aangemaakt.
@third_m
Mijn man {F2} heeft het account aangemaakt.
Ik heb gisteren met je collega {F2} {L2} gebeld.
@third_f
Mijn vrouw {F2} haalt het pakket op.
Jullie medewerker {F2} zou terugbellen.
Voeg mijn dochter {F2} {L2} toe als tweede gebruiker.
@third_plain
{F2} {L2} zei dat het vrijdag opgelost zou zijn.
Ik stuur door wat {F2} me schreef.
@agent_intro
Hoi, met {A} van de klantenservice, ik neem het over.
Goedemiddag, mijn naam is {A} en ik help je verder.
@agent_greet
Hallo {F}, ik heb het gesprek teruggelezen.
Bedankt voor je geduld, {F}.
@thank_agent
Heel erg bedankt {A}!
Top, dank je {A}, het werkt.
@handoff
Ik verbind je door met een medewerker.
@namelike
Hoi [[Team]], korte vraag.
Bedankt [[Ziggo]], eindelijk!
Groeten uit [[Utrecht]].
Ik woon in [[Zwolle]], leveren jullie daar?
@filler
Bedankt voor het snelle antwoord.
Nog nieuws?
Oké, ik wacht.
@bot_filler
Ik kijk even voor je.
Een moment alstublieft.
Kan ik je nog ergens anders mee helpen?
@bye_bot
Graag gedaan. Fijne dag!
@feedback
Top service, {A} was erg geduldig. {F}
De bot snapte me niet, moest zelf {PHONE} bellen.
Traag. Neem contact op via {EMAIL}.
@summary
Klant {F} {L} vraagt naar bestelling {ORDER}; terugbetaling van {PRICE} goedgekeurd.
Terugbelverzoek op {PHONE} over factuur {INVOICE}.
@yesno
Ja, klopt|Nee, wijzigen
@hon
mevrouw|meneer
@brand
Zorgpunt|Fietsdirect|Bezorgbaas
"""

_PACKS_SRC["pl"] = r"""
@intro
Dzień dobry, nazywam się {F} {L}.
Mam na imię {F} i mam problem z zamówieniem.
Jestem {F}.
Z tej strony {F} {L}.
Cześć, tu {F}!
{F} {L}, piszę w sprawie faktury.
Witam, {F} {L} z tej strony.
@form
Imię i nazwisko: {F} {L}
Nazwisko: {L}\nImię: {F}
Właściciel rachunku: {F} {L}
@selfmention
Paczka ma być na {F} {L}, nie na firmę.
Fakturę proszę wystawić na: {F} {L}.
@signoff
\n\nPozdrawiam,\n{F} {L}
\n\nZ poważaniem\n{F} {L}
\nDzięki, {F}
\n\nPozdrawiam serdecznie\n{F}
\nPozdr. {F}
@sigblock
\n\n{F} {L}\ntel. kom. {PHONE}
\n{F} {L} | tel. {PHONE}
\n\n{F} {L}\n{PHONE}\n{EMAIL}
@greet
Cześć {F}! W czym mogę pomóc?
Witaj ponownie, {F}.
Hej {F} 👋 Co mogę dla Ciebie zrobić?
@greet_full
Dzień dobry, {F} {L}. Witamy w obsłudze klienta {BRAND}.
@greet_hon
Dzień dobry, {HON} {L}. W czym mogę pomóc?
@greet_voc
f|Dzień dobry, Pani {FV}! W czym mogę pomóc?
f|Pani {FV}, dziękujemy za wiadomość.
@greet_plain
Dzień dobry! Jestem wirtualnym asystentem {BRAND}. W czym mogę pomóc?
Opisz proszę krótko swój problem.
@ask_name
Jak mogę się do Ciebie zwracać?
Podaj proszę imię i nazwisko.
@thanks_name
Dziękuję, {F}. Już sprawdzam.
Miło mi, {F}!
Dobrze, {F} {L}. Chwileczkę.
@req
Moje zamówienie {ORDER} z {DATE} wciąż nie dotarło.
Pobrano mi dwa razy {PRICE} za fakturę {INVOICE}.
Numer przesyłki {TRACK} nie zmienia statusu od {DATE}.
Aplikacja (wersja {VERSION}) zamyka się przy płatności.
Chcę zwrócić produkt {PRODUCT}, kupiony {DATE} za {PRICE}.
Kurier miał być o {TIME}.
Telefon (IMEI {IMEI}) zablokował się po aktualizacji.
Czy dostarczacie na kod pocztowy {POSTAL}?
Kod rabatowy {VOUCHER} nie działa.
Sprawa {REF}: proszę potwierdzić zwrot {PRICE}.
m|Płaciłem kartą kończącą się na {LAST4}.
f|Płaciłam kartą kończącą się na {LAST4}.
Na fakturze jest {COMPANY}, czy to się zgadza?
@email
Mój e-mail to {V}
Proszę pisać na {V}
Fakturę proszę wysłać na {V}, nie na stary adres.
E-mail:{V}
@phone
Mój numer to {V}.
Proszę oddzwonić na {V}.
{V} – proszę dzwonić po 17.
Tel.:{V}
Numer w systemie jest błędny, prawidłowy to {V}.
@card
Karta {V}, ważna do {EXPIRY}
m|Płaciłem kartą {V}.
f|Płaciłam kartą {V}.
Proszę zwrócić na kartę {V}.
@iban
Proszę o zwrot na konto {V}.
IBAN: {V}
Nowy numer konta: {V}
@ip
Mój adres IP to {V}, czy jest zablokowany?
Łączę się z {V} i dostaję błąd 403.
Logowanie z {V} to nie ja!
@url
To link z maila: {V}
Link nie działa: {V}
Zdjęcia są tutaj {V}
@confirm
Dane kontaktowe zaktualizowane: {V}.
Dziękuję! Od teraz używamy {V}.
Dla potwierdzenia: {V}, zgadza się?
@check
Dla potwierdzenia: {V}, zgadza się?
Sprawdzam {V}.
@confirm_name
Dziękuję {F}, zapisano: {V}.
{F}, skontaktujemy się w ciągu 24 godzin: {V}.
@bot_info
Zamówienie {ORDER} wysłano {DATE}. Numer przesyłki: {TRACK}.
Zwrot {PRICE} (faktura {INVOICE}) dotrze w ciągu 3–5 dni roboczych.
Utworzono zgłoszenie {TICKET}.
@third_m
Konto założył mój mąż {F2}.
Mój szef, {F2} {L2}, prosi o kopię.
@third_f
Paczkę odbierze moja żona {F2}.
Konsultantka {F2} obiecała oddzwonić.
Proszę dodać drugiego użytkownika: {F2} {L2} (córka).
@third_infl
m|Rozmawiałem wczoraj z {F2I} {L2I} z Waszego biura.
f|Rozmawiałam wczoraj z {F2I} {L2I} z Waszego biura.
Proszę o kontakt z {F2I}, on wszystko wie.
@third_plain
{F2} {L2} twierdzi, że do piątku będzie naprawione.
Przesyłam wiadomość od: {F2} {L2}.
@agent_intro
Dzień dobry, tu {A} z obsługi klienta, przejmuję rozmowę.
Cześć, mam na imię {A} i dalej pomogę ja.
@agent_greet
Dzień dobry, {F}, widzę historię rozmowy.
Dziękuję za cierpliwość, {F}.
@thank_agent
Bardzo dziękuję, {A}!
Super, dzięki {A}, działa.
@handoff
Przełączam do konsultanta.
@namelike
Dzień dobry [[Zespole]], mam pytanie.
Dziękuję [[Allegro]], w końcu!
Pozdrawiam z [[Gdańska]].
m|Jestem [[Polakiem]] mieszkającym w [[Niemczech]].
@filler
Dzięki za szybką odpowiedź.
Jest coś nowego?
Ok, czekam.
@bot_filler
Już sprawdzam.
Chwileczkę.
Czy mogę pomóc w czymś jeszcze?
@bye_bot
Proszę bardzo. Miłego dnia!
@feedback
Świetna obsługa, dziękuję {A}! {F}
Bot nie rozumiał pytania, w końcu telefon na {PHONE}.
Wolno. Proszę o kontakt: {EMAIL}.
@summary
Klient {F} {L} pyta o zamówienie {ORDER}; zwrot {PRICE} zatwierdzony.
Prośba o kontakt pod numerem {PHONE} w sprawie faktury {INVOICE}.
@yesno
Tak, zgadza się|Nie, zmień
@hon
Pani|Panie
@brand
Mojebiuro|Szybka Paczka|Kasownik
"""

_MULTI = ("yesno", "hon", "brand")


@dataclass(frozen=True)
class Pack:
    lines: dict[str, tuple[tuple[str, str], ...]]  # key -> (gender or "", template)
    multi: dict[str, tuple[str, ...]]

    def pick(
        self,
        rng: random.Random,
        key: str,
        gender: str = "",
        usable: Callable[[str], bool] | None = None,
    ) -> str:
        options = [t for g, t in self.lines[key] if not g or not gender or g == gender]
        return rng.choice([t for t in options if usable is None or usable(t)] or options)


def _parse_pack(src: str) -> Pack:
    lines: dict[str, list[tuple[str, str]]] = {}
    multi: dict[str, tuple[str, ...]] = {}
    key = ""
    for raw in src.splitlines():
        if not raw.strip():
            continue
        if raw.startswith("@"):
            key = raw[1:].strip()
            continue
        text = raw.replace("\\n", "\n")
        if key in _MULTI:
            multi[key] = tuple(text.split("|"))
            continue
        gender = ""
        if text[:2] in ("f|", "m|"):
            gender, text = text[0], text[2:]
        lines.setdefault(key, []).append((gender, text))
    return Pack({k: tuple(v) for k, v in lines.items()}, multi)


PACKS = {lang: _parse_pack(src) for lang, src in _PACKS_SRC.items()}


# --- decoys -----------------------------------------------------------------------------------

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
}


def _d(value: str, cls: str) -> P:
    return P("decoy", value, f"decoy/{cls}")


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _date(rng: random.Random, lang: str) -> str:
    y, m, d = rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28)
    month = _MONTHS[lang].split()[m - 1]
    forms = {
        "en": [
            f"{d} {month} {y}",
            f"{month} {d}, {y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}/{m:02d}/{y % 100:02d}",
        ],
        "de": [
            f"{d:02d}.{m:02d}.{y}",
            f"{d}. {month} {y}",
            f"{d}.{m}.{y % 100:02d}",
            f"{y}-{m:02d}-{d:02d}",
        ],
        "fr": [f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}"],
        "es": [f"{d:02d}/{m:02d}/{y}", f"{d} de {month} de {y}", f"{d}-{m}-{y}"],
        "it": [f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}"],
        "pt": [f"{d:02d}/{m:02d}/{y}", f"{d} de {month} de {y}"],
        "tr": [f"{d:02d}.{m:02d}.{y}", f"{d} {month} {y}"],
        "nl": [f"{d:02d}-{m:02d}-{y}", f"{d} {month} {y}"],
        "pl": [f"{d:02d}.{m:02d}.{y}", f"{d} {month} {y}", f"{y}-{m:02d}-{d:02d}"],
    }
    return rng.choice(forms[lang])


def _price(rng: random.Random, lang: str) -> str:
    whole, cents = rng.choice([rng.randint(5, 99), rng.randint(100, 2999)]), rng.randint(0, 99)
    eu = f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    us = f"{whole:,}.{cents:02d}"
    forms = {
        "en": [f"£{us}", f"${us}", f"€{whole}", f"USD {us}"],
        "de": [f"{eu} €", f"{eu} EUR", f"CHF {whole}.{cents:02d}"],
        "fr": [f"{eu.replace('.', ' ')} €", f"{whole},{cents:02d} €"],
        "es": [f"{eu} €", f"{eu}€"],
        "it": [f"€ {eu}", f"{eu} euro"],
        "pt": [f"R$ {eu}", f"{eu} €"],
        "tr": [f"{eu} TL", f"₺{whole:,}".replace(",", ".")],
        "nl": [f"€ {eu}", f"€{whole},-"],
        "pl": [f"{eu.replace('.', ' ')} zł", f"{eu} PLN"],
    }
    return rng.choice(forms[lang])


def _postal(rng: random.Random, lang: str) -> str:
    L = string.ascii_uppercase
    outward = rng.choice(["SW1A", "EH1", "M4", "LS6", "BS8"])
    forms = {
        "en": [
            f"{outward} {rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}",
            f"{rng.randint(10001, 99950)}",
            f"{rng.randint(10001, 99950)}-{rng.randint(1000, 9999)}",
        ],
        "de": [f"{rng.randint(1067, 99998):05d}"],
        "fr": [f"{rng.randint(1000, 95999):05d}"],
        "es": [f"{rng.randint(1001, 52080):05d}"],
        "it": [f"{rng.randint(10, 98168):05d}"],
        "pt": [
            f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}",
            f"{rng.randint(10000, 99999)}-{rng.randint(0, 999):03d}",
        ],
        "tr": [f"{rng.randint(1000, 81999):05d}"],
        "nl": [f"{rng.randint(1011, 9999)} {rng.choice(L)}{rng.choice(L)}"],
        "pl": [f"{rng.randint(0, 99):02d}-{rng.randint(0, 999):03d}"],
    }
    return rng.choice(forms[lang])


def _imei(rng: random.Random) -> str:
    n = _luhn_complete(rng, rng.choice(["35", "86", "01", "49"]), 15)
    return rng.choice(
        [n, f"{n[:2]} {n[2:8]} {n[8:14]} {n[14]}", f"{n[:2]}-{n[2:8]}-{n[8:14]}-{n[14]}"]
    )


def _ean(rng: random.Random) -> str:
    body = rng.choice(["400", "590", "869", "871", "800", "560", "789", "843"]) + _digits(rng, 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _not_luhn(rng: random.Random, prefix: str, length: int) -> str:
    n = _luhn_complete(rng, prefix, length)
    return n[:-1] + str((int(n[-1]) + rng.randint(1, 9)) % 10)


def decoy(rng: random.Random, slot: str, lang: str) -> Slot:
    """A decoy for a template slot: the value is planted with kind "decoy"."""
    L, D = string.ascii_uppercase, string.digits
    if slot == "ORDER":
        v = rng.choice(
            [
                _digits(rng, 10),
                f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
                f"A-{_digits(rng, 5)}",
                f"ORD-{rng.randint(2023, 2026)}-{rng.randint(0, 999999):06d}",
                f"SO{_digits(rng, 9)}",
                f"#{_digits(rng, 6)}",
                f"W{_digits(rng, 10)}",
            ]
        )
        return _d(v, "order")
    if slot == "TRACK":
        v = rng.choice(
            [
                "1Z" + "".join(rng.choice(L + D) for _ in range(6)) + "03" + _digits(rng, 8),
                "JJD" + "".join(rng.choice(D) for _ in range(18)),
                "00340434" + "".join(rng.choice(D) for _ in range(12)),
                " ".join(
                    [
                        "9400",
                        *(("".join(rng.choice(D) for _ in range(4))) for _ in range(4)),
                        "".join(rng.choice(D) for _ in range(2)),
                    ]
                ),
                rng.choice(L)
                + rng.choice(L)
                + _digits(rng, 9)
                + rng.choice(["GB", "DE", "TR", "PL"]),
                "3S" + "".join(rng.choice(L) for _ in range(4)) + _digits(rng, 7),
                "".join(rng.choice(D) for _ in range(24)),
                _digits(rng, 14),
            ]
        )
        return _d(v, "tracking")
    if slot == "INVOICE":
        y = rng.randint(2023, 2026)
        v = rng.choice(
            [
                f"INV-{y}-{rng.randint(1, 99999):05d}",
                f"RE-{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(1, 999)}",
                f"FV/{y}/{rng.randint(1, 12):02d}/{rng.randint(1, 9999):04d}",
                f"F{y}-{rng.randint(1, 9999):04d}",
                f"{y}/{rng.randint(1, 999)}",
                f"GIB{y}{_digits(rng, 9)}",
            ]
        )
        return _d(v, "invoice")
    if slot == "PRICE":
        return _d(_price(rng, lang), "price")
    if slot in ("DATE",):
        return _d(_date(rng, lang), "date")
    if slot == "EXPIRY":
        m, y = rng.randint(1, 12), rng.randint(2025, 2031)
        return _d(rng.choice([f"{m:02d}/{y % 100:02d}", f"{m:02d}/{y}", f"{y}-{m:02d}"]), "expiry")
    if slot == "TIME":
        h, mi = rng.randint(7, 21), rng.choice([0, 15, 30, 45, 5, 50])
        return _d(rng.choice([f"{h}:{mi:02d}", f"{h:02d}:{mi:02d}", f"{h}.{mi:02d}"]), "time")
    if slot == "VERSION":
        v = rng.choice(
            [
                f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}",
                f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
                f"{rng.randint(100, 130)}.0.{rng.randint(6000, 6999)}.{rng.randint(10, 200)}",
                f"{rng.randint(14, 18)}.{rng.randint(0, 7)}.{rng.randint(1, 3)}",
                f"{rng.randint(3, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
                f" (build {_digits(rng, 4)})",
            ]
        )
        return _d(v, "version")
    if slot == "VERSION4":
        v = f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 60)}.{rng.randint(0, 99)}"
        return _d(v, "version-ip-shaped")
    if slot == "IMEI":
        return _d(_imei(rng), "imei")
    if slot == "POSTAL":
        return _d(_postal(rng, lang), "postal")
    if slot == "COORD":
        a, b = rng.uniform(-40, 60), rng.uniform(-80, 40)
        v = rng.choice(
            [
                f"{a:.4f}, {b:.4f}",
                f"{a:.5f},{b:.5f}",
                f"{abs(a):.4f}° {'N' if a >= 0 else 'S'}, {abs(b):.4f}° {'E' if b >= 0 else 'W'}",
            ]
        )
        return _d(v, "coordinates")
    if slot == "PRODUCT":
        if rng.random() < 0.3:
            return ("EAN ", _d(_ean(rng), "ean"))
        v = rng.choice(
            [
                f"{_digits(rng, 5)}-{rng.choice(['BLK', 'WHT', 'NVY'])}-{rng.randint(36, 46)}",
                f"{_digits(rng, 4)}.{_digits(rng, 4)}",
                f"SM-{rng.choice('SAFGN')}{_digits(rng, 3)}{rng.choice(L)}",
                f"M{rng.choice(L)}{_digits(rng, 1)}{rng.choice(L)}{_digits(rng, 1)}ZD/A",
                "B0" + "".join(rng.choice(L + D) for _ in range(8)),
            ]
        )
        return _d(v, "product-code")
    if slot == "REF":
        v = rng.choice(
            [
                f"{rng.randint(2023, 2026)}/{rng.choice(L)}{rng.choice(L)}/{rng.randint(1, 999)}",
                f"{rng.randint(1, 9)} C {rng.randint(1, 999)}/{rng.randint(23, 26)}",
                f"{rng.randint(0, 99_999_999):08d}",
                f"{_digits(rng, 4)}-{_digits(rng, 4)}-{rng.randint(2023, 2026)}",
                f"REF-{_digits(rng, 2)}-{_digits(rng, 2)}-{_digits(rng, 4)}",
            ]
        )
        return _d(v, "reference")
    if slot == "TICKET":
        v = rng.choice(
            [
                f"#INC{rng.randint(0, 9_999_999):07d}",
                _digits(rng, 6),
                f"SR-1-{_digits(rng, 8)}",
                f"CS-{rng.randint(2023, 2026)}-{_digits(rng, 6)}",
            ]
        )
        return _d(v, "ticket")
    if slot == "COMPANY":
        label, v = rng.choice(
            [
                ("USt-IdNr. ", f"DE{_digits(rng, 9)}"),
                (
                    "NIP ",
                    f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 2)}",
                ),
                ("KvK ", _digits(rng, 8)),
                ("SIREN ", f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}"),
                ("P.IVA ", "0" + "".join(rng.choice(D) for _ in range(10))),
                ("CIF ", f"B{_digits(rng, 8)}"),
                ("VKN ", _digits(rng, 10)),
                (
                    "CNPJ ",
                    f"{_digits(rng, 2)}.{_digits(rng, 3)}.{_digits(rng, 3)}/0001-{_digits(rng, 2)}",
                ),
                ("VAT ", f"GB{_digits(rng, 9)}"),
            ]
        )
        return (label, _d(v, "company-id"))
    if slot == "VOUCHER":
        gift = _not_luhn(rng, "60", 16)  # a gift card's number, not a payment card's
        v = rng.choice(
            [
                "-".join("".join(rng.choice(L + D) for _ in range(4)) for _ in range(4)),
                rng.choice(["SPRING", "WELCOME", "SOMMER", "YAZ", "LATO", "ZOMER"])
                + str(rng.choice([10, 15, 20, 25])),
                " ".join(gift[i : i + 4] for i in range(0, 16, 4)),
            ]
        )
        return _d(v, "voucher")
    if slot == "LAST4":
        return _d(
            rng.choice([_digits(rng, 4), f"**** {_digits(rng, 4)}", f"•••• {_digits(rng, 4)}"]),
            "card-last4",
        )
    if slot == "QTY":
        v = rng.choice(
            [
                f"{rng.randint(2, 12)} × {rng.choice([250, 500, 750])} ml",
                f"{rng.randint(3, 40)} pcs",
                f"{rng.randint(2, 9)} x 1,5 l",
            ]
        )
        return _d(v, "quantity")
    if slot == "PLAINURL":
        host = rng.choice(_HOSTS)
        v = rng.choice(
            [
                f"https://{host}/help/returns",
                f"https://{host}/p/{_digits(rng, 5)}?utm_source=newsletter&utm_medium=email"
                "&utm_campaign=spring",
                f"https://{host}/orders/{_digits(rng, 8)}/status",
                f"https://www.{host.split('.', 1)[1]}/",
            ]
        )
        return _d(v, "url-plain")
    if slot == "UUID":
        hx = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        return _d(f"{hx[:8]}-{hx[8:12]}-4{hx[13:16]}-a{hx[17:20]}-{hx[20:]}", "uuid")
    if slot == "HASH":
        return _d(
            "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([7, 40, 64]))), "hash"
        )
    if slot == "BOOKING":
        return _d(
            "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)), "booking"
        )
    raise KeyError(slot)


DECOY_SLOTS = (
    "ORDER", "TRACK", "INVOICE", "PRICE", "DATE", "EXPIRY", "TIME", "VERSION", "VERSION4", "IMEI",
    "POSTAL", "COORD", "PRODUCT", "REF", "TICKET", "COMPANY", "VOUCHER", "LAST4", "QTY",
    "PLAINURL", "UUID", "HASH", "BOOKING",
)  # fmt: skip


# --- Polish inflection (vocative and instrumental, the forms a chat uses) --------------------


def pl_vocative(first: str) -> str | None:
    if first.endswith("ia"):
        return first[:-1] + "u"
    if first.endswith("a"):
        return first[:-1] + "o"
    return None


def pl_instrumental(name: str, *, last: bool) -> str | None:
    if last:
        for nom, ins in (
            ("ski", "skim"),
            ("cki", "ckim"),
            ("ny", "nym"),
            ("ska", "ską"),
            ("cka", "cką"),
            ("na", "ną"),
        ):
            if name.endswith(nom):
                return name[: -len(nom)] + ins
        return None
    if name.endswith("a"):
        return name[:-1] + "ą"
    return name + "em"


# --- a conversation ---------------------------------------------------------------------------


def _pick_origin(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.68:
        return rng.choice(CUE_LANGS)
    if r < 0.75:
        return rng.choice(LATIN[len(CUE_LANGS) :])
    return rng.choice(TRANSLIT)


@dataclass
class Someone:
    origin: str
    first: str
    last: str
    gender: str


def _someone(rng: random.Random, origin: str, avoid: Sequence[str] = ()) -> Someone:
    names = NAMES[origin]
    for _ in range(50):
        first, gender = rng.choice(names.first)
        m, f = rng.choice(names.last)
        last = f if gender == "f" else m
        if not any(
            a in (first, last) or first in a or last in a or a in first or a in last for a in avoid
        ):
            return Someone(origin, first, last, gender)
    raise RuntimeError("no distinct name")


@dataclass
class Ctx:
    rng: random.Random
    platform: str
    lang: str
    me: Someone
    person: Person
    my_phone: Phone
    my_email: tuple[str, str]
    brand: str
    profile_name: str  # "full", "first" or ""
    revealed: bool = False  # introduced themselves (cue)
    said_first: bool = False  # wrote their first / last name somewhere in the conversation
    said_last: bool = False
    agent: Someone | None = None

    @property
    def pack(self) -> Pack:
        return PACKS[self.lang]

    @property
    def knows_first(self) -> bool:
        """The platform's side can use the first name: from the profile or the conversation."""
        return self.said_first or self.profile_name in ("first", "full")

    @property
    def knows_last(self) -> bool:
        return self.said_last or self.profile_name == "full"

    @property
    def knows_name(self) -> bool:
        return self.knows_first and self.knows_last

    def usable(self, tpl: str) -> bool:
        """A template the platform's side can write: no name part it cannot know."""
        return (self.knows_first or "{F}" not in tpl) and (self.knows_last or "{L}" not in tpl)

    def heard(self, d: Draft) -> None:
        """What the person's own message told the other side about their name."""
        said = {p.value.casefold() for p in d.plants if p.kind == "name"}
        self.said_first |= self.me.first.casefold() in said
        self.said_last |= self.me.last.casefold() in said


def _nm(value: str, cls: str) -> P:
    return P("name", value, cls)


def _tr_lower(s: str) -> str:
    return s.replace("İ", "i").replace("I", "ı").lower()


def _my_slots(ctx: Ctx, cls: str, *, case: str = "") -> dict[str, Slot]:
    first, last = ctx.me.first, ctx.me.last
    if case == "upper":
        first, last = first.upper(), last.upper()
    elif case == "lower":
        low = _tr_lower if ctx.me.origin == "tr" else str.lower
        first, last = low(first), low(last)
    return {"F": _nm(first, cls), "L": _nm(last, cls)}


def _phone_value(ctx: Ctx) -> Phone:
    rng = ctx.rng
    if rng.random() < 0.45:
        if rng.random() < 0.6:
            return ctx.my_phone
        return _any_format(rng, ctx.my_phone)
    region = ctx.my_phone.region if rng.random() < 0.5 else rng.choice(list(_PLANS))
    r = rng.random()
    if region in NATIONAL_REGIONS and r < 0.4:
        return national_phone(rng, region)
    if region in _NEW_RANGE and r < 0.6:
        return new_range_phone(rng, region)
    return intl_phone(rng, region)


def _any_format(rng: random.Random, ph: Phone) -> Phone:
    """The same number written another way (profile values must match whatever the format)."""
    if ph.cls == "phone/intl-new-range":
        return ph
    nsn = ph.e164[1 + len(str(phonenumbers.country_code_for_region(ph.region))) :]
    num = _parsed(ph.region, nsn)
    if ph.region in NATIONAL_REGIONS and rng.random() < 0.5:
        written = _national_written(rng, ph.region, nsn)
        if phonenumbers.is_valid_number(phonenumbers.parse(written, ph.region)):
            return Phone(ph.region, ph.e164, written, f"phone/national-{ph.region.lower()}")
    cc = str(num.country_code)
    fmt = rng.choice(["compact", "spaced", "00"])
    g = _groups(rng, nsn)
    written = {
        "compact": ph.e164,
        "spaced": f"+{cc} " + " ".join(g),
        "00": f"00{cc} " + " ".join(g),
    }[fmt]
    return Phone(ph.region, ph.e164, written, f"phone/intl-{fmt}")


def _wrap(rng: random.Random, pieces: tuple[Piece, ...], kind: str) -> tuple[Piece, ...]:
    """Sometimes the value sits right after or inside punctuation."""
    r = rng.random()
    if r > 0.2:
        return pieces
    pairs = [("«", "»"), ("„", "“"), ('"', '"'), ("*", "*"), ("`", "`"), ("(", ")"), ("[", "]")]
    if kind == "email":
        pairs.append(("<", ">"))
    a, b = rng.choice(pairs)
    return (a, *pieces, b)


def _value(ctx: Ctx, kind: str) -> tuple[Piece, ...]:
    rng = ctx.rng
    if kind == "email":
        if rng.random() < 0.6:
            addr, cls = ctx.my_email
        else:
            addr, cls = email(rng, ctx.me.first, ctx.me.last, ctx.me.origin)
        if rng.random() < 0.07:
            return ("mailto:", P("email", addr, "email/mailto"))
        return (P("email", addr, cls),)
    if kind == "phone":
        ph = _phone_value(ctx)
        if rng.random() < 0.05 and ph.written.startswith("+"):
            cls = ph.cls if ph.cls == "phone/intl-new-range" else "phone/tel-link"
            return ("tel:", P("phone", re.sub(r"[ ().-]", "", ph.written), cls))
        return (P("phone", ph.written, ph.cls),)
    if kind == "card":
        v, cls = card(rng)
        return (P("card", v, cls),)
    if kind == "iban":
        v, cls, _ = iban(rng)
        return (P("iban", v, cls),)
    if kind == "ip":
        return ip(rng)[0]
    if kind == "url":
        return url_secret(rng)[0]
    raise KeyError(kind)


_KIND_WEIGHTS = (("email", 16), ("phone", 22), ("card", 7), ("iban", 8), ("ip", 6), ("url", 7))


def _fill(ctx: Ctx, tpl: str, slots: Mapping[str, Slot]) -> Draft:
    """Render with decoys, a brand and the honorific filled in where the template asks."""
    full = dict(slots)
    for name in _SLOT.findall(tpl):
        if name in full:
            continue
        if name in DECOY_SLOTS:
            full[name] = decoy(ctx.rng, name, ctx.lang)
        elif name == "BRAND":
            full[name] = _d(ctx.brand, "brand")
        elif name == "HON":
            hon = ctx.pack.multi["hon"]
            full[name] = hon[0] if ctx.me.gender == "f" else hon[1]
        elif name in ("PHONE", "EMAIL", "IBAN", "IP", "URL", "CARD"):
            full[name] = _value(ctx, name.lower())
        else:
            raise KeyError(f"{name} in {tpl!r}")
    return render(tpl, full)


def _agent_origin(ctx: Ctx) -> str:
    return ctx.lang if ctx.lang in NAMES else "en"


def _line(ctx: Ctx, key: str, slots: Mapping[str, Slot]) -> Draft:
    """One line of the language pack, drawn again until its planted values are clean."""
    return _checked(ctx, lambda: _fill(ctx, ctx.pack.pick(ctx.rng, key, ctx.me.gender), slots))


def _checked(ctx: Ctx, build: Callable[[], Draft]) -> Draft:
    for _ in range(80):
        d = build()
        if not problems(d.text, d.plants):
            return d
    raise RuntimeError(f"could not build a clean text in {ctx.lang}: {problems(d.text, d.plants)}")


# Message builders: each returns a fresh Draft; state changes happen in the caller.


def _intro(ctx: Ctx) -> Draft:
    rng, g = ctx.rng, ctx.me.gender
    r = rng.random()
    if r < 0.14:
        case = "upper" if rng.random() < 0.4 else ""
        cls = "name/caps" if case else "name/form-field"
        return _fill(ctx, ctx.pack.pick(rng, "form", g), _my_slots(ctx, cls, case=case))
    if r < 0.2 and ctx.lang != "de":
        tpl = ctx.pack.pick(rng, "intro", g)
        low = _tr_lower if ctx.lang == "tr" else str.lower
        return _fill(
            ctx,
            low(tpl).replace("{f}", "{F}").replace("{l}", "{L}"),
            _my_slots(ctx, "name/lowercase", case="lower"),
        )
    return _fill(ctx, ctx.pack.pick(rng, "intro", g), _my_slots(ctx, f"name/cue-{ctx.lang}"))


def _value_sentence(ctx: Ctx) -> tuple[Draft, str, tuple[Piece, ...]]:
    rng = ctx.rng
    kind = _weighted(rng, [(k, w) for k, w in _KIND_WEIGHTS])
    pieces = _wrap(rng, _value(ctx, kind), kind)
    return _fill(ctx, ctx.pack.pick(rng, kind, ctx.me.gender), {"V": pieces}), kind, pieces


def _third(ctx: Ctx) -> Draft:
    rng = ctx.rng
    origin = ctx.lang if rng.random() < (0.8 if ctx.lang == "pl" else 0.6) else _pick_origin(rng)
    other = _someone(rng, origin, (ctx.me.first, ctx.me.last))
    r = rng.random()
    if ctx.lang == "pl" and origin == "pl" and rng.random() < 0.5:
        fi = pl_instrumental(other.first, last=False)
        li = pl_instrumental(other.last, last=True)
        if fi and li:
            tpl = ctx.pack.pick(rng, "third_infl", ctx.me.gender)
            if "{L2I}" in tpl or other.gender == "m":
                return _fill(
                    ctx,
                    tpl,
                    {"F2I": _nm(fi, "name/inflected-pl"), "L2I": _nm(li, "name/inflected-pl")},
                )
    if r < 0.65:
        key = "third_f" if other.gender == "f" else "third_m"
        cls = "name/third-party-cued"
    else:
        key, cls = "third_plain", "name/third-party-uncued"
    return _fill(
        ctx,
        ctx.pack.pick(rng, key, ctx.me.gender),
        {"F2": _nm(other.first, cls), "L2": _nm(other.last, cls)},
    )


def _closing(ctx: Ctx) -> Draft:
    rng = ctx.rng
    if rng.random() < 0.7:
        return _fill(
            ctx,
            ctx.pack.pick(rng, "signoff", ctx.me.gender),
            _my_slots(ctx, f"name/signoff-{ctx.lang}"),
        )
    slots = _my_slots(ctx, "name/signature")
    if rng.random() < 0.25:
        slots = _my_slots(ctx, "name/signature", case="upper")
    slots["PHONE"] = (P("phone", ctx.my_phone.written, ctx.my_phone.cls),)
    slots["EMAIL"] = (P("email", ctx.my_email[0], ctx.my_email[1]),)
    return _fill(ctx, ctx.pack.pick(rng, "sigblock", ctx.me.gender), slots)


def user_message(
    ctx: Ctx, *, reveal: bool, last: bool
) -> tuple[Draft, list[tuple[str, tuple[Piece, ...]]]]:
    rng = ctx.rng

    def build() -> tuple[Draft, list[tuple[str, tuple[Piece, ...]]]]:
        parts: list[Draft] = []
        values: list[tuple[str, tuple[Piece, ...]]] = []
        if reveal:
            parts.append(_intro(ctx))
        used: set[str] = set()
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            r = rng.random()
            if r < 0.5:
                d, kind, pieces = _value_sentence(ctx)
                if kind in used:
                    continue
                used.add(kind)
                parts.append(d)
                values.append((kind, pieces))
            elif r < 0.72 and "req" not in used:
                used.add("req")
                parts.append(_fill(ctx, ctx.pack.pick(rng, "req", ctx.me.gender), {}))
            elif r < 0.82 and "third" not in used:
                used.add("third")
                parts.append(_third(ctx))
            elif r < 0.88:
                parts.append(_fill(ctx, ctx.pack.pick(rng, "namelike", ctx.me.gender), {}))
            elif r < 0.93 and ctx.revealed:
                parts.append(
                    _fill(
                        ctx,
                        ctx.pack.pick(rng, "selfmention", ctx.me.gender),
                        _my_slots(ctx, "name/self-mention"),
                    )
                )
            elif "filler" not in used:
                used.add("filler")
                parts.append(_fill(ctx, ctx.pack.pick(rng, "filler"), {}))
        if not parts:
            parts.append(_fill(ctx, ctx.pack.pick(rng, "filler"), {}))
        sep = rng.choice([" ", " ", "\n", "\n\n"])
        out = Draft()
        for i, p in enumerate(parts):
            out = out.add(Draft(sep) if i else Draft()).add(p)
        if last and rng.random() < 0.55:
            out = out.add(_closing(ctx))
        return out, values

    for _ in range(80):
        d, values = build()
        if not problems(d.text, d.plants):
            return d, values
    raise RuntimeError(f"could not build a clean user message: {problems(d.text, d.plants)}")


def _greeting(ctx: Ctx) -> Draft:
    rng, g, pack = ctx.rng, ctx.me.gender, ctx.pack
    if not ctx.knows_first or rng.random() < 0.25:
        d = _fill(ctx, pack.pick(rng, "greet_plain"), {})
        if not ctx.knows_first and rng.random() < 0.35:
            d = d.add(Draft(" ")).add(_fill(ctx, pack.pick(rng, "ask_name"), {}))
        return d
    first_only = {"F": _nm(ctx.me.first, "name/bot-greeting")}
    if not ctx.knows_name:
        return _fill(ctx, pack.pick(rng, "greet", g), first_only)
    r = rng.random()
    if r < 0.4:
        return _fill(ctx, pack.pick(rng, "greet", g), first_only)
    if r < 0.65:
        return _fill(ctx, pack.pick(rng, "greet_full", g), _my_slots(ctx, "name/bot-greeting"))
    if ctx.lang == "pl" and g == "f" and (voc := pl_vocative(ctx.me.first)) and r < 0.85:
        return _fill(ctx, pack.pick(rng, "greet_voc", g), {"FV": _nm(voc, "name/inflected-pl")})
    return _fill(ctx, pack.pick(rng, "greet_hon", g), _my_slots(ctx, "name/bot-honorific"))


def _json_bot(ctx: Ctx, values: list[tuple[str, tuple[Piece, ...]]]) -> Draft:
    """A bot template reply carrying JSON (as Kore.ai bots send it), sometimes ASCII-escaped."""
    rng, pack = ctx.rng, ctx.pack
    leaves: dict[str, Draft] = {}

    def leaf(key: str, tpl: str, slots: dict[str, Slot]) -> str:
        leaves[key] = _fill(ctx, tpl, slots)
        return f"\x00{key}\x00"

    name_slots: dict[str, Slot] = _my_slots(ctx, "name/bot-json") if ctx.knows_name else {}
    yes, no = pack.multi["yesno"]
    r = rng.random()
    if r < 0.35:
        if ctx.knows_first and rng.random() < 0.6:
            text = leaf(
                "t",
                pack.pick(rng, "greet", ctx.me.gender),
                {"F": _nm(ctx.me.first, "name/bot-json")},
            )
        elif values:
            key = "confirm" if values[-1][0] in ("email", "phone") else "check"
            text = leaf("t", pack.pick(rng, key), {"V": values[-1][1]})
        else:
            text = leaf("t", pack.pick(rng, "bot_info"), {})
        obj: Any = {
            "type": "template",
            "payload": {
                "template_type": "button",
                "text": text,
                "buttons": [
                    {"type": "postback", "title": yes, "payload": "CONFIRM"},
                    {"type": "postback", "title": no, "payload": "EDIT"},
                ],
            },
        }
    elif r < 0.65:
        elements = []
        if name_slots:
            elements.append({"label": "Name", "value": leaf("n", "{F} {L}", name_slots)})
        elements.append({"label": "E-mail", "value": leaf("e", "{V}", {"V": _value(ctx, "email")})})
        if rng.random() < 0.7:
            elements.append(
                {"label": "Tel", "value": leaf("p", "{V}", {"V": _value(ctx, "phone")})}
            )
        if rng.random() < 0.4:
            elements.append(
                {"label": "IBAN", "value": leaf("i", "{V}", {"V": _value(ctx, "iban")})}
            )
        elements.append({"label": "#", "value": leaf("o", "{ORDER}", {})})
        obj = {
            "type": "template",
            "payload": {"template_type": "form_summary", "elements": elements},
        }
    elif r < 0.82:
        obj = {
            "type": "template",
            "payload": {
                "template_type": "carousel",
                "elements": [
                    {
                        "title": leaf(f"c{i}", "{ORDER}", {}),
                        "subtitle": leaf(f"s{i}", "{PRICE} · {DATE}", {}),
                        "buttons": [
                            {
                                "type": "web_url",
                                "url": leaf(f"u{i}", "{PLAINURL}", {}),
                                "title": "→",
                            }
                        ],
                    }
                    for i in range(rng.randint(1, 3))
                ],
            },
        }
    else:
        obj = {
            "type": "link",
            "text": leaf("t", pack.pick(rng, "bot_filler"), {}),
            "url": leaf("u", "{V}", {"V": _value(ctx, "url")}),
        }
    ascii_only = rng.random() < 0.4
    slash = rng.random() < 0.2

    def esc(s: str) -> str:
        out = json.dumps(s, ensure_ascii=ascii_only)[1:-1]
        return out.replace("/", "\\/") if slash else out

    text = json.dumps(
        obj, ensure_ascii=ascii_only, separators=rng.choice([(",", ":"), (", ", ": ")])
    )
    if slash:
        text = text.replace("/", "\\/")
    plants: Counter[P] = Counter()
    for key, d in leaves.items():
        text = text.replace(f"\\u0000{key}\\u0000", esc(d.text))
        for p, n in d.plants.items():
            written = esc(p.value)
            escaped = written != p.value and p.kind in ("name", "email")
            cls = f"{p.kind}/json-escaped" if escaped else p.cls
            plants[P(p.kind, written, cls)] += n
    return Draft(text, plants)


def bot_message(
    ctx: Ctx, values: list[tuple[str, tuple[Piece, ...]]], *, just_revealed: bool
) -> Draft:
    rng, pack = ctx.rng, ctx.pack
    use_json = rng.random() < (0.45 if ctx.platform == "kore" else 0.08)

    def build() -> Draft:
        if use_json:
            return _json_bot(ctx, values)
        if just_revealed and ctx.knows_first:
            tpl = pack.pick(rng, "thanks_name", usable=ctx.usable)
            return _fill(ctx, tpl, _my_slots(ctx, "name/bot-mention"))
        r = rng.random()
        if values and r < 0.5:
            kind, v = values[-1]
            if kind not in ("email", "phone"):
                return _fill(ctx, pack.pick(rng, "check"), {"V": v})
            if ctx.knows_first and rng.random() < 0.4:
                return _fill(
                    ctx,
                    pack.pick(rng, "confirm_name"),
                    {"V": v, "F": _nm(ctx.me.first, "name/bot-mention")},
                )
            return _fill(ctx, pack.pick(rng, "confirm"), {"V": v})
        if r < 0.75:
            return _fill(ctx, pack.pick(rng, "bot_info"), {})
        return _fill(ctx, pack.pick(rng, "bot_filler"), {})

    return _checked(ctx, build)


# --- profiles and free-text fields ------------------------------------------------------------

PLATFORMS = ("peki", "kore", "selise")


def _iso(rng: random.Random) -> str:
    return (
        f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
    )


def _profile_name(rng: random.Random, platform: str) -> str:
    r = rng.random()
    if platform == "kore":
        return "full" if r < 0.5 else ""
    if platform == "peki":
        return "full" if r < 0.6 else ("first" if r < 0.8 else "")
    return "full" if r < 0.5 else ("first" if r < 0.7 else "")


def _profile(ctx: Ctx) -> dict[str, Any]:
    rng, me = ctx.rng, ctx.me
    phone_as_held = ctx.my_phone.e164 if rng.random() < 0.7 else ctx.my_phone.written
    if ctx.platform == "peki":
        first = me.first if ctx.profile_name else ""
        last = me.last if ctx.profile_name == "full" else ""
        if ctx.profile_name == "full" and rng.random() < 0.15:
            first, last = f"{me.first} {me.last}", ""  # created through the send API's user.name
        return {
            "chatbotId": f"bot-{_tok(rng, 8)}",
            "firstName": first,
            "lastName": last,
            "email": ctx.my_email[0] if rng.random() < 0.8 else None,
            "phoneNumber": ctx.my_phone.e164 if rng.random() < 0.7 else None,
            "username": f"{ascii_fold(me.first)[:6]}{rng.randint(1, 999)}",
            "source": rng.choice(["Dev", "WhatsApp", "Web", "Instagram"]),
            "dataDictionary": {
                "country": ctx.person.country,
                "plan": rng.choice(["Basic", "Premium"]),
            },
            "messageTimestamp": _iso(rng),
            "createdAt": _iso(rng),
            "updatedAt": _iso(rng),
        }
    if ctx.platform == "kore":
        tags: list[dict[str, str]] = []
        if ctx.profile_name == "full":
            style = rng.random()
            if style < 0.5:
                key = rng.choice(
                    ["CustomerName", "fullName", "display_name", "Name", "contactName"]
                )
                tags.append({"name": key, "value": f"{me.first} {me.last}"})
            elif style < 0.85:
                tags.append(
                    {
                        "name": rng.choice(["FirstName", "givenName", "first_name"]),
                        "value": me.first,
                    }
                )
                tags.append(
                    {"name": rng.choice(["LastName", "familyName", "surname"]), "value": me.last}
                )
            else:
                tags.append({"name": "customer", "value": f"{me.last}, {me.first}"})
        if rng.random() < 0.6:
            tags.append(
                {
                    "name": rng.choice(["Email", "emailId", "contact_email", "userEmail"]),
                    "value": ctx.my_email[0],
                }
            )
        if rng.random() < 0.5:
            tags.append(
                {
                    "name": rng.choice(["MobileNumber", "phone", "msisdn", "contactNo"]),
                    "value": phone_as_held,
                }
            )
        if rng.random() < 0.5:
            tags.append({"name": "loyaltyTier", "value": rng.choice(["Gold", "Silver", "Blue"])})
        rng.shuffle(tags)
        return {
            "botId": f"st-{_tok(rng, 8).lower()}-{_tok(rng, 4).lower()}",
            "channel": rng.choice(["rtm", "msteams", "whatsapp", "email"]),
            "start_time": _iso(rng),
            "end_time": _iso(rng),
            "session_lang": [ctx.lang],
            "sessionType": "interactive",
            "containmentType": "selfService",
            "isDeveloper": False,
            "tags": {"userTags": tags, "sessionTags": []},
            "noOfMessagesExchanged": 0,
            "noOfTasksExecuted": rng.randint(0, 3),
        }
    info: dict[str, Any] = {}
    if ctx.profile_name == "full":
        info["name"] = f"{me.first} {me.last}"
    elif ctx.profile_name == "first":
        info["name"] = me.first
    if rng.random() < 0.7:
        info["email"] = ctx.my_email[0]
    if rng.random() < 0.5:
        info["phone"] = phone_as_held
    if info and rng.random() < 0.5:
        info["location"] = ctx.person.country
    return {
        "agent_id": f"agent_{_tok(rng, 6).lower()}",
        "widget_id": f"w_{_tok(rng, 6).lower()}",
        "status": rng.choice(["closed", "idle", "active"]),
        "created_at": _iso(rng),
        "updated_at": _iso(rng),
        "last_message_at": _iso(rng),
        "message_count": 0,
        "duration_seconds": rng.randint(30, 3600),
        "user_info": info,
        "ip_address": ipv4(rng),
        "metadata": {
            "source": "widget",
            "device": rng.choice(["mobile", "desktop"]),
            "browser": "Chrome",
        },
        "tags": [],
        "rating": rng.randint(1, 5),
        "resolved": rng.random() < 0.7,
        "escalated": False,
        "sentiment": rng.choice(["positive", "neutral", "negative"]),
        "lead_score": rng.randint(0, 100),
        "conversion": False,
        "revenue": 0,
    }


def _raw_text(ctx: Ctx, key: str, *, local: bool) -> Draft:
    """A free-text field: platform summaries and agent notes mostly in English, feedback in the
    person's language. Names only where whoever wrote the field would know them."""
    rng = ctx.rng
    pack = ctx.pack if local else PACKS["en"]
    options = [t for _, t in pack.lines[key]]
    if key != "feedback":  # the person may sign their feedback; others write what they know
        options = [t for t in options if ctx.usable(t)]
    tpl = rng.choice(options)
    agent = ctx.agent or _someone(rng, _agent_origin(ctx), (ctx.me.first, ctx.me.last))
    slots: dict[str, Slot] = {**_my_slots(ctx, "name/raw"), "A": _nm(agent.first, "name/raw")}
    return _fill(ctx, tpl, slots)


def _user_agent(rng: random.Random) -> Draft:
    model = f"SM-{rng.choice('SAFGN')}{_digits(rng, 3)}{rng.choice(string.ascii_uppercase)}"
    chrome = f"{rng.randint(118, 131)}.0.{rng.randint(6000, 6999)}.{rng.randint(10, 200)}"
    return render(
        "Mozilla/5.0 (Linux; Android 14; {M}) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/{C} Mobile Safari/537.36",
        {"M": _d(model, "product-code"), "C": _d(chrome, "version")},
    )


def _raw_fields(ctx: Ctx, profile: dict[str, Any], out: list[Text]) -> None:
    rng = ctx.rng

    def add(where: str, d: Draft) -> str:
        out.append(Text(d.text, planted_of(d), f"raw:{where}"))
        return d.text

    def field_(key: str, *, local: bool) -> Draft:
        return _checked(ctx, lambda: _raw_text(ctx, key, local=local))

    if ctx.platform == "peki":
        if rng.random() < 0.6:
            add("summary", field_("summary", local=rng.random() < 0.3 and ctx.lang != "en"))
        if rng.random() < 0.35:
            profile["dataDictionary"]["notes"] = add("notes", field_("notes", local=False))
        if rng.random() < 0.3:
            add("tags", field_("tags", local=False))
    elif ctx.platform == "kore":
        session_tags = profile["tags"]["sessionTags"]
        if rng.random() < 0.4:
            session_tags.append(
                {"name": "agentNote", "value": add("notes", field_("notes", local=False))}
            )
        if rng.random() < 0.35:
            session_tags.append(
                {"name": "csatComment", "value": add("feedback", field_("feedback", local=True))}
            )
        if rng.random() < 0.3:
            session_tags.append(
                {"name": "label", "value": add("tags", field_("tags", local=False))}
            )
    else:
        if rng.random() < 0.5:
            profile["feedback"] = add("feedback", field_("feedback", local=True))
        if rng.random() < 0.4:
            profile["summary"] = add(
                "summary", field_("summary", local=rng.random() < 0.3 and ctx.lang != "en")
            )
        for _ in range(rng.choice([0, 0, 1, 2])):
            profile["tags"].append(add("tags", field_("tags", local=False)))
        r = rng.random()
        if r < 0.3:
            profile["metadata"]["page_url"] = add(
                "page_url", Draft().add(render("{U}", {"U": url_secret(rng)[0]}))
            )
        elif r < 0.5:
            profile["metadata"]["page_url"] = add(
                "page_url", render("{U}", {"U": decoy(rng, "PLAINURL", "en")})
            )
        if rng.random() < 0.3:
            profile["user_agent"] = add("user_agent", _user_agent(rng))


# --- a conversation and the corpus ------------------------------------------------------------


def conversation(rng: random.Random) -> Conversation:
    origin = _pick_origin(rng)
    me = _someone(rng, origin)
    lang = _weighted(rng, _WRITES[origin])
    platform = rng.choice(PLATFORMS)
    region = rng.choice(_HOME[origin])
    r = rng.random()
    if region in _NEW_RANGE and r < 0.12:
        my_phone = new_range_phone(rng, region)
    elif region in NATIONAL_REGIONS and r < 0.55:
        my_phone = national_phone(rng, region)
    else:
        my_phone = intl_phone(rng, region)
    my_email = email(rng, me.first, me.last, origin)
    person = Person(origin, me.first, me.last, my_email[0], my_phone.e164, my_phone.written, region)
    brand = rng.choice(PACKS[lang].multi["brand"])
    ctx = Ctx(
        rng, platform, lang, me, person, my_phone, my_email, brand, _profile_name(rng, platform)
    )
    profile = _profile(ctx)
    texts: list[Text] = []

    def add(d: Draft, where: str) -> None:
        texts.append(Text(d.text, planted_of(d), f"message:{where}"))

    add(_checked(ctx, lambda: _greeting(ctx)), "bot")
    n_user = rng.randint(2, 5)
    # the turn where the person introduces themselves; n_user: never
    reveal_at = rng.randrange(n_user) if rng.random() < 0.85 else n_user
    handoff_at = rng.randint(1, n_user - 1) if rng.random() < 0.3 else -1
    for i in range(n_user):
        if i == handoff_at:
            add(_line(ctx, "handoff", {}), "bot")
            ctx.agent = _someone(rng, _agent_origin(ctx), (me.first, me.last))
            intro = _line(ctx, "agent_intro", {"A": _nm(ctx.agent.first, "name/agent-self")})
            if ctx.knows_first and rng.random() < 0.6:
                greet = _line(ctx, "agent_greet", {"F": _nm(me.first, "name/agent-greeting")})
                intro = intro.add(Draft(" ")).add(greet)
                if problems(intro.text, intro.plants):
                    intro = greet
            add(intro, "agent")
        d, values = user_message(ctx, reveal=i == reveal_at, last=i == n_user - 1)
        add(d, "user")
        just = i == reveal_at
        ctx.revealed |= just
        ctx.heard(d)
        if i < n_user - 1 or rng.random() < 0.5:
            add(bot_message(ctx, values, just_revealed=just), "agent" if ctx.agent else "bot")
    if ctx.agent is not None and rng.random() < 0.7:
        add(_line(ctx, "thank_agent", {"A": _nm(ctx.agent.first, "name/agent-addressed")}), "user")
    if rng.random() < 0.5:
        add(_line(ctx, "bye_bot", {}), "bot")
    if platform == "peki":
        users = [t.text for t in texts if t.where == "message:user"]
        profile["lastReceivedText"] = users[-1]
    elif platform == "kore":
        profile["noOfMessagesExchanged"] = len(texts)
        if ctx.agent is not None:
            profile["containmentType"] = "agent"
        if rng.random() < 0.5:
            profile["sessionStatus"] = "closed"
    else:
        profile["message_count"] = len(texts)
        profile["escalated"] = ctx.agent is not None
    _raw_fields(ctx, profile, texts)
    return Conversation(platform, person, profile, texts)


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 4/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng)
        out.append(conv)
        count += len(conv.texts)
    return out
