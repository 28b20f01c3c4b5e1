"""The screen painter (gui/painter.py) draws laid-out tree items: glyphs from the real font file at the
tree's positions, rules, rectangles, paths, images and the missing-image placeholder; CMYK → RGB."""
import os

import pytest

pytest.importorskip("PySide6")
from PySide6.QtGui import QColor  # noqa: E402

from layout import tree  # noqa: E402
from gui import painter  # noqa: E402

KAI = str(__import__("pathlib").Path(__file__).resolve().parent.parent / "fonts" / "LXGWWenKai-Regular.ttf")


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])


def _dark_columns(img, y0, y1):
    cols = set()
    for x in range(img.width()):
        for y in range(y0, y1):
            if QColor(img.pixel(x, y)).lightness() < 128:
                cols.add(x)
                break
    return cols


def test_cmyk_to_rgb():
    assert painter.cmyk_to_rgb((0, 0, 0, 0)) == (255, 255, 255)
    assert painter.cmyk_to_rgb((0, 0, 0, 1)) == (35, 31, 32)          # K100: print black, as poppler shows it
    assert painter.cmyk_to_rgb((1, 1, 1, 1)) == (0, 0, 0)
    assert painter.cmyk_to_rgb((0, 1, 1, 0)) == (237, 28, 36)          # 报头红 M100 Y100
    assert painter.cmyk_to_rgb(tree.Spot("报头红", (0, 1, 1, 0), 0.5)) == painter.cmyk_to_rgb((0, 0.5, 0.5, 0))
    assert painter.cmyk_to_rgb_naive((0, 1, 1, 0)) == (255, 0, 0)


@pytest.mark.skipif(not os.path.exists(KAI), reason="LXGW WenKai not installed")
def test_glyph_run_drawn_at_tree_positions(app):
    # two glyphs 100 pt apart: ink appears around x=10 and x=110 only, nothing in between
    g = [tree.Glyph("中", 10, 24), tree.Glyph("文", 110, 24)]
    page = tree.LaidPage(1, 200, 60, items=[tree.GlyphRun("kai", 24, 0, 40, g)])
    img = painter.render_page_image(page, dpi=72, faces={"kai": KAI})
    ink = _dark_columns(img, 10, 50)
    assert ink and min(ink) >= 9 and max(ink) <= 136
    assert any(10 <= x < 34 for x in ink) and any(110 <= x < 134 for x in ink)
    assert not any(40 <= x < 105 for x in ink)
    # hscale 50: the glyph box of 中 is squeezed about its own x
    page2 = tree.LaidPage(1, 200, 60, items=[tree.GlyphRun("kai", 24, 0, 40, g, hscale=50)])
    ink2 = _dark_columns(painter.render_page_image(page2, dpi=72, faces={"kai": KAI}), 10, 50)
    assert not any(24 <= x < 105 for x in ink2) and any(110 <= x < 122 for x in ink2)


def test_rules_rects_paths_and_missing_image(app, tmp_path):
    items = [
        tree.Rect(10, 10, 20, 20, fill=(0, 1, 1, 0)),
        tree.Rule(0, 50, 100, 50, width=2, colour=(0, 0, 0, 1)),
        tree.Path([[(60, 5), (90, 5), (90, 35), (60, 35)]], fill=(1, 0, 0, 0)),
        tree.Image(10, 60, 30, 30, str(tmp_path / "nope.jpg"), missing=True),
    ]
    img = painter.render_page_image(tree.LaidPage(1, 100, 100, items=items), dpi=72)
    assert QColor(img.pixel(20, 20)).getRgb()[:3] == (237, 28, 36)
    assert QColor(img.pixel(50, 50)).lightness() < 60
    assert QColor(img.pixel(75, 20)).getRgb()[:3] == (0, 173, 239)
    placeholder = QColor(img.pixel(15, 85))
    assert 150 < placeholder.lightness() < 250    # grey box


def test_image_crop(app, tmp_path):
    from PySide6.QtGui import QImage
    src = QImage(100, 100, QImage.Format.Format_RGB32)
    src.fill(QColor(0, 0, 255))
    for x in range(50, 100):
        for y in range(100):
            src.setPixel(x, y, QColor(255, 0, 0).rgb())
    p = tmp_path / "half.png"
    src.save(str(p))
    # crop to the right half: the whole frame is red
    im = tree.Image(0, 0, 40, 40, str(p), crop=(0.5, 0, 1, 1))
    img = painter.render_page_image(tree.LaidPage(1, 40, 40, items=[im]), dpi=72)
    assert QColor(img.pixel(5, 20)).getRgb()[:3] == (255, 0, 0)
    assert QColor(img.pixel(35, 20)).getRgb()[:3] == (255, 0, 0)


@pytest.mark.skipif(not os.path.exists(KAI), reason="LXGW WenKai not installed")
def test_culling_to_the_visible_rect_changes_no_visible_pixel(app):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    runs = [tree.GlyphRun("kai", 12, 10, 20 + 14 * i, [tree.Glyph(c, j * 12, 12) for j, c in enumerate("排版测试文字")])
            for i in range(10)]
    runs.append(tree.GlyphRun("kai", 12, 100, 20, [tree.Glyph("中", 0, 12, dy=k * 12) for k in range(8)]))
    runs.append(tree.Rule(0, 70, 200, 70, width=1))
    page = tree.LaidPage(1, 200, 160, items=runs)

    def render(visible):
        img = QImage(400, 320, QImage.Format.Format_RGB32)
        p = QPainter(img)
        p.scale(2, 2)
        painter.paint_page(p, page, {"kai": KAI}, visible=visible)
        p.end()
        return img
    full = render(None)
    vis = QRectF(30, 40, 90, 50)
    part = render(vis)
    for y in range(80, 180, 3):
        for x in range(60, 240, 3):
            assert part.pixel(x, y) == full.pixel(x, y)
