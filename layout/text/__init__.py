"""CJK line composition, in stages: itemize → shape (measure) → breaks (UAX #14 + clreq tailoring) →
linebreak → justify → lines.  Each module's docstring states its contract.

API (all lengths in pt; ``style`` is a ``layout.model.Style``; ``catalog`` defaults to ``fonts.catalog()``)::

    lines = compose_paragraph(text, style, width, catalog=None, first_line_indent=True)
        # width: a number, or a callable i -> width of line i.  Cached per (text, style, width):
        # re-composing an unchanged paragraph is a dict look-up.  Treat returned Lines as read-only.
    pc = ParagraphComposer(text, style, first_line_indent=True, catalog=None)
    line = pc.next_line(width, keep=0)   # Line, or None when done; keep=k: leave >= k lines after it
    pc.done; pc.position; pc.seek(position, line_no); pc.remaining_lines(width)
    line.glyphs      # [PlacedGlyph(ch, x, w, dx, face, gid)]: x = box left edge from the line start,
                     # w = advance after compression, dx = glyph origin in the box, face = catalogue id
    line.text, line.start, line.end, line.width (right edge; == measure when flush), line.measure,
    line.first, line.last, line.flush, line.hanging, line.emergency, line.missing [(ch, index)],
    line.size, line.hscale, line.ascent, line.descent
    line.runs(x, baseline_y, colour=BLACK, hscale=None) -> [tree.GlyphRun]   # grouped by face

Style fields used: font, latin_font, size, tracking, hscale, align, indent, punct, kinsoku, hanging,
palt, fit, min_last_han.  ``opportunities(text, level)`` and ``uax14(text)`` expose the breaker.
"""
from .breaks import opportunities, uax14
from .linebreak import ParagraphComposer, clear_caches, compose_paragraph
from .lines import Line, PlacedGlyph

__all__ = ["compose_paragraph", "ParagraphComposer", "Line", "PlacedGlyph", "opportunities", "uax14",
           "clear_caches"]
