"""The dependency rule: the model and engine (``layout``) import no Qt; data flows one way."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_layout_sources_do_not_import_qt():
    bad = []
    for path in (ROOT / "layout").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)\b", line):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
            if re.match(r"\s*(from|import)\s+gui\b", line) and "lazy, at run time" not in line:
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert bad == []


def test_importing_every_layout_module_loads_no_qt():
    mods = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "layout").rglob("*.py")
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'shiboken'))]\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
    assert len(mods) > 5
