"""The laid-out tree: pages of positioned glyph runs, images, rules and boxes; the only input of every painter.

Coordinates are PostScript points (1/72 in), origin at the top-left corner of the *trim* box, y growing
downwards (like Qt; the PDF painter flips). Items may extend outside the trim (bleed, -bleed .. width+bleed).
Painters (ReportLab PDF, QPainter on screen, PNG proofs) draw these items exactly and never re-break lines,
so screen and paper cannot disagree.

Colours are CMYK tuples of floats 0..1 (``(0, 0, 0, 1)`` is K100), or a ``Spot`` for a named spot colour.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

CMYK = tuple  # (c, m, y, k), each 0..1
BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)
WHITE: CMYK = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Spot:
    """A named spot colour with its CMYK alternate; ``tint`` 0..1."""
    name: str
    alternate: CMYK
    tint: float = 1.0


Colour = Union[tuple, Spot]


@dataclass(slots=True)
class Glyph:
    """One glyph placed on a line.

    ``x``: left edge of the glyph's *box* relative to the run origin (pt).
    ``w``: the box width: the glyph's advance after punctuation compression (pt). Space added by
    justification or tracking is not part of ``w``; it shows as a gap before the next glyph's ``x``.
    ``dx``: where the font's glyph origin is drawn relative to ``x`` (negative when the leading half of an
    opening bracket was trimmed; 0 otherwise).
    ``ch``: the Unicode text this glyph stands for (usually one character; text extraction uses it).
    ``gid``: glyph id in the face, or -1 to let the painter map ``ch`` through the face's cmap.
    ``rotate``: degrees clockwise around the box centre (vertical text: 90 for rotated Latin).
    ``dy``: vertical offset from the run baseline (pt, downwards positive), for vertical text.
    """
    ch: str
    x: float
    w: float
    dx: float = 0.0
    gid: int = -1
    rotate: float = 0.0
    dy: float = 0.0


@dataclass(slots=True)
class GlyphRun:
    """Glyphs of one face at one size on one baseline.

    ``face``: the font catalogue id of the face (see ``layout.fonts``; painters get the file from there).
    ``x``, ``y``: run origin: x of the line start, y of the baseline (pt, page coordinates).
    ``hscale``: horizontal scale in percent (长/扁 glyphs), applied to each glyph about its own ``x``.
    ``overprint``: fill overprints (K-only text does, so misregistration never shows white).
    """
    face: str
    size: float
    x: float
    y: float
    glyphs: list[Glyph]
    colour: Colour = BLACK
    hscale: float = 100.0
    overprint: bool = True

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


@dataclass(slots=True)
class Rule:
    """A straight line from (x0, y0) to (x1, y1); ``dash`` is a ReportLab-style dash list or None."""
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    colour: Colour = BLACK
    dash: tuple | None = None
    overprint: bool = True


@dataclass(slots=True)
class Rect:
    """A rectangle; ``fill``/``stroke`` may be None. (x, y) is the top-left corner."""
    x: float
    y: float
    w: float
    h: float
    fill: Colour | None = None
    stroke: Colour | None = None
    width: float = 0.5
    overprint: bool = False


@dataclass(slots=True)
class Image:
    """A raster image placed in the frame (x, y, w, h) and clipped to it.

    ``path``: the source file. ``crop``: (x0, y0, x1, y1) of the source image to show, as fractions 0..1.
    The painter scales the cropped region to the frame; the composer has already chosen crop and scale so
    that the aspect ratio is right. ``missing``: the file could not be read: painters draw a grey
    placeholder with a cross instead, and preflight reports it.
    """
    x: float
    y: float
    w: float
    h: float
    path: str
    crop: tuple = (0.0, 0.0, 1.0, 1.0)
    missing: bool = False


@dataclass(slots=True)
class Path:
    """A filled or stroked polygon path (decorative borders, QR modules), points in page coordinates.

    ``subpaths``: list of closed polygons, each a list of (x, y) points.
    """
    subpaths: list
    fill: Colour | None = BLACK
    stroke: Colour | None = None
    width: float = 0.5
    overprint: bool = True


Item = Union[GlyphRun, Rule, Rect, Image, Path]


@dataclass
class BlockBox:
    """Where a document block ended up and how its text fitted (for outlines, selection and preflight).

    ``overset_chars``: characters of the block's text that did not fit (0 when all fit).
    ``empty_lines``: body lines left empty at the end of the block's frames.
    ``missing_glyphs``: list of (char, face-id) that no bundled or user font could draw.
    """
    block_id: str
    kind: str
    x: float
    y: float
    w: float
    h: float
    overset_chars: int = 0
    empty_lines: int = 0
    missing_glyphs: list = field(default_factory=list)
    notes: list = field(default_factory=list)


@dataclass
class LaidPage:
    """One composed page: trim size, bleed, guides and the items to paint in order (back to front)."""
    number: int                 # 1-based page number (版次)
    width: float                # trim width (pt)
    height: float               # trim height (pt)
    bleed: float = 8.5039       # 3 mm
    items: list = field(default_factory=list)
    blocks: list = field(default_factory=list)   # BlockBox, in document order
    # guides for the screen only (painters for paper ignore them)
    margins: tuple = (0.0, 0.0, 0.0, 0.0)         # top, right, bottom, left (pt)
    columns: list = field(default_factory=list)   # [(x0, x1), ...] grid columns in page coords
    baselines: list = field(default_factory=list)  # y of each body baseline of the grid
    label: str = ""             # e.g. "第1版 要闻"


@dataclass
class LaidDocument:
    """The whole issue laid out, with the metadata painters and preflight need."""
    pages: list[LaidPage]
    title: str = ""
    source: str = ""            # path of the YAML document, for messages and the slug info line
    faces: dict = field(default_factory=dict)   # face id -> font file path used by the painters
