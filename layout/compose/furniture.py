"""Page furniture: masthead (报头), page header (报眉), QR codes, rule and box blocks, text blocks.

The masthead sets the paper's name large in its face and colour on the left and a boxed column of small
type on the right (issue number 第N期 (总第M期), date with weekday, publisher 主办, registration, price),
over a thick-thin rule. The header prints 第N版 and the section on the outer side, the paper's name and
date in the middle and the editor on the inner side, over a hairline at the top of the type area.
QR codes are vector paths (one subpath per run of dark modules) from ReportLab's QR encoder.
"""
from __future__ import annotations

import datetime
import math

from .. import tree
from ..model import Style
from . import decor
from .common import BlockResult, colour_of, derived, line_runs, missing_glyphs
from .lines import nonspace
from .vertical import set_vertical

WEEKDAYS = "一二三四五六日"


def weekday(iso: str) -> str:
    """星期X of an ISO date ('' when it does not parse)."""
    try:
        d = datetime.date.fromisoformat(str(iso).strip())
    except ValueError:
        return ""
    return "星期" + WEEKDAYS[d.weekday()]


def chinese_date(iso: str) -> str:
    try:
        d = datetime.date.fromisoformat(str(iso).strip())
    except ValueError:
        return str(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def small(size: float, font: str = "宋体", align: str = "left", **kw) -> Style:
    return Style("_furniture", font=font, size=size, align=align, indent=0.0, **kw)


def natural_width(text: str, style, cache) -> float:
    """Width of ``text`` set on one line (pt)."""
    lines = cache.compose(text, derived(style, align="left"), [100000.0])
    return max((ln.width for ln in lines), default=0.0)


def text_line(text: str, style, x: float, baseline: float, width: float, cache, colour=tree.BLACK) -> list:
    """One line of furniture text (the first line if the engine breaks it)."""
    if not text:
        return []
    lines = cache.compose(text, style, [width])
    return line_runs(lines[0], x, baseline, colour, style) if lines else []


# -- masthead ---------------------------------------------------------------------------------------
def compose_masthead(doc, mh, page_index: int, ctx, cache) -> BlockResult:
    grid = ctx.grid
    x, y, w, h = grid.rect(mh.place)
    pub = doc.publication
    res = BlockResult()
    items: list = []
    red = tuple(mh.colour)
    rule_h = 7.0
    details = _masthead_details(doc, ctx)
    if mh.vertical:
        items += _vertical_masthead(doc, mh, x, y, w, h, red, details, cache)
    else:
        dw = min(max(w * 0.30, 110.0), w * 0.45)      # details column
        name_w = w - dw - grid.gutter
        name = pub.name or "报名"
        n = max(1, len(name))
        size = min(mh.size, (h - rule_h - 6) * 0.92, name_w / (n * 1.04))
        if mh.image:
            from .photo import place_image, resolve
            img, notes = place_image(resolve(doc, mh.image), x, y, name_w, h - rule_h - 4, fit="fit")
            items.append(img)
        else:
            st = Style("_masthead", font=mh.font, size=size, align="left", indent=0.0, tracking=40.0)
            base = y + (h - rule_h) / 2 + 0.38 * size
            items += text_line(name, st, x + 2, base, name_w, cache, red)
        # details box on the right
        bx, bw = x + w - dw, dw
        bh = h - rule_h - 4
        items += decor.box_items("single", bx, y, bw, bh, 0.5, red)
        widest = max((natural_width(t, small(10.0, "黑体" if b else "宋体"), cache) / 10.0 for t, b in details),
                     default=1.0)
        fs = min(9.0, (bh - 6) / max(1, len(details)) / 1.4, (bw - 10) / max(widest, 1.0))
        lead = min(fs * 1.6, (bh - 6) / max(1, len(details)))
        ty = y + (bh - lead * len(details)) / 2
        for i, (text, bold) in enumerate(details):
            st = small(fs, "黑体" if bold else "宋体", align="center")
            items += text_line(text, st, bx + 4, ty + i * lead + 0.88 * fs + (lead - fs) / 2, bw - 8, cache)
        yr = y + h - rule_h / 2
        items += decor.rule_items("thick-thin", x, yr - 1.5, x + w, yr - 1.5, 0.5, red)
    res.add(page_index, *items)
    res.boxes[page_index] = [tree.BlockBox(mh.id, "masthead", x, y, w, h, missing_glyphs=missing_glyphs(items))]
    res.solids[page_index] = [(x, y, x + w, y + h)]
    return res


def _masthead_details(doc, ctx) -> list:
    pub = doc.publication
    out = []
    issue = f"第{pub.issue}期"
    if pub.total_issue:
        issue += f"（总第{pub.total_issue}期）"
    out.append((issue, True))
    if pub.date:
        out.append((f"{chinese_date(pub.date)}　{weekday(pub.date)}", False))
    pages = pub.pages or len(doc.pages)
    if pages:
        out.append((f"本期{pages}版", False))
    if pub.publisher:
        out.append((f"主办：{pub.publisher}", False))
    if pub.registration:
        out.append((pub.registration, False))
    if pub.price:
        out.append((pub.price, True))
    if pub.website:
        out.append((pub.website, False))
    return out


def _vertical_masthead(doc, mh, x, y, w, h, red, details, cache) -> list:
    name = doc.publication.name or "报名"
    dh = len(details) * 10.5 + 10
    size = min(mh.size, w * 0.8, (h - dh - 8) / max(1, len(name)))
    st = Style("_masthead", font=mh.font, size=size, align="left", indent=0.0)
    items, _ = set_vertical(name, doc, st, x + (w + size) / 2, y, h - dh - 8, red, align="center")
    by = y + h - dh
    items += decor.box_items("single", x, by, w, dh, 0.5, red)
    for i, (text, bold) in enumerate(details):
        sm = small(7.0, "黑体" if bold else "宋体", align="center")
        items += text_line(text, sm, x + 2, by + 5 + i * 10.5 + 7, w - 4, cache)
    return items


# -- header -----------------------------------------------------------------------------------------
def compose_header(doc, hd, page_index: int, ctx, cache) -> BlockResult:
    """报眉 above the type area: 第N版 and section outside, paper and date centre, editor inside."""
    grid = ctx.grid
    res = BlockResult()
    x0, x1 = grid.x0, grid.x0 + grid.width
    rule_y = grid.y0 - 4.0
    base = rule_y - 4.0
    pub = doc.publication
    section = hd.section or ctx.page.section
    editor = hd.editor or ctx.page.editor
    st = small(9.0, "宋体")
    big = small(12.0, "黑体")
    width = x1 - x0
    outer = f"第{ctx.number}版"
    mid = "　".join(t for t in (pub.name, chinese_date(pub.date) if pub.date else "",
                                 weekday(pub.date) if pub.date else "") if t)
    inner = "　".join(t for t in (f"责任编辑：{editor}" if editor else "",
                                   f"美编：{hd.designer}" if hd.designer else "") if t)
    items: list = []
    odd = ctx.number % 2 == 1
    sec_w = (nonspace(section) + 1) * big.size
    out_w = (nonspace(outer) + 1) * st.size
    if odd:     # outer side is the right
        items += text_line(outer, derived(st, align="right"), x1 - out_w, base, out_w, cache)
        items += text_line(section, derived(big, align="right"), x1 - out_w - sec_w, base, sec_w, cache)
        items += text_line(inner, st, x0, base, width * 0.35, cache)
    else:
        items += text_line(outer, st, x0, base, out_w, cache)
        items += text_line(section, big, x0 + out_w, base, sec_w, cache)
        items += text_line(inner, derived(st, align="right"), x1 - width * 0.35, base, width * 0.35, cache)
    items += text_line(mid, derived(st, align="center"), x0 + width * 0.3, base, width * 0.4, cache)
    items += decor.rule_items("single", x0, rule_y, x1, rule_y, 0.75)
    res.add(page_index, *items)
    res.boxes[page_index] = [tree.BlockBox(hd.id, "header", x0, base - 12, width, 16,
                                           missing_glyphs=missing_glyphs(items))]
    return res


# -- QR ---------------------------------------------------------------------------------------------
def qr_matrix(data: str) -> list[list[bool]]:
    """Module matrix (rows of booleans, True = dark) of ``data`` with error correction M."""
    from reportlab.graphics.barcode import qrencoder
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


def qr_path(matrix: list, x: float, y: float, size: float, colour=tree.BLACK) -> tree.Path:
    """One path, a rectangle subpath per horizontal run of dark modules."""
    n = len(matrix)
    m = size / n
    subs = []
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                c0 = c
                while c < n and row[c]:
                    c += 1
                x0, x1 = x + c0 * m, x + c * m
                y0, y1 = y + r * m, y + (r + 1) * m
                subs.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
            else:
                c += 1
    return tree.Path(subs, fill=colour, stroke=None)


def compose_qr(doc, qr, page_index: int, ctx, cache) -> BlockResult:
    grid = ctx.grid
    x, y, w, h = grid.rect(qr.place)
    res = BlockResult()
    items: list = []
    st = doc.style("标签")
    label_h = (st.leading or st.size * 1.3) + 3 if qr.label else 0.0
    side = max(0.0, min(w, h - label_h))
    notes = []
    if qr.data:
        try:
            matrix = qr_matrix(qr.data)
            items.append(qr_path(matrix, x + (w - side) / 2, y, side))
        except Exception as e:     # data too long for a QR code
            notes.append(f"QR code cannot encode the data: {e}")
    if qr.label:
        st = derived(st, align="center")
        items += text_line(qr.label, st, x, y + side + 3 + 0.88 * st.size, w, cache, colour_of(doc, st))
    res.add(page_index, *items)
    res.boxes[page_index] = [tree.BlockBox(qr.id, "qr", x, y, w, h, notes=notes,
                                           missing_glyphs=missing_glyphs(items))]
    res.solids[page_index] = [(x, y, x + w, y + h)]
    return res


# -- rules, boxes, text -----------------------------------------------------------------------------
def compose_rule(doc, rb, page_index: int, ctx, cache) -> BlockResult:
    grid = ctx.grid
    x, y, w, h = grid.rect(rb.place)
    res = BlockResult()
    if rb.vertical:
        xm = x + w / 2
        items = decor.rule_items(rb.style, xm, y, xm, y + h, rb.width, tuple(rb.colour))
    else:
        ym = y + h / 2
        items = decor.rule_items(rb.style, x, ym, x + w, ym, rb.width, tuple(rb.colour))
    res.add(page_index, *items)
    res.boxes[page_index] = [tree.BlockBox(rb.id, "rule", x, y, w, h)]
    return res


def compose_box(doc, bb, page_index: int, ctx, cache) -> BlockResult:
    grid = ctx.grid
    x, y, w, h = grid.rect(bb.place)
    res = BlockResult()
    tint = tuple(bb.tint) if bb.tint is not None else None
    res.add(page_index, *decor.box_items(bb.style, x, y, w, h, bb.width, tuple(bb.colour), tint))
    res.boxes[page_index] = [tree.BlockBox(bb.id, "box", x, y, w, h)]
    return res


def compose_text(doc, tb, page_index: int, ctx, cache) -> BlockResult:
    """A text block: paragraphs in one column filling the block (on the body grid when the style has the
    body size), or vertical columns from the right when ``vertical``."""
    from .article import paragraphs
    grid = ctx.grid
    x, y, w, h = grid.rect(tb.place)
    style = doc.style(tb.style)
    res = BlockResult()
    items: list = []
    col = colour_of(doc, style)
    paras = paragraphs(tb.text)
    overset = 0
    if tb.vertical:
        right = x + w
        gap = 0.4 * style.size
        for i, p in enumerate(paras):
            its, used = set_vertical(p, doc, style, right, y, h, col)
            if right - used < x - 0.5:
                overset += sum(nonspace(q) for q in paras[i:])
                break
            items += its
            right -= used + gap
    else:
        on_grid = abs(style.size - grid.body_size) < 0.01 and not style.leading
        lead = grid.leading if on_grid else (style.leading or style.size * 1.25)
        base = y + 0.88 * style.size if on_grid else y + (lead - style.size) / 2 + 0.88 * style.size
        nmax = max(0, math.floor((h - (style.size if on_grid else lead)) / lead + 1e-6) + 1) if h > 0 else 0
        row = 0
        for i, p in enumerate(paras):
            lines = cache.compose(p, style, [w])
            for k, ln in enumerate(lines):
                if row >= nmax:
                    overset += nonspace(p) - sum(nonspace(q.text) for q in lines[:k])
                    overset += sum(nonspace(q) for q in paras[i + 1:])
                    break
                items += line_runs(ln, x, base + row * lead, col, style)
                row += 1
            if overset:
                break
    res.add(page_index, *items)
    bx = tree.BlockBox(tb.id, "text", x, y, w, h, overset_chars=overset, missing_glyphs=missing_glyphs(items))
    if overset:
        bx.notes.append(f"overset: {overset} characters did not fit")
    res.boxes[page_index] = [bx]
    res.solids[page_index] = [(x, y, x + w, y + h)]
    return res
