"""Imports only go down the layers docs/ARCHITECTURE.md names, and loading a config stays light."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "archiver"


def layers() -> list[list[str]]:
    """The layers, top to bottom, as docs/ARCHITECTURE.md lists them."""
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- layers:.*?-->\s*```text\n(.*?)```", text, re.S)
    assert block, "docs/ARCHITECTURE.md lost its layers block"
    return [line.split() for line in block.group(1).splitlines() if line.strip()]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (ROOT / rel).with_suffix(".py").exists() or (ROOT / rel / "__init__.py").exists()


def imports(path: Path) -> list[tuple[int, str]]:
    """Every ``archiver`` module a file imports (type-only imports too), with its line."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("archiver")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not node.module.startswith("archiver"):
                continue
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.append((node.lineno, sub if _is_module(sub) else node.module))
    return out


def layer_of(module: str, table: list[list[str]]) -> tuple[int, str] | None:
    """(layer index, the entry that holds it); None for the root package."""
    best: tuple[int, str] | None = None
    for i, line in enumerate(table):
        for entry in line:
            if (module == entry or module.startswith(entry + ".")) and (
                best is None or len(entry) > len(best[1])
            ):
                best = (i, entry)
    return best


def upward_imports(table: list[list[str]]) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        me = module_name(path)
        mine = layer_of(me, table)
        if mine is None:
            continue
        for line, target in imports(path):
            theirs = layer_of(target, table)
            if theirs is None or theirs[1] == mine[1]:
                continue
            if theirs[0] <= mine[0]:
                where = "up" if theirs[0] < mine[0] else "sideways"
                found.append(f"{path.relative_to(ROOT)}:{line}: {me} imports {target} ({where})")
    return found


def test_every_module_has_a_layer() -> None:
    table = layers()
    entries = [e for line in table for e in line]
    missing = [
        name
        for name in map(module_name, PACKAGE.rglob("*.py"))
        if layer_of(name, table) is None
        # The root package and packages split over layers (obs) hold no code of their own.
        and not any(e.startswith(name + ".") for e in entries)
    ]
    assert not missing, f"modules in no layer of docs/ARCHITECTURE.md: {missing}"


def test_imports_only_go_down() -> None:
    found = upward_imports(layers())
    assert not found, "imports against the layers:\n" + "\n".join(found)


def test_the_check_sees_an_upward_import() -> None:
    """The check itself: with the crawl placed above the ops (as if it were allowed to use
    them), the ops' imports of the crawl are reported."""
    table = layers()
    crawl = table.index(["archiver.crawl"])
    ops = next(i for i, line in enumerate(table) if "archiver.ops" in line)
    swapped = list(table)
    swapped[crawl], swapped[ops] = swapped[ops], swapped[crawl]
    assert any("archiver.ops." in f and "archiver.crawl" in f for f in upward_imports(swapped))


def test_loading_a_config_imports_neither_the_encryption_sdk_nor_boto3() -> None:
    code = (
        "import sys, archiver.config\n"
        "heavy = ('aws_encryption_sdk', 'boto3', 'botocore', 'pyarrow')\n"
        "print(','.join(sorted(m for m in sys.modules\n"
        "    if m.split('.')[0] in heavy or m.startswith('archiver.archive'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "", out.stdout


# Run in a fresh interpreter: the third-party packages the modules need are imported once, then
# each module is imported first in a child forked from that state, so a cycle inside the package
# shows as it would in a new program without paying the dependencies' import for every module.
_FIRST_IMPORT = """
import importlib, os, sys
names, warm = sys.argv[1].split(), sys.argv[2].split()
for n in warm:
    try:
        importlib.import_module(n)
    except Exception:
        pass
bad = []
for n in names:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(n)
        except BaseException:
            os._exit(1)
        os._exit(0)
    if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]):
        bad.append(n)
print(" ".join(bad))
"""


def fail_when_imported_first(names: list[str], package: str, cwd: Path) -> list[str]:
    """The modules among ``names`` that fail when a program imports them before any other
    module of ``package``."""
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib, sys\n"
            f"for n in {names!r}:\n"
            "    try:\n        importlib.import_module(n)\n"
            "    except Exception:\n        pass\n"
            f"print(' '.join(m for m in sys.modules if m.split('.')[0] != {package!r}))",
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_IMPORT, " ".join(names), probe.stdout],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    return out.stdout.split()


def test_every_archive_module_imports_first_in_a_fresh_interpreter() -> None:
    """No import cycle inside the archive layer: each of its modules can be the first one a
    program imports (a cycle shows only in the order that enters it from the wrong side)."""
    names = sorted(module_name(p) for p in (PACKAGE / "archive").rglob("*.py"))
    bad = fail_when_imported_first(names, "archiver", ROOT)
    assert bad == [], f"these fail when imported first: {bad}"


def test_the_first_import_check_sees_a_cycle(tmp_path: Path) -> None:
    """The check itself: ``a`` needs a name ``b`` defines only after importing ``a``, so a
    program that imports ``a`` first works and one that imports ``b`` first fails."""
    pkg = tmp_path / "cyc"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("from cyc.b import THING\nVALUE = 1\n", encoding="utf-8")
    (pkg / "b.py").write_text("import cyc.a\nTHING = 2\n", encoding="utf-8")
    assert fail_when_imported_first(["cyc.a", "cyc.b"], "cyc", tmp_path) == ["cyc.b"]
