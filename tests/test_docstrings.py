"""Every public definition in sim/ has a docstring.

Public: a function, class or method whose name does not start with ``_``, at module level or
in the body of a public class (properties included). Anything nested in a function is skipped.
"""

from __future__ import annotations

import ast
from pathlib import Path

SIM = Path(__file__).resolve().parent.parent / "sim"
Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def _missing(body: list[ast.stmt], path: Path, prefix: str = "") -> list[str]:
    out: list[str] = []
    for node in body:
        if not isinstance(node, Definition) or node.name.startswith("_"):
            continue
        if ast.get_docstring(node) is None:
            out.append(f"{path.relative_to(SIM.parent)}:{node.lineno} {prefix}{node.name}")
        if isinstance(node, ast.ClassDef):
            out += _missing(node.body, path, f"{prefix}{node.name}.")
    return out


def missing_docstrings() -> list[str]:
    """``file:line name`` of every public definition in sim/ without a docstring."""
    out: list[str] = []
    for path in sorted(SIM.rglob("*.py")):
        out += _missing(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)).body, path)
    return out


def test_sim_is_there() -> None:
    assert (SIM / "__init__.py").is_file()


def test_every_public_definition_has_a_docstring() -> None:
    missing = missing_docstrings()
    assert not missing, f"{len(missing)} public definitions without a docstring:\n" + "\n".join(missing)
