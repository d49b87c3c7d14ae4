"""The words a name is made of and compared by, and the policy's name cues: shared by the name
finder (``names.py``) and the readers of records whose syntax places a name (``catalogues.py``),
which the finder calls; kept apart so that neither imports the other's module back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Lower-case words inside a name ("van der", "da", "ibn"), as a regex alternation.
PARTICLE_ALTERNATION = (
    "van|der|den|de|la|le|da|das|do|dos|du|del|della|degli|dei|di|von|zu|ten|ter|te|op|"
    "bin|bint|binti|ibn|al|el|y|e|i|"
    "ap|ab|ferch|verch|"  # Welsh patronymics: "Dafydd ap Gwilym", "Gwen ferch Ifan"
    "í|á|við"  # Faroese family names from a farm or place: "Guðrun í Gerðinum", "Óli á Lakjuni"
)


PARTICLES = frozenset(PARTICLE_ALTERNATION.split("|"))


# What ``fold`` does beyond ``str.lower``, as a translation table (its reference).
FOLD_TABLE = str.maketrans({"\u0307": None, "ς": "σ", "ı": "i", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case for comparing names and cues: ``İ``/``I``/``ı`` → ``i`` (Turkish upper and
    lower case do not round-trip otherwise: YILMAZ / Yılmaz), ``ß`` → ``ss`` (STRAUSS /
    Strauß), final sigma → sigma."""
    low = text.lower()
    if low.isascii():
        return low
    # As ``low.translate(FOLD_TABLE)``, several times faster: no replacement makes another's target.
    return low.replace("\u0307", "").replace("ς", "σ").replace("ı", "i").replace("ß", "ss")


# A gap between the words of a cue in a hint's alternation, kept as one step of its trie.
_GAP = "[ \\t]+"


def trie_pattern(alternatives: Iterable[str]) -> str | None:
    """A regex that a search finds exactly where one of ``alternatives`` (plain words, maybe
    several joined by ``[ \\t]+``) occurs, written as a trie ("a(?:pprov|ssign)|r(?:…)"):
    Python's re tries every word of an alternation at every position of a text, a trie only
    the words that share the letters read so far, so a hint of a hundred words is searched
    about three times faster. None when an alternative holds other regex syntax (the caller
    keeps its alternation)."""
    words: list[list[str]] = []
    for alternative in alternatives:
        steps: list[str] = []
        for k, part in enumerate(alternative.split(_GAP)):
            if k:
                steps.append(_GAP)
            if not part or any(not (c.isalnum() or c in " '’-.") for c in part):
                return None
            steps.extend(re.escape(c) for c in part)
        words.append(steps)
    if not words:
        return None
    trie: dict[str, Any] = {}
    for steps in words:
        node = trie
        for step in steps:
            node = node.setdefault(step, {})
        node[""] = {}  # a word ends here: a search needs nothing after it
    return _branches(trie)


def hint_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """``words`` (plain substrings) as one search: found exactly where one of them occurs in
    the text searched, as ``any(w in text for w in words)`` is, in one pass (a trie where
    ``trie_pattern`` makes one)."""
    listed = list(words)
    trie = trie_pattern(listed)
    return re.compile(trie if trie is not None else "|".join(map(re.escape, listed)))


def _branches(node: dict[str, Any]) -> str:
    if "" in node:
        return ""
    alternatives = [step + _branches(node[step]) for step in sorted(node)]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def low(word: str) -> str:
    """``fold`` with a shortcut for ASCII words, the common case."""
    return word.lower() if word.isascii() else fold(word)


@dataclass(frozen=True)
class NameCues:
    """The policy's ``detectors.names`` section, normalised (case-folded, spaces collapsed)."""

    cues: tuple[str, ...] = ()  # the name follows; anything may come after it
    closing_cues: tuple[str, ...] = ()  # the name follows and closes the phrase
    titles_after: tuple[str, ...] = ()  # "Bey", "Hanım": the name precedes them
    cues_after: tuple[str, ...] = ()  # "here", "hier": the whole name precedes them
    # Cues (also in ``cues``) after which only a capitalised name counts: kinship words of
    # languages whose common words the lists lack ("Anam evdə deyil", "my mother is not home").
    capitalised_cues: frozenset[str] = frozenset()
    # Words that cue a name only when letters of a script without capitals follow them
    # ("Customer ليلى", "ana राघव"): before capitals they are as often a word of the sentence.
    script_cues: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()  # words that may follow a closing name ("and")
    list_labels: tuple[str, ...] = ()  # "attendees", "cc": a line of people's names follows
    not_name_columns: frozenset[str] = frozenset()  # "city": a table column of no names
    # "first", "who": a table column, a form field or a JSON key whose values are names
    name_columns: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    signature: bool = True
    capitals: bool = True  # words in capitals ("QUÉMÉNER") may be name words
    typos: bool = True  # a cue of several words also counts with two letters of a word swapped
    # First names found without a cue (``gazetteer.py``), and those taken only with one.
    gazetteer: frozenset[str] = frozenset()
    # First names taken without a cue only when a surname follows ("Seung-ho Han", not "Safari").
    gazetteer_paired: frozenset[str] = frozenset()
    not_alone: frozenset[str] = frozenset()
    # Surnames: a capitalised word before one is a given name ("Kourosh Ahmadi"), and one before
    # a known first name belongs to it ("Yılmaz Ayşe").
    surnames: frozenset[str] = frozenset()
    # Common words of the gazetteer's languages: never the given name before a surname, nor a
    # one-word name of a signature ("User (ana@…)").
    common: frozenset[str] = frozenset()
    # Names in scripts without capitals (``gazetteer.native_names``): Chinese, Japanese and
    # Korean family names, which open a name written without spaces ("王伟", "田中美咲"), and
    # the given and family names of the others ("أحمد", "מיכל"), which may extend a name.
    family: frozenset[str] = frozenset()
    native: frozenset[str] = frozenset()
    # Job titles, teams and desks ("Field Engineer", "Returns Desk"): see ``_unroled``.
    roles: frozenset[str] = frozenset()
    # Those of the roles written before the person they name ("Agent Merve"): ``_complement``.
    leading_roles: frozenset[str] = frozenset()
    teams: frozenset[str] = frozenset()
    # Street-type words ("Street", "Rua", "Caddesi"; "-straße" ends a word): see ``_street``.
    streets: frozenset[str] = frozenset()
    # Industry words and legal forms after a company's name ("Johnson Controls", "Siemens
    # Energy", "Kowalski sp. z o.o."): see ``_company``.
    companies: frozenset[str] = frozenset()
    # Brands and companies named like people ("Ben & Jerry's", "Toyota *"): see ``_branded``.
    brands: tuple[str, ...] = ()
    max_words: int = 4

    @staticmethod
    def build(
        *,
        cues: Iterable[str] = (),
        closing_cues: Iterable[str] = (),
        titles_after: Iterable[str] = (),
        cues_after: Iterable[str] = (),
        capitalised_cues: Iterable[str] = (),
        script_cues: Iterable[str] = (),
        connectors: Iterable[str] = (),
        list_labels: Iterable[str] = (),
        not_name_columns: Iterable[str] = (),
        name_columns: Iterable[str] = (),
        not_names: Iterable[str] = (),
        signature: bool = True,
        capitals: bool = True,
        typos: bool = True,
        gazetteer: Iterable[str] = (),
        gazetteer_paired: Iterable[str] = (),
        not_alone: Iterable[str] = (),
        surnames: Iterable[str] = (),
        common: Iterable[str] = (),
        family: Iterable[str] = (),
        native: Iterable[str] = (),
        roles: Iterable[str] = (),
        leading_roles: Iterable[str] = (),
        teams: Iterable[str] = (),
        streets: Iterable[str] = (),
        brands: Iterable[str] = (),
        companies: Iterable[str] = (),
    ) -> NameCues:
        def norm(items: Iterable[str]) -> tuple[str, ...]:
            return tuple(sorted({" ".join(fold(c).split()) for c in items if c.strip()}))

        return NameCues(
            cues=norm((*cues, *capitalised_cues)),
            closing_cues=norm(closing_cues),
            capitalised_cues=frozenset(norm(capitalised_cues)),
            titles_after=norm(titles_after),
            cues_after=norm(cues_after),
            script_cues=frozenset(norm(script_cues)),
            connectors=frozenset(norm(connectors)),
            list_labels=norm(list_labels),
            not_name_columns=frozenset(norm(not_name_columns)),
            name_columns=frozenset(norm(name_columns)),
            not_names=frozenset(norm(not_names)),
            signature=signature,
            capitals=capitals,
            typos=typos,
            gazetteer=frozenset(gazetteer),
            gazetteer_paired=frozenset(gazetteer_paired),
            not_alone=frozenset(norm(not_alone)),
            surnames=frozenset(surnames),
            common=frozenset(common),
            family=frozenset(family),
            native=frozenset(native),
            roles=frozenset(norm(roles)) | frozenset(norm(leading_roles)),
            leading_roles=frozenset(norm(leading_roles)),
            teams=frozenset(norm(teams)),
            streets=frozenset(norm(streets)),
            brands=norm(brands),
            companies=frozenset(norm(companies)),
        )
