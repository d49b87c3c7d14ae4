"""A held-out corpus for the masking evaluation, written apart from the tuning corpus.

Nothing here comes from ``archiver.simulators.synth`` (the corpus the detectors were tuned on):
other names (nine European languages with their diacritics, and names transliterated from
Russian, Ukrainian, Greek, Arabic, Chinese, Vietnamese, Japanese and Hindi), other message
templates, other number formats, other positions (line starts, signature blocks, after
punctuation, inside bot JSON templates, in the free-text fields of session records), and
conversations rather than single messages, so values revealed in one message and repeated in
another are part of the test.

Three banks of names and templates: bank 1 was written first and its misses informed
detector changes; bank 2 was written after the first look at bank 1 and before those changes,
and run once (its figures are in bench/README.md), after which its misses informed more
changes; bank 3 was written after those, before being run, and gives the reported figures.
Each planted value carries a class ("name/cue-tr", "phone/intl-new-range", ...) so misses
can be reported by class.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

Planted = list[tuple[str, str, str]]  # (kind, value as written, class)

# --- names: (first names, last names) per language; even positions bank 1, odd bank 2 ----------

_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (
            "Harriet",
            "Declan",
            "Imogen",
            "Rupert",
            "Maisie",
            "Callum",
            "Felicity",
            "Archie",
            "Rosalind",
            "Barnaby",
            "Tamsin",
            "Jasper",
        ),
        (
            "Whitfield",
            "Pemberton",
            "Ashworth",
            "Kingsley",
            "Fairbairn",
            "Hargreaves",
            "Blackwood",
            "Thornton",
            "Cavendish",
            "Ellsworth",
            "Radcliffe",
            "Lockhart",
        ),
    ),
    "de": (
        (
            "Wolfgang",
            "Ursula",
            "Dieter",
            "Brünhilde",
            "Matthias",
            "Gudrun",
            "Rüdiger",
            "Heike",
            "Björn",
            "Annegret",
            "Lutz",
            "Elfriede",
        ),
        (
            "Großmann",
            "Kühnel",
            "Oberländer",
            "Weißenborn",
            "Strauß",
            "Jäger",
            "Böttcher",
            "Lindemann",
            "Fröhlich",
            "Hünemörder",
            "Steinbrück",
            "Zöllner",
        ),
    ),
    "fr": (
        (
            "Amélie",
            "Benoît",
            "Gaëlle",
            "Hervé",
            "Océane",
            "Loïc",
            "Clémence",
            "Jérôme",
            "Maëlys",
            "François",
            "Solène",
            "Thibault",
        ),
        (
            "Lefèvre",
            "Deschamps",
            "Rousseau",
            "Bélanger",
            "Chevalier",
            "Mercier",
            "Fontaine",
            "Lévêque",
            "Marchand",
            "Dubois-Tessier",
            "Garnier",
            "Boulanger",
        ),
    ),
    "es": (
        (
            "Joaquín",
            "Ximena",
            "Álvaro",
            "Begoña",
            "Íñigo",
            "Rocío",
            "Sebastián",
            "Itziar",
            "Gonzalo",
            "Nuria",
            "Ramón",
            "Yolanda",
        ),
        (
            "Fernández",
            "Ibáñez",
            "Quintanilla",
            "Echeverría",
            "Muñoz",
            "Castañeda",
            "Villalobos",
            "Peñalver",
            "Zubizarreta",
            "Olmedo",
            "Barrientos",
            "Cifuentes",
        ),
    ),
    "it": (
        (
            "Giulia",
            "Lorenzo",
            "Chiara",
            "Niccolò",
            "Beatrice",
            "Gianluca",
            "Ludovica",
            "Pasquale",
            "Ilaria",
            "Raffaele",
            "Ottavia",
            "Salvatore",
        ),
        (
            "Esposito",
            "Ricciardi",
            "Bianchetti",
            "Lombardo",
            "D'Alessandro",
            "Santoro",
            "Mancuso",
            "Colombo",
            "Galli",
            "De Luca",
            "Marchetti",
            "Parisi",
        ),
    ),
    "pt": (
        (
            "João",
            "Conceição",
            "Thiago",
            "Gonçalo",
            "Letícia",
            "Sebastião",
            "Inês",
            "Vinícius",
            "Lúcia",
            "Caetano",
            "Graça",
            "Anselmo",
        ),
        (
            "Gonçalves",
            "Magalhães",
            "Araújo",
            "Figueiredo",
            "Conceição",
            "Brandão",
            "Assunção",
            "Carvalho",
            "Simões",
            "Loureiro",
            "Patrício",
            "Sequeira",
        ),
    ),
    "tr": (
        (
            "Oğuzhan",
            "Gülizar",
            "Çağlar",
            "Şebnem",
            "İlker",
            "Özlem",
            "Tuğba",
            "Ümit",
            "Ebru",
            "Barış",
            "Nurgül",
            "Serkan",
        ),
        (
            "Arıkan",
            "Güneş",
            "Karaağaç",
            "Şimşek",
            "Yücel",
            "Öztürkmen",
            "Çakıroğlu",
            "Kocabıyık",
            "Erdoğdu",
            "Ilıcak",
            "Sarıoğlu",
            "Akgündüz",
        ),
    ),
    "nl": (
        (
            "Sanne",
            "Bram",
            "Femke",
            "Joost",
            "Maartje",
            "Sjoerd",
            "Lieke",
            "Thijs",
            "Anouk",
            "Wouter",
            "Marloes",
            "Gijs",
        ),
        (
            "de Graaf",
            "van Dijk",
            "Bakker",
            "van der Meulen",
            "Visser",
            "Smits",
            "de Jong",
            "Hendriks",
            "van Leeuwen",
            "Dekker",
            "Mulder",
            "Jansen",
        ),
    ),
    "pl": (
        (
            "Łukasz",
            "Małgorzata",
            "Grzegorz",
            "Agnieszka",
            "Wojciech",
            "Żaneta",
            "Przemysław",
            "Bożena",
            "Jędrzej",
            "Dorota",
            "Krzysztof",
            "Jadwiga",
        ),
        (
            "Wiśniewski",
            "Dąbrowska",
            "Szczepański",
            "Zielińska",
            "Wróblewski",
            "Kaczmarek",
            "Jabłoński",
            "Pawłowska",
            "Michalski",
            "Król",
            "Nowakowska",
            "Grabowski",
        ),
    ),
    "translit": (
        (
            "Oleksandr",
            "Svetlana",
            "Dmitriy",
            "Yevgeniya",
            "Nikolaos",
            "Eleftheria",
            "Mohammed",
            "Fatima",
            "Zhang Wei",
            "Nguyễn Thị",
            "Haruto",
            "Priyanka",
        ),
        (
            "Shevchenko",
            "Kuznetsova",
            "Vasilenko",
            "Papadopoulou",
            "Karamanlis",
            "Al-Rashid",
            "Haddad",
            "Liu",
            "Trần",
            "Takahashi",
            "Venkataraman",
            "Ivanova",
        ),
    ),
}
_LANGS = tuple(_NAMES)
_COUNTRY = {
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pt": "BR",
    "tr": "TR",
    "nl": "NL",
    "pl": "PL",
    "translit": "UA",
}
# Regions the shipped policy reads numbers without a country code in: strangers' numbers are
# written nationally only for these (elsewhere only the author's own, which is known).
_POLICY_REGIONS = ("TR", "US", "GB", "DE", "NL", "FR", "ES", "IT")
_ASCII = str.maketrans(
    "áàâäãåçéèêëíìîïñóòôöõøúùûüýÿışğłńśźżąęćđßœæ",
    "aaaaaaceeeeiiiinoooooouuuuyyisglnszzaecdsoa",
)


_NAMES_3: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("Beatrix", "Cormac", "Philippa", "Ewan", "Juniper", "Alastair"),
           ("Abernethy", "Merriweather", "Standish", "Beaumont", "Ogilvy", "Hollingsworth")),
    "de": (("Siegfried", "Waltraud", "Ottokar", "Hannelore", "Reinhold", "Gisela"),
           ("Pfeiffer", "Schäuble", "Überall", "Kreutzer", "Hölzl", "Wehrli")),
    "fr": (("Ghislaine", "Anatole", "Bérénice", "Éloïse", "Théophile", "Apolline"),
           ("Desrosiers", "Lacroix-Fabre", "Ménard", "Beauchêne", "Quéméner", "Thévenot")),
    "es": (("Maite", "Fermín", "Ainhoa", "Remedios", "Baltasar", "Eulalia"),
           ("Goñi", "Arrieta", "Sáenz", "Landáburu", "Mondragón", "Urquiza")),
    "it": (("Ottavio", "Annunziata", "Gaetano", "Assunta", "Ruggero", "Ornella"),
           ("Sciortino", "Caputo", "Barbagallo", "Dell'Orto", "Iannuzzi", "Pellegrino")),
    "pt": (("Jurandir", "Benedita", "Aurélio", "Rosângela", "Teodoro", "Iracema"),
           ("Quaresma", "Valadares", "Bastos", "Nogueira", "Damasceno", "Falcão")),
    "tr": (("Kıvanç", "Ayşegül", "Gökhan", "Yağmur", "Tolga", "Hülya"),
           ("Kahraman", "Bozkurt", "Türkoğlu", "Sağlam", "Uçar", "Dönmez")),
    "nl": (("Annelies", "Pieter-Jan", "Geertje", "Rutger", "Willemijn", "Koen"),
           ("van den Broek", "ter Horst", "Kuipers", "Vermeulen", "op den Kamp", "Schouten")),
    "pl": (("Bartłomiej", "Halina", "Zbigniew", "Urszula", "Mieczysław", "Genowefa"),
           ("Szymańska", "Wójcik", "Kowalczyk", "Błaszczykowski", "Ząbek", "Lewandowska")),
    "translit": (("Anastasiia", "Volodymyr", "Konstantinos", "Despina", "Abdulrahman", "Yasmin",
                  "Wang Fang", "Lê Văn", "Sakura", "Arjun"),
                 ("Bondarenko", "Tkachenko", "Georgiou", "Mansour", "Nakamura", "Chandrasekhar",
                  "Zhou", "Phạm", "Sokolov", "Hosseini")),
}  # fmt: skip


def _bank_pick(rng: random.Random, items: tuple[str, ...], bank: int) -> str:
    return rng.choice(items[bank - 1 :: 2])


@dataclass
class Person:
    lang: str
    first: str
    last: str
    email: str
    phone: str  # as the profile holds it (E.164)
    phone_written: str  # as the person writes it
    country: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def _ascii(s: str) -> str:
    return "".join(ch for ch in s.lower().translate(_ASCII) if ch in string.ascii_lowercase)


def _email(rng: random.Random, first: str, last: str, bank: int) -> str:
    f, la = _ascii(first) or "x", _ascii(last) or "y"
    domains = (
        ("gmx.net", "laposte.net", "tiscali.it", "bol.com.br", "interia.pl", "hetnet.nl")
        if bank == 3
        else None
    ) or (
        ("posteo.de", "orange.fr", "libero.it", "uol.com.br", "wp.pl", "ziggo.nl"),
        ("mailbox.org", "free.fr", "virgilio.it", "terra.com.br", "onet.pl", "kpnmail.nl"),
    )[min(bank, 2) - 1]
    local = rng.choice(
        (f"{f[0]}.{la}", f"{la}.{f}{rng.randint(1960, 2005)}", f"{f}-{la}", f"{f}{la[:3]}")
    )
    return f"{local}@{rng.choice(domains)}"


# --- numbers -------------------------------------------------------------------------------------


def _valid_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number libphonenumber holds valid for ``region`` (mobile or fixed line)."""
    kind = rng.choice(
        (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
    )
    ex = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(ex)
    for _ in range(200):
        keep = rng.randint(2, 4)
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse("+" + str(ex.country_code) + cand)
        if phonenumbers.is_valid_number(num):
            return num
    return ex


def _new_range_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A number of a possible length for a personal number of ``region`` that the metadata does
    not list as valid: what a range opened after the metadata release looks like."""
    cc = phonenumbers.country_code_for_region(region)
    ex = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    n = len(phonenumbers.national_significant_number(ex))
    personal = phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE
    for _ in range(500):
        cand = rng.choice("123456789") + "".join(rng.choice(string.digits) for _ in range(n - 1))
        num = phonenumbers.parse(f"+{cc}{cand}")
        if not phonenumbers.is_valid_number(num) and phonenumbers.is_possible_number_for_type(
            num, personal
        ):
            return num
    return ex


def _written(rng: random.Random, num: phonenumbers.PhoneNumber, national: bool) -> str:
    fmt = phonenumbers.PhoneNumberFormat
    if national:
        out = phonenumbers.format_number(num, fmt.NATIONAL)
        return rng.choice((out, out.replace(" ", "-"), out.replace(" ", "")))
    intl = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    style = rng.randrange(4)
    if style == 0:
        return intl
    if style == 1:
        return "00" + intl[1:]
    if style == 2:
        return phonenumbers.format_number(num, fmt.E164)
    return intl.replace(" ", ".", 1) if rng.random() < 0.5 else intl.replace(" ", "-")


def phone(rng: random.Random, region: str, *, own: bool = False) -> tuple[str, str]:
    """(written, class) of someone's phone number. National forms only for the regions the
    policy reads national numbers in (a deployment lists its users' countries there)."""
    roll = rng.random()
    if roll < 0.2:
        return _written(rng, _new_range_number(rng, region), False), "phone/intl-new-range"
    num = _valid_number(rng, region)
    if roll < 0.6 and region in _POLICY_REGIONS:
        return _written(rng, num, True), "phone/national"
    return _written(rng, num, False), "phone/intl"


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    prefix, length, groups = rng.choice(
        (
            ("4", 16, (4, 4, 4, 4)),
            ("2" + str(rng.randint(221, 720)), 16, (4, 4, 4, 4)),
            ("6011", 16, (4, 4, 4, 4)),
            ("35" + str(rng.randint(28, 89)), 16, (4, 4, 4, 4)),
            ("36", 14, (4, 6, 4)),
            ("37", 15, (4, 6, 5)),
            ("4", 13, (4, 4, 5)),
        )
    )
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    number = _luhn_complete(body)
    sep = rng.choice(("", " ", "-", " "))
    if not sep:
        return number
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return sep.join(out)


def _bad_luhn(rng: random.Random) -> str:
    good = card(rng).replace(" ", "").replace("-", "")
    return good[:-1] + str((int(good[-1]) + rng.randint(1, 9)) % 10)


_IBAN_SPEC = {
    "FR": "5n5n11c2n",
    "IT": "1a5n5n12c",
    "PL": "24n",
    "PT": "21n",
    "BE": "12n",
    "CH": "5n12c",
    "AT": "16n",
    "NO": "11n",
    "SE": "20n",
    "BR": "23n1a1c",
}


def _bban(rng: random.Random, spec: str) -> str:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        n, num = int(num), ""
        pool = {
            "n": string.digits,
            "a": string.ascii_uppercase,
            "c": string.ascii_uppercase + string.digits,
        }[ch]
        out.append("".join(rng.choice(pool) for _ in range(n)))
    return "".join(out)


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    value = int("".join(str(int(c, 36)) for c in moved))
    return f"{98 - value % 97:02d}"


def iban(rng: random.Random, *, valid: bool = True) -> str:
    country = rng.choice(tuple(_IBAN_SPEC))
    bban = _bban(rng, _IBAN_SPEC[country])
    check = _iban_check(country, bban)
    if not valid:
        check = f"{(int(check) + rng.randint(1, 50)) % 97 + 2:02d}"
        if check == _iban_check(country, bban):
            check = f"{(int(check) + 1) % 97 + 2:02d}"
    compact = f"{country}{check}{bban}"
    if rng.random() < 0.5:
        return compact
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def ip(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice((5, 37, 77, 91, 100, 141, 188, 194))}.{rng.randint(0, 255)}." + (
            f"{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        )
    groups = [rng.choice(("2a03", "2a0a", "2c0f", "2406", "2803"))]
    groups += [f"{rng.getrandbits(16):x}" for _ in range(rng.choice((3, 7)) - 1)]
    return ":".join(groups) + ("::1" if len(groups) < 7 else f":{rng.getrandbits(16):x}")


def secret_url(rng: random.Random) -> str:
    host = rng.choice(
        ("portal.kundendienst.example", "suporte.loja.example", "cloud.biuro.example")
    )
    tok = "".join(
        rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(16, 40))
    )
    return rng.choice(
        (
            f"https://{host}/verify?email_token={tok}",
            f"https://{host}/dl/report.pdf?X-Amz-Credential={tok}&X-Amz-Signature={tok[::-1]}",
            f"https://{host}/oauth/callback?code={tok}&state=xyz",
            f"ftp://backup:{tok[:10]}@{host}/dump.tar.gz",
            f"https://{host}/share?apiKey={tok}",
            f"https://{host}/#/login?password={tok[:12]}",
            f"https://{host}/s/{tok[:8]}?auth={tok}",
        )
    )


def secret_url_2(rng: random.Random) -> str:
    host = rng.choice(("minha.conta.example", "konto.sklep.example", "hesap.magaza.example"))
    tok = "".join(
        rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(20, 44))
    )
    return rng.choice(
        (
            f"https://{host}/api/export?access_key={tok}",
            f"https://{host}/download/{rng.randint(1, 999)}.zip?sig={tok}&exp=1767225600",
            f"https://ops:{tok[:9]}@{host}:8080/admin",
            f"https://{host}/magic-link?t={tok}&uid={rng.randint(1000, 9999)}",
            f"https://{host}/invite?invite_token={tok}",
            f"https://{host}/reset#token={tok}",
            f"https://{host}/f?AWSAccessKeyId=AKIA{tok[:16].upper()}&Signature={tok}&Expires=1767225600",
        )
    )


def secret_url_3(rng: random.Random) -> str:
    host = rng.choice(("self.servis.example", "moje.konto.example", "mon.compte.example"))
    tok = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(28))
    return rng.choice(
        (
            f"https://{host}/dashboard?session_id={tok}",
            f"https://anna:{tok[:10]}@{host}/",
            f"https://{host}/api?access_token={tok}",
            f"https://{host}/confirm?token={tok}&lang=de",
            f"https://{host}/o/a.pdf?X-Goog-Signature={tok}&X-Goog-Expires=600",
            f"https://{host}/maps?key={tok}",
            f"https://{host}/verify?otp={tok[:6]}",
        )
    )


def plain_url_2(rng: random.Random) -> str:
    host = rng.choice(("pomoc.sklep.example", "yardim.magaza.example"))
    return f"https://{host}/faq/{rng.randint(1, 300)}?utm_campaign=spring&lang=pl"


def plain_url(rng: random.Random) -> str:
    host = rng.choice(("hilfe.example.de", "aide.example.fr", "ajuda.example.com.br"))
    return rng.choice(
        (
            f"https://{host}/artikel/{rng.randint(100, 9999)}",
            f"https://{host}/search?q=refund&page={rng.randint(1, 5)}",
            f"https://{host}/track?carrier=dhl&lang=de",
        )
    )


# --- decoys ------------------------------------------------------------------------------------


def _imei(rng: random.Random) -> str:
    return _luhn_complete("35" + "".join(rng.choice(string.digits) for _ in range(12)))


def decoy(rng: random.Random, bank: int = 1) -> str:
    if bank == 3:
        return rng.choice(
            (
                lambda: f"Kundennummer K-{rng.randint(10**6, 10**7 - 1)}",
                lambda: f"Rechnung RE{rng.randint(10**7, 10**8 - 1)}",
                lambda: f"ref. {rng.randint(1000, 99999)}/{rng.randint(20, 26)}",
                lambda: f"NIP {rng.randint(10**9, 10**10 - 1)}",
                lambda: f"{rng.randint(100, 99999)} pontos",
                lambda: f"Ordernummer {rng.randint(10**8, 10**9 - 1)}",
                lambda: f"Sipariş kodu: {rng.randint(10**9, 10**10 - 1)}",
                lambda: f"R$ {rng.randint(1, 99)}.{rng.randint(100, 999)},{rng.randint(10, 99)}",
                lambda: f"{rng.randint(1, 12)}/{rng.randint(1, 28)} at {rng.randint(1, 12)}pm",
                lambda: (
                    f"v{rng.randint(2, 30)}.{rng.randint(0, 12)} "
                    f"(build {rng.randint(10**5, 10**6)})"
                ),
                lambda: f"{rng.randint(2, 9)} x {rng.randint(100, 9999)} g",
                lambda: f"SN {rng.randint(10**11, 10**12 - 1)}",
                lambda: (
                    f"tracking {rng.choice(('1Z', 'JJD', 'LX'))}{rng.randint(10**9, 10**10 - 1)}"
                ),
                lambda: f"cartão final {rng.randint(1000, 9999)}",
            )
        )()
    if bank == 2:
        return rng.choice(
            (
                lambda: f"Auftragsnummer: {rng.randint(10**9, 10**10 - 1)}",
                lambda: f"N° de suivi : {rng.randint(10**11, 10**12 - 1)}",
                lambda: f"Sipariş no {rng.randint(10**7, 10**8 - 1)}",
                lambda: f"zamówienie nr {rng.randint(10**6, 10**7 - 1)}",
                lambda: f"{rng.randint(2, 9)}x {rng.randint(10, 99)} cm",
                lambda: (
                    f"ISBN 978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-"
                    f"{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
                ),
                lambda: f"EAN {rng.randint(10**12, 10**13 - 1)}",
                lambda: f"IMEI {_imei(rng)}",
                lambda: f"{rng.randint(8, 11)}:{rng.randint(10, 59)}–{rng.randint(12, 20)}:00",
                lambda: f"£{rng.randint(1, 9)},{rng.randint(100, 999)}.{rng.randint(10, 99)}",
                lambda: f"Kunden-ID 00{rng.randint(10**5, 10**6 - 1)}",
                lambda: f"+{rng.randint(2, 40)} more items",
                lambda: (
                    f"firmware {rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(1000, 9999)}"
                ),
                lambda: f"protocolo {rng.randint(2024, 2026)}{rng.randint(10**7, 10**8 - 1)}",
                lambda: f"fatura {rng.randint(10**9, 10**10 - 1)} / {_bad_luhn(rng)}",
                lambda: f"Konto {iban(rng, valid=False)} ist falsch",
                lambda: (
                    f"valid from {rng.randint(1, 28)}.{rng.randint(1, 12)}."
                    f"{rng.randint(2024, 2027)}"
                ),
                lambda: f"info: {plain_url_2(rng)}",
            )
        )()
    return rng.choice(
        (
            lambda: f"Bestellnummer {rng.randint(10**7, 10**8 - 1)}",
            lambda: f"commande n° {rng.randint(100000, 999999)}-{rng.randint(10, 99)}",
            lambda: f"pedido #{rng.randint(10**9, 10**10 - 1)}",
            lambda: f"rastreio BR{rng.randint(10**8, 10**9 - 1)}BR",
            lambda: f"Sendungsnummer 00{rng.randint(10**17, 10**18 - 1)}",
            lambda: f"code 00{rng.randint(10**8, 10**9 - 1)}",
            lambda: f"R$ {rng.randint(10, 9999)},{rng.randint(10, 99)}",
            lambda: f"{rng.randint(1, 999)}.{rng.randint(100, 999)},{rng.randint(10, 99)} €",
            lambda: f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2020, 2026)}",
            lambda: f"{rng.randint(2020, 2026)}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}",
            lambda: f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 300)}-beta",
            lambda: f"build {rng.randint(1000, 9999)}.{rng.randint(100, 999)}.{rng.randint(1, 99)}",
            lambda: f"ticket {rng.choice('ABCDEFG')}{rng.randint(100000, 999999)}",
            lambda: f"karta {_bad_luhn(rng)}",
            lambda: f"IBAN? {iban(rng, valid=False)}",
            lambda: f"+{rng.randint(1, 20)}% desde ontem",
            lambda: f"{rng.randint(1, 23)}h{rng.randint(10, 59)}",
            lambda: f"see {plain_url(rng)}",
            lambda: f"lat {rng.uniform(-60, 60):.5f}, lon {rng.uniform(-120, 120):.5f}",
        )
    )()


# Capitalised words right after a cue or at a line start that are not names.
_NAME_DECOYS_2 = (
    "Hi Everyone, quick one.",
    "Hello Team Berlin!",
    "Dear Sir or Madam,",
    "I'm Italian and live abroad.",
    "Ich heiße Sie herzlich willkommen, schrieb der Bot.",
    "Merhaba Arkadaşlar, kargo nerede?",
    "Cheers Mate!",
    "This is Amazon Prime, right?",
    "Regards,\nAccounts Payable",
    "Grüße\nIhr Kundenservice",
    "Saludos cordiales,\nDepartamento de Ventas",
    "Pozdrawiam\nZespół Obsługi Klienta",
    "Bonjour Madame, Monsieur,",
    "Ciao Ragazzi!",
    "Olá Equipe, tudo bem?",
    "Samsung Galaxy S23 Ultra, Visa Platinum and Apple Pay all failed.",
)
_NAME_DECOYS_3 = (
    "Hi Folks!",
    "Dear Customer,",
    "Thanks Amazon!",
    "I'm Brazilian, can I still order?",
    "Hallo Leute, kurze Frage.",
    "Merci Beaucoup!",
    "Regards,\nIT Department",
    "Best,\nSales",
    "Saygılar,\nMüşteri Hizmetleri",
    "My name is on the card already.",
    "Ik ben Benieuwd naar de status.",
    "Jestem Zainteresowany ofertą.",
)
_NAME_DECOYS = (
    "I'm Curious whether the Premium tier includes that.",
    "This is Ridiculous, three weeks already!",
    "Ich bin Neukundin und habe eine Frage.",
    "Je suis Client depuis 2015.",
    "Soy Cliente Premium desde hace años.",
    "Ben Müşteri hizmetlerini aradım ama kimse açmadı.",
    "Ik ben Klant bij jullie sinds vorig jaar.",
    "Jestem Klientem od dawna.",
    "Sono Cliente Gold da anni.",
    "Sou Cliente há muito tempo.",
    "Hi Team, any update?",
    "Hello Support, the app crashes.",
    "Thanks Again for the quick answer!",
    "Regards,\nCustomer Service",
    "Best,\nThe Billing Team",
    "Mercedes Benz dealer said the part is on backorder.",
    "Paris, Berlin and Istanbul stores all said no.",
    "Grüße aus München",
    "Saludos desde Sevilla",
)


# --- conversations -----------------------------------------------------------------------------


@dataclass
class Text:
    text: str
    planted: Planted
    where: str  # message:user | message:bot | message:agent | raw:<field>


@dataclass
class Conversation:
    platform: str  # peki | kore | selise: which profile fields the person comes with
    person: Person
    profile: dict[str, Any]  # the profile record's fields as the platform sends them
    texts: list[Text] = field(default_factory=list)


def make_person(rng: random.Random, bank: int) -> Person:
    lang = rng.choice(_LANGS)
    firsts, lasts = _NAMES[lang]
    if bank == 3:
        firsts, lasts = _NAMES_3[lang]
        first, last = rng.choice(firsts), rng.choice(lasts)
    else:
        first, last = _bank_pick(rng, firsts, bank), _bank_pick(rng, lasts, bank)
    region = _COUNTRY[lang]
    num = _valid_number(rng, region)
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    national = rng.random() < 0.5 and region in _POLICY_REGIONS
    written = _written(rng, num, national)
    return Person(lang, first, last, _email(rng, first, last, bank), e164, written, region)


Template = Callable[[random.Random, Person, int], tuple[str, Planted]]


def _n(value: str, cls: str) -> tuple[str, str, str]:
    return ("name", value, cls)


# User messages that reveal or use values; per language, two banks of cue phrasings.
_INTRO: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Hello there, my name is {full} and I need help.", "{full} here. My parcel is missing."),
        ("Good morning! I'm {first}, my order never came.", "Name's {full}, quick question."),
    ),
    "de": (
        ("Guten Tag, ich heiße {full}.", "Hallo zusammen, mein Name ist {full}."),
        ("Moin, ich bin {first}. Die Lieferung fehlt.", "Hier schreibt {full}: Rechnung falsch."),
    ),
    "fr": (
        ("Bonjour, je m'appelle {full}.", "Bonsoir, moi c'est {first}, j'ai un souci."),
        ("Bonjour, mon nom est {full}.", "Salut, je suis {first}. Ma commande ?"),
    ),
    "es": (
        ("Hola, me llamo {full}.", "Buenas, mi nombre es {full}."),
        ("Hola, soy {first}, tengo un problema.", "Buenos días. Le escribe {full}."),
    ),
    "it": (
        ("Buonasera, mi chiamo {full}.", "Salve, sono {first}."),
        ("Ciao, il mio nome è {full}.", "Buongiorno, qui {full}."),
    ),
    "pt": (
        ("Olá, meu nome é {full}.", "Oi, eu sou {first}, preciso de ajuda."),
        ("Bom dia, me chamo {full}.", "Boa tarde! Aqui é {full}."),
    ),
    "tr": (
        ("Merhaba, ben {full}.", "İyi günler, adım {first}."),
        ("Selam, benim adım {full}.", "Merhabalar, ismim {full}."),
    ),
    "nl": (
        ("Goedemiddag, ik ben {full}.", "Hallo, mijn naam is {full}."),
        ("Hoi, ik heet {first}.", "Dag, met {full} spreekt u."),
    ),
    "pl": (
        ("Dzień dobry, nazywam się {full}.", "Cześć, jestem {first}."),
        ("Dzień dobry, mam na imię {first}.", "Witam, z tej strony {full}."),
    ),
    "translit": (
        ("Hello, my name is {full}.", "Hi, I am {first}."),
        ("Good day, this is {full} writing.", "Hello! {full} from Kyiv here."),
    ),
}

_INTRO_3: dict[str, tuple[str, ...]] = {
    "en": ("Hey, it's {full} again.", "{first} speaking, my order is stuck.",
           "You can call me {first}."),
    "de": ("Grüß Gott, hier ist {full}.", "Servus, {first} hier.", "Ich heiße {first}."),
    "fr": ("Bonjour, c'est {full} à l'appareil.", "Je me présente : {full}."),
    "es": ("Qué tal, soy {full}.", "Mi nombre: {full}."),
    "it": ("Salve, sono {full} e scrivo per un reso.", "Mi presento, {full}."),
    "pt": ("Oi! Sou a {first}.", "Meu nome: {full}."),
    "tr": ("Selamlar, ben {first}.", "İsmim {full}, yardımcı olur musunuz?"),
    "nl": ("Hallo, met {full}.", "Ik ben {first} en ik heb een vraag."),
    "pl": ("Hej, tu {first}.", "Nazywam się {full} i mam problem."),
    "translit": ("Hi there, {full} writing from Lviv.", "My name is {first}."),
}  # fmt: skip

_SIGN_OFFS = (
    (
        "Regards,",
        "Mit freundlichen Grüßen",
        "Cordialement,",
        "Atentamente,",
        "Cordiali saluti,",
        "Atenciosamente,",
        "Saygılarımla,",
        "Met vriendelijke groet,",
        "Z poważaniem,",
    ),
    (
        "Thanks,",
        "Viele Grüße",
        "Bien à vous,",
        "Un saludo,",
        "Saluti,",
        "Abraços,",
        "İyi çalışmalar,",
        "Groetjes,",
        "Pozdrawiam,",
    ),
)


def _signature(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted]:
    cls_tail = rng.randrange(3)
    off = rng.choice(_SIGN_OFFS[min(bank, 2) - 1])
    if bank == 3:
        forms = (
            (f"{p.first}\n— sent from my phone", [_n(p.first, "name/signature-own-line")]),
            (f"Thanks again,\n{p.full} ({p.email})",
             [_n(p.full, "name/sign-off"), ("email", p.email, "email/own")]),
            (f"{p.full}\nMobile: {p.phone_written}",
             [_n(p.full, "name/signature-own-line"), ("phone", p.phone_written, "phone/own")]),
            (f"Regards {p.first}", [_n(p.first, "name/sign-off")]),
        )  # fmt: skip
        return rng.choice(forms)
    if bank == 2:
        forms = (
            (f"{off} {p.first}", [_n(p.first, "name/sign-off")]),
            (
                f"{off}\n\n{p.first} {p.last}\nTel. {p.phone_written}",
                [_n(p.full, "name/signature-own-line"), ("phone", p.phone_written, "phone/own")],
            ),
            (
                f"— {p.full} · {p.email}",
                [_n(p.full, "name/signature"), ("email", p.email, "email/own")],
            ),
            (
                f"{p.full} | {p.phone_written}",
                [_n(p.full, "name/signature"), ("phone", p.phone_written, "phone/own")],
            ),
        )
        return rng.choice(forms)
    if cls_tail == 0:
        return (
            f"{off}\n{p.full}",
            [_n(p.full, "name/sign-off")],
        )
    if cls_tail == 1:
        return (
            f"{off}\n{p.full}, {p.phone_written}",
            [_n(p.full, "name/signature"), ("phone", p.phone_written, "phone/own")],
        )
    return (
        f"--\n{p.full}\n{p.phone_written} | {p.email}",
        [
            _n(p.full, "name/signature-own-line"),
            ("phone", p.phone_written, "phone/own"),
            ("email", p.email, "email/own"),
        ],
    )


def _intro(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted]:
    tpl = rng.choice(_INTRO_3[p.lang] if bank == 3 else _INTRO[p.lang][bank - 1])
    value = p.full if "{full}" in tpl else p.first
    return tpl.format(full=p.full, first=p.first), [_n(value, f"name/cue-{p.lang}")]


def _stranger(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted]:
    other = make_person(rng, bank)
    written, cls = phone(rng, other.country)
    forms = (
        (
            f"Please also add {other.full} ({other.email}) to the account.",
            [_n(other.full, "name/third-party-cue"), ("email", other.email, "email/third-party")],
        ),
        (
            f"Mein Kollege {other.full} erreicht ihr unter {written}.",
            [_n(other.full, "name/third-party-cue"), ("phone", written, cls)],
        ),
        (
            f"Contact: {other.full}, {written}",
            [_n(other.full, "name/signature"), ("phone", written, cls)],
        ),
        (
            f"Falei com {other.first} ontem e ninguém resolveu.",
            [_n(other.first, "name/third-party-uncued")],
        ),
        (
            f"{other.first} from your shop promised a refund.",
            [_n(other.first, "name/third-party-uncued")],
        ),
        (f"my sister's number: {written}", [("phone", written, cls)]),
    )
    if bank == 2:
        forms = (
            (
                f"Kann {other.first} {other.last} das Paket abholen? Sie ist meine Nachbarin.",
                [_n(other.full, "name/third-party-uncued")],
            ),
            (
                f"Ma collègue {other.full} vous a écrit hier.",
                [_n(other.full, "name/third-party-cue")],
            ),
            (
                f"Mi marido, {other.first}, llamará desde el {written}.",
                [_n(other.first, "name/third-party-cue"), ("phone", written, cls)],
            ),
            (
                f"{other.full} <{other.email}>",
                [_n(other.full, "name/display-name"), ("email", other.email, "email/third-party")],
            ),
            (f"cc: {other.email}", [("email", other.email, "email/third-party")]),
            (
                f"Annem {other.first} Hanım da aynı sorunu yaşıyor.",
                [_n(other.first, "name/title-tr")],
            ),
            (f"Please ring my son on {written}", [("phone", written, cls)]),
            (f"Zadzwoni mój brat {other.first}.", [_n(other.first, "name/third-party-cue")]),
        )
    return rng.choice(forms)


def _structured(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted]:
    c, i, a = card(rng), iban(rng), ip(rng)
    u = (secret_url, secret_url_2, secret_url_3)[bank - 1](rng)
    written, cls = phone(rng, p.country)
    forms = (
        (f"Kartennummer: {c}. Gültig bis 04/29.", [("card", c, "card")]),
        (f"cartão {c}, CVV por telefone", [("card", c, "card")]),
        (f"Overschrijven naar {i} graag.", [("iban", i, "iban")]),
        (f"IBAN\n{i}\nBIC BNPAFRPP", [("iban", i, "iban")]),
        (f"Mój adres IP to {a}, zablokowany.", [("ip", a, "ip")]),
        (f"login denied (origin={a})", [("ip", a, "ip")]),
        (f"the link {u} keeps failing", [("url", u, "url")]),
        (f"Link: {u}", [("url", u, "url")]),
        (f"Beni {written} numarasından arayın.", [("phone", written, cls)]),
        (f"WhatsApp: {written}", [("phone", written, cls)]),
        (f"{written} is my new number", [("phone", written, cls + "/line-start")]),
        (f"e-mail:{p.email.upper()}", [("email", p.email.upper(), "email/upper")]),
        (f"({p.email})", [("email", p.email, "email/own")]),
    )
    if bank == 3:
        forms = (
            (f'{{"pan": "{c}", "exp": "11/28"}}', [("card", c, "card/json")]),
            (f"paid with {c} yesterday", [("card", c, "card")]),
            (f"iban {i.lower()}", [("iban", i.lower(), "iban/lower")]),
            (f"IBAN: {i}.", [("iban", i, "iban")]),
            (f"server {a}:8080 down", [("ip", a, "ip")]),
            (f"ip={a}", [("ip", a, "ip")]),
            (f"open {u} please", [("url", u, "url")]),
            (f"tel:{written.replace(' ', '')}",
             [("phone", written.replace(" ", ""), cls + "/uri")]),
            (f"Phone #: {written}", [("phone", written, cls)]),
            (f"(mobile: {written})", [("phone", written, cls)]),
            (f"Kontakt {p.email}", [("email", p.email, "email/own")]),
        )  # fmt: skip
        return rng.choice(forms)
    if bank == 2:
        forms = (
            (f"Card: {c}", [("card", c, "card")]),
            (f"Pago rechazado con la tarjeta {c}.", [("card", c, "card")]),
            (f"Rekening {i} t.n.v. mij", [("iban", i, "iban")]),
            (f"IP {a} (my router)", [("ip", a, "ip")]),
            (f"[{a}]:8443 refused", [("ip", a, "ip")]),
            (f"curl '{u}'", [("url", u, "url")]),
            (f'<a href="{u}">reset</a>', [("url", u, "url")]),
            (f"Tel.: {written}", [("phone", written, cls)]),
            (f"call/text {written} (evenings)", [("phone", written, cls)]),
            (f"Ligue para {written}", [("phone", written, cls)]),
            (f"{written}\n(mobile)", [("phone", written, cls + "/line-start")]),
            (f"Mail an {p.email}, bitte.", [("email", p.email, "email/own")]),
            (f"<mailto:{p.email}>", [("email", p.email, "email/own")]),
        )
    return rng.choice(forms)


def _mention(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted]:
    """The author's own name without any cue: only known or learned values can find it."""
    forms = (
        (f"{p.last} again, is there any news?", [_n(p.last, "name/own-uncued")]),
        (f"{p.first}: still waiting", [_n(p.first, "name/own-uncued")]),
        (f"Booking ref for {p.full.upper()}?", [_n(p.full.upper(), "name/own-uppercase")]),
        (f"The invoice should say {p.full}, not my company.", [_n(p.full, "name/own-uncued")]),
    )
    if bank == 3:
        forms = (
            (f"{p.first}'s account is locked", [_n(p.first, "name/own-uncued")]),
            (f"Hi, {p.first.upper()} here", [_n(p.first.upper(), "name/own-uppercase")]),
            (f"account holder {p.full}", [_n(p.full, "name/own-uncued")]),
            (f"{p.last}?", [_n(p.last, "name/own-uncued")]),
        )
    if bank == 2:
        forms = (
            (f"Is the parcel for {p.first} ready?", [_n(p.first, "name/own-uncued")]),
            (f"{p.last.upper()} — Kundennummer fehlt", [_n(p.last.upper(), "name/own-uppercase")]),
            (f"Re: {p.full}", [_n(p.full, "name/own-uncued")]),
            (f"{p.first.lower()} again", [_n(p.first.lower(), "name/own-lowercase")]),
        )
    text, planted = rng.choice(forms)
    return text, planted


def _bot(rng: random.Random, p: Person, bank: int) -> tuple[str, Planted, str]:
    """A bot or agent message; sometimes a JSON template with the values inside."""
    forms = (
        (
            f"Thank you, {p.full}. A code was sent to {p.phone_written}.",
            [_n(p.full, "name/bot-greeting"), ("phone", p.phone_written, "phone/own")],
        ),
        (f"{p.first}, your ticket is open.", [_n(p.first, "name/bot-line-start")]),
        (
            f"Dear {p.first} {p.last},\nwe have received your request.",
            [_n(p.full, "name/bot-greeting")],
        ),
        (f"Booking confirmed for {p.full}.", [_n(p.full, "name/bot-known")]),
        (f"We e-mailed {p.email} the details.", [("email", p.email, "email/own")]),
    )
    if bank == 3:
        forms = (
            (f"Welcome back, {p.first}!", [_n(p.first, "name/bot-greeting")]),
            (f"{p.last} family account updated.", [_n(p.last, "name/bot-known")]),
            (f"Hello {p.first} {p.last.upper()}, we found your order.",
             [_n(p.first, "name/bot-greeting"), _n(p.last.upper(), "name/bot-known")]),
            (f"Sent a text to {p.phone_written}.", [("phone", p.phone_written, "phone/own")]),
            (f"Receipt e-mailed to {p.email}.", [("email", p.email, "email/own")]),
        )  # fmt: skip
    if bank == 2:
        forms = (
            (f"Hola {p.first}! ¿En qué puedo ayudarte?", [_n(p.first, "name/bot-greeting")]),
            (
                f"Merhaba {p.first} {rng.choice(('Bey', 'Hanım'))}, "
                "size nasıl yardımcı olabilirim?",
                [_n(p.first, "name/bot-greeting")],
            ),
            (f"Your account ({p.email}) is verified.", [("email", p.email, "email/own")]),
            (
                f"We will call {p.phone_written} tomorrow.",
                [("phone", p.phone_written, "phone/own")],
            ),
            (
                f"Ticket for {p.last}, {p.first}: escalated.",
                [_n(p.last, "name/bot-known"), _n(p.first, "name/bot-known")],
            ),
        )
    text, planted = rng.choice(forms)
    if rng.random() < 0.3:
        payload = {
            "type": "template",
            "payload": {
                "template_type": "button",
                "text": text,
                "buttons": [{"type": "postback", "title": "OK", "payload": "ACK"}],
            },
        }
        if bank >= 2 and rng.random() < 0.3:  # a platform that escapes non-ASCII in JSON
            text = json.dumps(payload)
            planted = [(k, json.dumps(v)[1:-1], c + "/json-escaped") for k, v, c in planted]
            return text, planted, "bot"
        text = json.dumps(payload, ensure_ascii=False)
        planted = [(k, json.dumps(v, ensure_ascii=False)[1:-1], c + "/json") for k, v, c in planted]
        return text, planted, "bot"
    return text, planted, rng.choice(("bot", "agent"))


def conversation(rng: random.Random, bank: int) -> Conversation:
    p = make_person(rng, bank)
    platform = rng.choice(("peki", "kore", "selise"))
    profile: dict[str, Any] = {}
    if platform == "peki":
        profile = {
            "firstName": p.first,
            "lastName": p.last,
            "email": p.email,
            "phoneNumber": p.phone,
            "username": _ascii(p.first) + str(rng.randint(1, 99)),
        }
    elif platform == "kore":
        names = (
            ("fullName", "email", "phone"),
            ("Full Name", "E-Mail", "Mobile"),
            ("customer_name", "mail", "msisdn"),
            ("displayName", "contactEmail", "tel"),
            ("Nombre completo", "correo", "celular"),
        )[rng.randrange(5) if bank == 2 else rng.randrange(3)]
        if bank == 3:
            names = rng.choice(
                (
                    ("name", "emailAddress", "phoneNumber"),
                    ("Nome", "Email", "Telefone"),
                    ("ad_soyad", "eposta", "cep_tel"),
                )
            )
        tags = []
        if rng.random() < 0.7:
            tags.append({"name": names[0], "value": p.full})
        if rng.random() < 0.7:
            tags.append({"name": names[1], "value": p.email})
        if rng.random() < 0.5:
            tags.append({"name": names[2], "value": p.phone})
        tags.append({"name": "segment", "value": rng.choice(("gold", "b2b", "trial"))})
        channel_uid = p.email if rng.random() < 0.5 else f"29:1{rng.getrandbits(64):016x}"
        profile = {
            "tags": {"userTags": tags, "sessionTags": []},
            "channels": [{"type": "rtm", "channelUId": channel_uid}],
        }
    elif rng.random() < 0.8:
        info: dict[str, Any] = {"name": p.full, "email": p.email}
        if rng.random() < 0.5:
            info["phone"] = p.phone
        profile = {"user_info": info}
    conv = Conversation(platform, p, profile)
    n = rng.randint(3, 8)
    reveal = rng.randrange(n)  # where the name is revealed by a cue (maybe late)
    for i in range(n):
        if i % 2 == 1:
            text, planted, role = _bot(rng, p, bank)
            conv.texts.append(Text(text, planted, f"message:{role}"))
            continue
        parts: list[tuple[str, Planted]] = []
        if i == reveal or rng.random() < 0.15:
            parts.append(_intro(rng, p, bank))
        roll = rng.random()
        if roll < 0.3:
            parts.append(_structured(rng, p, bank))
        elif roll < 0.45:
            parts.append(_stranger(rng, p, bank))
        elif roll < 0.6:
            parts.append(_mention(rng, p, bank))
        elif roll < 0.7:
            decoys = (_NAME_DECOYS, _NAME_DECOYS_2, _NAME_DECOYS_3)[bank - 1]
            parts.append((rng.choice(decoys), []))
        if rng.random() < 0.35:
            parts.append((decoy(rng, bank).capitalize() + ".", []))
        if rng.random() < 0.25:
            parts.append(_signature(rng, p, bank))
        if not parts:
            parts.append((decoy(rng, bank), []))
        sep = rng.choice((" ", "\n", "\n\n"))
        conv.texts.append(
            Text(sep.join(t for t, _ in parts), [v for _, pl in parts for v in pl], "message:user")
        )
    # Free-text fields of the session record, written by agents or the platform later.
    if rng.random() < 0.6:
        written, cls = phone(rng, p.country, own=True)
        fields = (
            (
                f"Customer {p.full} asked for a callback on {written}.",
                [_n(p.full, "name/raw-summary"), ("phone", written, cls + "/raw")],
                "raw:summary",
            ),
            (f"Callback: {written}", [("phone", written, cls + "/raw")], "raw:notes"),
            (
                f"Sehr hilfreich, danke! {p.first}",
                [_n(p.first, "name/raw-feedback")],
                "raw:feedback",
            ),
            (f"vip;{p.email}", [("email", p.email, "email/raw")], "raw:tags"),
        )
        if bank == 3:
            fields = (
                (f"Caller identified as {p.full}.", [_n(p.full, "name/raw-summary")],
                 "raw:summary"),
                (f"{p.first} prefers WhatsApp {written}",
                 [_n(p.first, "name/raw-notes"), ("phone", written, cls + "/raw")], "raw:notes"),
                (f"5 stars from {p.first}!", [_n(p.first, "name/raw-feedback")], "raw:feedback"),
                (f"vip,{p.first}", [_n(p.first, "name/raw-tags")], "raw:tags"),
            )  # fmt: skip
        elif bank == 2:
            fields = (
                (
                    f"{p.first} {p.last} reported a missing parcel; phone {written}.",
                    [_n(p.full, "name/raw-summary"), ("phone", written, cls + "/raw")],
                    "raw:summary",
                ),
                (
                    f"agent note: cb {written} after 18h",
                    [("phone", written, cls + "/raw")],
                    "raw:notes",
                ),
                (f"Obrigado! — {p.first}", [_n(p.first, "name/raw-feedback")], "raw:feedback"),
                (f"callback,{written}", [("phone", written, cls + "/raw")], "raw:tags"),
            )
        text, planted, where = rng.choice(fields)
        conv.texts.append(Text(text, planted, where))
    return conv


def corpus(n_texts: int, seed: int, bank: int) -> list[Conversation]:
    rng = random.Random(f"held-out/{bank}/{seed}")
    out: list[Conversation] = []
    count = 0
    while count < n_texts:
        conv = conversation(rng, bank)
        out.append(conv)
        count += len(conv.texts)
    return out
