"""Held-out masking bank 17: support-chat traffic in 22 languages plus situations no earlier
bank used, written from the scoring interface alone (``bench/masking_quality.py``).

Languages: English, German, French, Spanish, Italian, Portuguese, Turkish, Dutch, Polish, plus
Serbian (Cyrillic, and its Latin transliteration), Slovak, Lithuanian, Catalan, Icelandic,
Albanian, Malay, Bengali (script and romanised), Chinese (Hanzi and pinyin), Thai (script and
RTGS romanisation), Georgian (Mkhedruli and Latin), Yoruba (with tone marks) and Afrikaans.
Names come from ``bench/heldout_bank17_names.py``; Polish, Slovak, Lithuanian, Icelandic and
Malay surnames agree in gender with the first name.

Texts, by situation (the third part of each class, before any dot):

- ordinary support traffic (at least 60 % of texts): greetings and self-introductions, giving
  contact details, payments, mentions of a third person (relative, colleague), agent replies
  and sign-offs, bot replies that carry a JSON payload, and free-text fields of the session
  record (``raw:feedback``, ``raw:notes``, ``raw:summary``, ``raw:tags``), in banking,
  telecom, travel, health, retail, public services, insurance, utilities and education;
- situations no earlier bank used: an EPC (SEPA) QR payload read back, a SWIFT MT103 block, a
  router's DHCP lease table, an image description (alt text) of a screenshot, SRT captions of
  a recorded call, a gift message, a customer correcting a number mid-message, a spreadsheet
  ``HYPERLINK`` formula, a ticket audit trail, an in-app bug report, a LaTeX letter head, an
  auto-translation block (original script and its Latin rendering), a course certificate, and
  an insurance beneficiary designation.

What counts as personal (planted with the kind the masker reports):

- ``name``: a person's full name, a first name alone when it addresses or names a person, a
  surname after a title, the Latin transliteration of a name written in another script, and
  names of human agents and third persons (relatives, colleagues). A name used as a device's
  host name (``iPhone-Femke``) is still a name. Not planted: diminutives (none are written),
  handles, bot names. Chinese given names alone are never written (only the full name), Malay
  patronymics (``binti Ismail``) are only written inside the full name.
- ``email``: a person's mailbox in any form; role mailboxes (``support@...``) are decoys.
- ``phone``: a person's number, national or international form, valid per ``phonenumbers`` for
  its region; a few in international form are possible but not assigned (class ``...
  .intl-possible-unassigned``). An extension after a number (``ext. 214``) is not part of the
  planted value. No phone is spelled out in words.
- ``card`` (Luhn-valid, real IIN ranges), ``iban`` (mod-97 valid, country lengths), ``ip``
  (IPv4 and IPv6 of the customer's connection), ``url`` (whole URL carrying a token, key,
  signature or password in query, path or user-info).
- Not planted, neither personal nor decoy: MAC addresses and SRT cue numbers.

Decoys (kind ``decoy``, class ``decoy/<lang>/<sort>``): order numbers, parcel tracking codes,
prices, dates, times, versions, reference codes, product names, streets and companies named
after people, course names, brand handles, role mailboxes, 16-digit gift-card numbers that
fail Luhn, IBAN-shaped strings failing mod-97, BICs, plain URLs without secrets, SRT timestamps.
Customers living abroad (Malay, Bengali, Chinese, Thai, Yoruba and Afrikaans speakers) bank
with an IBAN of a European country.

Every planted value occurs in its text as a whole value (no letter or digit on either side),
exactly as many times as it is planted, and never overlapping another planted value: a text
that would break this is drawn again.
"""

from __future__ import annotations

import itertools
import random
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import phonenumbers

from bench.heldout_bank17_names import FIRST, GENDER_FIRST, GENDER_LAST, LAST
from bench.heldout_corpus import Conversation, Person, Planted, Text

LANGS: tuple[str, ...] = tuple(FIRST)
SCRIPTS = {"sr": "cyrl", "bn": "beng", "zh": "hans", "th": "thai", "ka": "geor"}
REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "sk": "SK", "lt": "LT", "ca": "ES", "is": "IS", "sq": "AL",
    "ms": "MY", "yo": "NG", "af": "ZA", "sr": "RS", "bn": "BD", "zh": "CN", "th": "TH",
    "ka": "GE",
}  # fmt: skip
# IBAN countries: (length, BBAN pattern: n digit, a upper-case letter)
IBAN_SPEC = {
    "GB": "a4n14", "DE": "n18", "FR": "n23", "ES": "n20", "IT": "a1n22", "PT": "n21",
    "TR": "n22", "NL": "a4n10", "PL": "n24", "SK": "n20", "LT": "n16", "AD": "n20",
    "IS": "n22", "AL": "n24", "RS": "n18", "GE": "a2n16", "BE": "n12", "AT": "n16",
}  # fmt: skip
IBAN_LEN = {
    "GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18, "PL": 28,
    "SK": 24, "LT": 20, "AD": 24, "IS": 26, "AL": 28, "RS": 22, "GE": 22, "BE": 16, "AT": 20,
}  # fmt: skip
_IBAN_HOME = {"ca": "AD", "sr": "RS", "ka": "GE", "sq": "AL", "is": "IS", "lt": "LT"}
_ABROAD = ("GB", "DE", "NL", "BE", "AT", "FR")

ORDINARY = frozenset(
    {"intro", "contact", "payment", "relative", "agent", "bot-json", "feedback", "notes",
     "summary", "tags"}
)  # fmt: skip
SPECIAL = (
    "epc-qr", "mt103", "dhcp-leases", "alt-text", "srt-captions", "gift-note",
    "self-correction", "spreadsheet-formula", "audit-trail", "bug-report", "latex-letter",
    "auto-translation", "certificate", "beneficiary",
)  # fmt: skip

# --- ordinary templates -------------------------------------------------------------------------
# Tokens: N full name, NL its Latin transliteration, F first name, L surname, E e-mail, P the
# person's phone, Q another phone of theirs, C card, I IBAN, IP address, U URL with a secret,
# R a relative's or colleague's full name, A an agent's full name, AF an agent's first name;
# decoys: O order, T tracking, M price, D date, Z time, V version, X reference, K product,
# S street named after a person, Y company named after a person, H brand handle, W role
# mailbox, G gift card, B IBAN-shaped, BIC, PU plain URL.

USER: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("intro", "Hi there, {N} here - my broadband has been dropping since {D}."),
        ("contact", "Could you ring me back on {P} after {Z}? Or email {E}, whichever is easier."),
        ("payment", "I was charged {M} twice for order {O}. Card used: {C}."),
        ("relative", "My mum {R} is on the same policy, can she be added as a named driver?"),
        ("intro", "Morning! It's {F}. The parcel {T} still says out for delivery."),
    ),
    "de": (
        ("intro", "Guten Tag, mein Name ist {N}, ich habe eine Frage zu meiner Stromrechnung."),
        ("contact", "Erreichbar bin ich unter {P}, gern auch per Mail an {E}."),
        ("payment", "Bitte erstatten Sie die {M} auf mein Konto {I}, Bestellung {O}."),
        ("relative", "Die Vollmacht hat meine Tochter {R}, sie ruft morgen an."),
        ("intro", "Hallo, {L} hier. Der Techniker kam am {D} nicht."),
    ),
    "fr": (
        ("intro", "Bonjour, je suis {N} et ma carte Navigo ne fonctionne plus."),
        ("contact", "Vous pouvez me joindre au {P} ou par courriel : {E}."),
        ("payment", "Le prélèvement de {M} sur {I} est passé deux fois ce mois-ci."),
        ("relative", "C'est mon mari, {R}, qui est titulaire du contrat d'assurance."),
        ("intro", "Re-bonjour, c'est {F}. Toujours pas de nouvelles du colis {T} ?"),
    ),
    "es": (
        ("intro", "Hola, soy {N}, tengo una cita en el centro de salud el {D} y no puedo ir."),
        ("contact", "Mi móvil es {P}. Correo: {E}"),
        ("payment", "Me han cobrado {M} con la tarjeta {C} y el pedido {O} no ha llegado."),
        ("relative", "Llamo de parte de mi abuela, {R}, que no oye bien por teléfono."),
        ("intro", "Buenas tardes, {L} al habla, es por la factura del agua."),
    ),
    "it": (
        ("intro", "Buongiorno, sono {N}, vorrei disdire l'abbonamento alla palestra."),
        ("contact", "Il mio numero è {P}, la mail {E}. Grazie!"),
        ("payment", "Ho fatto il bonifico di {M} dal conto {I}, causale {X}."),
        ("relative", "Scrivo anche per mio figlio {R}, iscritto al corso di inglese."),
        ("intro", "Salve, qui {L}, avrei bisogno del referto di ieri."),
    ),
    "pt": (
        ("intro", "Olá, o meu nome é {N} e queria alterar a morada de faturação."),
        ("contact", "Podem ligar para {P} ou enviar para {E}."),
        ("payment", "O pagamento de {M} com o cartão {C} foi recusado, porquê?"),
        ("relative", "A minha irmã {R} vai levantar a encomenda {O} por mim."),
        ("intro", "Boa tarde! Aqui é o {F}, o voo de amanhã mantém-se?"),
    ),
    "tr": (
        ("intro", "Merhaba, ben {N}, faturamda bilmediğim bir ücret var."),
        ("contact", "Bana {P} numarasından ulaşabilirsiniz, e-posta: {E}"),
        ("payment", "İade tutarı {M}, lütfen {I} hesabına yatırın."),
        ("relative", "Annem {R} adına randevu almak istiyorum."),
        ("intro", "İyi günler, ben {F}, dosya no {X} hakkında yazıyorum."),
    ),
    "nl": (
        ("intro", "Goedemiddag, u spreekt met {N}, mijn internet ligt er weer uit."),
        ("contact", "Bel me gerust op {P} of mail naar {E}."),
        ("payment", "Het bedrag van {M} is van {I} afgeschreven maar niet geboekt."),
        ("relative", "Mijn collega {R} neemt het contract over per {D}."),
        ("intro", "Hoi, met {F}! Pakket {T} is bij de buren afgeleverd denk ik."),
    ),
    "pl": (
        ("intro", "Dzień dobry, nazywam się {N}, proszę o przeniesienie numeru do Was."),
        ("contact", "Mój telefon to {P}, a e-mail {E}."),
        ("payment", "Płatność {M} kartą {C} przeszła, a zamówienie {O} jest anulowane."),
        ("relative", "Dzwonię w imieniu teścia, {R}, który leży w szpitalu."),
        ("intro", "Witam, z tej strony {L}, pytam o wynik reklamacji {X}."),
    ),
    "sk": (
        ("intro", "Dobrý deň, volám sa {N}, chcem zmeniť tarifu na {K}."),
        ("contact", "Kontakt: {P}, e-mail {E}."),
        ("payment", "Platba {M} odišla z účtu {I} dňa {D}."),
        ("relative", "Moja manželka {R} má tiež kartu k tomuto účtu."),
        ("intro", "Ahoj, tu je {F}, stále mi nefunguje prihlásenie."),
    ),
    "lt": (
        ("intro", "Laba diena, aš esu {N}, noriu pakeisti elektros tiekimo planą."),
        ("contact", "Mano telefonas {P}, el. paštas {E}."),
        ("payment", "Sumokėjau {M} iš sąskaitos {I}, bet skola vis dar rodoma."),
        ("relative", "Mano sūnus {R} studijuoja pas jus, klausiu dėl stipendijos."),
        ("intro", "Sveiki, čia {F}. Siunta {T} dar neatėjo."),
    ),
    "ca": (
        ("intro", "Bon dia, em dic {N} i vull renovar la targeta sanitària."),
        ("contact", "El meu mòbil és el {P} i el correu {E}."),
        ("payment", "M'han cobrat {M} a la targeta {C} per una comanda que no he fet."),
        ("relative", "La meva cunyada {R} també viatja amb nosaltres el {D}."),
        ("intro", "Hola! Sóc l'{F}, tinc un dubte sobre la matrícula."),
    ),
    "is": (
        ("intro", "Góðan dag, ég heiti {N} og er með spurningu um reikninginn."),
        ("contact", "Síminn minn er {P} og netfangið {E}."),
        ("payment", "Ég greiddi {M} af reikningi {I} en það sést ekki."),
        ("relative", "Systir mín {R} á líka aðgang að þessum reikningi."),
        ("intro", "Hæ, þetta er {F}. Pöntun {O} kom aldrei."),
    ),
    "sq": (
        ("intro", "Përshëndetje, jam {N} dhe kam problem me faturën e ujit."),
        ("contact", "Më telefononi në {P} ose më shkruani në {E}."),
        ("payment", "Pagesa prej {M} me kartën {C} nuk u krye."),
        ("relative", "Vëllai im {R} do të vijë në zyrë nesër."),
        ("intro", "Mirëdita, {F} këtu. Porosia {O} ku është?"),
    ),
    "ms": (
        ("intro", "Selamat pagi, saya {N}, nak tanya pasal bil elektrik bulan ini."),
        ("contact", "Boleh hubungi saya di {P} atau emel {E}."),
        ("payment", "Saya dah bayar {M} guna kad {C} tapi status masih belum bayar."),
        ("relative", "Suami saya, {R}, akan ambil bungkusan {T} esok."),
        ("intro", "Hai, ini {F}. Tiket penerbangan saya tak masuk emel."),
    ),
    "yo": (
        ("intro", "Ẹ kú àárọ̀, orúkọ mi ni {N}, mo fẹ́ ṣí àkọọ́lẹ̀ tuntun."),
        ("contact", "Nọ́mbà fóònù mi ni {P}, ímeèlì mi ni {E}."),
        ("payment", "Mo san {M} pẹ̀lú káàdì {C} ṣùgbọ́n kò wọlé."),
        ("relative", "Ẹ̀gbọ́n mi {R} ló máa gba ẹrù náà."),
        ("intro", "Ẹ kú ọ̀sán, {F} ni. Ẹrù {T} kò tíì dé."),
    ),
    "af": (
        ("intro", "Goeie môre, my naam is {N}, ek wil my kontrak opgradeer."),
        ("contact", "Jy kan my bel by {P} of e-pos {E}."),
        ("payment", "Ek het {M} oorbetaal na rekening {I}, verwysing {X}."),
        ("relative", "My ouma {R} het 'n afspraak by die kliniek op {D}."),
        ("intro", "Haai, dis {F} hier. Waar is bestelling {O}?"),
    ),
    "sr": (
        ("intro", "Добар дан, ја сам {N}, имам проблем са рачуном за струју."),
        ("contact", "Мој број је {P}, мејл {E}."),
        ("payment", "Uplata {M} je izvršena sa računa {I}, poziv na broj {X}."),
        ("relative", "Мој брат {R} ће доћи по пошиљку {T}."),
        ("intro", "Zdravo, ovde {NL}, zanima me stanje reklamacije."),
    ),
    "bn": (
        ("intro", "নমস্কার, আমি {N}, আমার সিম কার্ড কাজ করছে না।"),
        ("contact", "আমার নম্বর {P}, ইমেইল {E}"),
        ("payment", "Ami {M} pay korechi card {C} diye, kintu order {O} cancel hoye geche."),
        ("relative", "আমার বোন {R} আমার হয়ে কথা বলবে।"),
        ("intro", "Assalamu alaikum, ami {NL}, amar account lock hoye gechhe."),
    ),
    "zh": (
        ("intro", "您好，我叫 {N}，想查询一下我的订单 {O}。"),
        ("contact", "我的手机号：{P}，邮箱：{E}"),
        ("payment", "我用卡 {C} 支付了 {M}，但是没有收到确认。"),
        ("relative", "我女儿 {R} 会帮我去取快递 {T}。"),
        ("intro", "Nin hao, wo shi {NL}, xiang wen yixia tuikuan de shiqing."),
    ),
    "th": (
        ("intro", "สวัสดี ฉันชื่อ {N} อยากสอบถามเรื่องบิลค่าโทรศัพท์"),
        ("contact", "เบอร์ติดต่อ {P} อีเมล {E} ค่ะ"),
        ("payment", "โอนเงิน {M} ไปแล้วจากบัตร {C} แต่ยังไม่ได้รับสินค้า"),
        ("relative", "คุณแม่ {R} จะมารับพัสดุ {T} แทนครับ"),
        ("intro", "Sawatdee khrap, phom {NL}, booking {X} khong phom yang mai confirm."),
    ),
    "ka": (
        ("intro", "გამარჯობა, მე ვარ {N}, მინდა ტარიფის შეცვლა."),
        ("contact", "ჩემი ნომერი: {P}, ელფოსტა: {E}"),
        ("payment", "გადავიხადე {M} ანგარიშიდან {I}, მაგრამ ვალი ისევ ჩანს."),
        ("relative", "ჩემი მეუღლე {R} მოვა ამანათისთვის {T}."),
        ("intro", "Gamarjoba, me var {NL}, shekveta {O} ar mimiighia."),
    ),
}
AGENT: dict[str, tuple[str, ...]] = {
    "en": ("Thanks {F}, I've raised ticket {X} for you. Kind regards, {A}",
           "Hello, my name is {AF} and I'll be looking after your case today."),
    "de": ("Vielen Dank, {F}. Ihr Vorgang {X} ist angelegt. Freundliche Grüße, {A}",
           "Guten Tag, hier ist {AF} vom Kundenservice."),
    "fr": ("Merci {F}, votre dossier {X} est transmis. Cordialement, {A}",
           "Bonjour, je m'appelle {AF}, je reprends votre demande."),
    "es": ("Gracias, {F}. Le hemos enviado la confirmación a {E}. Un saludo, {A}",
           "Buenas, le atiende {AF}."),
    "it": ("Grazie {F}, la pratica {X} è in lavorazione. Cordiali saluti, {A}",
           "Buongiorno, sono {AF} del servizio clienti."),
    "pt": ("Obrigada, {F}. O reembolso de {M} segue em 5 dias úteis. Cumprimentos, {A}",
           "Olá, fala {AF}, em que posso ajudar?"),
    "tr": ("Teşekkürler {F}, talebiniz {X} numarasıyla alındı. Saygılarımla, {A}",
           "Merhaba, ben {AF}, size yardımcı olacağım."),
    "nl": ("Dank je wel {F}, ik heb je nummer {P} genoteerd. Groet, {A}",
           "Goedemiddag, je spreekt met {AF}."),
    "pl": ("Dziękuję, {F}. Zgłoszenie {X} przekazaliśmy dalej. Pozdrawiam, {A}",
           "Dzień dobry, z tej strony {AF}."),
    "sk": ("Ďakujem, {F}, požiadavka {X} je zaevidovaná. S pozdravom {A}",
           "Dobrý deň, volám sa {AF}, ako vám môžem pomôcť?"),
    "lt": ("Ačiū, {F}, jūsų užklausa {X} užregistruota. Pagarbiai, {A}",
           "Laba diena, čia {AF}."),
    "ca": ("Gràcies, {F}, hem rebut la sol·licitud {X}. Salutacions, {A}",
           "Bon dia, l'atén {AF}."),
    "is": ("Takk {F}, málið {X} er skráð. Kveðja, {A}", "Góðan dag, þetta er {AF}."),
    "sq": ("Faleminderit {F}, kërkesa {X} u regjistrua. Me respekt, {A}",
           "Përshëndetje, unë jam {AF}."),
    "ms": ("Terima kasih {F}, tiket {X} telah dibuka. Salam, {A}", "Hai, saya {AF}, boleh bantu?"),
    "yo": ("Ẹ ṣé {F}, a ti gba ìbéèrè {X}. Tìfẹ́tìfẹ́, {A}", "Ẹ kú àárọ̀, {AF} ni orúkọ mi."),
    "af": ("Dankie {F}, jou verwysing is {X}. Groete, {A}", "Goeiemiddag, jy praat met {AF}."),
    "sr": ("Хвала, {F}, захтев {X} је примљен. Поздрав, {A}", "Добар дан, овде {AF}."),
    "bn": ("ধন্যবাদ {F}, আপনার টিকিট {X}। শুভেচ্ছা, {A}", "নমস্কার, আমি {AF}।"),
    "zh": ("{N}，您好，工单 {X} 已受理。客服 {A}", "您好，我是客服 {A}。"),
    "th": ("ขอบคุณค่ะ คุณ {F} เลขที่เรื่อง {X} ค่ะ {A}", "สวัสดีครับ ผม {AF} ยินดีให้บริการครับ"),
    "ka": ("გმადლობთ, {F}, მოთხოვნა {X} მიღებულია. პატივისცემით, {A}", "გამარჯობა, მე ვარ {AF}."),
}  # fmt: skip
HELLO = {
    "en": "Hi", "de": "Hallo", "fr": "Bonjour", "es": "Hola", "it": "Ciao", "pt": "Olá",
    "tr": "Merhaba", "nl": "Hoi", "pl": "Cześć", "sk": "Ahoj", "lt": "Labas", "ca": "Hola",
    "is": "Halló", "sq": "Tung", "ms": "Hai", "yo": "Báwo", "af": "Hallo", "sr": "Здраво",
    "bn": "হ্যালো", "zh": "您好", "th": "สวัสดี", "ka": "გამარჯობა",
}  # fmt: skip
NOTES = (
    ("notes", "Cust {N} called re {K}; verified via {P}. Colleague {R} authorised on account."),
    ("notes", "Callback requested by {N} at {Z} - number {P}; card {C} blocked as precaution."),
    ("summary", "Summary: {N} asked to change the contact e-mail to {E}. Ref {X}."),
    ("summary", "Customer {N} disputes {M} on {D}; refund to {I} approved by {A}."),
    ("tags", '["callback", "{E}", "{P}", "{K}"]'),
    ("tags", "vip; login-from:{IP}; owner:{A}"),
)
BOT = (
    '{"reply": "{HELLO} {F}", "profile": {"email": "{E}", "phone": "{P}"}, "order": "{O}"}',
    '{"intent": "reset_password", "link": "{U}", "user": "{N}", "build": "{V}"}',
    '{"card_last_used": "{C}", "holder": "{N}", "amount": "{M}", "at": "{D} {Z}"}',
    '{"handoff": "{H}", "reply_to": "{W}", "help": "{PU}", "voucher": "{G}", "for": "{N}"}',
)

SPECIAL_T: dict[str, tuple[str, ...]] = {
    "epc-qr": ("Scanned the QR on my refund letter, it reads:\nBCD\n002\n1\nSCT\n{BIC}\n{N}\n{I}"
               "\n{M}\n\n\nRefund {O}",),
    "mt103": (":20:{X}\n:32A:{D} {M}\n:50K:/{I}\n{N}\n:59:/{B}\n{Y}\n:70:INVOICE {O}",),
    "dhcp-leases": ("Router page shows these devices:\n{IP}   {MAC}   iPhone-{F}"
                    "   expires {D} {Z}\n192.168.1.1   router   firmware {V}",),
    "alt-text": ("[Image description: screenshot of the banking app. Payee: {N}. IBAN {I}. "
                 "Amount {M}. Status: pending.]",
                 "[Screenshot: my profile page showing {E} and {P}, plan {K}]"),
    "srt-captions": ("41\n{SRT}\nAGENT: Can I take your full name please?\n\n42\n{SRT}\n"
                     "CALLER: Yes, it's {N}, and the number is {P}.",),
    "gift-note": ("Gift message on order {O}: \"Happy birthday {RF}! See you on {D}. Love, {F}\"",),
    "self-correction": ("my number is {Q} - no wait, that's the old one, use {P} please",
                        "send it to {E}... sorry, typo, I meant {E2}"),
    "spreadsheet-formula": ('=HYPERLINK("mailto:{E}";"{N}")  ← this cell in your export is'
                            ' wrong, order {O}',),
    "audit-trail": ("Ticket {X} · requester changed from {R} to {N} by {A} · {D} {Z}\n"
                    "Ticket {X2} · status: waiting on customer",),
    "bug-report": ("App version: {V}\nDevice: {K}\nAccount: {E}\nSteps: open {U} and tap Pay",),
    "latex-letter": ("\\begin{letter}{{N}\\\\ {S}}\n\\opening{Dear Sir or Madam,}\n"
                     "Your claim {X} was received on {D}.\n\\signature{{A}}",),
    "auto-translation": ("[Auto-translated] Hello, I am {NL}, my parcel {T} is late.\n"
                         "[Original] {N}",),
    "certificate": ("This certifies that {N} completed the course {CO} on {D}. Certificate {X}.",),
    "beneficiary": ("Beneficiary designation for policy {X}: {R}, 100 %, reachable at {Q}.",),
}  # fmt: skip
_SCRIPT_ONLY_SPECIAL = {"auto-translation"}

# --- structured values ----------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _luhn_complete(body: str) -> str:
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError("unreachable")


_CARDS: tuple[tuple[str, Callable[[random.Random], str], int], ...] = (
    ("visa", lambda r: "4" + str(r.randint(10000, 99999)), 16),
    ("mastercard", lambda r: str(r.randint(51, 55)), 16),
    ("mastercard2", lambda r: str(r.randint(2221, 2720)), 16),
    ("amex", lambda r: r.choice(("34", "37")), 15),
    ("discover", lambda r: "6011", 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)), 16),
    ("unionpay", lambda r: "62" + str(r.randint(2126, 2925)), 16),
)


def card(rng: random.Random) -> tuple[str, str]:
    net, iin, length = rng.choice(_CARDS)
    body = iin(rng)
    body += "".join(rng.choice(string.digits) for _ in range(length - 1 - len(body)))
    num = _luhn_complete(body)
    style = rng.choice(("space", "dash", "plain"))
    if net == "amex":
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i : i + 4] for i in range(0, len(num), 4)]
    sep = {"space": " ", "dash": "-", "plain": ""}[style]
    return sep.join(groups), net


def iban_ok(value: str) -> bool:
    s = value.replace(" ", "")
    if len(s) != IBAN_LEN.get(s[:2], -1):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _bban(rng: random.Random, country: str) -> str:
    out = ""
    for kind, n in re.findall(r"([an])(\d+)", IBAN_SPEC[country]):
        alphabet = string.ascii_uppercase if kind == "a" else string.digits
        out += "".join(rng.choice(alphabet) for _ in range(int(n)))
    return out


def iban(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, country)
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    check = 98 - num % 97
    if not valid:
        check = rng.choice([x for x in range(2, 99) if x % 97 != check % 97])
    s = f"{country}{check:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return s


def _phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    ptype = rng.choice(
        (phonenumbers.PhoneNumberType.MOBILE,) * 3 + (phonenumbers.PhoneNumberType.FIXED_LINE,)
    )
    ex = phonenumbers.example_number_for_type(region, ptype) or phonenumbers.example_number(region)
    assert ex is not None, region
    nsn = phonenumbers.national_significant_number(ex)
    keep = min(3, len(nsn) - 4)
    for _ in range(200):
        digits = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse(f"+{ex.country_code}{digits}")
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == (
            region
        ):
            return num
    return ex


def _unassigned(rng: random.Random, region: str) -> phonenumbers.PhoneNumber | None:
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if ex is None:
        return None
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(300):
        digits = "".join(rng.choice(string.digits) for _ in nsn)
        num = phonenumbers.parse(f"+{ex.country_code}{digits}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            return num
    return None


def phone(rng: random.Random, region: str) -> tuple[str, str, str]:
    """(as written, E.164, form)."""
    if rng.random() < 0.07:
        num = _unassigned(rng, region)
        if num is not None:
            intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
            return intl, e164, "intl-possible-unassigned"
    num = _phone_number(rng, region)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    form = rng.choice(("intl", "intl", "national", "national", "e164", "intl-dash"))
    if form == "national":
        text = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    elif form == "e164":
        text = e164
    else:
        text = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if form == "intl-dash":
            text = text.replace(" ", "-").replace("+-", "+")
    return text, e164, form


def ip(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.7:
        first = rng.choice((31, 46, 77, 84, 89, 93, 109, 151, 176, 188, 203, 212))
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "v4"
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(6)]
    if rng.random() < 0.5:
        return f"2a02:{groups[0]}:{groups[1]}::{groups[2]}", "v6-short"
    return "2a01:" + ":".join(groups) + f":{rng.randint(1, 0xFFFF):x}", "v6-full"


def _token(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def secret_url(rng: random.Random) -> tuple[str, str]:
    host = rng.choice(("app.mybank.example", "selfcare.telco.example", "portal.clinic.example",
                       "id.airline.example", "account.shop.example"))  # fmt: skip
    form = rng.choice(("query-token", "path-reset", "signed", "userinfo", "apikey"))
    if form == "query-token":
        return f"https://{host}/verify?token={_token(rng, 32)}", form
    if form == "path-reset":
        return f"https://{host}/password/reset/{_token(rng, 40)}", form
    if form == "signed":
        return (
            f"https://{host}/docs/statement.pdf?X-Expires=3600&X-Signature={_token(rng, 44)}",
            form,
        )
    if form == "userinfo":
        return f"https://agent{rng.randint(1, 99)}:{_token(rng, 12)}@{host}/admin", form
    return f"https://{host}/api/v2/orders?api_key={_token(rng, 28)}&page=2", form


_FOLD: dict[str, str | int | None] = {
    "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d",
    "æ": "ae", "Æ": "Ae", "ı": "i", "'": "",
}  # fmt: skip


def _fold(s: str) -> str:
    s = s.translate(str.maketrans(_FOLD))
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", s.lower())


_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "gmx.de",
            "orange.fr", "wp.pl", "seznam.cz", "libero.it", "sapo.pt", "hotmail.com",
            "mail.ru", "qq.com", "163.com", "simnet.is", "inbox.lt")  # fmt: skip


def email(rng: random.Random, first: str, last: str) -> tuple[str, str]:
    f, la = _fold(first), _fold(last)
    form = rng.choice(("dot", "initial", "joined-year", "underscore", "plus-tag", "work"))
    dom = rng.choice(_DOMAINS)
    if form == "dot":
        return f"{f}.{la}@{dom}", form
    if form == "initial":
        return f"{f[0]}.{la}@{dom}", form
    if form == "joined-year":
        return f"{f}{la}{rng.randint(70, 99)}@{dom}", form
    if form == "underscore":
        return f"{la}_{f}@{dom}", form
    if form == "plus-tag":
        return f"{f}.{la}+{rng.choice(('bank', 'orders', 'bills'))}@{dom}", form
    return f"{f}.{la}@{rng.choice(('acme-logistics', 'uni-campus', 'stadtwerke'))}.example", form


# --- decoys ---------------------------------------------------------------------------------

_PRODUCTS = ("Galaxy A55", "iPhone 15 Pro", "Fibre 500", "Unlimited Max", "Pixel 8a",
             "Premium Plus", "Eco Tarif 24", "Travel Card Gold", "Basic Health 2")  # fmt: skip
_STREETS = ("Rue Victor Hugo 12", "Karl-Marx-Straße 40", "Avenida Simón Bolívar 7",
            "Via Giuseppe Garibaldi 3", "ulica Mikołaja Kopernika 9", "Nelson Mandela Drive 21",
            "Jan van Galenstraat 88", "Bulevar Nikole Tesle 5")  # fmt: skip
_COMPANIES = ("Johnson Controls", "Marks & Spencer", "Ferrero", "Philips", "Michelin",
              "Siemens Energy", "Kellogg", "Ford Credit")  # fmt: skip
_HANDLES = ("@KPN_Webcare", "@TelekomHilft", "@Iberia_en", "@OrangeFrance", "@VodafoneUK",
            "@TurkcellHizmet", "@MaybankHelps")  # fmt: skip
_ROLES = ("klantenservice@energie-noord.example", "noreply@notify.mybank.example",
          "support@telco.example", "reclamaciones@tienda.example", "servizio.clienti@acqua.example",
          "helpdesk@uni-campus.example")  # fmt: skip
_COURSES = ("First Aid Level 2", "Spreadsheets for Beginners", "Safe Driving 101",
            "Business English B2", "Food Hygiene Basics")  # fmt: skip
_BICS = ("DEUTDEFFXXX", "BNPAFRPPXXX", "INGBNL2A", "BPKOPLPW", "CAIXESBBXXX", "UNCRITMM")


def _money(rng: random.Random) -> str:
    a = rng.randint(3, 2400)
    c = rng.randint(0, 99)
    return rng.choice(
        (f"€ {a},{c:02d}", f"{a}.{c:02d} EUR", f"£{a}.{c:02d}", f"PLN {a},{c:02d}",
         f"{a},{c:02d} TL", f"R {a},{c:02d}", f"RM{a}.{c:02d}", f"EUR{a}.{c:02d}")
    )  # fmt: skip


def _date(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    y = rng.choice((2025, 2026))
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return rng.choice((f"{d:02d}.{m:02d}.{y}", f"{d:02d}/{m:02d}/{y}", f"{d} {months[m - 1]} {y}"))


def _tracking(rng: random.Random) -> str:
    digits = "".join(rng.choice(string.digits) for _ in range(18))
    return rng.choice(
        (f"JJD00{digits[:16]}", f"1Z{_token(rng, 6).upper()}03{digits[:8]}",
         f"LX{digits[:9]}NL", f"RR{digits[:9]}TH")
    )  # fmt: skip


def _giftcard(rng: random.Random) -> str:
    while True:
        num = "".join(rng.choice(string.digits) for _ in range(16))
        if num[0] != "0" and not luhn_ok(num):
            return " ".join(num[i : i + 4] for i in range(0, 16, 4))


DECOYS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "O": ("order-number", lambda r: r.choice(("ORD-", "#A", "BE-")) + str(r.randint(10**6, 10**7))),
    "T": ("tracking-code", lambda r: _tracking(r)),
    "M": ("price", _money),
    "D": ("date", _date),
    "Z": ("time", lambda r: f"{r.randint(7, 21)}:{r.choice(('00', '15', '30', '45'))}"),
    "V": ("version", lambda r: f"v{r.randint(2, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}"),
    "X": ("reference", lambda r: r.choice(("REF-", "CASE-", "TK")) + _token(r, 6).upper()),
    "X2": ("reference", lambda r: "CASE-" + _token(r, 7).upper()),
    "K": ("product", lambda r: r.choice(_PRODUCTS)),
    "CO": ("course-name", lambda r: r.choice(_COURSES)),
    "S": ("street-eponym", lambda r: r.choice(_STREETS)),
    "Y": ("company-eponym", lambda r: r.choice(_COMPANIES)),
    "H": ("brand-handle", lambda r: r.choice(_HANDLES)),
    "W": ("role-mailbox", lambda r: r.choice(_ROLES)),
    "G": ("giftcard-nonluhn", _giftcard),
    "BIC": ("bic", lambda r: r.choice(_BICS)),
    "PU": ("plain-url", lambda r: f"https://www.{r.choice(('mybank', 'telco'))}.example/help"),
    "SRT": ("srt-timestamp",
            lambda r: f"00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{r.randint(0, 999):03d}"
            f" --> 00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{r.randint(0, 999):03d}"),
}  # fmt: skip

# --- people and texts ----------------------------------------------------------------------


@dataclass
class _Who:
    lang: str
    first: str
    last: str
    first_lat: str
    last_lat: str
    email: str
    email_form: str
    phone: str
    phone_e164: str
    phone_form: str
    iban_country: str

    @property
    def full(self) -> str:
        return self.last + self.first if self.lang == "zh" else f"{self.first} {self.last}"

    @property
    def full_lat(self) -> str:
        if self.lang == "zh":
            return f"{self.last_lat} {self.first_lat}"
        return f"{self.first_lat} {self.last_lat}"


def _name(rng: random.Random, lang: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """A first name and a surname that agree in grammatical gender where surnames have one."""
    i = rng.randrange(len(FIRST[lang]))
    lasts = LAST[lang]
    if lang in GENDER_FIRST:
        g = GENDER_FIRST[lang][i]
        lasts = tuple(la for la, lg in zip(lasts, GENDER_LAST[lang], strict=True) if lg in (g, "n"))
    return FIRST[lang][i], rng.choice(lasts)


def _who(rng: random.Random, lang: str) -> _Who:
    (f, fl), (la, ll) = _name(rng, lang)
    mail, mform = email(rng, fl, ll)
    written, e164, pform = phone(rng, REGION[lang])
    country = _IBAN_HOME.get(lang) or (
        REGION[lang] if REGION[lang] in IBAN_SPEC else rng.choice(_ABROAD)
    )
    return _Who(lang, f, la, fl, ll, mail, mform, written, e164, pform, country)


_TOK = re.compile(r"\{([A-Z0-9]+)\}")


class _Redraw(Exception):
    pass


def _render(rng: random.Random, who: _Who, template: str, situation: str) -> tuple[str, Planted]:
    lang = who.lang
    script = SCRIPTS.get(lang)
    planted: Planted = []
    out: list[str] = []

    def name_cls(latin: bool) -> str:
        if script is None:
            return f"name/{lang}/{situation}"
        return f"name/{lang}-{'latn' if latin else script}/{situation}"

    def put(kind: str, value: str, cls: str) -> None:
        out.append(value)
        planted.append((kind, value, cls))

    def other_name(latin: bool) -> str:
        (f, fl), (la, ll) = _name(rng, lang)
        if latin:
            return f"{ll} {fl}" if lang == "zh" else f"{fl} {ll}"
        return la + f if lang == "zh" else f"{f} {la}"

    pos = 0
    for m in _TOK.finditer(template):
        out.append(template[pos : m.start()])
        pos = m.end()
        tok = m.group(1)
        if lang == "zh" and tok in ("F", "AF", "RF"):  # Chinese given names: never alone
            tok = {"F": "N", "AF": "A", "RF": "R"}[tok]
        if tok == "N":
            put("name", who.full, name_cls(False))
        elif tok == "NL":
            put("name", who.full_lat, name_cls(True))
        elif tok == "F":
            put("name", who.first, name_cls(False) + ".first")
        elif tok == "L":
            put("name", who.last, name_cls(False) + ".surname")
        elif tok in ("R", "A"):
            latin = script is not None and rng.random() < 0.3
            put("name", other_name(latin), name_cls(latin) + (".third" if tok == "R" else ".agent"))
        elif tok in ("AF", "RF"):
            (f, _fl), _ = _name(rng, lang)
            put("name", f, name_cls(False) + (".agent-first" if tok == "AF" else ".third-first"))
        elif tok == "E":
            put("email", who.email, f"email/{lang}/{situation}.{who.email_form}")
        elif tok == "E2":
            mail, form = email(rng, who.first_lat, who.last_lat)
            put("email", mail, f"email/{lang}/{situation}.{form}")
        elif tok == "P":
            put("phone", who.phone, f"phone/{REGION[lang]}/{situation}.{who.phone_form}")
            if situation in ("contact", "notes") and rng.random() < 0.15:
                out.append(f" ext. {rng.randint(10, 899)}")
        elif tok == "Q":
            text, _, form = phone(rng, REGION[lang])
            put("phone", text, f"phone/{REGION[lang]}/{situation}.{form}")
        elif tok == "C":
            value, net = card(rng)
            put("card", value, f"card/{lang}/{situation}.{net}")
        elif tok == "I":
            put("iban", iban(rng, who.iban_country), f"iban/{who.iban_country}/{situation}")
        elif tok == "B":
            put("decoy", iban(rng, rng.choice(tuple(IBAN_SPEC)), valid=False),
                f"decoy/{lang}/iban-badcheck")  # fmt: skip
        elif tok == "IP":
            value, form = ip(rng)
            put("ip", value, f"ip/{lang}/{situation}.{form}")
        elif tok == "U":
            value, form = secret_url(rng)
            put("url", value, f"url/{lang}/{situation}.{form}")
        elif tok == "MAC":
            out.append(":".join(f"{rng.randint(0, 255):02x}" for _ in range(6)))
        elif tok == "HELLO":
            out.append(HELLO[lang])
        elif tok in DECOYS:
            sort, make = DECOYS[tok]
            put("decoy", make(rng), f"decoy/{lang}/{sort}")
        else:
            raise KeyError(tok)
    out.append(template[pos:])
    text = "".join(out)
    if not sound(text, planted):
        raise _Redraw
    return text, planted


def _whole(text: str, a: int, b: int) -> bool:
    def word(c: str) -> bool:
        return c.isalnum() or unicodedata.combining(c) > 0 or c == "_"

    return (
        (a == 0 or not word(text[a - 1]))
        and (b == len(text) or not word(text[b]))
        and (not unicodedata.combining(text[a]))
    )


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def sound(text: str, planted: Planted) -> bool:
    """Each value occurs as a whole, as often as planted, and overlaps no other value."""
    counts: dict[str, int] = {}
    for _, v, _ in planted:
        counts[v] = counts.get(v, 0) + 1
    if len({(k, v) for k, v, _ in planted}) != len({v for _, v, _ in planted}):
        return False  # one string planted as two kinds
    spans: list[tuple[int, int]] = []
    for v, n in counts.items():
        if v != v.strip() or not v:
            return False
        occ = occurrences(text, v)
        if len(occ) != n or not all(_whole(text, a, b) for a, b in occ):
            return False
        spans += occ
    spans.sort()
    return all(b <= c for (_, b), (c, _) in itertools.pairwise(spans))


def _text(rng: random.Random, who: _Who, choose: Callable[[], tuple[str, str]], where: str) -> Text:
    for _ in range(60):
        situation, template = choose()
        try:
            text, planted = _render(rng, who, template, situation)
        except _Redraw:
            continue
        return Text(text, planted, where)
    raise RuntimeError(f"bank 17: no sound text for {who.lang}")


def _profile(rng: random.Random, platform: str, who: _Who) -> dict[str, Any]:
    latin = SCRIPTS.get(who.lang) is not None and rng.random() < 0.4
    first, last = (who.first_lat, who.last_lat) if latin else (who.first, who.last)
    full = who.full_lat if latin else who.full
    if platform == "peki":
        return {"firstName": first, "lastName": last, "email": who.email,
                "phoneNumber": who.phone_e164}  # fmt: skip
    if platform == "kore":
        return {
            "channels": [{"type": "rtm", "channelUId": who.email}],
            "tags": {"userTags": [{"name": "email", "value": who.email},
                                  {"name": "phone", "value": who.phone_e164}]},
        }  # fmt: skip
    address, _ = ip(rng)
    return {"user_info": {"name": full, "email": who.email, "phone": who.phone_e164},
            "ip_address": address}  # fmt: skip


def _const(chosen: tuple[str, str]) -> Callable[[], tuple[str, str]]:
    """A fixed template: a redraw keeps it and draws only new values."""
    return lambda: chosen


def conversation(rng: random.Random, lang: str, budget: int) -> Conversation:
    who = _who(rng, lang)
    platform = rng.choice(("peki", "kore", "selise"))
    person = Person(lang, who.first, who.last, who.email, who.phone_e164, who.phone, REGION[lang])
    conv = Conversation(platform, person, _profile(rng, platform, who))
    user = USER[lang]
    specials = [s for s in SPECIAL if s not in _SCRIPT_ONLY_SPECIAL or lang in SCRIPTS]
    for _ in range(budget):
        r = rng.random()
        if r < 0.30:
            situation = rng.choice(specials)
            temps = SPECIAL_T[situation]
            chosen = (situation, rng.choice(temps))
            conv.texts.append(_text(rng, who, _const(chosen), "message:user"))
        elif r < 0.62:
            conv.texts.append(_text(rng, who, lambda: rng.choice(user), "message:user"))
        elif r < 0.78:
            conv.texts.append(
                _text(rng, who, lambda: ("agent", rng.choice(AGENT[lang])), "message:agent")
            )
        elif r < 0.86:
            conv.texts.append(_text(rng, who, lambda: ("bot-json", rng.choice(BOT)), "message:bot"))
        else:
            if rng.random() < 0.35:
                feedback = rng.choice(user)
                conv.texts.append(
                    _text(rng, who, _const(("feedback", feedback[1])), "raw:feedback")
                )
            else:
                note = rng.choice(NOTES)
                conv.texts.append(_text(rng, who, _const(note), f"raw:{note[0]}"))
    return conv


def corpus(n: int, seed: int) -> list[Conversation]:
    """Conversations holding ``n`` texts in all, the same for the same (n, seed)."""
    rng = random.Random(f"bank17-{seed}")
    out: list[Conversation] = []
    total = 0
    i = 0
    while total < n:
        lang = LANGS[i % len(LANGS)] if i < len(LANGS) else rng.choice(LANGS)
        budget = min(rng.randint(2, 6), n - total)
        out.append(conversation(rng, lang, budget))
        total += budget
        i += 1
    return out
