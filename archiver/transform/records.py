"""Names that machine records place by their own syntax (docs/MASKING.md, "Library records,
mailboxes, WHOIS and programmes"): a MARC record's personal-name fields (``100 1_ $a Family,
Given,``, ``700``) and its statement of responsibility (``245 … $c edited by Given Family``),
a mailbox written alone on its line as ``.mailmap``, an OpenPGP ``uid`` line and a Debian
changelog's trailer write it (``Proper Name <mail> Commit Name <mail>``, `` -- Name <mail>
date``), git's ``user.name``, the people a Debian changelog's items credit (``Thanks to Given
Family for the patch``, ``[ Given Family ]``), a WHOIS record's contact names (``Registrant
Name:``) and the speakers a conference programme lists after a talk's quoted title
(``"Title" — Given Family, Given Family``), a patch's trailers (``Reviewed-by: Given Family``)
and the authors of a list digest's topics (``Today's Topics:`` … ``1. Re: meeting (Given
Family)``). Each form runs only in a text holding its marker.

``dropped`` removes what such a record says is no person: a WHOIS record's field labels
("Creation Date") and its domain, registrar and organisation values, a MARC record's
publisher (``264 _1 $b Johnson Press``), and a name that an institution's word follows or ends
("Michelin Institute"). The readers' wrong ways are in the docs."""

from __future__ import annotations

import re

from archiver.transform.catalogues import NameFinder, placed_person, trimmed
from archiver.transform.namewords import PARTICLES

Found = tuple[int, int, str]

# -- MARC --------------------------------------------------------------------------------------
# A variable field as catalogues and MarcEdit print it: its tag, its indicators ("1_", "1#",
# "1\", blank) and the first subfield's delimiter ("$", "‡", "ǂ", "|") before its code.
_MARC_FIELD = re.compile(
    r"(?m)^[ \t]*=?(?P<tag>[0-9]{3})[ \t]+(?P<ind>[0-9#_\\ ]{0,6}?)[ \t]*(?P<d>[$‡ǂ|])(?=[a-z0-9])"
)
_MARC_HINT = re.compile(r"(?m)^[ \t]*=?(?:[1678]00|245)[ \t]")
# The fields of a person's name: main entry, subject, added entry and series added entry
# ("X00"); the corporate ("X10") and meeting ("X11") names are no person.
_MARC_PEOPLE = frozenset({"100", "600", "700", "800"})
# "by", "edited by", "translated by", "von", "par", "por", "door", "przez", "a cura di": the
# name follows the last of them in a part of the statement of responsibility.
_BY = re.compile(r"(?i)(?<![^\W\d_])(?:by|von|par|por|door|przez|a[ \t]+cura[ \t]+di|av|af)[ \t]+")
_LIST_SEP = re.compile(r"[ \t]*(?:,|&|(?<=[ \t])(?:and|und|et|y|e|en|och|og)(?=[ \t]))[ \t]*")
# Words that make a part of a list an institution's or a firm's name, not a person's.
_INSTITUTION_WORDS = frozenset(
    {
        "institute",
        "institut",
        "instituto",
        "istituto",
        "instytut",
        "foundation",
        "fondation",
        "fundación",
        "fundação",
        "stiftung",
        "university",
        "universität",
        "université",
        "universidad",
        "universidade",
        "università",
        "college",
        "laboratory",
        "laboratories",
        "press",
        "society",
        "association",
        "council",
        "ministry",
        "department",
        "museum",
        "library",
        "school",
        "academy",
    }
)


def _subfields(text: str, a: int, b: int, delim: str) -> list[tuple[str, int, int]]:
    """A MARC field's subfields between ``a`` (its first delimiter) and ``b``: each code and
    the span of its value."""
    out: list[tuple[str, int, int]] = []
    k = a
    while k < b and text[k] == delim and k + 1 < b:
        code = text[k + 1]
        nxt = k + 2
        while True:
            nxt = text.find(delim, nxt, b)
            if nxt < 0 or (nxt + 1 < b and (text[nxt + 1].islower() or text[nxt + 1].isdigit())):
                break
            nxt += 1
        end = b if nxt < 0 else nxt
        out.append((code, k + 2, end))
        k = end
    return out


def _listed(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """The people of a list ("Ana Lima, Rui Sousa and Eva Roth"): each item one to five
    capitalised words (particles aside), a bracket after it (an affiliation) skipped, no item
    holding an institution's word or another word in lower case ("University of Porto")."""
    out: list[Found] = []
    cuts: list[tuple[int, int]] = []
    depth = 0
    start = a  # where the current item starts; -1 after its bracket, until a separator
    k = a
    while k < b:
        c = text[k]
        if c in "([":
            if depth == 0 and start >= 0:
                cuts.append((start, k))
                start = -1
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _LIST_SEP.match(text, k, b)
            if m is not None or c == ";":
                if start >= 0:
                    cuts.append((start, k))
                k = m.end() if m is not None else k + 1
                start = k
                continue
        k += 1
    if start >= 0:
        cuts.append((start, b))
    for sa, sb in cuts:
        sa, sb = trimmed(text, sa, sb)
        while sb > sa and text[sb - 1] in ".:":
            sb -= 1
        if sa >= sb:
            continue
        words = text[sa:sb].split()
        if any(w.lower() in _INSTITUTION_WORDS for w in words):
            continue
        if any(not w[0].isupper() and w[0].isascii() and w.lower() not in PARTICLES for w in words):
            continue  # "the author", "University of Porto", "et al"
        got = placed_person(finder, text, sa, sb, firms=True)
        if got is not None:
            out.append(got)
    return out


def _marc(finder: NameFinder, text: str) -> list[Found]:
    """The ``$a`` of a personal name's fields (family name first under indicator ``1``) and
    the people of a title's statement of responsibility (``245 $c``)."""
    out: list[Found] = []
    for m in _MARC_FIELD.finditer(text):
        tag = m.group("tag")
        if tag not in _MARC_PEOPLE and tag != "245":
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        for code, a, b in _subfields(text, m.start("d"), end, m.group("d")):
            if tag == "245" and code == "c":
                out.extend(_responsible(finder, text, a, b))
            elif tag != "245" and code == "a":
                inverted = m.group("ind").strip("#_\\ ")[:1] == "1"
                comma = text.find(",", a, b)
                if inverted and comma >= 0:  # "Family, Given," ("1": a family name first)
                    spans = [(a, comma), (comma + 1, b)]
                else:  # "Moses" ("0": a forename), "Lima family" ("3")
                    spans = [(a, comma if comma >= 0 else b)]
                for sa, sb in spans:
                    sa, sb = trimmed(text, sa, sb)
                    while sb > sa and text[sb - 1] in ".:":
                        sb -= 1
                    if (got := placed_person(finder, text, sa, sb, firms=True)) is not None:
                        out.append(got)
    return out


def _responsible(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """The people of a statement of responsibility ("$c edited by Ana Lima ; translated by
    Rui Sousa."): in each part between semicolons, the list after its last "by" (or the
    whole part when it has none: "$c Ana Lima.")."""
    out: list[Found] = []
    start = a
    for k in [*(i for i in range(a, b) if text[i] == ";"), b]:
        pa, pb = start, k
        start = k + 1
        last = None
        for m in _BY.finditer(text, pa, pb):
            last = m
        if last is not None:
            pa = last.end()
        out.extend(_listed(finder, text, pa, pb))
    return out


# -- mailboxes alone on their line ---------------------------------------------------------------
# ".mailmap" ("Proper Name <proper@…> Commit Name <commit@…>"), an OpenPGP key's user id
# ("uid [ultimate] Name (comment) <…>") and a Debian changelog's trailer (" -- Name <…>  date"):
# the display name before the address, the line holding nothing else before it.
_MAILBOX_LINE = re.compile(
    r"(?m)^(?:[ \t]*uid[ \t]+(?:\[[^\]\r\n]{1,12}\][ \t]+)?| -- |[ \t]*)"
    r"(?P<name>[^\s<>#\[\]()\"=:;,@][^<>\r\n()\[\]\"=:;@]{0,80}?)[ \t]*"
    r"(?:\([^()\r\n]{0,60}\)[ \t]*)?"
    r"<[^<>\s@]+@[^<>\s]+>"
    r"(?:[ \t]+(?P<commit>[^\s<>#\[\]()\"=:;,@][^<>\r\n()\"=:;@]{0,80}?)[ \t]*<[^<>\s]+>)?"
)
# git's identity: "git config --global user.name "Ana Lima"", "[user]\n\tname = Ana Lima",
# "GIT_AUTHOR_NAME='Ana Lima'".
_GIT_NAME = re.compile(
    r"(?i)(?:(?<![\w.])user\.name|GIT_(?:AUTHOR|COMMITTER)_NAME)(?:[ \t]*=[ \t]*|[ \t]+)"
    r"(?:\"([^\"\r\n]+)\"|'([^'\r\n]+)'|([^\s\"'=][^\r\n\"']*?))[ \t]*(?:\r?\n|$)"
)
_GIT_USER_SECTION = re.compile(
    r"(?m)^[ \t]*\[user\][ \t]*\r?\n((?:[ \t]*[^\[\r\n][^\r\n]*\r?\n?)*)"
)
_GIT_NAME_KEY = re.compile(r"(?m)^[ \t]*name[ \t]*=[ \t]*\"?([^\"\r\n]+?)\"?[ \t]*$")


def _mailboxes(finder: NameFinder, text: str) -> list[Found]:
    """The display names of the mailboxes that stand alone on their lines."""
    out: list[Found] = []
    for m in _MAILBOX_LINE.finditer(text):
        for g in ("name", "commit"):
            if m.group(g) is None:
                continue
            a, b = trimmed(text, *m.span(g))
            value = text[a:b]
            if not value or any(c.isdigit() for c in value):
                continue
            if any(
                not w[0].isupper() and w[0].isascii() and w.lower() not in PARTICLES
                for w in value.split()
            ):
                continue  # "mail me at <…>": a sentence, no display name
            alone = " " not in value  # "Sales <sales@…>": one common word is no name
            if (got := placed_person(finder, text, a, b, common=alone, firms=True)) is not None:
                out.append(got)
    return out


def _git(finder: NameFinder, text: str) -> list[Found]:
    """git's identity: ``user.name``, the author's and committer's variables, a ``[user]``
    section's ``name``."""
    out: list[Found] = []
    for m in _GIT_NAME.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        if (got := placed_person(finder, text, *m.span(g), firms=True)) is not None:
            out.append(got)
    if "[user]" in text:
        for s in _GIT_USER_SECTION.finditer(text):
            for m in _GIT_NAME_KEY.finditer(text, s.start(1), s.end(1)):
                if (got := placed_person(finder, text, *m.span(1), firms=True)) is not None:
                    out.append(got)
    return out


# -- Debian changelogs --------------------------------------------------------------------------
# An entry's first line ("quillsync (2.1.0-1) unstable; urgency=medium"); in its items, who
# made or reported a change ("Thanks to Ana Lima for the patch", "Patch by Ana Lima",
# "Reported by Ana Lima.") and a team upload's attribution line ("  [ Ana Lima ]").
_DEB_ENTRY = re.compile(r"(?m)^[a-z0-9][a-z0-9.+-]+ \([^()\s]+\) [^;\r\n]+; *urgency=")
_DEB_CREDIT = re.compile(
    r"(?i:thanks[ \t]+to|thanks|patch(?:es)?[ \t]+by|reported[ \t]+by|suggested[ \t]+by"
    r"|based[ \t]+on[ \t]+a[ \t]+patch[ \t]+by)[ \t]+"
    r"([^\s.,;:()\[\]<>][^.;:()\[\]<>\r\n]{0,120}?)"
    r"(?=[ \t]+(?:for|who|in|on|with)[ \t]|[ \t]*(?:[.;:()<\[]|\r?\n|$))"
)
_DEB_TEAM = re.compile(r"(?m)^[ \t]{2,}\[[ \t]*([^\[\]\r\n]{2,80}?)[ \t]*\][ \t]*\r?$")


def _debian(finder: NameFinder, text: str) -> list[Found]:
    """The people a changelog entry's items credit and its team upload's attribution lines."""
    out: list[Found] = []
    for m in (*_DEB_CREDIT.finditer(text), *_DEB_TEAM.finditer(text)):
        out.extend(_listed(finder, text, *m.span(1)))
    return out


# -- WHOIS -------------------------------------------------------------------------------------
# A WHOIS record (RFC 3912; the labels of ICANN's registration data): its contacts' names, and
# its lines' labels, which are no names ("Creation Date:", "Registrar Abuse Contact Email:").
_WHOIS_HINT = re.compile(
    r"(?im)^[ \t]*(?:domain[ \t]+name|registrar|registry[ \t]+domain[ \t]+id)[ \t]*:"
)
_WHOIS_PERSON = re.compile(
    r"(?im)^[ \t]*(?:registrant|admin|administrative|tech|technical|billing)"
    r"(?:[ \t]+contact)?[ \t]+name[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?$"
)
# Nominet's layout: the label alone on its line, the value indented on the next
# ("    Registrant:\n        Ana Lima").
_WHOIS_BELOW = re.compile(r"(?im)^[ \t]*registrant:[ \t]*\r?\n[ \t]+([^\s][^\r\n]*?)[ \t]*\r?$")
_WHOIS_LABEL = re.compile(r"(?m)^[ \t]*([A-Za-z][A-Za-z /&()-]{1,60}?)[ \t]*:")
# The values that name things: the domain, registrar, servers, organisations and places.
_WHOIS_THING = re.compile(
    r"(?i)domain[ \t]+name|registrar.*|.*server|.*organi[sz]ation|.*street|.*city"
    r"|.*state/province|.*country|.*url|dnssec|domain[ \t]+status|reseller"
)
# The words of a WHOIS record's labels (ICANN's registration data and the registries' own):
# a line whose label has another word is no line of the record.
_WHOIS_WORDS = frozenset(
    [
        "domain",
        "name",
        "registry",
        "registrar",
        "id",
        "iana",
        "whois",
        "server",
        "url",
        "updated",
        "update",
        "creation",
        "created",
        "date",
        "expiry",
        "expiration",
        "expires",
        "registrant",
        "admin",
        "administrative",
        "tech",
        "technical",
        "billing",
        "contact",
        "street",
        "city",
        "state",
        "province",
        "postal",
        "code",
        "country",
        "phone",
        "ext",
        "fax",
        "email",
        "e-mail",
        "organization",
        "organisation",
        "org",
        "status",
        "dnssec",
        "abuse",
        "reseller",
        "last",
        "of",
        "database",
        "registered",
        "changed",
        "address",
        "holder",
    ]
)
_LABEL_WORD = re.compile(r"[a-z][a-z-]*")
_WITHHELD = ("redacted", "privacy", "withheld", "not disclosed", "gdpr", "data protected")


def _whois(finder: NameFinder, text: str) -> list[Found]:
    """The contacts' names of a WHOIS record, unless withheld."""
    out: list[Found] = []
    for m in (*_WHOIS_PERSON.finditer(text), *_WHOIS_BELOW.finditer(text)):
        value = m.group(1).lower()
        if any(w in value for w in _WITHHELD):
            continue  # "REDACTED FOR PRIVACY"
        if (got := placed_person(finder, text, *m.span(1), firms=True)) is not None:
            out.append(got)
    return out


def whois_things(text: str) -> list[tuple[int, int]]:
    """The spans of a WHOIS record that name no person: its labels ("Creation Date") and the
    values of its domain, registrar, servers, organisations and places ("funaki-67.example");
    none when ``text`` is no WHOIS record."""
    if ":" not in text or _WHOIS_HINT.search(text) is None:
        return []
    spans: list[tuple[int, int]] = []
    for m in _WHOIS_LABEL.finditer(text):
        if not set(_LABEL_WORD.findall(m.group(1).lower())) <= _WHOIS_WORDS:
            continue  # "Ana Lima: here is the lookup": a chat's speaker, no label of the record
        spans.append(m.span(1))
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if not text[m.end() : end].strip() and end < len(text):
            below = text.find("\n", end + 1)  # "Domain name:\n    lima.co.uk": the value below
            end = len(text) if below < 0 else below
        if _WHOIS_THING.fullmatch(m.group(1)) is not None:
            spans.append((m.end(), end))
        elif any(w in text[m.end() : end].lower() for w in _WITHHELD):
            spans.append((m.end(), end))  # "Tech Name: REDACTED FOR PRIVACY"
    return spans


# -- conference programmes ---------------------------------------------------------------------
# A talk's quoted title, a dash, then its speakers to the line's end ("14:00 "Tone and script"
# — Ana Lima, Rui Sousa (Porto)").
_TALK = re.compile(r"[\"”»][ \t]*(?:[—–]|-(?=[ \t]))[ \t]*([^\r\n]+)")


def _talks(finder: NameFinder, text: str) -> list[Found]:
    """The speakers after each talk's quoted title and its dash."""
    out: list[Found] = []
    for m in _TALK.finditer(text):
        out.extend(_listed(finder, text, *m.span(1)))
    return out


# -- metadata records ---------------------------------------------------------------------------
# The elements of an Atom feed (RFC 4287), a DOCX/ODF document's core properties and an XMP
# packet that name a person: an entry's "<author><name>Ana Lima</name>" and "<contributor>",
# "<dc:creator>", "<dc:contributor>", "<cp:lastModifiedBy>", "<meta:initial-creator>". XMP
# lists its creators as "<rdf:li>" items inside "<dc:creator><rdf:Seq>". "xmp:CreatorTool" is
# a program and "photoshop:AuthorsPosition" a job title: neither is read.
_XML_PERSON = re.compile(
    r"<(dc:creator|dc:contributor|cp:lastModifiedBy|meta:initial-creator|meta:creator"
    r"|author|contributor)(?:[ \t][^<>]*)?>"
)
_XML_NAME = re.compile(r"<name>([^<>\r\n]{1,120})</name>")
_RDF_LI = re.compile(r"<rdf:li(?:[ \t][^<>]*)?>([^<>\r\n]{1,120})</rdf:li>")
_XML_HINTS = ("<dc:c", "<cp:lastM", "<meta:", "<author>", "<contributor>", "<author ")


# The last word of an author or an owner that is a group, a studio or an application's
# placeholder, no person ("Release Team", "Docs Bot", "Northwind Images", "Microsoft Office
# User", "Various Artists").
_GROUP_WORDS = frozenset(
    {
        "team", "teams", "bot", "bots", "group", "staff", "project", "developers",
        "contributors", "maintainers", "community", "crew", "images", "photography", "photo",
        "photos", "pictures", "studio", "studios", "media", "editors", "authors", "admin",
        "user", "users", "artists",
    }
)  # fmt: skip


def _name_value(finder: NameFinder, text: str, a: int, b: int) -> list[Found]:
    """A record's name value: "Given Family", or "Family, Given" (each part read alone); a
    value of two commas or more is a list ("Ana Lima, Rui Sousa and Eva Roth"); a group's
    name ("Release Team") is none."""
    a, b = trimmed(text, a, b)
    value = text[a:b]
    if not value or value.split()[-1].lower().strip(".") in _GROUP_WORDS:
        return []
    if value.count(",") == 1 and " and " not in value and "&" not in value:
        c = text.index(",", a, b)
        return [
            g
            for s, e in ((a, c), (c + 1, b))
            if (g := placed_person(finder, text, s, e, firms=True))
        ]
    if "," in value or " and " in value or "&" in value or ";" in value:
        return _listed(finder, text, a, b)
    got = placed_person(finder, text, a, b, firms=True)
    return [] if got is None else [got]


def _xml_people(finder: NameFinder, text: str) -> list[Found]:
    """The people an Atom entry, a document's core properties or an XMP packet names."""
    out: list[Found] = []
    for m in _XML_PERSON.finditer(text):
        tag = m.group(1)
        close = text.find(f"</{tag}>", m.end())
        if close < 0:
            continue
        if tag in ("author", "contributor"):
            inner = _XML_NAME.search(text, m.end(), close)
            if inner is not None:  # Atom: the person's "<name>"
                out.extend(_name_value(finder, text, *inner.span(1)))
            elif "<" not in text[m.end() : close]:  # RSS 2.0 / plain "<author>Ana Lima</author>"
                out.extend(_name_value(finder, text, m.end(), close))
            continue
        items = list(_RDF_LI.finditer(text, m.end(), close))
        if items:  # XMP: "<dc:creator><rdf:Seq><rdf:li>Ana Lima</rdf:li>"
            for li in items:
                out.extend(_name_value(finder, text, *li.span(1)))
        elif "<" not in text[m.end() : close]:
            out.extend(_name_value(finder, text, m.end(), close))
    return out


# exiftool's listing ("Artist                          : Ana Lima") and the IPTC, XMP and
# Windows fields of the same meaning; a copyright notice's mark, years and closing words are no
# part of the holder's name ("(c) 2024 LIMA, Ana", "© 2019-2024 Ana Lima. All rights reserved").
_EXIF_PERSON = re.compile(
    r"(?m)^[ \t]*(?:Artist|Author|Creator|By-line|XP Author|Owner Name|Camera Owner Name"
    r"|Last Modified By|Copyright|Copyright Notice|Rights|Photographer)[ \t]*:[ \t]*"
    r"([^\r\n]{1,160})$"
)
_EXIF_HINTS = ("Artist", "Author", "Creator", "By-line", "Owner Name", "Modified By", "Copyright")
_COPYRIGHT_MARK = re.compile(
    r"(?i)(?:\(c\)|©|copyright)[ \t]*|(?<![\w])(?:1[89]|20)[0-9]{2}(?:[ \t]*[-–][ \t]*"
    r"(?:1[89]|20)[0-9]{2})?[ \t,]*|[.,]?[ \t]*all[ \t]+rights[ \t]+reserved\.?"
)


def _exif(finder: NameFinder, text: str) -> list[Found]:
    """The artist, author, owner and copyright holder of an exiftool listing."""
    out: list[Found] = []
    for m in _EXIF_PERSON.finditer(text):
        a, b = m.span(1)
        while (k := _COPYRIGHT_MARK.match(text, a, b)) is not None and k.end() > a:
            a = k.end()
        tail = _COPYRIGHT_MARK.search(text, a, b)
        if tail is not None and "all" in tail.group().lower():
            b = tail.start()
        out.extend(_name_value(finder, text, a, b))
    return out


# A Jupyter notebook's "authors" ("authors": [{"name": "Ana Lima"}]) and an ActivityPub
# actor's display name (a Mastodon profile: "type": "Person", "preferredUsername": …,
# "name": "Ana Lima"); the profile's "attachment" fields' "name" is their label ("Email").
_JSON_AUTHORS = re.compile(r'"authors"[ \t\r\n]*:[ \t\r\n]*\[([^\[\]]{0,2000})\]')
_JSON_NAME = re.compile(r'"name"[ \t\r\n]*:[ \t\r\n]*"([^"\\\r\n]{1,120})"')


# A profile field's label ("type": "PropertyValue", "name": "Website"): no person.
_PROPERTY_LABEL = re.compile(
    r'"type"[ \t]*:[ \t]*"PropertyValue"[ \t]*,[ \t]*"name"[ \t]*:[ \t]*"([^"\\\r\n]{1,120})"'
    r'|"name"[ \t]*:[ \t]*"([^"\\\r\n]{1,120})"[ \t]*,[ \t]*"type"[ \t]*:[ \t]*"PropertyValue"'
)


def _json_people(finder: NameFinder, text: str) -> list[Found]:
    """A notebook's authors and an ActivityPub person's display name."""
    out: list[Found] = []
    if '"authors"' in text:
        for m in _JSON_AUTHORS.finditer(text):
            for n in _JSON_NAME.finditer(text, *m.span(1)):
                out.extend(_name_value(finder, text, *n.span(1)))
    if '"preferredUsername"' in text and '"Person"' in text:
        depth = 0
        quoted = False
        k = 0
        for n in _JSON_NAME.finditer(text):
            while k < n.start():  # the actor's own "name", at its object's first level
                c = text[k]
                if c == '"' and (k == 0 or text[k - 1] != "\\"):
                    quoted = not quoted
                elif not quoted and c in "{[":
                    depth += 1
                elif not quoted and c in "}]":
                    depth -= 1
                k += 1
            if depth == 1:
                out.extend(_name_value(finder, text, *n.span(1)))
    return out


# A line that lists a project's maintainers or owners ("# Maintainers: Ana Lima and Rui Sousa",
# a CODEOWNERS file's or a README's header). The owners of a CODEOWNERS rule are accounts
# ("@ana-lima", "@org/team") or e-mails: a handle is an account's id, no person's name, and is
# not read here (an e-mail is the e-mail detector's).
_MAINTAINERS = re.compile(
    r"(?im)^[ \t]*(?:#+[ \t]*)?(?:maintainers?|maintained[ \t]+by|code[ \t]?owners|owners)"
    r"[ \t]*:[ \t]*([^\r\n]{1,200})$"
)


# A CODEOWNERS rule: a path pattern (a "/", "*" or "." in it: "/docs/", "*.js", "README.md"),
# then only its owners, each an account, a team or an e-mail address ("/docs/   @ana-lima
# @org/docs-team dev@example.org"); a chat line opening with a word and a mention ("ping
# @quang.le pls look at …") is none.
_OWNERS_RULE = re.compile(
    r"(?m)^[ \t]*(?=[^\s#@]*[/*.])[^\s#@][^\s]*[ \t]+(@[\w.-]+(?:/[\w.-]+)?"
    r"(?:[ \t]+(?:@[\w.-]+(?:/[\w.-]+)?|[\w.+-]+@[\w.-]+))*)[ \t]*$"
)


def _maintainers(finder: NameFinder, text: str) -> list[Found]:
    """The people a maintainers' line lists."""
    out: list[Found] = []
    for m in _MAINTAINERS.finditer(text):
        a, b = m.span(1)
        lt = text.find("<", a, b)  # "Ana Lima <ana@example.org>": the address is no name
        for got in _listed(finder, text, a, b if lt < 0 else lt):
            if text[got[0] : got[1]].split()[-1].lower() not in _GROUP_WORDS:
                out.append(got)
    return out


def owner_handles(text: str) -> list[tuple[int, int]]:
    """The owners of a CODEOWNERS file's rules: accounts and teams, no names."""
    return [m.span(1) for m in _OWNERS_RULE.finditer(text)] if "@" in text else []


# A table of people (a ship's crew list, a register) whose header names a family-name and a
# given-name column ("No. | Family name | Given names | Rank", "Apellidos | Nombre"): the
# cells under those columns are names, to the table's end (a blank line or a line without the
# separator). Capitals are read as written ("| LIMA | Ana |").
_FAMILY_COLUMNS = frozenset(
    {
        "family name", "family names", "surname", "surnames", "last name", "apelido",
        "apelidos", "sobrenome", "apellido", "apellidos", "nom", "nom de famille", "nachname",
        "familienname", "cognome", "achternaam", "nazwisko", "soyadı", "soyad", "efternamn",
        "etternavn", "efternavn", "sukunimi", "příjmení", "priezvisko", "vezetéknév",
        "prezime", "фамилия", "прізвище", "επώνυμο",
    }
)  # fmt: skip
_GIVEN_COLUMNS = frozenset(
    {
        "given name", "given names", "first name", "first names", "forename", "forenames",
        "nomes próprios", "nome próprio", "nombre", "nombres", "prénom", "prénoms", "vorname",
        "vornamen", "nome", "nomi", "voornaam", "voornamen", "imię", "imiona", "adı", "ad",
        "förnamn", "fornavn", "etunimi", "jméno", "meno", "keresztnév", "utónév", "ime",
        "имя", "імʼя", "ім'я", "όνομα",
    }
)  # fmt: skip
_COLUMN_HINTS = (
    "ame", "AME", "pelli", "PELLI", "pelid", "PELID", "nome", "NOME", "ombre", "OMBRE", "nom",
    "NOM", "Nach", "Vorn", "Фамил", "ФАМИЛ", "urname", "URNAME",
)  # fmt: skip


def _column_label(cell: str) -> str:
    return " ".join(cell.strip(" \t*:#_").lower().split())


def _columns(finder: NameFinder, text: str) -> list[Found]:
    """The names under a table's family-name and given-name columns."""
    out: list[Found] = []
    lines = text.split("\n")
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    i = 0
    while i < len(lines):
        line = lines[i]
        sep = "|" if "|" in line else "\t" if "\t" in line else ""
        if not sep:
            i += 1
            continue
        labels = [_column_label(c) for c in line.split(sep)]
        cols = [j for j, c in enumerate(labels) if c in _FAMILY_COLUMNS or c in _GIVEN_COLUMNS]
        if not any(labels[j] in _FAMILY_COLUMNS for j in cols) or not any(
            labels[j] in _GIVEN_COLUMNS for j in cols
        ):
            i += 1
            continue
        i += 1
        while i < len(lines) and sep in lines[i] and lines[i].strip():
            k = starts[i]
            for j, cell in enumerate(lines[i].split(sep)):
                if j in cols:
                    got = placed_person(finder, text, k, k + len(cell), firms=True)
                    if got is not None:
                        out.append(got)
                k += len(cell) + 1
            i += 1
    return out


def table_things(text: str) -> list[tuple[int, int]]:
    """What a table of people says is no person: its header line (the labels "Family name",
    "Given names") and the cells of its other columns (a rank "Master", "Cook")."""
    out: list[tuple[int, int]] = []
    lines = text.split("\n")
    at = 0
    cols: list[int] = []
    sep = ""
    for line in lines:
        if cols and sep in line and line.strip():
            k = at
            for j, cell in enumerate(line.split(sep)):
                if j not in cols:
                    out.append((k, k + len(cell)))
                k += len(cell) + 1
        else:
            cols = []
            sep = "|" if "|" in line else "\t" if "\t" in line else ""
            labels = [_column_label(c) for c in line.split(sep)] if sep else []
            if any(c in _FAMILY_COLUMNS for c in labels) and any(
                c in _GIVEN_COLUMNS for c in labels
            ):
                out.append((at, at + len(line)))
                cols = [
                    j for j, c in enumerate(labels) if c in _FAMILY_COLUMNS or c in _GIVEN_COLUMNS
                ]
        at += len(line) + 1
    return out


# -- patch trailers and list digests -------------------------------------------------------------
# A patch's trailers credit people by name, the mailbox optional ("Reviewed-by: Ana Lima",
# "Signed-off-by: Ana Lima <ana@…>"); a bot's address alone ("Reported-by: syzbot+…@…") is none.
_TRAILER = re.compile(
    r"(?im)^[ \t]*(?:signed-off|reviewed|acked|tested|reported|suggested|co-developed|co-authored"
    r"|reported-and-tested|helped|requested|debugged|original-patch)-by:[ \t]*"
    r"([^<>@\r\n]{2,80}?)[ \t]*(?:<[^<>\r\n]*>[ \t]*)?\r?$"
)
# A Mailman digest's table of contents: "Today's Topics:", then "  1. Re: meeting (Ana Lima)"
# (or "(by Ana Lima)"): the author in the brackets closing a numbered line.
_DIGEST_HINTS = ("Today's Topics", "Today’s Topics", "Themen des Tages", "Sujets du jour")
_DIGEST_TOPIC = re.compile(
    r"(?m)^[ \t]*\d{1,3}\.[ \t]+[^\r\n]*?\((?:by[ \t]+)?([^()\r\n]{2,80})\)[ \t]*\r?$"
)
# What ends the table of contents: a blank line, a rule, the first message.
_DIGEST_END = re.compile(r"\n[ \t]*\r?\n|\n-{5,}|\nMessage: ")


def _trailers(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for m in _TRAILER.finditer(text):
        a, b = trimmed(text, *m.span(1))
        if a >= b or text[a].islower():
            continue  # "kernel test robot"
        if (got := placed_person(finder, text, a, b, firms=True)) is not None:
            out.append(got)
    return out


def _digest(finder: NameFinder, text: str) -> list[Found]:
    out: list[Found] = []
    for hint in _DIGEST_HINTS:
        at = text.find(hint)
        if at < 0:
            continue
        end = _DIGEST_END.search(text, at)
        for m in _DIGEST_TOPIC.finditer(text, at, len(text) if end is None else end.start()):
            a, b = trimmed(text, *m.span(1))
            if a >= b or text[a].islower():
                continue  # "(optional)"
            if (got := placed_person(finder, text, a, b, common=True)) is not None:
                out.append(got)
    return out


def names(finder: NameFinder, text: str) -> list[Found]:
    """The names of the records above that ``text`` holds, each form behind its own test."""
    out: list[Found] = []
    if ("$" in text or "‡" in text or "ǂ" in text or "|" in text) and _MARC_HINT.search(text):
        out.extend(_marc(finder, text))
    if "@" in text and "<" in text and ("\n" in text or text.startswith(("uid", " -- "))):
        out.extend(_mailboxes(finder, text))
    if ("ser.name" in text or "_NAME" in text or "[user]" in text) and (
        "git" in text.lower() or "[user]" in text
    ):
        out.extend(_git(finder, text))
    if "urgency=" in text and _DEB_ENTRY.search(text) is not None:
        out.extend(_debian(finder, text))
    if ":" in text and ("ame:" in text or "AME:" in text) and _WHOIS_HINT.search(text):
        out.extend(_whois(finder, text))
    if ("—" in text or "–" in text or " - " in text) and (
        '"' in text or "”" in text or "»" in text
    ):
        out.extend(_talks(finder, text))
    if "</" in text and any(h in text for h in _XML_HINTS):
        out.extend(_xml_people(finder, text))
    if ":" in text and any(h in text for h in _EXIF_HINTS):
        out.extend(_exif(finder, text))
    if '"name"' in text and ('"authors"' in text or '"preferredUsername"' in text):
        out.extend(_json_people(finder, text))
    if (
        "aintain" in text or "AINTAIN" in text or "wners" in text or "WNERS" in text
    ) and ":" in text:
        out.extend(_maintainers(finder, text))
    if ("|" in text or "\t" in text) and any(h in text for h in _COLUMN_HINTS):
        out.extend(_columns(finder, text))
    if "-by:" in text or "-By:" in text or "-BY:" in text:
        out.extend(_trailers(finder, text))  # "Reviewed-by: Ana Lima"
    if "Topics" in text or " du jour" in text or " des Tages" in text:
        out.extend(_digest(finder, text))  # "Today's Topics:\n  1. Re: meeting (Ana Lima)"
    return out


# -- what a record says is no person -----------------------------------------------------------
# A MARC record's publication field (260, 264): its place, publisher and date name no person
# ("264 _1 $a Bergen : $b Johnson Press, $c 2019.").
_PUBLISHER = re.compile(r"(?m)^[ \t]*=?26[04][ \t]+[0-9#_\\ ]{0,6}?[ \t]*([$‡ǂ|][a-z][^\r\n]*)")
_INSTITUTION_HINTS = ("nstitut", "oundation", "ondation", "undación", "tiftung", "nstytut")


def thing_hint(text: str) -> bool:
    """Whether ``dropped`` may drop anything in ``text``: a cheap test."""
    return (
        any(h in text for h in _INSTITUTION_HINTS)
        or ("ame:" in text or "AME:" in text or "egistrar" in text)
        or ("26" in text and ("$" in text or "‡" in text or "ǂ" in text or "|" in text))
    )


def dropped(finder: NameFinder, text: str, found: list[Found]) -> list[Found]:
    """``found`` without a WHOIS record's labels and thing values, a MARC record's publisher
    and a name an institution's word follows or ends ("Michelin Institute", "(Ford
    Foundation)")."""
    spans: list[tuple[int, int]] = []
    spans.extend(whois_things(text))
    if "26" in text and ("$" in text or "‡" in text or "ǂ" in text or "|" in text):
        spans.extend(m.span(1) for m in _PUBLISHER.finditer(text))
    institution = any(h in text for h in _INSTITUTION_HINTS)
    if not spans and not institution:
        return found
    out: list[Found] = []
    for f in found:
        if any(a <= f[0] < b for a, b in spans):
            continue
        if institution and _institution(text, f[0], f[1]):
            continue
        out.append(f)
    return out


def institution_word(word: str) -> bool:
    """Whether ``word`` is the word of an institution named after someone ("Institute")."""
    return word.lower() in _FOLLOWED


def _institution(text: str, a: int, b: int) -> bool:
    """Whether the name at ``a``–``b`` ends with an institution's word or one follows it
    ("Michelin Institute", "Johnson & Johnson Institute", "Ford Foundation")."""
    words = text[a:b].split()
    if words and words[-1].lower() in _FOLLOWED:
        return True
    m = _FOLLOWING.match(text, b)
    return m is not None and m.group(1).lower() in _FOLLOWED


# An institution's word after a name, maybe after "& Family" ("Johnson & Johnson Institute").
_FOLLOWING = re.compile(r"(?:[ \t]+&[ \t]+[^\W\d_]+)?[ \t]+([^\W\d_]+)")
_FOLLOWED = frozenset(
    {
        "institute",
        "institut",
        "instituto",
        "istituto",
        "instytut",
        "foundation",
        "fondation",
        "fundación",
        "fundação",
        "stiftung",
    }
)


# A vessel's name on a crew list or a manifest ("Name of ship: MV Ada Lovelace", "Nome do
# navio: Vasco da Gama"): a ship, often named after a person, is none.
_SHIP_LABEL = re.compile(
    r"(?i)(?:name[ \t]+of[ \t]+(?:the[ \t]+)?(?:ship|vessel)|ship'?s[ \t]+name"
    r"|vessel(?:[ \t]+name)?"
    r"|nome[ \t]+do[ \t]+navio|nombre[ \t]+del[ \t]+(?:buque|barco)|nom[ \t]+du[ \t]+navire"
    r"|schiffsname|name[ \t]+des[ \t]+schiffes)[ \t]*:[ \t]*([^\r\n|]{1,80})"
)
_SHIP_HINTS = ("ship", "Ship", "SHIP", "essel", "ESSEL", "navio", "NAVIO", "buque", "barco",
               "navire", "chiff")  # fmt: skip


def record_things(text: str) -> list[tuple[int, int]]:
    """What the records above say is no person, wherever a name was found in it: a table of
    people's labels and other columns, a ship's name, a CODEOWNERS rule's accounts and an
    ActivityPub profile field's label."""
    out: list[tuple[int, int]] = []
    if ("|" in text or "\t" in text) and any(h in text for h in _COLUMN_HINTS):
        out.extend(table_things(text))
    if ":" in text and any(h in text for h in _SHIP_HINTS):
        out.extend(m.span(1) for m in _SHIP_LABEL.finditer(text))
    if "@" in text and "/" in text:
        out.extend(owner_handles(text))
    if '"PropertyValue"' in text:
        for m in _PROPERTY_LABEL.finditer(text):
            out.append(m.span(1) if m.group(1) is not None else m.span(2))
    return out
