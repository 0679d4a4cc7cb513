"""The package layout: imports run down the data flow, and the public names stay functions.

Layers, lowest first (a module may import sim modules of its own layer or lower, never higher):

    0 base      top-level modules of sim/ (_typing, errors, units, ranks, provenance, names, ...)
    1 inputs    sim/inputs/
    2 model     sim/model/
    3 engine    sim/engine/
    4 analyses  sim/analyses/
    5 present   sim/present/
    6 face      sim/cli/, sim/serve/ (the web app), sim/__main__.py, sim/testing.py

sim/__init__.py is the public facade (lazy exports) and may reference anything; importing the
facade itself (``import sim``, ``from sim import *``) therefore counts as importing layer 6.
The rule covers every import in a file: top level, inside functions, under ``if TYPE_CHECKING:``,
relative ones, and ``importlib.import_module``/``__import__`` calls with a literal name.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "sim"

#: Layer of each subpackage of sim/. A new sim/<dir>/ must be added here (test_layer_map_covers_every_file).
DIR_LAYERS: dict[str, int] = {
    "messages": 0,  # the catalogue: base, like errors
    "inputs": 1,
    "model": 2,
    "engine": 3,
    "analyses": 4,
    "present": 5,
    "cli": 6,
    "serve": 6,
}
#: Top-level modules that are not base; every other top-level module of sim/ is layer 0.
FILE_LAYERS: dict[str, int] = {
    "__main__.py": 6,
    "testing.py": 6,
}
FACADE_FILE = "__init__.py"
#: Importing the facade (``sim`` itself) can reach anything, so it sits at the top.
FACADE_LAYER = 6
LAYER_NAMES = {0: "base", 1: "inputs", 2: "model", 3: "engine", 4: "analyses", 5: "present", 6: "face"}


# ---------------------------------------------------------------- the map


def file_layer(path: Path) -> int | None:
    """Layer of a file under sim/; None when the map does not place it (sim/__init__.py: the facade)."""
    parts = path.relative_to(PKG).parts
    if len(parts) == 1:
        if parts[0] == FACADE_FILE:
            return FACADE_LAYER
        return FILE_LAYERS.get(parts[0], 0)
    return DIR_LAYERS.get(parts[0])


def module_layer(module: str) -> int | None:
    """Layer of a module named ``sim...``; None when the map does not place it."""
    parts = module.split(".")
    assert parts[0] == "sim", module
    if len(parts) == 1:
        return FACADE_LAYER
    head = parts[1]
    if head in DIR_LAYERS:
        return DIR_LAYERS[head]
    if f"{head}.py" in FILE_LAYERS:
        return FILE_LAYERS[f"{head}.py"]
    if len(parts) == 2 and not (PKG / head).is_dir():
        return 0  # a top-level module (existing or not yet written) is base
    return None  # a subpackage missing from DIR_LAYERS


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)


def known_modules() -> set[str]:
    return {module_name(p) for p in python_files()}


def facade_exports() -> dict[str, str]:
    """``sim._EXPORTS`` read from the source (name -> module), so ``from sim import x`` resolves."""
    tree = ast.parse((PKG / FACADE_FILE).read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in targets) and node.value is not None:
            value = ast.literal_eval(node.value)
            assert isinstance(value, dict)
            return value
    return {}


# ---------------------------------------------------------------- collecting imports


@dataclass(frozen=True)
class Import:
    line: int
    module: str  # the sim module this import means


def sim_imports(
    source: str,
    module: str,
    *,
    is_package: bool,
    modules: set[str],
    exports: dict[str, str],
) -> list[Import]:
    """Every import of a sim module in ``source`` (the text of ``module``), wherever it sits."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []

    def add(line: int, target: str) -> None:
        if target == "sim" or target.startswith("sim."):
            found.append(Import(line, target))

    def resolve_from(base: str, name: str) -> str:
        if name == "*":
            return base
        if f"{base}.{name}" in modules or ROOT.joinpath(*base.split("."), name).is_dir():
            return f"{base}.{name}"  # a submodule: `from sim.engine import kernels`
        if base == "sim" and name in exports:
            return exports[name]  # a lazy export of the facade: `from sim import project`
        return base

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                if node.level - 1 > len(anchor) - 1:
                    continue  # beyond the top package: not importable anyway
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base != "sim" and not base.startswith("sim."):
                continue
            for alias in node.names:
                add(node.lineno, resolve_from(base, alias.name))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not first.value.startswith(".")
            ):
                add(node.lineno, first.value)
    return found


def violations() -> list[str]:
    modules = known_modules()
    exports = facade_exports()
    out: list[str] = []
    for path in python_files():
        rel = path.relative_to(ROOT).as_posix()
        if path == PKG / FACADE_FILE:
            continue  # the facade may reference anything
        here = file_layer(path)
        source = path.read_text(encoding="utf-8")
        for imp in sim_imports(
            source, module_name(path), is_package=path.name == "__init__.py", modules=modules, exports=exports
        ):
            there = module_layer(imp.module)
            if here is None or there is None or there > here:
                a = "?" if here is None else here
                b = "?" if there is None else there
                out.append(f"{rel}:{imp.line} imports {imp.module} (layer {a} -> layer {b})")
    return out


# ---------------------------------------------------------------- tests


def test_imports_only_run_down_the_layers() -> None:
    found = violations()
    assert not found, f"{len(found)} import(s) against the layer order:\n" + "\n".join(found)


def test_layer_map_covers_every_file() -> None:
    unmapped_dirs = sorted(
        d.relative_to(ROOT).as_posix() + "/"
        for d in PKG.iterdir()
        if d.is_dir()
        and d.name != "__pycache__"
        and not d.name.startswith(".")
        and any("__pycache__" not in p.parts for p in d.rglob("*.py"))
        and d.name not in DIR_LAYERS
    )
    unmapped_files = sorted(p.relative_to(ROOT).as_posix() for p in python_files() if file_layer(p) is None)
    assert not unmapped_dirs, f"subpackages missing from DIR_LAYERS in {__file__}: {unmapped_dirs}"
    assert not unmapped_files, f"files with no layer: {unmapped_files}"
    clashes = sorted(name for name in DIR_LAYERS if (PKG / f"{name}.py").exists())
    assert not clashes, f"both sim/<name>.py and sim/<name>/ exist: {clashes}"


def _collect(source: str, module: str = "sim.engine.batch", *, is_package: bool = False) -> list[Import]:
    modules = {"sim", "sim.errors", "sim.engine", "sim.engine.kernels", "sim.engine.batch", "sim.analyses"}
    modules |= {"sim.analyses.sweep", "sim.present", "sim.present.report"}
    exports = {"project": "sim.engine.projection", "sweep": "sim.analyses.sweep"}
    return sim_imports(source, module, is_package=is_package, modules=modules, exports=exports)


def test_collector_sees_every_form_of_import() -> None:
    """The checker itself: the forms the rule names are all found and resolved (so a pass means something)."""
    source = textwrap.dedent(
        """\
        from __future__ import annotations
        import numpy as np
        from typing import TYPE_CHECKING
        import sim.present.report as r
        from sim.engine import kernels
        from sim import project, errors
        from . import kernels as k2
        from .. import analyses
        from ..analyses.sweep import sweep
        if TYPE_CHECKING:
            from sim.analyses.sweep import SweepResult
        def f():
            import sim
            from sim import sweep
            from sim import *
            importlib.import_module("sim.present.report")
        """
    )
    got = [(i.line, i.module) for i in _collect(source)]
    assert sorted(got) == sorted(
        [
            (4, "sim.present.report"),
            (5, "sim.engine.kernels"),
            (6, "sim.engine.projection"),
            (6, "sim.errors"),
            (7, "sim.engine.kernels"),
            (8, "sim.analyses"),
            (9, "sim.analyses.sweep"),
            (11, "sim.analyses.sweep"),
            (13, "sim"),
            (14, "sim.analyses.sweep"),
            (15, "sim"),
            (16, "sim.present.report"),
        ]
    )
    # relative imports from a package's __init__ anchor at the package itself
    assert [i.module for i in _collect("from .kernels import x\n", "sim.engine", is_package=True)] == [
        "sim.engine.kernels"
    ]
    assert module_layer("sim") == FACADE_LAYER
    assert module_layer("sim.names") == 0
    assert module_layer("sim.testing") == 6
    assert module_layer("sim.analyses.sweep") == 4


PUBLIC_FUNCTIONS = [
    "sweep",
    "solve",
    "backtest",
    "sensitivity",
    "simulate",
    "project",
    "load_scenario",
    "report",
]

_PROBE = """
import inspect, json, sys
import sim

WANTED = {names!r}
checks = []

def check(stage, namespace=None):
    for name in [n for n in WANTED if n in sim.__all__]:
        obj = getattr(sim, name, None) if namespace is None else namespace.get(name)
        where = "sim." + name if namespace is None else name + " (from sim import *)"
        checks.append([stage, where, type(obj).__name__, inspect.isfunction(obj)])

{body}
print(json.dumps(checks))
"""

#: Import orders, each run in a fresh interpreter; ``check(...)`` records what the names are at that point.
ORDERS: dict[str, list[str]] = {
    "import sim": ["check('import sim')"],
    "import sim.present.report first": [
        "import sim.present.report",
        "check('after import sim.present.report')",
    ],
    "from sim import * first": [
        "from sim import *",
        "check('after from sim import *')",
        "check('after from sim import * (globals)', globals())",
    ],
    "all three in turn": [
        "check('import sim')",
        "import sim.present.report",
        "check('then import sim.present.report')",
        "from sim import *",
        "check('then from sim import *')",
        "check('then from sim import * (globals)', globals())",
    ],
    "report then star": [
        "import sim.present.report",
        "from sim import *",
        "check('report, star')",
        "check('report, star (globals)', globals())",
    ],
}


@pytest.mark.parametrize("order", ORDERS)
def test_public_names_are_functions_whatever_the_import_order(order: str) -> None:
    code = _PROBE.format(names=PUBLIC_FUNCTIONS, body="\n".join(ORDERS[order]))
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    code_ = run.returncode
    assert code_ == 0, f"the probe failed ({order}):\n{run.stderr[-4000:]}"
    checks = json.loads(run.stdout.strip().splitlines()[-1])
    assert checks, "no public name of PUBLIC_FUNCTIONS is in sim.__all__"
    bad = [f"{stage}: {where} is a {kind}" for stage, where, kind, ok in checks if not ok]
    assert not bad, "\n".join(bad)
