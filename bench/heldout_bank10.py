"""Held-out bank 10 for the masking evaluation: personal values and decoys planted in support
traffic written apart from the detectors, the masking policy and the earlier banks.

Written from the evaluation's interface alone: ``Conversation``/``Text``/``Person`` of
``bench/heldout_corpus.py``, ``corpus(n, seed)``, and how ``bench/masking_quality.py`` scores
the planted ``(kind, value, class)`` triples (every occurrence of a planted value in its text is
one planted occurrence; a detection of the same kind must cover it; a decoy must stay untouched).
The name lists, cue phrasings, situations, number formats, decoys and positions are this
file's own and were never run through the detectors while it was written.

What it plants (class ``kind/what``, so misses can be read by class):

- names from 42 languages (``origin``), Latin-script ones with and without diacritics, Cyrillic,
  Greek, Hebrew, Arabic, Persian, Urdu, Devanagari, Bengali, Thai, Ge'ez, Han and Hangul ones
  in their own script and romanised; given and family names are separate values except names in
  Han/Kana/Hangul written without a space (one value). Cued in the person's language
  (``name/cue-<lang>`` self-introductions and "this is X", ``signoff-``, ``greet-``,
  ``relation-``, ``handoff-``, ``said-``, ``title-``) and uncued (``signature``,
  ``signature-line``, ``header-from/-to/-cc``, ``quoted-header``, ``forwarded``, ``csv``,
  ``tsv``, ``markdown-table``, ``html``, ``yaml``, ``kv``, ``form``, ``bot-json``,
  ``calendar``, ``meeting-notes``, ``crm``, ``list``, ``third-party``, ``mention``,
  ``chatlog``, ``only-reply``, ``card-holder``, ``log``, ``raw-note``), in lower and upper case,
  without diacritics, JSON-escaped, next to emoji and chat noise;
- phones of 72 countries in international form (``phone/intl-<CC>``: E.164, grouped, dashed,
  dotted, ``00``, ``(0)``, ``(+cc)``; ``-ext`` when an extension follows, outside the value),
  ``tel:`` and ``wa.me`` links (``phone/tel``, ``phone/wa``), national forms
  (``phone/national-<CC>``) and international numbers libphonenumber calls possible but not
  valid (``phone/unassigned-<CC>``: new or unassigned ranges);
- cards of 14 issuers (``card/<issuer>-<digits>``), Luhn-valid with the issuer's prefix, in
  several groupings; IBANs of 77 countries (``iban/<CC>-<form>``), mod-97 valid;
- public IPv4/IPv6 (``ip/v4-*``, ``ip/v6-*``) in logs, headers and JSON, ports outside;
- e-mails: plain, dotted, plus, work, sub-domain, mixed case, display-name, ``mailto:``, quoted
  local part, internationalised domains (Unicode and ``xn--``), role addresses of companies
  (``email/role``: still addresses, so a detection there is right), and obfuscated spellings
  ("ana at gmail dot com", "[at]", "(at)"), scored as ``email`` (``email/obfuscated``) because
  they still reach the person;
- secrets in URLs, only the secret planted (``url/<provider>``: presigned and SAS signatures,
  webhook and bot tokens, passwords in userinfo, API keys, OAuth codes and tokens, reset and
  magic-link tokens, meeting passwords, share keys);
- decoys that must stay (kind ``decoy``, class ``decoy/<what>``, see ``DECOY_CLASSES``).

Every planted value occurs in its text only where it was put, at word edges (URL secrets and
names in scripts written without spaces aside), overlapping no other planted value; no name of
a conversation stands unplanted in any of its texts in any case or accent form (a text or a
conversation that fails is drawn again). Positions are in ``Text10.spots``
(``<kind>@<position>``) and name origins in ``Text10.origins``. Deterministic for a seed and a
phonenumbers metadata version.

    .venv/bin/python -m bench.heldout_bank10 [texts] [seed]   # what the bank holds
"""

from __future__ import annotations

import base64
import functools
import ipaddress
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bench.heldout_corpus import Conversation, Person, Text

# --- text model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Put:
    """One planted value as it stands in the text (already escaped where the text escapes)."""

    kind: str
    value: str
    cls: str
    spot: str = ""  # position; "" = worked out from the text around it
    origin: str = ""  # language of a name


@dataclass
class Text10(Text):
    spots: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)


Item = str | Put
Items = list[Item]

_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PUNCT_BEFORE = set(".,;:!?)]}>\"'»”…-–—/|(")


def _spot(text: str, a: int) -> str:
    line = text[text.rfind("\n", 0, a) + 1 : a]
    if not line.strip(" \t-*•>#0123456789."):
        return "line-start"
    before = line.rstrip()
    if before and before[-1] in _PUNCT_BEFORE:
        return "after-punct"
    return "inline"


def _edge_ok(text: str, a: int, b: int, kind: str) -> bool:
    if kind == "url":
        return True
    left = text[a - 1] if a else " "
    right = text[b] if b < len(text) else " "
    if _UNSPACED.match(left) or _UNSPACED.match(right):
        return True
    if _UNSPACED.match(text[a]) and _UNSPACED.match(text[b - 1]):
        return True
    return not (left.isalnum() or right.isalnum() or unicodedata.combining(right) or left == "\\")


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def render(items: Items, where: str, pos: str = "") -> Text10 | None:
    """The text and its planted triples, or None when a value would be ambiguous there."""
    text, puts, at = "", [], []
    for it in items:
        if isinstance(it, Put):
            puts.append(it)
            at.append(len(text))
            text += it.value
        else:
            text += it
    by_value: dict[str, list[int]] = {}
    for p, a in zip(puts, at, strict=True):
        by_value.setdefault(p.value, []).append(a)
    seen: dict[str, Put] = {}
    spans = []
    for p in puts:
        if p.value in seen:
            if (seen[p.value].kind, seen[p.value].cls) != (p.kind, p.cls):
                return None
            continue
        seen[p.value] = p
        occ = occurrences(text, p.value)
        if sorted(a for a, _ in occ) != sorted(set(by_value[p.value])):
            return None
        for a, b in occ:
            if not _edge_ok(text, a, b, p.kind):
                return None
            spans.append((a, b))
    spans.sort()
    if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
        return None
    t = Text10(text, [], where)
    for v, p in seen.items():
        t.planted.append((p.kind, v, p.cls))
        where_ = p.spot or pos or ("raw" if where.startswith("raw") else _spot(text, text.find(v)))
        t.spots.append(f"{p.kind}@{where_}")
        t.origins.append(p.origin)
    return t


# --- folding, for the "no name stands unplanted" rule ------------------------------------------

_FOLD = str.maketrans("łŁøØđĐıßæÆœŒþðħ", "lLoOdDisaAoOtdh")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    d = unicodedata.normalize("NFKD", c.translate(_FOLD))
    base = "".join(x for x in d if not unicodedata.combining(x))
    return (base[:1] or " ").lower()


def fold(s: str) -> str:
    """Lower case without accents, one character for one (so offsets stay)."""
    return "".join(_fold_char(c) for c in s)


def ascii_form(s: str) -> str:
    s = s.replace("ß", "ss").translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


PARTICLES = {"van", "den", "der", "de", "del", "dela", "la", "bin", "binti", "dos", "da", "al"}


_WORD = re.compile(r"\w+")


def stray_names(texts: Sequence[Text10], names: set[str]) -> list[str]:
    """Words of the conversation's names that stand in a text without being planted as names."""
    words = {w for n in names for w in re.split(r"[\s\-']+", fold(n)) if len(w) > 2} - PARTICLES
    if not words:
        return []
    bad = []
    for t in texts:
        chars, named = list(t.text), [False] * len(t.text)
        for k, v, _ in t.planted:
            for a, b in occurrences(t.text, v):
                for i in range(a, b):
                    if k == "name":
                        named[i] = True
                    elif k != "decoy":
                        chars[i] = " "
        for m in _WORD.finditer(fold("".join(chars))):
            if m.group() in words and not all(named[m.start() : m.end()]):
                bad.append(m.group())
    return bad


# --- names ------------------------------------------------------------------------------------
# "given | family" per language; "Roman=Native" where the language has its own script.
_NAME_DATA: dict[str, tuple[str, str]] = {
    "en": (
        "Oliver, Charlotte, Harry, Amelia, George, Isla, Jack, Grace, Rose, Hope, Mark, Ivy, "
        "Dawn, Bethany, Callum, Megan, Nathan, Chloe, Stuart, Wendy",
        "Smith, Baker, Young, Walker, Hughes, Fletcher, Thornton, O'Brien, McCarthy, Whitfield, "
        "Ashworth, Pennington, Green, Hunter, Cartwright, Holloway",
    ),
    "ga": (
        "Siobhán, Declan, Niamh, Aoife, Ciarán, Saoirse, Oisín, Róisín",
        "Ó Súilleabháin, Murphy, Gallagher, Ní Bhriain, Byrne, Kavanagh, Doherty, Quinlan",
    ),
    "de": (
        "Lukas, Jonas, Leonie, Hannah, Jürgen, Sören, Anke, Birgit, Matthias, Käthe, Wolfgang, "
        "Greta, Uwe, Friederike",
        "Müller, Schröder, Weiß, Koch, Vogel, Fuchs, Hoffmann, Krämer, Groß, Zimmermann, Löwe, "
        "Becker, Schäfer, Brandt",
    ),
    "fr": (
        "Élodie, Théo, Maëlle, Benoît, Françoise, Loïc, Camille, Hélène, Gaëtan, Margaux, "
        "Noémie, Jérôme, Anaïs, Yannick",
        "Lefèvre, Dubois, Moreau, Girard, Bonnet, Chevalier, Faure, Rousseau, Petit, Blanc, "
        "Gauthier, Leroux, Mercier, Béranger",
    ),
    "es": (
        "Alejandro, Lucía, Mónica, Íñigo, Begoña, Joaquín, Pilar, Rocío, Sergio, Ainhoa, "
        "Álvaro, Nerea, Paz, Luz",
        "García, Fernández, Núñez, Muñoz, Ibáñez, Castillo, Ortega, Blanco, Serrano, Delgado, "
        "Carrasco, Peña, Aguilar, Rosales",
    ),
    "it": (
        "Giulia, Matteo, Chiara, Niccolò, Federica, Lorenzo, Ilaria, Gianluca, Beatrice, "
        "Sabrina, Fortunato, Ludovica",
        "Bianchi, Esposito, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, "
        "De Luca, Mancini, Lombardi, Barbieri",
    ),
    "pt": (
        "João, Inês, Gonçalo, Conceição, Tiago, Beatriz, Luís, Mariana, Vitória, Thiago, "
        "Gabriela, Rafaela",
        "Gonçalves, Araújo, Magalhães, Simões, Pereira, Carvalho, Rodrigues, Azevedo, Cardoso, "
        "Ribeiro, Fonseca, Oliveira",
    ),
    "tr": (
        "Mehmet, Ayşe, Çağla, Gökhan, Şebnem, İbrahim, Özge, Burak, Deniz, Umut, Barış, Yağmur, "
        "Emre, Elif",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, Kılıç, Koç, "
        "Güneş, Aksoy",
    ),
    "nl": (
        "Sanne, Daan, Femke, Joost, Maartje, Bram, Lieke, Thijs, Anouk, Ruud, Ilse, Sjoerd",
        "de Vries, van Dijk, Bakker, Visser, de Boer, Jansen, van den Berg, Mulder, Smit, "
        "Kuipers, Meijer, de Graaf",
    ),
    "pl": (
        "Zofia, Łukasz, Małgorzata, Grzegorz, Agnieszka, Wojciech, Katarzyna, Paweł, Jadwiga, "
        "Bartłomiej, Ewa, Krzysztof",
        "Nowak, Kowalska, Wiśniewski, Wójcik, Kamińska, Lewandowski, Zieliński, Szymańska, "
        "Dąbrowski, Kozłowska, Jankowski, Mazur",
    ),
    "da": (
        "Søren, Mette, Rasmus, Signe, Mads, Freja, Kasper, Ida, Bjørn, Astrid",
        "Jørgensen, Nielsen, Sørensen, Rasmussen, Kristensen, Mikkelsen, Thomsen, Holm, Dahl",
    ),
    "fi": (
        "Aino, Eero, Päivi, Jussi, Sanna, Mikko, Tuulikki, Väinö, Kaisa, Juha",
        "Virtanen, Mäkinen, Korhonen, Nieminen, Hämäläinen, Järvinen, Heikkinen, Lehtonen, Kivelä",
    ),
    "sk": (
        "Zuzana, Ľubomír, Katarína, Štefan, Jana, Matúš, Lucia, Dušan",
        "Kováčová, Varga, Tóthová, Baláž, Šimko, Kučera, Hudáková, Ďuriš",
    ),
    "cs": (
        "Jiří, Tereza, Ondřej, Kateřina, Veronika, Radek, Barbora, Vojtěch",
        "Dvořák, Novotná, Svoboda, Černý, Procházková, Kučerová, Veselý, Horáková",
    ),
    "hu": (
        "Zsófia, Bence, Katalin, Gergely, Ildikó, Levente, Réka, Árpád",
        "Nagy, Kovács, Tóth, Szabó, Kiss, Fekete, Szűcs, Farkas",
    ),
    "hr": (
        "Ivana, Matej, Marija, Josip, Petra, Luka, Tomislav, Nikolina",
        "Horvat, Kovačević, Babić, Marić, Jurić, Knežević, Vuković, Perić",
    ),
    "ro": (
        "Ioana, Andrei, Mihaela, Răzvan, Ștefania, Bogdan, Raluca, Cătălin",
        "Popescu, Ionescu, Dumitrescu, Stănescu, Constantinescu, Munteanu, Țurcanu, Bălan",
    ),
    "lt": (
        "Rūta, Mantas, Gintarė, Tomas, Aušra, Darius, Eglė, Vytautas",
        "Kazlauskas, Jankauskienė, Petrauskas, Stankevičius, Vasiliauskaitė, Žukauskas, Butkus",
    ),
    "sr": (
        "Milica=Милица, Nikola=Никола, Jelena=Јелена, Dragan=Драган, Snežana=Снежана, "
        "Vuk=Вук, Tijana=Тијана, Stefan=Стефан",
        "Jovanović=Јовановић, Petrović=Петровић, Nikolić=Николић, Đorđević=Ђорђевић, "
        "Stojanović=Стојановић, Ilić=Илић, Marković=Марковић",
    ),
    "bg": (
        "Georgi=Георги, Desislava=Десислава, Ivaylo=Ивайло, Tsvetelina=Цветелина, "
        "Hristo=Христо, Yordanka=Йорданка, Kaloyan=Калоян",
        "Dimitrov=Димитров, Ivanova=Иванова, Petkov=Петков, Georgieva=Георгиева, "
        "Todorov=Тодоров, Stoyanova=Стоянова, Kolev=Колев",
    ),
    "el": (
        "Giorgos=Γιώργος, Eleni=Ελένη, Dimitris=Δημήτρης, Katerina=Κατερίνα, Nikos=Νίκος, "
        "Sofia=Σοφία, Yannis=Γιάννης, Vasiliki=Βασιλική",
        "Papadopoulos=Παπαδόπουλος, Georgiou=Γεωργίου, Konstantinou=Κωνσταντίνου, "
        "Nikolaidou=Νικολαΐδου, Oikonomou=Οικονόμου, Karagianni=Καραγιάννη, Pappas=Παππάς",
    ),
    "ru": (
        "Dmitry=Дмитрий, Yekaterina=Екатерина, Aleksei=Алексей, Natalya=Наталья, "
        "Sergei=Сергей, Olga=Ольга, Mikhail=Михаил, Svetlana=Светлана, Artyom=Артём",
        "Smirnov=Смирнов, Kuznetsova=Кузнецова, Popov=Попов, Sokolova=Соколова, "
        "Lebedev=Лебедев, Morozova=Морозова, Volkov=Волков, Fyodorov=Фёдоров",
    ),
    "uk": (
        "Oleksandr=Олександр, Olena=Олена, Taras=Тарас, Iryna=Ірина, Bohdan=Богдан, "
        "Oksana=Оксана, Yuliia=Юлія, Andriy=Андрій",
        "Shevchenko=Шевченко, Kovalenko=Коваленко, Bondarenko=Бондаренко, "
        "Tkachenko=Ткаченко, Kravchuk=Кравчук, Melnyk=Мельник, Hnatyuk=Гнатюк",
    ),
    "he": (
        "Noa=נועה, Itai=איתי, Yael=יעל, Amit=עמית, Tamar=תמר, Yosef=יוסף, Shira=שירה, Eitan=איתן",
        "Cohen=כהן, Levi=לוי, Mizrahi=מזרחי, Peretz=פרץ, Biton=ביטון, Friedman=פרידמן, "
        "Shapiro=שפירא",
    ),
    "ar": (
        "Mohammed=محمد, Fatima=فاطمة, Omar=عمر, Layla=ليلى, Youssef=يوسف, Noor=نور, "
        "Khalid=خالد, Aisha=عائشة, Hamza=حمزة, Mariam=مريم",
        "Al-Mansouri=المنصوري, Haddad=حداد, Khalil=خليل, Nasser=ناصر, Al-Farsi=الفارسي, "
        "Saleh=صالح, Hashem=هاشم",
    ),
    "fa": (
        "Reza=رضا, Maryam=مریم, Arash=آرش, Shirin=شیرین, Dariush=داریوش, Parisa=پریسا, "
        "Kaveh=کاوه, Niloufar=نیلوفر",
        "Hosseini=حسینی, Ahmadi=احمدی, Karimi=کریمی, Rahimi=رحیمی, Moradi=مرادی, "
        "Jafari=جعفری, Sadeghi=صادقی",
    ),
    "ur": (
        "Ayesha=عائشہ, Bilal=بلال, Zainab=زینب, Usman=عثمان, Hina=حنا, Faisal=فیصل, Imran=عمران",
        "Qureshi=قریشی, Chaudhry=چودھری, Malik=ملک, Siddiqui=صدیقی, Javed=جاوید, Akhtar=اختر",
    ),
    "hi": (
        "Priya=प्रिया, Rahul=राहुल, Ananya=अनन्या, Vikram=विक्रम, Sunita=सुनीता, "
        "Arjun=अर्जुन, Kavya=काव्या, Rohan=रोहन",
        "Sharma=शर्मा, Verma=वर्मा, Gupta=गुप्ता, Iyer=अय्यर, Singh=सिंह, Joshi=जोशी, Reddy=रेड्डी",
    ),
    "bn": (
        "Tanvir=তানভীর, Nusrat=নুসরাত, Arif=আরিফ, Sharmin=শারমিন, Rakib=রাকিব, "
        "Farzana=ফারজানা, Sabbir=সাব্বির, Mousumi=মৌসুমী",
        "Rahman=রহমান, Hossain=হোসেন, Chowdhury=চৌধুরী, Akter=আক্তার, Sarker=সরকার, "
        "Mondal=মণ্ডল, Bhattacharya=ভট্টাচার্য",
    ),
    "th": (
        "Somchai=สมชาย, Ploy=พลอย, Nattapong=ณัฐพงศ์, Siriporn=ศิริพร, Anan=อนันต์, "
        "Kanya=กัญญา, Thanawat=ธนวัฒน์, Malee=มาลี",
        "Saetang=แซ่ตั้ง, Srisuk=ศรีสุข, Wongsa=วงศา, Chaiyaporn=ชัยพร, Boonmee=บุญมี, Thongdee=ทองดี",
    ),
    "zh": (
        "Wei=伟, Fang=芳, Xiuying=秀英, Jing=静, Haoran=浩然, Yuxuan=宇轩, Zihan=子涵, "
        "Mingyu=明宇, Xinyi=欣怡, Jianguo=建国",
        "Wang=王, Zhang=张, Liu=刘, Chen=陈, Yang=杨, Huang=黄, Zhou=周, Sun=孙, Zhao=赵",
    ),
    "yue": (
        "Ka Yan=嘉欣, Wing Sze=詠詩, Chi Keung=志強, Siu Ming=小明, Man Wai=文慧, "
        "Ho Yin=浩賢, Hiu Tung=曉彤, Kwok Wai=國偉",
        "Chan=陳, Wong=黃, Leung=梁, Cheung=張, Lau=劉, Tsang=曾, Yip=葉, Kwok=郭",
    ),
    "ko": (
        "Min-jun=민준, Seo-yeon=서연, Ji-hoon=지훈, Ha-eun=하은, Do-yoon=도윤, Su-bin=수빈, "
        "Hyun-woo=현우, Ye-jin=예진",
        "Kim=김, Lee=이, Park=박, Choi=최, Jung=정, Kang=강, Yoon=윤, Han=한",
    ),
    "ja": (
        "Haruto=陽翔, Yui=結衣, Sōta=蒼太, Hina=陽菜, Ren=蓮, Sakura=さくら, Kenji=健二, "
        "Yūki=由紀, Aoi=葵, Mei=めい, Kaori=かおり",
        "Satō=佐藤, Suzuki=鈴木, Takahashi=高橋, Tanaka=田中, Watanabe=渡辺, Itō=伊藤, "
        "Yamamoto=山本, Nakamura=中村, Kobayashi=小林",
    ),
    "vi": (
        "Minh Anh, Thu Trang, Quốc Bảo, Thị Hương, Đức Huy, Ngọc Lan, Văn Hùng, Hải Yến",
        "Nguyễn, Trần, Phạm, Hoàng, Phan, Vũ, Đặng, Bùi",
    ),
    "am": (
        "Abebe=አበበ, Selam=ሰላም, Tigist=ትዕግስት, Dawit=ዳዊት, Meron=ሜሮን, Yohannes=ዮሐንስ, Bereket=በረከት",
        "Kebede=ከበደ, Tesfaye=ተስፋዬ, Girma=ግርማ, Alemu=ዓለሙ, Bekele=በቀለ, Mengistu=መንግሥቱ",
    ),
    "ha": (
        "Aminu, Hauwa, Abubakar, Zainab, Musa, Binta, Sani, Halima",
        "Bello, Abdullahi, Danjuma, Garba, Lawal, Sule, Yakubu, Tanko",
    ),
    "zu": (
        "Thandiwe, Sipho, Nomvula, Bongani, Lindiwe, Themba, Zanele, Mandla",
        "Dlamini, Nkosi, Ndlovu, Mkhize, Khumalo, Ngcobo, Mthembu, Zungu",
    ),
    "sw": (
        "Wanjiru, Achieng, Kiprono, Njeri, Baraka, Neema, Wekesa, Akinyi",
        "Kamau, Mwangi, Odhiambo, Kiprotich, Wafula, Chebet, Njoroge, Omondi",
    ),
    "qu": (
        "Inti, Killa, Amaru, Sisa, Nina, Wayra, Kusi, Sumaq",
        "Mamani, Quispe, Huamán, Condori, Ccori, Choque, Huarachi, Yupanqui",
    ),
    "tl": (
        "Maricel, Jomar, Rowena, Jericho, Lovely, Princess, Marites, Rodel, Analyn",
        "dela Cruz, Santos, Reyes, Bautista, Mendoza, Villanueva, Macaraeg, Dimaculangan, "
        "Tolentino",
    ),
    "ms": (
        "Aisyah, Hafiz, Nurul, Azlan, Farah, Syafiq, Siti, Amirul",
        "Ismail, Hashim, Abdullah, Ibrahim, Yusof, Othman, Razak, Mahmud",
    ),
}
FAMILY_FIRST = {"zh", "yue", "ko", "ja", "vi", "hu"}
UNSPACED_NATIVE = {"zh", "yue", "ko", "ja"}
LANGS = tuple(_NAME_DATA)


@dataclass(frozen=True)
class NamePart:
    roman: str
    native: str = ""


def _parts(chunk: str) -> list[NamePart]:
    out = []
    for entry in chunk.split(","):
        roman, _, native = entry.strip().partition("=")
        out.append(NamePart(roman, native))
    return out


NAMES: dict[str, tuple[list[NamePart], list[NamePart]]] = {
    lang: (_parts(g), _parts(f)) for lang, (g, f) in _NAME_DATA.items()
}

# Where a language's speakers live (phone region first, then e-mail home).
HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "AU", "NZ", "CA", "IE"),
    "ga": ("IE",),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH", "CA"),
    "es": ("ES", "MX", "CO", "CL", "AR", "PE"),
    "it": ("IT",),
    "pt": ("PT", "BR"),
    "tr": ("TR",),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "da": ("DK",),
    "fi": ("FI",),
    "sk": ("SK",),
    "cs": ("CZ",),
    "hu": ("HU",),
    "hr": ("HR",),
    "ro": ("RO", "MD"),
    "lt": ("LT",),
    "sr": ("RS",),
    "bg": ("BG",),
    "el": ("GR", "CY"),
    "ru": ("RU", "KZ"),
    "uk": ("UA",),
    "he": ("IL",),
    "ar": ("AE", "SA", "EG", "JO", "QA", "MA"),
    "fa": ("IR",),
    "ur": ("PK",),
    "hi": ("IN",),
    "bn": ("BD", "IN"),
    "th": ("TH",),
    "zh": ("CN", "SG", "TW"),
    "yue": ("HK",),
    "ko": ("KR",),
    "ja": ("JP",),
    "vi": ("VN",),
    "am": ("ET",),
    "ha": ("NG",),
    "zu": ("ZA",),
    "sw": ("KE", "TZ"),
    "qu": ("PE", "BO"),
    "tl": ("PH",),
    "ms": ("MY", "SG"),
}


@dataclass
class Who:
    lang: str
    given: NamePart
    family: NamePart

    def parts(self, native: bool = False) -> tuple[str, str]:
        if native and self.given.native and self.family.native:
            return self.given.native, self.family.native
        return self.given.roman, self.family.roman

    @property
    def has_native(self) -> bool:
        return bool(self.given.native and self.family.native)


def make_who(rng: random.Random, lang: str) -> Who:
    given, family = NAMES[lang]
    return Who(lang, rng.choice(given), rng.choice(family))


# --- cues, in the person's language ----------------------------------------------------------
# {g} given, {f} family, {n} the full name in the language's order. A template with letters of
# the language's own script takes the native spelling.
CUES: dict[str, dict[str, list[str]]] = {
    "en": {
        "cue": [
            "hi, my name is {n} and",
            "Hello! I'm {g} {f},",
            "this is {g} from accounts -",
            "name's {g}, btw.",
            "It's {g} again 🙂",
            "{g} {f} here,",
        ],
        "signoff": ["Cheers,\n{g}", "Kind regards,\n{n}", "Thanks again!\n— {g}", "Best, {g}"],
        "greet": ["Hi {g},", "Good morning {g}!", "Dear {n},", "Hey {g} 👋"],
        "relation": [
            "my husband {g} {f} made the booking",
            "my daughter {g} will pick it up",
            "I'm writing for my mum, {n}.",
        ],
        "handoff": [
            "I'll pass you over to {g} from billing.",
            "{g} will take it from here.",
            "Transferring you to my colleague {n}.",
        ],
        "said": [
            "{g} told me on the phone that",
            "according to {n} it was shipped",
            "your agent {g} said",
        ],
        "title": ["Dear Ms {f},", "Mr {f} asked us to", "Dr. {f} signed off on"],
    },
    "ga": {
        "cue": ["Dia duit, is mise {g}.", "{g} {f} is ainm dom,"],
        "signoff": ["Go raibh maith agat,\n{n}", "Le meas,\n{g}"],
        "greet": ["A {g}, a chara,", "Dia duit {g},"],
    },
    "de": {
        "cue": [
            "Hallo, ich heiße {g} {f} und",
            "mein Name ist {n},",
            "Hier ist {g},",
            "Ich bin {g} aus der Buchhaltung,",
            "Guten Tag, {n} hier.",
        ],
        "signoff": ["Viele Grüße\n{g}", "Mit freundlichen Grüßen\n{n}", "LG {g}", "Gruß, {g}"],
        "greet": ["Hallo {g},", "Liebe {g},", "Sehr geehrte Frau {f},", "Moin {g}!"],
        "relation": [
            "mein Mann {g} hat bestellt",
            "meine Tochter {g} {f} holt es ab",
            "meine Kollegin {n} hat",
        ],
        "handoff": ["Ich verbinde Sie mit {g} aus dem Vertrieb.", "{g} übernimmt ab hier."],
        "said": ["{g} meinte am Telefon, dass", "laut Herrn {f} ist das erledigt"],
        "title": ["Sehr geehrter Herr {f},", "Frau Dr. {f} hat"],
    },
    "fr": {
        "cue": [
            "Bonjour, je m'appelle {n} et",
            "moi c'est {g},",
            "Ici {g} {f} :",
            "je suis {g}, de la compta.",
        ],
        "signoff": ["Cordialement,\n{n}", "Bien à vous,\n{g}", "Merci d'avance, {g}", "Bises, {g}"],
        "greet": ["Bonjour {g},", "Chère {g},", "Salut {g} !", "Madame {f},"],
        "relation": ["ma femme {g} a passé la commande", "mon fils {g} {f} viendra la chercher"],
        "handoff": ["Je vous transfère à {g} du service client.", "{g} prend le relais."],
        "said": ["{g} m'a dit que", "d'après {n}, le colis est parti"],
        "title": ["Madame {f},", "M. {f} a demandé"],
    },
    "es": {
        "cue": ["Hola, me llamo {n} y", "soy {g} {f},", "mi nombre es {g},", "Buenas, habla {g}."],
        "signoff": ["Saludos,\n{n}", "Un abrazo,\n{g}", "Gracias, {g}", "Atentamente,\n{n}"],
        "greet": ["Hola {g},", "Estimada {g}:", "Buenos días, {g}.", "Querido {g},"],
        "relation": ["mi esposa {g} hizo el pedido", "mi hermano {n} lo recoge"],
        "handoff": ["Le paso con {g}, de facturación.", "{g} seguirá con su caso."],
        "said": ["{g} me dijo que", "según {n} ya estaba enviado"],
        "title": ["Sr. {f}:", "la Sra. {f} pidió"],
    },
    "it": {
        "cue": ["Ciao, mi chiamo {n} e", "sono {g} {f},", "Buongiorno, sono {g}."],
        "signoff": ["Cordiali saluti,\n{n}", "Grazie mille,\n{g}", "Un saluto, {g}"],
        "greet": ["Ciao {g},", "Gentile {n},", "Buonasera {g}!"],
        "relation": ["mia moglie {g} ha ordinato", "mio figlio {g} {f} passa a ritirarlo"],
        "handoff": ["La passo a {g} dell'assistenza.", "{g} seguirà la pratica."],
        "said": ["{g} mi ha detto che", "secondo {n} era già partito"],
        "title": ["Gentile Sig.ra {f},", "il Dott. {f} ha firmato"],
    },
    "pt": {
        "cue": ["Olá, meu nome é {n} e", "sou {g} {f},", "aqui é {g},", "chamo-me {g}."],
        "signoff": ["Atenciosamente,\n{n}", "Abraços,\n{g}", "Obrigada, {g}", "Cumprimentos,\n{n}"],
        "greet": ["Olá {g},", "Bom dia, {g}!", "Prezada {n},", "Oi {g}"],
        "relation": ["minha esposa {g} fez o pedido", "meu filho {n} vai buscar"],
        "handoff": ["Vou transferir para {g}, do financeiro.", "{g} continua o atendimento."],
        "said": ["{g} me falou que", "segundo {n} já foi enviado"],
        "title": ["Sr. {f},", "a Sra. {f} pediu"],
    },
    "tr": {
        "cue": ["Merhaba, ben {g} {f},", "adım {g},", "Benim adım {n}.", "ben {g}, siparişim"],
        "signoff": ["Saygılarımla,\n{n}", "Teşekkürler,\n{g}", "İyi çalışmalar, {g}"],
        "greet": ["Merhaba {g} Hanım,", "Sayın {n},", "Selam {g}!", "Merhaba {g} Bey,"],
        "relation": ["eşim {g} sipariş verdi", "kızım {g} {f} teslim alacak"],
        "handoff": ["Sizi muhasebeden {g} ile görüştürüyorum.", "{g} devralacak."],
        "said": ["{g} telefonda dedi ki", "{n} söyledi:"],
    },
    "nl": {
        "cue": ["Hoi, ik ben {g} {f} en", "mijn naam is {n},", "Met {g},", "ik heet {g}."],
        "signoff": ["Met vriendelijke groet,\n{n}", "Groetjes,\n{g}", "Gr. {g}", "Dank je, {g}"],
        "greet": ["Hoi {g},", "Beste {n},", "Goedemorgen {g}!"],
        "relation": ["mijn vrouw {g} heeft besteld", "mijn zoon {n} haalt het op"],
        "handoff": ["Ik verbind je door met {g} van de administratie.", "{g} neemt het over."],
        "said": ["{g} zei aan de telefoon dat", "volgens {n} was het verstuurd"],
        "title": ["Geachte mevrouw {f},", "Dhr. {f} vroeg"],
    },
    "pl": {
        "cue": [
            "Dzień dobry, nazywam się {n} i",
            "jestem {g} {f},",
            "mam na imię {g},",
            "Tu {g}, ",
        ],
        "signoff": ["Pozdrawiam,\n{n}", "Z poważaniem,\n{n}", "Dzięki, {g}"],
        "greet": ["Cześć {g},", "Szanowna Pani {f},", "Dzień dobry, {g}!"],
        "relation": ["mój mąż {g} złożył zamówienie", "moja córka {n} odbierze paczkę"],
        "handoff": ["Przekazuję rozmowę do {g} z działu płatności.", "{g} przejmie sprawę."],
        "said": ["{g} powiedział mi, że", "według {n} paczka wyszła"],
        "title": ["Pan {f} prosił", "Pani {f},"],
    },
    "da": {
        "cue": ["Hej, jeg hedder {n} og", "mit navn er {g},", "det er {g} {f} her."],
        "signoff": ["Venlig hilsen\n{n}", "Mvh {g}", "Tak, {g}"],
        "greet": ["Hej {g},", "Kære {n},"],
        "relation": ["min kone {g} har bestilt"],
        "said": ["{g} sagde at"],
    },
    "fi": {
        "cue": ["Moi, olen {g} {f} ja", "nimeni on {n},", "tässä {g},"],
        "signoff": ["Ystävällisin terveisin\n{n}", "Kiitos, {g}", "T. {g}"],
        "greet": ["Hei {g},", "Hyvä {n},"],
        "handoff": ["Laskutuksesta {g} jatkaa tästä."],
    },
    "sk": {
        "cue": ["Dobrý deň, volám sa {n} a", "som {g} {f},"],
        "signoff": ["S pozdravom\n{n}", "Ďakujem, {g}"],
        "greet": ["Ahoj {g},", "Vážená pani {f},"],
        "relation": ["moja manželka {g} objednala"],
    },
    "cs": {
        "cue": ["Dobrý den, jmenuji se {n} a", "jsem {g} {f},", "tady {g},"],
        "signoff": ["S pozdravem\n{n}", "Díky, {g}"],
        "greet": ["Ahoj {g},", "Vážený pane {f},"],
        "said": ["{g} mi řekl, že"],
    },
    "hu": {
        "cue": ["Jó napot, {n} vagyok, és", "a nevem {n},", "{f} {g} vagyok."],
        "signoff": ["Üdvözlettel:\n{n}", "Köszönöm, {g}"],
        "greet": ["Kedves {g}!", "Szia {g},", "Tisztelt {n}!"],
    },
    "hr": {
        "cue": ["Bok, ja sam {g} {f} i", "zovem se {n},"],
        "signoff": ["Lijep pozdrav,\n{n}", "Hvala, {g}"],
        "greet": ["Poštovana {n},", "Bok {g},"],
        "relation": ["moj suprug {g} je naručio"],
    },
    "ro": {
        "cue": ["Bună ziua, mă numesc {n} și", "sunt {g} {f},", "numele meu este {g}."],
        "signoff": ["Cu stimă,\n{n}", "Mulțumesc, {g}"],
        "greet": ["Bună {g},", "Stimată doamnă {f},"],
        "said": ["{g} mi-a spus că"],
    },
    "lt": {
        "cue": ["Laba diena, mano vardas {g}, pavardė {f}.", "aš esu {g} {f},"],
        "signoff": ["Pagarbiai,\n{n}", "Ačiū, {g}"],
        "greet": ["Sveiki, {g},", "Gerb. {n},"],
    },
    "sr": {
        "cue": ["Zdravo, zovem se {n} i", "ja sam {g} {f},", "Зовем се {n} и", "Ја сам {g},"],
        "signoff": ["Srdačan pozdrav,\n{n}", "Поздрав,\n{n}", "Hvala, {g}"],
        "greet": ["Поштована {n},", "Zdravo {g},"],
        "relation": ["моја супруга {g} је наручила"],
    },
    "bg": {
        "cue": ["Здравейте, казвам се {n} и", "аз съм {g} {f},", "Zdraveyte, kazvam se {n},"],
        "signoff": ["Поздрави,\n{n}", "Благодаря, {g}", "Pozdravi,\n{g}"],
        "greet": ["Здравей, {g},", "Уважаема г-жо {f},"],
        "handoff": ["Прехвърлям ви към {g} от счетоводството."],
    },
    "el": {
        "cue": ["Γεια σας, με λένε {n} και", "είμαι ο {g} {f},", "Geia sas, me lene {g},"],
        "signoff": ["Με εκτίμηση,\n{n}", "Ευχαριστώ, {g}", "Filika,\n{g}"],
        "greet": ["Καλημέρα {g},", "Αγαπητή κυρία {f},"],
        "said": ["ο {g} μου είπε ότι"],
    },
    "ru": {
        "cue": [
            "Здравствуйте, меня зовут {n},",
            "Это {g} {f},",
            "Privet, menya zovut {g},",
            "я {g}, по поводу заказа",
        ],
        "signoff": ["С уважением,\n{n}", "Спасибо, {g}", "S uvazheniem,\n{n}"],
        "greet": ["Здравствуйте, {g}!", "Уважаемая {n},", "Привет, {g} 🙂"],
        "relation": ["мой муж {g} оформил заказ", "моя дочь {n} заберёт посылку"],
        "handoff": ["Передаю вас коллеге {g} из бухгалтерии.", "{g} продолжит с вами."],
        "said": ["{g} сказал по телефону, что", "по словам {n}, всё отправлено"],
        "title": ["Господин {f} просил", "г-жа {f},"],
    },
    "uk": {
        "cue": ["Добрий день, мене звати {n},", "Це {g} {f},", "mene zvaty {g},"],
        "signoff": ["З повагою,\n{n}", "Дякую, {g}"],
        "greet": ["Вітаю, {g}!", "Шановна {n},"],
        "relation": ["моя дружина {g} замовила"],
        "said": ["{g} сказала, що"],
    },
    "he": {
        "cue": [
            "שלום, שמי {n} ו",
            "אני {g} {f},",
            "Shalom, ani {g},",
            "hi, I'm {g} {f} from Haifa,",
        ],
        "signoff": ["בברכה,\n{n}", "תודה, {g}", "Toda,\n{g}"],
        "greet": ["שלום {g},", "היי {g}!"],
        "relation": ["אשתי {g} הזמינה"],
    },
    "ar": {
        "cue": ["مرحبا، اسمي {n} و", "أنا {g} {f}،", "Marhaba, ismi {g},", "salam, ana {g} {f}"],
        "signoff": ["مع التحية،\n{n}", "شكرا، {g}", "Shukran,\n{g}"],
        "greet": ["أهلا {g}،", "عزيزتي {n}،", "Ahlan {g},"],
        "relation": ["زوجي {g} قام بالطلب"],
        "handoff": ["سأحولك إلى {g} من قسم الفواتير."],
        "said": ["قال لي {g} إن"],
    },
    "fa": {
        "cue": ["سلام، اسم من {n} است و", "من {g} {f} هستم،", "Salam, esm-e man {g} ast,"],
        "signoff": ["با احترام،\n{n}", "ممنون، {g}"],
        "greet": ["سلام {g} جان،", "{g} عزیز،"],
    },
    "ur": {
        "cue": ["السلام علیکم، میرا نام {n} ہے اور", "Assalam o alaikum, mera naam {g} {f} hai,"],
        "signoff": ["شکریہ،\n{n}", "Shukriya,\n{g}"],
        "greet": ["{g} صاحب،", "Janab {f},"],
        "relation": ["meri behan {g} ne order kiya"],
    },
    "hi": {
        "cue": [
            "नमस्ते, मेरा नाम {n} है और",
            "Namaste, mera naam {g} {f} hai,",
            "main {g} bol raha hoon,",
        ],
        "signoff": ["धन्यवाद,\n{n}", "Regards,\n{g} {f}", "Thanks & regards,\n{n}"],
        "greet": ["नमस्ते {g} जी,", "Dear {g} ji,", "Hi {g},"],
        "relation": ["meri wife {g} ne booking ki thi", "my brother-in-law {n} will collect"],
        "said": ["{g} ji ne bola ki"],
    },
    "bn": {
        "cue": ["নমস্কার, আমার নাম {n},", "Amar naam {g} {f},", "আমি {g} বলছি,"],
        "signoff": ["ধন্যবাদ,\n{n}", "Dhonnobad,\n{g}"],
        "greet": ["প্রিয় {g},", "Hello {g} bhai,"],
    },
    "th": {
        "cue": ["สวัสดีค่ะ ดิฉันชื่อ {n} ", "ผมชื่อ {g} {f} ครับ", "Sawasdee krub, phom chue {g}"],
        "signoff": ["ขอบคุณค่ะ\n{n}", "ขอแสดงความนับถือ\n{n}", "Khob khun krub, {g}"],
        "greet": ["สวัสดีคุณ{g}", "เรียน คุณ{n}", "Khun {g},"],
    },
    "zh": {
        "cue": [
            "你好，我叫{n}，",
            "我是{n}，订单",
            "Ni hao, wo jiao {n},",
            "hi, this is {g} {f} from Shenzhen",
        ],
        "signoff": ["谢谢！\n{n}", "此致\n{n}", "Best,\n{g} {f}"],
        "greet": ["{n}你好，", "您好，{n}：", "Hi {g},"],
        "said": ["{n}说", "according to {f} {g}"],
    },
    "yue": {
        "cue": ["你好，我係{n}，", "我叫{n}。", "Hi, I'm {g} {f},", "Hello, this is {f} {g}"],
        "signoff": ["唔該晒\n{n}", "Thanks,\n{g} {f}"],
        "greet": ["{n}你好，", "Dear Mr {f},", "Hi {g},"],
    },
    "ko": {
        "cue": ["안녕하세요, 저는 {n}입니다.", "{n}라고 합니다.", "Hi, this is {g} {f}."],
        "signoff": ["감사합니다.\n{n} 드림", "Best regards,\n{g} {f}"],
        "greet": ["{n}님, 안녕하세요.", "Dear {f} {g},", "Hi {g},"],
        "handoff": ["{n} 매니저에게 연결해 드리겠습니다."],
    },
    "ja": {
        "cue": ["{n}と申します。", "はじめまして、{n}です。", "Hi, I'm {g} {f} from Osaka."],
        "signoff": ["よろしくお願いいたします。\n{n}", "Regards,\n{g} {f}"],
        "greet": ["{n}様", "{n}さん、こんにちは。", "Dear {f}-san,"],
        "said": ["{n}さんによると、"],
    },
    "vi": {
        "cue": ["Xin chào, tôi tên là {n},", "Em là {g}, ", "Chào shop, mình là {n}."],
        "signoff": ["Trân trọng,\n{n}", "Cảm ơn,\n{g}"],
        "greet": ["Chào chị {g},", "Kính gửi anh {n},"],
        "relation": ["chồng tôi là {n} đã đặt hàng"],
    },
    "am": {
        "cue": ["ሰላም፣ ስሜ {n} ነው።", "Selam, sime {g} new,", "I'm {g} {f} from Addis,"],
        "signoff": ["አመሰግናለሁ\n{n}", "Thanks,\n{g}"],
        "greet": ["ሰላም {g}፣", "Dear {g},"],
    },
    "ha": {
        "cue": ["Sannu, sunana {n},", "Ni ne {g} {f},"],
        "signoff": ["Na gode,\n{n}", "Nagode, {g}"],
        "greet": ["Sannu {g},", "Malam {n},"],
    },
    "zu": {
        "cue": ["Sawubona, igama lami ngu-{g} {f}.", "Mina ngingu-{g},"],
        "signoff": ["Ngiyabonga,\n{n}", "Yimina, {g}"],
        "greet": ["Sawubona {g},", "Sanibonani, {n},"],
    },
    "sw": {
        "cue": ["Habari, jina langu ni {n} na", "Mimi ni {g} {f},", "Naitwa {g}."],
        "signoff": ["Asante,\n{n}", "Wako, {g}"],
        "greet": ["Habari {g},", "Mpendwa {n},", "Sasa {g}!"],
        "relation": ["mke wangu {g} aliagiza"],
    },
    "qu": {
        "cue": ["Allillanchu, ñuqaq sutiyqa {n}.", "Sutiymi {g} {f},", "Imaynalla, {g} kani,"],
        "signoff": ["Sulpayki,\n{n}", "Añay, {g}"],
        "greet": ["Allillanchu {g},", "Munasqa {n},"],
    },
    "tl": {
        "cue": ["Hi po, ako si {n} at", "Ako po si {g} {f},", "si {g} po ito,"],
        "signoff": ["Salamat po,\n{n}", "Ingat, {g}"],
        "greet": ["Hello po Ma'am {g},", "Magandang umaga {g}!", "Sir {f},"],
        "relation": ["yung asawa ko na si {g} ang nag-order", "si Ate {g} ang kukuha"],
        "handoff": ["Ililipat ko po kayo kay {g} ng billing."],
        "said": ["sabi ni {g}"],
    },
    "ms": {
        "cue": ["Hai, nama saya {n} dan", "Saya {g} {f},", "Assalamualaikum, saya {g}."],
        "signoff": ["Terima kasih,\n{n}", "Yang benar,\n{n}"],
        "greet": ["Hai {g},", "Puan {n},", "Encik {f},"],
        "relation": ["suami saya {g} yang buat tempahan"],
    },
}


# --- phones -------------------------------------------------------------------------------------

PHONE_REGIONS = (
    "US",
    "CA",
    "GB",
    "IE",
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "NL",
    "LU",
    "ES",
    "PT",
    "IT",
    "PL",
    "CZ",
    "SK",
    "HU",
    "RO",
    "MD",
    "BG",
    "GR",
    "CY",
    "TR",
    "DK",
    "SE",
    "NO",
    "FI",
    "EE",
    "LV",
    "LT",
    "HR",
    "RS",
    "SI",
    "UA",
    "RU",
    "KZ",
    "IL",
    "AE",
    "SA",
    "QA",
    "JO",
    "EG",
    "MA",
    "NG",
    "KE",
    "TZ",
    "ZA",
    "ET",
    "IN",
    "PK",
    "BD",
    "IR",
    "TH",
    "VN",
    "MY",
    "SG",
    "PH",
    "CN",
    "HK",
    "TW",
    "JP",
    "KR",
    "AU",
    "NZ",
    "BR",
    "AR",
    "CL",
    "CO",
    "PE",
    "BO",
    "MX",
)
PRESSED = (
    "PH",
    "EG",
    "PK",
    "VN",
    "KE",
    "CL",
    "CO",
    "IL",
    "AE",
    "SA",
    "TH",
    "MY",
    "NZ",
    "IE",
    "DK",
    "FI",
)
_EXAMPLES: dict[tuple[str, int], phonenumbers.PhoneNumber] = {}


def _example(region: str, kind: int) -> phonenumbers.PhoneNumber:
    key = (region, kind)
    if key not in _EXAMPLES:
        num = phonenumbers.example_number_for_type(region, kind)
        if num is None:
            num = phonenumbers.example_number(region)
        _EXAMPLES[key] = num
    return _EXAMPLES[key]


def valid_number(rng: random.Random, region: str, mobile: bool = True) -> phonenumbers.PhoneNumber:
    """The region's example number with its tail redrawn until it is valid again."""
    ex = _example(region, PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE)
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(60):
        keep = max(2, len(nsn) - rng.randint(4, 6))
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse(f"+{ex.country_code}{cand}", None)
        if phonenumbers.is_valid_number(num) and cand != nsn:
            return num
    return ex


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """A number of the region's country code that is possible but not valid."""
    ex = _example(region, PhoneNumberType.MOBILE)
    n = len(phonenumbers.national_significant_number(ex))
    for _ in range(40):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{ex.country_code}{cand}", None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _groups(num: phonenumbers.PhoneNumber) -> list[str]:
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    return re.split(r"[\s\-]+", intl)[1:]


def _trunk0(region: str) -> bool:
    return region in {
        "GB",
        "DE",
        "AT",
        "CH",
        "NL",
        "BE",
        "IE",
        "TR",
        "IL",
        "NZ",
        "AU",
        "ZA",
        "KE",
        "PH",
        "EG",
        "PK",
        "IN",
        "MY",
        "TH",
        "VN",
        "SA",
        "AE",
        "FI",
    }


def intl_written(rng: random.Random, num: phonenumbers.PhoneNumber, region: str) -> str:
    cc = str(num.country_code)
    groups = _groups(num)
    nsn = phonenumbers.national_significant_number(num)
    style = rng.randrange(9)
    if style == 0:
        return f"+{cc}{nsn}"
    if style == 1:
        return f"+{cc} " + " ".join(groups)
    if style == 2:
        return f"+{cc}-" + "-".join(groups)
    if style == 3:
        return f"+{cc}." + ".".join(groups)
    if style == 4:
        return f"00{cc} " + " ".join(groups)
    if style == 5 and _trunk0(region):
        return f"+{cc} (0){groups[0]} " + " ".join(groups[1:])
    if style == 6:
        return f"(+{cc}) " + " ".join(groups)
    if style == 7 and len(groups) > 1:
        return f"+{cc} ({groups[0]}) " + "-".join(groups[1:])
    return f"+{cc} {nsn[:3]} {nsn[3:]}" if len(nsn) > 6 else f"+{cc} {nsn}"


def national_written(rng: random.Random, num: phonenumbers.PhoneNumber) -> str:
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    style = rng.randrange(4)
    if style == 1:
        return re.sub(r"[\s\-]+", "-", nat).replace("(", "").replace(")", "")
    if style == 2:
        return re.sub(r"[\s\-]+", " ", nat)
    if style == 3 and not re.search(r"\D", nat.replace(" ", "")):
        return nat.replace(" ", "")
    return nat


_EXT = (
    " ext. {}",
    " x{}",
    " (ext. {})",
    ", Durchwahl {}",
    " poste {}",
    ", int. {}",
    " dahili {}",
    " wewn. {}",
    " loc. {}",
)


def a_phone(rng: random.Random, region: str | None = None, spot: str = "") -> Items:
    """One phone number as written, with an extension after it now and then."""
    region = region or (rng.choice(PRESSED) if rng.random() < 0.35 else rng.choice(PHONE_REGIONS))
    r = rng.random()
    if r < 0.12:
        un = unassigned_number(rng, region)
        if un is not None:
            return [Put("phone", intl_written(rng, un, region), f"phone/unassigned-{region}", spot)]
    num = valid_number(rng, region, mobile=rng.random() < 0.7)
    if r < 0.3:
        return [Put("phone", national_written(rng, num), f"phone/national-{region}", spot)]
    if r < 0.36:
        return [
            "tel:",
            Put(
                "phone", phonenumbers.format_number(num, PhoneNumberFormat.E164), "phone/tel", spot
            ),
        ]
    if r < 0.41:
        e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
        return ["https://wa.me/", Put("phone", e164[1:], "phone/wa", spot)]
    value = intl_written(rng, num, region)
    if r < 0.5:
        ext = rng.choice(_EXT).format(rng.randint(10, 4999))
        return [Put("phone", value, f"phone/intl-{region}-ext", spot), ext]
    return [Put("phone", value, f"phone/intl-{region}", spot)]


# --- cards ---------------------------------------------------------------------------------------


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()][::-1]
    return (
        sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(ds)) % 10
        == 0
    )


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


# issuer: (prefix ranges "a-b" or single, lengths)
ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 13, 19)),
    "mastercard": (("51-55", "2221-2720"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644-649", "65"), (16,)),
    "jcb": (("3528-3589",), (16,)),
    "diners": (("300-305", "36", "38"), (14,)),
    "unionpay": (("62",), (16, 19)),
    "maestro": (("5018", "5020", "6304", "6759"), (12, 16, 19)),
    "mir": (("2200-2204",), (16,)),
    "troy": (("9792",), (16,)),
    "rupay": (("508", "607", "652"), (16,)),
    "elo": (("636368", "504175"), (16,)),
    "verve": (("5061", "6500"), (16, 19)),
    "hipercard": (("606282",), (16,)),
}


def _issuer_prefix(rng: random.Random, spec: str) -> str:
    if "-" not in spec:
        return spec
    lo, hi = spec.split("-")
    return str(rng.randint(int(lo), int(hi)))


def _group_card(rng: random.Random, pan: str, issuer: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return pan
    sep = rng.choice([" ", " ", "-", "  "])
    if issuer == "amex":
        cuts = [4, 6, 5]
    elif len(pan) == 14:
        cuts = [4, 6, 4]
    else:
        cuts = [4] * (len(pan) // 4) + ([len(pan) % 4] if len(pan) % 4 else [])
    parts, i = [], 0
    for c in cuts:
        parts.append(pan[i : i + c])
        i += c
    return sep.join(parts)


def a_card(rng: random.Random, spot: str = "") -> Put:
    issuer = rng.choice(tuple(ISSUERS))
    prefixes, lengths = ISSUERS[issuer]
    length = rng.choice(lengths)
    pan = luhn_complete(rng, _issuer_prefix(rng, rng.choice(prefixes)), length)
    return Put("card", _group_card(rng, pan, issuer), f"card/{issuer}-{length}", spot)


# --- IBANs --------------------------------------------------------------------------------------
# BBAN layouts: n digits, a upper-case letters, c letters or digits.
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
    "BY": "4c4n16c",
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
    "IQ": "4a3n12n",
    "IS": "4n2n6n10n",
    "IT": "1a5n5n12c",
    "JO": "4a4n18c",
    "KW": "4a22c",
    "KZ": "3n13c",
    "LB": "4n20c",
    "LC": "4a24c",
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
    "SC": "4a2n2n16n3a",
    "SE": "3n16n1n",
    "SI": "5n8n2n",
    "SK": "4n6n10n",
    "SM": "1a5n5n12c",
    "ST": "8n11n2n",
    "SV": "4a20n",
    "TL": "3n14n2n",
    "TN": "2n3n13n2n",
    "TR": "5n1n16c",
    "UA": "6n19c",
    "VA": "3n15n",
    "VG": "4a16n",
    "XK": "4n10n2n",
}
RARE_IBAN = (
    "SA",
    "AE",
    "IL",
    "QA",
    "KZ",
    "MU",
    "SC",
    "JO",
    "KW",
    "BH",
    "PS",
    "LC",
    "ST",
    "TL",
    "GT",
    "SV",
    "MR",
    "IQ",
    "BY",
    "VG",
)


def mod97(s: str) -> int:
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97


def _bban(rng: random.Random, spec: str) -> str:
    out = []
    for n, t in re.findall(r"(\d+)([nac])", spec):
        pool = {"n": string.digits, "a": string.ascii_uppercase}.get(t)
        for _ in range(int(n)):
            if pool is None:  # "c": mostly digits, as real accounts are
                out.append(
                    rng.choice(string.ascii_uppercase if rng.random() < 0.2 else string.digits)
                )
            else:
                out.append(rng.choice(pool))
    return "".join(out)


def iban_compact(rng: random.Random, country: str, valid: bool = True) -> str:
    bban = _bban(rng, IBAN_BBAN[country])
    check = 98 - mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 90)) % 97 + 2
        if mod97(f"{country}{check:02d}{bban}") == 1:
            check = check % 97 + 2
    return f"{country}{check:02d}{bban}"


def iban_grouped(s: str, sep: str = " ") -> str:
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


def a_iban(rng: random.Random, spot: str = "") -> Put:
    country = rng.choice(RARE_IBAN) if rng.random() < 0.3 else rng.choice(tuple(IBAN_BBAN))
    compact = iban_compact(rng, country)
    form = rng.choice(("grouped", "grouped", "compact", "lower", "grouped"))
    value = {
        "grouped": iban_grouped(compact),
        "compact": compact,
        "lower": iban_grouped(compact).lower(),
    }[form]
    return Put("iban", value, f"iban/{country}-{form}", spot)


# --- IPs ----------------------------------------------------------------------------------------


def a_v4(rng: random.Random) -> str:
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast and not str(a).startswith(("0.", "255.")):
            return str(a)


_V6_NETS = (
    "2a00",
    "2a02",
    "2a01",
    "2001:4860",
    "2600",
    "2604",
    "2406",
    "2c0f",
    "2800",
    "2405",
    "2a03",
    "2620",
)


def a_v6(rng: random.Random) -> tuple[str, str]:
    head = rng.choice(_V6_NETS)
    words = head.split(":") + [f"{rng.getrandbits(16):x}" for _ in range(8 - len(head.split(":")))]
    if rng.random() < 0.4:
        words[4:7] = ["0", "0", "0"]
    addr = ipaddress.IPv6Address(":".join(words))
    assert addr.is_global
    style = rng.randrange(3)
    if style == 0:
        return addr.compressed, "v6"
    if style == 1:
        return addr.exploded, "v6-full"
    return addr.compressed.upper(), "v6-upper"


def an_ip(rng: random.Random, ctx: str, spot: str = "", v6: float = 0.35) -> Put:
    if rng.random() < v6:
        value, form = a_v6(rng)
        return Put("ip", value, f"ip/{form}-{ctx}", spot)
    return Put("ip", a_v4(rng), f"ip/v4-{ctx}", spot)


# --- e-mails ------------------------------------------------------------------------------------

MAIL_HOME: dict[str, tuple[str, ...]] = {
    "en": (
        "gmail.com",
        "outlook.com",
        "btinternet.com",
        "hotmail.co.uk",
        "icloud.com",
        "bigpond.com",
        "xtra.co.nz",
    ),
    "ga": ("eircom.net", "gmail.com"),
    "de": ("web.de", "gmx.de", "t-online.de", "gmx.at", "bluewin.ch"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "skynet.be"),
    "es": ("gmail.com", "telefonica.net", "hotmail.es", "yahoo.com.mx"),
    "it": ("libero.it", "alice.it", "tiscali.it"),
    "pt": ("sapo.pt", "uol.com.br", "terra.com.br", "bol.com.br"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "mynet.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "telenet.be"),
    "pl": ("wp.pl", "onet.pl", "o2.pl", "interia.pl"),
    "da": ("mail.dk", "jubii.dk"),
    "fi": ("elisanet.fi", "luukku.com"),
    "sk": ("azet.sk", "zoznam.sk"),
    "cs": ("seznam.cz", "centrum.cz"),
    "hu": ("freemail.hu", "citromail.hu"),
    "hr": ("net.hr", "gmail.com"),
    "ro": ("yahoo.ro", "gmail.com"),
    "lt": ("one.lt", "gmail.com"),
    "sr": ("eunet.rs", "gmail.com"),
    "bg": ("abv.bg", "mail.bg"),
    "el": ("otenet.gr", "yahoo.gr"),
    "ru": ("mail.ru", "yandex.ru", "rambler.ru"),
    "uk": ("ukr.net", "i.ua"),
    "he": ("walla.co.il", "gmail.com"),
    "ar": ("gmail.com", "hotmail.com"),
    "fa": ("chmail.ir", "gmail.com"),
    "ur": ("gmail.com", "yahoo.com"),
    "hi": ("rediffmail.com", "yahoo.co.in"),
    "bn": ("gmail.com", "yahoo.com"),
    "th": ("hotmail.co.th", "gmail.com"),
    "zh": ("qq.com", "163.com", "126.com"),
    "yue": ("netvigator.com", "yahoo.com.hk"),
    "ko": ("naver.com", "daum.net", "hanmail.net"),
    "ja": ("docomo.ne.jp", "yahoo.co.jp", "ezweb.ne.jp"),
    "vi": ("gmail.com", "yahoo.com.vn"),
    "am": ("ethionet.et", "gmail.com"),
    "ha": ("yahoo.com", "gmail.com"),
    "zu": ("webmail.co.za", "mweb.co.za"),
    "sw": ("gmail.com", "yahoo.co.ke"),
    "qu": ("hotmail.com", "gmail.com"),
    "tl": ("yahoo.com.ph", "gmail.com"),
    "ms": ("yahoo.com.my", "gmail.com"),
}
WORK_DOMAINS = (
    "nordbahn-logistik.de",
    "studio-perla.it",
    "kaffeerösterei-linz.at",
    "hollowbrook.co.uk",
    "tiendas-sol.mx",
    "andes-export.pe",
    "mail.uni-graz.at",
    "cs.helsinki.fi",
    "hq.telcoria.ae",
    "eu.brightwave.io",
    "ops.kestrel-fin.com",
    "student.uva.nl",
)
IDN_DOMAINS = (
    "bücherstube-köln.de",
    "café-lumière.fr",
    "żabka-serwis.pl",
    "почта-клиента.рф",
    "ørsted-kontor.dk",
    "ελληνικό-γραφείο.gr",
    "日本語メール.jp",
    "mañana-viajes.es",
    "şirket-posta.com.tr",
    "ร้านค้า.th",
)
ROLE_MAILS = (
    "support@parcelpoint-help.com",
    "billing@veltrana.io",
    "noreply@bookings.sunhaven.travel",
    "kundenservice@stadtwerk-mitte.de",
    "sav@maison-durand.fr",
    "ayuda@tiendas-sol.mx",
    "help@quokka-bank.com.au",
    "info@ristorante-lago.it",
)


def _idna(domain: str) -> str:
    return domain.encode("idna").decode("ascii")


def _local(rng: random.Random, g: str, f: str) -> str:
    g, f = (re.sub(r"[^a-z0-9]", "", ascii_form(x).lower()) or "user" for x in (g, f))
    y = str(rng.randint(70, 99)) if rng.random() < 0.5 else str(rng.randint(1, 2024))
    return rng.choice(
        (
            f"{g}.{f}",
            f"{g}{f[:1]}",
            f"{g[:1]}{f}",
            f"{g}_{f}",
            f"{f}.{g}{y}",
            f"{g}{y}",
            f"{g}-{f}",
            f"{f}{g[:1]}",
        )
    )


def an_email(rng: random.Random, who: Who, spot: str = "") -> Items:
    """An address of the person, with what stands around it (display name, mailto:)."""
    g, f = who.parts()
    local = _local(rng, g, f)
    home = rng.choice(MAIL_HOME[who.lang])
    r = rng.random()
    if r < 0.25:
        return [Put("email", f"{local}@{home}", "email/plain", spot)]
    if r < 0.33:
        tag = rng.choice(("orders", "shop", "spam", "2025", "bank", "travel"))
        return [Put("email", f"{local}+{tag}@{home}", "email/plus", spot)]
    if r < 0.43:
        return [Put("email", f"{local}@{rng.choice(WORK_DOMAINS)}", "email/work", spot)]
    if r < 0.49:
        mixed = "".join(c.upper() if rng.random() < 0.4 else c for c in local)
        return [
            Put(
                "email",
                f"{mixed}@{home.upper() if rng.random() < 0.3 else home}",
                "email/mixed-case",
                spot,
            )
        ]
    if r < 0.56:
        dom = rng.choice(IDN_DOMAINS)
        return [Put("email", f"{local}@{dom}", "email/idn", spot)]
    if r < 0.6:
        dom = _idna(rng.choice(IDN_DOMAINS))
        return [Put("email", f"{local}@{dom}", "email/idn-ascii", spot)]
    if r < 0.66:
        return ["mailto:", Put("email", f"{local}@{home}", "email/mailto", spot)]
    if r < 0.71:
        quoted = f'"{local.replace(".", " ")}"@{home}'
        return [Put("email", quoted, "email/quoted", spot)]
    if r < 0.8:
        user, dom = local, home.rsplit(".", 1)
        at, dot = rng.choice(
            (
                (" at ", " dot "),
                ("[at]", "[dot]"),
                (" (at) ", " (dot) "),
                (" AT ", " DOT "),
                (" [at] ", "."),
            )
        )
        return [Put("email", f"{user}{at}{dom[0]}{dot}{dom[1]}", "email/obfuscated", spot)]
    if r < 0.85:
        return [
            Put(
                "email",
                f"{local}@mail.{rng.choice(('ox.ac.uk', 'kth.se', 'tum.de', 'unam.mx'))}",
                "email/subdomain",
                spot,
            )
        ]
    return [
        Put("email", f"{local}@{home}", "email/dotted" if "." in local else "email/plain", spot)
    ]


def a_role_mail(rng: random.Random, spot: str = "") -> Put:
    return Put("email", rng.choice(ROLE_MAILS), "email/role", spot)


# --- secrets in URLs ----------------------------------------------------------------------------

_B62 = string.ascii_letters + string.digits
_HEX = "0123456789abcdef"


def _tok(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _b64url(rng: random.Random, n: int) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(n)).decode().rstrip("=")


def _jwt(rng: random.Random) -> str:
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    body = json.dumps(
        {"sub": _tok(rng, 10), "exp": rng.randint(1_700_000_000, 1_900_000_000)}
    ).encode()
    return f"{head}.{base64.urlsafe_b64encode(body).decode().rstrip('=')}.{_b64url(rng, 32)}"


def _url_s3(rng: random.Random) -> tuple[str, str, str]:
    key = f"exports/{_tok(rng, 8, _HEX)}/statement.pdf"
    pre = (
        f"https://files-{rng.choice(('eu', 'us', 'ap'))}.s3.amazonaws.com/{key}?X-Amz-Algorithm="
        f"AWS4-HMAC-SHA256&X-Amz-Date=20250611T093000Z&X-Amz-Expires=900&X-Amz-Signature="
    )
    return pre, _tok(rng, 64, _HEX), ""


def _url_gcs(rng: random.Random) -> tuple[str, str, str]:
    pre = (
        "https://storage.googleapis.com/media-share/voice/call.m4a?X-Goog-Algorithm="
        "GOOG4-RSA-SHA256&X-Goog-Expires=3600&X-Goog-Signature="
    )
    return pre, _tok(rng, 128, _HEX), ""


def _url_azure(rng: random.Random) -> tuple[str, str, str]:
    sig = base64.b64encode(rng.randbytes(32)).decode()
    sig = sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    pre = (
        "https://tkstore.blob.core.windows.net/uploads/id-scan.jpg?sv=2023-11-03&se="
        "2025-07-01T10%3A00%3A00Z&sr=b&sp=r&sig="
    )
    return pre, sig, ""


def _url_slack(rng: random.Random) -> tuple[str, str, str]:
    pre = f"https://hooks.slack.com/services/T{_tok(rng, 8).upper()}/B{_tok(rng, 10).upper()}/"
    return pre, _tok(rng, 24), ""


def _url_discord(rng: random.Random) -> tuple[str, str, str]:
    pre = f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/"
    return pre, _tok(rng, 68, _B62 + "-_"), ""


def _url_telegram(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://api.telegram.org/bot",
        f"{rng.randint(10**8, 10**10)}:AA{_tok(rng, 33, _B62 + '_-')}",
        "/sendMessage",
    )


def _url_github(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://x-access-token:",
        "ghp_" + _tok(rng, 36),
        "@github.com/kestrel-fin/ops-config.git",
    )


def _url_gitlab(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://gitlab.com/api/v4/projects/4411/jobs/artifacts/main/download?private_token=",
        "glpat-" + _tok(rng, 20),
        "",
    )


def _url_userinfo(rng: random.Random) -> tuple[str, str, str]:
    pw = rng.choice(("Sommer2025!", "hunter2x", "P@ssw0rd-77", "kiwi.Blau.19", "zaq1XSW2"))
    pw = pw + _tok(rng, 3)
    scheme, host = rng.choice(
        (
            ("ftp", "files.hollowbrook.co.uk"),
            ("https", "intranet.nordbahn-logistik.de"),
            ("sftp", "upload.andes-export.pe"),
        )
    )
    return f"{scheme}://backup:", pw, f"@{host}/incoming/"


def _url_db(rng: random.Random) -> tuple[str, str, str]:
    pw = _tok(rng, 16)
    return (
        rng.choice(("mongodb+srv://app_rw:", "postgres://report:")),
        pw,
        "@db-7.kestrel-fin.com:5432/crm",
    )


def _url_gkey(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://maps.googleapis.com/maps/api/staticmap?center=depot&size=600x300&key=",
        "AIza" + _tok(rng, 35, _B62 + "-_"),
        "",
    )


def _url_oauth(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://app.veltrana.io/oauth/callback?code=",
        "4/0A" + _tok(rng, 70, _B62 + "-_"),
        f"&state={_tok(rng, 12)}&scope=email",
    )


def _url_implicit(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://portal.sunhaven.travel/#access_token=",
        "ya29." + _tok(rng, 90, _B62 + "-_"),
        "&token_type=Bearer&expires_in=3599",
    )


def _url_reset(rng: random.Random) -> tuple[str, str, str]:
    return "https://account.parcelpoint-help.com/password/reset/", _tok(rng, 40), ""


def _url_magic(rng: random.Random) -> tuple[str, str, str]:
    return "https://login.brightwave.io/magic?token=", _jwt(rng), "&redirect=%2Finbox"


def _url_zoom(rng: random.Random) -> tuple[str, str, str]:
    return f"https://us06web.zoom.us/j/{rng.randint(10**9, 10**11)}?pwd=", _tok(rng, 32), ""


def _url_twilio(rng: random.Random) -> tuple[str, str, str]:
    return (
        f"https://AC{_tok(rng, 32, _HEX)}:",
        _tok(rng, 32, _HEX),
        "@api.twilio.com/2010-04-01/Accounts.json",
    )


def _url_sendgrid(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://api.sendgrid.com/v3/mail/send?api_key=",
        f"SG.{_tok(rng, 22)}.{_tok(rng, 43)}",
        "",
    )


def _url_teams(rng: random.Random) -> tuple[str, str, str]:
    guid = "-".join(_tok(rng, n, _HEX) for n in (8, 4, 4, 4, 12))
    return (
        f"https://kestrelfin.webhook.office.com/webhookb2/{guid}/IncomingWebhook/",
        _tok(rng, 32, _HEX),
        f"/{guid}",
    )


def _url_dropbox(rng: random.Random) -> tuple[str, str, str]:
    return (
        f"https://www.dropbox.com/scl/fi/{_tok(rng, 21).lower()}/contract.pdf?rlkey=",
        _tok(rng, 25).lower(),
        "&dl=0",
    )


def _url_sentry(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://",
        _tok(rng, 32, _HEX),
        f"@o{rng.randint(10**5, 10**6)}.ingest.sentry.io/{rng.randint(1000, 9999)}",
    )


def _url_shopify(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://",
        "shpat_" + _tok(rng, 32, _HEX),
        "@perla-store.myshopify.com/admin/api/2024-10/orders.json",
    )


def _url_mapbox(rng: random.Random) -> tuple[str, str, str]:
    return (
        "https://api.mapbox.com/styles/v1/mapbox/streets-v12/static/13.4,52.5,12/600x400?access_token=",
        "pk.eyJ1" + _tok(rng, 60) + "." + _tok(rng, 22),
        "",
    )


def _url_idtoken(rng: random.Random) -> tuple[str, str, str]:
    return "https://help.quokka-bank.com.au/sso/landing?id_token=", _jwt(rng), ""


URL_SECRETS: dict[str, Callable[[random.Random], tuple[str, str, str]]] = {
    "s3-presigned": _url_s3,
    "gcs-signed": _url_gcs,
    "azure-sas": _url_azure,
    "slack-webhook": _url_slack,
    "discord-webhook": _url_discord,
    "telegram-bot": _url_telegram,
    "github-userinfo": _url_github,
    "gitlab-token": _url_gitlab,
    "userinfo-password": _url_userinfo,
    "db-password": _url_db,
    "google-key": _url_gkey,
    "oauth-code": _url_oauth,
    "oauth-fragment": _url_implicit,
    "reset-token": _url_reset,
    "magic-link": _url_magic,
    "zoom-pwd": _url_zoom,
    "twilio-userinfo": _url_twilio,
    "sendgrid-key": _url_sendgrid,
    "teams-webhook": _url_teams,
    "dropbox-rlkey": _url_dropbox,
    "sentry-dsn": _url_sentry,
    "shopify-token": _url_shopify,
    "mapbox-token": _url_mapbox,
    "id-token": _url_idtoken,
}


def a_url(rng: random.Random, spot: str = "url") -> Items:
    provider = rng.choice(tuple(URL_SECRETS))
    pre, secret, post = URL_SECRETS[provider](rng)
    return [pre, Put("url", secret, f"url/{provider}", spot), post]


# --- decoys that must stay --------------------------------------------------------------------


def _ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(12 - len(prefix)))
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _aba(rng: random.Random) -> str:
    while True:
        body = f"{rng.choice(('0', '1', '2', '3'))}{rng.randint(0, 9)}" + "".join(
            rng.choice(string.digits) for _ in range(6)
        )
        w = (3, 7, 1, 3, 7, 1, 3, 7)
        d = (10 - sum(a * int(b) for a, b in zip(w, body, strict=True)) % 10) % 10
        return body + str(d)


def _luhn_fail(rng: random.Random) -> str:
    while True:
        n = rng.choice("3456") + "".join(rng.choice(string.digits) for _ in range(15))
        if not luhn_ok(n):
            return " ".join(n[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.5 else n


_PLACES = (
    "Georgia",
    "Austin",
    "Chelsea",
    "Lourdes",
    "Aurora",
    "Jordan",
    "Florence",
    "Victoria",
    "Adelaide",
    "Charlotte",
    "Savannah",
    "Regina",
    "Eugene",
    "Augusta",
    "Sydney",
    "Orlando",
    "Paris",
    "Santiago",
    "Lorraine",
    "Beverly Hills",
    "Marbella",
    "Elizabeth Street",
)
_BRANDS = (
    "Wendy's",
    "Ben & Jerry's",
    "Tim Hortons",
    "Dr. Martens",
    "McDonald's",
    "Marks & Spencer",
    "Mercedes-Benz",
    "Tommy Hilfiger",
    "Jack Daniel's",
    "Johnnie Walker",
    "Hugo Boss",
    "Tesla",
    "Philips",
    "Ferrero",
    "Dacia Sandero",
    "Renault Zoe",
    "Honda Jazz",
    "Toyota Sienna",
)
_NAMED_BRANDS = (
    "Wendy's",
    "Ben & Jerry's",
    "Tim Hortons",
    "McDonald's",
    "Jack Daniel's",
    "Tommy Hilfiger",
    "Johnnie Walker",
    "Dr. Martens",
)
_PRODUCTS = (
    "Alexa",
    "Siri",
    "Cortana",
    "Galaxy S24",
    "Kindle Paperwhite",
    "Pixel 8a",
    "PlayStation 5",
    "Surface Laptop",
    "Roomba j7",
    "Nespresso Vertuo",
)
_TITLES = (
    "Regional Sales Director",
    "Head of Customer Care",
    "Data Protection Officer",
    "Senior Account Manager",
    "Teamleiterin Kundenservice",
    "Responsable Facturation",
    "Jefe de Almacén",
    "Store Manager",
    "Chief Happiness Officer",
    "Kierownik Zmiany",
    "Müşteri Temsilcisi",
    "Duty Manager",
)
_TEAMS = (
    "Billing Team",
    "Tier 2 Support",
    "Team Falcon",
    "Returns Desk",
    "Night Shift",
    "Abteilung Reklamation",
    "Service Après-Vente",
    "Equipo Logística",
    "Payments Ops",
    "Trust & Safety",
)
_STREETS = (
    "Baker Street",
    "Rue de Rivoli",
    "Karl-Marx-Allee",
    "Calle de Alcalá",
    "Via Roma",
    "Nevsky Prospekt",
    "Queen Street West",
    "Rua Augusta",
    "Istiklal Caddesi",
    "Jalan Ampang",
    "Orchard Road",
    "Rembrandtplein",
)
_DAYS = (
    "Monday",
    "Friday",
    "June",
    "August",
    "Montag",
    "Donnerstag",
    "mardi",
    "Janvier",
    "miércoles",
    "Mayo",
    "giovedì",
    "Luglio",
    "Março",
    "sexta-feira",
    "Cuma",
    "Nisan",
    "woensdag",
    "Czwartek",
    "Listopad",
    "torstai",
    "Понедельник",
    "Αύγουστος",
    "Aralık",
)
_WORDS = (
    "Hope",
    "Grace",
    "Will",
    "Mark",
    "Rose",
    "Dawn",
    "Sunny",
    "Amber",
    "Lovely",
    "Summer",
    "Faith",
    "Joy",
    "Crystal",
    "Bill",
    "Frank",
    "Ray",
    "Jack",
    "Ivy",
    "Victor",
    "Hunter",
)
_COMPANIES = (
    "Johnson & Johnson",
    "Morgan Stanley",
    "Siemens Healthineers",
    "Ernst & Young",
    "Goldman Sachs",
    "Lidl",
    "Albert Heijn",
    "Carrefour",
    "El Corte Inglés",
    "Deutsche Bahn",
    "Turkish Airlines",
)
_PRICES = (
    "€1.234,56",
    "1 234,56 €",
    "$1,299.00",
    "¥12,800",
    "₹1,23,456",
    "CHF 1'250.50",
    "R$ 2.499,90",
    "349,99 zł",
    "1 299 kr",
    "4.750,00 TL",
    "AED 3,250",
    "£89.99",
    "₩59,000",
    "NT$1,280",
    "S$ 42.50",
    "KES 2,400",
    "₱1,499.00",
    "2 990 Kč",
    "€ 19,-",
    "USD 12.5k",
    "AUD 249.95",
    "₺129,90",
    "MXN $3,450.00",
    "CLP 89.990",
    "COP 250.000",
)
_DATES = (
    "2025-03-14",
    "14.03.2025",
    "03/14/2025",
    "14/03/25",
    "14 Mar 2025",
    "March 14th",
    "14 marca 2025",
    "14. März 2025",
    "le 14 mars",
    "14 de marzo de 2025",
    "2025年3月14日",
    "14 Mart 2025",
    "Q3 2025",
    "FY24",
    "2025-W11",
)
_TIMES = (
    "14:35",
    "2:35 pm",
    "14h35",
    "09:00-17:30 CET",
    "8.15 Uhr",
    "23:59:59",
    "07:45 UTC+3",
    "noon",
)
_DURATIONS = (
    "1h 20m",
    "90 min",
    "PT1H30M",
    "3-5 business days",
    "48 hours",
    "2 Wochen",
    "00:14:32",
)


def _order(rng: random.Random) -> str:
    return rng.choice(
        (
            f"#{rng.randint(100000, 9999999)}",
            f"ORD-{rng.randint(2023, 2026)}-{rng.randint(10000, 99999)}",
            f"SO{rng.randint(10**7, 10**8)}",
            f"{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}"
            f"-{rng.randint(10**6, 10**7 - 1)}",
            f"B{_tok(rng, 9, string.ascii_uppercase + string.digits)}",
        )
    )


def _tracking(rng: random.Random) -> str:
    up = string.ascii_uppercase
    return rng.choice(
        (
            f"1Z{_tok(rng, 6, up + string.digits)}{rng.randint(10**9, 10**10)}",
            f"JJD{rng.randint(10**17, 10**18)}",
            f"{_tok(rng, 2, up)}{rng.randint(10**8, 10**9 - 1)}GB",
            f"9400{rng.randint(10**17, 10**18)}",
            f"LX{rng.randint(10**8, 10**9 - 1)}CN",
            f"00340434{rng.randint(10**11, 10**12)}",
        )
    )


DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order-id": _order,
    "invoice": lambda r: rng_pick(
        r,
        (
            f"INV-{r.randint(2024, 2026)}-{r.randint(1000, 99999):05d}",
            f"FV/{r.randint(1, 999)}/{r.randint(1, 12):02d}/2025",
            f"RE{r.randint(10**6, 10**7)}",
        ),
    ),
    "ticket": lambda r: rng_pick(
        r,
        (
            f"#{r.randint(10000, 999999)}",
            f"TCK-{r.randint(1000, 99999)}",
            f"INC{r.randint(10**6, 10**7):07d}",
            f"SR-{r.randint(100000, 999999)}",
        ),
    ),
    "case-id": lambda r: (
        f"{r.choice(('CASE', 'CS', 'Fall'))}-{r.randint(2024, 2026)}-{r.randint(1, 999999):06d}"
    ),
    "tracking": _tracking,
    "price": lambda r: r.choice(_PRICES),
    "date": lambda r: r.choice(_DATES),
    "time": lambda r: r.choice(_TIMES),
    "duration": lambda r: r.choice(_DURATIONS),
    "version": lambda r: rng_pick(
        r,
        (
            f"v{r.randint(1, 17)}.{r.randint(0, 30)}.{r.randint(0, 99)}",
            f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc.{r.randint(1, 5)}",
            f"iOS {r.randint(15, 18)}.{r.randint(0, 6)}",
            f"Android {r.randint(10, 15)}",
        ),
    ),
    "build": lambda r: (
        f"build {r.randint(2024, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        f".{r.randint(1, 40)}"
    ),
    "hash": lambda r: _tok(r, r.choice((7, 40, 64)), _HEX),
    "uuid": lambda r: str(__import__("uuid").UUID(int=r.getrandbits(128), version=4)),
    "sku": lambda r: f"SKU-{_tok(r, 2, string.ascii_uppercase)}-{r.randint(1000, 99999)}",
    "ean": lambda r: _ean13(r, r.choice(("40", "50", "76", "87", "590", "869"))),
    "isbn": lambda r: _ean13(r, r.choice(("978", "979"))),
    "postal-code": lambda r: r.choice(
        (
            "10115",
            "SW1A 1AA",
            "75008",
            "00-950",
            "1010",
            "M5V 3L9",
            "08001",
            "3011 AB",
            "EC2R 8AH",
            "D02 X285",
            "20121",
            "34394",
        )
    ),
    "device-id": lambda r: rng_pick(
        r,
        (
            f"device-{_tok(r, 8, _HEX)}",
            f"SN {_tok(r, 12, string.ascii_uppercase + string.digits)}",
            f"asset {r.randint(10000, 99999)}-{_tok(r, 3, string.ascii_uppercase)}",
        ),
    ),
    "flight": lambda r: (
        f"{r.choice(('LH', 'TK', 'EK', 'BA', 'QR', 'PR', 'VN', 'ET', 'LA', 'KE'))}"
        f"{r.choice(('', ' '))}{r.randint(10, 2999)}"
    ),
    "seat": lambda r: f"{r.randint(1, 48)}{r.choice('ABCDEFK')}",
    "room": lambda r: r.choice(
        (
            f"room {r.randint(100, 1299)}",
            f"Raum {r.randint(1, 5)}.{r.randint(1, 40):02d}",
            f"Zimmer {r.randint(1, 400)}",
        )
    ),
    "coordinates": lambda r: f"{r.uniform(-60, 70):.4f}, {r.uniform(-170, 170):.4f}",
    "aba": _aba,
    "bic": lambda r: r.choice(
        (
            "DEUTDEFF",
            "COBADEFFXXX",
            "BNPAFRPP",
            "INGBNL2A",
            "BPKOPLPW",
            "NBADAEAA",
            "SABBSARI",
            "BKCHCNBJ",
            "HSBCHKHH",
            "TGBATRIS",
        )
    ),
    "sort-code": lambda r: f"{r.randint(10, 99)}-{r.randint(0, 99):02d}-{r.randint(0, 99):02d}",
    "luhn-fail": _luhn_fail,
    "iban-bad": lambda r: iban_grouped(iban_compact(r, r.choice(tuple(IBAN_BBAN)), valid=False)),
    "place": lambda r: r.choice(_PLACES),
    "brand": lambda r: r.choice(_BRANDS),
    "product": lambda r: r.choice(_PRODUCTS),
    "job-title": lambda r: r.choice(_TITLES),
    "team": lambda r: r.choice(_TEAMS),
    "street": lambda r: r.choice(_STREETS),
    "day-month": lambda r: r.choice(_DAYS),
    "word": lambda r: r.choice(_WORDS),
    "company": lambda r: r.choice(_COMPANIES),
    "plain-url": lambda r: r.choice(
        (
            "https://status.parcelpoint-help.com/incidents/2231",
            "https://www.veltrana.io/pricing",
            "https://docs.brightwave.io/api/v2/errors#429",
            "https://maps.app.goo.gl/berlin-hbf",
        )
    ),
    "percent": lambda r: f"{r.randint(1, 99)}{r.choice(('%', ' %', '.5%'))}",
    "quantity": lambda r: f"{r.randint(2, 40)} {r.choice(('pcs', 'Stück', 'kg', 'cajas', 'adet'))}",
}
DECOY_CLASSES = tuple(DECOYS)
# Decoys whose place in a sentence is a number, and those that stand where a name could.
_NUMERIC = (
    "order-id",
    "invoice",
    "ticket",
    "case-id",
    "tracking",
    "price",
    "date",
    "time",
    "duration",
    "version",
    "build",
    "hash",
    "uuid",
    "sku",
    "ean",
    "isbn",
    "postal-code",
    "device-id",
    "flight",
    "seat",
    "room",
    "coordinates",
    "aba",
    "bic",
    "sort-code",
    "luhn-fail",
    "iban-bad",
    "percent",
    "quantity",
)
_WORDY = (
    "place",
    "brand",
    "product",
    "job-title",
    "team",
    "street",
    "day-month",
    "word",
    "company",
)


def rng_pick(rng: random.Random, options: Sequence[str]) -> str:
    return rng.choice(options)


def a_decoy(rng: random.Random, cls: str | None = None, spot: str = "") -> Put:
    cls = cls or rng.choice(DECOY_CLASSES)
    return Put("decoy", DECOYS[cls](rng), f"decoy/{cls}", spot)


# --- the context of one conversation --------------------------------------------------------

_NATIVE_SCRIPT = re.compile(
    r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\U0001f000-\U0001faff]"
)
NOISE = (
    "",
    "",
    "",
    " 🙂",
    " 🙏",
    " !!",
    " pls",
    " 😅",
    " thx",
    " ??",
    " 👍",
    " lol",
    " ...",
    " 😡",
)


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 5 or not s.isalpha():
        return s
    i = rng.randint(1, len(s) - 3)
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


@dataclass
class Ctx:
    rng: random.Random
    person: Who
    platform: str
    country: str
    email: str
    phone_e164: str
    own_phone: Put
    agent: Who
    others: list[Who] = field(default_factory=list)

    # -- names
    def form(self, native: bool = False) -> str:
        r = self.rng.random()
        if native:
            return "as-is"
        return (
            "lower"
            if r < 0.08
            else "upper"
            if r < 0.13
            else "ascii"
            if r < 0.25
            else "typo"
            if r < 0.27
            else "as-is"
        )

    def _shape(self, value: str, form: str) -> str:
        if form == "lower":
            return value.lower()
        if form == "upper":
            return value.upper()
        if form == "ascii":
            return ascii_form(value)
        if form == "typo":
            return _typo(self.rng, value)
        return value

    def name(
        self,
        who: Who,
        cls: str,
        what: str = "full",
        native: bool | None = None,
        form: str | None = None,
        spot: str = "",
    ) -> Items:
        """A person's name as one or two planted values, in the language's order."""
        if native is None:
            native = who.has_native and self.rng.random() < 0.35
        native = native and who.has_native
        form = form or self.form(native)
        g, f = who.parts(native)
        g, f = self._shape(g, form), self._shape(f, form)
        G = Put("name", g, f"name/{cls}", spot, who.lang)
        F = Put("name", f, f"name/{cls}", spot, who.lang)
        if what == "given":
            return [G]
        if what == "family":
            return [F]
        if native and who.lang in UNSPACED_NATIVE:
            return [Put("name", f + g, f"name/{cls}", spot, who.lang)]
        if what == "family, given":
            return [F, ", ", G]
        if who.lang in FAMILY_FIRST:
            return [F, " ", G]
        return [G, " ", F]

    def other(self, lang: str | None = None) -> Who:
        if lang is None:
            lang = self.person.lang if self.rng.random() < 0.4 else self.rng.choice(LANGS)
        who = make_who(self.rng, lang)
        self.others.append(who)
        return who

    def cue(self, who: Who, cat: str, lang: str | None = None) -> Items:
        """A cue phrase of the language with the name in it."""
        lang = lang or who.lang
        if cat not in CUES.get(lang, {}):
            lang = "en"
        tpl = self.rng.choice(CUES[lang][cat])
        native = bool(_NATIVE_SCRIPT.search(tpl)) and who.has_native
        form = self.form(native)
        cls = f"{cat}-{lang}"
        out: Items = []
        for piece in re.split(r"(\{[gfn]\})", tpl):
            if piece == "{g}":
                out += self.name(who, cls, "given", native, form)
            elif piece == "{f}":
                out += self.name(who, cls, "family", native, form)
            elif piece == "{n}":
                out += self.name(who, cls, "full", native, form)
            elif piece:
                out.append(piece)
        return out

    # -- other values
    def phone(self, spot: str = "") -> Items:
        if self.rng.random() < 0.45:
            return [Put(self.own_phone.kind, self.own_phone.value, self.own_phone.cls, spot)]
        return a_phone(self.rng, self.country if self.rng.random() < 0.3 else None, spot)

    def mail(self, who: Who | None = None, spot: str = "") -> Items:
        if who is None and self.rng.random() < 0.5:
            cls = "email/dotted" if "." in self.email.split("@")[0] else "email/plain"
            return [Put("email", self.email, cls, spot)]
        return an_email(self.rng, who or self.person, spot)

    def decoy(self, cls: str | None = None, spot: str = "") -> Put:
        return a_decoy(self.rng, cls, spot)

    def noise(self) -> str:
        return self.rng.choice(NOISE)

    def pick(self, *options: Any) -> Any:
        return self.rng.choice(options)


# --- JSON, YAML and tables built from items ---------------------------------------------------


def _jesc(s: str, ascii_only: bool) -> str:
    return json.dumps(s, ensure_ascii=ascii_only)[1:-1]


def jtext(obj: Any, ascii_only: bool, indent: bool, depth: int = 0) -> Items:
    """JSON text of ``obj`` whose string leaves may be item lists; planted values escaped."""
    nl = "\n" + "  " * (depth + 1) if indent else ""
    end = "\n" + "  " * depth if indent else ""
    sep = "," + ("" if indent else " ")
    if isinstance(obj, dict):
        out: Items = ["{"]
        for i, (k, v) in enumerate(obj.items()):
            out += [(sep if i else "") + nl + json.dumps(k) + ": "]
            out += jtext(v, ascii_only, indent, depth + 1)
        return [*out, end + "}"]
    if isinstance(obj, tuple):  # an item list standing for one string
        out = ['"']
        for it in obj:
            if isinstance(it, Put):
                esc = _jesc(it.value, ascii_only)
                spot = "json-escaped" if esc != it.value else "json"
                out.append(Put(it.kind, esc, it.cls, it.spot or spot, it.origin))
            else:
                out.append(_jesc(it, ascii_only))
        return [*out, '"']
    if isinstance(obj, list):
        out = ["["]
        for i, v in enumerate(obj):
            out += [(sep if i else "") + nl, *jtext(v, ascii_only, indent, depth + 1)]
        return [*out, end + "]"]
    return [json.dumps(obj, ensure_ascii=ascii_only)]


def spotted(items: Items, spot: str) -> Items:
    return [
        Put(i.kind, i.value, i.cls, i.spot or spot, i.origin) if isinstance(i, Put) else i
        for i in items
    ]


def join(parts: Sequence[Items], sep: str) -> Items:
    out: Items = []
    for i, p in enumerate(parts):
        if i:
            out.append(sep)
        out += p
    return out


# --- what people ask, per language ({x} is the value) -----------------------------------------
ASKS: dict[str, dict[str, list[str]]] = {
    "en": {
        "phone": ["you can reach me on {x}", "call me back at {x} after 5", "new number: {x}"],
        "email": ["send the invoice to {x}", "my email is {x}", "pls use {x} from now on"],
        "card": ["I paid with {x} and got charged twice", "card ending... actually full no. {x}"],
        "iban": ["refund to {x} please", "my bank details: {x}"],
        "ip": ["the login came from {x}, that wasn't me", "my IP shows as {x}"],
        "order": ["where is my order {x}?", "about {x}:", "ref {x}"],
    },
    "de": {
        "phone": ["erreichbar unter {x}", "bitte rufen Sie mich an: {x}", "Handy: {x}"],
        "email": ["meine Mail ist {x}", "bitte an {x} schicken"],
        "card": ["Ich habe mit der Karte {x} bezahlt", "Kreditkarte {x} wurde doppelt belastet"],
        "iban": ["Bitte auf {x} erstatten", "IBAN: {x}"],
        "ip": ["Der Zugriff kam von {x}"],
        "order": ["wo bleibt Bestellung {x}?", "zur Bestellung {x}:"],
    },
    "fr": {
        "phone": ["joignable au {x}", "rappelez-moi au {x} svp"],
        "email": ["mon adresse : {x}", "écrivez-moi à {x}"],
        "card": ["j'ai payé avec la carte {x}"],
        "iban": ["remboursement sur {x} merci"],
        "ip": ["connexion depuis {x} ?!"],
        "order": ["ma commande {x} n'est pas arrivée"],
    },
    "es": {
        "phone": ["mi móvil es {x}", "llámame al {x}"],
        "email": ["mi correo es {x}"],
        "card": ["pagué con la tarjeta {x}"],
        "iban": ["devolución a la cuenta {x}"],
        "ip": ["el acceso vino de {x}"],
        "order": ["¿dónde está mi pedido {x}?"],
    },
    "it": {
        "phone": ["il mio cellulare è {x}", "chiamatemi al {x}"],
        "email": ["la mia mail è {x}"],
        "card": ["ho pagato con la carta {x}"],
        "iban": ["rimborso sull'IBAN {x}"],
        "ip": ["accesso da {x}"],
        "order": ["l'ordine {x} non è arrivato"],
    },
    "pt": {
        "phone": ["meu celular é {x}", "liga pra mim no {x}"],
        "email": ["meu e-mail é {x}"],
        "card": ["paguei com o cartão {x}"],
        "iban": ["reembolso para {x}"],
        "ip": ["acesso a partir de {x}"],
        "order": ["cadê meu pedido {x}?"],
    },
    "tr": {
        "phone": ["numaram {x}", "beni {x} numarasından arayın"],
        "email": ["mailim {x}"],
        "card": ["{x} numaralı kartla ödedim"],
        "iban": ["iade için IBAN: {x}"],
        "ip": ["giriş {x} adresinden yapılmış"],
        "order": ["{x} numaralı siparişim nerede?"],
    },
    "nl": {
        "phone": ["bel me op {x}", "mijn nummer is {x}"],
        "email": ["mijn mail is {x}"],
        "card": ["betaald met kaart {x}"],
        "iban": ["terugstorten op {x} graag"],
        "ip": ["ingelogd vanaf {x}?"],
        "order": ["waar blijft bestelling {x}?"],
    },
    "pl": {
        "phone": ["mój numer to {x}", "proszę dzwonić na {x}"],
        "email": ["mój e-mail: {x}"],
        "card": ["zapłaciłam kartą {x}"],
        "iban": ["zwrot na konto {x}"],
        "ip": ["logowanie z adresu {x}"],
        "order": ["gdzie jest zamówienie {x}?"],
    },
}
_ORDER_CLASSES = ("order-id", "invoice", "ticket", "case-id", "tracking")


def ask(ctx: Ctx, what: str, lang: str | None = None) -> Items:
    lang = lang or ctx.person.lang
    table = ASKS.get(lang) or ASKS["en"]
    tpl = ctx.rng.choice(table[what])
    if what == "phone":
        val = ctx.phone()
    elif what == "email":
        val = ctx.mail()
    elif what == "card":
        val = [a_card(ctx.rng)]
    elif what == "iban":
        val = [a_iban(ctx.rng)]
    elif what == "ip":
        val = [an_ip(ctx.rng, "chat")]
    else:
        val = [ctx.decoy(ctx.rng.choice(_ORDER_CLASSES))]
    a, _, b = tpl.partition("{x}")
    return [a, *val, b]


VALUE_KINDS = ("phone", "email", "card", "iban", "ip", "order", "phone", "email")


def asks(ctx: Ctx, n: int) -> Items:
    out: Items = []
    for i, what in enumerate(ctx.rng.sample(VALUE_KINDS, n)):
        out += ([", " if ctx.rng.random() < 0.5 else ". "] if i else []) + ask(ctx, what)
    return out


# --- templates: (items, where) ------------------------------------------------------------------
Tpl = Callable[[Ctx], tuple[Items, str]]


def t_intro(c: Ctx) -> tuple[Items, str]:
    return [*c.cue(c.person, "cue"), " ", *asks(c, c.rng.randint(1, 2)), c.noise()], "message:user"


def t_signoff(c: Ctx) -> tuple[Items, str]:
    body = asks(c, c.rng.randint(1, 2))
    return [*body, ".\n\n", *c.cue(c.person, "signoff")], "message:user"


def t_greet(c: Ctx) -> tuple[Items, str]:
    lang = c.person.lang
    r = c.rng.randrange(3)
    if r == 0:
        tail: Items = [
            " thanks for reaching out. Your case is ",
            c.decoy(c.pick(*_ORDER_CLASSES)),
            ".",
        ]
    elif r == 1:
        tail = [
            " the courier confirmed ",
            c.decoy("tracking"),
            "; it should arrive by ",
            c.decoy(c.pick("date", "day-month")),
            ".",
        ]
    else:
        tail = [
            " your refund of ",
            c.decoy("price"),
            " for ",
            c.decoy("invoice"),
            " takes ",
            c.decoy("duration"),
            ".",
        ]
    return [*c.cue(c.person, "greet", lang), *tail], c.pick("message:bot", "message:agent")


def t_relation(c: Ctx) -> tuple[Items, str]:
    rel = c.other(c.person.lang)
    cue = c.cue(rel, "relation", c.person.lang)
    last = cue[-1] if isinstance(cue[-1], str) else ""
    return [
        *cue,
        " " if last.rstrip()[-1:] in (".", ",", ":") else ", ",
        *ask(c, c.pick("order", "phone", "email")),
        c.noise(),
    ], "message:user"


def t_handoff(c: Ctx) -> tuple[Items, str]:
    return [
        *c.cue(c.agent, "handoff", c.person.lang),
        " ",
        c.pick("Ticket ", "Case "),
        c.decoy(c.pick("ticket", "case-id")),
        ".",
    ], "message:bot"


def t_said(c: Ctx) -> tuple[Items, str]:
    return [
        *c.cue(c.agent, "said", c.person.lang),
        " ",
        c.pick("it would arrive on ", "the fee is ", "I'd be called at "),
        c.decoy(c.pick("date", "price", "time")),
        " — ",
        *ask(c, c.pick("order", "phone")),
        c.noise(),
    ], "message:user"


def t_title(c: Ctx) -> tuple[Items, str]:
    return [
        *c.cue(c.person, "title"),
        c.pick(" — ", " ... ", "\n"),
        *ask(c, c.pick("iban", "email", "order")),
    ], "message:agent"


def t_signature(c: Ctx) -> tuple[Items, str]:
    who, where = (c.person, "message:user") if c.rng.random() < 0.6 else (c.agent, "message:agent")
    lines: list[Items] = [
        [
            c.pick(
                "Thanks for your help.",
                "See attached.",
                "Any update?",
                "Danke!",
                "Merci.",
                "Gracias.",
            )
        ],
        [""],
    ]
    lines.append(c.name(who, "signature"))
    if c.rng.random() < 0.6:
        lines.append([c.decoy(c.pick("job-title", "team"))])
    if c.rng.random() < 0.4:
        lines.append([c.decoy("company")])
    lines.append([c.pick("Tel: ", "M: ", "Mob. ", "📞 ", "T "), *c.phone()])
    lines.append([c.pick("", "E: ", "Mail: "), *c.mail(who)])
    if c.rng.random() < 0.3:
        lines.append([c.decoy("street"), " ", c.decoy("postal-code")])
    return spotted(join(lines, "\n"), "signature"), where


def t_signature_line(c: Ctx) -> tuple[Items, str]:
    head = [
        c.pick(
            "Please call back today.",
            "Urgent!!",
            "Still waiting.",
            "Ok thanks",
            "Bitte um Rückruf.",
            "Aguardo retorno.",
        )
    ]
    sep = c.pick(", ", " | ", " - ", " / ", " · ")
    line = [*c.name(c.person, "signature-line"), sep, *c.phone()]
    if c.rng.random() < 0.5:
        line += [sep, *c.mail()]
    return [*head, "\n", *line], "message:user"


def t_email_thread(c: Ctx) -> tuple[Items, str]:
    cc = c.other()
    role = a_role_mail(c.rng, "header")
    out: Items = [
        "From: ",
        *c.name(c.person, "header-from", spot="header"),
        " <",
        *c.mail(spot="header"),
        ">\nTo: ",
        role,
        "\n",
    ]
    if c.rng.random() < 0.7:
        out += [
            "Cc: ",
            *c.name(cc, "header-cc", spot="header"),
            " <",
            *an_email(c.rng, cc, "header"),
            ">\n",
        ]
    out += ["Subject: Re: ", c.decoy(c.pick(*_ORDER_CLASSES)), "\n\n", *asks(c, 1), ".\n\n"]
    quote_who = c.agent
    out += [
        c.pick("On ", "Am "),
        c.decoy("date"),
        ", ",
        *c.name(quote_who, "quoted-header", spot="quoted"),
        c.pick(" wrote:", " schrieb:"),
        "\n> ",
        c.pick("We need your bank details to refund ", "Your order is delayed, ref "),
        c.decoy(c.pick("price", "order-id")),
    ]
    if c.rng.random() < 0.6:
        out += [
            "\n> ",
            c.pick("We tried to call you on ", "Is this still your number? "),
            *c.phone("quoted"),
        ]
    if c.rng.random() < 0.4:
        out += ["\n> ", c.pick("Refund goes to ", "IBAN on file: "), a_iban(c.rng, "quoted")]
    out += ["\n> ", c.decoy("team")]
    return out, "message:user"


def t_forwarded(c: Ctx) -> tuple[Items, str]:
    src = c.other()
    out: Items = [
        c.pick("FYI see below", "fwd from my landlord", "Weiterleitung:"),
        "\n\n",
        "---------- Forwarded message ---------\nFrom: ",
        *c.name(src, "forwarded", spot="header"),
        " <",
        *an_email(c.rng, src, "header"),
        ">\nDate: ",
        c.decoy("date"),
        " at ",
        c.decoy("time"),
        "\nSubject: ",
        c.decoy(c.pick("invoice", "case-id")),
        "\nTo: ",
        *c.name(c.person, "header-to", spot="header"),
        " <",
        *c.mail(spot="header"),
        ">\n\n",
        c.pick("Please transfer the deposit to ", "Refund goes to "),
        a_iban(c.rng, "quoted"),
        ".",
    ]
    return out, "message:user"


def _people(c: Ctx, n: int) -> list[Who]:
    return [c.person] + [c.other() for _ in range(n - 1)]


def t_csv(c: Ctx) -> tuple[Items, str]:
    sep = c.pick(",", ";", "\t")
    spot = "tsv" if sep == "\t" else "csv"
    header = c.rng.random() < 0.6
    out: Items = []
    if header:
        out.append(
            sep.join(
                c.pick(
                    ("first_name", "last_name", "email", "phone", "city"),
                    ("Vorname", "Nachname", "E-Mail", "Telefon", "Ort"),
                    ("given", "family", "mail", "mobile", "site"),
                )
            )
            + "\n"
        )
    for who in _people(c, c.rng.randint(2, 4)):
        form = c.form(who.has_native and c.rng.random() < 0.3)
        native = form == "as-is" and who.has_native and c.rng.random() < 0.3
        cells: list[Items] = [
            c.name(who, spot, "given", native, form),
            c.name(who, spot, "family", native, form),
            an_email(c.rng, who) if who is not c.person else c.mail(),
            a_phone(c.rng) if who is not c.person else c.phone(),
            [c.decoy(c.pick("place", "postal-code", "street"))],
        ]
        out += [*join(cells, sep), "\n"]
    return spotted(out, spot), "message:user" if c.rng.random() < 0.6 else "message:agent"


def t_markdown(c: Ctx) -> tuple[Items, str]:
    out: Items = ["| Name | Role | Phone | Last contact |\n|---|---|---|---|\n"]
    for who in _people(c, c.rng.randint(2, 4)):
        out += [
            "| ",
            *c.name(who, "markdown-table"),
            " | ",
            c.decoy(c.pick("job-title", "team")),
            " | ",
            *a_phone(c.rng),
            " | ",
            c.decoy("date"),
            " |\n",
        ]
    return spotted(out, "markdown"), "message:agent"


def t_html(c: Ctx) -> tuple[Items, str]:
    if c.rng.random() < 0.5:
        out: Items = ["<table><tr><th>Customer</th><th>Email</th><th>Order</th></tr>"]
        for who in _people(c, c.rng.randint(1, 3)):
            out += [
                "<tr><td>",
                *c.name(who, "html"),
                "</td><td>",
                *an_email(c.rng, who),
                "</td><td>",
                c.decoy("order-id"),
                "</td></tr>",
            ]
        out.append("</table>")
    else:
        out = [
            "<p>",
            c.pick("Dear ", "Hello "),
            "<b>",
            *c.name(c.person, "html", "given"),
            "</b>,</p><p>your appointment is on <time>",
            c.decoy("date"),
            "</time>.</p><p>",
            c.decoy("team"),
            ' &middot; <a href="tel:',
            *c.phone(),
            '">call</a></p>',
        ]
    return spotted(out, "html"), "message:bot"


def t_bot_json(c: Ctx) -> tuple[Items, str]:
    g = tuple(c.name(c.person, "bot-json", "given"))
    obj = {
        "type": "template",
        "payload": {
            "template_type": c.pick("form", "button", "quick_replies"),
            "text": (
                c.pick("Hi ", "Welcome back, ", "Merhaba "),
                *g,
                c.pick("! How can I help?", ", choose:"),
            ),
            "elements": [
                {"label": "Name", "value": tuple(c.name(c.person, "bot-json"))},
                {"label": "Phone", "value": tuple(c.phone())},
                {"label": "Email", "value": tuple(c.mail())},
                {"label": "Order", "value": (c.decoy(c.pick(*_ORDER_CLASSES)),)},
            ],
        },
    }
    if c.rng.random() < 0.4:
        obj["payload"]["elements"].append({"label": "Updated", "value": (c.decoy("date"),)})
    return jtext(obj, c.rng.random() < 0.5, c.rng.random() < 0.4), "message:bot"


def t_event_json(c: Ctx) -> tuple[Items, str]:
    obj = {
        "event": c.pick("login", "address_change", "payment_failed"),
        "user": {
            "firstName": tuple(c.name(c.person, "bot-json", "given")),
            "lastName": tuple(c.name(c.person, "bot-json", "family")),
            "contact": tuple(c.mail()),
        },
        "client": {"ip": (an_ip(c.rng, "json"),), "app": (c.decoy("version"),)},
        "card": {
            "pan": (a_card(c.rng),),
            "holder": tuple(c.name(c.person, "card-holder", form="upper")),
        },
        "ts": (c.decoy("date"),),
    }
    return jtext(obj, c.rng.random() < 0.5, c.rng.random() < 0.5), "message:bot"


def t_activity_json(c: Ctx) -> tuple[Items, str]:
    """A chat activity as bot frameworks log it: the sender's display name in ``from``."""
    obj: dict[str, Any] = {
        "type": "message",
        "id": (c.decoy("uuid"),),
        "from": {
            "id": f"u-{c.rng.getrandbits(40):010x}",
            "name": tuple(c.name(c.person, "bot-json")),
        },
        "text": tuple(ask(c, c.pick("phone", "email", "order", "iban"))),
        "channelData": {"locale": c.person.lang, "clientIp": (an_ip(c.rng, "json"),)},
    }
    if c.rng.random() < 0.5:
        obj["entities"] = [{"type": "mention", "text": ("@", *c.name(c.agent, "mention", "given"))}]
    return jtext(obj, c.rng.random() < 0.5, c.rng.random() < 0.5), "message:bot"


def t_yaml(c: Ctx) -> tuple[Items, str]:
    q = c.pick("", "'", '"')
    out: Items = [
        "customer:\n  name: ",
        q,
        *c.name(c.person, "yaml"),
        q,
        "\n  email: ",
        *c.mail(),
        "\n  phone: ",
        q,
        *c.phone(),
        q,
        "\n  iban: ",
        a_iban(c.rng),
        "\n  order: ",
        c.decoy("order-id"),
        "\n  assigned_to: ",
        *c.name(c.agent, "yaml"),
        "\n  team: ",
        c.decoy("team"),
        "\n",
    ]
    return spotted(out, "yaml"), "message:agent"


def t_kv(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        "first_name=",
        *c.name(c.person, "kv", "given", form="as-is"),
        " last_name=",
        *c.name(c.person, "kv", "family", form="as-is"),
        " email=",
        *c.mail(),
        " ip=",
        an_ip(c.rng, "kv"),
        " app=",
        c.decoy("version"),
        " sku=",
        c.decoy("sku"),
    ]
    return spotted(out, "kv"), "message:bot"


def t_log(c: Ctx) -> tuple[Items, str]:
    lines: list[Items] = []
    for _ in range(c.rng.randint(2, 4)):
        h, m, sec = c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59)
        ts = f"2025-06-{c.rng.randint(1, 28):02d}T{h:02d}:{m:02d}:{sec:02d}Z"
        ip = an_ip(c.rng, "log", "log")
        style = c.rng.randrange(4)
        if style == 0:
            lines.append([f"{ts} INFO auth ok user=", *c.mail(spot="log"), " from ", ip])
        elif style == 1:
            v6 = ip.cls.startswith("ip/v6")
            lines.append(
                [
                    f"{ts} WARN ",
                    "[" if v6 else "",
                    ip,
                    "]:" if v6 else ":",
                    str(c.rng.randint(1024, 65535)),
                    " rate limited, req ",
                    c.decoy("uuid"),
                ]
            )
        elif style == 2:
            lines.append(
                [
                    ip,
                    f" - - [{c.rng.randint(1, 28):02d}/Jun/2025:10:12:0{c.rng.randint(0, 9)}"
                    ' +0000] "GET /api/orders HTTP/1.1" 200 ',
                    str(c.rng.randint(100, 9999)),
                ]
            )
        else:
            lines.append(
                [
                    f"{ts} DEBUG session for ",
                    *c.name(c.person, "log", form="as-is"),
                    " X-Forwarded-For: ",
                    ip,
                ]
            )
    return spotted(join(lines, "\n"), "log"), c.pick("message:user", "message:agent")


def t_calendar(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        "BEGIN:VEVENT\nSUMMARY:Callback ",
        c.decoy("case-id"),
        "\nDTSTART:20250612T093000Z\n",
        "ORGANIZER;CN=",
        *c.name(c.agent, "calendar"),
        ":mailto:",
        a_role_mail(c.rng),
        "\nATTENDEE;CN=",
        *c.name(c.person, "calendar"),
        ":mailto:",
        *c.mail(),
        "\nLOCATION:",
        c.decoy(c.pick("room", "street")),
        "\nEND:VEVENT",
    ]
    return spotted(out, "calendar"), "message:bot"


def t_meeting(c: Ctx) -> tuple[Items, str]:
    a, b = c.other(), c.other()
    out: Items = [
        c.pick("Meeting notes ", "Notes ", "Protokoll "),
        c.decoy("date"),
        "\nAttendees: ",
        *c.name(c.person, "meeting-notes"),
        ", ",
        *c.name(a, "meeting-notes"),
        ", ",
        *c.name(b, "meeting-notes", "given"),
        ", ",
        c.decoy("team"),
        "\n- ",
        *c.name(a, "meeting-notes", "given"),
        ": ",
        c.pick("send contract", "check refund"),
        " by ",
        c.decoy("day-month"),
        "\n- ",
        *c.name(c.person, "meeting-notes", "given"),
        " to confirm IBAN ",
        a_iban(c.rng),
        "\n",
    ]
    return out, "message:agent"


def t_crm(c: Ctx) -> tuple[Items, str]:
    rel = c.other(c.person.lang)
    out: Items = [
        c.pick("Called ", "Spoke to ", "Rückruf bei "),
        *c.name(c.person, "crm"),
        " (",
        *c.phone(),
        ") re ",
        c.decoy("case-id"),
        ". ",
        c.pick("Her partner ", "Brother ", "Neighbour "),
        *c.name(rel, "crm", "given"),
        " ",
        c.pick("answered", "will sign"),
        ". Next: ",
        c.decoy("day-month"),
        ", approved by ",
        c.decoy("job-title"),
        ".",
    ]
    return out, "message:agent"


def t_form(c: Ctx) -> tuple[Items, str]:
    labels = c.pick(
        ("Name", "E-mail", "Phone", "IBAN", "Card", "Cardholder"),
        ("Name", "E-Mail", "Telefon", "IBAN", "Kartennummer", "Karteninhaber"),
        ("Nom", "Courriel", "Téléphone", "IBAN", "Carte", "Titulaire"),
        ("Nome", "E-mail", "Telefone", "IBAN", "Cartão", "Titular"),
    )
    out: Items = [
        labels[0],
        ": ",
        *c.name(c.person, "form"),
        "\n",
        labels[1],
        ": ",
        *c.mail(),
        "\n",
        labels[2],
        ": ",
        *c.phone(),
        "\n",
    ]
    if c.rng.random() < 0.6:
        out += [labels[3], ": ", a_iban(c.rng), "\n"]
    else:
        out += [
            labels[4],
            ": ",
            a_card(c.rng),
            "\n",
            labels[5],
            ": ",
            *c.name(c.person, "card-holder", form=c.pick("upper", "as-is")),
            "\n",
        ]
    out += ["Postcode: ", c.decoy("postal-code")]
    return spotted(out, "form"), "message:user"


def t_mention(c: Ctx) -> tuple[Items, str]:
    o = c.other()
    out: Items = [
        "@",
        *c.name(c.agent, "mention", "given", form="as-is"),
        " ",
        c.pick("can you check ", "pls look at ", "handled? "),
        c.decoy(c.pick(*_ORDER_CLASSES)),
        " cc @",
        *c.name(o, "mention", "given", form="as-is"),
        c.noise(),
    ]
    return spotted(out, "mention"), "message:agent"


def t_chatlog(c: Ctx) -> tuple[Items, str]:
    lines: list[Items] = []
    for i in range(c.rng.randint(2, 4)):
        who = c.person if i % 2 == 0 else c.agent
        say = (
            ask(c, c.pick("order", "phone", "email"))
            if who is c.person
            else [c.pick("ok, checking", "one moment", "done ✅")]
        )
        lines.append(
            [
                f"[{c.rng.randint(8, 20):02d}:{c.rng.randint(0, 59):02d}] ",
                *c.name(who, "chatlog", "given", form="as-is"),
                ": ",
                *say,
            ]
        )
    return join(lines, "\n"), "message:agent"


def t_only_reply(c: Ctx) -> tuple[Items, str]:
    what = c.pick("full", "full", "given", "family")
    return [*c.name(c.person, "only-reply", what), c.pick("", "", ".", " 🙂", "!")], "message:user"


def t_list(c: Ctx) -> tuple[Items, str]:
    out: Items = [c.pick("Passengers:", "Guests:", "Teilnehmer:", "Pasajeros:")]
    for i, who in enumerate(_people(c, c.rng.randint(2, 4))):
        out += [
            f"\n{c.pick(f'{i + 1}.', '-', '*', '•')} ",
            *c.name(who, "list"),
            ", seat ",
            c.decoy("seat"),
        ]
    out += ["\nFlight ", c.decoy("flight"), " on ", c.decoy("date")]
    return out, "message:user"


def t_third_party(c: Ctx) -> tuple[Items, str]:
    o = c.other()
    head, tail = c.pick(
        ("Please add ", " as second driver"),
        ("Can ", " pick it up at "),
        ("The parcel is for ", ", delivery to "),
        ("Invoice should name ", ", office at "),
        ("I'm booking for ", ", hotel near "),
    )
    out: Items = [
        head,
        *c.name(o, "third-party"),
        tail,
        c.decoy(c.pick("place", "street")),
        ". ",
        *ask(c, c.pick("phone", "email")),
    ]
    return out, "message:user"


def t_card(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        c.pick("Card: ", "card no ", "Karte "),
        a_card(c.rng),
        c.pick(" exp ", ", valid thru "),
        f"{c.rng.randint(1, 12):02d}/{c.rng.randint(26, 31)}",
        "\n",
        c.pick("Name on card: ", "Holder: ", ""),
        *c.name(c.person, "card-holder", form=c.pick("upper", "upper", "as-is")),
    ]
    if c.rng.random() < 0.5:
        out += ["\n(not ", c.decoy("luhn-fail"), ", that one was cancelled)"]
    return out, "message:user"


def t_iban(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        c.pick("IBAN ", "Account: ", "Konto: ", "RIB : "),
        a_iban(c.rng),
        c.pick(", BIC ", " / SWIFT "),
        c.decoy("bic"),
        "\n",
        c.pick("Account holder: ", "Kontoinhaber: ", "Titular: "),
        *c.name(c.person, "form"),
    ]
    if c.rng.random() < 0.4:
        out += ["\nold one (typo, ignore): ", c.decoy("iban-bad")]
    if c.rng.random() < 0.3:
        out += ["\nUS: routing ", c.decoy("aba"), " | UK sort code ", c.decoy("sort-code")]
    return out, "message:user"


def t_url(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        c.pick("Here is the link: ", "Download: ", "webhook -> ", "Log in via ", "see "),
        *a_url(c.rng),
    ]
    if c.rng.random() < 0.5:
        out += [" (status: ", c.decoy("plain-url"), ")"]
    return out, c.pick("message:bot", "message:user", "message:agent")


def t_decoys(c: Ctx) -> tuple[Items, str]:
    """A message with no personal value in it: numbers and words that must stay."""
    picks = c.rng.sample(_NUMERIC, 4)
    out: Items = [
        c.pick("Order ", "Update: ", "FYI ", ""),
        c.decoy(picks[0]),
        " — ",
        c.decoy(picks[1]),
        ", ",
        c.decoy(picks[2]),
        c.pick(" and ", "; ", " / "),
        c.decoy(picks[3]),
        ".",
    ]
    return out, c.pick("message:bot", "message:agent", "message:user")


_STARTERS = {
    "Hope": " this helps!",
    "Grace": " period ends soon.",
    "Will": " do, thanks.",
    "Mark": " as resolved pls.",
    "Rose": " gold is sold out.",
    "Dawn": " deliveries start at 6.",
    "Sunny": " side up, as ordered.",
    "Amber": " warning in the app.",
    "Summer": " sale ends Friday.",
    "Frank": " feedback welcome.",
    "Jack": " (3.5 mm) is loose.",
    "Victor": " Hugo quote on the mug.",
    "Lovely": ", thank you!",
    "Crystal": " clear now.",
    "Ivy": " pattern case is back.",
}


def t_wordy(c: Ctx) -> tuple[Items, str]:
    """Name-shaped words where a name could stand: line starts, sign-offs, titles, brands."""
    w = c.pick(*_STARTERS)
    out: Items = [Put("decoy", w, "decoy/line-start-word"), _STARTERS[w], "\n"]
    r = c.rng.randrange(5)
    if r == 0:
        out += ["Approved by the ", c.decoy("job-title"), "."]
    elif r == 1:
        out += [c.pick("Kind regards,\n", "Cheers,\nThe ", "Best,\n"), c.decoy("team")]
    elif r == 2:
        brand = c.pick(*_NAMED_BRANDS) if c.rng.random() < 0.6 else DECOYS["brand"](c.rng)
        out += [
            "We stock ",
            Put("decoy", brand, "decoy/brand"),
            " near ",
            c.decoy("place"),
            " on ",
            c.decoy("street"),
            ".",
        ]
    elif r == 3:
        out += [
            "Model: ",
            c.decoy("word"),
            c.pick(" 2", " Edition", " (2025)"),
            ", colour ",
            c.decoy("word"),
            ".",
        ]
    else:
        out += [
            "Your ",
            c.decoy("product"),
            " ships ",
            c.decoy("day-month"),
            " from ",
            c.decoy("company"),
            ".",
        ]
    return out, c.pick("message:bot", "message:agent")


def t_brand(c: Ctx) -> tuple[Items, str]:
    """Brands, companies and places that carry given names, where a name could stand."""
    brand = c.pick(*_NAMED_BRANDS) if c.rng.random() < 0.7 else DECOYS["brand"](c.rng)
    b = Put("decoy", brand, "decoy/brand")
    r = c.rng.randrange(3)
    if r == 0:
        out: Items = ["Can I pay with a ", b, " gift card? ", *ask(c, "order")]
    elif r == 1:
        out = ["Is the ", b, " in ", c.decoy("place"), " open on ", c.decoy("day-month"), "?"]
    else:
        out = [b, c.pick(" voucher ", " coupon "), c.decoy("sku"), " didn't work", c.noise()]
    return out, "message:user"


def t_native(c: Ctx) -> tuple[Items, str]:
    """A self-introduction in the person's own script where the language has one."""
    return [
        *c.cue(c.person, "cue"),
        " ",
        *ask(c, c.pick("phone", "email", "order"), "en"),
    ], "message:user"


TEMPLATES: dict[str, tuple[Tpl, int]] = {
    "intro": (t_intro, 14),
    "signoff": (t_signoff, 8),
    "greet": (t_greet, 8),
    "relation": (t_relation, 4),
    "handoff": (t_handoff, 4),
    "said": (t_said, 4),
    "title": (t_title, 3),
    "signature": (t_signature, 6),
    "signature-line": (t_signature_line, 5),
    "email-thread": (t_email_thread, 4),
    "forwarded": (t_forwarded, 2),
    "csv": (t_csv, 5),
    "markdown": (t_markdown, 2),
    "html": (t_html, 3),
    "bot-json": (t_bot_json, 4),
    "event-json": (t_event_json, 2),
    "yaml": (t_yaml, 2),
    "kv": (t_kv, 2),
    "log": (t_log, 3),
    "calendar": (t_calendar, 2),
    "meeting": (t_meeting, 2),
    "crm": (t_crm, 3),
    "form": (t_form, 3),
    "mention": (t_mention, 2),
    "chatlog": (t_chatlog, 3),
    "only-reply": (t_only_reply, 4),
    "list": (t_list, 2),
    "third-party": (t_third_party, 3),
    "card": (t_card, 3),
    "iban": (t_iban, 3),
    "url": (t_url, 9),
    "decoys": (t_decoys, 6),
    "wordy": (t_wordy, 5),
    "native": (t_native, 3),
    "brand": (t_brand, 3),
    "activity-json": (t_activity_json, 2),
}


# --- free-text fields of the platform's records ------------------------------------------------
RAW_FIELDS = {
    "peki": ("notes", "delivery_note", "feedback", "callback_request"),
    "kore": ("agent_notes", "summary", "feedback", "escalation_reason"),
    "selise": ("feedback", "summary", "agent_notes"),
}


def t_raw_note(c: Ctx) -> tuple[Items, str]:
    rel = c.other(c.person.lang)
    out: Items = [
        c.pick("Customer ", "Caller ", "User ", ""),
        *c.name(c.person, "raw-note"),
        c.pick(" called about ", " complained re ", " asked for refund of "),
        c.decoy(c.pick(*_ORDER_CLASSES)),
        c.pick("; prefers ", ". Callback: ", " - tel "),
        *c.phone(),
        c.pick(". Also on the account: ", ". Spouse ", ". Contact person "),
        *c.name(rel, "raw-note", c.pick("full", "given")),
        c.pick(".", " ✔", ""),
    ]
    return out, "raw"


def t_raw_summary(c: Ctx) -> tuple[Items, str]:
    out: Items = [
        c.pick("Summary: ", "Resolved: ", ""),
        *c.name(c.person, "raw-note", "given"),
        c.pick(" wanted to change the e-mail to ", " gave a new address: "),
        *c.mail(),
        c.pick(" and the IBAN to ", "; refund IBAN "),
        a_iban(c.rng),
        ". Sentiment ",
        c.decoy("percent"),
        ".",
    ]
    return out, "raw"


RAW_TEMPLATES: tuple[Tpl, ...] = (
    t_raw_note,
    t_raw_summary,
    t_raw_note,
    t_intro,
    t_signature_line,
    t_form,
    t_third_party,
    t_decoys,
    t_crm,
    t_kv,
    t_url,
)

_ASK_NAME = (
    "Could I have your full name, please?",
    "What's your name?",
    "Wie ist Ihr Name?",
    "¿Cómo te llamas?",
    "Adınız nedir?",
    "Podaj imię i nazwisko.",
    "Your name please 🙂",
)


# --- conversations -------------------------------------------------------------------------------


def _own_phone(rng: random.Random, country: str) -> tuple[str, Put]:
    num = valid_number(rng, country, mobile=True)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    if rng.random() < 0.45:
        return e164, Put("phone", national_written(rng, num), f"phone/national-{country}")
    return e164, Put("phone", intl_written(rng, num, country), f"phone/intl-{country}")


def _draw(c: Ctx, tpl: Tpl, where: str | None, names: set[str]) -> Text10 | None:
    for _ in range(12):
        items, w = tpl(c)
        t = render(items, where or w)
        if t is None:
            continue
        mine = names | {v for k, v, _ in t.planted if k == "name" and "\\" not in v}
        if not stray_names([t], mine):
            names |= mine
            return t
    return None


def conversation(rng: random.Random, lang: str) -> Conversation:
    for _ in range(20):
        conv = _conversation(rng, lang)
        if conv is not None:
            return conv
    raise RuntimeError(f"no conversation for {lang}")  # pragma: no cover - lists are wide enough


def _conversation(rng: random.Random, lang: str) -> Conversation | None:
    who = make_who(rng, lang)
    country = rng.choice(HOME[lang])
    e164, own = _own_phone(rng, country)
    g, f = who.parts()
    email = f"{_local(rng, g, f)}@{rng.choice(MAIL_HOME[lang])}"
    agent = make_who(
        rng, lang if rng.random() < 0.5 else rng.choice(("en", "de", "es", "tl", "hi", "ar", "pl"))
    )
    platform = rng.choice(("peki", "kore", "selise"))
    c = Ctx(rng, who, platform, country, email, e164, own, agent)
    names = {x for x in (*who.parts(), *who.parts(native=True)) if x}
    texts: list[Text10] = []
    names_, weights = zip(*((n, w) for n, (_, w) in TEMPLATES.items()), strict=True)
    for _ in range(rng.randint(2, 8)):
        key = rng.choices(names_, weights)[0]
        if key == "native" and not who.has_native:
            key = "intro"
        if key == "only-reply":
            texts.append(Text10(rng.choice(_ASK_NAME), [], "message:bot"))
        t = _draw(c, TEMPLATES[key][0], None, names)
        if t is not None:
            texts.append(t)
    raw: dict[str, str] = {}
    for fld in rng.sample(RAW_FIELDS[platform], rng.choice((0, 0, 1, 1, 2))):
        t = _draw(c, rng.choice(RAW_TEMPLATES), f"raw:{fld}", names)
        if t is not None:
            texts.append(t)
            raw[fld] = t.text
    if not any(t.planted for t in texts):
        return None
    names |= {v for t in texts for k, v, _ in t.planted if k == "name" and "\\" not in v}
    if stray_names(texts, names):
        return None
    person = Person(lang, g, f, email, e164, own.value, country)
    return Conversation(platform, person, _profile(c, raw), texts)


def _profile(c: Ctx, raw: dict[str, str]) -> dict[str, Any]:
    rng, p = c.rng, c.person
    g, f = p.parts(native=p.has_native and rng.random() < 0.2)
    full = f"{f} {g}" if p.lang in FAMILY_FIRST else f"{g} {f}"
    if c.platform == "peki":
        return {
            "firstName": g,
            "lastName": f,
            "email": c.email,
            "phoneNumber": c.phone_e164,
            "username": c.email.split("@")[0],
            "source": "Dev",
            "dataDictionary": dict(raw),
        }
    if c.platform == "kore":
        tags = []
        if rng.random() < 0.75:
            tags = [{"name": "fullName", "value": full}, {"name": "email", "value": c.email}]
            if rng.random() < 0.7:
                tags.append({"name": "phone", "value": c.phone_e164})
        return {
            "channel": rng.choice(("rtm", "msteams", "whatsapp", "email")),
            "session_lang": [p.lang],
            "tags": {
                "userTags": tags,
                "sessionTags": [{"name": k, "value": v} for k, v in raw.items()],
            },
        }
    return {
        "agent_id": f"agent-{rng.randint(100, 999)}",
        "status": rng.choice(("closed", "active", "idle")),
        "user_info": {"name": full, "email": c.email, "phone": c.phone_e164, "location": c.country},
        "metadata": {"source": "widget", "browser": rng.choice(("Firefox", "Safari", "Chrome"))},
        "tags": [rng.choice(("refund", "delivery", "billing"))],
        "rating": rng.randint(1, 5),
        **raw,
    }


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 10 · {seed}")
    order = list(LANGS)
    rng.shuffle(order)
    out: list[Conversation] = []
    count = 0
    while count < n:
        conv = conversation(rng, order[len(out) % len(order)])
        out.append(conv)
        count += len(conv.texts)
    return out


# --- what the bank holds -------------------------------------------------------------------------


def _name_form(v: str) -> str:
    if "\\u" in v or "\\" in v:
        return "escaped"
    if _NATIVE_SCRIPT.search(v):
        return "native-script"
    if v.isupper():
        return "upper"
    if v.islower():
        return "lower"
    return "diacritics" if v != ascii_form(v) else "ascii"


def composition(convs: Sequence[Conversation]) -> dict[str, Counter[str]]:
    comp: dict[str, Counter[str]] = {
        k: Counter()
        for k in ("kind", "class", "origin", "name_form", "spot", "where", "platform", "lang")
    }
    for conv in convs:
        comp["platform"][conv.platform] += 1
        comp["lang"][conv.person.lang] += 1
        for t in conv.texts:
            comp["where"][
                t.where.split(":")[0]
                + (":" + t.where.split(":")[1] if t.where.startswith("message") else "")
            ] += 1
            spots = t.spots if isinstance(t, Text10) else [""] * len(t.planted)
            origins = t.origins if isinstance(t, Text10) else [""] * len(t.planted)
            for (kind, value, cls), spot, origin in zip(t.planted, spots, origins, strict=True):
                comp["kind"][kind] += 1
                comp["class"][cls] += 1
                comp["spot"][spot] += 1
                if kind == "name":
                    comp["origin"][origin] += 1
                    comp["name_form"][_name_form(value)] += 1
    return comp


def _iter_table(c: Counter[str]) -> Iterator[str]:
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        yield f"| {k} | {v} |"


def main(argv: Sequence[str]) -> int:
    n = int(argv[0]) if argv else 20_000
    seed = int(argv[1]) if len(argv) > 1 else 1
    convs = corpus(n, seed)
    texts = sum(len(c.texts) for c in convs)
    print(f"bank 10, seed {seed}: {len(convs)} conversations, {texts} texts")
    for key, counter in composition(convs).items():
        print(f"\n| {key} | planted |\n|---|---:|")
        for line in _iter_table(counter):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
