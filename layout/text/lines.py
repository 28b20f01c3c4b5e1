"""Lines: the composed result (placed glyphs in pt from the line start) and its conversion to tree.GlyphRuns.

Contract: a :class:`Line` holds :class:`PlacedGlyph` boxes (``x`` left edge from the line start, ``w``
advance after compression, ``dx`` glyph origin inside the box, ``face`` catalogue id).  Spaces are not
glyphs; they show as gaps.  ``Line.runs(x, baseline_y)`` groups glyphs by face into ``tree.GlyphRun``s
that share the line's origin, so painters place every glyph exactly where the engine put it.

Lines the engine sets carry their glyphs as parallel sequences; ``Line.glyphs`` makes the PlacedGlyph
objects on first use (a line only turned into runs never makes them), with the same values either way.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..tree import BLACK, Glyph, GlyphRun


@dataclass(slots=True)
class PlacedGlyph:
    ch: str
    x: float
    w: float
    dx: float
    face: str
    gid: int = -1


@dataclass
class Line:
    """One composed line.

    ``width``: right edge of the last glyph box that is inside the measure (pt from the line start); a
    justified line has ``width == measure``.  ``start``/``end``: character range in the paragraph text
    (``end`` excludes trailing spaces dropped at the break).  ``flush``: both edges on the measure.
    ``missing``: (character, index in paragraph) that no catalogue font can draw.
    """
    glyphs: list
    text: str
    start: int
    end: int
    width: float
    measure: float
    size: float
    hscale: float = 100.0
    first: bool = False
    last: bool = False
    flush: bool = False
    hanging: bool = False
    emergency: bool = False
    indent: float = 0.0
    ascent: float = 0.0
    descent: float = 0.0
    missing: list = field(default_factory=list)

    # The engine hands a line its glyphs as parallel sequences (chars, x, w, dx, face, gid) in ``_raw``;
    # ``glyphs`` (a property, see below) makes the PlacedGlyph objects on first use, and ``runs()`` makes
    # tree.Glyphs straight from the sequences when nobody has asked for (and perhaps changed) ``glyphs``.
    _g = None
    _raw = None

    def runs(self, x: float, baseline_y: float, colour=BLACK, hscale: float | None = None) -> list:
        """``tree.GlyphRun``s of this line (one per run of glyphs in one face), origin (x, baseline_y)."""
        hs = self.hscale if hscale is None else hscale
        raw = self._raw
        if raw is not None and self._g is None:
            chs, xs, ws, dxs, faces, gids = raw
            n = len(xs)
            if not n:
                return []
            size = self.size
            f = faces[0]
            if faces.count(f) == n:
                return [GlyphRun(f, size, x, baseline_y, list(map(Glyph, chs, xs, ws, dxs, gids)), colour, hs)]
            out = []
            i = 0
            while i < n:
                f = faces[i]
                j = i + 1
                while j < n and faces[j] == f:
                    j += 1
                out.append(GlyphRun(f, size, x, baseline_y,
                                    list(map(Glyph, chs[i:j], xs[i:j], ws[i:j], dxs[i:j], gids[i:j])), colour, hs))
                i = j
            return out
        out: list = []
        cur = None
        for g in self.glyphs:
            if cur is None or cur.face != g.face:
                cur = GlyphRun(face=g.face, size=self.size, x=x, y=baseline_y, glyphs=[], colour=colour, hscale=hs)
                out.append(cur)
            cur.glyphs.append(Glyph(g.ch, g.x, g.w, g.dx, g.gid))
        return out

    @classmethod
    def _from_raw(cls, raw, text, start, end, width, measure, size, hscale, first, last, flush, hanging,
                  emergency, indent, ascent, descent, missing) -> "Line":
        """``Line(glyphs, text, ...)`` with the glyphs as the engine's parallel sequences (the fields set
        directly: one dict instead of eighteen attribute stores; Line has no __post_init__)."""
        line = _new(cls)
        line.__dict__ = {"text": text, "start": start, "end": end, "width": width, "measure": measure,
                         "size": size, "hscale": hscale, "first": first, "last": last, "flush": flush,
                         "hanging": hanging, "emergency": emergency, "indent": indent, "ascent": ascent,
                         "descent": descent, "missing": missing, "_raw": raw}
        return line

    def to_json(self) -> dict:
        return {"text": self.text, "width": round(self.width, 4),
                "glyphs": [{"ch": g.ch, "x": round(g.x, 4), "w": round(g.w, 4), "font": g.face}
                           for g in self.glyphs]}


def _get_glyphs(self) -> list:
    g = self._g
    if g is None:
        raw = self._raw
        if raw is not None:
            g = self._g = list(map(PlacedGlyph, *raw))
            self._raw = None
    return g


def _set_glyphs(self, value) -> None:
    self._g = value
    self._raw = None


Line.glyphs = property(_get_glyphs, _set_glyphs, doc="list of PlacedGlyph (made on first use)")
_new = object.__new__

# Line._from_raw sets every field but ``glyphs`` itself: keep it in step with the dataclass
_RAW_FIELDS = {"glyphs", "text", "start", "end", "width", "measure", "size", "hscale", "first", "last", "flush",
               "hanging", "emergency", "indent", "ascent", "descent", "missing"}
if {f.name for f in fields(Line)} != _RAW_FIELDS:
    raise RuntimeError("layout.text.lines: Line's fields changed; update Line._from_raw")
