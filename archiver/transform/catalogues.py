"""Names that bibliographic, genealogy, game and directory records place by their own syntax
(docs/MASKING.md, "Citations, family trees, game records, directories and patents"): a BibTeX
entry's name lists (``author = {Family, Given and …}``), a GEDCOM individual's ``NAME Given
/Surname/``, ``GIVN`` and ``SURN`` lines, a PGN game's ``[White "Family, Given"]`` tags, an
LDAP distinguished name's ``CN=Family\\, Given`` and the people of a patent's front page
(inventors, examiners; applicants and attorneys written family name first). Each form runs only
in a text holding its marker, so other texts pay a few substring tests. ``dropped_owners``
drops what a record says is no person: a patent's assignee line and a certificate's issuer.

The names are read in any script, case and language: the record's structure says where a name
stands, not a list of names. What each form gets wrong is in the docs."""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

from archiver.transform.namewords import PARTICLES, NameCues
from archiver.transform.namewords import low as _low


class NameFinder(Protocol):
    """What these readers need of the name finder (``names.NameFinder``), which calls them."""

    @property
    def cues(self) -> NameCues: ...


Found = tuple[int, int, str]

# -- BibTeX and biblatex ---------------------------------------------------------------------
# The fields that hold lists of people (biblatex's name lists; ``holder``, a patent's holder,
# is as often a firm and is not read); the value in braces or quotes.
_BIB_FIELD = re.compile(
    r"(?i)(?<![\w-])(?:author|editor|editor[abc]|translator|annotator|commentator|bookauthor"
    r"|introduction|foreword|afterword)[ \t]*=[ \t]*([{\"])"
)
_BIB_AND = re.compile(r"(?i)[ \t\r\n~]+and[ \t\r\n~]+")
# Words that stand in a name list for nobody in particular ("and others").
_BIB_NOBODY = frozenset({"others", "anonymous", "anon", "various", "unknown", "n/a", "et al"})
# LaTeX accents and letters as names are written in BibTeX ("M{\"u}ller", "Ren{\'e}e",
# "{\c{C}}elik", "Dvo\v{r}\'ak", "{\o}stergaard", "\L{}ukasz").
_TEX_ACCENTS = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    "u": "\u0306",
    ".": "\u0307",
    '"': "\u0308",
    "r": "\u030a",
    "H": "\u030b",
    "v": "\u030c",
    "c": "\u0327",
    "k": "\u0328",
}
_TEX_ACCENT = re.compile(
    r"\\(?:([`'^~=.\"])|([uvHckr])(?![A-Za-z]))[ \t]*"
    r"(?:\{[ \t]*(\\[ij](?![A-Za-z])|[A-Za-z])[ \t]*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))"
)
_TEX_LETTERS = {
    "ss": "ß",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "o": "ø",
    "O": "Ø",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
}
_TEX_LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])[ \t]*(?:\{\})?")
# A word of a decoded name: letters and their marks, apostrophes, dots and hyphens inside.
_ACRONYM = re.compile(r"[A-Z]{2,}")


def _tex_decoded(raw: str) -> str:
    """A BibTeX name's letters without its markup: accents as the letters they make, braces
    and ties gone."""

    def accent(m: re.Match[str]) -> str:
        base = m.group(3) or m.group(4)
        base = {"\\i": "i", "\\j": "j"}.get(base, base)
        return base + _TEX_ACCENTS[m.group(1) or m.group(2)]

    if "\\" in raw:
        raw = _TEX_ACCENT.sub(accent, raw)
        raw = _TEX_LETTER.sub(lambda m: _TEX_LETTERS[m.group(1)], raw)
    raw = raw.replace("{", "").replace("}", "").replace("~", " ")
    return unicodedata.normalize("NFC", raw)


def _bib_value(text: str, at: int, opener: str) -> int:
    """Where the value that opens at ``at`` (after its brace or quote) ends: the matching
    brace, or the quote outside braces; -1 when it never closes."""
    depth = 0
    k, end = at, min(len(text), at + 4000)
    while k < end:
        c = text[k]
        if c == "\\":
            k += 2  # an escaped character: "\{", "\"o" in quotes
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            if depth == 0:
                return k if opener == "{" else -1
            depth -= 1
        elif c == '"' and opener == '"' and depth == 0:
            return k
        k += 1
    return -1


def _top_level(text: str, a: int, b: int, sep: re.Pattern[str] | str) -> list[tuple[int, int]]:
    """The parts of ``text[a:b]`` between separators outside braces."""
    parts: list[tuple[int, int]] = []
    depth = 0
    start = k = a
    while k < b:
        c = text[k]
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            if isinstance(sep, str):
                if c == sep:
                    parts.append((start, k))
                    start = k + 1
            else:
                m = sep.match(text, k, b)
                if m is not None and k > start:
                    parts.append((start, k))
                    start = k = m.end()
                    continue
        k += 1
    parts.append((start, b))
    return parts


def trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``text[a:b]`` without the spaces around it and a comma after it: a field's value as
    every record reader (here, ``records``, ``credits``, ``notices``) reads it."""
    while a < b and text[a] in " \t\r\n~":
        a += 1
    while b > a and text[b - 1] in " \t\r\n~,":
        b -= 1
    return a, b


def _letters(word: str) -> bool:
    """A word of a name in any script: letters and their marks (Thaana's vowel signs, the
    Tibetan syllable mark), apostrophes, hyphens and dots; a letter first."""
    if not word or unicodedata.category(word[0])[0] != "L":
        return False
    return all(c in _IN_WORD or unicodedata.category(c)[0] in "LM" for c in word)


_IN_WORD = frozenset("'’.-་༌")
_DOTTED = re.compile(r"\.[^\W\d_]{2,}")  # "example.com": an address, no name


def _lows(finder: NameFinder, value: str, *, common: bool, firms: bool) -> list[str] | None:
    """The folded words of ``value`` when it is a name where a record places one: one to
    five words of letters, not all listed non-names, connectors or particles (nor common
    words with ``common``), no address; with ``firms``, not ending in a firm's word."""
    words = value.split()
    if not 0 < len(words) <= 5 or not all(_letters(w) for w in words):
        return None
    if _DOTTED.search(value) is not None or len("".join(words)) < 2:
        return None
    cues = finder.cues
    lows = [_low(w) for w in words]
    common = common or value.islower()
    if all(
        w in cues.not_names
        or w in cues.connectors
        or w in PARTICLES
        or len(w.rstrip(".")) < 2
        or (common and w in cues.common)
        for w in lows
    ):
        return None
    if " ".join(lows) in cues.not_names or " ".join(lows) in _BIB_NOBODY:
        return None
    if firms and len(lows) > 1 and lows[-1] in cues.companies:
        return None  # "Quillmere Holdings": a firm
    return lows


def placed_person(
    finder: NameFinder, text: str, a: int, b: int, *, common: bool = False, firms: bool = False
) -> tuple[int, int, str] | None:
    """The part of a name between ``a`` and ``b`` (a family or a given name, or both), where
    a record's syntax places one: see ``_lows``."""
    a, b = trimmed(text, a, b)
    lows = _lows(finder, text[a:b], common=common, firms=firms) if a < b else None
    return None if lows is None else (a, b, " ".join(lows))


def _bib_person(finder: NameFinder, text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """One part of a name (the family or the given names) as written between ``a`` and
    ``b``: a name when its decoded words are letters, not an acronym, and not all listed
    non-names or connectors. Common words count: a name list holds names ("Baker, Rose")."""
    a, b = trimmed(text, a, b)
    if a >= b:
        return None
    value = " ".join(_tex_decoded(text[a:b]).split())
    if _ACRONYM.fullmatch(value) is not None:
        return None  # "{UNESCO}": an institution in capitals
    lows = _lows(finder, value, common=False, firms=False)
    return None if lows is None else (a, b, " ".join(lows))


def _bibtex(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _BIB_FIELD.finditer(text):
        start = m.end()
        end = _bib_value(text, start, m.group(1))
        if end < 0:
            continue
        for pa, pb in _top_level(text, start, end, _BIB_AND):
            pa, pb = trimmed(text, pa, pb)
            if pa >= pb:
                continue
            part = text[pa:pb]
            if part[0] == "{" and _bib_value(text, pa + 1, "{") == pb - 1 and " " in part.strip():
                continue  # "{World Health Organization}": an institution kept whole
            pieces = _top_level(text, pa, pb, ",")
            # "Given von Family"; "von Family, Given" or "von Family, Jr, Given"
            spans = [pieces[0]] if len(pieces) == 1 else [pieces[0], pieces[-1]]
            for sa, sb in spans:
                got = _bib_person(finder, text, sa, sb)
                if got is not None:
                    out.append(got)
    return out


# -- GEDCOM ----------------------------------------------------------------------------------
# A GEDCOM line: its level, an optional cross-reference id, its tag and its value.
_GED_LINE = re.compile(
    r"(?m)^[ \t]*(\d{1,2})[ \t]+(?:(@[^@\n]{1,20}@)[ \t]+)?([A-Z_][A-Z0-9_]{2,9})"
    r"(?:[ \t]+([^\r\n]*?))?[ \t]*\r?$"
)
_GED_HINT = re.compile(r"(?m)^[ \t]*\d{1,2}[ \t]+(?:NAME|GIVN|SURN|NICK|_MARNM|_AKA)[ \t]")
# The tags whose value is a person's name or part of it (a name's romanised and phonetic
# forms, a nickname, a married name); the records in which ``NAME`` is a person's: an
# individual and a submitter (a repository's, a source's and the header's are not).
_GED_NAME_TAGS = frozenset({"NAME", "GIVN", "SURN", "NICK", "ROMN", "FONE", "_MARNM", "_AKA"})
_GED_PEOPLE = frozenset({"INDI", "SUBM"})
_GED_TAGS = ("NAME ", "GIVN ", "SURN ", "NICK ", "_MARNM ", "_AKA ")


def _gedcom(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    record: str | None = None  # the tag of the level-0 record the line belongs to
    for m in _GED_LINE.finditer(text):
        level, tag = m.group(1), m.group(3)
        if level == "0":
            record = tag
            continue
        if tag not in _GED_NAME_TAGS or m.group(4) is None:
            continue
        a, b = m.span(4)
        slashed = tag in ("NAME", "ROMN", "FONE") and text.count("/", a, b) >= 2
        if record not in _GED_PEOPLE and not (record is None and slashed):
            continue  # "0 @R1@ REPO\n1 NAME Family History Library": no person
        if slashed:  # "Given /Surname/ Suffix": the given names and the surname
            s1 = text.index("/", a, b)
            s2 = text.index("/", s1 + 1, b)
            spans = [(a, s1), (s1 + 1, s2)]
        else:
            spans = [(a, b)]
        for sa, sb in spans:
            sa, sb = trimmed(text, sa, sb)
            if (got := placed_person(finder, text, sa, sb)) is not None:
                out.append(got)
    return out


# -- PGN ---------------------------------------------------------------------------------------
# A game's tag pairs: the players and the annotator ("[White "Family, Given"]"); the event,
# the site and the round are not read. A player whose ``WhiteType``/``BlackType`` is
# ``program`` is an engine.
_PGN_TAG = re.compile(r'(?m)^[ \t]*\[(White|Black|Annotator)[ \t]+"([^"\r\n]*)"[ \t]*\]')
_PGN_PROGRAM = re.compile(r'(?mi)^[ \t]*\[(White|Black)Type[ \t]+"program"[ \t]*\]')


def _pgn(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    engines = {m.group(1) for m in _PGN_PROGRAM.finditer(text)} if "Type" in text else set()
    for m in _PGN_TAG.finditer(text):
        if m.group(1) in engines:
            continue
        a, b = m.span(2)
        comma = text.find(",", a, b)
        if comma >= 0:  # "Family, Given": a person in the players' list form
            spans = [(a, comma), (comma + 1, b)]
            common = False
        else:  # "Given Family", a handle: as a field's value
            spans = [(a, b)]
            common = True
        for sa, sb in spans:
            sa, sb = trimmed(text, sa, sb)
            if (got := placed_person(finder, text, sa, sb, common=common)) is not None:
                out.append(got)
    return out


# -- LDAP distinguished names ----------------------------------------------------------------
# A common name written family name first, its comma escaped as a DN requires
# ("dn: CN=Lima\, Ana,OU=People,…", "manager: cn=Lima\, Ana,ou=…").
_DN_INVERTED = re.compile(
    r"(?i:(?<![\w-])cn)[ \t]*=[ \t]*([^,=\\\r\n+]+?)[ \t]*\\,[ \t]*([^,=\\\r\n+]+?)[ \t]*"
    r"(?=,|\+|\r?\n|$)"
)


def _dn_names(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _DN_INVERTED.finditer(text):
        for g in (1, 2):
            got = placed_person(finder, text, *m.span(g))
            if got is not None:
                out.append(got)
    return out


# -- patent front pages ----------------------------------------------------------------------
# A label of a patent's people at a line's start, with its INID code where one is printed:
# inventors ((72), (75) in older US pages), examiners, and applicants ((71)) and attorneys or
# representatives ((74)), which are as often firms: of those only an item written family name
# first is taken. "Agent" and "Applicant" alone are read only after their code.
_PATENT_LABEL = re.compile(
    r"(?im)^[ \t]*(?:\((?P<code>7[1-6])\)[ \t]*)?"
    r"(?:(?P<inv>inventors?|inventor\(s\))"
    r"|(?P<exam>(?:primary[ \t]+|assistant[ \t]+)?examiner)"
    r"|(?P<firm>applicants?|applicant\(s\)|attorney,?[ \t]+agent,?[ \t]+(?:or|and)[ \t]+firm"
    r"|representatives?|agents?))"
    r"[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*"
)
_PATENT_CODES = re.compile(r"\((?:7[1-6])\)")
_INVENTOR = re.compile(r"(?i)inventor(?:s|\(s\))?(?![^\W\d_])")
_STATE_CODE = re.compile(r"[A-Z]{2}")
_ASSIGNEE_LINE = re.compile(r"(?im)^[ \t]*(?:\(73\)[ \t]*)?assignees?(?:\(s\))?[ \t]*[:—–]")
_ISSUER_LINE = re.compile(r"(?im)^[ \t]*issuer(?:[ \t]+dn)?[ \t]*[:=]")


def patent_page(text: str) -> bool:
    """Whether ``text`` looks like a patent's front page: an inventor label or an INID code of
    the parties ((71) to (76))."""
    if ("nventor" in text or "NVENTOR" in text) and _INVENTOR.search(text) is not None:
        return True  # not "inventory"
    return "(7" in text and _PATENT_CODES.search(text) is not None


def _segments(text: str, a: int, b: int) -> list[tuple[int, int, str, bool]]:
    """The parts of a patent's list between commas and semicolons outside brackets: each
    part's span before its bracket, the separator after it and whether a bracket (a place:
    "(CH)", "(Palo Alto, CA)") closed it."""
    out: list[tuple[int, int, str, bool]] = []
    depth = 0
    start = a
    name_end = -1
    for k in range(a, b):
        c = text[k]
        if c == "(":
            if depth == 0 and name_end < 0:
                name_end = k
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;":
            out.append((start, name_end if name_end >= 0 else k, c, name_end >= 0))
            start, name_end = k + 1, -1
    out.append((start, name_end if name_end >= 0 else b, "", name_end >= 0))
    return out


def _patent_items(text: str, a: int, b: int) -> list[list[tuple[int, int, str, bool]]]:
    """The people of a patent's list: a place in brackets ends each one ("KORKMAZ, Ceren,
    Geneva (CH); …", "Lima; Ana (Porto, PT), Sousa; Rui (Braga, PT)"); without brackets a
    semicolon does."""
    segs = _segments(text, a, b)
    bracketed = any(s[3] for s in segs)
    items: list[list[tuple[int, int, str, bool]]] = [[]]
    for s in segs:
        items[-1].append(s)
        if s[3] or (not bracketed and s[2] == ";"):
            items.append([])
    return [item for item in items if item]


def _patent(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _PATENT_LABEL.finditer(text):
        if m.group("firm") is not None and m.group("code") is None:
            continue  # "Agent: Ana": a chat's or a form's label, read by the other rules
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        inverted_only = m.group("firm") is not None
        for item in _patent_items(text, m.end(), end):
            first = text[item[0][0] : item[0][1]].strip()
            if not first:
                continue
            inverted = len(item) > 1 and (
                item[0][2] == ";"
                or " " not in first
                or (first.isupper() and _STATE_CODE.fullmatch(first) is None)
            )
            if inverted:  # "KORKMAZ, Ceren, Geneva (CH)", "Lima; Ana (Porto, PT)"
                spans = [item[0][:2], item[1][:2]]
            elif inverted_only:
                continue  # "Fish & Richardson P.C.", "Siemens AG, München (DE)": a firm
            else:  # "Ana Lima, Porto (PT)": the name, then its place
                spans = [item[0][:2]]
            for sa, sb in spans:
                sa, sb = trimmed(text, sa, sb)
                if sa >= sb or not (text[sa].isupper() or not text[sa].isascii()):
                    continue
                if (got := placed_person(finder, text, sa, sb, firms=True)) is not None:
                    out.append(got)
    return out


def _bib_hint(text: str) -> bool:
    """Whether a name list's field may stand in ``text``: substrings of the field names."""
    return any(w in text for w in _BIB_HINTS) and _BIB_FIELD.search(text) is not None


_BIB_HINTS = (
    "uthor",
    "UTHOR",
    "ditor",
    "DITOR",
    "ranslator",
    "RANSLATOR",
    "nnotator",
    "ommentator",
    "ntroduction",
    "oreword",
    "fterword",
)


def names(finder: NameFinder, text: str) -> list[Found]:
    """The names of the records above that ``text`` holds, each form behind its own test."""
    out: list[Found] = []
    if "=" in text and ("{" in text or '"' in text) and _bib_hint(text):
        out.extend(_bibtex(finder, text))
    if "\n" in text and any(t in text for t in _GED_TAGS) and _GED_HINT.search(text):
        out.extend(_gedcom(finder, text))
    if '[White "' in text or '[Black "' in text or '[Annotator "' in text:
        out.extend(_pgn(finder, text))
    if "\\," in text and "=" in text:
        out.extend(_dn_names(finder, text))
    if patent_page(text) or "xaminer" in text or "XAMINER" in text:
        out.extend(_patent(finder, text))
    return out


# The fields of a citation and a game record that name things, not people: a BibTeX entry's
# publisher, journal, place and institution, a PGN game's event and site.
_THING_FIELD = re.compile(
    r"(?i)(?<![\w-])(?:publisher|journal|journaltitle|booktitle|address|location|institution"
    r"|organization|school|series|howpublished)[ \t]*=[ \t]*[{\"]([^}\"\r\n]*)[}\"]"
)
_PGN_THING = re.compile(r'(?m)^[ \t]*\[(?:Event|Site|WhiteTeam|BlackTeam)[ \t]+"([^"\r\n]*)"')
_PGN_KEY = re.compile(r'(?m)^[ \t]*\[([A-Z][A-Za-z]+)[ \t]+"')  # "[Round "4"]": a tag's name


def owner_hint(text: str) -> bool:
    """Whether ``dropped_owners`` may drop anything in ``text``: a cheap test."""
    return (
        "ssignee" in text
        or "SSIGNEE" in text
        or "ssuer" in text
        or "pplicant" in text
        or ('"]' in text and _pgn_hint(text))
        or ("=" in text and any(w in text for w in _BIB_HINTS))
    )


def _pgn_hint(text: str) -> bool:
    return '[White "' in text or '[Black "' in text or '[Event "' in text or '[Site "' in text


def dropped_owners(finder: NameFinder, text: str, found: list[Found]) -> list[Found]:
    """``found`` without what a record says names no person: a patent's assignee (the owner,
    as often a firm named after a person: "(73) Assignee: Bosch") and its applicant where no
    item is written family name first ("(71) Applicant: Siemens AG, München (DE)"), unless
    it is also one of the patent's people; a certificate's issuer (a certificate authority:
    "Issuer: C=GB, CN=Example Root CA"); a citation's publisher, journal or place and a game's
    event or site ("[Site "Walcot Hall"]")."""
    spans: list[tuple[int, int]] = []
    keep: set[tuple[int, int]] = set()
    if patent_page(text):
        for m in _ASSIGNEE_LINE.finditer(text):
            end = text.find("\n", m.end())
            spans.append((m.end(), len(text) if end < 0 else end))
        applicants = [m for m in _PATENT_LABEL.finditer(text) if m.group("code") == "71"]
        for m in applicants:
            end = text.find("\n", m.end())
            spans.append((m.end(), len(text) if end < 0 else end))
        if applicants:
            keep = {(a, b) for a, b, _ in _patent(finder, text)}
    if "ssuer" in text:
        for m in _ISSUER_LINE.finditer(text):
            end = text.find("\n", m.end())
            spans.append((m.end(), len(text) if end < 0 else end))
    if "=" in text and any(w in text for w in _BIB_HINTS):
        spans.extend(m.span(1) for m in _THING_FIELD.finditer(text))
    if '"]' in text and _pgn_hint(text):
        spans.extend(m.span(1) for m in _PGN_THING.finditer(text))
        spans.extend(m.span(1) for m in _PGN_KEY.finditer(text))
    if not spans:
        return found
    inside = [f for f in found if (f[0], f[1]) not in keep and any(a <= f[0] < b for a, b in spans)]
    if not inside:
        return found
    elsewhere = {f[2] for f in found if f not in inside}
    return [f for f in found if f not in inside or f[2] in elsewhere]
