"""Names that a roster places by its rows (docs/MASKING.md, "Rosters, membership lists, choir
rosters and seating charts"): under a heading that names a list of people (``Food bank
volunteers — week of …``, ``Rowing club members 2026``, ``Ledenlijst tennisclub``), a row
whose first cell is ``Family, Given``, ``FAMILY, Given`` or ``Given Family`` followed by a
cell with a number (a phone, a shift's time, a table); a choir roster's voice parts
(``Soprano: Ana Lima``) and a seating chart's tables (``Table 1: Ana Lima, Rui Sousa``).

A row is a person's by its layout and its heading, not by a list of names, so names of any
script and language are read; what goes wrong when the layout is not a list of people is in
the docs. Each form runs only in a text holding its marker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archiver.transform.catalogues import Found, NameFinder, placed_person, trimmed
from archiver.transform.namewords import PARTICLES, fold

# Words of a heading that names a list of people, in the nine languages (lower case; a
# heading holds one as a substring: "Vrijwilligersrooster", "Ledenlijst", "Mitgliederliste";
# a space first where a word holds it: " leden", not "3 dagen geleden").
_ROSTER_WORDS = (
    "volunteer", "roster", " rota ", "members", "membership", "sign-up", "signup", "sign up",
    "attendees", "participants", "players", "squad", "team list", "choir", "helpers",
    "freiwillig", "helfer", "mitglied", "teilnehmer", "dienstplan", "einsatzplan",
    "bénévole", "benevole", "membres", "adhérents", "adherents", "inscrits", "planning des",
    "voluntari", "miembros", "socios", "socias", "participantes", "inscritos", "turnos",
    "volontari", " soci ", "elenco soci", "iscritti", "partecipanti", "turni",
    "voluntários", "membros", "sócios", "escala de",
    "gönüllü", "üyeler", "üye listesi", "katılımcı", "nöbet",
    "vrijwillig", " leden", "deelnemers", "rooster",
    "wolontariusz", "członkowie", "członków", "lista obecności", "uczestnicy", "grafik dyżur",
)  # fmt: skip

# A row: an optional number ("1. ", "12) "), the first cell, then a tab, two spaces or a dash
# or a bar between spaces, and the rest. The comma form's cell is "Family, Given" (capitals or
# not); the plain form's "Given Family". A cell holds no digit, tab or second comma.
_SEP = r"(?:\t|[ \t]{2,}|[ \t]+[-–—|][ \t]+)"
_COMMA_ROW = re.compile(
    r"[ \t]*(?:\d{1,4}[.)][ \t]+)?([^\t,\d:;()]{2,40}),[ \t]*([^\t,\d:;()]{2,40}?)"
    rf"(?:{_SEP}|[ \t]*$)(.*)"
)
_PLAIN_ROW = re.compile(rf"[ \t]*(?:\d{{1,4}}[.)][ \t]+)?([^\t,\d:;()]{{3,60}}?){_SEP}(.*)")

# A choir's voice parts as line labels (folded; "Soprano 1", "Tenor II" too).
_VOICES = frozenset(
    {
        "soprano", "sopranos", "soprani", "sopran", "sopranistin", "sopraan", "sopran i",
        "mezzo", "mezzo-soprano", "mezzosoprano", "mezzosopran", "alto", "altos", "alti",
        "alt", "contralto", "tenor", "tenors", "tenore", "tenori", "tenores", "tenory",
        "baritone", "baritones", "baritono", "baritoni", "baritonos", "bariton", "baryton",
        "barytony", "bass", "basses", "basso", "bassi", "bajo", "bajos", "basse", "bas",
        "basy", "baixo", "baixos", "ténor",
    }
)  # fmt: skip
_VOICE_NUMBER = re.compile(r"[ \t]+(?:[1-4]|i{1,3}|iv)$")
_VOICE_HINT = ("sopran", "tenor", "alto", "bass", "bajo", "barit", "baryt", "mezzo", "contralt")
_CHOIR_WORDS = ("choir", "chor", "coro", "chœur", "choeur", "chorale", "koor", "chór", "koro")

# A seating chart's table as a line label (folded): "Table 1", "Tisch 4", "Mesa n.º 2".
_TABLE = re.compile(
    r"(?:table|tisch|mesa|tavolo|tafel|stol|stolik|masa)[ \t]*(?:n[o.º°]*[ \t]*)?\d{1,3}"
)
_TABLE_HINT = ("table ", "tisch ", "mesa ", "tavolo ", "tafel ", "stół ", "stolik ", "masa ")
_SEATING_WORDS = (
    "seating", "sitzordnung", "tischordnung", "plan de table", "mesas", "tavoli",
    "tafelindeling", "tafelschikking", "oturma", "rozsadzenie", "wedding", "guests",
)  # fmt: skip
# Between the people of one label's value: "Ana Lima, Rui Sousa; Eva Kern & Jan Roth".
_BETWEEN = re.compile(r"[,;&]|[ \t]+(?:and|und|et|y|e|en|ve|i)[ \t]+")


def _capitalised(words: list[str]) -> bool:
    """Every word capitalised or a particle ("van Dijk"), at least one capitalised."""
    return all(w[0].isupper() or fold(w) in PARTICLES for w in words) and any(
        w[0].isupper() for w in words
    )


def _part(finder: NameFinder, text: str, a: int, b: int, *, plain: bool) -> Found | None:
    """One cell part ("OKONKWO", "Chidi", "Chidi Okonkwo") as a name: one to three
    capitalised words (see ``_capitalised``), a plain cell two or three."""
    a, b = trimmed(text, a, b)
    words = text[a:b].split()
    if not words or len(words) > 3 or (plain and len(words) < 2) or not _capitalised(words):
        return None
    return placed_person(finder, text, a, b, firms=True)


def _cell(text: str, a: int, b: int) -> Found | None:
    """A cell part of capitalised words as it stands, whatever the words: the other part of
    a row whose one part is a name ("KEWLEY, Ean": "Ean" is also a barcode's name)."""
    a, b = trimmed(text, a, b)
    words = text[a:b].split()
    if not 0 < len(words) <= 3 or not _capitalised(words) or not all(map(_lettered, words)):
        return None
    return a, b, " ".join(fold(text[a:b]).split())


def _lettered(word: str) -> bool:
    return all(c.isalpha() or c in "'’-." for c in word)


def _row_lines(text: str) -> Iterator[tuple[int, re.Match[str], bool]]:
    """Each row under a roster's heading (a line holding a roster word; its rows run to the
    next line that is neither): its line's start, its match and whether it is in the comma
    form. A row is a line whose first cell is "Family, Given" with a number or nothing after
    it, or two or three words with a number after a tab, two spaces, a dash or a bar."""
    heading = False
    a = 0
    while a < len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        line = text[a:b]
        low = f" {line.lower()} "
        if any(w in low for w in _ROSTER_WORDS):
            heading = True  # "Volunteers — Sat 14 March": a heading, though a dash splits it
            a = b + 1
            continue
        m = _COMMA_ROW.match(line)
        comma = m is not None and (not m.group(3) or any(c.isdigit() for c in m.group(3)))
        if not comma:
            m = _PLAIN_ROW.match(line)
            if m is not None and not any(c.isdigit() for c in m.group(2)):
                m = None
        if m is not None:
            if heading:
                yield a, m, comma
        elif line.strip():
            heading = False
        a = b + 1


def _rows(finder: NameFinder, text: str) -> list[Found]:
    """The people of a roster's rows (``_row_lines``); in the comma form one part that is a
    name carries the other."""
    out: list[Found] = []
    for a, m, comma in _row_lines(text):
        if comma:
            (fa, fb), (ga, gb) = m.span(1), m.span(2)
            fam = _part(finder, text, a + fa, a + fb, plain=False)
            given = _part(finder, text, a + ga, a + gb, plain=False)
            if fam is not None or given is not None:
                fam = fam or _cell(text, a + fa, a + fb)
                given = given or _cell(text, a + ga, a + gb)
                out.extend(f for f in (fam, given) if f is not None)
        elif (got := _part(finder, text, a + m.start(1), a + m.end(1), plain=True)) is not None:
            out.append(got)
    return out


def _rostered(text: str) -> bool:
    """Whether ``text`` may hold a roster's rows: cells and a roster word."""
    if "\n" not in text or not ("\t" in text or "  " in text or ", " in text):
        return False
    low = f" {text.lower()} "
    return any(w in low for w in _ROSTER_WORDS)


def dropped_things(text: str, found: list[Found]) -> list[Found]:
    """``found`` without what stands in a roster row's other cells: a phone, a shift, a part
    ("Sat 08:00-12:00" is no name, even where a name in another script reads "Sat")."""
    if not found or not _rostered(text):
        return found
    cells = [(a + m.start(m.re.groups), a + m.end()) for a, m, _ in _row_lines(text)]
    if not cells:
        return found
    return [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in cells)]


def _label_lines(text: str, labelled: re.Pattern[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The values (start, end) of the lines whose label before a colon is one of ``labelled``."""
    out: list[tuple[int, int]] = []
    a = 0
    while a < len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        colon = text.find(":", a, min(b, a + 30))
        if colon > a:
            label = " ".join(fold(text[a:colon]).split())
            if isinstance(labelled, frozenset):
                ok = _VOICE_NUMBER.sub("", label) in labelled
            else:
                ok = labelled.fullmatch(label) is not None
            if ok:
                out.append((colon + 1, b))
        a = b + 1
    return out


def _people_of(finder: NameFinder, text: str, a: int, b: int, *, common: bool) -> list[Found]:
    """Each person of a label's value, between commas, semicolons, ``&`` or ``and``: one to
    four capitalised words (a caption's "Summary statistics" is none)."""
    out: list[Found] = []
    k = a
    for m in [*_BETWEEN.finditer(text, a, b), None]:
        e = b if m is None else m.start()
        s, e = trimmed(text, k, e)
        words = text[s:e].split()
        if 0 < len(words) <= 4 and _capitalised(words):
            got = placed_person(finder, text, s, e, common=common, firms=True)
            if got is not None:
                out.append(got)
        if m is not None:
            k = m.end()
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The people of a roster, a choir roster or a seating chart in ``text``."""
    if "\n" not in text:
        return []
    out: list[Found] = []
    low = text.lower() + " "
    if _rostered(text):
        out.extend(_rows(finder, text))
    if ":" in text:
        if any(h in low for h in _VOICE_HINT):
            lines = _label_lines(text, _VOICES)
            if len(lines) >= 2 or (lines and any(w in low for w in _CHOIR_WORDS)):
                for a, b in lines:  # "Soprano: Ana Lima": a singer, not a "Soprano"
                    out.extend(_people_of(finder, text, a, b, common=False))
        if any(h in low for h in _TABLE_HINT):
            # a chart: a seating word, or two tables with two people at one ("Table 1: Ana
            # Lima, Rui Sousa"); a paper's captions ("Table 1: Baseline Characteristics") none
            seated = [
                _people_of(finder, text, a, b, common=True) for a, b in _label_lines(text, _TABLE)
            ]
            if any(w in low for w in _SEATING_WORDS) or (
                len(seated) >= 2 and any(len(p) >= 2 for p in seated)
            ):
                out.extend(f for people in seated for f in people)
    return out
