"""ReportLab painter of the laid-out tree: one PDF page per :class:`layout.tree.LaidPage`, drawn 1:1.

Page geometry (never ReportLab's ``cropMarks``, which stretches the content): the MediaBox is the trim plus
the bleed plus a slug on every side; TrimBox and BleedBox are written on every page; the page is drawn in
trim coordinates, so items that reach into the bleed are drawn there. Crop marks, registration targets
(Separation ``All``), a colour bar and an info line (file, page, date, time) sit in the slug, outside the
BleedBox.

Colour: the canvas runs with ``enforceColorSpace='sep_cmyk'`` (RGB raises), every colour is DeviceCMYK or a
Separation, K100 fills and strokes overprint (``op``/``OP`` with ``OPM 1``) when the print profile says so,
and images are separated to CMYK (or kept grey) by :mod:`layout.color` before they are drawn.

Text: each :class:`~layout.tree.GlyphRun` becomes one text object; consecutive glyphs whose step equals the
font advance plus a constant are sent as one ``Tj`` with that constant as ``Tc`` (justified CJK lines are one
``Tj`` each); ``hscale`` becomes ``Tz``; ``dx``/``dy`` move a glyph's origin; rotated glyphs are drawn on
their own, rotated about their box centre. The tree's y grows downwards; the painter flips it.

The result is deterministic (``invariant=1``); :mod:`layout.pdfx` adds the PDF/X label and final dates.
"""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress
from operator import ne
from pathlib import Path

from .errors import PaibanError
from .tree import GlyphRun, Image, LaidDocument, LaidPage, Path as TPath, Rect, Rule

MM = 72.0 / 25.4
SLUG = 10 * MM            # slug outside the bleed, when marks are drawn
MARK_WIDTH = 0.25         # pt
MARK_GAP = 0.5 * MM       # between the bleed edge and the start of a crop mark
MARK_LEN = 5 * MM
TC_TOLERANCE = 0.005      # pt: glyph steps that agree this closely share one Tj

_font_lock = threading.Lock()
_registered: dict = {}    # (abs path, index) -> ReportLab font name


@dataclass
class RenderOptions:
    marks: bool = True            # crop + registration marks in the slug
    colour_bar: bool = True
    info_line: bool = True
    bleed: float | None = None    # pt; None = each page's own bleed
    slug: float | None = None     # pt; None = SLUG with marks, 0 without
    overprint_black: bool = True
    icc: str | None = None        # CMYK output profile for images (None: images are not converted)
    when: datetime | None = None  # date/time printed on the info line (deterministic by default)
    title: str = ""


@dataclass
class RenderReport:
    pages: int = 0
    notdef: list = field(default_factory=list)          # (page number, char, face id)
    missing_images: list = field(default_factory=list)  # (page number, path, reason)
    images: list = field(default_factory=list)          # (page number, source path, PreparedImage)
    boxes: list = field(default_factory=list)           # per page: dict(media, bleed, trim) in PDF points
    faces: dict = field(default_factory=dict)           # face id -> ReportLab font name


# -- fonts ------------------------------------------------------------------------------------------------

def _face_location(face_id: str, faces: dict | None, laid: LaidDocument) -> tuple[str, int]:
    for source in (faces or {}, laid.faces or {}):
        if face_id in source:
            v = source[face_id]
            if isinstance(v, (str, os.PathLike)):
                return str(v), 0
            if isinstance(v, (tuple, list)):
                return str(v[0]), int(v[1]) if len(v) > 1 else 0
            if hasattr(v, "path"):
                return str(v.path), int(getattr(v, "index", 0))
    try:
        from .fonts import catalog
        f = catalog().face(face_id)
        return f.path, f.index
    except PaibanError:
        raise
    except Exception as e:  # noqa: BLE001 - a missing catalogue file is bad input, not a crash
        raise PaibanError(f"font {face_id!r}: no font catalogue entry ({type(e).__name__}: {e})") from None


def register_face(path: str, index: int = 0) -> str:
    """Register a TrueType face with ReportLab once per process; returns its ReportLab font name."""
    key = (os.path.abspath(path), int(index))
    with _font_lock:
        name = _registered.get(key)
        if name:
            return name
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError

        from .rlfonts import load_ttfont
        name = "PB" + hashlib.sha1(f"{key[0]}|{key[1]}".encode()).hexdigest()[:12]
        try:
            pdfmetrics.registerFont(load_ttfont(name, key[0], key[1]))   # cached parse (layout.rlfonts)
        except (TTFError, OSError) as e:
            raise PaibanError(f"{path}: cannot embed font: {e}") from None
        _registered[key] = name
        return name


# -- the painter ------------------------------------------------------------------------------------------

class _TfOps(dict):
    """Font subset number -> its ``/Name size Tf`` operator, for one font and size on one canvas."""

    def __init__(self, font, doc, tail: str):
        super().__init__()
        self.font, self.doc, self.tail = font, doc, tail

    def __missing__(self, subset: int) -> str:
        op = self[subset] = self.font.getSubsetInternalName(subset, self.doc) + self.tail
        return op


class _Painter:
    def __init__(self, canvas, laid: LaidDocument, opts: RenderOptions, faces, report: RenderReport):
        self.c = canvas
        self.laid = laid
        self.opts = opts
        self.faces = faces
        self.report = report
        self.fonts: dict = {}        # face id -> (rl name, TTFont)
        self.colours: dict = {}
        self.metrics: dict = {}      # face id -> (ascent, descent) in em
        self.H = 0.0
        self.page_no = 0
        self.op_fill = None
        self.op_stroke = None
        self.tz = 100.0             # current horizontal scaling (Tz), percent
        self.tc = 0.0               # current character spacing (Tc)
        self.fill_key = self.stroke_key = None   # colour last set (graphics state)
        self.fill_overprint = None
        self._adv_units: dict = {}  # font name -> glyph text -> advance in font units
        self._bad_chars: dict = {}  # font name -> glyph text -> characters the font lacks
        self._char_codes: dict = {}     # font name -> ({char: subset}, {char: escaped byte}) (this canvas)
        self._tf: dict = {}             # (font name, size) -> subset -> "Tf" operator (this canvas)
        self._adv_pt: dict = {}         # (font name, size, Th) -> glyph text -> advance along the line (pt)
        self._num: dict = {}            # number -> its text in the content stream (Tc and TJ values)
        from reportlab.lib.rl_accel import fp_str
        self._fp = fp_str

    # fonts and colours
    def font(self, face_id: str):
        f = self.fonts.get(face_id)
        if f is None:
            from reportlab.pdfbase import pdfmetrics
            path, index = _face_location(face_id, self.faces, self.laid)
            name = register_face(path, index)
            f = (name, pdfmetrics.getFont(name))
            self.fonts[face_id] = f
            self.report.faces[face_id] = name
        return f

    def em_box(self, face_id: str, rl_face) -> tuple:
        """(ascent, descent) in em, positive, from the font catalogue (as the composer used) or ReportLab."""
        m = self.metrics.get(face_id)
        if m is None:
            m = (rl_face.ascent / 1000.0, -rl_face.descent / 1000.0)    # ReportLab's descent is negative
            try:
                from .fonts import catalog
                f = catalog().faces.get(face_id)
                path, index = _face_location(face_id, self.faces, self.laid)
                if f is not None and os.path.abspath(f.path) == os.path.abspath(path) and f.index == index:
                    f.has(" ")                       # loads the metrics
                    m = (float(f.ascent), float(f.descent))
            except Exception:  # noqa: BLE001 - no catalogue: ReportLab's metrics will do
                pass
            self.metrics[face_id] = m
        return m

    def rl(self, colour):
        key = colour
        r = self.colours.get(key)
        if r is None:
            from .color import rl_colour
            r = self.colours[key] = rl_colour(colour)
        return r

    def _wants_op(self, colour, flag: bool) -> bool:
        if not (flag and self.opts.overprint_black):
            return False
        return isinstance(colour, tuple) and len(colour) == 4 and colour[0] <= 0.001 and \
            colour[1] <= 0.001 and colour[2] <= 0.001 and colour[3] >= 0.995

    def fill(self, colour, overprint: bool) -> None:
        if colour != self.fill_key:          # graphics state: valid until the page's restoreState
            self.c.setFillColor(self.rl(colour))
        self.fill_key = colour
        op = self._wants_op(colour, overprint)
        if op != self.op_fill:
            self.c.setFillOverprint(op)
            self.op_fill = op
        self.fill_overprint = overprint      # with fill_key: the last call (runs skip a repeat of it)

    def stroke(self, colour, overprint: bool) -> None:
        if colour != self.stroke_key:
            self.c.setStrokeColor(self.rl(colour))
            self.stroke_key = colour
        op = self._wants_op(colour, overprint)
        if op != self.op_stroke:
            self.c.setStrokeOverprint(op)
            self.op_stroke = op

    # page
    def page(self, pg: LaidPage, index: int, total: int) -> None:
        c = self.c
        W, H = float(pg.width), float(pg.height)
        bleed = float(pg.bleed if self.opts.bleed is None else self.opts.bleed)
        slug = (SLUG if self.opts.marks else 0.0) if self.opts.slug is None else float(self.opts.slug)
        off = bleed + slug
        c.setPageSize((W + 2 * off, H + 2 * off))
        trim = (off, off, off + W, off + H)
        bleedbox = (slug, slug, slug + W + 2 * bleed, slug + H + 2 * bleed)
        c.setTrimBox(trim)
        c.setBleedBox(bleedbox)
        self.report.boxes.append(dict(media=(0, 0, W + 2 * off, H + 2 * off), bleed=bleedbox, trim=trim))
        self.H = H
        self.page_no = pg.number
        self.op_fill = self.op_stroke = None
        self.fill_key = self.stroke_key = None
        self.tz, self.tc = 100.0, 0.0
        c.setOverprintMask(True)          # OPM 1: K-only overprint keeps the other plates
        c.saveState()
        c.translate(off, off)
        clip = c.beginPath()              # nothing of the page may spill past the bleed into the marks
        clip.rect(-bleed, -bleed, W + 2 * bleed, H + 2 * bleed)
        c.clipPath(clip, stroke=0, fill=0)
        for item in pg.items:
            if isinstance(item, GlyphRun):
                self.run(item)
            elif isinstance(item, Rule):
                self.rule(item)
            elif isinstance(item, Rect):
                self.rect(item)
            elif isinstance(item, TPath):
                self.path(item)
            elif isinstance(item, Image):
                self.image(item)
            else:
                raise PaibanError(f"page {pg.number}: cannot paint {type(item).__name__}")
        c.restoreState()
        self.op_fill = self.op_stroke = None
        self.fill_key = self.stroke_key = None
        if self.opts.marks:
            self.marks(pg, W, H, bleed, slug, index, total)
        c.showPage()
        self.report.pages += 1

    # text
    def _units_of(self, name: str, font, face_id: str, s: str) -> float:
        """Advance of glyph text ``s`` in font units (cached per font); characters the font lacks are
        reported (once per drawn glyph) in ``report.notdef``."""
        units = self._adv_units[name]
        bad = self._bad_chars[name]
        v = units.get(s)
        if v is None:
            face = font.face
            cw, dw, cmap = face.charWidths, face.defaultWidth, face.charToGlyph
            v = units[s] = sum(cw.get(ord(ch), dw) for ch in s)
            lost = [ch for ch in s if ord(ch) not in cmap and not ch.isspace()]
            if lost:
                bad[s] = lost
        if s in bad:                                   # drawn as .notdef: preflight reports each one
            self.report.notdef.extend((self.page_no, ch, face_id) for ch in bad[s])
        return v

    def run(self, run: GlyphRun) -> None:
        glyphs = run.glyphs
        if not glyphs:
            return
        dy = glyphs[0].dy
        if [g for g in glyphs if g.rotate or g.dy != dy]:
            self._run_general(run)
        else:                                   # horizontal, one baseline: one text object
            self._tj_run(run, glyphs, dy)

    def _run_font(self, run: GlyphRun) -> tuple:
        f = self.fonts.get(run.face)
        name, font = f if f is not None else self.font(run.face)
        if run.colour is not self.fill_key or run.overprint is not self.fill_overprint:
            self.fill(run.colour, run.overprint)
        if name not in self._adv_units:
            # advances in font units per glyph text, cached per font (a page has tens of thousands of glyphs)
            self._adv_units[name] = {}
            self._bad_chars[name] = {}
        return name, font

    def _run_general(self, run: GlyphRun) -> None:
        """A run with rotated glyphs or glyphs off the baseline: Tj per stretch, rotated glyphs on their own."""
        name, font = self._run_font(run)
        glyphs = run.glyphs
        size = float(run.size)
        th = (run.hscale or 100.0) / 100.0
        face = font.face
        H = self.H
        k1 = size / 1000.0
        units_of = self._units_of

        def adv_units(s: str) -> float:
            return units_of(name, font, run.face, s)

        def adv(s: str) -> float:
            return adv_units(s) * k1

        rotated = [g for g in glyphs if g.rotate]
        t = self.c.beginText()
        t.setFont(name, size)
        # Tz and Tc are text state: they outlive BT/ET, so track them across runs (reset per page / by Q)
        if abs(th * 100.0 - self.tz) > 1e-6:
            t.setHorizScale(th * 100.0)
            self.tz = th * 100.0
        tc_now = self.tc
        glyphs = [g for g in glyphs if not g.rotate] if rotated else glyphs
        n = len(glyphs)
        pos = [g.x + g.dx for g in glyphs]
        # the space after glyph k beyond its natural advance (what Tc must add), per glyph
        steps = [(pos[k + 1] - pos[k]) / th - adv_units(glyphs[k].ch) * k1 for k in range(n - 1)]
        if n:
            adv_units(glyphs[-1].ch)
        same_dy = all(g.dy == glyphs[0].dy for g in glyphs) if n else True
        x0, y0 = run.x, H - run.y
        i = 0
        while i < n:
            g0 = glyphs[i]
            j = i + 1
            tc = steps[i] if i < n - 1 else 0.0
            while j < n:
                if not same_dy and glyphs[j].dy != g0.dy:
                    break
                if abs(steps[j - 1] - tc) > TC_TOLERANCE:
                    break
                j += 1
            if j == i + 1:
                tc = tc_now if tc_now is not None else 0.0     # one glyph: Tc does not matter
            text = g0.ch if j == i + 1 else "".join(g.ch for g in glyphs[i:j])
            t.setTextOrigin(x0 + pos[i], y0 - g0.dy)
            if tc_now is None or abs(tc - tc_now) > 1e-6:
                t.setCharSpace(tc)
                tc_now = tc
            t.textOut(text)
            i = j
        self.tc = tc_now
        self.c.drawText(t)
        if rotated:
            asc, desc = self.em_box(run.face, face)
            for g in rotated:
                cx = run.x + g.x + g.w / 2.0
                cy = run.y + g.dy - size * (asc - desc) / 2.0     # em-box centre, tree coordinates
                self.c.saveState()
                self.c.translate(cx, H - cy)
                self.c.rotate(-g.rotate)                           # tree: clockwise degrees
                t = self.c.beginText()
                t.setFont(name, size)
                t.setCharSpace(0)
                t.setHorizScale(th * 100.0)     # inside q/Q: the outer Tz/Tc come back at Q
                t.setTextOrigin(-adv(g.ch) * th / 2.0 + g.dx, -size * (asc - desc) / 2.0)
                t.textOut(g.ch)
                self.c.drawText(t)
                self.c.restoreState()

    def _codes(self, name: str, font, text: str) -> tuple:
        """Per character of ``text``: its font subset and its escaped byte in that subset.

        ReportLab's ``splitString`` assigns subset codes in order of first use and never changes them for
        the document, so the painter remembers each character's code after its first run and only sends
        runs holding new characters through ``splitString`` (which assigns them, as before)."""
        maps = self._char_codes.get(name)
        if maps is None:
            maps = self._char_codes[name] = ({}, {})
        sub_of, esc_of = maps
        try:
            return list(map(sub_of.__getitem__, text)), esc_of
        except KeyError:
            pass
        escape = self.c._escape
        chars = iter(text)
        for subset, data in font.splitString(text, self.c._doc):
            for b in data:                       # one byte per character (code point)
                ch = next(chars)
                sub_of[ch] = subset
                esc_of[ch] = escape(bytes((b,)))
        return list(map(sub_of.__getitem__, text)), esc_of

    def _tj_run(self, run: GlyphRun, glyphs, dy) -> None:
        """One horizontal run as one text object: a Tm at the run's first glyph, a Tc for the run's most
        common extra space (justification), then per font subset one TJ array whose numbers move the few
        glyphs that differ (compressed punctuation, Han–Latin gaps) to the engine's x. Glyph text goes
        through ReportLab's subset machinery, so embedding and ToUnicode stay ReportLab's."""
        name, font = self._run_font(run)
        size = float(run.size)
        th = (run.hscale or 100.0) / 100.0
        fp_str = self._fp
        num = self._num
        chs = [g.ch for g in glyphs]
        n = len(chs)
        f = size / 1000.0 * th                  # font units → pt along the line
        # pass 1: the gap after each glyph beyond its natural advance, (q - p) - u * f for consecutive origins
        # p, q and the advance u (font units) of the glyph at p; u * f is kept per glyph text, size and Th
        wkey = (name, size, th)
        wd = self._adv_pt.get(wkey)
        if wd is None:
            wd = self._adv_pt[wkey] = {}
        try:
            if self._bad_chars[name]:
                raise KeyError                  # the font lacks some characters: report them (below)
            wd[chs[-1]]                         # every glyph's advance known (the last one's too)
            raw = [((b.x + b.dx) - (a.x + a.dx)) - wd[a.ch] for a, b in zip(glyphs, glyphs[1:])]
        except KeyError:
            # first sight of some text at this size, or characters the font lacks (reported per glyph)
            units_of, face_id = self._units_of, run.face
            for ch in chs:
                wd[ch] = units_of(name, font, face_id, ch) * f
            raw = [((b.x + b.dx) - (a.x + a.dx)) - wd[a.ch] for a, b in zip(glyphs, glyphs[1:])]
        # the gaps are rounded to 0.001 pt; Tc is the median gap, which is the justification space whenever
        # most gaps share it (pt, Tc × Th). Rounding is monotonic, so the median of the rounded gaps is the
        # rounded median gap; and a line has only a few distinct gaps, so each distinct value is rounded once.
        if raw:
            rs = set(raw)
            tc = round(sorted(raw)[len(raw) // 2] if len(rs) > 1 else raw[0], 3)
        else:
            rs, tc = (), 0.0
        tc_op = round(tc / th, 4)
        g0 = glyphs[0]
        code = ["BT"]
        if abs(th * 100.0 - self.tz) > 1e-6:
            code.append(fp_str(th * 100.0) + " Tz")
            self.tz = th * 100.0
        if self.tc is None or self.tc != tc_op:
            v = num.get(tc_op)
            if v is None:
                v = num[tc_op] = fp_str(tc_op)
            code.append(v + " Tc")
            self.tc = tc_op
        code.append("1 0 0 1 " + fp_str(run.x + (g0.x + g0.dx), self.H - (run.y + dy)) + " Tm")
        # pass 2: a TJ number (0.1 thousandth of the size, < 0.001 pt) before each glyph that Tc alone
        # does not put in place (gaps were rounded to 0.001 pt: a line of 40 glyphs drifts < 0.02 pt at most,
        # and only where its gaps differ from Tc by less than that)
        tc = tc_op * th
        moves = None
        for v in rs:                            # the TJ number of each distinct gap other than Tc
            gp = round(v, 3)
            if gp != tc:
                m = round((gp - tc) * (-1000.0 / (size * th)), 1)
                if m:
                    t = num.get(m)
                    if t is None:
                        t = num[m] = fp_str(m)
                    if moves is None:
                        moves = {}
                    moves[v] = t
        stops = [(k, moves[v]) for k, v in enumerate(raw, 1) if v in moves] if moves else ()
        text = "".join(chs)
        L = len(text)
        if stops and L != n:                    # glyphs of several characters: index by character
            first = []
            i = 0
            for ch in chs:
                first.append(i)
                i += len(ch)
            stops = [(first[k], t) for k, t in stops]
        maps = self._char_codes.get(name)
        try:
            sub_of, esc_of = maps
            subs = list(map(sub_of.__getitem__, text))
        except (TypeError, KeyError):           # characters new to this canvas: ReportLab assigns them
            subs, esc_of = self._codes(name, font, text)
        es = list(map(esc_of.__getitem__, text))
        tfs = self._tf.get((name, size))
        if tfs is None:                         # "/F1+0 9 Tf" and "/F1+0 9 Tf\n(" per subset
            tail = f" {fp_str(size)} Tf"
            tfs = self._tf[(name, size)] = (_TfOps(font, self.c._doc, tail), _TfOps(font, self.c._doc, tail + "\n("))
        tf, tf_open = tfs
        s0 = subs[0]
        if not stops:                           # Tc alone places every glyph: one Tj per font subset
            if subs.count(s0) == L:
                code.append(tf_open[s0] + "".join(es) + ") Tj")
            else:
                cuts = list(compress(range(1, L), map(ne, subs[1:], subs)))
                code += [tf_open[subs[p0]] + "".join(es[p0:p1]) + ") Tj" for p0, p1 in zip([0, *cuts], [*cuts, L])]
        else:
            # one Tj (or TJ, with the stops inside it) per stretch of glyphs in one font subset
            cuts = list(compress(range(1, L), map(ne, subs[1:], subs))) if subs.count(s0) != L else ()
            si, ns = 0, len(stops)
            nxt = stops[0][0]
            for p0, p1 in zip([0, *cuts], [*cuts, L]):
                if nxt < p1:
                    parts = []
                    start = p0
                    while nxt < p1:
                        if nxt > start:
                            parts.append("(" + "".join(es[start:nxt]) + ")")
                        parts.append(stops[si][1])
                        start = nxt
                        si += 1
                        nxt = stops[si][0] if si < ns else L
                    parts.append("(" + "".join(es[start:p1]) + ")")
                    code.append(tf[subs[p0]] + "\n[" + " ".join(parts) + "] TJ")
                else:
                    code.append(tf_open[subs[p0]] + "".join(es[p0:p1]) + ") Tj")
        code.append("ET")
        self.c._code.append("\n".join(code))

    # vector items
    def rule(self, r: Rule) -> None:
        c = self.c
        self.stroke(r.colour, r.overprint)
        c.setLineWidth(r.width)
        c.setLineCap(0)
        c.setDash(list(r.dash) if r.dash else [])
        H = self.H
        c.line(r.x0, H - r.y0, r.x1, H - r.y1)
        if r.dash:
            c.setDash([])

    def rect(self, r: Rect) -> None:
        c = self.c
        if r.fill is None and r.stroke is None:
            return
        if r.fill is not None:
            self.fill(r.fill, r.overprint)
        if r.stroke is not None:
            self.stroke(r.stroke, r.overprint)
            c.setLineWidth(r.width)
            c.setLineJoin(0)
        c.rect(r.x, self.H - r.y - r.h, r.w, r.h, stroke=int(r.stroke is not None), fill=int(r.fill is not None))

    def path(self, p: TPath) -> None:
        c = self.c
        if (p.fill is None and p.stroke is None) or not p.subpaths:
            return
        if p.fill is not None:
            self.fill(p.fill, p.overprint)
        if p.stroke is not None:
            self.stroke(p.stroke, p.overprint)
            c.setLineWidth(p.width)
        H = self.H
        pp = c.beginPath()
        for sub in p.subpaths:
            if not sub:
                continue
            x, y = sub[0]
            pp.moveTo(x, H - y)
            for x, y in sub[1:]:
                pp.lineTo(x, H - y)
            pp.close()
        from reportlab.pdfgen.canvas import FILL_EVEN_ODD
        c.drawPath(pp, stroke=int(p.stroke is not None), fill=int(p.fill is not None), fillMode=FILL_EVEN_ODD)

    def image(self, im: Image) -> None:
        c = self.c
        H = self.H
        prepared = None
        reason = "missing" if im.missing else ""
        if not im.missing:
            if not os.path.exists(im.path):
                reason = "not found"
            elif self.opts.icc:
                from .color import prepare_image
                try:
                    prepared = prepare_image(im.path, self.opts.icc)
                except PaibanError as e:
                    reason = e.diagnostics[0].message
            else:
                reason = "no ICC profile to separate the image"
        if prepared is None:
            self.report.missing_images.append((self.page_no, im.path, reason))
            self.placeholder(im)
            return
        self.report.images.append((self.page_no, im.path, prepared))
        x0, y0, x1, y1 = im.crop
        fw = im.w / max(x1 - x0, 1e-6)
        fh = im.h / max(y1 - y0, 1e-6)
        left = im.x - x0 * fw
        top = im.y - y0 * fh
        c.saveState()
        clip = c.beginPath()
        clip.rect(im.x, H - im.y - im.h, im.w, im.h)
        c.clipPath(clip, stroke=0, fill=0)
        c.drawImage(prepared.path, left, H - top - fh, fw, fh, mask=None)
        c.restoreState()

    def placeholder(self, im: Image) -> None:
        c = self.c
        H = self.H
        grey = (0.0, 0.0, 0.0, 0.15)
        self.fill(grey, False)
        self.stroke((0.0, 0.0, 0.0, 0.6), False)
        c.setLineWidth(0.5)
        y = H - im.y - im.h
        c.rect(im.x, y, im.w, im.h, stroke=1, fill=1)
        c.line(im.x, y, im.x + im.w, y + im.h)
        c.line(im.x, y + im.h, im.x + im.w, y)

    # marks in the slug
    def marks(self, pg: LaidPage, W: float, H: float, bleed: float, slug: float, index: int, total: int) -> None:
        from .color import registration_colour
        c = self.c
        off = bleed + slug
        reg = registration_colour()
        c.saveState()
        c.translate(off, off)          # trim origin, PDF orientation (y up)
        c.setStrokeColor(reg)
        c.setFillColor(reg)
        c.setLineWidth(MARK_WIDTH)
        c.setDash([])
        d0 = bleed + MARK_GAP
        ln = max(0.0, min(MARK_LEN, slug - MARK_GAP - 1.0))
        if ln > 0:
            for x in (0.0, W):
                for y in (0.0, H):
                    sx = -1 if x == 0 else 1
                    sy = -1 if y == 0 else 1
                    c.line(x + sx * d0, y, x + sx * (d0 + ln), y)        # horizontal mark
                    c.line(x, y + sy * d0, x, y + sy * (d0 + ln))        # vertical mark
            # registration targets at the middle of each side
            r = min(2 * MM, ln / 2.5)
            dc = d0 + ln / 2.0
            for cx, cy in ((W / 2, -dc), (W / 2, H + dc), (-dc, H / 2), (W + dc, H / 2)):
                c.circle(cx, cy, r, stroke=1, fill=0)
                c.circle(cx, cy, r * 0.45, stroke=0, fill=1)
                c.line(cx - r * 1.4, cy, cx + r * 1.4, cy)
                c.line(cx, cy - r * 1.4, cx, cy + r * 1.4)
        fonts = list(self.fonts.values())
        if self.opts.info_line and slug >= 4 * MM:
            if not fonts:
                fonts = [self._any_font()]
            name = fonts[0][0]
            when = self.opts.when
            stamp = when.strftime("%Y-%m-%d %H:%M") if when else ""
            src = os.path.basename(self.laid.source) if self.laid.source else (self.opts.title or "")
            label = f"  {pg.label}" if pg.label else ""
            text = f"{src}  第{pg.number}版{label}  {index + 1}/{total}  {stamp}".strip()
            c.setFont(name, 6)
            c.drawString(5 * MM, -(bleed + slug / 2.0) - 2.0, text)
        if self.opts.colour_bar and slug >= 6 * MM:
            patches = [(1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 0, 0), (0, 1, 1, 0),
                       (1, 0, 1, 0), (1, 1, 1, 0), (0, 0, 0, 0.2), (0, 0, 0, 0.4), (0, 0, 0, 0.6),
                       (0, 0, 0, 0.8), (0.5, 0, 0, 0), (0, 0.5, 0, 0), (0, 0, 0.5, 0)]
            s = 4 * MM
            x0 = 5 * MM
            if x0 + len(patches) * s < W / 2 - 6 * MM:
                y = H + bleed + (slug - s) / 2.0
                for i, p in enumerate(patches):
                    c.setFillColor(self.rl(p))
                    c.rect(x0 + i * s, y, s, s, stroke=0, fill=1)
        c.restoreState()

    def _any_font(self):
        from reportlab.pdfbase import pdfmetrics
        name = initial_font(self.laid, self.faces)
        return name, pdfmetrics.getFont(name)


def initial_font(laid: LaidDocument, faces: dict | None = None) -> str:
    """A registered TrueType font for the canvas's initial font, so no unembedded Helvetica appears."""
    for pg in laid.pages:
        for it in pg.items:
            if isinstance(it, GlyphRun):
                return register_face(*_face_location(it.face, faces, laid))
    for source in (faces or {}, laid.faces or {}):
        for fid in source:
            return register_face(*_face_location(fid, faces, laid))
    try:
        from .fonts import catalog
        cat = catalog()
        for fid in ("song", *cat.faces):
            if fid in cat.faces:
                f = cat.faces[fid]
                return register_face(f.path, f.index)
    except Exception:  # noqa: BLE001
        pass
    for p in sorted(Path(__file__).resolve().parent.parent.joinpath("fonts").glob("*.ttf")):   # bundled faces
        return register_face(str(p), 0)
    raise PaibanError("no TrueType font available for the PDF (check fonts/fonts.yaml)")


def render_pdf(laid: LaidDocument, out, options: RenderOptions | None = None, *, faces: dict | None = None,
               pages: list[int] | None = None, progress=None) -> RenderReport:
    """Paint ``laid`` to ``out`` (a path or a binary file object). ``pages``: 1-based page numbers to keep.

    ``faces`` maps face ids to font files (path, (path, index) or a Face) ahead of ``laid.faces`` and the
    font catalogue. ``progress(done, total)`` is called after each page.
    """
    from reportlab import rl_config
    from reportlab.pdfgen import canvas as rl_canvas

    # ReportLab's pure-Python ASCII85 encoder took 3.5 s for four photos; binary Flate streams are smaller too.
    rl_config.useA85 = 0
    opts = options or RenderOptions()
    sel = [p for p in laid.pages if pages is None or p.number in pages]
    if not sel:
        raise PaibanError("no pages to export" + (f" (asked for {pages})" if pages else ""))
    report = RenderReport()
    init = initial_font(laid, faces)
    c = rl_canvas.Canvas(out if not isinstance(out, os.PathLike) else str(out),
                         pagesize=(sel[0].width, sel[0].height), invariant=1, pageCompression=1,
                         initialFontName=init, enforceColorSpace="sep_cmyk")
    c.setTitle(opts.title or laid.title or "")
    c.setCreator("Paiban")
    c.setSubject("")
    painter = _Painter(c, laid, opts, faces, report)
    total = len(sel)
    for i, pg in enumerate(sel):
        painter.page(pg, i, total)
        if progress:
            progress(i + 1, total)
    c.save()
    return report


def page_boxes_mm(report: RenderReport) -> list[dict]:
    """The boxes of each page in mm (for messages and tests)."""
    return [{k: tuple(round(v / MM, 2) for v in box) for k, box in b.items()} for b in report.boxes]
