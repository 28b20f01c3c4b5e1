"""The page grid (背景格): basic columns measured in body characters, gutters, and the body line grid.

All results are in points, page coordinates (origin top-left of the trim, y down). Column widths are whole
characters of the body size; a span of ``n`` columns is ``n × chars + (n − 1) × gutter`` characters (长栏)
and a span re-divided into ``m`` columns (破栏) gives each ``(span chars − (m − 1) × gutter) / m`` whole
characters with the remainder going to the last columns (方正飞腾's 相对 mode: gaps stay fixed).

Body line ``n`` (1-based) owns the band ``[top + (n − 1) × leading, top + n × leading)``; its characters'
em box starts at the band top, so the baseline is ``band top + ascent × body size``. Every body line of
every column sits on these baselines; blocks take whole bands, so text after them returns to the grid.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import GridPlace, MmPlace, PageSetup

PT_PER_MM = 72.0 / 25.4
EM_ASCENT = 0.88      # ideographic em box above the baseline (CJK fonts: 880/1000)


# -- pure arithmetic (characters) -------------------------------------------------------------------
def span_chars(n: int, column_chars: float, gutter_chars: float = 1.0) -> float:
    """Characters across ``n`` basic columns including the gutters between them (长栏): 2 × 13 + 1 = 27."""
    return n * column_chars + (n - 1) * gutter_chars


def broken_columns(total_chars: float, m: int, gutter_chars: float = 1.0) -> list[int]:
    """Whole-character widths of ``m`` columns re-dividing ``total_chars`` with fixed gutters (破栏, 相对 mode).

    ``broken_columns(41, 2)`` → ``[20, 20]`` (三破二); ``broken_columns(69, 3)`` → ``[22, 22, 23]`` (五破三):
    the remainder characters go one each to the last columns. A fractional remainder (fractional gutters)
    is left for the caller to spread over the gutters.
    """
    if m < 1:
        raise ValueError("column count must be at least 1")
    avail = total_chars - (m - 1) * gutter_chars
    q = int(math.floor(avail / m + 1e-9))
    rem = int(math.floor(avail - q * m + 1e-9))
    return [q + (1 if i >= m - rem else 0) for i in range(m)]


def split_span(n: int, m: int, column_chars: float, gutter_chars: float = 1.0) -> list[int]:
    """破栏 of ``n`` basic columns into ``m``: 三破二 of 13-character columns → [20, 20]."""
    return broken_columns(span_chars(n, column_chars, gutter_chars), m, gutter_chars)


# -- the grid of a page -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    """Geometry of one page's grid, in points. Build it with :meth:`from_setup`."""
    page_w: float
    page_h: float
    margins: tuple          # top, right, bottom, left (pt)
    x0: float               # left edge of column 1
    y0: float               # top of body line 1
    columns: int
    column_chars: float
    gutter_chars: float
    body_size: float
    leading: float
    lines: int              # body lines per column

    @classmethod
    def from_setup(cls, ps: PageSetup) -> "Grid":
        top, right, bottom, left = (m * PT_PER_MM for m in ps.margins)
        pw, ph = ps.width * PT_PER_MM, ps.height * PT_PER_MM
        area_w, area_h = pw - left - right, ph - top - bottom
        gw = span_chars(ps.columns, ps.column_chars, ps.gutter_chars) * ps.body_size
        x0 = left + max(0.0, (area_w - gw) / 2.0)       # centre the grid in the type area
        lines = int(math.floor(area_h / ps.leading + 1e-9)) if ps.leading > 0 else 0
        return cls(pw, ph, (top, right, bottom, left), x0, top, ps.columns, ps.column_chars,
                   ps.gutter_chars, ps.body_size, ps.leading, lines)

    # horizontal
    @property
    def char(self) -> float:
        return self.body_size

    @property
    def column_width(self) -> float:
        return self.column_chars * self.body_size

    @property
    def gutter(self) -> float:
        return self.gutter_chars * self.body_size

    @property
    def width(self) -> float:
        return self.span_width(self.columns)

    def column_x(self, col: int) -> float:
        """Left edge of 1-based basic column ``col``."""
        return self.x0 + (col - 1) * (self.column_width + self.gutter)

    def column_xs(self) -> list[tuple[float, float]]:
        return [(self.column_x(c), self.column_x(c) + self.column_width) for c in range(1, self.columns + 1)]

    def span_width(self, n: int) -> float:
        """Width of ``n`` basic columns with their inner gutters: n × chars + (n − 1) × gutter chars."""
        return span_chars(n, self.column_chars, self.gutter_chars) * self.body_size

    def split(self, x: float, n: int, m: int) -> list[tuple[float, float]]:
        """Body columns (x0, x1) of ``n`` basic columns from ``x`` re-divided into ``m`` (长栏/破栏)."""
        return split_width(x, span_chars(n, self.column_chars, self.gutter_chars), m,
                           self.gutter_chars, self.body_size)

    # vertical
    @property
    def height(self) -> float:
        return self.lines * self.leading

    def line_top(self, line: int) -> float:
        """Top of the band of 1-based body line ``line``."""
        return self.y0 + (line - 1) * self.leading

    def baseline(self, line: int) -> float:
        return self.line_top(line) + EM_ASCENT * self.body_size

    def baselines(self) -> list[float]:
        return [self.baseline(n) for n in range(1, self.lines + 1)]

    def line_at(self, y: float) -> int:
        """1-based body line whose band contains ``y`` (may be outside 1..lines)."""
        return int(math.floor((y - self.y0) / self.leading + 1e-6)) + 1

    def lines_for(self, height: float) -> int:
        """Whole body lines needed for ``height`` points."""
        return max(1, int(math.ceil(height / self.leading - 1e-6)))

    # placement
    def rect(self, place) -> tuple[float, float, float, float]:
        """(x, y, w, h) of a grid or mm placement. A grid block's height is ``lines`` bands minus the gap
        below its last line, so a frame's bottom is its last line's em box bottom."""
        if isinstance(place, MmPlace):
            return (place.x * PT_PER_MM, place.y * PT_PER_MM, place.w * PT_PER_MM, place.h * PT_PER_MM)
        x = self.column_x(place.column)
        w = self.span_width(place.span)
        y = self.line_top(place.line)
        h = place.lines * self.leading - (self.leading - self.body_size)
        return (x, y, w, h)

    def cell(self, place) -> tuple[int, int, int, int]:
        """(column, span, line, lines) of a placement; mm placements are snapped to the grid."""
        if isinstance(place, GridPlace):
            return place.column, place.span, place.line, place.lines
        x, y, w, h = self.rect(place)
        step = self.column_width + self.gutter
        c0 = max(1, int(round((x - self.x0) / step)) + 1)
        c1 = max(c0, int(round((x + w + self.gutter - self.x0) / step)))
        l0 = max(1, self.line_at(y + 0.01))
        l1 = max(l0, self.line_at(y + h - 0.01))
        return c0, c1 - c0 + 1, l0, l1 - l0 + 1


def split_width(x: float, total_chars: float, m: int, gutter_chars: float, size: float) -> list[tuple[float, float]]:
    """(x0, x1) of ``m`` columns of whole characters across ``total_chars`` starting at ``x``."""
    widths = broken_columns(total_chars, m, gutter_chars)
    spare = total_chars - sum(widths) - (m - 1) * gutter_chars    # fractional leftover → into the gaps
    gap = (gutter_chars + (spare / (m - 1) if m > 1 else 0.0)) * size
    out, cx = [], x
    for w in widths:
        out.append((cx, cx + w * size))
        cx += w * size + gap
    return out
