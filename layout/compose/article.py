"""Articles: headline group, byline, body columns (长栏/破栏), wrap around photos, threading into frames.

An article occupies a rectangle of grid columns and body lines. Its headline group (引题/主题/副题, and the
byline when ``byline_position == "head"``) takes a whole number of body lines across the article or its
first ``headline_span`` columns; the body fills the rest, divided into ``body_columns`` columns of whole
characters. The body continues into the frames named by ``next`` (and their ``next``), on any page, with
``（下转第N版）``/``（上接第M版）`` lines where the chain changes page. The last frame the text reaches is
balanced. Overset (characters left after the last frame) and empty lines go into the BlockBoxes.
"""
from __future__ import annotations

import math

from .. import tree
from ..errors import PaibanError
from . import decor
from .common import BlockResult, colour_of, derived, embolden, line_runs, missing_glyphs
from .flow import Para, Resume, Slot, balance, flow, mark_columns
from .grid import span_chars, split_width
from .lines import nonspace
from .vertical import set_vertical

MIN_SIDE_CHARS = 4          # a line beside a photo needs at least this many characters


# -- helpers --------------------------------------------------------------------------------------
def paragraphs(body) -> list[str]:
    """Body text as a list of paragraphs (a string is split at blank lines)."""
    if isinstance(body, str):
        body = [body]
    out = []
    for chunk in body or []:
        for p in str(chunk).replace("\r\n", "\n").split("\n\n"):
            p = " ".join(s.strip() for s in p.split("\n")).strip()
            if p:
                out.append(p)
    return out


def part_style(doc, art, part: str, default: str):
    name = (art.styles or {}).get(part, default) if hasattr(art, "styles") else default
    return doc.style(name)


def chain_of(doc, block, page_index: int) -> list:
    """[(page index, block)] of a block and the frames its ``next`` links reach, in order (cycles cut)."""
    out = [(page_index, block)]
    seen = {id(block)}
    nxt = getattr(block, "next", "")
    while nxt:
        pi, b = doc.find(nxt)
        if b is None or id(b) in seen or b.kind != "frame":
            break
        seen.add(id(b))
        out.append((pi, b))
        nxt = b.next
    return out


def lead_text(byline: str) -> str:
    """``本报讯（记者 王明）`` from ``记者 王明`` (kept as written when it already has a dateline)."""
    b = byline.strip()
    if b.startswith(("本报讯", "新华社", "据")) or b.endswith("电"):
        return b
    return f"本报讯（{b}）"


def subtract(segs: list, a: float, b: float) -> list:
    out = []
    for (x0, x1) in segs:
        if b <= x0 or a >= x1:
            out.append((x0, x1))
            continue
        if a > x0:
            out.append((x0, a))
        if b < x1:
            out.append((b, x1))
    return out


def column_slots(grid, x0: float, x1: float, rows, wraps: list, col: int, frame: int) -> list:
    """Line slots of one column over ``rows`` (1-based body lines), shortened around ``wraps``.

    A line that meets a photo (plus standoff) keeps the parts beside it that hold at least
    ``MIN_SIDE_CHARS`` characters, each cut to whole characters and pushed against the column edge, so
    both sides of a photo in mid-column are used and every part stays on its baseline.
    """
    s = grid.body_size
    out = []
    if x1 - x0 < 2 * s:         # a column narrower than two characters holds no text
        return out
    for row in rows:
        top = grid.line_top(row)
        bot = top + s
        segs = [(x0, x1)]
        for (ex0, ey0, ex1, ey1) in wraps:
            if top < ey1 and bot > ey0 and ex0 < x1 and ex1 > x0:
                segs = subtract(segs, ex0, ex1)
        base = grid.baseline(row)
        for (a, b) in segs:
            if a == x0 and b == x1:
                out.append(Slot(x0, x1 - x0, base, row, col, frame))
                continue
            chars = math.floor((b - a) / s + 1e-6)
            if chars < MIN_SIDE_CHARS:
                continue
            w = chars * s
            x = a if a == x0 or b != x1 else b - w
            out.append(Slot(x, w, base, row, col, frame))
    return out


def measure_headline(parts: list, width: float, cache) -> tuple[list, float]:
    """Compose headline parts; returns ([(lines, style, leading, gap_before)], total height)."""
    out, h = [], 0.0
    for i, (text, style) in enumerate(parts):
        lines, shift = balanced_lines(text, style, width, cache)
        lead = style.leading or style.size * 1.25
        gap = 0.0 if i == 0 else max(2.0, 0.25 * style.size)
        out.append((lines, style, lead, gap, shift))
        h += gap + len(lines) * lead
    return out, h


def balanced_lines(text: str, style, width: float, cache) -> tuple[list, float]:
    """Lines of a headline; one that needs several lines is set on the narrowest measure that keeps the
    line count, so its lines come out about equally long. Returns (lines, x shift inside ``width``)."""
    lines = cache.compose(text, style, [width])
    if len(lines) < 2 or getattr(style, "fit", False):
        return lines, 0.0
    n = len(lines)
    lo, hi = width * 0.4, width
    best = (lines, width)
    for _ in range(7):
        mid = (lo + hi) / 2
        trial = cache.compose(text, style, [round(mid, 2)])
        if len(trial) <= n:
            best, hi = (trial, round(mid, 2)), mid
        else:
            lo = mid
    lines, w = best
    shift = {"center": (width - w) / 2, "right": width - w}.get(style.align, 0.0)
    return lines, shift


def draw_headline(doc, measured: list, x: float, y: float) -> list:
    items = []
    for lines, style, lead, gap, shift in measured:
        y += gap
        col = colour_of(doc, style)
        for ln in lines:
            base = y + (lead - style.size) / 2 + 0.88 * style.size
            items.extend(line_runs(ln, x + shift, base, col, style))
            y += lead
    return items


# -- the article ----------------------------------------------------------------------------------
def compose_article(doc, art, page_index: int, ctxs: list, cache) -> BlockResult:
    ctx = ctxs[page_index]
    grid = ctx.grid
    s = grid.body_size
    L = grid.leading
    res = BlockResult()
    col, span, line, lines = grid.cell(art.place)
    span = max(1, min(span, grid.columns - col + 1)) if col <= grid.columns else max(1, span)
    ax, aw = grid.column_x(col), grid.span_width(span)
    ay = grid.line_top(line)
    ah = lines * L - (L - s)
    last_row = line + lines - 1
    boxed = bool(art.box)
    # a box or a tint (底纹) keeps the text one body character inside its edges and leaves its first and
    # last body lines empty, so no character touches the rule or the tint's edge
    padded = boxed or art.tint is not None
    inset = s if padded else 0.0
    notes = []

    body_style = part_style(doc, art, "body", "正文")
    items: list = []
    if art.tint is not None or boxed:
        items += decor.box_items(art.box or "none", ax, ay, aw, ah, 0.5, tree.BLACK, art.tint)
    if boxed and art.box not in ("single",):
        inset = max(s, math.ceil(decor.band_width(art.box) / s) * s)

    # headline group -------------------------------------------------------------------------------
    parts, part_names = [], []
    for part, attr, default in (("kicker", "kicker", "引题"), ("title", "title", "主题"),
                                ("subtitle", "subtitle", "副题")):
        text = getattr(art, attr, "")
        if text:
            parts.append((text, part_style(doc, art, part, default)))
            part_names.append(part)
    if art.byline and art.byline_position == "head":
        bst = part_style(doc, art, "byline", "署名")
        parts.append((art.byline, derived(bst, align=art.headline_align or "center")))
        part_names.append("byline")
    head_rows = 0
    solids = []
    body_x0, body_x1 = ax + inset, ax + aw - inset
    hspan = art.headline_span if 0 < art.headline_span <= span else span
    if parts and art.vertical_title:
        vspan = art.headline_span if 0 < art.headline_span < span else (1 if span > 1 else 0)
        vrows_top = line + (1 if padded else 0)
        vh = (last_row - (1 if padded else 0) - vrows_top + 1) * L - (L - s)
        vparts = [(t, st, part) for (t, st), part in zip(parts, part_names)]
        vx1 = ax + aw - inset
        if vspan:
            vx0 = grid.column_x(col + span - vspan)
        else:   # a one-column article: a strip of whole characters as wide as the headline needs
            need = _vertical_headline(doc, vparts, 0.0, 0.0, 0.0, vh)[2]
            vx0 = vx1 - math.ceil(need / s - 1e-6) * s
        body_x1 = vx0 - grid.gutter
        vitems, vnotes, _ = _vertical_headline(doc, vparts, vx0, grid.line_top(vrows_top), vx1 - vx0, vh)
        items += vitems
        notes += vnotes
        solids.append((vx0, ay, vx1, ay + ah))
    elif parts:
        hx0 = ax + inset
        hx1 = grid.column_x(col) + grid.span_width(hspan) - (inset if hspan == span else 0.0)
        if art.headline_align and art.headline_align != "center":
            parts = [(t, derived(st, align=art.headline_align)) for t, st in parts]
        measured, h = measure_headline(parts, hx1 - hx0, cache)
        head_rows = art.headline_lines or max(1, math.ceil((h + 0.9 * L) / L - 1e-6))
        if art.headline_lines and h > art.headline_lines * L:
            notes.append(f"headline needs {math.ceil(h / L)} lines, has {art.headline_lines}")
        if padded and not art.headline_lines:
            head_rows += 1
        hy = ay + (head_rows * L - (L - s) - h) / 2 + (inset / 4 if padded else 0.0)
        items += draw_headline(doc, measured, hx0, hy)
        solids.append((hx0, ay, hx1, ay + head_rows * L))
        head_x = (hx0, hx1)
    if padded:
        solids.append((ax, ay, ax + aw, ay + ah))
    if not parts or art.vertical_title:
        head_x = None

    # body columns of the article -----------------------------------------------------------------
    region_chars = (body_x1 - body_x0) / s
    region_cols = max(1, round((body_x1 - body_x0 + grid.gutter) / (grid.column_width + grid.gutter)))
    m = art.body_columns or region_cols
    frames = []     # (page index, block, [(x0, x1, first row, last row)])
    first_rows = []
    for (x0, x1) in split_width(body_x0, region_chars, m, grid.gutter_chars, s):
        top = line + (1 if padded else 0)
        if head_x is not None and x0 < head_x[1] - 0.01 and x1 > head_x[0] + 0.01:
            top = line + head_rows
        first_rows.append((x0, x1, top, last_row - (1 if padded else 0)))
    frames.append((page_index, art, first_rows))
    ratio = m / max(1, region_cols)
    for pi, fb in chain_of(doc, art, page_index)[1:]:
        fg = ctxs[pi].grid
        fc, fs, fl, fn = fg.cell(fb.place)
        fm = max(1, round(fs * ratio))
        cols = [(x0, x1, fl, fl + fn - 1) for (x0, x1) in
                split_width(fg.column_x(fc), span_chars(fs, fg.column_chars, fg.gutter_chars), fm,
                            fg.gutter_chars, fg.body_size)]
        frames.append((pi, fb, cols))

    # slots, with jump lines reserved where the chain changes page ---------------------------------
    slots, cells = [], []
    ci = 0
    jump_out, jump_in = {}, {}
    for fi, (pi, fb, cols) in enumerate(frames):
        fg = ctxs[pi].grid
        fslots = []
        fcells = set()
        for (x0, x1, r0, r1) in cols:
            cs = column_slots(fg, x0, x1, range(r0, r1 + 1), ctxs[pi].wraps, ci, fi)
            fcells.update((ci, sl.row) for sl in cs)
            fslots += cs
            ci += 1
        if fi > 0 and frames[fi - 1][0] != pi and fslots:
            jump_in[fi] = fslots.pop(0)
        if fi + 1 < len(frames) and frames[fi + 1][0] != pi and fslots:
            jump_out[fi] = fslots.pop()
        cells.append(fcells)
        slots += fslots
    mark_columns(slots)

    paras = []
    bodies = paragraphs(art.body)
    lead_face = ""
    lead_n = 0
    if art.byline and art.byline_position == "lead":
        lead = lead_text(art.byline)
        try:
            from ..fonts import catalog
            lead_face = catalog().face(part_style(doc, art, "lead", "黑体").font
                                       if "lead" in (art.styles or {}) else "黑体").id
        except PaibanError:
            lead_face = ""
        if bodies:
            bodies[0] = lead + bodies[0]
        else:
            bodies = [lead]
        lead_n = nonspace(lead)
    for i, t in enumerate(bodies):
        paras.append(Para(t, body_style, lead=lead_n if i == 0 else 0, lead_face=lead_face))
    if art.byline and art.byline_position == "end":
        bst = part_style(doc, art, "byline", "署名")
        paras.append(Para(art.byline, bst, kind="byline"))

    result = flow(paras, slots, cache)
    if not result.overset and result.last_slot >= 0:
        slots, result = balance(paras, slots, cache, result, slots[result.last_slot].frame)

    # draw -----------------------------------------------------------------------------------------
    per_page_items = {page_index: items}
    body_col = colour_of(doc, body_style)
    lead_left = lead_n
    used = [set() for _ in frames]
    last_row_of_col: dict = {}
    frame_last = [None] * len(frames)
    for p in result.placed:
        sl = slots[p.slot]
        para = paras[p.para]
        pi = frames[sl.frame][0]
        colr = body_col if para.style is body_style else colour_of(doc, para.style)
        runs = line_runs(p.line, sl.x, sl.baseline, colr, para.style)
        if p.para == 0 and lead_left > 0:
            runs, lead_left = embolden(runs, lead_left, lead_face)
        per_page_items.setdefault(pi, []).extend(runs)
        used[sl.frame].add((sl.col, sl.row))
        last_row_of_col[sl.col] = max(last_row_of_col.get(sl.col, 0), sl.row)
        frame_last[sl.frame] = p
    reached = max((slots[p.slot].frame for p in result.placed), default=0)
    jstyle = derived(body_style, indent=0.0, align="right")
    jstyle_in = derived(body_style, indent=0.0, align="left")
    for fi, sl in jump_out.items():
        if reached > fi:
            to = ctxs[frames[fi + 1][0]].number
            per_page_items.setdefault(frames[fi][0], []).extend(
                _one_line(f"（下转第{to}版）", jstyle, sl, cache, body_col))
            used[fi].add((sl.col, sl.row))
    for fi, sl in jump_in.items():
        if reached >= fi:
            frm = ctxs[frames[fi - 1][0]].number
            per_page_items.setdefault(frames[fi][0], []).extend(
                _one_line(f"（上接第{frm}版）", jstyle_in, sl, cache, body_col))
            used[fi].add((sl.col, sl.row))

    # boxes, resume points, column extents ---------------------------------------------------------
    all_items = [it for v in per_page_items.values() for it in v]
    missing = missing_glyphs(all_items)
    for fi, (pi, fb, cols) in enumerate(frames):
        empty = 0
        for (c, r) in cells[fi]:
            if (c, r) not in used[fi] and r > last_row_of_col.get(c, 0):
                empty += 1
        fg = ctxs[pi].grid
        if fi == 0:
            bx = tree.BlockBox(art.id, "article", ax, ay, aw, ah, overset_chars=result.overset_chars,
                               empty_lines=empty, missing_glyphs=missing, notes=list(notes))
            if result.overset:
                bx.notes.append(f"overset: {result.overset_chars} characters did not fit")
        else:
            x, y, w, h = fg.rect(fb.place)
            bx = tree.BlockBox(fb.id, "frame", x, y, w, h, empty_lines=empty)
            if result.overset and fi == len(frames) - 1:
                bx.notes.append(f"overset: {result.overset_chars} characters of {art.id} did not fit")
        res.boxes.setdefault(pi, []).append(bx)
        for (x0, x1, r0, r1) in cols:
            res.columns.setdefault(pi, []).append((x0, x1, fg.line_top(r0), fg.line_top(r1) + fg.body_size))
        lp = frame_last[fi]
        if lp is None:
            res.resume.append(res.resume[-1] if res.resume else Resume(0, 0, 0, 0))
        elif getattr(lp.line, "last", False):
            res.resume.append(Resume(lp.para + 1, 0, 0, 0))
        else:
            done = [p.line for p in result.placed if p.para == lp.para and p.index <= lp.index]
            res.resume.append(Resume(lp.para, lp.index + 1, sum(nonspace(ln.text) for ln in done),
                                     getattr(lp.line, "end", 0)))
    res.resume_end = result.resume
    res.lines = [sum(1 for p in result.placed if slots[p.slot].frame == fi) for fi in range(len(frames))]
    res.solids[page_index] = solids
    if art.rule_below:
        yb = ay + ah + (L - s) / 2
        per_page_items[page_index].extend(decor.rule_items("single", ax, yb, ax + aw, yb, 0.5))
    for pi, its in per_page_items.items():
        res.extend(pi, its)
    return res


def _one_line(text: str, style, sl, cache, colour) -> list:
    lines = cache.compose(text, style, [sl.w])
    if not lines:
        return []
    return line_runs(lines[0], sl.x, sl.baseline, colour, style)


def _vertical_headline(doc, parts, x, y, w, h) -> tuple[list, list, float]:
    """Headline parts set vertically in the strip (x, y, w, h), right to left in reading order: 引题 first
    (from the top), then 主题 (centred), then 副题 and a byline (down to the foot); the group is centred
    across the strip."""
    notes = []

    aligns = {"kicker": "top", "title": "center", "subtitle": "bottom", "byline": "bottom"}

    def setall(right):
        out, cx = [], right
        for i, (text, st, part) in enumerate(parts):
            if i:
                cx -= max(2.0, 0.3 * st.size)
            its, used_w = set_vertical(text, doc, st, cx, y, h, colour_of(doc, st), align=aligns.get(part, "center"))
            out += its
            cx -= used_w
        return out, right - cx

    items, total = setall(x + w)
    if total > w + 0.5:
        if w > 0:
            notes.append("vertical headline wider than its strip")
    elif total < w - 0.5:
        items, _ = setall(x + w - (w - total) / 2)      # centre the group in the strip
    return items, notes, total
