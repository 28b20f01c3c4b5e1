"""The ReportLab face cache restores exactly what ReportLab parses, so PDFs are byte-identical either way."""
import io
import os

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout import rlfonts
from layout.fonts import catalog


def _pdf(font) -> bytes:
    pdfmetrics.registerFont(font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, initialFontName=font.fontName)
    c.setFont(font.fontName, 12)
    c.drawString(40, 700, "排版测试：龘“引号”ABC 123，。")
    c.save()
    return buf.getvalue()


def test_cached_face_equals_parsed_face(tmp_path, monkeypatch):
    monkeypatch.setattr(rlfonts, "CACHE_DIR", tmp_path)
    path = catalog().face("楷体").path
    first = rlfonts.load_ttfont("RLCacheA", path)            # parses and writes the cache
    assert list((tmp_path / "reportlab").glob("*.pickle"))
    cached = rlfonts.load_ttfont("RLCacheB", path)           # restored from the cache
    plain = TTFont("RLCacheC", path)
    for attr in ("charWidths", "charToGlyph", "glyphPos", "hmetrics", "unitsPerEm", "ascent", "descent", "name"):
        assert getattr(cached.face, attr) == getattr(plain.face, attr), attr
    assert cached.face._pdfScale(500) == plain.face._pdfScale(500)
    assert set(vars(cached.face)) == set(vars(plain.face))
    a = _pdf(cached).replace(b"RLCacheB", b"X")
    b = _pdf(plain).replace(b"RLCacheC", b"X")
    assert a == b
    assert first.face.charWidths == plain.face.charWidths


def test_stale_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(rlfonts, "CACHE_DIR", tmp_path)
    path = catalog().face("楷体").path
    rlfonts.load_ttfont("RLStaleA", path)
    for p in (tmp_path / "reportlab").glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    font = rlfonts.load_ttfont("RLStaleB", path)
    assert font.face.charWidths == TTFont("RLStaleC", path).face.charWidths
    assert os.path.getsize(next((tmp_path / "reportlab").glob("*.pickle"))) > 1000
