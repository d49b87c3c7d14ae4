"""Names of held-out bank 17: own lists, 22 languages, with the Latin transliteration of names
written in Cyrillic, Bengali, Chinese, Thai and Georgian script.

Each entry is ``(as written in the language's script, Latin transliteration)``; for languages
written in Latin script both are the same. Chinese names are stored surname first.
"""

from __future__ import annotations

Pair = tuple[str, str]


def _same(*names: str) -> tuple[Pair, ...]:
    return tuple((n, n) for n in names)


FIRST: dict[str, tuple[Pair, ...]] = {
    "en": _same("Bethany", "Callum", "Imogen", "Rhys", "Siobhan", "Declan", "Harriet", "Tobias"),
    "de": _same("Jördis", "Malte", "Wiebke", "Hendrik", "Lüder", "Rosalind", "Götz", "Annegret"),
    "fr": _same("Maëlys", "Gaëtan", "Solène", "Anatole", "Bérénice", "Loïc", "Clémence",
                "Aurélien"),
    "es": _same("Itziar", "Nicanor", "Remedios", "Gonzalo", "Almudena", "Fermín", "Consuelo",
                "Íñigo"),
    "it": _same("Ludovica", "Ottavio", "Benedetta", "Corrado", "Graziella", "Tommaso", "Nicoletta",
                "Ercole"),
    "pt": _same("Gonçalo", "Inês", "Joaquim", "Leonor", "Tomé", "Conceição", "Vasco", "Iara"),
    "tr": _same("Çağrı", "Gülşen", "Oğuzhan", "Şebnem", "İlker", "Dilara", "Ümit", "Nurhan"),
    "nl": _same("Femke", "Joost", "Marieke", "Sjoerd", "Ilse", "Wouter", "Anouk", "Gijs"),
    "pl": _same("Grażyna", "Przemysław", "Małgorzata", "Bożydar", "Jadwiga", "Zbigniew", "Łucja",
                "Wojciech"),
    "sk": _same("Ľubomír", "Zuzana", "Dušan", "Katarína", "Štefan", "Ľudmila", "Matúš",
                "Bronislava"),
    "lt": _same("Žydrūnas", "Aušra", "Mindaugas", "Rūta", "Gintaras", "Eglė", "Vytautas", "Dalia"),
    "ca": _same("Jordi", "Montserrat", "Pere", "Núria", "Oriol", "Mercè", "Arnau", "Roser"),
    "is": _same("Þórunn", "Guðmundur", "Sigríður", "Ævar", "Hrafnhildur", "Ásgeir", "Bryndís",
                "Kjartan"),
    "sq": _same("Arbër", "Drita", "Ilir", "Mimoza", "Besnik", "Lule", "Gëzim", "Flutura"),
    "ms": _same("Nurul Aina", "Hafiz", "Siti Khadijah", "Faizal", "Aishah", "Azlan", "Farah",
                "Zulkifli"),
    "yo": _same("Adébáyọ̀", "Olúwaseun", "Ọláyínká", "Folúkẹ́", "Babátúndé", "Ìbùkún", "Kọ́lápọ̀",
                "Títílayọ̀"),
    "af": _same("Riaan", "Elmarie", "Wikus", "Anri", "Hennie", "Lizelle", "Dewald", "Marietjie"),
    "sr": (("Милица", "Milica"), ("Небојша", "Nebojša"), ("Јелена", "Jelena"), ("Драган", "Dragan"),
           ("Снежана", "Snežana"), ("Вукашин", "Vukašin"), ("Ђурђа", "Đurđa"),
           ("Љубиша", "Ljubiša")),
    "bn": (("তানভীর", "Tanvir"), ("নুসরাত", "Nusrat"), ("আরিফ", "Arif"), ("শাহনাজ", "Shahnaz"),
           ("রাকিব", "Rakib"), ("ফারহানা", "Farhana"), ("সুমন", "Sumon"), ("মৌসুমী", "Mousumi")),
    "zh": (("芳", "Fang"), ("志强", "Zhiqiang"), ("秀英", "Xiuying"), ("建华", "Jianhua"),
           ("静怡", "Jingyi"), ("浩然", "Haoran"), ("丽娜", "Lina"), ("子轩", "Zixuan")),
    "th": (("สมชาย", "Somchai"), ("วิภาวรรณ", "Wipawan"), ("ณัฐพล", "Nattaphon"),
           ("ปิยะนุช", "Piyanut"), ("อนุชา", "Anucha"), ("กัลยา", "Kanlaya"),
           ("ธีรวัฒน์", "Thirawat"), ("สุภาพร", "Suphaphon")),
    "ka": (("ნინო", "Nino"), ("გიორგი", "Giorgi"), ("თამარ", "Tamar"), ("ლევან", "Levan"),
           ("მარიამ", "Mariam"), ("დავით", "Davit"), ("ეკა", "Eka"), ("ზურაბ", "Zurab")),
}  # fmt: skip

LAST: dict[str, tuple[Pair, ...]] = {
    "en": _same("Whitfield", "Fairbairn", "Pemberton", "MacAulay", "Trevelyan", "Ashdown",
                "Okonkwo-Reid", "Hollingsworth"),
    "de": _same("Brückner", "Oltmanns", "Tiedemann", "Scheuermann", "Weißgerber", "Kühnle",
                "Harmsen", "Ostendorf"),
    "fr": _same("Delacroix-Morel", "Vaillancourt", "Lefébure", "Chastenet", "Boisvert", "Guérin",
                "Roussel", "Marchetti"),
    "es": _same("Etxeberria", "Villanueva", "Ordóñez", "Quintanilla", "Carrasco", "Salcedo",
                "Zubiaurre", "Peñalver"),
    "it": _same("Cavalcanti", "Abbate", "Lo Giudice", "Pellegrini", "Scarpellini", "D'Ambrosio",
                "Tornabuoni", "Fumagalli"),
    "pt": _same("Magalhães", "Cordeiro", "Sampaio", "Brandão", "Figueiredo", "Albuquerque",
                "Gouveia", "Nogueira"),
    "tr": _same("Karaoğlu", "Yıldırım", "Erdoğdu", "Sarıkaya", "Öztürkmen", "Kılıçaslan",
                "Bozkurt", "Akgündüz"),
    "nl": _same("van der Heijden", "Bosman", "de Graaf", "Verhoeven", "Mulder", "Kuipers",
                "van Dijk", "Hoekstra"),
    "pl": _same("Wróblewska", "Szczepański", "Kaczmarek", "Żukowski", "Dąbrowska", "Gołębiowski",
                "Pietrzak", "Chmielewski"),
    "sk": _same("Šťastný", "Kováčová", "Hrušovský", "Mráziková", "Ďuriš", "Baláž", "Švecová",
                "Lukáč"),
    "lt": _same("Žemaitis", "Kazlauskienė", "Petrauskas", "Jankūnaitė", "Būga", "Stankevičius",
                "Vaitkutė", "Grybauskas"),
    "ca": _same("Puigdomènech", "Vilaró", "Casademunt", "Ferrer i Sala", "Bosch", "Rovira",
                "Miralles", "Soler"),
    "is": _same("Guðmundsdóttir", "Þórsson", "Sigurðardóttir", "Einarsson", "Hallgrímsdóttir",
                "Ólafsson", "Jónsdóttir", "Ragnarsson"),
    "sq": _same("Hoxha", "Shehu", "Krasniqi", "Gashi", "Berisha", "Dervishi", "Çela", "Kelmendi"),
    "ms": _same("binti Ismail", "bin Rahman", "binti Yusof", "bin Othman", "binti Salleh",
                "bin Kassim", "binti Hamzah", "bin Abdullah"),
    "yo": _same("Ọládipọ̀", "Adéwálé", "Ògúnlẹ́yẹ", "Àjàyí", "Fáṣọlá", "Òkéowó", "Adébísí",
                "Ìdòwú"),
    "af": _same("van der Merwe", "Botha", "du Plessis", "Pretorius", "Nieuwoudt", "Steyn",
                "le Roux", "Oosthuizen"),
    "sr": (("Петровић", "Petrović"), ("Јовановић", "Jovanović"), ("Ђорђевић", "Đorđević"),
           ("Стојановић", "Stojanović"), ("Милошевић", "Milošević"), ("Живковић", "Živković"),
           ("Радуловић", "Radulović"), ("Чолић", "Čolić")),
    "bn": (("হোসেন", "Hossain"), ("চৌধুরী", "Chowdhury"), ("রহমান", "Rahman"),
           ("বন্দ্যোপাধ্যায়", "Bandyopadhyay"), ("সরকার", "Sarkar"), ("মজুমদার", "Majumder"),
           ("দাস", "Das"), ("তালুকদার", "Talukder")),
    "zh": (("王", "Wang"), ("欧阳", "Ouyang"), ("陈", "Chen"), ("赵", "Zhao"), ("司马", "Sima"),
           ("黄", "Huang"), ("林", "Lin"), ("郑", "Zheng")),
    "th": (("ศรีสุข", "Srisuk"), ("วงศ์ไทย", "Wongthai"), ("บุญมา", "Boonma"),
           ("แก้วมณี", "Kaewmanee"), ("ทองดี", "Thongdee"), ("จันทร์เพ็ญ", "Chanphen"),
           ("สุขสวัสดิ์", "Suksawat"), ("พรหมมา", "Phromma")),
    "ka": (("ბერიძე", "Beridze"), ("კაპანაძე", "Kapanadze"), ("გელაშვილი", "Gelashvili"),
           ("ლომიძე", "Lomidze"), ("ჯავახიშვილი", "Javakhishvili"), ("ხარაიშვილი", "Kharaishvili"),
           ("ცერცვაძე", "Tsertsvadze"), ("მამულაშვილი", "Mamulashvili")),
}  # fmt: skip

# Grammatical gender where a surname has one (f, m; n: either), in list order: a Polish
# -ska, Slovak -ová, Lithuanian -ienė/-aitė/-utė, Icelandic -dóttir or Malay binti goes with
# a woman's first name only.
GENDER_FIRST = {"pl": "fmfmfmfm", "sk": "mfmfmfmf", "lt": "mfmfmfmf", "is": "fmfmfmfm",
                "ms": "fmfmfmfm"}  # fmt: skip
GENDER_LAST = {"pl": "fmnmfmnm", "sk": "mfmfmmfm", "lt": "mfmfnmfm", "is": "fmfmfmfm",
               "ms": "fmfmfmfm"}  # fmt: skip
