"""Paragraph composition through the text engine, memoised by (text, style, the widths actually used).

The composer asks for a paragraph's lines given the width of every line slot it may occupy (slots differ
when a photo shortens lines or a paragraph crosses into a narrower frame). :class:`ParaCache` remembers,
per paragraph text and style, which widths the engine asked for and the lines it returned, so recomposing
a page after an edit elsewhere costs dictionary look-ups.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import fields

_ENGINE = None


def engine():
    """The text engine's ``compose_paragraph`` (imported lazily; tests may replace it with :func:`use_engine`)."""
    global _ENGINE
    if _ENGINE is None:
        from ..text import compose_paragraph
        _ENGINE = compose_paragraph
    return _ENGINE


def use_engine(fn) -> None:
    """Replace the paragraph composer (``fn(text, style, width_or_callable) -> list[Line]``); None resets."""
    global _ENGINE
    _ENGINE = fn


_STYLE_FIELDS = None


def style_key(style) -> tuple:
    global _STYLE_FIELDS
    if _STYLE_FIELDS is None:
        _STYLE_FIELDS = [f.name for f in fields(style)]
    return tuple(getattr(style, n) for n in _STYLE_FIELDS)


class ParaCache:
    """LRU memo of composed paragraphs keyed by text, style and the sequence of line widths used."""

    def __init__(self, size: int = 4000):
        self.size = size
        self._d: OrderedDict = OrderedDict()
        self.hits = 0
        self.misses = 0

    def compose(self, text: str, style, widths, skey=None) -> list:
        """Lines of ``text`` where line ``i`` is ``widths[i]`` wide (the last width repeats)."""
        if skey is None:
            skey = style_key(style)
        n = len(widths)
        last = widths[-1] if n else 100.0
        key = (text, skey)
        entries = self._d.get(key)
        if entries is not None:
            for used, lines in entries:
                k = len(used)
                if k <= n:
                    if tuple(widths[:k]) == used:
                        self.hits += 1
                        self._d.move_to_end(key)
                        return lines
                elif tuple(widths) == used[:n] and all(w == last for w in used[n:]):
                    self.hits += 1
                    self._d.move_to_end(key)
                    return lines
        self.misses += 1
        asked = [0]

        def width(i: int) -> float:
            if i + 1 > asked[0]:
                asked[0] = i + 1
            return widths[i] if i < n else last

        if n and all(w == last for w in widths):
            lines = engine()(text, style, last)
            used = (last,) * max(1, len(lines))
        else:
            lines = engine()(text, style, width)
            k = max(asked[0], len(lines), 1)
            used = tuple(widths[i] if i < n else last for i in range(k))
        if entries is None:
            entries = self._d[key] = []
        entries.insert(0, (used, lines))
        del entries[4:]
        self._d.move_to_end(key)
        while len(self._d) > self.size:
            self._d.popitem(last=False)
        return lines


def nonspace(s: str) -> int:
    return sum(1 for c in s if not c.isspace())
