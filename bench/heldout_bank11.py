"""Held-out bank 11: conversations with planted personal values and decoys, written apart.

The names, cue phrases, containers, number formats and decoys below were written for this bank
alone, from how people write in chats, tickets, CRM notes and business data; nothing here is
taken from the detectors, the policy or the earlier banks. ``corpus(n, seed)`` returns
conversations (``bench.heldout_corpus.Conversation``) until at least ``n`` texts, the same
shape ``bench/masking_quality.py --held-out --bank 11`` scores.

What is planted, and how it is scored:

- ``name``: every token of a person's name as it stands (given, middle and family parts; a
  hyphenated part such as "Anne-Marie" or "García-López" and an apostrophe part such as
  "O'Neill" is one token). Particles ("van", "der", "de", "bin", "binti", "dos", "da", "la",
  "del", "al") are not planted: they say nothing alone. An initial ("J.") is not planted; the
  family name beside it is. A native CJK name written without a space ("王伟", "김민준") is one
  value. Nicknames and typos are planted as typed.
- ``phone``: the number as written, without an extension (the extension stays in the text,
  unplanted). International forms include numbers in ranges the numbering metadata does not
  (yet) list as valid but whose length is possible.
- ``card``: Luhn-valid numbers of many issuers in their groupings. Masked forms ("**** 1234",
  "ending 4821") appear in the text but are neither planted nor decoys: they are already safe.
- ``iban``: mod-97-valid, compact, grouped in fours and lower case.
- ``ip``: public IPv4/IPv6 addresses. Private, loopback and documentation addresses are neither
  planted nor decoys (they are not written at all).
- ``email``: personal, plus-tagged, dotted, IDN (Unicode domains and local parts) and role
  addresses (``support@…``: personal for this bank, since every address is masked by default).
  Obfuscated forms ("maria at example dot com") are not written.
- ``url``: the credential inside a URL (token, password, signature, key, OAuth code, webhook
  key): a detection of the whole URL covers it, one of the credential alone too.
- ``decoy``: values that must stay (kind ``decoy``, class ``decoy/<what>``).

Every planted value occurs in its text only where it was planted, never inside a longer word
(unless next to an unspaced script: CJK, kana, Hangul, Thai), and two values never overlap;
a text where that fails is drawn again. ``composition`` counts the bank by kind, class,
language and position; ``python bench/heldout_bank11.py`` prints it (no detector runs).
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import itertools
import json
import random
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.heldout_corpus import Conversation, Person, Text

# --- text model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Put:
    """A planted value as it stands in the text (already escaped/cased as the text has it)."""

    kind: str
    value: str
    cls: str
    spot: str = ""
    origin: str = ""


@dataclass
class Text11(Text):
    spots: list[str] = field(default_factory=list)  # position of each planted value
    origins: list[str] = field(default_factory=list)  # language / region / issuer / country


Item = str | Put
Items = list[Item]


def _unspaced(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0E00 <= o <= 0x0E7F  # Thai
        or 0x3040 <= o <= 0x30FF  # kana
        or 0x3400 <= o <= 0x9FFF  # CJK
        or 0xAC00 <= o <= 0xD7AF  # Hangul
        or 0xF900 <= o <= 0xFAFF
    )


def _glued(text: str, a: int, b: int, kind: str) -> bool:
    left = text[a - 1] if a > 0 else " "
    right = text[b] if b < len(text) else " "
    if unicodedata.combining(right):
        return True
    for ch, inner in ((left, text[a]), (right, text[b - 1])):
        if ch.isalnum() or ch == "_":
            if _unspaced(ch) or _unspaced(inner):
                continue
            if kind == "url" and not ch.isalnum():
                continue
            return True
    return False


def finish(items: Items, where: str) -> Text11 | None:
    """Join the items; None when a value would be found anywhere but where it was planted."""
    parts: list[str] = []
    puts: list[tuple[int, Put]] = []
    pos = 0
    for it in items:
        if isinstance(it, Put):
            if not it.value:
                return None
            puts.append((pos, it))
            parts.append(it.value)
            pos += len(it.value)
        else:
            parts.append(it)
            pos += len(it)
    text = "".join(parts)
    by_value: dict[str, list[tuple[int, Put]]] = {}
    for a, p in puts:
        by_value.setdefault(p.value, []).append((a, p))
    spans: list[tuple[int, int]] = []
    for value, at in by_value.items():
        if len({p.kind for _, p in at}) > 1:
            return None
        found, i = [], text.find(value)
        while i >= 0:
            found.append(i)
            i = text.find(value, i + 1)
        if sorted(found) != sorted(a for a, _ in at):
            return None
        for a, p in at:
            if _glued(text, a, a + len(value), p.kind):
                return None
            spans.append((a, a + len(value)))
    spans.sort()
    for (_, b1), (a2, _) in itertools.pairwise(spans):
        if a2 < b1:
            return None
    planted, spots, origins, seen = [], [], [], set()
    for _, p in puts:
        if p.value in seen:
            continue
        seen.add(p.value)
        planted.append((p.kind, p.value, p.cls))
        spots.append(p.spot or where)
        origins.append(p.origin)
    return Text11(text, planted, where, spots, origins)


def remap(items: Items, f: Callable[[str], str]) -> Items:
    """The same items with every piece of text passed through ``f`` (escaping, casing)."""
    return [replace(it, value=f(it.value)) if isinstance(it, Put) else f(it) for it in items]


def respot(items: Items, spot: str, cls: str | None = None) -> Items:
    out: Items = []
    for it in items:
        if isinstance(it, Put):
            it = replace(it, spot=spot, cls=cls if cls and it.kind == "name" else it.cls)
        out.append(it)
    return out


def join(*chunks: Item | Items) -> Items:
    out: Items = []
    for c in chunks:
        if isinstance(c, list):
            out.extend(c)
        else:
            out.append(c)
    return out


def jstr(items: Items, ascii_only: bool) -> Items:
    """A JSON string literal of the items (with its quotes), escaped as json.dumps does."""
    return join('"', remap(items, lambda s: json.dumps(s, ensure_ascii=ascii_only)[1:-1]), '"')


def plain(items: Items) -> str:
    return "".join(it.value if isinstance(it, Put) else it for it in items)


# --- names ---------------------------------------------------------------------------------
# "native|roman" where the script is not Latin. Several are also ordinary words (Grace, Will,
# Rose, Hope, Joy, Summer, Baker, King, Koch, Strand, Indah, Baraka, Blessing, Islam...).

_L = dict[str, Any]
LANG: dict[str, _L] = {
    "en": {
        "g": "James Mary Robert Patricia Michael Jennifer William Linda David Elizabeth Grace "
        "Will Rose Hope Summer Frank Joy Dawn Bill Amber Tyler Brooke",
        "f": "Smith Johnson Brown Taylor Walker Baker Cook Young King Wright Hill Green Fisher "
        "Carpenter Mason Stone Hughes Bennett",
        "regions": "US GB AU CA",
    },
    "ga": {
        "g": "Siobhán Aoife Niamh Seán Ciarán Pádraig Róisín Eoin Caoimhe Oisín",
        "f": "O'Neill O'Brien O'Sullivan Murphy Kelly McCarthy Byrne Walsh Doyle Ní_Bhriain",
        "regions": "IE GB",
        "cue": "en",
    },
    "de": {
        "g": "Jürgen Günter Sabine Ursula Lukas Leonie Maximilian Anneliese Jörg Heike Klaus "
        "Katrin Hans-Peter Zoë",
        "f": "Müller Schmidt Schneider Weiß Groß Köhler Krüger Hoffmann Schäfer Meier Wagner "
        "Fuchs Vogel Koch Lang von_Bülow",
        "regions": "DE AT CH",
    },
    "fr": {
        "g": "Anne-Marie Jean-Luc Éloïse François Hélène Benoît Céline Gaël Maëlle Aurélie "
        "Théo Noémie",
        "f": "Lefèvre Dubois Moreau Girard Rousseau Lemaître Fontaine Chevalier Mercier Blanc "
        "Petit Dupont de_La_Roche",
        "regions": "FR BE CH",
    },
    "es": {
        "g": "María_José Jesús Dolores Íñigo Begoña Álvaro Nuria Rocío Alejandro Pilar "
        "Consuelo Lourdes",
        "f": "García-López Fernández Martínez Gómez Sánchez Muñoz Jiménez Ruiz Iglesias Núñez "
        "de_la_Fuente Ortega",
        "regions": "ES",
    },
    "es_la": {
        "g": "Guadalupe Xóchitl Itzel Yolanda Wilmer Jhon Brayan Yesenia Maritza Edwin",
        "f": "Quispe Mamani Huamán Chávez Flores Torres Cárdenas Villacrés Paredes Zambrano",
        "regions": "MX PE EC",
        "cue": "es",
    },
    "it": {
        "g": "Giuseppe Chiara Niccolò Giulia Raffaele Francesca Lorenzo Federica Salvatore "
        "Gianluca",
        "f": "Rossi Russo Esposito Bianchi Romano Colombo Ricci De_Luca Greco Conti Mancini "
        "D'Angelo",
        "regions": "IT CH",
    },
    "pt": {
        "g": "João Conceição Thiago Letícia Gonçalo Inês Leandro Luíza Sebastião Mônica",
        "f": "Gonçalves Araújo Ferreira Magalhães Simões dos_Santos da_Silva Nogueira Brandão "
        "Assunção",
        "regions": "BR PT",
    },
    "nl": {
        "g": "Sanne Bram Femke Joost Lieke Maarten Ruud Annelies Thijs Marloes",
        "f": "van_der_Berg de_Vries Jansen Bakker Visser van_Dijk Smit Meijer de_Jong Mulder "
        "van_den_Heuvel",
        "regions": "NL BE",
    },
    "pl": {
        "g": "Małgorzata Grzegorz Agnieszka Krzysztof Łukasz Zofia Wojciech Katarzyna Jędrzej "
        "Bożena",
        "f": "Kowalski Wiśniewska Wójcik Kamiński Lewandowska Zieliński Szymańska Dąbrowski "
        "Kozłowski Jankowska",
        "regions": "PL",
    },
    "cs": {
        "g": "Jiří Petra Tomáš Lucie Ondřej Kateřina Zdeněk Markéta",
        "f": "Novák Svobodová Dvořák Černý Procházková Kučera Veselý Horáková",
        "regions": "CZ",
    },
    "hu": {
        "g": "Zsófia László Gergely Erzsébet Ágnes Balázs Zoltán Krisztina",
        "f": "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Fekete",
        "regions": "HU",
        "order": "fg",
    },
    "ro": {
        "g": "Ioana Andrei Mihaela Ștefan Cristina Bogdan Răzvan Alexandra",
        "f": "Popescu Ionescu Dumitrescu Stănescu Constantin Gheorghiu Țurcanu Munteanu",
        "regions": "RO",
    },
    "el": {
        "g": "Γιώργος|Giorgos Μαρία|Maria Δημήτρης|Dimitris Ελένη|Eleni "
        "Κωνσταντίνος|Konstantinos Αικατερίνη|Aikaterini Νίκος|Nikos Σοφία|Sofia",
        "f": "Παπαδόπουλος|Papadopoulos Παπαδοπούλου|Papadopoulou Οικονόμου|Oikonomou "
        "Γεωργίου|Georgiou Νικολάου|Nikolaou Καραγιάννης|Karagiannis Βασιλείου|Vasileiou",
        "regions": "GR CY",
    },
    "ru": {
        "g": "Алексей|Aleksei Наталья|Natalya Дмитрий|Dmitry Екатерина|Ekaterina Сергей|Sergei "
        "Ольга|Olga Юлия|Yulia Михаил|Mikhail Надежда|Nadezhda Любовь|Lyubov",
        "f": "Иванов|Ivanov Смирнова|Smirnova Кузнецов|Kuznetsov Попова|Popova Соколов|Sokolov "
        "Лебедева|Lebedeva Волков|Volkov Морозова|Morozova",
        "regions": "RU",
    },
    "uk": {
        "g": "Олександр|Oleksandr Оксана|Oksana Тарас|Taras Ірина|Iryna Богдан|Bohdan "
        "Галина|Halyna Юрій|Yurii",
        "f": "Шевченко|Shevchenko Коваленко|Kovalenko Бондаренко|Bondarenko Ткаченко|Tkachenko "
        "Мельник|Melnyk Кравчук|Kravchuk Олійник|Oliinyk",
        "regions": "UA",
    },
    "tr": {
        "g": "Ayşe Mehmet Gülşen Çağrı Özge Şükrü Elif Barış İbrahim Yağmur",
        "f": "Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç",
        "regions": "TR",
    },
    "ar": {
        "g": "محمد|Mohammed فاطمة|Fatima أحمد|Ahmed عائشة|Aisha يوسف|Youssef مريم|Mariam "
        "خالد|Khaled نور|Nour عمر|Omar ليلى|Layla",
        "f": "الحسيني|Al-Husseini بن_عبدالله|bin_Abdullah العتيبي|Al-Otaibi حداد|Haddad "
        "منصور|Mansour الشمري|Al-Shammari النجار|Al-Najjar",
        "regions": "SA AE EG JO",
    },
    "ar_ma": {
        "g": "Fatima-Zahra Hamza Khadija Soufiane Imane Mehdi Youssef Salma",
        "f": "El_Amrani Benjelloun Alaoui Bennani Tazi Chraibi El_Idrissi Berrada",
        "regions": "MA",
        "cue": "fr",
    },
    "he": {
        "g": "יוסי|Yossi מיכל|Michal נועה|Noa אבי|Avi שירה|Shira דוד|David תמר|Tamar איתי|Itai",
        "f": "כהן|Cohen לוי|Levi מזרחי|Mizrahi פרץ|Peretz ביטון|Biton אברהם|Avraham שפירא|Shapira",
        "regions": "IL",
    },
    "fa": {
        "g": "علی|Ali زهرا|Zahra رضا|Reza مریم|Maryam حسین|Hossein نگار|Negar",
        "f": "محمدی|Mohammadi حسینی|Hosseini رضایی|Rezaei کریمی|Karimi احمدی|Ahmadi",
        "regions": "AE DE",
    },
    "hi": {
        "g": "राहुल|Rahul प्रिया|Priya अमित|Amit सुनीता|Sunita विकास|Vikas अंजलि|Anjali "
        "संजय|Sanjay पूजा|Pooja दीपक|Deepak",
        "f": "शर्मा|Sharma वर्मा|Verma गुप्ता|Gupta सिंह|Singh पटेल|Patel यादव|Yadav "
        "मिश्रा|Mishra अग्रवाल|Agarwal",
        "regions": "IN",
    },
    "bn": {
        "g": "সুমন|Suman রহিম|Rahim তানিয়া|Tania ফারহানা|Farhana আরিফ|Arif নুসরাত|Nusrat "
        "মেহেদী|Mehedi শাকিল|Shakil",
        "f": "হোসেন|Hossain রহমান|Rahman চৌধুরী|Chowdhury ইসলাম|Islam আহমেদ|Ahmed "
        "বিশ্বাস|Biswas সরকার|Sarkar দাস|Das",
        "regions": "BD",
    },
    "ta": {
        "g": "முருகன்|Murugan லக்ஷ்மி|Lakshmi கார்த்திக்|Karthik மீனா|Meena செல்வம்|Selvam "
        "அருண்|Arun கவிதா|Kavitha சுரேஷ்|Suresh",
        "f": "சுப்பிரமணியம்|Subramaniam ராஜேந்திரன்|Rajendran கிருஷ்ணன்|Krishnan "
        "நடராஜன்|Natarajan வேலு|Velu",
        "regions": "IN LK SG",
    },
    "si": {
        "g": "Dilshan Nimali Chaminda Sanduni Kasun Tharindu Dinusha",
        "f": "Perera Fernando Wickramasinghe Jayasuriya Bandara Gunawardena Rathnayake",
        "regions": "LK",
        "cue": "en",
    },
    "ne": {
        "g": "सुरेश|Suresh सीता|Sita बिकास|Bikash सरिता|Sarita प्रकाश|Prakash गीता|Gita",
        "f": "श्रेष्ठ|Shrestha थापा|Thapa गुरुङ|Gurung तामाङ|Tamang अधिकारी|Adhikari राई|Rai",
        "regions": "NP",
    },
    "th": {
        "g": "สมชาย|Somchai สุดา|Suda ณัฐพล|Nattapon พิมพ์ชนก|Pimchanok ธนากร|Thanakorn "
        "กมลวรรณ|Kamonwan วิชัย|Wichai",
        "f": "ศรีสุข|Srisuk วงศ์สวัสดิ์|Wongsawat แก้วมณี|Kaewmanee บุญมา|Boonma ทองดี|Thongdee "
        "จันทร์เพ็ญ|Chanpen",
        "regions": "TH",
    },
    "zh": {
        "g": "伟|Wei 芳|Fang 秀英|Xiuying 静|Jing 志强|Zhiqiang 丽娜|Lina 建华|Jianhua "
        "子涵|Zihan 浩然|Haoran 雨欣|Yuxin",
        "f": "王|Wang 李|Li 张|Zhang 刘|Liu 陈|Chen 杨|Yang 黄|Huang 赵|Zhao 周|Zhou 欧阳|Ouyang",
        "regions": "CN SG",
        "order": "fg",
        "unspaced": True,
    },
    "yue": {
        "g": "嘉欣|Ka-Yan 志明|Chi-Ming 詠詩|Wing-Sze 家豪|Ka-Ho 美玲|Mei-Ling 俊傑|Chun-Kit "
        "怡君|Yi-Chun 冠宇|Kuan-Yu",
        "f": "陳|Chan 黃|Wong 林|Lam 何|Ho 張|Cheung 梁|Leung 蔡|Tsai 吳|Wu",
        "regions": "HK TW",
        "order": "fg",
        "unspaced": True,
    },
    "ja": {
        "g": "翔太|Shota 陽菜|Hina 健一|Kenichi 美咲|Misaki 大輔|Daisuke 由美子|Yumiko 蓮|Ren "
        "さくら|Sakura",
        "f": "佐藤|Sato 鈴木|Suzuki 高橋|Takahashi 田中|Tanaka 渡辺|Watanabe 伊藤|Ito "
        "山本|Yamamoto 中村|Nakamura",
        "regions": "JP",
        "order": "fg",
        "unspaced": True,
    },
    "ko": {
        "g": "민준|Min-jun 서연|Seo-yeon 지훈|Ji-hoon 수빈|Su-bin 예은|Ye-eun 현우|Hyun-woo "
        "지은|Ji-eun",
        "f": "김|Kim 이|Lee 박|Park 최|Choi 정|Jung 강|Kang 조|Cho 윤|Yoon",
        "regions": "KR",
        "order": "fg",
        "unspaced": True,
    },
    "ka": {
        "g": "გიორგი|Giorgi ნინო|Nino დავით|Davit თამარ|Tamar ლევან|Levan მარიამ|Mariam "
        "ირაკლი|Irakli",
        "f": "ბერიძე|Beridze კაპანაძე|Kapanadze გელაშვილი|Gelashvili ლომიძე|Lomidze "
        "ჯაფარიძე|Japaridze ხუციშვილი|Khutsishvili",
        "regions": "GE",
    },
    "hy": {
        "g": "Արամ|Aram Անի|Ani Տիգրան|Tigran Նարինե|Narine Հայկ|Hayk Լուսինե|Lusine Գոռ|Gor",
        "f": "Պետրոսյան|Petrosyan Հովհաննիսյան|Hovhannisyan Սարգսյան|Sargsyan "
        "Գրիգորյան|Grigoryan Մկրտչյան|Mkrtchyan Ավետիսյան|Avetisyan",
        "regions": "AM",
    },
    "vi": {
        "g": "Hương Nam Lan Bảo Trang Tuấn Linh Dũng Phương",
        "m": "Thị Văn Minh Ngọc Đức Thu Quốc",
        "f": "Nguyễn Trần Lê Phạm Hoàng Võ Đặng Bùi",
        "regions": "VN",
        "order": "fg",
    },
    "id": {
        "g": "Budi Siti Agus Dewi Putri Rizky Wahyu Indah Bambang Ayu",
        "f": "Santoso Wijaya Saputra Hidayat Kusuma Nugroho Setiawan Pratama",
        "regions": "ID",
    },
    "ms": {
        "g": "Hafiz Nurul Aiman Farah Syafiq Amirah Izzati Haziq",
        "f": "bin_Ismail binti_Hassan bin_Abdullah binti_Yusof bin_Razak binti_Osman",
        "regions": "SG",
    },
    "yo": {
        "g": "Oluwaseun Chinedu Ngozi Adebayo Folake Emeka Chiamaka Tunde Blessing Godswill "
        "Precious",
        "f": "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adeleke Ogunleye Abubakar",
        "regions": "NG",
        "cue": "en",
    },
    "ak": {
        "g": "Kwame Akosua Kofi Ama Yaw Abena Kwabena Efua",
        "f": "Mensah Asante Owusu Boateng Agyeman Osei Appiah Darko",
        "regions": "GH",
        "cue": "en",
    },
    "sw": {
        "g": "Wanjiru Otieno Achieng Kamau Baraka Neema Juma Zawadi",
        "f": "Mwangi Odhiambo Kiprop Njoroge Wambui Mutua Chebet",
        "regions": "KE TZ",
    },
    "tl": {
        "g": "Maricel Rodrigo Lorna Arnel Jocelyn Marites Bong Jerome",
        "f": "dela_Cruz Santos Reyes Bautista Villanueva Macapagal Dimaculangan Pangilinan",
        "regions": "PH",
    },
    "sv": {
        "g": "Åsa Björn Linnéa Göran Ingrid Magnus Maja Sören",
        "f": "Andersson Johansson Lindqvist Ström Bergström Åberg Sjöberg Nyström",
        "regions": "SE",
    },
    "no": {
        "g": "Kjersti Øyvind Torbjørn Ingeborg Håkon Solveig Sindre Ragnhild",
        "f": "Hansen Johansen Bjørnstad Haugen Dahl Strand Løvås Sæther",
        "regions": "NO",
    },
    "fi": {
        "g": "Päivi Jukka Tuula Matti Sirpa Jyrki Aino Eetu",
        "f": "Virtanen Mäkinen Nieminen Hämäläinen Koskinen Heikkinen Järvinen Lehtonen",
        "regions": "FI",
    },
}
LANGS = tuple(LANG)
PARTICLES = {"van", "der", "den", "de", "del", "la", "La", "dos", "da", "bin", "binti", "von"}
PARTICLES |= {"dela", "El", "Ní", "De", "بن"}  # "El Amrani", "De Luca": the core is the other part
NICK = {
    "William": "Billy",
    "Robert": "Bob",
    "Elizabeth": "Liz",
    "Michael": "Mike",
    "Jennifer": "Jen",
    "Patricia": "Trish",
    "Aleksei": "Lyosha",
    "Алексей": "Лёша",
    "Ekaterina": "Katya",
    "Екатерина": "Катя",
    "Dmitry": "Dima",
    "Дмитрий": "Дима",
    "Natalya": "Natasha",
    "Наталья": "Наташа",
    "Mikhail": "Misha",
    "Михаил": "Миша",
    "Nadezhda": "Nadya",
    "Надежда": "Надя",
    "Юлия": "Юля",
    "Ольга": "Оля",
    "Giuseppe": "Peppe",
    "Salvatore": "Totò",
    "Francesca": "Fra",
    "Lorenzo": "Lollo",
    "Alejandro": "Álex",
    "Jesús": "Chuy",
    "Dolores": "Lola",
    "Consuelo": "Chelo",
    "Guadalupe": "Lupita",
    "Maximilian": "Maxi",
    "Anneliese": "Liese",
    "Krzysztof": "Krzysiek",
    "Małgorzata": "Gosia",
    "Katarzyna": "Kasia",
    "Wojciech": "Wojtek",
    "Zofia": "Zosia",
    "Grzegorz": "Grzesiek",
    "Agnieszka": "Aga",
    "Jiří": "Jirka",
    "Kateřina": "Katka",
    "Ondřej": "Ondra",
    "László": "Laci",
    "Erzsébet": "Erzsi",
    "Ștefan": "Fane",
    "Oluwaseun": "Seun",
    "Adebayo": "Bayo",
    "Chiamaka": "Amaka",
    "Chinedu": "Nedu",
    "Kwabena": "Kobby",
    "Konstantinos": "Kostas",
    "Oleksandr": "Sasha",
    "Олександр": "Сашко",
    "Sebastião": "Tião",
    "Gianluca": "Gian",
    "Mohammed": "Mo",
    "Rodrigo": "Digoy",
    "İbrahim": "İbo",
    "Ingeborg": "Inge",
    "Thiago": "Thi",
    "Niccolò": "Nicco",
}


@dataclass
class Who:
    """A person's name as parts: each part is (native, roman) or a particle."""

    lang: str
    native: bool  # written in the native script (else romanised / Latin)
    given: list[str]
    family: list[str]
    middle: list[str] = field(default_factory=list)

    @property
    def order(self) -> str:
        return str(LANG[self.lang].get("order", "gf"))

    @property
    def unspaced(self) -> bool:
        return self.native and bool(LANG[self.lang].get("unspaced"))

    @property
    def cue_lang(self) -> str:
        cue = str(LANG[self.lang].get("cue", self.lang))
        if not self.native and cue in ROMAN_CUE:
            return ROMAN_CUE[cue]
        return cue

    def first(self) -> str:
        return " ".join(self.given)

    def last(self) -> str:
        return " ".join(self.family)

    def full_str(self) -> str:
        return plain(self.full("x"))

    def _tokens(self, words: list[str], cls: str) -> Items:
        out: Items = []
        for i, w in enumerate(words):
            if i:
                out.append(" ")
            out.append(w if w in PARTICLES else Put("name", w, cls, origin=self.lang))
        return out

    def g(self, cls: str) -> Items:
        return self._tokens(self.given, cls)

    def f(self, cls: str) -> Items:
        return self._tokens(self.family, cls)

    def full(self, cls: str, order: str | None = None) -> Items:
        order = order or self.order
        if self.unspaced:
            value = "".join(self.family + self.given) if order == "fg" else "".join(self.given)
            return [Put("name", value, cls, origin=self.lang)]
        g = self._tokens(self.middle + self.given, cls)
        if order == "fg":
            return join(self.f(cls), " ", g)
        return join(g, " ", self.f(cls))


def _split(entry: str, native: bool) -> str:
    if "|" in entry:
        nat, rom = entry.split("|")
        return nat if native else rom
    return entry


def make_who(rng: random.Random, lang: str, native: bool | None = None) -> Who:
    d = LANG[lang]
    has_native = "|" in d["g"]
    if native is None:
        native = has_native and rng.random() < 0.6
    native = native and has_native
    g = _split(rng.choice(d["g"].split()), native).split("_")
    f = _split(rng.choice(d["f"].split()), native).split("_")
    mid = [rng.choice(d["m"].split())] if "m" in d else []
    if lang == "en" and rng.random() < 0.1:
        mid = [rng.choice(d["g"].split())]  # "Mary Grace Smith"
    return Who(lang, native, g, f, mid)


def initial(w: str) -> str:
    return w[0] + "."


def typo(rng: random.Random, w: str) -> str:
    """A slip of the keyboard: two letters swapped or one doubled/dropped."""
    if len(w) < 4:
        return w + w[-1]
    i = rng.randrange(1, len(w) - 2)
    r = rng.random()
    if r < 0.4:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if r < 0.7:
        return w[:i] + w[i] + w[i:]
    return w[:i] + w[i + 1 :]


def fold(s: str) -> str:
    """The way people type a name without its diacritics."""
    s = s.translate(str.maketrans("łŁøØđĐıßæÆœŒ", "lLoOdDisaAoO"))
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# --- cues, per language --------------------------------------------------------------------
# (kind of cue, template); {N} full name, {G} given, {F} family, {P} phone, {E} e-mail.

ROMAN_CUE = {
    "hi": "hi_rom",
    "bn": "bn_rom",
    "ta": "ta_rom",
    "ne": "ne_rom",
    "ru": "ru_rom",
    "zh": "en",
    "yue": "en",
    "ja": "en",
    "ko": "en",
    "ar": "en",
    "fa": "en",
    "he": "en",
    "th": "en",
    "ka": "en",
    "hy": "en",
    "el": "en",
    "uk": "en",
}

_C = list[tuple[str, str]]
CUES: dict[str, _C] = {
    "en": [
        ("intro", "Hi, my name is {N} and I still can't log in"),
        ("intro", "hey im {G}, waiting on my refund since forever"),
        ("intro", "{N} here. Order never arrived, can someone call me on {P}?"),
        ("intro", "Good day, I am {N}. Pls my transfer is pending since yesterday"),
        ("this_is", "This is {N} from accounts, returning your call about the invoice."),
        ("this_is", "It's {G} again 🙂 any news?"),
        ("signoff", "Thanks for the quick help!\n\nCheers,\n{G}"),
        ("signoff", "That works for me.\nBest regards\n{N}"),
        ("signoff", "ok thx — {G}"),
        ("greeting", "Hi {G}, thanks for reaching out! Let me check that for you."),
        ("greeting", "Dear {N},\nwe have received your request."),
        ("greeting", "Good morning {G}! How can I help today?"),
        ("relation", "my husband {N} set up the account, can I still change the address?"),
        ("relation", "I'm writing on behalf of my mum, {N}. She's not great with apps."),
        ("relation", "Our accountant {N} needs read access to the invoices."),
        ("handover", "I'll pass you over to my colleague {G}, one sec."),
        ("handover", "{G} from billing will take it from here."),
        ("reported", "{G} said it would be fixed by Friday. It's Tuesday now."),
        ("reported", "according to {N} the card was charged twice"),
        ("complaint", "your agent {G} just hung up on me!!"),
        ("complaint", "{N} was really rude on the phone yesterday, I want to complain."),
    ],
    "de": [
        ("intro", "Hallo, ich heiße {N} und habe ein Problem mit meiner Bestellung."),
        ("intro", "Mein Name ist {N}. Bitte rufen Sie mich unter {P} zurück."),
        ("intro", "guten tag, ich bin der {G} und komme nicht in mein Konto"),
        ("this_is", "Hier ist {N}, ich hatte gestern schon angerufen."),
        ("signoff", "Danke im Voraus!\n\nViele Grüße\n{N}"),
        ("signoff", "Passt so. LG {G}"),
        ("signoff", "Mit freundlichen Grüßen\n{N}"),
        ("greeting", "Hallo {G}, danke für Ihre Nachricht."),
        ("greeting", "Sehr geehrte Frau {F},\nanbei die Rechnung."),
        ("greeting", "Sehr geehrter Herr {F}, vielen Dank für Ihre Geduld."),
        ("relation", "Meine Frau {G} hat das Konto eröffnet, nicht ich."),
        ("handover", "Ich verbinde Sie mit meiner Kollegin {G}."),
        ("reported", "{G} meinte, das dauert nur zwei Tage."),
        ("complaint", "Ihr Mitarbeiter {N} war total unfreundlich!"),
    ],
    "fr": [
        ("intro", "Bonjour, je m'appelle {N}, j'ai un souci avec ma commande."),
        ("intro", "Moi c'est {G} 😊 je vous écris pour mon abonnement"),
        ("intro", "Je suis {N}, cliente depuis 2019. Mon numéro : {P}"),
        ("this_is", "Bonjour, ici {N} du service compta."),
        ("signoff", "Merci d'avance.\n\nCordialement,\n{N}"),
        ("signoff", "Bien à vous, {G}"),
        ("signoff", "Bisous, {G}"),
        ("greeting", "Bonjour {G}, merci pour votre message."),
        ("greeting", "Madame {F},\nnous accusons réception de votre demande."),
        ("greeting", "Monsieur {F}, votre dossier est complet."),
        ("relation", "c'est mon mari {G} qui a passé la commande"),
        ("handover", "Je vous transfère à ma collègue {G}."),
        ("reported", "{G} m'a dit que ce serait réglé lundi."),
        ("complaint", "votre conseiller {N} m'a raccroché au nez !"),
    ],
    "es": [
        ("intro", "Hola, me llamo {N} y no me llegó el pedido"),
        ("intro", "Soy {G}, buenas tardes. Mi celular es {P}"),
        ("intro", "Buenos días, mi nombre es {N}."),
        ("this_is", "Le habla {N}, de contabilidad."),
        ("signoff", "Quedo atenta.\n\nSaludos,\n{N}"),
        ("signoff", "Un abrazo, {G}"),
        ("signoff", "Atentamente,\n{N}"),
        ("greeting", "Hola {G}, gracias por escribirnos."),
        ("greeting", "Estimada Sra. {F}:\nle confirmamos la devolución."),
        ("greeting", "Estimado Sr. {F}: adjuntamos la factura."),
        ("relation", "mi esposa {G} hizo la reserva, yo solo pago"),
        ("handover", "Te paso con mi compañero {G}."),
        ("reported", "{G} me dijo que lo arreglaban mañana"),
        ("complaint", "el agente {N} fue muy grosero conmigo"),
    ],
    "it": [
        ("intro", "Buongiorno, mi chiamo {N}."),
        ("intro", "Sono {G}, ho un problema con la fattura di marzo"),
        ("intro", "il mio nome è {N}, cellulare {P}"),
        ("this_is", "Qui è {N} dell'ufficio acquisti."),
        ("signoff", "Resto in attesa.\n\nCordiali saluti,\n{N}"),
        ("signoff", "Grazie mille, {G}"),
        ("greeting", "Ciao {G}, grazie per averci contattato."),
        ("greeting", "Gentile Sig.ra {F},\nle scriviamo in merito alla pratica."),
        ("greeting", "Gentile Dott. {F}, in allegato il preventivo."),
        ("relation", "mio figlio {G} usa il mio account"),
        ("handover", "La passo alla mia collega {G}."),
        ("reported", "{G} mi ha detto che sarebbe arrivato entro venerdì"),
        ("complaint", "l'operatore {N} è stato scortese"),
    ],
    "pt": [
        ("intro", "Olá, meu nome é {N}"),
        ("intro", "Oi, aqui é o {G}! meu zap é {P}"),
        ("intro", "Sou {N} e preciso de ajuda com o boleto."),
        ("this_is", "Quem fala é {N}, do financeiro."),
        ("signoff", "Fico no aguardo.\n\nAtenciosamente,\n{N}"),
        ("signoff", "Abraços, {G}"),
        ("signoff", "Obrigada! {G}"),
        ("greeting", "Olá {G}, obrigado pelo contato."),
        ("greeting", "Prezada Sra. {F},\nsegue o comprovante."),
        ("relation", "minha filha {G} fez a compra no meu cartão"),
        ("handover", "Vou transferir você para a minha colega {G}."),
        ("reported", "a {G} falou que ia resolver hoje"),
        ("complaint", "o atendente {N} foi muito grosso"),
    ],
    "nl": [
        ("intro", "Hallo, ik ben {N}."),
        ("intro", "Mijn naam is {N} en ik heb een vraag over mijn factuur."),
        ("intro", "hoi ik heet {G}, mijn pakket is kwijt"),
        ("this_is", "U spreekt met {N}."),
        ("signoff", "Alvast bedankt.\n\nMet vriendelijke groet,\n{N}"),
        ("signoff", "Groetjes, {G}"),
        ("signoff", "Mvg {N}"),
        ("greeting", "Hoi {G}, bedankt voor je bericht!"),
        ("greeting", "Beste {G},\nhierbij de bevestiging."),
        ("greeting", "Geachte mevrouw {F}, wij hebben uw bezwaar ontvangen."),
        ("relation", "mijn vriendin {G} heeft het besteld"),
        ("handover", "Ik verbind u door met mijn collega {G}."),
        ("reported", "{G} zei dat het vandaag geregeld zou zijn"),
        ("complaint", "uw medewerker {N} was erg onbeleefd"),
    ],
    "pl": [
        ("intro", "Dzień dobry, nazywam się {N}."),
        ("intro", "Jestem {G}, mam problem z zamówieniem"),
        ("intro", "mam na imię {G}, nr tel {P}"),
        ("this_is", "Z tej strony {N}."),
        ("signoff", "Z góry dziękuję.\n\nPozdrawiam,\n{N}"),
        ("signoff", "Z poważaniem\n{N}"),
        ("signoff", "Dzięki, {G}"),
        ("greeting", "Cześć {G}, dziękujemy za wiadomość."),
        ("greeting", "Szanowna Pani {N},\nw załączniku faktura."),
        ("relation", "mój mąż {G} założył konto"),
        ("handover", "Teraz rozmowę przejmie {G} z działu reklamacji."),
        ("reported", "{G} powiedział, że to potrwa dwa dni"),
        ("complaint", "konsultant {N} był bardzo niemiły"),
    ],
    "tr": [
        ("intro", "Merhaba, ben {N}."),
        ("intro", "Adım {N}, siparişim hâlâ gelmedi"),
        ("intro", "benim adım {G}, numaram {P}"),
        ("this_is", "Ben {G}, dün de aramıştım."),
        ("signoff", "Şimdiden teşekkürler.\n\nSaygılarımla,\n{N}"),
        ("signoff", "Teşekkürler, {G}"),
        ("signoff", "İyi çalışmalar\n{N}"),
        ("greeting", "Merhaba {G} Hanım, size nasıl yardımcı olabilirim?"),
        ("greeting", "Sayın {N},\ntalebiniz alınmıştır."),
        ("greeting", "Merhaba {G} Bey, hemen kontrol ediyorum."),
        ("relation", "eşim {G} hesabı açmıştı"),
        ("handover", "Sizi arkadaşım {G}'a aktarıyorum."),
        ("reported", "{G} Bey yarın çözülecek dedi"),
        ("complaint", "müşteri temsilcisi {N} çok kabaydı"),
    ],
    "cs": [
        ("intro", "Dobrý den, jmenuji se {N}."),
        ("intro", "Jsem {G} a mám dotaz k faktuře."),
        ("this_is", "Tady {N}, volala jsem včera."),
        ("signoff", "Děkuji.\n\nS pozdravem\n{N}"),
        ("signoff", "Díky, {G}"),
        ("greeting", "Vážená paní {F},\nzasíláme potvrzení."),
        ("relation", "moje manželka {G} objednávala"),
        ("complaint", "operátor {N} byl nepříjemný"),
    ],
    "hu": [
        ("intro", "Jó napot, {N} vagyok."),
        ("intro", "A nevem {N}, a rendelésemről írok."),
        ("signoff", "Köszönöm.\n\nÜdvözlettel:\n{N}"),
        ("signoff", "Köszi, {G}"),
        ("greeting", "Kedves {G}!"),
        ("greeting", "Tisztelt {N}!\nMegkaptuk a kérését."),
        ("handover", "Átadom a kollégámnak: {G}."),
        ("complaint", "{N} ügyintéző nagyon udvariatlan volt"),
    ],
    "ro": [
        ("intro", "Bună ziua, mă numesc {N}."),
        ("intro", "Sunt {G} și am o problemă cu comanda."),
        ("signoff", "Mulțumesc anticipat.\n\nCu stimă,\n{N}"),
        ("signoff", "Mersi, {G}"),
        ("greeting", "Bună {G},"),
        ("greeting", "Stimată doamnă {F}, vă confirmăm rambursarea."),
        ("relation", "soțul meu {G} a făcut comanda"),
        ("handover", "Vă transfer către colega mea {G}."),
        ("complaint", "operatorul {N} a fost nepoliticos"),
    ],
    "el": [
        ("intro", "Γεια σας, με λένε {N}."),
        ("intro", "Είμαι ο {G} και έχω πρόβλημα με την παραγγελία."),
        ("intro", "Ονομάζομαι {N}, τηλ. {P}"),
        ("signoff", "Ευχαριστώ πολύ.\n\nΜε εκτίμηση,\n{N}"),
        ("signoff", "Ευχαριστώ, {G}"),
        ("greeting", "Γεια σου {G}!"),
        ("greeting", "Αγαπητή κυρία {F},"),
        ("handover", "Σας μεταφέρω στη συνάδελφό μου {G}."),
        ("complaint", "ο υπάλληλος {N} ήταν πολύ αγενής"),
    ],
    "ru": [
        ("intro", "Здравствуйте, меня зовут {N}."),
        ("intro", "Я {G}, у меня проблема с заказом."),
        ("intro", "Добрый день! {N}, тел. {P}"),
        ("this_is", "Это {G}, я вчера писала."),
        ("signoff", "Заранее спасибо.\n\nС уважением,\n{N}"),
        ("signoff", "Спасибо, {G}"),
        ("greeting", "Добрый день, {G}!"),
        ("greeting", "Уважаемый {N},\nваша заявка принята."),
        ("relation", "мой муж {G} оформлял заказ"),
        ("handover", "Передаю вас коллеге — {G} ответит через минуту."),
        ("reported", "{G} сказала, что всё исправят завтра"),
        ("complaint", "оператор {N} нагрубил мне"),
    ],
    "ru_rom": [
        ("intro", "Privet, menya zovut {N}"),
        ("signoff", "Spasibo, {G}"),
        ("complaint", "operator {N} nagrubil mne!!"),
    ],
    "uk": [
        ("intro", "Добрий день, мене звати {N}."),
        ("intro", "Я {G}, маю питання щодо рахунку."),
        ("signoff", "Дякую.\n\nЗ повагою,\n{N}"),
        ("signoff", "Дякую, {G}"),
        ("greeting", "Вітаю, {G}!"),
        ("handover", "Передаю вас колезі: {G}."),
        ("complaint", "оператор {N} був дуже грубий"),
    ],
    "ar": [
        ("intro", "مرحبا، اسمي {N}"),
        ("intro", "أنا {G} وعندي مشكلة في الطلب"),
        ("signoff", "شكراً جزيلاً.\n\nمع التحية،\n{N}"),
        ("signoff", "شكراً، {G}"),
        ("greeting", "أهلاً {G}، كيف يمكنني مساعدتك؟"),
        ("greeting", "السيد {N} المحترم،"),
        ("relation", "زوجي {G} هو صاحب الحساب"),
        ("handover", "سأحولك إلى زميلي {G}."),
        ("complaint", "الموظف {N} كان غير مهذب"),
    ],
    "he": [
        ("intro", "שלום, קוראים לי {N}"),
        ("intro", "אני {G} ויש לי בעיה עם ההזמנה"),
        ("signoff", "תודה רבה.\n\nבברכה,\n{N}"),
        ("signoff", "תודה, {G}"),
        ("greeting", "היי {G}, איך אפשר לעזור?"),
        ("handover", "אני מעביר אותך לנציגה {G}."),
        ("complaint", "הנציג {N} היה גס רוח"),
    ],
    "fa": [
        ("intro", "سلام، من {N} هستم"),
        ("intro", "اسم من {N} است و سفارشم نرسیده"),
        ("signoff", "با احترام،\n{N}"),
        ("signoff", "ممنون، {G}"),
        ("greeting", "سلام {G} عزیز،"),
        ("complaint", "کارشناس {N} خیلی بی‌ادب بود"),
    ],
    "hi": [
        ("intro", "नमस्ते, मेरा नाम {N} है।"),
        ("intro", "मैं {G} बोल रहा हूँ, मेरा ऑर्डर नहीं आया"),
        ("signoff", "धन्यवाद,\n{N}"),
        ("signoff", "सादर,\n{N}"),
        ("greeting", "नमस्ते {G} जी, बताइए क्या मदद करूँ?"),
        ("handover", "मैं आपको अपनी सहकर्मी {G} से जोड़ रहा हूँ।"),
        ("complaint", "आपके एजेंट {N} ने बहुत बदतमीज़ी की"),
    ],
    "hi_rom": [
        ("intro", "hello sir, mera naam {N} hai. refund kab aayega?"),
        ("intro", "main {G} bol raha hoon, order abhi tak nahi aaya"),
        ("signoff", "thanks & regards\n{N}"),
        ("greeting", "Dear {G} ji, your request is noted."),
        ("complaint", "aapke agent {N} ne phone kaat diya"),
    ],
    "bn": [
        ("intro", "নমস্কার, আমার নাম {N}।"),
        ("intro", "আমি {G}, আমার অর্ডার এখনও আসেনি"),
        ("signoff", "ধন্যবাদ,\n{N}"),
        ("greeting", "প্রিয় {G},"),
        ("complaint", "আপনার এজেন্ট {N} খুব খারাপ ব্যবহার করেছে"),
    ],
    "bn_rom": [
        ("intro", "assalamualaikum, amar nam {N}. bkash e taka kete geche"),
        ("intro", "ami {G} bolchi, order ta kobe pabo?"),
        ("signoff", "dhonnobad\n{N}"),
    ],
    "ta": [
        ("intro", "வணக்கம், என் பெயர் {N}."),
        ("intro", "நான் {G}, என் ஆர்டர் இன்னும் வரவில்லை"),
        ("signoff", "நன்றி,\n{N}"),
        ("greeting", "அன்புள்ள {G},"),
        ("complaint", "உங்கள் முகவர் {N} மரியாதையில்லாமல் பேசினார்"),
    ],
    "ta_rom": [
        ("intro", "vanakkam, en peyar {N}"),
        ("signoff", "nandri, {G}"),
    ],
    "ne": [
        ("intro", "नमस्ते, मेरो नाम {N} हो।"),
        ("intro", "म {G} बोल्दैछु, मेरो अर्डर आएन"),
        ("signoff", "धन्यवाद,\n{N}"),
        ("greeting", "{G} जी, नमस्कार!"),
    ],
    "ne_rom": [
        ("intro", "namaste, mero naam {N} ho"),
        ("signoff", "dhanyabad, {G}"),
    ],
    "th": [
        ("intro", "สวัสดีค่ะ ดิฉันชื่อ {N} ค่ะ"),
        ("intro", "ผม{G}นะครับ สั่งของไปแล้วยังไม่ได้รับ"),
        ("signoff", "ขอบคุณครับ\n{N}"),
        ("greeting", "สวัสดีค่ะคุณ{G}"),
        ("complaint", "พนักงานชื่อ{G}พูดจาไม่สุภาพ"),
    ],
    "zh": [
        ("intro", "你好，我叫{N}，订单一直没到"),
        ("intro", "我是{N}，手机号{P}"),
        ("signoff", "谢谢！\n{N}"),
        ("signoff", "此致\n敬礼\n{N}"),
        ("greeting", "{N}您好，您的退款已处理。"),
        ("handover", "我帮您转接给同事{G}。"),
        ("complaint", "客服{N}态度很差"),
    ],
    "yue": [
        ("intro", "你好，我係{N}，想問下張單"),
        ("signoff", "唔該晒！\n{N}"),
        ("greeting", "{N}你好，"),
        ("complaint", "個客服{N}好冇禮貌"),
    ],
    "ja": [
        ("intro", "はじめまして、{N}と申します。"),
        ("intro", "{F}です。注文の件で連絡しました。"),
        ("signoff", "よろしくお願いいたします。\n{N}"),
        ("greeting", "{F}様\nいつもご利用ありがとうございます。"),
        ("greeting", "{F}さん、こんにちは！"),
        ("handover", "担当の{F}に代わります。"),
        ("complaint", "オペレーターの{F}さんの対応がひどかった"),
    ],
    "ko": [
        ("intro", "안녕하세요, 저는 {N}입니다."),
        ("intro", "제 이름은 {N}이에요. 주문이 안 왔어요"),
        ("signoff", "감사합니다.\n{N} 드림"),
        ("greeting", "{N}님, 안녕하세요."),
        ("handover", "담당자 {N}에게 연결해 드리겠습니다."),
        ("complaint", "상담원 {N} 너무 불친절했어요"),
    ],
    "ka": [
        ("intro", "გამარჯობა, მე ვარ {N}."),
        ("intro", "ჩემი სახელია {N}, შეკვეთა არ მომსვლია"),
        ("signoff", "პატივისცემით,\n{N}"),
        ("signoff", "მადლობა, {G}"),
        ("greeting", "გამარჯობა {G},"),
        ("complaint", "ოპერატორი {N} ძალიან უხეში იყო"),
    ],
    "hy": [
        ("intro", "Բարև ձեզ, իմ անունը {N} է։"),
        ("signoff", "Հարգանքով՝\n{N}"),
        ("signoff", "Շնորհակալություն, {G}"),
        ("greeting", "Հարգելի {N},"),
        ("complaint", "օպերատոր {N}-ը շատ կոպիտ էր"),
    ],
    "vi": [
        ("intro", "Xin chào, tôi tên là {N}."),
        ("intro", "Em là {G}, đơn hàng của em chưa tới ạ"),
        ("signoff", "Trân trọng,\n{N}"),
        ("signoff", "Cảm ơn, {G}"),
        ("greeting", "Chào anh {G},"),
        ("greeting", "Chào chị {G}, em kiểm tra ngay ạ."),
        ("handover", "Tôi sẽ chuyển bạn sang đồng nghiệp {G}."),
        ("complaint", "nhân viên {N} rất thô lỗ"),
    ],
    "id": [
        ("intro", "Halo, nama saya {N}."),
        ("intro", "Saya {G}, pesanan saya belum sampai"),
        ("signoff", "Terima kasih,\n{N}"),
        ("signoff", "Salam, {G}"),
        ("greeting", "Halo Kak {G}, ada yang bisa dibantu?"),
        ("greeting", "Selamat pagi Bapak {G},"),
        ("handover", "Saya sambungkan ke rekan saya, {G}."),
        ("complaint", "CS atas nama {N} tidak sopan"),
    ],
    "ms": [
        ("intro", "Hai, nama saya {N}."),
        ("intro", "Saya {G}, nak tanya pasal bil bulan ni"),
        ("signoff", "Terima kasih,\n{N}"),
        ("greeting", "Salam {G},"),
        ("greeting", "Puan {G}, permohonan anda telah diterima."),
        ("complaint", "ejen {N} sangat biadap"),
    ],
    "sw": [
        ("intro", "Habari, jina langu ni {N}."),
        ("intro", "Mimi ni {G}, oda yangu haijafika"),
        ("signoff", "Asante,\n{N}"),
        ("signoff", "Wako, {G}"),
        ("greeting", "Habari {G},"),
        ("handover", "Nakuunganisha na mwenzangu {G}."),
        ("complaint", "wakala {N} alikuwa na dharau"),
    ],
    "tl": [
        ("intro", "Hello po, ako si {N}."),
        ("intro", "Ako po si {G}, hindi pa dumarating yung order ko"),
        ("signoff", "Salamat po,\n{N}"),
        ("signoff", "Ingat, {G}"),
        ("greeting", "Hi {G}, salamat sa pag-message!"),
        ("greeting", "Magandang araw po, Ma'am {G}"),
        ("handover", "I-transfer ko po kayo kay {G}."),
        ("complaint", "yung agent na si {N} ang bastos"),
    ],
    "sv": [
        ("intro", "Hej, jag heter {N}."),
        ("intro", "Det är {G} här, jag har en fråga om fakturan"),
        ("signoff", "Tack på förhand.\n\nMed vänliga hälsningar\n{N}"),
        ("signoff", "Mvh {G}"),
        ("signoff", "Tack! /{G}"),
        ("greeting", "Hej {G}!"),
        ("handover", "Jag kopplar dig vidare till min kollega {G}."),
        ("complaint", "er handläggare {N} var otrevlig"),
    ],
    "no": [
        ("intro", "Hei, jeg heter {N}."),
        ("intro", "Det er {G} her, pakken har ikke kommet"),
        ("signoff", "Med vennlig hilsen\n{N}"),
        ("signoff", "Hilsen {G}"),
        ("greeting", "Hei {G},"),
        ("handover", "Jeg setter deg over til kollegaen min, {G}."),
        ("complaint", "saksbehandler {N} var frekk"),
    ],
    "fi": [
        ("intro", "Hei, nimeni on {N}."),
        ("intro", "Olen {G} ja minulla on kysymys laskusta."),
        ("signoff", "Ystävällisin terveisin\n{N}"),
        ("signoff", "Kiitos, {G}"),
        ("greeting", "Hei {G}!"),
        ("handover", "Siirrän sinut kollegalleni: {G}."),
        ("complaint", "asiakaspalvelija {N} oli tyly"),
    ],
}


# --- phones --------------------------------------------------------------------------------

# fmt: off
PHONE_REGIONS = (
    "NG", "GH", "MA", "PE", "EC", "BD", "LK", "NP", "TW", "HK", "SG", "CZ", "HU", "RO", "GR",
    "PT", "NO", "AT", "CH", "BE", "JP", "KR", "ID", "AU", "CA", "MX", "BR", "DE", "FR", "GB",
    "US", "IN", "TR", "ES", "IT", "PL", "NL", "SE", "FI", "IL", "SA", "AE", "EG", "KE", "ZA",
    "PH", "VN", "TH", "UA", "RU", "GE", "AM", "CN", "IE", "TZ", "JO", "CY", "DK",
)
# fmt: on
_EXAMPLE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)


def valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number the metadata lists as valid: an example with its tail drawn again."""
    kind = rng.choice(_EXAMPLE_TYPES)
    ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    assert ex is not None, region
    nsn = str(ex.national_number)
    for _ in range(60):
        k = min(len(nsn) - 2, rng.randint(3, 5))
        cand = nsn[:-k] + "".join(rng.choice(string.digits) for _ in range(k))
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(cand))
        if ex.italian_leading_zero:
            num.italian_leading_zero = True
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) in (
            region,
            None,
        ):
            return num
    return ex


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """A number of a possible length that the metadata does not (yet) call valid."""
    ex = phonenumbers.example_number(region)
    if ex is None:
        return None
    n = len(str(ex.national_number))
    for _ in range(80):
        digits = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.PhoneNumber(country_code=ex.country_code, national_number=int(digits))
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def e164(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def _groups(num: phonenumbers.PhoneNumber) -> list[str]:
    s = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    parts = [p for p in s.replace("-", " ").split() if p]
    if len(parts) <= 2:  # ungrouped (unassigned range): cut it up as people do
        nsn = phonenumbers.national_significant_number(num)
        cut, i = [], 0
        while i < len(nsn):
            step = 3 if len(nsn) - i > 4 else len(nsn) - i
            cut.append(nsn[i : i + step])
            i += step
        parts = [parts[0], *cut]
    return parts


def _has_trunk0(num: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL).startswith("0")


def intl_written(rng: random.Random, num: phonenumbers.PhoneNumber) -> tuple[str, str]:
    """(written form, style) of a number in international form."""
    g = _groups(num)
    cc, rest = g[0], g[1:]
    sep = rng.choice([" ", " ", "-", ".", "", " "])
    styles = ["plus", "plus", "00", "e164", "paren-cc", "plus-one-block"]
    if _has_trunk0(num):
        styles += ["(0)", "(0)"]
    style = rng.choice(styles)
    body = sep.join(rest)
    if style == "plus":
        return f"{cc}{' ' if sep in ('', '.') else sep}{body}", "intl"
    if style == "00":
        return f"00{cc[1:]} {body}", "intl-00"
    if style == "e164":
        return e164(num), "e164"
    if style == "paren-cc":
        return f"({cc}) {body}", "intl-paren"
    if style == "plus-one-block":
        return f"{cc} {''.join(rest)}", "intl"
    return f"{cc} (0) {' '.join(rest)}", "intl-(0)"


def national_written(rng: random.Random, num: phonenumbers.PhoneNumber) -> str:
    s = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    r = rng.random()
    if r < 0.25 and " " in s:
        return s.replace(" ", "-")
    if r < 0.35 and " " in s and "(" not in s:
        return s.replace(" ", ".")
    if r < 0.5:
        return "".join(ch for ch in s if ch.isdigit() or ch == "+")
    return s


EXTENSIONS = (
    " ext. {x}",
    " x{x}",
    " ext {x}",
    " #{x}",
    ", Durchwahl {x}",
    " poste {x}",
    " (ext {x})",
    " – доб. {x}",
    " 内線{x}",
)


def a_phone(rng: random.Random, region: str | None = None, *, ext_ok: bool = True) -> Items:
    """A written phone number (with an extension sometimes) as items."""
    region = region or rng.choice(PHONE_REGIONS)
    r = rng.random()
    if r < 0.22:
        num = unassigned_number(rng, region)
        if num is not None:
            text, _ = intl_written(rng, num)
            return [Put("phone", text, "phone/intl-unassigned", origin=region)]
    num = valid_number(rng, region)
    if r < 0.62:
        text, style = intl_written(rng, num)
        cls = f"phone/{style}"
    else:
        text, cls = national_written(rng, num), "phone/national"
    out: Items = [Put("phone", text, cls, origin=region)]
    if ext_ok and rng.random() < 0.08:
        out = [replace(out[0], cls="phone/with-ext")]  # type: ignore[arg-type]
        out.append(rng.choice(EXTENSIONS).format(x=rng.randint(10, 9999)))
    return out


# --- cards ---------------------------------------------------------------------------------

ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 16, 13, 19)),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2500", "2720", "2399"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "649", "65"), (16, 19)),
    "jcb": (("3528", "3541", "3589"), (16,)),
    "diners": (("300", "305", "36", "38"), (14,)),
    "unionpay": (("62",), (16, 17, 19)),
    "maestro": (("6759", "5018", "5020", "6304"), (16, 19, 12)),
    "mir": (("2200", "2202", "2204"), (16,)),
    "troy": (("9792",), (16,)),
    "rupay": (("508", "607", "652"), (16,)),
    "elo": (("636368", "504175"), (16,)),
    "verve": (("5061", "6500"), (16, 19)),
    "hipercard": (("606282",), (16,)),
}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


def group(pan: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for s in sizes:
        out.append(pan[i : i + s])
        i += s
    if i < len(pan):
        out.append(pan[i:])
    return sep.join(p for p in out if p)


def a_card(rng: random.Random) -> Put:
    issuer = rng.choice(list(ISSUERS))
    prefixes, lengths = ISSUERS[issuer]
    n = rng.choice(lengths)
    pan = luhn_complete(rng, rng.choice(prefixes), n)
    r = rng.random()
    if r < 0.2:
        return Put("card", pan, "card/compact", origin=issuer)
    sep = rng.choice([" ", " ", "-", " ", "."]) if r < 0.93 else "  "
    if n == 13:
        sizes: tuple[int, ...] = (4, 4, 5)
    elif n == 15:
        sizes = (4, 6, 5)
    elif n == 14:
        sizes = (4, 6, 4)
    elif n == 19 and rng.random() < 0.4:
        sizes = (6, 13)
    else:
        sizes = (4, 4, 4, 4, 4)
    return Put(
        "card", group(pan, sizes, sep), f"card/grouped{sep.strip() or '-space'}", origin=issuer
    )


# --- IBANs ---------------------------------------------------------------------------------
# BBAN layouts: n digits, a upper-case letters, c letters or digits.

IBAN_BBAN = {
    "DE": "18n",
    "FR": "10n 11c 2n",
    "GB": "4a 14n",
    "ES": "20n",
    "IT": "1a 10n 12c",
    "NL": "4a 10n",
    "BE": "12n",
    "AT": "16n",
    "CH": "5n 12c",
    "PL": "24n",
    "CZ": "20n",
    "HU": "24n",
    "RO": "4a 16c",
    "GR": "7n 16c",
    "PT": "21n",
    "NO": "11n",
    "SE": "20n",
    "DK": "14n",
    "FI": "14n",
    "IE": "4a 14n",
    "LU": "3n 13c",
    "SK": "20n",
    "SI": "15n",
    "HR": "17n",
    "BG": "4a 6n 8c",
    "TR": "5n 1n 16c",
    "SA": "2n 18c",
    "AE": "3n 16n",
    "IL": "19n",
    "BR": "8n 5n 10n 1a 1c",
    "PK": "4a 16c",
    "EE": "16n",
    "LT": "16n",
    "LV": "4a 13c",
    "IS": "22n",
    "MT": "4a 5n 18c",
    "CY": "8n 16c",
    "UA": "6n 19c",
    "QA": "4a 21c",
    "KZ": "3n 13c",
    "GE": "2a 16n",
    "AZ": "4a 20c",
    "EG": "25n",
    "MD": "20c",
}


def _bban(rng: random.Random, spec: str) -> str:
    pools = {
        "n": string.digits,
        "a": string.ascii_uppercase,
        "c": string.ascii_uppercase + string.digits,
    }
    out = []
    for part in spec.split():
        n, what = int(part[:-1]), part[-1]
        out.append("".join(rng.choice(pools[what]) for _ in range(n)))
    return "".join(out)


def mod97(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97


def an_iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, IBAN_BBAN[country])
    check = 98 - mod97(f"{country}00{bban}")
    iban = f"{country}{check:02d}{bban}"
    while not valid and mod97(iban) == 1:  # a checksum one digit-slip away from right
        iban = f"{country}{rng.randint(2, 98):02d}{bban}"
    assert (mod97(iban) == 1) == valid
    return iban


def grouped4(s: str, sep: str = " ") -> str:
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


def an_iban(rng: random.Random, country: str | None = None) -> Put:
    country = country or rng.choice(list(IBAN_BBAN))
    s = an_iban_compact(rng, country)
    r = rng.random()
    if r < 0.35:
        return Put("iban", s, "iban/compact", origin=country)
    if r < 0.8:
        return Put("iban", grouped4(s), "iban/grouped", origin=country)
    if r < 0.9:
        return Put("iban", s.lower(), "iban/lower", origin=country)
    return Put("iban", grouped4(s.lower()), "iban/grouped-lower", origin=country)


# --- IP addresses --------------------------------------------------------------------------


def a_v4(rng: random.Random) -> str:
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast and str(a).split(".")[0] not in ("0", "255"):
            return str(a)


_V6_PREFIX = (
    "2a00",
    "2a01",
    "2a02",
    "2a03",
    "2001:4860",
    "2600:1f18",
    "2406:da00",
    "2c0f",
    "2804",
    "2405",
    "2401",
    "2a0a",
    "2607:f8b0",
    "2a05:d018",
)


def a_v6(rng: random.Random) -> tuple[str, str]:
    head = rng.choice(_V6_PREFIX).split(":")
    groups = head + [f"{rng.getrandbits(16):x}" for _ in range(8 - len(head))]
    if rng.random() < 0.4:
        for i in range(4, 7):
            groups[i] = "0"
    a = ipaddress.IPv6Address(":".join(groups))
    assert a.is_global, a
    r = rng.random()
    if r < 0.6:
        return str(a), "ip/v6"
    if r < 0.8:
        return a.exploded, "ip/v6-full"
    return str(a).upper(), "ip/v6-upper"


def an_ip(rng: random.Random, v6: float = 0.35) -> Put:
    if rng.random() < v6:
        s, cls = a_v6(rng)
        return Put("ip", s, cls)
    return Put("ip", a_v4(rng), "ip/v4")


# --- e-mail addresses ----------------------------------------------------------------------

FREE_MAIL = {
    "en": "gmail.com outlook.com yahoo.com hotmail.co.uk icloud.com aol.com btinternet.com",
    "de": "web.de gmx.de gmx.at t-online.de posteo.de bluewin.ch",
    "fr": "orange.fr free.fr laposte.net sfr.fr wanadoo.fr",
    "es": "hotmail.es yahoo.es telefonica.net gmail.com",
    "it": "libero.it virgilio.it tiscali.it alice.it",
    "pt": "uol.com.br bol.com.br terra.com.br sapo.pt",
    "nl": "ziggo.nl kpnmail.nl hetnet.nl telenet.be",
    "pl": "wp.pl onet.pl interia.pl o2.pl",
    "cs": "seznam.cz email.cz centrum.cz",
    "hu": "freemail.hu citromail.hu",
    "ro": "yahoo.ro",
    "el": "otenet.gr yahoo.gr",
    "ru": "mail.ru yandex.ru rambler.ru bk.ru",
    "uk": "ukr.net i.ua",
    "tr": "hotmail.com.tr yandex.com.tr",
    "ja": "yahoo.co.jp docomo.ne.jp ezweb.ne.jp",
    "ko": "naver.com daum.net hanmail.net",
    "zh": "qq.com 163.com 126.com sina.com",
    "yue": "netvigator.com yahoo.com.hk",
    "hi": "rediffmail.com yahoo.co.in",
    "sv": "telia.com bredband.net",
    "no": "online.no",
    "fi": "luukku.com",
    "id": "yahoo.co.id",
    "au": "bigpond.com",
}
WORK_DOMAINS = (
    "acme-logistics.com",
    "nordwind-versand.de",
    "grupo-andino.pe",
    "kaveh-trading.ae",
    "tanaka-shoji.co.jp",
    "brightpath.io",
    "sunrise-dental.com.au",
    "eko-fintech.ng",
    "helvetia-treuhand.ch",
    "praha-stavby.cz",
    "lisboa-imoveis.pt",
    "fjord-fisk.no",
)
IDN_DOMAINS = (
    "münchen-reisen.de",
    "bücherstube.at",
    "café-olé.fr",
    "почта.рф",
    "例え.jp",
    "ελληνικά.gr",
    "españa-viajes.es",
    "dänemark-ferie.dk",
    "köln-taxi.de",
    "شركة.مصر",
    "보험.kr",
    "ทดสอบ.ไทย",
)
ROLE_LOCALS = (
    "support",
    "info",
    "billing",
    "hello",
    "kontakt",
    "contact",
    "service",
    "facturation",
    "ventas",
    "noreply",
    "admin",
    "sales",
    "rechnung",
    "help",
)


def _ascii_word(s: str) -> str:
    return "".join(c for c in fold(s).lower() if c.isalnum())


def an_email(rng: random.Random, who: Who | None, lang: str = "en") -> Put:
    """A person's address (or a role address when ``who`` is None)."""
    if who is None:
        dom = rng.choice(WORK_DOMAINS + IDN_DOMAINS[:4])
        return Put("email", f"{rng.choice(ROLE_LOCALS)}@{dom}", "email/role")
    g = _ascii_word(_roman(who.given[0], who.lang))
    f = _ascii_word(_roman(who.family[-1], who.lang))
    r = rng.random()
    cls = "email/personal"
    if r < 0.2:
        local = f"{g}.{f}"
    elif r < 0.3:
        local = f"{g[0]}{f}"
    elif r < 0.4:
        local = f"{g}{f}{rng.randint(1, 99)}"
    elif r < 0.5:
        local = f"{f}.{g}"
    elif r < 0.58:
        local = f"{g}_{f}"
    elif r < 0.7:
        local, cls = f"{g}.{f}+{rng.choice(['shop', 'news', 'amazon', 'bank', 'x'])}", "email/plus"
    elif r < 0.76:
        local, cls = f"{g}.{rng.choice(string.ascii_lowercase)}.{f}", "email/dotted"
    elif r < 0.82:
        local = f"{g}{rng.randint(1960, 2009)}"
    else:
        local = f"{g}.{f}"
    pool = FREE_MAIL.get(LANG[who.lang].get("cue", who.lang), FREE_MAIL["en"]).split()
    dom = rng.choice(pool)
    r2 = rng.random()
    if r2 < 0.15:
        dom, cls = rng.choice(WORK_DOMAINS), "email/work" if cls == "email/personal" else cls
    elif r2 < 0.25:
        dom, cls = rng.choice(IDN_DOMAINS), "email/idn"
        if who.native and rng.random() < 0.5:
            local = who.given[0]  # an internationalised local part
    value = f"{local}@{dom}"
    if rng.random() < 0.05:
        value, cls = value.upper(), "email/upper"
    return Put("email", value, cls)


def _roman(word: str, lang: str) -> str:
    """The roman form of one name part (the same part when it is already Latin)."""
    for key in ("g", "f"):
        for entry in LANG[lang][key].split():
            if "|" in entry:
                nat, rom = entry.split("|")
                for n, r in zip(nat.split("_"), rom.split("_"), strict=False):
                    if n == word:
                        return r
    return word


# --- URLs with credentials -----------------------------------------------------------------

_B62 = string.ascii_letters + string.digits
_HEX = "0123456789abcdef"


def tok(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _b64url(rng: random.Random, n: int) -> str:
    return tok(rng, n, _B62 + "-_")


def _jwt(rng: random.Random) -> str:
    return f"eyJ{_b64url(rng, 30)}.eyJ{_b64url(rng, 60)}.{_b64url(rng, 43)}"


def secret_url(rng: random.Random) -> tuple[Items, str]:
    """A URL with a credential in it: (items, provider); the credential is the planted part."""
    k = rng.randrange(20)
    put = lambda v, c: Put("url", v, f"url/{c}")  # noqa: E731
    if k == 0:
        sig = tok(rng, 64, _HEX)
        return [
            f"https://{rng.choice(['invoices', 'exports-prod', 'cust-uploads'])}.s3.eu-central-1."
            f"amazonaws.com/2025/{tok(rng, 8, _HEX)}.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            f"&X-Amz-Credential=AKIA{tok(rng, 16, string.ascii_uppercase + string.digits)}"
            "%2F20250314%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20250314T101500Z"
            "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=",
            put(sig, "s3-presigned"),
        ], "s3"
    if k == 1:
        return [
            f"https://storage.googleapis.com/reports-{tok(rng, 5, _HEX)}/q1.csv?X-Goog-Algorithm="
            "GOOG4-RSA-SHA256&X-Goog-Credential=svc%40proj.iam.gserviceaccount.com%2F20250314"
            "&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=",
            put(tok(rng, 256, _HEX), "gcs-signed"),
        ], "gcs"
    if k == 2:
        return [
            f"https://{tok(rng, 10, string.ascii_lowercase)}.blob.core.windows.net/docs/"
            "contract.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-04-01T00:00:00Z&spr=https&sig=",
            put(tok(rng, 40, _B62) + "%3D", "azure-sas"),
        ], "azure"
    if k == 3:
        return [
            f"https://hooks.slack.com/services/T0{tok(rng, 8, string.ascii_uppercase)}/"
            f"B0{tok(rng, 9, string.ascii_uppercase + string.digits)}/",
            put(tok(rng, 24), "slack-webhook"),
        ], "slack"
    if k == 4:
        return [
            f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/",
            put(_b64url(rng, 68), "discord-webhook"),
        ], "discord"
    if k == 5:
        return [
            f"https://api.telegram.org/bot{rng.randint(10**9, 10**10)}:",
            put("AA" + _b64url(rng, 33), "telegram-bot"),
            "/sendMessage?chat_id=-100123",
        ], "telegram"
    if k == 6:
        return [
            "https://x-access-token:",
            put("ghs_" + tok(rng, 36), "git-userinfo"),
            "@github.com/acme/billing-service.git",
        ], "github"
    if k == 7:
        return [
            "https://oauth2:",
            put("glpat-" + _b64url(rng, 20), "git-userinfo"),
            "@gitlab.com/infra/deploy.git",
        ], "gitlab"
    if k == 8:
        return [
            f"postgres://app_{tok(rng, 4, string.ascii_lowercase)}:",
            put(tok(rng, 18), "db-password"),
            "@db-prod.eu-west-1.rds.amazonaws.com:5432/orders",
        ], "postgres"
    if k == 9:
        return [
            "https://app.brightpath.io/oauth/callback?code=",
            put(_b64url(rng, 40), "oauth-code"),
            f"&state={tok(rng, 12, _HEX)}",
        ], "oauth-code"
    if k == 10:
        return [
            "https://portal.example-bank.com/cb#access_token=",
            put(_jwt(rng), "oauth-fragment"),
            "&token_type=Bearer&expires_in=3600",
        ], "oauth-fragment"
    if k == 11:
        return [
            "https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=",
            put("AIza" + _b64url(rng, 35), "api-key-query"),
        ], "google-key"
    if k == 12:
        return [
            "https://accounts.shopnow.com/reset-password/",
            put(_b64url(rng, 43), "reset-path"),
            f"?uid={rng.randint(1000, 99999)}",
        ], "reset"
    if k == 13:
        return [
            f"https://us02web.zoom.us/j/{rng.randint(10**10, 10**11)}?pwd=",
            put(tok(rng, 32), "meeting-pwd"),
        ], "zoom"
    if k == 14:
        return [
            f"https://AC{tok(rng, 32, _HEX)}:",
            put(tok(rng, 32, _HEX), "twilio-userinfo"),
            "@api.twilio.com/2010-04-01/Accounts",
        ], "twilio"
    if k == 15:
        return [
            f"https://www.dropbox.com/scl/fi/{tok(rng, 21, string.ascii_lowercase + string.digits)}"
            "/statement.pdf?rlkey=",
            put(tok(rng, 25, string.ascii_lowercase + string.digits), "share-key"),
            "&dl=0",
        ], "dropbox"
    if k == 16:
        return [
            f"https://{tok(rng, 8, string.ascii_lowercase)}-default-rtdb.firebaseio.com"
            "/users.json?auth=",
            put(tok(rng, 40), "api-key-query"),
        ], "firebase"
    if k == 17:
        return [
            f"https://{tok(rng, 6, string.ascii_lowercase)}.webhook.office.com/webhookb2/"
            f"{_uuid(rng)}@{_uuid(rng)}/IncomingWebhook/",
            put(tok(rng, 32, _HEX), "teams-webhook"),
            f"/{_uuid(rng)}",
        ], "teams"
    if k == 18:
        return [
            "https://app.mailer-hub.com/login/magic?token=",
            put(_b64url(rng, 48), "magic-link"),
        ], "magic-link"
    return [
        "https://na1.salesforce.com/secur/frontdoor.jsp?sid=",
        put(f"00D{tok(rng, 12)}!AQ{_b64url(rng, 90)}", "session-id"),
    ], "salesforce"


def _uuid(rng: random.Random) -> str:
    h = tok(rng, 32, _HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


# --- decoys: values that must stay ---------------------------------------------------------

BRANDS_PLACES = (
    "Georgia",
    "Austin",
    "Chelsea",
    "Lourdes",
    "Victoria Station",
    "Abbey Road",
    "Tesla",
    "Ferrari",
    "Mercedes",
    "Dell",
    "Ford",
    "Philips",
    "Siemens",
    "Jordan",
    "Florence",
    "Sydney",
    "Charlotte",
    "Adelaide",
    "Santiago",
    "San José",
    "Sofia",
    "Regent Street",
    "Zara",
    "Hermès",
    "Dior",
    "Porsche",
    "Lamborghini",
    "Bentley",
    "Heineken",
    "Carlsberg",
    "Nestlé",
    "Barclays",
    "Lloyds",
    "Hilton",
    "Marriott",
    "Wendy's",
    "McDonald's",
    "Louis Vuitton",
    "Ben & Jerry's",
    "Goldman Sachs",
    "Alexanderplatz",
    "Champs-Élysées",
    "Via Garibaldi",
    "Paulista",
    "Shinjuku",
    "Gangnam",
    "Santa Monica",
    "St. Louis",
    "Montgomery",
    "Madison Avenue",
    "Victoria",
    "Lincoln",
    "Jackson Heights",
    "Hamilton",
)
CALENDAR_WORDS = (
    "Montag",
    "Mittwoch",
    "Donnerstag",
    "Januar",
    "März",
    "Oktober",
    "lundi",
    "jeudi",
    "février",
    "août",
    "miércoles",
    "sábado",
    "enero",
    "septiembre",
    "giovedì",
    "maggio",
    "luglio",
    "quarta-feira",
    "março",
    "setembro",
    "woensdag",
    "maart",
    "poniedziałek",
    "sierpnia",
    "Pazartesi",
    "Çarşamba",
    "Mayıs",
    "Ağustos",
    "понедельник",
    "марта",
    "Δευτέρα",
    "Μαΐου",
    "الاثنين",
    "يناير",
    "月曜日",
    "星期三",
    "월요일",
    "सोमवार",
    "måndag",
    "augusti",
    "maanantai",
    "heinäkuuta",
    "Senin",
    "Agustus",
    "Jumatatu",
    "Lunes",
    "Agosto",
    "August",
    "April",
    "June",
    "May",
    "Friday",
    "Tuesday",
    "ianuarie",
    "únor",
    "szerda",
)
SENTENCE_STARTS = (
    "Will",
    "Hope",
    "Grace",
    "Frank",
    "Joy",
    "Summer",
    "Rose",
    "Bill",
    "Dawn",
    "Amber",
    "Young",
    "King",
    "Baker",
    "Hill",
    "Still",
    "Sorry",
    "Unfortunately",
)
STARTERS = {
    "Will": "Will you send the label again?",
    "Hope": "Hope you are well.",
    "Grace": "Grace period ends on the 5th, right?",
    "Frank": "Frank feedback: the app is slow.",
    "Joy": "Joy of joys, the parcel is lost again.",
    "Summer": "Summer sale prices still apply?",
    "Rose": "Rose gold is out of stock?",
    "Bill": "Bill me monthly instead, please.",
    "Dawn": "Dawn delivery slot was missed.",
    "Amber": "Amber light is blinking on the router.",
    "Young": "Young drivers pay a surcharge?",
    "King": "King size bed was not available.",
    "Baker": "Baker Street branch was closed.",
    "Hill": "Hill start assist stopped working.",
    "Still": "Still nothing arrived.",
    "Sorry": "Sorry for the late reply.",
    "Unfortunately": "Unfortunately the code does not work.",
}
JOB_TITLES = (
    "Head of Customer Success",
    "Senior Account Manager",
    "Key Account Manager",
    "Leiterin Buchhaltung",
    "Responsable Grands Comptes",
    "Gerente de Operaciones",
    "Chief Financial Officer",
    "Office Manager",
    "Team Lead, Tier 2 Support",
    "Sachbearbeiter Schadensregulierung",
    "Direttore Commerciale",
)
TEAMS = (
    "Team Falcon",
    "Billing Ops",
    "Tier 2 Support",
    "Payments Squad",
    "Growth Team",
    "Customer Care EMEA",
    "Équipe Recouvrement",
    "Team Nord",
)
DECOY_KINDS = (
    "order",
    "ticket",
    "tracking",
    "amount",
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
    "postcode",
    "device",
    "mac",
    "flight",
    "seat",
    "room",
    "coordinates",
    "aba",
    "bic",
    "sort-code",
    "luhn-fail",
    "iban-badcheck",
    "calendar-word",
    "brand-place",
    "job-title",
    "team",
    "plain-url",
    "invoice-no",
    "customer-no",
    "vat-id",
    "policy-no",
    "percent",
)


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _ean13(rng: random.Random) -> str:
    body = rng.choice(["400", "500", "590", "760", "871", "460"]) + _digits(rng, 9)
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _isbn13(rng: random.Random) -> str:
    body = "978" + str(rng.randint(0, 9)) + _digits(rng, 8)
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    d = body + str((10 - s % 10) % 10)
    return f"{d[:3]}-{d[3]}-{d[4:8]}-{d[8:12]}-{d[12]}"


def _aba(rng: random.Random) -> str:
    while True:
        d = [int(c) for c in f"{rng.randint(1, 12):02d}" + _digits(rng, 7)]
        if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0:
            return "".join(map(str, d))


def _luhn_fail(rng: random.Random) -> str:
    while True:
        n = rng.choice([15, 16, 16, 16, 19])
        prefix = rng.choice(["4", "5", "37", "6011", "35"])
        s = prefix + "".join(rng.choice(string.digits) for _ in range(n - len(prefix)))
        if not luhn_ok(s):
            return group(s, (4, 4, 4, 4), rng.choice([" ", "-", ""])) if n == 16 else s


def decoy(rng: random.Random, what: str | None = None) -> Put:
    what = what or rng.choice(DECOY_KINDS)
    d = rng.randint
    v: str
    if what == "order":
        v = rng.choice(
            [
                f"ORD-{d(2019, 2026)}-{d(100000, 999999)}",
                f"#{d(1000000, 9999999)}",
                f"PO {_digits(rng, 10)}",
                f"{d(100, 999)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
                f"BST{d(10000000, 99999999)}",
                f"A{tok(rng, 9, string.ascii_uppercase + string.digits)}",
            ]
        )
    elif what == "ticket":
        v = rng.choice(
            [
                f"INC{d(1000000, 9999999)}",
                f"TCK-{d(10000, 99999)}",
                f"case {_digits(rng, 8)}",
                f"JIRA-{d(100, 9999)}",
                f"SR-{_digits(rng, 9)}",
            ]
        )
    elif what == "tracking":
        v = rng.choice(
            [
                f"1Z{tok(rng, 6, string.ascii_uppercase + string.digits)}{_digits(rng, 10)}",
                tok(rng, 2, string.ascii_uppercase)
                + _digits(rng, 9)
                + rng.choice(["GB", "DE", "CN", "NL"]),
                f"JD{_digits(rng, 18)}",
                f"9400 1{_digits(rng, 3)} {_digits(rng, 4)} {_digits(rng, 4)} "
                f"{_digits(rng, 4)} {_digits(rng, 2)}",
                f"00340{_digits(rng, 15)}",
            ]
        )
    elif what == "amount":
        v = rng.choice(
            [
                f"€{d(1, 9)}.{d(100, 999)},{d(10, 99)}",
                f"{d(1, 99)} {d(100, 999)},{d(10, 99)} €",
                f"${d(1, 9)},{d(100, 999)}.{d(10, 99)}",
                f"¥{d(1, 99)},{d(100, 999)}",
                f"₹{d(1, 9)},{d(10, 99)},{d(100, 999)}",
                f"CHF {d(1, 9)}'{d(100, 999)}.{d(10, 95)}",
                f"R$ {d(1, 9)}.{d(100, 999)},{d(10, 99)}",
                f"{d(10, 999)},{d(10, 99)} zł",
                f"{d(1, 9)}.{d(100, 999)} TL",
                f"£{d(1, 999)}.{d(10, 99)}",
                f"kr {d(1, 9)} {d(100, 999)},-",
                f"{d(100, 9999)} Kč",
                f"KES {d(1, 99)},{d(100, 999)}",
                f"₦{d(10, 999)},{d(100, 999)}.00",
                f"USD {d(10, 99999)}.00",
                f"{d(1, 999)}.{d(10, 99)} AED",
            ]
        )
    elif what == "date":
        y, m, dd = d(2019, 2026), d(1, 12), d(1, 28)
        v = rng.choice(
            [
                f"{y}-{m:02d}-{dd:02d}",
                f"{dd:02d}.{m:02d}.{y}",
                f"{m:02d}/{dd:02d}/{y}",
                f"{dd}/{m}/{y}",
                f"{y}年{m}月{dd}日",
                f"{y}. {m}. {dd}.",
                f"{y}{m:02d}{dd:02d}",
            ]
        )
    elif what == "time":
        v = rng.choice(
            [
                f"{d(0, 23):02d}:{d(0, 59):02d}",
                f"{d(1, 12)}:{d(0, 59):02d} pm",
                f"{d(0, 23):02d}:{d(0, 59):02d}:{d(0, 59):02d}",
                f"{d(0, 23)}h{d(0, 59):02d}",
            ]
        )
    elif what == "duration":
        v = rng.choice(
            [
                f"{d(1, 9)}h {d(1, 59)}m",
                f"PT{d(1, 9)}H{d(1, 59)}M",
                f"{d(2, 90)} min",
                f"{d(1, 48)} hrs",
                f"{d(2, 30)} Werktage",
            ]
        )
    elif what == "version":
        v = rng.choice(
            [
                f"v{d(1, 9)}.{d(0, 30)}.{d(0, 40)}",
                f"iOS {d(15, 18)}.{d(0, 6)}.{d(1, 3)}",
                f"Android {d(10, 15)}",
                f"{d(1, 5)}.{d(0, 9)}.{d(0, 9)}-rc.{d(1, 5)}",
                f"Chrome/{d(110, 131)}.0.{d(1000, 6999)}.{d(10, 200)}",
            ]
        )
    elif what == "build":
        v = rng.choice(
            [
                f"build {d(2023, 2026)}{d(1, 12):02d}{d(1, 28):02d}.{d(1, 9)}",
                f"#{d(1000, 99999)}",
                f"b{d(100, 9999)}",
            ]
        )
    elif what == "hash":
        v = tok(rng, rng.choice([7, 12, 32, 40, 64]), _HEX)
    elif what == "uuid":
        v = _uuid(rng)
    elif what == "sku":
        v = rng.choice(
            [
                f"SKU-{tok(rng, 3, string.ascii_uppercase)}-{d(10, 99)}-"
                + rng.choice(["XS", "M", "XL"]),
                f"ART.{d(100000, 999999)}",
                f"{tok(rng, 2, string.ascii_uppercase)}{d(1000, 9999)}-{d(10, 99)}",
            ]
        )
    elif what == "ean":
        v = _ean13(rng)
    elif what == "isbn":
        v = _isbn13(rng)
    elif what == "postcode":
        v = rng.choice(
            [
                f"{d(10000, 99999)}",
                "SW1A 1AA",
                "EC2R 8AH",
                f"{d(100, 999)}-{d(1000, 9999)}",
                "K1A 0B1",
                f"{d(10000, 99999)}-{d(100, 999)}",
                f"{d(1000, 9999)} {tok(rng, 2, 'ABCDEFGHJKLMNPRSTVWXZ')}",
                f"{d(100, 999)} {d(10, 99)}",
                "D02 X285",
            ]
        )
    elif what == "device":
        imei = luhn_complete(rng, rng.choice(["35", "86", "01"]), 15)
        v = rng.choice(
            [
                f"IMEI {imei}",
                f"SN {tok(rng, 12, string.ascii_uppercase + string.digits)}",
                f"android_id {tok(rng, 16, _HEX)}",
            ]
        )
    elif what == "mac":
        v = ":".join(tok(rng, 2, "0123456789ABCDEF") for _ in range(6))
    elif what == "flight":
        v = rng.choice(
            [
                f"LH {d(100, 2999)}",
                f"TK{d(1, 2999)}",
                f"EK {d(1, 999)}",
                f"QR{d(1, 999)}",
                f"AF{d(1000, 1999)}",
                f"NH {d(1, 999)}",
                f"ET{d(300, 999)}",
            ]
        )
    elif what == "seat":
        v = f"{d(1, 45)}{rng.choice('ABCDEFHK')}"
    elif what == "room":
        v = rng.choice(
            [
                f"Room {d(100, 1999)}",
                f"Zimmer {d(1, 499)}",
                f"Gate B{d(1, 60)}",
                f"Raum {d(1, 5)}.{d(10, 99)}",
            ]
        )
    elif what == "coordinates":
        v = rng.choice(
            [
                f"{rng.uniform(-60, 70):.4f}, {rng.uniform(-170, 170):.4f}",
                f"{d(0, 89)}°{d(0, 59)}′{d(0, 59)}″N {d(0, 179)}°{d(0, 59)}′{d(0, 59)}″E",
            ]
        )
    elif what == "aba":
        v = _aba(rng)
    elif what == "bic":
        v = (
            tok(rng, 4, string.ascii_uppercase)
            + rng.choice(["DE", "FR", "GB", "NL", "CH", "PL"])
            + tok(rng, 2, string.ascii_uppercase + string.digits)
            + rng.choice(["", "XXX"])
        )
    elif what == "sort-code":
        v = rng.choice(
            [f"{d(10, 99)}-{d(10, 99)}-{d(10, 99)}", f"BSB {d(10, 99)}{d(0, 9)}-{d(100, 999)}"]
        )
    elif what == "luhn-fail":
        v = _luhn_fail(rng)
    elif what == "iban-badcheck":
        s = an_iban_compact(rng, rng.choice(list(IBAN_BBAN)), valid=False)
        v = grouped4(s) if rng.random() < 0.5 else s
    elif what == "calendar-word":
        v = rng.choice(CALENDAR_WORDS)
    elif what == "brand-place":
        v = rng.choice(BRANDS_PLACES)
    elif what == "job-title":
        v = rng.choice(JOB_TITLES)
    elif what == "team":
        v = rng.choice(TEAMS)
    elif what == "plain-url":
        v = rng.choice(
            [
                f"https://help.shopnow.com/articles/{d(10**8, 10**9)}",
                "https://www.example-airline.com/manage-booking?lang=de",
                "https://status.brightpath.io/incidents/"
                + tok(rng, 12, string.ascii_lowercase + string.digits),
                "https://docs.python.org/3/library/json.html",
            ]
        )
    elif what == "invoice-no":
        v = rng.choice(
            [
                f"INV-{d(2020, 2026)}-{d(1, 99999):05d}",
                f"RE{d(100000, 999999)}",
                f"F{d(2020, 2026)}/{d(1, 9999):04d}",
                f"FV/{d(1, 999)}/{d(1, 12):02d}/{d(2021, 2026)}",
            ]
        )
    elif what == "customer-no":
        v = rng.choice(
            [f"KD-{d(100000, 999999)}", f"Cust# {d(10000000, 99999999)}", f"CID{d(1000, 99999)}"]
        )
    elif what == "vat-id":
        v = rng.choice(
            [
                f"DE{_digits(rng, 9)}",
                f"ATU{_digits(rng, 8)}",
                f"FR{d(10, 99)}{_digits(rng, 9)}",
                f"CHE-{d(100, 999)}.{d(100, 999)}.{d(100, 999)} MWST",
            ]
        )
    elif what == "policy-no":
        v = f"{tok(rng, 3, string.ascii_uppercase)}/{_digits(rng, 8)}/{d(10, 99)}"
    else:  # percent
        v = rng.choice([f"{d(1, 99)}%", f"{d(1, 99)},{d(1, 9)} %", f"{d(1, 20)}.{d(0, 9)}% APR"])
    return Put("decoy", v, f"decoy/{what}")


# --- scenes: one text each -----------------------------------------------------------------

_SLOT = "{}"


def tpl(template: str, **slots: Item | Items) -> Items:
    """``template`` with ``{X}`` replaced by the items given for X."""
    out: Items = []
    rest = template
    while True:
        i = rest.find("{")
        j = rest.find("}", i)
        if i < 0 or j < 0 or rest[i + 1 : j] not in slots:
            if i >= 0 and j >= 0:  # a brace that is not a slot: keep it
                out.append(rest[: j + 1])
                rest = rest[j + 1 :]
                continue
            out.append(rest)
            return [it for it in out if it != ""]
        out.append(rest[:i])
        val = slots[rest[i + 1 : j]]
        out.extend(val if isinstance(val, list) else [val])
        rest = rest[j + 1 :]


@dataclass
class Ctx:
    rng: random.Random
    me: Who
    email: Put
    phone: Items
    platform: str
    agent: Who
    region: str

    def me_or_roman(self, p: float = 0.3) -> Who:
        """The person, or the same person in Latin letters (as they type it elsewhere)."""
        if not self.me.native or self.rng.random() >= p:
            return self.me
        me = self.me
        return Who(
            me.lang,
            False,
            [_roman(w, me.lang) for w in me.given],
            [_roman(w, me.lang) for w in me.family],
            list(me.middle),
        )

    def stranger(self, same_cue: bool = False) -> Who:
        lang = self.rng.choice(LANGS)
        if same_cue and self.rng.random() < 0.7:
            cue = self.me.cue_lang
            pool = [lg for lg in LANGS if make_who(random.Random(0), lg).cue_lang == cue]
            lang = self.rng.choice(pool) if pool else self.me.lang
            return make_who(self.rng, lang, native=self.me.native)
        return make_who(self.rng, lang)

    def name(self, who: Who, form: str, cls: str) -> Items:
        """The name in one of the ways people write it; the class says which."""
        rng = self.rng
        if form == "given":
            return who.g(cls)
        if form == "family":
            return who.f(cls)
        if form == "initial-family" and not who.unspaced:
            return join(initial(who.given[0]), " ", who.f(cls + "+initial"))
        if form == "family-initial" and not who.unspaced:
            return join(who.f(cls + "+initial"), " ", initial(who.given[0]))
        if form == "family-comma" and not who.unspaced:
            return join(who.f(cls), ", ", who.g(cls))
        if form == "caps":
            return remap(respot(who.full(cls + "+caps"), ""), str.upper)
        if form == "lower":
            return remap(who.full(cls + "+lower"), str.lower)
        if form == "ascii" and not who.unspaced:
            return remap(who.full(cls + "+ascii"), fold)
        if form == "typo" and not who.unspaced:
            g = who.given[0]
            t = typo(rng, g)
            return join(Put("name", t, cls + "+typo", origin=who.lang), " ", who.f(cls))
        if form == "nick" and who.given[0] in NICK:
            return [Put("name", NICK[who.given[0]], cls + "+nick", origin=who.lang)]
        if form == "western" and not who.unspaced:
            return who.full(cls, order="gf")
        return who.full(cls)

    def any_form(self, who: Who, cls: str) -> Items:
        forms = (
            ["full"] * 10
            + ["given"] * 3
            + [
                "caps",
                "lower",
                "ascii",
                "typo",
                "nick",
                "initial-family",
                "family-initial",
                "western",
            ]
        )
        return self.name(who, self.rng.choice(forms), cls)


def _with_spot(items: Items, spot: str) -> Items:
    return [replace(it, spot=spot) if isinstance(it, Put) and not it.spot else it for it in items]


def noise(rng: random.Random) -> str:
    return rng.choice(
        ["", "", "", " 🙏", " 😡", " !!", " lol", " 🙂🙂", " ...", " pls", " 👍", " asap"]
    )


def filler(ctx: Ctx, n: int | None = None) -> Items:
    """A sentence or two that carry decoys."""
    rng = ctx.rng
    out: Items = []
    for _ in range(rng.randint(0, 2) if n is None else n):
        r = rng.random()
        if r < 0.15:
            w = rng.choice(SENTENCE_STARTS)
            out += ["\n", Put("decoy", w, "decoy/sentence-start"), STARTERS[w][len(w) :]]
            continue
        d = decoy(rng)
        frames = {
            "order": [
                "Order {D} still shows pending.",
                "Bestellung {D} ist nicht angekommen.",
                "pedido {D}",
                "commande n° {D}",
            ],
            "amount": [
                "I was charged {D} twice.",
                "Total: {D}",
                "Betrag {D} wurde abgebucht.",
                "cobraron {D}",
            ],
            "date": ["Delivery date {D}.", "on {D}", "Termin am {D}"],
            "calendar-word": ["Can you call on {D}?", "({D})", "next {D} works"],
            "brand-place": ["I'm near {D} now.", "It's the {D} one.", "bought at {D}"],
        }.get(d.cls.split("/")[1], ["ref {D}", "{D}", "(see {D})", "— {D}", "Ref.: {D}"])
        out += [rng.choice([" ", "\n"]), *tpl(rng.choice(frames), D=d)]
    return out


def _cue_items(ctx: Ctx, who: Who, kinds: tuple[str, ...], cls_head: str) -> Items | None:
    cues = [c for c in CUES[who.cue_lang] if c[0] in kinds]
    if not cues:
        return None
    kind, template = ctx.rng.choice(cues)
    cls = f"{cls_head}/{kind}"
    rng = ctx.rng
    r = rng.random()
    full = ctx.name(who, "full", cls)
    if r < 0.18 and not who.unspaced:
        full = ctx.name(who, rng.choice(["typo", "nick", "ascii", "lower", "western"]), cls)
    given = who.g(cls)
    if who.given[0] in NICK and rng.random() < 0.3:
        given = [Put("name", NICK[who.given[0]], cls + "+nick", origin=who.lang)]
    return tpl(template, N=full, G=given, F=who.f(cls), P=ctx.phone, E=ctx.email)


def scene_cue_self(ctx: Ctx) -> tuple[Items, str]:
    who = ctx.me_or_roman()
    cls = "name/cue" if who is ctx.me else "name/cue-roman"
    items = _cue_items(ctx, who, ("intro", "this_is", "signoff"), cls) or []
    items = join(items, filler(ctx), noise(ctx.rng))
    if ctx.rng.random() < 0.1 and all(not _unspaced(c) for c in plain(items)):
        items = remap(items, str.lower)
    return _with_spot(items, "cue"), "message:user"


def scene_cue_other(ctx: Ctx) -> tuple[Items, str]:
    other = ctx.stranger(same_cue=True)
    items = _cue_items(ctx, other, ("relation", "reported", "complaint"), "name/cue-third")
    if items is None:
        other = make_who(ctx.rng, "en")
        items = _cue_items(ctx, other, ("relation", "reported", "complaint"), "name/cue-third")
    return _with_spot(join(items or [], filler(ctx)), "cue"), "message:user"


def scene_bot_greeting(ctx: Ctx) -> tuple[Items, str]:
    items = _cue_items(ctx, ctx.me, ("greeting",), "name/bot") or tpl(
        "Hi {N}!", N=ctx.me.full("name/bot/greeting")
    )
    return _with_spot(join(items, filler(ctx, 1)), "after-greeting"), "message:bot"


def scene_agent(ctx: Ctx) -> tuple[Items, str]:
    items = _cue_items(ctx, ctx.agent, ("handover",), "name/agent")
    if items is None:
        items = tpl("{G} from the support team here 👋", G=ctx.agent.g("name/agent/handover"))
    greet = _cue_items(ctx, ctx.me, ("greeting",), "name/agent-greets")
    head = join(greet, "\n") if greet and ctx.rng.random() < 0.6 else []
    return _with_spot(join(head, items, filler(ctx)), "agent"), "message:agent"


def scene_signature(ctx: Ctx) -> tuple[Items, str]:
    rng, me = ctx.rng, ctx.me_or_roman()
    cls = "name/uncued/signature"
    body = rng.choice(
        [
            "Please find the signed form attached.",
            "See below.",
            "Any update?",
            "Bitte um Rückmeldung.",
            "Merci de me rappeler.",
            "Gracias de antemano.",
        ]
    )
    k = rng.randrange(6)
    if k == 0:
        sig = join(ctx.name(me, "full", cls), ", ", ctx.phone)  # "Name Surname, +55 ..."
    elif k == 1:
        sig = join(
            ctx.name(me, rng.choice(["full", "western", "caps"]), cls),
            "\n",
            decoy(rng, "job-title"),
            " | ",
            rng.choice(WORK_DOMAINS).split(".")[0].title(),
            "\nM: ",
            ctx.phone,
            "\nE: ",
            ctx.email,
        )
    elif k == 2:
        sig = join("--\n", ctx.name(me, "full", cls), "\n", ctx.phone, "\nSent from my iPhone")
    elif k == 3:
        sig = join(ctx.name(me, "initial-family", cls), " · ", decoy(rng, "team"), " · ", ctx.email)
    elif k == 4:
        sig = join(
            "—\n",
            ctx.name(me, "full", cls),
            "\n",
            rng.choice(["Tel.", "Tél.", "Tel:", "📞"]),
            " ",
            ctx.phone,
            "\n",
            decoy(rng, "postcode"),
            " ",
            rng.choice(["Wien", "Lyon", "Lima"]),
        )
    else:
        sig = join(
            ctx.name(me, "given", cls), " ", ctx.name(me, "family", cls).copy(), "\n", ctx.email
        )
    return join(body, filler(ctx), "\n\n", _with_spot(sig, "signature")), "message:user"


def scene_headers(ctx: Ctx) -> tuple[Items, str]:
    rng, me = ctx.rng, ctx.me_or_roman()
    cls = "name/uncued/email-header"
    other = ctx.stranger()
    frm = rng.choice(
        [
            join('"', ctx.name(me, "family-comma", cls), '" <', ctx.email, ">"),
            join(ctx.name(me, "full", cls), " <", ctx.email, ">"),
            join(ctx.email, " (", ctx.name(me, "full", cls), ")"),
        ]
    )
    items = join(
        "From: ",
        frm,
        "\nTo: ",
        an_email(rng, None),
        "\nCc: ",
        ctx.name(other, "full", cls),
        " <",
        an_email(rng, other),
        ">\n",
        "Date: Tue, 11 Mar 2025 09:14:02 +0100\nSubject: Re: ",
        decoy(rng, "ticket"),
        "\n\n",
        rng.choice(["Still waiting.", "Hallo, bitte Rückruf.", "Any news on this?"]),
        "\n\nOn Mon, ",
        ctx.name(ctx.agent, "full", "name/uncued/quoted-reply"),
        " wrote:\n> ",
        rng.choice(["Thank you for contacting us.", "We will check with the courier."]),
        "\n> ",
        decoy(rng, "order"),
    )
    return _with_spot(items, "email-headers"), rng.choice(["message:user", "raw:email"])


def _people_rows(ctx: Ctx, k: int, cls: str) -> list[tuple[Items, Items, Put, Items, Put]]:
    rows = []
    for i in range(k):
        who = ctx.me if i == 0 and ctx.rng.random() < 0.5 else ctx.stranger()
        g, f = who.g(cls), who.f(cls)
        if who.unspaced:
            g, f = who.full(cls), []
        if ctx.rng.random() < 0.12:
            g, f = remap(g, str.upper), remap(f, str.upper)
        em = ctx.email if who is ctx.me else an_email(ctx.rng, who)
        ph = ctx.phone if who is ctx.me else a_phone(ctx.rng, ext_ok=False)
        rows.append(
            (g, f, em, ph, decoy(ctx.rng, ctx.rng.choice(["amount", "customer-no", "date"])))
        )
    return rows


def scene_table(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    style = rng.choice(["csv", "csv-noheader", "tsv", "semicolon", "markdown", "html"])
    cls = f"name/uncued/{style}"
    rows = _people_rows(ctx, rng.randint(2, 4), cls)
    out: Items = []
    if style in ("csv", "csv-noheader", "tsv", "semicolon"):
        sep = {"csv": ",", "csv-noheader": ",", "tsv": "\t", "semicolon": ";"}[style]
        if style != "csv-noheader":
            out.append(
                sep.join(
                    rng.choice(
                        [
                            ["first_name", "last_name", "email", "phone", "ref"],
                            ["Vorname", "Nachname", "E-Mail", "Telefon", "Ref"],
                            ["nombre", "apellido", "correo", "móvil", "ref"],
                        ]
                    )
                )
                + "\n"
            )
        for g, f, em, ph, dec in rows:
            quote = '"' if sep == "," and rng.random() < 0.3 else ""
            out += join(quote, g, quote, sep, f, sep, em, sep, ph, sep, dec, "\n")
    elif style == "markdown":
        out.append("| Name | Email | Phone | Ref |\n|---|---|---|---|\n")
        for g, f, em, ph, dec in rows:
            out += join("| ", g, " ", f, " | ", em, " | ", ph, " | ", dec, " |\n")
    else:
        out.append("<table><tr><th>Name</th><th>E-mail</th><th>Tel</th><th>Ref</th></tr>\n")
        for g, f, em, ph, dec in rows:
            row = join(
                "<tr><td>",
                g,
                " ",
                f,
                "</td><td>",
                em,
                "</td><td>",
                ph,
                "</td><td>",
                dec,
                "</td></tr>\n",
            )
            out += remap(row, lambda s: s if s.startswith("<") else html.escape(s, quote=False))
        out.append("</table>")
    head = rng.choice(["Here is the list you asked for:\n", "", "Attendees export\n", "Liste:\n"])
    return join(head, _with_spot(out, style)), rng.choice(
        ["message:user", "message:agent", "raw:attachment_text"]
    )


def scene_structured(ctx: Ctx) -> tuple[Items, str]:
    rng, me = ctx.rng, ctx.me
    style = rng.choice(["json", "json", "json-escaped", "yaml", "xml", "kv"])
    cls = f"name/uncued/{style}"
    g, f = me.g(cls), me.f(cls)
    if me.unspaced:
        g, f = me.full(cls), []
    fields: list[tuple[str, Items]] = [("first_name", g)]
    if f:
        fields.append(("last_name", f))
    fields += [("email", [ctx.email]), ("phone", ctx.phone)]
    extra = rng.choice(["card", "iban", "ip", "none"])
    if extra == "card":
        fields.append(("card_number", [a_card(rng)]))
    elif extra == "iban":
        fields.append(("iban", [an_iban(rng)]))
    elif extra == "ip":
        fields.append(("last_ip", [an_ip(rng)]))
    fields += [
        ("order_id", [decoy(rng, "order")]),
        ("created", [decoy(rng, "date")]),
        ("total", [decoy(rng, "amount")]),
        ("device", [decoy(rng, rng.choice(["uuid", "device", "version"]))]),
    ]
    rng.shuffle(fields)
    out: Items = []
    if style.startswith("json"):
        ascii_only = style == "json-escaped"
        out.append('{"customer": {')
        for i, (k, v) in enumerate(fields):
            out += join(", " if i else "", f'"{k}": ', jstr(v, ascii_only))
        out.append('}, "channel": "web"}')
    elif style == "yaml":
        out.append("customer:\n")
        for k, v in fields:
            out += join(f"  {k}: ", v, "\n")
    elif style == "xml":
        out.append("<customer>\n")
        for k, v in fields:
            out += join(f"  <{k}>", remap(v, lambda s: html.escape(s, quote=False)), f"</{k}>\n")
        out.append("</customer>")
    else:
        for k, v in fields:
            out += join(f"{k}=", v, rng.choice([" ", "\n", "; "]))
    head = rng.choice(["", "payload:\n", "Here's what the form sent: ", "```\n"])
    return join(head, _with_spot(out, style)), rng.choice(
        ["message:user", "message:bot", "raw:metadata", "raw:form_data"]
    )


def scene_chatlog(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    cls = "name/uncued/chat-speaker"
    people = [ctx.me, ctx.stranger(), ctx.agent]
    out: Items = ["Pasting the chat from the other channel:\n"]
    lines = [
        "hi, anyone there?",
        "yes, how can I help",
        "my parcel is missing",
        "can you share the order number?",
        "ok one sec",
        "thanks!!",
    ]
    for i, line in enumerate(lines[: rng.randint(3, 6)]):
        who = people[i % 2 if i < 4 else 2]
        form = "full" if who.unspaced else rng.choice(["full", "given", "full"])
        label = ctx.name(who, form, cls)
        out += join(f"[{9 + i // 3:02d}:{10 + i * 3:02d}] ", label, ": ", line, "\n")
    tagged = ctx.stranger()  # someone who has not spoken in the pasted log
    form = "full" if tagged.unspaced else rng.choice(["given", "given", "full"])
    mention = ctx.name(tagged, form, "name/uncued/mention")
    if form == "full" and not tagged.unspaced:
        mention = remap(mention, lambda s: s.replace(" ", "."))  # @Maria.Garcia
    out += join("@", mention, rng.choice([" can you check?", " pls look", ": thoughts?"]))
    return _with_spot(out, "chat-log"), "message:user"


def scene_form(ctx: Ctx) -> tuple[Items, str]:
    rng, me = ctx.rng, ctx.me
    labels = rng.choice(
        [
            ("Full name", "Date of birth", "Mobile", "E-mail", "Postcode"),
            ("Name", "Geburtsdatum", "Telefon", "E-Mail", "PLZ"),
            ("Nom complet", "Date de naissance", "Portable", "Courriel", "Code postal"),
            ("Nombre", "Fecha de nacimiento", "Celular", "Correo", "CP"),
        ]
    )
    cls = "name/uncued/form-field"
    name = ctx.name(me, rng.choice(["full", "full", "caps", "family-comma", "lower"]), cls)
    out = join(
        f"{labels[0]}: ",
        name,
        f"\n{labels[1]}: ",
        decoy(rng, "date"),
        f"\n{labels[2]}: ",
        ctx.phone,
        f"\n{labels[3]}: ",
        ctx.email,
        f"\n{labels[4]}: ",
        decoy(rng, "postcode"),
    )
    return _with_spot(out, "form"), rng.choice(["message:user", "raw:form_data"])


def scene_calendar(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    cls = "name/uncued/calendar"
    other = ctx.stranger()
    out = join(
        "BEGIN:VEVENT\nSUMMARY:Call with ",
        ctx.name(ctx.me, "full", cls),
        "\nDTSTART:20250318T093000Z\nORGANIZER;CN=",
        ctx.name(other, "full", cls),
        ":mailto:",
        an_email(rng, other),
        "\nATTENDEE;CN=",
        ctx.name(ctx.me, "full", cls),
        ":mailto:",
        ctx.email,
        "\nLOCATION:",
        decoy(rng, "room"),
        "\nEND:VEVENT",
    )
    return _with_spot(out, "calendar"), rng.choice(["message:user", "raw:attachment_text"])


def scene_crm(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    cls = "name/uncued/crm-note"
    other = ctx.stranger()
    out = join(
        rng.choice(["Called ", "Spoke to ", "Cust ", "Rückruf "]),
        ctx.name(ctx.me, rng.choice(["full", "family-initial", "initial-family", "full"]), cls),
        " re: renewal. ",
        rng.choice(["Her manager ", "Colleague ", "Assistant "]),
        ctx.name(other, rng.choice(["full", "given"]), cls),
        " to approve. Callback ",
        ctx.phone,
        ", prefers ",
        decoy(rng, "calendar-word"),
        ". ",
        decoy(rng, "ticket"),
    )
    return _with_spot(out, "crm-note"), rng.choice(["raw:notes", "raw:summary", "message:agent"])


def scene_label(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    cls = "name/uncued/shipping-label"
    if rng.random() < 0.5:
        out = join(
            "SHIP TO:\n",
            ctx.name(ctx.me, "caps", cls),
            "\n",
            str(rng.randint(1, 200)),
            " ",
            rng.choice(["ABBEY ROAD", "HAUPTSTRASSE", "RUA AUGUSTA", "CALLE MAYOR"]),
            "\n",
            decoy(rng, "postcode"),
            "\nTEL ",
            ctx.phone,
            "\nTRACKING ",
            decoy(rng, "tracking"),
        )
        return _with_spot(out, "shipping-label"), rng.choice(
            ["message:user", "raw:attachment_text"]
        )
    iban = an_iban(rng)
    out = join(
        "Invoice ",
        decoy(rng, "invoice-no"),
        "\nBill to: ",
        ctx.name(ctx.me, "full", "name/uncued/invoice"),
        "\nVAT ",
        decoy(rng, "vat-id"),
        "\nIBAN: ",
        iban,
        "\nBIC: ",
        decoy(rng, "bic"),
        "\nTotal due: ",
        decoy(rng, "amount"),
    )
    return _with_spot(out, "invoice"), rng.choice(["message:user", "raw:attachment_text"])


def scene_list(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    cls = "name/uncued/list"
    people = [ctx.stranger() for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.5:
        out: Items = ["Attendees: "]
        for i, p in enumerate(people):
            sep = "" if i == 0 else (" and " if i == len(people) - 1 else ", ")
            out += join(sep, ctx.any_form(p, cls))
    else:
        out = [rng.choice(["Contacts:\n", "Ansprechpartner:\n", "Contactos:\n"])]
        for p in people:
            out += join("- ", ctx.name(p, "full", cls), " (", decoy(rng, "team"), ")\n")
    return _with_spot(join(out, filler(ctx, 1)), "list"), rng.choice(["message:user", "raw:notes"])


def scene_payment(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    card = a_card(rng)
    masked = f"**** {rng.randint(1000, 9999)}"  # already safe: neither planted nor a decoy
    frames = [
        "my card {C} was charged twice, the other one ending " + masked + " is fine",
        "Kartennummer: {C}, gültig bis 08/27",
        "pls refund to {C}",
        "numéro de carte {C}",
        "tarjeta: {C} (la de débito)",
        '{"pan": "{C}"}',
        "Card: {C}\nExp: 11/28\nName: {N}",
        "cartão {C}, ok?",
        "{C} is my mastercard",
    ]
    out = tpl(rng.choice(frames), C=card, N=ctx.name(ctx.me, "caps", "name/uncued/card-holder"))
    return _with_spot(join(out, filler(ctx), noise(rng)), "payment"), rng.choice(
        ["message:user", "message:user", "raw:notes"]
    )


def scene_bank(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    frames = [
        "IBAN: {I}",
        "Please refund to {I}, account holder {N}",
        "iban {I} thx",
        "Meine IBAN lautet {I}.",
        "mon IBAN : {I}",
        "Cuenta: {I} a nombre de {N}",
        "Conto corrente {I}",
        "Rekeningnummer {I} t.n.v. {N}",
        "IBAN {I}\nBIC {B}",
        "Numer konta: {I}",
    ]
    out = tpl(
        rng.choice(frames),
        I=an_iban(rng),
        B=decoy(rng, "bic"),
        N=ctx.name(ctx.me, "full", "name/uncued/account-holder"),
    )
    return _with_spot(join(out, filler(ctx)), "bank"), rng.choice(["message:user", "raw:notes"])


def scene_log(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    k = rng.randrange(5)
    ip1, ip2 = an_ip(rng), an_ip(rng, v6=0.5)
    if k == 0:
        out = join(
            decoy(rng, "date"),
            " 10:11:12 GET /api/login 401 client=",
            ip1,
            ' ua="',
            decoy(rng, "version"),
            '"\n',
            "X-Forwarded-For: ",
            ip2,
            ", ",
            an_ip(rng, 0),
        )
    elif k == 1:
        out = join(
            "Received: from mail.",
            rng.choice(WORK_DOMAINS),
            " ([",
            ip1,
            "])\n\tby mx.",
            rng.choice(WORK_DOMAINS),
            " with ESMTPS id ",
            decoy(rng, "hash"),
        )
    elif k == 2:
        out = join(
            "my IP is ", ip1, rng.choice([" if that helps", "", ", still blocked"]), noise(rng)
        )
    elif k == 3:
        out = join(
            '{"event": "login_failed", "ip_address": "',
            ip1,
            '", "ts": "',
            decoy(rng, "date"),
            '", "session": "',
            decoy(rng, "uuid"),
            '"}',
        )
    else:
        v6 = Put("ip", a_v6(rng)[0], "ip/v6-bracket-port")
        out = join("connect to [", v6, "]:443 failed, retry via ", ip1)
    return _with_spot(out, "log"), rng.choice(["message:user", "raw:metadata", "raw:notes"])


def scene_link(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    url, _ = secret_url(rng)
    frames = [
        "here's the link: {U}",
        "[download]({U})",
        "<{U}>",
        "webhook_url: {U}",
        '{"callback": "{U}"}',
        "Link zum Dokument: {U} (gültig 1h)",
        "voici le lien {U}",
        "{U}\n\nthat one doesn't open",
        "Use this to reset: {U}",
    ]
    out = tpl(rng.choice(frames), U=url)
    if rng.random() < 0.3:
        out += [" and the help page: ", decoy(rng, "plain-url")]
    where = rng.choice(["message:user", "message:bot", "message:agent", "raw:notes"])
    return _with_spot(join(out, filler(ctx, 1)), "url"), where


def scene_decoys(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    out: Items = []
    for _ in range(rng.randint(2, 4)):
        d = decoy(rng)
        out += tpl(rng.choice(["{D}", "Ref {D}.", "({D})", "- {D}\n", "{D}, "]), D=d)
        out.append(" ")
    out += filler(ctx, 1)
    return _with_spot(out, "decoys"), rng.choice(["message:user", "message:bot", "raw:tags"])


def scene_raw_free(ctx: Ctx) -> tuple[Items, str]:
    """Free-text fields of a session record: feedback, summary, tags, last text."""
    rng = ctx.rng
    field_ = rng.choice(["feedback", "summary", "tags", "last_received_text"])
    me = ctx.me
    if field_ == "feedback":
        out = rng.choice(
            [
                tpl(
                    "Agent {A} was super helpful, thanks!",
                    A=ctx.name(ctx.agent, "given", "name/raw/feedback"),
                ),
                tpl(
                    "{A} hat mir nicht geholfen. Bitte ruft mich an: {P}",
                    A=ctx.name(ctx.agent, "full", "name/raw/feedback"),
                    P=ctx.phone,
                ),
                tpl("5 stars for {A} 🌟", A=ctx.name(ctx.agent, "given", "name/raw/feedback")),
            ]
        )
    elif field_ == "summary":
        out = tpl(
            "Customer {N} ({E}) asked about a refund for {D}; callback {P}.",
            N=ctx.name(me, "full", "name/raw/summary"),
            E=ctx.email,
            D=decoy(rng, "order"),
            P=ctx.phone,
        )
    elif field_ == "tags":
        out = tpl(
            "vip, callback:{P}, name:{N}, {D}",
            P=ctx.phone,
            N=ctx.name(me, rng.choice(["lower", "full"]), "name/raw/tags"),
            D=decoy(rng, "team"),
        )
    else:
        out = _cue_items(ctx, me, ("intro", "signoff"), "name/raw/last-text") or []
    return _with_spot(out, f"raw:{field_}"), f"raw:{field_}"


def scene_quoted(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    other = ctx.stranger()
    out = join(
        rng.choice(["ok see below", "forwarding this", "Weitergeleitet:"]),
        "\n\n> From: ",
        ctx.any_form(other, "name/uncued/quoted-reply"),
        "\n> ",
        rng.choice(["Hi", "Hallo", "Hola"]),
        " ",
        ctx.name(ctx.me, "given", "name/uncued/quoted-reply"),
        ", call me at ",
        a_phone(rng, ext_ok=False),
        "\n> ",
        decoy(rng, "date"),
    )
    return _with_spot(out, "quoted-reply"), "message:user"


def scene_lower_chat(ctx: Ctx) -> tuple[Items, str]:
    rng = ctx.rng
    out = tpl(
        rng.choice(
            [
                "its {N} again, my # is {P}{Z}",
                "{N} here,, my mail {E}{Z}",
                "yo its {G} 😅 number changed → {P}",
                "me: {N}\nphone: {P}{Z}",
            ]
        ),
        N=ctx.name(ctx.me, rng.choice(["lower", "full", "ascii"]), "name/uncued/chat-noise"),
        G=ctx.name(ctx.me, "given", "name/uncued/chat-noise"),
        P=ctx.phone,
        E=ctx.email,
        Z=noise(rng),
    )
    return _with_spot(out, "after-punct"), "message:user"


def scene_numbers(ctx: Ctx) -> tuple[Items, str]:
    """Someone else's phone, card or e-mail inline, after punctuation."""
    rng = ctx.rng
    other = ctx.stranger()
    out = tpl(
        rng.choice(
            [
                "my colleague's number: {P}.",
                "Tel.{P}",
                "(mobile){P}",
                "WhatsApp: {P} / e-mail: {E}",
                "call {P};{E}",
                "new number->{P}",
                "Kontakt: {E}, {P}",
            ]
        ),
        P=a_phone(rng),
        E=an_email(rng, other),
    )
    if rng.random() < 0.3:
        out += [" cc ", an_email(rng, None)]
    return _with_spot(join(out, filler(ctx)), "after-punct"), rng.choice(
        ["message:user", "message:agent", "raw:notes"]
    )


def scene_places(ctx: Ctx) -> tuple[Items, str]:
    """Brands, places, streets and companies that are also people's names, in their contexts."""
    rng = ctx.rng
    frames = [
        "My {B} app won't connect since the update.",
        "Booked the hotel near {B}, arriving on {D}.",
        "I'm based in {B} now, does shipping still work?",
        "The {B} laptop you sent has a dead pixel.",
        "Picked up at {B}, order {O}.",
        "Ich wohne jetzt in der Nähe von {B}.",
        "On est passés par {B} hier.",
        "Estoy en {B} hasta el {D}.",
        "Siamo vicino a {B}.",
        "{B} store on the corner was closed again",
        "Can I return it at the {B} branch?",
        "Got a {B} voucher for Christmas, can I use it here?",
    ]
    out = tpl(rng.choice(frames), B=decoy(rng, "brand-place"), D=decoy(rng, "calendar-word"),
              O=decoy(rng, "order"))  # fmt: skip
    if rng.random() < 0.4:
        sign = rng.choice(["— {G}", "thx, {G}", "{G} 🙂"])
        out += ["\n", *tpl(sign, G=ctx.me.g("name/uncued/signoff-bare"))]
    where = rng.choice(["message:user", "raw:notes"])
    return _with_spot(join(out, noise(rng)), "brands-places"), where


SCENES: tuple[tuple[Callable[[Ctx], tuple[Items, str]], int], ...] = (
    (scene_cue_self, 14),
    (scene_cue_other, 8),
    (scene_bot_greeting, 8),
    (scene_agent, 5),
    (scene_signature, 7),
    (scene_headers, 4),
    (scene_table, 5),
    (scene_structured, 7),
    (scene_chatlog, 3),
    (scene_form, 3),
    (scene_calendar, 2),
    (scene_crm, 3),
    (scene_label, 4),
    (scene_list, 3),
    (scene_payment, 7),
    (scene_bank, 6),
    (scene_log, 6),
    (scene_link, 9),
    (scene_decoys, 6),
    (scene_raw_free, 6),
    (scene_quoted, 3),
    (scene_lower_chat, 3),
    (scene_numbers, 7),
    (scene_places, 5),
)


# --- conversations -------------------------------------------------------------------------


def _profile(rng: random.Random, platform: str, who: Who, email: str, phone: str) -> dict[str, Any]:
    if platform == "peki":
        return {
            "firstName": who.first(),
            "lastName": who.last(),
            "email": email,
            "phoneNumber": phone,
            "username": email.split("@")[0],
            "dataDictionary": {"city": rng.choice(["Istanbul", "Lagos", "Lima", "Porto"])},
        }
    if platform == "kore":
        tags = [
            {"name": "fullName", "value": who.full_str()},
            {"name": "email", "value": email},
            {"name": "phone", "value": phone},
        ]
        if rng.random() < 0.5:
            tags = [
                {"name": "FirstName", "value": who.first()},
                {"name": "LastName", "value": who.last()},
                *tags[1:],
            ]
        return {"channel": "rtm", "tags": {"userTags": tags, "sessionTags": []}}
    return {
        "user_info": {
            "name": who.full_str(),
            "email": email,
            "phone": phone,
            "location": rng.choice(["Accra", "Quito", "Kathmandu", "Taipei"]),
        },
        "status": "closed",
    }


def conversation(rng: random.Random, lang: str, platform: str) -> Conversation:
    me = make_who(rng, lang)
    region = rng.choice(LANG[lang]["regions"].split())
    num = valid_number(rng, region)
    written = intl_written(rng, num)[0] if rng.random() < 0.6 else national_written(rng, num)
    own_cls = "phone/own-intl" if written.startswith(("+", "00", "(")) else "phone/own-national"
    phone: Items = [Put("phone", written, own_cls, origin=region)]
    email = an_email(rng, me)
    agent = make_who(rng, rng.choice(LANGS))
    ctx = Ctx(rng, me, email, phone, platform, agent, region)
    person = Person(lang, me.first(), me.last(), email.value, e164(num), written, region)
    profile = _profile(rng, platform, me, email.value, e164(num))
    conv = Conversation(platform, person, profile)
    scenes = [s for s, _ in SCENES]
    weights = [w for _, w in SCENES]
    for _ in range(rng.randint(3, 9)):
        for _attempt in range(12):
            scene = rng.choices(scenes, weights)[0]
            items, where = scene(ctx)
            text = finish(items, where)
            if text is not None and text.planted:
                conv.texts.append(text)
                break
    return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 11 / {seed}")
    order = list(LANGS)
    rng.shuffle(order)
    out: list[Conversation] = []
    total, i = 0, 0
    while total < n:
        lang = order[i % len(order)]
        platform = ("peki", "kore", "selise")[i % 3]
        conv = conversation(rng, lang, platform)
        out.append(conv)
        total += len(conv.texts)
        i += 1
    return out


def composition(convs: list[Conversation]) -> dict[str, Counter[str]]:
    """Counts of planted values by kind, class, language/origin and position, and of texts."""
    c: dict[str, Counter[str]] = {
        k: Counter() for k in ("kind", "class", "origin", "spot", "where", "platform", "name-lang")
    }
    for conv in convs:
        c["platform"][conv.platform] += 1
        for t in conv.texts:
            c["where"][t.where] += 1
            spots = getattr(t, "spots", [""] * len(t.planted))
            origins = getattr(t, "origins", [""] * len(t.planted))
            for (kind, _, cls), spot, origin in zip(t.planted, spots, origins, strict=True):
                c["kind"][kind] += 1
                c["class"][cls] += 1
                c["spot"][spot] += 1
                if origin:
                    c["origin"][f"{kind}:{origin}"] += 1
                if kind == "name":
                    c["name-lang"][origin] += 1
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="composition of held-out bank 11 (no detector runs)")
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    convs = corpus(args.messages, args.seed)
    texts = sum(len(c.texts) for c in convs)
    print(f"bank 11, seed {args.seed}: {len(convs)} conversations, {texts} texts")
    for what, counter in composition(convs).items():
        print(f"\n## by {what} ({len(counter)})")
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:7d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
