"""Names of held-out bank 27: given and family names per language, written as their speakers
write them; the nine Cyrillic languages also romanised.

``CORE`` are the nine product languages, ``LATIN_NEW`` twelve languages written in Latin
letters (Kanuri, Aromanian, Võro, Dinka, Saterland Frisian, Picard, Cook Islands Māori
(Rarotongan), Sranan Tongo, Garifuna, K'iche', Mapudungun and Nahuatl) and ``SCRIPT_NEW`` nine
languages written in Cyrillic (Karakalpak, Nenets, Khanty, Mansi, Chukchi, Evenki, Dungan,
Shor and Even). ``FEMALE`` marks the given names of women where the family name agrees with
them (``family_form``).
"""

from __future__ import annotations

CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
LATIN_NEW = ("kr", "rup", "vro", "din", "stq", "pcd", "rar", "srn", "cab", "quc", "arn", "nah")
SCRIPT_NEW = ("kaa", "yrk", "kca", "mns", "ckt", "evn", "dng", "cjs", "eve")

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Oliver", "Charlotte", "George", "Amelia", "Harry", "Emily", "Thomas", "Sophie",
         "Edward", "Lucy", "Samuel", "Hannah"),
        ("Thompson", "Robinson", "Wright", "Walker", "Hughes", "Edwards", "Turner", "Parker",
         "Collins", "Morris", "Bennett", "Cooper"),
    ),
    "de": (
        ("Lukas", "Johanna", "Tobias", "Katharina", "Florian", "Franziska", "Stefan", "Sabine",
         "Jürgen", "Birgit", "Maximilian", "Lena"),
        ("Schneider", "Fischer", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein",
         "Wolf", "Schröder", "Neumann", "Schwarz"),
    ),
    "fr": (
        ("Mathieu", "Camille", "Nicolas", "Élodie", "Julien", "Margaux", "Antoine", "Chloé",
         "Sébastien", "Manon", "Guillaume", "Aurélie"),
        ("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Bonnet", "Dupont",
         "Lambert", "Fournier", "Roussel", "Faure"),
    ),
    "es": (
        ("Alejandro", "Lucía", "Javier", "Carmen", "Sergio", "Paula", "Andrés", "Marta",
         "Rubén", "Elena", "Diego", "Pilar"),
        ("García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Jiménez", "Ruiz",
         "Hernández", "Díaz", "Moreno", "Álvarez"),
    ),
    "it": (
        ("Francesco", "Giulia", "Alessandro", "Chiara", "Lorenzo", "Federica", "Matteo",
         "Valentina", "Davide", "Silvia", "Riccardo", "Martina"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
         "Marino", "Greco", "Bruno", "Gallo"),
    ),
    "pt": (
        ("João", "Beatriz", "Tiago", "Inês", "Rodrigo", "Mariana", "Gonçalo", "Catarina",
         "Duarte", "Leonor", "Afonso", "Margarida"),
        ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues",
         "Martins", "Sousa", "Fernandes", "Gonçalves", "Magalhães"),
    ),
    "tr": (
        ("Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak", "Elif", "Oğuz",
         "Gülşen", "İbrahim", "Şule"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan",
         "Doğan", "Kılıç", "Aslan"),
    ),
    "nl": (
        ("Daan", "Sanne", "Bram", "Lotte", "Thijs", "Femke", "Joost", "Anouk", "Ruud",
         "Marieke", "Sjoerd", "Eline"),
        ("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Dekker", "Bos", "Vos",
         "Peters", "Hendriks", "Kuipers"),
    ),
    "pl": (
        ("Krzysztof", "Agnieszka", "Tomasz", "Małgorzata", "Paweł", "Katarzyna", "Marcin",
         "Joanna", "Łukasz", "Magdalena", "Grzegorz", "Ewa"),
        ("Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
         "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Nowak", "Mazur"),
    ),
    # Kanuri (Borno, Nigeria)
    "kr": (
        ("Babagana", "Kashim", "Kachalla", "Yagana", "Falmata", "Fanna", "Kellu", "Bintu",
         "Goni", "Lawan", "Bulama", "Zara"),
        ("Shettima", "Zulum", "Kyari", "Monguno", "Dikwa", "Bukar", "Modu", "Gana", "Ngamdu",
         "Waziri", "Abatcha", "Mustapha"),
    ),
    # Aromanian (North Macedonia, Albania, Romania)
    "rup": (
        ("Sterie", "Zicu", "Nusi", "Tache", "Hristu", "Tanasi", "Naum", "Mitre", "Dina",
         "Lena", "Vanghea", "Sofia"),
        ("Papahagi", "Caragiani", "Boiagi", "Belimace", "Batzaria", "Cuvata", "Caragiu",
         "Capidan", "Murnu", "Beza", "Araia", "Tulliu"),
    ),
    # Võro (south-eastern Estonia)
    "vro": (
        ("Jaan", "Ülle", "Sulev", "Kaido", "Madis", "Margus", "Triinu", "Taive", "Evar",
         "Andres", "Kadri", "Liina"),
        ("Kauksi", "Iva", "Kõiv", "Konnula", "Ojar", "Hallap", "Raag", "Lõhmus", "Pärn",
         "Mägi", "Tamm", "Kuus"),
    ),
    # Dinka (South Sudan)
    "din": (
        ("Garang", "Majok", "Akol", "Mabior", "Achol", "Nyandeng", "Ayen", "Abuk", "Akech",
         "Makuei", "Alier", "Chol"),
        ("Deng", "Kuol", "Bol", "Mayardit", "Ajak", "Atem", "Bior", "Malual", "Thon", "Arok",
         "Kiir", "Ngor"),
    ),
    # Saterland Frisian (Lower Saxony)
    "stq": (
        ("Hinnerk", "Johann", "Tjade", "Wübbe", "Geeske", "Trientje", "Hilke", "Gesina",
         "Jann", "Berend", "Fenna", "Eilert"),
        ("Wreesmann", "Lüken", "Tameling", "Schlömer", "Hempen", "Kleen", "Bley", "Janssen",
         "Evers", "Stratmann", "Bruns", "Tebben"),
    ),
    # Picard (Hauts-de-France, Hainaut)
    "pcd": (
        ("Gaston", "Marcel", "Gisèle", "Berthe", "Ghislain", "Rosalie", "Jules", "Zoé",
         "Armand", "Léonie", "Fernand", "Célestin"),
        ("Caron", "Lefebvre", "Leclercq", "Carpentier", "Delattre", "Vasseur", "Lemaire",
         "Pruvost", "Wattebled", "Deleplanque", "Leleu", "Dhaussy"),
    ),
    # Cook Islands Māori (Rarotonga)
    "rar": (
        ("Teina", "Tepaeru", "Ngametua", "Vaine", "Tuaine", "Tangata", "Ngamau", "Tetangi",
         "Tupou", "Mii", "Teuru", "Mata"),
        ("Puna", "Vavia", "Munokoa", "Matapo", "Toki", "Tutakiau", "Maoate", "Tangimetua",
         "Heather", "Marsters", "Pokino", "Ariki"),
    ),
    # Sranan Tongo (Suriname)
    "srn": (
        ("Kwasi", "Kofi", "Kwaku", "Kwamina", "Kodyo", "Yaw", "Akuba", "Kwasiba", "Adyuba",
         "Afi", "Amba", "Yaba"),
        ("Venetiaan", "Wijdenbosch", "Pengel", "Sedney", "Ferrier", "Pinas", "Brunswijk",
         "Kruisland", "Emanuels", "Samson", "Waterberg", "Vreedzaam"),
    ),
    # Garifuna (Honduras, Belize)
    "cab": (
        ("Aurelio", "Celso", "Librado", "Aurelia", "Nidia", "Wilfredo", "Paulino", "Justa",
         "Casimiro", "Dilcia", "Mirtha", "Lamberto"),
        ("Arzú", "Güity", "Sambulá", "Lambé", "Norales", "Bernárdez", "Cacho", "Palacio",
         "Suazo", "Lalín", "Bermúdez", "Castillo"),
    ),
    # K'iche' (Guatemala)
    "quc": (
        ("Rigoberta", "Tomás", "Juana", "Ixchel", "Vicente", "Petrona", "Sebastiana", "Diego",
         "Manuela", "Nicolás", "Cristóbal", "Gaspar"),
        ("Menchú", "Tum", "Xiloj", "Tzul", "Ixcoy", "Cux", "Coj", "Tzoc", "Quiej", "Ajanel",
         "Tzunún", "Ajpop"),
    ),
    # Mapudungun (Araucanía, Chile)
    "arn": (
        ("Elicura", "Leftraru", "Ayelén", "Millaray", "Rayén", "Relmu", "Nahuel", "Licán",
         "Aukán", "Pehuén", "Ailén", "Llanka"),
        ("Huenchumilla", "Millapán", "Huenul", "Ñancupil", "Catrileo", "Painemal",
         "Quilaqueo", "Huaiquil", "Antileo", "Llancaman", "Calfucura", "Lienlaf"),
    ),
    # Nahuatl (Puebla, Tlaxcala, Veracruz)
    "nah": (
        ("Xóchitl", "Citlali", "Cuauhtémoc", "Tonatiuh", "Yaretzi", "Meztli", "Tenoch",
         "Ollin", "Itzcóatl", "Quetzalli", "Tlalli", "Yolotl"),
        ("Tecuapacho", "Xochitiotzi", "Tlapale", "Cuamatzi", "Xochihua", "Tecuatl",
         "Zempoaltecatl", "Tlachi", "Cuapio", "Atonal", "Tepatl", "Cuatlapantzi"),
    ),
    # Karakalpak (Karakalpakstan, Uzbekistan)
    "kaa": (
        ("Бердах", "Әжинияз", "Бахтияр", "Марат", "Дәўлет", "Ержан", "Айгүл", "Гүлнара",
         "Айымхан", "Гүлзада", "Жумагүл", "Қалмурат"),
        ("Бердимуратов", "Камалов", "Ембергенов", "Айтмуратов", "Утепов", "Қалимбетов",
         "Досымбетов", "Алламуратов", "Турдымуратов", "Есемуратов", "Жуманиязов",
         "Өтемисов"),
    ),
    # Nenets (Yamal, Nenets Okrug)
    "yrk": (
        ("Прокопий", "Семён", "Тимофей", "Леонид", "Илья", "Ефим", "Анна", "Прасковья",
         "Мария", "Елена", "Нина", "Галина"),
        ("Ядне", "Вануйто", "Лаптандер", "Сэротэтто", "Окотэтто", "Пуйко", "Салиндер",
         "Хороля", "Яптик", "Вылка", "Тайбарей", "Ненянг"),
    ),
    # Khanty (Khanty-Mansi Okrug)
    "kca": (
        ("Еремей", "Тимофей", "Роман", "Пётр", "Николай", "Владислав", "Евдокия", "Мария",
         "Татьяна", "Раиса", "Ульяна", "Агриппина"),
        ("Сопочин", "Молданов", "Айпин", "Ерныхов", "Вагатов", "Лозямов", "Тарлин",
         "Кантеров", "Сенгепов", "Покачев", "Казамкин", "Кечимов"),
    ),
    # Mansi (Khanty-Mansi Okrug)
    "mns": (
        ("Юван", "Матвей", "Иван", "Константин", "Степан", "Григорий", "Светлана", "Анна",
         "Лидия", "Таисия", "Евдокия", "Зоя"),
        ("Бахтияров", "Анямов", "Самбиндалов", "Куриков", "Хозумов", "Пакин", "Шешкин",
         "Тасманов", "Анаев", "Номин", "Ромбандеев", "Сайнахов"),
    ),
    # Chukchi (Chukotka)
    "ckt": (
        ("Юрий", "Виктор", "Михаил", "Владимир", "Николай", "Антонина", "Валентина", "Зоя",
         "Людмила", "Тэгрынэ", "Рультына", "Ольга"),
        ("Рытхэу", "Тынэтэгин", "Кеулькут", "Тынеквын", "Омрувье", "Этынкай", "Кергытагин",
         "Тымнэвакат", "Гэмауге", "Вуквутагин", "Ятгыргин", "Тнелхут"),
    ),
    # Evenki (Evenkia, Yakutia, Amur)
    "evn": (
        ("Алитет", "Николай", "Василий", "Семён", "Анатолий", "Григорий", "Галина",
         "Евдокия", "Надежда", "Мария", "Анастасия", "Зинаида"),
        ("Немтушкин", "Кэптукэ", "Оёгир", "Увачан", "Удыгир", "Почогир", "Каплин", "Момоль",
         "Салаткин", "Юкоткин", "Лонтогир", "Хутокогир"),
    ),
    # Dungan (Chüy valley, Kyrgyzstan and Kazakhstan)
    "dng": (
        ("Ясыр", "Мухаммед", "Хусейн", "Ибрагим", "Исмаил", "Ануар", "Ахмат", "Фатима",
         "Айша", "Зулейха", "Мариям", "Хава"),
        ("Имазов", "Шиваза", "Сушанло", "Ясыров", "Хамазов", "Дауров", "Мансуров", "Юсупов",
         "Ванахун", "Шимаров", "Арбудаев", "Хасанов"),
    ),
    # Shor (Kemerovo oblast)
    "cjs": (
        ("Владимир", "Геннадий", "Алексей", "Сергей", "Виталий", "Евгений", "Любовь",
         "Надежда", "Ирина", "Ольга", "Светлана", "Людмила"),
        ("Тотышев", "Арбачаков", "Кискоров", "Чудеков", "Бельчегешев", "Кызласов",
         "Тюлюнов", "Таннагашев", "Кыдыяков", "Шулбаев", "Челбогашев", "Сарайкин"),
    ),
    # Even (Yakutia, Magadan, Kamchatka)
    "eve": (
        ("Андрей", "Василий", "Платон", "Никифор", "Прокопий", "Семён", "Варвара",
         "Христина", "Мария", "Анастасия", "Дарья", "Екатерина"),
        ("Кривошапкин", "Тарабукин", "Слепцов", "Кейметинов", "Атласов", "Синявин",
         "Роббек", "Даркин", "Амосов", "Гермогенов", "Дегтярёв", "Кейкогир"),
    ),
}  # fmt: skip

FEMALE: dict[str, set[str]] = {
    "pl": {"Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Magdalena", "Ewa"},
    "kaa": {"Айгүл", "Гүлнара", "Айымхан", "Гүлзада", "Жумагүл"},
    "kca": {"Евдокия", "Мария", "Татьяна", "Раиса", "Ульяна", "Агриппина"},
    "mns": {"Светлана", "Анна", "Лидия", "Таисия", "Евдокия", "Зоя"},
    "evn": {"Галина", "Евдокия", "Надежда", "Мария", "Анастасия", "Зинаида"},
    "dng": {"Фатима", "Айша", "Зулейха", "Мариям", "Хава"},
    "cjs": {"Любовь", "Надежда", "Ирина", "Ольга", "Светлана", "Людмила"},
    "eve": {"Варвара", "Христина", "Мария", "Анастасия", "Дарья", "Екатерина"},
}
GENDERED = frozenset(FEMALE)

# phone region of each language's speakers
REGION: dict[str, str] = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "kr": "NG", "rup": "MK", "vro": "EE", "din": "SS", "stq": "DE",
    "pcd": "FR", "rar": "CK", "srn": "SR", "cab": "HN", "quc": "GT", "arn": "CL", "nah": "MX",
    "kaa": "UZ", "yrk": "RU", "kca": "RU", "mns": "RU", "ckt": "RU", "evn": "RU", "dng": "KG",
    "cjs": "RU", "eve": "RU",
}  # fmt: skip

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "q", "ң": "ng", "ө": "o", "ү": "u", "ў": "w", "ҳ": "h",
    "ӈ": "ng", "ӄ": "q",
}  # fmt: skip


def romanise(name: str) -> str:
    """The usual passport-style romanisation of a Cyrillic name."""
    out = []
    for ch in name:
        low = ch.lower()
        lat = _CYR.get(low, low)
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    lang: (tuple(romanise(n) for n in NAMES[lang][0]), tuple(romanise(n) for n in NAMES[lang][1]))
    for lang in SCRIPT_NEW
}

_PL = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))
_RU = ("ов", "ев", "ёв", "ин", "ын", "ov", "ev", "yov", "in", "yn")


def family_form(lang: str, family: str, female: bool) -> str:
    """The family name as it agrees with a woman's given name (Polish -ska, Russian-style
    -ova/-eva/-ina); unchanged for men and for names that do not agree."""
    if not female or lang not in GENDERED:
        return family
    if lang == "pl":
        for m, f in _PL:
            if family.endswith(m):
                return family[: -len(m)] + f
        return family
    if family.endswith(_RU):
        return family + ("а" if family[-1] in "вн" else "a")
    return family
