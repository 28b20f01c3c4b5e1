"""Vertical text (竖排) for headlines, text blocks and mastheads.

Characters go top to bottom, columns right to left. Punctuation takes its vertical presentation form
(U+FE10–FE19, U+FE30–FE4F) when the face has it; Latin words are rotated 90° clockwise (``Glyph.rotate``);
numbers of two or three digits are set upright side by side in one em cell, compressed horizontally with
the run's ``hscale`` (纵中横).

Tree convention for the painters: a glyph's box is ``[x, x + w]`` horizontally and the face's em box
(``baseline − ascent × size`` to ``baseline + descent × size``) vertically, with ``baseline = run.y + dy``;
``rotate`` turns the glyph clockwise about that box's centre.
"""
from __future__ import annotations

import re

from .. import tree

VERTICAL_FORMS = {
    "，": "\ufe10", "、": "\ufe11", "。": "\ufe12", "：": "\ufe13", "；": "\ufe14", "！": "\ufe15",
    "？": "\ufe16", "〖": "\ufe17", "〗": "\ufe18", "…": "\ufe19", "‥": "\ufe30", "—": "\ufe31",
    "–": "\ufe32", "＿": "\ufe33", "（": "\ufe35", "）": "\ufe36", "｛": "\ufe37", "｝": "\ufe38",
    "〔": "\ufe39", "〕": "\ufe3a", "【": "\ufe3b", "】": "\ufe3c", "《": "\ufe3d", "》": "\ufe3e",
    "〈": "\ufe3f", "〉": "\ufe40", "「": "\ufe41", "」": "\ufe42", "『": "\ufe43", "』": "\ufe44",
    "［": "\ufe47", "］": "\ufe48", "“": "\ufe41", "”": "\ufe42", "‘": "\ufe43", "’": "\ufe44",
    "(": "\ufe35", ")": "\ufe36", ",": "\ufe10", ":": "\ufe13", ";": "\ufe14", "!": "\ufe15", "?": "\ufe16",
}

_TOKEN = re.compile(r"(?<![0-9])[0-9]{2,3}(?![0-9])|[A-Za-z0-9][A-Za-z0-9.\-'%/ ]*[A-Za-z0-9%]|[A-Za-z0-9]|.", re.S)


def _is_upright(ch: str) -> bool:
    o = ord(ch)
    return o >= 0x2E80 or ch in VERTICAL_FORMS or 0x2000 <= o <= 0x206F or 0x3000 <= o <= 0x303F


def tokens(text: str) -> list[tuple[str, str]]:
    """Split into (kind, text): ``tcy`` for 2–3 digit numbers, ``latin`` for rotated runs, ``cjk`` cells."""
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        if t.isdigit() and 2 <= len(t) <= 3:
            out.append(("tcy", t))
        elif len(t) > 1 or not _is_upright(t):
            out.append(("latin", t))
        elif t.isspace() or t == "\n":
            out.append(("space", t))
        else:
            out.append(("cjk", t))
    return out


def _faces(style):
    from ..fonts import catalog
    cat = catalog()
    return cat, cat.face(style.font)


def measure_vertical(text: str, style) -> float:
    """Length of ``text`` set vertically in one column (pt)."""
    cat, face = _faces(style)
    size = style.size
    track = style.tracking / 1000.0 * size
    total = 0.0
    for kind, t in tokens(text):
        if kind == "latin":
            for ch in t:
                f = cat.face_for(ch, face) or face
                total += (f.advance(ch) or 0.5) * size
            total += track
        elif kind == "space":
            total += 0.5 * size
        else:
            total += size + track
    return total


def set_vertical(text: str, doc, style, right: float, top: float, height: float, colour,
                 align: str = "top", column_gap: float | None = None) -> tuple[list, float]:
    """Set ``text`` in vertical columns whose first (rightmost) column's right edge is ``right``.

    Returns (glyph runs, width used). ``align``: ``top``, ``center`` or ``bottom`` (each column placed in
    ``height`` that way).
    """
    cat, face = _faces(style)
    size = style.size
    track = style.tracking / 1000.0 * size
    gap = column_gap if column_gap is not None else 0.25 * size
    cells = []      # (kind, ch/text, face, length along the column)
    for kind, t in tokens(text):
        if kind == "latin":
            for ch in t:
                f = cat.face_for(ch, face) or face
                cells.append(("rot", ch, f, (f.advance(ch) or 0.5) * size))
            if cells:
                k, c, f, ln = cells[-1]
                cells[-1] = (k, c, f, ln + track)
        elif kind == "tcy":
            cells.append(("tcy", t, cat.face_for(t[0], face) or face, size + track))
        elif kind == "space":
            cells.append(("space", " ", face, 0.5 * size))
        else:
            ch = t
            vf = VERTICAL_FORMS.get(ch)
            f = None
            if vf is not None:
                f = face if face.has(vf) else cat.face_for(vf, face)
                if f is not None:
                    ch = vf
            if f is None:
                f = cat.face_for(ch, face) or face
            cells.append(("cjk", ch, f, size + track))
    # break into columns of ``height``
    columns, cur, used = [], [], 0.0
    for c in cells:
        if cur and used + c[3] - track > height + 0.01:
            columns.append((cur, used))
            cur, used = [], 0.0
        cur.append(c)
        used += c[3]
    if cur:
        columns.append((cur, used))
    runs = []
    x_right = right
    for cells_, length in columns:
        length -= track
        y = top + {"center": (height - length) / 2, "bottom": height - length}.get(align, 0.0)
        x0 = x_right - size
        runs += _column_runs(cells_, x0, y, size, colour, style)
        x_right = x0 - gap
    width = right - (x_right + gap) if columns else 0.0
    return runs, width


def _column_runs(cells, x0: float, y: float, size: float, colour, style) -> list:
    """Glyph runs of one vertical column whose em cells start at ``y`` with left edge ``x0``."""
    by_face: dict = {}
    out = []
    cy = y
    base0 = y + 0.88 * size       # baseline of the first cell; every glyph uses dy from it
    for kind, ch, face, length in cells:
        if kind == "cjk":
            w = (face.advance(ch) or 1.0) * size
            g = tree.Glyph(ch, (size - w) / 2, w, 0.0, face.gid(ch), 0.0, cy - y)
            by_face.setdefault(face.id, []).append(g)
        elif kind == "rot":
            w = (face.advance(ch) or 0.5) * size
            centre_y = cy + w / 2
            # rotation centre = (x + w/2, baseline + dy − (ascent − descent)/2 × size)
            dy = centre_y + (face.ascent - face.descent) / 2 * size - base0
            g = tree.Glyph(ch, size / 2 - w / 2, w, 0.0, face.gid(ch), 90.0, dy)
            by_face.setdefault(face.id, []).append(g)
        elif kind == "tcy":
            advs = [(face.advance(c) or 0.5) * size for c in ch]
            total = sum(advs)
            scale = min(1.0, 0.96 * size / total) if total else 1.0
            x = (size - total * scale) / 2
            gl = []
            for c, a in zip(ch, advs):
                gl.append(tree.Glyph(c, x, a * scale, 0.0, face.gid(c), 0.0, cy - y))
                x += a * scale
            out.append(tree.GlyphRun(face.id, size, x0, base0, gl, colour, style.hscale * scale))
        cy += length
    for fid, gl in by_face.items():
        out.insert(0, tree.GlyphRun(fid, size, x0, base0, gl, colour, style.hscale))
    return out
