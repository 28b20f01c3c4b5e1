"""Photos: crop and scale into the frame, caption with credit, the rectangle text wraps around.

``fill`` covers the frame, cutting the source (within ``Photo.crop``) symmetrically about its centre;
``fit`` shows the whole cropped source letterboxed in the frame; ``manual`` shows it at ``scale`` percent
of its natural size (pixels at the file's dpi, 72 when it has none), centred and clipped to the frame.
The block's ``at`` covers photo and caption; the caption (style 图说, credit at its end) takes whole body
lines under the picture, or sits in a column on its right.
"""
from __future__ import annotations

import math
import os

from .. import tree
from .common import BlockResult, colour_of, line_runs, missing_glyphs

PT_PER_MM = 72.0 / 25.4
_SIZES: dict = {}


def image_info(path: str):
    """((width px, height px), dpi) of an image file, or None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (path, st.st_size, st.st_mtime)
    if key in _SIZES:
        return _SIZES[key]
    try:
        from PIL import Image as PILImage
        with PILImage.open(path) as im:
            size = im.size
            dpi = im.info.get("dpi", (72, 72))[0] or 72
    except Exception:
        size = None
    info = (size, float(dpi)) if size else None
    _SIZES[key] = info
    return info


def resolve(doc, path: str) -> str:
    if not path or os.path.isabs(path) or not getattr(doc, "source", ""):
        return path
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(doc.source)), path))


def place_image(path: str, x: float, y: float, w: float, h: float, crop=(0, 0, 1, 1), fit="fill",
                scale=100.0) -> tuple[tree.Image, list]:
    """The Image item for a picture in the frame (x, y, w, h); notes when the file is missing."""
    info = image_info(path) if path else None
    if info is None:
        return tree.Image(x, y, w, h, path, tuple(crop), missing=True), [f"image not found or unreadable: {path}"]
    (pw, ph), dpi = info
    cx0, cy0, cx1, cy1 = (max(0.0, min(1.0, float(v))) for v in crop)
    if cx1 <= cx0 or cy1 <= cy0:
        cx0, cy0, cx1, cy1 = 0.0, 0.0, 1.0, 1.0
    rw, rh = (cx1 - cx0) * pw, (cy1 - cy0) * ph
    if w <= 0 or h <= 0 or rw <= 0 or rh <= 0:
        return tree.Image(x, y, max(w, 0), max(h, 0), path, (cx0, cy0, cx1, cy1)), []
    if fit == "fit":
        k = min(w / rw, h / rh)
        iw, ih = rw * k, rh * k
        return tree.Image(x + (w - iw) / 2, y + (h - ih) / 2, iw, ih, path, (cx0, cy0, cx1, cy1)), []
    if fit == "manual":
        k = 72.0 / dpi * scale / 100.0        # pt per source pixel
        iw, ih = rw * k, rh * k
        # centre the picture, clip what falls outside the frame
        vis_w, vis_h = min(w, iw), min(h, ih)
        fx = (iw - vis_w) / 2 / iw * (cx1 - cx0)
        fy = (ih - vis_h) / 2 / ih * (cy1 - cy0)
        c = (cx0 + fx, cy0 + fy, cx1 - fx, cy1 - fy)
        return tree.Image(x + (w - vis_w) / 2, y + (h - vis_h) / 2, vis_w, vis_h, path, c), []
    # fill: cover the frame, cutting the longer side about the crop's centre
    fa, ra = w / h, rw / rh
    if ra > fa:
        nw = (cx1 - cx0) * fa / ra
        mid = (cx0 + cx1) / 2
        c = (mid - nw / 2, cy0, mid + nw / 2, cy1)
    else:
        nh = (cy1 - cy0) * ra / fa
        mid = (cy0 + cy1) / 2
        c = (cx0, mid - nh / 2, cx1, mid + nh / 2)
    return tree.Image(x, y, w, h, path, c), []


def caption_text(photo) -> str:
    cap = (photo.caption or "").strip()
    credit = (photo.credit or "").strip()
    if cap and credit:
        return f"{cap}　{credit}"
    return cap or credit


def compose_photo(doc, photo, page_index: int, ctx, cache) -> BlockResult:
    grid = ctx.grid
    s, L = grid.body_size, grid.leading
    res = BlockResult()
    x, y, w, h = grid.rect(photo.place)
    style = doc.style("图说")
    text = caption_text(photo)
    items, notes = [], []
    ix, iy, iw, ih = x, y, w, h
    cap_lines, cap_x, cap_w = [], x, w
    if text:
        if photo.caption_position == "right":
            cap_w = grid.column_width if w >= 2 * grid.column_width + grid.gutter else math.floor(w / 3 / s) * s
            cap_x = x + w - cap_w
            iw = w - cap_w - grid.gutter
            cap_lines = cache.compose(text, style, [cap_w])
        else:
            cap_lines = cache.compose(text, style, [w])
            k = len(cap_lines)
            rows = max(1, round((h + (L - s)) / L))
            ih = (rows - k) * L - (L - s)
            if ih < L:
                notes.append("caption leaves no room for the picture")
                ih = max(0.0, ih)
    img, n2 = place_image(resolve(doc, photo.image), ix, iy, iw, ih, photo.crop, photo.fit, photo.scale)
    notes += n2
    if photo.bleed:
        img = _bleed(img, grid, doc)
    items.append(img)
    col = colour_of(doc, style)
    lead = style.leading if style.leading and style.leading > 0 else L
    if cap_lines:
        if photo.caption_position == "right":
            nrows = len(cap_lines)
            first_base = y + h - (nrows - 1) * lead - (1 - 0.88) * style.size
        else:
            first_base = iy + ih + (L - s) + 0.88 * s
        for i, ln in enumerate(cap_lines):
            items.extend(line_runs(ln, cap_x, first_base + i * lead, col, style))
    bx = tree.BlockBox(photo.id, "photo", x, y, w, h, missing_glyphs=missing_glyphs(items), notes=notes)
    if cap_lines and photo.caption_position != "right" and len(cap_lines) * L > h:
        bx.overset_chars = 1
    res.boxes[page_index] = [bx]
    res.solids[page_index] = [(x, y, x + w, y + h)]
    res.add(page_index, *items)
    return res


def _bleed(img: tree.Image, grid, doc) -> tree.Image:
    """Extend a picture touching an edge of the grid to the trim's bleed edge on that side."""
    b = doc.page.bleed * PT_PER_MM
    x0, y0, x1, y1 = img.x, img.y, img.x + img.w, img.y + img.h
    # touching the grid's outer edges (first/last column, first line, last line's em box)
    if x0 <= grid.x0 + 0.5:
        x0 = -b
    if y0 <= grid.y0 + 0.5:
        y0 = -b
    if x1 >= grid.x0 + grid.width - 0.5:
        x1 = grid.page_w + b
    if y1 >= grid.y0 + grid.height - (grid.leading - grid.body_size) - 0.5:
        y1 = grid.page_h + b
    if (x0, y0, x1, y1) == (img.x, img.y, img.x + img.w, img.y + img.h):
        return img
    new, _ = place_image(img.path, x0, y0, x1 - x0, y1 - y0, img.crop, "fill")
    return new


def wrap_rect(doc, photo, grid) -> tuple:
    """The rectangle body text keeps away from: the whole block plus the standoff."""
    x, y, w, h = grid.rect(photo.place)
    so = photo.standoff * PT_PER_MM
    return (x - so, y - so, x + w + so, y + h + so)
