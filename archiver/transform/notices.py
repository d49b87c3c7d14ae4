"""Names that a log, a notice or a programme places by its layout (docs/MASKING.md, "Logs,
notices and programmes"): an ADIF log's operator (``<NAME:10>Ana Lima``; a call sign is no
name), a record's labelled person (``Host:``, ``Owner:``, ``Borrower: Lima, Ana``), the one
to call on a lost-and-found notice (``Call Rui on …``), a paired device's owner (``Ana's
iPhone``, ``Rui Sousa AirPods``), a chat export's nickname and a chat log's speakers
(``[09:15] <Ana Lima> hi``, ``Ana Lima joined the room``, ``* Ana shared …``).
Documents about people (docs/MASKING.md, "Author lists, citations, delivery reports, death
notices and family history posts"): a paper's marked authors, a data set's citation, an SMS
receipt's recipient, a death notice's heading, a family history post's surname, the people
thanked, a person's infobox fields; ``affiliation_things`` is an author list's legend.
News items and captions (docs/MASKING.md, "People of news items, photo captions and
credits, and coaches"): a person by name, age and home (``Ana Lima, 34, of Leeds``), a
caption's by where they stand.
``dropped_things`` drops what such a record names that is no person: a vet's patient
(``Patient: Rex (dog, 4 y)``) and a chat server's or channel's name. Each form runs only in
a text holding its marker."""

from __future__ import annotations

import re

from archiver.transform.catalogues import Found, NameFinder, placed_person, trimmed
from archiver.transform.namewords import fold

# ADIF fields whose value is a person's name: the contacted operator's and the logger's own
# (``OPERATOR`` and ``CONTACTED_OP`` hold call signs, which hold digits: no name).
_ADIF_FIELD = re.compile(r"(?i)<(NAME|MY_NAME|OPERATOR|CONTACTED_OP):(\d{1,3})(?::\w)?>")

# Labels of a record's line whose value is a person (folded, before the colon).
_PERSON_LABELS = frozenset(
    {
        "host", "hosts", "hosted by", "guest", "guests", "presenta", "presentan", "presentado por",
        "invitado", "invitada", "invitados", "moderator", "moderation", "moderacion",
        "owner", "pet owner", "propietario", "propietaria", "dueno", "duena", "halter",
        "halterin", "besitzer", "besitzerin", "tierhalter", "proprietaire", "proprietario",
        "borrower", "czytelnik", "czytelniczka", "utente", "lettore", "prestatario", "lecteur",
        "emergency contact", "contatto di emergenza", "contacto de emergencia",
        "notfallkontakt", "contact d'urgence", "donor", "donatore", "donante",
        "cognome e nome", "apellidos, nombre", "apellidos y nombre", "nome e cognome",
        # a photo's credit ("Photo credit: Ana Lima / Agency") and a team's coach
        "photo credit", "photo credits", "photograph", "photographer", "crédit photo",
        "crédits photo", "fotonachweis", "fotograf", "fotografin", "foto di", "fotógrafo",
        "fotógrafa", "créditos", "fotograaf", "fotografia", "fotoğraf",
        "coach", "head coach", "trainer", "trainerin", "cheftrainer", "entraîneur",
        "entrenador", "entrenadora", "allenatore", "treinador", "treinadora", "trener",
        "antrenör", "teknik direktör",
    }
)  # fmt: skip
# Labels whose value of common words only names no one: a travel booking's "Coach: Economy
# Class", a stock photo's "Photo credit: Getty Images".
_WORDY_LABELS = frozenset(
    {
        "photo credit", "photo credits", "photograph", "photographer", "crédit photo",
        "crédits photo", "fotonachweis", "fotograf", "fotografin", "foto di", "fotógrafo",
        "fotógrafa", "créditos", "fotograaf", "fotografia", "fotoğraf",
        "coach", "head coach", "trainer", "trainerin", "cheftrainer", "entraîneur",
        "entrenador", "entrenadora", "allenatore", "treinador", "treinadora", "trener",
        "antrenör", "teknik direktör",
    }
)  # fmt: skip
# "Con:" names a podcast's guest only in show notes ("Con: battery life" is a drawback).
_GUEST_WITH = frozenset({"con", "with", "mit", "avec"})
_SHOW_HINT = ("episod", "podcast")
# "Name:" in any script on a donor's card ("Name: LIMA, Ana"); elsewhere the field rules read it.
_CARD_LABELS = frozenset({"name", "nombre", "nome", "apellidos", "cognome"})
_CARD_HINT = ("donor", "donante", "donatore", "blood", "sangu")
# "Kind:" names the child on a German nursery's pick-up form ("Abholberechtigung Kita …");
# elsewhere it opens a Kubernetes manifest ("kind: Deployment").
_NURSERY_LABELS = frozenset({"kind"})
_NURSERY_HINT = ("abhol", "kita", "kindergarten")

# A word of a name in any script: a letter, then anything but a space or a stop (the marks
# of Balinese or Sundanese letters are no word characters).
_WORD = r"[^\W\d_][^\s.,;:()]*"
# A lost-and-found notice's finder: "Call Rui on …", "Appelez Rui au …", "Bitte Rui anrufen".
_CALL_NAME = re.compile(
    r"(?:\b(?:[Cc]all|[Rr]ing|[Tt]ext|[Cc]ontact|[Aa]ppelez|[Cc]ontactez|[Ll]lame a|[Cc]hiama)"
    rf"[ \t]+({_WORD}(?:[ \t]+{_WORD})?)[ \t]+(?:on|at|au|al|sul|unter)[ \t]+(?=[+(\d]))"
    rf"|(?:\b[Bb]itte[ \t]+({_WORD}(?:[ \t]+{_WORD})?)[ \t]+(?:anrufen|kontaktieren)\b)"
)
_CALL_HINT = ("all ", "ing ", "ext ", "ontact", "ppelez", "lame a", "hiama", "anrufen")
# ...and whose the found thing is: "belong to Ana LIMA.", "gehören Ana Lima", "au nom de …".
_OWNED_BY = re.compile(
    r"(?:\b(?:belongs? to|gehör(?:en|t)|au nom de|appartien(?:nen)?t à|pertenecen a|pertenece a"
    rf"|appartengono a|appartiene a|pertencem a|pertence a)[ \t]+)({_WORD}(?:[ \t]+{_WORD}){{0,3}})"
    r"[ \t]*[.,;!\n]"
)
_OWNED_HINT = ("elong", "gehör", "au nom", "apparti", "perten")

# A paired device named after its owner: "Ana's iPhone", "Rui Sousa AirPods", "iPad von Ana".
_DEVICE_WORDS = (
    r"iPhone|iPad|iMac|MacBook|AirPods|Apple Watch|Watch|Galaxy|Pixel|Buds|Kindle|Moto|"
    r"Redmi|Xiaomi|OnePlus|Huawei|Surface|ThinkPad|Laptop|Tablet|Phone|PC|Echo|Fire"
)
_DEVICE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:([^\W\d_][^\s'’]*)['’]s[ \t]+(?:{_DEVICE_WORDS}|[A-Z])"
    rf"|({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+(?:{_DEVICE_WORDS})\b"
    rf"|(?:{_DEVICE_WORDS})[\w \t]{{0,12}}?[ \t](?:von|de|di|van|od)[ \t]+({_WORD}))"
)
_DEVICE_HINT = ("devices", "bluetooth", "geräte", "appareils", "dispositivos", "dispositivi")

# A chat export's display names ("nickname": "Ana Lima"); its server and channel are no one.
_NICKNAME = re.compile(r'"(?:nickname|global_name|display_name)":[ \t]*"([^"\n]{1,80})"')
_PLACE_NAME = re.compile(r'"(?:guild|channel|server)":[ \t]*\{[ \t\r\n]*"name":[ \t]*"([^"\n]*)"')

# A chat log's line as Matrix clients and IRC loggers export it: a time in brackets, then a
# speaker's display name in angle brackets ("[09:15] <Ana Lima> hi"), an event after the
# account's id ("[09:14] <@ana:matrix.org> Ana Lima joined the room") or an action after a
# star ("[09:17] * Ana shared …").
_LOG_LINE = re.compile(
    r"(?m)^\[(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?\][ \t]+"
    r"(?:<(?P<nick>[^<>@\s][^<>\r\n]{0,79})>[ \t]"
    r"|(?:<@[^<>\s]{1,120}>[ \t]+|\*[ \t]+|-->[ \t]+|<--[ \t]+)?(?P<rest>[^\r\n]{1,200}))"
)
# The room events that follow the person they concern ("Ana Lima joined the room", "Ana
# invited Rui Sousa", "ana changed their display name to Ana Lima", "* ana is now known as
# Ana"): the names before the verb and after "invited" or the new name.
_LOG_EVENT = re.compile(
    r"(?P<who>[^\r\n]{1,80}?)[ \t]+(?:(?:joined|left)(?:[ \t]+the[ \t]+(?:room|channel))?"
    r"|(?:invited|kicked|banned)[ \t]+(?P<whom>[^\r\n]{1,80}?)"
    r"|(?:changed[ \t]+their[ \t]+display[ \t]+name[ \t]+to|is[ \t]+now[ \t]+known[ \t]+as)"
    r"[ \t]+(?P<new>[^\r\n]{1,80}?))[ \t]*[.!]?[ \t]*\r?$"
)


# A paper's author line: each name carries its affiliation marks, in brackets or superscript
# ("Ana Lima (1,2,*), Rui Sousa (2)", "Ana Lima¹, Rui Sousa²*"); read only where a legend line
# opens with a mark ("(1) Institute of …", "¹ Faculty of …", see ``affiliation_things``).
_AWORD = r"[^\W\d_][^\s.,;:()¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]*"
_MARK = r"(?:\d{1,2}|[a-h]|\*|†|‡)"
_AUTHOR = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=, )|(?<=; )|(?<=and )|(?<=& ))({_AWORD}(?:[ \t]+{_AWORD}){{0,3}}?)"
    rf"(?:[ \t]*\({_MARK}(?:,[ \t]*{_MARK})*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+(?:,[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+)*)"
    r"(?=[ \t]*(?:,|;|\band\b|&|\n|$))"
)
_LEGEND = re.compile(r"(?m)^[ \t]*(?:\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])[ \t]*[^\W\d_]")
# A data set's citation: "Lima, Ana; Sousa, Rui (2026). Title." (APA, DataCite): the pairs
# before the bracketed year, each "Family, Given".
_PAIR = rf"{_WORD}(?:[ \t]+{_WORD})?,[ \t]+{_WORD}(?:[ \t]+{_WORD})?"
_CITE = re.compile(
    rf"(?m)^((?:{_PAIR}[ \t]*(?:;|&|\band\b)[ \t]*)+{_PAIR})[ \t]+\((?:1[89]|20)\d\d[a-z]?\)\."
)
# An SMS gateway's delivery report on a message to a recipient: "stat=UNDELIV err=011 for
# LIMA", "stat:DELIVRD … for Ana Lima" (SMPP receipt states).
_DLR = re.compile(
    r"\bstat[:=](?:DELIVRD|UNDELIV|EXPIRED|REJECTD|UNKNOWN|DELETED|ACCEPTD|ENROUTE)\b"
    rf"[^\n]*?\bfor[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*[.]?[ \t]*(?:\n|$)"
)


# A death notice's heading: the surname in capitals, the given names, then a dash or a
# bracket ("LIMA, Ana Maria — Peacefully at home …", "SOUSA, Rui (née Reis)"); read only
# where the notice says what it is (``_DEATH_HINT``, in its first 300 characters).
_DEATH_HEAD = re.compile(
    rf"(?m)^[ \t]*({_WORD}(?:[ \t]+{_WORD}){{0,2}}),[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})"
    r"[ \t]*(?:—|–|-|\()"
)
_DEATH_HINT = (
    "peacefully", "passed away", "died", "funeral", "beloved", "aged ", "in loving memory",
    "verstorben", "beerdigung", "décédé", "obsèques", "falleció", "sepelio", "funerale",
)  # fmt: skip


def _death_heads(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _DEATH_HEAD.finditer(text):
        if m.group(1) != m.group(1).upper():
            continue  # "Lima, Ana — …": no notice's capitals
        for g in (1, 2):  # "NOTICE, v2 — …": a surname of common words only is no one
            if (f := _found(finder, text, m.start(g), m.end(g), common=g == 1)) is not None:
                out.append(f)
    return out


# A family history post's surname: "Re: Lima family, emigrated around 1905", "anyone
# researching the Sousa line?"; read only where the post speaks of ancestry.
_KIN_NAME = re.compile(rf"(?<![^\s:(])({_WORD})[ \t]+(?:family|families|line|lineage)\b")
_ANCESTRY_HINT = (
    "emigrat",
    "ancest",
    "genealog",
    "great-grand",
    "descendant",
    "researching",
    "family tree",
)


def _kin_names(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _KIN_NAME.finditer(text):
        # "the same line", "Software family": common words are no surname
        if (f := _found(finder, text, m.start(1), m.end(1), common=True)) is not None:
            out.append(f)
    return out


# A wiki infobox's fields that hold people ("| spouse = Ana Lima", "| partner = …",
# "| children = Rui Lima, Eva Lima"); a list in the value is parted by commas or "<br>".
_INFOBOX_FIELD = re.compile(
    r"(?m)^[ \t]*\|[ \t]*(?:name|birth_name|spouse|spouses|partner|partners|children|parents"
    r"|mother|father|relatives)[ \t]*=[ \t]*([^\n|{}]+)"
)


# Infoboxes about a person: "name" is the subject's name only in these ("Infobox ship" names
# a ship) or beside a kin field.
_PERSON_BOX = re.compile(
    r"(?i)\{\{[ \t]*infobox[ \t_]+(?:person|officeholder|scientist|writer|artist|musical artist"
    r"|actor|sportsperson|football biography|royalty|military person|criminal|philosopher)\b"
)


def _infobox(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    fields = list(_INFOBOX_FIELD.finditer(text))
    person = _PERSON_BOX.search(text) is not None or any(
        not text[m.start() : m.start(1)].lstrip(" \t|").startswith(("name", "birth_name"))
        for m in fields
    )
    if not person:
        return out
    for m in fields:
        k = m.start(1)
        for part in re.split(r"(,|<br ?/?>|;)", m.group(1)):
            if part and part[0] not in ",;<" and (f := _found(finder, text, k, k + len(part))):
                out.append(f)
            k += len(part)
    return out


# A release note's or a talk's thanks: the people listed between "Thanks to" and "for"
# ("Thanks to Ana Lima, Rui Sousa and Eva Reis for their contributions!").
_THANKS = re.compile(
    rf"\b(?:[Tt]hanks|[Tt]hank you|[Ss]pecial thanks|[Mm]any thanks) to[ \t]+"
    rf"((?:{_WORD}(?:[ \t]+{_WORD}){{0,3}}?(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+and[ \t]+))+"
    rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}?)[ \t]+for\b"
)


def _thanked(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _THANKS.finditer(text):
        k = m.start(1)
        for part in re.split(r"(,[ \t]*and[ \t]+|,[ \t]*|[ \t]+(?:and|&)[ \t]+)", m.group(1)):
            # "Thanks to the maintainers and all testers for …": common words are no one
            if (
                part
                and part[0] not in ", \t"
                and part not in ("and", "&")
                and (f := _found(finder, text, k, k + len(part), common=True)) is not None
            ):
                out.append(f)
            k += len(part)
    return out


def _authors(finder: NameFinder, text: str) -> list[Found]:
    """A paper's authors by their affiliation marks: only on a line with two of them, in a
    text with a legend line ("(1) Institute of …")."""
    out: list[Found] = []
    if _LEGEND.search(text) is None:
        return out
    for got in _author_lines(text):
        for m in got:
            if (f := _found(finder, text, m.start(1), m.end(1))) is not None:
                out.append(f)
    return out


def _author_lines(text: str) -> list[list[re.Match[str]]]:
    """The marked names of each line holding two or more of them."""
    out: list[list[re.Match[str]]] = []
    for line in re.finditer(r"[^\n]+", text):
        got = list(_AUTHOR.finditer(text, line.start(), line.end()))
        if len(got) >= 2:
            out.append(got)
    return out


def _authors_line(text: str) -> bool:
    return ("(" in text or "¹" in text) and bool(_author_lines(text))


def _cited(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _CITE.finditer(text):
        k = m.start(1)
        for pair in re.split(r"[ \t]*(?:;|&|\band\b)[ \t]*", m.group(1)):
            k = text.find(pair, k)
            at = k
            for part in pair.split(","):
                if (f := _found(finder, text, at, at + len(part))) is not None:
                    out.append(f)
                at += len(part) + 1
            k += len(pair)
    return out


def affiliation_things(text: str) -> list[tuple[int, int]]:
    """An author list's legend names institutions, not people: "(1) Institute of Marine
    Sciences, (2) Faculty of Physics", each part after a mark up to a comma or the next mark."""
    out: list[tuple[int, int]] = []
    if _LEGEND.search(text) is None or not _authors_line(text):
        return out
    for m in _LEGEND.finditer(text):
        b = text.find("\n", m.start())
        b = len(text) if b < 0 else b
        out.append((m.start(), b))
    return out


def _log_lines(finder: NameFinder, text: str) -> list[Found]:
    """The people of a chat log's lines (see ``_LOG_LINE``): a speaker's display name, the
    person a room event concerns, and the capitalised words that open an action ("* Ana
    shared …": up to three, before the first word in lower case)."""
    out: list[Found] = []
    for m in _LOG_LINE.finditer(text):
        spans: list[tuple[int, int]] = []
        if m.group("nick") is not None:
            spans.append(m.span("nick"))
        elif (e := _LOG_EVENT.match(text, m.start("rest"), m.end("rest"))) is not None:
            spans.extend(e.span(g) for g in ("who", "whom", "new") if e.group(g) is not None)
        elif text[m.start("rest") - 2 : m.start("rest")] == "* ":
            at = m.start("rest")
            words = m.group("rest").split(" ")
            n = 0
            while n < min(3, len(words) - 1) and words[n][:1] and not words[n][0].islower():
                n += 1
            if n and words[n][:1].islower():
                spans.append((at, at + len(" ".join(words[:n]))))
        for a, b in spans:
            if (got := _found(finder, text, a, b)) is not None:
                out.append(got)
    return out


# A vet's patient: "Patient: Rex (dog, 4 y)", "Paciente: Rex (perro …)", "Patient: Rex (Hund …)".
_ANIMALS = (
    r"dog|cat|puppy|kitten|rabbit|horse|parrot|hamster|perro|perra|gato|gata|conejo|caballo|"
    r"hund|katze|kater|kaninchen|pferd|chien|chienne|chat|chatte|lapin|cheval|cane|gatto|"
    r"coniglio|cavallo|cão|cadela|hond|kat|konijn|pies|kot|köpek|kedi"
)
_PATIENT = re.compile(
    rf"(?im)^[ \t]*(?:patient|paciente|patiente|paziente|patiënt|pacjent|hasta)[ \t]*:[ \t]*"
    rf"(\w[\w'’-]*(?:[ \t]+\w[\w'’-]*)?)[ \t]*\((?:{_ANIMALS})\b"
)


def _found(finder: NameFinder, text: str, a: int, b: int, *, common: bool = False) -> Found | None:
    """A person where the layout places one: not opening with a lower-case letter; with
    ``common``, not all common words ("Living Room Echo")."""
    a, b = trimmed(text, a, b)
    if a >= b or text[a].islower():
        return None
    return placed_person(finder, text, a, b, common=common, firms=True)


def _adif(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _ADIF_FIELD.finditer(text):
        a = m.end()
        b = text.find("<", a)  # a length counted in bytes ends inside the next field
        b = min(a + int(m.group(2)), len(text) if b < 0 else b)
        if (got := _found(finder, text, a, b)) is not None:
            out.append(got)
    return out


def _labelled(finder: NameFinder, text: str) -> list[Found]:
    """The person after a record's label at a line's start ("Owner: Ana Lima", "Borrower:
    Lima, Ana", "Emergency contact: Rui Sousa, +351 …"): each part between commas."""
    head = text[:200].lower()
    show = any(h in head for h in _SHOW_HINT)
    card = any(h in head for h in _CARD_HINT)
    nursery = any(h in head for h in _NURSERY_HINT)
    out: list[Found] = []
    a = 0
    while a < len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        colon = text.find(":", a, min(b, a + 40))
        if colon > a:
            label = " ".join(fold(text[a:colon]).split())
            if (
                label in _PERSON_LABELS
                or (show and label in _GUEST_WITH)
                or (card and label in _CARD_LABELS)
                or (nursery and label in _NURSERY_LABELS)
            ):
                k = colon + 1
                for part in [*text[colon + 1 : b].split(","), ""][:3]:
                    # "Ana Lima / Agency": the person before a credit's slash
                    cut = part.find(" / ")
                    end = k + (len(part) if cut < 0 else cut)
                    # a coach or a credit of common words only is a class or a thing
                    # ("Coach: Economy Class"), not a person
                    common = label in _WORDY_LABELS
                    if part and (got := _found(finder, text, k, end, common=common)) is not None:
                        out.append(got)
                    k += len(part) + 1
        a = b + 1
    return out


def _called(finder: NameFinder, text: str, pattern: re.Pattern[str]) -> list[Found]:
    out: list[Found] = []
    for m in pattern.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if (got := _found(finder, text, m.start(g), m.end(g))) is not None:
            out.append(got)
    return out


def _devices(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _DEVICE_LINE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        # "Marco's PlayStation 5": the possessive says it is someone; bare words before a
        # device word are no one when all are common words ("Living Room Echo")
        got = _found(finder, text, m.start(g), m.end(g), common=g == 2)
        if got is not None:
            out.append(got)
    return out


# A person as a news item places one: name, age and home between commas ("Ana Lima, 34, of
# Leeds, reported …", "Rui Sousa, 52, aus Köln"), and a photo caption's person by where they
# stand ("Ana Lima (left) receives …", "(l-r)"). Two to four words, the last ones
# capitalised; the age a number of one to three digits.
_AGE = r"\d{1,3}(?:[ \t]+(?:years?(?:[ \t-]old)?|Jahre|ans|años|anni|anos|jaar|lat|yaş))?"
_AGED_HINT = re.compile(rf", {_AGE}, ")
_AGED_OF = re.compile(
    rf"((?:{_WORD}[ \t]+){{1,3}}{_WORD}),[ \t]+{_AGE},[ \t]+"
    r"(?:of|from|aus|von|de|du|di|da|do|van|uit|z|ze|residente|wohnhaft|domicili[ée]e?"
    r"|resident|living)[ \t]"
)
_SIDE_HINT = re.compile(
    r"(?i)\((?:left|right|cent(?:re|er)|l-r|links|rechts|mitte|à gauche|à droite|au centre"
    r"|izquierda|derecha|centro|sinistra|destra|esquerda|direita|z lewej|z prawej"
    r"|solda|sağda|ortada)\)"
)
_SIDE_OF = re.compile(rf"((?:{_WORD}[ \t]+){{1,3}}{_WORD})[ \t]+{_SIDE_HINT.pattern[4:]}")


def _news_people(finder: NameFinder, text: str, pattern: re.Pattern[str]) -> list[Found]:
    """The capitalised words that end group 1 of each match of ``pattern``, two at least
    (a sentence's first words before them are no name: "Theft. Ana Lima, 34, of …"). An
    inference: a place before a number between commas ("Victoria Park, 12, of …") is masked;
    a street's or a team's word, a firm's form ("Acme Holdings") make it no person."""
    out: list[Found] = []
    for m in pattern.finditer(text):
        a, b = m.span(1)
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", text[a:b])]
        k = len(words)
        while k > 0 and text[a + words[k - 1][0]].isupper():
            k -= 1
        if len(words) - k < 2:
            continue
        lows = {fold(text[a + x : a + y]).strip(".,") for x, y in words[k:]}
        if not lows.isdisjoint(finder.cues.streets) or not lows.isdisjoint(finder.cues.teams):
            continue  # "Rue Victor Hugo, 12, de Paris": an address's street, no person
        if (got := _found(finder, text, a + words[k][0], b)) is not None:
            out.append(got)
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The people of a log, a notice or a record in ``text``, each form behind its own test."""
    out: list[Found] = []
    if "<" in text and ":" in text and ("<EOR>" in text or "<eor>" in text):
        out.extend(_adif(finder, text))
    if ":" in text:
        out.extend(_labelled(finder, text))
    if any(h in text for h in _CALL_HINT):
        out.extend(_called(finder, text, _CALL_NAME))
    if any(h in text for h in _OWNED_HINT):
        out.extend(_called(finder, text, _OWNED_BY))
    if "\n" in text:
        low = text[:300].lower()
        if any(h in low for h in _DEVICE_HINT):
            out.extend(_devices(finder, text))
    if (text[:1] == "[" or "\n[" in text) and "] " in text and ":" in text:
        out.extend(_log_lines(finder, text))  # "[09:15] <Ana Lima> hi", "* Ana shared …"
    if ("(" in text or "¹" in text) and "\n" in text:
        out.extend(_authors(finder, text))  # "Ana Lima (1,2,*), Rui Sousa (2)"
    if "; " in text and ")." in text:
        out.extend(_cited(finder, text))  # "Lima, Ana; Sousa, Rui (2026). Title."
    if ("—" in text or "-" in text or "(" in text) and "," in text:
        low = text[:300].lower()
        if any(h in low for h in _DEATH_HINT):
            out.extend(_death_heads(finder, text))  # "LIMA, Ana — Peacefully at home …"
    if (" family" in text or " line" in text) and any(h in text for h in _ANCESTRY_HINT):
        out.extend(_kin_names(finder, text))  # "Re: Lima family, emigrated around 1905"
    if "{{" in text and "nfobox" in text and "=" in text:
        out.extend(_infobox(finder, text))  # "| spouse = Ana Lima"
    if "hanks to " in text or "hank you to " in text:
        out.extend(_thanked(finder, text))  # "Thanks to Ana Lima, Rui Sousa and Eva for …"
    if ", " in text and _AGED_HINT.search(text) is not None:
        out.extend(_news_people(finder, text, _AGED_OF))  # "Ana Lima, 34, of Leeds, …"
    if "(" in text and _SIDE_HINT.search(text) is not None:
        out.extend(_news_people(finder, text, _SIDE_OF))  # "Ana Lima (left) receives …"
    if "stat" in text and " for " in text:
        out.extend(_called(finder, text, _DLR))  # "stat=UNDELIV err=011 for LIMA"
    if '"nickname"' in text or '_name"' in text:
        for m in _NICKNAME.finditer(text):
            if (got := _found(finder, text, m.start(1), m.end(1))) is not None:
                out.append(got)
    return out


def _headings(text: str) -> list[tuple[int, int]]:
    """A record's person label ("Apellidos, nombre:") and its heading in capitals right above
    it ("LOAN SLIP\nBorrower: Lima, Ana", "CARNÉ DE DONANTE\nApellidos, nombre: …"): the
    person is after the label."""
    out: list[tuple[int, int]] = []
    card = any(h in text[:200].lower() for h in _CARD_HINT)
    a, prev = 0, -1
    while a <= len(text):
        nl = text.find("\n", a)
        nl = len(text) if nl < 0 else nl
        colon = text.find(":", a, min(nl, a + 40))
        label = " ".join(fold(text[a:colon]).split()) if colon > a else ""
        if label in _PERSON_LABELS or (card and label in _CARD_LABELS):
            out.append((a, colon))
            if prev >= 0:
                above = text[prev : a - 1].strip()
                if above.isupper() and " " in above:
                    out.append((prev, a - 1))
        prev, a = a, nl + 1
    return out


# A label of animals and their names after it ("dogs: Max & Kira", "Hunde: Bello", "perros:
# Canela"): a walker's or a sitter's list names pets, not people (up to a dash, a bracket, a
# digit or the line's end).
_ANIMAL_LABEL = (
    r"(?:dogs?|cats?|pets?|hunde?|katzen?|haustiere?|chiens?|chats?|animaux|perros?|gatos?"
    r"|mascotas?|cani|cane|gatti|gatto|cães|cão|honden|hond|katten|kat|huisdieren|psy|pies"
    r"|koty|kot|köpekler|köpek|kediler|kedi)"
)
_ANIMALS_HINT = re.compile(rf"(?i)\b{_ANIMAL_LABEL}[ \t]*:")
_PETS = re.compile(
    rf"(?i)\b{_ANIMAL_LABEL}[ \t]*:[ \t]*([^\n—–(\d:;|]{{1,60}}?)[ \t]*(?=[—–(\d;|]|$|\n)"
)
_BETWEEN_ANIMALS = re.compile(r"[ \t]*(?:,|&|\+|/)[ \t]*|[ \t]+(?:and|und|et|y|e|en|i|ve)[ \t]+")


def dropped_things(text: str, found: list[Found]) -> list[Found]:
    """``found`` without a vet's patient ("Patient: Rex (dog, 4 y)") and the animals after a
    label of animals ("dogs: Max & Kira") wherever the name stands, and without a chat
    server's or channel's name ("guild": {"name": "Owners Club"})."""
    drop: set[str] = set()
    spans: list[tuple[int, int]] = []
    if ":" in text:
        spans.extend(_headings(text))  # "LOAN SLIP\nBorrower: Lima, Ana"
    if "(" in text and ":" in text:
        for m in _PATIENT.finditer(text):
            drop.add(" ".join(fold(m.group(1)).split()))
    if '"name"' in text and "{" in text:
        spans.extend(m.span(1) for m in _PLACE_NAME.finditer(text))
    if ":" in text and _ANIMALS_HINT.search(text) is not None:
        # "dogs: Max & Kira", "perros: Canela — +682 …": the animals' names, wherever they stand
        for m in _PETS.finditer(text):
            drop.update(" ".join(fold(p).split()) for p in _BETWEEN_ANIMALS.split(m.group(1)))
            drop.add(" ".join(fold(m.group(1)).split()))
    if not drop and not spans:
        return found
    return [
        f for f in found if f[2] not in drop and not any(a <= f[0] and f[1] <= b for a, b in spans)
    ]
