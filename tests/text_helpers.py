"""Shared helpers for the text engine tests: the fixed test catalogue and a compose shortcut."""
import pathlib
from dataclasses import replace

from layout.fonts import load_catalog
from layout.model import Style
from layout.text import compose_paragraph

DATA = pathlib.Path(__file__).parent / "data"
CAT = load_catalog(DATA / "text-fonts.yaml")
SIZE = 9.0
EM = SIZE


def style(**kw):
    base = Style("test", font="宋体", size=SIZE, indent=0.0)
    return replace(base, **kw)


def lines(text, chars, **kw):
    """Compose ``text`` in a measure of ``chars`` em (9 pt type) with the test catalogue."""
    return compose_paragraph(text, style(**kw), chars * EM, catalog=CAT)


def texts(text, chars, **kw):
    return [ln.text for ln in lines(text, chars, **kw)]


def glyph(line, ch, nth=0):
    found = [g for g in line.glyphs if g.ch == ch]
    return found[nth]
