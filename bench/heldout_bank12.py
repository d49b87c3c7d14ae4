"""Held-out bank 12 for the masking evaluation: many languages, many containers.

Written from the evaluation's interface alone (``bench/masking_quality.py`` and the data classes
of ``bench/heldout_corpus.py``), without looking at how values are detected, so its figures are
held-out figures. What is new here:

- names of 61 languages, many rarely covered (Amharic in Ge'ez, Sinhala, Tamil, Telugu, Khmer,
  Lao, Burmese, Mongolian Cyrillic, Kazakh, Uzbek Latin, Azerbaijani, Albanian, Icelandic,
  Maltese, Basque, Catalan, Welsh, Irish, Yoruba with tone marks, Igbo, Hausa with hooked
  letters, Swahili, Zulu, Tagalog, Malay with ``bin``/``binti``, Indonesian mononyms, ...), in
  their script and transliterated, with particles left unplanted, initials, nicknames, typos,
  CAPS and lower case;
- containers: Markdown tables, YAML, XML, vCard, iCalendar, e-mail headers with display names,
  forwarded threads, chat transcripts with timestamps and speakers, SMS, voice-to-text
  transcripts (lower case, no punctuation), JSON logs (some ``\\u``-escaped), syslog lines,
  form submissions, address labels, meeting minutes, invoices, CRM notes, tickets, CSV, HTML,
  social posts with hashtags and @mentions, profile links whose path holds a name, people
  addressed with the titles of their language (``Frau``, ``አቶ``, ``Bwana``, ``Pak``, ``様``,
  ``님``, ``คุณ`` written on);
- positions: start and end of a text, after an emoji, in parentheses, in quotes, after ``#``
  and ``@``, in a URL path, and in the session record's free-text fields (``raw:<field>``);
- decoys of some fifty classes that must stay (checksummed identifiers that are not personal:
  ABA routing numbers, GTINs, ISBNs, IMO numbers, container codes, UPU tracking numbers; brand,
  car model, place, street and bot names that look like people's; calendar words; dates of
  other calendars; ...).

Every planted value is ``(kind, value as written, class)``; classes read ``kind/what``
(``name/<container>-<part><variant>`` for names). ``Text12.origins`` gives each value's origin
(the name's language, the phone's region, the card's issuer, the IBAN's country) and
``Text12.spot`` the container, for ``composition``.

    .venv/bin/python bench/heldout_bank12.py [--texts 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import re
import sys
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.heldout_corpus import Conversation, Person, Planted, Text

# --- names ---------------------------------------------------------------------------------------
# lang: (phone regions, order "gf" given first | "fg" family first, given names, family names).
# "native|latin" gives a name in its script and its usual transliteration. Lower-case words in a
# family entry are particles, never planted.

_NAMES: dict[str, tuple[tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]] = {
    "en": (("GB", "US", "AU", "NZ", "CA"), "gf",
           ("Gemma", "Kieran", "Bethany", "Lachlan", "Rebecca", "Toby", "Mary-Kate", "Jonathan"),
           ("Fitzgerald", "Oakley", "Hadley", "Winterbourne", "Beaumont", "Ashcroft")),
    "de": (("DE", "AT", "CH"), "gf",
           ("Jannik", "Friederike", "Mats", "Henrike", "Lennart", "Wiebke", "Kai-Uwe"),
           ("Schäfer", "Brüggemann", "Kühn", "von Bülow", "Meyer-Landrut", "Weißkopf")),
    "fr": (("FR", "BE", "CH", "CA"), "gf",
           ("Anne-Sophie", "Loïc", "Maëlle", "Clémence", "Gaëtan", "Éloïse"),
           ("Lefèvre", "de la Fontaine", "Rousseau", "Chevalier", "Girardot", "Duchêne")),
    "es": (("ES", "MX", "AR", "CO", "CL", "PE"), "gf",
           ("Rocío", "Álvaro", "Inmaculada", "Jesús", "Ximena", "Maite"),
           ("Ibáñez", "Delgado", "Cuesta", "Fernández", "de la Serna", "Peñalosa")),
    "it": (("IT",), "gf",
           ("Niccolò", "Beatrice", "Ludovica", "Matteo", "Gianmarco", "Chiara"),
           ("D'Angelo", "Esposito", "di Stefano", "Lombardi", "Ricciardi", "Bellucci")),
    "pt": (("PT", "BR", "AO", "MZ"), "gf",
           ("João", "Conceição", "Thiago", "Luana", "Gonçalo", "Inês"),
           ("dos Santos", "Gonçalves", "Magalhães", "Carvalho", "Assunção", "Figueiredo")),
    "nl": (("NL", "BE"), "gf",
           ("Sanne", "Daan", "Femke", "Joost", "Lieke", "Sjoerd"),
           ("van der Berg", "de Vries", "Bakker", "van Dijk", "Visser", "IJzerman")),
    "pl": (("PL",), "gf",
           ("Małgorzata", "Krzysztof", "Agnieszka", "Wojciech", "Zofia", "Grzegorz"),
           ("Wiśniewska", "Kowalczyk", "Szczepański", "Dąbrowska", "Wójcik", "Żurawski")),
    "sv": (("SE", "FI"), "gf",
           ("Åsa", "Björn", "Linnéa", "Gustav", "Ebba", "Oskar"),
           ("Lindqvist", "Bergström", "Sjöberg", "Åkesson", "Nyström", "Holmgren")),
    "am": (("ET",), "gf",
           ("አበበ|Abebe", "ሰላም|Selam", "ዳዊት|Dawit", "ሄኖክ|Henok", "መሠረት|Meseret", "ብርሃኑ|Birhanu"),
           ("ተስፋዬ|Tesfaye", "ገብረመድህን|Gebremedhin", "ወልደማርያም|Woldemariam", "በቀለ|Bekele",
            "ኃይሌ|Haile", "አለሙ|Alemu")),
    "si": (("LK",), "gf",
           ("කසුන්|Kasun", "නිමල්|Nimal", "සඳුනි|Sanduni", "දිල්ශාන්|Dilshan", "තරිඳු|Tharindu",
            "හසිනි|Hasini"),
           ("පෙරේරා|Perera", "ජයසූරිය|Jayasuriya", "බණ්ඩාර|Bandara", "විජේසිංහ|Wijesinghe",
            "රණසිංහ|Ranasinghe", "ගුණවර්ධන|Gunawardena")),
    "ta": (("IN", "LK", "SG", "MY"), "gf",
           ("அருண்|Arun", "கவிதா|Kavitha", "செல்வம்|Selvam", "மீனாட்சி|Meenakshi",
            "கார்த்திக்|Karthik", "தமிழ்செல்வி|Tamilselvi"),
           ("சுப்பிரமணியம்|Subramaniam", "ராஜேந்திரன்|Rajendran", "பாலகிருஷ்ணன்|Balakrishnan",
            "முருகன்|Murugan", "சண்முகம்|Shanmugam", "வேலுசாமி|Velusamy")),
    "te": (("IN",), "gf",
           ("శ్రీనివాస్|Srinivas", "లక్ష్మి|Lakshmi", "వెంకట్|Venkat", "రమ్య|Ramya",
            "హారిక|Harika", "ప్రవీణ్|Praveen"),
           ("రెడ్డి|Reddy", "నాయుడు|Naidu", "చౌదరి|Chowdary", "వర్మ|Varma", "కొండపల్లి|Kondapalli",
            "గుంటూరు|Gunturu")),
    "km": (("KH",), "fg",
           ("សុភា|Sophea", "វណ្ណា|Vanna", "ដារ៉ា|Dara", "សុខា|Sokha", "ចាន់ថា|Chantha",
            "ពិសិដ្ឋ|Piseth"),
           ("ហេង|Heng", "ជា|Chea", "លឹម|Lim", "គង់|Kong", "ស៊ុន|Sun", "ឈឿន|Chhoeun")),
    "lo": (("LA",), "gf",
           ("ສົມພອນ|Somphone", "ບຸນມີ|Bounmy", "ຄຳພູ|Khamphou", "ນາລີ|Nalee", "ວັນນາ|Vanna",
            "ແສງເດືອນ|Sengdeuane"),
           ("ພົມມະວົງ|Phommavong", "ສີສຸວັນ|Sisouvanh", "ແກ້ວມະນີ|Keomany", "ວົງສາ|Vongsa",
            "ຈັນທະລາ|Chanthala", "ອິນທະວົງ|Inthavong")),
    "mn": (("MN",), "fg",
           ("Батболд|Batbold", "Оюунчимэг|Oyunchimeg", "Энхжаргал|Enkhjargal", "Тэмүүлэн|Temuulen",
            "Сарангэрэл|Sarangerel", "Ганбаатар|Ganbaatar"),
           ("Дорж|Dorj", "Нямдаваа|Nyamdavaa", "Лхагва|Lkhagva", "Цэрэн|Tseren", "Пүрэв|Purev",
            "Гантулга|Gantulga")),
    "kk": (("KZ",), "gf",
           ("Айгерім|Aigerim", "Нұрлан|Nurlan", "Ержан|Yerzhan", "Асқар|Askar", "Гүлназ|Gulnaz",
            "Мадина|Madina"),
           ("Сейітқали|Seitkali", "Жақсыбеков|Zhaksybekov", "Нұрмағамбетов|Nurmagambetov",
            "Оспанова|Ospanova", "Төлеуова|Toleuova", "Байжанов|Baizhanov")),
    "uz": (("UZ",), "gf",
           ("Dilnoza", "Oʻtkir", "Jasur", "Gulnora", "Shoxruh", "Sardor"),
           ("Karimova", "Toʻxtayev", "Rahimov", "Yoʻldosheva", "Ismoilov", "Xolmatov")),
    "az": (("AZ",), "gf",
           ("Ləman", "Elçin", "Günay", "Rəşad", "Aytən", "Tural"),
           ("Məmmədov", "Əliyeva", "Hüseynov", "Quliyeva", "Nəsirli", "Cəfərov")),
    "sq": (("AL", "XK", "MK"), "gf",
           ("Arbër", "Blerta", "Dritan", "Elira", "Gëzim", "Mimoza"),
           ("Hoxha", "Krasniqi", "Berisha", "Gashi", "Dervishi", "Shehu")),
    "is": (("IS",), "gf",
           ("Guðrún", "Sigurður", "Þórdís", "Ragnar", "Hrafnhildur", "Kjartan"),
           ("Jónsdóttir", "Gunnarsson", "Sigurðardóttir", "Þorsteinsson", "Ólafsdóttir",
            "Magnússon")),
    "mt": (("MT",), "gf",
           ("Ġużeppi", "Marija", "Ċensu", "Pawlu", "Mariella", "Rita"),
           ("Camilleri", "Vella", "Farrugia", "Żammit", "Grech", "Azzopardi")),
    "eu": (("ES", "FR"), "gf",
           ("Ainhoa", "Iñaki", "Garazi", "Unai", "Nerea", "Aitor"),
           ("Etxeberria", "Goikoetxea", "Agirre", "Urrutia", "Zubizarreta", "Arrieta")),
    "ca": (("ES", "AD"), "gf",
           ("Jordi", "Montserrat", "Núria", "Meritxell", "Arnau", "Pol"),
           ("Puig", "Ferrer", "Vilaró", "Casals", "Soler", "Roca")),
    "cy": (("GB",), "gf",
           ("Siân", "Gruffydd", "Angharad", "Rhodri", "Ffion", "Iolo"),
           ("Llywelyn", "Pritchard", "Bowen", "Prys", "Rees", "Vaughan")),
    "ga": (("IE",), "gf",
           ("Aoife", "Siobhán", "Niamh", "Oisín", "Caoimhe", "Pádraig"),
           ("O'Neill", "O'Dwyer", "Kavanagh", "MacNamara", "Breathnach", "Ó Ceallaigh")),
    "yo": (("NG", "BJ"), "gf",
           ("Adébáyọ̀|Adebayo", "Olúwaṣeun|Oluwaseun", "Títílayọ̀|Titilayo", "Kẹ́hìndé|Kehinde",
            "Fúnmiláyọ̀|Funmilayo", "Bọ́lá|Bola"),
           ("Adéyẹmí|Adeyemi", "Ògúnlẹ́yẹ|Ogunleye", "Babátúndé|Babatunde", "Ọládipọ̀|Oladipo",
            "Akínwùmí|Akinwumi", "Fáṣọlá|Fashola")),
    "ig": (("NG",), "gf",
           ("Chukwuemeka", "Ngozi", "Chiamaka", "Obinna", "Adaeze", "Ikenna"),
           ("Okonkwo", "Nwosu", "Okafor", "Nwachukwu", "Okeke", "Eze")),
    "ha": (("NG", "NE", "GH"), "gf",
           ("Abubakar", "Zainab", "Hadiza", "Aminu", "Binta", "Ƙasimu|Kasimu"),
           ("Bello", "Garba", "Ɗanladi|Danladi", "Abdullahi", "Ɓata|Bata", "Sani")),
    "sw": (("KE", "TZ", "UG"), "gf",
           ("Amani", "Baraka", "Neema", "Juma", "Rehema", "Zawadi"),
           ("Mwakyusa", "Kikwete", "Mrisho", "Njoroge", "Wanjiru", "Mushi")),
    "zu": (("ZA",), "gf",
           ("Sipho", "Nomvula", "Thandeka", "Bongani", "Zanele", "Lwazi"),
           ("Dlamini", "Ndlovu", "Mkhize", "Zungu", "Khumalo", "Ngcobo")),
    "tl": (("PH",), "gf",
           ("Maricel", "Jericho", "Rowena", "Danilo", "Maria Clara", "Rodel"),
           ("Macaraeg", "Dimaculangan", "Bautista", "Villanueva", "Pangilinan", "Manalo")),
    "ms": (("MY", "SG", "BN"), "gf",
           ("Siti Nurhaliza", "Ahmad", "Nurul", "Faizal", "Azlina", "Hafiz"),
           ("bin Ismail", "binti Othman", "bin Yusof", "binti Hamzah", "bin Rahman",
            "binti Abdullah")),
    "id": (("ID",), "gf",
           ("Wahyu", "Dewi", "Putri", "Agus", "Sri", "Budi", "Sukarni"),
           ("Santoso", "Wijaya", "Kusuma", "Hartono", "Setiawan", "Prasetyo", "")),
    "vi": (("VN",), "fg",
           ("Thị Hương", "Đức Anh", "Ngọc Lan", "Minh Khoa", "Thị Thảo", "Quốc Dũng"),
           ("Nguyễn", "Trần", "Phạm", "Hoàng", "Võ", "Đặng")),
    "he": (("IL",), "gf",
           ("נועה|Noa", "איתי|Itai", "שירה|Shira", "יונתן|Yonatan", "תמר|Tamar", "אורי|Uri"),
           ("כהן|Cohen", "לוי|Levi", "מזרחי|Mizrahi", "פרץ|Peretz", "ביטון|Biton",
            "אברהמי|Avrahami")),
    "fa": (("IR",), "gf",
           ("سارا|Sara", "امید|Omid", "نگار|Negar", "مهدی|Mehdi", "پریسا|Parisa", "کاوه|Kaveh"),
           ("رضایی|Rezaei", "حسینی|Hosseini", "کریمی|Karimi", "محمدی|Mohammadi",
            "تهرانی|Tehrani", "نوروزی|Nowruzi")),
    "ur": (("PK",), "gf",
           ("عائشہ|Ayesha", "عمران|Imran", "فاطمہ|Fatima", "بلال|Bilal", "سدرہ|Sidra",
            "حمزہ|Hamza"),
           ("قریشی|Qureshi", "چوہدری|Chaudhry", "ملک|Malik", "شیخ|Sheikh", "رانا|Rana",
            "بٹ|Butt")),
    "ps": (("AF", "PK"), "gf",
           ("ملالۍ|Malalai", "وحید|Waheed", "زرمینه|Zarmina", "نجیب|Najib", "ګلالۍ|Gulalai",
            "شینکۍ|Shinkai"),
           ("یوسفزی|Yousafzai", "خټک|Khattak", "اڅکزی|Achakzai", "پوپلزی|Popalzai",
            "مومند|Mohmand", "آفریدی|Afridi")),
    "bn": (("BD", "IN"), "gf",
           ("অনন্যা|Ananya", "রাহুল|Rahul", "তানভীর|Tanvir", "নুসরাত|Nusrat", "সৌমিত্র|Soumitra",
            "ফারহানা|Farhana"),
           ("চক্রবর্তী|Chakraborty", "রহমান|Rahman", "হোসেন|Hossain", "দাশগুপ্ত|Dasgupta",
            "মজুমদার|Majumder", "তালুকদার|Talukder")),
    "ne": (("NP",), "gf",
           ("सुनिता|Sunita", "बिकाश|Bikash", "प्रकृति|Prakriti", "रमेश|Ramesh", "अनिशा|Anisha",
            "सुमन|Suman"),
           ("श्रेष्ठ|Shrestha", "अधिकारी|Adhikari", "गुरुङ|Gurung", "तामाङ|Tamang", "पौडेल|Poudel",
            "थापा|Thapa")),
    "el": (("GR", "CY"), "gf",
           ("Ελένη|Eleni", "Γιώργος|Giorgos", "Κατερίνα|Katerina", "Δημήτρης|Dimitris",
            "Χαράλαμπος|Charalampos", "Νίκος|Nikos"),
           ("Παπαδοπούλου|Papadopoulou", "Οικονόμου|Oikonomou", "Καραγιάννης|Karagiannis",
            "Βασιλείου|Vasileiou", "Αντωνίου|Antoniou", "Μαυρίδης|Mavridis")),
    "uk": (("UA",), "gf",
           ("Олена|Olena", "Тарас|Taras", "Ярина|Yaryna", "Богдан|Bohdan", "Мар'яна|Mariana",
            "Андрій|Andrii"),
           ("Шевченко|Shevchenko", "Коваленко|Kovalenko", "Ґаврилюк|Gavryliuk",
            "Мельник|Melnyk", "Бондаренко|Bondarenko", "Ткачук|Tkachuk")),
    "sr": (("RS", "BA", "ME"), "gf",
           ("Милица|Milica", "Никола|Nikola", "Јелена|Jelena", "Душан|Dušan", "Ђорђе|Đorđe",
            "Вук|Vuk"),
           ("Јовановић|Jovanović", "Петровић|Petrović", "Николић|Nikolić",
            "Ђорђевић|Đorđević", "Стојановић|Stojanović", "Марковић|Marković")),
    "ru": (("RU", "BY"), "gf",
           ("Светлана|Svetlana", "Дмитрий|Dmitry", "Ксения|Kseniya", "Аркадий|Arkady",
            "Евгения|Yevgeniya", "Всеволод|Vsevolod"),
           ("Кузнецова|Kuznetsova", "Соловьёв|Solovyov", "Воробьёва|Vorobyova",
            "Рахманинов|Rakhmaninov", "Щербакова|Shcherbakova", "Белоусов|Belousov")),
    "fi": (("FI",), "gf",
           ("Aino", "Eetu", "Kerttu", "Ville", "Sanni", "Tuomas"),
           ("Virtanen", "Korhonen", "Mäkelä", "Häkkinen", "Nieminen", "Järvinen")),
    "hu": (("HU",), "fg",
           ("Zsófia", "Bence", "Réka", "Levente", "Eszter", "Gergő"),
           ("Nagy", "Kovács", "Szabó", "Tóth", "Horváth", "Kiss")),
    "lt": (("LT",), "gf",
           ("Rūta", "Mantas", "Gintarė", "Žygimantas", "Ieva", "Darius"),
           ("Kazlauskas", "Petrauskaitė", "Jankauskas", "Žukauskienė", "Butkus", "Paulauskas")),
    "lv": (("LV",), "gf",
           ("Līga", "Kārlis", "Ilze", "Jānis", "Zane", "Artūrs"),
           ("Bērziņš", "Kalniņa", "Ozols", "Liepiņa", "Krūmiņš", "Vītola")),
    "et": (("EE",), "gf",
           ("Kadri", "Margus", "Triin", "Rasmus", "Liis", "Tõnu"),
           ("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Rebane")),
    "tr": (("TR", "CY"), "gf",
           ("Ayşe", "Emre", "Gökçe", "Barış", "Şule", "Oğuz"),
           ("Yılmaz", "Öztürk", "Çelik", "Şahin", "Aydın", "Kılıç")),
    "ro": (("RO", "MD"), "gf",
           ("Ioana", "Mihai", "Ștefania", "Radu", "Bianca", "Sorin"),
           ("Popescu", "Ionescu", "Constantinescu", "Munteanu", "Țurcanu", "Stănescu")),
    "cs": (("CZ", "SK"), "gf",
           ("Tereza", "Jiří", "Kateřina", "Ondřej", "Lucie", "Vojtěch"),
           ("Novák", "Dvořáková", "Procházka", "Černý", "Svobodová", "Kučera")),
    "ar": (("EG", "MA", "JO", "AE", "SA", "LB", "TN"), "gf",
           ("مريم|Maryam", "يوسف|Youssef", "ليلى|Layla", "خالد|Khaled", "نور|Nour", "طارق|Tarek"),
           ("حداد|Haddad", "منصور|Mansour", "العتيبي|Al-Otaibi", "الخطيب|Al-Khatib",
            "سليمان|Suleiman", "البرغوثي|Barghouti")),
    "ka": (("GE",), "gf",
           ("ნინო|Nino", "გიორგი|Giorgi", "თამარ|Tamar", "ლევან|Levan", "მარიამ|Mariam",
            "დავით|Davit"),
           ("ბერიძე|Beridze", "კაპანაძე|Kapanadze", "გელაშვილი|Gelashvili", "ლომიძე|Lomidze",
            "ჯაფარიძე|Japaridze", "მამულაშვილი|Mamulashvili")),
    "hy": (("AM",), "gf",
           ("Անի|Ani", "Արամ|Aram", "Լուսինե|Lusine", "Նարեկ|Narek", "Տիգրան|Tigran",
            "Սիրանուշ|Siranush"),
           ("Հակոբյան|Hakobyan", "Սարգսյան|Sargsyan", "Պետրոսյան|Petrosyan",
            "Մկրտչյան|Mkrtchyan", "Ղազարյան|Ghazaryan", "Ավետիսյան|Avetisyan")),
    "th": (("TH",), "gf",
           ("สมชาย|Somchai", "วรรณา|Wanna", "ณัฐพล|Nattapon", "กมลชนก|Kamonchanok",
            "อรุณี|Arunee", "ธนากร|Thanakorn"),
           ("ศรีสวัสดิ์|Srisawat", "วงศ์ใหญ่|Wongyai", "ทองดี|Thongdee", "แก้วมณี|Kaewmanee",
            "บุญมา|Boonma", "จันทร์เพ็ญ|Chanpen")),
}  # fmt: skip

# Languages whose native full name is written without a space: "native|Family Given" (latin).
_JOINED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "zh": (("CN", "TW", "SG", "HK"),
           ("王秀英|Wang Xiuying", "陈志强|Chen Zhiqiang", "林雅婷|Lin Yating",
            "黄嘉欣|Huang Jiaxin",
            "刘子轩|Liu Zixuan", "郭思远|Guo Siyuan", "欧阳娜娜|Ouyang Nana")),
    "ja": (("JP",),
           ("佐藤美咲|Sato Misaki", "鈴木大翔|Suzuki Hiroto", "高橋結衣|Takahashi Yui",
            "渡辺蓮|Watanabe Ren", "山本葵|Yamamoto Aoi", "中村悠真|Nakamura Yuma")),
    "ko": (("KR",),
           ("김민준|Kim Minjun", "이서연|Lee Seoyeon", "박지호|Park Jiho", "최유진|Choi Yujin",
            "정하은|Jung Haeun", "강도윤|Kang Doyun")),
    "my": (("MM",),
           ("အောင်ကျော်မိုး|Aung Kyaw Moe", "ဇော်မင်းထွန်း|Zaw Min Htun", "နီလာဝင်း|Nilar Win",
            "သက်ထားဆွေ|Thet Htar Swe", "မြတ်နိုးဦး|Myat Noe Oo", "ကျော်ဇင်လင်း|Kyaw Zin Linn")),
}  # fmt: skip

_NICKS: dict[str, str] = {
    "Rebecca": "Becky", "Jonathan": "Jonny", "Friederike": "Rike", "Inmaculada": "Inma",
    "Jesús": "Chuy", "Gianmarco": "Gian", "Małgorzata": "Gosia", "Krzysztof": "Krzyś",
    "Wojciech": "Wojtek", "Dmitry": "Dima", "Svetlana": "Sveta", "Всеволод": "Сева",
    "Ксения": "Ксюша", "Oluwaseun": "Seun", "Chukwuemeka": "Emeka", "Guðrún": "Gunna",
    "Sigurður": "Siggi", "Ġużeppi": "Pepp", "Iñaki": "Iñakitxo", "Montserrat": "Montse",
    "Pádraig": "Paddy", "Abubakar": "Abu", "Hadiza": "Dizo", "Danilo": "Danny",
    "Maricel": "Cel", "Jericho": "Echo", "Χαράλαμπος": "Μπάμπης", "Charalampos": "Babis",
    "Андрій": "Андрійко", "Тарас": "Тарасик", "Bohdan": "Bodya", "Aleksandr": "Sasha",
    "Srinivas": "Srini", "Karthik": "Karthi", "Tharindu": "Tharu", "Yerzhan": "Yerzh",
    "Shoxruh": "Shox", "Elçin": "Elço", "Žygimantas": "Žygis", "Kateřina": "Káťa",
    "Ondřej": "Ondra", "Vojtěch": "Vojta", "Ștefania": "Fănica", "Gergő": "Geri",
    "Yevgeniya": "Zhenya", "Kamonchanok": "Chanok", "Thanakorn": "Korn", "Sengdeuane": "Seng",
    "Bethany": "Beth", "Lachlan": "Lachie", "Kieran": "Kez", "Lennart": "Lenny",
    "Henrike": "Henni", "Clémence": "Clem", "Rocío": "Ro", "Ludovica": "Ludo",
    "Niccolò": "Nicco", "Beatrice": "Bea", "Gonçalo": "Gonça", "João": "Joãozinho",
    "Femke": "Fem", "Youssef": "Joe", "يوسف": "جو", "Dilshan": "Dil", "Meenakshi": "Meena",
    "Rehema": "Rehe", "Bongani": "Bongs", "Putri": "Put", "Κατερίνα": "Κατερινιώ",
    "Katerina": "Kat", "Δημήτρης": "Μήτσος", "Dimitris": "Mitsos", "Дмитрий": "Дима",
    "Светлана": "Света", "Олена": "Оленка", "Богдан": "Бодя", "Јелена": "Јеца",
    "Zsófia": "Zsófi", "Levente": "Levi", "Eszter": "Eszti", "Agnieszka": "Aga",
    "Zofia": "Zosia", "Grzegorz": "Grzesiek", "Mihai": "Mihăiță", "გიორგი": "გოგი",
    "Giorgi": "Gogi", "Տիգրան": "Տիգո", "Tigran": "Tigo", "יונתן": "יוני", "Yonatan": "Yoni",
    "Siobhán": "Shiv", "Gruffydd": "Guto", "Meritxell": "Txell", "Aitor": "Aitortxo",
    "Gustav": "Gurra", "Abebe": "Abe", "አበበ": "አቤ",
    "Nurlan": "Nureke", "Chiamaka": "Amaka", "Funmilayo": "Funmi",
    "Fúnmiláyọ̀": "Fúnmi",
}  # fmt: skip

PARTICLES = frozenset({"van", "der", "den", "de", "la", "del", "dos", "da", "das", "di", "von",
                       "zu", "bin", "binti", "al", "le", "ter", "ten", "du"})  # fmt: skip

_ASCII_MAP = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "đ": "d", "Đ": "D", "ł": "l",
                            "Ł": "L", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
                            "ə": "a", "Ə": "A", "ʻ": "", "ħ": "h", "Ħ": "H", "ɓ": "b",
                            "Ɓ": "B", "ɗ": "d", "Ɗ": "D", "ƙ": "k", "Ƙ": "K", "'": ""})  # fmt: skip


def to_ascii(s: str) -> str:
    """Latin letters without their marks, as people type a name on a keyboard without them."""
    s = unicodedata.normalize("NFKD", s.translate(_ASCII_MAP))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _split(entry: str) -> tuple[str, str]:
    native, _, latin = entry.partition("|")
    return native, latin or native


def languages() -> list[str]:
    return sorted({*_NAMES, *_JOINED})


def _latin_script(s: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in s)


@dataclass
class Who:
    """One person of the bank: the name as written natively and in Latin letters, and their
    own phone number and e-mail address."""

    lang: str
    given: str
    given_l: str
    family: str  # may hold particles ("van der Berg"); "" for a mononym
    family_l: str
    joined: str  # the native full name written without a space, or ""
    order: str  # "gf": given name first; "fg": family name first
    region: str
    num: phonenumbers.PhoneNumber
    email: str

    @property
    def latin_native(self) -> bool:
        return _latin_script(self.given + self.family)

    @property
    def nick(self) -> str:
        return _NICKS.get(self.given, _NICKS.get(self.given_l, ""))


def make_who(rng: random.Random, lang: str | None = None) -> Who:
    lang = lang or rng.choice(languages())
    if lang in _JOINED:
        regions, entries = _JOINED[lang]
        joined, latin = _split(rng.choice(entries))
        if lang == "my":
            given, family = latin, ""
            given_l, family_l = latin, ""
        else:
            family_l, _, given_l = latin.partition(" ")
            given, family = given_l, family_l
        order = "fg" if lang != "my" else "gf"
    else:
        regions, order, givens, families = _NAMES[lang]
        given, given_l = _split(rng.choice(givens))
        family, family_l = _split(rng.choice(families))
        joined = ""
    region = rng.choice(ABROAD) if rng.random() < 0.15 else rng.choice(regions)  # diaspora
    num = valid_number(rng, region)
    who = Who(lang, given, given_l, family, family_l, joined, order, region, num, "")
    who.email = personal_email(rng, who)
    return who


# --- phones --------------------------------------------------------------------------------------

_MOBILE = phonenumbers.PhoneNumberType.MOBILE
_FIXED = phonenumbers.PhoneNumberType.FIXED_LINE
_FMT = phonenumbers.PhoneNumberFormat
# Regions of people who write from abroad, beyond the regions of the name languages.
ABROAD = ("US", "CA", "AU", "NZ", "MX", "AR", "CL", "CO", "PE", "ZA", "NG", "KE", "AE", "SG",
          "HK", "JP", "KR", "IN", "BR", "TR", "IE", "PT", "NO", "DK", "LU", "GH", "SN", "CI",
          "MA", "TN", "QA", "OM", "BH", "KW", "CR", "UY", "EC", "BO", "PY", "TT", "JM", "FJ",
          "PG", "MU", "RW", "ZM", "ZW", "BW", "NA", "MW")  # fmt: skip


_POOL_SIZE = 48
_POOLS: dict[tuple[str, bool], list[phonenumbers.PhoneNumber]] = {}


def _pool(region: str, valid: bool) -> list[phonenumbers.PhoneNumber]:
    """Numbers drawn once per region, from a generator of its own (the metadata's patterns are
    slow to match): the bank picks from them with its seeded generator."""
    key = (region, valid)
    if key not in _POOLS:
        rng = random.Random(f"bank12-{region}-{valid}")
        if valid:
            _POOLS[key] = [_draw_valid(rng, region) for _ in range(_POOL_SIZE)]
        else:
            odd = (_draw_unassigned(rng, region) for _ in range(_POOL_SIZE // 4))
            _POOLS[key] = [n for n in odd if n is not None]
    return _POOLS[key]


def valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    return rng.choice(_pool(region, True))


def unassigned_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    pool = _pool(region, False)
    return rng.choice(pool) if pool else None


def _draw_valid(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number valid in region: an example number of the region with its tail redrawn."""
    example: phonenumbers.PhoneNumber | None = None
    for _ in range(80):
        kind = _MOBILE if rng.random() < 0.7 else _FIXED
        example = phonenumbers.example_number_for_type(region, kind) or example
        if example is None:
            continue
        nsn = phonenumbers.national_significant_number(example)
        k = min(len(nsn) - 2, rng.randint(3, 6))
        cand = nsn[:-k] + "".join(rng.choice("0123456789") for _ in range(k))
        num = phonenumbers.parse(f"+{example.country_code}{cand}", None)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    assert example is not None, region
    return example


def _draw_unassigned(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    """A number of possible length in region's country code that no range there holds."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None:
        return None
    lengths = [n for n in meta.general_desc.possible_length if n >= 6]
    cc = phonenumbers.country_code_for_region(region)
    for _ in range(200):
        nsn = rng.choice("123456789") + "".join(
            rng.choice("0123456789") for _ in range(rng.choice(lengths) - 1)
        )
        num = phonenumbers.parse(f"+{cc}{nsn}", None)
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


PHONE_FORMS = ("e164", "intl", "national", "00", "dots", "dash", "paren0", "tel-uri",
               "national-compact")  # fmt: skip


_WRITTEN: dict[tuple[str, str], str] = {}


def _key(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.national_significant_number(num) + f"@{num.country_code}"


def write_phone(num: phonenumbers.PhoneNumber, form: str) -> str:
    key = (_key(num), form)
    if key not in _WRITTEN:
        _WRITTEN[key] = _write_phone(num, form)
    return _WRITTEN[key]


def _write_phone(num: phonenumbers.PhoneNumber, form: str) -> str:
    intl = phonenumbers.format_number(num, _FMT.INTERNATIONAL)
    cc = f"+{num.country_code}"
    if form == "e164":
        return phonenumbers.format_number(num, _FMT.E164)
    if form == "national":
        return phonenumbers.format_number(num, _FMT.NATIONAL)
    if form == "national-compact":
        nat = phonenumbers.format_number(num, _FMT.NATIONAL)
        return "".join(ch for ch in nat if ch.isdigit() or ch == "+")
    if form == "00":
        return "00" + intl[1:]
    if form == "dots":
        return intl.replace("-", " ").replace(" ", ".")
    if form == "dash":
        return intl.replace(" ", "-")
    if form == "paren0":
        return f"{cc} (0){intl[len(cc) :]}"
    if form == "tel-uri":
        return phonenumbers.format_number(num, _FMT.RFC3966).removeprefix("tel:")
    return intl


def _has_trunk_zero(region: str) -> bool:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return bool(meta and meta.national_prefix == "0") and region not in ("IT", "SM", "VA")


def phone_form(rng: random.Random, num: phonenumbers.PhoneNumber) -> str:
    region = phonenumbers.region_code_for_number(num) or ""
    forms = [f for f in PHONE_FORMS if f != "paren0" or _has_trunk_zero(region)]
    form = rng.choice(forms)
    if form.startswith("national") and not _keeps_meaning(num, form, region):
        form = "intl"  # a national form only where it reads back as the same number
    return form


_MEANING: dict[tuple[str, str], bool] = {}


def _keeps_meaning(num: phonenumbers.PhoneNumber, form: str, region: str) -> bool:
    key = (_key(num), form)
    if key not in _MEANING:
        back = phonenumbers.parse(write_phone(num, form), region)
        _MEANING[key] = back.national_number == num.national_number
    return _MEANING[key]


# --- e-mail addresses ----------------------------------------------------------------------------

_MAILHOSTS: dict[str, tuple[str, ...]] = {
    "de": ("web.de", "gmx.de", "t-online.de"), "fr": ("orange.fr", "free.fr", "sfr.fr"),
    "es": ("telefonica.net", "yahoo.es"), "it": ("libero.it", "alice.it"),
    "pt": ("sapo.pt", "uol.com.br", "bol.com.br"), "nl": ("ziggo.nl", "kpnmail.nl"),
    "pl": ("wp.pl", "o2.pl", "interia.pl"), "ru": ("yandex.ru", "mail.ru", "rambler.ru"),
    "uk": ("ukr.net", "i.ua", "meta.ua"), "kk": ("mail.kz", "inbox.kz"), "cs": ("seznam.cz",),
    "ja": ("docomo.ne.jp", "yahoo.co.jp"), "ko": ("naver.com", "daum.net"),
    "zh": ("qq.com", "163.com", "126.com"), "tr": ("hotmail.com.tr", "yandex.com.tr"),
    "ta": ("rediffmail.com",), "te": ("rediffmail.com",), "id": ("yahoo.co.id",),
    "vi": ("fpt.vn", "vnn.vn"), "he": ("walla.co.il", "012.net.il"), "fi": ("suomi24.fi",),
    "hu": ("freemail.hu", "citromail.hu"), "lt": ("one.lt",), "lv": ("inbox.lv",),
    "et": ("hot.ee", "mail.ee"), "sr": ("eunet.rs", "mts.rs"), "el": ("otenet.gr",),
    "is": ("simnet.is",), "sv": ("telia.com", "bredband.net"), "fa": ("chmail.ir",),
    "bn": ("yahoo.com.bd",), "ne": ("wlink.com.np",), "am": ("ethionet.et",),
    "sw": ("yahoo.co.ke",), "zu": ("webmail.co.za", "mweb.co.za"), "tl": ("yahoo.com.ph",),
}  # fmt: skip
_WORLD = ("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me",
          "aol.com", "zoho.com", "fastmail.com", "tutanota.com")  # fmt: skip
COMPANIES = ("kaspi-market.kz", "acme-logistik.de", "nordlys-reiser.no", "sakura-denki.co.jp",
             "tallinn-kohvik.ee", "addis-coffee.com.et", "colombo-tea.lk", "vinashop.vn",
             "ankara-tekstil.com.tr", "mzansi-solar.co.za", "kampala-agro.co.ug",
             "bayanihan-cargo.ph", "baku-travel.az", "tirana-print.al", "reykjavik-fisk.is",
             "valletta-yachts.com.mt", "donostia-surf.eus", "cardiff-bikes.cymru",
             "lagos-fintech.ng", "chennai-silks.in", "ulaanbaatar-cashmere.mn",
             "vientiane-rice.la", "phnompenh-print.com.kh", "tashkent-avto.uz")  # fmt: skip
IDN_DOMAINS = ("müller-reisen.de", "kaffeerösterei-kühn.de", "çiçekçi-ayşe.com.tr",
               "pâtisserie-lefèvre.fr", "магазин-олени.укр", "почта-россии.рф",
               "żabka-sklep.pl", "ελληνικό-καφέ.gr", "bücherei-köln.de", "smørrebrød.dk",
               "bagerí-jónsson.is", "kávézó-szabó.hu", "čokoláda-novák.cz", "продавница.срб",
               "قهوة.مصر", "ร้านกาแฟ.ไทย", "咖啡店.中国", "カフェ.jp", "카페.한국")  # fmt: skip
ROLES = ("info", "support", "billing", "hr", "sales", "accounts", "careers", "press", "dpo",
         "kontakt", "contact", "ventas", "facturacion", "rechnung", "servicedesk", "office",
         "reception", "bookings", "privacy", "finance")  # fmt: skip


def _local(s: str) -> str:
    return "".join(ch for ch in to_ascii(s).lower() if ch.isalnum())


def _planted_tokens(s: str) -> list[str]:
    return [t for t in s.split() if t.lower() not in PARTICLES]


def personal_email(rng: random.Random, w: Who) -> str:
    g = _local(w.given_l.split()[0]) or "x"
    fam = _planted_tokens(w.family_l)
    f = _local(fam[-1]) if fam else ""
    if not f:
        local = f"{g}{rng.randint(1, 999)}"
    else:
        local = rng.choice((f"{g}.{f}", f"{g[0]}.{f}", f"{f}{g[0]}",
                            f"{g}_{f}{rng.randint(60, 99)}",
                            f"{f}.{g}", f"{g}{f}{rng.randint(1, 9)}"))  # fmt: skip
    host = rng.choice(_MAILHOSTS.get(w.lang, ()) + _WORLD)
    return f"{local}@{host}"


def email_variant(rng: random.Random, w: Who, form: str) -> str:
    local, host = w.email.split("@")
    if form == "plus-tag":
        return f"{local}+{rng.choice(('shop', 'orders', 'news', 'bank', '2026'))}@{host}"
    if form == "mixed-case":
        return f"{local}@{host.upper()}" if rng.random() < 0.5 else w.email.upper()
    if form == "idn-domain":
        return f"{local}@{rng.choice(IDN_DOMAINS)}"
    if form == "eai-local":
        g, fam = w.given.split()[0].lower(), _planted_tokens(w.family)
        nat = f"{g}.{fam[-1].lower()}" if fam else g
        if not all(ch.isalnum() or ch == "." for ch in nat):
            nat = local
        return f"{nat}@{rng.choice(IDN_DOMAINS)}"
    if form == "subdomain":
        return (
            f"{local}@{rng.choice(('mail', 'staff', 'corp', 'students'))}.{rng.choice(COMPANIES)}"
        )
    return w.email


EMAIL_FORMS = ("personal", "plus-tag", "mixed-case", "idn-domain", "eai-local", "subdomain")


# --- cards, IBANs, IP addresses, credentials in URLs --------------------------------------------

DIGITS = "0123456789"
# issuer: (prefixes, lengths, groupings per length)
CARD_ISSUERS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "visa": (("4",), (16, 13, 19)), "mastercard": (("51", "53", "55", "2221", "2720", "23"), (16,)),
    "amex": (("34", "37"), (15,)), "discover": (("6011", "644", "65"), (16,)),
    "diners": (("36", "38"), (14,)), "jcb": (("3528", "3566", "3589"), (16,)),
    "unionpay": (("62",), (16, 19)), "maestro": (("6759", "5018", "5020", "6304"), (12, 16, 19)),
    "mir": (("2200", "2202", "2204"), (16,)), "rupay": (("6521", "6522", "8172"), (16,)),
    "troy": (("9792",), (16,)), "elo": (("636368", "504175"), (16,)),
    "verve": (("5061", "6500"), (16, 19)), "hipercard": (("606282",), (16,)),
    "dankort": (("5019",), (16,)), "uatp": (("1",), (15,)), "humo": (("9860",), (16,)),
    "uzcard": (("8600",), (16,)), "napas": (("9704",), (16,)),
}  # fmt: skip
_GROUPS = {12: (4, 4, 4), 13: (4, 4, 5), 14: (4, 6, 4), 15: (4, 6, 5), 16: (4, 4, 4, 4),
           19: (4, 4, 4, 4, 3)}  # fmt: skip


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> tuple[str, str, str]:
    """(as written, class, issuer)."""
    issuer = rng.choice(sorted(CARD_ISSUERS))
    prefixes, lengths = CARD_ISSUERS[issuer]
    n = rng.choice(lengths)
    body = rng.choice(prefixes)
    body += "".join(rng.choice(DIGITS) for _ in range(n - 1 - len(body)))
    number = body + luhn_digit(body)
    style = rng.choice(("space", "space", "dash", "compact", "nbsp"))
    if style == "compact":
        return number, f"card/{issuer}-compact", issuer
    groups, out, i = _GROUPS[n], [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    sep = {"space": " ", "dash": "-", "nbsp": "\u00a0"}[style]
    return sep.join(out), f"card/{issuer}-{'-'.join(map(str, groups))}-{style}", issuer


# BBAN layouts: n digits, a capital letters, c letters or digits.
IBAN_BBAN = {
    "DE": "18n", "FR": "10n11c2n", "GB": "4a14n", "ES": "20n", "IT": "1a10n12c", "NL": "4a10n",
    "BE": "12n", "AT": "16n", "CH": "5n12c", "PL": "24n", "CZ": "20n", "HU": "24n",
    "RO": "4a16c", "GR": "7n16c", "PT": "21n", "NO": "11n", "SE": "20n", "DK": "14n",
    "FI": "14n", "IE": "4a14n", "LU": "3n13c", "SK": "20n", "SI": "15n", "HR": "17n",
    "BG": "4a6n8c", "TR": "6n16c", "SA": "2n18c", "AE": "19n", "IL": "19n", "BR": "23n1a1c",
    "PK": "4a16c", "EE": "16n", "LT": "16n", "LV": "4a13c", "IS": "22n", "MT": "4a5n18c",
    "CY": "8n16c", "UA": "6n19c", "QA": "4a21c", "KZ": "3n13c", "GE": "2a16n", "AZ": "4a20c",
    "EG": "25n", "MD": "2c18c", "AL": "8n16c", "ME": "18n", "MK": "3n10c2n", "RS": "18n",
    "BA": "16n", "JO": "4a4n18c", "KW": "4a22c", "LB": "4n20c", "TN": "20n", "MR": "23n",
    "AD": "8n12c", "XK": "16n", "BY": "4c4n16c", "IQ": "4a15n", "SC": "4a20n3a", "GI": "4a15c",
    "CR": "18n", "DO": "4c20n", "SV": "4a20n", "PS": "4a21c", "LY": "21n", "BH": "4a14c",
}  # fmt: skip
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _bban(rng: random.Random, layout: str) -> str:
    out, num = [], ""
    for ch in layout:
        if ch.isdigit():
            num += ch
            continue
        for _ in range(int(num)):
            if ch == "n" or (ch == "c" and rng.random() < 0.8):
                out.append(rng.choice(DIGITS))
            else:
                out.append(rng.choice(_UPPER))
        num = ""
    return "".join(out)


def iban_check(country: str, bban: str) -> str:
    moved = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(moved) % 97:02d}"


def iban(rng: random.Random, country: str | None = None) -> tuple[str, str, str]:
    """(as written, class, country)."""
    country = country or rng.choice(sorted(IBAN_BBAN))
    bban = _bban(rng, IBAN_BBAN[country])
    compact = country + iban_check(country, bban) + bban
    style = rng.choice(("compact", "grouped", "grouped", "lower", "grouped-lower", "nbsp"))
    grouped = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    value = {
        "compact": compact,
        "grouped": grouped,
        "lower": compact.lower(),
        "grouped-lower": grouped.lower(),
        "nbsp": grouped.replace(" ", "\u00a0"),
    }[style]
    return value, f"iban/{style}", country


_V6_PREFIXES = (
    "2a00",
    "2a01",
    "2a02",
    "2a03",
    "2a05",
    "2a0e",
    "2600",
    "2601",
    "2603",
    "2604",
    "2605",
    "2607",
    "2610",
    "2620",
    "2800",
    "2801",
    "2803",
    "2c0f",
    "2400",
    "2401",
    "2402",
    "2404",
    "2405",
    "2406",
    "2407",
    "2408",
    "2409",
    "240e",
    "2a10",
    "2a12",
)


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.choice(
            (
                rng.randint(1, 223),
                rng.choice(
                    (
                        5,
                        31,
                        37,
                        46,
                        62,
                        77,
                        78,
                        81,
                        85,
                        88,
                        91,
                        94,
                        103,
                        110,
                        117,
                        176,
                        185,
                        188,
                        193,
                        195,
                        202,
                        213,
                        217,
                    )
                ),
            )
        )
        addr = ipaddress.IPv4Address(f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
                                     f"{rng.randint(1, 254)}")  # fmt: skip
        if addr.is_global and not addr.is_multicast:
            return str(addr)


def ipv6(rng: random.Random) -> ipaddress.IPv6Address:
    while True:
        groups = [rng.choice(_V6_PREFIXES)] + [f"{rng.getrandbits(16):x}" for _ in range(7)]
        for i in range(rng.choice((2, 3, 4)), rng.choice((0, 5, 6))):
            groups[i] = "0"
        addr = ipaddress.IPv6Address(":".join(groups))
        if addr.is_global:
            return addr


def ip(rng: random.Random, plain: bool = False) -> tuple[str, str, str, str]:
    """(text before, address as written, text after, class); plain: the address alone."""
    forms = ("v4", "v4", "v4-port", "v4-forwarded", "v6", "v6-full", "v6-upper", "v6-port")
    form = rng.choice(forms[:1] + forms[4:7] if plain else forms)
    if form.startswith("v4"):
        value = ipv4(rng)
        if form == "v4-port":
            return "", value, f":{rng.choice((443, 8080, 51820, 3389, 22))}", f"ip/{form}"
        if form == "v4-forwarded":
            return "for=", value, ";proto=https", f"ip/{form}"
        return "", value, "", f"ip/{form}"
    addr = ipv6(rng)
    value = {"v6": addr.compressed, "v6-full": addr.exploded,
             "v6-upper": addr.compressed.upper(), "v6-port": addr.compressed}[form]  # fmt: skip
    if form == "v6-port":
        return "[", value, f"]:{rng.choice((443, 8443, 993))}", f"ip/{form}"
    return "", value, "", f"ip/{form}"


_B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_B64URL = _B62 + "-_"


def _s(rng: random.Random, n: int, alphabet: str = _B62) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _jwt(rng: random.Random) -> str:
    return f"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{_s(rng, 60, _B64URL)}.{_s(rng, 43, _B64URL)}"


_HOSTS = ("shop.kaspi-market.kz", "app.vinashop.vn", "portal.acme-logistik.de",
          "my.mzansi-solar.co.za", "booking.baku-travel.az", "account.lagos-fintech.ng",
          "crm.colombo-tea.lk", "tickets.cardiff-bikes.cymru")  # fmt: skip


def url_secret(rng: random.Random) -> list[tuple[str, str]]:
    """A URL with its credentials: ("", literal) pieces and (class, secret) pieces."""
    h = rng.choice(_HOSTS)
    kind = rng.choice(("reset-query", "reset-path", "magic-link", "api-key", "google-key",
                       "userinfo-password", "userinfo-token", "oauth-code", "fragment-token",
                       "id-token", "s3-signature", "azure-sas", "gcs-signature", "slack-webhook",
                       "discord-webhook", "telegram-bot", "session-path", "password-query",
                       "invite-path", "firebase-auth", "zoom-pwd"))  # fmt: skip
    c = f"url/{kind}"
    if kind == "reset-query":
        return [("", f"https://{h}/reset-password?token="), (c, _s(rng, 32)), ("", "&lang=en")]
    if kind == "reset-path":
        return [("", f"https://{h}/auth/reset/"), (c, _s(rng, 40, _B64URL)), ("", "/")]
    if kind == "magic-link":
        return [("", f"https://{h}/login/magic?t="), (c, _s(rng, 48, _B64URL))]
    if kind == "api-key":
        return [("", f"https://api.{h.split('.', 1)[1]}/v2/orders?page=2&api_key="),
                (c, _s(rng, 32))]  # fmt: skip
    if kind == "google-key":
        return [("", "https://maps.googleapis.com/maps/api/geocode/json?address=Almaty&key="),
                (c, "AIzaSy" + _s(rng, 33, _B64URL))]  # fmt: skip
    if kind == "userinfo-password":
        return [("", "https://deploy:"), (c, _s(rng, 18) + "!9"),
                ("", f"@git.{h.split('.', 1)[1]}/shop.git")]  # fmt: skip
    if kind == "userinfo-token":
        return [("", "https://x-access-token:"), (c, "ghp_" + _s(rng, 36)),
                ("", "@github.com/acme/checkout.git")]  # fmt: skip
    if kind == "oauth-code":
        return [("", f"https://{h}/oauth/callback?code="), (c, _s(rng, 30, _B64URL)),
                ("", f"&state={_hex(rng, 8)}")]  # fmt: skip
    if kind == "fragment-token":
        return [("", f"https://{h}/cb#access_token="), (c, _s(rng, 40, _B64URL)),
                ("", "&token_type=bearer&expires_in=3600")]  # fmt: skip
    if kind == "id-token":
        return [("", f"https://{h}/signin-oidc#id_token="), (c, _jwt(rng))]
    if kind == "s3-signature":
        return [("", "https://exports-eu.s3.eu-central-1.amazonaws.com/inv/2026-11.pdf?"
                     "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="),
                ("url/s3-key-id", "AKIA" + _s(rng, 16, _UPPER + "234567")),
                ("", "%2F20261203%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T101500Z"
                     "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature="),
                (c, _hex(rng, 64))]  # fmt: skip
    if kind == "azure-sas":
        sig = _s(rng, 40) + "%2B" + _s(rng, 3) + "%3D"
        return [("", "https://acmefiles.blob.core.windows.net/invoices/nov.xlsx?sv=2022-11-02"
                     "&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&sig="), (c, sig)]  # fmt: skip
    if kind == "gcs-signature":
        return [("", "https://storage.googleapis.com/acme-exports/report.csv?X-Goog-Algorithm="
                     "GOOG4-RSA-SHA256&X-Goog-Expires=900&X-Goog-Signature="),
                (c, _hex(rng, 128))]  # fmt: skip
    if kind == "slack-webhook":
        return [("", f"https://hooks.slack.com/services/T0{_s(rng, 8, _UPPER + DIGITS)}/B0"
                     f"{_s(rng, 8, _UPPER + DIGITS)}/"), (c, _s(rng, 24))]  # fmt: skip
    if kind == "discord-webhook":
        return [("", f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18 - 1)}/"),
                (c, _s(rng, 68, _B64URL))]  # fmt: skip
    if kind == "telegram-bot":
        return [("", "https://api.telegram.org/bot"),
                (c, f"{rng.randint(10**8, 10**10 - 1)}:AA{_s(rng, 33, _B64URL)}"),
                ("", "/sendMessage")]  # fmt: skip
    if kind == "session-path":
        return [("", f"https://{h}/checkout;jsessionid="), (c, _hex(rng, 32).upper())]
    if kind == "password-query":
        return [("", f"https://{h}/export?user=ops&password="), (c, _s(rng, 14) + "_x7")]
    if kind == "invite-path":
        return [("", f"https://{h}/invite/"), (c, _s(rng, 22, _B64URL))]
    if kind == "firebase-auth":
        return [("", "https://acme-chat-default-rtdb.europe-west1.firebasedatabase.app/users.json"
                     "?auth="), (c, _s(rng, 40))]  # fmt: skip
    return [("", f"https://us02web.zoom.us/j/{rng.randint(10**9, 10**10 - 1)}?pwd="),
            (c, _s(rng, 32))]  # fmt: skip


# --- decoys: values that must stay ---------------------------------------------------------------


def aba(rng: random.Random) -> str:
    """A US routing number with a true check digit (3-7-1 weights)."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.choice((0, 1, 2, 3))
        for check in range(10):
            w = [*d, check]
            if (3 * (w[0] + w[3] + w[6]) + 7 * (w[1] + w[4] + w[7]) + w[2] + w[5] + w[8]) % 10 == 0:
                return "".join(map(str, w))


def gtin_digit(body: str) -> str:
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def container_digit(code: str) -> str:
    """ISO 6346 check digit of an owner code, category and serial (10 characters)."""
    values, v = {}, 10
    for ch in _UPPER:
        if v % 11 == 0:
            v += 1
        values[ch] = v
        v += 1
    total = sum((values[ch] if ch.isalpha() else int(ch)) * 2**i for i, ch in enumerate(code))
    return str(total % 11 % 10)


def s10_digit(serial: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: "0", 11: "5"}.get(check, str(check))


def luhn_fail(rng: random.Random) -> str:
    body = rng.choice(("4", "5", "37", "6")) + "".join(rng.choice(DIGITS) for _ in range(14))
    body = body[:15]
    wrong = (int(luhn_digit(body)) + rng.randint(1, 9)) % 10
    number = body + str(wrong)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.6 else number


def iban_badcheck(rng: random.Random) -> str:
    value, _, _ = iban(rng)
    compact = value.replace(" ", "").replace("\u00a0", "").upper()
    bad = f"{(int(compact[2:4]) + rng.randint(1, 90)) % 97 + 2:02d}"
    if bad == compact[2:4]:
        bad = "01" if bad != "01" else "00"
    return compact[:2] + bad + compact[4:]


def _pick(*items: str) -> Callable[[random.Random], str]:
    return lambda rng: rng.choice(items)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Jul", "Sep", "Oct", "Nov", "Dec")


def _date(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice((f"{d:02d}.{m:02d}.2026", f"2026-{m:02d}-{d:02d}", f"{d}/{m}/2026",
                       f"{d} {_MONTHS[m % 9]}"
                       " 2026"))  # fmt: skip


_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# class: (value maker, phrases around "{}")
DECOYS: dict[str, tuple[Callable[[random.Random], str], tuple[str, ...]]] = {
    "order": (lambda r: rng_order(r), ("order {}", "Order #{}", "your order {}", "Bestellung {}")),
    "invoice-no": (
        lambda r: f"INV-2026-{r.randint(100, 99999):05d}",
        ("invoice {}", "Rechnung {}"),
    ),
    "ticket": (
        lambda r: f"{r.choice(('OPS', 'CS', 'PAY', 'HELP'))}-{r.randint(100, 9999)}",
        ("ticket {}", "see {}", "linked to {}"),
    ),
    "tracking-ups": (
        lambda r: (
            "1Z"
            + _s(r, 6, _UPPER + DIGITS)
            + f"{r.randint(10, 99)}"
            + "".join(r.choice(DIGITS) for _ in range(8))
        ),
        ("UPS tracking {}",),
    ),
    "tracking-s10": (
        lambda r: (lambda n: f"RR{n}{s10_digit(n)}{r.choice(('GB', 'DE', 'KZ', 'NG'))}")(
            "".join(r.choice(DIGITS) for _ in range(8))
        ),
        ("registered letter {}", "tracking no. {}"),
    ),
    "amount": (
        _pick(
            "€1.249,00",
            "USD 89.90",
            "₹2,45,000",
            "¥12,800",
            "1 299 Kč",
            "CHF 74.–",
            "₦45,500",
            "KES 3,200",
            "₸ 18 990",
            "R 1 450,00",
            "£0.99",
            "ETB 2,300",
        ),
        ("total {}", "refund of {}", "{} charged", "price {}"),
    ),
    "date": (_date, ("on {}", "dated {}", "since {}", "due {}")),
    "time": (
        _pick("14:35", "9.30am", "21h15", "07:05 UTC", "18:00 CET", "11:45 ICT"),
        ("at {}", "after {}", "before {}"),
    ),
    "version": (
        lambda r: f"v{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}",
        ("app {}", "firmware {}", "since {}"),
    ),
    "build": (
        lambda r: f"10.0.{r.randint(19041, 26100)}.{r.randint(1000, 5000)}",
        ("Windows build {}", "OS {}"),
    ),
    "uuid": (
        lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)),
        ("request id {}", "trace {}"),
    ),
    "sha256": (lambda r: _hex(r, 64), ("checksum {}", "sha256 {}")),
    "git-sha": (lambda r: _hex(r, r.choice((7, 12, 40))), ("commit {}", "fixed in {}")),
    "aba": (aba, ("routing number {}", "ABA {}")),
    "bic": (
        _pick(
            "DEUTDEFF",
            "BNPAFRPPXXX",
            "CBETETAA",
            "KZKOKZKX",
            "BCEYLKLX",
            "NBADAEAA",
            "HABBPKKA",
            "SBININBB",
            "CITIUS33",
            "ZENITHNGLA",
            "COBADEFFXXX",
            "UBSWCHZH80A",
        ),
        ("BIC {}", "SWIFT: {}"),
    ),
    "luhn-fail": (luhn_fail, ("membership no. {}", "reference {}", "voucher {}")),
    "iban-badcheck": (iban_badcheck, ("account {}", "old IBAN {}")),
    "gtin": (
        lambda r: (lambda b: b + gtin_digit(b))(
            "40" + "".join(r.choice(DIGITS) for _ in range(10))
        ),
        ("EAN {}", "barcode {}"),
    ),
    "isbn": (
        lambda r: (lambda b: b + gtin_digit(b))(
            "978" + "".join(r.choice(DIGITS) for _ in range(9))
        ),
        ("ISBN {}",),
    ),
    "imo": (
        lambda r: (lambda b: f"IMO {b}{sum(int(c) * (7 - i) for i, c in enumerate(b)) % 10}")(
            "".join(r.choice(DIGITS) for _ in range(6))
        ),
        ("vessel {}", "ship {}"),
    ),
    "container": (
        lambda r: (lambda c: f"{c[:4]} {c[4:]}{container_digit(c)}")(
            r.choice(("MSCU", "MAEU", "CMAU", "HLXU", "TGHU"))
            + "".join(r.choice(DIGITS) for _ in range(6))
        ),
        ("container {}", "box {}"),
    ),
    "isin": (
        _pick("US0378331005", "DE0007164600", "FR0000120271", "JP3633400001", "KZ1C00000744"),
        ("ISIN {}",),
    ),
    "cve": (
        lambda r: f"CVE-{r.choice((2024, 2025, 2026))}-{r.randint(1000, 49999)}",
        ("patched {}",),
    ),
    "oid": (
        _pick("1.3.6.1.4.1.311.21.7", "2.5.4.3", "1.2.840.113549.1.1.11", "1.3.6.1.5.5.7.3.1"),
        ("OID {}",),
    ),
    "iso-week": (lambda r: f"2026-W{r.randint(1, 52):02d}", ("in {}", "sprint {}")),
    "hijri-date": (
        lambda r: f"{r.randint(1, 29)} {r.choice(('Ramadan', 'Shawwal', 'Rajab'))} 1448",
        ("on {}",),
    ),
    "thai-year": (lambda r: f"พ.ศ. {r.choice((2568, 2569, 2570))}", ("{}",)),
    "persian-date": (
        lambda r: f"1405/{r.randint(1, 12):02d}/{r.randint(1, 29):02d}".translate(_PERSIAN_DIGITS),
        ("تاریخ {}",),
    ),
    "percent": (_pick("12.5%", "0,9 %", "45%", "-3.2%"), ("discount {}", "up {}")),
    "temperature": (_pick("23°C", "-4 °C", "71°F", "38,5 °C"), ("it is {}", "stored at {}")),
    "sku": (
        lambda r: f"SKU-{r.randint(10, 99)}-{_s(r, 2, _UPPER)}-{r.randint(1000, 9999)}",
        ("item {}",),
    ),
    "hex-color": (lambda r: "#" + _hex(r, 6).upper(), ("colour {}",)),
    "cron": (_pick("0 3 * * 1", "*/15 * * * *", "30 2 1 * *"), ("schedule `{}`",)),
    "duration": (_pick("PT45M", "P3D", "PT1H30M"), ("timeout {}",)),
    "coupon": (
        lambda r: f"{r.choice(('XMAS', 'EID', 'DIWALI', 'TET'))}-{r.randint(10, 50)}-OFF",
        ("code {}", "coupon {}"),
    ),
    "policy-no": (lambda r: f"POL-{r.randint(10000, 99999)}-{_s(r, 2, _UPPER)}", ("policy {}",)),
    "meter": (lambda r: f"{r.randint(1000, 99999):05d}.{r.randint(0, 9)} kWh", ("reading {}",)),
    "flight": (
        lambda r: (
            f"{r.choice(('LH', 'TK', 'ET', 'QR', 'KC', 'UL', 'VN', 'FI'))} {r.randint(10, 2999)}"
        ),
        ("flight {}", "on {}"),
    ),
    "train": (
        lambda r: f"{r.choice(('ICE', 'TGV', 'IC', 'EC'))} {r.randint(100, 999)}",
        ("train {}",),
    ),
    "seat": (lambda r: f"{r.randint(1, 45)}{r.choice('ABCDEF')}", ("seat {}",)),
    "short-code": (_pick("84422", "7726", "60400", "1515"), ("text STOP to {}", "SMS to {}")),
    "emergency": (_pick("112", "911", "999", "110", "1122"), ("call {}",)),
    "http-status": (_pick("HTTP 503", "HTTP 429", "HTTP 401"), ("got {}",)),
    "error-code": (
        _pick("0x80070005", "ERR_CONNECTION_RESET", "E_ACCESSDENIED", "0xC000021A"),
        ("error {}",),
    ),
    "iso-standard": (_pick("ISO 27001:2022", "ISO 8601", "ISO 20022", "EN 301 549"), ("per {}",)),
    "resolution": (_pick("1920×1080", "2560x1440", "3840 × 2160"), ("screen {}",)),
    "sort-code": (
        lambda r: f"{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
        ("sort code {}",),
    ),
    "blz": (
        lambda r: f"{r.randint(100, 899)} {r.randint(100, 999)} {r.randint(10, 99)}",
        ("BLZ {}",),
    ),
    "brand-person": (
        _pick(
            "Calvin Klein",
            "Tommy Hilfiger",
            "Ralph Lauren",
            "Hugo Boss",
            "Estée Lauder",
            "Johnnie Walker",
            "Ted Baker",
            "Kate Spade",
            "Marks & Spencer",
            "Dr. Martens",
            "Paul Smith",
            "Yves Saint Laurent",
        ),
        ("a {} jacket", "the {} gift set", "from {}"),
    ),
    "car-model": (
        _pick(
            "Renault Zoe",
            "SEAT Leon",
            "Renault Clio",
            "Opel Karl",
            "Opel Adam",
            "Hyundai Kona",
            "Nissan Juke",
            "Škoda Karoq",
            "Kia Ceed",
            "Toyota Camry",
        ),
        ("my {}", "a {} courtesy car", "the {}"),
    ),
    "assistant-name": (_pick("Alexa", "Siri", "Cortana", "Bixby"), ("asked {} to check", "via {}")),
    "place-name": (
        _pick(
            "Charlotte",
            "Adelaide",
            "Regina",
            "Florence",
            "Victoria",
            "Eugene",
            "Austin",
            "Marion",
            "Alexandria",
            "San José",
            "Santa Isabel",
            "Sankt Augustin",
            "Kristiansand",
            "Port Louis",
            "Lake Louise",
        ),
        ("shipped to {}", "our {} office", "near {}"),
    ),
    "street-person": (
        _pick(
            "Karl-Marx-Allee",
            "Avenue Victor Hugo",
            "Via Giuseppe Garibaldi",
            "Shota Rustaveli Avenue",
            "Nelson Mandela Boulevard",
            "Rua Augusta",
            "Abai Avenue",
            "Amir Temur Avenue",
            "Jomo Kenyatta Avenue",
            "Calle Simón Bolívar",
        ),
        ("on {}", "at {} 12"),
    ),
    "landmark-person": (
        _pick(
            "Charles de Gaulle airport",
            "Kotoka International",
            "Jomo Kenyatta International",
            "Bole International",
            "Heydar Aliyev airport",
            "Nursultan Nazarbayev airport",
        ),
        ("landed at {}", "via {}"),
    ),
    "company": (
        _pick(
            "Procter & Gamble",
            "Ernst & Young",
            "Morgan Stanley",
            "Wells Fargo",
            "Siemens Healthineers",
            "Tata Consultancy Services",
            "Kaspi Bank",
            "Halyk Bank",
            "Ethio Telecom",
            "Dialog Axiata",
            "Safaricom",
            "Jollibee",
            "Banca Transilvania",
            "Vinamilk",
            "Grupo Bimbo",
        ),
        ("works at {}", "billed by {}", "a {} customer"),
    ),
    "calendar-word": (
        _pick("June", "August", "May", "April", "Julio", "Agosto", "Mercredi"),
        ("in {}", "by {}", "since {}"),
    ),
    "holiday": (
        _pick(
            "Nowruz", "Diwali", "Eid al-Fitr", "Tết", "Boxing Day", "Enkutatash", "Naadam", "Vesak"
        ),
        ("closed for {}", "after {}"),
    ),
    "bot-persona": (
        _pick("Nova", "Kora", "Zara", "Aida", "Max"),
        ("I'm {}, your assistant", "{} (virtual agent)"),
    ),
    "hashtag": (_pick("#BlackFriday", "#Diwali2026", "#CyberMonday", "#Nowruz1405"), ("{}",)),
    "brand-handle": (
        _pick("@KaspiBank", "@AcmeSupport", "@Safaricom_Care", "@EthioTelecom"),
        ("cc {}", "via {}"),
    ),
}


def rng_order(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-"
            f"{rng.randint(1000000, 9999999)}",
            f"ORD-2026-{rng.randint(10000, 999999)}",
            f"#{rng.randint(100000, 999999)}",
            f"KZ-{rng.randint(1000, 9999)}-{_s(rng, 3, _UPPER)}",
        )
    )


# --- texts ---------------------------------------------------------------------------------------


@dataclass
class Text12(Text):
    """A text with each planted value's origin (language, region, issuer, country) and its
    container, for the composition; the evaluation reads only the ``Text`` fields."""

    origins: list[str] = field(default_factory=list)
    spot: str = ""


class _Clash(Exception):
    """One string planted as two different values: the text is drawn again."""


class B:
    """A text being written: literal pieces and planted values, in order."""

    def __init__(self, rng: random.Random, spot: str) -> None:
        self.rng, self.spot = rng, spot
        self.parts: list[str] = []
        self.planted: Planted = []
        self.origins: list[str] = []
        self.esc = False  # inside a JSON string written with ASCII escapes

    def t(self, *pieces: str) -> B:
        self.parts.extend(pieces)
        return self

    def v(self, kind: str, value: str, cls: str, origin: str = "") -> B:
        if self.esc and not value.isascii():
            if kind != "name":  # only names are escaped here; draw the rest again
                raise _Clash(value)
            value, cls = json.dumps(value)[1:-1], cls + "+escaped"
        self.parts.append(value)
        for k, val, _ in self.planted:
            if val == value:
                if k != kind:
                    raise _Clash(value)
                return self
        self.planted.append((kind, value, cls))
        self.origins.append(origin)
        return self

    def text(self) -> str:
        return "".join(self.parts)

    # names ---------------------------------------------------------------------------------

    def name(self, w: Who, form: str = "full", case: str = "", script: str = "") -> B:
        """Write w's name. form: full | given | family | initial | family-initial | nick |
        typo | western (family-first names turned round) | reversed ("Family, Given");
        case: "" | upper | lower; script: "" (as the person writes it) | latin."""
        rng = self.rng
        script = script or ("latin" if rng.random() < 0.35 else "native")
        if w.joined:
            given, family = w.given_l, w.family_l
            variant = "" if form == "full" and script == "native" else "+translit"
        elif script == "latin" and w.latin_native:
            given, family = to_ascii(w.given), to_ascii(w.family)
            variant = "+ascii" if (given, family) != (w.given, w.family) else ""
        elif script == "latin":
            given, family, variant = w.given_l, w.family_l, "+translit"
        else:
            given, family, variant = w.given, w.family, ""
        if case and not _casable(given + family):
            case = ""
        if case:
            variant += "+caps" if case == "upper" else "+lower"
        latin = script == "latin"
        if form == "full" and w.joined and script == "native":
            self.v("name", _case(w.joined, case), f"name/{self.spot}-full{variant}", w.lang)
            return self
        if form == "nick" and w.nick:
            nick = w.nick if not latin else to_ascii(w.nick) if _latin_script(w.nick) else w.nick
            return self.v(
                "name", _case(nick, case), f"name/{self.spot}-given+nick{variant}", w.lang
            )
        if form in ("given", "nick") or not family:
            return self._tokens(given, "given", variant, case, w.lang)
        if form == "family":
            return self._tokens(family, "family", variant, case, w.lang)
        if form == "typo":
            return self._tokens(_typo(rng, family), "family", variant + "+typo", case, w.lang)
        if form == "initial":
            first = given.split()[0]
            self.t(_case(first[0], case) + ". ")
            return self._tokens(family, "family", variant + "+initial", case, w.lang)
        if form == "family-initial":
            self._tokens(family, "family", variant + "+initial", case, w.lang)
            return self.t(", " + _case(given.split()[0][0], case) + ".")
        if form == "reversed":
            self._tokens(family, "family", variant, case, w.lang)
            self.t(", ")
            return self._tokens(given, "given", variant, case, w.lang)
        family_first = w.order == "fg" and form != "western"
        first, second = (family, given) if family_first else (given, family)
        parts = ("family", "given") if family_first else ("given", "family")
        self._tokens(first, parts[0], variant, case, w.lang)
        self.t(" ")
        return self._tokens(second, parts[1], variant, case, w.lang)

    def _tokens(self, s: str, part: str, variant: str, case: str, lang: str) -> B:
        for i, tok in enumerate(s.split()):
            if i:
                self.t(" ")
            if tok.lower() in PARTICLES:
                self.t(_case(tok, case))
            else:
                self.v("name", _case(tok, case), f"name/{self.spot}-{part}{variant}", lang)
        return self

    def handle(self, w: Who, sep: str = ".") -> B:
        """@given.family as people pick their handles: lower case, Latin letters."""
        g = _local(w.given_l.split()[0])
        fam = _planted_tokens(w.family_l)
        self.v("name", g, f"name/{self.spot}-given+handle", w.lang)
        if fam:
            self.t(sep).v("name", _local(fam[-1]), f"name/{self.spot}-family+handle", w.lang)
        return self

    # other values --------------------------------------------------------------------------

    def phone(
        self,
        w: Who | None = None,
        form: str = "",
        num: phonenumbers.PhoneNumber | None = None,
        ext: bool = False,
    ) -> B:
        """Write a phone number; with ext, an extension follows it, left unplanted."""
        rng = self.rng
        num = num or (w.num if w else valid_number(rng, rng.choice(ABROAD)))
        cls = ""
        if not form and rng.random() < 0.08:
            region = phonenumbers.region_code_for_number(num) or "DE"
            odd = unassigned_number(rng, region)
            if odd is not None:
                num, form, cls = odd, rng.choice(("intl", "e164", "00")), "phone/intl-unassigned"
        form = form or phone_form(rng, num)
        region = phonenumbers.region_code_for_number(num) or ""
        if not region:  # unassigned: the region whose country code it carries
            region = phonenumbers.region_code_for_country_code(num.country_code or 0)
        if ext and not cls:
            self.v("phone", write_phone(num, form), f"phone/{form}+ext", region)
            return self.t(rng.choice(EXTENSIONS).format(rng.randint(2, 4999)))
        return self.v("phone", write_phone(num, form), cls or f"phone/{form}", region)

    def email(self, w: Who, form: str = "") -> B:
        form = form or self.rng.choice(EMAIL_FORMS + ("personal",) * 3)
        return self.v("email", email_variant(self.rng, w, form), f"email/{form}", w.lang)

    def role(self, domain: str = "") -> B:
        domain = domain or self.rng.choice(COMPANIES + IDN_DOMAINS[:4])
        value = f"{self.rng.choice(ROLES)}@{domain}"
        return self.v("email", value, "email/role", "role")

    def card(self) -> B:
        value, cls, issuer = card(self.rng)
        return self.v("card", value, cls, issuer)

    def iban(self, country: str | None = None) -> B:
        value, cls, c = iban(self.rng, country)
        return self.v("iban", value, cls, c)

    def ip(self, plain: bool = False) -> B:
        before, value, after, cls = ip(self.rng, plain)
        return self.t(before).v("ip", value, cls, "v6" if ":" in value else "v4").t(after)

    def url(self) -> B:
        for cls, piece in url_secret(self.rng):
            if cls:
                self.v("url", piece, cls)
            else:
                self.t(piece)
        return self

    def d(self, cls: str = "", bare: bool = False) -> B:
        """A decoy in its phrase (or bare)."""
        cls = cls or self.rng.choice(sorted(DECOYS))
        make, phrases = DECOYS[cls]
        value = make(self.rng)
        phrase = "{}" if bare else self.rng.choice(phrases)
        before, _, after = phrase.partition("{}")
        return self.t(before).v("decoy", value, f"decoy/{cls}").t(after)


def _casable(s: str) -> bool:
    """Scripts whose people write a name in capitals or in lower case."""
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC", "GREEK"))
        for ch in s
    )


def _case(s: str, case: str) -> str:
    return s.upper() if case == "upper" else s.lower() if case == "lower" else s


def _typo(rng: random.Random, s: str) -> str:
    """One slip of the keyboard in the longest planted token: two letters swapped or one
    doubled."""
    toks = s.split()
    i = max(range(len(toks)), key=lambda j: (toks[j].lower() not in PARTICLES, len(toks[j])))
    tok = toks[i]
    if len(tok) < 4:
        return s
    k = rng.randint(1, len(tok) - 3)
    if rng.random() < 0.5 and tok[k] != tok[k + 1]:
        tok = tok[:k] + tok[k + 1] + tok[k] + tok[k + 2 :]
    else:
        tok = tok[: k + 1] + tok[k] + tok[k + 1 :]
    toks[i] = tok
    return " ".join(toks)


# --- containers ----------------------------------------------------------------------------------

INTRO: dict[str, str] = {
    "en": "Hi, I'm {}", "de": "Hallo, hier ist {}", "fr": "Bonjour, je m'appelle {}",
    "es": "Hola, soy {}", "it": "Ciao, sono {}", "pt": "Olá, aqui é {}", "nl": "Hoi, met {}",
    "pl": "Dzień dobry, nazywam się {}", "sv": "Hej, jag heter {}", "am": "ሰላም፣ ስሜ {} ነው።",
    "si": "ආයුබෝවන්, මගේ නම {}.", "ta": "வணக்கம், என் பெயர் {}.", "te": "నమస్తే, నా పేరు {}.",
    "km": "សួស្តី ខ្ញុំឈ្មោះ {}។", "lo": "ສະບາຍດີ ຂ້ອຍຊື່ {}", "my": "မင်္ဂလာပါ၊ ကျွန်တော် {} ပါ။",
    "mn": "Сайн байна уу, намайг {} гэдэг.", "kk": "Сәлеметсіз бе, менің атым {}.",
    "uz": "Assalomu alaykum, mening ismim {}.", "az": "Salam, mənim adım {}.",
    "sq": "Përshëndetje, unë jam {}.", "is": "Halló, ég heiti {}.", "mt": "Bonġu, jiena {}.",
    "eu": "Kaixo, {} naiz.", "ca": "Hola, sóc {}.", "cy": "Shwmae, {} ydw i.",
    "ga": "Dia duit, is mise {}.", "yo": "Ẹ kú àárọ̀, orúkọ mi ni {}.", "ig": "Ndewo, aha m bụ {}.",
    "ha": "Sannu, sunana {}.", "sw": "Habari, jina langu ni {}.",
    "zu": "Sawubona, igama lami ngu-{}.",
    "tl": "Kumusta po, ako si {}.", "ms": "Hai, saya {}.", "id": "Halo kak, saya {}.",
    "vi": "Xin chào, tôi là {}.", "he": "שלום, קוראים לי {}.", "fa": "سلام، من {} هستم.",
    "ur": "السلام علیکم، میرا نام {} ہے۔", "ps": "سلام، زما نوم {} دی.", "bn": "নমস্কার, আমার নাম {}।",
    "ne": "नमस्ते, मेरो नाम {} हो।", "el": "Γεια σας, με λένε {}.",
    "uk": "Добрий день, мене звати {}.",
    "sr": "Здраво, ја сам {}.", "ru": "Здравствуйте, меня зовут {}.", "fi": "Hei, olen {}.",
    "hu": "Jó napot, {} vagyok.", "lt": "Laba diena, aš esu {}.", "lv": "Labdien, mani sauc {}.",
    "et": "Tere, mina olen {}.", "tr": "Merhaba, ben {}.", "ro": "Bună ziua, sunt {}.",
    "cs": "Dobrý den, jmenuji se {}.", "ar": "مرحبا، اسمي {}.", "ka": "გამარჯობა, მე ვარ {}.",
    "hy": "Բարև, ես {} եմ։", "th": "สวัสดีค่ะ ดิฉันชื่อ{}ค่ะ", "zh": "你好，我是{}。",
    "ja": "こんにちは、{}です。", "ko": "안녕하세요, {}입니다.",
}  # fmt: skip

EXTENSIONS = (" ext. {}", " x{}", " (ext {})", " доб. {}", " poste {}", " int. {}", ";ext={}",
              " Durchwahl {}", " anexo {}", " 内线{}")  # fmt: skip

# Decoys that fit a loose sentence anywhere: a tail added to some containers.
MISC = ("cve", "build", "git-sha", "sha256", "oid", "iso-standard", "iso-week", "duration", "cron",
        "hex-color", "resolution", "seat", "train", "meter", "temperature", "emergency", "isin",
        "hijri-date", "persian-date", "thai-year", "brand-handle", "flight", "holiday")  # fmt: skip

EMOJI = ("👋", "🙏", "😊", "🙂", "✅", "📦", "💳", "😡", "🎉", "📞", "❤️", "👍")


@dataclass
class Ctx:
    rng: random.Random
    w: Who  # the person the conversation is about
    agent: Who
    bot: str

    def other(self) -> Who:
        return make_who(self.rng)


def _split_phrase(phrase: str) -> tuple[str, str]:
    before, _, after = phrase.partition("{}")
    return before, after


def t_intro(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    if rng.random() < 0.3:
        b.t(rng.choice(EMOJI), " ")
    before, after = _split_phrase(INTRO[w.lang])
    b.t(before).name(w, rng.choice(("full", "full", "given")), script="native").t(after)
    b.t(rng.choice((" My number: ", " You can reach me on ", " Tel. ", " WhatsApp ")))
    b.phone(w).t(rng.choice((". ", " — ", ", ")))
    b.t("It's about ").d(rng.choice(("order", "invoice-no", "ticket", "tracking-s10"))).t(".")


def t_chat_log(b: B, c: Ctx) -> None:
    rng, w, a = b.rng, c.w, c.agent
    h, m = rng.randint(8, 20), rng.randint(0, 50)
    day = f"2026-12-0{rng.randint(1, 6)}"
    b.t(f"[{day} {h:02d}:{m:02d}:12] ").name(a, "full", script="latin").t(
        ": Hello, how can I help?\n"
    )
    b.t(f"[{day} {h:02d}:{m + 1:02d}:40] ").name(w, rng.choice(("full", "full", "initial"))).t(": ")
    b.t("hi, my card ").card().t(" was charged twice ").d("amount").t("\n")
    b.t(f"[{day} {h:02d}:{m + 3:02d}:03] ").name(a, "given", script="latin")
    b.t(": Sorry about that, ").name(w, "given").t(". Refund goes back to the card within 5 days.")
    b.t(" (").d(rng.choice(MISC)).t(")")


def t_sms(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("hi its ", "hey, ", "yo ", "hallo, ")))
    b.name(w, rng.choice(("nick", "given", "given")), case=rng.choice(("lower", "", "")))
    b.t(
        rng.choice((" here. ", " here ", "! ")),
        rng.choice(("new no. ", "new number ", "call me on ")),
    )
    b.phone(w).t(rng.choice((" pls update thx", " asap", " 🙏", " ty")))
    if rng.random() < 0.5:
        b.t(" ").d(rng.choice(("short-code", "coupon", "time")))


def t_voice(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("hi um this is ", "yes hello my name is ", "hello it's ")))
    b.name(w, "full", case="lower", script="latin").t(" ")
    b.t(rng.choice(("i'm calling about ", "so the thing is ", "i wanted to ask about ")))
    b.t("my ").d(rng.choice(("car-model", "flight", "policy-no")), bare=True)
    b.t(" you can call me back on ")
    nat = phonenumbers.format_number(w.num, _FMT.NATIONAL)
    digits = " ".join(ch for ch in nat if ch.isdigit())
    region = phonenumbers.region_code_for_number(w.num) or ""
    if phonenumbers.parse(digits, region).national_number == w.num.national_number:
        b.v("phone", digits, "phone/voice-digits", region)
    else:
        b.phone(w, "e164")
    b.t(rng.choice((" thank you bye", " okay thanks", " cheers")))


def t_email_headers(b: B, c: Ctx) -> None:
    rng, w, o = b.rng, c.w, c.other()
    b.t('From: "').name(w, rng.choice(("full", "reversed", "western"))).t('" <').email(w).t(">\n")
    b.t("To: ").name(c.agent, "full", script="latin").t(" <").role().t(">\n")
    b.t("Cc: ").name(o, "full").t(" <").email(o).t(">\n")
    b.t("Date: Thu, 3 Dec 2026 10:02:41 +0100\nSubject: Re: ").d("invoice-no").t("\n\n")
    b.t("Please see the attached statement.\n\n-- \n").name(w, "given")
    if rng.random() < 0.6:
        b.t("\n", rng.choice(("Tel. ", "M: ", "Direct: "))).phone(w, ext=True)


def t_forwarded(b: B, c: Ctx) -> None:
    rng, w, o = b.rng, c.w, c.other()
    b.t(rng.choice(("FYI, see below.\n\n", "Forwarding as discussed\n\n", "")))
    b.t("---------- Forwarded message ---------\nFrom: ").name(o, "reversed").t(" <").email(o)
    b.t(">\nDate: ").d("date", bare=True).t("\nSubject: Payment details\nTo: ")
    b.name(w, "full").t(" <").email(w).t(">\n\n> Hi ").name(w, "given").t(",\n> please use ")
    b.iban().t(" for the deposit.\n> Call me on ").phone(o).t(" if unclear.")


def t_markdown(b: B, c: Ctx) -> None:
    rng = b.rng
    b.t("| Name | Phone | E-mail | Order |\n|---|---|---|---|\n")
    for who in [c.w] + [c.other() for _ in range(rng.randint(0, 2))]:
        b.t("| ").name(who, rng.choice(("full", "full", "initial"))).t(" | ").phone(who)
        b.t(" | ").email(who).t(" | ").d("order", bare=True).t(" |\n")


def t_yaml(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t("customer:\n  given_name: ").name(w, "given").t("\n  family_name: ")
    b.name(w, "family").t("\n  phone: '").phone(w).t("'\n  email: ").email(w)
    field, cls = rng.choice((("employer", "company"), ("ship_to_city", "place-name")))
    b.t("\n  payout_iban: ").iban().t(f"\n  {field}: ").d(cls, bare=True)
    b.t("\n  last_order: ").d("order", bare=True).t("\n")


def t_xml(b: B, c: Ctx) -> None:
    w = c.w
    b.t('<contact id="').d("uuid", bare=True).t('">\n  <givenName>').name(w, "given")
    b.t("</givenName>\n  <familyName>").name(w, "family").t(
        '</familyName>\n  <phone type="mobile">'
    )
    b.phone(w).t("</phone>\n  <email>").email(w).t("</email>\n  <lastLoginIp>").ip(plain=True)
    b.t("</lastLoginIp>\n</contact>")


def t_vcard(b: B, c: Ctx) -> None:
    w = c.w
    b.t("BEGIN:VCARD\nVERSION:3.0\nN:").name(w, "family").t(";").name(w, "given").t(";;;\nFN:")
    b.name(w, "full").t("\nORG:").d("company", bare=True).t("\nTEL;TYPE=CELL:").phone(w)
    b.t("\nEMAIL;TYPE=INTERNET:").email(w).t("\nEND:VCARD")


def t_ical(b: B, c: Ctx) -> None:
    w, o = c.w, c.other()
    b.t("BEGIN:VEVENT\nSUMMARY:Call with ").name(w, "full").t("\nDTSTART:20261207T093000Z\n")
    b.t("ORGANIZER;CN=").name(o, "full", script="latin").t(":mailto:").email(o).t("\n")
    b.t("ATTENDEE;CN=").name(w, "full").t(";ROLE=REQ-PARTICIPANT:mailto:").email(w)
    b.t("\nLOCATION:").url().t("\nEND:VEVENT")


def t_json_log(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.esc = rng.random() < 0.5
    b.t('{"ts":"2026-12-03T10:15:22.481Z","level":"WARN","event":"payment_declined",')
    b.t('"customer":"').name(w, rng.choice(("full", "full", "given"))).t('","client_ip":"').ip(
        plain=True
    )
    b.t('","card":"').card().t('","amount":"').d("amount", bare=True).t('","trace":"')
    b.d("uuid", bare=True).t('"}')


def t_syslog(b: B, c: Ctx) -> None:
    rng, w, o = b.rng, c.w, c.other()
    b.t(f"Dec  {rng.randint(1, 6)} 10:14:22 gw01 sshd[{rng.randint(900, 30000)}]: ")
    b.t("Failed password for invalid user ").handle(w, "_").t(" from ").ip(plain=True)
    b.t(f" port {rng.randint(30000, 65000)} ssh2\n")
    b.t(f"Dec  {rng.randint(1, 6)} 10:14:25 gw01 postfix/smtpd[812]: NOQUEUE: reject: RCPT from ")
    b.t("unknown[").ip(plain=True).t("]: 554 5.7.1 <").email(o).t(">: Relay access denied")


def t_form(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("New submission: Contact us\n\n", "Formular: Rückruf\n\n", "Web form ")))
    if b.parts[-1] == "Web form ":
        b.d("order", bare=True).t("\n\n")
    b.t("Name: ").name(
        w, rng.choice(("full", "reversed", "western")), case=rng.choice(("", "", "upper"))
    )
    b.t("\nE-mail: ").email(w).t("\nPhone: ").phone(w)
    b.t("\nMessage: ").t(rng.choice(("please call me back about my ", "question about "))).d(
        "car-model", bare=True
    )
    b.t("\nConsent: yes\nSubmitted: ").d("date", bare=True)


def t_label(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.name(
        w, rng.choice(("full", "western")), case=rng.choice(("upper", "upper", "")), script="latin"
    )
    b.t("\n", rng.choice(("c/o ", "")))
    b.t(f"{rng.randint(1, 180)} ").d("street-person", bare=True).t("\n")
    b.t(f"{rng.randint(10000, 99999)} ").d("place-name", bare=True).t("\n")
    b.t("Tel: ").phone(w).t("\n").d(rng.choice(("tracking-ups", "tracking-s10")))


def t_minutes(b: B, c: Ctx) -> None:
    rng, w, o, p = b.rng, c.w, c.other(), c.other()
    b.t("Minutes, supplier call ").d("date", bare=True).t("\nPresent: ").name(o, "full")
    b.t(" (chair), ").name(w, rng.choice(("full", "initial"))).t(", ").name(p, "given").t("\n")
    b.t("Apologies: ").name(c.agent, "full", script="latin").t("\n")
    b.t("1. Q4 figures reviewed, ").d("percent").t(".\n2. ACTION ").name(
        w, "given", case=rng.choice(("upper", ""))
    )
    b.t(": send the new IBAN (").iban().t(") to finance by ").d("calendar-word", bare=True).t(".")


def t_invoice(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t("INVOICE ").d("invoice-no", bare=True).t("\nBill to: ").name(
        w, rng.choice(("full", "western"))
    )
    b.t("\n").d("street-person", bare=True).t(f" {rng.randint(1, 90)}\n")
    b.t("Payment to IBAN ").iban().t("\n").d("bic").t("\nTotal due: ").d("amount", bare=True)
    b.t("\nQuestions: ").role()


def t_crm_note(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("Spoke w/ ", "Called ", "Cust. ")))
    b.name(w, rng.choice(("given", "full", "family-initial", "typo")))
    b.t(rng.choice((" re refund", " about the delivery", " - complaint"))).t(". ")
    b.t("Alt number ").phone(w, ext=rng.random() < 0.3).t(". Card on file ends ****").t(
        f"{rng.randint(1000, 9999)}"
    )
    b.t(". Follow-up ").d("date", bare=True).t(".")
    if rng.random() < 0.6:
        b.t(" ").d(rng.choice(MISC))


def t_ticket(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.d("ticket", bare=True).t(f" [P{rng.randint(1, 4)}] Reporter: ").name(w, "full").t(" <")
    b.email(w).t("> | Assignee: ").name(c.agent, "full", script="latin")
    b.t("\nLogin from ").ip().t(" not recognised; ").d("error-code").t(".")
    b.t("\nNote: ").d(rng.choice(MISC)).t(", ").d(rng.choice(MISC)).t(".")


def t_csv(b: B, c: Ctx) -> None:
    rng = b.rng
    b.t("name;phone;email;amount\n")
    for who in [c.w] + [c.other() for _ in range(rng.randint(1, 3))]:
        b.name(who, "full").t(";").phone(who).t(";").email(who).t(";").d("amount", bare=True).t(
            "\n"
        )


def t_html(b: B, c: Ctx) -> None:
    w = c.w
    b.t("<p>Dear <strong>").name(w, "full").t("</strong>,</p>\n<p>your appointment on ")
    b.d("date", bare=True).t(' is confirmed. We will call <a href="tel:').phone(w, "e164")
    b.t('">you</a> beforehand.</p>')


def t_social(b: B, c: Ctx) -> None:
    rng, w, o = b.rng, c.w, c.other()
    b.t("Huge thanks to @").handle(o, rng.choice((".", "_"))).t(" for sorting my ")
    b.d("car-model", bare=True).t(" 🙌 #")
    b.v("name", to_ascii(w.given_l.split()[0]), "name/social-given", w.lang).t(" ")
    b.d("hashtag", bare=True)


def t_profile_link(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("my profile: ", "see ", "CV is here ")))
    b.t("https://www.linkedin.com/in/")
    g = _local(w.given_l.split()[0])
    fam = _planted_tokens(w.family_l)
    b.v("name", g, "name/url-path-given", w.lang)
    if fam:
        b.t("-").v("name", _local(fam[-1]), "name/url-path-family", w.lang)
    b.t(f"-{_hex(rng, 6)}/ and call ").phone(w)


def t_payment(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("Please charge ", "Use card ", "Kartennummer ")))
    b.card().t(f", exp {rng.randint(1, 12):02d}/{rng.randint(27, 31)}, holder ")
    b.name(w, "full", case=rng.choice(("upper", "upper", "")), script="latin")
    b.t(". Not the old one (**** ").t(f"{rng.randint(1000, 9999)}").t(").")
    if rng.random() < 0.5:
        b.t(" ").d("luhn-fail")


def t_bank(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t("Refund to ").iban().t(" (").name(w, "full").t(")")
    b.t(rng.choice((", not ", ", old account was ")))
    b.d("iban-badcheck", bare=True).t(". ").d(rng.choice(("aba", "sort-code", "blz")))


def t_bot_echo(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    before, after = _split_phrase(rng.choice(DECOYS["bot-persona"][1]))
    b.t(before).v("decoy", rng.choice(("Nova", "Kora", "Zara", "Max")), "decoy/bot-persona")
    b.t(after, ". Thanks, ").name(w, rng.choice(("given", "given", "nick")))
    b.t("! I've updated your phone to ").phone(w).t(" and your e-mail to ").email(w).t(".")


def t_agent(b: B, c: Ctx) -> None:
    rng, w, a = b.rng, c.w, c.agent
    b.t("Hi ").name(w, rng.choice(("given", "full", "family"))).t(", this is ")
    b.name(a, "given", script="latin").t(" from support ", rng.choice(EMOJI), " ")
    b.t("I can see the ").d(rng.choice(("order", "tracking-ups", "container"))).t(" ")
    b.t("left ").d("landmark-person", bare=True).t(" ").d("date").t(".")


def t_quotes(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    q1, q2 = rng.choice((('"', '"'), ("«", "»"), ("„", "“"), ("「", "」"), ("'", "'")))
    b.t("The account still says ", q1).name(w, "full", script="latin").t(q2)
    b.t(" but my name is ", q1).name(w, "full", script="native").t(q2, " (not ")
    b.name(w, "typo", script="latin").t(")")
    b.t(". Ordered a ").d("brand-person", bare=True).t(" scarf.")


def t_emoji_edges(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    if rng.random() < 0.5:
        b.name(w, "given").t(" here ", rng.choice(EMOJI), " ")
    else:
        b.t(rng.choice(EMOJI)).name(w, "given").t(": ")
    b.t("delivery ").d("tracking-s10").t(" still not here, ").d("assistant-name", bare=True).t(
        " says "
    )
    b.d("time", bare=True).t(", ").d(rng.choice(MISC)).t(". Regards, ").name(
        w, rng.choice(("full", "given", "nick"))
    )


def t_url(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("This link doesn't work: ", "webhook: ", "Download failed for ",
                    "I got this in a mail, is it you? ")))  # fmt: skip
    opening, closing = rng.choice(((" (", ")"), (" — ", "")))
    b.url().t(opening).d(rng.choice(("http-status", "error-code", "version")), bare=True)
    b.t(closing, " — ").name(w, "given")


def t_ip(b: B, c: Ctx) -> None:
    rng, w = b.rng, c.w
    b.t(rng.choice(("Someone logged in from ", "New sign-in from ", "Blocked: ")))
    b.ip().t(" on ").d("date", bare=True).t(", that wasn't me (").name(w, "full").t(")")
    if rng.random() < 0.4:
        b.t(". My office is ").ip()


def t_feedback(b: B, c: Ctx) -> None:
    rng, a, w = b.rng, c.agent, c.w
    b.t(rng.choice(("Great help from ", "Thanks to ", "Very slow, ")))
    b.name(a, rng.choice(("given", "full")), script="latin").t("! ")
    b.t(rng.choice(("", "", "Contact me: "))).email(w).t(" ").d(rng.choice(("holiday", "percent")))


def t_hr(b: B, c: Ctx) -> None:
    w = c.w
    b.t("employee=").handle(w, ".").t(' full_name="').name(w, "full").t('" mobile=').phone(w)
    b.t(" iban=").iban().t(" start=").d("date", bare=True).t(" cost_centre=")
    b.d("sku", bare=True).t(" office=").d("place-name", bare=True)


def t_group(b: B, c: Ctx) -> None:
    rng, w, o = b.rng, c.w, c.other()
    b.t("@").name(o, "given", script=rng.choice(("native", "latin"))).t(" can you send ")
    b.name(w, rng.choice(("given", "nick"))).t(" the ").d(rng.choice(("gtin", "isbn", "imo")))
    b.t(" details? ").name(o, "given").t(" has them").t(rng.choice((" 🙏", "", " thx")))


# How people address someone politely, per language: {f} family name, {g} given name, {g1} the
# given name people call someone by (the last of its words), {n} the native full name.
TITLES: dict[str, tuple[str, ...]] = {
    "en": ("Mr {f}", "Ms {f}", "Dr {f}"), "de": ("Frau {f}", "Herr {f}", "Fr. Dr. {f}"),
    "fr": ("Mme {f}", "M. {f}"), "es": ("Sra. {f}", "don {g1}"),
    "it": ("Sig.ra {f}", "Dott. {f}"),
    "pt": ("Sr. {f}", "Dona {g1}"), "nl": ("mevrouw {f}", "meneer {f}"),
    "pl": ("Pani {g1}", "Pan {f}"),
    "sv": ("{g1}",), "am": ("አቶ {g1}", "ወ/ሮ {g1}"), "si": ("{g1} මහත්මිය",), "ta": ("திரு. {g1}",),
    "te": ("{g1} గారు",), "km": ("លោក {g1}", "អ្នកស្រី {g1}"), "lo": ("ທ່ານ {g1}",),
    "my": ("ဦး{n}", "ဒေါ်{n}"), "mn": ("{g1} гуай",), "kk": ("{g1} ханым", "{g1} мырза"),
    "uz": ("{g1} opa", "{g1} aka"), "az": ("{g1} xanım", "{g1} bəy"),
    "sq": ("Zonja {f}", "Zoti {f}"),
    "is": ("{g1}",), "mt": ("Sur {f}", "Sinjura {f}"), "eu": ("{g1} andrea",), "ca": ("Sr. {f}",),
    "cy": ("Mr {f}", "Mrs {f}"), "ga": ("Ms {f}",), "yo": ("Ọ̀gbẹ́ni {f}", "Mọ́mì {g1}"),
    "ig": ("Maazi {g1}", "Nne {g1}"), "ha": ("Alhaji {g1}", "Hajiya {g1}"),
    "sw": ("Bwana {g1}", "Mama {g1}"), "zu": ("Mnu. {f}", "Nkk. {f}"),
    "tl": ("Ate {g1}", "Kuya {g1}"),
    "ms": ("Encik {g1}", "Puan {g1}"), "id": ("Pak {g1}", "Bu {g1}", "Kak {g1}"),
    "vi": ("chị {g1}", "anh {g1}"), "he": ("מר {f}", "גב' {f}"), "fa": ("آقای {f}", "خانم {f}"),
    "ur": ("{g1} صاحب",), "ps": ("ښاغلی {f}",), "bn": ("{g1} দিদি",), "ne": ("{g1} जी",),
    "el": ("κ. {f}",), "uk": ("пані {g1}", "пан {f}"), "sr": ("госпођа {f}", "господин {f}"),
    "ru": ("господин {f}", "госпожа {f}"), "fi": ("{g1}",), "hu": ("{f} úr", "{g1} néni"),
    "lt": ("ponia {g1}",), "lv": ("{g1} kundze",), "et": ("härra {f}", "proua {f}"),
    "tr": ("{g1} Hanım", "{g1} Bey"), "ro": ("doamna {f}", "domnul {f}"), "cs": ("paní {f}",),
    "ar": ("السيد {f}", "الأستاذة {g1}"), "ka": ("ბატონი {g1}", "ქალბატონი {g1}"),
    "hy": ("պարոն {f}", "տիկին {f}"), "th": ("คุณ{g1}",), "zh": ("{n}先生", "{n}女士"),
    "ja": ("{n}様", "{n}さん"), "ko": ("{n}님", "{n}씨"),
}  # fmt: skip


def t_honorific(b: B, c: Ctx) -> None:
    """Staff or a customer named with a title, in the person's language."""
    rng = b.rng
    who = c.agent if rng.random() < 0.5 else c.w
    pattern = rng.choice(TITLES[who.lang])
    fam = _planted_tokens(who.family)
    if "{f}" in pattern and not fam:
        pattern = "{g1}"
    opening, follow = rng.choice(((" ", " was really helpful with "), ("Please thank ", " for "),
                                  ("I spoke to ", " about "),
                                  ("Complaint: ", " never called back about ")))  # fmt: skip
    b.t(opening.strip() and opening)
    for piece in re.split(r"(\{\w+\})", pattern):
        if piece == "{f}":
            b.v("name", fam[-1], "name/honorific-family", who.lang)
        elif piece == "{g1}":
            g1 = (who.given if not who.joined else who.given_l).split()[-1]
            b.v("name", g1, "name/honorific-given", who.lang)
        elif piece == "{n}":
            b.v("name", who.joined or who.given, "name/honorific-full", who.lang)
        else:
            b.t(piece)
    b.t(follow)
    b.d(rng.choice(("order", "policy-no", "invoice-no")))
    b.t(rng.choice((".", "!", " 🙏", "")))


SPOTS: dict[str, tuple[Callable[[B, Ctx], None], tuple[str, ...]]] = {
    "intro": (t_intro, ("message:user",)),
    "chat-log": (t_chat_log, ("raw", "message:agent")),
    "sms": (t_sms, ("message:user",)),
    "voice": (t_voice, ("message:user", "raw")),
    "email-headers": (t_email_headers, ("message:user", "raw")),
    "forwarded": (t_forwarded, ("message:user",)),
    "markdown": (t_markdown, ("message:bot", "message:agent")),
    "yaml": (t_yaml, ("message:user", "message:bot")),
    "xml": (t_xml, ("message:bot", "raw")),
    "vcard": (t_vcard, ("message:user",)),
    "ical": (t_ical, ("message:user", "message:bot")),
    "json-log": (t_json_log, ("message:user", "raw")),
    "syslog": (t_syslog, ("message:agent", "message:user")),
    "form": (t_form, ("message:bot", "raw")),
    "address-label": (t_label, ("message:user", "message:agent")),
    "minutes": (t_minutes, ("message:user",)),
    "invoice": (t_invoice, ("message:bot", "message:user")),
    "crm-note": (t_crm_note, ("raw", "message:agent")),
    "ticket": (t_ticket, ("raw", "message:agent")),
    "csv": (t_csv, ("message:user",)),
    "html": (t_html, ("message:bot",)),
    "social": (t_social, ("message:user",)),
    "profile-link": (t_profile_link, ("message:user",)),
    "payment": (t_payment, ("message:user",)),
    "bank-details": (t_bank, ("message:user", "raw")),
    "bot-echo": (t_bot_echo, ("message:bot",)),
    "agent-reply": (t_agent, ("message:agent",)),
    "quotes": (t_quotes, ("message:user",)),
    "emoji-edges": (t_emoji_edges, ("message:user",)),
    "url": (t_url, ("message:user", "message:agent")),
    "ip-report": (t_ip, ("message:user",)),
    "feedback": (t_feedback, ("raw",)),
    "hr-record": (t_hr, ("message:user", "raw")),
    "group-chat": (t_group, ("message:user",)),
    "honorific": (t_honorific, ("message:user", "raw")),
}


# --- conversations -------------------------------------------------------------------------------

RAW_FIELD = {"peki": "raw:last_received_text", "kore": "raw:agent_notes", "selise": "raw:feedback"}
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")
_AGENTS_UA = ("Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 Chrome/131.0 Mobile",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 "
              "Firefox/133.0")  # fmt: skip


def unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_UNSPACED)


def faults(text: str, planted: Planted) -> list[str]:
    """What would make the evaluation count a value where none was meant: a value missing, one
    inside a longer word (except next to a script written without spaces), one cut before a
    combining mark, two values overlapping."""
    out, spans = [], []
    for _, value, _ in planted:
        a = text.find(value)
        if a < 0:
            out.append(f"{value!r} missing")
        while a >= 0:
            b = a + len(value)
            left = text[a - 1] if a else " "
            right = text[b] if b < len(text) else " "
            for outer, inner in ((left, value[0]), (right, value[-1])):
                if outer.isalnum() and not (unspaced(outer) or unspaced(inner)):
                    out.append(f"{value!r} inside a word")
            if unicodedata.combining(right):
                out.append(f"{value!r} before a combining mark")
            spans.append((a, b, value))
            a = text.find(value, a + 1)
    spans.sort()
    for i, (_, b1, v1) in enumerate(spans):
        out += [f"{v1!r} overlaps {v2!r}" for a2, _, v2 in spans[i + 1 :] if a2 < b1 and v2 != v1]
    return out


def _full_native(w: Who) -> str:
    if w.joined:
        return w.joined
    first, second = (w.family, w.given) if w.order == "fg" else (w.given, w.family)
    return f"{first} {second}".strip()


def _profile(rng: random.Random, platform: str, w: Who) -> dict[str, Any]:
    e164 = phonenumbers.format_number(w.num, _FMT.E164)
    if platform == "peki":
        return {"firstName": w.joined or w.given,
                "lastName": (w.family or None) if not w.joined else None,
                "email": w.email, "phoneNumber": e164,
                "username": f"{_local(w.given_l.split()[0])}{rng.randint(1, 99)}",
                "source": rng.choice(("WhatsApp", "Telegram", "Web", "Viber")),
                "dataDictionary": {"customerNo": f"C-{rng.randint(10000, 99999)}"}}  # fmt: skip
    if platform == "kore":
        return {"channels": [{"type": "email", "channelUId": w.email}],
                "tags": {"userTags": [{"name": "email", "value": w.email},
                                      {"name": "phone", "value": e164},
                                      {"name": "fullName", "value": _full_native(w)}],
                         "sessionTags": []}}  # fmt: skip
    return {"user_info": {"name": _full_native(w), "email": w.email, "phone": e164},
            "ip_address": ipv4(rng), "user_agent": rng.choice(_AGENTS_UA),
            "metadata": {"source": "widget",
                         "page_url": "https://shop.vinashop.vn/help"}}  # fmt: skip


def conversation(rng: random.Random) -> Conversation:
    w, agent = make_who(rng), make_who(rng)
    platform = rng.choice(("peki", "kore", "selise"))
    ctx = Ctx(rng, w, agent, rng.choice(("Nova", "Kora", "Zara")))
    person = Person(w.lang, w.joined or w.given, "" if w.joined else w.family, w.email,
                    phonenumbers.format_number(w.num, _FMT.E164),
                    write_phone(w.num, phone_form(rng, w.num)), w.region)  # fmt: skip
    conv = Conversation(platform, person, _profile(rng, platform, w))
    spots = sorted(SPOTS)
    for _ in range(rng.randint(2, 8)):
        spot = rng.choice(spots)
        make, wheres = SPOTS[spot]
        where = rng.choice(wheres)
        where = RAW_FIELD[platform] if where == "raw" else where
        for _ in range(40):
            b = B(rng, spot)
            try:
                make(b, ctx)
            except _Clash:
                continue
            text = b.text()
            if b.planted and not faults(text, b.planted):
                conv.texts.append(Text12(text, b.planted, where, b.origins, spot))
                break
    return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations until they hold at least n texts; the same for the same seed."""
    rng = random.Random(seed)
    out: list[Conversation] = []
    total = 0
    while total < n:
        conv = conversation(rng)
        if conv.texts:
            out.append(conv)
            total += len(conv.texts)
    return out


def position(text: str, value: str) -> str:
    a = text.find(value)
    b = a + len(value)
    before, after = text[:a].rstrip(), text[b:].strip()
    if not before:
        return "start"
    if after in ("", ".", "!", "?", "。", "।", "။", "։", "۔"):
        return "end"
    prev = before[-1]
    if unicodedata.category(prev) == "So" or ord(prev) in (0xFE0F, 0x200D):
        return "after-emoji"
    if prev in "(（":
        return "parens"
    if prev in "\"'«„「“‘" and a and text[a - 1] == prev:
        return "quotes"
    if prev == "#" and a and text[a - 1] == "#":
        return "hashtag"
    if prev == "@" and a and text[a - 1] == "@":
        return "mention"
    if "://" in before.rsplit(None, 1)[-1] and prev in "/-":
        return "url-path"
    return "line-start" if text[a - 1 : a] == "\n" else "middle"


def composition(bank: list[Conversation]) -> dict[str, Counter[str]]:
    """Planted values by kind, class, name language, container, position, where and origin."""
    comp: dict[str, Counter[str]] = {k: Counter() for k in ("kind", "class", "name-lang", "spot",
        "position", "where", "origin", "platform", "texts")}  # fmt: skip
    for conv in bank:
        comp["platform"][conv.platform] += 1
        for t in conv.texts:
            comp["texts"]["all"] += 1
            comp["where"][t.where.split(":")[0] if t.where.startswith("raw") else t.where] += 1
            if t.where.startswith("raw"):
                comp["where"][t.where] += 1
            origins = getattr(t, "origins", [""] * len(t.planted))
            comp["spot"][getattr(t, "spot", "")] += 1
            for (kind, value, cls), origin in zip(t.planted, origins, strict=True):
                comp["kind"][kind] += 1
                comp["class"][cls] += 1
                comp["position"][f"{kind}:{position(t.text, value)}"] += 1
                if origin:
                    comp["origin"][f"{kind}:{origin}"] += 1
                if kind == "name":
                    comp["name-lang"][origin] += 1
    return comp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    comp = composition(corpus(args.texts, args.seed))
    for key, counts in comp.items():
        print(f"\n{key} ({len(counts)}):")
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
