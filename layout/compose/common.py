"""Shared pieces of page composition: page context, block results, colours, placing engine lines."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import tree
from .grid import Grid


@dataclass
class PageCtx:
    index: int                  # 0-based position in the issue
    number: int                 # 版次 printed (page.number or position + 1)
    grid: Grid
    page: object                # model.Page
    wraps: list = field(default_factory=list)   # (x0, y0, x1, y1) photo rectangles text flows around


@dataclass
class BlockResult:
    """What composing one block produced, per page index (a threaded article reaches other pages)."""
    items: dict = field(default_factory=dict)      # page index -> [items]
    boxes: dict = field(default_factory=dict)      # page index -> [BlockBox]
    columns: dict = field(default_factory=dict)    # page index -> [(x0, x1, y0, y1)] body text columns
    solids: dict = field(default_factory=dict)     # page index -> [(x0, y0, x1, y1)] no column rule through
    lines: list = field(default_factory=list)      # text lines placed in each frame of a chain
    resume: list = field(default_factory=list)     # resume point after each frame of a chain
    resume_end: object = None                      # flow.Resume after the last frame (overset when not at the end)

    def add(self, page: int, *items) -> None:
        self.items.setdefault(page, []).extend(items)

    def extend(self, page: int, items) -> None:
        self.items.setdefault(page, []).extend(items)


def colour_of(doc, style):
    """The fill of text in ``style``: a Spot when the style names a document spot colour, else its CMYK."""
    if getattr(style, "spot", None):
        alt = doc.colours.get(style.spot)
        if alt is not None:
            alt = getattr(alt, "cmyk", alt)
            return tree.Spot(style.spot, tuple(alt))
    return tuple(style.colour)


def derived(style, **changes):
    """A copy of a style with some fields changed (cached by the caller when it matters)."""
    return replace(style, **changes)


def line_runs(line, x: float, baseline: float, colour, style) -> list:
    """The glyph runs of an engine line placed at ``x`` on ``baseline``."""
    return line.runs(x, baseline, colour=colour)


def embolden(runs: list, count: int, face: str) -> tuple[list, int]:
    """Switch the first ``count`` characters of ``runs`` to ``face`` (a bold lead-in such as 本报讯).
    Returns (new runs, characters still to switch on following lines)."""
    if count <= 0 or not face:
        return runs, count
    try:
        from ..fonts import catalog
        has = catalog().faces[face].has
    except (KeyError, Exception):       # no catalogue or unknown face: leave the runs alone
        return runs, count
    out = []
    for r in runs:
        if count <= 0:
            out.append(r)
            continue
        head, keep = [], []
        for g in r.glyphs:
            if count > 0:
                if has(g.ch):
                    head.append(tree.Glyph(g.ch, g.x, g.w, g.dx, -1, g.rotate, g.dy))
                else:
                    keep.append(g)      # the bold face lacks it: stays in the body face
                if not g.ch.isspace():
                    count -= len(g.ch)
            else:
                keep.append(g)
        if head:
            out.append(tree.GlyphRun(face, r.size, r.x, r.y, head, r.colour, r.hscale, r.overprint))
        if keep:
            out.append(tree.GlyphRun(r.face, r.size, r.x, r.y, keep, r.colour, r.hscale, r.overprint))
    return out, count


def missing_glyphs(items) -> list:
    """(char, face id) of glyphs whose face has no glyph for them."""
    try:
        from ..fonts import catalog
        cat = catalog()
    except Exception:           # no catalogue: nothing to check against
        return []
    seen, out = set(), []
    for it in items:
        if not isinstance(it, tree.GlyphRun):
            continue
        face = cat.faces.get(it.face)
        if face is None:
            for g in it.glyphs:
                if not g.ch.isspace() and (g.ch, it.face) not in seen:
                    seen.add((g.ch, it.face))
                    out.append((g.ch, it.face))
            continue
        cmap = face.cmap
        for g in it.glyphs:
            c = g.ch
            if c and not c.isspace() and ord(c[0]) not in cmap and (c, it.face) not in seen:
                seen.add((c, it.face))
                out.append((c, it.face))
    return out
