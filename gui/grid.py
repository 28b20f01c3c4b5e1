"""The page grid (背景格) on screen: grid places ↔ rectangles in points, snapping, width labels.

Columns and baselines come from the composer's grid (``layout.compose.grid``), so snapping and the printed
page agree.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout import model, tree
from layout.compose.grid import Grid as EngineGrid

MM = 72.0 / 25.4


@dataclass
class Grid:
    columns: list            # [(x0, x1)] in pt
    top: float               # y of the top of body line 1
    pitch: float             # line pitch (leading) in pt
    lines: int               # body lines in the type area
    body_size: float         # pt, one 字
    width: float             # page trim (pt)
    height: float
    margins: tuple           # top, right, bottom, left (pt)

    @classmethod
    def from_setup(cls, ps: model.PageSetup) -> "Grid":
        g = EngineGrid.from_setup(ps)           # the composer's own grid arithmetic: screen and paper agree
        return cls([tuple(c) for c in g.column_xs()], g.y0, g.leading, max(g.lines, 1), g.body_size,
                   g.page_w, g.page_h, tuple(g.margins))

    @classmethod
    def for_page(cls, ps: model.PageSetup, laid: tree.LaidPage | None) -> "Grid":
        g = cls.from_setup(ps)
        if laid is not None and laid.columns:
            g.columns = [tuple(c) for c in laid.columns]
        return g

    # -- places ↔ rectangles --------------------------------------------------------------------------
    def rect(self, place) -> tuple[float, float, float, float]:
        """(x, y, w, h) in pt of a GridPlace or MmPlace."""
        if isinstance(place, model.MmPlace):
            return place.x * MM, place.y * MM, place.w * MM, place.h * MM
        c0 = min(max(place.column, 1), len(self.columns)) - 1
        c1 = min(max(c0 + place.span - 1, c0), len(self.columns) - 1)
        x0, x1 = self.columns[c0][0], self.columns[c1][1]
        y0 = self.top + (place.line - 1) * self.pitch
        return x0, y0, x1 - x0, max(place.lines, 1) * self.pitch

    def col_at(self, x: float) -> int:
        """1-based column whose left edge is nearest ``x``."""
        return 1 + min(range(len(self.columns)), key=lambda i: abs(self.columns[i][0] - x))

    def col_end_at(self, x: float) -> int:
        return 1 + min(range(len(self.columns)), key=lambda i: abs(self.columns[i][1] - x))

    def line_at(self, y: float) -> int:
        return max(1, min(self.lines, round((y - self.top) / self.pitch) + 1))

    def snap(self, x: float, y: float, w: float, h: float, *, keep_size_of=None) -> model.GridPlace:
        """The grid place nearest a rectangle (move: ``keep_size_of`` keeps span and lines)."""
        col = self.col_at(x)
        line = self.line_at(y)
        if keep_size_of is not None:
            span, lines = keep_size_of.span, keep_size_of.lines
        else:
            span = max(1, self.col_end_at(x + w) - col + 1)
            lines = max(1, round(h / self.pitch))
        span = max(1, min(span, len(self.columns) - col + 1))
        col = max(1, min(col, len(self.columns) - span + 1))
        lines = max(1, min(lines, self.lines))
        line = max(1, min(line, self.lines - lines + 1))
        return model.GridPlace(col, span, line, lines)

    def free(self, x: float, y: float, w: float, h: float) -> model.MmPlace:
        return model.MmPlace(round(x / MM, 2), round(y / MM, 2), round(max(w, 2) / MM, 2), round(max(h, 2) / MM, 2))

    def chars(self, w: float) -> int:
        """Width in body characters (字)."""
        return round(w / self.body_size)

    def place_label(self, place, tr=None) -> str:
        x, y, w, h = self.rect(place)
        fmt = tr("%1 col / %2 chars") if tr else "%1栏 / %2字"
        if isinstance(place, model.GridPlace):
            return fmt.replace("%1", str(place.span)).replace("%2", str(self.chars(w))) + \
                (tr(" × %1 lines") if tr else " × %1行").replace("%1", str(place.lines))
        return f"{w / MM:.1f} × {h / MM:.1f} mm"
