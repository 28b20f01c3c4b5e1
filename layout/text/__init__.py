"""CJK line composition, in stages: itemize → shape (measure) → breaks (UAX #14 + clreq tailoring) →
linebreak → justify → lines.  ``compose_paragraph()`` is the entry; ``ParagraphComposer`` sets a paragraph
line by line for columns, frames and wrap.  See each module's docstring for its contract."""
from .breaks import opportunities, uax14
from .linebreak import ParagraphComposer, clear_caches, compose_paragraph
from .lines import Line, PlacedGlyph

__all__ = ["compose_paragraph", "ParagraphComposer", "Line", "PlacedGlyph", "opportunities", "uax14",
           "clear_caches"]
