"""Where clinical record formats put a person's name or phone: the fields of HL7 v2 segments,
the attributes of DICOM whose value representation is a person name, and FHIR's HumanName.

The standard says which field holds what, so these readers go by the segment, the field's
position, the attribute's VR or the JSON key, never by the words of the value: "PV1-7" is the
attending doctor whatever the doctor is called, and a facility in "MSH-4", a drug in "RXE" or
an institution in DICOM's "(0008,0080) LO" is no field of a person and is not read.

Each reader returns spans of the text (``(start, end)``); the name finder and the phone
detector judge the words or digits there. Every reader is gated by a substring test, so a text
that is no such record costs a few ``in`` checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def clinical_gate(text: str) -> bool:
    """Whether ``text`` may hold one of the records read here: an HL7 field separator or
    component separator, a DICOM PN or physician attribute, a FHIR name's key."""
    return (
        "|" in text
        or "^" in text
        or "PN" in text
        or '"given"' in text
        or '"text"' in text
        or "hysician" in text
    )


# -- HL7 v2 ------------------------------------------------------------------------------------

# The person-name fields of HL7 v2 (2.3-2.8) by segment and field number (MSH counts its own
# separator as field 1; no name field of MSH is read). "XPN" names are family^given^middle^…;
# "XCN" names (providers, operators) are id^family^given^middle^…: which components hold words
# of the name. Senders often leave an XCN's ID out and write the name from its first
# component ("HOUSE^GREGORY^^^DR"): an XCN whose first component holds no digit is read so.
_XPN = (0, 1, 2)
_XCN = (1, 2, 3)
HL7_NAME_FIELDS: dict[str, dict[int, tuple[int, ...]]] = {
    "PID": {5: _XPN, 6: _XPN, 9: _XPN},  # patient, mother's maiden name, alias
    "PD1": {4: _XCN},  # primary care provider
    "NK1": {2: _XPN, 30: _XPN},  # next of kin / associated party, contact person
    "PV1": {
        7: _XCN,
        8: _XCN,
        9: _XCN,
        17: _XCN,
        52: _XCN,
    },  # attending, referring, consulting, admitting, other
    "PV2": {13: _XCN},  # referral source
    "EVN": {5: _XCN},  # operator
    "ORC": {10: _XCN, 11: _XCN, 12: _XCN, 19: _XCN},  # entered, verified, ordering, action by
    "OBR": {16: _XCN, 28: _XCN},  # ordering provider, result copies to
    "OBX": {16: _XCN},  # responsible observer
    "GT1": {3: _XPN},  # guarantor
    "IN1": {16: _XPN},  # name of insured
    "MRG": {7: _XPN},  # prior patient name
    "ROL": {4: _XCN},  # role person
    "AIP": {3: _XCN},  # personnel resource
    "TXA": {
        5: _XCN,
        9: _XCN,
        10: _XCN,
        11: _XCN,
    },  # provider, originator, authenticator, transcriptionist
}
# The telephone fields (XTN): home and business phones of the patient, the next of kin and the
# guarantor, the contact person's, an order's call-back number.
HL7_PHONE_FIELDS: dict[str, frozenset[int]] = {
    "PID": frozenset({13, 14}),
    "NK1": frozenset({5, 6, 31}),
    "GT1": frozenset({6, 7}),
    "ORC": frozenset({14}),
    "OBR": frozenset({17}),
}
_HL7_SEGMENTS = "|".join(sorted({*HL7_NAME_FIELDS, *HL7_PHONE_FIELDS}))
# A segment opens a line (or follows a carriage return, HL7's own segment end) with its
# three-letter id and the field separator.
_HL7_SEGMENT = re.compile(rf"(?:^|(?<=[\r\n]))[ \t]*({_HL7_SEGMENTS})\|")
_HL7_MSH = re.compile(r"(?:^|(?<=[\r\n]))[ \t]*MSH(.)(.)(.)")
_LINE_END = re.compile(r"[\r\n]")
# A phone as XTN's first component writes it: digits, spaces, brackets, dots, dashes, a
# leading "+", an extension ("x123", "ext 12"). Seven digits at least.
_XTN_TEXT = re.compile(r"\+?[\d() ./-]*\d(?:[ \t]*(?:[xX]|ext\.?)[ \t]*\d{1,6})?")


def _hl7_separators(text: str) -> tuple[str, str, str]:
    """(field, component, repetition) separators: MSH-1 and MSH-2 when the message has an MSH
    segment, else HL7's defaults."""
    m = _HL7_MSH.search(text)
    if m is not None and m.group(1) not in " \t\r\n" and m.group(2) not in " \t\r\n":
        return m.group(1), m.group(2), m.group(3)
    return "|", "^", "~"


def _hl7_fields(text: str) -> Iterator[tuple[str, int, int, int]]:
    """(segment, field number, start, end) of every field of the person-name and phone
    segments."""
    sep = "|"
    for m in _HL7_SEGMENT.finditer(text):
        seg = m.group(1)
        end_m = _LINE_END.search(text, m.end())
        stop = end_m.start() if end_m is not None else len(text)
        at, number = m.end(), 1
        while at <= stop:
            nxt = text.find(sep, at, stop)
            fin = stop if nxt < 0 else nxt
            yield seg, number, at, fin
            if nxt < 0:
                break
            at, number = nxt + 1, number + 1


def _components(text: str, a: int, b: int, comp: str, rep: str) -> Iterator[list[tuple[int, int]]]:
    """Each repetition of field ``text[a:b]`` as its components' spans."""
    at = a
    while at <= b:
        r = text.find(rep, at, b)
        rend = b if r < 0 else r
        parts, c = [], at
        while True:
            n = text.find(comp, c, rend)
            parts.append((c, rend if n < 0 else n))
            if n < 0:
                break
            c = n + 1
        yield parts
        if r < 0:
            break
        at = r + 1


_HL7_ANY_SEGMENT = re.compile(r"(?:^|(?<=[\r\n]))[ \t]*([A-Z][A-Z0-9]{2})\|")


def hl7_segment_ids(text: str) -> list[tuple[int, int]]:
    """The spans of the segment ids of an HL7 v2 message ("ORC" of "…^^^DR\rORC|NW|…"): no
    names, though a title may stand right before one."""
    if "|" not in text or _HL7_SEGMENT.search(text) is None:
        return []
    return [m.span(1) for m in _HL7_ANY_SEGMENT.finditer(text)]


def hl7_name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the name words (family, given, middle) of HL7 v2's person-name fields:
    "PID|…||DOE^JANE^Q||…", "NK1|1|DOE^JOHN|SPO|…", "PV1|…|1234^HOUSE^GREGORY^^^DR|…"."""
    if "|" not in text or _HL7_SEGMENT.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    _, comp, rep = _hl7_separators(text)
    for seg, number, a, b in _hl7_fields(text):
        parts_of = HL7_NAME_FIELDS.get(seg, {}).get(number)
        if parts_of is None or a == b:
            continue
        for parts in _components(text, a, b, comp, rep):
            first = text[parts[0][0] : parts[0][1]]
            if parts_of is _XCN and first.strip() and not any(ch.isdigit() for ch in first):
                parts_of = _XPN  # an XCN written without its ID: "HOUSE^GREGORY^^^DR"
            for k in parts_of:
                if k < len(parts):
                    pa, pb = parts[k]
                    sub = text.find("&", pa, pb)  # a family name's own subcomponents
                    out.append((pa, sub if sub >= 0 else pb))
    return out


def hl7_phones(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, number as written)`` of the numbers in HL7 v2's telephone fields (XTN):
    the first component as written ("(555) 123-4567^PRN^PH"), the unformatted number
    (component 12), and the country, area and local number components
    ("^PRN^PH^^49^30^1234567": "+49 30 1234567"). Seven digits at least."""
    if "|" not in text or _HL7_SEGMENT.search(text) is None:
        return []
    out: list[tuple[int, int, str]] = []
    _, comp, rep = _hl7_separators(text)
    for seg, number, a, b in _hl7_fields(text):
        if number not in HL7_PHONE_FIELDS.get(seg, ()) or a == b:
            continue
        for parts in _components(text, a, b, comp, rep):
            pieces = [parts[0]]
            if len(parts) > 11:
                pieces.append(parts[11])
            for pa, pb in pieces:
                written = text[pa:pb].strip()
                digits = sum(ch.isdigit() for ch in written)
                if digits >= 7 and _XTN_TEXT.fullmatch(written) is not None:
                    lead = len(text[pa:pb]) - len(text[pa:pb].lstrip())
                    out.append((pa + lead, pa + lead + len(written), written))
            if len(parts) < 7 or parts[6][1] <= parts[6][0]:
                continue
            coded = [text[p[0] : p[1]].strip() for p in parts[4:7]]
            if not all(c.isdigit() or not c for c in coded) or sum(map(len, coded)) < 7:
                continue
            first = next(p for p in parts[4:7] if p[1] > p[0])
            country, area, local = coded
            written = (f"+{country} " if country else "") + (f"{area} " if area else "") + local
            if not country and area and not area.startswith("0"):
                written = f"0{area} {local}"  # a national number: its trunk prefix
            out.append((first[0], parts[6][1], written))
    return out


# -- DICOM -------------------------------------------------------------------------------------

# A dump's element of value representation PN ("Person Name"), as dcmdump, gdcmdump and
# dcm4che print it ("(0008,0090) PN [Doe^Jane]") and as pydicom does ("(0010, 0010) Patient's
# Name  PN: 'Doe^Jane'").
_DICOM_PN = re.compile(
    r"\([ \t]*[0-9A-Fa-f]{4}[ \t]*,[ \t]*[0-9A-Fa-f]{4}[ \t]*\)[^\n\[\]\"]{0,60}?"
    r"(?<![A-Za-z])PN(?![A-Za-z])[ \t]*:?[ \t]*(?:\[([^\]\n]*)\]|'([^'\n]*)'|\"([^\"\n]*)\")"
)
# The keywords (and the dumps' attribute names) of the usual PN attributes, written as a
# key: "PatientName: Doe^Jane", "ReferringPhysicianName = …", "Operators' Name: …".
_DICOM_PN_KEY = re.compile(
    r"(?<![A-Za-z])(?:(?:Patient|Patient[ \t]?Birth|Patient[ \t]?Mother[ \t]?Birth|"
    r"Referring[ \t]?Physician|Performing[ \t]?Physician|Consulting[ \t]?Physician|"
    r"Scheduled[ \t]?Performing[ \t]?Physician|Operator|Reviewer|Verifying[ \t]?Observer|"
    r"Content[ \t]?Creator)(?:'s|s'|s)?[ \t]?Name|Other[ \t]?Patient[ \t]?Names|"
    r"Name[ \t]?[Oo]f[ \t]?Physicians?(?:\(s\))?[ \t]?Reading[ \t]?Study|"
    r"Physicians?(?:\(s\))?[ \t]?[Oo]f[ \t]?Record|Requesting[ \t]?Physician|"
    r"Responsible[ \t]?Person)(?![A-Za-z])"
    r"[ \t]*(?:\([^()\n]{0,12}\)[ \t]*)?[:=][ \t]*"
    r"(?:\[([^\]\n]*)\]|'([^'\n]*)'|\"([^\"\n]*)\"|([^\n\[\]'\",;|]*[^\s\[\]'\",;|]))"
)
_DICOM_GATE = (
    "PN",
    "hysician",
    "atientName",
    "atient's Name",
    "Operator",
    "Reviewer",
    "Observer",
    "CreatorName",
    "Creator's Name",
    "esponsible",
)


def _pn_parts(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The family, given and middle name spans of a PN value ("Doe^Jane^Q^Dr^"), in each of
    its component groups ("Yamada^Tarou=山田^太郎=やまだ^たろう") and values ("A^B\\C^D")."""
    at = a
    for value in re.split(r"[=\\]", text[a:b]):
        c = at
        for k, part in enumerate(value.split("^")):
            if k < 3:
                yield c, c + len(part)
            c += len(part) + 1
        at += len(value) + 1


def dicom_name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the name words of DICOM person-name attributes: any element whose VR is
    PN in a dump, and the usual PN attributes written by keyword."""
    if not any(g in text for g in _DICOM_GATE):
        return []
    out: list[tuple[int, int]] = []
    for pattern in (_DICOM_PN, _DICOM_PN_KEY):
        for m in pattern.finditer(text):
            group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None)
            out.extend(_pn_parts(text, *m.span(group)))
    return out


# -- FHIR --------------------------------------------------------------------------------------

# HumanName's "given" as a JSON array ("given": ["Peter", "James"]) and its "text" inside a
# name object ("name": [{"text": "Peter James Chalmers", …}]).
_FHIR_GIVEN = re.compile(r"\"given\"[ \t]*:[ \t\r\n]*\[([^\[\]]{0,400})\]")
_JSON_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.){1,80})\"")
_FHIR_NAME_OBJECT = re.compile(r"\"name\"[ \t]*:[ \t\r\n]*\[?[ \t\r\n]*\{([^{}]{0,600})")
_FHIR_TEXT = re.compile(r"\"text\"[ \t]*:[ \t]*\"((?:[^\"\\\n]|\\.){1,80})\"")


def fhir_name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the given names of a FHIR HumanName array and of a name object's "text"
    (a Patient's, a Practitioner's, a RelatedPerson's or a contact's name). "family" and a
    one-string "given" are read as form fields already; a "name" that is a string (an
    Organization's, a Location's) is no HumanName and is not read here."""
    if '"given"' not in text and '"text"' not in text:
        return []
    out: list[tuple[int, int]] = []
    if '"given"' in text:
        for m in _FHIR_GIVEN.finditer(text):
            out.extend(s.span(1) for s in _JSON_STRING.finditer(text, *m.span(1)))
    if '"text"' in text and '"name"' in text:
        for m in _FHIR_NAME_OBJECT.finditer(text):
            out.extend(t.span(1) for t in _FHIR_TEXT.finditer(text, *m.span(1)))
    return out


# Resources whose "name" is a string naming a thing, not a HumanName.
_FHIR_THING = re.compile(
    r"\"resourceType\"[ \t]*:[ \t]*\"(?:Organization|Location|HealthcareService|Endpoint|Device|"
    r"DeviceDefinition|Medication|MedicationKnowledge|Substance|InsurancePlan|Group|"
    r"OrganizationAffiliation|ResearchStudy|PlanDefinition|ActivityDefinition|ValueSet|"
    r"CodeSystem|StructureDefinition|Questionnaire)\""
)
_FHIR_RESOURCE_TYPE = re.compile(r"\"resourceType\"[ \t]*:")
_FHIR_NAME_STRING = re.compile(r"\"(?:name|alias)\"[ \t]*:[ \t]*\"((?:[^\"\\\n]|\\.){0,200})\"")


def fhir_thing_names(text: str) -> list[tuple[int, int]]:
    """The spans of the "name" (and "alias") strings of FHIR resources that name a thing: an
    Organization, a Location, a Device, a Medication …, up to the next "resourceType"."""
    if '"resourceType"' not in text or _FHIR_THING.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    for m in _FHIR_THING.finditer(text):
        nxt = _FHIR_RESOURCE_TYPE.search(text, m.end())
        stop = nxt.start() if nxt is not None else len(text)
        out.extend(n.span(1) for n in _FHIR_NAME_STRING.finditer(text, m.end(), stop))
    return out
