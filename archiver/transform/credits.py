"""Names that a film's credits and a match report place by their layout (docs/MASKING.md,
"Film credits and match reports"): the person under or beside a role heading of a credit
(``DIRECTED BY`` over ``Ana Lima``, ``Director of Photography ....... Rui Sousa``, an actor
left of the dots under ``CAST``), and the players of a match report (a scorer before a minute
mark ``Lima 23'``, a team's line-up after its name from the score line, the people after a
report's labels: ``Subs:``, ``Booked:``, ``Referee:``). Each form runs only in a text holding
its marker, and reads the names in any script and case: the layout says where a name stands.
``dropped_things`` drops what a credit names that is no person: its copyright holder (``©
2026 Johnson & Johnson Pictures``) and where it was filmed."""

from __future__ import annotations

import re
import unicodedata

from archiver.transform.catalogues import Found, NameFinder, placed_person, trimmed
from archiver.transform.namewords import fold

# A sponsor's line closing a credit or a programme: the firm after it is no person.
_SPONSOR_LEAD = re.compile(
    r"(?i)(?:with the (?:kind |generous )?support of|with (?:the )?support from|supported by"
    r"|sponsored by|in partnership with|in association with|con el (?:apoyo|patrocinio) de"
    r"|con il (?:sostegno|supporto|patrocinio) di|avec le (?:généreux )?(?:soutien|concours) de"
    r"|mit (?:freundlicher )?unterst(?:ü|ue)tzung (?:von|der|des)|com o apoio d[aeo])\b"
)


def _catalogued(
    finder: NameFinder, text: str, a: int, b: int, *, firms: bool = False
) -> Found | None:
    """A person where the layout places one (``catalogues.placed_person``): not opening with a
    lower-case letter ("Manager: approved") nor with "The" ("Music by The Quillmores": a
    band); a name of a script without case counts."""
    a, b = trimmed(text, a, b)
    if a >= b or text[a].islower() or text[a : a + 4].lower() == "the ":
        return None
    if _SPONSOR_LEAD.match(text, a, b) is not None:
        return None  # a programme's sponsor line: "With the support of Ferrero"
    return placed_person(finder, text, a, b, firms=firms)


# -- film credits ------------------------------------------------------------------------------
# A credit's role headings (folded), in English and the product languages; the cast's headings
# put the actor left of the dots, every other heading the person right of them or under it.
_CAST_HEADINGS = frozenset(
    {
        "cast", "the cast", "starring", "featuring", "with", "voice cast", "voices", "cast list",
        "in order of appearance", "cast in order of appearance",
        "darsteller", "besetzung", "mit", "in den hauptrollen", "sprecher",
        "distribution", "avec", "interpretes", "interpretation",
        "reparto", "con", "protagonistas", "elenco", "interpreti", "com",
        "rolverdeling", "met", "obsada", "wystepuja", "oyuncular", "basrollerde",
    }
)  # fmt: skip
_CREW_HEADINGS = frozenset(
    {
        "directed by", "director", "directors", "a film by", "written by", "writer", "writers",
        "screenplay", "screenplay by", "story by", "story", "produced by", "producer",
        "producers", "executive producer", "executive producers", "co-producer",
        "co-producers", "associate producer", "line producer", "director of photography",
        "cinematography", "cinematography by", "cinematographer", "photographed by",
        "shot by", "filmed by",
        "edited by", "editor", "film editor", "film editing", "editing", "music", "music by",
        "original music", "original music by", "original score", "original score by",
        "composer", "casting", "casting by", "casting director", "production designer",
        "production design", "production design by", "art director", "art direction",
        "costume designer", "costume design", "costumes by", "makeup", "make-up",
        "makeup artist", "hair and makeup", "sound design", "sound designer", "sound mixer",
        "sound by", "visual effects supervisor", "vfx supervisor", "stunt coordinator",
        "first assistant director", "1st assistant director", "assistant director",
        "script supervisor", "gaffer", "key grip", "choreography", "choreographer",
        "narrator", "narrated by", "created by", "animation director", "animated by",
        "regie", "ein film von", "drehbuch", "buch", "kamera", "bildgestaltung", "schnitt",
        "musik", "produktion", "produzent", "produzentin", "produziert von",
        "ausfuhrender produzent", "szenenbild", "kostumbild", "maske", "tonmeister",
        "mise en scene", "realisation", "realise par", "un film de", "scenario", "scenario de",
        "ecrit par",
        "produit par", "producteur", "productrice", "producteurs",
        "directeur de la photographie", "directrice de la photographie", "montage",
        "musique", "musique originale", "decors", "costumes",
        "direccion", "dirigida por", "dirigido por", "una pelicula de", "guion", "guion de",
        "escrita por", "escrito por", "producida por", "producido por", "productor",
        "productora", "productores", "productor ejecutivo", "director de fotografia",
        "fotografia", "montaje", "musica", "musica original", "vestuario",
        "regia", "regia di", "un film di", "sceneggiatura", "soggetto", "prodotto da",
        "produttore", "produttori", "direttore della fotografia", "montaggio", "musiche",
        "musiche di", "scenografia", "costumi",
        "realizacao", "direcao", "realizado por", "um filme de", "roteiro", "argumento",
        "guiao", "produzido por", "produtor", "produtora", "diretor de fotografia",
        "direcao de fotografia", "montagem", "figurino",
        "geregisseerd door", "een film van", "geschreven door", "geproduceerd door",
        "producent", "producenten", "muziek", "camera", "cinematografie",
        "rezyseria", "scenariusz", "zdjecia", "montaz", "muzyka", "producenci",
        "kostiumy", "charakteryzacja",
        "yonetmen", "yoneten", "senaryo", "yapimci", "yapimcilar", "goruntu yonetmeni",
        "kurgu", "muzik", "sanat yonetmeni",
    }
)  # fmt: skip
_HEADINGS = _CAST_HEADINGS | _CREW_HEADINGS
# The headings one of which every film's credits hold: its director, its writer or its cast.
_LEADS = _CAST_HEADINGS | frozenset(
    {
        "directed by", "director", "directors", "a film by", "written by", "screenplay",
        "screenplay by", "regie", "ein film von", "drehbuch", "realisation", "realise par",
        "un film de", "scenario", "direccion", "dirigida por", "dirigido por",
        "una pelicula de", "guion", "regia", "regia di", "un film di", "sceneggiatura",
        "realizacao", "direcao", "realizado por", "um filme de", "roteiro",
        "geregisseerd door", "een film van", "rezyseria", "scenariusz", "yonetmen", "yoneten",
        "senaryo",
    }
)  # fmt: skip
# A heading that names the person on its own line ends in a "by" word or a colon.
_BY_WORDS = frozenset({"by", "von", "par", "por", "di", "da", "door", "de", "van"})
# Stems of the headings of a director and a cast, in lower case ("DIRECTED BY", "Directeur",
# "Dirigida", "Regie", "Réalisation", "Reżyseria", "Yönetmen", "CAST"): credits name a
# director or a cast; a text without one of them pays these tests only.
_CREDIT_HINTS = (
    "dire", "diri", "cast", "starring", "regie", "regia", "éalis", "ealiza", "reżyser",
    "yönetmen", "film von", "distrib", "mise en sc",
)  # fmt: skip
_LEADER = re.compile(r"[ \t]*(?:\.[ .]{2,}|…+[ .…]*|·{2,}[ ·]*|_{3,}|\t+|[ ]{3,})[ \t]*")
_SPLIT = re.compile(r"[ \t]*(?:,|&|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\bve\b)[ \t]*")
# A line naming no person in a credit: its copyright, its place of filming.
_THING_LINE = re.compile(
    r"(?i)[ \t]*(?:©|\(c\)|℗|copyright\b|produced in\b|in association with\b"
    r"|a .{1,40}production\b"
    r"|(?:filmed|shot|gedreht|tourné|rodad[ao]|girato|filmad[ao]|gefilmd|nakręcono)[ \t]+"
    r"(?:on|in|at|an|auf|à|au|en|em|no|na|a|op|w)\b)"
)  # "Shot by Ana Lima" is a credit: only a place after the verb


def _key(words: str) -> str:
    """``words`` as the lists above hold them: folded, without accents, one space apart and
    no colon after: "Réalisation :" → "realisation", "SKŁAD" → "sklad"."""
    low = fold(words).replace("ł", "l")
    if not low.isascii():
        low = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return " ".join(low.split()).rstrip(":").rstrip()


def _heading(line: str) -> str | None:
    """The folded role heading ``line`` is, or None: "DIRECTED BY", "Cast:", "Réalisation"."""
    if len(line) > 48:
        return None
    low = _key(line)
    return low if low in _HEADINGS else None


def _led(line: str) -> tuple[str, int, int, bool] | None:
    """A heading opening ``line`` with the person after it on the line: "Directed by Ana
    Lima", "Regie: Ana Lima", "Director of Photography ....... Rui Sousa"; the heading, where
    the rest starts and ends, and whether dot leaders or a gap (a credit's layout) part them."""
    lead = _LEADER.search(line)
    if lead is not None and lead.start() > 0:
        role = _heading(line[: lead.start()])
        if role is not None:
            return role, lead.end(), len(line), True
        return None
    words = line.split(" ")
    for k in range(min(5, len(words) - 1), 0, -1):
        head = " ".join(words[:k])
        colon = head.endswith(":")
        role = _heading(head)
        if role is None:
            continue
        if colon or role.rsplit(" ", 1)[-1] in _BY_WORDS:
            start = len(head) + 1
            return role, start, len(line), False
        return None
    return None


def _names_in(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """The people of one credit's value between ``a`` and ``b``: "Ana Lima & Rui Sousa"."""
    out: list[Found] = []
    k = a
    for m in _SPLIT.finditer(text, a, b):
        if (got := _catalogued(finder, text, k, m.start(), firms=True)) is not None:
            out.append(got)
        k = m.end()
    if (got := _catalogued(finder, text, k, b, firms=True)) is not None:
        out.append(got)
    return out


def _plain_part(finder: NameFinder, part: str) -> bool:
    """Whether a cast line's left side is a part of common words ("Mother", "The Ferryman",
    "Young Woman"), no actor's name."""
    words = [fold(w) for w in part.split()]
    cues = finder.cues
    return bool(words) and all(
        w in cues.common or w in cues.not_names or w in cues.connectors or w == "the" for w in words
    )


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    k = 0
    for line in text.split("\n"):
        out.append((k, k + len(line.rstrip("\r"))))
        k += len(line) + 1
    return out


def _credits(finder: NameFinder, text: str) -> list[Found]:
    """A credit's people: under a heading alone on its line, up to a blank line or the next
    heading ("DIRECTED BY\\nAna Lima"), the actor left of the dots under a cast heading
    ("Ana Lima .... Mother"), the person right of the dots or after a "by" heading on its
    line ("Director of Photography ....... Rui Sousa", "Music by Ana Lima"). Only in a text
    with two role lines, one of a director, a writer or a cast: one alone is as often a
    sentence, and labels such as "Editor:" and "Music:" name things in other texts."""
    lines = _lines(text)
    kinds: list[str | None] = [_heading(text[a:b]) for a, b in lines]
    led: list[tuple[str, int, int, bool] | None] = [
        None if kinds[i] is not None else _led(text[a:b]) for i, (a, b) in enumerate(lines)
    ]
    roles = [k for k in kinds if k] + [x[0] for x in led if x]
    if len(roles) < 2:
        return []
    if _LEADS.isdisjoint(roles) and not any(x is not None and x[3] for x in led):
        return []  # "Editor: Visual Studio Code\nMusic: Spotify Premium": no director, no cast
    out: list[Found] = []
    under: str | None = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if kinds[i] is not None:
            under = kinds[i]
            continue
        if not line.strip():
            under = None
            continue
        if (got := led[i]) is not None:
            out.extend(_names_in(finder, text, a + got[1], a + got[2]))
            continue
        if under is None or _THING_LINE.match(line) is not None:
            continue
        lead = _LEADER.search(line)
        if lead is not None and lead.start() > 0:
            if under in _CAST_HEADINGS:  # "Ana Lima .... Mother": the actor, then the part
                left = _names_in(finder, text, a, a + lead.start())
                if (
                    not left
                    or _plain_part(finder, text[a : a + lead.start()])
                    or _part_first(text[a : a + lead.start()], text[a + lead.end() : b])
                ):
                    # "Mother .... Ana Lima": a part of common words, then the actor
                    left = _names_in(finder, text, a + lead.end(), b)
                out.extend(left)
            elif not lead.group().strip():  # rolling credits in columns: "Ana Lima   Rui Sousa"
                k = a
                for m in _LEADER.finditer(text, a, b):
                    out.extend(_names_in(finder, text, k, m.start()))
                    k = m.end()
                out.extend(_names_in(finder, text, k, b))
            continue
        if under in _CAST_HEADINGS and " as " in line:  # "Ana Lima as Mother"
            out.extend(_names_in(finder, text, a, a + line.index(" as ")))
            continue
        out.extend(_names_in(finder, text, a, b))
    return out


def _part_first(left: str, right: str) -> bool:
    """Whether a cast line names the part first, as a theatre programme does ("Hamlet
    .......... Ana Lima"): one word left of the dots, two or more right of them. A one-word
    stage name before a part of two words ("Cher .... Lady Macbeth") reads the wrong way."""
    return len(left.split()) == 1 and 2 <= len(right.split()) <= 4


def _a_part(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is the part that opens a cast line before dot leaders, two or
    more words after them ("Gertrude .......... Ana Lima"): a character, no person."""
    start = text.rfind("\n", 0, a) + 1
    if text[start:a].strip():
        return False
    end = text.find("\n", b)
    line = text[start : len(text) if end < 0 else end]
    lead = _LEADER.search(line)
    if lead is None or lead.start() != b - start or not lead.group().strip():
        return False
    return _part_first(line[: lead.start()], line[lead.end() :])


def credits_hint(text: str) -> bool:
    """Whether ``text`` may be a film's credits: a cheap test."""
    if "\n" not in text:
        return False
    low = text.lower()
    for stem in _CREDIT_HINTS:  # noqa: SIM110 (a loop: a fifth faster than any() over a generator)
        if stem in low:
            return True
    return False


# -- match reports -----------------------------------------------------------------------------
# The score line opening a report ("Hearts of Oak 2–1 Nadi FC"): its teams head their line-ups.
_SCORE_LINE = re.compile(
    r"[ \t]*(?:(?:FT|HT|Full[ -]time|Final)[ \t]*:?[ \t]+)?"
    r"(?P<home>[^\d\n:a-z][^\d\n:]{1,59}?)[ \t]+\d{1,2}[ \t]*[-–—:][ \t]*\d{1,2}[ \t]+"
    r"(?P<away>[^\d\n:(a-z][^\d\n:(]{1,59}?)[ \t]*(?:\([^\n]*\))?[ \t]*(?:\r?\n|$)"
)
# The labels of a report's lists of people (folded): line-ups, scorers, substitutes, cards,
# captains, coaches and officials, in English and the product languages.
_MATCH_LABELS = frozenset(
    {
        "goals", "goal", "scorers", "scorer", "goalscorers", "line-up", "line-ups", "lineup",
        "lineups", "starting xi", "starting line-up", "subs", "substitutes", "subs not used",
        "bench", "booked", "bookings", "yellow cards", "yellow card", "red card", "red cards",
        "sent off", "cards", "captain", "captains", "coach", "coaches", "manager", "managers",
        "man of the match", "player of the match", "referee", "ref", "referees",
        "assistant referees", "assistants", "linesmen", "fourth official", "var",
        "tore", "torschutzen", "aufstellung", "einwechslungen", "auswechslungen",
        "ersatzbank", "gelbe karten", "gelb", "rote karte", "rot", "kapitan", "trainer",
        "schiedsrichter", "buts", "buteurs", "composition", "compositions", "remplacants",
        "cartons", "avertissements", "expulsion", "capitaine", "entraineur", "arbitre",
        "goles", "goleadores", "alineacion", "alineaciones", "suplentes", "cambios",
        "tarjetas", "amonestados", "expulsado", "expulsados", "capitan", "entrenador",
        "arbitro", "marcatori", "reti", "formazione", "formazioni", "panchina", "sostituzioni",
        "ammoniti", "espulsi", "capitano", "allenatore", "gols", "golos", "marcadores",
        "escalacao", "escalacoes", "substituicoes", "cartoes", "treinador", "capitao",
        "doelpunten", "opstelling", "wissels", "gele kaarten", "aanvoerder", "scheidsrechter",
        "bramki", "strzelcy", "sklad", "sklady", "rezerwowi", "zmiany", "kartki",
        "trener", "sedzia", "goller", "kadro", "kadrolar", "yedekler", "degisiklikler",
        "kartlar", "kaptan", "teknik direktor", "hakem",
    }
)  # fmt: skip
_SCORER_LABELS = frozenset(
    {
        "goals", "goal", "scorers", "scorer", "goalscorers", "tore", "torschutzen", "buts",
        "buteurs", "goles", "goleadores", "marcatori", "reti", "gols", "golos", "marcadores",
        "doelpunten", "bramki", "strzelcy", "goller",
    }
)  # fmt: skip
_MINUTE_MARKS = ("'", "’", "′")
# A minute after a name, with stoppage time and a bracket: "23'", "90+2’", "(45′)".
_MINUTE = re.compile(r"\(?\d{1,3}(?:[ \t]*\+[ \t]*\d{1,2})?['’′]")
_ITEM_END = re.compile(r"[,;\n\r:(]|[ \t][-–—][ \t]")
# What follows a player in a line-up: captain, keeper, penalty, own goal, minutes.
_MARKER = re.compile(
    r"[ \t]*(?:\((?:c|C|capt\.?|gk|GK|pen\.?|p|og|o\.g\.|k)\)|\d{1,3}(?:\+\d{1,2})?['’′]"
    r"|†|\*)"
)
_NUMBER = re.compile(r"\d{1,3}(?:[.:\-–+]\d{0,3})?\.?['’′]?")
_MARK_WORDS = frozenset({"c", "capt", "cap", "gk", "pen", "p", "og", "o.g", "k", "pk", "gb"})
_SUB = re.compile(r"[ \t]+(?:for|on for|für|pour|por|per|para|voor|za|yerine|↔|⇄|→|←)[ \t]+")


def _minutes(text: str) -> list[int]:
    """Where the minute marks of ``text`` stand ("Lima 23'"): a digit before the mark, no
    letter or digit after it ("5'11", "1990's" are none)."""
    out = []
    for mark in _MINUTE_MARKS:
        k = text.find(mark)
        while k > 0:
            after = text[k + 1 : k + 2]
            if text[k - 1].isdigit() and not (after and (after.isalnum() or after in "'’′\"")):
                out.append(k)
            k = text.find(mark, k + 1)
    return out


def _scorers(finder: NameFinder, text: str, marks: list[int]) -> list[Found]:
    """The name right before each minute mark: "Goals: Wambugu 23', Gichuru 67' (pen.)",
    "Lima (12', 56')", "Sousa for Lima 67'"."""
    out: list[Found] = []
    for k in marks:
        m = None
        for m in _MINUTE.finditer(text, max(0, k - 12), k + 1):
            if m.end() == k + 1:
                break
        else:
            continue
        b = m.start()
        while b > 0 and text[b - 1] in " \t(":
            b -= 1
        start = max(0, b - 80)
        ends = list(_ITEM_END.finditer(text, start, b))
        a = ends[-1].end() if ends else start
        sub = list(_SUB.finditer(text, a, b))
        if sub:
            a = sub[-1].end()
        words = text[a:b].split()
        if not words or any(w[:1].islower() for w in words):
            continue  # "in the 23'": no name; "Lima 12', 56'": the name is read once
        if (got := _catalogued(finder, text, a, b)) is not None:
            out.append(got)
    return out


def _items(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """The players of a line-up's value: parted by commas, semicolons and dashes outside
    brackets; a captain's or a keeper's mark and minutes after one are no part of it; a
    substitute in brackets or after "for" is one ("Lima (Sousa 67')", "Sousa for Lima")."""
    out: list[Found] = []
    parts: list[tuple[int, int]] = []
    depth, k = 0, a
    for i in range(a, b):
        c = text[i]
        if c in "([":
            if depth == 0:
                parts.append((k, i))
                k = i + 1
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
            if depth == 0:
                parts.append((k, i))
                k = i + 1
        elif depth == 0 and (c in ",;" or (c in "-–—" and text[i - 1 : i + 2 : 2] == "  ")):
            parts.append((k, i))  # "Lima, Sousa; Rocha", "Lima - Sousa"
            k = i + 1
    parts.append((k, b))
    for pa, pb in parts:
        cut = [pa]
        cut.extend(e for m in _SUB.finditer(text, pa, pb) for e in (m.start(), m.end()))
        cut.append(pb)
        for sa, sb in zip(cut[::2], cut[1::2], strict=True):
            while (m := _MARKER.search(text, sa, sb)) is not None:
                sb = m.start()
            bare = text[sa:sb].strip()
            if not bare or _MINUTE.fullmatch(bare) or bare.lower().rstrip(".") in _MARK_WORDS:
                continue  # "(pen.)", "(c)": a mark in its own brackets
            if _NUMBER.fullmatch(bare) is not None:
                continue  # "(23.)": a minute as German reports write it
            words = text[sa:sb].split()
            if words and _NUMBER.fullmatch(words[0]) is not None:
                # "1 Lima", "9. Sousa": a shirt number; "1:0 Kane": the score it made
                sa = text.index(words[0], sa) + len(words[0])
            if (got := _catalogued(finder, text, sa, sb)) is not None:
                out.append(got)
    return out


def _line_ups(
    finder: NameFinder, text: str, score: re.Match[str] | None, marks: list[int]
) -> list[Found]:
    """The people after a team's name from the score line ("Hearts of Oak: Lima; Sousa (c),
    Ana Rocha") and after a report's labels ("Subs:", "Booked:", "Referee:"): the labels only
    in a report with a team's line, a scorers' line or a minute mark (a score line alone over
    "Cards: Visa Debit" is no report)."""
    teams = set()
    if score is not None:
        teams = {_key(score.group("home")), _key(score.group("away"))}
    lists: list[tuple[bool, str, int, int]] = []
    for a, b in _lines(text):
        colon = text.find(":", a, b)
        if colon < 0 or colon - a > 48:
            continue
        label = _key(text[a:colon])
        if label in teams or label in _MATCH_LABELS:
            lists.append((label in teams, label, colon + 1, b))
    if not marks and not any(team or label in _SCORER_LABELS for team, label, _, _ in lists):
        return []
    out: list[Found] = []
    for _, _, a, b in lists:
        out.extend(_items(finder, text, a, b))
    return out


def _score_hint(line: str) -> bool:
    """Whether ``line`` holds a score ("2–1", "3 - 0", "2:0"): a dash or a colon with a digit
    on each side, spaces between allowed; found without a pattern."""
    for sign in "-–—:":
        k = line.find(sign)
        while k > 0:
            a, b = k - 1, k + 1
            while a > 0 and line[a] == " ":
                a -= 1
            while b < len(line) - 1 and line[b] == " ":
                b += 1
            if line[a].isdigit() and b < len(line) and line[b].isdigit():
                return True
            k = line.find(sign, k + 1)
    return False


def _match(finder: NameFinder, text: str, marks: list[int]) -> list[Found]:
    """A match report's people, when ``text`` opens with a score line, or holds minute marks
    after digits and one of the report's labels."""
    nl = text.find("\n", 0, 120)
    first = text[: nl if nl >= 0 else 120]
    score = _SCORE_LINE.match(text) if _score_hint(first) else None
    if score is None and not marks:
        return []
    out: list[Found] = []
    if score is not None or ":" in text:
        out.extend(_line_ups(finder, text, score, marks))
    if marks and (score is not None or out):
        out.extend(_scorers(finder, text, marks))
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The people of a film's credits and of a match report in ``text``, each form behind its
    own test."""
    out: list[Found] = []
    lines = "\n" in text
    if lines and credits_hint(text):
        out.extend(_credits(finder, text))
    marks = _minutes(text) if any(m in text for m in _MINUTE_MARKS) else []
    if lines or marks:
        out.extend(_match(finder, text, marks))
    return out


def _label_found(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a credit's heading alone on its line ("CAST") or a report's
    label before its colon ("Referee:")."""
    if a > 0 and text[a - 1] != "\n":
        return False
    after = text[b : b + 1]
    if after == ":":
        return _key(text[a:b]) in _MATCH_LABELS or _key(text[a:b]) in _HEADINGS
    return after in ("", "\n", "\r") and _key(text[a:b]) in _HEADINGS


def dropped_things(text: str, found: list[Found]) -> list[Found]:
    """``found`` without a credit's heading or a report's label ("CAST", "Referee:") and,
    in a text that may be a credit (``credits_hint``), without what its copyright line or
    place of filming names ("© 2026 Johnson & Johnson Pictures", "Filmed on ulica Marii
    Curie"), unless the same name is found elsewhere in the text."""
    found = [f for f in found if not _label_found(text, f[0], f[1])]
    if not credits_hint(text):
        return found
    found = [f for f in found if not _a_part(text, f[0], f[1])]  # "Gertrude .... Ana Lima"
    inside = [f for f in found if _THING_LINE.match(text, text.rfind("\n", 0, f[0]) + 1)]
    if not inside:
        return found
    elsewhere = {f[2] for f in found if f not in inside}
    return [f for f in found if f not in inside or f[2] in elsewhere]
