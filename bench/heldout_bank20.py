# ruff: noqa: E501  (phrasing tables: one template a line)
"""Held-out masking bank 20: support chat in 23 languages plus documents pasted into chats.

Written from the scoring interface of ``bench/masking_quality.py`` and the dataclasses of
``bench/heldout_corpus.py`` alone; names come from ``bench/heldout_bank20_names.py``.

What the bank holds (``corpus(n, seed)``, deterministic, ``n`` texts in all):

* Ordinary support traffic (at least 60 % of texts; about three quarters in practice):
  customers, bots and human agents in banking, telecom, travel, health, retail, public
  services, insurance, utilities and education, in English, German, French, Spanish,
  Italian, Portuguese, Turkish, Dutch, Polish and, as extra languages, Belarusian, Kyrgyz,
  Marathi, Punjabi, Kannada, Sinhala, Burmese, Igbo, Xhosa, Malagasy, Faroese, Frisian,
  Pashto and Maori. Names of Belarusian and Kyrgyz (Cyrillic), Marathi (Devanagari), Punjabi
  (Gurmukhi), Kannada, Sinhala, Burmese (Myanmar) and Pashto (Arabic script) people are
  written in their script or romanised; the class says which (``name/pa-Guru/...`` or
  ``name/pa-Latn/...``). Positions: line starts, greetings, sign-offs, agent signatures,
  self-introductions, third persons (a relative, a colleague), after punctuation, inside
  JSON, and in free-text fields of the session record (``raw:feedback``, ``raw:notes``,
  ``raw:summary``, ``raw:tags``).
* Situations earlier banks did not use (the rest): boarding-pass barcodes (BCBP), job
  applications, real-estate viewings, insurance claims with witnesses, lab results, payroll
  slips, expense reports, donation receipts, e-mail threads with Cc lists, WhatsApp group
  exports, Jira comments, Trello cards, conference badges, contact-tracing forms, pet
  registrations, wedding guest lists, volunteer rosters and alumni directories.

What counts as personal (planted with its kind):

* ``name``: a person's first name alone, family name alone, or both, each planted as the
  span the text writes (first and family name apart when they stand apart; "Gill Randhawa"
  as one span when written together). Names that are words ("Gill", "Vola", "Mere") count
  when they name a person. Burmese names have no family name: the whole name is one value.
  A boarding pass's ``SURNAME/GIVEN`` plants the two halves apart. Handles of persons are not
  used; brand handles are decoys.
* ``email``: a person's address in any form (dotted, initials, plus tags, upper case,
  inside angle brackets after a display name, which is planted as a name).
* ``phone``: numbers valid per ``phonenumbers`` in international, national, E.164 and
  ``00`` forms; a fixed line with an extension is one value including the extension
  (class ``.../ext``); numbers that are possible but not assigned, always international,
  carry ``.../unassigned``.
* ``card`` (Luhn, real IIN ranges), ``iban`` (mod-97, the country's length), ``ip`` (the
  person's IPv4 or IPv6), ``url`` (a URL carrying a token, signature or password in its
  query, path or userinfo).
* ``decoy``: not personal, each sort its own class: order numbers, tracking codes, prices,
  dates, times, versions, reference codes, product names, streets and companies named after
  people, brand handles, e-mail-like strings that are not addresses, 16-digit numbers
  failing Luhn, IBAN-shaped strings failing mod-97, plain URLs, flight numbers.

Every planted value occurs in its text exactly where planted (``placements`` gives the
spans), as a whole value (no letter or digit either side), never overlapping another, and
nowhere else in the text; a draw that breaks this is drawn again.

Classes read ``kind/<lang or lang-Script>/<situation>`` (support situations start with
``support-``), with a fourth part for phone forms and decoy sorts.
"""

from __future__ import annotations

import itertools
import random
import re
import string
import unicodedata
from collections.abc import Callable

import phonenumbers

from bench.heldout_bank20_names import MONONYM, NAMES, Name
from bench.heldout_corpus import Conversation, Person, Planted, Text

Span = tuple[int, int]

LANGS = tuple(NAMES)
REGION = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "be": "BY", "ky": "KG", "mr": "IN", "pa": "IN", "kn": "IN",
    "si": "LK", "my": "MM", "ig": "NG", "xh": "ZA", "mg": "MG", "fo": "FO", "fy": "NL",
    "ps": "AF", "mi": "NZ",
}  # fmt: skip
IBAN_COUNTRY = {
    "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "tr": "TR",
    "nl": "NL", "pl": "PL", "be": "BY", "fo": "FO", "fy": "NL", "ps": "PK",
}  # fmt: skip
#: country -> BBAN layout: (count, a=letters / n=digits / c=letters or digits), IBAN length
BBAN: dict[str, tuple[str, int]] = {
    "GB": ("4a14n", 22), "DE": ("18n", 22), "FR": ("23n", 27), "ES": ("20n", 24),
    "IT": ("1a22n", 27), "PT": ("21n", 25), "TR": ("6n16c", 26), "NL": ("4a10n", 18),
    "PL": ("24n", 28), "BY": ("4c4n16c", 28), "FO": ("14n", 18), "PK": ("4a16c", 24),
    "BE": ("12n", 16), "AT": ("16n", 20), "CH": ("17n", 21),
}  # fmt: skip
IIN: tuple[tuple[str, int, int], ...] = (  # prefix range start, end, length
    ("4", 4, 16), ("51", 55, 16), ("2221", 2720, 16), ("34", 34, 15), ("37", 37, 15),
    ("6011", 6011, 16), ("3528", 3589, 16), ("62", 62, 16), ("36", 36, 14),
)  # fmt: skip
SCRIPT_LANGS = tuple(lang for lang, (script, _, _) in NAMES.items() if script != "Latn")

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ı": "i", "ð": "d", "Ð": "D", "ø": "o"})


def ascii_fold(s: str) -> str:
    """``s`` without diacritics, as an e-mail address or a boarding pass writes it."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if c.isascii())


def _latin(n: Name) -> str:
    return n if isinstance(n, str) else n[1]


def _written(n: Name, script: bool) -> str:
    return n if isinstance(n, str) else n[0] if script else n[1]


# --- structured values -------------------------------------------------------------------

_MAIL_DOMAINS = {
    "en": ("btinternet.com", "gmail.com", "outlook.com"),
    "de": ("web.de", "gmx.de", "t-online.de"),
    "fr": ("orange.fr", "laposte.net", "free.fr"),
    "es": ("telefonica.net", "gmail.com", "hotmail.es"),
    "it": ("libero.it", "virgilio.it", "tiscali.it"),
    "pt": ("sapo.pt", "gmail.com", "netcabo.pt"),
    "tr": ("hotmail.com.tr", "yandex.com.tr", "gmail.com"),
    "nl": ("ziggo.nl", "kpnmail.nl", "xs4all.nl"),
    "pl": ("wp.pl", "onet.pl", "interia.pl"),
    "be": ("tut.by", "mail.by", "gmail.com"),
    "ky": ("mail.kg", "gmail.com", "yandex.ru"),
    "mr": ("rediffmail.com", "yahoo.co.in", "gmail.com"),
    "pa": ("yahoo.co.in", "gmail.com", "outlook.com"),
    "kn": ("rediffmail.com", "gmail.com", "zoho.in"),
    "si": ("sltnet.lk", "gmail.com", "yahoo.com"),
    "my": ("gmail.com", "mptmail.net.mm", "yahoo.com"),
    "ig": ("yahoo.com", "gmail.com", "unn.edu.ng"),
    "xh": ("telkomsa.net", "webmail.co.za", "gmail.com"),
    "mg": ("moov.mg", "gmail.com", "yahoo.fr"),
    "fo": ("olivant.fo", "post.olivant.fo", "gmail.com"),
    "fy": ("hetnet.nl", "ziggo.nl", "planet.nl"),
    "ps": ("yahoo.com", "gmail.com", "hotmail.com"),
    "mi": ("xtra.co.nz", "gmail.com", "slingshot.co.nz"),
}


def email(rng: random.Random, lang: str, first: str, last: str) -> str:
    f = re.sub(r"[^a-z]", "", ascii_fold(first).lower()) or "x"
    la = re.sub(r"[^a-z]", "", ascii_fold(last).lower()) or f
    dom = rng.choice(_MAIL_DOMAINS[lang])
    form = rng.randrange(7)
    local = (
        f"{f}.{la}",
        f"{f[0]}.{la}",
        f"{f}{la}+{rng.choice(('bank', 'shop', 'travel', 'promo'))}",
        f"{la}_{f}{rng.randint(2, 99)}",
        f"{f}-{la}",
        f"{la}.{f[0]}{rng.randint(1970, 2006)}",
        f"{f[:3]}{la[:4]}",
    )[form]
    out = f"{local}@{dom}"
    return out.upper() if rng.random() < 0.05 else out


_EXAMPLE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)


def _valid_number(rng: random.Random, region: str, fixed: bool) -> phonenumbers.PhoneNumber:
    ex = phonenumbers.example_number_for_type(region, _EXAMPLE_TYPES[fixed])
    if ex is None:
        ex = phonenumbers.example_number(region)
    nat = str(ex.national_number)
    keep = max(2, len(nat) - 6)
    for _ in range(200):
        cand = nat[:keep] + "".join(rng.choice(string.digits) for _ in nat[keep:])
        num = phonenumbers.parse("+" + str(ex.country_code) + cand)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num):
            return num
    return ex


def _unassigned(rng: random.Random, region: str) -> str | None:
    cc = phonenumbers.country_code_for_region(region)
    ex = phonenumbers.example_number(region)
    length = len(str(ex.national_number)) if ex else 9
    for _ in range(300):
        nat = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(length - 1))
        num = phonenumbers.parse(f"+{cc}{nat}")
        if phonenumbers.is_possible_number(num) and not phonenumbers.is_valid_number(num):
            fmt = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            if fmt.replace(" ", "") == f"+{cc}{nat}" and len(nat) > 5:
                return " ".join(g for g in (f"+{cc}", nat[:3], nat[3:6], nat[6:]) if g)
            return fmt
    return None


def phone(rng: random.Random, region: str) -> tuple[str, str, str]:
    """(as written, E.164, form) for a valid number of ``region``."""
    fixed = rng.random() < 0.35
    num = _valid_number(rng, region, fixed)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    r = rng.random()
    if r < 0.35:
        text, form = (
            phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
            "intl",
        )
    elif r < 0.7:
        text, form = (
            phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL),
            "national",
        )
    elif r < 0.85:
        text, form = e164, "e164"
    else:
        text = (
            "00" + phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)[1:]
        )
        form = "00"
    if fixed and rng.random() < 0.25:
        text += rng.choice((" ext. ", " x", " ext ")) + str(rng.randint(10, 899))
        form = "ext"
    return text, e164, form


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _luhn_digit(body: str) -> str:
    return next(d for d in string.digits if luhn_ok(body + d))


def card_number(rng: random.Random) -> str:
    start, end, length = rng.choice(IIN)
    prefix = str(rng.randint(int(start), end))
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + _luhn_digit(body)


def card(rng: random.Random) -> str:
    digits = card_number(rng)
    if len(digits) == 15 or len(digits) == 14:
        groups = [digits[:4], digits[4:10], digits[10:]]
    else:
        groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    return rng.choice((" ", " ", "-")).join(groups) if rng.random() < 0.8 else digits


def _bban(rng: random.Random, layout: str) -> str:
    out = []
    for count, kind in re.findall(r"(\d+)([anc])", layout):
        pool = {"a": string.ascii_uppercase, "n": string.digits}.get(
            kind, string.ascii_uppercase + string.digits
        )
        out += [rng.choice(pool) for _ in range(int(count))]
    return "".join(out)


def iban_mod97(iban: str) -> int:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def iban_compact(rng: random.Random, country: str, *, valid: bool = True) -> str:
    bban = _bban(rng, BBAN[country][0])
    check = 98 - iban_mod97(f"{country}00{bban}")
    if not valid:
        check = (check + rng.randint(1, 96) - 2) % 97 + 2
        if check == 98 - iban_mod97(f"{country}00{bban}"):
            check = check % 97 + 2
    return f"{country}{check:02d}{bban}"


def iban(rng: random.Random, country: str, *, valid: bool = True) -> str:
    s = iban_compact(rng, country, valid=valid)
    if rng.random() < 0.6:
        return " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return s


def ip(rng: random.Random) -> str:
    if rng.random() < 0.7:
        first = rng.choice((31, 46, 78, 85, 91, 109, 151, 176, 188, 203, 212))
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(5)]
    return f"2a02:{groups[0]}:{groups[1]}:{groups[2]}::{groups[3]}"


def _token(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def secret_url(rng: random.Random) -> str:
    host = rng.choice(
        ("portal.stadtwerke-nord.de", "my.telco-plus.example.com", "claims.assurix.fr",
         "pay.lumenbank.eu", "docs.klinikverbund.de", "files.uni-campus.edu",
         "booking.skyreise.com", "e-gov.servicios.es")
    )  # fmt: skip
    form = rng.randrange(5)
    if form == 0:
        return f"https://{host}/reset-password?token={_token(rng, 32)}"
    if form == 1:
        return f"https://{host}/s/{_token(rng, 24)}/statement.pdf"
    if form == 2:
        return f"https://{host}/api/v2/invoices?api_key={_token(rng, 28)}&lang=en"
    if form == 3:
        user = rng.choice(("svc", "admin", "export"))
        return f"https://{user}:{_token(rng, 12)}@{host}/exports/latest.csv"
    return (
        f"https://{host}/download?file=scan.jpg&X-Amz-Expires=900"
        f"&X-Amz-Signature={''.join(rng.choice('0123456789abcdef') for _ in range(40))}"
    )


# --- decoys: not personal, each sort its own class ----------------------------------------


def _bad_card(rng: random.Random) -> str:
    while True:
        body = rng.choice(("4", "5", "6011")) + "".join(
            rng.choice(string.digits) for _ in range(15 if rng.random() < 0.5 else 12)
        )
        body = body[:16]
        if len(body) == 16 and not luhn_ok(body):
            return " ".join(body[i : i + 4] for i in range(0, 16, 4))


_STREETS = (
    "Rue Victor Hugo", "Karl-Marx-Allee", "Calle de Cervantes", "Via Giuseppe Garibaldi",
    "Avenida Almirante Reis", "Atatürk Bulvarı", "Johan de Wittlaan", "ul. Adama Mickiewicza",
    "Nelson Mandela Drive", "Jomo Kenyatta Avenue",
)  # fmt: skip
_COMPANIES = (
    "Dr. Oetker", "Ferrero", "Philips", "Hugo Boss", "Ralph Lauren", "Tommy Hilfiger",
    "Ben & Jerry's", "Heineken", "Peugeot", "Johnson & Johnson",
)  # fmt: skip
_PRODUCTS = (
    "Galaxy A55", "iPhone 15 Pro", "Fairphone 5", "Kindle Paperwhite", "ThinkPad T14",
    "FritzBox 7590", "Dyson V15", "PlayStation 5 Slim", "Garmin Forerunner 265",
)  # fmt: skip
_HANDLES = ("@KLM", "@DB_Bahn", "@SNCF", "@Iberia", "@TurkishAirlines", "@ING_news", "@Vodafone")


def _decoy_url(rng: random.Random) -> str:
    return rng.choice(
        ("https://www.post.ch/en/receiving", "https://help.example-shop.de/returns",
         "https://www.gov.uk/renew-driving-licence", "https://status.telco-plus.example.com/",
         "https://www.ing.nl/particulier/betalen/index.html")
    )  # fmt: skip


DECOYS: dict[str, Callable[[random.Random], str]] = {
    "order-number": lambda r: f"{r.choice(('ORD', 'BST', 'CMD', 'SIP'))}-{r.randint(2024, 2026)}-{r.randint(10000, 99999)}",
    "tracking-code": lambda r: f"1Z{_token(r, 6).upper()}{r.randint(10**9, 10**10 - 1)}",
    "price": lambda r: r.choice((f"€{r.randint(5, 900)},{r.randint(10, 99)}", f"{r.randint(5, 900)}.{r.randint(10, 99)} GBP", f"₹{r.randint(100, 99999):,}", f"{r.randint(10, 900)} TL")),
    "date": lambda r: r.choice((f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2026", f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", f"{r.randint(1, 28)}/{r.randint(1, 12)}/2026")),
    "time": lambda r: f"{r.randint(7, 21):02d}:{r.choice(('00', '15', '30', '45'))}",
    "version": lambda r: f"v{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 9)}",
    "reference": lambda r: f"REF-{_token(r, 6).upper()}",
    "product": lambda r: r.choice(_PRODUCTS),
    "street": lambda r: r.choice(_STREETS),
    "company": lambda r: r.choice(_COMPANIES),
    "brand-handle": lambda r: r.choice(_HANDLES),
    "email-like": lambda r: r.choice(("git@github.com:acme/billing.git", "logo@2x.png", "@acme/widgets@3.2.1", "icon-user@3x.webp")),
    "card-bad-luhn": _bad_card,
    "iban-bad-check": lambda r: iban(r, r.choice(tuple(BBAN)), valid=False),
    "plain-url": _decoy_url,
    "flight-number": lambda r: f"{r.choice(('LH', 'TK', 'KL', 'AF', 'LX', 'FR'))} {r.randint(100, 2999)}",
}  # fmt: skip


# --- ordinary support traffic: (domain, speaker, template) per language -------------------

SUPPORT: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (
        ("banking", "user", "Hi, {first} here. The card {card} was declined twice at the till today, can you check?"),
        ("telecom", "user", "My number is {phone} and since the upgrade to {d:version} I get no signal. Email me at {email} please."),
        ("utilities", "user", "Meter moved house: new account holder is my partner {rel}, same direct debit from {iban}."),
        ("telecom", "agent", "Thanks for your patience, {first}. I've reset the line, ticket {d:reference}.\n\nKind regards,\n{agent}\nCustomer Care"),
    ),
    "de": (
        ("insurance", "user", "Guten Tag, mein Name ist {full}. Ich melde einen Wasserschaden, Rückruf bitte unter {phone}."),
        ("banking", "user", "Bitte die Rate künftig von {iban} abbuchen. Kontoinhaberin ist meine Mutter {rel}."),
        ("retail", "user", "Bestellung {d:order-number} ({d:product}) ist nicht angekommen. Rechnung an {email}."),
        ("insurance", "agent", "Hallo {first}, die Schadenmeldung ist eingegangen (Az. {d:reference}).\nMit freundlichen Grüßen\n{agent}"),
    ),
    "fr": (
        ("travel", "user", "Bonjour, je suis {full}, vol {d:flight-number} du {d:date}. Mon bagage n'est pas arrivé. Tél. : {phone}"),
        ("public", "user", "Pour la CAF: le dossier est au nom de mon fils {rel}. Vous pouvez écrire à {email}."),
        ("banking", "user", "Opposition sur ma carte {card} svp, je l'ai perdue rue Lafayette. Cordialement, {full}"),
        ("travel", "agent", "Bonjour {first}, votre dossier bagage {d:reference} est ouvert.\nBien à vous,\n{agent} - Service clients"),
    ),
    "es": (
        ("telecom", "user", "Hola, soy {first} {last}. Desde ayer no tengo fibra en casa, mi móvil es {phone}."),
        ("health", "user", "Quiero pedir cita para mi madre, {rel}, con el médico de cabecera. Correo: {email}"),
        ("utilities", "user", "Domiciliad la factura de la luz en {iban}, por favor. Gracias. {full}"),
        ("health", "agent", "Buenos días, {first}: la cita queda para el {d:date} a las {d:time}.\nUn saludo,\n{agent}"),
    ),
    "it": (
        ("banking", "user", "Buongiorno, sono {full}. Vorrei bloccare la carta {card}, me l'hanno rubata."),
        ("education", "user", "Iscrizione di mia figlia {rel} al corso serale: potete rispondere a {email}?"),
        ("insurance", "user", "Sinistro auto del {d:date}: il rimborso va sull'IBAN {iban}. Cell. {phone}"),
        ("banking", "agent", "Gentile {first}, la carta è stata bloccata (pratica {d:reference}).\nCordiali saluti\n{agent}"),
    ),
    "pt": (
        ("telecom", "user", "Olá, chamo-me {full} e o meu tarifário não renovou. Contacto: {phone}"),
        ("retail", "user", "A encomenda {d:order-number} veio errada, pedi um {d:product}. Email {email}"),
        ("public", "user", "Sou o procurador da {rel}; o reembolso do IRS deve ir para {iban}."),
        ("telecom", "agent", "Bom dia {first}, o tarifário já está ativo.\nCumprimentos,\n{agent}\nApoio ao Cliente"),
    ),
    "tr": (
        ("banking", "user", "Merhaba, ben {full}. {card} numaralı kartımdan iki kez {d:price} çekilmiş."),
        ("health", "user", "Annem {rel} için randevu almak istiyorum, telefon {phone}"),
        ("travel", "user", "{d:flight-number} sefer biletimi iptal edin lütfen, e-posta: {email}"),
        ("banking", "agent", "Sayın {first} {last}, itirazınız alınmıştır ({d:reference}).\nSaygılarımızla,\n{agent}"),
    ),
    "nl": (
        ("utilities", "user", "Goedemiddag, {full} hier. De energierekening van {d:price} klopt niet, mijn IBAN is {iban}."),
        ("public", "user", "Mijn buurman {rel} kan zelf niet bellen; hij is bereikbaar op {phone}."),
        ("education", "user", "Kunt u de inschrijving bevestigen via {email}? Groet, {first}"),
        ("utilities", "agent", "Beste {first}, de correctie is verwerkt.\nMet vriendelijke groet,\n{agent}\nKlantenservice"),
    ),
    "pl": (
        ("banking", "user", "Dzień dobry, nazywam się {full}. Proszę o zastrzeżenie karty {card}."),
        ("telecom", "user", "Przenoszę numer {phone} do was od {d:date}, faktury na {email}."),
        ("insurance", "user", "Szkodę zgłasza moja żona {rel}; odszkodowanie proszę przelać na {iban}."),
        ("banking", "agent", "Pani/Panie {last}, karta została zastrzeżona.\nPozdrawiam serdecznie\n{agent}"),
    ),
    "be": (
        ("banking", "user", "Добры дзень, я {full}. Картка {card} заблакавана, дапамажыце."),
        ("telecom", "user", "Мой нумар {phone}, інтэрнэт не працуе з {d:date}. Пошта: {email}"),
        ("public", "user", "Заява за маю бабулю {rel}: пенсію пералічваць на {iban}."),
        ("telecom", "agent", "Шаноўны {first}, заяўка {d:reference} прынята.\nЗ павагай,\n{agent}"),
    ),
    "ky": (
        ("telecom", "user", "Саламатсызбы, мен {full}. Номерим {phone}, баланс туура эмес."),
        ("education", "user", "Уулум {rel} университетке кабыл алындыбы? Жоопту {email} дарегине жибериңиз."),
        ("banking", "user", "{card} картасынан {d:price} эки жолу алынды."),
        ("telecom", "agent", "Урматтуу {first}, өтүнмөңүз кабыл алынды ({d:reference}).\nУрматтоо менен,\n{agent}"),
    ),
    "mr": (
        ("banking", "user", "नमस्कार, मी {full}. माझे कार्ड {card} ब्लॉक करा."),
        ("health", "user", "माझे वडील {rel} यांची अपॉइंटमेंट हवी आहे, फोन {phone}"),
        ("utilities", "user", "वीज बिल {d:price} जास्त आले आहे. ईमेल: {email}"),
        ("health", "agent", "{first} जी, अपॉइंटमेंट {d:date} ला {d:time} वाजता आहे.\nधन्यवाद,\n{agent}"),
    ),
    "pa": (
        ("travel", "user", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਮੈਂ {full} ਹਾਂ। ਫਲਾਈਟ {d:flight-number} ਦੀ ਟਿਕਟ ਬਦਲਣੀ ਹੈ, ਫ਼ੋਨ {phone}"),
        ("retail", "user", "Sat sri akal ji, order {d:order-number} nahi aaya. Mera email {email} hai."),
        ("banking", "user", "ਮੇਰੇ ਭਰਾ {rel} ਦਾ ਖਾਤਾ ਬੰਦ ਕਰਨਾ ਹੈ, ਕਾਰਡ {card}"),
        ("travel", "agent", "{first} ji, tuhadi booking badal ditti gayi hai ({d:reference}).\nDhanvaad,\n{agent}"),
    ),
    "kn": (
        ("telecom", "user", "ನಮಸ್ಕಾರ, ನಾನು {full}. ನನ್ನ ಸಂಖ್ಯೆ {phone} ಗೆ ನೆಟ್‌ವರ್ಕ್ ಇಲ್ಲ."),
        ("education", "user", "ನನ್ನ ಮಗಳು {rel} ಶುಲ್ಕ {d:price} ಪಾವತಿಸಿದೆ. ರಸೀದಿ {email} ಗೆ ಕಳುಹಿಸಿ."),
        ("banking", "user", "Card {card} block maadi please, {first} speaking."),
        ("telecom", "agent", "{first} ಅವರೇ, ದೂರು {d:reference} ದಾಖಲಾಗಿದೆ.\nಧನ್ಯವಾದಗಳು,\n{agent}"),
    ),
    "si": (
        ("banking", "user", "ආයුබෝවන්, මම {full}. මගේ කාඩ්පත {card} අවහිර කරන්න."),
        ("utilities", "user", "විදුලි බිල {d:price} ක්. මගේ දුරකථනය {phone}"),
        ("health", "user", "මගේ අම්මා {rel} ට වෛද්‍ය හමුවක් ඕනේ. ඊමේල් {email}"),
        ("banking", "agent", "{first} මහත්මයාණෙනි, ඉල්ලීම {d:reference} ලැබුණා.\nස්තූතියි,\n{agent}"),
    ),
    "my": (
        ("telecom", "user", "မင်္ဂလာပါ၊ ကျွန်တော် {full} ပါ။ ဖုန်း {phone} အင်တာနက် မရပါ။"),
        ("retail", "user", "Order {d:order-number} ma ya thay bu. Email: {email}"),
        ("banking", "user", "ကျွန်မ အမေ {rel} ရဲ့ ကတ် {card} ပိတ်ပေးပါ။"),
        ("telecom", "agent", "{first} ခင်ဗျာ၊ တိုင်ကြားချက် {d:reference} လက်ခံရရှိပါပြီ။\n{agent}"),
    ),
    "ig": (
        ("banking", "user", "Ndewo, aham bụ {full}. Biko kwụsị kaadị m {card}."),
        ("telecom", "user", "Nọmba m bụ {phone}, data anaghị arụ ọrụ kemgbe {d:date}."),
        ("education", "user", "Nwanne m nwoke {rel} chọrọ transcript; zitere ya na {email}."),
        ("banking", "agent", "Ndewo {first}, anyị anatala arịrịọ gị ({d:reference}).\nDaalụ,\n{agent}"),
    ),
    "xh": (
        ("utilities", "user", "Molo, ndinguye {full}. Umbane uphelile, inombolo yam ngu {phone}."),
        ("public", "user", "Ndibhalela umama wam {rel}; impendulo ithumele ku {email}."),
        ("banking", "user", "Nceda vala ikhadi {card}, lilahlekile."),
        ("utilities", "agent", "Molo {first}, isicelo sakho {d:reference} sifunyenwe.\nEnkosi,\n{agent}"),
    ),
    "mg": (
        ("telecom", "user", "Manao ahoana, izaho dia {full}. Ny laharako {phone} tsy mandeha."),
        ("health", "user", "Mila fotoana ho an'i {rel} aho, reniko. Mailaka: {email}"),
        ("retail", "user", "Tsy tonga ny kaomandy {d:order-number}, {first} no anarako."),
        ("telecom", "agent", "Salama {first}, voaray ny fitarainanao ({d:reference}).\nMisaotra,\n{agent}"),
    ),
    "fo": (
        ("banking", "user", "Góðan dag, eg eiti {full}. Vinarliga steðga kortinum {card}."),
        ("utilities", "user", "Rokningin fyri streym skal gjaldast av {iban}. Tlf. {phone}"),
        ("education", "user", "Sonur mín {rel} skal skrásetast; svar til {email}"),
        ("banking", "agent", "Hey {first}, kortið er steðgað.\nVinarliga,\n{agent}"),
    ),
    "fy": (
        ("insurance", "user", "Goeie, ik bin {full}. Myn fyts is stellen, skea {d:reference}, skilje my op {phone}."),
        ("public", "user", "Myn heit {rel} hat help nedich mei de oanfraach, mail nei {email}."),
        ("utilities", "user", "Graach ôfskriuwe fan {iban}. Groetnis, {first}"),
        ("insurance", "agent", "Bêste {first}, de skea is ferwurke.\nMei freonlike groet,\n{agent}"),
    ),
    "ps": (
        ("banking", "user", "سلام، زه {full} یم. مهرباني وکړئ زما کارت {card} بند کړئ."),
        ("telecom", "user", "زما شمېره {phone} ده، انټرنېټ نه کار کوي."),
        ("public", "user", "زما ورور {rel} پاسپورټ ته اړتیا لري. برېښنالیک: {email}"),
        ("banking", "agent", "ښاغلی {first}، ستاسو غوښتنه {d:reference} ترلاسه شوه.\nمننه،\n{agent}"),
    ),
    "mi": (
        ("public", "user", "Kia ora, ko {full} tōku ingoa. Me waea mai ki {phone}."),
        ("education", "user", "Kei te rēhita au i taku tamāhine a {rel}. Īmēra: {email}"),
        ("health", "user", "Kia ora, he pātai mō taku rongoā, {first} tēnei."),
        ("public", "agent", "Tēnā koe {first}, kua tae mai tō tono ({d:reference}).\nNgā mihi,\n{agent}"),
    ),
}  # fmt: skip

#: bot replies in the person's language or English: echo what the person gave
BOT = (
    '{"type":"confirmation","customer":"{full}","contact":"{email}","ticket":"{d:reference}"}',
    "✔ Thanks {first}! We'll text {phone} when your request {d:reference} moves on.",
    "Bot: Identity check passed for {full}. Last login from {ip} on {d:date}.",
    "Here is your secure link (valid 15 min): {url}",
    "Your parcel {d:tracking-code} is on its way: {d:plain-url}",
)
#: free-text fields of the session record
RAW = (
    ("feedback", "Agent {agent} was very helpful, sorted it in 5 minutes. - {first}"),
    ("notes", "Caller {full}; verified DOB; callback {phone}; escalated to {agent}."),
    ("summary", "Customer {full} reported issue with {d:product}; refund to {iban} approved."),
    ("tags", "vip, {first}, card-lost, {d:reference}"),
    (
        "notes",
        "{full} tweeted at {d:brand-handle}; old card {d:card-bad-luhn} and IBAN {d:iban-bad-check} rejected.",
    ),
    ("notes", "Spoke with {rel} (relative) on behalf of {full}. Email on file: {email}"),
)

# --- situations earlier banks did not use -------------------------------------------------

SITUATIONS: dict[str, tuple[str, ...]] = {
    "bcbp": (
        "Scanner output from the gate:\nM1{LAST}/{FIRST}         E{d:reference} FRAIST TK 1822 123Y014C0042 100",
        "Boarding pass won't scan, the app shows M1{LAST}/{FIRST} EQ8K2LM AMSLHR KL 1007 — seat 14C",
    ),
    "job-application": (
        "Application: Junior Data Analyst\nCandidate: {full}\nE-mail: {email}\nMobile: {phone}\nReferee: {rel}",
        "Dear hiring team, I am {full} and I'd like to apply for the night-shift role. Reach me at {email}.",
    ),
    "viewing": (
        "Viewing confirmed — {d:street} 12, flat 3B, {d:date} {d:time}. Viewer: {full} ({phone}). Agent: {agent}",
        "Hi, {first} here, can I bring my flatmate {rel} to the viewing on {d:date}?",
    ),
    "claim-witness": (
        "Claim {d:reference}: policyholder {full}; witnesses: {rel} (tel. {phone}), {agent}. Payout IBAN {iban}",
        "Witness statement given by {rel} regarding the collision, contact {email}.",
    ),
    "lab-result": (
        "LAB REPORT\nPatient: {full}\nOrdered by: Dr {agent}\nHbA1c 5.4 % (ref. < 5.7)\nReport portal: {url}",
        "Results for {first} {last} are ready; the lab (call {phone}) asked you to log in, not reply.",
    ),
    "payroll": (
        "Payslip 11/2026 | Employee: {full} | Net pay {d:price} paid to {iban} | Payroll contact: {agent}",
        "My payslip shows the wrong IBAN ({iban}); it should be my new account. - {first}",
    ),
    "expense": (
        "Expense report #{d:order-number}\nClaimant: {full}\nHotel {d:price}, taxi {d:price}\nCard used: {card}\nApprover: {agent}",
    ),
    "donation": (
        "Thank you, {full}, for your gift of {d:price}. Receipt {d:reference} was sent to {email}.",
        "Donation receipt — donor {full}, paid by card {card} on {d:date}.",
    ),
    "cc-thread": (
        "From: {full} <{email}>\nTo: support@telco-plus.example.com\nCc: {agent}, {rel}\nSubject: Re: disconnection",
        "Please keep {rel} in Cc. — {first}\n\n> On {d:date}, {agent} wrote:\n> we need a copy of the ID",
    ),
    "whatsapp-group": (
        "[{d:date}, {d:time}] {full}: who has the key to the hall?\n[{d:date}, {d:time}] {rel}: me, call {phone}",
        "{rel} added {full}\n{full}: hi all, my new number is {phone}",
    ),
    "jira": (
        "{agent} commented on SUP-4821:\nCustomer {full} can't log in from {ip}; reset link {url} expired. Repo: {d:email-like}",
        "@{first} please check — assignee {agent} is out until {d:date}.",
    ),
    "trello": (
        "Card: Call back {full}\nChecklist: [x] verify {email} [ ] refund to {iban}\nMembers: {agent}",
    ),
    "badge": (
        "CONFERENCE BADGE\n{FULL}\nSpeaker · {d:company}\nLinkedIn QR / {email}",
        "Lost badge reported: {full}, registered with {email}, seat row 4.",
    ),
    "contact-tracing": (
        "Visitor log — table 7, {d:time}: {full}, {phone}; with {rel}.",
        "Contact form: name {full}; phone {phone}; email {email}; visit {d:date} {d:time}",
    ),
    "pet-registration": (
        "Pet registration: cat 'Pixel', microchip {d:reference} — owner {full}, {phone}, {email}",
    ),
    "guest-list": ("Guest list (table 3): {full} +1, {rel}, {agent}\nRSVP to {email} by {d:date}",),
    "volunteer-roster": ("Saturday food bank: 9-12 {full} ({phone}); 12-15 {rel}; lead {agent}",),
    "alumni": ("Alumni directory, class of 1998: {full} — {email} — now at {d:company}",),
}

# --- building texts ---------------------------------------------------------------------

_SLOT = re.compile(r"\{(d:[a-z-]+|[A-Za-z]+)\}")


class _Who:
    """One person of the bank: names as written in this text, in script or romanised."""

    def __init__(self, rng: random.Random, lang: str, script: bool | None = None) -> None:
        s, firsts, lasts = NAMES[lang]
        self.lang = lang
        self.script = (s != "Latn") and (rng.random() < 0.5 if script is None else script)
        fn = rng.choice(firsts)
        ln = rng.choice(lasts) if lasts else fn
        self.first_latin, self.last_latin = _latin(fn), _latin(ln)
        self.first, self.last = _written(fn, self.script), _written(ln, self.script)
        self.tag = lang if s == "Latn" else f"{lang}-{s if self.script else 'Latn'}"

    @property
    def full(self) -> str:
        return self.first if self.lang in MONONYM else f"{self.first} {self.last}"


def _ok(text: str, spans: list[tuple[int, int, str]]) -> bool:
    """Each value whole, apart, and nowhere else in the text."""
    ordered = sorted(spans)
    for (_a, b, _), (c, _d, _v) in itertools.pairwise(ordered):
        if c < b:
            return False
    counts: dict[str, int] = {}
    for _a, _b, v in spans:
        counts[v] = counts.get(v, 0) + 1
    for a, b, v in spans:
        if (a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
            return False
        if text.count(v) != counts[v]:
            return False
    return True


class _Ctx:
    """The values one conversation draws on: the customer, an agent, a third person."""

    def __init__(self, rng: random.Random, me: _Who, email_: str, phone_: str) -> None:
        self.rng, self.me, self.email, self.phone = rng, me, email_, phone_
        self.phone_form = "intl"

    def fill(self, template: str, situation: str) -> tuple[str, Planted, list[Span]] | None:
        rng, me = self.rng, self.me
        for _ in range(25):
            agent = _Who(rng, rng.choice((me.lang, "en", rng.choice(LANGS))))
            rel = _Who(rng, me.lang)
            parts: list[str] = []
            spans: list[tuple[int, int, str]] = []
            planted: Planted = []
            pos = 0
            last = 0
            for m in _SLOT.finditer(template):
                lit = template[last : m.start()]
                parts.append(lit)
                pos += len(lit)
                last = m.end()
                got = self._value(m.group(1), situation, agent, rel)
                if got is None:
                    return None
                kind, value, cls = got
                parts.append(value)
                spans.append((pos, pos + len(value), value))
                planted.append((kind, value, cls))
                pos += len(value)
            parts.append(template[last:])
            text = "".join(parts)
            if _ok(text, spans):
                return text, planted, [(a, b) for a, b, _ in spans]
        return None

    def _value(self, slot: str, sit: str, agent: _Who, rel: _Who) -> tuple[str, str, str] | None:
        rng, me = self.rng, self.me
        lang = me.lang
        if slot.startswith("d:"):
            sort = slot[2:]
            return "decoy", DECOYS[sort](rng), f"decoy/{lang}/{sit}/{sort}"
        if slot in ("first", "last", "full"):
            if slot == "last" and lang in MONONYM:
                return None
            return "name", getattr(me, slot), f"name/{me.tag}/{sit}"
        if slot in ("FIRST", "LAST"):
            if lang in MONONYM:
                return None
            raw = me.first_latin if slot == "FIRST" else me.last_latin
            return "name", ascii_fold(raw).upper(), f"name/{lang}-Latn/{sit}/bcbp-caps"
        if slot == "FULL":
            return "name", me.full.upper(), f"name/{me.tag}/{sit}/caps"
        if slot == "agent":
            return "name", agent.full, f"name/{agent.tag}/{sit}/agent"
        if slot == "rel":
            return "name", rel.full, f"name/{rel.tag}/{sit}/third-person"
        if slot == "email":
            return "email", self.email, f"email/{lang}/{sit}"
        if slot == "phone":
            if rng.random() < 0.12:
                other = _unassigned(rng, REGION[lang])
                if other is not None:
                    return "phone", other, f"phone/{lang}/{sit}/unassigned"
            return "phone", self.phone, f"phone/{lang}/{sit}/{self.phone_form}"
        if slot == "card":
            return "card", card(rng), f"card/{lang}/{sit}"
        if slot == "iban":
            country = IBAN_COUNTRY.get(lang) or rng.choice(("GB", "DE", "FR", "BE", "AT", "CH"))
            return "iban", iban(rng, country), f"iban/{country}/{sit}"
        if slot == "ip":
            return "ip", ip(rng), f"ip/{lang}/{sit}"
        if slot == "url":
            return "url", secret_url(rng), f"url/{lang}/{sit}"
        raise KeyError(slot)


def _profile(
    rng: random.Random, platform: str, me: _Who, mail: str, e164: str
) -> dict[str, object]:
    if platform == "peki":
        return {"firstName": me.first, "lastName": None if me.lang in MONONYM else me.last,
                "email": mail, "phoneNumber": e164, "source": rng.choice(("Web", "WhatsApp"))}  # fmt: skip
    if platform == "kore":
        tags = [{"name": "email", "value": mail}, {"name": "phone", "value": e164}]
        return {"channel": "rtm", "tags": {"userTags": tags, "sessionTags": []}}
    return {"user_info": {"name": me.full, "email": mail}, "ip_address": ip(rng)}


def _conversation(rng: random.Random) -> tuple[Conversation, list[list[Span]]]:
    support = rng.random() < 0.62
    lang = rng.choice(LANGS)
    if not support:
        lang = rng.choice(tuple(lg for lg in LANGS if lg not in MONONYM))
    me = _Who(rng, lang)
    mail = email(rng, lang, me.first_latin, me.last_latin)
    written, e164, form = phone(rng, REGION[lang])
    ctx = _Ctx(rng, me, mail, written)
    ctx.phone_form = form
    platform = rng.choice(("peki", "kore", "selise"))
    person = Person(lang, me.first, me.last, mail, e164, written, REGION[lang])
    conv = Conversation(platform, person, _profile(rng, platform, me, mail, e164))
    spans: list[list[Span]] = []
    plan: list[tuple[str, str, str]] = []  # (where, template, situation)
    if support:
        user = [t for t in SUPPORT[lang] if t[1] == "user"]
        agent = [t for t in SUPPORT[lang] if t[1] == "agent"]
        first = rng.choice(user)
        sit = f"support-{first[0]}"
        plan.append(("message:user", first[2], sit))
        plan.append(("message:bot", rng.choice(BOT), sit))
        if rng.random() < 0.6:
            nxt = rng.choice(user)
            plan.append(("message:user", nxt[2], f"support-{nxt[0]}"))
        plan.append(("message:agent", agent[0][2], f"support-{agent[0][0]}"))
        if rng.random() < 0.4:
            fld, tpl = rng.choice(RAW)
            plan.append((f"raw:{fld}", tpl, sit))
    else:
        sit = rng.choice(tuple(SITUATIONS))
        plan.append(("message:user", rng.choice(SITUATIONS[sit]), sit))
        if rng.random() < 0.3:
            plan.append(("message:bot", rng.choice(BOT), sit))
    for where, tpl, s in plan:
        got = ctx.fill(tpl, s)
        if got is None:
            continue
        text, planted, sp = got
        conv.texts.append(Text(text, planted, where))
        spans.append(sp)
    return conv, spans


def placements(n: int, seed: int) -> list[tuple[Conversation, list[list[Span]]]]:
    """The bank with, for each text, the span of each planted value (in planted order)."""
    rng = random.Random(f"bank20-{seed}")
    out: list[tuple[Conversation, list[list[Span]]]] = []
    total = 0
    while total < n:
        conv, spans = _conversation(rng)
        if total + len(conv.texts) > n:
            conv.texts, spans = conv.texts[: n - total], spans[: n - total]
        if conv.texts:
            out.append((conv, spans))
            total += len(conv.texts)
    return out


def corpus(n: int, seed: int) -> list[Conversation]:
    """``n`` texts in conversations, deterministic for ``(n, seed)``."""
    return [conv for conv, _ in placements(n, seed)]
