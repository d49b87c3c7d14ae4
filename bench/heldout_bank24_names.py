"""Names of held-out bank 24: given and family names in 30 languages, as their speakers write them.

Nine product languages (en, de, fr, es, it, pt, tr, nl, pl), twelve more written in Latin
letters (Dholuo, Bemba, Venda, Swati, Krio, Hawaiian, Chamorro, Greenlandic, Sardinian,
Friulian, Upper Sorbian, Kashubian) and nine written in their own scripts: Avar, Kabardian,
Buryat, Kalmyk and Udmurt in Cyrillic, Vai in the Vai syllabary, Sundanese in Sundanese
script, Balinese in Balinese script and Buginese in Lontara. For the nine, ``ROMAN`` holds the
romanised form of each name at the same position; a third of those speakers write their name
romanised. The scripts are written by the small writers below (``vai``, ``sundanese``,
``balinese``, ``lontara``, ``romanise``) from a romanised spelling, so a name and its
romanisation always agree.
"""

from __future__ import annotations

import unicodedata

# --- writers ---------------------------------------------------------------------------------


def vai(syllables: str) -> str:
    """Vai syllabary from syllables separated by '-' ("mo-mo-lu")."""
    return "".join(unicodedata.lookup(f"VAI SYLLABLE {s.upper()}") for s in syllables.split("-"))


_VOWELS = "aeéiouə"
_CONS = (
    "ngk", "nyc", "ng", "ny", "mp", "nr", "sy", "kh",
    "k", "g", "c", "j", "t", "d", "n", "p", "b", "m", "y", "r", "l", "w", "s", "h", "f", "v", "z",
)  # fmt: skip


def _syllables(word: str) -> list[tuple[str, str]]:
    """(consonant, vowel) pairs of a romanised word; vowel "" for a consonant without one."""
    w, out, i = word.lower(), [], 0
    while i < len(w):
        if w.startswith("eu", i):
            out.append(("", "eu"))
            i += 2
            continue
        if w[i] in _VOWELS:
            out.append(("", w[i]))
            i += 1
            continue
        cons = next((c for c in _CONS if w.startswith(c, i)), None)
        if cons is None:
            raise ValueError(f"cannot write {word!r} at {w[i:]!r}")
        i += len(cons)
        if w.startswith("eu", i):
            out.append((cons, "eu"))
            i += 2
        elif i < len(w) and w[i] in _VOWELS:
            out.append((cons, w[i]))
            i += 1
        else:
            out.append((cons, ""))
    return out


_SU_VOWEL = {"i": "PANGHULU", "u": "PANYUKU", "é": "PANAELAENG", "o": "PANOLONG", "e": "PAMEPET"}
_SU_VOWEL["eu"] = "PANEULEUNG"
_SU_INDEP = {"a": "A", "i": "I", "u": "U", "é": "AE", "o": "O", "e": "E", "eu": "EU"}


def sundanese(word: str) -> str:
    """Sundanese script: final ng, r, h by their signs, other codas by pamaaeh; a consonant
    followed by r, l or y and a vowel takes panyakra, panyiku or pamingkal."""
    sy = _syllables(word)
    out: list[str] = []
    i = 0
    while i < len(sy):
        cons, vow = sy[i]
        if not cons:
            out.append(unicodedata.lookup(f"SUNDANESE LETTER {_SU_INDEP[vow]}"))
            i += 1
            continue
        nxt = sy[i + 1] if i + 1 < len(sy) else None
        cluster = nxt and nxt[0] in ("r", "l", "y") and nxt[1] and cons not in ("ng", "r", "h")
        if not vow and cluster and out:  # this consonant carries the medial sign of the next
            medial = {"r": "PANYAKRA", "l": "PANYIKU", "y": "PAMINGKAL"}[nxt[0]]
            out.append(unicodedata.lookup(f"SUNDANESE LETTER {_su_letter(cons)}"))
            out.append(unicodedata.lookup(f"SUNDANESE CONSONANT SIGN {medial}"))
            if nxt[1] != "a":
                out.append(unicodedata.lookup(f"SUNDANESE VOWEL SIGN {_SU_VOWEL[nxt[1]]}"))
            i += 2
            continue
        if not vow and cons in ("ng", "r", "h") and out:
            sign = {"ng": "PANYECEK", "r": "PANGLAYAR", "h": "PANGWISAD"}[cons]
            out.append(unicodedata.lookup(f"SUNDANESE SIGN {sign}"))
        else:
            out.append(unicodedata.lookup(f"SUNDANESE LETTER {_su_letter(cons)}"))
            if not vow:
                out.append(unicodedata.lookup("SUNDANESE SIGN PAMAAEH"))
            elif vow != "a":
                out.append(unicodedata.lookup(f"SUNDANESE VOWEL SIGN {_SU_VOWEL[vow]}"))
        i += 1
    return "".join(out)


def _su_letter(cons: str) -> str:
    return {"sy": "SYA", "kh": "KHA"}.get(cons, cons.upper() + "A")


_BA_VOWEL = {"i": "ULU", "u": "SUKU", "é": "TALING", "o": "TALING TEDUNG", "e": "PEPET"}
_BA_INDEP = {"a": "AKARA", "i": "IKARA", "u": "UKARA", "é": "EKARA", "o": "OKARA", "e": "AKARA"}


def balinese(word: str) -> str:
    """Balinese script: final ng, r, h by cecek, surang and bisah, other bare consonants by
    adeg-adeg (a following consonant then joins below it)."""
    out: list[str] = []
    sy = _syllables(word)
    for i, (cons, vow) in enumerate(sy):
        if not cons:
            out.append(unicodedata.lookup(f"BALINESE LETTER {_BA_INDEP[vow]}"))
            continue
        final = i == len(sy) - 1 or sy[i + 1][0] != ""
        if not vow and cons in ("ng", "r", "h") and final:
            sign = {"ng": "CECEK", "r": "SURANG", "h": "BISAH"}[cons]
            out.append(unicodedata.lookup(f"BALINESE SIGN {sign}"))
            continue
        out.append(unicodedata.lookup(f"BALINESE LETTER {_ba_letter(cons)}"))
        if not vow:
            out.append(unicodedata.lookup("BALINESE ADEG ADEG"))
        elif vow != "a":
            out.append(unicodedata.lookup(f"BALINESE VOWEL SIGN {_BA_VOWEL[vow]}"))
    return "".join(out)


def _ba_letter(cons: str) -> str:
    return {"sy": "SA SAPA", "kh": "KA MAHAPRANA"}.get(cons, cons.upper() + "A")


_BU_VOWEL = {"i": "I", "u": "U", "é": "E", "o": "O", "e": "AE"}


def lontara(word: str) -> str:
    """Lontara (Buginese): open syllables only, as the script writes; a coda is not written,
    except that ngk, mp, nr and nyc take their prenasalised letters."""
    out: list[str] = []
    sy = _syllables(word)
    skip = False
    for i, (cons, vow) in enumerate(sy):
        if skip:
            skip = False
            continue
        if not cons:
            out.append(unicodedata.lookup("BUGINESE LETTER A"))
            if vow != "a":
                out.append(unicodedata.lookup(f"BUGINESE VOWEL SIGN {_BU_VOWEL[vow]}"))
            continue
        if not vow:
            nxt = sy[i + 1] if i + 1 < len(sy) else None
            pair = cons + (nxt[0] if nxt else "")
            joined = {"ngk": "NGKA", "mp": "MPA", "nr": "NRA", "nyc": "NYCA"}.get(pair)
            if joined and nxt:
                out.append(unicodedata.lookup(f"BUGINESE LETTER {joined}"))
                if nxt[1] != "a":
                    out.append(unicodedata.lookup(f"BUGINESE VOWEL SIGN {_BU_VOWEL[nxt[1]]}"))
                skip = True
            continue  # a coda Lontara does not write
        letter = {"w": "VA", "sy": "SA"}.get(cons, cons.upper() + "A")
        out.append(unicodedata.lookup(f"BUGINESE LETTER {letter}"))
        if vow != "a":
            out.append(unicodedata.lookup(f"BUGINESE VOWEL SIGN {_BU_VOWEL[vow]}"))
    return "".join(out)


_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ү": "ü", "ө": "ö",
    "һ": "h", "ә": "ä", "җ": "j", "ң": "ng", "ӝ": "dzh", "ӟ": "dz", "ӥ": "i", "ӧ": "ö", "ӵ": "ch",
}  # fmt: skip


def romanise(name: str) -> str:
    """A Cyrillic name in Latin letters (ye at a word's start, as passports write it)."""
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        lat = "ye" if low == "е" and i == 0 else _CYR[low]
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


# --- the lists ------------------------------------------------------------------------------

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Oliver", "Charlotte", "Harry", "Amelia", "George", "Isla", "Jack", "Emily", "Thomas",
         "Sophie", "William", "Grace", "James", "Lucy", "Henry", "Hannah", "Samuel", "Eleanor",
         "Daniel", "Rebecca", "Matthew", "Abigail", "Joseph", "Victoria", "Edward", "Megan"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thompson", "Roberts", "Walker",
         "Wright", "Robinson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Clarke", "Jackson"),
    ),
    "de": (
        ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Maximilian", "Sophie", "Paul",
         "Johanna", "Jürgen", "Sabine", "Stefan", "Claudia", "Andreas", "Katrin", "Tobias",
         "Birgit", "Florian", "Jana", "Günter", "Monika", "Uwe", "Petra"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
         "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
         "Schröder", "Neumann"),
    ),
    "fr": (
        ("Camille", "Louis", "Léa", "Gabriel", "Manon", "Hugo", "Chloé", "Arthur", "Inès",
         "Raphaël", "Élodie", "Nicolas", "Céline", "Sébastien", "Aurélie", "Mathieu", "Julie",
         "Antoine", "Margaux", "Guillaume", "Pauline", "Théo", "Émilie", "Quentin"),
        ("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Moreau",
         "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Morel", "Girard",
         "Bonnet"),
    ),
    "es": (
        ("Lucía", "Hugo", "Martina", "Mateo", "Sofía", "Pablo", "Paula", "Álvaro", "Carmen",
         "Javier", "Elena", "Sergio", "Marta", "Adrián", "Irene", "Raúl", "Alba", "Diego",
         "Cristina", "Andrés", "Noelia", "Rubén", "Pilar", "Íker"),
        ("García", "Rodríguez", "González", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
         "Díaz", "Hernández", "Álvarez", "Jiménez", "Moreno", "Romero", "Navarro", "Torres",
         "Domínguez", "Gil"),
    ),
    "it": (
        ("Francesco", "Sofia", "Alessandro", "Giulia", "Leonardo", "Aurora", "Matteo", "Alice",
         "Andrea", "Ginevra", "Riccardo", "Emma", "Tommaso", "Federica", "Davide", "Valentina",
         "Simone", "Elisa", "Giacomo", "Martina", "Stefano", "Silvia", "Marco", "Paola"),
        ("Rossi", "Russo", "Ferrari", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
         "Greco", "Bruno", "Gallo", "Conti", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi",
         "Moretti"),
    ),
    "pt": (
        ("Maria", "Francisco", "Leonor", "Afonso", "Matilde", "Duarte", "Beatriz", "Tomás",
         "Carolina", "Rodrigo", "Mariana", "Gonçalo", "Margarida", "Diogo", "Sofia", "Tiago",
         "Rafaela", "Rui", "Joana", "Nuno", "Catarina", "Vasco", "Raquel", "Guilherme"),
        ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
         "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves",
         "Almeida", "Ribeiro"),
    ),
    "tr": (
        ("Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Emine", "Ali", "Hatice", "Hüseyin",
         "Zeynep", "Hasan", "Elif", "İbrahim", "Merve", "Murat", "Büşra", "Emre", "Esra",
         "Yusuf", "Gülşen", "Burak", "Derya", "Cem", "Sevgi"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
         "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt"),
    ),
    "nl": (
        ("Daan", "Emma", "Sem", "Julia", "Lucas", "Tess", "Levi", "Zoë", "Finn", "Mila", "Jesse",
         "Lotte", "Ruben", "Fleur", "Niels", "Inge", "Bas", "Eline", "Pieter", "Ilse", "Koen",
         "Noor", "Jeroen", "Marieke"),
        ("Jansen", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
         "Dekker", "Brouwer", "Dijkstra", "Verhoeven", "Kok", "Willems", "Hoekstra", "Postma",
         "Koster"),
    ),
    "pl": (
        ("Jan", "Zofia", "Antoni", "Hanna", "Jakub", "Maja", "Szymon", "Lena", "Filip",
         "Julia", "Kacper", "Oliwia", "Mateusz", "Natalia", "Paweł", "Katarzyna", "Tomasz",
         "Ewa", "Marek", "Joanna", "Piotr", "Barbara", "Michał", "Aleksandra"),
        ("Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski",
         "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur",
         "Kwiatkowska", "Krawczyk", "Piotrowski", "Grabowska"),
    ),
    "luo": (
        ("Achieng", "Akinyi", "Adhiambo", "Atieno", "Awino", "Anyango", "Apiyo", "Akoth", "Auma",
         "Aoko", "Amondi", "Aluoch", "Otieno", "Ochieng", "Odhiambo", "Omondi", "Okoth", "Ouma",
         "Onyango", "Okello", "Otiende", "Juma", "Ojiambo", "Akumu"),
        ("Odinga", "Oloo", "Ogola", "Obiero", "Oketch", "Oyugi", "Owuor", "Ogutu", "Ojwang",
         "Oluoch", "Ochola", "Obura", "Okumu", "Owino", "Oduor", "Opiyo", "Nyong'o", "Anyona"),
    ),
    "bem": (
        ("Chileshe", "Mubanga", "Chilufya", "Mwila", "Nsama", "Chola", "Mwaba", "Kapembwa",
         "Chibwe", "Kalaba", "Bupe", "Mwenya", "Mapalo", "Kasuba", "Chomba", "Kunda", "Mumbi",
         "Nkandu", "Kapambwe", "Chisha", "Mwape", "Chisenga", "Musonda", "Kabaso"),
        ("Mulenga", "Chanda", "Bwalya", "Mwansa", "Sata", "Kaunda", "Chiluba", "Kapwepwe",
         "Kasonde", "Mutale", "Chisanga", "Kabwe", "Mumba", "Lungu", "Mwamba", "Chama",
         "Katongo", "Mwelwa"),
    ),
    "ve": (
        ("Tshilidzi", "Mpho", "Rudzani", "Ndivhuwo", "Mulalo", "Takalani", "Thendo",
         "Livhuwani", "Phathutshedzo", "Khathutshelo", "Vhahangwele", "Fulufhelo", "Ndamulelo",
         "Mashudu", "Rendani", "Tshifhiwa", "Pfarelo", "Azwihangwisi", "Ndivhuho", "Lufuno",
         "Vhutshilo", "Murendeni", "Tshimangadzo", "Humbulani"),
        ("Ramaphosa", "Mudau", "Netshitenzhe", "Nemukula", "Ravele", "Nethononda", "Mphephu",
         "Tshivhase", "Makhado", "Ramabulana", "Nemaungani", "Netshiavha", "Mulaudzi",
         "Madzivhandila", "Ramovha", "Sikhwari", "Munyai", "Maumela"),
    ),
    "ss": (
        ("Sibusiso", "Nomcebo", "Sipho", "Thandeka", "Mandla", "Lindiwe", "Bongani",
         "Nokuthula", "Mduduzi", "Phumlile", "Sandile", "Zanele", "Musa", "Nontobeko", "Themba",
         "Siphiwe", "Lwazi", "Nomvula", "Sabelo", "Khanyisile", "Mbali", "Simphiwe", "Nosipho",
         "Vusumuzi"),
        ("Dlamini", "Simelane", "Nxumalo", "Magagula", "Mamba", "Shongwe", "Hlophe", "Motsa",
         "Ginindza", "Masilela", "Kunene", "Zwane", "Mkhonta", "Matsebula", "Tsabedze",
         "Fakudze", "Gamedze", "Nkambule"),
    ),
    "kri": (
        ("Aminata", "Fatmata", "Isatu", "Kadiatu", "Mariama", "Hawa", "Zainab", "Memunatu",
         "Abu", "Alimamy", "Sorie", "Foday", "Osman", "Lansana", "Mohamed", "Ibrahim",
         "Christiana", "Comfort", "Gladys", "Winston", "Emmanuel", "Augustine", "Olufemi",
         "Adeline"),
        ("Kamara", "Sesay", "Koroma", "Bangura", "Conteh", "Kargbo", "Turay", "Jalloh",
         "Mansaray", "Kanu", "Fofanah", "Tucker", "Macauley", "Cole", "Pratt", "Nicol",
         "Davies", "Fyle"),
    ),
    "haw": (
        ("Keoni", "Leilani", "Kalani", "Kainoa", "Noelani", "Makana", "Kanoe", "Keola",
         "Kawika", "Maile", "Pualani", "Kapono", "Haunani", "Kekoa", "Malia", "Nalani",
         "Ikaika", "Kaʻimana", "Lokelani", "Keahi", "Kaleo", "Mahina", "Akoni", "Healani"),
        ("Kahananui", "Kamakau", "Kealoha", "Kanahele", "Akana", "Kahale", "Keawe", "Kaʻaihue",
         "Kahoʻohanohano", "Kaniho", "Kekumu", "Kalua", "Makua", "Kahalewai", "Kaleikini",
         "Nāone", "Kamakana", "Kauhane"),
    ),
    "ch": (
        ("Vicente", "Josefina", "Francisco", "Dolores", "Ignacio", "Carmen", "Antonia",
         "Eduardo", "Rosario", "Tomas", "Concepcion", "Juan", "Pedro", "Engracia", "Matilde",
         "Jesus", "Lagrimas", "Ramon", "Soledad", "Felix", "Asuncion", "Benigno", "Rita",
         "Joaquin"),
        ("Taitano", "Camacho", "Quitugua", "Tenorio", "Mendiola", "Aguon", "Blas", "Borja",
         "Cepeda", "Quinata", "Sablan", "Taitague", "Unpingco", "Charfauros", "Babauta",
         "Tedtaotao", "Manibusan", "Pangelinan"),
    ),
    "kl": (
        ("Aqqaluk", "Naja", "Nuka", "Paninnguaq", "Inuk", "Ivalo", "Malik", "Aviaja", "Kunuk",
         "Nivi", "Pipaluk", "Niviaq", "Kuupik", "Aputsiaq", "Arnaq", "Ujarak", "Kaali", "Ane",
         "Aleqa", "Minik", "Ilannguaq", "Tupaarnaq", "Nukappiaaluk", "Najaaraq"),
        ("Kleist", "Lynge", "Motzfeldt", "Kristiansen", "Olsen", "Petersen", "Berthelsen",
         "Hammond", "Egede", "Kreutzmann", "Heilmann", "Rosing", "Fleischer", "Jeremiassen",
         "Storch", "Frederiksen", "Abelsen", "Zeeb"),
    ),
    "sc": (
        ("Giuanne", "Bainzu", "Antoni", "Gavinu", "Pedru", "Bustianu", "Efis", "Larentu",
         "Sarbadore", "Bachis", "Giommaria", "Luisu", "Bonaria", "Gonaria", "Mariangela",
         "Mintonia", "Caderina", "Grascia", "Tiresa", "Franziscu", "Pascale", "Madalena",
         "Lughia", "Zuseppe"),
        ("Sanna", "Piras", "Pinna", "Melis", "Serra", "Manca", "Porcu", "Cossu", "Deiana",
         "Mura", "Marras", "Carta", "Contu", "Floris", "Murgia", "Pintus", "Usai", "Atzeni"),
    ),
    "fur": (
        ("Zuan", "Pieri", "Isep", "Jacum", "Antoni", "Domeni", "Vigji", "Francesc", "Zorç",
         "Pauli", "Lenart", "Bortul", "Ane", "Marie", "Catarine", "Antonie", "Lussie", "Taresie",
         "Gjulie", "Elene", "Rosalie", "Madalene", "Dree", "Ursule"),
        ("Tomasin", "Fabris", "Cescutti", "Vidoni", "Candotti", "Zanier", "Marcuzzi",
         "Gortani", "Tosolini", "Dreosto", "Zamparo", "Fachin", "Pittana", "Zuliani", "Rupil",
         "Venier", "Coos", "Morandini"),
    ),
    "hsb": (
        ("Pětr", "Jurij", "Michał", "Handrij", "Marja", "Hana", "Měrćin", "Bjarnat", "Lejna",
         "Madlena", "Jakub", "Beno", "Křesćan", "Milena", "Wórša", "Božena", "Jan", "Lubina",
         "Pawoł", "Marka", "Benedikt", "Měrana", "Jěwa", "Tomaš"),
        ("Nowak", "Krawc", "Šołta", "Młynk", "Kral", "Cyž", "Wjelan", "Hajna", "Šěrak",
         "Kosyk", "Pawlik", "Rjeda", "Šuster", "Wićaz", "Mětšk", "Čornak", "Brězan", "Zejler"),
    ),
    "csb": (
        ("Józef", "Leon", "Brunon", "Gerard", "Eugeniusz", "Kazimierz", "Stefan", "Ryszard",
         "Edmund", "Bernard", "Roman", "Marta", "Gertruda", "Teresa", "Irena", "Krystyna",
         "Weronika", "Elżbieta", "Aniela", "Łucja", "Francëszk", "Agata", "Jadwiga", "Wanda"),
        ("Formela", "Labuda", "Kreft", "Pioch", "Konkel", "Wenta", "Bigus", "Dampc", "Kleina",
         "Ceynowa", "Majkowski", "Derdowski", "Trepczyk", "Necel", "Kirsz", "Miotk", "Reszka",
         "Mielewczyk"),
    ),
    "av": (
        ("Магомед", "Гаджи", "Шамиль", "Гамзат", "Расул", "Абдулла", "Омар", "Нурмагомед",
         "Хабиб", "Мурад", "Сайгид", "Умар", "Зайнаб", "Патимат", "Хадижат", "Аминат",
         "Написат", "Асият", "Загра", "Муминат", "Айшат", "Салимат", "Разият", "Хамзат"),
        ("Гамзатов", "Нурмагомедов", "Магомедов", "Абдулаев", "Гаджиев", "Омаров", "Шамилов",
         "Исаев", "Мусаев", "Хизриев", "Гитинов", "Сайгидов", "Дибиров", "Газимагомедов",
         "Чупанов", "Асхабов", "Халилов", "Алибеков"),
    ),
    "kbd": (
        ("Аслан", "Мурат", "Заур", "Анзор", "Беслан", "Казбек", "Тимур", "Арсен", "Мухамед",
         "Хасан", "Залим", "Кантемир", "Астемир", "Руслан", "Мадина", "Залина", "Фатима",
         "Альбина", "Амина", "Лиана", "Дана", "Марьяна", "Сатаней", "Жанна"),
        ("Шогенов", "Карданов", "Коков", "Кушхов", "Тхакахов", "Хагуров", "Балкаров",
         "Кумехов", "Мальбахов", "Шхагапсоев", "Бжахов", "Кодзоков", "Хамурзов", "Нахушев",
         "Абазов", "Тлостанов", "Эльмесов", "Шереужев"),
    ),
    "bua": (
        ("Баир", "Бато", "Жаргал", "Солбон", "Баяр", "Цырен", "Доржо", "Тумэн", "Баатар",
         "Аюр", "Булат", "Чингис", "Эрдэм", "Сэсэг", "Туяна", "Оюна", "Сарюна", "Дарима",
         "Янжима", "Баирма", "Саяна", "Должин", "Сэсэгма", "Жаргалма"),
        ("Цыренов", "Дашиев", "Доржиев", "Бадмаев", "Жамсуев", "Балданов", "Аюшеев",
         "Будаев", "Гармаев", "Намсараев", "Цыдыпов", "Раднаев", "Дамбаев", "Содномов",
         "Батуев", "Очиров", "Тудупов", "Шагдаров"),
    ),
    "xal": (
        ("Санжи", "Бадма", "Басан", "Очир", "Мерген", "Арслан", "Церен", "Бембя", "Бата",
         "Саглар", "Байр", "Эрдни", "Наран", "Делгир", "Кермен", "Цаган", "Булгун", "Гиляна",
         "Айса", "Босха", "Нюдля", "Хонгор", "Джангар", "Ользята"),
        ("Манджиев", "Бембеев", "Сангаджиев", "Убушаев", "Эрдниев", "Басангов", "Джимбеев",
         "Хонинов", "Лиджиев", "Кугультинов", "Нимгиров", "Бурулов", "Яшкулов", "Дорджиев",
         "Мучкаев", "Пюрвеев", "Шалхаков", "Оконов"),
    ),
    "udm": (
        ("Ашальчи", "Кузебай", "Кузьма", "Эрик", "Айно", "Ольга", "Надежда", "Татьяна",
         "Людмила", "Светлана", "Галина", "Валентина", "Ирина", "Елена", "Николай", "Алексей",
         "Сергей", "Владимир", "Василий", "Михаил", "Иван", "Пётр", "Геннадий", "Анатолий"),
        ("Корепанов", "Шкляев", "Перевощиков", "Широбоков", "Ложкин", "Загребин", "Кутявин",
         "Ившин", "Кельмаков", "Векшин", "Поздеев", "Бабинцев", "Вострокнутов", "Главатских",
         "Стрелков", "Тронин", "Шутов", "Байтеряков"),
    ),
}  # fmt: skip

# Vai: (as written in Latin letters, syllables in the syllabary)
_VAI = (
    (("Momolu", "mo-mo-lu"), ("Fatu", "fa-tu"), ("Jenneh", "je-ne"), ("Musu", "mu-su"),
     ("Boima", "bo-i-ma"), ("Varney", "va-ne"), ("Varfee", "va-fee"), ("Massa", "ma-sa"),
     ("Siaka", "si-a-ka"), ("Mambu", "ma-mbu"), ("Kema", "ke-ma"), ("Sando", "sa-ndo"),
     ("Kula", "ku-la"), ("Jebbeh", "je-be"), ("Yatta", "ya-ta"), ("Hawa", "ha-wa"),
     ("Sao", "sa-o"), ("Famata", "fa-ma-ta"), ("Lahai", "la-ha-i"), ("Zoe", "zo-e"),
     ("Siah", "si-a"), ("Kiadi", "ki-a-di"), ("Sekou", "se-koo"), ("Bendu", "be-ndu")),
    (("Bukele", "bu-ke-le"), ("Sheriff", "she-ri-fu"), ("Massaquoi", "ma-sa-ko-i"),
     ("Fahnbulleh", "fa-ng-bu-le"), ("Dukuly", "du-ku-li"), ("Passawe", "pa-sa-we"),
     ("Kiawu", "ki-a-wu"), ("Zinnah", "zi-na"), ("Kanneh", "ka-ne"), ("Konneh", "ko-ne"),
     ("Sirleaf", "si-li-fu"), ("Jallah", "ja-la"), ("Kandakai", "ka-nda-ka-i"),
     ("Sonii", "so-ni"), ("Kiazolu", "ki-a-zo-lu"), ("Vonleh", "vo-ng-le"),
     ("Tarawally", "ta-ra-wa-li"), ("Gray", "ge-re")),
)  # fmt: skip

_SUNDANESE = (
    ("Asep", "Ujang", "Cecep", "Dadang", "Euis", "Neneng", "Iis", "Yayat", "Ade", "Aceng",
     "Encep", "Entin", "Eneng", "Nining", "Enung", "Dede", "Acep", "Deden", "Yanti", "Lilis",
     "Wawan", "Tatang", "Nandang", "Ayi"),
    ("Sunarya", "Suryadi", "Hidayat", "Permana", "Kusnadi", "Gunawan", "Setiawan", "Nugraha",
     "Ruhiyat", "Sukmana", "Supriatna", "Kurniawan", "Sudrajat", "Wiranata", "Suhendar",
     "Mulyana", "Hermawan", "Somantri"),
)  # fmt: skip

# Balinese: é where the script writes taling, plain e for pepet
_BALINESE = (
    ("Wayan", "Madé", "Nyoman", "Ketut", "Putu", "Kadék", "Komang", "Gedé", "Luh", "Ayu",
     "Nengah", "Agung", "Déwi", "Sri", "Kadé", "Ngurah", "Déwa", "Oka", "Rai", "Ari", "Santi",
     "Éka", "Dwi", "Tri"),
    ("Sudarsana", "Wirawan", "Suarjana", "Astawa", "Mahéndra", "Adnyana", "Sukerta",
     "Pradnyana", "Suardana", "Wiryawan", "Darmawan", "Sudiarta", "Artawan", "Pastika",
     "Suteja", "Parwata", "Arsana", "Mertayasa"),
)  # fmt: skip

_BUGINESE = (
    ("Baso", "Besse", "Becce", "Beddu", "Sakka", "Tenri", "Sitti", "Rukka", "Lolo", "Andi",
     "Hasnah", "Jumrah", "Ridwan", "Nurdin", "Syamsuddin", "Nurhayati", "Haeruddin",
     "Kasmawati", "Wahidah", "Asriani", "Mappe", "Tahir", "Rahmawati", "Salmiah"),
    ("Mallarangeng", "Kalla", "Mattalatta", "Pananrangi", "Makkasau", "Pabittei", "Sallatu",
     "Mappaseng", "Palaguna", "Mappangara", "Paturusi", "Lasinrang", "Baramuli", "Sulolipu",
     "Massiara", "Habibie", "Mappanyukki", "Pawelloi"),
)  # fmt: skip


def _plain(s: str) -> str:
    return s.replace("é", "e")


ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
for _lang in ("av", "kbd", "bua", "xal", "udm"):
    ROMAN[_lang] = (
        tuple(romanise(n) for n in NAMES[_lang][0]),
        tuple(romanise(n) for n in NAMES[_lang][1]),
    )
NAMES["vai"] = (tuple(vai(s) for _, s in _VAI[0]), tuple(vai(s) for _, s in _VAI[1]))
ROMAN["vai"] = (tuple(r for r, _ in _VAI[0]), tuple(r for r, _ in _VAI[1]))
for _lang, _lists, _writer in (
    ("su", _SUNDANESE, sundanese),
    ("ban", _BALINESE, balinese),
    ("bug", _BUGINESE, lontara),
):
    NAMES[_lang] = (tuple(_writer(n) for n in _lists[0]), tuple(_writer(n) for n in _lists[1]))
    ROMAN[_lang] = (tuple(_plain(n) for n in _lists[0]), tuple(_plain(n) for n in _lists[1]))

CORE = ("en", "de", "fr", "es", "it", "pt", "tr", "nl", "pl")
LATIN_NEW = ("luo", "bem", "ve", "ss", "kri", "haw", "ch", "kl", "sc", "fur", "hsb", "csb")
SCRIPT_NEW = ("av", "kbd", "bua", "xal", "udm", "vai", "su", "ban", "bug")

REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "luo": "KE", "bem": "ZM", "ve": "ZA", "ss": "SZ", "kri": "SL",
    "haw": "US", "ch": "GU", "kl": "GL", "sc": "IT", "fur": "IT", "hsb": "DE", "csb": "PL",
    "av": "RU", "kbd": "RU", "bua": "RU", "xal": "RU", "udm": "RU", "vai": "LR", "su": "ID",
    "ban": "ID", "bug": "ID",
}  # fmt: skip

# (greeting, "my name is {}", thanks) as each speaker writes them; for the nine in their own
# scripts a second, romanised set for those who write Latin letters
PHRASES: dict[str, tuple[str, str, str]] = {
    "en": ("Hi there!", "My name is {}.", "Many thanks"),
    "de": ("Hallo!", "Ich heiße {}.", "Vielen Dank"),
    "fr": ("Bonjour !", "Je m'appelle {}.", "Merci beaucoup"),
    "es": ("¡Hola!", "Me llamo {}.", "Muchas gracias"),
    "it": ("Buongiorno!", "Mi chiamo {}.", "Grazie mille"),
    "pt": ("Olá!", "O meu nome é {}.", "Muito obrigada"),
    "tr": ("Merhaba!", "Benim adım {}.", "Çok teşekkürler"),
    "nl": ("Hoi!", "Ik ben {}.", "Hartelijk dank"),
    "pl": ("Dzień dobry!", "Nazywam się {}.", "Dziękuję bardzo"),
    "luo": ("Oyawore!", "Nyinga en {}.", "Erokamano"),
    "bem": ("Mwapoleni!", "Ishina lyandi ni {}.", "Natotela sana"),
    "ve": ("Ndaa!", "Dzina langa ndi {}.", "Ndo livhuwa"),
    "ss": ("Sawubona!", "Libito lami: {}.", "Ngiyabonga kakhulu"),
    "kri": ("Kushɛ!", "Mi nem na {}.", "Tɛnki"),
    "haw": ("Aloha!", "ʻO {} koʻu inoa.", "Mahalo nui"),
    "ch": ("Håfa adai!", "Guåhu si {}.", "Si Yuʼos maʼåseʼ"),
    "kl": ("Aluu!", "Ateqarpunga {}.", "Qujanarsuaq"),
    "sc": ("Salude!", "Mi naro {}.", "Gràtzias meda"),
    "fur": ("Mandi!", "O soi {}.", "Graciis tant"),
    "hsb": ("Dobry dźeń!", "Mje rěka {}.", "Wutrobny dźak"),
    "csb": ("Dobri dzéń!", "Jô jem {}.", "Dzãkùjã"),
    "av": ("Ворчӏами!", "Дир цӏар {} буго.", "Баркала"),
    "kbd": ("Уи махуэ фӏыуэ!", "Сэ сцӏэр {}.", "Упсэу"),
    "bua": ("Сайн байна!", "Минии нэрэ {}.", "Баярлаа"),
    "xal": ("Мендвт!", "Минь нерн {}.", "Ханжанав"),
    "udm": ("Ӟечбуръёс!", "Мынам нимы {}.", "Тау"),
    "vai": ("Hello my people!", "My name is {}.", "Tank you plenty"),
    "su": ("Wilujeng enjing!", "Abdi {}.", "Hatur nuhun"),
    "ban": ("Om Swastyastu!", "Wastan tiang {}.", "Suksma"),
    "bug": ("Tabeʼ!", "Nama saya {}.", "Terima kasih"),
}
PHRASES_LATN: dict[str, tuple[str, str, str]] = {
    "av": ("Vorchami!", "Dir tsar {} bugo.", "Barkala"),
    "kbd": ("Ui makhue fiue!", "Se stser {}.", "Upseu"),
    "bua": ("Sain baina!", "Minii nere {}.", "Bayarlaa"),
    "xal": ("Mendvt!", "Min nern {}.", "Khanzhanav"),
    "udm": ("Dzechbur!", "Mynam nimy {}.", "Tau"),
    "vai": ("Hello!", "My name na {}.", "Tank you"),
    "su": ("Wilujeng siang!", "Nami abdi {}.", "Hatur nuhun"),
    "ban": ("Om Swastyastu!", "Tiang {}.", "Suksma"),
    "bug": ("Tabeʼ!", "Iyyaʼ {}.", "Terima kasih"),
}

# Given names of women where the family name takes a feminine form (Slavic -ska, Russian-style
# -ova/-eva/-ina as the Cyrillic-script languages of the bank write family names).
FEMALE: dict[str, frozenset[str]] = {
    "pl": frozenset(n for n in NAMES["pl"][0] if n.endswith("a")),
    "csb": frozenset(n for n in NAMES["csb"][0] if n.endswith("a")),
    "av": frozenset(("Зайнаб", "Патимат", "Хадижат", "Аминат", "Написат", "Асият", "Загра",
                     "Муминат", "Айшат", "Салимат", "Разият")),
    "kbd": frozenset(("Мадина", "Залина", "Фатима", "Альбина", "Амина", "Лиана", "Дана",
                      "Марьяна", "Сатаней", "Жанна")),
    "bua": frozenset(("Сэсэг", "Туяна", "Оюна", "Сарюна", "Дарима", "Янжима", "Баирма", "Саяна",
                      "Должин", "Сэсэгма", "Жаргалма")),
    "xal": frozenset(("Саглар", "Делгир", "Кермен", "Цаган", "Булгун", "Гиляна", "Айса", "Босха",
                      "Нюдля", "Ользята")),
    "udm": frozenset(("Ашальчи", "Айно", "Ольга", "Надежда", "Татьяна", "Людмила", "Светлана",
                      "Галина", "Валентина", "Ирина", "Елена")),
}  # fmt: skip


def family_form(lang: str, given: str, family: str) -> str:
    """The family name in the form that agrees with the given name's gender."""
    if lang not in FEMALE:
        return family
    female = given in FEMALE[lang]
    if lang in ("pl", "csb"):
        for male, fem in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if female and family.endswith(male):
                return family[: -len(male)] + fem
            if not female and family.endswith(fem):
                return family[: -len(fem)] + male
        return family
    if female:
        if family.endswith(("ов", "ев", "ин", "ын")):
            return family + "а"
        if family.endswith("ский"):
            return family[:-2] + "ая"
    return family
