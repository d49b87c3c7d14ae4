"""The masking policy: a versioned YAML file, checked by ``schemas/policy.schema.json``.

It says, per platform, table and field path, what masked rows keep of a record: ``drop``,
``redact`` (a typed token), ``pseudonymise`` (keyed HMAC), ``mask`` (text detectors) or
``keep``; which fields hold a person's own name, email, phone or username (matched in all their
records; ``auto`` and ``pair`` infer the kind); how the detectors behave (phones, names by cue
and position, learning names from conversations); and custom patterns. The policy's version and the
SHA-256 of its file go into every manifest, so each object says how it was masked.

Field paths: ``user_info.email``, ``channels[].channelUId`` (each element of a list),
``tags.userTags[].value``. A rule applies to the whole value at its path; fields no rule names
get the nearest enclosing rule's action, or the table's ``default``.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import phonenumbers
import yaml

from archiver.config import _where, load_schema
from archiver.errors import ConfigError
from archiver.transform.detectors import NUMBERING, CustomPattern, DetectorSettings, pair_key
from archiver.transform.gazetteer import (
    UnknownLocale,
    ascii_form,
    common_words,
    first_names,
    last_names,
    native_names,
)
from archiver.transform.namewords import NameCues, fold

ACTIONS = ("drop", "redact", "pseudonymise", "mask", "keep")
TERMINAL = frozenset({"drop", "redact", "pseudonymise"})
TABLES = ("users", "sessions", "messages")
DEFAULT_POLICY = "default.yaml"


@dataclass(frozen=True)
class Rule:
    action: str
    kind: str | None = None  # token kind for redact / pseudonymise (``<EMAIL:…>``)
    known: str | None = None  # name | email | phone | username: learnt as the person's own value
    subject: bool = False  # pseudonymise as the subject id (joins with the subject_id column)


@dataclass
class PathNode:
    """One level of the field-path tree of a table; ``items`` applies to list elements."""

    rule: Rule | None = None
    children: dict[str, PathNode] = field(default_factory=dict)
    items: PathNode | None = None


Segment = tuple[str, bool]  # (key, each element of a list)


@dataclass(frozen=True)
class TablePolicy:
    default: str
    root: PathNode
    known_paths: tuple[tuple[tuple[Segment, ...], str], ...]
    columns: dict[str, str]


@dataclass(frozen=True)
class Policy:
    version: str
    name: str
    sha256: str
    token_hash: bool
    detectors: DetectorSettings
    platforms: dict[str, dict[str, TablePolicy]]

    @property
    def ref(self) -> dict[str, Any]:
        """What the manifest records: the policy file's version and hash, and the settings the
        config changed (they alter the output as much as the file does)."""
        return {
            "version": self.version,
            "sha256": self.sha256,
            "name": self.name,
            "settings": {
                "default_region": self.detectors.phone_regions[0],
                "token_hash": self.token_hash,
            },
        }

    def covers(self, platform: str) -> bool:
        return platform in self.platforms

    def table(self, platform: str, table: str) -> TablePolicy:
        try:
            return self.platforms[platform][table]
        except KeyError:
            raise ConfigError(
                f"masking policy {self.name} has no rules for {platform} {table}",
                hint="add them under platforms in the policy file",
            ) from None


_PATH_SEGMENT = re.compile(r"([^.\[\]]+)(\[\])?")


def parse_path(path: str) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for part in path.split("."):
        m = _PATH_SEGMENT.fullmatch(part)
        if m is None:
            raise ValueError(path)
        out.append((m.group(1), m.group(2) is not None))
    return tuple(out)


def load_policy(
    path: Path | None = None, *, default_region: str | None = None, token_hash: bool | None = None
) -> Policy:
    """Read, validate and compile a policy file (the shipped default when ``path`` is None).

    ``default_region`` and ``token_hash`` override the file (from the ``masking`` config).
    """
    if path is None:
        ref = resources.files("archiver").joinpath("policies", DEFAULT_POLICY)
        data, name = ref.read_bytes(), f"builtin:{DEFAULT_POLICY}"
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(
                f"config key masking.policy: cannot read policy file {path} ({exc.strerror})"
            ) from None
        name = path.name
    return parse_policy(data, name=name, default_region=default_region, token_hash=token_hash)


#: libyaml's safe loader where PyYAML was built with it: the same documents, about 9× faster
#: on the default policy (0.48 s → 0.055 s), which every command and worker parses at start.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_policy(
    data: bytes, *, name: str, default_region: str | None = None, token_hash: bool | None = None
) -> Policy:
    try:
        doc = yaml.load(data, Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"masking policy {name}: not valid YAML{where}") from None
    validator = jsonschema.Draft202012Validator(load_schema("policy.schema.json"))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise ConfigError(
            f"masking policy {name}: key {_where(e.absolute_path)}: {e.message}{more}"
        )

    def fail(where: str, why: str) -> ConfigError:
        return ConfigError(f"masking policy {name}: key {where}: {why}")

    det = doc.get("detectors", {})
    phone = det.get("phone", {})
    region = default_region or phone.get("default_region", "TR")
    regions = (region, *(r for r in phone.get("regions", []) if r != region))
    for i, r in enumerate(regions):
        if r not in phonenumbers.SUPPORTED_REGIONS:
            where = "masking.default_region" if i == 0 and default_region else "phone regions"
            raise fail(where, f"{r!r} is not a region libphonenumber knows")
    url = det.get("url", {})
    known = det.get("known", {})
    names = det.get("names", {})
    learn = det.get("learn", {})
    labels = det.get("labels", {})
    custom: list[CustomPattern] = []
    for i, c in enumerate(doc.get("custom", [])):
        try:
            rx = re.compile(c["pattern"], re.IGNORECASE if c.get("ignore_case") else 0)
        except re.error as exc:
            raise fail(f"custom[{i}].pattern", f"not a valid regular expression ({exc})") from None
        group: str | int = c.get("group", 0)
        if isinstance(group, str) and group not in rx.groupindex:
            raise fail(f"custom[{i}].group", f"the pattern has no group named {group!r}")
        if isinstance(group, int) and group > rx.groups:
            raise fail(f"custom[{i}].group", f"the pattern has only {rx.groups} group(s)")
        custom.append(CustomPattern(c["name"], c["kind"], rx, group))
    native = _native(names.get("gazetteer", {}), fail)
    email = det.get("email") if isinstance(det.get("email"), dict) else {}
    ip = det.get("ip") if isinstance(det.get("ip"), dict) else {}
    keep_networks = []
    for i, net in enumerate(ip.get("keep_networks", ())):
        try:
            keep_networks.append(ipaddress.ip_network(net, strict=False))
        except ValueError:
            raise fail(f"detectors.ip.keep_networks[{i}]", f"{net!r} is not a network") from None
    settings = DetectorSettings(
        email=_on(det.get("email")),
        email_keep_roles=_folded(email.get("keep_roles", ())),
        email_personal_domains=tuple(d.lower() for d in email.get("personal_domains", ())),
        ip_keep_networks=tuple(keep_networks),
        phone=_on(phone),
        card=_on(det.get("card")),
        iban=_on(det.get("iban")),
        ip=_on(det.get("ip")),
        url=_on(url),
        known=_on(known),
        phone_regions=regions,
        phone_min_digits=phone.get("min_digits", 7),
        phone_max_digits=phone.get("max_digits", 15),
        phone_short_digits=phone.get("short_digits", 0),
        url_secret_params=frozenset(url.get("secret_params", [])),
        url_secret_suffixes=tuple(url.get("secret_param_suffixes", [])),
        url_secret_paths=tuple(url.get("secret_paths", [])),
        routing_cues=tuple(sorted(_folded(phone.get("routing_cues", ())))),
        routing_prefixes=tuple(
            sorted((int(r[:2]), int(r[3:])) for r in phone.get("routing_prefixes", ()))
        ),
        phone_spelled=phone.get("spelled", False),
        url_token_min_length=url.get("random_tokens", 0),
        known_min_length=known.get("min_length", 3),
        known_misspelt_min_length=known.get("misspelt_min_length", 5),
        pair_names=tuple(
            sorted(
                (pair_key(word), kind)
                for kind, words in known.get("pair_names", {}).items()
                for word in words
            )
        ),
        names=(
            NameCues.build(
                cues=names.get("cues", ()),
                closing_cues=names.get("closing_cues", ()),
                titles_after=names.get("titles_after", ()),
                cues_after=names.get("cues_after", ()),
                capitalised_cues=names.get("capitalised_cues", ()),
                script_cues=names.get("script_cues", ()),
                connectors=names.get("connectors", ()),
                list_labels=names.get("list_labels", ()),
                not_name_columns=names.get("not_name_columns", ()),
                name_columns=names.get("name_columns", ()),
                # a label of a number ("Ref", "IMEI", "Zamówienie") is no name either
                not_names=(*names.get("not_names", ()), *det.get("not_after", ())),
                signature=names.get("signature", True),
                capitals=names.get("capitals", True),
                typos=names.get("typos", True),
                gazetteer=_gazetteer(names.get("gazetteer", {}), fail)
                | _listed(names.get("gazetteer", {}), "given_alone", fail),
                gazetteer_paired=_gazetteer(names.get("gazetteer", {}), fail, "paired_locales")
                | _listed(names.get("gazetteer", {}), "given", fail),
                not_alone=names.get("gazetteer", {}).get("not_alone", ()),
                surnames=_surnames(names.get("gazetteer", {}), fail)
                | _listed(names.get("gazetteer", {}), "family", fail),
                common=_common(names.get("gazetteer", {})),
                family=native[0],
                native=native[1]
                | _uncased(names.get("gazetteer", {}))
                | _listed(names.get("gazetteer", {}), "native_names", fail),
                roles=names.get("roles", ()),
                leading_roles=names.get("leading_roles", ()),
                teams=names.get("teams", ()),
                streets=names.get("streets", ()),
                companies=names.get("companies", ()),
                brands=names.get("brands", ()),
            )
            if _on(names) and names
            else None
        ),
        learn=_on(learn),
        learn_hold_records=learn.get("hold_records", 10_000),
        phone_international=phone.get("international", "possible"),
        phone_text_regions=phone.get("text_regions", False),
        phone_cues=tuple(
            sorted(
                _folded(phone.get("cues", ()))
                | _folded(w for ws in (phone.get("cue_regions") or {}).values() for w in ws)
            )
        ),
        phone_cues_after=_folded(phone.get("cues_after", ())),
        phone_cue_regions=tuple(
            sorted(
                (w, r.upper())
                for r, ws in (phone.get("cue_regions") or {}).items()
                for w in _folded(ws)
            )
        ),
        phone_line_labels=_folded(phone.get("line_labels", ())),
        phone_contact_lines=phone.get("contact_lines", False),
        not_after=_folded(det.get("not_after", ())),
        not_after_heads=_folded(labels.get("heads", ())) if "heads" in labels else NUMBERING,
        not_after_suffixes=tuple(sorted(_folded(labels.get("suffixes", ())))),
        not_after_unless=tuple(sorted(_folded(labels.get("unless", ())))),
        custom=tuple(custom),
    )
    top_columns = doc.get("columns", {})
    platforms: dict[str, dict[str, TablePolicy]] = {}
    for pname, p in doc["platforms"].items():
        tables: dict[str, TablePolicy] = {}
        for tname in TABLES:
            t = p.get("tables", {}).get(tname, {})
            where = f"platforms.{pname}.tables.{tname}"
            tables[tname] = _table(
                t,
                default=t.get("default", p.get("default", doc.get("default", "mask"))),
                columns={
                    **top_columns.get(tname, {}),
                    **p.get("columns", {}).get(tname, {}),
                },
                fail=lambda k, why, w=where: fail(f"{w}.fields.{k}", why),
            )
        platforms[pname] = tables
    return Policy(
        version=str(doc["version"]),
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        token_hash=doc.get("tokens", {}).get("hash", True) if token_hash is None else token_hash,
        detectors=settings,
        platforms=platforms,
    )


def _gazetteer(section: dict[str, Any], fail: Any, key: str = "locales") -> frozenset[str]:
    if not _on(section) or not section:
        return frozenset()
    locales = tuple(section.get(key, ()))
    try:
        found = first_names(locales)
    except UnknownLocale as exc:
        where = f"detectors.names.gazetteer.{key}[{locales.index(str(exc))}]"
        raise fail(where, f"{exc} is not a locale with first names (e.g. de_DE, tr_TR)") from None
    if key != "locales":
        found -= _gazetteer(section, fail)
    return found


def _adlam(word: str) -> bool:
    """The word opens with a letter of Adlam, the Fula alphabet."""
    return "\U0001e900" <= word[:1] <= "\U0001e95f"


def _listed(section: dict[str, Any], key: str, fail: Any) -> frozenset[str]:
    """The policy's own ``given``, ``given_alone`` or ``family`` names (romanised Persian,
    Hebrew and Arabic names, which no locale's list holds in Latin letters): given names count
    like the paired locales' (with a capitalised word after them), ``given_alone`` like the
    locales' first names (alone too), family names like the surnames."""
    if not _on(section) or not section:
        return frozenset()
    found = _folded(section.get(key, ()))
    # as typed without accents too ("Roisin", "Xoan", "Gulsen", "Yoldoshev"); not Adlam's
    # names, whose Latin letters make short words and others' stems ("𞤑𞤢𞤲" → "kan", "𞤄𞤢𞤪𞤭"
    # → "bari", read in "Barilla" with a case ending)
    found |= frozenset(ascii_form(w) for w in found if not w.isascii() and not _adlam(w))
    # Yiddish names as typed without YIVO's points ("גאָלדבערג" as "גאלדבערג")
    found |= frozenset(w.translate(_HEBREW_POINTS) for w in found if "\u05b0" <= max(w) <= "\u05ff")
    if key == "given":
        found -= _gazetteer(section, fail)
    return found


def _uncased(section: dict[str, Any]) -> frozenset[str]:
    """The policy's own ``given`` and ``family`` names written in a script without capitals
    (Khmer "សុភា"): no capital can start or bound them, so they count like the native locales'
    names, extending a name a cue began ("ខ្ញុំឈ្មោះ ចាន់ វណ្ណា")."""
    if not _on(section) or not section:
        return frozenset()
    words = (*section.get("given", ()), *section.get("family", ()))
    return frozenset(w for w in _folded(words) if not any(ch.isupper() or ch.islower() for ch in w))


def _native(section: dict[str, Any], fail: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Names of ``native_locales`` in their own scripts (those without capitals)."""
    if not _on(section) or not section:
        return frozenset(), frozenset()
    locales = tuple(section.get("native_locales", ()))
    try:
        family, native = native_names(locales)
    except UnknownLocale as exc:
        where = f"detectors.names.gazetteer.native_locales[{locales.index(str(exc))}]"
        raise fail(where, f"{exc} is not a locale with names (e.g. zh_CN, ar_AA)") from None
    return family, native


def _surnames(section: dict[str, Any], fail: Any) -> frozenset[str]:
    """Surnames of the gazetteer's locales and paired locales, when ``surnames`` is on."""
    if not _on(section) or not section or not section.get("surnames", False):
        return frozenset()
    locales = (*section.get("locales", ()), *section.get("paired_locales", ()))
    try:
        return last_names(tuple(locales))
    except UnknownLocale as exc:  # pragma: no cover - first_names names the locale first
        raise fail("detectors.names.gazetteer", f"{exc} is not a locale with names") from None


def _common(section: dict[str, Any]) -> frozenset[str]:
    if not _on(section) or not section:
        return frozenset()
    return common_words((*section.get("locales", ()), *section.get("paired_locales", ())))


# Hebrew points and Yiddish ligatures: a name's form without the points (אַ, אָ, פּ, פֿ, שׂ
# written plain) and with the ligatures װ, ױ, ײ as their two letters.
_HEBREW_POINTS = {
    **{c: None for c in [*range(0x05B0, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7]},
    0x05F0: "וו",
    0x05F1: "וי",
    0x05F2: "יי",
}


def _folded(words: Any) -> frozenset[str]:
    return frozenset(" ".join(fold(w).split()) for w in words if w.strip())


def _on(section: Any) -> bool:
    if section is None:
        return True
    if isinstance(section, bool):
        return section
    return bool(section.get("enabled", True))


def _table(t: dict[str, Any], *, default: str, columns: dict[str, str], fail: Any) -> TablePolicy:
    root = PathNode()
    known: list[tuple[tuple[Segment, ...], str]] = []
    for path, spec in t.get("fields", {}).items():
        rule = Rule(spec) if isinstance(spec, str) else _rule(spec)
        try:
            segments = parse_path(path)
        except ValueError:
            raise fail(path, "not a field path (a.b, a[].b)") from None
        node = root
        for i, (key, each) in enumerate(segments):
            if node.rule is not None and node.rule.action in TERMINAL:
                raise fail(path, f"unreachable: an enclosing path is already {node.rule.action}")
            node = node.children.setdefault(key, PathNode())
            if each:
                if node.rule is not None and node.rule.action in TERMINAL and i < len(segments):
                    raise fail(path, "unreachable: the list is already handled as a whole")
                node.items = node.items or PathNode()
                node = node.items
        if node.rule is not None:
            raise fail(path, "the same path has two rules")
        if rule.action in TERMINAL and (node.children or node.items):
            raise fail(path, f"{rule.action} here makes the rules below it unreachable")
        node.rule = rule
        if rule.known:
            known.append((segments, rule.known))
    return TablePolicy(default=default, root=root, known_paths=tuple(known), columns=columns)


def _rule(spec: dict[str, Any]) -> Rule:
    return Rule(
        action=spec["action"],
        kind=spec.get("kind"),
        known=spec.get("known"),
        subject=spec.get("as") == "subject",
    )
