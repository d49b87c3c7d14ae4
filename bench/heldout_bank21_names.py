"""Names and support-chat phrasings of held-out bank 21, written for this bank alone.

``NAMES[lang]`` holds (first names, last names). For languages written in a non-Latin script,
``ROMAN[lang]`` holds the same names romanised, index for index, so a person can be written in
either form (classes tag the romanised form ``<lang>-Latn``).

``PHRASES[lang]`` holds the user's, bot's and agent's lines of an ordinary support chat in that
language, with slots ``{first}``, ``{last}``, ``{email}``, ``{phone}``, ``{pay}``,
``{third}``, ``{agent}``, ``{ref}`` filled by ``bench/heldout_bank21.py``.
"""

from __future__ import annotations

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Rosalind", "Barnaby", "Philippa", "Crispin", "Margery", "Tobias", "Winifred", "Ewan"),
        ("Ashcombe", "Pettigrew", "Holloway", "Fairbairn", "Okonkwo-Reid", "Tranter", "Blythe"),
    ),
    "de": (
        ("Wiebke", "Jörg", "Hannelore", "Malte", "Gesine", "Ulf", "Roswitha", "Kai-Uwe"),
        ("Schwarzkopf", "Brüggemann", "Oelschläger", "Hinrichs", "Kleinschmidt", "Wöhler"),
    ),
    "fr": (
        ("Maëlle", "Gaëtan", "Solène", "Aurélien", "Bérénice", "Loïc", "Clémence", "Anaïs"),
        ("Lefèvre", "Duplessis", "Marchetti", "Bouvier", "Delacroix-Fabre", "Quéré", "Rivière"),
    ),
    "es": (
        ("Itziar", "Gonzalo", "Remedios", "Íñigo", "Almudena", "Ramiro", "Begoña", "Nicanor"),
        ("Etxeberria", "Villanueva", "Cifuentes", "Ortuño", "Barrientos", "Peñalver"),
    ),
    "it": (
        ("Ludovica", "Gianmarco", "Ottavia", "Pierluigi", "Benedetta", "Raffaele", "Nicolò"),
        ("Scaramuzza", "Bellandi", "Quaranta", "Ferraresi", "Tagliaferri", "D'Ambrosio"),
    ),
    "pt": (
        ("Inês", "Gonçalo", "Leonor", "Tomás", "Mafalda", "Duarte", "Conceição", "Joaquim"),
        ("Magalhães", "Figueiredo", "Quintela", "Sampaio", "Brandão", "Vasconcelos"),
    ),
    "tr": (
        ("Gülşen", "Oğuzhan", "Şebnem", "Çağatay", "Nurhan", "İlker", "Ebru", "Tuğrul"),
        ("Karaağaç", "Yıldırım", "Öztürkmen", "Çelikkaya", "Aksoy", "Doğanay"),
    ),
    "nl": (
        ("Femke", "Joost", "Marieke", "Sjoerd", "Lieke", "Wouter", "Anouk", "Gerrit"),
        ("Brouwers", "Hoekstra", "Verbeek", "Dijkhuizen", "Kloosterman", "Zwart"),
    ),
    "pl": (
        ("Małgorzata", "Przemysław", "Jadwiga", "Grzegorz", "Bożena", "Wojciech", "Żaneta"),
        ("Wróblewska", "Szczepański", "Kołodziej", "Grabowska", "Pietrzak", "Łukasiewicz"),
    ),
    "tg": (
        ("Фарангис", "Рустам", "Гулнора", "Шерзод", "Мавзуна", "Далер"),
        ("Раҳимов", "Назарова", "Қурбонов", "Ҷӯраева", "Саидов", "Ғафурова"),
    ),
    "tt": (
        ("Гөлназ", "Илдар", "Алсу", "Рамил", "Ләйсән", "Айдар"),
        ("Хәбибуллина", "Гарипов", "Миңнебаева", "Закиров", "Сәфиуллина", "Вәлиев"),
    ),
    "or": (
        ("ସୁଭଶ୍ରୀ", "ପ୍ରଦୀପ", "ଲିପିକା", "ଅଭିଜିତ", "ମମତା", "ଶୁଭେନ୍ଦୁ"),
        ("ମହାପାତ୍ର", "ପଟ୍ଟନାୟକ", "ସାହୁ", "ମିଶ୍ର", "ପଣ୍ଡା", "ଜେନା"),
    ),
    "lo": (
        ("ສຸກສະຫວັນ", "ບຸນມີ", "ແສງເດືອນ", "ພອນໄຊ", "ນາລີ", "ວິໄລພອນ"),
        ("ພົມມະຈັນ", "ສີສຸວັນ", "ແກ້ວມະນີ", "ວົງສະຫວັດ", "ຈັນທະລາ", "ໄຊຍະວົງ"),
    ),
    "ti": (
        ("ለተብርሃን", "ተስፋልደት", "ሳባ", "ሚካኤል", "ፍረወይኒ", "ዳዊት"),
        ("ገብረመድህን", "ተኽለሃይማኖት", "ወልደሚካኤል", "ሃብተማርያም", "ኪዳነ", "ብርሃነ"),
    ),
    "yi": (
        ("חיה", "שמואל", "פערל", "יענקל", "רחל", "הערשל"),
        ("גאָלדבערג", "ראַבינאָוויטש", "פֿרידמאַן", "שפּיגל", "ליבערמאַן", "קאַץ"),
    ),
    "ug": (
        ("گۈلنار", "ئەركىن", "مەرىيەم", "ئابدۇقادىر", "پەرىدە", "ئىلياس"),
        ("تۇرسۇن", "ئابلىمىت", "قاسىم", "مۇھەممەت", "ھېسام", "ئىمىن"),
    ),
    "ku": (
        ("Rojîn", "Dilşad", "Berfîn", "Azad", "Hêvî", "Serhat", "Nêrgiz", "Welat"),
        ("Bozarslan", "Xelîlî", "Demirtaş", "Zîlan", "Amedî", "Botanî"),
    ),
    "st": (
        ("Palesa", "Thabo", "Mpho", "Lineo", "Tšepo", "Nthabiseng", "Rethabile"),
        ("Mokoena", "Letsie", "Mofokeng", "Ramakatane", "Sekhesa", "Molapo"),
    ),
    "sn": (
        ("Tendai", "Rufaro", "Tatenda", "Chiedza", "Farai", "Nyasha", "Kudakwashe"),
        ("Mutasa", "Chikwanha", "Mashingaidze", "Zvobgo", "Nyamayaro", "Mhlanga"),
    ),
    "rw": (
        ("Uwase", "Mugisha", "Ingabire", "Niyonsenga", "Umutoni", "Habimana", "Iradukunda"),
        ("Nsengiyumva", "Mukamana", "Uwimana", "Bizimana", "Hakizimana", "Nyirahabimana"),
    ),
    "br": (
        ("Gwenaëlle", "Tanguy", "Nolwenn", "Yannig", "Maiwenn", "Erwan", "Soazig", "Goulven"),
        ("Le Goff", "Kerbrat", "Guivarc'h", "Le Bihan", "Tanguy-Morvan", "Kervella"),
    ),
    "gd": (
        ("Catrìona", "Ruairidh", "Seònaid", "Dòmhnall", "Mòrag", "Tormod", "Ealasaid"),
        ("MacLeòid", "NicAoidh", "MacIlleathain", "Caimbeul", "MacDhòmhnaill", "Rothach"),
    ),
    "ht": (
        ("Wideline", "Jean-Robert", "Mirlande", "Fritznel", "Guerline", "Wilnès", "Roseline"),
        ("Désir", "Pierre-Louis", "Jean-Baptiste", "Saintil", "Dorvil", "Augustin"),
    ),
    "qu": (
        ("Killari", "Inti", "Sumaq", "Amaru", "Nayra", "Wayra", "Kusi"),
        ("Quispe", "Mamani", "Huamán", "Condori", "Ccahuana", "Yupanqui"),
    ),
    "pap": (
        ("Shurandy", "Jurnelis", "Rignaldo", "Sharlene", "Giandro", "Yuraima"),
        ("Martina", "Croes", "Rosaria", "Wawoe", "Leito", "Isenia"),
    ),
}

ROMAN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "tg": (
        ("Farangis", "Rustam", "Gulnora", "Sherzod", "Mavzuna", "Daler"),
        ("Rahimov", "Nazarova", "Qurbonov", "Jŭraeva", "Saidov", "Ghafurova"),
    ),
    "tt": (
        ("Gölnaz", "Ildar", "Alsu", "Ramil", "Läysän", "Aydar"),
        ("Khäbibullina", "Garipov", "Minnebayeva", "Zakirov", "Säfiullina", "Väliev"),
    ),
    "or": (
        ("Subhashree", "Pradeep", "Lipika", "Abhijit", "Mamata", "Subhendu"),
        ("Mahapatra", "Pattnaik", "Sahoo", "Mishra", "Panda", "Jena"),
    ),
    "lo": (
        ("Souksavanh", "Bounmy", "Sengdeuan", "Phonxay", "Nalee", "Vilayphone"),
        ("Phommachanh", "Sisouvanh", "Keomany", "Vongsavath", "Chanthala", "Xayavong"),
    ),
    "ti": (
        ("Letebrhan", "Tesfaldet", "Saba", "Mikael", "Freweini", "Dawit"),
        ("Gebremedhin", "Teklehaimanot", "Woldemichael", "Habtemariam", "Kidane", "Berhane"),
    ),
    "yi": (
        ("Chaya", "Shmuel", "Perl", "Yankl", "Rokhl", "Hershl"),
        ("Goldberg", "Rabinovitsh", "Fridman", "Shpigl", "Liberman", "Kats"),
    ),
    "ug": (
        ("Gülnar", "Erkin", "Meryem", "Abduqadir", "Peride", "Ilyas"),
        ("Tursun", "Ablimit", "Qasim", "Muhemmet", "Hésam", "Imin"),
    ),
}

# The country whose numbering plan and banks a speaker of each language uses here.
REGION: dict[str, str] = {
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "PT",
    "tr": "TR",
    "nl": "NL",
    "pl": "PL",
    "tg": "TJ",
    "tt": "RU",
    "or": "IN",
    "lo": "LA",
    "ti": "ER",
    "yi": "IL",
    "ug": "KZ",
    "ku": "TR",
    "st": "LS",
    "sn": "ZW",
    "rw": "RW",
    "br": "FR",
    "gd": "GB",
    "ht": "HT",
    "qu": "PE",
    "pap": "CW",
}

# Lines of an ordinary support chat. Keys: hello and hello2 (self-introductions about two
# sectors), contact (e-mail and phone), pay (a card or IBAN), third (a relative or
# colleague), bye (sign-off with the first name), bot (the bot's answer), agent (a human agent
# takes over).
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "hello2": "Hello, my name's {first} {last} — my GP cancelled my repeat prescription.",
        "hello": "Hi there, {first} {last} here. My direct debit was taken twice this month.",
        "contact": "You can reach me at {email} or on {phone} after 5pm.",
        "pay": "The refund should go back to {pay}, please.",
        "third": "My partner {third} set up the account originally, if that matters.",
        "bye": "Thanks for sorting it.\nKind regards,\n{first}",
        "bot": "Thanks! I've logged this under case {ref}. An adviser will pick it up shortly.",
        "agent": "Hello, this is {agent} from the billing team, I'm looking at {ref} now.",
    },
    "de": {
        "hello2": "Hallo, {first} {last} hier. Meine Kreditkarte wurde im Urlaub gesperrt.",
        "hello": "Guten Tag, mein Name ist {first} {last}, mein Router hat seit gestern kein Netz.",
        "contact": "Erreichbar bin ich unter {phone} oder per Mail: {email}.",
        "pay": "Bitte buchen Sie die Gutschrift auf {pay} zurück.",
        "third": "Der Vertrag läuft eigentlich über meinen Vater, {third}.",
        "bye": "Vielen Dank und schöne Grüße\n{first}",
        "bot": "Danke, Ihre Störungsmeldung hat die Nummer {ref}.",
        "agent": "Hallo, hier ist {agent} vom Technik-Support, ich übernehme {ref}.",
    },
    "fr": {
        "hello2": "Bonsoir, {first} {last} ici. Mon colis est bloqué au point relais depuis lundi.",
        "hello": "Bonjour, je suis {first} {last} ; ma carte Vitale n'apparaît plus sur le site.",
        "contact": "Mon adresse : {email} — ou appelez le {phone}.",
        "pay": "Le remboursement peut être versé sur {pay}.",
        "third": "C'est ma fille, {third}, qui gère habituellement le dossier.",
        "bye": "Merci d'avance, bonne journée.\n{first}",
        "bot": "Merci ! Votre demande {ref} a été transmise à un conseiller.",
        "agent": "Bonjour, {agent} à l'appareil, je reprends la demande {ref}.",
    },
    "es": {
        "hello2": "Buenas, me llamo {first} {last} y no me llega la factura de la luz.",
        "hello": "Hola, soy {first} {last}. Me han cancelado el vuelo a Bilbao sin avisar.",
        "contact": "Mi correo es {email} y mi móvil {phone}.",
        "pay": "Prefiero el reembolso en {pay}.",
        "third": "Viajo con mi hermana, {third}, en la misma reserva.",
        "bye": "Gracias, un saludo.\n{first}",
        "bot": "Gracias. Hemos registrado tu incidencia con el código {ref}.",
        "agent": "Hola, te atiende {agent}, del equipo de reservas. Reviso {ref}.",
    },
    "it": {
        "hello2": "Salve, mi chiamo {first} {last}: treno soppresso, vorrei il rimborso.",
        "hello": "Buongiorno, sono {first} {last}, la bolletta del gas è il doppio del solito.",
        "contact": "Potete scrivermi a {email} oppure chiamare il {phone}.",
        "pay": "Il rimborso va su {pay}, grazie.",
        "third": "L'utenza è intestata a mia moglie, {third}.",
        "bye": "Cordiali saluti,\n{first}",
        "bot": "Grazie, la pratica {ref} è stata aperta.",
        "agent": "Salve, sono {agent} del servizio clienti, seguo io la pratica {ref}.",
    },
    "pt": {
        "hello2": "Bom dia, sou {first} {last}. A minha apólice de seguro automóvel venceu ontem.",
        "hello": "Olá, chamo-me {first} {last} e não consigo marcar consulta no centro de saúde.",
        "contact": "O meu email é {email}; telemóvel {phone}.",
        "pay": "Podem debitar em {pay}.",
        "third": "A consulta é para o meu filho, {third}.",
        "bye": "Obrigado desde já,\n{first}",
        "bot": "Obrigado! O seu pedido {ref} foi registado.",
        "agent": "Boa tarde, fala {agent}, da linha de apoio. Estou a ver o pedido {ref}.",
    },
    "tr": {
        "hello2": "İyi günler, adım {first} {last}. Üniversite harç ödemem görünmüyor.",
        "hello": "Merhaba, ben {first} {last}; kargom üç gündür dağıtım şubesinde bekliyor.",
        "contact": "Bana {phone} numarasından ya da {email} adresinden ulaşabilirsiniz.",
        "pay": "İade {pay} hesabına yapılsın lütfen.",
        "third": "Paketi komşum {third} teslim alabilir.",
        "bye": "Teşekkürler, iyi çalışmalar.\n{first}",
        "bot": "Teşekkürler, talebiniz {ref} numarasıyla kaydedildi.",
        "agent": "Merhaba, ben {agent}, müşteri hizmetlerinden. {ref} talebinizle ilgileniyorum.",
    },
    "nl": {
        "hello2": "Hallo, ik ben {first} {last}, mijn nieuwe simkaart werkt nog niet.",
        "hello": "Goedemiddag, met {first} {last}. Mijn studiefinanciering is niet overgemaakt.",
        "contact": "Mail mij op {email} of bel {phone}.",
        "pay": "Het rekeningnummer is {pay}.",
        "third": "Mijn moeder, {third}, heeft de machtiging destijds getekend.",
        "bye": "Alvast bedankt!\nGroet, {first}",
        "bot": "Bedankt, je vraag is geregistreerd onder {ref}.",
        "agent": "Hoi, je spreekt met {agent} van de klantenservice. Ik pak {ref} op.",
    },
    "pl": {
        "hello2": "Witam, z tej strony {first} {last}. Nie mogę zalogować się do e-Urzędu.",
        "hello": "Dzień dobry, nazywam się {first} {last}, polisa OC nie została przedłużona.",
        "contact": "Kontakt: {email}, tel. {phone}.",
        "pay": "Składkę proszę pobrać z {pay}.",
        "third": "Samochód prowadzi też mój mąż, {third}.",
        "bye": "Pozdrawiam serdecznie\n{first}",
        "bot": "Dziękujemy, zgłoszenie otrzymało numer {ref}.",
        "agent": "Dzień dobry, tu {agent} z działu obsługi polis, sprawdzam {ref}.",
    },
    "tg": {
        "hello": "Салом, ман {first} {last} ҳастам. Корти бонкии ман баста шуд.",
        "contact": "Почтаи ман {email}, телефон {phone}.",
        "pay": "Пулро ба {pay} баргардонед, лутфан.",
        "third": "Ҳисобро бародарам {third} кушода буд.",
        "bye": "Ташаккур.\n{first}",
        "bot": "Ташаккур! Дархости шумо бо рақами {ref} сабт шуд.",
        "agent": "Салом, ман {agent}, мутахассиси бонк. Дархости {ref}-ро мебинам.",
    },
    "tt": {
        "hello": "Исәнмесез, мин {first} {last}. Интернет өч көн эшләми.",
        "contact": "Минем почта: {email}, телефон: {phone}.",
        "pay": "Акчаны {pay} картасына кайтарыгыз.",
        "third": "Килешү әнием {third} исеменә язылган.",
        "bye": "Рәхмәт!\n{first}",
        "bot": "Рәхмәт, гаризагыз {ref} номеры белән теркәлде.",
        "agent": "Сәлам, мин {agent}, техник ярдәм бүлегеннән. {ref} гаризасын карыйм.",
    },
    "or": {
        "hello": "ନମସ୍କାର, ମୁଁ {first} {last} । ମୋ ବିଦ୍ୟୁତ ବିଲ୍ ଭୁଲ ଆସିଛି ।",
        "contact": "ମୋ ଇମେଲ୍ {email} , ଫୋନ୍ {phone} ।",
        "pay": "ଟଙ୍କା {pay} କାର୍ଡକୁ ଫେରାନ୍ତୁ ।",
        "third": "ସଂଯୋଗ ମୋ ବାପା {third} ଙ୍କ ନାମରେ ଅଛି ।",
        "bye": "ଧନ୍ୟବାଦ\n{first}",
        "bot": "ଧନ୍ୟବାଦ, ଆପଣଙ୍କ ଅଭିଯୋଗ ନମ୍ବର {ref} ।",
        "agent": "ନମସ୍କାର, ମୁଁ {agent}, ଗ୍ରାହକ ସେବାରୁ । {ref} ଦେଖୁଛି ।",
    },
    "lo": {
        "hello": "ສະບາຍດີ, ຂ້ອຍ {first} {last} . ບັດ ATM ຂອງຂ້ອຍຖືກລັອກ.",
        "contact": "ອີເມວ {email} , ເບີໂທ {phone} .",
        "pay": "ກະລຸນາໂອນເງິນຄືນເຂົ້າ {pay} .",
        "third": "ບັນຊີນີ້ ເອື້ອຍຂອງຂ້ອຍ {third} ເປີດໃຫ້.",
        "bye": "ຂອບໃຈຫຼາຍໆ\n{first}",
        "bot": "ຂອບໃຈ, ເລກຄຳຮ້ອງຂອງທ່ານແມ່ນ {ref} .",
        "agent": "ສະບາຍດີ, ຂ້ອຍ {agent} ຈາກພະແນກບໍລິການລູກຄ້າ, ກຳລັງກວດ {ref} .",
    },
    "ti": {
        "hello": "ሰላም፣ ኣነ {first} {last} እየ። ሞባይል ዳታይ ኣይሰርሕን ዘሎ።",
        "contact": "ኢመይለይ {email} ፣ ስልከይ {phone} ።",
        "pay": "ገንዘብ ናብ {pay} ምለሱለይ።",
        "third": "እቲ ኮንትራት ብስም ሓወይ {third} እዩ።",
        "bye": "የቐንየለይ\n{first}",
        "bot": "የቐንየልና፣ ሕቶኹም ብቑጽሪ {ref} ተመዝጊቡ።",
        "agent": "ሰላም፣ ኣነ {agent} ካብ ኣገልግሎት ዓማዊል እየ፣ {ref} ይርኢ ኣለኹ።",
    },
    "yi": {
        "hello": "שלום, איך בין {first} {last} . מײַן פּעקל איז נישט אָנגעקומען.",
        "contact": "מײַן אימעיל: {email} , טעלעפֿאָן: {phone} .",
        "pay": "ביטע צוריקצאָלן אויף {pay} .",
        "third": "מײַן שוועסטער {third} קען עס אָפּנעמען.",
        "bye": "א דאַנק\n{first}",
        "bot": "א דאַנק, אײַער בקשה האָט די נומער {ref} .",
        "agent": "שלום, דאָ רעדט {agent} פֿון קונדן־דינסט, איך קוק אויף {ref} .",
    },
    "ug": {
        "hello": "ياخشىمۇسىز، مەن {first} {last} . بانكا كارتامدىن پۇل ئىككى قېتىم چۈشۈپ كەتتى.",
        "contact": "ئېلخەت: {email} ، تېلېفون: {phone} .",
        "pay": "پۇلنى {pay} غا قايتۇرۇڭ.",
        "third": "ھېساباتنى ئاكام {third} ئاچقان.",
        "bye": "رەھمەت\n{first}",
        "bot": "رەھمەت، ئىلتىماسىڭىزنىڭ نومۇرى {ref} .",
        "agent": "ياخشىمۇسىز، مەن {agent} ، خېرىدارلار مۇلازىمىتىدىن. {ref} نى كۆرۈۋاتىمەن.",
    },
    "ku": {
        "hello2": "Rojbaş, navê min {first} {last} e. Kartê min ê bankê hat girtin.",
        "hello": "Silav, ez {first} {last} im. Fatûreya telefonê min pir zêde hatiye.",
        "contact": "E-nameya min {email} e, hejmara min {phone}.",
        "pay": "Ji kerema xwe pereyan vegerînin {pay}.",
        "third": "Xeta telefonê li ser navê birayê min {third} ye.",
        "bye": "Spas dikim.\n{first}",
        "bot": "Spas! Daxwaza we bi hejmara {ref} hat tomarkirin.",
        "agent": "Silav, ez {agent} im ji xizmeta xerîdaran. Li {ref} dinêrim.",
    },
    "st": {
        "hello": "Dumela, ke nna {first} {last}. Ha ke kgone ho kena akhaonteng ya ka ya banka.",
        "contact": "Imeile ya ka ke {email}, nomoro ke {phone}.",
        "pay": "Ka kopo busetsang tjhelete ho {pay}.",
        "third": "Akhaonte e butswe ke mme wa ka, {third}.",
        "bye": "Ke a leboha.\n{first}",
        "bot": "Re a leboha, kopo ya hao e ngotswe ka nomoro {ref}.",
        "agent": "Dumela, ke {agent} wa tshehetso ya bareki. Ke sheba {ref}.",
    },
    "sn": {
        "hello": "Mhoro, ndini {first} {last}. Mari yangu yeEcoCash haina kusvika.",
        "contact": "Email yangu i {email}, nhamba {phone}.",
        "pay": "Ndapota dzoserai mari ku {pay}.",
        "third": "Account yakavhurwa nababa vangu, {third}.",
        "bye": "Ndatenda.\n{first}",
        "bot": "Tatenda, chichemo chenyu chakanyorwa se {ref}.",
        "agent": "Mhoro, ndini {agent} wekubatsira vatengi. Ndiri kutarisa {ref}.",
    },
    "rw": {
        "hello2": "Mwiriwe, ndi {first} {last}. Sinshobora kwinjira kuri konti yanjye ya banki.",
        "hello": "Muraho, nitwa {first} {last}. Fagitire y'amazi yaje ari nini cyane.",
        "contact": "Email yanjye ni {email}, telefoni {phone}.",
        "pay": "Mwansubiza amafaranga kuri {pay}.",
        "third": "Konti iri mu izina rya mama, {third}.",
        "bye": "Murakoze.\n{first}",
        "bot": "Murakoze, ikibazo cyanyu cyanditswe kuri nimero {ref}.",
        "agent": "Muraho, ndi {agent} wo muri serivisi y'abakiriya. Ndimo kureba {ref}.",
    },
    "br": {
        "hello2": "Demat deoc'h, {first} {last} on. Nullet eo bet ma beaj tren.",
        "hello": "Demat, {first} {last} eo ma anv. N'eus ket bet degemeret ma fakturenn.",
        "contact": "Ma chomlec'h postel : {email}, pellgomz {phone}.",
        "pay": "Distaolit an arc'hant war {pay}, mar plij.",
        "third": "Ma breur, {third}, en deus sinet ar c'hevrat.",
        "bye": "Trugarez deoc'h.\n{first}",
        "bot": "Trugarez, enrollet eo bet ho koulenn dindan an niverenn {ref}.",
        "agent": "Demat, {agent} ac'hann, eus servij ar pratikoù. Sellet a ran ouzh {ref}.",
    },
    "gd": {
        "hello": "Halò, is mise {first} {last}. Chan eil an t-aiseag air a bhith ag obair.",
        "contact": "Am post-d agam: {email}, fòn: {phone}.",
        "pay": "Cuir an t-airgead air ais gu {pay}, mas e ur toil e.",
        "third": "Tha mo bhràthair, {third}, a' siubhal còmhla rium.",
        "bye": "Mòran taing.\n{first}",
        "bot": "Tapadh leibh, tha an iarrtas agaibh clàraichte mar {ref}.",
        "agent": "Halò, seo {agent} bhon sgioba taic, tha mi a' coimhead air {ref}.",
    },
    "ht": {
        "hello2": "Bonswa, se {first} {last}. Mwen pa ka konekte sou kont bank mwen.",
        "hello": "Bonjou, mwen se {first} {last}. Kòb mwen voye a poko rive.",
        "contact": "Imèl mwen se {email}, nimewo m se {phone}.",
        "pay": "Tanpri remèt kòb la sou {pay}.",
        "third": "Se kouzen m, {third}, ki te dwe resevwa l.",
        "bye": "Mèsi anpil.\n{first}",
        "bot": "Mèsi! Nou anrejistre demann ou an ak nimewo {ref}.",
        "agent": "Bonjou, se {agent} ki pale, nan sèvis kliyan. M ap gade {ref}.",
    },
    "qu": {
        "hello": "Allillanchu, ñuqaqa {first} {last} kani. Bancoy tarjetay mana llamk'anchu.",
        "contact": "Correoyqa {email}, celularniyqa {phone}.",
        "pay": "Qullqita {pay} nisqaman kutichiy.",
        "third": "Cuentataqa turay {third} kicharqa.",
        "bye": "Sulpayki.\n{first}",
        "bot": "Sulpayki, mañakuyniykiqa {ref} yupaywan qillqasqa.",
        "agent": "Allillanchu, ñuqa {agent} kani, yanapaq. {ref} qhawachkani.",
    },
    "pap": {
        "hello": "Bon dia, mi ta {first} {last}. Mi no por drenta mi kuenta di banko.",
        "contact": "Mi email ta {email}, mi number ta {phone}.",
        "pay": "Por fabor debolbé e plaka riba {pay}.",
        "third": "Mi ruman, {third}, tin akseso tambe.",
        "bye": "Danki hopi.\n{first}",
        "bot": "Danki! Bo petishon a keda registrá ku number {ref}.",
        "agent": "Bon dia, ta {agent} di servisio na kliente. Mi ta wak {ref}.",
    },
}

SCRIPT: dict[str, str] = {
    "tg": "Cyrillic",
    "tt": "Cyrillic",
    "or": "Odia",
    "lo": "Lao",
    "ti": "Ethiopic",
    "yi": "Hebrew",
    "ug": "Arabic",
}
