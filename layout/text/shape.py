"""Measure: advances (em) and punctuation adjustment space from the font's own data, cached per (face, char).

Contract: ``metrics(face, ch)`` returns a :class:`Metric` (advance in em, box width in em, glyph offset in
the box, compressible space on the left and right in em, glyph id when a ``locl`` form differs).  For CJK
marks the adjustment space comes from shaping the mark alone with ``halt`` on (uharfbuzz): the advance it
loses is the space, the sign of its x_offset says on which side.  Faces without ``halt`` fall back to
clreq's positions (stops and closing marks lower-left/left, opening marks right).  Ambiguous-width marks
(curly quotes, ``—``) that a CJK face draws narrow still get a full-width box in Chinese context, the
glyph hugging its text (quotes) or centred (dashes, ellipses).  Widths are always the cmap glyph's, the
glyph painters draw (a ``locl`` form reached only by shaping is not used).
Shaping happens once per (face, char); everything after that is a dict look-up.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from . import rules


@dataclass(frozen=True, slots=True)
class Metric:
    adv: float          # the font's advance (em)
    box: float          # width of the glyph box before any compression (em)
    dx: float           # where the glyph origin sits inside the box (em)
    lglue: float        # compressible blank on the left (em)
    rglue: float        # compressible blank on the right (em)
    gid: int = -1       # glyph id to draw; -1 = the cmap glyph of the character (what painters draw)
    palt: tuple | None = None   # (advance, x_offset) em with palt, when the face has it


_LOCK = threading.Lock()
_HB_FONTS: dict = {}
_METRICS: dict = {}


def _hb_font(face):
    key = (face.path, face.index)
    f = _HB_FONTS.get(key)
    if f is None:
        import uharfbuzz as hb
        blob = hb.Blob.from_file_path(face.path)
        f = hb.Font(hb.Face(blob, face.index))
        _HB_FONTS[key] = f
    return f


def _shape(face, ch: str, features: dict) -> tuple[int, int, int, int]:
    """(gid, x_advance, x_offset, upem) of ``ch`` shaped alone as Chinese."""
    import uharfbuzz as hb
    font = _hb_font(face)
    buf = hb.Buffer()
    buf.add_str(ch)
    buf.direction = "ltr"
    buf.script = "Hani"
    buf.language = "zh-Hans"
    hb.shape(font, buf, features)
    info, pos = buf.glyph_infos[0], buf.glyph_positions[0]
    return info.codepoint, pos.x_advance, pos.x_offset, font.face.upem


def metrics(face, ch: str) -> Metric:
    key = (face.id, face.path, face.index, ch)
    m = _METRICS.get(key)
    if m is None:
        with _LOCK:
            m = _METRICS.get(key)
            if m is None:
                m = _measure(face, ch)
                _METRICS[key] = m
    return m


def _measure(face, ch: str) -> Metric:
    cls = rules.PUNCT_CLASS.get(ch)
    adv = face.advance(ch)
    if adv is None:
        return Metric(1.0, 1.0, 0.0, 0.0, 0.0)
    if cls is None:
        return Metric(adv, adv, 0.0, 0.0, 0.0)
    gid = -1
    lglue = rglue = 0.0
    palt = None
    try:
        g0, a0, _, upem = _shape(face, ch, {})
        if g0 == face.gid(ch):
            # halt/palt data only when shaping draws the glyph the cmap gives: painters draw by character
            # (ReportLab maps through the cmap), so every width here must be the cmap glyph's
            g1, a1, o1, _ = _shape(face, ch, {"halt": True})
            g2, a2, o2, _ = _shape(face, ch, {"palt": True})
            if a1 < a0 and cls in ("stop", "pause", "open", "close"):
                if o1 < 0:
                    lglue = (a0 - a1) / upem
                else:
                    rglue = (a0 - a1) / upem
            if a2 != a0 or o2:
                palt = (a2 / upem, o2 / upem)
    except Exception:  # noqa: BLE001 - shaping is an improvement; the tables below still work
        pass
    box, dx = adv, 0.0
    if cls in ("stop", "pause", "close", "open"):
        if adv < 0.99:
            # a narrow (ambiguous-width) form in a CJK face: set it in a full-width box, hugging its text
            box = 1.0
            dx = 1.0 - adv if cls == "open" else 0.0
        if not (lglue or rglue):
            if cls == "open":
                lglue = 0.5
            else:
                rglue = 0.5
    elif cls == "middle":
        box, dx = 0.5, (0.5 - adv) / 2        # clreq: interpunct 1/2 em, centred, unadjustable
    elif cls in ("dash", "ellipsis") and adv < 0.99:
        box, dx = 1.0, (1.0 - adv) / 2
    return Metric(adv, box, dx, lglue, rglue, gid, palt)
