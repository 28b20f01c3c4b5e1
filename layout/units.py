"""Units: lengths (mm, cm, pt, em, 字), Chinese type sizes (小五, 五号), percentages, CMYK colours; grid counts.

Every parser takes a YAML value (number or string) and returns a float in the unit the caller asks for,
or raises :class:`UnitError` with one clear sentence (the loader adds file, line and field). Bare numbers
are in the field's default unit. ``em``/``字`` are relative to a size in pt the caller gives.

Grid arithmetic the loader needs (and the composer shares): :func:`type_area`, :func:`grid_width`,
:func:`grid_lines`.
"""
from __future__ import annotations

import difflib
import math
import re

from .model import HAO_SIZES, PAGE_SIZES

MM_PER_PT = 25.4 / 72.0
PT_PER_MM = 72.0 / 25.4

# CMYK (0..1) colours every document knows without declaring them.
BUILTIN_COLOURS = {
    "black": (0.0, 0.0, 0.0, 1.0), "黑": (0.0, 0.0, 0.0, 1.0),
    "white": (0.0, 0.0, 0.0, 0.0), "白": (0.0, 0.0, 0.0, 0.0),
    "red": (0.0, 1.0, 1.0, 0.0), "红": (0.0, 1.0, 1.0, 0.0),
}

_NUM_UNIT = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\d\s.+-][^\s]*)?\s*$")
_LENGTH_UNITS = ("mm", "cm", "pt", "em", "字")


class UnitError(ValueError):
    """A value that cannot be read; ``str()`` is the user-facing sentence. ``index``: the list item at fault."""

    def __init__(self, message: str, index: int | None = None):
        super().__init__(message)
        self.index = index


def did_you_mean(word, choices) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or ``""``."""
    m = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.5)
    return f" (did you mean {m[0]!r}?)" if m else ""


def fmt_num(v: float) -> str:
    """Shortest text for a number that reads back to the same float: 20.0 → '20', 13.5 → '13.5'."""
    if isinstance(v, bool):
        raise TypeError("bool is not a number")
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def _split(value, what: str) -> tuple[float, str]:
    """(number, unit text) of ``13.5pt`` / ``20`` / ``2 字``; unit is '' for a bare number."""
    if isinstance(value, bool) or value is None:
        raise UnitError(f"expected {what}, got {_show(value)}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise UnitError(f"expected {what}, got {value}")
        return float(value), ""
    if not isinstance(value, str):
        raise UnitError(f"expected {what}, got {_show(value)}")
    m = _NUM_UNIT.match(value)
    if not m:
        raise UnitError(f"expected {what}, got {value!r}")
    num = float(m.group(1))
    if not math.isfinite(num):
        raise UnitError(f"expected {what}, got {value!r}")
    return num, (m.group(2) or "")


def _show(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return repr(value)


def to_pt(num: float, unit: str, em_pt: float | None = None, *, what: str = "length") -> float:
    """``num`` ``unit`` in points; ``em``/``字`` need ``em_pt`` (the size they are relative to)."""
    if unit == "pt":
        return num
    if unit == "mm":
        return num * PT_PER_MM
    if unit == "cm":
        return num * 10 * PT_PER_MM
    if unit in ("em", "字"):
        if em_pt is None:
            raise UnitError(f"'{unit}' cannot be used for this {what} (use mm or pt)")
        return num * em_pt
    raise UnitError(f"wrong unit {unit!r} (use mm, pt, em or 字)")


def parse_length(value, unit: str = "mm", *, em_pt: float | None = None, what: str = "length") -> float:
    """A length in ``unit`` (``mm``, ``pt`` or ``em``): ``20mm``, ``2cm``, ``13.5pt``, ``2em``, ``1字``, or a bare
    number already in ``unit``. ``em``/``字`` are relative to ``em_pt`` points (required for unit ``em``)."""
    num, u = _split(value, f"a {what} like 20mm or 13.5pt" if unit != "em" else f"a {what} like 2em or 2字")
    if not u or u == unit or (unit == "em" and u in ("em", "字")):
        return num
    if u not in _LENGTH_UNITS and u not in ("cm",):
        raise UnitError(f"wrong unit {u!r} (use mm, pt, em or 字)")
    pt = to_pt(num, u, em_pt, what=what)
    if unit == "pt":
        return pt
    if unit == "mm":
        return pt * MM_PER_PT
    if unit == "em":
        if not em_pt:
            raise UnitError(f"'{u}' cannot be used for this {what} (use em or 字)")
        return pt / em_pt
    raise ValueError(f"unknown target unit {unit!r}")


def parse_type_size(value) -> float:
    """A type size in pt: a 号 name (``小五``, ``五号``, ``二号``), ``9pt``, ``3.5mm`` or a bare number in pt."""
    if isinstance(value, str):
        name = value.strip()
        if name in HAO_SIZES:
            return HAO_SIZES[name]
        if name + "号" in HAO_SIZES:              # 五 → 五号
            return HAO_SIZES[name + "号"]
        if name.endswith("号") and name[:-1] in HAO_SIZES:   # 小五号 → 小五
            return HAO_SIZES[name[:-1]]
        if not re.match(r"^\s*[+-]?[\d.]", name):
            same = [n for n in HAO_SIZES if (set(n) - {"小", "号"}) & set(name)]    # 小七 → 七号
            hint = f" (did you mean {same[0]!r}?)" if len(same) == 1 else did_you_mean(name, same or HAO_SIZES)
            raise UnitError(f"unknown size name {name!r}{hint} "
                            f"(use a 号 name from 初号 to 八号, or points like 9pt)")
    num, u = _split(value, "a type size like 小五, 五号 or 9pt")
    if u in ("em", "字"):
        raise UnitError(f"a type size cannot be in {u!r} (use pt, mm or a 号 name like 小五)")
    if u and u not in ("pt", "mm", "cm"):
        raise UnitError(f"wrong unit {u!r} for a type size (use pt, mm or a 号 name like 小五)")
    return to_pt(num, u or "pt")


def size_name(pt: float) -> str | None:
    """The 号 name of a size in pt, when it is exactly one (9.0 → 小五), else None."""
    for name, v in HAO_SIZES.items():
        if v == pt:
            return name
    return None


def parse_percent(value, *, what: str = "percentage") -> float:
    """``90%`` or a bare number, in percent."""
    num, u = _split(value, f"a {what} like 90%")
    if u not in ("", "%"):
        raise UnitError(f"wrong unit {u!r} for a {what} (use a number or %)")
    return num


def parse_cmyk(value, named: dict | None = None) -> tuple[tuple, str | None]:
    """A CMYK colour → ((c, m, y, k) in 0..1, spot name or None).

    ``[0, 100, 100, 0]`` is in percent; a string names a document colour (``colours:``) or a built-in one
    (black/黑, white/白, red/红); ``{cmyk: [...]}`` is accepted too."""
    named = named or {}
    if isinstance(value, dict) and set(value) == {"cmyk"}:
        value = value["cmyk"]
    if isinstance(value, str):
        name = value.strip()
        if name in named:
            return tuple(named[name]), name
        if name in BUILTIN_COLOURS:
            return BUILTIN_COLOURS[name], None
        known = list(named) + list(BUILTIN_COLOURS)
        raise UnitError(f"unknown colour {name!r}{did_you_mean(name, known)} "
                        f"(give CMYK in percent like [0, 100, 100, 0] or a name from colours:)")
    if isinstance(value, (list, tuple)):
        if len(value) != 4:
            raise UnitError(f"a CMYK colour needs 4 numbers (C, M, Y, K in percent), got {len(value)}")
        out = []
        for i, (n, v) in enumerate(zip("CMYK", value)):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise UnitError(f"{n} must be a number from 0 to 100, got {_show(v)}", i)
            if not 0 <= v <= 100:
                raise UnitError(f"{n} = {fmt_num(v)} is out of range (CMYK is in percent, 0 to 100)", i)
            out.append(float(v) / 100.0)
        return tuple(out), None
    raise UnitError(f"expected a CMYK colour like [0, 100, 100, 0] or a colour name, got {_show(value)}")


def cmyk_percent(c: tuple) -> list:
    """Model CMYK (0..1) → YAML percent list, as short numbers (1.0 → 100)."""
    out = []
    for v in c:
        p = round(float(v) * 100.0, 6)
        out.append(int(p) if p.is_integer() else p)
    return out


# -- page geometry and the grid ------------------------------------------------------------------------

def page_size(name: str) -> tuple[float, float]:
    """(width, height) mm of a preset; UnitError naming the presets when unknown."""
    if name in PAGE_SIZES:
        return PAGE_SIZES[name]
    raise UnitError(f"unknown page size {name!r}{did_you_mean(name, PAGE_SIZES)} "
                    f"(use {', '.join(PAGE_SIZES)} or {{width: 280mm, height: 400mm}})")


def type_area(ps) -> tuple[float, float, float, float]:
    """(x, y, w, h) in mm of the type area (版心) of a :class:`~layout.model.PageSetup`."""
    top, right, bottom, left = ps.margins
    return left, top, ps.width - left - right, ps.height - top - bottom


def grid_width(ps) -> float:
    """Width in mm the grid needs: (columns × column_chars + (columns − 1) × gutter_chars) × body size."""
    chars = ps.columns * ps.column_chars + (ps.columns - 1) * ps.gutter_chars
    return chars * ps.body_size * MM_PER_PT


def grid_lines(ps) -> int:
    """Body lines per page: type-area height / leading, rounded down."""
    h_pt = type_area(ps)[3] * PT_PER_MM
    if ps.leading <= 0 or h_pt <= 0:
        return 0
    return int(math.floor(h_pt / ps.leading + 1e-9))
