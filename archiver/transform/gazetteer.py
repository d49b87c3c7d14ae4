"""First names of many countries, for names nobody introduces ("Gaetano from your shop promised
a refund", "Falei com Éloïse ontem").

The lists come from Faker's person providers (MIT licence, maintained, installed with the
archiver; nothing is downloaded at run time): the given names Faker draws from for each locale,
mostly the common names of national statistics. Words that are also common words of a language
(Faker's own word lists, where it has one for the locale) are left out: "Will", "Victoria" and
"Rose" start sentences too often. What remains is an inference, not a documented signal: a
capitalised word that is a first name somewhere is taken for one even when it names a place or a
brand ("Florence", "Mercedes"), and a first name the lists lack is not found without a cue.
"""

from __future__ import annotations

import importlib
from functools import cache

from archiver.transform.names import fold

_FIRST_NAMES = ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary")


class UnknownLocale(ValueError):
    """A locale Faker has no person names for (the policy names it)."""


@cache
def first_names(locales: tuple[str, ...]) -> frozenset[str]:
    """Folded first names of these Faker locales (``de_DE``, ``tr_TR``, …), common words of
    their languages left out."""
    names: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            raise UnknownLocale(locale) from None
        for attr in _FIRST_NAMES:
            for name in getattr(provider, attr, ()) or ():
                if isinstance(name, str) and name[:1].isupper() and len(name) >= 3:
                    names.add(fold(name))
    return frozenset(names - common_words(locales))


@cache
def common_words(locales: tuple[str, ...]) -> frozenset[str]:
    """Folded words of Faker's word lists for these locales' languages, where it has one."""
    words: set[str] = set()
    languages = {locale.split("_", 1)[0] for locale in locales}
    modules = ["la", *(f"{lang}_{region}" for lang, region in _WORD_LISTS if lang in languages)]
    for module in modules:
        try:
            provider = importlib.import_module(f"faker.providers.lorem.{module}").Provider
        except (ImportError, AttributeError):
            continue
        words.update(fold(w) for w in getattr(provider, "word_list", ()) if isinstance(w, str))
    return frozenset(words)


# Faker's word lists by language (the locale each is filed under).
_WORD_LISTS = (
    ("en", "US"), ("de", "DE"), ("fr", "FR"), ("es", "ES"), ("it", "IT"), ("nl", "NL"),
    ("pl", "PL"), ("pt", "BR"), ("pt", "PT"), ("tr", "TR"), ("ru", "RU"), ("uk", "UA"),
    ("el", "GR"), ("cs", "CZ"), ("da", "DK"),
)  # fmt: skip
