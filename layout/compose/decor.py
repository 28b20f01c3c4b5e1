"""Rules, boxes and decorative borders (花边) as tree items.

Box styles: ``single``, ``double``, ``thick-thin``, ``花边1`` (a thin outer line with a chain of dots
inside), ``花边2`` (a chain of diamonds between two hairlines), ``花边3`` (a wave ribbon between two
hairlines). Rule styles: ``single``, ``double``, ``dashed``, ``dotted``, ``thick-thin``, ``thin-thick``.
Every border is drawn inside the given rectangle, so the rectangle is the outer edge.
"""
from __future__ import annotations

import math

from .. import tree

BOX_STYLES = ("single", "double", "thick-thin", "花边1", "花边2", "花边3")
RULE_STYLES = ("single", "double", "dashed", "dotted", "thick-thin", "thin-thick")


def rule_items(style: str, x0: float, y0: float, x1: float, y1: float, width: float = 0.5,
               colour=tree.BLACK) -> list:
    """A horizontal or vertical rule; multi-line styles stack their lines downwards (or rightwards)."""
    vertical = abs(x1 - x0) < abs(y1 - y0)

    def line(off: float, w: float, dash=None):
        if vertical:
            return tree.Rule(x0 + off, y0, x1 + off, y1, w, colour, dash)
        return tree.Rule(x0, y0 + off, x1, y1 + off, w, colour, dash)

    if style == "double":
        return [line(-width, width), line(width, width)]
    if style == "dashed":
        return [line(0, width, (3 * width + 2, 2 * width + 1.5))]
    if style == "dotted":
        return [line(0, width, (width, 2 * width))]
    if style == "thick-thin":
        thick = max(2.5, width * 4)
        return [line(-thick / 2, thick), line(thick / 2 + 1.2 + width / 2, width)]
    if style == "thin-thick":
        thick = max(2.5, width * 4)
        return [line(-(thick / 2 + 1.2 + width / 2), width), line(0, thick)]
    return [line(0, width)]


def _frame(x, y, w, h, inset, width, colour) -> tree.Rect:
    return tree.Rect(x + inset + width / 2, y + inset + width / 2, w - 2 * inset - width, h - 2 * inset - width,
                     fill=None, stroke=colour, width=width, overprint=True)


def _perimeter_points(x, y, w, h, step):
    """Evenly spaced points along a rectangle's edges, corners included, clockwise from the top-left."""
    pts = []
    for (ax, ay, bx, by) in ((x, y, x + w, y), (x + w, y, x + w, y + h), (x + w, y + h, x, y + h), (x, y + h, x, y)):
        length = math.hypot(bx - ax, by - ay)
        n = max(1, round(length / step))
        for i in range(n):
            t = i / n
            pts.append((ax + (bx - ax) * t, ay + (by - ay) * t))
    return pts


def _circle(cx, cy, r, n=10):
    return [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]


def _diamond(cx, cy, r):
    return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]


def band_width(style: str, width: float = 0.5) -> float:
    """How far a border reaches into its rectangle (pt)."""
    return {"single": width, "double": 3 * width + 1.5, "thick-thin": 5.5,
            "花边1": 6.0, "花边2": 8.0, "花边3": 8.0}.get(style, width)


def box_items(style: str, x: float, y: float, w: float, h: float, width: float = 0.5,
              colour=tree.BLACK, tint=None) -> list:
    """Items drawing a box of ``style`` with outer edge (x, y, w, h); ``tint`` fills it behind."""
    items = []
    if tint is not None:
        items.append(tree.Rect(x, y, w, h, fill=tint, stroke=None, width=0))
    if style in ("", "none"):
        return items
    if style == "double":
        items += [_frame(x, y, w, h, 0, width, colour), _frame(x, y, w, h, 2 * width + 1.5, width, colour)]
    elif style == "thick-thin":
        items += [_frame(x, y, w, h, 0, 2.5, colour), _frame(x, y, w, h, 4.0, 0.5, colour)]
    elif style == "花边1":
        # thin outer line, then a chain of round dots running round the box
        items.append(_frame(x, y, w, h, 0, 0.6, colour))
        inset = 3.8
        pts = _perimeter_points(x + inset, y + inset, w - 2 * inset, h - 2 * inset, 3.2)
        items.append(tree.Path([_circle(px, py, 0.9) for px, py in pts], fill=colour, stroke=None))
        items.append(_frame(x, y, w, h, 5.6, 0.35, colour))
    elif style == "花边2":
        # a chain of diamonds between two hairlines
        items.append(_frame(x, y, w, h, 0, 0.5, colour))
        items.append(_frame(x, y, w, h, 7.5, 0.5, colour))
        inset = 3.75
        pts = _perimeter_points(x + inset, y + inset, w - 2 * inset, h - 2 * inset, 4.4)
        items.append(tree.Path([_diamond(px, py, 2.0) for px, py in pts], fill=colour, stroke=None))
    elif style == "花边3":
        # a wave ribbon between two hairlines
        items.append(_frame(x, y, w, h, 0, 0.5, colour))
        items.append(_frame(x, y, w, h, 7.5, 0.5, colour))
        items.append(tree.Path(_wave_ribbons(x + 3.75, y + 3.75, w - 7.5, h - 7.5), fill=colour, stroke=None))
    else:  # single and unknown names
        items.append(_frame(x, y, w, h, 0, width, colour))
    return items


def _wave_ribbons(x, y, w, h, amp=1.6, period=6.0, thick=0.6):
    """One closed ribbon polygon per side: a sine wave of ``amp`` thickened by ``thick``."""
    subs = []
    for (ax, ay, bx, by) in ((x, y, x + w, y), (x + w, y, x + w, y + h), (x + w, y + h, x, y + h), (x, y + h, x, y)):
        length = math.hypot(bx - ax, by - ay)
        if length <= 0:
            continue
        ux, uy = (bx - ax) / length, (by - ay) / length
        nx, ny = -uy, ux
        waves = max(1, round(length / period))
        steps = waves * 12
        top, bot = [], []
        for i in range(steps + 1):
            t = i / steps
            off = amp * math.sin(2 * math.pi * waves * t)
            px, py = ax + (bx - ax) * t, ay + (by - ay) * t
            top.append((px + nx * (off + thick / 2), py + ny * (off + thick / 2)))
            bot.append((px + nx * (off - thick / 2), py + ny * (off - thick / 2)))
        subs.append(top + bot[::-1])
    return subs
