"""Itemize: per character kind, face (Han face, Latin face of a composite font, fallback) and static width.

Contract: ``prepare(text, style, catalog)`` returns a :class:`Prepared` paragraph: for every character its
face id, glyph box width and glyph offset (pt, after the punctuation style and adjacent-mark compression),
the compressible space left on each side, the Han–Latin gap before it, and the break opportunities; plus
prefix sums the line breaker uses.  Prepared paragraphs are cached per (text, style, catalogue), so
re-setting an unchanged paragraph costs no font or break analysis.  Characters no font has are listed in
``missing`` (character, index) and drawn as the face's .notdef box at 1 em, never silently dropped.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..errors import PaibanError
from . import breaks, rules, shape

SPACES = " \u00a0"
_HL_GAP_SYMBOLS = "%‰$€£#@&"
_UNITS_AFTER = frozenset("%‰℃℉％°′″")
_UNITS_BEFORE = frozenset("￥$€£¥＄")


@lru_cache(maxsize=65536)
def char_kind(ch: str) -> str:
    """'space', 'punct' (CJK marks), 'han' (ideographs, kana), 'wide' (other full-width/ambiguous
    symbols, set in the Han face), 'mark' (combining) or 'latin' (letters, digits, narrow symbols)."""
    if ch in SPACES:
        return "space"
    if ch in rules.PUNCT_CLASS:
        return "punct"
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return "mark"
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return "han" if cat[0] == "L" or ch == "〇" else "wide"
    if eaw == "A" and cat[0] != "L" and not ch.isdigit():
        return "wide"
    return "latin"


def _gap_char(ch: str, kind: str) -> bool:
    return kind == "latin" and (ch.isalnum() or ch in _HL_GAP_SYMBOLS)


def style_key(style) -> tuple:
    return (style.font, style.latin_font, float(style.size), float(style.tracking), float(style.hscale),
            style.align, float(style.indent), style.punct, style.kinsoku, bool(style.hanging),
            bool(style.palt), bool(style.fit), int(style.min_last_han))


class Prepared:
    """One paragraph analysed for a style; all lengths in pt (hscale applied to font widths)."""

    __slots__ = ("text", "n", "size", "em", "sx", "track", "face", "gid", "kind", "pcls", "w", "dx", "lcap",
                 "rcap", "gap", "gapmin", "gapmax", "spmin", "spmax", "brk", "bps", "W", "SH", "H",
                 "missing", "punct", "ascent", "descent", "fallback_faces", "gt", "adj", "eq", "eqloose", "cs", "ce",
                 "sp", "bpe", "bpd", "hasgap")

    def cut_end(self, i: int) -> float:
        """Blank removed when character i ends a line (GB/T 15834 §5.1.10: line-end marks take 1/2 em)."""
        return self.rcap[i] if self.pcls[i] in ("stop", "pause", "close") else 0.0

    def cut_start(self, i: int) -> float:
        """Blank removed when an opening mark starts a line (clreq: MAY trim its leading half em)."""
        return self.lcap[i] if self.pcls[i] == "open" else 0.0


_CACHE: dict = {}
_CACHE_MAX = 4096


def prepare(text: str, style, cat) -> Prepared:
    key = (text, style_key(style), id(cat))
    p = _CACHE.get(key)
    if p is None:
        p = _prepare(text, style, cat)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = p
    return p


def clear_cache() -> None:
    _CACHE.clear()
    breaks.clear_cache()


def _faces(style, cat):
    try:
        han = cat.face(style.font)
        latin = cat.face(style.latin_font) if style.latin_font else han
    except PaibanError as e:
        raise PaibanError([d.__class__(d.message, field="style.font") for d in e.diagnostics]) from None
    return han, latin


def _prepare(text: str, style, cat) -> Prepared:
    if style.punct not in rules.PUNCT_STYLES:
        raise PaibanError(f"unknown punctuation style {style.punct!r}; use one of {', '.join(rules.PUNCT_STYLES)}")
    if style.kinsoku not in rules.LEVELS:
        raise PaibanError(f"unknown kinsoku level {style.kinsoku!r}; use one of {', '.join(rules.LEVELS)}")
    han_face, latin_face = _faces(style, cat)
    n = len(text)
    em = float(style.size)
    sx = float(style.hscale) / 100.0
    P = Prepared()
    P.text, P.n, P.size, P.em, P.sx = text, n, em, em, sx
    P.track = float(style.tracking) / 1000.0 * em
    P.punct = style.punct
    P.ascent, P.descent = han_face.ascent * em, han_face.descent * em
    half_classes = rules.HALF_AT_START[style.punct]
    centred = style.punct == "居中"
    kinds = [char_kind(c) for c in text]
    face, gid, pcls = [""] * n, [-1] * n, [None] * n
    w, dx, lcap, rcap, gap = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    gapmin, gapmax, spmin, spmax = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    missing = []
    fb_used = set()
    for i, ch in enumerate(text):
        k = kinds[i]
        primary = latin_face if k == "latin" else han_face
        f = primary if primary.has(ch) else cat.face_for(ch, primary)
        if f is None:
            if k != "space" and k != "mark":
                missing.append((ch, i))
            f = primary
            face[i] = f.id
            w[i] = (em if k != "space" else em / 4) * sx
            continue
        if f is not primary:
            fb_used.add(f.id)
        face[i] = f.id
        m = shape.metrics(f, ch)
        if m.gid >= 0:
            gid[i] = m.gid
        pc = rules.PUNCT_CLASS.get(ch)
        pcls[i] = pc
        if style.palt and m.palt is not None:
            w[i], dx[i] = m.palt[0] * em * sx, m.palt[1] * em * sx
            pcls[i] = pc if pc in ("dash", "ellipsis", "middle", "connector", "solidus") else None
            continue
        box, d, lg, rg = m.box, m.dx, m.lglue, m.rglue
        if pc in half_classes:
            if lg:
                box, d, lg = box - lg, d - lg, 0.0
            elif rg:
                box, rg = box - rg, 0.0
        elif centred and pc in ("stop", "pause") and rg:
            d, rg = d + rg / 2, 0.0
        w[i], dx[i], lcap[i], rcap[i] = box * em * sx, d * em * sx, lg * em * sx, rg * em * sx
    # spaces: a Han–Latin gap when next to Chinese, else a Latin word space (clreq #line_adjustment)
    for i in range(n):
        if kinds[i] == "space":
            j = i - 1
            while j >= 0 and kinds[j] == "space":
                j -= 1
            k2 = i + 1
            while k2 < n and kinds[k2] == "space":
                k2 += 1
            cjk = (j >= 0 and kinds[j] in ("han", "punct", "wide")) or (k2 < n and kinds[k2] in ("han", "punct", "wide"))
            if cjk:
                w[i], spmin[i], spmax[i] = em / 4, em / 8, em / 3
            else:
                sw = w[i]
                spmin[i], spmax[i] = min(sw, em / 4), max(sw, em / 2)
        elif i > 0:
            a, b = kinds[i - 1], kinds[i]
            if (a == "han" and _gap_char(text[i], b)) or (b == "han" and _gap_char(text[i - 1], a)):
                gap[i], gapmin[i], gapmax[i] = em / 4, em / 8, em / 3   # clreq/JLREQ 1/4 em, elastic
    # a narrow dash glyph centred in its 1 em box would leave a hole in the middle of ——: join the pair
    i = 0
    while i < n - 1:
        if text[i] == "—" and text[i + 1] == "—" and dx[i] > 0:
            dx[i], dx[i + 1] = 2 * dx[i], 0.0
            i += 2
        else:
            i += 1
    # ？？ ！！ ？！ take 1 em per pair (GB/T 15834 §5.1.2)
    i = 0
    while i < n - 1:
        if text[i] in "？！" and text[i + 1] in "？！":
            for j in (i, i + 1):
                target = 0.5 * em * sx
                if rcap[j] and w[j] - rcap[j] <= target + 1e-6:
                    cut = w[j] - target
                    w[j] -= cut
                    rcap[j] = max(0.0, rcap[j] - cut)
                elif w[j] > target:
                    dx[j] += (target - w[j]) / 2
                    w[j], rcap[j] = target, 0.0
            i += 3 if i + 2 < n and text[i + 2] in "？！" else 2
        else:
            i += 1
    # adjacent marks: two 1 em marks take 1.5 em, squeezing the blank between them and keeping brackets
    # next to their text (clreq #h-adjustment_of_adjacent_punctuation_marks)
    limit = 1.5 * em * sx + 1e-6
    for i in range(n - 1):
        if pcls[i] in ("stop", "pause", "close", "open") and pcls[i + 1] in ("stop", "pause", "close", "open"):
            excess = w[i] + w[i + 1] - limit
            if excess > 0:
                r = min(rcap[i], excess)
                w[i] -= r
                rcap[i] -= r
                excess -= r
                lft = min(lcap[i + 1], excess)
                w[i + 1] -= lft
                dx[i + 1] -= lft
                lcap[i + 1] -= lft
    P.face, P.gid, P.kind, P.pcls = face, gid, kinds, pcls
    P.w, P.dx, P.lcap, P.rcap, P.gap = w, dx, lcap, rcap, gap
    P.gapmin, P.gapmax, P.spmin, P.spmax = gapmin, gapmax, spmin, spmax
    P.missing = missing
    P.fallback_faces = sorted(fb_used)
    P.brk = breaks.opportunities(text, style.kinsoku) if n else ()
    P.bps = [i for i in range(1, n) if P.brk[i]] + [n]
    W, SH, H = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1)
    acc = sh = 0.0
    hc = 0
    for i in range(n):
        acc += w[i] + gap[i]
        sh += lcap[i] + rcap[i] + (gap[i] - gapmin[i]) + ((w[i] - spmin[i]) if kinds[i] == "space" else 0.0)
        hc += kinds[i] == "han"
        W[i + 1], SH[i + 1], H[i + 1] = acc, sh, hc
    P.W, P.SH, P.H = W, SH, H
    t = P.track
    P.gt = [x + t for x in gap]
    P.adj = [i for i in range(n) if kinds[i] == "space" or lcap[i] or rcap[i] or gap[i]]
    eq, eql = [False] * n, [False] * n
    for i in range(1, n):
        a, b = text[i - 1], text[i]
        ka, kb = kinds[i - 1], kinds[i]
        if (a == b and a in "—…⋯") or ka == "space" or kb == "space" or kb == "mark":
            continue
        if ka in ("latin", "mark") and kb == "latin":
            continue
        if (a.isdigit() and b in _UNITS_AFTER) or (a in _UNITS_BEFORE and b.isdigit()):
            continue                                      # ￥120, 30℃, 50％ are one number
        eql[i] = True
        eq[i] = not (pcls[i - 1] in ("connector", "solidus") or pcls[i] in ("connector", "solidus")
                     or a in "-/" or b in "-/")
    P.eq, P.eqloose = eq, eql
    # per character: blank cut when it starts / ends a line (cut_start / cut_end as arrays, for the breaker)
    P.cs = [lcap[i] if pcls[i] == "open" else 0.0 for i in range(n)]
    P.ce = [rcap[i] if pcls[i] in ("stop", "pause", "close") else 0.0 for i in range(n)]
    P.sp = "space" in kinds                              # any spaces (spaces are not glyphs)
    P.hasgap = any(gap)                                  # any Han–Latin gaps
    bpe = []                                             # each opportunity without trailing spaces
    for e in P.bps:
        while e > 0 and kinds[e - 1] == "space":
            e -= 1
        bpe.append(e)
    P.bpe = bpe
    # The squeezed width of a line s..e is W[e] - SH[e] + track * e less terms of s.  When that grows by more
    # than any rounding error from each opportunity to the next (or stays put: same end), whether a line
    # fits is monotonic in its end for every start, and the breaker may look up the last fitting opportunity
    # by bisection in these values (``bpd``) instead of galloping; None when it does not hold.
    bpd = [W[e] - SH[e] for e in bpe]
    ok = t == 0.0
    for k in range(len(bpe) - 1):
        if not ok:
            break
        ok = bpe[k + 1] == bpe[k] or bpd[k + 1] - bpd[k] > 1e-6
    P.bpd = bpd if ok else None
    return P
