"""Names that a roster places by its rows (docs/MASKING.md, "Rosters, membership lists, choir
rosters and seating charts"): under a heading that names a list of people (``Food bank
volunteers — week of …``, ``Rowing club members 2026``, ``Ledenlijst tennisclub``), a row
whose first cell is ``Family, Given``, ``FAMILY, Given`` or ``Given Family`` followed by a
cell with a number (a phone, a shift's time, a table); a choir roster's voice parts
(``Soprano: Ana Lima``) and a seating chart's tables (``Table 1: Ana Lima, Rui Sousa``); an
orchestra's sections (``Violin I: Ana Lima``), a team's line-up (``Starting XI: 1 LIMA – 4
Sousa (c)``), an attendance sheet's rows (``Lima, Ana: present``), a manifest's passengers
(``001 LIMA/ANA ADT PT``), a pacer list's rows (``3:15  Ana Lima``) and a rooming list's
guests (``Room 104 (double): Lima, Ana / Sousa, Rui``).

A row is a person's by its layout and its heading, not by a list of names, so names of any
script and language are read; what goes wrong when the layout is not a list of people is in
the docs. Each form runs only in a text holding its marker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archiver.transform.catalogues import Found, NameFinder, placed_person, trimmed
from archiver.transform.namewords import PARTICLES, fold, hint_pattern

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

# An orchestra's sections as line labels (folded; "Violin I", "Viola 2" too), read as the
# voice parts are: a player, not a "Violin".
_INSTRUMENTS = frozenset(
    {
        "violin", "violins", "violine", "violinen", "violon", "violons", "violín", "violines",
        "violino", "violini", "violino primo", "viool", "violen", "skrzypce", "keman",
        "first violin", "second violin", "first violins", "second violins", "viola", "violas",
        "bratsche", "alto (viola)", "altówka", "cello", "cellos", "violoncello", "violoncelle",
        "violonchelo", "violoncelo", "wiolonczela", "viyolonsel", "double bass", "contrabass",
        "kontrabass", "contrebasse", "contrabajo", "contrabbasso", "contrabaixo", "kontrabas",
        "flute", "flutes", "flöte", "flûte", "flauta", "flauto", "fluit", "flet", "flüt",
        "oboe", "oboes", "hautbois", "oboé", "hobo", "obój", "clarinet", "clarinets",
        "klarinette", "clarinette", "clarinete", "clarinetto", "klarinet", "klarnet",
        "bassoon", "fagott", "basson", "fagot", "fagotto", "fagote", "horn", "horns",
        "french horn", "cor", "trompa", "corno", "hoorn", "róg", "korno", "trumpet",
        "trumpets", "trompete", "trompette", "trompeta", "tromba", "trompet",
        "trąbka", "trombone", "trombones", "posaune", "trombón", "puzon",
        "tuba", "timpani", "pauken", "timbales", "timbal", "timpano", "kotły",
        "percussion", "schlagwerk", "percusión", "percussioni", "percussão", "slagwerk",
        "perkusja", "harp", "harfe", "harpe", "arpa", "harpa", "harfa", "arp", "piano",
        "klavier", "pianoforte", "fortepian", "concertmaster", "konzertmeister",
        "leader", "keyboard", "celesta", "organ", "orgel", "orgue", "órgano", "organo",
        "saxophone", "saxofon", "saxofón", "guitar", "gitarre", "guitare", "guitarra",
        "chitarra", "gitaar", "gitara", "gitar", "drums", "schlagzeug", "batterie", "bateria",
    }
)  # fmt: skip
_INSTRUMENT_HINT = (
    "violin", "viol", "cello", "flut", "flöt", "flaut", "oboe", "clarin", "klarin", "fagot",
    "bassoon", "horn", "trump", "tromp", "trombon", "posaun", "timpan", "pauk", "harp",
    "harf", "skrzyp", "keman", "piano", "percus", "bass", "kontra", "contra",
)  # fmt: skip
_ORCHESTRA_WORDS = (
    "orchestra", "orchester", "orchestre", "orquesta", "orquestra", "orkest", "orkiestra",
    "orkestra", "philharmoni", "filarmonic", "filharmoni", "symphon", "sinfoni", "sinfón",
    "ensemble", "big band", "musicians", "musiker", "musiciens", "músicos", "musicisti",
    "muzycy", "müzisyen", "personnel",
)  # fmt: skip

# A team's line-up after its label: shirt numbers before the players, the captain's mark
# after one ("Starting XI: 1 DEMIR – 4 Ashuba – 8 Lüders (c)", "Formazione: 1 GRECO; 4
# Shamba; 8 Gilson (cap.)").
_LINEUP_LABEL = re.compile(
    r"(?im)^[ \t]*(?:starting[ \t]+(?:xi|eleven|line-?up)|line-?up|team[ \t]+sheet"
    r"|aufstellung|startaufstellung|composition|titulaires|alineaci[óo]n|titulares"
    r"|formazione|escala[çc][ãa]o|opstelling|basisopstelling|sk[łl]ad|podstawowy[ \t]+sk[łl]ad"
    r"|ilk[ \t]+(?:11|on bir)|kadro)[ \t]*:[ \t]*"
)
_LINEUP_HINT = (
    "starting", "line", "team sheet", "aufstellung", "composition", "titulai", "alineaci",
    "titular", "formazione", "escala", "opstelling", "skład", "sklad", "ilk 11", "ilk on bir",
    "kadro",
)  # fmt: skip
_LINEUP_ITEM = re.compile(r"[;,–—|]|[ \t]-[ \t]")
_SHIRT = re.compile(r"[ \t]*(?:#|no\.?[ \t]*)?\d{1,2}[.)]?[ \t]+")
_CAPTAIN = re.compile(
    r"[ \t]*\((?:c|cap|capt|capitano|capitán|capitão|kapitan|kaptan|k|gk|tw)\.?\)", re.I
)

# An attendance sheet's row: "Family, Given" and the pupil's state after a colon or a dash
# ("Lima, Ana: present", "1. Lima, Ana — obecny").
_ATTENDANCE_ROW = re.compile(
    r"(?im)^[ \t]*(?:\d{1,3}[.)][ \t]+)?([^\t,\d:;()\n]{2,40}),[ \t]*([^\t,\d:;()\n]{2,40}?)"
    r"[ \t]*(?::|[-–—])[ \t]*(?:present|absent|late|excused|anwesend|abwesend|entschuldigt"
    r"|versp[äa]tet|pr[ée]sente?|absente?|en[ \t]+retard|excus[ée]e?|presente|ausente|tarde"
    r"|justificad[oa]|assente|in[ \t]+ritardo|giustificat[oa]|atrasad[oa]|aanwezig|afwezig"
    r"|te[ \t]+laat|obecn[ya]|nieobecn[ya]|sp[óo][źz]nion[ya]|sp[óo][źz]nienie|usprawiedliwion[ya]"
    r"|var|yok|ge[çc]|izinli)\b"
)
_ATTENDANCE_HINT = (
    "present", "absent", "anwesend", "abwesend", "présent", "presente", "ausente", "assente",
    "aanwezig", "afwezig", "obecn", "nieobecn", ": var", ": yok", "late", "retard",
)  # fmt: skip

# A rooming list's room as a line label (folded): "Room 104 (double)", "Zimmer 12", "Oda 104
# (çift)"; its guests after the colon, one per "/" or ";", each "Family, Given" or "Given
# Family".
_ROOM = re.compile(
    r"(?:room|zimmer|chambre|habitaci[óo]n|camera|quarto|kamer|pok[óo]j|oda)[ \t]*"
    r"(?:n[o.º°]*[ \t]*)?\d{1,4}[a-z]?(?:[ \t]*\([^)\n]{0,20}\))?"
)
_ROOM_HINT = (
    "room",
    "zimmer",
    "chambre",
    "habitaci",
    "camera ",
    "quarto",
    "kamer",
    "pokój",
    "oda ",
)
_ROOM_WORDS = frozenset({"room", "zimmer", "chambre", "camera", "quarto", "kamer", "oda"})
_GUESTS_BETWEEN = re.compile(r"[ \t]*[/;&][ \t]*")

# A passenger manifest's row: a sequence number, "FAMILY/GIVEN" in capitals (as tickets write
# names), a passenger type and a nationality ("001 LIMA/ANA ADT PT"); its head a manifest word.
_MANIFEST_WORDS = (
    "manifest", "passenger list", "passagierliste", "liste des passagers", "manifiesto",
    "lista passeggeri", "lista de passageiros", "passagierslijst", "lista pasażerów",
    "yolcu listesi", "manifeste",
)  # fmt: skip
_MANIFEST_ROW = re.compile(
    r"(?m)^[ \t]*\d{1,4}[.)]?[ \t]+([^\W\d_][^\W\d_' -]{0,30})/([^\W\d_][^\W\d_' -]{0,30}?)"
    r"(?:[ \t]+(ADT|CHD|INF|YTH|SRC|CNN|MR|MRS|MS|MSTR|MISS|DR))?(?=[ \t]|$)"
)
_PASSENGER_TYPES = frozenset({"adt", "chd", "inf", "yth", "src", "cnn"})

# A pacer list's row: a time, then the person alone on the rest of the line after a tab or
# two spaces ("3:15  Ana Lima"), in a text naming pacers (a programme's "9:00  Opening
# Remarks" is no one's: no such word).
_PACER_WORDS = (
    "pacer", "pace maker", "pacemaker", "tempomacher", "zugläufer", "meneur d'allure",
    "meneurs d'allure", "liebre", "liebres", "palloncin", "lebre", "haas", "hazen",
    "zając", "pacerzy", "tempo", "tavşan",
)  # fmt: skip
_TIMED_ROW = re.compile(
    r"(?m)^[ \t]*\d{1,2}[:.h]\d{2}(?:[ \t]*[-–][ \t]*\d{1,2}[:.h]\d{2})?"
    r"(?:\t|[ \t]{2,})(\S[^\t\n]{1,60}?)[ \t]*$"
)

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


# The hint words above, each list searched as one pattern (``hint_pattern``): a text is
# read once per list, not once per word.
_ROSTER_WORDS_RE = hint_pattern(_ROSTER_WORDS)
_INSTRUMENT_HINT_RE = hint_pattern(_INSTRUMENT_HINT)
_ROOM_HINT_RE = hint_pattern(_ROOM_HINT)
_MANIFEST_WORDS_RE = hint_pattern(_MANIFEST_WORDS)
_LINEUP_HINT_RE = hint_pattern(_LINEUP_HINT)
_PACER_WORDS_RE = hint_pattern(_PACER_WORDS)
_ATTENDANCE_HINT_RE = hint_pattern(_ATTENDANCE_HINT)
_VOICE_HINT_RE = hint_pattern(_VOICE_HINT)
_CHOIR_WORDS_RE = hint_pattern(_CHOIR_WORDS)
_ORCHESTRA_WORDS_RE = hint_pattern(_ORCHESTRA_WORDS)
_TABLE_HINT_RE = hint_pattern(_TABLE_HINT)
_SEATING_WORDS_RE = hint_pattern(_SEATING_WORDS)


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
        if _ROSTER_WORDS_RE.search(low) is not None:
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


def _pair(
    finder: NameFinder, text: str, fam: tuple[int, int], given: tuple[int, int]
) -> list[Found]:
    """A "Family, Given" pair's parts as names: none unless one part is a name, which then
    carries the other ("KEWLEY, Ean": "Ean" is also a barcode's name)."""
    f = _part(finder, text, *fam, plain=False)
    g = _part(finder, text, *given, plain=False)
    if f is None and g is None:
        return []
    return [x for x in (f or _cell(text, *fam), g or _cell(text, *given)) if x is not None]


def _rows(finder: NameFinder, text: str) -> list[Found]:
    """The people of a roster's rows (``_row_lines``); in the comma form one part that is a
    name carries the other."""
    out: list[Found] = []
    for a, m, comma in _row_lines(text):
        if comma:
            (fa, fb), (ga, gb) = m.span(1), m.span(2)
            out.extend(_pair(finder, text, (a + fa, a + fb), (a + ga, a + gb)))
        elif (got := _part(finder, text, a + m.start(1), a + m.end(1), plain=True)) is not None:
            out.append(got)
    return out


def _rostered(text: str) -> bool:
    """Whether ``text`` may hold a roster's rows: cells and a roster word."""
    if "\n" not in text or not ("\t" in text or "  " in text or ", " in text):
        return False
    low = f" {text.lower()} "
    return _ROSTER_WORDS_RE.search(low) is not None


def dropped_things(text: str, found: list[Found]) -> list[Found]:
    """``found`` without what stands in a roster row's other cells: a phone, a shift, a part
    ("Sat 08:00-12:00" is no name, even where a name in another script reads "Sat"), and
    without an orchestra's section labels ("Violin I: Ana Lima": the player, not "Violin I")."""
    if found and ":" in text and _INSTRUMENT_HINT_RE.search(text.lower()) is not None:
        labels = _label_lines(text, _INSTRUMENTS, labels=True)
        if labels:
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in labels)]
    if found and ":" in text and _ROOM_HINT_RE.search(text.lower()) is not None:
        rooms = _label_lines(text, _ROOM, labels=True)  # "Oda 104 (çift)": a room, no "Oda"
        if rooms:  # the room word of the list's heading too ("Oda listesi")
            found = [
                f
                for f in found
                if not any(a <= f[0] and f[1] <= b for a, b in rooms) and f[2] not in _ROOM_WORDS
            ]
    if found and "/" in text and _MANIFEST_WORDS_RE.search(text.lower()) is not None:
        found = [f for f in found if f[2] not in _PASSENGER_TYPES]  # "ADT", "CHD": fares
    if not found or not _rostered(text):
        return found
    cells = [(a + m.start(m.re.groups), a + m.end()) for a, m, _ in _row_lines(text)]
    if not cells:
        return found
    return [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in cells)]


def _label_lines(
    text: str, labelled: re.Pattern[str] | frozenset[str], *, labels: bool = False
) -> list[tuple[int, int]]:
    """The values (start, end) of the lines whose label before a colon is one of ``labelled``
    (with ``labels``, the labels' own spans)."""
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
                out.append((a, colon) if labels else (colon + 1, b))
        a = b + 1
    return out


def _people_of(finder: NameFinder, text: str, a: int, b: int, *, common: bool) -> list[Found]:
    """Each person of a label's value, between commas, semicolons, ``&`` or ``and``: one to
    four capitalised words (a caption's "Summary statistics" is none)."""
    out: list[Found] = []
    k = a
    for m in [*_BETWEEN.finditer(text, a, b), None]:
        e = b if m is None else m.start()
        paren = text.find("(", k, e)  # "Ana Lima (concertmaster)": the role after the name
        s, e = trimmed(text, k, e if paren < 0 else paren)
        words = text[s:e].split()
        if 0 < len(words) <= 4 and _capitalised(words):
            got = placed_person(finder, text, s, e, common=common, firms=True)
            if got is not None:
                out.append(got)
        if m is not None:
            k = m.end()
    return out


def _lineup(finder: NameFinder, text: str) -> list[Found]:
    """The players of a line-up's line: each item between ";", "," or a dash, its shirt
    number and its captain's mark left aside; one to three capitalised words, in capitals
    too ("1 DEMIR"), common words counting ("4 Bruno")."""
    out: list[Found] = []
    for m in _LINEUP_LABEL.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        k = m.end()
        for sep in [*_LINEUP_ITEM.finditer(text, k, end), None]:
            e = end if sep is None else sep.start()
            shirt = _SHIRT.match(text, k, e)
            s_ = shirt.end() if shirt is not None else k
            cap = _CAPTAIN.search(text, s_, e)
            e2 = cap.start() if cap is not None else e
            got = _part(finder, text, s_, e2, plain=False) if shirt is not None else None
            if got is not None:
                out.append(got)
            if sep is not None:
                k = sep.end()
    return out


def _attendance(finder: NameFinder, text: str) -> list[Found]:
    """The pupils of an attendance sheet's rows ("Lima, Ana: present"): both parts, one that
    is a name carrying the other as the roster rows do."""
    out: list[Found] = []
    for m in _ATTENDANCE_ROW.finditer(text):
        out.extend(_pair(finder, text, m.span(1), m.span(2)))
    return out


# A record headed by its person: "LIMA, Ana" alone on the text's first line, labelled lines
# under it ("Clubs: Chess, Debating", "Quote: …"): a yearbook entry, a profile, a file card.
_HEAD_PERSON = re.compile(
    r"[ \t]*([^\W\d_][^\s,:;]*(?:[ \t-][^\W\d_][^\s,:;]*)?),[ \t]*"
    r"([^\W\d_][^\s,:;]*(?:[ \t][^\W\d_][^\s,:;]*)?)[ \t]*\n"
)
_LABEL_LINE = re.compile(r"[ \t]*[^\W\d_][^\n:]{0,30}:")


def _headed(finder: NameFinder, text: str) -> list[Found]:
    """The person a record's first line names in capitals and order ("BOOLELL, Vishnu\nClubs:
    …"): the family name in capitals, a capitalised given name, a labelled line under them.
    An inference: a place so written above a label ("PARIS, France\nVenue: …") is masked."""
    m = _HEAD_PERSON.match(text)
    if m is None or not m.group(1).isupper() or not m.group(2)[0].isupper():
        return []
    if m.group(2).isupper() or _LABEL_LINE.match(text, m.end()) is None:
        return []  # "SALES, EMEA": two headings in capitals
    fam = _part(finder, text, *m.span(1), plain=False) or _cell(text, *m.span(1))
    given = _part(finder, text, *m.span(2), plain=False) or _cell(text, *m.span(2))
    if fam is None or given is None:
        return []
    return [fam, given]


def _guests(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """The guests of a room's line: each between "/" or ";", "Family, Given" as two parts (one
    that is a name carrying the other), "Given Family" as one."""
    out: list[Found] = []
    k = a
    for m in [*_GUESTS_BETWEEN.finditer(text, a, b), None]:
        e = b if m is None else m.start()
        comma = text.find(",", k, e)
        if comma > k:
            out.extend(_pair(finder, text, (k, comma), (comma + 1, e)))
        elif (got := _part(finder, text, k, e, plain=True)) is not None:
            out.append(got)
        if m is not None:
            k = m.end()
    return out


def _manifest(finder: NameFinder, text: str) -> list[Found]:
    """A manifest's passengers ("001 LIMA/ANA ADT PT"): both parts of each row's name."""
    out: list[Found] = []
    for m in _MANIFEST_ROW.finditer(text):
        for g in (1, 2):
            a, b = m.span(g)
            got = _part(finder, text, a, b, plain=False) or _cell(text, a, b)
            if got is not None:
                out.append(got)
    return out


def _timed(finder: NameFinder, text: str) -> list[Found]:
    """A pacer list's people ("3:15  Ana Lima", "3:00  ANA LIMA"): two to four capitalised
    words alone after the time; common words alone are no one ("9:00  Opening Remarks")."""
    out: list[Found] = []
    for m in _TIMED_ROW.finditer(text):
        a, b = m.span(1)
        words = text[a:b].split()
        if 2 <= len(words) <= 4 and _capitalised(words):
            got = placed_person(finder, text, a, b, common=True, firms=True)
            if got is not None:
                out.append(got)
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The people of a roster, a choir roster, an orchestra, a seating chart, a line-up, an
    attendance sheet, a manifest, a pacer list or a rooming list in ``text``."""
    low = text.lower() + " "
    if "\n" not in text:  # a line-up may stand alone on its line
        return (
            _lineup(finder, text) if ":" in text and _LINEUP_HINT_RE.search(low) is not None else []
        )
    out: list[Found] = []
    if _rostered(text):
        out.extend(_rows(finder, text))
    if "," in text[:80] and ":" in text:
        out.extend(_headed(finder, text))  # "BOOLELL, Vishnu\nClubs: Chess, Debating"
    if "/" in text and _MANIFEST_WORDS_RE.search(low) is not None:
        out.extend(_manifest(finder, text))  # "001 LIMA/ANA ADT PT"
    if ("  " in text or "\t" in text) and _PACER_WORDS_RE.search(low) is not None:
        out.extend(_timed(finder, text))  # "3:15  Ana Lima"
    if _ATTENDANCE_HINT_RE.search(low) is not None:
        out.extend(_attendance(finder, text))  # "Lima, Ana: present", "Lima, Ana — obecny"
    if ":" in text:
        if _VOICE_HINT_RE.search(low) is not None:
            lines = _label_lines(text, _VOICES)
            if len(lines) >= 2 or (lines and _CHOIR_WORDS_RE.search(low) is not None):
                for a, b in lines:  # "Soprano: Ana Lima": a singer, not a "Soprano"
                    out.extend(_people_of(finder, text, a, b, common=False))
        if _INSTRUMENT_HINT_RE.search(low) is not None:
            lines = _label_lines(text, _INSTRUMENTS)
            if len(lines) >= 2 or (lines and _ORCHESTRA_WORDS_RE.search(low) is not None):
                for a, b in lines:  # "Violin I: Ana Lima (concertmaster)": a player
                    out.extend(_people_of(finder, text, a, b, common=False))
        if _LINEUP_HINT_RE.search(low) is not None:
            out.extend(_lineup(finder, text))
        if _ROOM_HINT_RE.search(low) is not None:
            for a, b in _label_lines(text, _ROOM):  # "Oda 104 (çift): Lima, Ana / Sousa, Rui"
                out.extend(_guests(finder, text, a, b))
        if _TABLE_HINT_RE.search(low) is not None:
            # a chart: a seating word, or two tables with two people at one ("Table 1: Ana
            # Lima, Rui Sousa"); a paper's captions ("Table 1: Baseline Characteristics") none
            seated = [
                _people_of(finder, text, a, b, common=True) for a, b in _label_lines(text, _TABLE)
            ]
            if _SEATING_WORDS_RE.search(low) is not None or (
                len(seated) >= 2 and any(len(p) >= 2 for p in seated)
            ):
                out.extend(f for people in seated for f in people)
    return out
