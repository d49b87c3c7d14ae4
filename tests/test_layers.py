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


def test_every_archive_module_imports_first_in_a_fresh_interpreter() -> None:
    """No import cycle inside the archive layer: each of its modules can be the first one a
    program imports (a cycle shows only in the order that enters it from the wrong side)."""
    names = sorted(module_name(p) for p in (PACKAGE / "archive").rglob("*.py"))
    script = "\n".join(
        [
            "import subprocess, sys",
            f"names = {names!r}",
            "bad = [n for n in names if subprocess.run([sys.executable, '-c', 'import ' + n],"
            " capture_output=True).returncode]",
            "print(' '.join(bad))",
        ]
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.split() == [], f"these fail when imported first: {out.stdout}"
