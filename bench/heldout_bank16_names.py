"""Names for held-out bank 16, written for it alone.

Latin-script languages give (first names, family names) with their diacritics; the languages
written in another script give (script, Latin transliteration) pairs, so that a person can
write their name either way. Hungarian writes the family name first in Hungarian text;
Japanese and Korean write the family name first in script and usually last in Latin.
"""

from __future__ import annotations

LATIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Bethany", "Callum", "Rosalind", "Gareth", "Maisie", "Ewan", "Philippa", "Rhodri"),
        ("Pemberton", "Whitlock", "Hargreaves", "Cartwright", "Thistlewood", "Ashcombe"),
    ),
    "de": (
        ("Friederike", "Jörg", "Annegret", "Malte", "Wiebke", "Ulrich", "Hannelore", "Sönke"),
        ("Großkopf", "Köhler", "Brandstätter", "Rößler", "Hinrichs", "Dörfler"),
    ),
    "fr": (
        ("Solène", "Gaëtan", "Bérénice", "Loïc", "Maëlle", "Hervé", "Ghislaine", "Aurélien"),
        ("Lefèvre", "Chauvière", "Dufresne", "Ribaud", "Thibodeau", "Quéméner"),
    ),
    "es": (
        ("Ximena", "Íñigo", "Begoña", "Joaquín", "Macarena", "Adrián", "Nuria", "Fermín"),
        ("Ibáñez", "Zubizarreta", "Peñalver", "Quiñones", "Echeverría", "Santamarina"),
    ),
    "it": (
        ("Ludovica", "Pierluigi", "Ginevra", "Tommaso", "Benedetta", "Niccolò", "Ottavia"),
        ("Santangelo", "Bellucci", "Carbonaro", "Gualtieri", "Lo Presti", "Dell'Orto"),
    ),
    "pt": (
        ("Conceição", "Gonçalo", "Inês", "Joaquim", "Leonor", "Tomé", "Rosário", "Simão"),
        ("Magalhães", "Figueiredo", "Assunção", "Brandão", "Gouveia", "Albuquerque"),
    ),
    "tr": (
        ("Gülşen", "Oğuzhan", "Şebnem", "Çağlar", "İlkay", "Ümit", "Nurşen", "Tuğrul"),
        ("Yıldırım", "Karaağaç", "Öztürkmen", "Çelikkaya", "Şahinoğlu", "Gündoğdu"),
    ),
    "nl": (
        ("Marijke", "Joost", "Femke", "Sjoerd", "Lieke", "Wouter", "Anouk", "Gijs"),
        ("van der Heijden", "Hoekstra", "Vermeulen", "van Rijswijk", "Dijkstra", "IJzerman"),
    ),
    "pl": (
        ("Małgorzata", "Wojciech", "Agnieszka", "Grzegorz", "Żaneta", "Przemysław", "Jadwiga"),
        ("Wiśniewska", "Szczepański", "Grabowska", "Kaźmierczak", "Zieliński", "Chmielewska"),
    ),
    "hu": (
        ("Zsófia", "Bence", "Réka", "Levente", "Dorottya", "Gergő", "Boglárka", "Ákos"),
        ("Szűcs", "Halász", "Bakos", "Vörös", "Pintér", "Takács", "Hegedűs"),
    ),
    "fi": (
        ("Aino", "Eetu", "Sanna", "Juha-Pekka", "Ilona", "Veeti", "Kerttu", "Onni"),
        ("Häkkinen", "Lehtonen", "Kärkkäinen", "Väisänen", "Nieminen", "Räsänen"),
    ),
    "da": (
        ("Søren", "Mette", "Frederik", "Sidsel", "Asger", "Birgitte", "Æsa", "Jeppe"),
        ("Østergaard", "Kjærsgaard", "Lindholm", "Thygesen", "Mikkelsen", "Bæk"),
    ),
    "no": (
        ("Ingrid", "Håkon", "Solveig", "Eivind", "Sigrid", "Torbjørn", "Ragnhild", "Sindre"),
        ("Haugland", "Bjørnstad", "Løvås", "Sæther", "Fjeldheim", "Aasheim"),
    ),
    "sw": (
        ("Amani", "Zawadi", "Baraka", "Neema", "Juma", "Rehema", "Wanjiku", "Kamau"),
        ("Mwangi", "Otieno", "Njoroge", "Kiprotich", "Achieng", "Wekesa"),
    ),
    "tl": (
        ("Maricel", "Jomar", "Rowena", "Dindo", "Lorna", "Jericho", "Marites", "Rommel"),
        ("Dimaculangan", "Macaraeg", "Villanueva", "Bautista", "Pangilinan", "Magbanua"),
    ),
}

# (script, Latin) pairs
SCRIPT: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {
    "uk": (
        (
            ("Олена", "Olena"),
            ("Тарас", "Taras"),
            ("Богдана", "Bohdana"),
            ("Юрій", "Yurii"),
            ("Оксана", "Oksana"),
            ("Ярослав", "Yaroslav"),
        ),
        (
            ("Ковальчук", "Kovalchuk"),
            ("Шевчишин", "Shevchyshyn"),
            ("Мельничук", "Melnychuk"),
            ("Гнатюк", "Hnatiuk"),
            ("Ярошенко", "Yaroshenko"),
        ),
    ),
    "he": (
        (
            ("נועה", "Noa"),
            ("איתי", "Itai"),
            ("יעל", "Yael"),
            ("עומר", "Omer"),
            ("תמר", "Tamar"),
            ("אביב", "Aviv"),
        ),
        (
            ("לוינסון", "Levinson"),
            ("ברקוביץ", "Berkovitz"),
            ("שטרן", "Shtern"),
            ("פרידמן", "Fridman"),
            ("אזולאי", "Azulai"),
        ),
    ),
    "fa": (
        (
            ("نیلوفر", "Niloufar"),
            ("کاوه", "Kaveh"),
            ("شیرین", "Shirin"),
            ("بهرام", "Bahram"),
            ("پریسا", "Parisa"),
            ("آرش", "Arash"),
        ),
        (
            ("رضایی", "Rezaei"),
            ("قاسمی", "Ghasemi"),
            ("حسینی", "Hosseini"),
            ("کرمانی", "Kermani"),
            ("تهرانی", "Tehrani"),
        ),
    ),
    "ja": (
        (
            ("陽菜", "Hina"),
            ("健太", "Kenta"),
            ("美咲", "Misaki"),
            ("翔太", "Shota"),
            ("結衣", "Yui"),
            ("大輔", "Daisuke"),
        ),
        (
            ("佐藤", "Sato"),
            ("高橋", "Takahashi"),
            ("渡辺", "Watanabe"),
            ("小林", "Kobayashi"),
            ("山口", "Yamaguchi"),
        ),
    ),
    "ko": (
        (
            ("서연", "Seo-yeon"),
            ("민준", "Min-jun"),
            ("지우", "Ji-woo"),
            ("하은", "Ha-eun"),
            ("도윤", "Do-yun"),
            ("수아", "Su-a"),
        ),
        (("김", "Kim"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("윤", "Yoon")),
    ),
}
