"""Names of held-out bank 28: given and family names per language, as their speakers write them.

Nine product languages, twelve new languages in Latin letters and nine new languages written in
Cyrillic (romanised for a third of their speakers). Polish family names agree with the given
name's gender (``-ski``/``-ska``), and so do the Russian-style family names of Livvi-Karelian,
Koryak, Itelmen, Selkup and Ket speakers (``-ов``/``-ова``, ``-ий``/``-ая``); the others do not
change.
"""

from __future__ import annotations

CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
LATIN_NEW = ("olo", "vmw", "nus", "sgs", "niu", "tkl", "pau", "chk", "srm", "miq", "cak", "lkt")
SCRIPT_NEW = ("niv", "gld", "ulc", "ude", "kpy", "itl", "sel", "ket", "rue")

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Sophie", "Thomas",
            "Charlotte"),
           ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Evans", "Walker")),
    "de": (("Lukas", "Anna", "Jonas", "Lena", "Felix", "Marie", "Paul", "Hannah", "Leon",
            "Katharina"),
           ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Hoffmann", "Schäfer")),
    "fr": (("Louis", "Camille", "Hugo", "Léa", "Jules", "Chloé", "Gabriel", "Manon", "Arthur",
            "Inès"),
           ("Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Rousseau",
            "Fournier", "Girard")),
    "es": (("Alejandro", "Lucía", "Pablo", "María", "Javier", "Carmen", "Sergio", "Paula",
            "Diego", "Elena"),
           ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
            "Pérez", "Gómez", "Ruiz")),
    "it": (("Marco", "Giulia", "Alessandro", "Francesca", "Lorenzo", "Chiara", "Matteo", "Sara",
            "Davide", "Martina"),
           ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
            "Marino", "Greco")),
    "pt": (("João", "Beatriz", "Tiago", "Inês", "Rodrigo", "Mariana", "Duarte", "Leonor",
            "Gonçalo", "Matilde"),
           ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
            "Sousa", "Fernandes")),
    "tr": (("Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak", "Elif", "Oğuz",
            "Büşra"),
           ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan",
            "Doğan")),
    "nl": (("Daan", "Emma", "Sem", "Julia", "Bram", "Sanne", "Thijs", "Fleur", "Lars", "Anouk"),
           ("Jansen", "Visser", "Smit", "Bakker", "Meijer", "Mulder", "Bos", "Vos", "Peters",
            "Hendriks")),
    "pl": (("Jakub", "Anna", "Kacper", "Zofia", "Piotr", "Katarzyna", "Mateusz", "Agnieszka",
            "Tomasz", "Magdalena"),
           ("Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
            "Zieliński", "Szymański", "Woźniak")),
    "olo": (("Iivana", "Homa", "Ondrei", "Mikkoi", "Vasselei", "Oudi", "Nasto", "Muarie", "Iro",
             "Palagei"),
            ("Miroškin", "Ignatjev", "Pahomov", "Lukin", "Savin", "Kuzmin", "Jefimov", "Kotkin",
             "Lebedev", "Nikitin")),
    "vmw": (("Amisse", "Fátima", "Ossufo", "Abiba", "Issufo", "Rosalina", "Cassimo", "Luísa",
             "Adelino", "Muhara"),
            ("Mussa", "Ibraimo", "Abudo", "Saide", "Atumane", "Momade", "Selemane", "Assane",
             "Namuali", "Mucuapa")),
    "nus": (("Gatluak", "Nyakuoth", "Riek", "Nyadak", "Gatwech", "Nyaluak", "Puok", "Nyabuol",
             "Chuol", "Nyachuol"),
            ("Machar", "Gatkuoth", "Tut", "Lam", "Ruach", "Thok", "Kuach", "Bichiok", "Gach",
             "Jany")),
    "sgs": (("Jonas", "Vytautas", "Aldona", "Kazimieras", "Ona", "Stasys", "Genovaitė",
             "Antanas", "Birutė", "Juozas"),
            ("Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Rimkus", "Butkus",
             "Norkus", "Šimkus", "Mockus", "Jokubauskas")),
    "niu": (("Sione", "Mele", "Toke", "Moka", "Hafe", "Mataio", "Lagi", "Fifita", "Taumafa",
             "Pita"),
            ("Talagi", "Tukuitonga", "Pulehetoa", "Lui", "Makani", "Tongatule", "Hekau",
             "Tauelangi", "Jacobsen", "Viliamu")),
    "tkl": (("Ioane", "Hina", "Petelo", "Malia", "Kelihiano", "Salote", "Pio", "Luisa",
             "Mikaele", "Telesia"),
            ("Toloa", "Pasilio", "Kele", "Tinielu", "Kalolo", "Lopa", "Lemisio", "Fiaola",
             "Penitusi", "Tuia")),
    "pau": (("Surangel", "Bilung", "Dirrengulbai", "Ngiraibai", "Kerai", "Olkeriil", "Iechad",
             "Ebil", "Rechiuang", "Merei"),
            ("Remengesau", "Whipps", "Toribiong", "Nakamura", "Ngiraked", "Rechucher", "Salii",
             "Ngirmang", "Tellei", "Kesolei")),
    "chk": (("Kino", "Sinobu", "Mikel", "Rosalia", "Simako", "Marcelina", "Tosiwo", "Anita",
             "Johnny", "Kachuo"),
            ("Nakayama", "Mori", "Aisek", "Setik", "Esirom", "Nifon", "Rayphand", "Killion",
             "Otto", "Weital")),
    "srm": (("Kodjo", "Akuba", "Kwami", "Ama", "Kofi", "Adjuba", "Kwasi", "Afiba", "Yaw",
             "Amimba"),
            ("Aboikoni", "Amoida", "Pinas", "Asaiti", "Adjako", "Akalali", "Abaisa", "Kanape",
             "Sodo", "Nai")),
    "miq": (("Brooklyn", "Steadman", "Hazel", "Nelbert", "Dorotea", "Centuriano", "Nancy",
             "Osorno", "Elida", "Tininta"),
            ("Fagoth", "Coleman", "Hodgson", "Dixon", "Blandford", "Julias", "Rivera",
             "Kingsman", "Padilla", "Bushey")),
    "cak": (("Juan", "Rosalía", "Pedro", "Tomasa", "Cristóbal", "Juana", "Marcos", "Catarina",
             "Felipe", "Micaela"),
            ("Xicay", "Cuxil", "Chiroy", "Cumes", "Sicán", "Bal", "Cutzal", "Otzoy", "Coroy",
             "Pichiyá")),
    "lkt": (("Wilmer", "Darlene", "Russell", "Marcella", "Delphine", "Albert", "Lorraine",
             "Clifford", "Rosalie", "Vernon"),
            ("Brewer", "Richards", "Mesteth", "Bettelyoun", "Ecoffey", "Pourier", "Cuny",
             "Whirlwind-Soldier", "Looking-Horse", "Yellowhawk")),
    "niv": (("Владимир", "Галина", "Чунер", "Мария", "Николай", "Елена", "Алексей", "Ольга",
             "Виктор", "Надежда"),
            ("Санги", "Таксами", "Лок", "Мувчик", "Пытык", "Нгавун", "Ковзун", "Хурун",
             "Ларгун", "Кеккин")),
    "gld": (("Андрей", "Анна", "Киле", "Татьяна", "Сергей", "Лидия", "Пётр", "Валентина",
             "Иван", "Раиса"),
            ("Бельды", "Гейкер", "Заксор", "Одзял", "Пассар", "Самар", "Ходжер", "Оненко",
             "Дигор", "Актанко")),
    "ulc": (("Михаил", "Нина", "Егор", "Клавдия", "Фёдор", "Зоя", "Семён", "Евдокия", "Павел",
             "Вера"),
            ("Дечули", "Вальдю", "Ангиня", "Куйсали", "Ольчи", "Росугбу", "Дзяпи", "Даякта",
             "Ломбо", "Онинка")),
    "ude": (("Василий", "Людмила", "Степан", "Агния", "Борис", "Ирина", "Григорий", "Светлана",
             "Дмитрий", "Тамара"),
            ("Кялундзюга", "Канчуга", "Суляндзига", "Геонка", "Кимонко", "Пеонка", "Сигде",
             "Тиктамунка", "Бизанка", "Календзюга")),
    "kpy": (("Кирилл", "Валентина", "Георгий", "Софья", "Игорь", "Любовь", "Олег", "Наталья",
             "Юрий", "Алла"),
            ("Кеккетын", "Etтыне", "Кечгелхут", "Яганов", "Ивтагин", "Эвентов", "Кергильхут",
             "Косыгин", "Ятыргин", "Тынетегин")),
    "itl": (("Анатолий", "Клара", "Роман", "Евгения", "Константин", "Марина", "Леонид", "Жанна",
             "Артём", "Полина"),
            ("Запороцкий", "Пинегин", "Халоймов", "Трапезников", "Спешнев", "Блинов", "Ворошилов",
             "Мутовин", "Суздалов", "Лазарев")),
    "sel": (("Владислав", "Ангелина", "Евгений", "Ксения", "Геннадий", "Римма", "Аркадий",
             "Дарья", "Станислав", "Галина"),
            ("Тохтин", "Ириков", "Сычёв", "Кулеватов", "Пырков", "Ильяшев", "Тыганов", "Казымов",
             "Чаплин", "Ласкин")),
    "ket": (("Николай", "Зинаида", "Валерий", "Анастасия", "Виталий", "Антонина", "Максим",
             "Алёна", "Роман", "Вероника"),
            ("Котусов", "Тыганов", "Сутлин", "Лотошкин", "Дибиков", "Максунов", "Бальдин",
             "Латиков", "Ковяткин", "Сирогин")),
    "rue": (("Михайло", "Марія", "Юрко", "Ганна", "Василь", "Олена", "Петро", "Ґелена", "Іван",
             "Анастазія"),
            ("Сопко", "Падяк", "Гойдич", "Фецко", "Дзендзелюк", "Канюк", "Мушинка", "Ковач",
             "Варгович", "Сабов")),
}  # fmt: skip

# A typo guard: every Cyrillic list must be Cyrillic only.
NAMES["kpy"] = (NAMES["kpy"][0], tuple("Еттыне" if n == "Etтыне" else n for n in NAMES["kpy"][1]))

FEMALE: dict[str, set[str]] = {
    "pl": {"Anna", "Zofia", "Katarzyna", "Agnieszka", "Magdalena"},
    "olo": {"Oudi", "Nasto", "Muarie", "Iro", "Palagei"},
    "kpy": {"Валентина", "Софья", "Любовь", "Наталья", "Алла"},
    "itl": {"Клара", "Евгения", "Марина", "Жанна", "Полина"},
    "sel": {"Ангелина", "Ксения", "Римма", "Дарья", "Галина"},
    "ket": {"Зинаида", "Анастасия", "Антонина", "Алёна", "Вероника"},
}
GENDERED = tuple(FEMALE)

REGION: dict[str, str] = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "olo": "RU", "vmw": "MZ", "nus": "SS", "sgs": "LT", "niu": "NU",
    "tkl": "TK", "pau": "PW", "chk": "FM", "srm": "SR", "miq": "NI", "cak": "GT", "lkt": "US",
    "niv": "RU", "gld": "RU", "ulc": "RU", "ude": "RU", "kpy": "RU", "itl": "RU", "sel": "RU",
    "ket": "RU", "rue": "SK",
}  # fmt: skip

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip


def romanise(name: str) -> str:
    out = []
    for ch in name:
        low = ch.lower()
        if low in _CYR:
            r = _CYR[low]
            out.append(r.capitalize() if ch != low else r)
        else:
            out.append(ch)
    return "".join(out)


ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    lang: (tuple(romanise(n) for n in NAMES[lang][0]), tuple(romanise(n) for n in NAMES[lang][1]))
    for lang in SCRIPT_NEW
}


def family_form(lang: str, family: str, female: bool) -> str:
    """The family name as a woman of ``lang`` bears it."""
    if not female:
        return family
    if lang == "pl":
        for end, fem in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if family.endswith(end):
                return family[: -len(end)] + fem
    if lang in ("olo", "kpy", "itl", "sel", "ket"):  # Russian-style family names
        for end, fem in (("ий", "ая"), ("iy", "aya")):
            if family.endswith(end):
                return family[: -len(end)] + fem
        if family.endswith(("ов", "ев", "ёв", "ин", "ov", "ev", "yov", "in")):
            return family + ("а" if family[-1] in "вн" else "a")
    return family
