"""The store's shape: no import cycle among its modules, transactions opened in one place only,
short functions and files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "bot" / "facts" / "store"
PACKAGE = "bot.facts.store"
OWNED = [*sorted(STORE.glob("*.py")), ROOT / "bot" / "facts" / "ingest.py",
         ROOT / "bot" / "facts" / "export.py"]
MAX_FUNCTION_LINES = 50
MAX_FILE_LINES = 600


def module_name(path: Path) -> str:
    name = path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
    return name.removesuffix(".__init__")


def store_imports(path: Path) -> set[str]:
    """Store modules ``path`` imports, at run time or for type checking alike."""
    modules = {module_name(p) for p in STORE.glob("*.py")}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in modules else node.module)
    return found & modules


def test_the_store_has_no_import_cycle() -> None:
    graph = {module_name(p): store_imports(p) for p in STORE.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(m for m in graph if reaches(m, m, {m}))
    assert cycles == []
    assert f"{PACKAGE}.overlays" not in graph[f"{PACKAGE}.fact_store"]


def test_only_the_transaction_module_opens_and_ends_transactions() -> None:
    control = re.compile(r"\b(BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b|\._execute\(|\.commit\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "bot").rglob("*.py"))
        if path.name != "transaction.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if control.search(line)
    ]
    assert offenders == []


def test_functions_and_files_stay_short() -> None:
    long: list[str] = []
    for path in OWNED:
        if not path.exists():
            continue
        source = path.read_text("utf-8")
        if len(source.splitlines()) > MAX_FILE_LINES:
            long.append(f"{path.name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({length} lines)")
    assert long == []
