"""Own name lists of held-out bank 18: first and last names per language, written for this bank.

Languages with a non-Latin script keep the script form and a Latin transliteration at the
same index (``NAMES["ru"]`` and ``NAMES["ru-Latn"]``), so one person can be written either
way and the pair stays the same person. First names alternate: even positions are women's
names, odd positions men's, so a phrase naming a mother or a brother gets a fitting name; in
languages whose family names have a woman's and a man's form (``GENDERED``) the family names
alternate the same way.
"""

from __future__ import annotations

GENDERED = frozenset({"pl", "lv", "bg", "ru", "az"})

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Gwendolyn", "Fergus", "Philippa", "Cormac", "Henrietta", "Alistair"),
        ("Ravenscroft", "Pennington", "Mottram", "Bellingham", "Aldridge", "Summerhayes"),
    ),
    "de": (
        ("Hannelore", "Sigismund", "Waltraud", "Ottokar", "Lieselotte", "Gebhard"),
        ("Obermüller", "Käßmann", "Trautwein", "Vögele", "Hufnagel", "Rößler"),
    ),
    "fr": (
        ("Ghislaine", "Anatole", "Bérénice", "Théophile", "Solène", "Aurélien"),
        ("Delacroix-Vasseur", "Lefèvre", "Berthelot", "Guérin", "Marchetti", "Rousselot"),
    ),
    "es": (
        ("Inmaculada", "Gonzalo", "Begoña", "Íñigo", "Remedios", "Baltasar"),
        ("Ibáñez", "Echevarría", "Quintanilla", "Peñalosa", "Villanueva", "Zubizarreta"),
    ),
    "it": (
        ("Ludovica", "Ottavio", "Benedetta", "Gianluca", "Ornella", "Raffaele"),
        ("Sabbatini", "Donnarumma", "Pellegrino", "Cavalcanti", "Quaranta", "Niccolai"),
    ),
    "pt": (
        ("Conceição", "Joaquim", "Leonor", "Sebastião", "Graça", "Rodrigo"),
        ("Magalhães", "Figueiredo", "Assunção", "Brandão", "Loureiro", "Gusmão"),
    ),
    "tr": (
        ("Gülşen", "Şükrü", "Nilüfer", "Oğuzhan", "Hülya", "Çağatay"),
        ("Karaağaç", "Öztürkmen", "Yıldırımoğlu", "Çelikkaya", "Başaran", "Dağdelen"),
    ),
    "nl": (
        ("Geertruida", "Maarten", "Anneloes", "Joris", "Wilhelmina", "Sjoerd"),
        ("van der Heijden", "Brouwer", "de Wit", "IJzerman", "Verhoeven", "Schuurmans"),
    ),
    "pl": (
        ("Bożena", "Grzegorz", "Małgorzata", "Przemysław", "Jadwiga", "Zdzisław"),
        ("Wróblewska", "Szczepański", "Żurawska", "Chmielewski", "Kaczmarczyk", "Pietrzak"),
    ),
    "hr": (
        ("Dubravka", "Krešimir", "Snježana", "Tihomir", "Ljiljana", "Zvonimir"),
        ("Kovačević", "Babić", "Jurković", "Šimunović", "Đurđević", "Mikulić"),
    ),
    "sl": (
        ("Špela", "Matevž", "Urška", "Rok", "Mojca", "Gregor"),
        ("Zupančič", "Kranjc", "Potočnik", "Vidmar", "Hribar", "Žagar"),
    ),
    "lv": (
        ("Ilze", "Jānis", "Agnese", "Raimonds", "Līga", "Kārlis"),
        ("Kalniņa", "Bērziņš", "Liepiņa", "Ozoliņš", "Vītola", "Krūmiņš"),
    ),
    "et": (
        ("Piret", "Tõnu", "Külli", "Jüri", "Maarika", "Rein"),
        ("Tamm", "Saar", "Mägi", "Kõiv", "Põder", "Rebane"),
    ),
    "az": (
        ("Günel", "Rəşad", "Aygün", "Elçin", "Səbinə", "Tural"),
        ("Məmmədova", "Əliyev", "Hüseynova", "Quliyev", "Həsənova", "Cəfərov"),
    ),
    "eu": (
        ("Itziar", "Unai", "Garazi", "Aitor", "Nerea", "Iñaki"),
        ("Etxeberria", "Goikoetxea", "Urrutia", "Aranburu", "Zabaleta", "Olaizola"),
    ),
    "cy": (
        ("Angharad", "Gruffydd", "Eluned", "Dafydd", "Siân", "Llŷr"),
        ("ap Gwilym", "Pritchard", "Llewellyn", "Rhydderch", "Vaughan", "Prosser"),
    ),
    "mt": (
        ("Marija", "Ġorġ", "Rożanne", "Ċensu", "Doris", "Pawlu"),
        ("Borġ", "Camilleri", "Farruġia", "Xuereb", "Żammit", "Grech"),
    ),
    "bg": (
        ("Десислава", "Пламен", "Цветелина", "Любомир", "Радостина", "Благовест"),
        ("Стоянова", "Гърков", "Цветанова", "Маринов", "Костадинова", "Жеков"),
    ),
    "bg-Latn": (
        ("Desislava", "Plamen", "Tsvetelina", "Lyubomir", "Radostina", "Blagovest"),
        ("Stoyanova", "Garkov", "Tsvetanova", "Marinov", "Kostadinova", "Zhekov"),
    ),
    "ru": (
        ("Евгения", "Святослав", "Людмила", "Всеволод", "Ярослава", "Аркадий"),
        ("Щербакова", "Воробьёв", "Кузнецова", "Журавлёв", "Белоусова", "Тихонов"),
    ),
    "ru-Latn": (
        ("Yevgeniya", "Svyatoslav", "Lyudmila", "Vsevolod", "Yaroslava", "Arkadiy"),
        ("Shcherbakova", "Vorobyov", "Kuznetsova", "Zhuravlyov", "Belousova", "Tikhonov"),
    ),
    "hy": (
        ("Անահիտ", "Տիգրան", "Նարինե", "Արամ", "Լուսինե", "Գևորգ"),
        ("Հովհաննիսյան", "Սարգսյան", "Պետրոսյան", "Մկրտչյան", "Ավետիսյան", "Ղազարյան"),
    ),
    "hy-Latn": (
        ("Anahit", "Tigran", "Narine", "Aram", "Lusine", "Gevorg"),
        ("Hovhannisyan", "Sargsyan", "Petrosyan", "Mkrtchyan", "Avetisyan", "Ghazaryan"),
    ),
    "ta": (
        ("கார்த்திகா", "செந்தில்", "மீனாட்சி", "அருண்", "வள்ளி", "முருகன்"),
        ("சுப்பிரமணியம்", "ராஜேந்திரன்", "கணேசன்", "பழனிசாமி", "வேலுசாமி", "சண்முகம்"),
    ),
    "ta-Latn": (
        ("Karthika", "Senthil", "Meenakshi", "Arun", "Valli", "Murugan"),
        ("Subramaniam", "Rajendran", "Ganesan", "Palaniswamy", "Veluswamy", "Shanmugam"),
    ),
    "ur": (
        ("ثمینہ", "عمران", "نازیہ", "فرحان", "رخسانہ", "کاشف"),
        ("چوہدری", "قریشی", "بخاری", "ملک", "صدیقی", "انصاری"),
    ),
    "ur-Latn": (
        ("Samina", "Imran", "Nazia", "Farhan", "Rukhsana", "Kashif"),
        ("Chaudhry", "Qureshi", "Bukhari", "Malik", "Siddiqui", "Ansari"),
    ),
    "am": (
        ("ሰላማዊት", "ዳዊት", "ብርቱካን", "ተስፋዬ", "መሰረት", "ሄኖክ"),
        ("ገብረመድህን", "ወልደሚካኤል", "ተክለሃይማኖት", "አበበ", "ታደሰ", "ኃይሌ"),
    ),
    "am-Latn": (
        ("Selamawit", "Dawit", "Birtukan", "Tesfaye", "Meseret", "Henok"),
        ("Gebremedhin", "Woldemichael", "Teklehaimanot", "Abebe", "Tadesse", "Haile"),
    ),
}
