"""Names for held-out bank 15, written for it alone (no lists copied from other modules).

Vietnamese: the first tuple holds given names, the second family + middle names; a full name is
written family first ("Nguyễn Thị Hằng").

Latin-script languages carry their own diacritics. Greek, Arabic and Hindi names come as
(native script, Latin transliteration) pairs, so the same person can be written either way.
"""

from __future__ import annotations

LATIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Philippa", "Gareth", "Rosalind", "Callum", "Bethany", "Desmond", "Niamh", "Torin"),
        ("Ashcombe", "Pennington", "Rowntree", "Fairbairn", "Oldroyd", "Whitlock", "Kersey"),
    ),
    "de": (
        ("Jürgen", "Hannelore", "Wiebke", "Ottmar", "Dörte", "Maximilian", "Sönke", "Gesine"),
        ("Weißgerber", "Häberle", "Kühnlein", "Oberdörfer", "Strübing", "Lützow", "Pfannkuch"),
    ),
    "fr": (
        ("Anaïs", "Gaëtan", "Solène", "Hervé", "Maëlys", "Benoît", "Clémence", "Jérôme"),
        ("Lefébure", "Desrosiers", "Chevallier", "Beaumanoir", "Thévenet", "Rouxel", "Gaudin"),
    ),
    "es": (
        ("Begoña", "Íñigo", "Nuria", "Ramón", "Inmaculada", "Joaquín", "Ainhoa", "Fermín"),
        ("Ibáñez", "Echeverría", "Quintana", "Muñoz Arriaga", "Villalobos", "Cañizares"),
    ),
    "it": (
        ("Gianluca", "Ornella", "Piergiorgio", "Donatella", "Nicolò", "Loredana", "Ettore"),
        ("Squillace", "Bevilacqua", "Capuozzo", "Zanetti", "Dell'Orto", "Pellegrini"),
    ),
    "pt": (
        ("Gonçalo", "Leonor", "Joaquim", "Iracema", "Tiago", "Conceição", "Vitória", "Rui"),
        ("Magalhães", "Figueiredo", "Assunção", "Brandão", "Loureiro", "Sequeira"),
    ),
    "tr": (
        ("Gülşen", "Oğuzhan", "Büşra", "İlker", "Şükrü", "Çağla", "Ümit", "Nurcan"),
        ("Karaağaç", "Yıldırım", "Özkaynak", "Çetinkaya", "Şahbaz", "Gündoğdu"),
    ),
    "nl": (
        ("Femke", "Joris", "Marijke", "Sjoerd", "Anouk", "Teun", "Lieke", "Wouter"),
        ("van der Heijden", "Bosschaert", "de Wilde", "Verhoeven", "Kuipers", "Zwartjes"),
    ),
    "pl": (
        ("Małgorzata", "Grzegorz", "Żaneta", "Wojciech", "Jadwiga", "Przemysław", "Ewelina"),
        ("Wróblewska", "Szczepański", "Łukasiewicz", "Kaczmarek", "Żółtowski", "Grabowska"),
    ),
    "sv": (
        ("Åsa", "Björn", "Linnéa", "Torbjörn", "Märta", "Håkan", "Ingegerd", "Jöns"),
        ("Lindqvist", "Åkerlund", "Sjöberg", "Bergström", "Nyström", "Öhman"),
    ),
    "cs": (
        ("Jiří", "Radka", "Přemysl", "Blažena", "Čeněk", "Zdeňka", "Vojtěch", "Libuše"),
        (
            "Dvořáková",
            "Kučera",
            "Hořejší",
            "Procházka",
            "Šťastný",
            "Řezníčková",
            "Kučerová",
            "Šťastná",
        ),
    ),
    "ro": (
        ("Ștefan", "Ioana", "Răzvan", "Mădălina", "Tudor", "Anișoara", "Bogdan", "Viorica"),
        ("Țurcanu", "Bălănescu", "Munteanu", "Stănescu", "Ghiță", "Dumitrașcu"),
    ),
    "vi": (
        ("Hằng", "Dũng", "Phương", "Thảo", "Khôi", "Trâm"),
        ("Nguyễn Thị", "Trần Văn", "Lê Hoàng", "Phạm Thu", "Đặng Minh", "Võ Ngọc"),
    ),
    "id": (
        ("Wulan", "Bayu", "Rahayu", "Dimas", "Kartika", "Fajar", "Sekar", "Yudhistira"),
        ("Setiawan", "Kusumawardani", "Nugroho", "Simanjuntak", "Purnamasari", "Hutapea"),
    ),
}

# (native script, Latin transliteration)
SCRIPT: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {
    "el": (
        (
            ("Σταυρούλα", "Stavroula"),
            ("Παναγιώτης", "Panagiotis"),
            ("Ευανθία", "Evanthia"),
            ("Θεμιστοκλής", "Themistoklis"),
            ("Χρυσούλα", "Chrysoula"),
            ("Αριστείδης", "Aristeidis"),
        ),
        (
            ("Κωνσταντινίδης", "Konstantinidis"),
            ("Παπαθανασίου", "Papathanasiou"),
            ("Μαυρομμάτης", "Mavrommatis"),
            ("Τσακαλώτου", "Tsakalotou"),
            ("Ζαχαρίου", "Zachariou"),
        ),
    ),
    "ar": (
        (
            ("خديجة", "Khadija"),
            ("يوسف", "Youssef"),
            ("رقية", "Ruqayya"),
            ("عبد الرحمن", "Abdelrahman"),
            ("ليلى", "Layla"),
            ("طارق", "Tariq"),
        ),
        (
            ("الحمداني", "Al-Hamdani"),
            ("بن عيسى", "Ben Aissa"),
            ("الشمري", "Al-Shammari"),
            ("المنصوري", "El Mansouri"),
            ("القاسمي", "Al Qasimi"),
        ),
    ),
    "hi": (
        (
            ("अनुराधा", "Anuradha"),
            ("विक्रम", "Vikram"),
            ("स्नेहा", "Sneha"),
            ("हर्षवर्धन", "Harshvardhan"),
            ("पल्लवी", "Pallavi"),
            ("राघव", "Raghav"),
        ),
        (
            ("चतुर्वेदी", "Chaturvedi"),
            ("कुलकर्णी", "Kulkarni"),
            ("मल्होत्रा", "Malhotra"),
            ("भट्टाचार्य", "Bhattacharya"),
            ("अग्रवाल", "Agarwal"),
        ),
    ),
}

# Diminutives people sign with, mapped from the first names above (bank 15 counts them as names).
DIMINUTIVE: dict[str, str] = {
    "Philippa": "Pippa",
    "Gareth": "Gaz",
    "Maximilian": "Maxi",
    "Hannelore": "Hanne",
    "Gianluca": "Gigi",
    "Joaquín": "Quino",
    "Inmaculada": "Inma",
    "Małgorzata": "Gosia",
    "Grzegorz": "Grzesiek",
    "Przemysław": "Przemek",
    "Gonçalo": "Gonça",
    "Torbjörn": "Totte",
    "Jiří": "Jirka",
    "Ștefan": "Fănel",
}

LANGS: tuple[str, ...] = (*LATIN, *SCRIPT)

# Czech and Polish family names change with gender: these first names are women's.
FEMALE: frozenset[str] = frozenset(
    ("Radka", "Blažena", "Zdeňka", "Libuše", "Małgorzata", "Żaneta", "Jadwiga", "Ewelina")
)


def surname_fits(lang: str, first: str, last: str) -> bool:
    """Whether a Czech or Polish family name has the first name's gender (others: always)."""
    if lang not in ("cs", "pl"):
        return True
    if lang == "cs":  # -ová/-á are women's, -í either, the rest men's (Kučera, Šťastný)
        female, male = last.endswith("á"), not last.endswith(("á", "í"))
    else:  # -ska women's, -ski men's, the rest either (Kaczmarek, Łukasiewicz)
        female, male = last.endswith("ska"), last.endswith("ski")
    return not male if first in FEMALE else not female
