"""``archiver doctor`` names each kind of misconfiguration with a failing line and exits non-zero;
a healthy setup passes every check."""

from __future__ import annotations

import http.client
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from archiver.archive.crypto import generate_aes_key_file
from archiver.crawl.engine import run_archive
from archiver.keys import generate_signing_key
from archiver.ops.doctor import FAIL, PASS, SKIP, WARN, DoctorReport, run_doctor
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_key, write_config
from tests.helpers import small_simulator
from tests.obs.helpers import archiver, leaks, personal_values, update_config
from tests.s3 import MotoServer, deny
from tests.servers import HttpServer, QuietHandler, free_port

# Five users a bot, not twelve: doctor checks config, keys and stores, not volume.
pytestmark = [pytest.mark.usefixtures("parsed_once_in_module"), pytest.mark.peki_users(5)]


def statuses(report: DoctorReport) -> dict[str, str]:
    return {c.name: c.status for c in report.checks}


def detail(report: DoctorReport, name: str) -> str:
    return next(c.detail for c in report.checks if c.name == name)


def edit(cfg: Path, change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    doc = yaml.safe_load(cfg.read_text())
    change(doc)
    cfg.write_text(yaml.safe_dump(doc, sort_keys=False))


def test_a_healthy_setup_passes_every_check_through_the_cli(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    # Healthy: the private key of sealed originals was taken off the machine after init, and
    # verify's witness has a place that outlives the machine (here a folder).
    shutil.move(sealed_key(tmp_path), tmp_path.parent / f"{tmp_path.name}-sealed.pem")
    (tmp_path / "witness").mkdir()
    edit(cfg, lambda d: d["archive"].update(witness="witness"))
    assert run_archive(open_ctx(cfg)).exit_code == 0
    out = archiver("doctor", "--config", str(cfg))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"archiver doctor {cfg}"
    names = [line.split(None, 1)[1] for line in lines[1:-1]]
    assert all(line.split()[0] == "PASS" for line in lines[1:-1]), out.stdout
    for expected in ("config", "key pseudonym", "key signing", "keyring masked", "store"):
        assert any(n.startswith(expected) for n in names), expected
    for expected in ("decrypt masked", "clock peki-main", "source peki-main/bot1", "witness"):
        assert any(n.startswith(expected) for n in names), expected
    assert lines[-1].startswith(f"{len(lines) - 2} passed, 0 failed")
    forbidden = personal_values(peki) | {peki.api_key, peki.api_secret}
    assert not leaks(out.stdout + out.stderr, forbidden)
    assert not list((tmp_path / "archive").glob("doctor/*")), "the store probe was left behind"


def test_an_invalid_config_exits_2_with_the_key_named(tmp_path: Path) -> None:
    cfg = tmp_path / "archiver.yaml"
    cfg.write_text("archive: {url: ./a}\nsources: []\nkeys: {pseudonym: k}\ncolour: blue\n")
    report = run_doctor(cfg)
    assert [(c.name, c.status) for c in report.checks] == [("config", FAIL)]
    assert "colour" in report.checks[0].detail
    assert report.exit_code == 2


def _wrong_secret(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    cfg.write_text(cfg.read_text().replace(sim.api_secret, "sk_" + "x" * 40))


def _unreachable_source(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/api"
    edit(cfg, lambda d: d["sources"][0].update(base_url=url))


def _store_not_writable(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    (tmp / "a-file").write_text("a file where the archive folder should be")
    edit(cfg, lambda d: d["archive"].update(url=str(tmp / "a-file" / "archive")))


def _key_too_open(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    (tmp / "keys" / "masked-data.key").chmod(0o644)


def _masked_public_only(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    spec = {"type": "raw-rsa", "key_name": "masked-rsa", "public_key": "keys/sealed.pub.pem"}
    edit(cfg, lambda d: d["keys"].update(masked=[spec]))


def _masked_key_replaced(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    assert run_archive(open_ctx(cfg)).exit_code == 0
    generate_aes_key_file(tmp / "keys" / "masked-new.key")
    spec = {"type": "raw-aes", "key_name": "masked-data-1", "file": "keys/masked-new.key"}
    edit(cfg, lambda d: d["keys"].update(masked=[spec]))


def _verify_key_of_another_pair(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    generate_signing_key(tmp / "keys" / "other.pem", tmp / "keys" / "other.pub.pem")
    edit(cfg, lambda d: d["keys"].update(verify="keys/other.pub.pem"))


def _clock_ten_minutes_off(cfg: Path, sim: PekiSimulator, tmp: Path) -> None:
    sim.clock_skew_seconds = 600


BOTH_STREAMS = ("source peki-main/bot1", "source peki-main/bot2")
#: A breakage and every check it must fail, with a phrase that check's line must say.
CASES: list[tuple[Callable[[Path, PekiSimulator, Path], None], dict[str, str]]] = [
    (_wrong_secret, dict.fromkeys(BOTH_STREAMS, "HTTP 401")),
    (_unreachable_source, dict.fromkeys(BOTH_STREAMS, "cannot connect to 127.0.0.1:")),
    (_store_not_writable, {"store": "cannot create"}),
    (_key_too_open, {"keyring masked": "cannot encrypt: AES key file"}),
    (_masked_public_only, {"keyring masked": "holds no key that decrypts"}),
    (_masked_key_replaced, {"decrypt masked": "but is a different key"}),
    (_verify_key_of_another_pair, {"key in force": "are not a pair"}),
    (_clock_ten_minutes_off, {"clock peki-main": "ahead of ours: fix this machine"}),
]


@pytest.mark.parametrize(("breakage", "failing"), CASES, ids=[c[0].__name__[1:] for c in CASES])
def test_each_kind_of_misconfiguration_fails_its_check(
    peki: PekiSimulator,
    tmp_path: Path,
    breakage: Callable[[Path, PekiSimulator, Path], None],
    failing: dict[str, str],
) -> None:
    cfg = write_config(tmp_path, peki, crawl={"max_retries": 3, "timeout_seconds": 2})
    breakage(cfg, peki, tmp_path)
    report = run_doctor(cfg)
    # Exactly these fail, so one run of doctor names every problem and nothing else.
    assert {n for n, s in statuses(report).items() if s == FAIL} == set(failing), report.format()
    for check, phrase in failing.items():
        assert phrase in detail(report, check), report.format()
    assert report.exit_code == 1
    assert not leaks(report.format(), {peki.api_secret, peki.api_key})


def test_a_small_skew_warns_without_failing(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    peki.clock_skew_seconds = -20
    report = run_doctor(cfg)
    assert statuses(report)["clock peki-main"] == WARN
    text = detail(report, "clock peki-main")
    assert text.endswith("s behind ours") and 18 <= float(text.split()[2]) <= 21, text
    assert report.exit_code == 0
    assert statuses(report)["archive"] == SKIP  # nothing archived yet
    assert statuses(report)["source peki-main/bot1"] == PASS


def test_a_sealed_private_key_in_the_job_config_fails(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    shutil.move(sealed_key(tmp_path), tmp_path / "keys" / "sealed-private.pem")
    spec = {
        "type": "raw-rsa",
        "key_name": "sealed-1",
        "public_key": "keys/sealed.pub.pem",
        "private_key": "keys/sealed-private.pem",
    }
    edit(cfg, lambda d: d["keys"].update(sealed=[spec]))
    assert run_archive(open_ctx(cfg)).exit_code == 0
    report = run_doctor(cfg)
    got = statuses(report)
    assert got["keyring sealed"] == FAIL and "--sealed-key" in detail(report, "keyring sealed")
    assert got["sealed private key"] == FAIL
    assert report.exit_code == 1


def test_the_sealed_private_key_must_not_lie_beside_the_jobs_keys(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    """Where init leaves it, doctor warns; beside the job's keys (under any name) it fails,
    since a Secret made from that folder would carry it; moved off, it passes."""
    cfg = write_config(tmp_path, peki)
    private = sealed_key(tmp_path)
    assert private.parent != tmp_path / "keys"
    report = run_doctor(cfg)
    assert statuses(report)["sealed private key"] == WARN, report.format()
    assert str(private) in detail(report, "sealed private key")
    assert report.exit_code == 0

    beside = tmp_path / "keys" / "legal-backup.pem"
    shutil.copy(private, beside)
    report = run_doctor(cfg)
    assert statuses(report)["sealed private key"] == FAIL, report.format()
    assert str(beside) in detail(report, "sealed private key")
    assert report.exit_code == 1

    beside.unlink()
    shutil.move(private, tmp_path.parent / f"{tmp_path.name}-offline.pem")
    report = run_doctor(cfg)
    assert statuses(report)["sealed private key"] == PASS, report.format()
    assert report.exit_code == 0


def test_a_rotated_masked_key_must_stay_in_the_keyring_for_old_objects(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    generate_aes_key_file(tmp_path / "keys" / "masked-2.key")
    new = {"type": "raw-aes", "key_name": "masked-data-2", "file": "keys/masked-2.key"}
    old = {"type": "raw-aes", "key_name": "masked-data-1", "file": "keys/masked-data.key"}
    # Rotation: the new key first (it wraps every new object), the old one kept for reading.
    edit(cfg, lambda d: d["keys"].update(masked=[new, old]))
    peki.random_changes(random.Random(1), 10)
    assert run_archive(open_ctx(cfg)).exit_code == 0
    assert statuses(run_doctor(cfg))["decrypt masked"] == PASS
    # Dropping the old key too early: the newest objects still open, the oldest do not.
    edit(cfg, lambda d: d["keys"].update(masked=[new]))
    report = run_doctor(cfg)
    assert statuses(report)["decrypt masked"] == FAIL, report.format()
    assert "masked-data-1" in detail(report, "decrypt masked")
    assert report.exit_code == 1


def test_unreachable_metrics_destinations_warn(peki: PekiSimulator, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    url = f"http://user:pushpass@127.0.0.1:{free_port()}"
    update_config(cfg, metrics={"pushgateway_url": url, "textfile": "no/such/dir/a.prom"})
    report = run_doctor(cfg)
    got = statuses(report)
    assert got["metrics pushgateway"] == WARN and got["metrics textfile"] == WARN
    assert "pushpass" not in report.format()
    assert report.exit_code == 0


class _JobPolicy(QuietHandler):
    """Forwards to the moto server what the job's recommended IAM policy allows (SECURITY.md)
    and refuses the rest: no S3 delete, no KMS Decrypt."""

    upstream = 0

    def _forward(self) -> None:
        body = self.body()
        if self.command == "DELETE" or self.headers.get("X-Amz-Target", "").endswith(".Decrypt"):
            deny(self)
            return
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() != "expect"}
        conn.request(self.command, self.path, body=body, headers=headers)
        answer = conn.getresponse()
        skip = ("content-length", "transfer-encoding", "connection")
        kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in skip]
        self.answer(answer.status, answer.read(), headers=kept)
        conn.close()

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _forward


def test_the_jobs_recommended_permissions_pass_with_what_they_leave_out_named(
    peki: PekiSimulator, tmp_path: Path, moto_server: MotoServer
) -> None:
    proxy = HttpServer(type("Policy", (_JobPolicy,), {"upstream": moto_server.port}))
    endpoint = proxy.url
    try:
        bucket = moto_server.new_bucket()
        cfg = write_config(tmp_path, peki)

        def job_setup(doc: dict[str, Any]) -> None:
            doc["archive"] = moto_server.archive_config(bucket) | {"endpoint_url": endpoint}
            for kind in ("masked", "sealed"):
                doc["keys"][kind] = [
                    {
                        "type": "aws-kms",
                        "key_name": f"{kind}-kms",
                        "key_id": moto_server.kms_key(kind),
                        "endpoint_url": endpoint,
                    }
                ]

        edit(cfg, job_setup)
        report = run_doctor(cfg)
    finally:
        proxy.close()
    got = statuses(report)
    assert got["keyring sealed"] == PASS, report.format()
    assert "cannot decrypt sealed originals" in detail(report, "keyring sealed")
    assert got["keyring masked"] == WARN and "--full" in detail(report, "keyring masked")
    assert got["store"] == PASS and got["store delete"] == WARN, report.format()
    assert "AccessDenied" in detail(report, "store delete")
    assert FAIL not in got.values(), report.format()
    assert report.exit_code == 0


def test_a_stream_without_a_recent_reconciliation_is_a_warning(
    peki: PekiSimulator, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, peki)
    ctx = open_ctx(cfg)
    assert run_archive(ctx).exit_code == 0  # the first run reads everything: it counts
    report = run_doctor(cfg)
    assert next(c for c in report.checks if c.name == "reconciliation").status == "pass"
    # Nine days on, with only incremental runs since: the weekly --full was missed.
    later = run_doctor(cfg, clock=lambda: time.time() + 9 * 86_400)
    check = next(c for c in later.checks if c.name == "reconciliation")
    assert check.status == "warn" and "2 stream(s)" in check.detail
    edit(cfg, lambda d: d.update(status={"max_full_age_days": 10}))
    calmer = run_doctor(cfg, clock=lambda: time.time() + 9 * 86_400)
    assert next(c for c in calmer.checks if c.name == "reconciliation").status == "pass"


def test_a_stream_whose_checkpoint_is_too_old_is_a_warning(tmp_path: Path) -> None:
    with small_simulator(4) as sim:
        cfg = write_config(tmp_path, sim, archive={"checkpoint_every": 0})
        ctx = open_ctx(cfg)
        for _ in range(3):
            assert run_archive(ctx).exit_code == 0
        assert next(c for c in run_doctor(cfg).checks if c.name == "checkpoints").status == "skip"
        # Written every manifest from now on: three without one are more than twice that.
        edit(cfg, lambda d: d["archive"].update(checkpoint_every=1))
        check = next(c for c in run_doctor(cfg).checks if c.name == "checkpoints")
        assert check.status == "warn" and "peki-main/bot1: 3" in check.detail
        report = run_archive(open_ctx(cfg))
        assert [s.checkpoint_age for s in report.streams] == [0, 0]
        check = next(c for c in run_doctor(cfg).checks if c.name == "checkpoints")
        assert check.status == "pass", check.detail
