"""Page composition: model Document → laid-out tree (``layout.tree.LaidDocument``).

Entry points: :func:`compose_document` and :func:`compose_page`, or a :class:`Composer` kept by the window
so that relayout after an edit recomposes only the blocks whose content or geometry changed (per-block
results keyed by a hash of the block, its chain, the page grid and the styles; per-paragraph lines keyed
by text, style and widths).

Modules: :mod:`.grid` (背景格 arithmetic), :mod:`.flow` (slots, threading, widows, balancing),
:mod:`.article`, :mod:`.photo`, :mod:`.furniture`, :mod:`.vertical`, :mod:`.decor` (rules, 花边).
"""
from __future__ import annotations

import hashlib
import os
from collections import OrderedDict

from .. import tree
from .article import chain_of, compose_article
from .common import BlockResult, PageCtx
from .furniture import (compose_box, compose_header, compose_masthead, compose_qr, compose_rule,
                        compose_text)
from .grid import Grid, broken_columns, span_chars, split_span
from .lines import ParaCache
from .photo import compose_photo, resolve, wrap_rect

__all__ = ["Composer", "compose_document", "compose_page", "Grid", "span_chars", "broken_columns",
           "split_span"]

PT_PER_MM = 72.0 / 25.4
_SIMPLE = {"photo": compose_photo, "masthead": compose_masthead, "header": compose_header,
           "qr": compose_qr, "rule": compose_rule, "box": compose_box, "text": compose_text}


class Composer:
    """Composes documents, remembering per-block results and per-paragraph lines between calls."""

    def __init__(self, max_blocks: int = 2000):
        self.paras = ParaCache()
        self._blocks: OrderedDict = OrderedDict()
        self.max_blocks = max_blocks
        self.block_hits = 0
        self.block_misses = 0

    # -- public -----------------------------------------------------------------------------------
    def compose(self, doc) -> tree.LaidDocument:
        ctxs = self._contexts(doc)
        pages = [self._page(doc, ctxs, i) for i in range(len(doc.pages))]
        faces = {}
        try:
            from ..fonts import catalog
            cat = catalog()
            for p in pages:
                for it in p.items:
                    if isinstance(it, tree.GlyphRun) and it.face not in faces and it.face in cat.faces:
                        faces[it.face] = cat.faces[it.face].path
        except Exception:
            pass
        title = doc.publication.name
        if doc.publication.issue:
            title = f"{title} 第{doc.publication.issue}期".strip()
        return tree.LaidDocument(pages, title=title, source=doc.source, faces=faces)

    def compose_page(self, doc, index: int) -> tree.LaidPage:
        return self._page(doc, self._contexts(doc), index)

    # -- internals --------------------------------------------------------------------------------
    def _contexts(self, doc) -> list:
        grid = Grid.from_setup(doc.page)
        ctxs = []
        for i, page in enumerate(doc.pages):
            ctx = PageCtx(i, page.number or i + 1, grid, page)
            for b in page.blocks:
                if b.kind == "photo" and b.wrap:
                    ctx.wraps.append(wrap_rect(doc, b, grid))
            ctxs.append(ctx)
        self._dockey = _h(repr((doc.page, sorted(doc.styles.items()), sorted(doc.colours.items()),
                                doc.publication, len(doc.pages), doc.source)))
        return ctxs

    def _key(self, doc, block, page_index: int, ctxs: list) -> str:
        parts = [self._dockey, repr(block), page_index, ctxs[page_index].number]
        if block.kind == "article":
            for pi, fb in chain_of(doc, block, page_index):
                parts += [pi, ctxs[pi].number, repr(fb), ctxs[pi].wraps]
        elif block.kind in ("header",):
            parts.append(repr((ctxs[page_index].page.section, ctxs[page_index].page.editor)))
        image = getattr(block, "image", "")
        if image:                   # a picture replaced on disk under the same name is a change too
            try:
                st = os.stat(resolve(doc, image))
                parts.append((st.st_size, st.st_mtime_ns))
            except OSError:
                parts.append(None)
        return _h(repr(parts))

    def block(self, doc, block, page_index: int, ctxs: list) -> BlockResult:
        key = self._key(doc, block, page_index, ctxs)
        hit = self._blocks.get(key)
        if hit is not None:
            self.block_hits += 1
            self._blocks.move_to_end(key)
            return hit
        self.block_misses += 1
        if block.kind == "article":
            res = compose_article(doc, block, page_index, ctxs, self.paras)
        else:
            res = _SIMPLE[block.kind](doc, block, page_index, ctxs[page_index], self.paras)
        self._blocks[key] = res
        while len(self._blocks) > self.max_blocks:
            self._blocks.popitem(last=False)
        return res

    def _page(self, doc, ctxs: list, index: int) -> tree.LaidPage:
        ctx = ctxs[index]
        g = ctx.grid
        page = tree.LaidPage(number=ctx.number, width=g.page_w, height=g.page_h,
                             bleed=doc.page.bleed * PT_PER_MM, margins=g.margins,
                             columns=g.column_xs(), baselines=g.baselines(),
                             label=f"第{ctx.number}版 {ctx.page.section}".strip())
        results = []
        reached = set()     # frames filled by an article's chain
        # articles anywhere whose chain reaches this page, in document order
        for pi, b in doc.blocks():
            if b.kind != "article":
                continue
            chain = chain_of(doc, b, pi)
            for _, fb in chain[1:]:
                reached.add(id(fb))
            if any(cpi == index for cpi, _ in chain):
                results.append(self.block(doc, b, pi, ctxs))
        for b in ctx.page.blocks:
            if b.kind in _SIMPLE:
                results.append(self.block(doc, b, index, ctxs))
            elif b.kind == "frame" and id(b) not in reached:
                x, y, w, h = g.rect(b.place)
                page.blocks.append(tree.BlockBox(b.id, "frame", x, y, w, h,
                                                 notes=["no article flows into this frame"]))
        back, middle, front = [], [], []
        cols, solids = [], []
        order = {id(b): n for n, b in enumerate(ctx.page.blocks)}
        boxes = []
        for r in results:
            for it in r.items.get(index, ()):
                if isinstance(it, tree.Rect) and it.fill is not None and it.stroke is None:
                    back.append(it)
                elif isinstance(it, tree.Image):
                    middle.append(it)
                else:
                    front.append(it)
            boxes += r.boxes.get(index, [])
            cols += r.columns.get(index, [])
            solids += r.solids.get(index, [])
        ids = {b.id: n for n, b in enumerate(ctx.page.blocks)}
        boxes.sort(key=lambda bx: ids.get(bx.block_id, len(ids)))
        page.blocks = boxes + page.blocks
        del order
        rules = column_rules(cols, solids, g) if doc.page.column_rules else []
        page.items = back + middle + front + rules
        return page


def column_rules(cols: list, solids: list, grid, width: float = 0.35) -> list:
    """Rules in the gaps between body columns that stand side by side (within one article or between
    neighbouring articles), interrupted where a headline, photo or other solid block crosses the gap."""
    segs: dict = {}
    maxgap = grid.gutter * 2.0 + 0.5
    for a in cols:
        for b in cols:
            gap = b[0] - a[1]
            if gap <= 0.1 or gap > maxgap:
                continue
            y0, y1 = max(a[2], b[2]), min(a[3], b[3])
            if y1 - y0 < grid.body_size:
                continue
            x = round((a[1] + b[0]) / 2, 2)
            parts = [(y0, y1)]
            for (sx0, sy0, sx1, sy1) in solids:
                if sx0 < x < sx1:
                    nxt = []
                    for (p0, p1) in parts:
                        if sy1 <= p0 or sy0 >= p1:
                            nxt.append((p0, p1))
                            continue
                        if sy0 > p0:
                            nxt.append((p0, sy0))
                        if sy1 < p1:
                            nxt.append((sy1, p1))
                    parts = nxt
            segs.setdefault(x, []).extend(p for p in parts if p[1] - p[0] >= 1.5 * grid.leading)
    out = []
    for x, ps in sorted(segs.items()):
        ps.sort()
        merged = []
        for p0, p1 in ps:
            if merged and p0 <= merged[-1][1] + 0.1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], p1))
            else:
                merged.append((p0, p1))
        for p0, p1 in merged:
            out.append(tree.Rule(x, p0, x, p1, width))
    return out


def _h(s: str) -> str:
    return hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_DEFAULT: Composer | None = None


def compose_document(doc, cache: Composer | None = None) -> tree.LaidDocument:
    """Lay out the whole issue. Pass the same ``cache`` (a :class:`Composer`) between calls to reuse
    the blocks and paragraphs that did not change."""
    return (cache or Composer()).compose(doc)


def compose_page(doc, index: int, cache: Composer | None = None) -> tree.LaidPage:
    """Lay out one page (0-based ``index``); articles threaded from other pages are composed as needed."""
    return (cache or Composer()).compose_page(doc, index)
