"""Justify: fit one line's characters to the measure, reducing first and then expanding, in clreq's order.

Contract: ``place(P, s, e, avail, x0, mode, hang)`` returns (glyphs, right_edge, flush) for characters
``s..e`` of a Prepared paragraph.  Reduction (clreq #procedures_for_inter-character_spacing_reduction):
line-end mark to 1/2 em (already applied by the caller's cut), Latin word spaces (to 1/4 em), brackets
(to 1/2 em), commas/enumeration commas/semicolons/colons (to 1/2 em), Han–Latin gaps (to 1/8 em), stops
(to 1/2 em), each step all at once and only as far as needed.  Expansion (``mode`` 'justify' or
'distribute'): word spaces (to 1/2 em), Han–Latin gaps (to 1/3 em), then equal space in every gap that is
not inside ——/……, a Latin word or a number (gaps beside connectors and solidi only as a last resort).
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, compress

from .lines import PlacedGlyph

EPS = 1e-6
_UNSPLIT = "—…⋯"


def place(P, s: int, e: int, avail: float, x0: float, mode: str, hang: bool,
          cut_start: bool = True) -> tuple[list, float, bool]:
    raw, right, flush = place_raw(P, s, e, avail, x0, mode, hang, cut_start)
    return list(map(PlacedGlyph, *raw)), right, flush


_EMPTY = ("", (), (), (), (), ())


def place_raw(P, s: int, e: int, avail: float, x0: float, mode: str, hang: bool,
              cut_start: bool = True) -> tuple[tuple, float, bool]:
    """Like :func:`place`, but the glyphs as parallel sequences (chars, x, w, dx, face, gid), spaces left
    out; :class:`~layout.text.lines.Line` makes PlacedGlyph objects from them only when asked."""
    m = e - s
    if m <= 0:
        return _EMPTY, x0, False
    w = P.w[s:e]
    dx = P.dx[s:e]
    g = P.gt[s:e]
    g[0] = 0.0
    last_in = m - 2 if hang else m - 1          # the hanging mark sits outside the measure
    # blank trimmed at the line's edges: a leading opening mark, a hanging mark, the last mark inside
    cut0 = cut_start and last_in >= 0 and P.lcap[s] and P.pcls[s] == "open"
    if cut0:
        c = P.lcap[s]
        w[0] -= c
        dx[0] -= c
    if hang:
        c = P.ce[e - 1]                         # a hanging mark is half width too
        if c:
            w[m - 1] -= c
    cut_last = False
    if last_in >= 0 and P.rcap[s + last_in]:
        c = P.ce[s + last_in]
        if c:
            w[last_in] -= c
            cut_last = True
    if last_in == m - 1:
        content = sum(w) + sum(g[1:])
    else:
        content = sum(w[: last_in + 1]) + sum(g[1: last_in + 1])
    diff = avail - content
    flush = True
    if diff < -EPS or (diff > EPS and mode in ("justify", "distribute", "fit")):
        # adjustable characters of this line (punctuation with blank, spaces, Han–Latin gaps); expanding
        # looks only at spaces and gaps, so a paragraph with neither needs none
        if diff < -EPS or P.sp or P.hasgap:
            lo, hi = bisect_left(P.adj, s), bisect_left(P.adj, s + last_in + 1)
            adj = [i - s for i in P.adj[lo:hi]]
        else:
            adj = ()
        if diff < -EPS:
            lcap, rcap = P.lcap, P.rcap
            lc = {j: lcap[s + j] for j in adj}
            rc = {j: rcap[s + j] for j in adj}
            if cut0:
                lc[0] = 0.0
            if cut_last:
                rc[last_in] = 0.0
            flush = _shrink(P, s, adj, w, dx, g, lc, rc, -diff, last_in, mode)
        else:
            flush, x0 = _expand(P, s, adj, w, g, diff, last_in, mode, x0)
    elif diff > EPS:
        flush = False
    # x of each box: x0, then gap and box in turn, summed left to right
    if not any(g):
        # no gaps (no tracking, justification or Han–Latin space): the same sums without the + 0.0 steps
        # (only the first one can change a bit: -0.0 + 0.0 is 0.0)
        xs = list(accumulate(w, initial=x0 + 0.0))
        right = xs[last_in + 1] if last_in >= 0 else x0
        xs.pop()
    elif last_in == m - 1:
        xs = []
        app = xs.append
        x = x0
        for a, b in zip(g, w):
            x += a
            app(x)
            x += b
        right = x
    else:
        inter = [0.0] * (2 * m)
        inter[0::2] = g
        inter[1::2] = w
        xs = list(accumulate(inter, initial=x0))
        right = xs[2 * last_in + 2] if last_in >= 0 else x0
        xs = xs[1::2]
    chars, face, gid = P.text[s:e], P.face[s:e], P.gid[s:e]
    if P.sp:
        keep = [k != "space" for k in P.kind[s:e]]
        if not all(keep):
            chars = "".join(compress(chars, keep))
            xs, w, dx = list(compress(xs, keep)), list(compress(w, keep)), list(compress(dx, keep))
            face, gid = list(compress(face, keep)), list(compress(gid, keep))
    return (chars, xs, w, dx, face, gid), right, flush


def _spread(items, need, sign, w, g, dx):
    """One step of clreq's reduction or expansion: take up to ``need`` pt from (sign −1) or give it to
    (sign +1) the step's adjustable places in proportion to their capacity; returns what is still needed.
    ``items`` are (capacity, kind, j): kind "g" is the gap before glyph j, "w" and "r" glyph j's width,
    "l" its width on the left side (the glyph moves with it)."""
    total = sum(c for c, _, _ in items if c > EPS)
    if total <= EPS:
        return need
    take = min(need, total)
    f = take / total
    for c, kind, j in items:
        if c <= EPS:
            continue
        a = sign * c * f
        if kind == "g":
            g[j] += a
        else:
            w[j] += a
            if kind == "l":
                dx[j] += a
    return need - take


def _shrink(P, s, adj, w, dx, g, lc, rc, need, last_in, mode):
    em, t = P.em, P.track
    kinds, pcls, spmin, spmax, gap, gapmin = P.kind, P.pcls, P.spmin, P.spmax, P.gap, P.gapmin
    # (capacity, kind, j) per reduction step, in clreq's order
    steps = [[], [], [], [], []]
    for j in adj:
        i = s + j
        k = kinds[i]
        if k == "space":
            steps[0 if spmax[i] >= em / 2 - EPS else 3].append((w[j] - spmin[i], "w", j))
        pc = pcls[i]
        if pc == "open" and lc[j] > EPS:
            steps[1].append((lc[j], "l", j))
        elif pc == "close" and rc[j] > EPS:
            steps[1].append((rc[j], "r", j))
        elif pc == "pause" and rc[j] > EPS:
            steps[2].append((rc[j], "r", j))
        elif pc == "stop" and rc[j] > EPS:
            steps[4].append((rc[j], "r", j))
        if j >= 1 and gap[i] > EPS:
            steps[3].append((g[j] - t - gapmin[i], "g", j))
    for items in steps:
        need = _spread(items, need, -1.0, w, g, dx)
        if need <= EPS:
            return True
    if mode == "fit":
        eq = _equal_gaps(P, s, last_in, True)
        if eq:
            share = need / len(eq)
            for j in eq:
                g[j] -= share
            return True
    return need <= 1e-4


def _expand(P, s, adj, w, g, need, last_in, mode, x0):
    em, t = P.em, P.track
    kinds, spmax, gap, gapmax = P.kind, P.spmax, P.gap, P.gapmax
    steps = [[], []] if adj else ()
    for j in adj:
        i = s + j
        if kinds[i] == "space":
            wide = spmax[i] >= em / 2 - EPS
            steps[0 if wide else 1].append((spmax[i] - w[j], "w", j))
        if j >= 1 and gap[i] > EPS:
            steps[1].append((gapmax[i] - (g[j] - t), "g", j))
    for items in steps:
        need = _spread(items, need, 1.0, w, g, None)
        if need <= EPS:
            return True, x0
    eq = _equal_gaps(P, s, last_in, False) or _equal_gaps(P, s, last_in, True)
    if eq:
        share = need / len(eq)
        for j in eq:
            g[j] += share
        return last_in > 0, x0
    if mode in ("distribute", "fit") and last_in == 0:
        return False, x0 + need / 2            # a single character is centred
    return False, x0


def _equal_gaps(P, s, last_in, loose):
    """Gaps (j: before glyph j of the line) that may take equal extra space; ``loose`` adds those beside
    connectors and solidi.  Never inside ——/……, a Latin word or a number, nor beside a space."""
    flags = P.eqloose if loose else P.eq
    return list(compress(range(1, last_in + 1), flags[s + 1: s + last_in + 1]))
