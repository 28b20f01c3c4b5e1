"""ReportLab TrueType faces loaded from a disk cache: parsing a 65,535-glyph CJK face takes ReportLab
~0.5 s per process; the parsed tables (widths, cmap, glyph offsets) are pickled once per font file
(keyed by path, index, size and mtime) and a new process restores them in a few milliseconds."""
from __future__ import annotations

import hashlib
import os
import pickle

from .fonts import CACHE_DIR

_VERSION = 1
_SKIP = ("_ttf_data", "_pdfScale")


def _key(path: str, index: int) -> str:
    st = os.stat(path)
    import reportlab
    raw = f"{os.path.abspath(path)}|{index}|{st.st_size}|{int(st.st_mtime)}|{reportlab.Version}|{_VERSION}"
    return hashlib.sha1(raw.encode()).hexdigest()


def _scale(upem: int):
    if upem == 1000:
        return lambda x: x
    m = 1000 / upem
    return lambda x: x * m


def load_ttfont(name: str, path: str, index: int = 0):
    """A ``reportlab.pdfbase.ttfonts.TTFont`` for ``path``; equal to ``TTFont(name, path, subfontIndex=index)``."""
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    cache = CACHE_DIR / "reportlab" / f"{_key(path, index)}.pickle"
    state = None
    try:
        with open(cache, "rb") as f:
            state = pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError):
        state = None
    if state is None:
        font = TTFont(name, path, subfontIndex=index)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                pickle.dump({k: v for k, v in vars(font.face).items() if k not in _SKIP}, f,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:
            pass
        return font
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    with open(path, "rb") as f:
        data = f.read()
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    # what TTFont.__init__ does, with the parsed face
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, unShapedFontGlob
    from fnmatch import fnmatch
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in unShapedFontGlob)
    return font
