"""First cut of masking: structured personal fields dropped, free text scanned by detectors.

Detected values become typed tokens (``<EMAIL>``, ``<PHONE>`` …). The subject's own known values
(name, email, phone from their profile) are replaced too when the profile is known to the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

POLICY_VERSION = "builtin-1"

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_IBAN = r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b"
_CARD = r"\b(?:\d[ -]?){12,18}\d\b"
_IPV4 = r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"
_IPV6 = r"(?<![:\w])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?![:\w])"
_PHONE = r"(?<![\w.])\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{2,4}\)?){2,5}(?![\w.])"
_PATTERN = re.compile(
    "|".join(
        f"(?P<{name}>{rx})"
        for name, rx in (
            ("EMAIL", _EMAIL),
            ("IBAN", _IBAN),
            ("CARD", _CARD),
            ("IPV6", _IPV6),
            ("IP", _IPV4),
            ("PHONE", _PHONE),
        )
    )
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    s = value.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in moved)
    return int(num) % 97 == 1


def _replace(m: re.Match[str]) -> str:
    kind = m.lastgroup or "PII"
    value = m.group(0)
    if kind == "CARD":
        digits = re.sub(r"\D", "", value)
        if not (13 <= len(digits) <= 19 and luhn_ok(digits)):
            return _PATTERN.sub(_replace_phone_only, value) if len(digits) <= 15 else value
    elif kind == "IBAN":
        if not iban_ok(value):
            return value
    elif kind == "PHONE":
        digits = re.sub(r"\D", "", value)
        if len(digits) < 7 or len(digits) > 15:
            return value
    return f"<{'IP' if kind == 'IPV6' else kind}>"


def _replace_phone_only(m: re.Match[str]) -> str:
    if m.lastgroup == "PHONE":
        digits = re.sub(r"\D", "", m.group(0))
        if 7 <= len(digits) <= 15:
            return "<PHONE>"
    return m.group(0)


def mask_text(text: str, known: Iterable[str] = ()) -> str:
    out = text
    for value in sorted({k for k in known if k and len(k) >= 3}, key=len, reverse=True):
        out = re.sub(re.escape(value), "<PERSON>", out, flags=re.IGNORECASE)
    return _PATTERN.sub(_replace, out)


# Structured fields that are personal in each platform's records: dropped from masked rows.
DROP_FIELDS: dict[str, dict[str, frozenset[str]]] = {
    "peki": {
        "users": frozenset(
            {
                "id",
                "firstName",
                "lastName",
                "email",
                "phoneNumber",
                "username",
                "dataDictionary",
                "lastReceivedText",
            }
        ),
        "sessions": frozenset({"chatUserId", "chatUserName"}),
        "messages": frozenset({"chatUserId"}),
    },
}
TEXT_FIELDS: dict[str, dict[str, frozenset[str]]] = {
    "peki": {
        "users": frozenset(),
        "sessions": frozenset({"subject", "summary"}),
        "messages": frozenset({"text", "url"}),
    },
}


def mask_record(
    source_type: str, table: str, data: dict[str, Any], known: Iterable[str] = ()
) -> dict[str, Any]:
    drop = DROP_FIELDS.get(source_type, {}).get(table, frozenset())
    text = TEXT_FIELDS.get(source_type, {}).get(table, frozenset())
    known = tuple(known)
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k in drop:
            continue
        out[k] = mask_text(v, known) if k in text and isinstance(v, str) else v
    return out


def known_values(source_type: str, user: dict[str, Any]) -> tuple[str, ...]:
    """The values a person's own messages may repeat: their name, email, phone."""
    if source_type != "peki":
        return ()
    vals = [
        user.get("firstName"),
        user.get("lastName"),
        user.get("email"),
        user.get("phoneNumber"),
        user.get("username"),
    ]
    first, last = user.get("firstName"), user.get("lastName")
    if first and last:
        vals.append(f"{first} {last}")
    return tuple(str(v) for v in vals if isinstance(v, str) and v)
