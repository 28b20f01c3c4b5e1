"""Print profiles (印刷配置): what a print shop needs, in one small YAML file.

A profile names the CMYK output ICC profile (used to separate images and written into the PDF/X
OutputIntent), the total ink limit, the minimum image resolution, the bleed, whether K100 overprints, the
thinnest printable line, the safety margin inside the trim, and the default PDF/X mode and marks.

Bundled profiles live in ``assets/profiles/<name>.yaml`` (``newsprint``, ``coated``, ``office``). A document
names one (``print_profile: newsprint``); the CLI can override it (``--profile coated``). Either may also be a
path to the shop's own YAML file, whose ``icc`` may point at the shop's ICC profile (relative paths are
relative to the YAML file).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Diagnostic, PaibanError

ROOT = Path(__file__).resolve().parent.parent
PROFILES_DIR = ROOT / "assets" / "profiles"
MM = 72.0 / 25.4

_LEN = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|pt|cm|in)?\s*$")
_UNIT = {"mm": MM, "pt": 1.0, "cm": 10 * MM, "in": 72.0, None: MM}


def length_pt(value, default_unit: str = "mm") -> float:
    """``'3mm'`` / ``'0.25pt'`` / number (in ``default_unit``) → points."""
    if isinstance(value, (int, float)):
        return float(value) * _UNIT[default_unit]
    m = _LEN.match(str(value))
    if not m:
        raise ValueError(f"not a length: {value!r} (use e.g. 3mm or 0.25pt)")
    return float(m.group(1)) * _UNIT[m.group(2) or default_unit]


@dataclass
class PrintProfile:
    name: str
    icc: str                          # absolute path of the CMYK output profile
    title_zh: str = ""
    title_en: str = ""
    output_condition_identifier: str = "Custom"
    output_condition: str = ""
    registry: str = ""
    tac: float = 300.0                # percent
    min_ppi: float = 200.0
    warn_ppi: float = 0.0             # below this: warning (0 = same as min_ppi)
    bleed: float = 3 * MM             # pt
    overprint_black: bool = True
    min_line: float = 0.25            # pt
    safety: float = 3 * MM            # pt
    pdfx: str = "x1a"                 # x1a | none
    marks: bool = True
    source: str = ""                  # the YAML file
    extra: dict = field(default_factory=dict)


_FIELDS = {"name", "icc", "title_zh", "title_en", "output_condition_identifier", "output_condition",
           "registry", "tac", "min_ppi", "warn_ppi", "bleed", "overprint_black", "min_line", "safety",
           "pdfx", "marks"}


def available() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def load_profile(name_or_path: str | Path | None = None, *, base_dir: str | Path | None = None) -> PrintProfile:
    """A bundled profile by name, or a profile YAML file by path (relative to ``base_dir`` if given)."""
    spec = str(name_or_path or "newsprint")
    path = None
    if spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec:
        p = Path(spec).expanduser()
        if not p.is_absolute() and base_dir is not None:
            p = Path(base_dir) / p
        path = p
    else:
        path = PROFILES_DIR / f"{spec}.yaml"
        if not path.exists():
            raise PaibanError(Diagnostic(
                f"unknown print profile {spec!r}; bundled: {', '.join(available())} (or give a .yaml path)",
                field="print_profile"))
    return _load_file(path)


_cache: dict = {}


def _load_file(path: Path) -> PrintProfile:
    path = path.resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as e:
        raise PaibanError(Diagnostic(f"cannot read print profile: {e.strerror}", file=str(path))) from None
    hit = _cache.get(path)
    if hit and hit[0] == mtime:
        return hit[1]
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise PaibanError(Diagnostic(f"YAML syntax: {getattr(e, 'problem', e)}", file=str(path),
                                     line=(mark.line + 1) if mark else 0,
                                     col=(mark.column + 1) if mark else 0)) from None
    if not isinstance(data, dict):
        raise PaibanError(Diagnostic("a print profile is a mapping of settings", file=str(path)))
    diags = []

    def bad(fieldname, msg):
        diags.append(Diagnostic(msg, file=str(path), line=_line_of(path, fieldname), field=fieldname))

    for k in data:
        if k not in _FIELDS:
            bad(k, f"unknown setting; known: {', '.join(sorted(_FIELDS))}")
    kw: dict = {"name": str(data.get("name") or path.stem), "source": str(path)}
    icc = data.get("icc")
    if not icc:
        bad("icc", "missing: the CMYK output ICC profile (path)")
    else:
        ip = Path(str(icc)).expanduser()
        if not ip.is_absolute():
            ip = path.parent / ip
        ip = ip.resolve()
        if not ip.exists():
            bad("icc", f"ICC profile not found: {ip}")
        else:
            kw["icc"] = str(ip)
            try:
                from .color import icc_info
                info = icc_info(ip)
                if info["space"] != "CMYK":
                    bad("icc", f"{ip.name} is a {info['space']} profile; a CMYK output profile is needed")
                elif info["cls"] != "prtr":
                    bad("icc", f"{ip.name} is a {info['cls']!r} profile; an output ('prtr') profile is needed")
            except PaibanError as e:
                bad("icc", e.diagnostics[0].message)
    for k in ("title_zh", "title_en", "output_condition_identifier", "output_condition", "registry"):
        if k in data and data[k] is not None:
            kw[k] = str(data[k])
    for k in ("tac", "min_ppi", "warn_ppi"):
        if k in data:
            try:
                kw[k] = float(data[k])
                if kw[k] < 0:
                    raise ValueError
            except (TypeError, ValueError):
                bad(k, f"must be a non-negative number, not {data[k]!r}")
    for k, unit in (("bleed", "mm"), ("safety", "mm"), ("min_line", "pt")):
        if k in data:
            try:
                kw[k] = length_pt(data[k], unit)
            except ValueError as e:
                bad(k, str(e))
    for k in ("overprint_black", "marks"):
        if k in data:
            if not isinstance(data[k], bool):
                bad(k, f"must be true or false, not {data[k]!r}")
            else:
                kw[k] = data[k]
    if "pdfx" in data:
        if str(data["pdfx"]) not in ("x1a", "none"):
            bad("pdfx", f"must be x1a or none, not {data['pdfx']!r}")
        else:
            kw["pdfx"] = str(data["pdfx"])
    if diags:
        raise PaibanError(diags)
    prof = PrintProfile(**kw)
    if not prof.warn_ppi:
        prof.warn_ppi = prof.min_ppi
    _cache[path] = (mtime, prof)
    return prof


def _line_of(path: Path, key: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*{re.escape(str(key))}\s*:", line):
                return n
    except OSError:
        pass
    return 0
