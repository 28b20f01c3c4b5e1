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

from .lines import PlacedGlyph

EPS = 1e-6
_UNSPLIT = "—…⋯"


def _apply(items, need):
    """Take ``need`` pt from items [(cap, setter)] in proportion to their capacity; return what was taken."""
    total = sum(c for c, _ in items)
    if total <= EPS or need <= EPS:
        return 0.0
    take = min(need, total)
    f = take / total
    for c, fn in items:
        fn(c * f)
    return take


def place(P, s: int, e: int, avail: float, x0: float, mode: str, hang: bool,
          cut_start: bool = True) -> tuple[list, float, bool]:
    idx = list(range(s, e))
    m = len(idx)
    if m == 0:
        return [], x0, False
    em, t = P.em, P.track
    w = [P.w[i] for i in idx]
    dx = [P.dx[i] for i in idx]
    lc = [P.lcap[i] for i in idx]
    rc = [P.rcap[i] for i in idx]
    g = [0.0] + [P.gap[i] + t for i in idx[1:]]
    last_in = m - 2 if hang else m - 1          # the hanging mark sits outside the measure
    if cut_start and P.pcls[s] == "open" and lc[0]:
        w[0] -= lc[0]
        dx[0] -= lc[0]
        lc[0] = 0.0
    if last_in >= 0:
        c = P.cut_end(idx[last_in])
        if c:
            w[last_in] -= c
            rc[last_in] = 0.0
    content = sum(w[: last_in + 1]) + sum(g[1: last_in + 1])
    diff = avail - content
    kinds, pcls = P.kind, P.pcls
    flush = False

    def shrink_w(j, side):
        def fn(a):
            w[j] -= a
            if side == "l":
                dx[j] -= a
                lc[j] -= a
            elif side == "r":
                rc[j] -= a
        return fn

    def grow_w(j):
        def fn(a):
            w[j] += a
        return fn

    def shrink_g(j):
        def fn(a):
            g[j] -= a
        return fn

    def grow_g(j):
        def fn(a):
            g[j] += a
        return fn

    rng = range(last_in + 1)
    if diff < -EPS:
        need = -diff
        steps = [
            [(w[j] - P.spmin[idx[j]], shrink_w(j, "s")) for j in rng
             if kinds[idx[j]] == "space" and P.spmax[idx[j]] >= em / 2 - EPS],
            [(lc[j], shrink_w(j, "l")) for j in rng if pcls[idx[j]] == "open" and lc[j] > EPS]
            + [(rc[j], shrink_w(j, "r")) for j in rng if pcls[idx[j]] == "close" and rc[j] > EPS],
            [(rc[j], shrink_w(j, "r")) for j in rng if pcls[idx[j]] == "pause" and rc[j] > EPS],
            [(g[j] - t - P.gapmin[idx[j]], shrink_g(j)) for j in range(1, last_in + 1) if P.gap[idx[j]] > EPS]
            + [(w[j] - P.spmin[idx[j]], shrink_w(j, "s")) for j in rng
               if kinds[idx[j]] == "space" and P.spmax[idx[j]] < em / 2 - EPS],
            [(rc[j], shrink_w(j, "r")) for j in rng if pcls[idx[j]] == "stop" and rc[j] > EPS],
        ]
        for items in steps:
            need -= _apply([(c, f) for c, f in items if c > EPS], need)
            if need <= EPS:
                break
        flush = need <= 1e-4
        if need > EPS and mode == "fit":
            eq = _equal_gaps(P, idx, last_in, True)
            if eq:
                for j in eq:
                    g[j] -= need / len(eq)
                flush = True
    elif diff > EPS and mode in ("justify", "distribute", "fit"):
        need = diff
        steps = [
            [(P.spmax[idx[j]] - w[j], grow_w(j)) for j in rng
             if kinds[idx[j]] == "space" and P.spmax[idx[j]] >= em / 2 - EPS],
            [(P.gapmax[idx[j]] - (g[j] - t), grow_g(j)) for j in range(1, last_in + 1) if P.gap[idx[j]] > EPS]
            + [(P.spmax[idx[j]] - w[j], grow_w(j)) for j in rng
               if kinds[idx[j]] == "space" and P.spmax[idx[j]] < em / 2 - EPS],
        ]
        for items in steps:
            need -= _apply([(c, f) for c, f in items if c > EPS], need)
            if need <= EPS:
                break
        if need > EPS:
            eq = _equal_gaps(P, idx, last_in, False) or _equal_gaps(P, idx, last_in, True)
            if eq:
                share = need / len(eq)
                for j in eq:
                    g[j] += share
                need = 0.0
            elif mode in ("distribute", "fit") and last_in == 0:
                x0 += need / 2            # a single character is centred
                need = 0.0
                flush = False
        flush = need <= 1e-4 and last_in > 0
    else:
        flush = True
    glyphs = []
    x = x0
    ch, face, gid = P.text, P.face, P.gid
    right = x0
    for j in range(m):
        x += g[j]
        i = idx[j]
        if kinds[i] != "space":
            glyphs.append(PlacedGlyph(ch[i], x, w[j], dx[j], face[i], gid[i]))
        x += w[j]
        if j == last_in:
            right = x
    return glyphs, right, flush


def _equal_gaps(P, idx, last_in, loose):
    """Gaps (index j: before glyph j) that may take equal extra space; ``loose`` adds those beside
    connectors and solidi."""
    out = []
    text, kinds, pcls = P.text, P.kind, P.pcls
    for j in range(1, last_in + 1):
        a, b = idx[j - 1], idx[j]
        ca, cb = text[a], text[b]
        if ca == cb and ca in _UNSPLIT:
            continue
        ka, kb = kinds[a], kinds[b]
        if ka == "space" or kb == "space":
            continue
        if (ka == "latin" or ka == "mark") and (kb == "latin" or kb == "mark"):
            continue
        if kb == "mark":
            continue
        if not loose and (pcls[a] in ("connector", "solidus") or pcls[b] in ("connector", "solidus")
                          or ca in "-/" or cb in "-/"):
            continue
        out.append(j)
    return out
