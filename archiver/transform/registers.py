"""Names that a register, a sign-up or a notice places by its labels (docs/MASKING.md,
"Registers, sign-ups and notices"): a church register's entry, child, godparents and witnesses
(``entry 12: LIMA, Ana, baptised …``, ``Godparents: Rui Sousa; Eva Reis``), a car-pool's
driver and riders (``driver Ana Lima, +351 …; seats: Rui Sousa, Eva Reis``), a recipe's
author (``recipe by Ana Lima``), a work order's customer and plumber, a tenant notice's
building manager, a nomination's nominee and nominator, a report card's pupil and teacher,
and the rows of a backer list (``Ana Lima — $25`` under ``Kickstarter backers``). Each group
of labels runs only in a text holding one of its cue words; the label says where a name
stands, so a name of any language and script is read, as far as its capitalised words go."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archiver.transform.catalogues import Found, NameFinder, placed_person, trimmed
from archiver.transform.namewords import PARTICLES, fold, hint_pattern


@dataclass(frozen=True)
class _Group:
    """Labels of one kind of record: ``one`` is followed by a person ("Pupil: LIMA, Ana"),
    ``many`` by a list of people; ``bare`` labels are read without a colon too ("driver
    Ana Lima", "I nominate Ana Lima"), and then a value of common words only is no one."""

    hints: re.Pattern[str]  # searched in the text's lower case: one search, not one per word
    one: frozenset[str]
    many: frozenset[str]
    bare: frozenset[str]
    pattern: re.Pattern[str]


def _group(hints: str, one: str, many: str = "", bare: str = "") -> _Group:
    ones = frozenset(w.strip() for w in one.split("|") if w.strip())
    manys = frozenset(w.strip() for w in many.split("|") if w.strip())
    bares = frozenset(w.strip() for w in bare.split("|") if w.strip())
    labels = sorted(ones | manys | bares, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in labels)
    # a label opens a word and ends one; a number of a register's entry ("entry 12:") too
    pattern = re.compile(
        rf"(?i)(?<![^\W\d_])({alternation})(?:[ \t]+\d{{1,5}})?(?:[ \t]*(:)[ \t]*|[ \t]+)"
    )
    hinted = hint_pattern(hints.split("|"))
    return _Group(hinted, ones | bares - manys, manys, bares, pattern)


# Baptism, marriage and burial registers: the entry's person, its parents, godparents and
# witnesses ("Taufpaten:", "chrzestni:", "parrains :", "padrinos:", "testemunhas:").
_REGISTER = _group(
    "bapti|bapte|baptê|chrzt|chrzest|tauf|bautis|battes|batis|doop|marriage|burial"
    "|godparent|ślub|trauung|trauzeug|mariage|matrimonio|casamento|sepult|entierro|beerdig"
    "|pogrzeb|parish|kirchenbuch|parroc|paroiss",
    "entry|no.|nr|nr.|n°|nº|eintrag|wpis|akt|acte|partida|atto|assento|inschrijving"
    "|child|infant|dziecko|kind|täufling|enfant|niño|niña|bambino|bambina|criança|dopeling"
    "|groom|bride|deceased|father|mother|ojciec|matka|vater|mutter|père|mère|padre|madre"
    "|pai|mãe|vader|moeder|bräutigam|braut|époux|épouse|novio|novia|sposo|sposa|noivo|noiva"
    "|narzeczony|narzeczona|zmarły|zmarła|verstorbene|verstorbener|défunt|défunte|difunto"
    "|difunta|defunto|defunta|overledene|officiant|celebrant|minister|priest|ksiądz|pfarrer"
    "|pfarrerin|curé|párroco|parroco|pároco|pastoor|dominee",
    "godparents|godparent|sponsors|godfather|godmother|witnesses|witness|parents|chrzestni"
    "|matka chrzestna|ojciec chrzestny|świadkowie|rodzice|paten|taufpaten|pate|patin"
    "|trauzeugen|zeugen|eltern|parrains|parrain|marraine|témoins|parents|padrinos|padrino"
    "|madrina|testigos|padres|padrini|testimoni|genitori|padrinhos|madrinha|testemunhas"
    "|pais|peetouders|peter|meter|getuigen|ouders",
    "dziecko|child|infant|enfant|niño|niña|bambino|bambina|criança",
)
# A car-pool sign-up: its driver and the riders in its seats.
_CARPOOL = _group(
    "car-pool|carpool|car pool|lift share|ride share|rideshare|boleia|fahrgemeinschaft"
    "|mitfahr|covoiturage|coche compartido|auto condivisa|wspólny przejazd",
    "driver|fahrer|fahrerin|chauffeur|conducteur|conductrice|conductor|conductora|autista"
    "|motorista|condutor|condutora|kierowca|bestuurder",
    "seats|passengers|riders|mitfahrer|mitfahrende|places|passagers|plazas|pasajeros|posti"
    "|passeggeri|lugares|passageiros|miejsca|pasażerowie|plaatsen|passagiers|meerijders",
    "driver|fahrer|fahrerin|chauffeur|conducteur|conductrice|conductor|conductora|autista"
    "|motorista|condutor|condutora|kierowca|bestuurder",
)
# A recipe's author and who adapted it ("recipe by", "from the kitchen of", "receta de").
_RECIPE = _group(
    "recipe|kitchen of|adapted|receta|receita|ricetta|rezept|recette|przepis|recept",
    "recipe by|recipe from|from the kitchen of|adapted by|adapted from|receta de|receita de"
    "|ricetta di|ricetta della|rezept von|recette de|przepis|recept van|adaptée par"
    "|adaptado por|adattata da|nach einem rezept von",
    "",
    "recipe by|recipe from|from the kitchen of|adapted by|adapted from|receta de|receita de"
    "|ricetta di|ricetta della|rezept von|recette de|przepis|recept van|adaptée par"
    "|adaptado por|adattata da|nach einem rezept von",
)
# A work order's customer and the tradesman who came.
_WORK_ORDER = _group(
    "work order|job sheet|job card|service order|bon d'intervention|arbeitsauftrag"
    "|orden de trabajo|ordine di lavoro|ordem de serviço|zlecenie|werkbon",
    "customer|client|cliente|kunde|kundin|klient|klientka|klant|technician|technicien"
    "|technicienne|técnico|técnica|tecnico|techniker|technikerin|technik|monteur|monteurin"
    "|plumber|plombier|fontanero|idraulico|klempner|installateur|encanador|canalizador"
    "|hydraulik|loodgieter|electrician|électricien|electricista|elettricista|elektriker"
    "|eletricista|elektryk|engineer|fitter|assigned to|attended by",
)
# A tenant notice's building manager, caretaker or landlord.
_TENANT = _group(
    "tenant|resident|mieter|hausverwaltung|locataire|inquilin|lokator|mieszkańc|huurder"
    "|bewoner|condomin|copropri",
    "building manager|property manager|site manager|caretaker|superintendent|janitor"
    "|landlord|hausverwaltung|hausverwalter|hausverwalterin|hausmeister|hausmeisterin"
    "|vermieter|vermieterin|verwalter|gardien|gardienne|concierge|gestionnaire|syndic"
    "|administrador|administradora|portero|conserje|amministratore|portiere|custode"
    "|síndico|zelador|zeladora|zarządca|administrator|dozorca|beheerder|huisbaas|conciërge",
    "",
    "building manager|property manager|site manager|caretaker|superintendent|janitor"
    "|landlord|hausverwalter|hausverwalterin|hausmeister|hausmeisterin|vermieter"
    "|vermieterin|gardien|gardienne|concierge|portero|conserje|portiere|zelador|zeladora"
    "|dozorca|huisbaas|conciërge",
)
# A nomination's nominee and who nominated ("I nominate …", "Nominated by …").
_NOMINATION = _group(
    "nominat|nomino|nomine|nominier|nominuj|nomeio|nomineer",
    "i nominate|we nominate|nominated by|nominee|nominated|ich nominiere|wir nominieren"
    "|nominiert von|je nomine|nous nominons|nominé par|nominée par|nomino a|propuesto por"
    "|propuesta por|candidato|candidata|nomino|candidato da|nominuję|nominowany przez"
    "|nominowana przez|nomeio|indicado por|indicada por|ik nomineer|genomineerd door",
    "",
    "i nominate|we nominate|nominated by|ich nominiere|wir nominieren|nominiert von|je nomine"
    "|nous nominons|nominé par|nominée par|nomino a|propuesto por|propuesta por|nomino"
    "|nominuję|nominowany przez|nominowana przez|nomeio|indicado por|indicada por"
    "|ik nomineer|genomineerd door",
)
# A school report's pupil and teacher.
_REPORT = _group(
    "report card|term report|school report|calificaciones|boletín de notas|zeugnis"
    "|bulletin scolaire|bulletin de notes|pagella|świadectwo|schoolrapport|boletim escolar"
    "|pupil|alumn|schüler|élève|uczeń|leerling",
    "pupil|student|form tutor|tutor|tutor/a|tutora|class teacher|teacher|homeroom teacher"
    "|alumno|alumna|estudiante|profesor|profesora|schüler|schülerin|klassenlehrer"
    "|klassenlehrerin|lehrer|lehrerin|élève|professeur principal|professeure principale"
    "|enseignant|enseignante|alunno|alunna|studente|studentessa|insegnante|docente"
    "|coordinatore|aluno|aluna|professor|professora|diretor de turma|uczeń|uczennica"
    "|wychowawca|wychowawczyni|nauczyciel|nauczycielka|leerling|mentor|mentrix",
)
_GROUPS = (_REGISTER, _CARPOOL, _RECIPE, _WORK_ORDER, _TENANT, _NOMINATION, _REPORT)

# Where a label's value ends: a line's or a cell's end, a bracket, a dash between parts, a
# full stop after a word (not an initial's "J."); a single person's value also at ";".
_STOP_MANY = re.compile(r"[\n\t(|]|[ \t][—–-][ \t]|(?<=[^\W\d_]{2})\.(?=\s|$)")
_STOP_ONE = re.compile(r"[\n\t(|;]|[ \t][—–-][ \t]|(?<=[^\W\d_]{2})\.(?=\s|$)")
_PART = re.compile(r"[^,;]+")

# A backer list's heading ("Kickstarter backers", "Unterstützer", "Destekçiler listesi").
_BACKER_HEADS = (
    "backers", "supporters", "patrons", "donors", "pledges", "unterstützer", "förderer",
    "spender", "soutiens", "contributeurs", "mécènes", "donateurs", "mecenas",
    "patrocinadores", "donantes", "sostenitori", "donatori", "finanziatori", "apoiadores",
    "apoiantes", "doadores", "wspierający", "darczyńcy", "patroni", "destekçiler",
    "bağışçılar", "steunbetuigers", "donateurs", "backer list",
)  # fmt: skip
_BACKER_HINT = hint_pattern(_BACKER_HEADS)
_ROW_SPLIT = re.compile(r"[ \t][—–-][ \t]|[ \t]*[|\t(]")


def _run(text: str, a: int, b: int) -> int:
    """The end of the capitalised words from ``a`` ("Ana Lima for outstanding service" ends
    at "Lima"); a lower-case particle counts between them ("Ana de Lima"); ``a`` when the
    first word is lower-case."""
    end = a
    k = a
    while k < b:
        while k < b and text[k] in " \t":
            k += 1
        j = k
        while j < b and text[j] not in " \t":
            j += 1
        if j == k:
            break
        word = text[k:j]
        if word[0].islower():
            if word == "of" and end > a and j + 1 < b and text[j + 1].isupper():
                return a  # "adapted from Joy of Cooking": a title, no one
            if end == a or fold(word) not in PARTICLES:
                break
        else:
            end = j
        k = j
    return end


def _person(finder: NameFinder, text: str, a: int, b: int, *, common: bool) -> Found | None:
    a, b = trimmed(text, a, b)
    if a >= b:
        return None
    end = _run(text, a, b)
    if end <= a or text[a : a + 4].lower() == "the ":
        return None  # "adapted from the classic", "Customer: The Old Mill"
    got = placed_person(finder, text, a, end, common=common, firms=True)
    if got is not None and " " in got[2]:
        last = got[2].rsplit(" ", 1)[1]
        if last in finder.cues.not_names or last in finder.cues.companies:
            return None  # "Building manager Northgate Property Services": a firm
    return got


def _labelled(finder: NameFinder, text: str, group: _Group) -> list[Found]:
    out: list[Found] = []
    for m in group.pattern.finditer(text):
        label = " ".join(fold(m.group(1)).split())
        colon = m.group(2) is not None
        if not colon and label not in group.bare:
            continue
        many = label in group.many
        a = m.end()
        stop = (_STOP_MANY if many else _STOP_ONE).search(text, a, a + 240)
        b = stop.start() if stop is not None else min(len(text), a + 240)
        parts = [p.span() for p in _PART.finditer(text, a, b)]
        if not parts:
            continue
        if not many:
            first = text[parts[0][0] : parts[0][1]].split()
            inverted = (
                len(first) == 1
                and len(parts) > 1
                and len(text[parts[1][0] : parts[1][1]].split()) == 1
                and (first[0].isupper() or (len(parts) == 2 and stop is not None))
            )
            parts = parts[:2] if inverted else parts[:1]  # "LIMA, Ana, baptised …"
        got = [_person(finder, text, pa, pb, common=False) for pa, pb in parts[:8]]
        if not colon and not many and len(got) == 2:
            # "dziecko GRECO, Raffaele": without a colon, one part not all common words
            # says the pair is a name ("driver Rose Baker" alone is none)
            if all(_person(finder, text, pa, pb, common=True) is None for pa, pb in parts):
                continue
        elif not colon:
            got = [_person(finder, text, pa, pb, common=True) for pa, pb in parts[:8]]
        out.extend(f for f in got if f is not None)
    return out


def _backers(finder: NameFinder, text: str) -> list[Found]:
    """The rows under a backer list's heading, each a name before its tier or pledge
    ("Ana Lima — $25", "Rui Sousa | Early bird"), down to the first row without one."""
    out: list[Found] = []
    lines = text.split("\n")
    pos = 0
    on = False
    for line in lines:
        low = line.lower()
        if not on:
            on = any(h in low for h in _BACKER_HEADS) and len(line) < 80
        elif (cut := _ROW_SPLIT.search(line)) is None or cut.start() == 0:
            on = False
        elif (got := _person(finder, text, pos, pos + cut.start(), common=False)) is not None:
            out.append(got)
        pos += len(line) + 1
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The people of a register, a sign-up or a notice in ``text``, each group of labels
    behind its own cue words."""
    low = text.lower()
    out: list[Found] = []
    for group in _GROUPS:
        if group.hints.search(low) is not None:
            out.extend(_labelled(finder, text, group))
    if "\n" in text and _BACKER_HINT.search(low) is not None:
        out.extend(_backers(finder, text))
    return out
