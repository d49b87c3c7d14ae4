"""Configuration: YAML with ``${ENV}`` and ``${file:PATH}`` interpolation, checked by a JSON Schema.

Errors name the offending key (``sources[0].chatbot_ids``) and never echo values, which may be
secrets once interpolated.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from archiver.archive.crypto import KeyringSpec
from archiver.archive.store_s3 import ObjectLock
from archiver.errors import ConfigError

_REF = re.compile(r"\$\{([^}]+)\}")


@dataclass(frozen=True)
class ArchiveConfig:
    url: str
    endpoint_url: str | None = None
    region: str | None = None
    part_size_bytes: int = 64 * 1024 * 1024
    part_rows: int = 200_000
    path_style: bool | None = None  # S3 only; None: botocore decides
    object_lock: ObjectLock | None = None  # S3 only: retention for every object
    multipart_chunk_bytes: int = 16 * 1024 * 1024  # S3 only


@dataclass(frozen=True)
class CrawlConfig:
    lag_seconds: float = 120.0
    page_size: int = 100
    concurrency: int = 4
    streams_in_parallel: int = 4
    timeout_seconds: float = 30.0
    max_retries: int = 6
    max_wait_seconds: float = 300.0


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


def _metrics(base: Path, m: dict[str, Any]) -> MetricsConfig:
    return MetricsConfig(
        pushgateway_url=m.get("pushgateway_url"),
        textfile=_path(base, m["textfile"]) if "textfile" in m else None,
        job=m.get("job", "archiver"),
    )


def parse_config(raw: Any, *, path: Path) -> Config:
    """Validate an already-loaded YAML document; relative paths are relative to the file."""
    base = path.parent.resolve()
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a YAML mapping")
    data = _interpolate(raw, "", base)
    validator = jsonschema.Draft202012Validator(load_schema("config.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        # Leaf errors say which key is wrong; never include the instance (it may be a secret).
        reason = (
            e.message
            if e.validator in ("required", "additionalProperties", "dependentRequired")
            else (
                f"fails the '{e.validator}' rule of the schema"
                + (f" (allowed: {e.validator_value})" if e.validator == "enum" else "")
            )
        )
        if e.validator == "pattern":
            reason = f"does not match the pattern {e.validator_value}"
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise ConfigError(f"{path}: config key {_where(e.absolute_path)}: {reason}{more}")

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
        path_style=a.get("path_style"),
        object_lock=(
            ObjectLock(mode=a["object_lock"]["mode"], days=int(a["object_lock"]["days"]))
            if "object_lock" in a
            else None
        ),
        multipart_chunk_bytes=int(float(a.get("multipart_chunk_mb", 16)) * 1024 * 1024),
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
        export=dict(data.get("export", {})),
        retention_days=int(data["retention"]["days"]) if "retention" in data else None,
        operator=data.get("operator"),
    )


def load_config(path: Path | str) -> Config:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {p}: {exc.strerror}") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{p}: not valid YAML{where}") from None
    return parse_config(raw, path=p)
