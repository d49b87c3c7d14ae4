"""Held-out bank 9 for the masking evaluation: planted personal values and decoys written apart
from the detectors, the masking policy and every earlier bank.

Written from the evaluation's interface alone (``Conversation``/``Text``/``Person`` of
``bench/heldout_corpus.py``, ``corpus(n, seed)`` and how ``bench/masking_quality.py`` scores the
planted ``(kind, value, class)`` triples), never from the detectors or the earlier banks' data,
and never run through the detectors while it was written. Names, cue phrasings, chat situations,
number formats, decoys and positions are this file's own.

What it plants, each with a class ``kind/what`` so misses can be read by class:

- names of people from 36 languages (Chinese pinyin and Cantonese romanisation counted apart;
  Latin-script ones with and without diacritics; Serbian, Bulgarian, Greek, Russian, Ukrainian,
  Hebrew, Arabic, Persian, Bengali, Thai, Chinese, Cantonese, Korean, Japanese and Amharic in
  their own script and romanised), after cues in the person's language (``name/cue-<lang>``:
  self-introductions, "this is X"; ``signoff-``, ``greet-``, ``relation-``, ``handoff-``,
  ``said-`` for reported speech, ``title-`` for honorifics) and without any cue (signature
  blocks, ``From:/To:/Cc:`` headers, quoted-reply headers, CSV/TSV rows, YAML and key/value
  dumps, form fields, markdown tables, HTML fragments, chat-log speakers, @-mentions, lists of
  attendees, bare replies, bot JSON); typed in lower or upper case, without diacritics, with
  emoji and chat noise around them; given and family names are planted as separate values
  (names in Chinese/Japanese/Korean script written without a space are one value);
- phones of 82 countries (16 of them drawn more often) in international form (E.164, grouped,
  dashed, dotted, slashed, ``00``, ``(0)``, ``(+cc)``, ``tel:`` and ``wa.me`` links; extensions
  stay outside the value), national forms with the country's trunk prefix, and international
  numbers that libphonenumber calls possible but not valid (``phone/unassigned-*``: new or
  unassigned ranges);
- cards of 15 issuers (Luhn-valid, issuer prefixes and lengths) in several groupings;
- IBANs of 77 countries (mod 97) grouped, compact and in lower case;
- public IPv4/IPv6 in log lines, headers and JSON (ports and CIDR suffixes outside the value);
- e-mails: plain, dotted, plus-addressed, sub-domains, mixed case, display-name form,
  ``mailto:``, quoted local parts, internationalised domains (Unicode and ``xn--``), and
  obfuscated spellings ("anna at example dot com", "[at]", "(at)"). Obfuscated addresses are
  scored as ``email`` (class ``email/obfuscated``): they are still the person's address;
- secrets inside URLs: only the secret is planted (signatures of presigned URLs, tokens in paths,
  query strings and fragments, passwords in userinfo, webhook and bot tokens, API keys, OAuth
  codes);
- decoys that must stay, kind ``decoy`` and class ``decoy/<what>`` (38 classes: look-alikes of
  each kind, ids, amounts, dates, codes, and words, places, brands and products that are also
  given names).

Positions are recorded per planted value in ``Text9.spots``. Every planted value occurs in its
text only where it was put, at word edges (except URL secrets, and names in scripts written
without spaces), overlapping no other value; no name of a conversation stands unplanted in any
of its texts in any case or accent form (a text or conversation that fails is drawn again).
Deterministic for a seed and a phonenumbers metadata version.

    .venv/bin/python -m bench.heldout_bank9 [texts]   # what the bank holds, by kind and class
"""

from __future__ import annotations

import base64
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

# --- the text model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Put:
    kind: str
    value: str
    cls: str
    spot: str = ""  # "" = worked out from where the value stands


@dataclass
class Text9(Text):
    spots: list[str] = field(default_factory=list)


Item = str | Put


def nm(value: str, cls: str, spot: str = "") -> Put:
    return Put("name", value, "name/" + cls, spot)


def dc(value: str, cls: str, spot: str = "") -> Put:
    return Put("decoy", value, "decoy/" + cls, spot)


_NOSPACE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class Doc:
    """A text under construction: literal strings and planted values in order."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.items: list[Item] = []

    def add(self, *items: Item | Sequence[Item]) -> Doc:
        for it in items:
            if isinstance(it, (str, Put)):
                self.items.append(it)
            else:
                self.items.extend(it)
        return self

    @property
    def text(self) -> str:
        return "".join(i if isinstance(i, str) else i.value for i in self.items)

    def lowered(self) -> Doc:
        out = Doc(self.where)
        for it in self.items:
            if isinstance(it, str):
                out.items.append(it.lower())
            else:
                out.items.append(Put(it.kind, it.value.lower(), it.cls, it.spot))
        return out

    def build(self) -> Text9:
        text = self.text
        planted: list[tuple[str, str, str]] = []
        spots: list[str] = []
        seen: set[str] = set()
        pos = 0
        for it in self.items:
            if isinstance(it, str):
                pos += len(it)
                continue
            if it.value not in seen:
                seen.add(it.value)
                planted.append((it.kind, it.value, it.cls))
                spots.append(self._spot(text, pos, it))
            pos += len(it.value)
        return Text9(text, planted, self.where, spots)

    def _spot(self, text: str, pos: int, p: Put) -> str:
        if p.spot:
            return p.spot
        if self.where.startswith("raw:"):
            return "raw"
        line = text[text.rfind("\n", 0, pos) + 1 : pos]
        if re.fullmatch(r"[ \t\-*•>]*", line):
            return "line-start"
        if re.search(r"[,.;:!?()\]]\s?$", line):
            return "after-punct"
        return "inline"


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def _glued(text: str, a: int, b: int) -> bool:
    before = text[a - 1] if a else " "
    after = text[b] if b < len(text) else " "
    if _NOSPACE.match(before) or _NOSPACE.match(after):
        return False  # scripts written without spaces between words
    return before.isalnum() or after.isalnum() or unicodedata.combining(after) != 0


def problems(t: Text) -> list[str]:
    """What would let the scorer count a planted value where it was not meant to stand."""
    out: list[str] = []
    values = [v for _, v, _ in t.planted]
    if len(set(values)) != len(values):
        out.append("a value planted twice")
    spans: list[tuple[int, int, str]] = []
    for kind, value, _ in t.planted:
        occ = occurrences(t.text, value)
        if not occ or not value.strip():
            out.append(f"{value!r} not in the text")
        for a, b in occ:
            if kind != "url" and _glued(t.text, a, b):
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


_PLAIN1 = str.maketrans("łŁøØđĐıßæÆœŒþ", "lLoOdDisaAoOt")


def plain(s: str) -> str:
    """Lower case without accents, one character for one so positions stay."""
    out = []
    for c in s.translate(_PLAIN1):
        if unicodedata.combining(c):
            out.append(" ")
        else:
            out.append((unicodedata.normalize("NFKD", c)[:1] or " ").lower()[:1])
    return "".join(out)


_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "þ": "th",
    }
)


def fold(s: str) -> str:
    """As typed on a keyboard without accents."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def stray_names(texts: Sequence[Text], names: set[str]) -> list[str]:
    """Names of the conversation (as ``plain`` gives them) standing somewhere unplanted."""
    out: list[str] = []
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n.strip())
    if not alts:
        return out
    pat = re.compile(rf"(?<!\w)(?:{alts})(?!\w)")
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
        rest = plain("".join(chars))
        for m in pat.finditer(rest):
            if not all(mine[m.start() : m.end()]):
                out.append(f"{m.group()!r} in {t.text!r}")
    return out


# --- names ------------------------------------------------------------------------------------
# One line per language: given names | family names. "*" marks a woman's given name; "A/B" a
# family name with a man's and a woman's form; "native~latin" a name in its own script with the
# romanisation people use; "_" a space inside one name.

_RAW_NAMES: dict[str, str] = {
    "en": "James Liam Noah Jack Ethan Ryan Mark Will Frank Bill Dean Olivia* Emma* Ava* Grace* "
    "Hope* Rose* Daisy* Chloe* Megan* Dawn* Holly* Ruby* | Smith Johnson Baker Fisher Walker "
    "Hill Green Young Wright Turner Cooper Bell Brooks Hughes Stone Marsh Hunt Lamb Parker Ward",
    "de": "Lukas Jonas Felix Maximilian Jürgen Günter Björn Kai Torsten Uwe Leonie* Mia* Hannah* "
    "Lea* Sabine* Ulrike* Anja* Heike* Jördis* | Müller Schmidt Schneider Fischer Weber Meyer "
    "Wagner Becker Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Braun Krüger Vogel "
    "Groß Hoffmann Köhler",
    "fr": "Hugo Théo Louis Gabriel Mathéo François Jérôme Rémi Léa* Chloé* Manon* Camille* Inès* "
    "Zoé* Élodie* Noémie* Gaëlle* Maëlys* | Martin Bernard Dubois Thomas Robert Richard Petit "
    "Durand Leroy Moreau Lefèvre Girard Bonnet Dupont Lambert Fontaine Rousseau Mercier Faure "
    "Chevalier",
    "es": "Martín Hugo Mateo Alejandro Javier Íñigo Ángel Jesús Álvaro Lucía* Sofía* Valentina* "
    "Paula* Nerea* Begoña* Pilar* Dolores* Ainhoa* | García Fernández González Rodríguez López "
    "Martínez Sánchez Pérez Gómez Ruiz Díaz Moreno Muñoz Álvarez Romero Navarro Torres "
    "Domínguez Gil Vázquez Ibáñez",
    "it": "Francesco Alessandro Lorenzo Matteo Niccolò Gianluca Simone Andrea Davide Giulia* "
    "Chiara* Aurora* Giorgia* Federica* Ilaria* Beatrice* Gaia* | Rossi Russo Ferrari Esposito "
    "Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano "
    "Rizzo Lombardi Barbieri",
    "pt": "João Pedro Tiago Gonçalo Rafael Thiago Caio Vinícius Maria* Ana* Beatriz* Inês* "
    "Leonor* Larissa* Conceição* Luíza* Fernanda* | Silva Santos Ferreira Pereira Oliveira "
    "Rodrigues Martins Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto "
    "Carvalho Araújo Barbosa",
    "tr": "Mehmet Mustafa Emre Burak Can Deniz Umut Barış Gökhan Oğuz İlker Ayşe* Fatma* Zeynep* "
    "Elif* Şule* Özge* Çağla* Gül* | Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın "
    "Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek",
    "nl": "Daan Sem Bram Thijs Joris Ruud Wouter Stijn Lotte* Fleur* Sanne* Femke* Marloes* Anouk* "
    "Maaike* Eline* | de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit "
    "Meijer de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer",
    "pl": "Jakub Kacper Piotr Krzysztof Tomasz Łukasz Paweł Michał Zofia* Małgorzata* Agnieszka* "
    "Katarzyna* Ewa* Joanna* Magdalena* Żaneta* | Nowak Wójcik Kowalczyk Woźniak Mazur Krawczyk "
    "Kaczmarek Zając Król Wróbel Dudek Wieczorek Jabłoński/Jabłońska Lewandowski/Lewandowska "
    "Wiśniewski/Wiśniewska Kamiński/Kamińska Zieliński/Zielińska Szymański/Szymańska",
    "da": "Mads Frederik Oliver Emil Søren Jens Asger Ida* Freja* Sofie* Mathilde* Mette* "
    "Birgitte* Signe* | Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen "
    "Rasmussen Jørgensen Madsen Kristensen Østergaard Kjær Holm",
    "fi": "Juha Mikko Antti Onni Eino Väinö Ilkka Jyrki Aino* Helmi* Sanna* Päivi* Tuula* Kaisa* "
    "Satu* Venla* | Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen "
    "Koskinen Järvinen Lehtonen Lahtinen Salo Saarinen Lahti Kallio",
    "sk": "Martin Peter Ján Tomáš Lukáš Matúš Jozef Michal Zuzana* Lucia* Katarína* Veronika* "
    "Jana* Ľubica* Mária* Petra* | Horváth/Horváthová Kováč/Kováčová Varga/Vargová Tóth/Tóthová "
    "Nagy/Nagyová Baláž/Balážová Szabó/Szabóová Molnár/Molnárová Lukáč/Lukáčová "
    "Kráľ/Kráľová Šimko/Šimková",
    "hr": "Luka Ivan Marko Josip Ante Filip Ana* Petra* Ivana* Marija* Lucija* Mirjana* | Horvat "
    "Kovačević Babić Marić Jurić Knežević Vuković Marković Tomić Pavlović Božić Perić Matić",
    "sr": "Никола~Nikola Милош~Miloš Стефан~Stefan Ненад~Nenad Јована*~Jovana Милица*~Milica "
    "Драгана*~Dragana Тијана*~Tijana | Јовановић~Jovanović Петровић~Petrović Николић~Nikolić "
    "Ђорђевић~Đorđević Стојановић~Stojanović Илић~Ilić Милошевић~Milošević "
    "Станковић~Stanković",
    "bg": "Георги~Georgi Иван~Ivan Димитър~Dimitar Николай~Nikolay Христо~Hristo Мария*~Maria "
    "Елена*~Elena Десислава*~Desislava Цветелина*~Tsvetelina Радостина*~Radostina | "
    "Иванов/Иванова~Ivanov/Ivanova Георгиев/Георгиева~Georgiev/Georgieva "
    "Димитров/Димитрова~Dimitrov/Dimitrova Стоянов/Стоянова~Stoyanov/Stoyanova "
    "Тодоров/Тодорова~Todorov/Todorova Илиев/Илиева~Iliev/Ilieva Ангелов/Ангелова~Angelov/Angelova",
    "el": "Γιώργος~Giorgos Νίκος~Nikos Κώστας~Kostas Δημήτρης~Dimitris Γιάννης~Giannis "
    "Μαρία*~Maria Ελένη*~Eleni Κατερίνα*~Katerina Αναστασία*~Anastasia Δέσποινα*~Despoina | "
    "Παπαδόπουλος/Παπαδοπούλου~Papadopoulos/Papadopoulou Παπαδάκης/Παπαδάκη~Papadakis/Papadaki "
    "Οικονόμου~Oikonomou Γεωργίου~Georgiou Νικολάου~Nikolaou Βασιλείου~Vasileiou "
    "Καραγιάννης/Καραγιάννη~Karagiannis/Karagianni Μακρής/Μακρή~Makris/Makri",
    "ru": "Дмитрий~Dmitry Алексей~Aleksey Сергей~Sergey Андрей~Andrey Максим~Maksim Игорь~Igor "
    "Анна*~Anna Екатерина*~Ekaterina Ольга*~Olga Наталья*~Natalya Юлия*~Yulia Татьяна*~Tatiana "
    "| Смирнов/Смирнова~Smirnov/Smirnova Кузнецов/Кузнецова~Kuznetsov/Kuznetsova "
    "Попов/Попова~Popov/Popova Соколов/Соколова~Sokolov/Sokolova Лебедев/Лебедева~Lebedev/Lebedeva "
    "Козлов/Козлова~Kozlov/Kozlova Новиков/Новикова~Novikov/Novikova "
    "Морозов/Морозова~Morozov/Morozova Волков/Волкова~Volkov/Volkova "
    "Фёдоров/Фёдорова~Fyodorov/Fyodorova",
    "uk": "Олександр~Oleksandr Андрій~Andrii Тарас~Taras Богдан~Bohdan Віталій~Vitalii "
    "Олена*~Olena Оксана*~Oksana Ірина*~Iryna Наталія*~Nataliia Юлія*~Yuliia | "
    "Шевченко~Shevchenko Коваленко~Kovalenko Бондаренко~Bondarenko Ткаченко~Tkachenko "
    "Кравчук~Kravchuk Мельник~Melnyk Савчук~Savchuk Поліщук~Polishchuk Бойко~Boiko "
    "Руденко~Rudenko",
    "lt": "Jonas Lukas Mantas Tomas Darius Andrius Rūta* Eglė* Ieva* Gintarė* Austėja* Aušra* | "
    "Kazlauskas/Kazlauskienė Jankauskas/Jankauskienė Petrauskas/Petrauskienė "
    "Stankevičius/Stankevičienė Vasiliauskas/Vasiliauskienė Žukauskas/Žukauskienė "
    "Butkus/Butkienė Paulauskas/Paulauskienė Urbonas/Urbonienė Navickas/Navickienė",
    "he": "יוסי~Yossi אבי~Avi נועם~Noam איתי~Itai דניאל~Daniel מיכל*~Michal נועה*~Noa "
    "תמר*~Tamar שירה*~Shira רונית*~Ronit | כהן~Cohen לוי~Levi מזרחי~Mizrahi פרץ~Peretz "
    "ביטון~Biton דהן~Dahan אברהם~Avraham פרידמן~Friedman שפירא~Shapira אזולאי~Azoulay",
    "ar": "محمد~Mohammed أحمد~Ahmed عمر~Omar يوسف~Youssef خالد~Khaled حسن~Hassan فاطمة*~Fatima "
    "مريم*~Mariam نور*~Nour ليلى*~Layla رانيا*~Rania | العتيبي~Al-Otaibi الحربي~Al-Harbi "
    "حداد~Haddad منصور~Mansour خليل~Khalil ناصر~Nasser عبدالله~Abdullah السيد~El-Sayed "
    "الزهراني~Al-Zahrani",
    "fa": "علی~Ali رضا~Reza حسین~Hossein مهدی~Mehdi آرش~Arash زهرا*~Zahra مریم*~Maryam "
    "نگار*~Negar شیرین*~Shirin پریسا*~Parisa | محمدی~Mohammadi حسینی~Hosseini رضایی~Rezaei "
    "احمدی~Ahmadi کریمی~Karimi موسوی~Mousavi رحیمی~Rahimi جعفری~Jafari صادقی~Sadeghi",
    "ur": "Bilal Usman Hamza Imran Faisal Kamran Ayesha* Sana* Hina* Zainab* Nadia* Rabia* | Khan "
    "Qureshi Chaudhry Malik Butt Sheikh Siddiqui Raza Abbasi Mirza Awan Hashmi",
    "bn": "রাহুল~Rahul সুমন~Suman তানভীর~Tanvir আরিফ~Arif নুসরাত*~Nusrat ফারহানা*~Farhana "
    "তাসলিমা*~Taslima রুমানা*~Rumana | চৌধুরী~Chowdhury রহমান~Rahman হোসেন~Hossain "
    "ইসলাম~Islam মুখার্জি~Mukherjee দাস~Das সরকার~Sarkar আহমেদ~Ahmed",
    "th": "สมชาย~Somchai สมศักดิ์~Somsak ณัฐพล~Nattapon ธนากร~Thanakorn วิชัย~Wichai "
    "สุดารัตน์*~Sudarat กนกวรรณ*~Kanokwan พิมพ์ชนก*~Pimchanok อรทัย*~Orathai มาลี*~Malee | "
    "สุขสวัสดิ์~Suksawat ศรีสุข~Srisuk แก้วมณี~Kaewmanee ทองดี~Thongdee บุญมา~Boonma "
    "วงศ์ใหญ่~Wongyai จันทร์เพ็ญ~Chanpen รัตนพันธ์~Rattanaphan",
    "tl": "Jose Juan Jericho Rodel Mark_Anthony Joel Maricel* Rowena* Jhoanna* Lovely* Princess* "
    "Aileen* Joy* Angelica* | Santos Reyes Cruz Bautista Ocampo Mendoza Dela_Cruz Villanueva "
    "Ramos Aquino Castillo Manalo Dimaculangan Macaraeg Pangilinan",
    "ms": "Ahmad Hafiz Amir Syafiq Hakim Muhammad_Faiz Siti* Nurul* Farah* Aina* Izzati* "
    "Nur_Aisyah* | Ismail Abdullah Hassan Razak Yusof Ibrahim Rahman Osman Zakaria Salleh",
    "zh": "伟~Wei 磊~Lei 勇~Yong 杰~Jie 浩然~Haoran 芳*~Fang 娜*~Na 秀英*~Xiuying 敏*~Min "
    "静*~Jing 婷*~Ting 子涵*~Zihan | 王~Wang 李~Li 张~Zhang 刘~Liu 陈~Chen 黄~Huang 赵~Zhao "
    "吴~Wu 周~Zhou 徐~Xu 孙~Sun 马~Ma 朱~Zhu 郭~Guo",
    "yue": "大文~Tai_Man 小明~Siu_Ming 家樂~Ka_Lok 志強~Chi_Keung 偉傑~Wai_Kit 嘉欣*~Ka_Yan "
    "詠琪*~Wing_Kei 凱欣*~Hoi_Yan 美玲*~Mei_Ling 雪盈*~Suet_Ying | 陳~Chan 黃~Wong 張~Cheung "
    "李~Lee 劉~Lau 何~Ho 吳~Ng 梁~Leung 曾~Tsang 周~Chow 葉~Yip 郭~Kwok 林~Lam 馮~Fung",
    "ko": "민준~Min-jun 서준~Seo-jun 도윤~Do-yun 지호~Ji-ho 현우~Hyun-woo 서연*~Seo-yeon "
    "지우*~Ji-woo 하은*~Ha-eun 수빈*~Su-bin 예린*~Ye-rin | 김~Kim 이~Lee 박~Park 최~Choi 정~Jung "
    "강~Kang 조~Cho 윤~Yoon 장~Jang 임~Lim 한~Han 오~Oh",
    "ja": "蓮~Ren 陽翔~Haruto 湊~Minato 健太~Kenta 拓也~Takuya 陽葵*~Himari 凛*~Rin 結菜*~Yuna "
    "美咲*~Misaki 由美*~Yumi 恵*~Megumi | 佐藤~Satō 鈴木~Suzuki 高橋~Takahashi 田中~Tanaka "
    "伊藤~Itō 渡辺~Watanabe 山本~Yamamoto 中村~Nakamura 小林~Kobayashi 加藤~Katō 吉田~Yoshida "
    "井上~Inoue",
    "vi": "Văn_An Quốc_Bảo Đức_Huy Thanh_Tùng Hoàng_Long Minh_Khôi Thị_Lan* Minh_Anh* Thu_Trang* "
    "Ngọc_Hân* Phương_Linh* Bảo_Ngọc* | Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ "
    "Hồ Ngô Dương",
    "am": "አበበ~Abebe ዳዊት~Dawit ዮሐንስ~Yohannes ሙሉጌታ~Mulugeta ብርሃኑ~Birhanu ትዕግስት*~Tigist "
    "መቅደስ*~Mekdes ሰላማዊት*~Selamawit ፋሲካ*~Fasika | ከበደ~Kebede ተስፋዬ~Tesfaye ኃይሌ~Haile "
    "ግርማ~Girma በቀለ~Bekele አለሙ~Alemu ታደሰ~Tadesse ደስታ~Desta መንግሥቱ~Mengistu",
    "ha": "Musa Aminu Ibrahim Sani Abubakar Kabiru Aisha* Hauwa* Zainab* Amina* Hadiza* Binta* | "
    "Abdullahi Bello Danjuma Garba Lawal Sule Yakubu Usman Shehu Adamu Dikko",
    "zu": "Sipho Thabo Bongani Sibusiso Themba Nkosinathi Lwazi Nomvula* Thandeka* Zanele* "
    "Nokuthula* Lindiwe* Ayanda* Precious* Blessing* | Dlamini Nkosi Ndlovu Mkhize Khumalo "
    "Mthembu Ngcobo Buthelezi Zungu Shabalala Cele Mahlangu",
    "qu": "Inti Amaru Yupanqui Teodoro Wilber Kusi Wayta* Killa* Sisa* Rosa* Juana* Nayra* | "
    "Mamani Quispe Huamán Condori Apaza Ccori Choque Ticona Huarachi Puma Condo Cusi Chambi",
}

FAMILY_FIRST = {"zh", "yue", "ko", "ja", "vi"}
NOSPACE_NATIVE = {"zh", "yue", "ko", "ja"}


@dataclass(frozen=True)
class NameEntry:
    latin: str
    native: str  # "" when the language writes the name in Latin script
    female: bool


def _entries(chunk: str, *, given: bool) -> list[tuple[NameEntry, NameEntry]]:
    out = []
    for tok in chunk.split():
        native, _, latin = tok.partition("~") if "~" in tok else ("", "", tok)
        female = (given and latin.endswith("*")) or native.endswith("*")
        native, latin = native.rstrip("*").replace("_", " "), latin.rstrip("*").replace("_", " ")
        lm, _, lf = latin.partition("/")
        nmm, _, nf = native.partition("/")
        out.append((NameEntry(lm, nmm, female), NameEntry(lf or lm, nf or nmm, True)))
    return out


NAMES: dict[str, tuple[list[NameEntry], list[tuple[NameEntry, NameEntry]]]] = {}
for _lang, _line in _RAW_NAMES.items():
    _g, _f = _line.split("|")
    NAMES[_lang] = ([e for e, _ in _entries(_g, given=True)], _entries(_f, given=False))
LANGS = tuple(NAMES)

HOME: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "IE", "NZ", "AU", "CA"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "es": ("ES", "MX", "CO", "CL", "AR"),
    "it": ("IT",),
    "pt": ("PT", "BR"),
    "tr": ("TR",),
    "nl": ("NL", "BE"),
    "pl": ("PL",),
    "da": ("DK",),
    "fi": ("FI",),
    "sk": ("SK",),
    "hr": ("HR",),
    "sr": ("RS",),
    "bg": ("BG",),
    "el": ("GR", "CY"),
    "ru": ("RU", "KZ"),
    "uk": ("UA",),
    "lt": ("LT",),
    "he": ("IL",),
    "ar": ("SA", "AE", "EG", "QA", "JO"),
    "fa": ("IR",),
    "ur": ("PK",),
    "bn": ("BD", "IN"),
    "th": ("TH",),
    "tl": ("PH",),
    "ms": ("MY",),
    "zh": ("CN",),
    "yue": ("HK",),
    "ko": ("KR",),
    "ja": ("JP",),
    "vi": ("VN",),
    "am": ("ET",),
    "ha": ("NG",),
    "zu": ("ZA",),
    "qu": ("PE",),
}


@dataclass
class Who:
    lang: str
    first: str  # as written in this text
    last: str
    female: bool
    native: bool  # the name is written in its own script

    @property
    def full(self) -> str:
        return self.full_of(self.first, self.last)

    def full_of(self, first: str, last: str) -> str:
        if self.lang in NOSPACE_NATIVE and self.native:
            return last + first
        if self.lang in FAMILY_FIRST:
            return f"{last} {first}"
        if self.lang == "ms":
            return f"{first} {'binti' if self.female else 'bin'} {last}"
        return f"{first} {last}"


@dataclass
class Person9:
    lang: str
    given: NameEntry
    family: NameEntry
    female: bool
    native_profile: bool  # the platform holds the name in its own script

    def who(self, native: bool | None = None) -> Who:
        nat = self.native_profile if native is None else native
        nat = nat and bool(self.given.native)
        g = self.given.native if nat else self.given.latin
        f = self.family.native if nat else self.family.latin
        return Who(self.lang, g, f, self.female, nat)


def make_person(rng: random.Random, lang: str | None = None) -> Person9:
    lang = lang or rng.choice(LANGS)
    givens, families = NAMES[lang]
    g = rng.choice(givens)
    m, f = rng.choice(families)
    fam = f if g.female else m
    return Person9(lang, g, fam, g.female, bool(g.native) and rng.random() < 0.5)


# --- cues -------------------------------------------------------------------------------------
# {F} given name, {L} family name, {N} full name in the language's order. "||" separates
# alternatives. Languages with their own script carry "<lang>-lat" lines for the romanised chat.

CUES: dict[str, dict[str, str]] = {
    "en": {
        "intro": "hi, my name is {N} and I ordered last week||Hello! {F} here, quick question||"
        "hey, it's {F} again 🙈||This is {N}, I called yesterday about the refund||"
        "I'm {F} {L}, the account holder",
        "signoff": "Thanks so much,\n{F}||Cheers, {F}||Kind regards\n{N}||Best, {F}||ta, {F} x",
        "greet": "Hi {F}, thanks for reaching out!||Good morning {F} 👋||Hello {N}, welcome back.",
        "rel": "my husband {F} placed the order||my daughter {F} uses the same account||"
        "my colleague {N} will pick it up",
        "hand": "I'm handing you over to {F}, who looks after billing.||"
        "{F} from our returns team will take it from here.",
        "said": "{F} told me on the phone it would be refunded||"
        "according to {N} it shipped on Monday",
    },
    "de": {
        "intro": "Hallo, ich heiße {F} und habe eine Frage||Mein Name ist {N}.||"
        "hier ist {F} nochmal||"
        "Guten Tag, {N} am Apparat",
        "signoff": "Viele Grüße\n{N}||LG {F}||Mit freundlichen Grüßen\n{N}||Danke & Gruß, {F}",
        "greet": "Hallo {F}, danke für deine Nachricht!||Guten Tag Frau {L},||Guten Tag Herr {L},",
        "rel": "mein Mann {F} hat das bestellt||meine Kollegin {N} holt das Paket ab",
        "hand": "Ich verbinde Sie mit {F} aus der Buchhaltung.||"
        "Meine Kollegin {F} übernimmt jetzt.",
        "said": "{F} meinte am Telefon, das wird erstattet||laut {N} ist das schon raus",
    },
    "fr": {
        "intro": "Bonjour, je m'appelle {N}||moi c'est {F} 😊||C'est {F}, je vous ai écrit hier||"
        "Bonsoir, ici {N}",
        "signoff": "Cordialement,\n{N}||Bien à vous,\n{F}||Merci d'avance, {F}||Bonne journée, {F}",
        "greet": "Bonjour {F}, merci pour votre message !||Bonjour Madame {L},||"
        "Bonjour Monsieur {L},",
        "rel": "ma femme {F} a passé la commande||mon collègue {N} viendra le chercher",
        "hand": "Je vous passe {F}, du service facturation.||{F} va prendre le relais.",
        "said": "{F} m'a dit que ce serait remboursé||d'après {N}, le colis est parti lundi",
    },
    "es": {
        "intro": "Hola, me llamo {N}||soy {F}, os escribí ayer||Buenas, mi nombre es {N}",
        "signoff": "Saludos,\n{F}||Un saludo, {N}||Gracias!! {F}||Atentamente,\n{N}",
        "greet": "¡Hola {F}! ¿En qué te ayudo?||Buenos días, Sra. {L}.||Buenos días, Sr. {L}.",
        "rel": "mi hermana {F} hizo el pedido||mi compañero {N} pasará a recogerlo",
        "hand": "Le paso con {F}, de facturación.||Ahora le atiende {F}.",
        "said": "{F} me dijo que me lo devolvían||según {N} ya salió el lunes",
    },
    "it": {
        "intro": "Buongiorno, mi chiamo {N}||sono {F}, vi ho scritto ieri||Salve, qui {N}",
        "signoff": "Cordiali saluti\n{N}||Grazie mille, {F}||Un saluto, {F}",
        "greet": "Ciao {F}, come posso aiutarti?||Gentile Sig.ra {L},||Gentile Sig. {L},",
        "rel": "mio fratello {F} ha fatto l'ordine||la mia collega {N} passerà a ritirarlo",
        "hand": "La passo a {F} dell'ufficio fatture.||Adesso la segue {F}.",
        "said": "{F} mi ha detto che sarebbe stato rimborsato||secondo {N} è partito lunedì",
    },
    "pt": {
        "intro": "Olá, meu nome é {N}||aqui é o {F}||oi, sou a {F}!! tudo bem?||Bom dia, fala {N}",
        "signoff": "Abraços,\n{F}||Atenciosamente,\n{N}||Obrigada, {F}||valeu, {F}",
        "greet": "Olá {F}, tudo bem?||Bom dia, Sra. {L}.||Bom dia, Sr. {L}.",
        "rel": "minha mãe {F} fez o pedido||meu colega {N} vai buscar",
        "hand": "Vou transferir para a {F}, do financeiro.||O {F} continua o atendimento.",
        "said": "{F} disse que seria reembolsado||segundo {N} já foi enviado",
    },
    "tr": {
        "intro": "Merhaba, ben {F}||adım {N}, dün yazmıştım||Benim adım {N}.||selam ben {F} 🙂",
        "signoff": "Saygılarımla,\n{N}||Teşekkürler, {F}||İyi günler dilerim,\n{F}",
        "greet": "Merhaba {F}, nasıl yardımcı olabilirim?||İyi günler {F} Hanım,||"
        "İyi günler {F} Bey,",
        "rel": "eşim {F} siparişi verdi||iş arkadaşım {N} gelip alacak",
        "hand": "Sizi muhasebeden {F} ile bağlıyorum.||Bundan sonra {F} ilgilenecek.",
        "said": "{F} telefonda iade edileceğini söyledi||{N} dedi ki kargo pazartesi çıktı",
    },
    "nl": {
        "intro": "Hoi, ik ben {F}||Mijn naam is {N}.||Goedemiddag, u spreekt met {N}",
        "signoff": "Met vriendelijke groet,\n{N}||Groetjes, {F}||Alvast bedankt,\n{F}",
        "greet": "Hoi {F}, fijn dat je contact opneemt!||Beste mevrouw {L},||Beste meneer {L},",
        "rel": "mijn vriendin {F} heeft het besteld||mijn collega {N} haalt het op",
        "hand": "Ik verbind u door met {F} van de boekhouding.||{F} neemt het nu over.",
        "said": "{F} zei aan de telefoon dat het terugbetaald wordt||"
        "volgens {N} is het al verstuurd",
    },
    "pl": {
        "intro": "Dzień dobry, nazywam się {N}||mam na imię {F}||z tej strony {F}, piszę znowu",
        "signoff": "Pozdrawiam\n{N}||Z poważaniem,\n{N}||dzięki, {F}",
        "greet": "Dzień dobry, Pani {L}!||Dzień dobry, Panie {L}!||"
        "Cześć, tu bot sklepu — witaj {F}!",
        "rel": "mój mąż {F} złożył zamówienie||moja koleżanka {N} odbierze paczkę",
        "hand": "Przekazuję rozmowę, dalej pomoże konsultant {F}.||Teraz zajmie się tym {F}.",
        "said": "{F} powiedział mi, że będzie zwrot||według {N} paczka wyszła w poniedziałek",
    },
    "da": {
        "intro": "Hej, jeg hedder {F}||Det er {N}, jeg skrev i går||Mit navn er {N}.",
        "signoff": "Venlig hilsen\n{N}||Mvh {F}||Tak for hjælpen, {F}",
        "greet": "Hej {F}, hvad kan jeg hjælpe med?||Kære {N},",
        "rel": "min kone {F} har bestilt det||min kollega {N} henter pakken",
        "hand": "Jeg stiller dig videre til {F} i bogholderiet.||{F} overtager nu.",
        "said": "{F} sagde i telefonen, at jeg får pengene retur||ifølge {N} er den sendt",
    },
    "fi": {
        "intro": "Moi, olen {F}||Nimeni on {N}.||täällä {F} taas, hei",
        "signoff": "Ystävällisin terveisin\n{N}||Kiitos, {F}||t. {F}",
        "greet": "Hei {F}, miten voin auttaa?||Hyvä {N},",
        "rel": "vaimoni {F} teki tilauksen||työkaverini {N} hakee paketin",
        "hand": "Asiaa hoitaa nyt kollegani {F} laskutuksesta.",
        "said": "{F} sanoi puhelimessa, että rahat palautetaan||"
        "{N} kertoi, että paketti lähti maanantaina",
    },
    "sk": {
        "intro": "Dobrý deň, volám sa {N}||som {F}, písala som včera||Tu je {F}",
        "signoff": "S pozdravom\n{N}||Ďakujem, {F}",
        "greet": "Dobrý deň, pani {L},||Dobrý deň, pán {L},",
        "rel": "môj manžel {F} robil objednávku||kolegyňa {N} si príde po balík",
        "hand": "Prepájam vás na kolegu, volá sa {F}.",
        "said": "{F} mi povedal, že peniaze vrátia||podľa {N} balík odišiel v pondelok",
    },
    "hr": {
        "intro": "Pozdrav, zovem se {N}||ja sam {F}, pisao sam jučer||Ovdje {F}",
        "signoff": "Lijep pozdrav,\n{N}||Hvala, {F}||Srdačan pozdrav,\n{F}",
        "greet": "Poštovana gospođo {L},||Poštovani gospodine {L},",
        "rel": "moja sestra {F} je naručila||moj kolega {N} će doći po paket",
        "hand": "Prebacujem vas na kolegicu, zove se {F}.",
        "said": "{F} mi je rekla da će biti povrat||prema {N} paket je poslan u ponedjeljak",
    },
    "sr": {
        "intro": "Здраво, зовем се {N}||ја сам {F}, писао сам јуче",
        "signoff": "Срдачан поздрав,\n{N}||Хвала, {F}",
        "greet": "Поштовани {N},",
        "rel": "мој брат {F} је наручио||колегиница {N} ће доћи по пакет",
        "said": "{F} ми је рекао да ће бити поврат",
    },
    "sr-lat": {
        "intro": "zdravo, zovem se {N}||ja sam {F}, pisala sam juče",
        "signoff": "Srdačan pozdrav,\n{N}||hvala, {F}",
        "rel": "moj brat {F} je naručio",
    },
    "bg": {
        "intro": "Здравейте, казвам се {N}||аз съм {F}, писах ви вчера",
        "signoff": "Поздрави,\n{N}||Благодаря, {F}",
        "greet": "Здравейте, {N}!",
        "rel": "съпругът ми {F} направи поръчката||колежката ми {N} ще вземе пратката",
        "said": "{F} ми каза, че ще има възстановяване",
    },
    "bg-lat": {
        "intro": "zdraveite, kazvam se {N}||az sam {F}",
        "signoff": "pozdravi, {F}",
    },
    "el": {
        "intro": "Γεια σας, με λένε {N}||ονομάζομαι {N}||είμαι ο {F}, σας έγραψα χθες",
        "signoff": "Φιλικά,\n{N}||Ευχαριστώ, {F}||Με εκτίμηση,\n{N}",
        "greet": "Καλησπέρα σας, κύριε {L}.||Καλησπέρα σας, κυρία {L}.",
        "rel": "η γυναίκα μου η {F} έκανε την παραγγελία||ο συνάδελφός μου {N} θα το παραλάβει",
        "said": "ο {F} μου είπε ότι θα γίνει επιστροφή",
    },
    "el-lat": {
        "intro": "geia sas, me lene {N}||eimai o {F}",
        "signoff": "efxaristo, {F}||filika, {F}",
    },
    "ru": {
        "intro": "Здравствуйте, меня зовут {N}||это {F}, я писала вчера||Добрый день! {N} на связи",
        "signoff": "С уважением,\n{N}||Спасибо, {F}||Всего доброго,\n{F}",
        "greet": "Здравствуйте, {F}! Чем могу помочь?||Добрый день, {N}.",
        "rel": "мой муж {F} оформлял заказ||моя коллега {N} заберёт посылку",
        "hand": "Переключаю вас на специалиста, {F} поможет дальше.",
        "said": "{F} сказал по телефону, что деньги вернут||"
        "по словам {N}, посылка ушла в понедельник",
    },
    "ru-lat": {
        "intro": "privet, menya zovut {N}||eto {F}, ya vchera pisala",
        "signoff": "spasibo, {F}||s uvazheniem, {N}",
    },
    "uk": {
        "intro": "Доброго дня, мене звати {N}||це {F}, я писала вчора",
        "signoff": "З повагою,\n{N}||Дякую, {F}",
        "greet": "Доброго дня, {N}!",
        "rel": "моя дружина {F} робила замовлення||мій колега {N} забере посилку",
        "said": "{F} сказав, що гроші повернуть",
    },
    "uk-lat": {
        "intro": "pryvit, mene zvaty {N}||tse {F}",
        "signoff": "diakuiu, {F}",
    },
    "lt": {
        "intro": "Laba diena, mano vardas {N}||aš esu {F}, rašiau vakar",
        "signoff": "Pagarbiai,\n{N}||Ačiū, {F}",
        "greet": "Sveiki, {N},",
        "rel": "mano vyras {F} pateikė užsakymą",
        "said": "{F} sakė, kad pinigai bus grąžinti",
    },
    "he": {
        "intro": "שלום, קוראים לי {N}||שמי {N}||אני {F}, כתבתי אתמול",
        "signoff": "בברכה,\n{N}||תודה, {F}",
        "greet": "שלום {F}, איך אפשר לעזור?",
        "rel": "אשתי {F} ביצעה את ההזמנה",
        "said": "{F} אמר לי שיהיה החזר",
    },
    "he-lat": {
        "intro": "shalom, kor'im li {N}||ani {F}, katavti etmol",
        "signoff": "toda, {F}||bevracha, {N}",
    },
    "ar": {
        "intro": "مرحبا، اسمي {N}||أنا {F}، راسلتكم أمس",
        "signoff": "مع التحية،\n{N}||شكرا، {F}",
        "greet": "أهلا {F}، كيف أقدر أساعدك؟",
        "rel": "زوجي {F} عمل الطلب",
        "said": "{F} قال لي إن المبلغ سيرجع",
    },
    "ar-lat": {
        "intro": "marhaba, ismi {N}||ana {F}, rasaltkom ams",
        "signoff": "shukran, {F}||ma'a salama, {F}",
    },
    "fa": {
        "intro": "سلام، اسم من {N} است||من {F} هستم",
        "signoff": "با سپاس،\n{N}||ممنون، {F}",
        "rel": "همسرم {F} سفارش داد",
    },
    "fa-lat": {
        "intro": "salam, esmam {N} ast||man {F} hastam",
        "signoff": "mamnoon, {F}||ba sepas, {N}",
    },
    "ur": {
        "intro": "Assalam o alaikum, mera naam {N} hai||main {F} baat kar raha hoon",
        "signoff": "Shukriya,\n{N}||JazakAllah, {F}",
        "greet": "Assalam o alaikum {F} sahib,",
        "rel": "mere bhai {F} ne order kiya tha",
        "said": "{F} ne kaha tha ke refund ho jayega",
    },
    "bn": {
        "intro": "নমস্কার, আমার নাম {N}||আমি {F}, গতকাল লিখেছিলাম",
        "signoff": "ধন্যবাদ,\n{N}",
        "rel": "আমার ভাই {F} অর্ডার করেছিল",
    },
    "bn-lat": {
        "intro": "amar naam {N}||ami {F}, kal likhechilam",
        "signoff": "dhonnobad, {F}",
    },
    "th": {
        "intro": "สวัสดีครับ ผมชื่อ {F} ครับ||สวัสดีค่ะ ดิฉันชื่อ {N} ค่ะ",
        "signoff": "ขอบคุณค่ะ\n{N}||ขอบคุณครับ {F}",
        "greet": "สวัสดีครับ คุณ {F}",
        "rel": "สามีของฉัน {F} เป็นคนสั่ง",
    },
    "th-lat": {
        "intro": "sawasdee krub, phom chue {F} krub||chan chue {N} ka",
        "signoff": "khob khun ka, {F}",
        "greet": "Sawasdee khun {F},",
    },
    "tl": {
        "intro": "Hello po, ako si {N}||ang pangalan ko po ay {N}||si {F} po ito",
        "signoff": "Salamat po,\n{F}||Maraming salamat, {N}",
        "greet": "Magandang araw po, {F}!||Hi Ma'am {F}!||Hi Sir {F}!",
        "rel": "yung kapatid ko na si {F} ang umorder",
        "said": "sabi ni {F} ma-rerefund daw",
    },
    "ms": {
        "intro": "Salam, nama saya {N}||saya {F}, semalam saya ada mesej",
        "signoff": "Terima kasih,\n{N}||tq, {F}",
        "greet": "Salam {F}, boleh saya bantu?||Selamat pagi Puan {F},||Selamat pagi Encik {F},",
        "rel": "abang saya {F} yang buat pesanan",
        "said": "{F} kata duit akan dipulangkan",
    },
    "zh": {
        "intro": "你好，我叫{N}||我是{N}，昨天联系过你们",
        "signoff": "谢谢！\n{N}",
        "greet": "{N}您好，请问有什么可以帮您？",
        "rel": "我老公{N}下的单",
    },
    "zh-lat": {
        "intro": "ni hao, wo jiao {N}||hi, I'm {F} {L}, ordered last week",
        "signoff": "xiexie, {N}",
    },
    "yue": {
        "intro": "你好，我係{N}||我叫{N}，尋日搵過你哋",
        "signoff": "唔該晒！\n{N}",
    },
    "yue-lat": {
        "intro": "hello, ngo hai {N}||hi, this is {N} from Kowloon",
        "signoff": "m goi, {N}||thx, {N}",
    },
    "ko": {
        "intro": "안녕하세요, 저는 {N}입니다||{N}라고 합니다",
        "signoff": "감사합니다.\n{N} 드림",
        "greet": "{N}님, 안녕하세요!",
        "rel": "남편 {N}이 주문했어요",
    },
    "ko-lat": {
        "intro": "annyeonghaseyo, jeoneun {N} imnida||hi, my name is {F} {L}",
        "signoff": "kamsahamnida, {N}",
    },
    "ja": {
        "intro": "お世話になっております。{N}と申します||{N}です、昨日問い合わせました",
        "signoff": "よろしくお願いいたします。\n{N}",
        "greet": "{N}様、お問い合わせありがとうございます。",
        "rel": "夫の{N}が注文しました",
    },
    "ja-lat": {
        "intro": "Hajimemashite, {N} to moushimasu||konnichiwa, {L} desu",
        "signoff": "yoroshiku onegaishimasu, {N}",
        "greet": "Hello {L}-san,",
    },
    "vi": {
        "intro": "Chào shop, em tên là {F} ạ||tôi là {N}, hôm qua đã nhắn||"
        "Xin chào, tên tôi là {N}",
        "signoff": "Cảm ơn nhiều,\n{N}||thanks shop, {F}",
        "greet": "Chào anh {F} ạ!||Chào chị {F} ạ!",
        "rel": "chồng em là {N} đặt hàng",
        "said": "{F} bảo là sẽ hoàn tiền",
    },
    "am": {
        "intro": "ሰላም፣ ስሜ {N} ነው||እኔ {F} ነኝ",
        "signoff": "እናመሰግናለን፣\n{N}",
    },
    "am-lat": {
        "intro": "selam, sime {N} new||ene {F} negn",
        "signoff": "amesegnalehu, {F}",
    },
    "ha": {
        "intro": "Sannu, sunana {N}||ni ne {F}, na rubuto jiya",
        "signoff": "Na gode,\n{N}||Mun gode, {F}",
        "greet": "Sannu {F}, ya ya kake?",
        "rel": "matata {F} ce ta yi oda",
        "said": "{F} ya ce za a mayar da kudin",
    },
    "zu": {
        "intro": "Sawubona, igama lami ngu-{F}||ngingu-{N}, bengibhale izolo",
        "signoff": "Ngiyabonga,\n{N}||Siyabonga, {F}",
        "greet": "Sawubona {F}, ngingakusiza ngani?",
        "rel": "umyeni wami u-{F} nguye owa-oda",
    },
    "qu": {
        "intro": "Allillanchu, ñuqaq sutiyqa {N}||Sutiymi {F}, qayna p'unchaw qillqamurqaykichis",
        "signoff": "Sulpayki,\n{N}||Añay, {F}",
        "greet": "Allillanchu {F}, imaynatataq yanapasqayki?",
    },
}

# What "Mr"/"Ms" looks like around a family name, by language.
TITLES: dict[str, tuple[str, str]] = {
    "en": ("Mr {L}", "Ms {L}"),
    "de": ("Herr {L}", "Frau {L}"),
    "fr": ("M. {L}", "Mme {L}"),
    "es": ("Sr. {L}", "Sra. {L}"),
    "it": ("Sig. {L}", "Sig.ra {L}"),
    "pt": ("Sr. {L}", "Sra. {L}"),
    "nl": ("dhr. {L}", "mevr. {L}"),
    "pl": ("Pan {L}", "Pani {L}"),
    "tr": ("{F} Bey", "{F} Hanım"),
    "ja": ("{L}-san", "{L}-san"),
    "ko": ("{L} ssi", "{L} ssi"),
    "ur": ("{F} sahib", "{F} sahiba"),
    "tl": ("Sir {F}", "Ma'am {F}"),
    "ms": ("Encik {F}", "Puan {F}"),
    "th": ("Khun {F}", "Khun {F}"),
    "da": ("hr. {L}", "fru {L}"),
    "sk": ("pán {L}", "pani {L}"),
    "hr": ("g. {L}", "gđa {L}"),
    "yue": ("Mr {L}", "Ms {L}"),
    "zh": ("{L} xiansheng", "{L} nvshi"),
}


# --- phones -----------------------------------------------------------------------------------

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
    "BG",
    "HR",
    "RS",
    "SI",
    "GR",
    "CY",
    "TR",
    "RU",
    "UA",
    "LT",
    "LV",
    "EE",
    "FI",
    "DK",
    "SE",
    "NO",
    "IS",
    "IL",
    "AE",
    "SA",
    "QA",
    "KW",
    "JO",
    "EG",
    "MA",
    "TN",
    "NG",
    "KE",
    "GH",
    "ZA",
    "ET",
    "TZ",
    "UG",
    "PK",
    "IN",
    "BD",
    "LK",
    "NP",
    "TH",
    "VN",
    "MY",
    "SG",
    "ID",
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
    "MX",
    "EC",
    "UY",
    "KZ",
    "IR",
    "CR",
    "DO",
)

# Countries drawn more often: numbering plans the evaluation has seen least.
STRESSED = ("PH", "EG", "PK", "VN", "KE", "CL", "CO", "IL", "AE", "SA", "TH", "MY", "NZ", "IE",
            "DK", "FI")  # fmt: skip

_VALID_CACHE: dict[tuple[str, bool], str] = {}


def _example(region: str, mobile: bool) -> str:
    key = (region, mobile)
    if key not in _VALID_CACHE:
        t = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
        ex = phonenumbers.example_number_for_type(region, t) or phonenumbers.example_number(region)
        assert ex is not None, region
        _VALID_CACHE[key] = phonenumbers.national_significant_number(ex)
    return _VALID_CACHE[key]


def valid_number(rng: random.Random, region: str, *, mobile: bool) -> phonenumbers.PhoneNumber:
    """A number libphonenumber calls valid: the example's leading digits, the rest drawn."""
    nsn = _example(region, mobile)
    cc = phonenumbers.country_code_for_region(region)
    for keep in (max(2, len(nsn) - 5), len(nsn) - 4, len(nsn) - 3, len(nsn)):
        for _ in range(25):
            cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
            num = phonenumbers.parse(f"+{cc}{cand}", None)
            if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == (
                region
            ):
                return num
    raise AssertionError(region)


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """Possible by length for the country but in no range the metadata lists as valid."""
    cc = phonenumbers.country_code_for_region(region)
    n = len(_example(region, rng.random() < 0.5))
    for _ in range(300):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{cand}", None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def _nsn(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.national_significant_number(num)


def _groups(rng: random.Random, num: phonenumbers.PhoneNumber) -> list[str]:
    if phonenumbers.is_valid_number(num) and rng.random() < 0.7:
        intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
        return re.split(r"[\s\-]+", intl.split(" ", 1)[1])
    d, out = _nsn(num), []
    while d:
        k = min(len(d), rng.choice((2, 3, 3, 4)))
        if len(d) - k == 1:
            k += 1
        out.append(d[:k])
        d = d[k:]
    return out


def _has_trunk0(num: phonenumbers.PhoneNumber) -> bool:
    region = phonenumbers.region_code_for_country_code(num.country_code or 0)
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return bool(md and md.national_prefix == "0")


def intl_form(rng: random.Random, num: phonenumbers.PhoneNumber) -> tuple[str, str]:
    """(written number, form)."""
    cc = str(num.country_code)
    gs = [re.sub(r"[()]", "", g) for g in _groups(rng, num)]
    forms = ["e164", "spaced", "spaced", "dashed", "dotted", "00", "paren-cc", "slash"]
    if _has_trunk0(num):
        forms += ["trunk0", "trunk0"]
    form = rng.choice(forms)
    if form == "e164":
        return f"+{cc}{_nsn(num)}", form
    if form == "spaced":
        return f"+{cc} " + " ".join(gs), form
    if form == "dashed":
        return f"+{cc}-" + "-".join(gs), form
    if form == "dotted":
        return f"+{cc}." + ".".join(gs), form
    if form == "00":
        return f"00{cc} " + " ".join(gs), form
    if form == "paren-cc":
        return f"(+{cc}) " + " ".join(gs), form
    if form == "slash" and len(gs) > 1:
        return f"+{cc} {gs[0]}/" + "".join(gs[1:]), form
    return f"+{cc} (0){rng.choice(['', ' '])}" + " ".join(gs), form


def national_form(rng: random.Random, num: phonenumbers.PhoneNumber) -> str:
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    r = rng.random()
    if r < 0.25 and "(" not in nat:
        return re.sub(r"\s+", "-", nat)
    if r < 0.4:
        digits = re.sub(r"\D", "", nat)
        return digits if len(digits) > 6 else nat
    return nat


@dataclass(frozen=True)
class Phone:
    value: str
    cls: str
    e164: str
    prefix: str = ""  # written before the value (tel:, wa.me link)
    suffix: str = ""  # written after it (an extension)


_EXT = (" ext. {}", " x{}", " (ext {})", ", Durchwahl {}", " poste {}", " int. {}", " #{}")
_NATIONAL_REGIONS = (
    "GB",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "PL",
    "TR",
    "US",
    "BR",
    "AU",
    "JP",
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
    "IN",
    "MX",
    "ZA",
    "NG",
    "KR",
    "UA",
)


def a_phone(rng: random.Random, region: str | None = None, *, own: bool = False) -> Phone:
    if region is None:
        region = rng.choice(STRESSED if rng.random() < 0.4 else PHONE_REGIONS)
    mobile = rng.random() < 0.7
    r = rng.random()
    if not own and r < 0.12:
        num = unassigned_number(rng, region)
        if num is not None:
            w, form = intl_form(rng, num)
            return Phone(w, f"phone/unassigned-{form}", f"+{num.country_code}{_nsn(num)}")
    num = valid_number(rng, region, mobile=mobile)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    if region in _NATIONAL_REGIONS and r < 0.4:
        return Phone(national_form(rng, num), f"phone/national-{region}", e164)
    w, form = intl_form(rng, num)
    r2 = rng.random()
    if r2 < 0.06:
        return Phone(e164, "phone/tel", e164, prefix="tel:")
    if r2 < 0.13 and mobile:
        return Phone(e164[1:], "phone/wa", e164, prefix="https://wa.me/")
    if r2 < 0.2:
        return Phone(
            w, f"phone/intl-{form}-ext", e164, suffix=rng.choice(_EXT).format(rng.randint(2, 4999))
        )
    return Phone(w, f"phone/intl-{form}", e164)


# --- cards, IBANs, IPs ------------------------------------------------------------------------


def luhn_ok(number: str) -> bool:
    ds = [int(c) for c in number if c.isdigit()][::-1]
    return sum(d if i % 2 == 0 else sum(divmod(2 * d, 10)) for i, d in enumerate(ds)) % 10 == 0


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


# issuer: (prefix ranges "lo-hi" or single, lengths)
ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 16, 16, 13, 19)),
    "mastercard": (("51-55", "2221-2720"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644-649", "65"), (16, 19)),
    "jcb": (("3528-3589",), (16,)),
    "diners": (("300-305", "36", "38"), (14,)),
    "unionpay": (("62",), (16, 19)),
    "maestro": (("5018", "5020", "5038", "6304", "6759"), (16, 19)),
    "mir": (("2200-2204",), (16,)),
    "troy": (("9792",), (16,)),
    "rupay": (("508", "60"), (16,)),
    "elo": (("636368", "504175", "438935"), (16,)),
    "verve": (("5061", "6500"), (16, 19)),
    "hipercard": (("606282",), (16,)),
    "uatp": (("1",), (15,)),
}


def _prefix(rng: random.Random, spec: str) -> str:
    if "-" in spec:
        lo, hi = spec.split("-")
        return str(rng.randint(int(lo), int(hi)))
    return spec


def a_card(rng: random.Random) -> Put:
    brand = rng.choice(tuple(ISSUERS))
    pres, lengths = ISSUERS[brand]
    n = rng.choice(lengths)
    num = luhn_complete(rng, _prefix(rng, rng.choice(pres)), n)
    if n == 15:
        layout: tuple[int, ...] = (4, 6, 5)
    elif n == 14:
        layout = (4, 6, 4)
    elif n == 19:
        layout = rng.choice(((4, 4, 4, 4, 3), (6, 13)))
    elif n == 13:
        layout = (4, 4, 5)
    else:
        layout = rng.choice(((4, 4, 4, 4), (4, 4, 4, 4), (8, 8)))
    sep = rng.choice((" ", " ", "-", "", "  "))
    parts, i = [], 0
    for k in layout:
        parts.append(num[i : i + k])
        i += k
    return Put("card", sep.join(parts), f"card/{brand}-{n}")


# BBAN layouts: n digits, a capital letters, c letters or digits.
IBAN_BBAN: dict[str, str] = {
    "AD": "8n12c",
    "AE": "3n16n",
    "AL": "8n16c",
    "AT": "16n",
    "AZ": "4a20c",
    "BA": "16n",
    "BE": "12n",
    "BG": "4a6n8c",
    "BH": "4a14c",
    "BR": "23n1a1c",
    "BY": "4c4n16c",
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
    "FO": "14n",
    "FR": "10n11c2n",
    "GB": "4a14n",
    "GE": "2a16n",
    "GI": "4a15c",
    "GL": "14n",
    "GR": "7n16c",
    "GT": "4c20c",
    "HR": "17n",
    "HU": "24n",
    "IE": "4a14n",
    "IL": "19n",
    "IQ": "4a15n",
    "IS": "22n",
    "IT": "1a10n12c",
    "JO": "4a4n18c",
    "KW": "4a22c",
    "KZ": "3n13c",
    "LB": "4n20c",
    "LC": "4a24c",
    "LI": "5n12c",
    "LT": "16n",
    "LU": "3n13c",
    "LV": "4a13c",
    "MC": "10n11c2n",
    "MD": "2c18c",
    "ME": "18n",
    "MK": "3n10c2n",
    "MR": "23n",
    "MT": "4a5n18c",
    "MU": "4a19n3a",
    "NL": "4a10n",
    "NO": "11n",
    "PK": "4a16c",
    "PL": "24n",
    "PS": "4a21c",
    "PT": "21n",
    "QA": "4a21c",
    "RO": "4a16c",
    "RS": "18n",
    "SA": "2n18c",
    "SC": "4a20n3a",
    "SE": "20n",
    "SI": "15n",
    "SK": "20n",
    "SM": "1a10n12c",
    "ST": "21n",
    "SV": "4a20n",
    "TL": "19n",
    "TN": "20n",
    "TR": "5n1n16c",
    "UA": "6n19c",
    "VA": "18n",
    "VG": "4a16n",
    "XK": "16n",
}


def mod97(s: str) -> int:
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97


def _bban(rng: random.Random, spec: str) -> str:
    out = []
    for n, t in re.findall(r"(\d+)([nac])", spec):
        pool = {
            "n": string.digits,
            "a": string.ascii_uppercase,
            "c": string.ascii_uppercase + string.digits,
        }[t]
        out.append("".join(rng.choice(pool) for _ in range(int(n))))
    return "".join(out)


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, IBAN_BBAN[country])
    good = 98 - mod97(f"{country}00{bban}")
    check = good
    while not valid and check == good:  # exactly one check value in 2..98 passes
        check = rng.randint(2, 98)
    return f"{country}{check:02d}{bban}"


def a_iban(rng: random.Random, country: str | None = None) -> Put:
    country = country or rng.choice(tuple(IBAN_BBAN))
    s = iban_compact(rng, country)
    r = rng.random()
    if r < 0.55:
        return Put(
            "iban", " ".join(s[i : i + 4] for i in range(0, len(s), 4)), f"iban/{country}-grouped"
        )
    if r < 0.85:
        return Put("iban", s, f"iban/{country}-compact")
    return Put(
        "iban", " ".join(s[i : i + 4] for i in range(0, len(s), 4)).lower(), f"iban/{country}-lower"
    )


def _v4(rng: random.Random) -> str:
    while True:
        a = rng.choice(
            (
                2,
                5,
                31,
                37,
                46,
                62,
                77,
                78,
                79,
                80,
                81,
                82,
                84,
                85,
                88,
                89,
                91,
                93,
                94,
                95,
                101,
                103,
                109,
                110,
                112,
                113,
                114,
                115,
                116,
                118,
                122,
                151,
                176,
                177,
                178,
                185,
                186,
                187,
                188,
                190,
                193,
                194,
                195,
                196,
                200,
                201,
                212,
                213,
                217,
            )
        )
        ip = ipaddress.IPv4Address(
            f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        )
        if ip.is_global:
            return str(ip)


def _v6(rng: random.Random) -> tuple[str, str]:
    while True:
        head = rng.choice(
            (
                "2a00",
                "2a01",
                "2a02",
                "2a03",
                "2a0a",
                "2600",
                "2601",
                "2604",
                "2406",
                "2405",
                "2400",
                "2800",
                "2c0f",
                "2001:4860",
                "2003",
                "2a09",
            )
        )
        groups = head.split(":") + [
            f"{rng.randint(0, 0xFFFF):x}" for _ in range(8 - len(head.split(":")))
        ]
        if rng.random() < 0.5:
            for i in range(rng.randint(2, 5), 7):
                groups[i] = "0"
        ip = ipaddress.IPv6Address(":".join(groups))
        if ip.is_global:
            form = rng.choice(("compressed", "compressed", "exploded"))
            return (ip.compressed if form == "compressed" else ip.exploded), form


# --- e-mail and URL secrets -------------------------------------------------------------------

MAIL_HOME = {
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com", "eircom.net"),
    "de": ("web.de", "gmx.de", "t-online.de", "gmx.at", "bluewin.ch", "posteo.de"),
    "fr": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "skynet.be"),
    "es": ("gmail.com", "hotmail.es", "telefonica.net", "yahoo.com.mx"),
    "it": ("libero.it", "virgilio.it", "alice.it", "tiscali.it"),
    "pt": ("sapo.pt", "uol.com.br", "terra.com.br", "gmail.com"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "gmail.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "planet.nl", "telenet.be"),
    "pl": ("wp.pl", "o2.pl", "onet.pl", "interia.pl"),
    "da": ("mail.dk", "live.dk", "jubii.dk"),
    "fi": ("luukku.com", "elisanet.fi", "gmail.com"),
    "sk": ("azet.sk", "centrum.sk", "zoznam.sk"),
    "hr": ("net.hr", "t-com.hr"),
    "sr": ("eunet.rs", "gmail.com"),
    "bg": ("abv.bg", "mail.bg", "dir.bg"),
    "el": ("otenet.gr", "yahoo.gr"),
    "ru": ("yandex.ru", "mail.ru", "rambler.ru"),
    "uk": ("ukr.net", "i.ua", "meta.ua"),
    "lt": ("one.lt", "gmail.com"),
    "he": ("walla.co.il", "gmail.com"),
    "ar": ("hotmail.com", "yahoo.com", "gmail.com"),
    "fa": ("chmail.ir", "gmail.com"),
    "ur": ("yahoo.com", "gmail.com"),
    "bn": ("gmail.com", "yahoo.com"),
    "th": ("hotmail.co.th", "gmail.com"),
    "tl": ("yahoo.com.ph", "gmail.com"),
    "ms": ("yahoo.com.my", "gmail.com"),
    "zh": ("qq.com", "163.com", "126.com"),
    "yue": ("netvigator.com", "yahoo.com.hk"),
    "ko": ("naver.com", "daum.net", "hanmail.net"),
    "ja": ("yahoo.co.jp", "docomo.ne.jp", "gmail.com"),
    "vi": ("gmail.com", "yahoo.com.vn"),
    "am": ("ethionet.et", "gmail.com"),
    "ha": ("yahoo.com", "gmail.com"),
    "zu": ("webmail.co.za", "mweb.co.za"),
    "qu": ("hotmail.com", "gmail.com"),
}
WORK = (
    "northwind-logistics.com",
    "kestrel.io",
    "mail.hafenbuero.de",
    "hq.altamira.es",
    "staff.uni-example.edu",
    "eu.fjordline-ops.no",
    "sales.bluefinch.co.uk",
    "ops.taurex.ae",
)
IDN = (
    "bücherstube.at",
    "müller-bäckerei.de",
    "señales.es",
    "øl-butikken.dk",
    "café-olé.fr",
    "kürbis.ch",
    "çiçekçi.com.tr",
    "żabka-sklep.pl",
)


def _local(rng: random.Random, first: str, last: str) -> str:
    f = re.sub(r"[^a-z]", "", fold(first).lower()) or "x"
    la = re.sub(r"[^a-z]", "", fold(last).lower()) or "y"
    return rng.choice(
        (
            f"{f}.{la}",
            f"{f}{la}",
            f"{f}_{la}",
            f"{f[0]}{la}",
            f"{la}.{f}",
            f"{f}.{la}{rng.randint(1, 99)}",
            f"{f}{rng.randint(1970, 2005)}",
            f"{f[0]}.{la}",
        )
    )


def an_email(rng: random.Random, lang: str, first: str, last: str) -> Put:
    local = _local(rng, first, last)
    home = rng.choice(MAIL_HOME.get(lang, ("gmail.com",)))
    r = rng.random()
    if r < 0.4:
        return Put("email", f"{local}@{home}", "email/plain")
    if r < 0.5:
        return Put(
            "email", f"{local}+{rng.choice(('shop', 'orders', 'news', 'x7'))}@{home}", "email/plus"
        )
    if r < 0.6:
        return Put("email", f"{local}@{rng.choice(WORK)}", "email/work")
    if r < 0.67:
        v = f"{local}@{home}"
        return Put("email", v.title() if rng.random() < 0.6 else v.upper(), "email/mixed-case")
    if r < 0.75:
        d = rng.choice(IDN)
        return Put(
            "email",
            f"{local}@{d if rng.random() < 0.6 else d.encode('idna').decode()}",
            "email/idn",
        )
    if r < 0.8:
        return Put("email", f'"{local.replace(".", " ")}"@{home}', "email/quoted")
    if r < 0.9:
        host, _, tld = home.partition(".")
        lp = local.replace(".", rng.choice((" dot ", " [dot] ", ".")))
        at = rng.choice((" at ", " [at] ", "(at)", " AT ", " @ "))
        dot = rng.choice((" dot ", " [dot] ", "."))
        return Put("email", f"{lp}{at}{host}{dot}{tld.replace('.', dot)}", "email/obfuscated")
    return Put("email", f"{local}@{home}", "email/plain")


_B62 = string.ascii_letters + string.digits


def _tok(rng: random.Random, n: int, pool: str = _B62) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


_UP = string.ascii_uppercase + string.digits


def _hex(rng: random.Random, n: int) -> str:
    return _tok(rng, n, "0123456789abcdef")


def _jwt(rng: random.Random) -> str:
    def b64(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    head = b64({"alg": rng.choice(("HS256", "RS256")), "typ": "JWT"})
    body = b64({"sub": _hex(rng, 12), "exp": rng.randint(1_790_000_000, 1_820_000_000)})
    return f"{head}.{body}.{_tok(rng, 43, _B62 + '-_')}"


def url_secret(rng: random.Random) -> tuple[str, str, str, str]:
    """(before, secret, after, provider): only the secret is planted."""
    r = rng.randrange(18)
    if r == 0:
        return (
            f"https://files-eu.s3.eu-central-1.amazonaws.com/exports/{_hex(rng, 8)}.csv"
            "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            f"&X-Amz-Date=20261203T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=",
            _hex(rng, 64),
            "",
            "s3-presigned",
        )
    if r == 1:
        return (
            "https://storage.googleapis.com/invoices-prod/2026/inv.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256"
            "&X-Goog-Expires=900&X-Goog-Signature=",
            _hex(rng, 128),
            "",
            "gcs-signed",
        )
    if r == 2:
        return (
            "https://cdnstore01.blob.core.windows.net/uploads/photo.jpg?sv=2022-11-02&se=2026-12-09T10%3A00Z&sr=b&sp=r&sig=",
            _tok(rng, 43) + "%3D",
            "",
            "azure-sas",
        )
    if r == 3:
        return (
            f"https://hooks.slack.com/services/T{_tok(rng, 8, _UP)}/B{_tok(rng, 10, _UP)}/",
            _tok(rng, 24),
            "",
            "slack-webhook",
        )
    if r == 4:
        return (
            f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/",
            _tok(rng, 68, _B62 + "-_"),
            "",
            "discord-webhook",
        )
    if r == 5:
        return (
            "https://api.telegram.org/bot",
            f"{rng.randint(10**8, 10**10)}:AA{_tok(rng, 33, _B62 + '-_')}",
            "/getUpdates",
            "telegram-bot",
        )
    if r == 6:
        return (
            "https://x-access-token:",
            f"ghp_{_tok(rng, 36)}",
            "@github.com/acme-ops/deploy-scripts.git",
            "github-userinfo",
        )
    if r == 7:
        return (
            "postgres://report_ro:",
            _tok(rng, rng.randint(12, 20), _B62 + "!*"),
            f"@db-{rng.randint(1, 9)}.internal.example.net:5432/analytics",
            "postgres-userinfo",
        )
    if r == 8:
        return (
            "ftp://upload:",
            _tok(rng, 14),
            "@ftp.printshop-example.com/incoming/",
            "ftp-userinfo",
        )
    if r == 9:
        return (
            "https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=",
            "AIza" + _tok(rng, 35, _B62 + "-_"),
            "",
            "google-key",
        )
    if r == 10:
        return (
            "https://accounts.example-shop.com/oauth/callback?state=xyz123&code=",
            _tok(rng, 40, _B62 + "-_"),
            "&scope=openid",
            "oauth-code",
        )
    if r == 11:
        return (
            "https://app.example-crm.com/#access_token=",
            _jwt(rng),
            "&token_type=bearer&expires_in=3600",
            "fragment-jwt",
        )
    if r == 12:
        return (
            "https://help.example-shop.com/account/reset-password/",
            _tok(rng, 48, _B62 + "-_"),
            "",
            "reset-path",
        )
    if r == 13:
        return ("https://login.example-bank.eu/magic?token=", _jwt(rng), "", "query-jwt")
    if r == 14:
        return (
            f"https://us0{rng.randint(2, 6)}web.zoom.us/j/{rng.randint(10**9, 10**10)}?pwd=",
            _tok(rng, 32),
            "",
            "zoom-pwd",
        )
    if r == 15:
        return (
            "https://api.example-payments.com/v1/charges?api_key=",
            "sk_live_" + _tok(rng, 24),
            "&limit=10",
            "api-key-query",
        )
    if r == 16:
        return (
            "amqp://svc_orders:",
            _tok(rng, 18),
            "@mq.example-internal.net:5672/prod",
            "amqp-userinfo",
        )
    return ("https://dl.example-drive.com/s/", _tok(rng, 15), "/report.pdf?dl=1", "share-link")


# --- decoys -----------------------------------------------------------------------------------

PLACES = (
    "Georgia",
    "Austin",
    "Chelsea",
    "Lourdes",
    "Aurora",
    "Jordan",
    "Florence",
    "Victoria",
    "Adelaide",
    "Savannah",
    "Phoenix",
    "Dallas",
    "Regina",
    "Charlotte",
    "Santiago",
    "Valencia",
    "Lima",
    "Sofia",
    "Paris",
    "Orlando",
    "Beverly Hills",
    "Alexandria",
)
BRANDS = (
    "Mercedes",
    "Chanel",
    "Ferrari",
    "Tesla",
    "Porsche",
    "Ford",
    "Dell",
    "Lidl",
    "Zara",
    "Hermès",
    "Škoda",
    "Peugeot",
)
PRODUCTS = ("Alexa", "Siri", "Kindle", "Corolla", "Galaxy S24", "Pixel 9", "ThinkPad", "Fiesta")
# Capitalised words that are also given names, each with the phrase it opens.
WORD_PHRASES = {
    "Will": " do, thanks",
    "Mark": " it as urgent please",
    "Hope": " you can sort it out",
    "Grace": " period ends tomorrow?",
    "Rose": " gold, not silver",
    "Joy": " of joys, it works",
    "Faith": " restored lol",
    "Summer": " sale price was lower",
    "Bill": " me later if possible",
    "Frank": " feedback: too slow",
    "Dawn": " delivery slot is too early",
    "Holly": " wreath arrived broken",
    "Ruby": " red, size M",
    "Sunny": " side up 🍳",
    "Lovely": ", thank you!",
    "Precious": " little time left",
    "Blessing": " in disguise I guess",
    "Umut": " ediyorum yarın gelir",
    "Deniz": " kenarındaki mağaza kapalı",
}
WORDS = tuple(WORD_PHRASES)
MONTHS = (
    "January",
    "März",
    "avril",
    "Mayo",
    "giugno",
    "Julho",
    "Ağustos",
    "september",
    "październik",
    "November",
    "Dezember",
    "May",
    "June",
    "August",
)
WEEKDAYS = (
    "Monday",
    "Dienstag",
    "mercredi",
    "jueves",
    "venerdì",
    "sábado",
    "Pazar",
    "zondag",
    "środa",
    "Friday",
    "Sunday",
)
JOBS = (
    "Account Manager",
    "Head of Customer Care",
    "Senior Billing Specialist",
    "Team Lead",
    "Field Engineer",
    "Store Manager",
    "Data Protection Officer",
)
TEAMS = (
    "Team Phoenix",
    "Billing Squad",
    "Tier-2 Support",
    "Night Shift",
    "Team Orion",
    "Returns Desk",
)


def _ean13(rng: random.Random, head: str = "") -> str:
    body = head + "".join(rng.choice(string.digits) for _ in range(12 - len(head)))
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _aba(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.choice((0, 1, 2, 3))
        for c in range(10):
            ds = [*d, c]
            if sum(w * x for w, x in zip((3, 7, 1) * 3, ds, strict=True)) % 10 == 0:
                return "".join(map(str, ds))


def _luhn_fail(rng: random.Random, n: int = 16) -> str:
    while True:
        s = rng.choice("3456") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        if not luhn_ok(s):
            return s


def _grouped4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def a_decoy(rng: random.Random, cls: str | None = None) -> Put:
    cls = cls or rng.choice(DECOY_CLASSES)
    return dc(DECOY_MAKERS[cls](rng), cls)


DECOY_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "order": lambda r: r.choice(
        (
            f"#{r.randint(100000, 9999999)}",
            f"{r.randint(100, 999)}-{r.randint(1000000, 9999999)}-{r.randint(1000000, 9999999)}",
            f"ORD-{r.randint(2024, 2026)}-{r.randint(10000, 99999)}",
            f"BE{r.randint(10**9, 10**10 - 1)}",
        )
    ),
    "invoice": lambda r: r.choice(
        (
            f"INV-{r.randint(100000, 999999)}",
            f"RE-{r.randint(2025, 2026)}/{r.randint(1000, 9999)}",
            f"F{r.randint(10**7, 10**8)}",
        )
    ),
    "ticket": lambda r: r.choice(
        (
            f"TCK-{r.randint(10000, 999999)}",
            f"#{r.randint(10000, 99999)}",
            f"INC{r.randint(10**6, 10**7 - 1)}",
        )
    ),
    "case": lambda r: f"CS{r.randint(10**8, 10**9 - 1)}",
    "tracking": lambda r: r.choice(
        (
            f"1Z{_tok(r, 6, string.ascii_uppercase + string.digits)}{r.randint(10**9, 10**10 - 1)}",
            f"JJD{r.randint(10**17, 10**18 - 1)}",
            f"RR{r.randint(10**8, 10**9 - 1)}DE",
            f"{r.randint(10**11, 10**12 - 1)}",
        )
    ),
    "luhn-fail": lambda r: _luhn_fail(r),
    "luhn-fail-grouped": lambda r: _grouped4(_luhn_fail(r)),
    "iban-bad": lambda r: iban_compact(r, r.choice(tuple(IBAN_BBAN)), valid=False),
    "price": lambda r: r.choice(
        (
            f"{r.randint(1, 999)},{r.randint(0, 99):02d} €",
            f"${r.randint(1, 9)},{r.randint(100, 999)}.{r.randint(0, 99):02d}",
            f"£{r.randint(1, 500)}.{r.randint(0, 99):02d}",
            f"CHF {r.randint(10, 900)}.–",
            f"¥{r.randint(1, 99)},{r.randint(100, 999)}",
            f"₹{r.randint(1, 9)},{r.randint(10, 99)},{r.randint(100, 999)}",
            f"R$ {r.randint(10, 999)},{r.randint(0, 99):02d}",
            f"{r.randint(1, 99)} {r.randint(100, 999)},00 zł",
            f"{r.randint(100, 9999)} kr",
            f"{r.randint(10, 999)} TL",
            f"AED {r.randint(10, 9999)}",
            f"{r.randint(1, 9)}.{r.randint(100, 999)},{r.randint(0, 99):02d} EUR",
            f"₱{r.randint(100, 9999)}.00",
            f"{r.randint(10, 999)}.000 VND",
            f"KSh {r.randint(100, 99999)}",
        )
    ),
    "date": lambda r: r.choice(
        (
            f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2024, 2027)}",
            f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(24, 27)}",
            f"{r.randint(1, 28)} Dec 2026",
            f"{r.randint(1, 28)}. Dezember 2026",
            f"{r.randint(1, 28)} grudnia 2026",
            f"{r.randint(1, 28)} de marzo",
            f"2026年{r.randint(1, 12)}月{r.randint(1, 28)}日",
            f"{r.randint(1, 28)}/{r.randint(1, 12):02d}/{r.randint(2024, 2027)}",
        )
    ),
    "time": lambda r: r.choice(
        (
            f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(('am', 'pm', 'PM'))}",
            f"{r.randint(8, 20)}h{r.randint(0, 59):02d}",
            f"{r.randint(8, 20)}.{r.randint(0, 59):02d} Uhr",
            f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} UTC",
        )
    ),
    "duration": lambda r: r.choice(
        (
            f"{r.randint(1, 9)}h {r.randint(1, 59)}m",
            f"00:{r.randint(10, 59)}:{r.randint(10, 59)}",
            f"PT{r.randint(5, 90)}M",
            f"{r.randint(2, 180)} min",
        )
    ),
    "version": lambda r: r.choice(
        (
            f"v{r.randint(1, 19)}.{r.randint(0, 30)}.{r.randint(0, 40)}",
            f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc.{r.randint(1, 5)}",
            f"{r.randint(1, 20)}.{r.randint(0, 9)}.{r.randint(0, 99)}.{r.randint(1000, 9999)}",
            f"iOS {r.randint(15, 19)}.{r.randint(0, 6)}",
        )
    ),
    "build": lambda r: f"build 2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}.{r.randint(1, 40)}",
    "hash": lambda r: r.choice((_hex(r, 7), _hex(r, 40), _hex(r, 64), _hex(r, 32))),
    "uuid": lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)),
    "sku": lambda r: (
        f"{r.choice(('SKU', 'ART', 'PRD'))}-{_tok(r, 2, string.ascii_uppercase)}"
        f"{r.randint(100, 9999)}-{r.choice(('XS', 'M', 'XL', 'BLK', 'W32'))}"
    ),
    "ean": lambda r: _ean13(r),
    "isbn": lambda r: _ean13(r, "978"),
    "postal": lambda r: r.choice(
        (
            "SW1A 1AA",
            "EC2V 7HH",
            "10115",
            "75008",
            "00-950",
            "1010",
            "H2X 1Y4",
            "110001",
            "100-0001",
            "06600",
            "34710",
            "2100",
            "1012 AB",
            "D02 X285",
            "8001",
            "90210",
            "01-234",
        )
    ),
    "device": lambda r: r.choice(
        (
            f"android-{_hex(r, 16)}",
            f"SN {_tok(r, 12, string.ascii_uppercase + string.digits)}",
            f"dev_{_hex(r, 24)}",
        )
    ),
    "flight": lambda r: (
        f"{r.choice(('LH', 'TK', 'EK', 'QR', 'BA', 'AF', 'PR', 'VN', 'MS', 'LA', 'KL', 'SQ'))}"
        f"{r.choice(('', ' '))}{r.randint(10, 2999)}"
    ),
    "seat": lambda r: f"{r.randint(1, 48)}{r.choice('ABCDEFK')}",
    "room": lambda r: r.choice(
        (
            f"Room {r.randint(100, 1299)}",
            f"B{r.randint(1, 5)}.{r.randint(10, 60)}",
            f"Zimmer {r.randint(1, 450)}",
        )
    ),
    "coords": lambda r: f"{r.uniform(-60, 70):.5f}, {r.uniform(-170, 170):.5f}",
    "aba": lambda r: _aba(r),
    "bic": lambda r: r.choice(
        (
            "DEUTDEFF",
            "BNPAFRPPXXX",
            "COBADEFFXXX",
            "INGBNL2A",
            "BSCHESMM",
            "UNCRITMM",
            "NWBKGB2L",
            "TGBATRIS",
            "PKOPPLPW",
            "NDEAFIHH",
            "DABADKKK",
            "NBADAEAA",
            "RJHISARI",
            "BPIPPHMM",
        )
    ),
    "sort-code": lambda r: f"{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
    "plain-url": lambda r: r.choice(
        (
            "https://www.example-shop.com/help/returns",
            "https://status.example-cloud.io/incidents/2026-12",
            "https://docs.example.org/v2/api#pagination",
            "http://intranet.example.local/wiki/Onboarding",
        )
    ),
    "word": lambda r: r.choice(WORDS),
    "place": lambda r: r.choice(PLACES),
    "brand": lambda r: r.choice(BRANDS),
    "product": lambda r: r.choice(PRODUCTS),
    "month": lambda r: r.choice(MONTHS),
    "weekday": lambda r: r.choice(WEEKDAYS),
    "job": lambda r: r.choice(JOBS),
    "team": lambda r: r.choice(TEAMS),
}
DECOY_CLASSES = tuple(DECOY_MAKERS)

DECOY_SENTENCES: dict[str, tuple[str, ...]] = {
    "order": (
        "order {} still says processing",
        "Bestellung {} ist nicht angekommen",
        "commande {} ?",
    ),
    "invoice": ("invoice {} was charged twice", "Rechnung {} stimmt nicht"),
    "ticket": ("re: ticket {}", "ref {} pls"),
    "case": ("case {} is still open",),
    "tracking": ("tracking says {} is in customs", "Sendungsnummer {}"),
    "luhn-fail": ("gift card {} doesn't work", "voucher code {}"),
    "luhn-fail-grouped": ("my loyalty card number is {}",),
    "iban-bad": ("the reference on the transfer was {}",),
    "price": ("it cost {}", "paid {} for it", "kostet {}"),
    "date": ("delivered on {}", "am {} bestellt"),
    "time": ("around {}", "zwischen {} und später"),
    "duration": ("waited {} on hold",),
    "version": ("app {} crashes", "firmware {}"),
    "build": ("on {}",),
    "hash": ("commit {} broke it", "checksum {}"),
    "uuid": ("request id {}",),
    "sku": ("item {} in size chart",),
    "ean": ("barcode {}",),
    "isbn": ("ISBN {}",),
    "postal": ("postcode {}", "PLZ {}"),
    "device": ("device {}",),
    "flight": ("flight {} was cancelled",),
    "seat": ("seat {}",),
    "room": ("I'm in {}",),
    "coords": ("pin dropped at {}",),
    "aba": ("routing number {}",),
    "bic": ("BIC {}", "SWIFT: {}"),
    "sort-code": ("sort code {}",),
    "plain-url": ("see {}",),
    "word": ("{}",),
    "place": ("the store in {} was closed", "shipping to {}?"),
    "brand": ("my {} dealer", "the {} one"),
    "product": ("{} keeps disconnecting", "bought a {}"),
    "month": ("since {}", "{} is fine"),
    "weekday": ("{} works", "bis {}"),
    "job": ("our {} said", "{} approved it"),
    "team": ("{} handles that", "escalated to {}"),
}


def decoy_clause(rng: random.Random, cls: str | None = None) -> list[Item]:
    cls = cls or rng.choice(DECOY_CLASSES)
    p = a_decoy(rng, cls)
    tpl = rng.choice(DECOY_SENTENCES[cls])
    a, b = tpl.split("{}")
    if cls == "word":
        return [p, WORD_PHRASES[p.value]]
    return [a, p, b]


# --- the conversation context -----------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    p: Person9
    platform: str
    email: Put
    phone: Phone
    others: list[Person9] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)  # free-text fields of the record already used

    def raw_field(self, choices: Sequence[str]) -> str | None:
        free = [f for f in choices if f not in self.fields]
        if not free:
            return None
        fld = self.rng.choice(free)
        self.fields.add(fld)
        return fld

    def who(self, native: bool | None = None) -> Who:
        return self.p.who(native)

    def other(self) -> Person9:
        q = make_person(self.rng, self.p.lang if self.rng.random() < 0.5 else None)
        self.others.append(q)
        return q


def name_items(
    w: Who, form: str, cls: str, spot: str = "", rng: random.Random | None = None
) -> list[Item]:
    """{F}, {L} or {N} as planted values."""
    f, la = w.first, w.last
    if rng is not None:
        mode = rng.random()
        if mode < 0.07:
            f, la = f.lower(), la.lower()
        elif mode < 0.1:
            f, la = f.upper(), la.upper()
        elif mode < 0.2 and all(ord(ch) < 0x530 for ch in f + la):
            f, la = fold(f), fold(la)  # typed without accents (Latin, Greek, Cyrillic)
    if form == "F":
        return [nm(f, cls, spot)]
    if form == "L":
        return [nm(la, cls, spot)]
    if w.lang in NOSPACE_NATIVE and w.native:
        return [nm(la + f, cls, spot)]
    full = w.full_of("\0F", "\0L")
    out: list[Item] = []
    for piece in re.split(r"(\0F|\0L)", full):
        if piece == "\0F":
            out.append(nm(f, cls, spot))
        elif piece == "\0L":
            out.append(nm(la, cls, spot))
        elif piece:
            out.append(piece)
    return out


def fill(tpl: str, w: Who, cls: str, rng: random.Random, spot: str = "") -> list[Item]:
    out: list[Item] = []
    for piece in re.split(r"(\{[FLN]\})", tpl):
        if re.fullmatch(r"\{[FLN]\}", piece):
            out.extend(name_items(w, piece[1], cls, spot, rng))
        elif piece:
            out.append(piece)
    return out


CUE_CLASS = {
    "intro": "cue",
    "signoff": "signoff",
    "greet": "greet",
    "rel": "relation",
    "hand": "handoff",
    "said": "said",
}


def cue(c: Ctx, kind: str, w: Who | None = None) -> tuple[list[Item], str] | None:
    """A cue of ``kind`` in the person's language and script (romanised chat for a name written
    in Latin letters), or None when the table has none."""
    w = w or c.who()
    key = f"{w.lang}-lat" if not w.native and f"{w.lang}-lat" in CUES else w.lang
    table = CUES.get(key, {})
    if kind not in table:
        return None
    tpl = c.rng.choice(table[kind].split("||"))
    return fill(tpl, w, f"{CUE_CLASS[kind]}-{w.lang}", c.rng), w.lang


def en_cue(c: Ctx, kind: str, w: Who) -> list[Item]:
    tpl = c.rng.choice(CUES["en"][kind].split("||"))
    return fill(tpl, w, f"{CUE_CLASS[kind]}-en", c.rng)


def any_cue(c: Ctx, kind: str, w: Who | None = None) -> list[Item]:
    w = w or c.who()
    got = cue(c, kind, w)
    return got[0] if got else en_cue(c, kind, w)


BODIES = (
    "my parcel never arrived",
    "I was charged twice",
    "can I change the delivery address?",
    "the app keeps logging me out",
    "need a copy of my receipt",
    "want to cancel my subscription",
    "paket kam beschädigt an",
    "je n'ai pas reçu ma commande",
    "no me llega el código",
    "il pacco è in ritardo",
    "não consigo entrar na conta",
    "siparişim nerede?",
    "mijn pakket is niet aangekomen",
    "nie dostałem zwrotu",
    "the size is wrong, exchange pls",
)
# What people write about, in their own language (English where a chat would switch to it).
LOCAL_BODIES: dict[str, tuple[str, ...]] = {
    "de": ("Paket kam beschädigt an", "ich wurde doppelt belastet", "wo bleibt meine Bestellung?"),
    "fr": ("je n'ai pas reçu ma commande", "on m'a débité deux fois", "le colis est abîmé"),
    "es": ("no me llega el código", "me cobraron dos veces", "el pedido no ha llegado"),
    "it": ("il pacco è in ritardo", "mi avete addebitato due volte"),
    "pt": ("não consigo entrar na conta", "fui cobrada duas vezes", "o pedido não chegou"),
    "tr": ("siparişim nerede?", "iki kere ücret alındı", "kargo hasarlı geldi"),
    "nl": ("mijn pakket is niet aangekomen", "ik ben twee keer afgeschreven"),
    "pl": ("nie dostałem zwrotu", "paczka nie dotarła", "pobrano opłatę dwa razy"),
    "da": ("min pakke er ikke kommet", "jeg er blevet trukket to gange"),
    "fi": ("paketti ei ole tullut", "minulta veloitettiin kahdesti"),
    "sk": ("balík neprišiel", "strhli mi peniaze dvakrát"),
    "hr": ("paket nije stigao", "naplaćeno mi je dvaput"),
    "sr": ("пакет није стигао", "paket nije stigao"),
    "bg": ("пратката не е пристигнала", "таксуваха ме два пъти"),
    "el": ("δεν έχει έρθει η παραγγελία", "me xreosan dyo fores"),
    "ru": ("посылка так и не пришла", "деньги списали дважды", "posylka ne prishla"),
    "uk": ("посилка не прийшла", "гроші списали двічі"),
    "lt": ("siuntinys neatėjo", "nuskaičiavo du kartus"),
    "he": ("החבילה לא הגיעה", "hachavila lo higia"),
    "ar": ("الطلب ما وصل", "el talab ma wasal"),
    "fa": ("سفارشم نرسیده", "sefaresham naresideh"),
    "ur": ("order abhi tak nahi aaya", "do dafa paise kat gaye"),
    "bn": ("অর্ডার এখনো আসেনি", "order ekhono ashe ni"),
    "th": ("ของยังไม่ได้รับเลย", "yang mai dai rap khong"),
    "tl": ("hindi pa po dumadating yung order ko", "nadoble po yung charge"),
    "ms": ("barang belum sampai lagi", "kena caj dua kali"),
    "zh": ("快递还没到", "被扣了两次钱"),
    "yue": ("件貨仲未到", "gin fo jung mei dou"),
    "ko": ("택배가 아직 안 왔어요", "결제가 두 번 됐어요"),
    "ja": ("荷物がまだ届きません", "二重に請求されています"),
    "vi": ("đơn hàng chưa tới", "bị trừ tiền hai lần", "don hang chua toi"),
    "am": ("ትዕዛዜ አልደረሰም", "order yene alderesem"),
    "ha": ("kayana bai iso ba", "an cire kudi sau biyu"),
    "zu": ("iphakethe alikafiki", "ngikhokhiswe kabili"),
    "qu": ("manaraq chayamunchu kaqniy", "iskay kutita qullqiyta hurqunku"),
}
NOISE = ("", "", "", " 🙏", " 😅", " !!", " ??", " lol", " 🙂🙂", " pls", " …", " 😡")


def _body(c: Ctx) -> list[Item]:
    local = LOCAL_BODIES.get(c.p.lang, ())
    out: list[Item] = [c.rng.choice(local if local and c.rng.random() < 0.7 else BODIES)]
    if c.rng.random() < 0.6:
        cls = c.rng.choice(DECOY_CLASSES)
        out += [". " if cls == "word" else ", ", *decoy_clause(c.rng, cls)]
    out.append(c.rng.choice(NOISE))
    return out


def bare(ph: Phone, spot: str = "") -> Put:
    """The number alone, where no link prefix or extension is written around it."""
    if ph.prefix:
        return Put("phone", ph.e164, "phone/intl-e164", spot)
    return Put("phone", ph.value, ph.cls.removesuffix("-ext"), spot)


def phone_items(ph: Phone, spot: str = "") -> list[Item]:
    return [ph.prefix, Put("phone", ph.value, ph.cls, "url" if ph.prefix else spot), ph.suffix]


# --- units: each returns the docs of one situation ----------------------------------------------

U = "message:user"
B = "message:bot"
A = "message:agent"


def u_intro(c: Ctx) -> list[Doc]:
    d = Doc(U).add(any_cue(c, "intro"), c.rng.choice((". ", ", ", " – ", "\n")), _body(c))
    return [d]


def u_signoff(c: Ctx) -> list[Doc]:
    return [Doc(U).add(_body(c), "\n\n", any_cue(c, "signoff"))]


def u_relation(c: Ctx) -> list[Doc]:
    q = c.other()
    return [Doc(U).add(_body(c), ". ", any_cue(c, "rel", q.who()), c.rng.choice(("", ".", " 🙂")))]


def u_said(c: Ctx) -> list[Doc]:
    q = c.other()
    return [Doc(U).add(any_cue(c, "said", q.who()), ", ", _body(c))]


def u_signature(c: Ctx) -> list[Doc]:
    w = c.who()
    d = Doc(U).add(_body(c), "\n\n--\n", name_items(w, "N", "signature", "signature", c.rng), "\n")
    if c.rng.random() < 0.5:
        d.add(
            dc(c.rng.choice(JOBS), "job", "signature"),
            " | ",
            c.rng.choice(("Northwind Logistics", "Kestrel GmbH", "Altamira S.L.")),
            "\n",
        )
    d.add(
        c.rng.choice(("Tel. ", "M: ", "📞 ", "Mob ", "")), phone_items(c.phone, "signature"), "\n"
    )
    d.add(Put("email", c.email.value, c.email.cls, "signature"))
    return [d]


def u_sigline(c: Ctx) -> list[Doc]:
    w = c.who()
    sep = c.rng.choice((", ", " | ", " · ", " - ", " / "))
    return [
        Doc(U).add(
            _body(c),
            "\n",
            name_items(w, "N", "signature-line", "", c.rng),
            sep,
            phone_items(c.phone),
        )
    ]


def u_headers(c: Ctx) -> list[Doc]:
    w, q = c.who(), c.other().who()
    d = Doc(U).add(
        c.rng.choice(
            ("---------- Forwarded message ---------\n", "-----Original Message-----\n", "")
        )
    )
    d.add(
        "From: ",
        name_items(w, "N", "header-from", "header"),
        " <",
        Put("email", c.email.value, c.email.cls, "header"),
        ">\n",
    )
    d.add("To: support@example-shop.com\n")
    if c.rng.random() < 0.7:
        d.add("Cc: ", name_items(q, "N", "header-cc", "header"), "\n")
    d.add(
        "Date: ",
        dc(DECOY_MAKERS["date"](c.rng), "date", "header"),
        "\nSubject: ",
        c.rng.choice(("Re: refund", "Fwd: Lieferung", "Réclamation")),
        "\n\n",
        _body(c),
    )
    return [d]


QUOTE_HEADS = (
    "On {D}, {N} <{E}> wrote:",
    "Am {D} schrieb {N} <{E}>:",
    "Le {D}, {N} <{E}> a écrit :",
    "El {D}, {N} <{E}> escribió:",
    "Il giorno {D} {N} <{E}> ha scritto:",
    "Op {D} schreef {N} <{E}>:",
    "W dniu {D} {N} <{E}> napisał(a):",
    "{D} tarihinde {N} <{E}> şunu yazdı:",
)


def u_quoted(c: Ctx) -> list[Doc]:
    w = c.who()
    head = c.rng.choice(QUOTE_HEADS)
    d = Doc(U).add("ok thanks, see below\n\n> ")
    for piece in re.split(r"(\{[DNE]\})", head):
        if piece == "{D}":
            d.add(dc(DECOY_MAKERS["date"](c.rng), "date", "quoted"))
        elif piece == "{N}":
            d.add(name_items(w, "N", "quoted-header", "quoted", c.rng))
        elif piece == "{E}":
            d.add(Put("email", c.email.value, c.email.cls, "quoted"))
        else:
            d.add(piece)
    d.add("\n> ", _body(c))
    return [d]


def u_csv(c: Ctx) -> list[Doc]:
    w, q = c.who(), c.other().who()
    tab = c.rng.random() < 0.4
    sep, spot = ("\t", "tsv") if tab else (c.rng.choice((",", ";")), "csv")
    d = Doc(U).add(
        "here's the list you asked for:\n", sep.join(("first", "last", "phone", "order")), "\n"
    )
    for who, ph in ((w, c.phone), (q, a_phone(c.rng))):
        d.add(
            nm(who.first, "csv", spot),
            sep,
            nm(who.last, "csv", spot),
            sep,
            bare(ph, spot),
            sep,
            a_decoy(c.rng, "order"),
            "\n",
        )
    return [d]


FORM_LABELS = (
    ("Name", "Email", "Phone"),
    ("Vor- und Nachname", "E-Mail", "Telefon"),
    ("Nom", "Courriel", "Téléphone"),
    ("Nombre", "Correo", "Teléfono"),
    ("Ad Soyad", "E-posta", "Telefon"),
    ("Imię i nazwisko", "E-mail", "Tel."),
    ("Naam", "E-mail", "Telefoon"),
    ("Nimi", "Sähköposti", "Puhelin"),
    ("Pangalan", "Email", "Numero"),
)


def u_form(c: Ctx) -> list[Doc]:
    w = c.who()
    ln, le, lp = c.rng.choice(FORM_LABELS)
    sep = c.rng.choice((": ", ":\t", " = ", ": "))
    d = Doc(U).add(
        f"{ln}{sep}",
        name_items(w, "N", "form", "kv", c.rng),
        f"\n{le}{sep}",
        Put("email", c.email.value, c.email.cls, "kv"),
        f"\n{lp}{sep}",
        bare(c.phone, "kv"),
        "\nOrder",
        sep,
        a_decoy(c.rng, "order"),
    )
    return [d]


def u_md_table(c: Ctx) -> list[Doc]:
    w, q = c.who(), c.other().who()
    d = Doc(U).add("| who | phone | note |\n|---|---|---|\n")
    d.add(
        "| ",
        name_items(w, "N", "markdown-table", "markdown"),
        " | ",
        bare(c.phone, "markdown"),
        " | ",
        a_decoy(c.rng, "date"),
        " |\n",
    )
    ph = a_phone(c.rng)
    d.add(
        "| ",
        name_items(q, "N", "markdown-table", "markdown"),
        " | ",
        bare(ph, "markdown"),
        " | ",
        a_decoy(c.rng, "team"),
        " |",
    )
    return [d]


def u_list(c: Ctx) -> list[Doc]:
    ws = [c.other().who() for _ in range(c.rng.randint(2, 3))]
    d = Doc(U).add(c.rng.choice(("Attendees:\n", "Teilnehmer:\n", "who's coming:\n", "Lista:\n")))
    for w in ws:
        d.add(c.rng.choice(("- ", "* ", "• ", "")), name_items(w, "N", "list", "", c.rng), "\n")
    return [d]


def u_third(c: Ctx) -> list[Doc]:
    q = c.other().who()
    tpl = c.rng.choice(
        (
            "{N} and I share the account",
            "can {F} collect it instead?",
            "{N} is cc'd here",
            "ok so {F} will call you back",
            "{N} (my manager) approved it",
        )
    )
    return [
        Doc(U).add(
            fill(tpl, q, "third-party", c.rng), "" if tpl.endswith("?") else ".", " ", _body(c)
        )
    ]


def u_mention(c: Ctx) -> list[Doc]:
    q = c.other().who()
    return [
        Doc(A).add(
            "@",
            nm(q.first, "mention", "mention"),
            c.rng.choice((" ", ": ", " - ")),
            "can you check this one? ",
            decoy_clause(c.rng, "ticket"),
        )
    ]


def u_chatlog(c: Ctx) -> list[Doc]:
    w, q = c.who(), c.other().who()
    t1 = DECOY_MAKERS["time"](c.rng)
    d = Doc(U).add("pasting the chat from before:\n")
    d.add(
        "[",
        dc(t1, "time", "log"),
        "] ",
        name_items(w, "N", "chatlog", "log"),
        ": ",
        c.rng.choice(BODIES),
        "\n",
    )
    d.add(
        "[",
        dc(DECOY_MAKERS["time"](c.rng), "time", "log"),
        "] ",
        name_items(q, "F", "chatlog", "log"),
        ": let me check",
    )
    return [d]


def u_yaml(c: Ctx) -> list[Doc]:
    w = c.who()
    d = Doc(U).add(
        "```yaml\ncontact:\n  name: ",
        name_items(w, "N", "yaml", "yaml"),
        "\n  phone: '",
        bare(c.phone, "yaml"),
        "'\n  email: ",
        Put("email", c.email.value, c.email.cls, "yaml"),
        "\n  plan: pro\n  since: ",
        a_decoy(c.rng, "date"),
        "\n```",
    )
    return [d]


def u_html(c: Ctx) -> list[Doc]:
    w = c.who()
    d = Doc(U).add(
        "<p>",
        _body(c),
        "</p><p>",
        c.rng.choice(("Kind regards", "Saludos", "Grüße")),
        ",<br><b>",
        name_items(w, "N", "html", "html"),
        "</b><br>",
        dc(c.rng.choice(JOBS), "job", "html"),
        '<br>Tel: <a href="tel:',
        Put("phone", c.phone.e164, "phone/tel", "url"),
        '">',
        bare(c.phone, "html"),
        "</a></p>",
    )
    return [d]


def u_only(c: Ctx) -> list[Doc]:
    w = c.who()
    ask = Doc(B).add(
        c.rng.choice(
            (
                "What name is the order under?",
                "Wie lautet Ihr Name?",
                "¿A nombre de quién está el pedido?",
                "Adınız nedir?",
            )
        )
    )
    form = c.rng.choice(("N", "N", "F", "L"))
    return [
        ask,
        Doc(U).add(
            name_items(w, form, "only-reply", "", c.rng), c.rng.choice(("", ".", " 🙂", "!"))
        ),
    ]


def u_emoji(c: Ctx) -> list[Doc]:
    w = c.who()
    return [
        Doc(U).add(
            c.rng.choice(("heyyy 👋 ", "hiii ", "yo ")),
            any_cue(c, "intro", w),
            c.rng.choice((" 😅😅", " 🙏🙏", "!!!", " :)")),
            " ",
            c.rng.choice(BODIES),
        )
    ]


def u_typo_cue(c: Ctx) -> list[Doc]:
    w = c.who()
    tpl = c.rng.choice(
        (
            "my nmae is {N}",
            "im {F} btw",
            "myname is {F}",
            "ich heisse {F}",
            "me yamo {F}",
            "je mapelle {F}",
            "nazywam sie {N}",
        )
    )
    return [Doc(U).add(fill(tpl, w, "typo-cue", c.rng), ", ", _body(c))]


def u_other_script(c: Ctx) -> list[Doc]:
    if not c.p.given.native:
        return []
    w = c.who(native=not c.p.native_profile)
    got = cue(c, "intro", w)
    if not got:
        return []
    return [Doc(U).add(got[0], " ", _body(c))]


_STRUCT_LEADS: dict[str, tuple[str, ...]] = {
    "phone": (
        "you can call me on ",
        "meine Nummer: ",
        "mi número es ",
        "mon numéro : ",
        "numaram ",
        "tel. ",
        "WhatsApp: ",
        "call back pls ",
        "nummer is ",
        "numer telefonu: ",
        "my new number → ",
    ),
    "email": (
        "my email is ",
        "mail: ",
        "schreibt mir an ",
        "mon adresse : ",
        "e-posta adresim ",
        "send it to ",
        "correo: ",
    ),
    "card": (
        "card number ",
        "paid with ",
        "Kartennummer: ",
        "numéro de carte ",
        "kart no: ",
        "the card was ",
    ),
    "iban": ("refund to IBAN ", "my IBAN: ", "bitte auf ", "IBAN ", "hesap: ", "rekening "),
}


def u_struct(c: Ctx) -> list[Doc]:
    kind = c.rng.choice(("phone", "phone", "phone", "email", "card", "iban"))
    lead = c.rng.choice(_STRUCT_LEADS[kind])
    d = Doc(U).add(_body(c), c.rng.choice((". ", "\n", " – ")), lead)
    if kind == "phone":
        ph = c.phone if c.rng.random() < 0.5 else a_phone(c.rng)
        d.add(phone_items(ph))
    elif kind == "email":
        e = (
            c.email
            if c.rng.random() < 0.3
            else an_email(c.rng, c.p.lang, c.p.given.latin, c.p.family.latin)
        )
        d.add(e)
    elif kind == "card":
        d.add(a_card(c.rng))
    else:
        d.add(a_iban(c.rng))
    d.add(c.rng.choice(NOISE))
    return [d]


def u_email_forms(c: Ctx) -> list[Doc]:
    """Addresses as people write them to dodge spam filters, quote them or type them."""
    r = c.rng.random()
    if r < 0.45:
        local, _, host = c.email.value.partition("@")
        if not local or '"' in local or " " in c.email.value:
            return []
        at = c.rng.choice((" at ", " [at] ", "(at)", " AT ", " (at) "))
        dot = c.rng.choice((" dot ", " [dot] ", "."))
        e = Put("email", f"{local}{at}{host.replace('.', dot)}", "email/obfuscated")
    else:
        q = c.other()
        e = an_email(c.rng, q.lang, q.given.latin, q.family.latin)
        if r < 0.7:
            local = _local(c.rng, q.given.latin, q.family.latin).replace(".", " ")
            e = Put("email", f'"{local}"@{c.rng.choice(MAIL_HOME[q.lang])}', "email/quoted")
    lead = c.rng.choice(
        ("write me at ", "contact: ", "mail an ", "écrivez à ", "escríbeme a ", "yaz: ", "→ ")
    )
    return [Doc(U).add(_body(c), c.rng.choice((". ", "\n")), lead, e, c.rng.choice(NOISE))]


REFUND_LEADS = (
    "please refund to ",
    "bitte erstatten auf ",
    "remboursement sur le compte ",
    "reembolso a ",
    "rimborso su ",
    "reembolso para ",
    "iade için IBAN: ",
    "terugstorten op ",
    "zwrot na konto ",
    "رقم الآيبان: ",
    "IBAN לזיכוי: ",
    "hesap numaram ",
    "refund acct ",
)


def u_iban(c: Ctx) -> list[Doc]:
    d = Doc(U).add(c.rng.choice(REFUND_LEADS), a_iban(c.rng))
    if c.rng.random() < 0.5:
        d.add(" (", a_decoy(c.rng, c.rng.choice(("bic", "sort-code", "aba"))), ")")
    return [d.add(c.rng.choice(NOISE))]


CARD_LEADS = (
    "the charge on card ",
    "Karte ",
    "carte n° ",
    "tarjeta ",
    "carta ",
    "cartão ",
    "kart: ",
    "kaart ",
    "karta ",
    "PAN=",
    "cc# ",
    "my card ",
    "بطاقة ",
    "カード番号 ",
)


def u_card(c: Ctx) -> list[Doc]:
    d = Doc(U).add(c.rng.choice(CARD_LEADS), a_card(c.rng))
    r = c.rng.random()
    if r < 0.3:
        d.add(
            " was declined, the old one ended in ",
            dc(f"**** {c.rng.randint(1000, 9999)}", "card-tail"),
        )
    elif r < 0.6:
        d.add(", charged ", a_decoy(c.rng, "price"), " on ", a_decoy(c.rng, "date"))
    return [d.add(c.rng.choice(NOISE))]


def u_phone_many(c: Ctx) -> list[Doc]:
    d = Doc(U).add("numbers for the team:\n")
    for _ in range(c.rng.randint(2, 4)):
        ph = a_phone(c.rng)
        d.add(
            c.rng.choice(("- ", "")), dc(c.rng.choice(TEAMS), "team"), ": ", phone_items(ph), "\n"
        )
    return [d]


def u_ip(c: Ctx) -> list[Doc]:
    r = c.rng.random()
    if r < 0.5:
        ip = _v4(c.rng)
        cls = "ip/v4"
    else:
        ip, form = _v6(c.rng)
        cls = f"ip/v6-{form}"
    p = Put("ip", ip, cls, "log")
    style = c.rng.randrange(7)
    d = Doc(U)
    if style == 0:
        d.add(
            "here's the log line:\n",
            p,
            ' - - [06/Dec/2026:09:12:44 +0000] "GET /api/v2/orders HTTP/1.1" 403 512',
        )
    elif style == 1:
        d.add("fail2ban says: Ban ", p, " (sshd, port ", str(c.rng.randint(1024, 65000)), ")")
    elif style == 2:
        d.add("X-Forwarded-For: ", p, ", 10.0.3.7")
    elif style == 3:
        d.add(
            "login blocked from ",
            Put("ip", ip, cls, ""),
            c.rng.choice((" ", "?? ", ". ")),
            "that's not me",
        )
    elif style == 4:
        d.add('{"event":"login","client_ip":"', Put("ip", ip, cls, "json"), '","ok":false}')
    elif style == 5:
        d.add("allow from ", p, "/", "32" if ":" not in ip else "128", " # added by the script")
    else:
        d.add(
            "connect to ",
            ("[" if ":" in ip else ""),
            p,
            ("]" if ":" in ip else ""),
            ":",
            str(c.rng.choice((443, 8443, 22))),
            " times out",
        )
    return [d]


def u_url(c: Ctx) -> list[Doc]:
    before, secret, after, prov = url_secret(c.rng)
    lead = c.rng.choice(
        (
            "this link doesn't work: ",
            "der Link geht nicht ",
            "try ",
            "",
            "<",
            "[download](",
            "ce lien : ",
        )
    )
    close = {"<": ">", "[download](": ")"}.get(lead, "")
    return [
        Doc(U).add(
            lead,
            before,
            Put("url", secret, f"url/{prov}", "url"),
            after,
            close,
            c.rng.choice(NOISE),
        )
    ]


def u_card_json(c: Ctx) -> list[Doc]:
    w = c.who()
    d = Doc(U).add(
        '{"payment": {"holder": "',
        name_items(w, "N", "card-holder", "json"),
        '", "pan": "',
        a_card(c.rng),
        '", "amount": "',
        a_decoy(c.rng, "price"),
        '"}}',
    )
    return [d]


def u_decoys(c: Ctx) -> list[Doc]:
    d = Doc(U)
    for i in range(c.rng.randint(2, 4)):
        d.add(("" if i == 0 else c.rng.choice((". ", "; ", "\n"))), decoy_clause(c.rng))
    return [d]


def u_mailto(c: Ctx) -> list[Doc]:
    e = c.email
    if " " in e.value:
        return []
    return [
        Doc(U).add(
            'write me: <a href="mailto:',
            Put("email", e.value, e.cls, "html"),
            '">here</a> or [mail](mailto:',
            e.value,
            ")",
        )
    ]


# bot and agent


def b_greet(c: Ctx) -> list[Doc]:
    return [
        Doc(B).add(
            any_cue(c, "greet"), " ", c.rng.choice(("How can I help?", "Wie kann ich helfen?", ""))
        )
    ]


def _jesc(s: str, ascii_only: bool) -> str:
    return json.dumps(s, ensure_ascii=ascii_only)[1:-1]


THANKS = ("Danke", "Thanks", "Merci", "Gracias", "Teşekkürler")


def b_json(c: Ctx) -> list[Doc]:
    """A bot template: JSON inside the message text; some bots escape non-ASCII."""
    w = c.who()
    ascii_only = c.rng.random() < 0.35
    spot = "json-escaped" if ascii_only else "json"
    slots: dict[str, Put] = {}

    def P(p: Put) -> str:
        key = f"@@{len(slots)}@@"
        slots[key] = Put(
            p.kind,
            _jesc(p.value, ascii_only),
            p.cls,
            spot if _jesc(p.value, ascii_only) != p.value else "json",
        )
        return key

    f, la = nm(w.first, "bot-json"), nm(w.last, "bot-json")
    obj: dict[str, Any] = {
        "type": "template",
        "payload": {
            "template_type": c.rng.choice(("form", "receipt", "contact_card")),
            "customer": {"firstName": P(f), "lastName": P(la)},
            "text": f"{c.rng.choice(THANKS)} {P(nm(w.first, 'bot-json'))}!",
            "order": DECOY_MAKERS["order"](c.rng),
        },
    }
    if c.rng.random() < 0.6 and " " not in c.email.value and '"' not in c.email.value:
        obj["payload"]["customer"]["email"] = P(c.email)
    if c.rng.random() < 0.6:
        obj["payload"]["customer"]["phone"] = P(bare(c.phone))
    text = json.dumps(obj, ensure_ascii=ascii_only, indent=c.rng.choice((None, 2)))
    d = Doc(B)
    for piece in re.split(r"(@@\d+@@)", text):
        d.add(slots.get(piece, piece))
    return [d]


def b_confirm(c: Ctx) -> list[Doc]:
    r = c.rng.random()
    if r < 0.5:
        return [
            Doc(B).add(
                c.rng.choice(
                    (
                        "Got it — we'll call you on ",
                        "Noted: ",
                        "Wir rufen Sie an unter ",
                        "Vous serez rappelé au ",
                    )
                ),
                phone_items(c.phone),
                ".",
            )
        ]
    if " " in c.email.value:
        return []
    return [
        Doc(B).add(
            c.rng.choice(
                ("We'll send the receipt to ", "Bestätigung geht an ", "Le reçu sera envoyé à ")
            ),
            Put("email", c.email.value, c.email.cls),
            ".",
        )
    ]


def b_decoy(c: Ctx) -> list[Doc]:
    d = Doc(B).add(
        "Order ",
        a_decoy(c.rng, "order"),
        " ships ",
        a_decoy(c.rng, "weekday"),
        " via ",
        a_decoy(c.rng, "tracking"),
        ". Total: ",
        a_decoy(c.rng, "price"),
        ".",
    )
    return [d]


def misspelt(rng: random.Random, name: str) -> str:
    """The name as a hurried agent types it: two letters swapped or one doubled."""
    if len(name) < 4 or not name.isalpha():
        return name
    i = rng.randrange(1, len(name) - 2)
    if rng.random() < 0.5 and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name[: i + 1] + name[i] + name[i + 1 :]


def a_typo_greet(c: Ctx) -> list[Doc]:
    w = c.who()
    typo = misspelt(c.rng, w.first)
    if typo == w.first or w.native:
        return []
    lead = c.rng.choice(("Hi ", "Hallo ", "Bonjour ", "Hola ", "Merhaba ", "Dear "))
    return [
        Doc(A).add(
            lead,
            nm(typo, "typo-greet"),
            ", ",
            c.rng.choice(("checking now.", "thanks for waiting!")),
        )
    ]


def a_handoff(c: Ctx) -> list[Doc]:
    q = c.other().who()
    return [Doc(B).add(any_cue(c, "hand", q))]


def a_titled(c: Ctx) -> list[Doc]:
    w = c.who()
    if w.native or w.lang not in TITLES:
        return []
    tpl = TITLES[w.lang][1 if c.p.female else 0]
    lead = c.rng.choice(("Thank you, ", "Danke, ", "Merci, ", "Gracias, ", "OK ", ""))
    return [
        Doc(A).add(
            lead,
            fill(tpl, w, f"title-{w.lang}", c.rng),
            c.rng.choice((", I've escalated it.", ". One moment please.", " — done.")),
        )
    ]


def a_signoff(c: Ctx) -> list[Doc]:
    q = c.other().who()
    return [
        Doc(A).add(
            "I've refunded ",
            a_decoy(c.rng, "price"),
            ".\n\n",
            any_cue(c, "signoff", q),
            "\n",
            dc(c.rng.choice(TEAMS), "team", "signature"),
        )
    ]


# raw free-text fields

RAW_FIELDS = ("feedback", "summary", "notes", "agent_notes", "resolution", "comment")


def r_note(c: Ctx) -> list[Doc]:
    fld = c.raw_field(RAW_FIELDS)
    if fld is None:
        return []
    w = c.who()
    d = Doc(f"raw:{fld}")
    style = c.rng.randrange(4)
    if style == 0:
        d.add(
            "Cust ",
            name_items(w, "N", "raw-note", "", c.rng),
            " called re refund; callback ",
            phone_items(c.phone),
            ". ",
            decoy_clause(c.rng),
        )
    elif style == 1:
        q = c.other().who()
        d.add(
            a_decoy(c.rng, "date"),
            ": spoke w/ ",
            name_items(q, "F", "raw-note", "", c.rng),
            " (spouse), prefers mail ",
            Put("email", c.email.value, c.email.cls) if " " not in c.email.value else "",
            " ",
            decoy_clause(c.rng),
        )
    elif style == 2:
        d.add(
            c.rng.choice(("great service!!", "too slow", "agent was rude", "super Service, danke")),
            " — ",
            name_items(w, "F", "raw-note", "", c.rng),
        )
    else:
        d.add(
            "refund to ",
            a_iban(c.rng),
            " approved by ",
            dc(c.rng.choice(JOBS), "job"),
            "; ",
            decoy_clause(c.rng),
        )
    return [d]


def r_tags(c: Ctx) -> list[Doc]:
    if c.raw_field(("tags_text",)) is None:
        return []
    w = c.who()
    d = Doc("raw:tags_text").add(
        "vip, ",
        dc(c.rng.choice(("Austin", "Chelsea", "Georgia", "Aurora")), "place"),
        "-store, owner=",
        name_items(w, "L", "raw-tag", "kv", c.rng),
        ", ",
        a_decoy(c.rng, "sku"),
    )
    return [d]


USER_UNITS: tuple[tuple[Callable[[Ctx], list[Doc]], int], ...] = (
    (u_intro, 10),
    (u_signoff, 7),
    (u_relation, 4),
    (u_said, 3),
    (u_signature, 5),
    (u_sigline, 4),
    (u_headers, 3),
    (u_quoted, 3),
    (u_csv, 3),
    (u_form, 3),
    (u_md_table, 2),
    (u_list, 2),
    (u_third, 3),
    (u_mention, 2),
    (u_chatlog, 2),
    (u_yaml, 2),
    (u_html, 2),
    (u_only, 3),
    (u_emoji, 3),
    (u_typo_cue, 2),
    (u_other_script, 2),
    (u_struct, 14),
    (u_phone_many, 3),
    (u_email_forms, 3),
    (u_iban, 4),
    (u_card, 4),
    (a_typo_greet, 1),
    (u_ip, 5),
    (u_url, 6),
    (u_card_json, 2),
    (u_decoys, 6),
    (u_mailto, 1),
    (b_greet, 5),
    (b_json, 4),
    (b_confirm, 4),
    (b_decoy, 3),
    (a_handoff, 3),
    (a_titled, 3),
    (a_signoff, 2),
    (r_note, 6),
    (r_tags, 1),
)


# --- conversations ----------------------------------------------------------------------------


def profile(c: Ctx) -> tuple[dict[str, Any], str, str]:
    """The record the platform sends with the conversation, and the names it holds."""
    w = c.who()
    e164 = c.phone.e164
    email = c.email.value
    if c.platform == "peki":
        prof: dict[str, Any] = {
            "chatbotId": "bot-9",
            "firstName": w.first,
            "lastName": w.last,
            "email": email,
            "phoneNumber": e164,
            "username": fold(w.first).lower() + str(c.rng.randint(1, 999)),
            "source": "Dev",
            "dataDictionary": {
                "city": c.rng.choice(("Izmir", "Lyon", "Cebu", "Nairobi", "Gdańsk"))
            },
        }
    elif c.platform == "kore":
        tags: list[dict[str, str]] = []
        if c.rng.random() < 0.3:
            tags = [{"name": "FirstName", "value": w.first}, {"name": "LastName", "value": w.last},
                    {"name": "emailId", "value": email}]  # fmt: skip
        elif c.rng.random() < 0.8:
            tags = [
                {"name": "fullName", "value": w.full},
                {"name": "email", "value": email},
                {"name": "phone", "value": e164},
            ]
        prof = {
            "channel": "rtm",
            "session_lang": [c.p.lang],
            "sessionType": "interactive",
            "tags": {"userTags": tags, "sessionTags": []},
        }
    else:
        prof = {
            "agent_id": "agent-9",
            "status": "closed",
            "message_count": 0,
            "user_info": {"name": w.full, "email": email, "phone": e164, "location": "n/a"},
            "ip_address": _v4(c.rng),
            "metadata": {"source": "widget", "device": "mobile"},
        }
    return prof, w.first, w.last


def _put_raw(prof: dict[str, Any], platform: str, t: Text) -> None:
    fld = t.where[4:]
    if platform == "selise":
        prof[fld] = t.text
    elif platform == "kore":
        prof["tags"]["sessionTags"].append({"name": fld, "value": t.text})
    else:
        prof["dataDictionary"][fld] = t.text


def _draw(rng: random.Random, make: Callable[[], list[Doc]]) -> list[Text9]:
    for _ in range(30):
        docs = make()
        texts = []
        for d in docs:
            if d.where == U and rng.random() < 0.08:
                d = d.lowered()
            texts.append(d.build())
        if texts and all(t.text and not problems(t) for t in texts):
            return texts
    return []


def _conversation(rng: random.Random, lang: str | None) -> tuple[Conversation, set[str]]:
    p = make_person(rng, lang)
    platform = rng.choice(("peki", "kore", "selise"))
    region = rng.choice(HOME[p.lang])
    phone = a_phone(rng, region, own=True)
    while phone.prefix or phone.suffix:
        phone = a_phone(rng, region, own=True)
    email = an_email(rng, p.lang, p.given.latin, p.family.latin)
    while email.cls in ("email/obfuscated", "email/quoted"):
        email = an_email(rng, p.lang, p.given.latin, p.family.latin)
    c = Ctx(rng, p, platform, email, phone)
    units, weights = zip(*USER_UNITS, strict=True)
    texts: list[Text9] = []
    if rng.random() < 0.6:  # most people open with who they are
        texts += _draw(rng, lambda: u_intro(c))
    for _ in range(rng.randint(5, 11)):
        unit = rng.choices(units, weights)[0]
        texts += _draw(rng, lambda u=unit: u(c))  # type: ignore[misc]
    if not any(t.where.startswith("message") for t in texts):
        texts += _draw(rng, lambda: b_decoy(c))
    prof, first, last = profile(c)
    for t in texts:
        if t.where.startswith("raw:"):
            _put_raw(prof, platform, t)
    person = Person(p.lang, first, last, email.value, phone.e164, phone.value, region)
    names = {plain(first), plain(last), plain(p.given.latin), plain(p.family.latin)}
    for q in [p, *c.others]:
        for e in (q.given, q.family):
            names |= {plain(e.latin)} | ({plain(e.native)} if e.native else set())
            names.add(plain(fold(e.latin)))
    # particles ("van", "de", "bin") are words of the text, not of the name
    names = {n for part in names for n in part.split() if len(n) > 1 and n not in PARTICLES}
    return Conversation(platform, person, prof, list(texts)), names


PARTICLES = {"van", "den", "der", "de", "da", "del", "la", "le", "bin", "binti", "dela", "al", "el"}


def conversation(rng: random.Random, lang: str | None = None) -> Conversation:
    """One person's conversation; drawn again while a name of it stands unplanted somewhere."""
    while True:
        conv, guard = _conversation(rng, lang)
        if not stray_names(conv.texts, guard):
            return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until at least ``n`` texts (messages and free-text fields)."""
    rng = random.Random(f"held-out bank 9/{seed}")
    out: list[Conversation] = []
    count = 0
    order = rng.sample(LANGS, len(LANGS))  # every language in turn, so none is left out by chance
    while count < n:
        conv = conversation(rng, order[len(out) % len(order)])
        out.append(conv)
        count += len(conv.texts)
    return out


# --- what a bank holds --------------------------------------------------------------------------


def _name_form(value: str) -> str:
    if "\\u" in value:
        return "escaped"
    if any(ord(c) > 0x24F for c in value):
        return "native-script"
    if value.islower():
        return "lower"
    if value.isupper() and len(value) > 1:
        return "upper"
    return "diacritics" if fold(value) != value else "ascii"


def _cc_of(value: str, cls: str) -> str:
    if cls.startswith("phone/national-"):
        return "national " + cls.split("-", 1)[1]
    v = value.replace("(0)", "")
    digits = re.sub(r"\D", "", v)
    digits = digits[2:] if v.startswith("00") else digits
    try:
        return f"+{phonenumbers.parse('+' + digits, None).country_code}"
    except phonenumbers.NumberParseException:
        return "?"


def composition(convs: list[Conversation]) -> dict[str, Counter[str]]:
    """Planted occurrences by kind, class, position, name form and phone country; people by
    language; texts by place and platform."""
    out: dict[str, Counter[str]] = {
        k: Counter()
        for k in ("kind", "class", "spot", "name_form", "origin", "where", "platform", "phone_cc")
    }
    for c in convs:
        out["origin"][c.person.lang] += 1
        out["platform"][c.platform] += 1
        for t in c.texts:
            out["where"][t.where] += 1
            spots = t.spots if isinstance(t, Text9) else ["?"] * len(t.planted)
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
