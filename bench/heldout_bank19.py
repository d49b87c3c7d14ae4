"""Held-out bank 19: support chat in 24 languages plus forms and records no earlier bank used.

Written from the scoring interface alone (``bench/masking_quality.py`` and the dataclasses of
``bench/heldout_corpus.py``), before any detector ran on it.

Languages (24): English, German, French, Spanish, Italian, Portuguese, Turkish, Dutch, Polish,
and Uzbek (Latin), Hausa (with ɗ), Zulu, Somali, Galician, Irish, Luxembourgish, Macedonian,
Kazakh and Mongolian (Cyrillic), Nepali (Devanagari), Gujarati, Telugu, Malayalam and Khmer.
Names of the eight non-Latin languages are written in their script or in the Latin
romanisation their owner uses (class segment ``script`` or ``latin``); e-mail addresses are
always romanised. Khmer and Mongolian full names are written family name first.

Texts: about two thirds are ordinary support traffic (classes ``.../support.<part>``): a user
introducing themself, asking for a refund to an IBAN, giving an e-mail or phone, disputing a
card charge, naming a relative who will collect a parcel, signing off; an agent greeting the
customer by first name and signing with their own name, warning about a sign-in from an IP,
sending a reset link; bot JSON payloads echoing the profile; and the free-text fields of the
session record (``raw:feedback``, ``raw:notes``, ``raw:summary``, ``raw:tags``). The rest are
situations no earlier bank used: hotel registration cards, warranty claims, marketplace seller
chats, ride-hailing receipts, food-delivery notes, chargeback forms, Teams thread exports,
help-desk macros as sent, CRM notes, voicemail-to-text with timestamps, court summons,
vaccination records, library loans, gym memberships, tax-refund forms, meter readings,
relocation forms, customs declarations and visa applications.

What counts as personal (planted with its kind), decided here:
- A person's full name, in any order, as one value. A first name alone when it addresses or
  refers to the customer (greetings, "Buyer Gemma:"): yes. A family name alone on a door
  label or in a form's "Surname" field: yes, as is the given-name field next to it (two values,
  no overlap). Human agents' names in signatures and Teams exports: yes, they are persons too.
  Streets, companies and products named after people are not personal (decoys).
- Phone numbers: the whole number as written, including an extension ("ext. 45", "x45")
  since the extension reaches the person. Most are valid per ``phonenumbers``; class
  ``.../intl-unassigned`` are possible but not valid numbers, always in international form.
- E-mail addresses of persons; role addresses of companies (support@, noreply@) are decoys.
- Cards: full numbers that pass Luhn with real IIN ranges; a masked "•••• 4821" is a decoy.
- IBANs pass mod-97 at their country's length (FR, ES, PT and NL also pass their national
  check keys); IBAN-shaped strings failing mod-97 are decoys.
- IPv4/IPv6 addresses of a person's device or router; URLs carrying a token, code, signature
  or key in the query or path. A plain URL without a secret is a decoy.

Decoys, 19 sorts: order numbers (never a valid phone number in any of the bank's regions),
tracking codes (UPS, DHL, UPU S10 with its check digit), prices, dates, times, versions,
case references, vaccine lots, products, streets and companies named after people, brand
handles, role e-mail addresses, IBAN-shaped strings failing mod-97, 16-digit numbers failing
Luhn, plain URLs, masked cards, meter numbers and flight numbers.

Each planted value occurs exactly once in its text (counted as a plain substring, so never
inside a longer word) and planted values never overlap; a text whose values would collide (a
first name inside the capitalised e-mail, a relative drawn with the customer's own name) is
drawn again. Classes read
``kind/<lang>/<situation>[/<form>]``; decoys ``decoy/<lang>/<sort>``.
"""

from __future__ import annotations

import itertools
import json
import random
import string
import unicodedata
from collections.abc import Callable
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT

from bench.heldout_bank19_names import FAMILY_FIRST, FIRST, LAST, SCRIPT, Name
from bench.heldout_corpus import Conversation, Person, Planted, Text

LANGS = tuple(FIRST)
REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "uz": "UZ", "ha": "NG", "zu": "ZA", "so": "SO", "gl": "ES",
    "ga": "IE", "lb": "LU", "mk": "MK", "kk": "KZ", "mn": "MN", "ne": "NP", "gu": "IN",
    "te": "IN", "ml": "IN", "km": "KH",
}  # fmt: skip
# Where the person banks: their own country when it uses IBANs, else where many work abroad.
IBAN_COUNTRY = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "uz": "KZ", "ha": "GB", "zu": "GB", "so": "SO", "gl": "ES",
    "ga": "IE", "lb": "LU", "mk": "MK", "kk": "KZ", "mn": "MN", "ne": "PT", "gu": "GB",
    "te": "DE", "ml": "IE", "km": "FR",
}  # fmt: skip
IBAN_LENGTH = {
    "GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18, "PL": 28,
    "SO": 23, "IE": 22, "LU": 20, "MK": 19, "KZ": 20, "MN": 20,
}  # fmt: skip

# --- ordinary support phrasing, per language ---------------------------------------------------
# Keys: intro {name}, greet {first}, email, phone, card, iban, ip, url, third {rel} {other},
# sign {name} on its own line, about {dec} (a decoy), rel (relatives and colleagues).
P: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "intro": (
            "Hi, this is {name}, I've been locked out of online banking since this morning.",
            "Hello, {name} here. My broadband keeps dropping every evening around 8.",
        ),
        "greet": (
            "Thanks for waiting, {first}. I can see the booking now.",
            "Hi {first}, sorry for the delay with your claim.",
        ),
        "email": (
            "Could you send the new policy documents to {email} please?",
            "my email on the account is {email}",
        ),
        "phone": (
            "Best number to reach me is {phone}, I'm free after 4.",
            "The verification text never arrives on {phone}.",
        ),
        "card": (
            "There's a charge I don't recognise on {card} from yesterday.",
            "I paid the deposit with card {card}.",
        ),
        "iban": (
            "Please refund it to my account {iban}.",
            "From next month the direct debit should come from {iban}.",
        ),
        "ip": ("Our logs show a sign-in from {ip} at 02:14, was that you?",),
        "url": (
            "Use this link to reset your password: {url}",
            "I got this link by email, is it genuine? {url}",
        ),
        "third": (
            "{rel} {other} will pick up the parcel instead.",
            "{rel} {other} should be added as a second driver.",
        ),
        "sign": ("Thanks again,\n{name}", "Kind regards\n{name}"),
        "about": ("It's about {dec}.", "Regarding {dec}:"),
        "rel": ("My wife", "My husband", "My son", "My daughter", "My colleague", "My flatmate"),
    },
    "de": {
        "intro": (
            "Guten Tag, hier ist {name}. Ich komme seit gestern nicht mehr ins Kundenportal.",
            "Hallo, mein Name ist {name} und mein Zug nach Köln wurde gestrichen.",
        ),
        "greet": (
            "Danke für Ihre Geduld, {first}. Ich habe die Rechnung gefunden.",
            "Hallo {first}, Ihre Kündigung ist bei uns eingegangen.",
        ),
        "email": (
            "Bitte schicken Sie die Bestätigung an {email}.",
            "Meine E-Mail-Adresse lautet {email}",
        ),
        "phone": (
            "Sie erreichen mich unter {phone}, am besten vormittags.",
            "Rückruf bitte an {phone}.",
        ),
        "card": (
            "Die Abbuchung auf meiner Karte {card} kenne ich nicht.",
            "Ich habe mit der Karte {card} bezahlt, aber die Buchung fehlt.",
        ),
        "iban": (
            "Bitte überweisen Sie die Erstattung auf {iban}.",
            "Neue Bankverbindung für die Lastschrift: {iban}",
        ),
        "ip": ("Es gab eine Anmeldung von {ip} um 03:12 Uhr.",),
        "url": (
            "Über diesen Link können Sie Ihr Passwort zurücksetzen: {url}",
            "Ist dieser Link wirklich von Ihnen? {url}",
        ),
        "third": (
            "{rel} {other} holt das Paket in der Filiale ab.",
            "{rel} {other} soll als Zweitfahrer eingetragen werden.",
        ),
        "sign": ("Viele Grüße\n{name}", "Mit freundlichen Grüßen,\n{name}"),
        "about": ("Es geht um {dec}.",),
        "rel": ("Mein Mann", "Meine Frau", "Mein Sohn", "Meine Tochter", "Meine Kollegin"),
    },
    "fr": {
        "intro": (
            "Bonjour, je suis {name}, je n'arrive plus à accéder à mon espace client.",
            "Bonsoir, {name} à l'appareil : ma box ne se synchronise plus.",
        ),
        "greet": (
            "Merci de votre patience, {first}. Je vois bien votre dossier.",
            "Bonjour {first}, votre demande de remboursement est en cours.",
        ),
        "email": ("Pouvez-vous m'envoyer l'attestation à {email} ?", "mon adresse mail : {email}"),
        "phone": (
            "Vous pouvez me rappeler au {phone} entre 12h et 14h.",
            "Le code SMS n'arrive pas sur le {phone}.",
        ),
        "card": (
            "Un prélèvement apparaît sur ma carte {card}, je ne le reconnais pas.",
            "J'ai réglé la caution avec la carte {card}.",
        ),
        "iban": ("Merci de rembourser sur mon compte {iban}.", "Voici mon nouveau RIB : {iban}"),
        "ip": ("Une connexion depuis {ip} a été détectée cette nuit.",),
        "url": (
            "Cliquez ici pour réinitialiser votre mot de passe : {url}",
            "J'ai reçu ce lien, est-il fiable ? {url}",
        ),
        "third": ("{rel} {other} viendra récupérer le colis.",),
        "sign": ("Cordialement,\n{name}", "Bien à vous\n{name}"),
        "about": ("C'est au sujet de {dec}.",),
        "rel": ("Ma sœur", "Mon mari", "Ma fille", "Mon collègue", "Ma mère"),
    },
    "es": {
        "intro": (
            "Hola, soy {name} y no puedo entrar en la banca online.",
            "Buenas tardes, le escribe {name}; me han cancelado el vuelo a Bilbao.",
        ),
        "greet": (
            "Gracias por esperar, {first}. Ya veo su reserva.",
            "Hola {first}, ya hemos tramitado el parte.",
        ),
        "email": ("Envíenme la factura a {email}, por favor.", "Mi correo es {email}"),
        "phone": (
            "Me pueden llamar al {phone} por las mañanas.",
            "No me llega el SMS al {phone}.",
        ),
        "card": (
            "Tengo un cargo en la tarjeta {card} que no reconozco.",
            "Pagué la fianza con la tarjeta {card}.",
        ),
        "iban": (
            "Háganme la devolución a la cuenta {iban}.",
            "Cambien la domiciliación a {iban}, por favor.",
        ),
        "ip": ("Detectamos un acceso desde {ip} a las 04:40.",),
        "url": (
            "Para restablecer la contraseña use este enlace: {url}",
            "¿Este enlace es vuestro? {url}",
        ),
        "third": ("{rel} {other} recogerá el paquete.",),
        "sign": ("Un saludo,\n{name}", "Atentamente\n{name}"),
        "about": ("Es sobre {dec}.",),
        "rel": ("Mi marido", "Mi hermana", "Mi hijo", "Mi compañera", "Mi madre"),
    },
    "it": {
        "intro": (
            "Buongiorno, sono {name} e non riesco ad accedere all'home banking.",
            "Salve, mi chiamo {name}: la fibra non funziona da tre giorni.",
        ),
        "greet": (
            "Grazie per l'attesa, {first}. Vedo la sua pratica.",
            "Ciao {first}, il rimborso è stato approvato.",
        ),
        "email": ("Può inviare la ricevuta a {email}?", "la mia mail è {email}"),
        "phone": (
            "Mi può richiamare al {phone} dopo le 18.",
            "Il codice OTP non arriva al {phone}.",
        ),
        "card": (
            "Vedo un addebito sulla carta {card} che non ho fatto.",
            "Ho pagato con la carta {card}.",
        ),
        "iban": (
            "Accreditate il rimborso sull'IBAN {iban}.",
            "Nuovo IBAN per la domiciliazione: {iban}",
        ),
        "ip": ("Risulta un accesso da {ip} alle 01:55.",),
        "url": (
            "Per reimpostare la password apra questo link: {url}",
            "È vostro questo link? {url}",
        ),
        "third": ("{rel} {other} passerà a ritirare il pacco.",),
        "sign": ("Cordiali saluti,\n{name}", "Grazie mille\n{name}"),
        "about": ("Riguarda {dec}.",),
        "rel": ("Mia moglie", "Mio fratello", "Mia figlia", "Il mio collega", "Mia suocera"),
    },
    "pt": {
        "intro": (
            "Olá, sou {name} e não consigo entrar na app do banco.",
            "Boa tarde, fala {name}; a minha fatura da luz veio em duplicado.",
        ),
        "greet": (
            "Obrigado pela paciência, {first}. Já encontrei o pedido.",
            "Olá {first}, a sua reclamação foi registada.",
        ),
        "email": ("Enviem a segunda via para {email}, por favor.", "o meu email é {email}"),
        "phone": ("Podem ligar-me para o {phone} depois das 17h.", "O SMS não chega ao {phone}."),
        "card": ("Aparece um débito no cartão {card} que não fiz.", "Paguei com o cartão {card}."),
        "iban": ("Façam o reembolso para o IBAN {iban}.", "O débito direto passa a ser do {iban}."),
        "ip": ("Houve um acesso a partir de {ip} às 03:07.",),
        "url": ("Para redefinir a palavra-passe use este link: {url}", "Este link é vosso? {url}"),
        "third": ("{rel} {other} vai levantar a encomenda.",),
        "sign": ("Cumprimentos,\n{name}", "Obrigada\n{name}"),
        "about": ("É sobre {dec}.",),
        "rel": ("A minha mulher", "O meu marido", "A minha filha", "O meu colega", "A minha mãe"),
    },
    "tr": {
        "intro": (
            "Merhaba, ben {name}. İnternet bankacılığına giriş yapamıyorum.",
            "İyi günler, adım {name}; faturamda fazladan ücret var.",
        ),
        "greet": (
            "Beklediğiniz için teşekkürler {first}, kaydınızı buldum.",
            "Merhaba {first}, iade talebiniz onaylandı.",
        ),
        "email": ("Faturayı {email} adresine gönderir misiniz?", "e-posta adresim: {email}"),
        "phone": (
            "Bana {phone} numarasından ulaşabilirsiniz.",
            "Doğrulama SMS'i {phone} numarasına gelmiyor.",
        ),
        "card": (
            "{card} numaralı kartımdan benim yapmadığım bir çekim var.",
            "Ödemeyi {card} kartıyla yaptım.",
        ),
        "iban": ("İadeyi {iban} hesabıma yapın lütfen.", "Yeni IBAN: {iban}"),
        "ip": ("{ip} adresinden gece giriş yapılmış.",),
        "url": (
            "Şifrenizi sıfırlamak için bu bağlantıyı kullanın: {url}",
            "Bu bağlantı sizden mi geldi? {url}",
        ),
        "third": ("{rel} {other} kargoyu teslim alacak.",),
        "sign": ("Saygılarımla,\n{name}", "Teşekkürler\n{name}"),
        "about": ("Konu: {dec}",),
        "rel": ("Eşim", "Kardeşim", "Oğlum", "Kızım", "İş arkadaşım"),
    },
    "nl": {
        "intro": (
            "Hoi, ik ben {name} en ik kan niet meer inloggen bij mijn bank.",
            "Goedemiddag, u spreekt met {name}; mijn pakket is niet bezorgd.",
        ),
        "greet": (
            "Bedankt voor het wachten, {first}. Ik zie uw bestelling.",
            "Hoi {first}, je claim is in behandeling.",
        ),
        "email": ("Kunt u de bevestiging naar {email} sturen?", "mijn mailadres is {email}"),
        "phone": ("Ik ben bereikbaar op {phone}.", "De sms-code komt niet aan op {phone}."),
        "card": ("Er staat een afschrijving op mijn kaart {card} die ik niet ken.",),
        "iban": ("Graag terugstorten op {iban}.", "Nieuw rekeningnummer voor de incasso: {iban}"),
        "ip": ("Er is ingelogd vanaf {ip} om 01:20.",),
        "url": (
            "Via deze link stel je een nieuw wachtwoord in: {url}",
            "Is deze link echt van jullie? {url}",
        ),
        "third": ("{rel} {other} haalt het pakket op.",),
        "sign": ("Met vriendelijke groet,\n{name}", "Groetjes\n{name}"),
        "about": ("Het gaat om {dec}.",),
        "rel": ("Mijn vrouw", "Mijn man", "Mijn dochter", "Mijn collega", "Mijn buurman"),
    },
    "pl": {
        "intro": (
            "Dzień dobry, nazywam się {name} i nie mogę zalogować się do bankowości.",
            "Cześć, tu {name}; od wczoraj nie działa mi internet.",
        ),
        "greet": (
            "Dziękuję za cierpliwość, {first}. Widzę zgłoszenie.",
            "Dzień dobry, {first}, zwrot został zlecony.",
        ),
        "email": ("Proszę wysłać fakturę na {email}.", "mój e-mail to {email}"),
        "phone": ("Proszę dzwonić pod numer {phone}.", "Kod SMS nie przychodzi na {phone}."),
        "card": ("Na karcie {card} widzę obciążenie, którego nie robiłem.",),
        "iban": ("Proszę o zwrot na konto {iban}.", "Nowy numer rachunku: {iban}"),
        "ip": ("Logowanie z adresu {ip} o 02:05.",),
        "url": ("Link do zmiany hasła: {url}", "Czy ten link jest od was? {url}"),
        "third": ("{rel} {other} odbierze paczkę.",),
        "sign": ("Pozdrawiam,\n{name}", "Z poważaniem\n{name}"),
        "about": ("Chodzi o {dec}.",),
        "rel": ("Moja żona", "Mój mąż", "Moja córka", "Mój kolega", "Moja mama"),
    },
    "uz": {
        "intro": (
            "Assalomu alaykum, men {name}, bank ilovasiga kira olmayapman.",
            "Salom, mening ismim {name}. Internet ishlamayapti.",
        ),
        "greet": ("Kutganingiz uchun rahmat, {first}. Buyurtmangizni topdim.",),
        "email": ("Hisobni {email} manziliga yuboring, iltimos.", "elektron pochtam: {email}"),
        "phone": ("Menga {phone} raqami orqali qo'ng'iroq qiling.",),
        "card": ("Kartamdan ({card}) pul yechilgan, men qilmaganman.",),
        "iban": ("Pulni {iban} hisobiga qaytaring.",),
        "ip": ("{ip} manzilidan kirish qayd etildi.",),
        "url": ("Parolni tiklash uchun havola: {url}",),
        "third": ("{rel} {other} posilkani olib ketadi.",),
        "sign": ("Hurmat bilan,\n{name}",),
        "about": ("Gap {dec} haqida.",),
        "rel": ("Turmush o'rtog'im", "Akam", "Qizim", "Hamkasbim"),
    },
    "ha": {
        "intro": (
            "Sannu, ni ne {name}, ban iya shiga manhajar banki ba.",
            "Barka da yamma, sunana {name}. Layin waya na ba ya aiki.",
        ),
        "greet": ("Na gode da haƙuri, {first}. Na ga odarka.",),
        "email": ("Don Allah a tura takardar zuwa {email}.", "imel dina: {email}"),
        "phone": ("Ku kira ni a {phone}.",),
        "card": ("An cire kuɗi daga katina {card} ban sani ba.",),
        "iban": ("A mayar da kuɗin zuwa {iban}.",),
        "ip": ("An shiga daga {ip} da dare.",),
        "url": ("Yi amfani da wannan mahaɗin don sabunta kalmar sirri: {url}",),
        "third": ("{rel} {other} zai karɓi kayan.",),
        "sign": ("Na gode,\n{name}",),
        "about": ("Game da {dec}.",),
        "rel": ("Matata", "Ɗan'uwana", "Ɗiyata", "Abokin aikina"),
    },
    "zu": {
        "intro": ("Sawubona. Igama lami: {name}. Angikwazi ukungena ku-app yebhange.",),
        "greet": ("Ngiyabonga ngokulinda, {first}. Ngiyayibona i-oda lakho.",),
        "email": ("Sicela uthumele i-invoyisi ku-{email}.",),
        "phone": ("Ngishayele ku-{phone}.",),
        "card": ("Kukhona imali engingayazi eyakhishwa ekhadini lami {card}.",),
        "iban": ("Sicela ubuyisele imali ku-akhawunti {iban}.",),
        "ip": ("Kungenwe kusuka ku-{ip} ebusuku.",),
        "url": ("Sebenzisa lesi sixhumanisi ukusetha kabusha iphasiwedi: {url}",),
        "third": ("{rel} {other} uzolanda iphasela.",),
        "sign": ("Ngiyabonga,\n{name}",),
        "about": ("Mayelana ne-{dec}.",),
        "rel": ("Umkami", "Udadewethu", "Indodana yami", "Umngane wami"),
    },
    "so": {
        "intro": (
            "Salaan, waxaan ahay {name}, ma geli karo app-ka bangiga.",
            "Subax wanaagsan, magacaygu waa {name}. Internet-ku ma shaqeynayo.",
        ),
        "greet": ("Waad ku mahadsan tahay sugitaanka, {first}. Dalabkaaga waan arkaa.",),
        "email": ("Fadlan u dir biilka {email}.", "email-kaygu waa {email}"),
        "phone": ("Iga soo wac {phone}.",),
        "card": ("Kaarkayga {card} waxaa laga jaray lacag aanan aqoon.",),
        "iban": ("Lacagta ku celi {iban}.",),
        "ip": ("Gelitaan ayaa laga sameeyay {ip} habeenkii.",),
        "url": ("Isticmaal xiriirkan si aad u bedesho furaha sirta ah: {url}",),
        "third": ("{rel} {other} ayaa qaadan doona xirmada.",),
        "sign": ("Mahadsanid,\n{name}",),
        "about": ("Waxay ku saabsan tahay {dec}.",),
        "rel": ("Xaaskayga", "Walaashay", "Wiilkayga", "Saaxiibkay shaqada"),
    },
    "gl": {
        "intro": (
            "Ola, son {name} e non podo entrar na banca en liña.",
            "Boas tardes, escribe {name}: a factura do gas veu dobre.",
        ),
        "greet": ("Grazas por agardar, {first}. Xa vexo a súa reserva.",),
        "email": ("Mandádeme o xustificante a {email}, por favor.", "o meu correo é {email}"),
        "phone": ("Podedes chamarme ao {phone}.",),
        "card": ("Teño un cargo na tarxeta {card} que non recoñezo.",),
        "iban": ("Facede a devolución á conta {iban}.",),
        "ip": ("Houbo un acceso dende {ip} ás 03:33.",),
        "url": ("Para cambiar o contrasinal use esta ligazón: {url}",),
        "third": ("{rel} {other} recollerá o paquete.",),
        "sign": ("Un saúdo,\n{name}",),
        "about": ("É sobre {dec}.",),
        "rel": ("A miña muller", "O meu irmán", "A miña filla", "O meu compañeiro"),
    },
    "ga": {
        "intro": (
            "Dia duit, is mise {name} agus ní féidir liom logáil isteach sa bhanc.",
            "Tráthnóna maith, {name} anseo; níl an leathanbhanda ag obair.",
        ),
        "greet": ("Go raibh maith agat as fanacht, {first}. Feicim d'ordú anois.",),
        "email": ("Seol an admháil chuig {email}, le do thoil.", "is é mo ríomhphost ná {email}"),
        "phone": ("Is féidir glaoch orm ar {phone}.",),
        "card": ("Tá muirear ar mo chárta {card} nach n-aithním.",),
        "iban": ("Aisíoc chuig {iban}, le do thoil.",),
        "ip": ("Logáladh isteach ó {ip} ag 02:10.",),
        "url": ("Úsáid an nasc seo chun do phasfhocal a athshocrú: {url}",),
        "third": ("Baileoidh {rel} {other} an beartán.",),
        "sign": ("Le meas,\n{name}",),
        "about": ("Baineann sé le {dec}.",),
        "rel": ("mo bhean chéile", "mo dheartháir", "m'iníon", "mo chomhghleacaí"),
    },
    "lb": {
        "intro": (
            "Moien, ech sinn {name} a komme net méi an mäin Online-Banking.",
            "Gudde Mëtteg, hei ass {name}; mäin Internet geet net.",
        ),
        "greet": ("Merci fir d'Waarden, {first}. Ech gesinn Är Bestellung.",),
        "email": ("Schéckt mir d'Rechnung w.e.g. op {email}.", "meng E-Mail ass {email}"),
        "phone": ("Dir kënnt mech ënner {phone} uruffen.",),
        "card": ("Op menger Kaart {card} ass eng Buchung déi ech net kennen.",),
        "iban": ("Iwwerweist d'Suen w.e.g. op {iban}.",),
        "ip": ("Et gouf eng Umeldung vun {ip} um 04:01.",),
        "url": ("Fir Äert Passwuert zréckzesetzen: {url}",),
        "third": ("{rel} {other} hëlt de Pak of.",),
        "sign": ("Mat beschte Gréiss,\n{name}",),
        "about": ("Et geet ëm {dec}.",),
        "rel": ("Meng Fra", "Mäi Mann", "Meng Duechter", "Mäi Kolleg"),
    },
    "mk": {
        "intro": (
            "Здраво, јас сум {name} и не можам да се најавам на е-банкарство.",
            "Добар ден, ви пишува {name}; интернетот не работи.",
        ),
        "greet": ("Ви благодарам за трпението, {first}. Ја гледам нарачката.",),
        "email": ("Ве молам испратете ја фактурата на {email}.", "мојот е-мејл е {email}"),
        "phone": ("Можете да ме добиете на {phone}.",),
        "card": ("На картичката {card} има трошок што не го препознавам.",),
        "iban": ("Ве молам вратете ги парите на {iban}.",),
        "ip": ("Имаше најава од {ip} во 02:44.",),
        "url": ("За ресетирање на лозинката користете го линкот: {url}",),
        "third": ("{rel} {other} ќе го подигне пакетот.",),
        "sign": ("Поздрав,\n{name}",),
        "about": ("Се однесува на {dec}.",),
        "rel": ("Сопругата ми", "Брат ми", "Ќерка ми", "Колегата"),
    },
    "kk": {
        "intro": (
            "Сәлеметсіз бе, мен {name}, банк қосымшасына кіре алмай жатырмын.",
            "Қайырлы күн, менің атым {name}. Интернет істемей тұр.",
        ),
        "greet": ("Күткеніңіз үшін рахмет, {first}. Тапсырысыңызды көріп тұрмын.",),
        "email": ("Шотты {email} поштасына жіберіңізші.", "менің поштам: {email}"),
        "phone": ("Маған {phone} нөміріне хабарласыңыз.",),
        "card": ("{card} картамнан ақша шешіліпті, мен жасаған жоқпын.",),
        "iban": ("Ақшаны {iban} шотына қайтарыңыз.",),
        "ip": ("{ip} мекенжайынан кіру тіркелді.",),
        "url": ("Құпиясөзді қалпына келтіру сілтемесі: {url}",),
        "third": ("{rel} {other} сәлемдемені алып кетеді.",),
        "sign": ("Құрметпен,\n{name}",),
        "about": ("Мәселе {dec} туралы.",),
        "rel": ("Жұбайым", "Ағам", "Қызым", "Әріптесім"),
    },
    "mn": {
        "intro": ("Сайн байна уу, би {name} байна. Банкны аппликэйшнд нэвтэрч чадахгүй байна.",),
        "greet": ("Хүлээсэнд баярлалаа, {first}. Таны захиалгыг харж байна.",),
        "email": ("Нэхэмжлэхийг {email} хаяг руу явуулна уу.", "миний имэйл: {email}"),
        "phone": ("Над руу {phone} дугаараар залгаарай.",),
        "card": ("{card} картаас мөнгө хасагдсан, би хийгээгүй.",),
        "iban": ("Мөнгийг {iban} данс руу буцаана уу.",),
        "ip": ("{ip} хаягаас нэвтэрсэн байна.",),
        "url": ("Нууц үгээ сэргээх холбоос: {url}",),
        "third": ("{rel} {other} илгээмжийг авна.",),
        "sign": ("Хүндэтгэсэн,\n{name}",),
        "about": ("{dec} -ийн талаар.",),
        "rel": ("Эхнэр маань", "Ах маань", "Охин маань", "Хамт ажилладаг"),
    },
    "ne": {
        "intro": (
            "नमस्ते, म {name} हुँ, बैंकको एपमा लगइन हुन सकिनँ।",
            "नमस्कार, मेरो नाम {name} हो। इन्टरनेट चलेको छैन।",
        ),
        "greet": ("पर्खनुभएकोमा धन्यवाद, {first}। तपाईंको अर्डर देखें।",),
        "email": ("कृपया बिल {email} मा पठाउनुहोस्।", "मेरो इमेल: {email}"),
        "phone": ("मलाई {phone} मा फोन गर्नुहोस्।",),
        "card": ("मेरो कार्ड {card} बाट पैसा काटियो, मैले गरेको होइन।",),
        "iban": ("पैसा {iban} खातामा फिर्ता गर्नुहोस्।",),
        "ip": ("{ip} बाट लगइन भएको देखियो।",),
        "url": ("पासवर्ड रिसेट गर्न यो लिंक प्रयोग गर्नुहोस्: {url}",),
        "third": ("{rel} {other} ले पार्सल लिनुहुनेछ।",),
        "sign": ("धन्यवाद,\n{name}",),
        "about": ("{dec} को बारेमा।",),
        "rel": ("मेरो श्रीमान्", "मेरी दिदी", "मेरो छोरा", "मेरो सहकर्मी"),
    },
    "gu": {
        "intro": (
            "નમસ્તે, હું {name} છું, બેંકની એપમાં લોગિન થતું નથી.",
            "નમસ્કાર, મારું નામ {name} છે. ઇન્ટરનેટ બંધ છે.",
        ),
        "greet": ("રાહ જોવા બદલ આભાર, {first}. તમારો ઓર્ડર દેખાય છે.",),
        "email": ("કૃપા કરીને બિલ {email} પર મોકલો.", "મારો ઇમેઇલ: {email}"),
        "phone": ("મને {phone} પર ફોન કરો.",),
        "card": ("મારા કાર્ડ {card} માંથી પૈસા કપાયા છે, મેં કર્યું નથી.",),
        "iban": ("રિફંડ {iban} ખાતામાં મોકલો.",),
        "ip": ("{ip} પરથી લોગિન થયું હતું.",),
        "url": ("પાસવર્ડ રીસેટ કરવા આ લિંક વાપરો: {url}",),
        "third": ("મારા {rel} {other} પાર્સલ લેશે.",),
        "sign": ("આભાર,\n{name}",),
        "about": ("{dec} વિશે.",),
        "rel": ("પતિ", "બહેન", "દીકરો", "સહકર્મી"),
    },
    "te": {
        "intro": (
            "నమస్తే, నేను {name}, బ్యాంక్ యాప్‌లో లాగిన్ కావడం లేదు.",
            "నమస్కారం, నా పేరు {name}. ఇంటర్నెట్ పనిచేయడం లేదు.",
        ),
        "greet": ("వేచి ఉన్నందుకు ధన్యవాదాలు, {first}. మీ ఆర్డర్ కనిపిస్తోంది.",),
        "email": ("దయచేసి బిల్లును {email} కు పంపండి.", "నా ఇమెయిల్: {email}"),
        "phone": ("నాకు {phone} కు కాల్ చేయండి.",),
        "card": ("నా కార్డు {card} నుండి డబ్బు కట్ అయింది, నేను చేయలేదు.",),
        "iban": ("డబ్బును {iban} ఖాతాకు తిరిగి పంపండి.",),
        "ip": ("{ip} నుండి లాగిన్ జరిగింది.",),
        "url": ("పాస్‌వర్డ్ రీసెట్ లింక్: {url}",),
        "third": ("మా {rel} {other} పార్సెల్ తీసుకుంటారు.",),
        "sign": ("ధన్యవాదాలు,\n{name}",),
        "about": ("{dec} గురించి.",),
        "rel": ("ఆవిడ", "అన్నయ్య", "అమ్మాయి", "సహోద్యోగి"),
    },
    "ml": {
        "intro": (
            "നമസ്കാരം, ഞാൻ {name} ആണ്, ബാങ്ക് ആപ്പിൽ ലോഗിൻ ചെയ്യാൻ പറ്റുന്നില്ല.",
            "ഹലോ, എന്റെ പേര് {name}. ഇന്റർനെറ്റ് കിട്ടുന്നില്ല.",
        ),
        "greet": ("കാത്തിരുന്നതിന് നന്ദി, {first}. നിങ്ങളുടെ ഓർഡർ കാണുന്നുണ്ട്.",),
        "email": ("ദയവായി ബിൽ {email} ലേക്ക് അയക്കൂ.", "എന്റെ ഇമെയിൽ: {email}"),
        "phone": ("എന്നെ {phone} ൽ വിളിക്കൂ.",),
        "card": ("എന്റെ കാർഡ് {card} ൽ നിന്ന് പണം പോയി, ഞാൻ ചെയ്തതല്ല.",),
        "iban": ("പണം {iban} അക്കൗണ്ടിലേക്ക് തിരികെ അയക്കൂ.",),
        "ip": ("{ip} ൽ നിന്ന് ലോഗിൻ ചെയ്തിട്ടുണ്ട്.",),
        "url": ("പാസ്‌വേഡ് റീസെറ്റ് ചെയ്യാനുള്ള ലിങ്ക്: {url}",),
        "third": ("എന്റെ {rel} {other} പാഴ്സൽ വാങ്ങും.",),
        "sign": ("നന്ദി,\n{name}",),
        "about": ("{dec} സംബന്ധിച്ച്.",),
        "rel": ("ഭാര്യ", "ചേട്ടൻ", "മകൾ", "സഹപ്രവർത്തകൻ"),
    },
    "km": {
        "intro": ("សួស្តី ខ្ញុំឈ្មោះ {name} ខ្ញុំចូលកម្មវិធីធនាគារមិនបាន។",),
        "greet": ("អរគុណដែលបានរង់ចាំ {first} ។ ខ្ញុំឃើញការកម្មង់របស់អ្នកហើយ។",),
        "email": ("សូមផ្ញើវិក្កយបត្រទៅ {email} ។", "អ៊ីមែលរបស់ខ្ញុំ៖ {email}"),
        "phone": ("សូមទូរស័ព្ទមកលេខ {phone} ។",),
        "card": ("កាត {card} របស់ខ្ញុំត្រូវបានកាត់ប្រាក់ ដែលខ្ញុំមិនបានធ្វើ។",),
        "iban": ("សូមបង្វិលប្រាក់ទៅគណនី {iban} ។",),
        "ip": ("មានការចូលពី {ip} ។",),
        "url": ("តំណសម្រាប់កំណត់ពាក្យសម្ងាត់ឡើងវិញ៖ {url}",),
        "third": ("{rel} {other} នឹងមកយកកញ្ចប់។",),
        "sign": ("អរគុណ\n{name}",),
        "about": ("អំពី {dec} ។",),
        "rel": ("ប្រពន្ធខ្ញុំ", "បងប្រុសខ្ញុំ", "កូនស្រីខ្ញុំ", "មិត្តរួមការងារ"),
    },
}

# --- structured values -------------------------------------------------------------------------

_MAIL_DOMAINS = {
    "en": ("btinternet.com", "gmail.com", "outlook.com"),
    "de": ("web.de", "gmx.de", "t-online.de"),
    "fr": ("orange.fr", "free.fr", "laposte.net"),
    "es": ("telefonica.net", "gmail.com", "hotmail.es"),
    "it": ("libero.it", "virgilio.it", "alice.it"),
    "pt": ("sapo.pt", "gmail.com", "netcabo.pt"),
    "tr": ("hotmail.com.tr", "gmail.com", "yandex.com.tr"),
    "nl": ("ziggo.nl", "kpnmail.nl", "xs4all.nl"),
    "pl": ("wp.pl", "o2.pl", "onet.pl"),
    "lb": ("pt.lu", "internet.lu", "gmail.com"),
    "ga": ("eircom.net", "gmail.com", "icloud.com"),
}
_MAIL_OTHER = ("gmail.com", "yahoo.com", "outlook.com", "proton.me", "icloud.com", "mail.ru")
_TRANSLIT = str.maketrans(
    {
        "ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "æ": "ae", "ø": "o", "ł": "l", "ı": "i",
        "ɗ": "d", "ƙ": "k", "ʻ": "", "'": "", "ë": "e",
    }
)  # fmt: skip


def _ascii(s: str) -> str:
    s = s.lower().translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch in string.ascii_lowercase)


def _latin(n: Name) -> str:
    return n if isinstance(n, str) else n[1]


def _written(n: Name, script: bool) -> str:
    return n[0] if script and not isinstance(n, str) else _latin(n)


def _email(rng: random.Random, lang: str, first: str, last: str) -> tuple[str, str]:
    f, la = _ascii(first) or "user", _ascii(last) or "mail"
    dom = rng.choice(_MAIL_DOMAINS.get(lang, _MAIL_OTHER))
    year = rng.randint(1961, 2004)
    forms = {
        "dot": f"{f}.{la}",
        "initial": f"{f[0]}.{la}",
        "tag": f"{f}{la}+{rng.choice(('bank', 'shop', 'travel'))}",
        "year": f"{la}.{f}{year}",
        "under": f"{f}_{la[0]}{rng.randint(1, 99)}",
        "caps": f"{f.capitalize()}.{la.capitalize()}",
    }
    form = rng.choice(tuple(forms))
    return f"{forms[form]}@{dom}", form


def _valid_national(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kinds = (PNT.MOBILE, PNT.MOBILE, PNT.FIXED_LINE)
    ex = phonenumbers.example_number_for_type(region, rng.choice(kinds))
    if ex is None:
        ex = phonenumbers.example_number(region)
    assert ex is not None
    nsn = str(ex.national_number)
    keep = max(2, len(nsn) - 6)
    for _ in range(60):
        digits = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse("+" + str(ex.country_code) + digits)
        if phonenumbers.is_valid_number(num) and digits != nsn:
            return num
    return ex


def _unassigned(rng: random.Random) -> str:
    while True:
        region = rng.choice(("GB", "DE", "FR", "NL", "PL", "IT", "ES", "TR", "IE", "PT"))
        cc = phonenumbers.country_code_for_region(region)
        ex = phonenumbers.example_number_for_type(region, PNT.MOBILE)
        assert ex is not None
        size = len(str(ex.national_number))
        nsn = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(size - 1))
        num = phonenumbers.parse(f"+{cc}{nsn}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return f"+{cc} {nsn[:3]} {nsn[3:6]} {nsn[6:]}"


def _phone(rng: random.Random, region: str, num: phonenumbers.PhoneNumber) -> tuple[str, str]:
    """A number as a person writes it, and the form's name."""
    r = rng.random()
    if r < 0.06:
        return _unassigned(rng), "intl-unassigned"
    if r < 0.36:
        return phonenumbers.format_number(num, PNF.INTERNATIONAL), "intl"
    if r < 0.46:
        return phonenumbers.format_number(num, PNF.E164), "e164"
    if r < 0.54:
        return "00" + phonenumbers.format_number(num, PNF.INTERNATIONAL)[1:], "00-prefix"
    if r < 0.62:
        ext = rng.randint(10, 999)
        base = phonenumbers.format_number(num, rng.choice((PNF.INTERNATIONAL, PNF.NATIONAL)))
        return f"{base} {rng.choice(('ext. ', 'x', 'ext '))}{ext}", "ext"
    return phonenumbers.format_number(num, PNF.NATIONAL), "national"


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


_CARD_IIN: tuple[tuple[str, Callable[[random.Random], str], int], ...] = (
    ("visa", lambda r: "4" + str(r.randint(10000, 99999)), 16),
    ("mastercard", lambda r: str(r.randint(51, 55)) + str(r.randint(1000, 9999)), 16),
    ("mastercard2", lambda r: str(r.randint(2221, 2720)) + str(r.randint(10, 99)), 16),
    ("amex", lambda r: r.choice(("34", "37")) + str(r.randint(1000, 9999)), 15),
    ("jcb", lambda r: str(r.randint(3528, 3589)) + str(r.randint(10, 99)), 16),
    ("unionpay", lambda r: "62" + str(r.randint(1000, 9999)), 16),
    ("troy", lambda r: "9792" + str(r.randint(10, 99)), 16),
    ("rupay", lambda r: r.choice(("6521", "6522", "6082")) + str(r.randint(10, 99)), 16),
    ("discover", lambda r: "6011" + str(r.randint(10, 99)), 16),
)


def _card(rng: random.Random) -> tuple[str, str]:
    brand, iin, size = rng.choice(_CARD_IIN)
    body = iin(rng)
    body += "".join(rng.choice(string.digits) for _ in range(size - 1 - len(body)))
    pan = body + _luhn_digit(body)
    if size == 15:
        return f"{pan[:4]} {pan[4:10]} {pan[10:]}", brand
    sep = rng.choice((" ", " ", "-", ""))
    return sep.join(pan[i : i + 4] for i in range(0, 16, 4)), brand


def _mod97(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s)) % 97


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(k))


def _bban(rng: random.Random, cc: str) -> str:
    if cc == "GB":
        return rng.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + _digits(rng, 14)
    if cc == "IE":
        return rng.choice(("AIBK", "BOFI", "IPBS")) + _digits(rng, 14)
    if cc == "NL":  # the old eleven-test on the ten-digit account number
        while True:
            acc = _digits(rng, 10)
            if sum(int(d) * (10 - i) for i, d in enumerate(acc)) % 11 == 0 and acc[0] != "0":
                return rng.choice(("ABNA", "RABO", "INGB", "SNSB", "TRIO")) + acc
    if cc == "FR":  # RIB key
        bank, branch, acc = _digits(rng, 5), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97
        return f"{bank}{branch}{acc}{key:02d}"
    if cc == "ES":  # the two control digits of the CCC
        w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)

        def dc(s: str) -> str:
            v = 11 - sum(int(a) * b for a, b in zip(s, w, strict=True)) % 11
            return str({11: 0, 10: 1}.get(v, v))

        bank, branch, acc = _digits(rng, 4), _digits(rng, 4), _digits(rng, 10)
        return bank + branch + dc("00" + bank + branch) + dc(acc) + acc
    if cc == "PT":  # NIB check digits
        body = _digits(rng, 19)
        return body + f"{98 - int(body) * 100 % 97:02d}"
    if cc == "IT":
        return rng.choice(string.ascii_uppercase) + _digits(rng, 22)
    if cc == "TR":
        return _digits(rng, 5) + "0" + _digits(rng, 16)
    return _digits(rng, IBAN_LENGTH[cc] - 4)


def _iban(rng: random.Random, cc: str) -> tuple[str, str]:
    bban = _bban(rng, cc)
    check = 98 - _mod97(bban + cc + "00")
    iban = f"{cc}{check:02d}{bban}"
    assert len(iban) == IBAN_LENGTH[cc]
    if rng.random() < 0.5:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)), "print"
    return iban, "electronic"


def _ipv4(rng: random.Random) -> str:
    while True:
        a = rng.randint(2, 223)
        if a not in (10, 100, 127, 169, 172, 192, 198, 203):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _ipv6(rng: random.Random) -> str:
    head = rng.choice(("2a02:8108", "2a01:cb00", "2001:16b8", "2a00:23c5", "2405:201", "2c0f:f4c0"))
    groups = [f"{rng.getrandbits(16):x}" for _ in range(6)]
    if rng.random() < 0.5:
        return f"{head}:{groups[0]}::{groups[4]}:{groups[5]}"
    return f"{head}:" + ":".join(groups)


def _ip(rng: random.Random) -> tuple[str, str]:
    return (_ipv6(rng), "v6") if rng.random() < 0.35 else (_ipv4(rng), "v4")


_URL_HOSTS = (
    "secure.ing.de", "mijn.ziggo.nl", "login.orange.fr", "portal.vodafone.com.tr",
    "my.bankofireland.com", "app.revolut.com", "clientes.cgd.pt", "online.mbank.pl",
    "self.airtel.in", "account.safaricom.co.ke", "web.khanbank.com", "kaspi.kz",
)  # fmt: skip


def _token(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(k))


def _url(rng: random.Random) -> tuple[str, str]:
    host = rng.choice(_URL_HOSTS)
    t = _token(rng, rng.randint(24, 40))
    forms = {
        "reset-token": f"https://{host}/password/reset?token={t}",
        "path-secret": f"https://{host}/s/{t}/download",
        "oauth-code": f"https://{host}/oauth/callback?code={t}&state={_token(rng, 12)}",
        "signed": f"https://{host}/invoice.pdf?expires=1796601600&sig={t}",
        "api-key": f"https://{host}/api/v2/export?format=csv&api_key={t}",
        "magic-link": f"https://{host}/auth/magic/{t}",
    }
    form = rng.choice(tuple(forms))
    return forms[form], form


# --- decoys ------------------------------------------------------------------------------------


def _s10(rng: random.Random) -> str:
    body = _digits(rng, 8)
    s = sum(int(d) * w for d, w in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - s % 11
    c = 5 if c == 11 else 0 if c == 10 else c
    return f"{rng.choice(('RR', 'CP', 'LX', 'EE'))}{body}{c}{rng.choice(('NL', 'DE', 'PL', 'TR'))}"


def _bad_iban(rng: random.Random) -> str:
    cc = rng.choice(("DE", "NL", "FR", "PL", "GB"))
    bban = _bban(rng, cc)
    good = 98 - _mod97(bban + cc + "00")
    bad = good + rng.randint(1, 9) if good < 89 else good - rng.randint(1, 9)
    return f"{cc}{bad:02d}{bban}"


def _bad_luhn(rng: random.Random) -> str:
    body = "6" + _digits(rng, 14)
    wrong = (int(_luhn_digit(body)) + rng.randint(1, 9)) % 10
    pan = body + str(wrong)
    return " ".join(pan[i : i + 4] for i in range(0, 16, 4))


_REGIONS = sorted(set(REGION.values()))


def phone_in_any_region(digits: str) -> bool:
    """Whether ``digits`` dialled in one of the bank's regions is a valid number there."""
    for region in _REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(digits, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _order(rng: random.Random) -> str:
    """An order number that is no valid phone number in any region of the bank."""
    while True:
        digits = _digits(rng, rng.randint(7, 9))
        if not phone_in_any_region(digits):
            return rng.choice(("ORD-", "PO-", "#", "BST-")) + digits


_DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order": _order,
    "tracking": lambda r: r.choice(
        (_s10(r), "1Z" + _token(r, 6).upper() + _digits(r, 10), "JJD" + _digits(r, 18))
    ),
    "price": lambda r: r.choice(
        (
            f"€{r.randint(3, 999)},{r.randint(0, 99):02d}",
            f"£{r.randint(3, 499)}.{r.randint(0, 99):02d}",
            f"{r.randint(100, 9999)},00 TL",
            f"${r.randint(5, 300)}.{r.randint(0, 99):02d}",
            f"₹{r.randint(1, 9)},{r.randint(100, 999)}",
        )
    ),
    "date": lambda r: r.choice(
        (
            f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026",
            f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            f"{r.randint(1, 28)} Dec 2026",
        )
    ),
    "time": lambda r: f"{r.randint(6, 22):02d}:{r.choice(('05', '15', '30', '45', '50'))}",
    "version": lambda r: f"v{r.randint(1, 19)}.{r.randint(0, 20)}.{r.randint(0, 40)}",
    "reference": lambda r: r.choice(("CASE-", "INC", "REF-2026-", "TKT")) + _digits(r, 7),
    "product": lambda r: r.choice(
        ("Galaxy A55", "Pixel 8a", "iPhone 15 Pro", "Fritz!Box 7590", "ThinkPad X1 Carbon")
    ),
    "street-after-person": lambda r: r.choice(
        (
            "Goethestraße 12",
            "Rue Victor-Hugo",
            "Via Giuseppe Verdi 8",
            "Avenida Almirante Reis",
            "Atatürk Bulvarı",
            "Nelson Mandela Drive",
            "Abai Avenue",
            "ul. Marii Skłodowskiej-Curie",
        )
    ),
    "company-after-person": lambda r: r.choice(
        ("Marks & Spencer", "Dr. Oetker", "Tommy Hilfiger", "Hugo Boss", "Louis Vuitton")
    ),
    "brand-handle": lambda r: r.choice(
        ("@VodafoneUK", "@KLM", "@Ryanair", "@DB_Bahn", "@Turkcell", "@bol", "@Airtel_Care")
    ),
    "role-email": lambda r: (
        r.choice(("noreply@", "support@", "klantenservice@", "billing@"))
        + r.choice(("bol.com", "ryanair.com", "ing.de", "turkcell.com.tr", "airtel.in"))
    ),
    "iban-bad-check": _bad_iban,
    "number-bad-luhn": _bad_luhn,
    "plain-url": lambda r: r.choice(
        (
            "https://www.ryanair.com/gb/en/check-in",
            "https://www.vodafone.de/hilfe/",
            "https://www.ing.nl/particulier/betalen",
            "https://www.kaspi.kz/shop/",
        )
    ),
    "masked-card": lambda r: f"•••• {_digits(r, 4)}",
    "meter": lambda r: r.choice(("1ESY", "1EMH", "1LGZ")) + _digits(r, 10),
    "lot": lambda r: r.choice(("FK", "EW", "GH", "HA")) + _digits(r, 4),
    "flight": lambda r: r.choice(("TK", "LH", "FR", "KL", "EK", "AI")) + str(r.randint(100, 9999)),
}


def _decoy(rng: random.Random, sort: str | None = None) -> tuple[str, str]:
    sort = sort or rng.choice(tuple(_DECOYS))
    return _DECOYS[sort](rng), sort


# --- people and texts --------------------------------------------------------------------------

Fill = tuple[str, str, str] | str  # a planted (kind, value, class), or plain text


def _full(lang: str, first: str, last: str) -> str:
    return f"{last} {first}" if lang in FAMILY_FIRST else f"{first} {last}"


class _Who:
    """One person as they write themselves in this conversation."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.lang = lang
        self.script = lang in SCRIPT and rng.random() < 0.6
        f, la = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
        self.first, self.last = _written(f, self.script), _written(la, self.script)
        self.first_latin, self.last_latin = _latin(f), _latin(la)
        self.full = _full(lang, self.first, self.last)
        self.form = ("script" if self.script else "latin") if lang in SCRIPT else "full"


class _Ctx:
    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        self.who = _Who(rng, lang)
        self.region = REGION[lang]
        self.num = _valid_national(rng, self.region)
        self.mail, self.mail_form = _email(rng, lang, self.who.first_latin, self.who.last_latin)
        self.phone_written, self.phone_form = _phone(rng, self.region, self.num)
        while self.phone_form == "intl-unassigned":
            self.phone_written, self.phone_form = _phone(rng, self.region, self.num)

    def person(self) -> Person:
        w = self.who
        e164 = phonenumbers.format_number(self.num, PNF.E164)
        return Person(self.lang, w.first, w.last, self.mail, e164, self.phone_written, self.region)

    def _c(self, kind: str, sit: str, form: str = "") -> str:
        return f"{kind}/{self.lang}/{sit}" + (f"/{form}" if form else "")

    def name(self, sit: str) -> Fill:
        return ("name", self.who.full, self._c("name", sit, self.who.form))

    def first(self, sit: str) -> Fill:
        return ("name", self.who.first, self._c("name", sit, "first-" + self.who.form))

    def last(self, sit: str) -> Fill:
        return ("name", self.who.last, self._c("name", sit, "surname-" + self.who.form))

    def email(self, sit: str) -> Fill:
        return ("email", self.mail, self._c("email", sit, self.mail_form))

    def phone(self, sit: str) -> Fill:
        if self.rng.random() < 0.4:
            return ("phone", self.phone_written, self._c("phone", sit, self.phone_form))
        value, form = _phone(self.rng, self.region, self.num)
        return ("phone", value, self._c("phone", sit, form))

    def card(self, sit: str) -> Fill:
        value, brand = _card(self.rng)
        return ("card", value, self._c("card", sit, brand))

    def iban(self, sit: str) -> Fill:
        value, form = _iban(self.rng, IBAN_COUNTRY[self.lang])
        return ("iban", value, self._c("iban", sit, form))

    def ip(self, sit: str) -> Fill:
        value, form = _ip(self.rng)
        return ("ip", value, self._c("ip", sit, form))

    def url(self, sit: str) -> Fill:
        value, form = _url(self.rng)
        return ("url", value, self._c("url", sit, form))

    def other(self, sit: str, role: str = "other") -> Fill:
        same = 0.5 if role == "agent" else 0.9
        lang = self.lang if self.rng.random() < same else self.rng.choice(LANGS)
        w = _Who(self.rng, lang)
        return ("name", w.full, f"name/{lang}/{sit}/{role}-{w.form}")

    def dec(self, sort: str | None = None) -> Fill:
        value, sort = _decoy(self.rng, sort)
        return ("decoy", value, f"decoy/{self.lang}/{sort}")


def _render(tpl: str, fills: dict[str, Fill]) -> tuple[str, Planted]:
    text = tpl.format(**{k: v if isinstance(v, str) else v[1] for k, v in fills.items()})
    return text, [v for k, v in fills.items() if not isinstance(v, str) and "{" + k + "}" in tpl]


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def sound(text: str, planted: Planted) -> bool:
    """Every planted value occurs exactly once, as a whole token, and none overlap."""
    spans = []
    for _, value, _ in planted:
        if value != value.strip() or text.count(value) != 1:
            return False
        a = text.index(value)
        b = a + len(value)
        if (a > 0 and _wordish(text[a - 1])) or (b < len(text) and _wordish(text[b])):
            return False
        spans.append((a, b))
    spans.sort()
    return all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


# --- ordinary support traffic ------------------------------------------------------------------

_ASKS = ("email", "phone", "card", "iban", "third")
# What a support message is "about": the decoys that fit "It's about ..." in every language.
_ABOUT = ("order", "tracking", "reference", "product", "flight", "date", "price", "version")


def _user(c: _Ctx) -> tuple[str, dict[str, Fill], str]:
    rng, ph = c.rng, P[c.lang]
    ask = rng.choice(_ASKS)
    parts = []
    opener = rng.random()
    if opener < 0.45:
        parts.append(rng.choice(ph["intro"]))
    parts.append(rng.choice(ph[ask]))
    if rng.random() < 0.5:
        parts.append(rng.choice(ph["about"]))
    if opener >= 0.45 and rng.random() < 0.6:
        parts.append(rng.choice(ph["sign"]))
    sep = rng.choice((" ", "\n", " "))
    tpl = sep.join(parts)
    sit = "support." + ask
    fills: dict[str, Fill] = {
        "name": c.name(sit),
        "email": c.email(sit),
        "phone": c.phone(sit),
        "card": c.card(sit),
        "iban": c.iban(sit),
        "other": c.other(sit, "relative"),
        "rel": rng.choice(ph["rel"]),
        "dec": c.dec(rng.choice(_ABOUT)),
    }
    return tpl, fills, "message:user"


def _agent(c: _Ctx) -> tuple[str, dict[str, Fill], str]:
    rng, ph = c.rng, P[c.lang]
    what = rng.choice(("ip", "url", "none"))
    parts = [rng.choice(ph["greet"])]
    if what != "none":
        parts.append(rng.choice(ph[what]))
    if rng.random() < 0.4:
        parts.append(rng.choice(ph["about"]))
    sig = rng.choice(("\n\n{agent}", "\n— {agent}", "\n{agent} | Customer Care"))
    tpl = " ".join(parts) + (sig if rng.random() < 0.7 else "")
    sit = "support.agent-" + what
    fills: dict[str, Fill] = {
        "first": c.first(sit),
        "ip": c.ip(sit),
        "url": c.url(sit),
        "dec": c.dec(rng.choice(_ABOUT)),
        "agent": c.other(sit, "agent"),
    }
    return tpl, fills, "message:agent"


def _bot(c: _Ctx) -> tuple[str, dict[str, Fill], str]:
    rng = c.rng
    sit = "support.bot-json"
    fills: dict[str, Fill] = {
        "name": c.name(sit),
        "email": c.email(sit),
        "phone": c.phone(sit),
        "dec": c.dec(rng.choice(("order", "reference", "tracking", "date"))),
    }
    keys = rng.sample(("name", "email", "phone"), rng.randint(1, 3))
    payload: dict[str, Any] = {
        "type": rng.choice(("confirmation", "handover", "profile_card")),
        "customer": {k: "{" + k + "}" for k in keys},
        "ref": "{dec}",
        "locale": c.lang,
    }
    tpl = json.dumps(payload, ensure_ascii=False).replace("{", "{{").replace("}", "}}")
    for k in (*keys, "dec"):
        tpl = tpl.replace("{{" + k + "}}", "{" + k + "}")
    return tpl, fills, "message:bot"


def _raw(c: _Ctx) -> tuple[str, dict[str, Fill], str]:
    rng, ph = c.rng, P[c.lang]
    field = rng.choice(("feedback", "notes", "summary", "tags"))
    sit = "support.raw-" + field
    if field == "feedback":
        tpl = rng.choice(ph[rng.choice(("email", "phone", "third"))]) + " " + rng.choice(ph["sign"])
    elif field == "notes":
        tpl = rng.choice(
            (
                "Called back {name}; verified via {phone}. Ref {dec}.",
                "{name} prefers e-mail ({email}), no calls before 10.",
                "Spoke to {other} on behalf of {name}, consent on file.",
            )
        )
    elif field == "summary":
        tpl = rng.choice(
            (
                "Customer {first} asked for a refund to {iban}; escalated by {agent}.",
                "Card {card} blocked at the request of {name}. Replacement ordered ({dec}).",
            )
        )
    else:
        tpl = rng.choice(('["vip","lang:{lang}","contact:{email}"]', "callback, {phone}, {dec}"))
    fills: dict[str, Fill] = {
        "name": c.name(sit),
        "first": c.first(sit),
        "email": c.email(sit),
        "phone": c.phone(sit),
        "card": c.card(sit),
        "iban": c.iban(sit),
        "other": c.other(sit, "relative"),
        "agent": c.other(sit, "agent"),
        "rel": rng.choice(ph["rel"]),
        "dec": c.dec(rng.choice(_ABOUT)),
        "lang": c.lang,
    }
    return tpl, fills, "raw:" + field


# --- situations no earlier bank used -----------------------------------------------------------

_SITUATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hotel-registration": (
        "message:user",
        (
            "REGISTRATION CARD / MELDESCHEIN\nGuest: {name}\nArrival: {date}   Room 412\n"
            "E-mail: {email}\nMobile: {phone}\nSignature on file",
        ),
    ),
    "warranty-claim": (
        "message:user",
        (
            "Warranty claim for {product}, bought {date}.\nOwner: {name}\nContact: {email}\n"
            "Fault: screen flickers after update {version}.",
        ),
    ),
    "marketplace-chat": (
        "message:user",
        (
            "Buyer {first}: is the bike still available? I can pay {price} today.\n"
            "Seller: yes, send it to {iban} and I'll ship with {tracking}. "
            "Not {iban_bad_check}, that one had a typo.",
        ),
    ),
    "ride-receipt": (
        "message:bot",
        (
            "Thanks for riding, {first}!\nPickup 21:40 {street_after_person} → 22:05\n"
            "Total {price}, paid with {masked}\nTrip receipt: {url}\nHelp: {brand_handle}",
        ),
    ),
    "food-delivery-note": (
        "message:user",
        (
            "Note for the courier: door says {last}, 3rd floor. Call {phone} if the bell "
            "doesn't work. Order {order}.",
        ),
    ),
    "chargeback-form": (
        "raw:notes",
        (
            "CHARGEBACK REQUEST\nCardholder: {name}\nCard number: {card}\nAmount: {price}\n"
            "Merchant: {company}\nDate: {date}\nReason: goods not received",
        ),
    ),
    "teams-thread": (
        "message:agent",
        (
            "[09:14] {agent}: customer {name} says the refund never arrived\n"
            "    ↳ [09:16] {agent2}: checked, it went to {iban} on {date}\n"
            "    ↳ [09:17] 👍 2",
        ),
    ),
    "helpdesk-macro": (
        "message:agent",
        (
            "Hi {first},\n\nThanks for contacting us. We've reset two-step verification on "
            "{email}. If this wasn't you, write to {role_email}.\n\n{agent}\nSupport team",
        ),
    ),
    "crm-note": (
        "raw:notes",
        (
            "CRM • {date} • upsell declined. {name} prefers WhatsApp on {phone}. "
            "Co-holder: {other}. Next contact after {date2}.",
        ),
    ),
    "voicemail-text": (
        "message:bot",
        (
            "Voicemail (0:41)\n[00:00] hi it's {name} calling about my bill\n"
            "[00:09] you can ring me back on {phone}\n[00:31] thanks bye",
        ),
    ),
    "court-summons": (
        "message:user",
        (
            "SUMMONS, case {reference}\nDefendant: {name}\nHearing: {date} at {time}\n"
            "Court: {street_after_person}, room 2.14",
        ),
    ),
    "vaccination-record": (
        "message:user",
        (
            "Vaccination record\nName: {name}\nVaccine: Comirnaty, lot {lot}\n"
            "Given: {date}\nVerify: {url}",
        ),
    ),
    "library-loan": (
        "message:bot",
        ("Library loan reminder for {name}: 2 items due {date}. Renew at {plain}",),
    ),
    "gym-membership": (
        "message:user",
        (
            "MEMBERSHIP FORM\nMember: {name}\nDirect debit from: {iban}\nStarts: {date}\n"
            "Emergency contact: {other}, {phone}\nMember card: {number_bad_luhn}",
        ),
    ),
    "tax-refund-form": (
        "raw:summary",
        ("Tax year 2025 refund\nTaxpayer: {name}\nRefund account: {iban}\nReference {reference}",),
    ),
    "meter-reading": (
        "message:user",
        ("Meter {meter}: reading 04512 kWh on {date}, submitted by {name} from {ip}.",),
    ),
    "relocation-form": (
        "message:user",
        (
            "Change of address\nName: {name}\nMoving date: {date}\nNew e-mail: {email}\n"
            "New phone: {phone}",
        ),
    ),
    "customs-declaration": (
        "message:user",
        (
            "CN22 customs declaration\nSender: {name}\nAddressee: {other}\nContents: {product}"
            "\nValue: {price}\nItem: {tracking}",
        ),
    ),
    "visa-application": (
        "message:user",
        (
            "Visa application, section 1\nSurname: {last}\nGiven names: {first}\n"
            "E-mail: {email}\nTelephone: {phone}\nFlight: {flight}",
        ),
    ),
}


def _situation(c: _Ctx) -> tuple[str, dict[str, Fill], str]:
    rng = c.rng
    sit = rng.choice(tuple(_SITUATIONS))
    where, tpls = _SITUATIONS[sit]
    tpl = rng.choice(tpls)
    d2 = c.dec("date")
    fills: dict[str, Fill] = {
        "name": c.name(sit),
        "first": c.first(sit),
        "last": c.last(sit),
        "email": c.email(sit),
        "phone": c.phone(sit),
        "card": c.card(sit),
        "iban": c.iban(sit),
        "ip": c.ip(sit),
        "url": c.url(sit),
        "other": c.other(sit, "relative"),
        "agent": c.other(sit, "agent"),
        "agent2": c.other(sit, "agent"),
        "masked": c.dec("masked-card"),
        "plain": c.dec("plain-url"),
        "date2": ("decoy", d2[1], d2[2]) if not isinstance(d2, str) else d2,
    }
    for sort in _DECOYS:
        key = sort.replace("-", "_")
        if "{" + key + "}" in tpl and key not in fills:
            fills[key] = c.dec(sort)
    fills.setdefault("company", c.dec("company-after-person"))
    return tpl, fills, where


# --- conversations -----------------------------------------------------------------------------

ORDINARY_SHARE = 0.66
_ORDINARY = (_user, _user, _user, _agent, _agent, _bot, _raw)


def _profile(platform: str, c: _Ctx, p: Person) -> dict[str, Any]:
    if platform == "peki":
        return {"firstName": p.first, "lastName": p.last, "email": p.email, "phoneNumber": p.phone}
    if platform == "kore":
        tags = [{"name": "email", "value": p.email}, {"name": "phone", "value": p.phone}]
        return {
            "channels": [{"type": "rtm", "channelUId": p.email}],
            "tags": {"userTags": tags, "sessionTags": []},
        }
    info = {"name": p.first + " " + p.last, "email": p.email, "phone": p.phone}
    return {"user_info": info, "ip_address": _ipv4(c.rng)}


def _text(c: _Ctx) -> Text:
    for _ in range(50):
        make = c.rng.choice(_ORDINARY) if c.rng.random() < ORDINARY_SHARE else _situation
        tpl, fills, where = make(c)
        text, planted = _render(tpl, fills)
        if sound(text, planted):
            return Text(text, planted, where)
    raise RuntimeError("no sound text in 50 tries")  # pragma: no cover


def corpus(n: int, seed: int) -> list[Conversation]:
    """n texts in conversations of two to five, deterministic for (n, seed)."""
    rng = random.Random(seed)
    convs: list[Conversation] = []
    left = n
    while left > 0:
        c = _Ctx(rng, rng.choice(LANGS))
        person = c.person()
        platform = rng.choice(("peki", "kore", "selise"))
        texts = [_text(c) for _ in range(min(left, rng.randint(2, 5)))]
        convs.append(Conversation(platform, person, _profile(platform, c, person), texts))
        left -= len(texts)
    return convs
