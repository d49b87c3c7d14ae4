"""Names found by where they stand: after a cue ("my name is", "ich heiße", "ben", "Hi"), before
a title ("Ayşe Hanım"), after a sign-off ("Regards,\\nAna Souza"), or opening a signature line
that ends in a phone number or an address ("Ana Souza, +55 …").

A name is one to four capitalised words (diacritics, apostrophes, hyphens, lower-case particles
such as "van der" or "da"). The cue lists are data in the policy; this module only compiles
them. It finds candidates cheaply: one scan for capitalised runs, then a few string
comparisons on the text just before and after each run, never an alternation of every cue
tried at every character.

What it cannot know: a name nobody introduces, greets or signs (those need a model), and a
capitalised word after a cue that is not a name ("I'm Sorry"): the policy's ``not_names`` list
keeps the common ones out; the rest are masked needlessly (a precision loss, never a leak).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from anyascii import anyascii

from archiver.transform import catalogues, credits, notices, records, registers, rosters
from archiver.transform.clinical import (
    clinical_gate,
    dicom_name_spans,
    fhir_name_spans,
    fhir_thing_names,
    hl7_name_spans,
    hl7_segment_ids,
)
from archiver.transform.namewords import (
    PARTICLE_ALTERNATION,
    PARTICLES,
    NameCues,
    fold,
    trie_pattern,
)
from archiver.transform.namewords import low as _low


def _letters(upper: bool) -> str:
    """Every upper- or lower-case letter of the Latin, Greek, Cyrillic, Armenian and Adlam
    blocks, as a class (Armenian and Adlam names are capitalised like Latin ones: "Տիգրան
    Մկրտչյան", "𞤀𞤥𞤢𞤣𞤵 𞤄𞤢𞤤𞤣𞤫"). The Latin blocks run through the IPA letters African
    alphabets write: Ewe, Twi and Bambara "ɔ ɛ ɖ ʋ ɣ ɲ" ("Kɔmla", "Cɛmɔgɔ") are letters inside a
    word, not the end of it."""
    ranges = ((0x41, 0x2AF), (0x370, 0x52F), (0x531, 0x587), (0x1E00, 0x1FFF), (0x1E900, 0x1E943))
    chars = [
        chr(c)
        for a, b in ranges
        for c in range(a, b + 1)
        if (chr(c).isupper() if upper else chr(c).islower())
    ]
    return "".join(re.escape(c) for c in chars)


_U = _letters(True)
# Combining accents count as letters of the word they follow: Yoruba and Vietnamese names are
# often written with them ("Bọ́lá", a decomposed "Nguyễn"). Azerbaijani "ə" lies outside the
# Latin blocks ("Həsənova", "Cəfərov") and is added by hand.
_L = _letters(False) + "ßə" + "".join(re.escape(chr(c)) for c in range(0x300, 0x370))
# Adlam's marks (the nukta, vowel length and gemination: "𞤀𞤢𞥄𞤥𞤢𞤣𞤵") stay inside its words.
_L += "".join(chr(c) for c in range(0x1E944, 0x1E94B))
# The modifier letters "ʻ" and "ʼ" are letters of Uzbek Latin ("Yoʻldoshev", "Gʻulomov",
# "Maʼruf"), not quotes: the word goes on through them.
_L += "\u02bb\u02bc"
# One name word: "Ayşe", "O'Brien", "McDonald", "Jean-Luc", "Nguyễn"; with ``capitals``
# also a word of three or more capitals ("QUÉMÉNER", "LACROIX-FABRE": surnames in formal
# writing, names shouted).
# An Armenian case ending or article joined by a hyphen ("Մկրտչյան-ը", "Անի-ն") is no part of
# the name, unlike the second part of a double name.
_HY_ENDING = r"(?![\u0561-\u0587]{1,3}(?![\w\u0561-\u0587]))"
_WORD = rf"[{_U}][{_L}]*(?:[{_U}][{_L}]+)?(?:['’][{_U}][{_L}]+)?(?:-{_HY_ENDING}[{_U}]?[{_L}]+)*"


def _run_pattern(word: str) -> re.Pattern[str]:
    # A name ends before a suffix written after an apostrophe ("Ayşe'nin", "Anna's"). The
    # check of the character before the run follows the first capital: a pattern that opens
    # with a look-behind is tried at every position, one that opens with a letter class is
    # skipped ahead by the regex engine (twice as fast on chat text; same matches).
    # A Tongan or Hawaiian name may open with the glottal stop "ʻ" ("ʻOfa", "ʻAna"): the capital
    # after it opens the run as after a space; ``_okina_opened`` puts the mark back in the span.
    head = f"[{_U}]"
    first = head + r"(?:(?<![\w'’-].)|(?<=(?<![\w'’-])\u02bb.))" + word.removeprefix(head)
    return re.compile(
        rf"{first}(?:[ \t]+(?:(?:{PARTICLE_ALTERNATION})[ \t]+){{0,2}}{word}){{0,5}}"
        rf"(?!\w|['’][{_U}])"
    )


# The same with capitals, the first letter shared so each capital is tried once. A Hawaiian
# or Uzbek glottal stop between two capitals is a letter of the word ("KAʻAIHUE",
# "YOʻLDOSHEV"), as it is between lower-case ones.
_WORD_OR_CAPS = (
    rf"[{_U}](?:(?:[{_U}]|[\u02bb\u02bc](?=[{_U}])){{2,}}(?:['’-][{_U}]{{2,}})*(?![{_L}])"
    rf"|[{_L}]*(?:[{_U}][{_L}]+)?(?:['’][{_U}][{_L}]+)?(?:-{_HY_ENDING}[{_U}]?[{_L}]+)*)"
)
_RUN = _run_pattern(_WORD)
_RUN_CAPS = _run_pattern(_WORD_OR_CAPS)
_WORD_RE = re.compile(_WORD)
_WORD_CAPS_RE = re.compile(_WORD_OR_CAPS)
# An opening bracket too: "my wife (Ana Souza) has the power of attorney".
_SEPARATORS = ",:;!–—-|/(՝"  # "՝": the Armenian comma ("Հարգանքով՝\nԱնի")
# A run's verdict depends on at most this much text before it (the longest cue with its
# separators, and at least the 40 characters the word before is looked for in) and after it
# (the next word): runs are looked up in a memo by that window.
_BEFORE, _AFTER, _MEMO = 64, 48, 50_000
_MISS = object()
_CLOSERS = frozenset(",.!?;:)]}>\"'”’\n\r։՝।॥")  # ։՝: Armenian; ।॥: the Devanagari danda
# Between a signature's name and its phone or address: a separator, or an opening bracket
# (a display name, "Ana Souza <ana@…>"). Not a colon: "Callback: +48 …" is a label.
_LINE_TAIL = re.compile(r"[ \t]*(?:[,;|/–—·-][ \t]*(?P<b1>[<(\[][ \t]*)?|(?P<b2>[<(\[])[ \t]*)$")
_LABEL = re.compile(
    r"(?i)[ \t]*(?:tel|phone|mob|mobile|cell|gsm|fax|telefon|tél|téléphone|teléfono|telefone|"
    r"telefono|tlf|email|e-mail|mail|whatsapp)\.?[ \t]*:?[ \t]*$"
)
_LABELS = frozenset(
    [
        "tel",
        "phone",
        "mob",
        "mobile",
        "cell",
        "gsm",
        "fax",
        "telefon",
        "tél",
        "téléphone",
        "teléfono",
        "telefone",
        "telefono",
        "tlf",
        "email",
        "e-mail",
        "mail",
        "whatsapp",
    ]
)


def _okina_opened(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans that start right after a glottal stop "ʻ" opening a word start on it: the run
    reads "ʻOfa" from its capital, yet the mark is the name's first letter."""
    return [
        (a - 1, b, v)
        if a > 0 and text[a - 1] == "\u02bb" and (a == 1 or not text[a - 2].isalnum())
        else (a, b, v)
        for a, b, v in found
    ]


def _last_word(text: str) -> str:
    """The last word of ``text`` before trailing spaces, colons and dots, lower-cased."""
    j = len(text)
    while j > 0 and text[j - 1] in " \t:.":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    return text[i:j].lower()


_TAIL_CHARS = frozenset(",;|/–—·-<([")
# Between the segments of a signature line: "Ana Souza | Founder | +55 …".
_SEGMENT_SEPARATORS = frozenset("|·–—/")
# Initials before a surname: "B. ", "J.-P. ", "A.M. ".
_INITIALS = re.compile(rf"[ \t>*•-]*((?:[{_U}]\.-?){{1,3}})[ \t]+")
_SIGNATURE_LINE = re.compile(r"[ \t]*(?:[-–—>*•][ \t]*)?$")
# What opens a signature's contact line before its phone or address: a short label or a
# symbol ("M: ", "Tel.: ", "T ", "E: mailto:", "📞 ").
_CONTACT_PREFIX = re.compile(r"[^\w\n]*(?:[^\W\d_]{1,9}\.?[ \t]*:?[^\w\n]*){0,2}")


def _blind_fold(text: str) -> str:
    """Lower case in which a text matches a lower-cased pattern wherever the case-blind
    pattern matches the text, for patterns of Latin letters: Python's re also takes "ı" and
    "İ" (lower case "i" and a combining dot) for "i", and "ſ" for "s"."""
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


class CaseBlind:
    """A case-blind hint regex searched in the text's lower case, about ten times faster:
    Python's re tries every word of a case-blind alternation at every position of the text,
    but skips the positions where no word of a case-sensitive one can start; an alternation
    of plain words is searched as its trie (``trie_pattern``), about three times faster
    again. The lower-cased search finds a match wherever the case-blind one does (it may
    find more: a hint only lets the rule's own pattern run), so the rule finds what it found
    before. The finder's ``shortcuts`` off takes the case-blind search itself."""

    __slots__ = ("blind", "low")

    def __init__(self, pattern: str) -> None:
        self.blind = re.compile(pattern)
        body = pattern.replace("(?i)", "").replace("(?i:", "(?:")
        if re.search(r"\\[A-Z]", body) is not None or "(?" in body.replace("(?:", ""):
            raise ValueError("a case-blind hint holds letters and plain groups only")
        if any(c.isalpha() and ord(c) > 0x24F for c in body):
            raise ValueError("a case-blind hint holds Latin letters only")
        folded = _blind_fold(body)
        inner = folded[3:-1] if folded.startswith("(?:") and folded.endswith(")") else folded
        trie = None if "(" in inner else trie_pattern(inner.split("|"))
        self.low = re.compile(folded if trie is None else trie)

    def found_in(self, text: str, quick: bool = True) -> bool:
        if quick:
            return self.low.search(_blind_fold(text)) is not None
        return self.blind.search(text) is not None


def typos(cue: str) -> set[str]:
    """A cue of several words as typed with two neighbouring letters of one of its longer words
    swapped, the first letter kept ("my flatamte", "mia mgolie", "kind rgeards"): the commonest
    slip of fast typing. Words under five letters are kept as they are (swapping theirs makes
    other words too often)."""
    words = cue.split(" ")
    out: set[str] = set()
    if len(words) < 2:
        return out
    for k, word in enumerate(words):
        if len(word) < 5 or not word.isalpha():
            continue
        for i in range(1, len(word) - 1):
            if word[i] != word[i + 1]:
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                out.add(" ".join((*words[:k], swapped, *words[k + 1 :])))
    return out


class NameFinder:
    """Names by position. Its only state after construction is bounded memos of what depends
    on a word or text alone (the same answer whoever asks), so threads may share one."""

    def __init__(self, cues: NameCues) -> None:
        self.cues = cues
        # Pre-filters that skip work which cannot find a name; off only to test that they
        # find what the full path finds.
        self.shortcuts = True
        opening, closing = set(cues.cues), set(cues.closing_cues)
        if cues.typos:  # "my flatamte", "Kind rgeards": a cue typed with two letters swapped
            opening |= {t for c in cues.cues for t in typos(c)} - closing
            closing |= {t for c in cues.closing_cues for t in typos(c)} - opening
        self._open = frozenset(opening)
        self._all = tuple(sorted(opening | closing, key=lambda c: (-len(c), c)))
        self._titles = frozenset(cues.titles_after)
        # a word with an apostrophe inside (Breton "ac'hann", "here") is read as a phrase: the
        # next word is read as its letters up to the apostrophe ("ac")
        self._after = frozenset(c for c in cues.cues_after if not _spaced(c))
        # A word in brackets after the name ("call Kalani (wife) on …"): kept by its letters.
        self._bracketed = frozenset(
            c[1:-1] for c in cues.cues_after if c[:1] == "(" and c[-1:] == ")"
        )
        self._closings = frozenset(closing)
        self._phrases: dict[str, tuple[str, ...]] = {}
        for phrase in cues.not_names:
            if " " in phrase:
                first = phrase.split(" ", 1)[0]
                self._phrases[first] = (*self._phrases.get(first, ()), phrase)
        # Phrases after a name ("à l'appareil", "am Apparat") by their first word as
        # ``_next_word`` reads it: its letters ("mi-a spus" under "mi").
        self._after_phrases: dict[str, tuple[str, ...]] = {}
        for phrase in cues.cues_after:
            if _spaced(phrase):
                head = _LETTERS.match(phrase)
                first = head.group() if head is not None else phrase.split(" ", 1)[0]
                self._after_phrases[first] = (*self._after_phrases.get(first, ()), phrase)
        self._first_names = cues.gazetteer
        self._keys: dict[str, tuple[str, str]] = {}  # ``_key`` by folded word
        self._paired = cues.gazetteer_paired
        self._surnames = cues.surnames
        self._roles, self._teams = cues.roles, cues.teams
        self._street_words = frozenset(
            w.rstrip(".") for w in cues.streets if w[:1] != "-" and not _short_abbreviation(w)
        )
        # "ul.", "al.": two letters and a dot, a street only right before the name, dot and all
        self._street_abbrevs = frozenset(fold(w) for w in cues.streets if _short_abbreviation(w))
        self._street_ends = tuple(w[1:].rstrip(".") for w in cues.streets if w[:1] == "-")
        self._brands = _brand_patterns(cues.brands)
        self._any_names = cues.gazetteer | cues.gazetteer_paired | cues.surnames
        self._run = _RUN_CAPS if cues.capitals else _RUN
        self._word_re = _WORD_CAPS_RE if cues.capitals else _WORD_RE
        self._inverted_re = re.compile(
            rf",[ \t]*({_WORD_OR_CAPS if cues.capitals else _WORD})"
            r"(?=[ \t]*(?:$|[\r\n.;:!?)\]|]|[-–—][ \t]))"
        )
        self._memo: dict[tuple[str, int, bool], Any] = {}
        # Per capitalised run, what depends on its letters alone: no word of it is a name of
        # the lists (``_first_name``), a word of it is a title or cue word (``_may_be_named``).
        self._nameless: set[str] = set()
        self._inside: dict[str, bool] = {}
        self._lower_words: dict[str, str | None] = {}  # ``_lower_word`` by word
        labels = sorted(cues.list_labels, key=lambda c: (-len(c), c))
        self._list_label = (
            re.compile(
                r"(?i)[ \t>*•-]*(?:(?:please|pls|plase|kindly)[ \t]+)?(?:"
                + "|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in labels)
                + r")(?!\w)[ \t]*:?[ \t]*"
            )
            if labels
            else None
        )
        self._longest = max((len(c) for c in self._all), default=0) + 2
        # Given names as typed in lower case after a cue ("my flatmate björn"): the lists'
        # first names, no word of the languages, listed non-name, connector or cue word.
        blocked = cues.not_names | cues.not_alone | cues.common | cues.connectors
        cue_words = self._by_last_words()
        self._lower_first = frozenset(
            n
            for n in cues.gazetteer | cues.gazetteer_paired
            if n not in blocked and n not in cue_words
        )
        self._lower_blocked = blocked
        # The English job titles that precede a person, as written opening a clause ("Agent ").
        # As one regex: one pass over a text, not one per title (a title opens with a capital
        # letter, so re skips most positions at once).
        titles = [f"{t.capitalize()} " for t in cues.leading_roles if t.isalpha()]
        self._leading_title_re = re.compile("|".join(map(re.escape, titles))) if titles else None
        # Last words of the cues after which a name follows, but of one-word cues that are a
        # word of the languages ("noted"): a name in lower case after one is looked for even
        # when the lists lack it ("my colleague rahul verma.", ``_lower_unknown``).
        # Job titles and teams, also without their last letter: their case forms are none of
        # those names ("konsultanta", "specjalisty").
        self._role_stems = frozenset(
            form for r in (*cues.roles, *cues.teams) if len(r) >= 5 for form in (r, r[:-1])
        )
        self._lower_cues = frozenset(
            form
            for c in opening
            for words in (_LETTERS.findall(c),)
            if words
            and len(words[-1]) > 1
            and words[-1] not in cues.connectors
            and (len(words) > 1 or words[-1] not in blocked or words[-1] in cues.roles)
            # "Spouse shirin" opening a line; not "Karim, shukran": a name is no cue word
            for form in (words[-1], words[-1].capitalize())
            if form == words[-1] or fold(form) not in self._any_names
        )
        # Keys whose values are names: the form labels among the cues ("name:", "holder:") and
        # the policy's name columns that are no word of the languages ("first", "who" name a
        # column only; "Who: me" is no field of a name).
        self._columns = frozenset(_field_key(c) for c in cues.name_columns) | frozenset(
            _field_key(c) for c in cues.cues if c.endswith(":")
        )
        self._field_keys = frozenset(
            _field_key(c) for c in cues.name_columns if _low(c) not in cues.common
        ) | frozenset(_field_key(c) for c in cues.cues if c.endswith(":"))
        # Labels that are capitalised cues only ("Student:", "Claimant:") take a value as a
        # field does, but not one in lower case ("Student: none enrolled yet").
        self._capitalised_keys = frozenset(
            _field_key(c) for c in cues.capitalised_cues if c.endswith(":")
        ) - frozenset(
            _field_key(c)
            for c in (*cues.name_columns, *(c for c in cues.cues if c not in cues.capitalised_cues))
            if c.endswith(":") or c in cues.name_columns
        )
        self._column_keys_max = max((len(k) for k in self._field_keys), default=0)
        self._before = max(_BEFORE, self._longest + 48)
        # Cues in scripts without capitals, by how the name stands to them; the phrases are
        # searched for only in texts that hold such letters.
        self._native_cues: dict[str, str] = {}
        for kind, items in (
            ("title", cues.titles_after),
            ("open", cues.cues),
            ("closing", cues.closing_cues),
            ("after", cues.cues_after),
        ):
            for c in items:
                if _NOCASE_ANY.match(c) is not None:
                    self._native_cues.setdefault(c, kind)
                    if "\uab70" <= c[0] <= "\uabbf":  # Cherokee, folded: written in capitals
                        self._native_cues.setdefault(c.upper(), kind)
        natives = sorted(self._native_cues, key=lambda c: (-len(c), c))
        # a form's field labels among the cues ("given name:"): ``_cjk_framed``
        self._field_cues = frozenset(fold(c) for c in cues.cues if c.endswith(":"))
        self._native_re = (
            re.compile("|".join(re.escape(c).replace(r"\ ", r"[ \t]+") for c in natives))
            if natives
            else None
        )
        # Prefixes joined to a name by a hyphen (Zulu "ngingu-Zanele", "u-Sipho"): cues that
        # end with one.
        hyphen = sorted(
            {c[:-1] for c in (*cues.cues, *cues.closing_cues) if c.endswith("-")},
            key=lambda c: (-len(c), c),
        )
        self._hyphen_re = (
            re.compile(rf"(?:{'|'.join(map(re.escape, hyphen))})-(?=[{_U}])") if hyphen else None
        )
        after = [c for c in natives if self._native_cues[c] in ("title", "after")]
        self._native_after = tuple(after)
        self._native_stop = frozenset(after) | frozenset(
            c for c in cues.connectors if _NOCASE_ANY.match(c) is not None
        )
        # Cues by their last word: most capitalised words follow no cue word at all, and a
        # dictionary lookup tells so without comparing the window with every cue.
        self._by_last: dict[str, tuple[str, ...]] = {}
        for cue in self._all:
            last = _LETTERS.findall(cue)
            if last:
                self._by_last[last[-1]] = (*self._by_last.get(last[-1], ()), cue)
            marked = _tail_word(cue)  # "শুভেচ্ছা", "tìfẹ́tìfẹ́": a word ending in a mark
            if marked and (not last or marked != last[-1]):
                self._by_last[marked] = (*self._by_last.get(marked, ()), cue)
        # A cue's last word is no name where it stands alone ("Ben" opens Turkish sentences),
        # unless it is only the end of longer cues and a name of the lists: "el meu marit"
        # (Catalan, "my husband") leaves "Marit Solberg" a name where "el meu" is not before it.
        self._not_given = frozenset(
            word
            for word, cues_of in self._by_last.items()
            if word not in self._any_names or any(len(_LETTERS.findall(c)) <= 1 for c in cues_of)
        )

    def find(
        self, text: str, anchors: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """``(start, end, case-folded name)`` of every name found; ``anchors`` are the spans of
        phones and addresses, which make a name opening their line a signature. HTML is read
        twice: as written, and with its tags blanked out (``_untagged``) so that a table's
        cells and a greeting's bold name read as a plain text's."""
        anchors = list(anchors)
        out = self._find(text, anchors)
        frames: list[tuple[int, int]] = []
        if _CALL_GATE.search(text) is not None:
            # "10:01 From Ana Lima to Everyone:", "S1 = …": the Zoom frame's words no name
            out = self._call_records(text, out, frames)
        if out and "\n" in text:
            out.extend(self._signed_replies(text, out))  # "Dear Ana, …\nKhôi - Support"
        if "\n" in text:
            out.extend(self._final_signer(text, out))  # "…\n\nUxía Seoane\nSupport team"
        receiver = _RECEIVER_VERB if self.shortcuts else _RECEIVER_HINT
        if receiver.search(text) is not None and _RECEIVER.search(text) is not None:
            out.extend(self._receivers(text))  # "can you send Selvam the …"
        if out and not text.isascii():
            out.extend(_variants(text, out))  # "@Davit can you … დავით has them"
        if "</" in text:
            view = _untagged(text)
            if view != text:
                out.extend(self._find(view, []))  # signatures: read on the text as written
        if anchors and out:
            out = _before_anchors(text, out, anchors)
        if out:
            out = [f for f in out if not _not_a_person(text, f[0], f[1], out)]
        if out and ('"resourceType"' in text or "|" in text):
            things = fhir_thing_names(text)  # "Organization" … "name": "Mercy Grove Clinic"
            things += hl7_segment_ids(text)  # "…^^^DR\rORC|…": a segment, not a doctor's name
            out = [f for f in out if not any(a <= f[0] and f[1] <= b for a, b in things)]
        if out:
            out = self._no_owners(text, out)  # "(73) Assignee: Bosch", "[Site "Walcot Hall"]"
        if out and "\n" in text:
            out = credits.dropped_things(text, out)  # "© 2026 Johnson & Johnson Pictures"
        if out:
            out = notices.dropped_things(text, out)  # "Patient: Rex (dog, 4 y)"
        if out and "\n" in text:
            out = rosters.dropped_things(text, out)  # "Sat 08:00-12:00" in a roster's row
        if out and ("'" in text or "’" in text):
            out = _suffixed(text, out)  # "Anna's", "Ayşe'nin", "Linus'": the ending too
        if frames:
            out = [f for f in out if not any(f[0] < e and s < f[1] for s, e in frames)]
        if out and "\u02bb" in text:
            out = _okina_opened(text, out)  # "my husband ʻOfa": the mark is the name's
        return out

    def _find(self, text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        memo = self._memo
        for m in self._run.finditer(text):
            start, end = m.span()
            if end < len(text) and text[end] in ": " and self._speaker(text, start, end):
                span = self._trim(text, self._words(text, start, end))
                if span is not None:  # "[10:42] Ana Lima: …", "Merve (09:27): …"
                    out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
                    continue
            if not self._may_be_named(text, start, end):
                if self._any_names:  # most capitalised words: no cue, title or dash near
                    found = self._first_name(text, start, end)
                    if found is not None:
                        out.append(found)
                continue
            # What decides a run is the text around it: chat repeats phrases ("Hi, I have a
            # question", "Thanks Ayşe!"), so the verdict is kept per surrounding window.
            ws, we = max(0, start - self._before), end + _AFTER
            while we < len(text) and text[we - 1].isalnum():
                we += 1  # never cut the word after the run
            key = (text[ws:we], start - ws, ws == 0)
            hit = memo.get(key, _MISS)
            if hit is _MISS:
                hit = self._judge(key[0], start - ws, end - ws)
                if len(memo) >= _MEMO:
                    memo.clear()
                memo[key] = hit
            if hit is not None:
                a, b, value = hit
                out.append((a + ws, b + ws, value))
        if "@" in text and self._any_names:
            out.extend(self._mentions(text))
        if self._any_names and _user_cue(text):
            out.extend(self._user_handles(text, out))  # "invalid user ana_lima", "/in/ana-lima-3f"
        if self._lower_first:
            tokens = _tokens(text)
            if not self._lower_first.isdisjoint(tokens):
                out.extend(self._lower_cued(text, out))  # rare: a name typed in lower case
            hits = self._lower_cues.intersection(tokens)
            if hits:
                out.extend(self._lower_unknown(text, out, hits))
        if text[:1].islower() and _SPOKEN_CUE.search(text) is not None:
            out.extend(self._lower_spoken(text, out))  # "hello it's loic lefevre so …"
        if out and self._list_label is not None:
            out.extend(self._list_items(text, out))
        placed: list[tuple[int, int, str]] = []
        if self._field_keys and (":" in text or "=" in text):
            placed = self._fields(text)  # "Ad Soyad: أحمد الحربي", "holder": "박수빈"
        if "</" in text or (":" in text and "vcard" in text[:200].lower()) or "MECARD:" in text:
            placed.extend(self._markup_names(text))  # "<givenName>សុខា</givenName>", "N:بٹ;…"
        if "\n" in text:
            placed.extend(self._blocks(text, out + placed))  # tables, lists, chat logs
        elif self._list_label is not None and ":" in text:
            label = self._list_label.match(text)
            if label is not None and label.end() > 0 and ":" in label.group():
                placed.extend(self._line_items(text, label.end(), len(text)))  # one line
        if ":\n" in text or text.endswith(":"):
            placed.extend(self._wrote(text))  # "On 14/03/25, 김예진 wrote:"
        if ":" in text and "\n" in text:
            placed.extend(self._senders(text))  # "> From: Tamar Kapanadze"
        if "@" in text and ("\n" in text or "," in text or ";" in text or "\t" in text):
            placed.extend(self._contact_rows(text))  # "Aoife,O'Brien,aoife1972@…,…"
        if "@" in text and "(" in text:
            placed.extend(self._commented(text))  # "From: kang@… (Kang Hyun-woo)"
        if "(" in text and _SQL_INSERT.search(text) is not None:
            placed.extend(self._sql_rows(text))  # "INSERT … (first_name, …) VALUES ('Ana', …)"
        if not text.isascii() and ("'s" in text or "’s" in text):
            placed.extend(self._foreign_possessives(text))  # "مهدیس's boarding pass"
        if "/" in text and _TICKET_HINT.search(text) is not None:
            placed.extend(self._ticket_names(text))  # "M1 HEGEDUS/ILONA", "KIM/MINJI MS"
        if "." in text and _INITIAL_HINT.search(text) is not None:
            placed.extend(self._initialed(text))  # "Approved by D. Paegle", "J. Novák"
        if "@" in text and "," in text:
            placed.extend(self._inverted_display(text))  # "From: Holmgren, Gustav <…@…>"
        placed.extend(self._record_names(text))  # "changed from A to B by C", "\\signature{…}"
        placed.extend(self._form_names(text))  # "✔ Ana Lima (+1)", "Main driver: Lima, Ana"
        placed.extend(self._notice_names(text))  # "Parcel … for Ana Lima", "statement · Ana"
        placed.extend(self._person_word_names(text))  # "passed for Ana Lima.", "assignee Ana"
        written = self._written_about(text)  # "My parents, Ana and Rui,", "With love,\nᏥᏩ"
        if written:
            spans = {(a, b) for a, b, _ in out} | {(a, b) for a, b, _ in placed}
            placed.extend(f for f in written if (f[0], f[1]) not in spans)
        things: list[tuple[int, int]] = []
        if "  " in text and "\n" in text:
            placed.extend(self._spaced_table(text, things))  # "Pos  Bib   Name   Club"
        placed.extend(self._laid_out_names(text))  # "A v. B,", "A\n&\nB", "contributors"
        if clinical_gate(text):
            placed.extend(self._clinical_names(text))  # "NK1|1|DOE^JOHN", "PN [Doe^Jane]"
        placed.extend(self._catalogue_names(text))  # "author = {Lima, Ana and …}", "1 NAME …"
        placed.extend(credits.names(self, text))  # "DIRECTED BY\nANA LIMA", "Goals: Lima 23'"
        placed.extend(notices.names(self, text))  # "<NAME:8>Ana Lima", "Ana's iPhone"
        placed.extend(registers.names(self, text))  # "Godparents: Rui Sousa; Eva Reis"
        placed.extend(rosters.names(self, text))  # "1. LIMA, Ana  +351 …", "Soprano: Ana Lima"

        if placed:
            out.extend(placed)
            out.extend(_again(text, placed))
        if out and self.cues.not_name_columns and "\n" in text:
            out = self._name_columns(text, out)
        if out:
            things.extend(records.record_things(text))  # "Given names |", "@org/team"
            if "\n" in text and ("(1)" in text or "¹" in text):
                things.extend(notices.affiliation_things(text))  # "(1) Institute of …"
        if out and things:
            out = [f for f in out if not any(f[0] < b and a < f[1] for a, b in things)]
        if out and "(" in text:
            out.extend(self._paren_aliases(text, out))  # '"Ekene Chukwu" (not شفيع)'
        if self._hyphen_re is not None and "-" in text:
            out.extend(self._hyphenated(text, out))  # "ngingu-Zanele Zungu"
        if self._native_re is not None and not text.isascii() and _NOCASE_ANY.search(text):
            out.extend(self._uncased(text, out))  # a script without capitals: "我叫王伟"
            if _CJK_LETTER.search(text) is not None:
                out.extend(self._cjk_framed(text, out))  # "PASSENGER 簡/俊豪 MRS", "Dear Ms 李"
        last = text[_before_emoji(text, len(text)) - 1 :][:1]
        if last and _in_word(last) and not last.isdigit():
            signed = self._signed_last(text, out)  # "… nr 8246745. Grzesiek", "… Čeněk ✨"
            if signed is None and ("ค่ะ" in text or "ครับ" in text):
                signed = self._particle_signed(text, out)  # "… ค่ะ สมศรี ใจดี"
            if signed is not None:
                out.append(signed)
        if "\n" in text and not text.isascii():
            indic = self._indic_signed(text, out)  # "… देखें।\n\nसरिता तामाङ"
            if indic is not None:
                out.append(indic)
        if not text.isascii() and _ISLAND_HINT.search(text) is not None:
            out.extend(self._listed_runs(text, out))  # "passed for ರಶ್ಮಿ ಶೆಟ್ಟಿ.", "ਹਰਜੀਤ ਗਰੇਵਾਲ"
        if ", " in text and _PLEASE_AFTER.search(text) is not None:
            out.extend(self._asked_person(text, out))  # "Tehrani, please confirm …"
        if not text.isascii() and _EMOJI.search(text) is not None:
            out.extend(self._between_emoji(text, out))  # "merci 💐💐 Viorica 💐"
        if "\n" in text and _KHMER_ANY.search(text) is not None:
            out.extend(self._khmer_lines(text, out))  # "… ។\nហេង សុភា | Customer Care"
        if not text.isascii() and _ARABIC_PAIR.search(text) is not None:
            out.extend(self._arabic_pairs(text, out))  # "Approver: وحید یوسفزی", "for رضا احمدی."
        if not text.isascii() and _RTL_HINT.search(text) is not None:
            out.extend(self._rtl_islands(text, out))  # "arrival of חיה,", "Pt: ئىمىن, گۈلنار."
        if out:
            out.extend(self._couple_names(text, out))  # "Ana & Rui are delighted to announce"
        if self._any_names:
            out.extend(self._placed_alone(text, out))  # "I, Tamar Friedman, authorise …"
        if out and "(" in text and not text.isascii():
            out.extend(spelled_both_ways(text, out))  # "Xiuying Sima (秀英 司马)"
        if out and "(" in text and _AGE_HINT.search(text) is not None:
            out.extend(_aged_list(text, out))  # "my kids Meseret (7) and Dawit (4)"
        if self.cues.signature:
            named = frozenset(text.rfind("\n", 0, a) + 1 for a, _, _ in out)
            signers = self.signatures(text, anchors, named)
            if signers and self.cues.not_name_columns and ("|" in text or "\t" in text):
                # a table's row with a phone: "Thu | 16:30 | … | 010-461-8810" is signed by
                # no "Thu" where its column says "Day"
                signers = self._name_columns(text, signers)
            out = _prefer_signatures(out, signers)
        if self._brands and out:
            out = [f for f in out if not self._branded(text, f[0], f[1])]
        if out and ("!" in text or _POSSESSIVE_HINT.search(text) is not None):
            out = [f for f in out if not _product_or_possessive(text, f[0], f[1])]
        if out and '"name"' in text:
            out = self._no_thing_names(text, out)  # {"name": "Bank", "login": {…}}
        if out and any(h in text for h in _THING_PLACE_HINTS):
            out = [f for f in out if not _thing_place(text, f[0], f[1])]  # "Bosch, attn. …"
        if out and ("_" in text or "." in text or "=" in text or ":" in text):
            out.extend(self._own_handles(text, out))  # 'employee=gintare.zukauskiene … "Gintarė …"'
        if "@" in text:  # "Table 2: Ermen Belbekov … belbekov.ermen@…"
            out.extend(self._spelled_by_address(text, out))
        return out

    def _signed_last(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> tuple[int, int, str] | None:
        """A message signed with a name as its last words after a sentence: "… nr 8246745.
        Grzesiek", "internet yok! Şükrü", "Still nothing. Rosalind Rowntree", "… pe bhejo na,
        अनुराधा". One to three capitalised words after ".", "!", "?" or " - ", none of them a
        word of the gazetteer's languages, a cue, a closing, a title or a word that is no name
        ("Thanks", "Urgent", "Monday"); or one or two words of a script without capitals
        (four for an Arabic name's structure) after those marks or a comma, the word before
        the mark in other letters or a digit. Wrong way: a last capitalised word the lists do
        not know ("Delivered to the depot. Rotterdam") is masked as a name."""
        end = _before_emoji(text, len(text))
        a = end
        words: list[tuple[int, int]] = []
        while len(words) < 4:
            b = a
            while b > 0 and (text[b - 1] in "-'’" or _in_word(text[b - 1])):
                b -= 1
            if b == a or not text[b].isalpha():
                break
            words.insert(0, (b, a))
            a = b
            if a == 0 or text[a - 1] != " ":
                break
            a -= 1
        if not words:
            return None
        # the mark before the first word, and whether the name may start there
        for k in range(len(words)):
            start = words[k][0]
            j = start
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            if j == start and j > 1 and text[j - 1] in "/^" and text[j - 2] in " \t":
                j -= 1  # a sign-off mark glued to the name: "… funkar inte. /Märta"
                while j > 0 and text[j - 1] in " \t":
                    j -= 1
                if j == 0 or text[j - 1] not in ".!?":
                    continue
            elif j == start and j > 0:
                continue  # glued to the word before
            mark = text[j - 1] if j > 0 else ""
            dash = mark in "-–—" and j > 1 and text[j - 2] == " "
            if mark not in ".!?," and not dash:
                continue
            line = text[text.rfind("\n", 0, j - 1) + 1 : j - 1].split()
            if len(line) < 2 or (mark == "." and line[-1].isupper() and len(line[-1]) <= 4):
                continue  # "Appendix C. Results", "II. Scope": an enumerator ends no sentence
            cand = words[k:]
            span = self._signed_words(text, cand, mark == "," and not dash, j - 1)
            if span is None:
                continue
            if any(x < span[1] and span[0] < y for x, y, _ in found):
                return None
            return (*span, " ".join(fold(text[span[0] : span[1]]).split()))
        return None

    def _indic_signed(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> tuple[int, int, str] | None:
        """The writer's name as a message's last line in Devanagari, Gujarati, Telugu or
        Malayalam: one to three words of one script, maybe after a dash ("— കിരൺ നായർ") or
        before a department after "|" ("… | Customer Care"), under a blank line, a dash's
        line or a line ending a sentence (".", "!", "?", "।"). One word needs the dash or the
        department; one word at least must be a given or family name of the lists
        (``native_locales``, ``native_names``), none a cue, closing or word that is no name
        ("ధన్యవాదాలు", "नमस्ते"). Wrong way: two words of the lists that are no person's
        name there (a place named after one) signing a message are masked."""
        m = _INDIC_LAST.search(text, max(0, text.rfind("\n", 0, len(text.rstrip())) - 1))
        if m is None:
            return None
        a, b = m.span("name")
        words = text[a:b].split()
        scripts = {_script(c) for w in words for c in w if c.isalpha()}
        if len(scripts) != 1 or not scripts <= _INDIC_SIGNING:
            return None
        marked = m.group("dash") is not None or m.group("dept") is not None
        if len(words) == 1 and not marked:
            return None
        above = text[: m.start()].rstrip(" \t\r")
        if not above or (not marked and m.group("blank") is None and above[-1] not in ".!?।…"):
            return None
        lows = [fold(w) for w in words]
        if any(
            w in self._native_cues or w in self._native_stop or w in self.cues.not_names
            for w in lows
        ) or not any(w in self.cues.native for w in lows):
            return None
        if any(x < b and a < y for x, y, _ in found):
            return None
        return a, b, " ".join(lows)

    def _listed_runs(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Names in an Indic or Sinhala script, in Burmese, Lao, Ethiopic, Thaana, Tibetan,
        Canadian syllabics or Tifinagh that no cue introduces.

        Words of one of those scripts standing alone among other letters (an "island":
        "passed for ರಶ್ಮಿ ಶೆಟ್ಟಿ.", "donor චමින්ද ගුණවර්ධන, paid") are a name when they are
        one to three words, all names of the lists (``native_locales``, ``native_names``),
        or one of them such a name and the words framed by a lower-case Latin word, a colon,
        a dash or a line's start (``_framed_before``); none a cue, closing or word that is
        no name. A Burmese word, written without spaces, is a name when it is made of two
        to five syllables of Burmese names (``_my_name``) and stands alone, after the
        Burmese "I", before a word of polite address or alone on its line; so are one to
        four capitalised Latin words before such a word of address ("Su Su Lwin ခင်ဗျာ").
        Inside a sentence of the script, two or three neighbouring words that are all
        listed names are one. Wrong way: a listed word naming a shop in a Latin sentence
        ("at ರಶ್ಮಿ Silks") is masked; a listed name beside an unlisted word inside a
        sentence of its script is left to the cue rules."""
        out: list[tuple[int, int, str]] = []
        native = self.cues.native

        def usable(low: str) -> bool:
            return (
                low not in self._native_cues
                and low not in self._native_stop
                and low not in self.cues.not_names
            )

        for m in _ISLAND_RUN.finditer(text):
            words = [
                (m.start() + w.start(), m.start() + w.end())
                for w in _SPACE_SPLIT.finditer(m.group())
            ]
            lows = [fold(text[a:b]) for a, b in words]
            burmese = _script(text[m.start()]) == "myanmar"
            island = len(words) <= 3 and _island(text, m.start(), m.end())
            spans: list[tuple[int, int]] = []
            if island and all(usable(w) for w in lows):
                if burmese:
                    if all(_my_name(w) for w in lows):
                        spans.append((words[0][0], words[-1][1]))
                elif all(w in native for w in lows) or (
                    any(w in native for w in lows) and _framed_before(text, m.start())
                ):
                    spans.append((words[0][0], words[-1][1]))
            elif not burmese:
                i = 0
                while i < len(words):
                    j = i
                    while j < len(words) and j - i < 3 and lows[j] in native and usable(lows[j]):
                        j += 1
                    if j - i >= 2:
                        spans.append((words[i][0], words[j - 1][1]))
                    i = max(j, i + 1)
            if burmese and not spans:
                for i, w in enumerate(lows):
                    if _my_name(w) and (
                        (i > 0 and lows[i - 1] in _MY_I)
                        or (i + 1 < len(lows) and lows[i + 1] in _MY_ADDRESS)
                        or (len(words) == 1 and _own_line(text, m.start(), m.end()))
                    ):
                        spans.append(words[i])
            if burmese and lows[0] in _MY_ADDRESS:
                latin = _LATIN_BEFORE.search(text, max(0, m.start() - 80), m.start())
                if latin is not None and not any(
                    fold(w) in self.cues.not_names for w in latin.group(1).split()
                ):
                    spans.append(latin.span(1))  # "Su Su Lwin ခင်ဗျာ၊ …"
            for a, b in spans:
                if not any(x < b and a < y for x, y, _ in found):
                    out.append((a, b, " ".join(fold(text[a:b]).split())))
        if "," in text or "^" in text:
            out.extend(self._listed_inverted(text, found + out))
        return out

    def _listed_inverted(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """A family and a given name of the lists in a script without capitals, parted by a
        comma as a form inverts them ("Renter: ໄຊຍະວົງ, ນາລີ", "Pt: ପଟ୍ଟନାୟକ, ମମତା.") or by a
        caret as HL7 and DICOM fields do ("ᐊᓯᕙᒃ^ᑑᒪᓯ"): two words of one script (Indic,
        Sinhala, Lao, Ethiopic, Thaana, Tibetan, syllabics, Tifinagh), both names of the lists, that
        stand alone together among other letters (``_island``). Wrong way: two listed words
        in a list of that script's own sentence ("…, ສີສຸວັນ, ແສງເດືອນ ແລະ …") are left to
        the other rules, and a listed word that names a place as well is masked."""
        out: list[tuple[int, int, str]] = []
        native = self.cues.native
        runs = [m for m in _ISLAND_RUN.finditer(text) if " " not in m.group()]
        for m1, m2 in pairwise(runs):
            gap = text[m1.end() : m2.start()]
            if gap.rstrip(" \t") not in (",", "^") or _script(text[m1.start()]) != _script(
                text[m2.start()]
            ):
                continue
            lows = [fold(m1.group()), fold(m2.group())]
            if not all(
                w in native and w not in self._native_cues and w not in self.cues.not_names
                for w in lows
            ):
                continue
            if not _island(text, m1.start(), m2.end()):
                continue
            for m, low in zip((m1, m2), lows, strict=True):
                a, b = m.span()
                if not any(x < b and a < y for x, y, _ in found):
                    out.append((a, b, low))
        return out

    def _particle_signed(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> tuple[int, int, str] | None:
        """A Thai message signed after its polite particle: "… เลขที่ CASE-1 ค่ะ สมศรี ใจดี",
        "… ครับ Somsak Rattana". "ค่ะ"/"ครับ" end a Thai sentence as "." ends another: the
        last words after it are a name when they are two Thai runs opening no clause
        (``_TH_CLAUSE``: "… ค่ะ ขอบคุณ ที่ใช้บริการ" stays) or one to three capitalised words
        passing a signature's checks. Wrong way: a place or product of two Thai runs the list
        does not know after the particle ("… ค่ะ เซ็นทรัล เวิลด์") is masked as a name."""
        m = _TH_PARTICLE_SIGNED.search(text, max(0, len(text) - 120))
        if m is None:
            return None
        words = [(m.start(1) + x.start(), m.start(1) + x.end()) for x in re.finditer(r"\S+", m[1])]
        if _script(text[words[0][0]]) == "thai":
            lows = [fold(text[a:b]) for a, b in words]
            if (
                len(words) != 2
                or any(_script(c) != "thai" or not _in_word(c) for w in lows for c in w)
                or any(text.startswith(_TH_CLAUSE, a) for a, _ in words)
                or any(
                    w in self._native_cues or w in self._native_stop or w in self.cues.not_names
                    for w in lows
                )
            ):
                return None
            span: tuple[int, int] | None = (words[0][0], words[-1][1])
        else:
            span = self._signed_words(text, words, False, None)
        if span is None or any(x < span[1] and span[0] < y for x, y, _ in found):
            return None
        return (*span, " ".join(fold(text[span[0] : span[1]]).split()))

    def _asked_person(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The person addressed at the start of a line before a request: one or two
        capitalised words, a comma and "please" in one of 14 languages ("Tehrani, please
        confirm …", "Okafor, bitte …"), read with the checks of a signature's last words (no
        word of the lists, cue, closing or title: "Tomorrow, please call" stays). Wrong way: a
        firm or place the lists lack addressed so ("Vodafone, please fix …") is masked."""
        out: list[tuple[int, int, str]] = []
        for m in _PLEASE_AFTER.finditer(text):
            a = m.start(1)
            words = [(a + x.start(), a + x.end()) for x in re.finditer(r"\S+", m[1])]
            if fold(text[words[0][0] : words[0][1]]) in _REQUEST_OPENERS:
                continue  # "Meanwhile, please …": a sentence adverb the word lists lack
            span = self._signed_words(text, words, False, None)
            if span is None or any(x < span[1] and span[0] < y for x, y, _ in (*found, *out)):
                continue
            out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
        return out

    def _placed_alone(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Names that a form's or a note's shape places, with no cue word before them: the
        first person of a legal form ("I, Tamar Friedman, authorise …"), a first name addressed
        at a text's start or end ("Kaveh, your …", "…, 하은."), a task list's owner ("- [ ] Aino
        to send …"), a feedback's signature ("… Eetu from Tampere"), a note's subject before
        what happened ("…; Ana Lima informed."), and a family and a given name joined
        ("KobayashiShota"). Each regex runs only where its mark is in the text."""
        out: list[tuple[int, int, str]] = []

        def put(span: tuple[int, int] | None) -> None:
            if span is None or any(x < span[1] and span[0] < y for x, y, _ in (*found, *out)):
                return
            out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))

        # Each hint's cheaper test first where there is one (``shortcuts``): the words before
        # the legal form's comma alone, "ed" or "rang" of the reported verbs, a capital found
        # first: wherever the hint matches, its cheaper test does too.
        quick = self.shortcuts
        if "," in text:
            legal = not quick or _LEGAL_WORD.search(text) is not None
            if legal and _LEGAL_HINT.search(text) is not None:
                for m in _LEGAL_SELF.finditer(text):
                    put(self._placed_words(text, m.start(1), m.end(1), 4, False))
            opening = _VOC_START.match(text)
            if opening is not None:
                put(self._placed_words(text, opening.start(1), opening.end(1), 2, False))
            closing = _VOC_END.match(text, text.rfind(","))  # the last comma only
            if closing is not None:
                a, c = closing.start() - 1, closing.start(1)
                while a >= 0 and text[a] in " \t":
                    a -= 1
                # "…, 하은.", "…, Ярослав.": a name's script after a sentence in another is
                # taken as it is; a Latin word only when the lists know it as a name
                other = a >= 0 and _script_of(text[a]) != _script_of(text[c])
                if a >= 0 and (other or not _uncased(text[c])):
                    put(self._placed_words(text, c, closing.end(1), 2, not other))
        if "[" in text:
            for m in _TASK_OWNER.finditer(text):
                put(self._placed_words(text, m.start(1), m.end(1), 2, False))
        if " " in text and not _FROM_WORDS.isdisjoint(text[-60:].split()[-5:-1]):
            signed = _FROM_PLACE.search(text, max(0, len(text) - 160))  # the text's end only
            if signed is not None:
                put(self._placed_words(text, signed.start(1), signed.end(1), 2, False))
        reported = not quick or "ed" in text or "rang" in text
        if reported and _REPORTED_HINT.search(text) is not None:
            for m in _REPORTED.finditer(text):
                put(self._placed_words(text, m.start(1), m.end(1), 3, False))
        if (_CAMEL_AT if quick else _CAMEL_HINT).search(text) is not None:
            for m in _CAMEL_JOINED.finditer(text):
                if self._joined_name(m[1], m[2]):
                    put(m.span())
        return out

    def _placed_words(
        self, text: str, a: int, b: int, most: int, known: bool
    ) -> tuple[int, int] | None:
        """The span of one to ``most`` words a form or note places as a name, or None: words
        of a script without capitals (one or two, four for Arabic and Hebrew; a run of CJK
        letters of four at most), or capitalised words none of which is a cue, title, role,
        team, connector or listed non-name, nor a common word of the languages unless a name
        of the lists; with ``known``, the first also a name of the lists (or a romanised
        Korean given name, "Su-a"). One word alone outside a legal form (``most`` < 4) must be
        such a name or hold a letter beyond ASCII ("Oğuzhan"): the word lists lack most
        English words ("Unfortunately, your …")."""
        words = [(a + x.start(), a + x.end()) for x in re.finditer(r"\S+", text[a:b])]
        if not words or len(words) > most:
            return None
        if not all(all(_in_word(c) or c in "-'’" for c in text[x:y]) for x, y in words):
            return None
        first = text[words[0][0]]
        lows = [fold(text[x:y]) for x, y in words]
        if _uncased(first):
            script = _script(first)
            if any(_script(text[x]) != script for x, _ in words):
                return None
            if script in _GLUED or script == "hangul":
                if len(words) > 2 or sum(y - x for x, y in words) > 4:
                    return None
            elif script not in ("arabic", "hebrew") and len(words) > 2:
                return None
            if any(
                w in self._native_cues or w in self._native_stop or w in self.cues.not_names
                for w in lows
            ):
                return None
            return words[0][0], words[-1][1]
        names = self._any_names
        for (x, y), low in zip(words, lows, strict=True):
            w = text[x:y]
            if (
                not w[0].isupper()
                or len(low) < 2
                or low in self.cues.not_names
                or low in self._closings
                or low in self._open
                or low in self._titles
                or low in self.cues.roles
                or low in self.cues.teams
                or low in self.cues.streets
                or low in self.cues.connectors
                or (low in self.cues.common and low not in names)
            ):
                return None
        listed = (
            lows[0] in self._first_names
            or lows[0] in self._paired
            or (len(words) > 1 and lows[0] in names)
            or _SYLLABLES.match(text[words[0][0] : words[0][1]]) is not None
        )
        if known and not listed:
            return None
        if most < 4 and len(words) == 1 and not listed and text[a:b].isascii():
            return None  # "Unfortunately, your …": one word the lists lack must look foreign
        if known and lows[0] in self.cues.not_alone:
            return None
        x, y = words[0][0], words[-1][1]
        if self._brands and self._branded(text, x, y):
            return None
        return x, y

    def _joined_name(self, head: str, tail: str) -> bool:
        """A family and a given name written together ("KobayashiShota", "ChoiDo-yun",
        "AnaLima"): one part a surname of the lists, the other a given name of them or a
        romanised Korean one ("Do-yun"); neither a common word of the languages."""
        h, t = fold(head), fold(tail)
        if h in self.cues.not_alone or t in self.cues.not_alone:
            return False
        if _SYLLABLES.match(tail) is not None and len(h) <= 5:
            return True  # "JungHa-eun": a Korean family name is a syllable
        if t in self.cues.common or t in self.cues.not_names or h in self.cues.not_names:
            return False
        # a family name of the lists first: the given name may be one they lack ("SatoHina")
        return h in self._surnames or (
            (h in self._first_names or h in self._paired) and t in self._surnames
        )

    def _khmer_lines(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """A family and a given name in Khmer script alone on a line, after a dash or before
        "| team" ("ហេង សុភា", "— សុខ ស្រីពៅ"): Khmer writes a sentence's words without
        spaces, so two spaced words that are both names of the lists are a signature. Wrong
        way: two listed words that open a sentence written with spaces are masked as a name."""
        out: list[tuple[int, int, str]] = []
        for m in _KHMER_LINE.finditer(text):
            a, b = m.span(1)
            words = text[a:b].split()
            if not all(fold(w) in self.cues.native for w in words):
                continue
            if any(x < b and a < y for x, y, _ in (*found, *out)):
                continue
            out.append((a, b, " ".join(fold(text[a:b]).split())))
        return out

    def _arabic_pairs(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Two words in Arabic script, both given or family names of the lists, that stand
        apart from any sentence in that script: the words next to them (past spaces and
        punctuation) are of another script or the text's edge ("Approver: وحید یوسفزی",
        "Identity check passed for نوریه پوپلزی.", a Pashto or Persian signer under a closing
        of another language). A cue cannot bound such a name by capitals, and a sentence in
        the script is left to the cues. Wrong way: two listed words quoted as words in a
        sentence of another script ("the words نور امید") are masked as a name."""
        out: list[tuple[int, int, str]] = []
        for m in _ARABIC_PAIR.finditer(text):
            a, b = m.span()
            if not all(fold(w) in self.cues.native for w in (m.group(1), m.group(2))):
                continue
            if any(
                fold(w) in self._native_cues or fold(w) in self.cues.not_names for w in m.groups()
            ):
                continue
            i = a
            while i > 0 and (text[i - 1].isspace() or text[i - 1] in _ARABIC_APART):
                i -= 1
            j = b
            while j < len(text) and (text[j].isspace() or text[j] in _ARABIC_APART):
                j += 1
            if (i > 0 and _ARABIC_LETTER.match(text[i - 1])) or (
                j < len(text) and _ARABIC_LETTER.match(text[j])
            ):
                continue  # a word of a sentence in the script
            if any(x < b and a < y for x, y, _ in (*found, *out)):
                continue
            out.append((a, b, " ".join(fold(text[a:b]).split())))
        return out

    def _rtl_islands(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """One to three words in Hebrew or Arabic script (Yiddish, Hebrew, Uyghur, Persian …)
        standing alone among letters of another script (``_island``), every one a given or
        family name of the lists (``native_locales``, ``native_names``) and none a cue or a
        word that is no name: a person an English, French or German record names ("arrival
        of חיה,", "Beloved wife of ئىلياس and", "Renter: ראַבינאָוויטש, יענקל"). Words a comma
        parts are names apart ("family, given"). Inside a sentence of the script nothing is
        taken here (the cues read it). Wrong way: a listed word quoted in a sentence of another
        script ("the word נחמן") is masked as a name."""
        out: list[tuple[int, int, str]] = []
        native = self.cues.native
        for m in _RTL_RUN.finditer(text):
            if not _island(text, m.start(), m.end()):
                continue
            at = m.start()
            words = [(at + w.start(), at + w.end()) for w in _RTL_WORD.finditer(m.group())]
            lows = [fold(text[a:b]) for a, b in words]
            if not all(
                w in native
                and w not in self._native_cues
                and w not in self._native_stop
                and w not in self.cues.not_names
                for w in lows
            ):
                continue
            spans: list[tuple[int, int]] = []
            for a, b in words:
                if spans and text[spans[-1][1] : a].strip(" \t") == "":
                    spans[-1] = (spans[-1][0], b)  # the next word of the same name
                else:
                    spans.append((a, b))
            for a, b in spans:
                if not any(x < b and a < y for x, y, _ in (*found, *out)):
                    out.append((a, b, " ".join(fold(text[a:b]).split())))
        return out

    def _between_emoji(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """One to three words standing alone between emoji ("merci 💐💐 Viorica 💐 …",
        "🎂 Ayşe Kaya 🎂"): the person thanked or greeted, read with the checks of a signature's
        last words (no word of the lists, no cue, closing or title: "🔥 Sale 🔥", "🎉 Happy
        🎉" stay). Wrong way: a word the lists lack framed by emoji ("🌴 Mallorca 🌴") is
        masked as a name."""
        out: list[tuple[int, int, str]] = []
        for m in _EMOJI_FRAMED.finditer(text):
            a, b = m.span(1)
            words = [(a + x.start(), a + x.end()) for x in re.finditer(r"\S+", text[a:b])]
            span = self._signed_words(text, words, False, None)
            if span is None or any(x < span[1] and span[0] < y for x, y, _ in (*found, *out)):
                continue
            out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
        return out

    def _signed_words(
        self, text: str, words: list[tuple[int, int]], comma: bool, mark: int | None
    ) -> tuple[int, int] | None:
        if not words or not all(
            all(_in_word(c) or c in "-'’" for c in text[a:b]) for a, b in words
        ):
            return None
        first = text[words[0][0]]
        before = mark - 1 if mark is not None else None
        if before is not None and before < 0:
            return None
        if _uncased(first):
            script = _script(first)
            if script in _GLUED or script == "hangul":
                return None
            if any(_script(text[a]) != script or not _uncased(text[b - 1]) for a, b in words):
                return None
            prev = text[before] if before is not None else ""
            if prev and _uncased(prev) and _script(prev) == script:
                return None  # the sentence before is in the same script: a word of it
            lows = [fold(text[a:b]) for a, b in words]
            if script == "arabic":
                if len(words) > 4 or _arabic_words(lows, self.cues.native) != len(words):
                    return None
            elif len(words) > 2:
                return None
            if any(
                w in self._native_cues or w in self._native_stop or w in self.cues.not_names
                for w in lows
            ):
                return None
            return words[0][0], words[-1][1]
        if comma or len(words) > 3:
            return None  # ", Germany": a place or a company after a comma as often
        for a, b in words:
            w = text[a:b]
            low = fold(w)
            if (
                not w[0].isupper()
                or len(low) < 3
                or (len(w) > 1 and w.isupper())
                or not all(c.isalpha() or c in "-'’" for c in w)
                or low in self.cues.common
                or low in self.cues.not_names
                or low in self._closings
                or low in self._open
                or low in self._titles
                or low in self.cues.roles
                or low in self.cues.teams
                or low in self.cues.streets
                or low in self.cues.connectors
            ):
                return None
        a, b = words[0][0], words[-1][1]
        if self._brands and self._branded(text, a, b):
            return None
        return a, b

    def _own_handles(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """User names of the people named in the same text: a handle of words joined by ".",
        "_" or "-", or one word after a user-name cue ("employee=zaw"), one of whose words is,
        without accents, a word of three letters or more of a name found ("Gintarė
        Žukauskienė" → "gintare.zukauskiene"), not a common word. Not an address's local
        part (the address is masked as one) nor a part of a longer dotted run."""
        own = set()
        for _, _, value in found:
            for w in value.split():
                plain = w if w.isascii() else fold(anyascii(w))
                if len(plain) >= 3 and plain not in self.cues.common:
                    own.add(plain)
        if not own:
            return []
        taken = [(a, b) for a, b, _ in found]
        out = []
        for rx in (_HANDLE_TOKEN, _CUED_WORD):
            if self.shortcuts and not _may_match(rx, text):
                continue  # no letter or digit on both sides of ".", "_" or "-"; no cue word
            for m in rx.finditer(text):
                start, end = m.span(1)
                words = {w.rstrip("0123456789") for w in re.split(r"[._-]", _low(m.group(1)))}
                if own.isdisjoint(words) or any(a < end and start < b for a, b in taken):
                    continue
                out.append((start, end, " ".join(re.split(r"[._-]", _low(m.group(1))))))
                taken.append((start, end))
        return out

    def _spelled_by_address(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Two neighbouring capitalised words that an e-mail address of the same text spells in
        its local part: "Table 2: Ermen Belbekov … questions to belbekov.ermen62@…", "Soprano:
        Чейнеш Кыдыякова … cheynesh.kydyyakova@…", "Ezen Kuchiyak … ekuchiyak@…" (given and
        family name in either order, joined or apart, or an initial and the family name; in
        Latin letters without accents, digits after them left aside). An inference: a firm
        whose two-word name makes its own mailbox ("Zalando Lounge", "zalando.lounge@…") is
        masked; a mailbox's role ("support", "sales", "info"), two common words of the lists
        ("Blue Bottle") or a team's or a street's words make the address no person's."""
        keys: set[tuple[str, ...]] = set()
        for m in _MAILBOX_LOCAL.finditer(text):
            local = m.group(1).lower()
            pieces = [p.rstrip("0123456789") for p in re.split(r"[._-]", local)]
            pieces = [p for p in pieces if p]
            if 1 <= len(pieces) <= 2 and all(p.isalpha() and p.isascii() for p in pieces):
                keys.add(tuple(pieces))
        if not keys:
            return []
        cues = self.cues
        words = [
            (w.start(), w.end())
            for w in _LETTERS.finditer(text)
            if w.group()[0].isupper() and len(w.group()) >= 2
        ]
        taken = [(a, b) for a, b, _ in found]
        out: list[tuple[int, int, str]] = []
        for (a1, b1), (a2, b2) in pairwise(words):
            gap = text[b1:a2]
            if gap not in (" ", ", "):
                continue
            # letters only: "Бельбеков" is "Bel'bekov" in Latin letters, "belbekov" in a mailbox
            p1 = "".join(c for c in _ascii_folded(text[a1:b1]) if c.isalpha())
            p2 = "".join(c for c in _ascii_folded(text[a2:b2]) if c.isalpha())
            if min(len(p1), len(p2)) < 2 or not (p1 + p2).isascii():
                continue
            if p1 in _MAILBOX_ROLES or p2 in _MAILBOX_ROLES or p1 in PARTICLES or p2 in PARTICLES:
                continue
            if all(p in cues.common or p in cues.not_names for p in (p1, p2)):
                continue  # "Blue Bottle", "blue.bottle@…"
            if self._unit([_low(text[a1:b1]), _low(text[a2:b2])]):
                continue  # "Payments Ops", "payments.ops@…"
            spelled = {(p1, p2), (p2, p1), (p1 + p2,), (p2 + p1,)}
            if gap == " ":
                spelled |= {(p1[0], p2), (p1[0] + p2,)}  # "Ezen Kuchiyak": "ekuchiyak"
            elif text[a1:b1].isupper():
                # "KABORÉ, Wendkouni": "wkabore"; not "Jansen, Tel." of "tjansen"
                spelled |= {(p2[0], p1), (p2[0] + p1,)}
            if keys.isdisjoint(spelled):
                continue
            if gap == " " and not any(a < b2 and a1 < b for a, b in taken):
                out.append((a1, b2, " ".join(fold(text[a1:b2]).split())))
            else:  # "KABORÉ, Wendkouni", or one word found already: each word its own span
                out.extend(
                    (x, y, fold(text[x:y]))
                    for x, y in ((a1, b1), (a2, b2))
                    if not any(a < y and x < b for a, b in taken)
                )
            taken.append((a1, b2))
        return out

    def signatures(
        self, text: str, anchors: Iterable[tuple[int, int]], named: frozenset[int] = frozenset()
    ) -> list[tuple[int, int, str]]:
        """Names of the signatures of these phones and addresses (see ``_signature``);
        ``named`` holds the starts of lines where a name was found already."""
        out = []
        for a, _ in anchors:
            found = self._display_name(text, a) if a > 3 and "<" in text[a - 3 : a] else None
            if found is not None:
                out.append(found)
                continue
            found = self._signature(text, a)
            if found is None and a > 3 and "<" in text[a - 3 : a]:
                found = self._display_uncased(text, text.rfind("<", a - 3, a))
            if found is None:
                found = self._block_top(text, a, named)
            if found is not None:
                out.append(found)
        if self._brands and out:  # "Goldman Sachs" on the line above a phone: no person
            out = [f for f in out if not self._branded(text, f[0], f[1])]
        return out

    def _display_uncased(self, text: str, at: int) -> tuple[int, int, str] | None:
        """A display name in a script without case right before an address's angle bracket
        ("From: 陈敏 <…>", "> On 9/2/24, 曾志強 <…> wrote:"): up to four words of such letters,
        the header's label, a date or the line's start before them."""
        b = at
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        a, words = b, 0
        while a > 0 and words < self.cues.max_words:
            i = a
            while i > 0 and _uncased(text[i - 1]):
                i -= 1
            if i == a:
                break
            a, words = i, words + 1
            if a > 1 and text[a - 1] in " \t" and _uncased(text[a - 2]):
                a -= 1
            else:
                break
        if a == b or (a > 0 and not (text[a - 1] in " \t\n\"'" or text[a - 1] in ":,>")):
            return None
        return self._value(text, a, b)

    # -- cues ------------------------------------------------------------------------------------

    def _words(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        return [
            (start + w.start(), start + w.end()) for w in self._word_re.finditer(text[start:end])
        ]

    def _judge(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The name in the run ``text[start:end]``: by position, else by the gazetteer."""
        found = self._cued(text, start, end)
        if found is None and self._any_names:
            found = self._first_name(text, start, end)
        return found

    def _first_name(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The run from its first word that is a known first name on ("Kann Annegret
        Hünemörder das …" → "Annegret Hünemörder"): not a word in capitals, not a word the
        policy lists as no name or as a name only with a cue, and no cue word itself
        ("Ben" opens Turkish sentences). A first name of the paired locales counts only with
        a capitalised word after it ("Seung-ho Han"), an English possessive ("Nneka's") or a
        case ending ("Тарасу", "Σοφίας"); a surname alone only with a case ending
        ("Kowalskiego", "Nagynak"). Words in Greek or Cyrillic letters are looked up by their
        transliteration, words with a case ending by their nominative (``_key``)."""
        run = text[start:end]
        if not text.isascii() and self.cues.not_alone:
            mixed = self._word_name_family(text, start, run)
            if mixed is not None:
                return mixed
        if (
            (text[end : end + 2] == ", " or (start > 1 and text[start - 2 : start] == ", "))
            and " " not in run
            and "\t" not in run
        ):
            pair = self._comma_shaped(text, start, end)
            if pair is not None:
                return pair  # "ТОПОЕВА, Ольга", "Хубиева, Халимат": the family name first
        if self.shortcuts and run in self._nameless:
            return None  # "The", "I", "Please": seen before, no word of it a name
        names, paired, cues = self._first_names, self._paired, self.cues
        words = self._words(text, start, end) if " " in run or "\t" in run else [(start, end)]
        keys = [self._key(text[a:b]) for a, b in words]
        if not any(low in self._any_names for low, _ in keys) and not (
            len(words) > 1 and any(_family_shaped(text[a:b]) for a, b in words)
        ):
            if len(self._nameless) >= _MEMO:
                self._nameless.clear()
            self._nameless.add(run)  # what ``_key`` and the shape find depend on the run alone
            return None
        if _HOUSE_NUMBER.match(text, end) is not None:
            return None  # "Rua Augusta 150", "Bağdat Caddesi 115": a street of an address
        if self._place(text, start, end, len(words)):
            return None  # "I'm in Regina this week", "Charlotte branch", "Adelaide'dayım"
        if (
            len(words) > 1
            and (self._street_words or self._street_ends)
            and self._street(text, words)
        ):
            return None  # "Corso Vittorio Emanuele": no name from its later words either
        lows = [low for low, _ in keys]
        skip = self._phrase_words(lows)  # "Leroy Merlin": a brand, no "Merlin" after it
        for k, (a, b) in enumerate(words):
            word = text[a:b]
            if word.isupper() or k < skip:
                continue
            low, inflected = keys[k]
            if low in cues.not_alone and k + 1 < len(words) and not keys[k + 1][1]:
                # "Madison Wright", "Pilar Gutierrez": a known surname right after it (no
                # particle between: "Van der Linden Bouw") makes it a person, those two words
                nxt = words[k + 1]
                if not text[b : nxt[0]].strip() and self._surname(text, nxt, lows[k + 1]):
                    return a, nxt[1], " ".join(fold(text[a : nxt[1]]).split())
                continue
            if low in cues.not_names or low in cues.not_alone or low in self._not_given:
                continue
            if low in _MONTHS and _dated(text, a, b):
                continue  # "Sep 15, 2023", "15 Jan": a date
            if len(words) == 1 and _after_postcode(text, a):
                continue  # "788 27 Bergen", "66695 Alexandria": a town of an address
            first = k
            if inflected == "s":  # "wegen Florians Bestellung": the genitive ends the name
                if k + 1 < len(words):
                    return a, b, fold(word)
                continue
            if (
                low in names
                or (low in paired and (k + 1 < len(words) or inflected or _possessive(text, b)))
                or (inflected and low in self._surnames)
                # a family name written first before a given name taken only with another
                # word: "Heng Vanna", "Prak Veasna" (Khmer, Vietnamese, Hungarian order)
                or (low in paired and k > 0 and self._surname(text, words[k - 1], lows[k - 1]))
            ):
                if k > 0 and self._surname(text, words[k - 1], lows[k - 1]):
                    first = k - 1  # the surname written first: "Yılmaz Ayşe", "Lǚ Shufen"
                elif (
                    k == 1 == len(words) - 1
                    and not inflected
                    and self._reversed_field(text, words, lows)
                ):
                    first = 0  # "/ Whitlock Gareth /": a field of its own, the surname first
            elif (
                low in paired
                and k == 1 == len(words) - 1
                and not inflected
                and self._reversed_field(text, words, lows)
            ):
                first = 0  # "/ Rowntree Rosalind /": a name taken with a surname, written after it
            elif (
                k + 1 < len(words)
                and not keys[k + 1][1]  # a case form is no surname after a given name
                and self._surname(text, words[k + 1], lows[k + 1])
            ):
                if not self._given(text, (a, b)):
                    continue  # a given name the lists lack before a surname: "Kourosh Ahmadi"
            else:
                continue
            name = self._trim(text, words[first:])
            if name is not None:
                a, b = name
                return a, b, " ".join(fold(text[a:b]).split())
        return self._shaped_pair(text, words) if len(words) > 1 else None

    def _comma_shaped(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """A family name known by its Russian ending or by the lists (``_family_word``),
        capitalised or in capitals, a comma and a capitalised word of its script, as rosters
        and registers write people ("ТОПОЕВА, Ольга", "Кужугет, Шолбан", "SALCHAK, Buyan"):
        the run, either word. A place so ended before its region ("Ростов, Россия") is
        masked."""
        word = text[start:end]
        if text[end : end + 2] == ", " and self._family_word(word):
            m = self._word_re.match(text, end + 2)
            if m is not None and self._comma_given(text, word, (m.start(), m.end())):
                return start, end, " ".join(fold(word).split())
        if start > 1 and text[start - 2 : start] == ", ":
            before = start - 2
            while before > 0 and text[before - 1].isalpha():
                before -= 1
            m = self._word_re.fullmatch(text, before, start - 2)
            if (
                m is not None
                and self._family_word(m.group())
                and self._comma_given(text, m.group(), (start, end))
            ):
                return start, end, " ".join(fold(word).split())
        return None

    def _comma_given(self, text: str, family: str, given: tuple[int, int]) -> bool:
        """The word after a family name and its comma may be the given name: of the family
        name's script, capitalised and no common word (``_given``)."""
        word = text[given[0] : given[1]]
        return _native(_low(word)) == _native(_low(family)) and self._given(text, given)

    def _family_word(self, word: str) -> bool:
        """A family name by its Russian ending (``_family_shaped``) or a surname of the lists
        in Cyrillic or Greek letters or in capitals ("Кужугет", "КУЖУГЕТ", "SALCHAK"): a
        capitalised Latin word before a comma is too often a place or a thing."""
        if _family_shaped(word, capitals=True):
            return True
        low = _low(word)
        return (
            len(low) >= 4
            and (_native(low) or word.isupper())
            and self._key(word)[0] in self._surnames
        )

    def _shaped_pair(self, text: str, words: list[tuple[int, int]]) -> tuple[int, int, str] | None:
        """A family name known by its Russian ending (``_family_shaped``: "Байрамуков",
        "Тадыева", "Ozdoev") and the capitalised word of its script beside it, the given name
        before it ("Сурлан Конунов", "Ibragim Ozdoev") or, in Cyrillic and with none before,
        after it ("Конунов Сурлан", the Russian formal order; in Latin letters the word after
        is a thing: "Sakharov Prize"): both words. Peoples who write Cyrillic (Dagestan, the
        Caucasus, Siberia) bear such names while the lists hold few of their given names. The
        other word must be no common word, cue or listed non-name (``_given``: "Премия
        Сахарова", "Улица Гагарина" are not_names or streets) nor a role; a town so ended
        beside a capitalised word ("Сергиев Посад") is masked."""
        for j, (a, b) in enumerate(words):
            word = text[a:b]
            if not _family_shaped(word):
                continue
            native = _native(_low(word))
            for k in (j - 1, j + 1) if native else (j - 1,):
                if not 0 <= k < len(words):
                    continue
                o = words[k]
                other = text[o[0] : o[1]]
                low = _low(other)
                if (
                    o[1] - o[0] < 3
                    or _native(low) != native
                    or text[min(b, o[1]) : max(a, o[0])].strip(" \t")
                    or not self._given(text, o)
                    or low in self._roles
                    or low in self._titles
                    or low in self._street_words
                ):
                    continue
                lo, hi = min(a, o[0]), max(b, o[1])
                after = _LETTERS.match(text, hi + 1) if text[hi : hi + 1] == " " else None
                if after is not None and self._street_word(after.group()):
                    return None  # "Salavat Yulaev St 12": a street named after a person
                return lo, hi, " ".join(fold(text[lo:hi]).split())
        return None

    def _street_word(self, word: str) -> bool:
        """A street-type word of the policy, written out or abbreviated ("Street", "St")."""
        low = _low(word)
        return (
            low in _STREET_SHORT or low in self._street_words or f"{low}." in self._street_abbrevs
        )

    def _word_name_family(self, text: str, start: int, run: str) -> tuple[int, int, str] | None:
        """A ``not_alone`` given name of the run ("Hope", "Will", "Jade") with its family name in
        another script than Latin one space after it ("Hope آل عايض asked", "Will 臧 called",
        "Jade პაპუაშვილი"): both, up to where that script's words end
        (``_other_script_family``). Only texts that are not all ASCII get here."""
        at = start
        for word in run.split(" "):
            a, at = at, at + len(word) + 1
            if not word[:1].isupper() or word.isupper() or _low(word) not in self.cues.not_alone:
                continue
            end = _other_script_family(text, a + len(word))
            if end is not None:
                return a, end, " ".join(fold(text[a:end]).split())
        return None

    def _reversed_field(self, text: str, words: list[tuple[int, int]], lows: list[str]) -> bool:
        """Two words, a known given name second (not a case form), that fill a field of their
        own: a separator ("/", "|", ";", ",", a tab, a quote, a colon) right before them, and
        one or the line's end right after ("Transfer ref: 4471 / Whitlock Gareth / rent"). The
        first word is then the surname written first, unless it is a given name, a common word
        or no name itself."""
        (a, b), (_, e) = words[0], words[1]
        low = lows[0]
        if (
            low in self._first_names
            or low in self.cues.common
            or low in self.cues.not_names
            or low in self._titles
            or low in self._roles
            or text[a:b].isupper()
            or len(low) < 3
        ):
            return False
        head = text[text.rfind("\n", 0, a) + 1 : a].rstrip(" \t")
        line_end = text.find("\n", e)
        tail = text[e : line_end if line_end >= 0 else len(text)].lstrip(" \t")
        # a separator before (a line opening with the two is a sentence: "Передайте Ірині, …")
        return bool(head) and head[-1] in _FIELD_EDGES and (not tail or tail[0] in _FIELD_EDGES)

    def _speaker(self, text: str, start: int, end: int) -> bool:
        """The run names the speaker of a chat log's line: a time opens the line and a colon
        follows ("[10:42] Ana Lima: …", "09:27 - Merve: …"), or the run opens the line and a
        time in brackets, then a colon, follows ("Ana Lima (10:42): …"). Words the policy
        lists as no names or common words alone ("[10:42] System: …") are no speaker."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[end] == ":":
            if _CHAT_TIME.fullmatch(text, line_start, start) is None:
                return False
        elif text[line_start:start].strip(" \t") or _CHAT_AFTER.match(text, end) is None:
            return False
        lows = [_low(w) for w in text[start:end].split()]
        blocked = self.cues.not_names, self.cues.common
        return not all(any(w in b for b in blocked) for w in lows)

    def _mentions(self, text: str) -> list[tuple[int, int, str]]:
        """@-mentions of people ("cc @maria.gonzalez", "@ana_lima"): the handle, when none of
        its parts (digits left off) is a listed non-name and one is a name of the lists (not
        a common word), or it is two or three parts of letters opening a line or after a
        word that addresses someone ("cc", "ping", "hi"). Not an address's "@" (a letter or
        digit before it)."""
        out = []
        i = text.find("@")
        while i >= 0:
            m = _MENTION.match(text, i + 1)
            if (
                m is not None
                and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "._+-"))
                and text[m.end() : m.end() + 1] not in ("@", "/")  # "@babel/core": a package
            ):
                parts = [p.rstrip("0123456789") for p in re.split(r"[._]", _low(m.group()))]
                parts = [p for p in parts if p]
                if _word_before(text, i) in _TEAM_WORDS:
                    pass  # "Team @tidal_fox88 — members: …": the team's handle
                elif self._mentioned(text, i, parts):
                    out.append((m.start(), m.end(), " ".join(parts)))
                elif self._addressed(text, i, m.group()):
                    more = _MENTION_MORE.match(text, m.end())
                    end = more.end() if more is not None else m.end()
                    out.append((m.start(), end, " ".join(fold(text[m.start() : end]).split())))
            i = text.find("@", i + 1)
        return out

    def _mentioned(self, text: str, at: int, parts: list[str]) -> bool:
        cues = self.cues
        if any(len(p) >= 3 and (p in cues.not_names or p in _STATUS_WORDS) for p in parts):
            return False  # "@support_team", "@the.shop", "@northwind_status"
        if len(parts) >= 2 and any(p in _SYSTEM_WORDS for p in parts):
            return False  # a team's or a service's account ("@kiwi_dev": "Dev" is a name too)
        blocked = (cues.common, cues.not_alone, cues.connectors)
        for p in parts:
            if (
                len(p) >= 3
                and (
                    self._key(p)[0] in self._any_names
                    or ("-" in p and all(self._key(q)[0] in self._any_names for q in p.split("-")))
                )
                and not any(p in b for b in blocked)
            ):
                return True  # "@ana_lima", "@anders.karlsson"
        if not 2 <= len(parts) <= 3 or not all(
            p.replace("-", "").isalpha() and len(p) >= 2 for p in parts
        ):
            return False
        # first.last after a word that addresses someone, or opening a line: "@fleur.janssen"
        line_start = text.rfind("\n", 0, at) + 1
        if not text[line_start:at].strip(" \t>-*•"):
            return True
        return _word_before(text, at) in _MENTION_CUES

    def _user_handles(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """User names that read as a person's first.last: a handle of two or three words of
        letters joined by ".", "_" or "-" (digits may end a word; a profile's id of letters
        and digits may follow: "dorde-petrovic-68c114") after a user-name cue ("invalid user",
        "login=", "employee=", a profile path "/in/", "/u/", "/user/") or as an @-mention the
        other rules left. Each word has two letters or more, and none is a common word, a
        listed non-name or a word of system and service accounts ("www-data", "svc_backup",
        "@Safaricom_Care", "@support_team"). The whole handle is masked: it names the person."""
        out = []
        taken = [(a, b) for a, b, _ in found]
        cues = self.cues
        for m in _USER_HANDLE.finditer(text):
            start, end = m.span("h")
            if (
                m.group("cue") == "@"
                and start > 1
                and (text[start - 2].isalnum() or text[start - 2] in "._+-")
            ):
                continue  # an address's "@"
            if any(a < end and start < b for a, b in taken):
                continue
            if (
                m.group("cue").lower() == "/in/"
                and "linkedin." not in text[max(0, start - 40) : start]
            ):
                continue  # "/in/" is a profile on that site, a country or language elsewhere
            if m.group("cue") == "@" and _brand_handle(m.group("h")):
                continue  # "@DB_Bahn": an acronym beside a word, a brand's account
            if m.group("cue") == "@" and _word_before(text, start - 1) in _TEAM_WORDS:
                continue  # "Team @tidal_fox88": a team's handle
            words = re.split(r"[._-]", _low(m.group("h")))
            if (
                m.group("cue").startswith("/")
                and len(words) > 2
                and _PROFILE_ID.fullmatch(words[-1])
            ):
                words.pop()  # "…/in/dorde-petrovic-68c114/": the site's id after the name
            parts = [w.rstrip("0123456789") for w in words]
            if not 2 <= len(parts) <= 3 or not all(len(p) >= 2 and p.isalpha() for p in parts):
                continue
            if any(
                p in _SYSTEM_WORDS
                or p in cues.not_names
                or p in cues.connectors
                or (p in cues.common and p not in self._any_names)  # "bello", "rose": names too
                for p in parts
            ):
                continue
            out.append((start, end, " ".join(parts)))
            taken.append((start, end))
        if "/" in text:
            out.extend(self._profile_words(text, taken))
        return out

    def _profile_words(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """A profile path's one word that is a first name of the lists ("…/u/tibor",
        "/users/Milena/"), none of the common words, listed non-names or account words
        ("/u/settings", "/users/admin", "/profile/rose" stay: a page, an account, a word)."""
        out = []
        cues = self.cues
        for m in _PROFILE_WORD.finditer(text):
            start, end = m.span(1)
            low = _low(m.group(1))
            if (
                (low not in cues.gazetteer and low not in cues.gazetteer_paired)
                or low in _SYSTEM_WORDS
                or low in _PAGE_WORDS
                or low in cues.not_names
                or low in cues.common
            ):
                continue
            if any(a < end and start < b for a, b in taken):
                continue
            out.append((start, end, low))
        return out

    def _addressed(self, text: str, at: int, handle: str) -> bool:
        """A handle of one word that reads as a given name ("@Żaneta", "@小明": capitalised, or
        letters of a script without case) opening its line or after a word that addresses
        someone, and no listed non-name or common word ("@Support", "@Everyone")."""
        if _VALUE_WORDS.fullmatch(handle) is None or "." in handle:
            return False
        if handle.islower() or (handle.isupper() and len(handle) > 1):
            return False  # "@bot", "@QA": a name typed so is read only by the lists
        low = _low(handle)
        if low in self.cues.not_names or low in self.cues.common or low in self.cues.connectors:
            return False
        line_start = text.rfind("\n", 0, at) + 1
        if text[line_start:at].strip(" \t>-*•"):
            # after a word that addresses someone, or asked something ("@Iolo could you …")
            return (
                _word_before(text, at) in _MENTION_CUES
                or _MENTION_REQUEST.match(text, at + 1 + len(handle)) is not None
            )
        return True

    def _place(self, text: str, start: int, end: int, n_words: int) -> bool:
        """A guess of the lists stands where a place does: one word after "in", "from",
        "nach" (``_PLACE_BEFORE``), before "store", "branch", "airport" (``_PLACE_AFTER``), or
        with a Turkish locative or ablative suffix ("Adelaide'dayım"); one or more words after
        "in", "near" (``_PLACE_BEFORE_MANY``: "the store in Beverly Hills") or after "to" that
        ends a journey or a delivery (``_PLACE_TO``: "shipping to Sofia", "moving to Beverly
        Hills"), unless a possessive follows ("in Ana Lima's name")."""
        if n_words == 1:
            if _TR_PLACE.match(text, end) is not None:
                return True
            nxt = _next_word(text, end)
            if nxt is not None and nxt in _PLACE_AFTER:
                return True
        i = start
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i == start or i < 2:
            return False
        found = _word_before_at(text, start)
        if found is None or _after_apostrophe(text, found[1]):
            return False
        if found[0] == "to":
            return _word_before(text, found[1]) in _PLACE_TO and not _possessive(text, end)
        if found[0] == "at":  # "office at Beverly Hills", "pick it up at Charlotte"
            return _word_before(text, found[1]) not in _AT_PERSON and not _possessive(text, end)
        if n_words > 1:  # "from" and "aus" do not count here: "a message from Ana Lima"
            return found[0] in _PLACE_BEFORE_MANY and not _possessive(text, end)
        return found[0] in _PLACE_BEFORE

    def _key(self, word: str) -> tuple[str, str]:
        """The form of ``word`` the name lists hold, and the case ending taken off to find it
        ("" when none): the folded word itself; for Greek and Cyrillic letters its
        transliteration (as ``gazetteer.written`` writes the lists' names); else its
        nominative by a regular case ending of the Slavic languages, Greek or Hungarian
        ("Kowalskiego" → "kowalski", "Ивановой" → "ivanova", "Σοφίας" → "sofia",
        "Némethnek" → "németh") or a German genitive "s" ("Florians" → "florian")."""
        low = _low(word)
        if low in self._any_names:
            return low, ""
        hit = self._keys.get(low)
        if hit is not None:
            return hit
        native = _native(low)
        plain = _translit(low) if native else low
        found: tuple[str, str] = (plain, "")
        # A Greek or Cyrillic word whose transliteration is no given name of the lists may
        # be one's case form ("Ірині" reads as Greek "Irini" but is Ukrainian "Ірина").
        unknown = plain not in (self._first_names if native else self._any_names)
        if unknown and low not in self.cues.common:
            for ending, stem in _stems(low, native):
                key = _translit(stem) if native else stem
                shortest = 5 if len(ending) == 1 else 4  # "Marka": no "mark" by one letter
                if len(key) >= shortest and key in self._any_names and key not in self.cues.common:
                    found = (key, ending)
                    break
            else:
                # "Florians", "Johannas": a German genitive of a first name
                if not native and len(low) > 4 and low[-1] == "s" and low[:-1] in self._first_names:
                    found = (low[:-1], "s")
        if len(self._keys) >= _MEMO:
            self._keys.clear()
        self._keys[low] = found
        return found

    def _surname(self, text: str, word: tuple[int, int], low: str) -> bool:
        """A surname of the lists, written capitalised (not an acronym: "SIREN"), of four
        letters or more (shorter ones are too often words somewhere: "Bir", "Lee")."""
        w = text[word[0] : word[1]]
        return (
            len(low) >= 4 and low in self._surnames and not w.isupper() and self._given(text, word)
        )

    def _given(self, text: str, word: tuple[int, int]) -> bool:
        """The word may be a given name beside a surname: capitalised, not in capitals, and no
        common word, cue word or listed non-name."""
        w = text[word[0] : word[1]]
        if w.isupper() or word[1] - word[0] < 2:
            return False
        low = _low(w)
        cues = self.cues
        return not (
            low in cues.common
            or low in cues.not_names
            or low in cues.not_alone
            or low in self._not_given
        )

    def _may_be_named(self, text: str, start: int, end: int) -> bool:
        """What ``_cued`` needs to find a name in the run, checked cheaply first: a cue's last
        word before the run or inside it, a title in or after it, a ``cues_after`` word after
        it, or a dash before it. False means ``_cued`` finds nothing."""
        by_last = self._by_last
        if _word_before(text, start) in by_last:
            return True
        near = text[max(0, start - 4) : start]
        if _DASHES.intersection(near):
            return True
        run = text[start:end]
        if (" " in run or "\t" in run) and self._cue_inside(run):
            return True
        after = _next_word(text, end)
        if after is None:
            return self._in_brackets_after(text, end)
        return after in self._titles or after in self._after or after in self._after_phrases

    def _in_brackets_after(self, text: str, end: int) -> bool:
        """A ``cues_after`` word in brackets follows the run: a relative given as a contact
        ("call Kalani (wife) on +1 808 …", "Otieno (brother), 0722 …")."""
        if not self._bracketed or text[end : end + 2] != " (":
            return False
        close = text.find(")", end + 2, end + 20)
        return close > 0 and text[end + 2 : close].lower() in self._bracketed

    def _cue_inside(self, run: str) -> bool:
        """A word of the run of several words is a title or ends with a cue's last word; kept
        per run, as it depends on the run alone ("If I", "Can I", "The Pro" repeat)."""
        hit = self._inside.get(run) if self.shortcuts else None
        if hit is None:
            by_last = self._by_last
            hit = False
            for token in run.split():
                low = token.lower() if token.isascii() else fold(token)
                if low in self._titles or _tail_letters(low) in by_last:
                    hit = True
                    break
            if len(self._inside) >= _MEMO:
                self._inside.clear()
            self._inside[run] = hit
        return hit

    def _cue_before(self, text: str, at: int) -> str | None:
        """The cue that ends right before ``at`` (spaces and one separator between), if any."""
        if at > 0 and text[at - 1] == "\u02bb":
            at -= 1  # "my husband ʻOfa": the run starts at the capital after the glottal stop
        # The word before: most capitalised words follow no cue word at all.
        word = _word_before(text, at)
        cues = self._by_last.get(word) if word is not None else None
        if cues is None:
            return None
        lo = at - self._longest - 4
        cut = lo > 0  # the window does not start at the text's start
        # Quotes left out: a JSON field's name is a cue like a form's ("family": "Đỗ").
        window = fold(text[max(0, lo) : at]).replace('"', "")
        pre = window.rstrip()
        stripped = pre.rstrip(_SEPARATORS).rstrip()
        for candidate in (pre, stripped) if stripped != pre else (pre,):
            if self.shortcuts and not candidate.endswith(cues):  # one call rules out most
                continue
            for cue in cues:
                if candidate.endswith(cue):
                    k = len(candidate) - len(cue)
                    if k > 0 and (candidate[k - 1].isalnum() or candidate[k - 1] == "_"):
                        continue  # the end of a longer word
                    if cue.endswith(":") and candidate[:k].endswith(_HEADER_HEADS):
                        continue  # "User-Agent: Kestrel Buds 2": a header naming software
                    if k == 0 and cut:
                        continue
                    gap = window[len(candidate) :]
                    if cue in self._open and "," in gap and "\n" in gap:
                        continue  # "Bonjour Madame, Monsieur,\nAuftragsnummer …": it ended
                    return cue
        return None

    def _cued(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        run = text[start:end]
        words = self._words(text, start, end) if " " in run or "\t" in run else [(start, end)]
        # A title that follows the name ("Ayşe Hanım") ends the name and cues its last word.
        titled = False
        while len(words) > 1 and fold(text[words[-1][0] : words[-1][1]]) in self._titles:
            words.pop()
            titled = True
        after = None if titled else _next_word(text, words[-1][1])
        titled = titled or (after is not None and after in self._titles)
        for k in range(len(words)):
            # A cue may be inside the run ("Hi Ayşe", "Herr Müller" at a sentence start).
            cue = self._cue_before(text, words[k][0])
            if cue is None and k == 0 and _DASHES.intersection(text[max(0, start - 4) : start]):
                # "Obrigado! — Yevgeniya": a dash signing off, closing like a cue.
                cue = "—" if _dash_before(text, start) else None
            if cue is None:
                continue
            name = self._trim(text, words[k:])
            if name is None:
                continue
            a, b = name
            if cue not in self._open and not titled and not self._closes(text, b):
                return None
            if cue in self._open and b == words[k][1]:
                b = self._inverted(text, b)
            return a, b, " ".join(fold(text[a:b]).split())
        if titled:
            name = self._trim(text, words[-1:])
            if name is not None:
                a, b = name
                return a, b, fold(text[a:b])
        last = words[-1][1]
        if (
            (
                (after is not None and (after in self._after or self._phrase_after(text, last)))
                or (after is None and not titled and self._in_brackets_after(text, last))
            )
            and _last_word(text[max(0, start - 12) : start]) not in _FROM
            and not _owned_thing(text, start, end)
        ):  # "Anna Nowak here", but not "… from Kyiv here" nor "Mon Kindle est arrivé"
            # A sentence's first word is no part of the name: "Sizi Tomáš ile bağlıyorum".
            while len(words) > 1 and self._opener(text[words[0][0] : words[0][1]]):
                words = words[1:]
            name = self._trim(text, words)
            if name is not None:
                a, b = name
                return a, b, " ".join(fold(text[a:b]).split())
        return None

    def _opener(self, word: str) -> bool:
        """A capitalised word that is never a name's first word (a listed non-name: "Sizi", or
        an English auxiliary opening a question: "Can Faisal Javed pick it up?"). Common words
        are no guide here: the word lists of some languages hold names."""
        low = _low(word)
        return low in self.cues.not_names or low in _AUXILIARIES

    def _inverted(self, text: str, end: int) -> int:
        """Where a surname written first ends with its given name: "Account holder: Park,
        Do-hyun", "Sepulveda, Ignacio - +57 …" (one word after the comma, then the line, the
        sentence or the field ends)."""
        m = self._inverted_re.match(text, end)
        if m is None or _low(m.group(1)) in self.cues.not_names:
            return end
        return m.end(1)

    def _trim(self, text: str, words: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The name in ``words``: at most ``max_words``, not opening with a known non-name
        (later words may be anything capitalised: "Nguyễn Văn An"), no job title or team
        (``_unroled``)."""
        if self._roles or self._teams:
            words = self._unroled(text, words)
        words = words[: self.cues.max_words]
        if not words:
            return None
        a, b = words[0]
        if b - a < 2 or fold(text[a:b]) in self.cues.not_names:
            return None
        if _asks(text, a, b) or _has(text, a, b):
            return None  # "AGENT: Can I take your name?", "Nina shida na …": no name
        if (self._street_words or self._street_ends) and self._street(text, words):
            return None  # "Baker Street", "Rua Augusta", "Rue Victor Hugo": a street
        if self.cues.companies and self._company(text, words):
            return None  # "Johnson Controls", "Siemens Energy", "Müller GmbH": a company
        if self._phrases and self._phrase_words([_low(text[x:y]) for x, y in words]):
            return None  # a listed phrase of several words: "Leroy Merlin"
        return a, words[-1][1]

    def _unroled(self, text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``words`` without a job title, team or form of address (the policy's ``roles`` and
        ``teams``): a phrase that ends in a title names a role, not a person ("Field
        Engineer", "Data Protection Officer"), and one with a team word anywhere names a unit
        ("Returns Desk", "Team Orion"), unless a known first name opens it ("Victoria
        Manager" → "Victoria"); the words after a title are the name it precedes ("Store
        Manager Ana Lima" → "Ana Lima"), unless they open with a common word and hold no known
        name ("Directeur Commercial"). A word joined to a number by a hyphen is a level or a
        model, not a name ("Tier-2", "Level-3")."""
        if not words:
            return words
        end = words[-1][1]
        if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
            return []
        first = last = -1
        team = False
        for k, (a, b) in enumerate(words):
            low = _low(text[a:b])
            if text[b : b + 3] in ("'am", "’am"):
                low += text[b : b + 3]  # "Ma'am": the word pattern stops at the apostrophe
            if low in self._teams:
                team = True
            elif low not in self._roles:
                continue
            last = k
            if first < 0:
                first = k
        if last < 0:
            return words
        if not team and last + 1 < len(words):
            rest = words[last + 1 :]
            lows = [_low(text[a:b]) for a, b in rest]
            if any(self._key(w)[0] in self._any_names for w in lows):
                return rest
            if lows[0] in self.cues.common or self._complement(text, words[last], rest, lows):
                return []  # "Directeur Commercial", "Jefe de Almacén": a title's own words
            return rest
        opener = _low(text[words[0][0] : words[0][1]])
        if first > 0 and (
            opener in self._first_names or opener in self._paired or opener in self.cues.not_alone
        ):
            return words[:first]
        return []

    def _complement(
        self, text: str, title: tuple[int, int], rest: list[tuple[int, int]], lows: list[str]
    ) -> bool:
        """The words after a job title (none a known name) complete the title rather than name
        a person: one word ("Kierownik Zmiany", "Responsable Facturation"), words after a
        particle ("Jefe de Almacén", "Directeur des Ventes") or with a team word ("Responsable
        Service Client"). Not after a form of address, an abbreviation or a title in
        capitals: those precede a surname ("Sra. Muñoz", "Insp. Okafor", "CEO Lindqvist")."""
        word = text[title[0] : title[1]]
        if _low(word) in _ADDRESS or word.isupper() or text[title[1] : title[1] + 1] == ".":
            return False
        between = text[title[1] : rest[0][0]].split()
        if between or any(w in self._teams for w in lows):
            return True
        # An English title precedes the person it names ("Agent Merve was helpful"); those of
        # the other languages are followed by their own words.
        return len(rest) == 1 and _low(word) not in self.cues.leading_roles

    def street_after(self, text: str, end: int) -> bool:
        """The word right after ``text[:end]`` (spaces between) is a street-type word of the
        policy ("Nelson Mandela Drive", "Thabo Mbeki Street"): the word before it is part of a
        street's name. A person's name before such a word ("call Anna Street") reads so too."""
        m = _NEXT_WORD.match(text, end)
        return m is not None and _low(m.group(1)).rstrip(".") in self._street_words

    def _street(self, text: str, words: list[tuple[int, int]]) -> bool:
        """A word of the run, or the one right before it, is a street-type word of the policy
        ("Baker Street", "Rua Augusta", "Istiklal Caddesi", "Calle de Alcalá") or ends like
        one ("Karl-Marx-Allee", "Rembrandtplein"): the run names a street, not a person. A
        person with such a surname ("Picabo Street") is then missed."""
        lows = [_low(text[a:b]) for a, b in words]
        at = words[0][0]
        if at > 1 and text[at - 1] in " \t":  # the word before, a particle or two between
            before = text[max(0, at - 32) : at].split()
            while before and len(before) > 1 and before[-1] in PARTICLES:
                before.pop()
            word = _tail_letters(before[-1].rstrip(".")) if before else ""
            if word[:1].isupper():
                lows.append(_low(word))
            elif (
                word[:1].islower()
                and word in self._street_words
                and word not in _VERB_STREETS
                and (
                    _NUMBERED.match(text, words[-1][1]) is not None
                    or (
                        len(before) > 1
                        and word != "via"  # "paid 12 via Giuseppe": English "via"
                        and (
                            _HOUSE_BEFORE.fullmatch(before[-2]) is not None
                            or before[-2].lower() in _STREET_AFTER
                        )
                    )
                )
            ):
                # "ulica Mikołaja Kopernika 9}", "12 rue Victor Hugo", "filmed on ulica Marii
                # Curie", "na ulicy Marii Konopnickiej"
                return True
            if before and fold(before[-1]) in self._street_abbrevs:
                return True  # "ul. Marii Skłodowskiej-Curie", "Al. Jana Pawła II"
        ends = self._street_ends
        return any(
            w in self._street_words or (ends and w.endswith(ends) and len(w) > 6) for w in lows
        )

    def _company(self, text: str, words: list[tuple[int, int]]) -> bool:
        """The run's last word, or the word right after it, is an industry word or a legal
        form of the policy's ``companies`` ("Johnson Controls", "Siemens Energy", "Novak
        Logistics", "Weber GmbH"): a company named after a person, not the person. Only the
        run's own first word is spared when it is alone ("Controls" needs a word before it).
        A person whose surname is such a word ("Anna Holdings") is then missed."""
        companies = self.cues.companies
        end = words[-1][1]
        if len(words) > 1 and _company_word(text[words[-1][0] : end], companies):
            return True
        m = _NEXT.match(text, end) if text[end : end + 1] in (" ", "\t") else None
        return m is not None and _company_word(m.group(1), companies)

    def _branded(self, text: str, start: int, end: int) -> bool:
        """The name found at ``text[start:end]`` lies inside a listed brand or company that
        holds a name ("Ben & Jerry's", "Johnnie Walker", "Toyota Sienna"), or starts inside one
        and runs on past its end (the last "Johnson Press" of "Johnson & Johnson Press"): no
        person. A person whose name is such a brand ("Wendy's order") is then missed, and so is
        one written right after a brand and read as one run with it."""
        keys = _LETTERS.findall(fold(text[start:end]))
        before = _word_before(text, start)
        if before is not None:
            keys.append(before)
        lo, hi = max(0, start - 48), end + 48
        for key in keys:
            for pattern in self._brands.get(key, ()):
                for m in pattern.finditer(text, lo, hi):
                    if m.start() <= start < m.end():
                        return True
        return False

    def _phrase_words(self, lows: list[str]) -> int:
        """How many of these folded words a ``not_names`` phrase of several words opens
        ("leroy merlin"), 0 when none does."""
        for phrase in self._phrases.get(lows[0], ()) if lows else ():
            n = phrase.count(" ") + 1
            if " ".join(lows[:n]) == phrase:
                return n
        return 0

    def _closes(self, text: str, end: int) -> bool:
        rest = text[end : end + 1]
        if not rest or rest in _CLOSERS:  # also a suffix after an apostrophe: "ben Ayşe'yim"
            return True
        if _SYMBOL_AFTER.match(text, end) is not None:
            return True  # "Good morning Ana 👋 How can I help?": an emoji ends the greeting
        nxt = _next_word(text, end)
        if nxt is None:
            # "ben Oguz – I was charged": a dash between spaces ends the phrase, and so does
            # French spaced punctuation ("Rapport pour Ana Lima : …")
            return (
                _SPACED_DASH.match(text, end) is not None
                or _SPACED_FRENCH.match(text, end) is not None
                or _SPACED_KHAN.match(text, end) is not None
            )
        if _NOCASE_ANY.match(nxt) is not None:
            return True  # "wo jiao Zhou Wei 被扣了两次钱": the text goes on in another script
        return nxt in self.cues.connectors or nxt in self._after or self._phrase_after(text, end)

    def _phrase_after(self, text: str, end: int) -> bool:
        """A ``cues_after`` phrase of several words follows ("c'est Anatole à l'appareil")."""
        nxt = _next_word(text, end) if self._after_phrases else None
        if nxt is None or nxt not in self._after_phrases:
            return False
        rest = " ".join(fold(text[end : end + 40]).split())
        for phrase in self._after_phrases[nxt]:
            if rest.startswith(phrase) and not rest[len(phrase) : len(phrase) + 1].isalnum():
                return True
        return False

    def _said_after(self, text: str, end: int) -> bool:
        """A ``cues_after`` word or phrase follows a lower-case given name opening a sentence
        ("megan told me …", "emma from our returns team will …")."""
        nxt = _next_word(text, end)
        return nxt is not None and (nxt in self._after or self._phrase_after(text, end))

    def _by_last_words(self) -> frozenset[str]:
        return frozenset(w for cue in self._all for w in _LETTERS.findall(cue))

    def _lower_unknown(
        self, text: str, found: list[tuple[int, int, str]], hits: Iterable[str]
    ) -> list[tuple[int, int, str]]:
        """Names in lower case the lists lack right after a cue ("my colleague rahul verma.",
        "your agent ainhoa said …", "I'm booking for musa lawal, …"), looked for only after
        the cue words ``hits`` the text holds: one to three words, none a word of the
        languages, a listed non-name, a cue word, a job title or a team, taken only when the
        phrase ends right after them (punctuation, a line end) or a connector or a verb of
        saying follows. A lower-case phrase that goes on ("my husband made the booking") is
        no name, nor a URI's scheme ("contact: mailto:…")."""
        out: list[tuple[int, int, str]] = []
        blocked, by_last = self._lower_blocked, self._by_last
        stop = (blocked, by_last, self._roles, self._teams)
        for word in hits:
            i = text.find(word)
            while i >= 0:
                j = i + len(word)
                at = i
                i = text.find(word, j)
                if (at > 0 and text[at - 1].isalnum()) or text[j : j + 1].isalnum():
                    continue
                m = _LOWER_TOKEN.match(text, _LOWER_GAP.match(text, j).end())  # type: ignore[union-attr]
                if m is None:
                    continue
                low = self._lower_word(m.group())
                if low is None or text[m.end() : m.end() + 1] in (":", "@"):
                    continue
                a = m.start()
                if any(s <= a < e for s, e, _ in found) or any(s <= a < e for s, e, _ in out):
                    continue
                cue = self._cue_before(text, a)
                if cue is None or cue not in self._open or cue in self.cues.capitalised_cues:
                    continue
                end, words = m.end(), 1
                while words < 3:
                    nxt = _LOWER_NEXT.match(text, end)
                    if nxt is None:
                        break
                    w = fold(nxt.group(1))
                    if (
                        any(w in b for b in stop)
                        or w in self._after
                        or w in self._after_phrases
                        or self._role_form(w)
                    ):
                        break
                    end, words = nxt.end(), words + 1
                if (
                    _PHRASE_END.match(text, end) is not None
                    or _SYMBOL_AFTER.match(text, end) is not None  # "Spouse shirin ✔"
                    or self._said_after(text, end)
                    or _next_word(text, end) in self.cues.connectors
                ):
                    out.append((a, end, " ".join(fold(text[a:end]).split())))
        return out

    def _lower_word(self, word: str) -> str | None:
        """``word`` folded when it may be a name in lower case after a cue (``_lower_unknown``):
        in lower case, in Latin letters (the common-word lists cover no Greek or Cyrillic),
        two letters or more, and no word of the languages, listed non-name, cue word, job
        title or team, nor one's case form ("przełączam do konsultanta"); else None. Kept
        per word: "is", "to" and "on" are followed by the same few words again and again."""
        hit = self._lower_words.get(word, _MISS) if self.shortcuts else _MISS
        if hit is not _MISS:
            return hit  # type: ignore[return-value]
        low: str | None = None
        if word.islower() and _latin(word):
            low = fold(word)
            stop = (self._lower_blocked, self._by_last, self._roles, self._teams)
            if self._role_form(low) or len(low) < 2 or any(low in b for b in stop):
                low = None
        if len(self._lower_words) >= _MEMO:
            self._lower_words.clear()
        self._lower_words[word] = low
        return low

    def _role_form(self, low: str) -> bool:
        """A job title or team with a case ending of one or two letters ("konsultanta",
        "specjalisty", "kundendienstes"): no name after a hand-over cue."""
        stems = self._role_stems
        return len(low) > 5 and (low[:-1] in stems or low[:-2] in stems)

    def _lower_spoken(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """A caller's name in a voice-to-text transcript, all in lower case ("hello it's loic
        lefevre i'm calling about …", "hi um this is pham thi huong so the thing is …"): two
        or three words after "this is", "it's" or "my name is" that are no word of the
        languages, listed non-name, job title or team, when a new clause follows ("i", "i'm",
        "so", "um", "calling", a connector) or the phrase ends. Read only in a text opening
        in lower case. Wrong for two rare words the lists lack ("this is kinda meh so …")."""
        out: list[tuple[int, int, str]] = []
        stop = (self._lower_blocked, self._by_last, self._roles, self._teams)
        for m in _SPOKEN_CUE.finditer(text):
            end, words = m.end(), 0
            a = -1
            while words < 3:
                nxt = _LOWER_NEXT.match(text, end)
                if nxt is None:
                    break
                w = fold(nxt.group(1))
                if len(w) < 2 or any(w in b for b in stop) or w in _SPOKEN_NEXT:
                    break
                if a < 0:
                    a = nxt.start(1)
                end, words = nxt.end(), words + 1
            if words < 2 or any(s <= a and end <= e for s, e, _ in (*found, *out)):
                continue  # found already; a shorter find ("grzegorz" by its cue) is outgrown
            after = _LOWER_NEXT.match(text, end)
            nxt_word = fold(after.group(1)) if after is not None else ""
            if (
                nxt_word in _SPOKEN_NEXT
                or nxt_word in self.cues.connectors
                or _PHRASE_END.match(text, end) is not None
            ):
                out.append((a, end, " ".join(fold(text[a:end]).split())))
        return out

    def _lower_cued(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Names typed in lower case right after a cue ("my flatmate björn", "ich bin golnaz
        sadeghi -"), or without one opening a sentence when a known surname follows the given
        name ("chloé girard said …"): the first word a known given name, then more words while
        each is a known name, a particle before one, or (after a cue) one last word the phrase
        ends after."""
        out: list[tuple[int, int, str]] = []
        for m in _LOWER_TOKEN.finditer(text):
            if m.group() not in self._lower_first or m.group() in self._after:
                continue  # "my mum said hi": a verb of saying, though "Said" is a name
            a = m.start()
            if any(s <= a < e for s, e, _ in found):
                continue
            cue = self._cue_before(text, a)
            if cue in self.cues.capitalised_cues:
                continue  # such a cue takes a capitalised name only ("Tha mo phiuthar ann")
            cued = cue is not None
            if not cued:
                if text[:a].rstrip(" \t\"'“")[-1:] not in ("", "\n", ".", "!", "?"):
                    continue  # no cue, and not opening a sentence ("…, ada yang bisa")
                nxt = _LOWER_NEXT.match(text, m.end())
                low = fold(nxt.group(1)) if nxt is not None else ""
                if (
                    len(low) < 4 or low not in self._surnames or low in self._lower_blocked
                ) and not self._said_after(text, m.end()):
                    continue  # no cue, no surname of the lists and no verb of saying after it
            end, words = m.end(), 1
            while words < self.cues.max_words:
                nxt = _LOWER_NEXT.match(text, end)
                if nxt is None:
                    break
                low = fold(nxt.group(1))
                if low in PARTICLES:
                    after = _LOWER_NEXT.match(text, nxt.end())
                    if after is None or fold(after.group(1)) in self._lower_blocked:
                        break
                    end, words = after.end(), words + 2
                elif low in self._lower_blocked or low in self._after or low in self._by_last:
                    break  # "noah edwards said …": a word after a name, though "Said" is one
                elif low in self._any_names or (
                    "-" in low and all(p in self._any_names for p in low.split("-"))
                ):  # "müller-lüdenscheidt": a double name of known ones
                    end, words = nxt.end(), words + 1
                else:
                    if cued and _PHRASE_END.match(text, nxt.end()) is not None:
                        end = nxt.end()  # "ich bin golnaz sadeghi - …": the phrase ends
                    break
            if cue is not None and cue not in self._open and _PHRASE_END.match(text, end) is None:
                continue  # "saya ada mesej": a closing cue whose phrase goes on names no one
            out.append((a, end, " ".join(fold(text[a:end]).split())))
        return out

    # -- scripts without capitals ----------------------------------------------------------------

    def _uncased(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Names in scripts without capitals after or before a cue of those scripts ("我叫王伟",
        "田中美咲と申します", "저는 김민준입니다", "اسمي أحمد", "ผมชื่อ ณัฐพล ครับ"). No
        capital marks where such a name starts or ends: a name written without spaces (Chinese,
        Japanese, Korean) must open with a known family name and ends where the characters
        do, at a title or particle after it, or after a family name and two characters; in
        the other scripts it is one word, or two when the second is a known name or the
        phrase ends after it (punctuation, a closing word such as "است" or "ครับ", another
        script)."""
        assert self._native_re is not None
        out: list[tuple[int, int, str]] = []
        taken = [(a, b) for a, b, _ in found]
        for m in self._native_re.finditer(text):
            a, b = m.span()
            kind = self._native_cues.get(" ".join(m.group().split()))
            if kind in ("open", "closing"):
                if a > 0 and _script(text[a]) not in _GLUED and _in_word(text[a - 1]):
                    continue  # the end of a longer word
                if b < len(text) and _in_word(text[b]) and _script(text[b - 1]) in _WHOLE_CUES:
                    continue  # the start of a longer word: "ܫܡܝ" ("my name") in "ܫܡܝܪܡ"
                span = self._after_native_cue(text, b, kind, self._staff_cue(m.group()))
                if span is not None and m.group() in _I_AM and not self._i_am_named(text, b, span):
                    continue  # "म ठीक छु", "હું આજે ઘરે છું": "I am fine", "I am home today"
                if span is not None and not self._lao_cued(text, a, m.group(), span):
                    continue  # "ຂອງຂ້ອຍຖືກລັອກ": "my … got locked", no name
                if kind == "closing" and span is not None and self._before_code(text, span):
                    continue  # "የቐንየልና፣ ሕቶኹም ብቑጽሪ MV-1 …": "thanks, your request number …"
                again = self._native_re.match(text, span[0]) if span is not None else None
                if again is not None and span is not None and again.end() >= span[1]:
                    continue  # "नमस्ते, मेरा नाम …": the words after the greeting, a cue too
            elif m.group() in _KO_SPACED_COPULAS:
                span = self._ko_introduced(text, a)
            else:
                span = self._before_native_cue(text, a, kind == "title")
                if span is None and kind == "title" and (a == 0 or text[a - 1] in "\r\n"):
                    span = self._after_native_cue(text, b, "open")  # "您好，赵伟：" opening a line
                if span is None and m.group() in _HAN_GREETINGS:
                    span = self._han_greeted(text, a, b)
            if span is None or any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
        for m in _NOCASE_RUN.finditer(text):  # after a cue in Latin letters: "Hi 小明,"
            s = m.start()
            if m.group() in self._native_cues:
                continue  # "Thanks!\n谢谢！": a cue of that script itself
            cue = self._cue_before(text, s) if text[s].isalpha() else None
            if cue is None and text[s].isalpha() and self.cues.script_cues:
                word = _word_before(text, s)
                if word is not None and word in self.cues.script_cues:
                    cue = word  # "Customer ليلى المنصوري requests …": an opening cue
            if cue is None or _NOCASE_ANY.match(cue) is not None:
                span = self._before_cue_after(text, m.start(), m.end())
                if span is not None and not any(a < span[1] and span[0] < b for a, b in taken):
                    taken.append(span)
                    out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
                continue
            script = _script(text[s])
            if script in ("han", "hangul", "kana"):
                e = _script_end(text, s, script)
                span = (s, e) if 2 <= e - s <= 4 else None
            else:
                span = self._native_words(
                    text,
                    s,
                    "open" if cue in self._open or cue in self.cues.script_cues else "closing",
                    script,
                    self._staff_cue(cue),
                )
            if span is None or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            out.append((*span, " ".join(fold(text[span[0] : span[1]]).split())))
        return out

    def _cjk_framed(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Chinese, Japanese and Korean names that a frame in Latin letters places, where the
        cue rules want two characters or more: an airline's ``FAMILY/GIVEN`` with a title
        after it ("簡/俊豪 MRS"), a title before one family-name character ("Dear Ms 李"),
        the label of a ``tel:`` link ("<a href="tel:…">call 美珍</a>"), one to three
        characters signing a message in Latin letters after a dash ("… +86 131 2385 0723 —
        峰"), one character alone as a form field's value after a cue ("Given name(s): 东");
        and the other places in the text of a name so found or found before, where no
        letter of its script touches it ("Welcome back, 桂兰! … Sorry about that, 桂兰.")."""
        out: list[tuple[int, int, str]] = []
        taken = [(a, b) for a, b, _ in found]
        family = self.cues.family

        def put(a: int, b: int) -> None:
            if b > a and not any(x < b and a < y for x, y in taken):
                taken.append((a, b))
                out.append((a, b, text[a:b]))

        def plain(word: str) -> bool:
            return not self._known_han(word) and fold(word) not in self._native_cues

        if "/" in text:
            for m in _CJK_TICKET.finditer(text):
                head, given = m.group(1), m.group(2)
                if _script(head[0]) != _script(given[0]) or self._family(head, 0, len(head)) != len(
                    head
                ):
                    continue
                put(*m.span(1))
                put(*m.span(2))
        for m in _CJK_TITLED.finditer(text):
            if m.group(2) in family:
                put(*m.span(2))
        if "tel:" in text:
            for m in _TEL_LABEL.finditer(text):
                a, b = m.span(2)
                if (_script(text[a]) == "hangul" or b - a <= 4) and plain(m.group(2)):
                    put(a, b)
        signed = _CJK_DASH_SIGNED.search(text)
        if (
            signed is not None
            and _CJK_LETTER.match(text, signed.start() - 1) is None
            and plain(signed.group(1))
        ):
            put(*signed.span(1))
        if ":" in text:
            for m in _CJK_FIELD_ONE.finditer(text):
                line = text.rfind("\n", 0, m.start()) + 1
                label = fold(text[line : m.start()]).replace("(s)", "").strip() + ":"
                cued = label in self._field_cues or self._cue_before(text, m.start(1)) is not None
                if cued and plain(m.group(1)):
                    put(*m.span(1))
        if "@" in text:
            for m in _CJK_MENTION.finditer(text):
                if plain(m.group(1)):
                    put(*m.span(1))
        if ":" in text:
            for m in _CJK_SPEAKER.finditer(text):
                if plain(m.group(1)):
                    put(*m.span(1))
        if "(" in text:
            ends = {b for _, b, _ in found}
            for m in _PAREN_ALIAS.finditer(text):
                alias = m.group(1)
                if m.start() in ends and _CJK_RUN.fullmatch(alias) is not None and plain(alias):
                    put(*m.span(1))  # "the form says "ოლღა ლატარია" (not 京助)"
            starts = {a for a, _, _ in found}
            for m in _CJK_QUOTED_ALIASED.finditer(text):
                if m.end() in starts and plain(m.group(1)):
                    put(*m.span(1))  # 'the form says "杨丹" (not Rhianne)'
        seen: set[str] = set()
        for a, b, value in (*found, *out):
            name = text[a:b]
            if name in seen or len(name) < 2 or _CJK_WORD.fullmatch(name) is None:
                continue
            seen.add(name)
            for r in re.finditer(re.escape(name), text):
                x, y = r.span()
                touched = x > 0 and _CJK_LETTER.match(text, x - 1) is not None
                if touched or _CJK_LETTER.match(text, y) is not None:
                    continue  # inside a longer run: another word ("明华路")
                if not any(s < y and x < e for s, e in taken):
                    taken.append((x, y))
                    out.append((x, y, value))
        return out

    def _before_cue_after(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A name in a script without capitals right before a ``cues_after`` word in other
        letters ("建国 gave a new address", "عمر сказал"): the run of such letters, and the
        word before it too when one space of the same script parts them ("نور خليل сказал");
        Chinese, Japanese and Korean runs of two to four characters only."""
        nxt = _next_word(text, end)
        if nxt is None or _NOCASE_ANY.match(nxt) is not None:
            return None
        if nxt not in self._after and not self._phrase_after(text, end):
            return None
        script = _script(text[start])
        if not text[start].isalpha() or _script(text[end - 1]) != script:
            return None
        if script in ("han", "hangul", "kana"):
            return (start, end) if 2 <= end - start <= 4 else None
        a = start
        if (
            a > 1
            and text[a - 1] == " "
            and _uncased(text[a - 2])
            and _script(text[a - 2]) == script
        ):
            a = _uncased_word_start(text, a - 1)
            if fold(text[a : start - 1]) in self._native_cues:
                a = start  # a cue of that script before the name: the name is one word
        if a > 0 and _in_word(text[a - 1]):
            return None
        return a, end

    def _hyphenated(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Capitalised words right after a prefix the language joins to a name with a hyphen
        (a cue ending in "-": Zulu "ngingu-Zanele Zungu", "umyeni wami u-Sipho")."""
        assert self._hyphen_re is not None
        out: list[tuple[int, int, str]] = []
        for m in self._hyphen_re.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # the end of a longer word ("Jean-Luc", "nu-Sipho")
            end = m.end()
            words: list[tuple[int, int]] = []
            while len(words) < self.cues.max_words:
                w = self._word_re.match(text, end)
                if w is None:
                    break
                words.append(w.span())
                end = w.end()
                if not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()):
                    break
                end += 1
            name = self._trim(text, words)
            if name is None or any(a < name[1] and name[0] < b for a, b, _ in found):
                continue
            out.append((*name, " ".join(fold(text[name[0] : name[1]]).split())))
        return out

    def _i_am_named(self, text: str, at: int, span: tuple[int, int]) -> bool:
        """The words after "I" in Telugu, Malayalam, Gujarati or Nepali (``_I_AM``) are a
        name: the pronoun is a word of its own and the first word is a given or family name of
        the lists (``native_locales``, ``native_names``): "I am" goes on with a state or a
        place as often ("म ठीक छु": "I am fine"). Wrong way: a name the lists lack after
        "I" ("हुं ધ્રુવ શાહ છું") stays unmasked unless another rule finds it."""
        if at < len(text) and _in_word(text[at]):
            return False  # "मेरो": the pronoun opens a longer word
        first = fold(text[span[0] : _word_at(text, span[0])])
        return first in self.cues.native or (
            _script(first[:1] or " ") == "myanmar" and _my_name(first)
        )

    def _lao_cued(self, text: str, at: int, cue: str, span: tuple[int, int]) -> bool:
        """A Lao cue names the word after it: Lao writes a clause's words without spaces, so
        a cue is often the end of a longer word ("ຂອງຂ້ອຍ…", "of me"; "ຂອງທ່ານແມ່ນ", "yours
        is") and the run after it a clause. Only the cues that say a name follows ("…ຊື່",
        "my name is"; "ທ່ານ", "Mr", as a word of its own) take a word the lists lack; "I",
        a relative or a greeting takes a given or family name of the lists (``native_names``).
        Other scripts: always true. Wrong way: a Lao name the lists lack after "I" or "my
        sister" stays unmasked unless a rule of Latin letters or the lists finds it."""
        if _script(text[span[0]]) != "lao":
            return True
        if cue.endswith(_LO_NAMING) and (at == 0 or _script(text[at - 1]) != "lao"):
            return True
        return fold(text[span[0] : _word_at(text, span[0])]) in self.cues.native

    def _before_code(self, text: str, span: tuple[int, int]) -> bool:
        """The words a greeting or thanks precedes end right before a reference code
        ("MV-197695", "CASE-1"): they are the clause that names it ("your request number"), no
        name, unless the first is a given or family name of the lists. Wrong way: a name the
        lists lack signing right before a code ("ተመስገን AB-12") stays unmasked."""
        m = _CODE_AFTER.match(text, span[1])
        if m is None:
            return False
        return fold(text[span[0] : _word_at(text, span[0])]) not in self.cues.native

    def _staff_cue(self, cue: str) -> bool:
        """The cue names a person by their job: its last word is one of the policy's job titles
        (``roles``: "الموظف", "এজেন্ট", "Her manager")."""
        words = fold(cue).split()  # not by letters: Devanagari vowel signs are no letters
        return bool(words) and words[-1].strip(".,:") in self._roles

    def _after_native_cue(
        self, text: str, at: int, kind: str | None, staff: bool = False
    ) -> tuple[int, int] | None:
        s = at
        while s < len(text) and s - at < 3 and text[s] in " \t:：、,，،፣":  # ፣: Ethiopic comma
            s += 1
        if kind == "closing":  # a sign-off on a line of its own: "مع التحية،\nخالد صالح"
            below = _signed_below(text, s)
            if below != s:
                line = _name_line(text, below)
                if line is not None:
                    return line
                s = below
        if s >= len(text) or not _uncased(text[s]):
            return None  # letters with case after the cue: "ሰላም will sign" names no one
        script = _script(text[s])
        if script == "han":
            e = _script_end(text, s, "han")
            n = self._family(text, s, e)
            if not n:
                return _given_alone(text, s, e) if kind == "open" else None
            given = 2 if n == 1 else 3
            if e - s - n > given:  # the characters go on past the name
                end = s + n + 2
                for k in range(1, given + 1):
                    if (
                        text[s + n + k] in _HAN_STOP
                        or text.startswith(self._native_after, s + n + k)
                        or text.startswith(_HAN_WORDS_AFTER, s + n + k)
                    ):
                        end = s + n + k
                        break
                e = end
            return (s, e) if e - s >= 2 else None
        if script == "hangul":
            e = _script_end(text, s, "hangul")
            word = text[s:e]
            for ending in _KO_ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    e -= len(ending)
                    break
            else:
                if not _native_closed(text, e, script, self._native_stop) and not _ko_apposed(
                    text, at, s
                ):
                    return None  # "저는 이번주에 …": a word with a particle, no name
            return (s, e) if e - s == 3 and text[s] in self.cues.family else None
        if script == "kana":
            return None  # a name in katakana only before a quoting cue ("スミスと申します")
        return self._native_words(text, s, kind, script, staff)

    def _han_greeted(self, text: str, a: int, b: int) -> tuple[int, int] | None:
        """A Chinese name a greeting ("您好", "你好") parts from by a comma or a
        space: "赵芳，您好，" opening a sentence, or "您好 赵芳" after it. The name
        must open with a known family name and stand alone between the greeting and
        the text's start, a line, a quote or a sentence's end: "谢谢，您好" ("thanks,
        hello"; 谢 is also a family name) is a known cue, and a longer run of
        characters is a sentence, not a name."""
        if a > 1 and text[a - 1] in "，,、 ":
            e = a - 1
            s = e
            while s > 0 and _script(text[s - 1]) == "han":
                s -= 1
            if 2 <= e - s <= 4 and (s == 0 or text[s - 1] in _HAN_GREETED_BEFORE):
                n = self._family(text, s, e)
                word = text[s:e]
                if n and e - s - n <= (2 if n == 1 else 3) and not self._known_han(word):
                    return s, e
            return None
        s = b
        while s < len(text) and s - b < 2 and text[s] in " \t，,":
            s += 1
        if s == b or s >= len(text) or _script(text[s]) != "han":
            return None
        e = _script_end(text, s, "han")
        n = self._family(text, s, e)
        for k in range(s + n, e):
            if text.startswith(self._native_after, k):
                e = k  # a title after the name: "您好 王先生" leaves the title its own rule
                break
        if not n or not 2 <= e - s <= n + (2 if n == 1 else 3) or self._known_han(text[s:e]):
            return None
        if e < len(text) and text[e] not in _HAN_GREETED_AFTER:
            return None  # the characters run on into more text: a sentence, not a name
        return s, e

    def _ko_introduced(self, text: str, at: int) -> tuple[int, int] | None:
        """A Korean name a space parts from its copula ("김도윤 입니다"): three syllables opening
        with a known family name, after a greeting and a comma ("안녕하세요, 김도윤 입니다").
        Elsewhere such a word is as often a noun ("신청서 입니다": "it is the application
        form")."""
        if at < 4 or text[at - 1] != " ":
            return None  # glued to the word: the particle rules read it
        e = at - 1
        s = _script_start(text, e, "hangul")
        if e - s != 3 or text[s] not in self.cues.family:
            return None
        b = s
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        if b == 0 or text[b - 1] not in ",，":
            return None
        g = _script_start(text, b - 1, "hangul")
        return (s, e) if text[g : b - 1] in _KO_GREETINGS else None

    def _known_han(self, word: str) -> bool:
        """A run of characters that is a cue or a known non-name, no name ("谢谢", "好的")."""
        return (
            word in self._native_cues
            or word in self._native_stop
            or word in self.cues.not_names
            or any(c in _HAN_STOP for c in word[1:])
        )

    def _before_native_cue(self, text: str, at: int, title: bool) -> tuple[int, int] | None:
        e = at - 1 if at > 1 and text[at - 1] in " \t" else at
        if e == 0:
            return None
        script = _script(text[e - 1])
        if script not in ("han", "hangul", "kana"):
            return self._word_before_title(text, e, title)
        s = e
        while s > 0 and _script(text[s - 1]) == script:
            s -= 1
        if script == "kana" and s > 0 and _script(text[s - 1]) == "han":
            # a Japanese given name in hiragana after a family name in kanji ("中村めいさん")
            h = s
            while h > 0 and _script(text[h - 1]) == "han":
                h -= 1
            n = self._family(text, h, s)
            if n == s - h and (n >= 2 or title) and 2 <= e - s <= 3 and text[s] not in _KATAKANA:
                return h, e
        if script == "kana":  # a foreign name in katakana before a quoting cue
            quoting = text.startswith("と", at)
            return (s, e) if quoting and e - s >= 2 and text[s] in _KATAKANA else None
        if script == "hangul":
            return (s, e) if title and e - s == 3 and text[s] in self.cues.family else None
        n = self._family(text, s, e)
        if not n or e - s - n > (2 if n == 1 else 3):
            return None
        if not title and n < 2:
            return None  # "安心です": a copula after a one-character family name is no cue
        return (s, e) if e - s >= 2 or title else None

    def _self_introduced(self, text: str, c: int, d: int, a: int, end: int) -> bool:
        """Two words between the Persian "I" ("من") and a copula, the second a known name:
        "من بهرام کرمانی هستم" introduces "بهرام کرمانی" though the lists lack the given name.
        "من" must open the clause (the text, a line, or after punctuation), and the first
        word be no cue and no word the lists say is no name."""
        if fold(text[a:end]) not in self.cues.native:
            return False
        first = fold(text[c:d])
        if first in self.cues.not_names or first in self._native_cues:
            return False
        b = c
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        i = _uncased_word_start(text, b)
        if text[i:b] != "من":
            return False
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        return i == 0 or text[i - 1] in "\n\r,.!?:;،؛"

    def _word_before_title(self, text: str, end: int, title: bool) -> tuple[int, int] | None:
        """The name before a title in a script with spaces ("مریم عزیز،", "حنا صاحب"): one word
        opening its line or sentence, or after a greeting cue ("سلام رضا جان"); two when both
        are known names. Elsewhere such a word is as often a noun an adjective follows ("دوست
        عزیز": "dear friend")."""
        a = _uncased_word_start(text, end)
        if a == end or fold(text[a:end]) in self.cues.not_names:
            return None  # "ทีมงาน ยินดีให้บริการ": "the team", no one's name
        if not title:  # a copula ("من مریم صادقی هستم"): only names of the lists before it
            native = self.cues.native
            b = a
            while b > 0 and text[b - 1] in " \t":
                b -= 1
            c = _uncased_word_start(text, b)
            if c < b < a and fold(text[c:b]) in native:
                return c, end  # a known given name, then a family name
            if c < b < a and self._self_introduced(text, c, b, a, end):
                return c, end  # "من بهرام کرمانی هستم": a known family name after "I"
            return (a, end) if fold(text[a:end]) in native else None
        first = a
        for _ in range(2):
            b = first
            while b > 0 and text[b - 1] in " \t":
                b -= 1
            c = _uncased_word_start(text, b)
            if c == b:  # the line, the sentence or the text starts: the name opens it
                return (first, end) if b == 0 or text[b - 1] in "\n\r,.!?:;،؛" else None
            word = fold(text[c:b])
            if word in self._native_cues:
                return first, end  # a greeting before it: "سلام رضا جان"
            if (
                first != a
                or word not in self.cues.native
                or fold(text[a:end]) not in self.cues.native
            ):
                return None  # a word of a sentence before it
            first = c
        return None

    def _family(self, text: str, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` a known family name opens with (0: none)."""
        family = self.cues.family
        for n in (3, 2, 1):
            if end - start >= n and text[start : start + n] in family:
                return n
        return 0

    def _native_words(
        self, text: str, start: int, kind: str | None, script: str, staff: bool = False
    ) -> tuple[int, int] | None:
        """One or two words of a script with spaces (or a word glued to its cue in Thai); after
        a job title (``staff``) a known given name takes the word after it as its family name
        ("الموظف أحمد حداد كان …": staff are named in full in complaints and notes)."""
        stop = self._native_stop
        spans: list[tuple[int, int]] = []
        closed_at = -1
        pos = start
        # Arabic names run to four words bound by their structure: "عبد الرحمن بن عيسى"
        while len(spans) < (4 if script == "arabic" else 2):
            a, b = pos, _word_at(text, pos)
            if b == a or _script(text[pos]) != script:
                break
            low = fold(text[a:b])
            if low in stop:
                break
            if script in _GLUED:  # "ณัฐพลครับ": a closing word glued to the name
                for c in self._native_after:
                    if low.endswith(c) and len(low) > len(c) + 1:
                        b -= len(c)
                        closed_at = len(spans)
                        break
            spans.append((a, b))
            j = b
            while j < len(text) and text[j] in " \t":
                j += 1
            if closed_at >= 0 or j == b or j >= len(text) or _script(text[j]) != script:
                break
            pos = j
        if not spans or spans[0][1] - spans[0][0] < 2:
            return None
        first = fold(text[spans[0][0] : spans[0][1]])
        if first in self.cues.not_names or first in self.cues.connectors:
            return None
        if kind == "closing" and script in _LISTED_ONLY and first not in self.cues.native:
            return None  # "გამარჯობა, როგორ ხარ?": "how are you", no name of the lists

        def closed(k: int) -> bool:
            return closed_at == k or _native_closed(text, spans[k][1], script, stop)

        n = 1
        second = fold(text[spans[1][0] : spans[1][1]]) if len(spans) > 1 else ""
        if second and (
            second in self.cues.native
            or (
                staff
                and first in self.cues.native
                and len(second) >= 2
                and second not in stop
                and second not in self.cues.connectors
            )
            # in Thai the words of a clause run on without spaces: a closing word must say so
            or (
                closed(1)
                if script not in _GLUED
                else closed_at == 1
                or _closing_word(text, spans[1][1], stop)
                or _marked_end(text, spans[1][1])
                or (script == "thai" and _thai_family(text, spans[1][0], spans[1][1]))
            )
        ):
            n = 2
        if n == 2 and script == "lao" and second not in self.cues.native:
            # "ແສງເດືອນ ຈາກພະແນກ…": a run opening with a clause word ("from …") is no family name
            n = 1 if text.startswith(_LO_CLAUSE, spans[1][0]) else 2
        if script == "arabic":
            words = [fold(text[a:b]) for a, b in spans]
            n = max(n, _arabic_words(words, self.cues.native))
        if kind == "closing" and not closed(n - 1):
            return None  # "أنا أريد …": "I" and a verb, no name
        return spans[0][0], spans[n - 1][1]

    # -- tables ----------------------------------------------------------------------------------

    def _name_columns(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """``found`` without the names standing in a table column whose header says it holds
        no person ("city", "company"): a row of a CSV, tab- or |-separated block of lines
        with the same number of separators, its first line the header."""
        headers: dict[int, tuple[str, list[str]] | None] = {}
        tops: dict[tuple[int, str], int] = {}
        out = []
        for found_name in found:
            a = found_name[0]
            ls = text.rfind("\n", 0, a) + 1
            if ls not in headers:
                headers[ls] = _header(text, ls, tops)
            header = headers[ls]
            if header is not None:
                sep, fields = header
                col = text.count(sep, ls, a)
                if col < len(fields) and fields[col] in self.cues.not_name_columns:
                    continue
            out.append(found_name)
        return out

    def _fields(self, text: str) -> list[tuple[int, int, str]]:
        """Values of fields whose key names a person, in any script or case: a form line
        ("Ad Soyad: أحمد الحربي", "name = 曾小明"), a JSON member ("firstName": "서연"), a tag
        ("owner=李"). The key stands alone between the line's start (or "{", ",", ";", a
        quote) and the ":" or "="; the value is one to four words of letters ending the line
        or the field."""
        out = []
        longest = self._column_keys_max + 8
        for sep in ":=":
            i = text.find(sep)
            while i >= 0:
                found = self._field_at(text, i, longest)
                if found is not None:
                    out.append(found)
                i = text.find(sep, i + 1)
        if '"value"' in text:
            # {"label": "Name", "value": "عمران صدیقی"}: a form's field as a JSON object
            for m in _LABEL_VALUE.finditer(text):
                if _field_key(m.group(1)) in self._field_keys:
                    got = self._value(text, *m.span(2))
                    if got is not None:
                        out.append(got)
        if text.count("=") >= 2:
            # "first_name=Siu Ming last_name=葉 email=…": key=value pairs parted by spaces
            for m in _LOGFMT.finditer(text):
                if _field_key(m.group(1)) in self._field_keys:
                    got = self._value(text, *m.span(2))
                    if got is not None:
                        out.append(got)
        return out

    def _field_at(self, text: str, at: int, longest: int) -> tuple[int, int, str] | None:
        j = at
        while j > 0 and text[j - 1] in " \t\"'":
            j -= 1
        k = j
        while k > 0 and j - k <= longest and (text[k - 1].isalpha() or text[k - 1] in " _-'’."):
            k -= 1
        # a query string's or a form dump's field opens after "&", "?" or a label's ":" too
        opens = "\n\r{,;\"'\t|>([" if text[at] == ":" else "\n\r{,;\"'\t|>([&?:"
        if k == j or (k > 0 and text[k - 1] not in opens):
            return None
        key = _field_key(text[k:j])
        if key not in self._field_keys:
            return None
        v = at + 1
        while v < len(text) and text[v] in " \t\"'":
            v += 1
        m = _FIELD_VALUE.match(text, v)
        if m is None or (key in self._capitalised_keys and m.group(1)[:1].islower()):
            return None
        quote = text[v - 1] if text[v - 1] in "\"'" else ""
        after = text[m.end() : m.end() + 1]
        if after and after in "\"'" and after != quote:
            return None  # "Nome: Ana In fattura c'è …": an apostrophe inside the words
        if after == ":" and (
            _low(m.group(1).split()[-1]) in _SCHEMES or text.startswith("//", m.end() + 1)
        ):
            return None  # "contact": "mailto:…", "Nombre: Ana. open https://…": a scheme
        return self._value(text, m.start(1), m.end(1))

    def _value(self, text: str, a: int, b: int, common: bool = True) -> tuple[int, int, str] | None:
        """A name standing where a person's name is expected (a field, a column, an item):
        one to four words of letters, in any script or case, not all of them common words,
        listed non-names or connectors ("Customer: yes", "cc: billing team"). With
        ``common`` false a capitalised common word counts ("Will", a chat log's speaker)."""
        while b > a and text[b - 1] in ". \t'’":
            b -= 1
        value = text[a:b]
        if not value or (len(value) < 2 and value.isascii()):
            return None
        if _VALUE_WORDS.fullmatch(value) is None or _DOMAIN_WORD.search(value) is not None:
            return None  # "contact: aa at example.com thanks": an address, not a name
        cues = self.cues
        lows = [_low(w) for w in value.split()]
        common = common or value.islower()
        if all(
            (common and w in cues.common)
            or w in cues.not_names
            or w in cues.connectors
            or w in PARTICLES
            for w in lows
        ):
            return None
        if len(lows) > 1 and " ".join(lows) in cues.not_names:
            return None
        if self._unit(lows):
            return None  # "Payments Ops", "Duty Manager", "Rua Augusta" where a name would be
        return a, b, " ".join(lows)

    def _unit(self, lows: list[str]) -> bool:
        """A value's words name a team, a job title or a street rather than a person: a team
        word anywhere (unless a known first name opens it), a job title last, or a street-type
        word (see ``_unroled`` and ``_street``)."""
        if lows[0] not in self._first_names and any(w in self._teams for w in lows):
            return True
        if lows[-1] in self._roles and len(lows) > 1:
            return True
        if len(lows) > 1 and lows[-1] in self.cues.companies and len(lows[-1]) > 3:
            return True  # "Beneficiary: Philips Electronics": a company (``_company``)
        ends = self._street_ends
        return any(
            w in self._street_words or (ends and w.endswith(ends) and len(w) > 6) for w in lows
        )

    def _blocks(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Names by the structure of a text of several lines: the speakers of a chat log
        ("[10h07] 서연: …"), the items under or after a label of people ("Attendees:\\n- …",
        "Cc: রাহুল সরকার"), and the cells of a table's name columns (``_table``)."""
        lines: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        out: list[tuple[int, int, str]] = []
        starts = {text.rfind("\n", 0, a) + 1 for a, _, _ in found}
        n = len(lines)
        speakers: list[tuple[int, int]] = []
        people = False  # a line of people ("Attendees: …") stands in the text
        k = 0
        while k < n:
            ls, le = lines[k]
            if ls == le:
                k += 1
                continue
            h = _SPEAKER_TIME.fullmatch(text, ls, le)
            if h is not None and k + 1 < n and lines[k + 1][0] < lines[k + 1][1]:
                speakers.append(h.span(1))  # "Quang 15:18", the message on the lines below
                k += 1
                continue
            t = _CHAT_TIME.match(text, ls, le)
            if t is not None and t.end() > ls:
                m = _SPEAKER.match(text, t.end(), le)
                if m is not None:
                    speakers.append(m.span(1))
                k += 1
                continue
            label = self._list_label.match(text, ls, le) if self._list_label else None
            labelled = label is not None and label.end() > ls and ":" in text[ls : label.end()]
            rest = text[label.end() : le].strip() if labelled and label is not None else ""
            if labelled and label is not None and rest:
                people = True
                # "Cc: রাহুল সরকার, ana souza": the items of the label's line
                out.extend(self._line_items(text, label.end(), le))
                k += 1
                continue
            if text[ls:le].rstrip().endswith(":") and k + 1 < n:
                # A label line, the list under it: every item a name when the label is one of
                # people, or when one item is a name found already ("Lista:\n- Ana Souza\n…").
                items = []
                j = k + 1
                while j < n and lines[j][0] < lines[j][1] and j - k <= 50:
                    got = self._item_value(text, *lines[j])
                    if got is None:
                        break
                    items.append(got)
                    j += 1
                if items and (
                    labelled
                    or any(lines[i][0] in starts for i in range(k + 1, j))
                    or self._known_items(text, items)
                ):
                    out.extend(items)
                if items:
                    k = j
                    continue
            k = self._table(text, lines, k, out)
        if people:
            # notes under a line of people: who does what ("- 수빈 to confirm …", "- Jing: …")
            for m in _ACTION.finditer(text):
                got = self._value(text, *m.span(1))
                if got is not None:
                    out.append(got)
            out.extend(self._action_owners(text))
        for a, b in _inverted_speakers(text, speakers):
            # A line form that repeats is a log: its speakers may be words too ("Will").
            got = self._value(text, a, b, common=len(speakers) < 2)
            if got is not None:
                out.append(got)
        return out

    def _wrote(self, text: str) -> list[tuple[int, int, str]]:
        """The writer named by a quoted mail's attribution line ("On 14/03/25, 김예진 wrote:",
        "Am 14. März 2025, jana šimko schrieb:"): one to four words of letters, in any script
        or case, between the line's last comma and the verb ending it."""
        out = []
        for m in _WROTE.finditer(text):
            ls = text.rfind("\n", 0, m.start()) + 1
            comma = text.rfind(",", ls, m.start())
            if comma < 0:
                continue
            a, b = comma + 1, m.start()
            while a < b and text[a] in " \t":
                a += 1
            got = self._value(text, a, b)
            if got is not None:
                out.append(got)
        return out

    def _senders(self, text: str) -> list[tuple[int, int, str]]:
        """The sender of a quoted or forwarded mail's header block: the value of a ``From:``
        line (``Von:``, ``De :``, ``Od:``, …) that is one to four words of letters, in any
        script or case, when the line is quoted (``> From: Tamar Kapanadze``) or a header
        other than the recipient's stands right above or below it (``Sent:``, ``Date:``,
        ``Subject:``; not ``To:``, which an itinerary's ``From: Berlin`` has under it)."""
        out = []
        for m in _FROM_LINE.finditer(text):
            ls, le = m.start(), m.end()
            if ">" not in m.group(1):
                above = text.rfind("\n", 0, max(0, ls - 1)) + 1 if ls > 0 else -1
                below = le + 1 if le < len(text) else -1
                if not any(
                    at >= 0 and _MAIL_HEADER.match(text, at) is not None for at in (above, below)
                ):
                    continue
            # a sender is a person's name more often than a word: "From: Summer" counts
            got = self._value(text, *m.span(2), common=False)
            if got is not None:
                out.append(got)
        return out

    def _clinical_names(self, text: str) -> list[tuple[int, int, str]]:
        """Names in the person-name fields of clinical records, in any script or case: HL7 v2
        segments' name fields ("NK1|1|DOE^JOHN|…", "PV1|…|1234^HOUSE^GREGORY^^^DR"), DICOM
        attributes of VR PN ("(0008,0090) PN [Doe^Jane]", "ReferringPhysicianName: …") and
        FHIR HumanName's given-name arrays and text (``clinical``). The field says it is a
        person's; a capitalised common word counts. Wrong for a placeholder in such a field
        ("PID|1||…||UNKNOWN^PATIENT" masks its words) and for a name the format writes
        elsewhere (a provider named in a free-text "OBX" value stays to the other rules)."""
        out = []
        spans = [*hl7_name_spans(text), *dicom_name_spans(text), *fhir_name_spans(text)]
        for a, b in spans:
            while a < b and text[a] in " \t":
                a += 1
            got = self._value(text, a, b, common=False)
            if got is not None:
                out.append(got)
        return out

    def _markup_names(self, text: str) -> list[tuple[int, int, str]]:
        """Names in markup, in any script or case: an XML element whose tag names a person
        the way a form's key does ("<givenName>សុខា</givenName>", "<familyName>"), and a
        vCard's name lines ("N:بٹ;سدرہ;;;": family, given and middle names; "FN:سدرہ بٹ"),
        and a MECARD's name field ("MECARD:N:Nowak,Zofia;TEL:…": family, then given name).
        A capitalised common word counts there; a bare "name" tag is left to the other rules
        (products and plans have one). Wrong for a company under a person's key
        ("<contactName>Acme Widgets</contactName>" is masked)."""
        out = []
        if "</" in text:
            for m in _XML_ELEMENT.finditer(text):
                key = _field_key(m.group(1))
                # "<name>Premium Plan</name>": a bare "name" names things as often
                if key in self._field_keys and key not in _BARE_NAME_KEYS:
                    got = self._value(text, *m.span(2), common=False)
                    if got is not None:
                        out.append(got)
        if "vcard" in text[:200].lower():
            for m in _VCARD_NAME.finditer(text):
                parts = m.group(2).split(";") if m.group(1).upper() == "N" else [m.group(2)]
                a = m.start(2)
                for k, part in enumerate(parts):
                    lead = len(part) - len(part.lstrip())
                    if k < 3 and part.strip():
                        got = self._value(text, a + lead, a + len(part.rstrip()), common=False)
                        if got is not None:
                            out.append(got)
                    a += len(part) + 1
        at = text.find("MECARD:")
        if at >= 0:  # a QR contact: "MECARD:N:Family,Given;TEL:…;;", the family name first
            for m in _MECARD_NAME.finditer(text, at):
                a = m.start(1)
                for part in m.group(1).split(",")[:2]:
                    lead = len(part) - len(part.lstrip())
                    if part.strip():
                        got = self._value(text, a + lead, a + len(part.rstrip()), common=False)
                        if got is not None:
                            out.append(got)
                    a += len(part) + 1
        return out

    def _receivers(self, text: str) -> list[tuple[int, int, str]]:
        """The person a thing is sent, given or told to, between the verb and the thing's
        article or pronoun ("can you send Selvam the ISBN …", "give Zaw Min Htun the code",
        "tell תמר my number"): one to three capitalised words or words of a script without
        case, a capitalised common word too ("send Ville the …"), not a team, a job title or
        a listed non-name. Wrong for a company the lists lack ("send Zalando the receipt")."""
        return self._group_values(_RECEIVER, text)

    def _inverted_display(self, text: str) -> list[tuple[int, int, str]]:
        """The display name of a mail header written surname first with a comma, as directory
        mail systems write it ("From: Holmgren, Gustav <gustav.holmgren@…>", "Cc: "Park, Jiho"
        <…>"): both parts, in any script or case, when an address in angle brackets follows.
        A common word is taken when the other part is a name or the address holds it ("Jung,
        Haeun <jung.haeun@…>"). Wrong for a mailbox named "Sales, Acme <…>" whose words the
        lists do not know as a team or a common word."""
        out = []
        for m in _INVERTED_HEADER.finditer(text):
            parts = [self._value(text, *m.span(g)) for g in (1, 2)]
            if not any(parts):
                local = fold(anyascii(m.group(3)))
                parts = [
                    self._value(text, *m.span(g), common=False)
                    if len(m.group(g)) >= 3 and fold(anyascii(m.group(g))) in local
                    else None
                    for g in (1, 2)
                ]
            for g, got in zip((1, 2), parts, strict=True):
                if got is None and any(parts):
                    got = self._value(text, *m.span(g), common=False)
                if got is not None:
                    out.append(got)
        return out

    def _commented(self, text: str) -> list[tuple[int, int, str]]:
        """The display name written after an address in brackets, as mail headers write it in
        the older form (``From: hyunwoo.kang@naver.com (Kang Hyun-woo)``): one to four words
        of letters, in any script or case, filling the brackets, not all common words."""
        out = []
        for m in _ADDRESS_COMMENT.finditer(text):
            got = self._value(text, *m.span(1))
            if got is not None:
                out.append(got)
        return out

    def _contact_rows(self, text: str) -> list[tuple[int, int, str]]:
        """The cells before the address of a header-less list of contacts: two lines or more
        split by the same separator (or a text that is one such line), each with an e-mail
        address in the same field (the second to fourth), counted from the line's start, so
        that a later value holding the separator ("R$ 2.762,50", "kr 2 564,-") does not shift
        it. A column there is read as names when each of its cells is empty or one to four
        words of letters, and a row's address repeats a word of those cells or more than half
        the rows hold a first name or surname of the lists
        ("Jocelyn,Macapagal,macapagal.jocelyn@…")."""
        lines: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        out: list[tuple[int, int, str]] = []
        k, n = 0, len(lines)
        while k < n:
            shape = _address_field(text, *lines[k])
            j = k + 1
            while shape is not None and j < n and _address_field(text, *lines[j]) == shape:
                j += 1
            if shape is not None and (j - k >= 2 or n == 1):
                # one row alone: the whole text ('"Rowntree Torin","torin.r…@…","2026-03-06"'),
                # its name cells kept only by the address or a known name as for several
                out.extend(self._contact_cells(text, lines[k:j], *shape))
            k = j
        return out

    def _contact_cells(
        self, text: str, rows: list[tuple[int, int]], sep: str, at: int
    ) -> list[tuple[int, int, str]]:
        """The name cells of the rows of ``_contact_rows`` (``at``: the address's field)."""
        cells = [text[a:b].split(sep) for a, b in rows]
        heads = [row[:at] for row in cells]
        cols = [
            c
            for c in range(at)
            if all(
                not (v := row[c].strip(" \t\"'*\r")) or _VALUE_WORDS.fullmatch(v) is not None
                for row in heads
            )
        ]
        if len(rows) == 1:  # one row alone: only cells of capitalised words ("mam problem" no)
            cols = [c for c in cols if _capitalised_cell(heads[0][c].strip(" \t\"'*\r"))]
        if not cols:
            return []
        mailed = any(
            _in_local_part(row, c, row[c].strip(" \t\"'*\r").split()) for row in cells for c in cols
        )
        known = sum(
            any(
                self._key(w)[0] in self._any_names and _low(w) not in self.cues.common
                for c in cols
                for w in row[c].strip(" \t\"'*\r").split()
            )
            for row in heads
        )
        if not mailed and 2 * known <= len(rows):
            return []
        out = []
        for (a, _), row in zip(rows, cells, strict=True):
            # in a row whose address repeats a cell, a word is a name too ("Solveig,Strand,
            # solveig.strand@…", "DOLORES,JIMÉNEZ,djimenez@…")
            common = not any(
                _in_local_part(row, c, row[c].strip(" \t\"'*\r").split()) for c in cols
            )
            for c, cell in enumerate(row[:at]):
                if c in cols:
                    lead = len(cell) - len(cell.lstrip(" \t\"'*"))
                    end = a + len(cell.rstrip(" \t\"'*\r"))
                    got = self._value(text, a + lead, end, common=common)
                    if got is not None:
                        out.append(got)
                a += len(cell) + 1
        return out

    def _sql_rows(self, text: str) -> list[tuple[int, int, str]]:
        """The quoted values of the name columns of an SQL ``INSERT INTO t (cols) VALUES
        (…), (…)``: the column list says which values hold names ("first_name", "nachname"),
        as a table's header does. A bare "name" column of a table of things ("products",
        "stores") holds no person."""
        out = []
        for m in _SQL_INSERT.finditer(text):
            table = _field_key(m.group(1).rsplit(".", 1)[-1])
            things = self.cues.not_name_columns
            thing = table in things or table.removesuffix("s") in things
            cols = {
                c
                for c, col in enumerate(m.group(2).split(","))
                if (key := _field_key(col)) in self._columns
                and not (thing and key in ("name", "names"))
            }
            if not cols:
                continue
            at = m.end()
            while (row := _SQL_ROW.match(text, at)) is not None:
                c, i, end = 0, row.start(1), row.end(1)
                while (cell := _SQL_CELL.match(text, i, end)) is not None:
                    if c in cols and cell.group(1) is not None:
                        got = self._value(text, *cell.span(1), common=False)
                        if got is not None:
                            out.append(got)
                    if cell.end() >= end:
                        break
                    c, i = c + 1, cell.end()
                at = row.end()
        return out

    def _paren_aliases(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The other name of a person in brackets right after their name: a correction ("the
        form says "Ekene Chukwu" (not شفيع)"), a birth name ("(née Kowalska)", "(geb.
        Huber)") or an alias ("(aka Sami)"). The words in the brackets are read as a field's
        value: any script, no common word alone."""
        out = []
        for _, b, _ in found:
            m = _PAREN_ALIAS.match(text, b)
            if m is not None:
                got = self._value(text, *m.span(1), common=False)
                if got is not None:
                    out.append(got)
        return out

    def _foreign_possessives(self, text: str) -> list[tuple[int, int, str]]:
        """A word in a script other than Latin with an English possessive ("مهدیس's boarding
        pass", "Лариса's order"): only a name takes "'s" in another script's letters inside
        an English sentence. A word of the lists' common words stays."""
        out = []
        for m in _POSSESSIVE_S.finditer(text):
            end = m.start()
            start = end
            while start > 0 and _in_word(text[start - 1]):
                start -= 1
            word = text[start:end]
            if start == end or _latin(word) or _low(word) in self.cues.common:
                continue
            out.append((start, end, fold(word)))
        return out

    def _ticket_names(self, text: str) -> list[tuple[int, int, str]]:
        """A traveller's name as airlines write it, ``SURNAME/GIVEN`` in capitals: a name when
        a title follows ("HEGEDUS/ILONA MRS"), a boarding pass's "M1" opens it, or the given
        part is a first name of the lists and the family part no common word ("TCP/IP",
        "AC/DC" have neither)."""
        out = []
        for m in _TICKET_NAME.finditer(text):
            family, given = m.span(2), m.span(3)
            head = _low(m.group(2).split()[0])
            if " " in m.group(2) and head not in self._any_names and head not in PARTICLES:
                family = (family[0] + len(head) + 1, family[1])  # "PAX KIM/MINJI": a label
            if not (m.group(1) or m.group(4)):
                first = _low(m.group(3).split()[0])
                if first not in self._first_names or _low(m.group(2)) in self.cues.common:
                    continue
            parts = [self._value(text, a, b, common=False) for a, b in (family, given)]
            for got in parts:
                if got is not None:
                    out.append(got)
            if parts[0] is not None and parts[1] is not None and parts[0][1] + 1 == parts[1][0]:
                # one span over the slash too: "1.1 MIKKELSEN/FREDERIK MR" masked whole
                out.append((parts[0][0], parts[1][1], f"{parts[0][2]} {parts[1][2]}"))
        return out

    def _initialed(self, text: str) -> list[tuple[int, int, str]]:
        """A family name written after an initial ("D. Paegle", "ع. موسوی", "文. 石"): one to
        three capitalised words (or words of a script without capitals) after one capital
        letter and a dot are a name when a cue ends before the initial ("Approved by", "Dear")
        or when the first of them is a surname of the lists. The family name before the
        initial ("Novák J.") counts when it is such a surname."""
        out = []
        for m in _INITIAL_DOT.finditer(text):
            c = m.group(1)
            if not (c.isupper() or _uncased(c)):
                continue
            words: list[tuple[int, int]] = []
            for w in _INITIAL_WORD.finditer(text, m.end()):
                if w.start() != (words[-1][1] + 1 if words else m.end()) or not (
                    w.group()[0].isupper() or _uncased(w.group()[0])
                ):
                    break
                if _low(w.group()) in self._roles:
                    break  # "Cust X. Assistant …": a job title, no family name
                words.append(w.span())
                if len(words) == 3:
                    break
            if not words:
                continue
            first = text[words[0][0] : words[0][1]]
            known = self._surname(text, words[0], self._key(first)[0])
            if self._cue_before(text, m.start()) is None:
                if not known:
                    continue
                words = words[:1]  # "Option B. Johnson Controls": only the surname
            got = self._value(text, words[0][0], words[-1][1])
            if got is not None:
                out.append(got)
        for m in _INITIAL_AFTER.finditer(text):
            word = m.span(1)
            if self._surname(text, word, self._key(m.group(1))[0]):
                got = self._value(text, *word)
                if got is not None:
                    out.append(got)
        return out

    def _record_names(self, text: str) -> list[tuple[int, int, str]]:
        """Names that a record's structure places, each form gated by a substring: a ticket's
        audit line, a LaTeX letter, an EPC QR payload, an MT103's ordering customer, a mail
        link's label in a spreadsheet formula, a device named after its owner, a certificate's
        holder, a beneficiary with a share, a bot's JSON member for a person. What each gets
        wrong is in docs/MASKING.md ("Names that a record places")."""
        out: list[tuple[int, int, str]] = []
        value = self._value
        if " by " in text and "from " in text:
            for m in _AUDIT_CHANGE.finditer(text):
                spans = [m.span("c")] if _low(m.group("c")) not in _AUDIT_SYSTEMS else []
                if m.group("field") is not None:
                    spans += [m.span("a"), m.span("b")]
                for a, b in spans:
                    words = self._capitalised_words(text, a)  # "by Ana Lima at 09:15"
                    if words is not None and (got := value(text, a, min(b, words[1]))):
                        out.append(got)
        if "\\" in text and ("{letter}" in text or "\\signature{" in text or "\\name{" in text):
            for m in _LATEX_NAME.finditer(text):
                got = value(text, *m.span(1 if m.group(1) is not None else 2))
                if got is not None:
                    out.append(got)
        if "BCD" in text and "SCT" in text:
            out.extend(self._values_of(_EPC_NAME, text))
        if "  " in text and _STATEMENT_HINT.search(text) is not None:
            for got in self._values_of(_STATEMENT_PAYEE, text):  # "TRANSFER  ANA LIMA   DE89…"
                if not any(w in self.cues.common for w in got[2].split()):
                    out.append(got)  # "TRANSFER  SAVINGS ACCOUNT": a word of the lists, no payee
        if ":50K:" in text:
            out.extend(self._values_of(_MT103_ORDERING, text))
        if "mailto:" in text and "(" in text:
            out.extend(self._values_of(_HYPERLINK_NAME, text))
        if "-" in text and _DEVICE_HINT.search(text) is not None:
            for m in _DEVICE_NAME.finditer(text):
                after = m.group(1) is not None
                word = m.group(1) if after else m.group(2)
                if not after and _low(word) not in self._first_names:
                    continue  # "Samsung-Galaxy": a brand before the device
                got = value(text, *m.span(1 if after else 2))
                if got is not None and _low(word) not in _SYSTEM_WORDS:
                    out.append(got)
        if _certifies(text):
            for m in _CERTIFIES.finditer(text):
                span = self._capitalised_words(text, m.end())
                if span is not None and (got := value(text, *span)) is not None:
                    out.append(got)
        if "%" in text and _BENEFICIARY_WORDS.search(text) is not None:
            out.extend(self._values_of(_BENEFICIARY_SHARE, text))
        if '"' in text and ":" in text:
            for m in _JSON_PERSON.finditer(text):
                word = m.group(2).strip()
                if m.group(1).startswith("user") and " " not in word and not _uncased(word[0]):
                    continue  # "user": "ana.lima": a login, left to the handle rules
                if not _capitalised_cell(" ".join(w for w in word.split() if w not in _JOINS)):
                    continue  # "for": "two nights"
                got = value(text, *m.span(2))
                if got is not None:
                    out.append(got)
        return out

    def _notice_names(self, text: str) -> list[tuple[int, int, str]]:
        """The person a delivery or account notice is for: a parcel, package or shipment (its
        number between) "for" capitalised words or a script without capitals ("Parcel JJD01
        for Ana Lima is in locker 4", "Paket für …", "colis pour …", nine languages), and the
        holder after a statement's or summary's title and a middle dot or bar, alone to the
        end of the line or the next dot ("Loyalty statement · Ana Lima"). Each behind a cheap
        test: a preposition of the nine languages between spaces, a "·", "•" or "|"."""
        out: list[tuple[int, int, str]] = []
        value = self._value
        if any(p in text for p in _NOTICE_FOR) and (
            not self.shortcuts or _ascii_may_match(_PARCEL_NOUNS, text)
        ):
            for m in _PARCEL_FOR.finditer(text):
                span = self._capitalised_words(text, m.end())
                if span is None or self._place(text, *span, text.count(" ", *span) + 1):
                    continue  # "the package for Berlin office": a place before "office"
                if (got := value(text, *span)) is not None:
                    out.append(got)
        if any(w in text for w in _CALLBACK_WORDS):
            for m in _CALLBACK_NAME.finditer(text):  # "Ana Lima 0501 … numarasından geri …"
                if (got := value(text, *m.span(1))) is not None:
                    out.append(got)
        if "·" in text or "•" in text or "|" in text:
            for m in _STATEMENT_HOLDER.finditer(text):
                span = self._capitalised_words(text, m.end())
                if span is None or _STATEMENT_END.match(text, span[1]) is None:
                    continue  # "Statement · March 2026 totals": words go on after it
                if (got := value(text, *span)) is not None:
                    out.append(got)
        return out

    def _form_names(self, text: str) -> list[tuple[int, int, str]]:
        """People that a record form places, each form gated by a substring or a character:
        an issue tracker's history line (who changed it, and the quoted values of a person
        field), an attendee list's checked lines, a form's role label ("Main driver:",
        "Signer 2:", "Party B:", "Parent contact:"; "Family, Given" alone on its line is read
        as both; pupils and claimants), a store review's reviewer after the stars, a ``git
        blame`` author and an identity card's machine-readable name line.
        What each gets wrong is in docs/MASKING.md ("Names that a record form places")."""
        out: list[tuple[int, int, str]] = []
        value = self._value
        if "\n" in text and _HISTORY_HINT.found_in(text, self.shortcuts):
            for m in _HISTORY_LINE.finditer(text):
                got = value(text, *m.span("actor"))
                if got is not None and got[2] not in _AUDIT_SYSTEMS:
                    out.append(got)
                if m.group("field") is None:
                    continue
                base = m.start("rest")
                for q in _QUOTED_VALUE.finditer(m.group("rest")):
                    if _low(q.group(1).strip()) in _HISTORY_NOBODY:
                        continue  # "from 'Unassigned'"
                    got = value(text, base + q.start(1), base + q.end(1))
                    if got is not None and got[2] not in _AUDIT_SYSTEMS:
                        out.append(got)
        if "\n" in text and any(c in text for c in _CHECK_MARKS):
            checked = list(_CHECKED_NAME.finditer(text))
            if len(checked) > 1:  # one checked line is a to-do ("✔ Payment received")
                for m in checked:
                    words = self._capitalised_words(text, m.start(1))
                    if words is None or words[1] < m.end(1):
                        continue  # "✔ Contract signed": a lower-case word, no name
                    if (got := value(text, *m.span(1))) is not None:
                        out.append(got)
        roles: list[re.Match[str]] = []
        # A clinical note's "Pt:" (the patient) is a label too short for the hint's words.
        patient = ":" in text and _PT_LABEL.search(text) is not None
        if ":" in text and self.shortcuts and text.isascii():
            # An ASCII text: the hint searched lower-cased (fast) first, as with ``shortcuts`` off.
            if patient or _ascii_may_match(_ROLE_WORDS, text):
                roles = list(_ROLE_NAME.finditer(text))
        elif ":" in text and self.shortcuts:
            # The labels before their hint (a slow search of many words in any case), which
            # then runs only where a label matched: the same matches are kept as hint first.
            roles = list(_ROLE_NAME.finditer(text))
            if roles and not patient and _ROLE_HINT.search(text) is None:
                roles = []
        elif ":" in text and (patient or _ROLE_HINT.search(text) is not None):
            roles = list(_ROLE_NAME.finditer(text))
        for m in roles:
            if m.group("name") is None and text[m.start("given")].islower():
                # "Applicant 1: Ana Lima, employer Acme": a note after the name, no given name
                words = self._capitalised_words(text, m.start("family"))
                spans = [(words[0], min(words[1], m.end("family")))] if words else []
            elif m.group("name") is None:
                spans = [m.span("family"), m.span("given")]
            else:  # up to the first lower-case word: "Student: none enrolled yet" stays
                words = self._capitalised_words(text, m.start("name"))
                spans = [(words[0], min(words[1], m.end("name")))] if words else []
            for a, b in spans:
                if (got := value(text, a, b)) is not None:
                    out.append(got)
        if "(" in text and "\n" in text:
            for got in self._values_of(_BLAME_AUTHOR, text):
                if got[2] != "not committed yet":  # git's own line for uncommitted changes
                    out.append(got)
        if "(" in text:
            out.extend(self._bracketed_roles(text))
        if any(c in text for c in _RATING_STARS):
            out.extend(self._values_of(_REVIEWER, text))
        if "<<" in text:
            for m in _MRZ_NAME.finditer(text):
                for part in ("family", "given"):
                    a = m.start(part)
                    for w in re.finditer(r"[A-Z]+", m.group(part)):  # "ANNA<MARIA": two names
                        if (got := value(text, a + w.start(), a + w.end())) is not None:
                            out.append(got)
        return out

    def _call_records(
        self, text: str, found: list[tuple[int, int, str]], frames: list[tuple[int, int]]
    ) -> list[tuple[int, int, str]]:
        """``found`` with the people that a call's or a meeting's record places: a Zoom chat
        save's sender and direct recipient ("10:01:22 From Ana Lima to Everyone:", "… to Rui
        (Direct Message):", in the nine languages), whose frame words ("From", "to",
        "Everyone", "Todos", "do Wszyscy") are never names, so what other rules read into the
        line is dropped; a transcript's speaker legend ("S1 = Ana Lima; S2 = Rui"), a
        diarised speaker's name in brackets ("SPEAKER_1 (Ana Lima):") and a WebVTT voice tag
        ("<v Ana Lima>"); and a social network's notice of "X and 3 others". The value is read
        as a field's (one to four words of letters, any script, not common words alone). The
        Zoom lines' frame spans go to ``frames``: ``find`` drops what other rules find there."""
        value = self._call_value
        names: list[tuple[int, int, str]] = []
        lines = [m for head, rx in _ZOOM_LINES if head in text for m in rx.finditer(text)]
        for m in lines:
            frames.append((m.start("head"), m.start("a")))
            frames.append((m.end("a"), m.start("b")))
            frames.append((m.end("b"), m.end()))
            common = len(lines) < 2
            got = value(text, *m.span("a"), common=common)
            if got is not None:
                names.append(got)
            b = m.group("b").strip()
            if _low(b) in _ZOOM_EVERYONE or fold(b) in _ZOOM_EVERYONE:
                frames.append(m.span("b"))
                continue
            got = value(text, *m.span("b"), common=common)
            if got is not None:
                names.append(got)
        if "=" in text:
            for m in _SPEAKER_LEGEND.finditer(text):
                if (got := value(text, *m.span("name"), common=False)) is not None:
                    names.append(got)
        if "(" in text:
            for m in _SPEAKER_BRACKET.finditer(text):
                if (got := value(text, *m.span("name"), common=False)) is not None:
                    names.append(got)
        if "<v" in text:
            for m in _VOICE_TAG.finditer(text):
                if (got := value(text, *m.span("name"), common=False)) is not None:
                    names.append(got)
        if any(c.isdigit() for c in text):
            for m in _AND_OTHERS.finditer(text):
                a = _name_before(text, m.start())
                if a is not None and (got := value(text, a, m.start())) is not None:
                    names.append(got)
        if frames:
            found = [f for f in found if not any(f[0] < e and s < f[1] for s, e in frames)]
        return [*found, *names]

    def _call_value(
        self, text: str, a: int, b: int, common: bool = True
    ) -> tuple[int, int, str] | None:
        """A field's value (``_value``) that opens with a capital or a letter without case, or
        one to four words of a script without capitals whose signs ``_value`` does not read as
        letters (Thaana's vowel signs, Tibetan's syllable mark: "ޒާހިރު ނަޝީދު", "ཚེ་རིང")."""
        while a < b and text[a] in " \t":
            a += 1
        if a < b and text[a].islower():
            return None  # "S1 = unknown", "Speaker 1 (remote)": no name's first letter
        got = self._value(text, a, b, common)
        if got is not None:
            return got
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        words = text[a:b].split()
        if not 0 < len(words) <= 4 or not all(_UNCASED_WORD.fullmatch(w) for w in words):
            return None
        return a, b, " ".join(fold(w) for w in words)

    def _coordinated(self, text: str) -> list[tuple[int, int, str]]:
        """Two people of two or three capitalised words each, joined by "and" at a clause's
        start before a lower-case word ("1. Ana Lima and Şebnem Karaağaç split rent"): when
        one side is a name of the lists (a known given name first or a known surname last),
        the other is a person too, though the lists lack it. No word may be a common word of
        the languages, and neither side may end in a firm's word. Wrong for a firm or a place
        named beside a person ("Ana Lima and Kestrel Sync configured it" masks "Kestrel
        Sync")."""
        out: list[tuple[int, int, str]] = []
        common = self.cues.common
        for m in _COORDINATED.finditer(text):
            sides = [[w.span() for w in _ONE_WORD.finditer(text, *m.span(g))] for g in "ab"]
            if any(
                _low(text[a:b]) in common or text[a:b].isupper() for side in sides for a, b in side
            ):
                continue  # "New Year and Easter Monday", "ACME Corp"
            if any(self._company(text, side) for side in sides):
                continue
            known = [
                self._key(text[side[0][0] : side[0][1]])[0] in self._first_names
                or self._key(text[side[-1][0] : side[-1][1]])[0] in self._surnames
                for side in sides
            ]
            if not any(known):
                continue
            for g in "ab":
                if (got := self._value(text, *m.span(g))) is not None:
                    out.append(got)
        return out

    def _written_about(self, text: str) -> list[tuple[int, int, str]]:
        """People that prose and letters about them place (docs/MASKING.md,
        "Acknowledgements, condolences, emergency contacts and reminders"), each rule behind
        a cheap test."""
        out: list[tuple[int, int, str]] = []
        if ("," in text or ":" in text) and _kin_before_comma(text):
            out.extend(self._kin_named(text))
        if ",\n" in text or ",\r\n" in text:
            out.extend(self._signed_under_closing(text))
        if not text.isascii() and any(t in text for t in _TITLE_HINTS):
            out.extend(self._titled_script(text))
        if ";" in text and _THANKS_HINT.found_in(text, self.shortcuts):
            out.extend(self._thanked_subjects(text))
        return out

    def _kin_named(self, text: str) -> list[tuple[int, int, str]]:
        """People named right after the writer's or the reader's relatives, teachers or
        colleagues, set off by a comma or a colon, in any script: an apposition closed by a
        comma ("my supervisor, Prof. Ana Lima, for …", "your father, Ben Ode, passed away",
        "ton père, …, le …"), and a plural's list joined by "and" ("My parents, Ana and Rui,
        never asked", "meine Eltern: Ana und Rui"). Wrong for capitalised words that are no
        person in such a place ("my parents, Catholic and Proud, raised me" masks both)."""
        out: list[tuple[int, int, str]] = []
        n = len(text)
        for m in _KIN_WORD.finditer(text):
            items: list[tuple[int, int]] = []
            at, joined = m.end(), False
            while len(items) < 6:
                t = _ACADEMIC.match(text, at)
                if t is not None:
                    at = t.end()  # "Prof. Ana Lima": the title is no part of the name
                span = self._capitalised_words(text, at)
                if span is None or span[1] - span[0] > 60:
                    break
                items.append(span)
                sep = _KIN_SEP.match(text, span[1])
                if sep is None:
                    break
                if sep.group("join") is not None or sep.group("join2") is not None:
                    joined = True
                elif joined:
                    break  # "Ana and Rui, never asked": the list has ended
                at = sep.end()
            else:
                continue
            if not items:
                continue
            end = items[-1][1]
            closed = end == n or text[end] in ",;."
            if m.group("many") is not None:
                if len(items) < 2 or not joined:
                    continue  # "my parents, Sunday lunches": a list needs its "and"
            elif len(items) > 1 or not closed:
                continue  # "your father, Ana, and I": a singular's apposition is one name
            for a, b in items:
                # the place says a person: a given name that is also a word counts ("Pablo")
                if (got := self._value(text, a, b, common=False)) is not None:
                    out.append(got)
        return out

    def _signed_under_closing(self, text: str) -> list[tuple[int, int, str]]:
        """A letter's signature: the line right under a line that is only a closing of the
        policy and a comma ("Yours faithfully,", "With love,", "In stillem Gedenken,"), one to
        four words in any script, capitalised or without case ("Yours faithfully,\nᏥᏩ ᏥᏍᏆ",
        "Un abrazo fuerte,\nKaramɔgɔ Jakite"). Wrong for a firm or a product signing with
        words the lists lack ("Kind regards,\nKestrel Labs" is masked)."""
        out: list[tuple[int, int, str]] = []
        for m in _COMMA_EOL.finditer(text):
            comma = m.start()
            above = text.rfind("\n", 0, comma) + 1
            closing = " ".join(fold(text[above:comma]).split())
            if closing not in self._closings:
                continue
            start = text.find("\n", comma) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            while end > start and text[end - 1] in " \t\r":
                end -= 1
            span = self._capitalised_words(text, start)
            if span is None or span[1] != end:
                continue  # "Thanks,\nPlease reply soon": a sentence, no signature
            if (got := self._value(text, *span)) is not None:
                out.append(got)
        return out

    def _thanked_subjects(self, text: str) -> list[tuple[int, int, str]]:
        """In a text of thanks (an acknowledgement, a letter's thanks), one or two capitalised
        words opening a clause after a semicolon, before a lower-case word, are the person
        the clause is about ("…; Maren proofread chapter 3 twice", "…; Ilse Brandt read every
        draft"): such a clause's subject is the next person thanked. No word may be a common
        word, a listed non-name, a role, a team or a firm's word. Wrong for a firm, a place or
        a fund so placed ("…; Springer published chapter 2" masks "Springer")."""
        out: list[tuple[int, int, str]] = []
        common, not_names = self.cues.common, self.cues.not_names
        for m in _CLAUSE_SUBJECT.finditer(text):
            span = self._capitalised_words(text, m.end())
            if span is None or _LOWER_WORD_NEXT.match(text, span[1]) is None:
                continue
            a, b = span
            words = [w.span() for w in _ONE_WORD.finditer(text, a, b)]
            if len(words) > 2:
                continue
            lows = [_low(text[x:y]) for x, y in words]
            if any(w in common or w in not_names or w in self._roles for w in lows):
                continue  # "…; Chapter 2 appeared", "…; Thanks also go to"
            if self._company(text, words):
                continue
            if (got := self._value(text, a, b)) is not None:
                out.append(got)
        return out

    def _titled_script(self, text: str) -> list[tuple[int, int, str]]:
        """The name after a doctor's or a professor's title in a script the capitalised runs
        do not read (Cherokee, Ol Chiki, Meitei Mayek, Adlam, …: "with Dr ᏓᎶᏂᎨ at",
        "Prof. ᱥᱤᱫᱳ ᱵᱮᱥᱨᱟ,"): one to three words, each capitalised or without case. Names
        in Latin, Greek, Cyrillic and Armenian letters are the cues' to read. Wrong for a
        thing so titled ("Ask Dr ᏣᎳᎩ, our reading app" masks the word)."""
        out: list[tuple[int, int, str]] = []
        for m in _TITLE_BEFORE.finditer(text):
            at = m.end()
            if at >= len(text) or _RUN_SCRIPT.match(text, at) is not None:
                continue
            span = self._capitalised_words(text, at)
            if span is None:
                continue
            stop = text.find(". ", *span)  # "bij tandarts ᏥᏍᏆ. Antwoord J …": it has ended
            words = [w.span() for w in _ONE_WORD.finditer(text, at, stop if stop > 0 else span[1])]
            if not words:
                continue
            words = words[:3]
            if (got := self._value(text, words[0][0], words[-1][1])) is not None:
                out.append(got)
        return out

    def _titled_one(self, text: str) -> list[tuple[int, int, str]]:
        """One capitalised word after an English job title of ``leading_roles`` at a clause's
        start, before a lower-case word ("Agent Bérénice was very patient", "Supervisor Ebru
        called back"): the person the title precedes, where the word is a given name of any
        list (the paired locales' and the policy's too, which elsewhere need a family name
        after them) or has a letter outside ASCII (a name the lists lack, "Aurélien"); an
        ASCII word the lists lack is as often an English word ("Agent Orange was", "Admin
        Portal is down"). Wrong for a product so named with an accent ("Agent Café is
        offline" masks "Café"); an ASCII name the lists lack stays in clear."""
        out: list[tuple[int, int, str]] = []
        common = self.cues.common
        for m in _TITLED_ONE.finditer(text):
            if _low(m.group("title")) not in self.cues.leading_roles:
                continue
            a, b = m.span("name")
            word = text[a:b]
            low = _low(word)
            if low in common or low in self._roles or low in self._teams or word.isupper():
                continue
            key = self._key(word)[0]
            if word.isascii() and key not in self._first_names and key not in self._paired:
                continue  # "Agent Orange was used", "Admin Portal is down": English words
            if (got := self._value(text, a, b)) is not None:
                out.append(got)
        return out

    def _tributes(self, text: str) -> list[tuple[int, int, str]]:
        """The person a newsletter congratulates, prays for, welcomes or thanks
        ("Congratulations to Ana Lima on …", "Please pray for Ben Ode."): two or three
        capitalised words after the phrase, none a common word of the languages, a street or
        a firm's word (one word is as often a place or a firm: "Welcome to Lisbon", "Thanks
        to Vodafone"). Wrong for a place or a firm of two words the lists lack ("Prayers for
        Sri Lanka" is masked)."""
        out: list[tuple[int, int, str]] = []
        common = self.cues.common
        for m in _TRIBUTE.finditer(text):
            span = self._capitalised_words(text, m.end())
            if span is None:
                continue
            words = [w.span() for w in _ONE_WORD.finditer(text, *span)]
            if not 2 <= len(words) <= 3 or not all(text[a].isupper() for a, _ in words):
                continue
            if any(_low(text[a:b]) in common for a, b in words) or self._company(text, words):
                continue  # "Welcome to New Zealand", "Thanks to Hugo Logistics"
            if (got := self._value(text, *span)) is not None:
                out.append(got)
        return out

    def _bracketed_roles(self, text: str) -> list[tuple[int, int, str]]:
        """A person whose role in a case follows in brackets ("For: Ana Lima (witness)",
        "Ben Ode (defendant)"): the capitalised words that open the line, after one label
        word and its colon at most, right before the bracket; not a firm ending in a word of
        the policy's ``companies``. Wrong for a firm named otherwise ("Acme Brothers
        (defendant)" is masked)."""
        out: list[tuple[int, int, str]] = []
        for m in _PAREN_ROLE.finditer(text):
            line = text.rfind("\n", 0, m.start()) + 1
            label = _LINE_LABEL.match(text, line, m.start())
            a = label.end() if label is not None else line
            b = m.start()
            while b > a and text[b - 1] in " \t":
                b -= 1
            words = self._capitalised_words(text, a)
            if words is None or words[1] != b or b - a > 80:
                continue  # lower-case words before the bracket: a sentence, not a name
            if self._company(text, [w.span() for w in _ONE_WORD.finditer(text, a, b)]):
                continue  # "Acme Holdings Ltd (defendant)"
            if (got := self._value(text, a, b)) is not None:
                out.append(got)
        return out

    def _spaced_table(self, text: str, things: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The cells of the name column of a table aligned by spaces (results, rosters: "Pos
        Bib   Name   Club   Time"): a header line of three or more short labels without
        digits set apart by two spaces or more, one of them a name column of the policy, and
        the lines under it with as many cells. Cells of a column of no person
        (``not_name_columns``: "Club", "Team", "City") are added to ``things``: a name found
        there is dropped ("Ralph Lauren" as a club)."""
        out: list[tuple[int, int, str]] = []
        lines = text.split("\n")
        pos = 0
        header: list[str] = []
        for line in lines:
            if "  " not in line:
                header = []
                pos += len(line) + 1
                continue
            cells = [(pos + m.start(), pos + m.end()) for m in _SPACED_CELL.finditer(line)]
            labels = [text[a:b] for a, b in cells]
            if (
                len(cells) >= 3
                and all(len(c.split()) <= 2 and _DIGIT.search(c) is None for c in labels)
                and any(_field_key(c) in self._columns for c in labels)
            ):
                header = [_field_key(c) for c in labels]
            elif header and len(cells) == len(header) and "  " in line:
                for (a, b), key in zip(cells, header, strict=True):
                    if key in self._columns:
                        got = self._value(text, a, b, common=False)
                        if got is not None:
                            out.append(got)
                    elif key in self.cues.not_name_columns:
                        things.append((a, b))
            else:
                header = []
            pos += len(line) + 1
        return out

    def _laid_out_names(self, text: str) -> list[tuple[int, int, str]]:
        """Names that a caption, an invitation or an author list places, each gated by a
        substring: the parties of a case name ("Re: Mugerwa v. Kachingwe,", "Ana Lima vs. Rui
        Sousa"), a couple on the lines around a line of "&" or "and" alone or on the line
        before an invitation's verb ("Ana Lima et Rui Sousa\nont la joie …"), and the people
        of a package's author list (``"contributors": ["Ana Lima"]``, ``authors = [{name =
        "Ana Lima"}]``, the lines of an AUTHORS file). What each gets wrong is in
        docs/MASKING.md ("Tables, captions, invitations and author lines")."""
        out: list[tuple[int, int, str]] = []
        value = self._value
        if " v. " in text or " vs. " in text or " v " in text:
            companies = self.cues.companies
            for m in _CASE_PARTIES.finditer(text):
                for g in (1, 2):
                    last = m.group(g).split()[-1]
                    if len(m.group(g).split()) > 1 and _company_word(last, companies):
                        continue  # "Northwind Ltd v. Globex Inc": companies
                    got = value(text, *m.span(g))
                    if got is not None:
                        out.append(got)
        if "\n" in text:
            for hint, pattern in (
                (_COUPLE_LINE_HINT, _COUPLE_LINES),
                (_INVITE_HINT, _COUPLE_INVITES),
            ):
                if hint.search(text) is None:
                    continue
                for m in pattern.finditer(text):
                    if not all(self._couple_part(m.group(g)) for g in (1, 2)):
                        continue  # "Terms\n&\nConditions": no couple
                    for g in (1, 2):
                        got = value(text, *m.span(g))
                        if got is not None:
                            out.append(got)
        if "[" in text and _AUTHOR_LIST.search(text) is not None:
            for m in _AUTHOR_LIST.finditer(text):
                for s in _QUOTED.finditer(text, *m.span(1)):
                    before = text[m.start(1) : s.start()].rstrip()
                    key = _KEY_BEFORE.search(before)
                    if before.endswith(("=", ":")) and (key is None or key.group(1) != "name"):
                        continue  # "email = …": no name
                    a, b = s.span(1)
                    cut = _ADDRESS_TAIL.search(text, a, b)
                    got = value(text, a, cut.start() if cut is not None else b)
                    if got is not None:
                        out.append(got)
        if ("owner" in text or "assignee" in text or "agent-" in text) and '"' in text:
            out.extend(self._values_of(_OWNER_TAG, text))  # ["refund", "owner-Juliet"]
        if ("AUTHORS" in text or "CONTRIBUTORS" in text) and _AUTHORS_FILE.match(text):
            pos = text.find("\n") + 1
            while 0 < pos < len(text):
                end = text.find("\n", pos)
                end = len(text) if end < 0 else end
                line = text[pos:end]
                if not line.strip() or line.lstrip().startswith("#"):
                    break
                if line.lstrip()[:1].islower():
                    pos = end + 1
                    continue  # "see the git history": a sentence, no author
                cut = _ADDRESS_TAIL.search(text, pos, end)
                got = value(text, pos + len(line) - len(line.lstrip()), cut.start() if cut else end)
                if got is not None:
                    out.append(got)
                pos = end + 1
        return out

    def _couple_part(self, part: str) -> bool:
        """One of a couple's names: two words or more, or a first name of the lists."""
        words = part.split()
        return len(words) > 1 or _low(words[0]) in self._first_names

    def _couple_names(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The first of a couple before an announcement's verb, when the second is found
        ("Ana & Rui are delighted to announce", "Anna und Jonas freuen sich", "Ana et Rui ont
        la joie"): a name of one or two words in any script before "&" or "and" in the nine
        languages; leading common words are no part of it ("Today Ana and Rui are proud …":
        Ana). Read only after a found name that the verb follows."""
        out: list[tuple[int, int, str]] = []
        common = self.cues.common
        for _, end, _ in found:
            if _COUPLE_AFTER.match(text, end) is None:
                continue
            start = min(a for a, b, _ in found if b == end)
            m = _COUPLE_BEFORE.search(text, max(0, start - 80), start)
            if m is None:
                continue
            words = list(_NAME_WORD.finditer(text, *m.span(1)))
            while len(words) > 1 and _low(words[0].group()) in common:
                words.pop(0)
            if words and (got := self._value(text, words[0].start(), m.end(1))) is not None:
                out.append(got)
        return out

    def _no_thing_names(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The found names less the value of a JSON ``"name"`` member of an object that is
        visibly no person: a sibling member is a thing's (``_THING_KEYS``: a login object,
        URIs, a password, a version, a price, dependencies) and none is a person's
        (``_PERSON_KEYS``: an e-mail, a phone, a given or family name, a birth date). A value
        opening with a known first name stays ("Lieke Brouwers" as an item's name)."""
        things: set[tuple[int, int]] = set()
        for m in _JSON_NAME_VALUE.finditer(text):
            keys = _json_sibling_keys(text, m.start())
            if keys & _THING_KEYS and not keys & _PERSON_KEYS:
                things.add(m.span(1))
        if not things:
            return found
        first = self._first_names
        return [
            f
            for f in found
            if not any(a <= f[0] and f[1] <= b for a, b in things) or f[2].split()[0] in first
        ]

    def _person_word_names(self, text: str) -> list[tuple[int, int, str]]:
        """People that a record places after a word of the form rather than a field's colon
        (nine languages, each behind a cheap test): a status line's person ("Identity check
        passed for Ana Lima."), a person word in running text ("assignee Ana Lima is out",
        "— owner Ana Lima, 0121 …") or before a list ("witnesses: Ana Lima (tel. …), Ben
        Ode", "Guest list (table 3): Ana +1, Ben"), a roster's time slots ("9-12 Ana Lima;"),
        a group chat's "Ana added Ben" and a contact-tracing line ("…; with Ana Lima.").
        What each gets wrong is in docs/MASKING.md ("Names that a record form places")."""
        out: list[tuple[int, int, str]] = []
        starts: list[int] = []
        if " " in text and _STATUS_HINT.found_in(text, self.shortcuts):
            starts.extend(m.end() for m in _STATUS_FOR.finditer(text))
        if " " in text and _PERSON_HINT.found_in(text, self.shortcuts):
            for m in _PERSON_WORD.finditer(text):
                if m.group("list") is None:
                    starts.append(m.end())
                    continue
                starts.extend(self._record_items(text, m.end()))
        if " " in text and _TRIBUTE_HINT.found_in(text, self.shortcuts):
            out.extend(self._tributes(text))
        if self._leading_title_re is not None and self._leading_title_re.search(text):
            out.extend(self._titled_one(text))
        if any(f" {j} " in text for j in ("and", "und", "et", "y", "e", "en", "i", "ve")):
            out.extend(self._coordinated(text))
        if "-" in text or "–" in text:
            starts.extend(m.start("name") for m in _SLOT_NAME.finditer(text))
        if "\n" in text and _ADDED_HINT.search(text) is not None:
            for m in _ADDED_LINE.finditer(text):
                starts.extend(m.start(g) for g in ("a", "b", "c") if m.group(g) is not None)
        if ";" in text or "," in text:
            starts.extend(m.start("name") for m in _WITH_NAME.finditer(text))
        if ":" in text:
            starts.extend(m.start("name") for m in _VISIT_TIME.finditer(text))
            if _NAME_WORD_HINT.found_in(text, self.shortcuts):
                starts.extend(m.start("name") for m in _NAME_WORD_FIELD.finditer(text))
            if any(c.isdigit() for c in text) and _CLASS_HINT.found_in(text, self.shortcuts):
                starts.extend(m.end() for m in _CLASS_OF.finditer(text))
        if "-" in text and _COMMENTED_HINT.search(text) is not None:
            starts.extend(m.start("name") for m in _COMMENTED_LINE.finditer(text))
        if " " in text and _CALLBACK_HINT.found_in(text, self.shortcuts):
            starts.extend(m.end() for m in _CALLBACK_FOR.finditer(text))
        if "\n" in text and _BADGE_HINT.found_in(text, self.shortcuts):
            starts.extend(m.start("name") for m in _BADGE_LINE.finditer(text))
        for at in starts:
            span = self._capitalised_words(text, at)
            if span is None:
                continue
            a, b = span
            stop = text.find(". ", a, b)  # "… for Ana Lima. Last login": the sentence ends
            if stop > a + 1:
                b = stop
            # A job title after the word ("approved by Gerente Ana Lima", "… by Kierownik
            # Zmiany") is the title rules' to read: they keep the name and drop the title.
            if any(_low(w) in self._roles for w in _LETTERS.findall(text[a:b])):
                continue
            initial = _LEADING_INITIAL.match(text, a, b)  # "D. Paegle": the name as the
            if initial is not None:  # initials rule reads it, the family name alone
                a = initial.end()
            if (got := self._value(text, a, b)) is not None:
                out.append(got)
        return out

    def _catalogue_names(self, text: str) -> list[tuple[int, int, str]]:
        """People that a citation, a family tree, a game record, a directory entry or a
        patent's front page places by its syntax (``archiver/transform/catalogues.py``)."""
        return catalogues.names(self, text) + records.names(self, text)

    def _no_owners(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """``found`` without a patent's assignee or a certificate's issuer, a citation's
        publisher or a game's site (``catalogues``), in a text that may hold one."""
        if catalogues.owner_hint(text):
            found = catalogues.dropped_owners(self, text, found)
        if found and records.thing_hint(text):
            found = records.dropped(self, text, found)  # "Creation Date:", "Michelin Institute"
        return found

    def _record_items(self, text: str, at: int) -> list[int]:
        """Where the items of a list of people after its label start: parted by commas
        outside brackets, up to the line's or sentence's end or a semicolon; "+1" and a
        note in brackets after an item are no part of the next."""
        out = [at]
        depth = 0
        k = at
        n = len(text)
        while k < n:
            c = text[k]
            if c in "([":
                depth += 1
            elif c in ")]":
                depth = max(0, depth - 1)
            elif c in "\r\n;" or (depth == 0 and c == "." and text[k + 1 : k + 2] in (" ", "")):
                break
            elif c == "," and depth == 0:
                j = k + 1
                while j < n and text[j] in " \t":
                    j += 1
                out.append(j)
            k += 1
        return out

    def _values_of(self, pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
        """The name in group 1 of each match, where ``_value`` takes it as one (common words
        alone are no name here)."""
        found = (self._value(text, *m.span(1)) for m in pattern.finditer(text))
        return [got for got in found if got is not None]

    def _capitalised_words(self, text: str, at: int) -> tuple[int, int] | None:
        """The span of up to four words from ``at`` that open with a capital or a letter of a
        script without case (particles of names between them): where a lower-case word
        starts, the name has ended ("certifies that Ana Lima completed …")."""
        spans: list[tuple[int, int]] = []
        for w in _ONE_WORD.finditer(text, at):
            if w.start() != (spans[-1][1] + 1 if spans else at):
                break
            if spans and text[w.start() - 1] not in " \t":
                break  # "Ana,Lima", a line break: no name runs on over it
            word = w.group()
            low = word.lower()
            if not (
                word[0].isupper() or _uncased(word[0]) or (spans and low in PARTICLES | _JOINS)
            ):
                break
            spans.append(w.span())
            if len(spans) == 5:
                break
        while spans and not (text[spans[-1][0]].isupper() or _uncased(text[spans[-1][0]])):
            spans.pop()  # "Ana van" before a verb: the particle belongs to no name here
        if not spans:
            return None
        end = spans[-1][1]
        while text[end - 1] == ".":
            end -= 1
        return (at, end) if end > at else None

    def _action_owners(self, text: str) -> list[tuple[int, int, str]]:
        """The owners of a meeting's action items under its line of people ("2. ACTION Reka:
        send …", "Aktion ZSOFIA: …"), in any case: the word after the action label and before the
        colon is whom the item is for. Wrong for a team or a role not in the policy's lists
        ("ACTION Legal: …" is dropped by ``_value``, "ACTION Vendor: …" is not)."""
        return self._group_values(_ACTION_OWNER, text)

    def _group_values(self, pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
        """The name in group 1 of each match, where ``_value`` takes it as one."""
        found = (self._value(text, *m.span(1), common=False) for m in pattern.finditer(text))
        return [got for got in found if got is not None]

    def _known_items(self, text: str, items: list[tuple[int, int, str]]) -> bool:
        """Half the items or more (one at least) hold a first name or surname of the lists."""
        hits = sum(
            1
            for a, b, _ in items
            if any(
                self._key(w)[0] in self._any_names and _low(w) not in self.cues.common
                for w in text[a:b].split()
            )
        )
        return hits >= 1 and 2 * hits >= len(items)

    def _line_items(self, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
        """The items of a labelled line of people ("Attendees: 김서연, Kasun Wickramasinghe and
        Kofi Boateng 26%"): parted by commas, semicolons, "&", a spaced "/" and the word "and"
        of the languages; the last item ends where its words stop reading as a name
        (``_item_head``), as the line may go on ("… and Jayasuriya C. ref KCOOGBH8XXX"). A
        capitalised common word is a name there ("Bill", "Hope Young"): the label says who
        the items are."""
        parts: list[tuple[int, int]] = []
        pos = a
        for m in _LINE_ITEM_SEP.finditer(text, a, b):
            parts.append((pos, m.start()))
            pos = m.end()
        parts.append((pos, b))
        out = []
        for k, (s, e) in enumerate(parts):
            got = None
            if k == len(parts) - 1:
                got = self._item_head(text, s, e)
            if got is None:
                got = self._item_value(text, s, e, common=False)
            if got is not None:
                out.append(got)
        return out

    def _item_head(self, text: str, a: int, b: int) -> tuple[int, int, str] | None:
        """The words opening the last item of a line of people that read as a name: words of
        a script without case, capitalised words or words in capitals that are no common word
        (unless a first name or surname of the lists: "Hope Young"), initials ("C."),
        particles and lower-case words before a capitalised one ("de la", "dela Cruz"), and,
        when the item opens in lower case, lower-case words that are no common word ("hope
        taylor ref …"); four at most."""
        while a < b and text[a] in " \t\"'*":
            a += 1
        cut = _ITEM_TAIL.search(text, a, b)
        if cut is not None:
            b = cut.start()
        words = [m for m in _HEAD_WORD.finditer(text, a, b)]
        if not words or words[0].start() != a:
            return None
        lower = text[words[0].start() : words[0].end()].islower()
        end, taken, pos = a, 0, a
        for k, m in enumerate(words):
            if m.start() != pos or taken == 4:
                break  # something else than spaces between words: the item ended
            word = m.group(1)
            low = _low(word.rstrip("."))
            after = m.end(1) == b or text[m.end(1)] in " \t\r"
            if not after:
                break  # "KD-123350", "26%": not a word of a name
            nxt = words[k + 1].group(1) if k + 1 < len(words) else ""
            bridge = nxt[:1].isupper() and not nxt.isupper() and low not in self.cues.common
            if k > 0 and word.islower() and (low in PARTICLES or bridge):
                pos = m.end()
                continue  # "de la", "dela": kept only when a name word follows
            if k > 0 and not self._head_word(word, low, lower):
                if low in self._teams or low in self._roles:
                    return None  # "Growth Team ref …": a team's or a job's name
                if text[end : m.start(1)].strip() or not _closes_item(text, m.end(1), b, word, low):
                    break  # a closing common word right after a name word only ("went Home")
            end, pos = m.start(1) + len(word), m.end()
            taken += 1
        if end <= a:
            return None
        return self._value(text, a, end, common=False)

    def _head_word(self, word: str, low: str, lower: bool) -> bool:
        """``word`` goes on a name in ``_item_head``."""
        if low in self.cues.not_names or low in self.cues.connectors:
            return False
        if _INITIAL.fullmatch(word) is not None:
            return True
        if word.islower():
            return lower and low not in self.cues.common
        if word[:1].lower() == word[:1].upper():
            return True  # a script without case
        return low not in self.cues.common or self._key(word)[0] in self._any_names

    def _item_value(
        self, text: str, a: int, b: int, common: bool = True
    ) -> tuple[int, int, str] | None:
        """An item of a list: a marker ("- ", "• ", "1. ") left off, and what follows the name
        in brackets, after a dash or after a comma ("Ana Souza (finance)", "Avi Azoulay - QA",
        "Ana Souza, seat 7B"; not "Souza, Ana", a surname written first)."""
        m = _BULLET.match(text, a, b)
        if m is not None:
            a = m.end()
        while a < b and text[a] in " \t\"'*":
            a += 1
        cut = _ITEM_TAIL.search(text, a, b)
        if cut is not None:
            b = cut.start()
        comma = text.find(",", a, b)
        if comma > a and len(text[comma + 1 : b].split()) != 1:
            b = comma
        while b > a and text[b - 1] in " \t\"'*\r":
            b -= 1
        return self._value(text, a, b, common=common)

    def _table(
        self,
        text: str,
        lines: list[tuple[int, int]],
        k: int,
        out: list[tuple[int, int, str]],
    ) -> int:
        """The cells of the name columns of a table starting at line ``k`` (lines with as many
        tabs, "|", ";" or ","): a column whose header is one of the policy's name columns
        ("first", "who"), or, with no such header, one where most cells (two at least) hold a
        known first name or surname. Returns the line after the table (``k + 1`` if none)."""
        ls, le = lines[k]
        n = len(lines)
        for sep in "\t|;,":
            count = text.count(sep, ls, le)
            if count < (2 if sep in ",;" else 1):
                continue  # "Mi presento, Ana.\nHi, …": two lines of a comma are sentences
            j = k + 1
            while j < n and lines[j][0] < lines[j][1] and self._row(text, sep, count, lines[j]):
                j += 1
            if j - k < 2:
                continue
            rows = [text[a:b].split(sep) for a, b in lines[k:j]]
            labels = all(
                len(f.split()) <= 3
                and not _DIGIT.search(f)
                and not f.rstrip().endswith((".", "!", "?"))
                for f in rows[0]
            )
            header = [_field_key(f.strip(" \t\"'*")) for f in rows[0]] if labels else []
            cols = [c for c, h in enumerate(header) if h in self._columns]
            first, named = k + 1, bool(cols)
            if not cols and count >= 2:  # no header: three fields a line at least
                # a first line of short labels without digits is a header the policy lacks
                # ("| naame | phone |"): not a row
                first = k + 1 if labels else k
                cols = [c for c in range(count + 1) if self._known_column(rows, c)]
                cols = sorted({*cols, *self._next_columns(rows, cols)})
            for r in range(first, j):
                a = lines[r][0]
                for c, cell in enumerate(rows[r - k]):
                    if c in cols:
                        lead = len(cell) - len(cell.lstrip(" \t\"'*"))
                        end = a + len(cell.rstrip(" \t\"'*\r"))
                        got = self._value(text, a + lead, end, common=not named)
                        if got is not None:
                            out.append(got)
                    a += len(cell) + 1
            return j
        return k + 1

    @staticmethod
    def _row(text: str, sep: str, count: int, line: tuple[int, int]) -> bool:
        """The line continues a table of ``count`` separators a line: as many, or (commas and
        semicolons) up to two more, a value holding the separator ("+7 712 347, int. 815")."""
        here = text.count(sep, *line)
        return here == count or (sep in ",;" and count >= 2 and count < here <= count + 2)

    def _known_column(self, rows: list[list[str]], c: int) -> bool:
        """Most cells of column ``c`` (two at least; half the rows when a row's e-mail address
        repeats a cell: "Kebede;keBedeY@…") hold a first name or surname of the lists or a
        word the row's address repeats, written as words of letters."""
        hits, mailed = 0, False
        for row in rows:
            words = row[c].split() if c < len(row) else []
            if not 1 <= len(words) <= self.cues.max_words:
                return False  # a column of sentences or of empty cells
            if _in_local_part(row, c, words):
                hits, mailed = hits + 1, True
            elif any(
                self._key(w.strip("\"'*"))[0] in self._any_names
                and _low(w.strip("\"'*")) not in self.cues.common
                for w in words
            ):
                hits += 1
        # an address repeating a cell is the stronger sign: half the rows are enough then
        return hits >= 2 and (2 * hits > len(rows) or (mailed and 2 * hits == len(rows)))

    def _next_columns(self, rows: list[list[str]], cols: list[int]) -> list[int]:
        """The columns right after or before a name column of a table of contacts (a row
        holds an address or a number) whose every cell is one word of letters: the other part
        of the name ("Etian,Friedamn,efriedman@…")."""
        if not cols or not all(any("@" in f or _DIGIT.search(f) for f in row) for row in rows):
            return []
        out = []
        for c in {c + d for c in cols for d in (-1, 1)} - set(cols):
            if c >= 0 and all(
                c < len(row)
                and _ONE_WORD.fullmatch(row[c].strip(" \t\"'*\r")) is not None
                and _low(row[c].strip(" \t\"'*\r")) not in self.cues.common
                for row in rows
            ):
                out.append(c)
        return out

    # -- lists -----------------------------------------------------------------------------------

    def _list_items(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The other items of a list one of whose items is a found name: a line opening with a
        person label ("Attendees: Kelechi, Zhao Shuang & Dariush", "cc: …") or a markdown list
        ("- Ana Souza (finance)"). An item is capitalised words standing alone between
        separators. Only lines holding a found name are read again."""
        taken = {(a, b) for a, b, _ in found}
        lines: set[int] = set()
        out: list[tuple[int, int, str]] = []
        for a, _, _ in found:
            ls = text.rfind("\n", 0, a) + 1
            if ls in lines:
                continue
            lines.add(ls)
            le = text.find("\n", a)
            le = len(text) if le < 0 else le
            label = self._list_label.match(text, ls, a) if self._list_label else None
            if label is not None and label.end() > ls:
                spans = [(label.end(), le)]
                out.extend(self._lower_items(text, label.end(), le, taken))
            elif _BULLET.match(text, ls, a) is not None:
                spans = [(m.end(), e) for m, e in self._bullet_block(text, ls)]
            else:
                continue
            for start, end in spans:
                for m in self._run.finditer(text, start, end):
                    if (m.start(), m.end()) in taken or not self._item(text, start, m, end):
                        continue
                    name = self._trim(text, self._words(text, m.start(), m.end()))
                    if name is not None:
                        taken.add(name)
                        out.append((*name, " ".join(fold(text[name[0] : name[1]]).split())))
        return out

    def _lower_items(
        self, text: str, start: int, end: int, taken: set[tuple[int, int]]
    ) -> list[tuple[int, int, str]]:
        """Items in lower case of a labelled line of people ("cc: hendra lestari, Ana Souza"):
        one to three words of letters alone between separators, none a listed non-name or
        common word."""
        out = []
        line = ":" + text[start:end]  # the label ends like a separator
        for m in _LOWER_ITEM.finditer(line):
            a, b = start + m.start(1) - 1, start + m.end(1) - 1
            words = text[a:b].split()
            if not text[a:b].islower() or any(
                _low(w) in self.cues.not_names
                or _low(w) in self.cues.common
                or _low(w) in self.cues.connectors
                for w in words
            ):
                continue
            taken.add((a, b))
            out.append((a, b, " ".join(fold(text[a:b]).split())))
        return out

    def _bullet_block(self, text: str, at: int) -> list[tuple[re.Match[str], int]]:
        """The markers and line ends of the markdown list the line at ``at`` belongs to."""
        starts = [at]
        s = at
        while s > 0:  # lines above
            prev = text.rfind("\n", 0, s - 1) + 1
            if _BULLET.match(text, prev, s - 1) is None:
                break
            starts.insert(0, prev)
            s = prev
        e = text.find("\n", at)
        while e >= 0 and _BULLET.match(text, e + 1) is not None:
            starts.append(e + 1)
            e = text.find("\n", e + 1)
        out = []
        for ls in starts:
            le = text.find("\n", ls)
            m = _BULLET.match(text, ls, len(text) if le < 0 else le)
            if m is not None:
                out.append((m, len(text) if le < 0 else le))
        return out

    def _item(self, text: str, start: int, m: re.Match[str], end: int) -> bool:
        """The run is a whole item: a separator (or the list's start) before it, and one (or
        the line's end) after it."""
        before = text[start : m.start()].rstrip(' \t"')
        if (
            before
            and before[-1] not in ",;&+>:/"
            and _last_word(before) not in self.cues.connectors
        ):
            return False
        after = text[m.end() : end].lstrip(' \t"')
        if not after or after[0] in ",;&<(|–—-/":
            return True
        nxt = _next_word(text, m.end())
        return nxt is not None and nxt in self.cues.connectors and after[: len(nxt)].lower() == nxt

    # -- signatures ------------------------------------------------------------------------------

    def _display_name(self, text: str, anchor: int) -> tuple[int, int, str] | None:
        """The quoted display name of an address, whatever its case (``"KIM, MINJUN" <…>``,
        ``"ana souza" <…>``): one to four words of letters."""
        m = _DISPLAY.search(text, max(0, anchor - 80), anchor)
        if m is None:
            return None
        a, b = m.span(1)
        words = _LETTERS.findall(text[a:b])
        if not 1 <= len(words) <= self.cues.max_words:
            return None
        if all(_low(w) in self.cues.not_names or _low(w) in self.cues.common for w in words):
            return None  # "Support Team" <…>, "Customer Service" <…>
        return a, b, " ".join(fold(text[a:b]).split())

    def _signature(self, text: str, anchor: int) -> tuple[int, int, str] | None:
        """The name of a phone number's or address's signature: opening its line (or after a
        colon) with a separator between ("Ana Souza, +55 …", "Jan Kowalski | jan@…"), as a
        display name right before it ("… Ana Souza <ana@…>"), or alone on the line above
        ("--\\nAna Souza\\n+55 …")."""
        line_start = text.rfind("\n", 0, anchor) + 1
        prefix = text[line_start:anchor]
        if _last_word(prefix) in _LABELS:
            label = _LABEL.search(prefix, max(0, len(prefix) - 24))
            if label is not None:
                prefix = prefix[: label.start()]
        if not prefix.strip(" \t-–—>*•"):
            return self._line_above(text, line_start)
        if prefix.rstrip(" \t")[-1:] not in _TAIL_CHARS:
            return None  # most phones and addresses: no separator right before them
        # A name and its separator fit in this much: the line before them does not matter.
        cut = max(0, len(prefix) - 120)
        tail = _LINE_TAIL.search(prefix, cut)
        if tail is None:
            return None
        head = prefix[: tail.start()]
        last = head.rsplit(None, 1)[-1] if head.strip() else ""
        if last and _uncased(last[-1]):
            opened = bool(tail.group("b1") or tail.group("b2"))
            return self._uncased_head(text, line_start, line_start + len(head), opened)
        if self._word_re.fullmatch(last) is None:
            return None  # no capitalised word right before the separator
        runs = list(self._run.finditer(head, cut))
        if not runs or runs[-1].end() != len(head) or (cut and runs[-1].start() == cut):
            return None
        run = runs[-1]
        before = head[: run.start()].rstrip(" \t-–—>*•")
        if (
            before.endswith(",")
            and " " not in text[line_start + run.start() : line_start + run.end()]
        ):
            # "Sepulveda, Ignacio - +57 …": a surname written first, alone before the comma
            first = self._word_re.fullmatch(before[:-1].strip(" \t-–—>*•"))
            if first is not None:
                lead = len(before[:-1]) - len(before[:-1].lstrip(" \t-–—>*•"))
                return self._whole(text, line_start + lead, line_start + run.end())
        bracket = tail.group("b1") or tail.group("b2")
        if before and before[-1] in _SEGMENT_SEPARATORS:
            # "Ana Souza | Founder | +55 …": the name opens the line, a job title or a
            # department stands between it and the phone.
            segment = self._first_segment(text, line_start, line_start + len(before))
            if segment is not None:
                return segment
        if before and before[-1] not in ":;|.!?" and not bracket:
            return None
        return self._whole(text, line_start + run.start(), line_start + run.end())

    def _uncased_head(
        self, text: str, line_start: int, end: int, bracket: bool = False
    ) -> tuple[int, int, str] | None:
        """A signature line's name in a script without case ("山本健二 | +92 …", "مريم حداد,
        010 …"): the line's only words before the separator, one to four of them, all in
        such letters; before a bracketed phone ("Called 佐藤めい (0081 …)") the words of such
        letters right before the bracket."""
        a = line_start
        while a < end and text[a] in " \t-–—>*•":
            a += 1
        if bracket:
            words = text[a:end].split()
            keep = 0
            while keep < len(words) and all(_uncased(c) for c in words[-1 - keep]):
                keep += 1
            if keep < len(words):  # a cue word before them: "Called", "Rückruf bei"
                a = end
                for i in range(keep):
                    a = text.rfind(words[-1 - i], line_start, a)
        words = text[a:end].split()
        if not 1 <= len(words) <= self.cues.max_words or not all(
            all(_uncased(c) for c in w) for w in words
        ):
            return None
        return self._value(text, a, end)

    def _block_top(
        self, text: str, anchor: int, named: frozenset[int] = frozenset()
    ) -> tuple[int, int, str] | None:
        """The name opening a signature block whose later line the phone or address opens
        after a short label at most ("\n\nWang Haoran\nData Protection Officer\nAcme\nM: 8123
        …"): the block's first line, right under a blank line or a closing line, is one to
        four words of letters in any script or case, not all of them common words; the lines
        between are short (a job title, a company, another contact line)."""
        line_start = text.rfind("\n", 0, anchor) + 1
        if line_start == 0 or _CONTACT_PREFIX.fullmatch(text, line_start, anchor) is None:
            return None
        start = line_start
        for _ in range(5):
            if start == 0:
                if _address_label(text):
                    break  # the text is the label: its first line, the addressee
                return None
            above = text.rfind("\n", 0, start - 1) + 1
            line = text[above : start - 1].strip()
            if not line:
                break  # the blank line over the block
            if len(line) > 60 or line[-1] in "!?" or (line[-1] == "." and len(line.split()) > 3):
                return None  # a sentence: the message's body, no block
            if self._closing_line(text, start) and above > 0:
                break  # "Regards,\nAna Souza\n…"
            start = above
        else:
            return None
        if start == line_start:
            return None
        end = text.find("\n", start)
        label = start == 0 and _address_label(text)  # a town ("Port Louis") is no closing's name
        if not label and any(start < ls < line_start for ls in named):
            return None  # "Hilsen\nEspen Hansen\nM: …": a name under the first line, a closing
        if (
            not label
            and end + 1 < line_start
            and text.rfind("\n", 0, line_start - 1) == end
            and self._line_above(text, line_start) is not None
        ):
            return None  # "Hilsen\nV. Sæther\nmailto:…": the same, as a signature reads it

        a, b = start, end
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        return self._value(text, a, b)

    def _first_segment(self, text: str, line_start: int, end: int) -> tuple[int, int, str] | None:
        """The name opening a signature line's first segment, when a separator ends it."""
        lead = line_start
        while lead < end and text[lead] in " \t-–—>*•":
            lead += 1
        m = self._run.match(text, lead, end)
        if m is None:
            return None
        rest = text[m.end() : end].lstrip(" \t")
        if not rest or rest[0] not in _SEGMENT_SEPARATORS:
            return None
        return self._whole(text, m.start(), m.end())

    def _line_above(self, text: str, line_start: int) -> tuple[int, int, str] | None:
        """A name of two to four words ending the line right above, alone on it or after a
        sentence ("Kuipers? Koen Kuipers\nMobile: …")."""
        if line_start == 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        m = None
        for m in self._run.finditer(line):  # noqa: B007 - the last run of the line
            pass
        if m is None or not _SIGNATURE_LINE.match(line, m.end()):
            return None
        initial = _INITIALS.fullmatch(line, 0, m.start())
        if initial is not None:
            # "B. Beaulieu-Gauthier", "G. SADEGHI": an initial and a surname sign the line.
            found = self._whole(text, above + m.start(), above + m.end())
            if found is None:
                return None
            a = above + initial.start(1)
            return a, found[1], " ".join(fold(text[a : found[1]]).split())
        before = line[: m.start()].rstrip()
        if before and (before[-1] not in ".!?" or line[m.start() - 1] not in " \t"):
            return None
        if len(self._words(text, above + m.start(), above + m.end())) < 2 and (
            before or not self._closing_line(text, above)
        ):
            return None  # one word alone signs only under a closing ("Regards,\nKatya")
        return self._whole(text, above + m.start(), above + m.end())

    def _signed_replies(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The writer's name signing a reply that names its reader on its first line ("Dạ chị
        Trâm, em sẽ gọi lại …\nKhôi - CSKH", "> Dear Ana, your card …\n> Vojtěch"): in a block
        of lines (no blank line between, the same depth of ``>`` quoting) of two lines or more
        whose first line holds a name found, the last line is one to three words, capitalised
        or in a script without case, after a line ending a sentence, with at most a
        department after a separator ("Rosalind, Customer Care", "Iracema | Apoio"). One
        word alone, or a known given name or a word without case among several; no common
        word, title, role or closing."""
        out: list[tuple[int, int, str]] = []
        starts = [a for a, _, _ in found]
        blocks: list[list[tuple[int, int, int]]] = []  # (line start, text start, line end)
        depth = None
        pos = 0
        while pos <= len(text):
            end = text.find("\n", pos)
            if end < 0:
                end = len(text)
            quote = _QUOTE_PREFIX.match(text, pos, end)
            body = quote.end() if quote is not None else pos
            level = text.count(">", pos, body)
            if not text[body:end].strip():
                depth = None
            elif depth != level or not blocks:
                blocks.append([(pos, body, end)])
                depth = level
            else:
                blocks[-1].append((pos, body, end))
            pos = end + 1
        for block in blocks:
            if len(block) < 2:
                continue
            first, last, above = block[0], block[-1], block[-2]
            if not any(first[0] <= a < first[2] for a in starts):
                continue
            if text[above[1] : above[2]].rstrip(" \t\r")[-1:] not in (".", "!", "?", "…", ")"):
                continue
            m = _REPLY_LINE.fullmatch(text, last[1], last[2])
            if m is None:
                continue
            dept = m.group("dept")
            if dept is not None:
                head = dept.split()[0]
                if (m.group("sep") == "," and " " not in dept and not dept.isupper()) or (
                    head[0].isupper() and self._key(head)[0] in self._any_names
                ):
                    continue  # "Groet, Femke", "Best - Anna": a closing, the name after it
            span = self._reply_name(text, m.start("name"), m.end("name"))
            if span is not None and not any(a < span[1] and span[0] < b for a, b, _ in found):
                out.append(span)
        return out

    def _final_signer(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The writer signing a message on its last line(s): a name of one to four words
        (capitalised or in a script without case, in any script whatever the text's) on a line
        of its own after a blank line ("…\n\nUxía Seoane"), after a dash ("— Uxía Seoane"),
        before a department after "|" ("Aoife Ó Briain | Customer Care") or above a last line
        that names a team ("Uxía Seoane\nSupport team"). The text above ends a sentence or a
        link; one word alone must be a known given name or without case. A product or a place
        so written is taken as well (docs/MASKING.md, "wrong way")."""
        end = len(text.rstrip())
        start = text.rfind("\n", 0, end) + 1
        if start == 0:
            return []
        line = text[start:end].strip()
        strong = False
        words = line.split()
        if (
            1 <= len(words) <= 4
            and len(line) <= 40
            and not any(c.isdigit() for c in line)
            and any(_low(w) in self._teams for w in words)
        ):
            end = start - 1  # "Support team", "Customer Care": the name is on the line above
            start = text.rfind("\n", 0, end) + 1
            if start == 0:
                return []
            strong = True
        m = _SIGNER_LINE.fullmatch(text, start, end)
        if m is None:
            return []
        strong = strong or m.group("mark") is not None or m.group("dept") is not None
        above = text[: start - 1].rstrip(" \t\r")
        if not above.endswith("\n") and not strong:
            return []  # a last line right under the text, with no mark: a sentence's end
        above = above.rstrip()
        if not above or (
            above[-1] not in ".!?…)" and not above[above.rfind(" ") + 1 :].startswith("http")
        ):
            return []  # the text above ends a sentence or a link ("…: https://…\nAna Lima")
        a, b = m.span("name")
        if any(x <= a and b <= y for x, y, _ in found):
            return []
        names = text[a:b].split()
        for w in names:
            if self._no_signer_word(w, teams=True, capitals=3):
                return []
            if not (w[0].isupper() or _uncased(w[0])):
                return []
        if len(names) == 1 and not (
            _uncased(names[0][0]) or self._key(names[0])[0] in self._any_names
        ):
            return []
        return [(a, b, " ".join(fold(text[a:b]).split()))]

    def _no_signer_word(self, w: str, *, teams: bool, capitals: int) -> bool:
        """``w`` cannot be a word of a signing name: a common word, a listed non-name, a
        title, role, closing (or team) word, or an acronym of ``capitals`` letters or more."""
        low = fold(w)
        return (
            low in self.cues.common
            or low in self.cues.not_names
            or low in self._titles
            or low in self._roles
            or (teams and low in self._teams)
            or low in self._closings
            or (len(w) >= capitals and w.isupper())
        )

    def _reply_name(self, text: str, a: int, b: int) -> tuple[int, int, str] | None:
        """The words ``text[a:b]`` as a reply's signing name (``_signed_replies``)."""
        words = text[a:b].split()
        known = len(words) == 1
        for w in words:
            if self._no_signer_word(w, teams=False, capitals=2):
                return None
            if all(_uncased(c) or unicodedata.category(c)[0] == "M" for c in w):
                known = True
            elif not w[0].isupper():
                return None
            elif self._key(w)[0] in self._any_names:
                known = True
        if not known:
            return None
        return a, b, " ".join(fold(text[a:b]).split())

    def _closing_line(self, text: str, line_start: int) -> bool:
        """The line above ``line_start`` closes a message: a closing cue ("LG", "Kind
        regards"), or a few words without digits ending in a comma, colon or exclamation mark
        ("S uvazheniyem,", "Trân trọng,", "Üdvözlettel:")."""
        if line_start == 0:
            return False
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].strip()
        if not line or len(line) > 40 or any(c.isdigit() for c in line):
            return False
        if not 1 <= len(line.split()) <= 4:
            return False
        return line[-1] in ",:!" or " ".join(fold(line.rstrip(".")).split()) in self._closings

    def _whole(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        words = self._words(text, start, end)
        name = self._trim(text, words)
        if name is None or len(words) > self.cues.max_words or name[1] != end:
            return None
        if len(words) == 1 and _low(text[start:end]) in self.cues.common:
            return None  # "Account (ana@…)": a word of the language, not a display name
        a, b = name
        return a, b, " ".join(fold(text[a:b]).split())


# The characters that close a field of a record around a name (``_reversed_field``).
_FIELD_EDGES = frozenset('/|;,\t":\r')


# Months as dates write them ("Sep 15, 2023", "15 Jan 2024", "3. Mai"), in the nine
# languages: some are given names too (Jan, Sep, Mai), taken without a cue only away from a
# number.
_MONTHS = frozenset((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mär", "mai", "okt", "dez", "janv", "févr", "fév", "avr", "juin", "juil", "août", "déc",
    "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "set", "ott", "fev", "out", "oca",
    "şub", "nis", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara", "mrt", "mei", "sty", "lut",
    "kwi", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"
))  # fmt: skip
_DAY_AFTER = re.compile(r"[ \t]*\.?[ \t]*\d")
_DAY_BEFORE = re.compile(r"\d[ \t.]*$")
# A postal code opening an address line before the town: "788 27", "66695", "D-10115".
_POSTCODE = re.compile(r"[ \t]*(?:[A-Z]{1,2}-)?\d{2,6}(?:[ \t]\d{2,3})?[ \t]+")


# A house number ending an address line after its street.
# A house number right after a run, whatever follows it but a longer number or a time
# ("Kopernika 9}", "Verdi 12)", not "Anna 10:30" or "Anna 2025").
_NUMBERED = re.compile(r"[ \t]+\d{1,4}[a-zA-Z]?(?![\d:.,/]\d|[\w])")
# English street words that are also verbs or common words in lower case ("drive Anna 5
# miles", "square 4"): a street in English follows its name ("Baker Street").
_VERB_STREETS = frozenset(
    {
        "street",
        "road",
        "avenue",
        "boulevard",
        "highway",
        "parkway",
        "drive",
        "square",
        "terrace",
        "crescent",
        "embankment",
        "place",
    }
)


def _company_word(word: str, companies: frozenset[str]) -> bool:
    """``word`` is one of the policy's ``companies``; one of two or three letters only in
    capitals ("Weber AG", "Holm AS"; not "as agreed", not "Sa" of "Sa’idu"), but for the
    legal forms written in any case ("Ltd", "Inc")."""
    low = _low(word)
    if low not in companies:
        return False
    return len(low) > 3 or low in _LEGAL_MIXED or word.isupper()


# Legal forms of three letters that count written in any case ("Smith Ltd", "Acme Inc"), and
# the word of a payment service named after its maker ("Apple Pay", "Samsung Pay").
_LEGAL_MIXED = frozenset({"ltd", "inc", "llc", "plc", "kft", "zrt", "lda", "pay"})
# Prepositions of place before a street word in lower case: "filmed on ulica Marii Curie",
# "j'habite rue Victor Hugo" has none, "na ulicy …", "an der Straße …" (a name of a street
# after a place, not a person: a person after "on calle" is then missed).
_STREET_AFTER = frozenset(
    {"on", "at", "in", "along", "off", "near", "na", "przy", "w", "we", "sur", "dans", "en",
     "em", "no", "nella", "sulla", "auf", "op", "aan", "на", "по"}
)  # fmt: skip
# A house number written before the street word ("12 rue Victor Hugo", "3bis, avenue …").
_HOUSE_BEFORE = re.compile(r"\d{1,4}(?:[a-zA-Z]|bis|ter)?,?")
_HOUSE_NUMBER = re.compile(r"[ \t]+\d{1,4}[a-zA-Z]?[ \t]*(?:[\r\n,]|$)")


def _prefer_signatures(
    out: list[tuple[int, int, str]], signed: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``out`` with each signature's name in place of the names inside it (a longer name than
    a cue found), unless it only overlaps one. Names are looked up by stretches of the text
    they touch, so a table of thousands of signed rows costs as many lookups, not their
    square."""
    if not signed:
        return out
    kept: dict[int, tuple[int, int, str]] = dict(enumerate(out))
    where: dict[int, list[int]] = defaultdict(list)

    def put(i: int, f: tuple[int, int, str]) -> None:
        for k in range(f[0] // _STRETCH, max(f[0], f[1] - 1) // _STRETCH + 1):
            where[k].append(i)

    for i, f in kept.items():
        put(i, f)
    nxt = len(out)
    for found in signed:
        a, b = found[0], found[1]
        over = {
            i
            for k in range(a // _STRETCH, max(a, b - 1) // _STRETCH + 1)
            for i in where.get(k, ())
            if i in kept and not (b <= kept[i][0] or kept[i][1] <= a)
        }
        if all(a <= kept[i][0] and kept[i][1] <= b for i in over):
            for i in over:
                del kept[i]
            kept[nxt] = found
            put(nxt, found)
            nxt += 1
    return [kept[i] for i in sorted(kept)]


_STRETCH = 256


def _before_anchors(
    text: str, found: list[tuple[int, int, str]], anchors: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``found`` with a name that runs into an address or a number cut before it: a run of
    capitalised words takes the first part of an address in capitals ("Wanjiru Kiprop
    KIPROP.WANJIRU@…", a table's cells once its tags are blanked out), and the two would
    then be masked as one address, the name's token lost."""
    starts = sorted(a for a, _ in anchors)
    out = []
    for f in found:
        a, b = f[0], f[1]
        k = bisect_right(starts, a)
        if k < len(starts) and starts[k] < b:
            cut = starts[k]
            while cut > a and not text[cut - 1].isspace():
                cut -= 1  # the address's first part is no word of the name
            while cut > a and text[cut - 1] in _CUT_CHARS:
                cut -= 1
            if cut <= a:
                continue
            f = (a, cut, " ".join(fold(text[a:cut]).split()))
        out.append(f)
    return out


_CUT_CHARS = frozenset(" \t\r\n,;:|/(<\"'")


def _dated(text: str, start: int, end: int) -> bool:
    """A number right after or right before the word: it is a month of a date."""
    return (
        _DAY_AFTER.match(text, end, end + 4) is not None
        or _DAY_BEFORE.search(text, max(0, start - 4), start) is not None
    )


def _after_postcode(text: str, at: int) -> bool:
    """Only a postal code stands before ``at`` on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    return at - line_start <= 16 and _POSTCODE.fullmatch(text, line_start, at) is not None


def _header(
    text: str, line_start: int, tops: dict[tuple[int, str], int] | None = None
) -> tuple[str, list[str]] | None:
    """The separator and folded header fields of the table the line at ``line_start`` is a
    row of (not its header itself), if any. ``tops`` keeps, per line and separator, the first
    line of its run of lines with as many separators, so that the rows of one table are walked
    up once, not once per row (a pasted table of thousands of rows)."""
    le = text.find("\n", line_start)
    line = text[line_start : len(text) if le < 0 else le]
    for sep in ",;\t|":
        n = line.count(sep)
        if n < 2:
            continue
        top, s = None, line_start
        walked = []
        while s > 0:  # rows above with as many separators, up to the header
            prev = text.rfind("\n", 0, s - 1) + 1
            if text.count(sep, prev, s - 1) != n:
                break
            if tops is not None and (prev, sep) in tops:
                top = tops[(prev, sep)]
                break
            top, s = prev, prev
            walked.append(prev)
        if top is None:
            return None
        if tops is not None:
            for w in (line_start, *walked):
                tops[(w, sep)] = top
        end = text.find("\n", top)
        fields = text[top:end].split(sep)
        return sep, [" ".join(fold(f).strip(" \"'*").split()) for f in fields]
    return None


def _dash_before(text: str, at: int) -> bool:
    """A dash right before ``at`` that opens its line or follows a sentence's end, or a caret
    or slash that opens its line (agents sign "^Kalliopi", "/Göran")."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    ends = "\n.!?"
    if i > 1 and text[i - 2 : i] == "--":
        i -= 2
    elif i > 0 and text[i - 1] in "—–":
        i -= 1
    elif i > 0 and text[i - 1] in "^/":
        i -= 1
        ends = "\n"
    else:
        return False
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in ends


def _word_before(text: str, at: int) -> str | None:
    """The word right before ``at`` (at most six spaces and separators between), folded."""
    found = _word_before_at(text, at)
    return found[0] if found is not None else None


def _word_before_at(text: str, at: int) -> tuple[str, int] | None:
    """``_word_before`` and where that word starts in ``text``: it depends on the 40 characters
    before ``at`` alone, which repeat from text to text ("Hi, I'm ", "Thanks "), so it is kept
    per window (``_word_in``)."""
    lo = max(0, at - 40)
    pre = text[lo:at]
    found = _WORDS_BEFORE.get(pre)
    if found is None:
        if pre in _WORDS_BEFORE:
            return None
        found = _word_in(pre)
        if len(_WORDS_BEFORE) >= _MEMO:
            _WORDS_BEFORE.clear()
        _WORDS_BEFORE[pre] = found
        if found is None:
            return None
    return found[0], lo + found[1]


# ``_word_before_at`` by the window before the position: the word and where it starts in it.
_WORDS_BEFORE: dict[str, tuple[str, int] | None] = {}


def _word_in(pre: str) -> tuple[str, int] | None:
    """``_word_before_at`` of the end of ``pre``, a window of at most 40 characters."""
    stripped = pre.rstrip(_GAP_CHARS)
    if not stripped or len(pre) - len(stripped) > 6:
        return None
    word = stripped.rsplit(None, 1)[-1]
    if not word.isalpha():
        word = _tail_word(word) or _tail_letters(word)
        if not word or not stripped.endswith(word):
            return None
    return (word.lower() if word.isascii() else fold(word)), len(stripped) - len(word)


def _after_apostrophe(text: str, at: int) -> bool:
    """The word at ``at`` is the end of a longer word written with an apostrophe (Uzbek
    "o'rtog'im": "my spouse", Turkish "Kemal'in": "Kemal's"), not a word of its own like
    German "im" before a place; a French elision ("qu'en Lorraine") is still one."""
    if at < 2 or text[at - 1] not in "'’" or not text[at - 2].isalpha():
        return False
    head = _tail_letters(text[max(0, at - 12) : at - 1]).lower()
    return head not in _ELISIONS


# French and Italian words cut before an apostrophe: the word after them stands on its own.
_ELISIONS = frozenset({"qu", "jusqu", "lorsqu", "puisqu", "d", "l", "n", "s", "j", "c", "m", "t"})


def _tail_word(word: str) -> str:
    """The word that ends ``word`` with its vowel signs and tone marks: Bengali "শুভেচ্ছা" and
    Yoruba "Tìfẹ́tìfẹ́" end in a combining mark, which ``_tail_letters`` stops at. Trailing
    punctuation is left out; "" where the end holds no letter or the word has no mark."""
    k = len(word)
    while k > 0 and not (word[k - 1].isalpha() or unicodedata.category(word[k - 1])[0] == "M"):
        k -= 1
    end = k
    marks = False
    while k > 0:
        c = word[k - 1]
        if c.isalpha():
            k -= 1
        elif unicodedata.category(c)[0] == "M":
            marks = True
            k -= 1
        else:
            break
    while k < end and not word[k].isalpha():
        k += 1  # a word starts with a letter, not a mark
    return word[k:end] if marks and k < end else ""


def _tail_letters(word: str) -> str:
    k = len(word)
    while k > 0 and word[k - 1].isalpha():
        k -= 1
    return word[k:]


def _spaced(phrase: str) -> bool:
    """A ``cues_after`` entry read as a phrase: several words, or one with an apostrophe
    inside (Breton "ac'hann"), whose letters ``_next_word`` reads up to the apostrophe."""
    return " " in phrase or "'" in phrase or "’" in phrase


def _next_word(text: str, end: int) -> str | None:
    if end >= len(text) or text[end] not in " \t":
        return None
    m = _NEXT.match(text, end)
    if m is None:
        return None
    word = m.group(1)
    return word.lower() if word.isascii() else fold(word)


# An item of a line of people: words of letters between separators (the label's colon first).
_LOWER_ITEM = re.compile(
    r"(?<=[,;&:])[ \t]*\"?[ \t]*([^\W\d_][^\W\d_'’-]*(?:[ \t]+[^\W\d_][^\W\d_'’-]*){0,2})"
    r"[ \t]*\"?[ \t]*(?=[,;&<]|$)",
    re.M,
)
# The next lower-case word after a name typed in lower case.
# A word of letters in lower case text, not inside an address or a handle.
_LOWER_TOKEN = re.compile(r"(?<![\w@.'’-])[^\W\d_]+(?:-[^\W\d_]+)?(?![\w@'’-]|\.\w)")
# Punctuation a word may end with before a space: off before a text is split into words.
_PUNCT_OFF = str.maketrans({c: " " for c in ",.;:!?)]}\"'’"})
_PUNCT_OFF_ASCII = bytes.maketrans(b",.;:!?)]}\"'", b" " * 11)


def _tokens(text: str) -> list[str]:
    """``text``'s words with ``_PUNCT_OFF``'s punctuation off; an ASCII text through
    ``bytes.translate``, which is about twice as fast as ``str.translate`` with a mapping."""
    if text.isascii():
        return text.encode("ascii").translate(_PUNCT_OFF_ASCII).decode("ascii").split()
    return text.translate(_PUNCT_OFF).split()


_LOWER_NEXT = re.compile(r"[ \t]+([^\W\d_A-ZÀ-ÞĀ-ſ][^\W\d_]*(?:['’-][^\W\d_]+)*)(?![\w'’-])")
_SPACED_DASH = re.compile(r"[ \t]+[-–—][ \t]")
_SPACED_FRENCH = re.compile(r"[ \u00a0\u202f][:;!?»](?:\s|$)")
# Khmer's full stops after a space ("អរគុណដែលបានរង់ចាំ Dara ។"), as the language writes them
_SPACED_KHAN = re.compile(r"[ \u00a0\u202f]+[\u17d4\u17d5](?:\s|$)")
_LOWER_GAP = re.compile(r"[ \t]*[,:]?[ \t]*")
_PHRASE_END = re.compile(r"[ \t]*(?:[,.;:!?)\r\n–—।॥]|-[ \t]|$)")
# A markdown list item's marker: "- ", "* ", "• ", "1. ", "2) ".
_BULLET = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+")
# A quoted display name right before an address's angle bracket: "Ana Souza" <ana@…>.
_DISPLAY = re.compile(r"\"[ \t]*([^\W\d_][^\"\n<>@\d]{0,60}?)[ \t]*\"[ \t]*<$")
_NEXT = re.compile(r"[ \t]+([^\W\d_]+)")
_LETTERS = re.compile(r"[^\W\d_]+")
# The Tongan glottal stop too, when it opens the run: "Handled by ʻOfa" (the word before is "by").
_GAP_CHARS = ' \t\r\n,:;.!–—-|/("՝։\u02bb'
# A sign-off mark: a dash, or a caret or slash opening the line ("^Kalliopi", "/Göran").
_DASHES = frozenset("—–-^/")
# Words before a place ("Fatima from Kyiv here"): a run after them is no name by ``cues_after``.
# English auxiliaries that open a question before a name ("Can Ana Lima pick it up?").
_AUXILIARIES = frozenset(
    {"can", "could", "will", "would", "should", "shall", "may", "might", "did", "does", "do"}
)
_FROM = frozenset({"from", "aus", "von", "de", "desde", "da", "di", "z", "ze", "uit", "dan"})
# Subject pronouns right after an auxiliary that opens a question ("Can I", "May we").
_ASKED = frozenset({"i", "you", "we", "he", "she", "they", "it", "u", "ya", "someone", "anyone"})
_ASKING = _AUXILIARIES | frozenset({"is", "are", "was", "were", "have", "has", "must", "need"})
_PRONOUN_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b(?![-'’])")


# Swahili "to have" (I, you, he/she, we, you all, they; and not) and the nouns that follow it
# in a request ("Nina shida na malipo": "I have a problem with the payment"). "Nina" and "Ana"
# are given names elsewhere.
_SW_HAVE = frozenset(
    {"nina", "una", "ana", "tuna", "mna", "wana", "sina", "huna", "hana", "hatuna", "hawana"}
)
_SW_HAD = frozenset(
    {
        "shida",
        "swali",
        "maswali",
        "tatizo",
        "matatizo",
        "ombi",
        "maombi",
        "malalamiko",
        "hitaji",
        "haja",
        "deni",
        "akaunti",
        "kadi",
        "oda",
        "agizo",
        "tiketi",
        "nambari",
        "wasiwasi",
        "muda",
        "pesa",
        "salio",
        "mkopo",
        "taarifa",
        "habari",
        "uhakika",
    }
)


def _has(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is a Swahili form of "to have" before one of the nouns a request has
    ("Nina shida na …", "Tuna swali kuhusu …"): no name. Cheap: four letters at most and a
    lower-case word after. Nina or Ana writing "Nina shida" of herself is then missed there
    (found where a cue names her)."""
    if b - a > 6 or text[a:b].lower() not in _SW_HAVE:
        return False
    m = _PRONOUN_AFTER.match(text, b)
    return m is not None and m.group(1) in _SW_HAD


def _asks(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is an English auxiliary or modal opening a question with its subject
    pronoun after it ("Can I take your name?", "Will you confirm", "May we"): no name, though
    "Can", "Will" and "May" are given names. Cheap: the word's first letter and length first.
    A person so named before a pronoun ("Ask Will, he knows" is safe: a comma between; "Will
    I" in a list of initials is not) is then missed."""
    if b - a > 6 or text[a] not in "CcWwSsMmDdIiAaHhN":
        return False
    if text[a:b].lower() not in _ASKING:
        return False
    m = _PRONOUN_AFTER.match(text, b)
    return m is not None and m.group(1).lower() in _ASKED


# -- scripts, case endings, possessives ------------------------------------------------------------


def _native(low: str) -> bool:
    """The word is written in Greek or Cyrillic letters."""
    c = low[:1]
    return "\u0370" <= c <= "\u052f" or "\u1f00" <= c <= "\u1fff"


# Russian family-name endings (-ов/-ев/-ин, feminine -ова/-ева/-ина) that peoples writing
# Cyrillic bear ("Гаджиев", "Тадыева", "Кызласов"), and the Latin -ov/-ev/-ova/-eva of their
# romanisation ("Magomedov", "Ozdoeva"); Latin "-in" is left out: "Martin", "Austin", "Berlin".
_FAMILY_ENDS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына",
                "ov", "ev", "ova", "eva")  # fmt: skip


_FAMILY_ENDS_UPPER = tuple(e.upper() for e in _FAMILY_ENDS)
# Abkhaz family names end in "-ба" after a consonant ("Ардзинба", "Аршба", "Шамба"); Russian
# nouns so ended mostly have a soft sign or "ж" before it ("Свадьба", "Служба") or a vowel
# ("Учёба", "Особа"), which no such name is counted by (those are listed: "Лакоба").
_NOT_ABKHAZ = frozenset("ьъжаеёиоуыэюяЬЪЖАЕЁИОУЫЭЮЯ")
# Russian nouns ending so after a consonant: "Бомба", "Клумба", "Самба" opening a sentence.
_BA_NOUNS = frozenset({"бомба", "клумба", "тумба", "самба", "румба", "зумба", "колба", "верба",
                       "торба", "горба", "гарба"})  # fmt: skip
# Street words after a street named after a person, abbreviated without their dot ("Salavat
# Yulaev St 12"), which the policy's street words leave out ("St" is also "Saint").
_STREET_SHORT = frozenset({"st", "str", "rd", "ave", "ул", "пр", "пер", "пр-т"})


def _family_shaped(word: str, capitals: bool = False) -> bool:
    """The word is capitalised (or, with ``capitals``, in capitals: "ТОПОЕВА"), of five
    letters or more, and ends as a Russian family name does ("Байрамуков", "Ozdoeva"); see
    ``NameFinder._shaped_pair``."""
    if len(word) < 5 or not word.isalpha():
        return False
    if word.endswith(_FAMILY_ENDS):
        return word[1:3].islower()
    if word.endswith(("ба", "БА")) and word[-3] not in _NOT_ABKHAZ:
        if word.lower() in _BA_NOUNS:
            return False
        return word[1:3].islower() or (capitals and word.isupper())
    return capitals and word.endswith(_FAMILY_ENDS_UPPER) and word.isupper()


@lru_cache(maxsize=16384)
def _translit(low: str) -> str:
    """A Greek or Cyrillic word in Latin letters, as the name lists write such names."""
    return fold(anyascii(low).replace("'", ""))


# Regular case endings and the nominative endings they replace, longest first; Latin ones
# (Polish, Czech, Hungarian) and Greek or Cyrillic ones apart. A stem found this way counts
# only when the lists hold it (``NameFinder._key``).
_LATIN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("skiego", ("ski",)), ("skiemu", ("ski",)), ("ckiego", ("cki",)), ("ckiemu", ("cki",)),
    ("skiej", ("ska",)), ("ckiej", ("cka",)), ("skim", ("ski",)), ("ckim", ("cki",)),
    ("ową", ("owa",)), ("ską", ("ska",)), ("cką", ("cka",)),
    ("ovou", ("ová",)), ("ové", ("ová",)), ("ému", ("ý",)), ("ého", ("ý",)), ("ým", ("ý",)),
    ("kovi", ("ek", "k")), ("covi", ("ec",)), ("ovi", ("", "a")), ("owi", ("",)),
    ("iem", ("",)), ("em", ("",)),
    ("ának", ("a",)), ("ének", ("e",)), ("nak", ("",)), ("nek", ("",)), ("val", ("",)),
    ("vel", ("",)), ("hoz", ("",)), ("hez", ("",)), ("höz", ("",)), ("tól", ("",)),
    ("től", ("",)), ("ról", ("",)), ("ről", ("",)), ("nál", ("",)), ("nél", ("",)),
    # Finnish allative, adessive, ablative, inessive, elative ("Markuslle", "Juhalla")
    ("lle", ("",)), ("lla", ("",)), ("llä", ("",)), ("lta", ("",)), ("ltä", ("",)),
    ("ssa", ("",)), ("ssä", ("",)), ("sta", ("",)), ("stä", ("",)),
    ("é", ("á",)), ("a", ("",)),
)  # fmt: skip
_NATIVE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Russian and Ukrainian
    ("ому", ("ий", "ой", "ый")), ("ого", ("ий", "ой", "ый")), ("ией", ("ия",)),
    ("ові", ("", "о")), ("еві", ("й", "ь")), ("ою", ("а",)), ("ею", ("я",)), ("ой", ("а",)),
    ("ей", ("я",)), ("ии", ("ия",)), ("ію", ("ія",)), ("ії", ("ія",)), ("ым", ("", "ый")),
    ("им", ("ий",)), ("ом", ("", "о")), ("ем", ("й", "ь")),
    ("у", ("", "а", "о")), ("ю", ("й", "я", "ь")), ("і", ("а", "я")), ("ї", ("я",)),
    ("е", ("а", "я")), ("и", ("а", "я")), ("ы", ("а",)), ("а", ("", "о")), ("я", ("й", "ь")),
    # Greek (final sigma folded): genitive, accusative and vocative of names in -ος, -ης, -ας
    ("ου", ("οσ", "ησ", "ασ")), ("ασ", ("α",)), ("άσ", ("ά",)), ("ησ", ("η",)),
    ("ήσ", ("ή",)), ("η", ("ησ",)), ("ή", ("ήσ",)), ("α", ("ασ",)), ("ά", ("άσ",)),
    ("ο", ("οσ",)), ("ό", ("όσ",)), ("ε", ("οσ",)),
)  # fmt: skip


def _stems(low: str, native: bool) -> Iterable[tuple[str, str]]:
    """``(ending, nominative)`` candidates of a folded word by ``_LATIN_ENDINGS`` or
    ``_NATIVE_ENDINGS``."""
    for ending, subs in _NATIVE_ENDINGS if native else _LATIN_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            for sub in subs:
                yield ending, stem + sub


# Forms of address among the job titles: a surname follows them ("Sra Muñoz", "Madam Okafor").
_ADDRESS = frozenset(
    {"sr", "sra", "srta", "sig", "sigra", "dra", "sir", "madam", "ma'am", "ma’am", "señor",
     "señora", "signora", "signore"}
)  # fmt: skip


# A possessive of Italian, Spanish or Portuguese that is also a given name ("Mia", "Mio"),
# capitalised at a sentence's start, before a word for a relative or a companion: "Mia moglie
# Anna …" is "my wife Anna", the person being the one after the kinship word.
_POSSESSIVE_HINT = re.compile(r"\b(?:Mi[ao]|Tu[ao]|Su[ao]|Minha|Meu|Nuestr[ao]|Nostr[ao])\s")
_KIN_AFTER = re.compile(
    r"[ \t]+(?:moglie|marito|figli[ao]|madre|padre|mamma|papà|sorella|fratello|suocer[ao]"
    r"|nonn[ao]|zi[ao]|cugin[ao]|nipote|compagn[ao]|fidanzat[ao]|collega|amic[ao]|vicin[ao]"
    r"|espos[ao]|mujer|marido|hij[ao]|herman[ao]|abuel[ao]|t[ií][ao]|prim[ao]|novi[ao]"
    r"|suegr[ao]|mãe|pai|filh[ao]|irmã|irmão|av[óô]|sogr[ao]|namorad[ao]|amig[ao])(?!\w)"
)
_POSSESSIVES = frozenset(
    {"mia", "mio", "tua", "tuo", "sua", "suo", "nostra", "nostro", "minha", "meu",
     "nuestra", "nuestro"}
)  # fmt: skip


# Possessives before a thing that "arrived" or "left": "Mon Kindle Paperwhite est arrivé",
# "Il mio Kindle è arrivato", "Meine Switch ist angekommen".
_OWNER_WORDS = frozenset(
    {"my", "mon", "ma", "mes", "mein", "meine", "mi", "mis", "mio", "mia", "il mio", "la mia",
     "meu", "minha", "o meu", "a minha", "mijn", "mój", "moja", "moje", "our", "notre", "unser",
     "unsere"}
)  # fmt: skip
# A model's code before the run: letters and digits in one word ("X1 Carbon", "S24 Ultra"),
# or a number after a capitalised word ("Pixel 8 Pro").
_MODEL_CODE = re.compile(
    r"(?:(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w-]+|\b[A-Z][a-z]+[ \t]+\d{1,4})\Z"
)


def _owned_thing(text: str, start: int, end: int) -> bool:
    """The run a ``cues_after`` phrase follows ("… est arrivé", "… è arrivato") is a thing
    the writer owns: a possessive opens it or stands right before it ("Mon AirPods Pro est
    arrivé cassé", "Il mio Kindle è arrivato"), or a model's code does ("X1 Carbon est
    arrivé", "Pixel 8 Pro est arrivé"). A person so written ("ma Claire est arrivée", "Salle
    12 Anna est arrivée") is then missed."""
    first = text[start:end].split(maxsplit=1)[0]
    if first.lower() in _OWNER_WORDS:
        return True
    line = text[max(text.rfind("\n", 0, start) + 1, start - 12) : start].rstrip()
    tail = " ".join(line.lower().split()[-2:])
    if tail in _OWNER_WORDS or tail.rsplit(" ", 1)[-1] in _OWNER_WORDS:
        return True
    return _MODEL_CODE.search(line) is not None


# The word after a position, one run of spaces between.
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w.]*)")


def _product_or_possessive(text: str, start: int, end: int) -> bool:
    """The name found at ``text[start:end]`` is a product's word or a possessive: its last
    word glued to "!" and a capital ("Fritz!Box", "Yahoo!Mail": a brand's spelling, no person
    writes a name so; a letter of a script without capitals after it is a sentence going on:
    "我叫王伟!订单…"), or it is one possessive word before a kinship word ("Mia figlia …").
    A person whose name is glued to an exclamation ("Fritz!Danke") or named "Mia" before
    "moglie" is then missed."""
    if text[end : end + 1] == "!" and text[end + 1 : end + 2].isupper():
        return True
    return (
        text[start:end].lower() in _POSSESSIVES
        and text[start : start + 1].isupper()
        and _KIN_AFTER.match(text, end) is not None
    )


def _brand_patterns(brands: Iterable[str]) -> dict[str, tuple[re.Pattern[str], ...]]:
    """The policy's brand phrases as patterns, by each word of theirs: "ben & jerry's" is
    found as "Ben & Jerry’s", "BEN&JERRY'S"; a ``*`` stands for any capitalised word
    ("toyota *": "Toyota Sienna")."""
    out: dict[str, tuple[re.Pattern[str], ...]] = {}
    for phrase in brands:
        parts = []
        for part_word in phrase.split(" "):
            if part_word == "*":
                parts.append(rf"(?-i:[{_U}])[\w'’-]*")
            elif part_word == "&":
                parts.append("&")
            else:
                parts.append(re.escape(part_word.replace("’", "'")).replace("'", "['’]"))
        body = ""
        for k, part in enumerate(parts):
            if k:
                body += r"[ \t]*" if part == "&" or parts[k - 1] == "&" else r"[ \t]+"
            body += part
        pattern = re.compile(rf"(?<!\w){body}(?![\w'’])", re.IGNORECASE)
        for word in set(_LETTERS.findall(phrase)):
            out[word] = (*out.get(word, ()), pattern)
    return out


def _suffixed(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``found`` with each name's ending after an apostrophe masked with it ("Anna's",
    "Ayşe'nin", "Karabaş'ın", "Linus'"): the ending belongs to the word, and a name left with
    its "'s" in clear reads as a gap in the text. The value stays the bare name, so the
    token is the same as the name's elsewhere. A quote closing a quoted name ("'Rosa',") is
    no ending: an apostrophe alone counts only after an "s", "x" or "z" not opened by a
    quote."""
    out = []
    for a, b, value in found:
        m = _NAME_ENDING.match(text, b) if b < len(text) and text[b] in "'’" else None
        if m is not None and (
            m.group(1) or (text[b - 1] in "sxz" and text[a - 1 : a] not in ("'", "’", '"'))
        ):
            b = m.end()
        out.append((a, b, value))
    return out


def _possessive(text: str, end: int) -> bool:
    """An English possessive follows: "Nneka's phone", "Wei’s order"."""
    return text.startswith(("'s", "’s"), end) and not text[end + 2 : end + 3].isalnum()


# Words before a place: a one-word guess of the lists after them is no name ("I'm in Regina",
# "from Sofia originally", "wir fahren nach Alexandria"). A cue still finds a name there.
_PLACE_BEFORE = frozenset(
    {"in", "from", "near", "nach", "aus", "en", "em", "naar", "uit", "w", "im", "nel", "dans"}
)
# An emoji or a pictograph after a name (spaces between), which ends its phrase like a
# punctuation mark: the symbols and pictographs blocks, dingbats and the regional indicators.
_SYMBOL_AFTER = re.compile(r"[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff]")
# ...those of them after which several capitalised words are a place too ("in Beverly Hills").
_PLACE_BEFORE_MANY = frozenset({"in", "near", "nach", "im", "nel", "dans", "w"})
# Words of a journey or a delivery before "to": the word after "to" is its place ("shipping to
# Sofia", "we moved to Savannah"); after other words "to" more often precedes a person.
_PLACE_TO = frozenset(
    {"ship", "ships", "shipped", "shipping", "shipment", "deliver", "delivers", "delivered",
     "delivering", "delivery", "travel", "travels", "travelled", "traveled", "travelling",
     "traveling", "trip", "fly", "flies", "flew", "flying", "flight", "flights", "move",
     "moves", "moved", "moving", "relocate", "relocated", "relocating", "route", "routed",
     "drive", "drove", "driving", "commute", "visit", "going", "went", "go", "postage",
     "redirected", "rerouted"}
)  # fmt: skip
# Words before "at" that aim at a person ("yelled at Ana"): elsewhere the capitalised words
# after "at" are a place ("office at Beverly Hills", "pick it up at Charlotte").
_AT_PERSON = frozenset(
    {"look", "looks", "looked", "looking", "yell", "yells", "yelled", "yelling", "shout",
     "shouted", "shouting", "scream", "screamed", "angry", "mad", "upset", "furious", "annoyed",
     "laugh", "laughed", "laughing", "smile", "smiled", "smiling", "stare", "stared", "staring",
     "point", "pointed", "wave", "waved", "glance", "glanced", "aimed", "directed", "hung",
     "snapped", "swore", "cursed", "frowned", "nodded", "winked", "grinned", "mean", "rude"}
)  # fmt: skip
# Words after a place: "Charlotte store was closed", "Adelaide branch said no".
_PLACE_AFTER = frozenset(
    {"store", "branch", "office", "airport", "station", "centre", "center", "mall", "shop",
     "warehouse", "depot", "hub", "campus", "outlet", "filiale", "niederlassung", "flughafen",
     "bahnhof", "agence", "magasin", "aéroport", "sucursal", "tienda", "aeropuerto", "negozio",
     "aeroporto", "loja", "winkel", "vestiging", "sklep", "oddział", "lotnisko",
     "şube", "mağaza", "havalimanı"}
)  # fmt: skip
# A name's other name in brackets right after it (``_paren_aliases``): "(not Sami)", "(née X)".
_PAREN_ALIAS = re.compile(
    r"[\"'”’»」]?[ \t]*\((?i:not|née|nee|born|formerly|aka|a\.k\.a\.|geb\.|geborene|geboren|"
    r"z domu|ex|dite|dit|alias)[ \t]+([^()\n]{1,40}?)[ \t]*\)"
)
# An English possessive after a word's last letter (``_foreign_possessives``).
_POSSESSIVE_S = re.compile(r"['’]s(?![\w'’])")
# An ending after an apostrophe: up to four small letters, then no letter or apostrophe.
_NAME_ENDING = re.compile(r"['’]([^\W\d_A-Z]{0,4})(?![\w'’])")
# A Turkish locative or ablative after an apostrophe: "Adelaide'dayım", "Sofia'dan".
_TR_PLACE = re.compile(r"['’](?:[dt][ae]|[dt][ae]n|[dt][ae]ki|[dt]ay[ıi]m|[dt]ey[ıi]m)(?!\w)")


def _sentence_after(text: str, end: int) -> bool:
    """The line goes on after a name as a sentence: a comma or colon, or a word in lower
    case, right after it ("Wojciech, the refund …"), not a bracket ("Ana Lima (she/her)")."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)].strip(" \t\r")
    return bool(rest) and (rest[0] in ",:;" or rest[0].islower())


def _short_abbreviation(word: str) -> bool:
    """A street word of the policy that is two letters or fewer and a dot ("ul.", "al.")."""
    return word.endswith(".") and len(word.rstrip(".")) <= 2 and word[:1] != "-"


# The vowel signs and viramas of Buginese, Balinese and Sundanese ("ᨕᨊᨗ", "ᬯᬬᬦ᭄", "ᮃᮎᮨᮕ᮪").
_ABUGIDA_MARK = re.compile("[\u1a17-\u1a1b\u1b00-\u1b04\u1b34-\u1b44\u1b80-\u1b82\u1ba1-\u1bad]")


def _uncased(c: str) -> bool:
    """A letter (or combining mark) of a script without case: Han, Hangul, Arabic, Thai, …,
    and Georgian, whose Mkhedruli letters have capitals in Unicode that no one writes."""
    if "\u10d0" <= c <= "\u10ff" or "\u13a0" <= c <= "\u13ff" or "\uab70" <= c <= "\uabbf":
        return True  # Georgian, and Cherokee: written in capitals, which tell nothing
    if c.isalpha():
        return c.lower() == c.upper()
    # the marks of the Indic scripts, Thai and Arabic, and the vowel signs and viramas of
    # Buginese, Balinese and Sundanese ("ᨕᨊᨗ", "ᬯᬬᬦ᭄")
    return (
        "\u0900" <= c <= "\u0e7f"
        or "\u064b" <= c <= "\u065f"
        or ("\u1a17" <= c <= "\u1bad" and _ABUGIDA_MARK.match(c) is not None)
    )


# The verb of a quoted mail's attribution line, as mail programs write it in the nine
# languages and more ("wrote:", "schrieb:", "a écrit :", "escribió:", "ha scritto:",
# "escreveu:", "yazdı:", "schreef:", "napisał(a):"), ending its line.
_WROTE = re.compile(
    r"[ \t]+(?:wrote|writes|schrieb|a écrit|escribió|ha scritto|escreveu|yazdı|schreef|"
    r"napisał(?:a|\(a\))?|skrev|kirjoitti|napsal(?:a)?|írta|scrise|написал(?:а)?|пише|"
    r"έγραψε)[ \t]*:[ \t]*\r?(?=\n|$)"
)
# A key=value pair of a line of such pairs parted by spaces (logfmt): the value runs to the
# next key or the line's end.
_LOGFMT = re.compile(
    r"(?<![^ \t\n])([^\W\d][\w.-]{0,30})=([^\s=\"']+(?:[ \t]+[^\s=\"']+)*?)"
    r"(?=[ \t]+[^\W\d][\w.-]{0,30}=|[ \t]*(?:\r?\n|$))"
)
# URI schemes a field's value may run into before their colon.
_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sip", "sips", "callto", "ftp", "sms"})
_HTML_TAG = re.compile(
    r"</?(?i:a|abbr|b|big|blockquote|body|br|caption|center|code|dd|div|dl|dt|em|font|h[1-6]|"
    r"hr|html|i|img|label|li|mark|ol|p|pre|s|small|span|strong|sub|sup|table|tbody|td|tfoot|"
    r"th|thead|time|tr|u|ul)(?:[ \t\n][^<>]*)?/?>([,.!?;:]?)"
)
# What may follow a tag that breaks a line when the source breaks it right there.
_BROKEN_AFTER = re.compile(r"[ \t]*\r?\n")
_TAG_BREAK = {"td": "\t", "th": "\t", "tr": "\n", "p": "\n", "br": "\n", "li": "\n", "div": "\n"}


def _untagged(text: str) -> str:
    """``text`` with its HTML tags blanked out, as long as it (a span found in it is one of
    ``text``): a cell's end reads as a tab, a row's, paragraph's or line break's as a line
    break, any other tag as spaces ("<td>Ana Souza</td><td>…" → " Ana Souza\t…"), a mark
    right after an inline tag moved up to its place ("<b>Rahul</b>," → " Rahul,")."""

    def blank(m: re.Match[str]) -> str:
        whole, mark = m.group(), m.group(1)
        tag = whole[: len(whole) - len(mark)].strip("</>").split(None, 1)[0].lower()
        closing = whole.startswith("</") or tag == "br"
        lead = _TAG_BREAK.get(tag, " ") if closing else " "
        if lead == "\n" and _BROKEN_AFTER.match(text, m.end()) is not None:
            lead = " "  # "</tr>\n<tr>": the source breaks the line already, no blank line
        if mark and lead == " ":
            lead = mark  # "<b>Rahul</b>,": the comma right after the name, as in plain text
        return lead + " " * (len(whole) - 1)

    return _HTML_TAG.sub(blank, text)


def _again(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The other places in ``text`` of names written in a script without case ("Danke 수빈!"
    after "firstName": "수빈"): too short to be learned values (one or two characters), and
    with no spaces between words to bound them, so within this text only."""
    out = []
    seen = set()
    for a, b, value in found:
        name = text[a:b]
        if name in seen or any(c.lower() != c.upper() for c in name):
            continue
        seen.add(name)
        i = text.find(name)
        while i >= 0:
            if i != a:
                out.append((i, i + len(name), value))
            i = text.find(name, i + len(name))
    return out


# A name written in two scripts, one in brackets after the other: "Xiuying Sima (秀英 司马)",
# "Tigist Tesfaye (ትዕግስት ተስፋዬ)". The words in the brackets and as many words before them.
_BRACKETED = re.compile(r"\(([^()\n]{1,60})\)")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u02af\u1e00-\u1eff]")


def spelled_both_ways(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The name's other spelling where one of the two is found: the same number of words (one
    to four) on each side of "(", one side in Latin letters and the other in another script."""
    out: list[tuple[int, int, str]] = []
    for m in _BRACKETED.finditer(text):
        inside = list(_NAME_WORD.finditer(text, *m.span(1)))
        n = len(inside)
        if not 1 <= n <= 4 or len(" ".join(w.group() for w in inside)) < len(m.group(1).strip()):
            continue  # not words alone ("(7)", "(see page 4)" is words: checked below)
        if any(text[inside[i].end() : inside[i + 1].start()].strip() for i in range(n - 1)):
            continue  # "(REF-0R7S8X)": letters between digits, no words of a name
        line = text.rfind("\n", 0, m.start()) + 1
        before = list(_NAME_WORD.finditer(text, line, m.start()))[-n:]
        if len(before) < n or text[before[-1].end() : m.start()].strip():
            continue
        if text[before[0].start() : before[-1].end()].count(" ") > n - 1:
            continue  # the words before are not one run ("Sima, (…)")
        sides = (before, inside)
        latin = [[_NOT_LATIN.search(w.group()) is None for w in side] for side in sides]
        if not (all(latin[0]) and not any(latin[1])) and not (all(latin[1]) and not any(latin[0])):
            continue  # one side Latin, the other another script: a spelling of the same name
        latin_side = before if all(latin[0]) else inside
        if not all(w.group()[0].isupper() or _particle(w.group()) for w in latin_side):
            continue  # "it is Tigist (…)": the Latin spelling is capitalised but for particles
        if records.institution_word(latin_side[-1].group()):
            continue  # "ܝܘܢܢ ܝܟܘܒ (Michelin Institute)": an affiliation, no spelling of the name
        if any(a < before[0].start() < b for a, b, _ in found):
            continue  # "രേഷ്മ കുര്യൻ (Accounts)": the name found is longer than the brackets
        words = [*before, *inside]
        if not any(a < w.end() and w.start() < b for a, b, _ in found for w in words):
            continue
        out.extend((w.start(), w.end(), fold(w.group())) for w in words)
    return out


def _particle(word: str) -> bool:
    """``word`` is a name particle, alone or before a hyphen ("bin", "al-Shammari")."""
    low = word.lower()
    return low in PARTICLES or low.split("-")[0] in PARTICLES


# Children named by a parent with their ages: "my kids Meseret (7) and Dawit (4)". After a name
# found, one word with an age in brackets after a comma or a connector is the next child.
_AGE_HINT = re.compile(r"\(\d{1,2}\)")


def _aged_list(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The next children of a list after a name found ("(7) and Dawit (4)"), and their other
    places in ``text`` as whole words ("can Dawit move …")."""
    out: list[tuple[int, int, str]] = []
    for _, end, _ in found:
        m = _AGED_NEXT.match(text, end)
        while m is not None:
            word = m.group("name")
            if word[0].islower():
                break  # "(7) and others (4)": a name is capitalised or of a script without case
            a, b = m.span("name")
            out.append((a, b, fold(word)))
            m = _AGED_NEXT.match(text, b)
    for a, b, value in list(out):
        word = text[a:b]
        for m in re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text):
            if m.start() != a:
                out.append((m.start(), m.end(), value))
    return out


@lru_cache(maxsize=8192)
def _ascii_folded(word: str) -> str:
    """``word`` in Latin letters without accents, folded; kept per word (names repeat)."""
    return fold(anyascii(word))


@lru_cache(maxsize=8192)
def _skeleton(word: str) -> str:
    """A word's consonants in Latin letters, as scripts that write few vowels keep them
    ("תמר" and "Tamar": "tmr"; "Милица", "Milica": "mlc")."""
    low = _ascii_folded(word).replace("ts", "c").replace("w", "u").replace("y", "i")
    return "".join(c for c in low if c.isalpha() and c not in "aeiouh")


def _skeletons(word: str) -> set[str]:
    """``_skeleton`` of a word of another script, and without its "v" (a vowel letter in
    Hebrew: "יונתן", "Yonatan")."""
    skel = _skeleton(word)
    return {skel, skel.replace("v", "")}


def _vowels(latin: str) -> str:
    """The vowels of a word in Latin letters but "a", long ones written once ("ee" as "i")."""
    low = latin.replace("ee", "i").replace("oo", "u").replace("y", "i")
    return "".join(c for c in low if c in "eiou")


def _abugida_fits(word: str, latins: list[str]) -> bool:
    """A word of an Indic script whose consonants match a found name in Latin letters also
    writes no vowel sign that name lacks: the scripts write every vowel but the inherent "a",
    so "કરીને" ("karine", "having done") is no "Kiran" though its consonants are; "કિરણ"
    is. Wrong way: a word whose vowels a name's spelling also holds is still taken."""
    own = _vowels(_ascii_folded(word))
    for latin in latins:
        theirs = iter(_vowels(_ascii_folded(latin)))
        if all(v in theirs for v in own):
            return True
    return False


def _variants(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The other spellings in ``text`` of a found name's words (three letters or more): the
    same word without its accents ("@Tõnu … Tonu has them", "Elçin", "Elcin"), or in another
    script with the same three or more consonants ("@Davit … დავით has them", "@Tamar …
    תמר"). Only a capitalised word or one of a script without case counts. Wrong for a word
    of another script that happens to share a name's consonants in the same text."""
    words: dict[str, set[str]] = {}
    for a, b, _ in found:
        for w in _ONE_WORD.findall(text, a, b):
            if len(w) >= 3:
                words.setdefault(w, set())
    if not words:
        return []
    plain = {_ascii_folded(w): w for w in words}
    latin_skeletons = {_skeleton(w) for w in words if _latin(w)}
    other_skeletons = {k for w in words if not _latin(w) for k in _skeletons(w)}
    out = []
    for m in _ONE_WORD.finditer(text):
        w = m.group()
        if w in words or len(w) < 2 or any(a <= m.start() < b for a, b, _ in found):
            continue
        if _latin(w):
            if not w[:1].isupper():
                continue
            same = plain.get(_ascii_folded(w))
            # "Adebayo" after "@Адебайо"; three consonants at least, as two ("kn", "nv")
            # are met by chance ("Kona", "INV"). A skeleton is only read when a word of
            # another script was found.
            hit = (same is not None and same != w) or (
                bool(other_skeletons) and len(skel := _skeleton(w)) >= 3 and skel in other_skeletons
            )
        else:
            if "\u0370" <= w[0] <= "\u058f" and not w[:1].isupper():
                continue  # a lower-case Greek, Cyrillic or Armenian word
            hit = bool(latin_skeletons) and any(
                len(k) >= 3 and k in latin_skeletons for k in _skeletons(w)
            )
            if hit and "\u0900" <= w[0] <= "\u0d7f":
                hit = _abugida_fits(w, [x for x in words if _latin(x)])
        if hit:
            out.append((m.start(), m.end(), " ".join(fold(w).split())))
    return out


# A ticket's or boarding pass's name: "M1" (a pass's format and leg count) maybe, the family
# name, "/", the given names (single spaces between), maybe a title: "M1 KIM/MIN JI MS".
_TICKET_NAME = re.compile(
    r"(?<![\w/])(M[1-4] ?)?([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?)/([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)*?)"
    r"(?: ?(MRS|MR|MSTR|MISS|MS|MX|DR)(?![\w/])|(?![\w/]| [A-Z]))"
)
# What every ``_TICKET_NAME`` holds, told from the slash (as ``_INITIAL_HINT``): two capitals,
# apostrophes or hyphens before it (the family name's end) and a capital after it.
_TICKET_HINT = re.compile(r"/(?<=[A-Z'-][A-Z'-]/)[A-Z]")
# An initial, its dot and a space, then (``_INITIAL_WORD``) the family name: "D. Paegle".
_INITIAL_DOT = re.compile(r"(?<![\w.])([^\W\d_])\.[ \t](?=[^\W\d_])")
# Whether ``_INITIAL_DOT`` finds anything, told from the dot: a pattern that opens with a
# literal is searched for by the regex engine's fast scan, one that opens with a look-behind
# or a class of letters is tried at every position (5-20 times slower on chat text).
_INITIAL_HINT = re.compile(r"\.(?<=(?<![\w.])[^\W\d_]\.)[ \t](?=[^\W\d_])")
# A capitalised word, then an initial ending the phrase: "Novák J.", "Novák J.,".
_INITIAL_AFTER = re.compile(r"(?<![\w.])([^\W\d_][^\W\d_'’-]+)[ \t][A-Z]\.(?![\w.])")
# An SQL insert naming its columns: the table, the column list, then the rows after VALUES.
_SQL_INSERT = re.compile(
    r"(?i)\binsert[ \t]+(?:ignore[ \t]+)?into[ \t]+([\w.`\"\[\]]+)[ \t]*\(([^()\n]{1,400})\)"
    r"\s*values\s*"
)
# One row of values in brackets ("(7, 'Ana', 'O''Neil', NULL)"), then its "," or ";".
_SQL_ROW = re.compile(r"\(((?:'(?:[^'\n]|'')*'|[^'()\n])*)\)\s*[,;]?\s*")
# One value of a row: a quoted string (its letters the group) or a bare word, number or NULL.
_SQL_CELL = re.compile(r"[ \t]*(?:[NnEe]?'((?:[^'\n]|'')*)'|[^,'\n]*?)[ \t]*(?:,|$)")


def _field_key(label: str) -> str:
    """A field label, column header or JSON key as compared with the policy's: folded, without
    spaces, "_", "-", dots, quotes and a trailing colon ("First Name:", "first_name", "firstName"
    → "firstname")."""
    return "".join(c for c in fold(label) if c.isalpha())


# Combining marks that are part of a word: vowel signs of the Indic scripts, Thai and Thaana,
# Arabic and Hebrew points, Latin accents written apart, joiners, and the Tibetan tsheg between
# a word's syllables ("রাহুল", "สุดารัตน์", "ފާޠިމަތު", "བསོད་ནམས").
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u07a6-\u07b0\u0f0b"  # Thaana's vowel signs, the Tibetan tsheg ("މުނީރު", "ཀླུ་འབུམ")
    # Syriac vowel points, N'Ko tone marks, Meitei Mayek vowel signs and the lonsum's killer
    # ("ܫܡܥܘܢ", "ߞߊ߲ߕߋ", "ꯇꯣꯝꯕ", "ꯞꯔꯦꯝꯖꯤꯠ"), Adlam's marks
    "\u0711\u0730-\u074a\u07eb-\u07f3\u07fd\uabe3-\uabea\uabec\uabed"
    "\U0001e944-\U0001e94a"
    # Buginese (Lontara), Balinese and Sundanese vowel signs, and the Balinese adeg-adeg and
    # Sundanese pamaaeh that kill a consonant's vowel ("ᨕᨊᨗ", "ᬯᬬᬦ᭄", "ᮃᮎᮨᮕ᮪")
    "\u1a17-\u1a1b\u1b00-\u1b04\u1b34-\u1b44\u1b80-\u1b82\u1ba1-\u1bad"
    "\u0900-\u0963\u0971-\u09e5\u09f0-\u0a65\u0a70-\u0ae5\u0af0-\u0b65\u0b70-\u0be5"
    "\u0bf0-\u0c65\u0c70-\u0ce5\u0cf0-\u0d65\u0d70-\u0e4f\u0e5a-\u0ecf\u0f18-\u0fff"
    "\u1000-\u103f\u1050-\u108f\u1780-\u17df\u200c\u200d"
)
# A word of a field's value; Tibetan joins a word's syllables with the tsheg (U+0F0B), which
# closes no word ("རིན་ཆེན").
_VWORD = rf"(?:[^\W\d_]|[{_MARKS}])(?:[^\W\d_]|['’.\u0f0b-]|[{_MARKS}])*"
# One to four words of letters in any script or case: a name where the structure says one is.
# The ``>`` marks quoting a mail's line, and the last line of a reply signed by its writer:
# a name of one to three words, a department after a separator at most.
_QUOTE_PREFIX = re.compile(r"[ \t]*>(?:[ \t]*>)*[ \t]?")
_REPLY_LINE = re.compile(
    rf"[ \t]*(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,2}})"
    r"(?:[ \t]*(?P<sep>[-–—|/·,])[ \t]*(?P<dept>[^\W\d_][^\d\n@:;.!?]{0,38}?))?[ \t\r]*"
)
# A message's last line signed by its writer (``_final_signer``): a dash, then one to four
# words of a name, then a department after "|" at most ("— Uxía Seoane", "Ana Lima | Care").
_SIGNER_LINE = re.compile(
    rf"[ \t]*(?P<mark>[—–-][ \t]*)?(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}})"
    r"(?:[ \t]*\|[ \t]*(?P<dept>[^\W\d_][^\d\n@:;.!?|]{0,38}?))?[ \t\r]*"
)
_INITIAL_WORD = re.compile(_VWORD)  # a word of a name after an initial (``_INITIAL_DOT``)
_VALUE_WORDS = re.compile(rf"{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}")
# A word with a domain's dot ("example.com", "wp.pl"): no part of a name, unlike initials ("J.R.").
_DOMAIN_WORD = re.compile(r"[^\W\d_]{2,}\.[a-z]{2,}")
# A field's value: those words, then the field's or the line's end.
_FIELD_VALUE = re.compile(rf"({_VWORD}(?:[ \t]+{_VWORD}){{0,3}})[ \t]*(?=[\"'\r\n,;:|<(}}\]&]|$)")
# A mail header's sender line, quoted or not, as mail programs write it in the nine languages
# and more; its value ends the line, or stands before an address in brackets.
_FROM_LINE = re.compile(
    r"(?m)^([ \t]*(?:>[ \t]*)*)(?i:from|von|de|da|van|od|kimden|från|fra|lähettäjä|feladó|"
    r"от|від|από|expéditeur|remitente|mittente|remetente|afzender|nadawca|gönderen|absender)"
    rf"[ \t]*:[ \t]*({_VWORD}(?:[ \t]+{_VWORD}){{0,3}})[ \t]*(?:[\[<(][^\n]*)?\r?$"
)
# The other header lines of a mail's header block, but the recipient's (an itinerary's
# "From: Berlin" has "To: Munich" under it): sent, date, subject and copy lines.
_MAIL_HEADER = re.compile(
    r"[ \t]*(?:>[ \t]*)*(?i:sent|date|subject|cc|gesendet|datum|betreff|envoyé|objet|enviado|"
    r"fecha|asunto|inviato|data|oggetto|verzonden|datum|onderwerp|wysłano|temat|tarih|konu|"
    r"gönderildi|skickat|ämne|sendt|emne|lähetetty|aihe|elküldve|tárgy|отправлено|тема|"
    r"надіслано|στάλθηκε|θέμα)[ \t]*:"
)
# The items of a line of people: between commas, semicolons, "&" or "/".
# An action item's owner in notes: "- Jing: send …", "- 수빈 to confirm …".
_ACTION = re.compile(
    rf"(?m)^[ \t]*[-*•][ \t]+({_VWORD}(?:[ \t]+{_VWORD})?)(?=[ \t]*:[ \t]|[ \t]+to[ \t])"
)
# An XML element holding text alone: its tag and its text ("<givenName>សុខា</givenName>").
_XML_ELEMENT = re.compile(
    r"<([A-Za-z][\w.:-]{0,40})(?:[ \t][^<>]*)?>[ \t]*([^<>\n]{1,80}?)[ \t]*</\1>"
)
_BARE_NAME_KEYS = frozenset({"name", "names", "nom", "nome", "nombre", "naam", "navn", "namn"})
# A vCard's structured ("N") and formatted ("FN") name lines, with parameters
# ("N;CHARSET=UTF-8:…").
# A MECARD's name field (the QR contact format): ``N:`` right after ``MECARD:`` or a ``;``.
_MECARD_NAME = re.compile(r"(?:MECARD:|;)N:([^;\r\n]+)")
_VCARD_NAME = re.compile(r"(?im)^(N|FN)(?:;[^:\n]*)?:[ \t]*([^\r\n]+?)[ \t]*\r?$")
# Whom a thing is sent, given or told to: the verb, one to three capitalised or uncased-script
# words, then the thing's article or pronoun ("send Selvam the ISBN", "give תמר my number");
# the verb in lower case: a title ("Give Peace a Chance") is no message.
_RWORD = rf"(?:[{_U}][{_L}]*(?:['’-][{_U}]?[{_L}]+)*|(?:[^\W\d_A-Za-z\u00c0-\u052f]|[{_MARKS}])+)"
_RECEIVER = re.compile(
    r"(?<![\w@])(?:send|give|tell|forward|pass|show|remind|hand)[ \t]+"
    rf"({_RWORD}(?:[ \t]+{_RWORD}){{0,2}})"
    r"[ \t]+(?:the|a|an|this|that|these|those|them|it|my|your|his|her|our|their)[ \t]"
)
# ``_RECEIVER``'s verbs alone: a search that skips to their first letters rules out most texts
# before the full pattern, whose look-behind is tried at every position.
_RECEIVER_HINT = re.compile(r"send|give|tell|forward|pass|show|remind|hand")
# ``_RECEIVER``'s verb with the blank it needs after it: "sending", "shows", "handle" and
# "passport" pass the hint but not this: ``_RECEIVER`` runs on a sixth of the texts it passed.
_RECEIVER_VERB = re.compile(r"(?:send|give|tell|forward|pass|show|remind|hand)[ \t]")
# A caller names themselves in a transcript in lower case, and what opens the clause after.
_SPOKEN_CUE = re.compile(
    r"(?<![\w'’])(?:this is|it['’]s|it is|my name is|my name['’]s|name['’]s)(?!\w)"
)
_SPOKEN_NEXT = frozenset(
    {
        "i",
        "i'm",
        "i’m",
        "im",
        "i've",
        "i’ve",
        "so",
        "um",
        "uh",
        "erm",
        "calling",
        "ringing",
        "just",
        "and",
        "from",
        "here",
        "speaking",
        "again",
    }
)
# A mail header's display name written "Family, Given" before an address in angle brackets.
_INVERTED_HEADER = re.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)*(?i:from|to|cc|bcc|reply-to|sender|von|an|de|à|a|para|da|van|aan|"
    r"od|do|kimden|kime|från|till|fra|til|lähettäjä|vastaanottaja|feladó|címzett|от|кому|"
    r"від|από|προς|expéditeur|destinataire|remitente|destinatario|mittente|remetente|"
    r"afzender|nadawca|adresat|absender|empfänger)[ \t]*:[ \t]*\"?"
    rf"({_VWORD}(?:[ \t]+{_VWORD}){{0,2}})[ \t]*,[ \t]*({_VWORD}(?:[ \t]+{_VWORD}){{0,2}})"
    r"\"?[ \t]*<([^<>\s@]+)@[^<>\s]+>"
)
# An action item of minutes and its owner: "2. ACTION Reka: …", "- Action: Jing Wei: …",
# "AZIONE Chiara: …", in the languages; one to three words before the colon.
_ACTION_OWNER = re.compile(
    r"(?m)^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?"
    r"(?:ACTION|Action|AKTION|Aktion|AZIONE|Azione|ACCIÓN|Acción|AÇÃO|Ação|ACTIE|Actie|AKCJA|"
    r"Akcja)(?:[ \t]+(?:items?|ITEMS?|point|POINT))?[ \t]*:?[ \t]+"
    rf"({_VWORD}(?:[ \t]+{_VWORD}){{0,2}})(?=[ \t]*:[ \t])"
)
# A form field written as a JSON object: its label member, then its value member.
_LABEL_VALUE = re.compile(
    r'"(?:label|key|field|title|name)"[ \t\r\n]*:[ \t\r\n]*"([^"\n]{1,40})"[ \t\r\n]*,'
    r'[ \t\r\n]*"value"[ \t\r\n]*:[ \t\r\n]*"[ \t]*([^"\n]{1,80}?)[ \t]*"'
)
_ITEM_SPLIT = re.compile(r"[^,;&/]+")
# What parts the items of a labelled line of people: a separator (a slash with a space beside
# it: "FV/865/03/2022" and links are no items), or "and" in the languages.
_LINE_ITEM_SEP = re.compile(
    r"[ \t]*[,;&][ \t]*|[ \t]+/[ \t]*|[ \t]*/[ \t]+"
    r"|[ \t]+(?:and|und|et|y|e|ve|en|i|og|och|és|dan|și|oraz|ja|и|і|та|και)[ \t]+"
)
# A word of a list item's name, and the spaces after it; an initial keeps its dot ("C.").
_HEAD_WORD = re.compile(rf"({_VWORD}\.?)[ \t]*")
_INITIAL = re.compile(r"[^\W\d_]\.")
# What follows a list item's name: a note in brackets, after a dash, or an address (not a
# colon: "Team Phoenix: +354 …" is a directory's line, no person's).
_ITEM_TAIL = re.compile(r"[ \t]*(?:[(<\[]|[-–—][ \t])")
_DIGIT = re.compile(r"\d")
_ONE_WORD = re.compile(rf"{_VWORD}")


# The second line of an address label: a house number and a capitalised word ("62 Rua
# Augusta", "10117 Berlin") or "c/o" opens it; "2 items shipped" does not.
_LABEL_SECOND = re.compile(
    rf"[ \t]*(?:\d{{1,5}}[a-zA-Z]?,?[ \t]+[{_U}]|(?i:c/o|p\.?o\.?[ \t]?box)[ \t])"
)


def _address_label(text: str) -> bool:
    """The text opens as an address label: a short first line with no digit, then a line a
    house number or a postcode and a capitalised word, or "c/o", opens ("BOLA BABATUNDE\n62
    Rua Augusta\n…"). Its first line is then the addressee, as a signature block's top under
    a blank line is; wrong for a label addressed to a company the lists lack ("Hotel
    Adlon\n77 Unter …")."""
    end = text.find("\n")
    return (
        0 < end <= 60
        and _DIGIT.search(text, 0, end) is None
        and _LABEL_SECOND.match(text, end + 1) is not None
    )


def _closes_item(text: str, end: int, b: int, word: str, low: str) -> bool:
    """A capitalised word ending the last item of a line of people, nothing but spaces after
    it, goes on the name though a common word ("Present: …, Tran Duc Anh", "Nilar Win"): the
    other items of the line take such words already; one the line goes on after ("Jing Wei
    Will ref …") stays out. Wrong for a line closing on a capitalised non-name ("… and
    Ana Souza Today")."""
    return (
        word[:1].isupper()
        and low not in PARTICLES
        and _LETTERS.fullmatch(word) is not None
        and not text[end:b].strip()
    )


def _address_field(text: str, a: int, b: int) -> tuple[str, int] | None:
    """The separator of a row of contacts and the field holding its e-mail address, the
    second to fourth (``_contact_rows``)."""
    if text.find("@", a, b) < 0:
        return None
    line = text[a:b]
    for sep in ",;\t|":
        fields = line.split(sep, 4)
        if len(fields) < 3:
            continue
        for c, field in enumerate(fields[1:4], 1):
            if _ADDRESS_CELL.fullmatch(field.strip(" \t\"'\r")) is not None:
                return sep, c
    return None


# An address and the display name in brackets right after it: "kang@naver.com (Kang Hyun-woo)".
_ADDRESS_COMMENT = re.compile(
    rf"[^\s<>()@,;:\"]+@[^\s<>()@,;:\"]+\.[^\s<>()@,;:\"]+[ \t]*\([ \t]*"
    rf"({_VWORD}(?:[ \t]+{_VWORD}){{0,3}})[ \t]*\)"
)
# A cell that is an e-mail address.
_ADDRESS_CELL = re.compile(r"[^\s@,;|<>]+@[^\s@,;|<>]+\.[^\s@,;|<>]+")


def _capitalised_cell(cell: str) -> bool:
    """Every word of the cell opens with a capital or is in a script without case, or is a
    particle of a name ("de Wilde Anouk")."""
    return all(w[0].isupper() or _uncased(w[0]) or w.lower() in PARTICLES for w in cell.split())


def _in_local_part(row: list[str], c: int, words: list[str]) -> bool:
    """A word of the cell (three letters at least) stands in the local part of an address
    in another cell of the row."""
    for k, cell in enumerate(row):
        at = cell.find("@")
        if k == c or at < 0:
            continue
        local = fold(anyascii(cell[:at]))
        if any(len(w) >= 3 and fold(anyascii(w)) in local for w in words):
            return True
    return False


# A call's or a meeting's record (``NameFinder._call_records``), each form behind its marker:
# a Zoom chat save's header line in the nine languages, the sender between the word for
# "from" and the word for "to", then everyone or the direct recipient (a bracket after it,
# "(Direct Message)", "(Privately)", "(Direktnachricht)", …), then a colon.
_ZOOM_TIME = r"(?m)^[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?[ \t]+"
_ZOOM_LINES = tuple(
    (
        f"{head} ",
        re.compile(
            rf"{_ZOOM_TIME}(?P<head>{head}[ \t]+)(?P<a>[^\n:()]{{1,80}}?)"
            rf"{to}[ \t]+(?P<b>[^\n:()]{{1,80}}?)(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*:"
        ),
    )
    for head, to in (
        ("From", r"[ \t]+to"),
        ("Von", r"[ \t]+an"),
        ("De", r"[ \t]+(?:à|a|para)"),
        ("Da", r"[ \t]+a"),
        ("Van", r"[ \t]+aan"),
        ("Od", r"[ \t]+do"),
        ("Gönderen", r"[ \t]*,[ \t]*alıcı"),
    )
)
# Whom a Zoom message goes to when it goes to all (folded): no name.
_ZOOM_EVERYONE = frozenset({
    "everyone", "all", "all panelists", "all attendees", "hosts and panelists",
    "waiting room participants", "everyone (in waiting room)", "alle", "alle teilnehmer",
    "alle teilnehmenden", "tout le monde", "tous", "tous les participants", "todos",
    "todos los participantes", "todos os participantes", "tutti", "tutti i partecipanti",
    "iedereen", "alle deelnemers", "wszyscy", "wszystkich", "herkes", "herkese",
})  # fmt: skip
# A transcript's legend of its diarised speakers: "S1 = Ana Lima; S2 = Rui", "Speaker 2 = …",
# "SPEAKER_01 = …" (an utterance follows "S1:", never "S1 ="), up to ";", ",", "|" or the
# line's end.
_SPEAKER_LEGEND = re.compile(
    r"(?<![\w])(?:S|Spk|SPK|Speaker|SPEAKER|Sprecher|Locuteur|Intervenant|Hablante|Orador"
    r"|Oratore|Spreker|Mówca|Konuşmacı)[ _]?\d{1,2}[ \t]*=[ \t]*"
    r"(?P<name>[^;,|=\n]{1,60}?)[ \t]*(?=[;,|\n]|$)"
)
# A diarised speaker's label with the name in brackets, opening a line (a time before it):
# "SPEAKER_1 (Ana Lima): …", "[00:01:12] Speaker 2 (Rui Sousa): …".
_SPEAKER_BRACKET = re.compile(
    r"(?m)^[ \t]*(?:\[?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?\]?[ \t]+)?"
    r"(?:SPEAKER|Speaker|Sprecher|S|Spk|SPK)[ _]?\d{1,2}[ \t]*\((?P<name>[^()\n]{1,60})\)[ \t]*:"
)
# A WebVTT cue's voice tag (W3C WebVTT 4.2.2, "<v Ana Lima>", "<v.loud Ana Lima>").
_VOICE_TAG = re.compile(r"<v(?:\.[\w-]+)*[ \t]+(?P<name>[^<>\n]{1,60})>")
# A social network's notice of several people by the first one's name: "X and 3 others",
# "X und 3 weitere", "X et 3 autres", "X y 3 personas más", "X e altre 3 persone", "X e mais
# 3 pessoas", "X en 3 anderen", "X i 3 inne osoby", "X ve 3 kişi daha".
_AND_OTHERS = re.compile(
    r"[ \t]+(?:and \d+ others?|und \d+ (?:weitere|andere)|et \d+ autres?"
    r"|y \d+ (?:personas más|otras personas)|e altre \d+ persone"
    r"|e mais \d+ pessoas?|en \d+ anderen|i \d+ (?:inne osoby|innych osób)"
    r"|ve \d+ kişi daha)(?!\w)"
)
# The words of a header whose last part is a person's label in the cues but names software:
# "User-Agent:" (HTTP, SIP).
_HEADER_HEADS = ("user-", "user‐")
# What may hold one of those forms: a cheap test before ``_call_records``.
_CALL_GATE = re.compile(
    r"\d:\d\d[ \t\]]+(?:From|Von|De|Da|Van|Od|Gönderen) |\d[ \t]*=|\d[ \t]*\(|<v[ .]"
    r"| (?:and|und|et|y|e|en|i|ve|e altre|e mais) \d"
)


# A word of a script without capitals, its combining signs and Tibetan's syllable mark in it.
_UNCASED_WORD = re.compile(
    r"(?:(?![A-Za-z\u00c0-\u02af\u0370-\u052f])[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0670\u07a6-\u07b0\u0900-\u0dff\u0f0b\u0f18-\u0fff\u1000-\u109f\u1a17-\u1a1b\u1b00-\u1b04\u1b34-\u1b44\u1b80-\u1b82\u1ba1-\u1bad\u200c\u200d])+"
)


def _name_before(text: str, end: int) -> int | None:
    """Where the one to three words right before ``end`` start (capitalised or of a script
    without capitals), after a line's start, a bullet or a sentence's end: the first person
    of a notice ("• Ana Lima and 3 others"); None when a lower-case word stands there."""
    ls = text.rfind("\n", 0, end) + 1
    head = text[ls:end]
    m = _NOTICE_HEAD.search(head)
    if m is None:
        return None
    words = m.group("name").split()
    if not words or len(words) > 3 or any(w[:1].islower() for w in words):
        return None
    return ls + m.start("name")


# The start of a notice's line: a bullet, a dash or a sentence's end, then the name.
_NOTICE_HEAD = re.compile(r"(?:^|[•·*>\-–—.!?:][ \t]*)[ \t]*(?P<name>[^\W\d_][^•·.!?:\n]*)$")


def _inverted_speakers(text: str, speakers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A chat log's speakers, a "Family, Given" speaker read as both names ("[00:01:12]
    Kowalczyk, Ingeborg: …", as meeting tools write a directory's display name)."""
    out: list[tuple[int, int]] = []
    for a, b in speakers:
        cut = text.find(",", a, b)
        if cut < 0 or text.find(",", cut + 1, b) >= 0:
            out.append((a, b))
            continue
        g = cut + 1
        while g < b and text[g] in " \t":
            g += 1
        out += [(a, cut), (g, b)]
    return out


# A chat log line's speaker after its time: words, then a colon.
_SPEAKER = re.compile(r"[ \t]*([^\W\d_][^:\n]{0,60}?)[ \t]*:(?:[ \t]|$)")

# A chat log line's time before its speaker: "[10:42] ", "10:42:05 - ", "[2024-05-01 10:42] ",
# also after a thread's reply mark.
_CHAT_TIME = re.compile(
    r"[ \t]*(?:[↳↪⤷└┗╰][─━]*[ \t]*)?"  # a thread's reply under its message ("  ↳ [09:16] Ana: …")
    r"[\[(]?(?:\d{4}-\d{2}-\d{2},?[ T]|\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t])?"
    r"\d{1,2}(?::\d{2}(?::\d{2})?|[.hH]\d{2})"
    r"(?:[ \t]?(?:[AaPp]\.?[Mm]\.?|[Uu][Hh][Rr]|UTC|utc|GMT|Z))?[\])]?[ \t]*(?:[-–—|][ \t]*)?"
)
# A chat app's header line, the speaker and the time alone, the message below it:
# "Quang 15:18", "Ana Lima  10:42 AM".
_SPEAKER_TIME = re.compile(
    r"[ \t]*([^\W\d_][^\W\d_'’.-]*(?:[ \t][^\W\d_][^\W\d_'’.-]*){0,2})[ \t]+"
    r"\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]*"
)
# A time in brackets between a speaker and the colon: "Ana Lima (10:42): …".
_CHAT_AFTER = re.compile(r"[ \t]*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[\])][ \t]*:")
# An @-mention's handle: letters and digits in up to four parts joined by ".", "_" or "-".
_MENTION = re.compile(
    rf"(?:[^\W\d_]|[{_MARKS}])(?:[^\W_]|[{_MARKS}])*(?:[._-](?:[^\W_]|[{_MARKS}])+){{0,3}}"
)
# Words after a handle that belong to it, before a colon or a dash: "@Thu Trang: …".
_MENTION_MORE = re.compile(rf"(?:[ \t]+{_VWORD}){{1,2}}(?=[ \t]*(?::|[-–—][ \t]))")
# A cue of a user name ("Failed password for invalid user", "login=", "employee=", a profile
# path, an @-mention), then the handle after it (see ``NameFinder._user_handles``).
_USER_HANDLE = re.compile(
    r"(?P<cue>(?<![\w-])(?:user(?:[ _]?name)?|login|employee|uid)[ \t]*[=:]?[ \t]*[\"']?"
    r"|/(?:in|u|user|users|profile|people|pub)/|@)"
    r"(?P<h>[^\W_]+(?:[._-][^\W_]+){1,3})(?![\w@]|[._-]\w)",
    re.IGNORECASE,
)
# One word of letters as a profile page's path segment: "/u/tibor", "/users/Milena/photos".
_PROFILE_WORD = re.compile(
    r"/(?:u|user|users|profile|people|pub)/([^\W\d_]{2,})(?![\w@]|[._-]\w)", re.IGNORECASE
)
# A site's pages under a profile path, some of them names too ("/profile/edit": Edit).
_PAGE_WORDS = frozenset(
    {
        "edit", "settings", "new", "view", "show", "me", "self", "photos", "posts", "about",
        "delete", "update", "list", "search", "login", "logout", "register", "signup",
        "account", "preferences", "home", "feed", "friends", "followers", "following",
    }
)  # fmt: skip
_USER_CUE_GATE = re.compile(r"user|login|employee|uid|/in/|/u/|/profile/|/people/|/pub/|@", re.I)
# The same words for an ASCII text in lower case: without IGNORECASE the regex engine skips
# to the words' first letters (about ten times faster); IGNORECASE also matches "ſ" and "ı".
_USER_CUE_GATE_LOW = re.compile(r"user|login|employee|uid|/in/|/u/|/profile/|/people/|/pub/|@")


def _may_match(rx: re.Pattern[str], text: str) -> bool:
    """False when ``rx`` (``_HANDLE_TOKEN`` or ``_CUED_WORD``) surely finds nothing in ``text``,
    told by a cheaper search."""
    if rx is _HANDLE_TOKEN:
        return _HANDLE_HINT.search(text) is not None
    return not text.isascii() or _CUED_HINT.search(text.lower()) is not None


def _user_cue(text: str) -> bool:
    """``_USER_CUE_GATE`` finds a cue in ``text``."""
    if text.isascii():
        return _USER_CUE_GATE_LOW.search(text.lower()) is not None
    return _USER_CUE_GATE.search(text) is not None


# The id a profile site adds after the name: letters and digits, at least one digit.
_PROFILE_ID = re.compile(r"(?=[a-z]*\d)[a-z0-9]{2,12}")
# A user name of words joined by ".", "_" or "-", not inside an address or a longer run.
# Local parts that name a mailbox's role, not a person: "Acme Support" is no one.
_MAILBOX_ROLES = frozenset({
    "support", "sales", "info", "service", "services", "team", "office", "admin", "help",
    "billing", "contact", "hello", "booking", "bookings", "reservations", "accounts", "hr",
    "jobs", "press", "news", "orders", "noreply", "desk", "care", "kundenservice",
    "servicio", "assistance", "atendimento", "destek", "klantenservice", "biuro",
})  # fmt: skip
# An e-mail address's local part (before a "+tag"), for the names it spells.
_MAILBOX_LOCAL = re.compile(r"(?<![\w.+-])([A-Za-z][A-Za-z0-9._-]{1,40})(?:\+[\w.-]*)?@[\w-]+\.")
_HANDLE_TOKEN = re.compile(r"(?<![\w@.+-])([^\W_]+(?:[._-][^\W_]+){1,3})(?![\w@]|[._-]\w)")
# What ``_HANDLE_TOKEN`` needs: a letter or digit on both sides of a joint, written to open
# with the joint so that the regex engine skips ahead to one (about five times faster).
_HANDLE_HINT = re.compile(r"[._-](?<=[^\W_][._-])[^\W_]")
# One word after a user-name cue and "=" or ":": "employee=zaw", "user: myat".
# ``_CUED_WORD``'s cues: searched in an ASCII text lowered, as IGNORECASE reads it there.
_CUED_HINT = re.compile("user|login|employee|uid")
_CUED_WORD = re.compile(
    r"(?<![\w-])(?:user(?:[ _]?name)?|login|employee|uid)[ \t]*[=:][ \t]*[\"']?([^\W_]+)"
    r"(?![\w@]|[._-]\w)",
    re.IGNORECASE,
)
# A service's status and alert accounts ("@acme_status", "@shop_alerts"): a handle holding
# one of these is no person's, even with a given name in it ("@maria_status" is then missed).
_STATUS_WORDS = frozenset({"status", "alerts", "updates", "outages", "incidents"})
# Words of system, service and team accounts: a handle holding one is no person's.
_SYSTEM_WORDS = _STATUS_WORDS | frozenset(
    {
        "root", "admin", "administrator", "www", "data", "svc", "service", "srv", "sys",
        "system", "backup", "postgres", "mysql", "oracle", "git", "ftp", "sftp", "test",
        "tester", "demo", "guest", "user", "deploy", "ubuntu", "debian", "centos", "ec2",
        "nobody", "daemon", "bin", "mail", "noreply", "reply", "api", "bot", "app", "web",
        "dev", "ops", "prod", "staging", "qa", "ci", "build", "release", "support", "help",
        "info", "sales", "team", "shop", "store", "official", "care", "news", "hq", "bank",
        "telecom", "desk", "cloud", "net", "online", "global", "group", "home", "office",
        # a brand's customer-care handle in the languages ("@KPN_Webcare", "@Ziggo_Webcare")
        "webcare", "helpdesk", "customercare", "cares", "helps", "hilft", "kundenservice",
        "klantenservice", "klantendienst", "servicio", "atencion", "assistenza", "suporte",
        "sav", "hizmet", "obsluga", "asiakaspalvelu", "kundservice", "kundeservice",
    }
)  # fmt: skip
# Words right before a handle that make it a team's ("Team @tidal_fox88 — members: …").
_TEAM_WORDS = frozenset(
    {"team", "squad", "crew", "équipe", "equipe", "equipo", "squadra", "takım", "takim", "drużyna"}
)
# Words that address the people mentioned after them.
# A request right after a one-word @-mention: the mention names who is asked.
_MENTION_REQUEST = re.compile(r",?[ \t]+(?:(?:could|can|would|will)[ \t]+you|please|pls)\b")
_MENTION_CUES = frozenset({"cc", "bcc", "ping", "fyi", "attn", "hey", "hi", "thanks", "thx", "ask"})


# -- scripts without capitals ----------------------------------------------------------------------


# The blocks of the scripts without capitals from Hebrew on (Arabic, Thaana, the Indic
# scripts, Thai, Tibetan, Ethiopic, Canadian syllabics, Khmer, Tifinagh, kana, Chinese
# characters, Hangul…): a text without any is not searched for their cues.
_NOCASE_ANY = re.compile(
    "[\u0590-\u08ff\u0900-\u109f\u10d0-\u10ff\u1100-\u167f\u1780-\u17ff\u1c5a-\u1c7d"
    "\u1a00-\u1a1b\u1b00-\u1b4c\u1b80-\u1baf\u1bba-\u1bbf\ua500-\ua60c\ua610-\ua61f"
    "\u2d30-\u2d7f\u3005\u3040-\u30ff\uaae0-\uaaf6\uab70-\uabed"
    "\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff"
    "\ufe70-\ufeff\uff66-\uff9f\U00020000-\U0003134f]"
)
# Scripts by block, as far as bounding a name cares (the block starts, sorted).
_BLOCKS: tuple[tuple[int, str], ...] = (
    (0, "other"), (0x0590, "hebrew"), (0x0600, "arabic"), (0x0700, "syriac"), (0x0750, "arabic"),
    (0x0780, "thaana"), (0x07C0, "nko"), (0x0800, "other"), (0x08A0, "arabic"),
    (0x0900, "devanagari"), (0x0980, "bengali"), (0x0A00, "gurmukhi"), (0x0A80, "gujarati"),
    (0x0B00, "oriya"), (0x0B80, "tamil"), (0x0C00, "telugu"), (0x0C80, "kannada"),
    (0x0D00, "malayalam"), (0x0D80, "sinhala"), (0x0E00, "thai"), (0x0E80, "lao"),
    (0x0F00, "tibetan"), (0x1000, "myanmar"), (0x10A0, "georgian"), (0x1100, "hangul"),
    (0x1200, "ethiopic"), (0x13A0, "cherokee"), (0x1400, "syllabics"), (0x1680, "other"),
    (0x1780, "khmer"), (0x1800, "other"), (0x1A00, "buginese"), (0x1A20, "other"),
    (0x1B00, "balinese"), (0x1B80, "sundanese"), (0x1BC0, "other"), (0x1C50, "olchiki"),
    (0x1C80, "other"),
    (0x2D30, "tifinagh"), (0x2D80, "other"), (0x3005, "han"), (0x3008, "other"), (0x3040, "kana"),
    (0x3100, "other"), (0x3130, "hangul"), (0x3190, "other"), (0x31F0, "kana"), (0x3200, "other"),
    (0x3400, "han"), (0x4DC0, "other"), (0x4E00, "han"), (0xA000, "other"), (0xA500, "vai"),
    (0xA640, "other"), (0xAAE0, "meitei"),
    (0xAB00, "other"), (0xAB70, "cherokee"), (0xABC0, "meitei"), (0xAC00, "hangul"),
    (0xD7B0, "other"), (0xF900, "han"), (0xFB00, "other"), (0xFB1D, "hebrew"), (0xFB50, "arabic"),
    (0xFE00, "other"), (0xFE70, "arabic"), (0xFF00, "other"), (0xFF66, "kana"), (0xFFA0, "other"),
    (0x1E900, "adlam"), (0x1E960, "other"), (0x20000, "han"), (0x31350, "other"),
)  # fmt: skip
_NOCASE_RUN = re.compile(_NOCASE_ANY.pattern + "+")
# Chinese characters, kana and Hangul syllables (``_cjk_framed``): a letter that continues a
# word of these scripts, and (``_CJK_WORD``) a name written in Chinese characters or Hangul.
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters (a class's ranges)
_HANGUL = r"\uac00-\ud7a3"  # Hangul syllables
_KANA = r"\u3040-\u30ff"  # Hiragana and Katakana
_CJK_LETTER = re.compile(rf"[{_KANA}{_HAN}{_HANGUL}]")
_CJK_WORD = re.compile(rf"[{_HAN}]+|[{_HANGUL}]+")
_CJK_ONE = rf"[{_HAN}{_HANGUL}]"
_CJK_NOT_ON = rf"(?![{_KANA}{_HAN}{_HANGUL}])"
# An airline's name form in Chinese characters or Hangul: "簡/俊豪 MRS", "곽/옥자 MS".
_CJK_TICKET = re.compile(
    rf"(?<![^\s:])({_CJK_ONE}{{1,3}})/({_CJK_ONE}{{1,3}})[ \t]?(?:MRS|MR|MSTR|MISS|MS|MX|DR)\b"
)
# A title in Latin letters before one character ("Dear Ms 李,", "Dr. 楊", "Herr 金"): a
# family name (longer runs are the cue rules').
_CJK_TITLED = re.compile(
    r"(?<![^\W\d_])((?i:mr|mrs|ms|mx|miss|dr|prof|herr|frau|mme|mlle|sr|sra|srta|sig|dott|pan"
    rf"|pani|dhr|mevr|sayın|sn))\.?[ \t]({_CJK_ONE}){_CJK_NOT_ON}"
)
# A ``tel:`` link's label: a verb in Latin letters maybe, then the person called.
_TEL_LABEL = re.compile(
    rf"""(?i:href=["']?tel:)[^>]*>[ \t]*([A-Za-z]+[ \t]+)?({_CJK_ONE}+)[ \t]*</a>"""
)
# The last words of a message in other letters: a dash and one to three Chinese characters
# or two to three Hangul syllables ("… or +86 131 2385 0723 — 峰").
_CJK_DASH_SIGNED = re.compile(
    r"(?<=\S)[ \t]*[ \t][—–-]{1,2}[ \t]*"
    rf"([{_HAN}]{{1,3}}|[{_HANGUL}]{{2,3}})[ \t.!]*$"
)
# A chat's mention ("pinged @浩"), not an address's local part ("x.y@…").
_CJK_MENTION = re.compile(rf"(?<![\w@.])@({_CJK_ONE}{{1,4}}){_CJK_NOT_ON}")
# Who speaks or is quoted at a line's start in a chat export: "[Class 3b parents] 舞: Hi",
# "> 浩 wrote: …", "08:15 美玲: ok" (Chinese characters or Hangul, then Latin letters).
_CJK_SPEAKER = re.compile(
    rf"(?m)^(?:\[[^\]\n]{{1,40}}\][ \t]*|>[ \t]*|\d{{1,2}}:\d{{2}}[ \t]+)({_CJK_ONE}{{1,4}})"
    r"(?::|[ \t]+(?:wrote|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|napisał|yazdı)"
    r":)[ \t]+(?=[A-Za-z@])"
)
# A name of one to four Chinese characters or Hangul syllables alone (a bracket's alias).
_CJK_RUN = re.compile(rf"[{_HAN}]{{1,4}}|[{_HANGUL}]{{1,4}}")
# A quoted name with another name of the person in brackets after it: '"杨丹" (not Rhianne)',
# '「美咲」 (née Abe)' (the bracket's cue words are ``_PAREN_ALIAS``'s).
_CJK_QUOTED_ALIASED = re.compile(
    rf"[\"“„«「『']({_CJK_ONE}{{1,4}})[\"”»」』'][ \t]*\((?i:not|née|nee|born|formerly|aka"
    r"|a\.k\.a\.|geb\.|geborene|z domu|ex|dite|dit|alias)[ \t]"
)
# One character alone as a field's value, the line's last: "Given name(s): 东".
_CJK_FIELD_ONE = re.compile(rf"(?<=[^\W\d_]|\)):[ \t]*({_CJK_ONE}){_CJK_NOT_ON}[ \t]*(?=\n|$)")
_BLOCK_STARTS = tuple(b for b, _ in _BLOCKS)
# Scripts written without spaces between words: a cue may be glued to the name.
_GLUED = frozenset({"han", "kana", "thai", "lao", "khmer", "myanmar"})
_KATAKANA = frozenset(chr(c) for c in range(0x30A1, 0x30FB))
# Characters that end a Chinese given name written on without a break: particles, pronouns
# and the commonest verbs of a sentence ("我是李浩然的妈妈", "我叫王伟想问一下").
# A Korean copula written apart from the name before it, and the greetings that open a
# self-introduction before that name ("안녕하세요, 김도윤 입니다").
_KO_SPACED_COPULAS = frozenset(("입니다", "이에요", "이예요"))
_KO_GREETINGS = frozenset(("안녕하세요", "안녕하십니까", "안녕", "반갑습니다"))
# Greetings a Chinese name stands before ("赵芳，您好") or after ("您好 赵芳") with a comma or a
# space between, and what may bound the name on the other side.
_HAN_GREETINGS = frozenset(("您好", "你好"))
_HAN_GREETED_BEFORE = frozenset("\r\n\"'“‘「『（(：:。！？!? \t")
_HAN_GREETED_AFTER = frozenset("\r\n\"'”’」』）)，,、。！？!?：: \t")
_HAN_STOP = frozenset("的了是在和跟从我你他她们啊呀吧呢哦吗就也还又已都把被给对请说想要有"
                      "們嗎還對請說給從個係嘅咗喺")  # fmt: skip
# Words that open the rest of a complaint or a note right after a Chinese name: its second
# given-name character ends the name before them ("客服张静态度很差": "张静", then "态度").
_HAN_WORDS_AFTER = ("态度", "態度", "服务", "服務", "非常", "特别", "特別", "一直", "没有",
                    "沒有", "不是", "告诉", "告訴", "答应", "答應", "承诺", "承諾", "处理",
                    "處理", "回复", "回覆", "电话", "電話", "今天", "昨天", "真的", "太", "很",
                    "不", "没", "沒", "挂", "掛", "骂", "罵")  # fmt: skip
# Punctuation that ends a Chinese given name written alone after a cue ("转接给同事子涵。").
_HAN_END = frozenset("。，,.!！?？、；;：:)）\n")


def _given_alone(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A Chinese given name without a family name right after a cue ("同事子涵。"): two
    characters, none of them a particle or a common verb, that punctuation, a line's or the
    text's end closes. No family name bounds it, so anything longer is left."""
    if end - start != 2 or any(c in _HAN_STOP for c in text[start:end]):
        return None
    if text.startswith(_HAN_WORDS_AFTER, start) or text[start + 1] in _HAN_WORDS_AFTER:
        return None
    if end < len(text) and text[end] not in _HAN_END:
        return None
    return start, end


# Korean endings after a name: copulas and quoting ("김민준입니다", "김민준이라고"), the
# commonest particles and honorifics; longest first.
_KO_ENDINGS = ("이라고", "입니다", "이에요", "이고요", "인데요", "이라는", "라고", "예요", "이고",
               "인데", "이요", "이야", "라는", "님이", "님께", "에게", "한테", "님", "씨", "이",
               "가", "은", "는", "을", "를", "의", "도", "과", "와", "께")  # fmt: skip


# Scripts whose greetings and sign-offs take only a first word the name lists hold: their
# words after "hello" or "thanks" are as often a question or "a lot" ("მადლობა დიდი!"; Tibetan
# "བཀྲ་ཤིས་བདེ་ལེགས། ཁྱེད་རང་ག་འདྲ་ཡོད།", "hello, how are you?").
_LISTED_ONLY = frozenset(
    {"georgian", "lao", "tibetan", "syllabics", "tifinagh", "meitei", "olchiki", "nko", "cherokee"}
    | {"syriac", "buginese", "balinese", "sundanese", "vai"}
)
# Scripts whose cues are whole words: a cue that a longer word opens is none (Syriac "ܫܡܝ",
# "my name", opens the name "ܫܡܝܪܡ", Shamiram).
_WHOLE_CUES = frozenset(
    {"syriac", "nko", "meitei", "olchiki", "cherokee", "buginese", "balinese", "sundanese", "vai"}
)
# Lao cues that say a name follows ("ຂ້ອຍຊື່", "ຊື່ຂອງຂ້ອຍແມ່ນ": "my name is"; "ທ່ານ": "Mr"):
# a word the lists lack may follow them (``NameFinder._lao_cued``).
_LO_NAMING = ("ຊື່", "ແມ່ນ", "ທ່ານ")
# Words that open a Lao clause (from, is, want, will, not, have, call, help, send, pay, today,
# the firm's units …): a space-separated run starting with one after a name is no family name.
_LO_CLAUSE_WORDS = """
    ຈາກ ແມ່ນ ຢາກ ຈະ ຂໍ ຕ້ອງການ ຕ້ອງ ໄດ້ ບໍ່ ເປັນ ມີ ໂທ ກຳລັງ ເຄີຍ ແລະ ທີ່ ຊຶ່ງ ຕິດຕໍ່
    ສອບຖາມ ແຈ້ງ ມາ ໄປ ຍັງ ກໍ ຊ່ວຍ ໃຫ້ ເຮັດ ສົ່ງ ຊື້ ຈ່າຍ ຊຳລະ ປ່ຽນ ຍົກເລີກ ລືມ ຮັບ ຢູ່
    ຫາກໍ່ ຄື ຖາມ ກວດ ເລື່ອງ ສັ່ງ ຫຼື ແຕ່ ເພາະ ຖ້າ ມື້ນີ້ ມື້ວານ ມື້ອື່ນ ຕອນນີ້ ຂອບໃຈ ສະບາຍດີ
    ຍິນດີ ທີມ ພະແນກ ບໍລິສັດ ທະນາຄານ ເລກ ເບີ ອີເມວ ເປີດ ປິດ ຂອງ ກັບ
"""
_LO_CLAUSE = tuple(_LO_CLAUSE_WORDS.split())
# A reference code right after the words of a closing ("… ብቑጽሪ MV-197695"): capitals, maybe a
# hyphen, then digits.
_CODE_AFTER = re.compile(r"[ \t]*[A-Z]{1,6}-?[0-9]")
# A message's last line signed in an Indic script (``_indic_signed``): a blank line or a
# line's end above, a dash maybe, one to three words, a department after "|" maybe.
_INDIC_SIGNING = frozenset({"devanagari", "gujarati", "telugu", "malayalam"})
_INDIC_W = r"[\u0900-\u0963\u0971-\u0d7f\u200c\u200d]+"  # no danda: it ends a sentence
_INDIC_LAST = re.compile(
    r"(?:(?P<blank>\n[ \t\r]*)?\n)[ \t]*(?P<dash>[—–-]{1,2}[ \t]*)?"
    rf"(?P<name>{_INDIC_W}(?:[ \t]+{_INDIC_W}){{0,2}})"
    r"[ \t]*(?:\|[ \t]*(?P<dept>[^\n|]{1,40}?))?[ \t\r\n]*\Z"
)
# Words of the Indic scripts, Sinhala, Burmese, Lao, Ethiopic, Thaana, Tibetan, Canadian
# syllabics and Tifinagh (``NameFinder._listed_runs``): runs of them separated by single
# spaces, the danda, the Burmese and Ethiopic sentence marks, the Lao digits, the Tibetan shad
# and the syllabics' full stop left out.
_ISLAND_HINT = re.compile(
    r"[\u0780-\u07b1\u0900-\u0dff\u0e81-\u0edf\u0f40-\u0fbc\u1000-\u109f\u1200-\u135f"
    r"\u1401-\u166c\u2d30-\u2d7f\u0710-\u072f\u074d-\u074f\u07ca-\u07ea\u13a0-\u13fd\u1c5a-\u1c7d"
    r"\uab70-\uabe2\u1a00-\u1a16\u1b05-\u1b33\u1b45-\u1b4c\u1b83-\u1ba0\ua500-\ua60b]"
)
_ISLAND_RUN = re.compile(
    r"(?:[\u0900-\u0963\u0966-\u0dff\u200c\u200d]+(?: [\u0900-\u0963\u0966-\u0dff\u200c\u200d]+)*)"
    r"|(?:[\u1000-\u1049\u104c-\u109f]+(?: [\u1000-\u1049\u104c-\u109f]+)*)"
    r"|(?:[\u0e81-\u0ecd\u0edc-\u0edf]+(?: [\u0e81-\u0ecd\u0edc-\u0edf]+)*)"
    r"|(?:[\u1200-\u135f]+(?: [\u1200-\u135f]+)*)"
    # Thaana; Tibetan syllables joined by the tsheg (a word's last tsheg left out);
    # Canadian syllabics; Tifinagh
    r"|(?:[\u0780-\u07b1]+(?: [\u0780-\u07b1]+)*)"
    r"|(?:[\u0f40-\u0fbc]+(?:\u0f0b[\u0f40-\u0fbc]+)*"
    r"(?: [\u0f40-\u0fbc]+(?:\u0f0b[\u0f40-\u0fbc]+)*)*)"
    r"|(?:[\u1401-\u166c\u166f-\u167f]+(?: [\u1401-\u166c\u166f-\u167f]+)*)"
    r"|(?:[\u2d30-\u2d7f]+(?: [\u2d30-\u2d7f]+)*)"
    # Syriac and its points; N'Ko and its tone marks; Cherokee; Ol Chiki; Meitei Mayek and its
    # vowel signs
    r"|(?:[\u0710-\u074f]+(?: [\u0710-\u074f]+)*)"
    r"|(?:[\u07ca-\u07f5\u07fa\u07fd]+(?: [\u07ca-\u07f5\u07fa\u07fd]+)*)"
    r"|(?:[\u13a0-\u13fd\uab70-\uabbf]+(?: [\u13a0-\u13fd\uab70-\uabbf]+)*)"
    r"|(?:[\u1c5a-\u1c7d]+(?: [\u1c5a-\u1c7d]+)*)"
    r"|(?:[\uabc0-\uabea\uabec\uabed]+(?: [\uabc0-\uabea\uabec\uabed]+)*)"
    # Buginese (Lontara), Balinese and Sundanese and their vowel signs; the Vai syllabary
    r"|(?:[\u1a00-\u1a1b]+(?: [\u1a00-\u1a1b]+)*)"
    r"|(?:[\u1b00-\u1b4c]+(?: [\u1b00-\u1b4c]+)*)"
    r"|(?:[\u1b80-\u1baf\u1bba-\u1bbf]+(?: [\u1b80-\u1baf\u1bba-\u1bbf]+)*)"
    r"|(?:[\ua500-\ua60c\ua610-\ua61f\ua62a\ua62b]+(?: [\ua500-\ua60c\ua610-\ua61f\ua62a\ua62b]+)*)"
)
_SPACE_SPLIT = re.compile(r"[^ ]+")
# Syllables and words of Burmese given names (a name has no family name: "ဇော်မင်းထွန်း", Zaw
# Min Tun); a Burmese word made of two to five of them is a name where it stands alone.
_MY_NAME_PARTS: tuple[str, ...] = tuple(
    sorted(
        {
            "အောင်",
            "ကျော်",
            "ဇော်",
            "မင်း",
            "ထွန်း",
            "မျိုး",
            "သန့်",
            "စု",
            "လွင်",
            "နီလာ",
            "ဝင်း",
            "သန္တာ",
            "လှိုင်",
            "ခင်",
            "မာ",
            "အေး",
            "ဇေယျာ",
            "ဇေယျ",
            "မိုး",
            "လှ",
            "ထက်",
            "နိုင်",
            "သိန်း",
            "စိုး",
            "မောင်",
            "သူရ",
            "ဖြိုး",
            "ငြိမ်း",
            "သီရိ",
            "နှင်း",
            "ဖြူ",
            "မြင့်",
            "စန္ဒာ",
            "ရတနာ",
            "ခိုင်",
            "ထေး",
            "ရွှေ",
            "သူဇာ",
            "ဝေ",
            "ယမင်း",
            "နန္ဒာ",
            "ပြည့်",
            "သဇင်",
            "တင်",
            "ချို",
            "စန်း",
            "မြ",
            "ကြည်",
            "ဆွေ",
            "ယဉ်",
            "ပိုင်",
            "ဟိန်း",
            "သက်",
            "လင်း",
            "ထူး",
            "ဇင်",
            "နွယ်",
            "ညီ",
            "သော်",
            "ဦး",
            "ဒေါ်",
        },
        key=lambda w: (-len(w), w),
    )
)


def _my_name(word: str) -> bool:
    """``word`` (Burmese, no spaces) is two to five syllables of Burmese names."""
    best: dict[int, int] = {0: 0}  # where a cover of word[:k] ends → fewest parts
    for k in range(len(word)):
        if k not in best:
            continue
        for part in _MY_NAME_PARTS:
            if word.startswith(part, k):
                n = best[k] + 1
                if best.get(k + len(part), 99) > n:
                    best[k + len(part)] = n
    return 2 <= best.get(len(word), 0) <= 5


# Burmese "I" before a name and the words of polite address after one ("ကျွန်တော် ခင်မာအေး
# ပါ။", "နီလာဝင်း ခင်ဗျာ၊"): a word of name syllables beside them is a name.
_MY_I = frozenset({"ကျွန်တော်", "ကျွန်မ", "ကျနော်", "ကျမ"})
_MY_ADDRESS = frozenset({"ခင်ဗျာ", "ခင်ဗျား", "ရှင့်", "ရှင်"})


# One to four capitalised Latin words just before a Burmese word of address.
_LATIN_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) \Z")


def _framed_before(text: str, start: int) -> bool:
    """Before ``start`` stands a lower-case Latin word ("for", "with", "donor"), a label's
    colon, a dash or a line's start: the frame of a sentence or a form, not another name
    ("@Kiran કરણ જણાવો")."""
    a = start
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    if a == 0 or text[a - 1] in ":—–-\n(":
        return True
    b = a
    while b > 0 and text[b - 1].isalpha():
        b -= 1
    return b < a and text[b:a].isascii() and text[b:a].islower()


def _own_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a line of its own (spaces and punctuation aside)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return not any(c.isalpha() for c in text[a:start] + text[end:b])


def _island(text: str, start: int, end: int) -> bool:
    """The letters nearest before ``start`` and after ``end`` (past spaces, punctuation and
    digits) are of another script, or there are none: the run stands alone in its script."""
    script = _script(text[start])
    a = start - 1
    while a >= 0 and not text[a].isalpha():
        a -= 1
    if a >= 0 and _script(text[a]) == script:
        return False
    b = end
    while b < len(text) and not text[b].isalpha():
        b += 1
    return b >= len(text) or _script(text[b]) != script


# Yiddish and Uyghur cues: "I am", "here speaks", people of one's own, thanks, greetings and
# "dear" (Yiddish with YIVO's points and as typed without them). Thanks go on with a
# sentence as often as with a name ("رەھمەت، ئىلتىماسىڭىز …": "thanks, your application …")
_I_AM_YI_UG = frozenset(
    w.strip()
    for w in re.split(
        ",",
        """איך בין, דאָ רעדט, דא רעדט, דאָ איז, מײַן נאָמען איז, מיין נאמען איז, מײַן שוועסטער,
    מיין שוועסטער, מײַן ברודער, מיין ברודער, מײַן מאַן, מיין מאן, מײַן פֿרוי, מיין פרוי, מײַן ווײַב,
    מיין ווייב, מײַן זון, מיין זון, מײַן טאָכטער, מיין טאכטער, מײַן מאַמע, מיין מאמע, מײַן טאַטע,
    מיין טאטע, מײַן באָבע, מיין באבע, מײַן זיידע, מיין זיידע, מײַן חבֿר, מיין חבר, מײַן חבֿרטע,
    מיין חברטע, מײַן קאָלעגע, מיין קאלעגע, مەن, مېنىڭ ئىسمىم, ئىسمىم, ئاكام, ئاچام, ھەدەم, ئىنىم,
    سىڭلىم, ئانام, دادام, ئايالىم, يولدىشىم, ئېرىم, ئوغلۇم, قىزىم, دوستۇم, خىزمەتدىشىم,
    א דאַנק, אַ דאַנק, א דאנק, אַ שיינעם דאַנק, א שיינעם דאנק, שיינעם דאַנק, דאַנקע, דאנקע, ליבער,
    ליבע, טײַערער, טײַערע, טייערער, טייערע, ياخشىمۇسىز, ئەسسالامۇئەلەيكۇم, ئەسسالامۇ ئەلەيكۇم,
    رەھمەت, كۆپ رەھمەت, چوڭ رەھمەت, ھۆرمەتلىك, قەدىرلىك""",
    )
)
# "I" in Telugu, Malayalam, Gujarati, Nepali, Pashto, Marathi, Punjabi, Kannada, Sinhala,
# Burmese, Tigrinya, Odia, Inuktitut, Tamazight, Dhivehi, Assamese and Sindhi: a name after it
# must be one of the lists (a Burmese one made of name syllables, ``_my_name``; "زه غواړم …":
# "I want …"; "ᐅᕙᖓ ᖃᓄᐃᙱᑦᑐᖓ": "I am fine") (``_i_am_named``).
_I_AM = frozenset(
    {"నేను", "ഞാൻ", "હું", "म", "زه", "मी", "ਮੈਂ", "ನಾನು", "මම", "ကျွန်တော်", "ကျွန်မ", "ኣነ", "ମୁଁ"}
    | {"ᐅᕙᖓ", "ⵏⴽⴽ", "ⵏⴻⴽⴽ", "އަހަރެން", "মই", "مان"}
) | (
    # and the cues of Yiddish and Uyghur ("איך בין …", "ئاكام …": "my elder brother",
    # "رەھمەت"), whose scripts have no capitals to end a name
    _I_AM_YI_UG
)
# Korean particles that end a topic or subject ("저는", "이름은"): what follows one is a
# sentence, not a name in apposition.
_KO_PARTICLES = frozenset("은는이가을를")


def _ko_apposed(text: str, cue_end: int, start: int) -> bool:
    """The word at ``start`` stands in apposition to a Korean cue that names a person by a
    noun without a particle ("상담원 김서연 너무 불친절했어요": the agent, 김서연): a space
    between, and the cue's last syllable no particle. The caller still asks for three
    syllables opening with a family name."""
    if cue_end < 1 or start == cue_end or text[cue_end - 1] in _KO_PARTICLES:
        return False
    return text[cue_end:start].strip(" \t") == ""


def _script(ch: str) -> str:
    return _BLOCKS[bisect_right(_BLOCK_STARTS, ord(ch)) - 1][1]


def _in_word(ch: str) -> bool:
    """A letter or a combining mark (vowel signs: Python's ``\\w`` leaves them out), or the
    Tibetan tsheg, which parts the syllables of one word ("ཡེ་ཤེས", Yeshe)."""
    return ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc") or ch in "\u200c\u200d\u0f0b"


def _word_at(text: str, start: int) -> int:
    """Where the word of letters and marks starting at ``start`` ends (``start``: none)."""
    if start >= len(text) or not text[start].isalpha():
        return start
    e = start + 1
    while e < len(text) and _in_word(text[e]):
        e += 1
    return e


def _script_start(text: str, end: int, script: str) -> int:
    s = end
    while s > 0 and _script(text[s - 1]) == script and _in_word(text[s - 1]):
        s -= 1
    return s


def _script_end(text: str, start: int, script: str) -> int:
    e = start
    while e < len(text) and _script(text[e]) == script and _in_word(text[e]):
        e += 1
    return e


_SIGN_OFF_GAP = re.compile(r"[ \t]*[،,，!！。.]?[ \t]*\r?\n[ \t]*")


def _signed_below(text: str, at: int) -> int:
    """Where the name of a sign-off starts when it stands on the next line ("谢谢！\n王芳",
    "با احترام،\nمریم رحیمی"): after the sign-off's punctuation and one line break; ``at``
    when no line break follows."""
    m = _SIGN_OFF_GAP.match(text, at)
    return m.end() if m is not None else at


# Scripts whose names open with a known family name (``_after_native_cue`` bounds them so).
_FAMILY_FIRST = frozenset({"han", "kana", "hangul"})


def _name_line(text: str, start: int) -> tuple[int, int] | None:
    """A line below a sign-off that holds nothing but one or two words of one script without
    case (spaces between): the name that signs ("ขอแสดงความนับถือ\nณัฐพงศ์ วงศา")."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip(" \t\r")
    words = line.split()
    if not 1 <= len(words) <= 2 or not all(_uncased(c) for w in words for c in w):
        return None
    if len({_script(w[0]) for w in words}) != 1 or _script(words[0][0]) in _FAMILY_FIRST:
        return None  # Chinese, Japanese, Korean: the family name decides (``_after_native_cue``)
    return start, start + len(line)


def _latin(word: str) -> bool:
    """Latin letters only (with accents, Vietnamese too): no Greek or Cyrillic."""
    return word.isascii() or _LATIN_ONLY.fullmatch(word) is not None


_LATIN_ONLY = re.compile("[\x00-\u036f\u1e00-\u1eff]*")


# Arabic words that bind the word after them into a name: the first part of a compound given
# name ("عبد الرحمن", "أبو بكر") and the links of a lineage or family ("بن عيسى", "آل سعود").
_AR_COMPOUND = frozenset({"عبد", "ابو", "أبو"})
_AR_LINKS = frozenset({"بن", "بنت", "ابن", "آل", "ابو", "أبو"})


# Pictographs and symbols people frame or end a line with ("💐", "✨", "🎉", "❤️").
_EMOJI_CLASS = "\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\u2764"
_EMOJI = re.compile(f"[{_EMOJI_CLASS}]")
_KHMER_ANY = re.compile(r"[\u1780-\u17ff]")
# A line that is two Khmer words and nothing else, or after a dash, or before "| …"
_KHMER_LINE = re.compile(
    r"^[ \t]*(?:[—–-][ \t]*)?([\u1780-\u17ff]+[ \t][\u1780-\u17ff]+)[ \t]*(?:\|[^\n]*)?$",
    re.MULTILINE,
)
# Two words in Arabic script side by side (``_arabic_pairs``): letters, marks and the Persian
# and Pashto letters, a zero-width non-joiner inside a word
_ARABIC_LETTER = re.compile(r"[\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")
_ARABIC_W = r"[\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u200c]+"
_ARABIC_C = r"\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u200c"
_ARABIC_PAIR = re.compile(rf"(?<![{_ARABIC_C}])({_ARABIC_W})[ \t]({_ARABIC_W})(?![{_ARABIC_C}])")
# One to three words of Hebrew or of Arabic script parted by spaces or a comma
# (``_rtl_islands``); Hebrew words with their points, the maqaf and Yiddish's ligatures
_HEBREW_C = r"\u0591-\u05c7\u05d0-\u05ea\u05f0-\u05f2\ufb1d-\ufb4f"
_RTL_HINT = re.compile(r"[\u05d0-\u05ea\u0620-\u064a\u0671-\u06d3]")
_RTL_APART = r"(?:[ \t]|[,،][ \t]?)"
_RTL_RUN = re.compile(
    rf"(?<![{_HEBREW_C}])[{_HEBREW_C}]+(?:{_RTL_APART}[{_HEBREW_C}]+){{0,2}}(?![{_HEBREW_C}])"
    rf"|(?<![{_ARABIC_C}])[{_ARABIC_C}]+(?:{_RTL_APART}[{_ARABIC_C}]+){{0,2}}(?![{_ARABIC_C}])"
)
_RTL_WORD = re.compile(rf"[{_HEBREW_C}]+|[{_ARABIC_C}]+")
# What may stand between such a pair and the words next to it: punctuation of either script
_ARABIC_APART = ",.:;!?()[]\"'«»،؛؟۔—–-+|/•·"
_EMOJI_FRAMED = re.compile(
    f"(?<=[{_EMOJI_CLASS}\ufe0f\u200d])[ \t]+([^\\s{_EMOJI_CLASS}\\d][^{_EMOJI_CLASS}\n]{{0,60}}?)"
    f"[ \t]+(?=[{_EMOJI_CLASS}])"
)


def _before_emoji(text: str, end: int) -> int:
    """Where the text before ``end`` stops, trailing spaces and emoji left out."""
    while end > 0 and (
        text[end - 1].isspace() or text[end - 1] in "\ufe0f\u200d" or _EMOJI.match(text, end - 1)
    ):
        end -= 1
    return end


def _arabic_words(words: list[str], known: frozenset[str]) -> int:
    """How many of ``words`` (an Arabic name's first word and up to three after it) the name
    takes by its structure: a compound given name ("عبد الرحمن"), then a lineage or family
    link with the word after it ("بن عيسى", "آل سعود") or one family name in "ال" that is a
    nisba in "ي" or a known name ("المنصوري", "الحربي"). A word after a name that only looks
    like one ("أحمد الثاني": "the second") is taken too: the mask covers a word more."""
    n = 1
    if words[0] in _AR_COMPOUND and len(words) > 1:
        n = 2
    if n < len(words) and words[n] in _AR_LINKS and n + 1 < len(words):
        return n + 2
    if n < len(words):
        w = words[n]
        if w.startswith("ال") and len(w) >= 5 and (w.endswith("ي") or w in known):
            return n + 1
    return n


def _brand_handle(handle: str) -> bool:
    """A handle opening with an acronym of two to four capitals joined to a word not all in
    capitals ("DB_Bahn", "SBB_Info"), as brands name their accounts; people's handles rarely
    open with one."""
    parts = [p for p in re.split(r"[._-]", handle) if p]
    if len(parts) < 2:
        return False
    head = parts[0]
    return (
        2 <= len(head) <= 4
        and head.isalpha()
        and head.isupper()
        and any(not p.isupper() for p in parts[1:])
    )


def _uncased_word_start(text: str, end: int) -> int:
    """Where the word of letters without case that ends at ``end`` starts (``end``: none)."""
    a = end
    while a > 0 and _in_word(text[a - 1]) and _uncased(text[a - 1]):
        a -= 1
    return a


def _marked_end(text: str, end: int) -> bool:
    """Punctuation, a line break or letters of another script follow (spaces between): what
    ends a phrase in a script that runs its words on without spaces ("คุณพลอย แซ่ตั้ง your …").
    The text's end is no such mark: a clause may simply stop there."""
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text):
        return False
    c = text[j]
    return c in "\r\n,.;:!?،，。！？、" or (c.isalpha() and not _uncased(c))


def _closing_word(text: str, end: int, stop: frozenset[str]) -> bool:
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return fold(text[j : _word_at(text, j)]) in stop


# Words that open a Thai clause or phrase (verbs, auxiliaries, negation, conjunctions, time
# words, thanks and greetings, the names of a firm's units): Thai runs the words of a clause on
# without spaces, so a space-separated run that starts with one of these is a clause, and one
# followed by such a run ends a name ("ฉันชื่อ สมศรี ใจดี อยากสอบถาม …": "ใจดี" is the
# family name, "อยาก…" ("want to …") the clause after it).
_TH_CLAUSE_WORDS = """
    อยาก จะ ขอ ต้องการ ต้อง ได้ ไม่ เป็น มี โทร แทน กำลัง เคย และ ที่ ซึ่ง ติดต่อ
    สอบถาม แจ้ง มา ไป ยัง ก็ เลย ช่วย รบกวน ให้ ทำ ส่ง ซื้อ จ่าย ชำระ เปลี่ยน ยกเลิก
    ลืม ฝาก รับ อยู่ เพิ่ง คือ ถาม เช็ค ตรวจ เรื่อง สั่ง หรือ แต่ เพราะ ถ้า วันนี้
    เมื่อวาน พรุ่งนี้ ตอนนี้ ขอบคุณ สวัสดี ยินดี ทีม ฝ่าย แผนก ศูนย์ บริษัท ธนาคาร
    เลขที่ หมายเลข เบอร์ อีเมล ค่ะ ครับ คะ นะ
"""
_TH_CLAUSE = tuple(_TH_CLAUSE_WORDS.split())


# One or two words opening a line, a comma and "please" (en, de, fr, es/pt, it, nl, pl, sv,
# da/no, tr, fi, cs, ro): the person asked ("Tehrani, please confirm …")
_PLEASE_AFTER = re.compile(
    r"(?m)^[ \t]*([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?),[ \t]+"
    r"(?i:please|pls|bitte|veuillez|merci de|por favor|per favore|graag|alstublieft|proszę|"
    r"vänligen|snälla|venligst|vennligst|lütfen|ole hyvä|prosím|vă rog)\b"
)

# Sentence adverbs that open a request and that the word lists lack
_REQUEST_OPENERS = frozenset(
    [
        "otherwise",
        "meanwhile",
        "alternatively",
        "additionally",
        "tomorrow",
        "tonight",
        "therefore",
        "anyway",
        "furthermore",
        "moreover",
        "lastly",
        "secondly",
        "thirdly",
        "afterwards",
        "ideally",
        "hence",
        "consequently",
        "regardless",
        "nonetheless",
        "nevertheless",
        "accordingly",
        "kindly",
        "overall",
    ]
)


# A polite particle ending a Thai sentence, then one to three words ending the message
_TH_PARTICLE_SIGNED = re.compile(r"(?:ค่ะ|ครับ)[ \t]+(\S+(?:[ \t]+\S+){0,2})[ \t]*$")


def _thai_family(text: str, start: int, end: int) -> bool:
    """``text[start:end]``, the second space-separated run after a Thai name, is its family
    name: it opens no clause and the run after it does ("คุณแม่ สมศรี ใจดี จะมารับ …"). Wrong
    way: a word that is no family name and opens no clause the list knows, before one that
    does ("ฉันชื่อ สมศรี ลูกค้าเก่า อยาก …", "an old customer"), is masked with the name."""
    if text.startswith(_TH_CLAUSE, start):
        return False
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j == end or j >= len(text) or _script(text[j]) != "thai":
        return False
    return text.startswith(_TH_CLAUSE, j)


def _native_closed(text: str, end: int, script: str, stop: frozenset[str]) -> bool:
    """The phrase ends at ``end``: the text, a line or a sentence ends, another script (or a
    digit) follows, or a closing word ("است", "ነው", "ครับ")."""
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or _script(text[j]) != script or not text[j].isalpha():
        return True
    return fold(text[j : _word_at(text, j)]) in stop


# A given name that is also a word ("Hope", "Grace", "Will"), written in Latin letters with
# its family name in another script right after it ("Hope آل عايض", "Will 臧", "Jade
# პაპუაშვილი"): the text mixes scripts, and a word of the other script right after such a
# word is far more often the family name than its translation.
_FAMILY_WORDS = 3  # "عبد الشكور آل عطفة": a compound name, a family link and a family name
_FAMILY_LETTERS = 20  # "นรวิทย์โชติกุล": Thai writes a family name as one long word
_FAMILY_HAN = 4  # "欧阳", "諸葛孔明": a Chinese or Japanese family name, or a whole name


def _other_script_letter(ch: str) -> bool:
    """A letter or mark of a script other than Latin (Greek, Cyrillic, Armenian, Georgian,
    Arabic, Hebrew, the Indic and South-East Asian scripts, CJK, Hangul, Ethiopic)."""
    o = ord(ch)
    if o < 0x370 or 0x1E00 <= o <= 0x1EFF or 0x2000 <= o <= 0x2BFF:
        return False  # Latin, Latin Extended Additional, punctuation and symbols
    if ch in "\u200c\u200d":
        return True  # joiners inside Persian and Indic words
    return ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")


def _other_script_family(text: str, at: int) -> int | None:
    """Where one to three words of another script than Latin end, when they start one space
    after ``at`` (the end of a given name in Latin letters), none glued to Latin letters or
    digits and none longer than a name; None otherwise."""
    n = len(text)
    i, end = at, None
    for _ in range(_FAMILY_WORDS):
        if i >= n or text[i] != " " or i + 1 >= n or not _other_script_letter(text[i + 1]):
            break
        j = i + 1
        while j < n and _other_script_letter(text[j]):
            j += 1
        if j < n and (text[j].isalnum() or text[j] in "'’-"):
            break  # glued to Latin letters or digits: a code or a word of mixed letters
        if j - i - 1 > _FAMILY_LETTERS or (
            j - i - 1 > _FAMILY_HAN and "\u3040" <= text[i + 1] <= "\u9fff"
        ):
            break  # a run of Chinese or Japanese (or Thai) longer than a name: a sentence
        end, i = j, j
    return end


# -- Things named like people: personas, vessels, places, employers, words ------------------
# A bot's persona introducing itself by what it is: "Max, your virtual assistant", "I'm Kora,
# your assistant". "I'm Ava from support" alone is not one: human agents say it too.
_PERSONA_BEFORE = re.compile(r"(?i)(?:^|\W)(?:i['’]m|i[ \t]+am)[ \t]+$")
_PERSONA_ASSISTANT = re.compile(
    r"(?i)[ \t]*,?[ \t]*(?:your|the|our|an?)[ \t]+(?:(?:virtual|digital|ai|automated|smart|"
    r"chat|shopping|travel)[ \t]+)+(?:assistant|agent|helper|bot|concierge)(?!\w)"
    r"|[ \t]*\((?:bot|ai|chatbot|(?:virtual|digital|ai)[ \t]+(?:assistant|agent))\)"
)
# A bot's persona in any of the languages: the robot emoji right after the name ("Julie 🤖 ·
# replies from …"), or, after a comma, a few words holding an assistant's noun and a word
# saying it is no person ("Ben Ava, dijital asistanınız", "Ich bin Ava, Ihr digitaler
# Assistent", "Lan, trợ lý ảo của bạn"): long stems compared by how words begin, short words
# whole ("both" is no "bot", "Kiel" no "KI").
_PERSONA_NOUNS = (
    "assist",
    "asist",
    "asyst",
    "agent",
    "helper",
    "concierge",
    "chatbot",
    "βοηθ",
    "सहायक",
    "असिस्ट",
    "مساعد",
    "助手",
    "アシスタント",
    "어시스턴트",
)
_PERSONA_NOUN_WORDS = frozenset(("bot", "bots", "robot", "robô", "trợ"))
_PERSONA_NOT_PERSON = (
    "virtu",
    "digit",
    "dijit",
    "numériq",
    "numeriq",
    "cyfrow",
    "wirtual",
    "sanal",
    "ψηφιακ",
    "εικονικ",
    "chatbot",
    "automat",
    "otomat",
    "akıllı",
    "वर्चुअल",
    "डिजिटल",
    "الافتراض",
    "الرقمي",
)
_PERSONA_SHORT = frozenset(
    ("ai", "ki", "ia", "ảo", "smart", "ذكي", "ki-assistent", "ai-assistent", "ia-assistente")
)


def _persona_after(after: str) -> bool:
    """The words after a one-word name say it is a bot's persona (``_PERSONA_NOUNS``)."""
    rest = after.lstrip(" \t")
    if rest[:1] == "\U0001f916":  # 🤖
        return True
    if rest[:1] not in (",", "،", "(", "-", "–", "—"):
        return False
    words = rest[1:].lower().split(None, 5)[:5]
    words = [w.strip(",.;:!?()") for w in words]
    return any(w.startswith(_PERSONA_NOUNS) or w in _PERSONA_NOUN_WORDS for w in words) and any(
        w.startswith(_PERSONA_NOT_PERSON) or w in _PERSONA_SHORT for w in words
    )


_PERSONA_YOURS = re.compile(r"(?i)[ \t]*,[ \t]*your[ \t]+(?:assistant|bot)(?!\w)")
# Vessels: a prefix ("MSC", "MV", "HMS") or a verb of ships after ("departs", "sails"), with
# the hull number a name never carries ("Queen Mary 2 departs").
_VESSEL_PREFIX = re.compile(
    r"(?:MSC|MV|M/V|MS|M/S|HMS|RMS|SS|USS|MY|M/Y|MT|HMCS|HMAS|HMNZS|FV|RV|R/V|RRS|USNS|NOAAS)$"
)
_VESSEL_AFTER = re.compile(
    r"(?:[ \t]+\d{1,2})?[ \t]+(?:departs|sails|docks|berths|sets[ \t]+sail|is[ \t]+docked)(?!\w)"
)
# Things named after people, by the word before the name: a saint's church or parish ("St.
# Anne", "Saint-Joseph", "San Giovanni"), a storm ("Storm Ciarán", "Hurricane Milton"), a pet
# ("my dog Bella", "mon chien Rex"), a ship one is aboard ("on board the Queen Mary 2").
_SAINTS = (
    r"st|ste|saint|sainte|sankt|sint|sv|sveti|sveta|sveto|svatý|svatá|święty|święta|szent|agios"
    r"|agia"
)
_SAINT_WORD = re.compile(rf"(?i)(?:{_SAINTS})\.?")
_NAMESAKE_BEFORE = re.compile(
    rf"(?i)(?:(?<![^\W\d_])(?:{_SAINTS})(?:\.[ \t]?|[ \t]|-)"
    r"|(?<![^\W\d_])(?:storm|hurricane|typhoon|cyclone|tropical[ \t]+storm|sturm|orkan|tempête"
    r"|ouragan|huracán|huracan|tormenta|tifón|ciclón|uragano|tifone|ciclone|furacão|tufão|orkaan"
    r"|huragan|cyklon|kasırga|fırtına|tayfun)[ \t]+"
    r"|(?<![^\W\d_])(?:my|our|his|her|their|the|a)[ \t]+(?:dog|dogs|cat|cats|puppy|kitten|horse"
    r"|pony|parrot|rabbit|bunny|hamster|guinea[ \t]+pig|tortoise|turtle|pet|budgie)[ \t]+"
    r"|(?<![^\W\d_])(?:mein(?:e[mn]?)?|unser(?:e[mn]?)?|mon|ma|notre|mi|nuestro|il[ \t]+mio|mio"
    r"|meu|o[ \t]+meu|mijn|onze|mój|moja|nasz)[ \t]+(?:hund|katze|kater|pferd|chien|chienne"
    r"|chat|chatte|cheval|perro|perra|gato|gata|caballo|cane|gatto|cavallo|cachorro|cão|cadela"
    r"|hond|kat|paard|pies|kot|kotka|koń)[ \t]+"
    r"|(?<![^\W\d_])(?:köpeğim|kedim)[ \t]+"
    r"|(?<![^\W\d_])(?:on[ \t]+board|aboard|onboard|an[ \t]+bord(?:[ \t]+der)?|à[ \t]+bord[ \t]+du"
    r"|a[ \t]+bordo[ \t]+del?)(?:[ \t]+the)?[ \t]+"
    # a ship or a train a parcel or a traveller came on ("it came on the Vasco da Gama")
    r"|(?<![^\W\d_])(?:came|arrived|sailed|travell?ed|shipped|went|left)[ \t]+(?:on|aboard)"
    r"[ \t]+the[ \t]+"
    # a crew list's or a manifest's label of its ship ("Nome do navio: …", "Vessel: …")
    r"|(?<![^\W\d_])(?i:vessel|ship|vessel[ \t]+name|ship[ \t]+name|ship's[ \t]+name|navio"
    r"|nome[ \t]+do[ \t]+navio|buque|nombre[ \t]+del[ \t]+buque|barco|navire|nave|schiff"
    r"|schiffsname)[ \t]*:[ \t]*)\Z"
)
# Places: a name that a place noun follows ("Santa Monica area", "Victoria station").
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:area|district|neighbou?rhood|suburb|county|region|province|downtown|"
    r"airport|station|harbou?r|city[ \t]+cent(?:re|er)|metro[ \t]+area|"
    # a church or parish named after a saint ("San Lorenzo church", "Santa Maria parish")
    r"church|parish|chapel|cathedral|basilica|abbey|kirche|église|iglesia|chiesa|igreja|kerk"
    r"|parroquia|parrocchia|paróquia|pfarrei)(?![\w'’])"
)
# Words before a thing rather than a person: "send the Autumn term reading list".
_DETERMINERS = frozenset(("the", "a", "an", "these", "those", "your", "their"))
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
# Titles that close a passenger's line ("GASHI/DRITA MS"): no cue for the next line's word.
_LINE_END_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mstr", "mx", "dr"))
# A signature's second line, "Title · Company" or "Title, Company", under the person's line.
_TITLE_SEP = re.compile(r"[^\W\d_][\w .'’&-]{1,48}?[ \t]*(?:·|,|\|)[ \t]*$")


def _not_a_person(text: str, start: int, end: int, found: list[tuple[int, int, str]]) -> bool:
    """Whether the name found at ``text[start:end]`` names no person by its context: a bot's
    persona ("Max, your virtual assistant"), a ship ("MSC Bellissima", "Queen Mary 2 departs"), a
    place ("prefers Santa Monica area"), a former or signing employer ("Ex-Charles Schwab",
    "Talent Partner · Charles Schwab" under the sender's name), or a name used as a word before
    the noun it modifies ("the Autumn term"). What it gets wrong is in docs/MASKING.md."""
    value = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    after = text[end : end + 64]
    one_word = " " not in value.strip()
    if one_word and (_PERSONA_ASSISTANT.match(after) is not None or _persona_after(after)):
        return True
    if (
        one_word
        and _PERSONA_BEFORE.search(before) is not None
        and _PERSONA_YOURS.match(after) is not None
    ):
        return True
    first = value.split(None, 1)[0]
    if _VESSEL_PREFIX.match(first) is not None and " " in value.strip():
        return True
    lead = before.rstrip(" \t").rsplit(None, 1)
    if lead and _VESSEL_PREFIX.fullmatch(lead[-1]) is not None and before[-1:] in " \t":
        return True
    if _VESSEL_AFTER.match(after) is not None:
        return True
    if _SAINT_WORD.fullmatch(first) is not None or _NAMESAKE_BEFORE.search(before[-24:]):
        return True  # "St. Anne church", "Storm Ciarán", "my dog Bella", "aboard the Queen Mary"
    if _PLACE_NOUN_AFTER.match(after) is not None:
        return True
    if value[:3].lower() == "ex-" or before[-3:].lower() == "ex-":
        return True
    if one_word and _LOWER_AFTER.match(after) is not None:
        word = _word_before_at(text, start)
        if word is not None and word[0] in _DETERMINERS and word[1] + len(word[0]) + 1 == start:
            return True
    if line_start > 0 and before.strip() == "" and one_word and value.isupper():
        # "PASSENGER GASHI/DRITA MS\nFLIGHT KL 9622": a title ends the line above
        closing = text[max(0, line_start - 8) : line_start].rstrip().rsplit(None, 1)
        if closing and closing[-1].rstrip(".").lower() in _LINE_END_TITLES:
            return True
    line_end = text.find("\n", end)
    if (
        line_start > 0
        and text[end : line_end if line_end >= 0 else len(text)].strip() == ""
        and _TITLE_SEP.fullmatch(before) is not None
    ):
        above = text.rfind("\n", 0, line_start - 1) + 1
        # the name above is the whole of its line: "Wojciech, the refund goes …\nRegards,
        # Grzegorz" opens a sentence with its name, and the line under it signs the message
        if any(
            above <= a < line_start - 1 and a - above < 3 and not _sentence_after(text, b)
            for a, b, _ in found
        ):
            return True
    return False


# Words of ``spelled_both_ways`` and ``_aged_list``: letters, their combining marks ("अभिषेक",
# "Ayọ̀dẹ̀jì"), hyphens and apostrophes.
_NAME_WORD = re.compile(_VWORD)
_AGED_NEXT = re.compile(
    r"[ \t]*\(\d{1,2}\)(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|und|et|y|e|en|i|og|och|ve|és|a|и|ja"
    rf"|和|と|및|และ|و)[ \t]+)(?P<name>{_VWORD}(?:[ \t]{_VWORD}){{0,2}})[ \t]*\(\d{{1,2}}\)"
)


# -- structured records that place a person's name (``NameFinder._record_names``) ------------
# Words that join two family names ("Ferrer i Sala", "García y Vega").
_JOINS = frozenset({"i", "y"})
# A name's words in a record: letters and marks in any script, up to four words, no digit.
_RECORD_NAME = rf"{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}"
# A ticket's audit line: "requester changed from A to B by C · 7 Nov 2025 21:00". The field
# says whether A and B are people; whoever made the change ("by C") is one in any case.
_AUDIT_CHANGE = re.compile(
    r"(?:(?P<field>(?i:requester|assignee|owner|agent|reporter|contact|approver|submitter"
    r"|customer|watcher|collaborator|cc|assigned[ \t]+to|assigned[ \t]+agent))[ \t]+)?"
    r"(?i:changed|reassigned|transferred|moved|updated|switched)[ \t]+(?i:from)[ \t]+"
    rf"(?P<a>{_RECORD_NAME})[ \t]+(?i:to)[ \t]+(?P<b>{_RECORD_NAME})[ \t]+(?i:by)[ \t]+"
    rf"(?P<c>{_RECORD_NAME})(?=[ \t]*(?:[·|,;(\r\n–—-]|$|(?i:on|at)[ \t]|\d))"
)
# Actors of an audit line that are no person.
_AUDIT_SYSTEMS = frozenset(
    {"system", "automation", "trigger", "workflow", "bot", "api", "rule", "sla", "macro", "admin"}
)
# A LaTeX letter: the addressee's first line ("\begin{letter}{Ana Lima\\ Rua Augusta 5}") and
# the sender's signature or name ("\signature{João Reis}", "\name{…}").
_LATEX_NAME = re.compile(
    r"\\begin\{letter\}\{[ \t]*(" + _RECORD_NAME + r")[ \t]*(?:\\\\|\}|\r?\n)"
    r"|\\(?:signature|name)\{[ \t]*(" + _RECORD_NAME + r")[ \t]*\}"
)
# An EPC (SEPA credit transfer) QR payload: "BCD", version, character set, "SCT", the BIC
# (empty in version 002), then the beneficiary's name on its own line.
_EPC_NAME = re.compile(
    r"(?m)^BCD\r?\n00[12]\r?\n[1-8]\r?\nSCT\r?\n(?:[A-Z0-9]{8}(?:[A-Z0-9]{3})?)?\r?\n"
    r"[ \t]*(" + _RECORD_NAME + r")[ \t]*\r?$"
)
# A SWIFT MT103's ordering customer, field 50K: an optional "/account" line, then the name.
# A bank statement's fixed-width line: a transfer's word in the statement languages, the
# payee alone in its column, then the account or amount column ("18.06.2026  TRANSFER  ANA
# LIMA     DE89 3704 …   -12,00"): columns are parted by two spaces or more.
_STATEMENT_WORDS = (
    r"transfer|wire|überweisung|ueberweisung|virement|transferencia|transferência|bonifico|"
    r"overboeking|overschrijving|przelew|överföring|overførsel|overføring|tilisiirto|havale|"
    r"převod|prevod|átutalás|prijenos|transferir|μεταφορά|перевод|переказ"
)
_STATEMENT_HINT = re.compile(rf"(?i)(?:{_STATEMENT_WORDS})[ \t][ \t]")
_STATEMENT_PAYEE = re.compile(
    rf"(?m)(?:^|[ \t])(?i:{_STATEMENT_WORDS})[ \t]{{2,}}"
    r"([^\W\d_]+(?:[-'’ ][^\W\d_]+){0,3})[ \t]{2,}(?=[A-Z]{2}\d{2}|[-+−]?[^\w\s]?\d)"
)
_MT103_ORDERING = re.compile(
    r"(?m)^:50K:(?:/[^\r\n]*\r?\n)?[ \t]*(" + _RECORD_NAME + r")[ \t]*\r?$"
)
# A spreadsheet formula's mail link and its label: =HYPERLINK("mailto:…";"Ana Lima").
_HYPERLINK_NAME = re.compile(
    r'(?i:hyperlink)\([ \t]*"mailto:[^"\n]*"[ \t]*[;,][ \t]*"[ \t]*(' + _RECORD_NAME + r')[ \t]*"'
)
# A device named after its owner on a router's lease table: "iPhone-Femke", "Femkes-iPad".
_DEVICES = r"iPhone|iPad|iMac|MacBook(?:-Pro|-Air)?|Galaxy|Pixel|Laptop|Android|PC|Watch"
_DEVICE_NAME = re.compile(
    rf"(?<![\w-])(?:{_DEVICES})-({_VWORD})(?![\w.-])"
    rf"|(?<![\w.-])({_VWORD})-(?:{_DEVICES})(?![\w-])"
)
_DEVICE_HINT = re.compile(r"iPhone|iPad|iMac|MacBook|Galaxy|Pixel|Laptop|Android|PC|Watch")
# A certificate's holder after "certifies that", in the languages of the policy's cues.
# A delivery or account notice's person (``NameFinder._notice_names``): a parcel (and its
# number) "for" a name, a statement's title then "·" and the holder.
_NOTICE_FOR = (" for ", " für ", " pour ", " para ", " per ", " voor ", " dla ")
_PARCEL_FOR = re.compile(
    r"\b(?i:parcel|package|shipment|delivery|paket|sendung|päckchen|colis|paquet|envoi|"
    r"paquete|envío|envio|pacco|spedizione|encomenda|pacote|pakket|zending|paczka|przesyłka)"
    r"(?:[ \t]+(?:[Nn][or]\.?|N°|#)?[ \t]*[A-Z]{0,4}\d[0-9A-Z-]{4,})?"
    r"[ \t]+(?:for|für|pour|para|per|voor|dla)[ \t]+(?=\w)"
)
# A note that someone asks to be called back, the name first and the phone right after it
# (or after "በ", "on"), then the words that say a third person asked for the call: Turkish
# "numarasından geri arama istiyor", Amharic "እንዲደወልላቸው", Tamil "எண்ணில் அழைக்கச்
# சொன்னார்" ("Call me on …", "என்னை … எண்ணில் அழைக்கவும்", names no one).
_CALLBACK_WORDS = ("numarasından", "numarasindan", "numaradan", "እንዲደወል", "அழைக்கச்")
_CALLBACK_NAME = re.compile(
    r"(?m)(?:^|(?<=[.!?።։] ))[ \t]*"
    r"((?:[^\W\d_][^\s\d]*[ \t]+){0,2}(?!በ[ \t])[^\W\d_][^\s\d]*)[ \t]+"
    r"(?:በ[ \t]+)?\+?\(?\d[\d ()./-]{6,}\d(?:[ \t]*ext\.[ \t]*\d+)?[ \t]+"
    r"(?:(?:numaras[ıi]ndan|numaradan)[ \t]+(?:geri[ \t]+)?(?:aranmak|arama|dönüş)[ \t]+"
    r"(?:istiyor|istedi|talep)|እንዲደወልላቸው|እንዲደወልለት|እንዲደወልላት|"
    r"(?:எண்ணில்|எண்ணுக்கு)[ \t]+அழைக்கச்[ \t]+(?:சொன்னார்|சொன்னாள்|கேட்டார்))"
)
_STATEMENT_HOLDER = re.compile(
    r"(?im)^[^\S\n]*(?:[^\W\d]+[ \t]+){0,2}(?:statement|summary|kontoauszug|übersicht|"
    r"relevé|extracto|resumen|estratto|riepilogo|extrato|resumo|overzicht|afschrift|wyciąg|"
    r"zestawienie|ekstre|özet|hesap özeti)[ \t]*[·•|][ \t]*(?=\w)"
)
_STATEMENT_END = re.compile(r"[ \t]*(?:[·•|]|\r?\n|$)")

_CERTIFIES = re.compile(
    r"(?i:certif(?:y|ies)[ \t]+that|(?:hiermit[ \t]+)?bescheinigt?,?[ \t]+dass|certifie[ \t]+que"
    r"|certifica[ \t]+(?:que|che)|atesta[ \t]+que|verklaart[ \t]+dat|zaświadcza,?[ \t]+że"
    r"|intygar[ \t]+att|bekræfter[ \t]+at|bekrefter[ \t]+at|osvědčuje,?[ \t]+že"
    r"|tanúsítja,?[ \t]+hogy|vahvistaa,?[ \t]+että)[ \t]+"
)
_CERTIFY_HINT = re.compile(
    r"(?i:certif|bescheinig|verklaart|zaświadcza|intygar|bekræfter|bekrefter|osvědčuje"
    r"|tanúsítja|vahvistaa|atesta)"
)
_CERTIFY_LOWER = re.compile(_CERTIFY_HINT.pattern[4:-1])  # the same words, on lower-case text


def _certifies(text: str) -> bool:
    """``_CERTIFY_HINT`` finds one of its words in ``text``: searched in the lower-cased text,
    where the case-blind search cost 8 µs a text and this 1 µs. Lower-casing a text differs
    from the case-blind search's folding of each character only for "İ" (U+0130), whose lower
    case is two characters: a text holding it is searched as before."""
    if _CERTIFY_LOWER.search(text.lower()) is not None:
        return True
    return "\u0130" in text and _CERTIFY_HINT.search(text) is not None


# A designation of a beneficiary with their share: "Beneficiary …: Ana Lima, 100 %".
_BENEFICIARY_SHARE = re.compile(
    r":[ \t]*(" + _RECORD_NAME + r")[ \t]*,[ \t]*\d{1,3}(?:[.,]\d{1,2})?[ \t]?%"
)
_BENEFICIARY_WORDS = re.compile(
    r"(?i:beneficiar|bénéficiaire|begünstigt|begunstigde|bezugsberechtigt|uposażon"
    r"|förmånstagare|begunstiget|edunsaaja|kedvezményezett|lehdensaaja|lehtësuar|lehdensaaj"
    r"|obdarowan|beneficjent|yararlanıcı|lehtar)"
)
# A bot's JSON member whose key names the person the message is for: "for", "recipient",
# "customer", "addressee", "beneficiary", "user" (a login there is taken only as words).
_JSON_PERSON = re.compile(
    r'"(for|recipient|customer|customer_name|addressee|beneficiary|user|user_name|display_name)"'
    r'[ \t]*:[ \t]*"[ \t]*(' + _RECORD_NAME + r')[ \t]*"'
)


# --- names a form or a note places without a cue word ----------------------------------------

# "I, Tamar Friedman, authorise …": a legal form's first person, the name between commas and a
# verb of the form after it, in 14 languages.
#: The first person of a legal form and its comma, in those languages.
_LEGAL_I = r"(?:I|Ich|Je|Yo|Io|Eu|Ik|Ja|Jag|Jeg|Minä|Ben|Én|Я),"
_LEGAL_SELF = re.compile(
    rf"(?:^|(?<=[\n.!?:;]) ?){_LEGAL_I}[ \t]+"
    r"([^,\n\d]{2,60}?),[ \t]+(?i:(?:the undersigned|hereby|do hereby|hiermit|par la présente)"
    r"[ \t,]+)?(?i:authori[sz]e|authori[sz]ing|hereby|declare|confirm|certify|appoint|grant|give"
    r"|consent|agree|acknowledge|undertake|request|am|being|residing|born|of|"
    r"bevollmächtige|erkläre|bestätige|beauftrage|hiermit|wohnhaft|geboren|"
    r"autorise|déclare|certifie|donne|mandate|demeurant|né|née|soussignée?|"
    r"autorizo|declaro|otorgo|certifico|domiciliad[oa]|nacid[oa]|"
    r"autorizzo|dichiaro|delego|nat[oa]|residente|"
    r"machtig|verklaar|geef|verleen|wonende|"
    r"upoważniam|oświadczam|udzielam|zamieszkał[ya]|urodzon[ya]|"
    r"bemyndigar|intygar|ger|bemyndiger|erklærer|gir|giver|befullmäktigar|"
    r"valtuutan|vakuutan|annan|meghatalmazom|kijelentem|"
    r"yetkilendiriyorum|yetki|beyan|уповноважую|доручаю|заявляю|доверяю|разрешаю)\b"
)
_LEGAL_HINT = re.compile(rf"(?:^|[\s.!?:;]){_LEGAL_I}")
# A first name addressed alone at a text's start before the message to that person ("Kaveh,
# your repair is booked", "陽菜, your …", "Ярослав, ваш заказ …"): the words of a second person
# or of the sender that open such a message, in the nine languages and a few more.
_VOC_START = re.compile(
    r"\A[ \t]*([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?),[ \t]+(?=(?i:your|you|you're|you’re"
    r"|we|we've|we’ve|we're|here|ihr|ihre|dein|deine|wir|votre|vos|ton|ta|tes|nous|vous|tu|su|sus"
    r"|hemos|il tuo|la tua|tuo|tua|abbiamo|seu|sua|você|uw|je|jouw|twój|twoja|twoje|pana|pani"
    r"|din|ditt|dina|dine|sinun|teidän|az ön|a te|senin|sizin|ваш|ваша|ваше|ваши|твій|твоя|ваші"
    r"|tuo|mo|ang iyong|yako|wako)\b)"
)
# …and at its end after a comma ("… on 2026-09-05, Shirin.", "…, 하은."): one or two words.
_VOC_END = re.compile(r",[ \t]+([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?)[.!]?[ \t]*\Z")
# A task list's item assigned to a person ("- [ ] Kaveh to send the form", "* [x] Ana will
# call"): a checkbox, one or two words, and the verb that assigns the task.
_TASK_OWNER = re.compile(
    r"(?m)^[ \t]*(?:[-*•+][ \t]*)?\[[ xX✓]?\][ \t]+([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?)"
    r"[ \t]+(?:to|will|should|must|shall|needs to|has to|soll|wird|muss|doit|va|debe|deve"
    r"|moet|zal|musi|ma|ska|skal|kommer att|pitää|fogja|kell|yapacak)[ \t]+\w"
)
# A feedback signed at its end with a name and where the writer lives ("… very helpful.
# Eetu from Tampere", "… 도윤 from Busan"): a sentence's end, one or two words, "from" in
# the nine languages and a few more, one to three capitalised words of a place.
_FROM_PLACE = re.compile(
    r"(?:\A|[.!?)][ \t]+|\n[ \t]*)([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?)[ \t]+"
    r"(?:from|aus|de|da|di|uit|van|z|ze|från|fra|kutoka|mula|taga|dari|desde|iz|з|із|из)[ \t]+"
    r"[A-ZÀ-ÞĀ-Ž][\w'’-]*(?:[ \t][A-ZÀ-ÞĀ-Ž][\w'’-]*){0,2}[.!]?[ \t]*\Z"
)
_FROM_WORDS = frozenset([
    "from", "aus", "de", "da", "di", "uit", "van", "z", "ze", "från", "fra", "kutoka", "mula",
    "taga", "dari", "desde", "iz", "з", "із", "из",
])  # fmt: skip
# A note's subject before what was done to or by them ("…; Ana Lima informed.", "Customer
# 佐藤美咲 called re …", "Summary: Kaveh Rezaei asked about …"): a clause's start, one to
# three words and the verb.
_REPORTED = re.compile(
    r"(?:^|[.;:!?][ \t]+)(?:(?i:customer|client|caller|kunde|kundin|cliente|klant|klient"
    r"|müşteri)[ \t]+)?"
    r"([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2})[ \t]+"
    r"(?:informed|notified|called|contacted|advised|phoned|rang|emailed|complained|reported"
    r"|asked (?:about|for|whether|if|to)|requested|was informed|was notified|has been notified"
    r"|has been informed)(?=[ \t.,;:!?]|\Z)",
    re.MULTILINE,
)
_REPORTED_HINT = re.compile(
    r"informed|notified|called|contacted|advised|phoned|rang|emailed|complained|reported|asked"
    r"|requested"
)
# A family and a given name written together without a space, each with its capital
# ("KobayashiShota", "ParkDo-yun"), as a form's field squeezed or a login shows them.
_CAMEL_JOINED = re.compile(
    r"(?:(?<![\w@#/.\\_+-])|(?<=[a-z]{2}\.))([A-Z][a-z]+)([A-Z][a-z]+(?:-[a-z]+)?)(?![\w@/._+-]|\.\w)"
)
_CAMEL_HINT = re.compile(r"[a-z][A-Z]")
# A Korean or Chinese given name romanised with a hyphen between its syllables ("Su-a",
# "Ji-woo", "Xiao-ming").
_SYLLABLES = re.compile(r"[A-Z][a-z]{0,4}-[a-z]{1,4}\Z")
# Cheaper tests of ``_placed_alone``'s hints: ``_LEGAL_HINT``'s words and comma alone (a
# capital opens each, rarer than a space), ``_CAMEL_HINT`` found at its capital.
_LEGAL_WORD = re.compile(_LEGAL_I)
_CAMEL_AT = re.compile(r"[A-Z](?<=[a-z][A-Z])")


def _script_of(ch: str) -> str:
    """``_script``, with Greek and Cyrillic told apart from Latin ("…, Ярослав.")."""
    if "\u0370" <= ch <= "\u03ff":
        return "greek"
    if "\u0400" <= ch <= "\u052f":
        return "cyrillic"
    return _script(ch)


# -- record forms of people (``NameFinder._form_names``) -------------------------------------
# An issue tracker's history line: a date, who made the change, the verb ("changed", in the
# nine languages), the field and its quoted values ("2026-03-02 Ana Lima changed Assignee from
# 'Unassigned' to 'Rui Sousa'"). The quoted values are people only where the field is one.
_HISTORY_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
)
_HISTORY_VERBS = (
    r"changed|updated|set|cleared|geändert|änderte|ändert|hat|a[ \t]+modifié|a[ \t]+changé"
    r"|modifié|cambió|ha[ \t]+cambiado|modificó|ha[ \t]+modificato|ha[ \t]+cambiato|modificò"
    r"|alterou|mudou|wijzigde|heeft|zmienił|zmieniła|değiştirdi"
)
_HISTORY_FIELDS = (
    r"assignee|reporter|owner|requester|requestor|watcher|reviewer|approver|qa[ \t]+contact"
    r"|bearbeiter(?:in)?|zuständige[rn]?|melder(?:in)?|verantwortliche[rn]?|autor(?:in)?"
    r"|responsable|rapporteur|assigné(?:e)?|demandeur|asignado|asignada|informador(?:a)?"
    r"|solicitante|assegnatario|assegnataria|segnalatore|segnalatrice|richiedente"
    r"|responsável|relator(?:a)?|atribuído[ \t]+a|toegewezen[ \t]+aan|toegewezene|eigenaar"
    r"|przypisany|przypisana|zgłaszający|zgłaszająca|właściciel|atanan|raporlayan|sahibi"
)
_HISTORY_LINE = re.compile(
    rf"(?m)^[ \t]*{_HISTORY_DATE}[ \t]+(?P<actor>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}?)[ \t]+"
    rf"(?i:{_HISTORY_VERBS})(?!\w)(?:[ \t]+(?P<field>(?i:{_HISTORY_FIELDS}))(?!\w))?"
    r"(?P<rest>[^\r\n]*)"
)
_HISTORY_HINT = CaseBlind(rf"(?i:{_HISTORY_VERBS})")
_QUOTED_VALUE = re.compile(r"""['"‘“„«]([^'"’”»\r\n]{1,60})['"’”»]""")
# Values of a person field that are no person.
_HISTORY_NOBODY = frozenset(
    (
        "unassigned",
        "none",
        "nobody",
        "empty",
        "niemand",
        "nicht zugewiesen",
        "non assigné",
        "personne",
        "sin asignar",
        "nadie",
        "non assegnato",
        "nessuno",
        "não atribuído",
        "ninguém",
        "niet toegewezen",
        "nieprzypisany",
        "brak",
        "atanmamış",
        "yok",
    )
)
# An attendee list's lines: a check mark or a cross, the name, then at most "(+1)", a dash
# and a date or a note, a comma or the line's end ("✔ Ana Lima (+1)", "✘ Rui Sousa – 3 May").
_CHECK_MARKS = "✔✓✅☑✘✗✖❌☒❎"
_CHECKED_NAME = re.compile(
    rf"(?m)^[ \t]*[{_CHECK_MARKS}]\ufe0f?[ \t]*({_RECORD_NAME})"
    r"(?=[ \t]*(?:\(\+\d\)|[–—-][ \t]|,|;|\r?$))"
)
# A form's role label before a person, in the nine languages: drivers of a rental, signers of
# an envelope, the parties and witnesses of an accident report, a pupil's parent or guardian.
_ROLE_LABELS = (
    r"(?:main|additional|second|primary|extra)[ \t]+driver|driver|hauptfahrer(?:in)?"
    r"|zusatzfahrer(?:in)?|fahrer(?:in)?|conducteur(?:[ \t]+(?:principal|additionnel|secondaire))?"
    r"|conductor(?:a)?(?:[ \t]+(?:principal|adicional))?|conducente(?:[ \t]+aggiuntivo)?"
    r"|condutor(?:a)?(?:[ \t]+(?:principal|adicional))?|(?:extra[ \t]+)?bestuurder"
    r"|(?:dodatkowy[ \t]+)?kierowca|(?:ek[ \t]+)?sürücü"
    r"|signer(?:[ \t]+\d{1,2})?|signatory(?:[ \t]+\d{1,2})?|unterzeichner(?:in)?(?:[ \t]+\d{1,2})?"
    r"|signataire(?:[ \t]+\d{1,2})?|firmante(?:[ \t]+\d{1,2})?|firmatario(?:[ \t]+\d{1,2})?"
    r"|signatário(?:[ \t]+\d{1,2})?|ondertekenaar(?:[ \t]+\d{1,2})?|sygnatariusz(?:[ \t]+\d{1,2})?"
    r"|imzalayan(?:[ \t]+\d{1,2})?"
    r"|party[ \t]+[A-C]|partei[ \t]+[A-C]|partie[ \t]+[A-C]|parte[ \t]+[A-C]|partij[ \t]+[A-C]"
    r"|strona[ \t]+[A-C]|taraf[ \t]+[A-C]|witness|zeuge|zeugin|témoin|testigo|testimone"
    r"|testemunha|getuige|świadek|tanık"
    r"|parent[ \t]+contact|parent|guardian|erziehungsberechtigte[rn]?|responsable[ \t]+légal"
    r"|tutor(?:a)?|genitore|encarregado[ \t]+de[ \t]+educação|ouder|voogd|opiekun|veli"
    r"|pupil|student|schüler(?:in)?|élève|alumn[oa]|alunn[oa]|alun[oa]|leerling|uczeń|uczennica"
    r"|öğrenci|claimant|applicant|kläger(?:in)?|antragsteller(?:in)?|requérant(?:e)?"
    r"|demandante|solicitante|ricorrente|requerente|eiser(?:es)?|aanvrager|powód|powódka"
    r"|wnioskodawca|davacı|başvuran"
    # a pupil's mother or father ("Madre/padre/tutor:", "Mother/guardian:")
    r"|mother|father|mutter|vater|mère|père|madre|padre|mãe|pai|moeder|vader|matka|ojciec"
    # a loan's or a lease's parties: co-applicants, guarantors, borrowers, tenants, roommates
    r"|co-?applicant|joint[ \t]+applicant|guarantor|borrower|co-?borrower|tenant|co-?tenant"
    r"|roommate|flatmate|housemate|lodger|mitantragsteller(?:in)?"
    r"|bürge|bürgin|darlehensnehmer(?:in)?|kreditnehmer(?:in)?|mieter(?:in)?|mitmieter(?:in)?"
    r"|mitbewohner(?:in)?|co-?emprunteu(?:r|se)|emprunteu(?:r|se)|garant(?:e)?"
    r"|co-?locataire|locataire|co-?solicitante|avalista|fiador(?:a)?"
    r"|prestatari[oa]|inquilin[oa]|arrendatari[oa]|compañer[oa][ \t]+de[ \t]+piso"
    r"|co-?richiedente|richiedente|garante|mutuatari[oa]|coinquilin[oa]"
    r"|proponente|mutuári[oa]|locatári[oa]|medeaanvrager|kredietnemer|huurder"
    r"|medehuurder|huisgeno(?:ot|te)|współwnioskodawca|poręczyciel(?:ka)?"
    r"|kredytobiorca|najemca|współlokator(?:ka)?|kefil|kiracı|ev[ \t]+arkadaşı"
    # a patient and the clinician of a consultation's note, an interpreter of a booking
    r"|patient(?:in|e)?|clinician|physician|doctor|arzt|ärztin|médecin|paciente|médic[oa]"
    r"|paziente|medico|utente|patiënt|behandelaar|pacjent(?:ka)?|lekarz|hasta[ \t]+adı|hekim"
    r"|interpreter|dolmetscher(?:in)?|interprète|intérprete|interprete|tolk|tłumacz(?:ka)?"
    r"|tercüman|(?-i:Pt|pt)\.?"
    # a travel claim's fellow travellers
    r"|co-?travell?er|fellow[ \t]+travell?er|travell?er|mitreisende[r]?|reisende[r]?"
    r"|co-?voyageu(?:r|se)|voyageu(?:r|se)|acompañante|viajer[oa]|compagno[ \t]+di[ \t]+viaggio"
    r"|compagna[ \t]+di[ \t]+viaggio|viaggiat(?:ore|rice)|acompanhante|viajante|medereiziger"
    r"|reiziger|współpodróżn(?:y|a)|podróżn(?:y|a)|yol[ \t]+arkadaşı|yolcu"
    # a postal or customs form's parties (CN22/CN23), a court's defendant, a tax form's taxpayer
    r"|sender|addressee|consignee|consignor|shipper|absender(?:in)?|adressat(?:in)?"
    r"|expéditeur|expéditrice|remitente|mittente|remetente|afzender|geadresseerde|nadawca"
    r"|adresat|gönderici|gönderen|defendant|plaintiff|beklagte[r]?|défendeur|défenderesse"
    r"|demandad[oa]|convenut[oa]|réu|gedaagde|pozwan[ya]|davalı|taxpayer|steuerpflichtige[r]?"
    r"|contribuable|contribuyente|contribuente|belastingplichtige|podatni(?:k|czka)|mükellef"
    # a rental's renter and a parking fine's registered keeper of the vehicle
    r"|renter|hirer|lessee|(?:registered[ \t]+)?keeper|(?:registered|vehicle)[ \t]+owner"
    r"|mieter(?:in|/in|\(in\))?|(?:fahrzeug)?halter(?:in|/in|\(in\))?|locataire"
    r"|titulaire(?:[ \t]+du[ \t]+certificat[ \t]+d['’]immatriculation)?|arrendatari[oa]"
    r"|locatari[oa]|titular(?:[ \t]+del[ \t]+vehículo)?|locatári[oa]|intestatari[oa]"
    r"|proprietári[oa]|huurder|kentekenhouder|najemca|(?:właściciel|posiadacz)[ \t]+pojazdu"
    r"|kiracı|araç[ \t]+sahibi|ruhsat[ \t]+sahibi"
)
_ROLE_NAME = re.compile(
    rf"(?:^|(?<=[\n.;·|]))[ \t]*(?i:{_ROLE_LABELS})"
    # "Applicant 2:", "Alumno/a:", "Madre/padre/tutor:", "Parent/guardian:"
    rf"(?:[ \t]*/[ \t]*(?i:{_ROLE_LABELS}|[^\W\d_]{{1,3}}(?=[ \t]*[/:])))*(?:[ \t]+\d{{1,2}})?"
    rf"[ \t]*:[ \t]*"
    rf"(?:(?P<family>{_VWORD}(?:[ \t]+{_VWORD}){{0,2}}),[ \t]*"
    rf"(?P<given>{_VWORD}(?:[ \t]+{_VWORD})?)"
    # "Pt: Lima, Ana. Seen by video …": a sentence may follow the inverted name
    rf"(?=[ \t]*(?:\r?\n|$|[.;](?:[ \t]|\r?\n|$)))|(?P<name>{_RECORD_NAME}))"
)
_PT_LABEL = re.compile(r"(?:^|(?<=[\n.;·|]))[ \t]*(?:Pt|pt)\.?[ \t]*:")
_ROLE_HINT = re.compile(
    r"(?i:driver|fahrer|conduct|condut|bestuurder|kierowca|sürücü|sign|unterzeichn|firma"
    r"|ondertek|sygnat|imzala|part|strona|taraf|witness|zeug|témoin|testi|testem|getuige"
    r"|świadek|tanık|guardian|erziehungs|légal|tutor|genitore|encarregado|ouder|voogd|opiekun"
    r"|veli|pupil|student|schüler|élève|alumn|alunn|alun|leerling|ucze|öğrenci|claimant"
    r"|applicant|kläger|antragsteller|requérant|demandante|solicitante|ricorrente|requerente"
    r"|eiser|aanvrager|powód|wnioskodawca|davacı|başvuran"
    r"|sender|addressee|consign|shipper|absender|adressat|expédit|remitente|mittente|remetente"
    r"|afzender|geadresseerde|nadawca|adresat|gönder|defendant|plaintiff|beklagte|défend"
    r"|demandad|convenut|réu|gedaagde|pozwan|taxpayer|steuerpflicht|contribu|belastingplicht"
    r"|podatni|mükellef"
    r"|mother|father|mutter|vater|mère|père|madre|padre|mãe|moeder|vader|matka|ojciec"
    r"|applicant|guarant|borrow|tenant|roommate|flatmate|housemate|lodger|bürg|nehmer"
    r"|mieter|bewohner|emprunt|garant|locatai|avalista|fiador|prestatari|inquilin"
    r"|arrenda|compañer|richiedent|mutuatari|proponent|mutuári|locatári"
    r"|kredietnem|huurder|huisgeno|współ|poręczyc|kredytob|najemc|kefil"
    r"|kiracı|arkadaşı|patient|clinician|physician|doctor|arzt|ärztin|médecin|pacient|médic"
    r"|pazient|medico|utente|patiënt|behandelaar|pacjent|lekarz|hasta|hekim|interpret|dolmetsch"
    r"|tolk|tłumacz|tercüman|travel|reisend|voyageu|acompa|viajer|viaggi|viajant|reiziger"
    r"|podróżn|yolcu"
    r"|renter|hirer|lessee|keeper|owner|mieter|halter|locata|titul|arrend"
    r"|locatari|locatári|intestat|propriet|huurder|kenteken|najemca|pojazdu|kiracı|sahibi)"
)
# A party's role in brackets after the name that opens a line, maybe after a label: a court
# booking's "For: Ana Lima (witness)", a hearing's list of people.
_PAREN_ROLE = re.compile(
    r"\((?i:witness|defendant|claimant|plaintiff|victim|accused|patient|tenant|guardian|minor"
    r"|interpreter|applicant|co-?applicant|guarantor|zeuge|zeugin|angeklagte[r]?|beschuldigte[r]?"
    r"|kläger(?:in)?|geschädigte[r]?|opfer|patientin|témoin|prévenu(?:e)?|accusé(?:e)?|victime"
    r"|partie[ \t]+civile|testigo|acusad[oa]|víctima|demandante|paciente|testimone|imputat[oa]"
    r"|vittima|parte[ \t]+civile|paziente|testemunha|arguid[oa]|réu|vítima|getuige|verdachte"
    r"|slachtoffer|patiënt|świadek|oskarżon[ya]|pokrzywdzon[ya]|pacjent(?:ka)?|tanık|sanık"
    r"|mağdur|müşteki)\)"
)
# The label that may stand before such a name on its line ("For:", "Für:", "Pour :").
_LINE_LABEL = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]*:[ \t]*)?")
# A store's review header: the rating in stars, the reviewer, then "·", "|" or a dash and the
# rest ("★★☆☆☆  Ana Lima · version 4.2").
_RATING_STARS = "★☆⭐✩✰"
_REVIEWER = re.compile(
    rf"(?m)^[ \t]*[{_RATING_STARS}\ufe0f]{{1,10}}[ \t]+({_RECORD_NAME})[ \t]*[·|–—-][ \t]"
)
# A ``git blame`` line: the commit, an optional file name, then "(Author Date Time Zone Line)".
_BLAME_AUTHOR = re.compile(
    rf"(?m)^\^?[0-9a-f]{{7,40}}(?:[ \t]+[^\s(]+)?[ \t]+\((?P<name>{_RECORD_NAME})[ \t]+"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[ \t]"
)
# The name line of a machine-readable zone: TD1's third line "FAMILY<<GIVEN<NAMES<<<" (30
# characters) and TD3's first "P<UTOFAMILY<<GIVEN<<<" (44): the family name, "<<", the given
# names parted by "<".
_MRZ_NAME = re.compile(
    r"(?m)^(?:P[A-Z<][A-Z<]{3})?(?P<family>[A-Z]+(?:<[A-Z]+)*)"
    r"<<(?P<given>[A-Z]+(?:<[A-Z]+)*)<*[ \t]*\r?$"
)


# A couple before an announcement's verb, in the nine languages ("Ana & Rui are delighted to
# announce", "Anna und Jonas freuen sich", "Ana et Rui ont la joie", "Ana y Rui tienen el
# placer", "Ana e Rui sono lieti", "Ana e Rui têm o prazer", "Ana en Rui zijn blij", "Anna i
# Piotr z radością"); Turkish puts its verb last and is not read.
_COUPLE_VERBS = (
    r"are[ \t]+(?:delighted|proud|happy|thrilled|pleased|overjoyed)|freuen[ \t]+sich"
    r"|ont[ \t]+la[ \t]+(?:joie|fierté|tristesse)|sont[ \t]+(?:heureux|ravis|fiers)"
    r"|tienen[ \t]+el[ \t]+(?:placer|gusto)|se[ \t]+complacen|están[ \t]+felices"
    r"|sono[ \t]+(?:lieti|felici|orgogliosi)|hanno[ \t]+la[ \t]+gioia"
    r"|têm[ \t]+(?:o[ \t]+prazer|a[ \t]+alegria)|estão[ \t]+felizes"
    r"|zijn[ \t]+(?:blij|trots|verheugd)|z[ \t]+radością|mają[ \t]+zaszczyt"
)
# -- tables, captions, invitations and author lines (``_spaced_table``, ``_laid_out_names``)
# A cell of a line aligned by spaces: text between runs of two spaces or more (or tabs).
_SPACED_CELL = re.compile(r"[^ \t](?:[^ \t]| (?! ))*")
# A word opening with a capital or with a letter of a script without case.
_CAP_WORD = rf"(?:[{_U}]|[^\W\d_A-Za-z\u00c0-\u02af\u0370-\u052f])(?:[^\W\d_]|['’-]|[{_MARKS}])*"
_CAP_RUN = rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}"
# The parties of a case name: capitalised words, "v." or "vs." (one space either side), more.
_CASE_PARTIES = re.compile(
    rf"(?<![\w.-])({_CAP_RUN})[ \t](?:v|vs)\.?[ \t]({_CAP_RUN})(?=[ \t]*(?:[,;:.)\n]|$))"
)
# A couple on three lines: a name, a line of "&" or "and" alone, a name.
_COUPLE_JOIN = r"(?:&|and|und|et|y|e|en|i|oraz|ve|og|och)"
_COUPLE_LINES = re.compile(
    rf"(?m)^[ \t]*({_CAP_RUN})[ \t]*\n[ \t]*{_COUPLE_JOIN}[ \t]*\n[ \t]*({_CAP_RUN})[ \t]*$"
)
# A couple on one line before the line of an invitation's or announcement's verb.
_INVITE_VERBS = (
    rf"{_COUPLE_VERBS}|invite|request|ont[ \t]+le[ \t]+plaisir|vous[ \t]+invitent"
    r"|annunciano|invitano|hanno[ \t]+il[ \t]+piacere|les[ \t]+invitan|os[ \t]+invitan"
    r"|convidam|laden|nodigen|zapraszają"
)
_COUPLE_LINE_HINT = re.compile(rf"\n[ \t]*{_COUPLE_JOIN}[ \t]*\n")
_INVITE_HINT = re.compile(rf"\n[ \t]*(?i:{_INVITE_VERBS})(?!\w)")
_COUPLE_INVITES = re.compile(
    rf"(?m)^[ \t]*({_CAP_RUN})[ \t]+{_COUPLE_JOIN}[ \t]+({_CAP_RUN})[ \t]*\n"
    rf"[ \t]*(?i:{_INVITE_VERBS})(?!\w)"
)
# A package's list of people: "authors", "contributors", "maintainers" before "[", in JSON or
# TOML; its strings, or the "name" of its inline tables, hold the people.
_AUTHOR_LIST = re.compile(
    r'(?m)^[ \t]*"?(?:authors|contributors|maintainers)"?[ \t]*[:=][ \t]*\[([^\]\n]*)'
)
_QUOTED = re.compile(r'"([^"\n]*)"')
_KEY_BEFORE = re.compile(r"([A-Za-z_]+)[ \t]*[=:]$")
# What follows a name in an author line: its address or its page.
_ADDRESS_TAIL = re.compile(r"[ \t]*[<(]")
# A ticket's tag naming who owns it: "owner-Juliet", "assignee:ana.lima" stays a handle.
_OWNER_TAG = re.compile(r'"(?:owner|assignee|agent)[-:_/]([^\W\d_][^"\n\d_/.@]{0,40})"')
# An AUTHORS or CONTRIBUTORS file: its first line names it.
_AUTHORS_FILE = re.compile(r"[#= \t]*(?:AUTHORS|CONTRIBUTORS)\b")
# A found name that is a thing by its place: a company before ", attn." (the person to whom
# it is addressed follows), a patent's assignee (INID code 73), a program's header value
# (User-Agent, X-Mailer; a receipt's "Server:" is a waiter), a package's "name" in a TOML
# [project] or [package] table.
_THING_PLACE_HINTS = (
    "ttn",
    "(73)",
    "User-Agent:",
    "X-Mailer:",
    "[project]",
    "[package]",
    "[tool.poetry]",
)
_THING_AFTER = re.compile(r"[ \t]*(?:INC\.?|LLC|LTD\.?|CORP\.?)?,[ \t]*(?i:attn)\b")
_THING_LINE = re.compile(r"[ \t]*(?:\(73\)[ \t]*[^:\n]{0,20}:|User-Agent:|X-Mailer:)")
_TOML_SECTION = re.compile(r"(?m)^\[([A-Za-z0-9_.-]+)\][ \t]*$")


def _thing_place(text: str, a: int, b: int) -> bool:
    """The found name at ``a``–``b`` names a thing by its place (``_THING_PLACE_HINTS``)."""
    if _THING_AFTER.match(text, b) is not None:
        return True
    ls = text.rfind("\n", 0, a) + 1
    if _THING_LINE.match(text, ls) is not None:
        return True
    if re.match(r'[ \t]*name[ \t]*=[ \t]*"', text[ls:a]) is not None:
        sections = [m.group(1) for m in _TOML_SECTION.finditer(text, 0, ls)]
        return bool(sections) and sections[-1] in ("project", "package", "tool.poetry")
    return False


_COUPLE_AFTER = re.compile(rf"[ \t]+(?i:{_COUPLE_VERBS})(?!\w)")
_COUPLE_BEFORE = re.compile(
    rf"(?<![^\W\d_])({_VWORD}(?:[ \t]+{_VWORD})?)[ \t]+(?:&|and|und|et|y|e|en|i|oraz)[ \t]+$"
)


# The value of a JSON member "name", and the keys that say what its object is: a thing's (a
# password manager's login item, a package, a product) or a person's.
_JSON_NAME_VALUE = re.compile(r'"name"[ \t]*:[ \t]*"([^"\\\r\n]{1,80})"')
_JSON_KEY = re.compile(r'"([A-Za-z_][A-Za-z0-9_]{0,40})"[ \t]*:')
_THING_KEYS = frozenset(
    (
        "login", "uris", "uri", "password", "totp", "passwordhistory", "securenote",
        "folderid", "collectionids", "version", "dependencies", "devdependencies",
        "sku", "price", "firmware", "model",
    )
)  # fmt: skip
_PERSON_KEYS = frozenset(
    (
        "email", "phone", "mobile", "firstname", "first_name", "lastname", "last_name",
        "givenname", "given_name", "familyname", "family_name", "surname", "birthday",
        "birthdate", "dob", "gender", "address",
    )
)  # fmt: skip


def _json_sibling_keys(text: str, at: int) -> set[str]:
    """The keys (lower case) of the JSON object holding the member at ``at``, its own
    members only (not those of objects or arrays inside it); a member whose value is a
    string counts for ``login`` only as an object ("login": "octocat" is a user's login
    name). Strings are skipped with their escapes; a text that is no JSON gives few keys."""
    depth = 0
    i = at - 1
    while i >= 0:  # back to the object's "{"
        c = text[i]
        if c in "}]":
            depth += 1
        elif c in "{[":
            if depth == 0:
                break
            depth -= 1
        i -= 1
    if i < 0 or text[i] != "{":
        return set()
    keys: set[str] = set()
    depth = 0
    j = i + 1
    n = len(text)
    while j < n:
        c = text[j]
        if c == '"':
            m = _JSON_KEY.match(text, j)
            if m is not None and depth == 0:
                key = m.group(1).lower()
                rest = text[m.end() : m.end() + 8].lstrip()
                if key != "login" or rest.startswith("{"):
                    keys.add(key)
            k = j + 1  # past the string
            while k < n and text[k] != '"':
                k += 2 if text[k] == "\\" else 1
            j = k + 1
            continue
        if c in "{[":
            depth += 1
        elif c in "}]":
            if depth == 0:
                break
            depth -= 1
        j += 1
    return keys


# Non-ASCII letters that a case-blind regex matches with an ASCII letter: Python's re takes
# "ı" and "İ" for "i", "ſ" for "s" and the Kelvin sign for "k"; no other letter of any script.
_ASCII_CASE = {"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"}


def _ascii_words(words: str) -> re.Pattern[str]:
    """A regex of the ``|``-separated ``words`` that finds in an ASCII text's lower case
    whatever the case-blind alternation of ``words`` finds in the text: each word in lower
    case, its letters above through ``_ASCII_CASE``; a word with another non-ASCII letter
    matches no ASCII text and is left out. Anything but letters between the bars turns the
    test off (the empty regex)."""
    out: set[str] = set()
    for word in words.split("|"):
        if not word.isalpha():
            return re.compile("")  # regex syntax, not a word: every text may match
        low = "".join(_ASCII_CASE.get(c, c) for c in word).lower()
        if low.isascii():
            out.add(low)
    trie = trie_pattern(sorted(out))  # searched as a trie: one branch per letter read
    return re.compile(trie if trie is not None else "|".join(map(re.escape, sorted(out))))


def _ascii_may_match(words: re.Pattern[str], text: str) -> bool:
    """False when a case-blind search of the words of ``words`` (``_ascii_words``) surely
    finds none in ``text``: an ASCII text searched in lower case; any other text True."""
    return not text.isascii() or words.search(text.lower()) is not None


# The words of ``_ROLE_HINT`` and the nouns of ``_PARCEL_FOR`` (its first case-blind group),
# for ASCII texts in lower case: a match of either regex holds one of them.
_ROLE_WORDS = _ascii_words(_ROLE_HINT.pattern.removeprefix("(?i:").removesuffix(")"))
_PARCEL_NOUNS = _ascii_words(_PARCEL_FOR.pattern.split("(?i:", 1)[1].split(")", 1)[0])


# Record forms that place a person after a word of the form rather than a field's colon, in
# the nine languages (docs/MASKING.md, "Names that a record form places"): a status line's
# person ("Identity check passed for Ana Lima.", "Results for Ana Lima are ready").
_STATUS_FOR = re.compile(
    r"(?i:identity[ \t]+(?:check|verification)|identity|identitätsprüfung|identität"
    r"|vérification[ \t]+d['’]identité|verificación[ \t]+de[ \t]+identidad"
    r"|verifica[ \t]+(?:dell['’])?identità|verificação[ \t]+de[ \t]+identidade"
    r"|identiteitscontrole|weryfikacja[ \t]+tożsamości|verification|kyc|(?:lab[ \t]+|test[ \t]+)?"
    r"results?|ergebnisse|befunde?|résultats|resultados|risultati|esiti|uitslag(?:en)?|wyniki)"
    r"(?:[ \t]+[^\W\d_]+){0,3}?[ \t]+(?:for|für|pour|para|per|voor|dla)[ \t]+"
)
_STATUS_HINT = CaseBlind(
    r"(?i:identit|tożsamo|verifica|kyc|result|ergebnis|befund|résultat|risultat|esiti|uitslag"
    r"|wyniki)"
)
# A person word of a record in running text, with or without a colon: an issue's assignee or
# reporter, an expense's approver, a gift's donor, a pet's owner, a policy's holder, a card's
# members, a claim's witnesses, a roster's lead. The plural labels take a list of people.
_PERSON_WORDS = (
    r"assignee|assigned[ \t]+to|reporter|approver|approved[ \t]+by|donor|policyholder|owner"
    r"|lead|given[ \t]+by|bearbeiter(?:in)?|zugewiesen[ \t]+an|melder(?:in)?|genehmiger(?:in)?"
    r"|genehmigt[ \t]+von|spender(?:in)?|halter(?:in)?|besitzer(?:in)?|versicherungsnehmer(?:in)?"
    r"|assigné[ \t]+à|rapporteur|approbat(?:eur|rice)|approuvé[ \t]+par|donat(?:eur|rice)"
    r"|propriétaire|assuré(?:e)?|asignado[ \t]+a|informador(?:a)?|aprobador(?:a)?"
    r"|aprobado[ \t]+por|donante|propietari[oa]|dueñ[oa]|tomador(?:a)?|asegurad[oa]"
    r"|assegnatario|assegnato[ \t]+a|segnalatore|approvatore|approvato[ \t]+da|donatore"
    r"|proprietari[oa]|contraente|atribuído[ \t]+a|aprovador(?:a)?|aprovado[ \t]+por|doador(?:a)?"
    r"|dono|tomador|toegewezen[ \t]+aan|melder|goedkeurder|goedgekeurd[ \t]+door|donateur"
    r"|eigenaar|verzekeringnemer|przypisan[yao][ \t]+do|zgłaszając[ya]|zatwierdzając[ya]"
    r"|zatwierdzone[ \t]+przez|darczyńca|właściciel(?:ka)?|ubezpieczon[ya]|atanan|raporlayan"
    r"|onaylayan|bağışçı|sahibi|sigortalı"
    # a meeting's organiser and whoever asked for it ("(organiser Ana Lima)"); not who booked
    # it, as often an agency or a system ("Booked by DR-TRAVEL")
    r"|organi[sz]er|organi[sz]ed[ \t]+by|requested[ \t]+by|veranstalter(?:in)?"
    r"|organisator(?:in)?|organisiert[ \t]+von|angefragt[ \t]+von"
    r"|organisat(?:eur|rice)|organisé[ \t]+par|demandé[ \t]+par"
    r"|organizador(?:a)?|organizado[ \t]+por|solicitado[ \t]+por"
    r"|organizzat(?:ore|rice)|organizzato[ \t]+da|richiesto[ \t]+da"
    r"|georganiseerd[ \t]+door|aangevraagd[ \t]+door|organizator(?:ka)?"
    r"|zorganizowane[ \t]+przez|düzenleyen|organizatör|talep[ \t]+eden"
    # a parish newsletter's volunteers ("Flowers this Sunday by Ana Lima.")
    r"|(?:flowers|readings?)(?:[ \t]+(?:this|next)[ \t]+(?:sunday|week))?"
    r"[ \t]+by|blumenschmuck(?:[ \t]+diesen[ \t]+sonntag)?[ \t]+von"
    r"|fleurs(?:[ \t]+de[ \t]+ce[ \t]+dimanche)?[ \t]+par"
    r"|flores(?:[ \t]+de[ \t]+este[ \t]+domingo)?[ \t]+por"
    r"|fiori(?:[ \t]+di[ \t]+questa[ \t]+domenica)?[ \t]+a[ \t]+cura[ \t]+di"
    r"|bloemen(?:[ \t]+deze[ \t]+zondag)?[ \t]+door|kwiaty(?:[ \t]+w[ \t]+tę[ \t]+niedzielę)?"
    r"[ \t]+(?:przygotował(?:a)?|od)"
)
_PERSON_LISTS = (
    r"members|witnesses|guests|guest[ \t]+list|mitglieder|zeugen|gäste|gästeliste|membres"
    r"|témoins|invités|liste[ \t]+des[ \t]+invités|miembros|testigos|invitados"
    r"|lista[ \t]+de[ \t]+invitados|membri|testimoni|ospiti|lista[ \t]+degli[ \t]+invitati"
    r"|membros|testemunhas|convidados|lista[ \t]+de[ \t]+convidados|leden|getuigen|gasten"
    r"|gastenlijst|członkowie|świadkowie|goście|lista[ \t]+gości|üyeler|tanıklar|misafirler"
    r"|davetliler|misafir[ \t]+listesi"
)
_PERSON_WORD = re.compile(
    rf"(?:^|(?<=[\s;,(—–-]))(?:(?P<list>(?i:{_PERSON_LISTS}))|(?i:{_PERSON_WORDS}))"
    r"(?:[ \t]*\([^()\n]{1,24}\))?[ \t]*:?[ \t]+"
)
_PERSON_HINT = CaseBlind(
    r"(?i:assign|report|approv|donor|holder|owner|lead|given|bearbeit|zugewiesen|melder|genehm"
    r"|spender|halter|besitzer|versicherungsn|assigné|rapport|approb|approuv|donat|propri|assur"
    r"|asignad|informad|aprob|donant|dueñ|tomad|asegur|assegna|segnal|contraent|atribu|aprov"
    r"|doad|dono|toegewezen|goedke|eigenaar|verzeker|przypisan|zgłasza|zatwierdz|darczy"
    r"|właścicie|ubezpiecz|atanan|raporla|onayla|bağış|sahibi|sigorta|member|witness|guest"
    r"|mitglied|zeuge|gäste|membre|témoin|invité|miembro|testig|invitad|membri|testimon|ospiti"
    r"|invitat|membro|testemunh|convidad|leden|getuigen|gasten|członk|świadk|goście|gości|üyeler"
    r"|tanıklar|misafir|davetli|organi|request|veranstalt|angefragt|demandé"
    r"|solicitad|richiest|aangevraagd|düzenley"
    r"|talep|flower|reading|blumen|fleurs|flores|fiori|bloemen|kwiaty)"
)
# A newsletter's good wishes, prayers, welcomes and thanks before a person ("Congratulations
# to Ana Lima on her confirmation", "Please pray for Ben Ode"), in the nine languages.
_TRIBUTE = re.compile(
    r"(?:^|(?<=[\s(—–-]))(?i:congratulations[ \t]+to|prayers[ \t]+for"
    r"|(?:please[ \t]+)?pray[ \t]+for|(?:a[ \t]+(?:warm|big)[ \t]+)?welcome[ \t]+to"
    r"|thanks[ \t]+to|thank[ \t]+you[ \t]+to"
    r"|glückwunsch[ \t]+an|glückwünsche[ \t]+an|wir[ \t]+beten[ \t]+für|willkommen[ \t]+an"
    r"|dank[ \t]+an|félicitations[ \t]+à|prions[ \t]+pour|bienvenue[ \t]+à|merci[ \t]+à"
    r"|felicidades[ \t]+a|enhorabuena[ \t]+a|oremos[ \t]+por|bienvenid[oa]s?[ \t]+a"
    r"|gracias[ \t]+a|congratulazioni[ \t]+a|auguri[ \t]+a|preghiamo[ \t]+per"
    r"|benvenut[oaie][ \t]+a|grazie[ \t]+a|parabéns[ \t]+(?:a|ao|à)|bem-vind[oa]s?[ \t]+(?:a|ao|à)"
    r"|obrigad[oa][ \t]+(?:a|ao|à)|gefeliciteerd[ \t]+aan|proficiat[ \t]+aan|bidden[ \t]+voor"
    r"|welkom[ \t]+aan|dank[ \t]+aan|gratulacje[ \t]+dla|módlmy[ \t]+się[ \t]+za"
    r"|witamy[ \t]+serdecznie|podziękowania[ \t]+dla|dziękujemy)[ \t]+"
)
_TRIBUTE_HINT = CaseBlind(
    r"(?i:congratul|pray|welcome|thank|glückw|beten|willkommen|dank|félicit|prions|bienvenu"
    r"|merci|felicid|enhorabuena|oremos|gracias|auguri|preghiamo|benvenut|grazie|parabéns"
    r"|bem-vind|obrigad|gefeliciteerd|proficiat|bidden|welkom|gratulacje|módlmy|witamy"
    r"|podziękow|dziękujemy)"
)
# A capitalised English job title opening a clause, one capitalised word, then a lower-case
# word ("Agent Bérénice was very patient"); the title is checked against ``leading_roles``.
_TITLED_ONE = re.compile(
    rf"(?:^|(?<=[\n.;:!?(\"“]))[ \t]*(?P<title>[A-Z][a-z]+)[ \t]+(?P<name>{_WORD})"
    r"(?=[ \t]+[a-zà-ÿ])"
)
# Two people joined by "and" opening a clause, maybe after an item's number, before a
# lower-case word ("1. Ana Lima and Ben Ode split rent and bills"), in the nine languages.
_COORDINATED = re.compile(
    rf"(?:^|(?<=[\n.;:!?]))[ \t]*(?:\d{{1,2}}[.)][ \t]+)?(?P<a>{_WORD}(?:[ \t]+{_WORD}){{1,2}})"
    r"[ \t]+(?:and|und|et|y|e|en|i|ve)[ \t]+"
    rf"(?P<b>{_WORD}(?:[ \t]+{_WORD}){{1,2}})(?=[ \t]+[^\W\d_])"
)
# The writer's or the reader's relatives, teachers and colleagues before the people they are,
# set off by a comma or a colon (``NameFinder._kin_named``), in the nine languages: a plural
# ("My parents, Ana and Rui, …") or a singular ("your father, Ben Ode, passed away").
_KIN_MANY = (
    r"parents|grandparents|children|kids|sons|daughters|siblings|brothers|sisters"
    r"|co-?supervisors|supervisors|advisors|advisers|examiners|eltern|großeltern|kinder"
    r"|geschwister|söhne|töchter|betreuer(?:innen)?|grands-parents|enfants|frères|sœurs"
    r"|directeurs|padres|abuelos|hijos|hijas|hermanos|hermanas|directores|genitori|nonni|figli"
    r"|figlie|fratelli|sorelle|relatori|pais|avós|filhos|filhas|irmãos|irmãs|orientadores"
    r"|ouders|grootouders|kinderen|broers|zussen|promotoren|rodzice|rodzicom|rodziców"
    r"|dziadkowie|dzieci|synowie|córki|rodzeństwo|promotorzy"
)
_KIN_ONE = (
    r"father|mother|husband|wife|son|daughter|brother|sister|grandmother|grandfather|partner"
    r"|supervisor|co-?supervisor|advisor|adviser|mentor|colleague|dad|mum|mom"
    r"|vater|mutter|mann|frau|sohn|tochter|bruder|schwester|betreuer(?:in)?|doktorvater"
    r"|doktormutter|père|mère|mari|femme|fils|fille|frère|sœur|directeur|directrice"
    r"|padre|madre|esposo|esposa|hijo|hija|hermano|hermana|director|directora|marito|moglie"
    r"|figlio|figlia|fratello|sorella|relatore|relatrice|pai|mãe|marido|filho|filha|irmão"
    r"|irmã|orientador|orientadora|vader|moeder|man|vrouw|zoon|dochter|broer|zus|promotor"
    r"|ojciec|ojca|matka|matki|mąż|męża|żona|żony|syn|córka|brat|siostra|promotor(?:ka)?"
)
_KIN_WORD = re.compile(
    r"(?:^|(?<=[\s(]))(?i:my|our|your|his|her|their|mein(?:e[nmrs]?)?|unser(?:e[nmrs]?)?"
    r"|dein(?:e[nmrs]?)?|ihr(?:e[nmrs]?)?|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos|mis?|tus?"
    r"|nuestr[oa]s?|(?:(?:a|ai|al|alla|i|il|la|le)[ \t]+)?(?:mi[aoe]i?|tu[aoe]i?)"
    r"|(?:(?:a|o|os|as|aos|ao|à|às)[ \t]+)?(?:meus?|minhas?|teus?|tuas?)|mijn|je|jouw|onze|uw"
    r"|moi[mh]?|moja|mój|moich|moj[ae]j?|twoi?[mh]?|twoja|twój|twoj[ae]j?)[ \t]+"
    rf"(?:(?P<many>(?i:{_KIN_MANY}))|(?i:{_KIN_ONE}))(?P<sep>[ \t]*[,:])[ \t]+"
)


def _spelled_out(alternation: str) -> frozenset[str]:
    """The words of a ``|``-separated alternation, each optional part ("(?:in)?", "-?")
    taken both ways: "betreuer(?:in)?" gives "betreuer" and "betreuerin"."""
    out: set[str] = set()
    for alt in alternation.split("|"):
        forms = [alt]
        while any("?" in f for f in forms):
            nxt = []
            for f in forms:
                m = re.search(r"\(\?:([^()]*)\)\?|(.)\?", f)
                if m is None:
                    nxt.append(f)
                    continue
                part = m.group(1) if m.group(1) is not None else m.group(2)
                nxt += [f[: m.start()] + part + f[m.end() :], f[: m.start()] + f[m.end() :]]
            forms = nxt
        out.update(forms)
    return frozenset(out)


# The relatives' words alone, for a cheap look at the word before each comma and colon.
_KIN_WORDS = _spelled_out(_KIN_MANY) | _spelled_out(_KIN_ONE)


def _kin_before_comma(text: str) -> bool:
    """Whether a word of ``_KIN_WORDS`` stands right before a comma or a colon: a set
    lookup at each, far cheaper than a case-blind search of the words."""
    for sep in ",:":
        i = text.find(sep)
        while i > 0:
            j = i
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            k = j
            while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "-"):
                k -= 1
            if 2 < j - k < 16 and text[k:j].lower() in _KIN_WORDS:
                return True
            i = text.find(sep, i + 1)
    return False


# A doctor's or a professor's title before a name, and the letters of the capitalised runs
# (Latin, Greek, Cyrillic, Armenian) and ASCII (``NameFinder._titled_script``).
_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(,;:]))(?:Dr|Dra|Prof|Professor|dr|Drs|Mgr|Dott|Dott\.ssa|tandarts|dentist"
    r"|Zahnarzt|Zahnärztin|Dentist)\.?[ \t]+"
)
_TITLE_HINTS = ("Dr", "Prof", "dr.", "Mgr", "Dott", "tandarts", "dentist", "Zahnarzt", "Zahnärztin")
_COMMA_EOL = re.compile(r",\r?\n")
# A text of thanks, and a clause after a semicolon opening with one or two capitalised words
# (or words without case) before a lower-case word ("…; Maren proofread chapter 3").
_THANKS_HINT = CaseBlind(
    r"(?i:grateful|thank|acknowledg|indebted|dank|merci|remerci|gracias|agradec|grazie"
    r"|ringrazi|obrigad|agradeç|bedank|dziękuj|podziękow|teşekkür)"
)
_CLAUSE_SUBJECT = re.compile(r";[ \t]+")
_LOWER_WORD_NEXT = re.compile(r"[ \t]+[a-zà-ÿ]")
_RUN_SCRIPT = re.compile(rf"[\x00-\x7f{_U}{_L}]")
# An academic's or a doctor's title or a form of address before the name such a phrase gives
# ("Prof. Ana Lima", "Mrs Ogunleye", "Herr Wendt"): no part of the name.
_ACADEMIC = re.compile(
    r"(?i:prof(?:essor)?\.?|dr\.?|doctor|dott\.?(?:ssa)?|drs?\.|ir\.|mgr\.?|doc\.|mrs?\.?"
    r"|ms\.?|mx\.?|miss|herr|frau|mme\.?|mlle\.?|sra?\.|srta\.|sig\.(?:ra)?|dhr\.|mevr\.|pan|pani"
    r"|bay|bayan)(?:[ \t]+(?i:dr\.?|hab\.))?[ \t]+"
)
# What parts the items of such a list: a comma, "and" in the nine languages, "&".
_KIN_SEP = re.compile(
    r"[ \t]*(?:,[ \t]*(?P<join>(?:and|und|et|y|e|en|i|ve|&)[ \t]+)?|[ \t]+(?P<join2>and|und|et|y"
    r"|e|en|i|ve|&)[ \t]+)"
)
# A roster's time slot before a person ("9-12 Ana Lima (phone); 12-15 Ben Ode").
_SLOT_NAME = re.compile(
    r"(?:^|(?<=[:;,\n]))[ \t]*\d{1,2}(?:[:.h]\d{2})?[ \t]*[–-][ \t]*\d{1,2}(?:[:.h]\d{2})?[ \t]+"
    rf"(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}?)(?=[ \t]*(?:\(|;|,|\r?\n|$))"
)
# An initial and its dot opening a person word's name ("approved by D. Paegle").
_LEADING_INITIAL = re.compile(r"[^\W\d_]\.[ \t]+(?=[^\W\d_])")

# A group chat's notice of a member added or removed by another ("Ana Lima added Ben Ode").
_ADDED_VERBS = (
    r"added|removed|a[ \t]+ajouté|a[ \t]+retiré|añadió[ \t]+a|agregó[ \t]+a|eliminó[ \t]+a"
    r"|ha[ \t]+aggiunto|ha[ \t]+rimosso|adicionou|removeu|dodał(?:a)?|usunął|usunęła"
)
_ADDED_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<a>{_RECORD_NAME})[ \t]+(?:(?:{_ADDED_VERBS})[ \t]+(?P<b>{_RECORD_NAME})"
    rf"|(?:hat|heeft)[ \t]+(?P<c>{_RECORD_NAME})[ \t]+(?:hinzugefügt|entfernt|toegevoegd"
    r"|verwijderd))[ \t]*\r?$"
)
_ADDED_HINT = re.compile(
    r"added|removed|ajouté|retiré|añadió|agregó|eliminó|aggiunto|rimosso|adicionou|removeu"
    r"|dodał|usunę|usunął|hinzugefügt|entfernt|toegevoegd|verwijderd"
)
# A contact-tracing line's company: "…; with Ana Lima." at the end of a line, and a visit's
# time before a person and a comma ("09:15: Ana Lima, +27 …").
_WITH_NAME = re.compile(
    r"[;,][ \t]+(?:with|mit|avec|con|com|met|z|ile)[ \t]+"
    rf"(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}?)[ \t]*[.;]?[ \t]*(?=\r?\n|$)"
)
_VISIT_TIME = re.compile(
    rf"(?:^|(?<=[\s,]))\d{{1,2}}[:.h]\d{{2}}:[ \t]+(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}?),"
)

# An issue tracker's comment header: who commented on an issue's key ("Ana Lima commented on
# SUP-12:", "Ana Lima hat SUP-12 kommentiert").
_COMMENTED_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<name>{_RECORD_NAME})[ \t]+(?:commented[ \t]+on|a[ \t]+commenté"
    r"|comentó(?:[ \t]+en)?|ha[ \t]+commentato|comentou(?:[ \t]+em)?|reageerde[ \t]+op"
    r"|skomentował(?:a)?|(?:hat|heeft)[ \t]+(?=[A-Z][A-Z0-9]+-\d))[ \t]*[A-Z][A-Z0-9]+-\d"
)
_COMMENTED_HINT = re.compile(r"comment|coment|reageerde|skomentow|kommentiert|becommentarieerd")
# A card's or a ticket's callback: the person to call back ("Call back Ana Lima").
_CALLBACK_FOR = re.compile(
    r"(?:^|(?<=[\s:;,(—–-]))(?i:call[ \t]+back|ring[ \t]+back|zurückrufen|rückruf[ \t]+an"
    r"|rappeler|richiamare|terugbellen|oddzwonić[ \t]+do|devolver[ \t]+la[ \t]+llamada[ \t]+a"
    r"|retornar[ \t]+a[ \t]+ligação[ \t]+(?:a|para)|geri[ \t]+ara)[ \t]*:?[ \t]+"
)
_CALLBACK_HINT = CaseBlind(
    r"(?i:call[ \t]+back|ring[ \t]+back|rückruf|zurückrufen|rappeler|richiamare|terugbellen"
    r"|oddzwoni|devolver[ \t]+la[ \t]+llamada|retornar[ \t]+a[ \t]+ligação|geri[ \t]+ara)"
)
# A name badge: the line under a line naming the badge, alone on its line (often in capitals:
# "CONFERENCE BADGE\nANA LIMA\nSpeaker").
_BADGE_LINE = re.compile(
    r"(?im)^[^\n]*(?:badge|name[ \t]+tag|namensschild|tagungsausweis|gafete|credencial"
    r"|cartellino|crachá|naamkaartje|naambadge|identyfikator|yaka[ \t]+kartı)[^\n]*\r?\n"
    rf"[ \t]*(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{1,3}})[ \t]*\r?$"
)
_BADGE_HINT = CaseBlind(
    r"(?i:badge|name[ \t]+tag|namensschild|tagungsausweis|gafete|credencial|cartellino|crachá"
    r"|naamkaartje|identyfikator|yaka[ \t]+kartı)"
)
# A form's name field without a colon, after a colon, semicolon or comma and before one
# ("Contact form: name Ana Lima; phone …").
_NAME_WORD_FIELD = re.compile(
    r"(?:^|(?<=[:;,]))[ \t]*(?i:name|full[ \t]+name|nom|nombre|nome|naam|imię[ \t]+i[ \t]+nazwisko"
    rf"|ad[ \t]+soyad|isim)[ \t]+(?P<name>{_VWORD}(?:[ \t]+{_VWORD}){{0,3}}?)[ \t]*(?=[;,])"
)
_NAME_WORD_HINT = CaseBlind(r"(?i:nam|nom|imię|soyad|isim)")
# A directory of alumni: the class's year, a colon, the person ("class of 1998: Ana Lima —").
# Every word of ``_CLASS_OF`` holds one of these: the pattern runs only where one is found.
_CLASS_HINT = CaseBlind(r"(?i:class|jahrgang|promo|turma|lichting|rocznik|mezuniyet)")
_CLASS_OF = re.compile(
    r"(?i:class[ \t]+of|jahrgang|abschlussjahrgang|promotion|promoción|promo|classe|turma"
    r"|lichting|rocznik|mezuniyet)[ \t]+\d{4}[ \t]*:[ \t]*"
)
