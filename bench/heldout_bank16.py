"""Held-out masking bank 16: support-chat conversations with planted personal values and decoys.

Written from the scoring interface alone (``bench/masking_quality.py``, the dataclasses of
``bench/heldout_corpus.py``), with its own names (``bench/heldout_bank16_names.py``), phrasings
and formats, and never run through a detector before being scored.

Contents of ``corpus(n, seed)`` (deterministic for (n, seed), exactly n texts):

- ordinary support traffic (about 70 % of texts; the test holds it at ≥ 60 %): customers, bots
  and human agents in banking, telecom, travel, health, retail, public services, insurance,
  utilities and education, in 20 languages: English, German, French, Spanish, Italian,
  Portuguese, Turkish, Dutch, Polish, Hungarian, Finnish, Danish, Norwegian, Swahili, Tagalog,
  Ukrainian (Cyrillic and transliterated), Hebrew, Persian (in script and transliterated),
  Japanese and Korean (in script and romanised). Positions: self-introductions, greetings,
  sign-offs and signatures, line starts, after punctuation, relatives and colleagues (third
  persons), contact updates, payments, bot JSON payloads and echoes, agent confirmations, and
  the free-text fields of the session record (``raw:feedback``, ``raw:notes``,
  ``raw:summary``, ``raw:tags``).
- situations the earlier banks did not use (the rest): airline PNR lines (``SURNAME/GIVEN``),
  commit trailers (``Signed-off-by: Name <mail>``), pasted SQL ``INSERT`` statements, raw
  HTTP request dumps, shell pastes, MECARD QR payloads, mail-merge misfires with unrendered
  placeholders, unified-diff change requests, fixed-width statement lines, bilingual form
  labels, meeting action items, powers of attorney and found-card reports.

What counts as personal (planted with its kind) and what does not:

- a person's full name, a first name alone and a family name alone (with or without a title,
  the title itself not planted) are ``name``; Hungarian, Japanese and Korean family-first
  order is planted as written, as one value; ``SURNAME/GIVEN`` in a PNR is one value; in a
  MECARD ``N:Family,Given`` the two parts are two values. Relatives and colleagues named in a
  message are persons too. Diminutives are not used. Handles and login user names are not
  planted (they are not used either, except role accounts such as ``deploy`` which are not
  personal).
- e-mail addresses of persons are ``email`` (lowercase local parts in varied forms: dots,
  underscores, initials, years, plus-tags); a phone number is ``phone`` as written, with its
  extension when one is written (``ext. 214``, ``x31``): the extension picks the person's line.
  Phones are valid per ``phonenumbers`` in international, national and E.164 forms, except
  class ``phone/<CC>-unassigned/...``: possible but not (yet) assigned numbers, always written
  internationally. Spelled-out phones are not used.
- cards pass Luhn with real IIN ranges (class ``card/<brand>/...``), IBANs pass mod-97 with the
  country's length (``iban/<CC>/...``), IPv4 and IPv6 addresses of the customer are ``ip``,
  URLs carrying a token or signature in their query or path are ``url``.
- decoys (kind ``decoy``, class ``decoy/<sort>``): order numbers, tracking codes, prices,
  dates, times, versions (one part above 255, so never an IPv4), case references, product
  names, streets and companies named after people, brand handles, e-mail-like asset names
  (``logo@2x.png``), loyalty numbers failing Luhn, IBAN-shaped strings failing mod-97,
  template placeholders and flight numbers.

Class names: ``<kind>/<language, country, brand or form>/<situation>``. Every planted value
occurs in its text exactly as often as it was planted, bounded by non-alphanumeric
characters, and no two planted values overlap.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers

from bench.heldout_bank16_names import LATIN, SCRIPT
from bench.heldout_corpus import Conversation, Person, Planted, Text

SCRIPT_LANGS = tuple(SCRIPT)
LANGS = (*LATIN, *SCRIPT_LANGS)
REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "hu": "HU", "fi": "FI", "da": "DK", "no": "NO", "sw": "KE",
    "tl": "PH", "uk": "UA", "he": "IL", "fa": "IR", "ja": "JP", "ko": "KR",
}  # fmt: skip
DOMAINS = {
    "banking": ("the replacement card", "a blocked transfer", "the overdraft fee"),
    "telecom": ("the SIM swap", "my roaming bill", "the fibre installation"),
    "travel": ("the rebooking", "my lost suitcase", "the seat upgrade"),
    "health": ("the appointment", "my lab results", "the referral"),
    "retail": ("the return", "a missing parcel", "the warranty repair"),
    "public": ("the permit application", "my residence card", "the parking fine"),
    "insurance": ("the claim", "my policy renewal", "the windscreen damage"),
    "utilities": ("the meter reading", "my final bill", "the gas outage"),
    "education": ("the enrolment", "my transcript", "the course fee"),
}
# what a customer writes about, in their language (English uses DOMAINS)
_TOPIC: dict[str, tuple[str, ...]] = {
    "de": ("der Kartensperre", "meiner letzten Rechnung", "der Umbuchung", "des Zählerstands"),
    "fr": ("ma facture de juin", "le remboursement", "mon rendez-vous", "la résiliation"),
    "es": ("la factura", "mi reserva", "el reembolso", "la portabilidad"),
    "it": ("la bolletta", "il rimborso", "la prenotazione", "la mia polizza"),
    "pt": ("a fatura", "o reembolso", "a marcação da consulta", "o cartão bloqueado"),
    "tr": ("fatura", "iade", "rezervasyon", "kart aidatı"),
    "nl": ("mijn factuur", "de terugbetaling", "de verhuizing", "mijn polis"),
    "pl": ("faktury", "zwrotu", "rezerwacji", "blokady karty"),
    "hu": ("a számla", "a visszatérítés", "a foglalás", "a mérőállás"),
    "fi": ("laskusta", "palautuksesta", "varauksesta", "vakuutuksesta"),
    "da": ("min regning", "refusionen", "bookingen", "flytningen"),
    "no": ("fakturaen", "refusjonen", "bestillingen", "strømmåleren"),
    "sw": ("bili ya umeme", "tiketi yangu", "malipo ya ada", "kadi yangu"),
    "tl": ("bill ko", "refund", "booking ko", "appointment"),
    "uk": ("рахунку", "повернення коштів", "бронювання", "картки"),
    "he": ("החשבונית", "ההחזר", "ההזמנה", "הפוליסה"),
    "fa": ("قبض", "بازپرداخت", "رزرو", "کارت بانکی"),
    "ja": ("請求書", "返金", "予約の変更", "解約手続き"),
    "ko": ("요금 청구서", "환불", "예약 변경", "카드 분실"),
}
ORDINARY = (
    "self-intro", "greeting", "signature", "line-start", "after-punct", "relative",
    "colleague", "contact-update", "payment", "sign-off", "bot-json", "bot-echo",
    "agent-confirm", "raw-feedback", "raw-notes", "raw-summary", "raw-tags",
)  # fmt: skip
SPECIAL = (
    "gds-pnr", "git-trailer", "sql-insert", "http-dump", "shell-paste", "mecard-qr",
    "placeholder-misfire", "change-diff", "fixed-width", "bilingual-form", "action-items",
    "power-of-attorney", "found-card",
)  # fmt: skip

# --- user templates per language: (situation, template) ---------------------------------------
# markers: ⟦N⟧ full name as the language writes it, ⟦NL⟧ full name in Latin (given first),
# ⟦F⟧/⟦FL⟧ first name, ⟦L⟧ family name, ⟦R⟧ a relative's or colleague's full name, ⟦P⟧ phone,
# ⟦E⟧ e-mail, ⟦C⟧ card, ⟦I⟧ IBAN, ⟦U⟧ URL with a secret, ⟦IP⟧ IP address, ⟦X⟧ a decoy.
_USER: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("self-intro", "Hi there, ⟦N⟧ here. It's about {t}, ticket ⟦X⟧."),
        ("contact-update", "Could you update my mobile to ⟦P⟧ and my email to ⟦E⟧? Cheers"),
        ("relative", "I'm calling for my mum, ⟦R⟧ - she can't type well. Her card ends badly: ⟦C⟧"),
        ("sign-off", "That sorted {t}, thanks a lot!\n-- ⟦F⟧"),
        ("payment", "Refund to ⟦I⟧ please (account holder ⟦N⟧)."),
        ("after-punct", "The link in your text doesn't work:⟦U⟧ says expired?"),
    ),
    "de": (
        ("self-intro", "Guten Tag, mein Name ist ⟦N⟧ und ich melde mich wegen {t}."),
        ("contact-update", "Bitte neue Nummer hinterlegen: ⟦P⟧. Mail bleibt ⟦E⟧."),
        ("colleague", "Jemand aus meinem Team, ⟦R⟧, hatte dasselbe Problem, Vorgang ⟦X⟧."),
        ("signature", "Vielen Dank im Voraus\nMit freundlichen Grüßen\n⟦N⟧\n⟦P⟧"),
        ("payment", "Die Erstattung bitte auf ⟦I⟧, Kontoinhaber: ⟦N⟧."),
        ("after-punct", "Der Link (⟦U⟧) geht nicht, abgelaufen?"),
    ),
    "fr": (
        ("self-intro", "Bonjour, je suis ⟦N⟧, je vous écris pour {t}."),
        ("contact-update", "Mon nouveau numéro : ⟦P⟧ ; mon adresse : ⟦E⟧."),
        ("relative", "C'est ma fille ⟦R⟧ qui gère le dossier ⟦X⟧ normalement."),
        ("sign-off", "Merci beaucoup, bonne journée !\n⟦F⟧"),
        ("payment", "Ma carte ⟦C⟧ a été débitée deux fois."),
    ),
    "es": (
        ("greeting", "Hola, buenas. Soy ⟦F⟧ ⟦L⟧ y tengo un problema con {t}."),
        ("contact-update", "Mi teléfono es el ⟦P⟧, o escribidme a ⟦E⟧."),
        ("relative", "Llamo de parte de mi padre, ⟦R⟧, por el pedido ⟦X⟧."),
        ("payment", "Pagué con la tarjeta ⟦C⟧, titular ⟦N⟧."),
        ("sign-off", "Gracias por todo. Un saludo, ⟦N⟧"),
    ),
    "it": (
        ("self-intro", "Buongiorno, sono ⟦N⟧. Vi scrivo per {t}."),
        ("contact-update", "Il mio cellulare è cambiato: ⟦P⟧. Email: ⟦E⟧"),
        ("colleague", "Il mio collega ⟦R⟧ ha ricevuto la pratica ⟦X⟧."),
        ("payment", "Rimborso sull'IBAN ⟦I⟧, intestato a ⟦N⟧, grazie."),
        ("sign-off", "Grazie mille e buona serata,\n⟦F⟧"),
    ),
    "pt": (
        ("self-intro", "Olá! Chamo-me ⟦N⟧ e preciso de ajuda com {t}."),
        ("contact-update", "O meu contacto é ⟦P⟧ e o e-mail ⟦E⟧."),
        ("relative", "A minha avó, ⟦R⟧, não consegue entrar na conta."),
        ("payment", "Podem devolver para o IBAN ⟦I⟧? Obrigada."),
        ("sign-off", "Fico a aguardar.\nCumprimentos,\n⟦N⟧"),
    ),
    "tr": (
        ("self-intro", "Merhaba, ben ⟦N⟧. {t} konusunda yazıyorum."),
        ("contact-update", "Yeni numaram: ⟦P⟧, e-posta adresim: ⟦E⟧"),
        ("relative", "Eşim ⟦R⟧ adına başvuru yapmıştık, dosya no ⟦X⟧."),
        ("payment", "Kartım ⟦C⟧ iki kez çekim yapıldı."),
        ("sign-off", "Teşekkürler, iyi çalışmalar.\n⟦F⟧"),
    ),
    "nl": (
        ("self-intro", "Goedemiddag, u spreekt met ⟦N⟧, het gaat om {t}."),
        ("contact-update", "Mijn nieuwe nummer is ⟦P⟧; mail: ⟦E⟧."),
        ("relative", "Mijn partner ⟦R⟧ heeft het account aangemaakt."),
        ("payment", "Graag terugstorten op ⟦I⟧ t.n.v. ⟦N⟧."),
        ("sign-off", "Alvast bedankt!\nGroetjes, ⟦F⟧"),
    ),
    "pl": (
        ("self-intro", "Dzień dobry, nazywam się ⟦N⟧, piszę w sprawie {t}."),
        ("contact-update", "Proszę o kontakt pod numerem ⟦P⟧ lub mailowo: ⟦E⟧."),
        ("colleague", "Koleżanka z pracy, ⟦R⟧, poleciła mi ten czat."),
        ("payment", "Zwrot proszę na konto ⟦I⟧."),
        ("sign-off", "Pozdrawiam serdecznie\n⟦N⟧"),
    ),
    "hu": (
        ("self-intro", "Jó napot! ⟦N⟧ vagyok, {t} ügyében írok."),
        ("contact-update", "Az új telefonszámom: ⟦P⟧, e-mail: ⟦E⟧"),
        ("relative", "Az édesanyám, ⟦R⟧ nevében érdeklődöm."),
        ("payment", "Kérem a visszautalást erre a számlára: ⟦I⟧."),
        ("sign-off", "Köszönöm szépen!\nÜdvözlettel: ⟦N⟧"),
    ),
    "fi": (
        ("self-intro", "Hei, olen ⟦N⟧ ja kysyisin {t}."),
        ("contact-update", "Uusi puhelinnumeroni on ⟦P⟧ ja sähköposti ⟦E⟧."),
        ("colleague", "Työkaverini ⟦R⟧ sanoi, että tämä hoituu täällä."),
        ("payment", "Palautus tilille ⟦I⟧, kiitos."),
        ("sign-off", "Kiitos avusta!\nTerveisin ⟦F⟧"),
    ),
    "da": (
        ("self-intro", "Hej, det er ⟦N⟧. Jeg skriver angående {t}."),
        ("contact-update", "Mit nye nummer er ⟦P⟧, og min mail er ⟦E⟧."),
        ("relative", "Min mand, ⟦R⟧, står også på policen."),
        ("payment", "Pengene kan overføres til ⟦I⟧."),
        ("sign-off", "Tak for hjælpen.\nVenlig hilsen\n⟦N⟧"),
    ),
    "no": (
        ("self-intro", "Hei! Jeg heter ⟦N⟧ og lurer på {t}."),
        ("contact-update", "Nytt mobilnummer: ⟦P⟧. E-post: ⟦E⟧"),
        ("colleague", "Kollegaen min ⟦R⟧ fikk samme feilmelding."),
        ("payment", "Refusjon til konto ⟦I⟧, takk."),
        ("sign-off", "Takk for hjelpen!\nMvh ⟦F⟧"),
    ),
    "sw": (
        ("self-intro", "Habari, mimi ni ⟦N⟧. Nina shida na {t}."),
        ("contact-update", "Namba yangu mpya ni ⟦P⟧, barua pepe ⟦E⟧."),
        ("relative", "Kaka yangu ⟦R⟧ alinisaidia kulipa, risiti ⟦X⟧."),
        ("payment", "Nililipa kwa kadi ⟦C⟧ lakini sijapata tiketi."),
        ("sign-off", "Asante sana!\n⟦F⟧"),
    ),
    "tl": (
        ("self-intro", "Hello po, ako si ⟦N⟧. Tanong ko lang po tungkol sa {t}."),
        ("contact-update", "Ito po ang bago kong number: ⟦P⟧, email ko po ⟦E⟧."),
        ("relative", "Para po ito sa nanay ko, si ⟦R⟧."),
        ("payment", "Nagbayad po ako gamit ang card ⟦C⟧."),
        ("sign-off", "Salamat po!\n- ⟦F⟧"),
    ),
    "uk": (
        ("self-intro", "Добрий день! Мене звати ⟦N⟧, питання щодо {t}."),
        ("contact-update", "Мій новий номер: ⟦P⟧, пошта: ⟦E⟧."),
        ("relative", "Пишу за свою маму, ⟦R⟧, вона не користується чатом."),
        ("line-start", "⟦NL⟧ (латиницею, як у паспорті)."),
        ("sign-off", "Дякую!\n⟦F⟧"),
    ),
    "he": (
        ("self-intro", "שלום, שמי ⟦N⟧ ואני פונה בעניין {t}."),
        ("contact-update", "המספר החדש שלי: ⟦P⟧ , המייל: ⟦E⟧"),
        ("relative", "אני כותב בשם אשתי, ⟦R⟧ , שלא מצליחה להתחבר."),
        ("line-start", "⟦NL⟧ - this is how it is written on my passport."),
        ("sign-off", "תודה רבה!\n⟦F⟧"),
    ),
    "fa": (
        ("self-intro", "سلام، من ⟦N⟧ هستم و درباره {t} سوال دارم."),
        ("contact-update", "شماره جدید من: ⟦P⟧ و ایمیل: ⟦E⟧"),
        ("relative", "از طرف پدرم، ⟦R⟧ ، پیام می‌دهم."),
        ("line-start", "⟦NL⟧ is the spelling on my bank card."),
        ("sign-off", "با تشکر\n⟦F⟧"),
    ),
    "ja": (
        ("self-intro", "お世話になっております。⟦N⟧ と申します。{t} についてご相談です。"),
        ("contact-update", "電話番号を ⟦P⟧ に変更してください。メール：⟦E⟧"),
        ("relative", "母の「⟦R⟧」の代理で問い合わせています。"),
        ("line-start", "⟦NL⟧ (romaji as on my passport)"),
        ("sign-off", "よろしくお願いいたします。\n⟦N⟧"),
    ),
    "ko": (
        ("self-intro", "안녕하세요, ⟦N⟧ 입니다. {t} 관련해서 문의드립니다."),
        ("contact-update", "새 연락처는 ⟦P⟧ 이고 이메일은 ⟦E⟧ 입니다."),
        ("relative", "동생 ⟦R⟧ 대신 문의합니다."),
        ("line-start", "⟦NL⟧ - romanised, as on my card."),
        ("sign-off", "감사합니다.\n⟦N⟧ 드림"),
    ),
}
_AGENT = (
    ("agent-confirm", "Thanks, ⟦F⟧. I've updated {t}; we'll text ⟦P⟧ once it's done."),
    ("agent-confirm", "Dear ⟦N⟧,\nyour case ⟦X⟧ about {t} is now closed.\nKind regards,\nsupport"),
    ("greeting", "Good morning ⟦F⟧! Is ⟦E⟧ still the best address for you?"),
    ("agent-confirm", "⟦F⟧, your ⟦X:product⟧ repair is booked. Updates also on ⟦X:brand-handle⟧."),
    ("after-punct", "Noted.⟦N⟧, the refund goes to ⟦I⟧ within 5 days."),
    ("line-start", "⟦L⟧, please confirm the last four digits of your card."),
    ("payment", "I can see the payment from card ⟦C⟧ on ⟦X:date⟧, ⟦F⟧."),
)
_BOT = (
    ("bot-echo", "You entered: ⟦E⟧ - is that correct? (yes/no)"),
    ("bot-echo", "I found a booking under ⟦N⟧ for {t}, reference ⟦X⟧."),
    ("bot-echo", "We will call you back at ⟦P⟧ today at ⟦X:time⟧."),
    ("bot-echo", "Login from ⟦IP⟧ noticed. Not you? Reset here: ⟦U⟧"),
)
_RAW = (
    ("raw-feedback", "Agent was very helpful with {t}. ⟦F⟧ from ⟦X:city⟧"),
    ("raw-notes", "Customer ⟦N⟧ called re {t}; callback on ⟦P⟧. Escalated as ⟦X⟧."),
    ("raw-summary", "Summary: ⟦N⟧ asked about {t}. Contact ⟦E⟧. Resolved."),
    ("raw-notes", "Fraud check: login from ⟦IP⟧, card ⟦C⟧ blocked; ⟦N⟧ informed."),
    ("raw-tags", "vip;callback;⟦E⟧;{d}"),
)


@dataclass
class _Who:
    lang: str
    first: str  # as the language writes it
    last: str
    first_l: str  # Latin
    last_l: str

    def full(self) -> str:
        if self.lang in ("hu", "ja"):
            return f"{self.last} {self.first}" if self.lang == "hu" else self.last + self.first
        if self.lang == "ko":
            return self.last + self.first
        return f"{self.first} {self.last}"

    def full_l(self) -> str:
        return f"{self.first_l} {self.last_l}"


def _who(rng: random.Random, lang: str) -> _Who:
    if lang in LATIN:
        f, la = rng.choice(LATIN[lang][0]), rng.choice(LATIN[lang][1])
        return _Who(lang, f, la, f, la)
    (fs, fl), (ls, ll) = rng.choice(SCRIPT[lang][0]), rng.choice(SCRIPT[lang][1])
    return _Who(lang, fs, ls, fl, ll)


def _relative(rng: random.Random, w: _Who) -> _Who:
    """Another person of the same language, sharing the family name half the time."""
    while True:
        other = _who(rng, w.lang)
        if rng.random() < 0.5:
            other = _Who(w.lang, other.first, w.last, other.first_l, w.last_l)
        if other.first_l != w.first_l:
            return other


_SPECIAL_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L",
                               "ı": "i", "ß": "ss", "œ": "oe"})  # fmt: skip


def _fold(s: str) -> str:
    """ASCII letters of a Latin-script name (diacritics dropped)."""
    nfkd = unicodedata.normalize("NFKD", s.translate(_SPECIAL_FOLD))
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch))


def _email(rng: random.Random, w: _Who) -> str:
    f = re.sub(r"[^a-z]", "", _fold(w.first_l).lower()) or "user"
    la = re.sub(r"[^a-z]", "", _fold(w.last_l).lower()) or "mail"
    dom = rng.choice(
        ("citromail.hu", "kolumbus.fi", "jubii.dk", "online.no", "ukr.net", "walla.co.il",
         "yahoo.co.jp", "naver.com", "yahoo.com.ph", "gmx.at", "sapo.pt", "tin.it", "web.de",
         "outlook.com", "proton.me", "icloud.com", "o2.pl", "ziggo.nl", "bluewin.ch")
    )  # fmt: skip
    local = rng.choice(
        (
            f"{f}.{la}",
            f"{f[0]}{la}",
            f"{la}_{f}{rng.randint(70, 99)}",
            f"{f}.{la}+{rng.choice(('bank', 'travel', 'shop'))}",
            f"{f}{rng.randint(1965, 2006)}",
            f"{la}.{f[0]}",
        )
    )
    return f"{local}@{dom}"


# --- structured values ------------------------------------------------------------------------


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


_IIN: tuple[tuple[str, Callable[[random.Random], str], int], ...] = (
    ("visa", lambda r: "4" + str(r.randint(10000, 99999)), 16),
    ("mastercard", lambda r: str(r.randint(51, 55)), 16),
    ("mastercard-2series", lambda r: str(r.randint(2221, 2720)), 16),
    ("amex", lambda r: r.choice(("34", "37")), 15),
    ("discover", lambda r: "6011", 16),
    ("jcb", lambda r: str(r.randint(3528, 3589)), 16),
    ("unionpay", lambda r: "62" + str(r.randint(2126, 2925)), 16),
    ("troy", lambda r: "9792", 16),
    ("mir", lambda r: str(r.randint(2200, 2204)), 16),
)


def _card(rng: random.Random) -> tuple[str, str]:
    brand, prefix, length = rng.choice(_IIN)
    body = prefix(rng)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    num = body + _luhn_digit(body)
    if length == 15:
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i : i + 4] for i in range(0, 16, 4)]
    sep = rng.choice((" ", "-", "", " "))
    return sep.join(groups), brand


_IBAN = {
    "GB": "aaaa" + "n" * 14, "DE": "n" * 18, "FR": "n" * 23, "ES": "n" * 20,
    "IT": "a" + "n" * 22, "PT": "n" * 21, "TR": "n" * 5 + "0" + "n" * 16, "NL": "aaaa" + "n" * 10,
    "PL": "n" * 24, "HU": "n" * 24, "FI": "n" * 14, "DK": "n" * 14, "NO": "n" * 11,
    "UA": "n" * 25, "IL": "n" * 19, "IE": "aaaa" + "n" * 14, "CH": "n" * 17,
}  # fmt: skip
IBAN_LENGTH = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "TR": 26, "NL": 18,
               "PL": 28, "HU": 28, "FI": 18, "DK": 18, "NO": 15, "UA": 29, "IL": 23, "IE": 22,
               "CH": 21}  # fmt: skip


def _mod97(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s)) % 97


def _iban_raw(rng: random.Random, cc: str) -> str:
    bban = "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if c == "a"
        else (c if c == "0" else rng.choice("0123456789"))
        for c in _IBAN[cc]
    )
    check = 98 - _mod97(bban + cc + "00")
    return f"{cc}{check:02d}{bban}"


def _iban_written(rng: random.Random, raw: str) -> str:
    if rng.random() < 0.55:
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return raw


def _iban(rng: random.Random, lang: str) -> tuple[str, str]:
    cc = REGION[lang] if REGION[lang] in _IBAN else rng.choice(("GB", "IE", "DE", "CH"))
    return _iban_written(rng, _iban_raw(rng, cc)), cc


_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
_NUMBER_CACHE: dict[tuple[str, int], phonenumbers.PhoneNumber] = {}


def _example(region: str, kind: int) -> phonenumbers.PhoneNumber:
    key = (region, kind)
    if key not in _NUMBER_CACHE:
        ex = phonenumbers.example_number_for_type(region, _TYPES[kind])
        ex = ex or phonenumbers.example_number(region)
        assert ex is not None, region
        _NUMBER_CACHE[key] = ex
    return _NUMBER_CACHE[key]


def _phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    ex = _example(region, rng.randrange(2))
    nsn = phonenumbers.national_significant_number(ex)
    for attempt in range(120):
        keep = min(len(nsn) - 3, rng.randint(1, 3) + attempt // 30)
        digits = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        num = phonenumbers.parse(f"+{ex.country_code}{digits}")
        # +358 18 is Åland, +7 is shared: the number must belong to the region itself
        if phonenumbers.is_valid_number_for_region(num, region):
            return num
    return ex


def _phone(rng: random.Random, region: str, e164_num: phonenumbers.PhoneNumber) -> tuple[str, str]:
    """A phone as written, and the middle segment of its class."""
    r = rng.random()
    fmt = phonenumbers.PhoneNumberFormat
    if r < 0.08:  # possible but not assigned
        cc = phonenumbers.country_code_for_region(region)
        nsn = phonenumbers.national_significant_number(e164_num)
        for _ in range(200):
            digits = str(rng.randint(1, 9)) + "".join(
                rng.choice("0123456789") for _ in range(len(nsn) - 1)
            )
            num = phonenumbers.parse(f"+{cc}{digits}")
            if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
                return f"+{cc} {digits}", f"{region}-unassigned"
    if r < 0.16:
        ext = str(rng.randint(10, 999))
        base = phonenumbers.format_number(e164_num, fmt.INTERNATIONAL)
        return f"{base} {rng.choice(('ext. ', 'x', 'ext '))}{ext}", f"{region}-ext"
    if r < 0.55:
        return phonenumbers.format_number(e164_num, fmt.INTERNATIONAL), region
    if r < 0.85:
        return phonenumbers.format_number(e164_num, fmt.NATIONAL), f"{region}-national"
    return phonenumbers.format_number(e164_num, fmt.E164), region


def _ip(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.7:
        first = rng.choice((31, 46, 62, 78, 85, 91, 109, 151, 176, 185, 188, 212, 217))
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "v4"
    groups = [rng.choice(("2a02", "2a01", "2001", "2003", "2800", "2c0f"))]
    groups += [f"{rng.getrandbits(16):x}" for _ in range(3)]
    tail = [f"{rng.getrandbits(16):x}" for _ in range(rng.randint(1, 4))]
    if len(tail) == 4:
        return ":".join(groups + tail), "v6"
    return ":".join(groups) + "::" + ":".join(tail), "v6-compressed"


def _url(rng: random.Random) -> tuple[str, str]:
    tok = "".join(
        rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(rng.randint(24, 40))
    )
    host = rng.choice(
        (
            "portal.energia-nord.example",
            "my.teleco.example",
            "kunden.bank24.example",
            "booking.airline.example",
            "patient.klinik.example",
            "eservice.gov.example",
        )
    )
    if rng.random() < 0.5:
        key = rng.choice(("token", "reset_token", "sig", "access_key", "otp"))
        return f"https://{host}/account/verify?{key}={tok}&lang=en", "query"
    return f"https://{host}/s/{tok}/statement.pdf", "path"


# --- decoys -----------------------------------------------------------------------------------


def _bad_luhn(rng: random.Random) -> str:
    body = "".join(rng.choice("0123456789") for _ in range(15))
    good = int(_luhn_digit(body))
    return " ".join(f"{body}{(good + rng.randint(1, 9)) % 10}"[i : i + 4] for i in range(0, 16, 4))


def _bad_iban(rng: random.Random) -> str:
    raw = _iban_raw(rng, rng.choice(tuple(_IBAN)))
    check = (int(raw[2:4]) + rng.randint(1, 96)) % 97
    check = check if check >= 2 else check + 2
    out = f"{raw[:2]}{check:02d}{raw[4:]}"
    if _mod97(out[4:] + out[:4]) == 1:  # pragma: no cover - the shift above always breaks it
        out = f"{raw[:2]}{(check + 1) % 97 + 2:02d}{raw[4:]}"
    return _iban_written(rng, out)


DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order-no": lambda r: (
        rng_pick(r, ("#", "ORD-2026-", "Bestellnr. ")) + str(r.randint(100000, 999999))
    ),
    "tracking": lambda r: "JJD" + str(r.randint(10**11, 10**12 - 1)),
    "price": lambda r: rng_pick(
        r,
        (
            "€ 1.249,00",
            "$89.99",
            "12 500 Ft",
            "kr 349,-",
            "₺1.899,90",
            "¥12,800",
            "₩45,000",
            "KSh 2,350",
            "₱1,299.00",
            "£74.50",
        ),
    ),
    "date": lambda r: rng_pick(
        r,
        (
            f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026",
            f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            f"{r.randint(1, 28)} March 2027",
        ),
    ),
    "time": lambda r: f"{r.randint(7, 20):02d}:{r.choice(('00', '15', '30', '45'))}",
    "version": lambda r: (
        f"{r.randint(2, 9)}.{r.randint(1, 20)}.{r.randint(256, 999)}.{r.randint(0, 9)}"
    ),
    "case-ref": lambda r: (
        "CASE-" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
    ),
    "product": lambda r: rng_pick(
        r,
        (
            "Galaxy A54",
            "iPhone 15 Pro",
            "ThinkPad X1 Carbon",
            "Kindle Paperwhite",
            "Dyson V15",
            "Fritz!Box 7590",
        ),
    ),
    "street-after-person": lambda r: rng_pick(
        r,
        (
            "Rákóczi út 12",
            "Karl-Marx-Allee 90",
            "12 rue Victor Hugo",
            "Calle de Cervantes 3",
            "Via Garibaldi 7",
            "Atatürk Bulvarı 45",
            "ul. Kościuszki 4",
            "Mannerheimintie 20",
        ),
    ),
    "company-after-person": lambda r: rng_pick(
        r, ("Ferrero", "Philips", "Dr. Oetker", "Maersk", "Carlsberg", "Siemens", "Porsche")
    ),
    "brand-handle": lambda r: rng_pick(r, ("@IKEA", "@VodafoneUK", "@KLM", "@Telia_Norge")),
    "asset-at-name": lambda r: rng_pick(r, ("logo@2x.png", "icon-home@3x.webp", "banner@2x.jpg")),
    "loyalty-luhn-fail": _bad_luhn,
    "iban-bad-check": _bad_iban,
    "placeholder": lambda r: rng_pick(r, ("{{first_name}}", "%FIRSTNAME%", "[Customer Name]")),
    "flight-no": lambda r: (
        rng_pick(r, ("TK", "LH", "SK", "AY", "KL", "LO")) + str(r.randint(100, 2999))
    ),
    "city": lambda r: rng_pick(r, ("Debrecen", "Tampere", "Aarhus", "Bergen", "Mombasa", "Cebu")),
}


def rng_pick(rng: random.Random, items: tuple[str, ...]) -> str:
    return rng.choice(items)


# --- one text ---------------------------------------------------------------------------------


class _Retry(Exception):
    """The drawn values collide (one inside another); draw again."""


class _Builder:
    def __init__(self) -> None:
        self.text = ""
        self.planted: Planted = []
        self.count: dict[tuple[str, str], int] = {}

    def lit(self, s: str) -> None:
        self.text += s

    def val(self, kind: str, value: str, cls: str) -> None:
        self.text += value
        self.planted.append((kind, value, cls))
        self.count[(kind, value)] = self.count.get((kind, value), 0) + 1

    def done(self, where: str) -> Text:
        spans: list[tuple[int, int]] = []
        for (_kind, value), times in self.count.items():
            occ = [m.start() for m in re.finditer(re.escape(value), self.text)]
            if len(occ) != times:
                raise _Retry
            for a in occ:
                b = a + len(value)
                if (a > 0 and self.text[a - 1].isalnum()) or (
                    b < len(self.text) and self.text[b].isalnum()
                ):
                    raise _Retry
                spans.append((a, b))
        spans.sort()
        if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
            raise _Retry
        seen: dict[str, str] = {}
        planted: Planted = []
        for kind, value, cls in self.planted:
            if seen.get(value, kind) != kind:
                raise _Retry
            seen[value] = kind
            if (kind, value, cls) not in planted:
                planted.append((kind, value, cls))
        return Text(self.text, planted, where)


@dataclass
class _Ctx:
    rng: random.Random
    who: _Who
    email: str
    phone: phonenumbers.PhoneNumber
    region: str
    situation: str


_MARK = re.compile(r"⟦(\w+)(?::([\w-]+))?⟧")


def _fill(ctx: _Ctx, b: _Builder, template: str) -> None:
    rng, w, sit, lang = ctx.rng, ctx.who, ctx.situation, ctx.who.lang
    script = lang in SCRIPT_LANGS and w.first != w.first_l  # else written in Latin here
    pos = 0
    for m in _MARK.finditer(template):
        b.lit(template[pos : m.start()])
        pos = m.end()
        mark, arg = m.group(1), m.group(2)
        tag = f"{lang}-script" if script else (f"{lang}-latn" if lang in SCRIPT_LANGS else lang)
        if mark == "N":
            b.val("name", w.full(), f"name/{tag}/{sit}")
        elif mark == "NL":
            b.val("name", w.full_l(), f"name/{lang}-latn/{sit}")
        elif mark == "F":
            b.val("name", w.first, f"name/{tag}-first/{sit}")
        elif mark == "FL":
            b.val("name", w.first_l, f"name/{lang}-latn-first/{sit}")
        elif mark == "L":
            b.val("name", w.last, f"name/{tag}-family/{sit}")
        elif mark == "R":
            other = _relative(rng, w)
            b.val("name", other.full(), f"name/{tag}-third/{sit}")
        elif mark == "P":
            value, form = _phone(rng, ctx.region, ctx.phone)
            b.val("phone", value, f"phone/{form}/{sit}")
        elif mark == "E":
            b.val("email", ctx.email, f"email/{lang}/{sit}")
        elif mark == "C":
            value, brand = _card(rng)
            b.val("card", value, f"card/{brand}/{sit}")
        elif mark == "I":
            value, cc = _iban(rng, lang)
            b.val("iban", value, f"iban/{cc}/{sit}")
        elif mark == "U":
            value, place = _url(rng)
            b.val("url", value, f"url/{place}/{sit}")
        elif mark == "IP":
            value, form = _ip(rng)
            b.val("ip", value, f"ip/{form}/{sit}")
        elif mark == "X":
            sort = arg or rng.choice(("order-no", "tracking", "case-ref", "date", "price"))
            b.val("decoy", DECOYS[sort](rng), f"decoy/{sort}")
        else:  # pragma: no cover - a template typo
            raise ValueError(mark)
    b.lit(template[pos:])


def _topic(rng: random.Random) -> tuple[str, str]:
    domain = rng.choice(tuple(DOMAINS))
    return rng.choice(DOMAINS[domain]), domain


def _ordinary(ctx: _Ctx) -> Text:
    rng, lang = ctx.rng, ctx.who.lang
    r = rng.random()
    topic, domain = _topic(rng)
    if r < 0.55:
        sit, tpl, where = *rng.choice(_USER[lang]), "message:user"
    elif r < 0.68:
        sit, tpl, where = *rng.choice(_AGENT), "message:agent"
    elif r < 0.78:
        sit, tpl, where = *rng.choice(_BOT), "message:bot"
    elif r < 0.88:
        return _bot_json(ctx)
    else:
        sit, tpl = rng.choice(_RAW)
        where = "raw:" + sit.removeprefix("raw-")
    ctx.situation = sit
    b = _Builder()
    if lang in SCRIPT_LANGS and where != "message:user" and rng.random() < 0.5:
        ctx.who = _Who(lang, ctx.who.first_l, ctx.who.last_l, ctx.who.first_l, ctx.who.last_l)
    if where == "message:user" and lang in _TOPIC:
        topic = rng.choice(_TOPIC[lang])
    _fill(ctx, b, tpl.replace("{t}", topic).replace("{d}", domain))
    return b.done(where)


def _bot_json(ctx: _Ctx) -> Text:
    rng, w = ctx.rng, ctx.who
    ctx.situation = "bot-json"
    b = _Builder()
    intent = rng.choice(("update_contact", "verify_identity", "book_callback", "refund_request"))
    b.lit('{"intent": "' + intent + '", "slots": {"customer_name": "')
    name = w.full() if rng.random() < 0.5 else w.full_l()
    tag = w.lang
    if w.lang in SCRIPT_LANGS:
        tag += "-latn" if name == w.full_l() else "-script"
    b.val("name", name, f"name/{tag}/bot-json")
    b.lit('", "phone": "')
    value, form = _phone(rng, ctx.region, ctx.phone)
    b.val("phone", value, f"phone/{form}/bot-json")
    b.lit('", "email": "')
    b.val("email", ctx.email, f"email/{w.lang}/bot-json")
    b.lit('", "ticket": "')
    b.val("decoy", DECOYS["case-ref"](rng), "decoy/case-ref")
    b.lit('"}, "confidence": 0.93}')
    text = b.done("message:bot")
    json.loads(text.text)  # JSON escaping would move values: the values here need none
    return text


# --- the situations no earlier bank used ------------------------------------------------------


def _pnr(s: str) -> str:
    """A name part as a reservation system stores it: ASCII capitals only."""
    return re.sub(r"[^A-Z]", "", _fold(s).upper())


def _special(ctx: _Ctx) -> Text:
    rng, w = ctx.rng, ctx.who
    sit = rng.choice(SPECIAL)
    ctx.situation = sit
    b = _Builder()
    lat = _Who(w.lang, w.first_l, w.last_l, w.first_l, w.last_l)
    tag = f"{w.lang}-latn" if w.lang in SCRIPT_LANGS else w.lang
    fmt = phonenumbers.PhoneNumberFormat

    def name(value: str, sub: str = "") -> None:
        b.val("name", value, f"name/{tag}{sub}/{sit}")

    def phone() -> None:
        value, form = _phone(rng, ctx.region, ctx.phone)
        b.val("phone", value, f"phone/{form}/{sit}")

    def email() -> None:
        b.val("email", ctx.email, f"email/{w.lang}/{sit}")

    def decoy(sort: str) -> None:
        b.val("decoy", DECOYS[sort](rng), f"decoy/{sort}")

    if sit == "gds-pnr":
        b.lit("My booking shows this, is the name right?\n 1.1 ")
        name(f"{_pnr(lat.last_l)}/{_pnr(lat.first_l)}", "-pnr")
        b.lit(f" {rng.choice(('MRS', 'MR', 'MS'))}\n 2  ")
        decoy("flight-no")
        b.lit(f" Y {rng.randint(10, 28)}MAR IST AMS HK1  ")
        decoy("time")
        b.lit("\n 3 APM ")
        b.val("phone", phonenumbers.format_number(ctx.phone, fmt.E164), f"phone/{ctx.region}/{sit}")
    elif sit == "git-trailer":
        b.lit(
            "Your CI rejects this commit, see trailer:\n\n    fix: retry upload\n\n"
            "    Signed-off-by: "
        )
        name(lat.full_l())
        b.lit(" <")
        email()
        b.lit(">\n    Co-authored-by: ")
        other = _relative(rng, w)
        b.val("name", other.full_l(), f"name/{tag}-third/{sit}")
        b.lit(" <noreply@ci.example>\nBuild ")
        decoy("version")
    elif sit == "sql-insert":
        b.lit(
            "Import fails on this row:\nINSERT INTO customers (name, email, phone, iban) VALUES ('"
        )
        name(w.full().replace("'", "’"))  # a plain apostrophe would end the SQL string
        b.lit("', '")
        email()
        b.lit("', '")
        phone()
        b.lit("', '")
        value, cc = _iban(rng, w.lang)
        b.val("iban", value, f"iban/{cc}/{sit}")
        b.lit("');")
    elif sit == "http-dump":
        b.lit("POST /api/v2/profile HTTP/1.1\nHost: api.shop.example\nX-Forwarded-For: ")
        value, form = _ip(rng)
        b.val("ip", value, f"ip/{form}/{sit}")
        b.lit("\nReferer: ")
        value, place = _url(rng)
        b.val("url", value, f"url/{place}/{sit}")
        b.lit('\nContent-Type: application/json\n\n{"email": "')
        email()
        b.lit('"}\n-> 502 after ')
        decoy("version")
    elif sit == "shell-paste":
        b.lit("$ ssh deploy@")
        value, form = _ip(rng)
        b.val("ip", value, f"ip/{form}/{sit}")
        b.lit("\nPermission denied (publickey).\n$ curl -s '")
        value, place = _url(rng)
        b.val("url", value, f"url/{place}/{sit}")
        b.lit("'\n  saved ")
        decoy("asset-at-name")
        b.lit(" (0 bytes)\nwhat am I doing wrong? - ")
        name(lat.first_l, "-first")
    elif sit == "mecard-qr":
        b.lit("The QR on my badge decodes to MECARD:N:")
        name(lat.last_l, "-family")
        b.lit(",")
        name(lat.first_l, "-first")
        b.lit(";TEL:")
        b.val("phone", phonenumbers.format_number(ctx.phone, fmt.E164), f"phone/{ctx.region}/{sit}")
        b.lit(";EMAIL:")
        email()
        b.lit(";; but the app shows the wrong company, ")
        decoy("company-after-person")
    elif sit == "placeholder-misfire":
        b.lit("Your newsletter said 'Dear ")
        decoy("placeholder")
        b.lit(",' lol. It's ")
        name(lat.first_l, "-first")
        b.lit(", and please unsubscribe ")
        email()
        b.lit(".")
    elif sit == "change-diff":
        b.lit("Please apply:\n- phone: ")
        old = _phone_number(rng, ctx.region)
        b.val(
            "phone", phonenumbers.format_number(old, fmt.INTERNATIONAL), f"phone/{ctx.region}/{sit}"
        )
        b.lit("\n+ phone: ")
        b.val(
            "phone",
            phonenumbers.format_number(ctx.phone, fmt.INTERNATIONAL),
            f"phone/{ctx.region}/{sit}",
        )
        b.lit("\n  name: ")
        name(w.full())
    elif sit == "fixed-width":
        d1 = DECOYS["date"](rng)
        b.lit("Which of these is wrong?\n")
        b.val("decoy", d1, "decoy/date")
        b.lit("  TRANSFER  ")
        name(lat.full_l().upper(), "-upper")
        b.lit(" " * rng.randint(2, 6))
        value, cc = _iban(rng, w.lang)
        b.val("iban", value, f"iban/{cc}/{sit}")
        b.lit("   -")
        decoy("price")
    elif sit == "bilingual-form":
        b.lit("Name / Név / Nimi: ")
        name(lat.full_l())
        b.lit("\nE-mail / Sähköposti: ")
        email()
        b.lit("\nPhone / Telefon: ")
        phone()
        b.lit("\nAddress / Cím: ")
        decoy("street-after-person")
    elif sit == "action-items":
        b.lit("Action items from today's call:\n- [ ] ")
        name(lat.first_l, "-first")
        b.lit(" to send the form to ")
        email()
        b.lit("\n- [x] we call back on ")
        phone()
        b.lit(" by ")
        decoy("date")
    elif sit == "power-of-attorney":
        b.lit("I, ")
        name(w.full())
        b.lit(", authorise my son ")
        other = _relative(rng, w)
        b.val("name", other.full(), f"name/{tag}-third/{sit}")
        b.lit(" to act for me on account ")
        value, cc = _iban(rng, w.lang)
        b.val("iban", value, f"iban/{cc}/{sit}")
        b.lit(".")
    else:  # found-card
        b.lit("Found a card at the counter: ")
        value, brand = _card(rng)
        b.val("card", value, f"card/{brand}/{sit}")
        b.lit(", name on it ")
        name(lat.full_l().upper(), "-upper")
        b.lit(". Loyalty card next to it: ")
        decoy("loyalty-luhn-fail")
        b.lit(", and an IBAN slip ")
        decoy("iban-bad-check")
    return b.done(rng.choice(("message:user", "message:user", "raw:notes")))


# --- conversations ----------------------------------------------------------------------------


def _text(ctx: _Ctx, ordinary: bool) -> Text:
    base = ctx.who
    for _ in range(40):
        ctx.who = base
        try:
            return _ordinary(ctx) if ordinary else _special(ctx)
        except _Retry:
            continue
    raise RuntimeError("bank 16: no collision-free text after 40 draws")  # pragma: no cover


def _profile(
    rng: random.Random, platform: str, w: _Who, email: str, e164: str
) -> dict[str, object]:
    script = w.lang in SCRIPT_LANGS and rng.random() < 0.5
    first, last = (w.first, w.last) if script else (w.first_l, w.last_l)
    if platform == "peki":
        prof: dict[str, object] = {
            "firstName": first,
            "lastName": last,
            "username": f"u{rng.getrandbits(24):06x}",
        }
        if rng.random() < 0.7:
            prof["email"] = email
        if rng.random() < 0.6:
            prof["phoneNumber"] = e164
        return prof
    if platform == "kore":
        tags = [{"name": "email", "value": email}] if rng.random() < 0.6 else []
        if rng.random() < 0.3:
            tags.append({"name": "phone", "value": e164})
        return {"channel": "rtm", "tags": {"userTags": tags, "sessionTags": []}}
    info: dict[str, object] = {"name": f"{first} {last}", "email": email}
    if rng.random() < 0.5:
        info["phone"] = e164
    return {"user_info": info, "ip_address": f"85.{rng.randint(0, 255)}.{rng.randint(0, 255)}.7"}


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in conversations of one to five texts, deterministic for (n, seed)."""
    rng = random.Random(f"heldout-bank16/{seed}")
    out: list[Conversation] = []
    total = 0
    while total < n:
        lang = rng.choice(LANGS)
        w = _who(rng, lang)
        region = REGION[lang]
        email = _email(rng, w)
        num = _phone_number(rng, region)
        e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
        platform = rng.choice(("peki", "kore", "selise"))
        person = Person(lang, w.first, w.last, email, e164, e164, region)
        conv = Conversation(platform, person, _profile(rng, platform, w, email, e164))
        for _ in range(min(rng.randint(1, 5), n - total)):
            ctx = _Ctx(rng, w, email, num, region, "")
            conv.texts.append(_text(ctx, rng.random() < 0.7))
        total += len(conv.texts)
        out.append(conv)
    return out
