"""Configuration: YAML with ``${ENV}`` and ``${file:PATH}`` interpolation, checked by a JSON Schema.

Errors name the offending key (``sources[0].chatbot_ids``) and never echo values, which may be
secrets once interpolated.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from archiver.errors import ConfigError

_REF = re.compile(r"\$\{([^}]+)\}")
#: S3 Object Lock retention modes.
LOCK_MODES = ("GOVERNANCE", "COMPLIANCE")


@dataclass(frozen=True)
class ObjectLock:
    """Retention applied to every object this store creates (commit leases excepted)."""

    mode: str  # GOVERNANCE | COMPLIANCE
    days: int

    def __post_init__(self) -> None:
        if self.mode not in LOCK_MODES:
            raise ConfigError(
                f"archive.object_lock.mode: {self.mode!r} is not one of {', '.join(LOCK_MODES)}"
            )
        if self.days < 1:
            raise ConfigError("archive.object_lock.days: must be at least 1")


@dataclass(frozen=True)
class KeyringSpec:
    """One wrapping key as configured; paths only, the key material is read by ``build_keyring``."""

    type: str
    key_name: str
    file: Path | None = None
    public_key: Path | None = None
    private_key: Path | None = None
    key_id: str | None = None  # aws-kms: the key ARN
    region: str | None = None  # aws-kms: default, the ARN's region
    endpoint_url: str | None = None  # aws-kms: a non-AWS KMS endpoint (tests, LocalStack)


@dataclass(frozen=True)
class ArchiveConfig:
    url: str
    endpoint_url: str | None = None
    region: str | None = None
    part_size_bytes: int = 64 * 1024 * 1024
    part_rows: int = 200_000
    #: A checkpoint of each stream's live object index every this many manifests (0: never).
    checkpoint_every: int = 100
    path_style: bool | None = None  # S3 only; None: botocore decides
    object_lock: ObjectLock | None = None  # S3 only: retention for every object
    multipart_chunk_bytes: int = 16 * 1024 * 1024  # S3 only
    witness: str | None = None  # where verify remembers stream heads: s3://… or a folder
    #: ``run`` compacts, at its end, partitions with more than ``compact_min_small_parts``
    #: small parts (off: the maintenance job compacts; docs/OPERATIONS.md).
    compact_after_run: bool = False
    compact_min_small_parts: int = 24


@dataclass(frozen=True)
class CrawlConfig:
    lag_seconds: float = 120.0
    page_size: int = 100
    concurrency: int = 4
    streams_in_parallel: int = 4
    timeout_seconds: float = 30.0
    max_retries: int = 6
    max_wait_seconds: float = 300.0
    lease_seconds: float = 120.0  # a stream's commit lease; renewed every third of it
    # Processes that mask, hash and lay out rows (None: one per core); 1: all in-process.
    workers: int | None = None
    workers_from_records: int = 20_000  # a stream uses them once it has read this many


@dataclass(frozen=True)
class KeysConfig:
    pseudonym: Path
    signing: Path
    verify: Path | None
    masked: tuple[KeyringSpec, ...]
    sealed: tuple[KeyringSpec, ...]


@dataclass(frozen=True)
class MaskingConfig:
    """``masking``: the policy file (None: the shipped default) and settings overriding it."""

    policy: Path | None = None
    default_region: str | None = None
    token_hash: bool | None = None


@dataclass(frozen=True)
class MetricsConfig:
    """``metrics``: where a run's Prometheus metrics go (both, either or neither)."""

    pushgateway_url: str | None = None
    textfile: Path | None = None
    job: str = "archiver"


@dataclass(frozen=True)
class ShutdownConfig:
    """``shutdown``: after SIGTERM, seconds to commit what is consistent before exiting 3."""

    grace_seconds: float = 20.0


@dataclass(frozen=True)
class StatusConfig:
    """``status``: how old a stream's last complete run (and last full one) may be before
    ``archiver status`` calls it stale; None: no bound."""

    max_age_hours: float | None = None
    max_full_age_days: float | None = None


@dataclass(frozen=True)
class LookupConfig:
    """``lookup``: whether privacy commands ask the platforms about ids the archive lacks
    (off by default: it needs the sources' credentials and costs requests)."""

    ask_platforms: bool = False


@dataclass(frozen=True)
class SourceConfig:
    name: str
    type: str
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path
    archive: ArchiveConfig
    crawl: CrawlConfig
    keys: KeysConfig
    sources: tuple[SourceConfig, ...]
    masking: MaskingConfig = field(default_factory=MaskingConfig)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    shutdown: ShutdownConfig = field(default_factory=ShutdownConfig)
    status: StatusConfig = field(default_factory=StatusConfig)
    lookup: LookupConfig = field(default_factory=LookupConfig)
    export: dict[str, str] = field(default_factory=dict)
    retention_days: int | None = None  # archiver prune's default age limit
    operator: str | None = None  # who runs compliance commands, when not given otherwise

    def source(self, name: str) -> SourceConfig:
        for s in self.sources:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"no source named {name!r} in the config (known: {known})")


def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("archiver").joinpath("schemas", name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _where(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _interpolate(value: Any, where: str, base_dir: Path) -> Any:
    if isinstance(value, dict):
        return {
            k: _interpolate(v, f"{where}.{k}" if where else str(k), base_dir)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_interpolate(v, f"{where}[{i}]", base_dir) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def repl(m: re.Match[str]) -> str:
        ref = m.group(1).strip()
        if ref.startswith("file:"):
            p = Path(ref[5:]).expanduser()
            if not p.is_absolute():
                p = base_dir / p
            try:
                return p.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(
                    f"config key {where}: cannot read secret file {p} ({exc.strerror})"
                ) from None
        if ref not in os.environ:
            raise ConfigError(
                f"config key {where}: environment variable {ref} is not set",
                hint="export it, or mount it as a file and write ${file:/path}",
            )
        return os.environ[ref]

    return _REF.sub(repl, value)


def _path(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def _keyrings(base: Path, items: list[dict[str, Any]]) -> tuple[KeyringSpec, ...]:
    out = []
    for it in items:
        out.append(
            KeyringSpec(
                type=it["type"],
                key_name=it["key_name"],
                file=_path(base, it["file"]) if "file" in it else None,
                public_key=_path(base, it["public_key"]) if "public_key" in it else None,
                private_key=_path(base, it["private_key"]) if "private_key" in it else None,
                key_id=it.get("key_id"),
                region=it.get("region"),
                endpoint_url=it.get("endpoint_url"),
            )
        )
    return tuple(out)


def _witness(base: Path, where: str | None) -> str | None:
    """``archive.witness``: an s3:// location as given, or a folder made absolute."""
    if where is None or where.startswith("s3://"):
        return where
    return str(_path(base, where.removeprefix("file://")))


def _metrics(base: Path, m: dict[str, Any]) -> MetricsConfig:
    return MetricsConfig(
        pushgateway_url=m.get("pushgateway_url"),
        textfile=_path(base, m["textfile"]) if "textfile" in m else None,
        job=m.get("job", "archiver"),
    )


_JSON_TYPE = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


def _type_of(value: Any) -> str:
    """The JSON type of a value, never the value itself (it may be a secret)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else type(value).__name__


def _expected(schema: Any) -> str:
    t = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(t, str):
        return _JSON_TYPE.get(t, t)
    if isinstance(t, list):
        return " or ".join(_JSON_TYPE.get(str(x), str(x)) for x in t)
    return "a value"


def _problems(error: jsonschema.ValidationError) -> list[tuple[str, str]]:
    """(where, what is wrong) for one schema error, naming keys, types and rules only."""
    where = _where(error.absolute_path)
    v = str(error.validator)
    rule: Any = error.validator_value
    schema: Any = error.schema if isinstance(error.schema, dict) else {}
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted((schema.get("properties") or {}).keys())
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        out = []
        for key in extra:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.8)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(allowed)
            out.append((_join(where, key), f"unknown key{hint}; allowed here: {known}"))
        return out
    if v == "required" and isinstance(error.instance, dict):
        missing = [str(k) for k in rule if k not in error.instance]
        out = []
        for key in missing:
            close = difflib.get_close_matches(key, [str(k) for k in error.instance], n=1)
            hint = f" (is '{close[0]}' a misspelling of it?)" if close else ""
            out.append((_join(where, key), f"missing: this key is required{hint}"))
        return out
    if v == "dependentRequired" and isinstance(rule, dict) and isinstance(error.instance, dict):
        return [
            (_join(where, str(k)), f"needs {', '.join(repr(d) for d in deps)} next to it")
            for k, deps in rule.items()
            if k in error.instance and any(d not in error.instance for d in deps)
        ]
    if v == "type":
        got = _JSON_TYPE.get(_type_of(error.instance), "a value")
        what = f"expected {_expected(schema)}, got {got}"
    elif v == "enum":
        what = "must be one of " + ", ".join(json.dumps(x) for x in rule)
    elif v == "pattern":
        what = f"must be {_expected(schema)} matching the pattern {rule}"
    elif v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        op = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}
        what = f"must be {_expected(schema)} {op[v]} {rule}"
    elif v == "minLength":
        what = "must not be empty" if rule == 1 else f"needs at least {rule} characters"
    elif v == "minItems":
        what = f"must list at least {rule} item(s)"
    elif v == "uniqueItems":
        what = "lists an item twice"
    elif v == "const":
        what = f"must be {json.dumps(rule)}"
    else:
        what = f"fails the '{v}' rule of the schema (expected {_expected(schema)})"
    return [(where, what)]


def _join(where: str, key: str) -> str:
    return key if where == "(top level)" else f"{where}.{key}"


def schema_problems(data: Any, schema_name: str = "config.schema.json") -> list[str]:
    """Every problem the schema finds, one line each, sorted by where it is."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    found: set[tuple[str, str]] = set()
    for e in validator.iter_errors(data):
        found.update(_problems(e))
    return [f"config key {where}: {what}" for where, what in sorted(found)]


def parse_config(raw: Any, *, path: Path) -> Config:
    """Validate an already-loaded YAML document; relative paths are relative to the file."""
    base = path.parent.resolve()
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a YAML mapping")
    data = _interpolate(raw, "", base)
    problems = schema_problems(data)
    if len(problems) == 1:
        raise ConfigError(f"{path}: {problems[0]}")
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise ConfigError(f"{path}: {len(problems)} problems in the config:\n{listed}")

    a = data["archive"]
    url = a["url"]
    if "://" not in url:
        url = str(_path(base, url))
    elif url.startswith("file://"):
        url = url[len("file://") :]
    archive = ArchiveConfig(
        url=url,
        endpoint_url=a.get("endpoint_url"),
        region=a.get("region"),
        part_size_bytes=int(float(a.get("part_size_mb", 64)) * 1024 * 1024),
        part_rows=int(a.get("part_rows", 200_000)),
        checkpoint_every=int(a.get("checkpoint_every", 100)),
        path_style=a.get("path_style"),
        object_lock=(
            ObjectLock(mode=a["object_lock"]["mode"], days=int(a["object_lock"]["days"]))
            if "object_lock" in a
            else None
        ),
        multipart_chunk_bytes=int(float(a.get("multipart_chunk_mb", 16)) * 1024 * 1024),
        witness=_witness(base, a.get("witness")),
        compact_after_run=bool(a.get("compact_after_run", False)),
        compact_min_small_parts=int(a.get("compact_min_small_parts", 24)),
    )
    c = data.get("crawl", {})
    crawl = CrawlConfig(**{k: c[k] for k in c})
    k = data.get("keys")
    if k is None:
        raise ConfigError(
            f"{path}: config key keys is missing", hint="run 'archiver init' for an example"
        )
    keys = KeysConfig(
        pseudonym=_path(base, k["pseudonym"]),
        signing=_path(base, k["signing"]),
        verify=_path(base, k["verify"]) if "verify" in k else None,
        masked=_keyrings(base, k["masked"]),
        sealed=_keyrings(base, k["sealed"]),
    )
    names: set[str] = set()
    sources = []
    for i, s in enumerate(data["sources"]):
        if s["name"] in names:
            raise ConfigError(f"{path}: config key sources[{i}].name: duplicate name {s['name']!r}")
        names.add(s["name"])
        settings = {key: v for key, v in s.items() if key not in ("name", "type")}
        sources.append(SourceConfig(name=s["name"], type=s["type"], settings=settings))
    m = data.get("masking", {})
    masking = MaskingConfig(
        policy=_path(base, m["policy"]) if "policy" in m else None,
        default_region=m.get("default_region"),
        token_hash=m.get("token_hash"),
    )
    return Config(
        path=path,
        archive=archive,
        crawl=crawl,
        keys=keys,
        sources=tuple(sources),
        masking=masking,
        metrics=_metrics(base, data.get("metrics", {})),
        shutdown=ShutdownConfig(**data.get("shutdown", {})),
        status=StatusConfig(**data.get("status", {})),
        lookup=LookupConfig(**data.get("lookup", {})),
        export=dict(data.get("export", {})),
        retention_days=int(data["retention"]["days"]) if "retention" in data else None,
        operator=data.get("operator"),
    )


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, first: int, again: int) -> None:
        super().__init__(key)
        self.key, self.first, self.again = key, first, again


class StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice in one mapping.

    PyYAML keeps the last of two equal keys without a word: a ``sources:`` block pasted under
    the ``sources: []`` of a generated config would silently replace it, or be replaced.
    """

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # "<<: *anchor" entries may be overridden on purpose
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    first = seen.setdefault(key, line)
                except TypeError:  # an unhashable key: the constructor reports it
                    continue
                if first != line:
                    raise _DuplicateKey(str(key), first, line)
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]


StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, StrictLoader.construct_mapping
)


def load_yaml(text: str, where: Path | str) -> Any:
    """YAML as the config and policy files are read: safe, and no key given twice."""
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except _DuplicateKey as exc:
        raise ConfigError(
            f"{where}: key {exc.key!r} is given twice in the same mapping (lines {exc.first} "
            f"and {exc.again}); YAML would keep only the last one",
            hint="merge them: a pasted 'sources:' block goes in place of 'sources: []'",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{where}: not valid YAML{at}") from None


def load_config(path: Path | str) -> Config:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {p}: {exc.strerror}") from None
    return parse_config(load_yaml(text, p), path=p)


def require_sources(cfg: Config, *, allow_empty: bool = False) -> None:
    """A run with no sources would succeed having archived nothing: say so instead."""
    if not cfg.sources and not allow_empty:
        raise ConfigError(
            f"{cfg.path}: config key sources: no sources are configured, so a run would "
            "archive nothing",
            hint="add an entry under 'sources' ('archiver simulate' prints one to try), or "
            "pass --allow-empty if that is intended",
        )
