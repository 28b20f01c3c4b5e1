"""Line breaking: first fit with shrink (reduce before expand), prohibitions from the break opportunities,
no 孤字 (a paragraph's last line holds at least ``Style.min_last_han`` Han characters), hanging marks.

Contract: ``ParagraphComposer(text, style).next_line(width)`` returns the next :class:`Line` set to
``width`` pt, or None when the paragraph is done.  ``compose_paragraph(text, style, width)`` sets a whole
paragraph (``width`` a number or a callable ``i -> width``) and caches the result per (text, style,
width), so re-composing an unchanged paragraph costs a dict look-up.

For the page composer (widows/orphans across columns):
``pc.position`` is a resume token (an int: the character index of the next line's start, plus
``pc.line_no``); ``pc.seek(token, line_no)`` rewinds; ``pc.remaining_lines(width)`` counts the lines still
to come if all were ``width`` wide (without consuming them), so the composer can see that a paragraph
would leave a lone line at the top of the next column and move a line over; ``pc.next_line(width,
keep=k)`` asks for a line that leaves at least ``k`` lines after it when that costs at most three
characters of this line (it is set looser), e.g. at a column's last line ``keep=2`` turns "one line
left for the next column" into two.
"""
from __future__ import annotations

from bisect import bisect_right

from .. import fonts as _fonts
from . import itemize
from .justify import place, place_raw
from .lines import Line

EPS = 1e-4


def _metrics(P, s, e):
    """(e without trailing spaces, natural width, shrinkable amount) of characters s..e on one line."""
    if P.sp:
        kind = P.kind
        while e > s and kind[e - 1] == "space":
            e -= 1
    if e == s:
        return e, 0.0, 0.0
    cs = P.cs[s]
    ce = P.ce[e - 1]
    gap = P.gap
    nat = P.W[e] - P.W[s] - gap[s] + P.track * (e - s - 1) - cs - ce
    shr = P.SH[e] - P.SH[s] - (gap[s] - P.gapmin[s]) - cs - ce
    return e, nat, shr


def _fits(P, s, e, avail, hanging):
    """0 = no, 1 = fits, 2 = fits with its last mark hanging outside the measure."""
    e2, nat, shr = _metrics(P, s, e)
    if nat - shr <= avail + EPS:
        return 1
    if hanging and e2 - s >= 2 and P.pcls[e2 - 1] in ("stop", "pause") and P.kind[e2 - 2] != "punct":
        j = e2 - 1
        nat2 = P.W[j] - P.W[s] - P.gap[s] + P.track * (j - s - 1) - P.cut_start(s)
        shr2 = P.SH[j] - P.SH[s] - (P.gap[s] - P.gapmin[s]) - P.cut_start(s)
        if nat2 - shr2 <= avail + EPS:
            return 2
    return 0


def _fitter(P, s, avail):
    """``fits(e)``: whether characters s..e fit ``avail`` without hanging (``_fits(P, s, e, avail, False)``
    with the start's terms looked up once; the same arithmetic in the same order)."""
    W, SH, ce, track = P.W, P.SH, P.ce, P.track
    kind = P.kind if P.sp else None
    Ws, SHs, gs, gms, cs = W[s], SH[s], P.gap[s], P.gap[s] - P.gapmin[s], P.cs[s]
    lim = avail + EPS
    zero = 0.0 - 0.0 <= lim
    s1 = s + 1

    def fits(e):
        if kind is not None:
            while e > s and kind[e - 1] == "space":
                e -= 1
        if e == s:
            return zero
        c = ce[e - 1]
        return ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) <= lim
    return fits


def _choose(P, s, avail, hanging):
    """(end, hang, emergency): the furthest break opportunity after s whose line fits ``avail``.

    The minimum width of a line (everything squeezed) only grows with its end, so the furthest fitting
    opportunity is found by binary search over the opportunities.  (The test is ``_fits(P, s, e, avail,
    False)`` written out: the same arithmetic in the same order, with the line start's terms looked up
    once and each opportunity's end without trailing spaces taken from ``P.bpe``.)"""
    bps = P.bps
    k0 = bisect_right(bps, s)
    nb = len(bps)
    W, SH, ce, track, ends = P.W, P.SH, P.ce, P.track, P.bpe
    Ws, SHs, gs, gms, cs = W[s], SH[s], P.gap[s], P.gap[s] - P.gapmin[s], P.cs[s]
    lim = avail + EPS
    zero = 0.0 - 0.0 <= lim
    s1 = s + 1
    ok = False
    if k0 < nb:
        e = ends[k0]
        if e > s:
            c = ce[e - 1]
            ok = ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) <= lim
        else:
            ok = zero
    if not ok:
        if k0 < nb and hanging and _fits(P, s, bps[k0], avail, True) == 2:
            return bps[k0], True, False
        # nothing fits: an over-long word or number; break it by characters as a last resort
        fits = _fitter(P, s, avail)
        e = s + 1
        n = P.n
        while e < n and fits(e + 1):
            e += 1
        return e, False, True
    bpd = P.bpd
    if bpd is not None and P.kind[s] != "space":
        # fitting is monotonic (see itemize): start from the bisected estimate and settle it with the
        # exact test, which the galloping search below would have applied to the same boundary
        k = bisect_right(bpd, lim + Ws - SHs + gs - gms, k0, nb) - 1
        if k < k0:
            k = k0
        while k > k0:
            e = ends[k]
            c = ce[e - 1]
            if ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) <= lim:
                break
            k -= 1
        while k + 1 < nb:
            e = ends[k + 1]
            c = ce[e - 1]
            if ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) > lim:
                break
            k += 1
        if hanging and k + 1 < nb and _fits(P, s, bps[k + 1], avail, True) == 2:
            return bps[k + 1], True, False
        return bps[k], False, False
    lo, step = k0, 1
    hi = k0 + 1
    while hi < nb:
        e = ends[hi]
        if e > s:
            c = ce[e - 1]
            if ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) > lim:
                break
        elif not zero:
            break
        lo = hi
        step *= 2
        hi = lo + step
    hi = min(hi, nb)
    while hi - lo > 1:                       # invariant: bps[lo] fits, bps[hi] (or the end) does not
        mid = (lo + hi) // 2
        e = ends[mid]
        if e > s:
            c = ce[e - 1]
            ok = ((W[e] - Ws - gs + track * (e - s1) - cs - c) - (SH[e] - SHs - gms - cs - c)) <= lim
        else:
            ok = zero
        if ok:
            lo = mid
        else:
            hi = mid
    if hanging and lo + 1 < nb and _fits(P, s, bps[lo + 1], avail, True) == 2:
        return bps[lo + 1], True, False
    return bps[lo], False, False


class ParagraphComposer:
    """Set one paragraph line by line into widths chosen by the caller (columns, frames, wrap)."""

    def __init__(self, text: str, style, first_line_indent: bool = True, catalog=None):
        self.text = _normalise(text)
        self.style = style
        self.catalog = catalog if catalog is not None else _fonts.catalog()
        self.P = itemize.prepare(self.text, style, self.catalog)
        self.first_line_indent = first_line_indent
        self.pos = 0
        self.line_no = 0
        # skip leading spaces
        while self.pos < self.P.n and self.P.kind[self.pos] == "space":
            self.pos += 1

    @property
    def done(self) -> bool:
        return self.pos >= self.P.n

    @property
    def position(self) -> int:
        return self.pos

    def seek(self, position: int, line_no: int | None = None) -> None:
        self.pos = position
        if line_no is not None:
            self.line_no = line_no

    def _indent(self, first: bool) -> float:
        if first and self.first_line_indent and self.style.align in ("justify", "left"):
            return float(self.style.indent) * self.P.em
        return 0.0

    def remaining_lines(self, width: float) -> int:
        """How many lines the rest of the paragraph takes if every line is ``width`` pt."""
        pos, n, count = self.pos, self.P.n, 0
        first = self.line_no == 0
        hanging = bool(self.style.hanging)
        while pos < n:
            e, _, _ = _choose(self.P, pos, width - self._indent(first), hanging)
            pos = _skip_spaces(self.P, e)
            first = False
            count += 1
        return count

    def next_line(self, width: float, keep: int = 0) -> Line | None:
        P = self.P
        if self.pos >= P.n:
            return None
        s = self.pos
        first = self.line_no == 0
        indent = self._indent(True) if first else 0.0
        avail = width - indent
        hanging = bool(self.style.hanging)
        e, hang, emergency = _choose(P, s, avail, hanging)
        n = P.n
        # (_avoid_orphan changes nothing unless the rest has too few Han characters or ``keep`` asks)
        if e < n and not emergency and (keep >= 1 or P.H[n] - P.H[e] < int(self.style.min_last_han)):
            e, hang = self._avoid_orphan(s, e, hang, width, avail, keep)
        return self._make(s, e, hang, emergency, width, indent, avail, first)

    def _avoid_orphan(self, s, e, hang, width, avail, keep):
        """Pull characters down so the next (last) line is no lone character, or so ``keep`` lines follow."""
        P = self.P
        bps = P.bps
        need_han = int(self.style.min_last_han)
        H, n = P.H, P.n
        if (need_han > 0 and H[n] - H[e] < need_han and H[n] - H[s] >= need_han
                and _fits(P, _skip_spaces(P, e), n, width, bool(self.style.hanging))):   # the rest is the last line
            k = bisect_right(bps, e) - 2
            tries = 0
            while k >= 0 and bps[k] > s and tries < 8:
                e2 = bps[k]
                r0 = _skip_spaces(P, e2)
                if not _fits(P, r0, P.n, width, False):
                    break
                if P.H[P.n] - P.H[e2] >= need_han:
                    return e2, False
                k -= 1
                tries += 1
        if keep >= 1 and self._lines_from(_skip_spaces(P, e), width) < keep:
            # set this line looser (up to 3 characters shorter) so that ``keep`` lines follow it
            k = bisect_right(bps, e) - 2
            while k >= 0 and bps[k] > s and e - bps[k] <= 3:
                if self._lines_from(_skip_spaces(P, bps[k]), width) >= keep:
                    return bps[k], False
                k -= 1
        return e, hang

    def _lines_from(self, pos, width):
        n, count = self.P.n, 0
        hanging = bool(self.style.hanging)
        while pos < n:
            e, _, _ = _choose(self.P, pos, width, hanging)
            pos = _skip_spaces(self.P, e)
            count += 1
        return count

    def _make(self, s, e, hang, emergency, width, indent, avail, first) -> Line:
        P = self.P
        e2 = nxt = e
        if P.sp:
            nxt = _skip_spaces(P, e)
            while e2 > s and P.kind[e2 - 1] == "space":
                e2 -= 1
        last = nxt >= P.n
        style = self.style
        align = style.align
        if align == "justify":
            mode = "natural" if last else "justify"
        elif align == "distribute":
            mode = "distribute"
        else:
            mode = "natural"
        raw, right, flush = place_raw(P, s, e2, avail, indent, mode, hang)
        if align in ("center", "right") and raw[1]:
            slack = width - right
            shift = slack / 2 if align == "center" else slack
            raw = (raw[0], [x + shift for x in raw[1]]) + raw[2:]
            right += shift
        missing = [(c, i) for c, i in P.missing if s <= i < e2] if P.missing else []
        text = raw[0] if not P.sp else P.text[s:e2]          # no spaces: the glyphs' text is the line's
        line = Line._from_raw(raw, text, s, e2, right, width, P.size, float(style.hscale), first, last,
                              flush and mode in ("justify", "distribute"), hang, emergency, indent, P.ascent,
                              P.descent, missing)
        self.pos = nxt
        self.line_no += 1
        return line


def _skip_spaces(P, e):
    while e < P.n and P.kind[e] == "space":
        e += 1
    return e


def _normalise(text: str) -> str:
    """Join lines (no space between Chinese characters, one between Latin words) and drop leading and
    trailing spaces, including typed full-width indent spaces: the indent is the style's job."""
    if "\n" not in text and "\r" not in text and "\t" not in text:
        return text.strip(" \u3000")
    import re

    def join(m):
        a, b = m.string[m.start() - 1: m.start()], m.string[m.end(): m.end() + 1]
        if not a or not b or itemize.char_kind(a) in ("han", "punct", "wide") or itemize.char_kind(b) in ("han", "punct", "wide"):
            return ""
        return " "
    text = re.sub(r"[ \t]*[\r\n]+[ \t]*", join, text)
    return text.replace("\t", " ").strip(" \u3000")


_LINES_CACHE: dict = {}
_LINES_CACHE_MAX = 8192


def compose_paragraph(text: str, style, width, catalog=None, first_line_indent: bool = True) -> list[Line]:
    """All lines of one paragraph.  ``width``: pt, or a callable ``line_index -> pt``."""
    cat = catalog if catalog is not None else _fonts.catalog()
    key = None
    if not callable(width):
        key = (text, itemize.style_key(style), id(cat), float(width), first_line_indent)
        hit = _LINES_CACHE.get(key)
        if hit is not None:
            return list(hit)
    if getattr(style, "fit", False):
        lines = [_fit_line(text, style, width(0) if callable(width) else float(width), cat)]
    else:
        pc = ParagraphComposer(text, style, first_line_indent=first_line_indent, catalog=cat)
        lines = []
        while not pc.done:
            wd = width(len(lines)) if callable(width) else float(width)
            lines.append(pc.next_line(wd))
    if key is not None:
        if len(_LINES_CACHE) >= _LINES_CACHE_MAX:
            _LINES_CACHE.clear()
        _LINES_CACHE[key] = tuple(lines)
    return lines


def _fit_line(text, style, width, cat) -> Line:
    """One-line title fitted to the measure: horizontal scale (70–130 %) then even spacing."""
    from dataclasses import replace
    text = _normalise(text)
    P = itemize.prepare(text, style, cat)
    _, nat, _ = _metrics(P, 0, P.n)
    hs = float(style.hscale)
    if nat > width + EPS and nat > 0:
        hs = max(70.0, hs * width / nat)     # too long: narrow the glyphs (down to 70 %), then squeeze
    st = replace(style, hscale=hs, fit=False)
    P = itemize.prepare(text, st, cat)
    glyphs, right, flush = place(P, 0, P.n, width, 0.0, "fit", False)
    return Line(glyphs=glyphs, text=text, start=0, end=P.n, width=right, measure=width, size=P.size,
                hscale=hs, first=True, last=True, flush=flush, ascent=P.ascent, descent=P.descent,
                missing=list(P.missing))


def clear_caches() -> None:
    _LINES_CACHE.clear()
    itemize.clear_cache()
