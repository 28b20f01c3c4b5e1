"""Flowing paragraphs through line slots: columns, frames, threading (串文), widows/orphans and balancing.

A *slot* is one line position on the body grid: a baseline, an x and a width. A column is a run of slots
top to bottom (a photo mid-column gives two slots on one baseline: left of the photo, then right of it).
A chain of frames is simply the concatenation of their columns, so a paragraph that crosses a column or
frame boundary is composed once with the width of every slot it lands in.

:func:`flow` places paragraphs into slots and returns the placements plus a :class:`Resume` point:
``paragraph`` index and ``line`` (lines of that paragraph already placed) and ``offset`` (characters of it
consumed). A resume point left after the last slot means overset.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .lines import ParaCache, nonspace, style_key


@dataclass
class Para:
    """A paragraph to flow: text in a style; ``lead`` characters at its start are set in ``lead_face``."""
    text: str
    style: object
    lead: int = 0
    lead_face: str = ""
    kind: str = "body"          # body | byline
    skey: tuple = None

    def __post_init__(self):
        if self.skey is None:
            self.skey = style_key(self.style)


@dataclass
class Slot:
    x: float
    w: float
    baseline: float
    row: int                    # 1-based body line on the page grid
    col: int                    # index of the column in the chain (all frames)
    frame: int                  # index of the frame in the chain
    top: bool = False           # first slot of its column
    bottom: bool = False        # last slot of its column and another column follows


@dataclass
class Placed:
    slot: int                   # index into the slot list
    line: object                # text engine Line
    para: int
    index: int                  # line number within the paragraph


@dataclass
class Resume:
    """Where the text continues: paragraph index, lines of it already placed, non-space characters of
    it consumed, and ``position`` = the engine's character index (``Line.end``/``ParagraphComposer
    .position``) in the paragraph where the next line starts."""
    paragraph: int = 0
    line: int = 0
    offset: int = 0
    position: int = 0

    @property
    def done(self) -> bool:
        return self.line == 0 and self.offset == 0


@dataclass
class FlowResult:
    placed: list = field(default_factory=list)
    resume: Resume = field(default_factory=Resume)
    overset_chars: int = 0
    last_slot: int = -1         # index of the last slot holding a line (-1: none)

    @property
    def overset(self) -> bool:
        return self.overset_chars > 0


def mark_columns(slots: list) -> None:
    """Set ``top``/``bottom`` flags from the ``col`` numbers (slots must be in reading order)."""
    n = len(slots)
    for i, s in enumerate(slots):
        s.top = i == 0 or slots[i - 1].col != s.col
        s.bottom = i + 1 < n and slots[i + 1].col != s.col


def flow(paras: list, slots: list, cache: ParaCache, keep_together: bool = True) -> FlowResult:
    """Place ``paras`` into ``slots`` in order. With ``keep_together``, a paragraph's first line never stays
    alone at the bottom of a column and its last line never starts a column alone (the slot before is left
    empty so one more line moves over)."""
    res = FlowResult()
    si = 0
    pi = 0
    nslots = len(slots)
    while pi < len(paras) and si < nslots:
        para = paras[pi]
        skip: set = set()
        for _attempt in range(4):
            avail = [j for j in range(si, nslots) if j not in skip]
            widths = [slots[j].w for j in avail]
            lines = cache.compose(para.text, para.style, widths, para.skey)
            n = len(lines)
            if n == 0:
                break
            if not keep_together or n < 2:
                break
            fits = min(n, len(avail))
            first = slots[avail[0]]
            if first.bottom and 1 < fits and first.col != slots[avail[1]].col:
                skip.add(avail[0])          # orphan: first line alone at a column foot
                continue
            if fits == n:
                last = slots[avail[n - 1]]
                prev = slots[avail[n - 2]]
                if last.top and prev.bottom:
                    skip.add(avail[n - 2])  # widow: last line alone at a column head
                    continue
            break
        placed_here = min(len(lines), len(avail))
        for k in range(placed_here):
            res.placed.append(Placed(avail[k], lines[k], pi, k))
        if placed_here:
            res.last_slot = avail[placed_here - 1]
            si = avail[placed_here - 1] + 1
        if placed_here < len(lines) or not avail:
            used = sum(nonspace(ln.text) for ln in lines[:placed_here])
            pos = getattr(lines[placed_here - 1], "end", 0) if placed_here else 0
            res.resume = Resume(pi, placed_here, used, pos)
            break
        pi += 1
    else:
        if pi < len(paras):
            res.resume = Resume(pi, 0, 0)
        else:
            res.resume = Resume(len(paras), 0, 0)
    r = res.resume
    if r.paragraph < len(paras):
        res.overset_chars = nonspace(paras[r.paragraph].text) - r.offset + sum(
            nonspace(p.text) for p in paras[r.paragraph + 1:])
    return res


def balance(paras: list, slots: list, cache: ParaCache, result: FlowResult, frame: int,
            keep_together: bool = True) -> tuple:
    """Even out the columns of ``frame`` when the text ends in it (columns balanced at the end of an
    article). Returns ``(slots, result)``, unchanged when nothing better fits."""
    if result.overset or result.last_slot < 0 or slots[result.last_slot].frame != frame:
        return slots, result
    cols: dict = {}
    for i, s in enumerate(slots):
        if s.frame == frame:
            cols.setdefault(s.col, []).append(i)
    if len(cols) < 2:
        return slots, result
    used_rows = set()
    for p in result.placed:
        s = slots[p.slot]
        if s.frame == frame:
            used_rows.add((s.col, s.row))
    rows_per_col = {c: sorted({slots[i].row for i in idx}) for c, idx in cols.items()}
    maxrows = max(len(r) for r in rows_per_col.values())
    h = max(1, math.ceil(len(used_rows) / len(cols)))
    while h < maxrows:
        keep_rows = {c: set(r[:h]) for c, r in rows_per_col.items()}
        trial = [s for s in slots if s.frame != frame or s.row in keep_rows[s.col]]
        # the columns keep their order; recompute the head/foot flags on copies
        trial = [Slot(s.x, s.w, s.baseline, s.row, s.col, s.frame) for s in trial]
        mark_columns(trial)
        r = flow(paras, trial, cache, keep_together)
        if not r.overset:
            return trial, r
        h += 1
    return slots, result
