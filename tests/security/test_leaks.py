"""No secret and no personal value in anything a failing command writes.

Each error path below is a real command against the project's simulators or stores; its
stdout, stderr (JSON logs), metrics file and the raw text of the error that ended it (before
the log layer's redaction, so redaction cannot hide a leak in an error message) are searched
for every credential, every private key in every encoding, and every personal value the
simulator serves. ``tests/obs/test_logs.py`` covers a Peki run with a wrong secret, an
unusable store, malformed answers and mixed faults in real processes; this table covers the
rest.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from archiver.archive.crypto import generate_aes_key_file, generate_rsa_key_pair
from archiver.demo import source_entry
from archiver.errors import (
    EXIT_FAILURE,
    EXIT_HELD,
    EXIT_INTEGRITY,
    EXIT_PARTIAL,
    EXIT_UNKNOWN,
    EXIT_USAGE,
)
from archiver.ops.init import init_dir
from archiver.simulators.kore import KoreSimulator
from archiver.simulators.peki import PekiSimulator
from archiver.simulators.selise import SeliseSimulator
from tests.conftest import BOTS, sealed_key, write_config
from tests.obs.helpers import archiver, json_lines, update_config
from tests.s3 import deny
from tests.security import (
    Outcome,
    assert_clean,
    invoke,
    key_material,
    personal_values,
)
from tests.servers import HttpServer, QuietHandler

#: Planted wrong credentials: they must not be printed either.
WRONG = {
    "peki_key": "pk_" + "W" * 32,
    "kore_secret": "Kx" * 22 + "=",
    "kore_client": "cs-00000000-1111-2222-3333-444444444444",
    "selise_key": "pk_" + "e" * 32,
    "selise_secret": "zq" * 20,
}

Sim = PekiSimulator | KoreSimulator | SeliseSimulator


def _secrets_of(entry: dict[str, Any]) -> set[str]:
    return {
        str(v) for k, v in entry.items() if re.search("key|secret|client", k) and k != "type"
    } | set(WRONG.values())


# --- platforms: one run per error path -----------------------------------------------------


def _peki_forbidden_bots(sim: PekiSimulator, e: dict[str, Any]) -> dict[str, Any]:
    key, secret = sim.add_api_key(["bot-of-someone-else"])
    return e | {"api_key": key, "api_secret": secret}


def _kore_no_history_scope(sim: KoreSimulator, e: dict[str, Any]) -> dict[str, Any]:
    client, secret = sim.add_app(sim.bot_ids, scopes=("sessions",))
    return e | {"client_id": client, "client_secret": secret}


def _faults(**rates: float) -> Callable[[Any, dict[str, Any]], dict[str, Any]]:
    def apply(sim: Any, e: dict[str, Any]) -> dict[str, Any]:
        sim.fault_rates = dict(rates)
        return e

    return apply


def _peki_quota(sim: PekiSimulator, e: dict[str, Any]) -> dict[str, Any]:
    sim.rate_limit_per_minute = 1
    return e


def _kore_quota(sim: KoreSimulator, e: dict[str, Any]) -> dict[str, Any]:
    sim.rate_limits = [(1, 3600.0)]
    return e


def _selise_quota(sim: SeliseSimulator, e: dict[str, Any]) -> dict[str, Any]:
    sim.rate_limit_per_minute = 1
    return e


def _selise_token(
    change: Callable[[SeliseSimulator, dict[str, Any]], dict[str, Any]],
) -> Callable[[SeliseSimulator, dict[str, Any]], dict[str, Any]]:
    def apply(sim: SeliseSimulator, e: dict[str, Any]) -> dict[str, Any]:
        sim.require_token = True
        return change(sim, e | {"client_id": sim.client_id, "client_secret": sim.client_secret})

    return apply


def _selise_expiring(sim: SeliseSimulator, e: dict[str, Any]) -> dict[str, Any]:
    sim.token_ttl_seconds = 0.0  # every token is already expired when it arrives
    return e


@dataclass(frozen=True)
class RunCase:
    platform: str
    change: Callable[[Any, dict[str, Any]], dict[str, Any]]
    #: What the stream's error must say: proof that the run took the intended path.
    error: str


RUN_CASES = {
    "peki-unknown-key-401": RunCase(
        "peki", lambda s, e: e | {"api_key": WRONG["peki_key"]}, r"\b401\b"
    ),
    "peki-bots-not-granted-403": RunCase("peki", _peki_forbidden_bots, r"\b403\b"),
    "peki-5xx-storm": RunCase("peki", _faults(**{"5xx": 1.0}), r"\b50\d\b"),
    "peki-quota-exhausted": RunCase("peki", _peki_quota, r"rate|429"),
    "kore-wrong-secret-401": RunCase(
        "kore", lambda s, e: e | {"client_secret": WRONG["kore_secret"]}, r"\b401\b"
    ),
    "kore-unknown-client-401": RunCase(
        "kore", lambda s, e: e | {"client_id": WRONG["kore_client"]}, r"\b401\b"
    ),
    "kore-scope-missing": RunCase("kore", _kore_no_history_scope, r"\b401\b"),
    "kore-5xx-storm": RunCase("kore", _faults(**{"5xx": 1.0}), r"\b50\d\b"),
    "kore-malformed": RunCase("kore", _faults(malformed=1.0), r"malformed"),
    "kore-quota-exhausted": RunCase("kore", _kore_quota, r"rate|429"),
    "selise-wrong-project-key-401": RunCase(
        "selise", lambda s, e: e | {"project_key": WRONG["selise_key"]}, r"\b401\b"
    ),
    "selise-wrong-oauth-secret": RunCase(
        "selise",
        _selise_token(lambda s, e: e | {"client_secret": WRONG["selise_secret"]}),
        r"\b401\b",
    ),
    "selise-expired-tokens": RunCase("selise", _selise_token(_selise_expiring), r"\b401\b"),
    "selise-5xx-storm": RunCase("selise", _faults(**{"5xx": 1.0}), r"\b50\d\b"),
    "selise-malformed": RunCase("selise", _faults(malformed=1.0), r"malformed"),
    "selise-quota-exhausted": RunCase("selise", _selise_quota, r"rate|429"),
}


def _stream_errors(out: Outcome) -> list[str]:
    return [line[4:] for line in out.stdout.splitlines() if line.startswith("  ! ")]


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Config and keys made once (RSA key generation is the slow part); cases copy them."""
    home = tmp_path_factory.mktemp("init")
    init_dir(home)
    return home


@pytest.mark.parametrize("name", list(RUN_CASES))
def test_a_failing_platform_run_prints_no_secret_and_no_personal_value(
    name: str, request: pytest.FixtureRequest, initialised: Path, tmp_path: Path
) -> None:
    case = RUN_CASES[name]
    shutil.copytree(initialised, tmp_path, dirs_exist_ok=True)
    sim: Sim = request.getfixturevalue(case.platform)
    right = source_entry(f"{case.platform}-main", sim)
    entry = case.change(sim, dict(right))
    if case.platform == "kore":
        entry |= {"rate_limit_per_minute": 10**6, "rate_limit_per_hour": 10**6}
    crawl = {"max_retries": 1, "max_wait_seconds": 1, "page_size": 10}
    cfg = write_config(tmp_path, entry, crawl=crawl, archive={"url": str(tmp_path / "archive")})
    update_config(cfg, metrics={"textfile": str(tmp_path / "metrics.prom")})

    out = invoke("run", "--config", str(cfg))

    assert out.exception is None, repr(out.exception)
    assert out.exit_code in (EXIT_FAILURE, EXIT_PARTIAL), out.stdout + out.stderr[-2000:]
    errors = _stream_errors(out)
    assert errors and all(re.search(case.error, e, re.IGNORECASE) for e in errors), errors
    events = json_lines(out.stderr)
    assert any(e["level"] in ("warning", "error") and e.get("stream") for e in events)
    secrets = _secrets_of(right) | _secrets_of(entry) | key_material(tmp_path / "keys")
    people = personal_values(sim)
    assert len(people) > 50
    metrics = (tmp_path / "metrics.prom").read_text()
    assert_clean(out, secrets=secrets, personal=people, files={"metrics": metrics})


# --- store, keys, config and operations: commands on an archive of a Peki platform ---------


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, PekiSimulator]]:
    """A Peki platform and one complete archive of it; each case works on a copy."""
    sim = PekiSimulator(seed=23, chatbot_ids=BOTS, users_per_bot=10, rate_limit_per_minute=10**6)
    sim.start()
    try:
        home = tmp_path_factory.mktemp("archived")
        cfg = write_config(home, sim, crawl={"max_retries": 1, "max_wait_seconds": 1})
        generate_rsa_key_pair(home / "other-private.pem", home / "other.pub.pem")
        out = invoke("run", "--config", str(cfg))
        assert out.exit_code == 0, out.stdout + out.stderr[-2000:]
        yield home, sim
    finally:
        sim.stop()


@dataclass
class Setup:
    """A private copy of the archived set-up for one case."""

    home: Path
    sim: PekiSimulator

    @property
    def cfg(self) -> Path:
        return self.home / "archiver.yaml"

    @property
    def sealed_key(self) -> Path:
        return sealed_key(self.home)

    def edit(self, change: Callable[[dict[str, Any]], None]) -> None:
        doc = yaml.safe_load(self.cfg.read_text())
        change(doc)
        self.cfg.write_text(yaml.safe_dump(doc, sort_keys=False))

    def source(self, **settings: Any) -> None:
        self.edit(lambda d: d["sources"][0].update(settings))

    def user_id(self) -> str:
        return sorted(self.sim.truth("bot1")["users"])[0]

    def session_id(self) -> str:
        return sorted(self.sim.truth("bot1")["sessions"])[0]

    def other_sealed_key(self) -> Path:
        """An RSA private key of another pair than the archive's sealed keyring."""
        return self.home / "other-private.pem"

    def objects(self, folder: str) -> list[Path]:
        return sorted(p for p in (self.home / "archive" / folder).rglob("*") if p.is_file())


def _copy(archived: tuple[Path, PekiSimulator], to: Path) -> Setup:
    home, sim = archived
    shutil.copytree(home, to, symlinks=True)
    setup = Setup(to, sim)
    setup.edit(lambda d: d["archive"].update(url=str(to / "archive")))
    return setup


def _wrong_masked_key(s: Setup) -> list[str]:
    (s.home / "keys" / "masked-data.key").unlink()
    generate_aes_key_file(s.home / "keys" / "masked-data.key")
    return ["restore", "-c", str(s.cfg), "--to", str(s.home / "out"), "--latest"]


def _export_wrong_sealed(s: Setup) -> list[str]:
    other = str(s.other_sealed_key())
    out = str(s.home / "export")
    return [
        "export",
        "-c",
        str(s.cfg),
        "--user-id",
        s.user_id(),
        "--out",
        out,
        "--sealed-key",
        other,
    ]


def _retrieve_wrong_sealed(s: Setup) -> list[str]:
    other = str(s.other_sealed_key())
    out = str(s.home / "t.txt")
    return ["retrieve", "-c", str(s.cfg), "--session-id", s.session_id(), "--out", out,
            "--sealed-key", other]  # fmt: skip


def _verify(s: Setup) -> list[str]:
    return ["verify", "-c", str(s.cfg), "--deep", "--no-witness", "--sealed-key", str(s.sealed_key)]


def _tampered_object(s: Setup) -> list[str]:
    victim = s.objects("data")[0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    return _verify(s)


def _tampered_manifest(s: Setup) -> list[str]:
    victim = s.objects("manifests")[0]
    doc = json.loads(victim.read_text())
    doc["records"] = {k: v + 1 for k, v in doc.get("records", {}).items()} or {"users": 1}
    victim.write_text(json.dumps(doc))
    return _verify(s)


def _unknown_user(command: str) -> Callable[[Setup], list[str]]:
    """A person the platform has but the archive has not (added after the run)."""

    def prepare(s: Setup) -> list[str]:
        # The platform is shared by every case: the person leaves it again at once, so the
        # other cases' "first user" stays one the archive holds.
        uid = s.sim.add_user("bot1")
        s.sim.delete_user("bot1", uid)
        args = [command, "-c", str(s.cfg), "--user-id", uid, "--sealed-key", str(s.sealed_key)]
        if command == "export":
            return [*args, "--out", str(s.home / "export")]
        return [*args, "--reason", "request 7"]

    return prepare


def _unknown_session(s: Setup) -> list[str]:
    return ["retrieve", "-c", str(s.cfg), "--session-id", "no-such-session",
            "--out", str(s.home / "t.txt"), "--sealed-key", str(s.sealed_key)]  # fmt: skip


def _erase_held(s: Setup) -> list[str]:
    held = invoke("hold", "place", "-c", str(s.cfg), "--user-id", s.user_id(), "--case", "C-1")
    assert held.exit_code == 0, held.stdout + held.stderr
    return ["erase", "-c", str(s.cfg), "--user-id", s.user_id(), "--reason", "request 8",
            "--sealed-key", str(s.sealed_key)]  # fmt: skip


def _run(s: Setup) -> list[str]:
    return ["run", "-c", str(s.cfg)]


def _config(change: Callable[[Setup], None]) -> Callable[[Setup], list[str]]:
    def prepare(s: Setup) -> list[str]:
        change(s)
        return _run(s)

    return prepare


def _unwritable_root(s: Setup) -> None:
    # Under /proc nothing can be created, whoever runs the test (root included).
    s.edit(lambda d: d["archive"].update(url="/proc/archiver-test/archive"))


def _missing_secret_file(s: Setup) -> None:
    s.source(api_secret="${file:" + str(s.home / "no-such-secret") + "}")


def _bad_pseudonym_key(s: Setup) -> None:
    key = s.home / "keys" / "pseudonym.key"
    key.write_text(f"{s.sim.api_secret} is not base64!\n")


@dataclass(frozen=True)
class OpCase:
    prepare: Callable[[Setup], list[str]]
    exit_code: int
    #: What the error must say (the raw error text or stdout).
    says: str


OP_CASES: dict[str, OpCase] = {
    "restore-wrong-masked-key": OpCase(_wrong_masked_key, EXIT_USAGE, r"decrypt|key"),
    "export-wrong-sealed-key": OpCase(_export_wrong_sealed, EXIT_USAGE, r"decrypt|key"),
    "retrieve-wrong-sealed-key": OpCase(_retrieve_wrong_sealed, EXIT_USAGE, r"decrypt|key"),
    "verify-tampered-object": OpCase(_tampered_object, EXIT_INTEGRITY, r"object-altered"),
    "verify-tampered-manifest": OpCase(_tampered_manifest, EXIT_INTEGRITY, r"manifest-altered"),
    "export-unknown-user": OpCase(_unknown_user("export"), EXIT_UNKNOWN, r"no person"),
    "erase-unknown-user": OpCase(_unknown_user("erase"), EXIT_UNKNOWN, r"no person"),
    "retrieve-unknown-session": OpCase(_unknown_session, EXIT_UNKNOWN, r"no session"),
    "erase-under-legal-hold": OpCase(_erase_held, EXIT_HELD, r"C-1"),
    "store-unwritable-root": OpCase(_config(_unwritable_root), EXIT_FAILURE, r"archive|store"),
    "config-secret-file-missing": OpCase(_config(_missing_secret_file), EXIT_USAGE, r"api_secret"),
    "pseudonym-key-corrupt": OpCase(_config(_bad_pseudonym_key), EXIT_USAGE, r"pseudonym key"),
}


@pytest.mark.parametrize("name", list(OP_CASES))
def test_a_failing_command_on_an_archive_prints_no_secret_and_no_personal_value(
    name: str, archived: tuple[Path, PekiSimulator], tmp_path: Path
) -> None:
    case = OP_CASES[name]
    s = _copy(archived, tmp_path / "a")
    secrets = {s.sim.api_key, s.sim.api_secret} | key_material(s.home / "keys")
    args = case.prepare(s)
    secrets |= key_material(s.other_sealed_key(), s.home / "keys")

    out = invoke(*args)

    assert out.exception is None, repr(out.exception)
    assert out.exit_code == case.exit_code, out.stdout + out.stderr[-2000:]
    said = "\n".join([*out.messages, out.stdout])
    assert re.search(case.says, said, re.IGNORECASE), said
    assert_clean(out, secrets=secrets, personal=personal_values(s.sim))


# --- a config whose schema error sits on a secret -------------------------------------------

SECRET = "sk_live_" + "Zx9" * 12

SCHEMA_CASES = {
    "secret-as-base-url": {"base_url": SECRET},
    "secret-under-an-unknown-key": {"api_secrett": SECRET},
    "secret-as-a-list": {"chatbot_ids": SECRET},
    "secret-as-a-number": {"page_size": SECRET},
    "secret-as-the-type": {"type": SECRET},
    "secret-in-a-list": {"chatbot_ids": [SECRET, SECRET]},
    "secret-as-a-mapping": {"api_secret": {"value": SECRET}},
}


@pytest.mark.parametrize("name", list(SCHEMA_CASES))
def test_a_schema_error_names_the_key_never_the_secret_value(name: str, tmp_path: Path) -> None:
    source = {
        "name": "peki-main",
        "type": "peki",
        "base_url": "https://api.example.test/api",
        "api_key": "pk_" + "A" * 32,
        "api_secret": SECRET,
        "chatbot_ids": ["bot1"],
    } | SCHEMA_CASES[name]
    cfg = tmp_path / "archiver.yaml"
    doc = {"archive": {"url": str(tmp_path / "archive")}, "sources": [source]}
    cfg.write_text(yaml.safe_dump(doc))

    out = invoke("run", "--config", str(cfg))

    assert out.exit_code == EXIT_USAGE and out.exception is None
    assert len(out.messages) == 1 and "sources[0]" in out.messages[0], out.messages
    assert_clean(out, secrets={SECRET, SECRET[:16], "A" * 32}, personal=())


# --- AWS: S3 and KMS refuse -------------------------------------------------------------------

#: AWS credentials the processes below sign with: never to be printed.
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzz" * 2
AWS_SESSION = "IQoJb3JpZ2luX2VjE" + "Tok3n" * 8


class _DenyAll(QuietHandler):
    """An AWS endpoint for which these credentials may do nothing (S3 XML, KMS JSON)."""

    def _deny(self) -> None:
        self.body()
        deny(self)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _deny


@pytest.fixture(scope="module")
def deny_all() -> Iterator[str]:
    with HttpServer(_DenyAll) as server:
        yield server.url


def _s3_at(s: Setup, endpoint: str) -> None:
    archive = {"url": "s3://archive-bucket/p", "endpoint_url": endpoint, "path_style": True}
    s.edit(lambda d: d.update(archive=archive | {"region": "us-east-1"}))


def _kms_at(s: Setup, endpoint: str) -> None:
    arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    kms = {"type": "aws-kms", "key_name": "masked-kms", "key_id": arn, "endpoint_url": endpoint}
    s.edit(lambda d: d["keys"].update(masked=[kms]))
    s.sim.add_user("bot1")  # something new to encrypt


@pytest.mark.parametrize(
    ("point", "at", "says"),
    [
        (_s3_at, "deny_all", "AccessDenied"),
        (_s3_at, "moto_server", "NoSuchBucket"),
        (_kms_at, "deny_all", "AccessDeniedException"),
    ],
    ids=["s3-access-denied", "s3-no-such-bucket", "kms-access-denied"],
)
def test_aws_refusals_print_no_credential_and_no_personal_value(
    point: Callable[[Setup, str], None],
    at: str,
    says: str,
    archived: tuple[Path, PekiSimulator],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    """Real processes: the AWS SDK signs with the environment's credentials."""
    s = _copy(archived, tmp_path / "a")
    endpoint = request.getfixturevalue(at)
    point(s, endpoint if isinstance(endpoint, str) else endpoint.endpoint_url)
    env = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": AWS_SECRET,
           "AWS_SESSION_TOKEN": AWS_SESSION, "AWS_EC2_METADATA_DISABLED": "true",
           "ARCHIVER_LOG_FORMAT": "json"}  # fmt: skip

    done = archiver("run", "-c", str(s.cfg), timeout=90, **env)

    assert done.returncode in (EXIT_FAILURE, EXIT_PARTIAL), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    failed = [e for e in json_lines(done.stderr) if e["level"] == "error"]
    assert failed and says in json.dumps(failed), failed
    out = Outcome(done.returncode, done.stdout, done.stderr)
    secrets = {AWS_SECRET, AWS_SESSION, s.sim.api_secret} | key_material(s.home / "keys")
    assert_clean(out, secrets=secrets, personal=personal_values(s.sim))


def test_the_search_finds_every_form_of_a_leak(tmp_path: Path, peki: PekiSimulator) -> None:
    """The checks above can fail: a key in any encoding, or a personal value, is found
    wherever a command would print it."""
    write_config(tmp_path, peki)
    secrets = key_material(tmp_path / "keys")
    aes = base64.b64decode((tmp_path / "keys" / "masked-data.key").read_text())
    assert {aes.hex(), base64.b64encode(aes).decode()} <= secrets
    people = personal_values(peki)
    email = next(v for v in people if "@" in v)
    for leaked in [aes.hex().upper()[:16], peki.api_secret, email]:
        for where in ("stdout", "stderr", "messages"):
            text = f"failed near {leaked}: see above"
            out = Outcome(1, "", "", [])
            if where == "messages":
                out.messages.append(text)
            else:
                setattr(out, where, text)
            with pytest.raises(AssertionError, match="holds"):
                assert_clean(out, secrets=secrets | {peki.api_secret}, personal=people)
