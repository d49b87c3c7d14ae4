"""First names of many countries, for names nobody introduces ("Gaetano from your shop promised
a refund", "Falei com Éloïse ontem").

The lists come from Faker's person providers (MIT licence, maintained, installed with the
archiver; nothing is downloaded at run time): the given names Faker draws from for each locale,
mostly the common names of national statistics. Names Faker lists in Hangul, Chinese
characters, Greek or Cyrillic are also taken as they are written in Latin letters
(``anyascii``, ISC licence: "민지" as "Minji" and "Min-ji"). Words that are also common
words of a language (Faker's own word lists, where it has one for the locale) are left out:
"Will", "Victoria" and "Rose" start sentences too often. What remains is an inference, not a
documented signal: a capitalised word that is a first name somewhere is taken for one even
when it names a place or a brand ("Florence", "Mercedes"), and a first name the lists lack is
not found without a cue.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from functools import cache, wraps
from importlib import metadata
from pathlib import Path

from anyascii import anyascii

from archiver.transform import names as _names_module
from archiver.transform.namewords import fold

_Sets = tuple[frozenset[str], ...]

#: Where the built lists are kept between processes: ``ARCHIVER_CACHE_DIR`` (empty: nowhere),
#: else ``$XDG_CACHE_HOME/archiver``, else ``~/.cache/archiver``.
CACHE_ENV = "ARCHIVER_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder for kept lists, or None where none is configured or there is no home."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "archiver"
    try:
        return Path.home() / ".cache" / "archiver"
    except RuntimeError:  # no home directory (a container's nobody user)
        return None


@cache
def _code_key() -> str:
    """What the lists depend on besides the locales: this code, the folding it uses, the
    versions of Faker, anyascii, the Unicode tables and Python."""
    h = hashlib.sha256(b"gazetteer-kept-1\0")
    for module in (sys.modules[__name__], _names_module):
        h.update(Path(str(module.__file__)).read_bytes())
    versions = (
        metadata.version("faker"),
        metadata.version("anyascii"),
        unicodedata.unidata_version,
    )
    h.update("\0".join((*versions, sys.version.split()[0])).encode())
    return h.hexdigest()


def _kept(build: Callable[[tuple[str, ...]], _Sets]) -> Callable[[tuple[str, ...]], _Sets]:
    """Keep what ``build`` returns in a file of ``cache_dir()``, so that each process does not
    build the same lists again (a file exists only for locales that built, so an unknown one is
    still refused; about a second of CPU for the default policy's locales, which
    every command, worker and test process paid). A file that is missing, unreadable or not
    of the expected shape is built again and rewritten; a folder that cannot be written (a
    read-only container) only costs the build."""

    @wraps(build)
    def kept(locales: tuple[str, ...]) -> _Sets:
        folder = cache_dir()
        if folder is None:
            return build(locales)
        key = hashlib.sha256(f"{_code_key()}\0{build.__name__}\0{chr(0).join(locales)}".encode())
        path = folder / f"gazetteer-{build.__name__.strip('_')}-{key.hexdigest()[:32]}.json"
        try:
            doc = json.loads(path.read_bytes())
            if isinstance(doc, list) and all(
                isinstance(part, list) and all(isinstance(w, str) for w in part) for part in doc
            ):
                return tuple(frozenset(part) for part in doc)
        except (OSError, ValueError):
            pass
        sets = build(locales)
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".gazetteer-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump([sorted(part) for part in sets], out, ensure_ascii=False)
                Path(tmp).replace(path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        return sets

    return kept


_LAST_NAMES = (
    "last_names",
    "last_names_female",
    "last_names_male",
    "male_last_names",
    "female_last_names",
    "unisex_last_names",
    "last_romanized_names",
)
_FIRST_NAMES = (
    "first_names",
    "first_names_female",
    "first_names_male",
    "first_names_nonbinary",
    "first_names_unisex",
    "first_romanized_names",
    "first_romanized_names_female",
    "first_romanized_names_male",
)


class UnknownLocale(ValueError):
    """A locale Faker has no person names for (the policy names it)."""


@cache
def first_names(locales: tuple[str, ...]) -> frozenset[str]:
    """Folded first names of these Faker locales (``de_DE``, ``tr_TR``, …), common words of
    their languages left out."""
    return _first_names(locales)[0]


@_kept
def _first_names(locales: tuple[str, ...]) -> _Sets:
    names: set[str] = set()
    for locale in locales:
        names |= _forms(_person(locale), locale, _FIRST_NAMES, cases=locale.startswith("pl"))
    return (frozenset(names - common_words(locales)),)


@cache
def last_names(locales: tuple[str, ...]) -> frozenset[str]:
    """Folded surnames of these Faker locales, written as ``first_names`` writes given names
    (Latin letters, with and without their accents), common words of their languages left
    out."""
    return _last_names(locales)[0]


@_kept
def _last_names(locales: tuple[str, ...]) -> _Sets:
    names: set[str] = set()
    for locale in locales:
        forms = _forms(_person(locale), locale, _LAST_NAMES, cases=False)
        if locale.startswith("pl"):
            # Faker's Polish list has the men's forms: a woman is Kowalska, Nowicka, Zawadzka.
            forms |= {n[:-1] + "a" for n in forms if n.endswith(("ski", "cki", "dzki"))}
        names |= forms
    return (frozenset(names - common_words(locales)),)


def _person(locale: str) -> object:
    """Faker's person provider class of ``locale`` (``UnknownLocale`` when it has none)."""
    try:
        return importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):
        raise UnknownLocale(locale) from None


def _forms(provider: object, locale: str, attrs: tuple[str, ...], *, cases: bool) -> set[str]:
    """Every written form of the names of these provider lists: each also without its accents
    ("Bülent" as "bulent", "Łukasz" as "lukasz": people type names in ASCII)."""
    names: set[str] = set()
    # Japanese names are taken from Faker's romanized lists: a Chinese reading of their
    # characters would be wrong.
    romanized = locale.startswith("ja")
    for attr in attrs:
        for name in _names_of(provider, attr):
            if romanized and "romanized" not in attr and not name.isascii():
                continue
            if name:
                forms = written(name)
                if cases and forms:
                    forms |= {fold(f) for f in polish_cases(name)}
                forms |= {ascii_form(f) for f in forms}
                names.update(n for n in forms if len(n) >= 3)
    return names


def ascii_form(name: str) -> str:
    """A folded name as it is typed without accents ("gonçalo" → "goncalo", "łukasz" →
    "lukasz")."""
    return name if name.isascii() else fold(anyascii(name))


def polish_cases(name: str) -> set[str]:
    """The case forms a Polish given name takes in a sentence ("rozmawiałem z Agnieszką",
    "z Mirosławem", "od Marka", "dla Pawła"): instrumental, genitive, accusative and dative by
    the regular endings. Locative forms, which soften the stem, are left out."""
    if name.endswith("a"):  # Agnieszka, Ewelina, Urszula
        stem = name[:-1]
        soft = stem.endswith(("k", "g", "l", "j")) or stem.endswith(("ci", "si", "zi", "ni"))
        dative = stem[:-1] + "ce" if stem.endswith("k") else stem + ("i" if soft else "ie")
        return {stem + "ą", stem + "ę", stem + ("i" if soft else "y"), dative}
    if name.endswith(("i", "y")):  # Antoni: Antoniego; Jerzy: Jerzego
        stem = name if name.endswith("i") else name[:-1]
        return {name + "m", stem + "ego", stem + "emu"}
    stem = name
    if name.endswith("ek"):  # Marek: Marka, Markiem
        stem = name[:-2] + "k"
    elif name.endswith("eł"):  # Paweł: Pawła, Pawłem
        stem = name[:-2] + "ł"
    elif name[-1:] in "aeiouyąęó":
        return set()
    instrumental = stem + ("iem" if stem.endswith(("k", "g")) else "em")
    return {instrumental, stem + "a", stem + "owi"}


def _names_of(provider: object, attr: str) -> list[str]:
    """A name list of a provider: a sequence or a mapping of names to weights (a property or
    anything else, in some locales, is no list)."""
    value = getattr(provider, attr, None)
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple)):
        return []
    return [n for n in value if isinstance(n, str)]


def _script(ch: str) -> str:
    """The script of a letter, as far as writing names in Latin letters cares."""
    c = ord(ch)
    if c < 0x250 or 0x1E00 <= c < 0x1F00:
        return "latin"
    if 0xAC00 <= c < 0xD7A4:
        return "hangul"
    if 0x4E00 <= c < 0xA000 or 0x3400 <= c < 0x4DC0:
        return "han"
    if 0x370 <= c < 0x530 or 0x1F00 <= c < 0x2000:
        return "greek-cyrillic"
    return "other"


def written(name: str) -> set[str]:
    """Folded forms of a given name as people write it in Latin letters: the name itself, or
    for Korean and Chinese names (a syllable a character) the syllables joined and hyphenated
    ("민지": "minji", "min-ji"), for Greek and Cyrillic names their transliteration. Scripts
    whose transliteration drops vowels (Arabic, Hebrew, Indic) give nothing: their names come
    from the locales that list them in Latin letters (``en_PK``, ``en_IN``, ``en_NG``…)."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not name[:1].isalpha():
        return set()
    scripts = {_script(ch) for ch in letters}
    if scripts == {"latin"}:
        return {fold(name)} if name[:1].isupper() else set()
    if scripts <= {"hangul", "han"}:
        syllables = [anyascii(ch).lower() for ch in letters]
        if len(syllables) < 2 or not all(s.isascii() and s.isalpha() for s in syllables):
            return set()  # one syllable alone ("Wei", "Long") is too often a word
        return {"".join(syllables), "-".join(syllables)}
    if scripts == {"greek-cyrillic"}:
        latin = anyascii(name).replace("'", "")
        return {fold(latin), *romanised(name)} if latin.isalpha() else set()
    return set()


# How Greek and Cyrillic letters are written in Latin ones by the conventions people's documents
# and e-mail addresses follow (Ukrainian and Russian passports, ELOT 743 and the usual
# phonetic spellings): each letter or digraph with its alternatives, the first the commonest.
# "Микола" is "Mykola" in Ukraine (anyascii: "Mikola"), "Παπαδοπούλου" "Papadopoulou"
# (anyascii: "Papadopoyloy"), "Δέσποινα" "Despoina" or "Despina".
_CYRILLIC: dict[str, tuple[str, ...]] = {
    "ий": ("iy", "ii", "y", "i"), "ій": ("iy", "ii", "i"), "ия": ("iya", "ia"),
    "ія": ("iia", "iya", "ia"), "ья": ("ia", "ya"), "ье": ("ie", "ye", "e"),
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h"), "ґ": ("g",), "д": ("d",),
    "е": ("e",), "є": ("ye", "ie"), "ё": ("e", "yo"), "ж": ("zh",), "з": ("z",),
    "и": ("i", "y"), "і": ("i",), "ї": ("yi", "i"), "й": ("y", "i"), "к": ("k",), "л": ("l",),
    "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u",), "ф": ("f",), "х": ("kh", "h"), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",),
    "щ": ("shch", "sht"), "ъ": ("",), "ы": ("y",), "ь": ("",), "э": ("e",), "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}  # fmt: skip
_GREEK: dict[str, tuple[str, ...]] = {
    "ου": ("ou", "u"), "αι": ("ai", "e"), "οι": ("oi", "i"), "ει": ("ei", "i"),
    "ευ": ("ev", "ef"), "αυ": ("av", "af"), "μπ": ("mp", "b"), "ντ": ("nt", "d"),
    "γκ": ("gk", "g"), "γγ": ("ng", "gg"), "α": ("a",), "β": ("v",), "γ": ("g",), "δ": ("d",),
    "ε": ("e",), "ζ": ("z",), "η": ("i",), "θ": ("th",), "ι": ("i",), "κ": ("k",), "λ": ("l",),
    "μ": ("m",), "ν": ("n",), "ξ": ("x", "ks"), "ο": ("o",), "π": ("p",), "ρ": ("r",),
    "σ": ("s",), "ς": ("s",), "τ": ("t",), "υ": ("y", "i"), "φ": ("f",), "χ": ("ch", "h"),
    "ψ": ("ps",), "ω": ("o",),
}  # fmt: skip
_ROMAN_LIMIT = 8  # spellings kept per name: the commonest letters first


def romanised(name: str) -> set[str]:
    """The Latin spellings of a Greek or Cyrillic name by the conventions of ``_CYRILLIC`` and
    ``_GREEK`` (at most ``_ROMAN_LIMIT``; empty for a name with other letters)."""
    # Accents off (tonos, dialytika, the dots of ё and ї), the breve of й kept.
    plain = unicodedata.normalize(
        "NFC",
        "".join(
            ch
            for ch in unicodedata.normalize("NFD", name.lower())
            if ch == "\u0306" or not unicodedata.combining(ch)
        ),
    )
    table = _GREEK if "\u0370" <= plain[:1] <= "\u03ff" else _CYRILLIC
    # (spelling, how many letters took a less common alternative): the commonest kept
    forms: list[tuple[str, int]] = [("", 0)]
    i = 0
    while i < len(plain):
        alts = table.get(plain[i : i + 2]) if i + 1 < len(plain) else None
        step = 2
        if alts is None:
            alts, step = table.get(plain[i]), 1
        if alts is None:
            return set()
        forms = sorted(
            ((f + a, c + (k > 0)) for f, c in forms for k, a in enumerate(alts)),
            key=lambda fc: fc[1],
        )[:_ROMAN_LIMIT]
        i += step
    return {f for f, _ in forms if f}


@cache
def common_words(locales: tuple[str, ...]) -> frozenset[str]:
    """Folded words of Faker's word lists for these locales' languages, where it has one."""
    return _common_words(locales)[0]


@_kept
def _common_words(locales: tuple[str, ...]) -> _Sets:
    words: set[str] = set()
    languages = {locale.split("_", 1)[0] for locale in locales}
    modules = ["la", *(f"{lang}_{region}" for lang, region in _WORD_LISTS if lang in languages)]
    for module in modules:
        try:
            provider = importlib.import_module(f"faker.providers.lorem.{module}").Provider
        except (ImportError, AttributeError):
            continue
        words.update(fold(w) for w in getattr(provider, "word_list", ()) if isinstance(w, str))
    return (frozenset(words),)


# Faker's word lists by language (the locale each is filed under).
_WORD_LISTS = (
    ("en", "US"), ("de", "DE"), ("fr", "FR"), ("es", "ES"), ("it", "IT"), ("nl", "NL"),
    ("pl", "PL"), ("pt", "BR"), ("pt", "PT"), ("tr", "TR"), ("ru", "RU"), ("uk", "UA"),
    ("el", "GR"), ("cs", "CZ"), ("da", "DK"),
)  # fmt: skip


# Family names that are also everyday words of written Chinese ("那", "和", "都"): after "我是"
# ("I am") they start a sentence far more often than a name.
_HAN_WORDS = frozenset("那和都来由时于向常成但干相初门全国平明可能上下")


# The Chinese family names of two characters that Faker's lists leave out (they hold 欧阳,
# 张简, 范姜): the well-known compound ones, in simplified and traditional characters.
_HAN_COMPOUND = frozenset((
    "司马", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容",
    "令狐", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕", "軒轅", "端木", "西门", "西門", "南宫",
    "南宮", "歐陽", "司空", "独孤", "獨孤", "百里", "呼延", "闻人", "聞人", "赫连", "赫連",
))  # fmt: skip


@cache
def native_names(locales: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Names of these Faker locales as written in scripts without capitals: ``(family, names)``.
    ``family``: the family names of the locales that write Chinese characters or Hangul (a
    name there opens with one: "王", "欧阳", "田中", "김"), which bound a name written without
    spaces; ``names``: every given and family name of the others (Arabic, Persian, Hebrew,
    Bengali, Thai, Devanagari), whose words a cue cannot bound by capitals."""
    family, names = _native_names(locales)
    return family, names


@_kept
def _native_names(locales: tuple[str, ...]) -> _Sets:
    family: set[str] = set()
    names: set[str] = set()
    for locale in locales:
        provider = _person(locale)
        for attr in (*_FIRST_NAMES, *_LAST_NAMES):
            if "romanized" in attr:
                continue
            for name in _names_of(provider, attr):
                letters = [ch for ch in name if ch.isalpha()]
                if not letters or any(
                    (ch.isupper() or ch.islower()) and not "\u10d0" <= ch <= "\u10ff"
                    for ch in letters
                ):
                    continue  # a name with capitals (Georgian has none in use): ``written``
                scripts = {_script(ch) for ch in letters}
                if scripts & {"han", "hangul"} or locale.startswith("ja"):
                    if attr in _LAST_NAMES and name not in _HAN_WORDS:
                        family.add(name)
                    if locale.startswith("zh"):
                        family |= _HAN_COMPOUND
                else:
                    names.update(fold(part) for part in name.split())
        for name in _NATIVE_EXTRA.get(locale, ()):
            names.add(fold(name))
            names.add(fold(name.replace("\u09df", "\u09af\u09bc")))  # য় as য and nukta
    return frozenset(family), frozenset(n for n in names if len(n) >= 2)


# The commonest family names of a locale that Faker's lists lack: a second word after a cue is
# part of the name when it is a known one ("আমার বোন ফারহানা হোসেন"). Bengali family names
# are few and shared by millions (Hossain, Ahmed, the "-opadhyay" Brahmin names).
_NATIVE_EXTRA: dict[str, tuple[str, ...]] = {
    "bn_BD": (
        "হোসেন",
        "হোসাইন",
        "আহমেদ",
        "আহমদ",
        "মিয়া",
        "শেখ",
        "সিদ্দিকী",
        "মাহমুদ",
        "হাসান",
        "ভট্টাচার্য",
        "চক্রবর্তী",
        "মুখোপাধ্যায়",
        "বন্দ্যোপাধ্যায়",
        "চট্টোপাধ্যায়",
        "গঙ্গোপাধ্যায়",
        "আক্তার",
        "আখতার",
        "কবির",
        "মোল্লা",
        "ভূঁইয়া",
    ),
}
