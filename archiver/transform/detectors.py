"""Text detectors: where personal values sit in free text, and of which kind.

Each detector is a cheap compiled pattern that proposes candidates, and a validator that keeps
only real values (Luhn for cards, mod-97 and the country's length for IBANs, ``ipaddress`` for
IPs, libphonenumber for phones, query/userinfo inspection for URLs). Candidates that merely look
numeric (dates, prices, versions, order numbers) never reach the expensive validators.

A person's own known values (name, email, phone, username from their profile) are found by a
per-person pattern built once and cached. Custom patterns come from the policy.

Found spans carry a normalised value, so the keyed token of a value does not depend on how it
was written (``+90 532 …`` and ``0532…`` get the same ``<PHONE:…>``).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import phonenumbers

from archiver.transform import records
from archiver.transform.clinical import hl7_phones
from archiver.transform.gazetteer import ascii_form
from archiver.transform.names import _U, NameFinder, spelled_both_ways
from archiver.transform.namewords import PARTICLES, NameCues, fold

# Kinds of the built-in detectors, as they appear in tokens (``<EMAIL>``).
EMAIL, PHONE, CARD, IBAN, IP, URL, NAME, USERNAME = (
    "EMAIL",
    "PHONE",
    "CARD",
    "IBAN",
    "IP",
    "URL",
    "NAME",
    "USERNAME",
)
KNOWN_KINDS = {"name": NAME, "email": EMAIL, "phone": PHONE, "username": USERNAME}


# "no", "Nr." and the like between a decoy word and its number ("order no. 123").
NUMBERING = frozenset(
    {"no", "nr", "n", "num", "number", "nummer", "numero", "número", "numer", "numara", "nro"}
)

# The abbreviations of them that label a record's own number where they open a row or a cell
# ("NR. 1215644;…"); the words written out ("Nummer: 0171 …") often label a phone.
_ROW_NUMBERING = frozenset({"no", "nr", "n", "num", "nro", "núm", "nº"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    value: str  # normalised, for the keyed token hash


@dataclass(frozen=True)
class CustomPattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    group: str | int = 0


@dataclass(frozen=True)
class DetectorSettings:
    email: bool = True
    phone: bool = True
    card: bool = True
    iban: bool = True
    ip: bool = True
    url: bool = True
    known: bool = True
    # Folded local parts of a business's role addresses ("support", "billing", "noreply"):
    # such an address is kept ("support+ref@shop.example" too)...
    email_keep_roles: frozenset[str] = frozenset()
    # ...unless its domain is one of these mail providers, where every mailbox is a person's
    # ("sales@gmail.com"). An entry ending in ".*" takes any top-level domain ("yahoo.*").
    email_personal_domains: tuple[str, ...] = ()
    # Networks whose addresses are kept (private, loopback, link-local): they name a machine
    # inside some network, not a subscriber; an IPv6 address in one whose interface id is
    # made from a MAC address (EUI-64, "…:02ff:fe3c:…") is still masked.
    ip_keep_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    phone_regions: tuple[str, ...] = ("TR",)  # the default region first
    phone_min_digits: int = 7
    phone_max_digits: int = 15
    # A national number of this many digits (fewer than ``phone_min_digits``; 0: none), written
    # in groups ("21 22 53"), read only in the regions whose numbers are that long and written
    # with no national prefix (Faroe Islands, Greenland, Andorra…): when the text names one, or
    # after a phone cue.
    phone_short_digits: int = 0
    # International forms (``+``/``00``, a country code): masked when libphonenumber finds the
    # length possible for the country, even if its metadata does not list the range as valid.
    phone_international: str = "possible"  # or "valid"
    # National forms not valid in ``phone_regions`` are also read in the regions the same text
    # names (a ``+CC`` number, an IBAN's country, an e-mail's country domain)...
    phone_text_regions: bool = False
    # ...and, right after one of these words on the same line (or under such a column of a
    # table), as a fixed line or mobile of any region. Folded; an entry ending in "*" is a stem.
    phone_cues: tuple[str, ...] = ()
    # Cues of one language, each with the regions of that language (folded word or stem,
    # region): a national number after "zvaniet man uz" is tried in LV first, then anywhere.
    phone_cue_regions: tuple[tuple[str, str], ...] = ()
    # Folded words that say the number right before them is a phone, in languages that put
    # the case ending on the word for "number" after it (Tamil "… numberla call pannunga",
    # Armenian "… hamarov"): as a cue before it.
    phone_cues_after: frozenset[str] = frozenset()
    # Folded labels that open a line of a signature or contact block by themselves, a number
    # after them and nothing else ("M: 6912 815329", "T 212 596 829", "📞 8129 2193").
    phone_line_labels: frozenset[str] = frozenset()
    # A number in a table column where another row holds a phone, or in a contact line (a
    # name, the number, maybe an e-mail address, between "|", "·", "/", "," or " - "), is
    # read as a fixed line or mobile of any region.
    phone_contact_lines: bool = False
    # Folded words naming what a number right after them is ("order", "sipariş", "imei"):
    # such a number is neither a phone nor a card.
    not_after: frozenset[str] = frozenset()
    # Words that name a number after a ``not_after`` word ("order no.", Turkish "sipariş
    # kodu", "numéro"), compound endings that make a label of any word ("Ordernummer",
    # "Kundennr"), and stems that keep a compound a phone's or a person's ("Telefonnummer").
    not_after_heads: frozenset[str] = NUMBERING
    not_after_suffixes: tuple[str, ...] = ()
    not_after_unless: tuple[str, ...] = ()
    # Folded words of a bank's routing number ("routing", "ABA", "RTN"): a nine-digit number
    # after one on its line that passes the ABA checksum is a routing number, not a phone.
    routing_cues: tuple[str, ...] = ()
    # Ranges of a routing number's first two digits (its Federal Reserve routing symbol):
    # nine digits written whole and alone that start in one and pass the checksum are a
    # routing number even with no label, unless a phone cue stands before them.
    routing_prefixes: tuple[tuple[int, int], ...] = ()
    # Phone numbers spelled in digit words ("plus four four seven seven …"), EN/DE/FR/ES.
    phone_spelled: bool = False
    url_secret_params: frozenset[str] = frozenset()
    # Folded ``host/path`` prefixes of links that are secrets by design (a Slack or Discord
    # webhook, a Telegram bot): any URL under one is masked, whatever the case of its letters.
    url_secret_paths: tuple[str, ...] = ()
    url_secret_suffixes: tuple[str, ...] = ()
    # A query or fragment value at least this long that looks random (letters and digits or
    # both cases interleaved: a session id, a signed token) makes a URL secret; 0: off.
    url_token_min_length: int = 0
    known_min_length: int = 3
    # A word this long or longer one edit from a known name part of this length or longer is
    # taken for that name misspelt (``KnownValues.near_in``); 0: off.
    known_misspelt_min_length: int = 5
    # ``known: pair`` fields: folded, punctuation-free pair name -> known kind
    pair_names: tuple[tuple[str, str], ...] = ()
    names: NameCues | None = None
    learn: bool = True
    learn_hold_records: int = 10_000
    custom: tuple[CustomPattern, ...] = ()


# --- checksums -------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_checksum_ok(compact: str) -> bool:
    """ISO 13616 mod-97 on an upper-case IBAN without spaces."""
    moved = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


# IBAN length per country (SWIFT IBAN registry). A length check rejects most IBAN-shaped noise
# before the checksum, and tells where an IBAN written in groups of four ends.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# --- candidate patterns ------------------------------------------------------------------------


def _mark_ranges() -> str:
    """A character class body of the combining marks of the Basic Multilingual Plane (Unicode
    categories Mn, Mc, Me): Thai, Devanagari, Arabic and other scripts write vowels with them,
    and ``\\w`` takes none of them ("ร้านค้า" is one word to its readers)."""
    out: list[str] = []
    first = last = -1
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp))[0] == "M":
            if cp == last + 1:
                last = cp
                continue
            if first >= 0:
                out.append(f"{chr(first)}-{chr(last)}")
            first = last = cp
    out.append(f"{chr(first)}-{chr(last)}")
    return "".join(out)


_MARKS = _mark_ranges()
# A letter or digit of a domain label, a combining mark among them; the labels and the
# top-level domain of an internationalised domain (RFC 5890), in Unicode or in its ASCII form
# (``xn--p1ai``: the ASCII-compatible encoding of ".рф").
_DOMAIN_CHAR = rf"(?:[^\W_]|[{_MARKS}])"
_DOMAIN = (
    rf"(?:{_DOMAIN_CHAR}(?:(?:[\w-]|[{_MARKS}]){{0,61}}{_DOMAIN_CHAR})?\.)+"
    rf"(?:(?:[^\W\d_]|[{_MARKS}]){{2,24}}|(?i:xn--)[A-Za-z0-9-]{{2,59}})"
    rf"(?![\w{_MARKS}-])"
)
# Local parts may be internationalised (RFC 6531): anything but spaces and delimiters, the
# full-width ones of Chinese, Japanese and Korean text too ("手机号：131 …，邮箱：anna@…": the
# address starts after the "：", not at the number before the "，"): the CJK symbols and
# punctuation block (、。「」【】 and the ideographic space) and the full-width forms of ASCII
# punctuation (，：；（）！？ …) and the half-width ones (｡｢｣､).
_FULL_WIDTH_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_EMAIL = re.compile(rf"[^\s@<>()\[\]{{}},;:\"'`/\\{_FULL_WIDTH_PUNCT}]{{1,64}}@" + _DOMAIN)
# A field's key opening a local part (``email=anna@…``): no part of the address.
_FIELD_KEY = re.compile(r"[^\W\d][\w.-]{0,30}=(?=[^=])")
# RFC 5322 quoted local part (``"anna smith"@example.com``): quoted text and backslash pairs,
# one line; the domain as above. Found only in a text holding ``"@``. Inside a JSON string the
# quotes are escaped (``\\"anna smith\\"@example.com``): the same address.
_EMAIL_QUOTED = re.compile(
    r'(?:"(?:[^"\\\r\n]|\\[^\r\n]){1,62}"|\\"(?:[^"\\\r\n]|\\[^"\r\n]){1,62}\\")@' + _DOMAIN
)
_JSON_QUOTE = re.compile(r'\\(["\\])')
# Top-level domains an address written with "at" and "dot" words may end in: the country codes
# (regions libphonenumber knows, ``uk`` and ``eu``) and the common generic ones. An obfuscated
# form is an inference; a last label outside this list keeps ordinary prose out.
_TLDS = frozenset(
    {r.lower() for r in phonenumbers.SUPPORTED_REGIONS}
    | {"uk", "eu", "su", "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name",
       "pro", "mobi", "app", "dev", "io", "online", "shop", "store", "site", "tech", "xyz",
       "email", "mail", "cloud", "live", "blog", "news", "club", "asia", "cat", "coop", "aero",
       "museum", "travel", "jobs", "tel", "berlin", "wien", "paris", "london", "nyc", "istanbul"}
)  # fmt: skip
_TLD_ALT = "|".join(sorted(_TLDS, key=lambda t: (-len(t), t)))
# "at" and "dot" as people write them to hide an address from spam robots: a word between
# spaces (English "at"/"dot", Spanish and Portuguese "arroba"/"punto"/"ponto", German "punkt"),
# or bracketed ("[at]", "(at)", "{at}", "<at>", "[dot]"), or "@" with spaces around it.
_OBF_AT = re.compile(
    r"(?i)[\[({<][ \t]*(?:at|arroba|@)[ \t]*[\])}>]|[ \t](?:at|arroba)[ \t]|[ \t]@|@[ \t]"
)
_OBF_DOT = (
    r"(?:[ \t]*[\[({<][ \t]*(?:dot|punto|ponto|punkt|\.)[ \t]*[\])}>][ \t]*"
    r"|[ \t]+(?:dot|punto|ponto|punkt)[ \t]+|\.)"
)
_OBF_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_OBF_DOMAIN = re.compile(
    rf"(?i){_OBF_LABEL}(?:{_OBF_DOT}{_OBF_LABEL})*{_OBF_DOT}(?:{_TLD_ALT})(?![\w-])"
)
_OBF_LOCAL = re.compile(rf"(?i)(?<![\w.+-])[\w+-]+(?:{_OBF_DOT}[\w+-]+)*\Z")
_OBF_SEP = re.compile(rf"(?i){_OBF_DOT}")
# Words that, with the bare "at" and "dot" words, read as prose rather than an address
# ("meet at home dot com", "jobs at the dot com firms"): then no address is taken.
_OBF_PROSE = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
    "their", "me", "us", "you", "him", "them", "it", "i", "we", "he", "she", "they", "m", "s",
    "re", "ve", "ll", "d", "home", "work", "school", "least", "most", "last", "first", "all",
    "any", "some", "one", "no", "look", "looking", "meet", "meeting", "be", "is", "are", "was",
    "were",
})  # fmt: skip
_OBF_GATE = (" at ", "[at]", "(at)", "{at}", "<at>", " @", "@ ", "arroba", "[@]", "(@)")
# Either gate is one C-level search of the lowered text (not a Python loop over its words):
# a literal in the lowered text, exactly as ``any(g in lowered for g in gate)``.
_OBF_GATE_RE = re.compile("|".join(map(re.escape, _OBF_GATE)))


def _obf_gate(lowered: str) -> bool:
    """A literal of ``_OBF_GATE`` in ``lowered``. Each holds "at" or "@" but "arroba": three
    substring tests rule out most texts faster than the search they spare."""
    return ("at" in lowered or "@" in lowered or "arroba" in lowered) and (
        _OBF_GATE_RE.search(lowered) is not None
    )


# Any scheme: credentials ride in database, cache and transfer links too (postgres://u:pw@h).
_URL = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]{1,19}://|www\.)[^\s<>\"'`{}|\\^]+")
# Groups separated by spaces or dashes ("DE89 3704 …", "HU46-3246-4417-…"). The letters are
# what ``(?i)[A-Z]`` matches (Turkish dotted and dotless i, long s and the Kelvin sign too),
# written out: a pattern that opens with a class the engine skips ahead to, not with a
# look-behind tried at every character, scans three times faster (same matches).
_LATIN = "A-Za-z\u0130\u0131\u017f\u212a"
# A line break may stand between two groups too (an IBAN wrapped in a note or a summary; in
# a JSON string, the escape ``\n``): ``_ibans`` accepts one only when the joined value has its
# country's length and mod-97.
_IBAN_SHAPE = re.compile(
    rf"[{_LATIN}](?<![{_LATIN}0-9].)[{_LATIN}]\d{{2}}"
    rf"(?:(?:[ -]|[ \t]*(?:\r?\n|\\n)[ \t]*)?[{_LATIN}0-9]){{10,32}}(?![{_LATIN}0-9])"
)
# What every IBAN shape holds: its country's second letter and the two check digits. Written
# to open with a digit (the engine skips ahead to digits, the letter checked behind it), it
# rules out most texts with digits five times faster than the shape's own search, and its
# first match bounds where the first shape can start (two characters before it).
_IBAN_HINT = re.compile(rf"\d(?<=[{_LATIN}]\d)\d")
_IBAN_SEPARATORS = re.compile(r"[\s-]+|\\n")
# Spaces that group digits in print and in some keyboards' output: no-break (U+00A0), figure
# (U+2007), thin (U+2009) and narrow no-break (U+202F, French). Cards, IBANs and phones are
# read with each of them as an ASCII space: one character for one, so every offset holds.
_GROUPING_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
_GROUPING_SPACE = re.compile("[\u00a0\u2007\u2009\u202f]")


# A noun-class or locative prefix of the Bantu languages written with a hyphen before a number
# ("ku-+27 71 …", "ku-071 …" in Zulu, Xhosa, Swati and Ndebele, "ne-", "nge-", "kwa-", "e-";
# Shona and Ganda "ku-", "mu-"): the hyphen joins a grammatical prefix, not a code's parts, so the
# number is read from its first digit as if a space stood there. Lower case, or capitalised at
# a sentence's start; an upper-case code ("KA-1234567", "E-0171…") keeps its hyphen.
_BANTU_PREFIXES = frozenset({"ku", "kwa", "e", "ne", "na", "nge", "nga", "ka", "njenge", "mu"})
_BANTU_GLUED = re.compile(r"(?<![\w-])([A-Za-z]{1,6})-(?=[+(]?\d)")


def unglued_prefixes(text: str) -> str:
    """``text`` with the hyphen after a Bantu class prefix before a number as a space (the
    same length: positions stay), ``text`` itself when none is (most texts: one search for
    a hyphen before a digit or "+")."""
    if "-" not in text:
        return text
    out: list[str] | None = None
    for m in _BANTU_GLUED.finditer(text):
        word = m.group(1)
        if word.lower() in _BANTU_PREFIXES and (word.islower() or word[1:].islower()):
            if out is None:
                out = list(text)
            out[m.end() - 1] = " "
    return text if out is None else "".join(out)


def plain_spaces(text: str) -> str:
    """``text`` with its grouping spaces (no-break, figure, thin, narrow no-break) as ASCII
    spaces, same length: "4111\u00a01111\u00a01111\u00a01111" is read as a card written with
    spaces. ``text`` itself when it has none (most texts)."""
    if _GROUPING_SPACE.search(text) is None:
        return text
    return text.translate(_GROUPING_SPACES)


# Digit-rich runs: the only text phone and card validation ever look at.
# Not part of a longer token (ORD-1234567, a UUID's first group, 1.2.3.4567), but a "+" after a
# word and a slash opens a number ("GSM/+47 …"), and so do "+", "(" and a trunk or
# international "0" after a word and a dot ("Tel.+34 …", "Tel.(+351) …", "Tel.0041 …").
# Up to three of "(" and "+", then a digit: written to open with the class of its first
# character, the look-behinds after it (as ``_IBAN_SHAPE``; same matches, faster scan).
# A tab ends a run: it separates the cells of a pasted table ("+3816012…\t295-84…"), and
# a number read with the next cell's digits is no number at all.
# A phone's own label glued on with a dot opens any number ("Tel.21234927", "Tél.612 …"), and
# so does a letter of a script written without spaces ("手机号131 2345 6512", "手机号+65 …"),
# and such a letter may follow it ("090-1234-5678です", "010-1234-5678입니다").
_GLUED_LABELS = ("tel", "tél", "ph", "mob", "tlf", "tfn", "fon", "cel", "gsm")
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_NUM_REST = (
    rf"(?:(?<![\w+(].)|(?<=[{_UNSPACED}].))(?<!\w-.)(?<![0-9_]\..)"
    r"(?:(?<![^\W\d_]\.[^\D0])|"
    + "|".join(rf"(?<=(?<![^\W\d_])(?i:{w})\.[^\D0])" for w in _GLUED_LABELS)
    + r")(?<!\w/[^+])(?:(?<=\d)|(?<!\d)[(+]{0,2}\d)"
    r"[\d ().\-/]{4,30}\d(?!(?![" + _UNSPACED + r"])\w|[-./]\w)"
)
_NUM = re.compile(r"[(+\d]" + _NUM_REST)
# ``_NUM`` for an ASCII text, where ``\d`` is 0-9: with its first class written so, the regex
# engine skips ahead to those characters (about three times faster over chat texts).
_NUM_ASCII = re.compile(r"[(+0-9]" + _NUM_REST)
# Not inside a longer dotted number (1.2.3.4.5), but a sentence's dot may precede it.
# (The look-behinds follow the first digit, so the engine skips ahead to digits.)
# A country code (``+`` or ``00``) right before four dotted groups: the groups are a phone's,
# not an address, when the whole reads as a phone.
_COUNTRY_CODE_BEFORE = re.compile(r"(?<![\w+])\(?(?:\+|00)\d{1,3}\)?[ \t]?$")
_IPV4 = re.compile(r"\d(?<!\w\d)(?<!\d\.\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?!\w|\.\d)")
# What every ``_IPV4`` match holds: a dot, one to three digits, a dot and a digit. Opening with
# a literal, its search skips ahead to dots; about half the texts with three dots and a digit
# (prices, dates, versions, sentences) hold none, and their address scan is left out.
_IPV4_HINT = re.compile(r"\.\d{1,3}\.\d")
# Runs of hex digits and colons (and dots, for an embedded IPv4) with at least two colons;
# a stray colon at either end ("IP:2001:db8::1", "…::1: ") is trimmed before validation.
_IPV6 = re.compile(r"(?<!\w)[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?!\w)")
# Two colons with at most four hex digits between: what every IPv6 candidate holds.
_IPV6_HINT = re.compile(r":[0-9A-Fa-f]{0,4}:")

# A WhatsApp click-to-chat link: its number is international, written without "+"
# (``wa.me/<number>``, ``api.whatsapp.com/send?phone=<number>``).
_WHATSAPP = re.compile(
    r"(?i)(?:\bwa\.me/|\bwhatsapp\.com/send/?\?(?:[^\s#&]*&)*phone=)((?:\+|%2B)?\d{6,15})(?!\d)"
)

# Digit words of phone numbers spelled out (English, German, French, Spanish): "plus four
# four seven seven double oh…". Read only in a text that holds one of ``_SPELLED_GATE``.
_SPELLED_DIGITS: dict[str, str] = {
    **dict.fromkeys(("zero", "oh", "null", "zéro", "cero"), "0"),
    **dict.fromkeys(("one", "eins", "un", "uno"), "1"),
    **dict.fromkeys(("two", "zwei", "zwo", "deux", "dos"), "2"),
    **dict.fromkeys(("three", "drei", "trois", "tres"), "3"),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro"), "4"),
    **dict.fromkeys(("five", "fünf", "cinq", "cinco"), "5"),
    **dict.fromkeys(("six", "sechs", "seis"), "6"),
    **dict.fromkeys(("seven", "sieben", "sept", "siete"), "7"),
    **dict.fromkeys(("eight", "acht", "huit", "ocho"), "8"),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve"), "9"),
}
_SPELLED_REPEAT = {"double": 2, "doppel": 2, "doble": 2, "triple": 3}
_SPELLED_GATE = ("plus", "zero", "null", "zéro", "cero", "double", "doppel", "doble", "triple")
_SPELLED_GATE_RE = re.compile("|".join(map(re.escape, _SPELLED_GATE)))
_SPELLED_WORD = "|".join(
    sorted([*_SPELLED_DIGITS, *_SPELLED_REPEAT, "plus"], key=lambda w: (-len(w), w))
)
# Two digit words in a row, each after a separator: a number spelled without any word of
# ``_SPELLED_GATE`` ("six four seven …"); the separator first gives the search a cheap start,
# and the words as a tree (``_word_trie``) a cheap test after each separator. A gate only:
# whether it matches anywhere, as the same words in one alternation.


def _word_trie(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, written as a tree of their first letters
    ("c(?:ero|in(?:co|q)|uatro)|…"): at each place the engine tries the few words with the
    letter it reads, not every word in turn."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict[str, Any]]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = "|".join(alts)
        if "" in node:
            return f"(?:{body})?"
        return body if len(alts) == 1 else f"(?:{body})"

    return f"(?:{branch(tree)})"


_SPELLED_RUN = re.compile(
    rf"[ \t,\-]{_word_trie(_SPELLED_DIGITS)}[ \t,\-]{_word_trie(_SPELLED_DIGITS)}[ \t,\-]"
)
_SPELLED_PART = rf"(?:{_SPELLED_WORD}|\d{{1,6}})"
_SPELLED = re.compile(rf"(?i)(?<!\w){_SPELLED_PART}(?:[ \t,\-]+{_SPELLED_PART}){{2,}}(?!\w)")
_SPELLED_TOKEN = re.compile(r"[^\W_]+")

_DIGIT = re.compile(r"\d")
_DIGIT_GROUPS = re.compile(r"(?:[ \t]+\d+)+")
# A decimal degree (four decimals or more): a phone only when no other stands beside it.
_COORDINATE = re.compile(r"\d{1,3}\.\d{4,8}")
_COORDINATE_BEFORE = re.compile(r"\d\.\d{4,8}[ \t]*[,;][ \t]*-?$")
_COORDINATE_AFTER = re.compile(r"[ \t]*[,;][ \t]*-?\d{1,3}\.\d{4,8}(?!\d)")
# A version of three or four parts, the second of one digit ("16.4.2", "127.0.6514.190").
_VERSION = re.compile(r"\d{1,3}\.\d\.\d{1,4}(?:\.\d{1,4})?(?![\d.])")


def _in_coordinates(text: str, start: int, end: int) -> bool:
    """The decimal at text[start:end] is one of a latitude-longitude pair."""
    return (
        _COORDINATE_BEFORE.search(text, max(0, start - 16), start) is not None
        or _COORDINATE_AFTER.match(text, end) is not None
    )


_NON_DIGIT = re.compile(r"\D+")
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_URL_TRAIL = ".,;:!?'\"”’"
# A card number grouped by underscores, as code and booking exports write one
# ("card='3734_413605_80620'", "PAID WITH 5019_0613_7990_6431"): the digit runs never read it
# (an underscore joins words), so it is read apart. Not glued to a word by an underscore or a
# hyphen on either side: "order_1234_5678" and "ticket_4111_1111_1111_1111" are identifiers.
# A URL's user and password written raw, the password holding "#" or "?"
# ("https://deploy:JSH94QQGFq#8QAc@git.example.net/"): a URL parser ends the authority at
# either and misses the userinfo. A host and a port ("host:8080#top") is no password.
_RAW_USERINFO = re.compile(
    r"(?i)[a-z][a-z0-9+.-]{1,19}://[^\s/?#@:]+:(?!\d+[#?])[^\s/@]*[#?][^\s/@]*@[\w\[]"
)
_UNDERSCORE_CARD = re.compile(r"\d(?<![\w-]\d)\d{3,5}(?:_\d{1,13}){1,4}(?![\w-])")
# What may follow a national number in the same digit run: a count, a date, a time, a fraction.
_TRAILING_PIECE = re.compile(r"\d{1,5}(?:[/:.]\d{1,4}){0,2}")


# Words as labels write them: "case_id" and "contact_phone" are two (a key's parts), "Kunden-ID"
# one (a compound). A combining mark stays in its word: "कालिदास" is one, not four.
# A comma or a semicolon before the last word of the text before a number: the word before
# it ends another clause ("… to the account, number 0157 …" is no "account number").
_CLAUSE_BEFORE_LAST = re.compile(r"[,;][ \t]*[^\W\d_]+$")
_TAIL_WORDS = re.compile(rf"[^\W\d_](?:[^\W_]|-|[{_MARKS}])*")

# Labels that name a number only written in capitals: "PO 6058681136" is a purchase order,
# while a lower-case "po" is a preposition in the Slavic languages ("po nomeru", "sumata po
# 4953 …", Russian and Bulgarian written in Latin letters) and a Tagalog politeness particle.
# "EAN 4006381333931" is an article number, while "Ean" is a Manx given name ("QUAYLE, Ean
# 01624 612345").
_UPPER_ONLY_LABELS = frozenset({"po", "ean"})
# The trunk "8" and an area code in brackets, the last four digits in pairs: how a number of
# Russia, Kazakhstan or Belarus is written at home ("8 (912) 345-67-89", "8 (029) 612-34-56",
# "8(7172) 55-44-33"); read in those regions (``_TRUNK_EIGHT_REGIONS``) whatever the text.
_TRUNK_EIGHT = re.compile(r"8[ \-]?\(\d{3,5}\)[ \-]?\d{1,3}(?:[ \-]?\d\d){2}")
_TRUNK_EIGHT_REGIONS = ("RU", "KZ", "BY", "TM")
# Five digits alone, not part of a longer number, a word, an amount, a date, a time or a link's
# query ("$31277", "#31277", "12.31277", "31277-2", "ORD-31277", "?id=31277&…").
_FIVE_RUN = re.compile(r"[1-9](?<![\w+(.,\-/$£€#:=&?%@]\d)\d{4}(?!\w|[.,\-/:]\d|[&%@])")
# A capitalised word right after five digits: a postcode's town ("75011 Paris") or a unit.
_PLACE_AFTER = re.compile(r" +[^\W\d_a-z]")
# The last words of the phone cues of two words ("direct line", "direct dial"): only a word of
# these is joined to the one before it and looked up.
_PAIR_ENDS = frozenset({"line", "dial"})
# A list's row up to a number: a numbering ("1.", "2)", "-", "•") maybe, a name of one to four
# capitalised words (one comma: "KOWALSKA, Anna"), then a tab or two spaces, as a roster or a
# members' list aligns its columns ("1. KOWALSKA, Anna  72104418", "Berg, Anna\t31902\t…").
_NAME_ROW = re.compile(
    r"[ \t]*(?:(?:\d{1,3}[.)]|[-*•–])[ \t]+)?"
    r"(?P<name>[^\W\d_](?:[^\W\d_]|['’.\-])*(?:,?[ ][^\W\d_](?:[^\W\d_]|['’.\-])*){0,3},?)"
    r"(?:\t|[ ]{2,})"
)
# Inside brackets after a name, one word or an e-mail address and a comma before the number:
# "Rua Tane (lead, 72104418)", "(rua@mail.ki, 28013)".
_BRACKET_FIELD = re.compile(r"\((?:[^\W\d_]+(?:[ \-][^\W\d_]+)?|[^\s@(),]+@[^\s@(),]+),[ \t]*\Z")
# A year, then a sequence number: an invoice, a case or a document ("FT 2024/424361",
# "2023-640827"), not a phone.
_DOCUMENT = re.compile(r"(?:19[5-9]\d|20[0-4]\d)[-/]\d{4,7}")
# A date written without separators ("le 20240701"), alone or before a time.
_COMPACT_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
# A digit run that is no phone by its form alone: a date or a document's number as a whole
# (``_DATE``, ``_DOCUMENT``, ``_COMPACT_DATE``), or a version at its start: one test for four.
_NOT_PHONE = re.compile(
    rf"(?:{_DATE.pattern}|{_DOCUMENT.pattern}|{_COMPACT_DATE.pattern})\Z|{_VERSION.pattern}"
)
_DATED = re.compile(
    rf"(?:{_DATE.pattern}|{_COMPACT_DATE.pattern})[ \t]+(?:[01]?\d|2[0-3])(?P<minutes>[.h]\d\d)?"
)
_TIME_AFTER = re.compile(r"[:h.]\d\d")


# A whole date with its four-digit year, as one group of a run ("21.06.2026", "7/4/2025",
# "2026-06-21"): no group of a phone written in groups.
_WHOLE_DATE = (
    r"(?:0?[1-9]|[12]\d|3[01])(?P<sep>[./-])(?:0?[1-9]|[12]\d|3[01])(?P=sep)(?:19|20)\d\d"
    r"|(?:19|20)\d\d(?P<iso>[./-])(?:0?[1-9]|1[0-2])(?P=iso)(?:0?[1-9]|[12]\d|3[01])"
)
_DATE_HEAD = re.compile(rf"(?:{_WHOLE_DATE})[ \t]+")
_DATE_TAIL = re.compile(rf"[ \t]+(?:{_WHOLE_DATE})")
# An amount with its decimal part as a run's last group ("2065.70", "1.259,10"), or the whole
# part of one whose decimal comma ends the run ("33" of "33,02"): no group of a phone.
_AMOUNT_TAIL = re.compile(
    r"[ \t]+(?:\d{1,3}(?:\.\d{3})+,\d\d|\d{1,3}(?:,\d{3})+\.\d\d|\d+[.,]\d\d)"
)
_LAST_GROUP = re.compile(r"[ \t]+\d+")
_DECIMAL_COMMA = re.compile(r",\d\d(?![\d,.])")


# A digit within one separator of a run of digits: the run is part of a longer number
# ("555 123 4567.routing": the regex of runs stops before "4567.r"), not a six-digit one.
_DIGITS_AROUND = re.compile(r"\d|[ \t.\-/]\d|\d[ \t.\-/]")


def _without_dates(text: str, start: int, end: int) -> tuple[int, int]:
    """The run text[start:end] (groups between spaces) without a whole date that starts or
    ends it ("21.06.2026 2065.70", an MT103 ``:32A:`` line): no phone is written with one,
    and what is left is read on its own ("am 21.06.2026 0151 2185551": the phone after it)."""
    m = _DATE_HEAD.match(text, start, end)
    if m is not None:
        start = m.end()
    blank = _last_blank(text, start, end)
    if blank is not None and _DATE_TAIL.fullmatch(text, blank, end):
        end = blank
    return start, end


def _amount_start(text: str, start: int, end: int) -> int | None:
    """Where an amount that ends the run text[start:end] starts (the blank before it): a
    last group with its decimal part ("2065.70", "1.259,10"), or the whole part of one whose
    decimal comma ends the run ("33" of "33,02")."""
    blank = _last_blank(text, start, end)
    if blank is None:
        return None
    if _AMOUNT_TAIL.fullmatch(text, blank, end) or (
        _LAST_GROUP.fullmatch(text, blank, end) and _DECIMAL_COMMA.match(text, end)
    ):
        return blank
    return None


def _last_blank(text: str, start: int, end: int) -> int | None:
    """Where the blanks before the run's last group start; none in a run of one group."""
    last = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
    if last < 0:
        return None
    while last > start and text[last - 1] in " \t":
        last -= 1
    return last


def _hour_after_date(cand: str, text: str, end: int) -> bool:
    """``cand`` is a date and the time after it ("04.05.2021 13.50 Uhr"), or the hour of a
    time whose colon ends the digit run ("2023-02-23 16:15:36", "20191220 10:00")."""
    m = _DATED.fullmatch(cand)
    return m is not None and (m["minutes"] is not None or _TIME_AFTER.match(text, end) is not None)


# The value of a form field whose label is given beside it (bot templates' form summaries).
_FORM_VALUE = re.compile(r'"label"\s*:\s*"(?P<label>[^"\n]{1,40})"\s*,\s*"value"\s*:\s*"$')
_LAST_DIGIT = re.compile(r"\d(?!.*\d)", re.DOTALL)
_AT_TOKEN = re.compile(r"\S*@\S*")
# An e-mail address's domain ending a text (no cell separator after the "@").
_AT_DOMAIN_END = re.compile(r"@[^\s@,;|<>()\[\]{}\"']+$")


def _blank(m: re.Match[str]) -> str:
    """Spaces for a match: what it held is out of sight, every position stays."""
    return " " * len(m.group())


# A cell of a table or CSV row: the number alone between separators or the line's ends.
# A line of a list of numbers: a short label (its words may hold digits: "Tier-2"), then a
# number (and maybe its extension).
_LETTER = re.compile(r"[^\W\d_]")
_LIST_ITEM = re.compile(
    r"[ \t]*(?:[-*•·][ \t]*)?[^\n]{0,47}?[^\W\d_][^\w\n]{1,4}[(+]*\d[\d ().\-/]*\d"
    r"(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?[ \t.;,]*"
)
# How many lines of such a list a cue heading it reaches.
_LIST_ABOVE = 12
# An SQL insert's column list and the VALUES keyword after it.
_SQL_INSERT = re.compile(
    r"(?i)\binsert\s+into\s+[\w.`\"\[\]]+\s*\((?P<columns>[^()]*)\)\s*values\b"
)
_CELL = re.compile(r"(?:.*[,;|\t])?[ *`]*[(+\d][\d \t().\-/]*\d?\)?[ *`]*(?:[,;|\t].*)?")


# A separator typed after a number's last digit, the number ending there ("+27 6519058702-;",
# "numaram +90 614380311179/"): part of the number as written.
_STRAY_END = re.compile(r"[-/](?=[\s.,;:!?)\]\"']|$)")


def _stray_end(text: str, sp: Span) -> Span:
    """``sp`` with the separator typed after its last digit, if one is: the token then
    replaces the number as it was written (the value stays the number's)."""
    if _STRAY_END.match(text, sp.end) is None:
        return sp
    return Span(sp.start, sp.end + 1, sp.kind, sp.value)


# An extension written after a phone number: part of the number as written ("+44 20 7946 0958
# ext. 12", "x12", ";ext=12" (RFC 3966), "Durchwahl 12", "poste 12", "int. 12", "#12"), in the
# words the languages use for it. Masked with the number: an extension beside a masked number
# is a pointer to one desk, and the number is half the way to it.
_EXTENSION_WORDS = (
    r"ext(?:ension|n)?\.?|x(?=\d)|#(?=\d)|durchwahl|dw\.|nebenstelle|poste|int\.|interno|anexo"
    r"|ramal|extensi[oó]n|toestel|tst\.|lokal|wewn\.|доб\.?|добавочный|内線|分机|dahili|klapka"
    r"|linka|mellék|mell\.|sis\.|alanumero"
)
_EXTENSION = re.compile(
    rf"(?i)(?:;ext=|[ \t]*,?[ \t]*(\()?(?:{_EXTENSION_WORDS})[ \t]*[.:=]?[ \t]*)"
    r"\d{1,6}(?!\d)(?(1)\))"
)
_EXTENSION_GATE = frozenset(" \t;,(xX#")


def _extension(text: str, sp: Span) -> Span:
    """``sp`` with the extension written after it, if one is (``_EXTENSION``): the token then
    replaces the number and its extension (the value stays the number's)."""
    if text[sp.end : sp.end + 1] not in _EXTENSION_GATE or sp.end >= len(text):
        return sp
    m = _EXTENSION.match(text, sp.end)
    if m is None:
        return sp
    return Span(sp.start, m.end(), sp.kind, sp.value)


# Strings written like an address that reach no person's mailbox: an SSH remote
# (``git@github.com:org/app.git``: the host, then a path after the colon) and a message's id in
# a mail header (``Message-ID: <CA+…@mail.gmail.com>``, ``In-Reply-To:``, ``References:``),
# whose local part the sender's software makes up at random.
_REMOTE_PATH = re.compile(r":~?[\w.~-]*/|:[\w.~-]+\.git(?![\w.-])")
_MESSAGE_ID_HEADER = re.compile(
    r"(?i)(?<![\w-])(?:message-id|in-reply-to|references|x-message-id)[ \t]*:"
    r"[ \t]*(?:<[^<>\s]*>[ \t,]*)*\Z"
)


def _no_mailbox(text: str, start: int, end: int) -> bool:
    """``text[start:end]``, written like an e-mail address, is an SSH remote, a message id or
    a SIP URI's telephone number (``sip:+4930123456@pbx.example``: a phone, read as one)."""
    if _SIP_NUMBER.match(text, start, end) is not None and _sip_scheme(text, start):
        return True
    after = text[end : end + 1]
    if after == ":":
        return _REMOTE_PATH.match(text, end) is not None
    if after != ">" or text[start - 1 : start] != "<" or start == 0:
        return False
    line = text.rfind("\n", 0, start) + 1
    # a folded header's next lines start with a space: their header is the one above
    while line > 0 and text[line : line + 1] in (" ", "\t"):
        line = text.rfind("\n", 0, line - 1) + 1
    before = text[max(line, start - 200) : start - 1].replace("\n", " ")
    # the header's name right before the ids ("(PS Message-ID: <…>)", "References: <…> <…>")
    return _MESSAGE_ID_HEADER.search(before) is not None


# A SIP or tel URI's user part that is a telephone number (RFC 3261 19.1.6, RFC 3966): digits
# with an optional "+" and visual separators, then "@" (or ";" before URI parameters).
_SIP_NUMBER = re.compile(r"\+?[\d().-]{6,20}(?=[@;])")


def _sip_scheme(text: str, start: int) -> bool:
    """A ``sip:``, ``sips:`` or ``tel:`` scheme stands right before ``start``."""
    head = text[max(0, start - 5) : start].lower()
    return head.endswith(("sip:", "sips:", "tel:"))


# File name extensions of images and other assets that no top-level domain is: a name written
# at a pixel density (``logo@2x.png``) reads as an address with them. ``.zip`` and ``.mov``
# are top-level domains (and ``.ai``, ``.ps`` country codes): only after a density label.
_ASSET_EXTENSIONS = frozenset({
    "png", "apng", "jpg", "jpeg", "jpe", "jfif", "gif", "webp", "svg", "svgz", "bmp", "ico",
    "icns", "cur", "tif", "tiff", "heic", "heif", "avif", "jxl", "jp2", "psd", "xcf", "eps",
    "pdf", "webm", "mp4", "m4v", "lottie", "ttf", "otf", "woff", "woff2",
})  # fmt: skip
_ASSET_TLD_EXTENSIONS = frozenset({"zip", "mov", "ai", "ps"})
# A pixel density as asset pipelines name it (``@2x``, ``@3x``, ``@1.5x``), then the extension.
_DENSITY_DOMAIN = re.compile(r"\d{1,2}(?:\.\d{1,2})?x\.([a-z0-9]{2,6})\Z")


def _asset_name(address: str) -> bool:
    """``address`` is a file written at a pixel density (``logo@2x.png``, ``icon@3x.webp``):
    its domain is one label and an extension no top-level domain is, or a density label and
    any asset's extension. A real domain before an extension (``anna@firm.de.png``, an
    address in a file name) keeps the address."""
    domain = address[address.rfind("@") + 1 :].lower()
    density = _DENSITY_DOMAIN.match(domain)
    if density is not None:
        ext = density.group(1)
        return ext in _ASSET_EXTENSIONS or ext in _ASSET_TLD_EXTENSIONS
    labels = domain.split(".")
    return len(labels) == 2 and labels[1] in _ASSET_EXTENSIONS


# "text" as a verb of sending a text message: after a subject, a modal or "to" ("we'll text",
# "I can text", "to text"), before its object ("text me", "text us on"), or inflected as a verb
# ("texted", "texting"); then at most four words, no digit, up to the number. "text" as a noun
# ("the text 12 34 56 78 …", "text 2 of 3") is no cue.
_TEXTING_CUE = re.compile(
    r"(?i)(?:(?:['’]ll|\b(?:will|shall|would|can|could|may|might|must|to|please|pl[sz]|i|"
    r"we|they|you|he|she|just|then|also))\s+text(?:s|ed)?"
    r"|\btext\s+(?:me|us|you|him|her|them)|\btext(?:ed|ing))\b"
    r"(?:[^\S\n]+[^\s\d]+){0,4}[^\S\n]*[:(]?[^\S\n]*\Z"
)


def _texting_cue(before: str) -> bool:
    """``before``, the start of a number's line, ends with a texting verb and at most four
    words: the number is where a text message goes (``we'll text 34 41 33 32``)."""
    return ("text" in before or "Text" in before or "TEXT" in before) and (
        _TEXTING_CUE.search(before) is not None
    )


# Someone else to call, named after a word of kinship, then "on", "at", "au", "al", "unter" or
# a comma, and the number: "try my husband Tomás on …", "essayez mon fils Jean au …", "llamen a
# mi marido Evo al …", "mein Mann Jörg, …". One or two name words between, no digit.
_RELAY_CUE = re.compile(
    r"(?i)\b(?:husband|wife|son|daughter|brother|sister|mother|father|mum|mom|dad|partner|"
    r"mari|femme|fils|fille|fr[èe]re|s[œo]e?ur|m[èe]re|p[èe]re|marido|esposa|esposo|hij[oa]|"
    r"herman[oa]|madre|padre|mann|frau|sohn|tochter|bruder|schwester|mutter|vater)"
    r"(?:[^\S\n]+[^\W\d_][^\s\d,]*){1,2}(?:,|[^\S\n]+(?:on|at|au|al|unter))[^\S\n]*\Z"
)
# the words the pattern ends with, lower-cased: the gate before it is tried
_RELAY_ENDS = (",", " on", " at", " au", " al", " unter")


# A date written in digit groups ("12 03 2026", "2026 03 12"): after a relative's name it is
# a date ("a gift for my son Tom, 12 03 2026"), not the number to reach them.
_GROUPED_DATE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])[ .](?:0?[1-9]|1[0-2])[ .](?:19|20)\d\d"
    r"|(?:19|20)\d\d[ .](?:0?[1-9]|1[0-2])[ .](?:0?[1-9]|[12]\d|3[01])"
)


def _relay_cue(before: str) -> bool:
    """``before``, the start of a number's line, names a relative and then "on", "au", "al" or
    a comma: the number is where that person is reached ("if I don't answer, try my husband
    Kofi on …", "si je ne réponds pas, essayez mon fils Jean au …")."""
    return before.rstrip().lower().endswith(_RELAY_ENDS) and _RELAY_CUE.search(before) is not None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# Generic second-level domains in country code form: no country is implied.
_GENERIC_TLDS = frozenset({
    "io", "ai", "co", "me", "tv", "fm", "ly", "to", "cc", "ws", "gg", "sh", "ac", "eu", "su", "nu",
    "tk", "am", "la", "so", "im", "is",
})  # fmt: skip
_ALL_REGIONS = tuple(sorted(phonenumbers.SUPPORTED_REGIONS))
_PERSONAL_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
)


@cache
def _personal_rules(region: str) -> tuple[str, re.Pattern[str] | None]:
    """The region's national prefix and a pattern of its fixed-line and mobile numbers (None
    where parsing rewrites the digits, as Argentina's mobile "15": every number is parsed)."""
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if md is None:
        return "", re.compile("(?!)")
    if md.national_prefix_transform_rule is not None:
        return md.national_prefix or "", None
    patterns = [
        d.national_number_pattern
        for d in (md.fixed_line, md.mobile)
        if d is not None and d.national_number_pattern
    ]
    return md.national_prefix or "", re.compile("|".join(patterns) or "(?!)")


@lru_cache(maxsize=4096)
def personal_anywhere(cand: str, digits: str) -> str | None:
    """E.164 of ``cand`` read as a national fixed-line or mobile number of any region (the
    first in alphabetical order where it is one), or None. A person's number after a phone
    cue is one of those; service, toll-free and shared-cost ranges are not read here. A
    pattern of each region's fixed-line and mobile numbers rules out most regions in
    microseconds; the few left are parsed, and a valid one is confirmed by the matcher."""
    for region in _ALL_REGIONS:
        prefix, pattern = _personal_rules(region)
        if pattern is not None and not (
            pattern.fullmatch(digits)
            or (prefix and digits.startswith(prefix) and pattern.fullmatch(digits[len(prefix) :]))
            or _parsed_prefix_rest(digits, region, pattern)
        ):
            continue
        try:
            num = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in _PERSONAL_TYPES:
            # the matcher as for the listed regions: all digits, and the national prefix
            # written where the region's numbers need it
            found = _matches(cand, digits, region)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=4096)
def _regions_of(e164: str) -> tuple[str, ...]:
    """The regions sharing the country code of an E.164 number (+7: RU and KZ)."""
    try:
        code = phonenumbers.parse(e164, None).country_code
    except phonenumbers.NumberParseException:
        return ()
    return tuple(phonenumbers.region_codes_for_country_code(code)) if code else ()


def _text_regions(spans: list[Span], listed: tuple[str, ...]) -> tuple[str, ...]:
    """Regions a text names beyond ``listed``: the country of a number written with its code,
    of an IBAN, of an e-mail address's country domain (``.no``, ``.com.br``; ``.uk`` is GB)."""
    found: dict[str, None] = {}
    for sp in spans:
        if sp.kind == PHONE and sp.value.startswith("+"):
            found.update(dict.fromkeys(_regions_of(sp.value)))
        elif sp.kind == IBAN:
            found[sp.value[:2]] = None
        elif sp.kind == EMAIL:
            tld = sp.value.rsplit(".", 1)[-1]
            if len(tld) == 2 and tld not in _GENERIC_TLDS:
                found["GB" if tld == "uk" else tld.upper()] = None
    return tuple(r for r in found if r in phonenumbers.SUPPORTED_REGIONS and r not in listed)


_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\(/)")


def json_view(text: str) -> tuple[str, list[int] | None]:
    """``text`` with JSON's ``\\uXXXX`` and ``\\/`` escapes decoded, and where each of its
    characters (and its end) was in ``text``; ``None`` when there was nothing to decode. Bot
    templates carry JSON, and a platform that escapes non-ASCII letters hides "Ay\\u015fe" from
    every pattern and literal search otherwise (as one that escapes slashes hides
    ``https:\\/\\/…?token=…``)."""
    if ("\\u" not in text and "\\/" not in text) or _JSON_ESCAPE.search(text) is None:
        return text, None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _JSON_ESCAPE.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i])
            where.append(i)
        if m.group(2) is not None:  # "\\/"
            out.append("/")
            where.append(m.start())
            pos = m.end()
            continue
        code = int(m.group(1), 16)
        if out and 0xD800 <= ord(out[-1]) < 0xDC00 and 0xDC00 <= code < 0xE000:
            high = ord(out.pop())  # a surrogate pair: one character
            out.append(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
        else:
            out.append(chr(code))
            where.append(m.start())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        where.append(i)
    where.append(len(text))
    return "".join(out), where


_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_PERCENT_HINT = re.compile(r"%(?:[46][0-9A-Fa-f]|[57][0-9Aa]|2[0Bb]|[C-Fc-f][0-9A-Fa-f])")


def percent_view(text: str) -> tuple[str, list[int] | None]:
    """``text`` with URL percent-escapes decoded (each run of them read as UTF-8; a run that is
    no UTF-8 stays as written), and where each character (and the end) was in ``text``;
    ``None`` when nothing was decoded. A link or a form dump writes an address
    ``anna%40example.com`` and a name ``Ana%20Mar%C3%ADa``: the patterns and the name finder
    read them decoded, and the token replaces the value as written."""
    if "%" not in text or _PERCENT_HINT.search(text) is None:
        return text, None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _PERCENT_RUN.finditer(text):
        run = m.group()
        try:
            decoded = bytes.fromhex(run.replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            continue
        for i in range(pos, m.start()):
            out.append(text[i])
            where.append(i)
        at = m.start()
        for ch in decoded:
            out.append(ch)
            where.append(at)
            at += 3 * len(ch.encode("utf-8"))
        pos = m.end()
    if not where:
        return text, None
    for i in range(pos, len(text)):
        out.append(text[i])
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def known_encoded(text: str, known: KnownValues) -> list[Span]:
    """A person's values written percent-encoded in ``text`` ("?n=Ana%20Mar%C3%ADa"), found
    in its ``percent_view`` and in ``text``'s positions; none when nothing decodes."""
    view, where = percent_view(text)
    if where is None:
        return []
    return mapped(known.find_in(Searchable.of(view)), where)


def mapped(spans: list[Span], where: list[int] | None) -> list[Span]:
    """``spans`` of a ``json_view`` in the original text's positions."""
    if where is None:
        return spans
    return [Span(where[sp.start], where[sp.end], sp.kind, sp.value) for sp in spans]


_SENTENCE_GAP = re.compile(r"\.[ \t]+")


def _pieces(nums: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Spans of the digit runs, cut where a sentence ends inside one ("… 2358. 2021 …"):
    a phone number never holds a full stop followed by a space. A run is read up to a length
    (``_NUM``): the number after a cut is read again from where it starts, whole ("…2388 549.
    5020 9055 6436 5885": the card's last groups are no run of their own)."""
    reach = 0
    for m in nums:
        if m.end() <= reach:
            continue
        start, end = max(m.start(), reach), m.end()
        if m.string.find(".", start, end) < 0:  # most runs: no full stop, nothing to cut
            yield start, end
            continue
        for gap in _SENTENCE_GAP.finditer(m.string, start, end):
            if gap.start() > start:
                yield start, gap.start()
            start = gap.end()
        if start > m.start() and start < end:
            again = _NUM.match(m.string, start)
            if again is not None and again.end() > end and not _SENTENCE_GAP.search(again[0]):
                end = reach = again.end()
        if start < end:
            yield start, end


_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~+/=-]+")
_PATH_PIECES = re.compile(r"[:;,]")
#: A path segment naming a link that only its recipient may open: the segment after it is its
#: secret (``/account/reset-password/<hex>``, ``/verify/<token>``, ``/invite/<code>``).
_SECRET_PURPOSE = re.compile(
    r"(?i)(?:^|[-_.])(?:reset|password|passwort|verify|verification|confirm|activate|"
    r"activation|invite|invitation|magic|unsubscribe|token|auth|otp|login|signin|"
    r"recover|recovery)(?:$|[-_.])"
)


# Path segments after which a file-sharing link carries its token (Dropbox and Box ``/s/``,
# Google Drive ``/file/d/``, ``/share/``): whoever holds the link opens the file.
_SHARE_SEGMENTS = frozenset({"s", "sh", "d", "share", "shared"})
_SHARE_TOKEN_MIN = 10
# ...or one run of ten letters and digits at least, both in it (no slug: no "-" or "_").
_SHARE_TOKEN = re.compile(r"(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{10,}")
_SHARE_RUN = re.compile(r"[A-Za-z0-9]{10,}")
# The shared file's name after its token: a name and an extension.
_FILE_NAME = re.compile(r"[^/.]+\.[A-Za-z0-9]{1,5}")


def random_token(value: str, min_length: int = 16) -> bool:
    """``value`` looks machine-made: at least ``min_length`` letters and digits (URL-safe
    punctuation between them allowed) where letters and digits alternate at least four times
    (``JSt3se7irQXN…``, hex digests, UUIDs), or, without digits, upper and lower case change
    at least once every four letters with capitals side by side (``XkqPZmw…``).

    Words, numbers, dates, times, slugs, campaign and product names (``spring_sale_2025``,
    ``Premium2024Campaign``, ``2025-12-05T10:00:00Z``) alternate far less. This is an
    inference: about 2 % of random base-62 tokens of 20 characters (under 0.3 % at 32)
    alternate too little and are not taken by this rule (a parameter named in
    ``secret_params`` still is), and a code such as ``iPhone15ProMax256GB`` is taken for a
    token (the URL is masked).
    """
    if len(value) < min_length or _TOKEN_CHARS.fullmatch(value) is None:
        return False
    chars = [ch for ch in value if ch.isalnum()]
    if len(chars) < min_length:
        return False
    digit = [ch.isdigit() for ch in chars]
    letters = [ch.isupper() for ch in chars if not ch.isdigit()]
    if len(letters) >= 3 and sum(a != b for a, b in pairwise(digit)) >= 4:
        return True
    case_changes = sum(a != b for a, b in pairwise(letters))
    capitals_together = sum(a and b for a, b in pairwise(letters))
    return case_changes * 4 >= len(letters) and capitals_together >= 2


_PURPOSE_CODE = re.compile(r"(?=.*\d)[A-Za-z0-9_-]{16,}")
_CAPITAL_INSIDE = re.compile(r"[a-z0-9][A-Z]")


def _purpose_code(piece: str) -> bool:
    """The segment after a purpose (``/invite/NpitCwt34A-rlWe_Qng_MP``) is its code: sixteen
    URL-safe characters at least, a digit among them, and a capital inside a run of letters
    and digits (after a small letter or a digit). ``random_token`` asks for more alternation
    than a short code has. A slug of capitalised words (``Summer-Party-2024-Berlin``) has its
    capitals only where words start."""
    return _PURPOSE_CODE.fullmatch(piece) is not None and _CAPITAL_INSIDE.search(piece) is not None


_PORT = re.compile(r"[:.]\d{1,5}$")


def _ipv6_address(cand: str) -> tuple[ipaddress.IPv6Address, str] | None:
    """(the address, the part of ``cand`` it was written as): ``cand`` itself, or
    ``cand`` without a port appended the way logs and configs write one when they leave the
    brackets out (``2001:db8:…:7334:8080`` with all eight groups, ``2001:db8::1.443``)."""
    try:
        return ipaddress.IPv6Address(cand), cand
    except ValueError:
        pass
    port = _PORT.search(cand)
    if port is None or int(port.group()[1:]) > 65535:
        return None
    head = cand[: port.start()]
    if port.group()[0] == ":" and (head.count(":") != 7 or "::" in head):
        return None  # a compressed address with one more group would be an address itself
    try:
        return ipaddress.IPv6Address(head), head
    except ValueError:
        return None


def _mixed_case(run: str) -> bool:
    """Letters whose case changes at least once every four, capitals side by side somewhere
    (``fCXgxLhxrybVlvR``): no word, capitalised or camel-cased (``Electronics``,
    ``SummerSale``), is so written."""
    upper = [ch.isupper() for ch in run if ch.isalpha()]
    changes = sum(a != b for a, b in pairwise(upper))
    return changes * 4 >= len(upper) and any(a and b for a, b in pairwise(upper))


def _mixed_case_long(run: str) -> bool:
    """Sixteen letters or more, capitals side by side somewhere and the case changing four
    times at least (``awjUZRVQquWUauugwgeabP``): a share token whose lower-case stretches are
    longer than ``_mixed_case`` allows; words run together change case at each word alone."""
    if len(run) < 16:
        return False
    upper = [ch.isupper() for ch in run if ch.isalpha()]
    changes = sum(a != b for a, b in pairwise(upper))
    return changes >= 4 and any(a and b for a, b in pairwise(upper))


def _share_token(path: str) -> bool:
    """A file-sharing link's token: the segment right after ``/s/``, ``/d/``, ``/share/``…
    when it is one run of at least ten letters and digits with both in it, or of letters in
    both cases interleaved (``_mixed_case``), or looks random (``random_token``) at that
    length; or a run of ten letters in one case with the shared file's name after it
    (``/s/bzruwtqqakubblp/report.pdf``). Shorter than the tokens other paths need: a share
    token opens the file by itself."""
    segments = path.split("/")
    for i, (a, b) in enumerate(pairwise(segments)):
        if a.lower() not in _SHARE_SEGMENTS or _SHARE_RUN.fullmatch(b) is None:
            continue
        if _SHARE_TOKEN.fullmatch(b) is not None or random_token(b, _SHARE_TOKEN_MIN):
            return True
        if _mixed_case(b) or _mixed_case_long(b):
            return True
        after = segments[i + 2] if i + 2 < len(segments) else ""
        if _FILE_NAME.fullmatch(after) is not None:
            return True
    return False


_OBF_WORDS = re.compile(r"(?<![^\W\d_])(?:AT|DOT|ARROBA|PUNTO|PONTO|PUNKT)(?![^\W\d_])")


def _obf_marked(text: str, start: int, dom: re.Match[str]) -> bool:
    """The address is written as one beyond the words' reading as prose: in a mail header's
    angle brackets (``Anna Berg <aberg at mail dot se>``), or with the "at" and "dot" words in
    capitals among lower-case labels (``aberg AT mail DOT se``), as people write them to show
    they stand for the signs. A sentence in capitals throughout is no such sign."""
    if text[start - 1 : start] == "<" and text[dom.end() : dom.end() + 1] == ">":
        return True
    written = text[start : dom.end()]
    words = _OBF_WORDS.findall(written)
    rest = _OBF_WORDS.sub("", written)
    return len(words) >= 2 and rest != rest.upper()


def _obfuscated_emails(text: str) -> Iterator[Span]:
    """Addresses written with "at"/"dot" words or brackets ("anna [at] example [dot] com"),
    valued as the address they spell, so they share the plain address's token. Found from each
    "at" outwards: the domain forwards (its last label a known top-level domain), the local part
    backwards. With the bare words only ("x at y dot com"), a prose word as the local part or
    the first domain label ("meet at home dot com") is no address."""
    for at in _OBF_AT.finditer(text):
        start, end = at.span()
        while start and text[start - 1] in " \t":
            start -= 1
        while end < len(text) and text[end] in " \t":
            end += 1
        dom = _OBF_DOMAIN.match(text, end)
        if dom is None:
            continue
        loc = _OBF_LOCAL.search(text[max(0, start - 128) : start])
        if loc is None:
            continue
        local, domain = loc.group(), dom.group()
        word = at.group().strip()
        if word.lower() in ("at", "arroba") and not _obf_marked(text, start - len(local), dom):
            first = _OBF_SEP.split(domain, maxsplit=1)[0]
            if (
                "." not in local + domain
                and "[" not in local + domain
                and "(" not in local + domain
                and (local.lower() in _OBF_PROSE or first.lower() in _OBF_PROSE)
            ):
                continue
        value = "@".join(
            ".".join(p for p in _OBF_SEP.split(part) if p) for part in (local, domain)
        ).lower()
        if _EMAIL.fullmatch(value) is None:
            continue
        yield Span(start - len(local), dom.end(), EMAIL, value)


def _emails(text: str) -> Iterator[re.Match[str]]:
    """``_EMAIL.finditer(text)``, each search started at most 64 characters before the next
    "@": a local part holds no "@" and 64 characters at most, so no address starts earlier,
    and the pattern is not tried at every character of the text before it (same matches)."""
    pos = 0
    while (at := text.find("@", pos)) >= 0:
        m = _EMAIL.search(text, max(pos, at - 64))
        if m is None:
            return
        yield m
        pos = m.end()


def _address_start(text: str, m: re.Match[str]) -> int:
    """Where the address ``m`` of ``_EMAIL`` starts: its local part is read after its last
    "^" (HL7's component separator, no character of a mailbox in use), after its last
    "?" or "&" and after a ``key=`` opening it, the address of a query string or a form dump
    (``?e=anna@…``, ``&email=anna@…``, ``user=anna@…``), not the field before it."""
    start = m.start()
    at = text.rindex("@", start, m.end())
    local = text[start:at]
    if "^" in local:  # an HL7 field's components: "…^PRN^PH~^NET^Internet^ana@…"
        start = start + local.rindex("^") + 1
        local = text[start:at]
        if start >= at:
            return m.start()
    if "=" not in local and "?" not in local and "&" not in local:
        return start
    cut = start + max(local.rfind("?"), local.rfind("&")) + 1
    key = _FIELD_KEY.match(text, cut, at)
    if key is not None:
        cut = key.end()
    return cut if cut < at else start


# Verdicts of ``_decoy_context`` kept per text before a number, at most this many.
_DECOY_CACHE = 4096
_UNSEEN = object()


def _digits(s: str) -> str:
    return _NON_DIGIT.sub("", s)


class Detectors:
    """All enabled detectors of a policy; thread safe and shared by every stream of a run."""

    def __init__(self, settings: DetectorSettings) -> None:
        self.settings = settings
        self._secret_params = frozenset(p.lower() for p in settings.url_secret_params)
        self._secret_suffixes = tuple(s.lower() for s in settings.url_secret_suffixes)
        self._secret_paths = tuple(
            (p.lower().partition("/")[0], "/" + p.lower().partition("/")[2])
            for p in settings.url_secret_paths
        )
        self._custom = _combine(settings.custom)
        # ``ip.keep_networks`` as (version, netmask, network address) integers: what ``ip in
        # net`` compares, without its objects
        self._keep = tuple(
            (net.version, int(net.netmask), int(net.network_address))
            for net in settings.ip_keep_networks
        )
        self._names = NameFinder(settings.names) if settings.names is not None else None
        self._decoys: dict[tuple[str, bool, bool], bool | None] = {}  # ``_decoy_context``
        self._compounds: dict[str, bool] = {}  # ``_label_compound``
        # cues as a set of words and a tuple of stems (an entry ending in "*"), for one test
        self._cues = frozenset(settings.phone_cues)
        self._cue_stems = tuple(c[:-1] for c in settings.phone_cues if c.endswith("*"))
        self._unspaced_cue = _unspaced_cues(settings.phone_cues)
        self._routing = frozenset(settings.routing_cues)
        self._routing_stems = tuple(c[:-1] for c in settings.routing_cues if c.endswith("*"))

    # -- public --------------------------------------------------------------------------------

    def find(self, text: str, known: KnownValues | None = None) -> list[Span]:
        """Every personal value in ``text``, overlaps resolved (longest first, then leftmost)."""
        view, where = json_view(text)
        raw = self.scan(view)
        if known is None or not self.settings.known:
            return mapped(resolve(raw), where)
        return mapped(self.with_known(view, raw, self.known_in(Searchable.of(view), known)), where)

    def known_in(self, s: Searchable, known: KnownValues) -> list[Span]:
        """A person's values in ``s``: as written (``KnownValues.find_in``) and their name parts
        misspelt (``near_in``), but for the words of the languages and other people's names."""
        own = known.find_in(s)
        if known.near:
            near = known.near_in(s, self._not_misspelt)
            if near and self._names is not None:
                # "Nelson Mandela Drive" near "Mandla": a street's name, no misspelling
                near = [sp for sp in near if not self._names.street_after(s.text, sp.end)]
            own.extend(near)
        if "%" in s.text:
            own.extend(known_encoded(s.text, known))
        return own

    def _not_misspelt(self, word: str) -> bool:
        """``word`` is a word of the languages or a name of the lists: itself, not a known name
        misspelt ("Marina" near "Maria", "Grand" near "Grant")."""
        cues = self.settings.names
        if cues is None:
            return False
        low = fold(word)
        return any(
            low in group or ascii_form(low) in group
            for group in (
                cues.common,
                cues.not_names,
                cues.gazetteer,
                cues.gazetteer_paired,
                cues.surnames,
            )
        )

    def scan(self, text: str) -> list[Span]:
        """What ``find`` finds without a person's values, overlaps not resolved yet: cacheable
        per text, and combined with a person's values by ``with_known``."""
        return self.scan_prepared(text)[0]

    def scan_prepared(self, text: str) -> tuple[list[Span], Searchable]:
        """``scan`` and ``text`` prepared for a person's values (``Searchable``): the digit runs
        the phone detector reads are the ones a person's phones are compared with, found once.
        Values written with URL percent-escapes are read in the decoded text (``percent_view``,
        only for a text holding an escape of a letter, ``@``, ``+`` or a space), in ``text``'s
        positions."""
        spans, prepared = self._scan_text(text)
        if "%" in text:
            view, where = percent_view(text)
            if where is not None:
                escaped = [m.span() for m in _PERCENT_RUN.finditer(text)]
                spans.extend(
                    sp
                    for sp in mapped(self._scan_text(view)[0], where)
                    if sp.kind != URL and any(a < sp.end and sp.start < b for a, b in escaped)
                )
        return spans, prepared

    def _scan_text(self, text: str) -> tuple[list[Span], Searchable]:
        s = self.settings
        spans: list[Span] = []
        has_digit = _DIGIT.search(text) is not None
        spaced = unglued_prefixes(plain_spaces(text)) if has_digit else text  # digit groups
        nums = (
            list((_NUM_ASCII if spaced.isascii() else _NUM).finditer(spaced)) if has_digit else []
        )
        prepared = Searchable(text, nums)
        roles: list[Span] = []  # role addresses kept: still below a signature's name
        if "@" in text and s.email:
            found = []
            for m in _emails(text):
                a, b = _address_start(text, m), m.end()
                if not _no_mailbox(text, a, b) and not _asset_name(m.group()):
                    found.append(Span(a, b, EMAIL, text[a:b].lower()))
            spans.extend(self._not_roles(found, roles) if s.email_keep_roles else found)
            if '"@' in text:
                spans.extend(
                    Span(m.start(), m.end(), EMAIL, _JSON_QUOTE.sub(r"\1", m.group()).lower())
                    if m.group().startswith("\\")
                    else Span(m.start(), m.end(), EMAIL, m.group().lower())
                    for m in _EMAIL_QUOTED.finditer(text)
                )
        lowered = text.lower() if s.email or s.phone_spelled else ""
        if s.email and _obf_gate(lowered):
            found = list(_obfuscated_emails(text))
            spans.extend(self._not_roles(found, roles) if s.email_keep_roles else found)
        if s.url and ("://" in text or "www." in text or "WWW." in text):
            spans.extend(self._urls(text))
        if s.phone and ("wa.me" in text or "hatsapp" in text or "WA.ME" in text):
            spans.extend(self._whatsapp(text))
        if s.phone_spelled and (
            _SPELLED_GATE_RE.search(lowered) is not None or _SPELLED_RUN.search(lowered) is not None
        ):
            spans.extend(self._spelled(text))
        if has_digit:
            claimed: list[tuple[int, int]] = []
            if s.iban:
                spans.extend(self._ibans(spaced, claimed))
            accounts = list(claimed)  # an IBAN's line holds its bank's codes too
            if s.ip and text.count(".") >= 3 and _IPV4_HINT.search(text) is not None:
                spans.extend(self._ipv4(text, claimed))
            # five digits whole ("Tel. 21845"): shorter than a run of ``_NUM``
            fives = self._five_digits(text, claimed) if s.phone and s.phone_cues else []
            if (nums and (s.phone or s.card)) or fives:
                pending: list[tuple[int, int, str, str]] = fives
                found = list(self._numbers(nums, claimed, pending, accounts))
                if pending:
                    found += self._national_again(text, pending, [*spans, *found])
                spans.extend(
                    _extension(text, _stray_end(text, sp)) if sp.kind == PHONE else sp
                    for sp in found
                )
            if s.card and "_" in text:
                spans.extend(self._underscore_cards(text))
            if s.phone and "|" in text and "^" in text:
                spans.extend(self._hl7_phones(text))  # "PID|…||030 1234567^PRN^PH|…"
        if s.ip and text.count(":") >= 2 and _IPV6_HINT.search(text) is not None:
            spans.extend(self._ipv6(text))
        for regex, groups in self._custom:
            for m in regex.finditer(text):
                kind, group = groups[m.lastindex or 0]
                start, end = m.span(group)
                if end > start:
                    spans.append(Span(start, end, kind, m.group(group).casefold()))
        if self._names is not None:
            anchors = [(sp.start, sp.end) for sp in [*spans, *roles] if sp.kind in (PHONE, EMAIL)]
            spans.extend(Span(a, b, NAME, v) for a, b, v in self._names.find(text, anchors))
        return spans, prepared

    def with_known(self, text: str, raw: list[Span], known: list[Span]) -> list[Span]:
        """``scan``'s spans with a person's own (``KnownValues.find``), resolved: the person's
        phones and addresses also anchor signature names."""
        if not known:
            return resolve(raw)
        if "omain" in text or "OMAIN" in text:
            things = records.whois_things(text)  # "Domain Name: lima-42.example": no person
            if things:
                known = [
                    sp
                    for sp in known
                    if sp.kind != NAME or not any(a <= sp.start < b for a, b in things)
                ]
        extra: list[Span] = []
        if "(" in text and not text.isascii() and any(sp.kind == NAME for sp in known):
            # a person's name beside its spelling in another script ("Tigist (ትዕግስት)")
            names = [(sp.start, sp.end, sp.value) for sp in (*known, *raw) if sp.kind == NAME]
            extra.extend(Span(a, b, NAME, v) for a, b, v in spelled_both_ways(text, names))
        if self._names is not None and self._names.cues.signature:
            anchors = [(sp.start, sp.end) for sp in known if sp.kind in (PHONE, EMAIL)]
            if anchors:
                named = frozenset(
                    text.rfind("\n", 0, sp.start) + 1 for sp in (*raw, *known) if sp.kind == NAME
                )
                extra = [
                    Span(a, b, NAME, v) for a, b, v in self._names.signatures(text, anchors, named)
                ]
        return resolve([*known, *raw, *extra])

    # -- detectors -------------------------------------------------------------------------------

    def _not_roles(self, found: list[Span], roles: list[Span]) -> list[Span]:
        """``found`` without a business's role addresses (``email.keep_roles``), which go to
        ``roles``: a name signed above one is still a name."""
        out: list[Span] = []
        for sp in found:
            (roles if self.role_address(sp.value) else out).append(sp)
        return out

    def role_address(self, address: str) -> bool:
        """``address`` (lower case) is a role address the policy keeps: its local part, a
        ``+tag`` aside, is one of ``email.keep_roles`` and its domain is no mail provider of
        ``email.personal_domains``."""
        local, _, domain = address.rpartition("@")
        role = local.partition("+")[0]
        if fold(role) not in self.settings.email_keep_roles:
            return False
        for entry in self.settings.email_personal_domains:
            if entry.endswith(".*"):
                base = entry[:-1]  # "yahoo."
                if domain.startswith(base) or ("." + base) in domain:
                    return False
            elif domain == entry or domain.endswith("." + entry):
                return False
        return True

    def _kept_address(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        """``ip`` lies in one of ``ip.keep_networks`` and carries no device identifier."""
        version, value = ip.version, int(ip)
        if not any(v == version and value & mask == base for v, mask, base in self._keep):
            return False
        packed = ip.packed
        return not (len(packed) == 16 and packed[11] == 0xFF and packed[12] == 0xFE)

    def _urls(self, text: str) -> Iterable[Span]:
        for m in _URL.finditer(text):
            url = m.group()
            while url and url[-1] in _URL_TRAIL:
                url = url[:-1]
            if url.endswith(")") and url.count("(") < url.count(")"):
                url = url[:-1]
            if self.url_is_secret(url):
                yield Span(m.start(), m.start() + len(url), URL, url)

    def url_is_secret(self, url: str) -> bool:
        """A URL that carries credentials: userinfo, or a token/key/signature parameter."""
        try:
            parts = urlsplit(url if "://" in url else "http://" + url)
        except ValueError:
            return False
        if "@" in parts.netloc or _RAW_USERINFO.match(url) is not None:
            return True
        if self._secret_paths and self._under_secret_path(parts.hostname or "", parts.path):
            return True
        shortest = self.settings.url_token_min_length
        if shortest and _share_token(parts.path):
            return True
        if shortest and len(parts.path) > 20:
            # A webhook or reset link carries its secret in the path: a long segment that looks
            # random and mixes cases (base62/64; hex ids and UUIDs, often public, are one case).
            # A segment is read in its pieces between ":" and ";" too: a bot token is written
            # ``bot<id>:<secret>``. After a segment that names what the link is for (reset,
            # verify, invite…), a random segment of one case is the secret as well.
            after_purpose = False
            for segment in parts.path.split("/"):
                for piece in _PATH_PIECES.split(segment):
                    if (
                        len(piece) >= 20
                        and random_token(piece, 20)
                        and (after_purpose or (piece.lower() != piece and piece.upper() != piece))
                    ) or (after_purpose and _purpose_code(piece)):
                        return True
                after_purpose = _SECRET_PURPOSE.search(segment) is not None
        for chunk in (parts.query, parts.fragment):
            if "=" not in chunk:
                continue
            chunk = chunk.replace("?", "&")  # "#/login?password=…"
            for key, value in parse_qsl(chunk, keep_blank_values=True):
                k = key.lower()
                if k in self._secret_params or k.endswith(self._secret_suffixes):
                    return True
                if shortest and len(value) >= shortest and random_token(value, shortest):
                    return True
        return False

    def _whatsapp(self, text: str) -> Iterable[Span]:
        """The number of a WhatsApp link: international by the link's definition, so a length
        its country's plan does not list is still taken."""
        for m in _WHATSAPP.finditer(text):
            written = m.group(1)
            digits = _digits(written[3:] if written[:1] == "%" else written)
            e164 = self._phone("+" + digits, digits) or _international("+" + digits)
            if e164 is not None:
                yield Span(m.start(1), m.end(1), PHONE, e164)

    def _spelled(self, text: str) -> Iterable[Span]:
        """Phone numbers spelled in digit words, alone or mixed with digit groups ("plus three
        eight zero 39 25 476 21", "zero six double one …"): masked whole when the digits make a
        number the digit detector would take (possible with a country code, valid without),
        or any number after a phone cue. Three digit words at least (one after "plus"):
        fewer are counts or prices."""
        for m in _SPELLED.finditer(text):
            tokens = list(_SPELLED_TOKEN.finditer(m.group()))
            # "plus" opens a number: start at the last one
            first = max((i for i, t in enumerate(tokens) if t.group().lower() == "plus"), default=0)
            digits: list[str] = []
            words = 0
            repeat = 1
            for t in tokens[first:]:
                word = t.group().lower()
                if word in _SPELLED_REPEAT:
                    repeat = _SPELLED_REPEAT[word]
                    continue
                if word == "plus":
                    continue
                if word.isdigit():
                    digits.append(word * repeat if len(word) == 1 else word)
                else:
                    digits.append(_SPELLED_DIGITS[word] * repeat)
                    words += 1
                repeat = 1
            number = "".join(digits)
            plus = tokens[first].group().lower() == "plus"
            if words < (1 if plus else 3) or not 7 <= len(number) <= 17:
                continue
            start = m.start() + tokens[first].start()
            end = m.start() + tokens[-1].end()
            intl = plus or number.startswith("00")
            if intl:
                national = number[2:] if number.startswith("00") else number
                e164 = self._phone("+" + national, national) or _international("+" + national)
            else:
                e164 = self._phone(number, number)
                if e164 is None and self.settings.phone_cues and self._cued(text, start, end):
                    e164 = personal_anywhere(number, number)
            if e164 is not None and not self._decoy_context(text, start):
                yield Span(start, end, PHONE, e164)

    def _under_secret_path(self, host: str, path: str) -> bool:
        """The link is under a ``secret_paths`` prefix (``hooks.slack.com/services/``; a host
        written ``.example.com`` takes its subdomains) with more after it."""
        path = path.lower()
        for want_host, want_path in self._secret_paths:
            if (host == want_host or (want_host[0] == "." and host.endswith(want_host))) and (
                path.startswith(want_path) and len(path) > len(want_path)
            ):
                return True
        return False

    def _ibans(self, text: str, claimed: list[tuple[int, int]]) -> Iterable[Span]:
        hint = _IBAN_HINT.search(text)
        if hint is None:
            return
        pos = max(0, hint.start() - 2)  # the shape's look-behind still sees what is before
        while (m := _IBAN_SHAPE.search(text, pos)) is not None:
            raw, start = m.group(), m.start()
            cut = _iban_end(raw)
            # The shape may run on into following words: resume right after the IBAN's end.
            pos = start + (cut if cut > 0 else 4)
            if cut < 0:
                continue
            breaks = raw.count("\n", 0, cut) + raw.count("\\n", 0, cut)  # or JSON's escape
            if breaks:
                if breaks > 1:
                    continue
                compact = _IBAN_SEPARATORS.sub("", raw[:cut]).upper()
                if not iban_checksum_ok(compact):
                    continue  # joined across a line only when the joined value is an IBAN
                claimed.append((start, start + cut))
                yield Span(start, start + cut, IBAN, compact)
                continue
            claimed.append((start, start + cut))
            compact = raw[:cut].replace(" ", "").replace("-", "").upper()
            if iban_checksum_ok(compact):
                yield Span(start, start + cut, IBAN, compact)

    def _underscore_cards(self, text: str) -> Iterable[Span]:
        """Cards grouped by underscores: held to what a card grouped by spaces is (issuer and
        length, a card's grouping, Luhn, no order or ticket label before it)."""
        for m in _UNDERSCORE_CARD.finditer(text):
            digits = _digits(m.group())
            if _is_card(m.group(), digits) and not self._decoy_context(text, m.start(), card=True):
                yield Span(m.start(), m.end(), CARD, digits)

    def _ipv4(self, text: str, claimed: list[tuple[int, int]]) -> Iterable[Span]:
        for m in _IPV4.finditer(text):
            cc = _COUNTRY_CODE_BEFORE.search(text, max(0, m.start() - 9), m.start())
            whole = text[cc.start() : m.end()] if cc is not None else ""
            if whole and self._phone(whole, _digits(whole)) is not None:
                # "+46 70.124.54.40", "(+32) 75.99.32.29", "0032 12.33.16.49": a phone with dots
                # (read whole: "batch 0044 81.2.69.160" is no phone, the address stays one)
                continue
            try:
                ip = ipaddress.IPv4Address(m.group())
            except ValueError:
                continue
            claimed.append(m.span())
            # "Firmware 9.2.54.11", "the build is 4.18.0.53": a version written like an address.
            if not self._decoy_context(text, m.start()) and not (
                self.settings.ip_keep_networks and self._kept_address(ip)
            ):
                yield Span(m.start(), m.end(), IP, str(ip))

    def _ipv6(self, text: str) -> Iterable[Span]:
        for m in _IPV6.finditer(text):
            cand = m.group().rstrip(".")
            start = m.start() + len(cand) - len(cand.lstrip("."))
            cand = cand.lstrip(".")
            if cand.startswith(":") and not cand.startswith("::"):
                cand, start = cand[1:], start + 1
            if cand.endswith(":") and not cand.endswith("::"):
                cand = cand[:-1]
            if cand.count(":") < 2 or len(cand) < 6:
                continue
            ip = _ipv6_address(cand)
            if ip is None:
                continue
            if self.settings.ip_keep_networks and self._kept_address(ip[0]):
                continue
            yield Span(start, start + len(ip[1]), IP, ip[0].compressed)

    def _numbers(
        self,
        nums: list[re.Match[str]],
        claimed: list[tuple[int, int]],
        pending: list[tuple[int, int, str, str]],
        accounts: Sequence[tuple[int, int]] = (),
    ) -> Iterable[Span]:
        """Cards and phones in the digit runs; national forms no listed region takes go to
        ``pending`` (start, end, as written, digits) for ``_national_again``."""
        s = self.settings
        text = nums[0].string if nums else ""
        # a run shorter than a phone's least digits (and a card's twelve) holds neither
        shortest = min(s.phone_min_digits if s.phone else 12, 12 if s.card else s.phone_min_digits)
        for start, end in _pieces(nums):
            if end - start < shortest:
                continue
            if claimed and any(a < end and start < b for a, b in claimed):
                continue
            cand = text[start:end]
            while cand[0] == "(" and cand.count("(") > cand.count(")"):
                cand, start = cand[1:], start + 1
            run = (start, end)  # before a date or an amount is cut off
            if " " in cand or "\t" in cand:
                # a date that opens or ends the groups, an amount that ends them (after no
                # phone cue: "Tel. 0475 123 45.67" is one number): cut off
                start, end = _without_dates(text, start, end)
                amount = _amount_start(text, start, end)
                if amount is not None and not (s.phone_cues and self._cued(text, start, end)):
                    # what the amount leaves may end with a date, and then what is left of
                    # the run too short for a number: a time, a date, an hour ("11:45
                    # 04.05.2021 13.50 Uhr"), no phone
                    head = _without_dates(text, start, amount)
                    if head[1] - head[0] < shortest:
                        continue
                    end = amount
                if end - start < shortest:
                    continue
                cand = text[start:end]
            digits = _digits(cand)
            n = len(digits)
            if s.card and n >= 12 and not cand.startswith("+"):
                cut = _card_prefix(cand, digits)
                if cut and not self._decoy_context(text, start, card=True):
                    yield Span(start, start + cut, CARD, _digits(cand[:cut]))
                    continue
            # E.164 allows 15 digits; written with the 00 international prefix, two more.
            longest = s.phone_max_digits + (2 if cand.startswith("00") else 0)
            if (
                s.phone
                and n == s.phone_short_digits < s.phone_min_digits
                and (start, end) == run  # the whole run: not what a cut left of a longer one
                and not _DIGITS_AROUND.search(text[max(0, start - 2) : start])
                and not _DIGITS_AROUND.match(text[end : end + 2])
                and (" " in cand or "-" in cand)
                and cand[0] != "0"
                and (s.phone_text_regions or self._cued(text, start, end))
                and not _NOT_PHONE.match(cand)
                and not self._decoy_context(text, start)
            ):
                # six digits in groups: read again in the short-numbered regions only
                pending.append((start, end, cand, digits))
                continue
            if not s.phone or n < s.phone_min_digits:
                continue
            if n <= 7 and cand[0] == "0":
                continue  # a trunk 0 and six digits: an order or item number ("(0776398)")
            # a date or a document's number as a whole; a version ("iOS 16.4.2 - 153 kg",
            # "127.0.6514.190": a version, then a count)
            if _NOT_PHONE.match(cand):
                continue
            if (" " in cand or "\t" in cand) and _hour_after_date(cand, text, end):
                continue
            if "." in cand and _COORDINATE.fullmatch(cand) and _in_coordinates(text, start, end):
                continue  # "pickup point at 16.47246, 41.55286": a latitude and a longitude
            if (
                (s.routing_cues or s.routing_prefixes)
                and n >= 9
                and self._routing_number(text, start, end, accounts)
            ):
                continue
            e164 = self._phone(cand, digits) if n <= longest else None
            if e164 is None and cand[0] == "8" and _TRUNK_EIGHT.fullmatch(cand) is not None:
                # "8 (912) 345-67-89": the trunk 8 and a bracketed area code, as Russia,
                # Kazakhstan and Belarus write their numbers, read there
                e164 = phone_e164(cand, digits, _TRUNK_EIGHT_REGIONS, False)
            intl = cand[0] == "+" or cand[:2] == "00"
            if (
                e164 is None
                and intl
                and _TEL_URI.search(text, max(0, start - 5), start)
                and " " not in cand
                and "\t" not in cand
            ):
                # a ``tel:`` URI's global number (RFC 3966, no spaces): a phone by its syntax,
                # read whatever length libphonenumber expects for its country
                e164 = _international(cand, longest=17)
            # a national form no listed region takes, to be read again (``_national_again``)
            # when it has eight digits or more (seven: an order number as often as a phone)
            again = (
                (s.phone_text_regions or bool(s.phone_cues))
                and e164 is None
                and n <= longest
                and cand.lstrip("(")[:1] != "+"
                and cand[:2] != "00"
            )
            whole = end
            if e164 is None and " " in cand:
                if cand[0] == "+" or cand[:2] == "00":
                    # "+44 7700 900123 186.42": another number right after an international one.
                    e164, cut = self._phone_prefix(cand, longest)
                    if (
                        e164 is not None
                        and s.phone_cues
                        and _DIGIT_GROUPS.fullmatch(cand, cut)
                        and text[end : end + 1] != ":"  # a time or an address goes on
                        and _international(cand) is not None
                        and self._cued(text, start, end)
                    ):
                        # after a phone cue, digit groups that go on are the same number
                        # ("Mobile: +48 736 5524 267"), not a count after it
                        e164, cut = _international(cand), len(cand)
                else:
                    # National forms: only a short number or a date after the last space
                    # ("612328727 7/4 at 10pm", "0151 2185551 4 x 20 g"); cut anywhere, the
                    # groups of a longer number would pass for a phone.
                    e164, cut = self._national_prefix(cand, longest)
                end = start + cut
            if e164 is not None and not self._decoy_context(text, start, plus=intl):
                yield Span(start, end, PHONE, e164)
            elif (
                again
                and e164 is None
                and (
                    n >= 8
                    or (s.phone_cues and self._cued(text, start, whole))
                    or (s.phone_contact_lines and self._listed_after_name(text, start, whole))
                )
                and not self._decoy_context(text, start)
            ):
                # seven digits: after a phone cue only (an order number as often otherwise)
                pending.append((start, whole, cand, digits))
            elif (
                e164 is None
                and intl
                and s.phone_cues
                and _cued_international(cand) is not None
                and not self._decoy_context(text, start, plus=True)
            ):
                # with a country code but a length its plan does not list: after a phone cue
                pending.append((start, whole, cand, digits))

    def _hl7_phones(self, text: str) -> list[Span]:
        """The numbers of HL7 v2's telephone fields (``clinical.hl7_phones``): the field is
        a phone's by the standard, so a national number needs no cue there. Read as the
        regions read a number; one no region validates is still masked (its digits)."""
        s = self.settings
        out: list[Span] = []
        for a, b, written in hl7_phones(text):
            digits = _digits(written)
            if not s.phone_min_digits <= len(digits) <= s.phone_max_digits + 2:
                continue
            e164 = phone_e164(written, digits, s.phone_regions, True)
            if e164 is None and not written.startswith(("+", "00")):
                e164 = personal_anywhere(written, digits)
            out.append(Span(a, b, PHONE, e164 or digits))
        return out

    def _national_again(
        self, text: str, pending: list[tuple[int, int, str, str]], spans: list[Span]
    ) -> list[Span]:
        """National forms no listed region takes, read again: in the regions the text names,
        then, after a phone cue, in every region (``phone_text_regions``, ``phone_cues``)."""
        s = self.settings
        named = _text_regions(spans, s.phone_regions) if s.phone_text_regions else ()
        found: list[Span] = []
        left: list[tuple[int, int, str, str]] = []
        for start, end, cand, digits in pending:
            if cand[0] == "+" or cand[:2] == "00":
                cued = s.phone_cues and self._cued(text, start, end)
                e164 = _cued_international(cand) if cued else None
                if e164 is not None:
                    found.append(Span(start, end, PHONE, e164))
                continue
            if len(digits) < s.phone_min_digits:
                short = _short_regions(len(digits))
                own = tuple(r for r in named if r in short)
                if not own and len(digits) == _FIVE:
                    own = short  # a cue or a name in a list stands before it (``_numbers``)
                elif not own and s.phone_cues and self._cued(text, start, end):
                    own = short
                e164 = phone_e164(cand, digits, own, False) if own else None
                if e164 is not None:
                    found.append(Span(start, end, PHONE, e164))
                continue
            e164 = phone_e164(cand, digits, named, False) if named else None
            if e164 is None and s.phone_cues and self._cued(text, start, end):
                own = self._cue_regions(text, start) if s.phone_cue_regions else ()
                e164 = phone_e164(cand, digits, own, False) if own else None
                e164 = e164 or personal_anywhere(cand, digits)
            if e164 is not None:
                found.append(Span(start, end, PHONE, e164))
            else:
                left.append((start, end, cand, digits))
        if found and left and s.phone_text_regions:
            # a cued number's region is one the text names too ("we have your number as
            # 512 473 599 … no, 12 344 91 17")
            more = _text_regions(found, (*s.phone_regions, *named))
            rest: list[tuple[int, int, str, str]] = []
            for start, end, cand, digits in left if more else ():
                e164 = phone_e164(cand, digits, more, False)
                if e164 is not None:
                    found.append(Span(start, end, PHONE, e164))
                else:
                    rest.append((start, end, cand, digits))
            left = rest if more else left
        if left and s.phone_contact_lines:
            phones = [(sp.start, sp.end) for sp in (*spans, *found) if sp.kind == PHONE]
            for start, end, cand, digits in left:
                if (
                    len(digits) >= 8
                    and (
                        self._contact_line(text, start, end)
                        or _phone_column(text, start, end, phones)
                        or self._bracket_after_name(text, start, end)
                        or _contact_block(text, start, end, spans)
                    )
                ) or (len(digits) >= 7 and self._listed_after_name(text, start, end)):
                    e164 = personal_anywhere(cand, digits)
                    if e164 is not None:
                        found.append(Span(start, end, PHONE, e164))
        return found

    def _contact_line(self, text: str, start: int, end: int) -> bool:
        """The number is a field of a contact line: a name of one to four words (no digits,
        no label of a number), then the number, maybe an e-mail address after it, between one
        separator ("Anna Berg | 96 141635", "Anna Berg, 2123 8598, aberg@mail.se", "郭小明 · …").
        The name is inferred from the line's shape alone: "Lost Property | 2123 8598" reads
        as one too (the number is masked)."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = _line_end(text, end)
        m = _CONTACT_HEAD.fullmatch(text, line_start, start)
        colon = text.rfind(":", line_start, start)
        if m is None and colon > line_start and self._cue_in(text[line_start:colon]):
            # a labelled contact line: "Emergency contact: Anna Berg, 8 (912) 345-67-89"
            m = _CONTACT_HEAD.fullmatch(text, colon + 1, start)
        if m is None:
            return False
        sep = m["sep"].strip() or "-"
        words = _TAIL_WORDS.findall(fold(m["name"]))
        if not words or any(w in self.settings.not_after for w in words):
            return False
        if len(words) == 1 and not _UNSPACED_NAME.fullmatch(m["name"].strip()):
            return False  # one word: a name only in a script written without spaces
        tail = text[end:line_end].strip()
        if not tail:
            return True
        if tail[:1] != sep:
            return False
        return _EMAIL.fullmatch(tail[1:].strip()) is not None

    def _bracket_after_name(self, text: str, start: int, end: int) -> bool:
        """The number stands alone in brackets right after a name of two to four capitalised
        words, as a roster or a list writes a person's number ("9-12 Anna Berg (12 368 97 22);
        …", "Viewer: Jan Nowak (8 029 …)"). The name is read from capitals alone: "Main
        Office (12 368 97 22)" reads as one too (the number is masked)."""
        if text[start - 1 : start] != "(" or text[end : end + 1] not in (")", " ", ","):
            return False
        close = text.find(")", end, end + 12)
        if close < 0 or (text[end:close].strip() and not _EXTENSION.match(text, end)):
            return False
        m = _BRACKET_NAME.search(text, max(0, start - 64), start - 1)
        if m is None:
            return False
        if not all(w[:1].isupper() for w in m["name"].split()):
            return False
        words = _TAIL_WORDS.findall(fold(m["name"]))
        return not any(w in self.settings.not_after for w in words)

    def _five_digits(
        self, text: str, claimed: list[tuple[int, int]]
    ) -> list[tuple[int, int, str, str]]:
        """Numbers of five digits written whole after a phone cue or a name in a list
        (``_listed_after_name``), to be read in the regions whose numbers are that long
        (``_national_again``): a fixed line of Kiribati, the Cook Islands, the Solomon Islands
        ("Tel. 21845", "TOKI, Rakenta  28013"). Not after a currency sign, "#", or a label."""
        out: list[tuple[int, int, str, str]] = []
        for m in _FIVE_RUN.finditer(text):
            start, end = m.span()
            if claimed and any(a < end and start < b for a, b in claimed):
                continue
            if _PLACE_AFTER.match(text, end):
                continue  # "Kontakt: 75011 Paris": a postcode and its town
            if (
                self._cued(text, start, end) or self._listed_after_name(text, start, end)
            ) and not self._decoy_context(text, start):
                out.append((start, end, m.group(), m.group()))
        return out

    def _listed_after_name(self, text: str, start: int, end: int) -> bool:
        """The number follows a person's name as a list writes it: a row of a roster or a
        members' list, the name in its first column and the number in the next, a tab or two
        spaces between ("1. KOWALSKA, Anna  72104418", "Berg, Anna\t2 522 618\tSat"), in
        brackets after the name, one word or an e-mail address before it ("Rua Tane (lead,
        72104418)", "Rua Tane (rua@mail.ki, 28013)"), or after the name and a comma, the
        number ending the clause ("driver Ana Lima, 20 33 45 67; seats: …"). The name is read
        from capitals alone: "Main Office\t72104418" and "at Harbour Road, 20 33 45 67." read
        as one too (the number is masked)."""
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if "\t" in before or "  " in before:
            m = _NAME_ROW.fullmatch(text, line_start, start)
            if m is not None:
                tail = text[end : _line_end(text, end)]
                if tail and not tail.startswith(("\t", "  ")):
                    return False
                return self._capitalised_name(m["name"])
        after = text[end : end + 2]
        if before.endswith(", ") and (after[:1] in (";", "") or after in (". ", ".", ".\n")):
            # in a sentence, a name, a comma and the number closing a clause: "driver Ana
            # Lima, 20 33 45 67; seats: …", "Building manager Teva Moana, 40 50 21 33."
            m = _BRACKET_NAME.search(text, max(line_start, start - 66), start - 2)
            return m is not None and self._capitalised_name(m["name"])
        if after[:1] != ")" or "(" not in before:
            return False
        field = _BRACKET_FIELD.search(text, max(line_start, start - 80), start)
        if field is None:
            return False
        m = _BRACKET_NAME.search(text, max(0, field.start() - 64), field.start())
        return m is not None and self._capitalised_name(m["name"])

    def _capitalised_name(self, name: str) -> bool:
        """Every word of ``name`` capitalised and none a label of a number ("Invoice Total")."""
        if not all(w[:1].isupper() for w in name.replace(",", " ").split()):
            return False
        words = _TAIL_WORDS.findall(fold(name))
        return bool(words) and not any(w in self.settings.not_after for w in words)

    def _routing_number(
        self, text: str, start: int, end: int, accounts: Iterable[tuple[int, int]] = ()
    ) -> bool:
        """Nine digits written whole that pass the ABA checksum, after a routing cue on their
        line ("routing number 021000021", "ABA/RTN: …") or on the line of an IBAN with no
        phone cue before them ("refund to GB25… (052682272)": bank details side by side), or
        with no label when they open with a routing symbol of ``routing_prefixes`` and no
        phone cue stands before them ("(see 092704864)"): a bank's routing number (and what
        the digit run holds after it, a count or a weight, no phone either)."""
        first = text[start : start + 9]
        if end - start < 9 or (end - start > 9 and text[start + 9].isdigit()) or not aba_ok(first):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        before = fold(text[max(line_start, start - 48) : start])
        if any(
            w in self._routing or w.startswith(self._routing_stems)
            for w in _TAIL_WORDS.findall(before)
        ):
            return True
        line_end = _line_end(text, end)
        if any(line_start <= a and b <= line_end for a, b in accounts) and not self._cue_in(
            text[line_start:start], last=4
        ):
            return True
        symbol = int(first[:2])
        return any(a <= symbol <= b for a, b in self.settings.routing_prefixes) and not self._cued(
            text, start, start + 9
        )

    def _cued(self, text: str, start: int, end: int) -> bool:
        """A phone cue stands before the number on its line (``tel:``, "reach them on",
        "son numéro :"), or heads its column when the number is a cell of a table or CSV."""
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - 48) : start]
        if self._cue_in(before, last=4) or _texting_cue(before):
            return True
        if _relay_cue(before) and _GROUPED_DATE.fullmatch(text, start, end) is None:
            return True
        if self.settings.phone_cues_after and self._cue_after(text, end):
            return True
        labels = self.settings.phone_line_labels
        if (
            labels
            and len(before) <= 8
            and fold(before.strip(" \t:.-–")) in labels
            and not text[end : _line_end(text, end)].strip()
        ):
            return True  # "M: …", "T …", "📞 …": a signature's line of a phone, alone
        if self._cue_line_above(text, line_start, start, end) or self._sql_cue(text, start):
            return True
        label = text[line_start:start].split()
        if 1 <= len(label) <= 4 and all(_LETTER.search(w) or not _DIGIT.search(w) for w in label):
            # a short answer under a line that names a number ("we have your number as …" /
            # "falsch, bitte 12 322 23 17"), or an item of a list of such lines under one
            # ("numbers for the team:\n- Team Orion: +370 …\n- Night Shift: 32 10 25 60")
            pos = line_start - 1
            for _ in range(_LIST_ABOVE):
                while pos > 0 and text[pos - 1] in " \t\r\n":
                    pos -= 1  # blank lines between
                if pos <= 0:
                    break
                above_start = text.rfind("\n", 0, pos) + 1
                above = text[above_start:pos]
                if self._cue_in(above):
                    return True
                if _LIST_ITEM.fullmatch(above) is None:
                    break
                pos = above_start - 1
        if text[start - 1 : start] == ">" or text[start - 2 : start - 1] == ">":
            header = _html_header(text, start, end)
            if header is not None:
                return self._cue_in(header)
        line_end = _line_end(text, end)
        if line_start == 0 or _CELL.fullmatch(text, line_start, line_end) is None:
            return False
        left = text[line_start:start].rstrip(" *`")
        right = text[end:line_end].lstrip(" *`)")
        sep = left[-1:] or right[:1]
        if not sep or sep not in ",;|\t":
            return False
        column = left.count(sep)
        for line in reversed(text[: line_start - 1].split("\n")):
            cells = line.split(sep)
            if len(cells) > column and self._is_cue(fold(cells[column]).strip(" *`")):
                return True
        return False

    def _cue_after(self, text: str, end: int) -> bool:
        """The word right after the number, spaces only between, is one of
        ``phone_cues_after`` ("6123 2325 numberla call pannunga", "… hamarov")."""
        m = _TAIL_WORDS.match(fold(text[end : end + 32].lstrip(" ")))
        return m is not None and m.group() in self.settings.phone_cues_after

    def _cue_regions(self, text: str, start: int) -> tuple[str, ...]:
        """The regions of the language of the cue words before the number on its line ("Zvaniet
        man uz …" is Latvian: LV), nearest word first; a cue of no one language gives none."""
        line_start = text.rfind("\n", 0, start) + 1
        words: list[str] = _TAIL_WORDS.findall(fold(text[max(line_start, start - 48) : start]))
        found: dict[str, None] = {}
        for word in words[-4:][::-1]:
            for cue, region in self.settings.phone_cue_regions:
                if word == cue or (cue.endswith("*") and word.startswith(cue[:-1])):
                    found[region] = None
        return tuple(found)

    def _cue_line_above(self, text: str, line_start: int, start: int, end: int) -> bool:
        """The number is alone on its line, right under a line that is a phone cue alone: a
        form or a scanned invoice puts its label above its value ("Tel\n615 9084")."""
        if (
            line_start < 2
            or text[line_start:start].strip()
            or text[end : _line_end(text, end)].strip()
        ):
            return False
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = fold(text[above_start : line_start - 1].strip(" \t\r:.-–"))
        if len(above) == 1 and above.isalpha():
            return False  # "T" or "C" alone above a number: a column's letter as often
        return bool(above) and (self._is_cue(above) or above in self.settings.phone_line_labels)

    def _sql_cue(self, text: str, start: int) -> bool:
        """The number is a quoted value of an SQL ``INSERT INTO t (…, phone, …) VALUES (…)``
        whose column is a phone cue: the column list names what each value is."""
        if text[start - 1 : start] != "'" or ("INSERT" not in text and "insert" not in text):
            return False
        heads = list(_SQL_INSERT.finditer(text, 0, start))
        if not heads:
            return False
        head = heads[-1]
        columns = [fold(c.strip(' \t\r\n`"[]')) for c in head["columns"].split(",")]
        depth, index, quoted, i = 0, 0, False, head.end()
        while i < start - 1:
            ch = text[i]
            if quoted:
                if ch == "'":
                    if text[i + 1 : i + 2] == "'":
                        i += 1  # '' escapes a quote
                    else:
                        quoted = False
            elif ch == "'":
                quoted = True
            elif ch == "(":
                depth += 1
                if depth == 1:
                    index = 0
            elif ch == ")":
                depth -= 1
            elif ch == "," and depth == 1:
                index += 1
            elif ch == ";":
                return False  # the statement ended before the number
            i += 1
        return depth == 1 and not quoted and index < len(columns) and self._is_cue(columns[index])

    def _cue_in(self, text: str, last: int = 0) -> bool:
        """A cue among the last ``last`` words of ``text`` after its last digit (``last``: 0,
        among all its words): not inside an address or link ("…@telefonica.net"), not right
        after a label ("order number is"). An e-mail address's digits do not count: a cue
        reaches across the address ("Kontakt: anna1999@mail.it, 22 346264")."""
        digit = None
        if last:
            seen = _AT_TOKEN.sub(_blank, text) if "@" in text else text
            digit = _LAST_DIGIT.search(seen)
        if digit is not None:
            text = text[digit.end() :]
        kept = fold(" ".join(t for t in text.split() if "@" not in t and "/" not in t))
        found = list(_TAIL_WORDS.finditer(kept))
        labels = self.settings.not_after
        for i in range(max(len(found) - last, 0) if last else 0, len(found)):
            word = found[i].group()
            if (
                i
                and word in _PAIR_ENDS
                and f"{found[i - 1].group()} {word}" in self._cues
                and not kept[found[i - 1].end() : found[i].start()].strip()
            ):
                return True  # "Direct line 72104418": a cue of two words
            if self._is_cue(word) and not (
                # "order number 123…" labels the number; "booking, call me on …" does not
                i
                and found[i - 1].group() in labels
                and not kept[found[i - 1].end() : found[i].start()].strip()
            ):
                return True
        return False

    def _is_cue(self, word: str) -> bool:
        """``word`` is a phone cue: one of ``phone_cues`` or starts with a stem of one, or, a
        run of a script written without spaces, ends in a cue of that script and a few letters
        ("我的手机号", "联系电话是", "携帯電話番号は", "전화번호는")."""
        if word in self._cues or word.startswith(self._cue_stems):
            return True
        # gate: a run's first letter in or past Thai (U+0E00); Latin, Cyrillic and the like
        # are below it and pay one comparison
        return (
            self._unspaced_cue is not None
            and word[:1] >= "\u0e00"
            and self._unspaced_cue.search(word) is not None
        )

    def _phone_prefix(self, cand: str, longest: int) -> tuple[str | None, int]:
        """The longest part of ``cand`` up to a space that is an international number."""
        cut = cand.rfind(" ")
        while cut > 0:
            head = cand[:cut].rstrip(" \t.-/(")
            digits = _digits(head)
            if len(digits) < self.settings.phone_min_digits:
                break
            if len(digits) <= longest and not _DATE.fullmatch(head):
                e164 = self._phone(head, digits)
                if e164 is not None:
                    return e164, len(head)
            cut = cand.rfind(" ", 0, cut)
        return None, 0

    def _national_prefix(self, cand: str, longest: int) -> tuple[str | None, int]:
        """``cand`` without its last piece when that is a date, a time or a fraction, or a short
        number after a phone written without spaces (at most five digits), and what is left is
        a national number of its own."""
        cut = cand.rfind(" ")
        tail = cand[cut + 1 :]
        if len(_digits(tail)) > 5 or _TRAILING_PIECE.fullmatch(tail) is None:
            return None, 0
        head = cand[:cut].rstrip(" \t.-/(")
        if (" " in head or "\t" in head) and tail.isdigit():
            return None, 0  # "3312 3363 4974 7758": one number in groups, not a phone and a count
        if head.endswith(")") and head.count(")") > head.count("("):
            head = head[:-1]
        digits = _digits(head)
        if not self.settings.phone_min_digits <= len(digits) <= longest or _DATE.fullmatch(head):
            return None, 0
        return self._phone(head, digits), len(head)

    def _decoy_context(
        self, text: str, start: int, *, plus: bool = False, card: bool = False
    ) -> bool:
        """The number follows a word that names what it is: an order, an invoice, an IMEI.
        Only a label right before it counts ("Bestellnummer: 1649…", "order no. 2125…"), not
        one that ends a sentence or a line before it ("Ma commande ? 0033 6 …"). A number
        written with ``+`` (a country code) needs the label itself right before it, not a label
        and a word after it: "We sent a code to +44 …" is a phone. A ``card`` (issuer, length,
        grouping and Luhn all hold) needs a label word too: "#" after any other word ("cc#",
        "Karte#") numbers the card itself."""
        if not self.settings.not_after:
            return False
        pre = text[max(0, start - 40) : start]
        if pre.endswith('"'):
            form = _FORM_VALUE.search(text, max(0, start - 80), start)
            if form is not None:  # {"label": "#", "value": "8600929596"}: the label's number
                pre = form["label"].rstrip() + " "
        # the verdict depends on ``pre`` alone but for a row's number (``_opens_cell``): the
        # same labels stand before many numbers (templates, forms), so it is kept per ``pre``
        key = (pre, plus, card)
        verdict = self._decoys.get(key, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = self._decoy_pre(pre, plus=plus, card=card)
            if len(self._decoys) >= _DECOY_CACHE:
                self._decoys.clear()
            self._decoys[key] = verdict
        return verdict is True or (verdict is None and self._opens_cell(text, start))

    def _decoy_pre(self, pre: str, *, plus: bool, card: bool) -> bool | None:
        """``_decoy_context`` from the text ``pre`` before the number alone; None: a decoy
        only when the number opens its line or a cell (``_opens_cell``)."""
        words = self.settings.not_after
        # quotes too (a JSON key: "order": "4520554"), and the ° of "n°"
        gap = pre.rstrip(" \t:.#-–\"'°º")
        if "\n" in pre[len(gap) :] or not gap or not gap[-1].isalpha():
            return not card and pre.rstrip().endswith("#") and "\n" not in pre[len(pre.rstrip()) :]
        if _AT_DOMAIN_END.search(gap, max(0, len(gap) - 64)) is not None:
            return False  # an e-mail address's domain ("…@yahoo.co.id\t0031 …"), not a label
        tail = _TAIL_WORDS.findall(fold(gap[-40:]))[-2:]
        if not tail:
            return False
        last = tail[-1]
        if last in _UPPER_ONLY_LABELS and not gap.endswith(last.upper()):
            return False  # Slavic "po" ("sumata po 4953 …"), not a purchase order's "PO"
        if not card and pre.rstrip().endswith("#") and pre.rstrip()[:-1].rstrip(" \t:.-–") == gap:
            # "asked about #0521757", "siparişiniz #0417494": a "#" numbers something, unless
            # the word names a phone ("phone # 555 …", "Tel.#"). A card after "#" is judged by
            # its word alone ("cc# 3499 242656 02764": a card; "order #…": no card). A label
            # itself is one whatever it holds ("Bestellung #…" holds "tel").
            return last in words or not any(stem in last for stem in self.settings.not_after_unless)
        if len(tail) == 2 and _CLAUSE_BEFORE_LAST.search(gap) is not None:
            tail = tail[1:]  # "add Ana to the account, number 0157 …": two clauses, no label
        if last in words or " ".join(tail) in words:
            return True
        if len(tail) == 2 and last in self.settings.not_after_heads and tail[0] in words:
            return not plus
        if not plus and last in _ROW_NUMBERING and not self._label_compound(last):
            return None  # "NR. 1215644;Ana …": a record's own number opening a line or a cell
        return self._label_compound(last)

    @staticmethod
    def _opens_cell(text: str, start: int) -> bool:
        """The one word before the number at ``start`` (and its ".", ":", "°") opens its line or
        a cell of a row (after ";", ",", "|" or a tab): a numbering word alone ("Nr.", "No",
        "N°") labels the row's own number there, while a phone's is labelled before it
        ("Tel. Nr. …")."""
        i = start
        while i > 0 and text[i - 1] in " \t:.#-–\"'°º":
            i -= 1
        j = i
        while j > 0 and (text[j - 1].isalpha()):
            j -= 1
        while j > 0 and text[j - 1] == " ":
            j -= 1
        return j == 0 or text[j - 1] in "\n\r;,|\t"

    def _label_compound(self, word: str) -> bool:
        """A compound that ends like a label ("Ordernummer", "Kundennr", "Verificatiecode") and
        names no phone or personal number ("Telefonnummer", "Ausweisnummer")."""
        found = self._compounds.get(word)
        if found is None:
            s = self.settings
            ends = any(word.endswith(x) and len(word) >= len(x) + 3 for x in s.not_after_suffixes)
            found = ends and not any(stem in word for stem in s.not_after_unless)
            if len(self._compounds) >= _DECOY_CACHE:
                self._compounds.clear()
            self._compounds[word] = found
        return found

    def _phone(self, cand: str, digits: str) -> str | None:
        s = self.settings
        return phone_e164(cand, digits, s.phone_regions, s.phone_international == "possible")


# A contact line up to its number: a name (letters, spaces, "'", "." and "-" in it), then one
# separator.
# Two to four capitalised words (a name) right before "(" and a number: ``_bracket_after_name``.
_BRACKET_NAME = re.compile(
    r"(?<![^\W\d_])(?P<name>(?:[^\W\d_a-z][^\W\d_]+[ \t]){1,3}[^\W\d_a-z][^\W\d_]+)[ \t]*\Z"
)
_CONTACT_HEAD = re.compile(
    r"[ \t]*(?P<name>[^\W\d_](?:[^\W\d_]|[ '’.\-])*?)"
    r"(?P<sep>[ \t]*[|·/,–][ \t]*|[ \t]+-[ \t]+)\(?"
)
# Scripts that write a name without spaces (Han, Kana, Hangul, Thai): two letters at least.
# A cue inside a run of a script written without spaces: the run is the cue and what is glued
# to it on either side ("我的" before, "号", "号码是", "番号は" after). At most four letters
# after the cue: further on, the run says something else ("电话打不通，订单…" is cut at the
# "，" anyway; "电话费用已经扣了" is not a number's label).
_UNSPACED_CUE_AFTER = 4
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")


def _unspaced_cues(cues: Sequence[str]) -> re.Pattern[str] | None:
    """The cues of scripts written without spaces (Han, Kana, Hangul, Thai) as one pattern
    searched in a run of such letters, None when the policy lists none."""
    words = sorted(
        {c.rstrip("*") for c in cues if _UNSPACED_CHAR.search(c)}, key=lambda c: (-len(c), c)
    )
    if not words:
        return None
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{alt})(?=\w{{0,{_UNSPACED_CUE_AFTER}}}\Z)")


# What may close a number's line in a contact block: a postscript ("… 12 583 27 56 PS: …").
_POSTSCRIPT = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:P\.?S\.?\b.*)?\Z")
# A sentence that ends with a name of two to four capitalised words and a full stop.
_SENTENCE_NAME = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_a-z][^\W\d_]+[ \t]){1,3}[^\W\d_a-z][^\W\d_]+\.[ \t]*\Z"
)


def _contact_block(text: str, start: int, end: int, spans: Sequence[Span]) -> bool:
    """The number stands alone on its line (in brackets, maybe before a postscript) in a
    contact block: under an e-mail address alone on its line ("NOWAK Anna\nanna@…\n12 583
    27 56"), in a signature under its "-- " delimiter (RFC 3676), or right after a sentence
    that ends with a capitalised name ("My name is Anna Nowak.\n12 583 27 56", "… Anna
    Nowak. (12 583 27 56)"). The last is read from capitals alone: "I wrote to Main
    Office.\n12 583 27 56" reads as one too (the number is masked)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, end)
    if _POSTSCRIPT.match(text[end:line_end]) is None:
        return False
    head = text[line_start:start].rstrip(" \t")
    if head.endswith("("):
        head = head[:-1].rstrip(" \t")
        if head:  # "… Anna Nowak. (12 583 27 56)"
            return _SENTENCE_NAME.search(head) is not None
    if head or line_start < 2:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1].strip()
    if _SENTENCE_NAME.search(above) is not None:
        return True
    if any(sp.kind == EMAIL and text[sp.start : sp.end] == above for sp in spans):
        return True
    pos = line_start - 1
    for _ in range(3):  # a signature: "-- ", a name (a role), the number
        if pos <= 0:
            return False
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        if line.rstrip() == "--":
            return True
        if len(line) > 48 or _DIGIT.search(line):
            return False
        pos = prev_start - 1
    return False


_UNSPACED_NAME = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")


_COLUMN_ROWS = 50
# An HTML table's cell holding nothing but the number, and the cells of a row.
_TD_OPEN = re.compile(r"(?i)<td(?:\s[^<>]*)?>[ \t]*$")
_TD_CLOSE = re.compile(r"(?i)[ \t]*</td>")
_HTML_CELL_OPEN = re.compile(r"(?i)<t[hd](?=[\s>])")
_HTML_CELL = re.compile(r"(?is)<t[hd](?:\s[^<>]*)?>(.*?)</t[hd]>")
_HTML_TAG = re.compile(r"<[^<>]*>")
# How far above a cell its table's header row is looked for (characters).
_HTML_HEADER_REACH = 8000


def _html_header(text: str, start: int, end: int) -> str | None:
    """The text of the header cell (``<th>``) of the column whose ``<td>`` holds text[start:end]
    and nothing else, or None: a table pasted as HTML ("<th>Tel</th>" over "<td>40 61 47 53</td>")
    names its column as a plain table's first row does."""
    if _TD_OPEN.search(text, max(0, start - 48), start) is None or not _TD_CLOSE.match(text, end):
        return None
    low = max(0, start - _HTML_HEADER_REACH)
    row = text.rfind("<tr", low, start)
    head = text.rfind("<th", low, row) if row >= 0 else -1
    if head < 0:
        return None
    column = len(_HTML_CELL_OPEN.findall(text, row, start)) - 1
    head_row = text.rfind("<tr", low, head)
    head_end = text.find("</tr>", head)
    cells = _HTML_CELL.findall(text, max(head_row, low), head_end if head_end >= 0 else row)
    if not 0 <= column < len(cells):
        return None
    return _HTML_TAG.sub(" ", cells[column])


def _phone_column(text: str, start: int, end: int, phones: Sequence[tuple[int, int]]) -> bool:
    """The number is a cell of a table (tab, ";", "," or "|" between cells) and another row
    of the same table holds a phone found in the same column: a column of phone numbers
    without a header. Only rows with as many cells as its own count as its table's, up to
    ``_COLUMN_ROWS`` each way."""
    if not phones:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, end)
    line = text[line_start:line_end]
    left = text[line_start:start].rstrip(" *`(")
    right = text[end:line_end].lstrip(" *`)")
    sep = left[-1:] or right[:1]
    if not sep or sep not in ",;|\t":
        return False
    column, cells = left.count(sep), line.count(sep)
    # rows above and below, while they have as many cells (a bounded number of them: a long
    # export pasted whole costs no more per number than a short table)
    for step in (-1, 1):
        pos = line_start if step < 0 else line_end
        for _ in range(_COLUMN_ROWS):
            if step < 0:
                if pos == 0:
                    break
                row_end = pos - 1
                row_start = text.rfind("\n", 0, row_end) + 1
                pos = row_start
            else:
                if pos >= len(text):
                    break
                row_start = pos + 1
                row_end = _line_end(text, row_start)
                pos = row_end
            row = text[row_start:row_end]
            if row.count(sep) != cells:
                break
            a = row_start
            for _ in range(column):
                a = text.index(sep, a, row_end) + 1
            b = text.find(sep, a, row_end)
            b = row_end if b < 0 else b
            if any(a <= p and q <= b for p, q in phones):
                return True
    return False


@lru_cache(maxsize=16384)
def phone_e164(
    cand: str, digits: str, regions: tuple[str, ...], possible: bool = True
) -> str | None:
    """E.164 of ``cand`` if libphonenumber's matcher finds one valid number covering all its
    digits: with a country code (``+`` or ``00``) read in the first region, else in the first
    region where it is valid.

    With a country code and ``possible``, a number whose length is possible for its country
    is taken even when the metadata does not list its range as valid: numbering plans change
    faster than metadata releases, and a written country code is itself strong evidence.
    Numbers without one keep the validity check (they are far more often something else).

    The matcher costs 0.1-0.2 ms a call, so a region is asked only when the digits (without
    its national prefix) fit one of that region's number types in libphonenumber's metadata,
    a necessary condition of validity that costs microseconds; and with ``possible`` an
    international number is read once (a parse) before the matcher is asked about it: a
    valid fixed line or mobile number is possible too, with the same E.164.
    """
    lead = cand.lstrip("(")
    if lead.startswith(("+", "00")):
        intl = cand if lead[0] == "+" else "+" + lead[2:]
        digits = digits if lead[0] == "+" else digits[2:]
        found = _possible(intl, digits) if possible else None
        return found if found is not None else _matches(intl, digits, regions[0])
    for region in regions:
        if _may_be_national(digits, region):
            # the matched number itself is judged: its E.164 parsed again holds the same
            # country code and national number, and a parse costs as much as the judgement
            num = _matched_number(cand, digits, region)
            if num is not None and _no_access_code(num):
                return _e164(num)
    return None


# What a number written without a country code is not taken as: a voicemail access code or
# a pager. Italy's voicemail range (3 and 11 digits more) holds every 12-digit number starting
# 3, as a parcel's tracking number is written. (A company's UAN range stays: Spain's 51… reads
# a Polish mobile written alone, "512 851 855", which is masked so.)
_NOT_PERSONAL_NATIONAL = frozenset(
    {phonenumbers.PhoneNumberType.VOICEMAIL, phonenumbers.PhoneNumberType.PAGER}
)


def _no_access_code(num: phonenumbers.PhoneNumber) -> bool:
    # A voicemail or pager number matches its region's pattern of that type (``number_type``
    # checks those patterns too): when none of the patterns of its country code's regions
    # matches, the type is neither, and the walk through every type's pattern (and, for a
    # shared code such as +1, the search for the region among 25) is left out.
    nsn = phonenumbers.national_significant_number(num)
    if not any(
        (not lengths or len(nsn) in lengths) and pattern.fullmatch(nsn) is not None
        for lengths, pattern in _access_patterns(num.country_code)
    ):
        return True
    return phonenumbers.number_type(num) not in _NOT_PERSONAL_NATIONAL


@cache
def _access_patterns(country_code: int) -> tuple[tuple[tuple[int, ...], re.Pattern[str]], ...]:
    """(possible lengths, pattern) of the voicemail and pager numbers of every region of the
    country code, as libphonenumber tests a national number against a number type."""
    found: list[tuple[tuple[int, ...], re.Pattern[str]]] = []
    for region in phonenumbers.region_codes_for_country_code(country_code):
        md = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
        for desc in (md.pager, md.voicemail) if md is not None else ():
            if desc is not None and desc.national_number_pattern:
                lengths = tuple(desc.possible_length or ())
                found.append((lengths, re.compile(desc.national_number_pattern)))
    return tuple(found)


def _matches(cand: str, digits: str, region: str) -> str | None:
    num = _matched_number(cand, digits, region)
    return None if num is None else _e164(num)


def _matched_number(cand: str, digits: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The number libphonenumber's matcher finds in ``cand`` (read in ``region``) covering all
    of ``digits``, or None."""
    for pm in phonenumbers.PhoneNumberMatcher(cand, region, leniency=phonenumbers.Leniency.VALID):
        if _digits(pm.raw_string) == digits:
            return pm.number
    return None


def _e164(num: phonenumbers.PhoneNumber) -> str:
    return str(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164))


_PERSONAL = phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE
_TEL_URI = re.compile(r"(?i)(?:tel|sips?):\(?$")
_TRUNK = re.compile(r"\(0\)")


# After a phone cue, a number written with its country code is masked up to this many digits
# (E.164 allows fifteen): "Phone: +82 54481400511199", "Tel: 00234 36930971325995" are the
# person's number mistyped or run on into an extension, and the label says what it is.
_CUED_LONGEST = 20


def _cued_longest(cand: str) -> int:
    """How many digits a cued international number may have: twenty, but fifteen when it is
    written ``00`` and whole, as a shipping container code (SSCC, ``00`` and eighteen digits:
    "— 00340486016004651281") is."""
    return 15 if cand[:2] == "00" and cand.isdigit() else _CUED_LONGEST


@lru_cache(maxsize=4096)
def _international(cand: str, longest: int = 15) -> str | None:
    """``+`` and the digits of ``cand`` (a ``+``/``00`` number, a trunk ``(0)`` left out) when
    they start with a country code and are at most ``longest`` (E.164's fifteen), else None:
    a number whose length its country's plan does not list, taken only where something else
    says it is a phone (a ``tel:`` URI, a WhatsApp link, a phone cue)."""
    lead = cand.lstrip("(")
    if lead[:1] == "+":
        body = lead[1:]
    elif lead[:2] == "00":
        body = lead[2:]
    else:
        return None
    digits = _digits(_TRUNK.sub("", body))
    if not 8 <= len(digits) <= longest:
        return None
    for size in (1, 2, 3):
        regions = phonenumbers.region_codes_for_country_code(int(digits[:size]))
        if regions and regions != ("001",):
            return "+" + digits
    return None


def _cued_international(cand: str) -> str | None:
    """E.164 of a number written with its country code after a phone cue: up to twenty digits
    (``_international``), and, written with a ``+``, as few as six when libphonenumber says
    that length is possible for some number of the country ("callback on +47 16 950", "Mobile:
    +31 455 75": typed short, a digit or two left out). The cue says it is a phone; its
    length alone would not (a ``00`` start is as often a code or a count)."""
    found = _international(cand, _cued_longest(cand))
    if found is not None or cand.lstrip("(")[:1] != "+":
        return found
    digits = _digits(_TRUNK.sub("", cand))
    if not _CUED_SHORTEST <= len(digits) < 8:
        return None
    try:
        num = phonenumbers.parse(_TRUNK.sub("", cand), None)
    except phonenumbers.NumberParseException:
        return None
    if num.country_code is None or phonenumbers.region_code_for_country_code(num.country_code) in (
        "ZZ",
        "001",
    ):
        return None
    cc = str(num.country_code)
    nsn = phonenumbers.national_significant_number(num)
    if digits != cc + nsn or not phonenumbers.is_possible_number(num):
        return None
    return "+" + digits


# A cued number with its country code and fewer digits than this is no phone: "+1 2345" is
# a score or a count.
_CUED_SHORTEST = 6


def _possible(cand: str, digits: str) -> str | None:
    """E.164 of an international number whose length is possible for a fixed-line or mobile
    number of its country code, when the parse accounts for every digit written (a trunk
    ``(0)`` aside). Lengths only other kinds of number have (service, M2M) do not count."""
    if "(0)" in cand:
        # the trunk "(0)" of "+57 (0) 321 …" is not dialled from abroad: left to the parser,
        # a region whose national prefix takes more than the 0 reads the number wrong (Italy
        # dials its 0: there the number as written)
        return _possible_number(_TRUNK.sub("", cand), digits) or _possible_number(cand, digits)
    return _possible_number(cand, digits)


def _possible_number(cand: str, digits: str) -> str | None:
    try:
        num = phonenumbers.parse(cand, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number_for_type(num, _PERSONAL):
        return None
    cc, nsn = str(num.country_code), phonenumbers.national_significant_number(num)
    if not (digits.startswith(cc) and digits.endswith(nsn) and len(digits) - len(cc + nsn) <= 1):
        return None
    return f"+{cc}{nsn}"


_NUMBER_TYPES = (
    "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
    "voip", "pager", "uan", "voicemail",
)  # fmt: skip


@cache
def _national_rules(region: str) -> tuple[str, re.Pattern[str]] | None:
    """The region's national prefix and a pattern every valid national significant number of
    it matches: the union of its number types' patterns (what validity itself checks, so the
    matcher is asked only about numbers that may pass), or the general pattern where the
    national prefix is parsed by a rule more complex than stripping it; None (no check) where
    parsing rewrites the digits."""
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if md is None or md.general_desc is None or not md.general_desc.national_number_pattern:
        return None
    general = md.general_desc.national_number_pattern
    if md.national_prefix_transform_rule is not None:
        return None  # digits are inserted while parsing (Argentina's mobile "15"): ask the matcher
    prefix = md.national_prefix or ""
    simple = md.national_prefix_for_parsing in (None, md.national_prefix)
    types = [getattr(md, name, None) for name in _NUMBER_TYPES]
    patterns = [d.national_number_pattern for d in types if d and d.national_number_pattern]
    if not simple or not patterns:
        return prefix, re.compile(general)
    return prefix, re.compile(f"(?=(?:{general})$)(?:{'|'.join(patterns)})")


def _may_be_national(digits: str, region: str) -> bool:
    rules = _national_rules(region)
    if rules is None:
        return True
    prefix, pattern = rules
    if pattern.fullmatch(digits) is not None:
        return True
    if (
        bool(prefix)
        and digits.startswith(prefix)
        and (pattern.fullmatch(digits[len(prefix) :]) is not None)
    ):
        return True
    return _parsed_prefix_rest(digits, region, pattern)


@cache
def _parsing_prefix(region: str) -> re.Pattern[str] | None:
    """The region's national prefix for parsing when it is a pattern beyond the national
    prefix itself and rewrites nothing (Belarus: "8" dialled, "0|80?" parsed, as the old
    trunk "8 029 …" is still written), else None."""
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if md is None or md.national_prefix_transform_rule is not None:
        return None
    npp = md.national_prefix_for_parsing
    if npp in (None, md.national_prefix) or "(" in npp:
        return None
    return re.compile(npp)


def _parsed_prefix_rest(digits: str, region: str, pattern: re.Pattern[str]) -> bool:
    """The digits after the region's parsing prefix fit ``pattern`` ("8 029 …" in BY)."""
    npp = _parsing_prefix(region)
    m = npp.match(digits) if npp is not None else None
    return m is not None and m.end() > 0 and pattern.fullmatch(digits, m.end()) is not None


# Five digits: a whole fixed line in Kiribati, the Cook Islands, Niue, Tokelau, the Solomon
# Islands… ("Tel. 21845"), read after a phone cue or a name in a list only.
_FIVE = 5


@cache
def _short_regions(size: int) -> tuple[str, ...]:
    """Regions whose fixed-line or mobile numbers may have ``size`` digits, written with no
    national prefix (FO, GL, AD…): where a number of six digits is a whole phone number. Five
    digits: also a region with a trunk prefix its numbers are never written with (Kiribati)."""
    found = []
    for region in _ALL_REGIONS:
        md = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if md is None or (
            md.national_prefix
            and (size != _FIVE or any(f.national_prefix_formatting_rule for f in md.number_format))
        ):
            continue
        lengths = {
            n for d in (md.fixed_line, md.mobile) if d is not None for n in d.possible_length
        }
        if size in lengths:
            found.append(region)
    return tuple(found)


_NAMED_GROUP = re.compile(r"\(\?P<([A-Za-z_]\w*)>")
_NAMED_REF = re.compile(r"\(\?P=([A-Za-z_]\w*)\)")
_NUMBERED_REF = re.compile(r"\\[1-9]")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")

Scan = tuple[re.Pattern[str], dict[int, tuple[str, str | int]]]  # regex, group -> (kind, value)


def _combine(custom: tuple[CustomPattern, ...]) -> list[Scan]:
    """Custom patterns as few regexes as possible: one alternation scans the text once, which
    halves their cost. A pattern that cannot be renumbered safely (numbered back-references,
    global inline flags) keeps its own scan."""
    scans: list[Scan] = []
    parts: list[str] = []
    members: list[tuple[int, CustomPattern]] = []
    for i, cp in enumerate(custom):
        src = cp.regex.pattern
        if _NUMBERED_REF.search(src) or _GLOBAL_FLAGS.match(src):
            scans.append((cp.regex, dict.fromkeys(range(cp.regex.groups + 1), (cp.kind, cp.group))))
            continue
        src = _NAMED_GROUP.sub(rf"(?P<_c{i}_\1>", src)
        src = _NAMED_REF.sub(rf"(?P=_c{i}_\1)", src)
        flags = "i" if cp.regex.flags & re.IGNORECASE else ""
        parts.append(f"(?P<_c{i}>(?{flags}:{src}))" if flags else f"(?P<_c{i}>{src})")
        members.append((i, cp))
    if parts:
        regex = re.compile("|".join(parts))
        groups: dict[int, tuple[str, str | int]] = {}
        for i, cp in members:
            outer = regex.groupindex[f"_c{i}"]
            if isinstance(cp.group, str):
                value: str | int = f"_c{i}_{cp.group}"
            else:
                value = outer + cp.group if cp.group else outer
            groups[outer] = (cp.kind, value)
        scans.insert(0, (regex, groups))
    return scans


def _iban_end(raw: str) -> int:
    """Where an IBAN of its country's length ends in ``raw`` (spaces or dashes allowed between
    groups), or -1 if the country is unknown or the length does not end at a group boundary."""
    length = IBAN_LENGTHS.get(raw[:2].upper())
    if length is None:
        return -1
    seen = 0
    escaped = False  # the "n" of a JSON line break ("\\n") is no character of the IBAN
    for i, ch in enumerate(raw):
        if ch == "\\":
            escaped = True
            continue
        if escaped:
            escaped = False
            continue
        if ch not in " -\t\r\n":
            seen += 1
            if seen == length:
                return i + 1 if i + 1 == len(raw) or raw[i + 1] in " -\t\r\n\\" else -1
    return -1


def _card_prefix(cand: str, digits: str) -> int:
    """Length of the card number ``cand`` is or starts with (then followed by another number:
    "Card: 3712 197321 21527 11:45"), or 0."""
    if _is_card(cand, digits):
        return len(cand)
    cut = cand.rfind(" ")
    while cut > 0:
        head = cand[:cut].rstrip(" \t.-/(")
        d = _digits(head)
        if len(d) < 12:
            break
        if _is_card(head, d) and (len(d) >= 16 or not _continues_groups(head, cand[cut:].strip())):
            return len(head)
        cut = cand.rfind(" ", 0, cut)
    return 0


def _continues_groups(head: str, rest: str) -> bool:
    """``rest`` goes on with ``head``'s grouping: all of ``head``'s groups as long as one
    another, and ``rest`` more such groups (the last maybe shorter) after the same separator.
    "6539 7814 0222 6405" is one number in groups of four, not a 12-digit card and a count
    (a card of 16 digits or more is still cut off: "4111 1111 1111 1111 2024")."""
    groups = [len(g) for g in _GROUPS.findall(head)]
    tail = _GROUPS.findall(rest)
    if len(groups) < 2 or len(set(groups)) != 1 or not tail or not rest[:1].isdigit():
        return False
    if not set(_NON_DIGIT.findall(rest)) <= {" "}:
        return False
    return all(len(g) <= groups[0] for g in tail) and all(len(g) == groups[0] for g in tail[:-1])


def _is_card(written: str, digits: str) -> bool:
    return _card_issued(digits) and _card_grouped(written) and luhn_ok(digits)


# Issuer identification ranges of the card networks and the lengths their cards have (ISO/IEC
# 7812 as the networks publish them): (lowest prefix, highest prefix, shortest, longest).
# Lengths matter as much as prefixes: a 15-digit IMEI starting 35 or 49 passes Luhn, but no
# network issues 15 digits there (JCB's 35 is 16-19, Visa's 4 is 13, 16 or 19).
_ISSUERS: tuple[tuple[str, str, int, int], ...] = (
    ("2200", "2204", 16, 19),  # Mir
    ("2205", "2205", 16, 16),  # Borica
    ("2221", "2720", 16, 16),  # Mastercard 2-series
    ("300", "305", 14, 19),  # Diners Club
    ("3095", "3095", 14, 19),
    ("34", "34", 15, 15),  # American Express
    ("35", "35", 16, 19),  # JCB (3528-3589), RuPay's JCB-shared 353 and 356
    ("36", "36", 14, 19),  # Diners Club International
    ("37", "37", 15, 15),  # American Express
    ("38", "39", 14, 19),  # Diners Club (Carte Blanche 38 has 14)
    ("4", "4", 13, 13),  # Visa
    ("4", "4", 16, 16),
    ("4", "4", 19, 19),
    ("50", "50", 16, 19),  # Maestro, Verve, RuPay 508, Elo
    ("51", "55", 16, 16),  # Mastercard
    ("56", "69", 16, 19),  # Maestro, Discover, UnionPay, RuPay, Elo, Troy 65, InstaPayment
    # Only Maestro issues 12 to 15 digits there, under its own ranges: a 12-digit parcel
    # number starting 68 that passes Luhn is no card.
    ("5018", "5018", 12, 15),
    ("5020", "5020", 12, 15),
    ("5038", "5038", 12, 15),
    ("5893", "5893", 12, 15),
    ("6304", "6304", 12, 15),
    ("6759", "6759", 12, 15),
    ("6761", "6763", 12, 15),
    ("81", "82", 16, 19),  # UnionPay 81, RuPay 81-82
    ("8600", "8600", 16, 16),  # UzCard
    ("9704", "9704", 16, 16),  # NAPAS (Vietnam's domestic cards)
    ("9704", "9704", 19, 19),
    ("9792", "9792", 16, 16),  # Troy
    ("9860", "9860", 16, 16),  # Humo
    ("1", "1", 15, 15),  # UATP (airline cards)
)


# ``_ISSUERS`` by the card lengths they issue: (lowest prefix, highest prefix, its length).
_ISSUERS_OF_LENGTH: dict[int, tuple[tuple[str, str, int], ...]] = {
    n: tuple((low, high, len(low)) for low, high, a, b in _ISSUERS if a <= n <= b)
    for n in range(min(i[2] for i in _ISSUERS), max(i[3] for i in _ISSUERS) + 1)
}


def _card_issued(digits: str) -> bool:
    """A length some network issues under this prefix."""
    for low, high, size in _ISSUERS_OF_LENGTH.get(len(digits), ()):
        if low <= digits[:size] <= high:
            return True
    return False


_GROUPS = re.compile(r"\d+")


def _card_grouped(written: str) -> bool:
    """Written whole, or in groups as cards are printed and people copy them: a first group
    of four (six on some Maestro cards), then groups of one to six (4-4-4-4, 4-6-5, 4-4-5);
    or the six digits of the issuer number and the rest of 16 to 19 digits in one group (6-13).
    An order number written 3-7-7 or an IMEI written 2-6-6-1 is no card however its digits
    add up."""
    groups = [len(g) for g in _GROUPS.findall(written)]
    if len(groups) == 1:
        return True
    if groups == [6, sum(groups) - 6] and sum(groups) >= 16:
        return True  # a six-digit issuer number, then the rest in one ("650500-5756177079351")
    if sum(groups) == 16 and set(groups) <= {4, 8}:
        return True  # sixteen digits in eights, or fours and an eight ("64461845 48228445")
    if len(groups) == 2 and groups[0] == 8 and sum(groups) >= 15:
        return True  # eight, then the rest in one ("17005650 7766000")
    return groups[0] in (4, 6) and all(1 <= g <= 6 for g in groups[1:])


def aba_ok(digits: str) -> bool:
    """The ABA routing number checksum (weights 3, 7, 1) on nine digits."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    d = [ord(c) - 48 for c in digits]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: at each place the longest wins (ties keep detector order), and
    it grows to cover whatever the spans it beat reach beyond it. Dropping a partly overlapping
    span would leave its remainder in clear (a known name ending inside the e-mail address on the
    next line left the address's rest); a span that only partly wins takes the rest under its
    own token instead."""
    if len(spans) < 2:
        return spans
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end, i))
    out: list[Span] = []
    for i in order:
        sp = spans[i]
        if out and sp.start < out[-1].end:
            last = out[-1]
            if sp.end - sp.start > last.end - last.start:
                out[-1] = Span(last.start, max(sp.end, last.end), sp.kind, sp.value)
            elif sp.end > last.end:
                out[-1] = Span(last.start, sp.end, last.kind, last.value)
            continue
        out.append(sp)
    return out


# --- a person's own values -------------------------------------------------------------------


class Searchable:
    """A text as a person's values are searched in it: folded, and its digit runs with their
    digits. Chat text repeats (bot templates, greetings) across people, so a masker prepares
    each text once and searches it for each person's values. Each part is worked out when a
    search first needs it (most people have no phone to compare), from the digit runs the
    detectors found if they scanned the text (``Detectors.scan_prepared``)."""

    __slots__ = ("_folded", "_matches", "_numbers", "_words", "text")

    def __init__(self, text: str, matches: list[re.Match[str]] | None = None) -> None:
        self.text = text
        self._matches = matches
        self._folded: str | None = None
        self._numbers: tuple[tuple[int, int, str, str], ...] | None = None
        self._words: dict[int, tuple[_NearWord, ...]] | None = None  # by least length

    @classmethod
    def of(cls, text: str) -> Searchable:
        return cls(text)

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def numbers(self) -> tuple[tuple[int, int, str, str], ...]:
        """(start, end, as written, digits) of each digit run."""
        if self._numbers is None:
            matches = self._matches
            if matches is None:
                text = unglued_prefixes(plain_spaces(self.text))
                matches = list(_NUM.finditer(text)) if _DIGIT.search(text) is not None else []
            self._numbers = tuple(
                (m.start(), m.end(), m.group(), _digits(m.group())) for m in matches
            )
            self._matches = None
        return self._numbers

    def words(self, min_length: int) -> tuple[_NearWord, ...]:
        """The words of ``min_length`` letters or more written like a name (a capital first, or
        a script without case), each with its plain form (``KnownValues.near_in``)."""
        if self._words is None:
            self._words = {}
        found = self._words.get(min_length)
        if found is None:
            text = self.text
            out: list[_NearWord] = []
            for m in _near_words(min_length).finditer(text):
                w = m.group()
                a, b = m.span()
                if (a > 0 and text[a - 1] in "@.") or (b < len(text) and text[b] == "@"):
                    continue  # part of an address or a dotted name: not a word of the text
                out.append((a, b, _plain(w)))
            found = self._words[min_length] = tuple(out)
        return found


# A word and its letters' combining marks (Devanagari vowel signs, Thai tone marks), and one
# that opens with a capital or a letter of a script without case, of five letters or more.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff"
    "\u0e31-\u0e4e\u1100-\u11ff"
)
_UNCASED = (
    "\u0590-\u08ff\u0900-\u0dff\u0e00-\u0e7f\u10d0-\u10ff\u1100-\u137f\u3040-\u9fff\uac00-\ud7af"
)
_NEAR_WORD = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+")


@cache
def _near_words(min_length: int) -> re.Pattern[str]:
    """Words of ``min_length`` letters or more written like a name, whole."""
    return re.compile(
        rf"(?<![^\W\d_])[{_U}{_UNCASED}](?:[^\W\d_]|[{_MARKS}]){{{max(0, min_length - 1)},}}"
    )


_NearWord = tuple[int, int, str]  # start, end, plain form


def _plain(word: str) -> str:
    """``word`` folded, without the accents of Latin, Greek and Cyrillic letters: a misspelt
    name is compared as people type it ("Ηραλκής" and "Ηρακλής", "Jose" and "José")."""
    low = fold(word)
    if low.isascii():
        return low
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", low):
        if unicodedata.combining(ch) and out and out[-1] < "\u0590":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _deletions(word: str) -> frozenset[str]:
    """``word`` and each form of it with one letter left out: two words one edit apart share
    one of these (the symmetric-delete lookup). ``near_in`` compares lengths instead: a person
    has a few name parts, and a text's words' deletions cost more to build than the
    comparisons they save."""
    return frozenset([word, *(word[:i] + word[i + 1 :] for i in range(len(word)))])


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substitution, insertion, deletion or swap of two adjacent
    letters (and are not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) < len(b):
        a, b = b, a
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) != len(b):
        return a[i + 1 :] == b[i:]
    return a[i + 1 :] == b[i + 1 :] or (
        i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    )


@dataclass(frozen=True)
class KnownValues:
    """The profile values of one person, found in their own messages whatever the case.

    Built once per person and cheap to apply: literal search in case-folded text (no regex
    per person), phones compared by digits on the candidates the phone detector found anyway.
    Adjacent name parts ("Mehmet Yılmaz") become one span.
    """

    values: frozenset[tuple[str, str]]  # (kind, value)
    needles: tuple[tuple[str, str], ...] = ()  # (folded literal, kind)
    phones: tuple[str, ...] = ()  # national significant numbers
    regions: tuple[str, ...] = ("TR",)
    # Name parts of ``near_min`` letters or more: the lengths of their plain forms'
    # (``_plain``) one-edit neighbours, and (plain form, folded part) of each
    near: frozenset[int] = frozenset()
    near_parts: tuple[tuple[str, str], ...] = ()
    near_min: int = 0

    def find(self, text: str) -> list[Span]:
        return self.find_in(Searchable.of(text))

    def near_in(self, s: Searchable, words: Callable[[str], bool] | None = None) -> list[Span]:
        """The words of ``s`` one edit from a known name part (a letter typed wrong, added,
        left out or two swapped, whatever the case and accents), each as that name: an
        inference (a word one letter from a name may be a word; ``words`` says which are, and
        those stay). The equal ones are ``find_in``'s."""
        near = self.near
        if not near:
            return []
        out: list[Span] = []
        parts = self.near_parts
        for a, b, plain in s.words(self.near_min):
            n = len(plain)
            if n not in near:  # no part within one letter of its length: none one edit off
                continue
            for part, name in parts:
                if -1 <= len(part) - n <= 1 and _one_edit(plain, part):
                    if (words is None or not words(s.text[a:b])) and not _code_word(s.text, a, b):
                        out.append(Span(a, b, NAME, name))  # the name's token
                    break
        return out

    def find_in(self, s: Searchable) -> list[Span]:
        """``find`` on a text prepared once (``Searchable``): the same text is searched for
        the values of each person who sends or receives it."""
        out: list[Span] = []
        text = s.text
        phones = self.phones
        if phones:
            for start, end, written, digits in s.numbers:
                # str.endswith(tuple) first: one call rules out most digit runs
                if digits.endswith(phones) and any(
                    digits.endswith(n) and len(digits) - len(n) <= 5 for n in phones
                ):
                    # (``True`` as the detectors pass it: one cache entry for both)
                    e164 = phone_e164(written, digits, self.regions, True)
                    # with its extension, as the detectors mask a number ("… 1214 ext 677")
                    out.append(_extension(text, Span(start, end, PHONE, e164 or digits)))
        if not self.needles:
            return out
        folded = s.folded
        needles = self.needles
        first = 0
        while first < len(needles) and needles[first][0] not in folded:
            first += 1
        if first == len(needles):
            return out  # most texts hold none of the person's values
        refolded, where = _fold_with_positions(text, folded)
        if refolded is not folded:  # folded again character by character: search all
            folded, first = refolded, 0
        names: list[tuple[int, int]] = []
        for needle, kind in needles[first:]:  # those before ``first`` do not occur
            i = folded.find(needle)
            while i >= 0:
                j = i + len(needle)
                if _bounded(folded, i, j, kind):
                    if kind == NAME:
                        if not _unit_after_count(text, where(i), where(j)):
                            names.append((i, j))
                    else:
                        a, b = where(i), where(j)
                        out.append(Span(a, b, kind, text[a:b].casefold()))
                i = folded.find(needle, i + 1)
        out.extend(_name_spans(text, folded, names, where))
        return out


def _unit_after_count(text: str, a: int, b: int) -> bool:
    """A known name part of three letters or fewer, written in lowercase right after a count
    ("valid 15 min", "2 h"): a unit, whatever name it also is ("Min", Burmese)."""
    return (
        b - a <= 3
        and text[a:b].islower()
        and _COUNT_BEFORE.search(text, max(0, a - 3), a) is not None
    )


_COUNT_BEFORE = re.compile(r"\d[ \t]?\Z")


def _code_word(text: str, a: int, b: int) -> bool:
    """The word at ``text[a:b]`` is written in capitals and glued by a hyphen to a prefix of
    capitals or digits: a reference code ("REF-OKAZOR"), no misspelt name."""
    if a < 2 or text[a - 1] != "-" or not text[a:b].isupper():
        return False
    k = a - 1
    while k > 0 and (text[k - 1].isupper() or text[k - 1].isdigit()):
        k -= 1
    return k < a - 1


def _fold_with_positions(text: str, folded: str) -> tuple[str, Callable[[int], int]]:
    """``folded`` (``fold(text)``) and a map from its positions back to ``text``'s (they differ
    only when folding changed the length: a dotted capital I, or a combining dot in the text)."""
    if len(folded) == len(text):
        return folded, lambda i: i
    chars: list[str] = []
    index: list[int] = []
    for pos, ch in enumerate(text):
        f = fold(ch)
        chars.append(f)
        index.extend([pos] * len(f))
    index.append(len(text))
    return "".join(chars), lambda i: index[i]


# A name part joined to another by "_" is still a whole part ("charalampos_papadopoulou").
_LEFT = {NAME: "", EMAIL: "_.+-", USERNAME: "_.@-"}
_RIGHT = {NAME: "", EMAIL: "_-", USERNAME: "_@-"}


def _typed_plain(part: str) -> tuple[str, str]:
    """A known name part without its accents, as a needle (``ascii_form``)."""
    return ascii_form(fold(part)), NAME


def _lettered(part: str) -> bool:
    """``part``'s plain form spells it as people type it ("Žukauskienė" → "zukauskiene",
    "Γιώργος" → "giorgos", "Արամ" → "aram"): not so in a script that writes no vowels (Arabic,
    Hebrew, Syriac, Thaana), whose plain form is a guess that may spell a unit ("kwh")."""
    return not any(ch.isalpha() and unicodedata.name(ch, "").startswith(_ABJADS) for ch in part)


_ABJADS = ("ARABIC", "HEBREW", "SYRIAC", "THAANA")


def _bounded(s: str, i: int, j: int, kind: str) -> bool:
    """The literal at s[i:j] is a whole value, not part of a longer word, address or name."""
    left, right = _LEFT.get(kind, "_"), _RIGHT.get(kind, "_")
    if i > 0 and (s[i - 1].isalnum() or s[i - 1] in left):
        return False
    return not (j < len(s) and (s[j].isalnum() or s[j] in right))


def _name_spans(
    text: str, folded: str, found: list[tuple[int, int]], where: Callable[[int], int]
) -> list[Span]:
    """Known name parts found in the text, runs separated only by spaces merged into one (not
    across a line break: "Ana Souza\nana-souza@…" is a name and, below it, an address; nor
    across a tab, which parts a table's cells, nor into an address's local part)."""
    out: list[Span] = []
    merged: list[list[int]] = []
    for i, j in sorted(found):
        if merged and i <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], j)
        elif (
            merged
            and not folded[merged[-1][1] : i].strip()
            and "\n" not in folded[merged[-1][1] : i]
            and "\t" not in folded[merged[-1][1] : i]
            and not _in_address(folded, j)
        ):
            merged[-1][1] = j
        else:
            merged.append([i, j])
    for i, j in merged:
        a, b = where(i), where(j)
        out.append(Span(a, b, NAME, " ".join(text[a:b].split()).casefold()))
    return out


def _in_address(folded: str, j: int) -> bool:
    """The name part ending at ``j`` opens an address ("Ana\tSouza\tana-souza@…"): merged with
    the name before it, the run would reach into the address and take it under the name."""
    k = j
    while k < len(folded) and not folded[k].isspace():
        if folded[k] == "@":
            return True
        k += 1
    return False


@lru_cache(maxsize=16384)
def _national_number(value: str, regions: tuple[str, ...]) -> str | None:
    for region in regions:
        try:
            num = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(num):
            return str(phonenumbers.national_significant_number(num))
    digits = _digits(value)
    return digits if len(digits) >= 6 else None


def pair_key(name: str) -> str:
    """A pair's name as ``pair_names`` compares it: ``E-Mail``, ``e_mail`` and ``email`` alike."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


_PHONE_CHARS = re.compile(r"[+(]?\d[\d \t().\-/]*\d")


def value_kind(value: str, regions: tuple[str, ...]) -> str | None:
    """``email`` or ``phone`` when the whole value has that shape (``known: auto``), else None.

    An inference, not a documented signal: a numeric id that happens to be a possible phone
    number is taken for one (its digits are then masked as a phone: too much, never too little).
    """
    v = value.strip()
    if "@" in v and _EMAIL.fullmatch(v):
        return "email"
    if _PHONE_CHARS.fullmatch(v):
        digits = _digits(v)
        if 7 <= len(digits) <= 17 and phone_e164(v, digits, regions) is not None:
            return "phone"
    return None


# Words of a note typed into a name field instead of (or after) the name ("please check",
# "n/a", "test", "unknown"), in English and the common languages of the policy: not searched
# for as parts of the person's name.
_NOTE_WORDS = frozenset({
    "please", "pls", "plz", "check", "thanks", "thx", "test", "unknown", "none", "same",
    "urgent", "asap", "verify", "bitte", "merci", "gracias", "grazie", "obrigado", "obrigada",
    "prüfen", "vérifier", "verificar", "controllare", "sprawdzić", "kontrol",
})  # fmt: skip


def known_values(
    items: Iterable[tuple[str, str]],
    *,
    min_length: int,
    regions: tuple[str, ...],
    misspelt_min_length: int = 0,
) -> KnownValues | None:
    """Compile a person's values (``(kind, value)``, kind in ``KNOWN_KINDS``) into one pattern;
    name parts of ``misspelt_min_length`` letters or more are also found misspelt (0: not)."""
    return _compile_known(frozenset(items), min_length, regions, misspelt_min_length)


@lru_cache(maxsize=8192)
def _compile_known(
    values: frozenset[tuple[str, str]],
    min_length: int,
    regions: tuple[str, ...],
    misspelt_min_length: int = 0,
) -> KnownValues | None:
    near_parts: set[tuple[str, str]] = set()
    needles: set[tuple[str, str]] = set()
    phones: set[str] = set()
    for kind, raw in values:
        v = " ".join(raw.split())
        if len(v) < min_length:
            continue
        tok = KNOWN_KINDS.get(kind, kind.upper())
        if tok == PHONE:
            nsn = _national_number(v, regions)
            if nsn:
                phones.add(nsn)
        elif tok == NAME:
            words = [p for p in re.split(r"[\s,]+", v) if p]
            # "van", "das", "del" alone are words of every text, not the person's name
            parts = [p for p in words if len(p) >= min_length and fold(p) not in PARTICLES]
            # a note typed into the name field ("Ana please check"): its words are no name
            parts = [p for p in parts if fold(p) not in _NOTE_WORDS] or parts
            # Each part alone (runs of parts merge); a name of short parts only as a whole;
            # a name of several words also as a whole ("de Graaf": the particle too).
            needles.update((fold(p), NAME) for p in parts or [v])
            if misspelt_min_length:
                near_parts.update(
                    (_plain(p), fold(p))
                    for p in parts
                    if len(p) >= misspelt_min_length and _NEAR_WORD.fullmatch(p)
                )
            # as typed in a user name or an address's local part, without accents:
            # "Gintarė Žukauskienė" is the person of "gintare.zukauskiene"
            plain = (_typed_plain(p) for p in parts if not p.isascii() and _lettered(p))
            needles.update(n for n in plain if len(n[0]) >= min_length)
            if len(words) > 1:
                needles.add((fold(" ".join(words)), NAME))
                # a surname with its particles, without the given name: "van den Broek"
                needles.update(
                    (fold(" ".join(words[i:])), NAME)
                    for i in range(1, len(words) - 1)
                    if fold(words[i]) in PARTICLES
                )
        else:
            needles.add((fold(v), tok))
    if not needles and not phones:
        return None
    return KnownValues(
        values,
        needles=tuple(sorted(needles, key=lambda n: (-len(n[0]), n))),
        phones=tuple(sorted(phones)),
        regions=regions,
        near=frozenset(len(p) + d for p, _ in near_parts for d in (-1, 0, 1)),
        near_parts=tuple(sorted(near_parts)),
        near_min=misspelt_min_length,
    )
