"""QPainter painter of the laid-out tree (``layout.tree``): the screen twin of the PDF painter.

It draws exactly the items the composer produced (glyph runs with their glyph ids and positions, rules,
rectangles, paths, images) and never re-breaks a line, so the page on screen is the page on paper.
Coordinates are the tree's: points, origin at the top-left of the trim, y down. Callers set up the
QPainter transform (scene units are points).

Glyphs are drawn with QRawFont loaded from the same font files as the PDF (one QRawFont per face and
size, cached) and QGlyphRun with explicit glyph indexes and positions. CMYK is converted naively for the
screen (r = (1-c)(1-k)); the PDF keeps the real CMYK.
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QGlyphRun, QImage, QPainter, QPainterPath, QPen,
                           QRawFont, QTransform)

from layout import tree

# -- colours -----------------------------------------------------------------------------------------


# The 16 corners of the CMYK cube as screen RGB (the interpolation PDF viewers such as poppler use for
# DeviceCMYK without a profile): K100 is a warm near-black, M100 Y100 a print red, not (255, 0, 0).
_CORNERS = {
    (0, 0, 0, 0): (1, 1, 1), (0, 0, 0, 1): (0.1373, 0.1216, 0.1255), (0, 0, 1, 0): (1, 0.9490, 0),
    (0, 0, 1, 1): (0.1098, 0.1020, 0), (0, 1, 0, 0): (0.9255, 0, 0.5490), (0, 1, 0, 1): (0.1412, 0, 0),
    (0, 1, 1, 0): (0.9294, 0.1098, 0.1412), (0, 1, 1, 1): (0.1333, 0, 0), (1, 0, 0, 0): (0, 0.6784, 0.9373),
    (1, 0, 0, 1): (0, 0.0588, 0.1412), (1, 0, 1, 0): (0, 0.6510, 0.3137), (1, 0, 1, 1): (0, 0.0745, 0),
    (1, 1, 0, 0): (0.1804, 0.1922, 0.5725), (1, 1, 0, 1): (0, 0, 0.0078), (1, 1, 1, 0): (0.2118, 0.2119, 0.2235),
    (1, 1, 1, 1): (0, 0, 0),
}


def _cmyk(colour):
    if isinstance(colour, tree.Spot):
        return tuple(v * colour.tint for v in colour.alternate)
    return tuple(colour)


def cmyk_to_rgb(colour) -> tuple[int, int, int]:
    """CMYK (0..1) → screen RGB (0..255) by interpolating the CMYK cube's 16 corners (no ICC profile:
    simple and fast, and the same numbers poppler shows for the exported PDF). ``Spot`` colours use their
    alternate × tint."""
    c, m, y, k = (min(1.0, max(0.0, float(v))) for v in _cmyk(colour))
    r = g = b = 0.0
    for (ci, mi, yi, ki), (cr, cg, cb) in _CORNERS.items():
        w = (c if ci else 1 - c) * (m if mi else 1 - m) * (y if yi else 1 - y) * (k if ki else 1 - k)
        if w:
            r += w * cr
            g += w * cg
            b += w * cb
    return round(255 * min(r, 1.0)), round(255 * min(g, 1.0)), round(255 * min(b, 1.0))


def cmyk_to_rgb_naive(colour) -> tuple[int, int, int]:
    """The textbook conversion r = (1 − c)(1 − k) …; brighter than print."""
    c, m, y, k = _cmyk(colour)
    return (round(255 * (1 - c) * (1 - k)), round(255 * (1 - m) * (1 - k)), round(255 * (1 - y) * (1 - k)))


_rgb_cache: dict = {}


def qcolor(colour) -> QColor:
    key = colour if isinstance(colour, tree.Spot) else tuple(colour)
    rgb = _rgb_cache.get(key)
    if rgb is None:
        rgb = _rgb_cache[key] = cmyk_to_rgb(colour)
    return QColor(*rgb)


# -- fonts -------------------------------------------------------------------------------------------

_face_files: dict[str, tuple[str, int]] = {}


def _face_file(face_id: str, faces: dict | None) -> tuple[str, int] | None:
    """(path, index) of a face id: the LaidDocument's ``faces`` map first, then the font catalogue."""
    if faces and face_id in faces:
        v = faces[face_id]
        if isinstance(v, (tuple, list)):
            return str(v[0]), int(v[1]) if len(v) > 1 else 0
        return str(v), _catalog_index(face_id)
    if face_id in _face_files:
        return _face_files[face_id]
    try:
        from layout.fonts import catalog
        f = catalog().face(face_id)
        _face_files[face_id] = (f.path, f.index)
        return _face_files[face_id]
    except Exception:  # noqa: BLE001 - an unknown face draws as a placeholder, never crashes the window
        return None


def _catalog_index(face_id: str) -> int:
    try:
        from layout.fonts import catalog
        return catalog().face(face_id).index
    except Exception:  # noqa: BLE001
        return 0


@lru_cache(maxsize=64)
def _face_bytes(path: str, index: int) -> bytes | None:
    """The bytes of one face; a face inside a collection (.ttc) is extracted with fontTools once."""
    try:
        if index == 0:
            with open(path, "rb") as f:
                data = f.read()
            if data[:4] != b"ttcf":
                return data
        from fontTools.ttLib import TTFont
        cache = os.path.join(tempfile.gettempdir(), "paiban-qt-faces")
        os.makedirs(cache, exist_ok=True)
        st = os.stat(path)
        out = os.path.join(cache, f"{abs(hash((path, st.st_size, int(st.st_mtime))))}-{index}.otf")
        if not os.path.exists(out):
            TTFont(path, fontNumber=index).save(out + ".tmp")
            os.replace(out + ".tmp", out)
        with open(out, "rb") as f:
            return f.read()
    except Exception:  # noqa: BLE001
        return None


class RawFontCache:
    """QRawFont per (face id, pixel size); hinting off so glyphs scale exactly with the zoom."""

    def __init__(self):
        self._fonts: dict[tuple, QRawFont | None] = {}

    def get(self, face_id: str, size: float, faces: dict | None = None) -> QRawFont | None:
        key = (face_id, round(size, 3))
        if key in self._fonts:
            return self._fonts[key]
        raw = None
        pf = _face_file(face_id, faces)
        if pf is not None:
            data = _face_bytes(*pf)
            if data:
                from PySide6.QtCore import QByteArray
                raw = QRawFont(QByteArray(data), size, QFont.HintingPreference.PreferNoHinting)
                if not raw.isValid():
                    raw = None
        self._fonts[key] = raw
        return raw

    def clear(self):
        self._fonts.clear()


FONTS = RawFontCache()
PATH_ABOVE_PX = 48.0     # device pixel size above which glyphs are drawn as filled outlines


# -- images ------------------------------------------------------------------------------------------


class ImageCache:
    def __init__(self):
        self._images: dict[tuple, QImage | None] = {}

    def get(self, path: str) -> QImage | None:
        try:
            key = (path, os.path.getmtime(path))
        except OSError:
            return None
        if key not in self._images:
            img = QImage(path)
            self._images[key] = None if img.isNull() else img
        return self._images[key]


IMAGES = ImageCache()


# -- painting ----------------------------------------------------------------------------------------


def _gids(run: tree.GlyphRun, raw: QRawFont) -> list[int]:
    out = []
    missing = [i for i, g in enumerate(run.glyphs) if g.gid < 0]
    mapped = {}
    if missing:
        try:
            from layout.fonts import catalog
            face = catalog().face(run.face)
            mapped = {i: face.gid(run.glyphs[i].ch) for i in missing}
        except Exception:  # noqa: BLE001
            for i in missing:
                ids = raw.glyphIndexesForString(run.glyphs[i].ch[:1])
                mapped[i] = ids[0] if ids else 0
    for i, g in enumerate(run.glyphs):
        out.append(g.gid if g.gid >= 0 else mapped.get(i, 0))
    return out


def paint_glyph_run(p: QPainter, run: tree.GlyphRun, faces: dict | None = None) -> None:
    if not run.glyphs:
        return
    raw = FONTS.get(run.face, run.size, faces)
    colour = qcolor(run.colour)
    if raw is None:     # face file missing: show boxes where the glyphs go, like a missing glyph
        p.save()
        p.setPen(QPen(colour, max(run.size / 20, 0.2)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for g in run.glyphs:
            p.drawRect(QRectF(run.x + g.x, run.y - run.size * 0.8, g.w, run.size * 0.9))
        p.restore()
        return
    gids = _gids(run, raw)
    h = run.hscale / 100.0
    simple = all(g.rotate == 0 for g in run.glyphs)
    t = p.worldTransform()
    device_px = run.size * abs(t.m11() * t.m22() - t.m12() * t.m21()) ** 0.5
    p.save()
    p.setPen(colour)
    if device_px > PATH_ABOVE_PX:
        # Qt's glyph cache does not draw raw-font glyphs beyond ~64 px: large type is filled as outlines
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        path = QPainterPath()
        for g, gid in zip(run.glyphs, gids):
            gp = raw.pathForGlyph(gid)
            tr = QTransform()
            cx, cy = run.x + g.x + g.w / 2, run.y + g.dy
            if g.rotate:
                asc, desc = raw.ascent(), raw.descent()
                adv = raw.advancesForGlyphIndexes([gid])[0].x()
                tr.translate(cx, cy - (asc - desc) / 2)
                tr.rotate(g.rotate)
                tr.scale(h, 1.0)
                tr.translate(-adv / 2 + g.dx, (asc - desc) / 2)
            else:
                tr.translate(run.x + g.x + g.dx, run.y + g.dy)
                tr.scale(h, 1.0)
            path.addPath(tr.map(gp))
        p.drawPath(path)
    elif simple:
        gr = QGlyphRun()
        gr.setRawFont(raw)
        gr.setGlyphIndexes(gids)
        # each glyph is scaled about its own x: draw in a frame scaled by h, positions divided by h
        gr.setPositions([QPointF((run.x + g.x + g.dx) / h, run.y + g.dy) for g in run.glyphs])
        if h != 1.0:
            p.scale(h, 1.0)
        p.drawGlyphRun(QPointF(0, 0), gr)
    else:
        asc = raw.ascent()
        desc = raw.descent()
        for g, gid in zip(run.glyphs, gids):
            gr = QGlyphRun()
            gr.setRawFont(raw)
            gr.setGlyphIndexes([gid])
            gr.setPositions([QPointF(0, 0)])
            p.save()
            cx = run.x + g.x + g.w / 2
            cy = run.y + g.dy - (asc - desc) / 2
            p.translate(cx, cy)
            if g.rotate:
                p.rotate(g.rotate)
            p.scale(h, 1.0)
            adv = raw.advancesForGlyphIndexes([gid])[0].x() if g.rotate else g.w / h
            p.drawGlyphRun(QPointF(-adv / 2 + g.dx, (asc - desc) / 2), gr)
            p.restore()
    p.restore()


def _pen(colour, width: float, dash=None) -> QPen:
    pen = QPen(qcolor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dash and width > 0:
        pen.setDashPattern([max(d / width, 0.01) for d in dash] + ([] if len(dash) % 2 == 0 else list(dash[:1])))
    if width <= 0:
        pen.setCosmetic(True)
        pen.setWidthF(1.0)
    return pen


def paint_image(p: QPainter, item: tree.Image) -> None:
    target = QRectF(item.x, item.y, item.w, item.h)
    img = None if item.missing else IMAGES.get(item.path)
    if img is None:
        paint_missing_image(p, target)
        return
    x0, y0, x1, y1 = item.crop
    src = QRectF(x0 * img.width(), y0 * img.height(), (x1 - x0) * img.width(), (y1 - y0) * img.height())
    p.save()
    p.setClipRect(target, Qt.ClipOperation.IntersectClip)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.drawImage(target, img, src)
    p.restore()


def paint_missing_image(p: QPainter, r: QRectF) -> None:
    """Grey box with a cross: the same placeholder the PDF painter draws for a missing image."""
    p.save()
    p.setBrush(QColor(*cmyk_to_rgb((0, 0, 0, 0.15))))
    p.setPen(QPen(QColor(*cmyk_to_rgb((0, 0, 0, 0.5))), 0.5))
    p.drawRect(r)
    p.drawLine(r.topLeft(), r.bottomRight())
    p.drawLine(r.topRight(), r.bottomLeft())
    p.restore()


def paint_item(p: QPainter, item, faces: dict | None = None) -> None:
    if isinstance(item, tree.GlyphRun):
        paint_glyph_run(p, item, faces)
    elif isinstance(item, tree.Rule):
        p.setPen(_pen(item.colour, item.width, item.dash))
        p.drawLine(QPointF(item.x0, item.y0), QPointF(item.x1, item.y1))
    elif isinstance(item, tree.Rect):
        p.setBrush(QBrush(qcolor(item.fill)) if item.fill is not None else Qt.BrushStyle.NoBrush)
        p.setPen(_pen(item.stroke, item.width) if item.stroke is not None else Qt.PenStyle.NoPen)
        p.drawRect(QRectF(item.x, item.y, item.w, item.h))
    elif isinstance(item, tree.Path):
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for sub in item.subpaths:
            if not sub:
                continue
            path.moveTo(*sub[0])
            for pt in sub[1:]:
                path.lineTo(*pt)
            path.closeSubpath()
        p.setBrush(QBrush(qcolor(item.fill)) if item.fill is not None else Qt.BrushStyle.NoBrush)
        p.setPen(_pen(item.stroke, item.width) if item.stroke is not None else Qt.PenStyle.NoPen)
        p.drawPath(path)
    elif isinstance(item, tree.Image):
        paint_image(p, item)


def item_bounds(item) -> QRectF | None:
    """A rectangle containing everything ``item`` paints (None: unknown, always paint)."""
    if isinstance(item, tree.GlyphRun):
        if not item.glyphs:
            return QRectF()
        h = item.hscale / 100.0
        x0 = item.x + min(g.x + min(g.dx, 0) for g in item.glyphs)
        x1 = item.x + max(g.x + g.w * max(h, 1.0) + max(g.dx, 0) for g in item.glyphs)
        dys = [g.dy for g in item.glyphs]
        s = item.size
        return QRectF(x0 - s, item.y + min(dys) - 1.5 * s, x1 - x0 + 2 * s, max(dys) - min(dys) + 3 * s)
    if isinstance(item, tree.Rule):
        w = item.width + 1
        return QRectF(min(item.x0, item.x1) - w, min(item.y0, item.y1) - w,
                      abs(item.x1 - item.x0) + 2 * w, abs(item.y1 - item.y0) + 2 * w)
    if isinstance(item, (tree.Rect, tree.Image)):
        w = getattr(item, "width", 0) + 1
        return QRectF(item.x - w, item.y - w, item.w + 2 * w, item.h + 2 * w)
    return None


def paint_page(p: QPainter, page: tree.LaidPage, faces: dict | None = None, *, paper: bool = True,
               clip_to_trim: bool = False, visible: QRectF | None = None) -> None:
    """Paint one laid page in page coordinates (pt). ``paper`` fills the trim (and bleed) white first;
    ``visible`` (page coordinates) skips items entirely outside it (zoomed-in screen repaints)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setRenderHint(QPainter.RenderHint.VerticalSubpixelPositioning, True)   # baselines off the pixel grid
    if paper:
        b = page.bleed
        p.fillRect(QRectF(-b, -b, page.width + 2 * b, page.height + 2 * b), QColor(255, 255, 255))
    if clip_to_trim:
        p.setClipRect(QRectF(0, 0, page.width, page.height))
    for item in page.items:
        if visible is not None:
            b = item_bounds(item)
            if b is not None and not b.intersects(visible):
                continue
        paint_item(p, item, faces)
    p.restore()


def render_page_image(page: tree.LaidPage, dpi: float = 72.0, faces: dict | None = None,
                      bleed: bool = False) -> QImage:
    """Rasterise a page (trim box, or trim + bleed) to a white RGB QImage at ``dpi``."""
    s = dpi / 72.0
    b = page.bleed if bleed else 0.0
    w = max(1, round((page.width + 2 * b) * s))
    h = max(1, round((page.height + 2 * b) * s))
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 255, 255))
    p = QPainter(img)
    p.scale(s, s)
    p.translate(b, b)
    paint_page(p, page, faces, clip_to_trim=not bleed)
    p.end()
    return img
